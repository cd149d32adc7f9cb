//! Numbers with their units, written or spoken: `10 minutes`, `ten min`, `10m` and
//! `600 s` are one quantity; `5–10 s` is a range; `p99` is the 99th percentile.

use super::lex::{Gap, Piece};

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A bare number: it agrees with the same number in any unit, since people drop
    /// units when they speak.
    None,
    Seconds,
    Percent,
    Bytes,
    /// A factor: `14.4x`, `three times`.
    Times,
    Percentile,
}

/// A value or a range in its unit's base (seconds, bytes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    pub lo: f64,
    pub hi: f64,
    pub unit: Unit,
    /// Said with "about", "roughly", "under", "max"…: a quarter either way agrees.
    pub approx: bool,
}

impl Quantity {
    /// True when the two can be the same amount.
    pub fn agrees(&self, other: &Quantity) -> bool {
        let units = self.unit == other.unit || self.unit == Unit::None || other.unit == Unit::None;
        let slack = if self.approx || other.approx {
            0.25
        } else {
            1e-9
        };
        units
            && self.lo * (1.0 - slack) <= other.hi * (1.0 + slack)
            && other.lo * (1.0 - slack) <= self.hi * (1.0 + slack)
    }
}

const SMALL: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const APPROX_BEFORE: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "~",
    "nearly",
    "almost",
    "like",
    "some",
    "under",
    "over",
    "within",
    "below",
    "above",
    "least",
    "most",
    "just",
    "bit",
    "up",
    "maybe",
    "say",
];
const APPROX_AFTER: &[&str] = &["max", "tops", "ish", "or", "maximum", "minimum"];

/// A quantity read at `pieces[i]`, with the number of pieces it took.
pub fn read(pieces: &[Piece], text: &str, i: usize) -> Option<(Quantity, usize)> {
    let first = pieces.get(i)?;
    if let Some(q) = percentile(&first.text) {
        return Some((q, 1));
    }
    let (lo, mut used, vague) = number(pieces, i)?;
    let mut hi = lo;
    // A range: "5–10 s", "5 to 10 s", "ten fifteen seconds".
    if let Some(next) = pieces.get(i + used) {
        let between = text.get(pieces[i + used - 1].end..next.start).unwrap_or("");
        let dash = matches!(between.trim(), "-" | "–" | "—");
        if dash && let Some((h, n, _)) = number(pieces, i + used) {
            hi = h;
            used += n;
        } else if next.text == "to"
            && let Some((h, n, _)) = number(pieces, i + used + 1)
        {
            hi = h;
            used += n + 1;
        } else if next.gap == Gap::Space
            && next.number.is_none()
            && let Some((h, n, _)) = number(pieces, i + used)
            && h > lo
            && unit(pieces, i + used + n).is_some()
        {
            hi = h;
            used += n;
        }
    }
    // "a couple of minutes".
    if vague && pieces.get(i + used).is_some_and(|p| p.text == "of") {
        used += 1;
    }
    let (unit, scale, n) = match unit(pieces, i + used) {
        Some(u) => u,
        None if vague => return None,
        None => (Unit::None, 1.0, 0),
    };
    used += n;
    let before = |k: usize| i.checked_sub(k).map(|j| pieces[j].text.as_str());
    let after = pieces.get(i + used).map(|p| p.text.as_str());
    let approx = vague
        || [before(1), before(2)]
            .into_iter()
            .flatten()
            .any(|w| APPROX_BEFORE.contains(&w))
        || after.is_some_and(|w| APPROX_AFTER.contains(&w));
    Some((
        Quantity {
            lo: lo * scale,
            hi: hi * scale,
            unit,
            approx,
        },
        used,
    ))
}

/// `p99`, `p99.9`: a percentile.
fn percentile(word: &str) -> Option<Quantity> {
    let rest = word.strip_prefix('p')?;
    let value: f64 = rest
        .parse()
        .ok()
        .filter(|_| rest.starts_with(|c: char| c.is_ascii_digit()))?;
    Some(Quantity {
        lo: value,
        hi: value,
        unit: Unit::Percentile,
        approx: false,
    })
}

/// A number at `i`, written or spoken: (value, pieces used, vague). "a"/"an" before a
/// time unit is one; "a few" and "several" are vague ranges kept only with a unit.
fn number(pieces: &[Piece], i: usize) -> Option<(f64, usize, bool)> {
    let p = pieces.get(i)?;
    if let Some(n) = p.number {
        // "1,000", "43.2"; "1/12" stays two numbers.
        return Some((n, 1, false));
    }
    let word = p.text.as_str();
    let next = pieces.get(i + 1).map(|n| n.text.as_str());
    match word {
        "a" | "an" => {
            return match next {
                Some("hundred" | "thousand" | "million") => spoken(pieces, i + 1),
                Some("few") => Some((3.0, 2, true)),
                Some("couple") => Some((2.0, 2, true)),
                Some(u) if time_word(u) && u != "second" => Some((1.0, 1, false)),
                _ => None,
            };
        }
        "half" if matches!(next, Some("a" | "an")) => return Some((0.5, 2, false)),
        "few" | "several" => return Some((3.0, 1, true)),
        "couple" => return Some((2.0, 1, true)),
        _ => {}
    }
    spoken(pieces, i)
}

/// Spoken numbers: "forty three", "three hundred", "ninety nine point nine".
fn spoken(pieces: &[Piece], i: usize) -> Option<(f64, usize, bool)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut used = 0;
    let mut last_small = false;
    let mut last_tens = false;
    while let Some(p) = pieces.get(i + used) {
        let w = p.text.as_str();
        if let Some(v) = SMALL.iter().position(|s| *s == w) {
            // "ten fifteen" is two numbers; "forty three" is one.
            if last_small || (last_tens && !(1..=9).contains(&v)) {
                break;
            }
            current += v as f64;
            last_small = true;
        } else if let Some(v) = TENS.iter().position(|s| *s == w) {
            if last_small || last_tens {
                break;
            }
            current += (v as f64 + 2.0) * 10.0;
            last_tens = true;
        } else if w == "hundred" && (last_small || last_tens || used == 0) {
            current = current.max(1.0) * 100.0;
            last_small = false;
            last_tens = false;
        } else if matches!(w, "thousand" | "million") && used > 0 {
            total += current * if w == "thousand" { 1e3 } else { 1e6 };
            current = 0.0;
            last_small = false;
            last_tens = false;
        } else if w == "point" && used > 0 {
            let mut scale = 0.1;
            let mut k = used + 1;
            while let Some(d) = pieces
                .get(i + k)
                .and_then(|d| SMALL[..10].iter().position(|s| *s == d.text))
            {
                current += d as f64 * scale;
                scale /= 10.0;
                k += 1;
            }
            if k > used + 1 {
                used = k;
            }
            break;
        } else {
            break;
        }
        used += 1;
    }
    (used > 0).then_some((total + current, used, false))
}

fn time_word(w: &str) -> bool {
    time_scale(w).is_some()
}

fn time_scale(w: &str) -> Option<f64> {
    Some(match w {
        "ms" | "msec" | "millisecond" | "milliseconds" => 0.001,
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "min" | "mins" | "minute" | "minutes" => 60.0,
        "hr" | "hrs" | "hour" | "hours" => 3600.0,
        "day" | "days" => 86_400.0,
        "week" | "weeks" => 604_800.0,
        "month" | "months" => 2_592_000.0,
        "year" | "years" => 31_536_000.0,
        _ => return None,
    })
}

/// The unit at `i`, if any: (unit, scale to base, pieces used). Single letters count
/// only written onto the number (`5m`, `24h`), except `s` and `x`.
fn unit(pieces: &[Piece], i: usize) -> Option<(Unit, f64, usize)> {
    let p = pieces.get(i)?;
    let w = p.text.as_str();
    let attached = p.gap == Gap::Join;
    if let Some(scale) = time_scale(w) {
        return Some((Unit::Seconds, scale, 1));
    }
    if attached {
        match w {
            "m" => return Some((Unit::Seconds, 60.0, 1)),
            "h" => return Some((Unit::Seconds, 3600.0, 1)),
            "d" => return Some((Unit::Seconds, 86_400.0, 1)),
            "w" => return Some((Unit::Seconds, 604_800.0, 1)),
            "k" => return Some((Unit::None, 1e3, 1)),
            "th" | "st" | "nd" | "rd" => {
                let pct = pieces.get(i + 1).is_some_and(|n| n.text == "percentile");
                return Some(if pct {
                    (Unit::Percentile, 1.0, 2)
                } else {
                    (Unit::None, 1.0, 1)
                });
            }
            _ => {}
        }
    }
    let bytes = |b: f64| Some((Unit::Bytes, b, 1));
    match w {
        "%" | "percent" | "pct" => Some((Unit::Percent, 1.0, 1)),
        "per" if pieces.get(i + 1).is_some_and(|n| n.text == "cent") => {
            Some((Unit::Percent, 1.0, 2))
        }
        "x" | "×" | "times" | "fold" => Some((Unit::Times, 1.0, 1)),
        "percentile" => Some((Unit::Percentile, 1.0, 1)),
        "kb" => bytes(1e3),
        "mb" => bytes(1e6),
        "gb" => bytes(1e9),
        "tb" => bytes(1e12),
        "kib" => bytes(1024.0),
        "mib" => bytes(1_048_576.0),
        "gib" => bytes(1_073_741_824.0),
        "tib" => bytes(1_099_511_627_776.0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hint::lex::pieces;

    fn q(text: &str) -> Option<Quantity> {
        let p = pieces(text);
        (0..p.len()).find_map(|i| read(&p, text, i).map(|(q, _)| q))
    }

    fn secs(lo: f64, hi: f64) -> Quantity {
        Quantity {
            lo,
            hi,
            unit: Unit::Seconds,
            approx: false,
        }
    }

    #[test]
    fn written_and_spoken_amounts_agree() {
        let ten = q("roughly 10 minutes").unwrap();
        for said in ["ten min", "10m", "600 s", "a bit under ten minutes"] {
            assert!(ten.agrees(&q(said).unwrap()), "{said}");
        }
        assert!(q("an hour").unwrap().agrees(&secs(3600.0, 3600.0)));
        assert_eq!(q("forty three minutes").unwrap().lo, 43.0 * 60.0);
        assert!((q("ninety nine point nine percent").unwrap().lo - 99.9).abs() < 1e-9);
        assert_eq!(q("p99").unwrap(), q("99th percentile").unwrap());
        assert_eq!(q("5–10 s").unwrap(), secs(5.0, 10.0));
        assert_eq!(q("like ten fifteen seconds").unwrap().hi, 15.0);
        assert!(q("a second job").is_none(), "an ordinal, not a time");
    }

    #[test]
    fn different_amounts_disagree() {
        let point = q("-lock-timeout=5m").unwrap();
        assert!(!point.agrees(&q("-lock-timeout=0").unwrap()));
        assert!(!point.agrees(&q("about an hour").unwrap()));
        assert!(point.agrees(&q("five minutes").unwrap()));
        assert!(!q("99.9%").unwrap().agrees(&q("100%").unwrap()));
        let few_weeks = q("a few weeks").unwrap();
        assert!(!few_weeks.agrees(&q("about a day").unwrap()));
        assert_eq!(q("a couple of minutes").unwrap().lo, 120.0);
    }
}
