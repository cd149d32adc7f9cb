//! Runs the App in a real terminal: one place turns terminal events into actions,
//! performs effects, and keeps the terminal sane on exit, panic, signals and Ctrl-Z.
//!
//! The loop blocks on input and redraws only after an event, so an idle browser uses no
//! CPU once the work left for idle moments (the all-fields search index) is done.

pub mod loading;

use std::collections::VecDeque;
use std::io::{IsTerminal, Write, stdout};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers, MouseButton, MouseEventKind,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::action::Action;
use crate::app::{App, Effect, Msg};
use crate::effects::Effects;
use crate::keymap::Context;
use crate::ui::{self, View};

/// Set to 1 to quit right after the first frame is drawn, whatever it shows (the
/// progress of a large deck being read, or the screen); set to `screen` to quit after
/// the first frame of the screen itself, once the whole deck is read. For start-up
/// benchmarks.
pub const BENCH_EXIT_ENV: &str = "PREPDECK_BENCH_EXIT_AFTER_FIRST_FRAME";

/// When to quit for a start-up benchmark (`BENCH_EXIT_ENV`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BenchExit {
    FirstFrame,
    ScreenFrame,
}

/// The benchmark exit asked for, if any.
pub fn bench_exit() -> Option<BenchExit> {
    match std::env::var(BENCH_EXIT_ENV).ok()?.as_str() {
        "1" => Some(BenchExit::FirstFrame),
        "screen" => Some(BenchExit::ScreenFrame),
        _ => None,
    }
}

/// In debug builds, set to 1 to panic right after the first frame is drawn: the tests
/// check that the panic hook gives the terminal back.
pub const TEST_PANIC_ENV: &str = "PREPDECK_TEST_PANIC_AFTER_FIRST_FRAME";

/// The terminal while prepdeck holds it (raw mode, alternate screen, mouse), with the
/// events read before the screens were ready to take them. Dropping it gives the
/// terminal back.
pub struct OpenTerminal {
    terminal: DefaultTerminal,
    /// Keys typed while the deck was read, for the screens to take first.
    pending: VecDeque<Event>,
}

impl OpenTerminal {
    /// Takes the terminal: fails when standard output is not one.
    pub fn open() -> anyhow::Result<OpenTerminal> {
        if !stdout().is_terminal() {
            anyhow::bail!(
                "prepdeck's screens need a terminal; use `prepdeck check` for text output"
            );
        }
        let terminal = start()?;
        watch_signals();
        Ok(OpenTerminal {
            terminal,
            pending: VecDeque::new(),
        })
    }
}

impl Drop for OpenTerminal {
    fn drop(&mut self) {
        stop();
    }
}

/// Runs the app until the person quits, in the terminal already open or in one opened
/// now. Returns the lines to print once the terminal is back to normal (such as where a
/// report was written).
pub fn run(
    app: &mut App,
    effects: &mut Effects,
    opened: Option<OpenTerminal>,
) -> anyhow::Result<Vec<String>> {
    let mut opened = match opened {
        Some(opened) => opened,
        None => OpenTerminal::open()?,
    };
    let mut notes = Vec::new();
    let result = event_loop(&mut opened, app, effects, &mut notes);
    drop(opened);
    match result {
        // The window closed or the connection dropped: like SIGHUP, every grade is
        // already saved, and there is no terminal left to say anything on.
        Err(err) if terminal_gone(&err) => std::process::exit(HANGUP_STATUS),
        other => other.map(|()| notes),
    }
}

/// The exit status when the terminal goes away: 128 + SIGHUP, as if hung up.
pub const HANGUP_STATUS: i32 = 129;

/// True when an error means the terminal itself is gone (its pty closed): reads and
/// writes fail with EIO, or the device has no reader any more.
fn terminal_gone(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| {
            matches!(
                e.kind(),
                std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::UnexpectedEof
            ) || matches!(
                e.raw_os_error(),
                Some(libc::EIO | libc::ENXIO | libc::EBADF)
            )
        })
}

fn start() -> anyhow::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        stop();
        previous(info);
    }));
    execute!(stdout(), EnableMouseCapture)?;
    Ok(terminal)
}

/// Puts the terminal back: mouse off, main screen, cursor shown, raw mode off. Every
/// step is tried and none can fail loudly: this also runs when the terminal is gone,
/// from a signal handler's thread and from the panic hook.
pub fn stop() {
    let mut out = stdout();
    let _ = execute!(
        out,
        DisableMouseCapture,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = out.flush();
}

fn event_loop(
    opened: &mut OpenTerminal,
    app: &mut App,
    effects: &mut Effects,
    notes: &mut Vec<String>,
) -> anyhow::Result<()> {
    let OpenTerminal { terminal, pending } = opened;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height), Instant::now());
    let bench = bench_exit().is_some();
    let mut view = View::default();
    loop {
        terminal.draw(|frame| ui::draw(frame, app, &mut view))?;
        app.update(Msg::Drawn(view.measures()), Instant::now());
        if bench {
            return Ok(());
        }
        if cfg!(debug_assertions) && std::env::var(TEST_PANIC_ENV).is_ok_and(|v| v == "1") {
            panic!("{TEST_PANIC_ENV} is set");
        }
        // Background work runs a slice at a time while no key is waiting; work that
        // shows (a search's hits coming in) is drawn after each slice.
        let mut shown = false;
        while app.has_idle_work() && pending.is_empty() && !event::poll(Duration::ZERO)? {
            shown = app.idle_work_shows();
            app.update(Action::Idle, Instant::now());
            if shown {
                break;
            }
        }
        if shown {
            continue;
        }
        let event = match pending.pop_front() {
            Some(typed_earlier) => Some(typed_earlier),
            None => match app.next_tick(Instant::now()) {
                Some(wait) if !event::poll(wait)? => None,
                _ => Some(event::read()?),
            },
        };
        let action = match event {
            None => Action::Tick,
            Some(e) => match to_action(app, e) {
                Some(a) => a,
                None => continue,
            },
        };
        let mut next = app.update(action, Instant::now());
        // An effect's outcome comes back as a message, which may ask for more.
        while let Some(effect) = next.take() {
            let outcome = match effect {
                Effect::Quit => return Ok(()),
                Effect::Suspend => {
                    suspend(terminal)?;
                    continue;
                }
                Effect::Edit(card) => {
                    stop();
                    let outcome = effects.edit(app, &card);
                    *terminal = resume()?;
                    outcome
                }
                Effect::EditNote(card) => {
                    stop();
                    let outcome = effects.edit_note(app, &card);
                    *terminal = resume()?;
                    outcome
                }
                effect => effects.perform(app, effect, notes),
            };
            next = app.update(outcome, Instant::now());
        }
    }
}

/// The one place where terminal events become actions.
pub fn to_action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => key_action(app, key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(m.column, m.row, 1)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(m.column, m.row, -1)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Paste(text) if app.context() == Context::Search => {
            text.chars().next().map(Action::Input)
        }
        _ => None,
    }
}

fn key_action(app: &App, key: KeyEvent) -> Option<Action> {
    let context = app.context();
    if let Some(action) = app.keymap().action(context, key) {
        return Some(action);
    }
    if matches!(
        context,
        Context::Mock | Context::ReviewTyping | Context::Note | Context::StoryForm
    ) {
        return Some(Action::TextKey(key));
    }
    if context == Context::Search {
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        return match key.code {
            KeyCode::Char(c) if plain => Some(Action::Input(c)),
            KeyCode::Backspace => Some(Action::Backspace),
            _ => None,
        };
    }
    None
}

/// Ctrl-Z: give the terminal back, stop, and on `fg` take it again with a full redraw.
fn suspend(terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
    stop();
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    *terminal = resume()?;
    Ok(())
}

/// Takes the terminal back after handing it to the shell or an editor. A new Terminal
/// redraws every cell on its first frame; the screen is cleared with a plain escape
/// rather than `Terminal::clear`, which asks the terminal for the cursor position and
/// fails on terminals that do not answer.
fn resume() -> anyhow::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    execute!(
        stdout(),
        EnableMouseCapture,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    Ok(terminal)
}

/// SIGTERM, SIGHUP and SIGINT restore the terminal before the process ends. Every grade
/// is already committed, so ending here loses nothing.
fn watch_signals() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    stop();
                    std::process::exit(128 + signal);
                }
            });
        }
    }
}
