//! The visible rows of the topic tree: which nodes are expanded, which row is selected
//! and which row is at the top of the pane.

use std::collections::HashSet;

use crate::tree::TopicTree;

/// A row of the tree pane: a branch or a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Node(usize),
    Card(usize),
}

/// Expansion, selection and scroll of the tree pane.
#[derive(Debug, Clone, Default)]
pub struct TreeView {
    pub expanded: HashSet<usize>,
    /// (row, depth) in display order.
    pub rows: Vec<(Row, usize)>,
    pub selected: usize,
    pub offset: usize,
}

impl TreeView {
    /// Opens the first level, and the second when there is a single top branch, so a
    /// person sees files (or a single file's topics) right away.
    pub fn new(tree: &TopicTree) -> TreeView {
        let mut view = TreeView::default();
        let top = &tree.nodes[TopicTree::ROOT].children;
        for &n in top {
            view.expanded.insert(n);
        }
        if top.len() == 1 {
            for &c in &tree.nodes[top[0]].children {
                view.expanded.insert(c);
            }
        }
        view.rebuild(tree);
        view
    }

    /// Recomputes the rows after an expansion change, keeping the selected row.
    pub fn rebuild(&mut self, tree: &TopicTree) {
        let current = self.current();
        self.rows.clear();
        for &n in &tree.nodes[TopicTree::ROOT].children {
            self.push(tree, n, 0);
        }
        if let Some(row) = current
            && let Some(i) = self.rows.iter().position(|(r, _)| *r == row)
        {
            self.selected = i;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    fn push(&mut self, tree: &TopicTree, node: usize, depth: usize) {
        self.rows.push((Row::Node(node), depth));
        if !self.expanded.contains(&node) {
            return;
        }
        for &card in &tree.nodes[node].cards {
            self.rows.push((Row::Card(card), depth + 1));
        }
        for &child in &tree.nodes[node].children {
            self.push(tree, child, depth + 1);
        }
    }

    pub fn current(&self) -> Option<Row> {
        self.rows.get(self.selected).map(|(r, _)| *r)
    }

    pub fn select(&mut self, index: usize) {
        self.selected = index.min(self.rows.len().saturating_sub(1));
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = if delta < 0 {
            self.selected.saturating_sub(delta.unsigned_abs())
        } else {
            self.selected.saturating_add(delta.unsigned_abs()).min(last)
        };
    }

    /// Scrolls so the selected row is inside a pane of `height` rows.
    pub fn keep_visible(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        let max_offset = self.rows.len().saturating_sub(height);
        self.offset = self.offset.min(max_offset);
    }

    /// Expands every ancestor of `card` and selects it.
    pub fn reveal_card(&mut self, tree: &TopicTree, card_node: usize, card: usize) {
        let mut at = Some(card_node);
        while let Some(n) = at {
            if n != TopicTree::ROOT {
                self.expanded.insert(n);
            }
            at = tree.nodes[n].parent;
        }
        self.rebuild(tree);
        if let Some(i) = self.rows.iter().position(|(r, _)| *r == Row::Card(card)) {
            self.selected = i;
        }
    }

    /// The row of the parent of the selected row.
    pub fn parent_row(&self) -> Option<usize> {
        let depth = self.rows.get(self.selected)?.1;
        (0..self.selected)
            .rev()
            .find(|&i| self.rows[i].1 + 1 == depth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_text;

    #[test]
    fn expands_and_reveals() {
        let deck = load_text(
            "10-area/01-file.md",
            "# A\n## Q1?\n### Answer\nx\n# B\n## Q2?\n### Answer\ny\n",
        );
        let mut view = TreeView::new(&deck.tree);
        // Area (expanded, single top) → File (expanded) → topics A and B (closed).
        assert_eq!(view.rows.len(), 4);
        let node_b = deck.tree.nodes.iter().position(|n| n.name == "B").unwrap();
        view.reveal_card(&deck.tree, node_b, 1);
        assert_eq!(view.current(), Some(Row::Card(1)));
        assert_eq!(view.rows.len(), 5);
        assert_eq!(view.parent_row(), Some(3));
        view.keep_visible(2);
        assert_eq!(view.offset, 3);
    }
}
