//! Twin of `core-cases/core-values/app.js`.

use super::prelude::*;
use cdk_core::value;

/// The case.
pub(crate) const CASE: Case = Case::core("core-values", build);

/// core-cases/core-values
#[allow(clippy::approx_constant)] // 3.14159 is the app.js literal, not an approximation of pi
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let description =
        "tab\there\nnewline \u{1} ctl \u{1f} é ü 日本語 \u{2028} \u{2029} 😀 </script> & < >";
    CfnRestApi::new(
        &stack,
        "Api",
        CfnRestApiProps::builder()
            .name("values \"quoted\" \\ back\\slash")
            .description(description)
            .minimum_compression_size(0)
            .fail_on_warnings(false)
            .binary_media_types(value!([]))
            .parameters(value!({}))
            .body(value!({
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
                "skipped": Value::absent(),
                "list": [3, "two", { "b": 1, "a": 2 }, [], {}],
                "10": "numeric key",
                "2": "numeric key sorts first in JS",
            })),
    )?;
    Ok(())
}
