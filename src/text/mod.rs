//! Text helpers shared by the parser and the UI: repair, clean-up, names and hashing.

pub mod humanize;
pub mod mojibake;
pub mod sanitize;

/// Normalises a question or topic name for ids: lower case, no punctuation or markdown
/// emphasis, single spaces. Re-wrapping, re-casing or re-punctuating leaves it unchanged.
pub fn normalize_for_id(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_normalized_for_id(text, &mut out);
    out
}

/// `normalize_for_id`, appended to `out`.
pub fn push_normalized_for_id(text: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            // A run already in normal form is copied whole.
            let run = bytes[i..]
                .iter()
                .position(|x| !x.is_ascii_lowercase() && !x.is_ascii_digit())
                .map_or(bytes.len(), |n| i + n);
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(&text[i..run]);
            i = run;
            continue;
        }
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            text[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER)
        };
        i += c.len_utf8();
        if c.is_alphanumeric() {
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            pending_space = true;
        }
        // Punctuation and symbols are dropped without separating words, so that
        // "blue-green" and "bluegreen" differ only when the author wrote a space.
    }
}

/// 64-bit FNV-1a: a tiny hash whose output never changes between Rust versions or
/// platforms, which ids stored in a database need.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Decodes the HTML entities question banks use (`&nbsp;`, `&lt;`, `&gt;`, `&quot;`,
/// `&#39;`, `&amp;`), `&amp;` last so `&amp;lt;` stays `&lt;`.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Counts the words of a piece of prose, for authoring checks.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// `haystack.to_ascii_lowercase().find(needle)` for a lowercase ASCII `needle`, without
/// a lowercased copy: memchr finds each place the needle's first letter occurs, in either
/// case, and only those places are compared.
pub fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    let (bytes, needle) = (haystack.as_bytes(), needle.as_bytes());
    let first = *needle.first()?;
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes).find(|&at| {
        bytes
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_ignore_ascii_case_agrees_with_lowercasing() {
        let texts = [
            "<SUMMARY>x",
            "ab </Details>",
            "é<summary>",
            "",
            "<summar",
            "<<summary",
            "x <sUmMaRy> y <summary",
            "**Expected Answer Points**:",
            "<TABLE><tr></Table>",
        ];
        let needles = [
            "<summary",
            "</summary>",
            "</details>",
            "</table>",
            "**expected answer points",
            "e",
        ];
        for text in texts {
            for needle in needles {
                assert_eq!(
                    find_ignore_ascii_case(text, needle),
                    text.to_ascii_lowercase().find(needle),
                    "{text} / {needle}"
                );
            }
        }
    }

    #[test]
    fn normalisation_ignores_case_wrapping_and_punctuation() {
        let a = normalize_for_id("What is a **Pod**?");
        let b = normalize_for_id("what is a\n  pod");
        let c = normalize_for_id("What is a `pod`!!");
        assert_eq!(a, "what is a pod");
        assert_eq!(a, b);
        assert_eq!(a, c);
        let mut out = "kept/".to_string();
        push_normalized_for_id("  Ärger -- über  ", &mut out);
        assert_eq!(out, "kept/ärger über");
    }

    #[test]
    fn normalisation_agrees_with_the_char_by_char_rule() {
        let reference = |text: &str| {
            let mut out = String::new();
            let mut pending_space = false;
            for c in text.chars() {
                if c.is_alphanumeric() {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.extend(c.to_lowercase());
                } else if c.is_whitespace() {
                    pending_space = true;
                }
            }
            out
        };
        for text in [
            "What is a **Pod**?",
            "  leading and trailing  ",
            "Blue-green vs. CANARY: 3 ways\u{0b}x",
            "Ärger über İstanbul ΣΑΣ",
            "tabs\tand\nnewlines\u{00a0}nbsp\u{3000}ideographic",
            "k8s v1.35 — what's new?",
            "",
            "🚀 emoji 🚀",
        ] {
            assert_eq!(normalize_for_id(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
