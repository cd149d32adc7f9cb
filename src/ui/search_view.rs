//! The search overlay: the query, its scope, and ranked results with the matched
//! characters highlighted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::layout::centered;
use super::wrap::{self, truncate};
use crate::app::App;
use crate::app::search::SearchState;
use crate::text::sanitize::sanitize;
use crate::theme::Role;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &SearchState) {
    let theme = &app.theme;
    let popup = centered(area, 80, 75, 36);
    let title = format!(" Search {} ", state.scope.label());
    let count = if state.query.is_empty() {
        String::new()
    } else {
        let n = state.hits.len();
        format!(" {n} {} ", if n == 1 { "match" } else { "matches" })
    };
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(title, theme.title(true)))
        .title(Line::from(Span::styled(count, theme.style(Role::Count))).right_aligned());
    frame.render_widget(Clear, popup);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [input, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
    let query = sanitize(&state.query, false).into_owned();
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled("/ ", theme.style(Role::Bullet)),
                Span::styled(query, theme.style(Role::Question)),
                Span::styled("▏", theme.style(Role::BorderFocused)),
            ]),
            Line::from(Span::styled(
                "─".repeat(usize::from(inner.width)),
                theme.style(Role::Border),
            )),
        ]),
        input,
    );
    let height = usize::from(list.height);
    if state.query.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                "Type to search questions; Tab searches every field.",
                theme.style(Role::Dim),
            ))),
            list,
        );
        return;
    }
    let start = state.selected.saturating_sub(height.saturating_sub(1));
    let width = usize::from(list.width);
    let lines: Vec<Line> = state
        .hits
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, hit)| {
            let card = &app.deck.cards[hit.card];
            let question = sanitize(&card.question, false);
            let topic = sanitize(card.topic.last().map_or("", String::as_str), false).into_owned();
            let room = width.saturating_sub(wrap::width(&topic) + 3);
            let shown = truncate(&question, room);
            let mut spans: Vec<Span> = Vec::new();
            for (k, ch) in shown.chars().enumerate() {
                let style = if hit.indices.binary_search(&(k as u32)).is_ok() {
                    theme.style(Role::Match)
                } else {
                    theme.style(Role::Text)
                };
                spans.push(Span::styled(ch.to_string(), style));
            }
            let pad = width.saturating_sub(wrap::width(&shown) + wrap::width(&topic) + 1);
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(Span::styled(topic, theme.style(Role::Dim)));
            if i == state.selected {
                for s in &mut spans {
                    s.style = s.style.patch(theme.selection(true));
                }
            }
            Line::from(spans)
        })
        .collect();
    if lines.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled("No match.", theme.style(Role::Dim))),
            list,
        );
    } else {
        frame.render_widget(Paragraph::new(lines), list);
    }
}
