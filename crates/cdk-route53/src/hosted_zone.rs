//! Hosted zones (`hosted-zone.ts`): imports by id (`fromHostedZoneId`) or by id and name
//! (`fromHostedZoneAttributes`). Zones are not created by this port.

use cdk_core::{ArnComponents, Construct, Error, Node, Value};

/// What identifies an existing hosted zone (`HostedZoneAttributes`).
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct HostedZoneAttributes {
    /// The zone's id (`Z1234567890ABC`). Required.
    pub hosted_zone_id: Value,
    /// The zone's domain name (`example.com`). Required.
    pub zone_name: String,
}
cdk_core::impl_props!(HostedZoneAttributes, HostedZoneAttributesBuilder);

/// A Route 53 hosted zone (`IHostedZone`), imported: a construct without resources.
#[derive(Clone, Debug)]
pub struct HostedZone {
    node: Node,
    hosted_zone_id: Value,
    zone_name: Option<String>,
}

impl Construct for HostedZone {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl HostedZone {
    /// Imports a zone by id (`fromHostedZoneId`); its name is unknown, so records that need
    /// it fail ([`HostedZone::zone_name`]).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_hosted_zone_id(
        scope: &impl Construct,
        id: &str,
        hosted_zone_id: impl Into<Value>,
    ) -> Result<HostedZone, Error> {
        Self::import(scope, id, hosted_zone_id.into(), None)
    }

    /// Imports a zone by id and name (`fromHostedZoneAttributes`).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_hosted_zone_attributes(
        scope: &impl Construct,
        id: &str,
        attributes: impl cdk_core::IntoProps<HostedZoneAttributes>,
    ) -> Result<HostedZone, Error> {
        let attributes = attributes.into_props_at(&scope.node().child_path(id))?;
        Self::import(scope, id, attributes.hosted_zone_id, Some(attributes.zone_name))
    }

    fn import(
        scope: &impl Construct,
        id: &str,
        hosted_zone_id: Value,
        zone_name: Option<String>,
    ) -> Result<HostedZone, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.Resource");
        Ok(HostedZone { node, hosted_zone_id, zone_name })
    }

    /// The zone's id.
    pub fn hosted_zone_id(&self) -> Value {
        self.hosted_zone_id.clone()
    }

    /// The zone's domain name (`zoneName`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the zone when it was imported by id only
    /// (`CannotReferenceZoneNameHosted`).
    pub fn zone_name(&self) -> Result<String, Error> {
        self.zone_name.clone().ok_or_else(|| Error::InvalidArgument {
            path: self.node.path(),
            message: "Cannot reference `zoneName` when using `HostedZone.fromHostedZoneId()`. A construct consuming this hosted zone may be trying to reference its `zoneName`. If this is the case, use `fromHostedZoneAttributes()` or `fromLookup()` instead.".into(),
        })
    }

    /// The zone's ARN: `arn:<partition>:route53:::hostedzone/<id>` (`hostedZoneArn`).
    ///
    /// # Errors
    /// [`Error::NoStack`] outside a stack.
    pub fn hosted_zone_arn(&self) -> Result<Value, Error> {
        let stack = self.node.stack()?;
        Ok(stack.format_arn(
            &ArnComponents::new("route53", "hostedzone")
                .resource_name(self.hosted_zone_id.clone())
                .account("")
                .region(""),
        ))
    }
}

impl From<&HostedZone> for HostedZone {
    /// A handle to the same HostedZone (handles are cheap to clone), so setters take `&x`.
    fn from(x: &HostedZone) -> HostedZone {
        x.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, Stack};

    #[test]
    fn zone_name_of_an_id_only_import_is_an_error() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let zone = HostedZone::from_hosted_zone_id(&stack, "Zone", "Z1").unwrap();
        let e = zone.zone_name().unwrap_err().to_string();
        assert!(e.starts_with("Stack/Zone: Cannot reference `zoneName`"), "{e}");
        let named = HostedZone::from_hosted_zone_attributes(
            &stack,
            "Named",
            HostedZoneAttributes::builder().hosted_zone_id("Z2").zone_name("example.com"),
        )
        .unwrap();
        assert_eq!(named.zone_name().unwrap(), "example.com");
        assert_eq!(named.hosted_zone_id(), Value::from("Z2"));
        assert!(named.hosted_zone_arn().is_ok());
    }
}
