//! `sqs.QueuePolicy` (`policy.ts`): the resource policy of one or more queues.

use cdk_core::{Construct, Error, Node, Value};
use cdk_iam::PolicyDocument;
use cfn_sqs::{CfnQueuePolicy, CfnQueuePolicyProps};

/// An `AWS::SQS::QueuePolicy` (`sqs.QueuePolicy`), made by a [`Queue`](crate::Queue) the
/// first time a statement goes to its resource policy.
#[derive(Clone, Debug)]
pub struct QueuePolicy {
    node: Node,
    resource: CfnQueuePolicy,
    document: PolicyDocument,
}

impl Construct for QueuePolicy {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl QueuePolicy {
    /// Defines a policy for the queues with these URLs (`Ref` of each queue).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        queue_urls: impl IntoIterator<Item = Value>,
    ) -> Result<QueuePolicy, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_sqs.QueuePolicy");
        let document = PolicyDocument::new();
        let props = CfnQueuePolicyProps::builder()
            .policy_document(document.lazy())
            .queues(Value::Array(queue_urls.into_iter().collect()))
            .build()
            .map_err(|source| Error::build(node.child_path("Resource"), source))?;
        let resource = CfnQueuePolicy::new(&node, "Resource", props)?;
        Ok(QueuePolicy { node, resource, document })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnQueuePolicy {
        &self.resource
    }

    /// The policy document (statements added later are rendered).
    pub fn document(&self) -> &PolicyDocument {
        &self.document
    }
}
