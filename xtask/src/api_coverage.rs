//! `cargo xtask api-coverage [--check | --update | --refresh [--from DIR]]`: how much of
//! aws-cdk-lib's `aws-apigateway` public API this workspace ports.
//!
//! Three files under `docs/`:
//!
//! - `api-coverage/aws-apigateway-2.276.0.d.txt`: every exported class, interface, enum and
//!   member of the module, one a line (`id<TAB>kind<TAB>file<TAB>note`), extracted from the
//!   npm package's `.d.ts` files by the small declaration scanner below (`--refresh`
//!   regenerates it: from `--from DIR`, a `node_modules` folder or the module's `lib` folder,
//!   or else from `target/ci-tools/cdk-lib`, installed there with npm when absent). The
//!   generated L1 file `apigateway.generated.d.ts` is left out (the `cfn-apigateway` crate is
//!   generated from the CloudFormation spec instead), and so are files that `index.d.ts` does
//!   not export.
//! - `api-coverage.md`: the table, one row per member: its Rust path(s), or `n/a: reason`, or
//!   `missing`. It is written by hand; `--update` rewrites it, keeping every row whose status
//!   still holds and guessing a path (by CDK name, snake-cased, on the type or its builder)
//!   for new and `missing` rows, and rewrites `api-coverage-missing.md`.
//! - `api-coverage/allowed-missing.txt`: the members allowed to stay `missing`.
//!
//! Without a flag the task prints the totals (overall and per kind). `--check` also fails when
//! a member of the extracted list has no row (or a row names no member), when a mapped Rust
//! path does not exist in the crates' source, or when a `missing` row is not allowed.
//!
//! A Rust path `crate::Type::member` exists when the crate (any folder under `crates/` whose
//! package name is `crate`) defines `Type` (struct, enum, trait, type alias, or `XBuilder` of a
//! `derive_builder` struct `X`) and `member` is one of its members: a `fn` or `const` of an
//! `impl Type` block (or of a trait `Type` implements, or of a macro invoked for `Type`), an
//! enum variant, a `pub` field, or, on `XBuilder`, a field of `X`. A member found in the crate
//! but not on that type is accepted as "loosely verified" and counted apart.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const CDK_VERSION: &str = "2.276.0";
const LIST: &str = "docs/api-coverage/aws-apigateway-2.276.0.d.txt";
const TABLE: &str = "docs/api-coverage.md";
const MISSING: &str = "docs/api-coverage-missing.md";
const ALLOWED: &str = "docs/api-coverage/allowed-missing.txt";
/// The crates the guesser looks in, in this order.
const PORT_CRATES: [&str; 5] =
    ["apigw_core", "apigw_auth", "apigw_domains", "apigw_logging", "apigw_stepfunctions"];

pub fn api_coverage(root: &Path, args: &[&str]) -> Result<(), String> {
    let mut check = false;
    let mut update = false;
    let mut refresh = false;
    let mut from: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match *a {
            "--check" => check = true,
            "--update" => update = true,
            "--refresh" => refresh = true,
            "--from" => from = Some(PathBuf::from(it.next().ok_or("--from needs a folder")?)),
            other => return Err(format!("api-coverage: unknown argument '{other}'")),
        }
    }
    if refresh {
        let lib = locate_lib(root, from)?;
        let members = scan_module(&lib)?;
        let text = render_list(&members);
        let path = root.join(LIST);
        fs::create_dir_all(path.parent().unwrap_or(root)).map_err(|e| e.to_string())?;
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {LIST}: {} entries from {}", members.len(), lib.display());
    }
    let members = read_list(&root.join(LIST))?;
    let index = RustIndex::build(&root.join("crates"))?;
    if let Ok(probe) = std::env::var("API_COVERAGE_PROBE") {
        // Debugging aid: `API_COVERAGE_PROBE=crate::Type` prints what the index knows.
        if let Some((k, t)) = probe.split_once("::") {
            println!(
                "{probe}: exists {}, members {:?}",
                index.type_exists(k, t),
                index.members_of(k, t)
            );
        }
    }
    let table_path = root.join(TABLE);
    let table_text = fs::read_to_string(&table_path).unwrap_or_default();
    let mut rows = parse_table(&table_text);
    if update {
        rows = update_rows(&members, &rows, &index);
        fs::write(&table_path, render_table(&members, &rows))
            .map_err(|e| format!("{}: {e}", table_path.display()))?;
        fs::write(root.join(MISSING), render_missing(&members, &rows, &index))
            .map_err(|e| format!("{MISSING}: {e}"))?;
        println!("wrote {TABLE} and {MISSING}");
    }
    let allowed = read_allowed(&root.join(ALLOWED));
    let report = evaluate(&members, &rows, &index, &allowed);
    print!("{}", report.text);
    if check && !report.problems.is_empty() {
        return Err(format!(
            "api-coverage --check: {} problem(s):\n{}",
            report.problems.len(),
            report.problems.join("\n")
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The TypeScript declaration scanner.

#[derive(Clone, Debug)]
pub struct Member {
    /// `RestApi`, `RestApi.urlForPath`, `RestApi.constructor`.
    pub id: String,
    pub kind: String,
    pub file: String,
    pub note: String,
}

fn locate_lib(root: &Path, from: Option<PathBuf>) -> Result<PathBuf, String> {
    let candidates = |base: &Path| {
        vec![
            base.to_path_buf(),
            base.join("aws-apigateway/lib"),
            base.join("aws-cdk-lib/aws-apigateway/lib"),
            base.join("node_modules/aws-cdk-lib/aws-apigateway/lib"),
        ]
    };
    if let Some(from) = from {
        return candidates(&from)
            .into_iter()
            .find(|p| p.join("index.d.ts").is_file() && p.join("restapi.d.ts").is_file())
            .ok_or_else(|| format!("no aws-apigateway/lib/index.d.ts under {}", from.display()));
    }
    let prefix = root.join("target/ci-tools/cdk-lib");
    let lib = prefix.join("node_modules/aws-cdk-lib/aws-apigateway/lib");
    let version_ok = fs::read_to_string(prefix.join("node_modules/aws-cdk-lib/package.json"))
        .map(|t| t.contains(&format!("\"version\": \"{CDK_VERSION}\"")))
        .unwrap_or(false);
    if !(version_ok && lib.join("index.d.ts").is_file()) {
        fs::create_dir_all(&prefix).map_err(|e| e.to_string())?;
        println!("installing aws-cdk-lib@{CDK_VERSION} into {}", prefix.display());
        let status = std::process::Command::new("npm")
            .args(["install", "--silent", "--no-save", "--no-audit", "--no-fund", "--prefix"])
            .arg(&prefix)
            .arg(format!("aws-cdk-lib@{CDK_VERSION}"))
            .status()
            .map_err(|e| format!("cannot run npm: {e}"))?;
        if !status.success() {
            return Err("npm install aws-cdk-lib failed".into());
        }
    }
    Ok(lib)
}

/// The files `index.d.ts` exports, in export order (without the generated L1 file).
fn exported_files(lib: &Path) -> Result<Vec<PathBuf>, String> {
    fn visit(file: &Path, lib: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
        if out.iter().any(|f| f == file) {
            return Ok(());
        }
        let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        out.push(file.to_path_buf());
        let dir = file.parent().unwrap_or(lib);
        for line in text.lines() {
            let Some(rest) = line.trim().strip_prefix("export * from '") else { continue };
            let Some(target) = rest.strip_suffix("';") else { continue };
            if target.ends_with("apigateway.generated") {
                continue;
            }
            let target = target.strip_prefix("./").unwrap_or(target);
            let plain = dir.join(format!("{target}.d.ts"));
            let next = if plain.is_file() { plain } else { dir.join(target).join("index.d.ts") };
            visit(&next, lib, out)?;
        }
        Ok(())
    }
    let mut out = Vec::new();
    visit(&lib.join("index.d.ts"), lib, &mut out)?;
    Ok(out)
}

struct Decl {
    name: String,
    kind: String,
    file: String,
    extends: Vec<String>,
    note: String,
    members: Vec<Member>,
    /// False for a base class the module does not export (`ApiKeyBase`, `UsagePlanBase`,
    /// `LambdaAuthorizer`): not listed, its members are listed under its exported subclasses.
    exported: bool,
}

fn scan_module(lib: &Path) -> Result<Vec<Member>, String> {
    let mut decls: Vec<Decl> = Vec::new();
    for file in exported_files(lib)? {
        let rel = file.strip_prefix(lib).unwrap_or(&file).to_string_lossy().replace('\\', "/");
        let text = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        scan_file(&preprocess(&text), &rel, &mut decls);
    }
    // Props (data) interfaces list the fields they inherit from the module's other props.
    let fields_of: BTreeMap<String, (Vec<String>, Vec<Member>)> = decls
        .iter()
        .filter(|d| d.kind == "struct")
        .map(|d| (d.name.clone(), (d.extends.clone(), d.members.clone())))
        .collect();
    let hidden: BTreeMap<String, Vec<Member>> =
        decls.iter().filter(|d| !d.exported).map(|d| (d.name.clone(), d.members.clone())).collect();
    let mut out = Vec::new();
    for d in decls.iter().filter(|d| d.exported) {
        out.push(Member {
            id: d.name.clone(),
            kind: d.kind.clone(),
            file: d.file.clone(),
            note: d.note.clone(),
        });
        let mut own: BTreeSet<String> = BTreeSet::new();
        for m in &d.members {
            if own.insert(m.id.clone()) {
                out.push(m.clone());
            }
        }
        // Members of a base class the module does not export are listed under each subclass.
        for base in &d.extends {
            let Some(inherited) = hidden.get(base) else { continue };
            for f in inherited {
                let name = f.id.rsplit('.').next().unwrap_or(&f.id);
                let id = format!("{}.{name}", d.name);
                if own.insert(id.clone()) {
                    let mut note = format!("inherited from {base} (not exported)");
                    if !f.note.is_empty() {
                        note = format!("{note}; {}", f.note);
                    }
                    out.push(Member { id, kind: f.kind.clone(), file: d.file.clone(), note });
                }
            }
        }
        if d.kind == "struct" {
            let mut queue: Vec<String> = d.extends.clone();
            let mut seen = BTreeSet::new();
            while let Some(base) = queue.first().cloned() {
                queue.remove(0);
                if !seen.insert(base.clone()) {
                    continue;
                }
                let Some((ext, fields)) = fields_of.get(&base) else { continue };
                for f in fields {
                    let name = f.id.rsplit('.').next().unwrap_or(&f.id);
                    let id = format!("{}.{name}", d.name);
                    if own.insert(id.clone()) {
                        let mut note = format!("inherited from {base}");
                        if !f.note.is_empty() {
                            note = format!("{note}; {}", f.note);
                        }
                        out.push(Member { id, kind: "field".into(), file: d.file.clone(), note });
                    }
                }
                queue.extend(ext.iter().cloned());
            }
        }
    }
    Ok(out)
}

/// Start and end of a doc marker left by [`preprocess`] in place of a doc comment.
const DOC_START: char = '\u{1}';
const DOC_END: char = '\u{2}';

/// Removes comments and neutralizes string literals, so that braces, semicolons and slashes
/// in them do not disturb the scanner: a doc comment becomes a marker holding its
/// deprecation note (`DOC_START note DOC_END`), any other comment a space, and the characters
/// of a string literal that matter to the scanner become `_`.
fn preprocess(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && chars.get(i + 1) == Some(&'*') {
            let start = i;
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i = (i + 2).min(chars.len());
            let comment: String = chars[start..i].iter().collect();
            out.push(DOC_START);
            out.push_str(&doc_note(&comment));
            out.push(DOC_END);
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            out.push(' ');
        } else if c == '\'' || c == '"' || c == '`' {
            out.push(c);
            i += 1;
            while i < chars.len() && chars[i] != c {
                if chars[i] == '\\' {
                    i += 1;
                }
                if let Some(&d) = chars.get(i) {
                    out.push(if "{}()[];,/".contains(d) { '_' } else { d });
                }
                i += 1;
            }
            out.push(c);
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Reads the doc marker starting at `i`; returns its note and the index after it.
fn read_doc(chars: &[char], mut i: usize) -> (String, usize) {
    let mut note = String::new();
    i += 1;
    while i < chars.len() && chars[i] != DOC_END {
        note.push(chars[i]);
        i += 1;
    }
    (note, i + 1)
}

/// Scans one preprocessed `.d.ts` file: top-level classes, interfaces and enums (exported, and
/// the non-exported base classes whose members the exported ones inherit) and their members.
fn scan_file(text: &str, file: &str, decls: &mut Vec<Decl>) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut stmt = String::new();
    let mut depth = 0usize;
    let mut doc = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c == DOC_START {
            let (note, next) = read_doc(&chars, i);
            if stmt.trim().is_empty() {
                doc = note;
            }
            i = next;
            continue;
        }
        if depth == 0 && c == '{' {
            if let Some((kind, name, extends, exported)) = declaration_header(&stmt) {
                let (body, end) = balanced_body(&chars, i);
                let members = scan_body(&body, &name, &kind, file);
                let mut note = doc.clone();
                if !extends.is_empty() && kind != "struct" {
                    let ext = format!("extends {}", extends.join(", "));
                    note = if note.is_empty() { ext } else { format!("{ext}; {note}") };
                }
                decls.push(Decl {
                    name,
                    kind,
                    file: file.into(),
                    extends,
                    note,
                    members,
                    exported,
                });
                i = end + 1;
                stmt.clear();
                doc.clear();
                continue;
            }
        }
        match c {
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && c == ';' {
            let s = stmt.trim();
            for (prefix, kind) in
                [("export declare function ", "function"), ("export declare const ", "const")]
            {
                if let Some(rest) = s.strip_prefix(prefix) {
                    let name: String =
                        rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    decls.push(Decl {
                        name,
                        kind: kind.into(),
                        file: file.into(),
                        extends: vec![],
                        note: doc.clone(),
                        members: vec![],
                        exported: true,
                    });
                }
            }
            stmt.clear();
            doc.clear();
            i += 1;
            continue;
        }
        stmt.push(c);
        i += 1;
    }
}

/// `export declare abstract class X<T> extends A implements B` → (kind, name, extends).
fn declaration_header(stmt: &str) -> Option<(String, String, Vec<String>, bool)> {
    let s = stmt.split_whitespace().collect::<Vec<_>>().join(" ");
    let exported = s.starts_with("export ");
    let s = s.strip_prefix("export ").unwrap_or(&s);
    let s = s.strip_prefix("declare ").unwrap_or(s);
    let (kind, rest) = if let Some(r) = s.strip_prefix("abstract class ") {
        ("abstract class", r)
    } else if let Some(r) = s.strip_prefix("class ") {
        ("class", r)
    } else if let Some(r) = s.strip_prefix("interface ") {
        ("interface", r)
    } else if let Some(r) = s.strip_prefix("enum ") {
        ("enum", r)
    } else {
        return None;
    };
    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let mut extends = Vec::new();
    if let Some(pos) = rest.find(" extends ") {
        let after = &rest[pos + 9..];
        let after = after.split(" implements ").next().unwrap_or(after);
        for part in split_top(after, ',') {
            let base = part.trim();
            let base: String = base.chars().take_while(|c| *c != '<').collect();
            extends.push(base.trim().to_string());
        }
    }
    let kind = if kind == "interface" && !is_behavioural(&name) { "struct" } else { kind };
    Some((kind.to_string(), name, extends, exported))
}

/// jsii's rule: an interface named `I` + capital letter is a behavioural interface; any other
/// interface is a data type (a struct: props, options, attributes).
fn is_behavioural(name: &str) -> bool {
    let mut c = name.chars();
    c.next() == Some('I') && c.next().is_some_and(|c| c.is_ascii_uppercase())
}

fn balanced_body(chars: &[char], open: usize) -> (String, usize) {
    let mut depth = 0;
    let mut i = open;
    while i < chars.len() {
        match chars[i] {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return (chars[open + 1..i].iter().collect(), i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    (chars[open + 1..].iter().collect(), chars.len())
}

fn split_top(s: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '{' | '(' | '[' | '<' => depth += 1,
            '}' | ')' | ']' | '>' => depth -= 1,
            _ => {}
        }
        if c == sep && depth == 0 {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out
}

/// The deprecation of a doc comment, as a note (`deprecated: <first line>`), or "".
fn doc_note(doc: &str) -> String {
    let Some(pos) = doc.find("@deprecated") else { return String::new() };
    let rest = &doc[pos + "@deprecated".len()..];
    let mut text = String::new();
    for line in rest.lines() {
        let l = line.trim().trim_end_matches("*/").trim().trim_start_matches('*').trim();
        let l = l.strip_prefix("- ").unwrap_or(l);
        if l.starts_with('@') {
            break;
        }
        if !l.is_empty() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(l);
        }
    }
    let text = text.replace(['|', '\t'], " ");
    if text.is_empty() {
        "deprecated".into()
    } else {
        format!("deprecated: {text}")
    }
}

fn scan_body(body: &str, owner: &str, owner_kind: &str, file: &str) -> Vec<Member> {
    let chars: Vec<char> = body.chars().collect();
    let sep = if owner_kind == "enum" { ',' } else { ';' };
    let mut out = Vec::new();
    let mut i = 0;
    let mut depth = 0usize;
    let mut stmt = String::new();
    let mut doc = String::new();
    let flush = |stmt: &mut String, doc: &mut String, out: &mut Vec<Member>| {
        if let Some(m) = parse_member(stmt.trim(), owner, owner_kind, file, doc) {
            out.push(m);
        }
        stmt.clear();
        doc.clear();
    };
    while i < chars.len() {
        let c = chars[i];
        if c == DOC_START {
            let (note, next) = read_doc(&chars, i);
            if stmt.trim().is_empty() {
                doc = note;
            }
            i = next;
            continue;
        }
        match c {
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && c == sep {
            flush(&mut stmt, &mut doc, &mut out);
        } else {
            stmt.push(c);
        }
        i += 1;
    }
    flush(&mut stmt, &mut doc, &mut out);
    out
}

fn parse_member(
    stmt: &str,
    owner: &str,
    owner_kind: &str,
    file: &str,
    doc: &str,
) -> Option<Member> {
    if stmt.is_empty() || stmt.starts_with('[') {
        return None;
    }
    let note = doc.to_string();
    if owner_kind == "enum" {
        let name: String = stmt.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        return Some(Member {
            id: format!("{owner}.{name}"),
            kind: "enum member".into(),
            file: file.into(),
            note,
        });
    }
    let mut s = stmt;
    let mut is_static = false;
    let mut is_protected = false;
    let mut accessor = false;
    loop {
        let before = s;
        for (word, flag) in [
            ("private ", 0),
            ("protected ", 1),
            ("public ", 2),
            ("static ", 3),
            ("readonly ", 2),
            ("abstract ", 2),
            ("declare ", 2),
            ("get ", 4),
            ("set ", 4),
        ] {
            if let Some(rest) = s.strip_prefix(word) {
                // `get`/`set` are modifiers only when a name follows.
                if flag == 4 && !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                match flag {
                    0 => return None,
                    1 => is_protected = true,
                    3 => is_static = true,
                    4 => accessor = true,
                    _ => {}
                }
                s = rest.trim_start();
            }
        }
        if s == before {
            break;
        }
    }
    let name: String =
        s.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$').collect();
    if name.is_empty() {
        return None;
    }
    let after = s[name.len()..].trim_start().trim_start_matches('?');
    let callable = !accessor && (after.starts_with('(') || after.starts_with('<'));
    let mut kind = if name == "constructor" {
        "constructor".to_string()
    } else if owner_kind == "struct" {
        "field".to_string()
    } else if callable {
        "method".to_string()
    } else {
        "property".to_string()
    };
    if is_static {
        kind = format!("static {kind}");
    }
    if is_protected {
        kind = format!("protected {kind}");
    }
    Some(Member { id: format!("{owner}.{name}"), kind, file: file.into(), note })
}

fn render_list(members: &[Member]) -> String {
    let mut out = format!(
        "# aws-cdk-lib {CDK_VERSION} aws-apigateway: exported declarations and members, from the \
         .d.ts files that index.d.ts exports\n# (apigateway.generated.d.ts left out). Generated by \
         `cargo xtask api-coverage --refresh`; do not edit.\n# id\tkind\tfile\tnote\n"
    );
    for m in members {
        let _ = writeln!(out, "{}\t{}\t{}\t{}", m.id, m.kind, m.file, m.note);
    }
    out
}

fn read_list(path: &Path) -> Result<Vec<Member>, String> {
    let text = fs::read_to_string(path).map_err(|e| {
        format!("{}: {e} (run `cargo xtask api-coverage --refresh`)", path.display())
    })?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut p = l.split('\t');
            Member {
                id: p.next().unwrap_or("").into(),
                kind: p.next().unwrap_or("").into(),
                file: p.next().unwrap_or("").into(),
                note: p.next().unwrap_or("").into(),
            }
        })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// The Rust index.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok<'a> {
    Ident(&'a str),
    Punct(&'a str),
    Str(&'a str),
}

fn tokenize(src: &str) -> Vec<Tok<'_>> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == b'r' && (b.get(i + 1) == Some(&b'#') || b.get(i + 1) == Some(&b'"')) && {
            let mut j = i + 1;
            while b.get(j) == Some(&b'#') {
                j += 1;
            }
            b.get(j) == Some(&b'"')
        } {
            let mut j = i + 1;
            let mut hashes = 0;
            while b[j] == b'#' {
                hashes += 1;
                j += 1;
            }
            j += 1;
            let start = j;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == b'"'
                    && b[j + 1..].iter().take(hashes).filter(|&&h| h == b'#').count() == hashes
                {
                    break;
                }
                j += 1;
            }
            out.push(Tok::Str(&src[start..j.min(b.len())]));
            i = (j + 1 + hashes).min(b.len());
        } else if c == b'"' || (c == b'b' && b.get(i + 1) == Some(&b'"')) {
            let mut j = if c == b'b' { i + 2 } else { i + 1 };
            let start = j;
            while j < b.len() && b[j] != b'"' {
                if b[j] == b'\\' {
                    j += 1;
                }
                j += 1;
            }
            out.push(Tok::Str(&src[start..j.min(b.len())]));
            i = j + 1;
        } else if c == b'\'' {
            // A char literal ('a', '\n', '\u{..}') or a lifetime ('a).
            if b.get(i + 1) == Some(&b'\\') {
                let mut j = i + 2;
                while j < b.len() && b[j] != b'\'' {
                    j += 1;
                }
                i = j + 1;
            } else if b.get(i + 2) == Some(&b'\'') {
                i += 3;
            } else {
                // Possibly a multi-byte char literal.
                let rest = &src[i + 1..];
                let mut it = rest.char_indices();
                if let (Some((_, ch)), Some((k, '\''))) = (it.next(), it.next()) {
                    if !ch.is_ascii() {
                        i += 1 + k + 1;
                        continue;
                    }
                }
                i += 1;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
            }
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                i += 1;
            }
            let word = &src[start..i];
            out.push(Tok::Ident(word.strip_prefix("r#").unwrap_or(word)));
            if word == "r" && b.get(i) == Some(&b'#') {
                // raw identifier r#type
                out.pop();
                i += 1;
            }
        } else if c.is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                if b[i] == b'.' && !b.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                    break;
                }
                i += 1;
            }
        } else if c == b':' && b.get(i + 1) == Some(&b':') {
            out.push(Tok::Punct("::"));
            i += 2;
        } else if c == b'-' && b.get(i + 1) == Some(&b'>') {
            out.push(Tok::Punct("->"));
            i += 2;
        } else if c == b'=' && b.get(i + 1) == Some(&b'>') {
            out.push(Tok::Punct("=>"));
            i += 2;
        } else {
            out.push(Tok::Punct(&src[i..i + 1]));
            i += 1;
        }
    }
    out
}

#[derive(Default, Debug)]
struct CrateIndex {
    /// Structs, enums, traits, type aliases.
    types: BTreeSet<String>,
    traits: BTreeSet<String>,
    builder_structs: BTreeSet<String>,
    /// Members per type (impl fns and consts, variants, pub fields, trait fns).
    members: BTreeMap<String, BTreeSet<String>>,
    /// Struct fields, all of them (for `XBuilder` setters).
    fields: BTreeMap<String, BTreeSet<String>>,
    /// (type, trait) pairs.
    impls: BTreeSet<(String, String)>,
    /// Enum variant by CDK alias: (enum, alias) → variant.
    aliases: BTreeMap<(String, String), String>,
    /// Every member name anywhere in the crate (the loose check).
    any_member: BTreeSet<String>,
    macros: BTreeMap<String, BTreeSet<String>>,
    /// Macros whose arms `name => ...` define `fn name` on a type: macro → type.
    dyn_macros: BTreeMap<String, String>,
    /// Names `pub use`d at the crate root.
    reexports: BTreeSet<String>,
}

pub struct RustIndex {
    crates: BTreeMap<String, CrateIndex>,
}

fn is_type_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.len() > 1
        && !s.chars().all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
}

impl RustIndex {
    fn build(crates_dir: &Path) -> Result<RustIndex, String> {
        let mut manifests = Vec::new();
        find_manifests(crates_dir, &mut manifests, 0);
        let mut sources: Vec<(String, Vec<String>)> = Vec::new();
        for manifest in manifests {
            let text = fs::read_to_string(&manifest).map_err(|e| e.to_string())?;
            let Some(name) = text
                .lines()
                .find_map(|l| l.trim().strip_prefix("name = \"").and_then(|r| r.strip_suffix('"')))
            else {
                continue;
            };
            let dir = manifest.parent().unwrap_or(crates_dir);
            let mut files = Vec::new();
            rs_files(&dir.join("src"), &mut files);
            let texts = files.into_iter().filter_map(|f| fs::read_to_string(&f).ok()).collect();
            sources.push((name.replace('-', "_"), texts));
        }
        // Pass 1: the macros of every crate (`#[macro_export]` ones are invoked from other
        // crates); pass 2: everything else, per crate.
        let mut macros = CrateIndex::default();
        for (_, texts) in &sources {
            for src in texts {
                collect_macros(&tokenize(src), &mut macros);
            }
        }
        let mut crates = BTreeMap::new();
        for (name, texts) in &sources {
            let mut idx = CrateIndex {
                macros: macros.macros.clone(),
                dyn_macros: macros.dyn_macros.clone(),
                ..CrateIndex::default()
            };
            for src in texts {
                let toks = tokenize(src);
                index_tokens(&toks, &mut idx);
                collect_reexports(&toks, &mut idx);
            }
            crates.insert(name.clone(), idx);
        }
        Ok(RustIndex { crates })
    }

    /// Members of `ty` in `krate`, traits it implements included.
    fn members_of(&self, krate: &str, ty: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        if !self.crates.contains_key(krate) {
            return out;
        }
        let defines = |c: &CrateIndex, t: &str| {
            c.types.contains(t)
                || t.strip_suffix("Builder").is_some_and(|b| c.builder_structs.contains(b))
        };
        // The crates that define `t`: `krate` itself, or else those it re-exports `t` from
        // (a type's inherent impls live in its own crate).
        let homes = |t: &str| -> Vec<&CrateIndex> {
            if defines(&self.crates[krate], t) {
                vec![&self.crates[krate]]
            } else {
                self.crates.values().filter(|c| defines(c, t)).collect()
            }
        };
        for c in homes(ty) {
            if let Some(m) = c.members.get(ty) {
                out.extend(m.iter().cloned());
            }
            if let Some(f) = ty.strip_suffix("Builder").and_then(|b| c.fields.get(b)) {
                out.extend(f.iter().cloned());
            }
        }
        // Trait methods, the trait being wherever it is defined.
        let add = |t: &str, out: &mut BTreeSet<String>| {
            for c in self.crates.values().filter(|c| c.traits.contains(t)) {
                if let Some(m) = c.members.get(t) {
                    out.extend(m.iter().cloned());
                }
            }
        };
        let mut traits: Vec<String> = Vec::new();
        for c in self.crates.values() {
            for (t, tr) in &c.impls {
                if t == ty {
                    traits.push(tr.clone());
                }
            }
        }
        for tr in traits {
            add(&tr, &mut out);
        }
        out
    }

    fn type_exists(&self, krate: &str, ty: &str) -> bool {
        let Some(idx) = self.crates.get(krate) else { return false };
        let defined_here = |idx: &CrateIndex| {
            idx.types.contains(ty)
                || ty.strip_suffix("Builder").is_some_and(|b| idx.builder_structs.contains(b))
        };
        // Defined in the crate, or `pub use`d by it from a crate that defines it.
        defined_here(idx) || (idx.reexports.contains(ty) && self.crates.values().any(defined_here))
    }

    /// `Ok(true)`: on the type; `Ok(false)`: only loosely (the name is in the crate); `Err`: stale.
    fn verify(&self, path: &str) -> Result<bool, String> {
        let segs: Vec<&str> = path.split("::").collect();
        let krate = segs[0];
        if !self.crates.contains_key(krate) {
            return Err(format!("no crate `{krate}`"));
        }
        let Some(tpos) = segs.iter().position(|s| is_type_name(s)) else {
            // A free function or module item: `crate::module::function`.
            let last = segs.last().copied().unwrap_or("");
            return if self.crates[krate].any_member.contains(last)
                || self.crates[krate].types.contains(last)
            {
                Ok(true)
            } else {
                Err(format!("`{last}` not found in `{krate}`"))
            };
        };
        let ty = segs[tpos];
        if !self.type_exists(krate, ty) {
            return Err(format!("type `{ty}` not found in `{krate}`"));
        }
        match segs.get(tpos + 1) {
            None => Ok(true),
            Some(member) => {
                if self.members_of(krate, ty).contains(*member) {
                    Ok(true)
                } else if self.crates[krate].any_member.contains(*member) {
                    Ok(false)
                } else {
                    Err(format!("`{member}` not found on `{ty}` nor anywhere in `{krate}`"))
                }
            }
        }
    }

    /// The port crate defining `ty` (re-exported at its root first).
    fn crate_of(&self, ty: &str) -> Option<&'static str> {
        PORT_CRATES
            .iter()
            .find(|k| {
                self.crates
                    .get(**k)
                    .is_some_and(|c| c.reexports.contains(ty) && self.type_exists(k, ty))
            })
            .or_else(|| PORT_CRATES.iter().find(|k| self.type_exists(k, ty)))
            .copied()
    }
}

fn find_manifests(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 3 {
        return;
    }
    if dir.join("Cargo.toml").is_file() && dir.join("src").is_dir() {
        out.push(dir.join("Cargo.toml"));
    }
    let Ok(rd) = fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() && !p.ends_with("src") && !p.ends_with("target") {
            find_manifests(&p, out, depth + 1);
        }
    }
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn collect_reexports(toks: &[Tok], idx: &mut CrateIndex) {
    let mut i = 0;
    while i + 1 < toks.len() {
        if toks[i] == Tok::Ident("pub") && toks[i + 1] == Tok::Ident("use") {
            let mut j = i + 2;
            while j < toks.len() && toks[j] != Tok::Punct(";") {
                if let Tok::Ident(n) = toks[j] {
                    idx.reexports.insert(n.to_string());
                }
                j += 1;
            }
            i = j;
        }
        i += 1;
    }
}

/// The index of the token closing the group opened at `open`.
fn close_of(toks: &[Tok], open: usize) -> usize {
    let mut depth = 0i32;
    for (k, t) in toks.iter().enumerate().skip(open) {
        match t {
            Tok::Punct("{" | "(" | "[") => depth += 1,
            Tok::Punct("}" | ")" | "]") => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    toks.len()
}

fn collect_macros(toks: &[Tok], idx: &mut CrateIndex) {
    let mut i = 0;
    while i + 3 < toks.len() {
        if toks[i] == Tok::Ident("macro_rules") && toks[i + 1] == Tok::Punct("!") {
            if let Tok::Ident(name) = toks[i + 2] {
                let end = close_of(toks, i + 3);
                let mut members = BTreeSet::new();
                for k in i + 3..end.min(toks.len()) {
                    let prev_dollar = k > 0 && toks[k - 1] == Tok::Punct("$");
                    if prev_dollar {
                        continue;
                    }
                    match (toks[k], toks.get(k + 1), toks.get(k + 2)) {
                        (Tok::Ident("fn" | "const"), Some(Tok::Ident(n)), _)
                            if k > 0 && toks[k - 1] == Tok::Ident("pub") =>
                        {
                            members.insert(n.to_string());
                        }
                        (Tok::Ident("pub"), Some(Tok::Ident(n)), Some(Tok::Punct(":"))) => {
                            members.insert(n.to_string());
                        }
                        _ => {}
                    }
                }
                // `impl Type { $( pub fn $name() ... )* }`: the invocation's `name => ...`
                // arms become members of `Type`.
                let body = &toks[i + 3..end.min(toks.len())];
                let dyn_fn =
                    body.windows(3).any(|w| w[0] == Tok::Ident("fn") && w[1] == Tok::Punct("$"));
                if dyn_fn {
                    if let Some(p) = body.iter().position(|t| *t == Tok::Ident("impl")) {
                        if let Some(Tok::Ident(t)) = body.get(p + 1) {
                            idx.dyn_macros.insert(name.to_string(), t.to_string());
                        }
                    }
                }
                idx.any_member.extend(members.iter().cloned());
                idx.macros.entry(name.to_string()).or_default().extend(members);
                i = end;
            }
        }
        i += 1;
    }
}

#[derive(Clone, Debug)]
enum Ctx {
    /// `impl Type` (false) or `impl Trait for Type` (true).
    Impl(String, bool),
    Trait(String),
    Struct(String),
    Enum(String),
    Other,
}

fn index_tokens(toks: &[Tok], idx: &mut CrateIndex) {
    // Stack of (context, depth of its body).
    let mut stack: Vec<(Ctx, i32)> = Vec::new();
    let mut depth = 0i32;
    let mut pending: Option<Ctx> = None;
    let mut attrs_builder = false;
    let mut alias: Option<String> = None;
    let mut i = 0;
    let innermost = |stack: &Vec<(Ctx, i32)>, depth: i32| -> Option<Ctx> {
        stack.last().filter(|(_, d)| *d == depth).map(|(c, _)| c.clone())
    };
    while i < toks.len() {
        let t = toks[i];
        match t {
            Tok::Punct("{") => {
                depth += 1;
                stack.push((pending.take().unwrap_or(Ctx::Other), depth));
                if matches!(stack.last(), Some((Ctx::Struct(_) | Ctx::Enum(_), _))) {
                    alias = None;
                }
            }
            Tok::Punct("}") => {
                if stack.last().is_some_and(|(_, d)| *d == depth) {
                    stack.pop();
                }
                depth -= 1;
            }
            Tok::Punct(";") => {
                if matches!(pending, Some(Ctx::Struct(_))) {
                    pending = None;
                }
            }
            Tok::Punct("#") => {
                // An attribute: note `Builder` derives and doc aliases.
                let open = if toks.get(i + 1) == Some(&Tok::Punct("!")) { i + 2 } else { i + 1 };
                if toks.get(open) == Some(&Tok::Punct("[")) {
                    let end = close_of(toks, open);
                    let inner = &toks[open..end.min(toks.len())];
                    if !inner.is_empty()
                        && inner.contains(&Tok::Ident("derive"))
                        && inner.contains(&Tok::Ident("Builder"))
                    {
                        attrs_builder = true;
                    }
                    if let Some(p) = inner.iter().position(|t| *t == Tok::Ident("alias")) {
                        if let Some(Tok::Str(s)) = inner.get(p + 2) {
                            alias = Some(s.to_string());
                        }
                    }
                    i = end + 1;
                    continue;
                }
            }
            Tok::Ident("impl") => {
                // Header up to `{` or `;`.
                let mut j = i + 1;
                let mut angle = 0;
                let mut for_pos = None;
                let mut head: Vec<(usize, &str)> = Vec::new();
                while j < toks.len() && !matches!(toks[j], Tok::Punct("{") | Tok::Punct(";")) {
                    match toks[j] {
                        Tok::Punct("<") => angle += 1,
                        Tok::Punct(">") => angle -= 1,
                        Tok::Ident("for") if angle == 0 => for_pos = Some(j),
                        Tok::Ident("where") if angle == 0 => break,
                        Tok::Ident(n) if angle == 0 => head.push((j, n)),
                        _ => {}
                    }
                    j += 1;
                }
                if matches!(
                    toks.get(i.wrapping_sub(1)),
                    Some(Tok::Punct("(" | ":" | "," | "&" | "-" | "+" | "<"))
                        | Some(Tok::Ident("dyn" | "->"))
                ) || matches!(toks.get(i.wrapping_sub(1)), Some(Tok::Punct("->")))
                {
                    // `impl Trait` in argument or return position.
                    i += 1;
                    continue;
                }
                let self_ty = match for_pos {
                    Some(f) => head
                        .iter()
                        .find(|(p, n)| *p > f && is_type_name(n) && *n != "dyn")
                        .map(|(_, n)| *n),
                    None => head.iter().rev().find(|(_, n)| is_type_name(n)).map(|(_, n)| *n),
                };
                let trait_ty = for_pos.and_then(|f| {
                    head.iter().rev().find(|(p, n)| *p < f && is_type_name(n)).map(|(_, n)| *n)
                });
                if let Some(s) = self_ty {
                    if let Some(tr) = trait_ty {
                        idx.impls.insert((s.to_string(), tr.to_string()));
                    }
                    pending = Some(Ctx::Impl(s.to_string(), trait_ty.is_some()));
                }
                i = j;
                continue;
            }
            Tok::Ident(kw @ ("struct" | "enum" | "trait" | "type" | "union")) => {
                if let Some(Tok::Ident(name)) = toks.get(i + 1) {
                    let name = name.to_string();
                    if kw == "type"
                        && matches!(innermost(&stack, depth), Some(Ctx::Impl(..) | Ctx::Trait(_)))
                    {
                        i += 2;
                        continue;
                    }
                    idx.types.insert(name.clone());
                    match kw {
                        "struct" | "union" => {
                            if attrs_builder {
                                idx.builder_structs.insert(name.clone());
                            }
                            pending = Some(Ctx::Struct(name));
                        }
                        "enum" => pending = Some(Ctx::Enum(name)),
                        "trait" => {
                            idx.traits.insert(name.clone());
                            pending = Some(Ctx::Trait(name));
                        }
                        _ => {}
                    }
                    attrs_builder = false;
                    i += 2;
                    continue;
                }
            }
            Tok::Ident(kw @ ("fn" | "const")) => {
                if let Some(Tok::Ident(name)) = toks.get(i + 1) {
                    if toks.get(i.wrapping_sub(1)) != Some(&Tok::Punct("$")) {
                        // Public: trait items, and `pub fn` / `pub const` (not `pub(crate)`).
                        let mut k = i;
                        while k > 0
                            && matches!(
                                toks[k - 1],
                                Tok::Ident("const" | "async" | "unsafe" | "extern")
                            )
                        {
                            k -= 1;
                        }
                        let is_pub = k > 0 && toks[k - 1] == Tok::Ident("pub");
                        let owner = match innermost(&stack, depth) {
                            Some(Ctx::Trait(t)) | Some(Ctx::Impl(t, true)) => Some(t),
                            Some(Ctx::Impl(t, false)) if is_pub => Some(t),
                            _ => None,
                        };
                        if is_pub || owner.is_some() {
                            idx.any_member.insert(name.to_string());
                        }
                        if let Some(o) = owner {
                            idx.members.entry(o).or_default().insert(name.to_string());
                        }
                    }
                    let _ = kw;
                    i += 2;
                    continue;
                }
            }
            Tok::Ident(name) => {
                let prev = if i > 0 { toks[i - 1] } else { Tok::Punct(";") };
                let next = toks.get(i + 1).copied();
                // Macro invocation `name!(...)` of a macro of this crate.
                if next == Some(Tok::Punct("!"))
                    && idx.macros.contains_key(name)
                    && prev != Tok::Ident("macro_rules")
                {
                    let members = idx.macros[name].clone();
                    idx.any_member.extend(members.iter().cloned());
                    let open = i + 2;
                    let end = close_of(toks, open);
                    if let Some(target) = idx.dyn_macros.get(name).cloned() {
                        let inner = &toks[open + 1..end.min(toks.len())];
                        for w in inner.windows(2) {
                            if let (Tok::Ident(n), Tok::Punct("=>")) = (w[0], w[1]) {
                                idx.members
                                    .entry(target.clone())
                                    .or_default()
                                    .insert(n.to_string());
                                idx.any_member.insert(n.to_string());
                            }
                        }
                    }
                    let mut owners: Vec<String> = Vec::new();
                    if let Some(Ctx::Impl(t, _)) = innermost(&stack, depth) {
                        owners.push(t);
                    } else {
                        let inner = &toks[open + 1..end.min(toks.len())];
                        let first = inner
                            .iter()
                            .position(|t| *t == Tok::Ident("struct"))
                            .map(|p| p + 1)
                            .or_else(|| {
                                inner
                                    .iter()
                                    .position(|t| matches!(t, Tok::Ident(n) if is_type_name(n)))
                            });
                        if let Some(p) = first {
                            if let Tok::Ident(n) = inner[p] {
                                owners.push(n.to_string());
                                owners.push(format!("{n}Builder"));
                                if inner.get(p + 1) == Some(&Tok::Punct("/")) {
                                    if let Some(Tok::Ident(b)) = inner.get(p + 2) {
                                        owners.push(b.to_string());
                                    }
                                }
                            }
                        }
                    }
                    for o in owners {
                        idx.members.entry(o).or_default().extend(members.iter().cloned());
                    }
                    // Keep scanning inside (the invocation may declare a struct).
                    i += 2;
                    continue;
                }
                match innermost(&stack, depth) {
                    Some(Ctx::Struct(s))
                        if next == Some(Tok::Punct(":"))
                            && matches!(
                                prev,
                                Tok::Ident("pub") | Tok::Punct("{" | "," | "]" | ")")
                            ) =>
                    {
                        idx.fields.entry(s.clone()).or_default().insert(name.to_string());
                        idx.any_member.insert(name.to_string());
                        if prev == Tok::Ident("pub") {
                            idx.members.entry(s).or_default().insert(name.to_string());
                        }
                    }
                    Some(Ctx::Enum(e))
                        if matches!(prev, Tok::Punct("{" | "," | "]")) && name != "pub" =>
                    {
                        idx.members.entry(e.clone()).or_default().insert(name.to_string());
                        idx.any_member.insert(name.to_string());
                        if let Some(a) = alias.take() {
                            idx.aliases.insert((e, a), name.to_string());
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
}

// ---------------------------------------------------------------------------------------------
// The table.

#[derive(Clone, Debug, Default)]
pub struct Row {
    pub paths: Vec<String>,
    /// `mapped`, `n/a: reason` or `missing`.
    pub status: String,
}

fn parse_table(text: &str) -> BTreeMap<String, Row> {
    let mut rows = BTreeMap::new();
    for line in text.lines() {
        if !line.starts_with("| `") {
            continue;
        }
        let cells: Vec<&str> = split_cells(&line[2..]);
        if cells.len() < 4 {
            continue;
        }
        let id = cells[0].trim().trim_matches('`').to_string();
        let paths = backticked(cells[2]);
        let status = cells[3].trim().to_string();
        rows.insert(id, Row { paths, status });
    }
    rows
}

/// Splits a table line on `|` outside backticks.
fn split_cells(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut tick = false;
    for (k, c) in line.char_indices() {
        match c {
            '`' => tick = !tick,
            '|' if !tick => {
                out.push(&line[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    out.push(&line[start..]);
    out
}

fn backticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn status_kind(status: &str) -> &'static str {
    if status.starts_with("mapped") {
        "mapped"
    } else if status.starts_with("n/a") {
        "n/a"
    } else {
        "missing"
    }
}

fn snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (k, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev = if k > 0 { Some(chars[k - 1]) } else { None };
            let next = chars.get(k + 1);
            let boundary = prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
                || (prev.is_some_and(|p| p.is_ascii_uppercase())
                    && next.is_some_and(|n| n.is_ascii_lowercase()));
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn upper_camel(screaming: &str) -> String {
    screaming
        .split('_')
        .map(|p| {
            let mut c = p.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + &c.as_str().to_ascii_lowercase(),
                None => String::new(),
            }
        })
        .collect()
}

/// Rust types that carry the members of a CDK type that has no Rust twin of its own name.
/// `MTLSConfig` → `MtlsConfig`: an acronym is one word in Rust names.
fn acronyms_camel(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (k, &c) in chars.iter().enumerate() {
        let prev_upper = k > 0 && chars[k - 1].is_ascii_uppercase();
        let next_lower = chars.get(k + 1).is_some_and(|n| n.is_ascii_lowercase());
        if c.is_ascii_uppercase() && prev_upper && !next_lower {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn carriers(cdk_type: &str) -> Vec<&'static str> {
    match cdk_type {
        "RestApiBase" => vec!["RestApi", "IRestApi"],
        "StageBase" => vec!["Stage", "IStage"],
        "ResourceBase" => vec!["Resource", "IResource"],
        "Authorizer" => vec!["IAuthorizer"],
        "RestApiBaseProps" => vec!["RestApiPropsBuilder"],
        "RestApiOptions" => vec!["RestApiPropsBuilder"],
        "IResource" => vec!["Resource"],
        "IModel" => vec!["Model"],
        "IVpcLink" => vec!["VpcLink"],
        "IRequestValidator" => vec!["RequestValidator"],
        "IGatewayResponse" => vec!["GatewayResponse"],
        "IRestApi" => vec!["RestApi"],
        "IStage" => vec!["Stage"],
        "IApiKey" => vec!["ApiKey"],
        "IUsagePlan" => vec!["UsagePlan"],
        "IDomainName" => vec!["DomainName"],
        "AwsIntegration"
        | "LambdaIntegration"
        | "HttpIntegration"
        | "MockIntegration"
        | "SagemakerIntegration"
        | "StepFunctionsIntegration" => vec!["Integration"],
        _ => vec![],
    }
}

/// Automatic status for members that have no Rust counterpart by nature.
fn auto_na(m: &Member) -> Option<String> {
    let name = m.id.rsplit('.').next().unwrap_or("");
    if name == "PROPERTY_INJECTION_ID" {
        return Some(
            "n/a: jsii property-injection id (CDK's property injectors); no Rust counterpart"
                .into(),
        );
    }
    if m.kind == "static method"
        && name.starts_with("is")
        && name[2..].starts_with(|c: char| c.is_ascii_uppercase())
    {
        return Some("n/a: JavaScript type guard; Rust types are checked at compile time".into());
    }
    if m.kind.starts_with("protected") {
        return Some("n/a: protected member for subclasses; Rust types are not subclassed".into());
    }
    if name.starts_with('_') {
        return Some(
            "n/a: jsii internal (`@internal`, underscore-prefixed), not public API".into(),
        );
    }
    None
}

fn guess(m: &Member, index: &RustIndex) -> Option<String> {
    let (owner, name) = match m.id.split_once('.') {
        Some((o, n)) => (o, Some(n)),
        None => (m.id.as_str(), None),
    };
    let Some(name) = name else {
        let camel = acronyms_camel(owner);
        for t in [owner, camel.as_str()] {
            if let Some(k) = index.crate_of(t) {
                return Some(format!("{k}::{t}"));
            }
        }
        return None;
    };
    let mut owners: Vec<String> = Vec::new();
    if m.kind == "field" {
        owners.push(format!("{owner}Builder"));
    }
    owners.push(owner.to_string());
    owners.extend(carriers(owner).iter().map(|s| s.to_string()));
    let camel = acronyms_camel(owner);
    if camel != owner {
        owners.push(format!("{camel}Builder"));
        owners.push(camel);
    }
    // A field inherited by a props type with no Rust twin: the base's builder carries it.
    if let Some(base) = m.note.strip_prefix("inherited from ") {
        let base = base.split(';').next().unwrap_or(base).trim();
        if index.crate_of(owner).is_none() {
            owners.push(format!("{base}Builder"));
            owners.extend(carriers(base).iter().map(|s| s.to_string()));
        }
    }
    let member_names: Vec<String> = if m.kind == "constructor" {
        vec!["new".into()]
    } else if m.kind == "enum member" {
        let mut v = Vec::new();
        for c in index.crates.values() {
            if let Some(var) = c.aliases.get(&(owner.to_string(), name.to_string())) {
                v.push(var.clone());
            }
        }
        v.push(upper_camel(name));
        v
    } else if name.chars().all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit()) {
        vec![name.to_string(), upper_camel(name)]
    } else {
        let s = snake(name);
        if matches!(
            s.as_str(),
            "type" | "ref" | "enum" | "default" | "fn" | "mod" | "use" | "in" | "match" | "self"
        ) {
            vec![s.clone(), format!("{s}_"), if s == "type" { "kind".into() } else { s.clone() }]
        } else {
            vec![s]
        }
    };
    for o in &owners {
        let base = o.strip_suffix("Builder").unwrap_or(o);
        let Some(k) = index.crate_of(o).or_else(|| index.crate_of(base)) else { continue };
        let members = index.members_of(k, o);
        for mn in &member_names {
            let mn = mn.trim_start_matches("r#");
            if members.contains(mn) {
                return Some(format!("{k}::{o}::{mn}"));
            }
        }
    }
    None
}

fn update_rows(
    members: &[Member],
    old: &BTreeMap<String, Row>,
    index: &RustIndex,
) -> BTreeMap<String, Row> {
    let mut rows = BTreeMap::new();
    for m in members {
        if let Some(r) = old.get(&m.id) {
            let keep = match status_kind(&r.status) {
                // Written by `--update` itself (an interface member found on a type, not the
                // trait): proposed again, as the trait may have gained it.
                _ if r.status.starts_with("mapped (on `") => false,
                // A deprecated member is n/a only while it is not ported.
                "n/a" => !(r.status.starts_with("n/a: deprecated") && guess(m, index).is_some()),
                "mapped" => !r.paths.is_empty() && r.paths.iter().all(|p| index.verify(p).is_ok()),
                _ => false,
            };
            if keep {
                rows.insert(m.id.clone(), r.clone());
                continue;
            }
        }
        let row = if let Some(p) = guess(m, index) {
            let owner = m.id.split('.').next().unwrap_or("");
            let on = p.split("::").find(|s| is_type_name(s)).unwrap_or("").to_string();
            let status = if m.id.contains('.') && is_behavioural(owner) && on != owner {
                let has_trait = PORT_CRATES
                    .iter()
                    .any(|k| index.crates.get(*k).is_some_and(|c| c.traits.contains(owner)));
                if has_trait {
                    format!("mapped (on `{on}`, not on the `{owner}` trait)")
                } else {
                    format!("mapped (on `{on}`; no `{owner}` trait)")
                }
            } else {
                "mapped".to_string()
            };
            Row { paths: vec![p], status }
        } else if let Some(na) = auto_na(m) {
            Row { paths: vec![], status: na }
        } else if let Some(pos) = m.note.find("deprecated") {
            Row { paths: vec![], status: format!("n/a: {}", &m.note[pos..]) }
        } else {
            Row { paths: vec![], status: "missing".into() }
        };
        rows.insert(m.id.clone(), row);
    }
    rows
}

fn render_table(members: &[Member], rows: &BTreeMap<String, Row>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# aws-apigateway API coverage (aws-cdk-lib {CDK_VERSION})

Every exported class, interface, enum and member of aws-cdk-lib {CDK_VERSION}'s `aws-apigateway`
(the `.d.ts` files that `aws-apigateway/lib/index.d.ts` exports), with the Rust item that
ports it, or `n/a` and why, or `missing`. The member list is extracted from the npm package
into [`api-coverage/aws-apigateway-{CDK_VERSION}.d.txt`](api-coverage/aws-apigateway-{CDK_VERSION}.d.txt);
`cargo xtask api-coverage --check` (run by `.ci/run`) fails when a member has no row, when a
Rust path below does not exist in the crates' source, or when a `missing` row is not in
[`api-coverage/allowed-missing.txt`](api-coverage/allowed-missing.txt). The rows are written by
hand; `cargo xtask api-coverage --update` keeps every row that still holds and proposes a path
for new and `missing` ones. The missing members are listed in
[`api-coverage-missing.md`](api-coverage-missing.md).

Conventions of the table (see `CONVENTIONS.md`):

- CDK names are snake-cased; a props/options field is a setter of the type's builder
  (`RestApiProps.restApiName` → `RestApiPropsBuilder::rest_api_name`); a constructor is `new`;
  a static `fromXxx` is an associated function; an enum member is a Rust-named variant carrying
  CDK's name as `#[doc(alias)]`.
- Props interfaces list the fields they inherit from the module's other props interfaces
  (`inherited from X`), because each Rust builder has all of them (flat extended props).
  Classes and behavioural interfaces list only their own members; a member of an exported
  abstract base class (`RestApiBase`, `StageBase`, `ResourceBase`, ...) is mapped to the Rust
  types that carry it. The members of a base class the module does not export (`ApiKeyBase`,
  `UsagePlanBase`, `LambdaAuthorizer`) are listed under each exported subclass.
- Interfaces `I…` are traits of the same name; when CDK's interface member is served by
  methods of the implementing types, the row names the trait or the types.

| Module part | Status |
|---|---|
| `apigateway.generated.d.ts` (the `Cfn*` L1 classes, their props and property types, `I*Ref` interfaces) | Not in this table: generated into the `cfn-apigateway` crate (`crates/l1/cfn-apigateway`) by `cargo xtask codegen` from the CloudFormation spec |
| `apigateway-canned-metrics.generated.d.ts`, `util.d.ts` | Not in this table: `index.d.ts` does not export them (module internals) |
"
    );
    let mut file = String::new();
    for m in members {
        if m.file != file {
            file = m.file.clone();
            let _ = writeln!(
                out,
                "\n## `{file}`\n\n| CDK member | Kind | Rust | Status |\n|---|---|---|---|"
            );
        }
        let row =
            rows.get(&m.id).cloned().unwrap_or(Row { paths: vec![], status: "missing".into() });
        let rust = if row.paths.is_empty() {
            "—".to_string()
        } else {
            row.paths.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ")
        };
        let mut kind = m.kind.clone();
        if !m.note.is_empty() && !m.note.starts_with("deprecated") {
            kind = format!("{kind} ({})", m.note);
        } else if m.note.starts_with("deprecated") && status_kind(&row.status) != "n/a" {
            kind = format!("{kind} (deprecated)");
        }
        let kind = kind.replace('|', "/");
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            m.id,
            kind,
            rust,
            row.status.replace('|', "/")
        );
    }
    out
}

/// The crate a CDK file's port belongs to (for the expected name of a missing member).
fn crate_for_file(file: &str) -> &'static str {
    if file.starts_with("authorizers/") {
        "apigw_auth"
    } else if file.starts_with("domain-name") || file.starts_with("base-path-mapping") {
        "apigw_domains"
    } else if file.starts_with("access-log") {
        "apigw_logging"
    } else if file.starts_with("stepfunctions-api")
        || file == "integrations/stepfunctions.d.ts"
        || file == "integrations/request-context.d.ts"
    {
        "apigw_stepfunctions"
    } else {
        "apigw_core"
    }
}

/// The Rust path a missing member would get under the conventions (what `--update` looks for).
fn expected_path(m: &Member, index: &RustIndex) -> String {
    let (owner, name) = match m.id.split_once('.') {
        Some((o, n)) => (o, Some(n)),
        None => (m.id.as_str(), None),
    };
    let Some(name) = name else {
        let krate = index.crate_of(owner).unwrap_or_else(|| crate_for_file(&m.file));
        return format!("{krate}::{owner}");
    };
    // A type with no Rust twin of its own (an abstract base): the type that carries it.
    let carrier = carriers(owner).first().copied().filter(|_| index.crate_of(owner).is_none());
    let ty = carrier.unwrap_or(owner);
    let krate = index
        .crate_of(ty.strip_suffix("Builder").unwrap_or(ty))
        .unwrap_or_else(|| crate_for_file(&m.file));
    if ty.ends_with("Builder") {
        return format!("{krate}::{ty}::{}", snake(name));
    }
    let owner = ty;
    match m.kind.as_str() {
        "field" => format!("{krate}::{owner}Builder::{}", snake(name)),
        "enum member" => format!("{krate}::{owner}::{}", upper_camel(name)),
        "constructor" => format!("{krate}::{owner}::new"),
        _ => format!("{krate}::{owner}::{}", snake(name)),
    }
}

fn render_missing(members: &[Member], rows: &BTreeMap<String, Row>, index: &RustIndex) -> String {
    let mut out = format!(
        "# aws-apigateway members not ported yet\n\nGenerated by `cargo xtask api-coverage --update` \
         from [`api-coverage.md`](api-coverage.md): the members of aws-cdk-lib {CDK_VERSION}'s \
         `aws-apigateway` that have no Rust counterpart yet, with the name the conventions give \
         them (a props field is a builder setter; `--update` finds a member under that name by \
         itself, or else map its row in `api-coverage.md` by hand). Once a member is ported, \
         remove its line from `api-coverage/allowed-missing.txt`.\n\n\
         | CDK member | Kind | File | Expected Rust name |\n|---|---|---|---|\n"
    );
    for m in members {
        let missing = rows.get(&m.id).is_none_or(|r| status_kind(&r.status) == "missing");
        if missing {
            let _ = writeln!(
                out,
                "| `{}` | {} | `{}` | `{}` |",
                m.id,
                m.kind,
                m.file,
                expected_path(m, index)
            );
        }
    }
    out
}

fn read_allowed(path: &Path) -> BTreeSet<String> {
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

struct Report {
    text: String,
    problems: Vec<String>,
}

fn evaluate(
    members: &[Member],
    rows: &BTreeMap<String, Row>,
    index: &RustIndex,
    allowed: &BTreeSet<String>,
) -> Report {
    let mut problems = Vec::new();
    // kind → [mapped, n/a, missing]
    let mut per_kind: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let mut total = [0usize; 3];
    let mut loose = Vec::new();
    // Rows marked missing whose member now exists under its conventional name.
    let mut found = Vec::new();
    let ids: BTreeSet<&str> = members.iter().map(|m| m.id.as_str()).collect();
    for id in rows.keys() {
        if !ids.contains(id.as_str()) {
            problems.push(format!("  row `{id}` names no member of aws-apigateway {CDK_VERSION}"));
        }
    }
    for m in members {
        let kind = m.kind.trim_start_matches("protected ").to_string();
        let slot = match rows.get(&m.id) {
            None => {
                problems.push(format!("  `{}` ({}) has no row in {TABLE}", m.id, m.kind));
                2
            }
            Some(r) => match status_kind(&r.status) {
                "mapped" => {
                    if r.paths.is_empty() {
                        problems.push(format!("  `{}` is mapped but names no Rust path", m.id));
                    }
                    for p in &r.paths {
                        match index.verify(p) {
                            Ok(true) => {}
                            Ok(false) => loose.push(format!("{} → {p}", m.id)),
                            Err(e) => problems.push(format!("  `{}`: stale path `{p}`: {e}", m.id)),
                        }
                    }
                    0
                }
                "n/a" => {
                    if r.status.trim_start_matches("n/a").trim_start_matches(':').trim().is_empty()
                    {
                        problems.push(format!("  `{}` is n/a without a reason", m.id));
                    }
                    1
                }
                _ => {
                    if let Some(p) = guess(m, index) {
                        found.push(format!("{} → {p}", m.id));
                    }
                    if !allowed.contains(&m.id) {
                        problems.push(format!(
                            "  `{}` ({}) is missing and not in {ALLOWED}",
                            m.id, m.kind
                        ));
                    }
                    2
                }
            },
        };
        per_kind.entry(kind).or_default()[slot] += 1;
        total[slot] += 1;
    }
    let mut text = String::new();
    let n = total.iter().sum::<usize>().max(1);
    let _ = writeln!(
        text,
        "api coverage of aws-apigateway {CDK_VERSION} ({} members):",
        total.iter().sum::<usize>()
    );
    let _ = writeln!(
        text,
        "  {:<20} {:>6} {:>6} {:>8} {:>7}",
        "kind", "mapped", "n/a", "missing", "total"
    );
    for (k, v) in &per_kind {
        let _ = writeln!(
            text,
            "  {:<20} {:>6} {:>6} {:>8} {:>7}",
            k,
            v[0],
            v[1],
            v[2],
            v.iter().sum::<usize>()
        );
    }
    let _ =
        writeln!(text, "  {:<20} {:>6} {:>6} {:>8} {:>7}", "all", total[0], total[1], total[2], n);
    let _ = writeln!(
        text,
        "  accounted for (mapped + n/a): {:.1}%; missing: {} ({} allowed)",
        100.0 * (total[0] + total[1]) as f64 / n as f64,
        total[2],
        allowed.len()
    );
    let done: Vec<&String> = allowed
        .iter()
        .filter(|id| rows.get(*id).is_some_and(|r| status_kind(&r.status) != "missing"))
        .collect();
    if !done.is_empty() {
        let _ = writeln!(
            text,
            "  {} member(s) of {ALLOWED} are no longer missing (remove their lines): {}",
            done.len(),
            done.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
        );
    }
    if !found.is_empty() {
        let _ = writeln!(
            text,
            "  {} row(s) marked missing now have a Rust counterpart (run `cargo xtask api-coverage --update`):",
            found.len()
        );
        for f in &found {
            let _ = writeln!(text, "    {f}");
        }
    }
    if !loose.is_empty() {
        let _ = writeln!(
            text,
            "  {} path(s) verified loosely (member name found in the crate, not on the type):",
            loose.len()
        );
        for l in &loose {
            let _ = writeln!(text, "    {l}");
        }
    }
    Report { text, problems }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DTS: &str = r#"import { Resource } from '../../core';
/** Base props. */
export interface BaseProps {
    readonly name?: string;
    /** @deprecated - use `name` instead */
    readonly oldName?: string;
}
export interface ThingProps extends BaseProps {
    readonly size: number;
    readonly tags?: { [key: string]: string; };
}
declare abstract class ThingBase extends Resource {
    grantRead(grantee: IGrantable): Grant;
    protected hidden(): void;
}
/** A thing; see `{@link Other}` and { braces }. */
export declare class Thing extends ThingBase {
    static readonly PROPERTY_INJECTION_ID: string;
    static isThing(x: any): x is Thing;
    readonly id: string;
    private readonly secret;
    constructor(scope: Construct, id: string, props: ThingProps);
    get arn(): string;
    addPart(name: string, options?: { a: string; b?: number }): void;
}
export declare enum Version {
    DRAFT4 = "http://json-schema.org/draft-04/schema#",
    DRAFT7 = "http://json-schema.org/draft-07/schema#"
}
export {};
"#;

    fn scan(text: &str) -> Vec<(String, String, String)> {
        let mut decls = Vec::new();
        scan_file(&preprocess(text), "t.d.ts", &mut decls);
        let hidden: BTreeMap<String, Vec<Member>> = decls
            .iter()
            .filter(|d| !d.exported)
            .map(|d| (d.name.clone(), d.members.clone()))
            .collect();
        let mut out = Vec::new();
        for d in decls.iter().filter(|d| d.exported) {
            out.push((d.name.clone(), d.kind.clone(), d.note.clone()));
            for m in &d.members {
                out.push((m.id.clone(), m.kind.clone(), m.note.clone()));
            }
            for b in &d.extends {
                for m in hidden.get(b).into_iter().flatten() {
                    out.push((m.id.clone(), m.kind.clone(), format!("from {b}")));
                }
            }
        }
        out
    }

    #[test]
    fn the_scanner_finds_declarations_members_and_deprecations() {
        let got = scan(DTS);
        let ids: Vec<&str> = got.iter().map(|(id, _, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "BaseProps",
                "BaseProps.name",
                "BaseProps.oldName",
                "ThingProps",
                "ThingProps.size",
                "ThingProps.tags",
                "Thing",
                "Thing.PROPERTY_INJECTION_ID",
                "Thing.isThing",
                "Thing.id",
                "Thing.constructor",
                "Thing.arn",
                "Thing.addPart",
                "ThingBase.grantRead",
                "ThingBase.hidden",
                "Version",
                "Version.DRAFT4",
                "Version.DRAFT7",
            ]
        );
        let kind = |id: &str| got.iter().find(|(i, _, _)| i == id).map(|(_, k, _)| k.as_str());
        assert_eq!(kind("BaseProps"), Some("struct"));
        assert_eq!(kind("Thing.isThing"), Some("static method"));
        assert_eq!(kind("Thing.arn"), Some("property"));
        assert_eq!(kind("ThingBase.hidden"), Some("protected method"));
        assert_eq!(kind("Version.DRAFT7"), Some("enum member"));
        let note = |id: &str| got.iter().find(|(i, _, _)| i == id).map(|(_, _, n)| n.as_str());
        assert_eq!(note("BaseProps.oldName"), Some("deprecated: use `name` instead"));
        assert_eq!(note("Thing"), Some("extends ThingBase"));
    }

    #[test]
    fn names_are_snake_cased_and_camel_cased_as_in_rust() {
        assert_eq!(snake("urlForPath"), "url_for_path");
        assert_eq!(
            snake("contextIdentityClientCertSubjectDN"),
            "context_identity_client_cert_subject_dn"
        );
        assert_eq!(snake("cacheTtl"), "cache_ttl");
        assert_eq!(upper_camel("DEFAULT_4XX"), "Default4xx");
        assert_eq!(acronyms_camel("MTLSConfig"), "MtlsConfig");
    }

    #[test]
    fn the_rust_index_sees_builders_macros_traits_and_aliases() {
        let src = r#"
            macro_rules! shared { ($(#[$a:meta])* pub struct $name:ident / $b:ident { $($body:tt)* }) => {
                $(#[$a])* pub struct $name { $($body)* pub shared_field: Option<u32>, }
                impl $b { pub fn custom_setter(self) -> Self { self } }
            } }
            shared! {
                #[derive(Clone, derive_builder::Builder)]
                pub struct ThingProps / ThingPropsBuilder { pub size: u32, }
            }
            pub trait IThing { fn thing_id(&self) -> String; fn helper(&self) {} }
            pub struct Thing;
            impl IThing for Thing { fn thing_id(&self) -> String { String::new() } }
            impl Thing { pub fn add_part(&self) {} pub(crate) fn internal(&self) {} }
            pub enum Version { #[doc(alias = "DRAFT4")] Draft4, Draft7 }
        "#;
        let mut idx = CrateIndex::default();
        collect_macros(&tokenize(src), &mut idx);
        index_tokens(&tokenize(src), &mut idx);
        let index = RustIndex { crates: BTreeMap::from([("k".to_string(), idx)]) };
        assert_eq!(index.verify("k::ThingPropsBuilder::size"), Ok(true));
        assert_eq!(index.verify("k::ThingPropsBuilder::shared_field"), Ok(true));
        assert_eq!(index.verify("k::ThingPropsBuilder::custom_setter"), Ok(true));
        assert_eq!(index.verify("k::Thing::add_part"), Ok(true));
        assert_eq!(index.verify("k::Thing::helper"), Ok(true));
        assert!(index.verify("k::Thing::internal").is_err());
        assert!(index.verify("k::Nothing").is_err());
        assert_eq!(index.verify("k::Version::Draft7"), Ok(true));
        let aliases = &index.crates["k"].aliases;
        assert_eq!(
            aliases.get(&("Version".into(), "DRAFT4".into())).map(String::as_str),
            Some("Draft4")
        );
    }
}
