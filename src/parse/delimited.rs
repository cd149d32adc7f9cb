//! Reads tables of cards: Anki's "Notes in Plain Text" export (`.txt` with `#separator:`,
//! `#html:`, `#guid column:`, `#deck column:` … header lines, or an older export with
//! none, every row the same number of tabs) and CSV or TSV files whose first row names
//! a question (or front) and an answer (or back) column, with optional tags, topic (or
//! deck), id and detail columns.
//!
//! HTML fields become the card's markdown (`html_markdown`); a back written by
//! prepdeck's own Anki export comes apart again into answer, key points and takeaway. A
//! deck `A::B` is the topic path (a root every row shares titles the file), tags are
//! kept, and a GUID becomes the card's id, so exporting the cards to Anki again updates
//! the same notes and progress stays with them. Rows that cannot make a card are
//! reported with their line; a file with none says why.

mod cloze;
mod columns;
mod escape;
mod html_markdown;
mod html_stream;
mod html_tokens;
mod html_tree;
mod inline;
mod records;

use std::borrow::Cow;
use std::collections::HashMap;

use super::{Layout, ParsedFile, RawCard};
use columns::{Columns, Role};
use html_markdown::{Block, blocks, one_line, plain_blocks, question_line, render};
use records::{Dialect, Record, records};

/// Which table reader a file needs, if any: Anki's headers say so wherever they are,
/// `.csv` and `.tsv` always are tables, and a `.txt` is one when its first row names
/// question and answer columns between tabs or every row has the same tabs.
pub fn sniff(name: Option<&str>, text: &str) -> Option<Layout> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    if columns::anki_header(first).is_some() {
        return Some(Layout::AnkiText);
    }
    let extension = name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, ext)| ext.to_ascii_lowercase());
    match extension.as_deref() {
        Some("csv" | "tsv") => Some(Layout::Csv),
        Some("txt") | None => {
            if Columns::from_header(&split_line(first, '\t')).is_some() {
                Some(Layout::Csv)
            } else if extension.is_some() && same_tabs_everywhere(text) {
                Some(Layout::AnkiText)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Reads the file's rows into `parsed` as the layout `sniff` found.
pub fn parse(text: &str, layout: Layout, parsed: &mut ParsedFile) {
    let (columns, rows) = match layout {
        Layout::AnkiText => anki_table(text, parsed),
        _ => match header_table(text, parsed) {
            Some(found) => found,
            None => return,
        },
    };
    let mut guids: HashMap<String, usize> = HashMap::new();
    let mut skipped = 0;
    for row in &rows {
        match card(row, &columns, parsed) {
            Some(mut card) => {
                if let Some(guid) = &card.explicit_id {
                    if let Some(first) = guids.get(guid) {
                        parsed.warn(
                            row.line,
                            format!("GUID `{guid}` is also the GUID of the row at line {first}: this row's card gets `{guid}-2` or later as its id; give every row its own GUID"),
                        );
                    } else {
                        guids.insert(guid.clone(), row.line);
                    }
                }
                card.line = row.line;
                parsed.cards.push(card);
            }
            None => skipped += 1,
        }
    }
    title_from_shared_root(parsed);
    if parsed.cards.is_empty() && parsed.errors.is_empty() {
        let why = if rows.is_empty() {
            "no cards: the file has no rows of cards below its header lines".to_string()
        } else {
            format!("no cards: none of its {skipped} rows has a question (see the warnings above)")
        };
        parsed.warn(1, why);
    }
}

/// The columns and rows of an Anki export: header lines first, then tab-separated notes
/// (or whatever `#separator:` says).
fn anki_table<'a>(text: &'a str, parsed: &mut ParsedFile) -> (Columns, Vec<Record<'a>>) {
    let mut settings = columns::AnkiSettings::default();
    let mut body_line = 1;
    let mut rest = text;
    while let Some(raw) = rest.split_inclusive('\n').next() {
        let line = raw.trim_end_matches(['\n', '\r']);
        if !line.starts_with('#') {
            break;
        }
        if let Err(problem) = settings.read(line) {
            parsed.warn(body_line, problem);
        }
        rest = &rest[raw.len()..];
        body_line += 1;
    }
    let separator = settings
        .separator
        .unwrap_or_else(|| guess_separator(rest.lines().find(|l| !l.trim().is_empty())));
    let rows = records(
        rest,
        body_line,
        Dialect {
            separator,
            comments: true,
        },
    );
    for row in rows.iter().filter(|r| r.unclosed) {
        parsed.warn(row.line, unclosed_quote());
    }
    (settings.into_columns(separator), rows)
}

/// The columns named by the first row and the rows after it; `None`, with a warning
/// saying what the first row needs, when it names no question and answer.
fn header_table<'a>(text: &'a str, parsed: &mut ParsedFile) -> Option<(Columns, Vec<Record<'a>>)> {
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let separator = guess_separator(Some(first));
    let mut rows = records(
        text,
        1,
        Dialect {
            separator,
            comments: false,
        },
    );
    if rows.is_empty() {
        parsed.warn(1, "empty file: no cards");
        return None;
    }
    let header = rows.remove(0);
    let Some(columns) = Columns::from_header(&header.fields) else {
        parsed.warn(
            header.line,
            format!(
                "no cards: the first row should name the columns, with a question (or front) and an answer (or back) column, e.g. `question{0}answer{0}tags{0}topic`; it reads `{1}`",
                if separator == '\t' { "<tab>".to_string() } else { separator.to_string() },
                header.fields.join(&separator.to_string()).chars().take(80).collect::<String>()
            ),
        );
        return None;
    };
    if !columns.ignored.is_empty() {
        parsed.warn(
            header.line,
            format!(
                "columns not read: {}; prepdeck reads question (front), answer (back), tags, topic (deck), id (guid) and detail (notes) columns",
                columns.ignored.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
            ),
        );
    }
    for row in rows.iter().filter(|r| r.unclosed) {
        parsed.warn(row.line, unclosed_quote());
    }
    Some((columns, rows))
}

fn unclosed_quote() -> String {
    "a quoted field is never closed, so the rest of the file was read into it: add the closing `\"` (a quote inside a quoted field is written `\"\"`)".to_string()
}

/// One row as a card, or `None` with a warning saying why it is skipped.
fn card(row: &Record, columns: &Columns, parsed: &mut ParsedFile) -> Option<RawCard> {
    let field = |role: Role| -> Option<&str> {
        columns
            .index(role)
            .and_then(|i| row.fields.get(i))
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
    };
    let Some(question_field) = field(Role::Question) else {
        let wanted = columns.index(Role::Question).map_or(1, |i| i + 1);
        parsed.warn(
            row.line,
            format!(
                "row skipped: its question (field {wanted}) is empty; {} fields in the row",
                row.fields.len()
            ),
        );
        return None;
    };
    let markdown = |text: &str| -> Vec<Block> {
        if columns.html || (columns.html_if_tagged && looks_like_html(text)) {
            blocks(text)
        } else if columns.html_if_tagged {
            // A spreadsheet's text is taken as the markdown it most likely is.
            vec![Block::Paragraph(vec![text.to_string()])]
        } else {
            plain_blocks(text)
        }
    };
    let question_md = if columns.html || (columns.html_if_tagged && looks_like_html(question_field))
    {
        question_line(question_field)
    } else {
        one_line(&markdown(question_field))
    };
    if question_md.is_empty() {
        parsed.warn(
            row.line,
            "row skipped: its question holds only markup and no words",
        );
        return None;
    }
    let mut card = RawCard::default();
    let is_cloze = columns.cloze(field(Role::Notetype)) || cloze::has_deletions(&question_md);
    let mut detail: Vec<String> = Vec::new();
    let answer = field(Role::Answer).map(&markdown);
    if is_cloze {
        card.question = cloze::hidden(&question_md);
        card.answer = Some(cloze::shown(&question_md));
        detail.extend(answer.map(|b| render(&b)).filter(|t| !t.is_empty()));
    } else {
        card.question = question_md;
        if let Some(back) = answer {
            split_back(back, &mut card);
        }
    }
    detail.extend(
        columns
            .extra_indices(row.fields.len())
            .iter()
            .filter_map(|&i| row.fields.get(i))
            .map(|f| render(&markdown(f.trim())))
            .filter(|t| !t.is_empty()),
    );
    if let Some(d) = field(Role::Detail) {
        detail.push(render(&markdown(d)));
    }
    card.detail = (!detail.is_empty()).then(|| detail.join("\n\n"));
    card.topics = field(Role::Deck)
        .or(columns.fixed_deck.as_deref())
        .map(|deck| {
            deck.split("::")
                .map(single_spaced)
                .filter(|level| !level.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if let Some(tags) = field(Role::Tags) {
        for tag in tags.split(|c: char| c.is_whitespace() || (!columns.html && c == ',')) {
            let tag = tag.trim();
            if !tag.is_empty() && !card.tags.iter().any(|t| t == tag) {
                card.tags.push(tag.to_string());
            }
        }
    }
    for tag in &columns.fixed_tags {
        if !parsed.tags.contains(tag) {
            parsed.tags.push(tag.clone());
        }
    }
    if let Some(guid) = field(Role::Guid) {
        if valid_guid(guid) {
            card.explicit_id = Some(guid.to_string());
        } else {
            parsed.warn(
                row.line,
                format!("GUID `{}` has spaces or control characters, or is over 128 characters: the card gets an id from its topic and question instead", guid.chars().take(40).collect::<String>()),
            );
        }
    }
    Some(card)
}

/// Splits a back into the answer, key points and takeaway the way prepdeck's Anki export
/// puts them together: a last `**Takeaway:**` paragraph is the takeaway, a bullet list
/// then ending the back is the key points, the rest the answer.
fn split_back(mut back: Vec<Block>, card: &mut RawCard) {
    if let Some(Block::Paragraph(lines)) = back.last()
        && let Some(first) = lines.first()
        && let Some(rest) = first.strip_prefix("**Takeaway:**")
    {
        let mut text = vec![rest.trim().to_string()];
        text.extend(lines.iter().skip(1).cloned());
        card.takeaway = Some(text.join("\\\n")).filter(|t| !t.trim().is_empty());
        back.pop();
    }
    if matches!(back.last(), Some(Block::List { ordered: false, .. }))
        && let Some(Block::List { items, .. }) = back.pop()
    {
        card.key_points = items;
    }
    let answer = render(&back);
    card.answer = (!answer.trim().is_empty()).then_some(answer);
}

/// A root deck shared by every card (`prepdeck::…`) titles the file instead of being a
/// topic level of its own.
fn title_from_shared_root(parsed: &mut ParsedFile) {
    let Some(root) = parsed.cards.first().and_then(|c| c.topics.first()).cloned() else {
        return;
    };
    let shared = parsed
        .cards
        .iter()
        .all(|c| c.topics.len() >= 2 && c.topics[0] == root);
    if shared {
        for card in &mut parsed.cards {
            card.topics.remove(0);
        }
        parsed.title = Some(root);
    }
}

/// The words of `text` joined by single spaces; most deck names are written so already
/// and are copied whole.
fn single_spaced(text: &str) -> String {
    // A space first, last or after another one, or any other whitespace (all of it
    // ASCII control characters or beyond ASCII), and the words are gathered again.
    let mut space_before = true;
    let mut already = true;
    for &b in text.as_bytes() {
        if !b.is_ascii()
            || matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
            || (b == b' ' && space_before)
        {
            already = false;
            break;
        }
        space_before = b == b' ';
    }
    if already && !space_before {
        text.to_string()
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// A GUID prepdeck can keep as a card id: printable, no spaces, at most 128 characters.
fn valid_guid(guid: &str) -> bool {
    guid.chars().count() <= 128 && guid.chars().all(|c| !c.is_whitespace() && !c.is_control())
}

/// Whether a spreadsheet cell holds HTML: a tag prepdeck knows, or a character reference.
fn looks_like_html(text: &str) -> bool {
    const TAGS: [&str; 12] = [
        "<br", "<div", "<p>", "<b>", "<i>", "<ul", "<ol", "<li", "<code", "<pre", "<span",
        "<strong",
    ];
    TAGS.iter()
        .any(|t| crate::text::find_ignore_ascii_case(text, t).is_some())
        || ["&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "&#"]
            .iter()
            .any(|e| text.contains(e))
}

/// The separator a first row most likely uses: the most frequent of tab, `;`, `,` and
/// `|` outside quotes (tab when there is none).
fn guess_separator(first: Option<&str>) -> char {
    let Some(line) = first else {
        return '\t';
    };
    let mut quoted = false;
    let mut counts = [0usize; 4];
    let candidates = ['\t', ';', ',', '|'];
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted && let Some(i) = candidates.iter().position(|&s| s == c) {
            counts[i] += 1;
        }
    }
    let best = (0..4).max_by_key(|&i| (counts[i], 4 - i)).unwrap_or(0);
    if counts[best] == 0 {
        '\t'
    } else {
        candidates[best]
    }
}

/// The cells of one line split at `separator`, quotes removed: enough for a header row.
fn split_line(line: &str, separator: char) -> Vec<String> {
    records(
        line,
        1,
        Dialect {
            separator,
            comments: false,
        },
    )
    .into_iter()
    .next()
    .map(|r| r.fields.into_iter().map(Cow::into_owned).collect())
    .unwrap_or_default()
}

/// An old Anki export without header lines: at least two rows, each with the same
/// number of tabs (one or more), none of them indented or a markdown heading.
fn same_tabs_everywhere(text: &str) -> bool {
    let mut rows = text.lines().filter(|l| !l.trim().is_empty()).take(50);
    let Some(first) = rows.next() else {
        return false;
    };
    let tabs = |l: &str| l.matches('\t').count();
    let plain = |l: &str| !l.starts_with(['\t', ' ', '#']);
    let want = tabs(first);
    let mut seen = 1;
    for row in rows {
        if tabs(row) != want || !plain(row) {
            return false;
        }
        seen += 1;
    }
    want > 0 && plain(first) && seen >= 2
}

#[cfg(test)]
mod tests;
