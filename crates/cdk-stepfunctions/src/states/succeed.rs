//! The `Succeed` state (`aws-stepfunctions/lib/states/succeed.ts`): ends the execution
//! successfully.

use cdk_core::{BuildError, Construct, Error, Map, Value};

use super::state::{check_json_path, put, state_handle, string, Kind, State};

/// Options of a [`Succeed`] state (`SucceedProps`). Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct SucceedProps {
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
}
cdk_core::impl_props!(SucceedProps, SucceedPropsBuilder);

/// A state that ends the execution successfully (`sfn.Succeed`). It has no next state.
///
/// ```
/// use cdk_core::{App, Stack};
/// use cdk_stepfunctions::{Chain, Pass, PassProps, Succeed, SucceedProps};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let done = Succeed::new(&stack, "Done", SucceedProps::builder().comment("ok"))?;
/// let chain = Pass::new(&stack, "P", PassProps::default())?.next(&done)?;
/// assert!(chain.end_states().is_empty());
/// assert!(chain.next(&Pass::new(&stack, "Q", PassProps::default())?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Succeed(State);
state_handle!(Succeed);

impl Succeed {
    /// Defines a Succeed state.
    ///
    /// # Errors
    /// [`Error::Build`] for a JSON path not starting with `$`; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<SucceedProps>,
    ) -> Result<Succeed, Error> {
        let path = crate::state_machine::child_path(scope.node(), id);
        let props = props.into_props_at(&path)?;
        let check = || -> Result<(), BuildError> {
            check_json_path("input_path", props.input_path.as_ref())?;
            check_json_path("output_path", props.output_path.as_ref())
        };
        check().map_err(|source| Error::Build { path, source })?;
        let name = props.state_name.clone();
        Ok(Succeed(State::create(scope, id, "Succeed", name, Kind::Succeed(props))?))
    }
}

/// `Succeed.toStateJson`: `Type`, `Comment`, `InputPath`, `OutputPath`.
pub(crate) fn render(p: &SucceedProps, m: &mut Map) {
    put(m, "Type", Some(Value::from("Succeed")));
    put(m, "Comment", string(&p.comment));
    put(m, "InputPath", string(&p.input_path));
    put(m, "OutputPath", string(&p.output_path));
}
