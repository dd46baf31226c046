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
use crate::ignore::GlobIgnore;
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
    /// The `exclude` patterns of a staged directory (see [`crate::ignore`]).
    pub exclude: Vec<String>,
    /// Path of the construct that added the asset (for errors).
    pub owner: String,
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
/// (default options: no extra hash, symlinks followed when they point outside, links inside
/// kept as links, `.is_custom_resource` excluded). Link loops end where aws-cdk-lib's walk
/// ends them: a followed directory already being walked is not entered again.
///
/// # Errors
/// I/O errors reading the files; a followed link to something neither a file nor a
/// directory.
pub fn fingerprint(path: &Path) -> std::io::Result<String> {
    fingerprint_excluding(path, &[])
}

/// [`fingerprint`] of a directory without what its `exclude` patterns match (aws-cdk-lib's
/// `exclude` option, glob mode: see [`add_path_asset_excluding`]).
///
/// # Errors
/// As [`fingerprint`].
pub fn fingerprint_excluding(path: &Path, exclude: &[String]) -> std::io::Result<String> {
    let mut h = Sha256::new();
    hash_field(&mut h, "options.extra", "");
    hash_field(&mut h, "options.follow", "external");
    let root = std::fs::canonicalize(path)?;
    if std::fs::metadata(&root)?.is_dir() {
        let ignore = GlobIgnore::new(&root, exclude);
        walk_directory(&root, &root, &ignore, &mut |entry| {
            match entry {
                WalkEntry::Directory { .. } => {}
                WalkEntry::File { path, real } => {
                    let key = format!("file:{}", relative(&root, path));
                    hash_field(&mut h, &key, &content_fingerprint(real)?);
                }
                WalkEntry::Symlink { path, link_target, resolved, internal } => {
                    let target = if internal && link_target.is_absolute() {
                        relative(&root, resolved)
                    } else {
                        link_target.to_string_lossy().into_owned()
                    };
                    hash_field(&mut h, &format!("link:{}", relative(&root, path)), &target);
                }
            }
            Ok(())
        })?;
    } else {
        hash_field(&mut h, "file:", &content_fingerprint(&root)?);
    }
    Ok(hex(&h.finalize()))
}

/// What [`walk_directory`] meets: `path` is where the entry appears below the walked folder
/// (through followed links), `real` where it is on disk.
enum WalkEntry<'a> {
    Directory { path: &'a Path },
    File { path: &'a Path, real: &'a Path },
    Symlink { path: &'a Path, link_target: &'a Path, resolved: &'a Path, internal: bool },
}

/// `walkDirectory` of `core/lib/fs/utils.ts` in `follow: EXTERNAL` mode: entries sorted by
/// name (UTF-16 order), links that stay inside `root` reported as links, links that leave it
/// followed, a directory already on the walk's path (by its canonical path) not entered
/// again. Iterative, so a deep tree cannot overflow the stack.
fn walk_directory(
    directory: &Path,
    root: &Path,
    ignore: &GlobIgnore,
    visit: &mut dyn FnMut(WalkEntry<'_>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let ignored = |path: &Path| ignore.ignores(path);
    let canonical_root = real_path_or_self(root);
    // (symbolic path, real path, canonical path, entries left) per open directory; the
    // canonical paths of the open directories are the walk's ancestors.
    type Frame = (PathBuf, PathBuf, PathBuf, std::vec::IntoIter<(String, std::fs::FileType)>);
    let mut stack: Vec<Frame> = Vec::new();
    let open = |symbolic: PathBuf, real: PathBuf, canonical: PathBuf| -> std::io::Result<Frame> {
        let mut entries = Vec::new();
        for e in std::fs::read_dir(&real)? {
            let e = e?;
            entries.push((e.file_name().to_string_lossy().into_owned(), e.file_type()?));
        }
        entries.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
        Ok((symbolic, real, canonical, entries.into_iter()))
    };
    stack.push(open(
        directory.to_path_buf(),
        directory.to_path_buf(),
        real_path_or_self(directory),
    )?);
    // A directory to enter: skipped when it is one of the open ones (a link loop).
    let enter = |stack: &mut Vec<Frame>,
                 symbolic: PathBuf,
                 real: PathBuf,
                 canonical: PathBuf,
                 visit: &mut dyn FnMut(WalkEntry<'_>) -> std::io::Result<()>|
     -> std::io::Result<()> {
        if ignored(&symbolic) {
            return Ok(());
        }
        visit(WalkEntry::Directory { path: &symbolic })?;
        if stack.iter().any(|f| f.2 == canonical) {
            return Ok(());
        }
        let frame = open(symbolic, real, canonical)?;
        stack.push(frame);
        Ok(())
    };
    while let Some(frame) = stack.last_mut() {
        let Some((name, file_type)) = frame.3.next() else {
            stack.pop();
            continue;
        };
        let child = frame.0.join(&name);
        let child_real = frame.1.join(&name);
        let child_canonical = frame.2.join(&name);
        if file_type.is_symlink() {
            let link_target = std::fs::read_link(&child_real)?;
            let resolved = canonical_link_target(&resolve_link_target(&child_real, &link_target));
            let internal = is_internal_path(&canonical_root, &resolved);
            // EXTERNAL: only links that leave the root are followed.
            let stats = if internal { None } else { std::fs::metadata(&resolved).ok() };
            match stats {
                None => {
                    if !ignored(&child) {
                        visit(WalkEntry::Symlink {
                            path: &child,
                            link_target: &link_target,
                            resolved: &resolved,
                            internal,
                        })?;
                    }
                }
                Some(m) if m.is_dir() => {
                    let canonical = real_path_or_self(&resolved);
                    enter(&mut stack, child, resolved, canonical, visit)?;
                }
                Some(m) if m.is_file() => {
                    if !ignored(&child) {
                        visit(WalkEntry::File { path: &child, real: &resolved })?;
                    }
                }
                Some(_) => {
                    return Err(std::io::Error::other(format!(
                        "Unable to hash {}: it is neither a file nor a directory",
                        child.display()
                    )));
                }
            }
        } else if file_type.is_dir() {
            enter(&mut stack, child, child_real, child_canonical, visit)?;
        } else if file_type.is_file() && !ignored(&child) {
            visit(WalkEntry::File { path: &child, real: &child_real })?;
        }
    }
    Ok(())
}

/// `fs.realpathSync`, or the path itself when it cannot be resolved.
fn real_path_or_self(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// `path.resolve`: absolute, with `.` and `..` folded lexically.
fn resolve_path(base: &Path, p: &Path) -> PathBuf {
    use std::path::Component;
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        let base = if base.is_absolute() {
            base.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(base)
        };
        base.join(p)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `resolveLinkTarget`: the target of a link at `real`, absolute.
fn resolve_link_target(real: &Path, link_target: &Path) -> PathBuf {
    match real.parent() {
        Some(dir) => resolve_path(dir, link_target),
        None => resolve_path(Path::new("/"), link_target),
    }
}

/// `canonicalLinkTarget`: the folder of `target` made canonical, its last part kept (a link
/// to a link is not resolved further).
fn canonical_link_target(target: &Path) -> PathBuf {
    match (target.parent(), target.file_name()) {
        (Some(dir), Some(name)) => real_path_or_self(dir).join(name),
        _ => target.to_path_buf(),
    }
}

/// `isInternalPath`: `target` is `root` or below it.
fn is_internal_path(root: &Path, target: &Path) -> bool {
    let (r, t) = (root.to_string_lossy(), target.to_string_lossy());
    r == t || t.starts_with(&format!("{r}{}", std::path::MAIN_SEPARATOR))
}

/// `path.relative(from, to)` with `/` separators (both absolute and normalized).
fn relative(from: &Path, to: &Path) -> String {
    let f: Vec<_> = from.components().collect();
    let t: Vec<_> = to.components().collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); f.len() - common];
    parts.extend(t[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    parts.join("/")
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
    target.update(move |d| {
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
    add_path_asset_excluding(scope, source, display_name, &[])
}

/// [`add_path_asset`] with aws-cdk-lib's `exclude` option (`AssetOptions.exclude`, the
/// default glob mode): the files and folders of a directory that the patterns match are
/// neither hashed nor staged. Patterns are minimatch globs relative to the directory, a
/// pattern without `/` matching any path's last segment (`*.ts`), a later `!pattern`
/// including again what an earlier one excluded.
///
/// # Errors
/// As [`add_path_asset`].
pub fn add_path_asset_excluding(
    scope: &impl Construct,
    source: &Path,
    display_name: impl Into<Option<String>>,
    exclude: &[String],
) -> Result<AssetLocation, Error> {
    let display_name = display_name.into();
    let stack = scope.node().stack()?;
    let err = |e: std::io::Error| Error::Asset {
        path: scope.node().path(),
        file: source.display().to_string(),
        reason: e.to_string(),
    };
    let absolute = resolve_path(Path::new("."), source);
    // `fs.existsSync`: a broken link is missing too.
    if !absolute.exists() {
        return Err(Error::AssetNotFound {
            path: scope.node().path(),
            file: absolute.display().to_string(),
        });
    }
    let hash = fingerprint_excluding(source, exclude).map_err(err)?;
    let is_dir = source.is_dir();
    // The staged copy keeps the source's extension, a directory's too (`asset.<hash>.handler`
    // for a folder `integ.cors.handler`), as aws-cdk-lib's `getExtension` does.
    let ext = staged_extension(source);
    let (path, packaging, object_key) = if is_dir {
        (format!("asset.{hash}{ext}"), Packaging::Zip, format!("{hash}.zip"))
    } else {
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
            exclude: exclude.to_vec(),
            owner: scope.node().path(),
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

/// Copies a staged asset into the assembly: a file, or a directory as `copyDirectory` does
/// (links inside the folder copied as links, pointing at the copy; links leaving it
/// followed; the walk of [`fingerprint`], so loops end the same way).
pub(crate) fn stage(from: &Path, to: &Path, exclude: &[String]) -> std::io::Result<()> {
    if to.exists() {
        return Ok(());
    }
    let src = resolve_path(Path::new("."), from);
    if !std::fs::metadata(&src)?.is_dir() {
        return std::fs::copy(&src, to).map(|_| ());
    }
    std::fs::create_dir_all(to)?;
    let canonical_src = std::fs::canonicalize(&src)?;
    let dest = resolve_path(Path::new("."), to);
    let destination = |p: &Path| dest.join(p.strip_prefix(&src).unwrap_or(p));
    let ignore = GlobIgnore::new(&src, exclude);
    walk_directory(&src, &src, &ignore, &mut |entry| match entry {
        WalkEntry::Directory { path } => std::fs::create_dir_all(destination(path)),
        WalkEntry::File { path, real } => {
            let d = destination(path);
            if let Some(parent) = d.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::copy(real, d).map(|_| ())
        }
        WalkEntry::Symlink { path, link_target, resolved, .. } => {
            let d = destination(path);
            if let Some(parent) = d.parent() {
                std::fs::create_dir_all(parent)?;
            }
            let text = if is_internal_path(&canonical_src, resolved) {
                let copied = dest.join(resolved.strip_prefix(&canonical_src).unwrap_or(resolved));
                let rel = relative(d.parent().unwrap_or(&dest), &copied);
                PathBuf::from(if rel.is_empty() { ".".to_string() } else { rel })
            } else {
                link_target.to_path_buf()
            };
            symlink(&text, &d)
        }
    })
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other(format!(
        "cannot copy the symbolic link {} -> {}: links are only copied on Unix",
        link.display(),
        target.display()
    )))
}

/// The error of staging `source` for the construct at `owner`: [`Error::AssetNotFound`]
/// when the source is gone, else [`Error::Asset`] naming the source (not the copy).
pub(crate) fn source_error(owner: &str, source: &Path, e: std::io::Error) -> Error {
    let absolute = resolve_path(Path::new("."), source);
    if !absolute.exists() {
        return Error::AssetNotFound {
            path: owner.to_string(),
            file: absolute.display().to_string(),
        };
    }
    Error::Asset {
        path: owner.to_string(),
        file: source.display().to_string(),
        reason: e.to_string(),
    }
}

/// SHA-256 hex of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}
