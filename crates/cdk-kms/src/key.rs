//! `kms.Key` (`key.ts`, `key-grants.ts`, `alias.ts`).

use std::time::Duration;

use cdk_core::{Aws, CfnResource, Construct, Error, IntoProps, Node, RemovalPolicy, Value};
use cdk_iam::{Grant, Grantable, PolicyDocument, PolicyStatement};
use cfn_kms::{CfnKey, CfnKeyProps};

/// Actions of [`IKey::grant_decrypt`] (`DECRYPT_ACTIONS`).
pub const DECRYPT_ACTIONS: [&str; 1] = ["kms:Decrypt"];
/// Actions of [`IKey::grant_encrypt`] (`ENCRYPT_ACTIONS`).
pub const ENCRYPT_ACTIONS: [&str; 3] = ["kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"];

/// Prefix of every alias name.
const ALIAS_PREFIX: &str = "alias/";
/// Prefix reserved for AWS managed keys.
const DISALLOWED_ALIAS_PREFIX: &str = "alias/aws/";

/// Options of a [`Key`] (`kms.KeyProps`).
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct KeyProps {
    /// A description. Default: none.
    #[builder(default)]
    pub description: Option<Value>,
    /// Whether AWS KMS rotates the key material every year. Default: KMS's, off (nothing
    /// rendered).
    #[builder(default)]
    pub enable_key_rotation: Option<bool>,
    /// How long a key scheduled for deletion waits (7–30 days, whole days). Default: KMS's,
    /// 30 days (nothing rendered).
    #[builder(default)]
    pub pending_window: Option<Duration>,
    /// An alias to create for the key (`alias/` is prepended when missing). Default: none.
    #[builder(default)]
    pub alias: Option<String>,
    /// What happens to the key when it leaves the stack. Default: [`RemovalPolicy::Retain`].
    #[builder(default)]
    pub removal_policy: Option<RemovalPolicy>,
}
cdk_core::impl_props!(KeyProps, KeyPropsBuilder);

/// A KMS key, owned or imported (`IKey`), with the grants of `key-grants.ts`.
///
/// Grants go to the grantee's policy on the key's ARN: the key policy of a [`Key`] trusts
/// the account (`@aws-cdk/aws-kms:defaultKeyPolicies`), as for any grantee of the same
/// account.
pub trait IKey: Construct + std::fmt::Debug {
    /// The key's ARN.
    fn key_arn(&self) -> Value;

    /// Grants `actions` on this key to `grantee` (`grant`).
    ///
    /// # Errors
    /// Errors of [`Grantable::add_to_principal_policy`].
    fn grant<'a>(
        &self,
        grantee: &impl Grantable,
        actions: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), Error>
    where
        Self: Sized,
    {
        grant_on_key(self, grantee, actions)
    }

    /// Grants decrypting (`grantDecrypt`): [`DECRYPT_ACTIONS`].
    ///
    /// # Errors
    /// Errors of [`Grantable::add_to_principal_policy`].
    fn grant_decrypt(&self, grantee: &impl Grantable) -> Result<(), Error>
    where
        Self: Sized,
    {
        self.grant(grantee, DECRYPT_ACTIONS)
    }

    /// Grants encrypting (`grantEncrypt`): [`ENCRYPT_ACTIONS`].
    ///
    /// # Errors
    /// Errors of [`Grantable::add_to_principal_policy`].
    fn grant_encrypt(&self, grantee: &impl Grantable) -> Result<(), Error>
    where
        Self: Sized,
    {
        self.grant(grantee, ENCRYPT_ACTIONS)
    }

    /// Grants encrypting and decrypting (`grantEncryptDecrypt`): [`DECRYPT_ACTIONS`] then
    /// [`ENCRYPT_ACTIONS`].
    ///
    /// # Errors
    /// Errors of [`Grantable::add_to_principal_policy`].
    fn grant_encrypt_decrypt(&self, grantee: &impl Grantable) -> Result<(), Error>
    where
        Self: Sized,
    {
        self.grant(grantee, DECRYPT_ACTIONS.into_iter().chain(ENCRYPT_ACTIONS))
    }
}

/// `key.grant(grantee, ...actions)` for any key, also behind `dyn IKey` (what the
/// encrypted resources of other crates call after their own grant).
///
/// # Errors
/// Errors of [`Grantable::add_to_principal_policy`].
pub fn grant_on_key<'a>(
    key: &(impl IKey + ?Sized),
    grantee: &impl Grantable,
    actions: impl IntoIterator<Item = &'a str>,
) -> Result<(), Error> {
    let actions: Vec<&str> = actions.into_iter().collect();
    Grant::add_to_principal(grantee, &actions, vec![key.key_arn()])
}

/// A customer managed KMS key (`kms.Key`), symmetric, for encryption and decryption.
///
/// Its key policy lets the account's IAM policies grant its use (the default key policy of
/// `@aws-cdk/aws-kms:defaultKeyPolicies`: `kms:*` for the account root).
#[derive(Clone, Debug)]
pub struct Key {
    node: Node,
    resource: CfnKey,
    policy: PolicyDocument,
}

impl Construct for Key {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl PartialEq for Key {
    /// Two handles are equal when they are the same construct.
    fn eq(&self, other: &Self) -> bool {
        self.node.same(&other.node)
    }
}

/// `AliasName` as `kms.Alias` checks and completes a literal name.
fn alias_name(name: &str) -> Result<String, String> {
    let name = if name.starts_with(ALIAS_PREFIX) {
        name.to_string()
    } else {
        format!("{ALIAS_PREFIX}{name}")
    };
    if name == ALIAS_PREFIX {
        return Err(format!("Alias must include a value after \"{ALIAS_PREFIX}\": {name}"));
    }
    if name.to_lowercase().starts_with(DISALLOWED_ALIAS_PREFIX) {
        return Err(format!("Alias cannot start with {DISALLOWED_ALIAS_PREFIX}: {name}"));
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, ':' | '/' | '_' | '-');
    if name.len() > 256 || !name.chars().all(allowed) {
        return Err("Alias name must be between 1 and 256 characters in a-zA-Z0-9:/_-".into());
    }
    Ok(name)
}

impl Key {
    /// Defines a key; `props` is the props or their unfinished builder
    /// (`KeyProps::default()` for every default). With an alias, the key gets an
    /// `AWS::KMS::Alias` child `Alias`.
    ///
    /// # Errors
    /// [`Error::Build`] for an unfinished builder; [`Error::InvalidArgument`] (naming the
    /// key's path) for a pending window that is not whole days or outside 7–30 days, or an
    /// invalid alias; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<KeyProps>,
    ) -> Result<Key, Error> {
        let path = scope.node().child_path(id);
        let props = props.into_props_at(&path)?;
        let invalid = |message: String| Error::InvalidArgument { path: path.clone(), message };
        let pending_days = match props.pending_window {
            None => None,
            Some(d) => {
                if d.subsec_nanos() != 0 || d.as_secs() % 86_400 != 0 {
                    return Err(invalid(format!(
                        "'{} millis' cannot be converted into a whole number of days.",
                        d.as_millis()
                    )));
                }
                let days = d.as_secs() / 86_400;
                if !(7..=30).contains(&days) {
                    return Err(invalid(format!(
                        "'pendingWindow' value must between 7 and 30 days. Received: {days}"
                    )));
                }
                Some(days)
            }
        };
        let alias = props.alias.as_deref().map(alias_name).transpose().map_err(invalid)?;

        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_kms.Key");
        let policy = PolicyDocument::new();
        let root = Value::concat([
            Value::from("arn:"),
            Aws::partition(),
            Value::from(":iam::"),
            Aws::account_id(),
            Value::from(":root"),
        ]);
        policy.add_statement(
            PolicyStatement::new()
                .resources([Value::from("*")])
                .actions(["kms:*"])
                .principal("AWS", root),
        );
        let mut l1 = CfnKeyProps::default();
        l1.description = props.description;
        l1.enable_key_rotation = props.enable_key_rotation.map(Value::from);
        l1.key_policy = Some(policy.lazy());
        l1.pending_window_in_days = pending_days.map(Value::from);
        let resource = CfnKey::new(&node, "Resource", l1)?;
        resource.apply_removal_policy(props.removal_policy.unwrap_or(RemovalPolicy::Retain));
        let key = Key { node, resource, policy };
        if let Some(name) = alias {
            let scope = key.node.add_child("Alias")?;
            scope.set_construct_info("aws-cdk-lib.aws_kms.Alias");
            CfnResource::new(
                &scope,
                "Resource",
                "AWS::KMS::Alias",
                Value::object([("AliasName", Value::from(name)), ("TargetKeyId", key.key_arn())]),
            )?;
        }
        Ok(key)
    }

    /// A key of another stack or app, by ARN (`fromKeyArn`).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_key_arn(
        scope: &impl Construct,
        id: &str,
        key_arn: impl Into<Value>,
    ) -> Result<ImportedKey, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_kms.KeyBase");
        Ok(ImportedKey { node, arn: key_arn.into() })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnKey {
        &self.resource
    }

    /// The key's id (`Ref`).
    pub fn key_id(&self) -> Value {
        self.resource.ref_()
    }

    /// Adds a statement to the key policy (`addToResourcePolicy`).
    pub fn add_to_resource_policy(&self, statement: PolicyStatement) {
        self.policy.add_statement(statement);
    }
}

impl IKey for Key {
    /// `Fn::GetAtt Arn`.
    fn key_arn(&self) -> Value {
        self.resource.attr_arn()
    }
}

/// A key imported by ARN (`Key.fromKeyArn`): a construct without resources that grants and
/// encrypted resources refer to.
#[derive(Clone, Debug)]
pub struct ImportedKey {
    node: Node,
    arn: Value,
}

impl Construct for ImportedKey {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IKey for ImportedKey {
    fn key_arn(&self) -> Value {
        self.arn.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, Stack};

    #[test]
    fn rules() -> Result<(), Error> {
        assert_eq!(alias_name("shared").as_deref(), Ok("alias/shared"));
        assert!(alias_name("alias/").is_err());
        assert!(alias_name("alias/aws/x").is_err());
        assert!(alias_name("a b").is_err());
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let err = Key::new(
            &stack,
            "K",
            KeyProps::builder().pending_window(Duration::from_secs(3 * 86_400)),
        )
        .err()
        .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("Stack/K: 'pendingWindow' value must between 7 and 30 days. Received: 3")
        );
        assert!(stack.node().try_find_child("K").is_none());
        Ok(())
    }
}
