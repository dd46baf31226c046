//! String ordering of JavaScript's `String.prototype.localeCompare` (ICU root collation),
//! which aws-cdk-lib uses to sort `DependsOn` entries (by construct path) and tags (by key).
//!
//! Covers what construct paths and tag keys hold: ASCII punctuation and symbols sort before
//! digits, digits before letters, letters compare case-insensitively first and lower case
//! before upper case on a tie; other characters sort after ASCII by code point.

use std::cmp::Ordering;

/// CLDR root order of the ASCII characters that are not letters or digits.
const PUNCTUATION_ORDER: &str = "\t\n\u{b}\u{c}\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

/// The primary weight of each ASCII character, computed once ([`ascii_primary`]).
const ASCII_PRIMARY: [(u32, u32); 128] = {
    let mut table = [(0u32, 0u32); 128];
    let mut c = 0;
    while c < 128 {
        table[c] = ascii_primary(c as u8);
        c += 1;
    }
    table
};

/// The primary weight of an ASCII character: punctuation in [`PUNCTUATION_ORDER`], then
/// digits, then letters without case.
const fn ascii_primary(c: u8) -> (u32, u32) {
    let order = PUNCTUATION_ORDER.as_bytes();
    let mut i = 0;
    while i < order.len() {
        if order[i] == c {
            return (0, i as u32);
        }
        i += 1;
    }
    if c.is_ascii_digit() {
        return (1, c as u32);
    }
    if c.is_ascii_alphabetic() {
        return (2, c.to_ascii_lowercase() as u32);
    }
    // remaining ASCII control characters: ignorable in ICU; order them first
    (0, 0)
}

fn primary(c: char) -> (u32, u32) {
    match ASCII_PRIMARY.get(c as usize) {
        Some(w) => *w,
        None => (3, c as u32),
    }
}

fn tertiary(c: char) -> u32 {
    // ICU root: lower case before upper case
    if c.is_ascii_uppercase() {
        1
    } else {
        0
    }
}

/// A sort key with the order of [`locale_compare`]: sorting many strings by their keys
/// computes each key once.
pub fn sort_key(s: &str) -> (Vec<(u32, u32)>, Vec<u32>, String) {
    (s.chars().map(primary).collect(), s.chars().map(tertiary).collect(), s.to_string())
}

/// Compares two strings as `a.localeCompare(b)` does in Node.js (root locale).
///
/// ```
/// use cdk_core::collate::locale_compare;
/// use std::cmp::Ordering;
/// assert_eq!(locale_compare("Stack/alpha/Three", "Stack/Bucket"), Ordering::Less);
/// assert_eq!(locale_compare("a/{id}", "a/GET"), Ordering::Less);
/// ```
pub fn locale_compare(a: &str, b: &str) -> Ordering {
    // A common beginning weighs the same on both sides at every level: only what follows it
    // decides (construct paths share long ones).
    let mut common = common_prefix(a.as_bytes(), b.as_bytes());
    while !a.is_char_boundary(common) {
        common -= 1;
    }
    let (a, b) = (&a[common..], &b[common..]);
    if a.is_ascii() && b.is_ascii() {
        return ascii_compare(a.as_bytes(), b.as_bytes());
    }
    let pa = a.chars().map(primary);
    let pb = b.chars().map(primary);
    match pa.cmp(pb) {
        Ordering::Equal => {}
        o => return o,
    }
    match a.chars().map(tertiary).cmp(b.chars().map(tertiary)) {
        Ordering::Equal => a.cmp(b),
        o => o,
    }
}

/// A byte key with the order of [`locale_compare`] for an ASCII string (`None` for another
/// string): the primary weights, then the case of each letter, then the bytes, each part
/// ended by a byte below any in it. Sorting many strings by these keys compares bytes only.
pub(crate) fn ascii_sort_key(s: &str) -> Option<Vec<u8>> {
    if !s.is_ascii() {
        return None;
    }
    let mut key = Vec::with_capacity(3 * s.len() + 2);
    key.extend(s.bytes().map(|b| PRIMARY_RANK[b as usize]));
    key.push(0);
    key.extend(s.bytes().map(|b| if b.is_ascii_uppercase() { 2 } else { 1 }));
    key.push(0);
    key.extend_from_slice(s.as_bytes());
    Some(key)
}

/// The rank (from 1) of each ASCII character's primary weight among those of all ASCII
/// characters: characters of equal weight have equal ranks.
const PRIMARY_RANK: [u8; 128] = {
    let mut rank = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        // 1 + how many distinct weights are below this one
        let (class, weight) = ASCII_PRIMARY[c];
        let mut below = 0;
        let mut d = 0;
        while d < 128 {
            let (dc, dw) = ASCII_PRIMARY[d];
            let less = dc < class || (dc == class && dw < weight);
            // count each distinct weight once: at its first character
            let mut first = true;
            let mut e = 0;
            while e < d {
                if ASCII_PRIMARY[e].0 == dc && ASCII_PRIMARY[e].1 == dw {
                    first = false;
                }
                e += 1;
            }
            if less && first {
                below += 1;
            }
            d += 1;
        }
        rank[c] = 1 + below as u8;
        c += 1;
    }
    rank
};

/// The length of the common beginning of two byte strings (eight bytes at a time).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n {
        let mut x = [0u8; 8];
        let mut y = [0u8; 8];
        x.copy_from_slice(&a[i..i + 8]);
        y.copy_from_slice(&b[i..i + 8]);
        let diff = u64::from_le_bytes(x) ^ u64::from_le_bytes(y);
        if diff != 0 {
            return i + (diff.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// [`locale_compare`] of two ASCII strings: primary weights, then case, then bytes.
fn ascii_compare(a: &[u8], b: &[u8]) -> Ordering {
    fn weights(s: &[u8]) -> impl Iterator<Item = (u32, u32)> + '_ {
        s.iter().map(|c| ASCII_PRIMARY[*c as usize])
    }
    fn upper(s: &[u8]) -> impl Iterator<Item = bool> + '_ {
        s.iter().map(u8::is_ascii_uppercase)
    }
    match weights(a).cmp(weights(b)) {
        Ordering::Equal => {}
        o => return o,
    }
    match upper(a).cmp(upper(b)) {
        Ordering::Equal => a.cmp(b),
        o => o,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_common_beginning_does_not_change_the_order() {
        let words = [
            "Stack/GroupB",
            "Stack/groupb",
            "Stack/Group",
            "Stack/Group-",
            "Stack/Gröup",
            "Stack/Grüup",
            "Stack/alpha/Three",
            "a/{id}",
            "a/GET",
            "a/get",
            "a",
            "",
            "A1",
            "a_1",
        ];
        for a in words {
            for b in words {
                let keys = sort_key(a).cmp(&sort_key(b));
                assert_eq!(locale_compare(a, b), keys, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn depends_on_order_of_the_goldens() {
        // core-overrides-deps: Dependent's DependsOn order, by path
        let mut paths = vec![
            "Stack/GroupB",
            "Stack/GroupA",
            "Stack/Zeta/One",
            "Stack/Zeta/Two",
            "Stack/alpha/Three",
            "Stack/Bucket",
        ];
        paths.sort_by(|a, b| locale_compare(a, b));
        assert_eq!(
            paths,
            [
                "Stack/alpha/Three",
                "Stack/Bucket",
                "Stack/GroupA",
                "Stack/GroupB",
                "Stack/Zeta/One",
                "Stack/Zeta/Two"
            ]
        );
        // defining-apis: punctuation before letters, case-insensitive letters
        let mut p = vec![
            "Stack/books-api/Default/books/Resource",
            "Stack/books-api/Default/books/{book_id}/reviews/GET/Resource",
            "Stack/books-api/Default/books/{book_id}/Resource",
            "Stack/books-api/Default/books/GET/Resource",
            "Stack/books-api/Default/ANY/Resource",
            "Stack/books-api/Default/books/{book_id}/DELETE/Resource",
        ];
        p.sort_by(|a, b| locale_compare(a, b));
        assert_eq!(
            p,
            [
                "Stack/books-api/Default/ANY/Resource",
                "Stack/books-api/Default/books/{book_id}/DELETE/Resource",
                "Stack/books-api/Default/books/{book_id}/Resource",
                "Stack/books-api/Default/books/{book_id}/reviews/GET/Resource",
                "Stack/books-api/Default/books/GET/Resource",
                "Stack/books-api/Default/books/Resource",
            ]
        );
    }

    #[test]
    fn sort_keys_agree_with_compare() {
        let words = ["b", "A", "a", "{x}", "_", "Z9", "z1", "ab", "aB"];
        for a in words {
            for b in words {
                assert_eq!(sort_key(a).cmp(&sort_key(b)), locale_compare(a, b), "{a} {b}");
            }
        }
    }

    #[test]
    fn ascii_sort_keys_agree_with_compare() {
        let words = [
            "b",
            "A",
            "a",
            "{x}",
            "_",
            "Z9",
            "z1",
            "ab",
            "aB",
            "",
            "a/{id}",
            "a/GET",
            "a/get",
            "a_1",
            "A1",
            "Stack/Group-",
            "Stack/Group",
            "x\ty",
            "x\u{1}y",
            "x y",
            "~",
            "$",
            "0",
        ];
        for a in words {
            for b in words {
                let keys = ascii_sort_key(a).unwrap().cmp(&ascii_sort_key(b).unwrap());
                assert_eq!(keys, locale_compare(a, b), "{a:?} {b:?}");
            }
        }
        assert_eq!(ascii_sort_key("Gröup"), None);
    }

    #[test]
    fn case_tie_puts_lower_first() {
        assert_eq!(locale_compare("a", "A"), Ordering::Less);
        assert_eq!(locale_compare("ab", "Ac"), Ordering::Less);
        assert_eq!(locale_compare("x", "x"), Ordering::Equal);
    }
}
