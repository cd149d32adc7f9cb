//! Pins what the Anki reader makes of its inputs, byte for byte: whole cards of the saved
//! export fixture, of the generated benchmark corpus and of a zoo of HTML fields as
//! snapshots, and a fingerprint of every card of the 1,000-card corpus and of the export
//! traps read back, so a faster reader has to give exactly the cards the slower one gave.

use std::fmt::Write as _;

use prepdeck::export::anki;
use prepdeck::load::{ContentSource, load};
use prepdeck::parse::{ParsedFile, parse_named};

use crate::bench_corpus::corpus;

fn layout_fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/layouts/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("fixture exists")
}

/// Every field of every card, the warnings and the title, one field a line.
fn cards_text(parsed: &ParsedFile) -> String {
    let mut out = format!("layout: {:?}\ntitle: {:?}\n", parsed.layout, parsed.title);
    for (line, message) in &parsed.warnings {
        let _ = writeln!(out, "warning {line}: {message}");
    }
    for card in &parsed.cards {
        let _ = writeln!(out, "--- line {}", card.line);
        let _ = writeln!(out, "id: {:?}", card.explicit_id);
        let _ = writeln!(out, "topics: {:?}", card.topics);
        let _ = writeln!(out, "tags: {:?}", card.tags);
        let _ = writeln!(out, "question: {:?}", card.question);
        let _ = writeln!(out, "answer: {:?}", card.answer);
        let _ = writeln!(out, "key points: {:?}", card.key_points);
        let _ = writeln!(out, "takeaway: {:?}", card.takeaway);
        let _ = writeln!(out, "detail: {:?}", card.detail);
    }
    out
}

/// FNV-1a over the text: the same on every machine and every Rust release.
fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[test]
fn the_saved_anki_export_reads_as_pinned() {
    let text = layout_fixture("anki_export.txt");
    let parsed = parse_named("anki_export.txt", text.as_bytes());
    insta::assert_snapshot!("anki_export_fixture", cards_text(&parsed));
}

#[test]
fn the_generated_anki_corpus_reads_as_pinned() {
    let files = corpus::generate(6, "anki-text");
    let (name, text) = &files[0];
    let parsed = parse_named(name, text.as_bytes());
    assert_eq!(parsed.cards.len(), 6);
    insta::assert_snapshot!("anki_corpus_6", cards_text(&parsed));
}

#[test]
fn large_anki_inputs_keep_their_fingerprints() {
    let mut out = String::new();
    let mut cards = 0;
    let mut all = String::new();
    for (name, text) in corpus::generate(1000, "anki-text") {
        let parsed = parse_named(&name, text.as_bytes());
        cards += parsed.cards.len();
        all.push_str(&cards_text(&parsed));
    }
    let _ = writeln!(out, "corpus: {cards} cards, {}", fingerprint(&all));

    let traps = load(&[ContentSource::Path(
        format!("{}/tests/fixtures/anki/traps", env!("CARGO_MANIFEST_DIR")).into(),
    )])
    .unwrap();
    let exported = anki::export(&traps.cards, "prepdeck");
    let parsed = parse_named("traps-export.txt", exported.as_bytes());
    let _ = writeln!(
        out,
        "traps: {} cards, {}",
        parsed.cards.len(),
        fingerprint(&cards_text(&parsed))
    );
    insta::assert_snapshot!("anki_fingerprints", out);
}

/// HTML fields of every kind the reader knows, and some it has to forgive.
const ZOO: &[&str] = &[
    "plain text with  two  spaces, *stars*, _under_ and <notatag",
    "<div>a</div><div><br></div><div>b</div>",
    "a<br>b<br><br>c<br>",
    "<p>one</p><p>two&nbsp;&amp;&lt;x&gt;</p>",
    "<b> bold </b>and<i>it</i><s>gone</s> <strong>x<i>y</i></strong>",
    "Why:<ul><li>one<br>more</li><li><b>two</b><ol><li>a</li><li>b</li></ol></li></ul>after",
    "<ul> <li>x</li> stray <b>bold</b></ul>",
    "<pre><code class=\"language-sh\">echo 1<br>&lt;x&gt;</code></pre>",
    "<pre>a<div>b</div>c</pre>",
    "<code>a  b`c</code> <kbd>Ctrl</kbd>",
    "<a href=\"https://x.y/a b\">link</a> <a href=\"u\">u</a> <img src=\"p.png\" alt=\"[a]\">",
    "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>x|y</td></tr></table>",
    "<h2>Head</h2><hr>after",
    "a<!-- c -->b <script>alert(1)</script>c <style>p{}</style>d",
    "<b>unclosed <i>deep",
    "x</div>y</b>z < 2 <3",
    "<span style=\"x\">- dash</span><br>2. two<br># h",
    "<font color=red>#1</font> <u>under</u> <sub>2</sub>",
    "<p>Intro</p><ul><li>k1</li><li>k2</li></ul><p><b>Takeaway:</b> t</p>",
    "<B>Upper</B><BR><DIV>Case</DIV>",
    "<div><div>nested</div></div><div></div>tail",
    "<b/>self<p/>closing<br/>",
    "&#35;1 &#x41; &bogus; & &nbsp;",
    "<li>loose item</li><li>two</li>",
    "<ul><li><pre>code</pre></li><li><p>a</p><p>b</p></li></ul>",
    "<b><br></b>x<i> </i>y",
    "<blockquote>q</blockquote><center>c</center>",
    "<p><b>Takeaway:</b></p>",
    "<ul><li>only</li></ul>",
    "*<b>*</b> _<i>_x</i> <code></code>",
];

#[test]
fn a_zoo_of_html_fields_reads_as_pinned() {
    let mut text =
        "#separator:tab\n#html:true\n#guid column:1\n#deck column:2\n#tags column:5\n".to_string();
    for (i, field) in ZOO.iter().enumerate() {
        let _ = writeln!(text, "zoo-a{i}\tZoo\tanswer {i}\t{field}\tzoo");
        let _ = writeln!(text, "zoo-q{i}\tZoo\t{field}\tback\tzoo");
    }
    let parsed = parse_named("zoo.txt", text.as_bytes());
    insta::assert_snapshot!("anki_html_zoo", cards_text(&parsed));
}
