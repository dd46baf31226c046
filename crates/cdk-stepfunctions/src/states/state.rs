//! The base of every state (`aws-stepfunctions/lib/states/state.ts`): the state's name,
//! its transitions (next state, choices, default), the states that lead to it, its branches
//! and item processor, and the renderers each state's JSON is built from.

use std::cell::RefCell;
use std::fmt;
use std::rc::{Rc, Weak};

use cdk_core::{BuildError, Construct, Error, Map, Node, Value};

use crate::{Chain, Condition};

/// What kind of state a [`State`] is, with the fields only that kind renders.
#[derive(Clone, Debug)]
pub(crate) enum Kind {
    Pass(crate::PassProps),
    Succeed(crate::SucceedProps),
    Fail(crate::FailProps),
    Wait(crate::WaitProps),
    Choice(crate::ChoiceProps),
    Parallel(crate::ParallelProps),
    Map(crate::MapProps),
}

pub(crate) struct StateInner {
    node: Node,
    state_name: Option<String>,
    pub(crate) kind: Kind,
    next: RefCell<Option<State>>,
    pub(crate) choices: RefCell<Vec<(Condition, State)>>,
    pub(crate) default_choice: RefCell<Option<State>>,
    pub(crate) branches: RefCell<Vec<State>>,
    pub(crate) processor: RefCell<Option<State>>,
    incoming: RefCell<Vec<Weak<StateInner>>>,
    /// The name of the graph that holds this state (`containingGraph`).
    graph: RefCell<Option<String>>,
}

/// Any state of a state machine (`sfn.State`): a handle every concrete state ([`crate::Pass`],
/// [`crate::Choice`], ...) gives with `.state()`, and what chains and graphs hold.
///
/// Cloning gives another handle to the same state.
#[derive(Clone)]
pub struct State(pub(crate) Rc<StateInner>);

impl fmt::Debug for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "State({})", self.0.node.path())
    }
}

impl Construct for State {
    fn node(&self) -> &Node {
        &self.0.node
    }
}

/// Checks a JSON path (`renderJsonPath`): it starts with `$`.
pub(crate) fn check_json_path(field: &str, path: Option<&String>) -> Result<(), BuildError> {
    match path {
        Some(p) if !p.starts_with('$') => Err(BuildError::invalid_field(
            field,
            format!("Expected JSON path to start with '$', got: {p}"),
        )),
        _ => Ok(()),
    }
}

/// Checks that a selector is literal JSON (the definition is a literal JSON string).
pub(crate) fn check_literal(field: &str, value: Option<&Value>) -> Result<(), BuildError> {
    if value.is_some_and(super::pass::holds_intrinsic) {
        return Err(BuildError::invalid_field(
            field,
            "tokens and intrinsic functions are not supported here: the definition is rendered as a literal JSON string",
        ));
    }
    Ok(())
}

/// Inserts `value` under `key` when present (JavaScript drops `undefined` fields).
pub(crate) fn put(m: &mut Map, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        m.insert(key.to_string(), v);
    }
}

pub(crate) fn string(s: &Option<String>) -> Option<Value> {
    s.clone().map(Value::String)
}

impl State {
    /// Defines the construct of a state of `kind`.
    pub(crate) fn create(
        scope: &impl Construct,
        id: &str,
        class: &str,
        state_name: Option<String>,
        kind: Kind,
    ) -> Result<State, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("aws-cdk-lib.aws_stepfunctions.{class}"));
        Ok(State(Rc::new(StateInner {
            node,
            state_name,
            kind,
            next: RefCell::new(None),
            choices: RefCell::new(Vec::new()),
            default_choice: RefCell::new(None),
            branches: RefCell::new(Vec::new()),
            processor: RefCell::new(None),
            incoming: RefCell::new(Vec::new()),
            graph: RefCell::new(None),
        })))
    }

    /// The state's name in the definition (`stateId`): its `state_name`, else its id.
    pub fn state_id(&self) -> String {
        self.0.state_name.clone().unwrap_or_else(|| self.0.node.id())
    }

    /// The state that follows, if any.
    pub fn next_state(&self) -> Option<State> {
        self.0.next.borrow().clone()
    }

    /// Whether two handles are the same state.
    pub fn same(&self, other: &State) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// Whether the state can be followed by another (`INextable`): Pass, Wait, Parallel and
    /// Map states can; Succeed, Fail and Choice states cannot.
    pub fn is_nextable(&self) -> bool {
        matches!(self.0.kind, Kind::Pass(_) | Kind::Wait(_) | Kind::Parallel(_) | Kind::Map(_))
    }

    /// The states a chain ending with this state continues from (`endStates`): the state
    /// itself when it is nextable, none otherwise.
    pub fn end_states(&self) -> Vec<State> {
        if self.is_nextable() {
            vec![self.clone()]
        } else {
            Vec::new()
        }
    }

    /// `next` of a nextable state: links the start of `next` after this state and returns
    /// the chain from this state to the end of `next`.
    pub(crate) fn next_chain(&self, next: impl Into<Chain>) -> Result<Chain, Error> {
        let next = next.into();
        self.make_next(next.start_state())?;
        Ok(Chain::from_parts(self.clone(), next.end_states().to_vec(), next.last_added_id()))
    }

    /// Continues a nextable state with `next` (`endState.next(next)` inside `Chain.next`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the state cannot be followed or already is.
    pub(crate) fn make_next(&self, next: &State) -> Result<(), Error> {
        if !self.is_nextable() {
            return Err(Error::InvalidArgument {
                path: self.0.node.path(),
                message: format!("State '{}' cannot have a next state", self.0.node.id()),
            });
        }
        if self.0.next.borrow().is_some() {
            return Err(Error::InvalidArgument {
                path: self.0.node.path(),
                message: format!("State '{}' already has a next state", self.0.node.id()),
            });
        }
        *self.0.next.borrow_mut() = Some(next.clone());
        next.add_incoming(self);
        Ok(())
    }

    pub(crate) fn add_incoming(&self, source: &State) {
        self.0.incoming.borrow_mut().push(Rc::downgrade(&source.0));
    }

    /// The states that transition into this one.
    pub(crate) fn incoming_states(&self) -> Vec<State> {
        self.0.incoming.borrow().iter().filter_map(Weak::upgrade).map(State).collect()
    }

    /// `outgoingTransitions`: the next state, the default choice, then each choice's state.
    pub(crate) fn outgoing_transitions(&self) -> Vec<State> {
        let mut ret = Vec::new();
        ret.extend(self.next_state());
        ret.extend(self.0.default_choice.borrow().clone());
        ret.extend(self.0.choices.borrow().iter().map(|(_, s)| s.clone()));
        ret
    }

    /// `State.findReachableEndStates`: the states reachable from this one with no outgoing
    /// transition, breadth first.
    pub(crate) fn find_reachable_end_states(&self) -> Vec<State> {
        let mut visited: Vec<State> = Vec::new();
        let mut ret: Vec<State> = Vec::new();
        let mut queue = std::collections::VecDeque::from([self.clone()]);
        while let Some(state) = queue.pop_front() {
            if visited.iter().any(|s| s.same(&state)) {
                continue;
            }
            visited.push(state.clone());
            let outgoing = state.outgoing_transitions();
            if outgoing.is_empty() {
                if !ret.iter().any(|s| s.same(&state)) {
                    ret.push(state);
                }
            } else {
                queue.extend(outgoing);
            }
        }
        ret
    }

    /// The graph this state belongs to, if any.
    pub(crate) fn containing_graph(&self) -> Option<String> {
        self.0.graph.borrow().clone()
    }

    pub(crate) fn set_containing_graph(&self, graph: &str) {
        *self.0.graph.borrow_mut() = Some(graph.to_string());
    }

    /// `renderNextEnd`: `Next` or `End`.
    pub(crate) fn render_next_end(&self, m: &mut Map) {
        match self.next_state() {
            Some(n) => put(m, "Next", Some(Value::String(n.state_id()))),
            None => put(m, "End", Some(Value::Bool(true))),
        }
    }

    /// `toStateJson`: the state's entry in its graph's `States`.
    pub(crate) fn to_state_json(&self) -> Result<Value, Error> {
        let mut m = Map::new();
        match &self.0.kind {
            Kind::Pass(p) => crate::states::pass::render(self, p, &mut m),
            Kind::Succeed(p) => crate::states::succeed::render(p, &mut m),
            Kind::Fail(p) => crate::states::fail::render(p, &mut m),
            Kind::Wait(p) => crate::states::wait::render(self, p, &mut m),
            Kind::Choice(p) => crate::states::choice::render(self, p, &mut m),
            Kind::Parallel(p) => crate::states::parallel::render(self, p, &mut m)?,
            Kind::Map(p) => crate::states::map::render(self, p, &mut m)?,
        }
        Ok(Value::Object(m))
    }

    /// `validateState`: what a state lacks to be rendered.
    pub(crate) fn validate_state(&self) -> Result<(), Error> {
        let message = match &self.0.kind {
            Kind::Parallel(_) if self.0.branches.borrow().is_empty() => {
                "Parallel must have at least one branch"
            }
            Kind::Map(_) if self.0.processor.borrow().is_none() => {
                "Map state must either have a non-empty iterator or a non-empty item processor"
            }
            _ => return Ok(()),
        };
        Err(Error::InvalidArgument { path: self.0.node.path(), message: message.into() })
    }
}

impl From<&State> for State {
    fn from(s: &State) -> State {
        s.clone()
    }
}

/// Implements the handle plumbing of a concrete state type wrapping a [`State`].
macro_rules! state_handle {
    ($t:ident) => {
        impl $t {
            /// The state as a generic [`State`] handle.
            pub fn state(&self) -> &$crate::State {
                &self.0
            }

            /// The state's name in the definition (`stateId`): its `state_name`, else its id.
            pub fn state_id(&self) -> String {
                self.0.state_id()
            }

            /// Whether two handles are the same state.
            pub fn same(&self, other: &$t) -> bool {
                self.0.same(&other.0)
            }
        }

        impl ::std::fmt::Debug for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}({})", stringify!($t), cdk_core::Construct::node(&self.0).path())
            }
        }

        impl cdk_core::Construct for $t {
            fn node(&self) -> &cdk_core::Node {
                cdk_core::Construct::node(&self.0)
            }
        }

        impl From<&$t> for $crate::Chain {
            fn from(s: &$t) -> $crate::Chain {
                $crate::Chain::start(&s.0)
            }
        }

        impl From<$t> for $crate::Chain {
            fn from(s: $t) -> $crate::Chain {
                $crate::Chain::start(&s.0)
            }
        }

        impl From<&$t> for $crate::State {
            fn from(s: &$t) -> $crate::State {
                s.0.clone()
            }
        }
    };
}
pub(crate) use state_handle;

/// Implements `next` for a nextable state type.
macro_rules! nextable {
    ($t:ident) => {
        impl $t {
            /// Continues with `next` (a state or a chain) and returns the chain from this
            /// state to the end of `next`.
            ///
            /// # Errors
            /// [`cdk_core::Error::InvalidArgument`] when this state already has a next state
            /// (`StateAlreadyHasNextState`).
            pub fn next(
                &self,
                next: impl Into<$crate::Chain>,
            ) -> Result<$crate::Chain, cdk_core::Error> {
                self.0.next_chain(next)
            }

            /// The state that follows, if any.
            pub fn next_state(&self) -> Option<$crate::State> {
                self.0.next_state()
            }
        }
    };
}
pub(crate) use nextable;
