//! Chains of states (`aws-stepfunctions/lib/chain.ts`): a start state and the state that
//! ends the sequence, to which more states can be appended.

use cdk_core::Error;

use crate::Pass;

/// A sequence of states (`sfn.Chain`): where it starts and the state it ends with.
///
/// A single state converts into a chain of one (`From<&Pass>`), so every method that takes
/// a chain (`Pass::next`, [`Chain::next`], `DefinitionBody::from_chainable`) takes a state
/// as well.
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
/// assert_eq!(chain.end_state().state_id(), "C");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Chain {
    start: Pass,
    end: Pass,
}

impl Chain {
    /// A chain of one state (`Chain.start`).
    pub fn start(state: &Pass) -> Chain {
        Chain::from(state)
    }

    pub(crate) fn from_parts(start: Pass, end: Pass) -> Chain {
        Chain { start, end }
    }

    /// Appends `next` (a state or a chain) after the end of this chain and returns the
    /// longer chain.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the end state already has a next state.
    pub fn next(&self, next: impl Into<Chain>) -> Result<Chain, Error> {
        let next = next.into();
        self.end.next(next.clone())?;
        Ok(Chain::from_parts(self.start.clone(), next.end))
    }

    /// The first state (`startState`).
    pub fn start_state(&self) -> &Pass {
        &self.start
    }

    /// The last state (`endStates`, of which a chain of Pass states has one).
    pub fn end_state(&self) -> &Pass {
        &self.end
    }
}

impl From<&Pass> for Chain {
    fn from(state: &Pass) -> Chain {
        Chain::from_parts(state.clone(), state.clone())
    }
}

impl From<Pass> for Chain {
    fn from(state: Pass) -> Chain {
        Chain::from(&state)
    }
}

impl From<&Chain> for Chain {
    fn from(chain: &Chain) -> Chain {
        chain.clone()
    }
}
