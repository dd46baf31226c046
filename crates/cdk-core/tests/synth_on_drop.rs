//! Rule 12 of `CONVENTIONS.md`: an app that was never synthesized synthesizes when dropped
//! under the `cdk` CLI (`CDK_OUTDIR` set), and warns elsewhere. Each scenario runs in a
//! child process (this test binary, running one ignored test), so the environment and
//! stderr are its own.

use std::process::Command;

use cdk_core::{App, CfnResource, Error, Stack, Value};

/// Runs the ignored test `name` of this binary in a child process with `CDK_OUTDIR` set to
/// `outdir` (or unset); returns its stderr.
fn run_child(name: &str, outdir: Option<&std::path::Path>) -> String {
    let exe = std::env::current_exe().unwrap_or_default();
    let mut cmd = Command::new(exe);
    cmd.args(["--exact", name, "--ignored", "--nocapture", "--test-threads=1"]);
    cmd.env_remove("CDK_OUTDIR");
    if let Some(dir) = outdir {
        cmd.env("CDK_OUTDIR", dir);
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run the child test: {e}"));
    assert!(out.status.success(), "child test {name} failed");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
#[ignore = "run by synthesizes_on_drop_under_the_cli in a child process"]
fn child_app_with_a_stack() -> Result<(), Error> {
    let app = App::new();
    let stack = Stack::new(&app, "Stack")?;
    CfnResource::new(&stack, "Topic", "AWS::SNS::Topic", Value::Null)?;
    Ok(())
}

#[test]
#[ignore = "run by apps_without_stacks_or_synthesized_stay_silent in a child process"]
fn child_quiet_apps() -> Result<(), Error> {
    let empty = App::new();
    drop(empty);
    let dir = std::env::temp_dir().join("cdk-core-synth-on-drop-quiet");
    let synthesized = App::with_props(cdk_core::AppProps::builder().outdir(dir));
    let stack = Stack::new(&synthesized, "Stack")?;
    CfnResource::new(&stack, "Topic", "AWS::SNS::Topic", Value::Null)?;
    synthesized.synth()?;
    let opted_out = App::new();
    Stack::new(&opted_out, "Stack")?;
    opted_out.skip_synth_check();
    Ok(())
}

#[test]
fn synthesizes_on_drop_under_the_cli() {
    let dir = std::env::temp_dir().join("cdk-core-synth-on-drop");
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = run_child("child_app_with_a_stack", Some(&dir));
    assert!(dir.join("manifest.json").exists(), "no assembly written; stderr: {stderr}");
    assert!(dir.join("Stack.template.json").exists());
    assert!(!stderr.contains("warning"), "{stderr}");
}

#[test]
fn warns_on_drop_elsewhere() {
    let stderr = run_child("child_app_with_a_stack", None);
    assert!(stderr.contains(cdk_core::app::NOT_SYNTHESIZED_WARNING), "{stderr}");
    assert!(stderr.contains("app.synth()"));
}

#[test]
fn apps_without_stacks_or_synthesized_stay_silent() {
    let stderr = run_child("child_quiet_apps", None);
    assert!(!stderr.contains("warning"), "{stderr}");
}
