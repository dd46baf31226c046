//! States of a state machine (`aws-stepfunctions/lib/states/`): [`State`] (the base every
//! state shares, `state.ts`) and the flow states `Pass`, `Succeed`, `Fail`, `Wait`,
//! `Choice`, `Parallel` and `Map`. Task states are not ported.

pub(crate) mod choice;
pub(crate) mod fail;
pub(crate) mod map;
pub(crate) mod parallel;
pub(crate) mod pass;
pub(crate) mod state;
pub(crate) mod succeed;
pub(crate) mod wait;

pub use choice::{Choice, ChoiceProps, ChoicePropsBuilder};
pub use fail::{Fail, FailProps, FailPropsBuilder};
pub use map::{Map, MapProps, MapPropsBuilder};
pub use parallel::{Parallel, ParallelProps, ParallelPropsBuilder};
pub use pass::{Pass, PassProps, PassPropsBuilder};
pub use state::State;
pub use succeed::{Succeed, SucceedProps, SucceedPropsBuilder};
pub use wait::{Wait, WaitProps, WaitPropsBuilder, WaitTime};
