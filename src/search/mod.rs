//! Search over the deck: questions fuzzily as you type with nucleo-matcher (the matcher
//! helix uses), or every field of every card by words (see `full_text`). Question
//! haystacks are built with the deck; the much larger full-text index a slice at a time
//! while the app waits for keys, or at once if the scope is widened before that. A query
//! that only grew checks just the previous hits, since adding characters can only remove
//! matches.

mod full_text;
mod running;
pub mod snippet;
mod word_rule;

use running::Part;
pub use running::{Running, SLICE};

use std::cell::OnceCell;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::model::Card;
use full_text::{FullTextIndex, estimated_len, question_positions};

/// What the query is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The question, fuzzily.
    Questions,
    /// Every field: each word of the query must occur in the card, in any case.
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

/// How many of the best hits get their question highlights computed: more than fit on
/// any screen.
const HIGHLIGHTED: usize = 200;

/// The haystacks of every card: questions built when the deck is loaded, the full text
/// in idle moments or on demand.
pub struct SearchIndex {
    questions: Vec<Utf32String>,
    full: OnceCell<FullTextIndex>,
    /// The all-fields index while it is built a slice at a time in idle moments.
    building: Option<FullTextIndex>,
}

/// Cards indexed per idle step: well under a millisecond, so a key pressed meanwhile
/// waits no longer than that.
const IDLE_STEP: usize = 400;

impl SearchIndex {
    pub fn new(cards: &[Card]) -> SearchIndex {
        SearchIndex {
            questions: cards
                .iter()
                .map(|c| Utf32String::from(c.question.as_str()))
                .collect(),
            full: OnceCell::new(),
            building: None,
        }
    }

    /// Builds the all-fields index now unless it exists, so that the first all-fields
    /// keystroke does not pay for it. What idle steps built is kept.
    pub fn prepare(&mut self, cards: &[Card], scope: Scope) {
        if scope != Scope::AllFields || self.full.get().is_some() {
            return;
        }
        let index = match self.building.take() {
            Some(mut partial) => {
                partial.push_cards(&cards[partial.len()..]);
                partial
            }
            None => FullTextIndex::new(cards),
        };
        let _ = self.full.set(index);
    }

    /// True while the all-fields index is not built, or a partial one is left over from
    /// before it was built at once.
    pub fn has_idle_work(&self, cards: &[Card]) -> bool {
        (self.full.get().is_none() && !cards.is_empty()) || self.building.is_some()
    }

    /// Indexes the next slice of cards for all-fields search, so that the index is
    /// ready before the person first widens the scope.
    pub fn idle_step(&mut self, cards: &[Card]) {
        if self.full.get().is_some() {
            self.building = None;
            return;
        }
        let partial = self.building.get_or_insert_with(|| {
            FullTextIndex::with_room(cards.iter().map(estimated_len).sum(), cards.len())
        });
        let done = partial.len();
        partial.push_cards(&cards[done..(done + IDLE_STEP).min(cards.len())]);
        if partial.len() == cards.len()
            && let Some(index) = self.building.take()
        {
            let _ = self.full.set(index);
        }
    }

    fn full_text(&self, cards: &[Card]) -> &FullTextIndex {
        self.full.get_or_init(|| FullTextIndex::new(cards))
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

    /// Like `search`, checking only `within` (card indices) when given.
    pub fn search_within(
        &self,
        cards: &[Card],
        query: &str,
        scope: Scope,
        within: Option<&[usize]>,
        matcher: &mut Matcher,
    ) -> Vec<Hit> {
        let mut run = Running::new(cards, query, scope, within.map(<[usize]>::to_vec));
        while !run.step(self, cards, usize::MAX, matcher) {}
        run.finish(self, cards, matcher)
    }

    /// The hits among the candidates `part` of a search, unranked.
    fn hits_in(
        &self,
        cards: &[Card],
        query: &str,
        scope: Scope,
        part: Part<'_>,
        matcher: &mut Matcher,
    ) -> Vec<Hit> {
        match scope {
            Scope::Questions => self.fuzzy_questions(cards, query, part, matcher),
            Scope::AllFields => {
                let full = self.full_text(cards);
                let found = match part {
                    Part::Range(range) => full.matches_in(query, range),
                    Part::Among(among) => full.matches_among(query, among),
                };
                found
                    .into_iter()
                    .map(|m| Hit {
                        card: m.card,
                        score: m.score,
                        indices: Vec::new(),
                    })
                    .collect()
            }
        }
    }

    fn fuzzy_questions(
        &self,
        cards: &[Card],
        query: &str,
        part: Part<'_>,
        matcher: &mut Matcher,
    ) -> Vec<Hit> {
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        let haystacks = &self.questions;
        let mut score = |card: usize| {
            let hay = haystacks.get(card)?;
            let score = pattern.score(hay.slice(..), matcher)?;
            let question = &cards.get(card)?.question;
            word_rule::every_word_fits(query, question).then(|| Hit {
                card,
                score,
                indices: Vec::new(),
            })
        };
        match part {
            Part::Range(range) => range.filter_map(&mut score).collect(),
            Part::Among(among) => among.iter().filter_map(|&card| score(card)).collect(),
        }
    }

    /// Marks the matched characters of the questions of the first `HIGHLIGHTED` hits.
    fn highlight(
        &self,
        cards: &[Card],
        query: &str,
        scope: Scope,
        hits: &mut [Hit],
        matcher: &mut Matcher,
    ) {
        let top = hits.iter_mut().take(HIGHLIGHTED);
        match scope {
            Scope::Questions => {
                let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
                for hit in top {
                    let mut indices = Vec::new();
                    if let Some(hay) = self.questions.get(hit.card)
                        && pattern
                            .indices(hay.slice(..), matcher, &mut indices)
                            .is_some()
                    {
                        indices.sort_unstable();
                        indices.dedup();
                        hit.indices = indices;
                    }
                }
            }
            Scope::AllFields => {
                for hit in top {
                    if let Some(card) = cards.get(hit.card) {
                        hit.indices = question_positions(&card.question, query);
                    }
                }
            }
        }
    }
}

/// Best score first; ties keep reading order.
fn rank(hits: &mut [Hit]) {
    hits.sort_unstable_by_key(rank_key);
}

fn rank_key(hit: &Hit) -> (std::cmp::Reverse<u32>, usize) {
    (std::cmp::Reverse(hit.score), hit.card)
}

/// A matcher configured for prose rather than file paths.
pub fn new_matcher() -> Matcher {
    Matcher::new(Config::DEFAULT)
}

/// The live search overlay: the query, the scope and the current results.
#[derive(Debug, Clone)]
pub struct SearchState {
    pub query: String,
    pub scope: Scope,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The query and scope `hits` were computed for, once every card is searched.
    pub searched: Option<(String, Scope)>,
    /// The search still going through the cards, while `hits` shows its best so far.
    pub running: Option<Running>,
}

impl SearchState {
    pub fn new() -> SearchState {
        SearchState {
            query: String::new(),
            scope: Scope::Questions,
            hits: Vec::new(),
            selected: 0,
            searched: None,
            running: None,
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

    #[test]
    fn a_fuzzy_word_in_the_bank_lists_only_the_questions_that_hold_it() {
        let deck = crate::load::load(&[crate::load::ContentSource::Bundled]).unwrap();
        let index = SearchIndex::new(&deck.cards);
        let mut m = new_matcher();
        let hits = index.search(&deck.cards, "helm", Scope::Questions, &mut m);
        assert!(!hits.is_empty());
        for hit in &hits {
            let question = deck.cards[hit.card].question.to_lowercase();
            assert!(question.contains("helm"), "{question}");
        }
    }

    const DECK: &str = "\
## How does a canary rollout work?
### Answer
Send a little traffic to the new version first.
### Key points
- Watch the error budget during the ROLLOUT.
## What is a blue-green deployment?
### Answer
Two environments; switch the router.
| Strategy | Risk |
|---|---|
| Canary | Größere Vorsicht |
## Rollout pacing?
### Answer
Slow rollout, with a canary stage.
";

    fn all_fields(query: &str) -> Vec<Hit> {
        let deck = load_text("t.md", DECK);
        let index = SearchIndex::new(&deck.cards);
        index.search(&deck.cards, query, Scope::AllFields, &mut new_matcher())
    }

    fn cards(hits: &[Hit]) -> Vec<usize> {
        hits.iter().map(|h| h.card).collect()
    }

    #[test]
    fn every_word_must_occur_somewhere_in_the_card() {
        assert_eq!(cards(&all_fields("budget rollout")), vec![0]);
        assert_eq!(cards(&all_fields("router canary")), vec![1]);
        assert!(all_fields("router budget").is_empty());
        assert!(all_fields("canaryrollout").is_empty());
    }

    #[test]
    fn all_fields_ignores_case_including_non_ascii() {
        assert_eq!(cards(&all_fields("GRÖSSERE")), Vec::<usize>::new());
        assert_eq!(cards(&all_fields("GRÖßERE vorsicht")), vec![1]);
        assert_eq!(cards(&all_fields("ERROR Budget")), vec![0]);
    }

    #[test]
    fn words_in_table_cells_and_key_points_are_found() {
        assert_eq!(cards(&all_fields("strategy")), vec![1]);
        assert_eq!(cards(&all_fields("budget")), vec![0]);
    }

    #[test]
    fn hits_in_the_question_rank_first_and_are_highlighted() {
        // Card 0 has "canary" in the question, card 2 in the answer, card 1 only in a
        // table further into the card.
        let hits = all_fields("canary");
        assert_eq!(cards(&hits), vec![0, 2, 1]);
        assert_eq!(hits[0].indices, (11..17).collect::<Vec<u32>>());
        assert!(hits[2].indices.is_empty());
        // Both words in the question beat one.
        assert_eq!(cards(&all_fields("rollout canary")), vec![0, 2]);
        assert_eq!(cards(&all_fields("rollout pacing")), vec![2]);
        assert_eq!(cards(&all_fields("slow canary")), vec![2]);
    }

    #[test]
    fn narrowing_the_previous_hits_equals_a_full_search() {
        let deck = load_text("t.md", DECK);
        let index = SearchIndex::new(&deck.cards);
        let mut m = new_matcher();
        let c = &deck.cards;
        let query = "rollout canary stage";
        let mut previous: Option<Vec<usize>> = None;
        for end in 1..=query.len() {
            let typed = &query[..end];
            let narrowed =
                index.search_within(c, typed, Scope::AllFields, previous.as_deref(), &mut m);
            let full = index.search(c, typed, Scope::AllFields, &mut m);
            assert_eq!(narrowed, full, "after typing {typed:?}");
            previous = Some(cards(&full));
        }
        assert_eq!(previous, Some(vec![2]));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 256,
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// Typing any query character by character, narrowing each time, ends where a
        /// search from scratch does.
        #[test]
        fn narrowing_any_typed_query_equals_a_full_search(query in "[a-zA-Z ÄäßΣς?|-]{0,14}") {
            let deck = load_text("t.md", DECK);
            let index = SearchIndex::new(&deck.cards);
            let mut m = new_matcher();
            let c = &deck.cards;
            let mut previous: Option<Vec<usize>> = None;
            for (end, _) in query.char_indices().skip(1).chain([(query.len(), ' ')]) {
                let typed = &query[..end];
                let narrowed =
                    index.search_within(c, typed, Scope::AllFields, previous.as_deref(), &mut m);
                let full = index.search(c, typed, Scope::AllFields, &mut m);
                proptest::prop_assert_eq!(&narrowed, &full);
                previous = if typed.trim().is_empty() { None } else { Some(cards(&full)) };
            }
        }
    }

    #[test]
    fn any_query_is_safe() {
        for query in ["\u{0}", "ǅ", "İ", "  x  y ", "\n", "Σ", "🙂", "||", "#"] {
            all_fields(query);
        }
        let deck = load_text("t.md", "");
        let index = SearchIndex::new(&deck.cards);
        assert!(
            index
                .search(&deck.cards, "a", Scope::AllFields, &mut new_matcher())
                .is_empty()
        );
        let within = index.search_within(
            &deck.cards,
            "a",
            Scope::AllFields,
            Some(&[7, usize::MAX]),
            &mut new_matcher(),
        );
        assert!(within.is_empty());
    }
}
