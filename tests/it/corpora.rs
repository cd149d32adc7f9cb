//! Loads the real question banks in `../shared/corpora/` (see its README) and pins what
//! a person counting by hand finds in each: the layout, the number of questions, answers
//! attached to the right questions, and no code-fence line taken for structure.
//!
//! The files live outside the repository. Without them these tests are skipped with a
//! message, unless `CI` is set, where a missing corpus is a failure.

use std::collections::HashSet;
use std::path::PathBuf;

use prepdeck::load::{ContentSource, Deck, load};
use prepdeck::model::Card;

const TRIMSTRAY: &str = "trimstray__test-your-sysadmin-skills__README.md";
const MORAN: &str = "MoranWeissman__devops-interview-questions__questions__05_kubernetes.md";
const BREGMAN: &str =
    "bregman-arie__devops-sre-interviews__terraform__intermediate__mock_2_answers.md";
const PASTEBIN: &str = "donnemartin__system-design-primer__solutions__pastebin__README.md";

fn corpus(name: &str) -> Option<(Deck, String)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora")
        .join(name);
    if !path.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "corpus file {} is missing and CI is set",
            path.display()
        );
        eprintln!("skipped: corpus file {} is not here", path.display());
        return None;
    }
    let text = std::fs::read_to_string(&path).expect("corpus is UTF-8");
    let deck = load(&[ContentSource::Path(path)]).expect("corpus exists");
    Some((deck, text))
}

fn card<'a>(deck: &'a Deck, question_start: &str) -> &'a Card {
    deck.cards
        .iter()
        .find(|c| c.question.starts_with(question_start))
        .unwrap_or_else(|| panic!("no card starting {question_start:?}"))
}

/// Every non-blank line inside a code fence, by a scanner independent of the parser's.
fn fenced_lines(text: &str) -> HashSet<String> {
    let mut inside = false;
    let mut lines = HashSet::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            inside = !inside;
            continue;
        }
        if inside && !t.trim().is_empty() {
            lines.insert(t.trim_start_matches('#').trim().to_string());
        }
    }
    lines
}

/// No question or topic name is a line from inside a code fence.
fn assert_no_fence_line_is_structure(deck: &Deck, text: &str) {
    let fenced = fenced_lines(text);
    for c in &deck.cards {
        assert!(
            !fenced.contains(&c.question),
            "fence line became a question: {:?}",
            c.question
        );
        for t in &c.topic {
            assert!(!fenced.contains(t), "fence line became a topic: {t:?}");
        }
    }
}

#[test]
fn trimstray_details_blocks() {
    let Some((deck, text)) = corpus(TRIMSTRAY) else {
        return;
    };
    assert_eq!(deck.files[0].layout, "details");
    // One warning: the file's "To be completed." answers, counted as unanswered.
    assert_eq!(deck.warnings.len(), 1, "{:?}", deck.warnings);
    assert!(
        deck.warnings[0]
            .message
            .starts_with("48 answers are placeholders")
    );
    assert_eq!(deck.files[0].unanswered, 62);
    // Counted by hand: 271 `<details>` blocks, each with one `<summary>` (`grep -c
    // '<summary>'` agrees), plus the 14 bare `- <b>question</b>` items of "Simple
    // Questions" (lines 71–84). Per category heading: Junior 37+23+5+1 = 66, Regular
    // 60+24+7+4 = 95, Senior 61+27+5+5 = 98, Guru 12, Simple 14: 285. (The file's own
    // blurb says 284 and its table of contents 65 for Junior, but its `(37)`-style
    // heading counts, and the blocks themselves, add up to 285.)
    assert_eq!(deck.cards.len(), 285);
    let count = |topic: &[&str]| {
        deck.cards
            .iter()
            .filter(|c| {
                c.topic[1..].starts_with(
                    &topic
                        .iter()
                        .map(std::string::ToString::to_string)
                        .collect::<Vec<_>>(),
                )
            })
            .count()
    };
    assert_eq!(count(&["Introduction", "Simple Questions"]), 14);
    assert_eq!(count(&["General Knowledge", "Junior Sysadmin"]), 66);
    assert_eq!(
        count(&["General Knowledge", "Junior Sysadmin", "System Questions"]),
        37
    );
    assert_eq!(count(&["General Knowledge", "Regular Sysadmin"]), 95);
    assert_eq!(count(&["General Knowledge", "Senior Sysadmin"]), 98);
    assert_eq!(
        count(&["General Knowledge", "Senior Sysadmin", "Network Questions"]),
        27
    );
    assert_eq!(count(&["Secret Knowledge", "Guru Sysadmin"]), 12);

    // Unanswered: the 14 bare items and the 48 blocks whose answer is "To be completed.".
    assert_eq!(
        deck.cards.iter().filter(|c| c.is_unanswered()).count(),
        14 + 48
    );
    assert!(card(&deck, "What did you learn this week?").is_unanswered());
    assert!(card(&deck, "How do `SO_REUSEADDR` and `SO_REUSEPORT` differ?").is_unanswered());

    // Answers sit under their own questions.
    let gnu = card(
        &deck,
        "What are the differences between Unix, Linux, BSD, and GNU?",
    );
    assert!(
        gnu.answer
            .as_deref()
            .unwrap()
            .starts_with("**GNU** isn't really an OS.")
    );
    assert_eq!(
        gnu.topic[1..],
        ["General Knowledge", "Junior Sysadmin", "System Questions"]
    );
    let ports = card(&deck, "List 5 common network ports you should know.");
    assert!(ports.answer.as_deref().unwrap().contains("| SMTP | 25 |"));
    let netcat = card(&deck, "Create a single-use TCP or UDP proxy with `netcat`.");
    assert!(
        netcat
            .answer
            .as_deref()
            .unwrap()
            .starts_with("```bash\n### TCP -> TCP\n")
    );
    let nfs = card(&deck, "What is the proper way to test NFS performance?");
    assert_eq!(
        nfs.question,
        "What is the proper way to test NFS performance? Prepare a short checklist."
    );
    assert!(
        nfs.detail
            .as_deref()
            .unwrap()
            .contains("- **boonie** - a classical")
    );
    let grep = card(&deck, "How do I `grep` recursively?");
    assert_eq!(
        grep.question,
        "How do I `grep` recursively? Explain on several examples."
    );

    for c in &deck.cards {
        assert!(
            !c.question.contains('<') && !c.question.ends_with('*'),
            "{:?}",
            c.question
        );
    }
    assert_no_fence_line_is_structure(&deck, &text);
}

#[test]
fn moran_weissman_hints() {
    let Some((deck, text)) = corpus(MORAN) else {
        return;
    };
    assert_eq!(deck.files[0].layout, "hints");
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
    // Counted by hand: fourteen `## N)` sections, 1) to 14). The table of contents lists
    // only 13 and is not a card.
    assert_eq!(deck.cards.len(), 14);
    assert!(deck.cards.iter().all(|c| c.topic == ["05 – Kubernetes"]));
    assert!(deck.cards.iter().all(|c| !c.key_points.is_empty()));
    let services = card(&deck, "What does a Service do in Kubernetes");
    assert!(services.key_points[1].starts_with("**Ingress**: Defines routing rules"));
    let crash = card(&deck, "Your app keeps crashing after a few minutes");
    assert_eq!(crash.key_points[0], "Inspect logs from the pod/container.");
    let kaniko = card(&deck, "You’re running an Azure DevOps agent");
    assert!(
        kaniko
            .question
            .ends_with("How can RBAC be configured to give Kaniko the required access?")
    );
    let node = deck.cards.last().unwrap();
    assert!(
        node.question
            .starts_with("How do you debug issues on a Kubernetes node")
    );
    assert!(node.key_points[0].contains("kubectl debug"));
    assert_no_fence_line_is_structure(&deck, &text);
}

#[test]
fn bregman_arie_question_and_answer_headings() {
    let Some((deck, text)) = corpus(BREGMAN) else {
        return;
    };
    assert_eq!(deck.files[0].layout, "qa-headings");
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
    // Counted by hand: `## Question 1:` to `## Question 10:`. "📚 Additional Resources"
    // and the "Next Steps" list after it are not questions, nor are the many `# comment`
    // lines inside the 53 fenced blocks.
    let questions: Vec<&str> = deck.cards.iter().map(|c| c.question.as_str()).collect();
    assert_eq!(
        questions,
        [
            "Dynamic Blocks and Complex Resource Configuration",
            "Terraform Providers and Version Constraints",
            "Local Values and Complex Data Transformation",
            "Count vs for_each - When and Why",
            "Terraform Provisioners and Null Resources",
            "Custom Provider Configuration and Aliases",
            "Terraform Backend Migration",
            "Resource Drift Detection and Management",
            "Terraform Testing and Validation",
            "Performance Optimization and Large Infrastructure",
        ]
    );
    let dynamic = &deck.cards[0];
    assert!(
        dynamic
            .answer
            .as_deref()
            .unwrap()
            .starts_with("Dynamic blocks allow you")
    );
    assert!(
        dynamic
            .detail
            .as_deref()
            .unwrap()
            .starts_with("**Example: Security Group with Dynamic Rules**")
    );
    assert_eq!(dynamic.example, None);
    let count = &deck.cards[3];
    assert_eq!(count.tables.len(), 1);
    assert_eq!(count.tables[0].header, ["Feature", "count", "for_each"]);
    assert_eq!(count.tables[0].rows.len(), 5);
    assert!(
        deck.cards[6]
            .answer
            .as_deref()
            .unwrap()
            .starts_with("Backend migration requires careful planning")
    );
    let perf = &deck.cards[9].detail.as_deref().unwrap();
    assert!(perf.contains("**Recommended Structure for Large Infrastructure:**"));
    assert!(!perf.contains("Additional Resources"));
    assert_no_fence_line_is_structure(&deck, &text);
}

#[test]
fn system_design_primer_pastebin() {
    let Some((deck, text)) = corpus(PASTEBIN) else {
        return;
    };
    assert_eq!(deck.files[0].layout, "design");
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
    // One design question per file.
    assert_eq!(deck.cards.len(), 1);
    let c = &deck.cards[0];
    assert_eq!(c.question, "Design Pastebin.com (or Bit.ly)");
    assert_eq!(
        c.key_points,
        [
            "Step 1: Outline use cases and constraints",
            "Step 2: Create a high level design",
            "Step 3: Design core components",
            "Step 4: Scale the design",
            "Additional talking points",
        ]
    );
    let detail = c.detail.as_deref().unwrap();
    assert!(detail.contains("```python"));
    assert!(detail.contains("#### Step 4: Scale the design"));
    assert_no_fence_line_is_structure(&deck, &text);
}

#[test]
fn every_corpus_round_trips_through_canonical_markdown() {
    for name in [TRIMSTRAY, MORAN, BREGMAN, PASTEBIN] {
        let Some((deck, _)) = corpus(name) else {
            return;
        };
        let text = prepdeck::export::markdown::export(&deck.cards);
        let back = prepdeck::load::load_text("export.md", &text);
        assert_eq!(back.files[0].layout, "canonical", "{name}");
        assert_eq!(back.cards.len(), deck.cards.len(), "{name}");
        for (a, b) in deck.cards.iter().zip(&back.cards) {
            assert_eq!(a.id, b.id, "{name}: {}", a.question);
            assert_eq!(a.question, b.question, "{name}");
            assert_eq!(
                (&a.answer, &a.key_points, &a.detail, &a.tables),
                (&b.answer, &b.key_points, &b.detail, &b.tables),
                "{name}: {}",
                a.question
            );
        }
    }
}
