//! # apigw-domains
//!
//! Custom domain names of API Gateway APIs (`domain-name.ts`, `base-path-mapping.ts`). This
//! first part holds the TLS [`SecurityPolicy`] and the base-path rules aws-cdk-lib checks
//! ([`validate_base_path`]); the `DomainName` construct, base path and API mappings and the
//! Route 53 targets follow in later issues.
//!
//! ```
//! use apigw_domains::{validate_base_path, SecurityPolicy};
//! assert_eq!(SecurityPolicy::Tls12.as_str(), "TLS_1_2");
//! assert!(validate_base_path("Stack/Domain", "orders").is_ok());
//! assert!(validate_base_path("Stack/Domain", "/orders").is_err());
//! ```

use cdk_core::Error;

/// The TLS version clients must use (`SecurityPolicy`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum SecurityPolicy {
    /// TLS 1.0 (API Gateway's default).
    #[default]
    Tls10,
    /// TLS 1.2.
    Tls12,
}

impl SecurityPolicy {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            SecurityPolicy::Tls10 => "TLS_1_0",
            SecurityPolicy::Tls12 => "TLS_1_2",
        }
    }
}

/// Checks a single-level base path as `BasePathMapping` does: no leading or trailing `/`,
/// and only letters, digits and `$-_.+!*'()`. Multi-level paths (`a/b`) need an API mapping
/// instead (`AWS::ApiGatewayV2::ApiMapping`).
///
/// # Errors
/// [`Error::InvalidArgument`] naming `scope_path` and the rule broken.
pub fn validate_base_path(scope_path: &str, base_path: &str) -> Result<(), Error> {
    let fail = |message: String| {
        Err(Error::InvalidArgument {
            path: scope_path.to_string(),
            message,
        })
    };
    if base_path.starts_with('/') || base_path.ends_with('/') {
        return fail(format!(
            "A base path cannot start or end with /, received: {base_path}"
        ));
    }
    if base_path.contains('/') {
        return fail(format!(
            "A base path with more than one level ('{base_path}') needs an API mapping (BasePathMappingDoesNotSupportMultiLevel)"
        ));
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || "$-_.+!*'()".contains(c);
    if base_path.is_empty() || !base_path.chars().all(allowed) {
        return fail(format!(
            "A base path may only contain letters, numbers, and one of \"$-_.+!*'()\", received: {base_path}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert!(validate_base_path("p", "v1").is_ok());
        assert!(validate_base_path("p", "a$b_(c)").is_ok());
        let e = validate_base_path("Stack/Domain", "api/beta").unwrap_err();
        assert!(e.to_string().starts_with("Stack/Domain: "));
        assert!(validate_base_path("p", "v1/").is_err());
        assert!(validate_base_path("p", "a b").is_err());
        assert!(validate_base_path("p", "").is_err());
    }
}
