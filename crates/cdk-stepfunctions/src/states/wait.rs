//! The `Wait` state (`aws-stepfunctions/lib/states/wait.ts`): waits for a duration or until
//! a time.

use std::time::Duration;

use cdk_core::{Construct, Error, Map, Value};

use super::state::{nextable, put, state_handle, string, Kind, State};

/// How long a [`Wait`] state waits (`sfn.WaitTime`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum WaitTime {
    /// A fixed number of seconds (`WaitTime.seconds`): `Seconds`.
    Seconds(u64),
    /// A fixed duration (`WaitTime.duration`), a whole number of seconds: `Seconds`.
    Duration(Duration),
    /// Until a fixed ISO 8601 timestamp (`WaitTime.timestamp`): `Timestamp`.
    Timestamp(String),
    /// The number of seconds at a JSON path of the input (`WaitTime.secondsPath`):
    /// `SecondsPath`.
    SecondsPath(String),
    /// Until the timestamp at a JSON path of the input (`WaitTime.timestampPath`):
    /// `TimestampPath`.
    TimestampPath(String),
}

impl WaitTime {
    /// Waits for `duration` (`WaitTime.duration`); [`Wait::new`] refuses a duration that is
    /// not a whole number of seconds, as `Duration.toSeconds()` does.
    pub fn duration(duration: Duration) -> WaitTime {
        WaitTime::Duration(duration)
    }

    /// Waits for a number of seconds (`WaitTime.seconds`).
    pub fn seconds(seconds: u64) -> WaitTime {
        WaitTime::Seconds(seconds)
    }

    /// Waits until an ISO 8601 timestamp (`WaitTime.timestamp`).
    pub fn timestamp(timestamp: impl Into<String>) -> WaitTime {
        WaitTime::Timestamp(timestamp.into())
    }

    /// Waits for the number of seconds at a JSON path (`WaitTime.secondsPath`).
    pub fn seconds_path(path: impl Into<String>) -> WaitTime {
        WaitTime::SecondsPath(path.into())
    }

    /// Waits until the timestamp at a JSON path (`WaitTime.timestampPath`).
    pub fn timestamp_path(path: impl Into<String>) -> WaitTime {
        WaitTime::TimestampPath(path.into())
    }

    fn render(&self, m: &mut Map) {
        let (key, value) = match self {
            WaitTime::Seconds(s) => ("Seconds", Value::from(*s)),
            WaitTime::Duration(d) => ("Seconds", Value::from(d.as_secs())),
            WaitTime::Timestamp(t) => ("Timestamp", Value::from(t.as_str())),
            WaitTime::SecondsPath(p) => ("SecondsPath", Value::from(p.as_str())),
            WaitTime::TimestampPath(p) => ("TimestampPath", Value::from(p.as_str())),
        };
        put(m, key, Some(value));
    }
}

/// Options of a [`Wait`] state (`WaitProps`).
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct WaitProps {
    /// How long to wait. Required.
    pub time: WaitTime,
    /// The state's name in the definition. Default: the construct id.
    #[builder(default)]
    pub state_name: Option<String>,
    /// A comment. Default: none.
    #[builder(default)]
    pub comment: Option<String>,
}
cdk_core::impl_props!(WaitProps, WaitPropsBuilder);

/// A state that waits (`sfn.Wait`).
///
/// ```
/// use std::time::Duration;
/// use cdk_core::{App, Stack};
/// use cdk_stepfunctions::{Wait, WaitProps, WaitTime};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let wait = Wait::new(&stack, "W", WaitProps::builder().time(WaitTime::duration(Duration::from_secs(60))))?;
/// assert_eq!(wait.state_id(), "W");
/// let half = WaitProps::builder().time(WaitTime::duration(Duration::from_millis(500)));
/// assert!(Wait::new(&stack, "Half", half).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Wait(State);
state_handle!(Wait);
nextable!(Wait);

impl Wait {
    /// Defines a Wait state.
    ///
    /// # Errors
    /// [`Error::Build`] without a `time`; [`Error::InvalidArgument`] for a duration that is
    /// not a whole number of seconds; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<WaitProps>,
    ) -> Result<Wait, Error> {
        let path = crate::state_machine::child_path(scope.node(), id);
        let props = props.into_props_at(&path)?;
        if let WaitTime::Duration(d) = props.time {
            if d.subsec_nanos() != 0 {
                return Err(Error::InvalidArgument {
                    path,
                    message: format!(
                        "'{} millis' cannot be converted into a whole number of seconds.",
                        d.as_millis()
                    ),
                });
            }
        }
        let name = props.state_name.clone();
        Ok(Wait(State::create(scope, id, "Wait", name, Kind::Wait(props))?))
    }
}

/// `Wait.toStateJson`: `Type`, `Comment`, the time, then `Next` or `End`.
pub(crate) fn render(state: &State, p: &WaitProps, m: &mut Map) {
    put(m, "Type", Some(Value::from("Wait")));
    put(m, "Comment", string(&p.comment));
    p.time.render(m);
    state.render_next_end(m);
}
