//! JSON text exactly as JavaScript's `JSON.stringify(value, null, indent)` writes it.
//!
//! aws-cdk-lib writes templates with `JSON.stringify(template, undefined, 1)` and manifests with
//! an indent of 2. Byte identity needs JavaScript's rules: keys that are array indices
//! (`"2"`, `"10"`) come first in ascending numeric order, then the other keys in insertion
//! order; numbers print as `Number.prototype.toString` prints them (`1e+21`, `1e-7`,
//! `0.000001`, `-0` as `0`); strings escape `"`, `\`, and control characters (`\u001f`), and
//! nothing else (non-ASCII text, U+2028 and U+2029 stay as they are).

use crate::value::{Map, Value};

/// Writes a resolved value as `JSON.stringify(value, null, indent)` does (no trailing newline).
///
/// Tokens must have been resolved before; any left are written as `null`.
///
/// ```
/// use cdk_core::{json::to_json_string, Value};
/// let v = Value::object([("b", Value::from(1)), ("10", Value::from(true)), ("2", Value::Null)]);
/// assert_eq!(to_json_string(&v, 1), "{\n \"2\": null,\n \"10\": true,\n \"b\": 1\n}");
/// ```
pub fn to_json_string(value: &Value, indent: usize) -> String {
    let mut out = String::with_capacity(1024);
    write_value(&mut out, value, indent, 0);
    out
}

/// Writes a resolved value into `out` as `JSON.stringify(value, null, indent)` does, its first
/// line at nesting level `depth` (nested lines are indented by `indent * (depth + 1)`).
///
/// Tokens must have been resolved before; any left are written as `null`. Values of any
/// depth are written (with an explicit stack of open lists and objects, not recursion).
pub fn write_value(out: &mut String, value: &Value, indent: usize, depth: usize) {
    write_value_at(out, value, indent, depth, crate::value::RECURSIVE_DEPTH);
}

/// [`write_value`], recursing into lists and objects while `budget` levels are left, then
/// with an explicit stack.
fn write_value_at(out: &mut String, value: &Value, indent: usize, level: usize, budget: usize) {
    match value {
        Value::Null | Value::Token(_) => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(out, *n),
        Value::String(s) => write_string(out, s),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        _ if budget == 0 => write_value_iterative(out, value, indent, level),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_value_at(out, item, indent, level + 1, budget - 1);
            }
            newline(out, indent, level);
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            let mut first = true;
            if has_index_keys(map) {
                for (k, v) in js_key_order(map) {
                    object_key(out, &mut first, k, indent, level);
                    write_value_at(out, v, indent, level + 1, budget - 1);
                }
            } else {
                for (k, v) in map {
                    object_key(out, &mut first, k, indent, level);
                    write_value_at(out, v, indent, level + 1, budget - 1);
                }
            }
            newline(out, indent, level);
            out.push('}');
        }
    }
}

/// [`write_value`] of a value of any depth, with an explicit stack of open lists and objects.
fn write_value_iterative(out: &mut String, value: &Value, indent: usize, depth: usize) {
    /// An open list or object: its remaining entries and its nesting level.
    enum Open<'a> {
        List(std::slice::Iter<'a, Value>, usize, bool),
        Object(Entries<'a>, usize, bool),
    }
    let mut open: Vec<Open<'_>> = Vec::new();
    let mut next = Some((value, depth));
    loop {
        if let Some((v, level)) = next.take() {
            match v {
                Value::Null | Value::Token(_) => out.push_str("null"),
                Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                Value::Number(n) => write_number(out, *n),
                Value::String(s) => write_string(out, s),
                Value::Array(items) if items.is_empty() => out.push_str("[]"),
                Value::Object(map) if map.is_empty() => out.push_str("{}"),
                Value::Array(items) => {
                    out.push('[');
                    open.push(Open::List(items.iter(), level, true));
                }
                Value::Object(map) => {
                    out.push('{');
                    let entries = if has_index_keys(map) {
                        Entries::Sorted(js_key_order(map).collect::<Vec<_>>().into_iter())
                    } else {
                        Entries::Plain(map.iter())
                    };
                    open.push(Open::Object(entries, level, true));
                }
            }
        }
        let Some(top) = open.last_mut() else {
            return;
        };
        match top {
            Open::List(items, level, first) => match items.next() {
                Some(item) => {
                    if !*first {
                        out.push(',');
                    }
                    *first = false;
                    newline(out, indent, *level + 1);
                    next = Some((item, *level + 1));
                }
                None => {
                    newline(out, indent, *level);
                    out.push(']');
                    open.pop();
                }
            },
            Open::Object(entries, level, first) => match entries.next() {
                Some((key, v)) => {
                    object_key(out, first, key, indent, *level);
                    next = Some((v, *level + 1));
                }
                None => {
                    newline(out, indent, *level);
                    out.push('}');
                    open.pop();
                }
            },
        }
    }
}

/// An object's entries in JavaScript's enumeration order.
enum Entries<'a> {
    /// No array-index keys: insertion order.
    Plain(crate::map_entries::Iter<'a>),
    /// Array-index keys first, sorted.
    Sorted(std::vec::IntoIter<(&'a str, &'a Value)>),
}

impl<'a> Iterator for Entries<'a> {
    type Item = (&'a str, &'a Value);
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Entries::Plain(it) => it.next(),
            Entries::Sorted(it) => it.next(),
        }
    }
}

/// Writes a number as JSON: JavaScript's digits when finite, `null` otherwise.
pub(crate) fn write_number(out: &mut String, n: f64) {
    if !n.is_finite() {
        out.push_str("null");
    } else if n.fract() == 0.0 && n.abs() < 1e15 {
        // integers print as their digits (`-0` as `0`)
        use std::fmt::Write;
        let _ = write!(out, "{}", n as i64);
    } else {
        out.push_str(&format_number(n))
    }
}

/// Writes the separator, line break and `"key": ` of an object entry at nesting level
/// `depth` (the object's own level); `first` tracks whether a separator is due.
pub(crate) fn object_key(
    out: &mut String,
    first: &mut bool,
    key: &str,
    indent: usize,
    depth: usize,
) {
    if !*first {
        out.push(',');
    }
    *first = false;
    newline(out, indent, depth + 1);
    write_string(out, key);
    out.push(':');
    if indent > 0 {
        out.push(' ');
    }
}

const SPACES: &str = "                                                                ";

/// A line break and the indentation of nesting level `depth` (nothing when `indent` is 0).
pub(crate) fn newline(out: &mut String, indent: usize, depth: usize) {
    if indent > 0 {
        out.push('\n');
        let mut n = indent * depth;
        while n > 0 {
            let k = n.min(SPACES.len());
            out.push_str(&SPACES[..k]);
            n -= k;
        }
    }
}

/// Whether some key of the map is an array index (JavaScript enumerates those first).
pub(crate) fn has_index_keys(map: &Map) -> bool {
    map.keys()
        .any(|k| k.as_bytes().first().is_some_and(u8::is_ascii_digit) && array_index(k).is_some())
}

/// The order in which JavaScript enumerates an object's own string keys: array-index keys
/// (canonical decimal integers below 2^32 - 1) ascending, then the rest in insertion order.
pub fn js_key_order(map: &Map) -> impl Iterator<Item = (&str, &Value)> {
    let mut indexed: Vec<(u32, &str, &Value)> = Vec::new();
    let mut rest: Vec<(&str, &Value)> = Vec::new();
    for (k, v) in map {
        match array_index(k) {
            Some(i) => indexed.push((i, k, v)),
            None => rest.push((k, v)),
        }
    }
    indexed.sort_by_key(|(i, _, _)| *i);
    indexed.into_iter().map(|(_, k, v)| (k, v)).chain(rest)
}

/// The array index a key stands for, if it is one (`"2"`, not `"02"` or `"4294967295"`).
pub(crate) fn array_index(key: &str) -> Option<u32> {
    if key.is_empty() || (key.len() > 1 && key.starts_with('0')) {
        return None;
    }
    if !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = key.parse().ok()?;
    if n < u32::MAX as u64 {
        Some(n as u32)
    } else {
        None
    }
}

/// Writes a JSON string literal with JavaScript's escaping.
pub fn write_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    if needs_escaping(s.as_bytes()) {
        write_escaped(out, s);
    } else {
        out.push_str(s);
    }
    out.push('"');
}

/// Whether some byte is a control character, `"` or `\\`: eight bytes at a time, the last
/// eight read again when the length is not a multiple of eight.
fn needs_escaping(bytes: &[u8]) -> bool {
    let word = |chunk: &[u8]| {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        needs_escape(u64::from_le_bytes(w))
    };
    if bytes.len() < 8 {
        return bytes.iter().any(|b| ESCAPED[*b as usize]);
    }
    let mut chunks = bytes.chunks_exact(8);
    if chunks.any(word) {
        return true;
    }
    bytes.len() % 8 != 0 && word(&bytes[bytes.len() - 8..])
}

/// The bytes a JSON string escapes: control characters, `"` and `\\`.
const ESCAPED: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// Writes the contents of a string that needs escaping, byte by byte.
fn write_escaped(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // escaped bytes are ASCII: `i` and `i + 1` are character boundaries
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 0xf) as usize] as char);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// Whether one of eight bytes is a control character, `"` or `\\` (bit tricks: a byte below
/// 0x20, or equal to one of the two).
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    // bytes below 0x20 (bytes of 0x80 and above are left out with `!w`)
    let below = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    below | zero_byte(w ^ (ONES * b'"' as u64)) | zero_byte(w ^ (ONES * b'\\' as u64)) != 0
}

/// Removes the layout of JSON text written with an indent (line breaks, indentation and the
/// space after `:`), giving the text written with an indent of 0; fed the text in chunks.
#[derive(Default)]
pub(crate) struct Compactor {
    in_string: bool,
    escaped: bool,
}

impl Compactor {
    /// Appends the compact form of the next chunk to `out`.
    pub(crate) fn feed(&mut self, chunk: &[u8], out: &mut Vec<u8>) {
        let mut start = 0;
        for (i, &b) in chunk.iter().enumerate() {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                }
            } else if b == b'"' {
                self.in_string = true;
            } else if b == b' ' || b == b'\n' {
                out.extend_from_slice(&chunk[start..i]);
                start = i + 1;
            }
        }
        out.extend_from_slice(&chunk[start..]);
    }
}

/// Formats a number as JavaScript's `Number.prototype.toString()` does.
///
/// ```
/// use cdk_core::json::format_number;
/// assert_eq!(format_number(1e21), "1e+21");
/// assert_eq!(format_number(1e-7), "1e-7");
/// assert_eq!(format_number(0.000001), "0.000001");
/// assert_eq!(format_number(10.0), "10");
/// assert_eq!(format_number(-0.0), "0");
/// ```
pub fn format_number(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if n == 0.0 {
        return "0".into();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    // Rust's `{:e}` prints the shortest digits that round-trip, as ECMAScript requires.
    let sci = format!("{:e}", n.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let k = digits.len() as i32;
    let point = exp + 1; // ECMAScript's n
    let body = if k <= point && point <= 21 {
        let mut s = digits.clone();
        s.extend(std::iter::repeat_n('0', (point - k) as usize));
        s
    } else if 0 < point && point <= 21 {
        format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
    } else if -6 < point && point <= 0 {
        format!("0.{}{}", "0".repeat((-point) as usize), digits)
    } else {
        let e = point - 1;
        let esign = if e >= 0 { "+" } else { "-" };
        if k == 1 {
            format!("{digits}e{esign}{}", e.abs())
        } else {
            format!("{}.{}e{esign}{}", &digits[..1], &digits[1..], e.abs())
        }
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::approx_constant)] // 3.14159 is a literal of the core-values golden
    fn numbers_print_as_javascript() {
        let cases = [
            (1.0, "1"),
            (0.5, "0.5"),
            (-3.0, "-3"),
            (123456789012345.0, "123456789012345"),
            (0.000001, "0.000001"),
            (1e-7, "1e-7"),
            (1e21, "1e+21"),
            (1.5e21, "1.5e+21"),
            (3.14159, "3.14159"),
            (1e20, "100000000000000000000"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-0.0, "0"),
            (123.456, "123.456"),
            (2.5e-10, "2.5e-10"),
        ];
        for (n, s) in cases {
            assert_eq!(format_number(n), s, "{n}");
        }
    }

    #[test]
    fn strings_escape_as_javascript() {
        let mut out = String::new();
        write_string(&mut out, "q\"b\\t\tn\n\u{1}\u{1f}é\u{2028}😀</script>\u{8}\u{c}\r");
        assert_eq!(out, "\"q\\\"b\\\\t\\tn\\n\\u0001\\u001fé\u{2028}😀</script>\\b\\f\\r\"");
    }

    #[test]
    fn word_at_a_time_escaping_agrees_with_byte_at_a_time() {
        fn reference(s: &str) -> String {
            let mut out = String::from("\"");
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    '\u{8}' => out.push_str("\\b"),
                    '\u{c}' => out.push_str("\\f"),
                    c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
        let pieces =
            ["abcdefgh", "é", "\"", "\\", "\u{1}", "\u{1f}", " ", "~", "😀", "\u{7f}", "\u{80}"];
        for n in 0..400usize {
            let mut s = String::new();
            let mut k = n;
            for _ in 0..(n % 13) {
                s.push_str(pieces[k % pieces.len()]);
                k = k / 3 + 7;
            }
            let mut out = String::new();
            write_string(&mut out, &s);
            assert_eq!(out, reference(&s), "{s:?}");
        }
    }

    #[test]
    fn layout_matches_stringify() {
        let v = Value::object([
            ("a", Value::array([Value::from(1), Value::Array(vec![])])),
            ("o", Value::Object(Map::new())),
        ]);
        assert_eq!(to_json_string(&v, 1), "{\n \"a\": [\n  1,\n  []\n ],\n \"o\": {}\n}");
        assert_eq!(to_json_string(&v, 0), "{\"a\":[1,[]],\"o\":{}}");
    }

    #[test]
    fn index_keys_first() {
        let v = Value::object([("zeta", 1), ("10", 2), ("2", 3), ("01", 4), ("4294967295", 5)]);
        let keys: Vec<_> = js_key_order(v.as_object().unwrap()).map(|(k, _)| k).collect();
        assert_eq!(keys, ["2", "10", "zeta", "01", "4294967295"]);
    }
}
