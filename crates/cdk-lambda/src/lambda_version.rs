//! Versions of a function (`aws-lambda/lib/lambda-version.ts`): an `AWS::Lambda::Version`.

use std::rc::Rc;

use cdk_core::{cfn_format, BuildError, Construct, Error, Node, RemovalPolicy, Value};
use cdk_iam::Role;
use cfn_lambda::version::ProvisionedConcurrencyConfiguration;
use cfn_lambda::{CfnVersion, CfnVersionProps};

use crate::{Architecture, IFunction};

/// Options of a [`Version`] (`VersionOptions`), also those of
/// [`Function::current_version`](crate::Function::current_version) (through
/// [`FunctionProps::current_version_options`](crate::FunctionProps::current_version_options)).
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct VersionOptions {
    /// SHA256 of the code the version must have. Default: not checked.
    #[builder(default)]
    pub code_sha256: Option<Value>,
    /// A description. Default: the function's.
    #[builder(default)]
    pub description: Option<Value>,
    /// Provisioned concurrent executions (at least 1). Default: none.
    #[builder(default, setter(into = false))]
    pub provisioned_concurrent_executions: Option<u32>,
    /// What happens to the version when it leaves the stack (a new version replacing it).
    /// Default: [`RemovalPolicy::Destroy`] (nothing rendered).
    #[builder(default)]
    pub removal_policy: Option<RemovalPolicy>,
}
cdk_core::impl_props!(VersionOptions, VersionOptionsBuilder);

/// Options of a [`Version`] (`VersionProps`): the function and the [`VersionOptions`].
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct VersionProps {
    /// The function this is a version of. Required.
    #[builder(setter(custom))]
    pub lambda: Rc<dyn IFunction>,
    /// SHA256 of the code the version must have. Default: not checked.
    #[builder(default)]
    pub code_sha256: Option<Value>,
    /// A description. Default: the function's.
    #[builder(default)]
    pub description: Option<Value>,
    /// Provisioned concurrent executions (at least 1). Default: none.
    #[builder(default, setter(into = false))]
    pub provisioned_concurrent_executions: Option<u32>,
    /// What happens to the version when it leaves the stack. Default:
    /// [`RemovalPolicy::Destroy`] (nothing rendered).
    #[builder(default)]
    pub removal_policy: Option<RemovalPolicy>,
}
cdk_core::impl_props!(VersionProps, VersionPropsBuilder);

impl VersionPropsBuilder {
    /// The function this is a version of (any [`IFunction`], by reference). Required.
    pub fn lambda<F: IFunction + Clone + 'static>(mut self, function: &F) -> Self {
        self.lambda = Some(Rc::new(function.clone()));
        self
    }
}

/// A version of a function (`lambda.Version`): prefer
/// [`Function::current_version`](crate::Function::current_version), whose logical ID changes
/// with the function's configuration.
#[derive(Clone, Debug)]
pub struct Version {
    node: Node,
    resource: CfnVersion,
    lambda: Rc<dyn IFunction>,
}

impl Construct for Version {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Version {
    /// Defines a version.
    ///
    /// # Errors
    /// [`Error::Build`] for a missing function or provisioned concurrency of 0; id errors.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<VersionProps>,
    ) -> Result<Version, Error> {
        let path = scope.node().child_path(id);
        let props = props.into_props_at(&path)?;
        let provisioned = provisioned_concurrency(props.provisioned_concurrent_executions)
            .map_err(|source| Error::Build { path: path.clone(), source })?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_lambda.Version");
        let mut l1 = CfnVersionProps::builder()
            .function_name(props.lambda.function_name())
            .build()
            .map_err(|source| Error::Build { path: path.clone(), source })?;
        l1.code_sha256 = props.code_sha256;
        l1.description = props.description;
        l1.provisioned_concurrency_config = provisioned;
        let resource = CfnVersion::new(&node, "Resource", l1)?;
        resource.add_metadata("aws:cdk:do-not-refactor", true);
        if let Some(policy) = props.removal_policy {
            resource.apply_removal_policy(policy);
        }
        Ok(Version { node, resource, lambda: props.lambda })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnVersion {
        &self.resource
    }

    /// The version number (`Fn::GetAtt Version`).
    pub fn version(&self) -> Value {
        self.resource.attr_version()
    }

    /// The function this is a version of (`lambda`).
    pub fn lambda(&self) -> &Rc<dyn IFunction> {
        &self.lambda
    }
}

/// `determineProvisionedConcurrency`.
pub(crate) fn provisioned_concurrency(n: Option<u32>) -> Result<Option<Value>, BuildError> {
    match n {
        None => Ok(None),
        Some(0) => Err(BuildError::invalid_field(
            "provisioned_concurrent_executions",
            "provisionedConcurrentExecutions must have value greater than or equal to 1",
        )),
        Some(n) => {
            let config = ProvisionedConcurrencyConfiguration::builder()
                .provisioned_concurrent_executions(n)
                .build()?;
            Ok(Some(Value::from(config)))
        }
    }
}

impl IFunction for Version {
    /// The version's ARN (`Ref`).
    fn function_arn(&self) -> Value {
        self.resource.ref_()
    }
    /// `<function name>:<version>`.
    fn function_name(&self) -> Value {
        cfn_format!("{}:{}", self.lambda.function_name(), self.version())
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

impl From<&Version> for Version {
    /// A handle to the same Version (handles are cheap to clone), so setters take `&x`.
    fn from(x: &Version) -> Version {
        x.clone()
    }
}
