//! Errors of the core crate. Every variant names the construct path it is about.
//!
//! Ports the messages of `core/lib/errors.ts` (`ValidationError` carries a path) and of
//! `constructs` (duplicate ids, default child, locked tree).

/// An error from building or synthesizing an app.
///
/// Its `Debug` form is its message (as `anyhow`'s is), so `fn main() -> Result<(), Error>`
/// prints a readable error; `{:#?}` shows the variant and its fields.
#[derive(thiserror::Error, Clone, PartialEq)]
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
    /// A value nested deeper than resolution goes (aws-cdk-lib's
    /// `CircularReferenceDetected`): a deep list or object, or a lazy value that keeps
    /// producing lazy values.
    #[error("{path}: Unable to resolve object tree with circular reference. Path: /{property_path} (the value is nested deeper than {max_depth} levels{})", if *lazy_levels * 2 >= *max_depth { "; a lazy value that produces itself?" } else { "" })]
    ValueTooDeep {
        /// Path of the construct whose value it is (of the stack, when resolved outside an
        /// element).
        path: String,
        /// Where the too deep part is inside the construct's definition, keys joined by `/`
        /// (`Properties/Schema/properties/a/items/...`).
        property_path: String,
        /// The deepest nesting resolved ([`crate::resolve::MAX_DEPTH`]).
        max_depth: usize,
        /// How many of the levels were lazy values producing further values.
        lazy_levels: usize,
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
    /// `app.synth()` was called again after constructs were added or removed (aws-cdk-lib's
    /// `ConstructTreeModifiedAfterSynth`). A second call on an unchanged tree returns the
    /// assembly of the first.
    #[error("Synthesis has been called multiple times and the construct tree was modified after the first synthesis ({}) This is not allowed. Remove multple synth() calls and do not modify the construct tree after the first synth().", changes.join(", "))]
    TreeModifiedAfterSynth {
        /// The construct paths added (`+path`) or removed (`-path`), shortest first, a
        /// subtree named by its root only.
        changes: Vec<String>,
    },
    /// A dependency between stacks would close a cycle (aws-cdk-lib's `DependencyCycle`).
    #[error("{path}: '{target}' depends on '{path}' ({cycle}). Adding this dependency ({reason}) would create a cyclic reference.")]
    DependencyCycle {
        /// Path of the stack that would depend on `target`.
        path: String,
        /// Path of the stack it would depend on.
        target: String,
        /// The reasons `target` already depends on `path`, joined by `, `.
        cycle: String,
        /// The reason of the refused dependency.
        reason: String,
    },
    /// An asset's source file or folder does not exist.
    #[error("{path}: Cannot find asset at {file}")]
    AssetNotFound {
        /// Path of the asset construct.
        path: String,
        /// The absolute path of the missing source.
        file: String,
    },
    /// An invalid property or option given to a construct.
    #[error("{path}: {message}")]
    InvalidArgument {
        /// Path of the construct (or of its parent when it was refused before creation).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// An invalid value met outside any construct (CDK's `UnscopedValidationError`), such as
    /// a [`Size`](crate::Size) conversion that is not a whole number.
    #[error("{message}")]
    Unscoped {
        /// What is wrong.
        message: String,
    },
    /// The synth-time CloudFormation validation found errors and the feature flag
    /// `@aws-cdk/core:validateAgainstDefaultRules` is set (see [`crate::validations`]).
    #[error(
        "Validation failed ({}):\n\n{}",
        crate::validations::PLUGIN_NAME,
        crate::validations::format_report(violations, "ERROR")
    )]
    TemplateValidation {
        /// The findings, by rule and description, with the constructs that have them.
        violations: Vec<crate::validations::TemplateViolation>,
    },
    /// A builder was finished without a required field or with an invalid one.
    #[error("{}{source}", if path.is_empty() { String::new() } else { format!("{path}: ") })]
    Build {
        /// Path of the construct being built; empty when the props were built before the
        /// construct (`XProps::builder()...build()?`).
        path: String,
        /// The builder's error.
        source: BuildError,
    },
}

impl std::fmt::Debug for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !f.alternate() {
            return std::fmt::Display::fmt(self, f);
        }
        match self {
            Error::Build { path, source } => {
                f.debug_struct("Build").field("path", path).field("source", source).finish()
            }
            Error::Validation { messages } => {
                f.debug_struct("Validation").field("messages", messages).finish()
            }
            other => write!(f, "{other}"),
        }
    }
}

impl From<BuildError> for Error {
    /// A props builder's error, before any construct received the props (empty path).
    fn from(source: BuildError) -> Self {
        Error::Build { path: String::new(), source }
    }
}

impl Error {
    /// A [`Error::ValueTooDeep`] found one level further out, below `key` (other errors are
    /// returned unchanged).
    pub(crate) fn under(mut self, key: &str) -> Error {
        if let Error::ValueTooDeep { property_path, .. } = &mut self {
            if property_path.is_empty() {
                *property_path = key.to_string();
            } else {
                property_path.insert(0, '/');
                property_path.insert_str(0, key);
            }
        }
        self
    }

    /// A [`Error::ValueTooDeep`] found one lazy value further out.
    pub(crate) fn through_lazy(mut self) -> Error {
        if let Error::ValueTooDeep { lazy_levels, .. } = &mut self {
            *lazy_levels += 1;
        }
        self
    }

    /// A value error ([`Error::InvalidValue`], [`Error::ValueTooDeep`]) raised while
    /// resolving a value of the construct at `construct_path`, named by that path (other
    /// errors are returned unchanged).
    pub fn in_construct(self, construct_path: &str) -> Error {
        match self {
            Error::InvalidValue { reason, .. } => {
                Error::InvalidValue { path: construct_path.to_string(), reason }
            }
            Error::ValueTooDeep { property_path, max_depth, lazy_levels, .. } => {
                Error::ValueTooDeep {
                    path: construct_path.to_string(),
                    property_path,
                    max_depth,
                    lazy_levels,
                }
            }
            other => other,
        }
    }

    /// Attaches a construct path to a builder error.
    pub fn build(path: impl Into<String>, source: BuildError) -> Self {
        Error::Build { path: path.into(), source }
    }

    /// The path of the construct the error is about, when it names one.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::DuplicateId { path, .. }
            | Error::EmptyId { path }
            | Error::Locked { path, .. }
            | Error::AmbiguousDefaultChild { path }
            | Error::ContextAfterChildren { path }
            | Error::NoStack { path }
            | Error::UnableToCalculateUniqueId { path }
            | Error::DuplicateLogicalId { path, .. }
            | Error::InvalidOverride { path, .. }
            | Error::InvalidValue { path, .. }
            | Error::ValueTooDeep { path, .. }
            | Error::CrossStackReference { path, .. }
            | Error::Asset { path, .. }
            | Error::AssetNotFound { path, .. }
            | Error::DependencyCycle { path, .. }
            | Error::InvalidArgument { path, .. }
            | Error::Build { path, .. } => Some(path).filter(|p| !p.is_empty()).map(String::as_str),
            Error::TemplateValidation { violations } => violations
                .first()
                .and_then(|v| v.resources.first())
                .map(|r| r.construct_path.as_str())
                .filter(|p| !p.is_empty()),
            Error::Validation { .. }
            | Error::Io { .. }
            | Error::Unscoped { .. }
            | Error::TreeModifiedAfterSynth { .. } => None,
        }
    }
}

/// Error of a props builder's `build()`: a missing required field or an invalid value.
///
/// It names the props type (`CorsOptions: required property 'allow_origins' is not set`)
/// but no construct path (props are built before the construct exists); a constructor that
/// receives a builder (see [`IntoProps`]) adds its path.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[error("{}{message}", if props.is_empty() { String::new() } else { format!("{props}: ") })]
pub struct BuildError {
    props: String,
    message: String,
}

impl BuildError {
    /// A required field was not set.
    pub fn missing_field(field: &str) -> Self {
        BuildError {
            props: String::new(),
            message: format!("required property '{field}' is not set"),
        }
    }

    /// A field has an invalid value.
    pub fn invalid_field(field: &str, reason: impl std::fmt::Display) -> Self {
        BuildError {
            props: String::new(),
            message: format!("property '{field}' is invalid: {reason}"),
        }
    }

    /// Names the props type the error is about (kept when already named).
    pub fn in_props(mut self, props: &str) -> Self {
        if self.props.is_empty() {
            self.props = props.to_owned();
        }
        self
    }

    /// The props type the error is about (empty when unknown).
    pub fn props(&self) -> &str {
        &self.props
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
        BuildError { props: String::new(), message }
    }
}

/// A props or options value, or its unfinished builder: what constructors and `add_*`
/// methods take, so `RestApi::new(&stack, "api", RestApiProps::builder().deploy(false))?`
/// needs no `.build()?` and a builder error names the construct path.
///
/// Implemented for every `T` (already built) and, through [`impl_props!`](crate::impl_props),
/// for `T`'s builder.
pub trait IntoProps<T> {
    /// Finishes the builder (or returns the value as is).
    ///
    /// # Errors
    /// The builder's [`BuildError`]: a missing required field or an invalid value.
    fn into_props(self) -> Result<T, BuildError>;

    /// [`into_props`](IntoProps::into_props), with the error naming the construct `path`.
    ///
    /// # Errors
    /// [`Error::Build`] naming `path`.
    fn into_props_at(self, path: &str) -> Result<T, Error>
    where
        Self: Sized,
    {
        self.into_props().map_err(|source| Error::build(path, source))
    }

    /// [`into_props_at`](IntoProps::into_props_at), with the construct's path made only
    /// when there is an error to name it in.
    ///
    /// ```
    /// use cdk_core::{IntoProps, StackProps};
    /// let props: StackProps =
    ///     StackProps::builder().description("d").into_props_in(|| "App/Stack".to_string())?;
    /// assert_eq!(props.description.as_deref(), Some("d"));
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Build`] naming the path `path` gives.
    fn into_props_in(self, path: impl FnOnce() -> String) -> Result<T, Error>
    where
        Self: Sized,
    {
        self.into_props().map_err(|source| Error::build(path(), source))
    }
}

impl<T> IntoProps<T> for T {
    fn into_props(self) -> Result<T, BuildError> {
        Ok(self)
    }
}

/// Wires a derive_builder props type into the conventions: `T::builder()`, a public
/// `TBuilder::build()` whose error names the props type, and [`IntoProps`] for the builder.
///
/// Call it with the type and its builder; the derive must name its generated finisher
/// `build_fields` and keep it private:
///
/// ```
/// #[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
/// #[builder(
///     pattern = "owned",
///     setter(into, strip_option),
///     build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
/// )]
/// pub struct GreetingProps {
///     /// Who to greet. Required.
///     pub name: String,
///     /// How loud. Default: 1.
///     #[builder(default)]
///     pub volume: Option<u32>,
/// }
/// cdk_core::impl_props!(GreetingProps, GreetingPropsBuilder);
///
/// let err = GreetingProps::builder().volume(3u32).build().unwrap_err();
/// assert_eq!(err.to_string(), "GreetingProps: required property 'name' is not set");
/// let props = GreetingProps::builder().name("Ada").build()?;
/// assert_eq!(props.volume, None);
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[macro_export]
macro_rules! impl_props {
    ($t:ident, $b:ident) => {
        impl $t {
            #[doc = concat!("Starts a [`", stringify!($b), "`].")]
            pub fn builder() -> $b {
                <$b as ::core::default::Default>::default()
            }
        }

        impl $b {
            #[doc = concat!("Finishes the [`", stringify!($t), "`].")]
            ///
            /// # Errors
            /// A required field is missing or a field breaks a rule (the error names the
            /// props type and the field).
            pub fn build(self) -> ::core::result::Result<$t, $crate::BuildError> {
                self.build_fields().map_err(|e| e.in_props(stringify!($t)))
            }
        }

        impl $crate::IntoProps<$t> for $b {
            fn into_props(self) -> ::core::result::Result<$t, $crate::BuildError> {
                self.build()
            }
        }
    };
}
