//! Helpers of the unit tests: a stack with a certificate and APIs, and synthesis to a template.

use apigw_core::{RestApi, RestApiProps};
use cdk_certificatemanager::Certificate;
use cdk_core::{App, AppProps, Error, IntoProps, Stack};

/// What the unit tests return: any error fails the test with its message.
pub(crate) type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// A stack `Stack` of a fresh app.
pub(crate) fn stack() -> Result<(App, Stack), Error> {
    let app = App::new();
    let stack = Stack::new(&app, "Stack")?;
    Ok((app, stack))
}

/// An imported certificate `Stack/Cert`.
pub(crate) fn cert(stack: &Stack) -> Result<Certificate, Error> {
    Certificate::from_certificate_arn(stack, "Cert", "arn:aws:acm:us-east-1:1:certificate/c")
}

/// An API `id` with a `GET` on its root.
pub(crate) fn api(
    stack: &Stack,
    id: &str,
    props: impl IntoProps<RestApiProps>,
) -> Result<RestApi, Error> {
    let api = RestApi::new(stack, id, props)?;
    api.root().add_method("GET", None)?;
    Ok(api)
}

/// Builds a stack named `Stack` with `build`, synthesizes it into a fresh folder named after
/// `name` and returns the parsed template.
pub(crate) fn synth(
    name: &str,
    build: impl FnOnce(&Stack) -> Result<(), Error>,
) -> TestResult<serde_json::Value> {
    let dir = std::env::temp_dir().join(format!("apigw-domains-test-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    let app = App::with_props(AppProps::builder().outdir(dir.clone()).build()?);
    let stack = Stack::new(&app, "Stack")?;
    build(&stack)?;
    app.synth()?;
    let text = std::fs::read_to_string(dir.join("Stack.template.json"))?;
    Ok(serde_json::from_str(&text)?)
}
