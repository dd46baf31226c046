//! The action lists of bucket grants (`aws-s3/lib/perms.ts`).

/// `s3:GetObject*`, `s3:GetBucket*`, `s3:List*` (`BUCKET_READ_ACTIONS`).
pub const BUCKET_READ_ACTIONS: [&str; 3] = ["s3:GetObject*", "s3:GetBucket*", "s3:List*"];

/// The put actions, without ACL changes (`BUCKET_PUT_ACTIONS`; the legacy `s3:PutObject*`
/// list of `@aws-cdk/aws-s3:grantWriteWithoutAcl` off is gone: the flag is always on in
/// aws-cdk-lib v2).
pub const BUCKET_PUT_ACTIONS: [&str; 6] = [
    "s3:PutObject",
    "s3:PutObjectLegalHold",
    "s3:PutObjectRetention",
    "s3:PutObjectTagging",
    "s3:PutObjectVersionTagging",
    "s3:Abort*",
];

/// `s3:GetBucket*`, `s3:List*` (`BUCKET_READ_METADATA_ACTIONS`).
pub const BUCKET_READ_METADATA_ACTIONS: [&str; 2] = ["s3:GetBucket*", "s3:List*"];

/// `s3:PutBucketPolicy` (`BUCKET_PUT_POLICY_ACTIONS`).
pub const BUCKET_PUT_POLICY_ACTIONS: [&str; 1] = ["s3:PutBucketPolicy"];

/// `s3:DeleteObject*` (`BUCKET_DELETE_ACTIONS`).
pub const BUCKET_DELETE_ACTIONS: [&str; 1] = ["s3:DeleteObject*"];

/// What a reader may do with the bucket's key (`KEY_READ_ACTIONS`).
pub const KEY_READ_ACTIONS: [&str; 2] = ["kms:Decrypt", "kms:DescribeKey"];

/// What a writer may do with the bucket's key (`KEY_WRITE_ACTIONS`; `kms:Decrypt` for
/// multipart uploads).
pub const KEY_WRITE_ACTIONS: [&str; 4] =
    ["kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Decrypt"];

/// `@aws-cdk/aws-s3:publicAccessBlockedByDefault`: a partly given `block_public_access`
/// blocks what it leaves unset.
pub const S3_PUBLIC_ACCESS_BLOCKED_BY_DEFAULT: &str =
    "@aws-cdk/aws-s3:publicAccessBlockedByDefault";
