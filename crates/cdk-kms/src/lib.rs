//! # cdk-kms
//!
//! A thin L2 over [`cfn_kms`]: the [`Key`] construct of `aws-cdk-lib/aws-kms` (`key.ts`)
//! with its alias (`alias.ts`), keys imported by ARN ([`ImportedKey`]) and the [`IKey`]
//! trait with the grants (`key-grants.ts`), rendered as aws-cdk-lib 2.276.0 renders them
//! under `@aws-cdk/aws-kms:defaultKeyPolicies`: a key policy giving `kms:*` to the account
//! root, removal policy `Retain`, grants as statements on the grantee's policy. The
//! encrypted resources of `cdk-sqs`, `cdk-sns`, `cdk-kinesis` and `cdk-dynamodb` take keys
//! as [`IKey`].
//!
//! ```
//! use cdk_core::{App, Stack};
//! use cdk_iam::{Principal, Role, RoleProps};
//! use cdk_kms::{IKey, Key, KeyProps};
//!
//! let app = App::new();
//! let stack = Stack::new(&app, "Stack")?;
//! let key = Key::new(&stack, "Key", KeyProps::builder().enable_key_rotation(true))?;
//! let role = Role::new(&stack, "Role", RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")))?;
//! key.grant_encrypt_decrypt(&role)?;
//! let _arn = key.key_arn();
//! # Ok::<(), cdk_core::Error>(())
//! ```

mod key;

pub use key::{
    grant_on_key, IKey, ImportedKey, Key, KeyProps, KeyPropsBuilder, DECRYPT_ACTIONS,
    ENCRYPT_ACTIONS,
};
