//! The synthesis benchmark app of `shared/parity/perf/app.js`, construct for construct: one
//! RestApi with N resources (50 top-level, the rest as children round-robin) and four
//! methods each (GET and POST to one shared Lambda function, PUT mock, DELETE HTTP).

use apigw_core::{
    HttpIntegration, LambdaIntegration, MockIntegration, Resource, RestApi, RestApiProps,
};
use cdk_core::{App, Error, Stack, Validations};
use cdk_lambda::{Code, Function, FunctionProps, Runtime};

/// Top-level resources of the API.
pub const TOP: usize = 50;

/// Builds the app's stack `PerfStack` with `n` API resources (at least [`TOP`]); returns how
/// many were created.
///
/// # Errors
/// Construct errors (none for this app as written).
pub fn build(app: &App, n: usize) -> Result<usize, Error> {
    let stack = Stack::new(app, "PerfStack")?;
    // More than 500 resources: the CloudFormation validation's F0007 is acknowledged, so the
    // validation runs (and is timed) but passes, as in the aws-cdk-lib app.
    Validations::of(&stack)
        .acknowledge("CloudFormation-Validate::F0007", "performance anchor, not deployed")?;
    // Its 400 per-method permissions on one function are far over Lambda's policy size limit
    // (the synth-time check APIGW-11): acknowledged for the same reason.
    Validations::of(&stack)
        .acknowledge("apigw-checks::APIGW-11", "performance anchor, not deployed")?;
    // From N = 200 on, its template is over CloudFormation's 1 MB (a check of ours as well).
    Validations::of(&stack).acknowledge(
        cdk_core::app::TEMPLATE_SIZE_ACKNOWLEDGEMENT,
        "performance anchor, not deployed",
    )?;
    let func = Function::new(
        &stack,
        "Shared",
        FunctionProps::builder().runtime(Runtime::NODEJS_20_X).handler("index.handler").code(
            Code::from_inline("exports.handler = async () => ({ statusCode: 200, body: \"ok\" });"),
        ),
    )?;
    let lambda = LambdaIntegration::new(&func);
    let mock = MockIntegration::new();
    let http = HttpIntegration::new("https://backend.example.com/");
    let api = RestApi::new(&stack, "PerfApi", RestApiProps::default())?;
    let add_methods = |r: &Resource| -> Result<(), Error> {
        r.add_method("GET", &lambda)?;
        r.add_method("POST", &lambda)?;
        r.add_method("PUT", &mock)?;
        r.add_method("DELETE", &http)?;
        Ok(())
    };
    let mut tops = Vec::with_capacity(TOP);
    let mut created = 0;
    for i in 0..TOP {
        let r = api.root().add_resource(&format!("r{i}"))?;
        add_methods(&r)?;
        tops.push(r);
        created += 1;
    }
    let mut k = 0;
    while created < n {
        let child = tops[k % TOP].add_resource(&format!("c{}", k / TOP))?;
        add_methods(&child)?;
        created += 1;
        k += 1;
    }
    Ok(created)
}
