//! What `tree.json` and a stack's `<Stack>.metadata.json` say about the construct tree, as
//! a snapshot that owns its text ([`TreeView`]), and both files rendered from it.
//!
//! The snapshot holds no reference into the tree, so it can be rendered on another thread
//! while the synthesizing thread renders the template ([`crate::app`]). The files rendered
//! from a snapshot are those of the tree as long as [`TreeView::matches`] says the tree
//! still matches it: checked once the templates are written, it tells whether a lazy
//! value's producer changed what they say in the meantime.

use std::collections::VecDeque;

use crate::element::ElementKind;
use crate::error::Error;
use crate::json::{newline, object_key, write_string, write_value};
use crate::tree::{NodeKind, TreeData};
use crate::value::Value;

/// Text a producer holds before handing it on (see [`TreeView::write_tree_json`]).
pub(crate) const STREAM_CHUNK: usize = 1 << 16;

/// What a streamed file's producer hands its text to: the text is taken (emptied).
pub(crate) type Flush<'a> = dyn FnMut(&mut String) -> Result<(), Error> + 'a;

/// No index (the root's parent).
const NONE: u32 = u32::MAX;

/// A piece of [`TreeView::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    start: u32,
    len: u32,
}

/// A snapshot of a subtree (the whole tree from the app down, or one stack's constructs) as
/// `tree.json` and the stack metadata see it.
///
/// Nodes are numbered breadth-first from the snapshot's root (node 0), so the children of
/// a node are consecutive nodes.
#[derive(Debug, PartialEq)]
pub(crate) struct TreeView {
    /// Ids, logical IDs, fqns and resource types (each distinct fqn and type once).
    text: String,
    nodes: Vec<ViewNode>,
    /// The top-level stacks of the snapshot, in node order.
    stacks: Vec<ViewStack>,
    /// The full path of node 0.
    root_path: String,
    /// Whether every element's logical ID could be computed.
    complete: bool,
}

#[derive(Debug, PartialEq)]
struct ViewNode {
    /// The construct's index in the tree.
    tree_idx: u32,
    parent: u32,
    first_child: u32,
    child_count: u32,
    id: Span,
    /// The fqn of `constructInfo` (`constructs.Construct` when none was set).
    fqn: Option<Span>,
    kind: ViewKind,
}

#[derive(Debug, PartialEq)]
enum ViewKind {
    Plain,
    NestedStack,
    /// A top-level stack: its entry in [`TreeView::stacks`].
    Stack(u32),
    Element {
        /// The CloudFormation type of a resource.
        resource_type: Option<Span>,
        /// `None` when it cannot be computed (a resource's `tree.json` entry leaves it out;
        /// the metadata reports the error).
        logical_id: Option<Span>,
    },
}

#[derive(Debug, PartialEq)]
struct ViewStack {
    template_file: String,
    /// Stack tags, sorted by key as aws-cdk-lib sorts them.
    tags: Vec<(String, String)>,
}

/// What the two files say of one construct, borrowed from the tree.
struct Facts<'t> {
    id: &'t str,
    /// The construct's fqn (shared by the constructs of one class).
    fqn: Option<&'t std::rc::Rc<str>>,
    kind: Fact<'t>,
}

enum Fact<'t> {
    Plain,
    NestedStack,
    Stack(&'t crate::stack::StackData),
    Element { resource_type: Option<&'t str>, logical_id: Option<&'t str> },
}

/// Calls `f` with the facts of tree node `i` (its logical ID is borrowed from the IDs the
/// tree remembers, hence the call).
fn with_facts<R>(tree: &TreeData, i: usize, f: impl FnOnce(&Facts<'_>) -> R) -> R {
    let n = &tree.nodes[i];
    let facts = |kind| Facts { id: n.id(), fqn: n.construct_info.as_ref(), kind };
    match &n.kind {
        NodeKind::Stack(s) if s.nested.is_some() => f(&facts(Fact::NestedStack)),
        NodeKind::Stack(s) => f(&facts(Fact::Stack(s))),
        NodeKind::Element(e) => {
            let resource_type = match &e.kind {
                ElementKind::Resource(r) => Some(r.resource_type.as_str()),
                _ => None,
            };
            // computed (and remembered when the tree remembers IDs) unless remembered
            let remembered = |tree: &TreeData| {
                tree.logical_ids
                    .borrow()
                    .as_ref()
                    .and_then(|c| c.get(i))
                    .is_some_and(Option::is_some)
            };
            let computed =
                if remembered(tree) { None } else { crate::resolve::logical_id(tree, i).ok() };
            let cache = tree.logical_ids.borrow();
            let logical_id = cache
                .as_ref()
                .and_then(|c| c.get(i))
                .and_then(|id| id.as_deref())
                .or(computed.as_deref());
            f(&facts(Fact::Element { resource_type, logical_id }))
        }
        NodeKind::App | NodeKind::Plain => f(&facts(Fact::Plain)),
    }
}

/// A top-level stack's template file and tags (sorted by key as aws-cdk-lib sorts them).
fn stack_facts(s: &crate::stack::StackData) -> ViewStack {
    let mut tags: Vec<(String, String)> =
        s.tags.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    tags.sort_by(|a, b| crate::collate::locale_compare(&a.0, &b.0));
    ViewStack { template_file: format!("{}.template.json", s.artifact_id), tags }
}

impl TreeView {
    /// The snapshot of `root` and everything below it.
    pub(crate) fn of(tree: &TreeData, root: usize) -> TreeView {
        let mut view = TreeView {
            text: String::new(),
            nodes: Vec::new(),
            stacks: Vec::new(),
            root_path: tree.nodes[root].path.clone(),
            complete: true,
        };
        // one copy of each fqn (tree nodes share theirs) and of each resource type
        let mut fqns: crate::FastMap<usize, Span> = crate::FastMap::default();
        let mut types: crate::FastMap<String, Span> = crate::FastMap::default();
        view.push_node(tree, root, NONE, &mut fqns, &mut types);
        let mut k = 0;
        while k < view.nodes.len() {
            let first = view.nodes.len() as u32;
            let i = view.nodes[k].tree_idx as usize;
            for c in &tree.nodes[i].children {
                view.push_node(tree, *c, k as u32, &mut fqns, &mut types);
            }
            view.nodes[k].first_child = first;
            view.nodes[k].child_count = view.nodes.len() as u32 - first;
            k += 1;
        }
        view
    }

    /// Whether the tree at `root` still says what this snapshot of it says (a snapshot
    /// taken now would be equal to it), compared without taking one.
    ///
    /// A construct's id, kind and resource type are fixed when it is added (its path never
    /// changes), so what is compared is what can change: children, fqns, logical IDs and
    /// stack facts.
    pub(crate) fn matches(&self, tree: &TreeData, root: usize) -> bool {
        if tree.nodes[root].path != self.root_path
            || self.nodes.first().is_none_or(|n| n.tree_idx as usize != root)
        {
            return false;
        }
        let mut next = 1;
        for (k, n) in self.nodes.iter().enumerate() {
            let i = n.tree_idx as usize;
            let node = &tree.nodes[i];
            let same = node.children.len() == n.child_count as usize
                && n.first_child as usize == next
                && node.construct_info.as_deref() == n.fqn.map(|s| self.str(s))
                && match (&node.kind, &n.kind) {
                    (NodeKind::Stack(s), ViewKind::Stack(v)) => {
                        stack_facts(s) == self.stacks[*v as usize]
                    }
                    (NodeKind::Element(_), ViewKind::Element { logical_id, .. }) => {
                        // (`None` in the snapshot: the ID could not be computed)
                        let was = logical_id.map(|l| self.str(l));
                        crate::resolve::with_logical_id(tree, i, |id| was == Some(id))
                            .unwrap_or(was.is_none())
                    }
                    _ => true,
                }
                // children in the same places
                && node
                    .children
                    .iter()
                    .zip(self.children(k))
                    .all(|(c, v)| *c == self.nodes[v].tree_idx as usize);
            if !same {
                return false;
            }
            next += n.child_count as usize;
        }
        true
    }

    fn push_node(
        &mut self,
        tree: &TreeData,
        i: usize,
        parent: u32,
        fqns: &mut crate::FastMap<usize, Span>,
        types: &mut crate::FastMap<String, Span>,
    ) {
        let node = with_facts(tree, i, |f| {
            let id = self.push_text(f.id);
            let fqn = f.fqn.map(|f| {
                let key = f.as_ptr() as usize;
                match fqns.get(&key) {
                    Some(s) => *s,
                    None => {
                        let s = self.push_text(f);
                        fqns.insert(key, s);
                        s
                    }
                }
            });
            let kind = match &f.kind {
                Fact::Plain => ViewKind::Plain,
                Fact::NestedStack => ViewKind::NestedStack,
                Fact::Stack(s) => {
                    self.stacks.push(stack_facts(s));
                    ViewKind::Stack(self.stacks.len() as u32 - 1)
                }
                Fact::Element { resource_type, logical_id } => {
                    let resource_type = resource_type.map(|t| match types.get(t) {
                        Some(s) => *s,
                        None => {
                            let s = self.push_text(t);
                            types.insert(t.to_string(), s);
                            s
                        }
                    });
                    let logical_id = logical_id.map(|l| self.push_text(l));
                    self.complete &= logical_id.is_some();
                    ViewKind::Element { resource_type, logical_id }
                }
            };
            ViewNode { tree_idx: i as u32, parent, first_child: 0, child_count: 0, id, fqn, kind }
        });
        self.nodes.push(node);
    }

    fn push_text(&mut self, s: &str) -> Span {
        let span = Span { start: self.text.len() as u32, len: s.len() as u32 };
        self.text.push_str(s);
        span
    }

    fn str(&self, s: Span) -> &str {
        &self.text[s.start as usize..(s.start + s.len) as usize]
    }

    /// Whether every element's logical ID could be computed.
    pub(crate) fn complete(&self) -> bool {
        self.complete
    }

    /// The snapshot's node of tree node `tree_idx`.
    pub(crate) fn node_of(&self, tree_idx: usize) -> Option<usize> {
        self.nodes.iter().position(|n| n.tree_idx as usize == tree_idx)
    }

    fn children(&self, k: usize) -> std::ops::Range<usize> {
        let n = &self.nodes[k];
        n.first_child as usize..(n.first_child + n.child_count) as usize
    }

    /// Appends `id` to the path `path` of its parent (the tree's rule: no separator below
    /// the app, whose path is empty).
    fn join(path: &mut String, id: &str) {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(id);
    }

    /// The full path of node `k`, into `path` (emptied first); `up` is scratch space.
    fn path_of(&self, k: usize, path: &mut String, up: &mut Vec<usize>) {
        up.clear();
        let mut cur = k;
        while cur != 0 {
            up.push(cur);
            cur = self.nodes[cur].parent as usize;
        }
        path.clear();
        path.push_str(&self.root_path);
        for k in up.iter().rev() {
            Self::join(path, self.str(self.nodes[*k].id));
        }
    }

    /// `tree.json` (compact) of a snapshot of the whole tree: every construct with its id,
    /// path, construct info and, for resources, type and logical ID; children keyed by id.
    /// Written into `out`, which `flush` takes whenever it holds [`STREAM_CHUNK`] bytes.
    pub(crate) fn write_tree_json(
        &self,
        out: &mut String,
        flush: &mut Flush<'_>,
    ) -> Result<(), Error> {
        out.push_str("{\"version\":\"tree-0.1\",\"tree\":");
        let mut path = self.root_path.clone();
        self.node_json(out, 0, &mut path, flush)?;
        out.push('}');
        Ok(())
    }

    fn node_json(
        &self,
        out: &mut String,
        k: usize,
        path: &mut String,
        flush: &mut Flush<'_>,
    ) -> Result<(), Error> {
        if out.len() >= STREAM_CHUNK {
            flush(out)?;
        }
        let n = &self.nodes[k];
        let id = self.str(n.id);
        out.push_str("{\"id\":");
        write_string(out, if id.is_empty() { "App" } else { id });
        out.push_str(",\"path\":");
        write_string(out, path);
        let (fqn, version) = match n.fqn {
            Some(f) => (self.str(f), crate::CDK_VERSION),
            None => ("constructs.Construct", crate::CONSTRUCTS_VERSION),
        };
        out.push_str(",\"constructInfo\":{\"fqn\":");
        write_string(out, fqn);
        out.push_str(",\"version\":");
        write_string(out, version);
        out.push('}');
        if let ViewKind::Element { resource_type: Some(t), logical_id } = &n.kind {
            out.push_str(",\"attributes\":{\"aws:cdk:cloudformation:type\":");
            write_string(out, self.str(*t));
            // without the key when the logical ID cannot be computed
            if let Some(l) = logical_id {
                out.push_str(",\"aws:cdk:cloudformation:logicalId\":");
                write_string(out, self.str(*l));
            }
            out.push('}');
        }
        if n.child_count > 0 {
            out.push_str(",\"children\":{");
            for c in self.children(k) {
                if c > n.first_child as usize {
                    out.push(',');
                }
                let id = self.str(self.nodes[c].id);
                write_string(out, id);
                out.push(':');
                let len = path.len();
                Self::join(path, id);
                self.node_json(out, c, path, flush)?;
                path.truncate(len);
            }
            out.push('}');
        }
        out.push('}');
        Ok(())
    }

    /// `<Stack>.metadata.json` of the top-level stack at node `stack`: per construct path,
    /// the logical ID of each element, the stack's template file and tags (stack traces are
    /// not recorded), breadth-first. Written (indent 2) into `out`, which `flush` takes
    /// whenever it holds [`STREAM_CHUNK`] bytes; `false` when there is nothing to record.
    /// An element without a logical ID gives the error `missing` makes of its tree index.
    pub(crate) fn write_metadata(
        &self,
        stack: usize,
        out: &mut String,
        flush: &mut Flush<'_>,
        missing: &dyn Fn(usize) -> Error,
    ) -> Result<bool, Error> {
        const INDENT: usize = 2;
        out.push('{');
        let mut first = true;
        let mut key = String::new();
        let mut up = Vec::new();
        let mut queue = VecDeque::from([stack]);
        while let Some(i) = queue.pop_front() {
            if out.len() >= STREAM_CHUNK {
                flush(out)?;
            }
            let n = &self.nodes[i];
            if i != stack && matches!(n.kind, ViewKind::Stack(_)) {
                continue;
            }
            // `"/path": [{"type": t, "data": ...}, ...]` at level 1, entries at level 2
            let mut open = |out: &mut String, first: &mut bool| {
                self.path_of(i, &mut key, &mut up);
                key.insert(0, '/');
                object_key(out, first, &key, INDENT, 0);
                out.push('[');
            };
            let entry = |out: &mut String, k: usize, t: &str| {
                if k > 0 {
                    out.push(',');
                }
                newline(out, INDENT, 2);
                out.push('{');
                newline(out, INDENT, 3);
                out.push_str("\"type\": ");
                write_string(out, t);
                out.push(',');
                newline(out, INDENT, 3);
                out.push_str("\"data\": ");
            };
            let close_entry = |out: &mut String| {
                newline(out, INDENT, 2);
                out.push('}');
            };
            match &n.kind {
                ViewKind::Stack(s) => {
                    let s = &self.stacks[*s as usize];
                    open(out, &mut first);
                    entry(out, 0, "aws:cdk:templateFile");
                    write_string(out, &s.template_file);
                    close_entry(out);
                    if !s.tags.is_empty() {
                        let tags = Value::array(s.tags.iter().map(|(k, v)| {
                            Value::object([("key", k.as_str()), ("value", v.as_str())])
                        }));
                        entry(out, 1, "aws:cdk:stack-tags");
                        write_value(out, &tags, INDENT, 3);
                        close_entry(out);
                    }
                }
                ViewKind::Element { logical_id, .. } => {
                    let Some(l) = logical_id else {
                        return Err(missing(n.tree_idx as usize));
                    };
                    open(out, &mut first);
                    entry(out, 0, "aws:cdk:logicalId");
                    write_string(out, self.str(*l));
                    close_entry(out);
                }
                ViewKind::Plain | ViewKind::NestedStack => {
                    queue.extend(self.children(i));
                    continue;
                }
            }
            newline(out, INDENT, 1);
            out.push(']');
            queue.extend(self.children(i));
        }
        if first {
            return Ok(false);
        }
        newline(out, INDENT, 0);
        out.push('}');
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::NodeKind;

    #[test]
    fn a_snapshot_matches_the_tree_until_what_it_says_changes() {
        let mut tree = TreeData::new_root(indexmap::IndexMap::new());
        let a = tree.add_child(0, "A", NodeKind::Plain).unwrap();
        tree.add_child(a, "B", NodeKind::Plain).unwrap();
        tree.add_child(0, "C", NodeKind::Plain).unwrap();
        let view = TreeView::of(&tree, 0);
        assert!(view.complete() && view.matches(&tree, 0));
        assert_eq!(view, TreeView::of(&tree, 0));
        assert!(!view.matches(&tree, a), "another root");
        // breadth-first: the app, A, C, then B
        let ids: Vec<&str> = view.nodes.iter().map(|n| view.str(n.id)).collect();
        assert_eq!(ids, ["", "A", "C", "B"]);
        let mut path = String::new();
        view.path_of(3, &mut path, &mut Vec::new());
        assert_eq!(path, "A/B");
        // a construct added below, a construct info set
        let mut added = TreeData::new_root(indexmap::IndexMap::new());
        let a = added.add_child(0, "A", NodeKind::Plain).unwrap();
        added.add_child(a, "B", NodeKind::Plain).unwrap();
        added.add_child(0, "C", NodeKind::Plain).unwrap();
        assert!(view.matches(&added, 0));
        added.add_child(a, "D", NodeKind::Plain).unwrap();
        assert!(!view.matches(&added, 0));
        let fqn = tree.intern("aws-cdk-lib.Stack");
        tree.nodes[a].construct_info = Some(fqn);
        assert!(!view.matches(&tree, 0));
        assert!(TreeView::of(&tree, 0).matches(&tree, 0));
    }

    #[test]
    fn tree_json_is_written_in_chunks_as_a_whole() {
        let mut tree = TreeData::new_root(indexmap::IndexMap::new());
        for i in 0..3000 {
            let c = tree.add_child(0, &format!("Construct{i}"), NodeKind::Plain).unwrap();
            tree.add_child(c, "Child", NodeKind::Plain).unwrap();
        }
        let view = TreeView::of(&tree, 0);
        let (mut whole, mut chunks) = (String::new(), 0);
        let mut text = String::new();
        view.write_tree_json(&mut text, &mut |chunk: &mut String| {
            whole.push_str(chunk);
            chunk.clear();
            chunks += 1;
            Ok(())
        })
        .unwrap();
        whole.push_str(&text);
        assert!(chunks > 0);
        let parsed: serde_json::Value = serde_json::from_str(&whole).unwrap();
        let child = &parsed["tree"]["children"]["Construct2999"]["children"]["Child"];
        assert_eq!(child["path"], "Construct2999/Child");
        assert_eq!(parsed["tree"]["id"], "App");
    }
}
