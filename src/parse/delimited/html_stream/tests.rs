//! The straight writer against the tree: on every field it takes, the same blocks, for
//! answers and for questions; and it does take the fields Anki and prepdeck write.

use proptest::prelude::*;
use proptest::test_runner::TestRunner;

use super::blocks;
use crate::parse::delimited::html_markdown::tree_blocks;

/// The same blocks as the tree whenever the writer takes the field; whether it did.
fn agrees(html: &str) -> bool {
    let mut took = false;
    for plain in [false, true] {
        if let Some(fast) = blocks(html, plain) {
            assert_eq!(fast, tree_blocks(html, plain), "{html:?}, plain: {plain}");
            took = true;
        }
    }
    took
}

#[test]
fn the_fields_anki_and_prepdeck_write_are_taken() {
    for html in [
        "",
        "plain words, *stars* and  spaces",
        "<div>a</div><div><br></div><div>b</div>",
        "a<br>b<br><br>c",
        "<p>one</p><p>two&nbsp;words &lt;x&gt;</p>",
        "<p>Why</p><ul><li>one</li><li>Containers are <b>together</b></li></ul>\
         <pre><code class=\"language-sh\">echo 1<br>&lt;x&gt;</code></pre>\
         <p><b>Takeaway:</b> small steps.</p>",
        "Why:<ul><li>one<br>more</li><li><b>two</b><ol><li>a</li><li>b</li></ol></li></ul>after",
        "<span style=\"x\">- dash</span><br>2. two <u>under</u> <code>a  b`c</code>",
        "<pre>cat &lt;&lt;-EOF\n\tindented\nEOF</pre>Use <i>&lt;&lt;-</i> only.",
        "<b/>self<p/>closing<br/><hr>",
    ] {
        assert!(agrees(html), "not taken: {html:?}");
    }
}

#[test]
fn what_only_the_tree_reads_is_left_to_it() {
    for html in [
        "a<!-- c -->b",
        "1 < 2",
        "<b>unclosed",
        "x</div>y",
        "<b>a<i>b</i></b>",
        "<a href=\"u\">link</a>",
        "<table><tr><td>1</td></tr></table>",
        "<h2>Head</h2>",
        "<ul>stray</ul>",
        "<pre><div>x</div></pre>",
        "<script>x</script>y",
    ] {
        assert_eq!(blocks(html, false), None, "{html:?}");
    }
}

/// Text with what markdown and HTML make something of: spaces, markup characters,
/// references, now and then a stray `<`.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-z]{1,6}( [a-z]{1,6}){0,3}",
        2 => "[ \t\n]{1,3}",
        2 => "[-#*_`\\\\>+.0-9]{1,3}[a-z ]{0,4}",
        2 => prop::sample::select(vec!["&amp;", "&nbsp;", "&lt;b&gt;", "&#35;", "&#x9;", "&bogus;"])
            .prop_map(str::to_string),
        1 => Just("<".to_string()),
    ]
}

const TAGS: &[&str] = &[
    "p",
    "div",
    "DIV",
    "li",
    "ul",
    "ol",
    "b",
    "strong",
    "i",
    "em",
    "s",
    "code",
    "kbd",
    "pre",
    "span",
    "u",
    "font",
    "center",
    "blockquote",
    "h2",
    "a",
    "table",
    "tr",
    "td",
    "B",
    "LI",
];

fn open_tag() -> impl Strategy<Value = String> {
    (
        prop::sample::select(TAGS),
        prop::sample::select(vec!["", " class=\"language-sh\"", " style=\"x\"", "/"]),
    )
        .prop_map(|(tag, attrs)| format!("<{tag}{attrs}>"))
}

/// A well-formed piece of HTML: text, a void tag, or an element around pieces.
fn node() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        6 => text(),
        2 => prop::sample::select(vec!["<br>", "<br/>", "<hr>", "<b/>", "<wbr>"]).prop_map(str::to_string),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        (
            prop::sample::select(TAGS),
            prop::sample::select(vec!["", " class=\"language-make\""]),
            prop::collection::vec(inner, 0..5),
        )
            .prop_map(|(tag, attrs, kids)| format!("<{tag}{attrs}>{}</{tag}>", kids.concat()))
    })
}

#[test]
fn well_formed_fields_agree_and_are_mostly_taken() {
    let mut runner = TestRunner::new(ProptestConfig {
        cases: 2000,
        ..ProptestConfig::default()
    });
    let taken = std::cell::Cell::new(0);
    runner
        .run(&prop::collection::vec(node(), 0..6), |nodes| {
            if agrees(&nodes.concat()) {
                taken.set(taken.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    // Links, tables and headings among the tags send many fields to the tree; the
    // writer still has to take a good share, or this would test nothing.
    assert!(taken.get() > 400, "taken {} of 2000", taken.get());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn fields_with_stray_tags_agree(
        nodes in prop::collection::vec(node(), 0..5),
        strays in prop::collection::vec(
            (any::<prop::sample::Index>(), prop_oneof![
                open_tag(),
                prop::sample::select(TAGS).prop_map(|t| format!("</{t}>")),
                Just("<!-- c -->".to_string()),
            ]),
            0..3,
        ),
    ) {
        let mut html = nodes.concat();
        for (at, stray) in strays {
            // Only at character boundaries outside tags would matter to a browser; any
            // boundary is fine for agreeing.
            let mut at = at.index(html.len() + 1);
            while !html.is_char_boundary(at) {
                at -= 1;
            }
            html.insert_str(at, &stray);
        }
        agrees(&html);
    }
}
