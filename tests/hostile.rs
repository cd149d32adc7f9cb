//! Hostile content: every input here is opened the way `prepdeck FOLDER` opens it
//! (`load` over a folder), turned into an App, rendered at several sizes with a card
//! open, and quit. Each input sits next to `good.md`, whose three cards must all still
//! load, and every problem must name its file.
//!
//! Text fixtures live in `tests/fixtures/hostile/`; the binary and huge ones (the 1 MB
//! line, 10,000 nested levels, 100,000 tiny cards, random bytes, invalid UTF-8), the
//! symlink loop, the FIFO and the unreadable files are made by the tests in a temporary
//! folder, so no megabytes are committed.

mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use common::{app_from_deck, press, render, screen_text};
use prepdeck::action::Action::*;
use prepdeck::app::{App, Effect, Msg};
use prepdeck::load::{ContentSource, Deck, load};
use prepdeck::text::sanitize::is_safe;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile");
const GOOD_QUESTIONS: [&str; 3] = [
    "What does a load balancer do?",
    "What is a liveness probe?",
    "What is an SLO?",
];

/// A temporary content folder holding `good.md` and whatever `plant` adds.
fn folder(plant: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(FIXTURES).join("good.md"),
        dir.path().join("good.md"),
    )
    .unwrap();
    plant(dir.path());
    dir
}

fn load_folder(dir: &Path) -> Deck {
    load(&[ContentSource::Path(dir.to_path_buf())]).expect("the folder exists")
}

/// Every diagnostic, as `file: message`.
fn problems(deck: &Deck) -> Vec<String> {
    deck.warnings
        .iter()
        .chain(&deck.errors)
        .map(|d| format!("{}:{}: {}", d.file, d.line, d.message))
        .collect()
}

/// The deck still holds the good file's cards, and some problem names `file`.
fn assert_rest_loaded_and_named(deck: &Deck, file: &str) {
    for q in GOOD_QUESTIONS {
        assert!(
            deck.cards.iter().any(|c| c.question == q),
            "lost {q:?} from good.md"
        );
    }
    let all = problems(deck);
    assert!(
        all.iter().any(|p| p.contains(file)),
        "no problem names {file}: {all:#?}"
    );
}

/// No cell of the screen holds a control, bidirectional or zero-width character.
fn assert_screen_safe(app: &App, label: &str) {
    let terminal = render(app);
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        for c in cell.symbol().chars() {
            assert!(
                is_safe(c),
                "{label}: {c:?} reached the screen at {}x{}",
                app.size().0,
                app.size().1
            );
        }
    }
}

/// Opens the deck, walks every card at a few sizes with extras shown, and quits.
fn open_render_quit(deck: Deck, label: &str) -> App {
    let mut app = app_from_deck(deck, 100, 30);
    let cards = app.deck().cards.len().min(40);
    for (w, h) in [(100, 30), (20, 6), (200, 60)] {
        app.update(Resize(w, h), Instant::now());
        assert_screen_safe(&app, label);
    }
    app.update(Resize(100, 30), Instant::now());
    for card in 0..cards {
        app.jump_to_card(card);
        assert_screen_safe(&app, label);
    }
    for _ in 0..8 {
        press(&mut app, &[MoveDown]);
        assert_screen_safe(&app, label);
    }
    press(&mut app, &[Open, ToggleExtras, PageDown, PageDown]);
    for (w, h) in [(100, 30), (1, 1), (30, 8), (500, 200)] {
        app.update(Resize(w, h), Instant::now());
        assert_screen_safe(&app, label);
    }
    press(&mut app, &[Search, Input('w'), Input('h')]);
    assert_screen_safe(&app, label);
    press(&mut app, &[SearchCancel, Back, Back, Back]);
    assert_eq!(
        app.update(Quit, Instant::now()),
        Some(Effect::Quit),
        "{label}: quits cleanly"
    );
    app
}

fn card_where(app: &App, test: impl Fn(&str) -> bool) -> usize {
    app.deck()
        .cards
        .iter()
        .position(|c| test(&c.question))
        .expect("the card is in the deck")
}

fn copy_fixture(name: &str) -> impl FnOnce(&Path) {
    let name = name.to_string();
    move |dir: &Path| {
        std::fs::copy(Path::new(FIXTURES).join(&name), dir.join(&name)).unwrap();
    }
}

#[test]
fn escape_sequences_of_every_kind_are_shown_as_text() {
    let dir = folder(copy_fixture("escapes.md"));
    let deck = load_folder(dir.path());
    assert_eq!(deck.cards.len(), 5, "{:#?}", problems(&deck));
    let app = open_render_quit(deck, "escapes");
    // The first escape card's answer, open: the sequences are visible placeholders.
    let mut app = app;
    app.update(Resize(200, 60), Instant::now());
    let clear = card_where(&app, |q| q.contains("Clear"));
    app.jump_to_card(clear);
    press(&mut app, &[Open]);
    let text = screen_text(&render(&app));
    assert!(
        text.contains("\u{241b}]52;c;"),
        "OSC 52 shown as text:\n{text}"
    );
    assert!(text.contains("\u{241b}[2J"), "CSI shown as text:\n{text}");
}

#[test]
fn bidi_overrides_and_zero_width_characters_are_neutralised() {
    let dir = folder(copy_fixture("bidi.md"));
    let deck = load_folder(dir.path());
    // A question padded with zero-width characters is the same question as the plain
    // one: it gets the same id (disambiguated) and a duplicate warning naming the file.
    let dns: Vec<_> = deck
        .cards
        .iter()
        .filter(|c| c.question.starts_with("What is D"))
        .collect();
    assert_eq!(dns.len(), 2);
    assert!(
        problems(&deck)
            .iter()
            .any(|p| p.contains("bidi.md") && p.contains("duplicate question")),
        "{:#?}",
        problems(&deck)
    );
    let mut app = open_render_quit(deck, "bidi");
    app.update(Resize(120, 40), Instant::now());
    let dns = card_where(&app, |q| q.contains("DNS"));
    app.jump_to_card(dns);
    let text = screen_text(&render(&app));
    // Shown in logical order with the override removed: it cannot pose as "exe.pdf".
    assert!(text.contains("fdp.exe"), "{text}");
    assert_eq!(
        text.matches("· What is DNS?").count(),
        2,
        "both DNS questions look alike, and a warning says they are duplicates:\n{text}"
    );
}

#[test]
fn a_one_megabyte_line() {
    let dir = folder(|d| {
        let mut text = String::from("## What is on this very long line?\n\n### Answer\n");
        text.push_str(&"word ".repeat(1 << 18)[..1 << 20]);
        text.push('\n');
        text.push_str("## Short question after it?\n\n### Answer\nyes\n");
        std::fs::write(d.join("long_line.md"), text).unwrap();
        // And one line of 1 MB with no newline and no space at all.
        std::fs::write(d.join("one_token.md"), "x".repeat(1 << 20)).unwrap();
    });
    let deck = load_folder(dir.path());
    assert!(deck.cards.iter().any(|c| c.question.starts_with("Short")));
    assert_rest_loaded_and_named(&deck, "one_token.md");
    open_render_quit(deck, "1 MB line");
}

#[test]
fn ten_thousand_nested_list_levels() {
    let dir = folder(|d| {
        let mut text =
            String::from("## How deep does this go?\n\n### Answer\nDeep.\n\n### Key points\n");
        text.push_str(&"- ".repeat(10_000));
        text.push_str("bottom\n");
        text.push_str(&"> ".repeat(10_000));
        text.push_str("quoted\n");
        // Lists, quotes and numbered lists inside each other, 10,000 deep in all.
        text.push_str(&"- > 1. ".repeat(3_334));
        text.push_str("mixed\n");
        std::fs::write(d.join("nested.md"), text).unwrap();
    });
    let deck = load_folder(dir.path());
    assert!(
        deck.cards
            .iter()
            .any(|c| c.question == "How deep does this go?")
    );
    open_render_quit(deck, "nested");
}

#[test]
fn a_hundred_thousand_tiny_cards() {
    let dir = folder(|d| {
        let mut text = String::with_capacity(2_000_000);
        for i in 0..100_000 {
            text.push_str(&format!("Q: q{i}?\nA: a\n\n"));
        }
        std::fs::write(d.join("tiny.md"), text).unwrap();
    });
    let deck = load_folder(dir.path());
    assert_eq!(deck.cards.len(), 100_000 + GOOD_QUESTIONS.len());
    for q in GOOD_QUESTIONS {
        assert!(deck.cards.iter().any(|c| c.question == q), "lost {q:?}");
    }
    assert!(problems(&deck).iter().all(|p| !p.contains("tiny.md")));
}

#[test]
fn a_binary_file_with_a_markdown_name_and_invalid_utf8() {
    let dir = folder(|d| {
        // Deterministic noise with NULs, escapes and high bytes.
        let mut x: u32 = 0x1234_5678;
        let noise: Vec<u8> = (0..64 * 1024)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8
            })
            .collect();
        std::fs::write(d.join("binary.md"), noise).unwrap();
        let mut bad =
            b"## Valid question?\n\n### Answer\nbad bytes \xff\xfe\xc3\x28 here \x80\n".to_vec();
        bad.extend_from_slice(b"## Another \xed\xa0\x80 surrogate?\n\n### Answer\nok\n");
        std::fs::write(d.join("invalid_utf8.md"), bad).unwrap();
    });
    let deck = load_folder(dir.path());
    assert_rest_loaded_and_named(&deck, "binary.md");
    assert_rest_loaded_and_named(&deck, "invalid_utf8.md");
    assert!(
        problems(&deck)
            .iter()
            .any(|p| p.contains("invalid_utf8.md") && p.contains("invalid UTF-8")),
        "{:#?}",
        problems(&deck)
    );
    assert!(deck.cards.iter().any(|c| c.question == "Valid question?"));
    open_render_quit(deck, "binary");
}

#[cfg(unix)]
#[test]
fn a_folder_symlink_loop() {
    let dir = folder(|d| {
        std::fs::create_dir(d.join("sub")).unwrap();
        std::os::unix::fs::symlink("..", d.join("sub").join("loop")).unwrap();
        std::os::unix::fs::symlink(".", d.join("self")).unwrap();
    });
    let deck = load_folder(dir.path());
    // good.md is read exactly once.
    assert_eq!(deck.cards.len(), GOOD_QUESTIONS.len());
    assert_rest_loaded_and_named(&deck, "loop");
    open_render_quit(deck, "symlink loop");
}

/// Files that cannot be read. Root reads any file whatever its mode, so under root the
/// mode-000 file is readable and two others stand in: a FIFO with no writer (reading it
/// would block forever; it used to hang the loader) and a dangling symlink.
#[cfg(unix)]
#[test]
fn unreadable_files_are_named_and_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(|d| {
        let locked = d.join("locked.md");
        std::fs::write(&locked, "## Secret?\n\n### Answer\nno\n").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        nix::unistd::mkfifo(&d.join("fifo.md"), nix::sys::stat::Mode::S_IRWXU).unwrap();
        std::os::unix::fs::symlink("nowhere.md", d.join("dangling.md")).unwrap();
    });
    let root = std::fs::read(dir.path().join("locked.md")).is_ok();
    let (tx, rx) = std::sync::mpsc::channel();
    let path = dir.path().to_path_buf();
    std::thread::spawn(move || tx.send(load_folder(&path)).unwrap());
    let deck = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("loading a folder with a FIFO in it must not hang");
    assert_rest_loaded_and_named(&deck, "fifo.md");
    assert_rest_loaded_and_named(&deck, "dangling.md");
    if root {
        eprintln!(
            "running as root: a mode-000 file is readable, so only the FIFO and the dangling symlink are unreadable here"
        );
    } else {
        assert_rest_loaded_and_named(&deck, "locked.md");
    }
    let _ = std::fs::set_permissions(
        dir.path().join("locked.md"),
        std::fs::Permissions::from_mode(0o644),
    );
    open_render_quit(deck, "unreadable");
}

/// A file that changes or disappears while the app runs: the app reloads (as after an
/// edit) and keeps working; a card that vanished is simply gone, the selection falls
/// back, and the rest stays.
#[test]
fn a_file_that_changes_or_disappears_while_running() {
    let dir = folder(|d| {
        std::fs::write(
            d.join("changing.md"),
            "## First version?\n\n### Answer\none\n\n## Stays?\n\n### Answer\nyes\n",
        )
        .unwrap();
        std::fs::write(d.join("doomed.md"), "## Doomed?\n\n### Answer\nbye\n").unwrap();
    });
    let sources = vec![ContentSource::Path(dir.path().to_path_buf())];
    let mut app = app_from_deck(load(&sources).unwrap(), 100, 30);
    // Select the doomed card, then delete its file and rewrite the other.
    let doomed = card_where(&app, |q| q == "Doomed?");
    app.jump_to_card(doomed);
    press(&mut app, &[Open]);
    std::fs::remove_file(dir.path().join("doomed.md")).unwrap();
    std::fs::write(
        dir.path().join("changing.md"),
        "## Second version?\n\n### Answer\ntwo\n\n## Stays?\n\n### Answer\nyes\n",
    )
    .unwrap();
    app.update(
        Msg::DeckReloaded(Box::new(load(&sources).unwrap())),
        Instant::now(),
    );
    let questions: Vec<&str> = app
        .deck()
        .cards
        .iter()
        .map(|c| c.question.as_str())
        .collect();
    assert!(!questions.contains(&"Doomed?"));
    assert!(questions.contains(&"Second version?"));
    assert!(questions.contains(&"Stays?"));
    assert_eq!(questions.len(), 2 + GOOD_QUESTIONS.len());
    open_render_quit(app.deck().clone(), "after reload");
    for (w, h) in [(100, 30), (1, 1), (40, 12)] {
        app.update(Resize(w, h), Instant::now());
        render(&app);
    }
    press(&mut app, &[MoveDown, MoveUp, Open]);
    render(&app);

    // The whole folder gone: loading it again is a clear error, not a panic.
    let gone: PathBuf = dir.path().to_path_buf();
    drop(dir);
    let err = load(&[ContentSource::Path(gone.clone())]).unwrap_err();
    assert!(err.to_string().contains(&gone.display().to_string()));
}

/// Through the real binary: the editor opened from the review screen deletes the card's
/// file (or rewrites it). The content is reloaded, the session carries on over what is
/// left, and the program quits normally.
#[cfg(unix)]
#[test]
fn the_file_under_review_is_deleted_by_the_editor() {
    use common::pty::Pty;
    for action in [
        "rm -f \"$2\"",
        "printf '## Rewritten?\\n\\n### Answer\\nnew\\n' > \"$2\"",
    ] {
        let home = tempfile::tempdir().unwrap();
        let content = home.path().join("content");
        std::fs::create_dir(&content).unwrap();
        std::fs::copy(Path::new(FIXTURES).join("good.md"), content.join("good.md")).unwrap();
        std::fs::write(content.join("edited.md"), "## Edited?\n\n### Answer\nold\n").unwrap();
        let editor = home.path().join("editor.sh");
        std::fs::write(&editor, format!("#!/bin/sh\n{action}\n")).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
        let dir = content.to_str().unwrap();
        let mut pty = Pty::spawn_with_env(
            &["review", "--new", "10", dir],
            home.path(),
            100,
            30,
            &[("VISUAL", editor.to_str().unwrap())],
        );
        pty.wait_for("4 left", 10);
        // Grade the good cards away until the edited one is on screen, then edit it.
        for left in [4, 3, 2] {
            if pty.screen().contains("Edited?") {
                break;
            }
            pty.send("4");
            pty.wait_for(&format!("{} left", left - 1), 10);
        }
        assert!(pty.screen().contains("Edited?"), "{}", pty.screen());
        pty.send("e");
        pty.wait_for("content reloaded", 10);
        pty.send("4");
        pty.send("q");
        pty.send("q");
        pty.send("\x03");
        let code = pty.wait_exit(10);
        assert_eq!(code, 0, "{action}: {}", pty.screen());
        assert!(pty.cooked_mode(), "raw mode off");
    }
}
