//! `test/resource.test.ts`: tests in CDK 16, ported 16, passing 16, ignored 0, newer than
//! 2.276.0: 0. Not ported: none.

use apigw_core::{
    IntegrationOptions, MethodOptions, MockIntegration, ProxyResource, ProxyResourceOptions,
    ProxyResourceProps, Resource, RestApi, RestApiProps,
};

use crate::support::*;

fn same(a: &Resource, b: &Resource) -> bool {
    a.node().path() == b.node().path()
}

#[test]
fn proxy_resource_defines_a_proxy_resource_with_any_method() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    ProxyResource::new(&stack, "proxy", ProxyResourceProps::builder().parent(api.root()))?;
    let t = Template::from_stack(&stack)?;
    t.has_resource_properties(
        "AWS::ApiGateway::Resource",
        pattern!({
            "ParentId": { "Fn::GetAtt": ["apiC8550315", "RootResourceId"] },
            "PathPart": "{proxy+}",
            "RestApiId": { "Ref": "apiC8550315" },
        }),
    )?;
    t.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({
            "HttpMethod": "ANY",
            "ResourceId": { "Ref": "proxy3A1DA9C7" },
            "RestApiId": { "Ref": "apiC8550315" },
            "AuthorizationType": "NONE",
            "Integration": { "Type": "MOCK" },
        }),
    )
}

#[test]
fn if_any_method_is_false_then_an_any_method_will_not_be_defined() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    let proxy = ProxyResource::new(
        &stack,
        "proxy",
        ProxyResourceProps::builder().parent(api.root()).any_method(false),
    )?;
    assert!(proxy.any_method().is_none());
    proxy.add_method("GET", None)?;
    let t = Template::from_stack(&stack)?;
    t.has_resource("AWS::ApiGateway::Resource", pattern!({}))?;
    t.has_resource_properties("AWS::ApiGateway::Method", pattern!({ "HttpMethod": "GET" }))?;
    t.resource_properties_count_is("AWS::ApiGateway::Method", pattern!({ "HttpMethod": "ANY" }), 0)
}

#[test]
fn add_proxy_can_be_used_on_any_resource_to_attach_a_proxy_from_that_route() -> TestResult {
    let (_app, stack) = stack()?;
    let api =
        RestApi::new(&stack, "api", RestApiProps::builder().deploy(false).cloud_watch_role(false))?;
    let v2 = api.root().add_resource("v2")?;
    v2.add_proxy(ProxyResourceOptions::default())?;
    Template::from_stack(&stack)?.template_matches(pattern!({ "Resources": {
        "apiC8550315": { "Type": "AWS::ApiGateway::RestApi", "Properties": { "Name": "api" } },
        "apiv25206B108": {
            "Type": "AWS::ApiGateway::Resource",
            "Properties": {
                "ParentId": { "Fn::GetAtt": ["apiC8550315", "RootResourceId"] },
                "PathPart": "v2",
                "RestApiId": { "Ref": "apiC8550315" },
            },
        },
        "apiv2proxyAEA4DAC8": {
            "Type": "AWS::ApiGateway::Resource",
            "Properties": { "ParentId": { "Ref": "apiv25206B108" }, "PathPart": "{proxy+}", "RestApiId": { "Ref": "apiC8550315" } },
        },
        "apiv2proxyANY889F4CE1": {
            "Type": "AWS::ApiGateway::Method",
            "Properties": {
                "HttpMethod": "ANY",
                "ResourceId": { "Ref": "apiv2proxyAEA4DAC8" },
                "RestApiId": { "Ref": "apiC8550315" },
                "AuthorizationType": "NONE",
                "Integration": { "Type": "MOCK" },
            },
        },
    }}))
}

#[test]
fn if_proxy_is_added_to_root_proxy_methods_are_automatically_duplicated_with_integration_and_options(
) -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    let proxy = api.root().add_proxy(ProxyResourceOptions::builder().any_method(false))?;
    let delete_integ = MockIntegration::with_options(
        IntegrationOptions::builder().request_parameters([("foo", "bar")]),
    )?;
    proxy.add_method_with(
        "DELETE",
        delete_integ,
        MethodOptions::builder().operation_name("DeleteMe"),
    )?;
    let t = Template::from_stack(&stack)?;
    t.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({
            "HttpMethod": "DELETE",
            "ResourceId": { "Ref": "apiproxy4EA44110" },
            "Integration": { "RequestParameters": { "foo": "bar" }, "Type": "MOCK" },
            "OperationName": "DeleteMe",
        }),
    )?;
    t.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({
            "HttpMethod": "DELETE",
            "ResourceId": { "Fn::GetAtt": ["apiC8550315", "RootResourceId"] },
            "Integration": { "RequestParameters": { "foo": "bar" }, "Type": "MOCK" },
            "OperationName": "DeleteMe",
        }),
    )
}

#[test]
fn if_proxy_is_added_to_root_proxy_methods_are_only_added_if_they_are_not_defined_already_on_the_root_resource(
) -> Result<(), Error> {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    api.root().add_method("POST", None)?;
    let proxy = api.root().add_proxy(ProxyResourceOptions::builder().any_method(false))?;
    proxy.add_method("POST", None)?;
    Ok(())
}

/// `stack.resolve(value)`, through an output.
fn resolve(stack: &Stack, id: &str, value: Value) -> Result<serde_json::Value, AssertionError> {
    cdk_core::CfnOutput::new(stack, id, cdk_core::CfnOutputProps::builder().value(value))?;
    let captured = Capture::new();
    Template::from_stack(stack)?.has_output(id, pattern!({ "Value": &captured }))?;
    captured.as_value()
}

#[test]
fn url_for_a_resource() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    let a = api.root().add_resource("a")?;
    let c = a.add_resource("b")?.add_resource("c")?;
    let colon = c.add_resource("d:e")?;
    // `stack.resolve` here goes through a synthesized output, and synthesis needs a method
    api.root().add_method("GET", None)?;
    let url = |path: &str| {
        json!({ "Fn::Join": ["", [
            "https://", { "Ref": "apiC8550315" }, ".execute-api.", { "Ref": "AWS::Region" }, ".",
            { "Ref": "AWS::URLSuffix" }, "/", { "Ref": "apiDeploymentStageprod896C8101" }, path,
        ]]})
    };
    assert_eq!(resolve(&stack, "A", api.url_for_path(&a.path())?)?, url("/a"));
    assert_eq!(resolve(&stack, "C", api.url_for_path(&c.path())?)?, url("/a/b/c"));
    assert_eq!(resolve(&stack, "Colon", api.url_for_path(&colon.path())?)?, url("/a/b/c/d:e"));
    Ok(())
}

#[test]
fn from_resource_attributes() -> TestResult {
    let (_app, stack) = stack()?;
    let resource_id = "resource-id";
    let api = RestApi::new(&stack, "MyRestApi", RestApiProps::default())?;
    let imported = Resource::from_resource_attributes(
        &stack,
        "imported-resource",
        apigw_core::ResourceAttributes::builder()
            .resource_id(resource_id)
            .rest_api(&api)
            .path("some-path"),
    )?;
    imported.add_method("GET", None)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({ "HttpMethod": "GET", "ResourceId": resource_id }),
    )
}

mod get_resource {
    use super::*;

    mod root_resource {
        use super::*;

        #[test]
        fn returns_undefined_if_not_found() -> Result<(), Error> {
            let (_app, stack) = stack()?;
            let api = RestApi::new(&stack, "MyRestApi", RestApiProps::default())?;
            assert!(api.root().get_resource("boom").is_none());
            Ok(())
        }

        #[test]
        fn returns_the_resource_if_found() -> Result<(), Error> {
            let (_app, stack) = stack()?;
            let api = RestApi::new(&stack, "MyRestApi", RestApiProps::default())?;
            let r1 = api.root().add_resource("hello")?;
            let r2 = api.root().add_resource("world")?;
            assert!(api.root().get_resource("hello").is_some_and(|r| same(&r, &r1)));
            assert!(api.root().get_resource("world").is_some_and(|r| same(&r, &r2)));
            Ok(())
        }

        #[test]
        fn returns_the_resource_even_if_it_was_created_using_new() -> Result<(), Error> {
            let (_app, stack) = stack()?;
            let api = RestApi::new(&stack, "MyRestApi", RestApiProps::default())?;
            let r1 = Resource::new(
                &stack,
                "child",
                apigw_core::ResourceProps::builder().parent(api.root()).path_part("yello"),
            )?;
            assert!(api.root().get_resource("yello").is_some_and(|r| same(&r, &r1)));
            Ok(())
        }
    }

    mod non_root {
        use super::*;

        #[test]
        fn returns_undefined_if_not_found() -> Result<(), Error> {
            let (_app, stack) = stack()?;
            let api = RestApi::new(&stack, "MyRestApi", RestApiProps::default())?;
            let res = api.root().add_resource("boom")?;
            assert!(res.get_resource("child-of-boom").is_none());
            Ok(())
        }

        #[test]
        fn returns_the_resource_if_found() -> Result<(), Error> {
            let (_app, stack) = stack()?;
            let api = RestApi::new(&stack, "MyRestApi", RestApiProps::default())?;
            let child = api.root().add_resource("boom")?;
            let r1 = child.add_resource("hello")?;
            let r2 = child.add_resource("world")?;
            assert!(child.get_resource("hello").is_some_and(|r| same(&r, &r1)));
            assert!(child.get_resource("world").is_some_and(|r| same(&r, &r2)));
            Ok(())
        }

        #[test]
        fn returns_the_resource_even_if_created_with_new() -> Result<(), Error> {
            let (_app, stack) = stack()?;
            let api = RestApi::new(&stack, "MyRestApi", RestApiProps::default())?;
            let child = api.root().add_resource("boom")?;
            let r1 = child.add_resource("hello")?;
            let r2 = Resource::new(
                &stack,
                "world",
                apigw_core::ResourceProps::builder().parent(&child).path_part("outside-world"),
            )?;
            assert!(child.get_resource("hello").is_some_and(|r| same(&r, &r1)));
            assert!(child.get_resource("outside-world").is_some_and(|r| same(&r, &r2)));
            Ok(())
        }
    }

    mod resource_for_path {
        use super::*;

        #[test]
        fn empty_path_or_slash_on_root_returns_this() -> Result<(), Error> {
            let (_app, stack) = stack()?;
            let api = RestApi::new(&stack, "MyRestApi", RestApiProps::default())?;
            for path in ["", "/", "///"] {
                assert!(same(&api.root().resource_for_path(path)?, api.root()), "{path}");
            }
            Ok(())
        }

        #[test]
        fn returns_a_resource_for_that_path() -> Result<(), Error> {
            let (_app, stack) = stack()?;
            let api = RestApi::new(&stack, "MyRestApi", RestApiProps::default())?;
            assert_eq!(api.root().resource_for_path("/boom/trach")?.path(), "/boom/trach");
            Ok(())
        }

        #[test]
        fn resources_not_created_if_not_needed() -> Result<(), Error> {
            let (_app, stack) = stack()?;
            let api = RestApi::new(&stack, "MyRestApi", RestApiProps::default())?;
            let trach = api.root().resource_for_path("/boom/trach")?;
            let bam1 = api.root().resource_for_path("/boom/bam")?;
            let parent = api.root().get_resource("boom");
            assert!(parent.as_ref().is_some_and(|p| p.path() == "/boom"));
            let trach_parent = trach.parent_resource();
            assert!(matches!((&trach_parent, &parent), (Some(a), Some(b)) if same(a, b)));
            let bam2 = api.root().resource_for_path("/boom/bam")?;
            assert!(same(&bam1, &bam2));
            assert_eq!(bam1.parent_resource().map(|p| p.path()), Some("/boom".to_string()));
            Ok(())
        }
    }
}
