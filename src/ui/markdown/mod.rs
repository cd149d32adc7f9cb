//! Renders markdown into styled terminal lines for a given width: headings, nested lists
//! with hanging indents, emphasis, inline and fenced code, quotes, links with a dimmed
//! URL, tables, and the raw HTML question banks use (`<br>`, `<b>`, `<code>`, `<details>`)
//! turned into its plain meaning. All text is sanitised before it is laid out.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::table;
use super::wrap::{self, Run};
use crate::model::{Align, Table};
use crate::text::humanize::strip_html_tags;
use crate::text::sanitize::sanitize;
use crate::theme::{Role, Theme};

/// Lays out `markdown` in `width` columns.
pub fn render(markdown: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    render_with(markdown, width, theme, false)
}

/// Like `render`, for a list item's own text: a list right after a paragraph stays
/// close to it instead of opening with a blank line.
pub fn render_compact(markdown: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    render_with(markdown, width, theme, true)
}

/// The most markdown one section parses on each layout; see `wrap::MAX_WRAPPED`.
const MAX_PARSED: usize = 256 * 1024;

fn render_with(markdown: &str, width: usize, theme: &Theme, compact: bool) -> Vec<Line<'static>> {
    let mut r = Renderer::new(width.max(4), theme);
    r.compact = compact;
    let (shown, left_out) = if markdown.len() > MAX_PARSED {
        let mut cut = MAX_PARSED;
        while !markdown.is_char_boundary(cut) {
            cut -= 1;
        }
        (&markdown[..cut], markdown.len() - cut)
    } else {
        (markdown, 0)
    };
    for event in Parser::new_ext(shown, options()) {
        r.event(event);
    }
    r.flush();
    if left_out > 0 {
        r.lines.push(Line::from(Span::styled(
            format!(
                "… {left_out} more bytes of this section are not shown: open the file to read them."
            ),
            theme.style(Role::Dim),
        )));
    }
    r.lines
}

/// The inline content of a short markdown snippet (a table cell, a key point) as styled
/// runs on top of `base`, without block structure.
pub fn inline_runs(markdown: &str, base: Style, theme: &Theme) -> Vec<Run> {
    let mut r = Renderer::new(usize::MAX / 4, theme);
    r.styles = vec![base];
    let text = escape_block_start(markdown.trim_start());
    for event in Parser::new_ext(&text, options()) {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::SoftBreak | Event::HardBreak => r.push_text(" "),
            other => r.event(other),
        }
    }
    let mut runs = std::mem::take(&mut r.runs);
    for line in r.lines.drain(..) {
        for span in line.spans {
            runs.push((span.content.into_owned(), span.style));
        }
    }
    runs
}

/// Escapes a leading character that would open a block (`> 80%` is text in a cell, not
/// a quote; `1. x` not a list), so a snippet is read as inline text only.
fn escape_block_start(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let spaced = |at: usize| matches!(bytes.get(at), None | Some(b' ' | b'\t'));
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let hashes = bytes.iter().take_while(|&&b| b == b'#').count();
    let opens_block = match bytes.first() {
        Some(b'>') => Some(0),
        Some(b'#') if spaced(hashes) => Some(0),
        Some(b'-' | b'+' | b'*') if spaced(1) => Some(0),
        Some(b'`' | b'~') if text.starts_with("```") || text.starts_with("~~~") => Some(0),
        Some(b'0'..=b'9')
            if matches!(bytes.get(digits), Some(b'.' | b')')) && spaced(digits + 1) =>
        {
            Some(digits)
        }
        _ => None,
    };
    match opens_block {
        Some(at) => std::borrow::Cow::Owned(format!("{}\\{}", &text[..at], &text[at..])),
        None => std::borrow::Cow::Borrowed(text),
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

struct ListLevel {
    next: Option<u64>,
    indent: usize,
}

struct TableBuilder {
    align: Vec<Align>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    cell: String,
    in_head: bool,
}

struct Renderer<'t> {
    theme: &'t Theme,
    width: usize,
    lines: Vec<Line<'static>>,
    runs: Vec<Run>,
    styles: Vec<Style>,
    lists: Vec<ListLevel>,
    marker: Option<String>,
    quote: usize,
    code: Option<(String, String)>,
    table: Option<TableBuilder>,
    links: Vec<String>,
    need_gap: bool,
    compact: bool,
}

impl<'t> Renderer<'t> {
    fn new(width: usize, theme: &'t Theme) -> Self {
        Renderer {
            theme,
            width,
            lines: Vec::new(),
            runs: Vec::new(),
            styles: vec![theme.style(Role::Text)],
            lists: Vec::new(),
            marker: None,
            quote: 0,
            code: None,
            table: None,
            links: Vec::new(),
            need_gap: false,
            compact: false,
        }
    }

    fn style(&self) -> Style {
        self.styles.last().copied().unwrap_or_default()
    }

    fn push_style(&mut self, patch: Style) {
        self.styles.push(self.style().patch(patch));
    }

    fn pop_style(&mut self) {
        if self.styles.len() > 1 {
            self.styles.pop();
        }
    }

    fn push_text(&mut self, text: &str) {
        let style = self.style();
        if let Some(t) = &mut self.table {
            t.cell.push_str(text);
        } else if let Some((_, code)) = &mut self.code {
            code.push_str(text);
        } else {
            self.runs.push((sanitize(text, true).into_owned(), style));
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.push_text(&t),
            Event::Code(t) => {
                if let Some(table) = &mut self.table {
                    table.cell.push_str(&format!("`{t}`"));
                } else {
                    let style = self.style().patch(self.theme.style(Role::Code));
                    self.runs.push((sanitize(&t, false).into_owned(), style));
                }
            }
            Event::SoftBreak => self.push_text(" "),
            Event::HardBreak => self.push_text("\n"),
            Event::Rule => {
                self.flush();
                self.gap();
                let w = self.width.saturating_sub(self.prefix_width());
                let rule = Run::from(("─".repeat(w.min(60)), self.theme.style(Role::Border)));
                self.emit(&[rule]);
            }
            Event::Html(html) => self.block_html(&html),
            Event::InlineHtml(html) => self.inline_html(&html),
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(name) => self.push_text(&format!("[{name}]")),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {}
            Tag::Heading { level, .. } => {
                self.flush();
                let mut style = self.theme.style(Role::Heading);
                if level <= HeadingLevel::H2 {
                    style = style.add_modifier(Modifier::UNDERLINED);
                }
                self.push_style(style);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote += 1;
                self.push_style(self.theme.style(Role::Quote));
            }
            Tag::CodeBlock(kind) => {
                self.flush();
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => {
                        l.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new()));
            }
            Tag::List(start) => {
                self.flush();
                if self.lists.is_empty() && !self.compact {
                    self.gap();
                } else {
                    self.need_gap = false;
                }
                self.lists.push(ListLevel {
                    next: start,
                    indent: 2,
                });
            }
            Tag::Item => {
                self.flush();
                if let Some(level) = self.lists.last_mut() {
                    let marker = match &mut level.next {
                        Some(n) => {
                            let m = format!("{n}. ");
                            *n += 1;
                            m
                        }
                        None => "• ".to_string(),
                    };
                    level.indent = wrap::width(&marker);
                    self.marker = Some(marker);
                }
            }
            Tag::Emphasis => self.push_style(
                self.theme
                    .style(Role::Emphasis)
                    .add_modifier(Modifier::ITALIC),
            ),
            Tag::Strong => {
                self.push_style(self.theme.style(Role::Strong).add_modifier(Modifier::BOLD));
            }
            Tag::Strikethrough => {
                self.push_style(Style::default().add_modifier(Modifier::CROSSED_OUT));
            }
            Tag::Link { dest_url, .. } => {
                self.links.push(dest_url.to_string());
                self.push_style(self.theme.style(Role::Link));
            }
            Tag::Image { .. } => {
                let dim = self.theme.style(Role::Dim);
                self.runs.push(("[image: ".to_string(), dim));
                self.push_style(dim);
            }
            Tag::Table(align) => {
                self.flush();
                self.table = Some(TableBuilder {
                    align: align.iter().map(|a| convert_align(*a)).collect(),
                    header: Vec::new(),
                    rows: Vec::new(),
                    cell: String::new(),
                    in_head: false,
                });
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = true;
                }
            }
            Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.rows.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.flush(),
            TagEnd::Heading(_) => {
                self.flush();
                self.pop_style();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
                self.pop_style();
            }
            TagEnd::CodeBlock => self.code_block(),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
                self.need_gap = true;
            }
            TagEnd::Item => self.flush(),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => self.pop_style(),
            TagEnd::Link => {
                self.pop_style();
                if let Some(url) = self.links.pop()
                    && !url.is_empty()
                    && !url.starts_with('#')
                {
                    let shown = self.runs.last().map(|(t, _)| t.as_str()).unwrap_or("");
                    if shown != url {
                        let style = self.theme.style(Role::Url);
                        self.runs
                            .push((format!(" ({})", sanitize(&url, false)), style));
                    }
                }
            }
            TagEnd::Image => {
                self.pop_style();
                self.runs
                    .push(("]".to_string(), self.theme.style(Role::Dim)));
            }
            TagEnd::TableCell => {
                if let Some(t) = &mut self.table {
                    let cell = std::mem::take(&mut t.cell).trim().to_string();
                    if t.in_head {
                        t.header.push(cell);
                    } else if let Some(row) = t.rows.last_mut() {
                        row.push(cell);
                    }
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = false;
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    let table = Table {
                        header: t.header,
                        rows: t.rows,
                        align: t.align,
                    };
                    self.gap();
                    let w = self.width.saturating_sub(self.prefix_width());
                    let prefix = self.rest_prefix();
                    for line in table::render(&table, w, self.theme) {
                        let mut spans = prefix.clone();
                        spans.extend(line.spans);
                        self.lines.push(Line::from(spans));
                    }
                    self.need_gap = true;
                }
            }
            _ => {}
        }
    }

    /// Raw HTML blocks keep their text: tags are dropped, line breaks kept, summaries bold.
    fn block_html(&mut self, html: &str) {
        let lower = html.to_ascii_lowercase();
        let is_summary = lower.contains("<summary");
        let text = crate::text::decode_entities(&strip_html_tags(&replace_breaks(html)));
        let text = text.trim_matches(['\n', ' ']);
        if text.trim().is_empty() {
            if lower.contains("<br") && !self.runs.is_empty() {
                self.push_text("\n");
            }
            return;
        }
        if is_summary {
            self.push_style(self.theme.style(Role::Strong).add_modifier(Modifier::BOLD));
            self.push_text(text);
            self.pop_style();
            self.flush();
        } else {
            self.push_text(text);
        }
    }

    fn inline_html(&mut self, html: &str) {
        let tag = html
            .trim_start_matches('<')
            .trim_end_matches('>')
            .trim_end_matches('/')
            .trim()
            .to_ascii_lowercase();
        let name = tag.split_whitespace().next().unwrap_or("");
        match name {
            "br" => self.push_text("\n"),
            "b" | "strong" => self.push_style(Style::default().add_modifier(Modifier::BOLD)),
            "i" | "em" => self.push_style(Style::default().add_modifier(Modifier::ITALIC)),
            "code" | "kbd" => self.push_style(self.theme.style(Role::Code)),
            "/b" | "/strong" | "/i" | "/em" | "/code" | "/kbd" => self.pop_style(),
            _ => {}
        }
    }

    fn code_block(&mut self) {
        let Some((_, code)) = self.code.take() else {
            return;
        };
        self.gap();
        let block = self.theme.style(Role::CodeBlock);
        let comment = block.patch(self.theme.style(Role::Dim));
        let avail = self.width.saturating_sub(self.prefix_width()).max(4);
        let prefix = self.rest_prefix();
        for raw in code.trim_end_matches('\n').split('\n') {
            let text = sanitize(raw, false);
            let trimmed = text.trim_start();
            let style = if trimmed.starts_with('#')
                || trimmed.starts_with("//")
                || trimmed.starts_with("--")
            {
                comment
            } else {
                block
            };
            // Continuations start under the code's first character (after the pad).
            let hang = 1 + wrap::width(&text) - wrap::width(trimmed);
            for piece in wrap::hard_wrap(&format!(" {text}"), avail, hang) {
                let pad = avail.saturating_sub(wrap::width(&piece));
                let mut spans = prefix.clone();
                spans.push(Span::styled(piece, style));
                spans.push(Span::styled(" ".repeat(pad), block));
                self.lines.push(Line::from(spans));
            }
        }
        self.need_gap = true;
    }

    /// A blank line between blocks, except inside lists where items sit close.
    fn gap(&mut self) {
        if self.need_gap && self.lists.is_empty() && !self.lines.is_empty() {
            let prefix = self.quote_prefix();
            self.lines.push(Line::from(prefix));
        }
        self.need_gap = false;
    }

    /// Nesting is drawn at most half the width deep: deeper levels (a hostile file can
    /// nest 10,000) sit at that depth, so each line costs time bounded by the width, not
    /// by the depth, and text always keeps half the width.
    fn max_prefix(&self) -> usize {
        self.width / 2
    }

    /// How many quote bars are drawn.
    fn quote_bars(&self) -> usize {
        self.quote.min(self.max_prefix() / 2)
    }

    /// The list indentation drawn, over all levels or all but the innermost.
    fn list_indent(&self, all: bool) -> usize {
        let budget = self.max_prefix().saturating_sub(self.quote_bars() * 2);
        let levels = if all {
            &self.lists[..]
        } else {
            &self.lists[..self.lists.len().saturating_sub(1)]
        };
        let mut sum = 0;
        for level in levels {
            sum += level.indent;
            if sum >= budget {
                return budget;
            }
        }
        sum
    }

    fn quote_prefix(&self) -> Vec<Span<'static>> {
        (0..self.quote_bars())
            .map(|_| Span::styled("│ ", self.theme.style(Role::Quote)))
            .collect()
    }

    fn rest_prefix(&self) -> Vec<Span<'static>> {
        let mut spans = self.quote_prefix();
        let indent = self.list_indent(true);
        if indent > 0 {
            spans.push(Span::raw(" ".repeat(indent)));
        }
        spans
    }

    fn prefix_width(&self) -> usize {
        self.quote_bars() * 2 + self.list_indent(true)
    }

    /// Wraps the pending inline text as one paragraph.
    fn flush(&mut self) {
        if self.runs.iter().all(|(t, _)| t.trim().is_empty()) {
            self.runs.clear();
            return;
        }
        self.gap();
        let runs = std::mem::take(&mut self.runs);
        self.emit(&runs);
        self.need_gap = true;
    }

    fn emit(&mut self, runs: &[Run]) {
        let rest = self.rest_prefix();
        let mut first = self.quote_prefix();
        if let Some(marker) = self.marker.take() {
            let outer = self.list_indent(false);
            if outer > 0 {
                first.push(Span::raw(" ".repeat(outer)));
            }
            first.push(Span::styled(marker, self.theme.style(Role::Bullet)));
        } else {
            first = rest.clone();
        }
        let runs: Vec<Run> = runs
            .iter()
            .enumerate()
            .map(|(i, (t, s))| {
                let t = if i == 0 {
                    t.trim_start_matches([' ', '\n'])
                } else {
                    t
                };
                (t.to_string(), *s)
            })
            .collect();
        self.lines
            .extend(wrap::wrap(&runs, self.width, &first, &rest));
    }
}

fn convert_align(a: pulldown_cmark::Alignment) -> Align {
    match a {
        pulldown_cmark::Alignment::Left => Align::Left,
        pulldown_cmark::Alignment::Center => Align::Center,
        pulldown_cmark::Alignment::Right => Align::Right,
        pulldown_cmark::Alignment::None => Align::None,
    }
}

fn replace_breaks(html: &str) -> String {
    let mut out = html.to_string();
    for br in ["<br>", "<br/>", "<br />", "<BR>", "<BR/>", "<BR />"] {
        out = out.replace(br, "\n");
    }
    out
}

#[cfg(test)]
mod tests;
