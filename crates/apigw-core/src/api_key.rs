//! API keys (`api-key.ts`): [`ApiKey`] (`AWS::ApiGateway::ApiKey`), imported keys
//! ([`ApiKey::from_api_key_id`]), the grants on a key (`ApiKeyGrants` of
//! `apigateway-grants.generated.ts`) and the `addApiKey` methods of `RestApi` and `Stage`.
//!
//! aws-cdk-lib's deprecated `resources` prop (keys for the deployment stages of APIs) is
//! [`ApiKeyPropsBuilder::resources`]; prefer [`ApiKeyPropsBuilder::stages`] or
//! [`RestApi::add_api_key`] ([`SpecRestApi::add_api_key`]).

use cdk_core::{ArnComponents, ArnFormat, Construct, Error, IntoProps, Node, Value};
use cdk_iam::{Grant, Grantable};
use cfn_apigateway::api_key::StageKey;
use cfn_apigateway::{CfnApiKey, CfnApiKeyProps};

use crate::{RestApi, SpecRestApi, Stage, StageReference};

/// Actions of [`IApiKey::grant_read`].
pub const READ_ACTIONS: &[&str] = &["apigateway:GET"];
/// Actions of [`IApiKey::grant_write`].
pub const WRITE_ACTIONS: &[&str] =
    &["apigateway:POST", "apigateway:PUT", "apigateway:PATCH", "apigateway:DELETE"];
/// Actions of [`IApiKey::grant_read_write`].
pub const READ_WRITE_ACTIONS: &[&str] = &[
    "apigateway:GET",
    "apigateway:POST",
    "apigateway:PUT",
    "apigateway:PATCH",
    "apigateway:DELETE",
];

/// An API key, defined in this app or imported (`IApiKey`): what usage plans and grants need.
///
/// Implemented by [`ApiKey`], [`ImportedApiKey`] and [`crate::RateLimitedApiKey`].
pub trait IApiKey: Construct {
    /// The key id (`Ref` of the `AWS::ApiGateway::ApiKey`, or the imported id).
    fn key_id(&self) -> Value;

    /// `arn:<partition>:apigateway:<region>::/apikeys/<key id>`.
    fn key_arn(&self) -> Value;

    /// A reference to the key (`apiKeyRef`: `{ apiKeyId }`).
    fn api_key_ref(&self) -> ApiKeyReference {
        ApiKeyReference { api_key_id: self.key_id() }
    }

    /// Lets `grantee` read the key (`apigateway:GET` on [`IApiKey::key_arn`]; `grantRead`).
    ///
    /// # Errors
    /// Errors of the grantee's policy.
    fn grant_read(&self, grantee: &impl Grantable) -> Result<(), Error>
    where
        Self: Sized,
    {
        Grant::add_to_principal(grantee, READ_ACTIONS, vec![self.key_arn()])
    }

    /// Lets `grantee` change the key (`apigateway:POST`, `PUT`, `PATCH`, `DELETE`;
    /// `grantWrite`).
    ///
    /// # Errors
    /// Errors of the grantee's policy.
    fn grant_write(&self, grantee: &impl Grantable) -> Result<(), Error>
    where
        Self: Sized,
    {
        Grant::add_to_principal(grantee, WRITE_ACTIONS, vec![self.key_arn()])
    }

    /// Lets `grantee` read and change the key (`grantReadWrite`).
    ///
    /// # Errors
    /// Errors of the grantee's policy.
    fn grant_read_write(&self, grantee: &impl Grantable) -> Result<(), Error>
    where
        Self: Sized,
    {
        Grant::add_to_principal(grantee, READ_WRITE_ACTIONS, vec![self.key_arn()])
    }

    /// The grants on the key (`grants`: `ApiKeyGrants.fromApiKey(this)`), whose
    /// `read`/`write`/`read_write` are the `grant_*` methods and `actions` grants any actions.
    fn grants(&self) -> ApiKeyGrants
    where
        Self: Sized,
    {
        ApiKeyGrants::from_api_key(self)
    }
}

/// The grants on an API key (`ApiKeyGrants`): IAM permissions on
/// `arn:<partition>:apigateway:<region>::/apikeys/<key id>`.
///
/// ```
/// use apigw_core::{ApiKey, ApiKeyProps, IApiKey};
/// use cdk_core::{App, Stack};
/// use cdk_iam::{User, UserProps};
///
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let key = ApiKey::new(&stack, "Key", ApiKeyProps::default())?;
/// let user = User::new(&stack, "User", UserProps::default())?;
/// key.grants().read(&user)?;
/// key.grants().actions(&user, ["apigateway:GET", "apigateway:PATCH"])?;
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ApiKeyGrants {
    key_arn: Value,
}

impl ApiKeyGrants {
    /// The grants on `key` (`ApiKeyGrants.fromApiKey`).
    pub fn from_api_key(key: &impl IApiKey) -> ApiKeyGrants {
        ApiKeyGrants { key_arn: key.key_arn() }
    }

    /// Lets `grantee` perform `actions` on the key (`actions(grantee, actions)`).
    ///
    /// # Errors
    /// Errors of the grantee's policy.
    pub fn actions<S: AsRef<str>>(
        &self,
        grantee: &impl Grantable,
        actions: impl IntoIterator<Item = S>,
    ) -> Result<(), Error> {
        Grant::add_to_principal(grantee, actions, [self.key_arn.clone()])
    }

    /// Lets `grantee` read the key (`read`: `apigateway:GET`).
    ///
    /// # Errors
    /// Errors of the grantee's policy.
    pub fn read(&self, grantee: &impl Grantable) -> Result<(), Error> {
        self.actions(grantee, READ_ACTIONS)
    }

    /// Lets `grantee` change the key (`write`: `apigateway:POST`, `PUT`, `PATCH`, `DELETE`).
    ///
    /// # Errors
    /// Errors of the grantee's policy.
    pub fn write(&self, grantee: &impl Grantable) -> Result<(), Error> {
        self.actions(grantee, WRITE_ACTIONS)
    }

    /// Lets `grantee` read and change the key (`readWrite`).
    ///
    /// # Errors
    /// Errors of the grantee's policy.
    pub fn read_write(&self, grantee: &impl Grantable) -> Result<(), Error> {
        self.actions(grantee, READ_WRITE_ACTIONS)
    }
}

/// A reference to an API key (`ApiKeyReference`), what [`IApiKey::api_key_ref`] gives.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ApiKeyReference {
    /// The key id (`apiKeyId`).
    pub api_key_id: Value,
}

/// What a caller of `add_api_key` on an API or a stage may set (`ApiKeyOptions`).
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct ApiKeyOptions {
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
}

cdk_core::impl_props!(ApiKeyOptions, ApiKeyOptionsBuilder);

/// Properties of an [`ApiKey`] (`ApiKeyProps`).
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct ApiKeyProps {
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
    /// The stages the key is for (`StageKeys`): any stages ([`crate::IStage`]) by reference,
    /// or [`StageReference`]s. Default: none (an empty list is the same as none).
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
}

cdk_core::impl_props!(ApiKeyProps, ApiKeyPropsBuilder);

impl ApiKeyPropsBuilder {
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
}

impl From<ApiKeyOptions> for ApiKeyProps {
    fn from(o: ApiKeyOptions) -> Self {
        ApiKeyProps {
            api_key_name: o.api_key_name,
            value: o.value,
            description: o.description,
            ..ApiKeyProps::default()
        }
    }
}

/// An API key (`ApiKey`): an `AWS::ApiGateway::ApiKey` named `Resource` under this construct.
///
/// Callers present it in the `x-api-key` header of methods that require a key; a usage plan
/// ([`crate::UsagePlan`]) decides which stages it opens and at what rate.
#[derive(Clone, Debug)]
pub struct ApiKey {
    node: Node,
    resource: CfnApiKey,
    key_arn: Value,
}

impl Construct for ApiKey {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IApiKey for ApiKey {
    fn key_id(&self) -> Value {
        self.resource.ref_()
    }

    fn key_arn(&self) -> Value {
        self.key_arn.clone()
    }
}

/// The stages of `StageKeys` (`renderStageKeys`): those given, or the deployment stages of
/// the APIs given.
fn render_stages(node: &Node, props: &ApiKeyProps) -> Result<Vec<StageReference>, Error> {
    let invalid =
        |message: &str| Error::InvalidArgument { path: node.path(), message: message.into() };
    if props.resources.is_empty() {
        return Ok(props.stages.clone());
    }
    if !props.stages.is_empty() {
        return Err(invalid("Only one of \"resources\" or \"stages\" should be provided"));
    }
    props
        .resources
        .iter()
        .map(|api| match api.deployment_stage() {
            Ok(stage) => Ok(StageReference::from(&stage)),
            Err(_) => Err(invalid(
                "Cannot add an ApiKey to a RestApi that does not contain a \"deploymentStage\".\nEither set the RestApi.deploymentStage or create an ApiKey from a Stage",
            )),
        })
        .collect()
}

/// `arn:<partition>:apigateway:<region>::/apikeys/<key id>` in the stack of `node`.
fn api_key_arn(node: &Node, key_id: Value) -> Result<Value, Error> {
    Ok(node.stack()?.format_arn(
        &ArnComponents::new("apigateway", "/apikeys")
            .account("")
            .arn_format(ArnFormat::SlashResourceName)
            .resource_name(key_id),
    ))
}

impl ApiKey {
    /// Defines an API key; `props` is an [`ApiKeyProps`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the key's path; id errors from the tree; [`Error::NoStack`]
    /// outside a stack.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<ApiKeyProps>,
    ) -> Result<ApiKey, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.ApiKey", crate::FQN));
        let stages = render_stages(&node, &props)?;
        crate::checks::check_api_key_value(&node.path(), props.value.as_ref())?;
        let stage_keys = (!stages.is_empty()).then(|| {
            Value::Array(
                stages
                    .iter()
                    .map(|s| {
                        let mut key = StageKey::default();
                        key.rest_api_id = Some(s.rest_api_id.clone());
                        key.stage_name = Some(s.stage_name.clone());
                        Value::from(key)
                    })
                    .collect(),
            )
        });
        let mut l1 = CfnApiKeyProps::default();
        l1.customer_id = props.customer_id;
        l1.description = props.description;
        l1.enabled = Some(Value::Bool(props.enabled.unwrap_or(true)));
        l1.generate_distinct_id = props.generate_distinct_id.map(Value::Bool);
        l1.name = props.api_key_name;
        l1.stage_keys = stage_keys;
        l1.value = props.value;
        let resource = CfnApiKey::new(&node, "Resource", l1)?;
        let key_arn = api_key_arn(&node, resource.ref_())?;
        Ok(ApiKey { node, resource, key_arn })
    }

    /// An API key for one stage, with the caller's options (what `addApiKey` of `RestApi`
    /// and `Stage` do).
    pub(crate) fn for_stage(
        scope: &impl Construct,
        id: &str,
        stage: StageReference,
        options: ApiKeyOptions,
    ) -> Result<ApiKey, Error> {
        let mut props = ApiKeyProps::from(options);
        props.stages = vec![stage];
        ApiKey::new(scope, id, props)
    }

    /// Imports an existing API key by id (`ApiKey.fromApiKeyId`). It adds a construct to
    /// the tree and nothing to the template.
    ///
    /// # Errors
    /// Id errors from the tree; [`Error::NoStack`] outside a stack.
    pub fn from_api_key_id(
        scope: &impl Construct,
        id: &str,
        api_key_id: impl Into<Value>,
    ) -> Result<ImportedApiKey, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.Resource");
        let key_id = api_key_id.into();
        let key_arn = api_key_arn(&node, key_id.clone())?;
        Ok(ImportedApiKey { node, key_id, key_arn })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnApiKey {
        &self.resource
    }
}

/// An API key defined outside this app ([`ApiKey::from_api_key_id`]).
#[derive(Clone, Debug)]
pub struct ImportedApiKey {
    node: Node,
    key_id: Value,
    key_arn: Value,
}

impl Construct for ImportedApiKey {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IApiKey for ImportedApiKey {
    fn key_id(&self) -> Value {
        self.key_id.clone()
    }

    fn key_arn(&self) -> Value {
        self.key_arn.clone()
    }
}

/// `addApiKey` of an API (`RestApiBase`): a key for its deployment stage, under the API.
fn add_api_key_to_api(
    api: &impl Construct,
    deployment_stage: Result<Stage, Error>,
    id: &str,
    options: impl IntoProps<ApiKeyOptions>,
) -> Result<ApiKey, Error> {
    let options = options.into_props_at(&api.node().child_path(id))?;
    ApiKey::for_stage(api, id, StageReference::from(&deployment_stage?), options)
}

macro_rules! add_api_key_methods {
    ($($ty:ty),*) => {$(
        impl $ty {
            /// Adds an API key for the API's deployment stage, as a child of the API
            /// (`addApiKey`).
            ///
            /// # Errors
            /// [`Error::InvalidArgument`] when the API has no deployment stage
            /// (`deploy(false)`); id errors from the tree.
            pub fn add_api_key(&self, id: &str) -> Result<ApiKey, Error> {
                self.add_api_key_with(id, ApiKeyOptions::default())
            }

            /// Adds an API key for the API's deployment stage with options
            /// (`addApiKey(id, options)`); `options` is an [`ApiKeyOptions`] or its
            /// unfinished builder.
            ///
            /// # Errors
            /// A builder error naming the key's path; as `add_api_key`.
            pub fn add_api_key_with(
                &self,
                id: &str,
                options: impl IntoProps<ApiKeyOptions>,
            ) -> Result<ApiKey, Error> {
                add_api_key_to_api(self, self.deployment_stage(), id, options)
            }
        }
    )*};
}

add_api_key_methods!(RestApi, SpecRestApi);

impl Stage {
    /// Adds an API key for this stage, as a child of the stage (`addApiKey`).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn add_api_key(&self, id: &str) -> Result<ApiKey, Error> {
        self.add_api_key_with(id, ApiKeyOptions::default())
    }

    /// Adds an API key for this stage with options (`addApiKey(id, options)`); `options` is
    /// an [`ApiKeyOptions`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the key's path; id errors from the tree.
    pub fn add_api_key_with(
        &self,
        id: &str,
        options: impl IntoProps<ApiKeyOptions>,
    ) -> Result<ApiKey, Error> {
        let options = options.into_props_at(&self.node().child_path(id))?;
        ApiKey::for_stage(self, id, StageReference::from(self), options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{resources_of_type, synth};
    use crate::RestApiProps;
    use cdk_core::{App, Stack};
    use cdk_iam::{Principal, Role, RoleProps};

    #[test]
    fn keys_of_an_api_and_of_a_stage() {
        let t = synth("api-key-stages", |stack| {
            let api = RestApi::new(stack, "api", RestApiProps::default())?;
            api.root().add_method("GET", None)?;
            api.add_api_key_with(
                "Named",
                ApiKeyOptions::builder()
                    .api_key_name("n")
                    .value("01234567890123456789")
                    .description("d"),
            )?;
            let stage = api.deployment_stage()?;
            stage.add_api_key("OnStage")?;
            ApiKey::new(
                stack,
                "Plain",
                ApiKeyProps::builder().enabled(false).customer_id("c").generate_distinct_id(true),
            )?;
            Ok(())
        });
        let keys = resources_of_type(&t, "AWS::ApiGateway::ApiKey");
        let stage_keys = serde_json::json!([{
            "RestApiId": {"Ref": "apiC8550315"},
            "StageName": {"Ref": "apiDeploymentStageprod896C8101"}
        }]);
        assert_eq!(
            keys["apiNamed483A5447"]["Properties"],
            serde_json::json!({
                "Description": "d", "Enabled": true, "Name": "n",
                "StageKeys": stage_keys, "Value": "01234567890123456789"
            })
        );
        let on_stage = &keys["apiDeploymentStageprodOnStageA25238C8"]["Properties"];
        assert_eq!(on_stage, &serde_json::json!({"Enabled": true, "StageKeys": stage_keys}));
        assert_eq!(
            keys["Plain295EB121"]["Properties"],
            serde_json::json!({"CustomerId": "c", "Enabled": false, "GenerateDistinctId": true})
        );
        let order: Vec<&String> = keys.keys().collect();
        assert_eq!(
            order,
            ["apiDeploymentStageprodOnStageA25238C8", "apiNamed483A5447", "Plain295EB121"]
        );
    }

    #[test]
    fn api_without_stage_refuses_keys() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let api = RestApi::new(&stack, "api", RestApiProps::builder().deploy(false)).unwrap();
        let e = api.add_api_key("Key").unwrap_err().to_string();
        assert!(e.starts_with("Stack/api: Cannot determine deployment stage"), "{e}");
    }

    #[test]
    fn grants_on_owned_and_imported_keys() {
        let t = synth("api-key-grants", |stack| {
            let role = Role::new(
                stack,
                "R",
                RoleProps::builder().assumed_by(Principal::service("lambda.amazonaws.com")),
            )?;
            let imported = ApiKey::from_api_key_id(stack, "IK", "kid")?;
            imported.grant_read(&role)?;
            let owned = ApiKey::new(stack, "K", ApiKeyProps::default())?;
            owned.grant_write(&role)?;
            let other = Role::new(
                stack,
                "R2",
                RoleProps::builder().assumed_by(Principal::service("lambda.amazonaws.com")),
            )?;
            owned.grant_read_write(&other)?;
            Ok(())
        });
        let policy = resources_of_type(&t, "AWS::IAM::Policy");
        let statements =
            &policy["RDefaultPolicy0707467B"]["Properties"]["PolicyDocument"]["Statement"];
        let arn = |id: serde_json::Value| {
            serde_json::json!({"Fn::Join": ["", [
                "arn:", {"Ref": "AWS::Partition"}, ":apigateway:", {"Ref": "AWS::Region"},
                "::/apikeys/", id
            ]]})
        };
        let read = &statements[0];
        assert_eq!(read["Action"], "apigateway:GET");
        assert_eq!(
            read["Resource"],
            serde_json::json!({"Fn::Join": ["", [
                "arn:", {"Ref": "AWS::Partition"}, ":apigateway:", {"Ref": "AWS::Region"},
                "::/apikeys/kid"
            ]]})
        );
        // sorted, as aws-cdk-lib minimizes policies under the recommended flags
        let write = &statements[1];
        assert_eq!(
            write["Action"],
            serde_json::json!([
                "apigateway:DELETE",
                "apigateway:PATCH",
                "apigateway:POST",
                "apigateway:PUT"
            ])
        );
        assert_eq!(write["Resource"], arn(serde_json::json!({"Ref": "K485CC42E"})));
        let both =
            &policy["R2DefaultPolicy02B592C5"]["Properties"]["PolicyDocument"]["Statement"][0];
        assert_eq!(
            both["Action"],
            serde_json::json!([
                "apigateway:DELETE",
                "apigateway:GET",
                "apigateway:PATCH",
                "apigateway:POST",
                "apigateway:PUT"
            ])
        );
        assert_eq!(both["Resource"], arn(serde_json::json!({"Ref": "K485CC42E"})));
    }
}
