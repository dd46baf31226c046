//! Generator of the CloudFormation L1 crates in `crates/l1/` from the registry schemas
//! vendored in `cfn-spec/`. Run it with `cargo xtask codegen` (`--check` in CI).
//!
//! Like aws-cdk-lib's spec2cdk it is split in two: [`model`] decides what to emit (resources,
//! properties, nested types, enums, attributes, tagging) from the schemas, and [`emit`] writes
//! that model as Rust tokens with `quote`; [`format`](mod@format) runs rustfmt and turns doc attributes into
//! comments, and [`docs`] makes schema descriptions safe for rustdoc. [`naming`] holds the
//! CloudFormation-to-Rust naming rules and [`spec`] reads the vendored files.
//!
//! One crate per service namespace (`AWS::S3` -> `cfn-s3`), one module per resource type
//! (`AWS::S3::Bucket` -> `cfn_s3::bucket`, re-exporting `CfnBucket` and `CfnBucketProps` at
//! the crate root).

pub mod docs;
pub mod emit;
pub mod format;
pub mod model;
pub mod naming;
pub mod spec;
pub mod validation;

use std::fmt;
use std::path::{Path, PathBuf};

/// The vendored specification, relative to the workspace root.
pub const SPEC_DIR: &str = "cfn-spec";

/// The generated crates, relative to the workspace root.
pub const L1_DIR: &str = "crates/l1";

/// One generated file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the workspace root (`crates/l1/cfn-s3/src/bucket.rs`).
    pub path: PathBuf,
    /// The full contents.
    pub contents: String,
}

/// A generator failure, with a message naming the file or schema involved.
#[derive(Debug)]
pub struct Error(String);

impl Error {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Error(message.into())
    }

    /// An I/O error on `path`.
    pub fn io(path: &Path, e: std::io::Error) -> Self {
        Error(format!("{}: {e}", path.display()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// Reads `cfn-spec/` under `workspace` and returns every file of `crates/l1/`, sorted by path.
///
/// # Errors
/// When the spec cannot be read or modelled, or rustfmt fails.
pub fn generate(workspace: &Path) -> Result<Vec<GeneratedFile>, Error> {
    let spec_dir = workspace.join(SPEC_DIR);
    let types = spec::read_types(&spec_dir)?;
    let schemas = types
        .into_iter()
        .map(|t| {
            let schema = spec::read_schema(&spec_dir, &t)?;
            Ok((t, schema))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let services = model::services(&schemas)?;
    let tables = validation::tables(&schemas)?;

    // (path, tokens) for every Rust file; formatting (rustfmt) runs on a few threads.
    let mut files: Vec<GeneratedFile> = Vec::new();
    let mut rust: Vec<(PathBuf, proc_macro2::TokenStream)> = Vec::new();
    for svc in &services {
        let dir = Path::new(L1_DIR).join(&svc.crate_name);
        files.push(GeneratedFile { path: dir.join("Cargo.toml"), contents: emit::cargo_toml(svc) });
        rust.push((dir.join("src/lib.rs"), emit::lib_rs(svc)));
        for r in &svc.resources {
            rust.push((dir.join("src").join(format!("{}.rs", r.module)), emit::resource_rs(r)));
        }
    }
    // Token streams are not Send; format their text.
    let texts: Vec<(PathBuf, String)> = rust.into_iter().map(|(p, t)| (p, t.to_string())).collect();
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, 8);
    let chunk = texts.len().div_ceil(threads).max(1);
    let results: Vec<Result<Vec<GeneratedFile>, Error>> = std::thread::scope(|s| {
        let handles: Vec<_> = texts
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|(path, text)| {
                            let contents = format::rust_text(text, workspace)
                                .map_err(|e| Error::new(format!("{}: {e}", path.display())))?;
                            Ok(GeneratedFile { path: path.clone(), contents })
                        })
                        .collect::<Result<Vec<_>, Error>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(Error::new("formatting thread panicked"))))
            .collect()
    });
    for r in results {
        files.extend(r?);
    }
    files.push(tables);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
