//! Table settings: `BillingMode`, `StreamViewType`, `TableEncryption`, `TableClass` and
//! `PointInTimeRecoverySpecification` (`shared.ts`, `table.ts`).

use cdk_core::Value;

macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $cdk:literal => $variant:ident = $value:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vdoc])* #[doc(alias = $cdk)] $variant,)*
        }

        impl $name {
            /// The CloudFormation value.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $value,)*
                }
            }
        }

        impl From<$name> for Value {
            fn from(v: $name) -> Value {
                Value::from(v.as_str())
            }
        }
    };
}

string_enum! {
    /// How reads and writes are paid for (`dynamodb.BillingMode`).
    BillingMode {
        /// On-demand capacity, paid per request (`PAY_PER_REQUEST`).
        "PAY_PER_REQUEST" => PayPerRequest = "PAY_PER_REQUEST",
        /// Provisioned read and write capacity (`PROVISIONED`).
        "PROVISIONED" => Provisioned = "PROVISIONED",
    }
}

string_enum! {
    /// What the table's stream records hold (`dynamodb.StreamViewType`).
    StreamViewType {
        /// The item after the change (`NEW_IMAGE`).
        "NEW_IMAGE" => NewImage = "NEW_IMAGE",
        /// The item before the change (`OLD_IMAGE`).
        "OLD_IMAGE" => OldImage = "OLD_IMAGE",
        /// Both images (`NEW_AND_OLD_IMAGES`).
        "NEW_AND_OLD_IMAGES" => NewAndOldImages = "NEW_AND_OLD_IMAGES",
        /// Only the key attributes (`KEYS_ONLY`).
        "KEYS_ONLY" => KeysOnly = "KEYS_ONLY",
    }
}

string_enum! {
    /// The storage class of a table (`dynamodb.TableClass`).
    TableClass {
        /// Standard (`STANDARD`).
        "STANDARD" => Standard = "STANDARD",
        /// Standard-Infrequent Access (`STANDARD_INFREQUENT_ACCESS`).
        "STANDARD_INFREQUENT_ACCESS" => StandardInfrequentAccess = "STANDARD_INFREQUENT_ACCESS",
    }
}

/// How a table is encrypted at rest (`dynamodb.TableEncryption`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TableEncryption {
    /// A key owned by DynamoDB: `SSESpecification: { SSEEnabled: false }`.
    #[doc(alias = "DEFAULT")]
    Default,
    /// The AWS managed key of DynamoDB: `SSESpecification: { SSEEnabled: true }`.
    #[doc(alias = "AWS_MANAGED")]
    AwsManaged,
    /// A customer managed key (the table's `encryption_key`, else a new rotating one):
    /// `SSESpecification: { KMSMasterKeyId, SSEEnabled: true, SSEType: KMS }`.
    #[doc(alias = "CUSTOMER_MANAGED")]
    CustomerManaged,
}

impl TableEncryption {
    /// aws-cdk-lib's value of the constant (`AWS_OWNED`, `AWS_MANAGED`, `CUSTOMER_MANAGED`).
    pub fn as_str(self) -> &'static str {
        match self {
            TableEncryption::Default => "AWS_OWNED",
            TableEncryption::AwsManaged => "AWS_MANAGED",
            TableEncryption::CustomerManaged => "CUSTOMER_MANAGED",
        }
    }
}

/// Point-in-time recovery (`dynamodb.PointInTimeRecoverySpecification`).
#[derive(Clone, Debug, Default, PartialEq, Eq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct PointInTimeRecoverySpecification {
    /// Whether point-in-time recovery is on. Required.
    pub point_in_time_recovery_enabled: bool,
    /// How many days of backups are kept, 1–35 (with recovery on). Default: 35 (DynamoDB's
    /// default; nothing rendered).
    #[builder(default)]
    pub recovery_period_in_days: Option<u32>,
}
cdk_core::impl_props!(PointInTimeRecoverySpecification, PointInTimeRecoverySpecificationBuilder);
