//! The whole vocabulary of the app: every key binding names one of these actions, and
//! `App::update` is the only place that interprets them. What an action does on each
//! screen, in words, is `keymap::describe`.

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
    /// Back through the tree and the card's panes.
    FocusPrev,
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
    /// Try again to save a grade the store could not keep.
    Retry,
    /// Every message shown since start, to read again.
    Messages,
    /// The flagged cards, to go through with n / N.
    ListFlagged,
    /// The problems found while reading the files, with file and line.
    Problems,
    /// Write your own answer to the card, in the app.
    WriteNote,
    /// Write your own answer to the card in `$VISUAL` / `$EDITOR`.
    WriteNoteInEditor,
    /// The story bank.
    OpenStories,
    /// Add a story to the bank.
    NewStory,
    /// Delete the selected story (asks first).
    DeleteStory,
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
