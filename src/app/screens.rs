//! Opening the review, mock interview and stats screens over the one in front, routing
//! actions to them, and going back when they are left.

use std::time::Instant;

use super::mock::{MockOutcome, MockScreen};
use super::review::{ReviewKeys, ReviewOutcome, ReviewScreen};
use super::stats_screen::{StatsOutcome, StatsScreen};
use super::{App, Effect, ReviewRequest, Screen};
use crate::action::Action;
use crate::ids::CardId;
use crate::keymap::Context;
use crate::mock::MockSettings;
use crate::review::Session;

impl App {
    /// Opens the review screen on a session the runtime built.
    pub(super) fn open_review(&mut self, session: Session, two_button: bool, now: Instant) {
        if self.review_typing {
            self.warm_hinter();
        }
        let keys = ReviewKeys::from_keymap(&self.keymap);
        let screen = ReviewScreen::new(
            session,
            two_button,
            self.review_typing,
            keys,
            now,
            self.unix_now(),
        );
        self.screens.push(Screen::Review(Box::new(screen)));
    }

    pub(super) fn update_review(&mut self, action: Action, now: Instant) -> Option<Effect> {
        let unix = self.unix_now();
        let Some(Screen::Review(screen)) = self.screens.last_mut() else {
            return None;
        };
        let points: &[String] = screen
            .current_id()
            .and_then(|id| self.id_index.get(id))
            .map_or(&[], |&i| &self.deck.cards[i].key_points);
        let (hinter_cell, deck) = (&self.hinter, &self.deck);
        let judge = |typed: &str| super::hinter_of(hinter_cell, deck).card(points, typed);
        let outcome = screen.update(
            action,
            now,
            unix,
            points.len(),
            &self.measures.answer,
            &judge,
        )?;
        if matches!(outcome, ReviewOutcome::Leave | ReviewOutcome::Quit) && screen.unsaved.is_some()
        {
            self.grades_lost += 1;
        }
        Some(match outcome {
            ReviewOutcome::Persist(p) => Effect::Persist(p),
            ReviewOutcome::Undo(undo) => Effect::Undo {
                card: CardId::from(undo.card_id),
                grade: undo.grade,
                unbury: undo.unbury,
            },
            ReviewOutcome::Bury(id) => Effect::Bury(CardId::from(id)),
            ReviewOutcome::Flag(id, on) => Effect::Flag(CardId::from(id), on),
            ReviewOutcome::Edit(id) => Effect::Edit(CardId::from(id)),
            ReviewOutcome::Leave => return self.leave(),
            ReviewOutcome::Suspend => Effect::Suspend,
            ReviewOutcome::Quit => Effect::Quit,
        })
    }

    /// Opens the stats screen on figures the runtime computed; a plan worked out with
    /// them gives the browser's header line its standing too.
    pub(super) fn open_stats(&mut self, stats: crate::stats::Stats) {
        if let (Some(tracker), Some(report)) = (self.plan.as_mut(), stats.plan.as_ref()) {
            tracker.restate(report);
        }
        self.screens
            .push(Screen::Stats(Box::new(StatsScreen::new(stats))));
    }

    pub(super) fn update_stats(&mut self, action: Action) -> Option<Effect> {
        let max_scroll = self.measures.stats_max_scroll;
        let Some(Screen::Stats(screen)) = self.screens.last_mut() else {
            return None;
        };
        match screen.update(action, max_scroll)? {
            StatsOutcome::Review(node) => Some(Effect::StartReview(ReviewRequest {
                node: Some(node),
                cram: false,
            })),
            StatsOutcome::Leave => self.leave(),
            StatsOutcome::Quit => Some(Effect::Quit),
        }
    }

    /// A mock interview's screen with `checked` topics ticked, naming the live keys.
    fn mock_screen(&self, settings: MockSettings, checked: Vec<usize>, now: Instant) -> MockScreen {
        self.warm_hinter();
        let mut screen = MockScreen::new(
            &self.deck.tree,
            settings,
            checked.into_iter().collect(),
            now,
        );
        screen.grade_keys = [
            Action::Grade1,
            Action::Grade2,
            Action::Grade3,
            Action::Grade4,
        ]
        .map(|a| self.key_for(Context::Debrief, a))
        .join("/");
        screen
    }

    /// Opens the mock interview setup from the browser, with the selected topic ticked.
    pub(super) fn open_mock(&mut self, now: Instant) {
        let checked = self.selected_node().into_iter().collect();
        let screen = self.mock_screen(self.mock_defaults.clone(), checked, now);
        self.screens.push(Screen::Mock(Box::new(screen)));
    }

    /// Opens the mock interview setup for `prepdeck mock`: these settings, and the
    /// `--topic` nodes ticked (none: every topic is drawn from).
    pub fn open_mock_setup(&mut self, settings: MockSettings, checked: Vec<usize>, now: Instant) {
        let screen = self.mock_screen(settings, checked, now);
        self.screens.push(Screen::Mock(Box::new(screen)));
    }

    /// Starts a mock interview at once, as `prepdeck mock` with flags does. Returns
    /// false (with the reason as the message) when there is nothing to ask.
    pub fn start_mock(
        &mut self,
        settings: MockSettings,
        checked: Vec<usize>,
        now: Instant,
    ) -> bool {
        let mut screen = self.mock_screen(settings, checked, now);
        let standing = &self.standing;
        let started = screen.begin(
            &self.deck,
            &|c| standing.get(c).copied().unwrap_or_default(),
            now,
            (self.wall_clock)(),
        );
        self.message.clone_from(&screen.message);
        if started {
            self.screens.push(Screen::Mock(Box::new(screen)));
        }
        started
    }

    pub(super) fn update_mock(&mut self, action: Action, now: Instant) -> Option<Effect> {
        let unix = self.unix_now();
        let (cell, deck) = (&self.hinter, &self.deck);
        let hinter = || super::hinter_of(cell, deck);
        let Some(Screen::Mock(screen)) = self.screens.last_mut() else {
            return None;
        };
        let Some(outcome) = screen.update(&self.deck, &hinter, action, now, &self.measures.answer)
        else {
            if screen.quit_armed {
                self.message.clone_from(&screen.message);
            }
            return None;
        };
        match outcome {
            MockOutcome::Start => {
                let standing = &self.standing;
                screen.begin(
                    &self.deck,
                    &|c| standing.get(c).copied().unwrap_or_default(),
                    now,
                    unix,
                );
                None
            }
            MockOutcome::Leave => self.leave(),
            MockOutcome::Finished(result) => Some(Effect::MockFinished(result)),
            MockOutcome::Suspend => Some(Effect::Suspend),
            MockOutcome::Quit => Some(Effect::Quit),
        }
    }
}
