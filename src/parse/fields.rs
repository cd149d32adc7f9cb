//! The card's named sections, the labels that introduce them in every layout, and the
//! builder that collects a card's lines section by section.

use std::borrow::Cow;

use super::RawCard;
use super::block::{Line, join_lines, list_items, split_tables, starts_with_other_visible};
use super::field_text::field_text;

/// A section of a card, whatever a layout calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Why,
    Answer,
    KeyPoints,
    Detail,
    Tables,
    Takeaway,
    Example,
    FollowUps,
    /// The real question, when a layout puts it in a labelled paragraph under a title.
    Question,
}

impl Field {
    /// The section a label or section heading names. Case, emphasis and a trailing
    /// colon do not matter.
    pub fn from_label(label: &str) -> Option<Field> {
        // Normalise (lowercase, no `*`/`_`, single spaces) into a small buffer: every
        // known name is short, so a longer label is no field, and nothing is allocated
        // for the many headings and lines that are not labels.
        let mut name = LabelName::default();
        let label = label.trim().trim_end_matches(':').trim();
        let fits = if label.is_ascii() {
            label.bytes().all(|b| name.push_ascii(b))
        } else {
            label
                .chars()
                .all(|c| c.to_lowercase().all(|l| name.push(l)))
        };
        if !fits {
            return None;
        }
        Field::named(name.as_str()?)
    }

    /// The field for an already normalised name.
    fn named(name: &str) -> Option<Field> {
        let field = match name {
            "why it is asked" | "why it's asked" | "why" | "what it tests"
            | "short explanation" => Field::Why,
            "answer" | "short answer" => Field::Answer,
            "key points" | "expected answer points" | "hints / key points" | "hints" => {
                Field::KeyPoints
            }
            "detail" | "details" | "detailed explanation" | "explanation" => Field::Detail,
            "table" | "tables" | "comparison" | "summary table" => Field::Tables,
            "takeaway" | "key takeaway" => Field::Takeaway,
            "example answer" | "example" | "sample answer" => Field::Example,
            "follow-ups" | "follow-up questions" | "follow ups" | "follow-up" | "followups" => {
                Field::FollowUps
            }
            "question" => Field::Question,
            _ => return None,
        };
        Some(field)
    }
}

/// A label being normalised for `Field::from_label`: lower case, no `*`/`_`, single
/// spaces, in a small buffer (every known name is short, so a longer label is no field).
#[derive(Default)]
struct LabelName {
    buf: [u8; 32],
    len: usize,
    space: bool,
}

impl LabelName {
    /// Adds a lowercased character; false when the name no longer fits.
    fn push(&mut self, c: char) -> bool {
        if c == '*' || c == '_' {
            return true;
        }
        if c.is_whitespace() {
            self.space = self.len > 0;
            return true;
        }
        let need = c.len_utf8() + usize::from(self.space);
        if self.len + need > self.buf.len() {
            return false;
        }
        if self.space {
            self.buf[self.len] = b' ';
            self.len += 1;
            self.space = false;
        }
        self.len += c.encode_utf8(&mut self.buf[self.len..]).len();
        true
    }

    /// `push` for an ASCII byte, lowercased, without decoding a character.
    fn push_ascii(&mut self, b: u8) -> bool {
        match b {
            b'*' | b'_' => true,
            // The ASCII characters `char::is_whitespace` accepts.
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => {
                self.space = self.len > 0;
                true
            }
            _ => {
                let need = 1 + usize::from(self.space);
                if self.len + need > self.buf.len() {
                    return false;
                }
                if self.space {
                    self.buf[self.len] = b' ';
                    self.len += 1;
                    self.space = false;
                }
                self.buf[self.len] = b.to_ascii_lowercase();
                self.len += 1;
                true
            }
        }
    }

    fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.buf[..self.len]).ok()
    }
}

/// A bold label at the start of a line: `**Answer** — text`, `**Answer:** text`,
/// `**Key takeaway**: text`. Returns the field and the text after the label.
pub fn bold_label(text: &str) -> Option<(Field, &str)> {
    if starts_with_other_visible(text, b'*') {
        return None;
    }
    let t = text.trim_start();
    let inner = t.strip_prefix("**")?;
    let close = inner.find("**")?;
    let field = Field::from_label(&inner[..close])?;
    let rest = inner[close + 2..].trim_start();
    let rest = rest
        .strip_prefix([':', '—', '–', '-'])
        .map_or(rest, str::trim_start);
    Some((field, rest))
}

/// Collects one card's lines, section by section, in the order they appear.
#[derive(Debug)]
pub struct CardBuilder<'a> {
    pub question: String,
    pub line: usize,
    pub topics: Vec<String>,
    pub explicit_id: Option<String>,
    pub tags: Vec<String>,
    /// Every line of the card below its question, in order: the text before the first
    /// section (the preamble), then each section's lines.
    lines: Vec<Line<'a>>,
    /// Each section's field and where its lines start in `lines`; a section runs to
    /// the start of the next.
    sections: Vec<(Field, usize)>,
}

impl<'a> CardBuilder<'a> {
    pub fn new(question: String, line: usize, topics: Vec<String>) -> Self {
        CardBuilder {
            question,
            line,
            topics,
            explicit_id: None,
            tags: Vec::new(),
            // A card runs to fifty lines or so: start with room for that many.
            lines: Vec::with_capacity(64),
            sections: Vec::new(),
        }
    }

    /// Starts a section; `first` is text that followed the label on its own line.
    pub fn start(&mut self, field: Field, first: Option<Line<'a>>) {
        self.sections.push((field, self.lines.len()));
        self.lines.extend(first);
    }

    /// The section lines go to now, if one has started.
    pub fn current(&self) -> Option<Field> {
        self.sections.last().map(|(f, _)| *f)
    }

    /// Adds a line to the current section, or to the text before any section.
    pub fn push(&mut self, line: Line<'a>) {
        self.lines.push(line);
    }

    /// True when no line of content has been seen yet.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty() && self.lines.iter().all(Line::is_blank)
    }

    /// The lines before the first section.
    fn preamble(&self) -> &[Line<'a>] {
        let end = self
            .sections
            .first()
            .map_or(self.lines.len(), |&(_, at)| at);
        &self.lines[..end]
    }

    /// The lines of every section named `field`, a blank line between two of them.
    /// Borrowed when there is at most one, as there nearly always is.
    fn gather(&self, field: Field) -> Cow<'_, [Line<'a>]> {
        let ends = self.sections.iter().skip(1).map(|&(_, at)| at);
        let mut found = self
            .sections
            .iter()
            .zip(ends.chain([self.lines.len()]))
            .filter(|((f, _), _)| *f == field)
            .map(|(&(_, start), end)| &self.lines[start..end]);
        let Some(first) = found.next() else {
            return Cow::Borrowed(&[]);
        };
        let Some(second) = found.next() else {
            return Cow::Borrowed(first);
        };
        let mut out = first.to_vec();
        for more in [second].into_iter().chain(found) {
            out.push(Line {
                no: 0,
                text: "",
                fenced: false,
            });
            out.extend_from_slice(more);
        }
        Cow::Owned(out)
    }

    /// Turns the collected lines into fields. Text before the first section becomes the
    /// answer when there is no answer section, or opens the detail otherwise. Prose fields
    /// go through `field_text`, so they can be written back into a canonical file as is.
    pub fn finish(mut self) -> RawCard {
        let mut card = RawCard {
            question: std::mem::take(&mut self.question),
            line: self.line,
            topics: std::mem::take(&mut self.topics),
            explicit_id: self.explicit_id.take(),
            tags: std::mem::take(&mut self.tags),
            ..RawCard::default()
        };
        card.why = field_text(&self.gather(Field::Why));
        card.answer = field_text(&self.gather(Field::Answer));
        card.key_points = list_items(&self.gather(Field::KeyPoints));
        card.takeaway = field_text(&self.gather(Field::Takeaway));
        card.example = field_text(&self.gather(Field::Example)).map(|e| strip_quotes(&e));
        card.follow_ups = list_items(&self.gather(Field::FollowUps));
        let (tables, leftover) = split_tables(&self.gather(Field::Tables));
        card.tables = tables;
        let mut detail = self.gather(Field::Detail);
        if !leftover.is_empty() {
            detail.to_mut().extend(leftover);
        }
        let preamble = field_text(self.preamble());
        if let Some(q) = join_lines(&self.gather(Field::Question)) {
            card.title = Some(std::mem::replace(&mut card.question, q));
        }
        card.detail = match (preamble, card.answer.is_some()) {
            (Some(pre), false) => {
                card.answer = Some(pre);
                field_text(&detail)
            }
            (Some(pre), true) => Some(match field_text(&detail) {
                Some(d) => format!("{pre}\n\n{d}"),
                None => pre,
            }),
            (None, _) => field_text(&detail),
        };
        card
    }
}

/// Removes one pair of surrounding straight or curly quotes.
pub fn strip_quotes(text: &str) -> String {
    let t = text.trim();
    for (open, close) in [('"', '"'), ('“', '”'), ('\'', '\'')] {
        if let Some(inner) = t.strip_prefix(open).and_then(|s| s.strip_suffix(close))
            && !inner.contains(close)
        {
            return inner.trim().to_string();
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The allocating normalisation `from_label` replaced, kept as the reference.
    fn reference(label: &str) -> String {
        label
            .trim()
            .trim_end_matches(':')
            .trim()
            .to_lowercase()
            .replace(['*', '_'], "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn from_label_normalises_like_the_reference() {
        let long = "x".repeat(40);
        let names = [
            "Answer",
            " **Key   Points** ",
            "Why it's asked:",
            "_Follow-ups_",
            "answer:**",
            "**Answer:**",
            "Hints / Key Points",
            "EXPECTED\tanswer  points",
            "Key\u{b}points",
            "Key\u{1c}points",
            "Question",
            "Summary table:",
            "Déjà vu",
            "\u{212A}ey points",
            long.as_str(),
            "",
            "  :  ",
            "Detailed explanation of everything that follows here",
        ];
        for label in names {
            let expected = Field::named(&reference(label));
            assert_eq!(Field::from_label(label), expected, "{label:?}");
        }
    }

    #[test]
    fn labels_with_every_separator() {
        assert_eq!(
            bold_label("**Answer** — It probes"),
            Some((Field::Answer, "It probes"))
        );
        assert_eq!(
            bold_label("**Answer:** It probes"),
            Some((Field::Answer, "It probes"))
        );
        assert_eq!(
            bold_label("**Key takeaway**: x"),
            Some((Field::Takeaway, "x"))
        );
        assert_eq!(
            bold_label("**Short explanation** - y"),
            Some((Field::Why, "y"))
        );
        assert_eq!(
            bold_label("**Detailed explanation**"),
            Some((Field::Detail, ""))
        );
        assert_eq!(
            bold_label("**Expected Answer Points**:"),
            Some((Field::KeyPoints, ""))
        );
        assert_eq!(bold_label("**Active checks**: the balancer"), None);
    }

    #[test]
    fn quotes() {
        assert_eq!(strip_quotes("\"I'd add a cache\""), "I'd add a cache");
        assert_eq!(strip_quotes("“curly”"), "curly");
        assert_eq!(strip_quotes("\"a\" and \"b\""), "\"a\" and \"b\"");
    }
}
