//! File and directory assets: fingerprints, staging names, asset manifest entries and the
//! locations the default synthesizer gives them.
//!
//! Ports `core/lib/fs/fingerprint.ts` (the source hash), `core/lib/asset-staging.ts` (the
//! staged name `asset.<hash><ext>`) and the file half of
//! `core/lib/stack-synthesizers/{default-synthesizer,asset-manifest-builder}.ts`.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::fns::Fn;
use crate::logical_id::hex;
use crate::tree::Construct;
use crate::value::Value;
use crate::{CfnResource, Stack};

/// The bootstrap qualifier of the default synthesizer.
pub const DEFAULT_QUALIFIER: &str = "hnb659fds";
/// Bucket of file assets (before specialization).
pub const FILE_ASSETS_BUCKET_NAME: &str =
    "cdk-${Qualifier}-assets-${AWS::AccountId}-${AWS::Region}";
/// Role that publishes file assets.
pub const FILE_ASSET_PUBLISHING_ROLE_ARN: &str = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-${Qualifier}-file-publishing-role-${AWS::AccountId}-${AWS::Region}";

/// How an asset is uploaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Packaging {
    /// The file as it is.
    File,
    /// A directory, zipped at publishing.
    Zip,
}

impl Packaging {
    fn as_str(self) -> &'static str {
        match self {
            Packaging::File => "file",
            Packaging::Zip => "zip",
        }
    }
}

/// One entry of a stack's asset manifest.
#[derive(Clone, Debug)]
pub(crate) struct AssetEntry {
    pub source_hash: String,
    /// Path relative to the cloud assembly.
    pub path: String,
    pub packaging: Packaging,
    pub display_name: Option<String>,
    pub object_key: String,
    /// What to copy into the assembly: a file or directory to stage (none for templates,
    /// which synthesis writes itself).
    pub stage_from: Option<PathBuf>,
}

/// The result of adding a file asset: where it lands and how templates refer to it.
#[derive(Clone, Debug)]
pub struct AssetLocation {
    /// The source hash (`assetHash`).
    pub source_hash: String,
    /// Path of the staged copy relative to the cloud assembly (`asset.<hash>.json`).
    pub asset_path: String,
    /// `{"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}` (or a literal).
    pub bucket_name: Value,
    /// `<hash><ext>` or `<hash>.zip`.
    pub object_key: Value,
    /// `https://s3.<region>.<suffix>/<bucket>/<key>`.
    pub http_url: Value,
    /// `s3://<bucket>/<key>`.
    pub s3_object_url: Value,
    /// Whether the asset is a zip of a directory.
    pub is_zip: bool,
}

fn hash_field(h: &mut Sha256, header: &str, value: &str) {
    h.update([1u8]);
    h.update(header.as_bytes());
    h.update([2u8]);
    h.update(value.as_bytes());
    h.update([3u8]);
}

/// `contentFingerprint`: `<size>:<sha256>` of a file, text files with CRLF folded to LF.
fn content_fingerprint(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    let first = &bytes[..bytes.len().min(8192)];
    let data: std::borrow::Cow<'_, [u8]> = if first.contains(&0) {
        bytes.as_slice().into()
    } else {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
                continue;
            }
            out.push(bytes[i]);
            i += 1;
        }
        out.into()
    };
    Ok(format!("{}:{}", data.len(), hex(&Sha256::digest(&data))))
}

/// The source fingerprint of a file or directory, as aws-cdk-lib computes asset hashes
/// (default options: no extra hash, symlinks followed when they point outside, `.is_custom_resource`
/// excluded).
///
/// # Errors
/// I/O errors reading the files.
pub fn fingerprint(path: &Path) -> std::io::Result<String> {
    let mut h = Sha256::new();
    hash_field(&mut h, "options.extra", "");
    hash_field(&mut h, "options.follow", "external");
    let root = std::fs::canonicalize(path)?;
    if root.is_dir() {
        walk(&root, &root, &mut h)?;
    } else {
        hash_field(&mut h, "file:", &content_fingerprint(&root)?);
    }
    Ok(hex(&h.finalize()))
}

fn walk(root: &Path, dir: &Path, h: &mut Sha256) -> std::io::Result<()> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    // JavaScript `<` on strings: UTF-16 code units (byte order for ASCII).
    names.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
    for name in names {
        if name == ".is_custom_resource" {
            continue;
        }
        let p = dir.join(&name);
        let rel = p
            .strip_prefix(root)
            .map(|r| r.to_string_lossy().replace('\\', "/"))
            .unwrap_or_else(|_| name.clone());
        let meta = std::fs::symlink_metadata(&p)?;
        if meta.file_type().is_symlink() {
            let target = std::fs::canonicalize(&p)?;
            if target.starts_with(root) {
                let link = std::fs::read_link(&p)?;
                hash_field(h, &format!("link:{rel}"), &link.to_string_lossy());
                continue;
            }
            if target.is_dir() {
                walk_external(&rel, &target, h)?;
            } else {
                hash_field(h, &format!("file:{rel}"), &content_fingerprint(&target)?);
            }
        } else if meta.is_dir() {
            walk(root, &p, h)?;
        } else {
            hash_field(h, &format!("file:{rel}"), &content_fingerprint(&p)?);
        }
    }
    Ok(())
}

fn walk_external(prefix: &str, dir: &Path, h: &mut Sha256) -> std::io::Result<()> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
    for name in names {
        let p = dir.join(&name);
        let rel = format!("{prefix}/{name}");
        if p.is_dir() {
            walk_external(&rel, &p, h)?;
        } else {
            hash_field(h, &format!("file:{rel}"), &content_fingerprint(&p)?);
        }
    }
    Ok(())
}

/// The extension of a staged file: a known archive suffix, else the file's extension.
fn staged_extension(path: &Path) -> String {
    let lower = path.to_string_lossy().to_lowercase();
    for ext in [".tar.gz", ".zip", ".jar", ".tar", ".tgz"] {
        if lower.ends_with(ext) {
            return ext.into();
        }
    }
    path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default()
}

/// `${Qualifier}`, and the account and region when the stack's environment sets them.
pub(crate) fn specialize(stack: &Stack, s: &str) -> String {
    let env = stack.environment();
    let mut out = s.replace("${Qualifier}", DEFAULT_QUALIFIER);
    if let Some(r) = &env.region {
        out = out.replace("${AWS::Region}", r);
    }
    if let Some(a) = &env.account {
        out = out.replace("${AWS::AccountId}", a);
    }
    out
}

fn cfnify(s: String) -> Value {
    if s.contains("${") {
        Fn::sub(s)
    } else {
        Value::String(s)
    }
}

/// The top-level stack whose synthesizer publishes a stack's assets (nested stacks forward
/// to their parents).
pub(crate) fn deployment_stack(stack: &Stack) -> Stack {
    let mut s = stack.clone();
    while s.is_nested() {
        match s.node().scope().and_then(|p| p.stack().ok()) {
            Some(p) => s = p,
            None => break,
        }
    }
    s
}

/// Registers an asset with the stack's synthesizer and returns its location.
pub(crate) fn add_file_asset(stack: &Stack, mut entry: AssetEntry) -> AssetLocation {
    let target = deployment_stack(stack);
    let bucket = specialize(&target, FILE_ASSETS_BUCKET_NAME);
    let object_key = entry.object_key.clone();
    let is_zip = entry.packaging == Packaging::Zip;
    let region = match target.environment().region {
        Some(r) => r,
        None => "${AWS::Region}".into(),
    };
    let http = format!("https://s3.{region}.${{AWS::URLSuffix}}/{bucket}/{object_key}");
    let location = AssetLocation {
        source_hash: entry.source_hash.clone(),
        asset_path: entry.path.clone(),
        bucket_name: cfnify(bucket.clone()),
        object_key: cfnify(object_key.clone()),
        http_url: cfnify(http),
        s3_object_url: cfnify(format!("s3://{bucket}/{object_key}")),
        is_zip,
    };
    entry.object_key = object_key;
    target.with_data_mut(|d| {
        if !d.assets.iter().any(|a| a.source_hash == entry.source_hash) {
            d.assets.push(entry)
        }
    });
    location
}

/// Stages a file or directory as an asset of the construct's stack.
///
/// # Errors
/// [`Error::Asset`] when the path cannot be read.
pub fn add_path_asset(
    scope: &impl Construct,
    source: &Path,
    display_name: impl Into<Option<String>>,
) -> Result<AssetLocation, Error> {
    let display_name = display_name.into();
    let stack = scope.node().stack()?;
    let err = |e: std::io::Error| Error::Asset {
        path: scope.node().path(),
        file: source.display().to_string(),
        reason: e.to_string(),
    };
    let hash = fingerprint(source).map_err(err)?;
    let is_dir = source.is_dir();
    let (path, packaging, object_key) = if is_dir {
        (format!("asset.{hash}"), Packaging::Zip, format!("{hash}.zip"))
    } else {
        let ext = staged_extension(source);
        let plain_ext =
            source.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
        (format!("asset.{hash}{ext}"), Packaging::File, format!("{hash}{plain_ext}"))
    };
    Ok(add_file_asset(
        &stack,
        AssetEntry {
            source_hash: hash,
            path,
            packaging,
            display_name,
            object_key,
            stage_from: Some(source.to_path_buf()),
        },
    ))
}

/// Tells tools (SAM) which property of `resource` holds the asset staged as `asset_path`:
/// `aws:asset:path`, then `aws:asset:is-bundled` when given, then `aws:asset:property`, as
/// aws-cdk-lib writes them; nothing when the `aws:cdk:enable-asset-metadata` context is off
/// (it is on unless [`AppProps::cli_metadata`](crate::AppProps::cli_metadata) is false).
///
/// ```
/// use cdk_core::{assets::add_asset_metadata, App, AppProps, CfnResource, Stack, Value};
/// let props = Value::object([("Handler", Value::from("index.handler"))]);
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let f = CfnResource::new(&stack, "Fn", "AWS::Lambda::Function", props.clone())?;
/// add_asset_metadata(&f, "asset.abc", "Code", false);
/// assert_eq!(f.metadata("aws:asset:path"), Some(Value::from("asset.abc")));
/// assert_eq!(f.metadata("aws:asset:is-bundled"), Some(Value::from(false)));
/// assert_eq!(f.metadata("aws:asset:property"), Some(Value::from("Code")));
///
/// let quiet = App::with_props(AppProps::builder().cli_metadata(false));
/// let stack = Stack::new(&quiet, "Stack")?;
/// let f = CfnResource::new(&stack, "Fn", "AWS::Lambda::Function", props)?;
/// add_asset_metadata(&f, "asset.abc", "Code", None);
/// assert_eq!(f.metadata("aws:asset:path"), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_asset_metadata(
    resource: &CfnResource,
    asset_path: &str,
    property: &str,
    is_bundled: impl Into<Option<bool>>,
) {
    let is_bundled = is_bundled.into();
    if !resource.node().feature_flag(crate::feature_flags::ASSET_RESOURCE_METADATA_ENABLED) {
        return;
    }
    resource.add_metadata("aws:asset:path", asset_path);
    if let Some(b) = is_bundled {
        resource.add_metadata("aws:asset:is-bundled", b);
    }
    resource.add_metadata("aws:asset:property", property);
}

/// `https://s3.<region>.<suffix>/<bucket>/<hash>.json` of a nested stack template, from the
/// parent's point of view (what its `TemplateURL` holds).
pub(crate) fn template_url(parent: &Stack, hash: &str) -> Value {
    let target = deployment_stack(parent);
    let bucket = cfnify(specialize(&target, FILE_ASSETS_BUCKET_NAME));
    Value::concat([
        Value::from("https://s3."),
        parent.region(),
        Value::from("."),
        parent.url_suffix(),
        Value::from("/"),
        bucket,
        Value::from(format!("/{hash}.json")),
    ])
}

/// The asset manifest (`<Stack>.assets.json`) of a top-level stack.
pub(crate) fn asset_manifest(stack: &Stack, entries: &[AssetEntry]) -> Value {
    use crate::value::Map;
    let env = stack.environment();
    let env_name = format!(
        "{}-{}",
        env.account.as_deref().unwrap_or("current_account"),
        env.region.as_deref().unwrap_or("current_region")
    );
    let bucket = specialize(stack, FILE_ASSETS_BUCKET_NAME);
    let role = specialize(stack, FILE_ASSET_PUBLISHING_ROLE_ARN);
    let mut files = Map::new();
    for e in entries {
        let mut dest = Map::new();
        dest.insert("bucketName".into(), Value::String(bucket.clone()));
        dest.insert("objectKey".into(), Value::String(e.object_key.clone()));
        if let Some(r) = &env.region {
            dest.insert("region".into(), Value::String(r.clone()));
        }
        dest.insert("assumeRoleArn".into(), Value::String(role.clone()));
        let dest = Value::Object(dest);
        let dest_hash = hex(&Sha256::digest(crate::json::to_json_string(&dest, 0).as_bytes()));
        let mut entry = Map::new();
        if let Some(d) = &e.display_name {
            entry.insert("displayName".into(), Value::String(d.clone()));
        }
        entry.insert(
            "source".into(),
            Value::object([
                ("path", Value::String(e.path.clone())),
                ("packaging", Value::from(e.packaging.as_str())),
            ]),
        );
        entry.insert(
            "destinations".into(),
            Value::object([(format!("{env_name}-{}", &dest_hash[..8]), dest)]),
        );
        files.insert(e.source_hash.clone(), Value::Object(entry));
    }
    Value::object([
        ("version", Value::from(crate::CLOUD_ASSEMBLY_VERSION)),
        ("files", Value::Object(files)),
        ("dockerImages", Value::Object(Map::new())),
    ])
}

/// Copies a staged asset into the assembly (a file, or a directory recursively).
pub(crate) fn stage(from: &Path, to: &Path) -> std::io::Result<()> {
    if to.exists() {
        return Ok(());
    }
    if from.is_dir() {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            if entry.file_name() == ".is_custom_resource" {
                continue;
            }
            stage(&entry.path(), &to.join(entry.file_name()))?;
        }
        Ok(())
    } else {
        std::fs::copy(from, to).map(|_| ())
    }
}

/// SHA-256 hex of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}
