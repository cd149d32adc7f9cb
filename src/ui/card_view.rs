//! The card pane's content: the question, then titled sections (answer, key points,
//! detail, tables, takeaway, and on request the example answer and follow-ups), laid out
//! once per card and width and cached.

use std::rc::Rc;

use ratatui::text::{Line, Span};

use super::markdown;
use super::table;
use super::wrap::{self, Run};
use crate::action::Action;
use crate::app::App;
use crate::app::tree_view::Row;
use crate::keymap::Context;
use crate::model::Card;
use crate::stats::text::count;
use crate::text::sanitize::sanitize;
use crate::theme::{Role, Theme};

/// What the card pane's document depends on; the cache is kept until one changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutKey {
    pub row: Option<Row>,
    pub width: u16,
    pub hidden: bool,
    pub extras: bool,
    /// The card's progress line: a grade changes it.
    pub progress: String,
    /// The person's own answer to the card: saving one changes it.
    pub note: Option<String>,
}

/// The card pane laid out for one card and width, kept between frames.
#[derive(Debug, Default)]
pub struct LayoutCache {
    last: Option<(LayoutKey, Rc<Vec<Line<'static>>>)>,
}

/// The laid-out lines of whatever the browser's tree has selected, for the card pane.
pub fn document(app: &App, cache: &mut LayoutCache) -> Rc<Vec<Line<'static>>> {
    let Some(browse) = app.browse() else {
        return Rc::new(Vec::new());
    };
    let width = app.areas().card.map_or(0, |r| r.width.saturating_sub(4));
    let row = browse.tree.current();
    let (progress, note) = match row {
        Some(Row::Card(c)) => {
            let id = &app.deck().cards[c].id;
            let state = app.states().get(id);
            (
                progress_words(state, app.unix_now()),
                app.note(id).map(str::to_string),
            )
        }
        _ => (String::new(), None),
    };
    let key = LayoutKey {
        row,
        width,
        hidden: browse.answers_hidden(),
        extras: browse.show_extras,
        progress,
        note,
    };
    if let Some((cached, lines)) = &cache.last
        && *cached == key
    {
        return Rc::clone(lines);
    }
    let width = usize::from(width).max(8);
    let theme = app.theme();
    let lines = Rc::new(match key.row {
        Some(Row::Card(c)) => {
            let card = &app.deck().cards[c];
            let mut out = question_header(card, width, theme);
            // The card's progress, in words, right under its question and topic.
            out.extend(wrap::wrap(
                &[(key.progress.clone(), theme.style(Role::Count))],
                width,
                &[],
                &[],
            ));
            if key.hidden {
                out.extend(hidden_note(app, width));
            } else {
                out.extend(unanswered_note(card, theme));
                out.extend(answer_sections(
                    card,
                    width,
                    theme,
                    key.extras,
                    &app.key_for(Context::Browse, Action::ToggleExtras),
                ));
                section(&mut out, OWN_TITLE, width, theme);
                out.extend(own_answer(app, key.note.as_deref(), Context::Browse, width));
            }
            out
        }
        Some(Row::Node(n)) => topic_lines(app, n, width),
        None => empty_lines(theme),
    });
    cache.last = Some((key, Rc::clone(&lines)));
    lines
}

/// For a card whose source has no answer at all: says so, once.
pub fn unanswered_note(card: &Card, theme: &Theme) -> Vec<Line<'static>> {
    if !card.is_unanswered() {
        return Vec::new();
    }
    vec![
        Line::default(),
        Line::from(Span::styled(
            "No answer in the source yet: this card is left out of grading.",
            theme.style(Role::Warning),
        )),
    ]
}

/// A dimmed note wrapped to `width`.
fn dim_paragraph(text: String, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    wrap::wrap(&[(text, theme.style(Role::Dim))], width, &[], &[])
}

/// In quiz mode, in place of the answer: the keys that show it.
fn hidden_note(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme();
    let mut out = vec![Line::default()];
    out.extend(dim_paragraph(
        format!(
            "Answer hidden: {} reveals it, {} shows every answer.",
            app.key_for(Context::Browse, Action::Reveal),
            app.key_for(Context::Browse, Action::ToggleHideAnswers)
        ),
        width,
        theme,
    ));
    out
}

/// A card's progress in words, for the browser: "new: never reviewed", or "review ·
/// due in 3 days · seen 2 hours ago · 4 reviews · 1 lapse · flagged".
pub fn progress_words(state: Option<&crate::schedule::CardState>, now: i64) -> String {
    let Some(s) = state.filter(|s| s.last_review.is_some()) else {
        let flagged = state.is_some_and(|s| s.flagged);
        return if flagged {
            "new: never reviewed · flagged".to_string()
        } else {
            "new: never reviewed".to_string()
        };
    };
    let mut parts = vec![s.phase.as_str().to_string()];
    parts.push(if s.due <= now {
        "due now".to_string()
    } else {
        format!("due in {}", in_words(s.due - now))
    });
    if let Some(last) = s.last_review {
        parts.push(format!("seen {} ago", in_words((now - last).max(60))));
    }
    parts.push(count(s.reps as usize, "review", "reviews"));
    if s.lapses > 0 {
        parts.push(count(s.lapses as usize, "lapse", "lapses"));
    }
    if s.flagged {
        parts.push("flagged".to_string());
    }
    parts.join(" · ")
}

/// "5 minutes", "2 hours", "3 days", "5 weeks", "4 months": the largest whole unit.
pub fn in_words(secs: i64) -> String {
    let secs = secs.max(0);
    let (n, unit) = match secs {
        s if s < 3600 => ((s / 60).max(1), "minute"),
        s if s < 86_400 => (s / 3600, "hour"),
        s if s < 14 * 86_400 => (s / 86_400, "day"),
        s if s < 60 * 86_400 => (s / (7 * 86_400), "week"),
        s if s < 365 * 86_400 => (s / (30 * 86_400), "month"),
        s => (s / (365 * 86_400), "year"),
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// "new card", or "review · due in 3d · last seen 2d ago · 1 lapse".
pub fn progress_line(state: Option<&crate::schedule::CardState>, now: i64) -> String {
    use crate::schedule::short_interval;
    let Some(s) = state.filter(|s| s.last_review.is_some()) else {
        return "new card".to_string();
    };
    let mut parts = vec![s.phase.as_str().to_string()];
    parts.push(if s.due <= now {
        "due now".to_string()
    } else {
        format!("due in {}", short_interval(s.due - now))
    });
    if let Some(last) = s.last_review {
        parts.push(format!(
            "last seen {} ago",
            short_interval((now - last).max(60))
        ));
    }
    if s.lapses > 0 {
        parts.push(count(s.lapses as usize, "lapse", "lapses"));
    }
    if s.flagged {
        parts.push("flagged".to_string());
    }
    parts.join(" · ")
}

/// The question alone, wrapped to `width`.
pub fn wrapped_question(card: &Card, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    wrap::wrap(
        &[(
            sanitize(&card.question, false).into_owned(),
            theme.style(Role::Question),
        )],
        width,
        &[],
        &[],
    )
}

/// The question, wrapped, with the topic path and tags under it.
pub fn question_header(card: &Card, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = wrapped_question(card, width, theme);
    let mut meta = sanitize(&card.topic_label(), false).into_owned();
    if !card.tags.is_empty() {
        meta.push_str("  #");
        meta.push_str(&sanitize(&card.tags.join(" #"), false));
    }
    out.extend(wrap::wrap(
        &[(meta, theme.style(Role::Dim))],
        width,
        &[],
        &[],
    ));
    out
}

/// Why it is asked, the answer and the key points, each under its title when present:
/// the head of the single card and the paned card's answer pane.
pub fn push_answer(out: &mut Vec<Line<'static>>, card: &Card, width: usize, theme: &Theme) {
    if let Some(why) = &card.why {
        section(out, "Why it is asked", width, theme);
        out.extend(markdown::render(why, width, theme));
    }
    if let Some(answer) = &card.answer {
        section(out, "Answer", width, theme);
        out.extend(markdown::render(answer, width, theme));
    }
    if !card.key_points.is_empty() {
        section(out, "Key points", width, theme);
        out.extend(bullets(&card.key_points, width, theme, None));
    }
}

/// The sections below the question; empty ones are left out.
/// `extras` shows the example answer and follow-ups; otherwise a line says which key
/// (`extras_key`) shows them.
pub fn answer_sections(
    card: &Card,
    width: usize,
    theme: &Theme,
    extras: bool,
    extras_key: &str,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    push_answer(&mut out, card, width, theme);
    if let Some(detail) = &card.detail {
        section(&mut out, "Detail", width, theme);
        out.extend(markdown::render(detail, width, theme));
    }
    if !card.tables.is_empty() {
        section(&mut out, "Table", width, theme);
        for (i, t) in card.tables.iter().enumerate() {
            if i > 0 {
                out.push(Line::default());
            }
            out.extend(table::render(t, width, theme));
        }
    }
    if let Some(takeaway) = &card.takeaway {
        out.push(Line::default());
        out.extend(takeaway_box(takeaway, width, theme));
    }
    let has_extras = card.example.is_some() || !card.follow_ups.is_empty();
    if extras {
        if let Some(example) = &card.example {
            section(&mut out, EXAMPLE_TITLE, width, theme);
            out.extend(markdown::render(example, width, theme));
        }
        if !card.follow_ups.is_empty() {
            section(&mut out, "Follow-ups", width, theme);
            out.extend(bullets(&card.follow_ups, width, theme, None));
        }
    } else if has_extras {
        out.push(Line::default());
        let mut parts = Vec::new();
        if card.example.is_some() {
            parts.push("example answer".to_string());
        }
        if !card.follow_ups.is_empty() {
            parts.push(format!("{} follow-ups", card.follow_ups.len()));
        }
        out.push(Line::from(Span::styled(
            format!("{extras_key} shows the {}", parts.join(" and ")),
            theme.style(Role::Dim),
        )));
    }
    out
}

/// The title of the person's own answer, wherever it is shown.
pub const OWN_TITLE: &str = "Your own answer";

/// The person's own answer rendered to `width`, or, without one, a line inviting them to
/// write it with the key `context` binds — never nothing.
pub fn own_answer(
    app: &App,
    note: Option<&str>,
    context: Context,
    width: usize,
) -> Vec<Line<'static>> {
    let theme = app.theme();
    match note {
        Some(text) => markdown::render(text, width, theme),
        None => dim_paragraph(
            format!(
                "None yet: {} writes one in your own words.",
                app.key_for(context, Action::WriteNote)
            ),
            width,
            theme,
        ),
    }
}

/// The own answer under its section title, for the review and the mock debrief.
pub fn own_section(app: &App, card: &Card, context: Context, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    section(&mut out, OWN_TITLE, width, app.theme());
    out.extend(own_answer(app, app.note(&card.id), context, width));
    let stories = app.stories_of(&card.id);
    if !stories.is_empty() {
        out.push(Line::default());
        out.extend(dim_paragraph(
            format!(
                "Your stories for it: {} ({} opens the story bank)",
                sanitize(&stories.join(" · "), false),
                app.key_for(context, Action::OpenStories)
            ),
            width,
            app.theme(),
        ));
    }
    out
}

/// The example answer is an invented story: its title says to tell one's own instead.
pub const EXAMPLE_TITLE: &str = "Example answer (a model: tell your own story)";

/// How wide a section title's rule is, title included, when the pane has room: every
/// section's rule ends in the same column.
const SECTION_RULE: usize = 60;

/// A section title: `── Answer ─────`.
pub fn section(out: &mut Vec<Line<'static>>, title: &str, width: usize, theme: &Theme) {
    out.push(Line::default());
    let fill = width
        .min(SECTION_RULE)
        .saturating_sub(wrap::width(title) + 4);
    out.push(Line::from(vec![
        Span::styled("── ", theme.style(Role::Border)),
        Span::styled(title.to_string(), theme.style(Role::Section)),
        Span::styled(format!(" {}", "─".repeat(fill)), theme.style(Role::Border)),
    ]));
}

/// Markdown items as a bulleted list; `marks` gives each item its own marker (used by
/// the review checklist).
pub fn bullets(
    items: &[String],
    width: usize,
    theme: &Theme,
    marks: Option<&[Span<'static>]>,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let marker = marks
            .and_then(|m| m.get(i).cloned())
            .unwrap_or_else(|| Span::styled("• ", theme.style(Role::Bullet)));
        let indent = " ".repeat(wrap::width(&marker.content));
        let lines =
            markdown::render_compact(item, width.saturating_sub(indent.len()).max(4), theme);
        for (j, line) in lines.into_iter().enumerate() {
            let mut spans = vec![if j == 0 {
                marker.clone()
            } else {
                Span::raw(indent.clone())
            }];
            spans.extend(line.spans);
            out.push(Line::from(spans));
        }
    }
    out
}

/// The takeaway in a box of its own colour: the line to remember.
pub fn takeaway_box(text: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let border = theme.style(Role::TakeawayBorder);
    let inner = width.saturating_sub(4).max(4);
    let runs: Vec<Run> = markdown::inline_runs(text, theme.style(Role::Takeaway), theme);
    let body = wrap::wrap(&runs, inner, &[], &[]);
    let title = " Takeaway ";
    let top_fill = (inner + 2).saturating_sub(wrap::width(title) + 1);
    let mut out = vec![Line::from(vec![
        Span::styled("╭─", border),
        Span::styled(title, theme.style(Role::Takeaway)),
        Span::styled(format!("{}╮", "─".repeat(top_fill)), border),
    ])];
    for line in body {
        let pad = inner.saturating_sub(line.width());
        let mut spans = vec![Span::styled("│ ", border)];
        spans.extend(line.spans);
        spans.push(Span::styled(format!("{} │", " ".repeat(pad)), border));
        out.push(Line::from(spans));
    }
    out.push(Line::from(Span::styled(
        format!("╰{}╯", "─".repeat(inner + 2)),
        border,
    )));
    out
}

/// A topic's overview: its path, its size and the questions under it.
fn topic_lines(app: &App, node: usize, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme();
    let tree = &app.deck().tree;
    let n = &tree.nodes[node];
    let mut out = wrap::wrap(
        &[(
            sanitize(&n.name, false).into_owned(),
            theme.style(Role::Question),
        )],
        width,
        &[],
        &[],
    );
    let path = tree.path(node).join(" › ");
    let count = format!(
        "{path}  ·  {} {}",
        n.total,
        if n.total == 1 { "card" } else { "cards" }
    );
    out.extend(wrap::wrap(
        &[(sanitize(&count, false).into_owned(), theme.style(Role::Dim))],
        width,
        &[],
        &[],
    ));
    section(&mut out, "Questions", width, theme);
    let cards = tree.cards_under(node);
    let digits = cards.len().to_string().len();
    for (i, &c) in cards.iter().enumerate().take(500) {
        let number = format!("{:>digits$}. ", i + 1);
        let indent = " ".repeat(number.len());
        let runs = [(
            sanitize(&app.deck().cards[c].question, false).into_owned(),
            theme.style(Role::Text),
        )];
        out.extend(wrap::wrap(
            &runs,
            width,
            &[Span::styled(number, theme.style(Role::Count))],
            &[Span::raw(indent)],
        ));
    }
    if cards.len() > 500 {
        out.push(Line::from(Span::styled(
            format!("… and {} more", cards.len() - 500),
            theme.style(Role::Dim),
        )));
    }
    out.push(Line::default());
    out.extend(dim_paragraph(
        format!(
            "{} or {} opens the topic; select a card to read it.",
            app.key_for(Context::Browse, Action::Open),
            app.key_for(Context::Browse, Action::Expand)
        ),
        width,
        theme,
    ));
    out
}

fn empty_lines(theme: &Theme) -> Vec<Line<'static>> {
    vec![
        Line::from(Span::styled(
            "No questions loaded.",
            theme.style(Role::Question),
        )),
        Line::default(),
        Line::from(Span::styled(
            "Open files or folders with `prepdeck PATH…`, or check them with `prepdeck check PATH`.",
            theme.style(Role::Dim),
        )),
    ]
}
