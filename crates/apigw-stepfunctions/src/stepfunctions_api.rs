//! `StepFunctionsRestApi` (`aws-apigateway/lib/stepfunctions-api.ts`): a REST API whose root
//! `ANY` method runs a synchronous execution of an express state machine.

use std::borrow::Borrow;
use std::ops::Deref;

use apigw_core::{ApiHandle, IRestApi, Method, RestApi};
use cdk_core::{BuildError, Construct, IntoProps, Node};
use cdk_iam::Role;
use cdk_stepfunctions::StateMachine;

use crate::integrations::MUST_BE_EXPRESS;
use crate::{
    Error, RequestContext, StepFunctionsExecutionIntegrationOptions, StepFunctionsIntegration,
};

/// The message of aws-cdk-lib's `CannotSpecifyDefaultIntegrationSince` error.
pub(crate) const DEFAULT_INTEGRATION_GIVEN: &str =
    "Cannot specify \"defaultIntegration\" since Step Functions integration is automatically defined";

apigw_core::rest_api_props! {
    /// Options of a [`StepFunctionsRestApi`] (`StepFunctionsRestApiProps`): the state machine,
    /// what of the request its executions receive, and, as aws-cdk-lib's props extend
    /// `RestApiProps`, every option of a REST API, set directly on the builder
    /// (`.deploy(true)`, `.rest_api_name("orders")`, ...).
    ///
    /// [`StepFunctionsRestApi::new`] refuses a state machine that is not of type `EXPRESS` and a
    /// `default_integration` (see [`StepFunctionsRestApiProps::validate`]).
    ///
    /// ```
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
    ///     .state_machine(&machine)
    ///     .headers(true)
    ///     .rest_api_name("orders")
    ///     .build()?;
    /// assert_eq!(props.headers, Some(true));
    /// assert_eq!(props.rest_api_props().rest_api_name.as_deref(), Some("orders"));
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    #[derive(Clone, Debug, derive_builder::Builder)]
    #[builder(
        pattern = "owned",
        setter(into, strip_option),
        build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
    )]
    #[non_exhaustive]
    pub struct StepFunctionsRestApiProps / StepFunctionsRestApiPropsBuilder {
        /// The state machine the root `ANY` method starts; of type `EXPRESS`. Required.
        #[builder(setter(custom))]
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
        #[builder(default, setter(custom))]
        pub role: Option<Role>,
    }
}

cdk_core::impl_props!(StepFunctionsRestApiProps, StepFunctionsRestApiPropsBuilder);

impl StepFunctionsRestApiPropsBuilder {
    /// The state machine the root `ANY` method starts (`stateMachine`); of type `EXPRESS`.
    /// Required.
    pub fn state_machine(mut self, state_machine: impl Borrow<StateMachine>) -> Self {
        self.state_machine = Some(state_machine.borrow().clone());
        self
    }

    /// The role API Gateway assumes to start executions (`role`). Default: a new role
    /// `StartSyncExecutionRole` under the root `ANY` method.
    pub fn role(mut self, role: impl Borrow<Role>) -> Self {
        self.role = Some(Some(role.borrow().clone()));
        self
    }
}

/// A rule of `stepfunctions-api.ts` the props break.
enum Violation {
    DefaultIntegrationGiven,
    StateMachineNotExpress,
}

impl StepFunctionsRestApiProps {
    /// The rules of `stepfunctions-api.ts` that need no construct tree (checked, as typed
    /// errors naming the scope, by [`StepFunctionsRestApi::new`]).
    ///
    /// # Errors
    /// A [`BuildError`] when `default_integration` is set, or when the state machine's type
    /// is not `EXPRESS`.
    pub fn validate(&self) -> Result<(), BuildError> {
        match self.violation() {
            None => Ok(()),
            Some(Violation::DefaultIntegrationGiven) => {
                Err(BuildError::invalid_field("default_integration", DEFAULT_INTEGRATION_GIVEN)
                    .in_props("StepFunctionsRestApiProps"))
            }
            Some(Violation::StateMachineNotExpress) => {
                Err(BuildError::invalid_field("state_machine", MUST_BE_EXPRESS)
                    .in_props("StepFunctionsRestApiProps"))
            }
        }
    }

    /// In aws-cdk-lib's order: the default integration, then the type of the state machine
    /// as its resource has it (`node.defaultChild.stateMachineType`).
    fn violation(&self) -> Option<Violation> {
        if self.default_integration.is_some() {
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

/// A REST API backed by an express state machine (`StepFunctionsRestApi`): a [`RestApi`]
/// (which it dereferences to, and which, as every API, it is as an [`IRestApi`]) whose
/// root `ANY` method integrates with [`StepFunctionsIntegration::start_execution`]; more
/// resources and methods can be added.
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
///     .state_machine(&machine)
///     .deploy(true))?;
/// assert_eq!(api.method().node().path(), "Stack/Api/Default/ANY");
/// app.synth()?;
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct StepFunctionsRestApi {
    api: RestApi,
    method: Method,
}

impl StepFunctionsRestApi {
    /// Defines the API, its root `ANY` method and the method's role; `props` is the props
    /// or their unfinished builder.
    ///
    /// # Errors
    /// [`Error::DefaultIntegrationGiven`] and [`Error::StateMachineNotExpress`] (naming
    /// `scope`'s path, as aws-cdk-lib does) for props breaking a rule of
    /// [`StepFunctionsRestApiProps::validate`]; [`Error::Core`] for a builder error naming the
    /// API's path and for errors of the REST API and its method.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<StepFunctionsRestApiProps>,
    ) -> Result<StepFunctionsRestApi, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
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
        let options = StepFunctionsExecutionIntegrationOptions {
            credentials_role: props.role.clone(),
            request_context: props.request_context,
            path: Some(props.path.unwrap_or(true)),
            querystring: Some(props.querystring.unwrap_or(true)),
            headers: props.headers,
            authorizer: props.authorizer,
            use_default_method_responses: props.use_default_method_responses,
            ..Default::default()
        };
        let integration = StepFunctionsIntegration::start_execution(&props.state_machine, options)?;
        let api = RestApi::new(scope, id, props.rest_api_props())?;
        api.node().set_construct_info("aws-cdk-lib.aws_apigateway.StepFunctionsRestApi");
        let method = api.root().add_method("ANY", integration)?;
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

impl IRestApi for StepFunctionsRestApi {
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

    fn machine(
        stack: &Stack,
        id: &str,
        kind: Option<StateMachineType>,
    ) -> Result<StateMachine, cdk_core::Error> {
        let pass = Pass::new(stack, &format!("{id}Pass"), PassProps::default())?;
        let mut props = StateMachineProps::builder()
            .definition_body(DefinitionBody::from_chainable(&pass))
            .build()?;
        props.state_machine_type = kind;
        StateMachine::new(stack, id, props)
    }

    fn express(stack: &Stack, id: &str) -> Result<StateMachine, cdk_core::Error> {
        machine(stack, id, Some(StateMachineType::Express))
    }

    #[test]
    fn a_state_machine_is_required() {
        let e = StepFunctionsRestApiProps::builder().build().unwrap_err();
        assert_eq!(
            e.to_string(),
            "StepFunctionsRestApiProps: required property 'state_machine' is not set"
        );
    }

    #[test]
    fn only_express_state_machines() -> Result<(), cdk_core::Error> {
        let app = App::new();
        let stack = Stack::new(&app, "S")?;
        for (id, kind) in [("Default", None), ("Standard", Some(StateMachineType::Standard))] {
            let m = machine(&stack, id, kind)?;
            let props = StepFunctionsRestApiProps::builder().state_machine(&m).build()?;
            assert!(props.validate().unwrap_err().message().contains(MUST_BE_EXPRESS));
            let e = StepFunctionsRestApi::new(&stack, "Api", props).unwrap_err();
            assert_eq!(e.code(), Some("MustBeStateMachineType"));
            assert_eq!(e.to_string(), format!("S: {MUST_BE_EXPRESS}"));
            assert!(stack.node().try_find_child("Api").is_none());
        }
        Ok(())
    }

    #[test]
    fn no_default_integration() -> Result<(), cdk_core::Error> {
        let app = App::new();
        let stack = Stack::new(&app, "S")?;
        let m = express(&stack, "M")?;
        let builder = StepFunctionsRestApiProps::builder()
            .state_machine(&m)
            .default_integration(MockIntegration::new());
        let e = StepFunctionsRestApi::new(&stack, "Api", builder).unwrap_err();
        assert_eq!(e.code(), Some("CannotSpecifyDefaultIntegrationSince"));
        let core: cdk_core::Error = e.into();
        assert_eq!(core.to_string(), format!("S: {DEFAULT_INTEGRATION_GIVEN}"));
        assert!(matches!(core, cdk_core::Error::InvalidArgument { .. }));
        Ok(())
    }

    #[test]
    fn builder_errors_name_the_api() -> Result<(), cdk_core::Error> {
        let app = App::new();
        let stack = Stack::new(&app, "S")?;
        let e = StepFunctionsRestApi::new(&stack, "Api", StepFunctionsRestApiProps::builder())
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "S/Api: StepFunctionsRestApiProps: required property 'state_machine' is not set"
        );
        Ok(())
    }

    #[test]
    fn rest_api_options_are_flat() -> Result<(), cdk_core::Error> {
        let app = App::new();
        let stack = Stack::new(&app, "S")?;
        let api = StepFunctionsRestApi::new(
            &stack,
            "Api",
            StepFunctionsRestApiProps::builder()
                .state_machine(&express(&stack, "M")?)
                .rest_api_name("orders")
                .binary_media_types(["image/png"])
                .deploy(false),
        )?;
        let name = api.resource().property("Name");
        assert_eq!(name, Some(Value::from("orders")));
        assert!(IRestApi::deployment_stage(&api).is_err());
        assert_eq!(IRestApi::rest_api_id(&api), api.rest_api().rest_api_id());
        Ok(())
    }

    #[test]
    fn the_root_any_method_starts_executions() -> Result<(), cdk_core::Error> {
        let app = App::new();
        let stack = Stack::new(&app, "S")?;
        let props = || -> Result<_, cdk_core::Error> {
            Ok(StepFunctionsRestApiProps::builder().state_machine(&express(&stack, "M")?))
        };
        let api = StepFunctionsRestApi::new(&stack, "Api", props()?)?;
        assert_eq!(api.method().http_method(), "ANY");
        assert_eq!(api.method().method_responses().len(), 3);
        let integration = api.method().resource().property("Integration").unwrap();
        let integration = integration.as_object().unwrap();
        assert_eq!(integration["Type"], Value::from("AWS"));
        assert_eq!(integration["PassthroughBehavior"], Value::from("NEVER"));
        assert!(api.root().node().try_find_child("ANY").is_some());
        // errors of the REST API come through as they are
        let n = express(&stack, "N")?;
        let e = StepFunctionsRestApi::new(
            &stack,
            "Api",
            StepFunctionsRestApiProps::builder().state_machine(&n),
        )
        .unwrap_err();
        assert!(matches!(e, Error::Core(cdk_core::Error::DuplicateId { .. })), "{e}");
        assert_eq!(e.code(), None);
        Ok(())
    }
}
