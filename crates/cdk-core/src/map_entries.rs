//! The entries of a [`Map`](crate::Map): keys and values in insertion order, as a list.
//!
//! The objects of templates are small (a resource's properties, an intrinsic function): a
//! list searched from the front finds a key faster than a hash table would hash it, and
//! costs one allocation rather than three. The methods are those of an `IndexMap` of the
//! same name, so code written against one reads the same against the other; keys are read
//! as `&str`. A constant key ([`Entries::insert_static`], as the generated L1 types insert
//! their property names) is kept borrowed: nothing is allocated for it.

use std::fmt;

use crate::value::Value;

/// The entries of a [`Map`](crate::Map), in insertion order (`IndexMap`'s methods, on a list).
///
/// ```
/// use cdk_core::{Map, Value};
/// let mut m = Map::new();
/// m.insert("b".into(), Value::from(1));
/// m.insert("a".into(), Value::from(2));
/// assert_eq!(m.insert("b".into(), Value::from(3)), Some(Value::from(1)));
/// assert_eq!(m.keys().collect::<Vec<_>>(), ["b", "a"]);
/// assert_eq!(m.get("b"), Some(&Value::from(3)));
/// assert_eq!(m.shift_remove("b"), Some(Value::from(3)));
/// assert_eq!(m.len(), 1);
/// ```
#[derive(Clone, Default)]
pub struct Entries {
    list: Vec<(Key, Value)>,
}

/// A key: borrowed when it is a constant (a property name of a generated type, given to
/// [`Entries::insert_static`]), owned otherwise; copying a borrowed key allocates nothing.
pub type Key = std::borrow::Cow<'static, str>;

impl Entries {
    /// No entries.
    pub const fn new() -> Entries {
        Entries { list: Vec::new() }
    }

    /// No entries, with room for `n`.
    pub fn with_capacity(n: usize) -> Entries {
        Entries { list: Vec::with_capacity(n) }
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// How many entries fit without growing.
    pub fn capacity(&self) -> usize {
        self.list.capacity()
    }

    /// Makes room for `n` more entries.
    pub fn reserve(&mut self, n: usize) {
        self.list.reserve(n)
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.list.clear()
    }

    /// Keeps the first `len` entries.
    pub fn truncate(&mut self, len: usize) {
        self.list.truncate(len)
    }

    /// The position of `key`.
    pub fn get_index_of(&self, key: &str) -> Option<usize> {
        self.list.iter().position(|(k, _)| k == key)
    }

    /// Sets `key` to `value`: in its place when the key is there (returning the value it
    /// had), at the end otherwise.
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        self.insert_full(key, value).1
    }

    /// [`Entries::insert`], also returning the entry's position.
    pub fn insert_full(&mut self, key: String, value: Value) -> (usize, Option<Value>) {
        self.insert_key_full(Key::Owned(key), value)
    }

    /// [`Entries::insert`] of a constant key (nothing is allocated for it).
    pub fn insert_static(&mut self, key: &'static str, value: Value) -> Option<Value> {
        self.insert_key_full(Key::Borrowed(key), value).1
    }

    /// [`Entries::insert`] of a [`Key`] (as [`Entries::keyed`] gives them).
    pub fn insert_key(&mut self, key: Key, value: Value) -> Option<Value> {
        self.insert_key_full(key, value).1
    }

    fn insert_key_full(&mut self, key: Key, value: Value) -> (usize, Option<Value>) {
        match self.get_index_of(&key) {
            Some(i) => (i, Some(std::mem::replace(&mut self.list[i].1, value))),
            None => {
                self.list.push((key, value));
                (self.list.len() - 1, None)
            }
        }
    }

    /// Sets `key` to `value` at position `index` (moving it there when the key is there;
    /// returning the value it had).
    pub fn shift_insert(&mut self, index: usize, key: String, value: Value) -> Option<Value> {
        let old = self.shift_remove(&key);
        let index = index.min(self.list.len());
        self.list.insert(index, (Key::Owned(key), value));
        old
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.list.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The value of `key`, to change.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.list.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The key and value of `key`.
    pub fn get_key_value(&self, key: &str) -> Option<(&str, &Value)> {
        self.list.iter().find(|(k, _)| k == key).map(|(k, v)| (&**k, v))
    }

    /// The position, key and value of `key`.
    pub fn get_full(&self, key: &str) -> Option<(usize, &str, &Value)> {
        let i = self.get_index_of(key)?;
        let (k, v) = &self.list[i];
        Some((i, &**k, v))
    }

    /// The entry at position `index`.
    pub fn get_index(&self, index: usize) -> Option<(&str, &Value)> {
        self.list.get(index).map(|(k, v)| (&**k, v))
    }

    /// The entry at position `index`, its value to change.
    pub fn get_index_mut(&mut self, index: usize) -> Option<(&str, &mut Value)> {
        self.list.get_mut(index).map(|(k, v)| (&**k, v))
    }

    /// Whether `key` is there.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get_index_of(key).is_some()
    }

    /// The first entry.
    pub fn first(&self) -> Option<(&str, &Value)> {
        self.list.first().map(|(k, v)| (&**k, v))
    }

    /// The last entry.
    pub fn last(&self) -> Option<(&str, &Value)> {
        self.list.last().map(|(k, v)| (&**k, v))
    }

    /// Removes and returns the last entry.
    pub fn pop(&mut self) -> Option<(String, Value)> {
        self.list.pop().map(|(k, v)| (k.into_owned(), v))
    }

    /// Removes `key`, keeping the order of the others; its value.
    pub fn shift_remove(&mut self, key: &str) -> Option<Value> {
        self.shift_remove_entry(key).map(|(_, v)| v)
    }

    /// Removes `key`, keeping the order of the others; its key and value.
    pub fn shift_remove_entry(&mut self, key: &str) -> Option<(String, Value)> {
        let i = self.get_index_of(key)?;
        let (k, v) = self.list.remove(i);
        Some((k.into_owned(), v))
    }

    /// Removes the entry at `index`, keeping the order of the others.
    pub fn shift_remove_index(&mut self, index: usize) -> Option<(String, Value)> {
        (index < self.list.len()).then(|| {
            let (k, v) = self.list.remove(index);
            (k.into_owned(), v)
        })
    }

    /// Removes `key`, the last entry taking its place; its value.
    pub fn swap_remove(&mut self, key: &str) -> Option<Value> {
        self.swap_remove_entry(key).map(|(_, v)| v)
    }

    /// Removes `key`, the last entry taking its place; its key and value.
    pub fn swap_remove_entry(&mut self, key: &str) -> Option<(String, Value)> {
        let i = self.get_index_of(key)?;
        let (k, v) = self.list.swap_remove(i);
        Some((k.into_owned(), v))
    }

    /// Keeps the entries for which `keep` holds, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &mut Value) -> bool) {
        self.list.retain_mut(|(k, v)| keep(k, v))
    }

    /// Sorts the entries by key.
    pub fn sort_keys(&mut self) {
        self.list.sort_by(|a, b| a.0.cmp(&b.0))
    }

    /// Sorts the entries with `cmp` (of two keys and their values), keeping equal ones in
    /// order.
    pub fn sort_by(
        &mut self,
        mut cmp: impl FnMut(&str, &Value, &str, &Value) -> std::cmp::Ordering,
    ) {
        self.list.sort_by(|a, b| cmp(&a.0, &a.1, &b.0, &b.1))
    }

    /// Removes the entries in `range`, in order.
    pub fn drain(
        &mut self,
        range: impl std::ops::RangeBounds<usize>,
    ) -> impl DoubleEndedIterator<Item = (String, Value)> + ExactSizeIterator + '_ {
        self.list.drain(range).map(|(k, v)| (k.into_owned(), v))
    }

    /// The entry of `key`, to read, change or fill.
    pub fn entry(&mut self, key: String) -> Entry<'_> {
        match self.get_index_of(&key) {
            Some(index) => Entry::Occupied(OccupiedEntry { entries: self, index }),
            None => Entry::Vacant(VacantEntry { entries: self, key: Key::Owned(key) }),
        }
    }

    /// The entries, in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.list.iter())
    }

    /// The entries, in order, with their keys as kept (to copy into other entries with
    /// [`Entries::insert_key`] without allocating for a constant key).
    pub fn keyed(&self) -> impl DoubleEndedIterator<Item = (&Key, &Value)> + ExactSizeIterator {
        self.list.iter().map(|(k, v)| (k, v))
    }

    /// The entries, in order, their values to change.
    pub fn iter_mut(&mut self) -> IterMut<'_> {
        IterMut(self.list.iter_mut())
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator + Clone {
        self.list.iter().map(|(k, _)| &**k)
    }

    /// The values, in order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Value> + ExactSizeIterator + Clone {
        self.list.iter().map(|(_, v)| v)
    }

    /// The values, in order, to change.
    pub fn values_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = &mut Value> + ExactSizeIterator {
        self.list.iter_mut().map(|(_, v)| v)
    }

    /// The keys, in order, owned.
    pub fn into_keys(self) -> impl DoubleEndedIterator<Item = String> + ExactSizeIterator {
        self.list.into_iter().map(|(k, _)| k.into_owned())
    }

    /// The values, in order, owned.
    pub fn into_values(self) -> impl DoubleEndedIterator<Item = Value> + ExactSizeIterator {
        self.list.into_iter().map(|(_, v)| v)
    }
}

/// Equal when they hold the same keys with equal values, in any order (as `IndexMap`'s
/// equality).
impl PartialEq for Entries {
    fn eq(&self, other: &Entries) -> bool {
        self.len() == other.len()
            && self.list.iter().all(|(k, v)| other.get(k).is_some_and(|w| v == w))
    }
}

impl fmt::Debug for Entries {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl std::ops::Index<&str> for Entries {
    type Output = Value;
    /// The value of `key`.
    ///
    /// # Panics
    /// When `key` is not there (as `IndexMap`'s indexing): use [`Entries::get`] otherwise.
    fn index(&self, key: &str) -> &Value {
        match self.get(key) {
            Some(v) => v,
            None => panic!("no entry for key {key:?}"),
        }
    }
}

impl FromIterator<(String, Value)> for Entries {
    /// The entries in order; a key given twice keeps its first place and its last value.
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Entries {
        let iter = iter.into_iter();
        let mut entries = Entries::with_capacity(iter.size_hint().0);
        entries.extend(iter);
        entries
    }
}

impl Extend<(String, Value)> for Entries {
    fn extend<I: IntoIterator<Item = (String, Value)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl IntoIterator for Entries {
    type Item = (String, Value);
    type IntoIter = IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        IntoIter(self.list.into_iter())
    }
}

/// The entries of an [`Entries`], owned, in order.
#[derive(Debug)]
pub struct IntoIter(std::vec::IntoIter<(Key, Value)>);

impl Iterator for IntoIter {
    type Item = (String, Value);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k.into_owned(), v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for IntoIter {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k.into_owned(), v))
    }
}

impl ExactSizeIterator for IntoIter {}

impl<'a> IntoIterator for &'a Entries {
    type Item = (&'a str, &'a Value);
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut Entries {
    type Item = (&'a str, &'a mut Value);
    type IntoIter = IterMut<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

/// The entries of an [`Entries`], in order ([`Entries::iter`]).
#[derive(Clone, Debug)]
pub struct Iter<'a>(std::slice::Iter<'a, (Key, Value)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, &'a Value);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (&**k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (&**k, v))
    }
}

impl ExactSizeIterator for Iter<'_> {}

/// The entries of an [`Entries`], in order, their values to change ([`Entries::iter_mut`]).
#[derive(Debug)]
pub struct IterMut<'a>(std::slice::IterMut<'a, (Key, Value)>);

impl<'a> Iterator for IterMut<'a> {
    type Item = (&'a str, &'a mut Value);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (&**k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for IterMut<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (&**k, v))
    }
}

impl ExactSizeIterator for IterMut<'_> {}

/// The entry of a key ([`Entries::entry`]): there or not.
pub enum Entry<'a> {
    /// The key is there.
    Occupied(OccupiedEntry<'a>),
    /// It is not.
    Vacant(VacantEntry<'a>),
}

/// An entry that is there ([`Entry::Occupied`]).
pub struct OccupiedEntry<'a> {
    entries: &'a mut Entries,
    index: usize,
}

/// A key that is not there ([`Entry::Vacant`]).
pub struct VacantEntry<'a> {
    entries: &'a mut Entries,
    key: Key,
}

impl<'a> Entry<'a> {
    /// The key.
    pub fn key(&self) -> &str {
        match self {
            Entry::Occupied(o) => o.key(),
            Entry::Vacant(v) => &v.key,
        }
    }

    /// The value, `default` put in first when the key is not there.
    pub fn or_insert(self, default: Value) -> &'a mut Value {
        self.or_insert_with(|| default)
    }

    /// The value, the one `make` gives put in first when the key is not there.
    pub fn or_insert_with(self, make: impl FnOnce() -> Value) -> &'a mut Value {
        match self {
            Entry::Occupied(o) => o.into_mut(),
            Entry::Vacant(v) => v.insert(make()),
        }
    }

    /// The value, `null` put in first when the key is not there.
    pub fn or_default(self) -> &'a mut Value {
        self.or_insert_with(Value::default)
    }

    /// Changes the value with `f` when the key is there.
    pub fn and_modify(mut self, f: impl FnOnce(&mut Value)) -> Entry<'a> {
        if let Entry::Occupied(o) = &mut self {
            f(o.get_mut());
        }
        self
    }
}

impl<'a> OccupiedEntry<'a> {
    /// The key.
    pub fn key(&self) -> &str {
        &self.entries.list[self.index].0
    }

    /// The entry's position.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The value.
    pub fn get(&self) -> &Value {
        &self.entries.list[self.index].1
    }

    /// The value, to change.
    pub fn get_mut(&mut self) -> &mut Value {
        &mut self.entries.list[self.index].1
    }

    /// The value, to change, for as long as the entries are borrowed.
    pub fn into_mut(self) -> &'a mut Value {
        &mut self.entries.list[self.index].1
    }

    /// Replaces the value; the one it had.
    pub fn insert(&mut self, value: Value) -> Value {
        std::mem::replace(self.get_mut(), value)
    }

    /// Removes the entry, keeping the order of the others; its value.
    pub fn shift_remove(self) -> Value {
        self.entries.list.remove(self.index).1
    }

    /// Removes the entry, the last one taking its place; its value.
    pub fn swap_remove(self) -> Value {
        self.entries.list.swap_remove(self.index).1
    }
}

impl<'a> VacantEntry<'a> {
    /// The key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Puts `value` in at the end; the value, to change.
    pub fn insert(self, value: Value) -> &'a mut Value {
        let index = self.entries.list.len();
        self.entries.list.push((self.key, value));
        &mut self.entries.list[index].1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(pairs: &[(&str, i32)]) -> Entries {
        pairs.iter().map(|(k, v)| (k.to_string(), Value::from(*v))).collect()
    }

    fn keys(e: &Entries) -> Vec<&str> {
        e.keys().collect()
    }

    #[test]
    fn entries_keep_insertion_order_as_an_index_map_does() {
        let mut e = entries(&[("a", 1), ("b", 2), ("c", 3)]);
        // a key given again keeps its place
        assert_eq!(e.insert("a".into(), Value::from(9)), Some(Value::from(1)));
        assert_eq!(keys(&e), ["a", "b", "c"]);
        assert_eq!(e.insert_full("d".into(), Value::from(4)), (3, None));
        assert_eq!(e.get_full("c"), Some((2, "c", &Value::from(3))));
        assert_eq!(e.get_index(0), Some(("a", &Value::from(9))));
        assert_eq!(e["b"], Value::from(2));
        // removals: shifting keeps the order, swapping moves the last entry in
        assert_eq!(e.shift_remove("a"), Some(Value::from(9)));
        assert_eq!(keys(&e), ["b", "c", "d"]);
        assert_eq!(e.swap_remove("b"), Some(Value::from(2)));
        assert_eq!(keys(&e), ["d", "c"]);
        assert_eq!(e.shift_remove("zz"), None);
        e.shift_insert(0, "c".into(), Value::from(5));
        assert_eq!(keys(&e), ["c", "d"]);
        e.sort_keys();
        assert_eq!(keys(&e), ["c", "d"]);
        e.sort_by(|a, _, b, _| b.cmp(a));
        assert_eq!(keys(&e), ["d", "c"]);
        e.retain(|k, _| k != "d");
        assert_eq!(keys(&e), ["c"]);
        // a list given the same key twice: the first place, the last value
        let twice = entries(&[("x", 1), ("y", 2), ("x", 3)]);
        assert_eq!(keys(&twice), ["x", "y"]);
        assert_eq!(twice.get("x"), Some(&Value::from(3)));
        // iterators both ways, and the debug form of a map
        assert_eq!(twice.iter().rev().map(|(k, _)| k).collect::<Vec<_>>(), ["y", "x"]);
        assert_eq!(
            format!("{twice:?}"),
            format!(
                "{:?}",
                [("x", 3), ("y", 2)]
                    .iter()
                    .map(|(k, v)| (k, Value::from(*v)))
                    .collect::<indexmap::IndexMap<_, _>>()
            )
        );
    }

    #[test]
    fn entries_are_equal_with_the_same_pairs_in_any_order() {
        let a = entries(&[("a", 1), ("b", 2)]);
        assert_eq!(a, entries(&[("b", 2), ("a", 1)]));
        assert_ne!(a, entries(&[("a", 1), ("b", 3)]));
        assert_ne!(a, entries(&[("a", 1)]));
        assert_ne!(a, entries(&[("a", 1), ("c", 2)]));
    }

    #[test]
    fn the_entry_of_a_key_reads_changes_and_fills() {
        let mut e = entries(&[("a", 1)]);
        *e.entry("a".into()).or_insert(Value::from(0)) = Value::from(2);
        e.entry("b".into()).or_insert_with(|| Value::from(3));
        e.entry("c".into()).or_default();
        e.entry("a".into()).and_modify(|v| *v = Value::from(4)).or_insert(Value::from(0));
        e.entry("d".into()).and_modify(|v| *v = Value::from(5));
        assert_eq!(keys(&e), ["a", "b", "c"]);
        assert_eq!(e.get("a"), Some(&Value::from(4)));
        assert_eq!(e.get("c"), Some(&Value::Null));
        match e.entry("b".into()) {
            Entry::Occupied(mut o) => {
                assert_eq!((o.key(), o.index()), ("b", 1));
                assert_eq!(o.insert(Value::from(6)), Value::from(3));
                assert_eq!(o.shift_remove(), Value::from(6));
            }
            Entry::Vacant(_) => panic!("b is there"),
        }
        assert_eq!(keys(&e), ["a", "c"]);
        assert_eq!(e.entry("z".into()).key(), "z");
    }

    #[test]
    fn constant_keys_are_kept_borrowed_and_copied_as_they_are() {
        let mut e = Entries::new();
        assert_eq!(e.insert_static("Type", Value::from(1)), None);
        e.insert("Name".into(), Value::from(2));
        // the same key given owned replaces the value in place
        assert_eq!(e.insert("Type".into(), Value::from(3)), Some(Value::from(1)));
        assert_eq!(keys(&e), ["Type", "Name"]);
        let borrowed: Vec<bool> =
            e.keyed().map(|(k, _)| matches!(k, std::borrow::Cow::Borrowed(_))).collect();
        assert_eq!(borrowed, [true, false]);
        let mut copy = Entries::new();
        for (k, v) in e.keyed() {
            copy.insert_key(k.clone(), v.clone());
        }
        assert_eq!(copy, e);
        assert!(matches!(copy.keyed().next(), Some((std::borrow::Cow::Borrowed("Type"), _))));
        // owned iteration gives owned keys
        assert_eq!(copy.into_iter().map(|(k, _)| k).collect::<Vec<String>>(), ["Type", "Name"]);
    }

    #[test]
    fn many_entries_are_kept_in_order() {
        let e: Entries = (0..5_000).map(|i| (format!("k{i}"), Value::from(i))).collect();
        assert_eq!(e.len(), 5_000);
        assert_eq!(e.get("k4999"), Some(&Value::from(4999)));
        assert_eq!(e.get_index_of("k2500"), Some(2500));
    }
}
