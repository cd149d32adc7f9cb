//! The mock interview screen: setup, the timed questions, pause and abort, the debrief
//! against the key points, and the result. Time comes in with every update, so the
//! whole flow runs on an injected clock in tests.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use ratatui_textarea::{TextArea, WrapMode};

use super::review::AnswerView;
use crate::action::Action;
use crate::hint::Hinter;
use crate::load::Deck;
use crate::mock::select::{self, Standing};
use crate::mock::timer::Timer;
use crate::mock::{
    FollowUp, MockAnswer, MockResult, MockSettings, follow_up_choice, follow_up_time,
};
use crate::schedule::Grade;
use crate::tree::TopicTree;

/// The coverage hint, built the first time an answer is judged: its weights cover every
/// key point of the deck, which takes a second on 100,000 cards, so a mock only pays for
/// them once it has an answer to judge.
pub type Hints<'a> = &'a dyn Fn() -> &'a Hinter;

/// Time-per-question choices on the setup screen (`None`: no limit).
pub const PER_QUESTION: [Option<u64>; 10] = [
    None,
    Some(30),
    Some(60),
    Some(120),
    Some(180),
    Some(240),
    Some(300),
    Some(480),
    Some(600),
    Some(900),
];
/// Total-time choices on the setup screen.
pub const TOTAL: [Option<u64>; 9] = [
    None,
    Some(300),
    Some(600),
    Some(900),
    Some(1200),
    Some(1800),
    Some(2700),
    Some(3600),
    Some(5400),
];
/// The gauge turns to its warning colour this close to the end.
pub const WARNING: Duration = Duration::from_secs(30);

/// A row of the setup form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupRow {
    Questions,
    PerQuestion,
    Total,
    Mode,
    Topic(usize),
    Start,
}

/// The setup form: settings and the topics to draw from.
#[derive(Debug, Clone)]
pub struct Setup {
    pub rows: Vec<SetupRow>,
    pub cursor: usize,
    pub checked: HashSet<usize>,
    pub settings: MockSettings,
}

/// Where the interview is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    Setup,
    Asking,
    Paused { confirm_abort: bool },
    Debrief,
    Result,
}

/// What the mock screen asks the runtime to do.
#[derive(Debug, Clone, PartialEq)]
pub enum MockOutcome {
    /// The setup is done: draw the questions and start the clock.
    Start,
    /// The interview ended: store it and write the report.
    Finished(Box<MockResult>),
    /// Back to the browser.
    Leave,
    Suspend,
    Quit,
}

/// The whole state of one mock interview.
pub struct MockScreen {
    pub phase: Phase,
    pub setup: Setup,
    pub questions: Vec<usize>,
    pub current: usize,
    pub answers: Vec<MockAnswer>,
    pub editor: TextArea<'static>,
    pub question_timer: Timer,
    pub total_timer: Option<Timer>,
    pub started_at: i64,
    pub aborted: bool,
    /// Debrief: the question and key point under the cursor, and the model pane scroll.
    pub review_index: usize,
    pub point: usize,
    pub scroll: usize,
    pub message: Option<String>,
    /// Quit was pressed once while the interview was under way: a second press quits.
    pub quit_armed: bool,
    /// The follow-up question being asked after the current question's main answer.
    pub follow_up: Option<String>,
    /// The debrief's grade keys as the keymap binds them ("1/2/3/4"), for messages.
    pub grade_keys: String,
}

/// Shown when quit is pressed during an interview, which it would throw away.
pub const QUIT_WARNING: &str = "Quit again to lose this interview; any other key stays";

impl MockScreen {
    /// A setup screen with `checked` topics (tree nodes) ticked.
    pub fn new(
        tree: &TopicTree,
        settings: MockSettings,
        checked: HashSet<usize>,
        now: Instant,
    ) -> MockScreen {
        let mut rows = vec![
            SetupRow::Questions,
            SetupRow::PerQuestion,
            SetupRow::Total,
            SetupRow::Mode,
        ];
        for n in tree.preorder() {
            if tree.nodes[n].depth <= 2 {
                rows.push(SetupRow::Topic(n));
            }
        }
        rows.push(SetupRow::Start);
        MockScreen {
            phase: Phase::Setup,
            setup: Setup {
                rows,
                cursor: 0,
                checked,
                settings,
            },
            questions: Vec::new(),
            current: 0,
            answers: Vec::new(),
            editor: new_editor(),
            question_timer: Timer::start(now, None),
            total_timer: None,
            started_at: 0,
            aborted: false,
            review_index: 0,
            point: 0,
            scroll: 0,
            message: None,
            quit_armed: false,
            grade_keys: "1/2/3/4".to_string(),
            follow_up: None,
        }
    }

    /// The cards the chosen topics offer: answered cards under any ticked node, or all.
    pub fn candidates(&self, deck: &Deck) -> Vec<usize> {
        let mut cards: Vec<usize> = if self.setup.checked.is_empty() {
            (0..deck.cards.len()).collect()
        } else {
            let mut set: Vec<usize> = self
                .setup
                .checked
                .iter()
                .flat_map(|&n| deck.tree.cards_under(n))
                .collect();
            set.sort_unstable();
            set.dedup();
            set
        };
        cards.retain(|&c| !deck.cards[c].is_unanswered());
        cards
    }

    /// Draws the questions and starts the clock. Returns false when no card qualifies.
    pub fn begin(
        &mut self,
        deck: &Deck,
        standing: &dyn Fn(usize) -> Standing,
        now: Instant,
        unix: i64,
    ) -> bool {
        let candidates = self.candidates(deck);
        let s = &self.setup.settings;
        self.questions = select::choose(&candidates, standing, s.questions, s.seed);
        if self.questions.is_empty() {
            self.message = Some("no answered cards in the chosen topics".to_string());
            return false;
        }
        self.started_at = unix;
        self.total_timer = s.total.map(|t| Timer::start(now, Some(t)));
        self.question_timer = Timer::start(now, s.per_question);
        self.current = 0;
        self.answers.clear();
        self.editor = new_editor();
        self.phase = Phase::Asking;
        true
    }

    /// True while a clock on screen is running.
    pub fn ticking(&self) -> bool {
        self.phase == Phase::Asking
    }

    /// How long until the countdown on screen changes.
    pub fn next_tick(&self, now: Instant) -> Duration {
        self.question_timer.until_next_second(now)
    }

    /// `view` is what the last frame measured of the debrief's model pane, so the view
    /// can follow the key-point cursor.
    pub fn update(
        &mut self,
        deck: &Deck,
        hinter: Hints<'_>,
        action: Action,
        now: Instant,
        view: &AnswerView,
    ) -> Option<MockOutcome> {
        self.message = None;
        if action == Action::Quit {
            return self.quit(now);
        }
        self.quit_armed = false;
        match self.phase.clone() {
            Phase::Setup => self.update_setup(action),
            Phase::Asking => self.update_asking(deck, hinter, action, now),
            Phase::Paused { confirm_abort } => {
                self.update_paused(deck, hinter, action, now, confirm_abort)
            }
            Phase::Debrief => self.update_debrief(action, view),
            Phase::Result => {
                match action {
                    Action::MoveDown => self.scroll += 1,
                    Action::MoveUp => self.scroll = self.scroll.saturating_sub(1),
                    Action::PageDown => self.scroll += 10,
                    Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
                    Action::Back => return Some(MockOutcome::Leave),
                    _ => {}
                }
                None
            }
        }
    }

    /// Quits at once from the setup and the result; during the interview (answering,
    /// paused or in the debrief) the first press pauses the clock and warns, and only a
    /// second press in a row quits.
    fn quit(&mut self, now: Instant) -> Option<MockOutcome> {
        let under_way = matches!(
            self.phase,
            Phase::Asking | Phase::Paused { .. } | Phase::Debrief
        );
        if !under_way || self.quit_armed {
            return Some(MockOutcome::Quit);
        }
        if self.phase == Phase::Asking {
            self.pause(now);
        }
        self.quit_armed = true;
        self.message = Some(QUIT_WARNING.to_string());
        None
    }

    fn update_setup(&mut self, action: Action) -> Option<MockOutcome> {
        let setup = &mut self.setup;
        let row = setup.rows.get(setup.cursor).copied();
        match action {
            Action::MoveDown => setup.cursor = (setup.cursor + 1).min(setup.rows.len() - 1),
            Action::MoveUp => setup.cursor = setup.cursor.saturating_sub(1),
            Action::Toggle => match row {
                Some(SetupRow::Topic(n)) if !setup.checked.remove(&n) => {
                    setup.checked.insert(n);
                }
                Some(SetupRow::Mode) => setup.settings.spoken = !setup.settings.spoken,
                _ => {}
            },
            Action::Decrease | Action::Increase => {
                let up = action == Action::Increase;
                let s = &mut setup.settings;
                match row {
                    Some(SetupRow::Questions) => {
                        s.questions = if up {
                            (s.questions + 1).min(50)
                        } else {
                            s.questions.saturating_sub(1).max(1)
                        }
                    }
                    Some(SetupRow::PerQuestion) => {
                        s.per_question = step(&PER_QUESTION, s.per_question, up);
                    }
                    Some(SetupRow::Total) => s.total = step(&TOTAL, s.total, up),
                    Some(SetupRow::Mode) => s.spoken = !s.spoken,
                    _ => {}
                }
            }
            Action::Start => return Some(MockOutcome::Start),
            Action::Back => return Some(MockOutcome::Leave),
            _ => {}
        }
        None
    }

    fn update_asking(
        &mut self,
        deck: &Deck,
        hinter: Hints<'_>,
        action: Action,
        now: Instant,
    ) -> Option<MockOutcome> {
        match action {
            Action::TextKey(key) => {
                self.editor.input(key);
            }
            Action::FinishQuestion => return self.finish_question(deck, hinter, now, false),
            Action::Pause => self.pause(now),
            Action::Suspend => {
                // Stepping away pauses the clock; `fg` comes back to the pause screen.
                self.pause(now);
                return Some(MockOutcome::Suspend);
            }
            _ => {}
        }
        self.check_clock(deck, hinter, now)
    }

    /// Locks the answer when a clock reaches zero.
    pub fn check_clock(
        &mut self,
        deck: &Deck,
        hinter: Hints<'_>,
        now: Instant,
    ) -> Option<MockOutcome> {
        if self.phase != Phase::Asking {
            return None;
        }
        if self.total_timer.is_some_and(|t| t.expired(now)) {
            self.keep_current(deck, hinter, now, true);
            self.questions.truncate(self.answers.len());
            self.enter_debrief()
        } else if self.question_timer.expired(now) {
            self.finish_question(deck, hinter, now, true)
        } else {
            None
        }
    }

    fn pause(&mut self, now: Instant) {
        self.question_timer.pause(now);
        if let Some(t) = &mut self.total_timer {
            t.pause(now);
        }
        self.phase = Phase::Paused {
            confirm_abort: false,
        };
    }

    fn update_paused(
        &mut self,
        deck: &Deck,
        hinter: Hints<'_>,
        action: Action,
        now: Instant,
        confirm_abort: bool,
    ) -> Option<MockOutcome> {
        match (action, confirm_abort) {
            // From the question "abort?", no (or any resume key) goes straight back.
            (Action::Resume, _) | (Action::Cancel, true) => {
                self.question_timer.resume(now);
                if let Some(t) = &mut self.total_timer {
                    t.resume(now);
                }
                self.phase = Phase::Asking;
            }
            (Action::Abort, false) => {
                self.phase = Phase::Paused {
                    confirm_abort: true,
                }
            }
            (Action::Confirm, true) => {
                self.aborted = true;
                self.question_timer.resume(now);
                self.keep_current(deck, hinter, now, false);
                self.questions.truncate(self.answers.len());
                return self.enter_debrief();
            }
            _ => {}
        }
        None
    }

    fn finish_question(
        &mut self,
        deck: &Deck,
        hinter: Hints<'_>,
        now: Instant,
        timed_out: bool,
    ) -> Option<MockOutcome> {
        if self.follow_up.is_some() {
            self.record_follow_up(now, timed_out);
        } else {
            self.record(deck, hinter, now, timed_out);
            // A real interviewer follows up: one of the card's follow-ups, on a shorter
            // clock, before the next question.
            if self.setup.settings.follow_ups
                && let Some(question) = self.pick_follow_up(deck)
            {
                self.follow_up = Some(question);
                self.editor = new_editor();
                self.question_timer =
                    Timer::start(now, follow_up_time(self.setup.settings.per_question));
                return None;
            }
        }
        self.current += 1;
        if self.current < self.questions.len() {
            self.editor = new_editor();
            self.question_timer = Timer::start(now, self.setup.settings.per_question);
            None
        } else {
            self.enter_debrief()
        }
    }

    /// Keeps what is being answered now: the follow-up, or the main answer.
    fn keep_current(&mut self, deck: &Deck, hinter: Hints<'_>, now: Instant, timed_out: bool) {
        if self.follow_up.is_some() {
            self.record_follow_up(now, timed_out);
        } else {
            self.record(deck, hinter, now, timed_out);
        }
    }

    /// One of the current card's follow-up questions, chosen with the interview's seed.
    fn pick_follow_up(&self, deck: &Deck) -> Option<String> {
        let card = &deck.cards[*self.questions.get(self.current)?];
        let n = card.follow_ups.len();
        (n > 0).then(|| {
            let i = follow_up_choice(self.setup.settings.seed, self.current, n);
            card.follow_ups[i].clone()
        })
    }

    /// Keeps the answer to the follow-up, with the main answer it followed.
    fn record_follow_up(&mut self, now: Instant, timed_out: bool) {
        let Some(question) = self.follow_up.take() else {
            return;
        };
        let limit = self.question_timer.limit;
        let used = self.question_timer.elapsed(now);
        if let Some(last) = self.answers.last_mut() {
            last.follow_up = Some(FollowUp {
                question,
                answer: self.editor.lines().join("\n"),
                time_used: limit.map_or(used, |l| used.min(l)),
                timed_out,
            });
        }
    }

    /// Keeps the answer to the current question, as it stands.
    fn record(&mut self, deck: &Deck, hinter: Hints<'_>, now: Instant, timed_out: bool) {
        let Some(&card_index) = self.questions.get(self.current) else {
            return;
        };
        let card = &deck.cards[card_index];
        let answer = self.editor.lines().join("\n");
        let limit = self.question_timer.limit;
        let used = self.question_timer.elapsed(now);
        let hints = hinter().card(&card.key_points, &answer);
        self.answers.push(MockAnswer {
            card: card_index,
            card_id: card.id.clone(),
            question: card.question.clone(),
            topic: card.topic.last().cloned().unwrap_or_default(),
            answer,
            time_used: limit.map_or(used, |l| used.min(l)),
            time_allowed: limit,
            timed_out,
            key_points: card.key_points.clone(),
            covered: hints.iter().map(crate::hint::PointHint::covered).collect(),
            hints,
            grade: None,
            follow_up: None,
        });
    }
}

/// The grade the checklist suggests (the review's rule, `review::suggest_grade`).
pub fn suggested_grade(covered: usize, total: usize) -> Option<Grade> {
    crate::review::suggest_grade(covered, total)
}

fn step(choices: &[Option<u64>], current: Option<Duration>, up: bool) -> Option<Duration> {
    let now = current.map(|d| d.as_secs());
    let i = choices.iter().position(|c| *c == now).unwrap_or(0);
    let j = if up {
        (i + 1).min(choices.len() - 1)
    } else {
        i.saturating_sub(1)
    };
    choices[j].map(Duration::from_secs)
}

fn new_editor() -> TextArea<'static> {
    let mut editor = TextArea::default();
    editor.set_wrap_mode(WrapMode::WordOrGlyph);
    editor.set_placeholder_text("Type your answer as you would say it…");
    editor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_grades_follow_coverage() {
        assert_eq!(suggested_grade(4, 4), Some(Grade::Good));
        assert_eq!(suggested_grade(2, 4), Some(Grade::Hard));
        assert_eq!(suggested_grade(1, 4), Some(Grade::Again));
        assert_eq!(suggested_grade(0, 0), None);
    }

    #[test]
    fn setup_steps_through_the_choices() {
        assert_eq!(
            step(&PER_QUESTION, Some(Duration::from_secs(240)), true),
            Some(Duration::from_secs(300))
        );
        assert_eq!(step(&PER_QUESTION, None, false), None);
        assert_eq!(
            step(&TOTAL, Some(Duration::from_secs(5400)), true),
            Some(Duration::from_secs(5400))
        );
    }
}
