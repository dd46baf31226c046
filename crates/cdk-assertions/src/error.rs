//! [`AssertionError`].

use std::fmt;

/// A failed assertion (aws-cdk-lib's `AssertionError`), a template that cannot be read, or a
/// synthesis error from [`Template::from_stack`](crate::Template::from_stack).
///
/// Its `Display` and `Debug` forms are both the message, so `.unwrap()` and a test returning
/// `Result<(), AssertionError>` print it readably, closest match included.
#[derive(Clone)]
pub struct AssertionError {
    message: String,
    source: Option<Box<cdk_core::Error>>,
}

impl AssertionError {
    /// An error with a message.
    pub fn new(message: impl Into<String>) -> AssertionError {
        AssertionError { message: message.into(), source: None }
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The synthesis error, when synthesizing the stack failed.
    pub fn synth_error(&self) -> Option<&cdk_core::Error> {
        self.source.as_deref()
    }
}

impl fmt::Display for AssertionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Debug for AssertionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AssertionError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<cdk_core::Error> for AssertionError {
    fn from(e: cdk_core::Error) -> AssertionError {
        AssertionError { message: e.to_string(), source: Some(Box::new(e)) }
    }
}

impl From<cdk_core::BuildError> for AssertionError {
    fn from(e: cdk_core::BuildError) -> AssertionError {
        AssertionError::from(cdk_core::Error::from(e))
    }
}
