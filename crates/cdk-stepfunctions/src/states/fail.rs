//! The `Fail` state (`aws-stepfunctions/lib/states/fail.ts`): ends the execution with an
//! error.

use cdk_core::{BuildError, Construct, Error, Map, Value};

use super::state::{check_json_path, put, state_handle, string, Kind, State};

/// Options of a [`Fail`] state (`FailProps`). Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct FailProps {
    /// The state's name in the definition. Default: the construct id.
    #[builder(default)]
    pub state_name: Option<String>,
    /// A comment. Default: none.
    #[builder(default)]
    pub comment: Option<String>,
    /// The error name (`Error`). Default: none.
    #[builder(default)]
    pub error: Option<String>,
    /// A JSON path to the error name (`ErrorPath`). Default: none.
    #[builder(default)]
    pub error_path: Option<String>,
    /// A human-readable cause (`Cause`). Default: none.
    #[builder(default)]
    pub cause: Option<String>,
    /// A JSON path to the cause (`CausePath`). Default: none.
    #[builder(default)]
    pub cause_path: Option<String>,
}
cdk_core::impl_props!(FailProps, FailPropsBuilder);

/// A state that ends the execution with an error (`sfn.Fail`). It has no next state.
///
/// ```
/// use cdk_core::{App, Stack};
/// use cdk_stepfunctions::{Fail, FailProps};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let failed = Fail::new(&stack, "Failed", FailProps::builder().error("Bad").cause("bad input"))?;
/// assert_eq!(failed.state_id(), "Failed");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Fail(State);
state_handle!(Fail);

impl Fail {
    /// Defines a Fail state.
    ///
    /// # Errors
    /// [`Error::Build`] for an error or cause path not starting with `$`; id errors from the
    /// tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<FailProps>,
    ) -> Result<Fail, Error> {
        let path = crate::state_machine::child_path(scope.node(), id);
        let props = props.into_props_at(&path)?;
        let check = || -> Result<(), BuildError> {
            check_json_path("error_path", props.error_path.as_ref())?;
            check_json_path("cause_path", props.cause_path.as_ref())
        };
        check().map_err(|source| Error::Build { path, source })?;
        let name = props.state_name.clone();
        Ok(Fail(State::create(scope, id, "Fail", name, Kind::Fail(props))?))
    }
}

/// `Fail.toStateJson`: `Type`, `Comment`, `Error`, `ErrorPath`, `Cause`, `CausePath`.
pub(crate) fn render(p: &FailProps, m: &mut Map) {
    put(m, "Type", Some(Value::from("Fail")));
    put(m, "Comment", string(&p.comment));
    put(m, "Error", string(&p.error));
    put(m, "ErrorPath", string(&p.error_path));
    put(m, "Cause", string(&p.cause));
    put(m, "CausePath", string(&p.cause_path));
}
