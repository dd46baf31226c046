//! The Cognito user pools authorizer (`authorizers/cognito.ts`).

use std::cell::RefCell;
use std::rc::Rc;

use apigw_core::{ApiHandle, AuthorizationType, IAuthorizer};
use cdk_core::{Construct, Error, Map, Node, Value};
use cfn_apigateway::{CfnAuthorizer, CfnAuthorizerProps};

/// Options of a [`CognitoUserPoolsAuthorizer`] (`CognitoUserPoolsAuthorizerProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
#[non_exhaustive]
pub struct CognitoUserPoolsAuthorizerProps {
    /// ARNs of the user pools whose tokens are accepted.
    pub cognito_user_pool_arns: Vec<Value>,
    /// The authorizer's name. Default: its unique id.
    #[builder(default)]
    pub authorizer_name: Option<String>,
    /// How long decisions are cached, in seconds. Default: API Gateway's.
    #[builder(default)]
    pub results_cache_ttl: Option<u32>,
    /// Where the token is. Default: the `Authorization` header.
    #[builder(default)]
    pub identity_source: Option<String>,
}

impl CognitoUserPoolsAuthorizerProps {
    /// Starts a builder.
    pub fn builder() -> CognitoUserPoolsAuthorizerPropsBuilder {
        CognitoUserPoolsAuthorizerPropsBuilder::default()
    }
}

#[derive(Debug)]
struct Inner {
    node: Node,
    resource: CfnAuthorizer,
    hash_props: Value,
    api: RefCell<Option<ApiHandle>>,
    api_id: Rc<RefCell<Option<Value>>>,
}

/// An authorizer that accepts tokens of Cognito user pools (`CognitoUserPoolsAuthorizer`).
#[derive(Clone, Debug)]
pub struct CognitoUserPoolsAuthorizer(Rc<Inner>);

impl Construct for CognitoUserPoolsAuthorizer {
    fn node(&self) -> &Node {
        &self.0.node
    }
}

impl CognitoUserPoolsAuthorizer {
    /// Defines the authorizer; it joins an API with the first method that uses it.
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: CognitoUserPoolsAuthorizerProps,
    ) -> Result<Self, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_apigateway.CognitoUserPoolsAuthorizer");
        let name = props.authorizer_name.unwrap_or_else(|| node.unique_id());
        let api_id: Rc<RefCell<Option<Value>>> = Rc::default();
        let lazy = api_id.clone();
        let rest_api_id = Value::lazy(move |_| lazy.borrow().clone());
        let identity_source =
            props.identity_source.unwrap_or_else(crate::default_token_identity_source);
        let arns = Value::Array(props.cognito_user_pool_arns);
        let mut hash = Map::new();
        hash.insert("name".into(), Value::String(name.clone()));
        hash.insert("restApiId".into(), rest_api_id.clone());
        hash.insert("type".into(), Value::from("COGNITO_USER_POOLS"));
        hash.insert("providerArns".into(), arns.clone());
        if let Some(ttl) = props.results_cache_ttl {
            hash.insert("authorizerResultTtlInSeconds".into(), Value::from(ttl));
        }
        hash.insert("identitySource".into(), Value::String(identity_source.clone()));
        let mut l1 = CfnAuthorizerProps::builder()
            .name(name)
            .rest_api_id(rest_api_id)
            .type_("COGNITO_USER_POOLS")
            .build()
            .map_err(|source| Error::Build { path: node.path(), source })?;
        l1.provider_arns = Some(arns);
        l1.authorizer_result_ttl_in_seconds = props.results_cache_ttl.map(Value::from);
        l1.identity_source = Some(Value::String(identity_source));
        let resource = CfnAuthorizer::new(&node, "Resource", l1)?;
        let unattached = api_id.clone();
        node.add_validation(move || {
            if unattached.borrow().is_none() {
                vec!["CognitoUserPoolsAuthorizer is not attached to a RestApi".into()]
            } else {
                Vec::new()
            }
        });
        Ok(CognitoUserPoolsAuthorizer(Rc::new(Inner {
            node,
            resource,
            hash_props: Value::Object(hash),
            api: RefCell::new(None),
            api_id,
        })))
    }

    /// The authorizer id (`Ref`).
    pub fn authorizer_id(&self) -> Value {
        self.0.resource.ref_()
    }

    /// The handle methods take (`MethodOptions::authorizer`).
    pub fn as_authorizer(&self) -> apigw_core::Authorizer {
        apigw_core::Authorizer(self.0.clone())
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
