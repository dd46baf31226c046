//! S3 buckets against aws-cdk-lib 2.276.0 goldens: each test rebuilds the `app.js` beside its
//! golden and compares the synthesized template byte for byte.

use std::error::Error as StdError;
use std::path::PathBuf;
use std::time::Duration;

use cdk_core::{App, AppProps, CfnOutput, CfnOutputProps, RemovalPolicy, Stack};
use cdk_iam::{User, UserProps};
use cdk_kms::{Key, KeyProps};
use cdk_s3::{
    BlockPublicAccess, Bucket, BucketEncryption, BucketProps, CorsRule, HttpMethods, LifecycleRule,
};

type TestResult = Result<(), Box<dyn StdError>>;

const DAY: u64 = 86_400;

fn compare(case: &str, out: &std::path::Path) -> TestResult {
    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/goldens")
        .join(case)
        .join("Stack.template.json");
    let o = std::fs::read_to_string(out.join("Stack.template.json"))?;
    let g = std::fs::read_to_string(golden)?;
    assert!(o == g, "{case} differs:\n{o}");
    Ok(())
}

#[test]
fn zz_s3_policies() -> TestResult {
    let case = "zz-s3-policies";
    let out = std::env::temp_dir().join(format!("cdk-s3-goldens-{case}"));
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    let stack = Stack::new(&app, "Stack")?;
    Bucket::new(
        &stack,
        "Secure",
        BucketProps::builder().enforce_ssl(true).minimum_tls_version(1.2),
    )?;
    let public = Bucket::new(
        &stack,
        "Public",
        BucketProps::builder()
            .block_public_access(BlockPublicAccess::BLOCK_ACLS_ONLY)
            .public_read_access(true),
    )?;
    public.grant_public_access("public/*", ["s3:GetObject", "s3:GetObjectVersion"])?;
    let kms_bucket =
        Bucket::new(&stack, "KmsBucket", BucketProps::builder().encryption(BucketEncryption::Kms))?;
    let writer = User::new(&stack, "Writer", UserProps::default())?;
    kms_bucket.grant_read_write(&writer, None)?;
    let key = Key::new(&stack, "MyKey", KeyProps::default())?;
    let with_key = Bucket::new(
        &stack,
        "WithKey",
        BucketProps::builder().encryption_key(&key).bucket_key_enabled(true),
    )?;
    let reader = User::new(&stack, "Reader", UserProps::default())?;
    with_key.grant_read(&reader, None)?;
    with_key.grant_put(&reader, None)?;
    app.synth()?;
    // Not in the app: a bucket blocking public policies refuses public access.
    let other = App::new();
    other.skip_synth_check();
    let other_stack = Stack::new(&other, "Other")?;
    let blocked = Bucket::new(
        &other_stack,
        "Blocked",
        BucketProps::builder().block_public_access(BlockPublicAccess::BLOCK_ACLS),
    )?;
    assert!(blocked.grant_public_access(None, []).is_err());
    compare(case, &out)
}

#[test]
fn zz_s3_bucket() -> TestResult {
    let case = "zz-s3-bucket";
    let out = std::env::temp_dir().join(format!("cdk-s3-goldens-{case}"));
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    let stack = Stack::new(&app, "Stack")?;
    Bucket::new(&stack, "Plain", BucketProps::default())?;
    Bucket::new(
        &stack,
        "Full",
        BucketProps::builder()
            .bucket_name("my-full-bucket")
            .versioned(true)
            .encryption(BucketEncryption::S3Managed)
            .block_public_access(BlockPublicAccess::BLOCK_ALL)
            .removal_policy(RemovalPolicy::Destroy)
            .lifecycle_rules([
                LifecycleRule::builder()
                    .id("expire")
                    .expiration(Duration::from_secs(30 * DAY))
                    .prefix("tmp/")
                    .build()?,
                LifecycleRule::builder()
                    .abort_incomplete_multipart_upload_after(Duration::from_secs(7 * DAY))
                    .noncurrent_version_expiration(Duration::from_secs(10 * DAY))
                    .build()?,
            ])
            .cors([CorsRule::builder()
                .allowed_methods([HttpMethods::Get, HttpMethods::Put])
                .allowed_origins(["*"])
                .allowed_headers(["*"])
                .max_age(300)
                .build()?]),
    )?;
    Bucket::new(
        &stack,
        "Kms",
        BucketProps::builder().encryption(BucketEncryption::KmsManaged).bucket_key_enabled(true),
    )?;
    Bucket::new(
        &stack,
        "BlockAcls",
        BucketProps::builder().block_public_access(BlockPublicAccess::BLOCK_ACLS_ONLY),
    )?;
    let grants = Bucket::new(&stack, "Grants", BucketProps::default())?;
    let user = |id: &str| User::new(&stack, id, UserProps::default());
    grants.grant_read(&user("Reader")?, None)?;
    grants.grant_write(&user("Writer")?, None)?;
    grants.grant_read_write(&user("ReadWriter")?, "data/*")?;
    grants.grant_put(&user("Putter")?, None)?;
    grants.grant_delete(&user("Deleter")?, None)?;
    CfnOutput::new(&stack, "Url", CfnOutputProps::builder().value(grants.bucket_website_url()))?;
    CfnOutput::new(
        &stack,
        "Domain",
        CfnOutputProps::builder().value(grants.bucket_regional_domain_name()),
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
