//! The `Map` state (`aws-stepfunctions/lib/states/map.ts` over `map-base.ts`): runs its item
//! processor for each item of an array of the input, inline.

use cdk_core::{BuildError, Construct, Error, Map as JsonMap, Value};

use super::state::{
    check_json_path, check_literal, nextable, put, state_handle, string, Kind, State,
};
use crate::state_graph::StateGraph;
use crate::Chain;

/// Options of a [`Map`] state (`MapProps`). Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct MapProps {
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
    /// Where the results go in the input (`ResultPath`). Default: `$` (they replace the
    /// input).
    #[builder(default)]
    pub result_path: Option<String>,
    /// The JSON path of the array to iterate over (`ItemsPath`). Default: `$` (the input).
    #[builder(default)]
    pub items_path: Option<String>,
    /// How many items are processed at once (`MaxConcurrency`). Default: no limit (0 is
    /// not rendered, as in CDK).
    #[builder(default)]
    pub max_concurrency: Option<u32>,
    /// The input of each iteration, as literal JSON (`ItemSelector`; keys ending in `.$`
    /// take JSON paths, such as `$$.Map.Item.Value`). Default: the item.
    #[builder(default)]
    pub item_selector: Option<Value>,
    /// The state's result built from the raw results, as literal JSON (`ResultSelector`).
    /// Default: the raw results.
    #[builder(default)]
    pub result_selector: Option<Value>,
}
cdk_core::impl_props!(MapProps, MapPropsBuilder);

/// A state that runs its item processor for each item of an array (`sfn.Map`), rendered
/// with an inline `ItemProcessor` as aws-cdk-lib 2.276.0 does.
///
/// ```
/// use cdk_core::{App, Stack};
/// use cdk_stepfunctions::{Map, MapProps, Pass, PassProps};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let map = Map::new(&stack, "Each", MapProps::builder().items_path("$.items").max_concurrency(2u32))?;
/// map.item_processor(&Pass::new(&stack, "PerItem", PassProps::default())?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Map(State);
state_handle!(Map);
nextable!(Map);

impl Map {
    /// Defines a Map state. It needs an [`item_processor`](Map::item_processor) before the
    /// state machine is synthesized.
    ///
    /// # Errors
    /// [`Error::Build`] for a JSON path not starting with `$`; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<MapProps>,
    ) -> Result<Map, Error> {
        let path = crate::state_machine::child_path(scope.node(), id);
        let props = props.into_props_at(&path)?;
        let check = || -> Result<(), BuildError> {
            check_json_path("input_path", props.input_path.as_ref())?;
            check_json_path("output_path", props.output_path.as_ref())?;
            check_json_path("result_path", props.result_path.as_ref())?;
            check_json_path("items_path", props.items_path.as_ref())?;
            check_literal("item_selector", props.item_selector.as_ref())?;
            check_literal("result_selector", props.result_selector.as_ref())
        };
        check().map_err(|source| Error::Build { path, source })?;
        let name = props.state_name.clone();
        Ok(Map(State::create(scope, id, "Map", name, Kind::Map(props))?))
    }

    /// Sets the states run for each item (`itemProcessor`, in `INLINE` mode); a later call
    /// replaces the processor.
    pub fn item_processor(&self, processor: impl Into<Chain>) -> &Map {
        let start = processor.into().start_state().clone();
        *self.0 .0.processor.borrow_mut() = Some(start);
        self
    }
}

/// `Map.toStateJson`: `Type`, `Comment`, `ResultPath`, `Next` or `End`, `InputPath`,
/// `OutputPath`, `ResultSelector`, `ItemsPath`, `ItemSelector`, `ItemProcessor`,
/// `MaxConcurrency`.
pub(crate) fn render(state: &State, p: &MapProps, m: &mut JsonMap) -> Result<(), Error> {
    put(m, "Type", Some(Value::from("Map")));
    put(m, "Comment", string(&p.comment));
    put(m, "ResultPath", string(&p.result_path));
    state.render_next_end(m);
    put(m, "InputPath", string(&p.input_path));
    put(m, "OutputPath", string(&p.output_path));
    put(m, "ResultSelector", p.result_selector.clone());
    put(m, "ItemsPath", string(&p.items_path));
    put(m, "ItemSelector", p.item_selector.clone());
    if let Some(start) = state.0.processor.borrow().as_ref() {
        let name = format!("Map {} Item Processor", state.state_id());
        let graph = StateGraph::new(start, &name)?;
        let mut processor = JsonMap::new();
        processor.insert("ProcessorConfig".into(), Value::object([("Mode", "INLINE")]));
        processor.extend(graph.to_graph_json(None)?);
        put(m, "ItemProcessor", Some(Value::Object(processor)));
    }
    put(m, "MaxConcurrency", p.max_concurrency.filter(|c| *c > 0).map(Value::from));
    Ok(())
}
