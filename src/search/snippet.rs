//! Why an all-fields hit matched: the field where a searched word was found and a short
//! excerpt around it ("key points: … canary shifts 5% of the traffic …"), with the
//! positions of every searched word in the excerpt, for highlighting.

use crate::model::Card;

/// Characters kept before the word, so the excerpt reads from a little earlier.
const LEAD: usize = 24;
/// Characters of excerpt at most; the screen cuts it further to its width.
const LENGTH: usize = 160;

/// The excerpt of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The field, as the card names it: "key points", "detail", "table" …
    pub field: &'static str,
    /// One line of the field's text, with `…` where it was cut.
    pub text: String,
    /// Sorted character positions in `text` of the searched words.
    pub marks: Vec<u32>,
}

/// The excerpt for the first word of `query` that the question does not hold, from the
/// first field holding it; `None` when the question holds every word (its own
/// highlight says why it matched).
pub fn snippet(card: &Card, query: &str) -> Option<Snippet> {
    let words: Vec<Vec<char>> = query.split_whitespace().map(lower_chars).collect();
    let question = lower_chars(&card.question);
    let word = words.iter().find(|w| find(&question, w, 0).is_none())?;
    let mut found = None;
    for_each_labelled_field(card, |field, text| {
        if found.is_some() {
            return;
        }
        let chars: Vec<char> = one_line(text).chars().collect();
        let lower: Vec<char> = chars.iter().map(|&c| lower_char(c)).collect();
        if let Some(at) = find(&lower, word, 0) {
            found = Some(excerpt(field, &chars, &lower, at, &words));
        }
    });
    found
}

/// The field name of the person's own answer in a hit's excerpt.
pub const OWN_ANSWER: &str = "your own answer";

/// The excerpt of the person's own answer `note` for the first word of `query` that
/// `question` does not hold, when the note holds it.
pub fn note_snippet(note: &str, question: &str, query: &str) -> Option<Snippet> {
    let words: Vec<Vec<char>> = query.split_whitespace().map(lower_chars).collect();
    let question = lower_chars(question);
    let word = words.iter().find(|w| find(&question, w, 0).is_none())?;
    let chars: Vec<char> = one_line(note).chars().collect();
    let lower: Vec<char> = chars.iter().map(|&c| lower_char(c)).collect();
    let at = find(&lower, word, 0)?;
    Some(excerpt(OWN_ANSWER, &chars, &lower, at, &words))
}

/// True when every word of `query` occurs, in any case, in the question or the note:
/// the all-fields rule, applied to a card's own answer.
pub fn note_matches(note: &str, question: &str, query: &str) -> bool {
    let note = lower_chars(note);
    let question = lower_chars(question);
    let mut words = query.split_whitespace().map(lower_chars).peekable();
    words.peek().is_some()
        && words.all(|w| find(&note, &w, 0).is_some() || find(&question, &w, 0).is_some())
}

fn excerpt(
    field: &'static str,
    chars: &[char],
    lower: &[char],
    at: usize,
    words: &[Vec<char>],
) -> Snippet {
    // Start at a word: where the lead begins if a word does, else after its first space.
    let lead_from = at.saturating_sub(LEAD);
    let start = if lead_from == 0 || chars[lead_from - 1] == ' ' {
        lead_from
    } else {
        chars[lead_from..at]
            .iter()
            .position(|&c| c == ' ')
            .map_or(lead_from, |space| lead_from + space + 1)
    };
    let end = (start + LENGTH).min(chars.len());
    let lead = if start > 0 { "… " } else { "" };
    let shift = lead.chars().count();
    let mut text: String = lead.to_string();
    text.extend(&chars[start..end]);
    if end < chars.len() {
        text.push_str(" …");
    }
    let window = &lower[start..end];
    let mut marks: Vec<u32> = Vec::new();
    for word in words.iter().filter(|w| !w.is_empty()) {
        let mut from = 0;
        while let Some(hit) = find(window, word, from) {
            marks.extend((hit..hit + word.len()).filter_map(|k| u32::try_from(k + shift).ok()));
            from = hit + word.len();
        }
    }
    marks.sort_unstable();
    marks.dedup();
    Snippet { field, text, marks }
}

/// Every searchable field of a card with its name, in the order the card shows them.
fn for_each_labelled_field(card: &Card, mut visit: impl FnMut(&'static str, &str)) {
    for (field, text) in [("why it is asked", &card.why), ("answer", &card.answer)] {
        if let Some(text) = text {
            visit(field, text);
        }
    }
    card.key_points.iter().for_each(|p| visit("key points", p));
    if let Some(detail) = &card.detail {
        visit("detail", detail);
    }
    for table in &card.tables {
        table
            .header
            .iter()
            .chain(table.rows.iter().flatten())
            .for_each(|c| visit("table", c));
    }
    for (field, text) in [
        ("takeaway", &card.takeaway),
        ("example answer", &card.example),
    ] {
        if let Some(text) = text {
            visit(field, text);
        }
    }
    card.follow_ups.iter().for_each(|f| visit("follow-ups", f));
    card.tags.iter().for_each(|t| visit("tags", t));
    card.topic.iter().for_each(|t| visit("topic", t));
}

/// The text on one line: newlines and runs of spaces become one space, markdown's
/// emphasis and code marks are dropped.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !matches!(c, '*' | '`')));
    }
    out
}

/// Lower case one character to one character, so positions stay the same.
fn lower_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn lower_chars(text: &str) -> Vec<char> {
    text.chars().map(lower_char).collect()
}

fn find(hay: &[char], word: &[char], from: usize) -> Option<usize> {
    if word.is_empty() || hay.len() < word.len() {
        return None;
    }
    (from..=hay.len() - word.len()).find(|&i| hay[i..i + word.len()] == *word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_own_answer_matches_and_gives_its_excerpt() {
        let note = "At Acme the **catalogue** API\nread Postgres 40 times per page.";
        assert!(note_matches(
            note,
            "When would you cache?",
            "postgres CACHE"
        ));
        assert!(!note_matches(
            note,
            "When would you cache?",
            "postgres redis"
        ));
        assert!(!note_matches(note, "When would you cache?", "  "));
        let found = note_snippet(note, "When would you cache?", "cache postgres").unwrap();
        assert_eq!(found.field, OWN_ANSWER);
        assert!(
            found.text.contains("read Postgres 40 times"),
            "{}",
            found.text
        );
        assert!(note_snippet(note, "Postgres?", "postgres").is_none());
    }
    use crate::load::load_text;

    const CARD: &str = "## How does a canary rollout work?\n### Answer\nSend a little traffic first.\n\
        ### Key points\n- The router **shifts** 5% of the traffic, then 25%, while the error budget holds.\n\
        ### Detail\nA long paragraph that mentions nothing of interest until, much later, the word budget.\n";

    #[test]
    fn names_the_first_field_holding_a_word_the_question_lacks() {
        let deck = load_text("t.md", CARD);
        let s = snippet(&deck.cards[0], "canary budget").unwrap();
        assert_eq!(s.field, "key points");
        assert!(s.text.starts_with("… "), "{}", s.text);
        assert!(
            s.text.contains("while the error budget holds."),
            "{}",
            s.text
        );
        let marked: String = s
            .text
            .chars()
            .enumerate()
            .filter(|(i, _)| s.marks.contains(&u32::try_from(*i).unwrap()))
            .map(|(_, c)| c)
            .collect();
        assert_eq!(marked, "budget");
    }

    #[test]
    fn a_question_holding_every_word_needs_no_snippet() {
        let deck = load_text("t.md", CARD);
        assert_eq!(snippet(&deck.cards[0], "Canary ROLLOUT"), None);
    }

    #[test]
    fn case_and_non_ascii_keep_their_positions() {
        let deck = load_text("t.md", "## Q?\n### Answer\nDie GRÖSSE zählt.\n");
        let s = snippet(&deck.cards[0], "grösse").unwrap();
        assert_eq!(s.field, "answer");
        assert_eq!(s.marks, vec![4, 5, 6, 7, 8, 9]);
        assert_eq!(s.text, "Die GRÖSSE zählt.");
    }
}
