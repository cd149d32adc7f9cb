//! Durations as people write them: `90s`, `4m`, `1h30m`, `2m30s`.

use std::time::Duration;

/// Parses `90s`, `4m`, `1h30m`; a bare number means seconds.
pub fn parse(text: &str) -> Result<Duration, String> {
    let t = text.trim().to_ascii_lowercase();
    if t.is_empty() {
        return Err("empty duration: use forms like 90s, 4m or 1h30m".to_string());
    }
    if let Ok(secs) = t.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let mut total = 0u64;
    let mut number = String::new();
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
        let n: u64 = number
            .parse()
            .map_err(|_| format!("`{text}`: a number must come before `{c}`"))?;
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
        assert_eq!(parse("45").unwrap(), Duration::from_secs(45));
        for bad in ["", "m", "4x", "0s", "4m3"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn formats() {
        assert_eq!(clock(Duration::from_secs(245)), "4:05");
        assert_eq!(clock(Duration::from_secs(3723)), "1:02:03");
        assert_eq!(short(Duration::from_secs(5400)), "1h30m");
        assert_eq!(short(Duration::from_secs(3)), "3s");
    }
}
