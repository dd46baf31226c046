//! `UserPoolClient` (`user-pool-client.ts`) and `UserPool.addClient`.

use cdk_core::{Construct, Error, Node, Value};
use cfn_cognito::{CfnUserPoolClient, CfnUserPoolClientProps};

use crate::{OAuthScope, UserPool};

/// The callback URL a client with code or implicit grants gets when none is given.
pub const DEFAULT_CALLBACK_URL: &str = "https://example.com";

/// The OAuth scopes a client gets by default (`OAuthScope.PROFILE`, `PHONE`, `EMAIL`,
/// `OPENID`, `COGNITO_ADMIN`), in aws-cdk-lib's order.
pub const DEFAULT_OAUTH_SCOPES: [OAuthScope; 5] = [
    OAuthScope::Profile,
    OAuthScope::Phone,
    OAuthScope::Email,
    OAuthScope::OpenId,
    OAuthScope::CognitoAdmin,
];

/// Options of a [`UserPoolClient`] (`UserPoolClientOptions`, the part this port covers).
/// OAuth is on with aws-cdk-lib's defaults (implicit and authorization-code grants, the
/// [`DEFAULT_OAUTH_SCOPES`], the [`DEFAULT_CALLBACK_URL`]) unless `disable_o_auth` is set.
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct UserPoolClientOptions {
    /// The client's name (`userPoolClientName`). Default: none (Cognito leaves it empty).
    #[builder(default)]
    pub user_pool_client_name: Option<String>,
    /// Generate a client secret (`generateSecret`). Default: none rendered (no secret).
    #[builder(default)]
    pub generate_secret: Option<bool>,
    /// Turn OAuth off (`disableOAuth`): no flows, scopes or callback URLs, and
    /// `AllowedOAuthFlowsUserPoolClient` false. Default: false.
    #[builder(default)]
    pub disable_o_auth: Option<bool>,
    /// Hide whether a user exists (`preventUserExistenceErrors`: `ENABLED`, or `LEGACY` when
    /// false). Default: none rendered (Cognito's).
    #[builder(default)]
    pub prevent_user_existence_errors: Option<bool>,
    /// Let refresh tokens be revoked (`enableTokenRevocation`). Default: none rendered
    /// (Cognito's, enabled).
    #[builder(default)]
    pub enable_token_revocation: Option<bool>,
}
cdk_core::impl_props!(UserPoolClientOptions, UserPoolClientOptionsBuilder);

/// An app client of a user pool (`cognito.UserPoolClient`), made by
/// [`UserPool::add_client`].
///
/// ```
/// use cdk_cognito::{UserPool, UserPoolProps};
/// let app = cdk_core::App::new();
/// let stack = cdk_core::Stack::new(&app, "Stack")?;
/// let pool = UserPool::new(&stack, "Pool", UserPoolProps::default())?;
/// let client = pool.add_client("Client")?;
/// assert_eq!(client.node().path(), "Stack/Pool/Client");
/// # use cdk_core::Construct;
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct UserPoolClient {
    node: Node,
    resource: CfnUserPoolClient,
}

impl Construct for UserPoolClient {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl UserPoolClient {
    /// Defines a client of `user_pool` (`new UserPoolClient(scope, id, { userPool, ...options })`);
    /// `options` is a [`UserPoolClientOptions`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the client's path; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        user_pool: &UserPool,
        options: impl cdk_core::IntoProps<UserPoolClientOptions>,
    ) -> Result<UserPoolClient, Error> {
        let options = options.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_cognito.UserPoolClient");
        let o_auth = !options.disable_o_auth.unwrap_or(false);
        let strings = |items: &[&str]| Value::array(items.iter().map(|s| Value::from(*s)));
        let mut l1 = CfnUserPoolClientProps::builder()
            .user_pool_id(user_pool.user_pool_id())
            .allowed_o_auth_flows_user_pool_client(o_auth)
            // The pool has no identity providers of its own in this port: only Cognito's.
            .supported_identity_providers(strings(&["COGNITO"]));
        if o_auth {
            l1 = l1
                .allowed_o_auth_flows(strings(&["implicit", "code"]))
                .allowed_o_auth_scopes(Value::array(
                    DEFAULT_OAUTH_SCOPES.iter().map(|scope| Value::from(scope.scope_name())),
                ))
                .callback_urls(strings(&[DEFAULT_CALLBACK_URL]));
        }
        if let Some(name) = options.user_pool_client_name {
            l1 = l1.client_name(name);
        }
        if let Some(secret) = options.generate_secret {
            l1 = l1.generate_secret(secret);
        }
        if let Some(prevent) = options.prevent_user_existence_errors {
            l1 = l1.prevent_user_existence_errors(if prevent { "ENABLED" } else { "LEGACY" });
        }
        if let Some(revocation) = options.enable_token_revocation {
            l1 = l1.enable_token_revocation(revocation);
        }
        let resource = CfnUserPoolClient::new(&node, "Resource", l1)?;
        Ok(UserPoolClient { node, resource })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnUserPoolClient {
        &self.resource
    }

    /// The client id (`userPoolClientId`: `Ref`).
    pub fn user_pool_client_id(&self) -> Value {
        self.resource.ref_()
    }
}

impl UserPool {
    /// Adds an app client to this pool (`addClient`) with aws-cdk-lib's defaults; see
    /// [`UserPool::add_client_with`] for options.
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn add_client(&self, id: &str) -> Result<UserPoolClient, Error> {
        self.add_client_with(id, UserPoolClientOptions::default())
    }

    /// Adds an app client to this pool with options (`addClient(id, options)`); `options` is
    /// a [`UserPoolClientOptions`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the client's path; id errors from the tree.
    pub fn add_client_with(
        &self,
        id: &str,
        options: impl cdk_core::IntoProps<UserPoolClientOptions>,
    ) -> Result<UserPoolClient, Error> {
        UserPoolClient::new(self, id, self, options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UserPoolProps;
    use cdk_core::{App, Stack};

    fn client_properties(options: UserPoolClientOptionsBuilder) -> serde_json::Value {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let pool = UserPool::new(&stack, "Pool", UserPoolProps::default()).unwrap();
        pool.add_client_with("Client", options).unwrap();
        let template = stack.synthesize_template().unwrap();
        let resources = template["Resources"].as_object().unwrap();
        let (_, client) = resources
            .iter()
            .find(|(_, r)| r["Type"] == "AWS::Cognito::UserPoolClient")
            .expect("a client");
        client["Properties"].clone()
    }

    #[test]
    fn default_client_has_cdk_oauth_defaults() {
        let props = client_properties(UserPoolClientOptions::builder());
        assert_eq!(
            props,
            serde_json::json!({
                "AllowedOAuthFlows": ["implicit", "code"],
                "AllowedOAuthFlowsUserPoolClient": true,
                "AllowedOAuthScopes": ["profile", "phone", "email", "openid", "aws.cognito.signin.user.admin"],
                "CallbackURLs": ["https://example.com"],
                "SupportedIdentityProviders": ["COGNITO"],
                "UserPoolId": { "Ref": "PoolD3F588B8" },
            })
        );
    }

    #[test]
    fn disabled_oauth_and_options() {
        let props = client_properties(
            UserPoolClientOptions::builder()
                .disable_o_auth(true)
                .user_pool_client_name("web")
                .generate_secret(true)
                .prevent_user_existence_errors(false)
                .enable_token_revocation(true),
        );
        assert_eq!(props["AllowedOAuthFlowsUserPoolClient"], false);
        assert!(props.get("AllowedOAuthFlows").is_none());
        assert!(props.get("AllowedOAuthScopes").is_none());
        assert!(props.get("CallbackURLs").is_none());
        assert_eq!(props["ClientName"], "web");
        assert_eq!(props["GenerateSecret"], true);
        assert_eq!(props["PreventUserExistenceErrors"], "LEGACY");
        assert_eq!(props["EnableTokenRevocation"], true);
    }
}
