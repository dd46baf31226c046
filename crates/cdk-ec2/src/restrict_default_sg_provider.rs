//! The custom resource that strips the rules of a VPC's default security group, created under
//! `@aws-cdk/aws-ec2:restrictDefaultSecurityGroup` (`Vpc.restrictDefaultSecurityGroup` of
//! `aws-ec2/lib/vpc.ts`).
//!
//! The singleton provider `Custom::VpcRestrictDefaultSGCustomResourceProvider`
//! (`custom-resource-handlers/dist/aws-ec2/restrict-default-sg-provider.generated.ts`) is a
//! [`cdk_core::CustomResourceProvider`] whose code is aws-cdk-lib's own handler, vendored in
//! `assets/` (see `assets/NOTICE`) and embedded in the crate; the `Custom::VpcRestrictDefaultSG`
//! resource is a [`cdk_core::CustomResource`].

use cdk_core::{
    ArnComponents, CustomResource, CustomResourceProps, CustomResourceProvider,
    CustomResourceProviderProps, Node, Value,
};

use crate::Ec2Error;

/// The resource type, and the prefix of the provider's id (`Custom::VpcRestrictDefaultSG`).
pub(crate) const RESOURCE_TYPE: &str = "Custom::VpcRestrictDefaultSG";
/// The construct id of the custom resource under the VPC.
pub(crate) const CUSTOM_RESOURCE_ID: &str = "RestrictDefaultSecurityGroupCustomResource";
/// The provider's description.
const DESCRIPTION: &str =
    "Lambda function for removing all inbound/outbound rules from the VPC default security group";

/// The staged handler folder: aws-cdk-lib's handler and its cfn-response wrapper.
static HANDLER_FILES: [(&str, &[u8]); 2] = [
    (
        "__entrypoint__.js",
        include_bytes!("../assets/restrict-default-security-group-handler/__entrypoint__.js"),
    ),
    ("index.js", include_bytes!("../assets/restrict-default-security-group-handler/index.js")),
];

/// `RestrictDefaultSgProvider.getOrCreateProvider`: the stack's provider, created on first use.
fn provider(scope: &Node) -> Result<CustomResourceProvider, Ec2Error> {
    Ok(CustomResourceProvider::get_or_create(
        scope,
        RESOURCE_TYPE,
        CustomResourceProviderProps::builder().code(&HANDLER_FILES).description(DESCRIPTION),
    )?)
}

/// `Vpc.restrictDefaultSecurityGroup`: the provider (with the right to change the default
/// security group) and the custom resource under the VPC.
pub(crate) fn restrict_default_security_group(
    vpc: &Node,
    default_security_group: Value,
) -> Result<(), Ec2Error> {
    let provider = provider(vpc)?;
    let stack = vpc.stack()?;
    let security_group_arn = stack.format_arn(
        &ArnComponents::new("ec2", "security-group").resource_name(default_security_group.clone()),
    );
    provider.add_to_role_policy(Value::object([
        ("Effect", Value::from("Allow")),
        (
            "Action",
            Value::array([
                "ec2:AuthorizeSecurityGroupIngress",
                "ec2:AuthorizeSecurityGroupEgress",
                "ec2:RevokeSecurityGroupIngress",
                "ec2:RevokeSecurityGroupEgress",
            ]),
        ),
        ("Resource", Value::array([security_group_arn])),
    ]));
    CustomResource::new(
        vpc,
        CUSTOM_RESOURCE_ID,
        CustomResourceProps::builder()
            .resource_type(RESOURCE_TYPE)
            .service_token(provider.service_token())
            .properties([
                ("DefaultSecurityGroupId", default_security_group),
                ("Account", stack.account()),
            ]),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::Construct;
    use std::path::Path;

    /// The asset hash of aws-cdk-lib 2.276.0's staged handler folder.
    const GOLDEN_HASH: &str = "f178182c7c3aac6ad18bdaae53a2d38f72b2cf690d17b9efa635c7ce37f77d71";

    #[test]
    fn handler_folder_fingerprint_is_aws_cdk_libs() {
        let vendored = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets")
            .join("restrict-default-security-group-handler");
        assert_eq!(cdk_core::assets::fingerprint(&vendored).unwrap(), GOLDEN_HASH);
    }

    #[test]
    fn provider_is_a_singleton_per_stack() {
        let app = cdk_core::App::new();
        app.skip_synth_check();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let a = stack.node().add_child("A").unwrap();
        let b = stack.node().add_child("B").unwrap();
        restrict_default_security_group(&a, "sg-a".into()).unwrap();
        restrict_default_security_group(&b, "sg-b".into()).unwrap();
        let template = stack.synthesize_template().unwrap();
        let role =
            &template["Resources"]["CustomVpcRestrictDefaultSGCustomResourceProviderRole26592FE0"];
        let statements = &role["Properties"]["Policies"][0]["PolicyDocument"]["Statement"];
        assert_eq!(statements.as_array().unwrap().len(), 2, "{template:#}");
        let providers = stack
            .node()
            .children()
            .iter()
            .filter(|c| c.id().ends_with("CustomResourceProvider"))
            .count();
        assert_eq!(providers, 1);
    }

    #[test]
    fn a_foreign_construct_with_the_provider_id_is_refused() {
        let app = cdk_core::App::new();
        app.skip_synth_check();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        stack.node().add_child("Custom::VpcRestrictDefaultSGCustomResourceProvider").unwrap();
        let err = provider(stack.node()).unwrap_err();
        assert!(err.to_string().contains("is not a custom resource provider"), "{err}");
    }
}
