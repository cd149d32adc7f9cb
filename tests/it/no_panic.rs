//! No input makes the parser panic or hang: arbitrary bytes and arbitrary markdown-like
//! text built from the constructs the layouts care about.

use prepdeck::load::load_text;
use prepdeck::parse::parse_bytes;
use proptest::prelude::*;

/// Pieces of markdown that exercise every layout's structure, mixed at random.
fn markdown_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# ".to_string()),
        Just("## ".to_string()),
        Just("### Answer\n".to_string()),
        Just("### Key points\n".to_string()),
        Just("### Table\n".to_string()),
        Just("### Q1: ".to_string()),
        Just("# 3. ".to_string()),
        Just("**Answer** — ".to_string()),
        Just("**Expected Answer Points**:\n".to_string()),
        Just("- Example: \"".to_string()),
        Just("```\n".to_string()),
        Just("~~~~\n".to_string()),
        Just("---\n".to_string()),
        Just("+++\n".to_string()),
        Just("| a | b |\n|:-|-:|\n".to_string()),
        Just("<details><summary>".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("  - ".to_string()),
        Just("Tags: a, b\n".to_string()),
        Just("Id: x\n".to_string()),
        Just("â€”".to_string()),
        Just("ðŸ“".to_string()),
        "[a-zA-Z0-9 ?.:*|`#()-]{0,20}",
        "\\PC{0,8}",
        Just("\n".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let parsed = parse_bytes(&bytes);
        for card in &parsed.cards {
            prop_assert!(!card.question.is_empty());
        }
    }

    #[test]
    fn arbitrary_markdown_never_panics(pieces in proptest::collection::vec(markdown_piece(), 0..80)) {
        let text: String = pieces.concat();
        let deck = load_text("fuzz/01-file.md", &text);
        let mut ids: Vec<&str> = deck.cards.iter().map(|c| c.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), deck.cards.len(), "ids are unique");
        prop_assert_eq!(deck.tree.nodes[0].total, deck.cards.len());
    }
}

#[test]
fn a_long_file_parses_in_linear_time() {
    // 4 MB of cards; a quadratic parser would not finish in the test's lifetime.
    let card = "## What is question number x?\n\n### Answer\nSome answer text here.\n\n### Key points\n- one\n- two\n\n";
    let text = card.repeat(4 * 1024 * 1024 / card.len());
    let deck = load_text("big.md", &text);
    assert!(deck.cards.len() > 40_000);
}

#[test]
fn deep_nesting_and_huge_lines_do_not_overflow() {
    // "- - - … x" opens one list inside another 10,000 times on a single line.
    let mut text = String::from("## Q?\n\n### Key points\n");
    text.push_str(&"- ".repeat(10_000));
    text.push_str("deep\n");
    for depth in 0..200 {
        text.push_str(&" ".repeat(depth * 2));
        text.push_str("- level\n");
    }
    text.push_str("### Detail\n");
    text.push_str(&">".repeat(10_000));
    text.push_str(" quoted\n\n");
    text.push_str(&"x".repeat(1 << 20));
    let deck = load_text("deep.md", &text);
    assert_eq!(deck.cards.len(), 1);
    assert!(deck.cards[0].detail.as_deref().unwrap().len() > 1 << 20);
}

/// Found by `arbitrary_markdown_never_panics`: a tag check sliced inside a character.
#[test]
fn regression_multibyte_after_angle_bracket() {
    for text in [
        "<𞹏%𛰂.`**Answer** — ### Answer",
        "<dé",
        "<détails>",
        "<\u{1F600}",
    ] {
        let _ = load_text("r.md", text);
    }
}
