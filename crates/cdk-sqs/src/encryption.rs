//! Server-side encryption of a queue (`QueueEncryption`, `queue-base.ts`).

/// How a queue's messages are encrypted at rest (`sqs.QueueEncryption`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum QueueEncryption {
    /// No server-side encryption: `SqsManagedSseEnabled: false`.
    #[doc(alias = "UNENCRYPTED")]
    Unencrypted,
    /// The AWS managed KMS key of SQS: `KmsMasterKeyId: alias/aws/sqs`.
    #[doc(alias = "KMS_MANAGED")]
    KmsManaged,
    /// A customer managed KMS key (the queue's `encryption_master_key`, else a new one):
    /// `KmsMasterKeyId: <key ARN>`.
    #[doc(alias = "KMS")]
    Kms,
    /// SQS-owned encryption keys (SSE-SQS): `SqsManagedSseEnabled: true`.
    #[doc(alias = "SQS_MANAGED")]
    SqsManaged,
}

impl QueueEncryption {
    /// aws-cdk-lib's value of the constant (`NONE`, `KMS_MANAGED`, `KMS`, `SQS_MANAGED`).
    pub fn as_str(self) -> &'static str {
        match self {
            QueueEncryption::Unencrypted => "NONE",
            QueueEncryption::KmsManaged => "KMS_MANAGED",
            QueueEncryption::Kms => "KMS",
            QueueEncryption::SqsManaged => "SQS_MANAGED",
        }
    }
}
