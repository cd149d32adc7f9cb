//! The browser: its state (the tree, focus, scroll, quiz mode, the last search) and its
//! half of `App::update`: moving in the tree and the card, expanding, jumping between
//! matches, and the mouse.

use std::time::Instant;

use ratatui::layout::Rect;

use super::layout::Areas;
use super::tree_view::{Row, TreeView};
use super::{App, Effect, ReviewRequest, Screen};
use crate::action::Action;
use crate::keymap::Context;
use crate::search::SearchState;
use crate::tree::TopicTree;

/// Which pane of the browser has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Card,
}

/// A pane of the card on a wide terminal, where the card is laid out in panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaneKind {
    Answer,
    Detail,
    Tables,
    Takeaway,
    Extras,
    /// The person's own answer, beside the model.
    Mine,
}

impl PaneKind {
    pub const ALL: [PaneKind; 6] = [
        PaneKind::Answer,
        PaneKind::Detail,
        PaneKind::Tables,
        PaneKind::Takeaway,
        PaneKind::Extras,
        PaneKind::Mine,
    ];

    fn index(self) -> usize {
        PaneKind::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// Where the last frame drew a pane of the card and how many lines it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneMeasure {
    pub kind: PaneKind,
    pub area: Rect,
    pub lines: usize,
}

/// The browser's state; it stays as it was while other screens are open over it.
#[derive(Debug, Clone)]
pub struct BrowseState {
    pub tree: TreeView,
    pub focus: Focus,
    pub card_scroll: usize,
    /// Quiz mode: answers hidden until revealed card by card.
    pub hide_answers: bool,
    pub revealed: bool,
    /// The example answer and follow-ups are shown.
    pub show_extras: bool,
    /// The last accepted search, for n / N.
    pub last_hits: Vec<usize>,
    /// The words of the last accepted search, marked in the cards it found.
    pub highlight: Vec<String>,
    /// The search panel, while it is open.
    pub search: Option<SearchState>,
    /// On a wide terminal, the card pane that has the keyboard when the card does.
    pub pane: PaneKind,
    /// Each pane's scroll, by `PaneKind::index`.
    pub pane_scroll: [usize; 6],
}

impl BrowseState {
    pub fn new(tree: &TopicTree) -> BrowseState {
        BrowseState {
            tree: TreeView::new(tree),
            focus: Focus::Tree,
            card_scroll: 0,
            hide_answers: false,
            revealed: false,
            show_extras: false,
            last_hits: Vec::new(),
            search: None,
            highlight: Vec::new(),
            pane: PaneKind::Answer,
            pane_scroll: [0; 6],
        }
    }

    /// The searched words to mark in the selected card: those of the last search while
    /// the card is one of its hits, none elsewhere.
    pub fn marked_words(&self) -> &[String] {
        let on_a_hit =
            matches!(self.tree.current(), Some(Row::Card(card)) if self.last_hits.contains(&card));
        if on_a_hit { &self.highlight } else { &[] }
    }

    /// How far a pane is scrolled.
    pub fn scroll_of(&self, kind: PaneKind) -> usize {
        self.pane_scroll[kind.index()]
    }

    /// A new card, or a card shown anew, starts at its top in every pane.
    fn scroll_to_top(&mut self) {
        self.card_scroll = 0;
        self.pane_scroll = [0; 6];
    }

    /// Whether the answer sections of the card are hidden right now.
    pub fn answers_hidden(&self) -> bool {
        self.hide_answers && !self.revealed
    }
}

/// What the browser needs to know of the rest of the App to move.
pub(super) struct Surroundings<'a> {
    pub tree: &'a TopicTree,
    pub card_node: &'a [usize],
    pub areas: Areas,
    /// Lines of the card document, as the last frame measured them.
    pub card_lines: usize,
    /// The card's panes, when the last frame laid it out in panes.
    pub panes: &'a [PaneMeasure],
}

impl Surroundings<'_> {
    /// Rows inside the tree pane's border.
    fn tree_height(&self) -> usize {
        self.areas
            .tree
            .map_or(1, |r| r.height.saturating_sub(2) as usize)
    }

    /// Rows inside the card pane's border.
    fn card_height(&self) -> usize {
        self.areas
            .card
            .map_or(1, |r| r.height.saturating_sub(2) as usize)
    }
}

/// What a browser key asks of the App.
pub(super) enum BrowseOutcome {
    Effect(Effect),
    Message(String),
    QuizToggled(bool),
    ListFlagged,
    NoSearchYet,
    OpenMock,
    OpenSearch,
}

impl BrowseState {
    pub(super) fn update(&mut self, action: Action, at: &Surroundings) -> Option<BrowseOutcome> {
        let page = match self.focus {
            Focus::Tree => at.tree_height(),
            Focus::Card => at.card_height(),
        }
        .max(1);
        let page = isize::try_from(page).unwrap_or(isize::MAX);
        let half = (page / 2).max(1);
        match action {
            Action::MoveDown => self.move_by(1, at),
            Action::MoveUp => self.move_by(-1, at),
            Action::PageDown => self.move_by(page, at),
            Action::PageUp => self.move_by(-page, at),
            Action::HalfPageDown => self.move_by(half, at),
            Action::HalfPageUp => self.move_by(-half, at),
            Action::Top => self.move_by(isize::MIN / 2, at),
            Action::Bottom => self.move_by(isize::MAX / 2, at),
            Action::Collapse => self.collapse(at),
            Action::Expand => self.expand(at),
            Action::Open => self.open(at),
            Action::FocusNext => self.cycle_focus(at, true),
            Action::FocusPrev => self.cycle_focus(at, false),
            Action::Search => return Some(BrowseOutcome::OpenSearch),
            Action::NextMatch => return self.jump_match(1, at),
            Action::PrevMatch => return self.jump_match(-1, at),
            Action::ToggleHideAnswers => {
                self.hide_answers = !self.hide_answers;
                self.revealed = false;
                return Some(BrowseOutcome::QuizToggled(self.hide_answers));
            }
            Action::Reveal if self.hide_answers => {
                self.revealed = !self.revealed;
                self.scroll_to_top();
            }
            Action::ToggleExtras => self.show_extras = !self.show_extras,
            Action::OpenMock => return Some(BrowseOutcome::OpenMock),
            Action::ListFlagged => return Some(BrowseOutcome::ListFlagged),
            Action::ReviewTopic => {
                return Some(BrowseOutcome::Effect(Effect::StartReview(ReviewRequest {
                    node: self.selected_node(at.card_node),
                    cram: false,
                })));
            }
            Action::ReviewAll => {
                return Some(BrowseOutcome::Effect(Effect::StartReview(
                    ReviewRequest::default(),
                )));
            }
            Action::OpenStats => return Some(BrowseOutcome::Effect(Effect::OpenStats)),
            Action::Back => match self.focus {
                Focus::Card => self.focus = Focus::Tree,
                Focus::Tree => return Some(BrowseOutcome::Effect(Effect::Quit)),
            },
            Action::Quit => return Some(BrowseOutcome::Effect(Effect::Quit)),
            Action::Suspend => return Some(BrowseOutcome::Effect(Effect::Suspend)),
            Action::Click(x, y) => self.click(x, y, at),
            Action::Scroll(x, y, delta) => self.wheel(x, y, delta, at),
            _ => {}
        }
        None
    }

    /// The tree node under the selection: the selected topic, or the selected card's.
    pub fn selected_node(&self, card_node: &[usize]) -> Option<usize> {
        match self.tree.current() {
            Some(Row::Node(n)) => Some(n),
            Some(Row::Card(c)) => card_node.get(c).copied(),
            None => None,
        }
    }

    fn move_by(&mut self, delta: isize, at: &Surroundings) {
        match self.focus {
            Focus::Tree => {
                let before = self.tree.selected;
                self.tree.move_by(delta);
                if self.tree.selected != before {
                    self.scroll_to_top();
                    self.revealed = false;
                }
                self.tree.keep_visible(at.tree_height());
            }
            Focus::Card if !at.panes.is_empty() => self.scroll_pane(self.pane, delta, at),
            Focus::Card => {
                let max = at.card_lines.saturating_sub(at.card_height());
                let max = isize::try_from(max).unwrap_or(isize::MAX);
                let now = isize::try_from(self.card_scroll).unwrap_or(isize::MAX);
                self.card_scroll =
                    usize::try_from(now.saturating_add(delta).clamp(0, max)).unwrap_or_default();
            }
        }
    }

    /// Tab and Shift-Tab: the tree, then each pane of the card in turn when it is laid
    /// out in panes; otherwise between the tree and the card.
    fn cycle_focus(&mut self, at: &Surroundings, forward: bool) {
        if at.panes.is_empty() {
            self.focus = match self.focus {
                Focus::Tree => Focus::Card,
                Focus::Card => Focus::Tree,
            };
            return;
        }
        // The ring: None is the tree, then the panes as drawn.
        let ring: Vec<Option<PaneKind>> = std::iter::once(None)
            .chain(at.panes.iter().map(|p| Some(p.kind)))
            .collect();
        let here = match self.focus {
            Focus::Tree => 0,
            Focus::Card => ring.iter().position(|k| *k == Some(self.pane)).unwrap_or(0),
        };
        let next = if forward {
            (here + 1) % ring.len()
        } else {
            (here + ring.len() - 1) % ring.len()
        };
        match ring[next] {
            None => self.focus = Focus::Tree,
            Some(kind) => {
                self.focus = Focus::Card;
                self.pane = kind;
            }
        }
    }

    /// Scrolls one pane of the card, within what the last frame measured of it.
    fn scroll_pane(&mut self, kind: PaneKind, delta: isize, at: &Surroundings) {
        let Some(p) = at.panes.iter().find(|p| p.kind == kind) else {
            return;
        };
        let height = usize::from(p.area.height.saturating_sub(2));
        let max = isize::try_from(p.lines.saturating_sub(height)).unwrap_or(isize::MAX);
        let now = isize::try_from(self.scroll_of(kind)).unwrap_or(isize::MAX);
        self.pane_scroll[kind.index()] =
            usize::try_from(now.saturating_add(delta).clamp(0, max)).unwrap_or_default();
    }

    /// Keeps the card's scroll within what the last frame measured.
    pub(super) fn clamp_card_scroll(&mut self, at: &Surroundings) {
        let max = at.card_lines.saturating_sub(at.card_height());
        self.card_scroll = self.card_scroll.min(max);
    }

    fn collapse(&mut self, at: &Surroundings) {
        if self.focus == Focus::Card {
            self.focus = Focus::Tree;
            return;
        }
        match self.tree.current() {
            Some(Row::Node(n)) if self.tree.expanded.contains(&n) => {
                self.tree.expanded.remove(&n);
                self.tree.rebuild(at.tree);
            }
            _ => {
                if let Some(parent) = self.tree.parent_row() {
                    self.tree.select(parent);
                    self.scroll_to_top();
                }
            }
        }
        self.tree.keep_visible(at.tree_height());
    }

    fn expand(&mut self, at: &Surroundings) {
        match self.tree.current() {
            Some(Row::Node(n)) if !self.tree.expanded.contains(&n) => {
                self.tree.expanded.insert(n);
                self.tree.rebuild(at.tree);
            }
            Some(Row::Node(_)) => self.move_by(1, at),
            Some(Row::Card(_)) => self.focus = Focus::Card,
            None => {}
        }
        self.tree.keep_visible(at.tree_height());
    }

    fn open(&mut self, at: &Surroundings) {
        match self.tree.current() {
            Some(Row::Node(n)) => {
                if !self.tree.expanded.remove(&n) {
                    self.tree.expanded.insert(n);
                }
                self.tree.rebuild(at.tree);
                self.tree.keep_visible(at.tree_height());
            }
            Some(Row::Card(_)) => self.focus = Focus::Card,
            None => {}
        }
    }

    /// Selects a card in the tree, expanding what hides it.
    pub(super) fn jump_to_card(&mut self, card: usize, at: &Surroundings) {
        let node = at.card_node.get(card).copied().unwrap_or(0);
        self.tree.reveal_card(at.tree, node, card);
        self.scroll_to_top();
        self.revealed = false;
        self.tree.keep_visible(at.tree_height());
    }

    fn jump_match(&mut self, step: isize, at: &Surroundings) -> Option<BrowseOutcome> {
        if self.last_hits.is_empty() {
            return Some(BrowseOutcome::NoSearchYet);
        }
        let here = match self.tree.current() {
            Some(Row::Card(c)) => self.last_hits.iter().position(|&h| h == c),
            _ => None,
        };
        let len = self.last_hits.len();
        let next = match here {
            Some(i) => {
                let step = step.rem_euclid(isize::try_from(len).unwrap_or(1));
                (i + usize::try_from(step).unwrap_or(0)) % len
            }
            None => 0,
        };
        self.jump_to_card(self.last_hits[next], at);
        Some(BrowseOutcome::Message(format!(
            "match {} of {}",
            next + 1,
            len
        )))
    }

    fn click(&mut self, x: u16, y: u16, at: &Surroundings) {
        if let Some(tree) = at.areas.tree
            && contains(tree, x, y)
        {
            self.focus = Focus::Tree;
            let row = usize::from(y.saturating_sub(tree.y + 1)) + self.tree.offset;
            if y > tree.y && row < self.tree.rows.len() {
                if row == self.tree.selected {
                    self.open(at);
                } else {
                    self.tree.select(row);
                    self.scroll_to_top();
                    self.revealed = false;
                }
            }
        } else if let Some(p) = at.panes.iter().find(|p| contains(p.area, x, y)) {
            self.focus = Focus::Card;
            self.pane = p.kind;
        } else if let Some(card) = at.areas.card
            && contains(card, x, y)
        {
            self.focus = Focus::Card;
        }
    }

    fn wheel(&mut self, x: u16, y: u16, delta: i8, at: &Surroundings) {
        if let Some(p) = at.panes.iter().find(|p| contains(p.area, x, y)) {
            self.scroll_pane(p.kind, isize::from(delta) * 3, at);
            return;
        }
        let before = self.focus;
        if at.areas.tree.is_some_and(|r| contains(r, x, y)) {
            self.focus = Focus::Tree;
        } else if at.areas.card.is_some_and(|r| contains(r, x, y)) {
            self.focus = Focus::Card;
        } else {
            return;
        }
        self.move_by(isize::from(delta) * 3, at);
        self.focus = before;
    }
}

impl App {
    /// What the browser sees of the App.
    fn surroundings(&self) -> Surroundings<'_> {
        Surroundings {
            tree: &self.deck.tree,
            card_node: &self.card_node,
            areas: self.areas(),
            card_lines: self.measures.card_lines,
            panes: &self.measures.panes,
        }
    }

    /// Runs `f` on the browser's state with what it needs of the rest of the App.
    pub(super) fn with_browse<T>(
        &mut self,
        f: impl FnOnce(&mut BrowseState, &Surroundings) -> T,
    ) -> Option<T> {
        let areas = self.areas();
        let at = Surroundings {
            tree: &self.deck.tree,
            card_node: &self.card_node,
            areas,
            card_lines: self.measures.card_lines,
            panes: &self.measures.panes,
        };
        let browse = self.screens.iter_mut().find_map(|s| match s {
            Screen::Browse(b) => Some(b.as_mut()),
            _ => None,
        })?;
        Some(f(browse, &at))
    }

    pub(super) fn update_browse(&mut self, action: Action, now: Instant) -> Option<Effect> {
        match self.with_browse(|b, at| b.update(action, at))?? {
            BrowseOutcome::Effect(effect) => Some(effect),
            BrowseOutcome::Message(text) => {
                self.message = Some(text);
                None
            }
            BrowseOutcome::QuizToggled(hidden) => {
                self.message = Some(if hidden {
                    format!(
                        "answers hidden: {} reveals the selected card",
                        self.key_for(Context::Browse, Action::Reveal)
                    )
                } else {
                    "answers shown".to_string()
                });
                None
            }
            BrowseOutcome::NoSearchYet => {
                self.message = Some(format!(
                    "no search yet: press {} to search",
                    self.key_for(Context::Browse, Action::Search)
                ));
                None
            }
            BrowseOutcome::ListFlagged => {
                self.list_flagged();
                None
            }
            BrowseOutcome::OpenMock => {
                self.open_mock(now);
                None
            }
            BrowseOutcome::OpenSearch => {
                self.with_browse(|b, _| b.search = Some(SearchState::new()));
                None
            }
        }
    }

    /// Makes the flagged cards, in reading order, the hits n / N go through, and goes to
    /// the first.
    fn list_flagged(&mut self) {
        let order = self.deck.tree.preorder();
        let flagged: Vec<usize> = order
            .iter()
            .flat_map(|&n| self.deck.tree.nodes[n].cards.iter().copied())
            .filter(|&c| {
                self.states
                    .get(&self.deck.cards[c].id)
                    .is_some_and(|s| s.flagged)
            })
            .collect();
        let Some(&first) = flagged.first() else {
            self.message = Some(format!(
                "no flagged cards: {} flags the card on screen while reviewing",
                self.key_for(Context::ReviewAnswer, Action::Flag)
            ));
            return;
        };
        let n = flagged.len();
        self.with_browse(|b, _| {
            b.last_hits = flagged;
            b.highlight.clear();
        });
        self.jump_to_card(first);
        self.message = Some(format!(
            "{n} flagged {}: {} / {} for the next and previous",
            if n == 1 { "card" } else { "cards" },
            self.key_for(Context::Browse, Action::NextMatch),
            self.key_for(Context::Browse, Action::PrevMatch)
        ));
    }

    /// Selects a card in the browser's tree, expanding what hides it.
    pub fn jump_to_card(&mut self, card: usize) {
        self.with_browse(|b, at| b.jump_to_card(card, at));
    }

    pub(super) fn clamp_card_scroll(&mut self) {
        self.with_browse(BrowseState::clamp_card_scroll);
    }

    /// The tree node under the browser's selection.
    pub fn selected_node(&self) -> Option<usize> {
        self.browse()?.selected_node(&self.card_node)
    }

    /// Rows inside the tree pane's border.
    pub fn tree_height(&self) -> usize {
        self.surroundings().tree_height()
    }
}

fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height
}
