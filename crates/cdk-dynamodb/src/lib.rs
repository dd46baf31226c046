//! # cdk-dynamodb
//!
//! A thin L2 over [`cfn_dynamodb`]: the [`Table`] construct of `aws-cdk-lib/aws-dynamodb`
//! (`table.ts`), tables imported by name or ARN ([`ImportedTable`]) and the [`ITable`] trait
//! with the data grants (`table-grants.ts`), rendered as aws-cdk-lib 2.276.0
//! renders them: provisioned billing with 5 read and 5 write capacity units by default,
//! removal policy `Retain`, grants as statements on the grantee's default policy.
//! Global and local secondary indexes are offered; replicas and auto scaling are not.
//!
//! ```
//! use cdk_core::{App, Stack};
//! use cdk_dynamodb::{Attribute, AttributeType, BillingMode, ITable, Table, TableProps};
//! use cdk_iam::{Principal, Role, RoleProps};
//!
//! let app = App::new();
//! let stack = Stack::new(&app, "Stack")?;
//! let table = Table::new(&stack, "Table", TableProps::builder()
//!     .partition_key(Attribute { name: "id".into(), r#type: AttributeType::String })
//!     .billing_mode(BillingMode::PayPerRequest))?;
//! let role = Role::new(&stack, "Role", RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")))?;
//! table.grant_read_write_data(&role)?;
//! let _name = table.table_name();
//! # Ok::<(), cdk_core::Error>(())
//! ```

mod attribute;
mod index;
mod settings;
mod table;

pub use attribute::{Attribute, AttributeType};
pub use index::{
    GlobalSecondaryIndexProps, GlobalSecondaryIndexPropsBuilder, LocalSecondaryIndexProps,
    LocalSecondaryIndexPropsBuilder, ProjectionType,
};
pub use settings::{
    BillingMode, PointInTimeRecoverySpecification, PointInTimeRecoverySpecificationBuilder,
    StreamViewType, TableClass, TableEncryption,
};
pub use table::{
    ITable, ImportedTable, Table, TableProps, TablePropsBuilder, DESCRIBE_TABLE, KEY_READ_ACTIONS,
    KEY_WRITE_ACTIONS, PRINCIPAL_ONLY_READ_DATA_ACTIONS, READ_STREAM_DATA_ACTIONS,
    RESOURCE_READ_DATA_ACTIONS, WRITE_DATA_ACTIONS,
};
