//! Splits an Anki field's HTML into tokens: runs of text (references not yet decoded),
//! opening tags with their name and attribute text, closing tags, and what reads as
//! nothing (comments, `<script>` and `<style>` with their content, tags without a name).
//! Both the tree (`html_tree`) and the straight writer (`html_stream`) read these, so
//! they see the same tags in the same places.

use std::borrow::Cow;

/// One piece of a field's HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// Text up to the next tag, never empty, its character references still encoded.
    Text(&'a str),
    /// `<name …>`. `empty` when it holds nothing: a void element (`<br>`) or one closed
    /// where it opens (`<b/>`).
    Open {
        name: Cow<'a, str>,
        attrs: &'a str,
        empty: bool,
    },
    /// `</name>`.
    Close(Cow<'a, str>),
    /// A `<` that opens no tag: the text `<`.
    Lt,
    /// A comment, a script or style element, or a tag with no name: nothing at all.
    Nothing,
}

/// The tags Anki's editor and prepdeck's export write, kept without allocating.
const KNOWN_TAGS: [&str; 36] = [
    "div",
    "br",
    "b",
    "i",
    "u",
    "li",
    "ul",
    "ol",
    "p",
    "span",
    "code",
    "pre",
    "strong",
    "em",
    "a",
    "img",
    "font",
    "sub",
    "sup",
    "s",
    "del",
    "strike",
    "kbd",
    "tt",
    "samp",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "hr",
    "h1",
    "h2",
    "h3",
    "blockquote",
];

/// A tag's name (already lowercase) that outlives the field: a known tag borrowed,
/// another one copied.
pub fn static_name(name: Cow<'_, str>) -> Cow<'static, str> {
    match KNOWN_TAGS.iter().find(|known| **known == name) {
        Some(known) => Cow::Borrowed(*known),
        None => Cow::Owned(name.into_owned()),
    }
}

/// A tag's name in lowercase, borrowed when it is written so (nearly always).
fn lowercase(raw: &str) -> Cow<'_, str> {
    if raw.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(raw.to_ascii_lowercase())
    } else {
        Cow::Borrowed(raw)
    }
}

/// Elements that never hold anything.
pub fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "img" | "hr" | "wbr" | "input" | "meta" | "link" | "col" | "source" | "area"
    )
}

/// The tokens of `html`, in order.
pub fn tokens(html: &str) -> Tokens<'_> {
    Tokens {
        rest: html,
        bare: true,
    }
}

/// The tokens still to come.
pub struct Tokens<'a> {
    rest: &'a str,
    /// Bare tags are read on their short path (always, but in the test of that path).
    bare: bool,
}

impl<'a> Tokens<'a> {
    /// A tag with nothing but its name, written in lowercase (`<p>`, `</li>`), the way
    /// nearly every tag in a field is: read without searching or trimming. Any other
    /// tag is `None`, for the general path.
    fn bare_tag(&mut self) -> Option<Token<'a>> {
        let rest = self.rest;
        let bytes = rest.as_bytes();
        let closing = bytes.get(1) == Some(&b'/');
        let start = 1 + usize::from(closing);
        let mut end = start;
        while bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            end += 1;
        }
        let first = *bytes.get(start)?;
        if end == start || bytes.get(end) != Some(&b'>') || !(closing || first.is_ascii_lowercase())
        {
            return None;
        }
        let name = &rest[start..end];
        if closing {
            self.rest = &rest[end + 1..];
            return Some(Token::Close(Cow::Borrowed(name)));
        }
        if matches!(name, "script" | "style") {
            return None;
        }
        self.rest = &rest[end + 1..];
        Some(Token::Open {
            name: Cow::Borrowed(name),
            attrs: "",
            empty: is_void(name),
        })
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = self.rest;
        if rest.is_empty() {
            return None;
        }
        if !rest.starts_with('<') {
            let end = memchr::memchr(b'<', rest.as_bytes()).unwrap_or(rest.len());
            self.rest = &rest[end..];
            return Some(Token::Text(&rest[..end]));
        }
        if self.bare
            && let Some(token) = self.bare_tag()
        {
            return Some(token);
        }
        let tag = &rest[1..];
        if let Some(comment) = tag.strip_prefix("!--") {
            self.rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            return Some(Token::Nothing);
        }
        let starts_tag = tag
            .as_bytes()
            .first()
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/' || b == b'!');
        let Some(close) = memchr::memchr(b'>', tag.as_bytes()).filter(|_| starts_tag) else {
            self.rest = tag;
            return Some(Token::Lt);
        };
        let inner = &tag[..close];
        let after = &tag[close + 1..];
        self.rest = after;
        let (closing, body) = match inner.strip_prefix('/') {
            Some(body) => (true, body.trim_start()),
            None => (false, inner),
        };
        // Bytes past the name may be any character; the name itself is ASCII.
        let name_end = body
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(body.len());
        let name = lowercase(&body[..name_end]);
        if name.is_empty() {
            return Some(Token::Nothing);
        }
        if closing {
            return Some(Token::Close(name));
        }
        if matches!(name.as_ref(), "script" | "style") {
            let end_tag = format!("</{name}");
            self.rest = crate::text::find_ignore_ascii_case(after, &end_tag).map_or("", |at| {
                after[at..].find('>').map_or("", |gt| &after[at + gt + 1..])
            });
            return Some(Token::Nothing);
        }
        let after_name = &body[name_end..];
        if after_name.is_empty() {
            // `<p>`: nothing after the name, so nothing to trim.
            let empty = is_void(&name);
            return Some(Token::Open {
                name,
                attrs: "",
                empty,
            });
        }
        let attrs = after_name.trim_end_matches('/').trim();
        let empty = is_void(&name) || inner.trim_end().ends_with('/');
        Some(Token::Open { name, attrs, empty })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn bare_tags_read_as_the_general_path_reads_them(
            html in "([a-z ]{0,3}|<[/!]?[a-zA-Z0-9]{0,4}[ /]?[a-z=\"]{0,3}>|<|>|&lt;|<!--|-->|<script>|</style>|<style>){0,12}",
        ) {
            let general = Tokens { rest: &html, bare: false };
            prop_assert_eq!(tokens(&html).collect::<Vec<_>>(), general.collect::<Vec<_>>());
        }
    }

    fn open(name: &'static str, attrs: &'static str, empty: bool) -> Token<'static> {
        Token::Open {
            name: Cow::Borrowed(name),
            attrs,
            empty,
        }
    }

    #[test]
    fn tags_text_and_nothing() {
        let got: Vec<Token> =
            tokens("a<B class=x>b</ b><br/><!-- c -->1 < 2<script>x</script><!x><P/>").collect();
        assert_eq!(
            got,
            [
                Token::Text("a"),
                open("b", "class=x", false),
                Token::Text("b"),
                Token::Close(Cow::Borrowed("b")),
                open("br", "", true),
                Token::Nothing,
                Token::Text("1 "),
                Token::Lt,
                Token::Text(" 2"),
                Token::Nothing,
                Token::Nothing,
                open("p", "", true),
            ]
        );
    }
}
