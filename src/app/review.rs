//! The review screen: one card at a time — the question, an optional typed answer, the
//! revealed answer with its key points as a checklist, a grade — then the summary.
//! Grades leave as `Persist` effects, which the runtime commits before the next card.

use std::time::Instant;

use ratatui_textarea::{TextArea, WrapMode};

use crate::action::Action;
use crate::hint::PointHint;
use crate::review::{Answer, Persist, Session, Summary, UndoEffect, suggest_grade};
use crate::schedule::Grade;
use crate::store::Coverage;

pub use super::review_unsaved::{Graded, Unsaved};

/// Which side of the card is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Question,
    Typing,
    Answer,
    Summary,
}

/// What the review asks of the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewOutcome {
    /// Commit this grade now.
    Persist(Box<Persist>),
    /// Take back the latest grade or bury in the store.
    Undo(UndoEffect),
    /// Keep this card out of queues until tomorrow.
    Bury(String),
    Flag(String, bool),
    /// Open the card's source in the editor.
    Edit(String),
    Leave,
    Suspend,
    Quit,
}

/// One review sitting.
pub struct ReviewScreen {
    pub session: Session,
    pub side: Side,
    pub editor: TextArea<'static>,
    /// Covered or not, per key point of the current card.
    pub checklist: Vec<bool>,
    /// What the coverage hint said of each key point of a typed answer, which the
    /// checklist starts from (empty when nothing was typed).
    pub hints: Vec<PointHint>,
    /// `review --type`: each card opens on the answer box.
    pub type_first: bool,
    pub point: usize,
    pub scroll: usize,
    pub shown_at: Instant,
    pub summary: Option<Summary>,
    pub two_button: bool,
    pub show_extras: bool,
    pub message: Option<String>,
    /// The keys this screen names in its messages, from the live keymap.
    pub keys: ReviewKeys,
    /// The last grade given, until the store has it: what a refused grade goes back to.
    pub(super) last_grade: Option<Graded>,
    /// A grade the store refused; the card stays on screen until it is saved or given up.
    pub unsaved: Option<Unsaved>,
    /// Enter was pressed with nothing ticked: a second press grades Again.
    pub confirm_again: bool,
}

/// Where the last frame put the key points in the answer pane.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerView {
    /// The first line of each key point in the pane's document, then the line after
    /// the last one, so the last point's notes are kept in view too.
    pub point_rows: Vec<usize>,
    /// Lines the pane shows.
    pub height: usize,
}

impl AnswerView {
    /// The scroll that keeps key point `point` in view, starting from `scroll`: moved
    /// only as far as needed.
    pub fn follow(&self, point: usize, scroll: usize) -> usize {
        let Some(&row) = self.point_rows.get(point) else {
            return scroll;
        };
        let end = self.point_rows.get(point + 1).copied().unwrap_or(row + 1);
        let height = self.height.max(1);
        if row < scroll {
            row
        } else if end > scroll + height {
            end.saturating_sub(height).min(row)
        } else {
            scroll
        }
    }
}

/// Keys the review names in its messages and prompts, as the keymap binds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewKeys {
    /// The first key of each grade, Again to Easy.
    pub grades: [String; 4],
    /// Every key that closes the answer box, joined ("Ctrl-s / F2 / Esc").
    pub finish_typing: String,
    /// The key that saves a refused grade again, and the one that stops the review.
    pub retry: String,
    pub stop: String,
}

impl ReviewKeys {
    pub fn from_keymap(keymap: &crate::keymap::Keymap) -> ReviewKeys {
        use crate::keymap::Context;
        let first = |a| {
            keymap
                .first_key(Context::ReviewAnswer, a)
                .unwrap_or_else(|| "(no key)".to_string())
        };
        ReviewKeys {
            grades: [
                first(Action::Grade1),
                first(Action::Grade2),
                first(Action::Grade3),
                first(Action::Grade4),
            ],
            finish_typing: keymap.keys_text(Context::ReviewTyping, Action::FinishQuestion),
            retry: first(Action::Retry),
            stop: first(Action::Back),
        }
    }
}

impl ReviewScreen {
    pub fn new(
        session: Session,
        two_button: bool,
        type_first: bool,
        keys: ReviewKeys,
        now: Instant,
        unix: i64,
    ) -> ReviewScreen {
        let mut screen = ReviewScreen {
            session,
            side: Side::Question,
            editor: new_editor(&keys),
            checklist: Vec::new(),
            hints: Vec::new(),
            type_first,
            point: 0,
            scroll: 0,
            shown_at: now,
            summary: None,
            two_button,
            show_extras: false,
            message: None,
            keys,
            last_grade: None,
            unsaved: None,
            confirm_again: false,
        };
        screen.next_card(now, unix);
        screen
    }

    /// The id of the card on screen (ids survive a reload of the content; indices may
    /// not).
    pub fn current_id(&self) -> Option<&str> {
        self.session.current().map(|c| c.entry.card_id.as_str())
    }

    /// Prepares the screen for the session's current card, or the summary.
    fn next_card(&mut self, now: Instant, unix: i64) {
        self.side = if self.session.is_finished() {
            Side::Summary
        } else if self.type_first {
            Side::Typing
        } else {
            Side::Question
        };
        if self.side == Side::Summary {
            self.summary = Some(self.session.summary(unix));
        }
        self.editor = new_editor(&self.keys);
        self.checklist.clear();
        self.hints.clear();
        self.point = 0;
        self.scroll = 0;
        self.shown_at = now;
    }

    /// `key_points` is the number of key points of the card on screen; `view` what the
    /// last frame measured of the answer pane, so the view can follow the cursor;
    /// `judge` gives the coverage hint for a typed answer against the card's points.
    pub fn update(
        &mut self,
        action: Action,
        now: Instant,
        unix: i64,
        key_points: usize,
        view: &AnswerView,
        judge: &dyn Fn(&str) -> Vec<PointHint>,
    ) -> Option<ReviewOutcome> {
        if self.unsaved.is_some() {
            return self.update_unsaved(action, now, unix);
        }
        self.message = None;
        let confirming = std::mem::take(&mut self.confirm_again);
        match action {
            Action::Quit => return Some(ReviewOutcome::Quit),
            Action::Suspend => return Some(ReviewOutcome::Suspend),
            _ => {}
        }
        match self.side {
            Side::Question => match action {
                Action::Reveal => self.reveal(key_points, judge),
                Action::TypeAnswer => self.side = Side::Typing,
                _ => return self.common(action, now, unix),
            },
            Side::Typing => match action {
                Action::TextKey(key) => {
                    self.editor.input(key);
                }
                Action::FinishQuestion => self.reveal(key_points, judge),
                _ => {}
            },
            Side::Answer => match action {
                Action::MoveDown => {
                    self.point = (self.point + 1).min(key_points.saturating_sub(1));
                    self.follow_point(view);
                }
                Action::MoveUp => {
                    self.point = self.point.saturating_sub(1);
                    self.follow_point(view);
                }
                Action::Top => {
                    self.point = 0;
                    self.scroll = 0;
                }
                Action::Bottom => {
                    self.point = key_points.saturating_sub(1);
                    self.follow_point(view);
                }
                Action::Toggle => {
                    if let Some(c) = self.checklist.get_mut(self.point) {
                        *c = !*c;
                    }
                }
                Action::HalfPageDown => self.scroll += 8,
                Action::HalfPageUp => self.scroll = self.scroll.saturating_sub(8),
                Action::ToggleExtras => self.show_extras = !self.show_extras,
                Action::Accept => {
                    let covered = self.checklist.iter().filter(|c| **c).count();
                    if covered == 0 && key_points > 0 && !confirming {
                        // An Anki habit is Enter = Good: ask before grading Again.
                        self.confirm_again = true;
                        self.message = Some(format!(
                            "Nothing ticked: Enter again grades Again. Or tick what you covered, or grade with {}.",
                            self.keys.grades.join("/")
                        ));
                        return None;
                    }
                    match suggest_grade(covered, key_points) {
                        Some(g) => return self.grade(self.narrow(g), now, unix),
                        None => {
                            self.message = Some(format!(
                                "no key points to judge by: grade with {}",
                                self.keys.grades.join("/")
                            ));
                        }
                    }
                }
                _ => return self.common(action, now, unix),
            },
            Side::Summary => match action {
                // A card in its steps that was waited for is due: ask it.
                Action::Tick
                    if self.session.waiting_until().is_some_and(|t| t <= unix)
                        && self.session.resume(unix) =>
                {
                    self.summary = None;
                    self.next_card(now, unix);
                }
                Action::Undo => return self.undo(now, unix),
                Action::Back => return Some(ReviewOutcome::Leave),
                Action::MoveDown => self.scroll += 1,
                Action::MoveUp => self.scroll = self.scroll.saturating_sub(1),
                _ => {}
            },
        }
        None
    }

    /// Keys that work on both sides of the card.
    fn common(&mut self, action: Action, now: Instant, unix: i64) -> Option<ReviewOutcome> {
        let grade = match action {
            Action::Grade1 => Some(Grade::Again),
            Action::Grade2 => Some(Grade::Hard),
            Action::Grade3 => Some(Grade::Good),
            Action::Grade4 => Some(Grade::Easy),
            _ => None,
        };
        if let Some(g) = grade {
            if self.two_button && matches!(g, Grade::Hard | Grade::Easy) {
                self.message = Some(format!(
                    "two-button mode: {} Again, {} Good",
                    self.keys.grades[0], self.keys.grades[2]
                ));
                return None;
            }
            return self.grade(g, now, unix);
        }
        match action {
            Action::Undo => self.undo(now, unix),
            Action::Bury => {
                let id = self.session.bury(unix)?;
                self.next_card(now, unix);
                Some(ReviewOutcome::Bury(id))
            }
            Action::Flag => {
                let (id, on) = self.session.toggle_flag()?;
                self.message = Some(if on { "flagged" } else { "flag removed" }.into());
                Some(ReviewOutcome::Flag(id, on))
            }
            Action::Edit => self
                .current_id()
                .map(|id| ReviewOutcome::Edit(id.to_string())),
            Action::Back => {
                self.stop_early(unix);
                None
            }
            _ => None,
        }
    }

    /// Stopping before the end still shows what was done and what comes next.
    fn stop_early(&mut self, unix: i64) {
        self.side = Side::Summary;
        self.summary = Some(self.session.summary(unix));
        self.scroll = 0;
    }

    /// Scrolls the answer so the key point under the cursor is in view.
    fn follow_point(&mut self, view: &AnswerView) {
        self.scroll = view.follow(self.point, self.scroll);
    }

    /// In two-button mode Hard counts as Again and Easy as Good.
    fn narrow(&self, g: Grade) -> Grade {
        match (self.two_button, g) {
            (true, Grade::Hard) => Grade::Again,
            (true, Grade::Easy) => Grade::Good,
            (_, g) => g,
        }
    }

    /// Shows the answer. A typed answer's checklist starts ticked where the hint says
    /// covered; the person confirms or changes each tick.
    fn reveal(&mut self, key_points: usize, judge: &dyn Fn(&str) -> Vec<PointHint>) {
        self.side = Side::Answer;
        let typed = self.editor.lines().join("\n");
        self.hints = if typed.trim().is_empty() {
            Vec::new()
        } else {
            judge(&typed)
        };
        self.checklist = if self.hints.len() == key_points {
            self.hints.iter().map(PointHint::covered).collect()
        } else {
            vec![false; key_points]
        };
        self.point = 0;
        self.scroll = 0;
    }

    fn grade(&mut self, grade: Grade, now: Instant, unix: i64) -> Option<ReviewOutcome> {
        let typed = self.editor.lines().join("\n");
        let answered = self.side == Side::Answer && !self.checklist.is_empty();
        let answer = Answer {
            time_taken_ms: u64::try_from(now.saturating_duration_since(self.shown_at).as_millis())
                .unwrap_or(u64::MAX),
            coverage: answered.then(|| Coverage {
                covered: u32::try_from(self.checklist.iter().filter(|c| **c).count())
                    .unwrap_or(u32::MAX),
                total: u32::try_from(self.checklist.len()).unwrap_or(u32::MAX),
            }),
            typed_answer: (!typed.trim().is_empty()).then_some(typed),
        };
        self.commit(grade, answer, now, unix)
    }

    /// Hands a grade to the session and asks the runtime to save it, keeping what is
    /// needed to put the card back if the store refuses it.
    pub(super) fn commit(
        &mut self,
        grade: Grade,
        answer: Answer,
        now: Instant,
        unix: i64,
    ) -> Option<ReviewOutcome> {
        self.last_grade = Some(Graded {
            grade,
            answer: answer.clone(),
            side: self.side,
            checklist: self.checklist.clone(),
            typed: self.editor.lines().join("\n"),
        });
        let persist = self.session.grade(grade, unix, answer)?;
        self.next_card(now, unix);
        Some(ReviewOutcome::Persist(Box::new(persist)))
    }

    fn undo(&mut self, now: Instant, unix: i64) -> Option<ReviewOutcome> {
        let Some(undone) = self.session.undo() else {
            self.message = Some("nothing to undo".into());
            return None;
        };
        self.next_card(now, unix);
        self.summary = None;
        self.message = Some("last grade undone".into());
        Some(ReviewOutcome::Undo(undone))
    }
}

pub(super) fn new_editor(keys: &ReviewKeys) -> TextArea<'static> {
    let mut editor = TextArea::default();
    editor.set_wrap_mode(WrapMode::WordOrGlyph);
    editor.set_placeholder_text(format!(
        "Say it in writing, then {} to reveal the answer…",
        keys.finish_typing
    ));
    editor
}
