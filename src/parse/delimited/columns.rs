//! Which column of a table holds what: from Anki's header lines (`#guid column:1`, …)
//! or from a spreadsheet's header row (`question,answer,tags`).

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Question,
    Answer,
    Tags,
    Deck,
    Guid,
    Notetype,
    Detail,
}

const ROLES: usize = 7;

impl Role {
    fn slot(self) -> usize {
        self as usize
    }

    /// The role of a header-row name, in any case, `_` or `-` for spaces.
    fn of_name(name: &str) -> Option<Role> {
        let name = name
            .trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '\u{FEFF}')
            .to_lowercase()
            .replace(['_', '-'], " ");
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        Some(match name.as_str() {
            "question" | "questions" | "front" | "q" | "prompt" | "term" | "text" => Role::Question,
            "answer" | "answers" | "back" | "a" | "definition" | "response" | "solution" => {
                Role::Answer
            }
            "tags" | "tag" | "labels" | "keywords" => Role::Tags,
            "topic" | "topics" | "deck" | "category" | "section" | "subject" | "topic path"
            | "chapter" => Role::Deck,
            "guid" | "id" | "card id" => Role::Guid,
            "notetype" | "note type" | "model" => Role::Notetype,
            "detail" | "details" | "explanation" | "extra" | "back extra" | "notes" => Role::Detail,
            _ => return None,
        })
    }
}

/// Where each role is, and how fields are written.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    slots: [Option<usize>; ROLES],
    /// Anki: the note fields after the first two (0-based positions among all columns
    /// are worked out per row, since rows need not be equally long).
    anki_fields: bool,
    /// Every field is HTML (Anki's `#html:true`).
    pub html: bool,
    /// A cell is HTML when it looks like it (spreadsheets); otherwise markdown.
    pub html_if_tagged: bool,
    pub fixed_deck: Option<String>,
    pub fixed_notetype: Option<String>,
    pub fixed_tags: Vec<String>,
    /// Header-row names prepdeck does not read, for a warning.
    pub ignored: Vec<String>,
}

impl Columns {
    /// The 0-based column of `role`.
    pub fn index(&self, role: Role) -> Option<usize> {
        self.slots[role.slot()]
    }

    /// Anki note fields beyond the question and the answer, in a row `width` long: they
    /// go to the card's detail.
    pub fn extra_indices(&self, width: usize) -> Vec<usize> {
        if !self.anki_fields {
            return Vec::new();
        }
        let used: Vec<usize> = self.slots.iter().flatten().copied().collect();
        (0..width).filter(|i| !used.contains(i)).collect()
    }

    /// Whether the note is a cloze, from its note type column or the fixed one.
    pub fn cloze(&self, notetype: Option<&str>) -> bool {
        notetype
            .or(self.fixed_notetype.as_deref())
            .is_some_and(|n| n.to_lowercase().contains("cloze"))
    }

    /// The columns a header row names; `None` unless it names a question and an answer.
    pub fn from_header<S: AsRef<str>>(cells: &[S]) -> Option<Columns> {
        if cells.len() < 2 || cells.iter().any(|c| c.as_ref().chars().count() > 40) {
            return None;
        }
        let mut columns = Columns {
            html_if_tagged: true,
            ..Columns::default()
        };
        for (i, cell) in cells.iter().enumerate() {
            let cell = cell.as_ref();
            match Role::of_name(cell) {
                Some(role) if columns.slots[role.slot()].is_none() => {
                    columns.slots[role.slot()] = Some(i);
                }
                _ if cell.trim().is_empty() => {}
                _ => columns.ignored.push(cell.trim().to_string()),
            }
        }
        (columns.index(Role::Question).is_some() && columns.index(Role::Answer).is_some())
            .then_some(columns)
    }
}

/// The settings Anki's header lines give.
#[derive(Debug, Clone, Default)]
pub struct AnkiSettings {
    pub separator: Option<char>,
    html: Option<bool>,
    /// 0-based.
    guid: Option<usize>,
    notetype: Option<usize>,
    deck: Option<usize>,
    tags: Option<usize>,
    fixed_deck: Option<String>,
    fixed_notetype: Option<String>,
    fixed_tags: Vec<String>,
    /// `#columns:` as written, split once the separator is known.
    names: Option<String>,
}

/// The header lines Anki writes and reads.
const ANKI_KEYS: [&str; 11] = [
    "separator",
    "html",
    "tags",
    "columns",
    "notetype",
    "deck",
    "notetype column",
    "deck column",
    "tags column",
    "guid column",
    "if matches",
];

/// (key, value) of an Anki header line such as `#deck column:3`.
pub fn anki_header(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.strip_prefix('#')?.split_once(':')?;
    let key = key.trim();
    ANKI_KEYS
        .iter()
        .any(|k| k.eq_ignore_ascii_case(key))
        .then_some((key, value.trim_end_matches('\r')))
}

impl AnkiSettings {
    /// Takes one `#…` line at the top of the file. A comment (no `key:`) is fine; a key
    /// Anki does not write, or a value it would not take, is reported.
    pub fn read(&mut self, line: &str) -> Result<(), String> {
        let Some((key, value)) = anki_header(line) else {
            let named = line
                .strip_prefix('#')
                .and_then(|l| l.split_once(':'))
                .is_some_and(|(k, _)| !k.trim().is_empty() && !k.contains(' '));
            return if named {
                Err(format!(
                    "header line `{}` is not one Anki writes: ignored (Anki's are #separator, #html, #tags, #columns, #notetype, #deck, #guid column, #notetype column, #deck column and #tags column)",
                    line.chars().take(60).collect::<String>()
                ))
            } else {
                Ok(())
            };
        };
        let key = key.to_ascii_lowercase();
        let column = || -> Result<Option<usize>, String> {
            match value.trim().parse::<usize>() {
                Ok(n) if n >= 1 => Ok(Some(n - 1)),
                _ => Err(format!(
                    "`#{key}:{value}` needs a column number from 1: ignored"
                )),
            }
        };
        match key.as_str() {
            "separator" => {
                self.separator = Some(separator(value.trim()).ok_or_else(|| {
                    format!("`#separator:{value}` names no separator (tab, comma, semicolon, space, pipe, colon or one character): the separator is guessed")
                })?);
            }
            "html" => {
                self.html = Some(match value.trim().to_ascii_lowercase().as_str() {
                    "true" | "yes" | "1" => true,
                    "false" | "no" | "0" => false,
                    _ => {
                        return Err(format!(
                            "`#html:{value}` should be true or false: read as true"
                        ));
                    }
                });
            }
            "tags" => self.fixed_tags = value.split_whitespace().map(str::to_string).collect(),
            "columns" => self.names = Some(value.to_string()),
            "notetype" => self.fixed_notetype = Some(value.trim().to_string()),
            "deck" => self.fixed_deck = Some(value.trim().to_string()),
            "notetype column" => self.notetype = column()?,
            "deck column" => self.deck = column()?,
            "tags column" => self.tags = column()?,
            "guid column" => self.guid = column()?,
            // Conditions for updating existing notes mean nothing to prepdeck.
            _ => {}
        }
        Ok(())
    }

    /// The columns: the meta columns where the headers put them, the note fields (front,
    /// back, then any others) in the remaining ones in order, or where `#columns:` names
    /// them.
    pub fn into_columns(self, separator: char) -> Columns {
        let mut columns = Columns {
            anki_fields: true,
            html: self.html.unwrap_or(true),
            fixed_deck: self.fixed_deck,
            fixed_notetype: self.fixed_notetype,
            fixed_tags: self.fixed_tags,
            ..Columns::default()
        };
        columns.slots[Role::Guid.slot()] = self.guid;
        columns.slots[Role::Notetype.slot()] = self.notetype;
        columns.slots[Role::Deck.slot()] = self.deck;
        columns.slots[Role::Tags.slot()] = self.tags;
        let named: Vec<Option<Role>> = self
            .names
            .map(|n| n.split(separator).map(Role::of_name).collect())
            .unwrap_or_default();
        let find = |role: Role| named.iter().position(|r| *r == Some(role));
        let taken = |i: usize, c: &Columns| c.slots.iter().flatten().any(|&s| s == i);
        if let (Some(q), Some(a)) = (find(Role::Question), find(Role::Answer))
            && !taken(q, &columns)
            && !taken(a, &columns)
        {
            columns.slots[Role::Question.slot()] = Some(q);
            columns.slots[Role::Answer.slot()] = Some(a);
        } else {
            let mut free = (0..).filter(|&i| !taken(i, &columns));
            let (q, a) = (free.next(), free.next());
            columns.slots[Role::Question.slot()] = q;
            columns.slots[Role::Answer.slot()] = a;
        }
        columns
    }
}

/// The character `#separator:` names.
fn separator(value: &str) -> Option<char> {
    Some(match value.to_ascii_lowercase().as_str() {
        "tab" | "\\t" => '\t',
        "comma" => ',',
        "semicolon" => ';',
        "space" => ' ',
        "pipe" => '|',
        "colon" => ':',
        other => {
            let mut chars = value.chars();
            let c = chars.next()?;
            if chars.next().is_some() || other.is_empty() {
                return None;
            }
            c
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(names: &[&str]) -> Vec<String> {
        names.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn header_rows_name_their_columns() {
        let c = Columns::from_header(&cells(&["Front", "Back", "Tags", "Deck", "Source"])).unwrap();
        assert_eq!(c.index(Role::Question), Some(0));
        assert_eq!(c.index(Role::Answer), Some(1));
        assert_eq!(c.index(Role::Tags), Some(2));
        assert_eq!(c.index(Role::Deck), Some(3));
        assert_eq!(c.ignored, ["Source"]);
        let c = Columns::from_header(&cells(&[
            "\u{FEFF}Topic",
            "question_text",
            "QUESTION",
            "answer",
        ]))
        .unwrap();
        assert_eq!(
            (c.index(Role::Question), c.index(Role::Deck)),
            (Some(2), Some(0))
        );
        assert!(Columns::from_header(&cells(&["question", "notes"])).is_none());
        assert!(Columns::from_header(&cells(&["What is a pod?", "A group"])).is_none());
    }

    #[test]
    fn anki_headers_place_the_fields_around_the_meta_columns() {
        let mut s = AnkiSettings::default();
        for line in [
            "#separator:tab",
            "#html:true",
            "#guid column:1",
            "#notetype column:2",
            "#deck column:3",
            "#tags column:6",
            "# a comment",
        ] {
            s.read(line).unwrap();
        }
        assert!(
            s.read("#foo:bar")
                .unwrap_err()
                .contains("not one Anki writes")
        );
        assert!(s.read("#deck column:x").is_err());
        let c = s.into_columns('\t');
        assert_eq!(c.index(Role::Question), Some(3));
        assert_eq!(c.index(Role::Answer), Some(4));
        assert_eq!(c.extra_indices(8), [6, 7]);
        assert!(c.html);
    }

    #[test]
    fn anki_columns_line_names_front_and_back() {
        let mut s = AnkiSettings::default();
        s.read("#separator:semicolon").unwrap();
        s.read("#columns:Back;Front;Tags").unwrap();
        s.read("#tags column:3").unwrap();
        let c = s.into_columns(';');
        assert_eq!(
            (c.index(Role::Question), c.index(Role::Answer)),
            (Some(1), Some(0))
        );
        assert_eq!(separator("tab"), Some('\t'));
        assert_eq!(separator("|"), Some('|'));
        assert_eq!(separator("two"), None);
    }
}
