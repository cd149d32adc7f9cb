//! The coverage hint: which key points an answer covers, judged the way a careful
//! interviewer reads — by substance, not by shared words.
//!
//! An answer and each key point are read into stemmed words (English Snowball), domain
//! concepts from the thesaurus (`k8s` = `kubernetes`), and quantities with units
//! (`10 minutes` = `ten min`). Each term of a point weighs by how rare it is across the
//! bank's key points, less inside an example, more when the author marked it
//! essential (`**digest**`). A point is covered when one window of the answer holds
//! enough of that weight, every essential term is there, and no contradiction cue
//! fires: a different number, a negation, an opposite word or a reversed order. Then
//! the hint says "mentioned — check the claim" with the cue, and the person judges.
//! The measured precision and recall are in BENCHMARKS.md.

mod analyse;
mod cues;
mod judge;
mod lex;
mod lexicon;
mod quantity;
pub mod thesaurus;

use std::collections::{HashMap, HashSet};

use analyse::{Analysed, Key, analyse};
pub use judge::Rules;
use thesaurus::{Entries, Thesaurus};

/// What the hint says of one key point.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Covered,
    /// The terms are there but something looks different, or too little is there:
    /// "mentioned — check the claim", with why.
    Doubt(String),
    Missing,
}

/// The hint for one key point.
#[derive(Debug, Clone, PartialEq)]
pub struct PointHint {
    pub verdict: Verdict,
    /// The answer's words that matched, as written.
    pub evidence: Vec<String>,
    /// The point's essential terms the answer does not say; for a point without marked
    /// terms, its rarest unsaid ones.
    pub missing: Vec<String>,
    /// The share of the point's weight found together, 0 to 1.
    pub score: f64,
}

impl PointHint {
    pub fn covered(&self) -> bool {
        self.verdict == Verdict::Covered
    }

    /// Why the claim should be checked, for the third verdict.
    pub fn doubt(&self) -> Option<&str> {
        match &self.verdict {
            Verdict::Doubt(why) => Some(why),
            _ => None,
        }
    }

    /// The missing terms worth a line of their own under the point: when something was
    /// said, the point is not covered, and the doubt does not already name them.
    pub fn missing_to_show(&self) -> Option<String> {
        let missing = self.missing.join(", ");
        let shown = self.doubt().is_some_and(|d| d.contains(&missing));
        (!self.covered() && !self.missing.is_empty() && !self.evidence.is_empty() && !shown)
            .then_some(missing)
    }
}

/// Judges answers against key points, knowing how rare each term is across a bank.
pub struct Hinter {
    thesaurus: Thesaurus,
    stemmer: frostem::Stemmer,
    /// In how many of the bank's key points each word key appears.
    df: HashMap<String, u32>,
    points: u32,
    pub rules: Rules,
}

impl Hinter {
    /// A hinter over the bank's `key_points`, with the bundled thesaurus.
    pub fn new<'a>(key_points: impl IntoIterator<Item = &'a str>) -> Hinter {
        let entries =
            Entries::parse("content/thesaurus.toml", thesaurus::BUNDLED).unwrap_or_default();
        Hinter::with_thesaurus(&entries, key_points)
    }

    /// A hinter with these thesaurus entries.
    pub fn with_thesaurus<'a>(
        entries: &Entries,
        key_points: impl IntoIterator<Item = &'a str>,
    ) -> Hinter {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let mut hinter = Hinter {
            thesaurus: Thesaurus::default(),
            stemmer,
            df: HashMap::new(),
            points: 0,
            rules: Rules::default(),
        };
        hinter.thesaurus = Thesaurus::build(entries, &|words, known| {
            analyse(words, &|w| hinter.stem(w), known, false)
                .tokens
                .iter()
                .filter_map(|t| t.word().map(str::to_string))
                .collect()
        });
        for point in key_points {
            let read = hinter.read(point, true);
            let keys: HashSet<&str> = read
                .tokens
                .iter()
                .filter(|t| t.is_term())
                .filter_map(analyse::Token::word)
                .collect();
            for k in keys {
                *hinter.df.entry(k.to_string()).or_default() += 1;
            }
            hinter.points += 1;
        }
        hinter
    }

    /// The stem of a lower-case word; British `-ise` spellings meet American `-ize`.
    fn stem(&self, word: &str) -> String {
        let word = lexicon::irregular(word).map_or_else(|| british(word), Into::into);
        self.stemmer.stem(&word).into_owned()
    }

    fn read<'t>(&self, text: &'t str, point: bool) -> Analysed<'t> {
        analyse(text, &|w| self.stem(w), &self.thesaurus, point)
    }

    /// How much a term says: rare across the bank's key points is worth more.
    fn weight(&self, key: &Key) -> f64 {
        let n = f64::from(self.points.max(1));
        match key {
            Key::Word(w) => {
                let df = f64::from(self.df.get(w).copied().unwrap_or(0));
                (1.0 + n / (df + 1.0)).ln()
            }
            Key::Quantity(q) if q.unit == quantity::Unit::None => (1.0 + n / 40.0).ln(),
            Key::Quantity(_) => (1.0 + n / 10.0).ln(),
        }
    }

    /// Judges every key point of a card against one answer.
    pub fn card(&self, key_points: &[String], answer: &str) -> Vec<PointHint> {
        let answer = self.read(answer, false);
        let index = judge::Index::new(&answer, &|w| self.stem(w));
        key_points
            .iter()
            .map(|p| {
                let point = self.read(p, true);
                let terms = judge::terms(&point, &self.rules, &|k| self.weight(k));
                judge::judge(&point, &terms, &index, &self.thesaurus, &self.rules)
            })
            .collect()
    }

    /// Judges one key point.
    pub fn point(&self, key_point: &str, answer: &str) -> PointHint {
        self.card(std::slice::from_ref(&key_point.to_string()), answer)
            .pop()
            .unwrap_or(PointHint {
                verdict: Verdict::Missing,
                evidence: Vec::new(),
                missing: Vec::new(),
                score: 0.0,
            })
    }
}

/// `utilisation` → `utilization`, so both spellings stem alike.
fn british(word: &str) -> std::borrow::Cow<'_, str> {
    for (from, to) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("ise", "ize"),
        ("iour", "ior"),
        ("yse", "yze"),
    ] {
        if word.len() > from.len() + 3
            && let Some(base) = word.strip_suffix(from)
        {
            return format!("{base}{to}").into();
        }
    }
    word.into()
}

#[cfg(test)]
mod tests;
