//! Helpers of the unit tests: a stack with a certificate and APIs, and synthesis to a template.

use apigw_core::{RestApi, RestApiProps};
use cdk_certificatemanager::Certificate;
use cdk_core::{App, AppProps, Error, Stack};

/// A stack `Stack` of a fresh app.
pub(crate) fn stack() -> (App, Stack) {
    let app = App::new();
    let stack = Stack::new(&app, "Stack").unwrap();
    (app, stack)
}

/// An imported certificate `Stack/Cert`.
pub(crate) fn cert(stack: &Stack) -> Certificate {
    Certificate::from_certificate_arn(stack, "Cert", "arn:aws:acm:us-east-1:1:certificate/c")
        .unwrap()
}

/// An API `id` with a `GET` on its root.
pub(crate) fn api(stack: &Stack, id: &str, props: RestApiProps) -> RestApi {
    let api = RestApi::new(stack, id, props).unwrap();
    api.root().add_method("GET", None).unwrap();
    api
}

/// Builds a stack named `Stack` with `build`, synthesizes it into a fresh folder named after
/// `name` and returns the parsed template.
pub(crate) fn synth(
    name: &str,
    build: impl FnOnce(&Stack) -> Result<(), Error>,
) -> serde_json::Value {
    let dir = std::env::temp_dir().join(format!("apigw-domains-test-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    let app = App::with_props(AppProps::builder().outdir(dir.clone()).build().unwrap());
    let stack = Stack::new(&app, "Stack").unwrap();
    build(&stack).unwrap();
    app.synth().unwrap();
    let text = std::fs::read_to_string(dir.join("Stack.template.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}
