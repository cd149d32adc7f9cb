//! The stats screen's review calendar: 26 weeks as columns, Monday to Sunday as rows,
//! each day shaded by its reviews. With a plan to an interview date, the last weeks are
//! the days ahead, up to the interview: its planned mock interviews and the day marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::stats_view::{block, no_reviews_yet};
use crate::app::App;
use crate::app::stats_screen::StatsScreen;
use crate::clock::{self, civil, weekday};
use crate::stats::DayCount;
use crate::theme::Role;

/// Days after today shown when a plan is set: up to its interview, eight weeks at most.
const AHEAD_MAX: i64 = 56;
/// Marks for the plan's days ahead: a mock interview, the interview.
const MOCK: &str = "◆ ";
const INTERVIEW: &str = "★ ";

/// A square of the calendar.
#[derive(Clone, Copy)]
enum Cell<'a> {
    /// Before the first day shown, in its week.
    Blank,
    Past(&'a DayCount),
    /// A day after today (its number).
    Ahead(i64),
}

impl Cell<'_> {
    fn day(self) -> Option<i64> {
        match self {
            Cell::Blank => None,
            Cell::Past(d) => Some(day_number(&d.date)),
            Cell::Ahead(day) => Some(day),
        }
    }
}

/// Rows the calendar panel takes.
pub fn height(s: &StatsScreen) -> u16 {
    11 + u16::from(s.stats.plan.as_ref().is_some_and(|p| p.days_left > 0))
}

/// The plan's interview day and mock days, while it has study days left.
fn plan_days(s: &StatsScreen) -> Option<(i64, Vec<i64>)> {
    let plan = s.stats.plan.as_ref().filter(|p| p.days_left > 0)?;
    let interview = clock::parse_date(&plan.interview_date)?;
    let mocks = plan
        .mocks
        .iter()
        .filter_map(|d| clock::parse_date(d))
        .collect();
    Some((interview, mocks))
}

/// 26 weeks as columns, Monday to Sunday as rows, shaded by reviews that day.
pub fn calendar(s: &StatsScreen, app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let st = &s.stats;
    let plan = plan_days(s);
    let b = block(
        &format!(
            "Reviews per day{}, 26 weeks · streak {} (longest {})",
            if plan.is_some() { " and the plan" } else { "" },
            st.streak_days,
            st.longest_streak_days
        ),
        theme,
    );
    let inner = b.inner(area);
    b.render(area, buf);
    if st.reviews == 0 && st.calendar.iter().all(|d| d.reviews == 0) && plan.is_none() {
        no_reviews_yet(app, inner, buf);
        return;
    }
    let most = st
        .calendar
        .iter()
        .map(|d| d.reviews)
        .max()
        .unwrap_or(1)
        .max(1);
    let level = |n: usize| -> Role {
        match n {
            0 => Role::Heat0,
            n if n * 4 <= most => Role::Heat1,
            n if n * 2 <= most => Role::Heat2,
            n if n * 4 <= most * 3 => Role::Heat3,
            _ => Role::Heat4,
        }
    };
    let today = st.calendar.last().map_or(0, |d| day_number(&d.date));
    // The days ahead take the place of the oldest weeks, so the width stays the same.
    let ahead = plan.as_ref().map_or(0, |(interview, _)| {
        usize::try_from((interview - today).clamp(0, AHEAD_MAX)).unwrap_or(0)
    });
    let past = &st.calendar[ahead.min(st.calendar.len().saturating_sub(1))..];
    let first_day = day_number(&past[0].date);
    let lead = weekday(first_day) as usize;
    let mut rows: Vec<Vec<Span>> = ["Mon", "   ", "Wed", "   ", "Fri", "   ", "Sun"]
        .iter()
        .map(|l| vec![Span::styled(format!("{l} "), theme.style(Role::Dim))])
        .collect();
    let cells: Vec<Cell> = std::iter::repeat_n(Cell::Blank, lead)
        .chain(past.iter().map(Cell::Past))
        .chain((1..).take(ahead).map(|k: i64| Cell::Ahead(today + k)))
        .collect();
    // Without colour, the level is the glyph: a shade ramp from none to the most.
    let glyph = |role: Role| -> &'static str {
        if theme.has_colors() {
            return "■ ";
        }
        match role {
            Role::Heat0 => "· ",
            Role::Heat1 => "░ ",
            Role::Heat2 => "▒ ",
            Role::Heat3 => "▓ ",
            _ => "█ ",
        }
    };
    for (i, cell) in cells.iter().enumerate() {
        rows[i % 7].push(match *cell {
            Cell::Past(d) => {
                let role = level(d.reviews);
                Span::styled(glyph(role), theme.style(role))
            }
            Cell::Ahead(day) => match &plan {
                Some((interview, _)) if day == *interview => {
                    Span::styled(INTERVIEW, theme.style(Role::Due))
                }
                Some((_, mocks)) if mocks.contains(&day) => {
                    Span::styled(MOCK, theme.style(Role::Info))
                }
                _ => Span::raw("  "),
            },
            Cell::Blank => Span::raw("  "),
        });
    }
    // A month's name over the week that holds its first days.
    let mut months = String::from("    ");
    for (col, week) in cells.chunks(7).enumerate() {
        let Some(first) = week.iter().find_map(|c| c.day()) else {
            continue;
        };
        let (_, m, d) = civil(first);
        let at = 4 + col * 2;
        if d <= 7 && months.chars().count() <= at {
            months.extend(std::iter::repeat_n(' ', at - months.chars().count()));
            months.push_str(MONTHS[(m - 1) as usize]);
        }
    }
    let mut lines = vec![Line::from(Span::styled(months, theme.style(Role::Dim)))];
    lines.extend(rows.into_iter().map(Line::from));
    let mut legend = vec![Span::styled("    less ", theme.style(Role::Dim))];
    for role in [
        Role::Heat0,
        Role::Heat1,
        Role::Heat2,
        Role::Heat3,
        Role::Heat4,
    ] {
        legend.push(Span::styled(glyph(role), theme.style(role)));
    }
    legend.push(Span::styled(
        format!("more (busiest day: {most}; review and mock grades, not cram)"),
        theme.style(Role::Dim),
    ));
    lines.push(Line::from(legend));
    if let Some((interview, _)) = plan {
        let beyond = if interview - today > AHEAD_MAX {
            " (beyond the calendar)"
        } else {
            ""
        };
        lines.push(Line::from(vec![
            Span::styled("    ", theme.style(Role::Dim)),
            Span::styled(MOCK, theme.style(Role::Info)),
            Span::styled("mock interview planned  ", theme.style(Role::Dim)),
            Span::styled(INTERVIEW, theme.style(Role::Due)),
            Span::styled(
                format!("the interview, {}{beyond}", clock::day_label(interview)),
                theme.style(Role::Dim),
            ),
        ]));
    }
    Paragraph::new(lines).render(inner, buf);
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `YYYY-MM-DD` back to a day number.
fn day_number(date: &str) -> i64 {
    let mut parts = date.split('-').map(|p| p.parse::<i64>().unwrap_or(1));
    let (y, m, d) = (
        parts.next().unwrap_or(1970),
        parts.next().unwrap_or(1),
        parts.next().unwrap_or(1),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::day_number;
    use crate::clock::civil;

    #[test]
    fn dates_round_trip() {
        for day in [0, 20_779, -1, 11_016] {
            let (y, m, d) = civil(day);
            assert_eq!(day_number(&format!("{y:04}-{m:02}-{d:02}")), day);
        }
    }
}
