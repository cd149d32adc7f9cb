//! The whole path a file takes: load → App → a few keys → render, at a small and a
//! normal size. The first two bytes choose the terminal size.
#![no_main]

use std::time::Instant;

use libfuzzer_sys::fuzz_target;
use prepdeck::action::Action;
use prepdeck::app::App;
use prepdeck::keymap::Keymap;
use prepdeck::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fuzz_target!(|bytes: &[u8]| {
    let (w, h, body) = match bytes {
        [w, h, rest @ ..] => (u16::from(*w % 160) + 1, u16::from(*h % 60) + 1, rest),
        _ => (80, 24, bytes),
    };
    let text = String::from_utf8_lossy(body);
    let deck = prepdeck::load::load_text("fuzz/01-file.md", &text);
    let mut app = App::new(deck, Theme::default(), Keymap::default());
    let now = Instant::now();
    app.update(Action::Resize(w, h), now);
    let draw = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
        terminal.draw(|f| prepdeck::ui::draw(f, app)).unwrap();
    };
    draw(&app);
    for action in [
        Action::MoveDown,
        Action::Open,
        Action::ToggleExtras,
        Action::PageDown,
    ] {
        app.update(action, now);
    }
    draw(&app);
});
