//! `iam.Policy` (`policy.ts`): an `AWS::IAM::Policy` attached to users (and roles).

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::{Construct, Error, Node, Value};
use cfn_iam::{CfnPolicy, CfnPolicyProps};

use crate::{PolicyDocument, PolicyStatement};

/// Longest IAM policy name.
const MAX_POLICY_NAME_LEN: usize = 128;

/// Options of a [`Policy`].
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct PolicyProps {
    /// The policy name. Default: the last 128 characters of the resource's logical ID.
    #[builder(default)]
    pub policy_name: Option<String>,
    /// Initial statements. Default: none.
    #[builder(default, setter(custom))]
    pub statements: Vec<PolicyStatement>,
}
cdk_core::impl_props!(PolicyProps, PolicyPropsBuilder);

impl PolicyPropsBuilder {
    /// Initial statements (any list), after those given before. Default: none.
    pub fn statements(mut self, statements: impl IntoIterator<Item = PolicyStatement>) -> Self {
        self.statements.get_or_insert_with(Vec::new).extend(statements);
        self
    }

    /// Adds one initial statement.
    pub fn statement(self, statement: PolicyStatement) -> Self {
        self.statements([statement])
    }
}

/// An inline IAM policy (`iam.Policy`).
#[derive(Clone, Debug)]
pub struct Policy {
    node: Node,
    resource: CfnPolicy,
    document: PolicyDocument,
    users: Rc<RefCell<Vec<Value>>>,
    roles: Rc<RefCell<Vec<Value>>>,
}

impl Construct for Policy {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Policy {
    /// Defines a policy.
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<PolicyProps>,
    ) -> Result<Policy, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_iam.Policy");
        let document = PolicyDocument::new();
        for s in props.statements {
            document.add_statement(s);
        }
        let users: Rc<RefCell<Vec<Value>>> = Rc::default();
        let roles: Rc<RefCell<Vec<Value>>> = Rc::default();
        let list = |v: &Rc<RefCell<Vec<Value>>>| {
            let v = v.clone();
            Value::lazy_uncached(move |_| {
                let l = v.borrow();
                (!l.is_empty()).then(|| Value::Array(l.clone()))
            })
        };
        let mut l1 = CfnPolicyProps::builder()
            .policy_document(document.lazy())
            .policy_name(Value::Null)
            .build()
            .map_err(|source| Error::Build { path: node.path(), source })?;
        l1.users = Some(list(&users));
        l1.roles = Some(list(&roles));
        let resource = CfnPolicy::new(&node, "Resource", l1)?;
        let name: Value = match props.policy_name {
            Some(n) => Value::String(n),
            None => {
                let logical_id = resource.logical_id();
                Value::lazy(move |ctx| {
                    let id = ctx.resolve(&logical_id).ok().flatten()?;
                    let id = id.as_str()?.to_string();
                    let skip = id.chars().count().saturating_sub(MAX_POLICY_NAME_LEN);
                    Some(Value::String(id.chars().skip(skip).collect()))
                })
            }
        };
        resource.set_property("PolicyName", name);
        Ok(Policy { node, resource, document, users, roles })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnPolicy {
        &self.resource
    }

    /// The policy document (shared: statements added later are rendered).
    pub fn document(&self) -> &PolicyDocument {
        &self.document
    }

    /// Adds a statement.
    pub fn add_statements(&self, statements: impl IntoIterator<Item = PolicyStatement>) {
        for s in statements {
            self.document.add_statement(s);
        }
    }

    /// Attaches the policy to a user (CDK's `attachToUser(user)`).
    pub fn attach_to_user(&self, user: &crate::User) {
        self.attach_user_name(user.user_name());
    }

    /// Attaches the policy to a role (CDK's `attachToRole(role)`).
    pub fn attach_to_role(&self, role: &crate::Role) {
        self.attach_role_name(role.role_name());
    }

    /// Lists a user (by name, `Ref`) in the policy's `Users`.
    pub(crate) fn attach_user_name(&self, user_name: Value) {
        let mut u = self.users.borrow_mut();
        if !u.contains(&user_name) {
            u.push(user_name)
        }
    }

    /// Lists a role (by name, `Ref`) in the policy's `Roles`.
    pub(crate) fn attach_role_name(&self, role_name: Value) {
        let mut r = self.roles.borrow_mut();
        if !r.contains(&role_name) {
            r.push(role_name)
        }
    }
}
