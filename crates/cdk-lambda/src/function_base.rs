//! What every kind of function offers (`aws-lambda/lib/function-base.ts`): the [`IFunction`]
//! trait, implemented by [`Function`](crate::Function), [`Version`](crate::Version),
//! [`Alias`](crate::Alias) and imported functions ([`ImportedFunction`]).

use cdk_core::{Construct, Error, Node, Value};
use cdk_iam::{IGrantable, PolicyStatement, Role};
use cfn_lambda::CfnPermission;

use crate::permission::{self, Permission};
use crate::Architecture;

/// A Lambda function of any kind (CDK's `IFunction`): a function defined in the app, one of
/// its versions or aliases, or an imported function.
///
/// The trait is object-safe. Take it as `&impl IFunction` where the function is only used
/// during the call, and store it as `Rc<dyn IFunction>` (every implementation is a cheap
/// handle, so `Rc::new(function.clone())` keeps the same construct):
///
/// ```
/// use std::rc::Rc;
/// use cdk_core::{App, Stack, Value};
/// use cdk_lambda::{Code, Function, FunctionProps, IFunction, Runtime};
///
/// fn arn_of(f: &impl IFunction) -> Value { f.function_arn() }
///
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let f = Function::new(&stack, "Fn", FunctionProps::builder()
///     .runtime(Runtime::NODEJS_22_X)
///     .handler("index.handler")
///     .code(Code::from_inline("exports.handler = 1")))?;
/// let imported = Function::from_function_arn(&stack, "Imported",
///     "arn:aws:lambda:us-east-1:123456789012:function:other")?;
/// let all: Vec<Rc<dyn IFunction>> = vec![Rc::new(f.clone()), Rc::new(imported)];
/// assert_eq!(all.len(), 2);
/// let _ = arn_of(&f);
/// # Ok::<(), cdk_core::Error>(())
/// ```
pub trait IFunction: Construct + std::fmt::Debug {
    /// The function's ARN (`functionArn`): `Fn::GetAtt Arn` of a function, `Ref` of a
    /// version or an alias.
    fn function_arn(&self) -> Value;

    /// The function's name (`functionName`); for a version or an alias, qualified
    /// (`<name>:<qualifier>`).
    fn function_name(&self) -> Value;

    /// The ARNs a grant to invoke covers (`resourceArnsForGrantInvoke`): the function and
    /// its qualified ARNs (`<arn>:*`) for a function, the ARN alone for a version or alias.
    fn resource_arns_for_grant_invoke(&self) -> Vec<Value>;

    /// The execution role (`role`), when known: `None` for an imported function given no
    /// role.
    fn role(&self) -> Option<Role>;

    /// The instruction set (`architecture`). Default for imports: `x86_64`.
    fn architecture(&self) -> Architecture;

    /// Whether the app may add resource-based permissions to the function
    /// (`canCreatePermissions`): always for functions, versions and aliases of the app; for
    /// imports, when declared in the same environment.
    fn can_create_permissions(&self) -> bool {
        true
    }

    /// Whether permissions are silently skipped when they cannot be created (`skipPermissions`
    /// of an import).
    fn skip_permissions(&self) -> bool {
        false
    }

    /// Adds a resource-based permission (`addPermission`): an `AWS::Lambda::Permission` named
    /// `id` under the function (or under `permission.scope`). Returns `None` when the
    /// function is an import declared with `skip_permissions`.
    ///
    /// # Errors
    /// `CannotModifyLambdaPermission` ([`Error::InvalidArgument`]) for an import the app may
    /// not change; [`Error::Build`] for a principal a permission cannot name; id errors.
    fn add_permission(
        &self,
        id: &str,
        permission: Permission,
    ) -> Result<Option<CfnPermission>, Error> {
        if !self.can_create_permissions() {
            if self.skip_permissions() {
                return Ok(None);
            }
            return Err(cannot_modify_permission(self.node()));
        }
        permission::add_permission(self.node(), self.function_arn(), id, permission).map(Some)
    }

    /// Lets `grantee` invoke the function (`grantInvoke`): `lambda:InvokeFunction` on
    /// [`resource_arns_for_grant_invoke`](Self::resource_arns_for_grant_invoke) in the
    /// grantee's own policy (the grantee is assumed to be in the function's account).
    ///
    /// # Errors
    /// Errors of [`IGrantable::add_to_principal_policy`].
    fn grant_invoke(&self, grantee: &dyn IGrantable) -> Result<(), Error> {
        let statement = PolicyStatement::new()
            .actions([permission::DEFAULT_ACTION])
            .resources(self.resource_arns_for_grant_invoke());
        grantee.add_to_principal_policy(statement)
    }

    /// Adds a statement to the execution role's policy (`addToRolePolicy`); nothing when the
    /// role is unknown.
    ///
    /// # Errors
    /// Id errors when the role's default policy cannot be created.
    fn add_to_role_policy(&self, statement: PolicyStatement) -> Result<(), Error> {
        match self.role() {
            Some(role) => role.add_to_principal_policy(statement),
            None => Ok(()),
        }
    }
}

/// `CannotModifyLambdaPermission`.
pub(crate) fn cannot_modify_permission(node: &Node) -> Error {
    Error::InvalidArgument {
        path: node.path(),
        message: "Cannot modify permission to lambda function. Function is either imported or $LATEST version.\nIf the function is imported from the same account use `fromFunctionAttributes()` API with the `sameEnvironment` flag.\nIf the function is imported from a different account and already has the correct permissions use `fromFunctionAttributes()` API with the `skipPermissions` flag.".into(),
    }
}

/// What is known of a function defined elsewhere (`FunctionAttributes`), given to
/// [`Function::from_function_attributes`](crate::Function::from_function_attributes).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct FunctionAttributes {
    /// The function's ARN (`arn:aws:lambda:<region>:<account>:function:<name>`). Required.
    pub function_arn: Value,
    /// Its execution role. Default: unknown (grants to the function are dropped).
    #[builder(default)]
    pub role: Option<Role>,
    /// Whether the function is in the stack's account and region, so that permissions may be
    /// added to it. Default: `false` (then only when the ARN's account is the stack's).
    #[builder(default)]
    pub same_environment: bool,
    /// Whether [`IFunction::add_permission`] skips permissions it may not add instead of
    /// failing. Default: `false`.
    #[builder(default)]
    pub skip_permissions: bool,
    /// The instruction set. Default: `x86_64`.
    #[builder(default)]
    pub architecture: Option<Architecture>,
}
cdk_core::impl_props!(FunctionAttributes, FunctionAttributesBuilder);

/// A function defined outside the app (`Function.fromFunctionArn` /
/// `fromFunctionAttributes`).
#[derive(Clone, Debug)]
pub struct ImportedFunction {
    node: Node,
    function_arn: Value,
    function_name: Value,
    role: Option<Role>,
    architecture: Architecture,
    can_create_permissions: bool,
    skip_permissions: bool,
    /// The ARN names an account that is not known to be the stack's.
    other_account: bool,
}

impl Construct for ImportedFunction {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl ImportedFunction {
    /// `fromFunctionAttributes`.
    pub(crate) fn new(
        scope: &impl Construct,
        id: &str,
        attrs: FunctionAttributes,
    ) -> Result<ImportedFunction, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_lambda.FunctionBase");
        let function_arn = attrs.function_arn;
        let (function_name, account) = match function_arn.as_str() {
            Some(arn) => {
                let parts: Vec<&str> = arn.split(':').collect();
                let name = parts.get(6).copied().unwrap_or_default();
                (Value::from(name), parts.get(4).map(|a| a.to_string()))
            }
            None => (cdk_core::Fn::select(6, cdk_core::Fn::split(":", function_arn.clone())), None),
        };
        // `_isStackAccount`: a literal account equal to a literal stack account.
        let stack_account =
            cdk_core::Stack::of(scope).ok().and_then(|s| s.account().as_str().map(str::to_string));
        let is_stack_account = matches!((&account, &stack_account), (Some(a), Some(b)) if a == b);
        Ok(ImportedFunction {
            node,
            function_arn,
            function_name,
            role: attrs.role,
            architecture: attrs.architecture.unwrap_or_default(),
            can_create_permissions: attrs.same_environment || is_stack_account,
            skip_permissions: attrs.skip_permissions,
            other_account: account.is_some() && !is_stack_account,
        })
    }
}

impl IFunction for ImportedFunction {
    fn function_arn(&self) -> Value {
        self.function_arn.clone()
    }
    fn function_name(&self) -> Value {
        self.function_name.clone()
    }
    fn resource_arns_for_grant_invoke(&self) -> Vec<Value> {
        vec![self.function_arn.clone(), cdk_core::cfn_format!("{}:*", self.function_arn.clone())]
    }
    fn role(&self) -> Option<Role> {
        self.role.clone()
    }
    fn architecture(&self) -> Architecture {
        self.architecture
    }
    fn can_create_permissions(&self) -> bool {
        self.can_create_permissions
    }
    fn skip_permissions(&self) -> bool {
        self.skip_permissions
    }
    /// As [`IFunction::grant_invoke`] for a function of the stack's account.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the ARN names an account not known to be the stack's:
    /// aws-cdk-lib then also adds a resource permission (`Invoke<hash of the principal>`),
    /// which this port does not render.
    fn grant_invoke(&self, grantee: &dyn IGrantable) -> Result<(), Error> {
        if self.other_account {
            return Err(Error::InvalidArgument {
                path: self.node.path(),
                message: "grantInvoke on a function of another account (a resource permission as well as the grantee's policy) is not supported".into(),
            });
        }
        let statement = PolicyStatement::new()
            .actions([permission::DEFAULT_ACTION])
            .resources(self.resource_arns_for_grant_invoke());
        grantee.add_to_principal_policy(statement)
    }
}

impl From<&ImportedFunction> for ImportedFunction {
    /// A handle to the same import (handles are cheap to clone), so setters take `&x`.
    fn from(x: &ImportedFunction) -> ImportedFunction {
        x.clone()
    }
}

/// Grants to a version, an alias or an import go to the execution role (`grantPrincipal`);
/// without a known role they are dropped, as aws-cdk-lib's `UnknownPrincipal` drops them.
macro_rules! grantable_through_role {
    ($($t:ty),*) => {$(
        impl IGrantable for $t {
            fn add_to_principal_policy(&self, statement: PolicyStatement) -> Result<(), Error> {
                match IFunction::role(self) {
                    Some(role) => role.add_to_principal_policy(statement),
                    None => Ok(()),
                }
            }
        }
    )*};
}
grantable_through_role!(ImportedFunction, crate::Version, crate::Alias);
