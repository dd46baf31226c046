//! Base path mappings (`base-path-mapping.ts`): an `AWS::ApiGateway::BasePathMapping` that
//! routes `https://<domain>/<base path>` to a stage of an API, and the rules its base path
//! follows ([`validate_base_path`]).

use apigw_core::{ApiHandle, RestApiBase, Stage};
use cdk_core::{Construct, Error, Node, Value};
use cfn_apigateway::{CfnBasePathMapping, CfnBasePathMappingProps};

use crate::{DomainError, DomainNameReference};

/// An API as domains map to it (`IRestApiRef`): its construct, its id and its deployment
/// stage. Made from any API (`RestApiRef::from(&api)` for a `RestApi`, `SpecRestApi`, an
/// imported API, ...).
#[derive(Clone, Debug)]
pub struct RestApiRef {
    node: Node,
    handle: ApiHandle,
}

impl<T: RestApiBase + Construct> From<&T> for RestApiRef {
    fn from(api: &T) -> Self {
        RestApiRef::new(api.node().clone(), api.api_handle())
    }
}

impl RestApiRef {
    /// The API whose construct is `node` and whose handle is `handle` (what the `domain_name`
    /// prop of an API receives while the API is being defined).
    pub fn new(node: Node, handle: ApiHandle) -> Self {
        RestApiRef { node, handle }
    }

    /// The API's construct.
    pub fn node(&self) -> &Node {
        &self.node
    }

    /// The API's handle.
    pub fn handle(&self) -> &ApiHandle {
        &self.handle
    }

    /// The API id (`restApiRef.restApiId`).
    pub fn rest_api_id(&self) -> Value {
        self.handle.rest_api_id()
    }

    /// The API's deployment stage, if any (none for imported APIs or `deploy: false`).
    pub fn deployment_stage(&self) -> Option<Stage> {
        self.handle.deployment_stage()
    }
}

/// Options of a base path mapping added with
/// [`DomainName::add_base_path_mapping`](crate::DomainName::add_base_path_mapping)
/// (`BasePathMappingOptions`).
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
#[non_exhaustive]
pub struct BasePathMappingOptions {
    /// The path after the domain in callers' URLs (`example.com/<base path>`); not empty.
    /// Default: the domain's root, after which no other mapping may be added.
    #[builder(default)]
    pub base_path: Option<String>,
    /// The stage to map. Default: the API's deployment stage (see `attach_to_stage`).
    #[builder(default)]
    pub stage: Option<Stage>,
    /// Map to the API's deployment stage when no `stage` is given; with `false`, callers put
    /// the stage name in the URL. Ignored when `stage` is given. Default: true.
    #[builder(default)]
    pub attach_to_stage: Option<bool>,
}

impl BasePathMappingOptions {
    /// Starts a builder.
    pub fn builder() -> BasePathMappingOptionsBuilder {
        BasePathMappingOptionsBuilder::default()
    }
}

/// Props of a [`BasePathMapping`] (`BasePathMappingProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
#[non_exhaustive]
pub struct BasePathMappingProps {
    /// The domain (a [`DomainName`](crate::DomainName) or an import). Required.
    pub domain_name: DomainNameReference,
    /// The API to map. Required.
    pub rest_api: RestApiRef,
    /// The path after the domain in callers' URLs (`example.com/<base path>`); not empty.
    /// Default: the domain's root.
    #[builder(default)]
    pub base_path: Option<String>,
    /// The stage to map. Default: the API's deployment stage (see `attach_to_stage`).
    #[builder(default)]
    pub stage: Option<Stage>,
    /// Map to the API's deployment stage when no `stage` is given. Ignored when `stage` is
    /// given. Default: true.
    #[builder(default)]
    pub attach_to_stage: Option<bool>,
}

impl BasePathMappingProps {
    /// Starts a builder.
    pub fn builder() -> BasePathMappingPropsBuilder {
        BasePathMappingPropsBuilder::default()
    }
}

/// A base path mapping (`BasePathMapping`).
#[derive(Clone, Debug)]
pub struct BasePathMapping {
    node: Node,
    resource: CfnBasePathMapping,
}

impl Construct for BasePathMapping {
    fn node(&self) -> &Node {
        &self.node
    }
}

/// Checks a base path as `BasePathMapping` does: no leading or trailing `/`, no `//`, and
/// only letters, digits and `$-_.+!*'()/` (aws-cdk-lib's `^[a-zA-Z0-9$_.+!*'()-/]+$`, whose
/// `)-/` range also lets `,` through). An empty path is not checked (it maps the root).
/// Paths of several levels pass here; [`DomainName`](crate::DomainName) refuses them for base
/// path mappings and makes API mappings of them.
///
/// # Errors
/// [`DomainError::BasePathCannotStart`], [`DomainError::BasePathCannotMore`] or
/// [`DomainError::BasePathOnlyContain`], naming `scope_path`.
pub fn validate_base_path(scope_path: &str, base_path: &str) -> Result<(), DomainError> {
    if base_path.is_empty() {
        return Ok(());
    }
    let (path, base) = (scope_path.to_string(), base_path.to_string());
    if base_path.starts_with('/') || base_path.ends_with('/') {
        return Err(DomainError::BasePathCannotStart { path, base_path: base });
    }
    if base_path.contains("//") {
        return Err(DomainError::BasePathCannotMore { path, base_path: base });
    }
    let allowed =
        |c: char| c.is_ascii_alphanumeric() || "$_.+!*'(".contains(c) || (')'..='/').contains(&c);
    if !base_path.chars().all(allowed) {
        return Err(DomainError::BasePathOnlyContain { path, base_path: base });
    }
    Ok(())
}

impl BasePathMapping {
    /// Defines a base path mapping of `props.domain_name` to `props.rest_api`: to `stage`,
    /// else to the API's deployment stage (unless `attach_to_stage` is false), else to no
    /// stage.
    ///
    /// # Errors
    /// The errors of [`validate_base_path`] (naming `scope`); id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: BasePathMappingProps,
    ) -> Result<BasePathMapping, DomainError> {
        if let Some(base_path) = &props.base_path {
            validate_base_path(&scope.node().path(), base_path)?;
        }
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_apigateway.BasePathMapping");
        let attach_to_stage = props.attach_to_stage.unwrap_or(true);
        let stage = props
            .stage
            .or_else(|| attach_to_stage.then(|| props.rest_api.deployment_stage()).flatten());
        let mut l1 = CfnBasePathMappingProps::builder()
            .domain_name(props.domain_name.domain_name)
            .build()
            .map_err(|source| Error::Build { path: node.path(), source })?;
        l1.base_path = props.base_path.map(Value::String);
        l1.rest_api_id = Some(props.rest_api.rest_api_id());
        l1.stage = stage.map(|s| s.stage_name());
        let resource = CfnBasePathMapping::new(&node, "Resource", l1)?;
        Ok(BasePathMapping { node, resource })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnBasePathMapping {
        &self.resource
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{api, stack};
    use apigw_core::{Deployment, DeploymentProps, RestApiProps, StageOptions};

    #[test]
    fn base_path_rules() {
        let check = |p| validate_base_path("Stack/D", p).map_err(|e| e.code());
        assert_eq!(check("v1"), Ok(()));
        assert_eq!(check("a$b_(c)!*'+.-"), Ok(()));
        assert_eq!(check("a,b"), Ok(()), "the )-/ range of the regular expression");
        assert_eq!(check("orders/v1"), Ok(()), "levels are the domain's business");
        assert_eq!(check(""), Ok(()), "an empty path is not checked");
        assert_eq!(check("/v1"), Err("BasePathCannotStart"));
        assert_eq!(check("v1/"), Err("BasePathCannotStart"));
        assert_eq!(check("a//b"), Err("BasePathCannotMore"));
        assert_eq!(check("a b"), Err("BasePathOnlyContain"));
        assert_eq!(check("a~b"), Err("BasePathOnlyContain"));
        let e = validate_base_path("Stack/D", "/v1").unwrap_err();
        assert_eq!(e.to_string(), "Stack/D: A base path cannot start or end with /, received: /v1");
    }

    fn mapping(
        scope: &impl Construct,
        id: &str,
        props: BasePathMappingPropsBuilder,
    ) -> BasePathMapping {
        BasePathMapping::new(scope, id, props.build().unwrap()).unwrap()
    }

    #[test]
    fn stage_defaults_to_the_deployment_stage() {
        let (_app, stack) = stack();
        let a = api(&stack, "Api", RestApiProps::default());
        let base = || {
            BasePathMappingProps::builder()
                .domain_name(DomainNameReference::new("api.example.com"))
                .rest_api(&a)
        };
        let stage_of = |m: &BasePathMapping| format!("{:?}", m.resource().property("Stage"));
        let default = mapping(&stack, "Default", base());
        let prod = a.deployment_stage().unwrap();
        assert_eq!(stage_of(&default), format!("{:?}", Some(prod.stage_name())));
        let detached = mapping(&stack, "Detached", base().attach_to_stage(false));
        assert!(detached.resource().property("Stage").is_some_and(|v| v.is_absent()));
        let beta = Stage::new(
            &stack,
            "Beta",
            &Deployment::new(&stack, "BetaDeployment", &a, DeploymentProps::default()).unwrap(),
            StageOptions::builder().stage_name("beta").build().unwrap(),
        )
        .unwrap();
        let explicit =
            mapping(&stack, "Explicit", base().stage(beta.clone()).attach_to_stage(false));
        assert_eq!(stage_of(&explicit), format!("{:?}", Some(beta.stage_name())));
        assert_eq!(
            explicit.resource().property("DomainName"),
            Some(Value::from("api.example.com"))
        );
    }

    #[test]
    fn invalid_base_paths_name_the_scope_and_add_nothing() {
        let (_app, stack) = stack();
        let a = api(&stack, "Api", RestApiProps::default());
        let e = BasePathMapping::new(
            &stack,
            "M",
            BasePathMappingProps::builder()
                .domain_name(DomainNameReference::new("api.example.com"))
                .rest_api(&a)
                .base_path("/x")
                .build()
                .unwrap(),
        )
        .unwrap_err();
        assert_eq!((e.code(), e.path()), ("BasePathCannotStart", Some("Stack")));
        assert!(stack.node().try_find_child("M").is_none());
    }
}
