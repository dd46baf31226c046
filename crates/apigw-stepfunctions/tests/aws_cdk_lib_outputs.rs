//! Cases beyond the parity goldens, checked against what aws-cdk-lib 2.276.0 synthesizes for
//! the same app (the expected strings below come from its templates): imported state
//! machines (whose deployment token is `StateMachine-<stack addr>`), a named state machine
//! (`{"stateMachineName":...}`), a given role, every request context variable, method
//! responses from the options before the default ones, and a chain of Pass states.

use apigw_core::{MethodOptions, MethodResponse, RestApi, RestApiProps};
use apigw_stepfunctions::{
    RequestContext, StepFunctionsExecutionIntegrationOptions, StepFunctionsIntegration,
    StepFunctionsRestApi, StepFunctionsRestApiProps,
};
use cdk_core::{App, AppProps, RemovalPolicy, Stack, Value};
use cdk_iam::{Principal, Role, RoleProps, User, UserProps};
use cdk_stepfunctions::{
    DefinitionBody, IStateMachine, Pass, PassProps, StateMachine, StateMachineProps,
    StateMachineType,
};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn synth(name: &str, build: impl Fn(&App) -> Result<()>) -> Result<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let app = App::with_props(AppProps::builder().outdir(dir.clone()).build()?);
    build(&app)?;
    app.synth()?;
    Ok(dir)
}

fn responses(code: &str) -> Result<MethodOptions> {
    Ok(MethodOptions::builder()
        .method_responses(vec![MethodResponse::builder().status_code(code).build()?])
        .build()?)
}

#[test]
fn imported_state_machines() -> Result<()> {
    let dir = synth("imported", |app| {
        let stack = Stack::new(app, "ImportStack")?;
        let imported = StateMachine::from_state_machine_arn(
            &stack,
            "Imported",
            "arn:aws:states:us-east-1:123456789012:stateMachine:Ext",
        )?;
        let api = RestApi::new(&stack, "Api", RestApiProps::default())?;
        let options = StepFunctionsExecutionIntegrationOptions::builder()
            .request_context(RequestContext::builder().api_id(false).build()?)
            .authorizer(true)
            .build()?;
        api.root().add_method_with(
            "POST",
            Some(StepFunctionsIntegration::start_execution(&imported, options)?),
            responses("201")?,
        )?;
        let by_name = StateMachine::from_state_machine_name(&stack, "ByName", "Other")?;
        api.root().add_resource("x")?.add_method(
            "GET",
            Some(StepFunctionsIntegration::start_execution(
                &by_name,
                StepFunctionsExecutionIntegrationOptions::default(),
            )?),
        )?;
        Ok(())
    })?;
    let template = std::fs::read_to_string(dir.join("ImportStack.template.json"))?;
    assert!(template.contains("\"ApiDeploymentB17BE62D15bccdad6641143b64d1650ac82cb98f\""));
    assert!(template.contains("#set($includeAuthorizer = true)"));
    assert!(template.contains("#set($requestContext = \\\"{}\\\")"));
    assert!(template.contains(
        r#"\"stateMachineArn\": \"arn:aws:states:us-east-1:123456789012:stateMachine:Ext\",\n\n"#
    ));
    Ok(())
}

#[test]
fn named_state_machine_given_role_and_every_context_variable() -> Result<()> {
    let dir = synth("named", |app| {
        let stack = Stack::new(app, "NamedStack")?;
        let a = Pass::new(
            &stack,
            "A",
            PassProps::builder()
                .comment("first")
                .result(Value::object([("x", 1.0)]))
                .result_path("$.r")
                .build()?,
        )?;
        let b = Pass::new(
            &stack,
            "B",
            PassProps::builder()
                .state_name("Second")
                .input_path("$.in")
                .output_path("$.out")
                .parameters(Value::object([("p", "q")]))
                .build()?,
        )?;
        let machine = StateMachine::new(
            &stack,
            "SM",
            StateMachineProps::builder()
                .definition_body(DefinitionBody::from_chainable(a.next(&b)?))
                .state_machine_type(StateMachineType::Express)
                .state_machine_name("MyMachine")
                .timeout(std::time::Duration::from_secs(30))
                .comment("hello")
                .removal_policy(RemovalPolicy::Retain)
                .build()?,
        )?;
        let role = Role::new(
            &stack,
            "Given",
            RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")),
        )?;
        let all = Some(true);
        let mut context = RequestContext::default();
        for field in [
            &mut context.account_id,
            &mut context.api_id,
            &mut context.api_key,
            &mut context.authorizer_principal_id,
            &mut context.caller,
            &mut context.cognito_authentication_provider,
            &mut context.cognito_authentication_type,
            &mut context.cognito_identity_id,
            &mut context.cognito_identity_pool_id,
            &mut context.http_method,
            &mut context.stage,
            &mut context.source_ip,
            &mut context.user,
            &mut context.user_agent,
            &mut context.user_arn,
            &mut context.request_id,
            &mut context.resource_id,
            &mut context.resource_path,
        ] {
            *field = all;
        }
        StepFunctionsRestApi::new(
            &stack,
            "Api",
            StepFunctionsRestApiProps::builder()
                .state_machine(&machine)
                .role(&role)
                .request_context(context)
                .rest_api_name("named")
                .default_method_options(responses("204")?),
        )?;
        let user = User::new(&stack, "U", UserProps::default())?;
        machine.grant_start_execution(&user)?;
        machine.grant(&user, &["states:DescribeExecution"])?;
        Ok(())
    })?;
    let template = std::fs::read_to_string(dir.join("NamedStack.template.json"))?;
    assert!(template.contains("\"ApiDeploymentB17BE62D0fc446e9b75a051be63b656d2e49393d\""));
    assert!(template.contains(r#""DefinitionString": "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Comment\":\"first\",\"Result\":{\"x\":1},\"ResultPath\":\"$.r\",\"Next\":\"Second\"},\"Second\":{\"Type\":\"Pass\",\"InputPath\":\"$.in\",\"Parameters\":{\"p\":\"q\"},\"OutputPath\":\"$.out\",\"End\":true}},\"TimeoutSeconds\":30,\"Comment\":\"hello\"}","#));
    assert!(template.contains("\"DeletionPolicy\": \"Retain\""));
    assert!(!template.contains("StartSyncExecutionRole"));
    assert!(template.contains("@@resourcePath@@:@@$context.resourcePath@@}"));
    Ok(())
}
