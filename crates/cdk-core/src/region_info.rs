//! What aws-cdk-lib's `region-info` knows of a region that synthesis needs: its partition.

/// The regions aws-cdk-lib 2.276.0's `RegionInfo` knows, with their partition
/// (`RegionInfo.get(region).partition`).
const REGION_PARTITIONS: &[(&str, &str)] = &[
    ("af-south-1", "aws"),
    ("ap-east-1", "aws"),
    ("ap-east-2", "aws"),
    ("ap-northeast-1", "aws"),
    ("ap-northeast-2", "aws"),
    ("ap-northeast-3", "aws"),
    ("ap-south-1", "aws"),
    ("ap-south-2", "aws"),
    ("ap-southeast-1", "aws"),
    ("ap-southeast-2", "aws"),
    ("ap-southeast-3", "aws"),
    ("ap-southeast-4", "aws"),
    ("ap-southeast-5", "aws"),
    ("ap-southeast-6", "aws"),
    ("ap-southeast-7", "aws"),
    ("ca-central-1", "aws"),
    ("ca-west-1", "aws"),
    ("cn-north-1", "aws-cn"),
    ("cn-northwest-1", "aws-cn"),
    ("eu-central-1", "aws"),
    ("eu-central-2", "aws"),
    ("eu-isoe-west-1", "aws-iso-e"),
    ("eu-north-1", "aws"),
    ("eu-south-1", "aws"),
    ("eu-south-2", "aws"),
    ("eu-west-1", "aws"),
    ("eu-west-2", "aws"),
    ("eu-west-3", "aws"),
    ("eusc-de-east-1", "aws-eusc"),
    ("il-central-1", "aws"),
    ("me-central-1", "aws"),
    ("me-south-1", "aws"),
    ("me-west-1", "aws"),
    ("mx-central-1", "aws"),
    ("sa-east-1", "aws"),
    ("us-east-1", "aws"),
    ("us-east-2", "aws"),
    ("us-gov-east-1", "aws-us-gov"),
    ("us-gov-west-1", "aws-us-gov"),
    ("us-iso-east-1", "aws-iso"),
    ("us-iso-west-1", "aws-iso"),
    ("us-isob-east-1", "aws-iso-b"),
    ("us-isob-west-1", "aws-iso-b"),
    ("us-isof-east-1", "aws-iso-f"),
    ("us-isof-south-1", "aws-iso-f"),
    ("us-west-1", "aws"),
    ("us-west-2", "aws"),
];

/// The partition of a known region (`RegionInfo.get(region).partition`), `None` for a
/// region aws-cdk-lib does not know.
///
/// ```
/// assert_eq!(cdk_core::region_info::partition("us-east-1"), Some("aws"));
/// assert_eq!(cdk_core::region_info::partition("cn-north-1"), Some("aws-cn"));
/// assert_eq!(cdk_core::region_info::partition("xx-nowhere-1"), None);
/// ```
pub fn partition(region: &str) -> Option<&'static str> {
    REGION_PARTITIONS
        .binary_search_by(|(r, _)| (*r).cmp(region))
        .ok()
        .map(|i| REGION_PARTITIONS[i].1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(super::REGION_PARTITIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(super::partition("us-gov-west-1"), Some("aws-us-gov"));
        assert_eq!(super::partition("eusc-de-east-1"), Some("aws-eusc"));
    }

    #[test]
    fn stack_partition_is_literal_only_with_the_flag_and_a_known_region() {
        use crate::{App, AppProps, Environment, Flags, Stack, StackProps, Value};
        let stack = |app: &App, id: &str, region: &str| {
            let env = Environment { account: None, region: Some(region.into()) };
            Stack::with_props(app, id, StackProps::builder().env(env)).unwrap()
        };
        let app = App::new();
        assert_eq!(stack(&app, "Cn", "cn-north-1").partition(), Value::from("aws-cn"));
        assert_eq!(stack(&app, "Unknown", "xx-nowhere-1").partition(), crate::Aws::partition());
        assert_eq!(Stack::new(&app, "Agnostic").unwrap().partition(), crate::Aws::partition());
        let legacy = App::with_props(AppProps::builder().flags(Flags::None));
        assert_eq!(stack(&legacy, "Legacy", "us-east-1").partition(), crate::Aws::partition());
    }
}
