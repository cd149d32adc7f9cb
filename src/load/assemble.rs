//! Turns parsed files into the deck. `prepare` does everything one file needs on its own
//! (topic paths, tags, id keys) and runs on the thread that parsed the file; `Assembler`
//! then adds the files in reading order, handing out ids and building the tree.

use std::collections::HashSet;

use super::{Deck, FilePlace, FileSummary, Keep};
use crate::ids::{IdAssigner, IdKey};
use crate::model::{Card, Diagnostic, Source};
use crate::parse::ParsedFile;
use crate::text::humanize::humanize_file_name;
use crate::tree::NodeKind;

/// One file's cards, ready to be added to the deck.
pub(super) struct PreparedFile {
    display: String,
    layout: &'static str,
    /// `topic[..folders]` of every card are folders, `topic[folders]` is the file.
    folders: usize,
    topics: usize,
    cards: Vec<PreparedCard>,
    warnings: Vec<Diagnostic>,
    errors: Vec<Diagnostic>,
}

struct PreparedCard {
    card: Card,
    key: IdKey,
    explicit_id: Option<String>,
    /// `Card::is_unanswered` of the whole card, which an outline no longer tells.
    unanswered: bool,
}

/// Builds the cards of one parsed file: their full topic paths (folders, file title,
/// topics inside the file), tags, sources and id keys. Needs nothing from other files.
/// With `Keep::Outline` each card's body is dropped here, once it is counted.
pub(super) fn prepare(place: &FilePlace, parsed: ParsedFile, keep: Keep) -> PreparedFile {
    let display = place.display.as_str();
    let diag = |(line, message): (usize, String)| Diagnostic {
        file: display.to_string(),
        line,
        message,
    };
    let mut base: Vec<String> = place
        .folders
        .iter()
        .map(|f| humanize_file_name(f))
        .collect();
    let folders = base.len();
    base.push(
        parsed
            .title
            .clone()
            .unwrap_or_else(|| humanize_file_name(&place.stem)),
    );
    let mut topic_paths: HashSet<Vec<String>> = HashSet::new();
    // Cards of one topic come together: its key prefix is worked out once per run.
    let mut prefix: Option<(Vec<String>, String)> = None;
    let mut cards = Vec::with_capacity(parsed.cards.len());
    for raw in parsed.cards {
        if prefix.as_ref().is_none_or(|(t, _)| *t != raw.topics) {
            let mut topic = base.clone();
            topic.extend(raw.topics.iter().cloned());
            topic_paths.insert(raw.topics.clone());
            prefix = Some((raw.topics.clone(), IdKey::topic_prefix(&topic)));
        }
        let key = IdKey::with_question(prefix.as_ref().map_or("", |(_, p)| p), &raw.question);
        let mut topic = Vec::with_capacity(base.len() + raw.topics.len());
        topic.extend(base.iter().cloned());
        topic.extend(raw.topics);
        let mut tags = parsed.tags.clone();
        for tag in raw.tags {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let mut card = Card {
            id: String::new(),
            topic,
            question: raw.question,
            why: raw.why,
            answer: raw.answer,
            key_points: raw.key_points,
            detail: raw.detail,
            tables: raw.tables,
            takeaway: raw.takeaway,
            example: raw.example,
            follow_ups: raw.follow_ups,
            tags,
            source: Source {
                file: display.to_string(),
                line: raw.line,
            },
        };
        let unanswered = card.is_unanswered();
        if keep == Keep::Outline {
            card = outline(card);
        }
        cards.push(PreparedCard {
            key,
            explicit_id: raw.explicit_id,
            card,
            unanswered,
        });
    }
    let topics = topic_paths.len();
    PreparedFile {
        display: display.to_string(),
        layout: parsed.layout.name(),
        folders,
        topics,
        cards,
        warnings: parsed.warnings.into_iter().map(diag).collect(),
        errors: parsed.errors.into_iter().map(diag).collect(),
    }
}

/// The card without its body: what `Keep::Outline` holds of it.
fn outline(card: Card) -> Card {
    Card {
        id: card.id,
        topic: card.topic,
        question: card.question,
        why: None,
        answer: None,
        key_points: Vec::new(),
        detail: None,
        tables: Vec::new(),
        takeaway: None,
        example: None,
        follow_ups: Vec::new(),
        tags: card.tags,
        source: card.source,
    }
}

/// Adds prepared files to a deck in reading order.
#[derive(Default)]
pub(super) struct Assembler {
    pub deck: Deck,
    ids: IdAssigner,
    /// Files this load will add, as far as it knows: what `reserve_cards` projects from.
    files_expected: usize,
}

impl Assembler {
    /// `files` more files will be added.
    pub fn expect_files(&mut self, files: usize) {
        self.files_expected += files;
    }

    /// Makes room for `more` cards. When the cards must move, room is made for as many
    /// cards as the files read so far project for every file expected (a tenth more),
    /// up to sixteen times the cards so far, so a large deck moves its cards three or
    /// four times, mostly while they are few, rather than at every doubling, and
    /// each move copies hundreds of bytes a card. Room beyond that projection is what
    /// doubling would give, so a wrong projection costs no more than growing by doubling.
    fn reserve_cards(&mut self, more: usize) {
        let cards = &mut self.deck.cards;
        let needed = cards.len() + more;
        if needed <= cards.capacity() {
            return;
        }
        let files_done = self.deck.files.len() + 1;
        let projected = needed * self.files_expected.max(files_done) / files_done;
        // At most sixteen times what is needed now: a first file far larger than the
        // rest must not reserve room for thousands of cards that never come.
        let target = needed.max((projected + projected / 10).min(needed * 16));
        let target = if target < cards.capacity() * 3 / 2 {
            needed.max(cards.capacity() * 2)
        } else {
            target
        };
        cards.reserve_exact(target - cards.len());
    }

    pub fn error(&mut self, file: &str, message: String) {
        self.deck.errors.push(Diagnostic {
            file: file.to_string(),
            line: 1,
            message,
        });
    }

    pub fn add(&mut self, file: PreparedFile) {
        let deck = &mut self.deck;
        deck.warnings.extend(file.warnings);
        deck.errors.extend(file.errors);
        let card_count = file.cards.len();
        self.reserve_cards(card_count);
        let deck = &mut self.deck;
        let mut unanswered = 0;
        for PreparedCard {
            mut card,
            key,
            explicit_id,
            unanswered: no_answer,
        } in file.cards
        {
            let index = deck.cards.len();
            let assigned = self.ids.assign(key, explicit_id.as_deref(), index);
            // A card with an id of its own (an Anki GUID, an `Id:` line) is told apart by
            // it: a repeated question is no problem then.
            let repeated = assigned.duplicate_of.filter(|_| explicit_id.is_none());
            if let Some(first) = repeated.and_then(|i| deck.cards.get(i)) {
                let place = if first.source.file == file.display {
                    format!("line {}", first.source.line)
                } else {
                    format!("{}:{}", first.source.file, first.source.line)
                };
                deck.warnings.push(Diagnostic {
                    file: file.display.clone(),
                    line: card.source.line,
                    message: format!(
                        "duplicate question in topic \"{}\" (first at {place}); ids disambiguated in file order",
                        card.topic.join(" › ")
                    ),
                });
            }
            card.id = assigned.id;
            let segments: Vec<(&str, NodeKind)> = card
                .topic
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let kind = match i.cmp(&file.folders) {
                        std::cmp::Ordering::Less => NodeKind::Folder,
                        std::cmp::Ordering::Equal => NodeKind::File,
                        std::cmp::Ordering::Greater => NodeKind::Topic,
                    };
                    (name.as_str(), kind)
                })
                .collect();
            deck.tree.insert(&segments, index);
            unanswered += usize::from(no_answer);
            deck.cards.push(card);
        }
        deck.files.push(FileSummary {
            path: file.display,
            layout: file.layout,
            topics: file.topics,
            cards: card_count,
            unanswered,
        });
    }
}
