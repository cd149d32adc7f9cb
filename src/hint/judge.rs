//! Judges one key point against an analysed answer: finds the window of the answer
//! with the most weighted evidence, then asks the cues (`cues.rs`) whether a careful
//! reader would doubt it.

use std::collections::HashMap;

use super::analyse::{Analysed, Key};
use super::thesaurus::Thesaurus;
use super::{PointHint, Verdict, cues};

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

pub(super) fn same_key(a: &Key, b: &Key) -> bool {
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
    let (clo, chi) = cues::cue_region(index.answer, &hits, lo, hi);
    let cue = cues::number_cue(point, index.answer, &in_window, lo, hi)
        .or_else(|| cues::opposite_cue(point, index.answer, thesaurus, clo, chi))
        .or_else(|| cues::negation_cue(point, terms, index.answer, &in_window))
        .or_else(|| cues::order_cue(point, index.answer, lo, hi));
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
    // Each phrase once, where it first appears.
    let mut seen = std::collections::HashSet::new();
    out.retain(|e| seen.insert(e.to_lowercase()));
    out
}
