//! # cdk-certificatemanager
//!
//! A thin L2 of `aws-cdk-lib/aws-certificatemanager` (`certificate.ts`, `certificate-base.ts`):
//! what constructs that take a certificate need of it. This port imports certificates
//! ([`Certificate::from_certificate_arn`]); it does not request new ones.
//!
//! ```
//! use cdk_core::{App, Construct, Stack};
//! use cdk_certificatemanager::{Certificate, CertificateReference};
//! let app = App::new();
//! # app.skip_synth_check();
//! let stack = Stack::new(&app, "Stack")?;
//! let cert = Certificate::from_certificate_arn(&stack, "Certificate",
//!     "arn:aws:acm:us-east-1:111111111111:certificate/abc")?;
//! assert_eq!(cert.node().path(), "Stack/Certificate");
//! let reference = CertificateReference::from(&cert);
//! assert_eq!(reference.certificate_arn, cert.certificate_arn());
//! # Ok::<(), cdk_core::Error>(())
//! ```

use cdk_core::{Construct, Error, Node, Value};

/// What identifies a certificate to the constructs that use it (`CertificateReference`,
/// the `certificateRef` of an `ICertificateRef`).
///
/// Made from a [`Certificate`] (`CertificateReference::from(&certificate)`) or from an ARN
/// ([`CertificateReference::from_arn`]).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CertificateReference {
    /// The certificate's ARN.
    pub certificate_arn: Value,
}

impl CertificateReference {
    /// A reference to the certificate with this ARN.
    pub fn from_arn(certificate_arn: impl Into<Value>) -> Self {
        CertificateReference { certificate_arn: certificate_arn.into() }
    }
}

impl From<&Certificate> for CertificateReference {
    fn from(certificate: &Certificate) -> Self {
        CertificateReference::from_arn(certificate.certificate_arn())
    }
}

/// An ACM certificate (`ICertificate`). Only imported certificates exist in this port.
#[derive(Clone, Debug)]
pub struct Certificate {
    node: Node,
    certificate_arn: Value,
}

impl Construct for Certificate {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Certificate {
    /// Imports a certificate by ARN (`Certificate.fromCertificateArn`). The import is a
    /// construct without resources, named `id` in `scope`.
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_certificate_arn(
        scope: &impl Construct,
        id: &str,
        certificate_arn: impl Into<Value>,
    ) -> Result<Certificate, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.Resource");
        Ok(Certificate { node, certificate_arn: certificate_arn.into() })
    }

    /// The certificate's ARN.
    pub fn certificate_arn(&self) -> Value {
        self.certificate_arn.clone()
    }

    /// The reference other constructs take (`certificateRef`).
    pub fn certificate_ref(&self) -> CertificateReference {
        CertificateReference::from(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, Stack};

    #[test]
    fn import_is_a_construct_without_resources() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let cert = Certificate::from_certificate_arn(&stack, "Cert", "arn:x").unwrap();
        assert_eq!(cert.node().path(), "Stack/Cert");
        assert!(cert.node().children().is_empty());
        assert_eq!(cert.certificate_ref().certificate_arn, Value::from("arn:x"));
        assert!(Certificate::from_certificate_arn(&stack, "Cert", "arn:y").is_err());
    }
}
