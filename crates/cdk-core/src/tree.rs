//! The construct tree: ids, paths, children, dependencies, context and validations.
//!
//! Ports `constructs` (`src/construct.ts`): ids containing `/` are stored with `--`, a path is
//! the ids from the root joined by `/`, a duplicate id under one parent is an error naming
//! the parent, `default_child` is the child named `Resource` or `Default`.
//!
//! The tree lives in one arena shared by every [`Node`] handle of an [`App`](crate::App);
//! handles are cheap to clone and compare by identity.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::element::ElementData;
use crate::error::Error;
use crate::stack::StackData;

/// Anything that has a place in the construct tree.
pub trait Construct {
    /// The construct's node in the tree.
    fn node(&self) -> &Node;
}

/// A handle to one construct in the tree (what `construct.node` is in aws-cdk-lib).
#[derive(Clone)]
pub struct Node {
    pub(crate) tree: Rc<RefCell<TreeData>>,
    pub(crate) idx: usize,
}

/// A validation: returns the error messages for the construct (empty when valid).
pub type Validation = Rc<dyn Fn() -> Vec<String>>;

pub(crate) struct TreeData {
    pub nodes: Vec<NodeData>,
    /// Set while the app synthesizes: adding children is refused then.
    pub locked: bool,
    /// The app was synthesized at least once (to files or in memory): an app dropped
    /// afterwards neither warns nor synthesizes again.
    pub synthesized_once: bool,
    /// Cross-stack references wired at synthesis: the value each consumer uses instead.
    pub cross_ref_values: HashMap<crate::refs::RefKey, crate::value::Value>,
    /// Logical IDs computed so far, once no ID can change any more (final rendering).
    pub logical_ids: RefCell<Option<Vec<Option<String>>>>,
    /// The assembly of the first successful synthesis and the number of constructs after
    /// it (`Stage.synth` returns it again while the construct paths are unchanged, that is
    /// while no construct was added).
    pub synthesized: Option<(crate::app::CloudAssembly, usize)>,
    /// Constructs added while the tree is borrowed for reading (by a lazy value's producer
    /// during resolution, as aws-cdk-lib allows): node `nodes.len() + i` is `pending[i]`
    /// until [`TreeData::flush_pending`] appends them to `nodes`, where they keep their index.
    pub pending: RefCell<Vec<NodeData>>,
    /// Changes to constructs of the tree made while it is read (by a producer during
    /// resolution), applied in order by [`TreeData::flush_pending`].
    pub deferred: RefCell<Vec<DeferredChange>>,
    /// The construct fqns of `tree.json`, one copy each.
    pub fqns: crate::FastSet<Rc<str>>,
    /// The fqn of each L1 resource type seen.
    pub cfn_fqns: crate::FastMap<String, Rc<str>>,
    /// Warnings added with [`Node::add_warning`]: (node, message), in the order added.
    pub warnings: Vec<(usize, String)>,
    /// `Validations::acknowledge` calls, in call order.
    pub acknowledgements: RefCell<Vec<crate::validations::Acknowledgement>>,
    /// Whether the built-in CloudFormation validation runs (`AppProps`).
    pub builtin_validation: bool,
    /// Whether a construct below the app has context of its own: until one has, a flag
    /// reads the same for every construct of the tree.
    pub context_below_app: bool,
    /// Feature flags read while no construct below the app has context: (flag, enabled).
    pub flags_read: RefCell<Vec<(Box<str>, bool)>>,
    /// The stacks (top-level and nested), in the order they were added.
    pub stacks: Vec<usize>,
}

/// A change to the tree, applied once the tree is no longer being read.
pub(crate) type DeferredChange = Box<dyn FnOnce(&mut TreeData)>;

/// Children searched one by one before a node indexes them by id.
const LINEAR_CHILDREN: usize = 8;

pub(crate) struct NodeData {
    /// The path from the root: the ids joined by `/`; the construct's own id ends it.
    pub path: String,
    /// Where the construct's id starts in its path ([`NodeData::id`]).
    id_at: u32,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Children by id, once there are more than [`LINEAR_CHILDREN`] (fewer are searched).
    pub by_id: Option<Box<crate::FastMap<String, usize>>>,
    pub kind: NodeKind,
    /// `node.addDependency` targets, in call order.
    pub dependencies: Option<Box<indexmap::IndexSet<usize>>>,
    /// Context set on this node (rare: boxed, absent when empty).
    pub context: Option<Box<IndexMap<String, serde_json::Value>>>,
    /// `constructInfo` of tree.json: (fqn, version).
    /// (The version is [`crate::CDK_VERSION`]; fqns are shared, see [`TreeData::intern`].)
    pub construct_info: Option<Rc<str>>,
    /// What few constructs have (validations, tags, an explicit default child), in one box
    /// made when the first is set: a construct without them is smaller.
    pub rare: Option<Box<NodeRare>>,
}

/// The parts of a [`NodeData`] few constructs have.
#[derive(Default)]
pub(crate) struct NodeRare {
    pub validations: Vec<Validation>,
    /// Tags applied with [`Tags::of`](crate::Tags::of): (key, value, priority, apply to
    /// resource types).
    pub tag_aspects: Vec<crate::tags::TagAspect>,
    /// `node.defaultChild = ...`: the default child set explicitly.
    pub default_child: Option<usize>,
}

impl NodeData {
    /// A construct's node data, of nothing but its place in the tree: its `path` ends with
    /// its (sanitized) id of `id_len` bytes.
    fn new(path: String, id_len: usize, parent: Option<usize>, kind: NodeKind) -> NodeData {
        NodeData {
            id_at: (path.len() - id_len) as u32,
            path,
            parent,
            children: Vec::new(),
            by_id: None,
            kind,
            dependencies: None,
            context: None,
            construct_info: None,
            rare: None,
        }
    }

    /// The construct's id (unique among its siblings; the end of its path).
    pub fn id(&self) -> &str {
        &self.path[self.id_at as usize..]
    }

    /// The validations added to this construct.
    pub fn validations(&self) -> &[Validation] {
        self.rare.as_ref().map_or(&[], |r| &r.validations)
    }

    /// The tag aspects applied to this construct.
    pub fn tag_aspects(&self) -> &[crate::tags::TagAspect] {
        self.rare.as_ref().map_or(&[], |r| &r.tag_aspects)
    }

    /// The default child set explicitly.
    pub fn default_child(&self) -> Option<usize> {
        self.rare.as_ref().and_then(|r| r.default_child)
    }

    /// The rare parts, made when first needed.
    pub fn rare_mut(&mut self) -> &mut NodeRare {
        self.rare.get_or_insert_with(Default::default)
    }
}

pub(crate) enum NodeKind {
    App,
    Stack(Box<StackData>),
    Element(Box<ElementData>),
    Plain,
}

impl NodeKind {
    /// The stack's data. Only called for nodes known to be stacks (indices from `stack_of`,
    /// `Stack` handles, which are only made for stack nodes): anything else is a bug here.
    pub fn stack(&self) -> &StackData {
        match self {
            NodeKind::Stack(s) => s,
            _ => panic!("internal error: node is not a stack"),
        }
    }

    /// [`NodeKind::stack`], mutable.
    pub fn stack_mut(&mut self) -> &mut StackData {
        match self {
            NodeKind::Stack(s) => s,
            _ => panic!("internal error: node is not a stack"),
        }
    }
}

impl TreeData {
    pub fn new_root(context: IndexMap<String, serde_json::Value>) -> Self {
        TreeData {
            nodes: vec![NodeData {
                context: Some(Box::new(context)),
                construct_info: Some(Rc::from("aws-cdk-lib.App")),
                ..NodeData::new(String::new(), 0, None, NodeKind::App)
            }],
            fqns: crate::FastSet::default(),
            cfn_fqns: crate::FastMap::default(),
            locked: false,
            synthesized_once: false,
            cross_ref_values: HashMap::new(),
            logical_ids: RefCell::new(None),
            synthesized: None,
            pending: RefCell::new(Vec::new()),
            deferred: RefCell::new(Vec::new()),
            warnings: Vec::new(),
            acknowledgements: RefCell::new(Vec::new()),
            builtin_validation: true,
            context_below_app: false,
            flags_read: RefCell::new(Vec::new()),
            stacks: Vec::new(),
        }
    }

    /// Moves the constructs added during resolution into the tree (same indices), linking
    /// each to its parent.
    pub fn flush_pending(&mut self) {
        if self.pending.get_mut().is_empty() && self.deferred.get_mut().is_empty() {
            return;
        }
        let pending = std::mem::take(self.pending.get_mut());
        let base = self.nodes.len();
        for (k, node) in pending.into_iter().enumerate() {
            let idx = base + k;
            let parent = node.parent;
            if let NodeKind::Stack(_) = node.kind {
                self.stacks.push(idx);
            }
            self.nodes.push(node);
            // Pending parents already list their pending children.
            if let Some(p) = parent.filter(|p| *p < base) {
                self.link_child(p, idx);
            }
        }
        for change in std::mem::take(self.deferred.get_mut()) {
            change(self);
        }
    }

    /// Whether constructs were added or changed during resolution and the tree does not
    /// have them yet.
    pub fn has_pending(&self) -> bool {
        !self.pending.borrow().is_empty() || !self.deferred.borrow().is_empty()
    }

    /// [`TreeData::add_child`] through a shared borrow: the node is kept in `pending`.
    pub fn add_pending_child(
        &self,
        parent: usize,
        id: &str,
        kind: NodeKind,
    ) -> Result<usize, Error> {
        let id = sanitize_id(id);
        let base = self.nodes.len();
        let mut pending = self.pending.borrow_mut();
        let parent_path = match parent.checked_sub(base) {
            None => self.nodes[parent].path.clone(),
            Some(k) => pending[k].path.clone(),
        };
        if self.locked {
            return Err(Error::Locked { path: parent_path, id });
        }
        if id.is_empty() {
            return Err(Error::EmptyId { path: parent_path });
        }
        let taken = match parent.checked_sub(base) {
            None => {
                self.child_by_id(parent, &id).is_some()
                    || pending.iter().any(|n| n.parent == Some(parent) && n.id() == id)
            }
            Some(k) => pending[k].by_id.as_ref().is_some_and(|m| m.contains_key(&id)),
        };
        if taken {
            return Err(Error::DuplicateId { path: display_path(&parent_path), id });
        }
        let idx = base + pending.len();
        let path = join_path(&parent_path, &id);
        pending.push(NodeData::new(path, id.len(), Some(parent), kind));
        if let Some(k) = parent.checked_sub(base) {
            // A pending node always indexes its children (they are pending too).
            pending[k].children.push(idx);
            pending[k].by_id.get_or_insert_with(Default::default).insert(id, idx);
        }
        Ok(idx)
    }

    /// Adds a child node and returns its index.
    pub fn add_child(&mut self, parent: usize, id: &str, kind: NodeKind) -> Result<usize, Error> {
        self.flush_pending();
        // copied only into the path (an id is the end of its path)
        let id: std::borrow::Cow<'_, str> =
            if id.contains('/') { sanitize_id(id).into() } else { id.into() };
        let parent_path = &self.nodes[parent].path;
        if self.locked {
            return Err(Error::Locked { path: parent_path.clone(), id: id.into_owned() });
        }
        if id.is_empty() {
            return Err(Error::EmptyId { path: parent_path.clone() });
        }
        if self.child_by_id(parent, &id).is_some() {
            return Err(Error::DuplicateId {
                path: display_path(parent_path),
                id: id.into_owned(),
            });
        }
        let idx = self.nodes.len();
        let path = join_path(parent_path, &id);
        if let NodeKind::Stack(_) = kind {
            self.stacks.push(idx);
        }
        self.nodes.push(NodeData::new(path, id.len(), Some(parent), kind));
        self.link_child(parent, idx);
        Ok(idx)
    }

    /// Appends node `idx` (already in `nodes`) to the children of `parent`, indexing them by
    /// id once there are more than [`LINEAR_CHILDREN`].
    fn link_child(&mut self, parent: usize, idx: usize) {
        let p = &mut self.nodes[parent];
        p.children.push(idx);
        if p.by_id.is_some() {
            let id = self.nodes[idx].id().to_string();
            if let Some(index) = &mut self.nodes[parent].by_id {
                index.insert(id, idx);
            }
        } else if p.children.len() > LINEAR_CHILDREN {
            let children = p.children.clone();
            let index = children.into_iter().map(|c| (self.nodes[c].id().to_string(), c)).collect();
            self.nodes[parent].by_id = Some(Box::new(index));
        }
    }

    /// The child of `parent` with this (sanitized) id.
    pub fn child_by_id(&self, parent: usize, id: &str) -> Option<usize> {
        let p = &self.nodes[parent];
        match &p.by_id {
            Some(index) => index.get(id).copied(),
            None => p.children.iter().copied().find(|c| self.nodes[*c].id() == id),
        }
    }

    /// The shared copy of a construct's fully qualified name.
    pub fn intern(&mut self, fqn: &str) -> Rc<str> {
        if let Some(f) = self.fqns.get(fqn) {
            return f.clone();
        }
        let f: Rc<str> = Rc::from(fqn);
        self.fqns.insert(f.clone());
        f
    }

    /// The nodes from `from` on, in the order they were added, each with its
    /// [`TreeData::stack_of`] (`None` too for a node whose parent comes before `from`): a
    /// parent comes before its children, so each node's stack is its own or its parent's,
    /// and nothing is walked.
    pub fn nodes_with_stacks(
        &self,
        from: usize,
    ) -> impl Iterator<Item = (usize, &NodeData, Option<usize>)> {
        let mut stacks: Vec<Option<usize>> =
            Vec::with_capacity(self.nodes.len().saturating_sub(from));
        self.nodes.iter().enumerate().skip(from).map(move |(i, node)| {
            let stack = match (&node.kind, node.parent) {
                (NodeKind::Stack(_), _) => Some(i),
                (_, Some(p)) => p.checked_sub(from).and_then(|k| stacks.get(k).copied().flatten()),
                (_, None) => None,
            };
            stacks.push(stack);
            (i, node, stack)
        })
    }

    /// Walks up from `idx` to the closest stack (itself included).
    pub fn stack_of(&self, mut idx: usize) -> Option<usize> {
        loop {
            if let NodeKind::Stack(_) = self.nodes[idx].kind {
                return Some(idx);
            }
            idx = self.nodes[idx].parent?;
        }
    }

    pub fn stack(&self, idx: usize) -> &StackData {
        self.nodes[idx].kind.stack()
    }

    pub fn stack_mut(&mut self, idx: usize) -> &mut StackData {
        self.nodes[idx].kind.stack_mut()
    }

    pub fn element(&self, idx: usize) -> Option<&ElementData> {
        match &self.nodes[idx].kind {
            NodeKind::Element(e) => Some(e),
            _ => None,
        }
    }

    pub fn element_mut(&mut self, idx: usize) -> Option<&mut ElementData> {
        match &mut self.nodes[idx].kind {
            NodeKind::Element(e) => Some(e),
            _ => None,
        }
    }

    /// Context value: the closest definition walking up from `idx`.
    pub fn context(&self, mut idx: usize, key: &str) -> Option<&serde_json::Value> {
        loop {
            if let Some(v) = self.nodes[idx].context.as_ref().and_then(|c| c.get(key)) {
                return Some(v);
            }
            idx = self.nodes[idx].parent?;
        }
    }

    /// The ids from the root down to `idx` (the root's empty id excluded).
    pub fn scopes(&self, idx: usize) -> Vec<usize> {
        let mut out = vec![idx];
        let mut cur = idx;
        while let Some(p) = self.nodes[cur].parent {
            out.push(p);
            cur = p;
        }
        out.pop(); // the app
        out.reverse();
        out
    }

    /// Pre-order walk of the subtree under `idx` (itself first), children in creation order.
    pub fn descendants(&self, idx: usize) -> Vec<usize> {
        if self.nodes[idx].children.is_empty() {
            return vec![idx];
        }
        let mut out = Vec::new();
        let mut stack = vec![idx];
        while let Some(i) = stack.pop() {
            out.push(i);
            for c in self.nodes[i].children.iter().rev() {
                stack.push(*c);
            }
        }
        out
    }
}

/// The path as aws-cdk-lib prints it in errors: the root's path is empty, shown as `<root>`.
pub(crate) fn display_path(path: &str) -> String {
    if path.is_empty() {
        "<root>".into()
    } else {
        path.to_string()
    }
}

/// `/` in an id is replaced by `--`, as `constructs` does.
pub fn sanitize_id(id: &str) -> String {
    if id.contains('/') {
        id.replace('/', "--")
    } else {
        id.to_string()
    }
}

/// The path of a child with the (sanitized) id `id` under a node with path `parent`.
fn join_path(parent: &str, id: &str) -> String {
    if parent.is_empty() {
        return id.to_string();
    }
    let mut path = String::with_capacity(parent.len() + 1 + id.len());
    path.push_str(parent);
    path.push('/');
    path.push_str(id);
    path
}

impl Node {
    pub(crate) fn new(tree: Rc<RefCell<TreeData>>, idx: usize) -> Node {
        Node { tree, idx }
    }

    /// Adds a plain child construct (a scope for other constructs) and returns its node.
    ///
    /// # Errors
    /// [`Error::DuplicateId`] when `id` is taken under this node, [`Error::EmptyId`] for an
    /// empty id, [`Error::Locked`] during synthesis.
    pub fn add_child(&self, id: &str) -> Result<Node, Error> {
        self.add_child_kind(id, NodeKind::Plain)
    }

    pub(crate) fn add_child_kind(&self, id: &str, kind: NodeKind) -> Result<Node, Error> {
        let idx = match self.tree.try_borrow_mut() {
            Ok(mut tree) => tree.add_child(self.idx, id, kind)?,
            // The tree is being read (a lazy value's producer runs during resolution): the
            // construct waits in `pending` until the reading ends.
            Err(_) => match self.tree.try_borrow() {
                Ok(tree) => tree.add_pending_child(self.idx, id, kind)?,
                Err(_) => {
                    return Err(Error::Locked { path: self.path(), id: sanitize_id(id) });
                }
            },
        };
        Ok(Node::new(self.tree.clone(), idx))
    }

    pub(crate) fn with<R>(&self, f: impl FnOnce(&NodeData) -> R) -> R {
        let tree = self.tree.borrow();
        match self.idx.checked_sub(tree.nodes.len()) {
            None => f(&tree.nodes[self.idx]),
            Some(k) => f(&tree.pending.borrow()[k]),
        }
    }

    /// Mutable access to this node's data. A node added during resolution is reachable
    /// while the tree is read; a node of the tree is not (the reading holds it).
    pub(crate) fn with_mut<R>(&self, f: impl FnOnce(&mut NodeData) -> R) -> R {
        if let Ok(mut tree) = self.tree.try_borrow_mut() {
            tree.flush_pending();
            return f(&mut tree.nodes[self.idx]);
        }
        let tree = self.tree.borrow();
        match self.idx.checked_sub(tree.nodes.len()) {
            Some(k) => f(&mut tree.pending.borrow_mut()[k]),
            None => panic!(
                "internal error: construct '{}' changed while templates are resolved",
                tree.nodes[self.idx].path
            ),
        }
    }

    /// Changes this node's data: at once, or, while the tree is read (a lazy value's
    /// producer runs), once the reading ends.
    pub(crate) fn update(&self, f: impl FnOnce(&mut NodeData) + 'static) {
        if let Ok(mut tree) = self.tree.try_borrow_mut() {
            tree.flush_pending();
            return f(&mut tree.nodes[self.idx]);
        }
        let tree = self.tree.borrow();
        match self.idx.checked_sub(tree.nodes.len()) {
            Some(k) => f(&mut tree.pending.borrow_mut()[k]),
            None => {
                let idx = self.idx;
                tree.deferred.borrow_mut().push(Box::new(move |t| f(&mut t.nodes[idx])))
            }
        }
    }

    /// Changes the tree: at once, or, while it is read, once the reading ends.
    pub(crate) fn update_tree(&self, f: impl FnOnce(&mut TreeData) + 'static) {
        if let Ok(mut tree) = self.tree.try_borrow_mut() {
            tree.flush_pending();
            return f(&mut tree);
        }
        self.tree.borrow().deferred.borrow_mut().push(Box::new(f));
    }

    /// The closest node at or above this one that is in `nodes` (not pending), with the
    /// context value for `key` and the stack met on the way up through pending nodes.
    fn settled_ancestor(&self, key: &str) -> (usize, Option<serde_json::Value>, Option<usize>) {
        let tree = self.tree.borrow();
        let base = tree.nodes.len();
        let pending = tree.pending.borrow();
        let (mut idx, mut value, mut stack) = (self.idx, None, None);
        while let Some(k) = idx.checked_sub(base) {
            let n = &pending[k];
            if value.is_none() {
                value = n.context.as_ref().and_then(|c| c.get(key)).cloned();
            }
            if stack.is_none() && matches!(n.kind, NodeKind::Stack(_)) {
                stack = Some(idx);
            }
            match n.parent {
                Some(p) => idx = p,
                None => break,
            }
        }
        (idx, value, stack)
    }

    pub(crate) fn sibling(&self, idx: usize) -> Node {
        Node::new(self.tree.clone(), idx)
    }

    /// The construct's id (unique among its siblings).
    pub fn id(&self) -> String {
        self.with(|n| n.id().to_string())
    }

    /// The path from the root: the ids joined by `/` (`Stack/books-api/Default/ANY`).
    pub fn path(&self) -> String {
        self.with(|n| n.path.clone())
    }

    /// Calls `f` with the path ([`Node::path`]) borrowed, without copying it.
    ///
    /// ```
    /// use cdk_core::{App, Construct, Stack};
    /// let app = App::new();
    /// # app.skip_synth_check();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = stack.node().add_child("Api")?;
    /// assert!(api.with_path(|p| p.ends_with("/Api")));
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    pub fn with_path<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        self.with(|n| f(&n.path))
    }

    /// The path a child named `id` would have (for errors raised before the child exists).
    pub fn child_path(&self, id: &str) -> String {
        self.with(|n| {
            if id.contains('/') {
                join_path(&n.path, &sanitize_id(id))
            } else {
                join_path(&n.path, id)
            }
        })
    }

    /// The parent scope (`None` for the app).
    pub fn scope(&self) -> Option<Node> {
        self.with(|n| n.parent).map(|p| self.sibling(p))
    }

    /// The direct children, in creation order.
    pub fn children(&self) -> Vec<Node> {
        let mut children = self.with(|n| n.children.clone());
        {
            // Children added during resolution to a node of the tree are linked on flush.
            let tree = self.tree.borrow();
            if self.idx < tree.nodes.len() {
                let base = tree.nodes.len();
                let pending = tree.pending.borrow();
                children.extend(
                    (0..pending.len())
                        .filter(|k| pending[*k].parent == Some(self.idx))
                        .map(|k| base + k),
                );
            }
        }
        children.into_iter().map(|c| self.sibling(c)).collect()
    }

    /// The child with this (sanitized) id among the children linked so far (those of a node of
    /// the tree added during resolution are linked on flush).
    fn lookup_child(&self, id: &str) -> Option<usize> {
        let tree = self.tree.borrow();
        match self.idx.checked_sub(tree.nodes.len()) {
            None => tree.child_by_id(self.idx, id),
            Some(k) => tree.pending.borrow()[k].by_id.as_ref().and_then(|m| m.get(id).copied()),
        }
    }

    /// The child with this id, if any.
    pub fn try_find_child(&self, id: &str) -> Option<Node> {
        let id = sanitize_id(id);
        if let Some(c) = self.lookup_child(&id) {
            return Some(self.sibling(c));
        }
        if !self.tree.borrow().has_pending() {
            return None;
        }
        self.children().into_iter().find(|c| c.with(|n| n.id() == id))
    }

    /// The child set by [`Node::set_default_child`], else the child named `Resource` or
    /// `Default`, if any.
    ///
    /// # Errors
    /// [`Error::AmbiguousDefaultChild`] when both exist and none was set.
    pub fn default_child(&self) -> Result<Option<Node>, Error> {
        let explicit = self.with(|n| n.default_child());
        let (resource, default) = (self.lookup_child("Resource"), self.lookup_child("Default"));
        if let Some(c) = explicit {
            return Ok(Some(self.sibling(c)));
        }
        let c = match (resource, default) {
            (Some(_), Some(_)) => {
                return Err(Error::AmbiguousDefaultChild { path: self.with_path(display_path) })
            }
            (r, d) => r.or(d),
        };
        Ok(c.map(|c| self.sibling(c)))
    }

    /// The default child (`Resource` or `Default`) as a typed construct, CDK's
    /// `node.defaultChild as CfnX`: the L1 under an L2, for escape hatches.
    ///
    /// ```
    /// use cdk_core::{App, CfnResource, Construct, Stack, Value};
    /// let app = App::new();
    /// # app.skip_synth_check();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let wrapper = stack.node().add_child("Wrapper")?;
    /// CfnResource::new(&wrapper, "Resource", "AWS::SNS::Topic", Value::Null)?;
    /// let topic = wrapper.default_child_as::<CfnResource>()?;
    /// topic.add_property_override("TopicName", "events");
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when there is no default child or it is not a `T`;
    /// [`Error::AmbiguousDefaultChild`] when both `Resource` and `Default` exist.
    pub fn default_child_as<T: crate::element::FromNode>(&self) -> Result<T, Error> {
        let child = self.default_child()?.ok_or_else(|| Error::InvalidArgument {
            path: display_path(&self.path()),
            message: "the construct has no default child (a child named 'Resource' or 'Default')"
                .into(),
        })?;
        T::try_from_node(&child)
    }

    /// Sets the default child (`node.defaultChild = child` in aws-cdk-lib), for a construct
    /// that has both a `Resource` and a `Default` child, as a `RestApi` has. A construct of
    /// another tree is ignored.
    pub fn set_default_child(&self, child: &impl Construct) {
        let child = child.node();
        if Rc::ptr_eq(&self.tree, &child.tree) {
            let c = child.idx;
            self.update(move |n| n.rare_mut().default_child = Some(c));
        }
    }

    /// Makes this construct depend on another: every resource under this node gets a
    /// `DependsOn` on every resource under `other` (or a stack dependency across stacks).
    ///
    /// A construct of another app cannot be depended on: synthesis reports it as a
    /// validation error of this construct.
    pub fn add_dependency(&self, other: &impl Construct) {
        let other = other.node();
        if !Rc::ptr_eq(&self.tree, &other.tree) {
            let path = other.path();
            self.add_validation(move || {
                vec![format!("cannot depend on '{path}': it belongs to another app")]
            });
            return;
        }
        let o = other.idx;
        self.update(move |n| {
            n.dependencies.get_or_insert_with(Default::default).insert(o);
        });
    }

    /// The context value for `key`, looked up from this node towards the root.
    pub fn try_get_context(&self, key: &str) -> Option<serde_json::Value> {
        let (idx, value, _) = self.settled_ancestor(key);
        value.or_else(|| self.tree.borrow().context(idx, key).cloned())
    }

    /// Sets a context value on this node (before children are added, as in aws-cdk-lib).
    ///
    /// # Errors
    /// [`Error::ContextAfterChildren`] when this node already has children.
    pub fn set_context(&self, key: &str, value: impl Into<serde_json::Value>) -> Result<(), Error> {
        let value = value.into();
        if !self.children().is_empty() {
            return Err(Error::ContextAfterChildren { path: display_path(&self.path()) });
        }
        let key = key.to_string();
        self.update(move |n| {
            n.context.get_or_insert_with(Default::default).insert(key, value);
        });
        let below_app = self.idx != 0;
        self.update_tree(move |t| {
            t.flags_read.get_mut().clear();
            t.context_below_app |= below_app;
        });
        Ok(())
    }

    /// Whether a boolean feature flag is enabled for this construct: a set value read as
    /// JavaScript's `Boolean(value)` (so `0`, `null` and `""` are off, `"false"` is on), as
    /// aws-cdk-lib's `FeatureFlags.isEnabled` does; the flag's default when unset.
    pub fn feature_flag(&self, flag: &str) -> bool {
        {
            // the app's context alone: each flag read once
            let tree = self.tree.borrow();
            if !tree.context_below_app && self.idx < tree.nodes.len() {
                if let Some((_, on)) = tree.flags_read.borrow().iter().find(|(f, _)| **f == *flag) {
                    return *on;
                }
                let on = crate::feature_flags::is_enabled(tree.context(0, flag), flag);
                tree.flags_read.borrow_mut().push((flag.into(), on));
                return on;
            }
        }
        crate::feature_flags::is_enabled(self.try_get_context(flag).as_ref(), flag)
    }

    /// Adds a validation, run before synthesis; its messages fail synthesis.
    pub fn add_validation(&self, validation: impl Fn() -> Vec<String> + 'static) {
        self.update(move |n| n.rare_mut().validations.push(Rc::new(validation)));
    }

    /// Adds a warning about this construct (aws-cdk-lib's `Annotations.of(c).addWarning`):
    /// what the template deploys but surely misbehaves with, or a likely deploy failure a
    /// check cannot be sure of. Warnings never fail synthesis and are not written to the
    /// cloud assembly (its files stay those of aws-cdk-lib); read them with
    /// [`Node::warnings`], and synthesis prints each to stderr as
    /// `[Warning at <path>] <message>`.
    pub fn add_warning(&self, message: impl Into<String>) {
        let (idx, message) = (self.idx, message.into());
        self.update_tree(move |t| {
            if !t.warnings.iter().any(|(i, m)| *i == idx && *m == message) {
                t.warnings.push((idx, message));
            }
        });
    }

    /// The warnings of this construct and those below it, as (construct path, message), in
    /// the order they were added.
    pub fn warnings(&self) -> Vec<(String, String)> {
        let tree = self.tree.borrow();
        let under = |mut i: usize| loop {
            if i == self.idx {
                return true;
            }
            match tree.nodes.get(i).and_then(|n| n.parent) {
                Some(p) => i = p,
                None => return false,
            }
        };
        tree.warnings
            .iter()
            .filter(|(i, _)| under(*i))
            .map(|(i, m)| {
                (tree.nodes.get(*i).map(|n| n.path.clone()).unwrap_or_default(), m.clone())
            })
            .collect()
    }

    /// Records `constructInfo` (fully qualified name and version) for tree.json.
    pub fn set_construct_info(&self, fqn: &str) {
        if let Ok(mut tree) = self.tree.try_borrow_mut() {
            tree.flush_pending();
            let fqn = tree.intern(fqn);
            tree.nodes[self.idx].construct_info = Some(fqn);
            return;
        }
        // Read by a producer during resolution: a copy of its own, set once the reading ends.
        let fqn: Rc<str> = Rc::from(fqn);
        self.update(move |n| n.construct_info = Some(fqn));
    }

    /// Records the `constructInfo` of an L1 of `resource_type`: `aws-cdk-lib.<class>`, the class
    /// computed once per type.
    pub(crate) fn set_cfn_construct_info(&self, resource_type: &str, class: fn(&str) -> String) {
        let Ok(mut tree) = self.tree.try_borrow_mut() else {
            return self.set_construct_info(&format!("aws-cdk-lib.{}", class(resource_type)));
        };
        tree.flush_pending();
        let fqn = match tree.cfn_fqns.get(resource_type) {
            Some(f) => f.clone(),
            None => {
                let f = tree.intern(&format!("aws-cdk-lib.{}", class(resource_type)));
                tree.cfn_fqns.insert(resource_type.to_string(), f.clone());
                f
            }
        };
        tree.nodes[self.idx].construct_info = Some(fqn);
    }

    /// The stack this construct belongs to (itself when it is a stack).
    ///
    /// # Errors
    /// [`Error::NoStack`] when the construct is not inside a stack.
    pub fn stack(&self) -> Result<crate::Stack, Error> {
        let (idx, _, pending_stack) = self.settled_ancestor("");
        match pending_stack.or_else(|| self.tree.borrow().stack_of(idx)) {
            Some(s) => Ok(crate::Stack::from_node(self.sibling(s))),
            None => Err(Error::NoStack { path: self.path() }),
        }
    }

    /// `Names.uniqueId` / `Names.nodeUniqueId`: the logical-ID algorithm over the whole path
    /// from the app (`Stack/Api` → `StackApi` + hash).
    pub fn unique_id(&self) -> String {
        self.with_path(|path| {
            let components: Vec<&str> = path.split('/').filter(|c| !c.is_empty()).collect();
            crate::logical_id::make_unique_id(&components).unwrap_or_default()
        })
    }

    /// Whether two handles name the same construct.
    pub fn same(&self, other: &Node) -> bool {
        Rc::ptr_eq(&self.tree, &other.tree) && self.idx == other.idx
    }

    /// Every node in this subtree, pre-order (this node first).
    pub fn find_all(&self) -> Vec<Node> {
        {
            let tree = self.tree.borrow();
            if self.idx < tree.nodes.len() && !tree.has_pending() {
                let all = tree.descendants(self.idx);
                return all.into_iter().map(|i| self.sibling(i)).collect();
            }
        }
        let mut out = Vec::new();
        let mut todo = vec![self.clone()];
        while let Some(n) = todo.pop() {
            todo.extend(n.children().into_iter().rev());
            out.push(n);
        }
        out
    }
}

impl Construct for Node {
    fn node(&self) -> &Node {
        self
    }
}

impl fmt::Debug for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Node({})", self.path())
    }
}

impl PartialEq for Node {
    fn eq(&self, other: &Self) -> bool {
        self.same(other)
    }
}
