//! Errors of the core crate. Every variant names the construct path it is about.
//!
//! Ports the messages of `core/lib/errors.ts` (`ValidationError` carries a path) and of
//! `constructs` (duplicate ids, default child, locked tree).

/// An error from building or synthesizing an app.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// Two children of one construct have the same id.
    #[error("{path}: there is already a construct with name '{id}' in this scope")]
    DuplicateId {
        /// Path of the parent.
        path: String,
        /// The repeated id.
        id: String,
    },
    /// An empty id was given for a construct that is not the app.
    #[error("{path}: only the root construct may have an empty id")]
    EmptyId {
        /// Path of the parent.
        path: String,
    },
    /// A construct was added while the app is synthesizing.
    #[error("{path}: cannot add child '{id}': the tree is locked during synthesis")]
    Locked {
        /// Path of the parent.
        path: String,
        /// The id that was refused.
        id: String,
    },
    /// A construct has both a `Resource` and a `Default` child.
    #[error("{path}: cannot determine default child: both 'Resource' and 'Default' exist")]
    AmbiguousDefaultChild {
        /// Path of the construct.
        path: String,
    },
    /// Context was set after children were added.
    #[error("{path}: cannot set context after children have been added")]
    ContextAfterChildren {
        /// Path of the construct.
        path: String,
    },
    /// A construct that must be inside a stack is not.
    #[error("{path}: no Stack could be found in the scope of this construct")]
    NoStack {
        /// Path of the construct.
        path: String,
    },
    /// An element's logical ID cannot be computed (an L1 named `Default` directly in a stack).
    #[error("{path}: unable to calculate a unique id for an empty set of components (UnableToCalculateUniqueId)")]
    UnableToCalculateUniqueId {
        /// Path of the element.
        path: String,
    },
    /// Two elements of one template have the same logical ID.
    #[error(
        "{path}: duplicate logical ID '{logical_id}' in section {section} (also used by {other})"
    )]
    DuplicateLogicalId {
        /// Path of the second element.
        path: String,
        /// The logical ID.
        logical_id: String,
        /// The template section.
        section: String,
        /// Path of the first element.
        other: String,
    },
    /// An override path is malformed or meets a non-object value.
    #[error("{path}: invalid override '{override_path}': {reason}")]
    InvalidOverride {
        /// Path of the resource.
        path: String,
        /// The override path.
        override_path: String,
        /// What is wrong.
        reason: String,
    },
    /// A value cannot be turned into a template value.
    #[error("{path}: invalid value: {reason}")]
    InvalidValue {
        /// Path of the construct.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A reference between stacks that cannot be made.
    #[error("{path}: {reason}")]
    CrossStackReference {
        /// Path of the consuming element.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// Validation failed before synthesis.
    #[error("validation failed with the following errors:\n{}", messages.iter().map(|(p, m)| format!("  [{p}] {m}")).collect::<Vec<_>>().join("\n"))]
    Validation {
        /// (construct path, message) pairs.
        messages: Vec<(String, String)>,
    },
    /// An asset path cannot be read.
    #[error("{path}: cannot read asset '{file}': {reason}")]
    Asset {
        /// Path of the asset construct.
        path: String,
        /// The file or directory.
        file: String,
        /// The I/O error.
        reason: String,
    },
    /// Writing the cloud assembly failed.
    #[error("cannot write the cloud assembly at '{dir}': {reason}")]
    Io {
        /// The output folder or file.
        dir: String,
        /// The I/O error.
        reason: String,
    },
    /// An invalid property or option given to a construct.
    #[error("{path}: {message}")]
    InvalidArgument {
        /// Path of the construct (or of its parent when it was refused before creation).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A builder was finished without a required field or with an invalid one.
    #[error("{path}: {source}")]
    Build {
        /// Path of the construct being built.
        path: String,
        /// The builder's error.
        source: BuildError,
    },
}

/// Error of a props builder's `build()`: a missing required field or an invalid value.
///
/// It carries no construct path (props are built before the construct exists); the
/// constructor that receives the props adds it.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[error("{message}")]
pub struct BuildError {
    message: String,
}

impl BuildError {
    /// A required field was not set.
    pub fn missing_field(field: &str) -> Self {
        BuildError {
            message: format!("required property '{field}' is not set"),
        }
    }

    /// A field has an invalid value.
    pub fn invalid_field(field: &str, reason: impl std::fmt::Display) -> Self {
        BuildError {
            message: format!("property '{field}' is invalid: {reason}"),
        }
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<derive_builder::UninitializedFieldError> for BuildError {
    fn from(e: derive_builder::UninitializedFieldError) -> Self {
        BuildError::missing_field(e.field_name())
    }
}

impl From<String> for BuildError {
    fn from(message: String) -> Self {
        BuildError { message }
    }
}
