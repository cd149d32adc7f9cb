//! A grade the store refused (a full disk, a failing write): the card goes back on
//! screen as it was, a message says why, and the review does not go on until the grade
//! is saved again or the person gives it up knowingly.

use std::time::Instant;

use super::review::{ReviewOutcome, ReviewScreen, Side, new_editor};
use crate::action::Action;
use crate::review::Answer;
use crate::schedule::Grade;

/// A grade as it was given, to give it again.
#[derive(Debug, Clone, PartialEq)]
pub struct Graded {
    pub grade: Grade,
    pub answer: Answer,
    pub side: Side,
    pub checklist: Vec<bool>,
    pub typed: String,
}

/// A grade the store could not keep.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsaved {
    pub graded: Graded,
    /// Why the store refused it.
    pub error: String,
    /// Quit (or stop) was pressed once: a second press gives the grade up.
    pub quit_asked: bool,
}

impl ReviewScreen {
    /// The store refused the last grade: the session goes back to before it, the card
    /// and the answer as they were, and the message says why and what to do.
    pub fn grade_refused(&mut self, error: String, now: Instant) {
        let Some(graded) = self.last_grade.take() else {
            return;
        };
        if self.session.undo().is_none() {
            return;
        }
        self.summary = None;
        self.side = graded.side;
        self.checklist.clone_from(&graded.checklist);
        self.point = 0;
        self.scroll = 0;
        self.shown_at = now;
        self.editor = new_editor(&self.keys);
        self.editor.insert_str(&graded.typed);
        self.unsaved = Some(Unsaved {
            graded,
            error,
            quit_asked: false,
        });
        self.explain_unsaved();
    }

    fn explain_unsaved(&mut self) {
        let Some(u) = &self.unsaved else {
            return;
        };
        let keys = &self.keys;
        self.message = Some(if u.quit_asked {
            format!(
                "This grade is NOT saved. {} again stops and gives it up; {} tries to save it again.",
                keys.stop, keys.retry
            )
        } else {
            format!(
                "The grade was NOT saved: {}. Free some space or fix the problem, then {} tries again; {} stops without it.",
                u.error, keys.retry, keys.stop
            )
        });
    }

    /// Keys while a grade is unsaved: save again, or stop (asked once), nothing else.
    pub(super) fn update_unsaved(
        &mut self,
        action: Action,
        now: Instant,
        unix: i64,
    ) -> Option<ReviewOutcome> {
        match action {
            Action::Retry | Action::Accept => {
                let u = self.unsaved.take()?;
                self.message = Some("saving the grade again…".to_string());
                let graded = u.graded;
                self.side = graded.side;
                self.checklist = graded.checklist;
                self.commit(graded.grade, graded.answer, now, unix)
            }
            Action::Back | Action::Quit => {
                let asked = self.unsaved.as_ref().is_some_and(|u| u.quit_asked);
                if asked {
                    return Some(if action == Action::Quit {
                        ReviewOutcome::Quit
                    } else {
                        ReviewOutcome::Leave
                    });
                }
                if let Some(u) = self.unsaved.as_mut() {
                    u.quit_asked = true;
                }
                self.explain_unsaved();
                None
            }
            Action::Suspend => Some(ReviewOutcome::Suspend),
            _ => {
                self.explain_unsaved();
                None
            }
        }
    }
}
