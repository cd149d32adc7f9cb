//! The story bank screen: the stories, the selected one in full (situation, task,
//! action, result, what was learned, tags, the cards it answers), and the behavioural and
//! incident cards with which story answers each; the form over it while writing one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::card_view::section;
use super::{markdown, pane, wrap};
use crate::action::Action;
use crate::app::App;
use crate::app::layout::centered;
use crate::app::stories::{Asking, FIELDS, StoriesFocus, StoriesScreen, StoryForm};
use crate::keymap::Context;
use crate::store::Story;
use crate::text::sanitize::sanitize;
use crate::theme::Role;

/// From this width the stories and cards sit beside the story, not above it.
const SIDE_BY_SIDE: u16 = 100;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &StoriesScreen) {
    let (list, cards, detail) = if area.width >= SIDE_BY_SIDE {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(area);
        let [list, cards] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(left);
        (list, cards, right)
    } else {
        let [list, detail, cards] = Layout::vertical([
            Constraint::Percentage(30),
            Constraint::Percentage(35),
            Constraint::Percentage(35),
        ])
        .areas(area);
        (list, cards, detail)
    };
    draw_list(frame, list, app, s);
    draw_cards(frame, cards, app, s);
    let width = usize::from(detail.width.saturating_sub(4)).max(8);
    let lines = match app.stories().get(s.selected) {
        Some(story) => story_lines(app, story, width),
        None => vec![Line::from(Span::styled(
            format!(
                "Behavioural rounds reuse a handful of strong stories. {} adds your first: title, situation, task, action, result, what you learned.",
                app.key_for(Context::Stories, Action::NewStory)
            ),
            app.theme().style(Role::Dim),
        ))],
    };
    let lines = lines.into_iter().flat_map(|l| rewrap(l, width)).collect();
    let keys = format!(
        "{}/{} scroll",
        app.key_for(Context::Stories, Action::HalfPageDown),
        app.key_for(Context::Stories, Action::HalfPageUp)
    );
    pane::scrolled_with_keys(
        frame,
        detail,
        lines,
        s.detail_scroll,
        "Story",
        &keys,
        app.theme(),
    );
    if let Some(form) = &s.form {
        draw_form(frame, area, app, form);
    }
    if let Some(asking) = s.asking {
        draw_question(frame, area, app, s, asking);
    }
}

/// A long line wrapped to `width`, its style kept per span.
fn rewrap(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    if line.width() <= width {
        return vec![line];
    }
    let runs: Vec<(String, ratatui::style::Style)> = line
        .spans
        .iter()
        .map(|s| (s.content.to_string(), s.style))
        .collect();
    wrap::wrap(&runs, width, &[], &[])
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, s: &StoriesScreen) {
    let theme = app.theme();
    let focused = s.focus == StoriesFocus::Stories && s.form.is_none();
    let stories = app.stories();
    let mut lines = Vec::new();
    for (i, story) in stories.iter().enumerate() {
        let linked = if story.cards.is_empty() {
            "linked to no card".to_string()
        } else {
            crate::stats::text::count(story.cards.len(), "card", "cards")
        };
        let mut spans = vec![
            Span::styled(
                sanitize(&story.title, false).into_owned(),
                theme.style(Role::Text),
            ),
            Span::styled(
                format!("  {linked}"),
                theme.style(if story.cards.is_empty() {
                    Role::Warning
                } else {
                    Role::Count
                }),
            ),
        ];
        if i == s.selected {
            for span in &mut spans {
                span.style = span.style.patch(theme.selection(focused));
            }
        }
        lines.push(Line::from(spans));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "No stories yet: {} adds one.",
                app.key_for(Context::Stories, Action::NewStory)
            ),
            theme.style(Role::Dim),
        )));
    }
    let height = usize::from(area.height.saturating_sub(2)).max(1);
    let scroll = s.selected.saturating_sub(height - 1);
    let title = format!(" Stories ({}) ", stories.len());
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>()).block(
            Block::bordered()
                .padding(ratatui::widgets::Padding::horizontal(1))
                .border_style(theme.border(focused))
                .title(Span::styled(title, theme.title(focused))),
        ),
        area,
    );
}

fn draw_cards(frame: &mut Frame, area: Rect, app: &App, s: &StoriesScreen) {
    let theme = app.theme();
    let focused = s.focus == StoriesFocus::Cards && s.form.is_none();
    let cards = &app.deck().cards;
    let selected = app.stories().get(s.selected);
    let uncovered = s
        .prompts
        .iter()
        .filter(|&&c| app.stories_of(&cards[c].id).is_empty())
        .count();
    let width = usize::from(area.width.saturating_sub(4)).max(8);
    let mut lines = Vec::new();
    for (i, &c) in s.prompts.iter().enumerate() {
        let card = &cards[c];
        let linked_here = selected.is_some_and(|st| st.cards.contains(&card.id));
        let others = app.stories_of(&card.id).len();
        let (mark, role) = match (linked_here, others) {
            (true, _) => ("[x] ", Role::Good),
            (false, 0) => ("[ ] ", Role::Warning),
            (false, _) => ("[·] ", Role::Dim),
        };
        let mut question: String = sanitize(&card.question, false).chars().collect();
        let room = width.saturating_sub(4);
        if wrap::width(&question) > room {
            question = question.chars().take(room.saturating_sub(1)).collect();
            question.push('…');
        }
        let mut spans = vec![
            Span::styled(mark, theme.style(role)),
            Span::styled(question, theme.style(Role::Text)),
        ];
        if i == s.prompt && focused {
            for span in &mut spans {
                span.style = span.style.patch(theme.selection(true));
            }
        }
        lines.push(Line::from(spans));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            "No behavioural or incident cards in the content.",
            theme.style(Role::Dim),
        )));
    }
    let height = usize::from(area.height.saturating_sub(2)).max(1);
    let scroll = s.prompt.saturating_sub(height - 1);
    let title = format!(
        " {uncovered} of {} behavioural/incident cards have no story ",
        s.prompts.len()
    );
    let keys = format!(
        " {}: link to the story · [x] this story · [·] another ",
        app.key_for(Context::Stories, Action::Toggle)
    );
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>()).block(
            Block::bordered()
                .padding(ratatui::widgets::Padding::horizontal(1))
                .border_style(theme.border(focused))
                .title(Span::styled(title, theme.title(focused)))
                .title_bottom(
                    Line::from(Span::styled(keys, theme.style(Role::Dim))).right_aligned(),
                ),
        ),
        area,
    );
}

/// The story in full, section by section, then the questions it answers.
pub fn story_lines(app: &App, story: &Story, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme();
    let mut out = vec![Line::from(Span::styled(
        sanitize(&story.title, false).into_owned(),
        theme.style(Role::Question),
    ))];
    if !story.tags.is_empty() {
        out.push(Line::from(Span::styled(
            format!("#{}", sanitize(&story.tags.join(" #"), false)),
            theme.style(Role::Dim),
        )));
    }
    for (label, text) in [
        (FIELDS[1], &story.situation),
        (FIELDS[2], &story.task),
        (FIELDS[3], &story.action),
        (FIELDS[4], &story.result),
        (FIELDS[5], &story.learned),
    ] {
        if !text.is_empty() {
            section(&mut out, label, width, theme);
            out.extend(markdown::render(text, width, theme));
        }
    }
    section(&mut out, "Answers these cards", width, theme);
    if story.cards.is_empty() {
        out.push(Line::from(Span::styled(
            "None yet: link cards in the list of cards.",
            theme.style(Role::Dim),
        )));
    }
    for id in &story.cards {
        let text = app.card_index(id).map_or_else(
            || format!("{id} (no longer in the content)"),
            |c| sanitize(&app.deck().cards[c].question, false).into_owned(),
        );
        out.push(Line::from(vec![
            Span::styled("• ", theme.style(Role::Bullet)),
            Span::styled(text, theme.style(Role::Text)),
        ]));
    }
    out
}

fn draw_form(frame: &mut Frame, area: Rect, app: &App, form: &StoryForm) {
    let theme = app.theme();
    let popup = centered(area, 90, 90, 40);
    frame.render_widget(Clear, popup);
    let title = if form.story.id == 0 {
        " New story "
    } else {
        " Editing the story "
    };
    let keys = format!(
        " {}: save · {}: next field · {}: close without saving ",
        app.key_for(Context::StoryForm, Action::Back),
        app.key_for(Context::StoryForm, Action::FocusNext),
        app.key_for(Context::StoryForm, Action::Cancel)
    );
    let block = Block::bordered()
        .padding(ratatui::widgets::Padding::horizontal(1))
        .border_style(theme.border(true))
        .title(Span::styled(title, theme.title(true)))
        .title_bottom(Line::from(Span::styled(keys, theme.style(Role::Dim))).right_aligned());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [tabs, gap, text] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    let mut spans = Vec::new();
    for (i, label) in FIELDS.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.style(Role::Dim)));
        }
        let style = if i == form.field {
            theme.style(Role::Section).patch(theme.selection(true))
        } else if form.fields[i].is_empty() {
            theme.style(Role::Dim)
        } else {
            theme.style(Role::Text)
        };
        spans.push(Span::styled(label.to_string(), style));
    }
    let runs: Vec<(String, ratatui::style::Style)> = spans
        .iter()
        .map(|s| (s.content.to_string(), s.style))
        .collect();
    frame.render_widget(
        Paragraph::new(wrap::wrap(&runs, usize::from(tabs.width).max(8), &[], &[])),
        tabs,
    );
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!("── {} ", FIELDS[form.field]),
            theme.style(Role::Section),
        ))),
        gap,
    );
    let mut editor = form.fields[form.field].clone();
    editor.set_style(theme.style(Role::Text));
    editor.set_cursor_line_style(ratatui::style::Style::default());
    editor.set_placeholder_text(placeholder(form.field));
    frame.render_widget(&editor, text);
}

fn placeholder(field: usize) -> &'static str {
    match field {
        0 => "A name you will recognise: \"The Black Friday checkout outage\"",
        1 => "Where and when: the system, the stakes, in numbers",
        2 => "What was yours to do",
        3 => "What you did, in order, and why",
        4 => "What changed, in numbers",
        5 => "What you would do differently, what you now do by default",
        _ => "Tags separated by commas: incident, leadership",
    }
}

fn draw_question(frame: &mut Frame, area: Rect, app: &App, s: &StoriesScreen, asking: Asking) {
    let theme = app.theme();
    let title = app
        .stories()
        .get(s.selected)
        .map_or(String::new(), |st| sanitize(&st.title, false).into_owned());
    let question = match asking {
        Asking::DeleteStory => format!("Delete \"{title}\"?"),
        Asking::DropChanges => "Drop your changes to the story?".to_string(),
    };
    let keys = format!(
        "{} yes · {} no",
        app.key_for(Context::StoryConfirm, Action::Confirm),
        app.key_for(Context::StoryConfirm, Action::Cancel)
    );
    let popup = centered(area, 60, 20, 40);
    let popup = Rect {
        height: popup.height.min(5),
        ..popup
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(question, theme.style(Role::Warning))),
            Line::from(Span::styled(keys, theme.style(Role::Dim))),
        ])
        .wrap(ratatui::widgets::Wrap { trim: true })
        .block(
            Block::bordered()
                .padding(ratatui::widgets::Padding::horizontal(1))
                .border_style(theme.border(true)),
        ),
        popup,
    );
}
