//! The coverage hint: which key points a typed answer probably covers.
//!
//! The rule is simple and explainable. A key point's key terms are its words of three or
//! more letters (or any word with a digit), lower-cased, minus common English words, with
//! a light stem (`-s`, `-ing`, `-ed` dropped from longer words, `-ies` made `-y`). A point counts
//! as probably covered when the answer contains at least half of its key terms (at least
//! one). The UI shows which words matched, and the person confirms or overrides.

use std::collections::HashSet;

/// The verdict on one key point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointHint {
    pub covered: bool,
    /// Key terms of the point found in the answer, as written in the point.
    pub matched: Vec<String>,
    pub terms: usize,
}

const STOPWORDS: &[&str] = &[
    "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "has", "had", "her",
    "was", "one", "our", "out", "use", "uses", "used", "using", "with", "this", "that", "than",
    "then", "them", "they", "their", "there", "these", "those", "from", "into", "onto", "over",
    "under", "when", "what", "which", "while", "where", "who", "why", "how", "its", "also", "each",
    "every", "only", "other", "such", "some", "more", "most", "less", "very", "will", "would",
    "should", "could", "may", "might", "must", "does", "did", "doing", "been", "being", "have",
    "having", "about", "after", "before", "between", "both", "same", "just", "like", "make",
    "makes", "made", "need", "needs", "per", "via", "one", "two", "get", "gets", "set", "your",
    "yours", "instead", "because", "until", "without", "within", "through", "rather", "e.g", "i.e",
    "etc",
];

/// The key terms of a key point, in order, as (stem, word as written).
pub fn key_terms(point: &str) -> Vec<(String, String)> {
    let mut seen = HashSet::new();
    words(point)
        .filter(|w| is_key(w))
        .filter_map(|w| {
            let stem = stem(&w.to_lowercase());
            seen.insert(stem.clone()).then_some((stem, w))
        })
        .collect()
}

/// Judges one key point against the answer.
pub fn hint(point: &str, answer: &str) -> PointHint {
    let said: HashSet<String> = words(answer).map(|w| stem(&w.to_lowercase())).collect();
    let terms = key_terms(point);
    let matched: Vec<String> = terms
        .iter()
        .filter(|(s, _)| said.contains(s))
        .map(|(_, w)| w.clone())
        .collect();
    let needed = terms.len().div_ceil(2).max(1);
    PointHint {
        covered: !terms.is_empty() && matched.len() >= needed,
        matched,
        terms: terms.len(),
    }
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_' || c == '.'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
}

fn is_key(word: &str) -> bool {
    let lower = word.to_lowercase();
    let has_digit = lower.chars().any(|c| c.is_ascii_digit());
    (has_digit || lower.chars().count() >= 3) && !STOPWORDS.contains(&lower.as_str())
}

fn stem(word: &str) -> String {
    if word.chars().count() <= 4 {
        return word.to_string();
    }
    for suffix in ["ing", "ies", "ed", "s"] {
        if let Some(base) = word.strip_suffix(suffix)
            && base.chars().count() >= 3
        {
            return if suffix == "ies" {
                format!("{base}y")
            } else {
                base.to_string()
            };
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_skip_stopwords_and_stem() {
        let terms: Vec<String> =
            key_terms("Canary shifts a small share of traffic, e.g. 5%, and widens it")
                .into_iter()
                .map(|(s, _)| s)
                .collect();
        assert_eq!(
            terms,
            ["canary", "shift", "small", "share", "traffic", "5", "widen"]
        );
    }

    #[test]
    fn half_the_terms_cover_a_point() {
        let point = "Readiness probes remove a pod from Service endpoints";
        let h = hint(
            point,
            "I'd use a readiness probe so the pod leaves the endpoints list",
        );
        assert!(h.covered);
        assert_eq!(h.matched, ["Readiness", "probes", "pod", "endpoints"]);
        let miss = hint(point, "Liveness restarts containers.");
        assert!(!miss.covered);
        assert!(miss.matched.is_empty());
        assert!(
            !hint("the and of", "the and of").covered,
            "a point without terms is never auto-covered"
        );
    }
}
