//! The card on a wide terminal: the question across the top, then the answer with its
//! key points, the detail, the tables, the takeaway and (on request) the example answer
//! and follow-ups, and the person's own answer, each in a titled pane that scrolls on
//! its own. A pane with nothing in it is not drawn, and no pane is squeezed below a
//! readable width.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::card_view::{self, EXAMPLE_TITLE, section};
use super::{highlight, markdown, pane, table, wrap};
use crate::action::Action;
use crate::app::{App, BrowseState, Focus, PaneKind, PaneMeasure};
use crate::keymap::Context;
use crate::model::Card;
use crate::theme::{Role, Theme};

/// From this terminal width the card is laid out in panes (beside the tree).
pub const PANES_MIN_WIDTH: u16 = 160;
/// No pane column is narrower than this.
const MIN_COLUMN: u16 = 40;

/// Whether a card pane of `area` on a terminal `total` columns wide is laid out in panes.
pub fn paned(total: u16, area: Rect) -> bool {
    total >= PANES_MIN_WIDTH && area.width >= 2 * MIN_COLUMN
}

/// Draws `card` in panes over `area`; returns where each pane went and its lines.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    browse: &BrowseState,
    card: &Card,
) -> Vec<PaneMeasure> {
    let theme = app.theme();
    let hidden = browse.answers_hidden();
    let width = |r: Rect| usize::from(r.width.saturating_sub(4)).max(8);
    // The question, its topic and progress, across the top.
    let mut head =
        card_view::question_header(card, usize::from(area.width.saturating_sub(4)), theme);
    let state = app.states().get(&card.id);
    head.push(Line::from(Span::styled(
        card_view::progress_words(state, app.unix_now()),
        theme.style(Role::Count),
    )));
    let head_height = u16::try_from(head.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height / 3);
    let takeaway = card.takeaway.as_ref().filter(|_| !hidden);
    let takeaway_height = takeaway.map_or(0, |t| {
        let lines = wrap::wrap(
            &[(t.clone(), theme.style(Role::Takeaway))],
            usize::from(area.width.saturating_sub(4)),
            &[],
            &[],
        );
        u16::try_from(lines.len() + 2).unwrap_or(u16::MAX).min(6)
    });
    let [top, middle, bottom] = Layout::vertical([
        Constraint::Length(head_height),
        Constraint::Min(3),
        Constraint::Length(takeaway_height),
    ])
    .areas(area);
    pane::scrolled(frame, top, head, 0, "Card", theme);

    let has_right = !hidden && (card.detail.is_some() || !card.tables.is_empty());
    let extras = browse.show_extras && !hidden && has_extras(card);
    let (left, right) = if has_right {
        let [l, r] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .areas(middle);
        (l, Some(r))
    } else {
        (middle, None)
    };
    // The person's own answer goes under the model's (and its example): its text, or a
    // one-line invitation in a pane just tall enough for it.
    let note = app.note(&card.id);
    let mine = (!hidden).then(|| card_view::own_answer(app, note, Context::Browse, width(left)));
    let mine_height = match (&mine, note) {
        (Some(lines), None) => Constraint::Length(u16::try_from(lines.len() + 2).unwrap_or(3)),
        (Some(_), Some(_)) => Constraint::Percentage(if extras { 30 } else { 40 }),
        (None, _) => Constraint::Length(0),
    };
    let (answer_area, extras_area, mine_area) = if extras {
        let [a, e, m] = Layout::vertical([
            Constraint::Percentage(40),
            Constraint::Percentage(30),
            mine_height,
        ])
        .areas(left);
        (a, Some(e), m)
    } else {
        let [a, m] = Layout::vertical([Constraint::Min(3), mine_height]).areas(left);
        (a, None, m)
    };
    let mut panes: Vec<(PaneKind, Rect, Vec<Line<'static>>)> = Vec::new();
    panes.push((
        PaneKind::Answer,
        answer_area,
        answer_lines(app, card, width(answer_area), hidden),
    ));
    if let Some(r) = right {
        let detail = card
            .detail
            .as_ref()
            .map(|d| markdown::render(d, width(r), theme));
        let tables = (!card.tables.is_empty()).then(|| tables_lines(card, width(r), theme));
        match (detail, tables) {
            (Some(d), Some(t)) => {
                let [a, b] =
                    Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)])
                        .areas(r);
                panes.push((PaneKind::Detail, a, d));
                panes.push((PaneKind::Tables, b, t));
            }
            (Some(d), None) => panes.push((PaneKind::Detail, r, d)),
            (None, Some(t)) => panes.push((PaneKind::Tables, r, t)),
            (None, None) => {}
        }
    }
    if let Some(e) = extras_area {
        panes.push((PaneKind::Extras, e, extras_lines(card, width(e), theme)));
    }
    if let Some(lines) = mine {
        panes.push((PaneKind::Mine, mine_area, lines));
    }
    if let Some(t) = takeaway {
        let lines = wrap::wrap(
            &[(t.clone(), theme.style(Role::Takeaway))],
            width(bottom),
            &[],
            &[],
        );
        panes.push((PaneKind::Takeaway, bottom, lines));
    }
    let focused = browse.focus == Focus::Card && browse.search.is_none() && app.help().is_none();
    let mut measures = Vec::new();
    for (kind, rect, lines) in panes {
        let count = lines.len();
        let title = title(kind);
        let is_focused = focused && browse.pane == kind;
        let lines = highlight::mark_words(lines, browse.marked_words(), theme.style(Role::Match));
        draw_pane(
            frame,
            rect,
            lines,
            browse.scroll_of(kind),
            title,
            is_focused,
            theme,
        );
        measures.push(PaneMeasure {
            kind,
            area: rect,
            lines: count,
        });
    }
    measures
}

fn title(kind: PaneKind) -> &'static str {
    match kind {
        PaneKind::Answer => "Answer",
        PaneKind::Detail => "Detail",
        PaneKind::Tables => "Tables",
        PaneKind::Takeaway => "Takeaway",
        PaneKind::Extras => EXAMPLE_TITLE,
        PaneKind::Mine => card_view::OWN_TITLE,
    }
}

fn has_extras(card: &Card) -> bool {
    card.example.is_some() || !card.follow_ups.is_empty()
}

/// A pane as `pane::scrolled` draws it, its border lit when it has the keyboard.
fn draw_pane(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: usize,
    title: &str,
    focused: bool,
    theme: &Theme,
) {
    let height = usize::from(area.height.saturating_sub(2));
    let (scroll, more) = pane::window(lines.len(), height, scroll);
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(
        ratatui::widgets::Paragraph::new(visible).block(
            ratatui::widgets::Block::bordered()
                .padding(ratatui::widgets::Padding::horizontal(1))
                .border_style(theme.border(focused))
                .title(Span::styled(format!(" {title} "), theme.title(focused)))
                .title(Line::from(Span::styled(more, theme.style(Role::Count))).right_aligned()),
        ),
        area,
    );
}

/// Why it is asked, the answer and the key points; or, in quiz mode, how to see them.
fn answer_lines(app: &App, card: &Card, width: usize, hidden: bool) -> Vec<Line<'static>> {
    let theme = app.theme();
    if hidden {
        return vec![Line::from(Span::styled(
            format!(
                "Answer hidden: {} reveals it, {} shows every answer.",
                app.key_for(Context::Browse, Action::Reveal),
                app.key_for(Context::Browse, Action::ToggleHideAnswers)
            ),
            theme.style(Role::Dim),
        ))];
    }
    let mut out = card_view::unanswered_note(card, theme);
    card_view::push_answer(&mut out, card, width, theme);
    if has_extras(card) && !app.browse().is_some_and(|b| b.show_extras) {
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            format!(
                "{} shows the example answer and follow-ups",
                app.key_for(Context::Browse, Action::ToggleExtras)
            ),
            theme.style(Role::Dim),
        )));
    }
    out
}

fn tables_lines(card: &Card, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (i, t) in card.tables.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        out.extend(table::render(t, width, theme));
    }
    out
}

fn extras_lines(card: &Card, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some(example) = &card.example {
        out.extend(markdown::render(example, width, theme));
    }
    if !card.follow_ups.is_empty() {
        section(&mut out, "Follow-ups", width, theme);
        out.extend(card_view::bullets(&card.follow_ups, width, theme, None));
    }
    out
}
