//! Anki's notes import format: one note per line, tab-separated, with the header lines
//! Anki reads (`#separator:tab`, `#html:true`, `#tags column:3`). The front is the
//! question, the back the answer, key points and takeaway as simple HTML. Field text is
//! HTML-escaped (quotes included, so Anki never sees a quoted field) and its tabs and
//! newlines are turned into spaces and `<br>`, so a field can never break a row.

use crate::model::Card;

/// The notes file for `cards`.
pub fn export(cards: &[Card]) -> String {
    let mut out = String::from("#separator:tab\n#html:true\n#tags column:3\n");
    for card in cards {
        out.push_str(&escape(&card.question));
        out.push('\t');
        out.push_str(&back(card));
        out.push('\t');
        out.push_str(&tags(card).join(" "));
        out.push('\n');
    }
    out
}

/// The back of the note.
pub fn back(card: &Card) -> String {
    let mut html = String::new();
    if let Some(answer) = &card.answer {
        html.push_str(&format!("<p>{}</p>", escape(answer)));
    }
    if !card.key_points.is_empty() {
        html.push_str("<ul>");
        for point in &card.key_points {
            html.push_str(&format!("<li>{}</li>", escape(point)));
        }
        html.push_str("</ul>");
    }
    if let Some(takeaway) = &card.takeaway {
        html.push_str(&format!("<p><b>Takeaway:</b> {}</p>", escape(takeaway)));
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
    let path: Vec<String> = card.topic.iter().map(|t| tag(t)).filter(|t| !t.is_empty()).collect();
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

/// HTML-escapes `text` and keeps it on one row: newlines → `<br>`, tabs → a space.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            '\t' => out.push(' '),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}
