//! Chains of states (`aws-stepfunctions/lib/chain.ts`): a start state and the states the
//! sequence ends with, to which more states can be appended.

use cdk_core::Error;

use crate::State;

/// A sequence of states (`sfn.Chain`, CDK's `IChainable`): where it starts and the states
/// it ends with (`endStates`: none after a Succeed, Fail or Choice state, the ends of the
/// branches after `Choice::afterwards`).
///
/// Every state converts into a chain of one (`From<&Pass>`, `From<&Choice>`, ...), so every
/// method that takes a chain (`next`, `when`, `branch`, `DefinitionBody::from_chainable`)
/// takes a state as well.
///
/// ```
/// use cdk_core::{App, Stack};
/// use cdk_stepfunctions::{Chain, Pass, PassProps};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let a = Pass::new(&stack, "A", PassProps::default())?;
/// let b = Pass::new(&stack, "B", PassProps::default())?;
/// let c = Pass::new(&stack, "C", PassProps::default())?;
/// let chain = Chain::start(&a).next(&b)?.next(&c)?;
/// assert_eq!(chain.start_state().state_id(), "A");
/// assert_eq!(chain.end_states()[0].state_id(), "C");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Chain {
    start: State,
    ends: Vec<State>,
    /// The id of the last state or chain added (`lastAdded.id`), for error messages.
    last_added: String,
}

impl Chain {
    /// A chain of one state (`Chain.start`).
    pub fn start(state: impl Into<State>) -> Chain {
        let state = state.into();
        let id = cdk_core::Construct::node(&state).id();
        Chain { ends: state.end_states(), start: state, last_added: id }
    }

    pub(crate) fn from_parts(start: State, ends: Vec<State>, last_added: String) -> Chain {
        Chain { start, ends, last_added }
    }

    pub(crate) fn last_added_id(&self) -> String {
        self.last_added.clone()
    }

    /// Appends `next` (a state or a chain) after every end of this chain and returns the
    /// longer chain (`next`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the chain has no end that can be followed
    /// (`CannotChainToLastState`) or an end already has a next state.
    pub fn next(&self, next: impl Into<Chain>) -> Result<Chain, Error> {
        let next = next.into();
        if self.ends.is_empty() {
            return Err(Error::InvalidArgument {
                path: cdk_core::Construct::node(&self.start).path(),
                message: format!(
                    "Cannot add to chain: last state in chain ({}) does not allow it",
                    self.last_added
                ),
            });
        }
        for end in &self.ends {
            end.make_next(next.start_state())?;
        }
        Ok(Chain::from_parts(self.start.clone(), next.ends.clone(), next.last_added))
    }

    /// The first state (`startState`).
    pub fn start_state(&self) -> &State {
        &self.start
    }

    /// The states the chain ends with (`endStates`).
    pub fn end_states(&self) -> &[State] {
        &self.ends
    }
}

impl From<&State> for Chain {
    fn from(state: &State) -> Chain {
        Chain::start(state)
    }
}

impl From<State> for Chain {
    fn from(state: State) -> Chain {
        Chain::start(state)
    }
}

impl From<&Chain> for Chain {
    fn from(chain: &Chain) -> Chain {
        chain.clone()
    }
}
