//! The shape of the generated constraint tables (`tables.rs`).

/// "No value" for the optional `u32` fields (and for [`Node::items`]).
pub(crate) const N: u32 = u32::MAX;

/// JSON type names, the bits of [`Node::types`] in this order.
pub(crate) const TYPE_NAMES: [&str; 6] =
    ["string", "number", "integer", "boolean", "array", "object"];
pub(crate) const STRING: u8 = 1;
pub(crate) const NUMBER: u8 = 1 << 1;
pub(crate) const INTEGER: u8 = 1 << 2;
pub(crate) const BOOLEAN: u8 = 1 << 3;
pub(crate) const ARRAY: u8 = 1 << 4;
pub(crate) const OBJECT: u8 = 1 << 5;

/// One schema node.
pub(crate) struct Node {
    /// Allowed JSON types (bits of [`TYPE_NAMES`]); 0: any.
    pub types: u8,
    /// The type named in messages (an index into [`TYPE_NAMES`]).
    pub primary: u8,
    /// Known properties, sorted by name, with their nodes.
    pub props: &'static [(&'static str, u32)],
    /// Required properties.
    pub required: &'static [&'static str],
    /// `requiredOr`: at least one of these.
    pub required_or: &'static [&'static str],
    /// `requiredXor`: exactly one of these.
    pub required_xor: &'static [&'static str],
    /// `additionalProperties: false`.
    pub closed: bool,
    /// The node of array items, or [`N`].
    pub items: u32,
    /// minItems, maxItems, minLength, maxLength ([`N`]: none).
    pub bounds: [u32; 4],
    /// minimum.
    pub minimum: Option<f64>,
    /// maximum.
    pub maximum: Option<f64>,
}

impl Node {
    #[allow(clippy::too_many_arguments)]
    pub(crate) const fn new(
        types: u8,
        primary: u8,
        props: &'static [(&'static str, u32)],
        required: &'static [&'static str],
        required_or: &'static [&'static str],
        required_xor: &'static [&'static str],
        closed: bool,
        items: u32,
        bounds: [u32; 4],
        minimum: Option<f64>,
        maximum: Option<f64>,
    ) -> Node {
        Node {
            types,
            primary,
            props,
            required,
            required_or,
            required_xor,
            closed,
            items,
            bounds,
            minimum,
            maximum,
        }
    }

    pub(crate) fn prop(&self, name: &str) -> Option<u32> {
        self.props.binary_search_by(|(k, _)| (*k).cmp(name)).ok().map(|i| self.props[i].1)
    }

    pub(crate) fn bound(&self, i: usize) -> Option<u64> {
        (self.bounds[i] != N).then_some(u64::from(self.bounds[i]))
    }
}
