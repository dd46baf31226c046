//! `cargo xtask validate-oracle`: compares `crates/cfn-validate` with the real AWS
//! CloudFormation Validate engine (`xtask/cfn-validate-oracle`, outside the workspace, built
//! with `--ignore-rust-version`) on the goldens' templates, the bad templates of
//! `xtask/cfn-validate-oracle/corpus/`, and mutations of the goldens (numbers, strings, objects
//! and lists swapped into properties, properties removed, unknown ones added).
//!
//! The FATAL and ERROR findings of the rules `cfn-validate` implements must be the same:
//! rule id, resource, property path and message. Engine rules it does not implement are left
//! out (see `docs/validation.md`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Map, Value};

/// One finding: (file, rule, logical ID, property path, message).
type Finding = (String, String, String, String, String);

/// Runs the comparison.
///
/// # Errors
/// When the oracle cannot be built or run, or the findings differ.
pub fn validate_oracle(root: &Path, args: &[&str]) -> Result<(), String> {
    if !args.is_empty() {
        return Err("usage: cargo xtask validate-oracle".into());
    }
    let oracle_dir = root.join("xtask/cfn-validate-oracle");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    println!("validate-oracle: building the engine (the first build takes minutes)");
    let status = Command::new(&cargo)
        .args(["build", "--release", "--ignore-rust-version", "--manifest-path"])
        .arg(oracle_dir.join("Cargo.toml"))
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("building xtask/cfn-validate-oracle failed".into());
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| oracle_dir.join("target"));
    let oracle = target.join("release/cfn-validate-oracle");
    // Ours through its example binary: xtask does not link cfn-validate, whose tables
    // `cargo xtask codegen` writes.
    let status = Command::new(&cargo)
        .current_dir(root)
        .args(["build", "--release", "-p", "cfn-validate", "--example", "cfn_validate"])
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("building cfn-validate's example failed".into());
    }
    let workspace_target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let ours_bin = workspace_target.join("release/examples/cfn_validate");

    let golden_files = goldens(&root.join("tests/goldens"))?;
    let corpus = json_files(&oracle_dir.join("corpus"))?;
    let mutations_dir = root.join("target/validate-oracle");
    let _ = fs::remove_dir_all(&mutations_dir);
    fs::create_dir_all(&mutations_dir).map_err(|e| format!("{}: {e}", mutations_dir.display()))?;
    let mut mutations = Vec::new();
    for golden in &golden_files {
        let template = read_json(golden)?;
        for (n, mutated) in mutate(&template).into_iter().enumerate() {
            let stem = golden
                .strip_prefix(root.join("tests/goldens"))
                .unwrap_or(golden)
                .to_string_lossy()
                .replace(['/', '.'], "_");
            let path = mutations_dir.join(format!("{stem}-{n}.json"));
            let text = serde_json::to_string(&mutated).map_err(|e| e.to_string())?;
            fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            mutations.push(path);
        }
    }
    println!(
        "validate-oracle: {} golden templates, {} corpus templates, {} mutations",
        golden_files.len(),
        corpus.len(),
        mutations.len()
    );
    let files: Vec<PathBuf> = golden_files.into_iter().chain(corpus).chain(mutations).collect();

    let rules = run(&ours_bin, &[PathBuf::from("--rules")])?;
    let implemented: BTreeSet<&str> = rules.lines().collect();
    let mut theirs: BTreeSet<Finding> = BTreeSet::new();
    let mut ours: BTreeSet<Finding> = BTreeSet::new();
    for chunk in files.chunks(500) {
        for line in run(&oracle, chunk)?.lines() {
            let parts: Vec<&str> = line.splitn(5, '\t').collect();
            let [file, rule, id, path, message] = parts[..] else { continue };
            // Rules cfn-validate does not implement, and the engine's own extensions of the
            // schemas, are not compared.
            if !implemented.contains(rule) || message.ends_with("(from extension)") {
                continue;
            }
            theirs.insert((file.into(), rule.into(), id.into(), path.into(), message.into()));
        }
        for line in run(&ours_bin, chunk)?.lines() {
            let parts: Vec<&str> = line.splitn(5, '\t').collect();
            let [file, severity_rule, id, path, message] = parts[..] else { continue };
            let Some((severity, rule)) = severity_rule.split_once(' ') else { continue };
            if severity != "[FATAL]" && severity != "[ERROR]" {
                continue;
            }
            ours.insert((file.into(), rule.into(), id.into(), path.into(), message.into()));
        }
    }
    let only_ours: Vec<&Finding> = ours.difference(&theirs).collect();
    let only_theirs: Vec<&Finding> = theirs.difference(&ours).collect();
    println!(
        "validate-oracle: {} findings of the implemented rules, {} only ours, {} only the engine's",
        theirs.len(),
        only_ours.len(),
        only_theirs.len()
    );
    if only_ours.is_empty() && only_theirs.is_empty() {
        return Ok(());
    }
    let show = |list: &[&Finding]| {
        list.iter()
            .take(20)
            .map(|(f, r, i, p, m)| format!("  {f}: {r} {i} {p}: {m}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Err(format!(
        "cfn-validate and the engine differ\nonly cfn-validate:\n{}\nonly the engine:\n{}",
        show(&only_ours),
        show(&only_theirs)
    ))
}

/// Runs `bin` with `args`; its stdout.
fn run(bin: &Path, args: &[PathBuf]) -> Result<String, String> {
    let out = Command::new(bin)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    if !out.status.success() {
        return Err(format!("{} failed: {}", bin.display(), String::from_utf8_lossy(&out.stderr)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn json_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    out.sort();
    Ok(out)
}

/// `tests/goldens/*/*.template.json`.
fn goldens(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut cases: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    for case in cases {
        out.extend(
            json_files(&case)?
                .into_iter()
                .filter(|p| p.to_string_lossy().ends_with(".template.json")),
        );
    }
    Ok(out)
}

/// Values swapped into properties.
fn replacements() -> Vec<Value> {
    vec![
        Value::from(-1),
        Value::from(99_999_999),
        Value::from(1.5),
        Value::from(""),
        Value::from("abc"),
        Value::from("x".repeat(2100)),
        Value::Bool(true),
        serde_json::json!({ "a": 1 }),
        serde_json::json!([]),
        Value::Array(vec![Value::from("a"); 60]),
    ]
}

/// Deterministic mutations of a template: for each resource, two of its property leaves
/// (the first and the last, intrinsic values excluded) each replaced by every value of
/// [`replacements`], an unknown key added next to them, and its first and last top-level
/// properties removed.
fn mutate(template: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    let Some(resources) = template.get("Resources").and_then(Value::as_object) else {
        return out;
    };
    for (id, resource) in resources {
        let Some(props) = resource.get("Properties").and_then(Value::as_object) else {
            continue;
        };
        let mut leaves = Vec::new();
        collect_leaves(&Value::Object(props.clone()), &mut Vec::new(), &mut leaves);
        let picked: Vec<&Vec<String>> = match leaves.len() {
            0 => Vec::new(),
            1 => vec![&leaves[0]],
            n => vec![&leaves[0], &leaves[n - 1]],
        };
        for path in picked {
            for value in replacements() {
                let mut t = template.clone();
                if let Some(slot) = at(&mut t, id, path) {
                    *slot = value;
                    out.push(t);
                }
            }
            let mut t = template.clone();
            if let Some(Value::Object(parent)) = at(&mut t, id, &path[..path.len() - 1]) {
                parent.insert("Bogus".into(), Value::from(1));
                out.push(t);
            }
        }
        let keys: Vec<&String> = props.keys().collect();
        for key in [keys.first(), keys.last()].into_iter().flatten().collect::<BTreeSet<_>>() {
            let mut t = template.clone();
            if let Some(Value::Object(p)) = at(&mut t, id, &[]) {
                p.shift_remove(key.as_str());
                out.push(t);
            }
        }
    }
    out
}

fn is_intrinsic(map: &Map<String, Value>) -> bool {
    map.len() == 1 && map.keys().all(|k| k == "Ref" || k.starts_with("Fn::"))
}

fn collect_leaves(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) if !is_intrinsic(map) => {
            for (k, v) in map {
                path.push(k.clone());
                collect_leaves(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(i.to_string());
                collect_leaves(v, path, out);
                path.pop();
            }
        }
        _ if !path.is_empty() => out.push(path.clone()),
        _ => {}
    }
}

/// The value at `path` under resource `id`'s `Properties`.
fn at<'a>(template: &'a mut Value, id: &str, path: &[String]) -> Option<&'a mut Value> {
    let mut v = template.get_mut("Resources")?.get_mut(id)?.get_mut("Properties")?;
    for part in path {
        v = match v {
            Value::Object(map) => map.get_mut(part)?,
            Value::Array(items) => items.get_mut(part.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(v)
}
