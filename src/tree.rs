//! The topic tree: content root → folders → files → topics → cards, in reading order.

/// What a tree node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Root,
    Folder,
    File,
    Topic,
}

/// A branch of the tree. Cards are referred to by their index in the deck.
#[derive(Debug, Clone)]
pub struct Node {
    pub name: String,
    pub kind: NodeKind,
    pub parent: Option<usize>,
    pub depth: usize,
    pub children: Vec<usize>,
    /// Cards that sit directly under this node, in file order.
    pub cards: Vec<usize>,
    /// Cards in this node's whole subtree.
    pub total: usize,
}

/// An arena of nodes; node 0 is the invisible root.
#[derive(Debug, Clone)]
pub struct TopicTree {
    pub nodes: Vec<Node>,
}

impl Default for TopicTree {
    fn default() -> Self {
        TopicTree {
            nodes: vec![Node {
                name: String::new(),
                kind: NodeKind::Root,
                parent: None,
                depth: 0,
                children: Vec::new(),
                cards: Vec::new(),
                total: 0,
            }],
        }
    }
}

impl TopicTree {
    pub const ROOT: usize = 0;

    /// Adds card `card` under the path of (name, kind) segments, creating nodes in the
    /// order they are first seen. Callers insert files in sorted order, so the child
    /// wanted is nearly always the newest: children are searched from the end.
    pub fn insert(&mut self, path: &[(&str, NodeKind)], card: usize) {
        let mut at = Self::ROOT;
        self.nodes[at].total += 1;
        for (name, kind) in path {
            at = match self.nodes[at]
                .children
                .iter()
                .rev()
                .copied()
                .find(|&c| self.nodes[c].name == *name && self.nodes[c].kind == *kind)
            {
                Some(child) => child,
                None => self.add_child(at, name, *kind),
            };
            self.nodes[at].total += 1;
        }
        self.nodes[at].cards.push(card);
    }

    fn add_child(&mut self, parent: usize, name: &str, kind: NodeKind) -> usize {
        let id = self.nodes.len();
        let depth = self.nodes[parent].depth + 1;
        self.nodes.push(Node {
            name: name.to_string(),
            kind,
            parent: Some(parent),
            depth,
            children: Vec::new(),
            cards: Vec::new(),
            total: 0,
        });
        self.nodes[parent].children.push(id);
        id
    }

    /// The names from the root down to `node`, excluding the root.
    pub fn path(&self, node: usize) -> Vec<String> {
        let mut names = Vec::new();
        let mut at = Some(node);
        while let Some(n) = at {
            if n != Self::ROOT {
                names.push(self.nodes[n].name.clone());
            }
            at = self.nodes[n].parent;
        }
        names.reverse();
        names
    }

    /// Every card in the subtree of `node`, in reading order.
    pub fn cards_under(&self, node: usize) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.nodes[node].total);
        self.collect(node, &mut out);
        out
    }

    fn collect(&self, node: usize, out: &mut Vec<usize>) {
        out.extend_from_slice(&self.nodes[node].cards);
        for &child in &self.nodes[node].children {
            self.collect(child, out);
        }
    }

    /// Nodes (folders, files, topics) named `name`, any case; when none is named
    /// exactly, those whose name contains it. `--topic NAME` means this everywhere.
    pub fn named(&self, name: &str) -> Vec<usize> {
        let needle = name.to_lowercase();
        let all = self.preorder();
        let exact: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&n| self.nodes[n].name.to_lowercase() == needle)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        all.into_iter()
            .filter(|&n| self.nodes[n].name.to_lowercase().contains(&needle))
            .collect()
    }

    /// The first `n` top-level and second-level topic names, for hints.
    pub fn first_names(&self, n: usize) -> Vec<String> {
        self.preorder()
            .into_iter()
            .filter(|&i| self.nodes[i].depth <= 2)
            .take(n)
            .map(|i| self.nodes[i].name.clone())
            .collect()
    }

    /// Nodes in depth-first reading order, root excluded.
    pub fn preorder(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.nodes.len());
        let mut stack: Vec<usize> = self.nodes[Self::ROOT]
            .children
            .iter()
            .rev()
            .copied()
            .collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev().copied());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_in_first_seen_order_with_totals() {
        let mut t = TopicTree::default();
        t.insert(
            &[
                ("Platform", NodeKind::Folder),
                ("Kubernetes", NodeKind::File),
            ],
            0,
        );
        t.insert(
            &[("Platform", NodeKind::Folder), ("Mesh", NodeKind::File)],
            1,
        );
        t.insert(
            &[
                ("Platform", NodeKind::Folder),
                ("Kubernetes", NodeKind::File),
            ],
            2,
        );
        let platform = t.nodes[TopicTree::ROOT].children[0];
        assert_eq!(t.nodes[platform].total, 3);
        let names: Vec<_> = t
            .preorder()
            .iter()
            .map(|&n| t.nodes[n].name.clone())
            .collect();
        assert_eq!(names, ["Platform", "Kubernetes", "Mesh"]);
        assert_eq!(t.cards_under(platform), vec![0, 2, 1]);
        assert_eq!(t.path(t.nodes[platform].children[1]), ["Platform", "Mesh"]);
    }
}
