//! Template elements: resources, outputs, parameters, conditions, mappings and rules.
//!
//! Ports `core/lib/cfn-element.ts`, `cfn-resource.ts`, `cfn-output.ts`, `cfn-parameter.ts`,
//! `cfn-condition.ts`, `cfn-mapping.ts` and `cfn-rule.ts`. Each element knows how to render
//! its own template fragment; [`crate::template`] merges them.

use crate::error::{Error, IntoProps};
use crate::tags::{TagFormat, TagManager, Tagging};
use crate::tree::{Construct, Node, NodeKind};
use crate::value::{Map, Token, TokenKind, Value};

/// Computes a logical ID at synthesis (see [`CfnResource::set_lazy_logical_id`]).
pub type LazyLogicalId =
    std::rc::Rc<dyn Fn(&crate::resolve::ResolveContext<'_>) -> Result<String, Error>>;

pub(crate) struct ElementData {
    /// Set by `override_logical_id`.
    pub logical_id_override: Option<String>,
    /// Computed at synthesis, once references are wired; replaces the override then.
    pub lazy_logical_id: Option<LazyLogicalId>,
    /// The override the lazy logical ID was first computed from (set by the first
    /// synthesis), so a synthesis retried after a failure starts from it again.
    pub lazy_base: Option<Option<String>>,
    pub kind: ElementKind,
}

/// What an element is. A resource's data is held inline (resources are most elements, and
/// rendering reaches them without another pointer to follow); the other kinds are boxed (a
/// [`Map`] is).
pub(crate) enum ElementKind {
    Resource(ResourceData),
    Output(Box<OutputData>),
    Parameter(Map),
    Condition(Box<Value>),
    Mapping(Map),
    Rule(Map),
}

pub(crate) struct ResourceData {
    pub resource_type: String,
    /// Properties with CloudFormation names, in render order; absent ones hold
    /// [`Value::absent`] so that overrides keep their place.
    pub properties: Map,
    /// `Metadata["aws:cdk:path"]` is the node's path, first (unless set explicitly in
    /// `metadata`): kept as a flag rather than a copy of the path in every resource.
    pub path_metadata: bool,
    pub tags: Option<Box<TagManager>>,
    /// The declared properties of a generated L1 (which leaves unset ones out of
    /// `properties`): where a property set later, or an override, takes its place.
    pub schema: Option<&'static PropertySchema>,
    /// What most resources never set, boxed and absent until something is set (at N=1,000
    /// of the benchmark this keeps 3 MB of empty maps out of the tree).
    pub rare: Option<Box<RareParts>>,
}

/// The parts of a resource that most resources leave unset (see [`ResourceData::rare`]).
#[derive(Default)]
pub(crate) struct RareParts {
    /// Raw overrides (`addOverride`), merged into the resolved resource.
    pub overrides: Map,
    /// `addResourceDependency` targets (other resources).
    pub depends_on: indexmap::IndexSet<usize>,
    pub condition: Option<usize>,
    pub deletion_policy: Option<String>,
    pub update_replace_policy: Option<String>,
    pub creation_policy: Option<Value>,
    pub update_policy: Option<Value>,
    pub version: Option<String>,
    pub description: Option<String>,
    /// `Metadata` entries set explicitly (the path entry is [`ResourceData::path_metadata`]).
    pub metadata: Map,
}

/// The properties a generated L1 struct (resource props or property type) declares, in
/// declaration order, which is the order aws-cdk-lib renders them in.
///
/// A generated struct converts to an object that leaves its unset properties out; the
/// schema gives them back their place when the resource is given one later
/// ([`CfnResource::set_property`]) or an override reaches it
/// ([`CfnResource::add_override`]), as aws-cdk-lib's `undefined` keys keep theirs.
#[derive(Debug)]
pub struct PropertySchema {
    /// Each property's CloudFormation name and the schema of the structs it holds, if any.
    pub fields: &'static [(&'static str, Option<NestedSchema>)],
}

/// How a property holds structs of a [`PropertySchema`].
#[derive(Clone, Copy, Debug)]
pub enum NestedSchema {
    /// The property is one struct.
    Struct(&'static PropertySchema),
    /// The property is a list of structs.
    List(&'static PropertySchema),
    /// The property is a map whose values are structs.
    Map(&'static PropertySchema),
}

impl PropertySchema {
    /// The place of property `name` in declaration order.
    fn index_of(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|(n, _)| *n == name)
    }

    /// Inserts `name` into `map`, a struct of this schema: in place when it is there, else
    /// before the first property declared after it (at the end for an undeclared one).
    pub(crate) fn insert(&self, map: &mut Map, name: String, value: Value) {
        if let Some(slot) = map.get_mut(&name) {
            *slot = value;
            return;
        }
        let at = self
            .index_of(&name)
            .and_then(|i| map.keys().position(|k| self.index_of(k).is_some_and(|j| j > i)));
        match at {
            Some(at) => {
                map.shift_insert(at, name, value);
            }
            None => {
                map.insert(name, value);
            }
        }
    }

    /// `map`, a struct of this schema, with every declared property it leaves out back in
    /// its place as an absent value, and the same for the structs it holds: the object the
    /// struct would convert to if unset properties were kept.
    pub(crate) fn inflate(&self, map: Map) -> Map {
        let mut out = Map::with_capacity(map.len().max(self.fields.len()));
        let mut next = 0;
        for (k, v) in map {
            if let Some(i) = self.index_of(&k) {
                // the declared properties before this one that are missing
                while next < i {
                    let (name, _) = self.fields[next];
                    out.entry(name.to_string()).or_insert_with(Value::absent);
                    next += 1;
                }
                next = next.max(i + 1);
                let mut v = v;
                if let Some(nested) = self.fields[i].1 {
                    nested.inflate(&mut v);
                }
                out.insert(k, v);
            } else {
                out.insert(k, v);
            }
        }
        for (name, _) in &self.fields[next.min(self.fields.len())..] {
            out.entry(name.to_string()).or_insert_with(Value::absent);
        }
        out
    }
}

impl NestedSchema {
    /// Inflates the structs `v` holds in place (see [`PropertySchema::inflate`]).
    fn inflate(self, v: &mut Value) {
        let inflate = |s: &PropertySchema, v: &mut Value| {
            if let Value::Object(m) = v {
                let taken = std::mem::take(m);
                *m = s.inflate(taken);
            }
        };
        match (self, v) {
            (NestedSchema::Struct(s), v) => inflate(s, v),
            (NestedSchema::List(s), Value::Array(items)) => {
                items.iter_mut().for_each(|i| inflate(s, i));
            }
            (NestedSchema::Map(s), Value::Object(m)) => {
                m.values_mut().for_each(|i| inflate(s, i));
            }
            _ => {}
        }
    }
}

pub(crate) struct OutputData {
    pub value: Value,
    pub description: Option<Value>,
    pub export_name: Option<Value>,
    pub condition: Option<usize>,
}

/// What happens to a resource when it leaves the stack or is replaced (`RemovalPolicy`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RemovalPolicy {
    /// `Delete`.
    #[doc(alias = "DESTROY")]
    Destroy,
    /// `Retain`.
    #[doc(alias = "RETAIN")]
    Retain,
    /// `Snapshot`.
    #[doc(alias = "SNAPSHOT")]
    Snapshot,
    /// `RetainExceptOnCreate` on deletion, `Retain` on replacement.
    #[doc(alias = "RETAIN_ON_UPDATE_OR_DELETE")]
    RetainOnUpdateOrDelete,
}

impl RemovalPolicy {
    fn policies(self) -> (&'static str, &'static str) {
        match self {
            RemovalPolicy::Destroy => ("Delete", "Delete"),
            RemovalPolicy::Retain => ("Retain", "Retain"),
            RemovalPolicy::Snapshot => ("Snapshot", "Snapshot"),
            RemovalPolicy::RetainOnUpdateOrDelete => ("RetainExceptOnCreate", "Retain"),
        }
    }
}

fn new_element(scope: &Node, id: &str, kind: ElementKind) -> Result<Node, Error> {
    scope.add_child_kind(
        id,
        NodeKind::Element(Box::new(ElementData {
            logical_id_override: None,
            lazy_logical_id: None,
            lazy_base: None,
            kind,
        })),
    )
}

macro_rules! element_handle {
    ($name:ident) => {
        impl Construct for $name {
            fn node(&self) -> &Node {
                &self.node
            }
        }
        impl $name {
            /// The logical ID of this element in its template (a token: overrides made later
            /// still apply).
            pub fn logical_id(&self) -> Value {
                Value::Token(Token::new(TokenKind::LogicalId(self.node.clone())))
            }

            /// Replaces the computed logical ID.
            pub fn override_logical_id(&self, logical_id: &str) {
                let id = logical_id.to_string();
                self.node.update(move |n| {
                    if let NodeKind::Element(e) = &mut n.kind {
                        e.logical_id_override = Some(id);
                    }
                });
            }

            /// The construct path.
            pub fn path(&self) -> String {
                self.node.path()
            }
        }
    };
}

/// An L1 resource: one entry of the template's `Resources` (`CfnResource`).
///
/// Generated `Cfn*` types wrap it; it can also be used directly with any resource type.
///
/// ```
/// use cdk_core::{App, CfnResource, Construct, Stack, Value};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let r = CfnResource::new(&stack, "Topic", "AWS::SNS::Topic",
///     Value::object([("TopicName", "t")]))?;
/// assert_eq!(r.node().path(), "Stack/Topic");
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct CfnResource {
    node: Node,
}
element_handle!(CfnResource);

impl CfnResource {
    /// Defines a resource of `resource_type` with properties given as an object of
    /// CloudFormation names.
    ///
    /// # Errors
    /// Id errors from the tree; [`Error::InvalidValue`] when `properties` is not an object.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        resource_type: &str,
        properties: Value,
    ) -> Result<CfnResource, Error> {
        Self::create(scope, id, resource_type, properties, None)
    }

    /// Defines a resource from a generated `Cfn*Props` struct (what generated L1s call).
    ///
    /// # Errors
    /// Id errors from the tree; [`Error::InvalidValue`] when the props do not serialize to an
    /// object.
    pub fn from_props<P: serde::Serialize>(
        scope: &impl Construct,
        id: &str,
        resource_type: &str,
        props: &P,
        tagging: Option<Tagging>,
    ) -> Result<CfnResource, Error> {
        let properties = crate::value::to_value(props).map_err(|reason| Error::InvalidValue {
            path: format!("{}/{}", scope.node().path(), id),
            reason,
        })?;
        Self::create(scope, id, resource_type, properties, tagging)
    }

    /// Defines a resource whose properties are already a [`Value`] object of CloudFormation
    /// names (what generated L1s call, moving their props into it): as
    /// [`CfnResource::from_props`] without serializing them; `schema` declares the
    /// properties (unset ones may be left out of `properties`), `tagging` names the property
    /// the tags of the construct tree are written to.
    ///
    /// # Errors
    /// Id errors from the tree; [`Error::InvalidValue`] when `properties` is not an object
    /// (or `null`, no properties).
    pub fn with_properties(
        scope: &impl Construct,
        id: &str,
        resource_type: &str,
        properties: Value,
        schema: &'static PropertySchema,
        tagging: Option<Tagging>,
    ) -> Result<CfnResource, Error> {
        Self::create_with(scope, id, resource_type, properties, tagging, Some(schema))
    }

    pub(crate) fn create(
        scope: &impl Construct,
        id: &str,
        resource_type: &str,
        properties: Value,
        tagging: Option<Tagging>,
    ) -> Result<CfnResource, Error> {
        Self::create_with(scope, id, resource_type, properties, tagging, None)
    }

    fn create_with(
        scope: &impl Construct,
        id: &str,
        resource_type: &str,
        properties: Value,
        tagging: Option<Tagging>,
        schema: Option<&'static PropertySchema>,
    ) -> Result<CfnResource, Error> {
        let scope = scope.node();
        let mut properties = match properties.into_object() {
            Ok(m) => m,
            Err(Value::Null) => Map::new(),
            Err(other) => {
                return Err(Error::InvalidValue {
                    path: format!("{}/{}", scope.path(), id),
                    reason: format!("resource properties must be an object, got {other:?}"),
                })
            }
        };
        let tags = tagging.map(|t| {
            let initial = properties.get(t.property).cloned().unwrap_or_else(Value::absent);
            // The tag property is rendered by the tag manager at its place in the order.
            match schema {
                Some(s) => s.insert(&mut properties, t.property.to_string(), Value::absent()),
                None => {
                    properties.insert(t.property.to_string(), Value::absent());
                }
            }
            Box::new(TagManager::new(t, initial))
        });
        let node = new_element(
            scope,
            id,
            ElementKind::Resource(ResourceData {
                resource_type: resource_type.to_string(),
                properties,
                path_metadata: false,
                tags,
                schema,
                rare: None,
            }),
        )?;
        node.set_cfn_construct_info(resource_type, cfn_class_fqn);
        if node.feature_flag(crate::feature_flags::PATH_METADATA_ENABLE) {
            let r = CfnResource { node };
            r.update(|r| r.path_metadata = true);
            return Ok(r);
        }
        Ok(CfnResource { node })
    }

    /// Computes this resource's logical ID at synthesis, after references between stacks are
    /// wired and before templates are written (how the API Gateway deployment's ID takes a
    /// hash of the API). Until then the ID is the default one.
    pub fn set_lazy_logical_id(
        &self,
        f: impl Fn(&crate::resolve::ResolveContext<'_>) -> Result<String, Error> + 'static,
    ) {
        let f: LazyLogicalId = std::rc::Rc::new(f);
        self.node.update(move |n| {
            if let NodeKind::Element(e) = &mut n.kind {
                e.lazy_logical_id = Some(f);
            }
        });
    }

    /// This resource's template fragment, `{"Resources": {<logical id>: {...}}}`, resolved in
    /// `ctx` (aws-cdk-lib's `_toCloudFormation` followed by `stack.resolve`).
    ///
    /// # Errors
    /// Resolution errors.
    pub fn to_cloudformation(
        &self,
        ctx: &crate::resolve::ResolveContext<'_>,
    ) -> Result<Value, Error> {
        let idx = self.node.idx;
        let Some(ElementKind::Resource(r)) = ctx.tree.element(idx).map(|e| &e.kind) else {
            return Ok(Value::Null);
        };
        let def = crate::template::render_resource(ctx, idx, r)?;
        let lid = crate::resolve::logical_id(ctx.tree, idx)?;
        Ok(Value::object([("Resources", Value::object([(lid, def)]))]))
    }

    /// Wraps the node of an existing resource element (`None` when it is not one; see
    /// [`FromNode`] for the typed form).
    pub fn from_node(node: &Node) -> Option<CfnResource> {
        let is_resource = node.with(|n| {
            matches!(&n.kind, NodeKind::Element(e) if matches!(e.kind, ElementKind::Resource(_)))
        });
        is_resource.then(|| CfnResource { node: node.clone() })
    }

    /// Wraps the node of an existing resource element of type `resource_type` (what the
    /// generated L1 types' [`FromNode`] uses).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the node's path when it is not a resource, or a
    /// resource of another type.
    pub fn from_node_of_type(node: &Node, resource_type: &str) -> Result<CfnResource, Error> {
        let resource = <CfnResource as FromNode>::try_from_node(node)?;
        let actual = resource.resource_type();
        if actual != resource_type {
            return Err(Error::InvalidArgument {
                path: node.path(),
                message: format!("the construct is a '{actual}' resource, not a '{resource_type}'"),
            });
        }
        Ok(resource)
    }

    fn with_data<R>(&self, f: impl FnOnce(&ResourceData) -> R) -> R {
        self.node.with(|n| match &n.kind {
            NodeKind::Element(e) => match &e.kind {
                ElementKind::Resource(r) => f(r),
                _ => unreachable_resource(),
            },
            _ => unreachable_resource(),
        })
    }

    /// Changes the resource's data (later, when a producer changes it during resolution).
    fn update(&self, f: impl FnOnce(&mut ResourceData) + 'static) {
        self.node.update(move |n| {
            if let NodeKind::Element(e) = &mut n.kind {
                if let ElementKind::Resource(r) = &mut e.kind {
                    f(r)
                }
            }
        })
    }

    /// The logical ID the resource has in its template now, as text (what
    /// [`logical_id`](Self::logical_id) resolves to): its override, else the one computed
    /// from its path, or for a lazy ID the one the last synthesis computed. What a tool reading
    /// a synthesized template ([`Stack::synthesize_template`](crate::Stack::synthesize_template))
    /// finds the resource's entry by.
    ///
    /// ```
    /// use cdk_core::{App, CfnResource, Stack, Value};
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let topic = CfnResource::new(&stack, "Topic", "AWS::SNS::Topic", Value::Null)?;
    /// let queue = CfnResource::new(&stack, "Queue", "AWS::SQS::Queue", Value::Null)?;
    /// queue.override_logical_id("MyQueue");
    /// let template = stack.synthesize_template()?;
    /// assert_eq!(template["Resources"][topic.template_logical_id()?]["Type"], "AWS::SNS::Topic");
    /// assert_eq!(queue.template_logical_id()?, "MyQueue");
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UnableToCalculateUniqueId`], also for a resource added while the tree is
    /// being read (during synthesis).
    pub fn template_logical_id(&self) -> Result<String, Error> {
        let tree = self.node.tree.borrow();
        if self.node.idx >= tree.nodes.len() {
            return Err(Error::UnableToCalculateUniqueId { path: self.node.path() });
        }
        crate::resolve::logical_id(&tree, self.node.idx)
    }

    /// The CloudFormation type (`AWS::S3::Bucket`).
    pub fn resource_type(&self) -> String {
        self.with_data(|r| r.resource_type.clone())
    }

    /// `{ "Ref": <logical id> }`.
    pub fn ref_(&self) -> Value {
        Value::Token(Token::new(TokenKind::Ref(self.node.clone())))
    }

    /// `{ "Fn::GetAtt": [<logical id>, name] }`.
    pub fn get_att(&self, name: &str) -> Value {
        Value::Token(Token::new(TokenKind::GetAtt(self.node.clone(), name.to_string())))
    }

    /// Sets (or replaces) one property, by its CloudFormation name.
    pub fn set_property(&self, name: &str, value: impl Into<Value>) {
        let value = value.into();
        let name = name.to_string();
        self.update(move |r| match r.schema {
            Some(schema) => schema.insert(&mut r.properties, name, value),
            None => {
                r.properties.insert(name, value);
            }
        });
    }

    /// The current value of a property (before resolution), by CloudFormation name; an
    /// absent value for a declared property that is not set.
    pub fn property(&self, name: &str) -> Option<Value> {
        self.with_data(|r| match r.properties.get(name) {
            Some(v) => Some(v.clone()),
            None => r.schema.and_then(|s| s.index_of(name)).map(|_| Value::absent()),
        })
    }

    /// `addOverride`: sets a value at a dot-separated path of the resource definition
    /// (`Properties.A.B`, `DeletionPolicy`); `\.` escapes a dot; array elements are addressed
    /// by index (`Tags.1.Value`).
    pub fn add_override(&self, path: &str, value: impl Into<Value>) {
        self.set_override(path, Some(value.into()))
    }

    /// `addDeletionOverride`: removes the value at `path` from the rendered resource.
    pub fn add_deletion_override(&self, path: &str) {
        self.set_override(path, None)
    }

    /// `addPropertyOverride`: [`add_override`](Self::add_override) under `Properties.`.
    pub fn add_property_override(&self, path: &str, value: impl Into<Value>) {
        self.set_override(&format!("Properties.{path}"), Some(value.into()))
    }

    /// `addPropertyDeletionOverride`.
    pub fn add_property_deletion_override(&self, path: &str) {
        self.set_override(&format!("Properties.{path}"), None)
    }

    fn set_override(&self, path: &str, value: Option<Value>) {
        let parts = split_on_periods(path);
        self.update(move |r| {
            let mut cur = &mut r.rare_mut().overrides;
            let (last, init) = match parts.split_last() {
                Some(x) => x,
                None => return,
            };
            for key in init {
                let entry = cur.entry(key.clone()).or_insert_with(|| Value::Object(Map::new()));
                if !matches!(entry, Value::Object(_)) {
                    *entry = Value::Object(Map::new());
                }
                cur = match entry {
                    Value::Object(m) => m,
                    _ => return,
                };
            }
            cur.insert(last.clone(), value.unwrap_or_else(Value::absent));
        });
    }

    /// `addResourceDependency`: this resource gets `DependsOn` the target.
    ///
    /// A resource of another app is refused at synthesis (a validation error).
    pub fn add_dependency(&self, target: &CfnResource) {
        if !std::rc::Rc::ptr_eq(&self.node.tree, &target.node.tree) {
            self.node.add_dependency(target.node());
            return;
        }
        let t = target.node.idx;
        self.update(move |r| {
            r.rare_mut().depends_on.insert(t);
        });
    }

    /// `applyRemovalPolicy`: sets `DeletionPolicy` and `UpdateReplacePolicy`.
    pub fn apply_removal_policy(&self, policy: RemovalPolicy) {
        let (deletion, replace) = policy.policies();
        self.update(move |r| {
            let rare = r.rare_mut();
            rare.deletion_policy = Some(deletion.into());
            rare.update_replace_policy = Some(replace.into());
        });
    }

    /// Sets `DeletionPolicy` alone.
    pub fn set_deletion_policy(&self, policy: &str) {
        let p = policy.to_string();
        self.update(move |r| r.rare_mut().deletion_policy = Some(p));
    }

    /// Sets `UpdateReplacePolicy` alone.
    pub fn set_update_replace_policy(&self, policy: &str) {
        let p = policy.to_string();
        self.update(move |r| r.rare_mut().update_replace_policy = Some(p));
    }

    /// Sets `CreationPolicy`.
    pub fn set_creation_policy(&self, policy: impl Into<Value>) {
        let p = policy.into();
        self.update(move |r| r.rare_mut().creation_policy = Some(p));
    }

    /// Sets `UpdatePolicy`.
    pub fn set_update_policy(&self, policy: impl Into<Value>) {
        let p = policy.into();
        self.update(move |r| r.rare_mut().update_policy = Some(p));
    }

    /// Sets the resource's `Condition`.
    ///
    /// A condition of another app is refused at synthesis (a validation error).
    pub fn set_condition(&self, condition: &CfnCondition) {
        if !std::rc::Rc::ptr_eq(&self.node.tree, &condition.node.tree) {
            let path = condition.path();
            self.node.add_validation(move || {
                vec![format!("cannot use condition '{path}': it belongs to another app")]
            });
            return;
        }
        let c = condition.node.idx;
        self.update(move |r| r.rare_mut().condition = Some(c));
    }

    /// Adds a `Metadata` entry.
    pub fn add_metadata(&self, key: &str, value: impl Into<Value>) {
        let v = value.into();
        let key = key.to_string();
        self.update(move |r| {
            r.rare_mut().metadata.insert(key, v);
        });
    }

    /// A `Metadata` entry, if set.
    pub fn metadata(&self, key: &str) -> Option<Value> {
        let path = (key == PATH_METADATA).then(|| self.node.path());
        self.with_data(|r| {
            r.metadata()
                .and_then(|m| m.get(key))
                .cloned()
                .or_else(|| path.filter(|_| r.path_metadata).map(Value::String))
        })
    }

    /// Whether the resource type carries tags (its schema has a tag property).
    pub fn is_taggable(&self) -> bool {
        self.with_data(|r| r.tags.is_some())
    }

    /// Sets a tag directly on this resource (as a `Tags` aspect would, priority 100 unless
    /// given).
    pub fn set_tag(&self, key: &str, value: &str, priority: u32) {
        let (key, value) = (key.to_string(), value.to_string());
        self.update(move |r| {
            if let Some(t) = &mut r.tags {
                t.set_tag(&key, &value, priority, true)
            }
        });
    }

    /// The tag format of this resource type, when taggable.
    pub fn tag_format(&self) -> Option<TagFormat> {
        self.with_data(|r| r.tags.as_ref().map(|t| t.tagging().format))
    }
}

/// The metadata key of a resource's construct path.
pub(crate) const PATH_METADATA: &str = "aws:cdk:path";

impl ResourceData {
    /// The rarely set parts, created when the first one is set.
    pub(crate) fn rare_mut(&mut self) -> &mut RareParts {
        self.rare.get_or_insert_with(Box::default)
    }

    /// The raw overrides, when there are any.
    pub(crate) fn overrides(&self) -> Option<&Map> {
        self.rare.as_ref().map(|r| &r.overrides).filter(|m| !m.is_empty())
    }

    /// The `Metadata` entries set explicitly, when there are any.
    pub(crate) fn metadata(&self) -> Option<&Map> {
        self.rare.as_ref().map(|r| &r.metadata).filter(|m| !m.is_empty())
    }

    /// Whether the resource has `Metadata`.
    pub(crate) fn has_metadata(&self) -> bool {
        self.path_metadata || self.metadata().is_some()
    }

    /// The resource's `Metadata`, with its path entry first.
    pub(crate) fn full_metadata(&self, path: &str) -> Map {
        let explicit = self.metadata();
        let mut m = Map::with_capacity(explicit.map_or(0, |m| m.len()) + 1);
        if self.path_metadata {
            let set = explicit.and_then(|e| e.get(PATH_METADATA)).cloned();
            m.insert(PATH_METADATA.to_string(), set.unwrap_or_else(|| Value::from(path)));
        }
        for (k, v) in explicit.into_iter().flat_map(|e| e.keyed()) {
            if !m.contains_key(k) {
                m.insert_key(k.clone(), v.clone());
            }
        }
        m
    }
}

fn unreachable_resource() -> ! {
    // A CfnResource handle is only created for resource elements.
    panic!("internal error: node is not a resource")
}

/// The class name aws-cdk-lib uses for an L1 (`AWS::S3::Bucket` → `aws_s3.CfnBucket`).
fn cfn_class_fqn(resource_type: &str) -> String {
    let parts: Vec<&str> = resource_type.split("::").collect();
    if parts.len() == 3 {
        format!("aws_{}.Cfn{}", parts[1].to_lowercase(), parts[2])
    } else {
        "CfnResource".into()
    }
}

/// Splits an override path on unescaped periods (`a\.b.c` → `["a.b", "c"]`).
pub fn split_on_periods(path: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek() == Some(&'.') {
            chars.next();
            if let Some(last) = out.last_mut() {
                last.push('.');
            }
        } else if c == '.' {
            out.push(String::new());
        } else if let Some(last) = out.last_mut() {
            last.push(c);
        }
    }
    out
}

/// A template output (`CfnOutput`).
#[derive(Clone, Debug)]
pub struct CfnOutput {
    node: Node,
}
element_handle!(CfnOutput);

/// Options of a [`CfnOutput`] (CDK's `CfnOutputProps`).
///
/// ```
/// # use cdk_core::{App, CfnOutput, CfnOutputProps, Stack};
/// # let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// CfnOutput::new(&stack, "Region", CfnOutputProps::builder().value(stack.region()).export_name("Region"))?;
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "crate::BuildError")
)]
#[non_exhaustive]
pub struct CfnOutputProps {
    /// The value of the output. Required.
    pub value: Value,
    /// `Description`. Default: no description.
    #[builder(default)]
    pub description: Option<Value>,
    /// `Export.Name`: the name the value is exported under for `Fn::ImportValue`.
    /// Default: not exported.
    #[builder(default)]
    pub export_name: Option<Value>,
    /// `Condition`: the output exists only when the condition holds (pass `&condition`).
    /// Default: no condition.
    #[builder(default)]
    pub condition: Option<CfnCondition>,
}
crate::impl_props!(CfnOutputProps, CfnOutputPropsBuilder);

impl CfnOutput {
    /// Defines an output; `props` is a [`CfnOutputProps`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the output's path; id errors from the tree;
    /// [`Error::InvalidArgument`] for a condition of another app.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<CfnOutputProps>,
    ) -> Result<Self, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        if let Some(c) = &props.condition {
            if !std::rc::Rc::ptr_eq(&c.node.tree, &scope.node().tree) {
                return Err(Error::InvalidArgument {
                    path: format!("{}/{}", scope.node().path(), id),
                    message: format!("condition '{}' belongs to another app", c.path()),
                });
            }
        }
        let node = new_element(
            scope.node(),
            id,
            ElementKind::Output(Box::new(OutputData {
                value: props.value,
                description: props.description,
                export_name: props.export_name,
                condition: props.condition.map(|c| c.node.idx),
            })),
        )?;
        node.set_construct_info("aws-cdk-lib.CfnOutput");
        Ok(CfnOutput { node })
    }

    /// An import of this output's export from another stack (`Fn::ImportValue`).
    pub fn import_value(&self) -> Value {
        let export = self.node.with(|n| match &n.kind {
            NodeKind::Element(e) => match &e.kind {
                ElementKind::Output(o) => o.export_name.clone(),
                _ => None,
            },
            _ => None,
        });
        Value::object([("Fn::ImportValue", export.unwrap_or(Value::Null))])
    }
}

/// A template parameter (`CfnParameter`).
#[derive(Clone, Debug)]
pub struct CfnParameter {
    node: Node,
}
element_handle!(CfnParameter);

/// Options of a [`CfnParameter`] (CDK's `CfnParameterProps`), with CloudFormation's names.
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "crate::BuildError")
)]
#[non_exhaustive]
pub struct CfnParameterProps {
    /// `Type`. Default: `String`.
    #[builder(default)]
    pub type_: Option<String>,
    /// `Default`: the value when none is given at deployment. Default: none (a value is required).
    #[builder(default)]
    pub default_value: Option<Value>,
    /// `AllowedValues`. Default: any value.
    #[builder(default, setter(custom))]
    pub allowed_values: Option<Vec<Value>>,
    /// `AllowedPattern`: a regular expression the value must match. Default: any value.
    #[builder(default)]
    pub allowed_pattern: Option<String>,
    /// `ConstraintDescription`: shown when a constraint is broken. Default: none.
    #[builder(default)]
    pub constraint_description: Option<String>,
    /// `Description`. Default: none.
    #[builder(default)]
    pub description: Option<String>,
    /// `MaxLength` of a `String` value. Default: none.
    #[builder(default)]
    pub max_length: Option<f64>,
    /// `MaxValue` of a `Number` value. Default: none.
    #[builder(default)]
    pub max_value: Option<f64>,
    /// `MinLength` of a `String` value. Default: none.
    #[builder(default)]
    pub min_length: Option<f64>,
    /// `MinValue` of a `Number` value. Default: none.
    #[builder(default)]
    pub min_value: Option<f64>,
    /// `NoEcho`: mask the value in the console and API. Default: false.
    #[builder(default)]
    pub no_echo: Option<bool>,
}

crate::impl_props!(CfnParameterProps, CfnParameterPropsBuilder);

impl CfnParameterPropsBuilder {
    /// `AllowedValues`: the values the parameter may take (any list of values).
    /// Default: any value.
    pub fn allowed_values<I>(mut self, values: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<Value>,
    {
        self.allowed_values = Some(Some(values.into_iter().map(Into::into).collect()));
        self
    }
}

impl CfnParameter {
    /// Defines a parameter; `props` is a [`CfnParameterProps`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the parameter's path; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<CfnParameterProps>,
    ) -> Result<Self, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let mut m = Map::new();
        m.insert("Type".into(), Value::String(props.type_.unwrap_or_else(|| "String".into())));
        let mut put = |k: &str, v: Option<Value>| {
            if let Some(v) = v {
                m.insert(k.into(), v);
            }
        };
        put("Default", props.default_value);
        put("AllowedPattern", props.allowed_pattern.map(Value::String));
        put("AllowedValues", props.allowed_values.map(Value::Array));
        put("ConstraintDescription", props.constraint_description.map(Value::String));
        put("Description", props.description.map(Value::String));
        put("MaxLength", props.max_length.map(Value::Number));
        put("MaxValue", props.max_value.map(Value::Number));
        put("MinLength", props.min_length.map(Value::Number));
        put("MinValue", props.min_value.map(Value::Number));
        put("NoEcho", props.no_echo.map(Value::Bool));
        let node = new_element(scope.node(), id, ElementKind::Parameter(m))?;
        node.set_construct_info("aws-cdk-lib.CfnParameter");
        Ok(CfnParameter { node })
    }

    /// `{ "Ref": <parameter> }` (`valueAsString` / `valueAsNumber`).
    pub fn value(&self) -> Value {
        Value::Token(Token::new(TokenKind::Ref(self.node.clone())))
    }
}

/// A template condition (`CfnCondition`).
#[derive(Clone, Debug)]
pub struct CfnCondition {
    pub(crate) node: Node,
}
element_handle!(CfnCondition);

impl CfnCondition {
    /// Defines a condition with an expression (`Fn::Equals`, `Fn::And`, ...; see
    /// [`crate::fns`]).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn new(scope: &impl Construct, id: &str, expression: Value) -> Result<Self, Error> {
        let node = new_element(scope.node(), id, ElementKind::Condition(Box::new(expression)))?;
        node.set_construct_info("aws-cdk-lib.CfnCondition");
        Ok(CfnCondition { node })
    }

    /// `{ "Condition": <logical id> }`, for use inside other conditions.
    pub fn reference(&self) -> Value {
        Value::object([("Condition", self.logical_id())])
    }
}

/// A construct type that can be recovered from its node in the tree: the typed escape hatch
/// of [`Node::default_child_as`] (CDK's `node.defaultChild as CfnBucket`).
///
/// Implemented by [`CfnResource`] and every generated L1 type.
pub trait FromNode: Sized {
    /// The construct of type `Self` at `node`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the node's path when the construct there is not a
    /// `Self`.
    fn try_from_node(node: &Node) -> Result<Self, Error>;
}

impl FromNode for CfnResource {
    fn try_from_node(node: &Node) -> Result<Self, Error> {
        CfnResource::from_node(node).ok_or_else(|| Error::InvalidArgument {
            path: node.path(),
            message: "the construct is not a CloudFormation resource".into(),
        })
    }
}

impl From<&CfnCondition> for CfnCondition {
    fn from(c: &CfnCondition) -> Self {
        c.clone()
    }
}

/// A template mapping (`CfnMapping`).
#[derive(Clone, Debug)]
pub struct CfnMapping {
    node: Node,
}
element_handle!(CfnMapping);

impl CfnMapping {
    /// Defines a mapping (top-level key → second-level key → value) from `(key, value)` pairs
    /// (CDK's `{ mapping }`): a [`Map`], an array of pairs, any iterator.
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn new<K, V>(
        scope: &impl Construct,
        id: &str,
        mapping: impl IntoIterator<Item = (K, V)>,
    ) -> Result<Self, Error>
    where
        K: Into<String>,
        V: Into<Value>,
    {
        let mapping: Map = mapping.into_iter().map(|(k, v)| (k.into(), v.into())).collect();
        let node = new_element(scope.node(), id, ElementKind::Mapping(mapping))?;
        node.set_construct_info("aws-cdk-lib.CfnMapping");
        Ok(CfnMapping { node })
    }

    /// `Fn::FindInMap` on this mapping.
    pub fn find_in_map(&self, key1: impl Into<Value>, key2: impl Into<Value>) -> Value {
        Value::object([(
            "Fn::FindInMap",
            Value::array([self.logical_id(), key1.into(), key2.into()]),
        )])
    }
}

/// A template rule (`CfnRule`).
#[derive(Clone, Debug)]
pub struct CfnRule {
    node: Node,
}
element_handle!(CfnRule);

impl CfnRule {
    /// Defines a rule from its body (`RuleCondition`, `Assertions`).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn new(scope: &impl Construct, id: &str, body: Map) -> Result<Self, Error> {
        let node = new_element(scope.node(), id, ElementKind::Rule(body))?;
        node.set_construct_info("aws-cdk-lib.CfnRule");
        Ok(CfnRule { node })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static INNER: PropertySchema =
        PropertySchema { fields: &[("A", None), ("B", None), ("C", None)] };
    static PROPS: PropertySchema = PropertySchema {
        fields: &[
            ("First", None),
            ("Inner", Some(NestedSchema::Struct(&INNER))),
            ("Items", Some(NestedSchema::List(&INNER))),
            ("Last", None),
            ("Middle", None),
        ],
    };

    /// The keys of an object of a synthesized template, in order.
    fn keys(v: &serde_json::Value) -> Vec<&str> {
        v.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default()
    }

    #[test]
    fn unset_properties_of_a_schema_keep_their_place() -> Result<(), Error> {
        let app = crate::App::new();
        let stack = crate::Stack::new(&app, "Stack")?;
        let props = Value::object([
            ("Inner", Value::object([("C", "c")])),
            ("Items", Value::array([Value::object([("B", "b")])])),
            ("Middle", Value::from("m")),
        ]);
        let r = CfnResource::with_properties(&stack, "R", "X::Y::Z", props, &PROPS, None)?;
        // declared but unset: absent, as a kept `undefined`
        assert!(r.property("Last").is_some_and(|v| v.is_absent()));
        assert_eq!(r.property("Other"), None);
        r.set_property("Last", "l");
        r.set_property("Other", "o");
        r.add_property_override("First", "f");
        r.add_property_override("Inner.A", "a");
        r.add_property_override("Items.0.A", "a");
        let template = stack.synthesize_template()?;
        let p = &template["Resources"]["R"]["Properties"];
        assert_eq!(keys(p), ["First", "Inner", "Items", "Last", "Middle", "Other"]);
        assert_eq!(keys(&p["Inner"]), ["A", "C"]);
        assert_eq!(keys(&p["Items"][0]), ["A", "B"]);
        Ok(())
    }

    #[test]
    fn periods_split_with_escapes() {
        assert_eq!(split_on_periods("a.b\\.c.d"), vec!["a", "b.c", "d"]);
        assert_eq!(split_on_periods("Tags.1.Value"), vec!["Tags", "1", "Value"]);
    }
}
