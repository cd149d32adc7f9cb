//! Wall-clock time for records and calendars: unix seconds, calendar days in the local
//! time zone (its offset read once at start-up), and dates formatted without a time
//! library. Timers use `Instant` instead (see `mock::timer`).

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch, now.
pub fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The local time zone's offset from UTC in seconds, at `at` (unix seconds).
pub fn local_offset(at: i64) -> i64 {
    #[cfg(unix)]
    {
        let t: libc::time_t = at as libc::time_t;
        let mut tm: libc::tm = unsafe_zeroed_tm();
        // SAFETY: localtime_r writes into our own `tm` and reads only `t`.
        #[allow(unsafe_code)]
        let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
        if ok {
            // c_long is i64 on 64-bit Unix but i32 elsewhere.
            #[allow(clippy::useless_conversion)]
            return i64::from(tm.tm_gmtoff);
        }
    }
    let _ = at;
    0
}

#[cfg(unix)]
fn unsafe_zeroed_tm() -> libc::tm {
    // SAFETY: libc::tm is a plain C struct of integers and a pointer; all-zero is valid.
    #[allow(unsafe_code)]
    unsafe {
        std::mem::zeroed()
    }
}

/// The hour (local time) a study day starts when the config names none: Anki's 4 a.m.,
/// so a session that runs past midnight still counts for the day it began.
pub const DEFAULT_DAY_START_HOUR: u8 = 4;

/// The offset that makes `day_of` count study days starting at `hour` o'clock local
/// time: the local zone's offset at `at` less the hour.
pub fn day_shift(at: i64, hour: u8) -> i64 {
    local_offset(at) - i64::from(hour) * 3_600
}

/// The day number (days since 1970-01-01) of a moment, in a zone `offset` seconds east.
/// With a `day_shift` as the offset, the study day.
pub fn day_of(at: i64, offset: i64) -> i64 {
    (at + offset).div_euclid(86_400)
}

/// (year, month 1–12, day 1–31) of a day number, by Howard Hinnant's civil algorithm.
pub fn civil(day: i64) -> (i64, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    // Both are small and positive by construction: day 1–31, month 1–12.
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The day number of a calendar date (the inverse of `civil`), by the same algorithm.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(month) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day number of a `YYYY-MM-DD` date; `None` for anything else, a 31st of
/// November included.
pub fn parse_date(text: &str) -> Option<i64> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let day = days_from_civil(y, m, d);
    (civil(day) == (y, m, d)).then_some(day)
}

/// `2026-11-22` for a day number.
pub fn day_date(day: i64) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `Sun 2026-11-22` for a day number.
pub fn day_label(day: i64) -> String {
    const NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    format!("{} {}", NAMES[weekday(day) as usize], day_date(day))
}

/// The weekday of a day number: 0 Monday … 6 Sunday.
pub fn weekday(day: i64) -> u32 {
    u32::try_from((day + 3).rem_euclid(7)).unwrap_or(0)
}

/// (year, month, day, hour, minute, second) of a moment in UTC.
pub fn utc_parts(at: i64) -> (i64, u32, u32, i64, i64, i64) {
    let (y, m, d) = civil(at.div_euclid(86_400));
    let secs = at.rem_euclid(86_400);
    (y, m, d, secs / 3600, secs % 3600 / 60, secs % 60)
}

/// `2026-11-22`.
pub fn date(at: i64, offset: i64) -> String {
    let (y, m, d) = civil(day_of(at, offset));
    format!("{y:04}-{m:02}-{d:02}")
}

/// `2026-11-22 14:05`.
pub fn date_time(at: i64, offset: i64) -> String {
    let secs = (at + offset).rem_euclid(86_400);
    format!(
        "{} {:02}:{:02}",
        date(at, offset),
        secs / 3600,
        secs % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(20_779), (2026, 11, 22));
        assert_eq!(civil(-1), (1969, 12, 31));
        assert_eq!(weekday(0), 3, "1970-01-01 was a Thursday");
        assert_eq!(date_time(1_795_349_100, 0), "2026-11-22 12:05");
        assert_eq!(day_of(86_399, 0), 0);
        assert_eq!(day_of(86_399, 3600), 1);
    }

    #[test]
    fn dates_parse_strictly_and_round_trip() {
        for day in [0, 20_779, -1, 11_016, 19_782] {
            assert_eq!(parse_date(&day_date(day)), Some(day));
        }
        assert_eq!(day_label(20_779), "Sun 2026-11-22");
        for bad in [
            "2026-11-31",
            "2026-13-01",
            "2026-1-01",
            "26-11-22",
            "2026-11-22-1",
            "2026/11/22",
            "",
            "+14d",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(parse_date("2024-02-29"), Some(days_from_civil(2024, 2, 29)));
        assert_eq!(parse_date("2025-02-29"), None);
    }

    #[test]
    fn study_days_start_at_the_hour() {
        // At UTC+0 with days starting at 4: 03:59 is still the day before, 04:00 is not.
        let shift = -4 * 3_600;
        assert_eq!(day_of(86_400 + 4 * 3_600 - 1, shift), 0);
        assert_eq!(day_of(86_400 + 4 * 3_600, shift), 1);
    }
}
