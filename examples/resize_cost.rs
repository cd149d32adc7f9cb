//! What resizing costs with a hostile card on screen: a card whose answer is one 5 MB
//! line, drawn at alternating widths like a window being dragged, as the browser draws
//! after each resize. Prints the time per resize and the peak memory of the process:
//! `cargo run --profile bench --example resize_cost [-- RESIZES]` (BENCHMARKS.md).

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use prepdeck::action::Action;
use prepdeck::app::{App, Msg};
use prepdeck::keymap::Keymap;
use prepdeck::load::load_text;
use prepdeck::theme::Theme;
use prepdeck::ui::View;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    let resizes: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let line = "lorem ipsum dolor sit amet ".repeat(5 * 1024 * 1024 / 27);
    let text = format!("## A card with a very long answer?\n\n### Answer\n{line}\n");
    let deck = load_text("huge.md", &text);
    let mut app = App::new(deck, Theme::default(), Keymap::default());
    let now = Instant::now();
    app.update(Action::Resize(160, 50), now);
    app.jump_to_card(0);
    app.update(Action::FocusNext, now);
    let mut view = View::default();
    let started = Instant::now();
    for i in 0..resizes {
        let (w, h) = if i % 2 == 0 { (160, 50) } else { (120, 40) };
        let w = w + u16::try_from(i % 7).unwrap_or(0);
        app.update(Action::Resize(w, h), Instant::now());
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| prepdeck::ui::draw(f, &app, &mut view))
            .unwrap();
        app.update(Msg::Drawn(view.measures()), Instant::now());
    }
    let per = started.elapsed() / u32::try_from(resizes.max(1)).unwrap_or(1);
    println!(
        "{resizes} resizes with a 5 MB line on screen: {:.2} ms per resize, peak RSS {} MiB",
        per.as_secs_f64() * 1000.0,
        peak_rss_mib()
    );
}

/// The process's peak resident memory, from getrusage.
fn peak_rss_mib() -> i64 {
    #[allow(unsafe_code)]
    // SAFETY: getrusage writes into our own zeroed struct and reads nothing else.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &raw mut usage);
        usage
    };
    usage.ru_maxrss / 1024
}
