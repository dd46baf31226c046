//! Key attributes (`dynamodb.Attribute`, `dynamodb.AttributeType`, `shared.ts`).

use cdk_core::Value;

/// The type of a key attribute (`dynamodb.AttributeType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AttributeType {
    /// Binary (`B`).
    #[doc(alias = "BINARY")]
    Binary,
    /// Number (`N`).
    #[doc(alias = "NUMBER")]
    Number,
    /// String (`S`).
    #[doc(alias = "STRING")]
    String,
}

impl AttributeType {
    /// The CloudFormation value (`B`, `N`, `S`).
    pub fn as_str(self) -> &'static str {
        match self {
            AttributeType::Binary => "B",
            AttributeType::Number => "N",
            AttributeType::String => "S",
        }
    }
}

impl From<AttributeType> for Value {
    fn from(v: AttributeType) -> Value {
        Value::from(v.as_str())
    }
}

/// A key attribute: its name and type (`dynamodb.Attribute`).
///
/// ```
/// use cdk_dynamodb::{Attribute, AttributeType};
/// let id = Attribute { name: "id".into(), r#type: AttributeType::String };
/// assert_eq!(id, Attribute::new("id", AttributeType::String));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Attribute {
    /// The attribute's name.
    pub name: String,
    /// The attribute's type.
    pub r#type: AttributeType,
}

impl Attribute {
    /// Shorthand for `Attribute { name, r#type }`.
    pub fn new(name: impl Into<String>, r#type: AttributeType) -> Attribute {
        Attribute { name: name.into(), r#type }
    }
}
