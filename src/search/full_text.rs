//! Word search over every field of every card: each whitespace-separated word of the
//! query must occur, case-insensitively, somewhere in the card. One lowercased text holds
//! all cards back to back; the longest word is found with a SIMD substring search over
//! it, and the other words are checked only inside the cards it hits. A large deck's text
//! is lowercased on two threads, half each.

use memchr::memmem::Finder;

use crate::model::Card;

/// Below this many cards the index is built on one thread.
const PARALLEL_FROM: usize = 1000;

/// Every card's text, lowercased and concatenated, with where each card starts.
pub struct FullTextIndex {
    text: String,
    /// Byte offset in `text` where each card starts, then one past the end.
    starts: Vec<usize>,
    /// Byte offset in `text` where each card's question ends.
    question_ends: Vec<usize>,
}

/// A card that holds every word of the query, with what ranks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordMatch {
    pub card: usize,
    pub score: u32,
}

impl FullTextIndex {
    /// Builds the index, the second half of a large deck on another thread.
    pub fn new(cards: &[Card]) -> FullTextIndex {
        if cards.len() < PARALLEL_FROM {
            return FullTextIndex::build(cards, 0, 0);
        }
        let (first, second) = cards.split_at(cards.len() / 2);
        std::thread::scope(|scope| {
            let later = std::thread::Builder::new()
                .name("full-text index".to_string())
                .spawn_scoped(scope, || FullTextIndex::build(second, 0, 0));
            let later_bytes: usize = second.iter().map(estimated_len).sum();
            let mut index = FullTextIndex::build(first, later_bytes, second.len());
            let rest = match later.map(std::thread::ScopedJoinHandle::join) {
                Ok(Ok(rest)) => rest,
                _ => FullTextIndex::build(second, 0, 0),
            };
            index.append(&rest);
            index
        })
    }

    /// The index of `cards` alone, with room for `more_cards` more of `more_bytes`, so
    /// that appending them does not move the text. A sixty-fourth more is kept for the
    /// few characters whose lower case is longer.
    fn build(cards: &[Card], more_bytes: usize, more_cards: usize) -> FullTextIndex {
        let size: usize = cards.iter().map(estimated_len).sum::<usize>() + more_bytes;
        let mut index = FullTextIndex::with_room(size + size / 64, cards.len() + more_cards);
        index.push_cards(cards);
        index
    }

    /// An index of no cards, with room for `bytes` of text and `cards` cards.
    pub fn with_room(bytes: usize, cards: usize) -> FullTextIndex {
        let mut starts = Vec::with_capacity(cards + 1);
        starts.push(0);
        FullTextIndex {
            text: String::with_capacity(bytes),
            starts,
            question_ends: Vec::with_capacity(cards),
        }
    }

    /// Adds `cards` after the ones already indexed.
    pub fn push_cards(&mut self, cards: &[Card]) {
        // The end marker is put back after the new cards.
        self.starts.pop();
        for card in cards {
            self.starts.push(self.text.len());
            let mut first = true;
            for_each_field(card, |field| {
                push_lowercase(&mut self.text, field);
                if first {
                    self.question_ends.push(self.text.len());
                    first = false;
                }
                // Whitespace between fields and cards: no query word can span them.
                self.text.push('\n');
            });
        }
        self.starts.push(self.text.len());
    }

    /// How many cards are indexed.
    pub fn len(&self) -> usize {
        self.question_ends.len()
    }

    /// Adds the cards of `rest` after these.
    fn append(&mut self, rest: &FullTextIndex) {
        let shift = self.text.len();
        self.text.push_str(&rest.text);
        self.starts.pop();
        self.starts
            .extend(rest.starts.iter().map(|start| start + shift));
        self.question_ends
            .extend(rest.question_ends.iter().map(|end| end + shift));
    }

    /// The cards of `cards` (sorted, without repeats) holding every word of `query`.
    pub fn matches_among(&self, query: &str, cards: &[usize]) -> Vec<WordMatch> {
        let Some(words) = QueryWords::new(query) else {
            return Vec::new();
        };
        cards
            .iter()
            .filter_map(|&card| self.match_card(card, &words, None))
            .collect()
    }

    /// The cards numbered `range` holding every word of `query`, in card order.
    pub fn matches_in(&self, query: &str, range: std::ops::Range<usize>) -> Vec<WordMatch> {
        let Some(words) = QueryWords::new(query) else {
            return Vec::new();
        };
        let end = range.end.min(self.len());
        if range.start >= end {
            return Vec::new();
        }
        self.scan(&words, self.starts[range.start], self.starts[end])
    }

    /// Finds the longest word through the text from byte `from` to `to` (card
    /// boundaries), checking the rest only in the cards it occurs in, and skipping to
    /// the next card after each hit.
    fn scan(&self, words: &QueryWords, from: usize, to: usize) -> Vec<WordMatch> {
        let mut found = Vec::new();
        let haystack = &self.text.as_bytes()[..to];
        let mut from = from;
        while let Some(offset) = words.leading.find(&haystack[from..]) {
            let at = from + offset;
            let Some(card) = self
                .starts
                .partition_point(|&start| start <= at)
                .checked_sub(1)
            else {
                break;
            };
            if let Some(hit) = self.match_card(card, words, Some(at)) {
                found.push(hit);
            }
            match self.starts.get(card + 1) {
                Some(&next) if next > at => from = next,
                _ => break,
            }
        }
        found
    }

    /// Whether `card` holds every word, and its score. `leading_at` is where the leading
    /// word was already found in the text, when it was.
    fn match_card(
        &self,
        card: usize,
        words: &QueryWords,
        leading_at: Option<usize>,
    ) -> Option<WordMatch> {
        let start = *self.starts.get(card)?;
        let end = *self.starts.get(card + 1)?;
        let question_end = self.question_ends.get(card)?.saturating_sub(start);
        let body = self.text.as_bytes().get(start..end)?;
        let leading = match leading_at {
            Some(at) => at.saturating_sub(start),
            None => words.leading.find(body)?,
        };
        let mut in_question = u32::from(leading < question_end);
        let mut reach = leading;
        for finder in &words.others {
            let first = finder.find(body)?;
            in_question += u32::from(first < question_end);
            reach = reach.max(first);
        }
        Some(WordMatch {
            card,
            score: score(in_question, reach),
        })
    }
}

/// Higher is better: more words in the question first, then the sooner in the card the
/// last of the words first appears (an earlier field).
fn score(words_in_question: u32, reach: usize) -> u32 {
    const REACH_LIMIT: u32 = (1 << 24) - 1;
    let reach = u32::try_from(reach).unwrap_or(REACH_LIMIT).min(REACH_LIMIT);
    (words_in_question.min(255) << 24) | (REACH_LIMIT - reach)
}

/// The query's words, lowercased, with a substring searcher each; the longest leads.
struct QueryWords {
    /// The longest word: it occurs in the fewest places, most likely.
    leading: Finder<'static>,
    others: Vec<Finder<'static>>,
}

impl QueryWords {
    /// None when the query has no words.
    fn new(query: &str) -> Option<QueryWords> {
        let mut words: Vec<String> = query
            .split_whitespace()
            .map(|word| {
                let mut lower = String::with_capacity(word.len());
                push_lowercase(&mut lower, word);
                lower
            })
            .collect();
        words.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        words.dedup();
        let mut finders = words
            .iter()
            .map(|word| Finder::new(word.as_bytes()).into_owned());
        Some(QueryWords {
            leading: finders.next()?,
            others: finders.collect(),
        })
    }
}

/// The character positions in `question` covered by an occurrence of any query word,
/// sorted, for highlighting.
pub fn question_positions(question: &str, query: &str) -> Vec<u32> {
    let mut lower = String::with_capacity(question.len());
    // For each byte of `lower`, the index of the character of `question` it came from.
    let mut origin: Vec<u32> = Vec::with_capacity(question.len());
    for (index, c) in question.chars().enumerate() {
        let before = lower.len();
        lower.extend(c.to_lowercase());
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        origin.resize(origin.len() + (lower.len() - before), index);
    }
    let mut positions = Vec::new();
    for word in query.split_whitespace() {
        let mut needle = String::with_capacity(word.len());
        push_lowercase(&mut needle, word);
        for at in memchr::memmem::find_iter(lower.as_bytes(), needle.as_bytes()) {
            positions.extend_from_slice(&origin[at..at + needle.len()]);
        }
    }
    positions.sort_unstable();
    positions.dedup();
    positions
}

/// Appends `text` lowercased character by character with `char::to_lowercase` (runs of
/// ASCII in bulk, where that is the same as `to_ascii_lowercase`), so that the haystack and
/// the query are lowercased alike.
pub fn push_lowercase(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = if rest.is_ascii() {
            rest.len()
        } else {
            rest.bytes()
                .position(|b| !b.is_ascii())
                .unwrap_or(rest.len())
        };
        let (run, tail) = rest.split_at(ascii);
        let from = out.len();
        out.push_str(run);
        out[from..].make_ascii_lowercase();
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase());
        }
        rest = chars.as_str();
    }
}

/// Calls `visit` with every searchable piece of the card's text, the question first.
pub fn for_each_field(card: &Card, mut visit: impl FnMut(&str)) {
    visit(&card.question);
    card.topic.iter().for_each(|t| visit(t));
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
        visit(field);
    }
    for item in card
        .key_points
        .iter()
        .chain(&card.follow_ups)
        .chain(&card.tags)
    {
        visit(item);
    }
    for table in &card.tables {
        table.header.iter().for_each(|cell| visit(cell));
        table.rows.iter().flatten().for_each(|cell| visit(cell));
    }
}

pub fn estimated_len(card: &Card) -> usize {
    let mut len = 0;
    for_each_field(card, |field| len += field.len() + 1);
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference_lowercase(text: &str) -> String {
        text.chars().flat_map(char::to_lowercase).collect()
    }

    #[test]
    fn lowercases_like_char_to_lowercase() {
        for text in [
            "",
            "Plain ASCII, MIXED case 123",
            "ÄRGER über Straße",
            "ΟΔΟΣ Σ at the end",
            "İstanbul KELVIN Kelvin \u{212A}",
            "a\u{0301}B\u{1F600}C",
        ] {
            let mut out = String::from("kept ");
            push_lowercase(&mut out, text);
            assert_eq!(out, format!("kept {}", reference_lowercase(text)));
        }
    }

    #[test]
    fn building_in_two_halves_equals_building_in_one() {
        let text: String = (0..PARALLEL_FROM + 7)
            .map(|i| format!("## Question {i}?\n### Answer\nÄnswer {i}.\n"))
            .collect();
        let deck = crate::load::load_text("t.md", &text);
        assert_eq!(deck.cards.len(), PARALLEL_FROM + 7);
        let halves = FullTextIndex::new(&deck.cards);
        let whole = FullTextIndex::build(&deck.cards, 0, 0);
        assert!(halves.text == whole.text);
        assert_eq!(halves.starts, whole.starts);
        assert_eq!(halves.question_ends, whole.question_ends);
        let last = deck.cards.len() - 1;
        let found = halves.matches_in(&format!("QUESTION {last}? änswer"), 0..halves.len());
        assert_eq!(found.iter().map(|m| m.card).collect::<Vec<_>>(), vec![last]);
    }

    #[test]
    fn building_a_slice_at_a_time_equals_building_at_once() {
        let text: String = (0..25)
            .map(|i| format!("## Question {i}?\n### Answer\nAnswer {i}.\n"))
            .collect();
        let deck = crate::load::load_text("t.md", &text);
        let mut sliced = FullTextIndex::with_room(0, 0);
        assert_eq!(sliced.len(), 0);
        assert!(sliced.matches_in("question", 0..sliced.len()).is_empty());
        for chunk in deck.cards.chunks(7) {
            sliced.push_cards(chunk);
        }
        let whole = FullTextIndex::build(&deck.cards, 0, 0);
        assert!(sliced.text == whole.text);
        assert_eq!(sliced.starts, whole.starts);
        assert_eq!(sliced.question_ends, whole.question_ends);
        assert_eq!(sliced.len(), 25);
    }

    #[test]
    fn highlights_every_occurrence_in_the_question() {
        assert_eq!(
            question_positions("Roll a ROLLOUT", "roll"),
            vec![0, 1, 2, 3, 7, 8, 9, 10]
        );
        assert_eq!(question_positions("Größe", "GRÖ"), vec![0, 1, 2]);
        // İ lowercases to two characters; both map back to the one it came from.
        assert_eq!(question_positions("İx", "i̇x"), vec![0, 1]);
        assert!(question_positions("abc", "   ").is_empty());
    }
}
