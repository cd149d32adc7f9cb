//! A search that goes through the cards a slice at a time: the first slice is searched
//! when the key is pressed and the rest in idle moments, so a keystroke costs the same
//! on a deck of any size. Slices are by card, and the hits are ranked once all are in,
//! so the result equals one search over every card.

use nucleo_matcher::Matcher;

use super::{HIGHLIGHTED, Hit, Scope, SearchIndex, rank, rank_key};
use crate::model::Card;

/// Cards searched per slice: a 10,000-card deck in one, and a slice of a 100,000-card
/// deck in about 3 ms here.
pub const SLICE: usize = 12_000;

/// Which cards a search goes through.
#[derive(Debug, Clone)]
enum Candidates {
    /// Every card, `0..count`.
    All(usize),
    /// These cards, sorted, without repeats: the hits of a query this one extends.
    Among(Vec<usize>),
}

/// A part of the candidates.
pub(super) enum Part<'a> {
    Range(std::ops::Range<usize>),
    Among(&'a [usize]),
}

/// A search under way: its query, the cards it goes through, how far it has got and
/// the hits found so far.
#[derive(Debug, Clone)]
pub struct Running {
    query: String,
    scope: Scope,
    candidates: Candidates,
    next: usize,
    found: Vec<Hit>,
}

impl Running {
    /// A search of `query` over every card, or over `within` only.
    pub fn new(cards: &[Card], query: &str, scope: Scope, within: Option<Vec<usize>>) -> Running {
        let candidates = match within {
            Some(mut among) => {
                among.sort_unstable();
                among.dedup();
                Candidates::Among(among)
            }
            None => Candidates::All(cards.len()),
        };
        Running {
            query: query.to_string(),
            scope,
            candidates,
            next: 0,
            found: Vec::new(),
        }
    }

    fn total(&self) -> usize {
        match &self.candidates {
            Candidates::All(count) => *count,
            Candidates::Among(among) => among.len(),
        }
    }

    /// True once every candidate is searched.
    pub fn is_done(&self) -> bool {
        self.query.trim().is_empty() || self.next >= self.total()
    }

    /// Searches the next `slice` candidates; true once every candidate is searched.
    pub fn step(
        &mut self,
        index: &SearchIndex,
        cards: &[Card],
        slice: usize,
        matcher: &mut Matcher,
    ) -> bool {
        if self.is_done() {
            return true;
        }
        let end = self.next.saturating_add(slice).min(self.total());
        let part = match &self.candidates {
            Candidates::All(_) => Part::Range(self.next..end),
            Candidates::Among(among) => Part::Among(&among[self.next..end]),
        };
        let hits = index.hits_in(cards, &self.query, self.scope, part, matcher);
        self.found.extend(hits);
        self.next = end;
        self.is_done()
    }

    /// The cards it goes through, when not every card.
    pub fn among(&self) -> Option<&[usize]> {
        match &self.candidates {
            Candidates::All(_) => None,
            Candidates::Among(among) => Some(among),
        }
    }

    /// How many hits so far.
    pub fn found(&self) -> usize {
        self.found.len()
    }

    /// How much of the candidates is searched, in percent.
    pub fn percent(&self) -> usize {
        (self.next * 100).checked_div(self.total()).unwrap_or(100)
    }

    /// The best hits so far, ranked and highlighted, at most as many as any screen shows:
    /// what the list shows while the search goes on. Costs the hits so far, not a sort.
    pub fn best_so_far(
        &self,
        index: &SearchIndex,
        cards: &[Card],
        matcher: &mut Matcher,
    ) -> Vec<Hit> {
        let mut best = self.found.clone();
        if best.len() > HIGHLIGHTED {
            best.select_nth_unstable_by_key(HIGHLIGHTED, rank_key);
            best.truncate(HIGHLIGHTED);
        }
        rank(&mut best);
        index.highlight(cards, &self.query, self.scope, &mut best, matcher);
        best
    }

    /// Every hit, ranked best first (ties keep reading order), the best highlighted.
    /// Searches what is left first.
    pub fn finish(
        mut self,
        index: &SearchIndex,
        cards: &[Card],
        matcher: &mut Matcher,
    ) -> Vec<Hit> {
        while !self.step(index, cards, usize::MAX, matcher) {}
        let mut hits = self.found;
        rank(&mut hits);
        index.highlight(cards, &self.query, self.scope, &mut hits, matcher);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_text;
    use crate::search::new_matcher;

    fn deck() -> crate::load::Deck {
        let mut text = String::new();
        for i in 0..60 {
            let topic = ["rollout", "canary", "pods", "dns"][i % 4];
            text.push_str(&format!(
                "## How does {topic} step {i} work?\n### Answer\nIt moves {} traffic.\n",
                ["slowly", "rollout", "canary"][i % 3]
            ));
        }
        load_text("t.md", &text)
    }

    proptest::proptest! {
        /// Searching in slices of any size, with the best hits looked at between
        /// slices, ends with exactly what one search over every card gives.
        #[test]
        fn slices_of_any_size_end_where_one_search_does(
            query in "(ro|ca|ll|ut|s|n|w|o| ){1,6}",
            slice in 1usize..70,
            all_fields: bool,
            narrowed: bool,
        ) {
            let deck = deck();
            let cards = &deck.cards;
            let index = SearchIndex::new(cards);
            let scope = if all_fields { Scope::AllFields } else { Scope::Questions };
            let mut m = new_matcher();
            let within: Option<Vec<usize>> = narrowed.then(|| (0..cards.len()).step_by(3).collect());
            let whole = index.search_within(cards, &query, scope, within.as_deref(), &mut m);
            let mut run = Running::new(cards, &query, scope, within);
            while !run.step(&index, cards, slice, &mut m) {
                let best = run.best_so_far(&index, cards, &mut m);
                proptest::prop_assert!(best.len() <= HIGHLIGHTED.min(run.found()));
                proptest::prop_assert!(best.windows(2).all(|w| rank_key(&w[0]) <= rank_key(&w[1])));
            }
            proptest::prop_assert_eq!(run.finish(&index, cards, &mut m), whole);
        }
    }
}
