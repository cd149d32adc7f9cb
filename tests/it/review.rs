//! The review screen driven like the runtime drives it: actions into the App, effects
//! performed against a real progress database in a temporary folder.

use std::time::Instant;

use crate::common::rig::Rig;
use crate::common::{render, screen_text};
use insta::assert_snapshot;
use prepdeck::action::Action::*;
use prepdeck::app::review::Side;
use prepdeck::app::{Effect, ReviewRequest, Screen};
use prepdeck::store::ReviewMode;

fn rig(w: u16, h: u16) -> Rig {
    Rig::new(w, h)
}

#[test]
fn a_card_from_question_to_saved_grade_and_undo() {
    let mut r = rig(120, 40);
    r.start();
    assert_eq!(r.side(), Side::Question);
    r.press(Reveal);
    assert_eq!(r.side(), Side::Answer);
    // The first card is "When would you put a cache…" with three key points.
    r.press(Toggle);
    r.press(MoveDown);
    r.press(Toggle);
    let effect = r.press(Accept);
    assert!(matches!(effect, Some(Effect::Persist(_))), "{effect:?}");
    assert_eq!(r.logged(), 1, "the grade is committed before the next card");
    let log = r.effects.store.log(None).unwrap();
    assert_eq!(
        log[0].grade.number(),
        2,
        "two of three covered suggests Hard"
    );
    assert_eq!(log[0].coverage.map(|c| (c.covered, c.total)), Some((2, 3)));
    assert_eq!(log[0].mode, ReviewMode::Review);
    let id = log[0].card_id.clone();
    assert!(r.effects.store.state(&id).unwrap().is_some());

    r.press(Undo);
    assert_eq!(r.logged(), 0);
    assert!(
        r.effects.store.state(&id).unwrap().is_none(),
        "state restored exactly: no row"
    );
    assert!(!r.app.states().contains_key(&id));
    assert_eq!(r.side(), Side::Question);
}

#[test]
fn number_keys_grade_on_either_side_and_the_session_ends_in_a_summary() {
    let mut r = rig(120, 40);
    r.start();
    r.press(Grade4);
    r.press(Reveal);
    r.press(Grade4);
    r.press(TypeAnswer);
    assert_eq!(r.side(), Side::Typing);
    for c in "SQS deletes".chars() {
        r.press(TextKey(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        )));
    }
    r.press(FinishQuestion);
    assert_eq!(r.side(), Side::Answer);
    r.press(Grade4);
    assert_eq!(r.side(), Side::Summary);
    assert_eq!(r.logged(), 3);
    let typed: Vec<_> = r
        .effects
        .store
        .log(None)
        .unwrap()
        .into_iter()
        .filter_map(|l| l.typed_answer)
        .collect();
    assert_eq!(typed, ["SQS deletes"]);
    assert_snapshot!("review_summary", screen_text(&render(&r.app)));
    r.press(Back);
    assert!(matches!(r.app.screen(), Some(Screen::Browse(_))));
    // Everything was graded Easy: nothing is due any more.
    r.start();
    assert!(matches!(r.app.screen(), Some(Screen::Browse(_))));
    assert!(
        r.app.message().unwrap().starts_with("nothing to review"),
        "{:?}",
        r.app.message()
    );
}

static AGAIN_CLOCK: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1_795_349_100);

#[test]
fn again_comes_back_in_the_same_session() {
    let mut r = rig(120, 40).with_clock(|| AGAIN_CLOCK.load(std::sync::atomic::Ordering::SeqCst));
    r.start();
    let first = match r.app.screen() {
        Some(Screen::Review(s)) => s.current_id().unwrap().to_string(),
        _ => unreachable!(),
    };
    r.press(Grade1);
    r.press(Grade3);
    r.press(Grade3);
    // Its one-minute step comes due while the others are answered.
    AGAIN_CLOCK.store(1_795_349_100 + 61, std::sync::atomic::Ordering::SeqCst);
    r.press(Tick);
    let Some(Screen::Review(s)) = r.app.screen() else {
        unreachable!()
    };
    assert_eq!(
        s.current_id(),
        Some(first.as_str()),
        "the failed card is asked again"
    );
}

#[test]
fn bury_and_flag_reach_the_store() {
    let mut r = rig(120, 40);
    r.start();
    let id = match r.app.screen() {
        Some(Screen::Review(s)) => s.current_id().unwrap().to_string(),
        _ => unreachable!(),
    };
    r.press(Flag);
    assert!(r.effects.store.state(&id).unwrap().unwrap().flagged);
    r.press(Bury);
    assert!(
        r.effects
            .store
            .state(&id)
            .unwrap()
            .unwrap()
            .buried_until
            .is_some()
    );
    assert_eq!(r.logged(), 0, "neither is a grade");
}

/// The id of the card on screen.
fn current(r: &crate::common::rig::Rig) -> String {
    match r.app.screen() {
        Some(Screen::Review(s)) => s.current_id().unwrap().to_string(),
        _ => panic!("not reviewing"),
    }
}

fn buried(r: &crate::common::rig::Rig, id: &str) -> bool {
    r.effects
        .store
        .state(id)
        .unwrap()
        .is_some_and(|s| s.buried_until.is_some())
        || r.app
            .states()
            .get(id)
            .is_some_and(|s| s.buried_until.is_some())
}

static BURY_CLOCK: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1_795_349_100);

#[test]
fn undo_takes_back_a_bury_in_the_store_in_review_and_cram() {
    for cram in [false, true] {
        BURY_CLOCK.store(1_795_349_100, std::sync::atomic::Ordering::SeqCst);
        let mut r =
            rig(120, 40).with_clock(|| BURY_CLOCK.load(std::sync::atomic::Ordering::SeqCst));
        r.start_with(&ReviewRequest { node: None, cram });
        // Give the card a state first, so there is something to bury in the store.
        let id = current(&r);
        r.press(Grade1);
        while r.side() != Side::Summary {
            r.press(Grade4);
        }
        // Its step comes due, and it is asked again.
        BURY_CLOCK.store(1_795_349_100 + 61, std::sync::atomic::Ordering::SeqCst);
        r.press(Tick);
        assert_eq!(current(&r), id, "cram {cram}");
        r.press(Bury);
        assert!(buried(&r, &id), "cram {cram}: the bury reached the store");
        let logged = r.logged();
        r.press(Undo);
        assert_eq!(current(&r), id, "cram {cram}: the buried card is back");
        assert!(
            !buried(&r, &id),
            "cram {cram}: the undo unburied it in the store"
        );
        assert_eq!(
            r.logged(),
            logged,
            "cram {cram}: undoing a bury keeps the grades"
        );
        // A second undo takes back the grade before it, and the card stays unburied.
        while r.logged() > 0 {
            r.press(Undo);
        }
        assert!(!buried(&r, &id), "cram {cram}");
    }
}

#[test]
fn cram_leaves_schedules_alone() {
    let mut r = rig(120, 40);
    r.start_with(&ReviewRequest {
        node: None,
        cram: true,
    });
    r.press(Grade3);
    let log = r.effects.store.log(None).unwrap();
    assert_eq!(log[0].mode, ReviewMode::Cram);
    assert!(r.effects.store.state(&log[0].card_id).unwrap().is_none());
}

#[test]
fn snapshots_of_each_side() {
    let mut r = rig(120, 40);
    r.start();
    assert_snapshot!("review_question", screen_text(&render(&r.app)));
    r.press(Reveal);
    r.press(Toggle);
    assert_snapshot!("review_answer_checklist", screen_text(&render(&r.app)));
    let mut narrow = rig(80, 24);
    narrow.start();
    narrow.press(TypeAnswer);
    assert_snapshot!("review_typing_80x24", screen_text(&render(&narrow.app)));
}

#[test]
fn browser_r_reviews_the_selected_topic() {
    let mut r = rig(120, 40);
    // Select the card of the "Queues" topic: its topic is the whole session.
    let node = r.app.topic_nodes("Queues")[0];
    let card = r.app.deck().tree.nodes[node].cards[0];
    r.app.jump_to_card(card);
    let effect = r.app.update(ReviewTopic, Instant::now());
    let Some(Effect::StartReview(request)) = effect else {
        panic!("{effect:?}")
    };
    assert_eq!(request.node, Some(node));
    let ready = r.effects.start_review(&r.app, &request).unwrap();
    r.app.update(ready, Instant::now());
    let Some(Screen::Review(s)) = r.app.screen() else {
        panic!("no review")
    };
    assert_eq!(s.session.remaining(), 1);
}

#[test]
fn a_grade_the_disk_refuses_keeps_the_card_on_screen_until_saved_or_given_up() {
    let mut r = rig(100, 30);
    r.start();
    let first = current(&r);
    let left = match r.app.screen() {
        Some(Screen::Review(s)) => s.session.remaining(),
        _ => unreachable!(),
    };
    r.effects.store.refuse_writes(true).unwrap();
    r.press(Reveal);
    r.press(Grade3);
    // Not saved, not lost, not moved on: the same card, and the reason on screen.
    assert_eq!(r.logged(), 0);
    assert_eq!(current(&r), first, "the card stays on screen");
    assert_eq!(r.side(), Side::Answer, "as it was when graded");
    let Some(Screen::Review(s)) = r.app.screen() else {
        unreachable!()
    };
    assert_eq!(s.session.remaining(), left, "the session did not move on");
    let text = screen_text(&render(&r.app));
    assert!(text.contains("Grade not saved"), "{text}");
    assert!(text.contains("NOT saved"), "{text}");
    assert!(
        text.contains("tries again"),
        "the whole message is there:\n{text}"
    );
    // Other grades wait for this one.
    r.press(Grade4);
    assert_eq!(r.logged(), 0);
    assert_eq!(current(&r), first);
    // The disk has room again: r saves it and the review goes on.
    r.effects.store.refuse_writes(false).unwrap();
    r.press(Retry);
    assert_eq!(r.logged(), 1, "saved on retry");
    assert_ne!(current(&r), first, "and the review moved on");
    assert_eq!(r.app.grades_lost(), 0);

    // Refused again, and given up: stop asks first, and the loss is counted.
    r.effects.store.refuse_writes(true).unwrap();
    r.press(Grade3);
    assert_eq!(r.logged(), 1);
    r.press(Back);
    assert!(
        matches!(r.app.screen(), Some(Screen::Review(_))),
        "stop asks first"
    );
    let text = screen_text(&render(&r.app));
    assert!(text.contains("gives it up"), "{text}");
    r.press(Back);
    assert!(matches!(r.app.screen(), Some(Screen::Browse(_))));
    assert_eq!(r.app.grades_lost(), 1, "the exit status will say so");
}

fn header(r: &Rig) -> String {
    screen_text(&render(&r.app))
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn stopping_early_shows_the_summary_then_goes_back() {
    let mut r = rig(100, 30);
    r.start();
    r.press(Grade3);
    r.press(Back);
    assert_eq!(r.side(), Side::Summary, "q shows what was done first");
    let text = screen_text(&render(&r.app));
    assert!(text.contains("stopped early"), "{text}");
    assert!(
        text.contains("1 cards reviewed") || text.contains("1 card"),
        "{text}"
    );
    assert!(text.contains("Next cards due in"), "{text}");
    r.press(Back);
    assert!(
        matches!(r.app.screen(), Some(Screen::Browse(_))),
        "then back to the browser"
    );
}

#[test]
fn the_header_counts_new_learning_and_due_after_every_grade() {
    let mut r = rig(120, 40);
    r.start();
    assert!(
        header(&r).contains("3 left: 3 new, 0 learning, 0 due"),
        "{}",
        header(&r)
    );
    r.press(Grade1);
    assert!(
        header(&r).contains("3 left: 2 new, 1 learning, 0 due"),
        "{}",
        header(&r)
    );
    r.press(Grade4);
    assert!(
        header(&r).contains("2 left: 1 new, 1 learning, 0 due"),
        "{}",
        header(&r)
    );
}

#[test]
fn enter_with_nothing_ticked_asks_before_grading_again() {
    let mut r = rig(120, 40);
    r.start();
    r.press(Reveal);
    let bar = screen_text(&render(&r.app));
    assert!(bar.contains("Enter: Again, 0 of"), "{bar}");
    r.press(Accept);
    assert_eq!(r.logged(), 0, "the first Enter only asks");
    assert!(
        r.app.message().is_some()
            || screen_text(&render(&r.app)).contains("Enter again grades Again"),
    );
    let text = screen_text(&render(&r.app));
    assert!(text.contains("Enter again grades Again"), "{text}");
    r.press(Accept);
    assert_eq!(r.logged(), 1);
    let log = r.effects.store.log(None).unwrap();
    assert_eq!(log[0].grade, prepdeck::schedule::Grade::Again);
    // The next card has an answer and no key points: it says how to grade it, and
    // never that it has no answer.
    r.press(Reveal);
    let text = screen_text(&render(&r.app));
    assert!(
        text.contains("No key points to tick for this card: grade it with 1/2/3/4."),
        "{text}"
    );
    assert!(!text.contains("No answer in the source yet"), "{text}");
}

#[test]
fn cram_shows_no_intervals_and_says_so() {
    let mut r = rig(120, 40);
    r.start_with(&ReviewRequest {
        node: None,
        cram: true,
    });
    let text = screen_text(&render(&r.app));
    assert!(text.contains("Cram (schedules unchanged)"), "{text}");
    let bar = text.lines().rev().nth(1).unwrap_or_default();
    assert!(bar.contains("Again") && bar.contains("Good"), "{bar}");
    for label in ["1m", "6m", "10m", "8d"] {
        assert!(!bar.contains(label), "{label} in {bar}");
    }
}

#[test]
fn a_card_with_an_answer_but_no_key_points_says_how_to_grade_it() {
    let deck = prepdeck::load::load_text(
        "notes.md",
        "# Notes\n\nQ: What is a pod?\nA: The smallest deployable unit.\n",
    );
    let mut app = crate::common::app_from_deck(deck, 100, 30);
    let card = &app.deck().cards[0];
    assert!(card.key_points.is_empty() && card.answer.is_some());
    app.jump_to_card(0);
    let text = screen_text(&render(&app));
    assert!(!text.contains("No answer in the source yet"), "{text}");
    assert!(text.contains("The smallest deployable unit."), "{text}");
}

#[test]
fn the_key_point_cursor_stays_in_view_and_covers_its_whole_row() {
    let mut r = rig(80, 24);
    r.app = crate::common::app_from_deck(crate::common::many_points_deck(), 80, 24)
        .with_clock(|| 1_795_349_100);
    r.start();
    r.press(Reveal);
    let theme = prepdeck::theme::Theme::default();
    let selected = theme.style(prepdeck::theme::Role::Selection).bg;
    for step in 0..12 {
        let terminal = render(&r.app);
        let buffer = terminal.backend().buffer();
        let text = screen_text(&terminal);
        let wanted = format!("point {}:", step + 1);
        let row = text
            .lines()
            .position(|l| l.contains(&wanted))
            .unwrap_or_else(|| panic!("point {} is off screen:\n{text}", step + 1));
        // The whole row is highlighted, not only the box.
        let row = u16::try_from(row).unwrap();
        let highlighted = (2..60)
            .filter(|&x| buffer[(x, row)].bg == selected.unwrap())
            .count();
        assert!(highlighted > 30, "point {} row not highlighted", step + 1);
        crate::common::press(&mut r.app, &[MoveDown]);
    }
    crate::common::press(&mut r.app, &[Top]);
    assert!(screen_text(&render(&r.app)).contains("point 1:"));
    crate::common::press(&mut r.app, &[Bottom]);
    assert!(screen_text(&render(&r.app)).contains("point 12:"));
}

#[test]
fn flagged_cards_are_marked_listed_and_reviewed_on_their_own() {
    let mut r = rig(120, 40);
    r.start();
    let flagged = current(&r);
    r.press(Flag);
    r.press(Back);
    r.press(Back);
    assert!(matches!(r.app.screen(), Some(Screen::Browse(_))));
    // The tree marks it, and F goes to it.
    r.press(ListFlagged);
    assert_eq!(
        r.app
            .selected_card()
            .map(|c| r.app.deck().cards[c].id.clone()),
        Some(flagged.clone())
    );
    let text = screen_text(&render(&r.app));
    assert!(text.contains('⚑'), "{text}");
    assert!(text.contains("1 flagged card"), "{text}");
    // review --flagged: only that card, due or not.
    r.effects.queue.flagged = true;
    r.start();
    let Some(Screen::Review(s)) = r.app.screen() else {
        panic!("no review")
    };
    assert_eq!(s.session.remaining(), 1);
    assert_eq!(current(&r), flagged);
}

static CLOCK: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1_795_349_100);

fn clock() -> i64 {
    CLOCK.load(std::sync::atomic::Ordering::SeqCst)
}

#[test]
fn a_card_in_its_steps_is_waited_for_not_asked_again_at_once() {
    CLOCK.store(1_795_349_100, std::sync::atomic::Ordering::SeqCst);
    let mut r = rig(100, 30).with_clock(clock);
    r.effects.queue.limit = Some(1);
    r.start();
    let first = current(&r);
    // Good on a new card: its next step is ten minutes away, and nothing else is left.
    r.press(Grade3);
    assert_eq!(r.side(), Side::Summary, "not asked again at once");
    let text = screen_text(&render(&r.app));
    assert!(text.contains("comes back in 10m"), "{text}");
    assert!(text.contains("stay on this screen"), "{text}");
    assert!(r.app.ticking(), "the screen wakes up to ask it");
    // Time passes on screen; when the step is due, the card is asked.
    r.press(Tick);
    assert_eq!(r.side(), Side::Summary);
    CLOCK.store(1_795_349_100 + 601, std::sync::atomic::Ordering::SeqCst);
    r.press(Tick);
    assert_eq!(r.side(), Side::Question);
    assert_eq!(current(&r), first);
}

#[test]
fn snapshots_of_a_review_stopped_early_and_one_waiting_for_a_card() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut r = rig(w, h);
        r.start();
        r.press(Grade3);
        r.press(Back);
        assert_snapshot!(
            format!("review_stopped_early_{w}x{h}"),
            screen_text(&render(&r.app))
        );
        let mut r = rig(w, h);
        r.effects.queue.limit = Some(1);
        r.start();
        r.press(Reveal);
        r.press(Grade3);
        assert_snapshot!(
            format!("review_waiting_{w}x{h}"),
            screen_text(&render(&r.app))
        );
    }
}

#[test]
fn long_intervals_fit_the_grade_bar_at_80_columns() {
    use prepdeck::schedule::{CardState, Memory, Phase};
    const DAY: i64 = 86_400;
    let now = 1_795_349_100;
    let mut r = rig(80, 24);
    let card = r.app.deck().cards[0].clone();
    // A card remembered for 100 days, due now: its intervals run to months and a year.
    let state = CardState {
        memory: Some(Memory {
            stability: 100.0,
            difficulty: 5.0,
        }),
        due: now - 3_600,
        last_review: Some(now - 100 * DAY),
        reps: 6,
        phase: Phase::Review,
        ..CardState::new_card()
    };
    r.app.update(
        prepdeck::app::Msg::Saved {
            changes: vec![(prepdeck::ids::CardId::from(card.id.as_str()), Some(state))],
            note: None,
        },
        Instant::now(),
    );
    r.effects.queue.limit = Some(1);
    r.start();
    r.press(Reveal);
    let text = screen_text(&render(&r.app));
    let bar = text
        .lines()
        .find(|l| l.contains("1 Again"))
        .expect("the grade bar");
    assert!(bar.contains("mo ") && bar.contains('.'), "{bar}");
    // Everything fits: the suggestion is told in short rather than cut off.
    let points = card.key_points.len();
    assert!(
        bar.trim_end()
            .ends_with(&format!("Enter: Again, 0/{points}")),
        "{bar}"
    );
}
