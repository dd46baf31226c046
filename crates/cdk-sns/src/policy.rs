//! `sns.TopicPolicy` (`policy.ts`): the resource policy of one or more topics.

use cdk_core::{Construct, Error, Node, Value};
use cdk_iam::PolicyDocument;
use cfn_sns::{CfnTopicPolicy, CfnTopicPolicyProps};

/// An `AWS::SNS::TopicPolicy` (`sns.TopicPolicy`), made by a [`Topic`](crate::Topic) the
/// first time a statement goes to its resource policy.
///
/// Its document assigns ids as aws-cdk-lib's does (`assignSids`): a statement without
/// `Sid` gets its index in the rendered document (after merging and de-duplication).
#[derive(Clone, Debug)]
pub struct TopicPolicy {
    node: Node,
    resource: CfnTopicPolicy,
    document: PolicyDocument,
}

impl Construct for TopicPolicy {
    fn node(&self) -> &Node {
        &self.node
    }
}

/// The id of the statement of `enforce_ssl`, whose principal is rendered as `"*"`
/// (`StarPrincipal`).
pub(crate) const SSL_STATEMENT_SID: &str = "AllowPublishThroughSSLOnly";

/// The rendered document with `Sid: "<index>"` on every statement that has none, and the
/// `enforce_ssl` statement's principal `{"AWS": "*"}` written `"*"` as aws-cdk-lib's
/// `StarPrincipal` renders.
fn assign_sids(document: Value) -> Value {
    let mut doc = match document.into_object() {
        Ok(doc) => doc,
        Err(other) => return other,
    };
    if let Some(Value::Array(statements)) = doc.get_mut("Statement") {
        for (i, statement) in statements.iter_mut().enumerate() {
            if let Value::Object(s) = statement {
                if !s.contains_key("Sid") {
                    s.insert("Sid".into(), Value::from(i.to_string()));
                }
                let star = Value::object([("AWS", "*")]);
                if s.get("Sid").and_then(Value::as_str) == Some(SSL_STATEMENT_SID)
                    && s.get("Principal") == Some(&star)
                {
                    s.insert("Principal".into(), Value::from("*"));
                }
            }
        }
    }
    Value::Object(doc)
}

impl TopicPolicy {
    /// Defines a policy for the topics with these ARNs (`Ref` of each topic).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        topic_arns: impl IntoIterator<Item = Value>,
    ) -> Result<TopicPolicy, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_sns.TopicPolicy");
        let document = PolicyDocument::new();
        let rendered = document.lazy();
        let with_sids =
            Value::lazy_uncached(move |ctx| ctx.resolve(&rendered).ok().flatten().map(assign_sids));
        let props = CfnTopicPolicyProps::builder()
            .policy_document(with_sids)
            .topics(Value::Array(topic_arns.into_iter().collect()))
            .build()
            .map_err(|source| Error::build(node.child_path("Resource"), source))?;
        let resource = CfnTopicPolicy::new(&node, "Resource", props)?;
        Ok(TopicPolicy { node, resource, document })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnTopicPolicy {
        &self.resource
    }

    /// The policy document (statements added later are rendered).
    pub fn document(&self) -> &PolicyDocument {
        &self.document
    }
}
