//! How many new cards a day, what that asks of the busiest day, and when it asks more
//! than the minutes a day, the narrowest change that fits: more minutes, fewer topics
//! (those with the most new cards first) or a later date, compared by the factor each
//! changes its part of the plan by (minutes ×2.4, days ×1.5, cards ÷1.3).

use super::Change;
use super::scope::Scope;
use super::simulate::{Expected, Walk, follow};
use crate::clock;
use crate::schedule::{CardState, Phase};

/// A later date is looked for up to this many days after the one set (the text says
/// "within a year").
const LATEST: usize = 365;

/// New cards a day so that the `unseen` cards are all taken within `intro_days` days,
/// `introduced_today` of today's share taken already.
pub(super) fn new_per_day(unseen: usize, introduced_today: usize, intro_days: usize) -> usize {
    if unseen == 0 || intro_days == 0 {
        return 0;
    }
    (unseen + introduced_today).div_ceil(intro_days)
}

/// One plan tried out on the simulated person.
pub(super) struct Trial {
    pub new_per_day: usize,
    /// The day number on which the last new card is taken.
    pub last_new_day: Option<i64>,
    pub expected: Expected,
    /// Minutes the busiest day needs, rounded up.
    pub needed: u32,
}

impl Trial {
    pub fn run(walk: &Walk, start: &[CardState], introduced_today: usize) -> Trial {
        let cal = walk.calendar;
        let unseen = start.iter().filter(|s| s.phase == Phase::New).count();
        let n = new_per_day(unseen, introduced_today, cal.intro_days());
        let expected = follow(walk, start, n, introduced_today);
        let peak = expected.peak_minutes(walk.pace.seconds_per_review).ceil();
        // Whole minutes, far below u32::MAX for any deck.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let needed = peak.clamp(0.0, f64::from(u32::MAX)) as u32;
        let mut left = unseen;
        let mut last_new_day = None;
        for day in cal.today..cal.interview_day {
            if left == 0 || n == 0 {
                break;
            }
            let quota = if day == cal.today {
                n.saturating_sub(introduced_today)
            } else {
                n
            };
            if quota > 0 {
                left = left.saturating_sub(quota);
                last_new_day = Some(day);
            }
        }
        Trial {
            new_per_day: n,
            last_new_day,
            expected,
            needed,
        }
    }
}

/// The changes that make a plan needing `needed` minutes fit its minutes a day,
/// narrowest first.
pub(super) fn changes(
    walk: &Walk,
    scope: &Scope,
    start: &[CardState],
    introduced_today: usize,
    needed: u32,
) -> Vec<Change> {
    let budget = walk.minutes_per_day.max(1);
    let fits = |walk: &Walk, start: &[CardState]| {
        Trial::run(walk, start, introduced_today).needed <= budget
    };
    let mut found: Vec<(f64, Change)> = vec![(
        f64::from(needed) / f64::from(budget),
        Change::Minutes {
            minutes_per_day: needed,
        },
    )];
    if let Some(change) = fewer_topics(walk, scope, start, &fits) {
        found.push(change);
    }
    let cal = walk.calendar;
    let later = |extra: usize| Walk {
        calendar: cal.with_interview(cal.interview_day + i64::try_from(extra).unwrap_or(0)),
        ..*walk
    };
    if fits(&later(LATEST), start) {
        let extra = smallest(1, LATEST, |e| fits(&later(e), start));
        let day = later(extra).calendar.interview_day;
        found.push((
            (cal.days_left() + extra) as f64 / cal.days_left().max(1) as f64,
            Change::LaterDate {
                interview_date: clock::day_date(day),
                days_left: cal.days_left() + extra,
            },
        ));
    }
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found.into_iter().map(|(_, change)| change).collect()
}

/// The fewest topics to leave out, those with the most new cards first; with the factor
/// the cards in scope shrink by.
fn fewer_topics(
    walk: &Walk,
    scope: &Scope,
    start: &[CardState],
    fits: &dyn Fn(&Walk, &[CardState]) -> bool,
) -> Option<(f64, Change)> {
    let topics = &scope.topics;
    if topics.len() < 2 {
        return None;
    }
    let slot: std::collections::HashMap<usize, usize> = scope
        .cards
        .iter()
        .enumerate()
        .map(|(i, &c)| (c, i))
        .collect();
    let unseen = |t: usize| {
        topics[t]
            .cards
            .iter()
            .filter(|c| start[slot[c]].phase == Phase::New)
            .count()
    };
    let mut order: Vec<usize> = (0..topics.len()).collect();
    order.sort_by(|&a, &b| {
        unseen(b)
            .cmp(&unseen(a))
            .then(topics[b].cards.len().cmp(&topics[a].cards.len()))
            .then(a.cmp(&b))
    });
    let kept = |k: usize| -> Vec<CardState> {
        let dropped = &order[..k];
        (0..topics.len())
            .filter(|t| !dropped.contains(t))
            .flat_map(|t| topics[t].cards.iter().map(|c| start[slot[c]].clone()))
            .collect()
    };
    let most = topics.len() - 1;
    if !fits(walk, &kept(most)) {
        return None;
    }
    let k = smallest(1, most, |k| fits(walk, &kept(k)));
    let left_out: Vec<usize> = order[..k].to_vec();
    let dropped_cards: usize = left_out.iter().map(|&t| topics[t].cards.len()).sum();
    let name = |t: usize| topics[t].name().to_string();
    Some((
        scope.cards.len() as f64 / scope.cards.len().saturating_sub(dropped_cards).max(1) as f64,
        Change::FewerTopics {
            leave_out: left_out.iter().map(|&t| name(t)).collect(),
            keep: (0..topics.len())
                .filter(|t| !left_out.contains(t))
                .map(name)
                .collect(),
            new_cards_left_out: left_out.iter().map(|&t| unseen(t)).sum(),
        },
    ))
}

/// The smallest value in `lo..=hi` for which `ok` holds, `ok(hi)` being known to hold
/// and `ok` taken to hold from some value on.
fn smallest(mut lo: usize, mut hi: usize, ok: impl Fn(usize) -> bool) -> usize {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if ok(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    hi
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_cards_are_spread_over_the_days_with_todays_counted() {
        assert_eq!(new_per_day(100, 0, 8), 13);
        assert_eq!(new_per_day(87, 13, 8), 13, "the evening of the same day");
        assert_eq!(new_per_day(0, 5, 8), 0, "nothing left to take");
        assert_eq!(new_per_day(10, 0, 0), 0, "no study day left");
        assert_eq!(smallest(1, 100, |v| v >= 37), 37);
        assert_eq!(smallest(5, 5, |_| true), 5);
    }
}
