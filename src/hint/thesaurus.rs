//! The domain thesaurus: words and phrases that mean the same in an answer (`k8s` and
//! `kubernetes`, `pr` and `pull request`), and pairs that mean the opposite (`parallel`
//! and `sequential`). It is data, `content/thesaurus.toml`, which authors extend.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

/// The bundled thesaurus.
pub const BUNDLED: &str = include_str!("../../content/thesaurus.toml");

/// A thesaurus file that cannot be read, with where and what to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct ThesaurusError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    same: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    opposite: BTreeMap<String, Vec<String>>,
}

/// A phrase as the hint compares it: the stems of its words, in order.
pub type Phrase = Vec<String>;

/// The thesaurus, as the hint uses it.
#[derive(Debug, Clone, Default)]
pub struct Thesaurus {
    /// For each first stem, the phrases that start with it, longest first, and the
    /// concept each stands for.
    phrases: HashMap<String, Vec<(Phrase, u32)>>,
    /// Each concept's name: the heading word or phrase of its entry.
    names: Vec<String>,
    /// Pairs of sides that contradict each other, each side a list of phrases.
    pub opposites: Vec<(Vec<Phrase>, Vec<Phrase>)>,
}

/// The raw entries of one file, before their words are stemmed.
#[derive(Debug, Clone, Default)]
pub struct Entries {
    same: Vec<(String, Vec<String>)>,
    opposite: Vec<(String, Vec<String>)>,
}

impl Entries {
    /// Reads a thesaurus file's text; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Entries, ThesaurusError> {
        let parsed: File = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map_or(1, |s| text[..s.start.min(text.len())].lines().count().max(1));
            ThesaurusError {
                file: file.to_string(),
                line,
                message: format!(
                    "{} (a thesaurus has [same] and [opposite] tables of `term = [\"word\", \"phrase\"]`)",
                    e.message()
                ),
            }
        })?;
        for (key, words) in parsed.same.iter().chain(&parsed.opposite) {
            if let Some(empty) = std::iter::once(key)
                .chain(words)
                .find(|w| w.trim().is_empty())
            {
                let line = text
                    .lines()
                    .position(|l| {
                        l.contains(&format!("{key:?}")) || l.trim_start().starts_with(key.as_str())
                    })
                    .map_or(1, |n| n + 1);
                return Err(ThesaurusError {
                    file: file.to_string(),
                    line,
                    message: format!("`{key}` has an empty word {empty:?}: remove it"),
                });
            }
        }
        Ok(Entries {
            same: parsed.same.into_iter().collect(),
            opposite: parsed.opposite.into_iter().collect(),
        })
    }
}

impl Thesaurus {
    /// Compiles entries; `phrase` turns written words into stems the way answers are
    /// read (with the synonyms compiled so far), so both sides compare alike.
    pub fn build(entries: &Entries, phrase: &dyn Fn(&str, &Thesaurus) -> Phrase) -> Thesaurus {
        let mut t = Thesaurus::default();
        let bare = Thesaurus::default();
        let mut concept_of: HashMap<Phrase, u32> = HashMap::new();
        for (term, words) in &entries.same {
            let head = phrase(term, &bare);
            if head.is_empty() {
                continue;
            }
            // A term named twice (in two files, or as another's word) is one concept.
            let id = match concept_of.get(&head) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(t.names.len()).unwrap_or(u32::MAX);
                    t.names.push(term.clone());
                    id
                }
            };
            for w in std::iter::once(term).chain(words) {
                let p = phrase(w, &bare);
                if p.is_empty() || concept_of.contains_key(&p) && concept_of[&p] != id {
                    continue;
                }
                concept_of.insert(p, id);
            }
        }
        for (p, id) in concept_of {
            t.phrases.entry(p[0].clone()).or_default().push((p, id));
        }
        for list in t.phrases.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        }
        // Opposites are read with the synonyms, as answers are.
        for (term, words) in &entries.opposite {
            let left = vec![phrase(term, &t)];
            let right: Vec<Phrase> = words
                .iter()
                .map(|w| phrase(w, &t))
                .filter(|p| !p.is_empty())
                .collect();
            if !left[0].is_empty() && !right.is_empty() {
                t.opposites.push((left, right));
            }
        }
        t
    }

    /// The longest phrase starting at `stems[0]`: its concept and length in words.
    pub fn longest(&self, stems: &[&str]) -> Option<(u32, usize)> {
        let first = stems.first()?;
        self.phrases.get(*first)?.iter().find_map(|(p, id)| {
            (p.len() <= stems.len() && p.iter().zip(stems).all(|(a, b)| a == b))
                .then_some((*id, p.len()))
        })
    }

    /// The key a concept is compared by.
    pub fn key(&self, id: u32) -> String {
        format!(
            "≡{}",
            self.names.get(id as usize).map_or("", String::as_str)
        )
    }

    /// How many entries of synonyms there are.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, _: &Thesaurus) -> Phrase {
        text.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn the_bundled_thesaurus_reads() {
        let entries = Entries::parse("content/thesaurus.toml", BUNDLED).unwrap();
        let t = Thesaurus::build(&entries, &words);
        assert!(t.len() > 50, "{} entries", t.len());
        assert!(!t.opposites.is_empty());
        let (k8s, _) = t.longest(&["k8s"]).unwrap();
        assert_eq!(t.key(k8s), "≡kubernetes");
        assert_eq!(
            t.longest(&["merge", "request", "x"]).map(|(_, n)| n),
            Some(2)
        );
    }

    #[test]
    fn a_bad_file_names_its_line() {
        let err = Entries::parse("mine.toml", "[same]\nk8s = \"kubernetes\"\n").unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        assert!(err.to_string().starts_with("mine.toml:2: "), "{err}");
        let err = Entries::parse("mine.toml", "[synonyms]\na = [\"b\"]\n").unwrap_err();
        assert!(err.message.contains("[same] and [opposite]"), "{err}");
        let err = Entries::parse("mine.toml", "[same]\npr = [\"\"]\n").unwrap_err();
        assert!(err.message.contains("empty word"), "{err}");
    }
}
