//! Writes a field's markdown straight from its tokens, without building a tree, for the
//! HTML nearly every field holds: text, `<br>`, `<div>` and `<p>` lines, emphasis and
//! code spans around plain text, lists of items, `<pre>` code, and tags that only keep
//! their text (`<span>`, `<u>`, `<font>`). Anything else (links, images, tables,
//! headings, comments, a stray `<`, a tag closed out of order or never closed) gives up,
//! and the field is read through its tree instead, so the markdown is always the
//! tree's markdown.

use std::borrow::Cow;

use super::html_markdown::{Block, Blocks, language, push_item};
use super::html_tokens::{Token, tokens};
use super::html_tree::decode_entities;

/// Deeper nesting is left to the tree, which knows how to flatten it.
const MAX_OPEN: usize = 32;

/// An element still open, and what its end does.
enum Open {
    /// Keeps its text (`<span>`, and emphasis in a question).
    Text,
    /// A line of its own (`<div>`): the lines before it, and whether it holds anything.
    Line { had: usize, held: bool },
    /// A paragraph (`<p>`).
    Paragraph,
    /// Emphasis around at most one run of text.
    Wrapped {
        marker: &'static str,
        text: Option<String>,
    },
    /// A code span (`<code>`, `<kbd>`): its text as it is.
    Code(String),
    /// A `<pre>`: its text as it is, and the language its `<code>` names.
    Pre(String, Option<String>),
    /// The `<code>` inside a `<pre>`.
    PreCode,
    /// A list and the markdown of its items so far.
    List { ordered: bool, items: Vec<String> },
    /// One item of the list below it, written into its own builder.
    Item,
}

/// The blocks of `html`, or `None` when it holds something only the tree reads right.
/// `plain` drops emphasis, as for a question.
pub fn blocks(html: &str, plain: bool) -> Option<Vec<Block>> {
    let mut writer = Writer {
        open: Vec::new(),
        builders: vec![Blocks {
            plain,
            ..Blocks::default()
        }],
    };
    for token in tokens(html) {
        match token {
            Token::Text(text) => writer.text(&decode_entities(text))?,
            Token::Open { name, attrs, empty } => writer.open(name, attrs, empty)?,
            Token::Close(name) => writer.close(&name)?,
            // Each of these can join the text on either side into one run, as the
            // tree does; rare enough to leave to it.
            Token::Lt | Token::Nothing => return None,
        }
    }
    if !writer.open.is_empty() {
        return None;
    }
    writer.builders.pop().map(Blocks::finish)
}

struct Writer<'a> {
    /// Open elements, outermost first, with their names.
    open: Vec<(Cow<'a, str>, Open)>,
    /// The field's builder, then one for each open list item.
    builders: Vec<Blocks>,
}

impl<'a> Writer<'a> {
    fn builder(&mut self) -> &mut Blocks {
        let last = self.builders.len() - 1;
        &mut self.builders[last]
    }

    /// Text, its references decoded.
    fn text(&mut self, text: &str) -> Option<()> {
        match self.open.last_mut().map(|(_, open)| open) {
            Some(Open::Line { held, .. }) => *held = true,
            Some(Open::Wrapped { text: Some(_), .. }) => return None,
            Some(Open::Wrapped { text: held, .. }) => {
                *held = Some(text.to_string());
                return Some(());
            }
            Some(Open::Code(code) | Open::Pre(code, _)) => {
                code.push_str(text);
                return Some(());
            }
            Some(Open::PreCode) => {
                self.pre_code()?.push_str(text);
                return Some(());
            }
            // Blank text between items is nothing; other text directly in a list is
            // an item of its own.
            Some(Open::List { .. }) if text.trim().is_empty() => return Some(()),
            Some(Open::List { .. }) => return None,
            _ => {}
        }
        self.builder().line.text(text);
        Some(())
    }

    /// The code of the `<pre>` a `<code>` inside it writes to.
    fn pre_code(&mut self) -> Option<&mut String> {
        let at = self.open.len().checked_sub(2)?;
        match &mut self.open[at].1 {
            Open::Pre(code, _) => Some(code),
            _ => None,
        }
    }

    /// An opening tag; `empty` when it holds nothing and so ends where it starts.
    fn open(&mut self, name: Cow<'a, str>, attrs: &str, empty: bool) -> Option<()> {
        if self.open.len() >= MAX_OPEN {
            return None;
        }
        let open = match self.open.last_mut().map(|(_, open)| open) {
            Some(Open::Wrapped { .. }) => return None,
            Some(Open::Code(code)) => {
                // A break is the only tag a code span keeps, as a newline.
                if name != "br" {
                    return None;
                }
                code.push('\n');
                Open::Text
            }
            Some(Open::PreCode) => {
                if name != "br" {
                    return None;
                }
                self.pre_code()?.push('\n');
                Open::Text
            }
            Some(Open::Pre(code, language_named)) => match name.as_ref() {
                "br" => {
                    code.push('\n');
                    Open::Text
                }
                "code" => {
                    if language_named.is_none() {
                        *language_named = language(attrs);
                    }
                    Open::PreCode
                }
                _ => return None,
            },
            Some(Open::List { .. }) => {
                if name != "li" {
                    return None;
                }
                self.builders.push(Blocks::default());
                Open::Item
            }
            top => {
                if let Some(Open::Line { held, .. }) = top {
                    *held = true;
                }
                self.element(&name)?
            }
        };
        self.open.push((name, open));
        if empty { self.close_top() } else { Some(()) }
    }

    /// An element opened where text is written: what it does now, and what it is.
    fn element(&mut self, name: &str) -> Option<Open> {
        let builder = self.builder();
        Some(match name {
            "br" => {
                builder.br();
                Open::Text
            }
            "hr" => {
                builder.end_paragraph();
                Open::Text
            }
            "div" | "li" | "dt" | "dd" | "tr" | "center" => Open::Line {
                had: builder.open_line(),
                held: false,
            },
            "p" | "blockquote" | "section" | "article" | "figure" => {
                builder.end_paragraph();
                Open::Paragraph
            }
            "b" | "strong" | "i" | "em" | "s" | "del" | "strike" if builder.plain => Open::Text,
            "b" | "strong" => wrapped("**"),
            "i" | "em" => wrapped("*"),
            "s" | "del" | "strike" => wrapped("~~"),
            "code" | "kbd" | "tt" | "samp" => Open::Code(String::new()),
            "ul" | "ol" => {
                builder.end_paragraph();
                Open::List {
                    ordered: name == "ol",
                    items: Vec::new(),
                }
            }
            "pre" => {
                builder.end_paragraph();
                Open::Pre(String::new(), None)
            }
            // Headings, tables, links and images: the tree's.
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "a" | "img" => return None,
            _ => Open::Text,
        })
    }

    fn close(&mut self, name: &str) -> Option<()> {
        // A tag closed out of order closes others too, or nothing: the tree's.
        if self.open.last()?.0 != name {
            return None;
        }
        self.close_top()
    }

    /// Ends the innermost open element.
    fn close_top(&mut self) -> Option<()> {
        let (_, open) = self.open.pop()?;
        match open {
            Open::Text | Open::PreCode => {}
            Open::Line { had, held } => self.builder().close_line(had, held),
            Open::Paragraph => self.builder().end_paragraph(),
            Open::Wrapped { marker, text } => {
                if let Some(text) = text {
                    self.builder().wrapped_text(marker, &text);
                }
            }
            Open::Code(code) => self.builder().line.code(&code),
            Open::Pre(code, language) => self.builder().code_block(&code, language),
            Open::List { ordered, items } => {
                if !items.is_empty() {
                    self.builder().done.push(Block::List { ordered, items });
                }
            }
            Open::Item => {
                let item = self.builders.pop()?;
                let Some((_, Open::List { items, .. })) = self.open.last_mut() else {
                    return None;
                };
                push_item(items, item);
            }
        }
        Some(())
    }
}

fn wrapped(marker: &'static str) -> Open {
    Open::Wrapped { marker, text: None }
}

#[cfg(test)]
mod tests;
