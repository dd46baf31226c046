//! `StepFunctionsIntegration` (`aws-apigateway/lib/integrations/stepfunctions.ts`, with its
//! request template `stepfunctions.vtl`): a method that runs a synchronous execution of an
//! express state machine (`states:StartSyncExecution`) and answers with its output.

use std::rc::Rc;

use apigw_core::{
    AwsIntegration, AwsIntegrationProps, BindContext, BindResult, Binder, Integration,
    IntegrationResponse, MethodResponse, Model,
};
use cdk_core::{Construct, Error, Node, Value};
use cdk_iam::{Principal, Role, RoleProps};
use cdk_stepfunctions::{IStateMachine, StateMachineType};
use sha1::{Digest, Sha1};

use crate::RequestContext;

/// aws-cdk-lib's `integrations/stepfunctions.vtl`, byte for byte: the request mapping
/// template, with `%PLACEHOLDER%`s for the state machine ARN, the four `include` flags and
/// the request context.
pub const STEPFUNCTIONS_VTL: &str = include_str!("stepfunctions.vtl");

/// The message of aws-cdk-lib's `MustBeStateMachineType` error.
pub(crate) const MUST_BE_EXPRESS: &str = "State Machine must be of type \"EXPRESS\". Please use StateMachineType.EXPRESS as the stateMachineType";

/// The success template: the execution's output, or a 500 with error and cause when the
/// execution failed.
const SUCCESS_TEMPLATE: &str = "#set($inputRoot = $input.path('$'))\n#if($input.path('$.status').toString().equals(\"FAILED\"))\n#set($context.responseOverride.status = 500)\n{\n\"error\": \"$input.path('$.error')\",\n\"cause\": \"$input.path('$.cause')\"\n}\n#else\n$input.path('$.output')\n#end";
const BAD_REQUEST_TEMPLATE: &str = "{\n            \"error\": \"Bad request!\"\n          }";
const ERROR_TEMPLATE: &str = "{\n          \"error\": \"$input.path('$.error')\"\n        }";

/// The default integration responses of a synchronous execution (`integrationResponse()`):
/// the execution's output with `200` (or a `500` with error and cause when it failed), and
/// `400` and `500` for API Gateway's own `4xx` and `5xx` errors. Their keys are set in
/// aws-cdk-lib's order, which the deployment hash sees.
pub fn integration_responses() -> Vec<IntegrationResponse> {
    let json = |template: &str| [("application/json", template.to_string())];
    [
        IntegrationResponse::builder()
            .status_code("200")
            .response_templates(json(SUCCESS_TEMPLATE)),
        IntegrationResponse::builder()
            .selection_pattern("4\\d{2}")
            .status_code("400")
            .response_templates(json(BAD_REQUEST_TEMPLATE)),
        IntegrationResponse::builder()
            .selection_pattern("5\\d{2}")
            .status_code("500")
            .response_templates(json(ERROR_TEMPLATE)),
    ]
    .into_iter()
    // each has a status code, the only thing a response can miss
    .filter_map(|builder| builder.build().ok())
    .collect()
}

/// The method responses a synchronous execution adds to its method unless told not to
/// (`METHOD_RESPONSES`): `200` with the `Empty` model, `400` and `500` with the `Error`
/// model.
pub fn method_responses() -> Vec<MethodResponse> {
    [("200", Model::EMPTY_MODEL), ("400", Model::ERROR_MODEL), ("500", Model::ERROR_MODEL)]
        .into_iter()
        // each has its status code, the only required field
        .filter_map(|(code, model)| {
            MethodResponse::builder()
                .status_code(code)
                .response_models([("application/json", model)])
                .build()
                .ok()
        })
        .collect()
}

apigw_core::integration_options! {
    /// Options of a [`StepFunctionsIntegration`] (`StepFunctionsExecutionIntegrationOptions`).
    ///
    /// As aws-cdk-lib's options extend `IntegrationOptions`, every integration option is set
    /// directly on the builder (`.passthrough_behavior(..)`, `.request_templates(..)`, ...).
    /// Those given replace the integration's defaults: `integration_responses` (default:
    /// [`integration_responses`]), `passthrough_behavior` (default: `NEVER`) and
    /// `request_templates` (default: the `application/json` template that starts the
    /// execution).
    ///
    /// ```
    /// use apigw_stepfunctions::{RequestContext, StepFunctionsExecutionIntegrationOptions};
    /// let options = StepFunctionsExecutionIntegrationOptions::builder()
    ///     .headers(true)
    ///     .request_context(RequestContext::builder().caller(true).build()?)
    ///     .request_templates([("application/json", "{}")])
    ///     .build()?;
    /// assert_eq!(options.headers, Some(true));
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    #[derive(Clone, Debug, Default, derive_builder::Builder)]
    #[builder(
        pattern = "owned",
        setter(into, strip_option),
        build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
    )]
    #[non_exhaustive]
    pub struct StepFunctionsExecutionIntegrationOptions / StepFunctionsExecutionIntegrationOptionsBuilder {
        /// Which `$context` variables the execution input carries under `requestContext`.
        /// Default: none.
        #[builder(default)]
        pub request_context: Option<RequestContext>,
        /// Pass the query string parameters (under `querystring`). Default: true.
        #[builder(default)]
        pub querystring: Option<bool>,
        /// Pass the path parameters (under `path`). Default: true.
        #[builder(default)]
        pub path: Option<bool>,
        /// Pass the headers (under `header`). Default: false.
        #[builder(default)]
        pub headers: Option<bool>,
        /// Pass the authorizer's context (under `authorizer`). Default: false.
        #[builder(default)]
        pub authorizer: Option<bool>,
        /// Add the `200`, `400` and `500` [`method_responses`] to the method. Default: true.
        #[builder(default)]
        pub use_default_method_responses: Option<bool>,
    }
}

cdk_core::impl_props!(
    StepFunctionsExecutionIntegrationOptions,
    StepFunctionsExecutionIntegrationOptionsBuilder
);

/// Integrations with Step Functions (`StepFunctionsIntegration`).
///
/// ```
/// use apigw_core::{RestApi, RestApiProps};
/// use apigw_stepfunctions::{StepFunctionsExecutionIntegrationOptions, StepFunctionsIntegration};
/// use cdk_core::{App, Stack};
/// use cdk_stepfunctions::{
///     DefinitionBody, Pass, PassProps, StateMachine, StateMachineProps, StateMachineType,
/// };
///
/// let app = App::new();
/// let stack = Stack::new(&app, "Stack")?;
/// let pass = Pass::new(&stack, "PassState", PassProps::default())?;
/// let machine = StateMachine::new(&stack, "StateMachine", StateMachineProps::builder()
///     .definition_body(DefinitionBody::from_chainable(&pass))
///     .state_machine_type(StateMachineType::Express)
///     .build()?)?;
/// let api = RestApi::new(&stack, "Api", RestApiProps::default())?;
/// let integration = StepFunctionsIntegration::start_execution(
///     &machine,
///     StepFunctionsExecutionIntegrationOptions::default(),
/// )?;
/// let method = api.root().add_method("GET", Some(integration))?;
/// assert_eq!(method.method_responses().len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct StepFunctionsIntegration;

impl StepFunctionsIntegration {
    /// An `AWS` integration calling `states:action/StartSyncExecution` with a request
    /// template that passes the body (and, as the options say, query string, path, headers,
    /// authorizer context and request context) as the execution input
    /// (`StepFunctionsIntegration.startExecution`).
    ///
    /// When bound to a method it creates the credentials role (unless one is given),
    /// grants it `states:StartSyncExecution` on the state machine, adds the default method
    /// responses (unless told not to) and makes the deployment change with a literal state
    /// machine name. Binding fails with [`Error::InvalidArgument`] at the method's path
    /// when the state machine is defined in the app but not of type `EXPRESS`
    /// (`MustBeStateMachineType`).
    ///
    /// # Errors
    /// [`Error::Build`] for options breaking a rule of `IntegrationOptions` (a timeout under
    /// 50 milliseconds, a credentials role with credentials passthrough).
    pub fn start_execution<S>(
        state_machine: &S,
        options: StepFunctionsExecutionIntegrationOptions,
    ) -> Result<Integration, Error>
    where
        S: IStateMachine + Clone + 'static,
    {
        let mut base = options.integration_options();
        // the role goes to the binder, which grants it the right to start executions
        base.credentials_role = None;
        let mut integration_options = base.clone();
        integration_options.integration_responses =
            Some(base.integration_responses.clone().unwrap_or_else(integration_responses));
        integration_options.passthrough_behavior =
            Some(base.passthrough_behavior.clone().unwrap_or_else(|| Value::from("NEVER")));
        integration_options.request_templates =
            Some(base.request_templates.clone().unwrap_or_else(|| {
                Value::object([(
                    "application/json",
                    request_template(&state_machine.state_machine_arn(), &options),
                )])
            }));
        let mut props = AwsIntegrationProps::default();
        props.service = "states".into();
        props.action = Some("StartSyncExecution".into());
        props.options = integration_options;
        let mut integration = AwsIntegration::new(props)?;

        let machine = state_machine.clone();
        let credentials_role = options.credentials_role.clone();
        let use_default_method_responses = options.use_default_method_responses.unwrap_or(true);
        integration.binder = Some(Binder(Rc::new(move |ctx: &BindContext<'_>| {
            let role = match &credentials_role {
                Some(role) => role.clone(),
                None => Role::new(
                    ctx.method_node(),
                    "StartSyncExecutionRole",
                    RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")),
                )?,
            };
            machine.grant_start_sync_execution(&role)?;
            let state_machine_name = match machine.as_state_machine() {
                Some(owned) => {
                    if owned.state_machine_type() != StateMachineType::Express {
                        return Err(Error::InvalidArgument {
                            path: ctx.method_node().path(),
                            message: MUST_BE_EXPRESS.into(),
                        });
                    }
                    owned
                        .resource()
                        .property("StateMachineName")
                        .and_then(|name| name.as_str().map(str::to_string))
                }
                None => {
                    Some(format!("StateMachine-{}", construct_addr(machine.node().stack()?.node())))
                }
            };
            let mut result = BindResult::default();
            result.credentials = Some(role.role_arn());
            result.deployment_token = state_machine_name.map(|name| {
                let token = Value::object([("stateMachineName", name)]);
                cdk_core::json::to_json_string(&token, 0)
            });
            if use_default_method_responses {
                result.method_responses = method_responses();
            }
            Ok(result)
        })));
        Ok(integration)
    }
}

/// `templateString`: the VTL with its placeholders filled in, in aws-cdk-lib's order, each
/// replacing its first occurrence as JavaScript's `String.prototype.replace` does.
///
/// A literal ARN is put in like any other value. An ARN with tokens becomes a part of the
/// string (rendered as `Fn::Join`); the other placeholders are then looked for in the
/// template's text around it.
pub(crate) fn request_template(
    state_machine_arn: &Value,
    options: &StepFunctionsExecutionIntegrationOptions,
) -> Value {
    let request_context = match &options.request_context {
        Some(context) if context.is_given() => context.render(),
        _ => String::new(),
    };
    let replacements = [
        ("%INCLUDE_HEADERS%", options.headers.unwrap_or(false).to_string()),
        ("%INCLUDE_QUERYSTRING%", options.querystring.unwrap_or(true).to_string()),
        ("%INCLUDE_PATH%", options.path.unwrap_or(true).to_string()),
        ("%INCLUDE_AUTHORIZER%", options.authorizer.unwrap_or(false).to_string()),
        ("%REQUESTCONTEXT%", request_context),
    ];
    const ARN: &str = "%STATEMACHINE%";
    if let Some(arn) = state_machine_arn.as_str() {
        let mut text = js_replace(STEPFUNCTIONS_VTL, ARN, arn);
        for (pattern, value) in &replacements {
            text = js_replace(&text, pattern, value);
        }
        return Value::String(text);
    }
    let Some((before, after)) = STEPFUNCTIONS_VTL.split_once(ARN) else {
        return Value::from(STEPFUNCTIONS_VTL);
    };
    let (mut before, mut after) = (before.to_string(), after.to_string());
    for (pattern, value) in &replacements {
        if before.contains(pattern) {
            before = js_replace(&before, pattern, value);
        } else {
            after = js_replace(&after, pattern, value);
        }
    }
    Value::concat([Value::String(before), state_machine_arn.clone(), Value::String(after)])
}

/// `haystack.replace(pattern, replacement)` with a string pattern: the first occurrence
/// only, and the replacement's `$$`, `$&`, `` $` `` and `$'` patterns expanded.
fn js_replace(haystack: &str, pattern: &str, replacement: &str) -> String {
    let Some(at) = haystack.find(pattern) else {
        return haystack.to_string();
    };
    let (before, after) = (&haystack[..at], &haystack[at + pattern.len()..]);
    let mut out = String::with_capacity(haystack.len() + replacement.len());
    out.push_str(before);
    let mut chars = replacement.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('$') => out.push('$'),
            Some('&') => out.push_str(pattern),
            Some('`') => out.push_str(before),
            Some('\'') => out.push_str(after),
            _ => {
                out.push('$');
                continue;
            }
        }
        chars.next();
    }
    out.push_str(after);
    out
}

/// The `addr` of a construct (`constructs`' `node.addr`): `c8` and the SHA-1 of its path
/// from the root (whose id is empty), each id followed by a newline, `Default` ids left out.
fn construct_addr(node: &Node) -> String {
    let path = node.path();
    let mut hash = Sha1::new();
    for id in std::iter::once("").chain(path.split('/').filter(|id| !id.is_empty())) {
        if id == "Default" {
            continue;
        }
        hash.update(id.as_bytes());
        hash.update(b"\n");
    }
    format!("c8{}", cdk_core::logical_id::hex(&hash.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use apigw_core::{RestApi, RestApiProps};
    use cdk_core::json::to_json_string;
    use cdk_core::{App, Stack};
    use cdk_stepfunctions::{DefinitionBody, Pass, PassProps, StateMachine, StateMachineProps};

    fn machine(
        stack: &Stack,
        kind: Option<StateMachineType>,
        name: Option<&str>,
    ) -> Result<StateMachine, Error> {
        let pass = Pass::new(stack, "PassState", PassProps::default())?;
        let mut props = StateMachineProps::builder()
            .definition_body(DefinitionBody::from_chainable(&pass))
            .build()?;
        props.state_machine_type = kind;
        props.state_machine_name = name.map(Value::from);
        StateMachine::new(stack, "StateMachine", props)
    }

    #[test]
    fn the_template_is_aws_cdk_libs_file() -> Result<(), Error> {
        assert_eq!(STEPFUNCTIONS_VTL.len(), 2978);
        assert!(STEPFUNCTIONS_VTL
            .starts_with("## Velocity Template used for API Gateway request mapping template\n"));
        assert!(STEPFUNCTIONS_VTL.ends_with("\"\n}\n"));
        assert!(STEPFUNCTIONS_VTL.contains(" }\")\n        \n    #end"));
        Ok(())
    }

    #[test]
    fn literal_arns_and_flags() -> Result<(), Error> {
        let options = StepFunctionsExecutionIntegrationOptions::builder()
            .headers(true)
            .path(false)
            .request_context(RequestContext::builder().stage(true).build()?)
            .build()?;
        let t = request_template(&Value::from("arn:aws:states:r:a:stateMachine:m"), &options);
        let t = t.as_str().unwrap();
        assert!(t.contains("#set($includeHeaders = true)\n#set($includeQueryString = true)\n#set($includePath = false)\n#set($includeAuthorizer = false)\n"));
        assert!(t.contains("\"stateMachineArn\": \"arn:aws:states:r:a:stateMachine:m\","));
        assert!(t.contains("#set($requestContext = \"{@@stage@@:@@$context.stage@@}\")"));
        assert!(!t.contains('%'));
        Ok(())
    }

    #[test]
    fn token_arns_become_a_join() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "S")?;
        let m = machine(&stack, Some(StateMachineType::Express), None)?;
        let t = request_template(
            &m.state_machine_arn(),
            &StepFunctionsExecutionIntegrationOptions::default(),
        );
        let debug = format!("{t:?}");
        assert!(debug.starts_with("Concat([\"## Velocity"), "{debug}");
        assert!(debug.contains("#set($includeHeaders = false)\\n#set($includeQueryString = true)\\n#set($includePath = true)\\n#set($includeAuthorizer = false)"));
        // the ARN token itself (the `Ref` in its own environment) is a part of the join
        assert!(debug.contains(&format!("{:?}", m.state_machine_arn())), "{debug}");
        assert!(debug.contains("#set($requestContext = \\\"\\\")"));
        Ok(())
    }

    #[test]
    fn replace_is_javascripts() -> Result<(), Error> {
        assert_eq!(js_replace("a%X%b%X%", "%X%", "1"), "a1b%X%");
        assert_eq!(js_replace("ab", "%X%", "1"), "ab");
        assert_eq!(js_replace("a%X%b", "%X%", "$$|$&|$`|$'|$1|$"), "a$|%X%|a|b|$1|$b");
        Ok(())
    }

    #[test]
    fn addresses_are_those_of_constructs() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "DefaultStack")?;
        // node -e "new cdk.Stack(new cdk.App(), 'DefaultStack').node.addr"
        assert_eq!(construct_addr(stack.node()), "c8583b6d44e3dbccf58a6be9f8db45a8ab8fe76d74");
        Ok(())
    }

    #[test]
    fn default_responses() -> Result<(), Error> {
        let r = integration_responses();
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].status_code(), "200");
        assert_eq!(r[0].selection_pattern(), None);
        assert_eq!(
            r[0].response_templates().unwrap()["application/json"],
            Value::from(SUCCESS_TEMPLATE)
        );
        assert_eq!(r[1].selection_pattern(), Some("4\\d{2}"));
        assert_eq!(r[2].selection_pattern(), Some("5\\d{2}"));
        let m = method_responses();
        let codes: Vec<&str> = m.iter().map(|m| m.status_code.as_str()).collect();
        assert_eq!(codes, ["200", "400", "500"]);
        let models = m[1].response_models.as_ref().unwrap();
        assert_eq!(models["application/json"], Model::ERROR_MODEL);
        Ok(())
    }

    #[test]
    fn binding_refuses_standard_state_machines() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "S")?;
        let m = machine(&stack, None, None)?;
        let api = RestApi::new(&stack, "Api", RestApiProps::default())?;
        let integration = StepFunctionsIntegration::start_execution(
            &m,
            StepFunctionsExecutionIntegrationOptions::default(),
        )?;
        let e = api.root().add_method("POST", Some(integration)).unwrap_err();
        assert_eq!(e.to_string(), format!("S/Api/Default/POST: {MUST_BE_EXPRESS}"));
        Ok(())
    }

    #[test]
    fn binding_creates_the_role_and_method_responses() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "S")?;
        let m = machine(&stack, Some(StateMachineType::Express), Some("Named"))?;
        let api = RestApi::new(&stack, "Api", RestApiProps::default())?;
        let with = StepFunctionsIntegration::start_execution(
            &m,
            StepFunctionsExecutionIntegrationOptions::default(),
        )?;
        let method = api.root().add_method("GET", Some(with))?;
        assert_eq!(method.method_responses().len(), 3);
        assert!(method.node().try_find_child("StartSyncExecutionRole").is_some());
        let without = StepFunctionsIntegration::start_execution(
            &m,
            StepFunctionsExecutionIntegrationOptions::builder()
                .use_default_method_responses(false)
                .build()?,
        )?;
        let method = api.root().add_method("POST", Some(without))?;
        assert!(method.method_responses().is_empty());
        Ok(())
    }

    #[test]
    fn binding_uses_a_given_role() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "S")?;
        let m = machine(&stack, Some(StateMachineType::Express), None)?;
        let role = Role::new(
            &stack,
            "Given",
            RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")),
        )?;
        let api = RestApi::new(&stack, "Api", RestApiProps::default())?;
        let integration = StepFunctionsIntegration::start_execution(
            &m,
            StepFunctionsExecutionIntegrationOptions::builder().credentials_role(&role).build()?,
        )?;
        let method = api.root().add_method("GET", Some(integration))?;
        assert!(method.node().try_find_child("StartSyncExecutionRole").is_none());
        assert!(role.node().try_find_child("DefaultPolicy").is_some());
        Ok(())
    }

    #[test]
    fn given_options_replace_the_defaults() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "S")?;
        let m = machine(&stack, Some(StateMachineType::Express), None)?;
        let given = StepFunctionsExecutionIntegrationOptions::builder()
            .passthrough_behavior("WHEN_NO_MATCH")
            .request_templates([("application/json", "{}")])
            .integration_responses([])
            .build()?;
        let integration = StepFunctionsIntegration::start_execution(&m, given)?;
        let o = &integration.options;
        assert_eq!(o.passthrough_behavior, Some(Value::from("WHEN_NO_MATCH")));
        assert_eq!(
            to_json_string(o.request_templates.as_ref().unwrap(), 0),
            r#"{"application/json":"{}"}"#
        );
        assert_eq!(o.integration_responses, Some(Vec::new()));
        let defaults = StepFunctionsIntegration::start_execution(
            &m,
            StepFunctionsExecutionIntegrationOptions::default(),
        )?;
        assert_eq!(defaults.options.passthrough_behavior, Some(Value::from("NEVER")));
        assert_eq!(defaults.options.integration_responses, Some(integration_responses()));
        Ok(())
    }
}
