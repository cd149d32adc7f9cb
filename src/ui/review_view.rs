//! Draws the review: the question, the typing box, the answer with its key-point
//! checklist and the grade bar with each grade's next interval, and the summary.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::card_view::{self, section};
use super::wrap;
use crate::action::Action;
use crate::app::App;
use crate::app::layout::SIDE_BY_SIDE_MIN_WIDTH;
use crate::app::review::{ReviewScreen, Side};
use crate::keymap::Context;
use crate::model::Card;
use crate::review::{Summary, suggest_grade};
use crate::schedule::{Grade, short_interval};
use crate::text::sanitize::sanitize;
use crate::theme::{Role, Theme};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, r: &ReviewScreen) {
    if r.side == Side::Summary {
        summary(frame, area, app, r);
        return;
    }
    let Some(card) = r
        .current_id()
        .and_then(|id| app.card_index(id))
        .map(|i| &app.deck().cards[i])
    else {
        return;
    };
    let theme = app.theme();
    let [head, body, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header(app, r)), head);
    match r.side {
        Side::Question => question(frame, body, app, r, card),
        Side::Typing => typing(frame, body, app, r, card),
        Side::Answer => answer(frame, body, app, r, card),
        Side::Summary => {}
    }
    frame.render_widget(
        Paragraph::new(grade_bar(app, r, card)).style(theme.style(Role::Status)),
        bar,
    );
    if r.unsaved.is_some()
        && let Some(msg) = &r.message
    {
        unsaved_box(frame, body, app, msg);
    }
}

/// A refused grade: the whole message, wrapped, in a box over the bottom of the card,
/// so no word of it is cut off.
fn unsaved_box(frame: &mut Frame, area: Rect, app: &App, msg: &str) {
    let theme = app.theme();
    let width = usize::from(area.width.saturating_sub(4)).max(10);
    let lines = wrap::wrap(
        &[(msg.to_string(), theme.style(Role::Warning))],
        width,
        &[],
        &[],
    );
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = Rect {
        y: area.y + area.height - height,
        height,
        ..area
    };
    frame.render_widget(ratatui::widgets::Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .padding(ratatui::widgets::Padding::horizontal(1))
                .border_style(theme.style(Role::Warning))
                .title(Span::styled(
                    " Grade not saved ",
                    theme.style(Role::Warning),
                )),
        ),
        popup,
    );
}

/// "Review · 12 left · new card" (or learning / review with lapses).
fn header(app: &App, r: &ReviewScreen) -> Line<'static> {
    let theme = app.theme();
    let mut spans = vec![Span::styled(
        format!(" {} · {} left ", mode_label(r), r.session.remaining()),
        theme.style(Role::TitleFocused),
    )];
    if let Some(c) = r.session.current() {
        let state = card_view::progress_line(Some(&c.state), app.unix_now());
        spans.push(Span::styled(format!("· {state} "), theme.style(Role::Dim)));
    }
    Line::from(spans)
}

fn mode_label(r: &ReviewScreen) -> &'static str {
    match r.session.mode() {
        crate::review::SessionMode::Review => "Review",
        crate::review::SessionMode::Cram => "Cram (schedules unchanged)",
    }
}

fn question(frame: &mut Frame, area: Rect, app: &App, r: &ReviewScreen, card: &Card) {
    let theme = app.theme();
    let width = usize::from(area.width.saturating_sub(4)).max(10);
    let mut lines = vec![Line::default()];
    lines.extend(card_view::question_header(card, width, theme));
    lines.push(Line::default());
    let hint = format!(
        "{} reveals the answer · {} lets you type yours first · {} grade now",
        app.key_for(Context::Review, Action::Reveal),
        app.key_for(Context::Review, Action::TypeAnswer),
        grade_keys(app, Context::Review),
    );
    lines.push(Line::from(Span::styled(hint, theme.style(Role::Dim))));
    if let Some(msg) = &r.message {
        lines.push(Line::from(Span::styled(
            msg.clone(),
            theme.style(Role::Info),
        )));
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .padding(ratatui::widgets::Padding::horizontal(1))
                .border_style(theme.border(true)),
        ),
        area,
    );
}

fn typing(frame: &mut Frame, area: Rect, app: &App, r: &ReviewScreen, card: &Card) {
    let theme = app.theme();
    let width = usize::from(area.width.saturating_sub(2)).max(10);
    let q = card_view::question_header(card, width, theme);
    let q_height = u16::try_from(q.len() + 1)
        .unwrap_or(u16::MAX)
        .min(area.height / 2);
    let [top, editor_area] =
        Layout::vertical([Constraint::Length(q_height), Constraint::Min(3)]).areas(area);
    frame.render_widget(
        Paragraph::new(q),
        top.inner(ratatui::layout::Margin::new(1, 0)),
    );
    let mut editor = r.editor.clone();
    editor.set_block(
        Block::bordered()
            .padding(ratatui::widgets::Padding::horizontal(1))
            .border_style(theme.border(true))
            .title(Span::styled(" Your answer ", theme.title(true)))
            .title_bottom(
                Line::from(Span::styled(
                    format!(
                        " {}: reveal ",
                        app.key_for(Context::ReviewTyping, Action::FinishQuestion)
                    ),
                    theme.style(Role::Dim),
                ))
                .right_aligned(),
            ),
    );
    editor.set_style(theme.style(Role::Text));
    editor.set_cursor_line_style(ratatui::style::Style::default());
    frame.render_widget(&editor, editor_area);
}

fn answer(frame: &mut Frame, area: Rect, app: &App, r: &ReviewScreen, card: &Card) {
    let theme = app.theme();
    let typed = r.editor.lines().join("\n");
    let model_area = if typed.trim().is_empty() {
        area
    } else {
        let (mine, model) = if area.width >= SIDE_BY_SIDE_MIN_WIDTH {
            let [a, b] =
                Layout::horizontal([Constraint::Percentage(35), Constraint::Percentage(65)])
                    .areas(area);
            (a, b)
        } else {
            let [a, b] = Layout::vertical([Constraint::Percentage(25), Constraint::Percentage(75)])
                .areas(area);
            (a, b)
        };
        frame.render_widget(
            Paragraph::new(sanitize(&typed, true).into_owned())
                .wrap(Wrap { trim: false })
                .block(
                    Block::bordered()
                        .padding(ratatui::widgets::Padding::horizontal(1))
                        .border_style(theme.border(false))
                        .title(Span::styled(" Your answer ", theme.title(false))),
                ),
            mine,
        );
        model
    };
    let width = usize::from(model_area.width.saturating_sub(4)).max(8);
    let lines = answer_lines(app, card, width, r);
    super::pane::scrolled(frame, model_area, lines, r.scroll, "Answer", theme);
}

/// The revealed card: the answer, the key points as a checklist, then the rest.
pub fn answer_lines(app: &App, card: &Card, width: usize, r: &ReviewScreen) -> Vec<Line<'static>> {
    let theme = app.theme();
    let mut lines = card_view::question_header(card, width, theme);
    let mut rest = card.clone();
    if let Some(answer) = rest.answer.take() {
        section(&mut lines, "Answer", width, theme);
        lines.extend(super::markdown::render(&answer, width, theme));
    }
    let points = std::mem::take(&mut rest.key_points);
    if !points.is_empty() {
        let covered = r.checklist.iter().filter(|c| **c).count();
        section(
            &mut lines,
            &format!("Key points: {covered}/{} covered", points.len()),
            width,
            theme,
        );
        let marks: Vec<Span<'static>> = points
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let on = r.checklist.get(i).copied().unwrap_or(false);
                let mut style = theme.style(if on { Role::Good } else { Role::Dim });
                if i == r.point {
                    style = style.patch(theme.selection(true));
                }
                Span::styled(if on { "[x] " } else { "[ ] " }, style)
            })
            .collect();
        lines.extend(card_view::bullets(&points, width, theme, Some(&marks)));
    }
    rest.why = None;
    lines.extend(card_view::answer_sections(
        &rest,
        width,
        theme,
        r.show_extras,
        &app.key_for(Context::ReviewAnswer, Action::ToggleExtras),
    ));
    lines
}

/// The grade keys with each grade's next interval; the suggestion once revealed.
fn grade_bar(app: &App, r: &ReviewScreen, card: &Card) -> Line<'static> {
    let theme = app.theme();
    let now = app.unix_now();
    let preview = r.session.preview(now);
    // While typing, the bar shows the keys that grade once the box is closed.
    let context = if r.side == Side::Answer {
        Context::ReviewAnswer
    } else {
        Context::Review
    };
    let mut spans = vec![Span::styled(" ", theme.style(Role::Status))];
    for (i, (grade, role, action)) in [
        (Grade::Again, Role::Again, Action::Grade1),
        (Grade::Hard, Role::Hard, Action::Grade2),
        (Grade::Good, Role::Good, Action::Grade3),
        (Grade::Easy, Role::Easy, Action::Grade4),
    ]
    .into_iter()
    .enumerate()
    {
        if r.two_button && matches!(grade, Grade::Hard | Grade::Easy) {
            continue;
        }
        let interval = preview
            .as_ref()
            .map(|p| short_interval(p[i].interval_secs))
            .unwrap_or_default();
        spans.push(Span::styled(
            format!(" {} {} ", app.key_for(context, action), grade.label()),
            theme.style(role),
        ));
        spans.push(Span::styled(
            format!("{interval}  "),
            theme.style(Role::Status),
        ));
    }
    if r.side == Side::Answer
        && let Some(g) = suggest_grade(
            r.checklist.iter().filter(|c| **c).count(),
            card.key_points.len(),
        )
    {
        spans.push(Span::styled(
            format!(
                "  {}: {}",
                app.key_for(Context::ReviewAnswer, Action::Accept),
                g.label()
            ),
            theme.style(Role::StatusKey),
        ));
    }
    if let Some(msg) = r.message.as_ref().filter(|_| r.unsaved.is_none()) {
        spans.push(Span::styled(format!("  {msg}"), theme.style(Role::Info)));
    }
    Line::from(spans)
}

fn summary(frame: &mut Frame, area: Rect, app: &App, r: &ReviewScreen) {
    let theme = app.theme();
    let Some(s) = &r.summary else {
        return;
    };
    let width = usize::from(area.width.saturating_sub(4)).max(10);
    frame.render_widget(
        Paragraph::new(summary_lines(
            s,
            width,
            theme,
            app.unix_now(),
            &app.key_for(Context::Browse, Action::ReviewTopic),
        ))
        .block(
            Block::bordered()
                .padding(ratatui::widgets::Padding::horizontal(1))
                .border_style(theme.border(true))
                .title(Span::styled(" Session summary ", theme.title(true))),
        )
        .wrap(Wrap { trim: false }),
        area,
    );
}

/// The summary of a finished session.
/// `review_key` is the browser's key that reviews what is due.
pub fn summary_lines(
    s: &Summary,
    width: usize,
    theme: &Theme,
    now: i64,
    review_key: &str,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{} cards reviewed, {} answers in {}",
            s.cards,
            s.answers,
            short_interval(s.elapsed_secs.max(1))
        ),
        theme.style(Role::Question),
    ))];
    section(&mut lines, "Grades", width, theme);
    let most = s.counts.iter().copied().max().unwrap_or(0).max(1);
    let bar_room = width.saturating_sub(16).min(40);
    for (i, (grade, role)) in [
        (Grade::Again, Role::Again),
        (Grade::Hard, Role::Hard),
        (Grade::Good, Role::Good),
        (Grade::Easy, Role::Easy),
    ]
    .into_iter()
    .enumerate()
    {
        let n = s.counts[i];
        let bar = "█".repeat(n * bar_room / most);
        lines.push(Line::from(vec![
            Span::styled(format!("{:<6}{:>4}  ", grade.label(), n), theme.style(role)),
            Span::styled(bar, theme.style(role)),
        ]));
    }
    if !s.topics.is_empty() {
        section(
            &mut lines,
            "Accuracy by topic (first answers not Again)",
            width,
            theme,
        );
        for t in &s.topics {
            let label = wrap::truncate(&sanitize(&t.topic, false), width.saturating_sub(12));
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{:>4.0}%  ", t.ratio() * 100.0),
                    theme.style(Role::Count),
                ),
                Span::styled(label, theme.style(Role::Text)),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        match s.next_due {
            Some(at) if at > now => format!("Next cards due in {}.", short_interval(at - now)),
            Some(_) => {
                format!("More cards are due now: press {review_key} in the browser to go on.")
            }
            None => "Nothing else is scheduled yet.".to_string(),
        },
        theme.style(Role::Info),
    )));
    lines.push(Line::from(Span::styled(
        "q back to the browser · u undoes the last grade",
        theme.style(Role::Dim),
    )));
    lines
}

/// The four grade keys of `context`, as "1/2/3/4".
pub fn grade_keys(app: &App, context: Context) -> String {
    [
        Action::Grade1,
        Action::Grade2,
        Action::Grade3,
        Action::Grade4,
    ]
    .map(|a| app.key_for(context, a))
    .join("/")
}
