//! Ports of security group rules (`aws-ec2/lib/port.ts`): a protocol and a port range, with
//! the text CDK uses in rule descriptions and construct ids.

/// A protocol and port range a security group rule allows (`ec2.Port`).
///
/// ```
/// use cdk_ec2::Port;
/// assert_eq!(Port::tcp(443).to_string(), "443");
/// assert_eq!(Port::udp_range(1, 2).to_string(), "UDP 1-2");
/// assert_eq!(Port::all_traffic().to_string(), "ALL TRAFFIC");
/// assert_eq!(Port::HTTPS, Port::tcp(443));
/// assert_eq!(Port::all_udp().to_string(), "UDP ALL PORTS");
/// assert_eq!(Port::icmp_type_and_code(3, 4).to_string(), "ICMP Type 3 Code 4");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Port {
    protocol: &'static str,
    from_port: Option<i64>,
    to_port: Option<i64>,
    text: Text,
}

/// How a port renders as text (`stringRepresentation`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Text {
    Single,
    Range,
    AllPorts,
    IcmpType,
    IcmpTypeAndCode,
    AllIcmp,
    AllTraffic,
}

impl Port {
    /// SSH, TCP 22 (`Port.SSH`).
    pub const SSH: Port = Port::tcp(22);
    /// SMTP, TCP 25 (`Port.SMTP`).
    pub const SMTP: Port = Port::tcp(25);
    /// DNS over UDP, UDP 53 (`Port.DNS_UDP`).
    pub const DNS_UDP: Port = Port::udp(53);
    /// DNS over TCP, TCP 53 (`Port.DNS_TCP`).
    pub const DNS_TCP: Port = Port::tcp(53);
    /// HTTP, TCP 80 (`Port.HTTP`).
    pub const HTTP: Port = Port::tcp(80);
    /// HTTPS, TCP 443 (`Port.HTTPS`).
    pub const HTTPS: Port = Port::tcp(443);
    /// MySQL / Aurora, TCP 3306 (`Port.MYSQL_AURORA`).
    pub const MYSQL_AURORA: Port = Port::tcp(3306);
    /// PostgreSQL, TCP 5432 (`Port.POSTGRES`).
    pub const POSTGRES: Port = Port::tcp(5432);

    const fn new(protocol: &'static str, from: Option<i64>, to: Option<i64>, text: Text) -> Port {
        Port { protocol, from_port: from, to_port: to, text }
    }

    /// One TCP port (`Port.tcp`).
    pub const fn tcp(port: u16) -> Port {
        Port::new("tcp", Some(port as i64), Some(port as i64), Text::Single)
    }

    /// A range of TCP ports (`Port.tcpRange`).
    pub const fn tcp_range(start: u16, end: u16) -> Port {
        Port::new("tcp", Some(start as i64), Some(end as i64), Text::Range)
    }

    /// Every TCP port (`Port.allTcp`).
    pub const fn all_tcp() -> Port {
        Port::new("tcp", Some(0), Some(65535), Text::AllPorts)
    }

    /// One UDP port (`Port.udp`).
    pub const fn udp(port: u16) -> Port {
        Port::new("udp", Some(port as i64), Some(port as i64), Text::Single)
    }

    /// A range of UDP ports (`Port.udpRange`).
    pub const fn udp_range(start: u16, end: u16) -> Port {
        Port::new("udp", Some(start as i64), Some(end as i64), Text::Range)
    }

    /// Every UDP port (`Port.allUdp`).
    pub const fn all_udp() -> Port {
        Port::new("udp", Some(0), Some(65535), Text::AllPorts)
    }

    /// An ICMP type, any code (`Port.icmpType`).
    pub const fn icmp_type(icmp_type: u8) -> Port {
        Port::new("icmp", Some(icmp_type as i64), Some(-1), Text::IcmpType)
    }

    /// An ICMP type and code (`Port.icmpTypeAndCode`).
    pub const fn icmp_type_and_code(icmp_type: u8, code: u8) -> Port {
        Port::new("icmp", Some(icmp_type as i64), Some(code as i64), Text::IcmpTypeAndCode)
    }

    /// ICMP echo requests, type 8 (`Port.icmpPing`).
    pub const fn icmp_ping() -> Port {
        Port::icmp_type(8)
    }

    /// Every ICMP type (`Port.allIcmp`).
    pub const fn all_icmp() -> Port {
        Port::new("icmp", Some(-1), Some(-1), Text::AllIcmp)
    }

    /// All traffic, any protocol (`Port.allTraffic`).
    pub const fn all_traffic() -> Port {
        Port::new("-1", None, None, Text::AllTraffic)
    }

    /// The protocol as a rule renders it (`tcp`, `udp`, `icmp`, `-1`).
    pub fn protocol(&self) -> &str {
        self.protocol
    }

    /// The first port (or ICMP type), if any.
    pub fn from_port(&self) -> Option<i64> {
        self.from_port
    }

    /// The last port (or ICMP code), if any.
    pub fn to_port(&self) -> Option<i64> {
        self.to_port
    }
}

impl std::fmt::Display for Port {
    /// The text CDK uses in rule descriptions and ids (`toString`): `443`, `8000-8080`,
    /// `UDP 53`, `ALL PORTS`, `ALL TRAFFIC`, ...
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let udp = if self.protocol == "udp" { "UDP " } else { "" };
        let from = self.from_port.unwrap_or_default();
        let to = self.to_port.unwrap_or_default();
        match self.text {
            Text::Single => write!(f, "{udp}{from}"),
            Text::Range => write!(f, "{udp}{from}-{to}"),
            Text::AllPorts => write!(f, "{udp}ALL PORTS"),
            Text::IcmpType => write!(f, "ICMP Type {from}"),
            Text::IcmpTypeAndCode => write!(f, "ICMP Type {from} Code {to}"),
            Text::AllIcmp => f.write_str("ALL ICMP"),
            Text::AllTraffic => f.write_str("ALL TRAFFIC"),
        }
    }
}
