//! `cargo xtask openapi-check [--install-only] [DIR]`: validates every OpenAPI export that
//! `cargo xtask parity --out DIR` wrote (`DIR/<case>/openapi/*.json`, default
//! `target/parity`) with `openapi-spec-validator` (PyPI), pinned to [`VALIDATOR_VERSION`] and
//! installed into `target/ci-tools/venv-openapi` (a venv of `python3`; never taken from PATH).
//! Fails when a document does not validate, or when there is none to validate.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The pinned `openapi-spec-validator`.
pub const VALIDATOR_VERSION: &str = "0.9.0";

pub fn openapi_check(root: &Path, args: &[&str]) -> Result<(), String> {
    let mut dir = PathBuf::from("target/parity");
    let mut install_only = false;
    for a in args {
        match *a {
            "--install-only" => install_only = true,
            d if !d.starts_with('-') => dir = PathBuf::from(d),
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    let validator = install(root)?;
    if install_only {
        return Ok(());
    }
    let dir = std::env::current_dir().map_err(|e| e.to_string())?.join(dir);
    let files = exports(&dir)?;
    if files.is_empty() {
        return Err(format!(
            "no OpenAPI export under {}/*/openapi/ (run `cargo xtask parity --out DIR` first)",
            dir.display()
        ));
    }
    let output = Command::new(&validator)
        .args(&files)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", validator.display()))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let failures: Vec<&str> = text.lines().filter(|l| !l.ends_with(": OK")).collect();
    if !output.status.success() || !failures.is_empty() {
        return Err(format!(
            "openapi-spec-validator {VALIDATOR_VERSION} refused exports:\n{}{}",
            failures.join("\n"),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    println!("openapi-spec-validator {VALIDATOR_VERSION}: {} OpenAPI export(s) valid", files.len());
    Ok(())
}

/// The validator of the pinned version, installed into `target/ci-tools/venv-openapi` when
/// it is absent or of another version.
fn install(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join("target/ci-tools/venv-openapi");
    let validator = venv.join("bin/openapi-spec-validator");
    let installed = Command::new(&validator)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    if installed.as_deref() == Some(&format!("openapi-spec-validator {VALIDATOR_VERSION}")) {
        return Ok(validator);
    }
    let _ = std::fs::remove_dir_all(&venv);
    run(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
    run(Command::new(venv.join("bin/python")).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        &format!("openapi-spec-validator=={VALIDATOR_VERSION}"),
    ]))?;
    Ok(validator)
}

fn run(cmd: &mut Command) -> Result<(), String> {
    let status = cmd.status().map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed ({status})"))
    }
}

/// `DIR/<case>/openapi/*.json`, sorted.
fn exports(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let read = |d: &Path| std::fs::read_dir(d).map_err(|e| format!("{}: {e}", d.display()));
    let mut files = Vec::new();
    for case in read(dir)? {
        let openapi = case.map_err(|e| e.to_string())?.path().join("openapi");
        if !openapi.is_dir() {
            continue;
        }
        for f in read(&openapi)? {
            let path = f.map_err(|e| e.to_string())?.path();
            if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
