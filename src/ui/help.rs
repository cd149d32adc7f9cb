//! The help overlay: every binding of the current screen, generated from the live keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::layout::centered;
use crate::app::App;
use crate::keymap::{Context, display_key};
use crate::theme::Role;

/// The lines of the help for the browser and its search field.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut out = Vec::new();
    for (context, title) in [
        (Context::Browse, "Browse"),
        (Context::Search, "Search (after /)"),
    ] {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(title, theme.style(Role::Section))));
        for (action, keys) in app.keymap.bindings(context) {
            let keys: Vec<String> = keys.iter().map(|k| display_key(*k)).collect();
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {:<16}", keys.join(", ")),
                    theme
                        .style(Role::StatusKey)
                        .patch(theme.style(Role::Text))
                        .patch(
                            ratatui::style::Style::default()
                                .add_modifier(ratatui::style::Modifier::BOLD),
                        ),
                ),
                Span::styled(action.describe(), theme.style(Role::Text)),
            ]));
        }
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        "Mouse",
        theme.style(Role::Section),
    )));
    out.push(Line::from(Span::styled(
        "  click selects a row or focuses a pane; the wheel scrolls the pane under it",
        theme.style(Role::Text),
    )));
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        "Keys can be changed in config.toml under [keys.browse] and [keys.search].",
        theme.style(Role::Dim),
    )));
    out
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let theme = &app.theme;
    let popup = centered(area, 70, 85, 40);
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(" Help ", theme.title(true)))
        .title_bottom(
            Line::from(Span::styled(" Esc closes ", theme.style(Role::Dim))).right_aligned(),
        );
    let lines = lines(app);
    let inner_height = usize::from(popup.height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(inner_height));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        popup,
    );
}
