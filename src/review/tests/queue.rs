//! Which cards a queue holds and in what order.

use std::collections::HashMap;

use super::*;
use crate::review::queue::*;
use crate::schedule::{CardState, Grade, Scheduler};

fn ids(q: &[QueueEntry]) -> Vec<&str> {
    q.iter().map(|e| e.card_id.as_str()).collect()
}

#[test]
fn due_cards_come_first_by_risk_then_capped_new_cards() {
    let s = Scheduler::default();
    let cards = deck(6);
    let mut states = HashMap::new();
    // c00 reviewed long ago (very overdue), c01 just due, c02 due next week.
    let graduate = |at| {
        let a = s.grade("c", &CardState::new_card(), Grade::Good, at);
        s.grade("c", &a, Grade::Good, at + 600)
    };
    let old = graduate(T0 - 60 * DAY);
    let mut recent = graduate(T0 - 3 * DAY);
    recent.due = T0 - 60;
    let mut later = graduate(T0);
    later.due = T0 + 7 * DAY;
    states.insert("c01".to_string(), recent);
    states.insert("c00".to_string(), old);
    states.insert("c02".to_string(), later);
    let today = Today::new(T0, 0, 1);
    let opts = QueueOptions {
        new_per_day: 3,
        ..QueueOptions::default()
    };
    let q = build_queue(&cards, &states, &s, &today, &opts);
    assert_eq!(ids(&q), ["c00", "c01", "c03", "c04"], "two new left today");
    assert_eq!(q[0].kind, EntryKind::Review);
    assert_eq!(q[2].kind, EntryKind::New);
    let capped = build_queue(
        &cards,
        &states,
        &s,
        &today,
        &QueueOptions {
            limit: Some(1),
            ..opts
        },
    );
    assert_eq!(ids(&capped), ["c00"]);
}

#[test]
fn learning_cards_lead_and_buried_or_unanswered_cards_stay_out() {
    let s = Scheduler::default();
    let mut cards = deck(4);
    cards[3].answer = None;
    cards[3].key_points.clear();
    assert!(cards[3].is_unanswered());
    let mut states = HashMap::new();
    states.insert(
        "c01".to_string(),
        s.grade("c", &CardState::new_card(), Grade::Again, T0 - 60),
    );
    let mut buried = CardState::new_card();
    buried.buried_until = Some(T0 + DAY);
    states.insert("c02".to_string(), buried);
    let today = Today::new(T0, 0, 0);
    let q = build_queue(&cards, &states, &s, &today, &QueueOptions::default());
    assert_eq!(ids(&q), ["c01", "c00"]);
    assert_eq!(q[0].kind, EntryKind::Learning);
    let with = QueueOptions {
        include_unanswered: true,
        ..QueueOptions::default()
    };
    assert_eq!(
        ids(&build_queue(&cards, &states, &s, &today, &with)),
        ["c01", "c00", "c03"]
    );
}

#[test]
fn cram_takes_everything_and_shuffles_reproducibly() {
    let s = Scheduler::default();
    let cards = deck(12);
    let states = HashMap::new();
    let today = Today::new(T0, 0, 99);
    let cram = |seed| QueueOptions {
        cram: true,
        new_order: NewOrder::Shuffled { seed },
        ..QueueOptions::default()
    };
    let a = build_queue(&cards, &states, &s, &today, &cram(7));
    let b = build_queue(&cards, &states, &s, &today, &cram(7));
    let c = build_queue(&cards, &states, &s, &today, &cram(8));
    assert_eq!(a.len(), 12, "new_per_day does not limit cram");
    assert!(a.iter().all(|e| e.kind == EntryKind::Cram));
    assert_eq!(a, b);
    assert_ne!(ids(&a), ids(&c));
    assert_ne!(
        ids(&a),
        ids(&build_queue(
            &cards,
            &states,
            &s,
            &today,
            &QueueOptions {
                cram: true,
                ..QueueOptions::default()
            }
        ))
    );
}

#[test]
fn the_study_day_starts_at_local_midnight_or_a_chosen_hour() {
    let midnight = T0 - 9 * 3_600;
    assert_eq!(Today::new(T0, 0, 0).day_start, midnight);
    assert_eq!(Today::new(T0, 0, 0).day_end(), midnight + DAY);
    // UTC+2: local midnight is 22:00 UTC the day before.
    assert_eq!(Today::new(T0, 7_200, 0).day_start, midnight - 7_200);
    // Anki's 4 a.m. rollover: 03:00 still belongs to yesterday.
    let four = |now| Today::with_rollover(now, 0, 4, 0).day_start;
    assert_eq!(four(T0), midnight + 4 * 3_600);
    assert_eq!(four(midnight + 3 * 3_600), midnight + 4 * 3_600 - DAY);
    // The same through a day shift, as the app computes it from the config.
    assert_eq!(Today::new(T0, -4 * 3_600, 0).day_start, four(T0));
}

#[test]
fn moving_the_day_start_hides_no_due_card() {
    // Progress made with days starting at midnight, read with days starting at 4 (or
    // the other way round): every card due before stays due; nothing is rescheduled.
    let s = Scheduler::default();
    let cards = deck(3);
    let midnight = T0 - 9 * 3_600;
    let mut states = HashMap::new();
    for (i, due) in [midnight - 60, midnight + 2 * 3_600, midnight + 23 * 3_600]
        .into_iter()
        .enumerate()
    {
        let mut state = s.grade("c", &CardState::new_card(), Grade::Easy, due - 8 * DAY);
        state.due = due;
        states.insert(format!("c0{i}"), state);
    }
    let before = states.clone();
    let opts = QueueOptions::default();
    for shift in [0, -4 * 3_600] {
        // At 02:00, before a 4 a.m. day start, and at the usual 09:00.
        for now in [midnight + 2 * 3_600, T0] {
            let q = build_queue(&cards, &states, &s, &Today::new(now, shift, 0), &opts);
            let due: Vec<&str> = ids(&q);
            assert!(due.contains(&"c00"), "overdue stays due ({shift}, {now})");
            if now == T0 {
                assert_eq!(due, ["c00", "c01", "c02"], "all due today at 09:00");
            }
        }
    }
    assert_eq!(states, before);
}

#[test]
fn a_plan_puts_its_new_cards_first_and_sweeps_its_cards_not_due_before_the_interview() {
    let s = Scheduler::default();
    let cards = deck(10);
    let interview_day_start = T0 - T0 % DAY + 3 * DAY;
    let plan = QueuePlan {
        cards: ["c00", "c01", "c02", "c03", "c05", "c08"]
            .map(String::from)
            .into(),
        sweep_from: interview_day_start - 2 * DAY,
        due_from: interview_day_start,
        at: interview_day_start + 12 * 3_600,
    };
    let reviewed = |at: i64, stability: f32, due: i64| CardState {
        memory: Some(crate::schedule::Memory {
            stability,
            difficulty: 5.0,
        }),
        last_review: Some(at),
        due,
        reps: 3,
        phase: crate::schedule::Phase::Review,
        ..CardState::new_card()
    };
    let mut states = HashMap::new();
    // c00: seen 20 days ago, due long after the interview: weak on the day.
    states.insert("c00".into(), reviewed(T0 - 20 * DAY, 30.0, T0 + 30 * DAY));
    // c01: seen 10 days ago with a strong memory: stronger on the day than c00.
    states.insert("c01".into(), reviewed(T0 - 10 * DAY, 60.0, T0 + 50 * DAY));
    // c02: comes back before the interview anyway.
    states.insert(
        "c02".into(),
        reviewed(T0 - DAY, 3.0, interview_day_start - 3_600),
    );
    // c03: already swept (seen since the sweep began).
    states.insert(
        "c03".into(),
        reviewed(plan.sweep_from + 60, 40.0, T0 + 40 * DAY),
    );
    // c04: not in the plan.
    states.insert("c04".into(), reviewed(T0 - 20 * DAY, 30.0, T0 + 30 * DAY));
    let opts = QueueOptions {
        new_per_day: 2,
        plan: Some(plan.clone()),
        ..QueueOptions::default()
    };
    let now = plan.sweep_from + 9 * 3_600;
    let q = build_queue(&cards, &states, &s, &Today::new(now, 0, 0), &opts);
    assert_eq!(
        ids(&q),
        ["c05", "c08", "c00", "c01"],
        "the plan's new cards before c06, then the sweep"
    );
    assert_eq!(q[2].kind, EntryKind::Sweep);
    assert_eq!(EntryKind::Sweep.label(), "sweep");
    let before = build_queue(
        &cards,
        &states,
        &s,
        &Today::new(plan.sweep_from - 60, 0, 0),
        &opts,
    );
    assert_eq!(ids(&before), ["c05", "c08"], "no sweep before its days");
    let without = QueueOptions { plan: None, ..opts };
    let q = build_queue(&cards, &states, &s, &Today::new(now, 0, 0), &without);
    assert_eq!(ids(&q), ["c05", "c06"], "no plan: reading order, no sweep");
}
