//! No input makes the parser panic or hang: arbitrary bytes and arbitrary markdown-like
//! text built from the constructs the layouts care about.

use prepdeck::load::load_text;
use prepdeck::parse::{parse_bytes, parse_named};
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

/// Pieces of Anki exports and CSV files: header lines, separators, quotes, HTML and
/// character references, mixed at random.
fn table_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("#separator:tab\n".to_string()),
        Just("#separator:comma\n".to_string()),
        Just("#html:true\n".to_string()),
        Just("#html:false\n".to_string()),
        Just("#guid column:1\n".to_string()),
        Just("#deck column:3\n".to_string()),
        Just("#tags column:9\n".to_string()),
        Just("#notetype:Cloze\n".to_string()),
        Just("#columns:Back\tFront\n".to_string()),
        Just("question,answer,tags,topic\n".to_string()),
        Just("Front\tBack\n".to_string()),
        Just("\t".to_string()),
        Just(",".to_string()),
        Just(";".to_string()),
        Just("\"".to_string()),
        Just("\"\"".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("::".to_string()),
        Just("# ".to_string()),
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<ul><li>".to_string()),
        Just("</li></ul>".to_string()),
        Just("<pre><code class=\"language-".to_string()),
        Just("<br>".to_string()),
        Just("<b>".to_string()),
        Just("</b>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("&nbsp;".to_string()),
        Just("&#35;".to_string()),
        Just("&#x1F600;".to_string()),
        Just("&#99999999;".to_string()),
        Just("{{c1::".to_string()),
        Just("}}".to_string()),
        Just("**Takeaway:** ".to_string()),
        "[a-zA-Z0-9 ?.:*|`#<>&;/-]{0,16}",
        "\\PC{0,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_tables_never_panic(
        pieces in proptest::collection::vec(table_piece(), 0..80),
        ext in prop_oneof![Just("txt"), Just("csv"), Just("tsv")],
    ) {
        let text: String = pieces.concat();
        let name = format!("fuzz/01-table.{ext}");
        let parsed = parse_named(&name, text.as_bytes());
        for card in &parsed.cards {
            prop_assert!(!card.question.trim().is_empty());
        }
        let deck = load_text(&name, &text);
        let mut ids: Vec<&str> = deck.cards.iter().map(|c| c.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), deck.cards.len(), "ids are unique");
        if deck.cards.is_empty() {
            prop_assert!(!deck.warnings.is_empty() || !deck.errors.is_empty(), "a table without cards says why");
        }
    }

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
