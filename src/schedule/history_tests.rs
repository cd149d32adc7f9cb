//! A five-grade history replayed on a fake clock, every next interval checked against
//! FSRS-6's published formulas (written out again here, in f64), with study days that
//! start at 4 a.m. and fuzz off. The figures were also checked against Anki 26.9's own
//! scheduler (its Python library, fuzz off): 5d/7d/12d after one study day, 8d/11d/19d
//! after two.

use super::*;

const W: [f32; 21] = DEFAULT_PARAMS;
const DAY: i64 = 86_400;
/// Midnight UTC of an ordinary day; the person lives at UTC+0 with days starting at 4.
const DAY0: i64 = 20_000 * DAY;
const SHIFT: i64 = -4 * 3_600;

fn w(i: usize) -> f64 {
    f64::from(W[i])
}

/// `hh:mm` on day `d` of the history.
fn at(d: i64, hh: i64, mm: i64) -> i64 {
    DAY0 + d * DAY + hh * 3_600 + mm * 60
}

/// FSRS-6's memory model, from the algorithm's description.
#[derive(Debug, Clone, Copy)]
struct Formula {
    s: f64,
    d: f64,
}

impl Formula {
    fn decay() -> f64 {
        -w(20)
    }

    fn factor() -> f64 {
        0.9f64.powf(1.0 / Self::decay()) - 1.0
    }

    fn init_d(g: u8) -> f64 {
        w(4) - (w(5) * f64::from(g - 1)).exp() + 1.0
    }

    fn first(g: u8) -> Formula {
        Formula {
            s: w(usize::from(g - 1)),
            d: Self::init_d(g).clamp(1.0, 10.0),
        }
    }

    /// Recall probability after `t` days.
    fn r(self, t: f64) -> f64 {
        (1.0 + Self::factor() * t / self.s).powf(Self::decay())
    }

    fn next_d(self, g: u8) -> f64 {
        let delta = -w(6) * (f64::from(g) - 3.0);
        let damped = self.d + delta * (10.0 - self.d) / 9.0;
        (w(7) * Self::init_d(4) + (1.0 - w(7)) * damped).clamp(1.0, 10.0)
    }

    /// The state after grade `g` given `t` whole study days after the last review.
    fn after(self, t: u32, g: u8) -> Formula {
        let s = if t == 0 {
            let sinc = (w(17) * (f64::from(g) - 3.0 + w(18))).exp() * self.s.powf(-w(19));
            self.s * if g >= 2 { sinc.max(1.0) } else { sinc }
        } else if g == 1 {
            let r = self.r(f64::from(t));
            let forget = w(11)
                * self.d.powf(-w(12))
                * ((self.s + 1.0).powf(w(13)) - 1.0)
                * (w(14) * (1.0 - r)).exp();
            forget.min(self.s / (w(17) * w(18)).exp())
        } else {
            let r = self.r(f64::from(t));
            let hard = if g == 2 { w(15) } else { 1.0 };
            let easy = if g == 4 { w(16) } else { 1.0 };
            self.s
                * (w(8).exp()
                    * (11.0 - self.d)
                    * self.s.powf(-w(9))
                    * ((w(10) * (1.0 - r)).exp() - 1.0)
                    * hard
                    * easy
                    + 1.0)
        };
        Formula {
            s,
            d: self.next_d(g),
        }
    }

    /// Days until recall falls to 90%: the stability itself, rounded as Anki rounds.
    fn days(self) -> i64 {
        let interval = self.s / Self::factor() * (0.9f64.powf(1.0 / Self::decay()) - 1.0);
        #[allow(clippy::cast_possible_truncation)]
        let days = interval.round() as i64;
        days.max(1)
    }
}

fn sched() -> Scheduler {
    Scheduler::new(None, 0.9)
        .with_day_shift(SHIFT)
        .without_fuzz()
}

fn assert_memory(state: &CardState, want: Formula, step: &str) {
    let m = state.memory.expect("graded cards have a memory");
    let close = |a: f32, b: f64| (f64::from(a) - b).abs() <= 1e-3 * b.max(1.0);
    assert!(
        close(m.stability, want.s),
        "{step}: stability {m:?} vs {want:?}"
    );
    assert!(
        close(m.difficulty, want.d),
        "{step}: difficulty {m:?} vs {want:?}"
    );
}

/// The grade bar's Hard, Good and Easy intervals, in days, for a review card.
fn passing_days(outcomes: &[Outcome; 4]) -> [i64; 3] {
    [1, 2, 3].map(|i| outcomes[i].interval_secs / DAY)
}

fn labels(outcomes: &[Outcome; 4]) -> Vec<String> {
    outcomes
        .iter()
        .map(|o| short_interval(o.interval_secs))
        .collect()
}

#[test]
fn five_grades_follow_the_fsrs6_formula_in_study_days() {
    let s = sched();
    let card = "history";

    // 1. New, Good at 10:00 on day 0: the ten-minute step.
    let t1 = at(0, 10, 0);
    let one = s.grade(card, &CardState::new_card(), Grade::Good, t1);
    let f1 = Formula::first(3);
    assert_memory(&one, f1, "first Good");
    assert_eq!((one.phase, one.due - t1), (Phase::Learning, 600));

    // 2. Good at 10:10: graduates with the short-term stability's interval, 2 days.
    let t2 = at(0, 10, 10);
    let two = s.grade(card, &one, Grade::Good, t2);
    let f2 = f1.after(0, 3);
    assert_memory(&two, f2, "graduating Good");
    assert_eq!(two.phase, Phase::Review);
    assert_eq!((two.due - t2) / DAY, f2.days());
    assert_eq!(f2.days(), 2);

    // 3. Seen at 08:00 on day 2: 46 hours, one whole 24-hour period, but two study days.
    let t3 = at(2, 8, 0);
    assert!(two.due > t3, "due later today, and shown as due today");
    assert_eq!((t3 - t2) / DAY, 1);
    assert_eq!(s.elapsed_days(t2, t3), 2);
    let bar = s.preview(card, &two, t3);
    let expected = [2, 3, 4].map(|g| f2.after(2, g).days());
    assert_eq!(passing_days(&bar), expected);
    assert_eq!(labels(&bar), ["10m", "8d", "11d", "19d"]);
    // The same review before 4 a.m. belongs to day 1: one study day, as Anki has it.
    let early = s.preview(card, &two, at(2, 3, 0));
    assert_eq!(s.elapsed_days(t2, at(2, 3, 0)), 1);
    assert_eq!(labels(&early), ["10m", "5d", "7d", "12d"]);
    let three = s.grade(card, &two, Grade::Good, t3);
    let f3 = f2.after(2, 3);
    assert_memory(&three, f3, "Good after two days");
    assert_eq!((three.due - t3) / DAY, f3.days());

    // 4. Hard when due, 11 study days later.
    let t4 = three.due;
    assert_eq!(s.elapsed_days(t3, t4), 11);
    let bar = s.preview(card, &three, t4);
    let expected = [2, 3, 4].map(|g| f3.after(11, g).days());
    assert_eq!(passing_days(&bar), expected);
    assert_eq!(short_interval(bar[3].interval_secs), "2.5mo", "77 days");
    let four = s.grade(card, &three, Grade::Hard, t4);
    let f4 = f3.after(11, 2);
    assert_memory(&four, f4, "Hard after 11 days");
    assert_eq!((four.due - t4) / DAY, f4.days());

    // 5. Again when due an hour late: a lapse, ten minutes of relearning.
    let t5 = four.due + 3_600;
    let elapsed = s.elapsed_days(t4, t5);
    assert_eq!(i64::from(elapsed), f4.days());
    let five = s.grade(card, &four, Grade::Again, t5);
    let f5 = f4.after(elapsed, 1);
    assert_memory(&five, f5, "Again after a lapse");
    assert_eq!(
        (five.phase, five.due - t5, five.lapses),
        (Phase::Relearning, 600, 1)
    );

    // And the step after: Good ends relearning with the short-term stability's interval.
    let back = s.preview(card, &five, five.due);
    assert_eq!(back[2].interval_secs / DAY, f5.after(0, 3).days());
    assert_memory(&back[2].state, f5.after(0, 3), "relearned");
}

#[test]
fn fuzz_moves_intervals_within_ankis_range_and_repeats() {
    let plain = sched();
    let fuzzed = Scheduler::new(None, 0.9).with_day_shift(SHIFT);
    let two = {
        let one = plain.grade("x", &CardState::new_card(), Grade::Good, at(0, 10, 0));
        plain.grade("x", &one, Grade::Good, at(0, 10, 10))
    };
    let mut spread = std::collections::BTreeSet::new();
    for n in 0..50 {
        let card = format!("card-{n}");
        let exact = plain.preview(&card, &two, at(2, 8, 0));
        let once = fuzzed.preview(&card, &two, at(2, 8, 0));
        assert_eq!(
            once,
            fuzzed.preview(&card, &two, at(2, 8, 0)),
            "reproducible"
        );
        for (e, f) in exact.iter().zip(&once).skip(1) {
            let (e, f) = (e.interval_secs / DAY, f.interval_secs / DAY);
            let (lower, upper) = fuzz::bounds(e as f32, 1, 36_500);
            assert!(
                (i64::from(lower)..=i64::from(upper)).contains(&f),
                "{card}: {f} outside {lower}..={upper} around {e}"
            );
        }
        assert!(once[1].interval_secs < once[2].interval_secs);
        assert!(once[2].interval_secs < once[3].interval_secs);
        spread.insert(once[2].interval_secs / DAY);
        // The memory is never fuzzed, only the day the card comes back.
        assert_eq!(exact[2].state.memory, once[2].state.memory);
    }
    assert!(
        spread.len() >= 3,
        "cards learned together spread out: {spread:?}"
    );
    // Two days is under 2.5: a graduation that short is never moved.
    let one = fuzzed.grade("y", &CardState::new_card(), Grade::Good, at(0, 10, 0));
    let graduated = fuzzed.grade("y", &one, Grade::Good, at(0, 10, 10));
    assert_eq!((graduated.due - at(0, 10, 10)) / DAY, 2);
}
