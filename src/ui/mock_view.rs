//! Draws the mock interview: the setup form, the timed question with its answer box,
//! the pause screen, the debrief beside the model answer, and the result.

use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Gauge, Paragraph, Wrap};

use super::card_view::{self, section};
use super::wrap::{self, truncate};
use crate::action::Action;
use crate::app::App;
use crate::app::layout::{SIDE_BY_SIDE_MIN_WIDTH, centered};
use crate::app::mock::{MockScreen, Phase, SetupRow, WARNING, suggested_grade};
use crate::app::review::AnswerView;
use crate::keymap::Context;
use crate::mock::duration::{clock, short};
use crate::mock::report::grade_name;
use crate::schedule::Grade;
use crate::text::sanitize::sanitize;
use crate::theme::{Role, Theme};

/// Draws the mock interview; in the debrief, returns where the model pane put the key
/// points.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, m: &MockScreen, now: Instant) -> AnswerView {
    match &m.phase {
        Phase::Setup => setup(frame, area, app, m),
        Phase::Asking => asking(frame, area, app, m, now),
        Phase::Paused { confirm_abort } => paused(frame, area, app, m, *confirm_abort, now),
        Phase::Debrief => return debrief(frame, area, app, m),
        Phase::Result => result(frame, area, app, m),
    }
    AnswerView::default()
}

fn setup(frame: &mut Frame, area: Rect, app: &App, m: &MockScreen) {
    let theme = app.theme();
    let block = Block::bordered()
        .padding(ratatui::widgets::Padding::horizontal(1))
        .border_style(theme.border(true))
        .title(Span::styled(" Mock interview: setup ", theme.title(true)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let s = &m.setup.settings;
    let limit = |d: Option<Duration>| d.map_or("no limit".to_string(), short);
    let pool = m.candidates(app.deck()).len();
    let mut lines = Vec::new();
    for (i, row) in m.setup.rows.iter().enumerate() {
        let (label, value) = match row {
            SetupRow::Questions => ("Questions".to_string(), format!("‹ {} ›", s.questions)),
            SetupRow::PerQuestion => (
                "Time per question".to_string(),
                format!("‹ {} ›", limit(s.per_question)),
            ),
            SetupRow::Total => ("Total time".to_string(), format!("‹ {} ›", limit(s.total))),
            SetupRow::Mode => (
                "Answers".to_string(),
                format!(
                    "‹ {} ›",
                    if s.spoken {
                        "spoken (timer and notes)"
                    } else {
                        "typed"
                    }
                ),
            ),
            SetupRow::Topic(n) => {
                let node = &app.deck().tree.nodes[*n];
                let mark = if m.setup.checked.contains(n) {
                    "[x]"
                } else {
                    "[ ]"
                };
                let indent = "  ".repeat(node.depth.saturating_sub(1));
                (
                    format!("{indent}{mark} {}", sanitize(&node.name, false)),
                    format!("{} cards", node.total),
                )
            }
            SetupRow::Start => (
                format!(
                    "▶ Start: {} of {pool} answered cards",
                    s.questions.min(pool)
                ),
                String::new(),
            ),
        };
        if matches!(row, SetupRow::Topic(_))
            && !matches!(
                m.setup.rows.get(i.wrapping_sub(1)),
                Some(SetupRow::Topic(_))
            )
        {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                " Topics (none ticked: all)",
                theme.style(Role::Section),
            )));
        }
        if *row == SetupRow::Start {
            lines.push(Line::default());
        }
        let width = usize::from(inner.width).saturating_sub(2);
        let label = truncate(&label, width.saturating_sub(wrap::width(&value) + 2));
        let pad = width.saturating_sub(wrap::width(&label) + wrap::width(&value));
        let mut spans = vec![
            Span::styled(format!(" {label}"), theme.style(Role::Text)),
            Span::raw(" ".repeat(pad)),
            Span::styled(format!("{value} "), theme.style(Role::Count)),
        ];
        if i == m.setup.cursor {
            for span in &mut spans {
                span.style = span.style.patch(theme.selection(true));
            }
        }
        lines.push(Line::from(spans));
    }
    let cursor_line = lines
        .len()
        .saturating_sub(m.setup.rows.len() - m.setup.cursor);
    // What Enter starts stays in view below the rows, however many topics there are.
    let [list, footer] = Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(inner);
    let height = usize::from(list.height);
    let scroll = cursor_line.saturating_sub(height.saturating_sub(2));
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(0), 0)),
        list,
    );
    let from = if m.setup.checked.is_empty() {
        "all topics".to_string()
    } else {
        let n = m.setup.checked.len();
        format!("{n} ticked topic{}", if n == 1 { "" } else { "s" })
    };
    let start = format!(
        "{} starts: {} questions from {pool} answered cards in {from}",
        app.key_for(Context::MockSetup, Action::Start),
        s.questions.min(pool),
    );
    frame.render_widget(
        Paragraph::new(vec![
            Line::default(),
            Line::from(Span::styled(start, theme.style(Role::StatusKey))),
        ])
        .wrap(Wrap { trim: true }),
        footer,
    );
}

fn header(app: &App, m: &MockScreen, now: Instant) -> Line<'static> {
    let theme = app.theme();
    let n = m.current + 1;
    let topic = m
        .questions
        .get(m.current)
        .and_then(|&c| app.deck().cards[c].topic.last().cloned())
        .unwrap_or_default();
    let follow = if m.follow_up.is_some() {
        " · follow-up"
    } else {
        ""
    };
    let mut spans = vec![
        Span::styled(
            format!(" Question {n} / {}{follow} ", m.questions.len()),
            theme.style(Role::TitleFocused),
        ),
        Span::styled(
            format!("· {} ", sanitize(&topic, false)),
            theme.style(Role::Dim),
        ),
    ];
    if let Some(total) = m.total_timer.and_then(|t| t.remaining(now)) {
        spans.push(Span::styled(
            format!("· {} left in total ", clock(total)),
            theme.style(Role::Count),
        ));
    }
    Line::from(spans)
}

fn asking(frame: &mut Frame, area: Rect, app: &App, m: &MockScreen, now: Instant) {
    let theme = app.theme();
    let Some(&card) = m.questions.get(m.current) else {
        return;
    };
    let question = match &m.follow_up {
        Some(follow_up) => format!("Follow-up: {}", sanitize(follow_up, false)),
        None => sanitize(&app.deck().cards[card].question, false).into_owned(),
    };
    let width = usize::from(area.width.saturating_sub(4)).max(10);
    let q_lines = wrap::wrap(&[(question, theme.style(Role::Question))], width, &[], &[]);
    let q_height = u16::try_from(q_lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(1);
    let [head, gauge, q, answer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(q_height.min(area.height / 3)),
        Constraint::Min(3),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header(app, m, now)), head);
    draw_gauge(frame, gauge, theme, m, now);
    frame.render_widget(
        Paragraph::new(q_lines),
        q.inner(ratatui::layout::Margin::new(2, 0)),
    );
    let title = if m.setup.settings.spoken {
        " Notes (optional) "
    } else {
        " Your answer "
    };
    let keys = format!(
        " {}: done · {}: pause ",
        app.key_for(Context::Mock, Action::FinishQuestion),
        app.key_for(Context::Mock, Action::Pause)
    );
    let block = Block::bordered()
        .padding(ratatui::widgets::Padding::horizontal(1))
        .border_style(theme.border(true))
        .title(Span::styled(title, theme.title(true)))
        .title_bottom(Line::from(Span::styled(keys, theme.style(Role::Dim))).right_aligned());
    let mut editor = m.editor.clone();
    editor.set_block(block);
    editor.set_style(theme.style(Role::Text));
    editor.set_cursor_line_style(ratatui::style::Style::default());
    frame.render_widget(&editor, answer);
}

fn draw_gauge(frame: &mut Frame, area: Rect, theme: &Theme, m: &MockScreen, now: Instant) {
    let timer = m.question_timer;
    let (ratio, label, warn) = match (timer.limit, timer.remaining(now)) {
        (Some(limit), Some(left)) => {
            let ratio = left.as_secs_f64() / limit.as_secs_f64().max(0.001);
            (
                ratio,
                format!("{} left", clock(left + Duration::from_millis(999))),
                left <= WARNING,
            )
        }
        _ => (1.0, format!("{} so far", clock(timer.elapsed(now))), false),
    };
    let style = theme.style(if warn {
        Role::GaugeWarning
    } else {
        Role::Gauge
    });
    frame.render_widget(
        Gauge::default()
            .gauge_style(style)
            .ratio(ratio.clamp(0.0, 1.0))
            .label(label),
        area,
    );
}

fn paused(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    m: &MockScreen,
    confirm_abort: bool,
    now: Instant,
) {
    let theme = app.theme();
    let [head, _] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(Paragraph::new(header(app, m, now)), head);
    // One line per choice, so a key never stands apart from what it does.
    let keys = if confirm_abort {
        vec![
            format!(
                "{}: abort and keep what was answered",
                app.key_for(Context::MockPaused, Action::Confirm)
            ),
            format!(
                "{} / {}: resume",
                app.key_for(Context::MockPaused, Action::Cancel),
                app.key_for(Context::MockPaused, Action::Resume)
            ),
        ]
    } else {
        vec![
            format!(
                "{}: resume",
                app.keymap().keys_text(Context::MockPaused, Action::Resume)
            ),
            format!("{}: abort", app.key_for(Context::MockPaused, Action::Abort)),
        ]
    };
    let (title, title_role, body) = if confirm_abort {
        (
            "Abort the interview?",
            Role::Warning,
            "What you answered so far is kept and marked as aborted.",
        )
    } else {
        (
            "Paused",
            Role::Question,
            "The question is hidden and the clock is stopped.",
        )
    };
    let popup = centered(area, 50, 30, 40);
    let width = usize::from(popup.width.saturating_sub(4)).max(10);
    // Every word fits: the box grows with the wrapped text.
    let mut text = vec![Line::from(Span::styled(title, theme.style(title_role)))];
    text.push(Line::default());
    text.extend(wrap::wrap(
        &[(body.to_string(), theme.style(Role::Text))],
        width,
        &[],
        &[],
    ));
    text.push(Line::default());
    for key in keys {
        text.extend(wrap::wrap(
            &[(key, theme.style(Role::Count))],
            width,
            &[],
            &[],
        ));
    }
    let height = u16::try_from(text.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = Rect {
        y: area.y + area.height.saturating_sub(height) / 2,
        height,
        ..popup
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(text).block(
            Block::bordered()
                .padding(ratatui::widgets::Padding::horizontal(1))
                .border_style(theme.border(true)),
        ),
        popup,
    );
}

fn debrief(frame: &mut Frame, area: Rect, app: &App, m: &MockScreen) -> AnswerView {
    let theme = app.theme();
    let Some(answer) = m.answers.get(m.review_index) else {
        return AnswerView::default();
    };
    let card = &app.deck().cards[answer.card];
    let [head, body, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let head_text = format!(
        " Debrief {} / {} · time {}{}{} ",
        m.review_index + 1,
        m.answers.len(),
        clock(answer.time_used),
        answer
            .time_allowed
            .map_or(String::new(), |t| format!(" of {}", clock(t))),
        if answer.timed_out {
            " (time ran out)"
        } else {
            ""
        }
    );
    frame.render_widget(
        Paragraph::new(Span::styled(head_text, theme.style(Role::TitleFocused))),
        head,
    );
    let (mine, model) = if area.width >= SIDE_BY_SIDE_MIN_WIDTH {
        let [a, b] = Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
            .areas(body);
        (a, b)
    } else {
        let [a, b] =
            Layout::vertical([Constraint::Percentage(30), Constraint::Percentage(70)]).areas(body);
        (a, b)
    };
    let mut typed = if answer.answer.trim().is_empty() {
        ratatui::text::Text::from(Line::from(Span::styled(
            "(nothing typed)",
            theme.style(Role::Dim),
        )))
    } else {
        ratatui::text::Text::from(sanitize(&answer.answer, true).into_owned())
    };
    if let Some(f) = &answer.follow_up {
        typed.push_line(Line::default());
        typed.push_line(Line::from(Span::styled(
            format!("Follow-up: {}", sanitize(&f.question, false)),
            theme.style(Role::Section),
        )));
        let said = if f.answer.trim().is_empty() {
            "(nothing typed)".to_string()
        } else {
            sanitize(&f.answer, true).into_owned()
        };
        for line in said.lines() {
            typed.push_line(Line::from(line.to_string()));
        }
    }
    let own_width = usize::from(mine.width.saturating_sub(4)).max(8);
    for line in card_view::own_section(app, card, Context::Debrief, own_width) {
        typed.push_line(line);
    }
    frame.render_widget(
        Paragraph::new(typed).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .padding(ratatui::widgets::Padding::horizontal(1))
                .border_style(theme.border(false))
                .title(Span::styled(" Your answer ", theme.title(false))),
        ),
        mine,
    );
    let width = usize::from(model.width.saturating_sub(4)).max(8);
    let mut lines = card_view::question_header(card, width, theme);
    let hints = m.hints.get(m.review_index);
    let mut point_rows = Vec::new();
    if !answer.key_points.is_empty() {
        section(&mut lines, "Key points: did you cover them?", width, theme);
        for (i, point) in answer.key_points.iter().enumerate() {
            let covered = answer.covered.get(i).copied().unwrap_or(false);
            let mark = if covered { "[x] " } else { "[ ] " };
            let style = theme.style(if covered { Role::Good } else { Role::Again });
            let mut point_lines = card_view::bullets(
                std::slice::from_ref(point),
                width,
                theme,
                Some(&[Span::styled(mark, style)]),
            );
            if i == m.point {
                // The whole point is the cursor, every wrapped line of it.
                for line in &mut point_lines {
                    for span in &mut line.spans {
                        span.style = span.style.patch(theme.selection(true));
                    }
                }
            }
            point_rows.push(lines.len());
            lines.extend(point_lines);
            if let Some(h) = hints.and_then(|h| h.get(i)) {
                let note = if h.matched.is_empty() {
                    "    no key words found in your answer".to_string()
                } else {
                    format!("    matched: {}", h.matched.join(", "))
                };
                lines.push(Line::from(Span::styled(note, theme.style(Role::Dim))));
            }
        }
    }
    lines.extend(card_view::unanswered_note(card, theme));
    lines.extend(card_view::answer_sections(card, width, theme, true, ""));
    super::pane::scrolled(frame, model, lines, m.scroll, "Model answer", theme);
    let view = AnswerView {
        point_rows,
        height: usize::from(model.height.saturating_sub(2)),
    };
    let suggestion = suggested_grade(answer.covered_count(), answer.key_points.len());
    let mut spans = vec![Span::styled(" Grade: ", theme.style(Role::Status))];
    for (g, role, action) in [
        (Grade::Again, Role::Again, Action::Grade1),
        (Grade::Hard, Role::Hard, Action::Grade2),
        (Grade::Good, Role::Good, Action::Grade3),
        (Grade::Easy, Role::Easy, Action::Grade4),
    ] {
        spans.push(Span::styled(
            format!(
                " {} {} ",
                app.key_for(Context::Debrief, action),
                grade_name(Some(g))
            ),
            theme.style(role),
        ));
    }
    if let Some(g) = suggestion {
        spans.push(Span::styled(
            format!(
                "  {}: {} ({}/{} covered)",
                app.key_for(Context::Debrief, Action::Accept),
                grade_name(Some(g)),
                answer.covered_count(),
                answer.key_points.len()
            ),
            theme.style(Role::Dim),
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.style(Role::Status)),
        bar,
    );
    view
}

fn result(frame: &mut Frame, area: Rect, app: &App, m: &MockScreen) {
    let theme = app.theme();
    let result = m.result();
    let width = usize::from(area.width.saturating_sub(4)).max(10);
    let mut lines = Vec::new();
    let title = if result.aborted {
        "Mock interview: aborted"
    } else {
        "Mock interview: result"
    };
    lines.push(Line::from(Span::styled(title, theme.style(Role::Question))));
    match result.score() {
        Some(score) => lines.push(Line::from(Span::styled(
            format!("Overall score {score:.0} / 100"),
            theme.style(if score >= 70.0 {
                Role::Good
            } else {
                Role::Hard
            }),
        ))),
        None => lines.push(Line::from(Span::styled(
            "Not graded",
            theme.style(Role::Dim),
        ))),
    }
    section(&mut lines, "Questions", width, theme);
    for (i, a) in result.answers.iter().enumerate() {
        let allowed = a
            .time_allowed
            .map_or(String::new(), |t| format!("/{}", clock(t)));
        let facts = format!(
            "{}{allowed}{}  {}/{}  {:<6} {}",
            clock(a.time_used),
            if a.timed_out { "⏱" } else { " " },
            a.covered_count(),
            a.key_points.len(),
            grade_name(a.grade),
            a.score().map_or("—".into(), |s| format!("{s:.0}"))
        );
        let room = width.saturating_sub(wrap::width(&facts) + 5);
        let q = truncate(&sanitize(&a.question, false), room);
        let pad = room.saturating_sub(wrap::width(&q));
        lines.push(Line::from(vec![
            Span::styled(format!("{:>2}. ", i + 1), theme.style(Role::Count)),
            Span::styled(q, theme.style(Role::Text)),
            Span::raw(" ".repeat(pad + 1)),
            Span::styled(facts, theme.style(Role::Dim)),
        ]));
    }
    let topics = result.topic_scores();
    if !topics.is_empty() {
        section(&mut lines, "By topic", width, theme);
        for (topic, score) in &topics {
            lines.push(Line::from(vec![
                Span::styled(format!("{score:>4.0}  "), theme.style(Role::Count)),
                Span::styled(sanitize(topic, false).into_owned(), theme.style(Role::Text)),
            ]));
        }
    }
    let weakest = result.weakest_topics();
    if !weakest.is_empty() {
        section(&mut lines, "Review next", width, theme);
        lines.push(Line::from(Span::styled(
            sanitize(&weakest.join(", "), false).into_owned(),
            theme.style(Role::Warning),
        )));
    }
    if let Some(msg) = &app.message() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            sanitize(msg, false).into_owned(),
            theme.style(Role::Info),
        )));
    }
    let block = Block::bordered()
        .padding(ratatui::widgets::Padding::horizontal(1))
        .border_style(theme.border(true));
    let height = usize::from(area.height.saturating_sub(2));
    let scroll = m.scroll.min(lines.len().saturating_sub(height));
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>())
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
