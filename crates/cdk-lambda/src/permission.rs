//! Resource-based permissions of a function (`aws-lambda/lib/permission.ts`, rendered by
//! `FunctionBase.addPermission` in `function-base.ts`): who may call the function, as an
//! `AWS::Lambda::Permission`.

use cdk_core::{BuildError, Error, Node, Value};
use cdk_iam::Principal;
use cfn_lambda::{CfnPermission, CfnPermissionProps};

/// The action a permission grants by default.
pub const DEFAULT_ACTION: &str = "lambda:InvokeFunction";

/// A permission on a function (`lambda.Permission`), given to
/// [`Function::add_permission`](crate::Function::add_permission).
///
/// ```
/// use cdk_iam::Principal;
/// use cdk_lambda::Permission;
/// let p = Permission::builder()
///     .principal(Principal::service("s3.amazonaws.com"))
///     .source_account("123456789012")
///     .build()
///     ?;
/// assert_eq!(p.action, None); // lambda:InvokeFunction
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct Permission {
    /// Who is granted the permission: a service (`ServicePrincipal`), an account or an ARN
    /// (`AccountPrincipal`, `ArnPrincipal`). Required.
    pub principal: Principal,
    /// The action granted. Default: `lambda:InvokeFunction`.
    #[builder(default)]
    pub action: Option<String>,
    /// The ARN of the resource that invokes the function (an S3 bucket, an API's method).
    /// Default: any resource of the principal.
    #[builder(default)]
    pub source_arn: Option<Value>,
    /// The account that owns the invoking resource. Default: any account.
    #[builder(default)]
    pub source_account: Option<Value>,
    /// The Alexa Smart Home token the invoker must supply. Default: none.
    #[builder(default)]
    pub event_source_token: Option<Value>,
    /// The AWS Organizations id whose accounts are granted the permission. Default: none.
    #[builder(default)]
    pub organization_id: Option<Value>,
    /// Where the `AWS::Lambda::Permission` is created. Default: the function itself.
    #[builder(default)]
    pub scope: Option<Node>,
}
cdk_core::impl_props!(Permission, PermissionBuilder);

impl Permission {
    /// A permission for `principal` to invoke the function, everything else by default.
    pub fn new(principal: Principal) -> Permission {
        Permission {
            principal,
            action: None,
            source_arn: None,
            source_account: None,
            event_source_token: None,
            organization_id: None,
            scope: None,
        }
    }
}

/// `parsePermissionPrincipal`: the `Principal` property of the permission and, for an
/// organization, its `PrincipalOrgID`.
fn principal_value(principal: Principal) -> Result<(Value, Option<Value>), BuildError> {
    match principal {
        Principal::Service(service) => Ok((Value::String(service), None)),
        Principal::Aws(value) | Principal::Account(value) => Ok((value, None)),
        Principal::Organization(id) => Ok((Value::from("*"), Some(Value::String(id)))),
        other => Err(BuildError::invalid_field(
            "principal",
            format!(
                "Invalid principal type for Lambda permission statement: {other:?}. Supported: AccountPrincipal, ArnPrincipal, ServicePrincipal, OrganizationPrincipal"
            ),
        )),
    }
}

/// Creates the `AWS::Lambda::Permission` of `permission` on the function `function_arn`,
/// under `function` unless the permission names another scope.
pub(crate) fn add_permission(
    function: &Node,
    function_arn: Value,
    id: &str,
    permission: Permission,
) -> Result<CfnPermission, Error> {
    let scope = permission.scope.unwrap_or_else(|| function.clone());
    let build_err = |source| Error::Build { path: child_path(&scope, id), source };
    let (principal, organization_id) = principal_value(permission.principal).map_err(build_err)?;
    let mut props = CfnPermissionProps::builder()
        .action(permission.action.as_deref().unwrap_or(DEFAULT_ACTION))
        .function_name(function_arn)
        .principal(principal)
        .build()
        .map_err(build_err)?;
    props.event_source_token = permission.event_source_token;
    props.source_account = permission.source_account;
    props.source_arn = permission.source_arn;
    props.principal_org_id = permission.organization_id.or(organization_id);
    CfnPermission::new(&scope, id, props)
}

/// The path a child `id` of `scope` gets (for errors raised before it exists).
pub(crate) fn child_path(scope: &Node, id: &str) -> String {
    let id = cdk_core::tree::sanitize_id(id);
    match scope.path().as_str() {
        "" => id,
        p => format!("{p}/{id}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::Construct;

    #[test]
    fn principals() {
        assert_eq!(
            principal_value(Principal::service("s3.amazonaws.com")).unwrap().0,
            Value::from("s3.amazonaws.com")
        );
        assert_eq!(
            principal_value(Principal::account("123456789012")).unwrap().0,
            Value::from("123456789012")
        );
    }

    #[test]
    fn builder_requires_principal() {
        let err = Permission::builder().build().unwrap_err();
        assert!(err.message().contains("principal"));
    }

    #[test]
    fn child_paths() {
        let app = cdk_core::App::new();
        assert_eq!(child_path(app.node(), "a/b"), "a--b");
        let stack = cdk_core::Stack::new(&app, "S").unwrap();
        assert_eq!(child_path(stack.node(), "P"), "S/P");
    }
}
