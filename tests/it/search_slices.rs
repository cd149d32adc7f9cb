//! On a deck larger than one search slice, a keystroke searches the first slice and
//! shows its best hits with how far it has got; idle moments search the rest; the
//! hits at the end are those of one search over every card; Enter before the end
//! still remembers every hit.

use std::time::Instant;

use prepdeck::action::Action::{self, *};
use prepdeck::load::load_text;
use prepdeck::search::{SLICE, Scope, SearchIndex, new_matcher};

use crate::common::{app_from_deck, press, render, screen_text};

/// A deck of `SLICE * 2 + 500` short cards, every seventh about rollouts.
fn big_deck() -> prepdeck::load::Deck {
    let mut text = String::new();
    for i in 0..SLICE * 2 + 500 {
        let subject = if i % 7 == 0 { "rollout" } else { "queue" };
        text.push_str(&format!(
            "## How does {subject} number {i} behave?\nIt behaves.\n"
        ));
    }
    load_text("big.md", &text)
}

fn typed(app: &mut prepdeck::app::App, text: &str) {
    let keys: Vec<Action> = text.chars().map(Input).collect();
    press(app, &keys);
}

fn hits(app: &prepdeck::app::App) -> Vec<usize> {
    let state = app
        .browse()
        .and_then(|b| b.search.as_ref())
        .expect("search open");
    state.hits.iter().map(|h| h.card).collect()
}

#[test]
fn a_keystroke_searches_one_slice_and_idle_moments_the_rest() {
    let deck = big_deck();
    let expected: Vec<usize> = SearchIndex::new(&deck.cards)
        .search(&deck.cards, "rollout", Scope::Questions, &mut new_matcher())
        .iter()
        .map(|h| h.card)
        .collect();
    assert_eq!(expected.len(), (SLICE * 2 + 500).div_ceil(7));
    let mut app = app_from_deck(deck, 100, 30);
    press(&mut app, &[Search]);
    typed(&mut app, "rollout");
    assert!(app.has_idle_work() && app.idle_work_shows());
    let screen = screen_text(&render(&app));
    assert!(screen.contains("matches so far, 48% searched"), "{screen}");
    assert!(screen.contains("rollout number 0 behave"), "{screen}");
    let mut steps = 0;
    while app.idle_work_shows() {
        app.update(Idle, Instant::now());
        steps += 1;
    }
    assert_eq!(steps, 2, "two more slices");
    assert_eq!(hits(&app), expected);
    let screen = screen_text(&render(&app));
    assert!(
        screen.contains(&format!("{} matches", expected.len())),
        "{screen}"
    );
}

#[test]
fn enter_before_the_search_ends_remembers_every_hit() {
    let mut app = app_from_deck(big_deck(), 100, 30);
    press(&mut app, &[Search]);
    typed(&mut app, "rollout");
    press(&mut app, &[SearchAccept]);
    let message = app.message().unwrap_or_default().to_string();
    let all = (SLICE * 2 + 500).div_ceil(7);
    assert!(message.starts_with(&format!("{all} matches")), "{message}");
}

#[test]
fn a_longer_query_typed_while_searching_starts_over_and_ends_right() {
    let deck = big_deck();
    let index = SearchIndex::new(&deck.cards);
    let expected: Vec<usize> = index
        .search(
            &deck.cards,
            "rollout number 1",
            Scope::Questions,
            &mut new_matcher(),
        )
        .iter()
        .map(|h| h.card)
        .collect();
    let mut app = app_from_deck(deck, 100, 30);
    press(&mut app, &[Search]);
    typed(&mut app, "rollout");
    app.update(Idle, Instant::now());
    typed(&mut app, " number 1");
    while app.has_idle_work() {
        app.update(Idle, Instant::now());
    }
    assert_eq!(hits(&app), expected);
}

#[test]
fn a_search_with_no_hit_yet_says_it_is_still_searching() {
    let mut app = app_from_deck(big_deck(), 100, 30);
    press(&mut app, &[Search]);
    // Only cards past the first slice hold this number.
    typed(&mut app, "number 24400");
    let screen = screen_text(&render(&app));
    assert!(
        screen.contains("No match yet; still searching…"),
        "{screen}"
    );
    assert!(!screen.contains("No match."), "{screen}");
    while app.idle_work_shows() {
        app.update(Idle, Instant::now());
    }
    let screen = screen_text(&render(&app));
    assert!(screen.contains(" 1 match "), "{screen}");
}
