//! Errors of this crate: the validations of `stepfunctions-api.ts`, each naming the
//! construct path, and the errors of the constructs it creates.

use crate::integrations::MUST_BE_EXPRESS;

/// Why a [`StepFunctionsRestApi`](crate::StepFunctionsRestApi) could not be defined.
///
/// Converts into [`cdk_core::Error`] (as [`cdk_core::Error::InvalidArgument`] with the same
/// path and message), so `?` works in functions returning either.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A default integration was given: the API's root method integrates with the state
    /// machine (aws-cdk-lib's `CannotSpecifyDefaultIntegrationSince`).
    #[error("{path}: Cannot specify \"defaultIntegration\" since Step Functions integration is automatically defined")]
    DefaultIntegrationGiven {
        /// Path of the scope the API was to be defined in (as aws-cdk-lib reports it).
        path: String,
    },
    /// The state machine is not of type `EXPRESS`, the only type API Gateway can run
    /// synchronously (aws-cdk-lib's `MustBeStateMachineType`).
    #[error("{path}: {}", MUST_BE_EXPRESS)]
    StateMachineNotExpress {
        /// Path of the scope the API was to be defined in (as aws-cdk-lib reports it).
        path: String,
        /// Path of the state machine.
        state_machine: String,
    },
    /// An error of the constructs the API is made of.
    #[error(transparent)]
    Core(#[from] cdk_core::Error),
}

impl Error {
    /// aws-cdk-lib's code for the error (`MustBeStateMachineType`), if it has one.
    pub fn code(&self) -> Option<&'static str> {
        match self {
            Error::DefaultIntegrationGiven { .. } => Some("CannotSpecifyDefaultIntegrationSince"),
            Error::StateMachineNotExpress { .. } => Some("MustBeStateMachineType"),
            Error::Core(_) => None,
        }
    }
}

impl From<Error> for cdk_core::Error {
    fn from(e: Error) -> cdk_core::Error {
        match e {
            Error::Core(e) => e,
            Error::DefaultIntegrationGiven { ref path }
            | Error::StateMachineNotExpress { ref path, .. } => {
                let full = e.to_string();
                let message = full.strip_prefix(&format!("{path}: ")).unwrap_or(&full).to_string();
                cdk_core::Error::InvalidArgument { path: path.clone(), message }
            }
        }
    }
}
