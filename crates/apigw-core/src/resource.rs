//! API resources (`resource.ts`): the path tree of a REST API.

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::{Construct, Error, IntoProps, Node, Value};
use cfn_apigateway::CfnResourceProps;
use indexmap::IndexMap;

use crate::deployment::{HashObject, ObjectSink, SmallValue};
use crate::method::{Method, MethodOptions};
use crate::rest_api::ApiShared;
use crate::{CorsOptions, Integration};

/// A path of the API: the root (`/`) or a resource below it (`Resource`, `ProxyResource`).
///
/// Cloning gives another handle to the same resource.
#[derive(Clone)]
pub struct Resource(Rc<ResourceInner>);

struct ResourceInner {
    node: Node,
    api: Rc<ApiShared>,
    path: String,
    resource_id: Value,
    children: RefCell<IndexMap<String, Resource>>,
    /// What methods and children get by default: shared with the children that set none of
    /// their own.
    defaults: Rc<Defaults>,
    /// The parent (none for the root).
    parent: Option<std::rc::Weak<ResourceInner>>,
    /// A `{proxy+}` resource (`ProxyResource`): its methods are mirrored on a root parent.
    proxy: bool,
    /// Set on the root of a proxying `LambdaRestApi` or of an API imported by id: adding to
    /// it is refused.
    locked: std::cell::Cell<Option<Lock>>,
}

/// The defaults of a resource for its methods and children.
#[derive(Default)]
struct Defaults {
    integration: Option<Integration>,
    method_options: MethodOptions,
    cors_preflight_options: Option<CorsOptions>,
}

/// Why a resource refuses additions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lock {
    /// The root of a proxying `LambdaRestApi`.
    LambdaProxy,
    /// The root of an API imported with `fromRestApiId` (CDK has none).
    NoRoot,
}

impl std::fmt::Debug for Resource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Resource({})", self.0.path)
    }
}

impl Construct for Resource {
    fn node(&self) -> &Node {
        &self.0.node
    }
}

/// What a resource passes on to the resources below it (`ResourceOptions`); each unset
/// option is inherited from the parent resource.
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct ResourceOptions {
    /// Integration of methods that give none. Default: the parent's.
    #[builder(default)]
    pub default_integration: Option<Integration>,
    /// Options of methods, unless they give their own; merged over the parent's.
    /// Default: the parent's.
    #[builder(default)]
    pub default_method_options: Option<MethodOptions>,
    /// Add a CORS preflight (`OPTIONS`) method to this resource and every resource below.
    /// Default: the parent's (none at the root).
    #[builder(default)]
    pub default_cors_preflight_options: Option<CorsOptions>,
}

cdk_core::impl_props!(ResourceOptions, ResourceOptionsBuilder);

/// Options of [`Resource::add_proxy`] (`ProxyResourceOptions`).
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct ProxyResourceOptions {
    /// Add an `ANY` method. Default: true.
    #[builder(default)]
    pub any_method: Option<bool>,
    /// Integration of methods that give none. Default: the parent's.
    #[builder(default)]
    pub default_integration: Option<Integration>,
    /// Options of methods, merged over the parent's. Default: the parent's.
    #[builder(default)]
    pub default_method_options: Option<MethodOptions>,
    /// CORS preflight options. CDK's `ProxyResource` does not use them (the proxy has the
    /// parent's), and neither does the port. Default: the parent's.
    #[builder(default)]
    pub default_cors_preflight_options: Option<CorsOptions>,
}

cdk_core::impl_props!(ProxyResourceOptions, ProxyResourceOptionsBuilder);

/// Options of [`Resource::new`] (`ResourceProps`): the parent, the path part, and the
/// [`ResourceOptions`] setters directly.
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct ResourceProps {
    /// The parent resource (`parent`), set by reference. Required.
    #[builder(setter(custom))]
    pub parent: Resource,
    /// The last part of the path (`pathPart`), such as `books` or `{book_id}`. Required.
    pub path_part: String,
    /// Integration of methods that give none. Default: the parent's.
    #[builder(default)]
    pub default_integration: Option<Integration>,
    /// Options of methods, merged over the parent's. Default: the parent's.
    #[builder(default)]
    pub default_method_options: Option<MethodOptions>,
    /// Add a CORS preflight (`OPTIONS`) method to this resource and every resource below.
    /// Default: the parent's.
    #[builder(default)]
    pub default_cors_preflight_options: Option<CorsOptions>,
}

cdk_core::impl_props!(ResourceProps, ResourcePropsBuilder);

impl ResourcePropsBuilder {
    /// The parent resource (`parent`). Required.
    pub fn parent(mut self, parent: &Resource) -> Self {
        self.parent = Some(parent.clone());
        self
    }
}

/// Options of [`ProxyResource::new`] (`ProxyResourceProps`): the parent and the
/// [`ProxyResourceOptions`] setters directly.
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct ProxyResourceProps {
    /// The parent resource (`parent`), set by reference. Required.
    #[builder(setter(custom))]
    pub parent: Resource,
    /// Add an `ANY` method. Default: true.
    #[builder(default)]
    pub any_method: Option<bool>,
    /// Integration of methods that give none. Default: the parent's.
    #[builder(default)]
    pub default_integration: Option<Integration>,
    /// Options of methods, merged over the parent's. Default: the parent's.
    #[builder(default)]
    pub default_method_options: Option<MethodOptions>,
}

cdk_core::impl_props!(ProxyResourceProps, ProxyResourcePropsBuilder);

impl ProxyResourcePropsBuilder {
    /// The parent resource (`parent`). Required.
    pub fn parent(mut self, parent: &Resource) -> Self {
        self.parent = Some(parent.clone());
        self
    }
}

/// A greedy `{proxy+}` resource defined in any scope (`ProxyResource`); it dereferences to
/// its [`Resource`], whose methods are mirrored on a root parent.
/// [`Resource::add_proxy`] defines one under its resource.
#[derive(Clone, Debug)]
pub struct ProxyResource {
    resource: Resource,
    any_method: Option<Method>,
}

impl Construct for ProxyResource {
    fn node(&self) -> &Node {
        self.resource.node()
    }
}

impl std::ops::Deref for ProxyResource {
    type Target = Resource;
    fn deref(&self) -> &Resource {
        &self.resource
    }
}

impl ProxyResource {
    /// Defines a `{proxy+}` resource under `props.parent` at `scope/id` (`new
    /// ProxyResource(scope, id, props)`), with an `ANY` method unless `any_method(false)`.
    ///
    /// ```
    /// use apigw_core::{ProxyResource, ProxyResourceProps, RestApi, RestApiProps};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    /// let proxy = ProxyResource::new(&stack, "proxy", ProxyResourceProps::builder().parent(&api.root()))?;
    /// assert!(proxy.any_method().is_some());
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// A builder error naming `scope/id`; the errors of [`Resource::add_method`].
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<ProxyResourceProps>,
    ) -> Result<ProxyResource, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let resource = props.parent.create_child_in(
            scope.node(),
            id,
            "{proxy+}",
            ResourceOptions {
                default_integration: props.default_integration,
                default_method_options: props.default_method_options,
                default_cors_preflight_options: None,
            },
            true,
        )?;
        let any_method = match props.any_method {
            Some(false) => None,
            _ => Some(resource.add_method("ANY", None)?),
        };
        Ok(ProxyResource { resource, any_method })
    }

    /// The `ANY` method (`anyMethod`); none with `any_method(false)`.
    pub fn any_method(&self) -> Option<&Method> {
        self.any_method.as_ref()
    }

    /// The resource.
    pub fn resource(&self) -> &Resource {
        &self.resource
    }
}

/// What [`Resource::from_resource_attributes`] imports (`ResourceAttributes`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct ResourceAttributes {
    /// The resource's id (`resourceId`). Required.
    pub resource_id: Value,
    /// The API the resource belongs to (`restApi`), set by reference. Required.
    #[builder(setter(custom))]
    pub rest_api: crate::ApiHandle,
    /// The resource's full path (`path`), such as `/books`. Required.
    pub path: String,
}

cdk_core::impl_props!(ResourceAttributes, ResourceAttributesBuilder);

impl ResourceAttributesBuilder {
    /// The API the resource belongs to (`restApi`): any [`IRestApi`](crate::IRestApi).
    /// Required.
    pub fn rest_api(mut self, api: &impl crate::IRestApi) -> Self {
        self.rest_api = Some(api.api_handle());
        self
    }
}

/// A reference to a resource (`ResourceReference`), what [`Resource::resource_ref`] gives.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ResourceReference {
    /// The id of the resource's API (`restApiId`).
    pub rest_api_id: Value,
    /// The resource id (`resourceId`).
    pub resource_id: Value,
}

/// Checks a path part (`validateResourcePathPart`).
pub(crate) fn validate_path_part(
    scope_path: impl FnOnce() -> String,
    part: &str,
) -> Result<(), Error> {
    // as CDK: the braces, then a trailing `+` inside them, are taken off before the check
    let mut checked = part;
    if checked.len() >= 2 && checked.starts_with('{') && checked.ends_with('}') {
        checked = &checked[1..checked.len() - 1];
        checked = checked.strip_suffix('+').unwrap_or(checked);
    }
    let ok = !checked.is_empty()
        && checked
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '.' | '_' | '-' | '$'));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidArgument {
            path: scope_path(),
            message: format!(
                "Resource's path part only allow [a-zA-Z0-9:._-$], an optional trailing '+'\n      and curly braces at the beginning and the end: {checked}"
            ),
        })
    }
}

impl Resource {
    pub(crate) fn root(
        api: Rc<ApiShared>,
        node: Node,
        default_integration: Option<Integration>,
        default_method_options: MethodOptions,
    ) -> Resource {
        let resource_id = api.root_resource_id.clone();
        Resource(Rc::new(ResourceInner {
            node,
            api,
            path: "/".into(),
            resource_id,
            children: RefCell::default(),
            defaults: Rc::new(Defaults {
                integration: default_integration,
                method_options: default_method_options,
                cors_preflight_options: None,
            }),
            parent: None,
            proxy: false,
            locked: Default::default(),
        }))
    }

    /// The root resource with its options (`RootResource`); with CORS options, its preflight
    /// method is added at once.
    pub(crate) fn root_with(
        api: Rc<ApiShared>,
        node: Node,
        options: ResourceOptions,
    ) -> Result<Resource, Error> {
        let resource_id = api.root_resource_id.clone();
        let root = Resource(Rc::new(ResourceInner {
            node,
            api,
            path: "/".into(),
            resource_id,
            children: RefCell::default(),
            defaults: Rc::new(Defaults {
                integration: options.default_integration,
                method_options: options.default_method_options.unwrap_or_default(),
                cors_preflight_options: options.default_cors_preflight_options,
            }),
            parent: None,
            proxy: false,
            locked: Default::default(),
        }));
        if let Some(cors) = root.0.defaults.cors_preflight_options.clone() {
            root.add_cors_preflight(cors)?;
        }
        Ok(root)
    }

    pub(crate) fn api(&self) -> &Rc<ApiShared> {
        &self.0.api
    }

    /// Defines a resource under `props.parent` at `scope/id` (`new Resource(scope, id,
    /// props)`); the parent tracks it as its child for its path part.
    ///
    /// ```
    /// use apigw_core::{Resource, ResourceProps, RestApi, RestApiProps};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    /// let books = Resource::new(
    ///     &stack,
    ///     "books",
    ///     ResourceProps::builder().parent(&api.root()).path_part("books"),
    /// )?;
    /// books.add_method("GET", None)?;
    /// assert!(api.root().get_resource("books").is_some());
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// A builder error naming `scope/id`; [`Error::InvalidArgument`] for an invalid path
    /// part; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<ResourceProps>,
    ) -> Result<Resource, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        props.parent.create_child_in(
            scope.node(),
            id,
            &props.path_part,
            ResourceOptions {
                default_integration: props.default_integration,
                default_method_options: props.default_method_options,
                default_cors_preflight_options: props.default_cors_preflight_options,
            },
            false,
        )
    }

    /// Imports an existing resource (`Resource.fromResourceAttributes`): a construct at
    /// `scope/id` that adds nothing to the template; methods and resources added to it go
    /// under that construct, with no default integration, method options or CORS options.
    /// It has no parent resource.
    ///
    /// ```
    /// use apigw_core::{Resource, ResourceAttributes, RestApi, RestApiProps};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// # app.skip_synth_check();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    /// api.root().add_method("GET", None)?;
    /// let books = Resource::from_resource_attributes(
    ///     &stack,
    ///     "books",
    ///     ResourceAttributes::builder().resource_id("abc123").rest_api(&api).path("/books"),
    /// )?;
    /// books.add_method("GET", None)?;
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// A builder error naming `scope/id` for a missing attribute; id errors from the tree.
    pub fn from_resource_attributes(
        scope: &impl Construct,
        id: &str,
        attrs: impl IntoProps<ResourceAttributes>,
    ) -> Result<Resource, Error> {
        let attrs = attrs.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        Ok(Resource(Rc::new(ResourceInner {
            node,
            api: attrs.rest_api.0,
            path: attrs.path,
            resource_id: attrs.resource_id,
            children: RefCell::default(),
            defaults: Rc::default(),
            parent: None,
            proxy: false,
            locked: Default::default(),
        })))
    }

    /// The full path (`/books/{book_id}`).
    pub fn path(&self) -> String {
        self.0.path.clone()
    }

    /// [`Resource::path`], borrowed.
    pub(crate) fn path_str(&self) -> &str {
        &self.0.path
    }

    /// The reference to the resource (`resourceRef`): its API's id and its id.
    pub fn resource_ref(&self) -> ResourceReference {
        ResourceReference { rest_api_id: self.rest_api_id(), resource_id: self.resource_id() }
    }

    /// The resource id (`resourceId`): the root resource id of the API for the root, else the
    /// `Ref` of the `AWS::ApiGateway::Resource` (or the imported id).
    pub fn resource_id(&self) -> Value {
        self.0.resource_id.clone()
    }

    /// The API's id (`Ref` of the `RestApi`).
    pub fn rest_api_id(&self) -> Value {
        self.0.api.rest_api_id.clone()
    }

    /// The API this resource belongs to (`api`), as a handle.
    #[doc(alias = "api")]
    pub fn api_handle(&self) -> crate::ApiHandle {
        crate::ApiHandle(self.0.api.clone())
    }

    /// The integration of methods added without one (`defaultIntegration`): this
    /// resource's, else its parent's. Default: none (a mock integration is used).
    pub fn default_integration(&self) -> Option<Integration> {
        self.0.defaults.integration.clone()
    }

    /// The options of methods added without their own (`defaultMethodOptions`), merged over
    /// the parent's. Default: none set.
    pub fn default_method_options(&self) -> MethodOptions {
        self.0.defaults.method_options.clone()
    }

    /// [`Resource::default_method_options`], borrowed.
    pub(crate) fn default_method_options_ref(&self) -> &MethodOptions {
        &self.0.defaults.method_options
    }

    /// Adds a child resource (`addResource`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an invalid path part; [`Error::DuplicateId`] when it
    /// exists already.
    pub fn add_resource(&self, path_part: &str) -> Result<Resource, Error> {
        self.add_resource_with(path_part, ResourceOptions::default())
    }

    /// Adds a child resource with options (`addResource(pathPart, options)`); `options` is a
    /// [`ResourceOptions`] or its unfinished builder; unset options are inherited from this
    /// resource. With CORS options (given or inherited), the child gets its preflight method
    /// at once.
    ///
    /// ```
    /// use apigw_core::{MockIntegration, ResourceOptions, RestApi, RestApiProps};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    /// let admin = api.root().add_resource_with(
    ///     "admin",
    ///     ResourceOptions::builder().default_integration(MockIntegration::new()),
    /// )?;
    /// admin.add_method("GET", None)?;
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// A builder error naming the child's path; as [`Resource::add_resource`], and those of
    /// [`Resource::add_cors_preflight`].
    pub fn add_resource_with(
        &self,
        path_part: &str,
        options: impl IntoProps<ResourceOptions>,
    ) -> Result<Resource, Error> {
        let options = options.into_props_in(|| self.node().child_path(path_part))?;
        self.refuse_if_locked("addResource")?;
        self.create_child(path_part, options, false)
    }

    /// Adds a greedy `{proxy+}` resource (`addProxy`) that takes every path below this one;
    /// `options` is a [`ProxyResourceOptions`] (`ProxyResourceOptions::default()` for none)
    /// or its unfinished builder. With `any_method` (the default), it gets an `ANY` method,
    /// and so does this resource when it is the root.
    ///
    /// # Errors
    /// A builder error naming the proxy's path; as [`Resource::add_resource`].
    pub fn add_proxy(
        &self,
        options: impl IntoProps<ProxyResourceOptions>,
    ) -> Result<Resource, Error> {
        let options = options.into_props_at(&self.node().child_path("{proxy+}"))?;
        self.refuse_if_locked("addProxy")?;
        // CDK's `ProxyResource` passes only the integration and the method options on; its
        // CORS options are the parent's.
        let proxy = self.create_child(
            "{proxy+}",
            ResourceOptions {
                default_integration: options.default_integration,
                default_method_options: options.default_method_options,
                default_cors_preflight_options: None,
            },
            true,
        )?;
        if options.any_method.unwrap_or(true) {
            proxy.add_method("ANY", None)?;
        }
        Ok(proxy)
    }

    /// Whether a child of this resource is a greedy path variable (`{proxy+}`).
    pub(crate) fn has_greedy_child(&self) -> bool {
        self.0.children.borrow().keys().any(|k| k.starts_with('{') && k.ends_with("+}"))
    }

    /// Whether this is a `{proxy+}` resource.
    pub fn is_proxy(&self) -> bool {
        self.0.proxy
    }

    /// The parent resource (none for the root).
    pub fn parent_resource(&self) -> Option<Resource> {
        self.0.parent.as_ref().and_then(|p| p.upgrade()).map(Resource)
    }

    /// Refuses additions to this resource (the root of a proxying `LambdaRestApi`, or of an
    /// API imported by id).
    pub(crate) fn lock(&self, lock: Lock) {
        self.0.locked.set(Some(lock));
    }

    fn refuse_if_locked(&self, what: &str) -> Result<(), Error> {
        let message = match self.0.locked.get() {
            None => return Ok(()),
            Some(Lock::LambdaProxy) => {
                format!("Cannot call '{what}' on a proxying LambdaRestApi; set 'proxy' to false")
            }
            Some(Lock::NoRoot) => "root is not configured when imported using `fromRestApiId()`. Use `fromRestApiAttributes()` API instead.".to_string(),
        };
        Err(Error::InvalidArgument { path: self.node().path(), message })
    }

    fn create_child(
        &self,
        path_part: &str,
        options: ResourceOptions,
        proxy: bool,
    ) -> Result<Resource, Error> {
        self.create_child_in(self.node(), path_part, path_part, options, proxy)
    }

    /// A child resource of this one whose construct is `scope/id` (`new Resource(scope, id,
    /// { parent: this, pathPart })`).
    fn create_child_in(
        &self,
        scope: &Node,
        id: &str,
        path_part: &str,
        options: ResourceOptions,
        proxy: bool,
    ) -> Result<Resource, Error> {
        validate_path_part(|| scope.path(), path_part)?;
        crate::checks::check_new_child(
            || scope.child_path(id),
            &self.0.path,
            path_part,
            self.0.children.borrow().keys(),
        )?;
        let node = scope.add_child(id)?;
        node.set_construct_info(&format!("{}.Resource", crate::FQN));
        let api = self.0.api.clone();
        let build_err = |source| Error::build(node.path(), source);
        let l1 = CfnResourceProps::builder()
            .parent_id(self.resource_id())
            .path_part(path_part)
            .rest_api_id(api.rest_api_id.clone())
            .build()
            .map_err(build_err)?;
        let cfn = cfn_apigateway::CfnResource::new(&node, "Resource", l1)?;
        let path = if self.0.path.ends_with('/') {
            format!("{}{path_part}", self.0.path)
        } else {
            format!("{}/{path_part}", self.0.path)
        };
        if let Some(deployment) = api.latest_deployment() {
            deployment.node().add_dependency(cfn.node());
            let hash = ResourceHash {
                rest_api_id: SmallValue::new(api.rest_api_id.clone()),
                parent_id: SmallValue::new(self.resource_id()),
                path_part: path_part.to_string(),
            };
            deployment.add_object_to_logical_id(None, Box::new(hash));
        }
        let inherited = &self.0.defaults;
        let defaults = if options.default_integration.is_none()
            && options.default_method_options.is_none()
            && options.default_cors_preflight_options.is_none()
        {
            inherited.clone()
        } else {
            Rc::new(Defaults {
                integration: options.default_integration.or_else(|| inherited.integration.clone()),
                method_options: match options.default_method_options {
                    Some(o) => o.or(&inherited.method_options),
                    None => inherited.method_options.clone(),
                },
                cors_preflight_options: options
                    .default_cors_preflight_options
                    .or_else(|| inherited.cors_preflight_options.clone()),
            })
        };
        let child = Resource(Rc::new(ResourceInner {
            node,
            api,
            path,
            resource_id: cfn.ref_(),
            children: RefCell::default(),
            defaults,
            parent: Some(Rc::downgrade(&self.0)),
            proxy,
            locked: Default::default(),
        }));
        self.0.children.borrow_mut().insert(path_part.to_string(), child.clone());
        if let Some(cors) = child.0.defaults.cors_preflight_options.clone() {
            child.add_cors_preflight(cors)?;
        }
        Ok(child)
    }

    /// The CORS preflight options of this resource and those below it
    /// (`defaultCorsPreflightOptions`). Default: the parent's (none at the root).
    pub fn default_cors_preflight_options(&self) -> Option<CorsOptions> {
        self.0.defaults.cors_preflight_options.clone()
    }

    /// The child resource with this path part, if any (`getResource`).
    pub fn get_resource(&self, path_part: &str) -> Option<Resource> {
        self.0.children.borrow().get(path_part).cloned()
    }

    /// The resource at a path below this one, creating what is missing (`resourceForPath`).
    /// A leading `/` is only allowed on the root resource; an empty part (`a//b`) is a `/`
    /// leading the rest, so it is refused too.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] (`Path may start with "/" only for the resource, but we
    /// are at: /a`); errors of [`Resource::add_resource`].
    pub fn resource_for_path(&self, path: &str) -> Result<Resource, Error> {
        let mut current = self.clone();
        let mut rest = path;
        while !rest.is_empty() {
            if let Some(tail) = rest.strip_prefix('/') {
                let at = current.path();
                if at != "/" {
                    return Err(Error::InvalidArgument {
                        path: current.node().path(),
                        message: format!(
                            "Path may start with \"/\" only for the resource, but we are at: {at}"
                        ),
                    });
                }
                rest = tail;
                continue;
            }
            let (part, tail) = rest.split_once('/').map_or((rest, ""), |(p, t)| (p, t));
            current = match current.get_resource(part) {
                Some(r) => r,
                None => current.add_resource(part)?,
            };
            rest = tail;
        }
        Ok(current)
    }

    /// Adds a method (`addMethod`). `integration` is an [`Integration`], `&Integration` (to
    /// share one) or `None` for the resource's default integration, else a
    /// `MockIntegration`.
    ///
    /// ```
    /// use apigw_core::{HttpIntegration, RestApi, RestApiProps};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    /// let backend = HttpIntegration::new("https://example.com");
    /// api.root().add_method("GET", &backend)?;
    /// api.root().add_method("POST", &backend)?;
    /// api.root().add_method("DELETE", None)?;
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an unknown HTTP method; [`Error::DuplicateId`] when the
    /// method exists already.
    pub fn add_method(
        &self,
        http_method: &str,
        integration: impl Into<Option<Integration>>,
    ) -> Result<Method, Error> {
        self.add_method_with(http_method, integration, MethodOptions::default())
    }

    /// Adds a method with options (`addMethod(httpMethod, integration, options)`);
    /// `options` is a [`MethodOptions`] or its unfinished builder.
    ///
    /// ```
    /// use apigw_core::{MethodOptions, RestApi, RestApiProps};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    /// api.root().add_method_with(
    ///     "GET",
    ///     None,
    ///     MethodOptions::builder()
    ///         .api_key_required(true)
    ///         .request_parameters([("method.request.querystring.q", true)]),
    /// )?;
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// A builder error naming the method's path; as [`Resource::add_method`].
    pub fn add_method_with(
        &self,
        http_method: &str,
        integration: impl Into<Option<Integration>>,
        options: impl IntoProps<MethodOptions>,
    ) -> Result<Method, Error> {
        let options = options.into_props_in(|| self.node().child_path(http_method))?;
        let integration = integration.into();
        self.refuse_if_locked("addMethod")?;
        // A proxy under the root also gets its methods on the root, so that the empty path
        // is proxied too (`ProxyResource.addMethod`).
        if self.0.proxy {
            if let Some(parent) = self.parent_resource() {
                if parent.path() == "/" && parent.node().try_find_child(http_method).is_none() {
                    parent.add_method_with(http_method, integration.clone(), options.clone())?;
                }
            }
        }
        Method::on(self, http_method, integration, options)
    }
}

/// A resource's entry of the deployment hash (`{"resource": {restApiId, parentId,
/// pathPart}}`), written when the deployment's logical ID is computed.
struct ResourceHash {
    rest_api_id: SmallValue,
    parent_id: SmallValue,
    path_part: String,
}

impl HashObject for ResourceHash {
    fn entries(&self, sink: &mut dyn ObjectSink) -> Result<(), Error> {
        sink.object("resource", &mut |sink| {
            sink.value("restApiId", &self.rest_api_id.value())?;
            sink.value("parentId", &self.parent_id.value())?;
            sink.string("pathPart", &self.path_part)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_parts() {
        for ok in ["books", "{book_id}", "{proxy+}", "v1.2", "a:b", "a$b", "{a:b}", "{a$+}"] {
            assert!(validate_path_part(|| "p".into(), ok).is_ok(), "{ok}");
        }
        for bad in ["", "a/b", "{}", "{a", "a b", "{a b}", "a+"] {
            assert!(validate_path_part(|| "p".into(), bad).is_err(), "{bad}");
        }
        // aws-cdk-lib 2.276.0's message names the part without braces and `+`
        let err = validate_path_part(|| "p".into(), "{a b}")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("[a-zA-Z0-9:._-$], an optional trailing '+'\n      and curly braces at the beginning and the end: a b"),
            "{err}"
        );
    }

    /// `resourceRef` and `restApiRef` (aws-cdk-lib 2.276.0's reference getters).
    #[test]
    fn references() -> Result<(), Error> {
        use crate::IRestApi;
        let app = cdk_core::App::new();
        app.skip_synth_check();
        let stack = cdk_core::Stack::new(&app, "S")?;
        let api = crate::RestApi::new(&stack, "api", crate::RestApiProps::default())?;
        let books = api.root().add_resource("books")?;
        let r = books.resource_ref();
        assert_eq!(r.rest_api_id, api.rest_api_id());
        assert_eq!(r.resource_id, books.resource_id());
        assert_eq!(api.rest_api_ref().rest_api_id, api.rest_api_id());
        Ok(())
    }

    /// As aws-cdk-lib 2.276.0: a proxy's own CORS options are not used (`ProxyResource`
    /// passes only its integration and method options on), so no `OPTIONS` method.
    #[test]
    fn proxy_ignores_its_own_cors_options() -> Result<(), Error> {
        let app = cdk_core::App::new();
        app.skip_synth_check();
        let stack = cdk_core::Stack::new(&app, "S")?;
        let api = crate::RestApi::new(&stack, "api", crate::RestApiProps::default())?;
        let proxy = api.root().add_proxy(
            ProxyResourceOptions::builder().default_cors_preflight_options(
                CorsOptions::builder().allow_origins(["*"]).build()?,
            ),
        )?;
        assert!(proxy.default_cors_preflight_options().is_none());
        assert!(proxy.node().try_find_child("OPTIONS").is_none());
        assert!(proxy.node().try_find_child("ANY").is_some());
        Ok(())
    }
}
