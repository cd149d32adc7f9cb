//! The topic tree pane: folders, files, topics and cards with their counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::wrap::{self, truncate};
use crate::app::tree_view::Row;
use crate::app::{App, Focus};
use crate::text::sanitize::sanitize;
use crate::theme::Role;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let focused = app.focus == Focus::Tree && app.overlay.is_none();
    let total = app.deck.cards.len();
    let block = Block::bordered()
        .border_style(theme.border(focused))
        .title(Span::styled(" Topics ", theme.title(focused)))
        .title(
            Line::from(Span::styled(
                format!(" {total} cards "),
                theme.style(Role::Count),
            ))
            .right_aligned(),
        );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let tree = &app.deck.tree;
    let lines: Vec<Line> = app
        .tree
        .rows
        .iter()
        .enumerate()
        .skip(app.tree.offset)
        .take(height)
        .map(|(i, (row, depth))| {
            let indent = "  ".repeat(*depth);
            let (icon, name, count, style) = match *row {
                Row::Node(n) => {
                    let node = &tree.nodes[n];
                    let icon = if app.tree.expanded.contains(&n) {
                        "▾ "
                    } else {
                        "▸ "
                    };
                    (
                        icon,
                        sanitize(&node.name, false).into_owned(),
                        Some(node.total),
                        theme.style(Role::Topic),
                    )
                }
                Row::Card(c) => (
                    "· ",
                    sanitize(&app.deck.cards[c].question, false).into_owned(),
                    None,
                    theme.style(Role::Text),
                ),
            };
            let count_text = count.map(|n| format!(" {n}")).unwrap_or_default();
            let room = width.saturating_sub(indent.len() + 2 + count_text.len());
            let name = truncate(&name, room);
            let pad = room.saturating_sub(wrap::width(&name));
            let mut spans = vec![
                Span::raw(indent),
                Span::styled(icon, theme.style(Role::Bullet)),
                Span::styled(name, style),
                Span::raw(" ".repeat(pad)),
                Span::styled(count_text, theme.style(Role::Count)),
            ];
            if i == app.tree.selected {
                let sel = theme.selection(focused);
                for span in &mut spans {
                    span.style = span.style.patch(sel);
                }
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
