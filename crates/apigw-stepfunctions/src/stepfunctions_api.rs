//! `StepFunctionsRestApi` (`aws-apigateway/lib/stepfunctions-api.ts`): a REST API whose root
//! `ANY` method runs a synchronous execution of an express state machine.

use std::ops::Deref;

use apigw_core::{ApiHandle, Method, RestApi, RestApiBase, RestApiProps};
use cdk_core::{BuildError, Construct, Node};
use cdk_iam::Role;
use cdk_stepfunctions::StateMachine;

use crate::integrations::MUST_BE_EXPRESS;
use crate::{
    Error, RequestContext, StepFunctionsExecutionIntegrationOptions, StepFunctionsIntegration,
};

/// The message of aws-cdk-lib's `CannotSpecifyDefaultIntegrationSince` error.
pub(crate) const DEFAULT_INTEGRATION_GIVEN: &str =
    "Cannot specify \"defaultIntegration\" since Step Functions integration is automatically defined";

/// Options of a [`StepFunctionsRestApi`] (`StepFunctionsRestApiProps`): the state machine,
/// what of the request its executions receive, and the options of the REST API itself.
///
/// `build()` refuses a state machine that is not of type `EXPRESS` and REST API options
/// with a `default_integration`.
///
/// ```
/// use apigw_core::RestApiProps;
/// use apigw_stepfunctions::StepFunctionsRestApiProps;
/// use cdk_core::{App, Stack};
/// use cdk_stepfunctions::{
///     DefinitionBody, Pass, PassProps, StateMachine, StateMachineProps, StateMachineType,
/// };
/// let app = App::new();
/// let stack = Stack::new(&app, "Stack")?;
/// let pass = Pass::new(&stack, "PassState", PassProps::default())?;
/// let machine = StateMachine::new(&stack, "StateMachine", StateMachineProps::builder()
///     .definition_body(DefinitionBody::from_chainable(&pass))
///     .state_machine_type(StateMachineType::Express)
///     .build()?)?;
/// let props = StepFunctionsRestApiProps::builder()
///     .state_machine(machine)
///     .headers(true)
///     .rest_api_props(RestApiProps::builder().rest_api_name("orders").build()?)
///     .build()?;
/// assert_eq!(props.headers, Some(true));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_unvalidated", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct StepFunctionsRestApiProps {
    /// The state machine the root `ANY` method starts; of type `EXPRESS`. Required.
    pub state_machine: StateMachine,
    /// Add the `200`, `400` and `500` method responses to the method. Default: true.
    #[builder(default)]
    pub use_default_method_responses: Option<bool>,
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
    /// The role API Gateway assumes to start executions. Default: a new role
    /// `StartSyncExecutionRole` under the root `ANY` method.
    #[builder(default)]
    pub role: Option<Role>,
    /// The options of the REST API (`RestApiProps`, which `StepFunctionsRestApiProps`
    /// extends in aws-cdk-lib), except `default_integration`. Default: the defaults of
    /// [`RestApiProps`].
    #[builder(default)]
    pub rest_api_props: RestApiProps,
}

/// A rule of `stepfunctions-api.ts` the props break.
enum Violation {
    DefaultIntegrationGiven,
    StateMachineNotExpress,
}

impl StepFunctionsRestApiProps {
    /// Starts a builder.
    pub fn builder() -> StepFunctionsRestApiPropsBuilder {
        StepFunctionsRestApiPropsBuilder::default()
    }

    /// The rules that need no construct tree (checked by `build()` and again, as typed
    /// errors naming the scope, by [`StepFunctionsRestApi::new`]).
    ///
    /// # Errors
    /// A [`BuildError`] when `rest_api_props` has a `default_integration`, or when the state
    /// machine's type is not `EXPRESS`.
    pub fn validate(&self) -> Result<(), BuildError> {
        match self.violation() {
            None => Ok(()),
            Some(Violation::DefaultIntegrationGiven) => {
                Err(BuildError::invalid_field("rest_api_props", DEFAULT_INTEGRATION_GIVEN))
            }
            Some(Violation::StateMachineNotExpress) => {
                Err(BuildError::invalid_field("state_machine", MUST_BE_EXPRESS))
            }
        }
    }

    /// In aws-cdk-lib's order: the default integration, then the type of the state machine
    /// as its resource has it (`node.defaultChild.stateMachineType`).
    fn violation(&self) -> Option<Violation> {
        if self.rest_api_props.default_integration.is_some() {
            return Some(Violation::DefaultIntegrationGiven);
        }
        let state_machine_type = self
            .state_machine
            .resource()
            .property("StateMachineType")
            .and_then(|t| t.as_str().map(str::to_string));
        if state_machine_type.as_deref() != Some("EXPRESS") {
            return Some(Violation::StateMachineNotExpress);
        }
        None
    }
}

impl StepFunctionsRestApiPropsBuilder {
    /// Builds the props.
    ///
    /// # Errors
    /// A missing `state_machine`, or a rule of [`StepFunctionsRestApiProps::validate`].
    pub fn build(self) -> Result<StepFunctionsRestApiProps, BuildError> {
        let props = self.build_unvalidated()?;
        props.validate()?;
        Ok(props)
    }
}

/// A REST API backed by an express state machine (`StepFunctionsRestApi`): a [`RestApi`]
/// (which it dereferences to) whose root `ANY` method integrates with
/// [`StepFunctionsIntegration::start_execution`]; more resources and methods can be added.
///
/// ```
/// use apigw_stepfunctions::{StepFunctionsRestApi, StepFunctionsRestApiProps};
/// use cdk_core::{App, AppProps, Construct, Stack};
/// use cdk_stepfunctions::{
///     DefinitionBody, Pass, PassProps, StateMachine, StateMachineProps, StateMachineType,
/// };
///
/// let dir = std::env::temp_dir().join("apigw-stepfunctions-doctest-api");
/// let app = App::with_props(AppProps::builder().outdir(dir.clone()).build()?);
/// let stack = Stack::new(&app, "Stack")?;
/// let pass = Pass::new(&stack, "PassState", PassProps::default())?;
/// let machine = StateMachine::new(&stack, "StateMachine", StateMachineProps::builder()
///     .definition_body(DefinitionBody::from_chainable(&pass))
///     .state_machine_type(StateMachineType::Express)
///     .build()?)?;
/// let api = StepFunctionsRestApi::new(&stack, "Api", StepFunctionsRestApiProps::builder()
///     .state_machine(machine)
///     .build()?)?;
/// assert_eq!(api.method().node().path(), "Stack/Api/Default/ANY");
/// app.synth()?;
/// let template = std::fs::read_to_string(dir.join("Stack.template.json"))?;
/// assert!(template.contains(":states:action/StartSyncExecution"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct StepFunctionsRestApi {
    api: RestApi,
    method: Method,
}

impl StepFunctionsRestApi {
    /// Defines the API, its root `ANY` method and the method's role.
    ///
    /// # Errors
    /// [`Error::DefaultIntegrationGiven`] and [`Error::StateMachineNotExpress`] (naming
    /// `scope`'s path, as aws-cdk-lib does) for props breaking a rule of
    /// [`StepFunctionsRestApiProps::validate`]; [`Error::Core`] for errors of the REST API
    /// and its method.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: StepFunctionsRestApiProps,
    ) -> Result<StepFunctionsRestApi, Error> {
        let path = scope.node().path();
        match props.violation() {
            None => {}
            Some(Violation::DefaultIntegrationGiven) => {
                return Err(Error::DefaultIntegrationGiven { path })
            }
            Some(Violation::StateMachineNotExpress) => {
                return Err(Error::StateMachineNotExpress {
                    path,
                    state_machine: props.state_machine.node().path(),
                })
            }
        }
        let integration = StepFunctionsIntegration::start_execution(
            &props.state_machine,
            StepFunctionsExecutionIntegrationOptions {
                credentials_role: props.role.clone(),
                request_context: props.request_context,
                path: Some(props.path.unwrap_or(true)),
                querystring: Some(props.querystring.unwrap_or(true)),
                headers: props.headers,
                authorizer: props.authorizer,
                use_default_method_responses: props.use_default_method_responses,
                options: Default::default(),
            },
        );
        let api = RestApi::new(scope, id, props.rest_api_props)?;
        api.node().set_construct_info("aws-cdk-lib.aws_apigateway.StepFunctionsRestApi");
        let method = api.root().add_method("ANY", Some(integration))?;
        Ok(StepFunctionsRestApi { api, method })
    }

    /// The REST API.
    pub fn rest_api(&self) -> &RestApi {
        &self.api
    }

    /// The root `ANY` method that starts executions.
    pub fn method(&self) -> &Method {
        &self.method
    }
}

impl Deref for StepFunctionsRestApi {
    type Target = RestApi;
    fn deref(&self) -> &RestApi {
        &self.api
    }
}

impl Construct for StepFunctionsRestApi {
    fn node(&self) -> &Node {
        self.api.node()
    }
}

impl RestApiBase for StepFunctionsRestApi {
    fn api_handle(&self) -> ApiHandle {
        self.api.api_handle()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use apigw_core::MockIntegration;
    use cdk_core::{App, Stack, Value};
    use cdk_stepfunctions::{DefinitionBody, Pass, PassProps, StateMachineProps, StateMachineType};

    fn machine(stack: &Stack, id: &str, kind: Option<StateMachineType>) -> StateMachine {
        let pass = Pass::new(stack, &format!("{id}Pass"), PassProps::default()).unwrap();
        let mut props = StateMachineProps::builder()
            .definition_body(DefinitionBody::from_chainable(&pass))
            .build()
            .unwrap();
        props.state_machine_type = kind;
        StateMachine::new(stack, id, props).unwrap()
    }

    fn express(stack: &Stack, id: &str) -> StateMachine {
        machine(stack, id, Some(StateMachineType::Express))
    }

    fn props(machine: StateMachine) -> StepFunctionsRestApiProps {
        StepFunctionsRestApiProps::builder().state_machine(machine).build().unwrap()
    }

    #[test]
    fn a_state_machine_is_required() {
        let e = StepFunctionsRestApiProps::builder().build().unwrap_err();
        assert!(e.message().contains("state_machine"), "{e}");
    }

    #[test]
    fn only_express_state_machines() {
        let app = App::new();
        let stack = Stack::new(&app, "S").unwrap();
        for (id, kind) in [("Default", None), ("Standard", Some(StateMachineType::Standard))] {
            let m = machine(&stack, id, kind);
            let e =
                StepFunctionsRestApiProps::builder().state_machine(m.clone()).build().unwrap_err();
            assert!(e.message().contains(MUST_BE_EXPRESS), "{e}");
            // props changed after build() are checked again by the constructor
            let mut p = props(express(&stack, &format!("{id}Express")));
            p.state_machine = m;
            let e = StepFunctionsRestApi::new(&stack, "Api", p).unwrap_err();
            assert_eq!(e.code(), Some("MustBeStateMachineType"));
            assert_eq!(e.to_string(), format!("S: {MUST_BE_EXPRESS}"));
            assert!(stack.node().try_find_child("Api").is_none());
        }
    }

    #[test]
    fn no_default_integration() {
        let app = App::new();
        let stack = Stack::new(&app, "S").unwrap();
        let m = express(&stack, "M");
        let e = StepFunctionsRestApiProps::builder()
            .state_machine(m.clone())
            .rest_api_props(
                RestApiProps::builder()
                    .default_integration(MockIntegration::new())
                    .build()
                    .unwrap(),
            )
            .build()
            .unwrap_err();
        assert!(e.message().contains(DEFAULT_INTEGRATION_GIVEN), "{e}");
        let mut p = props(m);
        p.rest_api_props.default_integration = Some(MockIntegration::new());
        let e = StepFunctionsRestApi::new(&stack, "Api", p).unwrap_err();
        assert_eq!(e.code(), Some("CannotSpecifyDefaultIntegrationSince"));
        let core: cdk_core::Error = e.into();
        assert_eq!(core.to_string(), format!("S: {DEFAULT_INTEGRATION_GIVEN}"));
        assert!(matches!(core, cdk_core::Error::InvalidArgument { .. }));
    }

    #[test]
    fn the_root_any_method_starts_executions() {
        let app = App::new();
        let stack = Stack::new(&app, "S").unwrap();
        let api = StepFunctionsRestApi::new(&stack, "Api", props(express(&stack, "M"))).unwrap();
        assert_eq!(api.method().http_method(), "ANY");
        assert_eq!(api.method().method_responses().len(), 3);
        let integration = api.method().resource().property("Integration").unwrap();
        let integration = integration.as_object().unwrap();
        assert_eq!(integration["Type"], Value::from("AWS"));
        assert_eq!(integration["PassthroughBehavior"], Value::from("NEVER"));
        assert!(api.root().node().try_find_child("ANY").is_some());
        // errors of the REST API come through as they are
        let e = StepFunctionsRestApi::new(&stack, "Api", props(express(&stack, "N"))).unwrap_err();
        assert!(matches!(e, Error::Core(cdk_core::Error::DuplicateId { .. })), "{e}");
        assert_eq!(e.code(), None);
    }
}
