//! The topic tree pane: folders, files, topics and cards with their counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::wrap::{self, truncate};
use crate::app::tree_view::Row;
use crate::app::{App, BrowseState, Focus};
use crate::text::sanitize::sanitize;
use crate::theme::Role;

/// From this inner width, topic rows show due, new and mastered counts.
const WIDE_COUNTS: usize = 44;

/// A count in a fixed-width column: dimmed when zero.
fn count_span(n: usize, role: Role, theme: &crate::theme::Theme) -> Span<'static> {
    let style = if n == 0 {
        theme.style(Role::Dim)
    } else {
        theme.style(role)
    };
    Span::styled(format!(" {n:>3}"), style)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, browse: &BrowseState) {
    let theme = app.theme();
    let focused = browse.focus == Focus::Tree && browse.search.is_none() && app.help().is_none();
    let total = app.deck().cards.len();
    let legend = if usize::from(area.width.saturating_sub(2)) >= WIDE_COUNTS {
        Line::from(vec![
            Span::styled(" due", theme.style(Role::Due)),
            Span::styled(" new", theme.style(Role::New)),
            Span::styled(" mastered", theme.style(Role::Mastered)),
            Span::styled(" all ", theme.style(Role::Count)),
        ])
        .right_aligned()
    } else {
        Line::default()
    };
    let block = Block::bordered()
        .title_bottom(legend)
        .border_style(theme.border(focused))
        .title(Span::styled(" Topics ", theme.title(focused)))
        .title(Line::from(title_counts(app, total)).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let wide = width >= WIDE_COUNTS;
    let tree = &app.deck().tree;
    let lines: Vec<Line> = browse
        .tree
        .rows
        .iter()
        .enumerate()
        .skip(browse.tree.offset)
        .take(height)
        .map(|(i, (row, depth))| {
            let indent = "  ".repeat(*depth);
            let (icon, name, count, style) = match *row {
                Row::Node(n) => {
                    let node = &tree.nodes[n];
                    let icon = if browse.tree.expanded.contains(&n) {
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
                    sanitize(&app.deck().cards[c].question, false).into_owned(),
                    None,
                    theme.style(Role::Text),
                ),
            };
            let progress = match *row {
                Row::Node(n) => app.counts().get(n).copied().unwrap_or_default(),
                Row::Card(_) => Default::default(),
            };
            // Topics show due, new and mastered counts (due alone when narrow) before
            // the total; a card shows its state instead.
            let badges: Vec<Span> = match *row {
                Row::Node(_) if wide => vec![
                    count_span(progress.due, Role::Due, theme),
                    count_span(progress.new, Role::New, theme),
                    count_span(progress.mastered, Role::Mastered, theme),
                ],
                Row::Node(_) if progress.due > 0 => {
                    vec![count_span(progress.due, Role::Due, theme)]
                }
                Row::Card(c) => {
                    let (text, role) = card_badge(app, c);
                    vec![Span::styled(text, theme.style(role))]
                }
                Row::Node(_) => Vec::new(),
            };
            let badge_width: usize = badges.iter().map(|b| wrap::width(&b.content)).sum();
            let count_text = count.map(|n| format!(" {n:>3}")).unwrap_or_default();
            let room = width.saturating_sub(indent.len() + 2 + count_text.len() + badge_width);
            let name = truncate(&name, room);
            let pad = room.saturating_sub(wrap::width(&name));
            let mut spans = vec![
                Span::raw(indent),
                Span::styled(icon, theme.style(Role::Bullet)),
                Span::styled(name, style),
                Span::raw(" ".repeat(pad)),
            ];
            spans.extend(badges);
            spans.push(Span::styled(count_text, theme.style(Role::Count)));
            if i == browse.tree.selected {
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

/// A one-letter state for a card row: due (•), new (n), mastered (✓); a flagged card
/// shows ⚑ before it.
fn card_badge(app: &App, card: usize) -> (String, Role) {
    let state = app
        .deck()
        .cards
        .get(card)
        .and_then(|c| app.states().get(&c.id));
    let standing = app.standing().get(card).copied().unwrap_or_default();
    let flag = if state.is_some_and(|s| s.flagged) {
        '⚑'
    } else {
        ' '
    };
    let (mark, role) = if standing.due {
        ('•', Role::Due)
    } else {
        match crate::stats::mastery(state) {
            crate::stats::Mastery::New => ('n', Role::New),
            crate::stats::Mastery::Learning => ('·', Role::Learning),
            crate::stats::Mastery::Mastered => ('✓', Role::Mastered),
        }
    };
    (format!("{flag}{mark}"), role)
}

/// "3 due · 113 cards" in the pane's title; the due part only when something is due.
fn title_counts(app: &App, total: usize) -> Vec<Span<'static>> {
    let theme = app.theme();
    let due = app.counts().first().map_or(0, |c| c.due);
    let mut spans = vec![Span::raw(" ")];
    if due > 0 {
        spans.push(Span::styled(format!("{due} due"), theme.style(Role::Due)));
        spans.push(Span::styled(" · ", theme.style(Role::Count)));
    }
    spans.push(Span::styled(
        format!("{total} cards "),
        theme.style(Role::Count),
    ));
    spans
}
