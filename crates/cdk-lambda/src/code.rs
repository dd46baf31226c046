//! The deployment package of a function (`aws-lambda/lib/code.ts`): inline source
//! (`InlineCode`), a local file or directory staged as an asset (`AssetCode`), or an object
//! already in S3 (`S3Code`).

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use cdk_core::{BuildError, CfnResource, Construct, Error, Node, Value};
use cdk_s3_assets::{Asset, AssetOptions, AssetProps};
use cfn_lambda::function::Code as CfnCode;

/// Extensions of files that are archives already (`ARCHIVE_EXTENSIONS` of `asset-staging.ts`).
const ARCHIVE_EXTENSIONS: [&str; 5] = [".tar.gz", ".zip", ".jar", ".tar", ".tgz"];

/// The code of a Lambda function (`lambda.Code`).
///
/// Cloning an asset code shares its asset: functions of one stack given the same code use
/// one asset (the first function's `Code` child), as in aws-cdk-lib.
///
/// ```
/// use cdk_lambda::Code;
/// let code = Code::from_inline("exports.handler = async () => 'hi';");
/// assert!(code.is_inline());
/// ```
#[derive(Clone, Debug)]
pub struct Code {
    kind: CodeKind,
}

#[derive(Clone, Debug)]
enum CodeKind {
    Inline(Value),
    Asset { path: PathBuf, exclude: Vec<String>, asset: Rc<RefCell<Option<Asset>>> },
    Bucket { bucket_name: Value, key: Value, object_version: Option<Value> },
}

impl Code {
    /// Inline source (`Code.fromInline`), rendered as `Code.ZipFile`: a string, or one with
    /// tokens in it (a [`Value::concat`] of text and references, rendered as `Fn::Join`, as a
    /// CDK template literal with tokens is). Only runtimes that support inline code take it,
    /// and it may not be empty; [`crate::Function::new`] checks both.
    ///
    /// ```
    /// use cdk_core::{Aws, Value};
    /// use cdk_lambda::Code;
    /// let code = Code::from_inline(Value::concat([
    ///     Value::from("const region = '"),
    ///     Aws::region(),
    ///     Value::from("';"),
    /// ]));
    /// assert!(code.is_inline());
    /// ```
    pub fn from_inline(source: impl Into<Value>) -> Code {
        Code { kind: CodeKind::Inline(source.into()) }
    }

    /// A local directory (zipped) or archive file (`.zip`, `.jar`, ...), staged as an asset
    /// (`Code.fromAsset`): an `s3_assets.Asset` with id `Code` under the function, rendered
    /// as `Code.S3Bucket` / `Code.S3Key`.
    pub fn from_asset(path: impl Into<PathBuf>) -> Code {
        Code {
            kind: CodeKind::Asset { path: path.into(), exclude: Vec::new(), asset: Rc::default() },
        }
    }

    /// [`from_asset`](Self::from_asset) with the asset's options (`Code.fromAsset(path,
    /// options)`): an [`AssetOptions`] or its unfinished builder, such as
    /// `AssetOptions::builder().exclude(["*.ts"])` to leave files out of the zip and its hash.
    ///
    /// ```
    /// use cdk_lambda::Code;
    /// use cdk_s3_assets::AssetOptions;
    /// let code = Code::from_asset_with("lambda", AssetOptions::builder().exclude(["*.ts"]))?;
    /// assert!(!code.is_inline());
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// A builder error from finishing `options`.
    pub fn from_asset_with(
        path: impl Into<PathBuf>,
        options: impl cdk_core::IntoProps<AssetOptions>,
    ) -> Result<Code, Error> {
        let options = options.into_props()?;
        Ok(Code {
            kind: CodeKind::Asset {
                path: path.into(),
                exclude: options.exclude,
                asset: Rc::default(),
            },
        })
    }

    /// An object already in S3 (`Code.fromBucket`): the bucket's name (a literal or a token
    /// such as a bucket's `Ref`), the object key and, optionally, its version.
    pub fn from_bucket(
        bucket_name: impl Into<Value>,
        key: impl Into<Value>,
        object_version: impl Into<Option<Value>>,
    ) -> Code {
        let object_version = object_version.into();
        Code {
            kind: CodeKind::Bucket {
                bucket_name: bucket_name.into(),
                key: key.into(),
                object_version,
            },
        }
    }

    /// Whether this is inline code.
    pub fn is_inline(&self) -> bool {
        matches!(self.kind, CodeKind::Inline(_))
    }

    /// The asset behind an asset code, once a function has used it.
    pub fn asset(&self) -> Option<Asset> {
        match &self.kind {
            CodeKind::Asset { asset, .. } => asset.borrow().clone(),
            _ => None,
        }
    }

    /// Local checks (`InlineCode`'s constructor): inline code may not be empty.
    pub(crate) fn validate(&self) -> Result<(), BuildError> {
        match &self.kind {
            CodeKind::Inline(s) if s.as_str() == Some("") => {
                Err(BuildError::invalid_field("code", "Lambda inline code cannot be empty"))
            }
            _ => Ok(()),
        }
    }

    /// The checks of `bind` that can be made before the function exists, so that a refused
    /// code leaves no half-built function behind: an asset already used in another stack, or
    /// a path that is neither a directory nor an archive. `path` is the function's path.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `path`; [`Error::NoStack`] outside a stack.
    pub(crate) fn check(&self, scope: &Node, path: &str) -> Result<(), Error> {
        let CodeKind::Asset { path: file, asset, .. } = &self.kind else {
            return Ok(());
        };
        if let Some(asset) = asset.borrow().as_ref() {
            let asset_stack = asset.node().stack()?;
            if !asset_stack.node().same(scope.stack()?.node()) {
                return Err(Error::InvalidArgument {
                    path: path.to_string(),
                    message: format!(
                        "Asset is already associated with another stack '{}'. Create a new Code instance for every stack.",
                        asset_stack.stack_name()
                    ),
                });
            }
        }
        // A path that cannot be read is reported by the asset itself.
        if let Ok(meta) = std::fs::metadata(file) {
            if !(meta.is_dir() || is_archive_file(file)) {
                return Err(not_an_archive(path, file));
            }
        }
        Ok(())
    }

    /// `bind`: the function's `Code` property; creates the asset (id `Code` under `scope`)
    /// on first use.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the asset belongs to another stack or is neither a
    /// directory nor an archive; asset errors when the path cannot be read.
    pub(crate) fn bind(&self, scope: &Node) -> Result<Value, Error> {
        let mut code = CfnCode::default();
        match &self.kind {
            CodeKind::Inline(source) => code.zip_file = Some(source.clone()),
            CodeKind::Bucket { bucket_name, key, object_version } => {
                code.s3_bucket = Some(bucket_name.clone());
                code.s3_key = Some(key.clone());
                code.s3_object_version = object_version.clone();
            }
            CodeKind::Asset { path, exclude, asset } => {
                let asset = bind_asset(scope, path, exclude, asset)?;
                code.s3_bucket = Some(asset.s3_bucket_name());
                code.s3_key = Some(asset.s3_object_key());
            }
        }
        Ok(Value::from(code))
    }

    /// `bindToResource`: tells tools which property of the function holds the asset.
    pub(crate) fn bind_to_resource(&self, resource: &CfnResource) {
        if let Some(asset) = self.asset() {
            asset.add_resource_metadata(resource, "Code");
        }
    }
}

fn bind_asset(
    scope: &Node,
    path: &Path,
    exclude: &[String],
    slot: &Rc<RefCell<Option<Asset>>>,
) -> Result<Asset, Error> {
    let existing = slot.borrow().clone();
    let asset = match existing {
        Some(asset) => asset,
        None => {
            let props = AssetProps::builder().path(path).exclude(exclude.iter().cloned());
            let asset = Asset::new(scope, "Code", props)?;
            *slot.borrow_mut() = Some(asset.clone());
            asset
        }
    };
    if !(asset.is_zip_archive() || is_archive_file(path)) {
        return Err(not_an_archive(&scope.path(), path));
    }
    Ok(asset)
}

fn not_an_archive(path: &str, file: &Path) -> Error {
    Error::InvalidArgument {
        path: path.to_string(),
        message: format!("Asset must be a .zip file or a directory ({})", file.display()),
    }
}

/// Whether a file is an archive by its name (`AssetStaging.isArchive` for files).
fn is_archive_file(path: &Path) -> bool {
    let name = path.to_string_lossy().to_lowercase();
    ARCHIVE_EXTENSIONS.iter().any(|e| name.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::Construct;

    #[test]
    fn empty_inline_code_is_refused() {
        let err = Code::from_inline("").validate().unwrap_err();
        assert!(err.message().contains("Lambda inline code cannot be empty"));
        assert!(Code::from_inline("x").validate().is_ok());
    }

    #[test]
    fn inline_code_with_tokens_renders_as_a_join() -> Result<(), Error> {
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack")?;
        let source =
            Value::concat([Value::from("const r = '"), cdk_core::Aws::region(), Value::from("';")]);
        let code = Code::from_inline(source);
        assert!(code.validate().is_ok());
        let props = crate::FunctionProps::builder()
            .runtime(crate::Runtime::NODEJS_20_X)
            .handler("index.handler")
            .code(code);
        crate::Function::new(&stack, "F", props)?;
        let template = stack.synthesize_template()?;
        let resources = template["Resources"].as_object().cloned().unwrap_or_default();
        let function = resources.values().find(|r| r["Type"] == "AWS::Lambda::Function");
        assert_eq!(
            function.map(|f| f["Properties"]["Code"]["ZipFile"].clone()).unwrap_or_default(),
            serde_json::json!({ "Fn::Join": ["", ["const r = '", { "Ref": "AWS::Region" }, "';"]] })
        );
        Ok(())
    }

    #[test]
    fn excluded_files_are_neither_hashed_nor_staged() -> Result<(), Error> {
        let base = std::env::temp_dir().join("cdk-lambda-code-exclude");
        let _ = std::fs::remove_dir_all(&base);
        let (with_ts, plain) = (base.join("with-ts"), base.join("plain"));
        for dir in [&with_ts, &plain] {
            std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
            std::fs::write(dir.join("index.js"), "exports.handler = 1;\n")
                .map_err(|e| io(dir, e))?;
        }
        std::fs::write(with_ts.join("index.ts"), "export const x = 1;\n")
            .map_err(|e| io(&with_ts, e))?;
        let out = base.join("cdk.out");
        let app = cdk_core::App::with_props(cdk_core::AppProps::builder().outdir(out.clone()));
        let stack = cdk_core::Stack::new(&app, "Stack")?;
        let function = |id: &str, code: Code| -> Result<String, Error> {
            let props = crate::FunctionProps::builder()
                .runtime(crate::Runtime::NODEJS_20_X)
                .handler("index.handler")
                .code(code.clone());
            crate::Function::new(&stack, id, props)?;
            Ok(code.asset().map(|a| a.asset_path()).unwrap_or_default())
        };
        let excluded = function(
            "Excluded",
            Code::from_asset_with(&with_ts, AssetOptions::builder().exclude(["*.ts"]))?,
        )?;
        let whole = function("Whole", Code::from_asset(&with_ts))?;
        let plain_path = function("Plain", Code::from_asset(&plain))?;
        assert_eq!(excluded, plain_path);
        assert_ne!(excluded, whole);
        app.synth()?;
        assert!(out.join(&excluded).join("index.js").is_file());
        assert!(!out.join(&excluded).join("index.ts").exists());
        assert!(out.join(&whole).join("index.ts").is_file());
        Ok(())
    }

    fn io(dir: &Path, e: std::io::Error) -> Error {
        Error::Io { dir: dir.display().to_string(), reason: e.to_string() }
    }

    #[test]
    fn archive_extensions() {
        assert!(is_archive_file(Path::new("a/b.ZIP")));
        assert!(is_archive_file(Path::new("b.tar.gz")));
        assert!(!is_archive_file(Path::new("b.js")));
    }

    #[test]
    fn bucket_code_renders_s3_location() {
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let code = Code::from_bucket("b", "k.zip", Some("v1".into()));
        let v = code.bind(stack.node()).unwrap();
        let keys: Vec<_> =
            v.as_object().unwrap().iter().filter(|(_, v)| !v.is_absent()).map(|(k, _)| k).collect();
        assert_eq!(keys, ["S3Bucket", "S3Key", "S3ObjectVersion"]);
    }
}
