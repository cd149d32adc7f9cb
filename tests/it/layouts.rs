//! Pins what each supported layout yields from the fixtures in tests/fixtures/layouts.

use prepdeck::load::{ContentSource, load, load_text};
use prepdeck::model::Align;

use crate::common::{card_starting as card, layout_fixture, load_layout_fixture as load_fixture};

#[test]
fn canonical_every_field() {
    let deck = load_fixture("canonical.md");
    assert_eq!(deck.files[0].layout, "canonical");
    assert_eq!(deck.cards.len(), 3);
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
    let c = card(&deck, "When would you put a cache");
    assert_eq!(c.topic, ["Caching and Queues", "Caching"]);
    assert_eq!(
        c.question,
        "When would you put a cache in front of a database?"
    );
    assert_eq!(
        c.why.as_deref(),
        Some("Tests whether you know when caching pays off.")
    );
    assert_eq!(
        c.answer.as_deref(),
        Some(
            "When reads dominate and the data tolerates some staleness.\nInvalidation decides whether it works."
        )
    );
    assert_eq!(
        c.key_points,
        [
            "Read-heavy workloads with a high hit ratio",
            "TTL or write-through **invalidation**\n- nested detail stays with its parent",
            "Cache stampede protection with request coalescing",
        ]
    );
    let detail = c.detail.as_deref().unwrap();
    assert!(detail.starts_with("A cache hides latency"));
    assert!(detail.contains("# this is a comment, not a heading"));
    assert!(detail.contains("```\n\n#### Pitfalls\n- Thundering herd"));
    assert_eq!(c.tables.len(), 1);
    let t = &c.tables[0];
    assert_eq!(t.header, ["Strategy", "Consistency", "Cost"]);
    assert_eq!(t.align, [Align::Left, Align::Center, Align::Right]);
    assert_eq!(
        t.rows,
        [
            ["TTL", "eventual", "low"],
            ["Write-through", "strong", "`a|b`"]
        ]
    );
    assert_eq!(c.takeaway.as_deref(), Some("Cache only what may be stale."));
    assert_eq!(
        c.example.as_deref(),
        Some("In my last team we cached product pages in Redis with a 60 second TTL.")
    );
    assert_eq!(
        c.follow_ups,
        ["How do you invalidate?", "What is a stampede?"]
    );
    assert_eq!(c.tags, ["fixture", "caching", "performance"]);
    assert_eq!(c.source.line, 10);
    assert!(c.source.file.ends_with("canonical.md"));

    let q = card(&deck, "SQS or Kafka");
    assert_eq!(q.id, "sqs-or-kafka");
    assert_eq!(q.topic, ["Caching and Queues", "Queues"]);
    assert_eq!(q.key_points.len(), 2);
}

#[test]
fn canonical_topic_tree() {
    let deck = load_fixture("canonical.md");
    let names: Vec<String> = deck
        .tree
        .preorder()
        .into_iter()
        .map(|n| deck.tree.nodes[n].name.clone())
        .collect();
    assert_eq!(names, ["Caching and Queues", "Caching", "Queues"]);
    assert_eq!(deck.files[0].topics, 2);
}

#[test]
fn numbered_labels_every_field_and_no_preface_or_trailer() {
    let deck = load_fixture("numbered.md");
    assert_eq!(deck.files[0].layout, "numbered-labels");
    assert_eq!(deck.cards.len(), 2, "preface and trailer are not cards");
    let c = &deck.cards[0];
    assert_eq!(c.question, "What does a load balancer health check do?");
    assert_eq!(c.topic, ["Numbered"]);
    assert_eq!(
        c.why.as_deref(),
        Some("checks whether you know how traffic avoids dead backends.")
    );
    assert_eq!(
        c.answer.as_deref(),
        Some("It probes each backend on an interval and takes failing ones out of rotation.")
    );
    let detail = c.detail.as_deref().unwrap();
    assert!(detail.starts_with("* **Active checks**"));
    assert!(detail.contains("  * nested bullets, `code`, **bold**"));
    assert_eq!(c.tables[0].header, ["Check", "Where", "Cost"]);
    assert_eq!(c.tables[0].align, [Align::None, Align::Right, Align::None]);
    assert_eq!(c.tables[0].rows.len(), 2);
    assert_eq!(
        c.takeaway.as_deref(),
        Some("health checks turn failures into routing decisions.")
    );
    let d = &deck.cards[1];
    assert_eq!(d.question, "Why use connection draining?");
    assert_eq!(d.why.as_deref(), Some("tests deploy hygiene."));
    assert!(
        d.detail
            .as_deref()
            .unwrap()
            .contains("# upstream block, not a heading")
    );
    assert_eq!(d.takeaway.as_deref(), Some("Drain before you kill."));
    assert!(!deck.cards.iter().any(|c| c.question.contains("flashcards")));
}

#[test]
fn answer_points_topics_examples_and_no_tips() {
    let deck = load_fixture("answer_points.md");
    assert_eq!(deck.files[0].layout, "answer-points");
    assert_eq!(deck.cards.len(), 3);
    let c = &deck.cards[0];
    assert_eq!(
        c.question,
        "When would you put a cache in front of a database?"
    );
    assert_eq!(c.topic, ["Platform Interview Questions", "Caching"]);
    assert_eq!(
        c.key_points,
        [
            "Read-heavy data that tolerates staleness",
            "Invalidation strategy: TTL or write-through"
        ]
    );
    assert_eq!(
        c.example.as_deref(),
        Some("I'd add a cache when reads dominate and a few seconds of staleness is fine.")
    );
    assert_eq!(deck.cards[1].example, None);
    assert_eq!(
        deck.cards[2].topic,
        ["Platform Interview Questions", "Messaging"]
    );
    assert_eq!(
        deck.cards[2].example.as_deref(),
        Some("We kept processed ids in the same Postgres transaction as the write.")
    );
    let names: Vec<&str> = deck.tree.nodes.iter().map(|n| n.name.as_str()).collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Tips") || n.contains("How to Use"))
    );
}

#[test]
fn mojibake_is_repaired() {
    let broken = load_fixture("mojibake.md");
    let clean = load_fixture("numbered.md");
    assert_eq!(broken.cards.len(), clean.cards.len());
    let t = broken.cards[0].takeaway.as_deref().unwrap();
    assert_eq!(
        t,
        "health checks turn failures into routing decisions → fewer errors, don’t skip them 📝 🚀."
    );
    assert_eq!(broken.cards[0].why, clean.cards[0].why);
    assert!(broken.cards[0].why.as_deref().unwrap().len() > 10);
}

#[test]
fn correct_unicode_is_never_altered() {
    let text = "## Ångström, café, 日本語 🎉 “ok” — fine?\n\n### Answer\nNaïve São Paulo → Ærø.\n";
    let deck = load_text("u.md", text);
    assert_eq!(
        deck.cards[0].question,
        "Ångström, café, 日本語 🎉 “ok” — fine?"
    );
    assert_eq!(
        deck.cards[0].answer.as_deref(),
        Some("Naïve São Paulo → Ærø.")
    );
}

#[test]
fn crlf_tabs_empty_and_cardless_files() {
    let crlf = load_fixture("crlf.md");
    assert_eq!(crlf.cards.len(), 1);
    assert_eq!(
        crlf.cards[0].answer.as_deref(),
        Some("Line one\n\tindented with a tab")
    );
    let empty = load_fixture("empty.md");
    assert!(empty.cards.is_empty());
    assert!(empty.warnings[0].message.contains("empty file"));
    let none = load_fixture("no_cards.md");
    assert!(none.cards.is_empty());
    assert_eq!(none.files[0].layout, "unknown");
    assert!(none.warnings[0].message.contains("no cards found"));
    assert!(
        none.warnings[0]
            .message
            .contains("prepdeck check --formats")
    );
}

#[test]
fn invalid_utf8_warns_with_line_and_goes_on() {
    let deck = load_fixture("invalid_utf8.md");
    assert_eq!(deck.cards.len(), 1);
    assert_eq!(deck.cards[0].answer.as_deref(), Some("Still read."));
    let w = &deck.warnings[0];
    assert!(w.file.ends_with("invalid_utf8.md"));
    assert_eq!(w.line, 1);
    assert!(w.message.contains("invalid UTF-8"));
}

#[test]
fn fence_lines_are_never_structure() {
    let text = "## Real question?\n\n### Answer\nSee code.\n\n```bash\n## not a card\n### Takeaway\n---\n```\n\n### Takeaway\nReal.\n";
    let deck = load_text("f.md", text);
    assert_eq!(deck.cards.len(), 1);
    assert_eq!(deck.cards[0].takeaway.as_deref(), Some("Real."));
    assert!(
        deck.cards[0]
            .answer
            .as_deref()
            .unwrap()
            .contains("## not a card")
    );
}

#[test]
fn headings_that_skip_levels_and_raw_html_are_fine() {
    let text =
        "# T\n\n## Q with <b>html</b>?\n\n#### deep before a section\n\n### Answer\n<br>Yes.\n";
    let deck = load_text("h.md", text);
    assert_eq!(deck.cards.len(), 1);
    assert_eq!(deck.cards[0].question, "Q with html?");
}

fn ids_of(text: &str) -> Vec<String> {
    load_text("10-area/01-topic.md", text)
        .cards
        .into_iter()
        .map(|c| c.id)
        .collect()
}

#[test]
fn ids_are_stable_under_edits() {
    let original = std::fs::read_to_string(layout_fixture("canonical.md")).unwrap();
    let base = ids_of(&original);
    let edits = [
        original.replace("When reads dominate", "Whenever reads dominate"),
        original.replace("- Read-heavy workloads", "- Mostly read-heavy workloads"),
        original.replace("A cache hides latency", "Caches hide latency"),
        original.replace("| TTL           | eventual", "| TTL           | weak"),
        original.replace(
            "Cache only what may be stale.",
            "Only cache stale-tolerant data.",
        ),
        original.replace(
            "## When would you put a cache in front of a database?",
            "## when would you put a CACHE in front of a database",
        ),
        original.replace(
            "## When would you put a cache in front of a database?",
            "##   When  would you put a *cache*   in front of a database?! ##",
        ),
    ];
    for edited in &edits {
        assert_eq!(ids_of(edited), base);
    }
    let reworded = original.replace("put a cache in front", "put Redis in front");
    assert_ne!(ids_of(&reworded)[0], base[0]);
    assert_eq!(ids_of(&reworded)[1..], base[1..]);
}

#[test]
fn ids_survive_renumbered_folders() {
    let text = "## What is a pod?\n\n### Answer\nA group of containers.\n";
    let a = load_text("10-platform/01-kubernetes.md", text).cards[0]
        .id
        .clone();
    let b = load_text("20-platform/07-kubernetes.md", text).cards[0]
        .id
        .clone();
    assert_eq!(a, b);
}

#[test]
fn duplicate_questions_warn_and_get_distinct_ids() {
    let text = "## What is a pod?\n\n### Answer\nA.\n\n## What is a Pod\n\n### Answer\nB.\n";
    let deck = load_text("d.md", text);
    assert_eq!(deck.cards.len(), 2);
    assert_ne!(deck.cards[0].id, deck.cards[1].id);
    assert_eq!(deck.warnings.len(), 1);
    assert_eq!(deck.warnings[0].line, 6);
    assert!(deck.warnings[0].message.contains("first at line 1"));
    assert_eq!(load_text("d.md", text).cards[1].id, deck.cards[1].id);
}

#[test]
fn front_matter_errors_and_unknown_sections_are_reported() {
    let bad = load_text("b.md", "+++\ntitle = \n+++\n## Q?\n### Answer\nA\n");
    assert_eq!(bad.errors.len(), 1);
    assert_eq!(bad.errors[0].line, 2);
    let unknown = load_text("u.md", "## Q?\n### Answer\nA\n### Gotchas\nG\n");
    assert!(
        unknown.warnings[0]
            .message
            .contains("unknown section `### Gotchas`")
    );
    assert!(unknown.cards[0].detail.as_deref().unwrap().contains("G"));
}

#[test]
fn a_folder_orders_by_numeric_prefix_and_humanises_names() {
    let dir = tempfile::tempdir().unwrap();
    let make = |rel: &str| {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, "## Q?\n\n### Answer\nA.\n").unwrap();
    };
    make("10-delivery/02-gitops.md");
    make("10-delivery/01-ci_cd.md");
    make("2-platform/01-kubernetes.md");
    make("README.md");
    std::fs::write(dir.path().join("README.md"), "# About\n\nDocs only.\n").unwrap();
    std::fs::write(dir.path().join("notes.pdf"), "ignored").unwrap();
    let deck = load(&[ContentSource::Path(dir.path().to_path_buf())]).unwrap();
    let topics: Vec<String> = deck.cards.iter().map(|c| c.topic.join("/")).collect();
    assert_eq!(
        topics,
        ["Platform/Kubernetes", "Delivery/Ci Cd", "Delivery/Gitops"]
    );
    assert_eq!(
        deck.files.len(),
        3,
        "a README without cards is skipped quietly"
    );
    assert!(deck.warnings.is_empty());
}

#[test]
fn bundled_content_loads_cleanly() {
    let deck = load(&[ContentSource::Bundled]).unwrap();
    assert!(!deck.cards.is_empty());
    assert!(deck.errors.is_empty(), "{:?}", deck.errors);
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
    assert!(
        deck.cards
            .iter()
            .all(|c| c.source.file.starts_with("<bundled>/"))
    );
}

#[test]
fn bold_question_and_answer_pairs_are_cards() {
    let text = "\
# Kubernetes notes

Some words before the first question are not a card.

**Q:** What is a Pod?
**A:** The smallest deployable unit: one or more containers sharing a network namespace.

**Question:** Why would a Pod be stuck in Pending?
**Answer:**
- No node has the requested CPU or memory.
- A PersistentVolumeClaim is not bound.

## Networking

**Q**: What does a Service of type ClusterIP give you?
**A**: A stable virtual IP inside the cluster.

Question: How does DNS resolution work in a cluster?
Answer: CoreDNS answers for `svc.cluster.local` names.
";
    let deck = load_text("notes/kubernetes.md", text);
    assert_eq!(deck.files[0].layout, "qa-lines");
    let questions: Vec<&str> = deck.cards.iter().map(|c| c.question.as_str()).collect();
    assert_eq!(
        questions,
        [
            "What is a Pod?",
            "Why would a Pod be stuck in Pending?",
            "What does a Service of type ClusterIP give you?",
            "How does DNS resolution work in a cluster?",
        ]
    );
    assert_eq!(
        deck.cards[0].answer.as_deref(),
        Some("The smallest deployable unit: one or more containers sharing a network namespace.")
    );
    assert!(
        deck.cards[1]
            .answer
            .as_deref()
            .is_some_and(|a| a.contains("PersistentVolumeClaim")),
        "{:?}",
        deck.cards[1].answer
    );
    assert_eq!(
        deck.cards[2].topic.last().map(String::as_str),
        Some("Networking")
    );
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
}

#[test]
fn headings_that_ask_are_cards_and_the_others_topics() {
    let text = "\
# Kubernetes notes

A few words before anything else.

## Pods

### What is a Pod?

The smallest deployable unit: one or more containers sharing a network namespace.

- Containers in a Pod share localhost.
- They are scheduled together.

### Explain why a Pod can be stuck in Pending

No node fits its requests, or a volume claim is not bound.

```bash
# this comment is not a heading
kubectl describe pod web-0
```

### Scratch notes

Not a question: it ends the card above and is no card itself.

## Networking

### How does DNS resolution work in a cluster?

CoreDNS answers for `svc.cluster.local` names.
";
    let deck = load_text("notes/kubernetes.md", text);
    assert_eq!(deck.files[0].layout, "question-headings");
    let questions: Vec<&str> = deck.cards.iter().map(|c| c.question.as_str()).collect();
    assert_eq!(
        questions,
        [
            "What is a Pod?",
            "Explain why a Pod can be stuck in Pending",
            "How does DNS resolution work in a cluster?",
        ]
    );
    let pod = &deck.cards[0];
    assert_eq!(
        pod.answer.as_deref(),
        Some("The smallest deployable unit: one or more containers sharing a network namespace.")
    );
    assert!(
        pod.detail
            .as_deref()
            .is_some_and(|d| d.contains("share localhost"))
    );
    assert_eq!(pod.topic.last().map(String::as_str), Some("Pods"));
    assert!(
        deck.cards[1]
            .detail
            .as_deref()
            .is_some_and(|d| d.contains("kubectl describe")),
        "{:?}",
        deck.cards[1].detail
    );
    assert!(
        !deck.cards[1]
            .detail
            .as_deref()
            .unwrap_or("")
            .contains("Not a question")
    );
    assert_eq!(
        deck.cards[2].topic.last().map(String::as_str),
        Some("Networking")
    );
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
}

#[test]
fn list_items_that_open_with_a_bold_question_are_cards() {
    let text = "\
# DevOps questions

Tips for the reader are not cards.

## Linux

1. **What does the load average mean?**
   The number of runnable and uninterruptible tasks, averaged.

2. **What is an inode?**

   A structure holding a file's metadata.

   - owner and mode
   - block pointers

- **What is a zombie process?** A process that exited but was not reaped.
- **Tip:** bold labels are not questions.

## Networking

10. **Explain the TCP handshake**
    SYN, SYN-ACK, ACK.
";
    let deck = load_text("notes/devops.md", text);
    assert_eq!(deck.files[0].layout, "bold-questions");
    let questions: Vec<&str> = deck.cards.iter().map(|c| c.question.as_str()).collect();
    assert_eq!(
        questions,
        [
            "What does the load average mean?",
            "What is an inode?",
            "What is a zombie process?",
            "Explain the TCP handshake",
        ]
    );
    assert_eq!(
        deck.cards[1].answer.as_deref(),
        Some("A structure holding a file's metadata.")
    );
    assert!(
        deck.cards[1]
            .detail
            .as_deref()
            .is_some_and(|d| d.contains("- block pointers")),
        "indented under the item, read as a list, not code: {:?}",
        deck.cards[1].detail
    );
    assert_eq!(
        deck.cards[2]
            .answer
            .as_deref()
            .map(|a| a.lines().next().unwrap()),
        Some("A process that exited but was not reaped.")
    );
    assert_eq!(deck.cards[3].answer.as_deref(), Some("SYN, SYN-ACK, ACK."));
    assert_eq!(
        deck.cards[3].topic.last().map(String::as_str),
        Some("Networking")
    );
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
}
