//! Marks the words of the last search in the lines of a card, any case, so the reason a
//! card was found stands out while its search is active.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// `lines` with every occurrence of each of `words` (matched in any case) restyled with
/// `mark` on top of its own style. Words shorter than two characters are not marked.
pub fn mark_words(lines: Vec<Line<'static>>, words: &[String], mark: Style) -> Vec<Line<'static>> {
    let words: Vec<Vec<char>> = words
        .iter()
        .map(|w| w.chars().map(lower_char).collect::<Vec<char>>())
        .filter(|w| w.len() >= 2)
        .collect();
    if words.is_empty() {
        return lines;
    }
    lines
        .into_iter()
        .map(|line| {
            let spans = line
                .spans
                .into_iter()
                .flat_map(|span| mark_span(span, &words, mark))
                .collect::<Vec<_>>();
            Line { spans, ..line }
        })
        .collect()
}

fn mark_span(span: Span<'static>, words: &[Vec<char>], mark: Style) -> Vec<Span<'static>> {
    let chars: Vec<char> = span.content.chars().collect();
    let lower: Vec<char> = chars.iter().map(|&c| lower_char(c)).collect();
    let mut marked = vec![false; chars.len()];
    for word in words {
        let mut i = 0;
        while i + word.len() <= lower.len() {
            if lower[i..i + word.len()] == word[..] {
                marked[i..i + word.len()].iter_mut().for_each(|m| *m = true);
                i += word.len();
            } else {
                i += 1;
            }
        }
    }
    if !marked.contains(&true) {
        return vec![span];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=chars.len() {
        if i == chars.len() || marked[i] != marked[start] {
            let text: String = chars[start..i].iter().collect();
            let style = if marked[start] {
                span.style.patch(mark)
            } else {
                span.style
            };
            out.push(Span::styled(text, style));
            start = i;
        }
    }
    out
}

/// Lower case one character to one character, so positions stay the same.
fn lower_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    #[test]
    fn marks_every_occurrence_in_any_case_and_keeps_the_rest() {
        let mark = Style::new().bg(Color::Yellow);
        let lines = vec![Line::from(vec![
            Span::raw("A Canary and a "),
            Span::styled("canary", Style::new().fg(Color::Red)),
        ])];
        let out = mark_words(lines, &["CANARY".to_string(), "a".to_string()], mark);
        let parts: Vec<(String, bool)> = out[0]
            .spans
            .iter()
            .map(|s| (s.content.to_string(), s.style.bg == Some(Color::Yellow)))
            .collect();
        assert_eq!(
            parts,
            [
                ("A ".to_string(), false),
                ("Canary".to_string(), true),
                (" and a ".to_string(), false),
                ("canary".to_string(), true),
            ]
        );
        assert_eq!(out[0].spans[3].style.fg, Some(Color::Red), "own style kept");
    }
}
