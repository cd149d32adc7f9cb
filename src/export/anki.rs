//! Anki's notes import format: one note per line, tab-separated, with the header lines
//! Anki reads (`#separator:tab`, `#html:true`, `#tags column:3`). The front is the
//! question, the back the answer, key points and takeaway as simple HTML.
//!
//! Markdown is rendered to HTML with raw HTML in the source escaped as text, so a card
//! can only produce the tags the renderer writes. Quotes are escaped too, so Anki never
//! sees a quoted field, and no tab or newline survives: a field can never break a row.

use pulldown_cmark::{Event, Options, Parser, html};

use crate::model::Card;

/// The notes file for `cards`.
pub fn export(cards: &[Card]) -> String {
    let mut out = String::from("#separator:tab\n#html:true\n#tags column:3\n");
    for card in cards {
        out.push_str(&inline_html(&card.question));
        out.push('\t');
        out.push_str(&back(card));
        out.push('\t');
        out.push_str(&tags(card).join(" "));
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

/// One hierarchical tag for the topic path (`Platform::Kubernetes`), then the card's own
/// tags; spaces become `_`, since Anki separates tags with spaces.
pub fn tags(card: &Card) -> Vec<String> {
    let tag = |s: &str| s.split_whitespace().collect::<Vec<_>>().join("_");
    let mut out = Vec::new();
    let path: Vec<String> = card
        .topic
        .iter()
        .map(|t| tag(t))
        .filter(|t| !t.is_empty())
        .collect();
    if !path.is_empty() {
        out.push(path.join("::"));
    }
    for t in &card.tags {
        let t = tag(t);
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Markdown → HTML on one line: raw HTML is shown as text, newlines inside `<pre>` become
/// `<br>` and other newlines spaces, tabs become spaces, quotes in text `&quot;`.
pub fn markdown_html(markdown: &str) -> String {
    let events = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut rendered = String::new();
    html::push_html(&mut rendered, events);
    let mut out = String::with_capacity(rendered.len());
    let mut in_pre = false;
    // Text `<` is escaped by the renderer, so every literal `<` opens one of its tags.
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
            '\n' | '\t' | '\r' => out.push(' '),
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
    out.trim().to_string()
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
