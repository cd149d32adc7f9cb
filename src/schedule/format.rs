//! Intervals as the grade bar shows them: "<1m", "10m", "3h", "3d", "2w", "4mo", "1.5y".

/// Formats a duration in seconds compactly, rounding to the nearest unit.
pub fn short_interval(seconds: i64) -> String {
    const MIN: i64 = 60;
    const HOUR: i64 = 3_600;
    const DAY: i64 = 86_400;
    let s = seconds.max(0);
    let round = |unit: i64| (s + unit / 2) / unit;
    if s < MIN {
        "<1m".to_string()
    } else if s < HOUR - MIN / 2 {
        format!("{}m", round(MIN))
    } else if s < DAY - HOUR / 2 {
        format!("{}h", round(HOUR))
    } else if s < 14 * DAY {
        format!("{}d", round(DAY))
    } else if s < 60 * DAY {
        format!("{}w", round(7 * DAY))
    } else if s < 365 * DAY {
        format!("{}mo", round(30 * DAY))
    } else {
        let years = s as f64 / (365.0 * DAY as f64);
        let text = format!("{years:.1}");
        format!("{}y", text.trim_end_matches(".0"))
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
            (5 * 3_600, "5h"),
            (day, "1d"),
            (3 * day, "3d"),
            (13 * day, "13d"),
            (14 * day, "2w"),
            (45 * day, "6w"),
            (120 * day, "4mo"),
            (365 * day, "1y"),
            (548 * day, "1.5y"),
        ] {
            assert_eq!(short_interval(secs), want, "{secs} seconds");
        }
    }
}
