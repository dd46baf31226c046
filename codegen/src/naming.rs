//! Rust names for CloudFormation names: fields, modules, types and enum variants.
//!
//! CloudFormation names are PascalCase with acronyms kept upper-case (`ProviderARNs`, `DNSName`,
//! `VPCId`, `IPv6Address`). [`words`] splits them so that an acronym stays one word, including a
//! trailing plural `s` or version letter (`ARNs`, `MBs`, `IPv6`), which naive converters break up
//! (rust-cfn turned `ProviderARNs` into `provider_ar_ns`).

/// Rust keywords (strict, reserved and edition-2018+ ones); a field with one of these names
/// gets a trailing underscore.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Method names of the generated builders (derive_builder) that a setter must not take.
const BUILDER_METHODS: &[&str] = &["build", "builder", "create_empty", "default"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Upper,
    Lower,
    Digit,
}

fn class(c: char) -> Class {
    if c.is_ascii_digit() {
        Class::Digit
    } else if c.is_uppercase() {
        Class::Upper
    } else {
        Class::Lower
    }
}

/// Splits a name into words, keeping acronyms whole.
///
/// Non-alphanumeric characters separate words. A new word starts at an upper-case letter that
/// follows a lower-case letter or a digit, and at the last letter of an upper-case run that is
/// followed by a lower-case word (`DNSName` = `DNS` + `Name`, `VPCId` = `VPC` + `Id`), except
/// a plural `s` or a version `v` (`ARNs`, `IPv6`), which stays with the acronym. Digits stay
/// with the word before them (`Ipv6`, `S3`).
pub fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for segment in name.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = segment.chars().collect();
        let mut word = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let cls = class(c);
            let prev = if i > 0 { Some(class(chars[i - 1])) } else { None };
            let mut split = false;
            if cls == Class::Upper {
                match prev {
                    Some(Class::Lower) | Some(Class::Digit) => split = true,
                    Some(Class::Upper) => {
                        // Last upper of a run followed by a lower-case word starts that word,
                        // unless the lower-case part is a single plural/version letter.
                        if let Some(next) = chars.get(i + 1) {
                            if class(*next) == Class::Lower && !single_letter_suffix(&chars, i + 1)
                            {
                                split = true;
                            }
                        }
                    }
                    _ => {}
                }
            }
            if split && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            word.push(c);
            i += 1;
        }
        if !word.is_empty() {
            out.push(word);
        }
    }
    out
}

/// Whether the lower-case letter at `i` belongs to the acronym before it: a plural `s` that
/// ends the word (`ARNs`, `MBs`) or a version `v` before a digit (`IPv6`).
fn single_letter_suffix(chars: &[char], i: usize) -> bool {
    let next = chars.get(i + 1).map(|c| class(*c));
    match chars[i] {
        's' => next.is_none() || next == Some(Class::Upper) || next == Some(Class::Digit),
        'v' => next == Some(Class::Digit),
        _ => false,
    }
}

/// `ProviderARNs` -> `provider_arns`, `RestApiId` -> `rest_api_id`, `type` -> `type_`.
///
/// Rust keywords and the builders' own method names get a trailing underscore.
pub fn field_name(cfn_name: &str) -> String {
    let snake = snake_case(cfn_name);
    let snake = if snake.is_empty() { "field".to_string() } else { snake };
    let snake =
        if snake.starts_with(|c: char| c.is_ascii_digit()) { format!("n{snake}") } else { snake };
    if KEYWORDS.contains(&snake.as_str()) || BUILDER_METHODS.contains(&snake.as_str()) {
        format!("{snake}_")
    } else {
        snake
    }
}

/// `VPCGatewayAttachment` -> `vpc_gateway_attachment` (module and file names).
pub fn module_name(type_name: &str) -> String {
    let snake = snake_case(type_name);
    if KEYWORDS.contains(&snake.as_str()) {
        format!("{snake}_")
    } else {
        snake
    }
}

/// Lower-case words joined by `_`.
pub fn snake_case(name: &str) -> String {
    words(name).iter().map(|w| w.to_lowercase()).collect::<Vec<_>>().join("_")
}

/// Each word capitalised, the rest lower-case: `DNSName` -> `DnsName`.
pub fn pascal_case(name: &str) -> String {
    words(name).iter().map(|w| capitalize(w)).collect()
}

fn capitalize(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A Rust type name for a schema name (definition or property): kept as written when it is
/// already a PascalCase identifier that is not all capitals (`SSESpecification`, `Tag`),
/// otherwise converted with [`pascal_case`] (`TTL` -> `Ttl`, `s3BackupMode` -> `S3BackupMode`).
pub fn type_name(name: &str) -> String {
    let valid = name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric());
    let all_caps = name.chars().filter(|c| c.is_ascii_lowercase()).count() == 0;
    let out = if valid && !(all_caps && name.chars().filter(char::is_ascii_uppercase).count() > 1) {
        name.to_string()
    } else {
        pascal_case(name)
    };
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        format!("T{out}")
    } else {
        out
    }
}

/// An enum variant name for an allowed string value: `STANDARD_IA` -> `StandardIa`,
/// `aws:kms` -> `AwsKms`, `python3.10` -> `Python3_10`, `SSE-C` -> `SseC`.
///
/// Digits on both sides of a separator keep an `_` between them so that versions stay
/// distinct; a value starting with a digit gets a `V` prefix; `Self` becomes `SelfValue`.
pub fn variant_name(value: &str) -> String {
    let mut out = String::new();
    for segment in value.split(|c: char| !c.is_ascii_alphanumeric()).filter(|s| !s.is_empty()) {
        if out.ends_with(|c: char| c.is_ascii_digit())
            && segment.starts_with(|c: char| c.is_ascii_digit())
        {
            out.push('_');
        }
        for w in words(segment) {
            out.push_str(&capitalize(&w));
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    if out == "Self" {
        out.push_str("Value");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_keep_acronyms_whole() {
        let cases = [
            ("ProviderARNs", "provider_arns"),
            ("RestApiId", "rest_api_id"),
            ("DNSName", "dns_name"),
            ("VPCId", "vpc_id"),
            ("Ipv6CidrBlock", "ipv6_cidr_block"),
            ("IPv6Address", "ipv6_address"),
            ("PrivateIPv4Address", "private_ipv4_address"),
            ("SizeInMBs", "size_in_mbs"),
            ("NotificationARNs", "notification_arns"),
            ("OKActions", "ok_actions"),
            ("KMSMasterKeyID", "kms_master_key_id"),
            ("CanonicalHostedZoneID", "canonical_hosted_zone_id"),
            ("s3BackupMode", "s3_backup_mode"),
            ("S3Key", "s3_key"),
            ("EnableResourceNameDnsAAAARecord", "enable_resource_name_dns_aaaa_record"),
            ("EnableResourceNameDnsARecord", "enable_resource_name_dns_a_record"),
            ("TTL", "ttl"),
            ("BucketName", "bucket_name"),
            ("SSESpecification", "sse_specification"),
            ("HECEndpoint", "hec_endpoint"),
            ("WebAuthnRelyingPartyID", "web_authn_relying_party_id"),
        ];
        for (cfn, rust) in cases {
            assert_eq!(field_name(cfn), rust, "{cfn}");
        }
    }

    #[test]
    fn keywords_and_builder_methods_get_an_underscore() {
        assert_eq!(field_name("Type"), "type_");
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("Match"), "match_");
        assert_eq!(field_name("Default"), "default_");
        assert_eq!(field_name("Build"), "build_");
        assert_eq!(field_name("Name"), "name");
    }

    #[test]
    fn module_names() {
        assert_eq!(module_name("Bucket"), "bucket");
        assert_eq!(module_name("RestApi"), "rest_api");
        assert_eq!(module_name("VPCGatewayAttachment"), "vpc_gateway_attachment");
        assert_eq!(module_name("VPC"), "vpc");
        assert_eq!(module_name("EIP"), "eip");
        assert_eq!(module_name("VPCEndpoint"), "vpc_endpoint");
        assert_eq!(module_name("SubnetRouteTableAssociation"), "subnet_route_table_association");
    }

    #[test]
    fn type_names() {
        assert_eq!(type_name("SSESpecification"), "SSESpecification");
        assert_eq!(type_name("Tag"), "Tag");
        assert_eq!(type_name("TTL"), "Ttl");
        assert_eq!(type_name("s3BackupMode"), "S3BackupMode");
        assert_eq!(type_name("Key-Value"), "KeyValue");
    }

    #[test]
    fn variant_names() {
        let cases = [
            ("Enabled", "Enabled"),
            ("STANDARD_IA", "StandardIa"),
            ("aws:kms", "AwsKms"),
            ("aws:kms:dsse", "AwsKmsDsse"),
            ("SSE-C", "SseC"),
            ("python3.10", "Python3_10"),
            ("python3.1", "Python3_1"),
            ("nodejs4.3-edge", "Nodejs4_3Edge"),
            ("V1_0", "V1_0"),
            ("x86_64", "X86_64"),
            ("Bits/Second", "BitsSecond"),
            ("GreaterThanOrEqualToThreshold", "GreaterThanOrEqualToThreshold"),
            ("internet-facing", "InternetFacing"),
            ("1", "V1"),
            ("self", "SelfValue"),
        ];
        for (value, variant) in cases {
            assert_eq!(variant_name(value), variant, "{value}");
        }
    }
}
