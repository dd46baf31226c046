//! # cdk-core
//!
//! The core of the Rust port of aws-cdk-lib: the construct tree, template values and tokens,
//! logical IDs, template rendering and synthesis into a cloud assembly that the `cdk` CLI
//! reads (`cdk ls --app cdk.out`, `cdk deploy --app cdk.out`). Output is byte-identical to
//! aws-cdk-lib 2.276.0 for the same app.
//!
//! ```
//! use cdk_core::{App, AppProps, CfnResource, CfnOutput, CfnOutputProps, Stack, Value, cfn_format};
//!
//! let dir = std::env::temp_dir().join("cdk-core-doctest-lib");
//! let app = App::with_props(AppProps::builder().outdir(dir.clone()).build().unwrap());
//! let stack = Stack::new(&app, "Stack").unwrap();
//! let bucket = CfnResource::new(&stack, "Bucket", "AWS::S3::Bucket", Value::Null).unwrap();
//! CfnOutput::new(&stack, "Arn", CfnOutputProps::new(cfn_format!("{}/*", bucket.get_att("Arn")))).unwrap();
//! app.synth().unwrap();
//! let template = std::fs::read_to_string(dir.join("Stack.template.json")).unwrap();
//! assert!(template.contains("\"Fn::Join\""));
//! ```
//!
//! Module map (each names the aws-cdk-lib file it ports): [`tree`] (constructs),
//! [`value`] and [`resolve`] (tokens), [`logical_id`] (`uniqueid.ts`), [`element`]
//! (`cfn-resource.ts` & co), [`template`] (`Stack._toCloudFormation`), [`stack`], [`refs`]
//! (cross-stack references), [`assets`] (fingerprints, asset manifest), [`app`] (synthesis),
//! [`tags`], [`fns`] (`Fn`, `Aws`), [`json`] (`JSON.stringify`), [`collate`]
//! (`localeCompare`), [`feature_flags`].

pub mod app;
pub mod assets;
pub mod collate;
pub mod element;
pub mod error;
pub mod feature_flags;
pub mod fns;
pub mod json;
pub mod logical_id;
pub mod refs;
pub mod resolve;
pub mod stack;
pub mod tags;
pub mod template;
pub mod tree;
pub mod value;
pub mod value_ser;

pub use app::{App, AppProps, AppPropsBuilder, CloudAssembly, Flags};
pub use assets::{add_path_asset, AssetLocation};
pub use element::{
    CfnCondition, CfnMapping, CfnOutput, CfnOutputProps, CfnParameter, CfnParameterProps,
    CfnParameterPropsBuilder, CfnResource, CfnRule, RemovalPolicy,
};
pub use error::{BuildError, Error, IntoProps};
pub use fns::{Aws, Fn};
pub use stack::{
    ArnComponents, ArnFormat, Environment, NestedStack, Stack, StackProps, StackPropsBuilder,
};
pub use tags::{TagFormat, TagProps, Tagging, Tags};
pub use tree::{Construct, Node};
pub use value::{to_value, Map, Value};

/// A hash map with a fast, non-cryptographic hasher, for maps whose hashes stay internal.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A hash set with a fast, non-cryptographic hasher.
pub(crate) type FastSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// The aws-cdk-lib version whose output this crate reproduces.
pub const CDK_VERSION: &str = "2.276.0";
/// The `constructs` version reported in `tree.json`.
pub const CONSTRUCTS_VERSION: &str = "10.8.1";
/// The cloud assembly schema version written to manifests.
pub const CLOUD_ASSEMBLY_VERSION: &str = "55.0.0";
/// The oldest `cdk` CLI that reads these assemblies.
pub const MINIMUM_CLI_VERSION: &str = "2.1148.2";
