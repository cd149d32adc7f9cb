//! The story bank: added, edited, linked to cards, deleted and brought back on its
//! screen; listed on the cards it answers; printed and exported.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;

use crate::common::rig::Rig;
use crate::common::{render, screen_text};
use prepdeck::action::Action::*;
use prepdeck::app::Screen;
use prepdeck::keymap::Context;

const INCIDENTS: &str = "# People\n\n## Tell me about a major incident you led.\n\nTags: behavioural\n\n### Answer\nA real one.\n\n## Tell me about a time you disagreed with your manager.\n\nTags: behavioural\n\n### Answer\nCalmly.\n\n## What is a p99?\n\n### Answer\nA percentile.\n";

fn rig(w: u16, h: u16) -> Rig {
    let mut r = Rig::new(w, h);
    let deck = prepdeck::load::load_text("60-people/01-people.md", INCIDENTS);
    r.app = crate::common::app_from_deck(deck, w, h).with_clock(|| 1_795_349_100);
    r
}

fn type_text(r: &mut Rig, text: &str) {
    for c in text.chars() {
        r.press(TextKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    }
}

fn selected(r: &Rig) -> usize {
    match r.app.screen() {
        Some(Screen::Stories(s)) => s.selected,
        _ => panic!("not on the story bank"),
    }
}

/// Adds a story with a title and a situation, and links it to the first card.
fn add_story(r: &mut Rig) {
    r.press(OpenStories);
    r.press(NewStory);
    assert_eq!(r.app.context(), Context::StoryForm);
    type_text(r, "The Black Friday checkout outage");
    r.press(FocusNext);
    type_text(r, "Checkout p99 at 9 s for 2 million shoppers.");
    r.press(Back);
    assert_eq!(r.app.context(), Context::Stories);
    r.press(FocusNext);
    r.press(Toggle);
}

#[test]
fn a_story_is_added_linked_deleted_and_brought_back() {
    let mut r = rig(120, 40);
    add_story(&mut r);
    let stored = r.effects.store.stories().unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].title, "The Black Friday checkout outage");
    assert_eq!(
        stored[0].situation,
        "Checkout p99 at 9 s for 2 million shoppers."
    );
    let first = r.app.deck().cards[0].id.clone();
    assert_eq!(stored[0].cards, std::slice::from_ref(&first));
    assert_eq!(
        r.app.stories_of(&first),
        ["The Black Friday checkout outage"]
    );
    let text = screen_text(&render(&r.app));
    assert!(
        text.contains("1 of 2 behavioural/incident cards have no story"),
        "{text}"
    );
    // Space again unlinks.
    r.press(Toggle);
    assert!(r.effects.store.stories().unwrap()[0].cards.is_empty());
    r.press(Toggle);

    // A title is needed.
    r.press(FocusPrev);
    r.press(NewStory);
    r.press(Back);
    assert_eq!(
        r.app.message(),
        Some("a story needs a title: write one first")
    );
    r.press(Cancel);
    assert_eq!(r.app.context(), Context::Stories);

    r.press(DeleteStory);
    assert_eq!(r.app.context(), Context::StoryConfirm);
    let text = screen_text(&render(&r.app));
    assert!(
        text.contains("Delete \"The Black Friday checkout outage\"?"),
        "{text}"
    );
    r.press(Cancel);
    assert_eq!(r.effects.store.stories().unwrap().len(), 1);
    r.press(DeleteStory);
    r.press(Confirm);
    assert!(r.effects.store.stories().unwrap().is_empty());
    assert_eq!(
        r.app.message(),
        Some("deleted \"The Black Friday checkout outage\" (u brings it back)")
    );
    r.press(Undo);
    let back = r.effects.store.stories().unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].cards, [first]);
    assert_eq!(selected(&r), 0);
    r.press(Back);
    assert_eq!(r.app.context(), Context::Browse);
}

#[test]
fn editing_keeps_the_links_and_dropping_changes_asks() {
    let mut r = rig(120, 40);
    add_story(&mut r);
    r.press(FocusNext);
    r.press(Edit);
    for _ in 0..4 {
        r.press(FocusNext);
    }
    type_text(&mut r, "Back in 14 minutes.");
    r.press(Cancel);
    assert_eq!(r.app.context(), Context::StoryConfirm);
    r.press(Cancel);
    assert_eq!(r.app.context(), Context::StoryForm);
    r.press(Back);
    let stored = r.effects.store.stories().unwrap();
    assert_eq!(stored[0].result, "Back in 14 minutes.");
    assert_eq!(stored[0].cards.len(), 1);
}

#[test]
fn snapshots_of_the_story_bank_its_form_and_a_linked_card() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut r = rig(w, h);
        r.press(OpenStories);
        assert_snapshot!(
            format!("stories_empty_{w}x{h}"),
            screen_text(&render(&r.app))
        );
        r.press(Back);
        add_story(&mut r);
        assert_snapshot!(format!("stories_{w}x{h}"), screen_text(&render(&r.app)));
        r.press(Edit);
        assert_snapshot!(
            format!("stories_form_{w}x{h}"),
            screen_text(&render(&r.app))
        );
        r.press(Back);
        r.press(Back);
        // In a review, the card lists its story.
        r.start();
        r.press(Reveal);
        let text = screen_text(&render(&r.app));
        if w > 100 {
            assert!(
                text.contains("Your stories for it: The Black Friday checkout outage (s opens"),
                "{text}"
            );
        }
        r.press(OpenStories);
        assert_eq!(r.app.context(), Context::Stories);
    }
}

#[test]
fn a_long_story_scrolls_in_its_pane_and_the_next_one_opens_at_its_top() {
    let mut r = rig(80, 24);
    r.press(OpenStories);
    r.press(NewStory);
    type_text(&mut r, "The Black Friday checkout outage");
    r.press(FocusNext);
    for n in 0..40 {
        type_text(&mut r, &format!("Step {n} of what happened that night. "));
    }
    r.press(Back);
    add_story(&mut r);
    r.press(FocusNext);
    r.press(MoveUp);
    let top = screen_text(&render(&r.app));
    assert!(top.contains("Step 0 of what happened"), "{top}");
    assert!(top.contains("Ctrl-d/Ctrl-u scroll"), "{top}");
    r.press(HalfPageDown);
    let scrolled = screen_text(&render(&r.app));
    assert!(!scrolled.contains("Step 0 of what happened"), "{scrolled}");
    r.press(HalfPageUp);
    assert_eq!(screen_text(&render(&r.app)), top);
    r.press(HalfPageDown);
    r.press(MoveDown);
    match r.app.screen() {
        Some(Screen::Stories(s)) => assert_eq!((s.selected, s.detail_scroll), (1, 0)),
        _ => panic!("not on the story bank"),
    }
}
