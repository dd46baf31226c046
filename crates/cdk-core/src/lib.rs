#![doc = include_str!("../docs/guide.md")]

pub mod app;
pub mod assets;
pub mod collate;
pub mod custom_resource;
pub mod element;
pub mod error;
pub mod feature_flags;
pub mod fns;
mod ignore;
pub mod json;
pub mod logical_id;
pub mod map_entries;
pub mod physical_name;
pub mod refs;
pub mod region_info;
pub mod resolve;
pub mod size;
pub mod stack;
pub mod tags;
pub mod template;
pub mod tree;
mod tree_view;
pub mod validations;
pub mod value;
pub mod value_ser;

pub use app::{App, AppProps, AppPropsBuilder, CloudAssembly, Flags};
pub use assets::{add_path_asset, add_path_asset_excluding, AssetLocation};
pub use custom_resource::{
    CustomResource, CustomResourceProps, CustomResourcePropsBuilder, CustomResourceProvider,
    CustomResourceProviderProps, CustomResourceProviderPropsBuilder,
};
pub use element::{
    CfnCondition, CfnMapping, CfnOutput, CfnOutputProps, CfnOutputPropsBuilder, CfnParameter,
    CfnParameterProps, CfnParameterPropsBuilder, CfnResource, CfnRule, FromNode, NestedSchema,
    PropertySchema, RemovalPolicy,
};
pub use error::{BuildError, Error, IntoProps};
pub use fns::{Aws, Fn};
pub use physical_name::{PhysicalName, ResourcePhysicalName};
pub use size::{Size, SizeRoundingBehavior};
pub use stack::{
    ArnComponents, ArnFormat, Environment, NestedStack, NestedStackProps, NestedStackPropsBuilder,
    Stack, StackProps, StackPropsBuilder,
};
pub use tags::{TagFormat, TagProps, TagPropsBuilder, Tagging, Tags};
pub use tree::{Construct, Node};
pub use validations::Validations;
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
