//! The walk every layout whose cards are headings shares: the file's single title
//! heading, the topic path from the headings above the cards, where each card starts
//! and ends. The layouts differ only in what they make of the lines inside a card.

use super::ParsedFile;
use super::block::Line;
use super::canonical::single_title_heading;
use crate::text::humanize::clean_topic_heading;

/// What the walk meets, in reading order.
pub enum Step<'l, 'a> {
    /// A card heading: its text, its line number and the topic path above it.
    Card {
        text: &'a str,
        line: usize,
        topics: Vec<String>,
    },
    /// The open card ended: a heading at its level or above, a rule (when rules end
    /// cards), or the end of the file.
    End,
    /// A line inside the open card.
    Body(&'l Line<'a>),
}

/// The topic path from the headings met so far: every heading but the file's single
/// title heading is a topic, nested by level. Sets the file's title when it finds one.
pub struct Topics {
    title_at: Option<usize>,
    stack: Vec<(u8, String)>,
}

impl Topics {
    /// The topics of `lines`, whose single `#` heading (when `is_card` does not take it)
    /// is the file's title.
    pub fn new(lines: &[Line], is_card: impl Fn(&str) -> bool, parsed: &mut ParsedFile) -> Topics {
        let title_at = single_title_heading(lines, is_card);
        if let Some(i) = title_at
            && parsed.title.is_none()
            && let Some((_, text)) = lines[i].heading()
        {
            parsed.title = Some(clean_topic_heading(text));
        }
        Topics {
            title_at,
            stack: Vec::new(),
        }
    }

    /// Takes in the heading at line index `i`: a topic unless it is the title.
    pub fn enter(&mut self, i: usize, level: u8, text: &str) {
        if Some(i) != self.title_at {
            self.stack.retain(|(l, _)| *l < level);
            self.stack.push((level, clean_topic_heading(text)));
        }
    }

    /// Closes the topics at `level` and deeper: a card heading at that level ends them.
    pub fn close_to(&mut self, level: u8) {
        self.stack.retain(|(l, _)| *l < level);
    }

    /// The topic path, outermost first.
    pub fn path(&self) -> Vec<String> {
        self.stack.iter().map(|(_, n)| n.clone()).collect()
    }
}

/// The level of the first heading that `is_card` accepts: the level cards sit at.
pub fn card_level(lines: &[Line], is_card: impl Fn(&str) -> bool) -> Option<u8> {
    lines
        .iter()
        .find_map(|l| l.heading().filter(|(_, t)| is_card(t)).map(|(lvl, _)| lvl))
}

/// Walks `lines`, cards being headings at `level` that `is_card` accepts, and hands each
/// step to `step` with the parsed file. Sets the file's title from its single `#`
/// heading when that is not a card.
pub fn walk<'l, 'a>(
    lines: &'l [Line<'a>],
    level: u8,
    is_card: impl Fn(&str) -> bool,
    rules_end_cards: bool,
    parsed: &mut ParsedFile,
    mut step: impl FnMut(Step<'l, 'a>, &mut ParsedFile),
) {
    let mut topics = Topics::new(lines, &is_card, parsed);
    let mut open = false;
    for (i, line) in lines.iter().enumerate() {
        if let Some((at, text)) = line.heading() {
            if at == level && is_card(text) {
                if open {
                    step(Step::End, parsed);
                }
                step(
                    Step::Card {
                        text,
                        line: line.no,
                        topics: topics.path(),
                    },
                    parsed,
                );
                open = true;
                continue;
            }
            if at <= level {
                if open {
                    step(Step::End, parsed);
                    open = false;
                }
                if at < level {
                    topics.enter(i, at, text);
                }
                continue;
            }
        }
        if rules_end_cards && line.is_rule() {
            if open {
                step(Step::End, parsed);
                open = false;
            }
            continue;
        }
        if open {
            step(Step::Body(line), parsed);
        }
    }
    if open {
        step(Step::End, parsed);
    }
}
