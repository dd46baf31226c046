//! Principals (`aws-iam/lib/principals.ts`): who a statement is about, rendered as aws-cdk-lib
//! renders each kind in a `Principal` block (and, for some, a `Condition`).

use cdk_core::{Aws, BuildError, Map, Value};

use crate::{PolicyDocument, PolicyStatement};

/// The key under which a literal principal (`"Principal": "*"`) is kept in a statement
/// (CDK's `LITERAL_STRING_KEY`).
pub(crate) const LITERAL_STRING_KEY: &str = "LiteralString";

/// A principal (CDK's `IPrincipal` implementations): who may assume a role, who a resource
/// policy statement or a Lambda permission names.
///
/// Build one with the constructors, named after CDK's classes:
///
/// | CDK | Rust | `Principal` block |
/// |---|---|---|
/// | `new ServicePrincipal(s)` | [`Principal::service`] | `{"Service": s}` |
/// | `new ArnPrincipal(arn)` | [`Principal::arn`] | `{"AWS": arn}` |
/// | `new AccountPrincipal(id)` | [`Principal::account`] | `{"AWS": "arn:<partition>:iam::<id>:root"}` |
/// | `new AccountRootPrincipal()` | [`Principal::account_root`] | the same with the stack's account |
/// | `new AnyPrincipal()` | [`Principal::any`] | `{"AWS": "*"}` |
/// | `new StarPrincipal()` | [`Principal::star`] | `"*"` |
/// | `new OrganizationPrincipal(id)` | [`Principal::organization`] | `{"AWS": "*"}` and `StringEquals aws:PrincipalOrgID` |
/// | `new CompositePrincipal(...)` | [`Principal::composite`] | the union |
/// | `p.withConditions(c)`, `new ServicePrincipal(s, {conditions})` | [`Principal::with_conditions`] | `p` plus a `Condition` |
///
/// ```
/// use cdk_core::Value;
/// use cdk_iam::Principal;
/// let p = Principal::service("lambda.amazonaws.com")
///     .with_conditions([("StringEquals", Value::object([("aws:SourceAccount", "123456789012")]))]);
/// let both = Principal::composite([p, Principal::account_root()]);
/// # let _ = both;
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Principal {
    /// An AWS service (`ServicePrincipal`, such as `lambda.amazonaws.com`).
    Service(String),
    /// An ARN (`ArnPrincipal`; `AnyPrincipal` is the ARN `*`).
    Aws(Value),
    /// An account by id (`AccountPrincipal`; `AccountRootPrincipal` is the stack's account):
    /// rendered as the account's root ARN, named by its id in a Lambda permission.
    Account(Value),
    /// Everybody, as the literal `"Principal": "*"` (`StarPrincipal`).
    Star,
    /// The accounts of an AWS Organization (`OrganizationPrincipal`).
    Organization(String),
    /// Several principals at once (`CompositePrincipal`).
    Composite(Vec<Principal>),
    /// A principal with conditions added to the statements naming it (`PrincipalWithConditions`).
    WithConditions {
        /// The principal.
        principal: Box<Principal>,
        /// Operator (`StringEquals`) → an object of keys and values.
        conditions: Map,
    },
}

impl Principal {
    /// A service principal (`new ServicePrincipal(service)`).
    pub fn service(name: &str) -> Self {
        Principal::Service(name.to_string())
    }

    /// An ARN principal (`new ArnPrincipal(arn)`): a user, a role, an assumed-role session.
    pub fn arn(arn: impl Into<Value>) -> Self {
        Principal::Aws(arn.into())
    }

    /// Any AWS principal (`new AnyPrincipal()`): `{"AWS": "*"}`.
    pub fn any() -> Self {
        Principal::Aws(Value::from("*"))
    }

    /// Everybody, anonymous users included (`new StarPrincipal()`): `"Principal": "*"`.
    pub fn star() -> Self {
        Principal::Star
    }

    /// An account (`new AccountPrincipal(accountId)`), a literal id or a token.
    pub fn account(account_id: impl Into<Value>) -> Self {
        Principal::Account(account_id.into())
    }

    /// The stack's own account (`new AccountRootPrincipal()`).
    pub fn account_root() -> Self {
        Principal::Account(Aws::account_id())
    }

    /// The accounts of an organization (`new OrganizationPrincipal(organizationId)`).
    ///
    /// # Errors
    /// A [`BuildError`] for an id not matching `^o-[a-z0-9]{10,32}$` (CDK's
    /// `ExpectedOrganizationMatchRegex`).
    pub fn organization(organization_id: &str) -> Result<Self, BuildError> {
        let rest = organization_id.strip_prefix("o-").unwrap_or("");
        let valid = (10..=32).contains(&rest.len())
            && rest.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        if !valid {
            return Err(BuildError::invalid_field(
                "organization_id",
                format!("Expected Organization ID must match regex pattern ^o-[a-z0-9]{{10,32}}$, received {organization_id}"),
            ));
        }
        Ok(Principal::Organization(organization_id.to_string()))
    }

    /// Several principals (`new CompositePrincipal(...principals)`).
    pub fn composite(principals: impl IntoIterator<Item = Principal>) -> Self {
        Principal::Composite(principals.into_iter().collect())
    }

    /// This principal with conditions (`withConditions`): pairs of an operator
    /// (`StringEquals`) and an object of keys and values. Conditions on the same operator
    /// are merged, later keys winning.
    pub fn with_conditions<K, V>(self, conditions: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<Value>,
    {
        let (principal, mut existing) = match self {
            Principal::WithConditions { principal, conditions } => (principal, conditions),
            other => (Box::new(other), Map::new()),
        };
        for (operator, value) in conditions {
            merge_condition(&mut existing, operator.into(), value.into());
        }
        Principal::WithConditions { principal, conditions: existing }
    }

    /// The principal without its conditions.
    pub fn unwrapped(&self) -> &Principal {
        match self {
            Principal::WithConditions { principal, .. } => principal.unwrapped(),
            other => other,
        }
    }

    /// The conditions a statement naming this principal gets (`policyFragment.conditions`).
    pub fn conditions(&self) -> Map {
        let mut out = Map::new();
        self.collect_conditions(&mut out);
        out
    }

    fn collect_conditions(&self, out: &mut Map) {
        match self {
            Principal::Organization(id) => merge_condition(
                out,
                "StringEquals".into(),
                Value::object([("aws:PrincipalOrgID", id.as_str())]),
            ),
            Principal::Composite(list) => list.iter().for_each(|p| p.collect_conditions(out)),
            Principal::WithConditions { principal, conditions } => {
                principal.collect_conditions(out);
                for (k, v) in conditions {
                    merge_condition(out, k.to_string(), v.clone());
                }
            }
            _ => {}
        }
    }

    /// Adds this principal (and its conditions) to a statement (`addPrincipals`).
    pub(crate) fn add_to(&self, statement: PolicyStatement) -> PolicyStatement {
        let statement = self.add_principal_only(statement);
        let mut statement = statement;
        for (operator, value) in self.conditions() {
            statement = statement.conditions_object(&operator, value);
        }
        statement
    }

    fn add_principal_only(&self, statement: PolicyStatement) -> PolicyStatement {
        match self {
            Principal::Service(s) => statement.principal("Service", s.as_str()),
            Principal::Aws(v) => statement.principal("AWS", v.clone()),
            Principal::Account(id) => statement.principal("AWS", account_root_arn(id)),
            Principal::Star => statement.principal(LITERAL_STRING_KEY, "*"),
            Principal::Organization(_) => statement.principal("AWS", "*"),
            Principal::Composite(list) => {
                list.iter().fold(statement, |s, p| p.add_principal_only(s))
            }
            Principal::WithConditions { principal, .. } => principal.add_principal_only(statement),
        }
    }

    /// Adds the statement letting this principal assume a role to its trust policy
    /// (`addToAssumeRolePolicy`): one statement, or one per member of a composite.
    pub(crate) fn add_to_assume_role_policy(&self, document: &PolicyDocument) {
        match self {
            Principal::Composite(list) => {
                list.iter().for_each(|p| p.add_to_assume_role_policy(document))
            }
            other => document
                .add_statement(other.add_to(PolicyStatement::new().actions(["sts:AssumeRole"]))),
        }
    }
}

/// `arn:<partition>:iam::<account>:root`.
fn account_root_arn(account_id: &Value) -> Value {
    Value::concat([
        Value::from("arn:"),
        Aws::partition(),
        Value::from(":iam::"),
        account_id.clone(),
        Value::from(":root"),
    ])
}

/// Merges `value` (an object of keys) into `conditions[operator]`.
fn merge_condition(conditions: &mut Map, operator: String, value: Value) {
    match (conditions.get_mut(&operator), value.into_object()) {
        (Some(Value::Object(existing)), Ok(new)) => existing.extend(new),
        (_, value) => {
            conditions.insert(operator, value.map_or_else(|v| v, Value::Object));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organization_ids() {
        assert!(Principal::organization("o-abcdefghij").is_ok());
        let err = Principal::organization("o-1234").unwrap_err();
        assert!(err.message().contains("received o-1234"), "{}", err.message());
        assert!(Principal::organization("x-abcdefghij").is_err());
    }

    #[test]
    fn conditions_merge() {
        let p = Principal::service("s")
            .with_conditions([("StringEquals", Value::object([("a", "1")]))])
            .with_conditions([("StringEquals", Value::object([("b", "2")]))]);
        let c = p.conditions();
        assert_eq!(c["StringEquals"], Value::object([("a", "1"), ("b", "2")]));
        assert_eq!(p.unwrapped(), &Principal::service("s"));
    }

    #[test]
    fn star_renders_as_a_literal() {
        let j = Principal::star().add_to(PolicyStatement::new().actions(["a:B"])).to_json();
        assert_eq!(j.as_object().unwrap()["Principal"], Value::from("*"));
    }
}
