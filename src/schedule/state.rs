//! The scheduling vocabulary: grades, phases and a card's stored state.

use serde::{Deserialize, Serialize};

/// How well the person answered, with Anki's numbers so 1–4 mean the same everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Grade {
    /// In button order, so `Grade::ALL[i]` matches `preview(..)[i]`.
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// The number stored in the log and typed on the keyboard.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The grade for a stored or typed number; `None` outside 1–4.
    pub fn from_number(n: i64) -> Option<Grade> {
        match n {
            1 => Some(Grade::Again),
            2 => Some(Grade::Hard),
            3 => Some(Grade::Good),
            4 => Some(Grade::Easy),
            _ => None,
        }
    }

    /// The word shown on the grade bar.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    /// Index into `[_; 4]` arrays ordered like `ALL`.
    pub fn index(self) -> usize {
        self as usize - 1
    }
}

/// Where a card is in its life: never seen, in short learning steps, on day-scale
/// review intervals, or back in steps after a lapse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    New,
    Learning,
    Review,
    Relearning,
}

impl Phase {
    /// The word stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::New => "new",
            Phase::Learning => "learning",
            Phase::Review => "review",
            Phase::Relearning => "relearning",
        }
    }

    /// Parses the stored word; `None` for anything else, so a bad row is reported.
    pub fn parse(s: &str) -> Option<Phase> {
        match s {
            "new" => Some(Phase::New),
            "learning" => Some(Phase::Learning),
            "review" => Some(Phase::Review),
            "relearning" => Some(Phase::Relearning),
            _ => None,
        }
    }

    /// In short steps (minutes), due again within the day.
    pub fn in_steps(self) -> bool {
        matches!(self, Phase::Learning | Phase::Relearning)
    }
}

/// FSRS's two numbers for one card: how long the memory lasts (days until recall
/// falls to 90%) and how hard the card is (1–10).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    pub stability: f32,
    pub difficulty: f32,
}

/// Everything the scheduler and the queue need about one card; one row of `card_state`.
/// Times are unix seconds. A card with no stored state is `CardState::new_card()`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    /// `None` until the first review.
    pub memory: Option<Memory>,
    /// When the card should next be shown.
    pub due: i64,
    pub last_review: Option<i64>,
    /// Grades that moved this card's schedule (cram grades never do).
    pub reps: u32,
    /// Times a graduated card was forgotten (Again in review phase).
    pub lapses: u32,
    pub phase: Phase,
    /// Index into the learning or relearning steps while `phase.in_steps()`.
    pub step: u32,
    /// Marked by the person for attention; scheduling ignores it.
    pub flagged: bool,
    /// Left out of queues until this time ("not today").
    pub buried_until: Option<i64>,
}

impl CardState {
    /// The state of a card never reviewed.
    pub fn new_card() -> CardState {
        CardState {
            memory: None,
            due: 0,
            last_review: None,
            reps: 0,
            lapses: 0,
            phase: Phase::New,
            step: 0,
            flagged: false,
            buried_until: None,
        }
    }

    /// Buried at `now`: excluded from queues built now.
    pub fn is_buried(&self, now: i64) -> bool {
        self.buried_until.is_some_and(|until| until > now)
    }
}

impl Default for CardState {
    fn default() -> Self {
        CardState::new_card()
    }
}
