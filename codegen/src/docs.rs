//! Schema descriptions made safe for rustdoc.
//!
//! Descriptions are plain text with some markdown (links, ``code``, `+` lists) written for the
//! AWS documentation site. Read as rustdoc they would go wrong in a few ways, each fixed here:
//! indented lines would become (failing) doctests, `[Brackets]` would be read as broken
//! intra-doc links, `<words>` as unclosed HTML tags, bare URLs trip `rustdoc::bare_urls`, and a
//! line starting with `#` or a code fence would change the page structure.

/// Makes a description safe as the text of a doc comment (see the module docs).
pub fn sanitize(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let line = line.trim();
            let mut out = String::new();
            if line.starts_with('#')
                || line.starts_with("```")
                || line.starts_with("~~~")
                || line.starts_with("---")
                || line.starts_with("===")
            {
                out.push('\\');
            }
            out.push_str(&inline(line));
            out
        })
        .collect();
    // Each schema line is a paragraph (the AWS documentation renders them so), except that
    // consecutive list items stay one list. Blank lines are not repeated.
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        if l.is_empty() {
            continue;
        }
        if let Some(prev) = out.last() {
            if !(is_list_item(prev) && is_list_item(&l)) {
                out.push(String::new());
            }
        }
        out.push(l);
    }
    out.join("\n")
}

/// A markdown list item: `+ x`, `- x`, `* x` or `1. x`.
fn is_list_item(line: &str) -> bool {
    let bullet = ["+ ", "- ", "* "].iter().any(|b| line.starts_with(b));
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    bullet || (digits > 0 && line[digits..].starts_with(". "))
}

/// Escapes one line: code spans are kept as they are; `[text](url)` links are kept (their text
/// escaped in turn); other brackets and angle brackets are escaped; bare URLs become autolinks.
fn inline(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '`' => {
                let run = run_length(&chars, i, '`');
                match find_closing_run(&chars, i + run, run) {
                    Some(end) => {
                        out.extend(&chars[i..end + run]);
                        i = end + run;
                    }
                    None => {
                        out.extend(&chars[i..i + run]);
                        i += run;
                    }
                }
            }
            '\\' => {
                out.push(c);
                if let Some(next) = chars.get(i + 1) {
                    if next.is_ascii_punctuation() {
                        out.push(*next);
                        i += 1;
                    }
                }
                i += 1;
            }
            '[' => match link_end(&chars, i) {
                Some((close, end)) => {
                    let text: String = chars[i + 1..close].iter().collect();
                    let url: String = chars[close + 2..end].iter().collect();
                    out.push('[');
                    out.push_str(&inline(&text));
                    out.push_str("](");
                    out.push_str(&url);
                    out.push(')');
                    i = end + 1;
                }
                None => {
                    out.push_str("\\[");
                    i += 1;
                }
            },
            ']' => {
                out.push_str("\\]");
                i += 1;
            }
            '<' | '>' => {
                out.push('\\');
                out.push(c);
                i += 1;
            }
            'h' if starts_with(&chars, i, "http://") || starts_with(&chars, i, "https://") => {
                let mut end = i;
                while end < chars.len() && !chars[end].is_whitespace() && chars[end] != '`' {
                    end += 1;
                }
                // Trailing punctuation belongs to the sentence, and so does a `)` that
                // closes a parenthesis opened before the URL.
                while end > i {
                    let last = chars[end - 1];
                    let opens = chars[i..end].iter().filter(|c| **c == '(').count();
                    let closes = chars[i..end].iter().filter(|c| **c == ')').count();
                    if ".,;:!?'\"".contains(last) || (last == ')' && closes > opens) {
                        end -= 1;
                    } else {
                        break;
                    }
                }
                out.push('<');
                out.extend(&chars[i..end]);
                out.push('>');
                i = end;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn starts_with(chars: &[char], i: usize, s: &str) -> bool {
    s.chars().enumerate().all(|(k, c)| chars.get(i + k) == Some(&c))
}

fn run_length(chars: &[char], i: usize, c: char) -> usize {
    chars[i..].iter().take_while(|x| **x == c).count()
}

/// The start of the next backtick run of exactly `len` after `from`.
fn find_closing_run(chars: &[char], from: usize, len: usize) -> Option<usize> {
    let mut i = from;
    while i < chars.len() {
        if chars[i] == '`' {
            let run = run_length(chars, i, '`');
            if run == len {
                return Some(i);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    None
}

/// For a `[` at `open` that starts a markdown link `[text](url)`: the index of the `]` and of
/// the closing `)`.
fn link_end(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut close = None;
    for (k, c) in chars.iter().enumerate().skip(open) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(k);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let mut depth = 0usize;
    for (k, c) in chars.iter().enumerate().skip(close + 1) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((close, k));
                }
            }
            c if c.is_whitespace() => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn links_are_kept_and_stray_brackets_escaped() {
        assert_eq!(
            sanitize("See [Tagging](https://docs.aws.amazon.com/a.html) and [YYYY]/[MM]."),
            "See [Tagging](https://docs.aws.amazon.com/a.html) and \\[YYYY\\]/\\[MM\\]."
        );
        assert_eq!(sanitize("[A-Za-z0-9-._~:/?#&=,]"), "\\[A-Za-z0-9-._~:/?#&=,\\]");
    }

    #[test]
    fn code_spans_are_untouched() {
        assert_eq!(sanitize("Use ``[a]`` or `<b>`."), "Use ``[a]`` or `<b>`.");
        assert_eq!(sanitize("deny```` - x"), "deny```` - x");
    }

    #[test]
    fn html_like_text_and_bare_urls_are_escaped() {
        assert_eq!(sanitize("a <function name> b"), "a \\<function name\\> b");
        assert_eq!(
            sanitize("see https://example.com/x. (http://wikipedia.org/wiki/regex))"),
            "see <https://example.com/x>. (<http://wikipedia.org/wiki/regex>))"
        );
    }

    #[test]
    fn indentation_and_block_markers_are_neutralised() {
        assert_eq!(
            sanitize("First.\n     indented code?\n  +  item\n + second\n# heading\n```json"),
            "First.\n\nindented code?\n\n+  item\n+ second\n\n\\# heading\n\n\\```json"
        );
        assert_eq!(sanitize("\n\na\n\n\n\nb\n\n"), "a\n\nb");
    }
}
