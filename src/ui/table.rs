//! Lays out a markdown table as box-drawn lines: a header row, the column alignment
//! honoured, widths fitted to the content and the space available, long cells wrapped.
//! When even one column per cell cannot fit, rows become "Header: value" lists.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::markdown::inline_runs;
use super::wrap::{self, Run};
use crate::model::{Align, Table};
use crate::theme::{Role, Theme};

/// The lines of `table` in at most `width` columns.
pub fn render(table: &Table, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let columns = table.header.len().max(1);
    let text_style = theme.style(Role::Text);
    let header: Vec<Vec<Run>> = table
        .header
        .iter()
        .map(|c| inline_runs(c, theme.style(Role::TableHeader), theme))
        .collect();
    let rows: Vec<Vec<Vec<Run>>> = table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| inline_runs(c, text_style, theme))
                .collect()
        })
        .collect();
    let chrome = 3 * columns + 1;
    if width < chrome + columns * 3 {
        return as_list(&header, &rows, width, theme);
    }
    let natural: Vec<usize> = (0..columns)
        .map(|i| {
            let cells = std::iter::once(header.get(i)).chain(rows.iter().map(|r| r.get(i)));
            cells
                .flatten()
                .map(|runs| runs_width(runs))
                .max()
                .unwrap_or(1)
                .max(1)
        })
        .collect();
    let widths = fit(&natural, width - chrome);
    let border = theme.style(Role::TableBorder);
    let mut lines = vec![rule(&widths, ('┌', '┬', '┐'), border)];
    lines.extend(row_lines(&header, &widths, &table.align, border));
    lines.push(rule(&widths, ('├', '┼', '┤'), border));
    for row in &rows {
        lines.extend(row_lines(row, &widths, &table.align, border));
    }
    lines.push(rule(&widths, ('└', '┴', '┘'), border));
    lines
}

/// Shares `available` columns: narrow columns keep their natural width, the rest split
/// what is left evenly (water filling), never below one column.
fn fit(natural: &[usize], available: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= available {
        return natural.to_vec();
    }
    let mut widths = vec![0; natural.len()];
    let mut open: Vec<usize> = (0..natural.len()).collect();
    let mut left = available;
    loop {
        let share = (left / open.len().max(1)).max(1);
        let (small, large): (Vec<usize>, Vec<usize>) =
            open.iter().partition(|&&i| natural[i] <= share);
        if small.is_empty() {
            let extra = left.saturating_sub(share * large.len());
            for (k, &i) in large.iter().enumerate() {
                widths[i] = share + usize::from(k < extra);
            }
            return widths;
        }
        for &i in &small {
            widths[i] = natural[i];
            left = left.saturating_sub(natural[i]);
        }
        open = large;
        if open.is_empty() {
            return widths;
        }
    }
}

fn rule(widths: &[usize], (left, mid, right): (char, char, char), style: Style) -> Line<'static> {
    let mut s = String::new();
    s.push(left);
    for (i, w) in widths.iter().enumerate() {
        if i > 0 {
            s.push(mid);
        }
        s.extend(std::iter::repeat_n('─', w + 2));
    }
    s.push(right);
    Line::from(Span::styled(s, style))
}

fn row_lines(
    cells: &[Vec<Run>],
    widths: &[usize],
    align: &[Align],
    border: Style,
) -> Vec<Line<'static>> {
    let wrapped: Vec<Vec<Line<'static>>> = widths
        .iter()
        .enumerate()
        .map(|(i, &w)| match cells.get(i) {
            Some(runs) if !runs.is_empty() => wrap::wrap(runs, w, &[], &[]),
            _ => vec![Line::default()],
        })
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    (0..height)
        .map(|row| {
            let mut spans = vec![Span::styled("│", border)];
            for (i, &w) in widths.iter().enumerate() {
                let line = wrapped[i].get(row).cloned().unwrap_or_default();
                let gap = w.saturating_sub(line.width());
                let (before, after) = match align.get(i).copied().unwrap_or(Align::None) {
                    Align::Right => (gap, 0),
                    Align::Center => (gap / 2, gap - gap / 2),
                    Align::Left | Align::None => (0, gap),
                };
                spans.push(Span::raw(" ".repeat(before + 1)));
                spans.extend(line.spans);
                spans.push(Span::raw(" ".repeat(after + 1)));
                spans.push(Span::styled("│", border));
            }
            Line::from(spans)
        })
        .collect()
}

/// For very narrow panes: each row as a list of "Header: value" lines.
fn as_list(
    header: &[Vec<Run>],
    rows: &[Vec<Vec<Run>>],
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        if n > 0 {
            lines.push(Line::default());
        }
        for (i, cell) in row.iter().enumerate() {
            let mut runs: Vec<Run> = header.get(i).cloned().unwrap_or_default();
            runs.push((": ".to_string(), theme.style(Role::TableHeader)));
            runs.extend(cell.iter().cloned());
            lines.extend(wrap::wrap(&runs, width, &[], &[Span::raw("  ")]));
        }
    }
    lines
}

fn runs_width(runs: &[Run]) -> usize {
    runs.iter()
        .map(|(t, _)| t.split('\n').map(wrap::width).max().unwrap_or(0))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    fn table() -> Table {
        Table {
            header: vec!["Check".into(), "Where".into(), "Cost".into()],
            rows: vec![vec![
                "Active".into(),
                "LB".into(),
                "a long cell that wraps".into(),
            ]],
            align: vec![Align::Left, Align::Right, Align::Center],
        }
    }

    #[test]
    fn natural_widths_when_they_fit() {
        let lines = render(&table(), 80, &Theme::default());
        assert_eq!(
            text(&lines),
            [
                "┌────────┬───────┬────────────────────────┐",
                "│ Check  │ Where │          Cost          │",
                "├────────┼───────┼────────────────────────┤",
                "│ Active │    LB │ a long cell that wraps │",
                "└────────┴───────┴────────────────────────┘",
            ]
        );
    }

    #[test]
    fn long_cells_wrap_to_fit() {
        let lines = render(&table(), 30, &Theme::default());
        assert!(lines.iter().all(|l| l.width() <= 30), "{:?}", text(&lines));
        assert!(lines.len() > 5);
    }

    #[test]
    fn tiny_widths_fall_back_to_a_list() {
        let lines = render(&table(), 14, &Theme::default());
        assert_eq!(text(&lines)[0], "Check: Active");
        assert!(lines.iter().all(|l| l.width() <= 14));
    }

    #[test]
    fn fit_shares_space() {
        assert_eq!(fit(&[5, 50, 50], 45), vec![5, 20, 20]);
        assert_eq!(fit(&[3, 4], 20), vec![3, 4]);
    }
}
