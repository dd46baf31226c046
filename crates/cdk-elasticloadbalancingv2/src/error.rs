//! Errors of this crate: the rules of `nlb/network-load-balancer.ts` and
//! `shared/base-load-balancer.ts` that are checked when a load balancer is defined, named
//! after aws-cdk-lib's error codes. Each names the construct path it is about; the message
//! reads `<path>: <what is wrong>`. (The load balancer name rules are checked at synthesis,
//! as validations of the construct, as in aws-cdk-lib.)

/// An error from defining a load balancer.
///
/// Converts into [`cdk_core::Error`] (as [`cdk_core::Error::InvalidArgument`], or the error it
/// wraps), so `?` works in functions returning either.
///
/// ```
/// use cdk_elasticloadbalancingv2::Elbv2Error;
/// let e = Elbv2Error::SecurityGroupsAndDisableSecurityGroups { path: "Stack/NLB".into() };
/// assert_eq!(e.code(), "CannotSpecifySecurityGroupsDisable");
/// assert!(e.to_string().starts_with("Stack/NLB: Cannot specify both"));
/// ```
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum Elbv2Error {
    /// Both `security_groups` and `disable_security_groups`
    /// (`CannotSpecifySecurityGroupsDisable`).
    #[error(
        "{path}: Cannot specify both `securityGroups` and `disableSecurityGroups` properties."
    )]
    SecurityGroupsAndDisableSecurityGroups {
        /// Path of the load balancer.
        path: String,
    },
    /// An error of the VPC, such as a subnet selection it cannot satisfy.
    #[error(transparent)]
    Ec2(#[from] cdk_ec2::Ec2Error),
    /// An error of the construct tree or core (duplicate ids, ...).
    #[error(transparent)]
    Core(#[from] cdk_core::Error),
}

impl Elbv2Error {
    /// aws-cdk-lib's error code for this rule; the wrapped error's code for `Ec2`, `Core` for
    /// wrapped core errors.
    pub fn code(&self) -> &'static str {
        match self {
            Elbv2Error::SecurityGroupsAndDisableSecurityGroups { .. } => {
                "CannotSpecifySecurityGroupsDisable"
            }
            Elbv2Error::Ec2(e) => e.code(),
            Elbv2Error::Core(_) => "Core",
        }
    }

    /// The construct path the error is about (`None` for wrapped core errors, which carry
    /// their own).
    pub fn path(&self) -> Option<&str> {
        match self {
            Elbv2Error::SecurityGroupsAndDisableSecurityGroups { path } => Some(path),
            Elbv2Error::Ec2(e) => e.path(),
            Elbv2Error::Core(_) => None,
        }
    }
}

impl From<Elbv2Error> for cdk_core::Error {
    fn from(e: Elbv2Error) -> cdk_core::Error {
        match e {
            Elbv2Error::Core(core) => core,
            Elbv2Error::Ec2(ec2) => ec2.into(),
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
    fn converts_into_core_errors() {
        let core: cdk_core::Error =
            Elbv2Error::SecurityGroupsAndDisableSecurityGroups { path: "Stack/NLB".into() }.into();
        assert_eq!(
            core,
            cdk_core::Error::InvalidArgument {
                path: "Stack/NLB".into(),
                message:
                    "Cannot specify both `securityGroups` and `disableSecurityGroups` properties."
                        .into(),
            }
        );
        let inner = cdk_core::Error::NoStack { path: "x".into() };
        assert_eq!(cdk_core::Error::from(Elbv2Error::from(inner.clone())), inner);
    }
}
