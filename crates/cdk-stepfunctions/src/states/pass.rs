//! The `Pass` state (`aws-stepfunctions/lib/states/pass.ts`, with what it uses of
//! `states/state.ts`): passes its input to its output, optionally injecting a fixed result.

use cdk_core::{BuildError, Construct, Error, Map, Value};

use super::state::{nextable, put, state_handle, string, Kind, State};

/// Options of a [`Pass`] state (`PassProps`). Every field is optional.
///
/// `build()` checks the JSON paths (they start with `$`) and that `result` and `parameters`
/// are literal JSON: the definition is rendered as a plain JSON string.
///
/// ```
/// use cdk_stepfunctions::PassProps;
/// let props = PassProps::builder().comment("noop").result_path("$.out").build()?;
/// assert_eq!(props.comment.as_deref(), Some("noop"));
/// assert!(PassProps::builder().input_path("out").build().is_err());
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(
        private,
        name = "build_fields",
        error = "cdk_core::BuildError",
        validate = "Self::validate"
    )
)]
#[non_exhaustive]
pub struct PassProps {
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
    /// Where the result goes in the input (`ResultPath`). Default: `$` (it replaces the
    /// input).
    #[builder(default)]
    pub result_path: Option<String>,
    /// A fixed result, as literal JSON (`Result`). Default: the input is the result.
    #[builder(default)]
    pub result: Option<Value>,
    /// The input of the state, as literal JSON (`Parameters`). Default: the state's input.
    #[builder(default)]
    pub parameters: Option<Value>,
}
cdk_core::impl_props!(PassProps, PassPropsBuilder);

impl PassProps {
    /// The rules `build()` checks (also checked by [`Pass::new`]).
    ///
    /// # Errors
    /// A [`BuildError`] for a JSON path not starting with `$` (`InvalidJsonPathStart`), or
    /// a `result` or `parameters` holding tokens.
    pub fn validate(&self) -> Result<(), BuildError> {
        for (field, path) in [
            ("input_path", &self.input_path),
            ("output_path", &self.output_path),
            ("result_path", &self.result_path),
        ] {
            if let Some(p) = path {
                if !p.starts_with('$') {
                    return Err(BuildError::invalid_field(
                        field,
                        format!("Expected JSON path to start with '$', got: {p}"),
                    ));
                }
            }
        }
        for (field, value) in [("result", &self.result), ("parameters", &self.parameters)] {
            if value.as_ref().is_some_and(holds_intrinsic) {
                return Err(BuildError::invalid_field(
                    field,
                    "tokens and intrinsic functions are not supported here: the definition is rendered as a literal JSON string",
                ));
            }
        }
        Ok(())
    }
}

/// Whether a value is or holds a token or an intrinsic function (`{"Ref": ...}`,
/// `{"Fn::...": ...}`, as pseudo parameters such as `stack.region()` are), which a literal JSON
/// string cannot carry.
pub(crate) fn holds_intrinsic(value: &Value) -> bool {
    match value {
        Value::Token(_) => true,
        Value::Array(items) => items.iter().any(holds_intrinsic),
        Value::Object(m) => {
            let intrinsic = m.len() == 1
                && m.keys().all(|k| k == "Ref" || k.starts_with("Fn::") || k == "Condition");
            intrinsic || m.values().any(holds_intrinsic)
        }
        _ => false,
    }
}

impl PassPropsBuilder {
    fn validate(&self) -> Result<(), BuildError> {
        let props = PassProps {
            state_name: None,
            comment: None,
            input_path: self.input_path.clone().flatten(),
            output_path: self.output_path.clone().flatten(),
            result_path: self.result_path.clone().flatten(),
            result: self.result.clone().flatten(),
            parameters: self.parameters.clone().flatten(),
        };
        props.validate()
    }
}

/// A state that passes its input to its output (`sfn.Pass`). A construct without resources;
/// it is rendered into the definition of the state machine it is part of.
///
/// Cloning gives another handle to the same state.
///
/// ```
/// use cdk_core::{App, Stack};
/// use cdk_stepfunctions::{Pass, PassProps};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let first = Pass::new(&stack, "First", PassProps::default())?;
/// let second = Pass::new(&stack, "Second", PassProps::default())?;
/// let chain = first.next(&second)?;
/// assert_eq!(chain.start_state().state_id(), "First");
/// assert!(first.next(&second).is_err()); // a state has one next state
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Pass(State);
state_handle!(Pass);
nextable!(Pass);

impl Pass {
    /// Defines a Pass state.
    ///
    /// # Errors
    /// [`Error::Build`] for props breaking a rule of [`PassProps::validate`]; id errors from
    /// the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<PassProps>,
    ) -> Result<Pass, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        props.validate().map_err(|source| Error::Build {
            path: crate::state_machine::child_path(scope.node(), id),
            source,
        })?;
        let name = props.state_name.clone();
        Ok(Pass(State::create(scope, id, "Pass", name, Kind::Pass(props))?))
    }
}

/// `Pass.toStateJson`: `Type`, `Comment`, `Result`, `ResultPath`, `InputPath`,
/// `Parameters`, `OutputPath`, then `Next` or `End`.
pub(crate) fn render(state: &State, p: &PassProps, m: &mut Map) {
    put(m, "Type", Some(Value::from("Pass")));
    put(m, "Comment", string(&p.comment));
    put(m, "Result", p.result.clone());
    put(m, "ResultPath", string(&p.result_path));
    put(m, "InputPath", string(&p.input_path));
    put(m, "Parameters", p.parameters.clone());
    put(m, "OutputPath", string(&p.output_path));
    state.render_next_end(m);
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::json::to_json_string;
    use cdk_core::{App, Stack};

    #[test]
    fn json_paths_start_with_a_dollar() {
        for builder in [
            PassProps::builder().input_path("a"),
            PassProps::builder().output_path("b"),
            PassProps::builder().result_path("c"),
        ] {
            let e = builder.build().unwrap_err();
            assert!(e.message().contains("Expected JSON path to start with '$'"), "{e}");
        }
        assert!(PassProps::builder()
            .input_path("$.a")
            .output_path("$")
            .result_path("$.r")
            .build()
            .is_ok());
    }

    #[test]
    fn result_and_parameters_are_literal() {
        let app = App::new();
        let stack = Stack::new(&app, "S").unwrap();
        let e = PassProps::builder().result(stack.region()).build().unwrap_err();
        assert!(e.message().contains("'result'"), "{e}");
        let e = PassProps::builder()
            .parameters(Value::object([("r", stack.region())]))
            .build()
            .unwrap_err();
        assert!(e.message().contains("'parameters'"), "{e}");
        // fields set after build() are checked again by the constructor
        let props = PassProps { input_path: Some("x".into()), ..Default::default() };
        let e = Pass::new(&stack, "P", props).unwrap_err();
        assert!(e.to_string().starts_with("S/P: "), "{e}");
    }

    #[test]
    fn renders_in_cdk_key_order() {
        let app = App::new();
        let stack = Stack::new(&app, "S").unwrap();
        let a = Pass::new(
            &stack,
            "A",
            PassProps::builder()
                .state_name("First")
                .output_path("$.o")
                .parameters(Value::object([("p", 1.0)]))
                .input_path("$.i")
                .result_path("$.r")
                .result(Value::object([("x", "y")]))
                .comment("c")
                .build()
                .unwrap(),
        )
        .unwrap();
        let b = Pass::new(&stack, "B", PassProps::default()).unwrap();
        a.next(&b).unwrap();
        assert_eq!(
            to_json_string(&a.state().to_state_json().unwrap(), 0),
            r#"{"Type":"Pass","Comment":"c","Result":{"x":"y"},"ResultPath":"$.r","InputPath":"$.i","Parameters":{"p":1},"OutputPath":"$.o","Next":"B"}"#
        );
        assert_eq!(
            to_json_string(&b.state().to_state_json().unwrap(), 0),
            r#"{"Type":"Pass","End":true}"#
        );
        assert_eq!(a.state_id(), "First");
        let e = a.next(&b).unwrap_err();
        assert_eq!(e.to_string(), "S/A: State 'A' already has a next state");
        assert!(b.state().incoming_states()[0].same(a.state()));
    }
}
