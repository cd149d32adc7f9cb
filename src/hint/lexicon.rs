//! The small closed word lists the hint reads English with: words that carry no claim,
//! speech fillers, negations, and the words that order a sequence.

/// Words that say nothing about the subject: never terms of a point, though they keep
/// their place in the text (distances, negation and order cues still see them).
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "actually",
    "again",
    "against",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "at",
    "away",
    "back",
    "basically",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "e.g",
    "each",
    "eg",
    "either",
    "else",
    "enough",
    "etc",
    "even",
    "ever",
    "every",
    "everything",
    "example",
    "examples",
    "first",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "getting",
    "go",
    "goes",
    "going",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "however",
    "i",
    "i.e",
    "ie",
    "if",
    "in",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "kind",
    "last",
    "least",
    "less",
    "let",
    "lets",
    "like",
    "likely",
    "lot",
    "lots",
    "made",
    "make",
    "makes",
    "making",
    "many",
    "may",
    "maybe",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "need",
    "needs",
    "next",
    "non",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one's",
    "only",
    "onto",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "put",
    "quite",
    "rather",
    "re",
    "really",
    "same",
    "say",
    "says",
    "see",
    "she",
    "should",
    "show",
    "since",
    "so",
    "some",
    "something",
    "still",
    "such",
    "sure",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "use",
    "used",
    "uses",
    "using",
    "very",
    "via",
    "want",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whole",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "would",
    "yet",
    "you",
    "your",
    "yours",
];

/// Sounds and phrases of speech that a transcript keeps and an answer never means.
const FILLERS: &[&str] = &[
    "um",
    "umm",
    "uh",
    "uhh",
    "er",
    "erm",
    "hmm",
    "mm",
    "ah",
    "oh",
    "okay",
    "ok",
    "yeah",
    "yep",
    "right",
    "alright",
    "anyway",
    "anyways",
    "guess",
    "mean",
    "know",
    "sort",
    "basically",
    "literally",
    "totally",
    "honestly",
    "well",
];

/// Words that deny what follows (or, after a verb, what came before in the clause).
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "without", "nothing", "none", "nobody", "neither", "nor", "cannot",
    "unable", "n't", "dont", "doesnt", "isnt", "arent", "wasnt", "werent", "wont", "cant",
    "shouldnt", "wouldnt", "couldnt", "didnt", "hasnt", "havent", "mustnt", "nowhere",
];

/// Words that end the reach of a negation or an order word.
const CLAUSE_WORDS: &[&str] = &[
    "and",
    "but",
    "so",
    "because",
    "which",
    "while",
    "whereas",
    "although",
    "though",
    "instead",
    "otherwise",
    "unless",
    "since",
    "that",
    "who",
    "if",
    "when",
    "where",
];

/// Words that make a claim about what does not happen, though they deny nothing
/// grammatically ("the upload fails", "it prevents split brain"): a negation opposite
/// them is no contradiction.
const NEGATIVE_WORDS: &[&str] = &[
    "fail",
    "fails",
    "failed",
    "failing",
    "prevent",
    "prevents",
    "prevented",
    "stop",
    "stops",
    "stopped",
    "avoid",
    "avoids",
    "block",
    "blocks",
    "blocked",
    "lack",
    "lacks",
    "refuse",
    "refuses",
    "reject",
    "rejects",
    "ignore",
    "ignores",
    "ignored",
    "bypass",
    "bypasses",
    "miss",
    "missing",
    "lose",
    "loses",
    "lost",
    "without",
    "unless",
    "instead",
    "only",
    "just",
    "forget",
    "forgets",
];

/// Words a negation reaches past to find what it denies: "no such flag", "never for a
/// slow apply", "must not both act".
const DENIAL_SKIPS: &[&str] = &[
    "a", "an", "the", "such", "any", "this", "that", "these", "those", "its", "their", "our",
    "your", "my", "it", "them", "they", "we", "you", "i", "he", "she", "both", "for", "from", "to",
    "in", "on", "at", "of", "with", "by", "into", "longer", "more", "be", "been", "ever", "even",
    "really", "always", "than",
];

/// Words that make a statement a possibility, not a claim: "can still break".
const MODALS: &[&str] = &["can", "could", "may", "might"];

/// Words before "not" that make it deny the verb ("is not", "does not"), rather than
/// set one thing against another ("the shell, not your app").
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "do", "does", "did", "can", "could", "will", "would",
    "should", "must", "has", "have", "had", "may", "might", "need", "needs",
];

/// Words that order two things: `before`-like ones put the left side first.
const BEFORE_WORDS: &[&str] = &["before", "then", "precedes", "preceding", "prior"];
/// `after`-like ones put the right side first.
const AFTER_WORDS: &[&str] = &["after", "following", "follows"];

pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.binary_search(&lower).is_ok() || FILLERS.contains(&lower)
}

pub fn is_filler(lower: &str) -> bool {
    matches!(
        lower,
        "um" | "umm" | "uh" | "uhh" | "er" | "erm" | "hmm" | "mm"
    )
}

pub fn is_negation(lower: &str) -> bool {
    NEGATIONS.contains(&lower)
}

/// "rather than" and "instead of" deny what follows them, like "not".
pub fn negates_with_next(lower: &str, next: &str) -> bool {
    matches!((lower, next), ("rather", "than") | ("instead", "of"))
}

pub fn is_negative_word(lower: &str) -> bool {
    NEGATIVE_WORDS.contains(&lower)
}

pub fn skipped_by_denial(lower: &str) -> bool {
    DENIAL_SKIPS.contains(&lower)
}

pub fn is_modal(lower: &str) -> bool {
    MODALS.contains(&lower)
}

pub fn is_auxiliary(lower: &str) -> bool {
    AUXILIARIES.contains(&lower)
}

/// The past forms Snowball leaves alone, as their present: `built` → `build`.
pub fn irregular(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "built" => "build",
        "ran" => "run",
        "sent" => "send",
        "kept" => "keep",
        "held" => "hold",
        "wrote" | "written" => "write",
        "took" | "taken" => "take",
        "gave" | "given" => "give",
        "went" | "gone" => "go",
        "left" => "leave",
        "lost" => "lose",
        "spent" => "spend",
        "brought" => "bring",
        "caught" => "catch",
        "began" | "begun" => "begin",
        "chose" | "chosen" => "choose",
        "drove" | "driven" => "drive",
        "fell" | "fallen" => "fall",
        "grew" | "grown" => "grow",
        "knew" | "known" => "know",
        "paid" => "pay",
        "rose" | "risen" => "rise",
        "saw" | "seen" => "see",
        "sold" => "sell",
        "stood" => "stand",
        "told" => "tell",
        "broke" | "broken" => "break",
        "hid" | "hidden" => "hide",
        "found" => "find",
        "fed" => "feed",
        "dealt" => "deal",
        "meant" => "mean",
        "threw" | "thrown" => "throw",
        "struck" => "strike",
        "spun" => "spin",
        "bound" => "bind",
        "did" | "done" => "do",
        "made" => "make",
        "got" | "gotten" => "get",
        _ => return None,
    })
}

pub fn ends_clause(lower: &str) -> bool {
    CLAUSE_WORDS.contains(&lower)
}

/// Which way an order word points, if it is one: `Some(true)` when the thing on its
/// left comes first.
pub fn order_word(lower: &str) -> Option<bool> {
    if BEFORE_WORDS.contains(&lower) {
        Some(true)
    } else if AFTER_WORDS.contains(&lower) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_the_binary_search() {
        assert!(
            STOPWORDS.windows(2).all(|w| w[0] < w[1]),
            "keep STOPWORDS sorted"
        );
        assert!(is_stopword("the") && is_stopword("um") && !is_stopword("digest"));
    }

    #[test]
    fn negations_and_order_words() {
        assert!(is_negation("never") && is_negation("n't") && !is_negation("now"));
        assert_eq!(order_word("after"), Some(false));
        assert_eq!(order_word("then"), Some(true));
        assert_eq!(order_word("digest"), None);
    }
}
