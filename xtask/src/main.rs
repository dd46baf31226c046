//! Repository tasks, run as `cargo xtask <task>` (an alias in `.cargo/config.toml`).
//!
//! - `cargo xtask codegen` regenerates the L1 crates in `crates/l1/` from `cfn-spec/`;
//!   `cargo xtask codegen --check` regenerates in memory and fails when anything on disk differs.
//! - `cargo xtask vendor-spec --wheel PATH.whl` refreshes `cfn-spec/` from a cfn-lint wheel.
//! - `cargo xtask parity [--out DIR] [--only a,b]` synthesizes every parity twin (the `parity`
//!   crate in `tests/`) into `DIR/<case>/cdk.out/` (default `target/parity`), and writes the
//!   OpenAPI 3 export of each API that is not a `SpecRestApi` to
//!   `DIR/<case>/openapi/<Stack>.<Api>.json`.
//! - `cargo xtask openapi-check [--install-only] [DIR]` validates those exports with the pinned
//!   `openapi-spec-validator` (see `openapi_check.rs`).
//! - `cargo xtask bench --cdk DIR [--runs K] [--n 100,1000] [--ours-n 10000] [--no-docs]` times
//!   the benchmark app: our release `perf` binary and aws-cdk-lib's `perf/app.js` (run from DIR,
//!   a copy of `shared/parity` with `npm install` done) side by side at the `--n` sizes, ours
//!   alone at the `--ours-n` sizes (aws-cdk-lib takes minutes there); prints the table and
//!   writes it with a plot to `docs/bench.md` and `docs/bench.svg`.
//! - `cargo xtask deploy-check [--install-only] [CASE...]` deploys `quickstart` and parity cases
//!   to LocalStack with the `cdk` CLI, calls their APIs, diffs and destroys them
//!   (see `deploy_check.rs`).
//! - `cargo xtask publish-check` runs `cargo package` for every library crate.
//! - `cargo xtask api-coverage [--check | --update | --refresh [--from DIR]]` compares
//!   `docs/api-coverage.md` with aws-cdk-lib's `aws-apigateway` declarations
//!   (see `api_coverage.rs`).
//! - `cargo xtask validate-oracle` compares `crates/cfn-validate` with the real AWS
//!   CloudFormation Validate engine (`xtask/cfn-validate-oracle`, built with
//!   `--ignore-rust-version`) on the goldens, a corpus of bad templates and mutations
//!   (see `validate_oracle.rs`).

mod api_coverage;
mod bench;
mod deploy_check;
mod openapi_check;
mod validate_oracle;
mod vendor;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage:
  cargo xtask codegen [--check]          regenerate crates/l1/ from cfn-spec/ (--check: only verify)
  cargo xtask vendor-spec --wheel PATH   refresh cfn-spec/ from a cfn-lint wheel
  cargo xtask parity [--out DIR] [--only a,b]
                                         synthesize every parity twin into DIR/<case>/cdk.out/,
                                         its APIs' OpenAPI exports into DIR/<case>/openapi/
  cargo xtask openapi-check [--install-only] [DIR]
                                         validate DIR/*/openapi/*.json (default target/parity)
                                         with the pinned openapi-spec-validator
  cargo xtask bench --cdk DIR [--runs K] [--n 100,1000] [--ours-n 10000] [--no-docs]
                                         time our synthesis against aws-cdk-lib's, side by side;
                                         write the table and plot to docs/
  cargo xtask deploy-check [--install-only] [CASE...]
                                         deploy assemblies to LocalStack with the cdk CLI and call
                                         their APIs (default: defining-apis quickstart)
  cargo xtask publish-check              cargo package every library crate
  cargo xtask api-coverage [--check] [--update] [--refresh [--from DIR]]
                                         totals of docs/api-coverage.md against aws-apigateway's
                                         .d.ts members (--check: fail on unlisted members, stale
                                         paths, missing rows not allowed; --update: rewrite the
                                         table; --refresh: re-extract the member list from npm)
  cargo xtask validate-oracle            compare crates/cfn-validate with the real CloudFormation
                                         Validate engine on the goldens, a corpus and mutations";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["codegen"] => codegen(false),
        ["codegen", "--check"] => codegen(true),
        ["vendor-spec", "--wheel", path] => vendor::vendor_spec(&workspace_root(), Path::new(path)),
        ["parity", rest @ ..] => parity(rest),
        ["bench", rest @ ..] => bench::bench(&workspace_root(), rest),
        ["publish-check"] => publish_check(),
        ["api-coverage", rest @ ..] => api_coverage::api_coverage(&workspace_root(), rest),
        ["openapi-check", rest @ ..] => openapi_check::openapi_check(&workspace_root(), rest),
        ["deploy-check", rest @ ..] => deploy_check::deploy_check(&workspace_root(), rest),
        ["validate-oracle", rest @ ..] => validate_oracle::validate_oracle(&workspace_root(), rest),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the `parity` binary (a separate build, so that `codegen` never needs the L2 crates
/// to compile). A relative `--out` is taken from the current folder.
fn parity(args: &[&str]) -> Result<(), String> {
    let mut forwarded: Vec<String> = Vec::new();
    let mut out = PathBuf::from("target/parity");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match *a {
            "--out" => out = PathBuf::from(it.next().ok_or("--out needs a folder")?),
            "--only" => {
                forwarded.push("--only".into());
                forwarded.push(it.next().ok_or("--only needs case names")?.to_string());
            }
            other => return Err(format!("unknown argument '{other}'\n{USAGE}")),
        }
    }
    let out = std::env::current_dir().map_err(|e| e.to_string())?.join(out);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = std::process::Command::new(cargo)
        .current_dir(workspace_root())
        .args(["run", "--quiet", "--package", "parity", "--bin", "parity", "--", "--out"])
        .arg(&out)
        .args(&forwarded)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("some twins failed to synthesize".into())
    }
}

/// The workspace root: the parent of this crate's folder.
fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// Generates the L1 crates; with `check`, compares instead of writing.
fn codegen(check: bool) -> Result<(), String> {
    let root = workspace_root();
    let files = codegen::generate(&root).map_err(|e| e.to_string())?;
    let generated: BTreeSet<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    let on_disk = existing_files(&root)?;
    let extra: Vec<&PathBuf> = on_disk.difference(&generated).collect();

    let mut stale: Vec<String> = Vec::new();
    let mut written = 0;
    for f in &files {
        let path = root.join(&f.path);
        let current = fs::read_to_string(&path).ok();
        if current.as_deref() == Some(f.contents.as_str()) {
            continue;
        }
        if check {
            let what = if current.is_none() { "missing" } else { "differs" };
            stale.push(format!("  {} ({what})", f.path.display()));
        } else {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            fs::write(&path, &f.contents).map_err(|e| format!("{}: {e}", path.display()))?;
            written += 1;
        }
    }
    for p in &extra {
        if check {
            stale.push(format!("  {} (not generated)", p.display()));
        } else {
            let path = root.join(p);
            fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    if check {
        if stale.is_empty() {
            println!("codegen: {} generated files are up to date", files.len());
            return Ok(());
        }
        return Err(format!(
            "generated files in {} are stale:\n{}\nrun `cargo xtask codegen` to regenerate them",
            codegen::L1_DIR,
            stale.join("\n")
        ));
    }
    remove_empty_dirs(&root.join(codegen::L1_DIR));
    println!("codegen: {} files, {written} written, {} removed", files.len(), extra.len());
    Ok(())
}

/// Files under the generated crates' folders (`crates/l1/cfn-*/`), relative to `root`.
fn existing_files(root: &Path) -> Result<BTreeSet<PathBuf>, String> {
    let mut out = BTreeSet::new();
    let l1 = root.join(codegen::L1_DIR);
    let Ok(entries) = fs::read_dir(&l1) else {
        return Ok(out);
    };
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", l1.display()))?;
        let name = entry.file_name();
        if entry.path().is_dir() && name.to_string_lossy().starts_with("cfn-") {
            walk(&entry.path(), root, &mut out)?;
        }
    }
    Ok(out)
}

fn walk(dir: &Path, root: &Path, out: &mut BTreeSet<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            walk(&path, root, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            out.insert(rel.to_path_buf());
        }
    }
    Ok(())
}

/// Removes folders left empty under `dir` (crates or modules that are no longer generated).
fn remove_empty_dirs(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            remove_empty_dirs(&path);
            // Fails (and is left alone) when not empty.
            let _ = fs::remove_dir(&path);
        }
    }
}

/// Removes the sources cargo extracted from earlier runs' temporary local registries
/// (`$CARGO_HOME/registry/src/<local registry>/<crate>-<version>`): cargo does not extract a
/// package again when its folder exists, so a crate changed since would be verified against
/// its stale copy. Only folders of our own crates outside crates.io's are removed.
fn forget_extracted_packages(crates: &[String]) {
    let home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".cargo")));
    let Some(src) = home.map(|h| h.join("registry").join("src")) else { return };
    let Ok(registries) = std::fs::read_dir(&src) else { return };
    for registry in registries.flatten() {
        if registry.file_name().to_string_lossy().starts_with("index.crates.io") {
            continue;
        }
        let Ok(packages) = std::fs::read_dir(registry.path()) else { continue };
        for package in packages.flatten() {
            let name = package.file_name().to_string_lossy().into_owned();
            let ours = crates.iter().any(|c| {
                name.strip_prefix(c.as_str())
                    .and_then(|rest| rest.strip_prefix('-'))
                    .is_some_and(|v| v.starts_with(|ch: char| ch.is_ascii_digit()))
            });
            if ours {
                let _ = std::fs::remove_dir_all(package.path());
            }
        }
    }
}

/// `cargo xtask publish-check`: `cargo package` for every publishable crate of the workspace
/// (the libraries in `crates/` and `crates/l1/`; tests, examples, codegen and xtask have
/// `publish = false`), all at once, so that cargo resolves their path dependencies on each
/// other through a temporary local registry. Each package is verified (built from its
/// `.crate` file).
fn publish_check() -> Result<(), String> {
    let root = workspace_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(&cargo)
        .current_dir(&root)
        .args(["metadata", "--no-deps", "--format-version", "1"])
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let metadata: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
    let mut publishable = Vec::new();
    let mut private = Vec::new();
    for p in metadata["packages"].as_array().into_iter().flatten() {
        let name = p["name"].as_str().unwrap_or_default().to_string();
        // `publish`: null when publishable anywhere, [] when `publish = false`.
        if p["publish"].as_array().is_some_and(Vec::is_empty) {
            private.push(name);
        } else {
            publishable.push(name);
        }
    }
    publishable.sort();
    private.sort();
    println!("publishable ({}): {}", publishable.len(), publishable.join(" "));
    println!("publish = false: {}", private.join(" "));
    forget_extracted_packages(&publishable);
    let mut cmd = std::process::Command::new(&cargo);
    cmd.current_dir(&root).args(["package", "--allow-dirty"]);
    for p in &publishable {
        cmd.args(["-p", p]);
    }
    let status = cmd.status().map_err(|e| format!("cannot run cargo package: {e}"))?;
    if status.success() {
        println!("publish-check: {} crates packaged and verified", publishable.len());
        Ok(())
    } else {
        Err("cargo package failed".into())
    }
}
