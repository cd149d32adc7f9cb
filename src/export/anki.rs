//! Anki's notes import format: one note per line, tab-separated, with the header lines
//! Anki reads. Each row is the card id as the note's GUID (so importing the file again
//! updates the same notes and never merges two cards that share a question), the front
//! (the question), the back (answer, key points and takeaway as simple HTML), the deck
//! (`prepdeck::Topic::Subtopic`) and the card's tags; the note type is Basic, whatever
//! the person's current one is.
//!
//! Markdown is rendered to HTML; raw HTML in the source is treated alike in every field,
//! as prepdeck's own screens show it: `<b>`, `<i>`, `<code>`, `<kbd>`, `<br>` and a few
//! other formatting tags keep their meaning, any other tag is dropped and its text kept.
//! Quotes are escaped, a tab is written `&#9;` (inside a code block it stays a tab), a
//! newline in code `<br>`, and a field that starts with `#` is escaped or quoted, so no
//! row can break, be read as quoted, or be taken for a comment.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Options, Parser, html};

use crate::model::Card;

/// The root deck of the export unless `--deck-prefix` names another.
pub const DEFAULT_DECK_PREFIX: &str = "prepdeck";

/// The header lines: where each column is, and the note type.
pub const HEADER: &str =
    "#separator:tab\n#html:true\n#notetype:Basic\n#guid column:1\n#deck column:4\n#tags column:5\n";

/// The notes file for `cards`, their decks under `deck_prefix` (`::` separates levels;
/// empty puts the topics at the top level).
pub fn export(cards: &[Card], deck_prefix: &str) -> String {
    let mut out = String::from(HEADER);
    for card in cards {
        out.push_str(&plain_field(&card.id));
        out.push('\t');
        out.push_str(&escape_hash(inline_html(&card.question)));
        out.push('\t');
        out.push_str(&escape_hash(back(card)));
        out.push('\t');
        out.push_str(&plain_field(&deck(card, deck_prefix)));
        out.push('\t');
        out.push_str(&plain_field(&tags(card).join(" ")));
        out.push('\n');
    }
    out
}

/// The back of the note: the answer, the key points and the takeaway; the detail only
/// when there is none of those.
pub fn back(card: &Card) -> String {
    let mut html = String::new();
    if let Some(answer) = &card.answer {
        html.push_str(&markdown_html(answer));
    }
    if !card.key_points.is_empty() {
        html.push_str("<ul>");
        for point in &card.key_points {
            html.push_str(&format!("<li>{}</li>", inline_html(point)));
        }
        html.push_str("</ul>");
    }
    if let Some(takeaway) = &card.takeaway {
        html.push_str(&format!(
            "<p><b>Takeaway:</b> {}</p>",
            inline_html(takeaway)
        ));
    }
    if html.is_empty()
        && let Some(detail) = &card.detail
    {
        // A card explained only at length (a design outline, a long answer key) would
        // otherwise have an empty back.
        html.push_str(&markdown_html(detail));
    }
    if html.is_empty() {
        html.push_str("<p><i>No answer yet.</i></p>");
    }
    html
}

/// The card's deck: the prefix, then its topic path, joined by `::`. A `::` inside a
/// topic name would open a level of its own, so it is written as `:`.
pub fn deck(card: &Card, deck_prefix: &str) -> String {
    let mut levels: Vec<String> = deck_prefix
        .split("::")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    levels.extend(
        card.topic
            .iter()
            .map(|t| {
                t.replace("::", ":")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|t| !t.is_empty()),
    );
    if levels.is_empty() {
        DEFAULT_DECK_PREFIX.to_string()
    } else {
        levels.join("::")
    }
}

/// The card's own tags; spaces become `_`, since Anki separates tags with spaces. The
/// topic path is the deck, so it is not repeated as a tag.
pub fn tags(card: &Card) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in &card.tags {
        let t = t.split_whitespace().collect::<Vec<_>>().join("_");
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Markdown → HTML on one line: raw HTML keeps the formatting tags prepdeck shows and
/// loses the others (their text stays), tabs become `&#9;`, newlines inside `<pre>`
/// `<br>` and other newlines spaces, quotes in text `&quot;`.
pub fn markdown_html(markdown: &str) -> String {
    let events = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .map(|event| match event {
        Event::Html(raw) => Event::Html(CowStr::from(formatting_only(&raw))),
        Event::InlineHtml(raw) => Event::InlineHtml(CowStr::from(formatting_only(&raw))),
        other => other,
    });
    let mut rendered = String::new();
    html::push_html(&mut rendered, events);
    let mut out = String::with_capacity(rendered.len());
    let mut in_pre = false;
    // Text `<` is escaped by the renderer and raw HTML keeps only whole tags, so every
    // literal `<` opens a tag.
    let mut in_tag = false;
    let mut rest = rendered.as_str();
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("<pre") {
            in_pre = true;
        } else if rest.starts_with("</pre>") {
            in_pre = false;
        }
        match c {
            '\n' if in_pre => out.push_str("<br>"),
            '\t' => out.push_str("&#9;"),
            '\n' | '\r' => out.push(' '),
            '<' => {
                in_tag = true;
                out.push(c);
            }
            '>' => {
                in_tag = false;
                out.push(c);
            }
            '"' if !in_tag => out.push_str("&quot;"),
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out.trim_matches([' ', '\n', '\r']).to_string()
}

/// Like `markdown_html` for one line of text, without the wrapping paragraph.
pub fn inline_html(markdown: &str) -> String {
    let html = markdown_html(markdown);
    match html
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html,
    }
}

/// Raw HTML with only the formatting tags kept, written plainly (no attributes); other
/// tags are dropped, a `<` that opens no tag is escaped, the text is kept.
fn formatting_only(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag = &rest[open + 1..];
        match tag.find('>') {
            Some(close)
                if tag.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') =>
            {
                if let Some(kept) = formatting_tag(&tag[..close]) {
                    out.push_str(&kept);
                }
                rest = &tag[close + 1..];
            }
            _ => {
                out.push_str("&lt;");
                rest = tag;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `<b>`, `</code>`, `<br>` … for the tags prepdeck renders, `None` for the rest.
fn formatting_tag(inner: &str) -> Option<String> {
    let inner = inner.trim().trim_end_matches('/').trim_end();
    let (closing, body) = match inner.strip_prefix('/') {
        Some(body) => (true, body.trim_start()),
        None => (false, inner),
    };
    let name_end = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let name = body[..name_end].to_ascii_lowercase();
    match name.as_str() {
        "br" if !closing => Some("<br>".to_string()),
        "b" | "strong" | "i" | "em" | "code" | "kbd" | "u" | "s" | "sub" | "sup" => {
            Some(format!("<{}{name}>", if closing { "/" } else { "" }))
        }
        _ => None,
    }
}

/// A field that starts with `#` would make Anki read the row as a comment when it is the
/// first: its `#` becomes the character reference `&#35;`, which shows the same.
fn escape_hash(field: String) -> String {
    match field.strip_prefix('#') {
        Some(rest) => format!("&#35;{rest}"),
        None => field,
    }
}

/// A column that is not HTML (GUID, deck, tags): quoted as CSV when it starts with a
/// quote or `#`, which Anki would otherwise take for a quoted field or a comment.
fn plain_field(text: &str) -> Cow<'_, str> {
    if text.starts_with(['"', '#']) || text.contains(['\t', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_keeps_formatting_and_drops_the_rest() {
        assert_eq!(
            markdown_html("It <b>is</b> <kbd>x</kbd> <script>y</script> and <pid>."),
            "<p>It <b>is</b> <kbd>x</kbd> y and .</p>"
        );
        assert_eq!(
            formatting_only("<div class=\"a\">one<br/>two</div> 1 < 2"),
            "one<br>two 1 &lt; 2"
        );
        assert_eq!(formatting_only("<STRONG>x</Strong>"), "<strong>x</strong>");
    }

    #[test]
    fn code_keeps_its_tabs_and_lines() {
        let html = markdown_html("```\nif x:\n\treturn 1\n```");
        assert_eq!(html, "<pre><code>if x:<br>&#9;return 1<br></code></pre>");
    }

    #[test]
    fn hash_and_quotes_cannot_break_a_row() {
        assert_eq!(escape_hash("#1 cause".to_string()), "&#35;1 cause");
        assert_eq!(plain_field("#abc"), "\"#abc\"");
        assert_eq!(plain_field("\"q\" x"), "\"\"\"q\"\" x\"");
        assert_eq!(plain_field("a\"b"), "a\"b");
    }
}
