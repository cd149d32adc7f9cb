//! The rule that keeps fuzzy question search tight: each typed word must appear in the
//! question as one unbroken run, or split into pieces that begin consecutive words
//! (`hpa` → "Horizontal Pod Autoscaler", `podaut` → "Pod Autoscaler"). Letters scattered
//! across a question (`helm` in "how do you enforce one limit across many") do not count.

/// Whether every word of `query` follows the rule in `question`. Words that use the
/// matcher's syntax (`^start`, `end$`, `'exact`, `!not`) keep their own meaning.
pub fn every_word_fits(query: &str, question: &str) -> bool {
    let words = query
        .split_whitespace()
        .filter(|w| !w.starts_with(['^', '\'', '!']) && !w.ends_with('$'));
    // Most questions and queries are ASCII and hold each word unbroken: that is found
    // without lowercasing anything into new buffers.
    if question.is_ascii()
        && words
            .clone()
            .all(|word| word.is_ascii() && holds_ignoring_ascii_case(question, word))
    {
        return true;
    }
    fits_by_chars(words, question)
}

/// The rule over lowercased characters, for any text.
fn fits_by_chars<'a>(mut words: impl Iterator<Item = &'a str>, question: &str) -> bool {
    let hay: Vec<char> = question.chars().flat_map(char::to_lowercase).collect();
    words.all(|word| {
        let word: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
        contains_run(&hay, &word) || fits_word_starts(&hay, &word)
    })
}

/// Whether ASCII `hay` holds ASCII `word` unbroken, in any case.
fn holds_ignoring_ascii_case(hay: &str, word: &str) -> bool {
    word.is_empty()
        || hay
            .as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

fn contains_run(hay: &[char], word: &[char]) -> bool {
    word.is_empty() || hay.windows(word.len()).any(|w| w == word)
}

/// Whether `word` splits into pieces that begin consecutive words of `hay`: a table of
/// which (word start, typed letters used) pairs can be reached, so that hostile text
/// (`aaaa aaaa …` against `aaaa…b`) costs words × letters, not an exponential search.
fn fits_word_starts(hay: &[char], word: &[char]) -> bool {
    let starts: Vec<usize> = (0..hay.len())
        .filter(|&i| hay[i].is_alphanumeric() && (i == 0 || !hay[i - 1].is_alphanumeric()))
        .collect();
    let n = word.len();
    // reached[used]: the typed letters word[..used] were matched by the words before the
    // current one, the last of them just before it (or `used == 0`: nothing yet).
    let mut reached = vec![false; n + 1];
    for &start in &starts {
        reached[0] = true;
        let mut next = vec![false; n + 1];
        for used in (0..n).filter(|&u| reached[u]) {
            let common = hay[start..]
                .iter()
                .zip(&word[used..])
                .take_while(|(h, w)| h == w)
                .count();
            for len in 1..=common {
                next[used + len] = true;
            }
        }
        if next[n] {
            return true;
        }
        reached = next;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::every_word_fits;

    #[test]
    fn a_run_anywhere_fits() {
        assert!(every_word_fits("helm", "How do Helm charts upgrade?"));
        assert!(every_word_fits("ubern", "What is Kubernetes?"));
    }

    #[test]
    fn pieces_at_word_starts_fit_in_order() {
        assert!(every_word_fits(
            "hpa",
            "How does the Horizontal Pod Autoscaler decide?"
        ));
        assert!(every_word_fits("podaut", "Pod Autoscaler limits"));
        assert!(every_word_fits("dns ttl", "DNS: what does a TTL do?"));
        assert!(!every_word_fits(
            "aph",
            "How does the Horizontal Pod Autoscaler decide?"
        ));
    }

    #[test]
    fn scattered_letters_do_not_fit() {
        assert!(!every_word_fits(
            "helm",
            "How does the kernel limit memory?"
        ));
        assert!(!every_word_fits("helm canary", "Helm upgrades"));
    }

    #[test]
    fn hostile_text_is_cheap() {
        let question = "aaaa ".repeat(5_000);
        let word = format!("{}b", "a".repeat(60));
        assert!(!every_word_fits(&word, &question));
    }

    #[test]
    fn matcher_syntax_words_are_left_to_the_matcher() {
        assert!(every_word_fits("^how !xyz pod$", "How is a pod"));
    }

    proptest::proptest! {
        /// The ASCII shortcut never changes the answer.
        #[test]
        fn the_ascii_shortcut_agrees_with_the_rule_over_characters(
            query in "[a-dA-D ]{0,8}",
            question in "[a-dA-D ?]{0,24}",
        ) {
            let words = || query.split_whitespace();
            proptest::prop_assert_eq!(
                every_word_fits(&query, &question),
                super::fits_by_chars(words(), &question)
            );
        }
    }
}
