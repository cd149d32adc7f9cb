//! One key point of a checklist with what the coverage hint said of it: the tick, the
//! point, the answer's words that matched, the essential terms it did not say, and for
//! the third verdict "mentioned — check the claim" with why. The `[?]` mark and the words
//! keep the third verdict distinct without colour.

use ratatui::text::{Line, Span};

use super::card_view;
use super::wrap;
use crate::hint::PointHint;
use crate::text::sanitize::sanitize;
use crate::theme::{Role, Theme};

/// The lines of one checklist item. `unticked` is the role of an empty box (the debrief
/// shows it as a miss, the review as not yet ticked); `selected` puts the cursor on the
/// point.
pub fn checklist_item(
    point: &str,
    ticked: bool,
    hint: Option<&PointHint>,
    width: usize,
    theme: &Theme,
    unticked: Role,
    selected: bool,
) -> Vec<Line<'static>> {
    let doubt = hint.and_then(PointHint::doubt);
    let (mark, role) = match (ticked, doubt) {
        (true, _) => ("[x] ", Role::Good),
        (false, Some(_)) => ("[?] ", Role::Warning),
        (false, None) => ("[ ] ", unticked),
    };
    let mut lines = card_view::bullets(
        &[point.to_string()],
        width,
        theme,
        Some(&[Span::styled(mark, theme.style(role))]),
    );
    if selected {
        // The whole point is the cursor, every wrapped line of it.
        for line in &mut lines {
            for span in &mut line.spans {
                span.style = span.style.patch(theme.selection(true));
            }
        }
    }
    let Some(hint) = hint else {
        return lines;
    };
    let indent = [Span::raw("    ")];
    // The notes quote the answer: made safe for the terminal like the answer itself.
    let mut note = |text: String, role: Role| {
        lines.extend(wrap::wrap(
            &[(sanitize(&text, false).into_owned(), theme.style(role))],
            width,
            &indent,
            &indent,
        ));
    };
    if let Some(why) = doubt {
        note(format!("mentioned — check the claim: {why}"), Role::Warning);
    }
    if hint.evidence.is_empty() {
        note("no words of it found in your answer".to_string(), Role::Dim);
    } else {
        note(format!("matched: {}", hint.evidence.join(", ")), Role::Dim);
    }
    // What is missing matters once something was said; for a point not touched at all
    // "no words of it" says enough.
    if let Some(missing) = hint.missing_to_show() {
        note(format!("missing: {missing}"), Role::Dim);
    }
    lines
}
