//! The mock interview's debrief: the answer given beside the model answer, each key
//! point with what the coverage hint found (matched words, missing essentials, and
//! "mentioned — check the claim" with its cue), and the grade bar.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::card_view::{self, section};
use super::point_hint::checklist_item;
use crate::action::Action;
use crate::app::App;
use crate::app::layout::SIDE_BY_SIDE_MIN_WIDTH;
use crate::app::mock::{MockScreen, suggested_grade};
use crate::app::review::AnswerView;
use crate::keymap::Context;
use crate::mock::duration::clock;
use crate::mock::report::grade_name;
use crate::schedule::Grade;
use crate::text::sanitize::sanitize;
use crate::theme::Role;

/// Draws the debrief of the question under review; returns where the model pane put
/// the key points.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, m: &MockScreen) -> AnswerView {
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
    // Side by side, your own answer sits under the typed one. Stacked, the typed pane
    // is a few rows high, so it goes to the end of the model pane, which scrolls.
    let side_by_side = area.width >= SIDE_BY_SIDE_MIN_WIDTH;
    if side_by_side {
        let own_width = usize::from(mine.width.saturating_sub(4)).max(8);
        for line in card_view::own_section(app, card, Context::Debrief, own_width) {
            typed.push_line(line);
        }
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
    let mut point_rows = Vec::new();
    if !answer.key_points.is_empty() {
        section(&mut lines, "Key points: did you cover them?", width, theme);
        for (i, point) in answer.key_points.iter().enumerate() {
            point_rows.push(lines.len());
            lines.extend(checklist_item(
                point,
                answer.covered.get(i).copied().unwrap_or(false),
                answer.hints.get(i),
                width,
                theme,
                Role::Again,
                i == m.point,
            ));
        }
        point_rows.push(lines.len());
    }
    lines.extend(card_view::unanswered_note(card, theme));
    lines.extend(card_view::answer_sections(card, width, theme, true, ""));
    if !side_by_side {
        lines.extend(card_view::own_section(app, card, Context::Debrief, width));
    }
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
