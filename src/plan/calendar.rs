//! The plan's days: today, the interview day, the study days between, when new cards
//! stop and when the sweep begins.

use crate::clock;
use crate::review::Today;

const DAY: i64 = 86_400;
/// The interview is taken to be at noon on its day: recall is predicted for then.
pub const INTERVIEW_HOUR: i64 = 12;
/// The last study days sweep cards whose next review falls after the interview.
pub const SWEEP_DAYS: usize = 2;
/// New cards stop this many study days before the interview (fewer when there are few
/// days: a third of them at most), so each is reviewed again before the day.
pub const REST_DAYS: usize = 2;

/// Today and the interview day, in the person's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    /// Unix seconds.
    pub now: i64,
    /// Today's day number (days since 1970-01-01, local).
    pub today: i64,
    /// When today's study day began (unix seconds).
    pub day_start: i64,
    /// The interview's day number.
    pub interview_day: i64,
}

impl Calendar {
    /// The calendar at `now` for a person `offset` seconds east of UTC. Study days begin
    /// as the review queue's do.
    pub fn new(now: i64, offset: i64, interview_day: i64) -> Calendar {
        let day_start = Today::new(now, offset, 0).day_start;
        Calendar {
            now,
            today: clock::day_of(day_start + DAY / 2, offset),
            day_start,
            interview_day,
        }
    }

    /// The same today, another interview day.
    pub fn with_interview(self, interview_day: i64) -> Calendar {
        Calendar {
            interview_day,
            ..self
        }
    }

    /// Study days left: today through the day before the interview (0 on the day and after).
    pub fn days_left(&self) -> usize {
        usize::try_from(self.interview_day - self.today).unwrap_or(0)
    }

    /// When day number `day` begins (unix seconds).
    pub fn start_of(&self, day: i64) -> i64 {
        self.day_start + (day - self.today) * DAY
    }

    /// The interview (unix seconds).
    pub fn interview_at(&self) -> i64 {
        self.start_of(self.interview_day) + INTERVIEW_HOUR * 3_600
    }

    /// Study days on which new cards are introduced, from today.
    pub fn intro_days(&self) -> usize {
        let days = self.days_left();
        days - REST_DAYS.min(days / 3)
    }

    /// The first sweep day's number.
    pub fn sweep_day(&self) -> i64 {
        self.interview_day - i64::try_from(SWEEP_DAYS.min(self.days_left())).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_left_new_card_days_and_the_sweep() {
        // 2026-11-22 09:30 UTC.
        let now = 20_779 * DAY + 9 * 3_600 + 1_800;
        let c = Calendar::new(now, 0, 20_779 + 9);
        assert_eq!(c.today, 20_779);
        assert_eq!(c.days_left(), 9);
        assert_eq!(c.intro_days(), 7, "new cards stop two days before");
        assert_eq!(c.sweep_day(), 20_779 + 7);
        assert_eq!(c.interview_at(), (20_779 + 9) * DAY + 12 * 3_600);
        let near = c.with_interview(20_779 + 2);
        assert_eq!((near.days_left(), near.intro_days()), (2, 2));
        assert_eq!(near.sweep_day(), 20_779);
        let five = c.with_interview(20_779 + 5);
        assert_eq!(
            five.intro_days(),
            4,
            "a third of five days, rounded down, rests"
        );
        let past = c.with_interview(20_779 - 1);
        assert_eq!((past.days_left(), past.intro_days()), (0, 0));
        // Two hours east of UTC, 22:30 UTC is half past midnight the next day.
        let east = Calendar::new(20_779 * DAY + 22 * 3_600 + 1_800, 7_200, 20_780);
        assert_eq!(east.today, 20_780);
        assert_eq!(east.days_left(), 0);
    }
}
