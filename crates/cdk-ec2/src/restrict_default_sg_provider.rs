//! The custom resource that strips the rules of a VPC's default security group, created under
//! `@aws-cdk/aws-ec2:restrictDefaultSecurityGroup` (`Vpc.restrictDefaultSecurityGroup` of
//! `aws-ec2/lib/vpc.ts`).
//!
//! Ports what it uses of aws-cdk-lib's core: the singleton provider
//! `Custom::VpcRestrictDefaultSGCustomResourceProvider`
//! (`custom-resource-handlers/dist/aws-ec2/restrict-default-sg-provider.generated.ts` over
//! `core/lib/custom-resource-provider/custom-resource-provider-base.ts`: an `AWS::IAM::Role`
//! and an `AWS::Lambda::Function` whose code is a directory asset) and the
//! `Custom::VpcRestrictDefaultSG` resource (`core/lib/custom-resource.ts`).
//!
//! The handler is aws-cdk-lib's own code, vendored in `assets/` (see `assets/NOTICE`) and
//! embedded in the crate; it is written to a staging folder under the system's temporary
//! directory, from which the asset is hashed and copied into the cloud assembly, as
//! aws-cdk-lib stages it from a temporary copy.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use cdk_core::{ArnComponents, CfnResource, Construct, Fn, Node, RemovalPolicy, Stack, Value};

use crate::Ec2Error;

/// The resource type, and the prefix of the provider's id (`Custom::VpcRestrictDefaultSG`).
pub(crate) const RESOURCE_TYPE: &str = "Custom::VpcRestrictDefaultSG";
/// The construct id of the custom resource under the VPC.
pub(crate) const CUSTOM_RESOURCE_ID: &str = "RestrictDefaultSecurityGroupCustomResource";
/// The provider's description.
const DESCRIPTION: &str =
    "Lambda function for removing all inbound/outbound rules from the VPC default security group";
/// `determineLatestNodeRuntimeName`: the `LATEST_NODE_RUNTIME` fact, the same in every region
/// of aws-cdk-lib 2.276.0.
const LATEST_NODE_RUNTIME: &str = "nodejs24.x";
/// The managed policy of the provider's role, as an `Fn::Sub` body.
const BASIC_EXECUTION_ROLE: &str =
    "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
/// The handler of the cfn-response wrapper (`__entrypoint__.handler`).
const ENTRYPOINT_HANDLER: &str = "__entrypoint__.handler";

/// The staged handler folder: aws-cdk-lib's handler and its cfn-response wrapper.
const HANDLER_FILES: [(&str, &[u8]); 2] = [
    (
        "__entrypoint__.js",
        include_bytes!("../assets/restrict-default-security-group-handler/__entrypoint__.js"),
    ),
    ("index.js", include_bytes!("../assets/restrict-default-security-group-handler/index.js")),
];

/// The singleton provider of a stack (`RestrictDefaultSgProvider`).
#[derive(Debug)]
pub(crate) struct RestrictDefaultSgProvider {
    role: CfnResource,
    handler: CfnResource,
}

impl RestrictDefaultSgProvider {
    /// `getOrCreateProvider`: the stack's provider, created on first use.
    pub(crate) fn get_or_create(scope: &Node) -> Result<Self, Ec2Error> {
        let stack = scope.stack()?;
        let id = format!("{RESOURCE_TYPE}CustomResourceProvider");
        match stack.node().try_find_child(&id) {
            Some(existing) => {
                let child = |name: &str| {
                    existing.try_find_child(name).and_then(|n| CfnResource::from_node(&n))
                };
                match (child("Role"), child("Handler")) {
                    (Some(role), Some(handler)) => Ok(Self { role, handler }),
                    _ => Err(Ec2Error::ProviderIdTaken { path: stack.node().path(), id }),
                }
            }
            None => Self::create(&stack, &id),
        }
    }

    fn create(stack: &Stack, id: &str) -> Result<Self, Ec2Error> {
        let node = stack.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.CustomResourceProviderBase");
        let path = node.path();
        let folder = handler_folder()
            .map_err(|e| Ec2Error::HandlerStaging { path: path.clone(), reason: e.to_string() })?;
        // `new AssetStaging(this, 'Staging', ...)`
        node.add_child("Staging")?;
        let asset = cdk_core::add_path_asset(&node, &folder, Some(format!("{path} Code")))?;
        let role = CfnResource::new(
            &node,
            "Role",
            "AWS::IAM::Role",
            Value::object([
                (
                    "AssumeRolePolicyDocument",
                    Value::object([
                        ("Version", Value::from("2012-10-17")),
                        (
                            "Statement",
                            Value::array([Value::object([
                                ("Action", Value::from("sts:AssumeRole")),
                                ("Effect", Value::from("Allow")),
                                ("Principal", Value::object([("Service", "lambda.amazonaws.com")])),
                            ])]),
                        ),
                    ]),
                ),
                ("ManagedPolicyArns", Value::array([Fn::sub(BASIC_EXECUTION_ROLE)])),
                // rendered by `add_to_role_policy`; absent while there are no statements
                ("Policies", Value::absent()),
            ]),
        )?;
        let handler = CfnResource::new(
            &node,
            "Handler",
            "AWS::Lambda::Function",
            Value::object([
                (
                    "Code",
                    Value::object([("S3Bucket", asset.bucket_name), ("S3Key", asset.object_key)]),
                ),
                ("Timeout", Value::from(900)),
                ("MemorySize", Value::from(128)),
                ("Handler", Value::from(ENTRYPOINT_HANDLER)),
                ("Role", role.get_att("Arn")),
                ("Runtime", Value::from(LATEST_NODE_RUNTIME)),
                ("Environment", Value::absent()),
                ("Description", Value::from(DESCRIPTION)),
            ]),
        )?;
        handler.add_dependency(&role);
        cdk_core::assets::add_asset_metadata(&handler, &asset.asset_path, "Code", None);
        Ok(Self { role, handler })
    }

    /// `serviceToken`: the handler's ARN.
    pub(crate) fn service_token(&self) -> Value {
        self.handler.get_att("Arn")
    }

    /// `addToRolePolicy`: appends a statement to the role's `Inline` policy.
    pub(crate) fn add_to_role_policy(&self, statement: Value) {
        let mut statements = self
            .role
            .property("Policies")
            .and_then(|p| {
                p.as_array()?
                    .first()?
                    .as_object()?
                    .get("PolicyDocument")?
                    .as_object()?
                    .get("Statement")?
                    .as_array()
                    .cloned()
            })
            .unwrap_or_default();
        statements.push(statement);
        self.role.set_property(
            "Policies",
            Value::array([Value::object([
                ("PolicyName", Value::from("Inline")),
                (
                    "PolicyDocument",
                    Value::object([
                        ("Version", Value::from("2012-10-17")),
                        ("Statement", Value::Array(statements)),
                    ]),
                ),
            ])]),
        );
    }
}

/// `Vpc.restrictDefaultSecurityGroup`: the provider (with the right to change the default
/// security group) and the custom resource under the VPC.
pub(crate) fn restrict_default_security_group(
    vpc: &Node,
    default_security_group: Value,
) -> Result<(), Ec2Error> {
    let provider = RestrictDefaultSgProvider::get_or_create(vpc)?;
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
    // `new CustomResource(this, 'RestrictDefaultSecurityGroupCustomResource', ...)`
    let custom = vpc.add_child(CUSTOM_RESOURCE_ID)?;
    custom.set_construct_info("aws-cdk-lib.CustomResource");
    let resource = CfnResource::new(
        &custom,
        "Default",
        RESOURCE_TYPE,
        Value::object([
            ("ServiceToken", provider.service_token()),
            ("ServiceTimeout", Value::absent()),
            ("DefaultSecurityGroupId", default_security_group),
            ("Account", stack.account()),
        ]),
    )?;
    resource.apply_removal_policy(RemovalPolicy::Destroy);
    Ok(())
}

/// A staging folder holding exactly [`HANDLER_FILES`], under the system's temporary directory
/// and named after their content, written once (atomically, by renaming a private folder).
fn handler_folder() -> std::io::Result<PathBuf> {
    let mut content = Vec::new();
    for (name, bytes) in HANDLER_FILES {
        content.extend_from_slice(name.as_bytes());
        content.push(0);
        content.extend_from_slice(bytes);
        content.push(0);
    }
    let digest = cdk_core::assets::sha256_hex(&content);
    let base = std::env::temp_dir();
    let folder = base.join(format!("cdk-ec2-restrict-default-sg-{}", &digest[..16]));
    if holds_handler(&folder) {
        return Ok(folder);
    }
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let private = base.join(format!(
        "cdk-ec2-restrict-default-sg-{}.{}-{}.tmp",
        &digest[..16],
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&private);
    std::fs::create_dir_all(&private)?;
    for (name, bytes) in HANDLER_FILES {
        std::fs::write(private.join(name), bytes)?;
    }
    match std::fs::rename(&private, &folder) {
        Ok(()) => Ok(folder),
        // another process won the race, or a stale folder is in the way: use theirs if it is
        // right, else keep the private copy
        Err(_) if holds_handler(&folder) => {
            let _ = std::fs::remove_dir_all(&private);
            Ok(folder)
        }
        Err(_) => Ok(private),
    }
}

/// Whether `folder` holds exactly the handler files (nothing more: every file is hashed).
fn holds_handler(folder: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return false;
    };
    entries.count() == HANDLER_FILES.len()
        && HANDLER_FILES.iter().all(|(name, bytes)| {
            std::fs::read(folder.join(name)).is_ok_and(|content| content == *bytes)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The asset hash of aws-cdk-lib 2.276.0's staged handler folder.
    const GOLDEN_HASH: &str = "f178182c7c3aac6ad18bdaae53a2d38f72b2cf690d17b9efa635c7ce37f77d71";

    #[test]
    fn handler_folder_fingerprint_is_aws_cdk_libs() {
        let vendored = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets")
            .join("restrict-default-security-group-handler");
        assert_eq!(cdk_core::assets::fingerprint(&vendored).unwrap(), GOLDEN_HASH);
        let staged = handler_folder().unwrap();
        assert!(holds_handler(&staged));
        assert_eq!(cdk_core::assets::fingerprint(&staged).unwrap(), GOLDEN_HASH);
        // a second call reuses the folder
        assert_eq!(handler_folder().unwrap(), staged);
    }

    #[test]
    fn provider_is_a_singleton_per_stack() {
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let a = stack.node().add_child("A").unwrap();
        let b = stack.node().add_child("B").unwrap();
        restrict_default_security_group(&a, "sg-a".into()).unwrap();
        restrict_default_security_group(&b, "sg-b".into()).unwrap();
        let provider = RestrictDefaultSgProvider::get_or_create(&a).unwrap();
        let policies = provider.role.property("Policies").unwrap();
        let statements = policies.as_array().unwrap()[0].as_object().unwrap()["PolicyDocument"]
            .as_object()
            .unwrap()["Statement"]
            .as_array()
            .unwrap()
            .len();
        assert_eq!(statements, 2);
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
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        stack.node().add_child("Custom::VpcRestrictDefaultSGCustomResourceProvider").unwrap();
        let err = RestrictDefaultSgProvider::get_or_create(stack.node()).unwrap_err();
        assert_eq!(err.code(), "ProviderIdTaken");
        assert_eq!(err.path(), Some("Stack"));
    }
}
