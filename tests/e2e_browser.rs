//! The real binary in a pseudo-terminal: opening the bundled questions, moving,
//! searching and quitting leave the terminal as it was; signals restore it too; and no
//! escape sequence from a file ever reaches the terminal.

mod common;

use common::pty::Pty;

#[test]
fn browse_search_and_quit_restore_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&[], home.path(), 100, 30);
    pty.wait_for("Topics", 10);
    assert!(
        pty.alternate_screen(),
        "the browser uses the alternate screen"
    );
    pty.wait_for("212 cards", 5);
    pty.send("j");
    pty.send("l");
    pty.send("j");
    pty.wait_for("Why it is asked", 5);
    pty.send("/");
    pty.wait_for("Search questions", 5);
    pty.send("argo cd");
    pty.wait_for("How does Argo CD work", 5);
    pty.send("\r");
    pty.wait_for(": n / N for the next", 5);
    pty.send("?");
    pty.wait_for("Help", 5);
    pty.send("\x1b");
    pty.send("q");
    assert_eq!(pty.wait_exit(10), 0);
    assert!(!pty.alternate_screen(), "back on the main screen");
    assert!(!pty.cursor_hidden(), "cursor visible again");
    assert!(pty.cooked_mode(), "raw mode is off");
}

#[cfg(unix)]
#[test]
fn signals_restore_the_terminal() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    for signal in [Signal::SIGTERM, Signal::SIGHUP, Signal::SIGINT] {
        let home = tempfile::tempdir().unwrap();
        let mut pty = Pty::spawn(&[], home.path(), 100, 30);
        pty.wait_for("Topics", 10);
        kill(Pid::from_raw(pty.pid()), signal).unwrap();
        let code = pty.wait_exit(10);
        assert_eq!(code, 128 + signal as u32, "{signal}");
        assert!(!pty.alternate_screen(), "{signal}: main screen");
        assert!(pty.cooked_mode(), "{signal}: raw mode off");
        assert!(!pty.cursor_hidden(), "{signal}: the cursor is shown again");
        let bytes = pty.bytes.lock().unwrap().clone();
        let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(64)..]).to_string();
        assert!(
            tail.contains("\x1b[?25h"),
            "{signal}: ends by showing the cursor: {tail:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_terminal_that_goes_away_ends_with_the_hangup_status_and_keeps_grades() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&["review", "--new", "3"], home.path(), 100, 30);
    pty.wait_for("Review · 3 left", 10);
    pty.send("3");
    pty.wait_for("Review · 3 left", 5);
    pty.send("4");
    pty.wait_for("Review · 2 left", 5);
    // The window closes: every end of the pty's master side goes away.
    let mut pty = pty.hang_up();
    let code = pty.wait_exit(10);
    assert_eq!(
        code, 129,
        "exits as if hung up, without a panic or an abort"
    );
    let store = prepdeck::store::Store::open(Some(&home.path().join("data"))).unwrap();
    assert_eq!(store.log(None).unwrap().len(), 2, "both grades are kept");
}

#[test]
fn a_dumb_terminal_gets_no_colour() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn_with_env(&[], home.path(), 100, 30, &[("TERM", "dumb")]);
    pty.wait_for("Topics", 10);
    pty.send("jj");
    pty.wait_for("Delivery", 5);
    {
        let parser = pty.parser();
        let screen = parser.screen();
        for row in 0..30 {
            for col in 0..100 {
                let cell = screen.cell(row, col).unwrap();
                assert_eq!(cell.fgcolor(), vt100::Color::Default, "({row}, {col})");
                assert_eq!(cell.bgcolor(), vt100::Color::Default, "({row}, {col})");
            }
        }
    }
    pty.send("q");
    assert_eq!(pty.wait_exit(10), 0);
}

#[test]
fn escape_sequences_in_content_are_never_emitted() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("evil.md");
    std::fs::write(
        &file,
        "## Evil \x1b]0;pwned-title\x07 question?\n\n### Answer\n\
         clip \x1b]52;c;cHduZWQ=\x07 dcs \x1bPqpwned\x1b\\ csi \x1b[2J\x1b[31m c1 \u{9b}31m bel \x07 nul \0 end\n",
    )
    .unwrap();
    let mut pty = Pty::spawn(&[file.to_str().unwrap()], home.path(), 100, 30);
    pty.wait_for("Topics", 10);
    pty.send("j");
    pty.send("j");
    pty.wait_for("Answer", 5);
    pty.send("q");
    pty.send("q");
    pty.wait_exit(10);
    let bytes = pty.bytes.lock().unwrap().clone();
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(has("clip".as_bytes()), "the card was shown");
    for needle in [
        &b"\x1b]0;pwned"[..],
        b"\x1b]52;",
        b"\x1bPq",
        b"\x07",
        "\u{9b}".as_bytes(),
        b"\x1b[31m c1",
        b"\0",
    ] {
        assert!(!has(needle), "emitted {needle:?}");
    }
}

#[cfg(unix)]
#[test]
fn ctrl_z_and_continue_redraw_the_screen() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&[], home.path(), 100, 30);
    pty.wait_for("Topics", 10);
    pty.send("\x1a");
    std::thread::sleep(std::time::Duration::from_millis(300));
    // A shell's `fg` sends SIGCONT; here the test does.
    let _ = kill(Pid::from_raw(pty.pid()), Signal::SIGCONT);
    pty.wait_for("Topics", 10);
    pty.send("j");
    pty.wait_for("CI/CD pipelines", 5);
    assert!(pty.alternate_screen());
    let bytes = pty.bytes.lock().unwrap().clone();
    let suspended_at = bytes
        .windows(8)
        .position(|w| w == b"\x1b[?1049l")
        .expect("the suspend left the alternate screen");
    let around =
        String::from_utf8_lossy(&bytes[suspended_at..(suspended_at + 64).min(bytes.len())])
            .to_string();
    assert!(
        around.contains("\x1b[?25h"),
        "the cursor is shown while suspended: {around:?}"
    );
    pty.send("q");
    assert_eq!(pty.wait_exit(10), 0);
    assert!(pty.cooked_mode());
}

#[test]
fn an_own_answer_written_in_the_app_is_there_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("01-cache.md");
    std::fs::write(
        &file,
        "# Caching\n\n## When would you cache?\n\n### Answer\nWhen reads dominate.\n\n### Example answer\nIn my last team we cached pages.\n",
    )
    .unwrap();
    let path = file.display().to_string();
    let mut pty = Pty::spawn(&[&path], home.path(), 100, 30);
    pty.wait_for("1 cards", 10);
    pty.send("G");
    pty.wait_for("When reads dominate", 5);
    pty.wait_for("None yet: w writes one in your own words.", 5);
    pty.send("w");
    pty.wait_for("Your own answer: your system, your numbers", 5);
    pty.send("At Acme: p99 from 900 ms to 40 ms");
    pty.wait_for("p99 from 900 ms to 40 ms", 5);
    pty.send("\x1b");
    pty.wait_for("saved your own answer", 5);
    pty.send("q");
    assert_eq!(pty.wait_exit(10), 0);

    let mut again = Pty::spawn(&[&path], home.path(), 100, 30);
    again.wait_for("1 cards", 10);
    again.send("G");
    again.wait_for("At Acme: p99 from 900 ms to 40 ms", 5);
    again.send("q");
    assert_eq!(again.wait_exit(10), 0);
    let store = prepdeck::store::Store::open(Some(&home.path().join("data"))).unwrap();
    let notes = store.notes().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "At Acme: p99 from 900 ms to 40 ms");
}

#[test]
fn a_deck_that_takes_long_shows_its_progress_then_the_browser_with_the_keys_typed_meanwhile() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = slow_deck(&[], home.path(), 1500);
    let screen = pty.screen();
    assert!(screen.contains("Nothing is shown until every card is read; q quits."));
    assert!(
        !screen.contains("Topics"),
        "no part of the deck is shown before it is all read:\n{screen}"
    );
    // Typed while the deck is read: opens the search once the browser is there.
    pty.send("/");
    pty.wait_for("Search questions", 10);
    pty.send("\x1b");
    pty.wait_for("212 cards", 5);
    pty.send("q");
    assert_eq!(pty.wait_exit(10), 0);
    assert!(!pty.alternate_screen(), "back on the main screen");
    assert!(pty.cooked_mode(), "raw mode is off");
}

#[test]
fn q_while_a_deck_is_read_stops_reading_and_gives_the_terminal_back() {
    for key in ["q", "\x03"] {
        let home = tempfile::tempdir().unwrap();
        let mut pty = slow_deck(&[], home.path(), 60000);
        pty.send(key);
        assert_eq!(pty.wait_exit(10), 0, "{key:?}");
        assert!(!pty.alternate_screen(), "{key:?}: back on the main screen");
        assert!(!pty.cursor_hidden(), "{key:?}: cursor visible again");
        assert!(pty.cooked_mode(), "{key:?}: raw mode is off");
    }
}

#[test]
fn review_with_nothing_to_do_after_a_long_load_says_so_on_the_main_screen() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = slow_deck(&["review", "--flagged"], home.path(), 800);
    assert_eq!(pty.wait_exit(10), 0);
    assert!(!pty.alternate_screen(), "back on the main screen");
    assert!(pty.cooked_mode(), "raw mode is off");
    pty.wait_for("nothing to review", 5);
}

/// prepdeck at 80×24 on a deck that takes `ms` longer to read (debug builds only), until
/// its progress frame is on screen.
fn slow_deck(args: &[&str], home: &std::path::Path, ms: u32) -> Pty {
    let ms = ms.to_string();
    let pty = Pty::spawn_with_env(
        args,
        home,
        80,
        24,
        &[("PREPDECK_TEST_SLOW_LOAD_MS", ms.as_str())],
    );
    pty.wait_for("cards so far", 10);
    pty
}
