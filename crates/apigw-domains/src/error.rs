//! Errors of this crate: one variant per rule of `domain-name.ts`, `base-path-mapping.ts`
//! and the API Gateway targets of `aws-route53-targets`, named after aws-cdk-lib's error
//! codes. Each names the construct path it is about (the path aws-cdk-lib's
//! `ValidationError` carries) and the offending value; the message reads `<path>: <what is
//! wrong>`.

/// An error from defining a custom domain, a mapping or an alias target.
///
/// Converts into [`cdk_core::Error`] (as [`cdk_core::Error::InvalidArgument`], or the core
/// error it wraps), so `?` works in functions returning either.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum DomainError {
    /// The domain name has uppercase letters (`DomainNameDoesNotSupportUppercase`); the path
    /// is the domain's scope, as in aws-cdk-lib.
    #[error("{path}: Domain name does not support uppercase letters. Got: {domain_name}")]
    DomainNameDoesNotSupportUppercase {
        /// Path of the domain's scope.
        path: String,
        /// The domain name.
        domain_name: String,
    },
    /// mTLS with an enhanced security policy (`MtlsNotSupportedWithEnhancedSecurityPolicy`).
    #[error("{path}: Mutual TLS (mTLS) cannot be enabled on a domain name that uses an enhanced security policy ({policy}). See: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html")]
    MtlsNotSupportedWithEnhancedSecurityPolicy {
        /// Path of the domain.
        path: String,
        /// The security policy.
        policy: String,
    },
    /// An enhanced security policy without an endpoint access mode
    /// (`EndpointAccessModeRequiredForEnhancedSecurityPolicy`).
    #[error("{path}: Enhanced security policies require endpointAccessMode to be specified (BASIC or STRICT), got security policy {policy}. STRICT is recommended for production workloads. See: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies.html#apigateway-security-policies-endpoint-access-mode")]
    EndpointAccessModeRequiredForEnhancedSecurityPolicy {
        /// Path of the domain.
        path: String,
        /// The security policy.
        policy: String,
    },
    /// An endpoint access mode with a legacy (or no) security policy
    /// (`EndpointAccessModeNotSupportedForLegacySecurityPolicy`).
    #[error("{path}: endpointAccessMode is not supported for legacy security policies (TLS_1_0, TLS_1_2). It can only be specified when using enhanced security policies (those starting with SecurityPolicy_). See: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies.html#apigateway-security-policies-endpoint-access-mode")]
    EndpointAccessModeNotSupportedForLegacySecurityPolicy {
        /// Path of the domain.
        path: String,
        /// The endpoint access mode.
        endpoint_access_mode: String,
    },
    /// A regional-only security policy on an edge-optimized domain
    /// (`SecurityPolicyNotSupportedForEdgeEndpoint`).
    #[error("{path}: Security policy {policy} is not supported for edge-optimized endpoints. Use a security policy that supports edge-optimized endpoints. See: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html")]
    SecurityPolicyNotSupportedForEdgeEndpoint {
        /// Path of the domain.
        path: String,
        /// The security policy.
        policy: String,
    },
    /// An edge-only security policy on a regional or private domain
    /// (`SecurityPolicyOnlySupportedForEdgeEndpoint`).
    #[error("{path}: Security policy {policy} is only supported for edge-optimized endpoints. Use a policy that supports non-edge endpoints. See: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html")]
    SecurityPolicyOnlySupportedForEdgeEndpoint {
        /// Path of the domain.
        path: String,
        /// The security policy.
        policy: String,
    },
    /// A multi-level base path on an edge-optimized domain (`MultiLevelBasePathOnlySupported`).
    #[error(
        "{path}: multi-level basePath is only supported when endpointType is EndpointType.REGIONAL"
    )]
    MultiLevelBasePathOnlySupported {
        /// Path of the domain.
        path: String,
        /// The base path.
        base_path: String,
    },
    /// A multi-level base path with TLS 1.0 (`DomainNameRequiresTLS12`).
    #[error("{path}: securityPolicy must be TLS 1.2 or higher for multi-level basePath. See: https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html")]
    DomainNameRequiresTls12 {
        /// Path of the domain.
        path: String,
        /// The base path.
        base_path: String,
    },
    /// A second mapping for the same base path (`DomainNameAlreadyMappingPath`); no base path
    /// (the domain's root) reads `undefined`, as in aws-cdk-lib.
    #[error("{path}: DomainName {id} already has a mapping for path {}", .base_path.as_deref().unwrap_or("undefined"))]
    DomainNameAlreadyMappingPath {
        /// Path of the domain.
        path: String,
        /// The domain's construct id.
        id: String,
        /// The base path.
        base_path: Option<String>,
    },
    /// A multi-level base path given to a base path mapping
    /// (`BasePathMappingDoesNotSupportMultiLevel`): use an API mapping.
    #[error("{path}: BasePathMapping does not support multi-level paths ({base_path}). Use addApiMapping instead.")]
    BasePathMappingDoesNotSupportMultiLevel {
        /// Path of the domain.
        path: String,
        /// The base path.
        base_path: String,
    },
    /// A base path starting or ending with `/` (`BasePathCannotStart`).
    #[error("{path}: A base path cannot start or end with /, received: {base_path}")]
    BasePathCannotStart {
        /// Path of the mapping's scope.
        path: String,
        /// The base path.
        base_path: String,
    },
    /// A base path with `//` (`BasePathCannotMore`).
    #[error("{path}: A base path cannot have more than one consecutive /, received: {base_path}")]
    BasePathCannotMore {
        /// Path of the mapping's scope.
        path: String,
        /// The base path.
        base_path: String,
    },
    /// A base path with characters outside `[a-zA-Z0-9$_.+!*'()-/]` (`BasePathOnlyContain`).
    #[error("{path}: A base path may only contain letters, numbers, and one of \"$-_.+!*'()/\", received: {base_path}")]
    BasePathOnlyContain {
        /// Path of the mapping's scope.
        path: String,
        /// The base path.
        base_path: String,
    },
    /// `targets.ApiGateway` of an API without a custom domain (`DefineDefaultDomainName`).
    #[error("{path}: API does not define a default domain name")]
    DefineDefaultDomainName {
        /// Path of the API.
        path: String,
    },
    /// An error of the core crate (ids, tree, builders).
    #[error(transparent)]
    Core(#[from] cdk_core::Error),
}

impl DomainError {
    /// The stable code of the error (aws-cdk-lib's, where it has one); `Core` for core errors.
    pub fn code(&self) -> &'static str {
        use DomainError::*;
        match self {
            DomainNameDoesNotSupportUppercase { .. } => "DomainNameDoesNotSupportUppercase",
            MtlsNotSupportedWithEnhancedSecurityPolicy { .. } => {
                "MtlsNotSupportedWithEnhancedSecurityPolicy"
            }
            EndpointAccessModeRequiredForEnhancedSecurityPolicy { .. } => {
                "EndpointAccessModeRequiredForEnhancedSecurityPolicy"
            }
            EndpointAccessModeNotSupportedForLegacySecurityPolicy { .. } => {
                "EndpointAccessModeNotSupportedForLegacySecurityPolicy"
            }
            SecurityPolicyNotSupportedForEdgeEndpoint { .. } => {
                "SecurityPolicyNotSupportedForEdgeEndpoint"
            }
            SecurityPolicyOnlySupportedForEdgeEndpoint { .. } => {
                "SecurityPolicyOnlySupportedForEdgeEndpoint"
            }
            MultiLevelBasePathOnlySupported { .. } => "MultiLevelBasePathOnlySupported",
            DomainNameRequiresTls12 { .. } => "DomainNameRequiresTLS12",
            DomainNameAlreadyMappingPath { .. } => "DomainNameAlreadyMappingPath",
            BasePathMappingDoesNotSupportMultiLevel { .. } => {
                "BasePathMappingDoesNotSupportMultiLevel"
            }
            BasePathCannotStart { .. } => "BasePathCannotStart",
            BasePathCannotMore { .. } => "BasePathCannotMore",
            BasePathOnlyContain { .. } => "BasePathOnlyContain",
            DefineDefaultDomainName { .. } => "DefineDefaultDomainName",
            Core(_) => "Core",
        }
    }

    /// The construct path the error names (`None` for a core error).
    pub fn path(&self) -> Option<&str> {
        use DomainError::*;
        match self {
            DomainNameDoesNotSupportUppercase { path, .. }
            | MtlsNotSupportedWithEnhancedSecurityPolicy { path, .. }
            | EndpointAccessModeRequiredForEnhancedSecurityPolicy { path, .. }
            | EndpointAccessModeNotSupportedForLegacySecurityPolicy { path, .. }
            | SecurityPolicyNotSupportedForEdgeEndpoint { path, .. }
            | SecurityPolicyOnlySupportedForEdgeEndpoint { path, .. }
            | MultiLevelBasePathOnlySupported { path, .. }
            | DomainNameRequiresTls12 { path, .. }
            | DomainNameAlreadyMappingPath { path, .. }
            | BasePathMappingDoesNotSupportMultiLevel { path, .. }
            | BasePathCannotStart { path, .. }
            | BasePathCannotMore { path, .. }
            | BasePathOnlyContain { path, .. }
            | DefineDefaultDomainName { path } => Some(path),
            Core(_) => None,
        }
    }
}

impl From<DomainError> for cdk_core::Error {
    fn from(e: DomainError) -> cdk_core::Error {
        match e {
            DomainError::Core(core) => core,
            other => {
                let path = other.path().unwrap_or_default().to_string();
                let text = other.to_string();
                let message = text.strip_prefix(&format!("{path}: ")).unwrap_or(&text).to_string();
                cdk_core::Error::InvalidArgument { path, message }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_into_core_errors_keeping_path_and_message() {
        let e = DomainError::DomainNameAlreadyMappingPath {
            path: "Stack/Domain".into(),
            id: "Domain".into(),
            base_path: None,
        };
        assert_eq!(e.code(), "DomainNameAlreadyMappingPath");
        assert_eq!(
            e.to_string(),
            "Stack/Domain: DomainName Domain already has a mapping for path undefined"
        );
        let core: cdk_core::Error = e.into();
        assert_eq!(
            core,
            cdk_core::Error::InvalidArgument {
                path: "Stack/Domain".into(),
                message: "DomainName Domain already has a mapping for path undefined".into(),
            }
        );
        let inner = cdk_core::Error::NoStack { path: "x".into() };
        let wrapped = DomainError::from(inner.clone());
        assert_eq!(wrapped.path(), None);
        assert_eq!(cdk_core::Error::from(wrapped), inner);
    }
}
