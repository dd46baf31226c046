//! The app: root of the construct tree, its context, and synthesis into a cloud assembly.
//!
//! Ports `core/lib/app.ts` and the phase order of `core/lib/private/synthesis.ts`: tag aspects,
//! construct dependencies, cross-stack references, validation, then per stack the bootstrap
//! version rule, nested templates (deepest first, hashed compactly) and the template, the
//! asset manifest and the stack artifact; then `tree.json`, and `manifest.json` with the
//! feature-flag report.
//!
//! Files are rendered as text in chunks on the synthesizing thread; a writer thread writes
//! and hashes them, and keeps the top-level templates' text for the built-in validation
//! (see [`SynthTimings::wait`]). Into files, `tree.json` and the last top-level stack's
//! metadata are rendered and written by a third thread from a snapshot of the tree while the
//! synthesizing thread renders that stack's templates (see [`SynthTimings::aside`]); the
//! snapshot is checked against the tree afterwards, and both files are rendered again here
//! when a lazy value's producer changed what they say.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indexmap::IndexMap;

use crate::assets::{asset_manifest, specialize, AssetEntry, Packaging};
use crate::element::ElementKind;
use crate::error::Error;
use crate::json::to_json_string;
use crate::resolve::{logical_id, CrossRef};
use crate::template::write_template;
use crate::tree::{Construct, Node, NodeKind, TreeData};
use crate::tree_view::{Flush, TreeView, STREAM_CHUNK};
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

/// Options of an [`App`] (CDK's `AppProps`, with the switches `cdk synth` sets).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "crate::BuildError")
)]
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
    /// Extra context (flags the app sets itself), applied after the feature flags; the CLI's
    /// context (`$CDK_CONTEXT_JSON`) overrides it, as in aws-cdk-lib.
    #[builder(default, setter(custom))]
    pub context: IndexMap<String, serde_json::Value>,
    /// Whether the templates are checked by the built-in CloudFormation validation after
    /// synthesis (aws-cdk-lib's `builtinCloudFormationValidation`; see
    /// [`crate::validations`]). Default: true; `CDK_VALIDATION=false` also turns it off.
    #[builder(default = "true")]
    pub builtin_cloudformation_validation: bool,
}
crate::impl_props!(AppProps, AppPropsBuilder);

impl Default for AppProps {
    fn default() -> Self {
        AppProps {
            outdir: None,
            flags: Flags::default(),
            cli_metadata: true,
            context: IndexMap::new(),
            builtin_cloudformation_validation: true,
        }
    }
}

impl AppPropsBuilder {
    /// Sets one context entry (a feature flag, say).
    pub fn context(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.context.get_or_insert_with(IndexMap::new).insert(key.to_string(), value.into());
        self
    }
}

/// Environment variable through which the CDK CLI passes the context to the app.
pub const CONTEXT_ENV: &str = "CDK_CONTEXT_JSON";
/// Environment variable naming a JSON file with more context (the CLI's overflow for large
/// contexts).
pub const CONTEXT_OVERFLOW_LOCATION_ENV: &str = "CONTEXT_OVERFLOW_LOCATION_ENV";

/// The context the CDK CLI passes: `$CDK_CONTEXT_JSON`, then the overflow file. Entries that
/// are not a JSON object are ignored (aws-cdk-lib would throw on unparsable JSON).
fn cli_context() -> IndexMap<String, serde_json::Value> {
    let mut context = IndexMap::new();
    let from_env = std::env::var(CONTEXT_ENV).ok();
    let from_file = std::env::var_os(CONTEXT_OVERFLOW_LOCATION_ENV)
        .and_then(|path| std::fs::read_to_string(path).ok());
    for json in [from_env, from_file].into_iter().flatten() {
        if let Ok(serde_json::Value::Object(entries)) = serde_json::from_str(&json) {
            context.extend(entries);
        }
    }
    context
}

/// The root of a construct tree.
///
/// ```
/// use cdk_core::{App, AppProps, CfnResource, Stack, Value};
/// let dir = std::env::temp_dir().join("cdk-core-doctest-app");
/// let app = App::with_props(AppProps::builder().outdir(dir.clone()));
/// let stack = Stack::new(&app, "Stack")?;
/// CfnResource::new(&stack, "Topic", "AWS::SNS::Topic", Value::Null)?;
/// let assembly = app.synth()?;
/// assert!(dir.join("Stack.template.json").exists());
/// assert_eq!(assembly.stacks, vec!["Stack".to_string()]);
/// # Ok::<(), cdk_core::Error>(())
/// ```
///
/// An app with stacks that is dropped without [`App::synth`] having been called synthesizes
/// itself when it runs under the `cdk` CLI (`CDK_OUTDIR` is set), as CDK apps in other
/// languages do, printing any error to stderr; elsewhere it prints a warning naming
/// `app.synth()` to stderr. [`App::skip_synth_check`] turns both off.
#[derive(Clone, Debug)]
pub struct App {
    node: Node,
    outdir: PathBuf,
    guard: Rc<SynthGuard>,
}

/// Shared by every handle of one app: when the last one is dropped, an app that was never
/// synthesized synthesizes (under the CLI) or warns.
#[derive(Debug)]
struct SynthGuard {
    node: Node,
    outdir: PathBuf,
    /// `synth()` was called, or the check was turned off.
    done: std::cell::Cell<bool>,
}

impl Drop for SynthGuard {
    fn drop(&mut self) {
        if self.done.get() || self.node.tree.borrow().synthesized_once || std::thread::panicking() {
            return;
        }
        let app = App::handle(self.node.clone(), self.outdir.clone(), true);
        if app.top_level_stacks().is_empty() {
            return;
        }
        if std::env::var_os("CDK_OUTDIR").is_some() {
            if let Err(e) = app.synth() {
                eprintln!("error: synthesizing the app when it was dropped failed: {e}");
            }
        } else {
            eprintln!("{}", NOT_SYNTHESIZED_WARNING);
        }
    }
}

/// The warning printed when an app with stacks is dropped without `app.synth()` outside the
/// `cdk` CLI.
pub const NOT_SYNTHESIZED_WARNING: &str = "warning: the App was dropped without being synthesized: call `app.synth()?` at the end of main to write the cloud assembly (the cdk CLI, which sets CDK_OUTDIR, synthesizes it on drop)";

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
        Self::with_props(AppProps::default())
    }

    /// An app with options: an [`AppProps`] or its unfinished builder (CDK's
    /// `new App(props)`).
    ///
    /// # Panics
    /// Never for an [`AppProps`] or its builder: every field has a default and none is
    /// validated, so finishing the builder cannot fail (only a foreign [`IntoProps`]
    /// implementation that fails would panic).
    ///
    /// [`IntoProps`]: crate::IntoProps
    pub fn with_props(props: impl crate::IntoProps<AppProps>) -> App {
        // Every field of AppProps has a default and none is validated: finishing cannot fail.
        let props = props.into_props().expect("AppProps has no required or validated field");
        let mut context = IndexMap::new();
        if props.flags == Flags::Recommended {
            context.extend(feature_flags::recommended());
        }
        if props.cli_metadata {
            context.insert(feature_flags::PATH_METADATA_ENABLE.into(), true.into());
            context.insert(feature_flags::ASSET_RESOURCE_METADATA_ENABLED.into(), true.into());
        }
        context.extend(props.context);
        // The CDK CLI's context (cdk.json, cdk.context.json, `-c key=value`, and the metadata
        // switches), as aws-cdk-lib's `App` reads it: `$CDK_CONTEXT_JSON`, then the file named
        // by `$CONTEXT_OVERFLOW_LOCATION_ENV` (where the CLI puts large contexts).
        context.extend(cli_context());
        let outdir = props
            .outdir
            .or_else(|| std::env::var_os("CDK_OUTDIR").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("cdk.out"));
        let mut data = TreeData::new_root(context);
        data.builtin_validation = props.builtin_cloudformation_validation;
        let tree = Rc::new(RefCell::new(data));
        let node = Node::new(tree, 0);
        App::handle(node, outdir, false)
    }

    /// A handle on the app whose root is `node`, with its own drop check (`quiet`: already
    /// done, for handles made inside the crate on an app the user holds).
    fn handle(node: Node, outdir: PathBuf, quiet: bool) -> App {
        let guard = Rc::new(SynthGuard {
            node: node.clone(),
            outdir: outdir.clone(),
            done: std::cell::Cell::new(quiet),
        });
        App { node, outdir, guard }
    }

    /// Turns off what happens when an app that was never synthesized is dropped (synthesis
    /// under the `cdk` CLI, a warning elsewhere): for apps built only to inspect their tree.
    pub fn skip_synth_check(&self) {
        self.guard.done.set(true);
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
    ///
    /// As `Stage.synth` in aws-cdk-lib, a second call returns the assembly of the first
    /// without writing anything, unless constructs were added or removed in between:
    /// [`Error::TreeModifiedAfterSynth`] then.
    pub fn synth(&self) -> Result<CloudAssembly, Error> {
        self.synth_timed().map(|(assembly, _)| assembly)
    }

    /// [`App::synth`], also returning how long each phase took (all zero when the assembly
    /// of an earlier synthesis is returned).
    ///
    /// # Errors
    /// As [`App::synth`].
    pub fn synth_timed(&self) -> Result<(CloudAssembly, SynthTimings), Error> {
        self.guard.done.set(true);
        if self.node.tree.try_borrow_mut().is_err() {
            // Called from a lazy value's producer or a validation while synthesizing.
            return Err(Error::InvalidArgument {
                path: String::new(),
                message: "synth() cannot be called while the app is being synthesized".into(),
            });
        }
        let cached = self.node.tree.borrow().synthesized.clone();
        if let Some((assembly, count)) = cached {
            // Constructs are never removed and their paths never change: the paths are the
            // same exactly when no construct was added.
            let now = self.node.tree.borrow().nodes.len();
            if now == count {
                return Ok((assembly, SynthTimings::default()));
            }
            let before = self.construct_paths(count);
            let after = self.construct_paths(now);
            return Err(Error::TreeModifiedAfterSynth { changes: path_set_diff(&before, &after) });
        }
        let mut clock = Clock::new();
        let assembly = self.synth_once(None, &mut clock)?;
        let count = self.node.tree.borrow().nodes.len();
        self.node.tree.borrow_mut().synthesized = Some((assembly.clone(), count));
        Ok((assembly, clock.timings))
    }

    /// The paths of the constructs `0..count` (the first `count` added), pre-order
    /// (`listAllConstructPaths` of the tree as it was then).
    fn construct_paths(&self, count: usize) -> Vec<String> {
        let tree = self.node.tree.borrow();
        let mut paths = Vec::with_capacity(count);
        for_each_below(&tree, 0, &mut Vec::new(), |i| {
            if i < count {
                paths.push(tree.nodes[i].path.clone())
            }
        });
        paths
    }

    /// One synthesis: into the assembly folder, or into `memory` (file name → text; no
    /// asset is staged) for [`Stack::synthesize_template`].
    fn synth_once(
        &self,
        memory: Option<&Memory>,
        clock: &mut Clock,
    ) -> Result<CloudAssembly, Error> {
        let tree = &self.node.tree;
        tree.borrow_mut().synthesized_once = true;
        // Logical IDs remembered by an earlier, failed synthesis may change now.
        *tree.borrow().logical_ids.borrow_mut() = None;
        // computed on another core while this thread prepares and resolves
        let prefetch = crate::resolve::IdPrefetch::start(&tree.borrow());
        apply_tag_aspects(&mut tree.borrow_mut());
        reify_dependencies(&mut tree.borrow_mut())?;
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
        // Producers run by the lazy IDs may have added or changed constructs: the tree has
        // them from here on (and logical IDs remembered before are computed again).
        flush_pending(&self.node);
        if let Some(prefetch) = prefetch {
            prefetch.fill(&tree.borrow());
        }
        validate(&self.node)?;
        clock.lap(Phase::Resolve);
        // Written into a fresh folder beside the target, renamed into place once complete:
        // a failed synthesis leaves the previous assembly as it was, a successful one leaves
        // no file of an earlier one behind.
        if let Some(memory) = memory {
            let ids = self.write_assembly(&Out::Memory(memory), &top_stacks, clock)?;
            return Ok(CloudAssembly { directory: self.outdir.clone(), stacks: ids });
        }
        let staging = staging_dir(&self.outdir)?;
        clock.lap(Phase::Write);
        match self.write_files(&staging, &top_stacks, clock) {
            Ok(ids) => {
                publish(&staging, &self.outdir)?;
                clock.lap(Phase::Write);
                Ok(CloudAssembly { directory: self.outdir.clone(), stacks: ids })
            }
            Err(e) => {
                let _ = std::fs::remove_dir_all(&staging);
                Err(e)
            }
        }
    }

    /// Writes the whole assembly into `staging`: this thread renders the files, a writer
    /// thread writes and hashes them (and keeps each top-level template's text when the
    /// built-in validation runs); then this thread validates the kept templates. Returns the
    /// top-level stacks' artifact ids, or the first error (a write's comes before any error
    /// this thread met later).
    ///
    /// The validation runs here rather than on a thread of its own, overlapping the
    /// rendering of the metadata, `tree.json` and the manifest: measured at N=1000 of the
    /// benchmark, its template read into a `serde_json` value in a fresh thread's allocator
    /// arena took 20 % longer, more than the overlap saved.
    fn write_files(
        &self,
        staging: &Path,
        top_stacks: &[usize],
        clock: &mut Clock,
    ) -> Result<Vec<String>, Error> {
        use std::sync::mpsc;
        let validating = crate::validations::enabled(&self.node.tree.borrow());
        let failed = AtomicBool::new(false);
        let (written, report) = std::thread::scope(|scope| {
            let (jobs_tx, jobs_rx) = mpsc::sync_channel(JOBS_IN_FLIGHT);
            let (free_tx, free_rx) = mpsc::channel();
            let (hash_tx, hash_rx) = mpsc::channel();
            let failed = &failed;
            let writer_thread = scope
                .spawn(move || write_jobs(staging, jobs_rx, free_tx, hash_tx, failed, validating));
            let writer = Writer {
                jobs: jobs_tx,
                free: free_rx,
                hashes: hash_rx,
                failed,
                spare: RefCell::new(Vec::new()),
            };
            let written = self.write_assembly(
                &Out::Files { dir: staging, writer: &writer },
                top_stacks,
                clock,
            );
            clock.lap(Phase::Render);
            // No more jobs: the writer finishes what it was sent, then ends.
            drop(writer);
            (written, join(writer_thread))
        });
        clock.lap(Phase::Wait);
        clock.timings.hash += report.spent.hash;
        clock.timings.write += report.spent.write;
        clock.timings.validate += report.spent.keep;
        if let Some(e) = report.error {
            return Err(e);
        }
        let ids = written?;
        if validating {
            let found: Vec<_> = report
                .kept
                .into_iter()
                .map(|(stack, text)| (stack, crate::validations::check_text(&text)))
                .collect();
            self.report_validation(top_stacks, found)?;
            clock.lap(Phase::Validate);
        }
        Ok(ids)
    }

    /// Writes the whole assembly through `out`; returns the top-level stacks' artifact ids.
    ///
    /// Into files, `tree.json` and the last top-level stack's metadata are rendered and
    /// written by a thread of their own ([`write_aside`]) from a snapshot of the tree
    /// ([`TreeView`]) taken before that stack's templates, while this thread renders them;
    /// [`TreeView::matches`] then tells whether a lazy value's producer changed what the two
    /// files say meanwhile (they are then rendered again here).
    fn write_assembly(
        &self,
        out: &Out<'_>,
        top_stacks: &[usize],
        clock: &mut Clock,
    ) -> Result<Vec<String>, Error> {
        std::thread::scope(|scope| {
            let tree = &self.node.tree;
            let mut artifacts = Map::new();
            let mut ids = Vec::new();
            let mut aside = None;
            let mut tree_written = false;
            for (k, stack_idx) in top_stacks.iter().enumerate() {
                let stack = Stack::from_node(self.node.sibling(*stack_idx));
                add_bootstrap_version_rule(&stack)?;
                let artifact_id = stack.artifact_id();
                let metadata_name = format!("{artifact_id}.metadata.json");
                if let (Out::Files { dir, .. }, true) = (out, k + 1 == top_stacks.len()) {
                    clock.lap(Phase::Render);
                    let view = TreeView::of(&tree.borrow(), 0);
                    if let Some(s) = view.node_of(*stack_idx).filter(|_| view.complete()) {
                        let dir = dir.to_path_buf();
                        let name = metadata_name.clone();
                        aside = Some(scope.spawn(move || {
                            let start = Instant::now();
                            let result = write_aside(&view, s, &dir, &name);
                            (view, result, start.elapsed())
                        }));
                    }
                    clock.lap(Phase::Render);
                }
                let template_hash = self.synth_stack(&stack, &stack, out, clock)?;
                let assets_id = format!("{artifact_id}.assets");
                let entries = stack.with_data(|d| d.assets.clone());
                let manifest = to_json_string(&asset_manifest(&stack, &entries), 2);
                out.write(&format!("{assets_id}.json"), manifest, clock)?;
                if let Out::Files { dir, .. } = out {
                    clock.lap(Phase::Render);
                    for e in entries.iter() {
                        if let Some(from) = &e.stage_from {
                            crate::assets::stage(from, &dir.join(&e.path), &e.exclude)
                                .map_err(|err| crate::assets::source_error(&e.owner, from, err))?;
                        }
                    }
                    clock.lap(Phase::Write);
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
                clock.lap(Phase::Render);
                let mut has_metadata = None;
                if let Some(handle) = aside.take() {
                    let (view, written, spent) = join(handle);
                    clock.lap(Phase::Wait);
                    clock.timings.aside += spent;
                    let unchanged = view.matches(&tree.borrow(), 0);
                    drop(view);
                    clock.lap(Phase::Render);
                    // otherwise rendered again below, and written over
                    if unchanged {
                        has_metadata = Some(written?);
                        tree_written = true;
                    }
                }
                let has_metadata = match has_metadata {
                    Some(h) => h,
                    None => {
                        let view = TreeView::of(&tree.borrow(), *stack_idx);
                        let missing = |i: usize| missing_logical_id(&tree.borrow(), i);
                        out.write_streamed(&metadata_name, clock, |text, flush| {
                            view.write_metadata(0, text, flush, &missing)
                        })?
                    }
                };
                clock.lap(Phase::Render);
                artifacts.insert(
                    artifact_id.clone(),
                    stack_artifact(&stack, &template_hash, has_metadata),
                );
                ids.push(artifact_id);
            }
            clock.lap(Phase::Render);
            if !tree_written {
                let view = TreeView::of(&tree.borrow(), 0);
                out.write_streamed("tree.json", clock, |text, flush| {
                    view.write_tree_json(text, flush).map(|()| true)
                })?;
            }
            clock.lap(Phase::Render);
            artifacts.insert(
                "Tree".into(),
                Value::object([
                    ("type", Value::from("cdk:tree")),
                    ("properties", Value::object([("file", "tree.json")])),
                ]),
            );
            self.write_manifest(out, artifacts, clock)?;
            Ok(ids)
        })
    }

    /// Writes `manifest.json` (the stacks' `artifacts`, then the tree's and the feature-flag
    /// report) and `cdk.out`.
    fn write_manifest(
        &self,
        out: &Out<'_>,
        mut artifacts: Map,
        clock: &mut Clock,
    ) -> Result<(), Error> {
        let tree = &self.node.tree;
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
        out.write("manifest.json", manifest, clock)?;
        out.write("cdk.out", version, clock)
    }

    /// Reports what the built-in CloudFormation validation found in the top-level stacks'
    /// templates (`found`: per stack node, what [`crate::validations::check_text`] found in
    /// its template; [`crate::validations`]): an error when there are findings and the flag
    /// makes them fail synthesis, warnings on stderr otherwise.
    fn report_validation(
        &self,
        top_stacks: &[usize],
        mut found: Vec<(usize, Option<crate::validations::TextFindings>)>,
    ) -> Result<(), Error> {
        let templates: Vec<_> = top_stacks
            .iter()
            .filter_map(|idx| {
                let at = found.iter().position(|(i, _)| i == idx)?;
                let findings = found.swap_remove(at).1?;
                Some((*idx, Stack::from_node(self.node.sibling(*idx)).template_file(), findings))
            })
            .collect();
        let tree = self.node.tree.borrow();
        let violations = crate::validations::check(&tree, &templates);
        if violations.is_empty() {
            return Ok(());
        }
        if crate::validations::errors_fail(&tree) {
            return Err(Error::TemplateValidation { violations });
        }
        eprintln!(
            "{}\n\n{}",
            crate::validations::WARNINGS_PREAMBLE,
            crate::validations::format_report(&violations, "WARNING")
        );
        Ok(())
    }

    fn top_level_stacks(&self) -> Vec<usize> {
        let tree = self.node.tree.borrow();
        stacks_in_pre_order(&tree, |_, s| s.nested.is_none())
    }

    /// Writes the templates of `stack`'s nested stacks (deepest first) and of `stack`;
    /// returns the SHA-256 of the stack's template file.
    fn synth_stack(
        &self,
        stack: &Stack,
        top: &Stack,
        out: &Out<'_>,
        clock: &mut Clock,
    ) -> Result<String, Error> {
        let nested: Vec<usize> = {
            let tree = self.node.tree.borrow();
            let me = stack.node().idx;
            stacks_in_pre_order(&tree, |i, s| {
                s.nested.is_some() && nearest_parent_stack(&tree, i) == Some(me)
            })
        };
        for n in nested {
            let child = Stack::from_node(self.node.sibling(n));
            self.synth_stack(&child, top, out, clock)?;
        }
        let refs = RefCell::new(Vec::<CrossRef>::new());
        clock.lap(Phase::Render);
        // The template goes to its file (or to memory) in chunks as it is written, and into
        // its hash: of the text for a top-level stack, of the compact text (indent 0) for a
        // nested one.
        let name = stack.template_file();
        let hashing = if stack.is_nested() { Hashing::Compact } else { Hashing::Text };
        let mut sink = match out {
            Out::Memory(_) => TemplateSink::Memory(FileSink::new(name.clone().into(), hashing)),
            Out::Files { writer, .. } => {
                // A top-level template is kept for the validation.
                let validate = (!stack.is_nested()).then_some(stack.node().idx);
                writer.send(Job::Open { name: name.clone(), hashing, validate }, clock)?;
                TemplateSink::File(writer)
            }
        };
        let mut bytes = 0;
        let mut text = match out {
            Out::Memory(_) => String::with_capacity(CHUNK_CAPACITY),
            Out::Files { writer, .. } => writer.buffer(),
        };
        for pass in 0..2 {
            write_template(&self.node.tree, stack.node().idx, &refs, 1, &mut text, &mut |chunk| {
                bytes += chunk.len();
                sink.feed(chunk, clock)
            })?;
            bytes += text.len();
            sink.feed(&mut text, clock)?;
            if pass == 1 || !flush_pending(&self.node) {
                break;
            }
            // A lazy value's producer added or changed constructs: write the template again,
            // once, with them (lazies are cached, so they are not produced twice).
            sink.restart(clock)?;
            bytes = 0;
        }
        if let Out::Files { writer, .. } = out {
            writer.recycle(text);
        }
        let hash = match sink {
            TemplateSink::Memory(sink) => {
                let (hash, text) = sink.finish();
                if let Out::Memory(memory) = out {
                    memory.borrow_mut().insert(name, text.unwrap_or_default());
                }
                hash
            }
            TemplateSink::File(writer) => writer.close_hashed(clock)?,
        };
        if let Some(message) = template_size_problem(bytes) {
            if !crate::Validations::of(stack).is_acknowledged(TEMPLATE_SIZE_ACKNOWLEDGEMENT) {
                return Err(Error::Validation { messages: vec![(stack.node().path(), message)] });
            }
        }
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
                    exclude: Vec::new(),
                    owner: stack.node().path(),
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
                    exclude: Vec::new(),
                    owner: stack.node().path(),
                },
            );
            Ok(hash)
        }
    }
}

/// `constructPathSetsDiff`: `-path` for each removed path, then `+path` for each added one,
/// shortest first (stable), each path dropped when an earlier entry names its ancestor.
fn path_set_diff(before: &[String], after: &[String]) -> Vec<String> {
    let old: std::collections::HashSet<&str> = before.iter().map(String::as_str).collect();
    let new: std::collections::HashSet<&str> = after.iter().map(String::as_str).collect();
    let mut ret: Vec<String> = before
        .iter()
        .filter(|p| !new.contains(p.as_str()))
        .map(|p| format!("-{p}"))
        .chain(after.iter().filter(|p| !old.contains(p.as_str())).map(|p| format!("+{p}")))
        .collect();
    ret.sort_by_key(|r| r.encode_utf16().count());
    // An entry goes when a shorter one (sorted before it) names an ancestor, as
    // `stripInPlace` does; checked by the entry's own prefixes, not pairwise.
    let all: std::collections::HashSet<String> = ret.iter().cloned().collect();
    ret.retain(|r| !r.match_indices('/').any(|(i, _)| all.contains(&r[..i])));
    ret
}

/// Moves constructs added by lazy values' producers into the tree; whether there were any.
///
/// Logical IDs remembered so far are forgotten then (a change may have moved one), and
/// computed again when next asked for.
fn flush_pending(root: &Node) -> bool {
    let mut tree = root.tree.borrow_mut();
    let any = tree.has_pending();
    tree.flush_pending();
    if any {
        let len = tree.nodes.len();
        if let Some(cache) = tree.logical_ids.get_mut() {
            *cache = vec![None; len];
        }
    }
    any
}

/// How a file's text is hashed as it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hashing {
    /// Not at all.
    None,
    /// The text (a top-level stack's template).
    Text,
    /// The compact text (indent 0) of the text written with an indent (a nested stack's
    /// template).
    Compact,
}

/// Time spent on a file's text besides rendering it.
#[derive(Clone, Copy, Debug, Default)]
struct Spent {
    /// Writing it (to its file, or into memory).
    write: Duration,
    /// Hashing it.
    hash: Duration,
    /// Keeping a copy for the validation.
    keep: Duration,
}

impl std::ops::AddAssign for Spent {
    fn add_assign(&mut self, other: Spent) {
        self.write += other.write;
        self.hash += other.hash;
        self.keep += other.keep;
    }
}

/// One file's text on its way, fed in chunks: into its file (or only kept, in memory), its
/// hash, and the copy kept.
struct FileSink {
    path: PathBuf,
    /// `None` in memory.
    file: Option<std::fs::File>,
    hashing: Hashing,
    sha: Sha256,
    compact: crate::json::Compactor,
    scratch: Vec<u8>,
    /// The text written so far, when it is kept.
    kept: Option<String>,
}

impl FileSink {
    /// A file held in memory only (its text is kept).
    fn new(path: PathBuf, hashing: Hashing) -> FileSink {
        FileSink {
            path,
            file: None,
            hashing,
            sha: Sha256::new(),
            compact: crate::json::Compactor::default(),
            scratch: Vec::new(),
            kept: Some(String::new()),
        }
    }

    /// Creates the file at `path`; its text is kept when `keep`.
    fn create(path: PathBuf, hashing: Hashing, keep: bool) -> Result<FileSink, Error> {
        let file = std::fs::File::create(&path).map_err(|e| io_err(&path, e))?;
        let mut sink = FileSink::new(path, hashing);
        sink.file = Some(file);
        if !keep {
            sink.kept = None;
        }
        Ok(sink)
    }

    /// Writes, hashes and keeps the next chunk of the text.
    fn feed(&mut self, chunk: &str) -> Result<Spent, Error> {
        use std::io::Write;
        let start = Instant::now();
        if let Some(file) = &mut self.file {
            file.write_all(chunk.as_bytes()).map_err(|e| io_err(&self.path, e))?;
        }
        let written = Instant::now();
        match self.hashing {
            Hashing::None => {}
            Hashing::Text => self.sha.update(chunk.as_bytes()),
            Hashing::Compact => {
                self.scratch.clear();
                self.compact.feed(chunk.as_bytes(), &mut self.scratch);
                self.sha.update(&self.scratch);
            }
        }
        let hashed = Instant::now();
        if let Some(text) = &mut self.kept {
            text.push_str(chunk);
        }
        let spent =
            Spent { write: written - start, hash: hashed - written, keep: hashed.elapsed() };
        Ok(match self.file {
            // in memory, keeping the text is writing it
            None => Spent { write: spent.write + spent.keep, keep: Duration::ZERO, ..spent },
            Some(_) => spent,
        })
    }

    /// Forgets what was written so far (file, hash and kept text), to write the text again.
    fn restart(&mut self) -> Result<(), Error> {
        use std::io::Seek;
        if let Some(file) = &mut self.file {
            file.set_len(0).and_then(|()| file.rewind()).map_err(|e| io_err(&self.path, e))?;
        }
        self.sha = Sha256::new();
        self.compact = crate::json::Compactor::default();
        if let Some(text) = &mut self.kept {
            text.clear();
        }
        Ok(())
    }

    /// Closes the file: the hash of its text (hex; empty when not hashed) and the text kept.
    fn finish(self) -> (String, Option<String>) {
        let hash = match self.hashing {
            Hashing::None => String::new(),
            Hashing::Text | Hashing::Compact => crate::logical_id::hex(&self.sha.finalize()),
        };
        (hash, self.kept)
    }
}

/// Where a template's text goes while it is written.
enum TemplateSink<'a> {
    /// Memory ([`Stack::synthesize_template`]): kept and hashed on this thread.
    Memory(FileSink),
    /// Its file in the assembly, through the writer thread.
    File(&'a Writer<'a>),
}

impl TemplateSink<'_> {
    /// Writes and hashes a chunk of the text, and empties it.
    fn feed(&mut self, chunk: &mut String, clock: &mut Clock) -> Result<(), Error> {
        match self {
            TemplateSink::Memory(sink) => {
                let spent = sink.feed(chunk)?;
                clock.charge(Phase::Write, spent.write);
                clock.charge(Phase::Hash, spent.hash);
                chunk.clear();
                Ok(())
            }
            TemplateSink::File(writer) => writer.chunk(chunk, clock),
        }
    }

    /// Forgets what was written so far (file, memory and hash), to write the template again.
    fn restart(&mut self, clock: &mut Clock) -> Result<(), Error> {
        match self {
            TemplateSink::Memory(sink) => sink.restart(),
            TemplateSink::File(writer) => writer.send(Job::Restart, clock),
        }
    }
}

/// Chunks of text the writer thread may hold before the synthesizing thread waits for it.
const JOBS_IN_FLIGHT: usize = 2;

/// The capacity of a chunk's buffer: [`STREAM_CHUNK`] and room for the element that crosses it.
const CHUNK_CAPACITY: usize = STREAM_CHUNK + (1 << 14);

/// What the writer thread is asked to do, in order. One file is open at a time.
enum Job {
    /// Creates file `name` in the assembly folder; a top-level template names its stack node
    /// (`validate`), and its text is kept for the validation when it runs.
    Open { name: String, hashing: Hashing, validate: Option<usize> },
    /// The next chunk of the open file's text (its buffer comes back to be used again).
    Chunk(String),
    /// The open file is written again from the start.
    Restart,
    /// Closes the open file; `reply`: sends its hash back.
    Close { reply: bool },
    /// Closes the open file and removes it (a streamed file that is not wanted).
    Discard,
}

/// The synthesizing thread's end of the writer thread ([`App::write_files`]).
struct Writer<'a> {
    jobs: std::sync::mpsc::SyncSender<Job>,
    /// Buffers of chunks written, to be used again.
    free: std::sync::mpsc::Receiver<String>,
    /// The hashes of closed files, when asked for (`None` once writing failed).
    hashes: std::sync::mpsc::Receiver<Option<String>>,
    /// Set by the writer thread when a write failed: what is rendered after is wasted.
    failed: &'a AtomicBool,
    /// Buffers this thread did not need after all.
    spare: RefCell<Vec<String>>,
}

impl Writer<'_> {
    /// An empty buffer for the next chunk: one written already, or a new one.
    fn buffer(&self) -> String {
        self.spare
            .borrow_mut()
            .pop()
            .or_else(|| self.free.try_recv().ok())
            .unwrap_or_else(|| String::with_capacity(CHUNK_CAPACITY))
    }

    /// Keeps an unused buffer for [`Writer::buffer`].
    fn recycle(&self, mut buffer: String) {
        buffer.clear();
        self.spare.borrow_mut().push(buffer);
    }

    /// Hands a job to the writer thread (waiting, charged to [`Phase::Wait`], while it holds
    /// [`JOBS_IN_FLIGHT`] jobs).
    ///
    /// # Errors
    /// When writing failed: the error stands for the writer's, which
    /// [`App::write_files`] returns instead.
    fn send(&self, job: Job, clock: &mut Clock) -> Result<(), Error> {
        if self.failed.load(Ordering::Relaxed) {
            return Err(writer_failed());
        }
        let start = Instant::now();
        let sent = self.jobs.send(job);
        clock.charge(Phase::Wait, start.elapsed());
        sent.map_err(|_| writer_failed())
    }

    /// Hands the text of `chunk` to the writer thread; `chunk` is an empty buffer after.
    fn chunk(&self, chunk: &mut String, clock: &mut Clock) -> Result<(), Error> {
        if chunk.is_empty() {
            return Ok(());
        }
        let full = std::mem::replace(chunk, self.buffer());
        self.send(Job::Chunk(full), clock)
    }

    /// Closes the open file and waits for its hash.
    fn close_hashed(&self, clock: &mut Clock) -> Result<String, Error> {
        self.send(Job::Close { reply: true }, clock)?;
        let start = Instant::now();
        let hash = self.hashes.recv();
        clock.charge(Phase::Wait, start.elapsed());
        hash.ok().flatten().ok_or_else(writer_failed)
    }
}

/// The error the synthesizing thread stops with when the writer thread failed; the writer's
/// own error (which names the file) is returned instead ([`App::write_files`]).
fn writer_failed() -> Error {
    Error::Io { dir: String::new(), reason: "writing the assembly failed".into() }
}

/// What the writer thread did.
struct WriterReport {
    /// Its first error (it writes nothing more after one).
    error: Option<Error>,
    spent: Spent,
    /// The text of each top-level template, by stack node (when asked to keep them).
    kept: Vec<(usize, String)>,
}

/// The writer thread: does `jobs` in `dir` in order, hands the buffers of chunks back through
/// `free` and the hashes asked for through `hashes`, and keeps the text of each top-level
/// template when `keep` (for the validation).
fn write_jobs(
    dir: &Path,
    jobs: std::sync::mpsc::Receiver<Job>,
    free: std::sync::mpsc::Sender<String>,
    hashes: std::sync::mpsc::Sender<Option<String>>,
    failed: &AtomicBool,
    keep: bool,
) -> WriterReport {
    let mut report = WriterReport { error: None, spent: Spent::default(), kept: Vec::new() };
    let mut open: Option<(FileSink, Option<usize>)> = None;
    let fail = |report: &mut WriterReport, e: Error| {
        if report.error.is_none() {
            report.error = Some(e);
            failed.store(true, Ordering::Relaxed);
        }
    };
    for job in jobs {
        // After an error, only hashes asked for are answered (with none) and buffers returned.
        match job {
            Job::Open { name, hashing, validate } if report.error.is_none() => {
                let start = Instant::now();
                let validate = validate.filter(|_| keep);
                match FileSink::create(dir.join(name), hashing, validate.is_some()) {
                    Ok(sink) => open = Some((sink, validate)),
                    Err(e) => fail(&mut report, e),
                }
                report.spent.write += start.elapsed();
            }
            Job::Open { .. } => {}
            Job::Chunk(mut buffer) => {
                if let Some((sink, _)) = open.as_mut().filter(|_| report.error.is_none()) {
                    match sink.feed(&buffer) {
                        Ok(spent) => report.spent += spent,
                        Err(e) => fail(&mut report, e),
                    }
                }
                if buffer.capacity() >= STREAM_CHUNK {
                    buffer.clear();
                    // the synthesizing thread may have finished already
                    let _ = free.send(buffer);
                }
            }
            Job::Restart => {
                if let Some((sink, _)) = open.as_mut().filter(|_| report.error.is_none()) {
                    let start = Instant::now();
                    if let Err(e) = sink.restart() {
                        fail(&mut report, e);
                    }
                    report.spent.write += start.elapsed();
                }
            }
            Job::Close { reply } => {
                let start = Instant::now();
                let closed = open.take().filter(|_| report.error.is_none());
                let (hash, text) = match closed {
                    Some((sink, validate)) => {
                        let (hash, text) = sink.finish();
                        (Some(hash), validate.zip(text))
                    }
                    None => (None, None),
                };
                report.spent.write += start.elapsed();
                if reply {
                    let _ = hashes.send(hash);
                }
                report.kept.extend(text);
            }
            Job::Discard => {
                if let Some((sink, _)) = open.take().filter(|_| report.error.is_none()) {
                    let start = Instant::now();
                    let path = sink.path.clone();
                    drop(sink);
                    if let Err(e) = std::fs::remove_file(&path) {
                        fail(&mut report, io_err(&path, e));
                    }
                    report.spent.write += start.elapsed();
                }
            }
        }
    }
    report
}

/// Waits for the writer thread of [`App::write_files`]; its panic (a bug) goes on in this
/// thread.
fn join<T>(thread: std::thread::ScopedJoinHandle<'_, T>) -> T {
    thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
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
    /// Hashing templates (SHA-256). When synthesizing into files, this is done by a writer
    /// thread while the synthesizing thread renders (see [`SynthTimings::wait`]).
    pub hash: Duration,
    /// Writing files: by the writer thread (while the synthesizing thread renders), and
    /// creating, staging assets into and renaming the assembly folder.
    pub write: Duration,
    /// The built-in CloudFormation validation of the written templates
    /// ([`crate::validations`]): keeping each top-level template's text (on the writer
    /// thread), checking it and matching the findings with constructs (once the files are
    /// written).
    pub validate: Duration,
    /// The time the synthesizing thread waited for the writer thread: for a template's hash,
    /// for room in the writer's queue, and for it to finish. The synthesis took about
    /// `prepare + resolve + render + wait + validate` plus the folder's creation, asset
    /// staging and renaming; `hash` and `write` (and keeping the templates' text) overlap
    /// `render`.
    pub wait: Duration,
    /// Rendering and writing `tree.json` and the last stack's metadata on a thread of
    /// their own, while the synthesizing thread renders that stack's templates (into files
    /// only; zero when these files were rendered with the rest).
    pub aside: Duration,
}

#[derive(Clone, Copy)]
enum Phase {
    Prepare,
    Resolve,
    Render,
    Hash,
    Write,
    Validate,
    Wait,
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
        *self.slot(phase) += spent;
    }

    fn slot(&mut self, phase: Phase) -> &mut Duration {
        let t = &mut self.timings;
        match phase {
            Phase::Prepare => &mut t.prepare,
            Phase::Resolve => &mut t.resolve,
            Phase::Render => &mut t.render,
            Phase::Hash => &mut t.hash,
            Phase::Write => &mut t.write,
            Phase::Validate => &mut t.validate,
            Phase::Wait => &mut t.wait,
        }
    }

    fn lap(&mut self, phase: Phase) {
        let now = Instant::now();
        let spent = now - self.last;
        self.last = now;
        *self.slot(phase) += spent;
    }
}

/// Visits `root` and every construct below it in pre-order (the order of
/// [`TreeData::descendants`]) without listing them; `todo` is scratch space, empty after.
fn for_each_below(
    tree: &TreeData,
    root: usize,
    todo: &mut Vec<usize>,
    mut visit: impl FnMut(usize),
) {
    todo.push(root);
    while let Some(i) = todo.pop() {
        visit(i);
        todo.extend(tree.nodes[i].children.iter().rev());
    }
}

/// The stacks for which `keep` holds, in pre-order (the order of [`for_each_below`] from the
/// root): the tree's stacks in the order they were added, sorted.
fn stacks_in_pre_order(
    tree: &TreeData,
    mut keep: impl FnMut(usize, &crate::stack::StackData) -> bool,
) -> Vec<usize> {
    let mut stacks: Vec<usize> = (tree.stacks.iter().copied())
        .filter(|&i| matches!(&tree.nodes[i].kind, NodeKind::Stack(s) if keep(i, s)))
        .collect();
    stacks.sort_by(|a, b| pre_order(tree, *a, *b));
    stacks
}

/// The order of two nodes in a pre-order walk of the tree: an ancestor comes before what is
/// below it; otherwise the order of the two children of their closest common ancestor that
/// lead to them.
fn pre_order(tree: &TreeData, a: usize, b: usize) -> std::cmp::Ordering {
    let chain = |mut i: usize| {
        let mut up = vec![i];
        while let Some(p) = tree.nodes[i].parent {
            up.push(p);
            i = p;
        }
        up.reverse();
        up
    };
    let (ca, cb) = (chain(a), chain(b));
    match ca.iter().zip(&cb).position(|(x, y)| x != y) {
        // one is at or above the other
        None => ca.len().cmp(&cb.len()),
        Some(k) => {
            // (the root is common to both: k > 0)
            let siblings = &tree.nodes[ca[k - 1]].children;
            let at = |c: usize| siblings.iter().position(|s| *s == c);
            at(ca[k]).cmp(&at(cb[k]))
        }
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
    scopes[top + 1..].iter().map(|i| tree.nodes[*i].id()).collect::<Vec<_>>().join("/")
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

/// Renders `tree.json` and the metadata of the stack at node `stack` of `view` (a snapshot
/// of the whole tree with every logical ID) into files `tree.json` and `metadata` of `dir`;
/// whether the metadata file is wanted (it is removed when not). Runs on a thread of its
/// own ([`App::write_assembly`]).
fn write_aside(view: &TreeView, stack: usize, dir: &Path, metadata: &str) -> Result<bool, Error> {
    use std::io::Write;
    let mut text = String::with_capacity(CHUNK_CAPACITY);
    let file_of = |name: &str,
                   text: &mut String,
                   produce: &mut dyn FnMut(&mut String, &mut Flush<'_>) -> Result<bool, Error>|
     -> Result<bool, Error> {
        let path = dir.join(name);
        let mut file = std::fs::File::create(&path).map_err(|e| io_err(&path, e))?;
        let mut flush = |chunk: &mut String| -> Result<(), Error> {
            file.write_all(chunk.as_bytes()).map_err(|e| io_err(&path, e))?;
            chunk.clear();
            Ok(())
        };
        let wanted = produce(text, &mut flush)?;
        if wanted {
            flush(text)?;
        } else {
            text.clear();
            drop(file);
            std::fs::remove_file(&path).map_err(|e| io_err(&path, e))?;
        }
        Ok(wanted)
    };
    file_of("tree.json", &mut text, &mut |text, flush| {
        view.write_tree_json(text, flush).map(|()| true)
    })?;
    // complete: no element is without its logical ID
    let missing = |i: usize| Error::InvalidArgument {
        path: String::new(),
        message: format!("internal error: construct {i} has no logical ID"),
    };
    file_of(metadata, &mut text, &mut |text, flush| {
        view.write_metadata(stack, text, flush, &missing)
    })
}

/// The error of an element whose logical ID cannot be computed ([`logical_id`]).
fn missing_logical_id(tree: &TreeData, i: usize) -> Error {
    match logical_id(tree, i) {
        Err(e) => e,
        Ok(_) => Error::InvalidArgument {
            path: tree.nodes[i].path.clone(),
            message: "internal error: the logical ID was computed late".into(),
        },
    }
}

/// Where synthesis writes its files: the assembly folder, or memory
/// ([`Stack::synthesize_template`]).
enum Out<'a> {
    /// The assembly's (staging) folder, whose files the writer thread writes.
    Files { dir: &'a Path, writer: &'a Writer<'a> },
    /// Memory.
    Memory(&'a Memory),
}

/// Files synthesized in memory: name → text.
type Memory = RefCell<IndexMap<String, String>>;

impl Out<'_> {
    fn write(&self, name: &str, text: String, clock: &mut Clock) -> Result<(), Error> {
        match self {
            Out::Memory(files) => {
                files.borrow_mut().insert(name.to_string(), text);
                Ok(())
            }
            Out::Files { writer, .. } => {
                let name = name.to_string();
                writer.send(Job::Open { name, hashing: Hashing::None, validate: None }, clock)?;
                if !text.is_empty() {
                    writer.send(Job::Chunk(text), clock)?;
                }
                writer.send(Job::Close { reply: false }, clock)
            }
        }
    }

    /// Writes a file whose text `produce` writes in chunks: it hands each chunk to its flush
    /// function (which empties it), leaves the last one in its text, and returns whether the
    /// file is wanted (the file is removed, or not kept in memory, when not).
    fn write_streamed(
        &self,
        name: &str,
        clock: &mut Clock,
        produce: impl FnOnce(&mut String, &mut Flush<'_>) -> Result<bool, Error>,
    ) -> Result<bool, Error> {
        match self {
            Out::Memory(files) => {
                // in memory the whole text is kept: flushing leaves it as it is
                let mut text = String::with_capacity(CHUNK_CAPACITY);
                let wanted = produce(&mut text, &mut |_| Ok(()))?;
                if wanted {
                    files.borrow_mut().insert(name.to_string(), text);
                }
                Ok(wanted)
            }
            Out::Files { writer, .. } => {
                let name = name.to_string();
                writer.send(Job::Open { name, hashing: Hashing::None, validate: None }, clock)?;
                let mut text = writer.buffer();
                let wanted = produce(&mut text, &mut |chunk| writer.chunk(chunk, clock))?;
                if !wanted {
                    writer.recycle(text);
                    writer.send(Job::Discard, clock)?;
                    return Ok(false);
                }
                if text.is_empty() {
                    writer.recycle(text);
                } else {
                    writer.send(Job::Chunk(text), clock)?;
                }
                writer.send(Job::Close { reply: false }, clock)?;
                Ok(true)
            }
        }
    }
}

impl Stack {
    /// Synthesizes the app that holds this stack in memory (no file is written, no asset
    /// is staged) and returns this stack's template as `App::synth` would write it to
    /// `<artifact>.template.json`; a nested stack gives its own template. This is what the
    /// `cdk-assertions` crate's `Template::from_stack` reads. Synthesizing more than once
    /// (here, then with `App::synth`) gives the same output.
    ///
    /// ```
    /// use cdk_core::{App, CfnResource, Stack, Value};
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// CfnResource::new(&stack, "Topic", "AWS::SNS::Topic", Value::Null)?;
    /// let template = stack.synthesize_template()?;
    /// assert_eq!(template["Resources"]["Topic"]["Type"], "AWS::SNS::Topic");
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Whatever [`App::synth`] reports (validation, resolution).
    pub fn synthesize_template(&self) -> Result<serde_json::Value, Error> {
        let node = self.node().sibling(0);
        // A handle on the user's app, not a new app: its drop check must stay quiet.
        let app = App::handle(node, PathBuf::new(), true);
        let files = RefCell::new(IndexMap::new());
        app.synth_once(Some(&files), &mut Clock::new())?;
        let name = self.template_file();
        let files = files.into_inner();
        let parsed = files.get(&name).map(|text| serde_json::from_str(text));
        match parsed {
            Some(Ok(template)) => Ok(template),
            Some(Err(e)) => Err(Error::Io { dir: name, reason: e.to_string() }),
            None => Err(Error::Io { dir: name, reason: "no template was synthesized".into() }),
        }
    }
}

/// A new, empty folder beside `target` (same file system, so it can be renamed onto it):
/// `.<name>.<pid>-<n>.tmp`.
fn staging_dir(target: &Path) -> Result<PathBuf, Error> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| io_err(&parent, e))?;
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = parent.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io_err(&dir, e)),
        }
    }
}

/// Renames the complete assembly in `staging` onto `target`: an existing target (an earlier
/// assembly, or the folder the CLI created for `CDK_OUTDIR`) is renamed away first and
/// removed after; when the second rename fails, it is put back.
fn publish(staging: &Path, target: &Path) -> Result<(), Error> {
    let fail = |e: std::io::Error| {
        let _ = std::fs::remove_dir_all(staging);
        io_err(target, e)
    };
    let old = match std::fs::symlink_metadata(target) {
        Ok(meta) => {
            let old = staging.with_extension("old");
            if let Err(e) = std::fs::rename(target, &old) {
                if !meta.is_dir() {
                    return Err(fail(e));
                }
                // A folder that cannot be renamed (a mount point, say): its contents are
                // replaced instead, which is not atomic.
                return replace_contents(staging, target).map_err(fail);
            }
            Some(old)
        }
        Err(_) => None,
    };
    if let Err(e) = std::fs::rename(staging, target) {
        if let Some(old) = &old {
            let _ = std::fs::rename(old, target);
        }
        return Err(fail(e));
    }
    if let Some(old) = old {
        let removed = if std::fs::symlink_metadata(&old).is_ok_and(|m| m.is_dir()) {
            std::fs::remove_dir_all(&old)
        } else {
            std::fs::remove_file(&old)
        };
        removed.map_err(|e| io_err(&old, e))?;
    }
    Ok(())
}

/// Empties `target`, moves everything of `staging` into it (copying across file systems)
/// and removes `staging`.
fn replace_contents(staging: &Path, target: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(target)? {
        let path = entry?.path();
        if std::fs::symlink_metadata(&path)?.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    for entry in std::fs::read_dir(staging)? {
        let entry = entry?;
        let to = target.join(entry.file_name());
        if std::fs::rename(entry.path(), &to).is_err() {
            copy_tree(&entry.path(), &to)?;
        }
    }
    std::fs::remove_dir_all(staging)
}

/// Copies a file, a link (as a link) or a folder recursively.
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut todo = vec![(from.to_path_buf(), to.to_path_buf())];
    while let Some((from, to)) = todo.pop() {
        let meta = std::fs::symlink_metadata(&from)?;
        if meta.file_type().is_symlink() {
            let link = std::fs::read_link(&from)?;
            #[cfg(unix)]
            std::os::unix::fs::symlink(&link, &to)?;
            #[cfg(not(unix))]
            std::fs::copy(&from, &to).map(|_| ())?;
        } else if meta.is_dir() {
            std::fs::create_dir_all(&to)?;
            for entry in std::fs::read_dir(&from)? {
                let entry = entry?;
                todo.push((entry.path(), to.join(entry.file_name())));
            }
        } else {
            std::fs::copy(&from, &to)?;
        }
    }
    Ok(())
}

fn io_err(path: &Path, e: std::io::Error) -> Error {
    Error::Io { dir: path.display().to_string(), reason: e.to_string() }
}

/// Applies the `Tags.of(...)` operations to every taggable resource, top-down: a scope's
/// inherited operations first, then its own, each in the order they were added.
fn apply_tag_aspects(tree: &mut TreeData) {
    // (the nodes read in the order they were added: a walk of the tree costs more)
    if tree.nodes.iter().all(|n| n.tag_aspects().is_empty()) {
        return;
    }
    let explicit_stack_tags = feature_flags::is_enabled(
        tree.context(0, feature_flags::EXPLICIT_STACK_TAGS),
        feature_flags::EXPLICIT_STACK_TAGS,
    );
    let mut stack: Vec<(usize, Vec<crate::tags::TagAspect>)> = vec![(0, Vec::new())];
    while let Some((i, inherited)) = stack.pop() {
        let mut aspects = inherited;
        aspects.extend(tree.nodes[i].tag_aspects().iter().cloned());
        if !aspects.is_empty() {
            match &mut tree.nodes[i].kind {
                NodeKind::Element(e) => {
                    if let ElementKind::Resource(r) = &mut e.kind {
                        let rt = r.resource_type.clone();
                        if let Some(t) = &mut r.tags {
                            for a in &aspects {
                                if a.applies_to(&rt) {
                                    match &a.value {
                                        Some(v) => t.set_tag(
                                            &a.key,
                                            v,
                                            a.priority,
                                            a.apply_to_launched_instances,
                                        ),
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
fn reify_dependencies(tree: &mut TreeData) -> Result<(), Error> {
    let mut pairs = Vec::new();
    for i in 0..tree.nodes.len() {
        if let Some(deps) = &tree.nodes[i].dependencies {
            pairs.extend(deps.iter().map(|d| (i, *d)));
        }
    }
    // The resources at and below a construct, in pre-order (buffers reused across pairs).
    let (mut todo, mut sources, mut targets) = (Vec::new(), Vec::new(), Vec::new());
    let resources_under =
        |tree: &TreeData, i: usize, todo: &mut Vec<usize>, out: &mut Vec<usize>| {
            out.clear();
            for_each_below(tree, i, todo, |j| {
                if matches!(tree.element(j).map(|e| &e.kind), Some(ElementKind::Resource(_))) {
                    out.push(j);
                }
            });
        };
    let mut sources_of = None;
    for (source, target) in pairs {
        // (pairs of one source are next to each other)
        if sources_of != Some(source) {
            resources_under(tree, source, &mut todo, &mut sources);
            sources_of = Some(source);
        }
        resources_under(tree, target, &mut todo, &mut targets);
        for s in &sources {
            for t in &targets {
                add_resource_dependency(tree, *s, *t, (source, target))?;
            }
        }
    }
    Ok(())
}

/// Makes resource `source` depend on resource `target` (or their stacks on each other), for the
/// construct dependency `key`.
fn add_resource_dependency(
    tree: &mut TreeData,
    source: usize,
    target: usize,
    key: (usize, usize),
) -> Result<(), Error> {
    let (Some(ss), Some(ts)) = (tree.stack_of(source), tree.stack_of(target)) else {
        return Ok(());
    };
    if ss == ts {
        if let Some(ElementKind::Resource(r)) = tree.element_mut(source).map(|e| &mut e.kind) {
            if source != target {
                r.rare_mut().depends_on.insert(target);
            }
        }
        return Ok(());
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
            add_resource_dependency(tree, s, t, key)?;
        }
        Ok(())
    } else {
        let (src_top, tgt_top) = (*sc.last().unwrap_or(&ss), *tc.last().unwrap_or(&ts));
        // why, as aws-cdk-lib words it: the construct dependency `key`
        let reason = format!(
            "<{}>.node.addDependency(<{}>)",
            tree.nodes[key.0].path, tree.nodes[key.1].path
        );
        crate::stack::add_stack_dependency(tree, src_top, tgt_top, key, reason)
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
        flush_pending(root);
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
        if let Some(e) = root.tree.borrow_mut().element_mut(idx) {
            match &e.lazy_base {
                // A retried synthesis: start from the same ID as the first one.
                Some(base) => e.logical_id_override = base.clone(),
                None => e.lazy_base = Some(e.logical_id_override.clone()),
            }
        }
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

/// JavaScript's `parseInt(String(value), 10)`, how aws-cdk-lib reads `stackResourceLimit`
/// (`"10"` is 10, `"3x"` is 3, `2.9` is 2, `[3]` is 3; `NaN` when no digits lead).
fn js_parse_int(value: &serde_json::Value) -> f64 {
    let text = feature_flags::js_string(value);
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    let digits: String = digits.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return f64::NAN;
    }
    sign * digits.parse::<f64>().unwrap_or(f64::NAN)
}

/// CloudFormation's largest template (`TemplateBody` passed through S3, as the cdk CLI
/// deploys it): 1 MB ("Template body size in an Amazon S3 object: 1 MB" in the CloudFormation
/// quotas).
pub const MAX_TEMPLATE_BYTES: usize = 1_000_000;

/// The id that acknowledges a template over [`MAX_TEMPLATE_BYTES`] on a stack (or a scope
/// above it), for a template that is never deployed as it is (a benchmark):
/// `Validations::of(&stack).acknowledge(TEMPLATE_SIZE_ACKNOWLEDGEMENT, why)`.
pub const TEMPLATE_SIZE_ACKNOWLEDGEMENT: &str = "cdk-checks::TemplateSize";

/// The message of a written template larger than [`MAX_TEMPLATE_BYTES`].
fn template_size_problem(bytes: usize) -> Option<String> {
    (bytes > MAX_TEMPLATE_BYTES).then(|| {
        format!(
            "the template is {bytes} bytes: CloudFormation accepts templates of at most {MAX_TEMPLATE_BYTES} bytes (the quota 'Template body size in an Amazon S3 object: 1 MB') and would fail the deployment. Move groups of resources into nested stacks (cdk_core::NestedStack) or into another stack (acknowledge '{TEMPLATE_SIZE_ACKNOWLEDGEMENT}' for a template never deployed)"
        )
    })
}

/// The hint that follows aws-cdk-lib's resource-limit error (a check of ours): the direct
/// children of the stack holding the most resources, the groups to move into nested stacks.
fn resource_limit_hint(tree: &crate::tree::TreeData, stack: usize, limit: f64) -> String {
    let prefix = format!("{}/", tree.nodes[stack].path);
    let mut groups: IndexMap<&str, usize> = IndexMap::new();
    for i in crate::template::stack_elements(tree, stack) {
        if let Some(ElementKind::Resource(_)) = tree.element(i).map(|e| &e.kind) {
            let path = tree.nodes[i].path.as_str();
            let rest = path.strip_prefix(prefix.as_str()).unwrap_or(path);
            let group = rest.split('/').next().unwrap_or(rest);
            *groups.entry(group).or_default() += 1;
        }
    }
    let mut biggest: Vec<(&str, usize)> = groups.into_iter().collect();
    biggest.sort_by_key(|g| std::cmp::Reverse(g.1));
    let named = biggest
        .iter()
        .take(5)
        .map(|(g, c)| format!("{prefix}{g} ({c})"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "the stack holds more than the {} resources allowed (CloudFormation's own limit is 500: 'Template format error: Number of resources, N, is greater than maximum allowed, 500'); move the biggest groups into nested stacks (cdk_core::NestedStack) or other stacks: {named}",
        crate::json::format_number(limit)
    )
}

/// Prints each warning ([`Node::add_warning`]) to stderr, as the cdk CLI prints annotations.
fn print_warnings(root: &Node) {
    for (path, message) in root.warnings() {
        eprintln!("[Warning at /{path}] {message}");
    }
}

fn validate(root: &Node) -> Result<(), Error> {
    let validations: Vec<(String, crate::tree::Validation)> = {
        let tree = root.tree.borrow();
        tree.nodes
            .iter()
            .flat_map(|n| n.validations().iter().map(|v| (n.path.clone(), v.clone())))
            .collect()
    };
    let mut messages = Vec::new();
    for (path, v) in validations {
        for m in v() {
            messages.push((path.clone(), m));
        }
    }
    // validations may add warnings too
    print_warnings(root);
    // Logical IDs must be computable; stacks hold at most `stackResourceLimit` resources.
    {
        let tree = root.tree.borrow();
        for i in 0..tree.nodes.len() {
            if let NodeKind::Element(_) = tree.nodes[i].kind {
                crate::resolve::ensure_logical_id(&tree, i)?;
            }
        }
        for &stack in &tree.stacks {
            let limit = match tree.context(stack, STACK_RESOURCE_LIMIT_CONTEXT) {
                Some(v) => js_parse_int(v),
                None => DEFAULT_STACK_RESOURCE_LIMIT as f64,
            };
            // `NaN > 0` is false in JavaScript too: an unreadable limit turns the check off.
            if limit.is_nan() || limit <= 0.0 {
                continue;
            }
            // Resource types in template order, each with its count.
            let mut counts: IndexMap<&str, usize> = IndexMap::new();
            for i in crate::template::stack_elements(&tree, stack) {
                if let Some(ElementKind::Resource(r)) = tree.element(i).map(|e| &e.kind) {
                    *counts.entry(r.resource_type.as_str()).or_default() += 1;
                }
            }
            let count: usize = counts.values().sum();
            if count as f64 > limit {
                let hint = resource_limit_hint(&tree, stack, limit);
                let breakdown =
                    counts.iter().map(|(t, c)| format!("{t} ({c})")).collect::<Vec<_>>().join(", ");
                messages.push((
                    tree.nodes[stack].path.clone(),
                    format!(
                        "Number of resources in stack '{}': {count} is greater than allowed maximum of {}: {breakdown}",
                        tree.nodes[stack].path,
                        crate::json::format_number(limit)
                    ),
                ));
                messages.push((tree.nodes[stack].path.clone(), hint));
            }
        }
    }
    if messages.is_empty() {
        Ok(())
    } else {
        Err(Error::Validation { messages })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_contents_swaps_what_a_folder_holds() {
        let root = std::env::temp_dir().join("cdk-core-replace-contents");
        let _ = std::fs::remove_dir_all(&root);
        let (staging, target) = (root.join(".t.tmp"), root.join("t"));
        std::fs::create_dir_all(staging.join("sub")).unwrap();
        std::fs::write(staging.join("new.json"), "{}").unwrap();
        std::fs::write(staging.join("sub/f"), "f").unwrap();
        std::fs::create_dir_all(target.join("stale")).unwrap();
        std::fs::write(target.join("old.json"), "{}").unwrap();
        replace_contents(&staging, &target).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&target)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["new.json", "sub"]);
        assert_eq!(std::fs::read_to_string(target.join("sub/f")).unwrap(), "f");
        assert!(!staging.exists());
    }

    #[test]
    fn path_set_diff_is_constructpathsetsdiff() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            path_set_diff(&v(&["", "S", "S/A"]), &v(&["", "S", "S/B", "S/B/C", "T"])),
            v(&["+T", "-S/A", "+S/B"])
        );
        assert_eq!(path_set_diff(&v(&["", "S"]), &v(&["", "S"])), Vec::<String>::new());
    }

    #[test]
    fn copy_tree_keeps_links() {
        let root = std::env::temp_dir().join("cdk-core-copy-tree");
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::write(root.join("a/b/f"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("b/f", root.join("a/l")).unwrap();
        copy_tree(&root.join("a"), &root.join("c")).unwrap();
        assert_eq!(std::fs::read_to_string(root.join("c/b/f")).unwrap(), "x");
        #[cfg(unix)]
        assert_eq!(std::fs::read_link(root.join("c/l")).unwrap(), Path::new("b/f"));
    }
}
