//! The in-app editor of a card's own answer: a panel over the screen it was opened
//! from, with the question above the text and, when dropping changes, the question
//! asked in its border.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::action::Action;
use crate::app::layout::centered;
use crate::app::{App, NoteEditor};
use crate::keymap::Context;
use crate::theme::Role;

/// The title of the own answer wherever it is shown.
pub const TITLE: &str = "Your own answer";

/// Draws the editor over `area` (the whole screen but its status bar).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, note: &NoteEditor) {
    let theme = app.theme();
    let popup = centered(area, 90, 90, 40);
    frame.render_widget(Clear, popup);
    let card = &app.deck().cards[note.card];
    let keys = if note.confirm_drop {
        Span::styled(
            format!(
                " Drop your changes? {} drops them · {} keeps writing ",
                app.key_for(Context::NoteConfirm, Action::Confirm),
                app.key_for(Context::NoteConfirm, Action::Cancel)
            ),
            theme.style(Role::Warning),
        )
    } else {
        Span::styled(
            format!(
                " {}: save · {}: close without saving ",
                app.key_for(Context::Note, Action::Back),
                app.key_for(Context::Note, Action::Cancel)
            ),
            theme.style(Role::Dim),
        )
    };
    let block = Block::bordered()
        .padding(ratatui::widgets::Padding::horizontal(1))
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {TITLE}: your system, your numbers "),
            theme.title(true),
        ))
        .title_bottom(Line::from(keys).right_aligned());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let width = usize::from(inner.width).max(8);
    let question = super::card_view::wrapped_question(card, width, theme);
    let height = u16::try_from(question.len())
        .unwrap_or(u16::MAX)
        .min(inner.height / 3)
        .max(1);
    let [head, gap, text] = Layout::vertical([
        Constraint::Length(height),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(question), head);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            "─".repeat(usize::from(gap.width)),
            theme.style(Role::Border),
        ))),
        gap,
    );
    let mut editor = note.editor.clone();
    editor.set_style(theme.style(Role::Text));
    editor.set_cursor_line_style(ratatui::style::Style::default());
    frame.render_widget(&editor, text);
}
