//! What goes into `App::update` and what comes out of it: messages in (a person's
//! action, or the result of work the runtime did), effects out (work for the runtime).

use std::path::PathBuf;

use super::browse::PaneMeasure;
use super::review::AnswerView;
use crate::action::Action;
use crate::ids::CardId;
use crate::load::Deck;
use crate::mock::MockResult;
use crate::review::{Persist, Session};
use crate::schedule::CardState;
use crate::stats::Stats;

/// Everything that can change the App: the person's actions, and the results of the
/// effects the runtime performed for it.
#[derive(Debug)]
pub enum Msg {
    /// A key, a click, a tick of the clock, a resize.
    Action(Action),
    /// What the last frame measured, for scrolling that stops at the end.
    Drawn(Measures),
    /// Progress was written: these cards now have these states (`None`: no state saved).
    Saved {
        changes: Vec<(CardId, Option<CardState>)>,
        note: Option<String>,
    },
    /// The store refused a grade; says why.
    GradeRefused(String),
    /// A review session is ready to open.
    ReviewReady {
        session: Box<Session>,
        two_button: bool,
    },
    /// The figures for the stats screen.
    StatsReady(Box<Stats>),
    /// The content was read again after an edit.
    DeckReloaded(Box<Deck>),
    /// A mock interview's report was written there, and its grades stored — or, with
    /// `refused`, why the store refused them and how many grades were lost.
    MockSaved {
        report: PathBuf,
        changes: Vec<(CardId, Option<CardState>)>,
        refused: Option<(String, usize)>,
    },
    /// The story bank changed: the stories as they now are, the one to select, and
    /// what to say.
    StoriesChanged {
        stories: Vec<crate::store::Story>,
        select: Option<i64>,
        message: String,
    },
    /// A card's own answer was saved (`None`: deleted), or not, as `message` says.
    NoteSaved {
        card: CardId,
        text: Option<String>,
        message: String,
    },
    /// Something to tell the person in the status bar (a failure, or nothing to do).
    Message(String),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

/// What the runtime must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    Suspend,
    /// A mock interview ended: store it and write its report.
    MockFinished(Box<MockResult>),
    /// Build a review queue and open the review screen.
    StartReview(ReviewRequest),
    /// Commit a grade before the next card is shown.
    Persist(Box<Persist>),
    /// Take back a review action: the latest grade of the card, its burial, or both.
    Undo {
        card: CardId,
        grade: bool,
        unbury: bool,
    },
    Bury(CardId),
    Flag(CardId, bool),
    /// Open a card's source file in the editor, then reload the content.
    Edit(CardId),
    /// Compute the statistics and open their screen.
    OpenStats,
    /// Store the card's own answer written in the in-app editor (blank: delete it).
    SaveNote {
        card: CardId,
        text: String,
    },
    /// Open the card's own answer in `$VISUAL` / `$EDITOR`, then store it.
    EditNote(CardId),
    /// Store a story (new, edited, relinked, or back from the trash).
    SaveStory(Box<crate::store::Story>),
    /// Delete a story (the screen keeps it in its trash for an undo).
    DeleteStory(i64),
}

/// Which cards a review should draw from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewRequest {
    /// A tree node whose subtree to review; `None` for everything.
    pub node: Option<usize>,
    pub cram: bool,
}

/// Measurements of the last frame drawn. Until a frame is drawn, nothing is known and
/// scrolling is not limited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measures {
    /// Lines of the card pane's document.
    pub card_lines: usize,
    /// How far the help panel can scroll before its last line is at the bottom.
    pub help_max_scroll: usize,
    /// Where the review's answer pane put the key points.
    pub answer: AnswerView,
    /// The browser card's panes, on a wide terminal.
    pub panes: Vec<PaneMeasure>,
    /// How far the stats panels can scroll before their last row is at the bottom.
    pub stats_max_scroll: u16,
}

impl Default for Measures {
    fn default() -> Self {
        Measures {
            card_lines: usize::MAX,
            help_max_scroll: usize::MAX,
            answer: AnswerView::default(),
            panes: Vec::new(),
            stats_max_scroll: u16::MAX,
        }
    }
}
