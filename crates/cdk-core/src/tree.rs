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
    /// Cross-stack references wired at synthesis: the value each consumer uses instead.
    pub cross_ref_values: HashMap<crate::refs::RefKey, crate::value::Value>,
    /// Logical IDs computed so far, once no ID can change any more (final rendering).
    pub logical_ids: RefCell<Option<Vec<Option<String>>>>,
    /// The construct fqns of `tree.json`, one copy each.
    pub fqns: crate::FastSet<Rc<str>>,
    /// The fqn of each L1 resource type seen.
    pub cfn_fqns: crate::FastMap<String, Rc<str>>,
}

/// Children searched one by one before a node indexes them by id.
const LINEAR_CHILDREN: usize = 8;

pub(crate) struct NodeData {
    pub id: String,
    pub path: String,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Children by id, once there are more than [`LINEAR_CHILDREN`] (fewer are searched).
    pub by_id: Option<Box<crate::FastMap<String, usize>>>,
    pub kind: NodeKind,
    /// `node.addDependency` targets, in call order.
    pub dependencies: Option<Box<indexmap::IndexSet<usize>>>,
    /// Context set on this node (rare: boxed, absent when empty).
    pub context: Option<Box<IndexMap<String, serde_json::Value>>>,
    pub validations: Vec<Validation>,
    /// Tags applied with [`Tags::of`](crate::Tags::of): (key, value, priority, apply to
    /// resource types).
    pub tag_aspects: Vec<crate::tags::TagAspect>,
    /// `constructInfo` of tree.json: (fqn, version).
    /// (The version is [`crate::CDK_VERSION`]; fqns are shared, see [`TreeData::intern`].)
    pub construct_info: Option<Rc<str>>,
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
                id: String::new(),
                path: String::new(),
                parent: None,
                children: Vec::new(),
                by_id: None,
                kind: NodeKind::App,
                dependencies: None,
                context: Some(Box::new(context)),
                validations: Vec::new(),
                tag_aspects: Vec::new(),
                construct_info: Some(Rc::from("aws-cdk-lib.App")),
            }],
            fqns: crate::FastSet::default(),
            cfn_fqns: crate::FastMap::default(),
            locked: false,
            cross_ref_values: HashMap::new(),
            logical_ids: RefCell::new(None),
        }
    }

    /// Adds a child node and returns its index.
    pub fn add_child(&mut self, parent: usize, id: &str, kind: NodeKind) -> Result<usize, Error> {
        let id = sanitize_id(id);
        let parent_path = self.nodes[parent].path.clone();
        if self.locked {
            return Err(Error::Locked { path: parent_path, id });
        }
        if id.is_empty() {
            return Err(Error::EmptyId { path: parent_path });
        }
        if self.child_by_id(parent, &id).is_some() {
            return Err(Error::DuplicateId { path: display_path(&parent_path), id });
        }
        let idx = self.nodes.len();
        let path = if parent_path.is_empty() { id.clone() } else { format!("{parent_path}/{id}") };
        self.nodes.push(NodeData {
            id: id.clone(),
            path,
            parent: Some(parent),
            children: Vec::new(),
            by_id: None,
            kind,
            dependencies: None,
            context: None,
            validations: Vec::new(),
            tag_aspects: Vec::new(),
            construct_info: None,
        });
        let p = &mut self.nodes[parent];
        p.children.push(idx);
        if let Some(index) = &mut p.by_id {
            index.insert(id, idx);
        } else if p.children.len() > LINEAR_CHILDREN {
            let children = p.children.clone();
            let index = children.into_iter().map(|c| (self.nodes[c].id.clone(), c)).collect();
            self.nodes[parent].by_id = Some(Box::new(index));
        }
        Ok(idx)
    }

    /// The child of `parent` with this (sanitized) id.
    pub fn child_by_id(&self, parent: usize, id: &str) -> Option<usize> {
        let p = &self.nodes[parent];
        match &p.by_id {
            Some(index) => index.get(id).copied(),
            None => p.children.iter().copied().find(|c| self.nodes[*c].id == id),
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

    /// The default child: `Resource` or `Default`; both is an error.
    pub fn default_child(&self, idx: usize) -> Result<Option<usize>, Error> {
        let n = &self.nodes[idx];
        match (self.child_by_id(idx, "Resource"), self.child_by_id(idx, "Default")) {
            (Some(_), Some(_)) => Err(Error::AmbiguousDefaultChild { path: display_path(&n.path) }),
            (Some(r), None) => Ok(Some(r)),
            (None, Some(d)) => Ok(Some(d)),
            (None, None) => Ok(None),
        }
    }

    /// Pre-order walk of the subtree under `idx` (itself first), children in creation order.
    pub fn descendants(&self, idx: usize) -> Vec<usize> {
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
    id.replace('/', "--")
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
        let idx = self.tree.borrow_mut().add_child(self.idx, id, kind)?;
        Ok(Node::new(self.tree.clone(), idx))
    }

    pub(crate) fn with<R>(&self, f: impl FnOnce(&NodeData) -> R) -> R {
        f(&self.tree.borrow().nodes[self.idx])
    }

    pub(crate) fn with_mut<R>(&self, f: impl FnOnce(&mut NodeData) -> R) -> R {
        f(&mut self.tree.borrow_mut().nodes[self.idx])
    }

    pub(crate) fn sibling(&self, idx: usize) -> Node {
        Node::new(self.tree.clone(), idx)
    }

    /// The construct's id (unique among its siblings).
    pub fn id(&self) -> String {
        self.with(|n| n.id.clone())
    }

    /// The path from the root: the ids joined by `/` (`Stack/books-api/Default/ANY`).
    pub fn path(&self) -> String {
        self.with(|n| n.path.clone())
    }

    /// The path a child named `id` would have (for errors raised before the child exists).
    pub fn child_path(&self, id: &str) -> String {
        let path = self.path();
        if path.is_empty() {
            sanitize_id(id)
        } else {
            format!("{path}/{}", sanitize_id(id))
        }
    }

    /// The parent scope (`None` for the app).
    pub fn scope(&self) -> Option<Node> {
        self.with(|n| n.parent).map(|p| self.sibling(p))
    }

    /// The direct children, in creation order.
    pub fn children(&self) -> Vec<Node> {
        self.with(|n| n.children.clone()).into_iter().map(|c| self.sibling(c)).collect()
    }

    /// The child with this id, if any.
    pub fn try_find_child(&self, id: &str) -> Option<Node> {
        let id = sanitize_id(id);
        let child = self.tree.borrow().child_by_id(self.idx, &id);
        child.map(|c| self.sibling(c))
    }

    /// The child named `Resource` or `Default`, if any.
    ///
    /// # Errors
    /// [`Error::AmbiguousDefaultChild`] when both exist.
    pub fn default_child(&self) -> Result<Option<Node>, Error> {
        let c = self.tree.borrow().default_child(self.idx)?;
        Ok(c.map(|c| self.sibling(c)))
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
        self.with_mut(|n| {
            n.dependencies.get_or_insert_with(Default::default).insert(o);
        });
    }

    /// The context value for `key`, looked up from this node towards the root.
    pub fn try_get_context(&self, key: &str) -> Option<serde_json::Value> {
        self.tree.borrow().context(self.idx, key).cloned()
    }

    /// Sets a context value on this node (before children are added, as in aws-cdk-lib).
    ///
    /// # Errors
    /// [`Error::ContextAfterChildren`] when this node already has children.
    pub fn set_context(&self, key: &str, value: impl Into<serde_json::Value>) -> Result<(), Error> {
        let value = value.into();
        self.with_mut(|n| {
            if !n.children.is_empty() {
                return Err(Error::ContextAfterChildren { path: display_path(&n.path) });
            }
            n.context.get_or_insert_with(Default::default).insert(key.to_string(), value);
            Ok(())
        })
    }

    /// Whether a boolean feature flag is enabled for this construct (context, then the
    /// flag's default when unset).
    pub fn feature_flag(&self, flag: &str) -> bool {
        match self.try_get_context(flag) {
            Some(serde_json::Value::Bool(b)) => b,
            Some(serde_json::Value::String(s)) => s == "true",
            Some(_) => true,
            None => crate::feature_flags::unconfigured_default(flag),
        }
    }

    /// Adds a validation, run before synthesis; its messages fail synthesis.
    pub fn add_validation(&self, validation: impl Fn() -> Vec<String> + 'static) {
        self.with_mut(|n| n.validations.push(Rc::new(validation)));
    }

    /// Records `constructInfo` (fully qualified name and version) for tree.json.
    pub fn set_construct_info(&self, fqn: &str) {
        let mut tree = self.tree.borrow_mut();
        let fqn = tree.intern(fqn);
        tree.nodes[self.idx].construct_info = Some(fqn);
    }

    /// Records the `constructInfo` of an L1 of `resource_type`: `aws-cdk-lib.<class>`, the class
    /// computed once per type.
    pub(crate) fn set_cfn_construct_info(&self, resource_type: &str, class: fn(&str) -> String) {
        let mut tree = self.tree.borrow_mut();
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
        match self.tree.borrow().stack_of(self.idx) {
            Some(s) => Ok(crate::Stack::from_node(self.sibling(s))),
            None => Err(Error::NoStack { path: self.path() }),
        }
    }

    /// `Names.uniqueId` / `Names.nodeUniqueId`: the logical-ID algorithm over the whole path
    /// from the app (`Stack/Api` → `StackApi` + hash).
    pub fn unique_id(&self) -> String {
        let path = self.path();
        let components: Vec<&str> = path.split('/').filter(|c| !c.is_empty()).collect();
        crate::logical_id::make_unique_id(&components).unwrap_or_default()
    }

    /// Whether two handles name the same construct.
    pub fn same(&self, other: &Node) -> bool {
        Rc::ptr_eq(&self.tree, &other.tree) && self.idx == other.idx
    }

    /// Every node in this subtree, pre-order (this node first).
    pub fn find_all(&self) -> Vec<Node> {
        let all = self.tree.borrow().descendants(self.idx);
        all.into_iter().map(|i| self.sibling(i)).collect()
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
