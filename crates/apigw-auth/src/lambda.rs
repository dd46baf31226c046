//! Lambda authorizers (`authorizers/lambda.ts`): a function decides from a token
//! ([`TokenAuthorizer`]) or from request parameters ([`RequestAuthorizer`]).

use std::cell::RefCell;
use std::rc::Rc;

use apigw_core::{ApiHandle, AuthorizationType, IAuthorizer};
use cdk_core::{cfn_format, ArnComponents, Construct, Error, Fn, Map, Node, Value};
use cdk_iam::{Principal, Role};
use cdk_lambda::{Function, Permission};
use cfn_apigateway::{CfnAuthorizer, CfnAuthorizerProps};

/// Longest cache time aws-cdk-lib accepts, in seconds.
pub const MAX_RESULTS_CACHE_TTL: u32 = 3600;
/// Default cache time, in seconds (five minutes).
pub const DEFAULT_RESULTS_CACHE_TTL: u32 = 300;

/// Options of a [`TokenAuthorizer`] (`TokenAuthorizerProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
#[non_exhaustive]
pub struct TokenAuthorizerProps {
    /// The function that decides.
    pub handler: Function,
    /// The authorizer's name. Default: its unique id.
    #[builder(default)]
    pub authorizer_name: Option<String>,
    /// Where the token is. Default: the `Authorization` header.
    #[builder(default)]
    pub identity_source: Option<String>,
    /// A regular expression the token must match before the function is called.
    #[builder(default)]
    pub validation_regex: Option<String>,
    /// How long decisions are cached, in seconds (0 turns caching off, at most 3600).
    /// Default: 300.
    #[builder(default)]
    pub results_cache_ttl: Option<u32>,
    /// A role API Gateway assumes to call the function. Default: a permission on the function.
    #[builder(default)]
    pub assume_role: Option<Role>,
}

impl TokenAuthorizerProps {
    /// Starts a builder.
    pub fn builder() -> TokenAuthorizerPropsBuilder {
        TokenAuthorizerPropsBuilder::default()
    }
}

/// Options of a [`RequestAuthorizer`] (`RequestAuthorizerProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
#[non_exhaustive]
pub struct RequestAuthorizerProps {
    /// The function that decides.
    pub handler: Function,
    /// Where the identity is (see [`crate::IdentitySource`]); at least one while caching.
    pub identity_sources: Vec<String>,
    /// The authorizer's name. Default: its unique id.
    #[builder(default)]
    pub authorizer_name: Option<String>,
    /// How long decisions are cached, in seconds (0 turns caching off, at most 3600).
    /// Default: 300.
    #[builder(default)]
    pub results_cache_ttl: Option<u32>,
    /// A role API Gateway assumes to call the function. Default: a permission on the function.
    #[builder(default)]
    pub assume_role: Option<Role>,
}

impl RequestAuthorizerProps {
    /// Starts a builder.
    pub fn builder() -> RequestAuthorizerPropsBuilder {
        RequestAuthorizerPropsBuilder::default()
    }
}

/// What token and request authorizers share (`LambdaAuthorizer`).
#[derive(Debug)]
struct LambdaAuthorizer {
    node: Node,
    resource: CfnAuthorizer,
    handler: Function,
    /// `authorizerProps` with aws-cdk-lib's camelCase names, for the deployment hash.
    hash_props: Value,
    api: RefCell<Option<ApiHandle>>,
    /// The attached API's id, read by the lazy `RestApiId`.
    api_id: Rc<RefCell<Option<Value>>>,
}

/// `lambdaAuthorizerArn`: `arn:<partition>:apigateway:<region>:lambda:path/.../invocations`,
/// with partition and region taken from the function's ARN.
fn lambda_authorizer_arn(handler: &Function) -> Value {
    let arn = handler.function_arn();
    let part = |i: usize| Fn::select(i, Fn::split(":", arn.clone()));
    cfn_format!(
        "arn:{}:apigateway:{}:lambda:path/2015-03-31/functions/{}/invocations",
        part(1),
        part(3),
        arn.clone()
    )
}

struct Common {
    handler: Function,
    authorizer_name: Option<String>,
    identity_source: String,
    validation_regex: Option<String>,
    results_cache_ttl: Option<u32>,
    assume_role: Option<Role>,
}

impl LambdaAuthorizer {
    fn create(
        scope: &impl Construct,
        id: &str,
        kind: &'static str,
        fqn: &str,
        c: Common,
    ) -> Result<Rc<LambdaAuthorizer>, Error> {
        let path = format!("{}/{id}", scope.node().path());
        let ttl = c.results_cache_ttl.unwrap_or(DEFAULT_RESULTS_CACHE_TTL);
        if ttl > MAX_RESULTS_CACHE_TTL {
            return Err(Error::InvalidArgument {
                path,
                message: "Lambda authorizer property 'resultsCacheTtl' must not be greater than 3600 seconds (1 hour)".into(),
            });
        }
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("aws-cdk-lib.aws_apigateway.{fqn}"));
        let name = c.authorizer_name.clone().unwrap_or_else(|| node.unique_id());
        let api: Rc<RefCell<Option<Value>>> = Rc::default();
        let lazy_api = api.clone();
        let rest_api_id = Value::lazy(move |_| lazy_api.borrow().clone());
        let uri = lambda_authorizer_arn(&c.handler);
        let credentials = c.assume_role.as_ref().map(Role::role_arn);
        let mut hash = Map::new();
        hash.insert("name".into(), Value::String(name.clone()));
        hash.insert("restApiId".into(), rest_api_id.clone());
        hash.insert("type".into(), Value::from(kind));
        hash.insert("authorizerUri".into(), uri.clone());
        if let Some(cr) = &credentials {
            hash.insert("authorizerCredentials".into(), cr.clone());
        }
        hash.insert("authorizerResultTtlInSeconds".into(), Value::from(ttl));
        hash.insert("identitySource".into(), Value::String(c.identity_source.clone()));
        if let Some(r) = &c.validation_regex {
            hash.insert("identityValidationExpression".into(), Value::String(r.clone()));
        }
        let mut l1 = CfnAuthorizerProps::builder()
            .name(name)
            .rest_api_id(rest_api_id.clone())
            .type_(kind)
            .build()
            .map_err(|source| Error::Build { path: node.path(), source })?;
        l1.authorizer_uri = Some(uri);
        l1.authorizer_credentials = credentials;
        l1.authorizer_result_ttl_in_seconds = Some(Value::from(ttl));
        l1.identity_source = Some(Value::String(c.identity_source));
        l1.identity_validation_expression = c.validation_regex.map(Value::String);
        let resource = CfnAuthorizer::new(&node, "Resource", l1)?;
        let authorizer_arn = node.stack()?.format_arn(
            &ArnComponents::new("execute-api", rest_api_id)
                .resource_name(cfn_format!("authorizers/{}", resource.ref_())),
        );
        // `setupPermissions`: without a role, the function lets API Gateway call it.
        match &c.assume_role {
            None => {
                let mut p = Permission::new(Principal::service("apigateway.amazonaws.com"));
                p.source_arn = Some(authorizer_arn);
                c.handler.add_permission(&format!("{}:Permissions", node.unique_id()), p)?;
            }
            Some(role) => {
                c.handler.grant_invoke(role)?;
            }
        }
        let unattached = api.clone();
        let kind_name = if kind == "TOKEN" { "TokenAuthorizer" } else { "RequestAuthorizer" };
        node.add_validation(move || {
            if unattached.borrow().is_none() {
                vec![format!("{kind_name} is not attached to a RestApi")]
            } else {
                Vec::new()
            }
        });
        Ok(Rc::new(LambdaAuthorizer {
            node,
            resource,
            handler: c.handler,
            hash_props: Value::Object(hash),
            api: RefCell::new(None),
            api_id: api,
        }))
    }
}

impl IAuthorizer for LambdaAuthorizer {
    fn authorizer_id(&self) -> Option<Value> {
        Some(self.resource.ref_())
    }

    fn authorization_type(&self) -> Option<AuthorizationType> {
        Some(AuthorizationType::Custom)
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
                let mut component = Map::new();
                component.insert("authorizer".into(), self.hash_props.clone());
                if let Some(name) = self.handler.literal_function_name() {
                    component.insert("authorizerToken".into(), Value::String(name));
                }
                deployment.add_to_logical_id(Value::Object(component));
            }
        }
        Ok(())
    }
}

/// A Lambda authorizer that reads a bearer token (`TokenAuthorizer`).
#[derive(Clone, Debug)]
pub struct TokenAuthorizer(Rc<LambdaAuthorizer>);

/// A Lambda authorizer that reads request parameters (`RequestAuthorizer`).
#[derive(Clone, Debug)]
pub struct RequestAuthorizer(Rc<LambdaAuthorizer>);

impl TokenAuthorizer {
    /// Defines the authorizer; it joins an API with the first method that uses it.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a cache time over an hour; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: TokenAuthorizerProps,
    ) -> Result<Self, Error> {
        let common = Common {
            handler: props.handler,
            authorizer_name: props.authorizer_name,
            identity_source: props
                .identity_source
                .unwrap_or_else(crate::default_token_identity_source),
            validation_regex: props.validation_regex,
            results_cache_ttl: props.results_cache_ttl,
            assume_role: props.assume_role,
        };
        Ok(TokenAuthorizer(LambdaAuthorizer::create(
            scope,
            id,
            "TOKEN",
            "TokenAuthorizer",
            common,
        )?))
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

impl RequestAuthorizer {
    /// Defines the authorizer; it joins an API with the first method that uses it.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] without identity sources while caching, or for a cache
    /// time over an hour; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: RequestAuthorizerProps,
    ) -> Result<Self, Error> {
        if props.results_cache_ttl != Some(0) && props.identity_sources.is_empty() {
            return Err(Error::InvalidArgument {
                path: scope.node().path(),
                message: "At least one Identity Source is required for a REQUEST-based Lambda authorizer if caching is enabled.".into(),
            });
        }
        let common = Common {
            handler: props.handler,
            authorizer_name: props.authorizer_name,
            identity_source: props.identity_sources.join(","),
            validation_regex: None,
            results_cache_ttl: props.results_cache_ttl,
            assume_role: props.assume_role,
        };
        Ok(RequestAuthorizer(LambdaAuthorizer::create(
            scope,
            id,
            "REQUEST",
            "RequestAuthorizer",
            common,
        )?))
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

impl Construct for TokenAuthorizer {
    fn node(&self) -> &Node {
        &self.0.node
    }
}

impl Construct for RequestAuthorizer {
    fn node(&self) -> &Node {
        &self.0.node
    }
}
