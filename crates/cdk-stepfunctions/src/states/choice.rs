//! The `Choice` state (`aws-stepfunctions/lib/states/choice.ts`): branches on conditions.

use cdk_core::{BuildError, Construct, Error, Map, Value};

use super::state::{check_json_path, put, state_handle, string, Kind, State};
use crate::{Chain, Condition};

/// Options of a [`Choice`] state (`ChoiceProps`). Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct ChoiceProps {
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
cdk_core::impl_props!(ChoiceProps, ChoicePropsBuilder);

/// A state that continues with the first rule whose condition holds (`sfn.Choice`), else
/// with its default (`otherwise`). It has no next state of its own; [`Choice::afterwards`]
/// gives a chain continuing from the ends of its branches.
///
/// ```
/// use cdk_core::{App, Stack};
/// use cdk_stepfunctions::{Choice, ChoiceProps, Condition, Pass, PassProps};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let yes = Pass::new(&stack, "Yes", PassProps::default())?;
/// let no = Pass::new(&stack, "No", PassProps::default())?;
/// let choice = Choice::new(&stack, "Check", ChoiceProps::default())?;
/// choice.when(Condition::boolean_equals("$.ok", true), &yes)?.otherwise(&no)?;
/// let after = choice.afterwards()?.next(&Pass::new(&stack, "After", PassProps::default())?)?;
/// assert_eq!(after.start_state().state_id(), "Check");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Choice(State);
state_handle!(Choice);

impl Choice {
    /// Defines a Choice state.
    ///
    /// # Errors
    /// [`Error::Build`] for a JSON path not starting with `$`; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<ChoiceProps>,
    ) -> Result<Choice, Error> {
        let path = crate::state_machine::child_path(scope.node(), id);
        let props = props.into_props_at(&path)?;
        let check = || -> Result<(), BuildError> {
            check_json_path("input_path", props.input_path.as_ref())?;
            check_json_path("output_path", props.output_path.as_ref())
        };
        check().map_err(|source| Error::Build { path, source })?;
        let name = props.state_name.clone();
        Ok(Choice(State::create(scope, id, "Choice", name, Kind::Choice(props))?))
    }

    /// Continues with `next` (a state or a chain) when `condition` holds (`when`); rules are
    /// tested in the order they are added.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a condition CDK refuses (a variable not starting with
    /// `$`, an empty `and`/`or`).
    pub fn when(&self, condition: Condition, next: impl Into<Chain>) -> Result<&Choice, Error> {
        condition
            .validate()
            .map_err(|message| Error::InvalidArgument { path: self.node().path(), message })?;
        let next = next.into().start_state().clone();
        next.add_incoming(&self.0);
        self.0 .0.choices.borrow_mut().push((condition, next));
        Ok(self)
    }

    /// Continues with `default` when no rule holds (`otherwise`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the choice already has a default
    /// (`ChoiceAlreadyHasDefaultNext`).
    pub fn otherwise(&self, default: impl Into<Chain>) -> Result<&Choice, Error> {
        if self.0 .0.default_choice.borrow().is_some() {
            return Err(Error::InvalidArgument {
                path: self.node().path(),
                message: format!("Choice '{}' already has a default next state", self.node().id()),
            });
        }
        let default = default.into().start_state().clone();
        default.add_incoming(&self.0);
        *self.0 .0.default_choice.borrow_mut() = Some(default);
        Ok(self)
    }

    /// A chain starting with this choice whose ends are the states its branches end with
    /// that can be followed (`afterwards()`), so that the branches join again.
    ///
    /// # Errors
    /// None today; a `Result` as the options of CDK's `afterwards` can fail.
    pub fn afterwards(&self) -> Result<Chain, Error> {
        let ends: Vec<State> =
            self.0.find_reachable_end_states().into_iter().filter(State::is_nextable).collect();
        Ok(Chain::from_parts(self.0.clone(), ends, self.node().id()))
    }
}

/// `Choice.toStateJson`: `Type`, `Comment`, `InputPath`, `OutputPath`, `Choices`,
/// `Default`.
pub(crate) fn render(state: &State, p: &ChoiceProps, m: &mut Map) {
    put(m, "Type", Some(Value::from("Choice")));
    put(m, "Comment", string(&p.comment));
    put(m, "InputPath", string(&p.input_path));
    put(m, "OutputPath", string(&p.output_path));
    let choices = state.0.choices.borrow();
    if !choices.is_empty() {
        let rules = choices.iter().map(|(condition, next)| {
            let mut rule = condition.render_condition().into_object().unwrap_or_default();
            rule.insert("Next".into(), Value::String(next.state_id()));
            Value::Object(rule)
        });
        put(m, "Choices", Some(Value::array(rules)));
    }
    put(
        m,
        "Default",
        state.0.default_choice.borrow().as_ref().map(|d| Value::String(d.state_id())),
    );
}
