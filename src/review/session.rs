//! One review sitting as a pure state machine: no I/O, the time passed in, and every
//! change returned as what to persist, so the screen stays thin and tests drive it.
//!
//! A card comes back within the session while its new state is in learning steps
//! (Again always puts it there; a new card's first Good takes it to the 10-minute
//! step), so the session goes on until every card is at Good or better or the person
//! stops. A returning card is asked once its step is due; if nothing else is left it is
//! asked early rather than making the person wait. In cram mode schedules never change:
//! Again brings the card back once more, any other grade finishes it.

use std::collections::{HashSet, VecDeque};

use super::queue::{EntryKind, QueueEntry};
use super::summary::{Graded, Summary};
use crate::model::Card;
use crate::schedule::{CardState, Grade, LEARNING_STEPS, Outcome, Scheduler};
use crate::store::{Coverage, NewReview, ReviewMode};

/// Whether grades move schedules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionMode {
    Review,
    Cram,
}

/// What the person did besides choosing a grade.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer {
    pub time_taken_ms: u64,
    pub coverage: Option<Coverage>,
    pub typed_answer: Option<String>,
}

/// A grade to save: pass to `Store::record(&persist.review, persist.state.as_ref())`
/// before showing the next card.
#[derive(Debug, Clone, PartialEq)]
pub struct Persist {
    pub review: NewReview,
    /// The card's new state; `None` in cram mode.
    pub state: Option<CardState>,
}

/// What `undo` reverted, for the store to revert too: when `grade`, the card's latest
/// grade (`Store::undo_last`); when `unbury`, its burial (`Store::bury(id, None)`) — the
/// last action was a bury, or the card was buried after the grade being taken back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoEffect {
    pub card_id: String,
    pub grade: bool,
    pub unbury: bool,
}

/// One card in the session.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionCard {
    pub entry: QueueEntry,
    /// The card's state as it stands in this session.
    pub state: CardState,
    /// When it should be asked again in this session; `None` once finished.
    pub returns_at: Option<i64>,
    topic: String,
}

#[derive(Debug, Clone)]
struct Snapshot {
    cards: Vec<SessionCard>,
    pending: VecDeque<usize>,
    current: Option<usize>,
    graded: usize,
    /// The action was burying this slot, not grading it.
    buried: Option<usize>,
}

/// A review session over a queue.
#[derive(Debug, Clone)]
pub struct Session {
    scheduler: Scheduler,
    mode: SessionMode,
    cards: Vec<SessionCard>,
    /// Cards not yet asked, in queue order.
    pending: VecDeque<usize>,
    current: Option<usize>,
    buried: HashSet<usize>,
    graded: Vec<Graded>,
    history: Vec<Snapshot>,
    started_at: i64,
}

impl Session {
    /// A session over `queue`, whose entries index into `cards`.
    pub fn new(
        queue: Vec<QueueEntry>,
        cards: &[Card],
        scheduler: Scheduler,
        mode: SessionMode,
        now: i64,
    ) -> Session {
        let cards: Vec<SessionCard> = queue
            .into_iter()
            .map(|entry| SessionCard {
                topic: cards
                    .get(entry.index)
                    .map(Card::topic_label)
                    .unwrap_or_default(),
                state: entry.state.clone(),
                returns_at: Some(now),
                entry,
            })
            .collect();
        let pending: VecDeque<usize> = (0..cards.len()).collect();
        let mut session = Session {
            scheduler,
            mode,
            cards,
            pending,
            current: None,
            buried: HashSet::new(),
            graded: Vec::new(),
            history: Vec::new(),
            started_at: now,
        };
        session.advance(now, None);
        session
    }

    pub fn mode(&self) -> SessionMode {
        self.mode
    }

    /// The card to ask now; `None` when the session is over.
    pub fn current(&self) -> Option<&SessionCard> {
        self.current.map(|i| &self.cards[i])
    }

    pub fn is_finished(&self) -> bool {
        self.current.is_none()
    }

    /// Cards still to finish, including the current one.
    pub fn remaining(&self) -> usize {
        self.cards
            .iter()
            .enumerate()
            .filter(|(i, c)| c.returns_at.is_some() && !self.buried.contains(i))
            .count()
    }

    /// What is left, as Anki counts it: (new, learning, due for review), the current
    /// card included. A new card counts as new until it is first graded; a card in a
    /// learning or relearning step counts as learning.
    pub fn left(&self) -> (usize, usize, usize) {
        let graded: HashSet<usize> = self.graded.iter().map(|g| g.slot).collect();
        let mut counts = (0, 0, 0);
        for (i, c) in self.cards.iter().enumerate() {
            if !self.live(i) {
                continue;
            }
            if c.entry.kind == EntryKind::New && !graded.contains(&i) {
                counts.0 += 1;
            } else if c.state.phase.in_steps() {
                counts.1 += 1;
            } else {
                counts.2 += 1;
            }
        }
        counts
    }

    /// What each grade would do to the current card, for the grade bar (in cram mode
    /// the intervals are what review would give; the schedule is not changed).
    pub fn preview(&self, now: i64) -> Option<[Outcome; 4]> {
        self.current()
            .map(|c| self.scheduler.preview(&c.entry.card_id, &c.state, now))
    }

    /// Grades the current card and moves on; returns what to save.
    pub fn grade(&mut self, grade: Grade, now: i64, answer: Answer) -> Option<Persist> {
        let i = self.current?;
        self.remember(None);
        let card = &mut self.cards[i];
        let first = !self.graded.iter().any(|g| g.slot == i);
        self.graded.push(Graded {
            slot: i,
            topic: card.topic.clone(),
            grade,
            first,
            time_taken_ms: answer.time_taken_ms,
        });
        let state = match self.mode {
            SessionMode::Review => {
                let next = self
                    .scheduler
                    .grade(&card.entry.card_id, &card.state, grade, now);
                card.returns_at = next.phase.in_steps().then_some(next.due);
                card.state = next.clone();
                Some(next)
            }
            SessionMode::Cram => {
                card.returns_at = (grade == Grade::Again).then_some(now + LEARNING_STEPS[0]);
                None
            }
        };
        let review = NewReview {
            card_id: card.entry.card_id.clone(),
            at: now,
            grade,
            time_taken_ms: answer.time_taken_ms,
            coverage: answer.coverage,
            mode: match self.mode {
                SessionMode::Review => ReviewMode::Review,
                SessionMode::Cram => ReviewMode::Cram,
            },
            typed_answer: answer.typed_answer,
        };
        self.advance(now, Some(i));
        Some(Persist { review, state })
    }

    /// Takes back the last grade or bury: the card and the session are exactly as
    /// before it.
    pub fn undo(&mut self) -> Option<UndoEffect> {
        let snap = self.history.pop()?;
        self.cards = snap.cards;
        self.pending = snap.pending;
        self.current = snap.current;
        self.graded.truncate(snap.graded);
        let i = self.current?;
        let unbury = self.buried.remove(&i);
        Some(UndoEffect {
            card_id: self.cards[i].entry.card_id.clone(),
            grade: snap.buried.is_none(),
            unbury,
        })
    }

    /// Keeps the session as it is, for `undo` to come back to.
    fn remember(&mut self, buried: Option<usize>) {
        self.history.push(Snapshot {
            cards: self.cards.clone(),
            pending: self.pending.clone(),
            current: self.current,
            graded: self.graded.len(),
            buried,
        });
    }

    /// Buries the current card for the rest of the session and moves on; returns its
    /// id for `Store::bury(id, Some(until))`.
    pub fn bury(&mut self, now: i64) -> Option<String> {
        let i = self.current?;
        self.remember(Some(i));
        self.buried.insert(i);
        self.advance(now, None);
        Some(self.cards[i].entry.card_id.clone())
    }

    /// Flips the current card's flag; returns (id, flagged) for `Store::set_flag`.
    pub fn toggle_flag(&mut self) -> Option<(String, bool)> {
        let i = self.current?;
        let card = &mut self.cards[i];
        card.state.flagged = !card.state.flagged;
        Some((card.entry.card_id.clone(), card.state.flagged))
    }

    /// Counts, time and accuracy so far (call when finished or when the person stops).
    pub fn summary(&self, now: i64) -> Summary {
        let seen: HashSet<usize> = self.graded.iter().map(|g| g.slot).collect();
        let next_due = match self.mode {
            SessionMode::Review => super::queue::next_due(
                self.cards
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| seen.contains(i))
                    .map(|(_, c)| &c.state),
                now,
            ),
            SessionMode::Cram => None,
        };
        Summary {
            waiting_until: self.waiting_until(),
            ..Summary::from_graded(&self.graded, now - self.started_at, next_due)
        }
    }

    fn live(&self, i: usize) -> bool {
        self.cards[i].returns_at.is_some() && !self.buried.contains(&i)
    }

    /// When a card still in its steps comes back, while the session waits for it (no
    /// card is on screen and none is left to ask before it).
    pub fn waiting_until(&self) -> Option<i64> {
        if self.current.is_some() {
            return None;
        }
        (0..self.cards.len())
            .filter(|&i| self.live(i))
            .filter_map(|i| self.cards[i].returns_at)
            .min()
    }

    /// Asks the waiting card once it is due; true when a card is on screen again.
    pub fn resume(&mut self, now: i64) -> bool {
        if self.current.is_none() {
            self.advance(now, None);
        }
        self.current.is_some()
    }

    /// Chooses the next card: a returning card whose step is due (not the one just
    /// graded while others wait), else the next unseen card. A card still in its steps
    /// is not asked early just because nothing else is left: the session waits for it
    /// (`waiting_until`).
    fn advance(&mut self, now: i64, just: Option<usize>) {
        while let Some(&front) = self.pending.front() {
            if self.live(front) {
                break;
            }
            self.pending.pop_front();
        }
        let unseen: HashSet<usize> = self.pending.iter().copied().collect();
        let returning = |s: &Session, allow_just: bool| {
            (0..s.cards.len())
                .filter(|&i| s.live(i) && !unseen.contains(&i))
                .filter(|&i| allow_just || Some(i) != just)
                .min_by_key(|&i| (s.cards[i].returns_at, i))
        };
        let due_now = |s: &Session, i: usize| s.cards[i].returns_at <= Some(now);
        let due_back = returning(self, false).filter(|&i| due_now(self, i));
        self.current = due_back
            .or_else(|| self.pending.pop_front())
            .or_else(|| returning(self, true).filter(|&i| due_now(self, i)));
    }
}

impl EntryKind {
    /// Short label for the card's state line.
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Learning => "learning",
            EntryKind::Review => "review",
            EntryKind::New => "new",
            EntryKind::Cram => "cram",
            EntryKind::Sweep => "sweep",
        }
    }
}
