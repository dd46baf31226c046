//! # cdk-iam
//!
//! A thin L2 over [`cfn_iam`] with what API Gateway constructs need of `aws-cdk-lib/aws-iam`:
//! [`PolicyStatement`] and [`PolicyDocument`] (`policy-statement.ts`, `policy-document.ts`),
//! [`Grant`] (`grant.ts`), [`User`] with its default policy (`user.ts`) and [`Policy`]
//! (`policy.ts`), [`Role`] (`role.ts`), [`Principal`] (`principals.ts`).
//!
//! ```
//! use cdk_core::{App, Construct, Stack};
//! use cdk_iam::{Grant, PolicyStatement, User, UserProps};
//! let app = App::new();
//! # app.skip_synth_check();
//! let stack = Stack::new(&app, "Stack")?;
//! let user = User::new(&stack, "User", UserProps::default())?;
//! Grant::add_to_principal(&user, ["s3:GetObject"], ["arn:aws:s3:::b/*"])?;
//! assert!(user.node().try_find_child("DefaultPolicy").is_some());
//! # Ok::<(), cdk_core::Error>(())
//! ```

mod policy;
mod principals;
mod role;
mod statement;
mod user;

pub use policy::{Policy, PolicyProps, PolicyPropsBuilder};
pub use principals::Principal;
pub use role::{ManagedPolicy, Role, RoleProps};
pub use statement::{Effect, PolicyDocument, PolicyStatement};
pub use user::{User, UserProps};

use cdk_core::{Error, Value};

/// The former name of [`IGrantable`], kept so that existing code compiles (`apigw-core` and
/// several neighbour crates still name it).
#[doc(hidden)]
pub use self::IGrantable as Grantable;

/// Something that can be granted permissions (CDK's `IGrantable`): it adds statements to
/// its own policy.
pub trait IGrantable {
    /// Adds a statement to the principal's policy (creating its default policy on first use).
    ///
    /// # Errors
    /// Id errors when the default policy cannot be created.
    fn add_to_principal_policy(&self, statement: PolicyStatement) -> Result<(), Error>;
}

/// What adding a statement to a resource policy did (CDK's `AddToResourcePolicyResult`,
/// `grant.ts`): a resource imported from elsewhere has no policy this app can change, so it
/// adds nothing and says so.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct AddToResourcePolicyResult {
    /// Whether the statement was added (`statementAdded`).
    pub statement_added: bool,
    /// What to depend on for the policy change to be applied (`policyDependable`). Default:
    /// the resource itself when the statement was added, nothing otherwise.
    pub policy_dependable: Option<cdk_core::Node>,
}

impl AddToResourcePolicyResult {
    /// The statement was added; `policy_dependable` applies it (usually the resource).
    pub fn added(policy_dependable: impl Into<Option<cdk_core::Node>>) -> Self {
        AddToResourcePolicyResult {
            statement_added: true,
            policy_dependable: policy_dependable.into(),
        }
    }

    /// The statement was not added (`{ statementAdded: false }`).
    pub fn not_added() -> Self {
        AddToResourcePolicyResult { statement_added: false, policy_dependable: None }
    }
}

/// Grants of permissions (`iam.Grant`).
pub struct Grant;

impl Grant {
    /// `Grant.addToPrincipal`: an `Allow` statement with these actions and resources on the
    /// grantee's own policy.
    ///
    /// # Errors
    /// Errors of [`IGrantable::add_to_principal_policy`].
    pub fn add_to_principal<A, R>(
        grantee: &impl IGrantable,
        actions: A,
        resource_arns: R,
    ) -> Result<(), Error>
    where
        A: IntoIterator,
        A::Item: AsRef<str>,
        R: IntoIterator,
        R::Item: Into<Value>,
    {
        let actions: Vec<String> = actions.into_iter().map(|a| a.as_ref().to_string()).collect();
        let statement = PolicyStatement::new().actions(actions).resources(resource_arns);
        grantee.add_to_principal_policy(statement)
    }
}
