//! Stable card ids.
//!
//! A card's id is the FNV-1a hash of its normalised topic path and normalised question
//! (see `text::normalize_for_id`), written as 12 hex digits, unless the card names an
//! explicit id. Editing anything but the question's words or the topic keeps the id.
//! Repeats in one topic get an occurrence number mixed in, so ids stay unique and
//! deterministic in file order.

use std::collections::HashMap;

use crate::text::{fnv1a64, push_normalized_for_id};

/// The text a card's id is the hash of: the normalised topic path, then the question.
/// Keys are built on the threads that parse the files; ids are handed out in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdKey(String);

impl IdKey {
    pub fn new(topic: &[String], question: &str) -> IdKey {
        let mut prefix = IdKey::topic_prefix(topic);
        IdKey::push_question(&mut prefix, question);
        IdKey(prefix)
    }

    /// The part of the key every card of one topic shares; reuse it with
    /// `with_question` when many cards sit in the same topic.
    pub fn topic_prefix(topic: &[String]) -> String {
        let mut key = String::new();
        for part in topic {
            push_normalized_for_id(part, &mut key);
            key.push('/');
        }
        key.push('\u{1f}');
        key
    }

    pub fn with_question(prefix: &str, question: &str) -> IdKey {
        let mut key = String::with_capacity(prefix.len() + question.len());
        key.push_str(prefix);
        IdKey::push_question(&mut key, question);
        IdKey(key)
    }

    fn push_question(key: &mut String, question: &str) {
        push_normalized_for_id(question, key);
    }
}

/// Hands out ids and notices duplicates.
#[derive(Debug, Default)]
pub struct IdAssigner {
    /// The 64-bit hash of each normalised topic+question → the caller's tag for where
    /// it was first seen, and how many times it has been seen. (Two different questions
    /// sharing a 64-bit hash would only be reported as a duplicate and numbered apart.)
    seen_questions: HashMap<u64, (usize, u32)>,
    seen_ids: HashMap<String, u32>,
}

/// An id and, when the question repeated one seen before, the tag that was given with
/// the first one.
pub struct Assigned {
    pub id: String,
    pub duplicate_of: Option<usize>,
}

impl IdAssigner {
    /// The id for the card with `key`; `tag` (the loader gives the card's index) comes
    /// back as `duplicate_of` when a later card repeats this one's topic and question.
    pub fn assign(&mut self, key: IdKey, explicit: Option<&str>, tag: usize) -> Assigned {
        let IdKey(mut key) = key;
        let hash = fnv1a64(key.as_bytes());
        let (first, occurrence) = self.seen_questions.entry(hash).or_insert((tag, 0));
        *occurrence += 1;
        let (first, occurrence) = (*first, *occurrence);
        let duplicate_of = (occurrence > 1).then_some(first);
        let mut id = match explicit {
            Some(explicit) => explicit.to_string(),
            None if occurrence > 1 => {
                key.push_str(&format!("\u{1f}{occurrence}"));
                hex12(fnv1a64(key.as_bytes()) >> 16)
            }
            None => hex12(hash >> 16),
        };
        let uses = match self.seen_ids.get_mut(&id) {
            Some(uses) => {
                *uses += 1;
                *uses
            }
            None => {
                self.seen_ids.insert(id.clone(), 1);
                1
            }
        };
        if uses > 1 {
            id = format!("{id}-{uses}");
        }
        Assigned { id, duplicate_of }
    }
}

/// `format!("{:012x}", value)` for a value below 2^48, without the formatting machinery.
fn hex12(value: u64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    (0..12)
        .rev()
        .map(|i| char::from(DIGITS[((value >> (i * 4)) & 0xf) as usize]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(parts: &[&str]) -> Vec<String> {
        parts.iter().map(ToString::to_string).collect()
    }

    fn id(parts: &[&str], q: &str) -> String {
        IdAssigner::default()
            .assign(IdKey::new(&topic(parts), q), None, 0)
            .id
    }

    #[test]
    fn ids_survive_rewording_of_form_not_words() {
        let a = id(&["Platform", "Kubernetes"], "What is a Pod?");
        assert_eq!(a.len(), 12);
        assert_eq!(a, id(&["platform", "kubernetes"], "what is a   **pod**"));
        assert_ne!(a, id(&["Platform", "Kubernetes"], "What is a Service?"));
        assert_ne!(a, id(&["Platform", "Mesh"], "What is a Pod?"));
    }

    #[test]
    fn ids_are_the_published_hash() {
        // Stored progress is keyed by these ids: they must never change.
        assert_eq!(
            id(&["Platform", "Kubernetes"], "What is a Pod?"),
            format!(
                "{:012x}",
                fnv1a64("platform/kubernetes/\u{1f}what is a pod".as_bytes()) >> 16
            )
        );
    }

    #[test]
    fn hex_matches_the_formatter() {
        for value in [0, 1, 0xabc, 0xffff_ffff_ffff, 0x1234_5678_9abc] {
            assert_eq!(hex12(value), format!("{value:012x}"));
        }
    }

    #[test]
    fn a_shared_prefix_gives_the_same_key() {
        let t = topic(&["A", "B c"]);
        let prefix = IdKey::topic_prefix(&t);
        assert_eq!(IdKey::with_question(&prefix, "Q?"), IdKey::new(&t, "Q?"));
    }

    #[test]
    fn duplicates_are_disambiguated_in_order() {
        let mut ids = IdAssigner::default();
        let t = topic(&["T"]);
        let first = ids.assign(IdKey::new(&t, "Q?"), None, 3);
        let second = ids.assign(IdKey::new(&t, "q"), None, 9);
        assert!(first.duplicate_of.is_none());
        assert_eq!(second.duplicate_of, Some(3));
        assert_ne!(first.id, second.id);
        let explicit = ids.assign(IdKey::new(&t, "other"), Some(&first.id), 10);
        assert_eq!(explicit.id, format!("{}-2", first.id));
    }
}

/// A card's stable id, as it travels between the screens, the runtime and the store.
/// Cards are named by id, never by their position in the deck, which changes when the
/// content is read again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct CardId(String);

impl CardId {
    pub fn new(id: impl Into<String>) -> CardId {
        CardId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for CardId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for CardId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for CardId {
    fn from(id: &str) -> CardId {
        CardId(id.to_string())
    }
}

impl From<String> for CardId {
    fn from(id: String) -> CardId {
        CardId(id)
    }
}
