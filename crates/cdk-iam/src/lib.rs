//! # cdk-iam
//!
//! A thin L2 over [`cfn_iam`] with what API Gateway constructs need of `aws-cdk-lib/aws-iam`:
//! [`PolicyStatement`] and [`PolicyDocument`] (`policy-statement.ts`, `policy-document.ts`),
//! [`Grant`] (`grant.ts`), [`User`] with its default policy (`user.ts`) and [`Policy`]
//! (`policy.ts`), [`Role`] (`role.ts`).
//!
//! ```
//! use cdk_core::{App, Construct, Stack};
//! use cdk_iam::{Grant, PolicyStatement, User, UserProps};
//! let app = App::new();
//! let stack = Stack::new(&app, "Stack").unwrap();
//! let user = User::new(&stack, "User", UserProps::default()).unwrap();
//! Grant::add_to_principal(&user, &["s3:GetObject"], vec!["arn:aws:s3:::b/*".into()]).unwrap();
//! assert!(user.node().try_find_child("DefaultPolicy").is_some());
//! ```

mod policy;
mod role;
mod statement;
mod user;

pub use policy::{Policy, PolicyProps, PolicyPropsBuilder};
pub use role::{ManagedPolicy, Principal, Role, RoleProps};
pub use statement::{Effect, PolicyDocument, PolicyStatement};
pub use user::{User, UserProps};

use cdk_core::{Error, Value};

/// Something that can be granted permissions: it adds statements to its own policy.
pub trait Grantable {
    /// Adds a statement to the principal's policy (creating its default policy on first use).
    ///
    /// # Errors
    /// Id errors when the default policy cannot be created.
    fn add_to_principal_policy(&self, statement: PolicyStatement) -> Result<(), Error>;
}

/// Grants of permissions (`iam.Grant`).
pub struct Grant;

impl Grant {
    /// `Grant.addToPrincipal`: an `Allow` statement with these actions and resources on the
    /// grantee's own policy.
    ///
    /// # Errors
    /// Errors of [`Grantable::add_to_principal_policy`].
    pub fn add_to_principal(
        grantee: &impl Grantable,
        actions: &[&str],
        resources: Vec<Value>,
    ) -> Result<(), Error> {
        let statement =
            PolicyStatement::new().actions(actions.iter().copied()).resources(resources);
        grantee.add_to_principal_policy(statement)
    }
}
