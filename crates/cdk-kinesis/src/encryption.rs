//! `kinesis.StreamEncryption` (`stream.ts`).

/// How a stream's records are encrypted at rest (`kinesis.StreamEncryption`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StreamEncryption {
    /// No encryption (no `StreamEncryption`).
    #[doc(alias = "UNENCRYPTED")]
    Unencrypted,
    /// The AWS managed key of Kinesis, `alias/aws/kinesis`, in every region.
    #[doc(alias = "MANAGED")]
    Managed,
    /// A customer managed KMS key (the stream's `encryption_key`, else a new one).
    #[doc(alias = "KMS")]
    Kms,
}

impl StreamEncryption {
    /// aws-cdk-lib's value of the constant (`NONE`, `MANAGED`, `KMS`).
    pub fn as_str(self) -> &'static str {
        match self {
            StreamEncryption::Unencrypted => "NONE",
            StreamEncryption::Managed => "MANAGED",
            StreamEncryption::Kms => "KMS",
        }
    }
}
