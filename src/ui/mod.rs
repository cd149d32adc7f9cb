//! Drawing: `draw(frame, &App)` renders the whole screen from a shared borrow.

pub mod card_panes;
pub mod card_view;
pub mod debrief;
pub mod help;
pub mod highlight;
pub mod loading;
pub mod markdown;
pub mod mock_view;
pub mod note_view;
pub mod pane;
pub mod plan_line;
pub mod point_hint;
pub mod review_view;
pub mod search_view;
pub mod stats_calendar;
pub mod stats_plan;
pub mod stats_view;
pub mod status;
pub mod stories_view;
pub mod table;
pub mod tree_pane;
pub mod wrap;

use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, Focus, Measures, Screen};
use crate::theme::Role;

/// What drawing keeps between frames: the laid-out card, and what the last frame
/// measured, which the runtime hands to `App::update` as `Msg::Drawn`.
#[derive(Debug, Default)]
pub struct View {
    card: card_view::LayoutCache,
    measures: Measures,
}

impl View {
    /// What the last frame measured.
    pub fn measures(&self) -> Measures {
        self.measures.clone()
    }
}

/// Draws the screen in front and the help panel over it.
pub fn draw(frame: &mut Frame, app: &App, view: &mut View) {
    let area = frame.area();
    view.measures = Measures::default();
    let focus = app.browse().map_or(Focus::Tree, |b| b.focus);
    let header = app.plan_header();
    let areas = layout::areas(area, focus, header.is_some());
    if areas.too_small {
        let text = format!(
            "Terminal too small: {}×{}. prepdeck needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
            area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(text)
                .style(app.theme().style(Role::Warning))
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    match app.screen() {
        Some(Screen::Browse(browse)) => {
            if let (Some(row), Some(header)) = (areas.header, &header) {
                plan_line::draw(frame, row, app, header);
            }
            if let Some(tree) = areas.tree {
                tree_pane::draw(frame, tree, app, browse);
            }
            if let Some(card) = areas.card {
                draw_card(frame, card, app, browse, view);
            }
            if !status::draw(frame, areas.status, app) {
                status::message_above(frame, above(area, areas.status), app);
            }
            if let Some(state) = &browse.search {
                search_view::draw(frame, area, app, state);
            }
        }
        Some(screen) => {
            let [body, status_area] = ratatui::layout::Layout::vertical([
                ratatui::layout::Constraint::Min(1),
                ratatui::layout::Constraint::Length(1),
            ])
            .areas(area);
            match screen {
                Screen::Mock(m) => {
                    view.measures.answer = mock_view::draw(frame, body, app, m, app.now());
                }
                Screen::Review(r) => {
                    view.measures.answer = review_view::draw(frame, body, app, r);
                }
                Screen::Stats(s) => {
                    view.measures.stats_max_scroll = stats_view::draw(frame, body, app, s);
                }
                Screen::Stories(s) => stories_view::draw(frame, body, app, s),
                Screen::Browse(_) => {}
            }
            if !status::draw(frame, status_area, app) {
                status::message_above(frame, above(area, status_area), app);
            }
        }
        None => {}
    }
    if let Some(note) = app.note_editor() {
        let [body, _status] = ratatui::layout::Layout::vertical([
            ratatui::layout::Constraint::Min(1),
            ratatui::layout::Constraint::Length(1),
        ])
        .areas(area);
        note_view::draw(frame, body, app, note);
    }
    if let Some(state) = app.help() {
        view.measures.help_max_scroll = help::draw(frame, area, app, state);
    }
}

/// The rows of `screen` above the status bar `bar`.
fn above(screen: ratatui::layout::Rect, bar: ratatui::layout::Rect) -> ratatui::layout::Rect {
    ratatui::layout::Rect {
        height: bar.y.saturating_sub(screen.y),
        ..screen
    }
}

fn draw_card(
    frame: &mut Frame,
    area: ratatui::layout::Rect,
    app: &App,
    browse: &crate::app::BrowseState,
    view: &mut View,
) {
    if card_panes::paned(app.size().0, area)
        && let Some(c) = app.selected_card()
    {
        view.measures.panes = card_panes::draw(frame, area, app, browse, &app.deck().cards[c]);
        return;
    }
    let theme = app.theme();
    let focused = browse.focus == Focus::Card && browse.search.is_none() && app.help().is_none();
    let lines = card_view::document(app, &mut view.card);
    view.measures.card_lines = lines.len();
    let height = usize::from(area.height.saturating_sub(2));
    let (scroll, more) = pane::window(lines.len(), height, browse.card_scroll);
    let title = if browse.answers_hidden() {
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
    let visible = highlight::mark_words(visible, browse.marked_words(), theme.style(Role::Match));
    frame.render_widget(Paragraph::new(visible), padded);
}
