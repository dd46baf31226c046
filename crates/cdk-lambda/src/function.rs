//! The Lambda function construct (`aws-lambda/lib/function.ts`, with the permission and
//! grant methods of `function-base.ts`): an `AWS::Lambda::Function` with its execution role
//! (`ServiceRole`), its log group (`LogGroup`, under `@aws-cdk/aws-lambda:useCdkManagedLogGroup`)
//! and the permissions added to it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use cdk_core::feature_flags::LAMBDA_USE_CDK_MANAGED_LOG_GROUP;
use cdk_core::{
    cfn_format, ArnComponents, ArnFormat, BuildError, Construct, Error, Map, Node, PhysicalName,
    ResourcePhysicalName, Value,
};
use cdk_ec2::{Connections, SecurityGroup, SecurityGroupProps, SubnetSelection, Vpc};
use cdk_iam::{
    Grant, IGrantable, ManagedPolicy, Policy, PolicyProps, PolicyStatement, Principal, Role,
    RoleProps,
};
use cdk_logs::{LogGroup, LogGroupProps};
use cfn_lambda::function::LoggingConfig as CfnLoggingConfig;
use cfn_lambda::{CfnFunction, CfnFunctionProps, CfnPermission};

use crate::function_base::{FunctionAttributes, ImportedFunction};
use crate::permission::{self, child_path};
use crate::{
    Architecture, Code, IFunction, Permission, Runtime, Version, VersionOptions, VersionProps,
};

/// `@aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy`: [`Function::add_to_role_policy`]
/// creates a new inline policy per statement instead of growing the role's default policy.
pub const LAMBDA_CREATE_NEW_POLICIES_WITH_ADD_TO_ROLE_POLICY: &str =
    "@aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy";

/// Longest function name (`FunctionNameTooLong`).
const MAX_FUNCTION_NAME_LEN: usize = 64;
/// Longest description (`DescriptionTooLong`).
const MAX_DESCRIPTION_LEN: usize = 256;

/// Environment variables the Lambda runtime sets itself; a function may not set them.
pub const RESERVED_ENVIRONMENT_VARIABLES: [&str; 18] = [
    "_HANDLER",
    "_X_AMZN_TRACE_ID",
    "AWS_DEFAULT_REGION",
    "AWS_REGION",
    "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API",
    "LAMBDA_TASK_ROOT",
    "LAMBDA_RUNTIME_DIR",
];

/// The format of the function's logs (`LoggingFormat`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoggingFormat {
    /// Plain text (`Text`), Lambda's default.
    #[doc(alias = "TEXT")]
    Text,
    /// Structured JSON (`JSON`); needed for log levels.
    #[doc(alias = "JSON")]
    Json,
}

impl From<LoggingFormat> for cdk_core::Value {
    fn from(v: LoggingFormat) -> cdk_core::Value {
        cdk_core::Value::from(v.as_str())
    }
}

impl LoggingFormat {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            LoggingFormat::Text => "Text",
            LoggingFormat::Json => "JSON",
        }
    }
}

/// The most detailed application log level sent to CloudWatch (`ApplicationLogLevel`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApplicationLogLevel {
    /// `TRACE`: everything.
    #[doc(alias = "TRACE")]
    Trace,
    /// `DEBUG`.
    #[doc(alias = "DEBUG")]
    Debug,
    /// `INFO`.
    #[doc(alias = "INFO")]
    Info,
    /// `WARN`.
    #[doc(alias = "WARN")]
    Warn,
    /// `ERROR`.
    #[doc(alias = "ERROR")]
    Error,
    /// `FATAL`: the least.
    #[doc(alias = "FATAL")]
    Fatal,
}

impl From<ApplicationLogLevel> for cdk_core::Value {
    fn from(v: ApplicationLogLevel) -> cdk_core::Value {
        cdk_core::Value::from(v.as_str())
    }
}

impl ApplicationLogLevel {
    /// The CloudFormation value (`DEBUG`).
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationLogLevel::Trace => "TRACE",
            ApplicationLogLevel::Debug => "DEBUG",
            ApplicationLogLevel::Info => "INFO",
            ApplicationLogLevel::Warn => "WARN",
            ApplicationLogLevel::Error => "ERROR",
            ApplicationLogLevel::Fatal => "FATAL",
        }
    }
}

/// The most detailed system log level sent to CloudWatch (`SystemLogLevel`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SystemLogLevel {
    /// `DEBUG`: everything.
    #[doc(alias = "DEBUG")]
    Debug,
    /// `INFO`.
    #[doc(alias = "INFO")]
    Info,
    /// `WARN`: the least.
    #[doc(alias = "WARN")]
    Warn,
}

impl From<SystemLogLevel> for cdk_core::Value {
    fn from(v: SystemLogLevel) -> cdk_core::Value {
        cdk_core::Value::from(v.as_str())
    }
}

impl SystemLogLevel {
    /// The CloudFormation value (`WARN`).
    pub fn as_str(self) -> &'static str {
        match self {
            SystemLogLevel::Debug => "DEBUG",
            SystemLogLevel::Info => "INFO",
            SystemLogLevel::Warn => "WARN",
        }
    }
}

/// X-Ray tracing of a function (`Tracing`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tracing {
    /// Sample incoming requests and trace them (`Active`).
    #[doc(alias = "ACTIVE")]
    Active,
    /// Trace only requests arriving with a sampled trace header (`PassThrough`).
    #[doc(alias = "PASS_THROUGH")]
    PassThrough,
    /// No tracing: nothing rendered, no X-Ray permissions (`Disabled`).
    #[doc(alias = "DISABLED")]
    Disabled,
}

impl Tracing {
    /// The CloudFormation value (`Active`).
    pub fn as_str(self) -> &'static str {
        match self {
            Tracing::Active => "Active",
            Tracing::PassThrough => "PassThrough",
            Tracing::Disabled => "Disabled",
        }
    }
}

impl From<Tracing> for cdk_core::Value {
    fn from(v: Tracing) -> cdk_core::Value {
        cdk_core::Value::from(v.as_str())
    }
}

/// Options of a [`Function`] (`FunctionProps`).
///
/// `runtime`, `handler` and `code` are required. `build()` also checks the rules that need
/// no construct tree: the function name's length and characters, the description's length,
/// inline code (not empty, and a runtime that takes it), reserved environment variables, and
/// log levels without the JSON format.
///
/// ```
/// use cdk_lambda::{Code, FunctionProps, Runtime};
/// let props = FunctionProps::builder()
///     .runtime(Runtime::NODEJS_20_X)
///     .handler("index.handler")
///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
///     .timeout(std::time::Duration::from_secs(10))
///     .environment_variable("STAGE", "prod")
///     .build()
///     ?;
/// assert_eq!(props.environment.len(), 1);
/// assert!(FunctionProps::builder().handler("index.handler").build().is_err());
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_unvalidated", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct FunctionProps {
    /// The runtime (`nodejs20.x`, ...). Required.
    pub runtime: Runtime,
    /// The entry point, `file.function` for most runtimes (`index.handler`). Required.
    pub handler: String,
    /// The deployment package. Required.
    pub code: Code,
    /// The function's name; [`PhysicalName::GENERATE_IF_NEEDED`] generates one only if the
    /// function is used from another account or region. Default: generated by
    /// CloudFormation.
    #[builder(default)]
    pub function_name: Option<Value>,
    /// A description. Default: none.
    #[builder(default)]
    pub description: Option<Value>,
    /// How long an invocation may run: a whole number of seconds. Default: Lambda's
    /// (3 seconds).
    #[builder(default)]
    pub timeout: Option<std::time::Duration>,
    /// Memory in MiB. Default: Lambda's (128 MiB).
    #[builder(default, setter(into = false))]
    pub memory_size: Option<u32>,
    /// Environment variables, in order. Default: none.
    #[builder(default, setter(custom))]
    pub environment: Map,
    /// The execution role. Default: a new role `ServiceRole` assumed by
    /// `lambda.amazonaws.com` with the `service-role/AWSLambdaBasicExecutionRole` policy.
    #[builder(default)]
    pub role: Option<Role>,
    /// Statements added to the role's policy. Default: none.
    #[builder(default, setter(custom))]
    pub initial_policy: Vec<PolicyStatement>,
    /// Concurrent executions reserved for the function. Default: none (the account's
    /// unreserved pool).
    #[builder(default, setter(into = false))]
    pub reserved_concurrent_executions: Option<u32>,
    /// The instruction set. Default: none rendered (Lambda's `x86_64`).
    #[builder(default)]
    pub architecture: Option<Architecture>,
    /// The log group the function writes to (`LoggingConfig.LogGroup`). Default: a new
    /// `LogGroup` named `/aws/lambda/<function name>` under the
    /// `@aws-cdk/aws-lambda:useCdkManagedLogGroup` flag, else Lambda's own.
    #[builder(default)]
    pub log_group: Option<LogGroup>,
    /// The log format. Default: Lambda's (`Text`).
    #[builder(default)]
    pub logging_format: Option<LoggingFormat>,
    /// Application log level (needs [`LoggingFormat::Json`]). Default: Lambda's (`INFO`).
    #[builder(default)]
    pub application_log_level: Option<ApplicationLogLevel>,
    /// System log level (needs [`LoggingFormat::Json`]). Default: Lambda's (`INFO`).
    #[builder(default)]
    pub system_log_level: Option<SystemLogLevel>,
    /// X-Ray tracing; any mode but [`Tracing::Disabled`] also lets the role write traces.
    /// Default: none rendered (Lambda's `PassThrough`).
    #[builder(default)]
    pub tracing: Option<Tracing>,
    /// Options of [`Function::current_version`]. Default: none.
    #[builder(default)]
    pub current_version_options: Option<VersionOptions>,
    /// The VPC the function runs in: its network interfaces go into `vpc_subnets` with
    /// `security_groups`, and its role gets `service-role/AWSLambdaVPCAccessExecutionRole`.
    /// Default: none (the function runs outside any VPC of the account).
    #[builder(default, setter(custom))]
    pub vpc: Option<Vpc>,
    /// Where in `vpc` the function runs. Default: the VPC's private subnets, else its
    /// isolated ones, else its public ones (which need `allow_public_subnet`).
    #[builder(default)]
    pub vpc_subnets: Option<SubnetSelection>,
    /// The security groups of the function in `vpc`. Default: a new `SecurityGroup` under the
    /// function ("Automatic security group for Lambda Function" and its unique id).
    #[builder(default, setter(custom))]
    pub security_groups: Vec<SecurityGroup>,
    /// Whether the automatic security group allows all outbound traffic (with `vpc` and
    /// without `security_groups`). Default: true.
    #[builder(default)]
    pub allow_all_outbound: Option<bool>,
    /// Whether the function may run in public subnets (where it cannot reach the internet).
    /// Default: false.
    #[builder(default)]
    pub allow_public_subnet: Option<bool>,
}
cdk_core::impl_props!(FunctionProps, FunctionPropsBuilder);

impl FunctionProps {
    /// The rules that need no construct tree (checked by `build()` and again by
    /// [`Function::new`]).
    ///
    /// # Errors
    /// A [`BuildError`] naming the property and carrying aws-cdk-lib's message.
    pub fn validate(&self) -> Result<(), BuildError> {
        let literal_name = self
            .function_name
            .as_ref()
            .filter(|name| !PhysicalName::is_generate_if_needed(name))
            .and_then(Value::as_str);
        if let Some(name) = literal_name {
            let len = js_length(name);
            if len > MAX_FUNCTION_NAME_LEN {
                return Err(BuildError::invalid_field(
                    "function_name",
                    format!("Function name can not be longer than {MAX_FUNCTION_NAME_LEN} characters but has {len} characters."),
                ));
            }
            if !name.is_empty()
                && !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return Err(BuildError::invalid_field(
                    "function_name",
                    format!("Function name {name} can contain only letters, numbers, hyphens, or underscores with no spaces."),
                ));
            }
        }
        if let Some(description) = self.description.as_ref().and_then(Value::as_str) {
            let len = js_length(description);
            if len > MAX_DESCRIPTION_LEN {
                return Err(BuildError::invalid_field(
                    "description",
                    format!("Function description can not be longer than {MAX_DESCRIPTION_LEN} characters but has {len} characters."),
                ));
            }
        }
        if let Some(t) = self.timeout {
            if t.subsec_nanos() != 0 {
                return Err(BuildError::invalid_field(
                    "timeout",
                    format!(
                        "'{} millis' cannot be converted into a whole number of seconds.",
                        t.as_millis()
                    ),
                ));
            }
        }
        self.code.validate()?;
        if self.code.is_inline() && !self.runtime.supports_inline_code() {
            return Err(BuildError::invalid_field(
                "code",
                format!("Inline source not allowed for {}", self.runtime),
            ));
        }
        for key in self.environment.keys() {
            check_environment_key(key)?;
        }
        if (self.application_log_level.is_some() || self.system_log_level.is_some())
            && self.logging_format != Some(LoggingFormat::Json)
        {
            let got = self.logging_format.map_or("undefined", LoggingFormat::as_str);
            return Err(BuildError::invalid_field(
                "logging_format",
                format!("To use ApplicationLogLevel and/or SystemLogLevel you must set LoggingFormat to 'JSON', got '{got}'."),
            ));
        }
        Ok(())
    }

    /// `getLoggingConfig`: rendered when a format or a log group is given.
    fn logging_config(&self) -> Option<Value> {
        if self.logging_format.is_none() && self.log_group.is_none() {
            return None;
        }
        let mut config = CfnLoggingConfig::default();
        config.application_log_level = self.application_log_level.map(|l| l.as_str().into());
        config.log_format = self.logging_format.map(|f| f.as_str().into());
        config.log_group = self.log_group.as_ref().map(LogGroup::log_group_name);
        config.system_log_level = self.system_log_level.map(|l| l.as_str().into());
        Some(Value::from(config))
    }
}

impl FunctionPropsBuilder {
    /// The VPC the function runs in (by reference). Default: none.
    pub fn vpc(mut self, vpc: &Vpc) -> Self {
        self.vpc = Some(Some(vpc.clone()));
        self
    }

    /// The security groups of the function in its VPC (any list), after those given before.
    /// Default: a new `SecurityGroup` under the function.
    pub fn security_groups(mut self, groups: impl IntoIterator<Item = SecurityGroup>) -> Self {
        self.security_groups.get_or_insert_with(Vec::new).extend(groups);
        self
    }

    /// Statements added to the role's policy (any list), after those given before.
    /// Default: none.
    pub fn initial_policy(mut self, statements: impl IntoIterator<Item = PolicyStatement>) -> Self {
        self.initial_policy.get_or_insert_with(Vec::new).extend(statements);
        self
    }

    /// Adds one statement to the role's policy.
    pub fn initial_policy_statement(self, statement: PolicyStatement) -> Self {
        self.initial_policy([statement])
    }

    /// Environment variables, as `(key, value)` pairs (CDK's `environment: { KEY: value }`),
    /// after those already set. Default: none.
    pub fn environment<K, V>(mut self, variables: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<Value>,
    {
        let env = self.environment.get_or_insert_with(Map::new);
        env.extend(variables.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    /// Adds one environment variable (after those already set).
    pub fn environment_variable(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.environment.get_or_insert_with(Map::new).insert(key.into(), value.into());
        self
    }

    /// Builds the props.
    ///
    /// # Errors
    /// A missing `runtime`, `handler` or `code`, or a rule of [`FunctionProps::validate`].
    fn build_fields(self) -> Result<FunctionProps, BuildError> {
        let props = self.build_unvalidated()?;
        props.validate()?;
        Ok(props)
    }
}

/// The length of a string as JavaScript counts it (UTF-16 code units).
fn js_length(s: &str) -> usize {
    s.encode_utf16().count()
}

fn check_environment_key(key: &str) -> Result<(), BuildError> {
    if RESERVED_ENVIRONMENT_VARIABLES.contains(&key) {
        return Err(BuildError::invalid_field(
            "environment",
            format!("{key} environment variable is reserved by the lambda runtime and can not be set manually. See https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html"),
        ));
    }
    Ok(())
}

/// A Lambda function (`lambda.Function`).
///
/// Children, in aws-cdk-lib's order: `ServiceRole` (unless a role is given), `Code` (an
/// asset code's asset), `Resource` (the `AWS::Lambda::Function`, which depends on the role)
/// and `LogGroup` (under `@aws-cdk/aws-lambda:useCdkManagedLogGroup`, unless a log group is
/// given).
///
/// ```
/// use cdk_core::{App, Construct, Stack};
/// use cdk_lambda::{Code, Function, FunctionProps, Runtime};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let f = Function::new(&stack, "Handler", FunctionProps::builder()
///     .runtime(Runtime::NODEJS_20_X)
///     .handler("index.handler")
///     .code(Code::from_inline("exports.handler = async () => 'hi';")))?;
/// assert_eq!(f.role().node().path(), "Stack/Handler/ServiceRole");
/// assert!(f.log_group().is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Function {
    node: Node,
    resource: CfnFunction,
    role: Role,
    runtime: Runtime,
    timeout: Option<std::time::Duration>,
    architecture: Architecture,
    function_name: Value,
    function_arn: Value,
    physical_name: ResourcePhysicalName,
    grant_invoke_arns: Vec<Value>,
    environment: Rc<RefCell<Map>>,
    log_group: Option<LogGroup>,
    policy_counter: Rc<Cell<usize>>,
    current_version: Rc<RefCell<Option<Version>>>,
    current_version_options: Option<VersionOptions>,
    connections: Option<Connections>,
}

impl Construct for Function {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Function {
    /// Defines a function.
    ///
    /// # Errors
    /// [`Error::Build`] (naming the function's path) for props breaking a rule of
    /// [`FunctionProps::validate`]; [`Error::InvalidArgument`] for asset code that is neither
    /// a directory nor an archive, or already used in another stack; id and asset errors
    /// from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<FunctionProps>,
    ) -> Result<Function, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let path = child_path(scope.node(), id);
        props.validate().map_err(|source| Error::Build { path: path.clone(), source })?;
        props.code.check(scope.node(), &path)?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_lambda.Function");

        let role = match &props.role {
            Some(role) => role.clone(),
            None => {
                let mut managed_policies = vec![ManagedPolicy::from_aws_managed_policy_name(
                    "service-role/AWSLambdaBasicExecutionRole",
                )];
                if props.vpc.is_some() {
                    managed_policies.push(ManagedPolicy::from_aws_managed_policy_name(
                        "service-role/AWSLambdaVPCAccessExecutionRole",
                    ));
                }
                Role::new(
                    &node,
                    "ServiceRole",
                    RoleProps::builder()
                        .assumed_by(Principal::service("lambda.amazonaws.com"))
                        .managed_policies(managed_policies),
                )?
            }
        };
        for statement in &props.initial_policy {
            role.add_to_principal_policy(statement.clone())?;
        }
        let policy_counter: Rc<Cell<usize>> = Rc::default();
        // `buildTracingConfig`: the role may write traces (`addToRolePolicy`).
        let tracing = props.tracing.filter(|t| *t != Tracing::Disabled);
        if tracing.is_some() {
            let statement = PolicyStatement::new()
                .actions(["xray:PutTraceSegments", "xray:PutTelemetryRecords"])
                .resources(["*"]);
            add_to_role_policy(&node, &role, &policy_counter, statement)?;
        }
        let code = props.code.bind(&node)?;

        let environment: Rc<RefCell<Map>> = Rc::new(RefCell::new(props.environment.clone()));
        let env = environment.clone();
        let mut l1 = CfnFunctionProps::builder()
            .code(code)
            .role(role.role_arn())
            .build()
            .map_err(|source| Error::Build { path: path.clone(), source })?;
        let physical_name = ResourcePhysicalName::new(&node, props.function_name.clone());
        l1.function_name = physical_name.physical_name();
        l1.description = props.description.clone();
        l1.handler = Some(Value::from(props.handler.as_str()));
        l1.timeout = props.timeout.map(|t| Value::from(t.as_secs()));
        l1.runtime = Some(Value::from(props.runtime.name()));
        l1.environment = Some(Value::lazy_uncached(move |_| {
            let vars = env.borrow();
            (!vars.is_empty()).then(|| Value::object([("Variables", Value::Object(vars.clone()))]))
        }));
        l1.memory_size = props.memory_size.map(Value::from);
        l1.reserved_concurrent_executions = props.reserved_concurrent_executions.map(Value::from);
        l1.architectures = props.architecture.map(|a| Value::array([a.name()]));
        l1.logging_config = props.logging_config();
        l1.tracing_config = tracing.map(|t| Value::object([("Mode", t.as_str())]));
        let (vpc_config, connections) = match configure_vpc(&node, &props)? {
            Some((config, connections)) => (Some(config), Some(connections)),
            None => (None, None),
        };
        l1.vpc_config = vpc_config;
        let resource = CfnFunction::new(&node, "Resource", l1)?;
        resource.node().add_dependency(&role);

        let function_name = physical_name.name_attribute(resource.ref_());
        let mut arn =
            ArnComponents::new("lambda", "function").arn_format(ArnFormat::ColonResourceName);
        if let Some(name) = physical_name.physical_name() {
            arn = arn.resource_name(name);
        }
        let function_arn = physical_name.arn_attribute(resource.attr_arn(), arn);
        let grant_invoke_arns =
            vec![function_arn.clone(), cfn_format!("{}:*", function_arn.clone())];

        let log_group = match &props.log_group {
            Some(group) => Some(group.clone()),
            None if node.feature_flag(LAMBDA_USE_CDK_MANAGED_LOG_GROUP) => Some(LogGroup::new(
                &node,
                "LogGroup",
                LogGroupProps::builder()
                    .log_group_name(cfn_format!("/aws/lambda/{}", function_name.clone()))
                    .build()
                    .map_err(|source| Error::Build { path: format!("{path}/LogGroup"), source })?,
            )?),
            None => None,
        };
        props.code.bind_to_resource(&resource);

        Ok(Function {
            node,
            resource,
            role,
            runtime: props.runtime,
            timeout: props.timeout,
            architecture: props.architecture.unwrap_or_default(),
            function_name,
            function_arn,
            physical_name,
            grant_invoke_arns,
            environment,
            log_group,
            policy_counter,
            current_version: Rc::default(),
            current_version_options: props.current_version_options,
            connections,
        })
    }

    /// The function's security groups, for rules with other [`cdk_ec2::IConnectable`]s
    /// (`connections`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] (CDK's message) for a function outside any VPC.
    pub fn connections(&self) -> Result<Connections, Error> {
        self.connections.clone().ok_or_else(|| Error::InvalidArgument {
            path: self.node.path(),
            message: "Only VPC-associated Lambda Functions have security groups to manage. \
                      Supply the \"vpc\" parameter when creating the Lambda, or \
                      \"securityGroupId\" when importing it."
                .into(),
        })
    }

    /// An alias of the [current version](Self::current_version) (`addAlias`): an
    /// [`Alias`](crate::Alias) `Alias<name>` under the function; `options` is an
    /// [`AliasOptions`](crate::AliasOptions), its builder, or `AliasOptions::default()`.
    ///
    /// # Errors
    /// Errors of [`Function::current_version`] and [`Alias::new`](crate::Alias::new).
    pub fn add_alias(
        &self,
        alias_name: &str,
        options: impl cdk_core::IntoProps<crate::AliasOptions>,
    ) -> Result<crate::Alias, Error> {
        let id = format!("Alias{alias_name}");
        let options = options.into_props_at(&self.node.child_path(&id))?;
        let version = self.current_version()?;
        let mut props = crate::AliasProps::builder()
            .alias_name(alias_name)
            .version(&version)
            .additional_versions(options.additional_versions)
            .build()
            .map_err(|source| Error::Build { path: self.node.child_path(&id), source })?;
        props.description = options.description;
        props.provisioned_concurrent_executions = options.provisioned_concurrent_executions;
        crate::Alias::new(&self.node, &id, props)
    }

    /// A function defined outside the app, by ARN (`Function.fromFunctionArn`).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_function_arn(
        scope: &impl Construct,
        id: &str,
        function_arn: impl Into<Value>,
    ) -> Result<ImportedFunction, Error> {
        let attrs = FunctionAttributes::builder().function_arn(function_arn);
        Function::from_function_attributes(scope, id, attrs)
    }

    /// A function defined outside the app (`Function.fromFunctionAttributes`).
    ///
    /// # Errors
    /// [`Error::Build`] for a missing ARN; id errors from the tree.
    pub fn from_function_attributes(
        scope: &impl Construct,
        id: &str,
        attrs: impl cdk_core::IntoProps<FunctionAttributes>,
    ) -> Result<ImportedFunction, Error> {
        let attrs = attrs.into_props_at(&scope.node().child_path(id))?;
        ImportedFunction::new(scope, id, attrs)
    }

    /// The version of the function as it is configured now (`currentVersion`): a
    /// `CurrentVersion` [`Version`] under the function, created on first use, whose logical
    /// ID ends with a hash of the function's version-locked properties (code, handler,
    /// role, runtime, environment, memory, tracing, ...), so that a change of configuration
    /// publishes a new version.
    ///
    /// # Errors
    /// Id errors when the version is first created; at synthesis, a property of the
    /// function not known as version-locked or not.
    pub fn current_version(&self) -> Result<Version, Error> {
        if let Some(v) = self.current_version.borrow().as_ref() {
            return Ok(v.clone());
        }
        let options = self.current_version_options.clone().unwrap_or_default();
        let mut props = VersionProps::builder()
            .lambda(self)
            .build()
            .map_err(|source| Error::Build { path: self.node.path(), source })?;
        props.code_sha256 = options.code_sha256;
        props.description = options.description;
        props.provisioned_concurrent_executions = options.provisioned_concurrent_executions;
        props.removal_policy = options.removal_policy;
        let version = Version::new(&self.node, "CurrentVersion", props)?;
        let function = self.resource.clone();
        let me = version.resource().node().clone();
        version.resource().set_lazy_logical_id(move |ctx| {
            let original = ctx.logical_id(&me)?;
            let hash = crate::function_hash::calculate_function_hash(ctx, &function, "")?;
            Ok(format!("{}{hash}", crate::function_hash::trim_from_start(&original, 255 - 32)))
        });
        *self.current_version.borrow_mut() = Some(version.clone());
        Ok(version)
    }

    /// The L1 resource (`node.defaultChild`).
    pub fn resource(&self) -> &CfnFunction {
        &self.resource
    }

    /// The function's name: the resource's `Ref` in its own account and region, its physical
    /// name in another one (which needs a literal name or [`PhysicalName::GENERATE_IF_NEEDED`]).
    pub fn function_name(&self) -> Value {
        self.function_name.clone()
    }

    /// The function's physical name (`physicalName`): the given name, or for
    /// [`PhysicalName::GENERATE_IF_NEEDED`] the name generated when the function is used in
    /// another account or region; `None` without a name.
    pub fn physical_name(&self) -> Option<Value> {
        self.physical_name.physical_name()
    }

    /// The name given in [`FunctionProps::function_name`] when it is a literal string (not a
    /// token): what API Gateway integrations and authorizers read from the L1 resource so
    /// that a renamed function changes the deployment.
    pub fn literal_function_name(&self) -> Option<String> {
        self.resource.property("FunctionName").and_then(|n| n.as_str().map(str::to_string))
    }

    /// The function's ARN: `Fn::GetAtt Arn` in its own account and region; in another one,
    /// `arn:<partition>:lambda:<region>:<account>:function:<physical name>` of the function's
    /// stack (`getResourceArnAttribute`).
    pub fn function_arn(&self) -> Value {
        self.function_arn.clone()
    }

    /// The ARNs a grant to invoke the function covers: the function and its versions and
    /// aliases (`<arn>:*`).
    pub fn resource_arns_for_grant_invoke(&self) -> Vec<Value> {
        self.grant_invoke_arns.clone()
    }

    /// The execution role.
    pub fn role(&self) -> &Role {
        &self.role
    }

    /// The runtime.
    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    /// The timeout, if set.
    pub fn timeout(&self) -> Option<std::time::Duration> {
        self.timeout
    }

    /// The instruction set (`x86_64` unless set).
    pub fn architecture(&self) -> Architecture {
        self.architecture
    }

    /// The log group: the one given in the props, or the one the function created under
    /// `@aws-cdk/aws-lambda:useCdkManagedLogGroup`.
    pub fn log_group(&self) -> Option<&LogGroup> {
        self.log_group.as_ref()
    }

    /// Adds an environment variable (rendered after those of the props).
    ///
    /// # Errors
    /// [`Error::Build`] for a variable the runtime reserves (`AWS_REGION`, ...).
    pub fn add_environment(&self, key: &str, value: impl Into<Value>) -> Result<&Self, Error> {
        check_environment_key(key)
            .map_err(|source| Error::Build { path: self.node.path(), source })?;
        self.environment.borrow_mut().insert(key.to_string(), value.into());
        Ok(self)
    }

    /// Adds a resource-based permission (`addPermission`): an `AWS::Lambda::Permission` with
    /// id `id` under the function, or under `permission.scope`; `permission` is a
    /// [`Permission`] or its unfinished builder.
    ///
    /// # Errors
    /// [`Error::Build`] for a missing field or a principal a permission cannot name; id
    /// errors from the tree.
    pub fn add_permission(
        &self,
        id: &str,
        permission: impl cdk_core::IntoProps<Permission>,
    ) -> Result<CfnPermission, Error> {
        let permission = permission.into_props_at(&self.node.child_path(id))?;
        permission::add_permission(&self.node, self.function_arn(), id, permission)
    }

    /// Lets `grantee` invoke the function (`grantInvoke`): a statement allowing
    /// `lambda:InvokeFunction` on [`resource_arns_for_grant_invoke`](Self::resource_arns_for_grant_invoke)
    /// in the grantee's policy.
    ///
    /// Granting twice to one grantee adds one statement.
    ///
    /// # Errors
    /// Errors of [`IGrantable::add_to_principal_policy`].
    pub fn grant_invoke(&self, grantee: &impl IGrantable) -> Result<(), Error> {
        Grant::add_to_principal(
            grantee,
            &[permission::DEFAULT_ACTION],
            self.resource_arns_for_grant_invoke(),
        )
    }

    /// Adds a statement to the execution role's policy (`addToRolePolicy`): to its default
    /// policy, or under `@aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy` to a new
    /// policy `inlinePolicyAddedToExecutionRole-<n>` under the function.
    ///
    /// # Errors
    /// Id errors when a policy cannot be created.
    pub fn add_to_role_policy(&self, statement: PolicyStatement) -> Result<(), Error> {
        add_to_role_policy(&self.node, &self.role, &self.policy_counter, statement)
    }
}

/// `addToRolePolicy` of a function `node` with execution role `role`.
fn add_to_role_policy(
    node: &Node,
    role: &Role,
    counter: &Cell<usize>,
    statement: PolicyStatement,
) -> Result<(), Error> {
    if node.feature_flag(LAMBDA_CREATE_NEW_POLICIES_WITH_ADD_TO_ROLE_POLICY) {
        let n = counter.get();
        counter.set(n + 1);
        let props = PolicyProps::builder().statements([statement]);
        let policy = Policy::new(node, &format!("inlinePolicyAddedToExecutionRole-{n}"), props)?;
        policy.attach_to_role(role);
        Ok(())
    } else {
        role.add_to_principal_policy(statement)
    }
}

impl IFunction for Function {
    fn function_arn(&self) -> Value {
        Function::function_arn(self)
    }
    fn function_name(&self) -> Value {
        Function::function_name(self)
    }
    fn resource_arns_for_grant_invoke(&self) -> Vec<Value> {
        Function::resource_arns_for_grant_invoke(self)
    }
    fn role(&self) -> Option<Role> {
        Some(self.role.clone())
    }
    fn architecture(&self) -> Architecture {
        self.architecture
    }
    fn add_to_role_policy(&self, statement: PolicyStatement) -> Result<(), Error> {
        Function::add_to_role_policy(self, statement)
    }
}

/// A function's grant principal is its role: grants to the function go to the role's policy.
impl IGrantable for Function {
    fn add_to_principal_policy(&self, statement: PolicyStatement) -> Result<(), Error> {
        self.role.add_to_principal_policy(statement)
    }
}

impl From<&Function> for Function {
    /// A handle to the same Function (handles are cheap to clone), so setters take `&x`.
    fn from(x: &Function) -> Function {
        x.clone()
    }
}

/// `configureVpc`: CDK's checks of the VPC props, the automatic security group, and the
/// dependency of the function on its subnets' internet connectivity; the `VpcConfig` and the
/// function's connections, or `None` without a VPC.
fn configure_vpc(
    node: &Node,
    props: &FunctionProps,
) -> Result<Option<(Value, Connections)>, Error> {
    let invalid =
        |message: &str| Error::InvalidArgument { path: node.path(), message: message.into() };
    let has_security_groups = !props.security_groups.is_empty();
    let Some(vpc) = &props.vpc else {
        if props.allow_all_outbound.is_some() {
            return Err(invalid("Cannot configure 'allowAllOutbound' without configuring a VPC"));
        }
        if has_security_groups {
            return Err(invalid("Cannot configure 'securityGroups' without configuring a VPC"));
        }
        if props.vpc_subnets.is_some() {
            return Err(invalid("Cannot configure 'vpcSubnets' without configuring a VPC"));
        }
        return Ok(None);
    };
    if props.allow_all_outbound.is_some() && has_security_groups {
        return Err(invalid(
            "Configure 'allowAllOutbound' directly on the supplied SecurityGroups.",
        ));
    }
    let security_groups = if has_security_groups {
        props.security_groups.clone()
    } else {
        let mut group = SecurityGroupProps::builder().vpc(vpc.clone()).description(format!(
            "Automatic security group for Lambda Function {}",
            node.unique_id()
        ));
        if let Some(allow) = props.allow_all_outbound {
            group = group.allow_all_outbound(allow);
        }
        vec![SecurityGroup::new(node, "SecurityGroup", group)?]
    };
    let connections = Connections::new(security_groups.clone(), None);
    let selected = vpc.select_subnets(&props.vpc_subnets.clone().unwrap_or_default())?;
    if props.allow_public_subnet != Some(true) && selected.has_public {
        return Err(invalid(
            "Lambda Functions in a public subnet can NOT access the internet. If you are aware \
             of this limitation and would still like to place the function in a public subnet, \
             set `allowPublicSubnet` to true",
        ));
    }
    for dependency in selected.internet_connectivity_established() {
        node.add_dependency(&dependency);
    }
    let config = Value::object([
        (
            "SecurityGroupIds",
            Value::Array(security_groups.iter().map(SecurityGroup::security_group_id).collect()),
        ),
        ("SubnetIds", Value::Array(selected.subnet_ids.clone())),
    ]);
    Ok(Some((config, connections)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_function_in_a_vpc_gets_a_security_group_and_the_vpc_access_policy() {
        let app = cdk_core::App::new();
        app.skip_synth_check();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let vpc = Vpc::new(
            &stack,
            "Vpc",
            cdk_ec2::VpcProps::builder()
                .restrict_default_security_group(false)
                .nat_gateways(0usize),
        )
        .unwrap();
        let f = Function::new(&stack, "Fn", props().vpc(&vpc)).unwrap();
        assert_eq!(f.connections().unwrap().security_groups().len(), 1);
        let t = stack.synthesize_template().unwrap();
        let resources = t["Resources"].as_object().unwrap();
        let of_type = |kind: &str| {
            let mut found = resources.iter().filter(|(_, r)| r["Type"] == kind);
            let (id, resource) = found.next().unwrap();
            assert!(found.next().is_none(), "one {kind}");
            (id.clone(), resource.clone())
        };
        let (group_id, group) = of_type("AWS::EC2::SecurityGroup");
        let (_, function) = of_type("AWS::Lambda::Function");
        let (_, role) = of_type("AWS::IAM::Role");
        let config = &function["Properties"]["VpcConfig"];
        assert_eq!(
            config["SecurityGroupIds"],
            serde_json::json!([{"Fn::GetAtt": [group_id, "GroupId"]}]),
            "{t:#}"
        );
        assert_eq!(config["SubnetIds"].as_array().unwrap().len(), vpc.isolated_subnets().len());
        assert_eq!(
            group["Properties"]["GroupDescription"],
            format!("Automatic security group for Lambda Function {}", f.node().unique_id())
        );
        // the whole function waits for its subnets' route table associations
        assert_eq!(group["DependsOn"].as_array().unwrap().len(), 2);
        assert_eq!(role["DependsOn"], group["DependsOn"]);
        let policies = &role["Properties"]["ManagedPolicyArns"];
        assert_eq!(policies.as_array().unwrap().len(), 2);
        assert!(policies[1].to_string().contains("service-role/AWSLambdaVPCAccessExecutionRole"));
    }

    #[test]
    fn vpc_props_need_a_vpc_and_a_private_subnet() {
        let app = cdk_core::App::new();
        app.skip_synth_check();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let vpc = Vpc::new(
            &stack,
            "Vpc",
            cdk_ec2::VpcProps::builder().restrict_default_security_group(false),
        )
        .unwrap();
        let error = |id: &str, props: FunctionPropsBuilder| {
            Function::new(&stack, id, props).unwrap_err().to_string()
        };
        let public = SubnetSelection::subnet_type(cdk_ec2::SubnetType::Public);
        assert_eq!(
            error("A", props().vpc_subnets(public.clone())),
            "Stack/A: Cannot configure 'vpcSubnets' without configuring a VPC"
        );
        assert_eq!(
            error("B", props().allow_all_outbound(false)),
            "Stack/B: Cannot configure 'allowAllOutbound' without configuring a VPC"
        );
        let group =
            SecurityGroup::new(&stack, "Group", SecurityGroupProps::builder().vpc(vpc.clone()))
                .unwrap();
        assert_eq!(
            error("C", props().security_groups([group.clone()])),
            "Stack/C: Cannot configure 'securityGroups' without configuring a VPC"
        );
        assert_eq!(
            error("D", props().vpc(&vpc).security_groups([group]).allow_all_outbound(true)),
            "Stack/D: Configure 'allowAllOutbound' directly on the supplied SecurityGroups."
        );
        assert!(error("E", props().vpc(&vpc).vpc_subnets(public.clone()))
            .contains("Lambda Functions in a public subnet can NOT access the internet"));
        Function::new(&stack, "F", props().vpc(&vpc).vpc_subnets(public).allow_public_subnet(true))
            .unwrap();
        let outside = Function::new(&stack, "G", props()).unwrap();
        assert!(outside
            .connections()
            .unwrap_err()
            .to_string()
            .contains("Only VPC-associated Lambda Functions have security groups to manage."));
    }

    fn props() -> FunctionPropsBuilder {
        FunctionProps::builder()
            .runtime(Runtime::NODEJS_20_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = 1"))
    }

    fn message(r: Result<FunctionProps, BuildError>) -> String {
        r.map(|_| ()).unwrap_err().message().to_string()
    }

    #[test]
    fn required_fields() {
        let m =
            message(FunctionProps::builder().runtime(Runtime::NODEJS_20_X).handler("h").build());
        assert!(m.contains("'code'"), "{m}");
        assert!(message(FunctionProps::builder().build()).contains("'runtime'"));
    }

    #[test]
    fn literal_function_name_only_for_a_literal() {
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let name = |id: &str, p: FunctionPropsBuilder| {
            Function::new(&stack, id, p.build().unwrap()).unwrap().literal_function_name()
        };
        assert_eq!(name("Named", props().function_name("f")), Some("f".into()));
        assert_eq!(name("Unnamed", props()), None);
        let token = cdk_core::Aws::stack_name();
        assert_eq!(name("Token", props().function_name(token)), None);
    }

    #[test]
    fn function_name_rules() {
        let long = "a".repeat(65);
        assert!(message(props().function_name(long.as_str()).build())
            .contains("can not be longer than 64 characters but has 65 characters"));
        assert!(message(props().function_name("my function").build())
            .contains("Function name my function can contain only letters"));
        assert!(props().function_name("my-func_1").build().is_ok());
        assert!(props().function_name("a".repeat(64)).build().is_ok());
    }

    #[test]
    fn generate_if_needed_is_not_a_literal_name() {
        assert!(props().function_name(PhysicalName::GENERATE_IF_NEEDED).build().is_ok());
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let f = Function::new(
            &stack,
            "Fn",
            props().function_name(PhysicalName::GENERATE_IF_NEEDED).build().unwrap(),
        )
        .unwrap();
        assert_eq!(f.literal_function_name(), None);
    }

    fn stack_in(app: &cdk_core::App, id: &str, account: &str, region: &str) -> cdk_core::Stack {
        let env = cdk_core::Environment::new(account, region);
        cdk_core::Stack::with_props(app, id, cdk_core::StackProps::builder().env(env)).unwrap()
    }

    #[test]
    fn generated_name_and_arn_only_when_used_in_another_environment() {
        use cdk_core::CfnResource;
        let app = cdk_core::App::new();
        let here = stack_in(&app, "Here", "111111111111", "us-east-1");
        let there = stack_in(&app, "There", "999999999999", "eu-west-1");
        let f = Function::new(
            &here,
            "Fn",
            props().function_name(PhysicalName::GENERATE_IF_NEEDED).build().unwrap(),
        )
        .unwrap();
        let uses = Value::object([("Arn", f.function_arn()), ("Name", f.function_name())]);
        CfnResource::new(&here, "Local", "X::Y::Z", uses.clone()).unwrap();
        let name_of = |t: &serde_json::Value| {
            t["Resources"]
                .as_object()
                .unwrap()
                .values()
                .find_map(|r| r["Properties"]["FunctionName"].as_str().map(str::to_string))
        };
        // used in its own environment only: no name
        assert_eq!(name_of(&here.synthesize_template().unwrap()), None);
        CfnResource::new(&there, "Remote", "X::Y::Z", uses).unwrap();
        let there_t = there.synthesize_template().unwrap();
        let here_t = here.synthesize_template().unwrap();
        let name = name_of(&here_t).expect("a generated name");
        assert!(f.physical_name().is_some());
        assert!(name.starts_with("herehere"), "{name}");
        let remote = &there_t["Resources"]["Remote"]["Properties"];
        assert_eq!(remote["Arn"], format!("arn:aws:lambda:us-east-1:111111111111:function:{name}"));
        assert_eq!(remote["Name"], name);
        let local = &here_t["Resources"]["Local"]["Properties"];
        assert!(local["Arn"]["Fn::GetAtt"][1] == "Arn", "{local}");
        assert!(local["Name"]["Ref"].is_string(), "{local}");
    }

    #[test]
    fn an_unnamed_function_cannot_be_used_in_another_environment() {
        let app = cdk_core::App::new();
        let here = stack_in(&app, "Here", "111111111111", "us-east-1");
        let there = stack_in(&app, "There", "999999999999", "eu-west-1");
        let f = Function::new(&here, "Fn", props().build().unwrap()).unwrap();
        let uses = Value::object([("Arn", f.function_arn())]);
        cdk_core::CfnResource::new(&there, "Remote", "X::Y::Z", uses).unwrap();
        let e = there.synthesize_template().unwrap_err().to_string();
        assert!(e.contains("Cannot use resource 'Here/Fn' in a cross-environment fashion"), "{e}");
    }

    #[test]
    fn description_length() {
        assert!(message(props().description("d".repeat(257)).build())
            .contains("Function description can not be longer than 256 characters but has 257"));
        assert!(props().description("d".repeat(256)).build().is_ok());
    }

    #[test]
    fn inline_code_rules() {
        assert!(message(props().code(Code::from_inline("")).build())
            .contains("Lambda inline code cannot be empty"));
        assert!(message(props().runtime(Runtime::JAVA_21).build())
            .contains("Inline source not allowed for java21"));
    }

    #[test]
    fn reserved_environment_variables() {
        assert!(message(props().environment_variable("AWS_REGION", "x").build())
            .contains("AWS_REGION environment variable is reserved"));
        assert!(props().environment_variable("REGION", "x").build().is_ok());
    }

    #[test]
    fn log_levels_need_json() {
        assert!(message(props().application_log_level(ApplicationLogLevel::Debug).build())
            .contains("you must set LoggingFormat to 'JSON', got 'undefined'"));
        assert!(message(
            props()
                .system_log_level(SystemLogLevel::Warn)
                .logging_format(LoggingFormat::Text)
                .build()
        )
        .contains("got 'Text'"));
        assert!(props()
            .system_log_level(SystemLogLevel::Warn)
            .logging_format(LoggingFormat::Json)
            .build()
            .is_ok());
    }

    #[test]
    fn new_revalidates_with_the_path() {
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let mut p = props().build().unwrap();
        p.function_name = Some("bad name".into());
        let err = Function::new(&stack, "Fn", p).unwrap_err();
        assert!(err.to_string().starts_with("Stack/Fn: "), "{err}");
        assert!(stack.node().try_find_child("Fn").is_none());
    }

    #[test]
    fn add_environment_refuses_reserved_keys() {
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let f = Function::new(&stack, "Fn", props().build().unwrap()).unwrap();
        let err = f.add_environment("_HANDLER", "x").unwrap_err();
        assert!(err.to_string().starts_with("Stack/Fn: "), "{err}");
        assert!(f.add_environment("OK", "x").is_ok());
    }

    #[test]
    fn children_and_flag() {
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let f = Function::new(&stack, "Fn", props().build().unwrap()).unwrap();
        let ids: Vec<String> = f.node().children().iter().map(Node::id).collect();
        assert_eq!(ids, ["ServiceRole", "Resource", "LogGroup"]);

        let app = cdk_core::App::with_props(
            cdk_core::AppProps::builder()
                .context(LAMBDA_USE_CDK_MANAGED_LOG_GROUP, false)
                .build()
                .unwrap(),
        );
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let f = Function::new(&stack, "Fn", props().build().unwrap()).unwrap();
        assert!(f.log_group().is_none());
        assert!(f.node().try_find_child("LogGroup").is_none());
    }

    #[test]
    fn asset_code_must_be_an_archive() {
        let dir = std::env::temp_dir().join("cdk-lambda-unit-asset");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("index.js");
        std::fs::write(&file, "exports.handler = 1").unwrap();
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let err =
            Function::new(&stack, "Fn", props().code(Code::from_asset(&file)).build().unwrap())
                .unwrap_err();
        assert!(
            err.to_string().starts_with("Stack/Fn: Asset must be a .zip file or a directory"),
            "{err}"
        );
        assert!(stack.node().try_find_child("Fn").is_none());
    }

    #[test]
    fn asset_code_is_shared_within_a_stack_only() {
        let dir = std::env::temp_dir().join("cdk-lambda-unit-shared");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.js"), "exports.handler = 1").unwrap();
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let code = Code::from_asset(&dir);
        Function::new(&stack, "A", props().code(code.clone()).build().unwrap()).unwrap();
        let b = Function::new(&stack, "B", props().code(code.clone()).build().unwrap()).unwrap();
        assert!(b.node().try_find_child("Code").is_none());
        let other = cdk_core::Stack::new(&app, "Other").unwrap();
        let err = Function::new(&other, "C", props().code(code).build().unwrap()).unwrap_err();
        assert!(other.node().try_find_child("C").is_none());
        assert!(
            err.to_string().contains("Asset is already associated with another stack 'Stack'"),
            "{err}"
        );
    }

    #[test]
    fn duplicate_permission_id_is_refused() {
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let f = Function::new(&stack, "Fn", props().build().unwrap()).unwrap();
        let ok = f.add_permission("P", Permission::new(Principal::service("s3.amazonaws.com")));
        assert!(ok.is_ok());
        let dup = f.add_permission("P", Permission::new(Principal::service("s3.amazonaws.com")));
        assert!(dup.is_err());
    }
}

#[cfg(test)]
mod version_tests {
    use super::*;
    use crate::{AliasOptions, IFunction};

    fn props() -> FunctionPropsBuilder {
        FunctionProps::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = 1"))
    }

    #[test]
    fn current_version_is_created_once_and_aliased() -> Result<(), Error> {
        let app = cdk_core::App::new();
        app.skip_synth_check();
        let stack = cdk_core::Stack::new(&app, "Stack")?;
        let f = Function::new(&stack, "Fn", props())?;
        let v1 = f.current_version()?;
        let v2 = f.current_version()?;
        assert!(v1.node().same(v2.node()));
        let alias = f.add_alias("live", AliasOptions::default())?;
        assert_eq!(alias.node().path(), "Stack/Fn/Aliaslive");
        assert_eq!(alias.alias_name(), "live");
        let functions: Vec<std::rc::Rc<dyn IFunction>> =
            vec![std::rc::Rc::new(f.clone()), std::rc::Rc::new(v1), std::rc::Rc::new(alias)];
        assert_eq!(functions.iter().filter(|f| f.role().is_some()).count(), 3);
        // A grant to the alias lands in the function's role.
        let alias = f.add_alias("beta", AliasOptions::default())?;
        cdk_iam::Grant::add_to_principal(&alias, ["s3:GetObject"], ["*"])?;
        assert!(f.role().node().try_find_child("DefaultPolicy").is_some());
        Ok(())
    }

    #[test]
    fn version_hash_follows_the_configuration() -> Result<(), Box<dyn std::error::Error>> {
        let id_of = |memory: u32| -> Result<String, Box<dyn std::error::Error>> {
            let app = cdk_core::App::new();
            let stack = cdk_core::Stack::new(&app, "Stack")?;
            let f = Function::new(&stack, "Fn", props().memory_size(memory))?;
            f.current_version()?;
            let template = stack.synthesize_template()?;
            let text = serde_json::to_string(&template)?;
            let start = text.find("FnCurrentVersion").ok_or("no version")?;
            Ok(text[start..start + 56].to_string())
        };
        assert_ne!(id_of(128)?, id_of(256)?);
        assert_eq!(id_of(128)?, id_of(128)?);
        Ok(())
    }
}
