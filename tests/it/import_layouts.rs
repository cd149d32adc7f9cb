//! Pins what each web layout yields from the fixtures in tests/fixtures/layouts, and that
//! every layout survives export to canonical markdown and back.

use prepdeck::export::{anki, markdown, report};
use prepdeck::load::{Deck, load_text};
use prepdeck::model::{Align, Card};
use std::collections::HashSet;

use crate::common::{card_starting as card, load_layout_fixture as load_fixture};

fn questions(deck: &Deck) -> Vec<&str> {
    deck.cards.iter().map(|c| c.question.as_str()).collect()
}

#[test]
fn details_blocks_topics_fences_and_unanswered() {
    let deck = load_fixture("details.md");
    assert_eq!(deck.files[0].layout, "details");
    // The one warning names the placeholder answers.
    assert_eq!(deck.warnings.len(), 1, "{:?}", deck.warnings);
    assert!(deck.warnings[0].message.contains("placeholder"));
    assert_eq!(
        questions(&deck),
        [
            "Which on-call shift taught you the most?",
            "What would you automate first in a new team?",
            "What does the `nice` value change?",
            "How do you find which process holds a deleted file open?",
            "Which signals cannot be caught or ignored?",
            "What is an inode?",
        ]
    );
    let c = card(&deck, "What does the `nice`");
    assert_eq!(c.topic, ["Details", "Linux", "Processes"]);
    assert_eq!(
        c.answer.as_deref(),
        Some(
            "It changes the weight the **CFS scheduler** gives a process: a lower value\n\
             means a bigger share of CPU time."
        )
    );
    let detail = c.detail.as_deref().unwrap();
    assert!(detail.starts_with("Try it:\n\n```bash\n### not a heading: a comment in a fence\n"));
    assert!(
        detail.contains("# ---\n```"),
        "a rule inside a fence is code: {detail}"
    );
    assert!(detail.ends_with("- [sched(7)](https://man7.org/linux/man-pages/man7/sched.7.html)"));
    assert!(c.key_points.is_empty() && c.tables.is_empty() && c.why.is_none());
    assert_eq!(c.source.line, 20);
    assert!(!c.is_unanswered());

    // Bare list items and placeholder answers are cards without answers.
    assert_eq!(card(&deck, "Which on-call").topic, ["Details", "Warm-up"]);
    for q in [
        "Which on-call",
        "What would you automate",
        "How do you find which",
    ] {
        assert!(card(&deck, q).is_unanswered(), "{q}");
    }
    // An HTML table becomes a pipe table; a one-line block with a bold answer is read.
    assert_eq!(
        card(&deck, "Which signals").answer.as_deref(),
        Some("| Signal | Number |\n| --- | --- |\n| SIGKILL | 9 |\n| SIGSTOP | 19 |")
    );
    let inode = card(&deck, "What is an inode?");
    assert_eq!(inode.topic, ["Details", "Linux", "Storage"]);
    assert_eq!(
        inode.answer.as_deref(),
        Some("The on-disk record of a file's metadata and block pointers, without its name.")
    );
    for c in &deck.cards {
        assert!(!c.question.contains('<'), "tag left in {:?}", c.question);
    }
}

#[test]
fn hints_blocks_every_field_and_no_table_of_contents() {
    let deck = load_fixture("hints.md");
    assert_eq!(deck.files[0].layout, "hints");
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
    assert_eq!(deck.cards.len(), 3, "the table of contents is not a card");
    let c = card(&deck, "Your team gets forty pages");
    assert_eq!(c.topic, ["07 – Observability"]);
    assert_eq!(
        c.question,
        "Your team gets forty pages a week and most of them need no action. \
         How would you find the alerts worth keeping? What would you change about the rest?"
    );
    assert_eq!(
        c.key_points,
        [
            "Review a month of pages and tag each as actionable or not.",
            "Alert on symptoms users feel, not on causes.\n- Move cause-based alerts to dashboards or tickets.",
        ]
    );
    assert_eq!(c.answer, None);
    assert_eq!(c.detail, None);
    assert_eq!(c.source.line, 25);
    assert_eq!(
        card(&deck, "Which four signals").key_points[0],
        "**Latency**, split into successful and failed requests."
    );
}

#[test]
fn qa_headings_keep_bold_sublabels_and_fenced_comments_as_text() {
    let deck = load_fixture("qa_headings.md");
    assert_eq!(deck.files[0].layout, "qa-headings");
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
    assert_eq!(
        questions(&deck),
        [
            "Rolling Updates",
            "Requests and Limits",
            "You deploy a workload and its pods stay Pending. What do you check?",
        ],
        "`# comment` lines in fences and the reading list are not cards"
    );
    let c = card(&deck, "Rolling Updates");
    assert_eq!(c.topic, ["Kubernetes Mock Interview #1 - Answer Key"]);
    assert!(
        c.answer
            .as_deref()
            .unwrap()
            .starts_with("A Deployment replaces pods gradually")
    );
    let detail = c.detail.as_deref().unwrap();
    assert!(detail.starts_with("**Example: Conservative Rollout**\n\n```yaml\n# every line"));
    assert!(detail.contains("## still a comment"));
    assert!(detail.ends_with("**Explanation:**\n- Readiness probes gate each step."));
    assert_eq!(
        c.example, None,
        "`**Example: …**` is a sub-heading, not a field"
    );
    let limits = card(&deck, "Requests and Limits");
    assert_eq!(
        limits.answer, None,
        "a lone bold label is not a short answer"
    );
    assert_eq!(limits.tables.len(), 1);
    assert_eq!(
        limits.tables[0].header,
        ["Setting", "Used by", "Effect when exceeded"]
    );
    assert_eq!(
        limits.tables[0].align,
        [Align::None, Align::Center, Align::Right]
    );
    assert_eq!(
        limits.detail.as_deref(),
        Some("**Requests vs Limits:**\n\n**Rule of thumb:** set memory limits equal to requests.")
    );
    let pending = card(&deck, "You deploy a workload");
    assert_eq!(
        pending.detail.as_deref(),
        Some("```bash\nkubectl describe pod web-0\n```")
    );
}

#[test]
fn qa_headings_also_read_numbered_question_headings() {
    let deck = load_text(
        "mock.md",
        "# Mock\n\n## Question 1: Caching\n\n**Answer:**\n\nCache reads.\n\n\
         ## 2. Queues\n\n**Answer:**\n\nBuffer writes.\n",
    );
    assert_eq!(deck.files[0].layout, "qa-headings");
    assert_eq!(questions(&deck), ["Caching", "Queues"]);
    assert_eq!(deck.cards[1].answer.as_deref(), Some("Buffer writes."));
}

#[test]
fn design_is_one_card_with_the_outline() {
    let deck = load_fixture("design.md");
    assert_eq!(deck.files[0].layout, "design");
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
    assert_eq!(deck.cards.len(), 1);
    let c = &deck.cards[0];
    assert_eq!(c.question, "Design a metrics ingestion pipeline");
    assert_eq!(c.topic, ["Design"]);
    assert_eq!(
        c.key_points,
        [
            "Step 1: Outline use cases and constraints",
            "Step 2: Create a high level design",
            "Step 3: Scale the design",
            "Additional talking points",
        ]
    );
    assert_eq!(c.answer, None);
    let detail = c.detail.as_deref().unwrap();
    assert!(detail.starts_with("*Note: a worked outline"));
    assert!(detail.contains("#### Step 1: Outline use cases and constraints\n"));
    assert!(detail.contains("##### Use cases\n\n#### In scope"));
    assert!(detail.contains("```python\n# a comment in code, not a heading\n"));
    assert!(!c.is_unanswered());
}

#[test]
fn qa_lines_multi_line_answers_topics_and_unanswered() {
    let deck = load_fixture("qa_lines.txt");
    assert_eq!(deck.files[0].layout, "qa-lines");
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
    assert_eq!(deck.cards.len(), 4, "a `Q:` inside a fence is code");
    let c = card(&deck, "What does TTL mean");
    assert_eq!(c.topic, ["Qa Lines", "Networking"]);
    assert_eq!(
        c.answer.as_deref(),
        Some(
            "The number of hops a packet may still take.\nEach router decrements it and drops \
             the packet at zero,\nwhich is what traceroute relies on:\n\n```\ntraceroute \
             example.org\nQ: this line is inside a fence\n```"
        )
    );
    assert_eq!(c.source.line, 6);
    assert_eq!(
        card(&deck, "What does `set -e`").topic,
        ["Qa Lines", "Shell"]
    );
    assert!(card(&deck, "What is the difference between a hard").is_unanswered());
}

#[test]
fn multibyte_text_after_a_tag_opener_is_fine() {
    let deck = load_text(
        "m.md",
        "<𞹏%𛰂.`**Answer** — ### Answer\n<details><summary>é</summary>ü</details>\n",
    );
    assert_eq!(questions(&deck), ["é"]);
    assert_eq!(deck.cards[0].answer.as_deref(), Some("ü"));
}

#[test]
fn a_file_in_no_layout_warns_with_every_layout_named() {
    let deck = load_text("notes.md", "# Notes\n\nJust some prose about servers.\n");
    assert_eq!(deck.files[0].layout, "unknown");
    assert!(deck.cards.is_empty());
    let message = &deck.warnings[0].message;
    assert!(message.starts_with("no cards found"), "{message}");
    for name in ["details", "hints", "qa-headings", "design", "qa-lines"] {
        assert!(message.contains(name), "{message}");
    }
}

/// The fields that must survive a round trip through canonical markdown.
fn fields(c: &Card) -> impl PartialEq + std::fmt::Debug + '_ {
    (
        (&c.id, &c.question, &c.why, &c.answer, &c.key_points),
        (
            &c.detail,
            &c.tables,
            &c.takeaway,
            &c.example,
            &c.follow_ups,
            &c.tags,
        ),
    )
}

#[test]
fn every_layout_round_trips_through_canonical_markdown() {
    for name in [
        "details.md",
        "hints.md",
        "qa_headings.md",
        "design.md",
        "qa_lines.txt",
        "canonical.md",
        "numbered.md",
        "answer_points.md",
    ] {
        let deck = load_fixture(name);
        assert!(!deck.cards.is_empty(), "{name}");
        let text = markdown::export(&deck.cards);
        let back = load_text("export.md", &text);
        assert_eq!(back.files[0].layout, "canonical", "{name}:\n{text}");
        assert!(back.errors.is_empty(), "{name}: {:?}", back.errors);
        assert_eq!(back.cards.len(), deck.cards.len(), "{name}:\n{text}");
        let mut sorted: Vec<&Card> = back.cards.iter().collect();
        sorted.sort_by_key(|c| deck.cards.iter().position(|o| o.id == c.id));
        for (a, b) in deck.cards.iter().zip(sorted) {
            assert_eq!(fields(a), fields(b), "{name}:\n{text}");
        }
        // A second round trip changes nothing.
        assert_eq!(markdown::export(&back.cards), text, "{name}");
    }
}

#[test]
fn markdown_export_keeps_two_level_topics_without_id_lines() {
    let deck = load_fixture("qa_lines.txt");
    let text = markdown::export(&deck.cards);
    assert!(text.starts_with("+++\ntitle = \"Qa Lines\"\n+++\n\n# Networking\n\n## What port"));
    assert!(!text.contains("Id:"), "{text}");
    let back = load_text("export.md", &text);
    let topics: Vec<_> = back.cards.iter().map(|c| c.topic.clone()).collect();
    let original: Vec<_> = deck.cards.iter().map(|c| c.topic.clone()).collect();
    assert_eq!(topics, original);
}

#[test]
fn markdown_export_writes_ids_where_a_deeper_topic_would_change_them() {
    let deck = load_fixture("details.md");
    let text = markdown::export(&deck.cards);
    assert!(text.contains("# Linux › Processes\n"), "{text}");
    assert!(text.contains("Id: "), "{text}");
}

#[test]
fn anki_header_escaping_and_one_row_per_card() {
    let deck = load_text(
        "a b.txt",
        "# Shell Basics\n\nQ: What does <b>`a\tb`</b> print? \"Quoted\"\n\
         A: It prints `a` & a tab,\nthen <script>x</script> <b>literally</b>.\n",
    );
    let out = anki::export(&deck.cards, "prepdeck");
    let mut lines = out.lines();
    for header in [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        "#guid column:1",
        "#deck column:4",
        "#tags column:5",
    ] {
        assert_eq!(lines.next(), Some(header), "{out}");
    }
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 1, "{out}");
    let cols: Vec<&str> = rows[0].split('\t').collect();
    assert_eq!(cols.len(), 5, "{out}");
    assert_eq!(cols[0], deck.cards[0].id, "the card id is the note's GUID");
    assert_eq!(
        cols[1],
        "What does <code>a b</code> print? &quot;Quoted&quot;"
    );
    // Raw HTML means the same in the back as in the front: formatting kept, other
    // tags dropped with their text kept.
    assert_eq!(
        cols[2],
        "<p>It prints <code>a</code> &amp; a tab, then x <b>literally</b>.</p>"
    );
    assert_eq!(
        cols[3], "prepdeck::Shell Basics",
        "the only `#` heading titles the file"
    );
    assert_eq!(cols[4], "");
}

#[test]
fn anki_escapes_a_leading_hash_keeps_code_tabs_and_nests_decks() {
    let deck = load_text(
        "ops/incidents.md",
        "# Outages\n\n## #1 cause of outages: what is it?\n\n### Answer\nChange.\n\n\
         ```\nif bad:\n\trollback\n```\n",
    );
    let out = anki::export(&deck.cards, "Interviews::SRE");
    let row = out.lines().nth(6).unwrap();
    let cols: Vec<&str> = row.split('\t').collect();
    assert_eq!(cols.len(), 5, "{out}");
    assert_eq!(cols[1], "&#35;1 cause of outages: what is it?");
    assert!(
        cols[2].contains("<pre><code>if bad:<br>&#9;rollback<br></code></pre>"),
        "{}",
        cols[2]
    );
    assert_eq!(cols[3], "Interviews::SRE::Ops::Outages");
    let bare = anki::export(&deck.cards, "");
    assert!(bare.contains("\tOps::Outages\t"), "{bare}");
}

#[test]
fn anki_back_has_points_and_takeaway_and_tags_carry_card_tags() {
    let deck = load_fixture("canonical.md");
    let c = card(&deck, "When would you put a cache");
    let back = anki::back(c);
    assert!(back.starts_with("<p>When reads dominate"), "{back}");
    assert!(
        back.contains("<ul><li>Read-heavy workloads with a high hit ratio</li>"),
        "{back}"
    );
    assert!(
        back.ends_with("<p><b>Takeaway:</b> Cache only what may be stale.</p>"),
        "{back}"
    );
    assert!(!back.contains('\n'));
    assert_eq!(anki::tags(c), ["fixture", "caching", "performance"]);
    assert_eq!(
        anki::deck(c, "prepdeck"),
        "prepdeck::Caching and Queues::Caching"
    );
}

#[test]
fn report_quotes_csv_and_uses_progress_rows() {
    let deck = load_text(
        "r.txt",
        "Q: Commas, \"quotes\" and more?\nA: yes\n\nQ: Plain?\nA: yes\n",
    );
    let first = deck.cards[0].id.clone();
    let lookup = move |id: &str| {
        (id == first).then(|| report::ProgressRow {
            phase: "review".to_string(),
            due: Some(86_400),
            reps: 3,
            lapses: 1,
            last_grade: Some(4),
            flagged: false,
            note: Some("mine, \"quoted\"".to_string()),
        })
    };
    let csv = report::export(&deck.cards, &lookup);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "id,topic,question,state,due,reps,lapses,last_grade,flagged,own_answer"
    );
    assert_eq!(
        lines[1],
        format!(
            "{},R,\"Commas, \"\"quotes\"\" and more?\",review,1970-01-02T00:00:00Z,3,1,4,,\"mine, \"\"quoted\"\"\"",
            deck.cards[0].id
        )
    );
    assert_eq!(
        lines[2],
        format!("{},R,Plain?,new,,0,0,,,", deck.cards[1].id)
    );
    assert_eq!(report::quote("a\nb"), "\"a\nb\"");
}

#[test]
fn multi_paragraph_points_survive_the_round_trip() {
    let deck = load_text(
        "p.md",
        "## Q?\n\n### Answer\nA.\n\n### Key points\n- first\n\n  second paragraph\n- one\n  - nested\n- lazy\n  continued\n",
    );
    let points = &deck.cards[0].key_points;
    assert_eq!(
        points,
        &["first\nsecond paragraph", "one\n- nested", "lazy continued"]
    );
    let back = load_text("export.md", &markdown::export(&deck.cards));
    assert_eq!(&back.cards[0].key_points, points);
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of the web layouts' structure, mixed at random.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<details>\n".to_string()),
            Just("<details><summary>".to_string()),
            Just("<summary><b>".to_string()),
            Just("</b></summary><br>\n".to_string()),
            Just("</details>\n".to_string()),
            Just("- <b>".to_string()),
            Just("</b>\n".to_string()),
            Just("<summary>Hints / Key Points</summary>\n".to_string()),
            Just("## 1) ".to_string()),
            Just("**Question (Scenario):**\n".to_string()),
            Just("## Question 2: ".to_string()),
            Just("**Answer:**\n".to_string()),
            Just("# Design ".to_string()),
            Just("Q: ".to_string()),
            Just("A: ".to_string()),
            Just("<table><tr><td>".to_string()),
            Just("</td></tr></table>\n".to_string()),
            Just("```\n".to_string()),
            Just("---\n".to_string()),
            Just("| a | b |\n|---|---|\n".to_string()),
            Just("  - ".to_string()),
            Just("<code>".to_string()),
            Just("<br>".to_string()),
            Just(" ***".to_string()),
            "[a-zA-Z0-9 ?.:*|`#()<>/-]{0,20}",
            "\\PC{0,8}",
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("### Answer\n".to_string()),
            Just("### Key points\n".to_string()),
            Just("# 3. ".to_string()),
            Just("**Answer** — ".to_string()),
            Just("### Q1: ".to_string()),
            Just("**Expected Answer Points**:\n".to_string()),
            Just("<𞹏%𛰂.".to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn web_layouts_never_panic_and_survive_export(pieces in proptest::collection::vec(piece(), 0..60)) {
            let text: String = pieces.concat();
            let deck = load_text("fuzz.md", &text);
            for c in &deck.cards {
                prop_assert!(!c.question.is_empty());
            }
            let md = markdown::export(&deck.cards);
            let back = load_text("export.md", &md);
            prop_assert_eq!(back.cards.len(), deck.cards.len(), "{}", md);
            let ids: HashSet<&str> = back.cards.iter().map(|c| c.id.as_str()).collect();
            for c in &deck.cards {
                prop_assert!(ids.contains(c.id.as_str()), "{} lost its id in\n{}", c.question, md);
            }
            let _ = anki::export(&deck.cards, "prepdeck");
        }
    }
}

#[test]
fn a_collapsible_example_does_not_turn_a_labelled_file_into_details() {
    let text = "## 1. Caching (2 Questions)\n\n### Q1: When cache?\n\n**Expected Answer Points**:\n- reads dominate\n\n\
                <details><summary>Example</summary>\nWe cached pages.\n</details>\n\n### Q2: What is TTL?\n\n\
                **Expected Answer Points**:\n- time to live\n";
    let deck = load_text("ap.md", text);
    assert_eq!(deck.files[0].layout, "answer-points");
    assert_eq!(deck.cards.len(), 2);
}
