//! Writes cards in prepdeck's canonical layout (content/README.md), so a bank imported
//! from any layout can be converted once and edited from then on.
//!
//! Loading the export gives the same cards: same questions, fields and ids. Ids hash the
//! topic path, and the canonical layout has one level of topic inside a file, so the
//! export writes the shared first topic as the front-matter `title`, the rest of each
//! path as a `#` heading (deeper levels joined with ` › `), and an explicit `Id:` line
//! for exactly those cards whose id would otherwise change. That set is found by loading
//! the export once without `Id:` lines and comparing.

use std::fmt::Write as _;

use crate::load::load_text;
use crate::model::{Align, Card, Table};
use crate::parse::field_text::canonical_safe;

/// The title used when the cards come from files with different titles.
pub const MIXED_TITLE: &str = "Exported cards";

/// The canonical markdown for `cards`.
pub fn export(cards: &[Card]) -> String {
    let (title, groups) = plan(cards);
    let order: Vec<&Card> = groups.iter().flat_map(|(_, g)| g.iter().copied()).collect();
    let draft = render(&title, &groups, &|_| false);
    let reloaded = load_text("export.md", &draft);
    let same_shape = reloaded.cards.len() == order.len();
    let needs_id: Vec<&str> = order
        .iter()
        .enumerate()
        .filter(|(i, c)| !same_shape || reloaded.cards[*i].id != c.id)
        .map(|(_, c)| c.id.as_str())
        .collect();
    if needs_id.is_empty() {
        draft
    } else {
        render(&title, &groups, &|id| needs_id.contains(&id))
    }
}

type Groups<'a> = Vec<(Option<String>, Vec<&'a Card>)>;

/// The file title and the cards grouped under their `#` headings, in first-seen order;
/// cards with no heading come first, since a `#` topic runs to the next one.
fn plan(cards: &[Card]) -> (String, Groups<'_>) {
    let first = cards.first().and_then(|c| c.topic.first());
    let shared = first.is_some_and(|f| cards.iter().all(|c| c.topic.first() == Some(f)));
    let title = match (shared, first) {
        (true, Some(f)) => f.clone(),
        _ => MIXED_TITLE.to_string(),
    };
    let mut groups: Groups = vec![(None, Vec::new())];
    for card in cards {
        let rest = if shared {
            &card.topic[1..]
        } else {
            &card.topic[..]
        };
        let heading = (!rest.is_empty()).then(|| rest.join(" › "));
        match groups.iter_mut().find(|(h, _)| *h == heading) {
            Some((_, g)) => g.push(card),
            None => groups.push((heading, vec![card])),
        }
    }
    (title, groups)
}

fn render(title: &str, groups: &Groups, explicit: &dyn Fn(&str) -> bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "+++\ntitle = {}\n+++\n",
        toml::Value::String(title.to_string())
    );
    for (heading, cards) in groups {
        if cards.is_empty() {
            continue;
        }
        if let Some(h) = heading {
            let _ = writeln!(out, "# {}\n", one_line(h));
        }
        for card in cards {
            write_card(&mut out, card, explicit(&card.id));
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn write_card(out: &mut String, card: &Card, explicit_id: bool) {
    let _ = writeln!(out, "## {}\n", one_line(&card.question));
    if explicit_id {
        let _ = writeln!(out, "Id: {}", card.id);
    }
    if !card.tags.is_empty() {
        let _ = writeln!(out, "Tags: {}", card.tags.join(", "));
    }
    if explicit_id || !card.tags.is_empty() {
        out.push('\n');
    }
    let mut section = |name: &str, body: &str| {
        let body = canonical_safe(body);
        if body.is_empty() {
            let _ = writeln!(out, "### {name}\n");
        } else {
            let _ = writeln!(out, "### {name}\n{body}\n");
        }
    };
    if let Some(why) = &card.why {
        section("Why it is asked", why);
    }
    match &card.answer {
        Some(answer) => section("Answer", answer),
        // An empty section keeps an unanswered card unanswered, marks the file as
        // canonical even when no card has any field, and shows where the answer goes.
        None if card.is_unanswered() => section("Answer", ""),
        None => {}
    }
    if !card.key_points.is_empty() {
        section("Key points", &bullets(&card.key_points));
    }
    if let Some(detail) = &card.detail {
        section("Detail", detail);
    }
    if !card.tables.is_empty() {
        let tables: Vec<String> = card.tables.iter().map(table).collect();
        section("Table", &tables.join("\n\n"));
    }
    if let Some(takeaway) = &card.takeaway {
        section("Takeaway", takeaway);
    }
    if let Some(example) = &card.example {
        section("Example answer", example);
    }
    if !card.follow_ups.is_empty() {
        section("Follow-ups", &bullets(&card.follow_ups));
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `- item`, continuation lines indented under it. Plain continuation lines would be
/// read back as the same paragraph (joined with a space), so a blank line keeps them apart.
fn bullets(items: &[String]) -> String {
    let mut out = String::new();
    for item in items {
        let rest: Vec<&str> = item.lines().skip(1).collect();
        let would_join = !rest.is_empty()
            && rest.iter().all(|l| {
                let t = l.trim_start();
                !t.is_empty()
                    && crate::parse::block::list_item_body(t).is_none()
                    && !t.starts_with("```")
                    && !t.starts_with("~~~")
            });
        for (i, line) in item.lines().enumerate() {
            if i == 1 && would_join {
                out.push('\n');
            }
            if i == 0 {
                out.push_str("- ");
            } else if !line.trim().is_empty() {
                out.push_str("  ");
            }
            out.push_str(if line.trim().is_empty() { "" } else { line });
            out.push('\n');
        }
    }
    out.trim_end().to_string()
}

fn table(t: &Table) -> String {
    let cell = |c: &str| c.replace('|', "\\|");
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        format!("| {} |", cells.join(" | "))
    };
    let align: Vec<&str> = t
        .align
        .iter()
        .map(|a| match a {
            Align::Left => ":---",
            Align::Center => ":---:",
            Align::Right => "---:",
            Align::None => "---",
        })
        .collect();
    let mut lines = vec![row(&t.header), format!("| {} |", align.join(" | "))];
    lines.extend(t.rows.iter().map(|r| row(r)));
    lines.join("\n")
}
