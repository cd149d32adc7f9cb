//! Turns the inline HTML that web question banks use into the markdown it means:
//! `<br>` → line break, `<b>` → `**`, `<code>` → backticks, `<img>` → an image link,
//! `<a>` and `<p>`/`<div>` wrappers dropped (their text kept), and `<table>` blocks → pipe tables. Tags the converter
//! does not know (such as `<pid>` in prose) are left alone; inline code is never touched.

/// Converts the known inline tags of one line. `<br>` becomes a newline.
pub fn inline_to_markdown(line: &str) -> String {
    if !line.contains('<') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut in_code = false;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            in_code = !in_code;
            out.push(c);
            rest = &rest[1..];
            continue;
        }
        if c == '<'
            && !in_code
            && let Some(close) = rest.find('>')
            && let Some(replacement) = tag_markdown(&rest[1..close])
        {
            out.push_str(&replacement);
            rest = &rest[close + 1..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// What a known tag stands for in markdown; `None` for anything else.
fn tag_markdown(inner: &str) -> Option<String> {
    let inner = inner.trim().trim_end_matches('/').trim();
    let body = inner.trim_start_matches('/');
    let name_end = body.find(char::is_whitespace).unwrap_or(body.len());
    let name = body[..name_end].to_ascii_lowercase();
    let attrs = &body[name_end..];
    let text = match name.as_str() {
        "br" | "hr" => "\n",
        "b" | "strong" => "**",
        "i" | "em" => "*",
        "code" | "kbd" | "tt" => "`",
        "p" | "div" | "span" | "u" | "center" | "summary" | "details" | "sup" | "sub" | "font"
        | "small" | "big" => "",
        // `<a href="x">text</a>` keeps its text; anchors (`<a name>`) vanish.
        "a" => "",
        "img" => {
            let alt = attr(attrs, "alt").unwrap_or_default();
            return attr(attrs, "src").map(|src| format!("![{alt}]({src})"));
        }
        _ => return None,
    };
    Some(text.to_string())
}

/// The value of `name="…"` (or single-quoted) in a tag's attributes.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))?;
    let value = &attrs[at + name.len() + 1..];
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &value[1..];
    let end = value.find(quote)?;
    Some(value[..end].to_string())
}

/// A `<table>` block (the lines from `<table` to `</table>`) as pipe-table lines.
pub fn table_to_markdown(block: &str) -> Vec<String> {
    let lower = block.to_ascii_lowercase();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut at = 0;
    while let Some(open) = lower[at..].find("<tr") {
        let start = at + open;
        let end = lower[start..]
            .find("</tr>")
            .map_or(lower.len(), |e| start + e);
        let row = &block[start..end];
        let row_lower = &lower[start..end];
        let mut cells = Vec::new();
        let mut pos = 0;
        while let Some(cell) = find_cell(&row_lower[pos..]) {
            let content_start = pos + cell;
            let Some(gt) = row[content_start..].find('>') else {
                break;
            };
            let body_start = content_start + gt + 1;
            let body_end = row_lower[body_start..]
                .find("</t")
                .map_or(row.len(), |e| body_start + e);
            let text = inline_to_markdown(&row[body_start..body_end]);
            cells.push(
                super::super::text::humanize::strip_html_tags(&text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .replace('|', "\\|"),
            );
            pos = body_end;
        }
        if !cells.is_empty() {
            rows.push(cells);
        }
        at = end;
    }
    pipe_table(&rows)
}

/// Rows of cells as pipe-table lines, the first row the header, short rows padded.
pub fn pipe_table(rows: &[Vec<String>]) -> Vec<String> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let mut cells = row.clone();
        cells.resize(width, String::new());
        lines.push(format!("| {} |", cells.join(" | ")));
        if i == 0 {
            lines.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    lines
}

fn find_cell(text: &str) -> Option<usize> {
    let th = text.find("<th");
    let td = text.find("<td");
    match (th, td) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Converts a block of answer lines (text, fenced?) from HTML to markdown, line by line:
/// fenced lines are kept verbatim, `<table>` blocks become pipe tables.
pub fn block_to_markdown(lines: &[(String, bool)]) -> Vec<(String, bool)> {
    let mut out = Vec::with_capacity(lines.len());
    let mut table: Option<String> = None;
    for (text, fenced) in lines {
        if *fenced {
            out.push((text.clone(), true));
            continue;
        }
        let trimmed = text.trim_start().as_bytes();
        if table.is_none()
            && trimmed
                .get(..6)
                .is_some_and(|head| head.eq_ignore_ascii_case(b"<table"))
        {
            table = Some(String::new());
        }
        if let Some(t) = &mut table {
            t.push_str(text);
            t.push('\n');
            if crate::text::find_ignore_ascii_case(text, "</table>").is_some() {
                let block = std::mem::take(t);
                table = None;
                out.extend(table_to_markdown(&block).into_iter().map(|l| (l, false)));
            }
            continue;
        }
        for piece in inline_to_markdown(text).split('\n') {
            out.push((piece.trim_end().to_string(), false));
        }
    }
    if let Some(t) = table {
        out.extend(table_to_markdown(&t).into_iter().map(|l| (l, false)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_tags() {
        assert_eq!(
            inline_to_markdown("<b>Use</b> <code>ls -l</code><br>next"),
            "**Use** `ls -l`\nnext"
        );
        assert_eq!(
            inline_to_markdown("run `echo <pid>` and <pid> stays"),
            "run `echo <pid>` and <pid> stays"
        );
        assert_eq!(inline_to_markdown("<a href=\"https://x\">docs</a>"), "docs");
    }

    #[test]
    fn tables() {
        let t = table_to_markdown(
            "<table>\n<tr><th>A</th><th>B</th></tr>\n<tr>\n<td>1</td>\n<td>x|y</td></tr></table>",
        );
        assert_eq!(t, ["| A | B |", "| --- | --- |", "| 1 | x\\|y |"]);
    }
}
