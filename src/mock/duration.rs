//! Durations as people write them: `90s`, `4m`, `1h30m`, `2m30s`.

use std::time::Duration;

/// The longest duration accepted: a day.
pub const MAX: Duration = Duration::from_secs(24 * 3600);

/// Parses `90s`, `4m`, `1h30m`: numbers each followed by a unit, hours before minutes
/// before seconds, each unit at most once, more than zero and at most a day. The error
/// says what is wrong, for the command line and the config alike.
pub fn parse(text: &str) -> Result<Duration, String> {
    let t = text.trim().to_ascii_lowercase();
    if t.is_empty() {
        return Err("empty duration: use forms like 90s, 4m or 1h30m".to_string());
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{text}` has no unit: write {t}s, {t}m or {t}h"));
    }
    let mut total = 0u64;
    let mut number = String::new();
    // The unit seen last: each must be smaller than the one before it.
    let mut previous = u64::MAX;
    for c in t.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => {
                return Err(format!(
                    "`{text}`: unknown unit `{c}`; use h, m and s as in 1h30m"
                ));
            }
        };
        if unit >= previous {
            return Err(format!(
                "`{text}`: each unit at most once, hours before minutes before seconds, as in 1h30m"
            ));
        }
        previous = unit;
        if number.is_empty() {
            return Err(format!("`{text}`: a number must come before `{c}`"));
        }
        let n: u64 = number
            .parse()
            .map_err(|_| format!("`{text}`: {number} is too large"))?;
        total = total.saturating_add(n.saturating_mul(unit));
        number.clear();
    }
    if !number.is_empty() {
        return Err(format!(
            "`{text}`: the last number has no unit; use h, m or s"
        ));
    }
    if total == 0 {
        return Err(format!("`{text}`: the duration must be longer than zero"));
    }
    if total > MAX.as_secs() {
        return Err(format!("`{text}` is too long: at most 24h"));
    }
    Ok(Duration::from_secs(total))
}

/// `4:05`, `1:02:03`: a countdown as a clock.
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// `4m`, `1h30m`, `90s`: a duration the way `parse` reads it.
pub fn short(d: Duration) -> String {
    let s = d.as_secs();
    let (h, m, sec) = (s / 3600, s % 3600 / 60, s % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if sec > 0 || out.is_empty() {
        out.push_str(&format!("{sec}s"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_forms() {
        assert_eq!(parse("90s").unwrap(), Duration::from_secs(90));
        assert_eq!(parse("4m").unwrap(), Duration::from_secs(240));
        assert_eq!(parse("1h30m").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse("2m30s").unwrap(), Duration::from_secs(150));
        for bad in ["", "m", "4x", "0s", "4m3", "0m0s"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn each_mistake_is_named() {
        let says = |text: &str, words: &str| {
            let err = parse(text).unwrap_err();
            assert!(err.contains(words), "{text}: {err}");
        };
        says("5", "has no unit: write 5s, 5m or 5h");
        says("1h1h", "each unit at most once");
        says("30s2m", "hours before minutes before seconds");
        says("99999999999999999999999s", "is too large");
        says("25h", "at most 24h");
        says("-5m", "unknown unit `-`");
    }

    #[test]
    fn formats() {
        assert_eq!(clock(Duration::from_secs(245)), "4:05");
        assert_eq!(clock(Duration::from_secs(3723)), "1:02:03");
        assert_eq!(short(Duration::from_secs(5400)), "1h30m");
        assert_eq!(short(Duration::from_secs(3)), "3s");
    }
}
