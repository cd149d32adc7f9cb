//! Anki's cloze notes: `{{c1::answer::hint}}` deletions in the text. The question hides
//! each deletion, the answer shows it.

/// Whether the text holds at least one `{{cN::…}}`.
pub fn has_deletions(text: &str) -> bool {
    deletions(text).next().is_some()
}

/// The question: each deletion as `[…]`, or `[hint]` when it has one.
pub fn hidden(text: &str) -> String {
    replace(text, |_, hint| format!("[{}]", hint.unwrap_or("…")))
}

/// The answer: the text with each deletion shown in bold.
pub fn shown(text: &str) -> String {
    replace(text, |answer, _| format!("**{answer}**"))
}

/// (start, end, answer, hint) of each deletion, in order.
fn deletions(text: &str) -> impl Iterator<Item = (usize, usize, &str, Option<&str>)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let start = from
                + memchr::memchr_iter(b'{', text.get(from..)?.as_bytes())
                    .find(|&at| text[from + at..].starts_with("{{c"))?;
            let body = &text[start + 3..];
            let digits = body.chars().take_while(char::is_ascii_digit).count();
            from = start + 3;
            let Some(inner) = body[digits..].strip_prefix("::").filter(|_| digits > 0) else {
                continue;
            };
            let close = inner.find("}}")?;
            let (answer, hint) = match inner[..close].split_once("::") {
                Some((a, h)) => (a, Some(h)),
                None => (&inner[..close], None),
            };
            let end = start + 3 + digits + 2 + close + 2;
            from = end;
            return Some((start, end, answer, hint));
        }
    })
}

fn replace(text: &str, with: impl Fn(&str, Option<&str>) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, answer, hint) in deletions(text) {
        out.push_str(&text[at..start]);
        out.push_str(&with(answer, hint));
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletions_hide_and_show() {
        let text = "{{c1::etcd}} stores {{c2::state::what}}; {{c}} and {{cx::y}} are text";
        assert!(has_deletions(text));
        assert_eq!(
            hidden(text),
            "[…] stores [what]; {{c}} and {{cx::y}} are text"
        );
        assert_eq!(
            shown(text),
            "**etcd** stores **state**; {{c}} and {{cx::y}} are text"
        );
        assert!(!has_deletions("{{c1::never closed"));
    }
}
