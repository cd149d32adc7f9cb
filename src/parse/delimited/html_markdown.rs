//! Turns an Anki field's HTML into the card's markdown: `<div>` and `<br>` lines become
//! lines (hard breaks), `<p>` paragraphs, `<ul>`/`<ol>` lists (nested ones indented),
//! `<b>`/`<i>`/`<code>`/`<s>` emphasis, code spans and strike-through, `<pre>` a fenced
//! block with its tabs and lines, `<a>` and `<img>` links, `<table>` a pipe table.
//! Other tags keep their text. Text is escaped where markdown would read it as markup.

use super::escape::{escape_inline, escape_line, link_target};
use super::html_stream;
use super::html_tree::{Node, attr};
use super::inline::Line;

/// A top-level piece of a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Lines of one paragraph, joined by hard breaks.
    Paragraph(Vec<String>),
    /// Each item's own markdown.
    List { ordered: bool, items: Vec<String> },
    /// The code and its language (from `<code class="language-sh">`).
    Code(String, Option<String>),
    /// Pipe-table lines.
    Table(Vec<String>),
}

/// The blocks of a field's HTML.
pub fn blocks(html: &str) -> Vec<Block> {
    html_stream::blocks(html, false).unwrap_or_else(|| tree_blocks(html, false))
}

/// The blocks of `html` read through its tree, which takes any HTML; `plain` as for a
/// question.
pub(super) fn tree_blocks(html: &str, plain: bool) -> Vec<Block> {
    let mut out = Blocks {
        plain,
        ..Blocks::default()
    };
    out.walk(&super::html_tree::parse(html));
    out.finish()
}

/// A question's HTML on one line, as prepdeck's questions are written: bold, italics
/// and strike-through are plain words there (the screens show a question as it is
/// written), code keeps its backticks.
pub fn question_line(html: &str) -> String {
    let mut blocks = html_stream::blocks(html, true).unwrap_or_else(|| tree_blocks(html, true));
    // Nearly every question is one clean line: taken as it is, not copied.
    if let [Block::Paragraph(lines)] = blocks.as_mut_slice()
        && let [line] = lines.as_mut_slice()
        && is_one_clean_line(line)
    {
        return std::mem::take(line);
    }
    one_line(&blocks)
}

/// The blocks of a plain-text field: paragraphs at blank lines, lines kept.
pub fn plain_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for para in text.replace("\r\n", "\n").split("\n\n") {
        let lines: Vec<String> = para
            .lines()
            .map(|l| escape_line(l.trim()))
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            out.push(Block::Paragraph(lines));
        }
    }
    out
}

impl Block {
    /// About how long its markdown is, to size the string it is written into.
    fn len(&self) -> usize {
        match self {
            Block::Paragraph(lines) | Block::Table(lines) => {
                lines.iter().map(|l| l.len() + 2).sum()
            }
            Block::List { items, .. } => items.iter().map(|i| i.len() + 4).sum(),
            Block::Code(code, _) => code.len() + 12,
        }
    }
}

/// Blocks as markdown, separated by blank lines.
pub fn render(blocks: &[Block]) -> String {
    let mut out = String::with_capacity(blocks.iter().map(Block::len).sum::<usize>() + 64);
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        render_block(&mut out, block);
    }
    out
}

fn render_block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(lines) => join_onto(out, lines, "\\\n"),
        Block::List { ordered, items } => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                if *ordered {
                    indent_after_first(out, item, &format!("{}. ", i + 1));
                } else {
                    indent_after_first(out, item, "- ");
                }
            }
        }
        Block::Code(code, language) => {
            let fence = if memchr::memmem::find(code.as_bytes(), b"```").is_some() {
                "~~~~"
            } else {
                "```"
            };
            out.push_str(fence);
            out.push_str(language.as_deref().unwrap_or_default());
            out.push('\n');
            out.push_str(code.trim_end_matches('\n'));
            out.push('\n');
            out.push_str(fence);
        }
        Block::Table(lines) => join_onto(out, lines, "\n"),
    }
}

fn join_onto(out: &mut String, lines: &[String], separator: &str) {
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(line);
    }
}

/// `marker` before the first line, the rest indented under the text after it.
fn indent_after_first(out: &mut String, text: &str, marker: &str) {
    if memchr::memchr(b'\n', text.as_bytes()).is_none() {
        out.push_str(marker);
        out.push_str(text);
        return;
    }
    for (i, line) in text.split('\n').enumerate() {
        if i == 0 {
            out.push_str(marker);
            out.push_str(line);
        } else {
            out.push('\n');
            if !line.is_empty() {
                out.extend(std::iter::repeat_n(' ', marker.len()));
                out.push_str(line);
            }
        }
    }
}

/// Builds blocks: the paragraph being written, line by line, and the blocks before it.
#[derive(Default)]
pub(super) struct Blocks {
    /// Emphasis is dropped (its words kept): for questions.
    pub plain: bool,
    pub done: Vec<Block>,
    pub lines: Vec<String>,
    pub line: Line,
}

impl Blocks {
    fn walk(&mut self, nodes: &[Node]) {
        for node in nodes {
            match node {
                Node::Text(text) => self.line.text(text),
                Node::Element {
                    name,
                    attrs,
                    children,
                } => self.element(name, attrs, children),
            }
        }
    }

    fn element(&mut self, name: &str, attrs: &str, children: &[Node]) {
        match name {
            "br" => self.br(),
            "div" | "li" | "dt" | "dd" | "tr" | "center" => {
                let had = self.open_line();
                self.walk(children);
                self.close_line(had, !children.is_empty());
            }
            "p" | "blockquote" | "section" | "article" | "figure" => {
                self.end_paragraph();
                self.walk(children);
                self.end_paragraph();
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.end_paragraph();
                self.inline_wrapped("**", children);
                self.end_paragraph();
            }
            "hr" => self.end_paragraph(),
            "ul" | "ol" => {
                self.end_paragraph();
                let items = list_items(children);
                if !items.is_empty() {
                    self.done.push(Block::List {
                        ordered: name == "ol",
                        items,
                    });
                }
            }
            "pre" => {
                self.end_paragraph();
                let mut code = String::new();
                raw_text(children, &mut code);
                self.code_block(&code, code_language(children));
            }
            "table" => {
                self.end_paragraph();
                let lines = table(children);
                if !lines.is_empty() {
                    self.done.push(Block::Table(lines));
                }
            }
            "b" | "strong" | "i" | "em" | "s" | "del" | "strike" if self.plain => {
                self.walk(children);
            }
            "b" | "strong" => self.inline_wrapped("**", children),
            "i" | "em" => self.inline_wrapped("*", children),
            "s" | "del" | "strike" => self.inline_wrapped("~~", children),
            "code" | "kbd" | "tt" | "samp" => {
                let mut code = String::new();
                raw_text(children, &mut code);
                self.line.code(&code);
            }
            "a" => {
                let mut inner = self.child();
                inner.walk(children);
                let text = one_line(&inner.finish());
                match attr(attrs, "href").filter(|h| !h.trim().is_empty()) {
                    Some(href) if !text.is_empty() && text != href => {
                        self.line.raw(&format!("[{text}]({})", link_target(&href)));
                    }
                    Some(href) => self.line.raw(&format!("<{}>", link_target(&href))),
                    None => self.line.raw(&text),
                }
            }
            "img" => {
                if let Some(src) = attr(attrs, "src").filter(|s| !s.is_empty()) {
                    let alt = attr(attrs, "alt").unwrap_or_default();
                    let alt = escape_inline(&alt.replace(['[', ']'], ""));
                    self.line.raw(&format!("![{alt}]({})", link_target(&src)));
                }
            }
            _ => self.walk(children),
        }
    }

    /// `children` as one run of text between `marker`s (`**bold**`), line by line,
    /// with the spaces at its edges kept outside the markers.
    fn inline_wrapped(&mut self, marker: &str, children: &[Node]) {
        // Nearly always the emphasis holds just text: one run, on this line.
        if let [Node::Text(text)] = children {
            self.wrapped_text(marker, text);
            return;
        }
        if edge_space(children, true) {
            self.line.space = true;
        }
        let mut inner = self.child();
        inner.walk(children);
        let blocks = inner.finish();
        let mut first = true;
        for block in &blocks {
            let Block::Paragraph(lines) = block else {
                // A list or code inside bold: kept as it is, unemphasised.
                self.end_paragraph();
                self.done.push(block.clone());
                continue;
            };
            for line in lines {
                if !first {
                    self.end_line();
                }
                first = false;
                self.line.wrapped(marker, line);
            }
        }
        if edge_space(children, false) {
            self.line.space = true;
        }
    }

    /// `<br>`: the end of a line, or of a paragraph when the line is empty.
    pub fn br(&mut self) {
        if self.line.is_empty() && self.lines.is_empty() {
            return;
        }
        if self.line.is_empty() {
            // Two breaks in a row, or a break on a line of its own: a new paragraph.
            self.end_paragraph();
        } else {
            self.end_line();
        }
    }

    /// The start of a `<div>` (or another element that is a line of its own): the
    /// number of lines before it, for `close_line`.
    pub fn open_line(&mut self) -> usize {
        self.end_line();
        self.lines.len()
    }

    /// The end of a `<div>` opened when there were `had` lines; one that held something
    /// but wrote no line (`<div><br></div>`, Anki's empty line) separates paragraphs.
    pub fn close_line(&mut self, had: usize, held_something: bool) {
        self.end_line();
        if self.lines.len() == had && held_something {
            self.end_paragraph();
        }
    }

    /// Emphasis holding just `text`, on this line, with the spaces at its edges kept
    /// outside the markers.
    pub fn wrapped_text(&mut self, marker: &str, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.line.space = true;
        }
        let mut inner = Line::default();
        inner.text(text);
        self.line.wrapped(marker, &inner.finish());
        if text.ends_with(char::is_whitespace) {
            self.line.space = true;
        }
    }

    /// A `<pre>`'s text as a code block, unless it is blank.
    pub fn code_block(&mut self, code: &str, language: Option<String>) {
        if !code.trim().is_empty() {
            let code = code.trim_matches('\n').to_string();
            self.done.push(Block::Code(code, language));
        }
    }

    /// A builder for a part of this one (a link's text, emphasis), with its rules.
    fn child(&self) -> Blocks {
        Blocks {
            plain: self.plain,
            ..Blocks::default()
        }
    }

    pub fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line).finish();
        if !line.is_empty() {
            self.lines.push(line);
        }
    }

    pub fn end_paragraph(&mut self) {
        self.end_line();
        if !self.lines.is_empty() {
            self.done
                .push(Block::Paragraph(std::mem::take(&mut self.lines)));
        }
    }

    pub fn finish(mut self) -> Vec<Block> {
        self.end_paragraph();
        self.done
    }
}

/// Whether the text of `nodes` starts (or, with `first` false, ends) with whitespace.
fn edge_space(nodes: &[Node], first: bool) -> bool {
    let mut walk: Box<dyn Iterator<Item = &Node>> = if first {
        Box::new(nodes.iter())
    } else {
        Box::new(nodes.iter().rev())
    };
    walk.find_map(|node| match node {
        Node::Text(text) if text.is_empty() => None,
        Node::Text(text) => Some(if first {
            text.starts_with(char::is_whitespace)
        } else {
            text.ends_with(char::is_whitespace)
        }),
        Node::Element { children, .. } if !children.is_empty() => Some(edge_space(children, first)),
        Node::Element { .. } => None,
    })
    .unwrap_or(false)
}

/// Each `<li>`'s content as markdown; text directly inside the list is an item too.
fn list_items(children: &[Node]) -> Vec<String> {
    let mut items = Vec::new();
    for child in children {
        let mut item = Blocks::default();
        match child {
            Node::Element { name, children, .. } if name == "li" => item.walk(children),
            Node::Text(text) if text.trim().is_empty() => continue,
            other => item.walk(std::slice::from_ref(other)),
        }
        push_item(&mut items, item);
    }
    items
}

/// A list item's markdown, kept when it holds words.
pub(super) fn push_item(items: &mut Vec<String>, item: Blocks) {
    // Most items are one line of text: no blocks to build and render.
    let text = if item.done.is_empty() && item.lines.is_empty() {
        item.line.finish()
    } else {
        render(&item.finish())
    };
    if !text.trim().is_empty() {
        items.push(text);
    }
}

/// The text of `nodes` as it is, `<br>` as a newline: the inside of `<pre>` and `<code>`.
fn raw_text(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element { name, .. } if name == "br" => out.push('\n'),
            Node::Element { name, children, .. } => {
                let block = matches!(name.as_ref(), "div" | "p" | "li");
                if block && !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                raw_text(children, out);
                if block && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
        }
    }
}

/// The language a `<pre>` names on its `<code class="language-…">`, as markdown renderers
/// write it.
fn code_language(children: &[Node]) -> Option<String> {
    children.iter().find_map(|node| match node {
        Node::Element { name, attrs, .. } if name == "code" => language(attrs),
        _ => None,
    })
}

/// The language a `<code>`'s attributes name in its `language-…` class.
pub(super) fn language(attrs: &str) -> Option<String> {
    attr(attrs, "class")?
        .split_whitespace()
        .find_map(|class| class.strip_prefix("language-"))
        .filter(|lang| {
            lang.chars()
                .all(|c| c.is_alphanumeric() || "+-_.#".contains(c))
        })
        .map(str::to_string)
}

/// A `<table>`'s rows (`<tr>` anywhere inside it) as pipe-table lines, the first row the
/// header.
fn table(children: &[Node]) -> Vec<String> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    collect_rows(children, &mut rows);
    crate::parse::html::pipe_table(&rows)
}

fn collect_rows(nodes: &[Node], rows: &mut Vec<Vec<String>>) {
    for node in nodes {
        let Node::Element { name, children, .. } = node else {
            continue;
        };
        if name == "tr" {
            let cells: Vec<String> = children
                .iter()
                .filter_map(|cell| match cell {
                    Node::Element { name, children, .. } if name == "td" || name == "th" => {
                        let mut inner = Blocks::default();
                        inner.walk(children);
                        Some(one_line(&inner.finish()).replace('|', "\\|"))
                    }
                    _ => None,
                })
                .collect();
            if !cells.is_empty() {
                rows.push(cells);
            }
        } else {
            collect_rows(children, rows);
        }
    }
}

/// A line whose spaces are already collapsed: no breaks or tabs, no two spaces in a
/// row, none at its ends.
fn is_one_clean_line(line: &str) -> bool {
    memchr::memchr3(b'\n', b'\r', b'\t', line.as_bytes()).is_none()
        && memchr::memmem::find(line.as_bytes(), b"  ").is_none()
        && line.trim() == line
}

/// Blocks flattened onto one line, for a question, a link's text or a table cell.
pub fn one_line(blocks: &[Block]) -> String {
    // One line of one paragraph, its spaces already collapsed, is the line itself.
    if let [Block::Paragraph(lines)] = blocks
        && let [line] = lines.as_slice()
        && is_one_clean_line(line)
    {
        return line.clone();
    }
    render(blocks)
        .replace("\\\n", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
