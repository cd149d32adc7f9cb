//! The application state and the one function that changes it.
//!
//! `App::update(msg, now)` is the only code that writes the App. A message is a
//! person's action or the result of work the runtime did (a grade saved, a review
//! ready, the content reloaded); `update` does no I/O and returns an `Effect` for the
//! runtime to perform, whose result comes back as the next message. Drawing
//! (`ui::draw`) only borrows the App. Screens are a stack: each carries its own state,
//! and leaving one goes back to the screen it was opened from.

mod browse;
mod browse_search;
mod help;
pub mod layout;
pub mod mock;
mod mock_debrief;
mod msg;
mod notes;
mod progress;
pub mod review;
mod review_unsaved;
mod screens;
pub mod stats_screen;
pub mod stories;
pub mod tree_view;

use std::collections::HashMap;
use std::time::Instant;

use ratatui::layout::Rect;

use crate::action::Action;
use crate::ids::CardId;
use crate::keymap::{Context, Keymap};
use crate::load::Deck;
use crate::mock::MockSettings;
use crate::mock::select::Standing;
use crate::schedule::CardState;
use crate::search::SearchIndex;
use crate::theme::Theme;

pub use browse::{BrowseState, Focus, PaneKind, PaneMeasure};
pub use help::{HelpState, PanelKind};
pub use layout::Areas;
use mock::{MockScreen, Phase};
pub use msg::{Effect, Measures, Msg, ReviewRequest};
pub use notes::NoteEditor;
pub use progress::NodeCounts;
use review::{ReviewScreen, Side};
use stats_screen::StatsScreen;
use tree_view::Row;

/// A screen and its state.
pub enum Screen {
    Browse(Box<BrowseState>),
    Mock(Box<MockScreen>),
    Review(Box<ReviewScreen>),
    Stats(Box<StatsScreen>),
    Stories(Box<stories::StoriesScreen>),
}

/// The whole state of the app.
pub struct App {
    /// Open screens, the one in front last. Leaving the last one quits.
    screens: Vec<Screen>,
    /// The help panel, over whatever screen is in front.
    help: Option<HelpState>,
    deck: Deck,
    theme: Theme,
    keymap: Keymap,
    size: (u16, u16),
    /// A message shown in the status bar until the next key.
    message: Option<String>,
    /// The tree node each card sits directly under.
    card_node: Vec<usize>,
    /// Card index by card id.
    id_index: HashMap<String, usize>,
    index: SearchIndex,
    matcher: nucleo_matcher::Matcher,
    /// Defaults for a new mock interview (from the config).
    mock_defaults: MockSettings,
    /// Every card's stored progress, by card id (cards never reviewed are absent).
    states: HashMap<String, CardState>,
    /// Due, new and mastered cards under each tree node, by node index.
    counts: Vec<NodeCounts>,
    /// Each card's progress as the mock selection sees it, by card index.
    standing: Vec<Standing>,
    /// Reads the wall clock for records; tests replace it.
    wall_clock: fn() -> i64,
    /// The hour (local time) a study day starts, for "due today".
    day_start_hour: u8,
    /// The time of the last update, for drawing countdowns.
    now: Instant,
    measures: Measures,
    /// Grades the store refused and the person gave up, for the exit status.
    grades_lost: usize,
    /// Every message shown since start, for the messages panel.
    history: Vec<String>,
    /// The plan to an interview date, for the browser's header line.
    plan: Option<crate::plan::Tracker>,
    /// The coverage hint over this deck's key points, built the first time an answer
    /// is judged.
    /// Shared with the thread that builds it ahead of a mock or a typed review.
    hinter: std::sync::Arc<std::sync::OnceLock<crate::hint::Hinter>>,
    /// `review --type`: reviews open each card on the answer box.
    review_typing: bool,
    /// The person's own answers, by card id.
    notes: HashMap<String, String>,
    /// The in-app editor of an own answer, over the screen in front.
    note_editor: Option<NoteEditor>,
    /// The story bank.
    stories: Vec<crate::store::Story>,
}

impl App {
    /// An App on the browser over `deck`.
    pub fn new(deck: Deck, theme: Theme, keymap: Keymap) -> App {
        let browse = BrowseState::new(&deck.tree);
        let mut app = App::without_screens(deck, theme, keymap);
        app.screens.push(Screen::Browse(Box::new(browse)));
        app
    }

    /// An App with no screen yet: a command that opens one screen directly (a review
    /// or a mock interview) quits when the person leaves it.
    pub fn without_screens(deck: Deck, theme: Theme, keymap: Keymap) -> App {
        let mut card_node = vec![0; deck.cards.len()];
        for (n, node) in deck.tree.nodes.iter().enumerate() {
            for &c in &node.cards {
                card_node[c] = n;
            }
        }
        let id_index = deck
            .cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        App {
            screens: Vec::new(),
            help: None,
            index: SearchIndex::new(&deck.cards),
            standing: vec![Standing::default(); deck.cards.len()],
            card_node,
            id_index,
            deck,
            theme,
            keymap,
            size: (120, 40),
            message: None,
            matcher: crate::search::new_matcher(),
            mock_defaults: MockSettings::default(),
            states: HashMap::new(),
            counts: Vec::new(),
            wall_clock: crate::clock::now_unix,
            day_start_hour: crate::clock::DEFAULT_DAY_START_HOUR,
            now: Instant::now(),
            measures: Measures::default(),
            grades_lost: 0,
            history: Vec::new(),
            plan: None,
            hinter: std::sync::Arc::default(),
            review_typing: false,
            notes: HashMap::new(),
            note_editor: None,
            stories: Vec::new(),
        }
    }

    /// Reviews open each card on the answer box (`review --type`): the checklist then
    /// starts from the coverage hint.
    pub fn set_review_typing(&mut self, on: bool) {
        self.review_typing = on;
    }

    /// Replaces the wall clock (tests pin it).
    pub fn with_clock(mut self, clock: fn() -> i64) -> App {
        self.wall_clock = clock;
        self
    }

    /// Starts study days at `hour` o'clock local time (the config's
    /// `review.day_starts_at`), and recounts what is due today.
    pub fn with_day_start(mut self, hour: u8) -> App {
        self.day_start_hour = hour;
        self.refresh_progress();
        self
    }

    /// The study-day shift at `at` (`clock::day_shift`) for the configured day start.
    pub fn day_shift(&self, at: i64) -> i64 {
        crate::clock::day_shift(at, self.day_start_hour)
    }

    /// Sets the defaults a new mock interview starts from.
    pub fn with_mock_defaults(mut self, defaults: MockSettings) -> App {
        self.mock_defaults = defaults;
        self
    }

    // Reading the state, for drawing and for the runtime.

    pub fn screen(&self) -> Option<&Screen> {
        self.screens.last()
    }

    /// The browser's state, when a browser is open (in front or behind other screens).
    pub fn browse(&self) -> Option<&BrowseState> {
        self.screens.iter().find_map(|s| match s {
            Screen::Browse(b) => Some(b.as_ref()),
            _ => None,
        })
    }

    pub fn help(&self) -> Option<&HelpState> {
        self.help.as_ref()
    }

    pub fn deck(&self) -> &Deck {
        &self.deck
    }

    /// The coverage hint over this deck's key points (its weights are built once).
    pub fn hinter(&self) -> &crate::hint::Hinter {
        hinter_of(&self.hinter, &self.deck)
    }

    /// Starts building the coverage hint on another thread, when it is not built yet:
    /// its weights cover every key point of the deck (about a second at 100,000 cards),
    /// and a mock or a typed review needs them once the first answer is in. Whoever
    /// needs them first waits only for what is left.
    fn warm_hinter(&self) {
        if self.hinter.get().is_some() {
            return;
        }
        let points: Vec<String> = self
            .deck
            .cards
            .iter()
            .flat_map(|c| c.key_points.iter().cloned())
            .collect();
        let cell = std::sync::Arc::clone(&self.hinter);
        let spawned = std::thread::Builder::new()
            .name("coverage hint".to_string())
            .spawn(move || {
                cell.get_or_init(|| crate::hint::Hinter::new(points.iter().map(String::as_str)));
            });
        // Without a thread the hint is built when first needed, as before.
        drop(spawned);
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    pub fn now(&self) -> Instant {
        self.now
    }

    /// The wall-clock time in Unix seconds, from the App's clock.
    pub fn unix_now(&self) -> i64 {
        (self.wall_clock)()
    }

    pub fn states(&self) -> &HashMap<String, CardState> {
        &self.states
    }

    pub fn counts(&self) -> &[NodeCounts] {
        &self.counts
    }

    pub fn standing(&self) -> &[Standing] {
        &self.standing
    }

    pub fn mock_defaults(&self) -> &MockSettings {
        &self.mock_defaults
    }

    /// The tree node a card sits directly under.
    pub fn card_node(&self, card: usize) -> usize {
        self.card_node.get(card).copied().unwrap_or(0)
    }

    /// A card's index in the deck, by id.
    pub fn card_index(&self, id: &str) -> Option<usize> {
        self.id_index.get(id).copied()
    }

    /// True while there is work for `Action::Idle`. The all-fields index is built only
    /// under a browser, the one screen that searches: `prepdeck mock` or `review` alone
    /// never needs it.
    pub fn has_idle_work(&self) -> bool {
        self.search_running()
            || (self.browse().is_some() && self.index.has_idle_work(&self.deck.cards))
    }

    /// True when the next idle step changes what is on screen (a search going through
    /// the cards shows its hits as they come), so a frame should follow it.
    pub fn idle_work_shows(&self) -> bool {
        self.search_running()
    }

    /// The key context that applies now.
    pub fn context(&self) -> Context {
        if self.help.is_some() {
            return Context::Help;
        }
        if let Some(context) = self.note_context() {
            return context;
        }
        match self.screen() {
            Some(Screen::Review(r)) => match r.side {
                Side::Question => Context::Review,
                Side::Typing => Context::ReviewTyping,
                Side::Answer => Context::ReviewAnswer,
                Side::Summary => Context::ReviewSummary,
            },
            Some(Screen::Stats(_)) => Context::Stats,
            Some(Screen::Stories(s)) => App::stories_context(s),
            Some(Screen::Mock(m)) => match m.phase {
                Phase::Setup => Context::MockSetup,
                Phase::Asking => Context::Mock,
                Phase::Paused { .. } => Context::MockPaused,
                Phase::Debrief => Context::Debrief,
                Phase::Result => Context::MockResult,
            },
            Some(Screen::Browse(b)) if b.search.is_some() => Context::Search,
            Some(Screen::Browse(_)) | None => Context::Browse,
        }
    }

    /// The context whose keys the help panel lists: the one under it.
    pub fn help_context(&self) -> Context {
        self.help
            .as_ref()
            .map_or_else(|| self.context(), |h| h.context)
    }

    /// The browser's panes for the current size and focus.
    pub fn areas(&self) -> Areas {
        let focus = self.browse().map_or(Focus::Tree, |b| b.focus);
        layout::areas(
            Rect::new(0, 0, self.size.0, self.size.1),
            focus,
            self.plan_header().is_some(),
        )
    }

    /// The card shown in the browser's card pane, if a card row is selected.
    pub fn selected_card(&self) -> Option<usize> {
        match self.browse()?.tree.current() {
            Some(Row::Card(c)) => Some(c),
            _ => None,
        }
    }

    /// True while a clock on screen is counting, so the runtime must wake up for it.
    pub fn ticking(&self) -> bool {
        self.next_tick(self.now).is_some()
    }

    /// How long the runtime may sleep before the screen must be redrawn: a mock's clock,
    /// or a review waiting for a card still in its steps.
    pub fn next_tick(&self, now: Instant) -> Option<std::time::Duration> {
        match self.screen() {
            Some(Screen::Mock(m)) if m.ticking() => Some(m.next_tick(now)),
            Some(Screen::Review(r)) if r.session.waiting_until().is_some() => {
                Some(std::time::Duration::from_secs(1))
            }
            _ => None,
        }
    }

    /// The only writer of the App.
    pub fn update(&mut self, msg: impl Into<Msg>, now: Instant) -> Option<Effect> {
        self.now = now;
        let effect = self.apply(msg.into(), now);
        self.remember_message();
        effect
    }

    fn apply(&mut self, msg: Msg, now: Instant) -> Option<Effect> {
        match msg {
            Msg::Action(action) => self.act(action, now),
            Msg::Drawn(measures) => {
                if let Some(help) = self.help.as_mut() {
                    help.scroll = help.scroll.min(measures.help_max_scroll);
                }
                if let Some(Screen::Stats(stats)) = self.screens.last_mut() {
                    stats.clamp_scroll(measures.stats_max_scroll);
                }
                self.measures = measures;
                self.clamp_card_scroll();
                None
            }
            Msg::Saved { changes, note } => {
                self.apply_changes(changes);
                if note.is_some() {
                    self.message = note;
                }
                None
            }
            Msg::MockSaved {
                report,
                changes,
                refused,
            } => {
                self.apply_changes(changes);
                self.message = Some(match refused {
                    None => format!("report written to {}", report.display()),
                    Some((error, lost)) => {
                        self.grades_lost += lost;
                        format!(
                            "the grades were NOT saved ({error}); the report, which says so, is in {}",
                            report.display()
                        )
                    }
                });
                None
            }
            Msg::ReviewReady {
                session,
                two_button,
            } => {
                self.open_review(*session, two_button, now);
                None
            }
            Msg::StatsReady(stats) => {
                self.open_stats(*stats);
                None
            }
            Msg::DeckReloaded(deck) => {
                self.replace_deck(*deck);
                self.message = Some("content reloaded".to_string());
                None
            }
            Msg::Message(text) => {
                self.message = Some(text);
                None
            }
            Msg::StoriesChanged {
                stories,
                select,
                message,
            } => {
                self.stories_changed(stories, select);
                self.message = Some(message);
                None
            }
            Msg::NoteSaved {
                card,
                text,
                message,
            } => {
                self.note_saved(&card, text);
                self.message = Some(message);
                None
            }
            Msg::GradeRefused(error) => {
                match self.screens.last_mut() {
                    Some(Screen::Review(r)) => r.grade_refused(error, now),
                    _ => self.message = Some(format!("the grade was NOT saved: {error}")),
                }
                None
            }
        }
    }

    /// Grades given up unsaved when the person stopped anyway.
    pub fn grades_lost(&self) -> usize {
        self.grades_lost
    }

    fn act(&mut self, action: Action, now: Instant) -> Option<Effect> {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                let height = self.tree_height();
                if let Some(b) = self.browse_mut() {
                    b.tree.keep_visible(height);
                }
                return None;
            }
            Action::Idle => {
                if self.search_running() {
                    self.search_idle_step();
                } else {
                    self.index.idle_step(&self.deck.cards);
                }
                return None;
            }
            _ => {}
        }
        // A message stays until the next key; time passing does not clear it.
        if action != Action::Tick {
            self.message = None;
        }
        if self.help.is_some() {
            return self.update_help(action);
        }
        let panel = match action {
            Action::Help => Some(PanelKind::Keys),
            Action::Messages => Some(PanelKind::Messages),
            Action::Problems => Some(PanelKind::Problems),
            _ => None,
        };
        if let Some(kind) = panel {
            self.help = Some(HelpState::of(self.context(), kind));
            return None;
        }
        if self.note_editor.is_some() {
            return self.update_note(action);
        }
        if let Action::WriteNote | Action::WriteNoteInEditor = action {
            return self.open_note(action == Action::WriteNoteInEditor);
        }
        if action == Action::OpenStories {
            self.open_stories();
            return None;
        }
        match self.screens.last() {
            Some(Screen::Mock(_)) => self.update_mock(action, now),
            Some(Screen::Review(_)) => self.update_review(action, now),
            Some(Screen::Stats(_)) => self.update_stats(action),
            Some(Screen::Stories(_)) => self.update_stories(action),
            Some(Screen::Browse(b)) if b.search.is_some() => {
                self.update_search(action);
                None
            }
            Some(Screen::Browse(_)) => self.update_browse(action, now),
            None => Some(Effect::Quit),
        }
    }

    /// Closes the screen in front and goes back to the one it was opened from; quits
    /// when it was the last.
    fn leave(&mut self) -> Option<Effect> {
        self.screens.pop();
        if self.screens.is_empty() {
            return Some(Effect::Quit);
        }
        None
    }

    fn browse_mut(&mut self) -> Option<&mut BrowseState> {
        self.screens.iter_mut().find_map(|s| match s {
            Screen::Browse(b) => Some(b.as_mut()),
            _ => None,
        })
    }

    /// A short status message, for a command that prints it after the screens close or
    /// when nothing could be opened.
    pub fn take_message(&mut self) -> Option<String> {
        self.message.take()
    }

    /// Tree nodes (folders, files, topics) named `name`, any case; when none is named
    /// exactly, those whose name contains it.
    pub fn topic_nodes(&self, name: &str) -> Vec<usize> {
        self.deck.tree.named(name)
    }

    /// The first `n` top-level and second-level topic names, for hints.
    pub fn topic_names(&self, n: usize) -> Vec<String> {
        self.deck.tree.first_names(n)
    }

    /// A card's id, for effects that name cards.
    fn card_id(&self, card: usize) -> CardId {
        CardId::from(self.deck.cards[card].id.as_str())
    }
}

/// The hint in `cell`, built over `deck`'s key points the first time: a free function so
/// a caller can hold it while it changes another field of the App.
fn hinter_of<'a>(
    cell: &'a std::sync::OnceLock<crate::hint::Hinter>,
    deck: &Deck,
) -> &'a crate::hint::Hinter {
    cell.get_or_init(|| {
        crate::hint::Hinter::new(
            deck.cards
                .iter()
                .flat_map(|c| c.key_points.iter().map(String::as_str)),
        )
    })
}
