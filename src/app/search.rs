//! Fuzzy search over the deck with nucleo-matcher (the matcher helix uses): questions as
//! you type, or every field of every card. Question haystacks are built with the deck;
//! the much larger full-text haystacks on the first full-text search. A query that only
//! grew scores just the previous hits, since adding characters can only remove matches.

use std::cell::OnceCell;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::model::Card;

/// What the query is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Questions,
    AllFields,
}

impl Scope {
    pub fn label(self) -> &'static str {
        match self {
            Scope::Questions => "questions",
            Scope::AllFields => "all fields",
        }
    }
}

/// One result: the card, its score, and the matched character positions in the
/// question (empty when only another field matched).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub card: usize,
    pub score: u32,
    pub indices: Vec<u32>,
}

/// The haystacks of every card, built once when the deck is loaded.
pub struct SearchIndex {
    questions: Vec<Utf32String>,
    full: OnceCell<Vec<Utf32String>>,
}

impl SearchIndex {
    pub fn new(cards: &[Card]) -> SearchIndex {
        SearchIndex {
            questions: cards
                .iter()
                .map(|c| Utf32String::from(c.question.as_str()))
                .collect(),
            full: OnceCell::new(),
        }
    }

    /// Results over every card, ranked best first (ties keep reading order). An empty
    /// query matches nothing.
    pub fn search(
        &self,
        cards: &[Card],
        query: &str,
        scope: Scope,
        matcher: &mut Matcher,
    ) -> Vec<Hit> {
        self.search_within(cards, query, scope, None, matcher)
    }

    /// Like `search`, scoring only `within` (card indices) when given.
    pub fn search_within(
        &self,
        cards: &[Card],
        query: &str,
        scope: Scope,
        within: Option<&[usize]>,
        matcher: &mut Matcher,
    ) -> Vec<Hit> {
        if query.trim().is_empty() {
            return Vec::new();
        }
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        let haystacks = match scope {
            Scope::Questions => &self.questions,
            Scope::AllFields => self.full.get_or_init(|| {
                cards
                    .iter()
                    .map(|c| Utf32String::from(full_text(c)))
                    .collect()
            }),
        };
        let all: Vec<usize>;
        let candidates = match within {
            Some(cards) => cards,
            None => {
                all = (0..haystacks.len()).collect();
                &all
            }
        };
        let mut hits: Vec<Hit> = candidates
            .iter()
            .filter_map(|&card| {
                let hay = haystacks.get(card)?;
                pattern.score(hay.slice(..), matcher).map(|score| Hit {
                    card,
                    score,
                    indices: Vec::new(),
                })
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.card.cmp(&b.card)));
        for hit in hits.iter_mut().take(200) {
            let mut indices = Vec::new();
            if pattern
                .indices(self.questions[hit.card].slice(..), matcher, &mut indices)
                .is_some()
            {
                indices.sort_unstable();
                indices.dedup();
                hit.indices = indices;
            }
        }
        hits
    }
}

/// A matcher configured for prose rather than file paths.
pub fn new_matcher() -> Matcher {
    Matcher::new(Config::DEFAULT)
}

fn full_text(card: &Card) -> String {
    let mut text = String::with_capacity(card.question.len() * 8);
    let mut add = |s: &str| {
        text.push_str(s);
        text.push(' ');
    };
    add(&card.question);
    add(&card.topic.join(" "));
    for field in [
        &card.why,
        &card.answer,
        &card.detail,
        &card.takeaway,
        &card.example,
    ]
    .into_iter()
    .flatten()
    {
        add(field);
    }
    for item in card
        .key_points
        .iter()
        .chain(&card.follow_ups)
        .chain(&card.tags)
    {
        add(item);
    }
    for table in &card.tables {
        add(&table.header.join(" "));
        for row in &table.rows {
            add(&row.join(" "));
        }
    }
    text
}

/// The live search overlay: the query, the scope and the current results.
#[derive(Debug, Clone)]
pub struct SearchState {
    pub query: String,
    pub scope: Scope,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The query and scope `hits` were computed for.
    pub searched: Option<(String, Scope)>,
}

impl SearchState {
    pub fn new() -> SearchState {
        SearchState {
            query: String::new(),
            scope: Scope::Questions,
            hits: Vec::new(),
            selected: 0,
            searched: None,
        }
    }
}

impl Default for SearchState {
    fn default() -> Self {
        SearchState::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_text;

    #[test]
    fn ranks_and_highlights() {
        let deck = load_text(
            "t.md",
            "## What is a pod?\n### Answer\nA unit.\n## How does the scheduler work?\n### Answer\nIt places pods.\n",
        );
        let index = SearchIndex::new(&deck.cards);
        let mut m = new_matcher();
        let c = &deck.cards;
        let hits = index.search(c, "sched", Scope::Questions, &mut m);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].card, 1);
        assert_eq!(hits[0].indices, vec![13, 14, 15, 16, 17]);
        let full = index.search(c, "places", Scope::AllFields, &mut m);
        assert_eq!(full[0].card, 1);
        assert!(
            index
                .search(c, "places", Scope::Questions, &mut m)
                .is_empty()
        );
        assert!(index.search(c, "  ", Scope::Questions, &mut m).is_empty());
        let narrowed = index.search_within(c, "pods", Scope::AllFields, Some(&[1]), &mut m);
        assert_eq!(narrowed.len(), 1);
        assert!(
            index
                .search_within(c, "pod", Scope::AllFields, Some(&[]), &mut m)
                .is_empty()
        );
    }
}
