//! The synthetic benchmark corpus parses back to exactly the cards it was generated
//! with, in every layout, with no warnings or errors.

#[path = "../../benches/support/corpus.rs"]
pub mod corpus;

use prepdeck::load::{ContentSource, load, load_text};

#[test]
fn every_layout_yields_n_cards() {
    for layout in corpus::LAYOUTS {
        for n in [1, 7, 123] {
            let files = corpus::generate(n, layout);
            let mut cards = 0;
            for (name, text) in &files {
                let deck = load_text(name, text);
                assert_eq!(deck.files[0].layout, layout, "{name}");
                assert!(deck.errors.is_empty(), "{layout}: {:?}", deck.errors);
                assert!(deck.warnings.is_empty(), "{layout}: {:?}", deck.warnings);
                for card in &deck.cards {
                    assert!(
                        card.answer.is_some() || !card.key_points.is_empty(),
                        "{layout}"
                    );
                }
                cards += deck.cards.len();
            }
            assert_eq!(cards, n, "{layout} with {n} cards");
        }
    }
}

#[test]
fn written_corpus_loads_from_disk_with_folders() {
    let dir = tempfile::tempdir().unwrap();
    corpus::write(dir.path(), 120, "canonical").unwrap();
    let deck = load(&[ContentSource::Path(dir.path().to_path_buf())]).unwrap();
    assert_eq!(deck.cards.len(), 120);
    assert!(deck.errors.is_empty() && deck.warnings.is_empty());
    assert!(deck.cards.iter().any(|c| c.tables.len() == 1));
    assert_eq!(corpus::generate(50, "hints"), corpus::generate(50, "hints"));
}
