//! The application state and the one function that changes it.
//!
//! `App::update(action, now)` interprets every `Action`, does no I/O and returns an
//! `Effect` for the runtime to perform. Drawing (`ui::draw`) only borrows the App.

mod browse;
mod full_text;
pub mod mock;
pub mod review;
mod screens;
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
use mock::{MockScreen, Phase};
use review::{ReviewScreen, Side};
use search::{SearchIndex, SearchState, new_matcher};
use stats_screen::StatsScreen;
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

    /// True while there is work for `Action::Idle`.
    pub fn has_idle_work(&self) -> bool {
        self.index.has_idle_work(&self.deck.cards)
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
        if let Action::Idle = action {
            self.index.idle_step(&self.deck.cards);
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
}
