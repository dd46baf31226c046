//! Template values: JSON data that may hold unresolved tokens.
//!
//! Ports the value side of `core/lib/token.ts`, `core/lib/lazy.ts` and
//! `core/lib/private/cloudformation-lang.ts`. Where aws-cdk-lib encodes tokens inside strings
//! (`${Token[TOKEN.12]}`), a [`Value`] keeps them as typed variants: a reference to a resource,
//! an attribute, a lazy value, or a string made of literal and token parts ([`Value::concat`]),
//! rendered as CDK renders them (a minimal `Fn::Join`).

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::resolve::ResolveContext;
use crate::tree::Node;

/// An ordered JSON object of [`Value`]s (insertion order is kept, as in JavaScript): its
/// [`Entries`], whose methods (those of an `IndexMap`) it has through `Deref`.
///
/// ```
/// use cdk_core::{Map, Value};
/// let mut m = Map::new();
/// m.insert("b".into(), Value::from(1));
/// m.insert("a".into(), Value::from(2));
/// assert_eq!(m.keys().collect::<Vec<_>>(), ["b", "a"]);
/// assert_eq!(Value::Object(m), Value::object([("b", 1), ("a", 2)]));
/// ```
#[derive(Clone, Default, PartialEq)]
pub struct Map(Entries);

pub use crate::map_entries::Entries;

impl Map {
    /// An empty object.
    pub fn new() -> Map {
        Map::default()
    }

    /// An empty object with room for `n` entries.
    pub fn with_capacity(n: usize) -> Map {
        Map(Entries::with_capacity(n))
    }

    /// The entries, owned.
    pub fn into_inner(self) -> Entries {
        self.0
    }
}

impl std::ops::Deref for Map {
    type Target = Entries;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Map {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl From<Entries> for Map {
    fn from(m: Entries) -> Map {
        Map(m)
    }
}

impl From<IndexMap<String, Value>> for Map {
    fn from(m: IndexMap<String, Value>) -> Map {
        m.into_iter().collect()
    }
}

impl From<Map> for IndexMap<String, Value> {
    fn from(m: Map) -> IndexMap<String, Value> {
        m.into_iter().collect()
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Map {
        Map(iter.into_iter().collect())
    }
}

impl Extend<(String, Value)> for Map {
    fn extend<I: IntoIterator<Item = (String, Value)>>(&mut self, iter: I) {
        self.0.extend(iter)
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = crate::map_entries::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a str, &'a Value);
    type IntoIter = crate::map_entries::Iter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &'a mut Map {
    type Item = (&'a str, &'a mut Value);
    type IntoIter = crate::map_entries::IterMut<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut()
    }
}

impl fmt::Debug for Map {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A template value: plain JSON, or a token resolved when the template is written.
///
/// Values of any depth are safe to build, clone, compare and drop: past
/// [`RECURSIVE_DEPTH`] levels these walk the value with an explicit stack instead of
/// recursing, so a deep value cannot overflow the thread's stack. Resolution refuses values
/// nested deeper than aws-cdk-lib resolves (200 levels) with a typed error naming the property.
#[derive(Default)]
pub enum Value {
    /// JSON `null` (kept in the output, unlike an absent value).
    #[default]
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (JavaScript numbers are doubles; they are printed as JavaScript prints them).
    Number(f64),
    /// A literal string.
    String(String),
    /// A list.
    Array(Vec<Value>),
    /// An object whose keys keep insertion order.
    Object(Map),
    /// A value resolved late: a reference, an attribute, a lazy value or a string of parts.
    Token(Token),
}

/// A value that is only known when the template is written.
#[derive(Clone)]
pub struct Token(pub(crate) Rc<TokenKind>);

/// Producer of a lazy value: called with the resolve context, returns `None` for "absent".
pub type Producer = dyn Fn(&ResolveContext<'_>) -> Option<Value>;

pub(crate) enum TokenKind {
    /// `{ "Ref": <logical id> }` of a resource, parameter or other element.
    Ref(Node),
    /// `{ "Fn::GetAtt": [<logical id>, attr] }`.
    GetAtt(Node, String),
    /// The logical ID of an element, as a string.
    LogicalId(Node),
    /// A string made of literal and token parts: rendered as a minimal `Fn::Join` with `""`.
    Concat(Vec<Value>),
    /// `Fn::Join` with a delimiter over a list (literal list parts are merged).
    Join(String, Value),
    /// No value (JavaScript's `undefined`): dropped from objects and lists when resolved,
    /// but it keeps its key's place in an object until then.
    Absent,
    /// A value rendered as JSON text, with tokens lifted into an `Fn::Join`
    /// (`Stack.toJsonString`); the second field is the indentation.
    JsonString(Value, usize),
    /// A value computed when the template is written.
    Lazy {
        producer: Box<Producer>,
        /// Cached lazies are produced once and the result reused.
        cache: Option<RefCell<Option<Option<Value>>>>,
    },
}

impl Token {
    pub(crate) fn new(kind: TokenKind) -> Self {
        Token(Rc::new(kind))
    }

    pub(crate) fn kind(&self) -> &TokenKind {
        &self.0
    }

    /// Whether this is a string of parts that a string of parts holding it is written as if
    /// its parts were spliced in ([`Value::concat_shared`]): its parts are literal strings,
    /// lists, objects and references, at least one not a string, none absent or lazy (what
    /// [`Value::concat`] leaves in a string of parts: non-empty strings, never two in a row,
    /// no numbers, no nested strings of parts). Such a string is never absent and never one
    /// literal, which is what makes splicing it in give the same text.
    pub(crate) fn splices_as_parts(&self) -> bool {
        let TokenKind::Concat(parts) = self.kind() else {
            return false;
        };
        let mut other = false;
        let mut after_string = false;
        for p in parts {
            let is_string = match p {
                Value::String(s) => {
                    if s.is_empty() || after_string {
                        return false;
                    }
                    true
                }
                Value::Array(_) | Value::Object(_) => false,
                Value::Token(t) => match t.kind() {
                    TokenKind::Ref(_) | TokenKind::GetAtt(..) => false,
                    _ => return false,
                },
                Value::Null | Value::Bool(_) | Value::Number(_) => return false,
            };
            other |= !is_string;
            after_string = is_string;
        }
        other
    }

    /// Whether two tokens are the same token (identity, not structure).
    pub fn same(&self, other: &Token) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            TokenKind::Ref(n) => write!(f, "Ref({})", n.path()),
            TokenKind::GetAtt(n, a) => write!(f, "GetAtt({}, {a})", n.path()),
            TokenKind::LogicalId(n) => write!(f, "LogicalId({})", n.path()),
            TokenKind::Concat(parts) => f.debug_tuple("Concat").field(parts).finish(),
            TokenKind::Join(d, l) => f.debug_tuple("Join").field(d).field(l).finish(),
            TokenKind::JsonString(v, space) => {
                f.debug_tuple("JsonString").field(v).field(space).finish()
            }
            TokenKind::Lazy { .. } => f.write_str("Lazy"),
            TokenKind::Absent => f.write_str("Absent"),
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        thread_local! {
            static DEBUG_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        }
        let depth = DEBUG_DEPTH.with(|d| d.replace(d.get() + 1));
        let result = if depth >= RECURSIVE_DEPTH && self.owns_children() {
            // past this depth the contents are elided (formatting recurses)
            f.write_str(match self {
                Value::Array(_) => "[…]",
                Value::Object(_) => "{…}",
                _ => "…",
            })
        } else {
            self.fmt_shallow(f)
        };
        DEBUG_DEPTH.with(|d| d.set(depth));
        result
    }
}

impl Value {
    fn fmt_shallow(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => write!(f, "{n}"),
            Value::String(s) => write!(f, "{s:?}"),
            Value::Array(a) => f.debug_list().entries(a).finish(),
            Value::Object(o) => f.debug_map().entries(o).finish(),
            Value::Token(t) => fmt::Debug::fmt(t, f),
        }
    }
}

/// Nesting depth up to which values are cloned, compared and formatted recursively; deeper
/// parts are walked with an explicit stack (or, when formatted, elided).
pub const RECURSIVE_DEPTH: usize = 64;

impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        eq_at(self, other, 0)
    }
}

/// Compares two values, recursing up to [`RECURSIVE_DEPTH`] levels.
fn eq_at(a: &Value, b: &Value, depth: usize) -> bool {
    if depth >= RECURSIVE_DEPTH {
        return eq_iterative(a, b);
    }
    match (a, b) {
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| eq_at(x, y, depth + 1))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| eq_at(v, w, depth + 1)))
        }
        _ => eq_leaf(a, b),
    }
}

/// Equality of two values that are not both lists or both objects.
fn eq_leaf(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::Number(a), Value::Number(b)) => a == b,
        (Value::String(a), Value::String(b)) => a == b,
        (Value::Token(a), Value::Token(b)) => a.same(b),
        _ => false,
    }
}

/// Compares two values of any depth with an explicit stack.
fn eq_iterative(a: &Value, b: &Value) -> bool {
    let mut pending = vec![(a, b)];
    while let Some((a, b)) = pending.pop() {
        match (a, b) {
            (Value::Array(x), Value::Array(y)) => {
                if x.len() != y.len() {
                    return false;
                }
                pending.extend(x.iter().zip(y));
            }
            (Value::Object(x), Value::Object(y)) => {
                if x.len() != y.len() {
                    return false;
                }
                for (k, v) in x {
                    match y.get(k) {
                        Some(w) => pending.push((v, w)),
                        None => return false,
                    }
                }
            }
            _ if !eq_leaf(a, b) => return false,
            _ => {}
        }
    }
    true
}

impl Clone for Value {
    /// A deep copy (tokens are shared); lists and objects get no spare capacity.
    fn clone(&self) -> Self {
        clone_at(self, 0)
    }
}

/// Copies a value, recursing up to [`RECURSIVE_DEPTH`] levels.
fn clone_at(v: &Value, depth: usize) -> Value {
    match v {
        Value::Null => Value::Null,
        Value::Bool(b) => Value::Bool(*b),
        Value::Number(n) => Value::Number(*n),
        Value::String(s) => Value::String(s.clone()),
        Value::Token(t) => Value::Token(t.clone()),
        _ if depth >= RECURSIVE_DEPTH => clone_iterative(v),
        Value::Array(items) => Value::Array(items.iter().map(|i| clone_at(i, depth + 1)).collect()),
        Value::Object(map) => {
            let mut out = Map::with_capacity(map.len());
            for (k, v) in map.keyed() {
                out.insert_key(k.clone(), clone_at(v, depth + 1));
            }
            Value::Object(out)
        }
    }
}

/// Copies a value of any depth with an explicit stack of the lists and objects being built.
fn clone_iterative(root: &Value) -> Value {
    enum Frame<'a> {
        List(std::slice::Iter<'a, Value>, Vec<Value>),
        Object(crate::map_entries::Iter<'a>, Map, String),
    }
    // (keys copied owned: values this deep are rare)
    let mut stack: Vec<Frame<'_>> = Vec::new();
    let mut next = Some(root);
    loop {
        // open the next value: a container becomes a frame, anything else is done
        let mut done = match next.take() {
            Some(Value::Array(items)) => {
                stack.push(Frame::List(items.iter(), Vec::with_capacity(items.len())));
                None
            }
            Some(Value::Object(map)) => {
                let out = Map::with_capacity(map.len());
                stack.push(Frame::Object(map.iter(), out, String::new()));
                None
            }
            Some(leaf) => Some(clone_at(leaf, 0)),
            None => None,
        };
        // hand finished values to their parents until a parent has a child left to open
        loop {
            let Some(frame) = stack.last_mut() else {
                return done.unwrap_or_default();
            };
            match frame {
                Frame::List(items, out) => {
                    if let Some(v) = done.take() {
                        out.push(v);
                    }
                    if let Some(item) = items.next() {
                        next = Some(item);
                        break;
                    }
                    let out = std::mem::take(out);
                    stack.pop();
                    done = Some(Value::Array(out));
                }
                Frame::Object(entries, out, key) => {
                    if let Some(v) = done.take() {
                        out.insert(std::mem::take(key), v);
                    }
                    if let Some((k, v)) = entries.next() {
                        key.clear();
                        key.push_str(k);
                        next = Some(v);
                        break;
                    }
                    let out = std::mem::take(out);
                    stack.pop();
                    done = Some(Value::Object(out));
                }
            }
        }
    }
}

impl Drop for Value {
    /// Drops nested lists and objects (and tokens only this value holds) with an explicit
    /// stack, so that a deep value does not recurse once per level.
    fn drop(&mut self) {
        let nested = match self {
            Value::Array(items) => items.iter().any(Value::owns_children),
            Value::Object(map) => map.values().any(Value::owns_children),
            Value::Token(_) => self.owns_children(),
            _ => false,
        };
        if !nested {
            return;
        }
        thread_local! {
            static DROP_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        }
        // a shallow value: its children drop here, one level deeper
        let depth = DROP_DEPTH.with(|d| d.replace(d.get() + 1));
        if depth < RECURSIVE_DEPTH {
            match self {
                Value::Array(items) => drop(std::mem::take(items)),
                Value::Object(map) => drop(std::mem::take::<Entries>(map)),
                Value::Token(t) => match Rc::get_mut(&mut t.0) {
                    Some(TokenKind::Concat(parts)) => drop(std::mem::take(parts)),
                    Some(TokenKind::Join(_, v)) | Some(TokenKind::JsonString(v, _)) => {
                        drop(std::mem::take(v))
                    }
                    _ => {}
                },
                _ => {}
            }
            DROP_DEPTH.with(|d| d.set(depth));
            return;
        }
        DROP_DEPTH.with(|d| d.set(depth));
        let mut pending: Vec<Value> = Vec::new();
        self.take_children(&mut pending);
        while let Some(mut v) = pending.pop() {
            v.take_children(&mut pending);
            // `v` now holds no values and drops without recursing
        }
    }
}

impl Value {
    /// Whether dropping this value drops other values (a non-empty list or object, or a
    /// token only it holds that holds values).
    fn owns_children(&self) -> bool {
        match self {
            Value::Array(items) => !items.is_empty(),
            Value::Object(map) => !map.is_empty(),
            Value::Token(t) => {
                Rc::strong_count(&t.0) == 1
                    && matches!(
                        t.kind(),
                        TokenKind::Concat(_) | TokenKind::Join(..) | TokenKind::JsonString(..)
                    )
            }
            _ => false,
        }
    }

    /// Moves the values this value holds into `out`, leaving it empty.
    fn take_children(&mut self, out: &mut Vec<Value>) {
        match self {
            Value::Array(items) => out.append(items),
            Value::Object(map) => out.extend(map.drain(..).map(|(_, v)| v)),
            Value::Token(t) => match Rc::get_mut(&mut t.0) {
                Some(TokenKind::Concat(parts)) => out.append(parts),
                Some(TokenKind::Join(_, v)) | Some(TokenKind::JsonString(v, _)) => {
                    out.push(std::mem::take(v))
                }
                _ => {}
            },
            _ => {}
        }
    }

    /// The list, when this value is a literal list; the value itself otherwise.
    ///
    /// # Errors
    /// The value, when it is not a list.
    pub fn into_array(mut self) -> Result<Vec<Value>, Value> {
        match &mut self {
            Value::Array(items) => Ok(std::mem::take(items)),
            _ => Err(self),
        }
    }

    /// The object, when this value is a literal object; the value itself otherwise.
    ///
    /// # Errors
    /// The value, when it is not an object.
    pub fn into_object(mut self) -> Result<Map, Value> {
        match &mut self {
            Value::Object(map) => Ok(std::mem::take(map)),
            _ => Err(self),
        }
    }

    /// The string, when this value is a literal string; the value itself otherwise.
    ///
    /// # Errors
    /// The value, when it is not a string.
    pub fn into_string(mut self) -> Result<String, Value> {
        match &mut self {
            Value::String(s) => Ok(std::mem::take(s)),
            _ => Err(self),
        }
    }

    /// How many levels of lists and objects this value nests (0 for a scalar or a token),
    /// counted without recursing.
    pub fn nesting_depth(&self) -> usize {
        let mut deepest = 0;
        let mut pending = vec![(self, 1usize)];
        while let Some((v, level)) = pending.pop() {
            match v {
                Value::Array(items) => pending.extend(items.iter().map(|i| (i, level + 1))),
                Value::Object(map) => pending.extend(map.values().map(|i| (i, level + 1))),
                _ => continue,
            }
            deepest = deepest.max(level);
        }
        deepest
    }
}

impl Value {
    /// A string built from literal and token parts, as `` `a${token}b` `` in TypeScript.
    ///
    /// Parts that are all literal give a plain string; otherwise the value renders as
    /// `{"Fn::Join": ["", [...]]}` with adjacent literals merged, as aws-cdk-lib does.
    ///
    /// ```
    /// use cdk_core::Value;
    /// assert_eq!(Value::concat(["a", "b"]), Value::from("ab"));
    /// ```
    pub fn concat<I, V>(parts: I) -> Value
    where
        I: IntoIterator<Item = V>,
        V: Into<Value>,
    {
        Self::concat_of(parts, false)
    }

    /// [`Value::concat`], keeping whole the parts that are strings of parts written as if
    /// spliced in when `share` is set ([`Value::concat_shared`]).
    fn concat_of<I, V>(parts: I, share: bool) -> Value
    where
        I: IntoIterator<Item = V>,
        V: Into<Value>,
    {
        let parts = parts.into_iter();
        // sized for the parts given (merging literals only makes it shorter)
        let mut out = ConcatBuilder::with_capacity(parts.size_hint().0);
        for p in parts {
            let v = p.into();
            if share && matches!(&v, Value::Token(t) if t.splices_as_parts()) {
                out.0.push(v);
            } else {
                out.push(v);
            }
        }
        out.finish()
    }

    /// [`Value::concat`], sharing rather than copying each part that is itself a string of
    /// parts of literals, lists or objects and references (no lazy or absent part): it stays
    /// one part, written as if its parts were spliced in, so the result is written exactly as
    /// [`Value::concat`]'s. For a prefix that many strings start with (the API's
    /// `execute-api` ARN prefix of each method ARN), made once instead of copied each time.
    ///
    /// ```
    /// use cdk_core::{App, Aws, CfnOutput, CfnOutputProps, Stack, Value};
    /// let prefix = Value::concat([Value::from("arn:"), Aws::partition(), Value::from(":")]);
    /// let shared = Value::concat_shared([prefix.clone(), Value::from("x")]);
    /// let copied = Value::concat([prefix, Value::from("x")]);
    /// let app = App::new();
    /// let stack = Stack::new(&app, "S")?;
    /// CfnOutput::new(&stack, "Shared", CfnOutputProps::builder().value(shared))?;
    /// CfnOutput::new(&stack, "Copied", CfnOutputProps::builder().value(copied))?;
    /// let outputs = &stack.synthesize_template()?["Outputs"];
    /// assert_eq!(outputs["Shared"], outputs["Copied"]);
    /// assert_eq!(outputs["Shared"]["Value"]["Fn::Join"][1][2], ":x");
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    pub fn concat_shared<I, V>(parts: I) -> Value
    where
        I: IntoIterator<Item = V>,
        V: Into<Value>,
    {
        Self::concat_of(parts, true)
    }

    /// No value (JavaScript's `undefined`): dropped when resolved.
    pub fn absent() -> Value {
        thread_local! {
            // One shared token: absent values are everywhere (every unset L1 property).
            static ABSENT: Token = Token::new(TokenKind::Absent);
        }
        Value::Token(ABSENT.with(Token::clone))
    }

    /// Whether this is [`Value::absent`].
    pub fn is_absent(&self) -> bool {
        matches!(self, Value::Token(t) if matches!(t.kind(), TokenKind::Absent))
    }

    /// A lazy value, produced once when first resolved (`Lazy.any` in aws-cdk-lib). The
    /// producer returns a value, or an `Option` (`None`: absent).
    pub fn lazy<F, R>(producer: F) -> Value
    where
        F: Fn(&ResolveContext<'_>) -> R + 'static,
        R: Into<Option<Value>>,
    {
        Value::Token(Token::new(TokenKind::Lazy {
            producer: Box::new(move |ctx| producer(ctx).into()),
            cache: Some(RefCell::new(None)),
        }))
    }

    /// A lazy value produced again at every resolution (`Lazy.uncachedAny`). The producer
    /// returns a value, or an `Option` (`None`: absent).
    pub fn lazy_uncached<F, R>(producer: F) -> Value
    where
        F: Fn(&ResolveContext<'_>) -> R + 'static,
        R: Into<Option<Value>>,
    {
        let producer = move |ctx: &ResolveContext<'_>| producer(ctx).into();
        Value::Token(Token::new(TokenKind::Lazy { producer: Box::new(producer), cache: None }))
    }

    /// An object from key/value pairs, in the given order.
    pub fn object<I, K, V>(pairs: I) -> Value
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<Value>,
    {
        Value::Object(pairs.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
    }

    /// A list of values.
    pub fn array<I, V>(items: I) -> Value
    where
        I: IntoIterator<Item = V>,
        V: Into<Value>,
    {
        Value::Array(items.into_iter().map(Into::into).collect())
    }

    /// Whether this value (or anything inside it) is a token.
    pub fn is_unresolved(&self) -> bool {
        let mut pending = vec![self];
        while let Some(v) = pending.pop() {
            match v {
                Value::Token(_) => return true,
                Value::Array(a) => pending.extend(a),
                Value::Object(o) => pending.extend(o.values()),
                _ => {}
            }
        }
        false
    }

    /// Whether this value holds a lazy value produced each time it is resolved
    /// ([`Value::lazy_uncached`]), inside it or in a token's parts: what it resolves to may
    /// then change from one resolution to the next. (A [`Value::lazy`] is produced once.)
    ///
    /// ```
    /// use cdk_core::Value;
    /// let uncached = Value::lazy_uncached(|_| Some(Value::from("x")));
    /// assert!(Value::object([("A", Value::concat(["a", "b"])), ("B", uncached)]).holds_uncached_lazy());
    /// assert!(!Value::array([Value::lazy(|_| Some(Value::from("x")))]).holds_uncached_lazy());
    /// ```
    pub fn holds_uncached_lazy(&self) -> bool {
        let mut pending = vec![self];
        while let Some(v) = pending.pop() {
            match v {
                Value::Array(a) => pending.extend(a),
                Value::Object(o) => pending.extend(o.values()),
                Value::Token(t) => match t.kind() {
                    TokenKind::Lazy { cache: None, .. } => return true,
                    TokenKind::Lazy { .. } => {}
                    TokenKind::Concat(parts) => pending.extend(parts),
                    TokenKind::Join(_, v) | TokenKind::JsonString(v, _) => pending.push(v),
                    TokenKind::Ref(_)
                    | TokenKind::GetAtt(..)
                    | TokenKind::LogicalId(_)
                    | TokenKind::Absent => {}
                },
                _ => {}
            }
        }
        false
    }

    /// The literal string of a string, number or boolean value (as JavaScript prints it).
    pub fn as_literal_string(&self) -> Option<String> {
        match self {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(crate::json::format_number(*n)),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// The string, when this value is a literal string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The object, when this value is a literal object.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The object, mutably, when this value is a literal object.
    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The list, when this value is a literal list.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
}

/// `value!({ "Key": [1, "two", token] })`: a [`Value`] written as JSON, whose leaves are any
/// Rust expression convertible into a `Value` (strings, numbers, booleans, tokens such as
/// `bucket.bucket_arn()` or `cfn_format!(..)`), as CDK apps write object literals.
///
/// Object keys are string literals; `null` is [`Value::Null`]. Long literals may need a
/// higher `#![recursion_limit]`.
///
/// ```
/// use cdk_core::{cfn_format, value, Aws, Value};
/// let doc = value!({
///     "Version": "2012-10-17",
///     "Statement": [{ "Effect": "Allow", "Principal": { "Service": cfn_format!("lambda.{}", Aws::url_suffix()) } }],
///     "Count": -3,
///     "Nothing": null,
/// });
/// assert_eq!(doc.as_object().map(|o| o.len()), Some(4));
/// assert_eq!(value!([1, "a", true]), Value::array([Value::from(1), Value::from("a"), Value::from(true)]));
/// ```
#[macro_export]
macro_rules! value {
    (@obj $m:ident;) => {};
    (@obj $m:ident; $k:literal : $($rest:tt)*) => { $crate::value!(@objval $m; $k; (); $($rest)*) };
    (@objval $m:ident; $k:literal; ($($v:tt)+); , $($rest:tt)*) => {
        $m.insert(::std::string::String::from($k), $crate::value!($($v)+));
        $crate::value!(@obj $m; $($rest)*)
    };
    (@objval $m:ident; $k:literal; ($($v:tt)+);) => {
        $m.insert(::std::string::String::from($k), $crate::value!($($v)+));
    };
    (@objval $m:ident; $k:literal; ($($v:tt)*); $t:tt $($rest:tt)*) => {
        $crate::value!(@objval $m; $k; ($($v)* $t); $($rest)*)
    };
    (@arr $a:ident; ()) => {};
    (@arr $a:ident; ($($e:tt)+)) => { $a.push($crate::value!($($e)+)); };
    (@arr $a:ident; ($($e:tt)+) , $($rest:tt)*) => {
        $a.push($crate::value!($($e)+));
        $crate::value!(@arr $a; () $($rest)*)
    };
    (@arr $a:ident; ($($e:tt)*) $t:tt $($rest:tt)*) => { $crate::value!(@arr $a; ($($e)* $t) $($rest)*) };
    (null) => { $crate::Value::Null };
    ({ $($body:tt)* }) => {{
        #[allow(unused_mut)]
        let mut map = $crate::Map::new();
        $crate::value!(@obj map; $($body)*);
        $crate::Value::Object(map)
    }};
    ([ $($body:tt)* ]) => {{
        #[allow(unused_mut)]
        let mut list: ::std::vec::Vec<$crate::Value> = ::std::vec::Vec::new();
        $crate::value!(@arr list; () $($body)*);
        $crate::Value::Array(list)
    }};
    ($e:expr) => { $crate::Value::from($e) };
}

/// `cfn_format!("arn:{}:x/{}", a, b)`: a string of literal and token parts ([`Value::concat`]).
///
/// Each `{}` takes one argument converted with `Into<Value>`; `{{` and `}}` escape braces.
///
/// ```
/// use cdk_core::{cfn_format, Value};
/// assert_eq!(cfn_format!("a-{}-c", "b"), Value::from("a-b-c"));
/// ```
#[macro_export]
macro_rules! cfn_format {
    ($fmt:expr $(, $arg:expr)* $(,)?) => {{
        let args: ::std::vec::Vec<$crate::Value> = ::std::vec![$($crate::Value::from($arg)),*];
        $crate::value::format_parts($fmt, args)
    }};
}

/// Splits a `{}` format string and interleaves the arguments (used by [`cfn_format!`]).
pub fn format_parts(fmt: &str, args: Vec<Value>) -> Value {
    let mut parts = ConcatBuilder::with_capacity(2 * args.len() + 1);
    let mut args = args.into_iter();
    // the literal text since the last argument: `fmt[start..i]`, braces unescaped on the way
    let bytes = fmt.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'{', Some(b'{')) | (b'}', Some(b'}')) => {
                parts.push_str(&fmt[start..=i]);
                i += 2;
                start = i;
            }
            (b'{', Some(b'}')) => {
                parts.push_str(&fmt[start..i]);
                parts.push(args.next().unwrap_or(Value::String(String::new())));
                i += 2;
                start = i;
            }
            _ => i += 1,
        }
    }
    parts.push_str(&fmt[start..]);
    parts.finish()
}

/// Builds the parts of a string of literal and token parts as [`Value::concat`] merges them:
/// adjacent literals joined into one string, empty literals left out, numbers and booleans
/// written as text, the parts of a nested string of parts spliced in.
pub(crate) struct ConcatBuilder(Vec<Value>);

impl ConcatBuilder {
    /// A builder with room for `n` parts.
    pub(crate) fn with_capacity(n: usize) -> Self {
        ConcatBuilder(Vec::with_capacity(n))
    }

    /// Appends literal text.
    pub(crate) fn push_str(&mut self, s: &str) {
        match self.0.last_mut() {
            Some(Value::String(prev)) => prev.push_str(s),
            _ if s.is_empty() => {}
            _ => self.0.push(Value::String(s.to_string())),
        }
    }

    /// Appends a part.
    pub(crate) fn push(&mut self, v: Value) {
        match (&v, self.0.last_mut()) {
            (Value::String(s), Some(Value::String(prev))) => prev.push_str(s),
            (Value::String(s), _) if s.is_empty() => {}
            (Value::Number(_), _) | (Value::Bool(_), _) => {
                let s = v.as_literal_string().unwrap_or_default();
                match self.0.last_mut() {
                    Some(Value::String(prev)) => prev.push_str(&s),
                    _ => self.0.push(Value::String(s)),
                }
            }
            (Value::Token(t), _) => {
                if let TokenKind::Concat(inner) = t.kind() {
                    for iv in inner {
                        match (iv, self.0.last_mut()) {
                            (Value::String(s), Some(Value::String(prev))) => prev.push_str(s),
                            _ => self.0.push(iv.clone()),
                        }
                    }
                } else {
                    self.0.push(v)
                }
            }
            _ => self.0.push(v),
        }
    }

    /// The string: a literal when every part is, else a string of parts.
    pub(crate) fn finish(mut self) -> Value {
        match self.0.len() {
            0 => Value::String(String::new()),
            1 if matches!(self.0[0], Value::String(_)) => self.0.pop().unwrap_or_default(),
            _ => Value::Token(Token::new(TokenKind::Concat(self.0))),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}
impl From<&String> for Value {
    fn from(s: &String) -> Self {
        Value::String(s.clone())
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
macro_rules! from_number {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Self { Value::Number(n as f64) }
        }
    )*};
}
from_number!(i8, i16, i32, i64, i128, u8, u16, u32, u64, u128, usize, isize, f32, f64);
impl From<&Value> for Value {
    fn from(v: &Value) -> Self {
        v.clone()
    }
}
impl From<Token> for Value {
    fn from(t: Token) -> Self {
        Value::Token(t)
    }
}
impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(v: Vec<T>) -> Self {
        Value::Array(v.into_iter().map(Into::into).collect())
    }
}
impl<T: Into<Value>, const N: usize> From<[T; N]> for Value {
    fn from(v: [T; N]) -> Self {
        Value::Array(v.into_iter().map(Into::into).collect())
    }
}
impl<T: Into<Value> + Clone> From<&[T]> for Value {
    fn from(v: &[T]) -> Self {
        Value::Array(v.iter().cloned().map(Into::into).collect())
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    /// `None` is an absent value (CDK's `undefined`: the property is dropped).
    fn from(v: Option<T>) -> Self {
        v.map_or_else(Value::absent, Into::into)
    }
}
impl<K: Into<String>, V: Into<Value>> From<IndexMap<K, V>> for Value {
    fn from(m: IndexMap<K, V>) -> Self {
        Value::Object(m.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
    }
}
impl From<char> for Value {
    fn from(c: char) -> Self {
        Value::String(c.to_string())
    }
}
impl<K: Into<String>, V: Into<Value>> From<std::collections::BTreeMap<K, V>> for Value {
    fn from(m: std::collections::BTreeMap<K, V>) -> Self {
        Value::Object(m.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
    }
}
impl From<serde_json::Value> for Value {
    /// Converts JSON of any depth (with an explicit stack, not recursion).
    fn from(v: serde_json::Value) -> Self {
        enum Frame {
            List(std::vec::IntoIter<serde_json::Value>, Vec<Value>),
            Object(serde_json::map::IntoIter, Map, String),
        }
        let mut stack: Vec<Frame> = Vec::new();
        let mut next = Some(v);
        loop {
            let mut done = match next.take() {
                Some(serde_json::Value::Array(items)) => {
                    let out = Vec::with_capacity(items.len());
                    stack.push(Frame::List(items.into_iter(), out));
                    None
                }
                Some(serde_json::Value::Object(map)) => {
                    let out = Map::with_capacity(map.len());
                    stack.push(Frame::Object(map.into_iter(), out, String::new()));
                    None
                }
                Some(serde_json::Value::Null) => Some(Value::Null),
                Some(serde_json::Value::Bool(b)) => Some(Value::Bool(b)),
                Some(serde_json::Value::Number(n)) => {
                    Some(Value::Number(n.as_f64().unwrap_or(0.0)))
                }
                Some(serde_json::Value::String(s)) => Some(Value::String(s)),
                None => None,
            };
            loop {
                let Some(frame) = stack.last_mut() else {
                    return done.unwrap_or_default();
                };
                match frame {
                    Frame::List(items, out) => {
                        if let Some(v) = done.take() {
                            out.push(v);
                        }
                        if let Some(item) = items.next() {
                            next = Some(item);
                            break;
                        }
                        let out = std::mem::take(out);
                        stack.pop();
                        done = Some(Value::Array(out));
                    }
                    Frame::Object(entries, out, key) => {
                        if let Some(v) = done.take() {
                            out.insert(std::mem::take(key), v);
                        }
                        if let Some((k, v)) = entries.next() {
                            *key = k;
                            next = Some(v);
                            break;
                        }
                        let out = std::mem::take(out);
                        stack.pop();
                        done = Some(Value::Object(out));
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
pub use crate::value_ser::{optional, to_value};

impl serde::Serialize for Value {
    /// Serializes the value; one nested deeper than [`crate::resolve::MAX_DEPTH`] levels is
    /// refused with an error (serializers recurse once per level).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        thread_local! {
            static SER_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        }
        let depth = SER_DEPTH.with(|d| d.replace(d.get() + 1));
        let result = if depth >= crate::resolve::MAX_DEPTH && self.owns_children() {
            Err(<S::Error as serde::ser::Error>::custom(format!(
                "the value is nested deeper than {} levels",
                crate::resolve::MAX_DEPTH
            )))
        } else {
            self.serialize_shallow(s)
        };
        SER_DEPTH.with(|d| d.set(depth));
        result
    }
}

impl Value {
    fn serialize_shallow<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
                    s.serialize_i64(*n as i64)
                } else {
                    s.serialize_f64(*n)
                }
            }
            Value::String(v) => s.serialize_str(v),
            Value::Array(a) => {
                // building a `Value` (`to_value`): copied whole
                let s = match crate::value_ser::serialize_whole(self, s) {
                    Ok(done) => return done,
                    Err(s) => s,
                };
                let mut seq = s.serialize_seq(Some(a.len()))?;
                for v in a {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Value::Object(o) => {
                let s = match crate::value_ser::serialize_whole(self, s) {
                    Ok(done) => return done,
                    Err(s) => s,
                };
                let mut map = s.serialize_map(Some(o.len()))?;
                for (k, v) in o {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
            Value::Token(t) => crate::value_ser::serialize_token(t, s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `f` on a thread with a test thread's 2 MiB stack.
    fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new().stack_size(2 << 20).spawn(f).unwrap().join().unwrap()
    }

    #[test]
    fn deep_values_clone_compare_convert_format_and_drop_without_recursing() {
        on_small_stack(|| {
            let depth = 100_000;
            let list = (0..depth).fold(Value::from(1), |v, _| Value::Array(vec![v]));
            let object = (0..depth).fold(Value::Null, |v, _| Value::object([("k", v)]));
            let copy = list.clone();
            assert!(copy == list);
            assert!(object.clone() == object);
            assert!(copy != object);
            assert_eq!(list.nesting_depth(), depth);
            assert!(!object.is_unresolved());
            assert!(format!("{list:?}").contains("[…]"));
            let mut json = serde_json::Value::Null;
            for _ in 0..depth {
                json = serde_json::Value::Array(vec![json]);
            }
            let converted = Value::from(json);
            assert_eq!(converted.nesting_depth(), depth);
            let text = crate::json::to_json_string(&converted, 0);
            assert_eq!(text.len(), 2 * depth + 4);
            // a token only this value holds, holding a deep value, drops too
            let joined = Value::Token(Token::new(TokenKind::JsonString(object, 0)));
            drop((list, copy, converted, joined));
        });
    }

    #[test]
    fn deep_serde_values_are_refused_not_overflowing() {
        let result = on_small_stack(|| {
            let mut v = serde_json::Value::Null;
            for _ in 0..100_000 {
                v = serde_json::Value::Array(vec![v]);
            }
            let result = to_value(&v).map(|_| ());
            // serde_json's own drop recurses: take it apart level by level
            while let serde_json::Value::Array(mut items) = v {
                v = items.pop().unwrap_or_default();
            }
            result
        });
        assert_eq!(result, Err("the value is nested deeper than 200 levels".to_string()));
        let deep = (0..1_000).fold(Value::Null, |v, _| Value::Array(vec![v]));
        let err = serde_json::to_string(&deep).unwrap_err().to_string();
        assert_eq!(err, "the value is nested deeper than 200 levels");
    }

    #[test]
    fn concat_merges_literals() {
        assert_eq!(Value::concat(["a", "", "b"]), Value::from("ab"));
        assert_eq!(Value::concat(Vec::<Value>::new()), Value::from(""));
        assert_eq!(cfn_format!("x{}y{{}}", 1), Value::from("x1y{}"));
    }

    #[test]
    fn to_value_keeps_field_order_and_tokens() {
        #[derive(serde::Serialize)]
        struct P {
            #[serde(rename = "Zeta")]
            zeta: Value,
            #[serde(rename = "Alpha", skip_serializing_if = "Option::is_none")]
            alpha: Option<Value>,
            #[serde(rename = "Lazy")]
            lazy: Value,
        }
        let lazy = Value::lazy(|_| Some(Value::from(1)));
        let v = to_value(&P { zeta: Value::from(1.5), alpha: None, lazy: lazy.clone() }).unwrap();
        let o = v.as_object().unwrap();
        assert_eq!(o.keys().collect::<Vec<_>>(), vec!["Zeta", "Lazy"]);
        assert_eq!(o["Lazy"], lazy);
    }
}
