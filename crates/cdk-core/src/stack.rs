//! Stacks: the unit of deployment, one template each.
//!
//! Ports `core/lib/stack.ts` (name, environment, template options, termination protection,
//! stack tags, dependencies, `formatArn`, pseudo parameters) and `core/lib/nested-stack.ts`.

use indexmap::IndexMap;

use crate::element::{CfnResource, RemovalPolicy};
use crate::error::{Error, IntoProps};
use std::rc::Rc;

use crate::tree::{display_path, Construct, Node, NodeKind, TreeData};
use crate::value::{Map, Value};

/// The account and region a stack deploys to; unset parts make it environment-agnostic.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    /// The AWS account id.
    pub account: Option<String>,
    /// The region.
    pub region: Option<String>,
}

impl Environment {
    /// An environment with both account and region.
    pub fn new(account: &str, region: &str) -> Self {
        Environment { account: Some(account.into()), region: Some(region.into()) }
    }
}

/// Options of a [`Stack`] (CDK's `StackProps`).
///
/// ```
/// use cdk_core::{App, Environment, Stack, StackProps};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::with_props(&app, "Stack", StackProps::builder()
///     .env(Environment::new("123456789012", "eu-west-1"))
///     .tags([("team", "api")]))?;
/// assert_eq!(stack.stack_name(), "Stack");
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "crate::BuildError")
)]
#[non_exhaustive]
pub struct StackProps {
    /// The CloudFormation stack name. Default: the stack's id.
    #[builder(default)]
    pub stack_name: Option<String>,
    /// The environment. Default: environment-agnostic.
    #[builder(default)]
    pub env: Option<Environment>,
    /// The template's `Description`. Default: no description.
    #[builder(default)]
    pub description: Option<String>,
    /// Termination protection. Default: false.
    #[builder(default)]
    pub termination_protection: bool,
    /// Stack tags (applied by CloudFormation to every resource at deployment).
    /// Default: none.
    #[builder(default, setter(custom))]
    pub tags: Vec<(String, String)>,
}
crate::impl_props!(StackProps, StackPropsBuilder);

impl StackPropsBuilder {
    /// Stack tags, as `(key, value)` pairs (CDK's `tags: { key: value }`). Default: none.
    pub fn tags<K, V>(mut self, tags: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<String>,
    {
        let list = self.tags.get_or_insert_with(Vec::new);
        list.extend(tags.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    /// Adds one stack tag.
    pub fn tag(self, key: &str, value: &str) -> Self {
        self.tags([(key, value)])
    }
}

pub(crate) struct NestedInfo {
    /// The `AWS::CloudFormation::Stack` resource in the parent.
    pub resource: usize,
    /// Parameters passed from the parent (name → value in the parent's template).
    pub parameters: IndexMap<String, Value>,
    /// SHA-256 of the rendered template, once rendered.
    pub template_hash: Option<String>,
}

pub(crate) struct StackData {
    pub stack_name: String,
    pub env: Environment,
    pub description: Option<String>,
    pub template_metadata: Map,
    pub transforms: Vec<String>,
    pub template_format_version: Option<String>,
    pub termination_protection: bool,
    /// Stack tags (`aws:cdk:stack`), key → value.
    pub tags: IndexMap<String, String>,
    /// Stacks this one depends on, with reasons.
    pub dependencies: Vec<(usize, String)>,
    /// Every reason of every dependency, in order: (target stack, (source construct, target
    /// construct), reason); one per construct pair, as aws-cdk-lib's `sameReason` keeps them.
    pub dependency_reasons: Vec<(usize, (usize, usize), String)>,
    pub nested: Option<NestedInfo>,
    /// Assets registered with this stack's synthesizer.
    pub assets: Vec<crate::assets::AssetEntry>,
    pub artifact_id: String,
}

/// A CloudFormation stack.
///
/// ```
/// use cdk_core::{App, Stack};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// assert_eq!(stack.stack_name(), "Stack");
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Stack {
    node: Node,
}

impl Construct for Stack {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Stack {
    /// Defines an environment-agnostic stack named after its id.
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn new(scope: &impl Construct, id: &str) -> Result<Stack, Error> {
        Self::with_props(scope, id, StackProps::default())
    }

    /// Defines a stack with options: a [`StackProps`] or its unfinished builder (CDK's
    /// `new Stack(scope, id, props)`).
    ///
    /// # Errors
    /// A builder error naming the stack's path; id errors from the tree;
    /// [`Error::InvalidArgument`] for an invalid stack name.
    pub fn with_props(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<StackProps>,
    ) -> Result<Stack, Error> {
        let props = props.into_props_at(&display_path(&scope.node().child_path(id)))?;
        let scope = scope.node();
        let sanitized = crate::tree::sanitize_id(id);
        let stack_name = props.stack_name.clone().unwrap_or_else(|| sanitized.clone());
        if !valid_stack_name(&stack_name) {
            return Err(Error::InvalidArgument {
                path: display_path(&format!("{}/{}", scope.path(), sanitized)),
                message: format!(
                    "Stack name must match the regular expression: /^[A-Za-z][A-Za-z0-9-]*$/, got '{stack_name}'"
                ),
            });
        }
        let data = StackData {
            stack_name,
            env: props.env.unwrap_or_default(),
            description: props.description,
            template_metadata: Map::new(),
            transforms: Vec::new(),
            template_format_version: None,
            termination_protection: props.termination_protection,
            tags: props.tags.into_iter().collect(),
            dependencies: Vec::new(),
            dependency_reasons: Vec::new(),
            nested: None,
            assets: Vec::new(),
            artifact_id: sanitized,
        };
        let node = scope.add_child_kind(id, NodeKind::Stack(Box::new(data)))?;
        node.set_construct_info("aws-cdk-lib.Stack");
        Ok(Stack { node })
    }

    pub(crate) fn from_node(node: Node) -> Stack {
        Stack { node }
    }

    /// The stack a construct belongs to (`Stack.of`).
    ///
    /// # Errors
    /// [`Error::NoStack`] outside any stack.
    pub fn of(construct: &impl Construct) -> Result<Stack, Error> {
        construct.node().stack()
    }

    pub(crate) fn with_data<R>(&self, f: impl FnOnce(&StackData) -> R) -> R {
        self.node.with(|n| f(n.kind.stack()))
    }

    pub(crate) fn with_data_mut<R>(&self, f: impl FnOnce(&mut StackData) -> R) -> R {
        self.node.with_mut(|n| f(n.kind.stack_mut()))
    }

    /// Changes the stack's data (later, when a producer changes it during resolution).
    pub(crate) fn update(&self, f: impl FnOnce(&mut StackData) + 'static) {
        self.node.update(move |n| f(n.kind.stack_mut()))
    }

    /// The CloudFormation stack name.
    pub fn stack_name(&self) -> String {
        self.with_data(|s| s.stack_name.clone())
    }

    /// The id of this stack's artifact in the cloud assembly (and its template file's stem).
    pub fn artifact_id(&self) -> String {
        self.with_data(|s| s.artifact_id.clone())
    }

    /// The template file name (`Stack.template.json`, `ParentChild8B49BB45.nested.template.json`).
    pub fn template_file(&self) -> String {
        if self.is_nested() {
            format!("{}.nested.template.json", self.artifact_id())
        } else {
            format!("{}.template.json", self.artifact_id())
        }
    }

    /// The number of resources this stack's template holds (`Resources` entries; those of
    /// its nested stacks are in their own templates), as of now: constructs added later,
    /// or while synthesizing, are counted once they are in the tree.
    ///
    /// ```
    /// use cdk_core::{App, CfnResource, Stack, Value};
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// CfnResource::new(&stack, "Topic", "AWS::SNS::Topic", Value::Null)?;
    /// CfnResource::new(&stack, "Queue", "AWS::SQS::Queue", Value::Null)?;
    /// assert_eq!(stack.resource_count(), 2);
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    pub fn resource_count(&self) -> usize {
        let tree = self.node().tree.borrow();
        let me = self.node().idx;
        // (the nodes read in the order they were added, with their stacks: no walk)
        tree.nodes_with_stacks(me)
            .filter(|(_, node, stack)| {
                *stack == Some(me)
                    && matches!(&node.kind, NodeKind::Element(e) if matches!(e.kind, crate::element::ElementKind::Resource(_)))
            })
            .count()
    }

    /// Whether this is a nested stack.
    pub fn is_nested(&self) -> bool {
        self.with_data(|s| s.nested.is_some())
    }

    /// The environment as given.
    pub fn environment(&self) -> Environment {
        self.with_data(|s| s.env.clone())
    }

    /// The account: the literal when the environment sets it, else `{"Ref": "AWS::AccountId"}`.
    pub fn account(&self) -> Value {
        match self.with_data(|s| s.env.account.clone()) {
            Some(a) => Value::String(a),
            None => crate::fns::Aws::account_id(),
        }
    }

    /// The region: the literal when the environment sets it, else `{"Ref": "AWS::Region"}`.
    pub fn region(&self) -> Value {
        match self.with_data(|s| s.env.region.clone()) {
            Some(r) => Value::String(r),
            None => crate::fns::Aws::region(),
        }
    }

    /// The partition (`Stack.partition`): with `@aws-cdk/core:enablePartitionLiterals`, the
    /// literal partition of the stack's region when the environment sets a region aws-cdk-lib
    /// knows (`"aws"` for `us-east-1`); else `{"Ref": "AWS::Partition"}`.
    pub fn partition(&self) -> Value {
        let region = self.with_data(|s| s.env.region.clone());
        match region {
            Some(r) if self.node.feature_flag(crate::feature_flags::ENABLE_PARTITION_LITERALS) => {
                match crate::region_info::partition(&r) {
                    Some(p) => Value::from(p),
                    None => crate::fns::Aws::partition(),
                }
            }
            _ => crate::fns::Aws::partition(),
        }
    }

    /// The URL suffix (`{"Ref": "AWS::URLSuffix"}`).
    pub fn url_suffix(&self) -> Value {
        crate::fns::Aws::url_suffix()
    }

    /// Sets the template `Description`.
    pub fn set_description(&self, description: &str) {
        let d = description.to_string();
        self.update(move |s| s.description = Some(d));
    }

    /// Adds an entry to the template's `Metadata` section.
    pub fn add_template_metadata(&self, key: &str, value: impl Into<Value>) {
        let v = value.into();
        let key = key.to_string();
        self.update(move |s| {
            s.template_metadata.insert(key, v);
        });
    }

    /// Adds a template `Transform` (such as `AWS::Serverless-2016-10-31`).
    pub fn add_transform(&self, transform: &str) {
        let t = transform.to_string();
        self.update(move |s| {
            if !s.transforms.contains(&t) {
                s.transforms.push(t)
            }
        });
    }

    /// Makes this stack depend on another (deployed after it), with an optional reason
    /// (CDK's `addDependency(target, reason?)`): `stack.add_dependency(&other, None)` or
    /// `stack.add_dependency(&other, "ordering")`.
    ///
    /// # Errors
    /// [`Error::DependencyCycle`] when the dependency would close a cycle (`target` already
    /// depends on this stack), with aws-cdk-lib's message (`'B' depends on 'A' (...). Adding
    /// this dependency (...) would create a cyclic reference.`), as aws-cdk-lib throws at the
    /// call; [`Error::InvalidArgument`] for a stack of another app. (Asked for from a lazy
    /// value while the app synthesizes, the dependency is added once the tree is free and a
    /// cycle is reported by validation.)
    pub fn add_dependency<'a>(
        &self,
        target: &Stack,
        reason: impl Into<Option<&'a str>>,
    ) -> Result<(), Error> {
        let reason = reason.into().map(str::to_string).unwrap_or_else(|| {
            format!("<{}>.addStackDependency(<{}>)", self.node.path(), target.node.path())
        });
        if !Rc::ptr_eq(&self.node.tree, &target.node.tree) {
            return Err(Error::InvalidArgument {
                path: self.node.path(),
                message: format!(
                    "cannot depend on '{}': it belongs to another app",
                    target.node.path()
                ),
            });
        }
        let (s, t) = (self.node.idx, target.node.idx);
        if let Ok(mut tree) = self.node.tree.try_borrow_mut() {
            // aws-cdk-lib's `_addAssemblyDependency` refuses a cycle when it is asked for
            tree.flush_pending();
            return add_stack_dependency(&mut tree, s, t, (s, t), reason);
        }
        // asked for while the tree is in use (from a lazy value during synthesis): applied
        // when the tree is free again, a cycle then reported by validation
        self.node.update_tree(move |tree| {
            if let Err(e) = add_stack_dependency(tree, s, t, (s, t), reason) {
                let message = match &e {
                    Error::DependencyCycle { path, .. } => {
                        e.to_string().trim_start_matches(&format!("{path}: ")).to_string()
                    }
                    other => other.to_string(),
                };
                tree.nodes[s].rare_mut().validations.push(Rc::new(move || vec![message.clone()]));
            }
        });
        Ok(())
    }

    /// An ARN for a resource of this stack's account and region (`Stack.formatArn`).
    pub fn format_arn(&self, c: &ArnComponents) -> Value {
        let partition = c.partition.clone().unwrap_or_else(|| self.partition());
        let region = c.region.clone().unwrap_or_else(|| self.region());
        let account = c.account.clone().unwrap_or_else(|| self.account());
        let mut parts = crate::value::ConcatBuilder::with_capacity(12);
        parts.push_str("arn:");
        parts.push(partition);
        parts.push_str(":");
        parts.push_str(&c.service);
        parts.push_str(":");
        parts.push(region);
        parts.push_str(":");
        parts.push(account);
        parts.push_str(":");
        parts.push(c.resource.clone());
        if let Some(name) = &c.resource_name {
            parts.push_str(c.arn_format.separator());
            parts.push(name.clone());
        }
        parts.finish()
    }

    /// Renders a value that may hold tokens as JSON text (CDK's
    /// `stack.toJsonString(obj, space?)`): a string token that resolves to the literal text
    /// when the value holds no token, else to an `Fn::Join` that CloudFormation evaluates
    /// into the text, each token taking the place of a JSON string. `space` indents as
    /// `JSON.stringify` does (`None`: compact).
    ///
    /// ```
    /// use cdk_core::{App, CfnResource, Stack, Value};
    /// let app = App::new();
    /// # app.skip_synth_check();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let queue = CfnResource::new(&stack, "Queue", "AWS::SQS::Queue", Value::Null)?;
    /// let body = stack.to_json_string(Value::object([("queue", queue.get_att("Arn"))]), None);
    /// // resolves to {"Fn::Join": ["", ["{\"queue\":\"", {"Fn::GetAtt": ["Queue", "Arn"]}, "\"}"]]}
    /// # let _ = body;
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    pub fn to_json_string(
        &self,
        value: impl Into<Value>,
        space: impl Into<Option<usize>>,
    ) -> Value {
        let kind = crate::value::TokenKind::JsonString(value.into(), space.into().unwrap_or(0));
        Value::Token(crate::value::Token::new(kind))
    }

    /// The logical ID of an element of this stack (a token, resolved at synthesis).
    pub fn get_logical_id(&self, element: &CfnResource) -> Value {
        element.logical_id()
    }

    /// A nested stack's resource in its parent (`AWS::CloudFormation::Stack`), if nested.
    pub fn nested_stack_resource(&self) -> Option<CfnResource> {
        let idx = self.with_data(|s| s.nested.as_ref().map(|n| n.resource))?;
        CfnResource::from_node(&self.node.sibling(idx))
    }
}

fn valid_stack_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// How the resource name is separated from the resource type in an ARN.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum ArnFormat {
    /// `arn:aws:service:region:account:resource/resourceName`.
    #[default]
    #[doc(alias = "SLASH_RESOURCE_NAME")]
    SlashResourceName,
    /// `arn:aws:service:region:account:resource:resourceName`.
    #[doc(alias = "COLON_RESOURCE_NAME")]
    ColonResourceName,
    /// `arn:aws:service:region:account:resource` followed directly by the name.
    #[doc(alias = "NO_RESOURCE_NAME")]
    NoResourceName,
}

impl ArnFormat {
    fn separator(self) -> &'static str {
        match self {
            ArnFormat::SlashResourceName => "/",
            ArnFormat::ColonResourceName => ":",
            ArnFormat::NoResourceName => "",
        }
    }
}

/// The parts of an ARN for [`Stack::format_arn`].
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct ArnComponents {
    /// The service (`iam`, `execute-api`).
    pub service: String,
    /// The resource type part.
    pub resource: Value,
    /// The resource name, if any.
    pub resource_name: Option<Value>,
    /// Separator before the resource name.
    pub arn_format: ArnFormat,
    /// Partition (default: the stack's).
    pub partition: Option<Value>,
    /// Region (default: the stack's; `Some("")` for global services).
    pub region: Option<Value>,
    /// Account (default: the stack's).
    pub account: Option<Value>,
}

impl ArnComponents {
    /// Components for a service and resource.
    pub fn new(service: &str, resource: impl Into<Value>) -> Self {
        ArnComponents { service: service.into(), resource: resource.into(), ..Default::default() }
    }
    /// With a resource name.
    pub fn resource_name(mut self, name: impl Into<Value>) -> Self {
        self.resource_name = Some(name.into());
        self
    }
    /// With a separator.
    pub fn arn_format(mut self, f: ArnFormat) -> Self {
        self.arn_format = f;
        self
    }
    /// With a region.
    pub fn region(mut self, r: impl Into<Value>) -> Self {
        self.region = Some(r.into());
        self
    }
    /// With an account.
    pub fn account(mut self, a: impl Into<Value>) -> Self {
        self.account = Some(a.into());
        self
    }
}

/// Options of a [`NestedStack`] (CDK's `NestedStackProps`). Every field is optional:
/// `NestedStackProps::default()` is CDK's `new NestedStack(scope, id)`.
///
/// ```
/// use std::time::Duration;
/// use cdk_core::{App, NestedStack, NestedStackProps, Stack};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Parent")?;
/// let nested = NestedStack::new(&stack, "Child", NestedStackProps::builder()
///     .timeout(Duration::from_secs(600))
///     .parameters([("Env", "prod")]))?;
/// assert!(nested.is_nested());
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "crate::BuildError")
)]
#[non_exhaustive]
pub struct NestedStackProps {
    /// Values of the nested template's parameters (`Parameters` of the
    /// `AWS::CloudFormation::Stack`), name → value. Default: none, besides the parameters
    /// the nested stack's references to its parent add.
    #[builder(default, setter(custom))]
    pub parameters: Vec<(String, Value)>,
    /// How long CloudFormation waits for the nested stack to reach `CREATE_COMPLETE`
    /// (`TimeoutInMinutes`: a whole number of minutes). Default: no timeout.
    #[builder(default)]
    pub timeout: Option<std::time::Duration>,
    /// SNS topic ARNs that receive the nested stack's events (`NotificationARNs`).
    /// Default: none.
    #[builder(default, setter(custom))]
    pub notification_arns: Option<Vec<Value>>,
    /// What happens to the nested stack when it leaves the parent. Default:
    /// [`RemovalPolicy::Destroy`].
    #[builder(default)]
    pub removal_policy: Option<RemovalPolicy>,
    /// The nested template's `Description`. Default: no description.
    #[builder(default)]
    pub description: Option<String>,
}
crate::impl_props!(NestedStackProps, NestedStackPropsBuilder);

impl NestedStackPropsBuilder {
    /// Values of the nested template's parameters, as `(name, value)` pairs (CDK's
    /// `parameters: { name: value }`). Default: none.
    pub fn parameters<K, V>(mut self, parameters: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<Value>,
    {
        let list = self.parameters.get_or_insert_with(Vec::new);
        list.extend(parameters.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    /// SNS topic ARNs that receive the nested stack's events (any list of values).
    /// Default: none.
    pub fn notification_arns<I>(mut self, arns: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<Value>,
    {
        self.notification_arns = Some(Some(arns.into_iter().map(Into::into).collect()));
        self
    }
}

/// A stack deployed as a resource of its parent (`NestedStack`).
///
/// Its template is written as `<ParentArtifact><uniqueid>.nested.template.json` and published
/// as a file asset of the parent; the parent holds an `AWS::CloudFormation::Stack` resource
/// with id `<id>.NestedStackResource` under a `<id>.NestedStack` scope.
#[derive(Clone, Debug)]
pub struct NestedStack {
    stack: Stack,
    resource: CfnResource,
}

impl Construct for NestedStack {
    fn node(&self) -> &Node {
        self.stack.node()
    }
}

impl std::ops::Deref for NestedStack {
    type Target = Stack;
    fn deref(&self) -> &Stack {
        &self.stack
    }
}

impl NestedStack {
    /// Defines a nested stack inside `scope` (which must be in a stack); `props` is a
    /// [`NestedStackProps`] or its unfinished builder (CDK's `new NestedStack(scope, id, props)`).
    ///
    /// # Errors
    /// A builder error naming the nested stack's path; [`Error::NoStack`] when `scope` is
    /// not in a stack; [`Error::InvalidArgument`] for a timeout that is not a whole number of
    /// minutes; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<NestedStackProps>,
    ) -> Result<NestedStack, Error> {
        let path = scope.node().child_path(id);
        let props = props.into_props_at(&path)?;
        let timeout_in_minutes = match props.timeout {
            Some(t) if t.as_millis() % 60_000 != 0 => {
                return Err(Error::InvalidArgument {
                    path,
                    message: format!(
                        "'{} millis' cannot be converted into a whole number of minutes.",
                        t.as_millis()
                    ),
                })
            }
            Some(t) => Some(Value::from((t.as_millis() / 60_000) as u64)),
            None => None,
        };
        let scope = scope.node();
        let parent = scope.stack()?;
        // The resource lives in the parent, under a scope named `<id>.NestedStack`.
        let resource_scope = scope.add_child(&format!("{id}.NestedStack"))?;
        resource_scope.set_construct_info("constructs.Construct");
        let mut properties = Map::new();
        for name in ["NotificationARNs", "Parameters", "Tags", "TemplateURL", "TimeoutInMinutes"] {
            properties.insert(name.into(), Value::absent());
        }
        let resource = CfnResource::create(
            &resource_scope,
            &format!("{id}.NestedStackResource"),
            "AWS::CloudFormation::Stack",
            Value::Object(properties),
            Some(crate::tags::Tagging {
                property: "Tags",
                format: crate::tags::TagFormat::Standard,
            }),
        )?;
        if let Some(arns) = props.notification_arns {
            resource.set_property("NotificationARNs", Value::Array(arns));
        }
        if let Some(minutes) = timeout_in_minutes {
            resource.set_property("TimeoutInMinutes", minutes);
        }
        resource.apply_removal_policy(props.removal_policy.unwrap_or(RemovalPolicy::Destroy));
        resource.node().set_construct_info("aws-cdk-lib.CfnStack");

        let stack_props = StackProps { description: props.description, ..Default::default() };
        let stack = Stack::with_props(scope, id, stack_props)?;
        stack.node().set_construct_info("aws-cdk-lib.NestedStack");
        // The ids from the app down (ids hold no `/`), also for a stack added by a producer.
        let components: Vec<String> = stack.node.path().split('/').map(str::to_string).collect();
        let artifact_id = crate::logical_id::make_unique_id(&components).unwrap_or_default();
        let parent_name = parent.stack_name();
        let env = parent.environment();
        let resource_idx = resource.node().idx;
        stack.update(move |s| {
            s.artifact_id = artifact_id.clone();
            s.stack_name = format!("{parent_name}-{artifact_id}");
            s.env = env;
            s.nested = Some(NestedInfo {
                resource: resource_idx,
                parameters: props.parameters.into_iter().collect(),
                template_hash: None,
            });
        });
        // TemplateURL: the template's asset location in the parent, known once rendered.
        let s = stack.clone();
        let parent2 = parent.clone();
        resource.set_property(
            "TemplateURL",
            Value::lazy_uncached(move |_| {
                let hash =
                    s.with_data(|d| d.nested.as_ref().and_then(|n| n.template_hash.clone()))?;
                Some(crate::assets::template_url(&parent2, &hash))
            }),
        );
        let s = stack.clone();
        resource.set_property(
            "Parameters",
            Value::lazy_uncached(move |_| {
                let params = s.with_data(|d| {
                    d.nested.as_ref().map(|n| n.parameters.clone()).unwrap_or_default()
                });
                if params.is_empty() {
                    None
                } else {
                    Some(Value::Object(params.into_iter().collect()))
                }
            }),
        );
        Ok(NestedStack { stack, resource })
    }

    /// The `AWS::CloudFormation::Stack` resource in the parent (CDK's
    /// `nestedStackResource`).
    pub fn resource(&self) -> CfnResource {
        self.resource.clone()
    }
}

/// `Stack._addStackDependency`: `source` depends on `target` because of the construct pair
/// `key` (a second reason for the same pair is dropped).
///
/// # Errors
/// [`Error::DependencyCycle`] when `target` already depends on `source`, directly or not.
pub(crate) fn add_stack_dependency(
    tree: &mut TreeData,
    source: usize,
    target: usize,
    key: (usize, usize),
    reason: String,
) -> Result<(), Error> {
    if source == target {
        return Ok(());
    }
    if let Some(cycle) = dependency_reasons(tree, target, source, 0) {
        return Err(Error::DependencyCycle {
            path: tree.nodes[source].path.clone(),
            target: tree.nodes[target].path.clone(),
            cycle: cycle.join(", "),
            reason,
        });
    }
    let data = tree.stack_mut(source);
    if !data.dependencies.iter().any(|(d, _)| *d == target) {
        data.dependencies.push((target, reason.clone()));
    }
    if !data.dependency_reasons.iter().any(|(d, k, _)| *d == target && *k == key) {
        data.dependency_reasons.push((target, key, reason));
    }
    Ok(())
}

/// `stackDependencyReasons`: the reasons along the first chain of dependencies from `from`
/// to `to` (empty when they are the same stack), `None` when `from` does not depend on `to`.
fn dependency_reasons(
    tree: &TreeData,
    from: usize,
    to: usize,
    depth: usize,
) -> Option<Vec<String>> {
    if from == to {
        return Some(Vec::new());
    }
    // The dependency graph has no cycle (each edge was checked), so the depth is bounded by
    // the number of stacks; the guard only protects against a broken invariant.
    if depth > tree.nodes.len() {
        return None;
    }
    let data = tree.stack(from);
    for (next, _) in &data.dependencies {
        if let Some(rest) = dependency_reasons(tree, *next, to, depth + 1) {
            let mut out: Vec<String> = data
                .dependency_reasons
                .iter()
                .filter(|(d, _, _)| d == next)
                .map(|(_, _, r)| r.clone())
                .collect();
            out.extend(rest);
            return Some(out);
        }
    }
    None
}
