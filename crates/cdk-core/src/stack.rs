//! Stacks: the unit of deployment, one template each.
//!
//! Ports `core/lib/stack.ts` (name, environment, template options, termination protection,
//! stack tags, dependencies, `formatArn`, pseudo parameters) and `core/lib/nested-stack.ts`.

use indexmap::IndexMap;

use crate::element::{CfnResource, RemovalPolicy};
use crate::error::Error;
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

/// Options of a [`Stack`].
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "crate::BuildError"))]
#[non_exhaustive]
pub struct StackProps {
    /// The CloudFormation stack name. Default: the stack's id.
    #[builder(default)]
    pub stack_name: Option<String>,
    /// The environment. Default: environment-agnostic.
    #[builder(default)]
    pub env: Option<Environment>,
    /// The template's `Description`.
    #[builder(default)]
    pub description: Option<String>,
    /// Termination protection. Default: off.
    #[builder(default)]
    pub termination_protection: bool,
    /// Stack tags (applied by CloudFormation to every resource at deployment).
    #[builder(default, setter(custom))]
    pub tags: Vec<(String, String)>,
}

impl StackPropsBuilder {
    /// Adds a stack tag.
    pub fn tag(mut self, key: &str, value: &str) -> Self {
        self.tags.get_or_insert_with(Vec::new).push((key.into(), value.into()));
        self
    }
}

impl StackProps {
    /// Starts a builder.
    pub fn builder() -> StackPropsBuilder {
        StackPropsBuilder::default()
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
/// let stack = Stack::new(&app, "Stack").unwrap();
/// assert_eq!(stack.stack_name(), "Stack");
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

    /// Defines a stack with options.
    ///
    /// # Errors
    /// Id errors from the tree; [`Error::InvalidArgument`] for an invalid stack name.
    pub fn with_props(scope: &impl Construct, id: &str, props: StackProps) -> Result<Stack, Error> {
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

    /// The partition (`{"Ref": "AWS::Partition"}`).
    pub fn partition(&self) -> Value {
        crate::fns::Aws::partition()
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

    /// Makes this stack depend on another (deployed after it).
    ///
    /// A dependency that would close a cycle (`target` already depends on this stack) is
    /// not added; synthesis reports it as a validation error of this stack, with
    /// aws-cdk-lib's message (`'B' depends on 'A' (...). Adding this dependency (...) would
    /// create a cyclic reference.`).
    pub fn add_dependency(&self, target: &Stack, reason: Option<&str>) {
        let reason = reason.map(str::to_string).unwrap_or_else(|| {
            format!("<{}>.addStackDependency(<{}>)", self.node.path(), target.node.path())
        });
        if !Rc::ptr_eq(&self.node.tree, &target.node.tree) {
            let path = target.node.path();
            self.node.add_validation(move || {
                vec![format!("cannot depend on '{path}': it belongs to another app")]
            });
            return;
        }
        let (s, t) = (self.node.idx, target.node.idx);
        self.node.update_tree(move |tree| {
            if let Err(e) = add_stack_dependency(tree, s, t, (s, t), reason) {
                let message = match &e {
                    Error::DependencyCycle { path, .. } => {
                        e.to_string().trim_start_matches(&format!("{path}: ")).to_string()
                    }
                    other => other.to_string(),
                };
                tree.nodes[s].validations.push(Rc::new(move || vec![message.clone()]));
            }
        });
    }

    /// An ARN for a resource of this stack's account and region (`Stack.formatArn`).
    pub fn format_arn(&self, c: &ArnComponents) -> Value {
        let partition = c.partition.clone().unwrap_or_else(|| self.partition());
        let region = c.region.clone().unwrap_or_else(|| self.region());
        let account = c.account.clone().unwrap_or_else(|| self.account());
        let mut parts: Vec<Value> = vec![
            "arn:".into(),
            partition,
            ":".into(),
            c.service.clone().into(),
            ":".into(),
            region,
            ":".into(),
            account,
            ":".into(),
            c.resource.clone(),
        ];
        if let Some(name) = &c.resource_name {
            parts.push(c.arn_format.separator().into());
            parts.push(name.clone());
        }
        Value::concat(parts)
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
    SlashResourceName,
    /// `arn:aws:service:region:account:resource:resourceName`.
    ColonResourceName,
    /// `arn:aws:service:region:account:resource` followed directly by the name.
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

/// A stack deployed as a resource of its parent (`NestedStack`).
///
/// Its template is written as `<ParentArtifact><uniqueid>.nested.template.json` and published
/// as a file asset of the parent; the parent holds an `AWS::CloudFormation::Stack` resource
/// with id `<id>.NestedStackResource` under a `<id>.NestedStack` scope.
#[derive(Clone, Debug)]
pub struct NestedStack {
    stack: Stack,
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
    /// Defines a nested stack inside `scope` (which must be in a stack).
    ///
    /// # Errors
    /// [`Error::NoStack`] when `scope` is not in a stack; id errors from the tree.
    pub fn new(scope: &impl Construct, id: &str) -> Result<NestedStack, Error> {
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
        resource.apply_removal_policy(RemovalPolicy::Destroy);
        resource.node().set_construct_info("aws-cdk-lib.CfnStack");

        let stack = Stack::with_props(scope, id, StackProps::default())?;
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
                parameters: IndexMap::new(),
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
        Ok(NestedStack { stack })
    }

    /// The `AWS::CloudFormation::Stack` resource in the parent.
    pub fn resource(&self) -> Option<CfnResource> {
        self.stack.nested_stack_resource()
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
