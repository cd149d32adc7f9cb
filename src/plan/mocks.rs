//! When to sit mock interviews: every third day counting back from two days before the
//! interview, so the last one leaves a day to work on what it showed; with one study
//! day left, that day.

use super::calendar::Calendar;

/// Days between planned mocks.
pub const EVERY: i64 = 3;
/// The last mock comes this many days before the interview.
pub const LAST_BEFORE: i64 = 2;

/// The study days (day numbers, earliest first) on which to sit a mock interview.
pub fn mock_days(cal: &Calendar) -> Vec<i64> {
    let mut days: Vec<i64> = (0..)
        .map(|i| cal.interview_day - LAST_BEFORE - i * EVERY)
        .take_while(|&d| d >= cal.today)
        .collect();
    if days.is_empty() && cal.days_left() > 0 {
        days.push(cal.interview_day - 1);
    }
    days.reverse();
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_third_day_ending_two_days_before() {
        let cal = |left: i64| Calendar::new(20_779 * 86_400 + 3_600, 0, 20_779 + left);
        let offsets =
            |left: i64| -> Vec<i64> { mock_days(&cal(left)).iter().map(|d| d - 20_779).collect() };
        assert_eq!(offsets(9), [1, 4, 7]);
        assert_eq!(offsets(10), [2, 5, 8]);
        assert_eq!(offsets(2), [0]);
        assert_eq!(offsets(1), [0], "the only study day");
        assert!(offsets(0).is_empty(), "the interview is today");
        assert!(offsets(-3).is_empty(), "the interview has passed");
    }
}
