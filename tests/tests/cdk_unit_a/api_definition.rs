//! `test/api-definition.test.ts`: tests in CDK 8, ported 7, passing 7, ignored 0, newer than
//! 2.276.0: 0. Not ported (1): `apigateway.ApiDefinition.fromAsset happy case`, which binds
//! under the legacy synthesizer (`NEW_STYLE_STACK_SYNTHESIS_CONTEXT: false`, `AssetParameters`
//! parameters), which the port does not have.
//!
//! `ApiDefinition` is a Rust enum here: CDK's `bind(stack)` giving `inlineDefinition` or
//! `s3Location` is the variant and its fields. aws-cdk's `test/sample-definition.yaml` is not
//! vendored; the asset tests use `tests/inputs/spec-rest-api/openapi.json`, so the asset path
//! is checked as `asset.<64 hex digits>.json` rather than CDK's literal hash of its file.

use std::path::PathBuf;

use apigw_core::{ApiDefinition, SpecRestApi, SpecRestApiProps};

use crate::support::*;

fn define_rest_api(definition: ApiDefinition) -> Result<SpecRestApi, Error> {
    let (_app, stack) = stack()?;
    SpecRestApi::new(&stack, "API", SpecRestApiProps::builder().api_definition(definition))
}

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("inputs/spec-rest-api/openapi.json")
}

mod from_json {
    use super::*;

    #[test]
    fn happy_case() {
        let definition = json!({ "key1": "val1" });
        match ApiDefinition::from_inline(definition.clone()) {
            ApiDefinition::Inline(v) => assert_eq!(v, Value::from(definition)),
            other => panic!("expected an inline definition, got {other:?}"),
        }
    }

    #[test]
    fn fails_if_json_definition_is_empty() {
        let m = message(define_rest_api(ApiDefinition::from_inline(json!({}))));
        assert!(m.contains("cannot be empty"), "{m}");
    }

    #[test]
    fn fails_if_definition_is_not_an_object() {
        let m = message(define_rest_api(ApiDefinition::from_inline("not-json")));
        assert!(m.contains("should be of type object"), "{m}");
    }
}

mod from_asset {
    use super::*;

    #[test]
    fn fails_if_a_directory_is_given_for_an_asset() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("inputs/spec-rest-api");
        let m = message(define_rest_api(ApiDefinition::from_asset(dir)));
        assert!(m.contains("Asset cannot be a .zip file or a directory"), "{m}");
    }

    /// The cloud assembly's asset manifest lists one file asset for the two APIs.
    #[test]
    fn only_one_asset_object_gets_created_even_if_multiple_functions_use_the_same_asset_api_definition(
    ) -> Result<(), Error> {
        let dir =
            std::env::temp_dir().join(format!("cdk-unit-a-api-definition-{}", std::process::id()));
        let app = App::with_props(
            cdk_core::AppProps::builder()
                .flags(cdk_core::Flags::None)
                .cli_metadata(false)
                .outdir(dir.clone()),
        );
        let stack = Stack::new(&app, "MyStack")?;
        let definition = ApiDefinition::from_asset(sample());
        SpecRestApi::new(
            &stack,
            "API1",
            SpecRestApiProps::builder().api_definition(definition.clone()),
        )?;
        SpecRestApi::new(&stack, "API2", SpecRestApiProps::builder().api_definition(definition))?;
        app.synth()?;
        let manifest = std::fs::read_to_string(dir.join("MyStack.assets.json")).unwrap_or_default();
        let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap_or_default();
        let _ = std::fs::remove_dir_all(&dir);
        // the file assets staged from the app (the template is one too, not staged as `asset.*`)
        let staged = manifest["files"]
            .as_object()
            .map(|f| {
                f.values()
                    .filter(|a| {
                        a["source"]["path"].as_str().is_some_and(|p| p.starts_with("asset."))
                    })
                    .count()
            })
            .unwrap_or_default();
        assert_eq!(staged, 1, "{manifest}");
        Ok(())
    }

    #[test]
    fn asset_metadata_added_to_rest_api_resource_that_contains_asset_api_definition() -> TestResult
    {
        let app = App::with_props(
            cdk_core::AppProps::builder()
                .flags(cdk_core::Flags::None)
                .cli_metadata(false)
                .context(cdk_core::feature_flags::ASSET_RESOURCE_METADATA_ENABLED, true),
        );
        let stack = Stack::new(&app, "Default")?;
        SpecRestApi::new(
            &stack,
            "API",
            SpecRestApiProps::builder().api_definition(ApiDefinition::from_asset(sample())),
        )?;
        Template::from_stack(&stack)?.has_resource(
            "AWS::ApiGateway::RestApi",
            pattern!({ "Metadata": {
                "aws:asset:path": Match::string_like_regexp("^asset\\.[0-9a-f]{64}\\.json$"),
                "aws:asset:property": "BodyS3Location",
            }}),
        )
    }
}

mod from_bucket {
    use super::*;

    #[test]
    fn happy_case() -> Result<(), Error> {
        let (_app, stack) = stack()?;
        let bucket = cdk_s3::Bucket::new(&stack, "my-bucket", cdk_s3::BucketProps::default())?;
        match ApiDefinition::from_bucket(&bucket, "my-key", Value::from("my-version")) {
            ApiDefinition::S3 { bucket: b, key, version } => {
                assert_eq!(format!("{b:?}"), format!("{:?}", bucket.bucket_name()));
                assert_eq!(key, Value::from("my-key"));
                assert_eq!(version, Some(Value::from("my-version")));
            }
            other => panic!("expected an S3 definition, got {other:?}"),
        }
        Ok(())
    }
}
