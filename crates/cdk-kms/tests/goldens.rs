//! KMS keys against an aws-cdk-lib 2.276.0 golden: the `app.js` beside it rebuilt and the
//! synthesized template compared byte for byte.

use std::error::Error as StdError;
use std::path::PathBuf;
use std::time::Duration;

use cdk_core::{App, AppProps, CfnOutput, CfnOutputProps, RemovalPolicy, Stack};
use cdk_iam::{Principal, Role, RoleProps, User, UserProps};
use cdk_kms::{IKey, Key, KeyProps};

type TestResult = Result<(), Box<dyn StdError>>;

/// zz-kms-key: defaults and props, an alias completed with `alias/`, an imported key, the
/// key grants to a role and a user.
#[test]
fn zz_kms_key() -> TestResult {
    let out = std::env::temp_dir().join("cdk-kms-goldens-zz-kms-key");
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    let stack = Stack::new(&app, "Stack")?;
    let key = Key::new(&stack, "Key", KeyProps::default())?;
    let full = Key::new(
        &stack,
        "Full",
        KeyProps::builder()
            .description("orders key")
            .enable_key_rotation(true)
            .pending_window(Duration::from_secs(7 * 86_400))
            .alias("orders")
            .removal_policy(RemovalPolicy::Destroy),
    )?;
    let imported = Key::from_key_arn(
        &stack,
        "Imported",
        "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    )?;
    let role = Role::new(
        &stack,
        "Role",
        RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")),
    )?;
    let user = User::new(&stack, "User", UserProps::default())?;
    key.grant_decrypt(&role)?;
    full.grant_encrypt(&role)?;
    imported.grant_encrypt_decrypt(&role)?;
    key.grant(&user, ["kms:DescribeKey"])?;
    CfnOutput::new(&stack, "KeyArn", CfnOutputProps::builder().value(full.key_arn()))?;
    CfnOutput::new(&stack, "KeyId", CfnOutputProps::builder().value(full.key_id()))?;
    app.synth()?;

    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/goldens/zz-kms-key/Stack.template.json");
    let o = std::fs::read_to_string(out.join("Stack.template.json"))?;
    let g = std::fs::read_to_string(&golden)?;
    assert!(o == g, "differs from {}:\n{o}", golden.display());
    Ok(())
}
