//! The browser's half of `App::update`: moving in the tree and the card, expanding,
//! searching, jumping between matches, and the mouse.

use ratatui::layout::Rect;

use super::search::Scope;
use super::tree_view::Row;
use super::{App, Effect, Focus, Overlay, ReviewRequest, SearchState};
use crate::action::Action;
use std::time::Instant;

impl App {
    pub(super) fn update_browse(&mut self, action: Action, now: Instant) -> Option<Effect> {
        let page = match self.focus {
            Focus::Tree => self.tree_height(),
            Focus::Card => self.card_height(),
        }
        .max(1);
        match action {
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::PageDown => self.move_by(page as isize),
            Action::PageUp => self.move_by(-(page as isize)),
            Action::HalfPageDown => self.move_by((page / 2).max(1) as isize),
            Action::HalfPageUp => self.move_by(-((page / 2).max(1) as isize)),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Collapse => self.collapse(),
            Action::Expand => self.expand(),
            Action::Open => self.open(),
            Action::FocusNext => {
                self.focus = match self.focus {
                    Focus::Tree => Focus::Card,
                    Focus::Card => Focus::Tree,
                }
            }
            Action::Search => self.overlay = Some(Overlay::Search(SearchState::new())),
            Action::NextMatch => self.jump_match(1),
            Action::PrevMatch => self.jump_match(-1),
            Action::ToggleHideAnswers => {
                self.hide_answers = !self.hide_answers;
                self.revealed = false;
                self.message = Some(if self.hide_answers {
                    "answers hidden: Space reveals the selected card".to_string()
                } else {
                    "answers shown".to_string()
                });
            }
            Action::Reveal if self.hide_answers => self.revealed = !self.revealed,
            Action::ToggleExtras => self.show_extras = !self.show_extras,
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::OpenMock => self.open_mock(now),
            Action::ReviewTopic => {
                return Some(Effect::StartReview(ReviewRequest {
                    node: self.selected_node(),
                    cram: false,
                }));
            }
            Action::ReviewAll => return Some(Effect::StartReview(ReviewRequest::default())),
            Action::OpenStats => return Some(Effect::OpenStats),
            Action::Back => match self.focus {
                Focus::Card => self.focus = Focus::Tree,
                Focus::Tree => return Some(Effect::Quit),
            },
            Action::Click(x, y) => self.click(x, y),
            Action::Scroll(x, y, delta) => self.wheel(x, y, delta),
            _ => {}
        }
        None
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Tree => {
                let before = self.tree.selected;
                self.tree.move_by(delta);
                if self.tree.selected != before {
                    self.card_scroll = 0;
                    self.revealed = false;
                }
                self.tree.keep_visible(self.tree_height());
            }
            Focus::Card => {
                let max = self.card_lines().saturating_sub(self.card_height());
                let next = (self.card_scroll as isize).saturating_add(delta);
                self.card_scroll = next.clamp(0, max as isize) as usize;
            }
        }
    }

    pub(super) fn collapse(&mut self) {
        if self.focus == Focus::Card {
            self.focus = Focus::Tree;
            return;
        }
        match self.tree.current() {
            Some(Row::Node(n)) if self.tree.expanded.contains(&n) => {
                self.tree.expanded.remove(&n);
                self.tree.rebuild(&self.deck.tree);
            }
            _ => {
                if let Some(parent) = self.tree.parent_row() {
                    self.tree.select(parent);
                    self.card_scroll = 0;
                }
            }
        }
        self.tree.keep_visible(self.tree_height());
    }

    pub(super) fn expand(&mut self) {
        match self.tree.current() {
            Some(Row::Node(n)) if !self.tree.expanded.contains(&n) => {
                self.tree.expanded.insert(n);
                self.tree.rebuild(&self.deck.tree);
            }
            Some(Row::Node(_)) => self.move_by(1),
            Some(Row::Card(_)) => self.focus = Focus::Card,
            None => {}
        }
        self.tree.keep_visible(self.tree_height());
    }

    pub(super) fn open(&mut self) {
        match self.tree.current() {
            Some(Row::Node(n)) => {
                if !self.tree.expanded.remove(&n) {
                    self.tree.expanded.insert(n);
                }
                self.tree.rebuild(&self.deck.tree);
                self.tree.keep_visible(self.tree_height());
            }
            Some(Row::Card(_)) => self.focus = Focus::Card,
            None => {}
        }
    }

    pub(super) fn update_search(&mut self, action: Action) {
        let Some(Overlay::Search(state)) = &mut self.overlay else {
            return;
        };
        let mut requery = false;
        match action {
            Action::Input(c) => {
                state.query.push(c);
                requery = true;
            }
            Action::Backspace => {
                state.query.pop();
                requery = true;
            }
            Action::SearchScope => {
                state.scope = match state.scope {
                    Scope::Questions => Scope::AllFields,
                    Scope::AllFields => Scope::Questions,
                };
                // Widening the scope builds the full-text index, not the next keystroke.
                self.index.prepare(&self.deck.cards, state.scope);
                requery = true;
            }
            Action::SearchNext | Action::Scroll(_, _, 1..) => {
                state.selected = (state.selected + 1).min(state.hits.len().saturating_sub(1));
            }
            Action::SearchPrev | Action::Scroll(_, _, ..=-1) => {
                state.selected = state.selected.saturating_sub(1)
            }
            Action::SearchCancel => self.overlay = None,
            Action::SearchAccept => {
                let hits: Vec<usize> = state.hits.iter().map(|h| h.card).collect();
                let chosen = hits.get(state.selected).copied();
                self.overlay = None;
                if let Some(card) = chosen {
                    self.last_hits = hits;
                    self.jump_to_card(card);
                    let n = self.last_hits.len();
                    self.message = Some(format!(
                        "{n} {}: n / N for the next and previous",
                        if n == 1 { "match" } else { "matches" }
                    ));
                }
            }
            _ => {}
        }
        if requery && let Some(Overlay::Search(state)) = &mut self.overlay {
            // A query that only grew, in the same scope, can only match fewer cards. A
            // query of only spaces was not searched, so its (empty) hits say nothing.
            let previous: Option<Vec<usize>> = match &state.searched {
                Some((q, scope))
                    if *scope == state.scope
                        && !q.trim().is_empty()
                        && state.query.starts_with(q.as_str()) =>
                {
                    Some(state.hits.iter().map(|h| h.card).collect())
                }
                _ => None,
            };
            state.hits = self.index.search_within(
                &self.deck.cards,
                &state.query,
                state.scope,
                previous.as_deref(),
                &mut self.matcher.borrow_mut(),
            );
            state.searched = Some((state.query.clone(), state.scope));
            state.selected = 0;
        }
    }

    /// Selects a card in the tree, expanding what hides it.
    pub fn jump_to_card(&mut self, card: usize) {
        let node = self.card_node.get(card).copied().unwrap_or(0);
        self.tree.reveal_card(&self.deck.tree, node, card);
        self.card_scroll = 0;
        self.revealed = false;
        self.tree.keep_visible(self.tree_height());
    }

    pub(super) fn jump_match(&mut self, step: isize) {
        if self.last_hits.is_empty() {
            self.message = Some("no search yet: press / to search".to_string());
            return;
        }
        let here = self
            .selected_card()
            .and_then(|c| self.last_hits.iter().position(|&h| h == c));
        let len = self.last_hits.len() as isize;
        let next = match here {
            Some(i) => (i as isize + step).rem_euclid(len),
            None => 0,
        } as usize;
        self.jump_to_card(self.last_hits[next]);
        self.message = Some(format!("match {} of {}", next + 1, len));
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        let areas = self.areas();
        if let Some(tree) = areas.tree
            && contains(tree, x, y)
        {
            self.focus = Focus::Tree;
            let row = (y.saturating_sub(tree.y + 1)) as usize + self.tree.offset;
            if y > tree.y && row < self.tree.rows.len() {
                if row == self.tree.selected {
                    self.open();
                } else {
                    self.tree.select(row);
                    self.card_scroll = 0;
                    self.revealed = false;
                }
            }
        } else if let Some(card) = areas.card
            && contains(card, x, y)
        {
            self.focus = Focus::Card;
        }
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, delta: i8) {
        let areas = self.areas();
        let before = self.focus;
        if areas.tree.is_some_and(|r| contains(r, x, y)) {
            self.focus = Focus::Tree;
        } else if areas.card.is_some_and(|r| contains(r, x, y)) {
            self.focus = Focus::Card;
        } else {
            return;
        }
        self.move_by(isize::from(delta) * 3);
        self.focus = before;
    }

    /// Rows inside the tree pane's border.
    pub fn tree_height(&self) -> usize {
        self.areas()
            .tree
            .map_or(1, |r| r.height.saturating_sub(2) as usize)
    }

    /// Rows inside the card pane's border.
    pub fn card_height(&self) -> usize {
        self.areas()
            .card
            .map_or(1, |r| r.height.saturating_sub(2) as usize)
    }

    pub(super) fn card_lines(&self) -> usize {
        crate::ui::card_view::document(self).len()
    }
}

fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height
}
