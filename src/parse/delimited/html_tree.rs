//! Reads the HTML of an Anki field into a small tree: elements with their attributes,
//! and text with character references decoded. Forgiving as browsers are: a closing tag
//! closes the nearest open element of its name (an unmatched one is ignored), void
//! elements (`<br>`, `<img>`) hold nothing, comments, `<script>` and `<style>` vanish,
//! and nesting deeper than `MAX_DEPTH` is flattened so no input can exhaust the stack.

use std::borrow::Cow;

use super::html_tokens::{Token, static_name, tokens};

/// Deeper elements are read as if their tags were not there.
const MAX_DEPTH: usize = 64;

/// A piece of a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element {
        /// Lowercase tag name.
        name: Cow<'static, str>,
        /// The raw attribute text, for `href`, `src` and `alt`.
        attrs: String,
        children: Vec<Node>,
    },
    Text(String),
}

/// An element still open: its name, attributes and the nodes read so far.
type Open = (Cow<'static, str>, String, Vec<Node>);

/// The nodes of `html`, in order.
pub fn parse(html: &str) -> Vec<Node> {
    // Open elements, outermost first; the root collects what is closed.
    let mut stack: Vec<Open> = vec![(Cow::Borrowed(""), String::new(), Vec::new())];
    let mut flattened = 0usize;
    for token in tokens(html) {
        match token {
            Token::Text(text) => push_text(&mut stack, text),
            Token::Lt => push_text(&mut stack, "<"),
            Token::Nothing => {}
            Token::Close(name) => close_element(&mut stack, &name, &mut flattened),
            Token::Open { name, attrs, empty } => {
                let name = static_name(name);
                let attrs = attrs.to_string();
                if empty {
                    stack_top(&mut stack).push(Node::Element {
                        name,
                        attrs,
                        children: Vec::new(),
                    });
                } else if stack.len() > MAX_DEPTH {
                    flattened += 1;
                } else {
                    stack.push((name, attrs, Vec::new()));
                }
            }
        }
    }
    while stack.len() > 1 {
        fold_top(&mut stack);
    }
    stack.pop().map(|(_, _, nodes)| nodes).unwrap_or_default()
}

/// Decodes character references: the named ones Anki and editors write, and every
/// numeric one (`&#35;`, `&#x9;`). Anything else is left as it is.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        match end.and_then(|end| entity(&after[..end]).map(|c| (end, c))) {
            Some((end, c)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference (without `&` and `;`) stands for.
fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        // NUL and the surrogates are not characters; U+FFFD stands in, as browsers do.
        return Some(
            char::from_u32(code)
                .filter(|&c| c != '\0')
                .unwrap_or('\u{FFFD}'),
        );
    }
    Some(match name {
        // A no-break space reads as a space in the card's markdown.
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" => '•',
        "middot" => '·',
        "rarr" => '→',
        "larr" => '←',
        "harr" => '↔',
        "rArr" => '⇒',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "deg" => '°',
        "micro" => 'µ',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "sect" => '§',
        "euro" => '€',
        "pound" => '£',
        _ => return None,
    })
}

fn stack_top(stack: &mut [Open]) -> &mut Vec<Node> {
    // The root is never popped, so the stack is never empty.
    &mut stack[stack.len() - 1].2
}

fn push_text(stack: &mut [Open], text: &str) {
    if text.is_empty() {
        return;
    }
    let decoded = decode_entities(text);
    let top = stack_top(stack);
    if let Some(Node::Text(last)) = top.last_mut() {
        last.push_str(&decoded);
    } else {
        top.push(Node::Text(decoded.into_owned()));
    }
}

/// Closes the nearest open `name`, and every element opened inside it. While elements
/// are flattened away, closing tags close them first.
fn close_element(stack: &mut Vec<Open>, name: &str, flattened: &mut usize) {
    if *flattened > 0 {
        *flattened -= 1;
        return;
    }
    // Index 0 is the root, which no tag closes.
    if let Some(at) = stack
        .iter()
        .rposition(|(open, _, _)| open == name)
        .filter(|&at| at > 0)
    {
        while stack.len() > at {
            fold_top(stack);
        }
    }
}

fn fold_top(stack: &mut Vec<Open>) {
    if stack.len() < 2 {
        return;
    }
    if let Some((name, attrs, children)) = stack.pop() {
        stack_top(stack).push(Node::Element {
            name,
            attrs,
            children,
        });
    }
}

/// The value of attribute `name` (quoted with `"` or `'`, or bare) in `attrs`.
pub fn attr(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = at == 0 || lower[..at].ends_with(|c: char| c.is_whitespace());
        let value = attrs[from..].trim_start();
        let Some(value) = value.strip_prefix('=').filter(|_| before_ok) else {
            continue;
        };
        let value = value.trim_start();
        let text = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or_default(),
            _ => value.split(char::is_whitespace).next().unwrap_or_default(),
        };
        return Some(decode_entities(text).into_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Node {
        Node::Text(s.to_string())
    }

    fn el(name: &str, children: Vec<Node>) -> Node {
        Node::Element {
            name: name.to_string().into(),
            attrs: String::new(),
            children,
        }
    }

    #[test]
    fn a_forgiving_tree() {
        assert_eq!(
            parse("a<b>b<i>c</b>d<br/>&lt;e&gt;<!-- x -->"),
            [
                text("a"),
                el("b", vec![text("b"), el("i", vec![text("c")])]),
                text("d"),
                el("br", vec![]),
                text("<e>"),
            ]
        );
        assert_eq!(parse("1 < 2 </div> ok"), [text("1 < 2  ok")]);
        assert_eq!(parse("<script>alert(1)</script>x"), [text("x")]);
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let html = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000);
        let nodes = parse(&html);
        let mut depth = 0;
        let mut at = &nodes;
        while let Some(Node::Element { children, .. }) = at.first() {
            depth += 1;
            at = children;
        }
        assert!(depth <= MAX_DEPTH, "{depth}");
        assert_eq!(at.first(), Some(&text("deep")));
    }

    #[test]
    fn references() {
        assert_eq!(
            decode_entities("&#35;1&nbsp;x&#9;y &amp;amp; &#x41; &bogus; & &lt;"),
            "#1 x\ty &amp; A &bogus; & <"
        );
        assert_eq!(decode_entities("&#0;&#xD800;"), "\u{FFFD}\u{FFFD}");
        assert_eq!(
            attr(
                r#"class="x" href='https://a.b/?q=1&amp;r=2' alt=bare"#,
                "href"
            ),
            Some("https://a.b/?q=1&r=2".to_string())
        );
        assert_eq!(
            attr("data-src=\"x\" src=\"y\"", "src"),
            Some("y".to_string())
        );
        assert_eq!(attr("alt=bare", "alt"), Some("bare".to_string()));
    }
}
