//! Helpers shared by the integration tests: building an App on fixture text, rendering
//! it into a TestBackend, and running the real binary in a pseudo-terminal.

#![allow(dead_code)]

pub mod pty;
pub mod rig;

use std::process::{Command, Output};
use std::time::Instant;

use prepdeck::action::Action;
use prepdeck::app::{App, Measures, Msg};
use prepdeck::keymap::Keymap;
use prepdeck::load::{Deck, load_text};
use prepdeck::theme::Theme;
use prepdeck::ui::View;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub const CANONICAL: &str = include_str!("../fixtures/layouts/canonical.md");
pub const HUGE: &str = include_str!("../fixtures/browser/huge.md");

/// An App over one fixture file, sized like a terminal of `w` × `h`.
pub fn app_with(name: &str, text: &str, w: u16, h: u16) -> App {
    app_from_deck(load_text(name, text), w, h)
}

pub fn app_from_deck(deck: Deck, w: u16, h: u16) -> App {
    app_with_keymap(deck, w, h, Keymap::default())
}

/// An App over `deck` whose keys are `keymap`.
pub fn app_with_keymap(deck: Deck, w: u16, h: u16, keymap: Keymap) -> App {
    let mut app = App::new(deck, Theme::default(), keymap);
    app.update(Action::Resize(w, h), Instant::now());
    app
}

/// One card with twelve key points that each wrap over several lines: more than a
/// screen of them, to see a cursor kept in view.
pub fn many_points_deck() -> Deck {
    let long = (1..=12)
        .map(|i| {
            format!(
                "- point {i}: {}",
                "words that wrap over the width of the pane ".repeat(3)
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let text = format!("## Many points?\n\n### Answer\nShort.\n\n### Key points\n{long}\n");
    load_text("many.md", &text)
}

/// Sends actions in order, each followed by a frame and its measurements, as the
/// runtime does.
pub fn press(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(*action, Instant::now());
        let (_, measures) = draw(app);
        app.update(Msg::Drawn(measures), Instant::now());
    }
}

/// Draws the App into a fresh TestBackend of its size.
pub fn render(app: &App) -> Terminal<TestBackend> {
    draw(app).0
}

/// Draws the App, and says what the frame measured.
pub fn draw(app: &App) -> (Terminal<TestBackend>, Measures) {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut view = View::default();
    terminal
        .draw(|f| prepdeck::ui::draw(f, app, &mut view))
        .unwrap();
    (terminal, view.measures())
}

/// The screen as plain text, one line per row.
pub fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

/// Runs the real binary with a private, empty config folder and data folder, so no test
/// reads or creates the person's own files.
pub fn prepdeck(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("temporary folder");
    prepdeck_in(home.path(), args)
}

/// Runs `prepdeck ARGS` with its data folder and an empty config folder in `home`, so
/// that runs can share a database.
pub fn prepdeck_in(home: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .args(args)
        .env_remove("PREPDECK_CONFIG")
        .env("PREPDECK_DATA_DIR", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .expect("run prepdeck")
}

/// The fixture in tests/fixtures/layouts, loaded as the app loads a file.
pub fn load_layout_fixture(name: &str) -> Deck {
    prepdeck::load::load(&[prepdeck::load::ContentSource::Path(
        layout_fixture(name).into(),
    )])
    .expect("fixture exists")
}

/// The card whose question starts with `question_start`.
pub fn card_starting<'a>(deck: &'a Deck, question_start: &str) -> &'a prepdeck::model::Card {
    deck.cards
        .iter()
        .find(|c| c.question.starts_with(question_start))
        .unwrap_or_else(|| panic!("no card starting {question_start:?}"))
}

/// The path of a fixture in tests/fixtures/layouts.
pub fn layout_fixture(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/layouts")
        .join(name)
        .display()
        .to_string()
}
