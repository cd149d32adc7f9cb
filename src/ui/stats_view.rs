//! The stats screen: a review calendar, the due forecast, readiness toward a planned
//! interview, mastery and retention by topic, study time, mock scores and leeches, as
//! pictures. Panels are laid out in one or two columns on a tall off-screen buffer, and
//! the screen shows a scrolled window of it, so every panel keeps its size on any
//! terminal.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Block, Chart, Dataset, GraphType, Paragraph, Sparkline, Widget,
};

use super::stats_calendar::calendar;
use super::wrap::truncate;
use crate::action::Action;
use crate::app::App;
use crate::app::stats_screen::StatsScreen;
use crate::keymap::Context;
use crate::stats::MIN_RECALL_CHECKS;
use crate::stats::text::{count, percent, retention_words};
use crate::text::sanitize::sanitize;
use crate::theme::{Role, Theme};

/// From this width, panels sit in two columns.
const TWO_COLUMNS: u16 = 120;

type Panel = (u16, fn(&StatsScreen, &App, Rect, &mut Buffer));

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &StatsScreen) -> u16 {
    let (mut left, mut right): (Vec<Panel>, Vec<Panel>) = {
        let mastery_height = 4 + u16::try_from(s.stats.topics.len().min(40)).unwrap_or(40);
        let leeches = 3 + u16::try_from(s.stats.leeches.len().clamp(1, 10)).unwrap_or(10);
        let a: Vec<Panel> = vec![
            (5, summary),
            (super::stats_calendar::height(s), calendar),
            (10, forecast),
            (9, study),
            (10, mocks),
        ];
        let b: Vec<Panel> = vec![
            (mastery_height, mastery),
            (7, retention),
            (leeches, leech_list),
        ];
        if area.width >= TWO_COLUMNS {
            (a, b)
        } else {
            let mut one = vec![a[0], b[0], a[1], a[2], b[1], a[3], a[4], b[2]];
            one.dedup_by_key(|p| p.1 as usize);
            (one, Vec::new())
        }
    };
    let readiness: Panel = (super::stats_plan::height(s), super::stats_plan::readiness);
    if readiness.0 > 0 {
        // With a plan, readiness leads the second column, or follows the progress.
        if right.is_empty() {
            left.insert(1, readiness);
        } else {
            right.insert(0, readiness);
        }
    }
    let column_width = if right.is_empty() {
        area.width
    } else {
        area.width / 2
    };
    let height = |panels: &[Panel]| panels.iter().map(|p| p.0).sum::<u16>();
    let total = height(&left).max(height(&right)).max(area.height);
    let mut canvas = Buffer::empty(Rect::new(0, 0, area.width, total));
    for (x, width, panels) in [
        (0, column_width, &left),
        (column_width, area.width - column_width, &right),
    ] {
        let mut y = 0;
        for (h, draw_panel) in panels.iter() {
            draw_panel(s, app, Rect::new(x, y, width, *h), &mut canvas);
            y += h;
        }
    }
    let max_scroll = total.saturating_sub(area.height);
    let scroll = s.scroll.min(max_scroll);
    let buf = frame.buffer_mut();
    for row in 0..area.height {
        for col in 0..area.width {
            if let (Some(src), Some(dst)) = (
                canvas.cell((col, row + scroll)),
                buf.cell_mut((area.x + col, area.y + row)),
            ) {
                *dst = src.clone();
            }
        }
    }
    max_scroll
}

/// A panel's border with its title.
pub(super) fn block(title: &str, theme: &Theme) -> Block<'static> {
    Block::bordered()
        .border_style(theme.border(false))
        .title(Span::styled(format!(" {title} "), theme.title(false)))
}

/// A dim line saying there is nothing to show yet.
pub(super) fn empty(theme: &Theme, text: &str, area: Rect, buf: &mut Buffer) {
    Paragraph::new(Span::styled(text.to_string(), theme.style(Role::Dim))).render(area, buf);
}

/// "no reviews yet: press r in the browser to start", with the live key.
pub(super) fn no_reviews_yet(app: &App, area: Rect, buf: &mut Buffer) {
    let text = format!(
        "no reviews yet: press {} in the browser to start",
        app.key_for(Context::Browse, Action::ReviewTopic)
    );
    empty(app.theme(), &text, area, buf);
}

fn summary(s: &StatsScreen, app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let st = &s.stats;
    let lines = vec![
        Line::from(vec![
            Span::styled(format!("{} cards", st.cards), theme.style(Role::Question)),
            Span::styled(format!("  {} new", st.new), theme.style(Role::New)),
            Span::styled(
                format!("  {} learning", st.learning),
                theme.style(Role::Learning),
            ),
            Span::styled(
                format!("  {} mastered", st.mastered),
                theme.style(Role::Mastered),
            ),
            Span::styled(
                format!("  {} due today", st.due_today),
                theme.style(Role::Due),
            ),
        ]),
        Line::from(Span::styled(
            format!(
                "{} · streak {} (longest {}) · {}",
                count(st.reviews, "review", "reviews"),
                count(st.streak_days as usize, "day", "days"),
                st.longest_streak_days,
                retention_words(st.retention_30d, st.desired_retention),
            ),
            theme.style(Role::Text),
        )),
        Line::from(Span::styled(
            crate::stats::text::own_answers_line(st),
            theme.style(Role::Text),
        )),
    ];
    Paragraph::new(lines)
        .wrap(ratatui::widgets::Wrap { trim: true })
        .block(block("Progress", theme))
        .render(area, buf);
}

fn forecast(s: &StatsScreen, app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let st = &s.stats;
    let total: usize = st.forecast.iter().sum();
    let cards = if total == 1 { "card" } else { "cards" };
    let b = block(&format!("Due, next 30 days · {total} {cards}"), theme);
    let inner = b.inner(area);
    b.render(area, buf);
    if total == 0 {
        empty(
            theme,
            "nothing scheduled yet: cards you review appear here",
            inner,
            buf,
        );
        return;
    }
    let bars: Vec<Bar> = st
        .forecast
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let label = match i {
                0 => "t",
                i if i % 7 == 0 => "·",
                _ => "",
            };
            // No value printed on the bar (it would cover the bar's foot): the scale on
            // the left reads it.
            Bar::default()
                .value(*n as u64)
                .text_value(String::new())
                .label(Line::from(label))
                .style(theme.style(if i == 0 { Role::Due } else { Role::Learning }))
        })
        .collect();
    let [chart, axis] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Min(1),
        ratatui::layout::Constraint::Length(1),
    ])
    .areas(inner);
    // A y-axis scale on the left: the most cards on one day at the top, half of it in
    // the middle, the bars' foot on the label row.
    let most = st.forecast.iter().copied().max().unwrap_or(0);
    let scale_width = u16::try_from(most.to_string().len() + 2).unwrap_or(4);
    let [scale, bars_area] = ratatui::layout::Layout::horizontal([
        ratatui::layout::Constraint::Length(scale_width),
        ratatui::layout::Constraint::Min(1),
    ])
    .areas(chart);
    let bar_rows = scale.height.saturating_sub(1);
    let mut ticks: Vec<Line> = (0..scale.height).map(|_| Line::from("")).collect();
    let tick = |n: usize| {
        Line::from(Span::styled(
            format!("{n:>w$} ┤", w = usize::from(scale_width) - 2),
            theme.style(Role::Dim),
        ))
    };
    if let Some(top) = ticks.first_mut() {
        *top = tick(most);
    }
    if most >= 2 && bar_rows >= 4 {
        ticks[usize::from(bar_rows / 2)] = tick(most / 2);
    }
    Paragraph::new(ticks).render(scale, buf);
    BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(1)
        .bar_gap(1)
        .value_style(theme.style(Role::Count))
        .render(bars_area, buf);
    Paragraph::new(Span::styled(
        format!(
            "{:w$}t = today, · = each week ahead; cards due per day",
            "",
            w = usize::from(scale_width)
        ),
        theme.style(Role::Dim),
    ))
    .render(axis, buf);
}

fn study(s: &StatsScreen, app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let st = &s.stats;
    let minutes: f64 = st.study_minutes.iter().sum();
    let b = block(
        &format!("Study time per day, 30 days · {minutes:.1} min in all"),
        theme,
    );
    let inner = b.inner(area);
    b.render(area, buf);
    if minutes < 0.01 {
        empty(theme, "no study time yet", inner, buf);
        return;
    }
    // Minutes are small and never negative; tenths keep one decimal in the bars.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let data: Vec<u64> = st
        .study_minutes
        .iter()
        .map(|m| (m * 10.0).round() as u64)
        .collect();
    let [spark, axis] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Min(1),
        ratatui::layout::Constraint::Length(1),
    ])
    .areas(inner);
    Sparkline::default()
        .data(&data)
        .style(theme.style(Role::Info))
        .render(spark, buf);
    let most = st.study_minutes.iter().copied().fold(0.0, f64::max);
    // One column a day: "30 days ago" under the first, "today" ending under the last.
    let (first, last) = ("30 days ago", "today");
    let gap = data.len().saturating_sub(first.len() + last.len()).max(1);
    Paragraph::new(Span::styled(
        format!(
            "{first}{}{last} · busiest day {most:.1} min",
            " ".repeat(gap)
        ),
        theme.style(Role::Dim),
    ))
    .render(axis, buf);
}

fn mocks(s: &StatsScreen, app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let st = &s.stats;
    let points: Vec<(f64, f64)> = st
        .mocks
        .iter()
        .rev()
        .enumerate()
        .filter_map(|(i, m)| m.score.map(|score| ((i + 1) as f64, f64::from(score))))
        .collect();
    // The axes are named in the title, so no label is drawn inside the plot over the line.
    let b = block(
        "Mock interview scores · score 0–100 by mock, oldest first",
        theme,
    );
    if points.is_empty() {
        let inner = b.inner(area);
        b.render(area, buf);
        empty(
            theme,
            &format!(
                "no mock interviews yet: press {} in the browser to sit one",
                app.key_for(Context::Browse, Action::OpenMock)
            ),
            inner,
            buf,
        );
        return;
    }
    let n = points.len().max(2) as f64;
    let datasets = vec![
        Dataset::default()
            .marker(symbols::Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.style(Role::Good))
            .data(&points),
    ];
    Chart::new(datasets)
        .block(b)
        .x_axis(Axis::default().bounds([1.0, n]).labels(vec![
            Line::from("1"),
            Line::from(format!("{}", points.len())),
        ]))
        .y_axis(Axis::default().bounds([0.0, 100.0]).labels(vec![
            Line::from("0"),
            Line::from("50"),
            Line::from("100"),
        ]))
        .render(area, buf);
}

/// The glyphs of the mastery bar's parts: distinct without colour too (NO_COLOR).
const MASTERED: &str = "█";
const LEARNING: &str = "▓";
const NEW: &str = "░";

/// One stacked bar per topic: mastered, learning, new.
fn mastery(s: &StatsScreen, app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let title = if s.weakest_first {
        "Mastery by topic · weakest first"
    } else {
        "Mastery by topic"
    };
    let b = block(title, theme);
    let inner = b.inner(area);
    b.render(area, buf);
    let width = usize::from(inner.width);
    let name_width = (width / 3).clamp(8, 28);
    let bar_width = width.saturating_sub(name_width + 30).max(4);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{MASTERED} mastered "), theme.style(Role::Mastered)),
        Span::styled(format!("{LEARNING} learning "), theme.style(Role::Learning)),
        Span::styled(format!("{NEW} new"), theme.style(Role::New)),
        Span::styled("  (counts, due, retention 30d)", theme.style(Role::Dim)),
    ])];
    for (row, &i) in s.order().iter().enumerate().take(40) {
        let t = &s.stats.topics[i];
        let name = truncate(
            &sanitize(t.path.last().map_or("", String::as_str), false),
            name_width,
        );
        let cells = |n: usize| (n * bar_width).div_ceil(t.cards.max(1));
        let (m, l) = (cells(t.mastered), cells(t.learning));
        let n = bar_width.saturating_sub(m + l);
        let mut spans = vec![
            Span::styled(format!("{name:<name_width$} "), theme.style(Role::Text)),
            Span::styled(MASTERED.repeat(m), theme.style(Role::Mastered)),
            Span::styled(LEARNING.repeat(l), theme.style(Role::Learning)),
            Span::styled(NEW.repeat(n), theme.style(Role::New)),
            Span::styled(format!(" {:>3}", t.mastered), theme.style(Role::Mastered)),
            Span::styled(format!(" {:>3}", t.learning), theme.style(Role::Learning)),
            Span::styled(format!(" {:>3}", t.new), theme.style(Role::New)),
            Span::styled(
                format!(" {:>3}", t.due),
                theme.style(if t.due > 0 { Role::Due } else { Role::Dim }),
            ),
            Span::styled(
                format!(" {:>5}", percent(t.retention)),
                theme.style(Role::Count),
            ),
        ];
        if row == s.selected {
            for span in &mut spans {
                span.style = span.style.patch(theme.selection(true));
            }
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(Span::styled(
        format!(
            "{} reviews the topic · {} sorts weakest first",
            app.key_for(Context::Stats, Action::Open),
            app.key_for(Context::Stats, Action::Toggle)
        ),
        theme.style(Role::Dim),
    )));
    Paragraph::new(lines).render(inner, buf);
}

fn retention(s: &StatsScreen, app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let st = &s.stats;
    let b = block("Retention (recalled when seen again on a later day)", theme);
    let inner = b.inner(area);
    b.render(area, buf);
    if st.reviews == 0 {
        no_reviews_yet(app, inner, buf);
        return;
    }
    let desired = f64::from(st.desired_retention);
    // Under the desired retention is marked by colour and by `!`, so it shows without
    // colour too.
    let cell = |value: Option<f64>| {
        let (style, mark) = match value {
            Some(v) if v + 0.05 < desired => (theme.style(Role::Again), "!"),
            Some(_) => (theme.style(Role::Good), " "),
            None => (theme.style(Role::Dim), " "),
        };
        Span::styled(format!("{:>5}{mark}", percent(value)), style)
    };
    let row = |label: &str, values: [Option<f64>; 3]| {
        let mut spans = vec![Span::styled(
            format!("{:<22}", truncate(label, 21)),
            theme.style(Role::Text),
        )];
        spans.extend(values.into_iter().map(cell));
        Line::from(spans)
    };
    let mut lines = vec![
        Line::from(Span::styled(
            format!("{:<22}{:>5} {:>5} {:>5}", "", "7d", "30d", "365d"),
            theme.style(Role::Dim),
        )),
        row(
            "all topics",
            [st.retention_7d, st.retention_30d, st.retention_365d],
        ),
    ];
    let mut some_missing = st.retention_7d.is_none();
    for t in st.topics.iter().filter(|t| t.retention_365d.is_some()) {
        let name = sanitize(t.path.last().map_or("", String::as_str), false).into_owned();
        lines.push(row(&name, [t.retention_7d, t.retention, t.retention_365d]));
        some_missing |= t.retention_7d.is_none() || t.retention.is_none();
    }
    lines.push(Line::from(Span::styled(
        format!(
            "desired retention {:.0}%; red and ! are more than 5 points under it",
            desired * 100.0
        ),
        theme.style(Role::Dim),
    )));
    if some_missing {
        lines.push(Line::from(Span::styled(
            format!("— not enough reviews yet: under {MIN_RECALL_CHECKS} in the window"),
            theme.style(Role::Dim),
        )));
    }
    Paragraph::new(lines).render(inner, buf);
}

fn leech_list(s: &StatsScreen, app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let b = block("Leeches (4 or more lapses)", theme);
    let inner = b.inner(area);
    b.render(area, buf);
    if s.stats.leeches.is_empty() {
        empty(theme, "no leeches: no card has lapsed 4 times", inner, buf);
        return;
    }
    let width = usize::from(inner.width);
    let lines: Vec<Line> = s
        .stats
        .leeches
        .iter()
        .take(10)
        .map(|l| {
            let topic = sanitize(l.topic.last().map_or("", String::as_str), false).into_owned();
            let q = truncate(
                &sanitize(&l.question, false),
                width.saturating_sub(topic.chars().count() + 8),
            );
            Line::from(vec![
                Span::styled(format!("{:>2}× ", l.lapses), theme.style(Role::Again)),
                Span::styled(q, theme.style(Role::Text)),
                Span::styled(format!("  {topic}"), theme.style(Role::Dim)),
            ])
        })
        .collect();
    Paragraph::new(lines)
        .style(Style::default())
        .render(inner, buf);
}
