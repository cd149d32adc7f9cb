//! The planner on simulated people.
//!
//! Each person has a true time per review and a true chance of knowing a new card at
//! first sight, and remembers as FSRS predicts with its default parameters: a card is
//! recalled with its retrievability at that moment. They use prepdeck for a week with
//! grades drawn from a fixed seed (five new cards a day, no plan), then set a plan and
//! follow it through the real review queue, sessions and store, the plan worked out
//! again each morning as prepdeck does when it starts: every card the queue offers is
//! graded, and swept cards only while the day's minutes last.

use std::collections::HashMap;

use super::*;
use crate::model::Source;
use crate::review::{Answer, NewOrder, QueueOptions, Session, SessionMode, Today, build_queue};
use crate::schedule::Grade;
use crate::store::Store;
use crate::tree::NodeKind;

const DAY: i64 = 86_400;
/// 09:00 UTC on 2026-11-22: every day's study starts then.
const T0: i64 = 20_779 * DAY + 9 * 3_600;
/// How far a followed plan's readiness on the day may be from the one predicted when
/// it was set: five percentage points.
const TOLERANCE: f64 = 0.05;

/// The planner's input at `T0` over `cards` with `states`: default pace, nothing
/// introduced today.
fn input_at_t0<'a>(
    cards: &'a [Card],
    tree: &'a TopicTree,
    states: &'a HashMap<String, CardState>,
    scheduler: &'a Scheduler,
) -> PlanInput<'a> {
    PlanInput {
        cards,
        tree,
        states,
        scheduler,
        pace: Pace::default(),
        now: T0,
        offset: 0,
        introduced_today: 0,
        include_unanswered: false,
    }
}

fn card(id: usize, topic: &str) -> Card {
    Card {
        id: format!("card{id:03}"),
        topic: vec!["Platform".to_string(), topic.to_string()],
        question: format!("Question {id}?"),
        why: None,
        answer: Some(format!("Answer {id}.")),
        key_points: vec!["one".to_string()],
        detail: None,
        tables: vec![],
        takeaway: None,
        example: None,
        follow_ups: vec![],
        tags: vec![],
        source: Source {
            file: format!("{topic}.md"),
            line: 1,
        },
    }
}

/// A deck with `n` cards under each topic, one file per topic.
fn deck(topics: &[(&str, usize)]) -> (Vec<Card>, TopicTree) {
    let mut cards = Vec::new();
    let mut tree = TopicTree::default();
    for (topic, n) in topics {
        for _ in 0..*n {
            let i = cards.len();
            tree.insert(
                &[("Platform", NodeKind::Folder), (topic, NodeKind::File)],
                i,
            );
            cards.push(card(i, topic));
        }
    }
    (cards, tree)
}

/// Someone who studies with prepdeck.
struct Person {
    /// Milliseconds each grade takes them.
    ms_per_review: u64,
    /// Their chance of knowing a new card at first sight.
    first_recall: f64,
    dice: u64,
}

impl Person {
    fn new(seconds: u64, first_recall: f64, seed: u64) -> Person {
        Person {
            ms_per_review: seconds * 1_000,
            first_recall,
            dice: seed,
        }
    }

    /// splitmix64, in [0, 1).
    fn draw(&mut self) -> f64 {
        self.dice = self.dice.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.dice;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Whether they recall a card in `state` at `now`.
    fn recalls(&mut self, scheduler: &Scheduler, state: &CardState, now: i64) -> bool {
        let p = match state.phase {
            Phase::New => self.first_recall,
            _ => scheduler
                .retrievability(state, now)
                .map_or(self.first_recall, f64::from),
        };
        self.draw() < p
    }
}

/// A person, their cards and their progress database.
struct World {
    _dir: tempfile::TempDir,
    store: Store,
    cards: Vec<Card>,
    tree: TopicTree,
    scheduler: Scheduler,
    person: Person,
}

impl World {
    fn new(topics: &[(&str, usize)], person: Person) -> World {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(Some(dir.path())).unwrap();
        let (cards, tree) = deck(topics);
        World {
            _dir: dir,
            store,
            cards,
            tree,
            scheduler: Scheduler::default(),
            person,
        }
    }

    /// One day's study from `now`: the queue `opts` builds, every card graded, swept
    /// cards only while `minutes` last. Returns the minutes spent on the day's due and
    /// new cards, and on the sweep.
    fn study(&mut self, mut now: i64, opts: &QueueOptions, minutes: u32) -> (f64, f64) {
        let start = now;
        let states = self.store.load_states().unwrap();
        let today = Today::from_store(&self.store, now, 0).unwrap();
        let queue = build_queue(&self.cards, &states, &self.scheduler, &today, opts);
        let mut session = Session::new(
            queue,
            &self.cards,
            self.scheduler.clone(),
            SessionMode::Review,
            now,
        );
        let budget_ends = start + i64::from(minutes) * 60;
        let (mut required, mut swept) = (0u32, 0u32);
        loop {
            let Some(card) = session.current() else {
                let Some(until) = session.waiting_until() else {
                    break;
                };
                now = now.max(until);
                session.resume(now);
                continue;
            };
            let sweep = card.entry.kind == crate::review::EntryKind::Sweep;
            if sweep && now >= budget_ends {
                break;
            }
            *(if sweep { &mut swept } else { &mut required }) += 1;
            let state = card.state.clone();
            let grade = if self.person.recalls(&self.scheduler, &state, now) {
                Grade::Good
            } else {
                Grade::Again
            };
            let ms = self.person.ms_per_review;
            now += i64::try_from(ms / 1_000).unwrap();
            let answer = Answer {
                time_taken_ms: ms,
                ..Answer::default()
            };
            let persist = session.grade(grade, now, answer).unwrap();
            self.store
                .record(&persist.review, persist.state.as_ref())
                .unwrap();
        }
        let minutes = |n: u32| f64::from(n) * self.person.ms_per_review as f64 / 60_000.0;
        (minutes(required), minutes(swept))
    }

    /// A week of ordinary use before the plan: five new cards a day.
    fn a_week_without_a_plan(&mut self) {
        let opts = QueueOptions {
            new_per_day: 5,
            ..QueueOptions::default()
        };
        for day in 0..7 {
            self.study(T0 + day * DAY, &opts, 600);
        }
    }

    /// The plan worked out at `now` from the database, as prepdeck does when it starts.
    fn forecast(&self, settings: &PlanSettings, now: i64, with_changes: bool) -> Planned {
        let states = self.store.load_states().unwrap();
        let log = self.store.log(None).unwrap();
        let today = Today::from_store(&self.store, now, 0).unwrap();
        let input = PlanInput {
            cards: &self.cards,
            tree: &self.tree,
            states: &states,
            scheduler: &self.scheduler,
            pace: Pace::measure(&log),
            now,
            offset: 0,
            introduced_today: today.new_introduced,
            include_unanswered: false,
        };
        forecast(settings, &input, with_changes)
    }

    /// Follows the plan from `start` to the interview; returns the readiness reached,
    /// the minutes of the busiest day for due and new cards, and of the busiest day in
    /// all, and the minutes of sweep.
    fn follow(&mut self, settings: &PlanSettings, start: i64) -> Followed {
        let mut out = Followed::default();
        let mut day = start;
        let interview_at = Calendar::new(start, 0, settings.interview_day).interview_at();
        while clock::day_of(day, 0) < settings.interview_day {
            let planned = self.forecast(settings, day, false);
            let (new_per_day, plan) = planned.queue().unwrap();
            let opts = QueueOptions {
                new_per_day,
                plan: Some(plan),
                new_order: NewOrder::Topic,
                ..QueueOptions::default()
            };
            let (required, swept) = self.study(day, &opts, settings.minutes_per_day);
            out.busiest_required = out.busiest_required.max(required);
            out.busiest = out.busiest.max(required + swept);
            out.swept += swept;
            day += DAY;
        }
        let states = self.store.load_states().unwrap();
        let recall: Vec<f64> = self
            .cards
            .iter()
            .map(|c| recall_at(&self.scheduler, states.get(&c.id), interview_at))
            .collect();
        out.readiness = scope::mean(recall.into_iter());
        out
    }
}

/// What following a plan brought.
#[derive(Debug, Default)]
struct Followed {
    readiness: f64,
    busiest_required: f64,
    busiest: f64,
    swept: f64,
}

fn plan(days: i64, minutes: u32) -> PlanSettings {
    PlanSettings {
        interview_day: clock::day_of(T0, 0) + 7 + days,
        topics: Vec::new(),
        minutes_per_day: minutes,
    }
}

#[test]
fn a_week_of_grades_gives_the_persons_own_pace() {
    let mut w = World::new(
        &[("Kubernetes", 20), ("Linux", 20), ("Networking", 20)],
        Person::new(30, 0.6, 7),
    );
    w.a_week_without_a_plan();
    let log = w.store.log(None).unwrap();
    let pace = Pace::measure(&log);
    assert!(pace.reviews >= 50, "{} reviews in the week", pace.reviews);
    assert!(pace.measured);
    assert!((pace.seconds_per_review - 30.0).abs() < 1e-9, "{pace:?}");
    assert!((0.3..=0.9).contains(&pace.first_recall), "{pace:?}");
}

#[test]
fn a_plan_that_fits_is_on_track_and_a_person_who_follows_it_reaches_its_readiness() {
    for seed in [1, 2, 3] {
        let mut w = World::new(
            &[("Kubernetes", 20), ("Linux", 20), ("Networking", 20)],
            Person::new(30, 0.6, seed),
        );
        w.a_week_without_a_plan();
        let settings = plan(10, 30);
        let start = T0 + 7 * DAY;
        let planned = w.forecast(&settings, start, true);
        let r = &planned.report;
        assert!(r.on_track, "seed {seed}: {r:#?}");
        assert!(r.changes.is_empty());
        assert_eq!(r.days_left, 10);
        assert_eq!(r.cards_in_scope, 60);
        assert_eq!(r.new_cards, 25, "five a day for a week");
        assert_eq!(r.new_per_day, 4, "25 new cards over the first 8 of 10 days");
        assert!(r.minutes_per_day_needed <= 30);
        let followed = w.follow(&settings, start);
        eprintln!(
            "seed {seed}: predicted {:.3}, reached {:.3}; needed {} min, {followed:?}",
            r.predicted_readiness, followed.readiness, r.minutes_per_day_needed
        );
        assert!(
            (followed.readiness - r.predicted_readiness).abs() <= TOLERANCE,
            "seed {seed}: predicted {:.3}, reached {:.3}",
            r.predicted_readiness,
            followed.readiness
        );
        assert!(
            followed.busiest_required <= 30.0,
            "seed {seed}: due and new cards took {:.1} min on the busiest day",
            followed.busiest_required
        );
        // The sweep only uses the minutes left: at most one card's time over.
        assert!(followed.busiest <= 30.5, "seed {seed}: {followed:?}");
        assert!(followed.swept > 0.0, "the last days swept some cards");
    }
}

#[test]
fn a_plan_too_big_for_its_minutes_says_so_in_numbers_and_each_change_fits() {
    let mut w = World::new(
        &[
            ("Kubernetes", 90),
            ("Linux", 60),
            ("Networking", 40),
            ("People", 10),
        ],
        Person::new(30, 0.6, 11),
    );
    w.a_week_without_a_plan();
    let settings = plan(6, 20);
    let now = T0 + 7 * DAY;
    let planned = w.forecast(&settings, now, true);
    let r = &planned.report;
    assert!(!r.on_track, "{r:#?}");
    assert!(r.minutes_per_day_needed > 20);
    let said = text::render(r);
    let numbers = format!(
        "Not on track: 200 cards in 6 days at 20 min a day needs about {} min a day",
        r.minutes_per_day_needed
    );
    assert!(said.contains(&numbers), "{said}");
    assert!(said.contains("Narrowest change:"), "{said}");
    let try_plan = |s: &PlanSettings| w.forecast(s, now, false).report;
    let mut kinds = Vec::new();
    for change in &r.changes {
        match change {
            Change::Minutes { minutes_per_day } => {
                kinds.push("minutes");
                assert_eq!(*minutes_per_day, r.minutes_per_day_needed);
                let more = PlanSettings {
                    minutes_per_day: *minutes_per_day,
                    ..settings.clone()
                };
                assert!(try_plan(&more).on_track);
                let less = PlanSettings {
                    minutes_per_day: minutes_per_day - 1,
                    ..settings.clone()
                };
                assert!(!try_plan(&less).on_track, "the fewest minutes that fit");
            }
            Change::LaterDate {
                interview_date,
                days_left,
            } => {
                kinds.push("date");
                let day = clock::parse_date(interview_date).unwrap();
                assert_eq!(
                    *days_left,
                    usize::try_from(day - clock::day_of(now, 0)).unwrap()
                );
                let later = PlanSettings {
                    interview_day: day,
                    ..settings.clone()
                };
                assert!(try_plan(&later).on_track, "{interview_date}");
                let sooner = PlanSettings {
                    interview_day: day - 1,
                    ..settings.clone()
                };
                assert!(!try_plan(&sooner).on_track, "the earliest date that fits");
            }
            Change::FewerTopics {
                leave_out, keep, ..
            } => {
                kinds.push("topics");
                assert!(!leave_out.is_empty() && !keep.is_empty());
                // Kubernetes has the most cards, but the week took 35 of them: Linux
                // has the most new ones (60).
                assert_eq!(leave_out[0], "Linux", "the most new cards first");
                let fewer = PlanSettings {
                    topics: keep.clone(),
                    ..settings.clone()
                };
                assert!(try_plan(&fewer).on_track, "keeping {keep:?}");
            }
        }
    }
    kinds.sort_unstable();
    assert_eq!(kinds, ["date", "minutes", "topics"], "{:#?}", r.changes);
}

#[test]
fn when_todays_due_cards_alone_take_too_long_no_later_date_helps() {
    let (cards, tree) = deck(&[
        ("Kubernetes", 50),
        ("Linux", 50),
        ("Networking", 50),
        ("People", 50),
    ]);
    let scheduler = Scheduler::default();
    // Every card was learned a month ago and is due today.
    let mut states = HashMap::new();
    for c in &cards {
        let learned = scheduler.grade("c", &CardState::new_card(), Grade::Good, T0 - 30 * DAY);
        let graduated = scheduler.grade("c", &learned, Grade::Good, T0 - 30 * DAY + 600);
        states.insert(c.id.clone(), graduated);
    }
    let input = input_at_t0(&cards, &tree, &states, &scheduler);
    let settings = PlanSettings {
        interview_day: clock::day_of(T0, 0) + 10,
        topics: Vec::new(),
        minutes_per_day: 60,
    };
    let r = forecast(&settings, &input, true).report;
    assert!(!r.on_track);
    assert_eq!(r.new_cards, 0);
    assert_eq!(r.new_per_day, 0);
    assert!(r.new_cards_until.is_none());
    // 200 cards due today at 45 s each, and their learning steps for those forgotten.
    assert!(
        r.minutes_per_day_needed >= 150,
        "{}",
        r.minutes_per_day_needed
    );
    let kinds: Vec<&str> = r
        .changes
        .iter()
        .map(|c| match c {
            Change::Minutes { .. } => "minutes",
            Change::FewerTopics { .. } => "topics",
            Change::LaterDate { .. } => "date",
        })
        .collect();
    assert_eq!(kinds, ["minutes", "topics"], "{:#?}", r.changes);
    let Change::FewerTopics { keep, .. } = &r.changes[1] else {
        unreachable!()
    };
    assert_eq!(keep.len(), 1, "a quarter of the backlog fits an hour");
    assert!(
        r.readiness > 0.3,
        "a month-old memory still counts: {}",
        r.readiness
    );
}

#[test]
fn readiness_counts_unseen_cards_as_zero_and_follows_the_topics_named() {
    let (cards, tree) = deck(&[("Kubernetes", 4), ("Linux", 2)]);
    let scheduler = Scheduler::default();
    let mut states = HashMap::new();
    let learned = scheduler.grade("c", &CardState::new_card(), Grade::Easy, T0 - DAY);
    for c in &cards[..2] {
        states.insert(c.id.clone(), learned.clone());
    }
    let input = input_at_t0(&cards, &tree, &states, &scheduler);
    let settings = PlanSettings {
        interview_day: clock::day_of(T0, 0) + 5,
        topics: vec!["kubernetes".into(), "Helm".into()],
        minutes_per_day: 30,
    };
    let planned = forecast(&settings, &input, false);
    let r = &planned.report;
    let at = Calendar::new(T0, 0, settings.interview_day).interview_at();
    let one = f64::from(scheduler.retrievability(&learned, at).unwrap());
    assert_eq!(r.cards_in_scope, 4, "Kubernetes only, any case");
    assert_eq!(r.missing_topics, ["Helm"]);
    assert_eq!(r.topics.len(), 1);
    assert_eq!(r.topics[0].now.topic, "Kubernetes");
    assert!((r.topics[0].now.readiness - one / 2.0).abs() < 1e-9);
    assert!((r.readiness - one / 2.0).abs() < 1e-9);
    assert!(r.predicted_readiness > r.readiness);
    assert_eq!(planned.scope.len(), 4);
    let (n, queue) = planned.queue().unwrap();
    assert_eq!(n, 1, "2 new cards over the first 4 of 5 days");
    assert_eq!(queue.cards.len(), 4);
    assert_eq!(queue.at, at);
    assert_eq!(
        r.mocks,
        [
            clock::day_date(settings.interview_day - 5),
            clock::day_date(settings.interview_day - 2)
        ]
    );
    let mut tracker = planned.tracker(&scheduler);
    let header = tracker.header(clock::day_of(T0, 0)).unwrap();
    assert_eq!(
        header.text(),
        format!(
            "Interview in 5 days · on track · readiness {:.0}%",
            one * 50.0
        )
    );
    let all_learned: HashMap<String, CardState> = cards
        .iter()
        .map(|c| (c.id.clone(), learned.clone()))
        .collect();
    tracker.refresh(&all_learned);
    assert!((tracker.readiness() - one).abs() < 1e-9);
}

#[test]
fn on_the_day_and_after_the_plan_asks_nothing_of_the_queue() {
    let (cards, tree) = deck(&[("Kubernetes", 3)]);
    let scheduler = Scheduler::default();
    let states = HashMap::new();
    let input = input_at_t0(&cards, &tree, &states, &scheduler);
    for days in [0, -4] {
        let settings = PlanSettings {
            interview_day: clock::day_of(T0, 0) + days,
            topics: Vec::new(),
            minutes_per_day: 30,
        };
        let planned = forecast(&settings, &input, true);
        let r = &planned.report;
        assert_eq!(r.days_left, 0);
        assert!(!r.on_track && r.changes.is_empty());
        assert_eq!(r.new_per_day, 0);
        assert!(r.mocks.is_empty() && r.daily_minutes.is_empty());
        assert!(planned.queue().is_none());
        let header = planned.tracker(&scheduler).header(clock::day_of(T0, 0));
        if days == 0 {
            assert_eq!(header.unwrap().text(), "Interview today · readiness 0%");
        } else {
            assert!(header.is_none(), "no line once the day has passed");
        }
    }
}
