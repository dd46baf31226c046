//! Helpers of the unit tests: synthesize a one-stack app and read its template.

use cdk_core::{App, AppProps, Error, Stack};

/// Builds a stack named `Stack` with `build`, synthesizes it into a fresh folder named after
/// `name` and returns the parsed template.
pub(crate) fn synth(
    name: &str,
    build: impl FnOnce(&Stack) -> Result<(), Error>,
) -> serde_json::Value {
    let dir = std::env::temp_dir().join(format!("apigw-core-test-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    let app = App::with_props(AppProps::builder().outdir(dir.clone()).build().unwrap());
    let stack = Stack::new(&app, "Stack").unwrap();
    build(&stack).unwrap();
    app.synth().unwrap();
    let text = std::fs::read_to_string(dir.join("Stack.template.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The template's resources of one type, by logical ID, in template order.
pub(crate) fn resources_of_type(
    template: &serde_json::Value,
    resource_type: &str,
) -> serde_json::Map<String, serde_json::Value> {
    template["Resources"]
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(_, r)| r["Type"] == resource_type)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}
