//! Intervals as the grade bar shows them, in Anki's units: "<1m", "10m", "1.5h", "19d",
//! "2.5mo", "1.5y".

const MIN: i64 = 60;
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;
const YEAR: i64 = 365 * DAY;
/// A twelfth of a year (30.4 days), Anki's month.
const MONTH: f64 = YEAR as f64 / 12.0;

/// Formats a duration in seconds compactly, as Anki labels its answer buttons: minutes
/// and days are whole (days up to a month), hours, months and years have one decimal
/// (dropped when it is 0).
pub fn short_interval(seconds: i64) -> String {
    let s = seconds.max(0);
    let round = |unit: i64| (s + unit / 2) / unit;
    #[allow(clippy::cast_precision_loss)]
    let in_unit = |unit: f64| one_decimal(s as f64 / unit);
    if s < MIN {
        "<1m".to_string()
    } else if s < HOUR - MIN / 2 {
        format!("{}m", round(MIN))
    } else if s < DAY {
        format!("{}h", in_unit(HOUR as f64))
    } else if (s as f64) < MONTH {
        format!("{}d", round(DAY))
    } else if s < YEAR {
        format!("{}mo", in_unit(MONTH))
    } else {
        format!("{}y", in_unit(YEAR as f64))
    }
}

/// `2.5`, or `3` rather than `3.0`.
fn one_decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::short_interval;

    #[test]
    fn intervals_read_like_anki() {
        let day = 86_400;
        for (secs, want) in [
            (0, "<1m"),
            (59, "<1m"),
            (60, "1m"),
            (330, "6m"),
            (600, "10m"),
            (3_600, "1h"),
            (5_400, "1.5h"),
            (5 * 3_600, "5h"),
            (day, "1d"),
            (3 * day, "3d"),
            (13 * day, "13d"),
            (14 * day, "14d"),
            (18 * day + day / 2, "19d"),
            (30 * day, "30d"),
            (31 * day, "1mo"),
            (45 * day, "1.5mo"),
            (77 * day, "2.5mo"),
            (120 * day, "3.9mo"),
            (364 * day, "12mo"),
            (365 * day, "1y"),
            (548 * day, "1.5y"),
        ] {
            assert_eq!(short_interval(secs), want, "{secs} seconds");
        }
    }
}
