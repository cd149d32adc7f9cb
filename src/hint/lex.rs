//! Cuts text into pieces: words (split at hyphens, underscores, dots and camel case),
//! numbers, and the marks between them that end a clause or assign a value. Byte spans
//! point back into the text, so evidence can be quoted as it was written.

/// What stands between a piece and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// White space, or nothing at the start.
    Space,
    /// Inside one written word: `pull-request`, `use_lockfile`, `EndpointSlice`.
    Join,
    /// `=` or `:` between a name and its value: `-lock-timeout=5m`, `periodSeconds: 10`.
    Assign,
    /// A comma: ends a clause, not a sentence.
    Comma,
    /// A mark that ends a sentence or an aside: `.`, `;`, `(`, `)` and the like.
    Break,
}

/// One piece of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Lower-cased; a contraction's `n't` is its own piece.
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
    /// A number as written with digits (`10`, `1,000`, `43.2`), before any unit.
    pub number: Option<f64>,
    /// Inside `( … )`.
    pub aside: bool,
}

/// Cuts `text` into pieces. `%`, `~`, `×` and `^` are pieces of their own; other
/// punctuation only separates.
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut gap = Gap::Space;
    let mut depth = 0u32;
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_alphanumeric() {
            let end = word_end(text, i);
            split_word(&text[i..end], i, gap, depth > 0, &mut out);
            gap = Gap::Join;
            i = end;
            continue;
        }
        let next_is_word = text[i + len..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                gap = Gap::Break;
            }
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                gap = Gap::Break;
            }
            '%' | '~' | '×' | '^' => {
                out.push(Piece {
                    text: c.to_string(),
                    start: i,
                    end: i + len,
                    gap,
                    number: None,
                    aside: depth > 0,
                });
                gap = Gap::Space;
            }
            '=' => gap = Gap::Assign,
            // `key: value` assigns when the value is a number or follows at once;
            // otherwise a colon ends a clause.
            ':' if next_is_word
                || text[i + 1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit()) =>
            {
                gap = Gap::Assign;
            }
            ':' => gap = Gap::Comma,
            '-' | '_' | '/' | '.' if gap == Gap::Join && next_is_word => gap = Gap::Join,
            '\'' | '’' | '`' | '"' | '*' | '$' | '@' | '<' | '>' | '#' | '\\' | '|' => {
                if gap == Gap::Join {
                    gap = Gap::Space;
                }
            }
            '-' | '–' | '—' | '/' | '+' => {
                if gap == Gap::Join {
                    gap = Gap::Space;
                }
            }
            c if c.is_whitespace() => {
                if gap == Gap::Join {
                    gap = Gap::Space;
                }
            }
            ',' => gap = Gap::Comma,
            _ => gap = Gap::Break,
        }
        i += len;
    }
    out
}

/// Where the word starting at `start` ends: letters and digits, an apostrophe between
/// letters (`isn't`), and a dot or comma between digits (`43.2`, `1,000`).
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let keep = c.is_alphanumeric()
            || (matches!(c, '\'' | '’')
                && prev.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic))
            || (matches!(c, '.' | ',')
                && prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit())
                && (c == '.' || digits_ahead(&text[start + at + 1..]) == 3));
        if !keep {
            break;
        }
        end = start + at + c.len_utf8();
        prev = Some(c);
    }
    end
}

fn digits_ahead(text: &str) -> usize {
    text.chars().take_while(char::is_ascii_digit).count()
}

/// Splits one written word at camel-case humps (`terminationGracePeriodSeconds`,
/// `HTTPAdapter`, but not a plural like `PDBs`) and between a leading number and its
/// unit (`5m`, `14.4x`); turns `isn't` into `is` + `n't`.
fn split_word(word: &str, offset: usize, gap: Gap, aside: bool, out: &mut Vec<Piece>) {
    let mut push = |text: &str, start: usize, end: usize, gap: Gap| {
        let lower = text.to_lowercase();
        let number = (lower.starts_with(|c: char| c.is_ascii_digit())
            && lower
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ','))
        .then(|| lower.replace(',', "").parse::<f64>().ok())
        .flatten();
        out.push(Piece {
            text: lower,
            start: offset + start,
            end: offset + end,
            gap,
            number,
            aside,
        });
    };
    // Contractions: "isn't" → "is" "n't"; "it's", "pod's" → "it", "pod".
    let plain = word.replace('’', "'");
    if let Some(at) = plain.find('\'') {
        let (head, tail) = plain.split_at(at);
        let tail_lower = tail.to_lowercase();
        if tail_lower == "'t" && head.to_lowercase().ends_with('n') {
            let stem = &head[..head.len() - 1];
            let stem = match stem.to_lowercase().as_str() {
                "ca" => "can".to_string(),
                "wo" => "will".to_string(),
                _ => stem.to_string(),
            };
            push(&stem, 0, at - 1, gap);
            let end = word.len();
            out.push(Piece {
                text: "n't".to_string(),
                start: offset + at - 1,
                end: offset + end,
                gap: Gap::Join,
                number: None,
                aside,
            });
            return;
        }
        push(head, 0, at, gap);
        return;
    }
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut from = 0;
    for k in 1..chars.len() {
        let (at, c) = chars[k];
        let (_, p) = chars[k - 1];
        let next = chars.get(k + 1).map(|(_, n)| *n);
        let hump = p.is_lowercase() && c.is_uppercase();
        // "HTTPAdapter": the last capital of a run starts the next word, unless what
        // follows is a plural "s" at the end ("PDBs").
        let run_end = p.is_uppercase()
            && c.is_uppercase()
            && next.is_some_and(char::is_lowercase)
            && !(next == Some('s') && k + 2 == chars.len());
        // "5m" splits; "5xx", a class of status codes, does not.
        let number_unit = p.is_ascii_digit()
            && c.is_alphabetic()
            && !word[at..].eq_ignore_ascii_case("xx")
            && word[..at]
                .chars()
                .all(|d| d.is_ascii_digit() || d == '.' || d == ',');
        if hump || run_end || number_unit {
            parts.push((from, at));
            from = at;
        }
    }
    parts.push((from, word.len()));
    for (n, (s, e)) in parts.into_iter().enumerate() {
        push(&word[s..e], s, e, if n == 0 { gap } else { Gap::Join });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        pieces(text).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn words_split_at_humps_hyphens_and_units() {
        assert_eq!(
            texts("terminationGracePeriodSeconds pull-request HTTPAdapter PDBs"),
            [
                "termination",
                "grace",
                "period",
                "seconds",
                "pull",
                "request",
                "http",
                "adapter",
                "pdbs"
            ]
        );
        assert_eq!(texts("-lock-timeout=5m"), ["lock", "timeout", "5", "m"]);
        assert_eq!(texts("14.4x 1,000 ms"), ["14.4", "x", "1,000", "ms"]);
        assert_eq!(pieces("1,000")[0].number, Some(1000.0));
        assert_eq!(texts("4xx errors"), ["4xx", "errors"]);
        assert_eq!(texts("it isn't"), ["it", "is", "n't"]);
        assert_eq!(texts("can't won't"), ["can", "n't", "will", "n't"]);
        assert_eq!(texts("k8s sha256 p99.9"), ["k8s", "sha256", "p99.9"]);
    }

    #[test]
    fn gaps_say_what_separates_pieces() {
        let p = pieces("use_lockfile = true, then (lint) 5%");
        let gaps: Vec<Gap> = p.iter().map(|p| p.gap).collect();
        assert_eq!(
            gaps,
            [
                Gap::Space,
                Gap::Join,
                Gap::Assign,
                Gap::Comma,
                Gap::Break,
                Gap::Break,
                Gap::Join
            ]
        );
        assert!(p[4].aside && !p[3].aside);
        assert_eq!(p[5].number, Some(5.0));
        assert_eq!(&"use_lockfile = true"[p[1].start..p[1].end], "lockfile");
    }
}
