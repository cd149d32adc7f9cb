//! `prepdeck check`: what was read from each file, every problem found, and a verdict.

use serde::Serialize;

use crate::load::{Deck, FileSummary};
use crate::model::{Card, Diagnostic};
use crate::text::sanitize::sanitize;
use crate::tree::TopicTree;

/// The `--json` document. Its shape is documented in the README and kept stable.
#[derive(Debug, Serialize)]
pub struct CheckReport<'a> {
    pub files: &'a [FileSummary],
    pub topics: Vec<TopicSummary>,
    pub cards: &'a [Card],
    pub warnings: &'a [Diagnostic],
    pub errors: &'a [Diagnostic],
}

/// A node of the topic tree (folder, file or topic) with the cards in its subtree.
#[derive(Debug, Serialize)]
pub struct TopicSummary {
    pub path: Vec<String>,
    pub cards: usize,
}

impl<'a> CheckReport<'a> {
    pub fn new(deck: &'a Deck) -> Self {
        let topics = deck
            .tree
            .preorder()
            .into_iter()
            .filter(|&n| n != TopicTree::ROOT)
            .map(|n| TopicSummary {
                path: deck.tree.path(n),
                cards: deck.tree.nodes[n].total,
            })
            .collect();
        CheckReport {
            files: &deck.files,
            topics,
            cards: &deck.cards,
            warnings: &deck.warnings,
            errors: &deck.errors,
        }
    }
}

/// The exit status: 1 on any error, or on any warning when `strict`; else 0.
/// The guide to the layouts, carried by the binary: the README's "Question files"
/// section, then the authors' guide to the canonical format (content/README.md).
pub fn format_guide() -> String {
    const README: &str = include_str!("../README.md");
    const AUTHORS: &str = include_str!("../content/README.md");
    let start = README.find("## Question files").unwrap_or(0);
    let end = README[start..]
        .find("\n## ")
        .map_or(README.len(), |n| start + n + 1);
    format!("{}\n{AUTHORS}", README[start..end].trim_end())
}

pub fn exit_status(deck: &Deck, strict: bool) -> u8 {
    u8::from(!deck.errors.is_empty() || (strict && !deck.warnings.is_empty()))
}

/// The human report: one line per file, then each problem as `path:line: …`, then a
/// summary. Everything from the files is sanitised before it reaches the terminal.
pub fn human_report(deck: &Deck) -> String {
    let mut out = String::new();
    for f in &deck.files {
        let unanswered = if f.unanswered > 0 {
            format!(" ({} unanswered)", f.unanswered)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{}  {}  {} {}, {} {}{unanswered}\n",
            sanitize(&f.path, false),
            f.layout,
            f.topics,
            plural(f.topics, "topic", "topics"),
            f.cards,
            plural(f.cards, "card", "cards"),
        ));
    }
    for (kind, list) in [("error", &deck.errors), ("warning", &deck.warnings)] {
        for d in list {
            out.push_str(&format!(
                "{}:{}: {kind}: {}\n",
                sanitize(&d.file, false),
                d.line,
                sanitize(&d.message, false)
            ));
        }
    }
    let topics = deck.files.iter().map(|f| f.topics).sum::<usize>();
    out.push_str(&format!(
        "{} {}, {} {}, {} {}: {} {}, {} {}\n",
        deck.files.len(),
        plural(deck.files.len(), "file", "files"),
        topics,
        plural(topics, "topic", "topics"),
        deck.cards.len(),
        plural(deck.cards.len(), "card", "cards"),
        deck.errors.len(),
        plural(deck.errors.len(), "error", "errors"),
        deck.warnings.len(),
        plural(deck.warnings.len(), "warning", "warnings"),
    ));
    out
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
