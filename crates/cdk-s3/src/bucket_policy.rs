//! A bucket's resource policy (`aws-s3/lib/bucket-policy.ts`): an `AWS::S3::BucketPolicy`.

use cdk_core::{Construct, Error, Node, RemovalPolicy, Value};
use cdk_iam::{PolicyDocument, PolicyStatement};
use cfn_s3::{CfnBucketPolicy, CfnBucketPolicyProps};

/// A bucket policy (`s3.BucketPolicy`), created by a [`Bucket`](crate::Bucket) the first
/// time a statement is added to its resource policy.
#[derive(Clone, Debug)]
pub struct BucketPolicy {
    node: Node,
    resource: CfnBucketPolicy,
    document: PolicyDocument,
}

impl Construct for BucketPolicy {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl BucketPolicy {
    /// Defines a policy on the bucket named `bucket_name` (CDK's
    /// `new BucketPolicy(scope, id, { bucket, removalPolicy })`). Default removal policy:
    /// none rendered (deleted with the stack).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        bucket_name: impl Into<Value>,
        removal_policy: impl Into<Option<RemovalPolicy>>,
    ) -> Result<BucketPolicy, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_s3.BucketPolicy");
        let document = PolicyDocument::new();
        let props = CfnBucketPolicyProps::builder()
            .bucket(bucket_name)
            .policy_document(document.lazy())
            .build()
            .map_err(|source| Error::Build { path: node.path(), source })?;
        let resource = CfnBucketPolicy::new(&node, "Resource", props)?;
        if let Some(policy) = removal_policy.into() {
            resource.apply_removal_policy(policy);
        }
        Ok(BucketPolicy { node, resource, document })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnBucketPolicy {
        &self.resource
    }

    /// The policy document (shared: statements added later are rendered).
    pub fn document(&self) -> &PolicyDocument {
        &self.document
    }

    /// Adds statements to the policy.
    pub fn add_statements(&self, statements: impl IntoIterator<Item = PolicyStatement>) {
        for s in statements {
            self.document.add_statement(s);
        }
    }
}
