//! Stable card ids.
//!
//! A card's id is the FNV-1a hash of its normalised topic path and normalised question
//! (see `text::normalize_for_id`), written as 12 hex digits, unless the card names an
//! explicit id. Editing anything but the question's words or the topic keeps the id.
//! Repeats in one topic get an occurrence number mixed in, so ids stay unique and
//! deterministic in file order.

use std::collections::HashMap;

use crate::text::{fnv1a64, normalize_for_id};

/// Hands out ids and notices duplicates.
#[derive(Debug, Default)]
pub struct IdAssigner {
    /// (normalised topic+question) → first line it was seen on (file, line) and count.
    seen_questions: HashMap<String, (String, usize, u32)>,
    seen_ids: HashMap<String, u32>,
}

/// An id and, when the question repeated one seen before, where that one was.
pub struct Assigned {
    pub id: String,
    pub duplicate_of: Option<(String, usize)>,
}

impl IdAssigner {
    pub fn assign(
        &mut self,
        topic: &[String],
        question: &str,
        explicit: Option<&str>,
        at: (&str, usize),
    ) -> Assigned {
        let mut key = String::new();
        for part in topic {
            key.push_str(&normalize_for_id(part));
            key.push('/');
        }
        key.push('\u{1f}');
        key.push_str(&normalize_for_id(question));
        let entry = self
            .seen_questions
            .entry(key.clone())
            .or_insert_with(|| (at.0.to_string(), at.1, 0));
        entry.2 += 1;
        let occurrence = entry.2;
        let duplicate_of = (occurrence > 1).then(|| (entry.0.clone(), entry.1));
        let mut id = match explicit {
            Some(explicit) => explicit.to_string(),
            None => {
                if occurrence > 1 {
                    key.push_str(&format!("\u{1f}{occurrence}"));
                }
                format!("{:012x}", fnv1a64(key.as_bytes()) >> 16)
            }
        };
        let uses = self.seen_ids.entry(id.clone()).or_insert(0);
        *uses += 1;
        if *uses > 1 {
            id = format!("{id}-{uses}");
        }
        Assigned { id, duplicate_of }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(topic: &[&str], q: &str) -> String {
        let topic: Vec<String> = topic.iter().map(|s| s.to_string()).collect();
        IdAssigner::default().assign(&topic, q, None, ("f", 1)).id
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
    fn duplicates_are_disambiguated_in_order() {
        let mut ids = IdAssigner::default();
        let t = vec!["T".to_string()];
        let first = ids.assign(&t, "Q?", None, ("f", 3));
        let second = ids.assign(&t, "q", None, ("f", 9));
        assert!(first.duplicate_of.is_none());
        assert_eq!(second.duplicate_of, Some(("f".to_string(), 3)));
        assert_ne!(first.id, second.id);
    }
}
