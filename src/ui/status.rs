//! The status bar: where you are on the left, the keys that matter here on the right,
//! generated from the live keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::wrap::{self, truncate};
use crate::action::Action;
use crate::app::App;
use crate::app::tree_view::Row;
use crate::keymap::Context;
use crate::text::sanitize::sanitize;
use crate::theme::Role;

/// The hints shown for each context, most important first: (actions sharing one
/// hint, label). On a narrow terminal the last ones are dropped.
fn hint_list(context: Context) -> &'static [(&'static [Action], &'static str)] {
    match context {
        Context::Browse => &[
            (&[Action::MoveDown, Action::MoveUp], "move"),
            (&[Action::Open], "open"),
            (&[Action::Search], "search"),
            (&[Action::Help], "help"),
            (&[Action::Back], "quit"),
            (&[Action::ToggleHideAnswers], "quiz"),
            (&[Action::ToggleExtras], "example"),
        ],
        Context::Search => &[
            (&[Action::SearchNext, Action::SearchPrev], "select"),
            (&[Action::SearchAccept], "jump"),
            (&[Action::SearchScope], "scope"),
            (&[Action::SearchCancel], "close"),
        ],
        Context::Help => &[
            (&[Action::MoveDown, Action::MoveUp], "scroll"),
            (&[Action::Back], "close"),
        ],
        Context::MockSetup => &[
            (&[Action::MoveDown, Action::MoveUp], "move"),
            (&[Action::Toggle], "tick"),
            (&[Action::Decrease, Action::Increase], "change"),
            (&[Action::Start], "start"),
            (&[Action::Back], "back"),
        ],
        Context::Mock => &[
            (&[Action::FinishQuestion], "done"),
            (&[Action::Pause], "pause"),
        ],
        Context::MockPaused => &[(&[Action::Resume], "resume"), (&[Action::Abort], "abort")],
        Context::Debrief => &[
            (&[Action::MoveDown, Action::MoveUp], "point"),
            (&[Action::Toggle], "covered?"),
            (
                &[
                    Action::Grade1,
                    Action::Grade2,
                    Action::Grade3,
                    Action::Grade4,
                ],
                "grade",
            ),
            (&[Action::Accept], "suggested"),
        ],
        Context::MockResult => &[
            (&[Action::MoveDown, Action::MoveUp], "scroll"),
            (&[Action::Back], "done"),
        ],
        Context::Review => &[
            (&[Action::Reveal], "reveal"),
            (&[Action::TypeAnswer], "type"),
            (
                &[
                    Action::Grade1,
                    Action::Grade2,
                    Action::Grade3,
                    Action::Grade4,
                ],
                "grade",
            ),
            (&[Action::Undo], "undo"),
            (&[Action::Back], "stop"),
            (&[Action::Bury], "bury"),
            (&[Action::Flag], "flag"),
            (&[Action::Edit], "edit"),
        ],
        Context::ReviewTyping => &[(&[Action::FinishQuestion], "reveal")],
        Context::ReviewAnswer => &[
            (&[Action::MoveDown, Action::MoveUp], "point"),
            (&[Action::Toggle], "covered?"),
            (&[Action::Accept], "suggested"),
            (
                &[
                    Action::Grade1,
                    Action::Grade2,
                    Action::Grade3,
                    Action::Grade4,
                ],
                "grade",
            ),
            (&[Action::Undo], "undo"),
            (&[Action::Back], "stop"),
        ],
        Context::ReviewSummary => &[(&[Action::Undo], "undo"), (&[Action::Back], "done")],
        Context::Stats => &[
            (&[Action::MoveDown, Action::MoveUp], "topic"),
            (&[Action::PageDown, Action::PageUp], "scroll"),
            (&[Action::Open], "review it"),
            (&[Action::Toggle], "sort"),
            (&[Action::Back], "back"),
        ],
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let context = app.context();
    let mut hints: Vec<Span> = Vec::new();
    let budget = usize::from(area.width).saturating_sub(28);
    for (actions, label) in hint_list(context) {
        let keys: Vec<String> = actions
            .iter()
            .filter_map(|a| app.keymap.first_key(context, *a))
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
    let (left, style) = match &app.message {
        Some(m) => (
            sanitize(m, false).into_owned(),
            theme.style(Role::Info).patch(theme.style(Role::Status)),
        ),
        None => (position(app), theme.style(Role::Status)),
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
}

/// "Platform › Kubernetes · card 3 of 11".
fn position(app: &App) -> String {
    match &app.screen {
        crate::app::Screen::Review(_) => return "Review".to_string(),
        crate::app::Screen::Stats(_) => return "Statistics".to_string(),
        _ => {}
    }
    if let crate::app::Screen::Mock(m) = &app.screen {
        return match m.phase {
            crate::app::mock::Phase::Setup => "Mock interview: choose topics and time".to_string(),
            crate::app::mock::Phase::Debrief => "Mock interview: debrief".to_string(),
            crate::app::mock::Phase::Result => "Mock interview: result".to_string(),
            _ => "Mock interview".to_string(),
        };
    }
    let tree = &app.deck.tree;
    match app.tree.current() {
        Some(Row::Card(c)) => {
            let node = app.card_node[c];
            let siblings = &tree.nodes[node].cards;
            let n = siblings.iter().position(|&s| s == c).map_or(0, |i| i + 1);
            let path = sanitize(&tree.path(node).join(" › "), false).into_owned();
            format!("{path} · card {n} of {}", siblings.len())
        }
        Some(Row::Node(n)) => {
            let path = sanitize(&tree.path(n).join(" › "), false).into_owned();
            format!("{path} · {} cards", tree.nodes[n].total)
        }
        None => "no cards".to_string(),
    }
}
