//! The application state and the one function that changes it.
//!
//! `App::update(action, now)` interprets every `Action`, does no I/O and returns an
//! `Effect` for the runtime to perform. Drawing (`ui::draw`) only borrows the App.

pub mod mock;
pub mod review;
pub mod search;
pub mod stats_screen;
pub mod tree_view;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Instant;

use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::action::Action;
use crate::keymap::{Context, Keymap};
use crate::load::Deck;
use std::collections::HashMap;

use crate::mock::select::Standing;
use crate::mock::{MockResult, MockSettings};
use crate::schedule::CardState;
use crate::stats::{self, Mastery};
use crate::theme::Theme;
use crate::ui::layout::{self, Areas};
use mock::{MockOutcome, MockScreen, Phase};
use review::{ReviewOutcome, ReviewScreen, Side};
use search::{Scope, SearchIndex, SearchState, new_matcher};
use stats_screen::{StatsOutcome, StatsScreen};
use tree_view::{Row, TreeView};

/// Which pane of the browser has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Card,
}

/// A panel drawn over the screen that takes the keys while it is open.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help { scroll: usize },
    Search(SearchState),
}

/// What the runtime must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    Suspend,
    /// A mock interview ended: store it and write its report.
    MockFinished(Box<MockResult>),
    /// Build a review queue and open the review screen.
    StartReview(ReviewRequest),
    /// Commit a grade before the next card is shown.
    Persist(Box<crate::review::Persist>),
    /// Take back the latest grade of a card.
    Undo(String),
    Bury(String),
    Flag(String, bool),
    /// Open a card's source file in the editor, then reload the content.
    Edit(usize),
    /// Compute the statistics and open their screen.
    OpenStats,
}

/// Which cards a review should draw from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewRequest {
    /// A tree node whose subtree to review; `None` for everything.
    pub node: Option<usize>,
    pub cram: bool,
}

/// The screen in front of the person. The browser's state lives on in `App` while
/// another screen is open, so coming back finds it as it was.
pub enum Screen {
    Browse,
    Mock(Box<MockScreen>),
    Review(Box<ReviewScreen>),
    Stats(Box<StatsScreen>),
}

/// The card view laid out for one width, kept until something it depends on changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutKey {
    pub row: Option<Row>,
    pub width: u16,
    pub hidden: bool,
    pub extras: bool,
}

/// The whole state of the browser.
pub struct App {
    pub screen: Screen,
    pub deck: Deck,
    pub theme: Theme,
    pub keymap: Keymap,
    pub tree: TreeView,
    pub focus: Focus,
    pub card_scroll: usize,
    pub hide_answers: bool,
    pub revealed: bool,
    pub show_extras: bool,
    pub overlay: Option<Overlay>,
    /// The last accepted search, for n / N.
    pub last_hits: Vec<usize>,
    pub size: (u16, u16),
    /// A one-line message shown in the status bar until the next key.
    pub message: Option<String>,
    /// The tree node each card sits directly under.
    pub card_node: Vec<usize>,
    pub index: SearchIndex,
    matcher: RefCell<nucleo_matcher::Matcher>,
    pub layout_cache: RefCell<Option<(LayoutKey, Rc<Vec<Line<'static>>>)>>,
    /// Defaults for a new mock interview (from the config).
    pub mock_defaults: MockSettings,
    /// Each card's progress as the mock selection sees it, by card index.
    pub standing: Vec<Standing>,
    /// Reads the wall clock for records; tests replace it.
    pub wall_clock: fn() -> i64,
    /// The time of the last update, for drawing countdowns.
    pub now: Instant,
    /// Every card's stored progress, by card id (cards never reviewed are absent).
    pub states: HashMap<String, CardState>,
    /// Due, new and mastered cards under each tree node, by node index.
    pub counts: Vec<NodeCounts>,
    /// Card index by card id.
    pub id_index: HashMap<String, usize>,
}

/// The progress figures of a tree node's subtree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NodeCounts {
    pub due: usize,
    pub new: usize,
    pub mastered: usize,
}

impl App {
    pub fn new(deck: Deck, theme: Theme, keymap: Keymap) -> App {
        let mut card_node = vec![0; deck.cards.len()];
        for (n, node) in deck.tree.nodes.iter().enumerate() {
            for &c in &node.cards {
                card_node[c] = n;
            }
        }
        let tree = TreeView::new(&deck.tree);
        let index = SearchIndex::new(&deck.cards);
        let standing = vec![Standing::default(); deck.cards.len()];
        let mut app = App {
            screen: Screen::Browse,
            deck,
            theme,
            keymap,
            tree,
            focus: Focus::Tree,
            card_scroll: 0,
            hide_answers: false,
            revealed: false,
            show_extras: false,
            overlay: None,
            last_hits: Vec::new(),
            size: (120, 40),
            message: None,
            card_node,
            index,
            matcher: RefCell::new(new_matcher()),
            layout_cache: RefCell::new(None),
            mock_defaults: MockSettings::default(),
            standing,
            wall_clock: crate::clock::now_unix,
            now: Instant::now(),
            states: HashMap::new(),
            counts: Vec::new(),
            id_index: HashMap::new(),
        };
        app.index_ids();
        app
    }

    fn index_ids(&mut self) {
        self.id_index = self
            .deck
            .cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
    }

    /// Swaps in freshly loaded content (after an edit), keeping progress, the selected
    /// card where it still exists, and the open screen.
    pub fn replace_deck(&mut self, deck: Deck, unix: i64, offset: i64) {
        let selected = self.selected_card().map(|c| self.deck.cards[c].id.clone());
        let mut fresh = App::new(deck, self.theme.clone(), self.keymap.clone());
        fresh.size = self.size;
        self.tree = fresh.tree;
        self.card_node = fresh.card_node;
        self.index = fresh.index;
        self.standing = fresh.standing;
        self.id_index = fresh.id_index;
        self.deck = fresh.deck;
        self.refresh_progress(unix, offset);
        if let Some(c) = selected.and_then(|id| self.id_index.get(&id).copied()) {
            self.jump_to_card(c);
        }
    }

    /// Takes the stored progress and recomputes what depends on it: per-topic counts
    /// and each card's standing for the mock selection. `unix` and `offset` say what
    /// "today" is.
    pub fn set_states(&mut self, states: HashMap<String, CardState>, unix: i64, offset: i64) {
        self.states = states;
        self.refresh_progress(unix, offset);
    }

    /// Recomputes the counts and standings after a change of `states`.
    pub fn refresh_progress(&mut self, unix: i64, offset: i64) {
        let tree = &self.deck.tree;
        let mut counts = vec![NodeCounts::default(); tree.nodes.len()];
        for (i, card) in self.deck.cards.iter().enumerate() {
            let state = self.states.get(&card.id);
            let due = stats::due_today(state, unix, offset);
            let m = stats::mastery(state);
            self.standing[i] = Standing {
                seen: m != Mastery::New,
                due,
                stability_days: state
                    .and_then(|s| s.memory)
                    .map_or(0.0, |m| f64::from(m.stability)),
                lapses: state.map_or(0, |s| s.lapses),
            };
            let mut at = Some(self.card_node[i]);
            while let Some(n) = at {
                let c = &mut counts[n];
                c.due += usize::from(due);
                c.new += usize::from(m == Mastery::New);
                c.mastered += usize::from(m == Mastery::Mastered);
                at = tree.nodes[n].parent;
            }
        }
        self.counts = counts;
        self.layout_cache.replace(None);
    }

    /// The key context that applies now.
    pub fn context(&self) -> Context {
        if let Screen::Review(r) = &self.screen {
            return match r.side {
                Side::Question => Context::Review,
                Side::Typing => Context::ReviewTyping,
                Side::Answer => Context::ReviewAnswer,
                Side::Summary => Context::ReviewSummary,
            };
        }
        if let Screen::Stats(_) = &self.screen {
            return Context::Stats;
        }
        if let Screen::Mock(m) = &self.screen {
            return match m.phase {
                Phase::Setup => Context::MockSetup,
                Phase::Asking => Context::Mock,
                Phase::Paused { .. } => Context::MockPaused,
                Phase::Debrief => Context::Debrief,
                Phase::Result => Context::MockResult,
            };
        }
        match self.overlay {
            Some(Overlay::Help { .. }) => Context::Help,
            Some(Overlay::Search(_)) => Context::Search,
            None => Context::Browse,
        }
    }

    /// The screen areas for the current size and focus.
    pub fn areas(&self) -> Areas {
        layout::areas(Rect::new(0, 0, self.size.0, self.size.1), self.focus)
    }

    /// The card shown in the card pane, if a card row is selected.
    pub fn selected_card(&self) -> Option<usize> {
        match self.tree.current() {
            Some(Row::Card(c)) => Some(c),
            _ => None,
        }
    }

    /// Whether the answer sections of the card are hidden right now.
    pub fn answers_hidden(&self) -> bool {
        self.hide_answers && !self.revealed
    }

    pub fn update(&mut self, action: Action, now: Instant) -> Option<Effect> {
        self.now = now;
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
            self.tree.keep_visible(self.tree_height());
            return None;
        }
        self.message = None;
        match self.screen {
            Screen::Mock(_) => return self.update_mock(action, now),
            Screen::Review(_) => return self.update_review(action, now),
            Screen::Stats(_) => return self.update_stats(action),
            Screen::Browse => {}
        }
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Suspend => return Some(Effect::Suspend),
            _ => {}
        }
        match &mut self.overlay {
            Some(Overlay::Help { scroll }) => {
                match action {
                    Action::MoveDown | Action::Scroll(_, _, 1..) => *scroll += 1,
                    Action::MoveUp | Action::Scroll(_, _, ..=-1) => {
                        *scroll = scroll.saturating_sub(1)
                    }
                    Action::Back | Action::Help | Action::Click(..) => self.overlay = None,
                    _ => {}
                }
                None
            }
            Some(Overlay::Search(_)) => {
                self.update_search(action);
                None
            }
            None => self.update_browse(action, now),
        }
    }

    /// The tree node under the selection: the selected topic, or the selected card's.
    pub fn selected_node(&self) -> Option<usize> {
        match self.tree.current() {
            Some(Row::Node(n)) => Some(n),
            Some(Row::Card(c)) => self.card_node.get(c).copied(),
            None => None,
        }
    }

    /// Opens the review screen on a session the runtime built.
    pub fn open_review(&mut self, screen: ReviewScreen) {
        self.screen = Screen::Review(Box::new(screen));
    }

    fn update_review(&mut self, action: Action, now: Instant) -> Option<Effect> {
        let Screen::Review(screen) = &mut self.screen else {
            return None;
        };
        let key_points = screen
            .current_id()
            .and_then(|id| self.id_index.get(id))
            .map_or(0, |&i| self.deck.cards[i].key_points.len());
        let outcome = screen.update(action, now, (self.wall_clock)(), key_points)?;
        Some(match outcome {
            ReviewOutcome::Persist(p) => Effect::Persist(p),
            ReviewOutcome::Undo(id) => Effect::Undo(id),
            ReviewOutcome::Bury(id) => Effect::Bury(id),
            ReviewOutcome::Flag(id, on) => Effect::Flag(id, on),
            ReviewOutcome::Edit(id) => match self.id_index.get(&id) {
                Some(&card) => Effect::Edit(card),
                None => return None,
            },
            ReviewOutcome::Leave => {
                self.screen = Screen::Browse;
                return None;
            }
            ReviewOutcome::Suspend => Effect::Suspend,
            ReviewOutcome::Quit => Effect::Quit,
        })
    }

    /// Opens the stats screen on figures the runtime computed.
    pub fn open_stats(&mut self, stats: crate::stats::Stats) {
        self.screen = Screen::Stats(Box::new(StatsScreen::new(stats)));
    }

    fn update_stats(&mut self, action: Action) -> Option<Effect> {
        let Screen::Stats(screen) = &mut self.screen else {
            return None;
        };
        match screen.update(action)? {
            StatsOutcome::Review(node) => Some(Effect::StartReview(ReviewRequest {
                node: Some(node),
                cram: false,
            })),
            StatsOutcome::Leave => {
                self.screen = Screen::Browse;
                None
            }
            StatsOutcome::Quit => Some(Effect::Quit),
        }
    }

    /// Opens the mock interview setup on the selected topic (or the whole deck).
    pub fn open_mock(&mut self, now: Instant) {
        let checked = self.selected_node().into_iter().collect();
        self.screen = Screen::Mock(Box::new(MockScreen::new(
            &self.deck.tree,
            self.mock_defaults.clone(),
            checked,
            now,
        )));
    }

    /// Starts a mock interview at once, as `prepdeck mock` with flags does.
    pub fn start_mock(
        &mut self,
        settings: MockSettings,
        checked: Vec<usize>,
        now: Instant,
    ) -> bool {
        let mut screen = MockScreen::new(
            &self.deck.tree,
            settings,
            checked.into_iter().collect(),
            now,
        );
        let standing = &self.standing;
        let started = screen.begin(
            &self.deck,
            &|c| standing.get(c).copied().unwrap_or_default(),
            now,
            (self.wall_clock)(),
        );
        self.message = screen.message.clone();
        if started {
            self.screen = Screen::Mock(Box::new(screen));
        }
        started
    }

    fn update_mock(&mut self, action: Action, now: Instant) -> Option<Effect> {
        let Screen::Mock(screen) = &mut self.screen else {
            return None;
        };
        let outcome = screen.update(&self.deck, action, now)?;
        match outcome {
            MockOutcome::Start => {
                let standing = &self.standing;
                let unix = (self.wall_clock)();
                screen.begin(
                    &self.deck,
                    &|c| standing.get(c).copied().unwrap_or_default(),
                    now,
                    unix,
                );
                None
            }
            MockOutcome::Leave => {
                self.screen = Screen::Browse;
                None
            }
            MockOutcome::Finished(result) => Some(Effect::MockFinished(result)),
            MockOutcome::Suspend => Some(Effect::Suspend),
            MockOutcome::Quit => Some(Effect::Quit),
        }
    }

    /// Tree nodes (folders, files, topics) named `name`, any case; when none is named
    /// exactly, those whose name contains it.
    pub fn topic_nodes(&self, name: &str) -> Vec<usize> {
        let needle = name.to_lowercase();
        let tree = &self.deck.tree;
        let all = tree.preorder();
        let exact: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&n| tree.nodes[n].name.to_lowercase() == needle)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        all.into_iter()
            .filter(|&n| tree.nodes[n].name.to_lowercase().contains(&needle))
            .collect()
    }

    /// The first `n` top-level and second-level topic names, for hints.
    pub fn topic_names(&self, n: usize) -> Vec<String> {
        self.deck
            .tree
            .preorder()
            .into_iter()
            .filter(|&i| self.deck.tree.nodes[i].depth <= 2)
            .take(n)
            .map(|i| self.deck.tree.nodes[i].name.clone())
            .collect()
    }

    /// True while a clock on screen is counting, so the runtime must wake up for it.
    pub fn ticking(&self) -> bool {
        matches!(&self.screen, Screen::Mock(m) if m.ticking())
    }

    /// How long the runtime may sleep before the screen must be redrawn.
    pub fn next_tick(&self, now: Instant) -> Option<std::time::Duration> {
        match &self.screen {
            Screen::Mock(m) if m.ticking() => Some(m.next_tick(now)),
            _ => None,
        }
    }

    fn update_browse(&mut self, action: Action, now: Instant) -> Option<Effect> {
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

    fn move_by(&mut self, delta: isize) {
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

    fn collapse(&mut self) {
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

    fn expand(&mut self) {
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

    fn open(&mut self) {
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

    fn update_search(&mut self, action: Action) {
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
            state.hits =
                self.index
                    .search(&state.query, state.scope, &mut self.matcher.borrow_mut());
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

    fn jump_match(&mut self, step: isize) {
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

    fn click(&mut self, x: u16, y: u16) {
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

    fn wheel(&mut self, x: u16, y: u16, delta: i8) {
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

    fn card_lines(&self) -> usize {
        crate::ui::card_view::document(self).len()
    }
}

fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height
}
