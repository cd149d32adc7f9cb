//! The search overlay: the query, its scope, and ranked results with the matched
//! characters highlighted; an all-fields hit also shows the field and the words found.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::wrap::{self, truncate};
use crate::app::App;
use crate::app::layout::centered;
use crate::search::snippet::snippet;
use crate::search::{Scope, SearchState};
use crate::text::sanitize::sanitize;
use crate::theme::Role;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &SearchState) {
    let theme = app.theme();
    let popup = centered(area, 80, 75, 36);
    let title = format!(" Search {} ", state.scope.label());
    let count = if state.query.is_empty() {
        String::new()
    } else {
        match &state.running {
            Some(run) => format!(
                " {} matches so far, {}% searched ",
                run.found(),
                run.percent()
            ),
            None => {
                let n = state.hits.len();
                format!(" {n} {} ", if n == 1 { "match" } else { "matches" })
            }
        }
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
                format!(
                    "Type to search questions; {} searches every field.",
                    app.key_for(
                        crate::keymap::Context::Search,
                        crate::action::Action::SearchScope
                    )
                ),
                theme.style(Role::Dim),
            ))),
            list,
        );
        return;
    }
    // All-fields hits take two rows: the question, then where the words were found.
    let all_fields = state.scope == Scope::AllFields;
    let rows_per_hit = if all_fields { 2 } else { 1 };
    let visible = (height / rows_per_hit).max(1);
    let start = state.selected.saturating_sub(visible - 1);
    let width = usize::from(list.width);
    let mut lines: Vec<Line> = Vec::new();
    for (i, hit) in state.hits.iter().enumerate().skip(start).take(visible) {
        let card = &app.deck().cards[hit.card];
        let question = sanitize(&card.question, false);
        let topic = sanitize(card.topic.last().map_or("", String::as_str), false).into_owned();
        let room = width.saturating_sub(wrap::width(&topic) + 3);
        let shown = truncate(&question, room);
        let mut spans = highlighted(
            &shown,
            &hit.indices,
            theme.style(Role::Text),
            theme.style(Role::Match),
        );
        let pad = width.saturating_sub(wrap::width(&shown) + wrap::width(&topic) + 1);
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(topic, theme.style(Role::Dim)));
        let mut hit_lines = vec![spans];
        if all_fields {
            hit_lines.push(snippet_spans(card, &state.query, width, app));
        }
        for mut spans in hit_lines {
            if i == state.selected {
                for s in &mut spans {
                    s.style = s.style.patch(theme.selection(true));
                }
            }
            lines.push(Line::from(spans));
        }
    }
    if lines.is_empty() {
        let text = match state.scope {
            _ if state.running.is_some() => "No match yet; still searching…".to_string(),
            Scope::AllFields => format!(
                "No card has every word. {} goes back to searching questions only.",
                app.key_for(
                    crate::keymap::Context::Search,
                    crate::action::Action::SearchScope
                )
            ),
            Scope::Questions => "No match.".to_string(),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.style(Role::Dim))),
            list,
        );
    } else {
        frame.render_widget(Paragraph::new(lines), list);
    }
}

/// "  key points: … canary shifts 5% …", the searched words highlighted; or where the
/// question itself holds every word, a note saying so.
fn snippet_spans(
    card: &crate::model::Card,
    query: &str,
    width: usize,
    app: &App,
) -> Vec<Span<'static>> {
    let theme = app.theme();
    let dim = theme.style(Role::Dim);
    let own = || {
        app.note(&card.id)
            .and_then(|note| crate::search::snippet::note_snippet(note, &card.question, query))
    };
    let Some(found) = snippet(card, query).or_else(own) else {
        return vec![Span::styled("  every word is in the question", dim)];
    };
    let label = format!("  {}: ", found.field);
    let room = width.saturating_sub(wrap::width(&label));
    let text = truncate(&sanitize(&found.text, false), room);
    let mut spans = vec![Span::styled(label, dim)];
    spans.extend(highlighted(
        &text,
        &found.marks,
        dim,
        theme.style(Role::Match),
    ));
    spans
}

/// `text` as spans, the characters at `indices` (sorted character positions) in
/// `matched` and the rest in `plain`: one span per run of either, not per character.
fn highlighted(text: &str, indices: &[u32], plain: Style, matched: Style) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (k, ch) in text.chars().enumerate() {
        let is_match = u32::try_from(k).is_ok_and(|k| indices.binary_search(&k).is_ok());
        if is_match != run_matched && !run.is_empty() {
            let style = if run_matched { matched } else { plain };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = is_match;
        run.push(ch);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { plain }));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    #[test]
    fn highlights_runs_of_matched_characters() {
        let (plain, matched) = (Style::new(), Style::new().fg(Color::Red));
        let spans = highlighted("canary", &[0, 1, 4], plain, matched);
        let parts: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == matched))
            .collect();
        assert_eq!(
            parts,
            [("ca", true), ("na", false), ("r", true), ("y", false)]
        );
        assert!(highlighted("", &[], plain, matched).is_empty());
        assert_eq!(highlighted("ab", &[], plain, matched).len(), 1);
    }
}
