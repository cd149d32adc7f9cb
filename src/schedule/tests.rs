//! Scheduler tests with known states and grades.

use super::*;

const T0: i64 = 1_800_000_000;
const DAY: i64 = 86_400;
const CARD: &str = "c1";

fn sched() -> Scheduler {
    Scheduler::default()
}

/// A card graduated with Good through both steps at T0.
fn graduated(s: &Scheduler) -> CardState {
    let a = s.grade(CARD, &CardState::new_card(), Grade::Good, T0);
    assert_eq!((a.phase, a.step, a.due), (Phase::Learning, 1, T0 + 600));
    let b = s.grade(CARD, &a, Grade::Good, T0 + 600);
    assert_eq!(b.phase, Phase::Review);
    b
}

#[test]
fn new_card_walks_the_learning_steps() {
    let s = sched();
    let new = CardState::new_card();
    let [again, hard, good, easy] = s.preview(CARD, &new, T0);
    assert_eq!(again.interval_secs, 60);
    assert_eq!(again.state.phase, Phase::Learning);
    assert_eq!(hard.interval_secs, 330);
    assert_eq!(good.interval_secs, 600);
    assert_eq!(easy.state.phase, Phase::Review);
    assert!(easy.interval_secs >= 2 * DAY, "easy graduates on days");
    assert_eq!(short_interval(good.interval_secs), "10m");
    for o in [&again, &hard, &good, &easy] {
        assert_eq!(o.state.reps, 1);
        assert_eq!(o.state.last_review, Some(T0));
        assert!(o.state.memory.is_some());
    }
}

#[test]
fn again_in_learning_resets_to_first_step() {
    let s = sched();
    let one = s.grade(CARD, &CardState::new_card(), Grade::Good, T0);
    let back = s.grade(CARD, &one, Grade::Again, T0 + 600);
    assert_eq!(
        (back.phase, back.step, back.due),
        (Phase::Learning, 0, T0 + 660)
    );
    assert_eq!(back.lapses, 0, "forgetting while learning is not a lapse");
}

#[test]
fn good_intervals_grow() {
    let s = sched();
    let mut state = graduated(&s);
    let mut last = state.due - state.last_review.unwrap();
    assert!(last >= DAY);
    for _ in 0..5 {
        let now = state.due;
        state = s.grade(CARD, &state, Grade::Good, now);
        let interval = state.due - now;
        assert!(interval > last, "{interval} should exceed {last}");
        last = interval;
    }
    assert_eq!(state.lapses, 0);
    assert_eq!(state.phase, Phase::Review);
}

#[test]
fn easy_beats_good_beats_hard_on_review_cards() {
    let s = sched();
    let state = graduated(&s);
    for late in [0, 3 * DAY, 30 * DAY] {
        let [again, hard, good, easy] = s.preview(CARD, &state, state.due + late);
        assert!(again.interval_secs < hard.interval_secs);
        assert!(hard.interval_secs >= DAY);
        assert!(hard.interval_secs < good.interval_secs);
        assert!(good.interval_secs < easy.interval_secs);
    }
}

#[test]
fn again_on_review_lapses_and_relearns() {
    let s = sched();
    let state = graduated(&s);
    let stable = state.memory.unwrap().stability;
    let now = state.due;
    let lapsed = s.grade(CARD, &state, Grade::Again, now);
    assert_eq!(lapsed.phase, Phase::Relearning);
    assert_eq!(lapsed.lapses, 1);
    assert_eq!(lapsed.due, now + 600);
    assert!(lapsed.memory.unwrap().stability < stable);
    let relearned = s.grade(CARD, &lapsed, Grade::Good, now + 600);
    assert_eq!(relearned.phase, Phase::Review);
    assert!(relearned.due - (now + 600) >= DAY);
    assert_eq!(relearned.lapses, 1);
}

#[test]
fn retrievability_falls_with_time() {
    let s = sched();
    assert_eq!(s.retrievability(&CardState::new_card(), T0), None);
    let state = graduated(&s);
    let fresh = s.retrievability(&state, T0 + 600).unwrap();
    let later = s.retrievability(&state, T0 + 10 * DAY).unwrap();
    assert!(fresh > 0.99 && later < fresh, "{fresh} {later}");
    let at_due = s.retrievability(&state, state.due).unwrap();
    assert!(
        (0.8..0.97).contains(&at_due),
        "about the desired retention: {at_due}"
    );
}

#[test]
fn higher_retention_means_shorter_intervals() {
    let relaxed = Scheduler::new(None, 0.8);
    let strict = Scheduler::new(None, 0.97);
    let a = graduated(&relaxed);
    let b = graduated(&strict);
    assert!(a.due > b.due);
}

#[test]
fn bad_params_are_reported_or_replaced() {
    assert!(Scheduler::try_new(Some(vec![1.0, 2.0]), 0.9).is_err());
    let s = Scheduler::new(Some(vec![f32::NAN; 21]), 0.9);
    assert_eq!(s.params(), &DEFAULT_PARAMS[..]);
}

#[test]
fn grading_keeps_flag_and_clears_bury() {
    let s = sched();
    let mut state = CardState::new_card();
    state.flagged = true;
    state.buried_until = Some(T0 + DAY);
    let next = s.grade(CARD, &state, Grade::Good, T0);
    assert!(next.flagged);
    assert_eq!(next.buried_until, None);
}
