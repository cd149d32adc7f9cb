//! While a large deck is read: after a moment the terminal opens on a frame that follows
//! the count of files and cards, so the first frame does not wait for the whole deck.
//! Keys typed meanwhile are kept for the screens; q, Esc or Ctrl-c, pressed before any
//! other key, stop the reading and quit.

use std::io::IsTerminal;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use super::{BenchExit, OpenTerminal, bench_exit};
use crate::load::LoadProgress;
use crate::theme::Theme;

/// How long a load may take before its progress is drawn: a deck read within it opens
/// straight on the screen, with no progress frame flashing by.
pub const GRACE: Duration = Duration::from_millis(40);

/// How often the progress is redrawn.
const REDRAW: Duration = Duration::from_millis(50);

/// How often the load is checked on between events.
const CHECK: Duration = Duration::from_millis(2);

/// How waiting for a load ended.
pub enum Waited {
    /// The load is finished; the terminal is open if its progress was drawn.
    Loaded(Option<OpenTerminal>),
    /// The person stopped it.
    Quit,
}

/// Waits until the load says it is done on `done` (a message, or the sender dropped),
/// drawing its progress once it takes longer than `GRACE` and standard output is a
/// terminal.
pub fn wait(
    done: &mpsc::Receiver<()>,
    progress: &LoadProgress,
    theme: &Theme,
) -> anyhow::Result<Waited> {
    let finished_within = |wait: Duration| match done.recv_timeout(wait) {
        Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => true,
        Err(mpsc::RecvTimeoutError::Timeout) => false,
    };
    if finished_within(GRACE) || !std::io::stdout().is_terminal() {
        return Ok(Waited::Loaded(None));
    }
    let mut opened = OpenTerminal::open()?;
    loop {
        opened
            .terminal
            .draw(|frame| crate::ui::loading::draw(frame, progress.counts(), theme))?;
        if bench_exit() == Some(BenchExit::FirstFrame) {
            // Measured from spawn to exit: end now, not after the threads still reading.
            drop(opened);
            std::process::exit(0);
        }
        let redraw_at = Instant::now() + REDRAW;
        while Instant::now() < redraw_at {
            if finished_within(Duration::ZERO) {
                return Ok(Waited::Loaded(Some(opened)));
            }
            if !event::poll(CHECK)? {
                continue;
            }
            let event = event::read()?;
            if opened.pending.is_empty() && stops(&event) {
                progress.stop();
                return Ok(Waited::Quit);
            }
            if matches!(event, Event::Resize(..)) {
                break;
            }
            opened.pending.push_back(event);
        }
    }
}

/// q, Esc or Ctrl-c: the keys that quit every screen.
fn stops(event: &Event) -> bool {
    let Event::Key(key) = event else {
        return false;
    };
    key.kind == KeyEventKind::Press
        && match key.code {
            KeyCode::Char('q') | KeyCode::Esc => key.modifiers.is_empty(),
            KeyCode::Char('c') => key.modifiers == KeyModifiers::CONTROL,
            _ => false,
        }
}
