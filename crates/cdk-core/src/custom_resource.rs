//! Custom resources backed by a stack-wide Lambda provider: [`CustomResourceProvider`] (core's
//! `CustomResourceProviderBase`: an `AWS::IAM::Role` and an `AWS::Lambda::Function` whose code
//! is a folder asset, one per stack and resource type) and [`CustomResource`]
//! (`core/lib/custom-resource.ts`).
//!
//! Construct libraries use them for the custom resources aws-cdk-lib creates on their behalf
//! (an S3 bucket's `autoDeleteObjects`, say). The handler code is aws-cdk-lib's own, vendored
//! and embedded in the library that uses it ([`CustomResourceProviderProps::code`]); it is
//! written once to a staging folder under the system's temporary directory, from which the
//! asset is hashed and copied into the cloud assembly, as aws-cdk-lib stages it from a copy.
//!
//! ```
//! use cdk_core::{
//!     App, CustomResource, CustomResourceProps, CustomResourceProvider,
//!     CustomResourceProviderProps, Stack,
//! };
//!
//! # fn main() -> Result<(), cdk_core::Error> {
//! static CODE: [(&str, &[u8]); 1] = [("index.js", b"exports.handler = async () => ({});")];
//! let app = App::new();
//! # app.skip_synth_check();
//! let stack = Stack::new(&app, "Stack")?;
//! let provider = CustomResourceProvider::get_or_create(
//!     &stack,
//!     "Custom::MyThing",
//!     CustomResourceProviderProps::builder().code(&CODE).use_cfn_response_wrapper(false),
//! )?;
//! CustomResource::new(
//!     &stack,
//!     "Thing",
//!     CustomResourceProps::builder()
//!         .service_token(provider.service_token())
//!         .resource_type("Custom::MyThing")
//!         .properties([("Size", 3)]),
//! )?;
//! # Ok(())
//! # }
//! ```

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::element::CfnResource;
use crate::{Construct, Error, Fn, IntoProps, Node, RemovalPolicy, Stack, Value};

/// `determineLatestNodeRuntimeName`: the `LATEST_NODE_RUNTIME` fact, the same in every region
/// of aws-cdk-lib 2.276.0.
pub const LATEST_NODE_RUNTIME: &str = "nodejs24.x";
/// The managed policy of a provider's role, as an `Fn::Sub` body.
const BASIC_EXECUTION_ROLE: &str =
    "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
/// The handler of the cfn-response wrapper (`__entrypoint__.handler`).
const ENTRYPOINT_HANDLER: &str = "__entrypoint__.handler";
/// The handler without the wrapper.
const INDEX_HANDLER: &str = "index.handler";

/// The files of a handler folder: `(file name, content)` pairs.
pub type HandlerFiles = &'static [(&'static str, &'static [u8])];

/// Options of a [`CustomResourceProvider`] (`CustomResourceProviderOptions`, with the code
/// folder of `CustomResourceProviderProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "crate::BuildError")
)]
#[non_exhaustive]
pub struct CustomResourceProviderProps {
    /// The files of the handler's code folder (`codeDirectory`), usually `include_bytes!` of
    /// a vendored copy of aws-cdk-lib's handler; with the cfn-response wrapper, its
    /// `__entrypoint__.js` is one of them.
    #[builder(setter(into = false))]
    pub code: HandlerFiles,
    /// Whether the handler runs behind aws-cdk-lib's cfn-response wrapper
    /// (`useCfnResponseWrapper`): the function's handler is then `__entrypoint__.handler`,
    /// else `index.handler`. Default: `true`.
    #[builder(default = "true")]
    pub use_cfn_response_wrapper: bool,
    /// The function's description. Default: none.
    #[builder(default)]
    pub description: Option<Value>,
}
crate::impl_props!(CustomResourceProviderProps, CustomResourceProviderPropsBuilder);

/// The stack-wide provider of a custom resource type (`CustomResourceProviderBase`): the
/// construct `<type>CustomResourceProvider` at the stack's root, holding the handler's `Role`
/// and `Handler` function.
#[derive(Clone, Debug)]
pub struct CustomResourceProvider {
    node: Node,
    role: CfnResource,
    handler: CfnResource,
}

impl Construct for CustomResourceProvider {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl CustomResourceProvider {
    /// The provider of `resource_type` in the stack of `scope` (`getOrCreateProvider`),
    /// created with `props` on first use; later calls return it as it is.
    ///
    /// # Errors
    /// A builder error naming the provider's path; [`Error::InvalidArgument`] when the stack
    /// holds another construct with the provider's id; [`Error::Asset`] when the code cannot
    /// be staged; id errors from the tree.
    pub fn get_or_create(
        scope: &impl Construct,
        resource_type: &str,
        props: impl IntoProps<CustomResourceProviderProps>,
    ) -> Result<CustomResourceProvider, Error> {
        let stack = scope.node().stack()?;
        let id = format!("{resource_type}CustomResourceProvider");
        match stack.node().try_find_child(&id) {
            Some(existing) => {
                let child = |name: &str| {
                    existing.try_find_child(name).and_then(|n| CfnResource::from_node(&n))
                };
                match (child("Role"), child("Handler")) {
                    (Some(role), Some(handler)) => {
                        Ok(CustomResourceProvider { node: existing, role, handler })
                    }
                    _ => Err(Error::InvalidArgument {
                        path: existing.path(),
                        message: format!(
                            "'{id}' exists in the stack but is not a custom resource provider"
                        ),
                    }),
                }
            }
            None => {
                let props = props.into_props_at(&stack.node().child_path(&id))?;
                Self::create(&stack, &id, props)
            }
        }
    }

    fn create(
        stack: &Stack,
        id: &str,
        props: CustomResourceProviderProps,
    ) -> Result<CustomResourceProvider, Error> {
        let node = stack.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.CustomResourceProviderBase");
        let path = node.path();
        let folder = staged_folder(props.code).map_err(|e| Error::Asset {
            path: path.clone(),
            file: std::env::temp_dir().display().to_string(),
            reason: format!("cannot stage the custom resource handler code: {e}"),
        })?;
        // `new AssetStaging(this, 'Staging', ...)`
        node.add_child("Staging")?;
        let asset = crate::add_path_asset(&node, &folder, Some(format!("{path} Code")))?;
        let role = CfnResource::new(
            &node,
            "Role",
            "AWS::IAM::Role",
            Value::object([
                (
                    "AssumeRolePolicyDocument",
                    Value::object([
                        ("Version", Value::from("2012-10-17")),
                        (
                            "Statement",
                            Value::array([Value::object([
                                ("Action", Value::from("sts:AssumeRole")),
                                ("Effect", Value::from("Allow")),
                                ("Principal", Value::object([("Service", "lambda.amazonaws.com")])),
                            ])]),
                        ),
                    ]),
                ),
                ("ManagedPolicyArns", Value::array([Fn::sub(BASIC_EXECUTION_ROLE)])),
                // rendered by `add_to_role_policy`; absent while there are no statements
                ("Policies", Value::absent()),
            ]),
        )?;
        let handler_name =
            if props.use_cfn_response_wrapper { ENTRYPOINT_HANDLER } else { INDEX_HANDLER };
        let handler = CfnResource::new(
            &node,
            "Handler",
            "AWS::Lambda::Function",
            Value::object([
                (
                    "Code",
                    Value::object([("S3Bucket", asset.bucket_name), ("S3Key", asset.object_key)]),
                ),
                ("Timeout", Value::from(900)),
                ("MemorySize", Value::from(128)),
                ("Handler", Value::from(handler_name)),
                ("Role", role.get_att("Arn")),
                ("Runtime", Value::from(LATEST_NODE_RUNTIME)),
                ("Environment", Value::absent()),
                ("Description", props.description.unwrap_or_else(Value::absent)),
            ]),
        )?;
        handler.add_dependency(&role);
        crate::assets::add_asset_metadata(&handler, &asset.asset_path, "Code", None);
        Ok(CustomResourceProvider { node, role, handler })
    }

    /// `serviceToken`: the handler's ARN, the `ServiceToken` of its custom resources.
    pub fn service_token(&self) -> Value {
        self.handler.get_att("Arn")
    }

    /// `roleArn`: the ARN of the handler's role.
    pub fn role_arn(&self) -> Value {
        self.role.get_att("Arn")
    }

    /// `addToRolePolicy`: appends a statement (its rendered JSON) to the role's `Inline`
    /// policy.
    pub fn add_to_role_policy(&self, statement: Value) {
        let mut statements = self
            .role
            .property("Policies")
            .and_then(|p| {
                p.as_array()?
                    .first()?
                    .as_object()?
                    .get("PolicyDocument")?
                    .as_object()?
                    .get("Statement")?
                    .as_array()
                    .cloned()
            })
            .unwrap_or_default();
        statements.push(statement);
        self.role.set_property(
            "Policies",
            Value::array([Value::object([
                ("PolicyName", Value::from("Inline")),
                (
                    "PolicyDocument",
                    Value::object([
                        ("Version", Value::from("2012-10-17")),
                        ("Statement", Value::Array(statements)),
                    ]),
                ),
            ])]),
        );
    }
}

/// The resource type of a custom resource without a `Custom::` type of its own.
const DEFAULT_RESOURCE_TYPE: &str = "AWS::CloudFormation::CustomResource";

/// Options of a [`CustomResource`] (`CustomResourceProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "crate::BuildError")
)]
#[non_exhaustive]
pub struct CustomResourceProps {
    /// The ARN of the provider (a Lambda function or an SNS topic) that handles the
    /// resource's events, such as [`CustomResourceProvider::service_token`]. Required.
    pub service_token: Value,
    /// The resource type: `Custom::` and a name of letters, digits, `_`, `@` and `-`, at most
    /// 60 characters in all. Default: `AWS::CloudFormation::CustomResource`.
    #[builder(default)]
    pub resource_type: Option<String>,
    /// The properties passed to the provider, rendered after `ServiceToken` in the order
    /// given. Default: none.
    #[builder(default, setter(custom))]
    pub properties: crate::Map,
    /// What happens to the resource when it leaves the stack. Default:
    /// [`RemovalPolicy::Destroy`].
    #[builder(default)]
    pub removal_policy: Option<RemovalPolicy>,
}
crate::impl_props!(CustomResourceProps, CustomResourcePropsBuilder);

impl CustomResourcePropsBuilder {
    /// The properties passed to the provider, as `(key, value)` pairs, after those given
    /// before. Default: none.
    pub fn properties<K: Into<String>, V: Into<Value>>(
        mut self,
        properties: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let map = self.properties.get_or_insert_with(crate::Map::new);
        map.extend(properties.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }
}

/// A custom resource (`CustomResource`): a `Default` resource under its construct, whose
/// `ServiceToken` is its provider's, deleted with the stack unless told otherwise.
#[derive(Clone, Debug)]
pub struct CustomResource {
    node: Node,
    resource: CfnResource,
}

impl Construct for CustomResource {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl CustomResource {
    /// Defines a custom resource; `props` is a [`CustomResourceProps`] or its unfinished
    /// builder.
    ///
    /// # Errors
    /// A builder error naming the resource's path; [`Error::InvalidArgument`] (CDK's
    /// messages) for a type that does not begin with `Custom::`, is longer than 60
    /// characters, or whose name has other characters than letters, digits, `_`, `@` and `-`;
    /// id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<CustomResourceProps>,
    ) -> Result<CustomResource, Error> {
        let path = scope.node().child_path(id);
        let props = props.into_props_at(&path)?;
        let resource_type = props.resource_type.as_deref().unwrap_or(DEFAULT_RESOURCE_TYPE);
        check_resource_type(resource_type)
            .map_err(|message| Error::InvalidArgument { path, message })?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.CustomResource");
        let mut rendered = crate::Map::new();
        rendered.insert("ServiceToken".into(), props.service_token);
        rendered.insert("ServiceTimeout".into(), Value::absent());
        rendered.extend(props.properties);
        let resource = CfnResource::new(&node, "Default", resource_type, Value::Object(rendered))?;
        resource.apply_removal_policy(props.removal_policy.unwrap_or(RemovalPolicy::Destroy));
        Ok(CustomResource { node, resource })
    }

    /// The `Default` resource.
    pub fn resource(&self) -> &CfnResource {
        &self.resource
    }

    /// `ref`: the resource's physical id.
    pub fn ref_(&self) -> Value {
        self.resource.ref_()
    }

    /// `getAtt`: an attribute of the resource.
    pub fn get_att(&self, attribute: &str) -> Value {
        self.resource.get_att(attribute)
    }
}

/// `renderResourceType`'s checks of a type other than the default.
fn check_resource_type(resource_type: &str) -> Result<(), String> {
    if resource_type == DEFAULT_RESOURCE_TYPE {
        return Ok(());
    }
    let Some(name) = resource_type.strip_prefix("Custom::") else {
        return Err(format!("Custom resource type must begin with \"Custom::\" ({resource_type})"));
    };
    if resource_type.len() > 60 {
        return Err(format!("Custom resource type length > 60 ({resource_type})"));
    }
    let valid = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '@' | '-');
    if name.is_empty() || !name.chars().all(valid) {
        return Err(format!(
            "Custom resource type name can only include alphanumeric characters and _@- \
             ({resource_type})"
        ));
    }
    Ok(())
}

/// A staging folder holding exactly `files`, under the system's temporary directory and named
/// after their content, written once (atomically, by renaming a private folder).
fn staged_folder(files: HandlerFiles) -> std::io::Result<PathBuf> {
    let mut content = Vec::new();
    for (name, bytes) in files {
        content.extend_from_slice(name.as_bytes());
        content.push(0);
        content.extend_from_slice(bytes);
        content.push(0);
    }
    let digest = crate::assets::sha256_hex(&content);
    let base = std::env::temp_dir();
    let folder = base.join(format!("cdk-custom-resource-handler-{}", &digest[..16]));
    if holds_exactly(&folder, files) {
        return Ok(folder);
    }
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let private = base.join(format!(
        "cdk-custom-resource-handler-{}.{}-{}.tmp",
        &digest[..16],
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&private);
    std::fs::create_dir_all(&private)?;
    for (name, bytes) in files {
        std::fs::write(private.join(name), bytes)?;
    }
    match std::fs::rename(&private, &folder) {
        Ok(()) => Ok(folder),
        // another process won the race, or a stale folder is in the way: use theirs if it is
        // right, else keep the private copy
        Err(_) if holds_exactly(&folder, files) => {
            let _ = std::fs::remove_dir_all(&private);
            Ok(folder)
        }
        Err(_) => Ok(private),
    }
}

/// Whether `folder` holds exactly `files` (nothing more: every file is hashed).
fn holds_exactly(folder: &Path, files: HandlerFiles) -> bool {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return false;
    };
    entries.count() == files.len()
        && files.iter().all(|(name, bytes)| {
            std::fs::read(folder.join(name)).is_ok_and(|content| content == *bytes)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::App;

    static CODE: [(&str, &[u8]); 2] =
        [("__entrypoint__.js", b"// wrapper"), ("index.js", b"exports.handler = 1;")];

    fn props() -> CustomResourceProviderPropsBuilder {
        CustomResourceProviderProps::builder().code(&CODE)
    }

    #[test]
    fn provider_is_a_singleton_per_stack_and_type() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let a = CustomResourceProvider::get_or_create(&stack, "Custom::A", props()).unwrap();
        let again = CustomResourceProvider::get_or_create(&stack, "Custom::A", props()).unwrap();
        CustomResourceProvider::get_or_create(&stack, "Custom::B", props()).unwrap();
        assert_eq!(a.node().path(), "Stack/Custom::ACustomResourceProvider");
        assert_eq!(again.node().path(), a.node().path());
        a.add_to_role_policy(Value::object([("Effect", "Allow")]));
        again.add_to_role_policy(Value::object([("Effect", "Deny")]));
        let policies = a.role.property("Policies").unwrap();
        let document = policies.as_array().unwrap()[0].as_object().unwrap()["PolicyDocument"]
            .as_object()
            .unwrap()
            .clone();
        assert_eq!(document["Statement"].as_array().unwrap().len(), 2);
        let providers = stack
            .node()
            .children()
            .iter()
            .filter(|c| c.id().ends_with("CustomResourceProvider"))
            .count();
        assert_eq!(providers, 2);
    }

    #[test]
    fn handler_name_follows_the_wrapper_option() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let wrapped = CustomResourceProvider::get_or_create(&stack, "Custom::A", props()).unwrap();
        let plain = CustomResourceProvider::get_or_create(
            &stack,
            "Custom::B",
            props().use_cfn_response_wrapper(false).description("plain"),
        )
        .unwrap();
        assert_eq!(wrapped.handler.property("Handler"), Some(Value::from(ENTRYPOINT_HANDLER)));
        assert_eq!(plain.handler.property("Handler"), Some(Value::from(INDEX_HANDLER)));
        assert_eq!(plain.handler.property("Description"), Some(Value::from("plain")));
    }

    #[test]
    fn staged_folder_holds_the_files_and_is_reused() {
        let folder = staged_folder(&CODE).unwrap();
        assert!(holds_exactly(&folder, &CODE));
        assert_eq!(staged_folder(&CODE).unwrap(), folder);
    }

    #[test]
    fn a_foreign_construct_with_the_provider_id_is_refused() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        stack.node().add_child("Custom::ACustomResourceProvider").unwrap();
        let err = CustomResourceProvider::get_or_create(&stack, "Custom::A", props()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Stack/Custom::ACustomResourceProvider: 'Custom::ACustomResourceProvider' exists in \
             the stack but is not a custom resource provider"
        );
    }

    #[test]
    fn custom_resource_renders_its_token_and_properties() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let props = CustomResourceProps::builder()
            .service_token("arn")
            .resource_type("Custom::Thing")
            .properties([("Size", 3)]);
        let custom = CustomResource::new(&stack, "Thing", props).unwrap();
        assert_eq!(custom.resource().property("ServiceToken"), Some(Value::from("arn")));
        assert_eq!(custom.resource().property("Size"), Some(Value::from(3)));
        assert_eq!(custom.resource().resource_type(), "Custom::Thing");
        let plain = CustomResourceProps::builder().service_token("arn");
        let plain = CustomResource::new(&stack, "Plain", plain).unwrap();
        assert_eq!(plain.resource().resource_type(), "AWS::CloudFormation::CustomResource");
    }

    #[test]
    fn custom_resource_types_are_checked() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let message = |t: &str| {
            let props = CustomResourceProps::builder().service_token("arn").resource_type(t);
            CustomResource::new(&stack, "R", props).unwrap_err().to_string()
        };
        assert_eq!(
            message("AWS::S3::Bucket"),
            "Stack/R: Custom resource type must begin with \"Custom::\" (AWS::S3::Bucket)"
        );
        assert!(message(&format!("Custom::{}", "a".repeat(60))).contains("length > 60"));
        assert!(message("Custom::a b").contains("can only include"));
    }
}
