//! Lambda resources against aws-cdk-lib 2.276.0 goldens.
//!
//! The first three cases are parity apps of `shared/parity/cases`: each test rebuilds the
//! Lambda part of the app with the same construct ids and paths (API Gateway resources the
//! permissions refer to are stand-in `CfnResource`s at the same paths, so their logical IDs
//! match) and compares the Lambda-related resources with the golden's, key order included.
//! The `zz-lambda-*` cases are Lambda-only apps (their `app.js` is beside their golden) and
//! are compared byte for byte.

use std::error::Error as StdError;
use std::path::{Path, PathBuf};

use cdk_core::{
    cfn_format, App, AppProps, ArnComponents, Aws, CfnOutput, CfnOutputProps, CfnResource,
    Construct, Error, Node, Stack, Value,
};
use cdk_iam::{PolicyStatement, Principal, Role, RoleProps, User, UserProps};
use cdk_lambda::{
    ApplicationLogLevel, Architecture, Code, Function, FunctionProps, LoggingFormat, Permission,
    Runtime, SystemLogLevel, LAMBDA_CREATE_NEW_POLICIES_WITH_ADD_TO_ROLE_POLICY,
};
use cdk_logs::{LogGroup, LogGroupProps};

type TestResult = Result<(), Box<dyn StdError>>;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn golden(case: &str, file: &str) -> PathBuf {
    crate_dir().join("tests/goldens").join(case).join(file)
}

fn read_json(path: &Path) -> Result<serde_json::Value, Box<dyn StdError>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(serde_json::from_str(&text)?)
}

/// Builds an app writing to a fresh folder, runs `build`, synthesizes; returns the folder.
fn synth(
    case: &str,
    context: &[(&str, bool)],
    build: impl FnOnce(&App) -> Result<(), Error>,
) -> Result<PathBuf, Box<dyn StdError>> {
    let out = std::env::temp_dir().join(format!("cdk-lambda-goldens-{case}"));
    let _ = std::fs::remove_dir_all(&out);
    // The API Gateway stand-ins have no properties: the CloudFormation validation (which
    // would refuse them) is off; the `zz-lambda-*` apps are complete and keep it.
    let stand_ins = !case.starts_with("zz-");
    let mut props =
        AppProps::builder().outdir(out.clone()).builtin_cloudformation_validation(!stand_ins);
    for (key, value) in context {
        props = props.context(key, *value);
    }
    let app = App::with_props(props.build()?);
    build(&app)?;
    app.synth()?;
    Ok(out)
}

/// Compares resources by logical ID, each as its JSON text (key order included).
fn assert_same_resources(ours: &Path, golden: &Path, logical_ids: &[&str]) -> TestResult {
    let ours = read_json(ours)?;
    let golden = read_json(golden)?;
    for id in logical_ids {
        let g = &golden["Resources"][id];
        assert!(!g.is_null(), "golden has no resource {id}");
        let o = &ours["Resources"][id];
        assert_eq!(
            serde_json::to_string_pretty(o)?,
            serde_json::to_string_pretty(g)?,
            "resource {id} differs"
        );
    }
    // Every Lambda resource we render is one of the compared ones.
    if let Some(resources) = ours["Resources"].as_object() {
        for (id, r) in resources {
            let ty = r["Type"].as_str().unwrap_or_default();
            if ty.starts_with("AWS::Lambda::") || ty == "AWS::Logs::LogGroup" {
                assert!(logical_ids.contains(&id.as_str()), "unexpected {ty} {id}");
            }
        }
    }
    Ok(())
}

fn assert_same_file(ours: &Path, golden: &Path) -> TestResult {
    let o = std::fs::read_to_string(ours)?;
    let g = std::fs::read_to_string(golden)?;
    assert!(o == g, "{} differs from {}:\n{o}", ours.display(), golden.display());
    Ok(())
}

fn inline_function(scope: &impl Construct, id: &str, source: &str) -> Result<Function, Error> {
    let props = FunctionProps::builder()
        .runtime(Runtime::NODEJS_20_X)
        .handler("index.handler")
        .code(Code::from_inline(source))
        .build()
        .map_err(|source| Error::Build { path: id.into(), source })?;
    Function::new(scope, id, props)
}

/// A stand-in for a resource of another construct library: same path, so same logical ID.
fn stand_in(scope: &Node, path: &[&str], resource_type: &str) -> Result<CfnResource, Error> {
    let mut node = scope.clone();
    let (last, init) = path.split_last().ok_or_else(|| Error::InvalidArgument {
        path: scope.path(),
        message: "empty stand-in path".into(),
    })?;
    for id in init {
        node = match node.try_find_child(id) {
            Some(n) => n,
            None => node.add_child(id)?,
        };
    }
    CfnResource::new(&node, last, resource_type, Value::Null)
}

/// `${scope}/id1/id2...` as plain constructs (created when missing).
fn scope_at(scope: &Node, path: &[&str]) -> Result<Node, Error> {
    let mut node = scope.clone();
    for id in path {
        node = match node.try_find_child(id) {
            Some(n) => n,
            None => node.add_child(id)?,
        };
    }
    Ok(node)
}

fn execute_api_arn(api: &CfnResource, rest: Value) -> Value {
    cfn_format!(
        "arn:{}:execute-api:{}:{}:{}/{}",
        Aws::partition(),
        Aws::region(),
        Aws::account_id(),
        api.ref_(),
        rest
    )
}

fn api_permission(source_arn: Value, scope: &Node) -> Result<Permission, Error> {
    Permission::builder()
        .principal(Principal::service("apigateway.amazonaws.com"))
        .source_arn(source_arn)
        .scope(scope.clone())
        .build()
        .map_err(|source| Error::Build { path: scope.path(), source })
}

/// lambda-rest-api, stack `ProxyStack`: an inline function behind a proxy API, with the
/// method-scoped permissions `LambdaIntegration` adds.
#[test]
fn lambda_rest_api_proxy_stack() -> TestResult {
    let out = synth("lambda-rest-api", &[], |app| {
        let stack = Stack::new(app, "ProxyStack")?;
        let backend = inline_function(
            &stack,
            "Backend",
            "exports.handler = async () => ({ statusCode: 200, body: \"hello\" });",
        )?;
        let root = stack.node();
        let api = stand_in(root, &["myapi", "Resource"], "AWS::ApiGateway::RestApi")?;
        let stage = stand_in(
            root,
            &["myapi", "DeploymentStage.prod", "Resource"],
            "AWS::ApiGateway::Stage",
        )?;
        let desc = "ProxyStackmyapi9DB6AD1F.ANY";
        for (path, suffix) in [
            (&["myapi", "Default", "{proxy+}", "ANY"][..], ".{proxy+}"),
            (&["myapi", "Default", "ANY"][..], "."),
        ] {
            let method = scope_at(root, path)?;
            let resource_path = if suffix == "." { "" } else { "*" };
            backend.add_permission(
                &format!("ApiPermission.{desc}.{suffix}"),
                api_permission(
                    execute_api_arn(&api, cfn_format!("{}/*/{}", stage.ref_(), resource_path)),
                    &method,
                )?,
            )?;
            backend.add_permission(
                &format!("ApiPermission.Test.{desc}.{suffix}"),
                api_permission(
                    execute_api_arn(
                        &api,
                        Value::from(format!("test-invoke-stage/*/{resource_path}")),
                    ),
                    &method,
                )?,
            )?;
        }
        Ok(())
    })?;
    assert_same_resources(
        &out.join("ProxyStack.template.json"),
        &golden("lambda-rest-api", "ProxyStack.template.json"),
        &[
            "BackendServiceRole02B059A1",
            "BackendEC8447F5",
            "BackendLogGroup07912B2F",
            "myapiproxyANYApiPermissionProxyStackmyapi9DB6AD1FANYproxyA70AE12C",
            "myapiproxyANYApiPermissionTestProxyStackmyapi9DB6AD1FANYproxyFF3CF247",
            "myapiANYApiPermissionProxyStackmyapi9DB6AD1FANY67E43570",
            "myapiANYApiPermissionTestProxyStackmyapi9DB6AD1FANY99E8FF1B",
        ],
    )
}

/// models-validators-hello: `Code.fromAsset` on a directory, with the asset's metadata and
/// its entry in the asset manifest.
#[test]
fn models_validators_hello_asset_code() -> TestResult {
    let out = synth("models-validators-hello", &[], |app| {
        let stack = Stack::new(app, "Stack")?;
        let props = FunctionProps::builder()
            .runtime(Runtime::NODEJS_20_X)
            .handler("hello.handler")
            .code(Code::from_asset(crate_dir().join("tests/fixtures/lambda")))
            .build()
            .map_err(|source| Error::Build { path: "hello".into(), source })?;
        let hello = Function::new(&stack, "hello", props)?;
        let root = stack.node();
        let api = stand_in(root, &["hello-api", "Resource"], "AWS::ApiGateway::RestApi")?;
        let stage = stand_in(
            root,
            &["hello-api", "DeploymentStage.prod", "Resource"],
            "AWS::ApiGateway::Stage",
        )?;
        let method = scope_at(root, &["hello-api", "Default", "v1", "GET"])?;
        hello.add_permission(
            "ApiPermission.Stackhelloapi578E5D77.GET..v1",
            api_permission(execute_api_arn(&api, cfn_format!("{}/GET/v1", stage.ref_())), &method)?,
        )?;
        hello.add_permission(
            "ApiPermission.Test.Stackhelloapi578E5D77.GET..v1",
            api_permission(
                execute_api_arn(&api, Value::from("test-invoke-stage/GET/v1")),
                &method,
            )?,
        )?;
        Ok(())
    })?;
    assert_same_resources(
        &out.join("Stack.template.json"),
        &golden("models-validators-hello", "Stack.template.json"),
        &[
            "helloServiceRole353607D3",
            "hello26396490",
            "helloLogGroup5040E683",
            "helloapiv1GETApiPermissionStackhelloapi578E5D77GETv14E190F61",
            "helloapiv1GETApiPermissionTestStackhelloapi578E5D77GETv1D0982489",
        ],
    )?;
    let hash = "4d21f98819e71ac35ce3fa3f37bbf12aa416295bb8d57aeec1e943a10ba958ae";
    let ours = read_json(&out.join("Stack.assets.json"))?;
    let theirs = read_json(&golden("models-validators-hello", "Stack.assets.json"))?;
    assert_eq!(
        serde_json::to_string(&ours["files"][hash])?,
        serde_json::to_string(&theirs["files"][hash])?
    );
    assert!(out.join(format!("asset.{hash}")).join("hello.js").exists());
    Ok(())
}

/// request-authorizer: permissions on the function itself (`addPermission` of
/// `LambdaAuthorizer`), with a source ARN built by `Stack::format_arn`.
#[test]
fn request_authorizer_permissions() -> TestResult {
    let out = synth("request-authorizer", &[], |app| {
        let stack = Stack::new(app, "RequestAuthorizerInteg")?;
        let source = "\nexports.handler = async (event) => ({\n  principalId: 'user',\n  policyDocument: {\n    Version: '2012-10-17',\n    Statement: [{ Action: 'execute-api:Invoke', Effect: event.headers.Authorization === 'allow' ? 'Allow' : 'Deny', Resource: event.methodArn }],\n  },\n});\n";
        let handler = inline_function(&stack, "MyAuthorizerFunction", source)?;
        let root = stack.node();
        let api = stand_in(root, &["MyRestApi", "Resource"], "AWS::ApiGateway::RestApi")?;
        for (id, unique) in [
            ("MyAuthorizer", "RequestAuthorizerIntegMyAuthorizer5D9D41C5"),
            ("MySecondAuthorizer", "RequestAuthorizerIntegMySecondAuthorizerCCC4ECED"),
            ("booksAuthorizer", "RequestAuthorizerIntegbooksAuthorizer132B5C36"),
        ] {
            let authorizer = stand_in(root, &[id, "Resource"], "AWS::ApiGateway::Authorizer")?;
            let arn = stack.format_arn(
                &ArnComponents::new("execute-api", api.ref_())
                    .resource_name(cfn_format!("authorizers/{}", authorizer.ref_())),
            );
            handler.add_permission(
                &format!("{unique}:Permissions"),
                Permission::builder()
                    .principal(Principal::service("apigateway.amazonaws.com"))
                    .source_arn(arn)
                    .build()
                    .map_err(|source| Error::Build { path: id.into(), source })?,
            )?;
        }
        Ok(())
    })?;
    assert_same_resources(
        &out.join("RequestAuthorizerInteg.template.json"),
        &golden("request-authorizer", "RequestAuthorizerInteg.template.json"),
        &[
            "MyAuthorizerFunctionServiceRole8A34C19E",
            "MyAuthorizerFunction70F1223E",
            "MyAuthorizerFunctionLogGroupF4114622",
            "MyAuthorizerFunctionRequestAuthorizerIntegMyAuthorizer5D9D41C5PermissionsCB8B246E",
            "MyAuthorizerFunctionRequestAuthorizerIntegMySecondAuthorizerCCC4ECEDPermissions055F817A",
            "MyAuthorizerFunctionRequestAuthorizerIntegbooksAuthorizer132B5C36Permissions61843ED6",
        ],
    )
}

fn build_error(path: &str) -> impl Fn(cdk_core::BuildError) -> Error + '_ {
    move |source| Error::Build { path: path.into(), source }
}

/// zz-lambda-props: every prop of the L2, an existing role and log group, the three
/// principal kinds, `grantInvoke` to a user, `addToRolePolicy`, outputs of name and ARN.
#[test]
fn zz_lambda_props() -> TestResult {
    let out = synth("zz-lambda-props", &[], |app| {
        let stack = Stack::new(app, "Stack")?;
        let full = Function::new(
            &stack,
            "Full",
            FunctionProps::builder()
                .runtime(Runtime::PYTHON_3_12)
                .handler("index.main")
                .code(Code::from_inline("def main(e, c):\n  return 1\n"))
                .function_name("my-func")
                .description("a function")
                .timeout(std::time::Duration::from_secs(30))
                .memory_size(512)
                .environment_variable("ZED", "z")
                .environment_variable("ALPHA", "a")
                .reserved_concurrent_executions(5)
                .architecture(Architecture::Arm64)
                .logging_format(LoggingFormat::Json)
                .application_log_level(ApplicationLogLevel::Debug)
                .system_log_level(SystemLogLevel::Warn)
                .initial_policy_statement(
                    PolicyStatement::new().actions(["s3:GetObject"]).resources([Value::from("*")]),
                )
                .build()
                .map_err(build_error("Full"))?,
        )?;
        full.add_environment("LATER", "l")?;

        let logs = LogGroup::new(&stack, "MyLogs", LogGroupProps::default())?;
        let role = Role::new(
            &stack,
            "MyRole",
            RoleProps::builder().assumed_by(Principal::service("lambda.amazonaws.com")),
        )?;
        let with_role = Function::new(
            &stack,
            "WithRole",
            FunctionProps::builder()
                .runtime(Runtime::NODEJS_22_X)
                .handler("index.handler")
                .code(Code::from_inline("exports.handler = 1"))
                .role(role)
                .log_group(logs)
                .build()
                .map_err(build_error("WithRole"))?,
        )?;
        with_role.add_permission(
            "Perm",
            Permission::builder()
                .principal(Principal::service("s3.amazonaws.com"))
                .source_arn("arn:aws:s3:::bucket")
                .source_account("123456789012")
                .build()
                .map_err(build_error("Perm"))?,
        )?;
        with_role.add_permission(
            "Perm2",
            Permission::builder()
                .principal(Principal::account("123456789012"))
                .action("lambda:GetFunction")
                .build()
                .map_err(build_error("Perm2"))?,
        )?;
        with_role.add_permission(
            "Perm3",
            Permission::new(Principal::arn("arn:aws:iam::123456789012:role/x")),
        )?;
        let user = User::new(&stack, "Invoker", UserProps::default())?;
        with_role.grant_invoke(&user)?;
        with_role.grant_invoke(&user)?; // granted once
        with_role.add_to_role_policy(
            PolicyStatement::new().actions(["sqs:SendMessage"]).resources([Value::from("*")]),
        )?;
        CfnOutput::new(&stack, "Name", CfnOutputProps::builder().value(with_role.function_name()))?;
        CfnOutput::new(&stack, "Arn", CfnOutputProps::builder().value(with_role.function_arn()))?;
        Ok(())
    })?;
    assert_same_file(
        &out.join("Stack.template.json"),
        &golden("zz-lambda-props", "Stack.template.json"),
    )?;
    assert_same_file(
        &out.join("Stack.assets.json"),
        &golden("zz-lambda-props", "Stack.assets.json"),
    )
}

/// zz-lambda-flags: no CDK-managed log group, `addToRolePolicy` creating new policies, and
/// one asset code shared by two functions.
#[test]
fn zz_lambda_flags() -> TestResult {
    let out = synth(
        "zz-lambda-flags",
        &[
            (cdk_core::feature_flags::LAMBDA_USE_CDK_MANAGED_LOG_GROUP, false),
            (LAMBDA_CREATE_NEW_POLICIES_WITH_ADD_TO_ROLE_POLICY, true),
        ],
        |app| {
            let stack = Stack::new(app, "Stack")?;
            let code = Code::from_asset(crate_dir().join("tests/fixtures/lambda"));
            let props = |code: Code| {
                FunctionProps::builder()
                    .runtime(Runtime::NODEJS_18_X)
                    .handler("hello.handler")
                    .code(code)
                    .build()
                    .map_err(build_error("Fn"))
            };
            let f = Function::new(&stack, "Fn", props(code.clone())?)?;
            f.add_to_role_policy(
                PolicyStatement::new().actions(["sqs:SendMessage"]).resources([Value::from("*")]),
            )?;
            f.add_to_role_policy(
                PolicyStatement::new().actions(["sns:Publish"]).resources([Value::from("*")]),
            )?;
            Function::new(&stack, "Second", props(code)?)?;
            Ok(())
        },
    )?;
    assert_same_file(
        &out.join("Stack.template.json"),
        &golden("zz-lambda-flags", "Stack.template.json"),
    )?;
    assert_same_file(
        &out.join("Stack.assets.json"),
        &golden("zz-lambda-flags", "Stack.assets.json"),
    )
}

#[test]
fn zz_lambda_versions() -> TestResult {
    use cdk_lambda::{
        Alias, AliasProps, FunctionAttributes, IFunction, Tracing, Version, VersionProps,
    };
    let case = "zz-lambda-versions";
    let out = synth(case, &[], |app| {
        let stack = Stack::new(app, "Stack")?;
        let f = Function::new(
            &stack,
            "Fn",
            FunctionProps::builder()
                .runtime(Runtime::NODEJS_22_X)
                .handler("index.handler")
                .code(Code::from_inline("exports.handler = async () => 1;"))
                .tracing(Tracing::Active)
                .memory_size(256)
                .description("versioned")
                .environment([("STAGE", "prod")]),
        )?;
        let version = f.current_version()?;
        let alias = Alias::new(
            &stack,
            "LiveAlias",
            AliasProps::builder()
                .alias_name("live")
                .version(&version)
                .description("the live alias")
                .provisioned_concurrent_executions(2),
        )?;
        let user = User::new(&stack, "Invoker", UserProps::default())?;
        alias.grant_invoke(&user)?;
        alias
            .add_permission("AliasPerm", Permission::new(Principal::service("s3.amazonaws.com")))?;
        let output = |id: &str, value: Value| {
            CfnOutput::new(&stack, id, CfnOutputProps::builder().value(value))
        };
        output("VersionArn", version.function_arn())?;
        output("VersionName", version.version())?;
        output("AliasArn", alias.function_arn())?;
        output("AliasFnName", alias.function_name())?;

        let other = Function::new(
            &stack,
            "Other",
            FunctionProps::builder()
                .runtime(Runtime::PYTHON_3_12)
                .handler("index.main")
                .code(Code::from_inline("def main(e, c):\n  return 1\n"))
                .tracing(Tracing::PassThrough),
        )?;
        let v2 = Version::new(
            &stack,
            "ManualVersion",
            VersionProps::builder().lambda(&other).description("manual"),
        )?;
        output("ManualVersionArn", v2.function_arn())?;

        let imported = Function::from_function_arn(
            &stack,
            "Imported",
            "arn:aws:lambda:us-east-1:123456789012:function:imported-fn",
        )?;
        output("ImportedName", imported.function_name())?;
        let attrs = Function::from_function_attributes(
            &stack,
            "ImportedAttrs",
            FunctionAttributes::builder()
                .function_arn("arn:aws:lambda:us-east-1:123456789012:function:attrs-fn")
                .same_environment(true),
        )?;
        attrs.add_permission(
            "ImportedPerm",
            Permission::new(Principal::service("events.amazonaws.com")),
        )?;
        // Not in the app: a permission on an import of another account is refused.
        let err = imported
            .add_permission("Refused", Permission::new(Principal::service("s3.amazonaws.com")))
            .map(|_| ())
            .unwrap_err();
        assert!(err.to_string().contains("Cannot modify permission"), "{err}");
        Ok(())
    })?;
    assert_same_file(&out.join("Stack.template.json"), &golden(case, "Stack.template.json"))
}

#[test]
fn zz_lambda_alias() -> TestResult {
    use cdk_lambda::{AliasOptions, Version, VersionOptions, VersionProps, VersionWeight};
    let case = "zz-lambda-alias";
    let out = synth(case, &[], |app| {
        let stack = Stack::new(app, "Stack")?;
        let f = Function::new(
            &stack,
            "Fn",
            FunctionProps::builder()
                .runtime(Runtime::NODEJS_22_X)
                .handler("index.handler")
                .code(Code::from_inline("exports.handler = async () => 2;"))
                .timeout(std::time::Duration::from_secs(10))
                .reserved_concurrent_executions(3)
                .current_version_options(
                    VersionOptions::builder()
                        .description("current")
                        .removal_policy(cdk_core::RemovalPolicy::Retain)
                        .build()?,
                ),
        )?;
        let old = Version::new(
            &stack,
            "Old",
            VersionProps::builder().lambda(&f).provisioned_concurrent_executions(1),
        )?;
        f.add_alias(
            "prod",
            AliasOptions::builder()
                .description("prod")
                .additional_versions([VersionWeight::new(&old, 0.1)]),
        )?;
        Ok(())
    })?;
    assert_same_file(&out.join("Stack.template.json"), &golden(case, "Stack.template.json"))
}
