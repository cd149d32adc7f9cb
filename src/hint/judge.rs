//! Judges one key point against an analysed answer: finds the window of the answer
//! with the most weighted evidence, then looks in it for what a careful reader would
//! doubt — a different number, a negation the point does not have, an opposite word, a
//! reversed order.

use std::collections::HashMap;

use super::analyse::{Analysed, Key, Token};
use super::quantity::{Quantity, Unit};
use super::thesaurus::{Phrase, Thesaurus};
use super::{PointHint, Verdict};

/// How the judge weighs and decides; the figures are the measured ones (see
/// BENCHMARKS.md, "Coverage hint").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rules {
    /// Evidence must sit within this many words of the answer.
    pub window: usize,
    /// Share of the point's weight that covers it.
    pub cover: f64,
    /// Share of the point's weight below which it is missing, not doubtful.
    pub mention: f64,
    /// An example (in parentheses, after "e.g.") counts this much of a term.
    pub aside: f64,
    /// An author's essential term counts this much more.
    pub essential: f64,
    /// A term the answer only lists, where the point makes a claim of it, counts this
    /// much: naming the nouns is not saying what they do.
    pub listed: f64,
    /// A term inside a code span (a flag, a field) counts this much.
    pub code: f64,
    /// Rarity counts as `idf` raised to this power: 1 weighs rare words fully, 0 not
    /// at all.
    pub rarity: f64,
    /// A long point is judged on the weight of at most this many of its terms: saying
    /// that many of its heaviest terms' worth covers it.
    pub top: usize,
    /// A point with a marked essential term the answer does not say is never covered.
    pub require_essential: bool,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            window: 40,
            cover: 0.4,
            mention: 0.24,
            aside: 0.5,
            essential: 1.5,
            listed: 0.5,
            code: 0.5,
            rarity: 0.5,
            top: 10,
            require_essential: true,
        }
    }
}

/// One distinct term of a key point.
#[derive(Debug, Clone)]
pub struct Term {
    pub key: Key,
    pub weight: f64,
    pub essential: bool,
    /// The token of its first use in the point.
    pub first: usize,
}

/// The distinct terms of an analysed point, weighted by `weight` (of a word key).
pub fn terms(point: &Analysed, rules: &Rules, weight: &dyn Fn(&Key) -> f64) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    for (i, t) in point.tokens.iter().enumerate() {
        if !t.is_term() {
            continue;
        }
        if let Some(seen) = out.iter_mut().find(|s| same_key(&s.key, &t.key)) {
            seen.essential |= t.essential;
            if !t.aside && point.tokens[seen.first].aside {
                seen.first = i;
            }
            continue;
        }
        out.push(Term {
            key: t.key.clone(),
            weight: 0.0,
            essential: t.essential,
            first: i,
        });
    }
    for term in &mut out {
        let first = &point.tokens[term.first];
        let aside = first.aside;
        term.weight = weight(&term.key).powf(rules.rarity)
            * if first.code { rules.code } else { 1.0 }
            * if aside { rules.aside } else { 1.0 }
            * if term.essential { rules.essential } else { 1.0 };
    }
    out
}

fn same_key(a: &Key, b: &Key) -> bool {
    match (a, b) {
        (Key::Word(x), Key::Word(y)) => x == y,
        (Key::Quantity(x), Key::Quantity(y)) => x == y,
        _ => false,
    }
}

/// Where each word of an answer stands, built once per answer. Two written words side
/// by side also stand for their joined form ("single flight" for `singleflight`).
pub struct Index<'a> {
    pub answer: &'a Analysed<'a>,
    words: HashMap<String, Vec<usize>>,
}

impl<'a> Index<'a> {
    pub fn new(answer: &'a Analysed<'a>, stem: &dyn Fn(&str) -> String) -> Index<'a> {
        let mut words: HashMap<String, Vec<usize>> = HashMap::new();
        let tokens = &answer.tokens;
        for (i, t) in tokens.iter().enumerate() {
            if let Some(w) = t.word() {
                words.entry(w.to_string()).or_default().push(i);
            }
            if let Some(next) = tokens.get(i + 1)
                && t.word().is_some()
                && next.word().is_some()
                && !t.stop
                && !next.stop
            {
                let joined = format!(
                    "{}{}",
                    answer.text[t.start..t.end].to_lowercase(),
                    answer.text[next.start..next.end].to_lowercase()
                );
                words.entry(stem(&joined)).or_default().push(i);
            }
        }
        Index { answer, words }
    }

    /// The answer tokens that say `key`.
    fn find(&self, key: &Key) -> Vec<usize> {
        match key {
            Key::Word(w) => self.words.get(w).cloned().unwrap_or_default(),
            Key::Quantity(q) => self
                .answer
                .tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.quantity().is_some_and(|a| a.agrees(q)))
                .map(|(i, _)| i)
                .collect(),
        }
    }
}

/// Judges `point` (analysed, with its `terms`) against the answer in `index`.
pub fn judge(
    point: &Analysed,
    terms: &[Term],
    index: &Index,
    thesaurus: &Thesaurus,
    rules: &Rules,
) -> PointHint {
    let total: f64 = {
        let mut weights: Vec<f64> = terms.iter().map(|t| t.weight).collect();
        weights.sort_by(|a, b| b.total_cmp(a));
        weights.iter().take(rules.top).sum()
    };
    let essentials: Vec<usize> = (0..terms.len()).filter(|&i| terms[i].essential).collect();
    let missing_of = |found: &[bool]| -> Vec<String> {
        let mut missing: Vec<usize> = if essentials.is_empty() {
            let mut rare: Vec<usize> = (0..terms.len())
                .filter(|&i| !found[i] && !point.tokens[terms[i].first].aside)
                .collect();
            rare.sort_by(|&a, &b| terms[b].weight.total_cmp(&terms[a].weight));
            rare.truncate(3);
            rare
        } else {
            essentials.iter().copied().filter(|&i| !found[i]).collect()
        };
        missing.sort_unstable();
        missing
            .into_iter()
            .map(|i| point.quote(terms[i].first, terms[i].first).to_string())
            .collect()
    };
    if total <= 0.0 {
        return PointHint {
            verdict: Verdict::Missing,
            evidence: Vec::new(),
            missing: Vec::new(),
            score: 0.0,
        };
    }
    // Every place the answer says a term, in reading order.
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for (j, term) in terms.iter().enumerate() {
        hits.extend(index.find(&term.key).into_iter().map(|pos| (pos, j)));
    }
    hits.sort_unstable();
    // A hit counts fully, or less when the answer only lists what the point claims.
    let full: Vec<bool> = hits
        .iter()
        .map(|&(pos, j)| {
            let first = terms[j].first;
            !index.answer.in_list(pos) || point.in_list(first) || point.tokens[first].aside
        })
        .collect();
    let (best, lo, hi) = best_window(&hits, &full, terms, rules);
    let mut found = vec![false; terms.len()];
    let in_window: Vec<(usize, usize)> = hits
        .iter()
        .copied()
        .filter(|&(pos, _)| pos >= lo && pos <= hi)
        .collect();
    for &(_, j) in &in_window {
        found[j] = true;
    }
    let score = (best / total).min(1.0);
    let evidence = evidence(index.answer, &in_window);
    let missing = missing_of(&found);
    if score < rules.mention || in_window.is_empty() {
        return PointHint {
            verdict: Verdict::Missing,
            evidence,
            missing,
            score,
        };
    }
    // Cues are looked for in the window and in the rest of the sentences that say two
    // or more of the point's terms, near the window.
    let (clo, chi) = cue_region(index.answer, &hits, lo, hi);
    let cue = number_cue(point, index.answer, &in_window, lo, hi)
        .or_else(|| opposite_cue(point, index.answer, thesaurus, clo, chi))
        .or_else(|| negation_cue(point, terms, index.answer, &in_window))
        .or_else(|| order_cue(point, index.answer, lo, hi));
    let essential_missing = rules.require_essential && essentials.iter().any(|&i| !found[i]);
    let verdict = match cue {
        Some(cue) => Verdict::Doubt(cue),
        None if essential_missing => Verdict::Doubt(format!("does not say {}", missing.join(", "))),
        None if score >= rules.cover => Verdict::Covered,
        None => Verdict::Doubt(format!(
            "only part of it; not said: {}",
            if missing.is_empty() {
                "the rest".to_string()
            } else {
                missing.join(", ")
            }
        )),
    };
    PointHint {
        verdict,
        evidence,
        missing,
        score,
    }
}

/// The window of at most `rules.window` answer tokens holding the most weight of
/// distinct terms: (weight, first token, last token). A term counts fully when any of
/// its hits in the window is `full`, else at `rules.listed`.
fn best_window(
    hits: &[(usize, usize)],
    full: &[bool],
    terms: &[Term],
    rules: &Rules,
) -> (f64, usize, usize) {
    // Per term: hits in the window, and how many of them count fully.
    let mut counts = vec![(0u32, 0u32); terms.len()];
    let worth = |c: (u32, u32), j: usize| {
        if c.1 > 0 {
            terms[j].weight
        } else if c.0 > 0 {
            terms[j].weight * rules.listed
        } else {
            0.0
        }
    };
    let mut weight = 0.0;
    let mut best = (0.0, 0, 0);
    let mut from = 0;
    for to in 0..hits.len() {
        let (pos, j) = hits[to];
        let before = worth(counts[j], j);
        counts[j].0 += 1;
        counts[j].1 += u32::from(full[to]);
        weight += worth(counts[j], j) - before;
        while pos - hits[from].0 >= rules.window {
            let k = hits[from].1;
            let before = worth(counts[k], k);
            counts[k].0 -= 1;
            counts[k].1 -= u32::from(full[from]);
            weight += worth(counts[k], k) - before;
            from += 1;
        }
        if weight > best.0 + 1e-9 {
            best = (weight, hits[from].0, pos);
        }
    }
    best
}

/// The window widened to whole sentences that say at least two distinct terms of the
/// point, up to twenty tokens either side.
fn cue_region(answer: &Analysed, hits: &[(usize, usize)], lo: usize, hi: usize) -> (usize, usize) {
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

/// The answer's words that matched, as written, neighbours joined into one phrase.
fn evidence(answer: &Analysed, hits: &[(usize, usize)]) -> Vec<String> {
    let mut positions: Vec<usize> = hits.iter().map(|&(p, _)| p).collect();
    positions.sort_unstable();
    positions.dedup();
    let mut out: Vec<String> = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for p in positions {
        run = match run {
            Some((s, e)) if p == e + 1 => Some((s, p)),
            Some((s, e)) => {
                out.push(answer.quote(s, e).to_string());
                Some((p, p))
            }
            None => Some((p, p)),
        };
    }
    if let Some((s, e)) = run {
        out.push(answer.quote(s, e).to_string());
    }
    out.dedup();
    out
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
fn number_cue(
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
fn opposite_cue(
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
fn negation_cue(
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
fn order_cue(point: &Analysed, answer: &Analysed, lo: usize, hi: usize) -> Option<String> {
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
