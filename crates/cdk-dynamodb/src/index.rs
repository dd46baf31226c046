//! Secondary indexes (`GlobalSecondaryIndexProps`, `LocalSecondaryIndexProps`,
//! `ProjectionType`, `table.ts`, `shared.ts`).

use cdk_core::Value;

use crate::Attribute;

/// Which attributes an index holds besides the keys (`dynamodb.ProjectionType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProjectionType {
    /// Only the keys (`KEYS_ONLY`).
    #[doc(alias = "KEYS_ONLY")]
    KeysOnly,
    /// The keys and the listed non-key attributes (`INCLUDE`).
    #[doc(alias = "INCLUDE")]
    Include,
    /// Every attribute (`ALL`).
    #[doc(alias = "ALL")]
    All,
}

impl ProjectionType {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectionType::KeysOnly => "KEYS_ONLY",
            ProjectionType::Include => "INCLUDE",
            ProjectionType::All => "ALL",
        }
    }
}

impl From<ProjectionType> for Value {
    fn from(v: ProjectionType) -> Value {
        Value::from(v.as_str())
    }
}

/// Options of a global secondary index (`dynamodb.GlobalSecondaryIndexProps`), for
/// [`Table::add_global_secondary_index`](crate::Table::add_global_secondary_index).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct GlobalSecondaryIndexProps {
    /// The index's name. Required.
    pub index_name: String,
    /// The index's partition key. Required.
    pub partition_key: Attribute,
    /// The index's sort key. Default: none.
    #[builder(default)]
    pub sort_key: Option<Attribute>,
    /// Which attributes the index holds. Default: [`ProjectionType::All`].
    #[builder(default)]
    pub projection_type: Option<ProjectionType>,
    /// The non-key attributes of an [`ProjectionType::Include`] projection (required with
    /// it, refused without it). Default: none.
    #[builder(default, setter(custom))]
    pub non_key_attributes: Option<Vec<String>>,
    /// Provisioned read capacity units (provisioned tables only; 0 counts as unset).
    /// Default: 5.
    #[builder(default)]
    pub read_capacity: Option<u32>,
    /// Provisioned write capacity units (provisioned tables only; 0 counts as unset).
    /// Default: 5.
    #[builder(default)]
    pub write_capacity: Option<u32>,
}
cdk_core::impl_props!(GlobalSecondaryIndexProps, GlobalSecondaryIndexPropsBuilder);

impl GlobalSecondaryIndexPropsBuilder {
    /// The non-key attributes of an [`ProjectionType::Include`] projection.
    pub fn non_key_attributes<S: Into<String>>(
        mut self,
        names: impl IntoIterator<Item = S>,
    ) -> Self {
        self.non_key_attributes = Some(Some(names.into_iter().map(Into::into).collect()));
        self
    }
}

/// Options of a local secondary index (`dynamodb.LocalSecondaryIndexProps`), for
/// [`Table::add_local_secondary_index`](crate::Table::add_local_secondary_index); its
/// partition key is the table's.
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct LocalSecondaryIndexProps {
    /// The index's name. Required.
    pub index_name: String,
    /// The index's sort key. Required.
    pub sort_key: Attribute,
    /// Which attributes the index holds. Default: [`ProjectionType::All`].
    #[builder(default)]
    pub projection_type: Option<ProjectionType>,
    /// The non-key attributes of an [`ProjectionType::Include`] projection (required with
    /// it, refused without it). Default: none.
    #[builder(default, setter(custom))]
    pub non_key_attributes: Option<Vec<String>>,
}
cdk_core::impl_props!(LocalSecondaryIndexProps, LocalSecondaryIndexPropsBuilder);

impl LocalSecondaryIndexPropsBuilder {
    /// The non-key attributes of an [`ProjectionType::Include`] projection.
    pub fn non_key_attributes<S: Into<String>>(
        mut self,
        names: impl IntoIterator<Item = S>,
    ) -> Self {
        self.non_key_attributes = Some(Some(names.into_iter().map(Into::into).collect()));
        self
    }
}
