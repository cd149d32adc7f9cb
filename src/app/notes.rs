//! The person's own answer to a card: the in-app editor over any screen (`w`), the
//! hand-off to `$VISUAL` / `$EDITOR` (`W`), and the answers kept in the App for drawing.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::mock::Phase;
use super::review::Side;
use super::{App, Effect, Screen};
use crate::action::Action;
use crate::ids::CardId;
use crate::keymap::Context;

/// The in-app editor of a card's own answer, over the screen it was opened from.
pub struct NoteEditor {
    /// The card, by index in the deck.
    pub card: usize,
    pub editor: TextArea<'static>,
    /// The text as it was when the editor opened, to tell whether anything changed.
    pub original: String,
    /// Ctrl-C was pressed with changes: asking whether to drop them.
    pub confirm_drop: bool,
}

impl NoteEditor {
    fn new(card: usize, text: &str) -> NoteEditor {
        let mut editor = if text.is_empty() {
            TextArea::default()
        } else {
            TextArea::from(text.lines().map(str::to_string))
        };
        // Writing goes on where the text ends.
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        editor.set_wrap_mode(WrapMode::WordOrGlyph);
        editor.set_placeholder_text(
            "Your own example, in your words: your system, your numbers, what you did…",
        );
        NoteEditor {
            card,
            editor,
            original: text.to_string(),
            confirm_drop: false,
        }
    }

    /// The text as it stands.
    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// True when the text differs from what was stored.
    pub fn changed(&self) -> bool {
        self.text().trim_end() != self.original.trim_end()
    }
}

impl App {
    /// The card's own answer, if the person wrote one.
    pub fn note(&self, card_id: &str) -> Option<&str> {
        self.notes.get(card_id).map(String::as_str)
    }

    /// How many cards have an own answer.
    pub fn notes_count(&self) -> usize {
        self.notes.len()
    }

    /// The stored own answers, by card id (from the database at start).
    pub fn with_notes(mut self, notes: impl IntoIterator<Item = (String, String)>) -> App {
        self.notes = notes.into_iter().collect();
        self
    }

    /// The in-app editor of an own answer, when open.
    pub fn note_editor(&self) -> Option<&NoteEditor> {
        self.note_editor.as_ref()
    }

    /// The card whose own answer `w` / `W` would write on the screen in front: the
    /// browser's selected card, the review's revealed card, the debrief's question.
    pub(super) fn note_target(&self) -> Option<usize> {
        match self.screen()? {
            Screen::Browse(_) => self.selected_card(),
            Screen::Review(r) if r.side == Side::Answer => self.card_index(r.current_id()?),
            Screen::Mock(m) if m.phase == Phase::Debrief => {
                m.answers.get(m.review_index).map(|a| a.card)
            }
            _ => None,
        }
    }

    /// `w` and `W`: opens the card's own answer in the in-app editor or in the
    /// person's editor.
    pub(super) fn open_note(&mut self, external: bool) -> Option<Effect> {
        let Some(card) = self.note_target() else {
            self.message = Some("select a card to write your own answer to it".to_string());
            return None;
        };
        if external {
            return Some(Effect::EditNote(self.card_id(card)));
        }
        let text = self
            .notes
            .get(&self.deck.cards[card].id)
            .cloned()
            .unwrap_or_default();
        self.note_editor = Some(NoteEditor::new(card, &text));
        None
    }

    /// A key while the editor is open: text goes to it; Esc saves; Ctrl-C asks before
    /// dropping changes.
    pub(super) fn update_note(&mut self, action: Action) -> Option<Effect> {
        let editing = self.note_editor.as_mut()?;
        if editing.confirm_drop {
            match action {
                Action::Confirm => {
                    self.note_editor = None;
                    self.message = Some("your changes were dropped".to_string());
                }
                _ => editing.confirm_drop = false,
            }
            return None;
        }
        match action {
            Action::TextKey(key) => {
                editing.editor.input(key);
                None
            }
            Action::Back => {
                let editing = self.note_editor.take()?;
                if !editing.changed() {
                    self.message = Some("your own answer is unchanged".to_string());
                    return None;
                }
                Some(Effect::SaveNote {
                    card: self.card_id(editing.card),
                    text: editing.text().trim_end().to_string(),
                })
            }
            Action::Cancel if editing.changed() => {
                editing.confirm_drop = true;
                None
            }
            Action::Cancel => {
                self.note_editor = None;
                None
            }
            _ => None,
        }
    }

    /// The store kept (or deleted, with `None`) a card's own answer.
    pub(super) fn note_saved(&mut self, card: &CardId, text: Option<String>) {
        match text {
            Some(text) => {
                self.notes.insert(card.as_str().to_string(), text);
            }
            None => {
                self.notes.remove(card.as_str());
            }
        }
    }

    /// The key context while the editor is open.
    pub(super) fn note_context(&self) -> Option<Context> {
        self.note_editor.as_ref().map(|e| {
            if e.confirm_drop {
                Context::NoteConfirm
            } else {
                Context::Note
            }
        })
    }
}
