//! The interview date as typed after `--interview`: `YYYY-MM-DD`, or `+14d` for a number
//! of days from today; it must fall after today.

use crate::clock;

/// A date as typed, before it is set against today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateArg {
    /// A calendar day (days since 1970-01-01).
    Day(i64),
    /// This many days after today.
    InDays(i64),
}

impl DateArg {
    /// Reads `YYYY-MM-DD` or `+Nd`; the message says what was wrong with `text`.
    pub fn parse(text: &str) -> Result<DateArg, String> {
        let trimmed = text.trim();
        if let Some(days) = trimmed
            .strip_prefix('+')
            .and_then(|rest| rest.strip_suffix('d'))
        {
            return match days.parse::<i64>() {
                Ok(n) if days.bytes().all(|b| b.is_ascii_digit()) && n <= 3_650 => {
                    Ok(DateArg::InDays(n))
                }
                _ => Err(format!(
                    "`{text}` is not a number of days: write it like +14d (at most +3650d)"
                )),
            };
        }
        clock::parse_date(trimmed).map(DateArg::Day).ok_or_else(|| {
            format!("`{text}` is not a date: write the interview date as YYYY-MM-DD or +14d")
        })
    }

    /// The interview's day, which must come after `today`; the message names `text`.
    pub fn after(&self, today: i64, text: &str) -> Result<i64, String> {
        let day = match *self {
            DateArg::Day(day) => day,
            DateArg::InDays(n) => today + n,
        };
        if day > today {
            return Ok(day);
        }
        let when = if day == today { "today" } else { "in the past" };
        Err(format!(
            "`{text}` is {when}: the interview date must be after today ({}); \
             write it as YYYY-MM-DD or +14d",
            clock::day_date(today)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: i64 = 20_779; // 2026-11-22

    #[test]
    fn dates_and_day_counts_read_and_must_come_after_today() {
        let at = |text: &str| DateArg::parse(text).and_then(|d| d.after(TODAY, text));
        assert_eq!(at("2026-12-01"), Ok(TODAY + 9));
        assert_eq!(at("+14d"), Ok(TODAY + 14));
        assert_eq!(at(" +1d "), Ok(TODAY + 1));
        let past = at("2026-11-20").unwrap_err();
        assert!(past.contains("`2026-11-20` is in the past"), "{past}");
        assert!(past.contains("after today (2026-11-22)"), "{past}");
        let today = at("+0d").unwrap_err();
        assert!(today.contains("`+0d` is today"), "{today}");
        assert!(at("2026-11-22").unwrap_err().contains("is today"));
        for bad in [
            "next week",
            "14d",
            "+14",
            "+-3d",
            "+1.5d",
            "2026-11-31",
            "+99999d",
        ] {
            let err = at(bad).unwrap_err();
            assert!(err.contains(&format!("`{bad}`")), "{bad}: {err}");
        }
    }
}
