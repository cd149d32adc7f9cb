//! The status bar: where you are on the left, the keys that matter here on the right,
//! generated from the live keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::wrap::{self, truncate};
use crate::app::mock::Phase;
use crate::app::tree_view::Row;
use crate::app::{App, Focus, Screen};
use crate::keymap;
use crate::text::sanitize::sanitize;
use crate::theme::Role;

/// Draws the bar; returns false when a message did not fit it (`message_above` then
/// shows it in full).
pub fn draw(frame: &mut Frame, area: Rect, app: &App) -> bool {
    let theme = app.theme();
    let context = app.context();
    let mut hints: Vec<Span> = Vec::new();
    let budget = usize::from(area.width).saturating_sub(28);
    for (actions, label) in hints_now(app, context) {
        let keys: Vec<String> = actions
            .iter()
            .filter_map(|a| app.keymap().first_key(context, *a))
            .collect();
        if keys.is_empty() {
            continue;
        }
        let key = Span::styled(
            format!(" {} ", keys.join("/")),
            theme.style(Role::StatusKey),
        );
        let text = Span::styled(format!("{label} "), theme.style(Role::Status));
        let used: usize = hints.iter().map(|s| wrap::width(&s.content)).sum();
        if used + wrap::width(&key.content) + wrap::width(&text.content) > budget {
            break;
        }
        hints.push(key);
        hints.push(text);
    }
    let hints_width: usize = hints.iter().map(|s| wrap::width(&s.content)).sum();
    let left_room = usize::from(area.width).saturating_sub(hints_width + 1);
    // A message too long for the bar is drawn in full above it (`message_above`).
    let fitted = app.message().is_none_or(|m| fits(m, left_room));
    let (left, style) = match app.message().filter(|m| fits(m, left_room)) {
        Some(m) => (
            sanitize(m, false).into_owned(),
            theme.style(Role::Info).patch(theme.style(Role::Status)),
        ),
        None => (position(app, left_room), theme.style(Role::Status)),
    };
    let left = truncate(&format!(" {left}"), left_room);
    let pad = usize::from(area.width).saturating_sub(wrap::width(&left) + hints_width);
    let mut spans = vec![
        Span::styled(left, style),
        Span::styled(" ".repeat(pad), theme.style(Role::Status)),
    ];
    if hints_width < usize::from(area.width) {
        spans.extend(hints);
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.style(Role::Status)),
        area,
    );
    fitted
}

/// Whether a message fits the status bar's `room` as it is.
fn fits(message: &str, room: usize) -> bool {
    wrap::width(&sanitize(message, false)) < room
}

/// A message longer than the status bar has room for, in full on the lines above it
/// (`area` ends just above the bar), so no word is cut off.
pub fn message_above(frame: &mut Frame, area: Rect, app: &App) {
    let Some(message) = app.message() else {
        return;
    };
    let theme = app.theme();
    let style = theme.style(Role::Info).patch(theme.style(Role::Status));
    let lines = wrap::wrap(
        &[(sanitize(message, false).into_owned(), style)],
        usize::from(area.width).saturating_sub(2).max(8),
        &[Span::styled(" ", style)],
        &[Span::styled(" ", style)],
    );
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rows = Rect {
        y: area.y + area.height - height,
        height,
        ..area
    };
    frame.render_widget(ratatui::widgets::Clear, rows);
    frame.render_widget(Paragraph::new(lines).style(style), rows);
}

/// The hints of `context`, or while a mock asks "abort?", the answers to it.
fn hints_now(
    app: &App,
    context: keymap::Context,
) -> Vec<(Vec<crate::action::Action>, &'static str)> {
    use crate::action::Action;
    if let Some(Screen::Mock(m)) = app.screen()
        && m.phase
            == (Phase::Paused {
                confirm_abort: true,
            })
        && app.help().is_none()
    {
        return vec![
            (vec![Action::Confirm], "abort"),
            (vec![Action::Cancel, Action::Resume], "resume"),
        ];
    }
    // With the card focused, j/k scroll it, Tab goes through its panes and q goes back to
    // the tree: the hints say so rather than "move", "open" and "quit", which are about
    // the tree.
    if context == keymap::Context::Browse
        && app.screen().is_some_and(|s| matches!(s, Screen::Browse(_)))
        && app.browse().is_some_and(|b| b.focus == Focus::Card)
    {
        return vec![
            (vec![Action::MoveDown, Action::MoveUp], "scroll"),
            (vec![Action::FocusNext], "next pane"),
            (vec![Action::Back], "back to the tree"),
            (vec![Action::Search], "search"),
            (vec![Action::Help], "help"),
            (vec![Action::ToggleExtras], "example"),
        ];
    }
    keymap::hints(context)
}

/// "Platform › Kubernetes · card 3 of 11".
fn position(app: &App, room: usize) -> String {
    let browse = match app.screen() {
        Some(Screen::Review(_)) => return "Review".to_string(),
        Some(Screen::Stats(_)) => return "Statistics".to_string(),
        Some(Screen::Stories(_)) => return "Story bank".to_string(),
        Some(Screen::Mock(m)) => {
            return match m.phase {
                Phase::Setup => "Mock interview: setup".to_string(),
                Phase::Debrief => "Mock interview: debrief".to_string(),
                Phase::Result => "Mock interview: result".to_string(),
                _ => "Mock interview".to_string(),
            };
        }
        Some(Screen::Browse(b)) => b,
        None => return String::new(),
    };
    let tree = &app.deck().tree;
    let (node, tail) = match browse.tree.current() {
        Some(Row::Card(c)) => {
            let node = app.card_node(c);
            let siblings = &tree.nodes[node].cards;
            let n = siblings.iter().position(|&s| s == c).map_or(0, |i| i + 1);
            (node, format!("card {n} of {}", siblings.len()))
        }
        Some(Row::Node(n)) => (n, format!("{} cards", tree.nodes[n].total)),
        None => return "no cards".to_string(),
    };
    let path: Vec<String> = tree
        .path(node)
        .iter()
        .map(|t| sanitize(t, false).into_owned())
        .collect();
    fit_path(&path, &tail, room)
}

/// "Topic › Sub · card 2 of 6" in `room` columns (one of them the bar's leading
/// space): the outer topics give way first ("… › Sub"), then the innermost topic is
/// cut; the count after it is always whole.
fn fit_path(path: &[String], tail: &str, room: usize) -> String {
    let fits = |text: &str| wrap::width(text) < room;
    if path.is_empty() {
        return tail.to_string();
    }
    let whole = format!("{} · {tail}", path.join(" › "));
    if fits(&whole) {
        return whole;
    }
    for skip in 1..path.len() {
        let shorter = format!("… › {} · {tail}", path[skip..].join(" › "));
        if fits(&shorter) {
            return shorter;
        }
    }
    let tail = format!(" · {tail}");
    let last = path.last().map_or("", String::as_str);
    let topic_room = room.saturating_sub(wrap::width(&tail) + 1);
    format!("{}{tail}", truncate(last, topic_room))
}

#[cfg(test)]
mod tests {
    use super::fit_path;

    fn path(parts: &[&str]) -> Vec<String> {
        parts.iter().map(|p| (*p).to_string()).collect()
    }

    #[test]
    fn a_long_path_gives_way_before_the_card_count() {
        let p = path(&["Delivery", "CI/CD pipelines"]);
        assert_eq!(
            fit_path(&p, "card 1 of 6", 80),
            "Delivery › CI/CD pipelines · card 1 of 6"
        );
        assert_eq!(
            fit_path(&p, "card 1 of 6", 34),
            "… › CI/CD pipelines · card 1 of 6"
        );
        assert_eq!(
            fit_path(&p, "card 1 of 6", 33),
            "CI/CD pipelines · card 1 of 6"
        );
        let cut = fit_path(&p, "card 1 of 6", 24);
        assert!(cut.ends_with(" · card 1 of 6"), "{cut}");
        assert!(super::wrap::width(&cut) < 24, "{cut}");
        assert_eq!(fit_path(&[], "212 cards", 5), "212 cards");
    }
}
