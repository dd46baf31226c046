//! # cdk-s3-assets
//!
//! File and directory assets (`aws-cdk-lib/aws-s3-assets`, `asset.ts`): a local file or
//! folder staged into the cloud assembly as `asset.<hash>[.ext]`, listed in the stack's asset
//! manifest and published by the `cdk` CLI to the bootstrap bucket. The hash is aws-cdk-lib's
//! source fingerprint, so it equals the one aws-cdk-lib computes for the same content.
//!
//! ```
//! use cdk_core::{App, Stack};
//! use cdk_s3_assets::{Asset, AssetProps};
//! let dir = std::env::temp_dir().join("cdk-s3-assets-doctest");
//! std::fs::create_dir_all(&dir).unwrap();
//! std::fs::write(dir.join("x.json"), "{}").unwrap();
//! let app = App::new();
//! # app.skip_synth_check();
//! let stack = Stack::new(&app, "Stack")?;
//! let asset = Asset::new(&stack, "File", AssetProps::builder().path(dir.join("x.json")))?;
//! assert_eq!(asset.asset_hash().len(), 64);
//! # Ok::<(), cdk_core::Error>(())
//! ```

use std::path::PathBuf;

use cdk_core::{
    add_path_asset_excluding, AssetLocation, CfnResource, Construct, Error, Node, Value,
};

/// Options of an [`Asset`] (CDK's `AssetProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct AssetProps {
    /// The file or directory. Required.
    pub path: PathBuf,
    /// The name shown by the CLI. Default: the construct path below its stack.
    #[builder(default)]
    pub display_name: Option<String>,
    /// Glob patterns of files and folders of a directory to leave out of the asset, hash
    /// included (`exclude`, glob ignore mode: `*.ts` matches any `.ts` file, a later
    /// `!pattern` includes again). Default: none.
    #[builder(default, setter(custom))]
    pub exclude: Vec<String>,
}
cdk_core::impl_props!(AssetProps, AssetPropsBuilder);

impl AssetPropsBuilder {
    /// Glob patterns of files and folders to leave out (`exclude`).
    pub fn exclude<S: Into<String>>(mut self, patterns: impl IntoIterator<Item = S>) -> Self {
        self.exclude = Some(patterns.into_iter().map(Into::into).collect());
        self
    }
}

/// The options of an asset that other constructs stage for you (CDK's `s3_assets.AssetOptions`,
/// the part this port covers), as `lambda.Code.fromAsset(path, options)` takes them.
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct AssetOptions {
    /// Glob patterns of files and folders of a directory to leave out of the asset, hash
    /// included (`exclude`; see [`AssetPropsBuilder::exclude`]). Default: none.
    #[builder(default, setter(custom))]
    pub exclude: Vec<String>,
}
cdk_core::impl_props!(AssetOptions, AssetOptionsBuilder);

impl AssetOptionsBuilder {
    /// Glob patterns of files and folders to leave out (`exclude`).
    pub fn exclude<S: Into<String>>(mut self, patterns: impl IntoIterator<Item = S>) -> Self {
        self.exclude = Some(patterns.into_iter().map(Into::into).collect());
        self
    }
}

/// A file or directory asset (`s3_assets.Asset`).
#[derive(Clone, Debug)]
pub struct Asset {
    node: Node,
    location: AssetLocation,
}

impl Construct for Asset {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Asset {
    /// Stages the path as an asset of the scope's stack.
    ///
    /// # Errors
    /// [`Error::Asset`] when the path cannot be read; [`Error::NoStack`] outside a stack.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<AssetProps>,
    ) -> Result<Asset, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_s3_assets.Asset");
        let display =
            props.display_name.unwrap_or_else(|| cdk_core::app::stack_relative_path(&node));
        let location = add_path_asset_excluding(&node, &props.path, Some(display), &props.exclude)?;
        Ok(Asset { node, location })
    }

    /// The source hash.
    pub fn asset_hash(&self) -> String {
        self.location.source_hash.clone()
    }

    /// The staged path relative to the cloud assembly.
    pub fn asset_path(&self) -> String {
        self.location.asset_path.clone()
    }

    /// The bucket the asset is published to.
    pub fn s3_bucket_name(&self) -> Value {
        self.location.bucket_name.clone()
    }

    /// The object key (`<hash>.json`, `<hash>.zip`).
    pub fn s3_object_key(&self) -> Value {
        self.location.object_key.clone()
    }

    /// `s3://bucket/key`.
    pub fn s3_object_url(&self) -> Value {
        self.location.s3_object_url.clone()
    }

    /// `https://s3.<region>.<suffix>/bucket/key`.
    pub fn http_url(&self) -> Value {
        self.location.http_url.clone()
    }

    /// Whether the asset is a zipped directory.
    pub fn is_zip_archive(&self) -> bool {
        self.location.is_zip
    }

    /// `addResourceMetadata`: tells tools (SAM) which property of `resource` holds this asset.
    pub fn add_resource_metadata(&self, resource: &CfnResource, property: &str) {
        cdk_core::assets::add_asset_metadata(
            resource,
            &self.location.asset_path,
            property,
            Some(false),
        );
    }
}
