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
use crate::app::review::{AnswerView, ReviewScreen, Side};
use crate::keymap::Context;
use crate::model::Card;
use crate::review::{Summary, suggest_grade};
use crate::schedule::{Grade, short_interval};
use crate::text::sanitize::sanitize;
use crate::theme::Role;

/// Draws the review; returns where the answer pane put the key points.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, r: &ReviewScreen) -> AnswerView {
    if r.side == Side::Summary {
        summary(frame, area, app, r);
        return AnswerView::default();
    }
    let Some(card) = r
        .current_id()
        .and_then(|id| app.card_index(id))
        .map(|i| &app.deck().cards[i])
    else {
        return AnswerView::default();
    };
    let theme = app.theme();
    let [head, body, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header(app, r)), head);
    let mut view = AnswerView::default();
    match r.side {
        Side::Question => question(frame, body, app, r, card),
        Side::Typing => typing(frame, body, app, r, card),
        Side::Answer => view = answer(frame, body, app, r, card),
        Side::Summary => {}
    }
    frame.render_widget(
        Paragraph::new(grade_bar(app, r, card, bar.width)).style(theme.style(Role::Status)),
        bar,
    );
    if let Some(msg) = &r.message {
        if r.unsaved.is_some() {
            message_box(frame, body, app, msg, " Grade not saved ", Role::Warning);
        } else if r.side == Side::Answer {
            message_box(frame, body, app, msg, " Note ", Role::Info);
        }
    }
    view
}

/// A message in full, wrapped, in a box over the bottom of the card, so no word of it
/// is cut off.
fn message_box(frame: &mut Frame, area: Rect, app: &App, msg: &str, title: &str, role: Role) {
    let theme = app.theme();
    let width = usize::from(area.width.saturating_sub(4)).max(10);
    let lines = wrap::wrap(&[(msg.to_string(), theme.style(role))], width, &[], &[]);
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
                .border_style(theme.style(role))
                .title(Span::styled(title.to_string(), theme.style(role))),
        ),
        popup,
    );
}

/// "Review · 12 left · new card" (or learning / review with lapses).
fn header(app: &App, r: &ReviewScreen) -> Line<'static> {
    let theme = app.theme();
    let left = match r.session.mode() {
        // As Anki counts: new, learning and due for review, each updated after a grade.
        crate::review::SessionMode::Review => {
            let (new, learning, due) = r.session.left();
            format!(
                " {} · {} left: {new} new, {learning} learning, {due} due ",
                mode_label(r),
                r.session.remaining()
            )
        }
        crate::review::SessionMode::Cram => {
            format!(" {} · {} left ", mode_label(r), r.session.remaining())
        }
    };
    let mut spans = vec![Span::styled(left, theme.style(Role::TitleFocused))];
    if let Some(c) = r.session.current() {
        // A card asked although not due: the plan's sweep before its interview.
        if c.entry.kind == crate::review::EntryKind::Sweep {
            spans.push(Span::styled(
                "· sweep before the interview ",
                theme.style(Role::Info),
            ));
        }
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

fn answer(frame: &mut Frame, area: Rect, app: &App, r: &ReviewScreen, card: &Card) -> AnswerView {
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
    let (lines, point_rows) = answer_lines(app, card, width, r);
    let k = |a| app.key_for(Context::ReviewAnswer, a);
    let keys = format!(
        "{} bury · {} flag · {} edit · {} example · {}/{} scroll",
        k(Action::Bury),
        k(Action::Flag),
        k(Action::Edit),
        k(Action::ToggleExtras),
        k(Action::HalfPageDown),
        k(Action::HalfPageUp)
    );
    let keys = if wrap::width(&keys) + 12 < usize::from(model_area.width) {
        keys
    } else {
        String::new()
    };
    super::pane::scrolled_with_keys(frame, model_area, lines, r.scroll, "Answer", &keys, theme);
    AnswerView {
        point_rows,
        height: usize::from(model_area.height.saturating_sub(2)),
    }
}

/// The revealed card: the answer, the key points as a checklist, then the rest; and the
/// line each key point starts on.
pub fn answer_lines(
    app: &App,
    card: &Card,
    width: usize,
    r: &ReviewScreen,
) -> (Vec<Line<'static>>, Vec<usize>) {
    let theme = app.theme();
    let mut lines = card_view::question_header(card, width, theme);
    lines.extend(card_view::unanswered_note(card, theme));
    let mut point_rows = Vec::new();
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
        for (i, point) in points.iter().enumerate() {
            point_rows.push(lines.len());
            lines.extend(super::point_hint::checklist_item(
                point,
                r.checklist.get(i).copied().unwrap_or(false),
                r.hints.get(i),
                width,
                theme,
                Role::Dim,
                i == r.point,
            ));
        }
        point_rows.push(lines.len());
    } else if !card.is_unanswered() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!(
                "No key points to tick for this card: grade it with {}.",
                grade_keys(app, Context::ReviewAnswer)
            ),
            theme.style(Role::Dim),
        )));
    }
    rest.why = None;
    lines.extend(card_view::own_section(
        app,
        card,
        Context::ReviewAnswer,
        width,
    ));
    lines.extend(card_view::answer_sections(
        &rest,
        width,
        theme,
        r.show_extras,
        &app.key_for(Context::ReviewAnswer, Action::ToggleExtras),
    ));
    (lines, point_rows)
}

/// The grade keys with each grade's next interval; the suggestion once revealed. When
/// that is wider than `width` (long intervals such as "10.5mo" on 80 columns), the gaps
/// narrow and the suggestion is told in short.
fn grade_bar(app: &App, r: &ReviewScreen, card: &Card, width: u16) -> Line<'static> {
    let full = grade_bar_spans(app, r, card, false);
    if full.width() <= usize::from(width) {
        full
    } else {
        grade_bar_spans(app, r, card, true)
    }
}

fn grade_bar_spans(app: &App, r: &ReviewScreen, card: &Card, compact: bool) -> Line<'static> {
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
        // Cram changes no schedule, so it shows no interval.
        let interval = preview
            .as_ref()
            .filter(|_| r.session.mode() == crate::review::SessionMode::Review)
            .map(|p| short_interval(p[i].interval_secs))
            .unwrap_or_default();
        spans.push(Span::styled(
            format!(" {} {} ", app.key_for(context, action), grade.label()),
            theme.style(role),
        ));
        spans.push(Span::styled(
            format!("{interval}{}", if compact { "" } else { "  " }),
            theme.style(Role::Status),
        ));
    }
    let covered = r.checklist.iter().filter(|c| **c).count();
    if r.side == Side::Answer
        && let Some(g) = suggest_grade(covered, card.key_points.len())
    {
        let key = app.key_for(Context::ReviewAnswer, Action::Accept);
        let total = card.key_points.len();
        let text = if compact {
            format!(" {key}: {}, {covered}/{total}", g.label())
        } else {
            format!("  {key}: {}, {covered} of {total} ticked", g.label())
        };
        spans.push(Span::styled(text, theme.style(Role::StatusKey)));
    }
    Line::from(spans)
}

fn summary(frame: &mut Frame, area: Rect, app: &App, r: &ReviewScreen) {
    let theme = app.theme();
    let Some(s) = &r.summary else {
        return;
    };
    let width = usize::from(area.width.saturating_sub(4)).max(10);
    let lines = summary_lines(s, width, app);
    let title = if r.session.is_finished() {
        "Session summary"
    } else {
        "Session summary: stopped early"
    };
    super::pane::scrolled(frame, area, lines, r.scroll, title, theme);
}

/// The summary of a finished session.
/// The summary of a sitting, naming the live keys.
pub fn summary_lines(s: &Summary, width: usize, app: &App) -> Vec<Line<'static>> {
    let theme = app.theme();
    let now = app.unix_now();
    let review_key = app.key_for(Context::Browse, Action::ReviewTopic);
    let done_key = app.key_for(Context::ReviewSummary, Action::Back);
    let undo_key = app.key_for(Context::ReviewSummary, Action::Undo);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{} {} reviewed, {} {} in {}",
            s.cards,
            if s.cards == 1 { "card" } else { "cards" },
            s.answers,
            if s.answers == 1 { "answer" } else { "answers" },
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
    if let Some(at) = s.waiting_until {
        // A card in its steps waits here rather than being asked early.
        lines.extend(wrap::wrap(
            &[(
                format!(
                    "A card in its learning steps comes back in {}: stay on this screen and it is asked then, or {done_key} to finish now.",
                    short_interval((at - now).max(1))
                ),
                theme.style(Role::Info),
            )],
            width,
            &[],
            &[],
        ));
    }
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
        format!("{done_key} goes back · {undo_key} undoes the last grade"),
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
