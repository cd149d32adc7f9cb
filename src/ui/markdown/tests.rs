//! The markdown renderer against the layouts a card's sections use.
use super::*;

/// Found by the hostile-input tests: a list 10,000 levels deep holding a quote
/// 10,000 levels deep drew one bar per level on every line and took over 30 seconds.
#[test]
fn deep_nesting_is_drawn_at_most_half_the_width_deep() {
    let md = format!(
        "{}bottom\n{}quoted\n",
        "- ".repeat(10_000),
        "> ".repeat(10_000)
    );
    let started = std::time::Instant::now();
    let lines = text(&md, 40);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert!(lines.iter().any(|l| l.contains("quoted")), "{lines:?}");
    for line in &lines {
        assert!(wrap::width(line) <= 40, "{line:?}");
        let prefix = line.chars().take_while(|c| *c == ' ' || *c == '│').count();
        assert!(prefix <= 22, "{line:?}");
    }
    // Shallow nesting is drawn as before.
    assert!(text("> > a", 40).iter().any(|l| l == "│ │ a"));
}

fn text(md: &str, width: usize) -> Vec<String> {
    render(md, width, &Theme::default())
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn nested_lists_hang() {
    let out = text(
        "- first item that wraps\n  - nested item\n- second\n\n1. one\n2. two",
        14,
    );
    assert_eq!(
        out,
        [
            "• first item",
            "  that wraps",
            "  • nested",
            "    item",
            "• second",
            "",
            "1. one",
            "2. two"
        ]
    );
}

#[test]
fn code_links_quotes_and_html() {
    let out = text(
        "Run `ls` now.\n\n```bash\n# list\nls -la\n```\n\n> quoted\n\n[docs](https://x.io)<br>next <b>bold</b>",
        40,
    );
    assert_eq!(out[0], "Run ls now.");
    assert!(out[2].starts_with(" # list"));
    assert!(out.iter().any(|l| l == "│ quoted"));
    assert!(out.iter().any(|l| l == "docs (https://x.io)"));
    assert!(out.iter().any(|l| l == "next bold"));
    assert!(!out.iter().any(|l| l.contains("<b>") || l.contains("<br>")));
}

#[test]
fn details_blocks_read_as_text() {
    let out = text(
        "<details>\n<summary>Why?</summary>\n\nBecause.\n\n</details>",
        30,
    );
    assert!(out.contains(&"Why?".to_string()), "{out:?}");
    assert!(out.contains(&"Because.".to_string()));
    assert!(!out.iter().any(|l| l.contains('<')));
}

#[test]
fn escapes_never_survive() {
    let out = text("evil \x1b]52;c;aGk=\x07 text\n\n```\n\x1b[2J\n```", 40);
    assert!(
        out.iter()
            .all(|l| !l.contains('\x1b') && !l.contains('\x07'))
    );
}

#[test]
fn snippets_are_inline_only() {
    let plain = |md: &str| -> String {
        inline_runs(md, Style::default(), &Theme::default())
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    };
    assert_eq!(plain("> 80% of max"), "> 80% of max");
    assert_eq!(plain("1. first"), "1. first");
    assert_eq!(plain("- dash"), "- dash");
    assert_eq!(plain("**bold** `code`"), "bold code");
    assert_eq!(plain("*emphasis* at the start"), "emphasis at the start");
}

#[test]
fn tables_fit_the_width() {
    let out = text("| a | b |\n|---|--:|\n| 1 | 2 |", 20);
    assert_eq!(out[0], "┌───┬───┐");
    assert_eq!(out[3], "│ 1 │ 2 │");
}

#[test]
fn wrapped_code_stays_under_its_first_character() {
    let out = text(
        "```\nfn main() {\n    let total = first + second + third;\n}\n```",
        24,
    );
    // " " pad, 4 spaces of indentation, then the code; continuations hang at column 5.
    assert_eq!(out[1], "     let total = first +");
    assert!(
        out[2].starts_with("     ") && !out[2].starts_with("      "),
        "{out:?}"
    );
    assert_eq!(out[2].trim(), "second + third;");
}

#[test]
fn no_wrapped_line_starts_with_a_stray_space() {
    let md = "A **canary** sends `5%` of the traffic, *then* 25%, to the new [version](https://x.io) \
              while the error budget holds; a rollback is one command away.";
    for width in 12..60 {
        for line in text(md, width) {
            assert!(!line.starts_with(' '), "width {width}: {line:?}");
        }
    }
}
