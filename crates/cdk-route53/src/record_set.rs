//! Record sets (`record-set.ts`): a record of a hosted zone ([`RecordSet`]) pointing at
//! values or at an alias target ([`RecordTarget`]), and the typed records [`ARecord`] and
//! [`AaaaRecord`].
//!
//! Of `RecordSetOptions` this port takes the zone, the record name, the TTL and the comment;
//! routing policies (weights, regions, geolocation, failover) are not ported.

use std::fmt;
use std::rc::Rc;
use std::time::Duration;

use cdk_core::{Construct, Error, Node, Value};
use cfn_route53::record_set::AliasTarget;
use cfn_route53::{CfnRecordSet, CfnRecordSetProps};

use crate::{HostedZone, IAliasRecordTarget};

/// The type of a DNS record (`RecordType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum RecordType {
    A,
    #[doc(alias = "AAAA")]
    Aaaa,
    #[doc(alias = "CAA")]
    Caa,
    #[doc(alias = "CNAME")]
    Cname,
    #[doc(alias = "DS")]
    Ds,
    #[doc(alias = "HTTPS")]
    Https,
    #[doc(alias = "MX")]
    Mx,
    #[doc(alias = "NAPTR")]
    Naptr,
    #[doc(alias = "NS")]
    Ns,
    #[doc(alias = "PTR")]
    Ptr,
    #[doc(alias = "SOA")]
    Soa,
    #[doc(alias = "SPF")]
    Spf,
    #[doc(alias = "SRV")]
    Srv,
    #[doc(alias = "SSHFP")]
    Sshfp,
    #[doc(alias = "SVCB")]
    Svcb,
    #[doc(alias = "TLSA")]
    Tlsa,
    #[doc(alias = "TXT")]
    Txt,
}

impl From<RecordType> for cdk_core::Value {
    fn from(v: RecordType) -> cdk_core::Value {
        cdk_core::Value::from(v.as_str())
    }
}

impl RecordType {
    /// The CloudFormation value (`A`, `AAAA`, ...).
    pub fn as_str(self) -> &'static str {
        use RecordType::*;
        match self {
            A => "A",
            Aaaa => "AAAA",
            Caa => "CAA",
            Cname => "CNAME",
            Ds => "DS",
            Https => "HTTPS",
            Mx => "MX",
            Naptr => "NAPTR",
            Ns => "NS",
            Ptr => "PTR",
            Soa => "SOA",
            Spf => "SPF",
            Srv => "SRV",
            Sshfp => "SSHFP",
            Svcb => "SVCB",
            Tlsa => "TLSA",
            Txt => "TXT",
        }
    }
}

/// What a record points at (`RecordTarget`): values, or an alias target.
#[derive(Clone)]
pub struct RecordTarget {
    values: Option<Vec<Value>>,
    alias_target: Option<Rc<dyn IAliasRecordTarget>>,
}

impl fmt::Debug for RecordTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.values, &self.alias_target) {
            (Some(v), _) => f.debug_tuple("RecordTarget::Values").field(v).finish(),
            _ => f.write_str("RecordTarget::Alias"),
        }
    }
}

impl RecordTarget {
    /// Record values (`fromValues`).
    pub fn from_values<I, V>(values: I) -> Self
    where
        I: IntoIterator<Item = V>,
        V: Into<Value>,
    {
        RecordTarget {
            values: Some(values.into_iter().map(Into::into).collect()),
            alias_target: None,
        }
    }

    /// IP addresses (`fromIpAddresses`).
    pub fn from_ip_addresses<I, V>(addresses: I) -> Self
    where
        I: IntoIterator<Item = V>,
        V: Into<Value>,
    {
        Self::from_values(addresses)
    }

    /// An alias target (`fromAlias`).
    pub fn from_alias(target: impl IAliasRecordTarget + 'static) -> Self {
        RecordTarget { values: None, alias_target: Some(Rc::new(target)) }
    }

    /// Whether this is an alias target.
    pub fn is_alias(&self) -> bool {
        self.alias_target.is_some()
    }
}

/// Options of a [`RecordSet`] (`RecordSetProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct RecordSetProps {
    /// The hosted zone of the record. Required.
    pub zone: HostedZone,
    /// The record type. Required.
    pub record_type: RecordType,
    /// What the record points at. Required.
    pub target: RecordTarget,
    /// The record name, relative to the zone (`www`) or fully qualified (ending in `.`).
    /// Default: the zone's root.
    #[builder(default)]
    pub record_name: Option<String>,
    /// Time to live, in whole seconds; ignored for alias targets. Default: 30 minutes.
    #[builder(default)]
    pub ttl: Option<Duration>,
    /// A comment. Default: none.
    #[builder(default)]
    pub comment: Option<String>,
}
cdk_core::impl_props!(RecordSetProps, RecordSetPropsBuilder);

/// A record set of a hosted zone (`RecordSet`).
#[derive(Clone, Debug)]
pub struct RecordSet {
    node: Node,
    resource: CfnRecordSet,
}

impl Construct for RecordSet {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl RecordSet {
    /// Defines a record set.
    ///
    /// # Errors
    /// Id errors from the tree; [`Error::InvalidArgument`] for a TTL that is not a whole
    /// number of seconds, a zone imported without its name (when the record name is not
    /// fully qualified), or an alias target that cannot bind.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<RecordSetProps>,
    ) -> Result<RecordSet, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let common = Common {
            zone: props.zone,
            target: props.target,
            record_name: props.record_name,
            ttl: props.ttl,
            comment: props.comment,
        };
        Self::create(scope, id, "RecordSet", props.record_type, common)
    }

    fn create(
        scope: &impl Construct,
        id: &str,
        class: &str,
        record_type: RecordType,
        props: Common,
    ) -> Result<RecordSet, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.{class}", crate::FQN));
        let ttl = match (&props.target.alias_target, props.ttl) {
            (Some(_), _) => None,
            (None, ttl) => Some(ttl_seconds(&node, ttl)?),
        };
        let provided = match props.record_name.as_deref() {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => props.zone.zone_name()?,
        };
        let name = determine_fully_qualified_domain_name(&provided, &props.zone)?;
        let alias_target = match &props.target.alias_target {
            Some(target) => {
                let config = target.bind(&node, Some(&props.zone))?;
                let mut alias = AliasTarget::builder()
                    .dns_name(config.dns_name)
                    .hosted_zone_id(config.hosted_zone_id)
                    .build()
                    .map_err(|source| Error::Build { path: node.path(), source })?;
                alias.evaluate_target_health = config.evaluate_target_health.map(Value::Bool);
                Some(Value::from(alias))
            }
            None => None,
        };
        let mut l1 = CfnRecordSetProps::builder()
            .name(name)
            .type_(record_type.as_str())
            .build()
            .map_err(|source| Error::Build { path: node.path(), source })?;
        l1.hosted_zone_id = Some(props.zone.hosted_zone_id());
        l1.resource_records = props.target.values.clone().map(Value::Array);
        l1.alias_target = alias_target;
        l1.ttl = ttl.map(|s| Value::String(s.to_string()));
        l1.comment = props.comment.map(Value::String);
        let resource = CfnRecordSet::new(&node, "Resource", l1)?;
        Ok(RecordSet { node, resource })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnRecordSet {
        &self.resource
    }

    /// The record's domain name (`Ref`).
    pub fn domain_name(&self) -> Value {
        self.resource.ref_()
    }
}

/// The fields [`RecordSet`], [`ARecord`] and [`AaaaRecord`] share.
struct Common {
    zone: HostedZone,
    target: RecordTarget,
    record_name: Option<String>,
    ttl: Option<Duration>,
    comment: Option<String>,
}

/// `ttl.toSeconds()`, 1800 when unset.
fn ttl_seconds(node: &Node, ttl: Option<Duration>) -> Result<u64, Error> {
    let Some(ttl) = ttl else { return Ok(1800) };
    if ttl.subsec_nanos() != 0 {
        return Err(Error::InvalidArgument {
            path: node.path(),
            message: format!(
                "'{} millis' cannot be converted into a whole number of seconds.",
                ttl.as_millis()
            ),
        });
    }
    Ok(ttl.as_secs())
}

/// `determineFullyQualifiedDomainName` (`util.ts`): a name ending in `.` is kept; the zone
/// name itself or a name already ending in it gets a `.`; others get `.<zone>.` appended.
fn determine_fully_qualified_domain_name(
    provided: &str,
    zone: &HostedZone,
) -> Result<String, Error> {
    if provided.ends_with('.') {
        return Ok(provided.to_string());
    }
    let zone_name = zone.zone_name()?;
    let zone_name = zone_name.strip_suffix('.').unwrap_or(&zone_name);
    let suffix = format!(".{zone_name}");
    Ok(if provided.ends_with(&suffix) || provided == zone_name {
        format!("{provided}.")
    } else {
        format!("{provided}{suffix}.")
    })
}

macro_rules! typed_record {
    ($(#[$doc:meta])* $name:ident, $props:ident, $builder:ident, $class:literal, $type:expr) => {
        #[doc = concat!("Options of an [`", stringify!($name), "`] (`", $class, "Props`).")]
        #[derive(Clone, Debug, derive_builder::Builder)]
        #[builder(
            pattern = "owned",
            setter(into, strip_option),
            build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
        )]
        #[non_exhaustive]
        pub struct $props {
            /// The hosted zone of the record. Required.
            pub zone: HostedZone,
            /// What the record points at. Required.
            pub target: RecordTarget,
            /// The record name, relative to the zone (`www`) or fully qualified (ending in
            /// `.`). Default: the zone's root.
            #[builder(default)]
            pub record_name: Option<String>,
            /// Time to live, in whole seconds; ignored for alias targets. Default: 30 minutes.
            #[builder(default)]
            pub ttl: Option<Duration>,
            /// A comment. Default: none.
            #[builder(default)]
            pub comment: Option<String>,
        }

        cdk_core::impl_props!($props, $builder);

        $(#[$doc])*
        #[derive(Clone, Debug)]
        pub struct $name(RecordSet);

        impl Construct for $name {
            fn node(&self) -> &Node {
                self.0.node()
            }
        }

        impl std::ops::Deref for $name {
            type Target = RecordSet;
            fn deref(&self) -> &RecordSet {
                &self.0
            }
        }

        impl $name {
            /// Defines the record; `props` is the props or their unfinished builder.
            ///
            /// # Errors
            /// A builder error naming the record's path; as [`RecordSet::new`].
            pub fn new(
                scope: &impl Construct,
                id: &str,
                props: impl cdk_core::IntoProps<$props>,
            ) -> Result<$name, Error> {
                let props = props.into_props_at(&scope.node().child_path(id))?;
                let common = Common {
                    zone: props.zone,
                    target: props.target,
                    record_name: props.record_name,
                    ttl: props.ttl,
                    comment: props.comment,
                };
                RecordSet::create(scope, id, $class, $type, common).map($name)
            }
        }
    };
}

typed_record!(
    /// An `A` record: IPv4 addresses or an alias (`ARecord`).
    ARecord,
    ARecordProps,
    ARecordPropsBuilder,
    "ARecord",
    RecordType::A
);

typed_record!(
    /// An `AAAA` record: IPv6 addresses or an alias (`AaaaRecord`).
    AaaaRecord,
    AaaaRecordProps,
    AaaaRecordPropsBuilder,
    "AaaaRecord",
    RecordType::Aaaa
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AliasRecordTargetConfig, HostedZoneAttributes};
    use cdk_core::{App, Stack};

    struct Target;
    impl IAliasRecordTarget for Target {
        fn bind(
            &self,
            _record: &Node,
            _zone: Option<&HostedZone>,
        ) -> Result<AliasRecordTargetConfig, Error> {
            Ok(AliasRecordTargetConfig::new("d.example.net", "Z9").evaluate_target_health(true))
        }
    }

    fn setup() -> (App, Stack, HostedZone) {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let zone = HostedZone::from_hosted_zone_attributes(
            &stack,
            "Zone",
            HostedZoneAttributes::builder().hosted_zone_id("Z1").zone_name("example.com."),
        )
        .unwrap();
        (app, stack, zone)
    }

    #[test]
    fn fully_qualified_names() {
        let (_app, _stack, zone) = setup();
        let f = |p| determine_fully_qualified_domain_name(p, &zone).unwrap();
        assert_eq!(f("www"), "www.example.com.");
        assert_eq!(f("www.example.com"), "www.example.com.");
        assert_eq!(f("example.com"), "example.com.");
        assert_eq!(f("other.org."), "other.org.");
    }

    #[test]
    fn ttl_must_be_whole_seconds() {
        let (_app, stack, zone) = setup();
        let props = |ttl| {
            ARecordProps::builder()
                .zone(zone.clone())
                .target(RecordTarget::from_ip_addresses(["192.0.2.1"]))
                .ttl(ttl)
                .build()
                .unwrap()
        };
        let e = ARecord::new(&stack, "Bad", props(Duration::from_millis(1500))).unwrap_err();
        assert!(e.to_string().starts_with("Stack/Bad: '1500 millis'"), "{e}");
        let ok = ARecord::new(&stack, "Ok", props(Duration::from_secs(60))).unwrap();
        assert_eq!(ok.resource().property("TTL"), Some(Value::from("60")));
    }

    #[test]
    fn alias_records_and_id_only_zones() {
        let (_app, stack, zone) = setup();
        let record = AaaaRecord::new(
            &stack,
            "Alias",
            AaaaRecordProps::builder()
                .zone(zone)
                .target(RecordTarget::from_alias(Target))
                .build()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(record.node().path(), "Stack/Alias");
        let by_id = HostedZone::from_hosted_zone_id(&stack, "ById", "Z2").unwrap();
        let props = |name: Option<&str>| {
            let b = RecordSetProps::builder()
                .zone(by_id.clone())
                .record_type(RecordType::Txt)
                .target(RecordTarget::from_values(["\"v\""]));
            match name {
                Some(n) => b.record_name(n),
                None => b,
            }
            .build()
            .unwrap()
        };
        let e = RecordSet::new(&stack, "NoName", props(None)).unwrap_err();
        assert!(e.to_string().starts_with("Stack/ById: Cannot reference"), "{e}");
        assert!(RecordSet::new(&stack, "Fqdn", props(Some("txt.example.com."))).is_ok());
    }
}
