//! The Cognito user pools authorizer (`authorizers/cognito.ts`).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use apigw_core::{ApiHandle, AuthorizationType, IAuthorizer};
use cdk_cognito::UserPool;
use cdk_core::{cfn_format, ArnComponents, Construct, Error, IntoProps, Map, Node, Value};
use cfn_apigateway::{CfnAuthorizer, CfnAuthorizerProps};

/// Options of a [`CognitoUserPoolsAuthorizer`] (`CognitoUserPoolsAuthorizerProps`).
///
/// ```
/// use apigw_auth::CognitoUserPoolsAuthorizerProps;
/// use cdk_cognito::{UserPool, UserPoolProps};
/// use cdk_core::{App, Stack};
/// let app = App::new();
/// let stack = Stack::new(&app, "Stack")?;
/// let pool = UserPool::new(&stack, "UserPool", UserPoolProps::default())?;
/// let props = CognitoUserPoolsAuthorizerProps::builder().cognito_user_pools([&pool]).build()?;
/// assert_eq!(props.cognito_user_pools.len(), 1);
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct CognitoUserPoolsAuthorizerProps {
    /// The user pools whose tokens are accepted. Required.
    #[builder(setter(custom))]
    pub cognito_user_pools: Vec<UserPool>,
    /// The authorizer's name. Default: its unique id.
    #[builder(default)]
    pub authorizer_name: Option<String>,
    /// How long decisions are cached, in whole seconds (`Duration::ZERO` turns caching
    /// off). Default: none set (API Gateway's five minutes).
    #[builder(default)]
    pub results_cache_ttl: Option<Duration>,
    /// Where the token is (see [`crate::IdentitySource`]). Default: the `Authorization`
    /// header.
    #[builder(default)]
    pub identity_source: Option<String>,
}

cdk_core::impl_props!(CognitoUserPoolsAuthorizerProps, CognitoUserPoolsAuthorizerPropsBuilder);

impl CognitoUserPoolsAuthorizerPropsBuilder {
    /// The user pools whose tokens are accepted (`cognitoUserPools`): `[&user_pool]`.
    /// Required.
    pub fn cognito_user_pools(
        mut self,
        pools: impl IntoIterator<Item = impl std::borrow::Borrow<UserPool>>,
    ) -> Self {
        self.cognito_user_pools =
            Some(pools.into_iter().map(|p| std::borrow::Borrow::borrow(&p).clone()).collect());
        self
    }
}

#[derive(Debug)]
struct Inner {
    node: Node,
    resource: CfnAuthorizer,
    /// `authorizerArn`.
    authorizer_arn: Value,
    hash_props: Value,
    api: RefCell<Option<ApiHandle>>,
    api_id: Rc<RefCell<Option<Value>>>,
}

/// An authorizer that accepts tokens of Cognito user pools (`CognitoUserPoolsAuthorizer`).
///
/// Give it to methods by reference: `MethodOptions::builder().authorizer(&authorizer)`.
#[derive(Clone, Debug)]
pub struct CognitoUserPoolsAuthorizer(Rc<Inner>);

impl Construct for CognitoUserPoolsAuthorizer {
    fn node(&self) -> &Node {
        &self.0.node
    }
}

impl CognitoUserPoolsAuthorizer {
    /// Defines the authorizer; it joins an API with the first method that uses it.
    /// `props` is the props or their unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the new construct's path; [`Error::InvalidArgument`] for a
    /// cache time not in whole seconds; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<CognitoUserPoolsAuthorizerProps>,
    ) -> Result<Self, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let ttl = match props.results_cache_ttl {
            Some(ttl) if ttl.subsec_nanos() != 0 => {
                return Err(Error::InvalidArgument {
                    path: scope.node().child_path(id),
                    message: format!(
                        "'{} millis' cannot be converted into a whole number of seconds.",
                        ttl.as_millis()
                    ),
                })
            }
            ttl => ttl.map(|t| t.as_secs()),
        };
        if let Some(ttl) = props.results_cache_ttl {
            apigw_core::checks::check_authorizer_ttl(&scope.node().child_path(id), ttl)?;
        }
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_apigateway.CognitoUserPoolsAuthorizer");
        let name = props.authorizer_name.unwrap_or_else(|| node.unique_id());
        let api_id: Rc<RefCell<Option<Value>>> = Rc::default();
        let lazy = api_id.clone();
        let rest_api_id = Value::lazy(move |_| lazy.borrow().clone());
        let identity_source =
            props.identity_source.unwrap_or_else(crate::default_token_identity_source);
        let arns =
            Value::Array(props.cognito_user_pools.iter().map(UserPool::user_pool_arn).collect());
        let mut hash = Map::new();
        hash.insert("name".into(), Value::String(name.clone()));
        hash.insert("restApiId".into(), rest_api_id.clone());
        hash.insert("type".into(), Value::from("COGNITO_USER_POOLS"));
        hash.insert("providerArns".into(), arns.clone());
        if let Some(ttl) = ttl {
            hash.insert("authorizerResultTtlInSeconds".into(), Value::from(ttl));
        }
        hash.insert("identitySource".into(), Value::String(identity_source.clone()));
        let mut l1 = CfnAuthorizerProps::builder()
            .name(name)
            .rest_api_id(rest_api_id.clone())
            .type_("COGNITO_USER_POOLS")
            .provider_arns(arns)
            .identity_source(identity_source);
        if let Some(ttl) = ttl {
            l1 = l1.authorizer_result_ttl_in_seconds(ttl);
        }
        let resource = CfnAuthorizer::new(&node, "Resource", l1)?;
        let authorizer_arn = node.stack()?.format_arn(
            &ArnComponents::new("execute-api", rest_api_id)
                .resource_name(cfn_format!("authorizers/{}", resource.ref_())),
        );
        let unattached = api_id.clone();
        let path = node.path();
        node.add_validation(move || {
            if unattached.borrow().is_none() {
                vec![format!("Authorizer ({path}) must be attached to a RestApi")]
            } else {
                Vec::new()
            }
        });
        Ok(CognitoUserPoolsAuthorizer(Rc::new(Inner {
            node,
            resource,
            authorizer_arn,
            hash_props: Value::Object(hash),
            api: RefCell::new(None),
            api_id,
        })))
    }

    /// The authorizer id (`authorizerId`, the `Ref` of its resource).
    pub fn authorizer_id(&self) -> Value {
        self.0.resource.ref_()
    }

    /// The ARN of the authorizer (`authorizerArn`):
    /// `arn:<partition>:execute-api:<region>:<account>:<api id>/authorizers/<authorizer id>`.
    pub fn authorizer_arn(&self) -> Value {
        self.0.authorizer_arn.clone()
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnAuthorizer {
        &self.0.resource
    }
}

impl From<&CognitoUserPoolsAuthorizer> for apigw_core::Authorizer {
    /// The authorizer as method options take it (`MethodOptions::authorizer`).
    fn from(authorizer: &CognitoUserPoolsAuthorizer) -> Self {
        apigw_core::Authorizer(authorizer.0.clone())
    }
}

impl From<CognitoUserPoolsAuthorizer> for apigw_core::Authorizer {
    /// The authorizer as method options take it (`MethodOptions::authorizer`).
    fn from(authorizer: CognitoUserPoolsAuthorizer) -> Self {
        apigw_core::Authorizer(authorizer.0)
    }
}

impl IAuthorizer for CognitoUserPoolsAuthorizer {
    fn authorizer_id(&self) -> Option<Value> {
        self.0.authorizer_id()
    }

    fn authorization_type(&self) -> Option<AuthorizationType> {
        self.0.authorization_type()
    }

    fn attach_to_api(&self, api: &ApiHandle) -> Result<(), Error> {
        self.0.attach_to_api(api)
    }
}

impl IAuthorizer for Inner {
    fn authorizer_id(&self) -> Option<Value> {
        Some(self.resource.ref_())
    }

    fn authorization_type(&self) -> Option<AuthorizationType> {
        Some(AuthorizationType::Cognito)
    }

    fn attach_to_api(&self, api: &ApiHandle) -> Result<(), Error> {
        if let Some(existing) = self.api.borrow().as_ref() {
            if !existing.same(api) {
                return Err(Error::InvalidArgument {
                    path: self.node.path(),
                    message: "Cannot attach authorizer to two different rest APIs".into(),
                });
            }
        }
        *self.api.borrow_mut() = Some(api.clone());
        *self.api_id.borrow_mut() = Some(api.rest_api_id());
        let flag = cdk_core::feature_flags::APIGATEWAY_AUTHORIZER_CHANGE_DEPLOYMENT_LOGICAL_ID;
        if let Some(deployment) = api.latest_deployment() {
            if self.node.feature_flag(flag) {
                deployment.node().add_dependency(&self.node);
                deployment
                    .add_to_logical_id(Value::object([("authorizer", self.hash_props.clone())]));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use apigw_core::{MethodOptions, MockIntegration, RestApi, RestApiProps};
    use cdk_cognito::UserPoolProps;
    use cdk_core::{App, Stack};

    #[test]
    fn a_result_ttl_over_an_hour_is_refused() -> Result<(), Error> {
        // a synth-time check of ours (`APIGW-7`): aws-cdk-lib checks Lambda authorizers only
        let app = App::new();
        app.skip_synth_check();
        let stack = Stack::new(&app, "Stack")?;
        let pool = UserPool::new(&stack, "Pool", UserPoolProps::default())?;
        let auth = |id: &str, secs: u64| {
            CognitoUserPoolsAuthorizer::new(
                &stack,
                id,
                CognitoUserPoolsAuthorizerProps::builder()
                    .cognito_user_pools([&pool])
                    .results_cache_ttl(Duration::from_secs(secs)),
            )
        };
        auth("Hour", 3600)?;
        let e = auth("Day", 86_400).map(|_| ()).unwrap_err().to_string();
        assert!(e.starts_with("Stack/Day: authorizer result TTL of 86400 seconds"), "{e}");
        assert!(e.contains("The maximum value is 3600") && e.ends_with("[APIGW-7]"), "{e}");
        Ok(())
    }

    #[test]
    fn takes_user_pools_and_goes_to_methods_by_reference() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let a = UserPool::new(&stack, "A", UserPoolProps::default())?;
        let b = UserPool::new(&stack, "B", UserPoolProps::default())?;
        let auth = CognitoUserPoolsAuthorizer::new(
            &stack,
            "Auth",
            CognitoUserPoolsAuthorizerProps::builder()
                .cognito_user_pools([&a, &b])
                .results_cache_ttl(Duration::from_secs(60)),
        )?;
        let arns = auth.resource().property("ProviderARNs");
        let expected = Value::Array(vec![a.user_pool_arn(), b.user_pool_arn()]);
        assert_eq!(format!("{arns:?}"), format!("{:?}", Some(expected)));
        let ttl = auth.resource().property("AuthorizerResultTtlInSeconds");
        assert_eq!(ttl, Some(Value::from(60)));
        let api = RestApi::new(&stack, "Api", RestApiProps::default())?;
        let method = api.root().add_method_with(
            "GET",
            MockIntegration::new(),
            MethodOptions::builder().authorizer(&auth),
        )?;
        let kind = method.resource().property("AuthorizationType");
        assert_eq!(kind, Some(Value::from("COGNITO_USER_POOLS")));
        Ok(())
    }

    #[test]
    fn a_method_with_authorization_type_none_opts_out_of_the_default_authorizer(
    ) -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let pool = UserPool::new(&stack, "Pool", UserPoolProps::default())?;
        let auth = CognitoUserPoolsAuthorizer::new(
            &stack,
            "Auth",
            CognitoUserPoolsAuthorizerProps::builder().cognito_user_pools([&pool]),
        )?;
        let defaults = MethodOptions::builder()
            .authorizer(&auth)
            .authorization_type(apigw_core::AuthorizationType::Cognito)
            .authorization_scopes(["scope"]);
        let api = RestApi::new(
            &stack,
            "Api",
            RestApiProps::builder().default_method_options(defaults.build()?),
        )?;
        let open = api.root().add_method_with(
            "ANY",
            MockIntegration::new(),
            MethodOptions::builder().authorization_type(apigw_core::AuthorizationType::None),
        )?;
        let kind = open.resource().property("AuthorizationType");
        assert_eq!(kind, Some(Value::from("NONE")));
        let unset = |name: &str| open.resource().property(name).is_none_or(|v| v.is_absent());
        assert!(unset("AuthorizerId") && unset("AuthorizationScopes"));
        let guarded = api.root().add_method("GET", MockIntegration::new())?;
        let kind = guarded.resource().property("AuthorizationType");
        assert_eq!(kind, Some(Value::from("COGNITO_USER_POOLS")));
        let id = guarded.resource().property("AuthorizerId");
        assert!(id.is_some_and(|v| !v.is_absent()));
        Ok(())
    }

    #[test]
    fn user_pools_are_required() {
        let e = CognitoUserPoolsAuthorizerProps::builder().build().unwrap_err();
        assert_eq!(
            e.to_string(),
            "CognitoUserPoolsAuthorizerProps: required property 'cognito_user_pools' is not set"
        );
    }
}
