//! The layouts of ordinary notes (issue: read the notes people actually write): question
//! markers in headings, answer labels, hidden answers, question tables, Obsidian and
//! Logseq cards, mixed files, placeholder answers, and files that hold no cards.

use prepdeck::load::load_text;
use prepdeck::parse::parse_bytes;
use proptest::prelude::*;

use crate::common::{card_starting as card, load_layout_fixture as load_fixture, prepdeck};

fn questions(deck: &prepdeck::load::Deck) -> Vec<&str> {
    deck.cards.iter().map(|c| c.question.as_str()).collect()
}

#[test]
fn question_markers_in_headings_at_any_level() {
    let deck = load_fixture("q_markers.md");
    assert_eq!(deck.files[0].layout, "question-headings");
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
    assert_eq!(
        questions(&deck),
        [
            "What is a Pod?",
            "Why run a Deployment rather than bare Pods",
            "What does kube-proxy do?",
            "How does a headless Service differ?",
            "Explain NetworkPolicy defaults",
        ]
    );
    let pod = card(&deck, "What is a Pod?");
    assert_eq!(pod.topic, ["Kubernetes questions", "Basics"]);
    assert!(
        pod.answer
            .as_deref()
            .unwrap()
            .starts_with("The smallest thing")
    );
    // A deeper heading that does not ask, and a `#` line in a fence, stay in the answer.
    let detail = pod.detail.as_deref().unwrap();
    assert!(detail.contains("#### Example") && detail.contains("# not a heading"));
    // Numbering restarts per section; `## Q:` closes the `## Networking` topic.
    assert_eq!(
        card(&deck, "What does kube-proxy").topic,
        ["Kubernetes questions", "Networking"]
    );
    assert_eq!(
        card(&deck, "How does a headless").topic,
        ["Kubernetes questions"]
    );
    assert!(
        card(&deck, "Explain NetworkPolicy")
            .answer
            .as_deref()
            .unwrap()
            .ends_with("only what\nthe policies allow gets through.")
    );
    // The license section and the table of contents are not cards.
    assert!(
        !questions(&deck)
            .iter()
            .any(|q| q.contains("MIT") || q.contains("Basics"))
    );
}

#[test]
fn answer_labels_and_scenarios_under_any_question() {
    let deck = load_fixture("answer_labels.md");
    assert_eq!(deck.files[0].layout, "question-headings");
    assert_eq!(deck.cards.len(), 5, "{:?}", questions(&deck));
    let inode = card(&deck, "What is an inode?");
    assert_eq!(
        inode.answer.as_deref(),
        Some("The on-disk record of a file's metadata and the pointers to its blocks.")
    );
    assert!(
        inode
            .detail
            .as_deref()
            .unwrap()
            .starts_with("**Explanation:** Every file")
    );
    assert_eq!(
        card(&deck, "How do you find which process")
            .answer
            .as_deref(),
        Some("`ss -ltnp 'sport = :8080'`, or `lsof -i :8080` where ss is missing.")
    );
    // `**Scenario:**` under a heading is the question; `**Solution:**` its answer.
    let disk = card(&deck, "`df` says the root filesystem");
    assert_eq!(disk.topic, ["Linux troubleshooting"]);
    assert_eq!(
        disk.answer.as_deref(),
        Some("A deleted file is still held open by a process, so its blocks are not freed.")
    );
    let detail = disk.detail.as_deref().unwrap();
    assert!(detail.starts_with("- `lsof +L1`"));
    assert!(detail.ends_with(
        "**Technical Answer**: the blocks are released when the last descriptor closes."
    ));
    // Bold list questions with `**A:**` and `**Answer** —` labels, numbered under a heading.
    assert_eq!(
        card(&deck, "What is a zombie process?").answer.as_deref(),
        Some("A child that has exited but whose parent has not called `wait()` yet.")
    );
    assert_eq!(
        card(&deck, "Why can't you kill a zombie").answer.as_deref(),
        Some("it is already dead; reap it by fixing or restarting the parent.")
    );
}

#[test]
fn a_heading_over_a_hidden_answer_asks_the_question() {
    let deck = load_fixture("hidden_answers.md");
    assert_eq!(deck.files[0].layout, "details");
    assert_eq!(
        questions(&deck),
        [
            "Create a pod named web running nginx",
            "List the pods of every namespace, with their nodes",
            "Scale the deployment api to five replicas",
        ]
    );
    let pod = card(&deck, "Create a pod");
    assert_eq!(pod.topic, ["kubectl exercises"]);
    assert_eq!(
        pod.answer.as_deref(),
        Some("```bash\nkubectl run web --image=nginx\n```")
    );
    assert_eq!(
        card(&deck, "Scale the deployment").answer.as_deref(),
        Some("kubectl scale deploy/api --replicas=5")
    );
}

#[test]
fn question_tables_give_a_card_per_row() {
    let deck = load_fixture("qa_tables.md");
    assert_eq!(deck.files[0].layout, "qa-tables");
    assert_eq!(
        questions(&deck),
        [
            "What is an SLI?",
            "What is an error budget?",
            "What does MTTR mean?",
            "What is toil?",
            "Canary",
            "Feature flag",
        ]
    );
    let budget = card(&deck, "What is an error budget?");
    assert_eq!(budget.topic, ["SRE glossary", "Reliability"]);
    assert_eq!(
        budget.answer.as_deref(),
        Some("1 minus the SLO over the window\nspent by failures")
    );
    assert_eq!(budget.tags, ["slo"]);
    assert_eq!(card(&deck, "What is an SLI?").tags, ["slo", "metrics"]);
    // The row with an unescaped `|` is read, its extra cells joined into the answer.
    assert_eq!(
        card(&deck, "What does MTTR").answer.as_deref(),
        Some("Mean time to restore | uses a | pipe")
    );
    assert_eq!(deck.warnings.len(), 1, "{:?}", deck.warnings);
    assert_eq!(deck.warnings[0].line, 11);
    assert!(deck.warnings[0].message.contains("unescaped `|`"));
    assert!(card(&deck, "What is toil?").is_unanswered());
    assert_eq!(card(&deck, "Canary").topic, ["SRE glossary", "Delivery"]);
}

#[test]
fn obsidian_flashcards_one_line_multi_line_and_reversed() {
    let deck = load_fixture("obsidian.md");
    assert_eq!(deck.files[0].layout, "obsidian");
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
    assert_eq!(
        questions(&deck),
        [
            "What is an error budget",
            "SLO",
            "Service level objective",
            "What happens when the budget is spent?",
            "Burn rate",
            "How fast the error budget is being used, relative to the window.",
            "Page on what",
        ]
    );
    let topic = |q| card(&deck, q).topic.clone();
    assert_eq!(topic("SLO"), ["Obsidian", "sre", "error budgets"]);
    assert_eq!(
        topic("Page on what"),
        ["Obsidian", "sre", "error budgets", "Paging"]
    );
    assert_eq!(card(&deck, "Service level").answer.as_deref(), Some("SLO"));
    assert_eq!(
        card(&deck, "What happens").answer.as_deref(),
        Some(
            "Releases stop except for fixes, and the team works on reliability\nuntil the budget recovers."
        )
    );
    assert_eq!(card(&deck, "How fast").answer.as_deref(), Some("Burn rate"));
}

#[test]
fn logseq_blocks_tagged_card() {
    let deck = load_fixture("logseq.md");
    assert_eq!(deck.files[0].layout, "logseq");
    assert_eq!(
        questions(&deck),
        [
            "What is a CNAME record?",
            "Why can't a CNAME sit at the zone apex?",
            "What does SNI do?",
        ]
    );
    let cname = card(&deck, "What is a CNAME");
    assert_eq!(cname.topic, ["Logseq", "DNS"]);
    // Logseq's review properties are not part of the answer.
    assert_eq!(
        cname.answer.as_deref(),
        Some("An alias from one name to another name.")
    );
    assert_eq!(
        card(&deck, "Why can't a CNAME").answer.as_deref(),
        Some(
            "- The apex must hold SOA and NS records.\n- A CNAME may not share its name with other records."
        )
    );
    assert_eq!(card(&deck, "What does SNI").topic, ["Logseq", "TLS"]);
}

#[test]
fn a_mixed_file_preface_topics_and_numbered_bold_questions() {
    let deck = load_fixture("mixed_notes.md");
    assert_eq!(deck.files[0].layout, "bold-questions");
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
    assert_eq!(
        questions(&deck),
        [
            "What does `nice` change?",
            "How do you see which files a process has open?",
            "What is the difference between merge and rebase?",
            "What does `git reflog` show?",
        ]
    );
    assert_eq!(
        card(&deck, "What is the difference").topic,
        ["DevOps interview prep", "Git"]
    );
    assert_eq!(
        card(&deck, "What is the difference").answer.as_deref(),
        Some("Merge keeps both histories; rebase replays commits onto a new base.")
    );
    assert!(
        card(&deck, "What does `git reflog`")
            .detail
            .as_deref()
            .unwrap()
            .contains("# Tip: not a heading")
    );
}

#[test]
fn placeholder_answers_leave_cards_unanswered_with_one_warning() {
    let deck = load_fixture("placeholders.md");
    assert_eq!(deck.cards.len(), 5);
    let unanswered: Vec<&str> = deck
        .cards
        .iter()
        .filter(|c| c.is_unanswered())
        .map(|c| c.question.as_str())
        .collect();
    assert_eq!(
        unanswered,
        [
            "What is a runbook?",
            "What is a postmortem?",
            "What is chaos engineering?",
            "What is a game day?",
        ]
    );
    assert_eq!(deck.files[0].unanswered, 4);
    assert_eq!(deck.warnings.len(), 1);
    assert_eq!(deck.warnings[0].line, 3);
    assert!(deck.warnings[0].message.contains("at lines 3, 9, 12, 15"));
    let out = prepdeck(&["check", &crate::common::layout_fixture("placeholders.md")]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("5 cards (4 unanswered)"), "{text}");
}

#[test]
fn prefaces_contents_licenses_and_readmes_give_no_cards_and_no_errors() {
    for (name, hint) in [
        ("no_cards_toc.md", "looks like question headings"),
        ("no_cards_license.md", "matches none of the layouts"),
        ("no_cards_readme.md", "looks like question headings"),
    ] {
        let deck = load_fixture(name);
        assert!(deck.cards.is_empty(), "{name}");
        assert!(deck.errors.is_empty(), "{name}: {:?}", deck.errors);
        assert_eq!(deck.warnings.len(), 1, "{name}");
        assert!(
            deck.warnings[0].message.contains(hint),
            "{name}: {}",
            deck.warnings[0].message
        );
    }
}

#[test]
fn near_misses_are_told_what_they_need() {
    for (text, need) in [
        (
            "Q: What is a Pod?\nThe smallest unit.\n",
            "start each answer with `A:`",
        ),
        ("What is toil::manual work\n", "no `#flashcards` tag"),
        (
            "| Command | Use |\n|---|---|\n| ls | list |\n",
            "names no question and answer columns",
        ),
        ("1. **Networking** basics\n", "no bold list item asks"),
    ] {
        let deck = load_text("notes.md", text);
        assert!(deck.cards.is_empty(), "{text}");
        assert!(
            deck.warnings[0].message.contains(need),
            "{}",
            deck.warnings[0].message
        );
    }
}

/// Pieces of the notes layouts, mixed at random.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("## Q: ".to_string()),
        Just("### Q1. ".to_string()),
        Just("#### Q12) ".to_string()),
        Just("## Question 3: ".to_string()),
        Just("## What is ".to_string()),
        Just("?\n".to_string()),
        Just("**Scenario:** ".to_string()),
        Just("**Solution:**\n".to_string()),
        Just("Answer: ".to_string()),
        Just("**A:** ".to_string()),
        Just("**Explanation:** ".to_string()),
        Just("1. **What is ".to_string()),
        Just("?** ".to_string()),
        Just("- **Q:** ".to_string()),
        Just("| Question | Answer | Tags |\n|---|---|---|\n".to_string()),
        Just("| q | a | b | c |\n".to_string()),
        Just("#flashcards/a/b\n".to_string()),
        Just("::".to_string()),
        Just(":::".to_string()),
        Just("\n?\n".to_string()),
        Just("\n??\n".to_string()),
        Just("- ".to_string()),
        Just("\t- ".to_string()),
        Just(" #card\n".to_string()),
        Just("  card-last-interval:: 4\n".to_string()),
        Just("[[".to_string()),
        Just("]]".to_string()),
        Just("<details><summary>show</summary>\n".to_string()),
        Just("</details>\n".to_string()),
        Just("To be completed.\n".to_string()),
        Just("https://example.com/\n".to_string()),
        Just("```\n".to_string()),
        Just("`".to_string()),
        Just("**".to_string()),
        "[a-zA-Z0-9 ?.:*|`#()-]{0,16}",
        "\\PC{0,6}",
        Just("\n".to_string()),
        Just("\n\n".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn notes_layouts_never_panic(pieces in proptest::collection::vec(piece(), 0..80)) {
        let text: String = pieces.concat();
        let parsed = parse_bytes(text.as_bytes());
        for card in &parsed.cards {
            prop_assert!(!card.question.is_empty());
        }
        let deck = load_text("fuzz/notes.md", &text);
        let mut ids: Vec<&str> = deck.cards.iter().map(|c| c.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), deck.cards.len(), "ids are unique");
    }
}
