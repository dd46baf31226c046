//! The states of a state machine (`aws-stepfunctions/lib/state-graph.ts`): every state
//! reachable from the start state, each in one graph only and under a unique name, rendered
//! as the definition's `StartAt` and `States`.

use cdk_core::{Error, Map, Value};

use crate::State;

/// The states of one state machine, in the order aws-cdk-lib collects them (`allStates`).
pub(crate) struct StateGraph {
    start: State,
    states: Vec<State>,
    /// The states `bind` has reached in this collection.
    visited: Vec<State>,
}

impl StateGraph {
    /// Collects the graph from its start state (`new StateGraph(startState, ...)`): the
    /// start state, then, depth first, each bound state's incoming states and its next
    /// state.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] (at `owner`, the state machine's path) for a state already
    /// used in another state machine (`StateAlreadyInGraph`) or two states with one name
    /// (`DuplicateStateId`).
    pub(crate) fn new(start: &State, owner: &str) -> Result<StateGraph, Error> {
        let mut graph =
            StateGraph { start: start.clone(), states: vec![start.clone()], visited: Vec::new() };
        graph.bind(start, owner)?;
        graph.check_contained_names(owner)?;
        Ok(graph)
    }

    /// `registerSuperGraph` / `registerContainedState`: the states of the graphs of
    /// Parallel branches and Map item processors have names unique among all the states
    /// of this graph and its nested graphs.
    fn check_contained_names(&self, owner: &str) -> Result<(), Error> {
        let mut seen: Vec<(String, String)> =
            self.states.iter().map(|s| (s.state_id(), self.describe())).collect();
        for state in &self.states {
            let mut nested: Vec<(String, State)> = state
                .0
                .branches
                .borrow()
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    (format!("Parallel '{}' branch {}", state.state_id(), i + 1), b.clone())
                })
                .collect();
            if let Some(p) = state.0.processor.borrow().as_ref() {
                nested.push((format!("Map {} Item Processor", state.state_id()), p.clone()));
            }
            for (name, start) in nested {
                let graph = StateGraph::new(&start, &name)?;
                for s in &graph.states {
                    let id = s.state_id();
                    if let Some((_, other)) = seen.iter().find(|(n, _)| *n == id) {
                        return Err(Error::InvalidArgument {
                            path: owner.to_string(),
                            message: format!(
                                "State with name '{id}' occurs in both {} and {other}. All states must have unique names.",
                                graph.describe()
                            ),
                        });
                    }
                    seen.push((id, graph.describe()));
                }
            }
        }
        Ok(())
    }

    /// `toString`: up to three state names.
    fn describe(&self) -> String {
        let mut names: Vec<String> = self.states.iter().take(3).map(State::state_id).collect();
        if self.states.len() > 3 {
            names.push("...".into());
        }
        format!("State Machine definition ({})", names.join(", "))
    }

    /// `bindToGraph` and `registerState`.
    fn bind(&mut self, state: &State, owner: &str) -> Result<(), Error> {
        if self.visited.iter().any(|s| s.same(state)) {
            return Ok(());
        }
        self.visited.push(state.clone());
        match state.containing_graph() {
            // bound by an earlier collection of the same graph (a nested graph is collected
            // for the name check and again when rendered): collect it again
            Some(g) if g == owner => {}
            Some(g) => {
                return Err(Error::InvalidArgument {
                    path: owner.to_string(),
                    message: format!(
                        "Trying to use state '{}' in {}, but is already in the definition of {g}. Every state can only be used in one graph.",
                        state.state_id(),
                        self.describe()
                    ),
                })
            }
            None => {}
        }
        state.set_containing_graph(owner);
        let id = state.state_id();
        if self.states.iter().any(|s| !s.same(state) && s.state_id() == id) {
            let graph = self.describe();
            return Err(Error::InvalidArgument {
                path: owner.to_string(),
                message: format!(
                    "State with name '{id}' occurs in both {graph} and {graph}. All states must have unique names."
                ),
            });
        }
        if !self.states.iter().any(|s| s.same(state)) {
            self.states.push(state.clone());
        }
        for incoming in state.incoming_states() {
            self.bind(&incoming, owner)?;
        }
        for outgoing in state.outgoing_transitions() {
            self.bind(&outgoing, owner)?;
        }
        Ok(())
    }

    /// `toGraphJson`: `StartAt`, `States`, and `TimeoutSeconds` when a timeout is set.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a state that cannot be rendered (`validateState`: a
    /// Parallel state without branches, a Map state without an item processor).
    pub(crate) fn to_graph_json(&self, timeout_seconds: Option<u64>) -> Result<Map, Error> {
        let mut states = Map::new();
        for s in &self.states {
            s.validate_state()?;
            states.insert(s.state_id(), s.to_state_json()?);
        }
        let mut m = Map::new();
        m.insert("StartAt".into(), Value::String(self.start.state_id()));
        m.insert("States".into(), Value::Object(states));
        if let Some(t) = timeout_seconds {
            m.insert("TimeoutSeconds".into(), Value::from(t));
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PassProps;
    use cdk_core::json::to_json_string;
    use cdk_core::{App, Stack};

    fn pass(stack: &Stack, id: &str, name: Option<&str>) -> crate::Pass {
        let props = PassProps { state_name: name.map(str::to_string), ..Default::default() };
        crate::Pass::new(stack, id, props).unwrap()
    }

    #[test]
    fn collects_from_the_start_state_then_incoming_then_next() {
        let app = App::new();
        let stack = Stack::new(&app, "S").unwrap();
        let a = pass(&stack, "A", None);
        let b = pass(&stack, "B", None);
        let c = pass(&stack, "C", None);
        a.next(&b).unwrap().next(&c).unwrap();
        let graph = StateGraph::new(b.state(), "S/M").unwrap();
        assert_eq!(
            to_json_string(&Value::Object(graph.to_graph_json(Some(30)).unwrap()), 0),
            r#"{"StartAt":"B","States":{"B":{"Type":"Pass","Next":"C"},"A":{"Type":"Pass","Next":"B"},"C":{"Type":"Pass","End":true}},"TimeoutSeconds":30}"#
        );
    }

    #[test]
    fn a_cycle_is_collected_once() {
        let app = App::new();
        let stack = Stack::new(&app, "S").unwrap();
        let a = pass(&stack, "A", None);
        let b = pass(&stack, "B", None);
        a.next(&b).unwrap();
        b.next(&a).unwrap();
        let graph = StateGraph::new(a.state(), "S/M").unwrap();
        assert_eq!(graph.states.len(), 2);
    }

    #[test]
    fn state_names_are_unique() {
        let app = App::new();
        let stack = Stack::new(&app, "S").unwrap();
        let a = pass(&stack, "A", Some("Same"));
        let b = pass(&stack, "B", Some("Same"));
        a.next(&b).unwrap();
        let e = StateGraph::new(a.state(), "S/M").err().unwrap();
        assert!(e.to_string().starts_with("S/M: State with name 'Same' occurs in both"), "{e}");
    }

    #[test]
    fn a_state_belongs_to_one_graph() {
        let app = App::new();
        let stack = Stack::new(&app, "S").unwrap();
        let a = pass(&stack, "A", None);
        StateGraph::new(a.state(), "S/M1").unwrap();
        let e = StateGraph::new(a.state(), "S/M2").err().unwrap();
        assert_eq!(
            e.to_string(),
            "S/M2: Trying to use state 'A' in State Machine definition (A), but is already in the definition of S/M1. Every state can only be used in one graph."
        );
    }
}
