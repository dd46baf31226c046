//! IAM principals against aws-cdk-lib 2.276.0 goldens: each test rebuilds the `app.js` beside
//! its golden and compares the synthesized template byte for byte.

use std::error::Error as StdError;
use std::path::PathBuf;

use cdk_core::{App, AppProps, Stack, Value};
use cdk_iam::{Principal, Role, RoleProps};

type TestResult = Result<(), Box<dyn StdError>>;

#[test]
fn zz_iam_principals() -> TestResult {
    let case = "zz-iam-principals";
    let out = std::env::temp_dir().join(format!("cdk-iam-goldens-{case}"));
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    let stack = Stack::new(&app, "Stack")?;
    let role = |id: &str, p: Principal| Role::new(&stack, id, RoleProps::builder().assumed_by(p));
    role("AnyRole", Principal::any())?;
    role("StarRole", Principal::star())?;
    role("RootRole", Principal::account_root())?;
    role("AccountRole", Principal::account("123456789012"))?;
    role("ArnRole", Principal::arn("arn:aws:iam::123456789012:role/x"))?;
    role("OrgRole", Principal::organization("o-abcdefghij")?)?;
    role(
        "CondRole",
        Principal::service("lambda.amazonaws.com").with_conditions([(
            "StringEquals",
            Value::object([("aws:SourceAccount", "123456789012")]),
        )]),
    )?;
    role(
        "WithCondRole",
        Principal::account("111111111111")
            .with_conditions([("Bool", Value::object([("aws:MultiFactorAuthPresent", "true")]))]),
    )?;
    role(
        "CompositeRole",
        Principal::composite([
            Principal::service("lambda.amazonaws.com"),
            Principal::service("apigateway.amazonaws.com"),
            Principal::account_root(),
        ]),
    )?;
    app.synth()?;
    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/goldens")
        .join(case)
        .join("Stack.template.json");
    let o = std::fs::read_to_string(out.join("Stack.template.json"))?;
    let g = std::fs::read_to_string(golden)?;
    assert!(o == g, "differs:\n{o}");
    Ok(())
}
