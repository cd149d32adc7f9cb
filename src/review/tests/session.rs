//! The session state machine.

use std::collections::HashMap;

use super::*;
use crate::review::queue::*;
use crate::review::session::*;
use crate::schedule::{Grade, Phase, Scheduler};

fn start(n: usize, mode: SessionMode) -> (Vec<crate::model::Card>, Session) {
    let cards = deck(n);
    let opts = QueueOptions {
        cram: mode == SessionMode::Cram,
        ..QueueOptions::default()
    };
    let s = Scheduler::default();
    let q = build_queue(&cards, &HashMap::new(), &s, &Today::new(T0, 0, 0), &opts);
    let session = Session::new(q, &cards, s, mode, T0);
    (cards, session)
}

fn current(s: &Session) -> String {
    s.current().unwrap().entry.card_id.clone()
}

/// The card to ask now, waiting (moving `now` on) for one still in its steps.
fn next_card(s: &mut Session, now: &mut i64) -> Option<String> {
    if s.current().is_none() {
        let until = s.waiting_until()?;
        *now = (*now).max(until);
        assert!(s.resume(*now), "due at {until}, so asked at {now}");
    }
    s.current().map(|c| c.entry.card_id.clone())
}

#[test]
fn again_comes_back_in_the_same_session() {
    let (_, mut s) = start(3, SessionMode::Review);
    let mut now = T0;
    let mut asked = Vec::new();
    while let Some(id) = next_card(&mut s, &mut now) {
        // c00 is forgotten the first time; everything else is Good.
        let grade = if id == "c00" && !asked.contains(&id) {
            Grade::Again
        } else {
            Grade::Good
        };
        asked.push(id);
        now += 30;
        let p = s.grade(grade, now, Answer::default()).unwrap();
        assert_eq!(p.review.grade, grade);
        assert!(p.state.is_some());
        assert!(asked.len() < 20, "session must end");
    }
    // Each new card: Good → 10-minute step → Good graduates; c00 needs one more.
    assert_eq!(asked.iter().filter(|id| *id == "c00").count(), 3);
    assert_eq!(asked.iter().filter(|id| *id == "c01").count(), 2);
    assert_eq!(
        &asked[..3],
        ["c00", "c01", "c02"],
        "unseen cards before early returns"
    );
    let sum = s.summary(now);
    assert_eq!(sum.cards, 3);
    assert_eq!(sum.answers, 7);
    assert_eq!(sum.counts, [1, 0, 6, 0]);
    assert!(sum.elapsed_secs >= 7 * 30, "{}", sum.elapsed_secs);
    let k8s = sum
        .topics
        .iter()
        .find(|t| t.topic == "Platform › Kubernetes")
        .unwrap();
    assert_eq!((k8s.answered, k8s.correct), (2, 1));
    assert!(sum.next_due.unwrap() >= now + DAY);
}

#[test]
fn undo_restores_the_card_and_the_session() {
    let (_, mut s) = start(2, SessionMode::Review);
    let before = s.current().unwrap().clone();
    let p = s.grade(Grade::Hard, T0 + 10, Answer::default()).unwrap();
    assert_eq!(p.state.as_ref().unwrap().phase, Phase::Learning);
    assert_eq!(current(&s), "c01");
    let undo = s.undo().unwrap();
    assert_eq!(
        undo,
        UndoEffect {
            card_id: "c00".to_string(),
            grade: true,
            unbury: false
        }
    );
    assert_eq!(s.current().unwrap(), &before);
    assert_eq!(s.summary(T0 + 10).answers, 0);
    assert!(s.undo().is_none());
}

#[test]
fn bury_and_flag_act_on_the_current_card() {
    let (_, mut s) = start(2, SessionMode::Review);
    assert_eq!(s.toggle_flag(), Some(("c00".to_string(), true)));
    assert!(s.current().unwrap().state.flagged);
    assert_eq!(s.bury(T0), Some("c00".to_string()));
    assert_eq!(current(&s), "c01");
    assert_eq!(s.remaining(), 1);
    s.grade(Grade::Easy, T0 + 5, Answer::default()).unwrap();
    assert!(s.is_finished());
    assert_eq!(s.summary(T0 + 5).counts, [0, 0, 0, 1]);
}

#[test]
fn undo_takes_back_a_bury_in_both_modes() {
    for mode in [SessionMode::Review, SessionMode::Cram] {
        let (_, mut s) = start(2, mode);
        assert_eq!(s.bury(T0), Some("c00".to_string()));
        assert_eq!(current(&s), "c01");
        let undo = s.undo().unwrap();
        assert_eq!(
            undo,
            UndoEffect {
                card_id: "c00".to_string(),
                grade: false,
                unbury: true
            },
            "{mode:?}"
        );
        assert_eq!(current(&s), "c00");
        assert_eq!(s.remaining(), 2);
    }
}

#[test]
fn undoing_a_grade_of_a_card_buried_since_unburies_it_too() {
    for mode in [SessionMode::Review, SessionMode::Cram] {
        let (_, mut s) = start(1, mode);
        // Again keeps the card in the session; it comes back, and is buried then.
        s.grade(Grade::Again, T0, Answer::default()).unwrap();
        let mut now = T0;
        assert_eq!(next_card(&mut s, &mut now).as_deref(), Some("c00"));
        s.bury(now + 700).unwrap();
        assert!(s.is_finished());
        let bury = s.undo().unwrap();
        assert_eq!((bury.grade, bury.unbury), (false, true), "{mode:?}");
        let grade = s.undo().unwrap();
        assert_eq!((grade.grade, grade.unbury), (true, false), "{mode:?}");
        assert!(s.undo().is_none());
    }
}

#[test]
fn cram_never_changes_schedules_but_repeats_again() {
    let (_, mut s) = start(2, SessionMode::Cram);
    let first = s.grade(Grade::Again, T0, Answer::default()).unwrap();
    assert_eq!(first.state, None);
    assert_eq!(first.review.mode, crate::store::ReviewMode::Cram);
    assert_eq!(current(&s), "c01");
    s.grade(Grade::Good, T0 + 1, Answer::default()).unwrap();
    // Not at once: the session waits for the card's step, then asks it again.
    assert!(s.is_finished() && s.waiting_until().is_some());
    let mut now = T0 + 1;
    assert_eq!(
        next_card(&mut s, &mut now).as_deref(),
        Some("c00"),
        "Again comes back"
    );
    s.grade(Grade::Hard, now, Answer::default()).unwrap();
    assert!(s.is_finished());
    assert_eq!(s.waiting_until(), None);
    assert_eq!(s.summary(now).next_due, None);
}
