//! The app: root of the construct tree, its context, and synthesis into a cloud assembly.
//!
//! Ports `core/lib/app.ts` and the phase order of `core/lib/private/synthesis.ts`: tag aspects,
//! construct dependencies, cross-stack references, validation, then per stack the bootstrap
//! version rule, nested templates (deepest first, hashed compactly) and the template, the
//! asset manifest and the stack artifact; then `tree.json`, and `manifest.json` with the
//! feature-flag report.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use indexmap::IndexMap;

use crate::assets::{asset_manifest, specialize, AssetEntry, Packaging};
use crate::element::ElementKind;
use crate::error::Error;
use crate::json::to_json_string;
use crate::resolve::{logical_id, CrossRef};
use crate::template::write_template;
use crate::tree::{Construct, Node, NodeKind, TreeData};
use crate::value::{Map, Value};
use crate::{feature_flags, Stack};
use sha2::{Digest, Sha256};

/// Context key of the per-stack resource limit (`0` turns the check off).
pub const STACK_RESOURCE_LIMIT_CONTEXT: &str = "@aws-cdk/core:stackResourceLimit";
/// CloudFormation's limit, which aws-cdk-lib enforces at synthesis.
pub const DEFAULT_STACK_RESOURCE_LIMIT: u64 = 500;

/// Which feature flags a new app starts with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Flags {
    /// The recommended set, as `cdk init` writes it (the default).
    #[default]
    Recommended,
    /// No flags: aws-cdk-lib's legacy behaviour.
    None,
}

/// Options of an [`App`].
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "crate::BuildError"))]
#[non_exhaustive]
pub struct AppProps {
    /// Where to write the cloud assembly. Default: `$CDK_OUTDIR`, else `cdk.out`.
    #[builder(default)]
    pub outdir: Option<PathBuf>,
    /// The feature flags to start from. Default: [`Flags::Recommended`].
    #[builder(default)]
    pub flags: Flags,
    /// Whether resources get `Metadata["aws:cdk:path"]` and asset metadata, as `cdk synth`
    /// does. Default: true.
    #[builder(default = "true")]
    pub cli_metadata: bool,
    /// Extra context, applied last (flags the app sets itself).
    #[builder(default, setter(custom))]
    pub context: IndexMap<String, serde_json::Value>,
}

impl AppPropsBuilder {
    /// Sets one context entry (a feature flag, say).
    pub fn context(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.context.get_or_insert_with(IndexMap::new).insert(key.to_string(), value.into());
        self
    }
}

impl AppProps {
    /// Starts a builder.
    pub fn builder() -> AppPropsBuilder {
        AppPropsBuilder::default()
    }
}

/// The root of a construct tree.
///
/// ```
/// use cdk_core::{App, CfnResource, Stack, Value};
/// let dir = std::env::temp_dir().join("cdk-core-doctest-app");
/// let app = App::with_props(cdk_core::AppProps::builder().outdir(dir.clone()).build().unwrap());
/// let stack = Stack::new(&app, "Stack").unwrap();
/// CfnResource::new(&stack, "Topic", "AWS::SNS::Topic", Value::Null).unwrap();
/// let assembly = app.synth().unwrap();
/// assert!(dir.join("Stack.template.json").exists());
/// assert_eq!(assembly.stacks, vec!["Stack".to_string()]);
/// ```
#[derive(Clone, Debug)]
pub struct App {
    node: Node,
    outdir: PathBuf,
}

impl Construct for App {
    fn node(&self) -> &Node {
        &self.node
    }
}

/// What [`App::synth`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CloudAssembly {
    /// The assembly folder.
    pub directory: PathBuf,
    /// Artifact ids of the top-level stacks, in manifest order.
    pub stacks: Vec<String>,
}

impl Default for App {
    fn default() -> Self {
        Self::new()
    }
}

impl App {
    /// An app with the recommended feature flags and `cdk synth`'s metadata switches.
    pub fn new() -> App {
        Self::with_props(AppProps { cli_metadata: true, ..Default::default() })
    }

    /// An app with options.
    pub fn with_props(props: AppProps) -> App {
        let mut context = IndexMap::new();
        if props.flags == Flags::Recommended {
            context.extend(feature_flags::recommended());
        }
        if props.cli_metadata {
            context.insert(feature_flags::PATH_METADATA_ENABLE.into(), true.into());
            context.insert(feature_flags::ASSET_RESOURCE_METADATA_ENABLED.into(), true.into());
        }
        context.extend(props.context);
        let outdir = props
            .outdir
            .or_else(|| std::env::var_os("CDK_OUTDIR").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("cdk.out"));
        let tree = Rc::new(RefCell::new(TreeData::new_root(context)));
        App { node: Node::new(tree, 0), outdir }
    }

    /// The folder the assembly is written to.
    pub fn outdir(&self) -> &Path {
        &self.outdir
    }

    /// Synthesizes every stack into the cloud assembly folder.
    ///
    /// # Errors
    /// [`Error::Validation`] with every construct's validation messages; resolution errors
    /// (logical IDs, references); [`Error::Io`] when files cannot be written.
    pub fn synth(&self) -> Result<CloudAssembly, Error> {
        self.synth_timed().map(|(assembly, _)| assembly)
    }

    /// [`App::synth`], also returning how long each phase took.
    ///
    /// # Errors
    /// As [`App::synth`].
    pub fn synth_timed(&self) -> Result<(CloudAssembly, SynthTimings), Error> {
        let mut clock = Clock::new();
        let assembly = self.synth_with(&mut clock)?;
        Ok((assembly, clock.timings))
    }

    fn synth_with(&self, clock: &mut Clock) -> Result<CloudAssembly, Error> {
        let tree = &self.node.tree;
        apply_tag_aspects(&mut tree.borrow_mut());
        reify_dependencies(&mut tree.borrow_mut());
        let top_stacks = self.top_level_stacks();
        wire_references(&self.node, &top_stacks)?;
        clock.lap(Phase::Prepare);
        {
            // From here on logical IDs change only when a lazy one is computed (which updates
            // its entry): remember them.
            let tree = tree.borrow();
            *tree.logical_ids.borrow_mut() = Some(vec![None; tree.nodes.len()]);
        }
        compute_lazy_logical_ids(&self.node)?;
        validate(&self.node)?;
        clock.lap(Phase::Resolve);
        let outdir = &self.outdir;
        std::fs::create_dir_all(outdir).map_err(|e| io_err(outdir, e))?;
        clock.lap(Phase::Write);

        let mut artifacts = Map::new();
        let mut ids = Vec::new();
        for stack_idx in &top_stacks {
            let stack = Stack::from_node(self.node.sibling(*stack_idx));
            add_bootstrap_version_rule(&stack)?;
            let template_hash = self.synth_stack(&stack, &stack, clock)?;
            let artifact_id = stack.artifact_id();
            let assets_id = format!("{artifact_id}.assets");
            let entries = stack.with_data(|d| d.assets.clone());
            let manifest = to_json_string(&asset_manifest(&stack, &entries), 2);
            clock.lap(Phase::Render);
            write(outdir, &format!("{assets_id}.json"), &manifest)?;
            clock.lap(Phase::Write);
            for e in &entries {
                if let Some(from) = &e.stage_from {
                    crate::assets::stage(from, &outdir.join(&e.path))
                        .map_err(|err| io_err(&outdir.join(&e.path), err))?;
                }
            }
            artifacts.insert(
                assets_id.clone(),
                Value::object([
                    ("type", Value::from("cdk:asset-manifest")),
                    (
                        "properties",
                        Value::object([
                            ("file", Value::from(format!("{assets_id}.json"))),
                            ("requiresBootstrapStackVersion", Value::from(6)),
                            ("bootstrapStackVersionSsmParameter", Value::from(bootstrap_ssm())),
                        ]),
                    ),
                ]),
            );
            let metadata = stack_metadata(&self.node, *stack_idx)?;
            clock.lap(Phase::Render);
            let has_metadata = metadata.is_some();
            if let Some(text) = metadata {
                write(outdir, &format!("{artifact_id}.metadata.json"), &text)?;
            }
            clock.lap(Phase::Write);
            artifacts
                .insert(artifact_id.clone(), stack_artifact(&stack, &template_hash, has_metadata));
            ids.push(artifact_id);
        }
        let tree_text = tree_json(&self.node);
        clock.lap(Phase::Render);
        write(outdir, "tree.json", &tree_text)?;
        drop(tree_text);
        clock.lap(Phase::Write);
        artifacts.insert(
            "Tree".into(),
            Value::object([
                ("type", Value::from("cdk:tree")),
                ("properties", Value::object([("file", "tree.json")])),
            ]),
        );
        let context = tree.borrow().nodes[0].context.as_deref().cloned().unwrap_or_default();
        artifacts.insert(
            "aws-cdk-lib/feature-flag-report".into(),
            Value::object([
                ("type", Value::from("cdk:feature-flag-report")),
                (
                    "properties",
                    Value::object([
                        ("module", Value::from("aws-cdk-lib")),
                        ("flags", feature_flags::report(&context)),
                    ]),
                ),
            ]),
        );
        let manifest = Value::object([
            ("version", Value::from(crate::CLOUD_ASSEMBLY_VERSION)),
            ("artifacts", Value::Object(artifacts)),
            ("minimumCliVersion", Value::from(crate::MINIMUM_CLI_VERSION)),
        ]);
        let manifest = to_json_string(&manifest, 2);
        let version =
            to_json_string(&Value::object([("version", crate::CLOUD_ASSEMBLY_VERSION)]), 0);
        clock.lap(Phase::Render);
        write(outdir, "manifest.json", &manifest)?;
        write(outdir, "cdk.out", &version)?;
        clock.lap(Phase::Write);
        Ok(CloudAssembly { directory: outdir.clone(), stacks: ids })
    }

    fn top_level_stacks(&self) -> Vec<usize> {
        // Post-order over the tree: a stack's own nested stages first; in practice, creation order.
        let tree = self.node.tree.borrow();
        tree.descendants(0)
            .into_iter()
            .filter(|i| matches!(&tree.nodes[*i].kind, NodeKind::Stack(s) if s.nested.is_none()))
            .collect()
    }

    /// Writes the templates of `stack`'s nested stacks (deepest first) and of `stack`;
    /// returns the SHA-256 of the stack's template file.
    fn synth_stack(&self, stack: &Stack, top: &Stack, clock: &mut Clock) -> Result<String, Error> {
        let nested: Vec<usize> = {
            let tree = self.node.tree.borrow();
            let me = stack.node().idx;
            tree.nodes[me]
                .children
                .iter()
                .flat_map(|c| tree.descendants(*c))
                .filter(
                    |i| matches!(&tree.nodes[*i].kind, NodeKind::Stack(s) if s.nested.is_some()),
                )
                .filter(|i| nearest_parent_stack(&tree, *i) == Some(me))
                .collect()
        };
        for n in nested {
            let child = Stack::from_node(self.node.sibling(n));
            self.synth_stack(&child, top, clock)?;
        }
        let refs = RefCell::new(Vec::<CrossRef>::new());
        clock.lap(Phase::Render);
        // The template goes to its file in chunks as it is written, and into its hash: of the
        // text for a top-level stack, of the compact text (indent 0) for a nested one.
        let path = self.outdir.join(stack.template_file());
        let mut sink = TemplateSink {
            file: std::fs::File::create(&path).map_err(|e| io_err(&path, e))?,
            path: &path,
            sha: Sha256::new(),
            compact: stack.is_nested().then(crate::json::Compactor::default),
            scratch: Vec::new(),
            clock,
        };
        let mut text = String::with_capacity(1 << 19);
        write_template(&self.node.tree, stack.node().idx, &refs, 1, &mut text, &mut |chunk| {
            sink.feed(chunk)
        })?;
        sink.feed(&mut text)?;
        let TemplateSink { sha, clock, .. } = sink;
        let hash = crate::logical_id::hex(&sha.finalize());
        clock.lap(Phase::Render);
        if stack.is_nested() {
            let display = format!("{} Nested Stack Template", stack_relative_path(stack));
            crate::assets::add_file_asset(
                stack,
                AssetEntry {
                    source_hash: hash.clone(),
                    path: stack.template_file(),
                    packaging: Packaging::File,
                    display_name: Some(display),
                    object_key: format!("{hash}.json"),
                    stage_from: None,
                },
            );
            let file = stack.template_file();
            stack.with_data_mut(|d| {
                if let Some(n) = d.nested.as_mut() {
                    n.template_hash = Some(hash.clone());
                }
            });
            if let Some(resource) = stack.nested_stack_resource() {
                crate::assets::add_asset_metadata(&resource, &file, "TemplateURL", None);
            }
            Ok(hash)
        } else {
            let display = format!("{} Template", stack.stack_name());
            crate::assets::add_file_asset(
                top,
                AssetEntry {
                    source_hash: hash.clone(),
                    path: stack.template_file(),
                    packaging: Packaging::File,
                    display_name: Some(display),
                    object_key: format!("{hash}.json"),
                    stage_from: None,
                },
            );
            Ok(hash)
        }
    }
}

/// Where a template's text goes while it is written: its file and its hash.
struct TemplateSink<'a> {
    file: std::fs::File,
    path: &'a Path,
    sha: Sha256,
    /// For a nested stack: the layout is removed before hashing.
    compact: Option<crate::json::Compactor>,
    scratch: Vec<u8>,
    clock: &'a mut Clock,
}

impl TemplateSink<'_> {
    /// Writes and hashes a chunk of the text, and empties it.
    fn feed(&mut self, chunk: &mut String) -> Result<(), Error> {
        use std::io::Write;
        let start = Instant::now();
        self.file.write_all(chunk.as_bytes()).map_err(|e| io_err(self.path, e))?;
        let written = Instant::now();
        self.clock.charge(Phase::Write, written - start);
        match &mut self.compact {
            Some(c) => {
                self.scratch.clear();
                c.feed(chunk.as_bytes(), &mut self.scratch);
                self.sha.update(&self.scratch);
            }
            None => self.sha.update(chunk.as_bytes()),
        }
        self.clock.charge(Phase::Hash, written.elapsed());
        chunk.clear();
        Ok(())
    }
}

/// How long each phase of synthesis took ([`App::synth_timed`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct SynthTimings {
    /// Tag aspects, construct dependencies and references between stacks.
    pub prepare: Duration,
    /// Lazy logical IDs (an API deployment's hash resolves the whole API), logical IDs and
    /// validation.
    pub resolve: Duration,
    /// Resolving and writing templates, manifests and `tree.json` as text in memory.
    pub render: Duration,
    /// Hashing templates (SHA-256).
    pub hash: Duration,
    /// Writing files.
    pub write: Duration,
}

#[derive(Clone, Copy)]
enum Phase {
    Prepare,
    Resolve,
    Render,
    Hash,
    Write,
}

/// Adds the time since the last lap to a phase.
struct Clock {
    last: Instant,
    timings: SynthTimings,
}

impl Clock {
    fn new() -> Clock {
        Clock { last: Instant::now(), timings: SynthTimings::default() }
    }

    /// Adds time measured inside the current lap to `phase` (the lap then leaves it out).
    fn charge(&mut self, phase: Phase, spent: Duration) {
        self.last += spent;
        let t = &mut self.timings;
        *match phase {
            Phase::Prepare => &mut t.prepare,
            Phase::Resolve => &mut t.resolve,
            Phase::Render => &mut t.render,
            Phase::Hash => &mut t.hash,
            Phase::Write => &mut t.write,
        } += spent;
    }

    fn lap(&mut self, phase: Phase) {
        let now = Instant::now();
        let spent = now - self.last;
        self.last = now;
        let t = &mut self.timings;
        *match phase {
            Phase::Prepare => &mut t.prepare,
            Phase::Resolve => &mut t.resolve,
            Phase::Render => &mut t.render,
            Phase::Hash => &mut t.hash,
            Phase::Write => &mut t.write,
        } += spent;
    }
}

fn nearest_parent_stack(tree: &TreeData, idx: usize) -> Option<usize> {
    tree.nodes[idx].parent.and_then(|p| tree.stack_of(p))
}

/// `Names.stackRelativeConstructPath`: the ids below the closest top-level stack, joined by `/`
/// (the display name of assets).
pub fn stack_relative_path(c: &impl Construct) -> String {
    let node = c.node();
    let tree = node.tree.borrow();
    let scopes = tree.scopes(node.idx);
    let top = scopes
        .iter()
        .rposition(|i| matches!(&tree.nodes[*i].kind, NodeKind::Stack(s) if s.nested.is_none()))
        .unwrap_or(0);
    scopes[top + 1..].iter().map(|i| tree.nodes[*i].id.as_str()).collect::<Vec<_>>().join("/")
}

fn bootstrap_ssm() -> String {
    format!("/cdk-bootstrap/{}/version", crate::assets::DEFAULT_QUALIFIER)
}

fn add_bootstrap_version_rule(stack: &Stack) -> Result<(), Error> {
    if stack.node().try_find_child("BootstrapVersion").is_some() {
        return Ok(());
    }
    let param = crate::CfnParameter::new(
        stack,
        "BootstrapVersion",
        crate::CfnParameterProps {
            type_: Some("AWS::SSM::Parameter::Value<String>".into()),
            default_value: Some(Value::String(bootstrap_ssm())),
            description: Some("Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]".into()),
            ..Default::default()
        },
    )?;
    let old_versions = Value::array(["1", "2", "3", "4", "5"]);
    let assertion = Value::object([
        (
            "Assert",
            crate::fns::Fn::condition_not(Value::object([(
                "Fn::Contains",
                Value::array([old_versions, param.value()]),
            )])),
        ),
        (
            "AssertDescription",
            Value::from("CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI."),
        ),
    ]);
    crate::CfnRule::new(
        stack,
        "CheckBootstrapVersion",
        [("Assertions".to_string(), Value::array([assertion]))].into_iter().collect(),
    )?;
    Ok(())
}

fn stack_artifact(stack: &Stack, template_hash: &str, has_metadata: bool) -> Value {
    let env = stack.environment();
    let environment = format!(
        "aws://{}/{}",
        env.account.as_deref().unwrap_or("unknown-account"),
        env.region.as_deref().unwrap_or("unknown-region")
    );
    let artifact_id = stack.artifact_id();
    let role = |name: &str| {
        specialize(
            stack,
            &format!("arn:${{AWS::Partition}}:iam::${{AWS::AccountId}}:role/cdk-${{Qualifier}}-{name}-role-${{AWS::AccountId}}-${{AWS::Region}}"),
        )
    };
    let bucket = specialize(stack, crate::assets::FILE_ASSETS_BUCKET_NAME);
    let mut props = Map::new();
    props.insert("templateFile".into(), Value::String(stack.template_file()));
    let (termination, tags, name) =
        stack.with_data(|d| (d.termination_protection, d.tags.clone(), d.stack_name.clone()));
    props.insert("terminationProtection".into(), Value::Bool(termination));
    if !tags.is_empty() {
        let mut sorted: Vec<_> = tags.into_iter().collect();
        sorted.sort_by(|a, b| crate::collate::locale_compare(&a.0, &b.0));
        props.insert("tags".into(), Value::object(sorted));
    }
    props.insert("validateOnSynth".into(), Value::Bool(false));
    props.insert("assumeRoleArn".into(), Value::String(role("deploy")));
    props.insert("cloudFormationExecutionRoleArn".into(), Value::String(role("cfn-exec")));
    props.insert(
        "stackTemplateAssetObjectUrl".into(),
        Value::String(format!("s3://{bucket}/{template_hash}.json")),
    );
    props.insert("requiresBootstrapStackVersion".into(), Value::from(6));
    props.insert("bootstrapStackVersionSsmParameter".into(), Value::String(bootstrap_ssm()));
    props.insert("additionalDependencies".into(), Value::array([format!("{artifact_id}.assets")]));
    props.insert(
        "lookupRole".into(),
        Value::object([
            ("arn", Value::String(role("lookup"))),
            ("requiresBootstrapStackVersion", Value::from(8)),
            ("bootstrapStackVersionSsmParameter", Value::String(bootstrap_ssm())),
        ]),
    );
    if name != artifact_id {
        props.insert("stackName".into(), Value::String(name));
    }
    let mut deps: Vec<Value> = stack
        .with_data(|d| d.dependencies.clone())
        .into_iter()
        .map(|(d, _)| Value::String(Stack::from_node(stack.node().sibling(d)).artifact_id()))
        .collect();
    deps.push(Value::String(format!("{artifact_id}.assets")));
    let mut a = Map::new();
    a.insert("type".into(), Value::from("aws:cloudformation:stack"));
    a.insert("environment".into(), Value::String(environment));
    a.insert("properties".into(), Value::Object(props));
    a.insert("dependencies".into(), Value::Array(deps));
    if has_metadata {
        a.insert(
            "additionalMetadataFile".into(),
            Value::String(format!("{artifact_id}.metadata.json")),
        );
    }
    a.insert("displayName".into(), Value::String(stack.node().path()));
    Value::Object(a)
}

/// `<Stack>.metadata.json`: per construct path, the logical ID of each element, the stack's
/// template file and tags (stack traces are not recorded).
///
/// Written straight as text (indent 2); `None` when there is nothing to record.
fn stack_metadata(root: &Node, stack: usize) -> Result<Option<String>, Error> {
    use crate::json::{newline, object_key, write_string, write_value};
    const INDENT: usize = 2;
    let tree = root.tree.borrow();
    let mut out = String::new();
    out.push('{');
    let mut first = true;
    let mut key = String::new();
    let mut queue = std::collections::VecDeque::from([stack]);
    while let Some(i) = queue.pop_front() {
        let n = &tree.nodes[i];
        if i != stack && matches!(&n.kind, NodeKind::Stack(s) if s.nested.is_none()) {
            continue;
        }
        // `"/path": [{"type": t, "data": ...}, ...]` at level 1, entries at level 2
        let mut open = |out: &mut String, first: &mut bool| {
            key.clear();
            key.push('/');
            key.push_str(&n.path);
            object_key(out, first, &key, INDENT, 0);
            out.push('[');
        };
        let entry = |out: &mut String, k: usize, t: &str| {
            if k > 0 {
                out.push(',');
            }
            newline(out, INDENT, 2);
            out.push('{');
            newline(out, INDENT, 3);
            out.push_str("\"type\": ");
            write_string(out, t);
            out.push(',');
            newline(out, INDENT, 3);
            out.push_str("\"data\": ");
        };
        let close_entry = |out: &mut String| {
            newline(out, INDENT, 2);
            out.push('}');
        };
        match &n.kind {
            NodeKind::Stack(s) if i == stack => {
                open(&mut out, &mut first);
                let file = Stack::from_node(root.sibling(i)).template_file();
                entry(&mut out, 0, "aws:cdk:templateFile");
                write_string(&mut out, &file);
                close_entry(&mut out);
                if !s.tags.is_empty() {
                    let mut sorted: Vec<_> = s.tags.iter().collect();
                    sorted.sort_by(|a, b| crate::collate::locale_compare(a.0, b.0));
                    let tags =
                        Value::array(sorted.into_iter().map(|(k, v)| {
                            Value::object([("key", k.as_str()), ("value", v.as_str())])
                        }));
                    entry(&mut out, 1, "aws:cdk:stack-tags");
                    write_value(&mut out, &tags, INDENT, 3);
                    close_entry(&mut out);
                }
            }
            NodeKind::Element(_) => {
                open(&mut out, &mut first);
                entry(&mut out, 0, "aws:cdk:logicalId");
                write_string(&mut out, &logical_id(&tree, i)?);
                close_entry(&mut out);
            }
            _ => {
                queue.extend(n.children.iter().copied());
                continue;
            }
        }
        newline(&mut out, INDENT, 1);
        out.push(']');
        queue.extend(n.children.iter().copied());
    }
    if first {
        return Ok(None);
    }
    newline(&mut out, INDENT, 0);
    out.push('}');
    Ok(Some(out))
}

/// `tree.json` (compact): every construct with its id, path, construct info and, for
/// resources, type and logical ID; children keyed by id. Written directly as text: it has
/// one entry per construct.
fn tree_json(root: &Node) -> String {
    use crate::json::write_string;
    fn node_json(out: &mut String, tree: &TreeData, i: usize) {
        let n = &tree.nodes[i];
        out.push_str("{\"id\":");
        write_string(out, if n.id.is_empty() { "App" } else { &n.id });
        out.push_str(",\"path\":");
        write_string(out, &n.path);
        let (fqn, version) = match &n.construct_info {
            Some(f) => (&**f, crate::CDK_VERSION),
            None => ("constructs.Construct", crate::CONSTRUCTS_VERSION),
        };
        out.push_str(",\"constructInfo\":{\"fqn\":");
        write_string(out, fqn);
        out.push_str(",\"version\":");
        write_string(out, version);
        out.push('}');
        if let NodeKind::Element(e) = &n.kind {
            if let ElementKind::Resource(r) = &e.kind {
                out.push_str(",\"attributes\":{\"aws:cdk:cloudformation:type\":");
                write_string(out, &r.resource_type);
                if let Ok(lid) = logical_id(tree, i) {
                    out.push_str(",\"aws:cdk:cloudformation:logicalId\":");
                    write_string(out, &lid);
                }
                out.push('}');
            }
        }
        if !n.children.is_empty() {
            out.push_str(",\"children\":{");
            for (k, c) in n.children.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                write_string(out, &tree.nodes[*c].id);
                out.push(':');
                node_json(out, tree, *c);
            }
            out.push('}');
        }
        out.push('}');
    }
    let tree = root.tree.borrow();
    let mut out = String::with_capacity(tree.nodes.len() * 160);
    out.push_str("{\"version\":\"tree-0.1\",\"tree\":");
    node_json(&mut out, &tree, 0);
    out.push('}');
    out
}

fn write(dir: &Path, name: &str, text: &str) -> Result<(), Error> {
    let path = dir.join(name);
    std::fs::write(&path, text).map_err(|e| io_err(&path, e))
}

fn io_err(path: &Path, e: std::io::Error) -> Error {
    Error::Io { dir: path.display().to_string(), reason: e.to_string() }
}

/// Applies the `Tags.of(...)` operations to every taggable resource, top-down: a scope's
/// inherited operations first, then its own, each in the order they were added.
fn apply_tag_aspects(tree: &mut TreeData) {
    let explicit_stack_tags = tree
        .context(0, feature_flags::EXPLICIT_STACK_TAGS)
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let mut stack: Vec<(usize, Vec<crate::tags::TagAspect>)> = vec![(0, Vec::new())];
    while let Some((i, inherited)) = stack.pop() {
        let mut aspects = inherited;
        aspects.extend(tree.nodes[i].tag_aspects.iter().cloned());
        if !aspects.is_empty() {
            match &mut tree.nodes[i].kind {
                NodeKind::Element(e) => {
                    if let ElementKind::Resource(r) = &mut e.kind {
                        let rt = r.resource_type.clone();
                        if let Some(t) = &mut r.tags {
                            for a in &aspects {
                                if a.applies_to(&rt) {
                                    match &a.value {
                                        Some(v) => t.set_tag(&a.key, v, a.priority, true),
                                        None => t.remove_tag(&a.key, a.priority),
                                    }
                                }
                            }
                        }
                    }
                }
                NodeKind::Stack(s) if !explicit_stack_tags => {
                    for a in &aspects {
                        if a.applies_to("aws:cdk:stack") {
                            match &a.value {
                                Some(v) => {
                                    s.tags.insert(a.key.clone(), v.clone());
                                }
                                None => {
                                    s.tags.shift_remove(&a.key);
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        for c in tree.nodes[i].children.iter().rev() {
            stack.push((*c, aspects.clone()));
        }
    }
}

/// Turns construct dependencies (`node.add_dependency`) into `DependsOn` between resources
/// of one stack, or dependencies between stacks.
fn reify_dependencies(tree: &mut TreeData) {
    let mut pairs = Vec::new();
    for i in 0..tree.nodes.len() {
        if let Some(deps) = &tree.nodes[i].dependencies {
            pairs.extend(deps.iter().map(|d| (i, *d)));
        }
    }
    let resources_under = |tree: &TreeData, i: usize| -> Vec<usize> {
        tree.descendants(i)
            .into_iter()
            .filter(|j| matches!(tree.element(*j).map(|e| &e.kind), Some(ElementKind::Resource(_))))
            .collect()
    };
    for (source, target) in pairs {
        let sources = resources_under(tree, source);
        let targets = resources_under(tree, target);
        for s in &sources {
            for t in &targets {
                add_resource_dependency(tree, *s, *t);
            }
        }
    }
}

fn add_resource_dependency(tree: &mut TreeData, source: usize, target: usize) {
    let (Some(ss), Some(ts)) = (tree.stack_of(source), tree.stack_of(target)) else {
        return;
    };
    if ss == ts {
        if let Some(ElementKind::Resource(r)) = tree.element_mut(source).map(|e| &mut e.kind) {
            if source != target {
                r.depends_on.insert(target);
            }
        }
        return;
    }
    // Different stacks: find the closest common stack.
    let chain = |tree: &TreeData, mut s: usize| {
        let mut out = vec![s];
        while let Some(p) = nearest_parent_stack(tree, s) {
            if tree.stack(s).nested.is_none() {
                break;
            }
            out.push(p);
            s = p;
        }
        out
    };
    let sc = chain(tree, ss);
    let tc = chain(tree, ts);
    if let Some(common) = sc.iter().find(|s| tc.contains(s)).copied() {
        let in_common = |tree: &TreeData, res: usize, stack_chain: &[usize]| -> usize {
            // the resource itself, or the nested stack resource containing it, in `common`
            let pos = stack_chain.iter().position(|s| *s == common).unwrap_or(0);
            if pos == 0 {
                res
            } else {
                tree.stack(stack_chain[pos - 1]).nested.as_ref().map(|n| n.resource).unwrap_or(res)
            }
        };
        let s = in_common(tree, source, &sc);
        let t = in_common(tree, target, &tc);
        if s != t {
            add_resource_dependency(tree, s, t);
        }
    } else {
        let (src_top, tgt_top) = (*sc.last().unwrap_or(&ss), *tc.last().unwrap_or(&ts));
        let reason = format!("{} -> {}", tree.nodes[source].path, tree.nodes[target].path);
        let data = tree.stack_mut(src_top);
        if !data.dependencies.iter().any(|(d, _)| *d == tgt_top) {
            data.dependencies.push((tgt_top, reason));
        }
    }
}

/// Finds references between stacks by resolving every template, and wires each one
/// (outputs, parameters, dependencies); repeats until no new reference appears.
fn wire_references(root: &Node, top_stacks: &[usize]) -> Result<(), Error> {
    let all_stacks: Vec<usize> = {
        let tree = root.tree.borrow();
        (0..tree.nodes.len())
            .filter(|i| matches!(tree.nodes[*i].kind, NodeKind::Stack(_)))
            .collect()
    };
    if all_stacks.len() <= 1 && top_stacks.len() <= 1 {
        return Ok(());
    }
    for _round in 0..16 {
        let refs = RefCell::new(Vec::<CrossRef>::new());
        crate::template::discover_references(&root.tree, &refs)?;
        let mut new_found = false;
        for r in refs.into_inner() {
            let key = (r.consumer, r.target, r.attribute.clone());
            if root.tree.borrow().cross_ref_values.contains_key(&key) {
                continue;
            }
            new_found = true;
            let value = crate::refs::wire(root, r.consumer, r.target, r.attribute.as_deref())?;
            root.tree.borrow_mut().cross_ref_values.insert(key, value);
        }
        if !new_found {
            return Ok(());
        }
    }
    Ok(())
}

/// Replaces each lazy logical ID by its value, computed in its stack's context.
fn compute_lazy_logical_ids(root: &Node) -> Result<(), Error> {
    let pending: Vec<(usize, crate::element::LazyLogicalId)> = {
        let tree = root.tree.borrow();
        (0..tree.nodes.len())
            .filter_map(|i| tree.element(i).and_then(|e| e.lazy_logical_id.clone()).map(|f| (i, f)))
            .collect()
    };
    for (idx, f) in pending {
        let id = {
            let tree = root.tree.borrow();
            let refs = RefCell::new(Vec::new());
            let ctx = crate::resolve::ResolveContext {
                tree: &tree,
                tree_rc: &root.tree,
                stack: tree.stack_of(idx).unwrap_or(0),
                cross_refs: &refs,
                keep_absent: false,
            };
            f(&ctx)?
        };
        let mut tree = root.tree.borrow_mut();
        if let Some(slot) = tree.logical_ids.get_mut().as_mut().and_then(|c| c.get_mut(idx)) {
            *slot = Some(id.clone());
        }
        if let Some(e) = tree.element_mut(idx) {
            e.logical_id_override = Some(id);
        }
    }
    Ok(())
}

fn validate(root: &Node) -> Result<(), Error> {
    let validations: Vec<(String, crate::tree::Validation)> = {
        let tree = root.tree.borrow();
        tree.nodes
            .iter()
            .flat_map(|n| n.validations.iter().map(|v| (n.path.clone(), v.clone())))
            .collect()
    };
    let mut messages = Vec::new();
    for (path, v) in validations {
        for m in v() {
            messages.push((path.clone(), m));
        }
    }
    // Logical IDs must be computable; stacks hold at most `stackResourceLimit` resources.
    {
        let tree = root.tree.borrow();
        let mut per_stack: IndexMap<usize, usize> = IndexMap::new();
        for i in 0..tree.nodes.len() {
            if let Some(e) = tree.element(i) {
                logical_id(&tree, i)?;
                if matches!(e.kind, ElementKind::Resource(_)) {
                    if let Some(s) = tree.stack_of(i) {
                        *per_stack.entry(s).or_default() += 1;
                    }
                }
            }
        }
        for (stack, count) in per_stack {
            let limit = tree
                .context(stack, STACK_RESOURCE_LIMIT_CONTEXT)
                .and_then(|v| v.as_u64())
                .unwrap_or(DEFAULT_STACK_RESOURCE_LIMIT);
            if limit > 0 && count as u64 > limit {
                messages.push((
                    tree.nodes[stack].path.clone(),
                    format!(
                        "Number of resources in stack '{}': {count} is greater than allowed maximum of {limit}",
                        tree.nodes[stack].path
                    ),
                ));
            }
        }
    }
    if messages.is_empty() {
        Ok(())
    } else {
        Err(Error::Validation { messages })
    }
}
