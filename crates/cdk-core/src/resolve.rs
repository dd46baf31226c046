//! Token resolution: turns a [`Value`] with tokens into plain template JSON.
//!
//! Ports `core/lib/private/resolve.ts` and `cloudformation-lang.ts`: objects and lists drop
//! absent (undefined) entries, references become `Ref` / `Fn::GetAtt` on logical IDs (or
//! cross-stack imports, see [`crate::refs`]), strings of parts become the minimal `Fn::Join`,
//! lazies are produced once (cached) or every time (uncached).

use std::borrow::Cow;
use std::cell::RefCell;

use crate::error::Error;
use crate::json;
use crate::logical_id::make_unique_id;
use crate::tree::{Node, NodeKind, TreeData};
use crate::value::{Map, TokenKind, Value};

/// Deepest nesting resolved before giving up (aws-cdk-lib's limit: a document path of more
/// than 200 keys is refused as a circular reference).
pub const MAX_DEPTH: usize = 200;

/// A reference from one stack's template to an element of another stack, found while
/// resolving; synthesis turns these into outputs, parameters and dependencies.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CrossRef {
    /// The stack whose template holds the reference.
    pub consumer: usize,
    /// The referenced element.
    pub target: usize,
    /// `None` for `Ref`, the attribute name for `Fn::GetAtt`.
    pub attribute: Option<String>,
}

/// Where [`ResolveContext::emit`] writes a value: at the top, as an object entry, or as a
/// list item.
#[derive(Clone, Copy)]
enum Slot<'k> {
    Root,
    Key(&'k str),
    Item,
}

impl Slot<'_> {
    /// Writes what comes before a value at nesting level `level` in this slot.
    fn open(self, out: &mut String, first: &mut bool, indent: usize, level: usize) {
        match self {
            Slot::Root => {}
            Slot::Key(k) => json::object_key(out, first, k, indent, level - 1),
            Slot::Item => {
                if !*first {
                    out.push(',');
                }
                *first = false;
                json::newline(out, indent, level);
            }
        }
    }
}

/// What resolution knows: the tree, the stack whose template is being written, and where to
/// record cross-stack references.
pub struct ResolveContext<'a> {
    pub(crate) tree: &'a TreeData,
    pub(crate) tree_rc: &'a std::rc::Rc<RefCell<TreeData>>,
    pub(crate) stack: usize,
    pub(crate) cross_refs: &'a RefCell<Vec<CrossRef>>,
    /// Keep absent values in objects (for a resource definition before overrides merge).
    pub(crate) keep_absent: bool,
}

impl<'a> ResolveContext<'a> {
    /// The stack whose template is being written.
    pub fn stack(&self) -> crate::Stack {
        crate::Stack::from_node(Node::new(self.tree_rc.clone(), self.stack))
    }

    /// The logical ID an element has now (its override, else the computed one).
    ///
    /// # Errors
    /// [`Error::UnableToCalculateUniqueId`].
    pub fn logical_id(&self, node: &Node) -> Result<String, Error> {
        logical_id(self.tree, node.idx)
    }

    /// Resolves every entry of an object (absent ones are dropped, or kept in place while
    /// overrides are pending).
    ///
    /// # Errors
    /// As [`ResolveContext::resolve`].
    pub fn resolve_map(&self, map: &Map) -> Result<Map, Error> {
        let mut out = Map::with_capacity(map.len());
        for (k, v) in map.keyed() {
            if let Some(r) = self.resolve_at(v, 1).map_err(|e| e.under(k))? {
                out.insert_key(k.clone(), r);
            } else if self.keep_absent {
                out.insert_key(k.clone(), Value::absent());
            }
        }
        Ok(out)
    }

    /// Resolves a value: `None` when it is absent.
    ///
    /// # Errors
    /// Logical ID errors, cross-stack reference errors, or a too deep value.
    pub fn resolve(&self, value: &Value) -> Result<Option<Value>, Error> {
        self.resolve_at(value, 0)
    }

    /// [`ResolveContext::resolve_at`] of a value owned here (a lazy value's product): a value
    /// without tokens is kept as it is instead of copied.
    fn resolve_owned(&self, mut value: Value, depth: usize) -> Result<Option<Value>, Error> {
        if depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        if let Value::Token(t) = &mut value {
            return match std::rc::Rc::get_mut(&mut t.0) {
                // a string of parts only this value holds: its parts are moved, not copied
                Some(TokenKind::Concat(parts)) => {
                    let parts = std::mem::take(parts);
                    let mut resolved = Vec::with_capacity(parts.len());
                    for p in parts {
                        if let Some(v) = self.resolve_owned(p, depth + 1)? {
                            resolved.push(Part::Value(Cow::Owned(v)));
                        }
                    }
                    concat_parts(resolved).into_value(self.tree).map(Some)
                }
                _ => self.resolve_token(t.kind(), depth),
            };
        }
        if is_plain(&value, MAX_DEPTH - depth) {
            Ok(Some(value))
        } else {
            self.resolve_at(&value, depth)
        }
    }

    fn resolve_at(&self, value: &Value, depth: usize) -> Result<Option<Value>, Error> {
        if depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        Ok(Some(match value {
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let resolved =
                        self.resolve_at(item, depth + 1).map_err(|e| e.under(&i.to_string()))?;
                    if let Some(v) = resolved {
                        out.push(v);
                    } else if self.keep_absent {
                        out.push(Value::absent());
                    }
                }
                Value::Array(out)
            }
            Value::Object(map) => {
                let mut out = Map::with_capacity(map.len());
                for (k, v) in map.keyed() {
                    if let Some(r) = self.resolve_at(v, depth + 1).map_err(|e| e.under(k))? {
                        out.insert_key(k.clone(), r);
                    } else if self.keep_absent {
                        out.insert_key(k.clone(), Value::absent());
                    }
                }
                Value::Object(out)
            }
            Value::Token(t) => return self.resolve_token(t.kind(), depth),
            other => other.clone(),
        }))
    }

    /// Resolves `value` and writes it as JSON text (`JSON.stringify(value, null, indent)`)
    /// straight into `out`, without building the resolved value: literal strings, lists and
    /// objects are written as they are read, references as their logical IDs, lazy values as
    /// what they produce; only strings of parts and joins are resolved into (small) values.
    /// Returns `false`, writing nothing, when the value is absent.
    ///
    /// # Errors
    /// As [`ResolveContext::resolve`].
    pub fn write_json(
        &self,
        out: &mut String,
        value: &Value,
        indent: usize,
    ) -> Result<bool, Error> {
        self.emit(out, Slot::Root, &mut true, value, indent, 0, 0)
    }

    /// [`ResolveContext::write_json`] of a value whose first line is at JSON nesting level
    /// `level`; `depth` counts resolution depth as [`ResolveContext::resolve`] does.
    pub(crate) fn write_at(
        &self,
        out: &mut String,
        value: &Value,
        indent: usize,
        level: usize,
        depth: usize,
    ) -> Result<bool, Error> {
        self.emit(out, Slot::Root, &mut true, value, indent, level, depth)
    }

    /// Writes an object's entries resolved (absent ones left out), in JavaScript's key order;
    /// the object is at nesting level `level`.
    pub(crate) fn write_map_at(
        &self,
        out: &mut String,
        map: &Map,
        indent: usize,
        level: usize,
        depth: usize,
    ) -> Result<(), Error> {
        if depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        out.push('{');
        let mut first = true;
        if json::has_index_keys(map) {
            for (k, v) in json::js_key_order(map) {
                self.emit(out, Slot::Key(k), &mut first, v, indent, level + 1, depth + 1)
                    .map_err(|e| e.under(k))?;
            }
        } else {
            for (k, v) in map {
                self.emit(out, Slot::Key(k), &mut first, v, indent, level + 1, depth + 1)
                    .map_err(|e| e.under(k))?;
            }
        }
        if !first {
            json::newline(out, indent, level);
        }
        out.push('}');
        Ok(())
    }

    /// Writes `"key": value` into the object at nesting level `level`, unless the value is
    /// absent; returns whether it was written.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn write_entry(
        &self,
        out: &mut String,
        first: &mut bool,
        key: &str,
        value: &Value,
        indent: usize,
        level: usize,
        depth: usize,
    ) -> Result<bool, Error> {
        self.emit(out, Slot::Key(key), first, value, indent, level + 1, depth)
            .map_err(|e| e.under(key))
    }

    /// Writes `value` (at nesting level `level`) into `slot`, the slot's separator, key or
    /// line break first, unless the value is absent; returns whether it was written.
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        out: &mut String,
        slot: Slot<'_>,
        first: &mut bool,
        value: &Value,
        indent: usize,
        level: usize,
        depth: usize,
    ) -> Result<bool, Error> {
        if depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        match value {
            Value::Token(t) => self.emit_token(out, slot, first, t.kind(), indent, level, depth),
            Value::Array(items) => {
                slot.open(out, first, indent, level);
                out.push('[');
                let mut none = true;
                for (i, item) in items.iter().enumerate() {
                    self.emit(out, Slot::Item, &mut none, item, indent, level + 1, depth + 1)
                        .map_err(|e| e.under(&i.to_string()))?;
                }
                if !none {
                    json::newline(out, indent, level);
                }
                out.push(']');
                Ok(true)
            }
            Value::Object(map) => {
                slot.open(out, first, indent, level);
                self.write_map_at(out, map, indent, level, depth)?;
                Ok(true)
            }
            other => {
                slot.open(out, first, indent, level);
                json::write_value(out, other, indent, level);
                Ok(true)
            }
        }
    }

    /// [`ResolveContext::emit`] of a token: references and logical IDs are written from the
    /// logical ID, lazy values as what they produce.
    #[allow(clippy::too_many_arguments)]
    fn emit_token(
        &self,
        out: &mut String,
        slot: Slot<'_>,
        first: &mut bool,
        kind: &TokenKind,
        indent: usize,
        level: usize,
        depth: usize,
    ) -> Result<bool, Error> {
        match kind {
            TokenKind::Absent => Ok(false),
            TokenKind::Ref(node) | TokenKind::GetAtt(node, _) | TokenKind::LogicalId(node)
                if self.is_local(node) =>
            {
                slot.open(out, first, indent, level);
                match kind {
                    TokenKind::Ref(_) => {
                        self.write_local_ref(out, node.idx, None, indent, level)?
                    }
                    TokenKind::GetAtt(_, attr) => {
                        self.write_local_ref(out, node.idx, Some(attr), indent, level)?
                    }
                    _ => write_logical_id(out, self.tree, node.idx)?,
                }
                Ok(true)
            }
            TokenKind::Concat(parts) => {
                let joined = self.concat(parts, depth)?;
                slot.open(out, first, indent, level);
                self.write_joined(out, &joined, indent, level)?;
                Ok(true)
            }
            TokenKind::Lazy { producer, cache: Some(cell) } => {
                if cell.borrow().is_none() {
                    let v = producer(self);
                    *cell.borrow_mut() = Some(v);
                }
                let produced = cell.borrow();
                match produced.as_ref() {
                    Some(Some(v)) => self
                        .emit(out, slot, first, v, indent, level, depth + 1)
                        .map_err(Error::through_lazy),
                    _ => Ok(false),
                }
            }
            TokenKind::Lazy { producer, cache: None } => match producer(self) {
                Some(v) => self
                    .emit(out, slot, first, &v, indent, level, depth + 1)
                    .map_err(Error::through_lazy),
                None => Ok(false),
            },
            _ => match self.resolve_token(kind, depth)? {
                Some(v) => {
                    slot.open(out, first, indent, level);
                    json::write_value(out, &v, indent, level);
                    Ok(true)
                }
                None => Ok(false),
            },
        }
    }

    /// Whether a referenced element is in this app and in this template (or in no stack).
    fn is_local(&self, node: &Node) -> bool {
        std::rc::Rc::ptr_eq(&node.tree, self.tree_rc)
            && self.tree.stack_of(node.idx).is_none_or(|s| s == self.stack)
    }

    /// Writes `{"Ref": id}` (no attribute) or `{"Fn::GetAtt": [id, attribute]}` of an element
    /// of this template, at nesting level `level`, from its logical ID.
    fn write_local_ref(
        &self,
        out: &mut String,
        idx: usize,
        attribute: Option<&str>,
        indent: usize,
        level: usize,
    ) -> Result<(), Error> {
        out.push('{');
        match attribute {
            None => {
                json::object_key(out, &mut true, "Ref", indent, level);
                write_logical_id(out, self.tree, idx)?;
            }
            Some(attr) => {
                json::object_key(out, &mut true, "Fn::GetAtt", indent, level);
                out.push('[');
                json::newline(out, indent, level + 2);
                write_logical_id(out, self.tree, idx)?;
                out.push(',');
                json::newline(out, indent, level + 2);
                json::write_string(out, attr);
                json::newline(out, indent, level + 1);
                out.push(']');
            }
        }
        json::newline(out, indent, level);
        out.push('}');
        Ok(())
    }

    /// Resolves the parts of a string of parts found at resolution depth `depth` and joins
    /// them as [`concat_parts`] does, borrowing what holds no token.
    fn concat<'v>(&self, parts: &'v [Value], depth: usize) -> Result<Joined<'v>, Error> {
        let mut resolved = Vec::with_capacity(parts.len());
        self.resolve_parts(parts, depth, &mut resolved)?;
        Ok(concat_parts(resolved))
    }

    /// Resolves the parts of a string of parts into `out`, splicing in the parts of a
    /// string of parts that is written as if they were ([`Token::splices_as_parts`]:
    /// [`Value::concat_shared`] keeps such a part whole).
    fn resolve_parts<'v>(
        &self,
        parts: &'v [Value],
        depth: usize,
        out: &mut Vec<Part<'v>>,
    ) -> Result<(), Error> {
        for p in parts {
            if let Value::Token(t) = p {
                if t.splices_as_parts() && splicing_keeps_text(out) {
                    if let TokenKind::Concat(inner) = t.kind() {
                        if depth + 1 > MAX_DEPTH {
                            return Err(self.too_deep());
                        }
                        self.resolve_parts(inner, depth + 1, out)?;
                        continue;
                    }
                }
            }
            if let Some(part) = self.resolve_part(p, depth + 1)? {
                out.push(part);
            }
        }
        Ok(())
    }

    /// Resolves one part of a string of parts as [`ResolveContext::resolve_at`] does (`None`
    /// when it is absent), borrowing it when it holds no token and keeping a reference to an
    /// element of this template as such.
    fn resolve_part<'v>(&self, v: &'v Value, depth: usize) -> Result<Option<Part<'v>>, Error> {
        if depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        match v {
            Value::Token(t) => match t.kind() {
                TokenKind::Ref(node) if self.is_local(node) => {
                    ensure_logical_id(self.tree, node.idx)?;
                    Ok(Some(Part::Ref(node.idx, None)))
                }
                TokenKind::GetAtt(node, attr) if self.is_local(node) => {
                    ensure_logical_id(self.tree, node.idx)?;
                    Ok(Some(Part::Ref(node.idx, Some(attr))))
                }
                TokenKind::Concat(parts) => {
                    Ok(Some(self.concat(parts, depth)?.into_part(self.tree)?))
                }
                TokenKind::Lazy { producer, cache: None } => match producer(self) {
                    // as `resolve_token` resolves what it produces, one level deeper
                    Some(v) => {
                        self.resolve_produced_part(v, depth + 1).map_err(Error::through_lazy)
                    }
                    None => Ok(None),
                },
                kind => Ok(self.resolve_token(kind, depth)?.map(|v| Part::Value(Cow::Owned(v)))),
            },
            _ if is_plain(v, MAX_DEPTH - depth) => Ok(Some(Part::Value(Cow::Borrowed(v)))),
            _ => Ok(self.resolve_at(v, depth)?.map(|v| Part::Value(Cow::Owned(v)))),
        }
    }

    /// [`ResolveContext::resolve_owned`] of a value a lazy value produced, as a part: a
    /// reference to an element of this template stays a reference.
    fn resolve_produced_part<'v>(&self, v: Value, depth: usize) -> Result<Option<Part<'v>>, Error> {
        if let Value::Token(t) = &v {
            if let TokenKind::Ref(node) = t.kind() {
                if depth <= MAX_DEPTH && self.is_local(node) {
                    ensure_logical_id(self.tree, node.idx)?;
                    return Ok(Some(Part::Ref(node.idx, None)));
                }
            }
        }
        Ok(self.resolve_owned(v, depth)?.map(|v| Part::Value(Cow::Owned(v))))
    }

    /// Writes joined parts ([`concat_parts`]) at nesting level `level`.
    fn write_joined(
        &self,
        out: &mut String,
        joined: &Joined<'_>,
        indent: usize,
        level: usize,
    ) -> Result<(), Error> {
        let items = match joined {
            Joined::One(part) => return self.write_part(out, part, indent, level),
            Joined::Join(items) => items,
        };
        // {"Fn::Join": ["", [items...]]}
        out.push('{');
        json::object_key(out, &mut true, "Fn::Join", indent, level);
        out.push('[');
        json::newline(out, indent, level + 2);
        out.push_str("\"\",");
        json::newline(out, indent, level + 2);
        if items.is_empty() {
            out.push_str("[]");
        } else {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json::newline(out, indent, level + 3);
                self.write_part(out, item, indent, level + 3)?;
            }
            json::newline(out, indent, level + 2);
            out.push(']');
        }
        json::newline(out, indent, level + 1);
        out.push(']');
        json::newline(out, indent, level);
        out.push('}');
        Ok(())
    }

    /// Writes one resolved part at nesting level `level`.
    fn write_part(
        &self,
        out: &mut String,
        part: &Part<'_>,
        indent: usize,
        level: usize,
    ) -> Result<(), Error> {
        match part {
            Part::Value(v) => {
                json::write_value(out, v, indent, level);
                Ok(())
            }
            Part::Ref(idx, attribute) => self.write_local_ref(out, *idx, *attribute, indent, level),
        }
    }

    fn too_deep(&self) -> Error {
        Error::ValueTooDeep {
            path: self.tree.nodes[self.stack].path.clone(),
            property_path: String::new(),
            max_depth: MAX_DEPTH,
            lazy_levels: 0,
        }
    }

    /// Whether a token certainly resolves to a value (is not absent) without resolving it:
    /// references and logical IDs, and cached lazy values that produced a value which is not
    /// itself a token (the lazy is produced here if it was not yet).
    pub(crate) fn surely_present(&self, token: &crate::value::Token) -> Result<bool, Error> {
        Ok(match token.kind() {
            TokenKind::Ref(_) | TokenKind::GetAtt(..) | TokenKind::LogicalId(_) => true,
            TokenKind::Lazy { producer, cache: Some(cell) } => {
                if cell.borrow().is_none() {
                    let v = producer(self);
                    *cell.borrow_mut() = Some(v);
                }
                matches!(cell.borrow().as_ref(), Some(Some(v)) if !matches!(v, Value::Token(_)))
            }
            _ => false,
        })
    }

    /// Resolves a token found at resolution depth `depth`, except that what an uncached lazy
    /// value produces is given as it is when it is a string of parts or a reference to an
    /// element of this template (never absent), to be written with
    /// [`ResolveContext::write_entry`] one level deeper (errors raised through the lazy
    /// value) without building its resolved value.
    pub(crate) fn presolve_token(
        &self,
        token: &crate::value::Token,
        depth: usize,
    ) -> Result<Presolved, Error> {
        if depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        if let TokenKind::Lazy { producer, cache: None } = token.kind() {
            return match producer(self) {
                Some(v) if self.written_as_produced(&v) => Ok(Presolved::Parts(v)),
                Some(v) => self
                    .resolve_owned(v, depth + 1)
                    .map_err(Error::through_lazy)
                    .map(Presolved::Value),
                None => Ok(Presolved::Value(None)),
            };
        }
        self.resolve_token(token.kind(), depth).map(Presolved::Value)
    }

    /// Whether a value a lazy value produced is surely present and is written without being
    /// resolved first: a string of parts, or a reference to an element of this template.
    fn written_as_produced(&self, v: &Value) -> bool {
        let Value::Token(t) = v else {
            return false;
        };
        match t.kind() {
            TokenKind::Concat(_) => true,
            TokenKind::Ref(node) | TokenKind::GetAtt(node, _) | TokenKind::LogicalId(node) => {
                self.is_local(node)
            }
            _ => false,
        }
    }

    /// A referenced node must belong to this app's tree.
    fn same_app(&self, node: &Node) -> Result<(), Error> {
        if std::rc::Rc::ptr_eq(&node.tree, self.tree_rc) {
            Ok(())
        } else {
            Err(Error::CrossStackReference {
                path: self.tree.nodes[self.stack].path.clone(),
                reason: "Cannot reference across apps. Consuming and producing stacks must be defined within the same CDK app.".into(),
            })
        }
    }

    fn resolve_token(&self, kind: &TokenKind, depth: usize) -> Result<Option<Value>, Error> {
        if let TokenKind::Ref(n) | TokenKind::GetAtt(n, _) | TokenKind::LogicalId(n) = kind {
            self.same_app(n)?;
        }
        match kind {
            TokenKind::Absent => Ok(None),
            TokenKind::Ref(node) => self.reference(node.idx, None).map(Some),
            TokenKind::GetAtt(node, attr) => self.reference(node.idx, Some(attr)).map(Some),
            TokenKind::LogicalId(node) => {
                logical_id(self.tree, node.idx).map(|s| Some(Value::String(s)))
            }
            TokenKind::Concat(parts) => self.concat(parts, depth)?.into_value(self.tree).map(Some),
            TokenKind::Join(delimiter, list) => {
                let list = self.resolve_at(list, depth + 1)?.unwrap_or(Value::Array(vec![]));
                Ok(Some(match list.into_array() {
                    Ok(items) => {
                        let mut joined = minimal_join(delimiter, items);
                        if joined.len() == 1 {
                            joined.pop().unwrap_or_default()
                        } else {
                            fn_join(delimiter, Value::Array(joined))
                        }
                    }
                    Err(other) => fn_join(delimiter, other),
                }))
            }
            TokenKind::JsonString(value, space) => {
                let resolved = self.resolve_at(value, depth + 1)?;
                Ok(resolved.and_then(|v| token_aware_stringify(&v, *space)))
            }
            TokenKind::Lazy { producer, cache } => match cache {
                Some(cell) => {
                    if cell.borrow().is_none() {
                        let v = producer(self);
                        *cell.borrow_mut() = Some(v);
                    }
                    let produced = cell.borrow();
                    match produced.as_ref() {
                        Some(Some(v)) => self.resolve_at(v, depth + 1).map_err(Error::through_lazy),
                        _ => Ok(None),
                    }
                }
                None => match producer(self) {
                    Some(v) => self.resolve_owned(v, depth + 1).map_err(Error::through_lazy),
                    None => Ok(None),
                },
            },
        }
    }

    /// `Ref` / `Fn::GetAtt` of an element, from this template.
    fn reference(&self, target: usize, attribute: Option<&String>) -> Result<Value, Error> {
        let target_stack = self.tree.stack_of(target);
        if target_stack.is_some_and(|s| s != self.stack) {
            self.cross_refs.borrow_mut().push(CrossRef {
                consumer: self.stack,
                target,
                attribute: attribute.cloned(),
            });
            return crate::refs::resolve_cross_stack(self, target, attribute.map(String::as_str));
        }
        let lid = logical_id(self.tree, target)?;
        Ok(local_reference(lid, attribute.map(String::as_str)))
    }
}

/// Whether the parts of a string of parts ([`Token::splices_as_parts`]) resolved after the
/// parts `before` give the text the string written whole gives: once a part that is not a
/// literal came, each later part is appended alike; before that, the leading literals merge
/// into one, with which a string written whole merges only when it is a non-empty string
/// (a single number or boolean, or an empty text, stays apart from it). Never so after the
/// parts [`Value::concat`] makes.
fn splicing_keeps_text(before: &[Part<'_>]) -> bool {
    if before.iter().any(|p| !p.is_literal()) {
        return true;
    }
    let text = |p: &Part<'_>| match p {
        Part::Value(v) => v.as_literal_string().unwrap_or_default(),
        Part::Ref(..) => String::new(),
    };
    match before {
        [] => true,
        [Part::Value(v)] => matches!(&**v, Value::String(s) if !s.is_empty()),
        _ => before.iter().any(|p| !text(p).is_empty()),
    }
}

/// `{"Ref": id}` or `{"Fn::GetAtt": [id, attr]}`.
pub(crate) fn local_reference(logical_id: String, attribute: Option<&str>) -> Value {
    match attribute {
        None => Value::object([("Ref", logical_id)]),
        Some(a) => Value::object([(
            "Fn::GetAtt",
            Value::array([Value::String(logical_id), Value::from(a)]),
        )]),
    }
}

/// `tokenAwareStringify` of `cloudformation-lang.ts`: JSON text of a resolved value, in
/// which intrinsics (`{"Ref": ..}`, `{"Fn::...": ..}`) are lifted out of the text as string
/// values (quoted, their string literals JSON-escaped) and joined with `Fn::Join`.
///
/// The Rust port has no type hints: every intrinsic is taken as a string (CDK's default for
/// intrinsics without a number or list hint).
pub(crate) fn token_aware_stringify(value: &Value, space: usize) -> Option<Value> {
    enum Segment {
        Literal(String),
        Intrinsic(Value),
    }
    struct Writer {
        segments: Vec<Segment>,
        space: usize,
        indent: usize,
    }
    impl Writer {
        fn literal(&mut self, s: &str) {
            if let Some(Segment::Literal(last)) = self.segments.last_mut() {
                last.push_str(s);
            } else {
                self.segments.push(Segment::Literal(s.to_string()));
            }
        }
        fn line_break(&mut self) {
            if self.space > 0 {
                let text = format!("\n{}", " ".repeat(self.indent));
                self.literal(&text);
            }
        }
        fn collection<'v>(
            &mut self,
            pre: &str,
            post: &str,
            items: impl Iterator<Item = (Option<&'v str>, &'v Value)>,
        ) {
            self.literal(pre);
            self.indent += self.space;
            let mut any = false;
            for (key, item) in items {
                if any {
                    self.literal(",");
                }
                self.line_break();
                if let Some(key) = key {
                    let mut k = String::new();
                    crate::json::write_string(&mut k, key);
                    self.literal(&k);
                    self.literal(if self.space > 0 { ": " } else { ":" });
                }
                self.value(item);
                any = true;
            }
            self.indent -= self.space;
            if any {
                self.line_break();
            }
            self.literal(post);
        }
        fn value(&mut self, v: &Value) {
            match v {
                _ if v.is_absent() => {}
                Value::Array(items) => {
                    self.collection("[", "]", items.iter().map(|i| (None, i)));
                }
                Value::Object(map) if is_intrinsic(map) => {
                    self.literal("\"");
                    self.segments.push(Segment::Intrinsic(deep_quote(v)));
                    self.literal("\"");
                }
                Value::Object(map) => {
                    let entries = crate::json::js_key_order(map).filter(|(_, v)| !v.is_absent());
                    self.collection("{", "}", entries.map(|(k, v)| (Some(k), v)));
                }
                other => {
                    let text = crate::json::to_json_string(other, 0);
                    self.literal(&text);
                }
            }
        }
    }
    let mut w = Writer { segments: Vec::new(), space, indent: 0 };
    w.value(value);
    let mut parts: Vec<Value> = w
        .segments
        .into_iter()
        .map(|s| match s {
            Segment::Literal(text) => Value::String(text),
            Segment::Intrinsic(v) => v,
        })
        .collect();
    match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => Some(fn_join("", Value::Array(minimal_join("", parts)))),
    }
}

/// `isIntrinsic`: a one-key object whose key is `Ref` or `Fn::...` (but not the CodePipeline
/// `Fn::GetArtifactAtt` / `Fn::GetParam`).
fn is_intrinsic(map: &Map) -> bool {
    map.len() == 1
        && map.keys().next().is_some_and(|k| {
            k == "Ref"
                || (k.starts_with("Fn::") && k != "Fn::GetArtifactAtt" && k != "Fn::GetParam")
        })
}

/// `deepQuoteStringLiterals`: JSON-escapes every string (keys included) inside an intrinsic.
fn deep_quote(v: &Value) -> Value {
    fn quote(s: &str) -> String {
        let mut out = String::new();
        crate::json::write_string(&mut out, s);
        out[1..out.len() - 1].to_string()
    }
    match v {
        Value::Array(items) => Value::Array(items.iter().map(deep_quote).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (quote(k), deep_quote(v))).collect())
        }
        Value::String(s) => Value::String(quote(s)),
        other => other.clone(),
    }
}

fn fn_join(delimiter: &str, list: Value) -> Value {
    Value::object([("Fn::Join", Value::Array(vec![Value::from(delimiter), list]))])
}

/// A top-level token of a resource's properties, resolved before the resource is written
/// ([`ResolveContext::presolve_token`]).
pub(crate) enum Presolved {
    /// The resolved value (`None`: absent).
    Value(Option<Value>),
    /// What an uncached lazy value produced, surely present (a string of parts, a reference
    /// to an element of the template), resolved while it is written.
    Parts(Value),
}

/// A resolved part of a string of parts: a value (borrowed from the template where it holds
/// no token), or a reference to an element of the template being written.
pub(crate) enum Part<'v> {
    /// A resolved value.
    Value(Cow<'v, Value>),
    /// `{"Ref": id}` (no attribute) or `{"Fn::GetAtt": [id, attribute]}` of an element of
    /// this template (its logical ID known to compute).
    Ref(usize, Option<&'v str>),
}

impl<'v> Part<'v> {
    /// Whether the part is a literal string, number or boolean.
    fn is_literal(&self) -> bool {
        matches!(self, Part::Value(v) if matches!(**v, Value::String(_) | Value::Number(_) | Value::Bool(_)))
    }

    /// The resolved value.
    fn into_value(self, tree: &TreeData) -> Result<Value, Error> {
        match self {
            Part::Value(v) => Ok(v.into_owned()),
            Part::Ref(idx, attribute) => Ok(local_reference(logical_id(tree, idx)?, attribute)),
        }
    }
}

/// Resolved parts joined ([`concat_parts`]): one part, or the parts of an `Fn::Join` with `""`.
pub(crate) enum Joined<'v> {
    /// A single part (all literals merged, or one other part alone).
    One(Part<'v>),
    /// `{"Fn::Join": ["", parts]}`.
    Join(Vec<Part<'v>>),
}

impl<'v> Joined<'v> {
    /// The joined value.
    fn into_value(self, tree: &TreeData) -> Result<Value, Error> {
        match self {
            Joined::One(p) => p.into_value(tree),
            Joined::Join(items) => {
                let mut list = Vec::with_capacity(items.len());
                for item in items {
                    list.push(item.into_value(tree)?);
                }
                Ok(fn_join("", Value::Array(list)))
            }
        }
    }

    /// The joined value as a part.
    fn into_part(self, tree: &TreeData) -> Result<Part<'v>, Error> {
        match self {
            Joined::One(p) => Ok(p),
            join => Ok(Part::Value(Cow::Owned(join.into_value(tree)?))),
        }
    }
}

/// Joins resolved string parts as `CloudFormationLang.concat` does pairwise: a single part
/// is itself, literal parts merge, anything else becomes `{"Fn::Join": ["", minimal]}`.
///
/// Done in one pass: the leading literals merge into one string (a single one stays as it
/// is), and from the first other part on each part is appended to one minimal join, which is
/// what folding pairwise gives.
pub(crate) fn concat_parts(parts: Vec<Part<'_>>) -> Joined<'_> {
    let mut parts = parts.into_iter();
    let mut lead: Option<Part<'_>> = None;
    let first = loop {
        match parts.next() {
            None => {
                return Joined::One(
                    lead.unwrap_or(Part::Value(Cow::Owned(Value::String(String::new())))),
                )
            }
            Some(p) if p.is_literal() => {
                lead = Some(match lead {
                    None => p,
                    Some(l) => {
                        let text = |p: &Part<'_>| match p {
                            Part::Value(v) => v.as_literal_string().unwrap_or_default(),
                            Part::Ref(..) => String::new(),
                        };
                        let mut s = text(&l);
                        s.push_str(&text(&p));
                        Part::Value(Cow::Owned(Value::String(s)))
                    }
                })
            }
            Some(p) => break p,
        }
    };
    let mut rest = parts.peekable();
    if lead.is_none() && rest.peek().is_none() {
        return Joined::One(first);
    }
    let mut out = Vec::with_capacity(rest.len() + 2);
    if let Some(l) = lead {
        push_part(&mut out, l);
    }
    push_part(&mut out, first);
    for p in rest {
        push_part(&mut out, p);
    }
    Joined::Join(out)
}

/// [`push_minimal`] with the delimiter `""`, of resolved parts: a nested `Fn::Join` with `""`
/// is spliced, a non-empty literal string after another merges with it.
fn push_part<'v>(out: &mut Vec<Part<'v>>, part: Part<'v>) {
    let value = match part {
        Part::Value(Cow::Borrowed(v)) => match join_parts(v, "") {
            Some(items) => {
                for item in items {
                    push_part(out, Part::Value(Cow::Borrowed(item)));
                }
                return;
            }
            None => Cow::Borrowed(v),
        },
        Part::Value(Cow::Owned(v)) => match splice_join(v, "") {
            Ok(items) => {
                for item in items {
                    push_part(out, Part::Value(Cow::Owned(item)));
                }
                return;
            }
            Err(v) => Cow::Owned(v),
        },
        r @ Part::Ref(..) => {
            out.push(r);
            return;
        }
    };
    if let (Some(Part::Value(prev)), Value::String(s)) = (out.last_mut(), &*value) {
        if matches!(&**prev, Value::String(p) if !p.is_empty()) && !s.is_empty() {
            if let Value::String(p) = prev.to_mut() {
                p.push_str(s);
            }
            return;
        }
    }
    out.push(Part::Value(value));
}

/// `minimalCloudFormationJoin`: splices nested `Fn::Join`s with the same delimiter and merges
/// adjacent non-empty literal strings.
pub(crate) fn minimal_join(delimiter: &str, values: Vec<Value>) -> Vec<Value> {
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        push_minimal(&mut out, delimiter, v);
    }
    out
}

/// Appends one value to a minimal join: a nested join with the same delimiter is spliced
/// (its parts appended one by one), a non-empty literal after another merges with it.
fn push_minimal(out: &mut Vec<Value>, delimiter: &str, value: Value) {
    let value = match splice_join(value, delimiter) {
        Ok(parts) => {
            for p in parts {
                push_minimal(out, delimiter, p);
            }
            return;
        }
        Err(v) => v,
    };
    if let (Some(Value::String(prev)), Value::String(s)) = (out.last_mut(), &value) {
        if !prev.is_empty() && !s.is_empty() {
            prev.push_str(delimiter);
            prev.push_str(s);
            return;
        }
    }
    out.push(value);
}

/// The parts of `{"Fn::Join": [delimiter, [parts...]]}`, if `v` is one.
fn join_parts<'v>(v: &'v Value, delimiter: &str) -> Option<&'v Vec<Value>> {
    let o = v.as_object().filter(|o| o.len() == 1)?;
    let args = o.get("Fn::Join").and_then(Value::as_array).filter(|a| a.len() == 2)?;
    if args[0].as_str() == Some(delimiter) {
        args[1].as_array()
    } else {
        None
    }
}

/// The parts of `{"Fn::Join": [delimiter, [parts...]]}`, or the value itself.
fn splice_join(v: Value, delimiter: &str) -> Result<Vec<Value>, Value> {
    if join_parts(&v, delimiter).is_none() {
        return Err(v);
    }
    let mut o = v.into_object()?;
    let parts = o
        .swap_remove("Fn::Join")
        .and_then(|args| args.into_array().ok())
        .and_then(|mut args| args.pop())
        .and_then(|parts| parts.into_array().ok());
    Ok(parts.unwrap_or_default())
}

/// The logical ID of an element: its override, or `makeUniqueId` of its path below its stack.
pub(crate) fn logical_id(tree: &TreeData, idx: usize) -> Result<String, Error> {
    if let Some(cache) = tree.logical_ids.borrow().as_ref() {
        if let Some(Some(id)) = cache.get(idx) {
            return Ok(id.clone());
        }
    }
    let id = compute_logical_id(tree, idx)?;
    if let Some(cache) = tree.logical_ids.borrow_mut().as_mut() {
        if let Some(slot) = cache.get_mut(idx) {
            *slot = Some(id.clone());
        }
    }
    Ok(id)
}

/// Computes (and remembers) the logical ID of an element, for an error to surface where
/// [`logical_id`] would raise it; nothing is copied when it is remembered already.
pub(crate) fn ensure_logical_id(tree: &TreeData, idx: usize) -> Result<(), Error> {
    if let Some(Some(Some(_))) = tree.logical_ids.borrow().as_ref().map(|c| c.get(idx)) {
        return Ok(());
    }
    // remembered without a copy (when IDs are remembered)
    let id = compute_logical_id(tree, idx)?;
    if let Some(slot) = tree.logical_ids.borrow_mut().as_mut().and_then(|c| c.get_mut(idx)) {
        *slot = Some(id);
    }
    Ok(())
}

/// Whether a value holds no token and nests no deeper than `levels` more levels: resolving
/// it gives the value itself.
fn is_plain(v: &Value, levels: usize) -> bool {
    match v {
        Value::Token(_) => false,
        Value::Array(items) => levels > 0 && items.iter().all(|i| is_plain(i, levels - 1)),
        Value::Object(map) => levels > 0 && map.values().all(|i| is_plain(i, levels - 1)),
        _ => true,
    }
}

/// Calls `f` with the logical ID of an element ([`logical_id`]), without copying the one
/// remembered.
pub(crate) fn with_logical_id<R>(
    tree: &TreeData,
    idx: usize,
    f: impl FnOnce(&str) -> R,
) -> Result<R, Error> {
    if let Some(Some(Some(id))) = tree.logical_ids.borrow().as_ref().map(|c| c.get(idx)) {
        return Ok(f(id));
    }
    Ok(f(&logical_id(tree, idx)?))
}

/// Writes the logical ID of an element ([`logical_id`]) as a JSON string, without copying
/// the one remembered.
pub(crate) fn write_logical_id(out: &mut String, tree: &TreeData, idx: usize) -> Result<(), Error> {
    with_logical_id(tree, idx, |id| json::write_string(out, id))
}

pub(crate) fn compute_logical_id(tree: &TreeData, idx: usize) -> Result<String, Error> {
    let node = &tree.nodes[idx];
    if let NodeKind::Element(e) = &node.kind {
        if let Some(o) = &e.logical_id_override {
            return Ok(o.clone());
        }
    }
    // the ids from below the stack down to the element (none outside a stack)
    let mut components: Vec<&str> = Vec::with_capacity(8);
    if let Some(stack) = tree.stack_of(idx) {
        let mut cur = idx;
        while cur != stack {
            components.push(tree.nodes[cur].id());
            match tree.nodes[cur].parent {
                Some(p) => cur = p,
                None => break,
            }
        }
        components.reverse();
    }
    make_unique_id(&components)
        .ok_or_else(|| Error::UnableToCalculateUniqueId { path: node.path.clone() })
}

/// Logical IDs of a tree's elements computed on a thread of their own while this thread
/// prepares and resolves.
///
/// An element's ID is a function of its path below its stack and of its override; a tree
/// only grows, and a construct's path never changes. [`IdPrefetch::start`] copies the
/// paths below their stacks of the elements that have neither an override nor a lazy ID;
/// [`IdPrefetch::fill`] waits for their IDs and remembers each one whose element has no
/// override by then, where none is remembered yet. An ID asked for before then is computed
/// where it is asked for, as without a prefetch; both give the same text.
pub(crate) struct IdPrefetch {
    /// Per element: its index and its ID (`None` where `makeUniqueId` gives none: the error
    /// is raised where the ID is asked for).
    thread: std::thread::JoinHandle<Vec<(u32, Option<String>)>>,
}

impl IdPrefetch {
    /// Fewest elements for which a prefetch is worth a thread.
    pub(crate) const MIN_ELEMENTS: usize = 512;

    /// Starts computing the IDs of the tree's elements (`None` for a tree of fewer than
    /// [`IdPrefetch::MIN_ELEMENTS`] such elements, or when no thread can be started).
    pub(crate) fn start(tree: &TreeData) -> Option<IdPrefetch> {
        // the paths below the stacks, one after the other, and per element its index and
        // where its path ends
        let mut paths = String::with_capacity(tree.nodes.len() * 48);
        let mut spans: Vec<(u32, u32)> = Vec::with_capacity(tree.nodes.len());
        for (idx, node, stack) in tree.nodes_with_stacks(0) {
            let (NodeKind::Element(e), Some(stack)) =
                (&node.kind, stack.and_then(|s| tree.nodes.get(s)))
            else {
                continue;
            };
            if e.logical_id_override.is_some() || e.lazy_logical_id.is_some() {
                continue;
            }
            // the ids below the stack: the path after the stack's path and a `/` (an id
            // holds no `/` and is never empty)
            let below = stack.path.len() + usize::from(!stack.path.is_empty());
            let Some(rel) = node.path.get(below..).filter(|r| !r.is_empty()) else {
                continue;
            };
            paths.push_str(rel);
            spans.push((u32::try_from(idx).ok()?, u32::try_from(paths.len()).ok()?));
        }
        if spans.len() < Self::MIN_ELEMENTS {
            return None;
        }
        let thread = std::thread::Builder::new()
            .name("logical-ids".into())
            .spawn(move || {
                let mut start = 0;
                let mut components: Vec<&str> = Vec::with_capacity(8);
                spans
                    .iter()
                    .map(|&(idx, end)| {
                        let rel = &paths[start..end as usize];
                        start = end as usize;
                        components.clear();
                        components.extend(rel.split('/'));
                        (idx, make_unique_id(&components))
                    })
                    .collect()
            })
            .ok()?;
        Some(IdPrefetch { thread })
    }

    /// Waits for the IDs and remembers those of elements still without an override (see
    /// [`IdPrefetch`]); nothing when IDs are not being remembered.
    pub(crate) fn fill(self, tree: &TreeData) {
        let Ok(ids) = self.thread.join() else {
            return;
        };
        let mut cache = tree.logical_ids.borrow_mut();
        let Some(cache) = cache.as_mut() else {
            return;
        };
        for (idx, id) in ids {
            let idx = idx as usize;
            let (Some(slot @ None), Some(id)) = (cache.get_mut(idx), id) else {
                continue;
            };
            if tree.element(idx).is_some_and(|e| e.logical_id_override.is_none()) {
                *slot = Some(id);
            }
        }
    }
}

/// Removes absent values from objects and lists, recursively.
pub(crate) fn strip_absent(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|_, v| !v.is_absent());
            for v in m.values_mut() {
                strip_absent(v);
            }
        }
        Value::Array(a) => {
            a.retain(|v| !v.is_absent());
            for v in a.iter_mut() {
                strip_absent(v);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(id: &str) -> Value {
        Value::object([("Ref", id)])
    }

    /// [`concat_parts`] of resolved values.
    fn concat_resolved(parts: Vec<Value>) -> Value {
        let tree = TreeData::new_root(Default::default());
        let parts = parts.into_iter().map(|v| Part::Value(Cow::Owned(v))).collect();
        concat_parts(parts).into_value(&tree).unwrap()
    }

    #[test]
    fn concat_makes_minimal_join() {
        let v = concat_resolved(vec![Value::from("a"), r("X"), Value::from("b"), Value::from("c")]);
        assert_eq!(
            v,
            Value::object([(
                "Fn::Join",
                Value::array([
                    Value::from(""),
                    Value::array([Value::from("a"), r("X"), Value::from("bc")])
                ])
            )])
        );
        assert_eq!(concat_resolved(vec![Value::from("a"), Value::from(1)]), Value::from("a1"));
        assert_eq!(concat_resolved(vec![r("X")]), r("X"));
    }

    /// The resolution of strings of parts before they were written from borrowed parts:
    /// every part resolved into a value, then joined pairwise with [`push_minimal`].
    fn reference_resolve(ctx: &ResolveContext<'_>, v: &Value) -> Option<Value> {
        let Value::Token(t) = v else {
            return ctx.resolve(v).unwrap();
        };
        let TokenKind::Concat(parts) = t.kind() else {
            return ctx.resolve(v).unwrap();
        };
        let lit = |v: &Value| matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_));
        let resolved: Vec<Value> = parts.iter().filter_map(|p| reference_resolve(ctx, p)).collect();
        let mut parts = resolved.into_iter();
        let mut lead: Option<Value> = None;
        let first = loop {
            match parts.next() {
                None => return Some(lead.unwrap_or_else(|| Value::from(""))),
                Some(p) if lit(&p) => {
                    lead = Some(match lead {
                        None => p,
                        Some(l) => {
                            let mut s = l.as_literal_string().unwrap();
                            s.push_str(&p.as_literal_string().unwrap());
                            Value::String(s)
                        }
                    })
                }
                Some(p) => break p,
            }
        };
        let rest: Vec<Value> = parts.collect();
        if lead.is_none() && rest.is_empty() {
            return Some(first);
        }
        let mut out = Vec::new();
        for p in lead.into_iter().chain([first]).chain(rest) {
            push_minimal(&mut out, "", p);
        }
        Some(fn_join("", Value::Array(out)))
    }

    #[test]
    fn strings_of_parts_written_from_borrowed_parts_match_resolving_them() {
        use crate::Construct;
        let app = crate::App::new();
        app.skip_synth_check();
        let stack = crate::Stack::new(&app, "S").unwrap();
        let r = crate::CfnResource::new(&stack, "R", "AWS::SNS::Topic", Value::Null).unwrap();
        let pieces: Vec<Value> = vec![
            Value::from("a"),
            Value::from(""),
            Value::from("b\"q"),
            Value::from(7),
            Value::from(2.5),
            Value::from(true),
            Value::Null,
            r.ref_(),
            r.get_att("Arn"),
            crate::Aws::region(),
            Value::absent(),
            fn_join("", Value::array(["x", "", "y"])),
            fn_join("", Value::array([r.ref_(), Value::from("z")])),
            fn_join("-", Value::array(["x", "y"])),
            fn_join("", Value::Array(vec![])),
            Value::lazy_uncached(|_| Some(Value::from(""))),
            Value::lazy_uncached(|_| Some(Value::from(3))),
            Value::lazy_uncached(|_| None::<Value>),
            Value::lazy(|_| Some(Value::from("cached"))),
            Value::array(["l", "m"]),
            // a prefix written as if spliced in (`Value::concat_shared`)
            Value::concat([
                Value::from("arn:"),
                crate::Aws::partition(),
                Value::from(":"),
                r.ref_(),
            ]),
            Value::concat_shared([
                Value::concat([Value::from("p:"), r.get_att("Arn"), Value::from("/")]),
                Value::from("q"),
            ]),
            {
                let reference = r.ref_();
                Value::lazy_uncached(move |_| Some(reference.clone()))
            },
            {
                let reference = r.get_att("Name");
                Value::lazy_uncached(move |_| {
                    Some(Value::concat([Value::from("n-"), reference.clone(), Value::from(1)]))
                })
            },
        ];
        let raw =
            |parts: Vec<Value>| Value::Token(crate::value::Token::new(TokenKind::Concat(parts)));
        let mut seed = 12345u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let rc = stack.node().tree.clone();
        let tree = rc.borrow();
        let cross_refs = RefCell::new(Vec::new());
        let ctx = ResolveContext {
            tree: &tree,
            tree_rc: &rc,
            stack: stack.node().idx,
            cross_refs: &cross_refs,
            keep_absent: false,
        };
        for _ in 0..3000 {
            let mut parts = Vec::new();
            for _ in 0..next(6) {
                let p = if next(5) == 0 {
                    let inner = (0..next(4)).map(|_| pieces[next(pieces.len())].clone()).collect();
                    raw(inner)
                } else {
                    pieces[next(pieces.len())].clone()
                };
                parts.push(p);
            }
            let v = raw(parts.clone());
            let expected = reference_resolve(&ctx, &v).unwrap();
            for indent in [0, 1] {
                let want = json::to_json_string(&expected, indent);
                let mut written = String::new();
                assert!(ctx.write_json(&mut written, &v, indent).unwrap());
                assert_eq!(written, want, "{v:?}");
                let resolved = ctx.resolve(&v).unwrap().unwrap();
                assert_eq!(json::to_json_string(&resolved, indent), want, "{v:?}");
                // a string of parts only it holds, resolved by move
                let owned = ctx.resolve_owned(raw(parts.clone()), 0).unwrap().unwrap();
                assert_eq!(json::to_json_string(&owned, indent), want, "{v:?}");
            }
        }
    }

    #[test]
    fn minimal_join_splices_same_delimiter_only() {
        let inner = fn_join("", Value::array([Value::from("y"), r("S")]));
        let out = minimal_join("-", vec![Value::from("x"), inner.clone(), Value::from("z")]);
        assert_eq!(out, vec![Value::from("x"), inner.clone(), Value::from("z")]);
        let out = minimal_join("", vec![Value::from("x"), inner]);
        assert_eq!(out, vec![Value::from("xy"), r("S")]);
    }
}
