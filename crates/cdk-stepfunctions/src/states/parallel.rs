//! The `Parallel` state (`aws-stepfunctions/lib/states/parallel.ts`): runs branches in
//! parallel.

use cdk_core::{BuildError, Construct, Error, Map, Value};

use super::state::{
    check_json_path, check_literal, nextable, put, state_handle, string, Kind, State,
};
use crate::state_graph::StateGraph;
use crate::Chain;

/// Options of a [`Parallel`] state (`ParallelProps`). Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct ParallelProps {
    /// The state's name in the definition. Default: the construct id.
    #[builder(default)]
    pub state_name: Option<String>,
    /// A comment. Default: none.
    #[builder(default)]
    pub comment: Option<String>,
    /// The part of the input the state sees (`InputPath`). Default: `$` (all of it).
    #[builder(default)]
    pub input_path: Option<String>,
    /// The part of the output passed on (`OutputPath`). Default: `$` (all of it).
    #[builder(default)]
    pub output_path: Option<String>,
    /// Where the branches' results go in the input (`ResultPath`). Default: `$` (they
    /// replace the input).
    #[builder(default)]
    pub result_path: Option<String>,
    /// The state's result built from the branches' results, as literal JSON
    /// (`ResultSelector`). Default: the array of results.
    #[builder(default)]
    pub result_selector: Option<Value>,
}
cdk_core::impl_props!(ParallelProps, ParallelPropsBuilder);

/// A state that runs its branches in parallel (`sfn.Parallel`); its output is the array of
/// the branches' outputs.
///
/// ```
/// use cdk_core::{App, Stack};
/// use cdk_stepfunctions::{Parallel, ParallelProps, Pass, PassProps};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let parallel = Parallel::new(&stack, "Fanout", ParallelProps::default())?;
/// parallel
///     .branch(&Pass::new(&stack, "A", PassProps::default())?)
///     .branch(&Pass::new(&stack, "B", PassProps::default())?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Parallel(State);
state_handle!(Parallel);
nextable!(Parallel);

impl Parallel {
    /// Defines a Parallel state. It needs at least one [`branch`](Parallel::branch) before
    /// the state machine is synthesized.
    ///
    /// # Errors
    /// [`Error::Build`] for a JSON path not starting with `$`; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<ParallelProps>,
    ) -> Result<Parallel, Error> {
        let path = crate::state_machine::child_path(scope.node(), id);
        let props = props.into_props_at(&path)?;
        let check = || -> Result<(), BuildError> {
            check_json_path("input_path", props.input_path.as_ref())?;
            check_json_path("output_path", props.output_path.as_ref())?;
            check_json_path("result_path", props.result_path.as_ref())?;
            check_literal("result_selector", props.result_selector.as_ref())
        };
        check().map_err(|source| Error::Build { path, source })?;
        let name = props.state_name.clone();
        Ok(Parallel(State::create(scope, id, "Parallel", name, Kind::Parallel(props))?))
    }

    /// Adds a branch: the states reachable from the start of `branch` (`branch`).
    pub fn branch(&self, branch: impl Into<Chain>) -> &Parallel {
        let start = branch.into().start_state().clone();
        self.0 .0.branches.borrow_mut().push(start);
        self
    }
}

/// `Parallel.toStateJson`: `Type`, `Comment`, `ResultPath`, `Next` or `End`, `InputPath`,
/// `OutputPath`, `Branches`, `ResultSelector`.
pub(crate) fn render(state: &State, p: &ParallelProps, m: &mut Map) -> Result<(), Error> {
    put(m, "Type", Some(Value::from("Parallel")));
    put(m, "Comment", string(&p.comment));
    put(m, "ResultPath", string(&p.result_path));
    state.render_next_end(m);
    put(m, "InputPath", string(&p.input_path));
    put(m, "OutputPath", string(&p.output_path));
    let mut branches = Vec::new();
    for (i, start) in state.0.branches.borrow().iter().enumerate() {
        let name = format!("Parallel '{}' branch {}", state.state_id(), i + 1);
        let graph = StateGraph::new(start, &name)?;
        branches.push(Value::Object(graph.to_graph_json(None)?));
    }
    put(m, "Branches", Some(Value::array(branches)));
    put(m, "ResultSelector", p.result_selector.clone());
    Ok(())
}
