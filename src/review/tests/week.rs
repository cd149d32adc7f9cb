//! A week of daily reviews over 20 cards with an injected clock, through the real
//! queue, session and store.

use super::*;
use crate::review::queue::*;
use crate::review::session::*;
use crate::schedule::{Grade, Phase, Scheduler};
use crate::store::Store;

#[test]
fn a_week_of_daily_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(Some(dir.path())).unwrap();
    let cards = deck(20);
    let scheduler = Scheduler::default();
    let opts = QueueOptions {
        new_per_day: 5,
        ..QueueOptions::default()
    };
    let mut new_per_day = Vec::new();
    let mut due_per_day = Vec::new();
    for day in 0..7 {
        let mut now = T0 + day * DAY;
        let states = store.load_states().unwrap();
        let today = Today::from_store(&store, now, 0).unwrap();
        let queue = build_queue(&cards, &states, &scheduler, &today, &opts);
        let count = |k| queue.iter().filter(|e| e.kind == k).count();
        new_per_day.push(count(EntryKind::New));
        due_per_day.push(count(EntryKind::Review));
        assert_eq!(
            count(EntryKind::Learning),
            0,
            "steps finish within a session"
        );
        let mut session = Session::new(queue, &cards, scheduler.clone(), SessionMode::Review, now);
        let mut undone = false;
        loop {
            if session.current().is_none() {
                // A card still in its steps: wait for it, as a person would.
                let Some(until) = session.waiting_until() else {
                    break;
                };
                now = now.max(until);
                session.resume(now);
                continue;
            }
            let card = session.current().unwrap();
            let id = card.entry.card_id.clone();
            let number: i64 = id[1..].parse().unwrap();
            // Now and then a reviewed card is forgotten.
            let grade = if card.state.phase == Phase::Review && (number + day) % 6 == 0 {
                Grade::Again
            } else {
                Grade::Good
            };
            now += 40;
            let before_state = store.state(&id).unwrap();
            let before_log = store.log(None).unwrap().len();
            let p = session.grade(grade, now, Answer::default()).unwrap();
            store.record(&p.review, p.state.as_ref()).unwrap();
            if day == 2 && !undone {
                // Undo the day's first grade everywhere, then give it again.
                undone = true;
                let effect = session.undo().unwrap();
                assert_eq!(effect.card_id, id);
                let back = store.undo_last(&id).unwrap().unwrap();
                assert_eq!(back.restored, before_state);
                assert_eq!(store.state(&id).unwrap(), before_state);
                assert_eq!(store.log(None).unwrap().len(), before_log);
                assert_eq!(session.current().unwrap().entry.card_id, id);
            }
        }
        let summary = session.summary(now);
        assert!(summary.next_due.is_none_or(|t| t > now));
        // Nothing more to do today: the new quota is spent and no step is waiting.
        let states = store.load_states().unwrap();
        let day_start = Today::new(now, 0, 0).day_start;
        let later = Today::new(now, 0, store.new_cards_since(day_start).unwrap());
        assert!(
            build_queue(&cards, &states, &scheduler, &later, &opts).is_empty(),
            "day {day}"
        );
    }
    eprintln!("new per day {new_per_day:?}, due per day {due_per_day:?}");
    assert_eq!(new_per_day, [5, 5, 5, 5, 0, 0, 0]);
    assert_eq!(due_per_day[0], 0);
    assert!(
        due_per_day.iter().sum::<usize>() >= 10,
        "reviews come back: {due_per_day:?}"
    );
    assert!(due_per_day.iter().all(|&d| d <= 20));
    let states = store.load_states().unwrap();
    assert_eq!(states.len(), 20);
    assert!(states.values().all(|s| s.phase == Phase::Review));
    // After the week most cards rest beyond tomorrow.
    let tomorrow = T0 + 7 * DAY;
    let due_tomorrow = states.values().filter(|s| s.due < tomorrow + DAY).count();
    assert!(due_tomorrow < 10, "{due_tomorrow} due tomorrow");
    assert!(states.values().any(|s| s.lapses > 0), "some cards lapsed");
    // Good reviews stretch intervals: the first-introduced cards are now out for days.
    let c01 = &states["c01"];
    assert!(c01.due - c01.last_review.unwrap() >= 3 * DAY, "{c01:?}");
}
