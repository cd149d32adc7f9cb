//! A bordered, titled pane that shows a scrolled window of pre-laid-out lines.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

use crate::theme::Theme;

/// The scroll clamped so the last page stays full, and " 40% " (how far down the last
/// visible line is) when `len` lines do not fit in `height`, else "".
pub fn window(len: usize, height: usize, scroll: usize) -> (usize, String) {
    let scroll = scroll.min(len.saturating_sub(height));
    let more = if len > height {
        format!(" {}% ", ((scroll + height).min(len) * 100) / len.max(1))
    } else {
        String::new()
    };
    (scroll, more)
}

/// Draws `lines` from `scroll` (clamped so the last page stays full) in a padded,
/// bordered pane titled `title`.
pub fn scrolled(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: usize,
    title: &str,
    theme: &Theme,
) {
    scrolled_with_keys(frame, area, lines, scroll, title, "", theme);
}

/// Like `scrolled`, with `keys` (what the pane's keys do) on its bottom border.
pub fn scrolled_with_keys(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: usize,
    title: &str,
    keys: &str,
    theme: &Theme,
) {
    let height = usize::from(area.height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(
        Paragraph::new(visible).block(
            Block::bordered()
                .padding(Padding::horizontal(1))
                .border_style(theme.border(true))
                .title(Span::styled(format!(" {title} "), theme.title(true)))
                .title_bottom(
                    Line::from(Span::styled(
                        if keys.is_empty() {
                            String::new()
                        } else {
                            format!(" {keys} ")
                        },
                        theme.style(crate::theme::Role::Dim),
                    ))
                    .right_aligned(),
                ),
        ),
        area,
    );
}
