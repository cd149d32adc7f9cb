//! Labels that open the answer under a question written as a heading, a bold line or a
//! list item: `**Answer:**`, `**A:**`, `Answer:`, `**Explanation:**`, `**Solution:**`,
//! and the labels that make the text under a title the question (`**Scenario:** …`).
//!
//! Case, emphasis and where the colon sits do not matter. A plain (not bold) label is
//! read only for the few unmistakable names, so a line such as `Note: …` stays text.

use super::block::{Line, list_item_body};

/// What a label opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The answer itself: `Answer`, `A`, `Solution`, `Technical answer` …
    Answer,
    /// More about it: `Explanation`, `Details` …
    Detail,
    /// The question, under a heading that is only its title: `Scenario`, `Question`,
    /// `Problem`, `Task`.
    Prompt,
}

/// The part a label names, for a lower-case name without emphasis or colon. A plain
/// (not bold) label is read only for the few unmistakable names.
fn part_named(name: &str, bold: bool) -> Option<Part> {
    let name = name.trim();
    if !bold && !matches!(name, "answer" | "a" | "solution" | "explanation") {
        return None;
    }
    let part = match name {
        "answer" | "a" | "solution" | "short answer" | "technical answer" | "sample answer"
        | "model answer" | "suggested answer" | "expected answer" | "possible answer"
        | "response" => Part::Answer,
        "explanation"
        | "detailed explanation"
        | "details"
        | "detail"
        | "technical details"
        | "deep dive"
        | "notes"
        | "more" => Part::Detail,
        "scenario" | "question" | "problem" | "task" | "prompt" => Part::Prompt,
        _ if name.starts_with("scenario ") && name[9..].bytes().all(|b| b.is_ascii_digit()) => {
            Part::Prompt
        }
        _ => return None,
    };
    Some(part)
}

/// The label opening `line` (outside code) and the text after it on the line.
pub fn answer_label<'a>(line: &Line<'a>) -> Option<(Part, &'a str)> {
    if line.fenced {
        return None;
    }
    let t = line.text.trim_start();
    // A label opens with `**`, a list marker or one of the plain names' letters.
    if !matches!(
        t.as_bytes().first(),
        Some(b'*' | b'-' | b'+' | b'0'..=b'9' | b'a' | b'A' | b's' | b'S' | b'e' | b'E')
    ) {
        return None;
    }
    let t = list_item_body(t)
        .filter(|b| b.starts_with("**"))
        .unwrap_or(t);
    let (name, bold, rest) = if let Some(inner) = t.strip_prefix("**") {
        let close = inner.find("**")?;
        let name = &inner[..close];
        let rest = inner[close + 2..].trim_start();
        let colon_inside = name.trim_end().ends_with(':');
        let rest = match rest.strip_prefix([':', '—', '–']) {
            Some(after) => after.trim_start(),
            // `**Answer**` alone on its line is a label too; `**Answer** text` is not.
            None if colon_inside || rest.is_empty() => rest,
            None => return None,
        };
        (name.trim().trim_end_matches(':'), true, rest)
    } else {
        let colon = t.find(':').filter(|&c| c <= 16)?;
        (&t[..colon], false, t[colon + 1..].trim_start())
    };
    // Normalise into a small buffer: every known name is short, so nothing is
    // allocated for the many lines that are not labels.
    let mut buf = [0u8; 24];
    let mut len = 0;
    for b in name.bytes().filter(|b| !matches!(b, b'*' | b'_')) {
        *buf.get_mut(len)? = b.to_ascii_lowercase();
        len += 1;
    }
    let part = part_named(std::str::from_utf8(&buf[..len]).ok()?, bold)?;
    Some((part, rest))
}

/// A question's body cut at its labels.
#[derive(Debug, Default)]
pub struct Labelled<'a> {
    /// The question's own text, from a `**Scenario:**`-style label before the answer.
    pub prompt: Vec<Line<'a>>,
    /// Lines before the first label that are not a prompt: context, kept in the detail.
    pub before: Vec<Line<'a>>,
    /// The first answer section, its label dropped.
    pub answer: Vec<Line<'a>>,
    /// Every later section, its label line kept as the sub-heading it reads as.
    pub rest: Vec<Line<'a>>,
}

/// Cuts `body` at its labels; `None` when it has no answer or detail label.
pub fn split<'a>(body: &[Line<'a>]) -> Option<Labelled<'a>> {
    let labels: Vec<Option<(Part, &'a str)>> = body.iter().map(answer_label).collect();
    let first = labels
        .iter()
        .position(|l| l.is_some_and(|(part, _)| matches!(part, Part::Answer | Part::Detail)))?;
    let mut out = Labelled::default();
    let mut in_prompt = false;
    for (line, label) in body[..first].iter().zip(&labels) {
        if let Some((Part::Prompt, rest)) = *label {
            in_prompt = true;
            if !rest.is_empty() {
                out.prompt.push(Line {
                    text: rest,
                    ..*line
                });
            }
        } else if in_prompt {
            out.prompt.push(*line);
        } else {
            out.before.push(*line);
        }
    }
    let opens_detail = labels[first].is_some_and(|(p, _)| p == Part::Detail);
    if opens_detail && out.before.iter().any(|l| !l.is_blank()) {
        // An unlabelled answer followed by `**Explanation:**`: the answer is the text.
        out.answer = std::mem::take(&mut out.before);
        out.rest = body[first..].to_vec();
        return Some(out);
    }
    let mut answering = true;
    for (i, (line, label)) in body[first..].iter().zip(&labels[first..]).enumerate() {
        match *label {
            Some((_, rest)) if i == 0 => {
                if !rest.is_empty() {
                    out.answer.push(Line {
                        text: rest,
                        ..*line
                    });
                }
            }
            Some((Part::Answer | Part::Detail, _)) => {
                answering = false;
                out.rest.push(*line);
            }
            _ if answering => out.answer.push(*line),
            _ => out.rest.push(*line),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::block::scan_lines;

    fn label(text: &str) -> Option<(Part, &str)> {
        let line = Line {
            no: 1,
            text,
            fenced: false,
        };
        answer_label(&line)
    }

    #[test]
    fn labels_in_their_many_spellings() {
        assert_eq!(label("**Answer:** yes"), Some((Part::Answer, "yes")));
        assert_eq!(label("**Answer**: yes"), Some((Part::Answer, "yes")));
        assert_eq!(label("**A:** yes"), Some((Part::Answer, "yes")));
        assert_eq!(label("Answer: yes"), Some((Part::Answer, "yes")));
        assert_eq!(label("**Technical Answer:**"), Some((Part::Answer, "")));
        assert_eq!(label("**SOLUTION**"), Some((Part::Answer, "")));
        assert_eq!(label("- **Explanation:** why"), Some((Part::Detail, "why")));
        assert_eq!(
            label("**Scenario 2:** disk full"),
            Some((Part::Prompt, "disk full"))
        );
        assert_eq!(label("Note: not a label"), None);
        assert_eq!(label("Details: plain details are text"), None);
        assert_eq!(label("**Answer** is in the docs"), None);
        assert_eq!(label("**Important:** text"), None);
    }

    fn texts<'a>(lines: &[Line<'a>]) -> Vec<&'a str> {
        lines.iter().map(|l| l.text).collect()
    }

    #[test]
    fn sections_become_answer_and_rest() {
        let lines = scan_lines(
            "**Scenario:** Disk full\nbut du is small\n**Solution:** lsof +L1\nmore\n**Explanation:** held open\n",
            1,
        );
        let cut = split(&lines).unwrap();
        assert_eq!(texts(&cut.prompt), ["Disk full", "but du is small"]);
        assert_eq!(texts(&cut.answer), ["lsof +L1", "more"]);
        assert_eq!(texts(&cut.rest), ["**Explanation:** held open"]);
        assert!(cut.before.is_empty());

        let lines = scan_lines("An inode is a record.\n\n**Explanation:** more\n", 1);
        let cut = split(&lines).unwrap();
        assert_eq!(texts(&cut.answer), ["An inode is a record.", ""]);
        assert_eq!(texts(&cut.rest), ["**Explanation:** more"]);
    }
}
