//! The `exclude` patterns of an asset (`GlobIgnoreStrategy` of `core/lib/fs/ignore.ts`, the
//! default `IgnoreMode.GLOB`): each pattern is matched as minimatch does with `matchBase`
//! against the path relative to the asset's root, in order; a match excludes the path, a
//! match of a `!pattern` includes it again.
//!
//! The glob syntax covered is minimatch's without extglobs: `*`, `?`, `**` (any number of
//! path segments), `[...]` classes (`[!...]`/`[^...]` negated, `a-z` ranges), `{a,b}`
//! alternatives, `\` escapes; wildcards do not match a leading `.` (minimatch's default
//! `dot: false`); a pattern without `/` matches the path's last segment (`matchBase`); a
//! pattern starting with `#` is a comment and matches nothing.

use std::path::{Path, PathBuf};

/// The name excluded from every asset (aws-cdk-lib's `exclude: ['.is_custom_resource', ...]`).
const ALWAYS_EXCLUDED: &str = ".is_custom_resource";

/// The exclusion rules of one asset: its root and its patterns.
#[derive(Clone, Debug)]
pub(crate) struct GlobIgnore {
    root: PathBuf,
    patterns: Vec<String>,
}

impl GlobIgnore {
    /// The rules of an asset rooted at `root` (paths are matched relative to it), with
    /// `.is_custom_resource` excluded first, as aws-cdk-lib's asset staging does.
    pub(crate) fn new(root: &Path, exclude: &[String]) -> GlobIgnore {
        let mut patterns = vec![ALWAYS_EXCLUDED.to_string()];
        patterns.extend(exclude.iter().cloned());
        GlobIgnore { root: root.to_path_buf(), patterns }
    }

    /// `ignores`: whether `path` (below the root) is excluded.
    pub(crate) fn ignores(&self, path: &Path) -> bool {
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        let relative: Vec<String> =
            relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        let mut excluded = false;
        for pattern in &self.patterns {
            let negate = pattern.starts_with('!');
            if matches(&relative, pattern.trim_start_matches('!')) {
                excluded = !negate;
            }
        }
        excluded
    }
}

/// Whether the path (its segments) matches the pattern (leading `!` already removed), as
/// `minimatch(path, pattern, { matchBase: true, flipNegate: true })` does.
fn matches(path: &[String], pattern: &str) -> bool {
    if pattern.starts_with('#') {
        return false;
    }
    if pattern.is_empty() {
        return path.is_empty();
    }
    expand_braces(pattern).iter().any(|p| {
        let segments: Vec<&str> = p.split('/').collect();
        if segments.len() == 1 {
            // matchBase: a pattern without slashes matches the last segment.
            return path.last().is_some_and(|name| match_segment(name, segments[0]));
        }
        match_segments(path, &segments)
    })
}

/// minimatch's `matchOne`: segment by segment, `**` standing for any number of segments
/// that are neither `.`/`..` nor start with a dot.
fn match_segments(path: &[String], pattern: &[&str]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((&"**", rest)) => {
            if rest.is_empty() {
                // A trailing `**` takes at least one segment (`a/**` matches `a/b`, not `a`).
                return !path.is_empty() && path.iter().all(|s| !s.starts_with('.'));
            }
            for skip in 0..=path.len() {
                if match_segments(&path[skip..], rest) {
                    return true;
                }
                if path.get(skip).is_some_and(|s| s.starts_with('.')) {
                    return false;
                }
            }
            false
        }
        Some((first, rest)) => match path.split_first() {
            Some((name, others)) => match_segment(name, first) && match_segments(others, rest),
            None => false,
        },
    }
}

/// One path segment against one pattern segment.
fn match_segment(name: &str, pattern: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let name: Vec<char> = name.chars().collect();
    let magic = pattern.iter().any(|c| matches!(c, '*' | '?' | '['));
    // dot: false: a wildcard never matches a leading dot, nor `.` and `..`.
    if magic && name.first() == Some(&'.') && pattern.first() != Some(&'.') {
        return false;
    }
    if magic && (name == ['.'] || name == ['.', '.']) {
        return false;
    }
    match_chars(&name, &pattern)
}

/// Glob matching of one segment: `*`, `?`, `[...]`, `\` escapes, literals.
fn match_chars(name: &[char], pattern: &[char]) -> bool {
    let Some((&p, rest)) = pattern.split_first() else {
        return name.is_empty();
    };
    match p {
        '*' => (0..=name.len()).any(|i| match_chars(&name[i..], rest)),
        '?' => !name.is_empty() && match_chars(&name[1..], rest),
        '[' => match parse_class(rest) {
            Some((class, after)) => {
                name.first().is_some_and(|c| class.contains(*c)) && match_chars(&name[1..], after)
            }
            // An unclosed `[` is a literal.
            None => name.first() == Some(&'[') && match_chars(&name[1..], rest),
        },
        '\\' if !rest.is_empty() => {
            name.first() == Some(&rest[0]) && match_chars(&name[1..], &rest[1..])
        }
        c => name.first() == Some(&c) && match_chars(&name[1..], rest),
    }
}

/// A `[...]` class: its items and what follows its `]`; `None` when it is not closed.
struct CharClass {
    negated: bool,
    ranges: Vec<(char, char)>,
}

impl CharClass {
    fn contains(&self, c: char) -> bool {
        self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != self.negated
    }
}

fn parse_class(pattern: &[char]) -> Option<(CharClass, &[char])> {
    let mut i = 0;
    let negated = matches!(pattern.first(), Some('!' | '^'));
    if negated {
        i += 1;
    }
    let mut ranges = Vec::new();
    let mut first = true;
    while i < pattern.len() {
        let mut c = pattern[i];
        if c == ']' && !first {
            return Some((CharClass { negated, ranges }, &pattern[i + 1..]));
        }
        first = false;
        if c == '\\' && i + 1 < pattern.len() {
            i += 1;
            c = pattern[i];
        }
        if pattern.get(i + 1) == Some(&'-') && pattern.get(i + 2).is_some_and(|&e| e != ']') {
            ranges.push((c, pattern[i + 2]));
            i += 3;
        } else {
            ranges.push((c, c));
            i += 1;
        }
    }
    None
}

/// Brace expansion (`a{b,c}d` → `abd`, `acd`), nested braces included; a brace group without
/// a top-level comma stays literal.
fn expand_braces(pattern: &str) -> Vec<String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '{' => {
                let mut depth = 0;
                let mut commas = Vec::new();
                let mut end = None;
                let mut j = i;
                while j < chars.len() {
                    match chars[j] {
                        '\\' => j += 1,
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = Some(j);
                                break;
                            }
                        }
                        ',' if depth == 1 => commas.push(j),
                        _ => {}
                    }
                    j += 1;
                }
                let Some(end) = end else { return vec![pattern.to_string()] };
                if commas.is_empty() {
                    i += 1;
                    continue;
                }
                let head: String = chars[..i].iter().collect();
                let tail: String = chars[end + 1..].iter().collect();
                let mut bounds = vec![i];
                bounds.extend(&commas);
                bounds.push(end);
                return bounds
                    .windows(2)
                    .flat_map(|w| {
                        let alternative: String = chars[w[0] + 1..w[1]].iter().collect();
                        expand_braces(&format!("{head}{alternative}{tail}"))
                    })
                    .collect();
            }
            _ => i += 1,
        }
    }
    vec![pattern.to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ignores(exclude: &[&str], path: &str) -> bool {
        let exclude: Vec<String> = exclude.iter().map(|s| s.to_string()).collect();
        GlobIgnore::new(Path::new("/root"), &exclude).ignores(&Path::new("/root").join(path))
    }

    #[test]
    fn patterns_without_slashes_match_the_last_segment() {
        assert!(ignores(&["*.ts"], "index.ts"));
        assert!(ignores(&["*.ts"], "lib/deep/util.ts"));
        assert!(!ignores(&["*.ts"], "index.js"));
        assert!(!ignores(&["*.ts"], "index.d.ts.map"));
        assert!(ignores(&["node_modules"], "a/node_modules"));
    }

    #[test]
    fn wildcards_skip_dot_files_and_custom_resource_markers_are_always_excluded() {
        assert!(!ignores(&["*.ts"], ".hidden.ts"));
        assert!(ignores(&[".*.ts"], ".hidden.ts"));
        assert!(ignores(&[], ".is_custom_resource"));
        assert!(ignores(&[], "sub/.is_custom_resource"));
    }

    #[test]
    fn slashes_globstars_classes_and_braces() {
        assert!(ignores(&["lib/*.js"], "lib/a.js"));
        assert!(!ignores(&["lib/*.js"], "x/lib/a.js"));
        assert!(ignores(&["**/test/*.js"], "a/b/test/x.js"));
        assert!(ignores(&["**/test/*.js"], "test/x.js"));
        assert!(ignores(&["file[0-9].txt"], "file7.txt"));
        assert!(!ignores(&["file[!0-9].txt"], "file7.txt"));
        assert!(ignores(&["*.{ts,map}"], "a.map"));
        assert!(ignores(&["*.{ts,map}"], "a.ts"));
        assert!(!ignores(&["*.{ts,map}"], "a.js"));
        assert!(!ignores(&["#*.js"], "a.js"));
    }

    #[test]
    fn agrees_with_minimatch() {
        // minimatch 10.2.6 (aws-cdk-lib 2.276.0's), `{ matchBase: true, flipNegate: true }`.
        let cases = [
            ("a", "a/**", false),
            ("a/b", "a/**", true),
            ("a/.b", "a/**", false),
            (".a/b", "**/b", false),
            ("a/b/c", "a/**/c", true),
            ("a/c", "a/**/c", true),
            ("x", "*", true),
            (".x", "*", false),
            ("a/b", "a/*", true),
            ("sub", "sub", true),
            ("sub/x", "sub", false),
            ("x/sub", "sub/", false),
            ("ab", "a?", true),
            ("a", "a?", false),
            ("a{b", "a{b", true),
            ("ab", "a{b}", false),
            ("a{b}", "a{b}", true),
        ];
        for (path, pattern, expected) in cases {
            let segments: Vec<String> = path.split('/').map(String::from).collect();
            assert_eq!(matches(&segments, pattern), expected, "{path} against {pattern}");
        }
    }

    #[test]
    fn a_later_negated_pattern_includes_again() {
        assert!(!ignores(&["*.ts", "!keep.ts"], "keep.ts"));
        assert!(ignores(&["*.ts", "!keep.ts"], "drop.ts"));
        assert!(ignores(&["!keep.ts", "*.ts"], "keep.ts"));
    }
}
