//! Lambda authorizers (`authorizers/lambda.ts`): a function decides from a token
//! ([`TokenAuthorizer`]) or from request parameters ([`RequestAuthorizer`]).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use apigw_core::{ApiHandle, AuthorizationType, IAuthorizer};
use cdk_core::{cfn_format, ArnComponents, Construct, Error, Fn, IntoProps, Map, Node, Value};
use cdk_iam::{Principal, Role};
use cdk_lambda::{IFunction, Permission};
use cfn_apigateway::{CfnAuthorizer, CfnAuthorizerProps};

/// Longest cache time aws-cdk-lib accepts (one hour).
pub const MAX_RESULTS_CACHE_TTL: Duration = Duration::from_secs(3600);
/// Default cache time (five minutes).
pub const DEFAULT_RESULTS_CACHE_TTL: Duration = Duration::from_secs(300);

/// Options of a [`TokenAuthorizer`] (`TokenAuthorizerProps`).
///
/// ```
/// use std::time::Duration;
/// use apigw_auth::TokenAuthorizerProps;
/// use cdk_core::{App, Stack};
/// use cdk_lambda::{Code, Function, FunctionProps, Runtime};
/// let app = App::new();
/// let stack = Stack::new(&app, "Stack")?;
/// let handler = Function::new(&stack, "Fn", FunctionProps::builder()
///     .runtime(Runtime::NODEJS_20_X)
///     .handler("index.handler")
///     .code(Code::from_inline("exports.handler = async () => ({})"))
///     .build()?)?;
/// let props = TokenAuthorizerProps::builder()
///     .handler(&handler)
///     .results_cache_ttl(Duration::from_secs(60))
///     .build()?;
/// assert_eq!(props.results_cache_ttl, Some(Duration::from_secs(60)));
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct TokenAuthorizerProps {
    /// The function that decides (any [`IFunction`]: a function, an import, a version, an
    /// alias). Required.
    #[builder(setter(custom))]
    pub handler: Rc<dyn IFunction>,
    /// The authorizer's name. Default: its unique id.
    #[builder(default)]
    pub authorizer_name: Option<String>,
    /// Where the token is (see [`crate::IdentitySource`]). Default: the `Authorization`
    /// header.
    #[builder(default)]
    pub identity_source: Option<String>,
    /// A regular expression the token must match before the function is called. Default:
    /// none.
    #[builder(default)]
    pub validation_regex: Option<String>,
    /// How long decisions are cached (`Duration::ZERO` turns caching off; at most an hour,
    /// in whole seconds). Default: five minutes.
    #[builder(default)]
    pub results_cache_ttl: Option<Duration>,
    /// A role API Gateway assumes to call the function. Default: a permission on the
    /// function instead.
    #[builder(default, setter(custom))]
    pub assume_role: Option<Role>,
}

cdk_core::impl_props!(TokenAuthorizerProps, TokenAuthorizerPropsBuilder);

impl TokenAuthorizerPropsBuilder {
    /// The function that decides (`handler`). Required.
    pub fn handler<H: IFunction + Clone + 'static>(mut self, handler: &H) -> Self {
        self.handler = Some(Rc::new(handler.clone()));
        self
    }

    /// A role API Gateway assumes to call the function (`assumeRole`). Default: a
    /// permission on the function instead.
    pub fn assume_role(mut self, role: impl std::borrow::Borrow<Role>) -> Self {
        self.assume_role = Some(Some(std::borrow::Borrow::borrow(&role).clone()));
        self
    }
}

/// Options of a [`RequestAuthorizer`] (`RequestAuthorizerProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct RequestAuthorizerProps {
    /// The function that decides (any [`IFunction`]: a function, an import, a version, an
    /// alias). Required.
    #[builder(setter(custom))]
    pub handler: Rc<dyn IFunction>,
    /// Where the identity is (see [`crate::IdentitySource`]); at least one while caching.
    /// Required.
    #[builder(setter(custom))]
    pub identity_sources: Vec<String>,
    /// The authorizer's name. Default: its unique id.
    #[builder(default)]
    pub authorizer_name: Option<String>,
    /// How long decisions are cached (`Duration::ZERO` turns caching off; at most an hour,
    /// in whole seconds). Default: five minutes.
    #[builder(default)]
    pub results_cache_ttl: Option<Duration>,
    /// A role API Gateway assumes to call the function. Default: a permission on the
    /// function instead.
    #[builder(default, setter(custom))]
    pub assume_role: Option<Role>,
}

cdk_core::impl_props!(RequestAuthorizerProps, RequestAuthorizerPropsBuilder);

impl RequestAuthorizerPropsBuilder {
    /// The function that decides (`handler`). Required.
    pub fn handler<H: IFunction + Clone + 'static>(mut self, handler: &H) -> Self {
        self.handler = Some(Rc::new(handler.clone()));
        self
    }

    /// Where the identity is (`identitySources`), such as
    /// `[IdentitySource::header("Authorization")]`. Required.
    pub fn identity_sources(
        mut self,
        sources: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.identity_sources = Some(sources.into_iter().map(Into::into).collect());
        self
    }

    /// A role API Gateway assumes to call the function (`assumeRole`). Default: a
    /// permission on the function instead.
    pub fn assume_role(mut self, role: impl std::borrow::Borrow<Role>) -> Self {
        self.assume_role = Some(Some(std::borrow::Borrow::borrow(&role).clone()));
        self
    }
}

/// The cache time in whole seconds, checked as `LambdaAuthorizer` does.
fn cache_ttl_seconds(path: &str, ttl: Option<Duration>) -> Result<u64, Error> {
    let ttl = ttl.unwrap_or(DEFAULT_RESULTS_CACHE_TTL);
    if ttl.subsec_nanos() != 0 {
        return Err(Error::InvalidArgument {
            path: path.to_owned(),
            message: format!(
                "'{} millis' cannot be converted into a whole number of seconds.",
                ttl.as_millis()
            ),
        });
    }
    if ttl > MAX_RESULTS_CACHE_TTL {
        return Err(Error::InvalidArgument {
            path: path.to_owned(),
            message: "Lambda authorizer property 'resultsCacheTtl' must not be greater than 3600 seconds (1 hour)".into(),
        });
    }
    Ok(ttl.as_secs())
}

/// What token and request authorizers share (`LambdaAuthorizer`).
#[derive(Debug)]
struct LambdaAuthorizer {
    node: Node,
    resource: CfnAuthorizer,
    handler: Rc<dyn IFunction>,
    /// `authorizerArn`.
    authorizer_arn: Value,
    /// `authorizerProps` with aws-cdk-lib's camelCase names, for the deployment hash.
    hash_props: Value,
    api: RefCell<Option<ApiHandle>>,
    /// The attached API's id, read by the lazy `RestApiId`.
    api_id: Rc<RefCell<Option<Value>>>,
}

/// `lambdaAuthorizerArn`: `arn:<partition>:apigateway:<region>:lambda:path/.../invocations`,
/// with partition and region taken from the function's ARN.
fn lambda_authorizer_arn(handler: &dyn IFunction) -> Value {
    let arn = handler.function_arn();
    let part = |i: usize| Fn::select(i, Fn::split(":", arn.clone()));
    cfn_format!(
        "arn:{}:apigateway:{}:lambda:path/2015-03-31/functions/{}/invocations",
        part(1),
        part(3),
        arn.clone()
    )
}

/// `functionName` as the deployment hash reads it: the `FunctionName` given to a function of
/// the app (none when it has none), else the function's name (a token or a literal).
fn function_name_token(handler: &dyn IFunction) -> Option<Value> {
    let l1 = handler
        .node()
        .default_child()
        .ok()
        .flatten()
        .and_then(|n| cdk_core::CfnResource::from_node(&n))
        .filter(|r| r.resource_type() == "AWS::Lambda::Function");
    match l1 {
        Some(resource) => resource.property("FunctionName"),
        None => Some(handler.function_name()),
    }
}

struct Common {
    handler: Rc<dyn IFunction>,
    authorizer_name: Option<String>,
    identity_source: String,
    validation_regex: Option<String>,
    results_cache_ttl: Option<Duration>,
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
        let ttl = cache_ttl_seconds(&scope.node().child_path(id), c.results_cache_ttl)?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("aws-cdk-lib.aws_apigateway.{fqn}"));
        let name = c.authorizer_name.clone().unwrap_or_else(|| node.unique_id());
        let api: Rc<RefCell<Option<Value>>> = Rc::default();
        let lazy_api = api.clone();
        let rest_api_id = Value::lazy(move |_| lazy_api.borrow().clone());
        let uri = lambda_authorizer_arn(&*c.handler);
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
            .authorizer_uri(uri)
            .authorizer_result_ttl_in_seconds(ttl)
            .identity_source(c.identity_source);
        if let Some(credentials) = credentials {
            l1 = l1.authorizer_credentials(credentials);
        }
        if let Some(regex) = c.validation_regex {
            l1 = l1.identity_validation_expression(regex);
        }
        let resource = CfnAuthorizer::new(&node, "Resource", l1)?;
        let authorizer_arn = node.stack()?.format_arn(
            &ArnComponents::new("execute-api", rest_api_id)
                .resource_name(cfn_format!("authorizers/{}", resource.ref_())),
        );
        // `setupPermissions`: without a role, the function lets API Gateway call it.
        match &c.assume_role {
            None => {
                let mut p = Permission::new(Principal::service("apigateway.amazonaws.com"));
                p.source_arn = Some(authorizer_arn.clone());
                // aws-cdk-lib's `addPermission` only warns on a function the app may not
                // change (an import of an unclear environment).
                if c.handler.can_create_permissions() {
                    c.handler.add_permission(&format!("{}:Permissions", node.unique_id()), p)?;
                }
            }
            // `addLambdaInvokePermission`: an inline policy under the authorizer.
            Some(role) => {
                let statement = cdk_iam::PolicyStatement::new()
                    .actions(["lambda:InvokeFunction"])
                    .resources(c.handler.resource_arns_for_grant_invoke());
                let policy = cdk_iam::Policy::new(
                    &node,
                    "authorizerInvokePolicy",
                    cdk_iam::PolicyProps::builder().statement(statement),
                )?;
                role.attach_inline_policy(&policy);
            }
        }
        let unattached = api.clone();
        let path = node.path();
        node.add_validation(move || {
            if unattached.borrow().is_none() {
                vec![format!("Authorizer ({path}) must be attached to a RestApi")]
            } else {
                Vec::new()
            }
        });
        Ok(Rc::new(LambdaAuthorizer {
            node,
            resource,
            handler: c.handler,
            authorizer_arn,
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
                if let Some(name) = function_name_token(&*self.handler) {
                    component.insert("authorizerToken".into(), name);
                }
                deployment.add_to_logical_id(Value::Object(component));
            }
        }
        Ok(())
    }
}

/// A Lambda authorizer that reads a bearer token (`TokenAuthorizer`).
///
/// Give it to methods by reference: `MethodOptions::builder().authorizer(&authorizer)`.
#[derive(Clone, Debug)]
pub struct TokenAuthorizer(Rc<LambdaAuthorizer>);

/// A Lambda authorizer that reads request parameters (`RequestAuthorizer`).
///
/// Give it to methods by reference: `MethodOptions::builder().authorizer(&authorizer)`.
#[derive(Clone, Debug)]
pub struct RequestAuthorizer(Rc<LambdaAuthorizer>);

impl TokenAuthorizer {
    /// Defines the authorizer; it joins an API with the first method that uses it.
    /// `props` is the props or their unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the new construct's path; [`Error::InvalidArgument`] for a
    /// cache time over an hour or not in whole seconds; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<TokenAuthorizerProps>,
    ) -> Result<Self, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
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

impl RequestAuthorizer {
    /// Defines the authorizer; it joins an API with the first method that uses it.
    /// `props` is the props or their unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the new construct's path; [`Error::InvalidArgument`] without
    /// identity sources while caching, or for a cache time over an hour or not in whole
    /// seconds; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<RequestAuthorizerProps>,
    ) -> Result<Self, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        if props.results_cache_ttl != Some(Duration::ZERO) && props.identity_sources.is_empty() {
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

macro_rules! authorizer_handle {
    ($t:ident) => {
        impl Construct for $t {
            fn node(&self) -> &Node {
                &self.0.node
            }
        }

        impl From<&$t> for apigw_core::Authorizer {
            /// The authorizer as method options take it (`MethodOptions::authorizer`).
            fn from(authorizer: &$t) -> Self {
                apigw_core::Authorizer(authorizer.0.clone())
            }
        }

        impl From<$t> for apigw_core::Authorizer {
            /// The authorizer as method options take it (`MethodOptions::authorizer`).
            fn from(authorizer: $t) -> Self {
                apigw_core::Authorizer(authorizer.0)
            }
        }

        impl IAuthorizer for $t {
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
    };
}

authorizer_handle!(TokenAuthorizer);
authorizer_handle!(RequestAuthorizer);

#[cfg(test)]
mod tests {
    use super::*;
    use apigw_core::{MethodOptions, MockIntegration, RestApi, RestApiProps};
    use cdk_core::{App, Stack};
    use cdk_lambda::{Code, Function, FunctionProps, Runtime};

    fn handler(stack: &Stack) -> Result<Function, Error> {
        Function::new(
            stack,
            "Fn",
            FunctionProps::builder()
                .runtime(Runtime::NODEJS_20_X)
                .handler("index.handler")
                .code(Code::from_inline("exports.handler = async () => ({})"))
                .build()?,
        )
    }

    /// `assumeRole`: an inline policy `authorizerInvokePolicy` under the authorizer, attached
    /// to the role, and no permission on the function; with the recommended flags the
    /// deployment waits for the policy too. Logical IDs and `DependsOn` as aws-cdk-lib 2.276.0
    /// synthesizes them (checked with the npm package).
    #[test]
    fn assume_role_gets_an_inline_invoke_policy() -> Result<(), Error> {
        use cdk_iam::{Principal, RoleProps};
        let app = App::new();
        app.skip_synth_check();
        let stack = Stack::new(&app, "Default")?;
        let f = Function::new(
            &stack,
            "myfunction",
            FunctionProps::builder()
                .runtime(Runtime::NODEJS_20_X)
                .handler("handler")
                .code(Code::from_inline("foo")),
        )?;
        let role = Role::new(
            &stack,
            "authorizerassumerole",
            RoleProps::builder()
                .assumed_by(Principal::service("apigateway.amazonaws.com"))
                .role_name("authorizerassumerole"),
        )?;
        let auth = TokenAuthorizer::new(
            &stack,
            "myauthorizer",
            TokenAuthorizerProps::builder().handler(&f).assume_role(&role),
        )?;
        let api = RestApi::new(&stack, "myrestapi", RestApiProps::default())?;
        api.root().add_method_with(
            "ANY",
            None,
            MethodOptions::builder()
                .authorizer(&auth)
                .authorization_type(apigw_core::AuthorizationType::Custom),
        )?;
        let t = stack.synthesize_template()?;
        let resources = t["Resources"].as_object().cloned().unwrap_or_default();
        let of_type = |ty: &str| -> Vec<String> {
            resources.iter().filter(|(_, r)| r["Type"] == ty).map(|(k, _)| k.clone()).collect()
        };
        assert_eq!(of_type("AWS::Lambda::Permission"), Vec::<String>::new());
        assert_eq!(of_type("AWS::IAM::Policy"), ["myauthorizerauthorizerInvokePolicyC2F7FF24"]);
        let policy = &resources["myauthorizerauthorizerInvokePolicyC2F7FF24"]["Properties"];
        assert_eq!(policy["Roles"][0]["Ref"], "authorizerassumerole26BEF9F7");
        assert_eq!(policy["PolicyName"], "myauthorizerauthorizerInvokePolicyC2F7FF24");
        let deployment = "myrestapiDeployment419B14640cc94fc591f3364476f9d80ebde9395d";
        assert_eq!(of_type("AWS::ApiGateway::Deployment"), [deployment]);
        let depends_on: Vec<&str> = resources[deployment]["DependsOn"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|d| d.as_str())
            .collect();
        assert_eq!(
            depends_on,
            [
                "myauthorizerauthorizerInvokePolicyC2F7FF24",
                "myauthorizer23CB99DD",
                "myrestapiANY94B0497F"
            ]
        );
        Ok(())
    }

    #[test]
    fn cache_ttl_over_an_hour_is_refused_naming_the_path() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let f = handler(&stack)?;
        let ttl = |secs| TokenAuthorizerProps::builder().handler(&f).results_cache_ttl(secs);
        let e = TokenAuthorizer::new(&stack, "Auth", ttl(Duration::from_secs(3601))).unwrap_err();
        assert_eq!(
            e,
            Error::InvalidArgument {
                path: "Stack/Auth".into(),
                message: "Lambda authorizer property 'resultsCacheTtl' must not be greater than 3600 seconds (1 hour)".into(),
            }
        );
        assert!(stack.node().try_find_child("Auth").is_none());
        let e = TokenAuthorizer::new(&stack, "Auth", ttl(Duration::from_millis(1500))).unwrap_err();
        assert!(e.to_string().contains("whole number of seconds"), "{e}");
        let request = RequestAuthorizerProps::builder()
            .handler(&f)
            .identity_sources(["method.request.header.A"])
            .results_cache_ttl(Duration::from_secs(7200));
        assert!(RequestAuthorizer::new(&stack, "Req", request).is_err());
        let ok = TokenAuthorizer::new(&stack, "Auth", ttl(MAX_RESULTS_CACHE_TTL))?;
        let ttl = ok.resource().property("AuthorizerResultTtlInSeconds");
        assert_eq!(ttl, Some(Value::from(3600)));
        Ok(())
    }

    #[test]
    fn builder_errors_name_the_path() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let e = TokenAuthorizer::new(&stack, "Auth", TokenAuthorizerProps::builder()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Stack/Auth: TokenAuthorizerProps: required property 'handler' is not set"
        );
        Ok(())
    }

    #[test]
    fn caching_request_authorizers_need_identity_sources() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let f = handler(&stack)?;
        let none: [&str; 0] = [];
        let props = || RequestAuthorizerProps::builder().handler(&f).identity_sources(none);
        assert!(RequestAuthorizer::new(&stack, "Cached", props()).is_err());
        RequestAuthorizer::new(&stack, "Uncached", props().results_cache_ttl(Duration::ZERO))?;
        Ok(())
    }

    #[test]
    fn authorizers_go_to_methods_by_reference() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let f = handler(&stack)?;
        let token =
            TokenAuthorizer::new(&stack, "Token", TokenAuthorizerProps::builder().handler(&f))?;
        let request = RequestAuthorizer::new(
            &stack,
            "Request",
            RequestAuthorizerProps::builder()
                .handler(&f)
                .identity_sources([crate::IdentitySource::header("A")]),
        )?;
        let api = RestApi::new(&stack, "Api", RestApiProps::default())?;
        let get = api.root().add_method_with(
            "GET",
            MockIntegration::new(),
            MethodOptions::builder().authorizer(&token),
        )?;
        let post = api.root().add_method_with(
            "POST",
            MockIntegration::new(),
            MethodOptions::builder().authorizer(&request),
        )?;
        for (method, authorizer) in [(get, token.authorizer_id()), (post, request.authorizer_id())]
        {
            let r = method.resource();
            assert_eq!(r.property("AuthorizationType"), Some(Value::from("CUSTOM")));
            let id = format!("{:?}", r.property("AuthorizerId"));
            assert_eq!(id, format!("{:?}", Some(authorizer)));
        }
        // A second API is refused.
        let other = RestApi::new(&stack, "Other", RestApiProps::default())?;
        let e = other
            .root()
            .add_method_with(
                "GET",
                MockIntegration::new(),
                MethodOptions::builder().authorizer(&token),
            )
            .unwrap_err();
        assert!(e.to_string().contains("two different rest APIs"), "{e}");
        Ok(())
    }
}
