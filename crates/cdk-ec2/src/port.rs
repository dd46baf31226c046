//! Ports of security group rules (`aws-ec2/lib/port.ts`): a protocol and a port range, with
//! the text CDK uses in rule descriptions and construct ids.

/// A protocol and port range a security group rule allows (`ec2.Port`).
///
/// ```
/// use cdk_ec2::Port;
/// assert_eq!(Port::tcp(443).to_string(), "443");
/// assert_eq!(Port::udp_range(1, 2).to_string(), "UDP 1-2");
/// assert_eq!(Port::all_traffic().to_string(), "ALL TRAFFIC");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Port {
    protocol: &'static str,
    from_port: Option<i64>,
    to_port: Option<i64>,
    text: String,
}

impl Port {
    /// SSH, TCP 22 (`Port.SSH`).
    pub const SSH: u16 = 22;
    /// HTTP, TCP 80 (`Port.HTTP`): use `Port::tcp(Port::HTTP)`.
    pub const HTTP: u16 = 80;
    /// HTTPS, TCP 443 (`Port.HTTPS`): use `Port::tcp(Port::HTTPS)`.
    pub const HTTPS: u16 = 443;
    /// PostgreSQL, TCP 5432 (`Port.POSTGRES`).
    pub const POSTGRES: u16 = 5432;

    fn new(protocol: &'static str, from: Option<i64>, to: Option<i64>, text: String) -> Port {
        Port { protocol, from_port: from, to_port: to, text }
    }

    /// One TCP port (`Port.tcp`).
    pub fn tcp(port: u16) -> Port {
        Port::new("tcp", Some(port.into()), Some(port.into()), port.to_string())
    }

    /// A range of TCP ports (`Port.tcpRange`).
    pub fn tcp_range(start: u16, end: u16) -> Port {
        Port::new("tcp", Some(start.into()), Some(end.into()), format!("{start}-{end}"))
    }

    /// Every TCP port (`Port.allTcp`).
    pub fn all_tcp() -> Port {
        Port::new("tcp", Some(0), Some(65535), "ALL PORTS".into())
    }

    /// One UDP port (`Port.udp`).
    pub fn udp(port: u16) -> Port {
        Port::new("udp", Some(port.into()), Some(port.into()), format!("UDP {port}"))
    }

    /// A range of UDP ports (`Port.udpRange`).
    pub fn udp_range(start: u16, end: u16) -> Port {
        Port::new("udp", Some(start.into()), Some(end.into()), format!("UDP {start}-{end}"))
    }

    /// Every UDP port (`Port.allUdp`).
    pub fn all_udp() -> Port {
        Port::new("udp", Some(0), Some(65535), "UDP ALL PORTS".into())
    }

    /// ICMP echo requests (`Port.icmpPing`).
    pub fn icmp_ping() -> Port {
        Port::new("icmp", Some(8), Some(-1), "ICMP Type 8".into())
    }

    /// Every ICMP type (`Port.allIcmp`).
    pub fn all_icmp() -> Port {
        Port::new("icmp", Some(-1), Some(-1), "ALL ICMP".into())
    }

    /// All traffic, any protocol (`Port.allTraffic`).
    pub fn all_traffic() -> Port {
        Port::new("-1", None, None, "ALL TRAFFIC".into())
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
        f.write_str(&self.text)
    }
}
