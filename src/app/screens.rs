//! Opening the review, mock interview and stats screens, and routing actions to them.

use std::time::Instant;

use super::mock::{MockOutcome, MockScreen};
use super::review::{ReviewOutcome, ReviewScreen};
use super::stats_screen::{StatsOutcome, StatsScreen};
use super::tree_view::Row;
use super::{App, Effect, ReviewRequest, Screen};
use crate::action::Action;
use crate::mock::MockSettings;

impl App {
    /// The tree node under the selection: the selected topic, or the selected card's.
    pub fn selected_node(&self) -> Option<usize> {
        match self.tree.current() {
            Some(Row::Node(n)) => Some(n),
            Some(Row::Card(c)) => self.card_node.get(c).copied(),
            None => None,
        }
    }

    /// Opens the review screen on a session the runtime built.
    pub fn open_review(&mut self, screen: ReviewScreen) {
        self.screen = Screen::Review(Box::new(screen));
    }

    pub(super) fn update_review(&mut self, action: Action, now: Instant) -> Option<Effect> {
        let Screen::Review(screen) = &mut self.screen else {
            return None;
        };
        let key_points = screen
            .current_id()
            .and_then(|id| self.id_index.get(id))
            .map_or(0, |&i| self.deck.cards[i].key_points.len());
        let outcome = screen.update(action, now, (self.wall_clock)(), key_points)?;
        Some(match outcome {
            ReviewOutcome::Persist(p) => Effect::Persist(p),
            ReviewOutcome::Undo(id) => Effect::Undo(id),
            ReviewOutcome::Bury(id) => Effect::Bury(id),
            ReviewOutcome::Flag(id, on) => Effect::Flag(id, on),
            ReviewOutcome::Edit(id) => match self.id_index.get(&id) {
                Some(&card) => Effect::Edit(card),
                None => return None,
            },
            ReviewOutcome::Leave => {
                self.screen = Screen::Browse;
                return None;
            }
            ReviewOutcome::Suspend => Effect::Suspend,
            ReviewOutcome::Quit => Effect::Quit,
        })
    }

    /// Opens the stats screen on figures the runtime computed.
    pub fn open_stats(&mut self, stats: crate::stats::Stats) {
        self.screen = Screen::Stats(Box::new(StatsScreen::new(stats)));
    }

    pub(super) fn update_stats(&mut self, action: Action) -> Option<Effect> {
        let Screen::Stats(screen) = &mut self.screen else {
            return None;
        };
        match screen.update(action)? {
            StatsOutcome::Review(node) => Some(Effect::StartReview(ReviewRequest {
                node: Some(node),
                cram: false,
            })),
            StatsOutcome::Leave => {
                self.screen = Screen::Browse;
                None
            }
            StatsOutcome::Quit => Some(Effect::Quit),
        }
    }

    /// Opens the mock interview setup on the selected topic (or the whole deck).
    pub fn open_mock(&mut self, now: Instant) {
        let checked = self.selected_node().into_iter().collect();
        self.screen = Screen::Mock(Box::new(MockScreen::new(
            &self.deck.tree,
            self.mock_defaults.clone(),
            checked,
            now,
        )));
    }

    /// Starts a mock interview at once, as `prepdeck mock` with flags does.
    pub fn start_mock(
        &mut self,
        settings: MockSettings,
        checked: Vec<usize>,
        now: Instant,
    ) -> bool {
        let mut screen = MockScreen::new(
            &self.deck.tree,
            settings,
            checked.into_iter().collect(),
            now,
        );
        let standing = &self.standing;
        let started = screen.begin(
            &self.deck,
            &|c| standing.get(c).copied().unwrap_or_default(),
            now,
            (self.wall_clock)(),
        );
        self.message = screen.message.clone();
        if started {
            self.screen = Screen::Mock(Box::new(screen));
        }
        started
    }

    pub(super) fn update_mock(&mut self, action: Action, now: Instant) -> Option<Effect> {
        let Screen::Mock(screen) = &mut self.screen else {
            return None;
        };
        let Some(outcome) = screen.update(&self.deck, action, now) else {
            if screen.quit_armed {
                self.message = screen.message.clone();
            }
            return None;
        };
        match outcome {
            MockOutcome::Start => {
                let standing = &self.standing;
                let unix = (self.wall_clock)();
                screen.begin(
                    &self.deck,
                    &|c| standing.get(c).copied().unwrap_or_default(),
                    now,
                    unix,
                );
                None
            }
            MockOutcome::Leave => {
                self.screen = Screen::Browse;
                None
            }
            MockOutcome::Finished(result) => Some(Effect::MockFinished(result)),
            MockOutcome::Suspend => Some(Effect::Suspend),
            MockOutcome::Quit => Some(Effect::Quit),
        }
    }

    /// Tree nodes (folders, files, topics) named `name`, any case; when none is named
    /// exactly, those whose name contains it.
    pub fn topic_nodes(&self, name: &str) -> Vec<usize> {
        let needle = name.to_lowercase();
        let tree = &self.deck.tree;
        let all = tree.preorder();
        let exact: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&n| tree.nodes[n].name.to_lowercase() == needle)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        all.into_iter()
            .filter(|&n| tree.nodes[n].name.to_lowercase().contains(&needle))
            .collect()
    }

    /// The first `n` top-level and second-level topic names, for hints.
    pub fn topic_names(&self, n: usize) -> Vec<String> {
        self.deck
            .tree
            .preorder()
            .into_iter()
            .filter(|&i| self.deck.tree.nodes[i].depth <= 2)
            .take(n)
            .map(|i| self.deck.tree.nodes[i].name.clone())
            .collect()
    }

    /// True while a clock on screen is counting, so the runtime must wake up for it.
    pub fn ticking(&self) -> bool {
        matches!(&self.screen, Screen::Mock(m) if m.ticking())
    }

    /// How long the runtime may sleep before the screen must be redrawn.
    pub fn next_tick(&self, now: Instant) -> Option<std::time::Duration> {
        match &self.screen {
            Screen::Mock(m) if m.ticking() => Some(m.next_tick(now)),
            _ => None,
        }
    }
}
