//! `Names.uniqueResourceName` with options (`core/lib/names.ts`,
//! `core/lib/private/unique-resource-name.ts`), for the generated name of a FIFO topic.

use cdk_core::logical_id::{path_hash, HASH_LEN, HIDDEN_FROM_HUMAN_ID, HIDDEN_ID};
use cdk_core::{Construct, Node};

/// The path from the top-level stack (named by its stack name) down to `node`, `Default`
/// dropped; `Resource` and repeated components left out of the readable part, which is
/// alphanumerics joined (and ended) by `separator`; then the path hash. At most `max_len`
/// characters (a longer readable part keeps its two ends).
pub(crate) fn unique_resource_name(node: &Node, max_len: usize, separator: &str) -> String {
    let mut scopes = vec![node.clone()];
    while let Some(parent) = scopes.last().and_then(Node::scope) {
        scopes.push(parent);
    }
    scopes.reverse();
    let is_top_level_stack = |n: &Node| match n.stack() {
        Ok(s) => s.node().same(n) && !s.is_nested(),
        Err(_) => false,
    };
    let start = scopes.iter().rposition(is_top_level_stack).unwrap_or(0);
    let components: Vec<String> = scopes[start..]
        .iter()
        .map(|n| match n.stack() {
            Ok(s) if is_top_level_stack(n) => s.stack_name(),
            _ => n.id(),
        })
        .filter(|c| c != HIDDEN_ID)
        .collect();
    let alnum = |s: &str| -> String { s.chars().filter(char::is_ascii_alphanumeric).collect() };
    if components.len() == 1 {
        let top = alnum(&components[0]);
        if top.len() <= max_len {
            return top;
        }
    }
    let hash = path_hash(&components);
    let mut kept: Vec<&str> = Vec::new();
    for c in &components {
        match kept.last() {
            Some(last) if last.ends_with(c.as_str()) => {}
            _ => kept.push(c),
        }
    }
    let parts: Vec<String> = kept
        .into_iter()
        .filter(|c| *c != HIDDEN_FROM_HUMAN_ID)
        .map(alnum)
        .filter(|c| !c.is_empty())
        .collect();
    let human = format!("{}{separator}", parts.join(separator));
    let max_human = max_len.saturating_sub(HASH_LEN);
    if human.len() > max_human {
        let half = max_human / 2;
        format!("{}{}{hash}", &human[..half], &human[human.len() - half..])
    } else {
        format!("{human}{hash}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, Error, Stack};

    #[test]
    fn fifo_topic_name() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let node = stack.node().add_child("Fifo")?;
        assert_eq!(unique_resource_name(&node, 251, "-"), "Stack-Fifo-72F4C150");
        Ok(())
    }
}
