//! A deterministic synthetic question corpus in every layout prepdeck reads, for the
//! benchmarks, the `gen_corpus` example and the corpus test. All text is generated here.
//!
//! Each card has an answer, five key points, a detail section with nested lists and a
//! code block, a table in every third card and a takeaway, in whatever form the layout
//! gives those parts. Cards are spread over folders, files and topics.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// Every layout name `Layout::name()` reports for a file that yields cards.
pub const LAYOUTS: [&str; 15] = prepdeck::parse::Layout::READABLE;

/// Cards per file (except `design`, one per file), and per topic inside a file.
const CARDS_PER_FILE: usize = 50;
const CARDS_PER_TOPIC: usize = 10;
const FILES_PER_FOLDER: usize = 10;

const VERBS: [&str; 8] = [
    "roll out", "debug", "scale", "secure", "monitor", "migrate", "back up", "harden",
];
const NOUNS: [&str; 10] = [
    "the ingress controller",
    "a Postgres primary",
    "the CI runners",
    "a Kafka cluster",
    "the DNS zone",
    "a Redis cache",
    "the service mesh",
    "a Terraform state bucket",
    "the log pipeline",
    "an etcd quorum",
];
const CONTEXTS: [&str; 6] = [
    "during peak traffic",
    "across three regions",
    "with zero downtime",
    "after a failed deploy",
    "under a strict budget",
    "for a regulated workload",
];
const FOLDERS: [&str; 8] = [
    "linux",
    "networking",
    "kubernetes",
    "delivery",
    "observability",
    "cloud",
    "databases",
    "security",
];
const TOPICS: [&str; 6] = [
    "Fundamentals",
    "Failure modes",
    "Capacity",
    "Operations",
    "Tooling",
    "Design trade-offs",
];

/// The parts of one card, as plain text, before a layout dresses them.
struct Parts {
    question: String,
    answer: String,
    points: [String; 5],
    detail_intro: String,
    nested: Vec<(String, Vec<String>)>,
    code: String,
    table: Option<Vec<[String; 3]>>,
    takeaway: String,
}

fn parts(i: usize) -> Parts {
    let verb = VERBS[i % VERBS.len()];
    let noun = NOUNS[(i / 3) % NOUNS.len()];
    let ctx = CONTEXTS[(i / 7) % CONTEXTS.len()];
    // Some cards run longer, as real ones do; card 0 mod 97 is the longest.
    let extra = if i.is_multiple_of(97) { 4 } else { i % 3 };
    let mut answer = format!(
        "Start from what the users of {noun} feel, then change one thing at a time {ctx}. \
         Keep the blast radius small, watch the error rate and the p99 latency, and have a \
         rollback that has been exercised before you need it."
    );
    for k in 0..extra {
        let _ = write!(
            answer,
            " Step {k}: check the `{noun}` dashboards, compare with last week's baseline and \
             write down what you expect before you act."
        );
    }
    let points = [
        format!("Define the **service level objective** for {noun} first"),
        format!("Stage the change: canary, then 10%, then everyone ({i})"),
        "Alert on symptoms such as `5xx` rate, not on causes".to_string(),
        format!("Automate the runbook for {verb} so night shifts follow it"),
        "Record the decision and its trade-offs in the change log".to_string(),
    ];
    let nested = (0..2 + extra)
        .map(|k| {
            (
                format!("Phase {k}: {verb} with guard rails"),
                vec![
                    format!("check capacity headroom on {noun}"),
                    "pause when the burn rate doubles".to_string(),
                ],
            )
        })
        .collect();
    let code = format!(
        "kubectl rollout status deploy/app-{i} --timeout=120s\nkubectl get events --sort-by=.lastTimestamp | tail -n 20\ncurl -fsS https://app-{i}.internal/healthz"
    );
    let table = i.is_multiple_of(3).then(|| {
        vec![
            ["Option".to_string(), "Risk".to_string(), "Cost".to_string()],
            [
                "Blue/green".to_string(),
                "low".to_string(),
                "2x capacity".to_string(),
            ],
            [
                "Canary".to_string(),
                "medium".to_string(),
                "tooling".to_string(),
            ],
            [
                "In place".to_string(),
                "high".to_string(),
                "none".to_string(),
            ],
        ]
    });
    Parts {
        question: format!("How would you {verb} {noun} {ctx} (case {i})?"),
        answer,
        points,
        detail_intro: format!(
            "The hard part of {verb} for {noun} is the state it holds: plan the order of \
             operations around it."
        ),
        nested,
        code,
        table,
        takeaway: format!("Measure first, change {noun} in small steps, keep a way back."),
    }
}

fn table_md(out: &mut String, rows: &[[String; 3]]) {
    for (r, row) in rows.iter().enumerate() {
        let _ = writeln!(out, "| {} | {} | {} |", row[0], row[1], row[2]);
        if r == 0 {
            out.push_str("| :--- | :---: | ---: |\n");
        }
    }
}

fn nested_md(out: &mut String, p: &Parts, indent: &str) {
    for (item, subs) in &p.nested {
        let _ = writeln!(out, "{indent}- {item}");
        for s in subs {
            let _ = writeln!(out, "{indent}  - {s}");
        }
    }
}

fn points_md(out: &mut String, p: &Parts, indent: &str) {
    for point in &p.points {
        let _ = writeln!(out, "{indent}- {point}");
    }
}

fn code_md(out: &mut String, p: &Parts) {
    let _ = writeln!(out, "```bash\n# a comment, not a heading\n{}\n```", p.code);
}

/// Appends card `i` in `layout` (all but `design`, which is a whole file).
fn card(out: &mut String, layout: &str, i: usize, n_in_file: usize) {
    let p = parts(i);
    match layout {
        "canonical" => {
            let _ = writeln!(out, "## {}\n\n### Answer\n{}\n", p.question, p.answer);
            out.push_str("### Key points\n");
            points_md(out, &p, "");
            let _ = writeln!(out, "\n### Detail\n{}\n", p.detail_intro);
            nested_md(out, &p, "");
            out.push('\n');
            code_md(out, &p);
            if let Some(t) = &p.table {
                out.push_str("\n### Table\n");
                table_md(out, t);
            }
            let _ = writeln!(out, "\n### Takeaway\n{}\n", p.takeaway);
        }
        "numbered-labels" => {
            let _ = writeln!(out, "# {}. {}\n", n_in_file + 1, p.question);
            let _ = writeln!(out, "**Answer** — {}\n", p.answer);
            out.push_str("**Key points**\n\n");
            points_md(out, &p, "");
            let _ = writeln!(out, "\n**Detailed explanation**\n\n{}\n", p.detail_intro);
            nested_md(out, &p, "");
            out.push('\n');
            code_md(out, &p);
            if let Some(t) = &p.table {
                out.push_str("\n**Summary table**\n\n");
                table_md(out, t);
            }
            let _ = writeln!(out, "\n**Key takeaway** — {}\n\n---\n", p.takeaway);
        }
        "answer-points" => {
            let _ = writeln!(out, "### Q{}: {}", n_in_file + 1, p.question);
            out.push_str("**Expected Answer Points**:\n");
            let _ = writeln!(out, "- {}", p.answer);
            points_md(out, &p, "");
            for (item, subs) in &p.nested {
                let _ = writeln!(out, "- {item}");
                for s in subs {
                    let _ = writeln!(out, "  - {s}");
                }
            }
            let _ = writeln!(out, "- Example: \"{}\"\n", p.takeaway);
        }
        "details" => {
            let _ = writeln!(
                out,
                "<details>\n<summary><b>{}</b></summary><br>\n\n{}\n",
                p.question, p.answer
            );
            points_md(out, &p, "");
            let _ = writeln!(out, "\n{}\n", p.detail_intro);
            nested_md(out, &p, "");
            out.push('\n');
            code_md(out, &p);
            if let Some(t) = &p.table {
                out.push('\n');
                table_md(out, t);
            }
            let _ = writeln!(out, "\n{}\n\n</details>\n", p.takeaway);
        }
        "hints" => {
            let _ = writeln!(
                out,
                "## {}) Case {i}\n**Question:**  \n{}\n\n{}\n",
                n_in_file + 1,
                p.question,
                p.answer
            );
            out.push_str("<details>\n  <summary>Hints / Key Points</summary>\n\n");
            points_md(out, &p, "  ");
            nested_md(out, &p, "  ");
            let _ = writeln!(out, "  - {}\n</details>\n\n---\n", p.takeaway);
        }
        "qa-headings" => {
            let _ = writeln!(
                out,
                "## Question {}: {}\n\n**Answer:**\n\n{}\n",
                n_in_file + 1,
                p.question,
                p.answer
            );
            code_md(out, &p);
            if let Some(t) = &p.table {
                out.push('\n');
                table_md(out, t);
            }
            out.push_str("\n**Explanation:**\n");
            points_md(out, &p, "");
            nested_md(out, &p, "");
            let _ = writeln!(out, "\n**Key takeaway:** {}\n\n---\n", p.takeaway);
        }
        "qa-lines" => {
            let _ = writeln!(out, "Q: {}\nA: {}", p.question, p.answer);
            points_md(out, &p, "");
            nested_md(out, &p, "");
            let _ = writeln!(out, "{}\n", p.takeaway);
        }
        "question-headings" => {
            // Half the cards carry a `Q` marker and answer labels; the other half, a table.
            let marked = i % 2 == 1;
            if marked {
                let _ = writeln!(
                    out,
                    "### Q{}. {}\n\n**Answer:** {}\n\n**Explanation:**\n",
                    n_in_file + 1,
                    p.question,
                    p.answer
                );
            } else {
                let _ = writeln!(out, "### {}\n\n{}\n", p.question, p.answer);
            }
            points_md(out, &p, "");
            nested_md(out, &p, "");
            out.push('\n');
            code_md(out, &p);
            if let Some(t) = p.table.as_ref().filter(|_| !marked) {
                out.push('\n');
                table_md(out, t);
            }
            let _ = writeln!(out, "\n{}\n", p.takeaway);
        }
        "bold-questions" => {
            let _ = writeln!(
                out,
                "{}. **{}**\n\n   {}\n",
                n_in_file + 1,
                p.question,
                p.answer
            );
            points_md(out, &p, "   ");
            let _ = writeln!(out, "\n   {}\n", p.takeaway);
        }
        "qa-tables" => {
            let _ = writeln!(
                out,
                "| {} | {} | {}<br>{} | {} |",
                n_in_file + 1,
                p.question,
                p.answer,
                p.points[0],
                p.takeaway
            );
        }
        "obsidian" if i.is_multiple_of(2) => {
            let _ = writeln!(out, "{}::{}\n", p.question, p.answer);
        }
        "obsidian" => {
            let _ = writeln!(out, "{}\n?\n{}", p.question, p.answer);
            points_md(out, &p, "");
            out.push('\n');
        }
        "logseq" => {
            let _ = writeln!(
                out,
                "\t- {} #card\n\t  card-last-interval:: 4\n\t\t- {}",
                p.question, p.answer
            );
            for point in &p.points {
                let _ = writeln!(out, "\t\t- {point}");
            }
        }
        other => panic!("unknown layout {other}"),
    }
}

/// The tables: an Anki export (a GUID, the note type, the deck, HTML front and back as
/// prepdeck's own export writes them, tags) or a CSV with a header row (markdown cells,
/// quoted where they hold commas, quotes or newlines), cards `start..end`.
fn table_file(layout: &str, file: usize, start: usize, end: usize) -> String {
    let mut out = String::new();
    if layout == "anki-text" {
        out.push_str("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n");
    } else {
        out.push_str("question,answer,tags,topic\n");
    }
    for i in start..end {
        let p = parts(i);
        let topic = TOPICS[((i - start) / CARDS_PER_TOPIC) % TOPICS.len()];
        let deck = format!("Interview questions {}::{topic}", file + 1);
        if layout == "anki-text" {
            let html = |md: &str| md.replace('`', "");
            let _ = write!(
                out,
                "g{i:08x}\tBasic\t{deck}\t{}\t<p>{}</p><ul>",
                html(&p.question),
                html(&p.answer)
            );
            for point in &p.points {
                let _ = write!(out, "<li>{}</li>", html(&point.replace("**", "")));
            }
            let _ = writeln!(
                out,
                "</ul><pre><code>{}</code></pre><p><b>Takeaway:</b> {}</p>\tcase-{i} sre",
                p.code
                    .replace('\n', "<br>")
                    .replace('<', "&lt;")
                    .replace("&lt;br>", "<br>"),
                p.takeaway
            );
        } else {
            let mut answer = format!("{}\n\n", p.answer);
            points_md(&mut answer, &p, "");
            let _ = writeln!(
                out,
                "\"{}\",\"{}\",case-{i} sre,{deck}",
                p.question.replace('"', "\"\""),
                answer.trim_end().replace('"', "\"\"")
            );
        }
    }
    out
}

/// The design layout: one question per file, the `#` heading asks it.
fn design_file(i: usize) -> String {
    let p = parts(i);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Design {}\n\n{}\n",
        p.question.trim_end_matches('?'),
        p.answer
    );
    out.push_str("## Step 1: Outline use cases and constraints\n\n");
    points_md(&mut out, &p, "");
    let _ = writeln!(
        out,
        "\n## Step 2: Create a high level design\n\n{}\n",
        p.detail_intro
    );
    nested_md(&mut out, &p, "");
    out.push('\n');
    code_md(&mut out, &p);
    if let Some(t) = &p.table {
        out.push_str("\n## Step 3: Compare the options\n\n");
        table_md(&mut out, t);
    }
    let _ = writeln!(out, "\n## Additional talking points\n\n{}", p.takeaway);
    out
}

/// The corpus as (relative path, text) pairs, in file order.
pub fn generate(cards: usize, layout: &str) -> Vec<(String, String)> {
    assert!(LAYOUTS.contains(&layout), "unknown layout {layout}");
    let ext = match layout {
        "qa-lines" | "anki-text" => "txt",
        "csv" => "csv",
        _ => "md",
    };
    let folder_of = |file: usize| {
        let f = file / FILES_PER_FOLDER;
        format!("{:02}-{}", f + 1, FOLDERS[f % FOLDERS.len()])
    };
    if layout == "design" {
        return (0..cards)
            .map(|i| {
                let name = format!(
                    "{}/{:03}-design-{i}.md",
                    folder_of(i / CARDS_PER_FILE),
                    i % 1000
                );
                (name, design_file(i))
            })
            .collect();
    }
    let mut files = Vec::new();
    let mut start = 0;
    while start < cards {
        let file = start / CARDS_PER_FILE;
        let end = (start + CARDS_PER_FILE).min(cards);
        let mut out = String::with_capacity((end - start) * 2048);
        if matches!(layout, "anki-text" | "csv") {
            out = table_file(layout, file, start, end);
            files.push((
                format!(
                    "{}/{:02}-part-{}.{ext}",
                    folder_of(file),
                    file % FILES_PER_FOLDER + 1,
                    file + 1
                ),
                out,
            ));
            start = end;
            continue;
        }
        match layout {
            "canonical" => {}
            "numbered-labels" => out.push_str("Here are the questions you asked for.\n\n---\n\n"),
            "logseq" => {}
            "obsidian" => {
                let _ = writeln!(out, "#flashcards/interview/part-{}\n", file + 1);
            }
            _ => {
                let _ = writeln!(out, "# Interview questions, part {}\n", file + 1);
            }
        }
        for i in start..end {
            let n = i - start;
            if n % CARDS_PER_TOPIC == 0 {
                let topic = TOPICS[(n / CARDS_PER_TOPIC) % TOPICS.len()];
                match layout {
                    "canonical" | "qa-lines" => {
                        let _ = writeln!(out, "# {topic} {}\n", n / CARDS_PER_TOPIC + 1);
                    }
                    "answer-points" => {
                        let _ = writeln!(
                            out,
                            "## {}. {topic} ({CARDS_PER_TOPIC} Questions)\n",
                            n / CARDS_PER_TOPIC + 1
                        );
                    }
                    "details" | "question-headings" | "bold-questions" | "obsidian" => {
                        let _ = writeln!(out, "## {topic} {}\n", n / CARDS_PER_TOPIC + 1);
                    }
                    "qa-tables" => {
                        let _ = writeln!(
                            out,
                            "\n## {topic} {}\n\n| # | Question | Answer | Notes |\n|---|---|---|---|",
                            n / CARDS_PER_TOPIC + 1
                        );
                    }
                    "logseq" => {
                        let _ = writeln!(out, "- {topic} {}", n / CARDS_PER_TOPIC + 1);
                    }
                    _ => {}
                }
            }
            card(&mut out, layout, i, n);
        }
        let name = format!(
            "{}/{:02}-part-{}.{ext}",
            folder_of(file),
            file % FILES_PER_FOLDER + 1,
            file + 1
        );
        files.push((name, out));
        start = end;
    }
    files
}

/// Writes the corpus under `dir`, creating folders.
pub fn write(dir: &Path, cards: usize, layout: &str) -> std::io::Result<usize> {
    let files = generate(cards, layout);
    let mut bytes = 0;
    for (rel, text) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, text)?;
        bytes += text.len();
    }
    Ok(bytes)
}

/// The corpus written to a temporary folder and loaded as the app loads a folder.
pub fn deck(cards: usize, layout: &str) -> prepdeck::load::Deck {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), cards, layout).expect("the corpus is written");
    let source = prepdeck::load::ContentSource::Path(dir.path().to_path_buf());
    prepdeck::load::load(&[source]).expect("the corpus loads")
}

/// The card with the most text: the one that makes the card view work hardest.
pub fn largest(deck: &prepdeck::load::Deck) -> usize {
    let size = |c: &prepdeck::model::Card| {
        let opt = |s: &Option<String>| s.as_ref().map_or(0, String::len);
        opt(&c.answer)
            + opt(&c.detail)
            + opt(&c.takeaway)
            + c.key_points.iter().map(String::len).sum::<usize>()
            + c.tables.len() * 200
    };
    (0..deck.cards.len())
        .max_by_key(|&i| (size(&deck.cards[i]), std::cmp::Reverse(i)))
        .unwrap_or(0)
}

/// Under `cargo bench` the corpus has `n` cards; under `cargo test` (a smoke run of
/// each benchmark, once) a hundredth of that, so CI stays fast.
pub fn scaled(n: usize) -> usize {
    if std::env::args().any(|a| a == "--bench") {
        n
    } else {
        (n / 100).max(3)
    }
}
