//! The person's own answer to a card in the screens: written in the in-app editor from
//! the browser, the review's answer side and the mock debrief, saved with Esc, dropped
//! only after asking, and shown beside the model answers.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;

use crate::common::rig::Rig;
use crate::common::{render, screen_text};
use prepdeck::action::Action::{self, *};
use prepdeck::app::Effect;
use prepdeck::keymap::Context;

fn type_text(r: &mut Rig, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        r.press(TextKey(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

/// A rig on the browser with the first card selected.
fn on_first_card(w: u16, h: u16) -> Rig {
    let mut r = Rig::new(w, h);
    r.app.jump_to_card(0);
    r
}

fn first_id(r: &Rig) -> String {
    r.app.deck().cards[0].id.clone()
}

#[test]
fn esc_saves_the_own_answer_in_the_store_and_says_so() {
    let mut r = on_first_card(120, 40);
    assert_eq!(r.press(WriteNote), None);
    assert_eq!(r.app.context(), Context::Note);
    type_text(&mut r, "At Acme the p99 went from 900 ms\nto 40 ms.");
    let effect = r.press(Back);
    assert!(
        matches!(effect, Some(Effect::SaveNote { .. })),
        "{effect:?}"
    );
    assert_eq!(r.app.context(), Context::Browse);
    assert_eq!(r.app.message(), Some("saved your own answer"));
    let id = first_id(&r);
    let stored = r.effects.store.note(&id).unwrap().unwrap();
    assert_eq!(stored.text, "At Acme the p99 went from 900 ms\nto 40 ms.");
    assert_eq!(r.app.note(&id), Some(stored.text.as_str()));
    // Opening it again starts from the saved text; an edit keeps the previous version.
    r.press(WriteNote);
    type_text(&mut r, " Then 30 ms.");
    r.press(Back);
    let stored = r.effects.store.note(&id).unwrap().unwrap();
    assert_eq!(
        stored.text,
        "At Acme the p99 went from 900 ms\nto 40 ms. Then 30 ms."
    );
    assert_eq!(
        stored.previous.as_deref(),
        Some("At Acme the p99 went from 900 ms\nto 40 ms.")
    );
}

#[test]
fn ctrl_c_asks_before_dropping_changes() {
    let mut r = on_first_card(120, 40);
    // Nothing written: it closes at once.
    r.press(WriteNote);
    r.press(Cancel);
    assert_eq!(r.app.context(), Context::Browse);
    r.press(WriteNote);
    type_text(&mut r, "half a thought");
    r.press(Cancel);
    assert_eq!(r.app.context(), Context::NoteConfirm);
    let screen = screen_text(&render(&r.app));
    assert!(
        screen.contains("Drop your changes? y drops them"),
        "{screen}"
    );
    // No: back to writing, the text still there.
    r.press(Cancel);
    assert_eq!(r.app.context(), Context::Note);
    assert_eq!(r.app.note_editor().unwrap().text(), "half a thought");
    r.press(Cancel);
    r.press(Confirm);
    assert_eq!(r.app.context(), Context::Browse);
    assert_eq!(r.app.message(), Some("your changes were dropped"));
    assert!(r.effects.store.note(&first_id(&r)).unwrap().is_none());
}

#[test]
fn the_key_opens_the_editor_on_the_review_answer_side_and_in_the_debrief() {
    let mut r = Rig::new(120, 40);
    r.start();
    // The question side has no such key: it would give the answer away.
    r.press(Reveal);
    r.press(WriteNote);
    assert_eq!(r.app.context(), Context::Note);
    type_text(&mut r, "mine");
    r.press(Back);
    assert_eq!(r.app.context(), Context::ReviewAnswer);
    assert_eq!(r.effects.store.notes().unwrap().len(), 1);

    let mut app = crate::common::app_with(
        "10-caching/01-caching.md",
        crate::common::CANONICAL,
        120,
        40,
    );
    let t0 = Instant::now();
    let settings = untimed_mock(1);
    assert!(app.start_mock(settings, Vec::new(), t0));
    app.update(FinishQuestion, t0);
    assert_eq!(app.context(), Context::Debrief);
    let effect = app.update(WriteNoteInEditor, t0);
    assert!(matches!(effect, Some(Effect::EditNote(_))), "{effect:?}");
    app.update(WriteNote, t0);
    assert_eq!(app.context(), Context::Note);
}

#[test]
fn the_keys_are_in_the_help_and_clash_with_nothing() {
    let keymap = prepdeck::keymap::Keymap::default();
    for context in [Context::Browse, Context::ReviewAnswer, Context::Debrief] {
        assert_eq!(keymap.hint(context, Action::WriteNote), "w", "{context:?}");
        assert_eq!(keymap.hint(context, Action::WriteNoteInEditor), "W");
        let keys: Vec<_> = keymap
            .bindings(context)
            .iter()
            .flat_map(|(_, keys)| keys.iter().copied())
            .collect();
        let mut unique = keys.clone();
        unique.sort_by_key(|k| format!("{k:?}"));
        unique.dedup();
        assert_eq!(
            unique.len(),
            keys.len(),
            "{context:?} has a key bound twice"
        );
    }
}

#[test]
fn snapshots_of_the_editor_and_its_question_before_dropping() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut r = on_first_card(w, h);
        r.press(WriteNote);
        type_text(
            &mut r,
            "At Acme we put Redis in front of the catalogue API:\np99 went from 900 ms to 40 ms.",
        );
        assert_snapshot!(
            format!("own_answer_editor_{w}x{h}"),
            screen_text(&render(&r.app))
        );
        r.press(Cancel);
        assert_snapshot!(
            format!("own_answer_drop_{w}x{h}"),
            screen_text(&render(&r.app))
        );
    }
}

/// Writes `text` as the selected card's own answer through the editor.
fn write_note(r: &mut Rig, text: &str) {
    r.press(WriteNote);
    type_text(r, text);
    r.press(Back);
}

const MINE: &str = "At Acme the catalogue API read Postgres 40 times per page.\nRedis in front, TTL 60 s: p99 900 ms -> 40 ms.";

#[test]
fn snapshots_of_the_own_answer_beside_the_model_in_the_browser() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut r = on_first_card(w, h);
        if w < 100 {
            r.press(Open);
            r.press(Bottom);
        }
        let empty = screen_text(&render(&r.app));
        assert!(
            empty.contains("None yet: w writes one in your own words."),
            "{w}x{h}: {empty}"
        );
        write_note(&mut r, MINE);
        r.press(ToggleExtras);
        if w < 100 {
            r.press(Bottom);
        }
        let text = screen_text(&render(&r.app));
        assert!(text.contains("Your own answer"), "{text}");
        assert!(text.contains("a model: tell your own story"), "{text}");
        assert_snapshot!(format!("own_answer_browser_{w}x{h}"), text);
    }
}

#[test]
fn snapshots_of_the_own_answer_in_review_and_the_debrief() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut r = Rig::new(w, h);
        r.start();
        r.press(Reveal);
        let empty = screen_text(&render(&r.app));
        assert!(empty.contains("Your own answer"), "{w}x{h}: {empty}");
        write_note(&mut r, MINE);
        assert_snapshot!(
            format!("own_answer_review_{w}x{h}"),
            screen_text(&render(&r.app))
        );

        let t0 = Instant::now();
        let mut app =
            crate::common::app_with("10-caching/01-caching.md", crate::common::CANONICAL, w, h);
        let stored = r.effects.store.notes().unwrap();
        app = app.with_notes(stored.into_iter().map(|n| (n.card_id, n.text)));
        let settings = untimed_mock(3);
        assert!(app.start_mock(settings, Vec::new(), t0));
        for _ in 0..3 {
            app.update(FinishQuestion, t0);
        }
        // Grade until the debrief shows the card with the own answer: beside the typed
        // answer when side by side, at the end of the model answer (scrolled to) when
        // stacked.
        let mut shown = false;
        'cards: for _ in 0..3 {
            for _ in 0..12 {
                let text = screen_text(&render(&app));
                if text.contains("At Acme the catalogue") {
                    assert_snapshot!(format!("own_answer_debrief_{w}x{h}"), text);
                    shown = true;
                    break 'cards;
                }
                app.update(HalfPageDown, t0);
            }
            app.update(Grade3, t0);
        }
        assert!(shown, "the debrief never showed the own answer");
    }
}

#[test]
fn the_all_fields_search_finds_the_own_answer_and_shows_where() {
    let mut r = on_first_card(120, 40);
    write_note(&mut r, "We ran memcached behind the Zanzibar gateway.");
    r.press(Search);
    r.press(SearchScope);
    for c in "zanzibar".chars() {
        r.press(Input(c));
    }
    let text = screen_text(&render(&r.app));
    assert!(
        text.contains("your own answer: … memcached behind the Zanzibar gateway."),
        "{text}"
    );
    assert!(
        text.contains("When would you put a cache in front"),
        "{text}"
    );
    // Questions only: the own answer is not a question.
    r.press(SearchScope);
    let text = screen_text(&render(&r.app));
    assert!(!text.contains("your own answer:"), "{text}");
}

/// A mock of `questions` questions, seed 1, with no clock and no follow-ups.
fn untimed_mock(questions: usize) -> prepdeck::mock::MockSettings {
    prepdeck::mock::MockSettings {
        questions,
        per_question: None,
        seed: 1,
        follow_ups: false,
        ..prepdeck::mock::MockSettings::default()
    }
}
