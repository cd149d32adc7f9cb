//! The progress report: one CSV row per card (id, topic, question, state, due, reps,
//! lapses, last grade, flag, own answer). The progress store is reached through a lookup function, so this
//! module needs nothing but the cards and that function.

use crate::model::Card;

/// One card's progress, as the store knows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProgressRow {
    /// The scheduling phase: "new", "learning", "review", "relearning".
    pub phase: String,
    /// When the card is next due, in seconds since the Unix epoch.
    pub due: Option<i64>,
    pub reps: u32,
    pub lapses: u32,
    /// The last grade given (1 again … 4 easy).
    pub last_grade: Option<u8>,
    /// Flagged for another look.
    pub flagged: bool,
    /// The person's own answer to the card.
    pub note: Option<String>,
}

/// The CSV report; cards the lookup does not know are reported as new.
pub fn export(cards: &[Card], progress: &dyn Fn(&str) -> Option<ProgressRow>) -> String {
    let mut out =
        String::from("id,topic,question,state,due,reps,lapses,last_grade,flagged,own_answer\n");
    for card in cards {
        let row = progress(&card.id).unwrap_or_else(|| ProgressRow {
            phase: "new".to_string(),
            ..ProgressRow::default()
        });
        let fields = [
            card.id.clone(),
            card.topic_label(),
            card.question.clone(),
            row.phase,
            row.due.map(format_time).unwrap_or_default(),
            row.reps.to_string(),
            row.lapses.to_string(),
            row.last_grade.map(|g| g.to_string()).unwrap_or_default(),
            if row.flagged { "yes" } else { "" }.to_string(),
            row.note.unwrap_or_default(),
        ];
        let quoted: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        out.push_str(&quoted.join(","));
        out.push('\n');
    }
    out
}

/// RFC 4180 quoting: a field holding a comma, quote or line break is wrapped in quotes,
/// its quotes doubled.
pub fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Seconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_time(secs: i64) -> String {
    let (year, month, day, h, m, s) = crate::clock::utc_parts(secs);
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(format_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_time(1_795_837_416), "2026-11-28T03:43:36Z");
    }
}
