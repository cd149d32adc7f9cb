//! The frame drawn while a large deck is still being read: how many files and cards are
//! in so far, a bar, and the key that stops. Nothing of the deck is shown until it is
//! all read, so no screen ever shows a half-read card.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Wrap};

use crate::load::LoadCounts;
use crate::theme::{Role, Theme};

/// How wide the line naming the key is.
const HINT_WIDTH: usize = 51;

/// Draws the progress of a load over the whole frame.
pub fn draw(frame: &mut Frame, counts: LoadCounts, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(Block::default().style(theme.style(Role::Text)), area);
    let width = (area.width * 7 / 10).clamp(40, 76).min(area.width);
    // Narrow frames wrap the two lines of words.
    let words = read_so_far(counts);
    let fits = usize::from(width.saturating_sub(4)) >= words.chars().count().max(HINT_WIDTH);
    let height = if fits { 9 } else { 11 }.min(area.height);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let block = Block::bordered()
        .padding(Padding::uniform(1))
        .border_style(theme.border(true))
        .title(Span::styled(" prepdeck ", theme.title(true)));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let lines = vec![
        Line::from(Span::styled(words, theme.style(Role::Text))),
        Line::default(),
        bar(counts, inner, theme),
        Line::default(),
        Line::from(vec![
            Span::styled(
                "Nothing is shown until every card is read; ",
                theme.style(Role::Dim),
            ),
            Span::styled("q", theme.style(Role::StatusKey)),
            Span::styled(" quits.", theme.style(Role::Dim)),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

/// "Reading 2,000 files: 812 read, 40,600 cards so far."
fn read_so_far(counts: LoadCounts) -> String {
    if counts.files_found == 0 {
        return "Looking for question files…".to_string();
    }
    let cards = counts.cards;
    format!(
        "Reading {} {}: {} read, {} {} so far.",
        grouped(counts.files_found),
        if counts.files_found == 1 {
            "file"
        } else {
            "files"
        },
        grouped(counts.files_read),
        grouped(cards),
        if cards == 1 { "card" } else { "cards" }
    )
}

/// A bar of the files read: full cells `█`, the rest `░`, so it reads without colour.
fn bar(counts: LoadCounts, inner: Rect, theme: &Theme) -> Line<'static> {
    let width = usize::from(inner.width).saturating_sub(6).max(1);
    let read = counts.files_read.min(counts.files_found);
    let done = (read * width).checked_div(counts.files_found).unwrap_or(0);
    let percent = (read * 100).checked_div(counts.files_found).unwrap_or(0);
    Line::from(vec![
        Span::styled("█".repeat(done), theme.style(Role::Gauge)),
        Span::styled("░".repeat(width - done), theme.style(Role::Dim)),
        Span::styled(format!(" {percent:>3}%"), theme.style(Role::Count)),
    ])
}

/// A count with a comma between thousands: 100000 → "100,000".
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_in_words_with_thousands_marked() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(100_000), "100,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        let counts = LoadCounts {
            files_found: 2000,
            files_read: 812,
            cards: 40_600,
        };
        assert_eq!(
            read_so_far(counts),
            "Reading 2,000 files: 812 read, 40,600 cards so far."
        );
        assert_eq!(
            read_so_far(LoadCounts::default()),
            "Looking for question files…"
        );
    }
}
