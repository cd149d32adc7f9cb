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
    pty.wait_for("113 cards", 5);
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
    }
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
    pty.send("q");
    assert_eq!(pty.wait_exit(10), 0);
    assert!(pty.cooked_mode());
}
