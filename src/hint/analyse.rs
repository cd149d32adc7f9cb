//! Reads a text into tokens the hint compares: stemmed words, thesaurus concepts and
//! quantities, each with where it was written, its clause and sentence, and whether a
//! negation reaches it.

use super::lex::{self, Gap, Piece};
use super::lexicon;
use super::quantity::{self, Quantity, Unit};
use super::thesaurus::Thesaurus;

/// What a token is compared by.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    /// A stem, or `≡name` for a thesaurus concept.
    Word(String),
    Quantity(Quantity),
}

/// One word, concept or quantity of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub key: Key,
    /// Bytes of the text it was read from.
    pub start: usize,
    pub end: usize,
    /// Commas and words like "but" or "so" start a new clause; full stops a new
    /// sentence.
    pub clause: u32,
    pub sentence: u32,
    /// A word with no claim in it ("the", "which"): never a term.
    pub stop: bool,
    /// This token is a negation ("not", "never", "n't").
    pub negation: bool,
    /// A negation reaches this token.
    pub negated: bool,
    /// This token is the first claim word a verbal negation ("is not", "never", "n't")
    /// denies: the negation's index.
    pub denied_by: Option<usize>,
    /// An order word: `Some(true)` when what is on its left comes first.
    pub order: Option<bool>,
    /// Inside parentheses, or after "e.g." in its clause: an example, worth less.
    pub aside: bool,
    /// Inside `**bold**` in a key point: a term the author marked essential.
    pub essential: bool,
    /// Inside a `code span`: a detail such as a flag or a field name.
    pub code: bool,
    /// The word was written with a unit-like name before its value
    /// (`periodSeconds: 10`): the unit goes to the value.
    unit_name: Option<f64>,
}

impl Token {
    pub fn word(&self) -> Option<&str> {
        match &self.key {
            Key::Word(w) => Some(w),
            Key::Quantity(_) => None,
        }
    }

    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.key {
            Key::Quantity(q) => Some(q),
            Key::Word(_) => None,
        }
    }

    /// A token that can be a term: a content word, a concept or a quantity.
    pub fn is_term(&self) -> bool {
        !self.stop
    }
}

/// A text read into tokens, with the text to quote from.
#[derive(Debug, Clone)]
pub struct Analysed<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
}

impl Analysed<'_> {
    /// Token `i` as written, lower-cased.
    pub fn lower(&self, i: usize) -> String {
        let t = &self.tokens[i];
        self.text.get(t.start..t.end).unwrap_or("").to_lowercase()
    }

    /// True when clause `clause` holds a negation or a word that claims what does not
    /// happen ("fails", "prevents").
    pub fn clause_is_negative(&self, clause: u32) -> bool {
        self.tokens.iter().enumerate().any(|(i, t)| {
            t.clause == clause && (t.negation || lexicon::is_negative_word(&self.lower(i)))
        })
    }

    /// True when token `i` is an item of a list: its clause is a few words between
    /// commas, next to another such clause ("lint, unit tests, SAST, signing").
    pub fn in_list(&self, i: usize) -> bool {
        let short = |clause: u32| {
            let n = self.tokens.iter().filter(|t| t.clause == clause).count();
            (1..=4).contains(&n)
        };
        let c = self.tokens[i].clause;
        short(c) && (short(c + 1) || c > 0 && short(c - 1))
    }

    /// True when clause `clause` says what can happen rather than what does ("can").
    pub fn clause_is_possible(&self, clause: u32) -> bool {
        self.tokens
            .iter()
            .enumerate()
            .any(|(i, t)| t.clause == clause && lexicon::is_modal(&self.lower(i)))
    }

    /// The text of tokens `from..=to` as written.
    pub fn quote(&self, from: usize, to: usize) -> &str {
        let start = self.tokens[from].start;
        let end = self.tokens[to].end.max(start);
        self.text.get(start..end).unwrap_or("").trim()
    }
}

/// Words that link a subject to a negation after it: "the table is not going away".
const COPULAS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];
/// How many claim-bearing words a negation reaches.
const NEGATION_REACH: usize = 3;

/// Reads `text`. `stem` turns a lower-case word into its stem; `point` says whether the
/// text is a key point, whose `**bold**` marks essential terms.
pub fn analyse<'t>(
    text: &'t str,
    stem: &dyn Fn(&str) -> String,
    thesaurus: &Thesaurus,
    point: bool,
) -> Analysed<'t> {
    let bold = if point {
        marked_ranges(text, "**")
    } else {
        Vec::new()
    };
    let code = marked_ranges(text, "`");
    let pieces: Vec<Piece> = lex::pieces(text)
        .into_iter()
        .filter(|p| !lexicon::is_filler(&p.text))
        .collect();
    let mut tokens = raw_tokens(text, &pieces, stem, &bold);
    for t in &mut tokens {
        t.code = code.iter().any(|&(s, e)| t.start >= s && t.end <= e);
    }
    tokens = concepts(tokens, thesaurus);
    mark_examples(text, &mut tokens);
    mark_negations(text, &mut tokens);
    Analysed { text, tokens }
}

/// Byte ranges between pairs of `mark` (`**` for bold, `` ` `` for code).
fn marked_ranges(text: &str, mark: &str) -> Vec<(usize, usize)> {
    let marks: Vec<usize> = text.match_indices(mark).map(|(i, _)| i).collect();
    marks
        .chunks_exact(2)
        .map(|m| (m[0] + mark.len(), m[1]))
        .collect()
}

fn raw_tokens(
    text: &str,
    pieces: &[Piece],
    stem: &dyn Fn(&str) -> String,
    bold: &[(usize, usize)],
) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(pieces.len());
    let (mut clause, mut sentence) = (0u32, 0u32);
    let mut i = 0;
    while i < pieces.len() {
        let p = &pieces[i];
        match p.gap {
            Gap::Break => {
                clause += 1;
                sentence += 1;
            }
            Gap::Comma => clause += 1,
            _ => {}
        }
        let essential = bold.iter().any(|&(s, e)| p.start >= s && p.end <= e);
        if let Some((mut q, used)) = quantity::read(pieces, text, i) {
            // `periodSeconds: 10`: a bare value takes the unit its name ends with.
            if q.unit == Unit::None
                && p.gap == Gap::Assign
                && let Some(scale) = tokens.last().and_then(|t| t.unit_name)
            {
                q = Quantity {
                    lo: q.lo * scale,
                    hi: q.hi * scale,
                    unit: Unit::Seconds,
                    ..q
                };
            }
            tokens.push(Token {
                key: Key::Quantity(q),
                start: p.start,
                end: pieces[i + used - 1].end,
                clause,
                sentence,
                stop: false,
                negation: false,
                negated: false,
                denied_by: None,
                order: None,
                aside: p.aside,
                essential,
                code: false,
                unit_name: None,
            });
            i += used;
            continue;
        }
        let lower = p.text.as_str();
        if lexicon::ends_clause(lower) {
            clause += 1;
        }
        let next = pieces.get(i + 1).map_or("", |n| n.text.as_str());
        let negation = lexicon::is_negation(lower) || lexicon::negates_with_next(lower, next);
        let unit_name = match lower {
            "seconds" | "second" => Some(1.0),
            "ms" | "millis" => Some(0.001),
            "minutes" => Some(60.0),
            _ => None,
        }
        .filter(|_| p.gap == Gap::Join);
        tokens.push(Token {
            key: Key::Word(if lower.chars().any(|c| c.is_ascii_digit()) {
                lower.to_string()
            } else {
                stem(lower)
            }),
            start: p.start,
            end: p.end,
            clause,
            sentence,
            stop: negation
                || lexicon::is_stopword(lower)
                || !lower.starts_with(char::is_alphanumeric),
            negation,
            negated: false,
            denied_by: None,
            order: lexicon::order_word(lower),
            aside: p.aside,
            essential,
            code: false,
            unit_name,
        });
        i += 1;
    }
    tokens
}

/// Replaces each thesaurus phrase with one token for its concept, longest first.
fn concepts(tokens: Vec<Token>, thesaurus: &Thesaurus) -> Vec<Token> {
    if thesaurus.is_empty() {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let stems: Vec<&str> = tokens[i..].iter().take(6).map_while(Token::word).collect();
        match thesaurus.longest(&stems) {
            Some((id, n)) => {
                let run = &tokens[i..i + n];
                out.push(Token {
                    key: Key::Word(thesaurus.key(id)),
                    end: run[n - 1].end,
                    stop: false,
                    negation: false,
                    order: None,
                    aside: run.iter().all(|t| t.aside),
                    essential: run.iter().any(|t| t.essential),
                    ..run[0].clone()
                });
                i += n;
            }
            None => {
                out.push(tokens[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// What follows "e.g.", "for example" or "such as" up to the end of its clause is an
/// example: it counts like an aside.
fn mark_examples(text: &str, tokens: &mut [Token]) {
    let mut clause = None;
    for i in 0..tokens.len() {
        let t = &tokens[i];
        let written = text.get(t.start..t.end).unwrap_or("").to_lowercase();
        let opens = written == "e"
            && text
                .get(t.end..t.end + 3)
                .is_some_and(|s| s.starts_with(".g"))
            || written == "example"
                && i > 0
                && text[tokens[i - 1].start..tokens[i - 1].end].eq_ignore_ascii_case("for")
            || written == "such"
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| text[n.start..n.end].eq_ignore_ascii_case("as"));
        if opens {
            clause = Some(t.clause);
            continue;
        }
        if clause.is_some_and(|c| c == tokens[i].clause) {
            tokens[i].aside = true;
        } else {
            clause = None;
        }
    }
}

/// A negation reaches the next few claim-bearing words of its clause; after "is" or
/// "are" it also reaches the subject before it. "not just" and "not only" deny nothing.
/// A verbal negation marks the first word it denies.
fn mark_negations(text: &str, tokens: &mut [Token]) {
    let lower = |t: &Token| text.get(t.start..t.end).unwrap_or("").to_lowercase();
    for n in 0..tokens.len() {
        if !tokens[n].negation {
            continue;
        }
        let word = lower(&tokens[n]);
        let next = tokens.get(n + 1).map(&lower).unwrap_or_default();
        if matches!(next.as_str(), "just" | "only" | "merely" | "necessarily") {
            tokens[n].negation = false;
            continue;
        }
        let previous = n
            .checked_sub(1)
            .map(|p| lower(&tokens[p]))
            .unwrap_or_default();
        let verbal = match word.as_str() {
            "not" => lexicon::is_auxiliary(&previous),
            "without" => false,
            _ => true,
        };
        let clause = tokens[n].clause;
        // What a verbal negation denies: the first word after it, past articles,
        // pronouns and prepositions. A stop word there ("never want") denies no term.
        if verbal
            && let Some(head) = (n + 1..tokens.len())
                .take_while(|&i| tokens[i].clause == clause)
                .find(|&i| !lexicon::skipped_by_denial(&lower(&tokens[i])))
            && tokens[head].is_term()
        {
            tokens[head].denied_by = Some(n);
        }
        let mut reached = 0;
        for t in tokens[n + 1..].iter_mut() {
            if t.clause != clause || reached == NEGATION_REACH {
                break;
            }
            if t.is_term() {
                t.negated = true;
                reached += 1;
            }
        }
        if COPULAS.contains(&previous.as_str()) {
            let mut reached = 0;
            for i in (0..n).rev() {
                let t = &mut tokens[i];
                if t.clause != clause || reached == NEGATION_REACH {
                    break;
                }
                if t.is_term() {
                    t.negated = true;
                    reached += 1;
                }
            }
        }
    }
}
