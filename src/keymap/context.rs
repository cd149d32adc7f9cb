//! The screens and fields that have key bindings of their own.

/// The screens and fields that have bindings of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Browse,
    Search,
    Help,
    MockSetup,
    Mock,
    MockPaused,
    Debrief,
    MockResult,
    Review,
    ReviewTyping,
    ReviewAnswer,
    ReviewSummary,
    Stats,
    /// Writing a card's own answer in the in-app editor.
    Note,
    /// Asked whether to drop the changes to an own answer.
    NoteConfirm,
    /// The story bank.
    Stories,
    /// Adding or editing a story.
    StoryForm,
    /// Asked whether to delete a story or drop the changes to one.
    StoryConfirm,
}

impl Context {
    pub const ALL: [Context; 18] = [
        Context::Browse,
        Context::Search,
        Context::Help,
        Context::MockSetup,
        Context::Mock,
        Context::MockPaused,
        Context::Debrief,
        Context::MockResult,
        Context::Review,
        Context::ReviewTyping,
        Context::ReviewAnswer,
        Context::ReviewSummary,
        Context::Stats,
        Context::Note,
        Context::NoteConfirm,
        Context::Stories,
        Context::StoryForm,
        Context::StoryConfirm,
    ];

    /// The section name in `keys.toml` and in `[keys.NAME]` of the config.
    pub fn name(self) -> &'static str {
        match self {
            Context::Browse => "browse",
            Context::Search => "search",
            Context::Help => "help",
            Context::MockSetup => "mock_setup",
            Context::Mock => "mock",
            Context::MockPaused => "mock_paused",
            Context::Debrief => "debrief",
            Context::MockResult => "mock_result",
            Context::Review => "review",
            Context::ReviewTyping => "review_typing",
            Context::ReviewAnswer => "review_answer",
            Context::ReviewSummary => "review_summary",
            Context::Stats => "stats",
            Context::Note => "note",
            Context::NoteConfirm => "note_confirm",
            Context::Stories => "stories",
            Context::StoryForm => "story_form",
            Context::StoryConfirm => "story_confirm",
        }
    }

    /// A title for the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Browse => "Browse",
            Context::Search => "Search (after /)",
            Context::Help => "Help",
            Context::MockSetup => "Mock interview: setup",
            Context::Mock => "Mock interview: answering",
            Context::MockPaused => "Mock interview: paused",
            Context::Debrief => "Mock interview: debrief",
            Context::MockResult => "Mock interview: result",
            Context::Review => "Review: the question",
            Context::ReviewTyping => "Review: typing an answer",
            Context::ReviewAnswer => "Review: the answer and checklist",
            Context::ReviewSummary => "Review: summary",
            Context::Stats => "Statistics",
            Context::Note => "Your own answer: writing",
            Context::NoteConfirm => "Your own answer: drop the changes?",
            Context::Stories => "Story bank",
            Context::StoryForm => "Story bank: writing a story",
            Context::StoryConfirm => "Story bank: are you sure?",
        }
    }
}
