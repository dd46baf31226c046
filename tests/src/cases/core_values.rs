//! Twin of `core-cases/core-values/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::core("core-values", build);

/// core-cases/core-values
#[allow(clippy::approx_constant)] // 3.14159 is the app.js literal, not an approximation of pi
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    let body: Value = serde_json::json!({
        "zeta": 1,
        "alpha": 0.5,
        "Middle": -3,
        "big": 123456789012345_i64,
        "tiny": 0.000001,
        "smaller": 1e-7,
        "huge": 1e21,
        "float": 3.14159,
        "whole": 10.0,
        "neg0": -0.0,
        "yes": true,
        "no": false,
        "nothing": null,
        "list": [3, "two", { "b": 1, "a": 2 }, [], {}],
        "10": "numeric key",
        "2": "numeric key sorts first in JS"
    })
    .into();
    let mut props = CfnRestApiProps::default();
    props.name = Some("values \"quoted\" \\ back\\slash".into());
    props.description = Some(
        "tab\there\nnewline \u{1} ctl \u{1f} é ü 日本語 \u{2028} \u{2029} 😀 </script> & < >"
            .into(),
    );
    props.minimum_compression_size = Some(0.into());
    props.fail_on_warnings = Some(false.into());
    props.binary_media_types = Some(Value::Array(vec![]));
    props.parameters = Some(Value::Object(Map::new()));
    props.body = Some(body);
    CfnRestApi::new(&stack, "Api", props)?;
    Ok(())
}
