//! Drawing: `draw(frame, &App)` renders the whole screen from a shared borrow.

pub mod card_view;
pub mod help;
pub mod layout;
pub mod markdown;
pub mod mock_view;
pub mod pane;
pub mod review_view;
pub mod search_view;
pub mod stats_view;
pub mod status;
pub mod table;
pub mod tree_pane;
pub mod wrap;

use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::{App, Focus, Overlay, Screen};
use crate::theme::Role;
use layout::{MIN_HEIGHT, MIN_WIDTH};

/// Draws the current screen and any overlay.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let areas = layout::areas(area, app.focus);
    if areas.too_small {
        let text = format!(
            "Terminal too small: {}×{}. prepdeck needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
            area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(text)
                .style(app.theme.style(Role::Warning))
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    if !matches!(app.screen, Screen::Browse) {
        let [body, status_area] = ratatui::layout::Layout::vertical([
            ratatui::layout::Constraint::Min(1),
            ratatui::layout::Constraint::Length(1),
        ])
        .areas(area);
        match &app.screen {
            Screen::Mock(m) => mock_view::draw(frame, body, app, m, app.now),
            Screen::Review(r) => review_view::draw(frame, body, app, r),
            Screen::Stats(s) => stats_view::draw(frame, body, app, s),
            Screen::Browse => {}
        }
        status::draw(frame, status_area, app);
        return;
    }
    if let Some(tree) = areas.tree {
        tree_pane::draw(frame, tree, app);
    }
    if let Some(card) = areas.card {
        draw_card(frame, card, app);
    }
    status::draw(frame, areas.status, app);
    match &app.overlay {
        Some(Overlay::Help { scroll }) => help::draw(frame, area, app, *scroll),
        Some(Overlay::Search(state)) => search_view::draw(frame, area, app, state),
        None => {}
    }
}

fn draw_card(frame: &mut Frame, area: ratatui::layout::Rect, app: &App) {
    let theme = &app.theme;
    let focused = app.focus == Focus::Card && app.overlay.is_none();
    let lines = card_view::document(app);
    let height = usize::from(area.height.saturating_sub(2));
    let scroll = app.card_scroll.min(lines.len().saturating_sub(height));
    let more = if lines.len() > height {
        format!(
            " {}% ",
            ((scroll + height).min(lines.len()) * 100) / lines.len().max(1)
        )
    } else {
        String::new()
    };
    let title = if app.answers_hidden() {
        " Card · answers hidden "
    } else {
        " Card "
    };
    let block = Block::bordered()
        .border_style(theme.border(focused))
        .title(Span::styled(title, theme.title(focused)))
        .title(Line::from(Span::styled(more, theme.style(Role::Count))).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let padded = ratatui::layout::Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let visible: Vec<Line> = lines.iter().skip(scroll).take(height).cloned().collect();
    frame.render_widget(Paragraph::new(visible), padded);
}
