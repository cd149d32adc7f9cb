//! What each key does, per screen: one table of (screen, action) → the words the help
//! panel and `prepdeck config --default` show, and the short label of the status-bar
//! hint. The same action can mean something else on another screen (`toggle` ticks a
//! key point in a review and sorts the topics in the stats), so words belong to the
//! pair, never to the action alone.

use std::fmt::Write as _;

use super::{Context, Keymap, action_name, display_key};
use crate::action::Action;

/// One row of the table: the screen, the action, what it does there, and the hint's
/// label in the status bar ("" when it has no hint). Hints are shown in table order;
/// actions with the same label share one hint ("j/k move").
type Row = (Context, Action, &'static str, &'static str);

use Action as A;
use Context as C;

#[rustfmt::skip]
const WORDS: &[Row] = &[
    // The browser. Hints first, most important first.
    (C::Browse, A::MoveDown, "move down", "move"),
    (C::Browse, A::MoveUp, "move up", "move"),
    (C::Browse, A::Open, "open the card, or expand the topic", "open"),
    (C::Browse, A::Search, "search questions", "search"),
    (C::Browse, A::Help, "this help", "help"),
    (C::Browse, A::Back, "back, or quit", "quit"),
    (C::Browse, A::ToggleHideAnswers, "hide answers to quiz yourself", "quiz"),
    (C::Browse, A::ToggleExtras, "show example answer and follow-ups", "example"),
    (C::Browse, A::Collapse, "collapse, or go to the parent / the tree", ""),
    (C::Browse, A::Expand, "expand, or go into the card", ""),
    (C::Browse, A::FocusNext, "next pane: tree, card (or each pane of a wide card)", ""),
    (C::Browse, A::FocusPrev, "previous pane", ""),
    (C::Browse, A::Top, "go to the top", ""),
    (C::Browse, A::Bottom, "go to the bottom", ""),
    (C::Browse, A::PageUp, "page up", ""),
    (C::Browse, A::PageDown, "page down", ""),
    (C::Browse, A::HalfPageUp, "half a page up", ""),
    (C::Browse, A::HalfPageDown, "half a page down", ""),
    (C::Browse, A::NextMatch, "next search match", ""),
    (C::Browse, A::PrevMatch, "previous search match", ""),
    (C::Browse, A::Reveal, "reveal the hidden answer", ""),
    (C::Browse, A::ReviewTopic, "review the selected topic", ""),
    (C::Browse, A::ReviewAll, "review everything due", ""),
    (C::Browse, A::OpenMock, "mock interview on the selected topic", ""),
    (C::Browse, A::OpenStats, "progress and statistics", ""),
    (C::Browse, A::Messages, "every message since start, to read again", ""),
    (C::Browse, A::ListFlagged, "go to the flagged cards (then n / N)", ""),
    (C::Browse, A::Problems, "problems found while reading the files, by file and line", ""),
    (C::Browse, A::WriteNote, "write your own answer to the card", ""),
    (C::Browse, A::WriteNoteInEditor, "write your own answer in $VISUAL / $EDITOR", ""),
    (C::Browse, A::OpenStories, "the story bank: your stories and the cards they answer", ""),
    (C::Browse, A::Quit, "quit at once", ""),
    (C::Browse, A::Suspend, "suspend to the shell (fg resumes)", ""),
    // The search panel.
    (C::Search, A::SearchNext, "next result", "select"),
    (C::Search, A::SearchPrev, "previous result", "select"),
    (C::Search, A::SearchAccept, "jump to the selected result", "jump"),
    (C::Search, A::SearchScope, "questions only / all fields", "scope"),
    (C::Search, A::SearchCancel, "close the search", "close"),
    (C::Search, A::Help, "this help", ""),
    (C::Search, A::Quit, "quit at once", ""),
    // The help panel.
    (C::Help, A::MoveDown, "scroll down", "scroll"),
    (C::Help, A::MoveUp, "scroll up", "scroll"),
    (C::Help, A::Back, "close the help", "close"),
    (C::Help, A::PageDown, "page down", ""),
    (C::Help, A::PageUp, "page up", ""),
    (C::Help, A::Top, "go to the top", ""),
    (C::Help, A::Bottom, "go to the bottom", ""),
    (C::Help, A::Quit, "quit at once", ""),
    // Mock interview: the setup form.
    (C::MockSetup, A::MoveDown, "next row", "move"),
    (C::MockSetup, A::MoveUp, "previous row", "move"),
    (C::MockSetup, A::Toggle, "tick / untick a topic, or switch typed / spoken", "tick"),
    (C::MockSetup, A::Decrease, "less (questions, minutes)", "change"),
    (C::MockSetup, A::Increase, "more (questions, minutes)", "change"),
    (C::MockSetup, A::Start, "start the interview", "start"),
    (C::MockSetup, A::Back, "back without starting", "back"),
    (C::MockSetup, A::Help, "this help", ""),
    (C::MockSetup, A::Quit, "quit at once", ""),
    // Mock interview: answering. Every other key goes to the answer.
    (C::Mock, A::FinishQuestion, "finish this question now", "done"),
    (C::Mock, A::Pause, "pause (the question is hidden)", "pause"),
    (C::Mock, A::Help, "this help (the clock keeps running)", "help"),
    (C::Mock, A::Quit, "quit (asks first: the interview would be lost)", ""),
    (C::Mock, A::Suspend, "suspend to the shell (fg resumes)", ""),
    // Mock interview: paused.
    (C::MockPaused, A::Resume, "resume the interview", "resume"),
    (C::MockPaused, A::Abort, "abort the interview (asks first)", "abort"),
    (C::MockPaused, A::Confirm, "yes: abort and keep what was answered", ""),
    (C::MockPaused, A::Cancel, "no: resume the interview", ""),
    (C::MockPaused, A::Help, "this help", ""),
    (C::MockPaused, A::Quit, "quit (asks first: the interview would be lost)", ""),
    // Mock interview: the debrief.
    (C::Debrief, A::MoveDown, "next key point", "point"),
    (C::Debrief, A::MoveUp, "previous key point", "point"),
    (C::Debrief, A::Toggle, "mark the key point covered / not covered", "covered?"),
    (C::Debrief, A::Grade1, "grade Again", "grade"),
    (C::Debrief, A::Grade2, "grade Hard", "grade"),
    (C::Debrief, A::Grade3, "grade Good", "grade"),
    (C::Debrief, A::Grade4, "grade Easy", "grade"),
    (C::Debrief, A::Accept, "take the suggested grade", "suggested"),
    (C::Debrief, A::HalfPageDown, "scroll the model answer down", ""),
    (C::Debrief, A::HalfPageUp, "scroll the model answer up", ""),
    (C::Debrief, A::WriteNote, "write your own answer to the card", ""),
    (C::Debrief, A::WriteNoteInEditor, "write your own answer in $VISUAL / $EDITOR", ""),
    (C::Debrief, A::OpenStories, "the story bank, on a story linked to this card", ""),
    (C::Debrief, A::Help, "this help", ""),
    (C::Debrief, A::Quit, "quit (asks first: the interview would be lost)", ""),
    // Mock interview: the result.
    (C::MockResult, A::MoveDown, "scroll down", "scroll"),
    (C::MockResult, A::MoveUp, "scroll up", "scroll"),
    (C::MockResult, A::Back, "done: back to where you came from", "done"),
    (C::MockResult, A::PageDown, "page down", ""),
    (C::MockResult, A::PageUp, "page up", ""),
    (C::MockResult, A::Help, "this help", ""),
    (C::MockResult, A::Quit, "quit at once", ""),
    // Review: the question side.
    (C::Review, A::Reveal, "reveal the answer", "reveal"),
    (C::Review, A::TypeAnswer, "type your answer first", "type"),
    (C::Review, A::Grade1, "grade Again without revealing", "grade"),
    (C::Review, A::Grade2, "grade Hard without revealing", "grade"),
    (C::Review, A::Grade3, "grade Good without revealing", "grade"),
    (C::Review, A::Grade4, "grade Easy without revealing", "grade"),
    (C::Review, A::Undo, "undo the last grade or bury", "undo"),
    (C::Review, A::Back, "stop the review: its summary, then back", "stop"),
    (C::Review, A::Bury, "bury the card until tomorrow", "bury"),
    (C::Review, A::Flag, "flag / unflag the card", "flag"),
    (C::Review, A::Edit, "edit the card in $VISUAL / $EDITOR", "edit"),
    (C::Review, A::Retry, "save again a grade the disk refused", ""),
    (C::Review, A::Help, "this help", ""),
    (C::Review, A::Quit, "quit at once (every grade is saved)", ""),
    (C::Review, A::Suspend, "suspend to the shell (fg resumes)", ""),
    // Review: typing an answer. Every other key goes to the text.
    (C::ReviewTyping, A::FinishQuestion, "close the answer box and reveal", "reveal"),
    (C::ReviewTyping, A::Help, "this help", "help"),
    (C::ReviewTyping, A::Quit, "quit at once (every grade is saved)", ""),
    // Review: the answer and its checklist.
    (C::ReviewAnswer, A::MoveDown, "next key point", "point"),
    (C::ReviewAnswer, A::MoveUp, "previous key point", "point"),
    (C::ReviewAnswer, A::Toggle, "mark the key point covered / not covered", "covered?"),
    (C::ReviewAnswer, A::Accept, "take the suggested grade", "suggested"),
    (C::ReviewAnswer, A::Grade1, "grade Again", "grade"),
    (C::ReviewAnswer, A::Grade2, "grade Hard", "grade"),
    (C::ReviewAnswer, A::Grade3, "grade Good", "grade"),
    (C::ReviewAnswer, A::Grade4, "grade Easy", "grade"),
    (C::ReviewAnswer, A::Undo, "undo the last grade or bury", "undo"),
    (C::ReviewAnswer, A::Back, "stop the review: its summary, then back", "stop"),
    (C::ReviewAnswer, A::Bury, "bury the card until tomorrow", "bury"),
    (C::ReviewAnswer, A::Flag, "flag / unflag the card", "flag"),
    (C::ReviewAnswer, A::Edit, "edit the card in $VISUAL / $EDITOR", "edit"),
    (C::ReviewAnswer, A::ToggleExtras, "show example answer and follow-ups", "example"),
    (C::ReviewAnswer, A::WriteNote, "write your own answer to the card", ""),
    (C::ReviewAnswer, A::WriteNoteInEditor, "write your own answer in $VISUAL / $EDITOR", ""),
    (C::ReviewAnswer, A::OpenStories, "the story bank, on a story linked to this card", ""),
    (C::ReviewAnswer, A::Top, "first key point", ""),
    (C::ReviewAnswer, A::Bottom, "last key point", ""),
    (C::ReviewAnswer, A::HalfPageDown, "scroll the answer down", "scroll"),
    (C::ReviewAnswer, A::HalfPageUp, "scroll the answer up", "scroll"),
    (C::ReviewAnswer, A::Retry, "save again a grade the disk refused", ""),
    (C::ReviewAnswer, A::Help, "this help", ""),
    (C::ReviewAnswer, A::Quit, "quit at once (every grade is saved)", ""),
    (C::ReviewAnswer, A::Suspend, "suspend to the shell (fg resumes)", ""),
    // Review: the summary.
    (C::ReviewSummary, A::Undo, "undo the last grade", "undo"),
    (C::ReviewSummary, A::Back, "done: back to where you came from", "done"),
    (C::ReviewSummary, A::MoveDown, "scroll down", ""),
    (C::ReviewSummary, A::MoveUp, "scroll up", ""),
    (C::ReviewSummary, A::Help, "this help", ""),
    (C::ReviewSummary, A::Quit, "quit at once", ""),
    // Statistics.
    (C::Stats, A::MoveDown, "next topic", "topic"),
    (C::Stats, A::MoveUp, "previous topic", "topic"),
    (C::Stats, A::PageDown, "scroll the panels down", "scroll"),
    (C::Stats, A::PageUp, "scroll the panels up", "scroll"),
    (C::Stats, A::Top, "first topic, panels at the top", ""),
    (C::Stats, A::Bottom, "last topic, panels at the bottom", ""),
    (C::Stats, A::Open, "review the selected topic", "review it"),
    (C::Stats, A::Toggle, "sort topics: reading order / weakest first", "sort"),
    (C::Stats, A::Back, "back to where you came from", "back"),
    (C::Stats, A::Help, "this help", ""),
    (C::Stats, A::Quit, "quit at once", ""),
    // Your own answer, in the app's editor. Every other key goes to the text.
    (C::Note, A::Back, "save your own answer and close the editor", "save"),
    (C::Note, A::Cancel, "close without saving (asks first when changed)", "drop"),
    (C::Note, A::Help, "this help", "help"),
    (C::NoteConfirm, A::Confirm, "yes: drop the changes", "drop them"),
    (C::NoteConfirm, A::Cancel, "no: keep writing", "keep writing"),
    // The story bank.
    (C::Stories, A::MoveDown, "next story, or next card", "move"),
    (C::Stories, A::MoveUp, "previous story, or previous card", "move"),
    (C::Stories, A::FocusNext, "between the stories and the cards", "stories/cards"),
    (C::Stories, A::HalfPageDown, "scroll the selected story down", ""),
    (C::Stories, A::HalfPageUp, "scroll the selected story up", ""),
    (C::Stories, A::NewStory, "add a story", "add"),
    (C::Stories, A::Edit, "edit the selected story", "edit"),
    (C::Stories, A::Toggle, "link / unlink the card under the cursor to the selected story", "link"),
    (C::Stories, A::DeleteStory, "delete the selected story (asks first)", "delete"),
    (C::Stories, A::Undo, "bring back the last story deleted in this session", "undo"),
    (C::Stories, A::Back, "back to where you came from", "back"),
    (C::Stories, A::Help, "this help", ""),
    (C::Stories, A::Quit, "quit at once", ""),
    (C::StoryForm, A::Back, "save the story and close the form", "save"),
    (C::StoryForm, A::FocusNext, "next field", "field"),
    (C::StoryForm, A::FocusPrev, "previous field", "field"),
    (C::StoryForm, A::Cancel, "close without saving (asks first when changed)", "drop"),
    (C::StoryForm, A::Help, "this help", ""),
    (C::StoryConfirm, A::Confirm, "yes", "yes"),
    (C::StoryConfirm, A::Cancel, "no", "no"),
];

/// What `action` does in `context`, for the help panel and `config --default`.
pub fn describe(context: Context, action: Action) -> &'static str {
    WORDS
        .iter()
        .find(|(c, a, _, _)| *c == context && *a == action)
        .map_or("", |(_, _, words, _)| words)
}

/// The status-bar hints of `context`, most important first: the actions sharing each
/// hint and its label.
pub fn hints(context: Context) -> Vec<(Vec<Action>, &'static str)> {
    let mut out: Vec<(Vec<Action>, &'static str)> = Vec::new();
    for &(c, action, _, label) in WORDS {
        if c != context || label.is_empty() {
            continue;
        }
        match out.iter_mut().find(|(_, l)| *l == label) {
            Some((actions, _)) => actions.push(action),
            None => out.push((vec![action], label)),
        }
    }
    out
}

/// The `[keys.*]` sections of `prepdeck config --default`: every binding of every
/// screen with what it does there.
pub fn default_config_section() -> String {
    let keymap = Keymap::default();
    let mut out = String::new();
    for context in Context::ALL {
        let _ = write!(out, "\n[keys.{}]\n", context.name());
        for (action, keys) in keymap.bindings(context) {
            let keys: Vec<String> = keys
                .iter()
                .map(|k| format!("{:?}", super::keys::config_name(&display_key(*k))))
                .collect();
            let _ = write!(
                out,
                "# {}\n{} = [{}]\n",
                describe(context, *action),
                action_name(*action),
                keys.join(", ")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_binding_has_words() {
        let keymap = Keymap::default();
        for context in Context::ALL {
            for (action, _) in keymap.bindings(context) {
                assert!(
                    !describe(context, *action).is_empty(),
                    "{} {} has no words",
                    context.name(),
                    action_name(*action)
                );
            }
        }
    }

    #[test]
    fn every_hint_names_a_bound_action() {
        let keymap = Keymap::default();
        for context in Context::ALL {
            for (actions, label) in hints(context) {
                for action in actions {
                    assert!(
                        keymap.first_key(context, action).is_some(),
                        "{}: hint {label} names unbound {}",
                        context.name(),
                        action_name(action)
                    );
                }
            }
        }
    }

    #[test]
    fn the_default_config_parses_to_the_defaults() {
        use crate::config::Config;
        use std::path::Path;
        let text = crate::config::default_text() + &default_config_section();
        let parsed = Config::parse(&text, Path::new("default.toml")).unwrap();
        let keymap = Keymap::from_config(&parsed, Path::new("default.toml")).unwrap();
        assert_eq!(parsed.theme, Config::default().theme);
        assert_eq!(parsed.review, Config::default().review);
        for context in Context::ALL {
            assert_eq!(
                keymap.bindings(context),
                Keymap::default().bindings(context)
            );
        }
    }

    #[test]
    fn the_same_action_has_its_own_words_on_each_screen() {
        assert_ne!(
            describe(Context::ReviewAnswer, Action::Toggle),
            describe(Context::Stats, Action::Toggle)
        );
    }
}
