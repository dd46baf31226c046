//! Usage plans (`usage-plan.ts`): [`UsagePlan`] (`AWS::ApiGateway::UsagePlan`) with its
//! stages, quota and throttling, the keys added to it (`AWS::ApiGateway::UsagePlanKey`),
//! imported plans ([`UsagePlan::from_usage_plan_id`]) and `RestApi.addUsagePlan`.
//!
//! As in aws-cdk-lib, the plan's `ApiStages` are rendered lazily, so that
//! [`UsagePlan::add_api_stage`] works after construction, and a usage plan key's construct id
//! is `UsagePlanKeyResource:<unique id of the key>` (the `usagePlanKeyOrderInsensitiveId`
//! behaviour, always on in aws-cdk-lib v2). Usage plans and keys add nothing to the
//! deployment hash.
//!
//! Limits that must be integers (burst limits, quota limits and offsets) are `u32`, so
//! aws-cdk-lib's "should be an integer" checks hold by construction. aws-cdk-lib's deprecated
//! `apiKey` prop is not ported: use [`UsagePlan::add_api_key`].
//!
//! ```
//! use apigw_core::{
//!     MethodOptions, Period, QuotaSettings, RestApi, RestApiProps, ThrottleSettings,
//!     ThrottlingPerMethod, UsagePlanPerApiStage, UsagePlanProps,
//! };
//! use cdk_core::{App, Stack};
//!
//! let app = App::new();
//! let stack = Stack::new(&app, "Stack")?;
//! let api = RestApi::new(&stack, "hello-api", RestApiProps::default())?;
//! let echo = api.root().add_resource("echo")?.add_method_with(
//!     "GET",
//!     None,
//!     MethodOptions::builder().api_key_required(true),
//! )?;
//! let plan = api.add_usage_plan(
//!     "UsagePlan",
//!     UsagePlanProps::builder()
//!         .name("Easy")
//!         .throttle(ThrottleSettings::builder().rate_limit(10.0).burst_limit(2u32).build()?)
//!         .quota(QuotaSettings::builder().limit(1000u32).period(Period::Week).build()?),
//! )?;
//! let key = api.add_api_key("ApiKey")?;
//! plan.add_api_key(&key)?;
//! plan.add_api_stage(
//!     UsagePlanPerApiStage::builder().stage(&api.deployment_stage()?).throttle([
//!         ThrottlingPerMethod::builder()
//!             .method(&echo)
//!             .throttle(ThrottleSettings::builder().rate_limit(5.0).build()?)
//!             .build()?,
//!     ]),
//! )?;
//! # Ok::<(), cdk_core::Error>(())
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::{Construct, Error, IntoProps, Map, Node, Value};
use cfn_apigateway::usage_plan::{self as l1, ApiStage};
use cfn_apigateway::usage_plan_key::KeyType;
use cfn_apigateway::{CfnUsagePlan, CfnUsagePlanKey, CfnUsagePlanKeyProps, CfnUsagePlanProps};

use crate::rest_api::ApiHandle;
use crate::{IApiKey, Method, RestApi, SpecRestApi, StageReference};

/// The time period of a quota (`Period`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Period {
    /// A day (`DAY`).
    Day,
    /// A week (`WEEK`).
    Week,
    /// A month (`MONTH`).
    Month,
}

impl Period {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Day => "DAY",
            Period::Week => "WEEK",
            Period::Month => "MONTH",
        }
    }
}

/// Request rate limits (`ThrottleSettings`).
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(
        private,
        name = "build_fields",
        error = "cdk_core::BuildError",
        validate = "Self::validate"
    )
)]
#[non_exhaustive]
pub struct ThrottleSettings {
    /// Steady-state requests per second (`RateLimit`); must be a finite number. Default: none.
    #[builder(default)]
    pub rate_limit: Option<f64>,
    /// Maximum concurrent requests (`BurstLimit`). Default: none.
    #[builder(default, setter(into = false))]
    pub burst_limit: Option<u32>,
}

cdk_core::impl_props!(ThrottleSettings, ThrottleSettingsBuilder);

impl ThrottleSettings {
    /// `validateDouble` on the rate limit: a rate that is not a finite number is refused
    /// (JSON has no `NaN` or infinity).
    fn check(rate_limit: Option<f64>) -> Result<(), String> {
        match rate_limit {
            Some(r) if !r.is_finite() => Err("Throttle rate limit should be an double".into()),
            _ => Ok(()),
        }
    }

    /// `renderThrottle`: `{BurstLimit, RateLimit}`.
    fn render(&self) -> Value {
        let mut t = l1::ThrottleSettings::default();
        t.burst_limit = self.burst_limit.map(Value::from);
        t.rate_limit = self.rate_limit.map(Value::from);
        Value::from(t)
    }
}

impl ThrottleSettingsBuilder {
    fn validate(&self) -> Result<(), String> {
        ThrottleSettings::check(self.rate_limit.flatten())
    }
}

/// How many requests a key may make in a period (`QuotaSettings`).
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct QuotaSettings {
    /// The number of requests per period (`Limit`); `0` is left out, as aws-cdk-lib does.
    /// Default: none.
    #[builder(default, setter(into = false))]
    pub limit: Option<u32>,
    /// Requests subtracted from the limit in the first period (`Offset`). Default: none.
    #[builder(default, setter(into = false))]
    pub offset: Option<u32>,
    /// The period the limit applies to (`Period`). Default: none.
    #[builder(default)]
    pub period: Option<Period>,
}

cdk_core::impl_props!(QuotaSettings, QuotaSettingsBuilder);

impl QuotaSettings {
    /// `renderQuota`: `{Limit, Offset, Period}`, a zero limit dropped (`limit || undefined`).
    fn render(&self) -> Value {
        let mut q = l1::QuotaSettings::default();
        q.limit = self.limit.filter(|l| *l != 0).map(Value::from);
        q.offset = self.offset.map(Value::from);
        q.period = self.period.map(|p| Value::from(p.as_str()));
        Value::from(q)
    }
}

/// Throttling of one method of a stage (`ThrottlingPerMethod`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct ThrottlingPerMethod {
    /// The method, by reference; its key in the plan is `<resource path>/<HTTP method>`
    /// (`/books/GET`). Required.
    #[builder(setter(custom))]
    pub method: Method,
    /// Its limits. Required.
    pub throttle: ThrottleSettings,
}

cdk_core::impl_props!(ThrottlingPerMethod, ThrottlingPerMethodBuilder);

impl ThrottlingPerMethodBuilder {
    /// The method, by reference. Required.
    pub fn method(mut self, method: &Method) -> Self {
        self.method = Some(method.clone());
        self
    }
}

impl ThrottlingPerMethod {
    /// The key of the method in the stage's `Throttle` map.
    fn method_id(&self) -> String {
        format!("{}/{}", self.method.api_resource().path(), self.method.http_method())
    }
}

/// A stage a usage plan applies to, with per-method throttling (`UsagePlanPerApiStage`).
///
/// ```
/// use apigw_core::{RestApi, RestApiProps, ThrottleSettings, ThrottlingPerMethod, UsagePlanPerApiStage};
/// use cdk_core::{App, Stack};
///
/// let app = App::new();
/// let stack = Stack::new(&app, "Stack")?;
/// let api = RestApi::new(&stack, "api", RestApiProps::default())?;
/// let get = api.root().add_method("GET", None)?;
/// let stage = api.deployment_stage()?;
/// let entry = UsagePlanPerApiStage::builder()
///     .api(&api)
///     .stage(&stage)
///     .throttle([ThrottlingPerMethod::builder()
///         .method(&get)
///         .throttle(ThrottleSettings::builder().rate_limit(5.0).build()?)
///         .build()?])
///     .build()?;
/// assert_eq!(entry.throttle.len(), 1);
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(
        private,
        name = "build_fields",
        error = "cdk_core::BuildError",
        validate = "Self::validate"
    )
)]
#[non_exhaustive]
pub struct UsagePlanPerApiStage {
    /// The API (`api`: any [`IRestApi`](crate::IRestApi), by reference). As in aws-cdk-lib,
    /// it does not reach the template (the stage's own API does). Default: none.
    #[builder(default)]
    pub api: Option<ApiHandle>,
    /// The stage (`stage`: any [`IStage`](crate::IStage), by reference), which gives the
    /// entry's `Stage` and `ApiId`. Default: none (the entry then has neither).
    #[builder(default)]
    pub stage: Option<StageReference>,
    /// Per-method throttling (`throttle`). Default: none (an empty `Throttle` map).
    #[builder(default, setter(custom))]
    pub throttle: Vec<ThrottlingPerMethod>,
}

cdk_core::impl_props!(UsagePlanPerApiStage, UsagePlanPerApiStageBuilder);

impl UsagePlanPerApiStage {
    fn check(&self) -> Result<(), String> {
        self.throttle.iter().try_for_each(|t| ThrottleSettings::check(t.throttle.rate_limit))
    }

    /// The synth-time checks of ours (`crate::checks`): a stage is given. (Negative rate
    /// limits are the CloudFormation validation's F3034, as in aws-cdk-lib.)
    fn check_synth(&self, path: &str) -> Result<(), Error> {
        crate::checks::check_usage_plan_stage(path, self.stage.is_some())
    }

    /// `createStage`: `{ApiId, Stage, Throttle}`; `Throttle` maps each method to its
    /// limits (a method given twice keeps its first place and its last limits).
    fn render(&self) -> Value {
        let mut throttle = Map::new();
        for t in &self.throttle {
            throttle.insert(t.method_id(), t.throttle.render());
        }
        let mut s = ApiStage::default();
        s.api_id = self.stage.as_ref().map(|s| s.rest_api_id.clone());
        s.stage = self.stage.as_ref().map(|s| s.stage_name.clone());
        s.throttle = Some(Value::Object(throttle));
        Value::from(s)
    }
}

impl UsagePlanPerApiStageBuilder {
    /// Per-method throttling (`throttle`): any iterator of [`ThrottlingPerMethod`]. Default:
    /// none.
    pub fn throttle(mut self, throttle: impl IntoIterator<Item = ThrottlingPerMethod>) -> Self {
        self.throttle.get_or_insert_with(Vec::new).extend(throttle);
        self
    }

    fn validate(&self) -> Result<(), String> {
        self.throttle
            .iter()
            .flatten()
            .try_for_each(|t| ThrottleSettings::check(t.throttle.rate_limit))
    }
}

/// Properties of a [`UsagePlan`] (`UsagePlanProps`). Every field is optional.
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct UsagePlanProps {
    /// The stages the plan applies to (`apiStages`); [`UsagePlan::add_api_stage`] adds more
    /// later. Default: none.
    #[builder(default, setter(custom))]
    pub api_stages: Vec<UsagePlanPerApiStage>,
    /// The plan's description. Default: none.
    #[builder(default)]
    pub description: Option<Value>,
    /// Requests allowed per period. Default: none.
    #[builder(default)]
    pub quota: Option<QuotaSettings>,
    /// Overall request rate limits. Default: none.
    #[builder(default)]
    pub throttle: Option<ThrottleSettings>,
    /// The plan's name (`UsagePlanName`). Default: none.
    #[builder(default)]
    pub name: Option<Value>,
}

cdk_core::impl_props!(UsagePlanProps, UsagePlanPropsBuilder);

impl UsagePlanPropsBuilder {
    /// The stages the plan applies to (`apiStages`): any iterator of
    /// [`UsagePlanPerApiStage`]. Default: none.
    pub fn api_stages(mut self, stages: impl IntoIterator<Item = UsagePlanPerApiStage>) -> Self {
        self.api_stages.get_or_insert_with(Vec::new).extend(stages);
        self
    }
}

/// Options of [`UsagePlan::add_api_key_with`] (`AddApiKeyOptions`).
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct AddApiKeyOptions {
    /// A logical ID for the `AWS::ApiGateway::UsagePlanKey`, to keep one a template already
    /// has. Default: the computed one.
    #[builder(default)]
    pub override_logical_id: Option<String>,
}

cdk_core::impl_props!(AddApiKeyOptions, AddApiKeyOptionsBuilder);

/// A reference to a usage plan (`UsagePlanReference`), what [`IUsagePlan::usage_plan_ref`]
/// gives.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct UsagePlanReference {
    /// The plan id (`usagePlanId`).
    pub usage_plan_id: Value,
}

/// A usage plan, defined in this app or imported (`IUsagePlan`).
///
/// Implemented by [`UsagePlan`] and [`ImportedUsagePlan`], which also have `add_api_key` and
/// `add_api_key_with` as inherent methods (no import of this trait needed).
pub trait IUsagePlan: Construct {
    /// The plan id (`Ref` of the `AWS::ApiGateway::UsagePlan`, or the imported id).
    fn usage_plan_id(&self) -> Value;

    /// A reference to the plan (`usagePlanRef`: `{ usagePlanId }`).
    fn usage_plan_ref(&self) -> UsagePlanReference {
        UsagePlanReference { usage_plan_id: self.usage_plan_id() }
    }

    /// Adds an API key to the plan (`addApiKey`): an `AWS::ApiGateway::UsagePlanKey` with
    /// construct id `UsagePlanKeyResource:<unique id of the key>` under the plan, returned so
    /// that it can be tuned further.
    ///
    /// # Errors
    /// [`Error::DuplicateId`] when the key is already in the plan; id errors from the tree.
    fn add_api_key(&self, api_key: &dyn IApiKey) -> Result<CfnUsagePlanKey, Error>
    where
        Self: Sized,
    {
        add_key(self, api_key, AddApiKeyOptions::default())
    }

    /// [`IUsagePlan::add_api_key`] with options (`addApiKey(key, options)`); `options` is an
    /// [`AddApiKeyOptions`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the plan's path; as [`IUsagePlan::add_api_key`].
    fn add_api_key_with(
        &self,
        api_key: &dyn IApiKey,
        options: impl IntoProps<AddApiKeyOptions>,
    ) -> Result<CfnUsagePlanKey, Error>
    where
        Self: Sized,
    {
        add_key(self, api_key, options.into_props_at(&self.node().path())?)
    }
}

/// `addApiKey` of a plan.
fn add_key(
    plan: &dyn IUsagePlan,
    api_key: &dyn IApiKey,
    options: AddApiKeyOptions,
) -> Result<CfnUsagePlanKey, Error> {
    let id = format!("UsagePlanKeyResource:{}", api_key.node().unique_id());
    let props = CfnUsagePlanKeyProps::builder()
        .key_id(api_key.key_id())
        .key_type(KeyType::ApiKey)
        .usage_plan_id(plan.usage_plan_id());
    let resource = CfnUsagePlanKey::new(plan.node(), &id, props)?;
    if let Some(logical_id) = options.override_logical_id {
        resource.override_logical_id(&logical_id);
    }
    Ok(resource)
}

/// The inherent `add_api_key` and `add_api_key_with` of the usage plans.
macro_rules! add_api_key_methods {
    ($($ty:ty),*) => {$(
        impl $ty {
            /// Adds an API key to the plan (`addApiKey`); see [`IUsagePlan::add_api_key`].
            ///
            /// # Errors
            /// [`Error::DuplicateId`] when the key is already in the plan; id errors from the
            /// tree.
            pub fn add_api_key(&self, api_key: &dyn IApiKey) -> Result<CfnUsagePlanKey, Error> {
                add_key(self, api_key, AddApiKeyOptions::default())
            }

            /// Adds an API key to the plan with options (`addApiKey(key, options)`);
            /// `options` is an [`AddApiKeyOptions`] or its unfinished builder.
            ///
            /// # Errors
            /// A builder error naming the plan's path; as `add_api_key`.
            pub fn add_api_key_with(
                &self,
                api_key: &dyn IApiKey,
                options: impl IntoProps<AddApiKeyOptions>,
            ) -> Result<CfnUsagePlanKey, Error> {
                add_key(self, api_key, options.into_props_at(&self.node().path())?)
            }
        }
    )*};
}

add_api_key_methods!(UsagePlan, ImportedUsagePlan);

/// A usage plan (`UsagePlan`): an `AWS::ApiGateway::UsagePlan` named `Resource` under this
/// construct. Cloning gives another handle to the same plan.
#[derive(Clone)]
pub struct UsagePlan {
    node: Node,
    resource: CfnUsagePlan,
    api_stages: Rc<RefCell<Vec<UsagePlanPerApiStage>>>,
}

impl std::fmt::Debug for UsagePlan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "UsagePlan({})", self.node.path())
    }
}

impl Construct for UsagePlan {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IUsagePlan for UsagePlan {
    fn usage_plan_id(&self) -> Value {
        self.resource.ref_()
    }
}

impl UsagePlan {
    /// Defines a usage plan; `props` is a [`UsagePlanProps`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the plan's path; [`Error::InvalidArgument`] for a rate limit
    /// that is not a finite number; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<UsagePlanProps>,
    ) -> Result<UsagePlan, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.UsagePlan", crate::FQN));
        let invalid = |message: String| Error::InvalidArgument { path: node.path(), message };
        if let Some(t) = &props.throttle {
            ThrottleSettings::check(t.rate_limit).map_err(invalid)?;
        }
        for s in &props.api_stages {
            s.check().map_err(invalid)?;
            s.check_synth(&node.path())?;
        }
        let api_stages: Rc<RefCell<Vec<UsagePlanPerApiStage>>> = Rc::default();
        let stages = api_stages.clone();
        let mut l1 = CfnUsagePlanProps::default();
        l1.api_stages = Some(Value::lazy_uncached(move |_| {
            let stages = stages.borrow();
            (!stages.is_empty()).then(|| Value::Array(stages.iter().map(|s| s.render()).collect()))
        }));
        l1.description = props.description;
        l1.quota = props.quota.as_ref().map(QuotaSettings::render);
        l1.throttle = props.throttle.as_ref().map(ThrottleSettings::render);
        l1.usage_plan_name = props.name;
        let resource = CfnUsagePlan::new(&node, "Resource", l1)?;
        api_stages.borrow_mut().extend(props.api_stages);
        Ok(UsagePlan { node, resource, api_stages })
    }

    /// Imports an existing usage plan by id (`UsagePlan.fromUsagePlanId`), to add keys to
    /// it. It adds a construct to the tree and nothing to the template.
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_usage_plan_id(
        scope: &impl Construct,
        id: &str,
        usage_plan_id: impl Into<Value>,
    ) -> Result<ImportedUsagePlan, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.Resource");
        Ok(ImportedUsagePlan { node, usage_plan_id: usage_plan_id.into() })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnUsagePlan {
        &self.resource
    }

    /// Adds a stage to the plan (`addApiStage`); `api_stage` is a [`UsagePlanPerApiStage`] or
    /// its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the plan's path; [`Error::InvalidArgument`] for a rate limit
    /// that is not a finite number.
    pub fn add_api_stage(
        &self,
        api_stage: impl IntoProps<UsagePlanPerApiStage>,
    ) -> Result<(), Error> {
        let api_stage = api_stage.into_props_at(&self.node.path())?;
        api_stage
            .check()
            .map_err(|message| Error::InvalidArgument { path: self.node.path(), message })?;
        api_stage.check_synth(&self.node.path())?;
        self.api_stages.borrow_mut().push(api_stage);
        Ok(())
    }
}

/// A usage plan defined outside this app ([`UsagePlan::from_usage_plan_id`]).
#[derive(Clone, Debug)]
pub struct ImportedUsagePlan {
    node: Node,
    usage_plan_id: Value,
}

impl Construct for ImportedUsagePlan {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IUsagePlan for ImportedUsagePlan {
    fn usage_plan_id(&self) -> Value {
        self.usage_plan_id.clone()
    }
}

impl RestApi {
    /// Adds a usage plan as a child of the API (`addUsagePlan`); `props` is a
    /// [`UsagePlanProps`] or its unfinished builder.
    ///
    /// # Errors
    /// Errors of [`UsagePlan::new`].
    pub fn add_usage_plan(
        &self,
        id: &str,
        props: impl IntoProps<UsagePlanProps>,
    ) -> Result<UsagePlan, Error> {
        UsagePlan::new(self, id, props)
    }
}

impl SpecRestApi {
    /// Adds a usage plan as a child of the API (`addUsagePlan`); `props` is a
    /// [`UsagePlanProps`] or its unfinished builder.
    ///
    /// # Errors
    /// Errors of [`UsagePlan::new`].
    pub fn add_usage_plan(
        &self,
        id: &str,
        props: impl IntoProps<UsagePlanProps>,
    ) -> Result<UsagePlan, Error> {
        UsagePlan::new(self, id, props)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{resources_of_type, synth};
    use crate::{ApiKey, ApiKeyProps, RestApiProps};
    use cdk_core::{App, Stack};
    use serde_json::json;

    #[test]
    fn node_unique_ids() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let api = stack.node().add_child("hello-api").unwrap();
        let key = api.add_child("ApiKey").unwrap();
        assert_eq!(key.unique_id(), "StackhelloapiApiKeyA95BC21E");
        let inner =
            stack.node().add_child("rate-limited-api-key").unwrap().add_child("Resource").unwrap();
        assert_eq!(inner.unique_id(), "StackratelimitedapikeyB7B57C3D");
    }

    #[test]
    fn throttles_are_checked() {
        let e = ThrottleSettings::builder().rate_limit(f64::NAN).build().unwrap_err();
        assert!(e.message().contains("should be an double"), "{e}");
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let props = UsagePlanProps {
            throttle: Some(ThrottleSettings { rate_limit: Some(f64::INFINITY), burst_limit: None }),
            ..UsagePlanProps::default()
        };
        let e = UsagePlan::new(&stack, "Plan", props).unwrap_err().to_string();
        assert_eq!(e, "Stack/Plan: Throttle rate limit should be an double");
        assert_eq!(Period::Week.as_str(), "WEEK");
    }

    /// What `zz-usage-plan-edges` gives with aws-cdk-lib 2.276.0: a zero quota limit is
    /// dropped, an empty throttle stays `{}`, a stage entry without a stage keeps only its
    /// throttle map, a method given twice keeps its first place and last limits, a plan
    /// without properties has no `Properties`, and keys get order-insensitive ids.
    #[test]
    fn rendering_edges() {
        let t = synth("usage-plan-edges", |stack| {
            let api = RestApi::new(stack, "api", RestApiProps::default())?;
            let root_get = api.root().add_method("GET", None)?;
            let post =
                api.root().add_resource("a")?.add_resource("{id}")?.add_method("post", None)?;
            let limits = |rate_limit: Option<f64>, burst_limit: Option<u32>| ThrottleSettings {
                rate_limit,
                burst_limit,
            };
            let per_method = |method: &Method, throttle: ThrottleSettings| {
                ThrottlingPerMethod::builder().method(method).throttle(throttle).build()
            };
            let stage = UsagePlanPerApiStage::builder()
                .stage(&api.deployment_stage()?)
                .throttle([
                    per_method(&root_get, limits(Some(1.5), None))?,
                    per_method(&post, limits(None, Some(3)))?,
                    per_method(&root_get, limits(None, Some(7)))?,
                ])
                .build()?;
            let plan = UsagePlan::new(
                stack,
                "Plan",
                UsagePlanProps::builder()
                    .description("desc")
                    .quota(QuotaSettings::builder().limit(0).offset(2).build()?)
                    .throttle(ThrottleSettings::default())
                    .api_stages([stage]),
            )?;
            // a stage without a stage is refused (a check of ours, `APIGW-6`)
            let e = plan.add_api_stage(UsagePlanPerApiStage::default()).unwrap_err().to_string();
            assert!(e.contains("[APIGW-6]"), "{e}");
            let empty = api.add_usage_plan("Empty", UsagePlanProps::default())?;
            let k1 = ApiKey::new(stack, "K1", ApiKeyProps::default())?;
            empty.add_api_key(&k1)?;
            plan.add_api_key_with(&k1, AddApiKeyOptions::builder().override_logical_id("X"))?;
            let imported = UsagePlan::from_usage_plan_id(stack, "IUP", "up")?;
            imported.add_api_key(&ApiKey::from_api_key_id(stack, "IK", "kid")?)?;
            let again = empty.add_api_key(&k1).unwrap_err().to_string();
            assert!(again.contains("UsagePlanKeyResource:StackK1C862D50C"), "{again}");
            Ok(())
        });
        let plans = resources_of_type(&t, "AWS::ApiGateway::UsagePlan");
        assert_eq!(
            serde_json::to_string(&plans["PlanDAF4E53A"]["Properties"]).unwrap(),
            serde_json::to_string(&json!({
                "ApiStages": [
                    {
                        "ApiId": {"Ref": "apiC8550315"},
                        "Stage": {"Ref": "apiDeploymentStageprod896C8101"},
                        "Throttle": {"//GET": {"BurstLimit": 7}, "/a/{id}/POST": {"BurstLimit": 3}}
                    }
                ],
                "Description": "desc",
                "Quota": {"Offset": 2},
                "Throttle": {}
            }))
            .unwrap()
        );
        assert!(plans["apiEmptyD8099C12"].get("Properties").is_none());
        let keys = resources_of_type(&t, "AWS::ApiGateway::UsagePlanKey");
        let ids: Vec<&String> = keys.keys().collect();
        assert_eq!(
            ids,
            [
                "apiEmptyUsagePlanKeyResourceStackK1C862D50CA22ED06A",
                "X",
                "IUPUsagePlanKeyResourceStackIKE10288C854C8D1FD"
            ]
        );
        assert_eq!(
            keys["IUPUsagePlanKeyResourceStackIKE10288C854C8D1FD"]["Properties"],
            json!({"KeyId": "kid", "KeyType": "API_KEY", "UsagePlanId": "up"})
        );
        assert_eq!(
            keys["X"]["Properties"],
            json!({"KeyId": {"Ref": "K19754BCDF"}, "KeyType": "API_KEY", "UsagePlanId": {"Ref": "PlanDAF4E53A"}})
        );
    }
}
