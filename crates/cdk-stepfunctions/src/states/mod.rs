//! States of a state machine (`aws-stepfunctions/lib/states/`). Only the `Pass` state is
//! ported so far.

mod pass;

pub use pass::{Pass, PassProps, PassPropsBuilder};
