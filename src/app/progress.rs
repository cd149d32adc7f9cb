//! The saved progress as the screens see it: every card's state, the per-topic counts,
//! each card's standing for the mock selection and the plan's readiness, kept in step
//! with the store.

use std::collections::HashMap;

use super::App;
use super::tree_view::TreeView;
use crate::ids::CardId;
use crate::load::Deck;
use crate::mock::select::Standing;
use crate::schedule::CardState;
use crate::stats::{self, Mastery};

/// The progress figures of a tree node's subtree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NodeCounts {
    pub due: usize,
    pub new: usize,
    pub mastered: usize,
}

impl App {
    /// Takes the stored progress, as read when the app starts.
    pub fn with_states(mut self, states: HashMap<String, CardState>) -> App {
        self.states = states;
        self.refresh_progress();
        self
    }

    /// Takes the plan to an interview date the runtime worked out at start, for the
    /// browser's header line.
    pub fn with_plan(mut self, tracker: crate::plan::Tracker) -> App {
        self.plan = Some(tracker);
        self.refresh_progress();
        self
    }

    /// The browser's header line about the plan, while its interview day has not passed.
    pub fn plan_header(&self) -> Option<crate::plan::Header> {
        let unix = self.unix_now();
        self.plan
            .as_ref()?
            .header(crate::plan::today(unix, crate::clock::local_offset(unix)))
    }

    /// Stores the states the runtime saved and recomputes what depends on them.
    pub(super) fn apply_changes(&mut self, changes: Vec<(CardId, Option<CardState>)>) {
        if changes.is_empty() {
            return;
        }
        for (card, state) in changes {
            match state {
                Some(state) => self.states.insert(card.as_str().to_string(), state),
                None => self.states.remove(card.as_str()),
            };
        }
        self.refresh_progress();
    }

    /// Recomputes the counts and standings after a change of `states`, for the App's
    /// idea of today.
    pub(super) fn refresh_progress(&mut self) {
        let unix = self.unix_now();
        let offset = self.day_shift(unix);
        let tree = &self.deck.tree;
        let mut counts = vec![NodeCounts::default(); tree.nodes.len()];
        for (i, card) in self.deck.cards.iter().enumerate() {
            let state = self.states.get(&card.id);
            let due = stats::due_today(state, unix, offset);
            let m = stats::mastery(state);
            self.standing[i] = Standing {
                seen: m != Mastery::New,
                due,
                stability_days: state
                    .and_then(|s| s.memory)
                    .map_or(0.0, |m| f64::from(m.stability)),
                lapses: state.map_or(0, |s| s.lapses),
            };
            let mut at = Some(self.card_node[i]);
            while let Some(n) = at {
                let c = &mut counts[n];
                c.due += usize::from(due);
                c.new += usize::from(m == Mastery::New);
                c.mastered += usize::from(m == Mastery::Mastered);
                at = tree.nodes[n].parent;
            }
        }
        self.counts = counts;
        if let Some(plan) = self.plan.as_mut() {
            plan.refresh(&self.states);
        }
    }

    /// Swaps in freshly loaded content (after an edit), keeping progress, the selected
    /// card where it still exists, and the open screens.
    pub(super) fn replace_deck(&mut self, deck: Deck) {
        let selected = self.selected_card().map(|c| self.card_id(c));
        let fresh = App::without_screens(deck, self.theme.clone(), self.keymap.clone());
        self.card_node = fresh.card_node;
        self.index = fresh.index;
        self.standing = fresh.standing;
        self.id_index = fresh.id_index;
        let tree_height = self.tree_height();
        if let Some(browse) = self.browse_mut() {
            browse.tree = TreeView::new(&fresh.deck.tree);
            browse.tree.keep_visible(tree_height);
        }
        self.deck = fresh.deck;
        // Weights come from the key points, which may have changed.
        self.hinter = fresh.hinter;
        self.refresh_progress();
        if let Some(c) = selected.and_then(|id| self.card_index(id.as_str())) {
            self.jump_to_card(c);
        }
    }
}
