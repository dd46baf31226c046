//! Rate-limited API keys (`RateLimitedApiKey` of `api-key.ts`): an [`ApiKey`] plus a usage
//! plan of its own that applies the given stages, quota and throttling to it.

use cdk_core::{Construct, Error, IntoProps, Node, Value};

use crate::{
    ApiKey, ApiKeyProps, IApiKey, QuotaSettings, StageReference, ThrottleSettings, UsagePlan,
    UsagePlanPerApiStage, UsagePlanProps,
};

/// Properties of a [`RateLimitedApiKey`] (`RateLimitedApiKeyProps`): those of an
/// [`ApiKeyProps`] plus the usage plan's.
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct RateLimitedApiKeyProps {
    /// The key's name (`Name`). Default: a name CloudFormation generates.
    #[builder(default)]
    pub api_key_name: Option<Value>,
    /// The key's value, at least 20 characters (`Value`). Default: a value API Gateway
    /// generates.
    #[builder(default)]
    pub value: Option<Value>,
    /// The key's description. Default: none.
    #[builder(default)]
    pub description: Option<Value>,
    /// The APIs whose deployment stages the key is for (`resources`, deprecated in CDK in
    /// favour of `stages`); exclusive with `stages`. Default: none.
    #[builder(default, setter(custom))]
    pub resources: Vec<crate::ApiHandle>,
    /// The stages the key is for (`StageKeys`): any stages by reference. Default: none.
    #[builder(default, setter(custom))]
    pub stages: Vec<StageReference>,
    /// An AWS Marketplace customer identifier (`CustomerId`). Default: none.
    #[builder(default)]
    pub customer_id: Option<Value>,
    /// Whether clients can use the key (`Enabled`). Default: true.
    #[builder(default)]
    pub enabled: Option<bool>,
    /// Whether the key identifier differs from the key value (`GenerateDistinctId`).
    /// Default: false (left to CloudFormation).
    #[builder(default)]
    pub generate_distinct_id: Option<bool>,
    /// The stages of the key's usage plan (`apiStages`). Default: none.
    #[builder(default, setter(custom))]
    pub api_stages: Vec<UsagePlanPerApiStage>,
    /// Requests allowed per period. Default: none.
    #[builder(default)]
    pub quota: Option<QuotaSettings>,
    /// Overall request rate limits. Default: none.
    #[builder(default)]
    pub throttle: Option<ThrottleSettings>,
}

cdk_core::impl_props!(RateLimitedApiKeyProps, RateLimitedApiKeyPropsBuilder);

impl RateLimitedApiKeyPropsBuilder {
    /// The APIs whose deployment stages the key is for (`resources`): any iterator of APIs
    /// by reference (`[&api]`); exclusive with `stages`. Default: none.
    pub fn resources<A: Into<crate::ApiHandle>>(
        mut self,
        apis: impl IntoIterator<Item = A>,
    ) -> Self {
        self.resources.get_or_insert_with(Vec::new).extend(apis.into_iter().map(Into::into));
        self
    }

    /// The stages the key is for (`StageKeys`): any iterator of stages by reference
    /// (`[&stage]`) or of [`StageReference`]s. Default: none.
    pub fn stages<S: Into<StageReference>>(mut self, stages: impl IntoIterator<Item = S>) -> Self {
        self.stages.get_or_insert_with(Vec::new).extend(stages.into_iter().map(Into::into));
        self
    }

    /// The stages of the key's usage plan (`apiStages`): any iterator of
    /// [`UsagePlanPerApiStage`]. Default: none.
    pub fn api_stages(mut self, stages: impl IntoIterator<Item = UsagePlanPerApiStage>) -> Self {
        self.api_stages.get_or_insert_with(Vec::new).extend(stages);
        self
    }
}

/// An API key with its own usage plan (`RateLimitedApiKey`): the key is the child `Resource`
/// ([`ApiKey`]); the plan, `UsagePlanResource`, exists when stages, a quota or a throttle
/// are given.
#[derive(Clone, Debug)]
pub struct RateLimitedApiKey {
    node: Node,
    api_key: ApiKey,
    usage_plan: Option<UsagePlan>,
}

impl Construct for RateLimitedApiKey {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IApiKey for RateLimitedApiKey {
    fn key_id(&self) -> Value {
        self.api_key.key_id()
    }

    fn key_arn(&self) -> Value {
        self.api_key.key_arn()
    }
}

impl RateLimitedApiKey {
    /// Defines the key and, when stages, a quota or a throttle are given, its usage plan;
    /// `props` is a [`RateLimitedApiKeyProps`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the key's path; errors of [`ApiKey::new`] and
    /// [`UsagePlan::new`].
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<RateLimitedApiKeyProps>,
    ) -> Result<RateLimitedApiKey, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.RateLimitedApiKey", crate::FQN));
        let key_props = ApiKeyProps {
            api_key_name: props.api_key_name,
            value: props.value,
            description: props.description,
            resources: props.resources,
            stages: props.stages,
            customer_id: props.customer_id,
            enabled: props.enabled,
            generate_distinct_id: props.generate_distinct_id,
        };
        let api_key = ApiKey::new(&node, "Resource", key_props)?;
        let usage_plan =
            if !props.api_stages.is_empty() || props.quota.is_some() || props.throttle.is_some() {
                let plan_props = UsagePlanProps {
                    api_stages: props.api_stages,
                    quota: props.quota,
                    throttle: props.throttle,
                    ..UsagePlanProps::default()
                };
                let plan = UsagePlan::new(&node, "UsagePlanResource", plan_props)?;
                plan.add_api_key(&api_key)?;
                Some(plan)
            } else {
                None
            };
        Ok(RateLimitedApiKey { node, api_key, usage_plan })
    }

    /// The key.
    pub fn api_key(&self) -> &ApiKey {
        &self.api_key
    }

    /// The key's usage plan, if one was made.
    pub fn usage_plan(&self) -> Option<&UsagePlan> {
        self.usage_plan.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, Stack};

    #[test]
    fn plan_only_when_limits_or_stages_are_given() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let bare =
            RateLimitedApiKey::new(&stack, "bare", RateLimitedApiKeyProps::default()).unwrap();
        assert!(bare.usage_plan().is_none());
        assert_eq!(bare.api_key().node().path(), "Stack/bare/Resource");
        let limited = RateLimitedApiKey::new(
            &stack,
            "limited",
            RateLimitedApiKeyProps::builder()
                .throttle(ThrottleSettings::builder().rate_limit(1.0).build().unwrap()),
        )
        .unwrap();
        let plan = limited.usage_plan().unwrap();
        assert_eq!(plan.node().path(), "Stack/limited/UsagePlanResource");
        let ids: Vec<String> = plan.node().children().iter().map(|c| c.id()).collect();
        // the key's unique id is that of its `Resource` (`Stack/limited/Resource`)
        assert_eq!(ids, ["Resource", "UsagePlanKeyResource:Stacklimited4F6BB154"]);
    }
}
