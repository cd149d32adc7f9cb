//! The table reader on small inputs: detection, rows to cards, and what is said when a
//! row or a whole file gives nothing.

use super::*;

fn read(name: &str, text: &str) -> ParsedFile {
    crate::parse::parse_named(name, text.as_bytes())
}

fn warnings(parsed: &ParsedFile) -> String {
    parsed
        .warnings
        .iter()
        .map(|(line, m)| format!("{line}: {m}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn sniffing_tells_tables_from_notes() {
    let anki = "#separator:tab\n#html:true\nq\ta\n";
    assert_eq!(sniff(Some("x.md"), anki), Some(Layout::AnkiText));
    assert_eq!(sniff(None, anki), Some(Layout::AnkiText));
    assert_eq!(sniff(Some("x.csv"), "anything"), Some(Layout::Csv));
    assert_eq!(sniff(Some("x.TSV"), "a\tb"), Some(Layout::Csv));
    assert_eq!(
        sniff(Some("x.txt"), "Question\tAnswer\nq\ta\n"),
        Some(Layout::Csv)
    );
    assert_eq!(
        sniff(
            Some("old.txt"),
            "front one\tback one\nfront two\tback two\n"
        ),
        Some(Layout::AnkiText),
        "an export without header lines"
    );
    for notes in [
        "Q: What?\nA: That.\n",
        "# Title\n\nsome\ttabbed\ttext\n",
        "one\ttab\nno tab here\n",
        "\tindented\tcode\n\tmore\tcode\n",
    ] {
        assert_eq!(sniff(Some("notes.txt"), notes), None, "{notes}");
    }
    assert_eq!(sniff(Some("x.md"), "question\tanswer\n"), None);
}

#[test]
fn a_csv_with_a_header_row_gives_one_card_per_row() {
    let parsed = read(
        "cards.csv",
        "Question,Answer,Tags,Topic,Source\n\
         What is DNS TTL?,\"How long, in seconds, a record may be cached.\",dns net,Networking::DNS,x\n\
         ,no question,,Networking,y\n\
         \"Two\nlines?\",Yes,,Networking::DNS,z\n",
    );
    assert_eq!(parsed.layout, Layout::Csv);
    assert_eq!(parsed.cards.len(), 2, "{}", warnings(&parsed));
    let c = &parsed.cards[0];
    assert_eq!(c.question, "What is DNS TTL?");
    assert_eq!(
        c.answer.as_deref(),
        Some("How long, in seconds, a record may be cached.")
    );
    assert_eq!(c.tags, ["dns", "net"]);
    assert_eq!(c.topics, ["DNS"]);
    assert_eq!(
        parsed.title.as_deref(),
        Some("Networking"),
        "the shared root titles the file"
    );
    assert_eq!((c.line, parsed.cards[1].line), (2, 4));
    assert_eq!(parsed.cards[1].question, "Two lines?");
    let w = warnings(&parsed);
    assert!(w.contains("1: columns not read: `Source`"), "{w}");
    assert!(
        w.contains("3: row skipped: its question (field 1) is empty"),
        "{w}"
    );
}

#[test]
fn a_spreadsheet_cell_with_html_is_converted_and_markdown_is_kept() {
    let parsed = read(
        "c.tsv",
        "front\tback\nA?\t<b>bold</b><br>next\nB?\tUse `kubectl get pods` and **care**\n",
    );
    assert_eq!(parsed.cards[0].answer.as_deref(), Some("**bold**\\\nnext"));
    assert_eq!(
        parsed.cards[1].answer.as_deref(),
        Some("Use `kubectl get pods` and **care**")
    );
}

#[test]
fn files_without_cards_say_why() {
    let no_header = read("x.csv", "What is a pod?,A group of containers\n");
    assert!(no_header.cards.is_empty());
    assert!(
        warnings(&no_header).contains("1: no cards: the first row should name the columns"),
        "{}",
        warnings(&no_header)
    );
    let only_header = read("x.csv", "question,answer\n");
    assert!(
        warnings(&only_header).contains("no rows of cards"),
        "{}",
        warnings(&only_header)
    );
    let all_bad = read("x.csv", "question,answer\n,a\n,b\n");
    assert!(warnings(&all_bad).contains("none of its 2 rows has a question"));
    let empty = read("x.csv", "");
    assert!(
        warnings(&empty).contains("empty file"),
        "{}",
        warnings(&empty)
    );
    let anki = read("x.txt", "#separator:tab\n#html:true\n");
    assert!(
        warnings(&anki).contains("no rows of cards"),
        "{}",
        warnings(&anki)
    );
}

#[test]
fn anki_rows_keep_guids_decks_tags_and_split_prepdecks_back() {
    let parsed = read(
        "export.txt",
        "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n\
         abc123\tBasic\tprepdeck::Platform::Kubernetes\tWhat is a Pod?\t\
         <p>The smallest unit.</p><ul><li>Shares an IP</li><li>Scheduled <b>together</b></li></ul>\
         <p><b>Takeaway:</b> Pods, not containers.</p>\tk8s basics\n\
         # a comment row\n\
         def456\tCloze\tprepdeck::Platform::Control plane\t{{c1::etcd}} keeps the {{c2::state::what}}\tRaft inside\t\n",
    );
    assert_eq!(parsed.layout, Layout::AnkiText);
    assert_eq!(parsed.cards.len(), 2, "{}", warnings(&parsed));
    assert!(parsed.warnings.is_empty(), "{}", warnings(&parsed));
    assert_eq!(parsed.title.as_deref(), Some("prepdeck"));
    let pod = &parsed.cards[0];
    assert_eq!(pod.explicit_id.as_deref(), Some("abc123"));
    assert_eq!(pod.topics, ["Platform", "Kubernetes"]);
    assert_eq!(pod.answer.as_deref(), Some("The smallest unit."));
    assert_eq!(pod.key_points, ["Shares an IP", "Scheduled **together**"]);
    assert_eq!(pod.takeaway.as_deref(), Some("Pods, not containers."));
    assert_eq!(pod.tags, ["k8s", "basics"]);
    let cloze = &parsed.cards[1];
    assert_eq!(cloze.question, "[…] keeps the [what]");
    assert_eq!(
        cloze.answer.as_deref(),
        Some("**etcd** keeps the **state**")
    );
    assert_eq!(cloze.detail.as_deref(), Some("Raft inside"));
    assert_eq!(cloze.line, 9);
}

#[test]
fn repeated_guids_and_bad_headers_are_reported() {
    let parsed = read(
        "e.txt",
        "#separator:tab\n#guid column:1\n#deck column:zero\n#colour:red\nsame\tQ1\tA1\nsame\tQ2\tA2\nhas space\tQ3\tA3\n",
    );
    assert_eq!(parsed.cards.len(), 3);
    let w = warnings(&parsed);
    assert!(
        w.contains("3: `#deck column:zero` needs a column number"),
        "{w}"
    );
    assert!(
        w.contains("4: header line `#colour:red` is not one Anki writes"),
        "{w}"
    );
    assert!(
        w.contains("6: GUID `same` is also the GUID of the row at line 5"),
        "{w}"
    );
    assert!(w.contains("7: GUID `has space` has spaces"), "{w}");
    assert_eq!(parsed.cards[2].explicit_id, None);
    assert_eq!(
        parsed.title, None,
        "no deck column: the file name titles it"
    );
}

#[test]
fn decks_without_a_shared_root_are_all_topics() {
    let parsed = read(
        "d.txt",
        "#separator:comma\n#deck column:3\nq1,a1,Default\nq2,a2,Work::Ops\n",
    );
    assert_eq!(parsed.title, None);
    assert_eq!(parsed.cards[0].topics, ["Default"]);
    assert_eq!(parsed.cards[1].topics, ["Work", "Ops"]);
}

#[test]
fn plain_text_fields_keep_their_lines() {
    let parsed = read(
        "p.txt",
        "#separator:tab\n#html:false\nWhat is 1 < 2?\t\"first line\nsecond line\n\nnew paragraph\"\n",
    );
    let c = &parsed.cards[0];
    assert_eq!(c.question, "What is 1 < 2?");
    assert_eq!(
        c.answer.as_deref(),
        Some("first line\\\nsecond line\n\nnew paragraph")
    );
}

#[test]
fn windows_line_endings_change_nothing() {
    let text = "#separator:tab\r\n#html:true\r\n#deck column:3\r\nQ?\t<b>A</b>\tTop::Sub\r\n";
    let parsed = read("w.txt", text);
    assert!(parsed.warnings.is_empty(), "{}", warnings(&parsed));
    assert_eq!(parsed.cards.len(), 1);
    assert_eq!(parsed.cards[0].line, 4);
    assert_eq!(parsed.cards[0].answer.as_deref(), Some("**A**"));
    assert_eq!(parsed.cards[0].topics, ["Sub"]);
    assert_eq!(parsed.title.as_deref(), Some("Top"));
}

#[test]
fn separators_are_guessed_from_the_first_row() {
    assert_eq!(guess_separator(Some("a;b;\"c,d\"")), ';');
    assert_eq!(guess_separator(Some("a,b")), ',');
    assert_eq!(guess_separator(Some("a\tb,c")), '\t');
    assert_eq!(guess_separator(Some("abc")), '\t');
    assert_eq!(guess_separator(None), '\t');
}
