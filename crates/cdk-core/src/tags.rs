//! Tags: the per-resource tag manager and the `Tags.of(scope).add(...)` aspect.
//!
//! Ports `core/lib/tag-manager.ts` and `core/lib/tag-aspect.ts`: a tag set on a resource
//! replaces an existing one of the same key when its priority is at least as high; tags
//! given in the L1 props start at priority 50, [`Tags::add`] uses 100 by default; tags
//! render sorted by key (`localeCompare`).

use indexmap::IndexMap;

use crate::collate::locale_compare;
use crate::error::IntoProps;
use crate::tree::{Construct, Node};
use crate::value::{Map, Value};

/// How a resource type takes tags (from its registry schema).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tagging {
    /// The property holding the tags (`Tags`).
    pub property: &'static str,
    /// The shape of that property.
    pub format: TagFormat,
}

/// Shape of a tag property.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TagFormat {
    /// A list of `{ "Key": ..., "Value": ... }`.
    Standard,
    /// An object of key → value.
    Map,
}

/// Priority of tags given in the L1 props.
pub const INITIAL_TAG_PRIORITY: u32 = 50;
/// Default priority of [`Tags::add`].
pub const DEFAULT_ASPECT_PRIORITY: u32 = 100;

#[derive(Clone, Debug)]
struct Tag {
    /// A literal string, or a token (aws-cdk-lib keeps token strings as tag values).
    value: Value,
    priority: u32,
}

/// The tags of one resource.
#[derive(Clone, Debug)]
pub(crate) struct TagManager {
    tagging: Tagging,
    tags: IndexMap<String, Tag>,
    /// Tags given as a token in the props: rendered as they are, after the static ones.
    dynamic: Option<Value>,
}

impl TagManager {
    pub fn new(tagging: Tagging, initial: Value) -> Self {
        let mut m = TagManager { tagging, tags: IndexMap::new(), dynamic: None };
        match (&initial, tagging.format) {
            (v, _) if v.is_absent() => {}
            (Value::Array(items), TagFormat::Standard) => {
                let mut literal = Vec::new();
                for item in items {
                    let o = item.as_object();
                    let k = o.and_then(|o| o.get("Key")).and_then(Value::as_str);
                    let v = o.and_then(|o| o.get("Value")).filter(|v| is_string_like(v));
                    match (k, v) {
                        (Some(k), Some(v)) => literal.push((k.to_string(), v.clone())),
                        _ => {
                            m.dynamic = Some(initial.clone());
                            return m;
                        }
                    }
                }
                for (k, v) in literal {
                    m.set_tag_value(&k, v, INITIAL_TAG_PRIORITY);
                }
            }
            (Value::Object(o), TagFormat::Map) if o.values().all(is_string_like) => {
                for (k, v) in o {
                    m.set_tag_value(k, v.clone(), INITIAL_TAG_PRIORITY);
                }
            }
            _ => m.dynamic = Some(initial),
        }
        m
    }

    pub fn tagging(&self) -> Tagging {
        self.tagging
    }

    pub fn set_tag(&mut self, key: &str, value: &str, priority: u32, _apply: bool) {
        self.set_tag_value(key, Value::from(value), priority)
    }

    fn set_tag_value(&mut self, key: &str, value: Value, priority: u32) {
        let current = self.tags.get(key).map(|t| t.priority).unwrap_or(0);
        if priority >= current {
            self.tags.insert(key.to_string(), Tag { value, priority });
        }
    }

    pub fn remove_tag(&mut self, key: &str, priority: u32) {
        let current = self.tags.get(key).map(|t| t.priority).unwrap_or(0);
        if priority >= current {
            self.tags.shift_remove(key);
        }
    }

    /// The tag property's value, or absent when there are no tags.
    pub fn render(&self) -> Value {
        let mut sorted: Vec<(&String, &Tag)> = self.tags.iter().collect();
        sorted.sort_by(|a, b| locale_compare(a.0, b.0));
        if sorted.is_empty() {
            return self.dynamic.clone().unwrap_or_else(Value::absent);
        }
        match self.tagging.format {
            TagFormat::Standard => {
                let mut list: Vec<Value> = sorted
                    .into_iter()
                    .map(|(k, t)| {
                        Value::object([
                            ("Key", Value::from(k.as_str())),
                            ("Value", t.value.clone()),
                        ])
                    })
                    .collect();
                if let Some(Value::Array(d)) = &self.dynamic {
                    list.extend(d.iter().cloned());
                }
                Value::Array(list)
            }
            TagFormat::Map => {
                let mut m: Map =
                    sorted.into_iter().map(|(k, t)| (k.clone(), t.value.clone())).collect();
                if let Some(Value::Object(d)) = &self.dynamic {
                    for (k, v) in d.keyed() {
                        m.insert_key(k.clone(), v.clone());
                    }
                }
                Value::Object(m)
            }
        }
    }
}

/// A tag value aws-cdk-lib takes as a string: a literal, or a token that renders as one
/// (a reference, an intrinsic, a lazy value).
fn is_string_like(v: &Value) -> bool {
    matches!(v, Value::String(_) | Value::Token(_) | Value::Object(_)) && !v.is_absent()
}

/// A tag operation recorded on a scope, applied to every taggable resource below it at
/// synthesis (the `Tag` / `RemoveTag` aspects).
#[derive(Clone, Debug)]
pub(crate) struct TagAspect {
    pub key: String,
    /// `None` removes the tag.
    pub value: Option<String>,
    pub priority: u32,
    pub apply_to_launched_instances: bool,
    pub include_resource_types: Vec<String>,
    pub exclude_resource_types: Vec<String>,
}

impl TagAspect {
    pub fn applies_to(&self, resource_type: &str) -> bool {
        if self.exclude_resource_types.iter().any(|t| t == resource_type) {
            return false;
        }
        self.include_resource_types.is_empty()
            || self.include_resource_types.iter().any(|t| t == resource_type)
    }
}

/// Options of [`Tags::add_with`] and [`Tags::remove_with`] (CDK's `TagProps`).
///
/// ```
/// use cdk_core::{App, TagProps, Tags};
/// let app = App::new();
/// # app.skip_synth_check();
/// Tags::of(&app).add_with("team", "api", TagProps::builder().priority(300).exclude_resource_types(["AWS::S3::Bucket"]));
/// ```
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "crate::BuildError")
)]
#[non_exhaustive]
pub struct TagProps {
    /// Whether the tag propagates to instances launched by an Auto Scaling group.
    /// Default: true.
    #[builder(default = "true")]
    pub apply_to_launched_instances: bool,
    /// Resource types that do not get the tag (`AWS::S3::Bucket`). Default: none excluded.
    #[builder(default, setter(custom))]
    pub exclude_resource_types: Vec<String>,
    /// The only resource types that get the tag. Default: every taggable type.
    #[builder(default, setter(custom))]
    pub include_resource_types: Vec<String>,
    /// Priority against other tags of the same key: the highest wins, the later of equals
    /// wins. Default: 100 for [`Tags::add`], 200 for [`Tags::remove`].
    #[builder(default, setter(into = false, strip_option))]
    pub priority: Option<u32>,
}
crate::impl_props!(TagProps, TagPropsBuilder);

impl Default for TagProps {
    fn default() -> Self {
        TagProps {
            apply_to_launched_instances: true,
            exclude_resource_types: Vec::new(),
            include_resource_types: Vec::new(),
            priority: None,
        }
    }
}

impl TagPropsBuilder {
    /// Resource types that do not get the tag (any list of strings). Default: none excluded.
    pub fn exclude_resource_types<I>(mut self, types: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.exclude_resource_types = Some(types.into_iter().map(Into::into).collect());
        self
    }

    /// The only resource types that get the tag (any list of strings). Default: every
    /// taggable type.
    pub fn include_resource_types<I>(mut self, types: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.include_resource_types = Some(types.into_iter().map(Into::into).collect());
        self
    }
}

fn finish_tag_props(props: impl IntoProps<TagProps>) -> TagProps {
    // Every field of TagProps has a default and none is validated: finishing cannot fail.
    props.into_props().expect("TagProps has no required or validated field")
}

/// `Tags.of(scope)`: adds or removes tags on every taggable resource under a scope.
///
/// ```
/// use cdk_core::{App, Stack, Tags};
/// let app = App::new();
/// # app.skip_synth_check();
/// Tags::of(&app).add("team", "api");
/// ```
pub struct Tags {
    node: Node,
}

impl Tags {
    /// The tags of a scope.
    pub fn of(scope: &impl Construct) -> Tags {
        Tags { node: scope.node().clone() }
    }

    /// Adds a tag with the default priority (100) (CDK's `Tags.of(scope).add(key, value)`).
    pub fn add(&self, key: &str, value: &str) {
        self.add_with(key, value, TagProps::default())
    }

    /// Adds a tag with options: a [`TagProps`] or its unfinished builder (CDK's
    /// `Tags.of(scope).add(key, value, props)`).
    ///
    /// # Panics
    /// Never for a [`TagProps`] or its builder (no field is required or validated).
    pub fn add_with(&self, key: &str, value: &str, props: impl IntoProps<TagProps>) {
        let props = finish_tag_props(props);
        self.push(TagAspect {
            key: key.to_string(),
            value: Some(value.to_string()),
            priority: props.priority.unwrap_or(DEFAULT_ASPECT_PRIORITY),
            apply_to_launched_instances: props.apply_to_launched_instances,
            include_resource_types: props.include_resource_types,
            exclude_resource_types: props.exclude_resource_types,
        })
    }

    /// Removes a tag with the default priority (200) (CDK's `Tags.of(scope).remove(key)`).
    pub fn remove(&self, key: &str) {
        self.remove_with(key, TagProps::default())
    }

    /// Removes a tag with options: a [`TagProps`] or its unfinished builder (CDK's
    /// `Tags.of(scope).remove(key, props)`).
    ///
    /// # Panics
    /// Never for a [`TagProps`] or its builder (no field is required or validated).
    pub fn remove_with(&self, key: &str, props: impl IntoProps<TagProps>) {
        let props = finish_tag_props(props);
        self.push(TagAspect {
            key: key.to_string(),
            value: None,
            priority: props.priority.unwrap_or(200),
            apply_to_launched_instances: props.apply_to_launched_instances,
            include_resource_types: props.include_resource_types,
            exclude_resource_types: props.exclude_resource_types,
        })
    }

    fn push(&self, aspect: TagAspect) {
        self.node.update(move |n| n.rare_mut().tag_aspects.push(aspect));
    }
}
