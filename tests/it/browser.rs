//! The browser: one snapshot per visual state, cell-style checks where colour matters,
//! scripted flows, and a sweep of terminal sizes.

use std::path::Path;

use crate::common::{CANONICAL, HUGE, app_from_deck, app_with, press, render, screen_text};
use insta::assert_snapshot;
use prepdeck::action::Action::{self, *};
use prepdeck::app::tree_view::Row;
use prepdeck::app::{Focus, Msg};
use prepdeck::config::Config;
use prepdeck::keymap::Keymap;
use prepdeck::load::{Deck, load_text};
use prepdeck::theme::{Role, Theme};

fn canonical(w: u16, h: u16) -> prepdeck::app::App {
    app_with("10-caching/01-caching.md", CANONICAL, w, h)
}

/// Selects the first card of the deck.
fn first_card(app: &mut prepdeck::app::App) {
    app.jump_to_card(0);
}

#[test]
fn tree_at_80x24() {
    let app = canonical(80, 24);
    assert_snapshot!("tree_80x24", screen_text(&render(&app)));
}

#[test]
fn card_at_120x40() {
    let mut app = canonical(120, 40);
    first_card(&mut app);
    assert_snapshot!("card_120x40", screen_text(&render(&app)));
}

#[test]
fn narrow_terminal_stacks_tree_and_card() {
    let mut app = canonical(70, 30);
    first_card(&mut app);
    let tree = screen_text(&render(&app));
    assert!(tree.contains("Topics") && !tree.contains(" Card "));
    press(&mut app, &[Open]);
    assert_eq!(app.browse().unwrap().focus, Focus::Card);
    let card = screen_text(&render(&app));
    assert_snapshot!("card_narrow_70x30", card);
    press(&mut app, &[Back]);
    assert_eq!(app.browse().unwrap().focus, Focus::Tree);
}

#[test]
fn huge_card_with_a_wide_table() {
    let mut app = app_with("huge.md", HUGE, 120, 40);
    first_card(&mut app);
    press(&mut app, &[FocusNext, PageDown]);
    assert_snapshot!("huge_card_120x40_scrolled", screen_text(&render(&app)));
    let mut small = app_with("huge.md", HUGE, 80, 24);
    first_card(&mut small);
    press(&mut small, &[Open, ToggleExtras]);
    for _ in 0..3 {
        press(&mut small, &[PageDown]);
    }
    assert_snapshot!("huge_card_80x24_table", screen_text(&render(&small)));
}

#[test]
fn hidden_answers_and_reveal() {
    let mut app = canonical(100, 30);
    first_card(&mut app);
    press(&mut app, &[ToggleHideAnswers]);
    let hidden = screen_text(&render(&app));
    assert_snapshot!("answers_hidden", hidden);
    assert!(!hidden.contains("Invalidation decides"));
    press(&mut app, &[Reveal]);
    assert!(screen_text(&render(&app)).contains("Invalidation decides"));
    press(&mut app, &[MoveDown]);
    assert!(
        app.browse().unwrap().answers_hidden(),
        "moving on hides the next card again"
    );
}

#[test]
fn help_overlay_lists_live_bindings() {
    let mut app = canonical(100, 40);
    press(&mut app, &[Help]);
    let text = screen_text(&render(&app));
    assert_snapshot!("help_overlay", text);
    assert!(text.contains("j, ↓"));
    press(&mut app, &[Back]);
    assert!(app.browse().unwrap().search.is_none());
}

#[test]
fn search_as_you_type_and_jump() {
    let mut app = canonical(100, 30);
    press(&mut app, &[Search]);
    for c in "stampede".chars() {
        press(&mut app, &[Input(c)]);
    }
    assert_snapshot!("search_overlay", screen_text(&render(&app)));
    press(&mut app, &[SearchAccept]);
    let card = app.selected_card().unwrap();
    assert_eq!(app.deck().cards[card].question, "What is cache stampede?");
    // An all-fields hit says in which field the words were found, and shows them.
    press(&mut app, &[Search, SearchScope]);
    for c in "cache coalescing".chars() {
        press(&mut app, &[Input(c)]);
    }
    let overlay = screen_text(&render(&app));
    assert!(
        overlay.contains("key points: … protection with request coalescing"),
        "{overlay}"
    );
    assert_snapshot!("search_all_fields_snippets", overlay);
    press(&mut app, &[SearchCancel]);
    press(
        &mut app,
        &[Search, Input('k'), Input('a'), Input('f'), SearchScope],
    );
    press(&mut app, &[SearchAccept]);
    assert_eq!(
        app.deck().cards[app.selected_card().unwrap()].question,
        "SQS or Kafka?"
    );
    press(&mut app, &[NextMatch]);
    assert!(app.message().unwrap().starts_with("match "));
}

#[test]
fn a_leading_space_does_not_end_the_search() {
    for scope in [vec![], vec![SearchScope]] {
        let mut app = canonical(100, 30);
        press(&mut app, &[Search]);
        press(&mut app, &scope);
        for c in " stampede".chars() {
            press(&mut app, &[Input(c)]);
        }
        let Some(state) = &app.browse().unwrap().search else {
            panic!("the search overlay closed");
        };
        assert!(!state.hits.is_empty(), "no hits in {:?}", state.scope);
    }
}

/// A deck large enough that the all-fields index takes several idle steps.
fn many_cards() -> prepdeck::app::App {
    let text: String = (0..1000)
        .map(|i| format!("## Question number {i}?\n### Answer\nThe answer mentions zebra{i}.\n"))
        .collect();
    app_with("many.md", &text, 100, 30)
}

fn all_fields_hits(app: &mut prepdeck::app::App, query: &str) -> Vec<String> {
    press(app, &[Search]);
    if let Some(state) = &app.browse().unwrap().search
        && state.scope == prepdeck::search::Scope::Questions
    {
        press(app, &[SearchScope]);
    }
    for c in query.chars() {
        press(app, &[Input(c)]);
    }
    let Some(state) = &app.browse().unwrap().search else {
        panic!("the search overlay closed");
    };
    let hits = state
        .hits
        .iter()
        .map(|h| app.deck().cards[h.card].question.clone())
        .collect();
    press(app, &[SearchCancel]);
    assert!(app.browse().unwrap().search.is_none());
    hits
}

#[test]
fn idle_moments_build_the_all_fields_index() {
    let mut app = many_cards();
    app.update(Msg::Message("kept".to_string()), std::time::Instant::now());
    let mut steps = 0;
    while app.has_idle_work() {
        press(&mut app, &[Idle]);
        steps += 1;
        assert!(steps < 100, "idle work never ends");
    }
    assert!(steps > 1, "built in one step: {steps}");
    assert_eq!(app.message(), Some("kept"), "idle work cleared the status");
    assert_eq!(
        all_fields_hits(&mut app, "zebra999"),
        ["Question number 999?"]
    );
    assert!(!app.has_idle_work());
}

#[test]
fn screens_opened_without_a_browser_build_no_search_index() {
    // `prepdeck mock` and `prepdeck review` open their screen alone: nothing there
    // searches, so idle moments (between a running timer's ticks) stay idle.
    let text: String = (0..1000)
        .map(|i| format!("## Question number {i}?\n### Answer\nThe answer mentions zebra{i}.\n"))
        .collect();
    let app = prepdeck::app::App::without_screens(
        load_text("many.md", &text),
        Theme::default(),
        Keymap::default(),
    );
    assert!(!app.has_idle_work());
    assert!(many_cards().has_idle_work(), "the browser builds it");
}

#[test]
fn widening_the_scope_finishes_a_half_built_index() {
    let mut app = many_cards();
    press(&mut app, &[Idle]);
    assert!(app.has_idle_work());
    assert_eq!(
        all_fields_hits(&mut app, "zebra999"),
        ["Question number 999?"]
    );
    assert_eq!(all_fields_hits(&mut app, "zebra0."), ["Question number 0?"]);
    assert!(!app.has_idle_work());
}

#[test]
fn navigation_flow() {
    let mut app = canonical(120, 40);
    // Folder and file start expanded; the topics Caching and Queues start closed.
    assert_eq!(app.browse().unwrap().tree.current(), Some(Row::Node(1)));
    press(&mut app, &[MoveDown, MoveDown, Expand]);
    press(&mut app, &[MoveDown]);
    assert!(matches!(
        app.browse().unwrap().tree.current(),
        Some(Row::Card(0))
    ));
    press(&mut app, &[Collapse]);
    assert!(matches!(
        app.browse().unwrap().tree.current(),
        Some(Row::Node(_))
    ));
    press(&mut app, &[Collapse]);
    press(&mut app, &[Bottom]);
    assert_eq!(
        app.browse().unwrap().tree.selected,
        app.browse().unwrap().tree.rows.len() - 1
    );
    press(&mut app, &[Top]);
    assert_eq!(app.browse().unwrap().tree.selected, 0);
    assert_eq!(
        app.update(Back, std::time::Instant::now()),
        Some(prepdeck::app::Effect::Quit)
    );
}

#[test]
fn mouse_selects_and_scrolls() {
    let mut app = canonical(120, 40);
    press(&mut app, &[Click(5, 2)]);
    assert_eq!(app.browse().unwrap().tree.selected, 1);
    first_card(&mut app);
    press(&mut app, &[Click(80, 10)]);
    assert_eq!(app.browse().unwrap().focus, Focus::Card);
    let mut huge = app_with("huge.md", HUGE, 120, 20);
    first_card(&mut huge);
    press(&mut huge, &[Scroll(80, 10, 1)]);
    assert_eq!(huge.browse().unwrap().card_scroll, 3);
}

#[test]
fn empty_deck() {
    let app = app_from_deck(Deck::default(), 80, 24);
    assert_snapshot!("empty_deck", screen_text(&render(&app)));
}

#[test]
fn too_small_says_so() {
    let app = canonical(30, 8);
    let text = screen_text(&render(&app));
    assert!(text.contains("Terminal too"), "{text}");
}

#[test]
fn custom_keymap_changes_hints_and_help() {
    let source =
        "[keys.browse]\nmove_down = [\"n\"]\nmove_up = [\"e\"]\nnext_match = [\"ctrl-n\"]\n";
    let config = Config::parse(source, Path::new("config.toml")).unwrap();
    let keymap = Keymap::from_config(&config, Path::new("config.toml")).unwrap();
    let mut app = prepdeck::app::App::new(load_text("c.md", CANONICAL), Theme::default(), keymap);
    app.update(Resize(100, 24), std::time::Instant::now());
    let text = screen_text(&render(&app));
    assert_snapshot!("custom_keymap", text);
    assert!(text.contains(" n/e move"));
}

#[test]
fn theme_colours_reach_the_cells() {
    let mut app = canonical(120, 40);
    first_card(&mut app);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let text = screen_text(&terminal);
    let row = text.lines().position(|l| l.contains("Takeaway")).unwrap();
    let col = text
        .lines()
        .nth(row)
        .unwrap()
        .chars()
        .position(|c| c == 'T')
        .unwrap();
    let (col, row) = (u16::try_from(col).unwrap(), u16::try_from(row).unwrap());
    let theme = Theme::default();
    assert_eq!(
        buffer[(col, row)].fg,
        theme.style(Role::Takeaway).fg.unwrap()
    );
    let selected_row = u16::try_from(app.browse().unwrap().tree.selected).unwrap();
    let selected = buffer[(2, 1 + selected_row)].bg;
    assert_eq!(selected, theme.style(Role::Selection).bg.unwrap());

    let light = Theme::load("light", None).unwrap();
    let mut app = prepdeck::app::App::new(
        load_text("c.md", CANONICAL),
        light.clone(),
        Keymap::default(),
    );
    app.update(Resize(100, 30), std::time::Instant::now());
    let terminal = render(&app);
    assert_eq!(
        terminal.backend().buffer()[(2, 1)].bg,
        light.style(Role::Selection).bg.unwrap()
    );
    assert_snapshot!("light_theme_text", screen_text(&terminal));

    let plain = Theme::default().without_colors();
    let app = prepdeck::app::App::new(load_text("c.md", CANONICAL), plain, Keymap::default());
    let terminal = render(&app);
    for cell in terminal.backend().buffer().content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
}

#[test]
fn hostile_text_never_reaches_the_buffer() {
    let text = "## Evil \x1b]0;title\x07 question \u{202E}desrever?\n\n### Answer\nclear \x1b[2J screen \x1b]52;c;Zm9v\x07 \u{9b}31m\n";
    let mut app = app_with("evil.md", text, 100, 20);
    first_card(&mut app);
    let terminal = render(&app);
    for cell in terminal.backend().buffer().content() {
        assert!(
            cell.symbol()
                .chars()
                .all(|c| !c.is_control() && c != '\u{202E}'),
            "{:?}",
            cell.symbol()
        );
    }
}

#[test]
fn every_size_draws_without_panic() {
    let sizes = (1..=40u16)
        .flat_map(|w| (1..=12u16).map(move |h| (w, h)))
        .chain([(500, 200), (20, 6), (200, 60)]);
    for (w, h) in sizes {
        for deck_text in [CANONICAL, HUGE] {
            let mut app = app_with("s.md", deck_text, w, h);
            render(&app);
            first_card(&mut app);
            press(&mut app, &[Open, PageDown, ToggleExtras]);
            render(&app);
            press(&mut app, &[Search, Input('a')]);
            render(&app);
            press(&mut app, &[SearchCancel, Help]);
            render(&app);
        }
    }
}

#[test]
fn layout_is_cached_per_card_and_width() {
    let mut app = canonical(120, 40);
    first_card(&mut app);
    let mut cache = prepdeck::ui::card_view::LayoutCache::default();
    let a = prepdeck::ui::card_view::document(&app, &mut cache);
    let b = prepdeck::ui::card_view::document(&app, &mut cache);
    assert!(std::rc::Rc::ptr_eq(&a, &b));
    press(&mut app, &[Action::Resize(100, 40)]);
    let c = prepdeck::ui::card_view::document(&app, &mut cache);
    assert!(!std::rc::Rc::ptr_eq(&a, &c));
}

#[test]
fn a_long_message_is_shown_whole_and_every_message_can_be_read_again() {
    let mut app = canonical(80, 24);
    let long = "the next card is due in 3d; 2 problems while reading the files: P lists them, and this sentence goes on well past the width of the status bar";
    app.update(Msg::Message(long.to_string()), std::time::Instant::now());
    let text = screen_text(&render(&app));
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(long), "cut:\n{text}");
    assert!(!text.contains('…') || flat.contains(long));
    // The message goes with the next key, and stays in the messages panel.
    press(&mut app, &[MoveDown, Messages]);
    let panel = screen_text(&render(&app));
    assert!(panel.contains("Messages"), "{panel}");
    assert!(panel.contains("the next card is due in 3d"), "{panel}");
    press(&mut app, &[Back]);
    assert_eq!(app.context(), prepdeck::keymap::Context::Browse);
}

#[test]
fn the_problems_of_the_files_are_listed_in_the_app_by_file_and_line() {
    let deck = prepdeck::load::load_text(
        "notes/broken.md",
        "## A question?\n\n### Answer\nyes\n\n### Bogus section\ntext\n\n## A question?\n\n### Answer\nagain\n",
    );
    assert!(!deck.warnings.is_empty());
    let mut app = crate::common::app_from_deck(deck, 100, 30);
    press(&mut app, &[Problems]);
    let text = screen_text(&render(&app));
    assert!(text.contains("Problems while reading the files"), "{text}");
    assert!(text.contains("notes/broken.md:"), "{text}");
    assert!(text.contains("warning:"), "{text}");
}

#[test]
fn the_card_shows_its_progress_in_words() {
    let mut app = canonical(120, 40);
    first_card(&mut app);
    let text = screen_text(&render(&app));
    assert!(text.contains("new: never reviewed"), "{text}");
    let id = app.deck().cards[app.selected_card().unwrap()].id.clone();
    let now = 1_795_349_100;
    let state = prepdeck::schedule::Scheduler::new(None, 0.9).grade(
        &id,
        &prepdeck::schedule::CardState::default(),
        prepdeck::schedule::Grade::Good,
        now - 120,
    );
    let mut app = app.with_clock(|| 1_795_349_100);
    app.update(
        Msg::Saved {
            changes: vec![(prepdeck::ids::CardId::from(id.as_str()), Some(state))],
            note: None,
        },
        std::time::Instant::now(),
    );
    let text = screen_text(&render(&app));
    assert!(
        text.contains("learning · due in 8 minutes · seen 2 minutes ago · 1 review"),
        "{text}"
    );
}

#[test]
fn an_empty_all_fields_search_says_how_to_go_back() {
    let mut app = canonical(120, 40);
    press(&mut app, &[Search, SearchScope]);
    for c in "zzzqqq".chars() {
        press(&mut app, &[Input(c)]);
    }
    let text = screen_text(&render(&app));
    assert!(
        text.contains("Tab goes back to searching questions only"),
        "{text}"
    );
}

#[test]
fn a_wide_card_is_laid_out_in_panes_that_scroll_on_their_own() {
    let mut app = canonical(200, 50);
    first_card(&mut app);
    press(&mut app, &[]);
    let text = screen_text(&render(&app));
    for title in [" Answer ", " Detail ", " Tables ", " Takeaway "] {
        assert!(text.contains(title), "{title} pane:\n{text}");
    }
    assert_snapshot!("card_panes_200x50", text);
    // Narrow, the same card is one scrolling document.
    let mut narrow = canonical(80, 24);
    first_card(&mut narrow);
    press(&mut narrow, &[Open]);
    assert!(!screen_text(&render(&narrow)).contains(" Tables "));

    // Tab goes through the tree and each pane; each pane scrolls alone.
    let mut huge = app_with("huge.md", HUGE, 170, 30);
    first_card(&mut huge);
    press(&mut huge, &[]);
    press(&mut huge, &[FocusNext]);
    let b = huge.browse().unwrap();
    assert_eq!(
        (b.focus, b.pane),
        (Focus::Card, prepdeck::app::PaneKind::Answer)
    );
    press(&mut huge, &[FocusNext]);
    assert_eq!(huge.browse().unwrap().pane, prepdeck::app::PaneKind::Detail);
    press(&mut huge, &[MoveDown, MoveDown, MoveDown]);
    let b = huge.browse().unwrap();
    assert_eq!(
        b.scroll_of(prepdeck::app::PaneKind::Detail),
        3,
        "the detail scrolled"
    );
    assert_eq!(
        b.scroll_of(prepdeck::app::PaneKind::Answer),
        0,
        "the answer did not"
    );
    assert_eq!(
        b.scroll_of(prepdeck::app::PaneKind::Tables),
        0,
        "nor the tables"
    );
    press(&mut huge, &[FocusPrev, FocusPrev]);
    assert_eq!(
        huge.browse().unwrap().focus,
        Focus::Tree,
        "Shift-Tab goes back round"
    );
    // A click on a pane gives it the keyboard.
    let panes = {
        let (_, m) = crate::common::draw(&huge);
        m.panes
    };
    let tables = panes
        .iter()
        .find(|p| p.kind == prepdeck::app::PaneKind::Tables)
        .expect("a tables pane");
    press(&mut huge, &[Click(tables.area.x + 2, tables.area.y + 2)]);
    let b = huge.browse().unwrap();
    assert_eq!(
        (b.focus, b.pane),
        (Focus::Card, prepdeck::app::PaneKind::Tables)
    );
}

#[test]
fn quiz_mode_reveals_at_the_top_of_the_answer() {
    let mut app = app_with("huge.md", HUGE, 120, 40);
    first_card(&mut app);
    press(&mut app, &[FocusNext, PageDown, PageDown]);
    assert!(app.browse().unwrap().card_scroll > 0);
    press(&mut app, &[ToggleHideAnswers, Reveal]);
    assert_eq!(app.browse().unwrap().card_scroll, 0);
    assert!(screen_text(&render(&app)).contains("Answer"));
}

#[test]
fn the_searched_words_are_marked_in_the_cards_the_search_found() {
    let mut app = canonical(100, 30);
    press(&mut app, &[Search, SearchScope]);
    for c in "coalescing".chars() {
        press(&mut app, &[Input(c)]);
    }
    press(&mut app, &[SearchAccept]);
    let mark = Theme::default().style(Role::Match);
    let marked = |app: &prepdeck::app::App| -> String {
        let terminal = render(app);
        let buffer = terminal.backend().buffer();
        buffer
            .content
            .iter()
            .filter(|cell| cell.fg == mark.fg.unwrap() && cell.bg == mark.bg.unwrap_or(cell.bg))
            .map(|cell| cell.symbol().to_string())
            .collect()
    };
    assert_eq!(
        marked(&app),
        "coalescing",
        "the word in the key points is marked"
    );
    // Another card, not found by the search, is drawn plainly.
    press(&mut app, &[MoveDown]);
    assert_eq!(marked(&app), "");
    press(&mut app, &[MoveUp]);
    assert_eq!(marked(&app), "coalescing");
}

#[test]
fn the_progress_of_a_large_deck_reads_whole_at_every_size() {
    use prepdeck::load::LoadCounts;
    let counts = LoadCounts {
        files_found: 2000,
        files_read: 812,
        cards: 40_600,
    };
    for (w, h) in [(80, 24), (40, 12), (200, 50)] {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| {
                prepdeck::ui::loading::draw(f, counts, &prepdeck::theme::Theme::default());
            })
            .unwrap();
        let text = screen_text(&terminal);
        let flat = text
            .replace('│', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for words in [
            "Reading 2,000 files: 812 read, 40,600 cards so far.",
            "40%",
            "q quits.",
        ] {
            assert!(flat.contains(words), "{w}×{h}: {words:?} missing:\n{text}");
        }
        if (w, h) == (80, 24) {
            insta::assert_snapshot!("loading_80x24", text);
        }
    }
}
