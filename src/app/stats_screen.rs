//! The stats screen's state: the figures, the topic under the cursor and the sort.

use crate::action::Action;
use crate::stats::{Stats, TopicStats};

/// The stats screen.
pub struct StatsScreen {
    pub stats: Stats,
    /// Position in `order()`.
    pub selected: usize,
    pub weakest_first: bool,
    /// Rows scrolled, when the panels are taller than the terminal.
    pub scroll: u16,
}

/// What the stats screen asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsOutcome {
    /// Review the cards of this tree node.
    Review(usize),
    Leave,
    Quit,
}

impl StatsScreen {
    pub fn new(stats: Stats) -> StatsScreen {
        StatsScreen {
            stats,
            selected: 0,
            weakest_first: false,
            scroll: 0,
        }
    }

    /// Topic indices in display order: reading order, or weakest first (the lowest
    /// share of mastered cards, then the most due).
    pub fn order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.stats.topics.len()).collect();
        if self.weakest_first {
            let share = |t: &TopicStats| t.mastered as f64 / t.cards.max(1) as f64;
            order.sort_by(|&a, &b| {
                let (ta, tb) = (&self.stats.topics[a], &self.stats.topics[b]);
                share(ta)
                    .total_cmp(&share(tb))
                    .then(tb.due.cmp(&ta.due))
                    .then(a.cmp(&b))
            });
        }
        order
    }

    /// Keeps the scroll within what the last frame could show, so Page Up after a
    /// resize or a long Page Down moves at once.
    pub fn clamp_scroll(&mut self, max_scroll: u16) {
        self.scroll = self.scroll.min(max_scroll);
    }

    pub fn update(&mut self, action: Action, max_scroll: u16) -> Option<StatsOutcome> {
        let count = self.stats.topics.len();
        match action {
            Action::MoveDown => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::MoveUp => self.selected = self.selected.saturating_sub(1),
            Action::Toggle => {
                self.weakest_first = !self.weakest_first;
                self.selected = 0;
            }
            Action::Open => {
                let topic = *self.order().get(self.selected)?;
                return Some(StatsOutcome::Review(self.stats.topics[topic].node));
            }
            Action::PageDown => self.scroll = self.scroll.saturating_add(10).min(max_scroll),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::Top => {
                self.selected = 0;
                self.scroll = 0;
            }
            Action::Bottom => {
                self.selected = count.saturating_sub(1);
                self.scroll = max_scroll;
            }
            Action::Back => return Some(StatsOutcome::Leave),
            Action::Quit => return Some(StatsOutcome::Quit),
            _ => {}
        }
        None
    }
}
