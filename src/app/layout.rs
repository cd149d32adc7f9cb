//! Where each pane goes for a given terminal size. Shared by drawing and by mouse
//! handling, so a click always lands on what is drawn.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::Focus;

/// Below this many columns the tree and the card are shown one at a time.
pub const SIDE_BY_SIDE_MIN_WIDTH: u16 = 100;
/// Below this size the screen only says that the terminal is too small.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// The panes of the browser; a pane that is not shown is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// One row at the top about the plan to an interview date, when there is one.
    pub header: Option<Rect>,
    pub tree: Option<Rect>,
    pub card: Option<Rect>,
    pub status: Rect,
    pub too_small: bool,
}

/// The panes for a terminal of `area`, with a header row above them when `header` is true.
pub fn areas(area: Rect, focus: Focus, header: bool) -> Areas {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Areas {
            header: None,
            tree: None,
            card: None,
            status: Rect::default(),
            too_small: true,
        };
    }
    let [head, body, status] = Layout::vertical([
        Constraint::Length(u16::from(header)),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let header = header.then_some(head);
    if area.width >= SIDE_BY_SIDE_MIN_WIDTH {
        let tree_width = (area.width * 36 / 100).clamp(30, 56);
        let [tree, card] =
            Layout::horizontal([Constraint::Length(tree_width), Constraint::Min(1)]).areas(body);
        Areas {
            header,
            tree: Some(tree),
            card: Some(card),
            status,
            too_small: false,
        }
    } else {
        let (tree, card) = match focus {
            Focus::Tree => (Some(body), None),
            Focus::Card => (None, Some(body)),
        };
        Areas {
            header,
            tree,
            card,
            status,
            too_small: false,
        }
    }
}

/// A rectangle of `percent_x` × `percent_y` of `area`, centred, at least `min` wide.
pub fn centered(area: Rect, percent_x: u16, percent_y: u16, min_width: u16) -> Rect {
    let width = (area.width * percent_x / 100)
        .max(min_width)
        .min(area.width);
    let height = (area.height * percent_y / 100).max(6).min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
