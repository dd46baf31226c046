//! The CDK CLI's context reaches the app: `cdk synth -c key=value` and cdk.json's `context`
//! arrive in `$CDK_CONTEXT_JSON` (large contexts in the file `$CONTEXT_OVERFLOW_LOCATION_ENV`
//! names), and override the recommended feature flags and `AppProps::context`.
//!
//! One test in its own binary: it sets process environment variables.
#![allow(clippy::unwrap_used)]

use cdk_core::{feature_flags, App, AppProps, Construct};

#[test]
fn cli_context_reaches_the_app_and_overrides_flags() {
    let dir = std::env::temp_dir().join("cdk-core-cli-context");
    std::fs::create_dir_all(&dir).unwrap();
    let overflow = dir.join("overflow.json");
    std::fs::write(&overflow, r#"{"fromFile": 1, "both": "file"}"#).unwrap();
    std::env::set_var(
        "CDK_CONTEXT_JSON",
        serde_json::json!({
            "greeting": "hi",
            "both": "env",
            feature_flags::APIGATEWAY_DISABLE_CLOUDWATCH_ROLE: false,
            "fromProps": "cli",
        })
        .to_string(),
    );
    std::env::set_var("CONTEXT_OVERFLOW_LOCATION_ENV", &overflow);

    let app = App::with_props(
        AppProps::builder()
            .context("fromProps", "props")
            .context("onlyProps", true)
            .build()
            .unwrap(),
    );
    let node = app.node();
    assert_eq!(node.try_get_context("greeting"), Some("hi".into()));
    assert_eq!(node.try_get_context("fromFile"), Some(1.into()));
    assert_eq!(node.try_get_context("both"), Some("file".into()), "the file comes last");
    assert_eq!(node.try_get_context("fromProps"), Some("cli".into()), "the CLI wins");
    assert_eq!(node.try_get_context("onlyProps"), Some(true.into()));
    // A recommended flag turned off on the command line.
    assert!(!node.feature_flag(feature_flags::APIGATEWAY_DISABLE_CLOUDWATCH_ROLE));
    let untouched = App::new();
    assert_eq!(untouched.node().try_get_context("greeting"), Some("hi".into()));

    // Without the variables, none of it.
    std::env::remove_var("CDK_CONTEXT_JSON");
    std::env::remove_var("CONTEXT_OVERFLOW_LOCATION_ENV");
    let app = App::new();
    assert_eq!(app.node().try_get_context("greeting"), None);
    assert!(app.node().feature_flag(feature_flags::APIGATEWAY_DISABLE_CLOUDWATCH_ROLE));

    // Malformed JSON is ignored rather than fatal.
    std::env::set_var("CDK_CONTEXT_JSON", "not json");
    assert_eq!(App::new().node().try_get_context("greeting"), None);
    std::env::remove_var("CDK_CONTEXT_JSON");
}
