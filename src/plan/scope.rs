//! Which cards a plan covers, grouped by topic (the files of the tree, as the stats
//! group them), and how ready each topic is: the mean predicted recall of its cards at
//! the interview, cards never seen counting zero.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::model::Card;
use crate::schedule::{CardState, Scheduler};
use crate::tree::{NodeKind, TopicTree};

/// The cards a plan covers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scope {
    /// Card indices, in reading order.
    pub cards: Vec<usize>,
    /// The topics the cards fall in, in reading order.
    pub topics: Vec<ScopeTopic>,
    /// Topic names of the plan that match nothing in the content any more.
    pub missing: Vec<String>,
}

/// One topic of a scope and its cards in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeTopic {
    pub path: Vec<String>,
    pub cards: Vec<usize>,
}

impl ScopeTopic {
    /// The name shown for the topic.
    pub fn name(&self) -> &str {
        self.path.last().map_or("", String::as_str)
    }
}

/// The cards under the topics `names` (`--topic` matching; none: every card), leaving
/// out the unanswered ones the review queue would not ask.
pub fn scope(
    cards: &[Card],
    tree: &TopicTree,
    names: &[String],
    include_unanswered: bool,
) -> Scope {
    let mut chosen = BTreeSet::new();
    let mut missing = Vec::new();
    if names.is_empty() {
        chosen.extend(0..cards.len());
    }
    for name in names {
        let nodes = tree.named(name);
        if nodes.is_empty() {
            missing.push(name.clone());
        }
        for node in nodes {
            chosen.extend(tree.cards_under(node));
        }
    }
    let askable = |&c: &usize| include_unanswered || !cards[c].is_unanswered();
    let mut home = vec![TopicTree::ROOT; cards.len()];
    for (n, node) in tree.nodes.iter().enumerate() {
        for &c in &node.cards {
            if let Some(slot) = home.get_mut(c) {
                *slot = n;
            }
        }
    }
    // Each card under the file that holds it (or its own node, outside any file).
    let topic_of = |c: usize| {
        let mut at = home[c];
        while tree.nodes[at].kind != NodeKind::File {
            match tree.nodes[at].parent {
                Some(parent) if parent != TopicTree::ROOT => at = parent,
                _ => return home[c],
            }
        }
        at
    };
    let mut by_topic: HashMap<usize, Vec<usize>> = HashMap::new();
    for &c in chosen.iter().filter(|c| askable(c)) {
        by_topic.entry(topic_of(c)).or_default().push(c);
    }
    let topics: Vec<ScopeTopic> = tree
        .preorder()
        .into_iter()
        .filter_map(|n| {
            by_topic.remove(&n).map(|cards| ScopeTopic {
                path: tree.path(n),
                cards,
            })
        })
        .collect();
    let in_order: Vec<usize> = topics
        .iter()
        .flat_map(|t| t.cards.iter().copied())
        .collect();
    Scope {
        cards: in_order,
        topics,
        missing,
    }
}

/// How ready one topic is on the day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicReadiness {
    /// The topic's name.
    pub topic: String,
    /// Its place in the tree, from the top.
    pub path: Vec<String>,
    /// Its cards in the plan.
    pub cards: usize,
    /// Mean predicted recall at the interview, 0–1.
    pub readiness: f64,
}

/// The chance of recalling a card at `at`, from its state now; a card never reviewed
/// counts zero.
pub fn recall_at(scheduler: &Scheduler, state: Option<&CardState>, at: i64) -> f64 {
    state
        .and_then(|s| scheduler.retrievability(s, at))
        .map_or(0.0, f64::from)
}

/// Readiness overall and per topic, from the cards' states now.
pub fn readiness(
    scope: &Scope,
    cards: &[Card],
    states: &HashMap<String, CardState>,
    scheduler: &Scheduler,
    at: i64,
) -> (f64, Vec<TopicReadiness>) {
    let recall = |c: usize| recall_at(scheduler, states.get(&cards[c].id), at);
    let topics: Vec<TopicReadiness> = scope
        .topics
        .iter()
        .map(|t| TopicReadiness {
            topic: t.name().to_string(),
            path: t.path.clone(),
            cards: t.cards.len(),
            readiness: mean(t.cards.iter().map(|&c| recall(c))),
        })
        .collect();
    (mean(scope.cards.iter().map(|&c| recall(c))), topics)
}

/// The mean, 0 for nothing.
pub(super) fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}
