//! Base path mappings (`base-path-mapping.ts`): an `AWS::ApiGateway::BasePathMapping` that
//! routes `https://<domain>/<base path>` to a stage of an API, and the rules its base path
//! follows ([`validate_base_path`]).

use apigw_core::{ApiHandle, IRestApi, Stage, StageReference};
use cdk_core::{Construct, IntoProps, Node, Value};
use cfn_apigateway::{CfnBasePathMapping, CfnBasePathMappingProps};

use crate::{DomainError, DomainNameReference};

/// An API as domains map to it (`IRestApiRef`): its construct, its id and its deployment
/// stage. Made from any API ([`IRestApi`]: `RestApiRef::from(&api)` for a `RestApi`,
/// `SpecRestApi`, `LambdaRestApi`, `StepFunctionsRestApi`, an imported API, ...), which is
/// what setters and methods taking an API accept (`.rest_api(&api)`).
#[derive(Clone, Debug)]
pub struct RestApiRef {
    node: Node,
    handle: ApiHandle,
}

impl<T: IRestApi + ?Sized> From<&T> for RestApiRef {
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

    /// The API's deployment stage (`deploymentStage`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`](cdk_core::Error::InvalidArgument) naming the API when it has
    /// none (`deploy: false`, or an imported API), as aws-cdk-lib's getter throws.
    pub fn deployment_stage(&self) -> Result<Stage, cdk_core::Error> {
        self.handle.deployment_stage()
    }
}

/// Options of a base path mapping added with
/// [`DomainName::add_base_path_mapping`](crate::DomainName::add_base_path_mapping)
/// (`BasePathMappingOptions`).
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct BasePathMappingOptions {
    /// The path after the domain in callers' URLs (`example.com/<base path>`); not empty.
    /// Default: the domain's root, after which no other mapping may be added.
    #[builder(default)]
    pub base_path: Option<String>,
    /// The stage to map. Default: the API's deployment stage (see `attach_to_stage`).
    #[builder(default, setter(custom))]
    pub stage: Option<StageReference>,
    /// Map to the API's deployment stage when no `stage` is given; with `false`, callers put
    /// the stage name in the URL. Ignored when `stage` is given. Default: true.
    #[builder(default)]
    pub attach_to_stage: Option<bool>,
}

cdk_core::impl_props!(BasePathMappingOptions, BasePathMappingOptionsBuilder);

impl BasePathMappingOptionsBuilder {
    /// The stage to map (`stage`): any stage ([`IStage`](apigw_core::IStage): `&stage`, an
    /// imported stage). Default: the API's deployment stage (see `attach_to_stage`).
    pub fn stage(mut self, stage: &impl apigw_core::IStage) -> Self {
        self.stage = Some(Some(StageReference::from(stage)));
        self
    }
}

/// Props of a [`BasePathMapping`] (`BasePathMappingProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
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
    #[builder(default, setter(custom))]
    pub stage: Option<StageReference>,
    /// Map to the API's deployment stage when no `stage` is given. Ignored when `stage` is
    /// given. Default: true.
    #[builder(default)]
    pub attach_to_stage: Option<bool>,
}

cdk_core::impl_props!(BasePathMappingProps, BasePathMappingPropsBuilder);

impl BasePathMappingPropsBuilder {
    /// The stage to map (`stage`): any stage ([`IStage`](apigw_core::IStage): `&stage`, an
    /// imported stage). Default: the API's deployment stage (see `attach_to_stage`).
    pub fn stage(mut self, stage: &impl apigw_core::IStage) -> Self {
        self.stage = Some(Some(StageReference::from(stage)));
        self
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

/// A synth-time check of ours (`APIGW-14`, `apigw_core::Check::DuplicateBasePath`): when the
/// app is synthesized, no earlier `AWS::ApiGateway::BasePathMapping` of the app maps the same
/// domain (the same literal name, or the same reference) and base path as `mapping`.
/// `DomainName::add_base_path_mapping` refuses a second mapping already (aws-cdk-lib's
/// error); this catches those made with [`BasePathMapping::new`].
fn check_unique_base_path(mapping: &CfnBasePathMapping) {
    let mapping = (**mapping).clone();
    let node = mapping.node().clone();
    node.clone().add_validation(move || {
        let key = |r: &cdk_core::CfnResource| {
            let domain = r.property("DomainName").filter(|v| !v.is_absent());
            let base = r.property("BasePath").filter(|v| !v.is_absent());
            (domain, base)
        };
        let (domain, base) = key(&mapping);
        if domain.is_none() || base.as_ref().is_some_and(Value::is_unresolved) {
            return Vec::new();
        }
        let mut root = node.clone();
        while let Some(parent) = root.scope() {
            root = parent;
        }
        for other in root.find_all() {
            if other.same(&node) {
                return Vec::new();
            }
            let Some(r) = cdk_core::CfnResource::from_node(&other) else { continue };
            if r.resource_type() == "AWS::ApiGateway::BasePathMapping"
                && key(&r) == (domain.clone(), base.clone())
            {
                let base = base.as_ref().and_then(Value::as_str).unwrap_or("(none: the domain's root)");
                return vec![apigw_core::Check::DuplicateBasePath.message(
                    &format!("base path '{base}' of the domain is mapped by '{}' already", other.path()),
                    "a custom domain maps each base path once (CreateBasePathMapping: ConflictException)",
                    "give the mappings different base paths, or remove one",
                )];
            }
        }
        Vec::new()
    });
}

impl BasePathMapping {
    /// Defines a base path mapping of `props.domain_name` to `props.rest_api`: to `stage`,
    /// else to the API's deployment stage (unless `attach_to_stage` is false), else to no
    /// stage. `props` is the props or their unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the new construct's path; the errors of
    /// [`validate_base_path`] (naming `scope`); id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<BasePathMappingProps>,
    ) -> Result<BasePathMapping, DomainError> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        if let Some(base_path) = &props.base_path {
            validate_base_path(&scope.node().path(), base_path)?;
        }
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_apigateway.BasePathMapping");
        let attach_to_stage = props.attach_to_stage.unwrap_or(true);
        let stage_name = match props.stage {
            Some(stage) => Some(stage.stage_name),
            None if attach_to_stage => Some(props.rest_api.deployment_stage()?.stage_name()),
            None => None,
        };
        let mut l1 = CfnBasePathMappingProps::builder()
            .domain_name(props.domain_name.domain_name)
            .rest_api_id(props.rest_api.rest_api_id());
        if let Some(base_path) = props.base_path {
            l1 = l1.base_path(base_path);
        }
        if let Some(stage_name) = stage_name {
            l1 = l1.stage(stage_name);
        }
        let resource = CfnBasePathMapping::new(&node, "Resource", l1)?;
        check_unique_base_path(&resource);
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
    use crate::test_support::TestResult;
    use crate::test_support::{api, stack};
    use apigw_core::{Deployment, DeploymentProps, RestApiProps, StageOptions};

    #[test]
    fn base_path_rules() -> TestResult {
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
        Ok(())
    }

    fn mapping(
        scope: &impl Construct,
        id: &str,
        props: BasePathMappingPropsBuilder,
    ) -> Result<BasePathMapping, DomainError> {
        BasePathMapping::new(scope, id, props)
    }

    #[test]
    fn stage_defaults_to_the_deployment_stage() -> TestResult {
        let (_app, stack) = stack()?;
        let a = api(&stack, "Api", RestApiProps::default())?;
        let base = || {
            BasePathMappingProps::builder()
                .domain_name(DomainNameReference::new("api.example.com"))
                .rest_api(&a)
        };
        let stage_of = |m: &BasePathMapping| format!("{:?}", m.resource().property("Stage"));
        let default = mapping(&stack, "Default", base())?;
        let prod = a.deployment_stage()?;
        assert_eq!(stage_of(&default), format!("{:?}", Some(prod.stage_name())));
        let detached = mapping(&stack, "Detached", base().attach_to_stage(false))?;
        assert!(detached.resource().property("Stage").is_some_and(|v| v.is_absent()));
        let beta = Stage::new(
            &stack,
            "Beta",
            &Deployment::new(&stack, "BetaDeployment", &a, DeploymentProps::default())?,
            StageOptions::builder().stage_name("beta"),
        )?;
        let explicit = mapping(&stack, "Explicit", base().stage(&beta).attach_to_stage(false))?;
        assert_eq!(stage_of(&explicit), format!("{:?}", Some(beta.stage_name())));
        assert_eq!(
            explicit.resource().property("DomainName"),
            Some(Value::from("api.example.com"))
        );
        Ok(())
    }

    #[test]
    fn two_mappings_of_one_base_path_on_one_domain() -> TestResult {
        // a synth-time check of ours (`APIGW-14`)
        let dir = std::env::temp_dir().join("apigw-domains-test-duplicate-base-path");
        let app = cdk_core::App::with_props(cdk_core::AppProps::builder().outdir(dir).build()?);
        let stack = cdk_core::Stack::new(&app, "Stack")?;
        let a = api(&stack, "Api", RestApiProps::default())?;
        let map = |id: &str, domain: &str, base: &str| {
            BasePathMapping::new(
                &stack,
                id,
                BasePathMappingProps::builder()
                    .domain_name(DomainNameReference::new(domain))
                    .rest_api(&a)
                    .base_path(base),
            )
        };
        map("V1", "api.example.com", "v1")?;
        map("V2", "api.example.com", "v2")?;
        map("OtherDomain", "www.example.com", "v1")?;
        map("Again", "api.example.com", "v1")?;
        let messages = match app.synth() {
            Err(cdk_core::Error::Validation { messages }) => messages,
            other => panic!("expected a validation error, got {other:?}"),
        };
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert_eq!(messages[0].0, "Stack/Again/Resource");
        assert!(
            messages[0].1.starts_with(
                "base path 'v1' of the domain is mapped by 'Stack/V1/Resource' already"
            ),
            "{messages:?}"
        );
        assert!(messages[0].1.ends_with("[APIGW-14]"));
        Ok(())
    }

    #[test]
    fn an_api_without_deployment_stage_needs_a_stage_or_no_attachment() -> TestResult {
        let (_app, stack) = stack()?;
        let a = api(&stack, "Api", RestApiProps::builder().deploy(false))?;
        let base = || {
            BasePathMappingProps::builder()
                .domain_name(DomainNameReference::new("api.example.com"))
                .rest_api(&a)
        };
        let e = mapping(&stack, "Attached", base()).unwrap_err();
        assert_eq!(cdk_core::Error::from(e).path(), Some("Stack/Api"));
        let m = mapping(&stack, "Detached", base().attach_to_stage(false))?;
        assert!(m.resource().property("Stage").is_some_and(|v| v.is_absent()));
        Ok(())
    }

    #[test]
    fn invalid_base_paths_name_the_scope_and_add_nothing() -> TestResult {
        let (_app, stack) = stack()?;
        let a = api(&stack, "Api", RestApiProps::default())?;
        let e = BasePathMapping::new(
            &stack,
            "M",
            BasePathMappingProps::builder()
                .domain_name(DomainNameReference::new("api.example.com"))
                .rest_api(&a)
                .base_path("/x"),
        )
        .unwrap_err();
        assert_eq!((e.code(), e.path()), ("BasePathCannotStart", Some("Stack")));
        assert!(stack.node().try_find_child("M").is_none());
        Ok(())
    }
}
