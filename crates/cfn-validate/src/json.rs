//! The JSON the rules read: a compact tree ([`Doc`]) whose strings borrow from the template's
//! text (or from a `serde_json::Value`), read from text with exactly serde_json's grammar
//! and semantics (numbers, escapes, a repeated key keeps its first place and its last value,
//! at most [`MAX_NESTING`] nested arrays/objects), so that [`Doc::parse`] of a text and
//! [`Doc::from_value`] of `serde_json::from_str` of it read the same.
//!
//! A template's tree keeps its resource bodies aside, as text ([`Node::Raw`]: each is also
//! read into a scratch [`Doc`] and shown to a visitor, the validator, as it is met) or as
//! their `Value` ([`Node::Value`]), and [`Doc::read_kept`] reads one into a scratch [`Doc`]
//! when needed: memory stays that of the largest resource, not of the template.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use serde_json::{Number, Value};

/// serde_json's recursion limit: it reads at most this many nested arrays/objects.
const MAX_NESTING: usize = 127;

/// Containers of a `serde_json::Value` nested deeper than this are converted to `null`:
/// no rule looks that deep (walks stop `MAX_DEPTH` (128) levels under a resource's
/// attribute or an output's value, at template depth 3, and a value is rendered at most
/// `MAX_DEPTH` levels further down), and it bounds the conversion's recursion.
const MAX_CONVERTED_DEPTH: usize = 512;

/// One value of a [`Doc`].
#[derive(Debug)]
pub(crate) enum Node<'a> {
    Null,
    Bool(bool),
    Number(Number),
    /// A string as written (no escapes), or borrowed from a `Value`.
    Str(&'a str),
    /// A string with escapes, decoded: `Doc::owned[i]`.
    Owned(usize),
    /// Items `Doc::items[start..start + len]`.
    Array(usize, usize),
    /// Entries `Doc::entries[start..start + len]` (keys are `Str`/`Owned`, each once).
    Object(usize, usize),
    /// A resource body kept as its text, `text[start..end]` (at nesting depth 2, read once
    /// already): [`Doc::read_kept`] reads it.
    Raw(usize, usize),
    /// A resource body kept as its `serde_json::Value`: [`Doc::read_kept`] converts it.
    Value(&'a Value),
}

/// A JSON value as a tree of [`Node`]s in a few arenas.
#[derive(Debug, Default)]
pub(crate) struct Doc<'a> {
    text: &'a str,
    root: Option<Node<'a>>,
    items: Vec<Node<'a>>,
    entries: Vec<(Node<'a>, Node<'a>)>,
    owned: Vec<String>,
    /// Parser scratch: the items of the arrays being read.
    item_stack: Vec<Node<'a>>,
    /// Parser scratch: the entries of the objects being read.
    entry_stack: Vec<(Node<'a>, Node<'a>)>,
}

impl<'a> Doc<'a> {
    /// Reads `text` as serde_json would (`None` where it fails). The values of the
    /// template's `Resources` object are shown to `visit` as they are read (before the rest
    /// of the text is: it may still turn out not to be JSON) and left [`Node::Raw`].
    pub(crate) fn parse(text: &'a str, visit: Visit<'a, '_>) -> Option<Doc<'a>> {
        let mut doc = Doc { text, ..Doc::default() };
        let mut scratch = Doc::default();
        let mut p = Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            doc: &mut doc,
            resources: Some((&mut scratch, visit)),
        };
        let root = p.value(0).ok()?;
        p.skip_ws();
        if p.pos != p.bytes.len() {
            return None;
        }
        doc.root = Some(root);
        Some(doc)
    }

    /// Reads the resource body `kept` ([`Node::Raw`] or [`Node::Value`]) of `from` into
    /// `self` (cleared first); `false` if it is neither.
    pub(crate) fn read_kept(&mut self, from: &Doc<'a>, kept: &Node<'a>) -> bool {
        match *kept {
            Node::Raw(start, end) => {
                let Some(bytes) = from.text.as_bytes().get(..end) else { return false };
                self.read(from.text, bytes, start, 2).is_ok_and(|stop| stop == end)
            }
            Node::Value(value) => {
                self.clear(from.text);
                let root = self.convert(value, 2, false);
                self.root = Some(root);
                true
            }
            _ => false,
        }
    }

    fn clear(&mut self, text: &'a str) {
        self.text = text;
        self.root = None;
        self.items.clear();
        self.entries.clear();
        self.owned.clear();
        self.item_stack.clear();
        self.entry_stack.clear();
    }

    /// Reads the value at `start` of `text` (inside `depth` arrays/objects, up to the end
    /// of `bytes`) into `self` (cleared first); where it ends.
    fn read(
        &mut self,
        text: &'a str,
        bytes: &'a [u8],
        start: usize,
        depth: usize,
    ) -> Result<usize, Invalid> {
        self.clear(text);
        let mut p = Parser { text, bytes, pos: start, doc: self, resources: None };
        let root = p.value(depth)?;
        let end = p.pos;
        self.root = Some(root);
        Ok(end)
    }

    /// The tree of a `serde_json::Value` (its strings borrowed), the values of the
    /// template's `Resources` object kept as they are ([`Node::Value`]).
    pub(crate) fn from_value(value: &'a Value) -> Doc<'a> {
        let mut doc = Doc::default();
        let root = doc.convert(value, 0, true);
        doc.root = Some(root);
        doc
    }

    /// The node of `value` (inside `depth` arrays/objects); `top`: the template's root.
    fn convert(&mut self, value: &'a Value, depth: usize, top: bool) -> Node<'a> {
        match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => Node::Number(n.clone()),
            Value::String(s) => Node::Str(s),
            _ if depth >= MAX_CONVERTED_DEPTH => Node::Null,
            Value::Array(values) => {
                let base = self.item_stack.len();
                for v in values {
                    let node = self.convert(v, depth + 1, false);
                    self.item_stack.push(node);
                }
                let start = self.items.len();
                self.items.extend(self.item_stack.drain(base..));
                Node::Array(start, values.len())
            }
            Value::Object(map) => {
                let base = self.entry_stack.len();
                for (k, v) in map {
                    let node = match v {
                        Value::Object(resources) if top && k == "Resources" => {
                            let start = self.entries.len();
                            let kept = resources
                                .iter()
                                .map(|(id, body)| (Node::Str(id), Node::Value(body)));
                            self.entries.extend(kept);
                            Node::Object(start, resources.len())
                        }
                        _ => self.convert(v, depth + 1, false),
                    };
                    self.entry_stack.push((Node::Str(k), node));
                }
                let start = self.entries.len();
                self.entries.extend(self.entry_stack.drain(base..));
                Node::Object(start, map.len())
            }
        }
    }

    /// The root value.
    pub(crate) fn root(&self) -> J<'_> {
        J { doc: self, node: self.root.as_ref().unwrap_or(&Node::Null) }
    }

    fn str_of(&self, node: &Node<'a>) -> Option<&str> {
        match node {
            Node::Str(s) => Some(s),
            Node::Owned(i) => self.owned.get(*i).map(String::as_str),
            _ => None,
        }
    }
}

/// A value of a [`Doc`], for reading.
#[derive(Clone, Copy)]
pub(crate) struct J<'d> {
    doc: &'d Doc<'d>,
    node: &'d Node<'d>,
}

/// What a [`J`] is.
pub(crate) enum Kind<'d> {
    Null,
    Bool(bool),
    Number(&'d Number),
    String(&'d str),
    Array(Arr<'d>),
    Object(Obj<'d>),
}

impl<'d> J<'d> {
    pub(crate) fn kind(self) -> Kind<'d> {
        let doc = self.doc;
        match self.node {
            Node::Null | Node::Raw(..) | Node::Value(_) => Kind::Null,
            Node::Bool(b) => Kind::Bool(*b),
            Node::Number(n) => Kind::Number(n),
            Node::Str(_) | Node::Owned(_) => Kind::String(doc.str_of(self.node).unwrap_or("")),
            Node::Array(start, len) => {
                Kind::Array(Arr { doc, items: doc.items.get(*start..start + len).unwrap_or(&[]) })
            }
            Node::Object(start, len) => Kind::Object(Obj {
                doc,
                entries: doc.entries.get(*start..start + len).unwrap_or(&[]),
            }),
        }
    }

    /// An empty object (of the document of `like`).
    pub(crate) fn empty_object(like: Obj<'d>) -> J<'d> {
        J { doc: like.doc, node: &Node::Object(0, 0) }
    }

    /// The node, for [`Doc::read_kept`].
    pub(crate) fn node(self) -> &'d Node<'d> {
        self.node
    }

    pub(crate) fn as_str(self) -> Option<&'d str> {
        self.doc.str_of(self.node)
    }

    pub(crate) fn as_object(self) -> Option<Obj<'d>> {
        match self.kind() {
            Kind::Object(o) => Some(o),
            _ => None,
        }
    }

    pub(crate) fn as_array(self) -> Option<Arr<'d>> {
        match self.kind() {
            Kind::Array(a) => Some(a),
            _ => None,
        }
    }

    pub(crate) fn is_string(self) -> bool {
        matches!(self.node, Node::Str(_) | Node::Owned(_))
    }

    pub(crate) fn is_null(self) -> bool {
        matches!(self.node, Node::Null)
    }

    pub(crate) fn is_number(self) -> bool {
        matches!(self.node, Node::Number(_))
    }

    pub(crate) fn is_boolean(self) -> bool {
        matches!(self.node, Node::Bool(_))
    }
}

/// An array of a [`Doc`].
#[derive(Clone, Copy)]
pub(crate) struct Arr<'d> {
    doc: &'d Doc<'d>,
    items: &'d [Node<'d>],
}

impl<'d> Arr<'d> {
    pub(crate) fn len(self) -> usize {
        self.items.len()
    }

    pub(crate) fn get(self, i: usize) -> Option<J<'d>> {
        self.items.get(i).map(|node| J { doc: self.doc, node })
    }

    pub(crate) fn iter(self) -> impl Iterator<Item = J<'d>> {
        self.items.iter().map(move |node| J { doc: self.doc, node })
    }
}

/// An object of a [`Doc`] (each key once).
#[derive(Clone, Copy)]
pub(crate) struct Obj<'d> {
    doc: &'d Doc<'d>,
    entries: &'d [(Node<'d>, Node<'d>)],
}

impl<'d> Obj<'d> {
    /// An empty object.
    pub(crate) fn empty(doc: &'d Doc<'d>) -> Obj<'d> {
        Obj { doc, entries: &[] }
    }

    pub(crate) fn len(self) -> usize {
        self.entries.len()
    }

    pub(crate) fn is_empty(self) -> bool {
        self.entries.is_empty()
    }

    pub(crate) fn iter(self) -> impl Iterator<Item = (&'d str, J<'d>)> {
        self.entries
            .iter()
            .map(move |(k, node)| (self.doc.str_of(k).unwrap_or(""), J { doc: self.doc, node }))
    }

    pub(crate) fn keys(self) -> impl Iterator<Item = &'d str> {
        self.iter().map(|(k, _)| k)
    }

    /// The value of `key` (a linear search: objects other than the sections are small).
    pub(crate) fn get(self, key: &str) -> Option<J<'d>> {
        self.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    pub(crate) fn contains_key(self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The only entry, if there is exactly one.
    pub(crate) fn single(self) -> Option<(&'d str, J<'d>)> {
        match self.entries {
            [_] => self.iter().next(),
            _ => None,
        }
    }
}

/// A set of strings with a fast hash (of the names of a template: no adversary to resist).
pub(crate) type StrSet<'a> = HashSet<&'a str, BuildHasherDefault<FastHasher>>;

/// A multiply-rotate hash over eight bytes at a time (as rustc's `FxHasher`).
#[derive(Default)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in chunks.by_ref() {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for b in chunks.remainder() {
            self.add(u64::from(*b));
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Text that serde_json does not read.
struct Invalid;

/// What a [`Doc::parse`] shows each resource body it reads: (where the body starts in the
/// text, the resource's logical ID, the body).
pub(crate) type Visit<'a, 'v> = &'v mut dyn FnMut(usize, &'a str, J<'_>);

struct Parser<'a, 'p> {
    text: &'a str,
    /// The text up to where reading stops.
    bytes: &'a [u8],
    pos: usize,
    doc: &'p mut Doc<'a>,
    /// Where the values of the template's `Resources` object are read, one at a time, and
    /// who is shown them (at the template's root only).
    resources: Option<(&'p mut Doc<'a>, Visit<'a, 'p>)>,
}

impl<'a> Parser<'a, '_> {
    fn skip_ws(&mut self) {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        self.pos += rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\n' | b'\t' | b'\r'))
            .unwrap_or(rest.len());
    }

    /// The next non-whitespace byte (not consumed).
    fn peek(&mut self) -> Result<u8, Invalid> {
        self.skip_ws();
        self.bytes.get(self.pos).copied().ok_or(Invalid)
    }

    fn expect(&mut self, b: u8) -> Result<(), Invalid> {
        if self.peek()? != b {
            return Err(Invalid);
        }
        self.pos += 1;
        Ok(())
    }

    /// A value inside `depth` open arrays/objects.
    fn value(&mut self, depth: usize) -> Result<Node<'a>, Invalid> {
        match self.peek()? {
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string(),
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.literal(b"true", Node::Bool(true)),
            b'f' => self.literal(b"false", Node::Bool(false)),
            b'n' => self.literal(b"null", Node::Null),
            _ => Err(Invalid),
        }
    }

    fn literal(&mut self, word: &[u8], node: Node<'a>) -> Result<Node<'a>, Invalid> {
        if !self.bytes.get(self.pos..).unwrap_or_default().starts_with(word) {
            return Err(Invalid);
        }
        self.pos += word.len();
        Ok(node)
    }

    fn array(&mut self, depth: usize) -> Result<Node<'a>, Invalid> {
        if depth > MAX_NESTING {
            return Err(Invalid);
        }
        self.pos += 1;
        let base = self.doc.item_stack.len();
        if self.peek()? != b']' {
            loop {
                let item = self.value(depth)?;
                self.doc.item_stack.push(item);
                match self.peek()? {
                    b',' => self.pos += 1,
                    b']' => break,
                    _ => return Err(Invalid),
                }
            }
        }
        self.pos += 1;
        let start = self.doc.items.len();
        let items = self.doc.item_stack.drain(base..);
        let len = items.len();
        self.doc.items.extend(items);
        Ok(Node::Array(start, len))
    }

    fn object(&mut self, depth: usize) -> Result<Node<'a>, Invalid> {
        if depth > MAX_NESTING {
            return Err(Invalid);
        }
        self.pos += 1;
        let base = self.doc.entry_stack.len();
        if self.peek()? != b'}' {
            loop {
                if self.peek()? != b'"' {
                    return Err(Invalid);
                }
                let key = self.string()?;
                self.expect(b':')?;
                let resources = depth == 1 && self.doc.str_of(&key) == Some("Resources");
                let value = if resources && self.resources.is_some() && self.peek()? == b'{' {
                    self.resources(depth + 1)?
                } else {
                    self.value(depth)?
                };
                self.doc.entry_stack.push((key, value));
                match self.peek()? {
                    b',' => self.pos += 1,
                    b'}' => break,
                    _ => return Err(Invalid),
                }
            }
        }
        self.pos += 1;
        Ok(self.close_object(base))
    }

    /// The template's `Resources` object (at `depth`): each value read into the scratch
    /// document and shown to the visitor, then left [`Node::Raw`].
    fn resources(&mut self, depth: usize) -> Result<Node<'a>, Invalid> {
        self.pos += 1;
        let base = self.doc.entry_stack.len();
        if self.peek()? != b'}' {
            loop {
                if self.peek()? != b'"' {
                    return Err(Invalid);
                }
                let key = self.string()?;
                self.expect(b':')?;
                self.skip_ws();
                let start = self.pos;
                let Some((scratch, visit)) = self.resources.as_mut() else { return Err(Invalid) };
                self.pos = scratch.read(self.text, self.bytes, start, depth)?;
                if let Node::Str(id) = key {
                    // A logical ID with escapes is not shown: its body is read again later.
                    visit(start, id, scratch.root());
                }
                self.doc.entry_stack.push((key, Node::Raw(start, self.pos)));
                match self.peek()? {
                    b',' => self.pos += 1,
                    b'}' => break,
                    _ => return Err(Invalid),
                }
            }
        }
        self.pos += 1;
        Ok(self.close_object(base))
    }

    /// Moves the entries read since `base` into the arena, a repeated key keeping its first
    /// place and its last value (serde_json's map).
    fn close_object(&mut self, base: usize) -> Node<'a> {
        let doc = &mut *self.doc;
        let n = doc.entry_stack.len() - base;
        let start = doc.entries.len();
        let key = |doc: &Doc<'a>, e: &(Node<'a>, Node<'a>)| -> String {
            doc.str_of(&e.0).unwrap_or("").to_string()
        };
        let fresh = &doc.entry_stack[base..];
        let repeated = if n <= 16 {
            (1..n).any(|i| {
                let ki = doc.str_of(&fresh[i].0);
                fresh[..i].iter().any(|e| doc.str_of(&e.0) == ki)
            })
        } else {
            let mut seen = StrSet::with_capacity_and_hasher(n, Default::default());
            !fresh.iter().all(|e| seen.insert(doc.str_of(&e.0).unwrap_or("")))
        };
        if repeated {
            let mut at: HashMap<String, usize> = HashMap::new();
            let fresh: Vec<(Node<'a>, Node<'a>)> = doc.entry_stack.drain(base..).collect();
            for e in fresh {
                match at.get(&key(doc, &e)) {
                    Some(&i) => doc.entries[i].1 = e.1,
                    None => {
                        at.insert(key(doc, &e), doc.entries.len());
                        doc.entries.push(e);
                    }
                }
            }
        } else {
            doc.entries.extend(doc.entry_stack.drain(base..));
        }
        Node::Object(start, doc.entries.len() - start)
    }

    /// A string (at its opening quote).
    fn string(&mut self) -> Result<Node<'a>, Invalid> {
        let open = self.pos;
        self.pos += 1;
        self.pos += special_byte(self.bytes.get(self.pos..).unwrap_or_default());
        match self.bytes.get(self.pos) {
            Some(b'"') => {}
            Some(b'\\') => return self.escaped_string(open),
            _ => return Err(Invalid),
        }
        self.pos += 1;
        Ok(Node::Str(self.text.get(open + 1..self.pos - 1).ok_or(Invalid)?))
    }

    /// A string with escapes (from its opening quote at `open`), decoded by serde_json.
    fn escaped_string(&mut self, open: usize) -> Result<Node<'a>, Invalid> {
        loop {
            match self.bytes.get(self.pos) {
                None => return Err(Invalid),
                Some(b'"') => break,
                Some(b'\\') => self.pos += 2,
                Some(_) => self.pos += 1,
            }
        }
        self.pos += 1;
        let token = self.text.get(open..self.pos).ok_or(Invalid)?;
        let s: String = serde_json::from_str(token).map_err(|_| Invalid)?;
        self.doc.owned.push(s);
        Ok(Node::Owned(self.doc.owned.len() - 1))
    }

    /// A number; plain integers read here, others by serde_json (its float parsing and
    /// range errors).
    fn number(&mut self) -> Result<Node<'a>, Invalid> {
        let start = self.pos;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
        let token = self.text.get(start..self.pos).ok_or(Invalid)?;
        let plain = token.len() <= 19
            && token.bytes().all(|b| b.is_ascii_digit())
            && (token.len() == 1 || !token.starts_with('0'));
        if plain {
            return token.parse::<u64>().map(|n| Node::Number(n.into())).map_err(|_| Invalid);
        }
        serde_json::from_str::<Number>(token).map(Node::Number).map_err(|_| Invalid)
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Per byte of `x`, the high bit of the result is set where the byte is below `n` (at most
/// 0x80): exactly at the lowest such byte; above it a borrow may mark more, so only the
/// lowest set bit counts.
fn bytes_below(x: u64, n: u8) -> u64 {
    x.wrapping_sub(ONES * u64::from(n)) & !x & (ONES * 0x80)
}

/// Like [`bytes_below`], for the bytes equal to `b`.
fn bytes_equal(x: u64, b: u8) -> u64 {
    bytes_below(x ^ (ONES * u64::from(b)), 1)
}

/// The index of the first `"`, `\\` or control character of `bytes` (its length if none),
/// eight bytes at a time.
fn special_byte(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let found = bytes_equal(x, b'"') | bytes_equal(x, b'\\') | bytes_below(x, 0x20);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let tail = chunks.remainder();
    at + tail.iter().position(|b| matches!(b, b'"' | b'\\' | 0..=0x1f)).unwrap_or(tail.len())
}

#[cfg(test)]
mod tests {
    use super::special_byte;

    #[test]
    fn special_byte_finds_the_first() {
        let fillers = [b'a', b' ', b'!', b'#', b'[', b']', b'\x7f', b'\x80', b'\xff', b'\x21'];
        let specials = [b'"', b'\\', 0x00, 0x1f, b'\n'];
        for len in 0..24 {
            for filler in fillers {
                let plain = vec![filler; len];
                assert_eq!(special_byte(&plain), len);
                for at in 0..len {
                    for special in specials {
                        let mut bytes = plain.clone();
                        bytes[at] = special;
                        // A later special byte (and a borrow past the first) changes nothing.
                        if at + 1 < len {
                            bytes[at + 1] = 0;
                        }
                        assert_eq!(special_byte(&bytes), at, "{bytes:?}");
                    }
                }
            }
        }
    }
}
