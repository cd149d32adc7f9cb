//! The stats screen's readiness panel, while a plan to an interview date is set: one bar
//! per topic for the recall predicted on the day from the cards' memory now (never seen
//! counting zero), what following the plan is expected to bring, and its standing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::stats_view::block;
use super::wrap::truncate;
use crate::app::App;
use crate::app::stats_screen::StatsScreen;
use crate::clock;
use crate::plan::text::{bar, percent};
use crate::stats::text::count;
use crate::text::sanitize::sanitize;
use crate::theme::Role;

/// Topic rows shown at most.
const ROWS: usize = 40;

/// Rows the panel takes; 0 without a plan.
pub fn height(s: &StatsScreen) -> u16 {
    s.stats.plan.as_ref().map_or(0, |p| {
        5 + u16::try_from(p.topics.len().clamp(1, ROWS)).unwrap_or(0)
    })
}

/// The theme's word for a share recalled: good from the desired retention, learning from
/// half, again below.
fn role_of(share: f64, desired: f64) -> Role {
    if share >= desired {
        Role::Good
    } else if share >= 0.5 {
        Role::Learning
    } else {
        Role::Again
    }
}

pub fn readiness(s: &StatsScreen, app: &App, area: Rect, buf: &mut Buffer) {
    let Some(plan) = s.stats.plan.as_ref() else {
        return;
    };
    let theme = app.theme();
    let desired = f64::from(s.stats.desired_retention);
    let day = clock::parse_date(&plan.interview_date)
        .map_or_else(|| plan.interview_date.clone(), clock::day_label);
    let left = match plan.days_left {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        n => format!("in {n} days"),
    };
    let b = block(
        &format!("Readiness on {day}, {left} · {}", percent(plan.readiness)),
        theme,
    );
    let inner = b.inner(area);
    b.render(area, buf);
    let width = usize::from(inner.width);
    let name_width = (width / 3).clamp(8, 28);
    let bar_width = width.saturating_sub(name_width + 22).clamp(4, 30);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{:name_width$} {:bar_width$}  now  planned  cards",
            "recall on the day", ""
        ),
        theme.style(Role::Dim),
    ))];
    if plan.topics.is_empty() {
        lines.push(Line::from(Span::styled(
            "no cards in the plan's topics",
            theme.style(Role::Dim),
        )));
    }
    for t in plan.topics.iter().take(ROWS) {
        let name = truncate(&sanitize(&t.now.topic, false), name_width);
        let now = t.now.readiness;
        let planned = if plan.days_left > 0 {
            percent(t.predicted)
        } else {
            "—".to_string()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{name:<name_width$} "), theme.style(Role::Text)),
            Span::styled(bar(now, bar_width), theme.style(role_of(now, desired))),
            Span::styled(
                format!(" {:>4}", percent(now)),
                theme.style(role_of(now, desired)),
            ),
            Span::styled(format!("  {planned:>7}"), theme.style(Role::Count)),
            Span::styled(format!("  {:>5}", t.now.cards), theme.style(Role::Dim)),
        ]));
    }
    let standing = if plan.days_left == 0 {
        Span::styled("the interview is today", theme.style(Role::Info))
    } else if plan.on_track {
        Span::styled(
            format!(
                "on track: {} a day, busiest day about {} of {} min",
                count(plan.new_per_day, "new card", "new cards"),
                plan.minutes_per_day_needed,
                plan.minutes_per_day
            ),
            theme.style(Role::Good),
        )
    } else {
        Span::styled(
            format!(
                "behind: needs about {} of {} min a day; `prepdeck plan` says what fits",
                plan.minutes_per_day_needed, plan.minutes_per_day
            ),
            theme.style(Role::Warning),
        )
    };
    lines.push(Line::from(standing));
    lines.push(Line::from(Span::styled(
        format!(
            "now: if you stopped today (never seen: 0) · planned: following it, about {}",
            percent(plan.predicted_readiness)
        ),
        theme.style(Role::Dim),
    )));
    Paragraph::new(lines).render(inner, buf);
}
