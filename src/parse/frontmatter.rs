//! Optional TOML front matter between two `+++` lines at the top of a file.

use super::ParsedFile;

/// Reads the front matter into `parsed` (title, tags, warnings) and returns the rest of
/// the text with the line number it starts on.
pub fn split<'a>(text: &'a str, parsed: &mut ParsedFile) -> (&'a str, usize) {
    let Some(after_open) = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
    else {
        return (text, 1);
    };
    let mut offset = 0;
    let mut close = None;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((toml_end, body_start)) = close else {
        parsed.errors.push((
            1,
            "front matter opened with +++ is never closed: add a +++ line after it".to_string(),
        ));
        return (text, 1);
    };
    let source = &after_open[..toml_end];
    let body_first_line = 2 + source.matches('\n').count() + 1;
    read_toml(source, parsed);
    (&after_open[body_start..], body_first_line)
}

fn read_toml(source: &str, parsed: &mut ParsedFile) {
    let table: toml::Table = match toml::from_str(source) {
        Ok(table) => table,
        Err(err) => {
            let line = err.span().map_or(0, |span| {
                source[..span.start.min(source.len())].matches('\n').count()
            });
            parsed.errors.push((
                line + 2,
                format!("front matter is not valid TOML: {}", err.message()),
            ));
            return;
        }
    };
    for (key, value) in table {
        match (key.as_str(), value) {
            ("title", toml::Value::String(title)) => parsed.title = Some(title),
            ("tags", toml::Value::Array(items)) => {
                for item in items {
                    match item {
                        toml::Value::String(tag) => parsed.tags.push(tag),
                        other => parsed.warn(1, format!("front matter tag {other} is not a string")),
                    }
                }
            }
            ("title" | "tags", other) => parsed.warn(
                1,
                format!("front matter `{key}` has the wrong type ({}): title is a string, tags a list of strings", other.type_str()),
            ),
            (other, _) => parsed.warn(
                1,
                format!("unknown front matter key `{other}`: prepdeck reads `title` and `tags`"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_title_and_tags() {
        let mut p = ParsedFile::default();
        let (body, line) = split("+++\ntitle = \"T\"\ntags = [\"a\"]\n+++\n# H\n", &mut p);
        assert_eq!(body, "# H\n");
        assert_eq!(line, 5);
        assert_eq!(p.title.as_deref(), Some("T"));
        assert_eq!(p.tags, vec!["a"]);
    }

    #[test]
    fn bad_toml_is_an_error_with_a_line() {
        let mut p = ParsedFile::default();
        split("+++\ntitle = \"T\"\ntags = [\n+++\nbody", &mut p);
        assert_eq!(p.errors.len(), 1);
        assert!(p.errors[0].1.contains("not valid TOML"));
    }

    #[test]
    fn unknown_keys_warn() {
        let mut p = ParsedFile::default();
        split("+++\nauthor = \"me\"\n+++\n", &mut p);
        assert!(
            p.warnings[0]
                .1
                .contains("unknown front matter key `author`")
        );
    }
}
