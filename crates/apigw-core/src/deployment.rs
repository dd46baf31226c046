//! Deployments (`deployment.ts`): a snapshot of the API, whose logical ID carries an MD5 of
//! everything that shapes the API so that any change creates a new deployment.

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::logical_id::Md5Hex;
use cdk_core::resolve::ResolveContext;
use cdk_core::{Construct, Error, IntoProps, Map, Node, RemovalPolicy, Value};
use cfn_apigateway::{CfnDeployment, CfnDeploymentProps};

use crate::integration::Integration;
use crate::rest_api::ApiShared;
use crate::rest_api::IRestApi;

/// Options of a [`Deployment`] (`DeploymentProps`, without the API, which
/// [`Deployment::new`] takes). Every field is optional.
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct DeploymentProps {
    /// The deployment's description. Default: none.
    #[builder(default)]
    pub description: Option<Value>,
    /// Keep old deployments when the API changes (`Retain` removal policy). Default: false.
    #[builder(default)]
    pub retain_deployments: bool,
    /// A stage to create with the deployment (`StageName`). Default: none.
    #[builder(default)]
    pub stage_name: Option<Value>,
}

cdk_core::impl_props!(DeploymentProps, DeploymentPropsBuilder);

/// Data hashed into the logical ID, and the construct it describes (named in its errors).
type HashComponent = (HashData, Option<Node>);

/// Data hashed into the logical ID: a value, or an object kept as its parts and written
/// straight into the hash input (a method's entry: no map built per method).
pub(crate) enum HashData {
    /// A value, resolved and written compactly (boxed: most entries are objects).
    Value(Box<Value>),
    /// An object, written entry by entry; as a value it is [`HashObject::to_value`].
    Object(Box<dyn HashObject>),
}

impl std::fmt::Debug for HashData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HashData::Value(v) => v.fmt(f),
            HashData::Object(o) => o.to_value().fmt(f),
        }
    }
}

/// An object of the logical ID hash that writes its entries into an [`ObjectSink`]: the
/// one list of its entries, whether it is written as JSON or built as a [`Value`].
pub(crate) trait HashObject {
    /// Puts the object's entries, in order, into `sink`.
    fn entries(&self, sink: &mut dyn ObjectSink) -> Result<(), Error>;

    /// The object as a value (how it is written when writing it directly fails, so that
    /// the error is the resolution's own).
    fn to_value(&self) -> Value {
        let mut sink = MapSink(Map::new());
        let _ = self.entries(&mut sink);
        Value::Object(sink.0)
    }
}

/// A value of a [`HashObject`] kept small: a token (as the ids of resources and APIs are)
/// without the room of a whole [`Value`].
pub(crate) enum SmallValue {
    /// A token.
    Token(cdk_core::value::Token),
    /// Any other value.
    Other(Box<Value>),
}

impl SmallValue {
    pub(crate) fn new(value: Value) -> SmallValue {
        match &value {
            Value::Token(t) => SmallValue::Token(t.clone()),
            _ => SmallValue::Other(Box::new(value)),
        }
    }

    /// The value.
    pub(crate) fn value(&self) -> std::borrow::Cow<'_, Value> {
        match self {
            SmallValue::Token(t) => std::borrow::Cow::Owned(Value::Token(t.clone())),
            SmallValue::Other(v) => std::borrow::Cow::Borrowed(v),
        }
    }
}

/// Where a [`HashObject`] puts its entries; an absent value leaves its entry out.
pub(crate) trait ObjectSink {
    /// An entry of any value.
    fn value(&mut self, key: &str, value: &Value) -> Result<(), Error>;
    /// An entry of the value, if there is one.
    fn optional(&mut self, key: &str, value: Option<&Value>) -> Result<(), Error> {
        match value {
            Some(v) => self.value(key, v),
            None => Ok(()),
        }
    }
    /// An entry of a literal string.
    fn string(&mut self, key: &str, value: &str) -> Result<(), Error>;
    /// An entry whose value is an object of the entries `entries` puts.
    fn object(
        &mut self,
        key: &str,
        entries: &mut dyn FnMut(&mut dyn ObjectSink) -> Result<(), Error>,
    ) -> Result<(), Error>;
    /// An entry whose value is the object of an integration's entries
    /// ([`Integration::hash_entries`]).
    fn integration(&mut self, key: &str, integration: &Integration) -> Result<(), Error> {
        self.object(key, &mut |sink| integration.hash_entries(sink))
    }
}

/// The text of the integrations a deployment's hash wrote, with what each was written from
/// (by the address of its options, which an integration's copies share): the copies an
/// API's methods hold are written once per hash, then their text is copied
/// ([`ObjectSink::integration`]). An integration holding a value produced at each
/// resolution ([`Value::holds_uncached_lazy`]) is written each time.
#[derive(Default)]
pub(crate) struct IntegrationTexts(
    RefCell<std::collections::HashMap<usize, Vec<WrittenIntegration>>>,
);

/// An integration and its text (`None`: written each time).
type WrittenIntegration = (Integration, Option<String>);

impl IntegrationTexts {
    /// The text remembered for `integration` (`Some(None)`: it is written each time).
    fn get(&self, integration: &Integration) -> Option<Option<String>> {
        let map = self.0.borrow();
        let list = map.get(&(Rc::as_ptr(&integration.options) as usize))?;
        list.iter().find(|(i, _)| same_integration(i, integration)).map(|(_, t)| t.clone())
    }

    fn insert(&self, integration: &Integration, text: Option<String>) {
        let key = Rc::as_ptr(&integration.options) as usize;
        self.0.borrow_mut().entry(key).or_default().push((integration.clone(), text));
    }
}

/// Whether two integrations are copies of one (same options, same parts): their hash
/// entries are the same text.
fn same_integration(a: &Integration, b: &Integration) -> bool {
    // tokens compare by identity, other values by what they hold
    a.type_ == b.type_
        && Rc::ptr_eq(&a.options, &b.options)
        && a.uri == b.uri
        && a.integration_http_method == b.integration_http_method
}

/// Whether an integration's hash entries are surely the same text each time they are
/// written: none of the values [`Integration::hash_entries`] puts is produced again at each
/// resolution.
fn written_alike(i: &Integration) -> bool {
    let mut probe = UncachedLazyProbe(false);
    // (the probe never fails)
    let _ = i.hash_entries(&mut probe);
    !probe.0
}

/// An [`ObjectSink`] noting whether a value it is given holds a lazy value produced at each
/// resolution ([`Value::holds_uncached_lazy`]).
struct UncachedLazyProbe(bool);

impl ObjectSink for UncachedLazyProbe {
    fn value(&mut self, _: &str, value: &Value) -> Result<(), Error> {
        self.0 |= value.holds_uncached_lazy();
        Ok(())
    }

    fn string(&mut self, _: &str, _: &str) -> Result<(), Error> {
        Ok(())
    }

    fn object(
        &mut self,
        _: &str,
        entries: &mut dyn FnMut(&mut dyn ObjectSink) -> Result<(), Error>,
    ) -> Result<(), Error> {
        entries(self)
    }
}

/// An [`ObjectSink`] building a [`Map`].
struct MapSink(Map);

impl ObjectSink for MapSink {
    fn value(&mut self, key: &str, value: &Value) -> Result<(), Error> {
        self.0.insert(key.to_string(), value.clone());
        Ok(())
    }

    fn string(&mut self, key: &str, value: &str) -> Result<(), Error> {
        self.0.insert(key.to_string(), Value::from(value));
        Ok(())
    }

    fn object(
        &mut self,
        key: &str,
        entries: &mut dyn FnMut(&mut dyn ObjectSink) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut inner = MapSink(Map::new());
        entries(&mut inner)?;
        self.0.insert(key.to_string(), Value::Object(inner.0));
        Ok(())
    }
}

/// An [`ObjectSink`] writing the object's entries as compact JSON, values resolved (as
/// [`ResolveContext::write_json`] writes a map).
struct JsonSink<'c, 'o, 'a> {
    ctx: &'c ResolveContext<'a>,
    out: &'o mut String,
    first: bool,
    /// The integrations written so far.
    texts: &'c IntegrationTexts,
}

impl JsonSink<'_, '_, '_> {
    /// The separator and key of an entry; returns where the entry starts.
    fn key(&mut self, key: &str) -> usize {
        let start = self.out.len();
        if !self.first {
            self.out.push(',');
        }
        cdk_core::json::write_string(self.out, key);
        self.out.push(':');
        start
    }
}

impl ObjectSink for JsonSink<'_, '_, '_> {
    fn value(&mut self, key: &str, value: &Value) -> Result<(), Error> {
        let start = self.key(key);
        if self.ctx.write_json(self.out, value, 0)? {
            self.first = false;
        } else {
            self.out.truncate(start);
        }
        Ok(())
    }

    fn string(&mut self, key: &str, value: &str) -> Result<(), Error> {
        self.key(key);
        cdk_core::json::write_string(self.out, value);
        self.first = false;
        Ok(())
    }

    fn object(
        &mut self,
        key: &str,
        entries: &mut dyn FnMut(&mut dyn ObjectSink) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.key(key);
        self.first = false;
        write_object(self.ctx, self.out, self.texts, entries)
    }

    fn integration(&mut self, key: &str, integration: &Integration) -> Result<(), Error> {
        self.key(key);
        self.first = false;
        let remembered = self.texts.get(integration);
        if let Some(Some(text)) = &remembered {
            self.out.push_str(text);
            return Ok(());
        }
        let start = self.out.len();
        write_object(self.ctx, self.out, self.texts, &mut |sink| integration.hash_entries(sink))?;
        if remembered.is_none() {
            let text = written_alike(integration).then(|| self.out[start..].to_string());
            self.texts.insert(integration, text);
        }
        Ok(())
    }
}

/// Writes the object of the entries `entries` puts as compact JSON.
fn write_object(
    ctx: &ResolveContext<'_>,
    out: &mut String,
    texts: &IntegrationTexts,
    entries: &mut dyn FnMut(&mut dyn ObjectSink) -> Result<(), Error>,
) -> Result<(), Error> {
    out.push('{');
    entries(&mut JsonSink { ctx, out, first: true, texts })?;
    out.push('}');
    Ok(())
}

/// An API deployment (`Deployment`).
#[derive(Clone, Debug)]
pub struct Deployment {
    node: Node,
    resource: CfnDeployment,
    hash_components: Rc<RefCell<Vec<HashComponent>>>,
    api: Rc<ApiShared>,
}

impl Construct for Deployment {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Deployment {
    /// Defines a deployment of `api` (`new Deployment(scope, id, { api, ... })`); `props` is
    /// a [`DeploymentProps`] or its unfinished builder. Its logical ID carries a hash of the
    /// API's definition and of what is added with [`Deployment::add_to_logical_id`]; it
    /// depends on every method of the API.
    ///
    /// ```
    /// use apigw_core::{Deployment, DeploymentProps, RestApi, RestApiProps};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = RestApi::new(&stack, "api", RestApiProps::builder().deploy(false))?;
    /// api.root().add_method("GET", None)?;
    /// Deployment::new(&stack, "dep", &api, DeploymentProps::builder().stage_name("dev"))?;
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// A builder error naming the deployment's path; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        api: &(impl IRestApi + ?Sized),
        props: impl IntoProps<DeploymentProps>,
    ) -> Result<Deployment, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        Self::create(scope, id, &api.api_handle().0, props)
    }

    pub(crate) fn create(
        scope: &impl Construct,
        id: &str,
        api: &Rc<ApiShared>,
        props: DeploymentProps,
    ) -> Result<Deployment, Error> {
        let rest_api_id = api.rest_api_id.clone();
        let api_resource = api.resource.clone();
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.Deployment", crate::FQN));
        let mut l1 = CfnDeploymentProps::builder()
            .rest_api_id(rest_api_id)
            .build()
            .map_err(|source| Error::build(node.path(), source))?;
        l1.description = props.description;
        l1.stage_name = props.stage_name;
        let resource = CfnDeployment::new(&node, "Resource", l1)?;
        resource.add_metadata("aws:cdk:do-not-refactor", true);
        if props.retain_deployments {
            resource.apply_removal_policy(RemovalPolicy::Retain);
        }
        let hash_components: Rc<RefCell<Vec<HashComponent>>> = Rc::default();
        let components = hash_components.clone();
        let me = resource.node().clone();
        resource.set_lazy_logical_id(move |ctx| {
            let original = ctx.logical_id(&me)?;
            let api = match &api_resource {
                Some(api) => Some(api.to_cloudformation(ctx)?),
                None => None,
            };
            // The components are taken out while they are resolved (a lazy value could add
            // one meanwhile), then put back in front of anything added.
            let list = std::mem::take(&mut *components.borrow_mut());
            if list.is_empty() && api.is_none() {
                return Ok(original);
            }
            // Each part resolved and written compactly, straight into the hash (in pieces,
            // hashed by a thread of their own: the hash input of a large API is megabytes of
            // text).
            let texts = IntegrationTexts::default();
            let digest = Md5Hex::of_text(|input, hand_on| {
                let mut write = |p: &HashData| -> Result<(), Error> {
                    match p {
                        HashData::Value(v) => {
                            if !ctx.write_json(input, v.as_ref(), 0)? {
                                input.push_str("null");
                            }
                        }
                        HashData::Object(o) => {
                            let start = input.len();
                            let written =
                                write_object(ctx, input, &texts, &mut |sink| o.entries(sink));
                            if written.is_err() {
                                // written again as the value it stands for, for the error
                                // (or the text) that resolution gives it
                                input.truncate(start);
                                ctx.write_json(input, &o.to_value(), 0)?;
                            }
                        }
                    }
                    if input.len() >= Md5Hex::PIECE {
                        hand_on(input);
                    }
                    Ok(())
                };
                // an error in a component names the construct that added it
                let written = list.iter().try_for_each(|(p, source)| match source {
                    Some(node) => write(p).map_err(|e| e.in_construct(&node.path())),
                    None => write(p),
                });
                {
                    let mut current = components.borrow_mut();
                    let added = std::mem::replace(&mut *current, list);
                    current.extend(added);
                }
                written?;
                if let Some(api) = api {
                    write(&HashData::Value(Box::new(api)))?;
                }
                Ok::<(), Error>(())
            })?;
            Ok(format!("{original}{digest}"))
        });
        let deployment = Deployment { node, resource, hash_components, api: api.clone() };
        api.attach_deployment(&deployment);
        Ok(deployment)
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnDeployment {
        &self.resource
    }

    pub(crate) fn api(&self) -> &Rc<ApiShared> {
        &self.api
    }

    /// The API this deployment belongs to (`api`), as a handle.
    #[doc(alias = "api")]
    pub fn api_handle(&self) -> crate::ApiHandle {
        crate::ApiHandle(self.api.clone())
    }

    /// The stage the deployment creates (`stageName`, CloudFormation's `StageName`), if
    /// given.
    pub fn stage_name(&self) -> Option<Value> {
        self.resource.property("StageName")
    }

    /// The deployment id (`Ref`).
    pub fn deployment_id(&self) -> Value {
        self.resource.ref_()
    }

    /// Adds data to the logical ID hash (`addToLogicalId`): the deployment is replaced when
    /// it changes.
    pub fn add_to_logical_id(&self, data: impl Into<Value>) {
        self.hash_components.borrow_mut().push((HashData::Value(Box::new(data.into())), None));
    }

    /// [`Deployment::add_to_logical_id`] of data that describes `source` (a method, a model):
    /// a value in it that cannot be resolved is reported with `source`'s path.
    pub fn add_to_logical_id_for(&self, source: &impl Construct, data: impl Into<Value>) {
        let data = HashData::Value(Box::new(data.into()));
        self.hash_components.borrow_mut().push((data, Some(source.node().clone())));
    }

    /// [`Deployment::add_to_logical_id`] of an object written straight into the hash;
    /// `source`, when given, is named in its errors.
    pub(crate) fn add_object_to_logical_id(
        &self,
        source: Option<&Node>,
        data: Box<dyn HashObject>,
    ) {
        self.hash_components.borrow_mut().push((HashData::Object(data), source.cloned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{RestApi, RestApiProps};
    use cdk_core::{App, AppProps, Stack};

    fn deployment_id(data: Option<Value>) -> String {
        let dir = std::env::temp_dir().join("apigw-core-deployment-test");
        let _ = std::fs::remove_dir_all(&dir);
        let app = App::with_props(AppProps::builder().outdir(dir.clone()).build().unwrap());
        let stack = Stack::new(&app, "Stack").unwrap();
        let api = RestApi::new(&stack, "Api", RestApiProps::builder().deploy(false)).unwrap();
        api.root().add_method("GET", None).unwrap();
        let d = Deployment::new(&stack, "Dep", &api, DeploymentProps::default()).unwrap();
        if let Some(data) = data {
            d.add_to_logical_id(data);
        }
        app.synth().unwrap();
        let t = std::fs::read_to_string(dir.join("Stack.template.json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&t).unwrap();
        let ids: Vec<String> = v["Resources"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, r)| r["Type"] == "AWS::ApiGateway::Deployment")
            .map(|(k, _)| k.clone())
            .collect();
        assert_eq!(ids.len(), 1);
        ids[0].clone()
    }

    /// The deployment's logical ID of an API whose two methods use `first` and `second`.
    fn deployment_of_two_methods(name: &str, first: Integration, second: Integration) -> String {
        let t = crate::test_support::synth(name, |stack| {
            let api = RestApi::new(stack, "Api", RestApiProps::default())?;
            api.root().add_method("GET", &first)?;
            api.root().add_method("POST", &second)?;
            Ok(())
        });
        let deployments = crate::test_support::resources_of_type(&t, "AWS::ApiGateway::Deployment");
        deployments.keys().next().expect("a deployment").clone()
    }

    /// An integration's copies are written into the hash once (then their text is copied),
    /// unless a value of theirs is produced at each resolution: each method's text is then
    /// its own, as aws-cdk-lib writes it.
    #[test]
    fn integrations_written_once_unless_produced_at_each_resolution() {
        use crate::{IntegrationOptions, MockIntegration};
        let templates = |value: Value| {
            MockIntegration::with_options(
                IntegrationOptions::builder().request_templates([("application/json", value)]),
            )
            .unwrap()
        };
        let fixed = |text: &str| templates(Value::from(text));
        // produced at each resolution: "1" for the first method's hash entry, "2" for the
        // second one's (the hash is computed before the template is written)
        let count = Rc::new(std::cell::Cell::new(0));
        let counting = templates(Value::lazy_uncached(move |_| {
            count.set(count.get() + 1);
            Some(Value::from(count.get().to_string()))
        }));
        assert_eq!(
            deployment_of_two_methods("hash-uncached", counting.clone(), counting),
            deployment_of_two_methods("hash-uncached-ref", fixed("1"), fixed("2")),
        );
        // produced once: written alike
        let once = templates(Value::lazy(|_| Some(Value::from("1"))));
        assert_eq!(
            deployment_of_two_methods("hash-cached", once.clone(), once),
            deployment_of_two_methods("hash-cached-ref", fixed("1"), fixed("1")),
        );
        // a copy of one integration and another integration alike: one hash
        let shared = fixed("1");
        assert_eq!(
            deployment_of_two_methods("hash-shared", shared.clone(), shared),
            deployment_of_two_methods("hash-shared-ref", fixed("1"), fixed("1")),
        );
    }

    /// The entries of methods and resources written straight into the hash are the JSON text
    /// of the values they stand for (what aws-cdk-lib hashes).
    #[test]
    fn objects_are_written_as_their_values() {
        use crate::{
            HttpIntegration, IntegrationOptions, IntegrationResponse, MethodOptions,
            MethodResponse, MockIntegration, Model, RequestValidatorOptions,
        };
        use std::time::Duration;
        let t = crate::test_support::synth("deployment-hash-objects", |stack| {
            let api = RestApi::new(stack, "Api", RestApiProps::default())?;
            let book = api.root().add_resource("books")?.add_resource("{id}")?;
            let mock = MockIntegration::with_options(
                IntegrationOptions::builder()
                    .timeout(Duration::from_secs(3))
                    .request_templates([("application/json", "{}")])
                    .request_parameters([("integration.request.path.id", "method.request.path.id")])
                    .integration_responses([IntegrationResponse::builder()
                        .status_code("200")
                        .response_templates([("application/json", "{}")])
                        .build()?]),
            )?;
            book.add_method_with(
                "GET",
                &mock,
                MethodOptions::builder()
                    .operation_name("getBook")
                    .api_key_required(true)
                    .request_parameters([("method.request.path.id", true)])
                    .method_responses([MethodResponse::builder().status_code("200").build()?])
                    .request_models([("application/json", Model::EMPTY_MODEL)])
                    .request_validator_options(
                        RequestValidatorOptions::builder().validate_request_body(true).build()?,
                    ),
            )?;
            book.add_method("delete", HttpIntegration::new("https://example.com/{id}"))?;
            let deployment = api.latest_deployment().expect("a deployment");
            let check = Value::lazy(move |ctx| {
                let list = deployment.hash_components.borrow();
                let mut objects = 0;
                for (data, _) in list.iter() {
                    if let HashData::Object(o) = data {
                        let (mut direct, mut value) = (String::new(), String::new());
                        let texts = IntegrationTexts::default();
                        write_object(ctx, &mut direct, &texts, &mut |sink| o.entries(sink)).ok()?;
                        ctx.write_json(&mut value, &o.to_value(), 0).ok()?;
                        if direct != value {
                            return Some(Value::from(format!("{direct} != {value}")));
                        }
                        objects += 1;
                    }
                }
                Some(Value::from(format!("{objects} objects")))
            });
            cdk_core::CfnOutput::new(
                stack,
                "Check",
                cdk_core::CfnOutputProps::builder().value(check),
            )?;
            Ok(())
        });
        // two resources and two methods
        assert_eq!(t["Outputs"]["Check"]["Value"], "4 objects");
    }

    #[test]
    fn logical_id_hashes_added_data_and_the_api() {
        let original = cdk_core::logical_id::make_unique_id(&["Dep", "Resource"]).unwrap();
        let plain = deployment_id(None);
        let with_data = deployment_id(Some(Value::object([("a", 1)])));
        for id in [&plain, &with_data] {
            assert!(id.starts_with(&original), "{id}");
            assert_eq!(id.len(), original.len() + 32, "{id}");
        }
        assert_ne!(plain, with_data);
        assert_eq!(with_data, deployment_id(Some(Value::object([("a", 1)]))));
    }
}
