//! HTML fields to markdown: lines and paragraphs, emphasis, code, links, lists,
//! `<pre>`, tables, and text that only looks like markup.

use super::*;

fn md(html: &str) -> String {
    render(&blocks(html))
}

#[test]
fn anki_editor_lines_and_paragraphs() {
    assert_eq!(
        md("first<div>second</div><div>third</div>"),
        "first\\\nsecond\\\nthird"
    );
    assert_eq!(md("a<br>b<br><br>c"), "a\\\nb\n\nc");
    assert_eq!(md("<div>a</div><div><br></div><div>b</div>"), "a\n\nb");
    assert_eq!(md("<p>one</p><p>two&nbsp;words</p>"), "one\n\ntwo words");
}

#[test]
fn emphasis_code_and_links() {
    assert_eq!(
        md("Use <b> kubectl </b>and <code>a  &lt;b&gt;</code>, <i>not</i> <u>this</u>."),
        "Use **kubectl** and `a <b>`, *not* this."
    );
    assert_eq!(
        md(r#"See <a href="https://k8s.io/docs">the docs</a> <img src="x.png" alt="[pic]">"#),
        "See [the docs](https://k8s.io/docs) ![pic](x.png)"
    );
    assert_eq!(md("<b></b>x"), "x");
}

#[test]
fn questions_keep_code_and_lose_emphasis() {
    assert_eq!(
        question_line("What is a <b>Pod</b>, <i>really</i>, and <code>kubectl</code>?"),
        "What is a Pod, really, and `kubectl`?"
    );
    assert_eq!(
        question_line("<div>Two</div><div>lines?</div>"),
        "Two lines?"
    );
}

#[test]
fn lists_nest_and_keep_their_lines() {
    assert_eq!(
        md(
            "Why:<ul><li>one<br>more</li><li><b>two</b><ol><li>a</li><li>b</li></ol></li></ul>after"
        ),
        "Why:\n\n- one\\\n  more\n- **two**\n\n  1. a\n  2. b\n\nafter"
    );
}

#[test]
fn pre_keeps_tabs_and_lines() {
    assert_eq!(
        md("<pre><code>if x:<br>\treturn 1\n&#9;# done</code></pre>"),
        "```\nif x:\n\treturn 1\n\t# done\n```"
    );
    assert_eq!(
        md("<pre><code class=\"language-make\">all:<br>\tmake</code></pre>"),
        "```make\nall:\n\tmake\n```"
    );
}

#[test]
fn text_that_looks_like_markup_stays_text() {
    assert_eq!(md("#1 cause"), "#1 cause");
    assert_eq!(md("# not a heading"), "\\# not a heading");
    assert_eq!(md("- dash<br>2. two"), "\\- dash\\\n2\\. two");
    assert_eq!(
        md("kill &lt;pid&gt; a*b_c _x_"),
        "kill \\<pid> a\\*b_c \\_x\\_"
    );
    assert_eq!(md(" - not a list"), "\\- not a list");
    assert_eq!(md("base * 2"), "base * 2");
}

#[test]
fn tables_become_pipe_tables() {
    assert_eq!(
        md("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>x|y</td></tr></table>"),
        "| A | B |\n| --- | --- |\n| 1 | x\\|y |"
    );
}
