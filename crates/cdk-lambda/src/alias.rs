//! Aliases of a function (`aws-lambda/lib/alias.ts`): an `AWS::Lambda::Alias` pointing at a
//! version, optionally splitting traffic with other versions.

use std::rc::Rc;

use cdk_core::{cfn_format, BuildError, Construct, Error, Fn, Node, Value};
use cdk_iam::Role;
use cfn_lambda::alias::{AliasRoutingConfiguration, VersionWeight as CfnVersionWeight};
use cfn_lambda::{CfnAlias, CfnAliasProps};

use crate::lambda_version::provisioned_concurrency;
use crate::{Architecture, IFunction, Version};

/// A version and the share of traffic it gets (`VersionWeight`).
#[derive(Clone, Debug)]
pub struct VersionWeight {
    /// The version.
    pub version: Version,
    /// Its share of the traffic, from 0 to 1.
    pub weight: f64,
}

impl VersionWeight {
    /// A version and its share of traffic.
    pub fn new(version: &Version, weight: f64) -> VersionWeight {
        VersionWeight { version: version.clone(), weight }
    }
}

/// Options of an [`Alias`] (`AliasProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct AliasProps {
    /// The alias's name (`live`). Required.
    pub alias_name: String,
    /// The version the alias points at. Required.
    #[builder(setter(custom))]
    pub version: Version,
    /// A description. Default: none.
    #[builder(default)]
    pub description: Option<Value>,
    /// Other versions taking a share of the traffic. Default: none.
    #[builder(default, setter(custom))]
    pub additional_versions: Vec<VersionWeight>,
    /// Provisioned concurrent executions (at least 1). Default: none.
    #[builder(default, setter(into = false))]
    pub provisioned_concurrent_executions: Option<u32>,
}
cdk_core::impl_props!(AliasProps, AliasPropsBuilder);

impl AliasPropsBuilder {
    /// The version the alias points at (by reference). Required.
    pub fn version(mut self, version: &Version) -> Self {
        self.version = Some(version.clone());
        self
    }

    /// Other versions and their share of traffic (any list), after those given before.
    /// Default: none.
    pub fn additional_versions(
        mut self,
        versions: impl IntoIterator<Item = VersionWeight>,
    ) -> Self {
        self.additional_versions.get_or_insert_with(Vec::new).extend(versions);
        self
    }
}

/// Options of [`Function::add_alias`](crate::Function::add_alias) (`AliasOptions`): the
/// [`AliasProps`] without the name and the version.
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct AliasOptions {
    /// A description. Default: none.
    #[builder(default)]
    pub description: Option<Value>,
    /// Other versions taking a share of the traffic. Default: none.
    #[builder(default, setter(custom))]
    pub additional_versions: Vec<VersionWeight>,
    /// Provisioned concurrent executions (at least 1). Default: none.
    #[builder(default, setter(into = false))]
    pub provisioned_concurrent_executions: Option<u32>,
}
cdk_core::impl_props!(AliasOptions, AliasOptionsBuilder);

impl AliasOptionsBuilder {
    /// Other versions and their share of traffic (any list), after those given before.
    /// Default: none.
    pub fn additional_versions(
        mut self,
        versions: impl IntoIterator<Item = VersionWeight>,
    ) -> Self {
        self.additional_versions.get_or_insert_with(Vec::new).extend(versions);
        self
    }
}

/// An alias of a function version (`lambda.Alias`).
#[derive(Clone, Debug)]
pub struct Alias {
    node: Node,
    resource: CfnAlias,
    alias_name: String,
    version: Version,
    lambda: Rc<dyn IFunction>,
}

impl Construct for Alias {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Alias {
    /// Defines an alias.
    ///
    /// # Errors
    /// [`Error::Build`] for a missing field, a weight outside 0..1, weights adding up to more
    /// than 1, or provisioned concurrency of 0; id errors.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<AliasProps>,
    ) -> Result<Alias, Error> {
        let path = scope.node().child_path(id);
        let props = props.into_props_at(&path)?;
        let build_err = |source| Error::Build { path: path.clone(), source };
        let routing = routing_config(&props.additional_versions).map_err(build_err)?;
        let provisioned =
            provisioned_concurrency(props.provisioned_concurrent_executions).map_err(build_err)?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_lambda.Alias");
        let lambda = props.version.lambda().clone();
        let mut l1 = CfnAliasProps::builder()
            .function_name(lambda.function_name())
            .function_version(props.version.version())
            .name(props.alias_name.as_str())
            .build()
            .map_err(build_err)?;
        l1.description = props.description;
        l1.routing_config = routing;
        l1.provisioned_concurrency_config = provisioned;
        let resource = CfnAlias::new(&node, "Resource", l1)?;
        Ok(Alias { node, resource, alias_name: props.alias_name, version: props.version, lambda })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnAlias {
        &self.resource
    }

    /// The alias's name.
    pub fn alias_name(&self) -> &str {
        &self.alias_name
    }

    /// The version the alias points at.
    pub fn version(&self) -> &Version {
        &self.version
    }

    /// The function (`lambda`).
    pub fn lambda(&self) -> &Rc<dyn IFunction> {
        &self.lambda
    }
}

/// `determineRoutingConfig` with `validateAdditionalWeights`.
fn routing_config(versions: &[VersionWeight]) -> Result<Option<Value>, BuildError> {
    if versions.is_empty() {
        return Ok(None);
    }
    let mut total = 0.0;
    let mut weights = Vec::new();
    for v in versions {
        if !(0.0..=1.0).contains(&v.weight) {
            return Err(BuildError::invalid_field(
                "additional_versions",
                format!("Additional version weight must be between 0 and 1, got: {}", v.weight),
            ));
        }
        total += v.weight;
        let w = CfnVersionWeight::builder()
            .function_version(v.version.version())
            .function_weight(v.weight)
            .build()?;
        weights.push(Value::from(w));
    }
    if total > 1.0 {
        return Err(BuildError::invalid_field(
            "additional_versions",
            format!("Sum of additional version weights must not exceed 1, got: {total}"),
        ));
    }
    let mut config = AliasRoutingConfiguration::default();
    config.additional_version_weights = Some(Value::Array(weights));
    Ok(Some(Value::from(config)))
}

impl IFunction for Alias {
    /// The alias's ARN (`Ref`).
    fn function_arn(&self) -> Value {
        self.resource.ref_()
    }
    /// `<function name>:<alias name>`, the name taken from the alias's ARN.
    fn function_name(&self) -> Value {
        let name = Fn::select(6, Fn::split(":", self.function_arn()));
        cfn_format!("{}:{}", name, self.alias_name.as_str())
    }
    fn resource_arns_for_grant_invoke(&self) -> Vec<Value> {
        vec![self.function_arn()]
    }
    fn role(&self) -> Option<Role> {
        self.lambda.role()
    }
    fn architecture(&self) -> Architecture {
        self.lambda.architecture()
    }
}

impl From<&Alias> for Alias {
    /// A handle to the same Alias (handles are cheap to clone), so setters take `&x`.
    fn from(x: &Alias) -> Alias {
        x.clone()
    }
}
