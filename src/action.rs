//! The whole vocabulary of the app: every key binding names one of these actions, and
//! `App::update` is the only place that interprets them.

use serde::{Deserialize, Serialize};

/// Something the person asked for. The snake_case names are the words of the
/// `[keys]` config section; internal actions that no key names are not deserialisable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    MoveDown,
    MoveUp,
    Collapse,
    Expand,
    Open,
    FocusNext,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Search,
    NextMatch,
    PrevMatch,
    ToggleHideAnswers,
    Reveal,
    ToggleExtras,
    Help,
    Back,
    Quit,
    Suspend,
    SearchAccept,
    SearchCancel,
    SearchScope,
    SearchNext,
    SearchPrev,
    OpenMock,
    ReviewTopic,
    ReviewAll,
    OpenStats,
    TypeAnswer,
    Undo,
    Bury,
    Flag,
    Edit,
    FinishQuestion,
    Pause,
    Resume,
    Abort,
    Confirm,
    Cancel,
    Toggle,
    Decrease,
    Increase,
    Start,
    Grade1,
    Grade2,
    Grade3,
    Grade4,
    Accept,
    /// A key for a text area, passed on as it is.
    #[serde(skip)]
    TextKey(crossterm::event::KeyEvent),
    /// Time passed while a timer runs.
    #[serde(skip)]
    Tick,
    /// No key is waiting: a moment for work the person has not asked for yet (building
    /// the all-fields search index a slice at a time).
    #[serde(skip)]
    Idle,
    /// A typed character, in a text field.
    #[serde(skip)]
    Input(char),
    /// Delete the character before the cursor, in a text field.
    #[serde(skip)]
    Backspace,
    /// The terminal changed size.
    #[serde(skip)]
    Resize(u16, u16),
    /// A left click at (column, row).
    #[serde(skip)]
    Click(u16, u16),
    /// The wheel turned at (column, row): negative is up.
    #[serde(skip)]
    Scroll(u16, u16, i8),
}

impl Action {
    /// What the action does, for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::MoveDown => "move down",
            Action::MoveUp => "move up",
            Action::Collapse => "collapse, or go to the parent / the tree",
            Action::Expand => "expand, or go into the card",
            Action::Open => "open the card, or expand the topic",
            Action::FocusNext => "switch between tree and card",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::HalfPageUp => "half a page up",
            Action::HalfPageDown => "half a page down",
            Action::Search => "search questions",
            Action::NextMatch => "next search match",
            Action::PrevMatch => "previous search match",
            Action::ToggleHideAnswers => "hide answers to quiz yourself",
            Action::Reveal => "reveal the hidden answer",
            Action::ToggleExtras => "show example answer and follow-ups",
            Action::Help => "this help",
            Action::Back => "back, or quit",
            Action::Quit => "quit at once",
            Action::Suspend => "suspend to the shell (fg resumes)",
            Action::SearchAccept => "jump to the selected result",
            Action::SearchCancel => "close the search",
            Action::SearchScope => "questions only / all fields",
            Action::SearchNext => "next result",
            Action::SearchPrev => "previous result",
            Action::OpenMock => "mock interview on the selected topic",
            Action::ReviewTopic => "review the selected topic",
            Action::ReviewAll => "review everything due",
            Action::OpenStats => "progress and statistics",
            Action::TypeAnswer => "type your answer first",
            Action::Undo => "undo the last grade",
            Action::Bury => "bury the card until tomorrow",
            Action::Flag => "flag / unflag the card",
            Action::Edit => "edit the card in $VISUAL / $EDITOR",
            Action::FinishQuestion => "finish this question now",
            Action::Pause => "pause (the question is hidden)",
            Action::Resume => "resume",
            Action::Abort => "abort the interview",
            Action::Confirm => "yes",
            Action::Cancel => "no",
            Action::Toggle => "tick / untick",
            Action::Decrease => "less",
            Action::Increase => "more",
            Action::Start => "start",
            Action::Grade1 => "grade Again",
            Action::Grade2 => "grade Hard",
            Action::Grade3 => "grade Good",
            Action::Grade4 => "grade Easy",
            Action::Accept => "take the suggested grade",
            Action::TextKey(_) | Action::Tick | Action::Idle => "",
            Action::Input(_) => "type",
            Action::Backspace => "delete a character",
            Action::Resize(..) | Action::Click(..) | Action::Scroll(..) => "",
        }
    }
}
