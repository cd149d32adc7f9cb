//! The help panel: every binding of the screen under it, with what each does there,
//! generated from the live keymap and wrapped to the panel's width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::wrap;
use crate::action::Action;
use crate::app::layout::centered;
use crate::app::{App, HelpState, PanelKind};
use crate::keymap::{Context, describe, display_key};
use crate::text::sanitize::sanitize;
use crate::theme::Role;

/// Width of the keys column.
const KEYS: usize = 18;

/// The contexts whose keys the help lists for `context`: the screen's own, and for the
/// browser its search panel too.
fn sections(context: Context) -> Vec<Context> {
    match context {
        Context::Browse => vec![Context::Browse, Context::Search],
        other => vec![other],
    }
}

/// The lines of the help for `context`, wrapped to `width` columns.
pub fn lines(app: &App, context: Context, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme();
    let keymap = app.keymap();
    let key_style = theme
        .style(Role::StatusKey)
        .patch(theme.style(Role::Text))
        .patch(Style::default().add_modifier(Modifier::BOLD));
    let mut out = Vec::new();
    for section in sections(context) {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(
            section.title(),
            theme.style(Role::Section),
        )));
        for (action, keys) in keymap.bindings(section) {
            let keys: Vec<String> = keys.iter().map(|k| display_key(*k)).collect();
            let keys = format!("  {:<w$}", keys.join(", "), w = KEYS - 2);
            let first = [Span::styled(keys.clone(), key_style)];
            let rest = [Span::raw(" ".repeat(KEYS))];
            // Keys longer than their column push the words onto the next line.
            let (first, runs) = if wrap::width(&keys) > KEYS {
                out.push(Line::from(first.to_vec()));
                (rest.to_vec(), describe(section, *action))
            } else {
                (first.to_vec(), describe(section, *action))
            };
            out.extend(wrap::wrap(
                &[(runs.to_string(), theme.style(Role::Text))],
                width,
                &first,
                &rest,
            ));
        }
    }
    if context == Context::Browse {
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            "Mouse",
            theme.style(Role::Section),
        )));
        out.extend(wrap::wrap(
            &[(
                "click selects a row or focuses a pane; the wheel scrolls the pane under it"
                    .to_string(),
                theme.style(Role::Text),
            )],
            width,
            &[Span::raw("  ")],
            &[Span::raw("  ")],
        ));
    }
    out.push(Line::default());
    let names: Vec<String> = sections(context)
        .iter()
        .map(|c| format!("[keys.{}]", c.name()))
        .collect();
    out.extend(wrap::wrap(
        &[(
            format!(
                "Keys can be changed in config.toml under {}.",
                names.join(" and ")
            ),
            theme.style(Role::Dim),
        )],
        width,
        &[],
        &[],
    ));
    out
}

/// Every message since start, oldest first, wrapped.
fn message_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme();
    if app.history().is_empty() {
        return vec![Line::from(Span::styled(
            "No messages yet.",
            theme.style(Role::Dim),
        ))];
    }
    let mut out = Vec::new();
    for text in app.history() {
        out.extend(wrap::wrap(
            &[(sanitize(text, false).into_owned(), theme.style(Role::Text))],
            width,
            &[Span::styled("• ", theme.style(Role::Bullet))],
            &[Span::raw("  ")],
        ));
    }
    out
}

/// The problems found while reading the files: errors, then warnings, by file and line.
fn problem_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme();
    let deck = app.deck();
    if deck.errors.is_empty() && deck.warnings.is_empty() {
        return vec![Line::from(Span::styled(
            "No problems: every file was read cleanly.",
            theme.style(Role::Dim),
        ))];
    }
    let mut out = Vec::new();
    for (kind, role, list) in [
        ("error", Role::Warning, &deck.errors),
        ("warning", Role::Info, &deck.warnings),
    ] {
        for d in list {
            let place = format!("{}:{}: ", d.file, d.line);
            out.extend(wrap::wrap(
                &[
                    (sanitize(&place, false).into_owned(), theme.style(Role::Dim)),
                    (format!("{kind}: "), theme.style(role)),
                    (
                        sanitize(&d.message, false).into_owned(),
                        theme.style(Role::Text),
                    ),
                ],
                width,
                &[],
                &[Span::raw("    ")],
            ));
        }
    }
    out.push(Line::default());
    out.extend(wrap::wrap(
        &[(
            "`prepdeck check PATH` prints the same list.".to_string(),
            theme.style(Role::Dim),
        )],
        width,
        &[],
        &[],
    ));
    out
}

/// Draws the panel; returns how far it can scroll, for the next update.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &HelpState) -> usize {
    let theme = app.theme();
    let popup = centered(area, 70, 85, 40);
    let close = app.key_for(Context::Help, Action::Back);
    let title = match state.kind {
        PanelKind::Keys => " Help ",
        PanelKind::Messages => " Messages ",
        PanelKind::Problems => " Problems while reading the files ",
    };
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(title, theme.title(true)))
        .title_bottom(
            Line::from(Span::styled(
                format!(" {close} closes "),
                theme.style(Role::Dim),
            ))
            .right_aligned(),
        );
    let width = usize::from(popup.width.saturating_sub(2)).max(1);
    let lines = match state.kind {
        PanelKind::Keys => lines(app, state.context, width),
        PanelKind::Messages => message_lines(app, width),
        PanelKind::Problems => problem_lines(app, width),
    };
    let inner_height = usize::from(popup.height.saturating_sub(2));
    let max_scroll = lines.len().saturating_sub(inner_height);
    let scroll = state.scroll.min(max_scroll);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        popup,
    );
    max_scroll
}
