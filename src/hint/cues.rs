//! The cues a careful reader doubts a claim by: a different number, a negation the
//! point does not have, an opposite word, a reversed order. Each returns the words to
//! show ("says 0, the point says 5m").

use super::analyse::{Analysed, Key, Token};
use super::judge::{Term, same_key};
use super::quantity::{Quantity, Unit};
use super::thesaurus::{Phrase, Thesaurus};

/// The window widened to whole sentences that say at least two distinct terms of the
/// point, up to twenty tokens either side.
pub(super) fn cue_region(
    answer: &Analysed,
    hits: &[(usize, usize)],
    lo: usize,
    hi: usize,
) -> (usize, usize) {
    let tokens = &answer.tokens;
    let mut from = lo;
    let mut to = hi;
    let reach_lo = lo.saturating_sub(20);
    let reach_hi = (hi + 20).min(tokens.len().saturating_sub(1));
    let mut sentences: Vec<u32> = hits
        .iter()
        .filter(|&&(p, _)| p >= reach_lo && p <= reach_hi)
        .map(|&(p, _)| tokens[p].sentence)
        .collect();
    sentences.sort_unstable();
    sentences.dedup();
    for s in sentences {
        let mut distinct: Vec<usize> = hits
            .iter()
            .filter(|&&(p, _)| tokens[p].sentence == s)
            .map(|&(_, j)| j)
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < 2 {
            continue;
        }
        for (i, t) in tokens.iter().enumerate().take(reach_hi + 1).skip(reach_lo) {
            if t.sentence == s {
                from = from.min(i);
                to = to.max(i);
            }
        }
    }
    (from, to)
}

/// The claim word right after a bare number: what it counts ("two failures").
fn noun_after(tokens: &[Token], i: usize) -> Option<&str> {
    tokens
        .get(i + 1)
        .filter(|t| t.is_term())
        .and_then(Token::word)
}

/// The claim words within three tokens of token `i`, in its sentence.
fn anchors<'a>(text: &'a Analysed<'_>, i: usize) -> Vec<&'a str> {
    let tokens = &text.tokens;
    let sentence = tokens[i].sentence;
    let from = i.saturating_sub(3);
    let to = (i + 3).min(tokens.len().saturating_sub(1));
    (from..=to)
        .filter(|&k| k != i && tokens[k].sentence == sentence && tokens[k].is_term())
        .filter_map(|k| tokens[k].word())
        .collect()
}

/// A number in the window that no number of the point agrees with, set against a
/// number the point says and the answer does not, about the same thing: they share a
/// neighbouring word, or the point has only that one number of the unit and the
/// answer's sits by one of the point's terms. "says 0, the point says 5m".
pub(super) fn number_cue(
    point: &Analysed,
    answer: &Analysed,
    hits: &[(usize, usize)],
    lo: usize,
    hi: usize,
) -> Option<String> {
    let said: Vec<(usize, &Quantity)> = point
        .tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.quantity().map(|q| (i, q)))
        .collect();
    if said.is_empty() {
        return None;
    }
    let window: Vec<(usize, &Quantity)> = (lo..=hi.min(answer.tokens.len().saturating_sub(1)))
        .filter_map(|i| answer.tokens[i].quantity().map(|q| (i, q)))
        .collect();
    let matched: Vec<&str> = hits
        .iter()
        .filter_map(|&(p, _)| answer.tokens[p].word())
        .collect();
    for &(i, a) in &window {
        // A bare count agrees only with a number of the same thing, or of no thing.
        let explained = said.iter().any(|&(j, q)| {
            a.agrees(q)
                && (a.unit != Unit::None
                    || q.unit != Unit::None
                    || noun_after(&answer.tokens, i).is_none()
                    || noun_after(&answer.tokens, i) == noun_after(&point.tokens, j))
        });
        if explained {
            continue;
        }
        let near = anchors(answer, i);
        let clash = said.iter().find(|&&(j, q)| {
            let unsaid = !window.iter().any(|(_, w)| w.agrees(q));
            let zero = a.hi == 0.0 && a.unit == Unit::None;
            let kind = a.unit == q.unit && a.unit != Unit::None || zero;
            if !unsaid || !(kind || a.unit == Unit::None && q.unit == Unit::None) {
                return false;
            }
            if !kind {
                // Bare counts are compared only when they count the same thing.
                let theirs = noun_after(&point.tokens, j);
                let ours = noun_after(&answer.tokens, i);
                return ours.is_some() && ours == theirs;
            }
            let theirs = anchors(point, j);
            let shared = near.iter().any(|w| theirs.contains(w));
            let only = said.iter().filter(|(_, o)| o.unit == q.unit).count() == 1
                && near.iter().any(|w| matched.contains(w));
            shared || only
        });
        if let Some(&(j, _)) = clash {
            return Some(format!(
                "says {}, the point says {}",
                answer.quote(i, i),
                point.quote(j, j)
            ));
        }
    }
    None
}

/// Whether the tokens in `range` say `phrase` (word keys in a row).
fn says(
    tokens: &[Token],
    range: std::ops::RangeInclusive<usize>,
    phrase: &Phrase,
) -> Option<usize> {
    let (lo, hi) = (
        *range.start(),
        (*range.end()).min(tokens.len().saturating_sub(1)),
    );
    (lo..=hi).find(|&i| {
        phrase.len() <= tokens.len() - i
            && phrase
                .iter()
                .zip(&tokens[i..])
                .all(|(w, t)| t.word() == Some(w.as_str()))
    })
}

/// The window says one side of an opposite pair and not the other, where the point
/// says the other: "says sequential, the point says parallel".
pub(super) fn opposite_cue(
    point: &Analysed,
    answer: &Analysed,
    thesaurus: &Thesaurus,
    lo: usize,
    hi: usize,
) -> Option<String> {
    let whole = 0..=point.tokens.len().saturating_sub(1);
    let find = |tokens: &[Token], range: std::ops::RangeInclusive<usize>, side: &[Phrase]| {
        side.iter()
            .find_map(|p| says(tokens, range.clone(), p).map(|at| (at, p.len())))
    };
    for (left, right) in &thesaurus.opposites {
        for (ours, theirs) in [(left, right), (right, left)] {
            let Some((at, n)) = find(&point.tokens, whole.clone(), ours) else {
                continue;
            };
            if find(&answer.tokens, lo..=hi, ours).is_some() {
                continue;
            }
            let Some((b, m)) = find(&answer.tokens, lo..=hi, theirs) else {
                continue;
            };
            // The point says both ("delete and node failures bypass PDBs; only evictions
            // respect them"): the answer's word is a contradiction only when it sits
            // with what the point says of the other side.
            if let Some((other, _)) = find(&point.tokens, whole.clone(), theirs) {
                let (ps, os) = (point.tokens[at].sentence, point.tokens[other].sentence);
                if ps == os {
                    continue;
                }
                let words_of = |text: &Analysed, sentence: u32| -> Vec<String> {
                    text.tokens
                        .iter()
                        .filter(|t| t.sentence == sentence && t.is_term())
                        .filter_map(|t| t.word().map(str::to_string))
                        .collect()
                };
                let said = words_of(answer, answer.tokens[b].sentence);
                let with = |sentence: u32| {
                    words_of(point, sentence)
                        .iter()
                        .filter(|w| said.contains(w))
                        .count()
                };
                if with(ps) <= with(os) {
                    continue;
                }
            }
            return Some(format!(
                "says {}, the point says {}",
                answer.quote(b, b + m - 1),
                point.quote(at, at + n - 1)
            ));
        }
    }
    None
}

/// Distinct terms of the point said in clause `clause` of the answer.
fn terms_in_clause(answer: &Analysed, hits: &[(usize, usize)], clause: u32) -> usize {
    let mut seen: Vec<usize> = hits
        .iter()
        .filter(|&&(p, _)| answer.tokens[p].clause == clause)
        .map(|&(_, j)| j)
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// The answer denies what the point states, or states what the point denies: a verbal
/// negation ("is not", "never", "n't") on the first word it reaches, in a clause that
/// says at least two of the point's terms, where the other side's clause is plainly
/// affirmative.
pub(super) fn negation_cue(
    point: &Analysed,
    terms: &[Term],
    answer: &Analysed,
    hits: &[(usize, usize)],
) -> Option<String> {
    for (j, term) in terms.iter().enumerate() {
        if point.tokens[term.first].aside || term.key_is_quantity() {
            continue;
        }
        let uses: Vec<usize> = (0..point.tokens.len())
            .filter(|&i| same_key(&point.tokens[i].key, &term.key))
            .collect();
        let said: Vec<usize> = hits
            .iter()
            .filter(|&&(_, k)| k == j)
            .map(|&(p, _)| p)
            .collect();
        if said.is_empty() {
            continue;
        }
        let point_denies = uses.iter().all(|&i| point.tokens[i].negated);
        let answer_denies = said.iter().all(|&p| answer.tokens[p].negated);
        if answer_denies && !point_denies {
            let denied = said
                .iter()
                .copied()
                .find(|&p| answer.tokens[p].denied_by.is_some());
            let plain = uses
                .iter()
                .all(|&i| !point.clause_is_negative(point.tokens[i].clause));
            if let Some(p) = denied
                && plain
                && terms_in_clause(answer, hits, answer.tokens[p].clause) >= 2
            {
                return Some(format!(
                    "says “{}”, the point says “{}”",
                    negated_phrase(answer, p),
                    point.quote(term.first, term.first)
                ));
            }
        }
        if point_denies && !answer_denies {
            let Some(&head) = uses.iter().find(|&&i| point.tokens[i].denied_by.is_some()) else {
                continue;
            };
            let affirmed = said.iter().copied().find(|&p| {
                let clause = answer.tokens[p].clause;
                !answer.tokens[p].negated
                    && !answer.clause_is_negative(clause)
                    && !answer.clause_is_possible(clause)
                    && terms_in_clause(answer, hits, clause) >= 2
            });
            if let Some(p) = affirmed {
                return Some(format!(
                    "says “{}”, the point says “{}”",
                    answer.quote(p, p),
                    negated_phrase(point, head)
                ));
            }
        }
    }
    None
}

impl Term {
    fn key_is_quantity(&self) -> bool {
        matches!(self.key, Key::Quantity(_))
    }
}

/// The words from the negation that reaches token `at` to `at` (or just `at`).
fn negated_phrase<'a>(text: &'a Analysed, at: usize) -> &'a str {
    match text.tokens[at].denied_by {
        Some(n) if n < at => text.quote(n, at),
        Some(n) => text.quote(at, n),
        None => text.quote(at, at),
    }
}

/// Which claim words come first, by the order words of a text: (first, then).
pub(super) fn orderings(
    text: &Analysed,
    range: std::ops::RangeInclusive<usize>,
) -> Vec<(String, String, usize)> {
    let tokens = &text.tokens;
    let mut out = Vec::new();
    for o in range {
        let Some(left_first) = tokens.get(o).and_then(|t| t.order) else {
            continue;
        };
        // Each side is read within the order word's clause; a clause that opens with
        // it ("…, then scanned") takes its left side from the clause before.
        let clause = tokens[o].clause;
        let opens = (0..o)
            .rev()
            .take_while(|&i| tokens[i].clause == clause)
            .all(|i| !tokens[i].is_term());
        let left_clause = if opens {
            clause.saturating_sub(1)
        } else {
            clause
        };
        let sentence = tokens[o].sentence;
        let side = |iter: &mut dyn Iterator<Item = usize>, clauses: &[u32]| -> Vec<String> {
            iter.take_while(|&i| {
                tokens[i].sentence == sentence && clauses.contains(&tokens[i].clause)
            })
            .filter(|&i| tokens[i].is_term())
            .filter_map(|i| tokens[i].word().map(str::to_string))
            .take(3)
            .collect()
        };
        let left = side(&mut (0..o).rev(), &[clause, left_clause]);
        let right = side(&mut (o + 1..tokens.len()), &[clause]);
        for l in &left {
            for r in &right {
                if l != r {
                    out.push(if left_first {
                        (l.clone(), r.clone(), o)
                    } else {
                        (r.clone(), l.clone(), o)
                    });
                }
            }
        }
    }
    out
}

/// The answer puts two things in the opposite order to the point's.
pub(super) fn order_cue(
    point: &Analysed,
    answer: &Analysed,
    lo: usize,
    hi: usize,
) -> Option<String> {
    let ours = orderings(point, 0..=point.tokens.len().saturating_sub(1));
    if ours.is_empty() {
        return None;
    }
    let theirs = orderings(answer, lo..=hi.min(answer.tokens.len().saturating_sub(1)));
    for (first, then, o) in &theirs {
        if let Some((_, _, p)) = ours.iter().find(|(f, t, _)| f == then && t == first) {
            let sentence = |text: &Analysed, at: usize| {
                let s = text.tokens[at].sentence;
                let from = (0..=at)
                    .rev()
                    .take_while(|&i| text.tokens[i].sentence == s)
                    .last()
                    .unwrap_or(at);
                let to = (at..text.tokens.len())
                    .take_while(|&i| text.tokens[i].sentence == s)
                    .last()
                    .unwrap_or(at);
                text.quote(from, to).to_string()
            };
            return Some(format!(
                "the order differs: says “{}”, the point says “{}”",
                sentence(answer, *o),
                sentence(point, *p)
            ));
        }
    }
    None
}
