//! A panic inside the screens gives the terminal back: raw mode off, main screen,
//! cursor shown, mouse reporting off; the panic message is printed after that. The
//! signal cases are in `e2e_browser.rs`, SIGKILL in `e2e_review.rs`.

mod common;

use common::pty::Pty;

#[test]
fn a_panic_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn_with_env(
        &[],
        home.path(),
        100,
        30,
        &[
            ("PREPDECK_TEST_PANIC_AFTER_FIRST_FRAME", "1"),
            ("RUST_BACKTRACE", "0"),
        ],
    );
    let code = pty.wait_exit(10);
    assert_eq!(code, 101, "the panic exit status");
    assert!(!pty.alternate_screen(), "main screen");
    assert!(pty.cooked_mode(), "raw mode off");
    assert!(!pty.cursor_hidden(), "cursor shown");
    let bytes = pty.bytes.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("Topics"), "a frame was drawn first");
    assert!(
        text.contains("PREPDECK_TEST_PANIC_AFTER_FIRST_FRAME is set"),
        "the panic message is shown: {text}"
    );
    // Mouse reporting was switched off after it was switched on.
    let on = text.rfind("\x1b[?1000h").expect("mouse on");
    let off = text.rfind("\x1b[?1000l").expect("mouse off");
    assert!(off > on);
}
