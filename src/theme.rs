//! Themes as data: semantic roles mapped to styles, read from TOML.
//!
//! Widgets never name a colour; they ask for a role (`theme.style(Role::Takeaway)`).
//! The bundled themes live in `themes/` and are embedded; a person's own themes are read
//! from `themes/` in the config folder. Every role missing from a theme falls back to the
//! default theme, field by field. With `NO_COLOR` set, colours are dropped and emphasis
//! is carried by modifiers alone.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::config::{ConfigError, locate};

macro_rules! roles {
    ($($variant:ident => $name:literal,)*) => {
        /// A semantic style a widget can ask for.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Role { $($variant,)* }

        impl Role {
            pub const ALL: &'static [Role] = &[$(Role::$variant,)*];

            /// The key of this role in a theme file.
            pub fn name(self) -> &'static str {
                match self { $(Role::$variant => $name,)* }
            }
        }
    };
}

roles! {
    Text => "text", Dim => "dim", Title => "title", TitleFocused => "title_focused",
    Border => "border", BorderFocused => "border_focused", Question => "question",
    Topic => "topic", Count => "count", Selection => "selection",
    SelectionUnfocused => "selection_unfocused", Heading => "heading", Strong => "strong",
    Emphasis => "emphasis", Code => "code", CodeBlock => "code_block", Link => "link",
    Url => "url", Quote => "quote", Bullet => "bullet", Section => "section",
    Takeaway => "takeaway", TakeawayBorder => "takeaway_border", TableHeader => "table_header",
    TableBorder => "table_border", Match => "match", Status => "status",
    StatusKey => "status_key", Info => "info", Warning => "warning", Error => "error",
    New => "new", Learning => "learning", Mastered => "mastered", Due => "due",
    Again => "again", Hard => "hard", Good => "good", Easy => "easy", Gauge => "gauge",
    GaugeWarning => "gauge_warning", Heat0 => "heat_0", Heat1 => "heat_1", Heat2 => "heat_2",
    Heat3 => "heat_3", Heat4 => "heat_4",
}

/// The bundled themes: (name, TOML source).
pub const BUNDLED: &[(&str, &str)] = &[
    ("default", include_str!("../themes/default.toml")),
    ("light", include_str!("../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../themes/high-contrast.toml"),
    ),
    ("colorblind", include_str!("../themes/colorblind.toml")),
];

/// A complete set of styles, one per role.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    styles: Vec<Style>,
}

/// How a style is written in a theme file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    bold: Option<bool>,
    italic: Option<bool>,
    underline: Option<bool>,
    reversed: Option<bool>,
    dim: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    name: Option<String>,
    #[serde(default)]
    styles: BTreeMap<String, toml::Spanned<StyleSpec>>,
}

impl Default for Theme {
    fn default() -> Self {
        let (_, source) = BUNDLED[0];
        let mut theme = Theme {
            name: "default".to_string(),
            styles: vec![Style::default(); Role::ALL.len()],
        };
        theme
            .apply(source, Path::new("themes/default.toml"))
            .expect("the bundled default theme is valid");
        theme
    }
}

impl Theme {
    pub fn style(&self, role: Role) -> Style {
        self.styles[role as usize]
    }

    /// The title style of a pane, brighter when it has focus.
    pub fn title(&self, focused: bool) -> Style {
        self.style(if focused {
            Role::TitleFocused
        } else {
            Role::Title
        })
    }

    /// The border style of a pane, brighter when it has focus.
    pub fn border(&self, focused: bool) -> Style {
        self.style(if focused {
            Role::BorderFocused
        } else {
            Role::Border
        })
    }

    /// The style of a selected row, in a focused pane or not.
    pub fn selection(&self, focused: bool) -> Style {
        self.style(if focused {
            Role::Selection
        } else {
            Role::SelectionUnfocused
        })
    }

    /// Loads a theme by name: a file in `user_dir` first, then the bundled themes.
    pub fn load(name: &str, user_dir: Option<&Path>) -> Result<Theme, ConfigError> {
        let mut theme = Theme::default();
        if let Some(dir) = user_dir {
            let path = dir.join(format!("{name}.toml"));
            if path.is_file() {
                let source = std::fs::read_to_string(&path).map_err(|err| ConfigError {
                    file: path.clone(),
                    line: 0,
                    column: 0,
                    message: format!("cannot read the theme: {err}"),
                })?;
                theme.apply(&source, &path)?;
                theme.name = name.to_string();
                return Ok(theme);
            }
        }
        match BUNDLED.iter().find(|(n, _)| *n == name) {
            Some((_, source)) => {
                theme.apply(source, &PathBuf::from(format!("themes/{name}.toml")))?;
                theme.name = name.to_string();
                Ok(theme)
            }
            None => Err(ConfigError {
                file: PathBuf::from("--theme"),
                line: 0,
                column: 0,
                message: format!(
                    "unknown theme `{name}`: bundled themes are {}; your own go in {}",
                    BUNDLED
                        .iter()
                        .map(|(n, _)| *n)
                        .collect::<Vec<_>>()
                        .join(", "),
                    user_dir.map_or("the config folder's themes/".to_string(), |d| d
                        .display()
                        .to_string())
                ),
            }),
        }
    }

    /// Overlays the styles of a theme file on this theme, field by field.
    fn apply(&mut self, source: &str, path: &Path) -> Result<(), ConfigError> {
        let file: ThemeFile =
            toml::from_str(source).map_err(|err| ConfigError::from_toml(path, source, &err))?;
        if let Some(name) = file.name {
            self.name = name;
        }
        for (key, spec) in file.styles {
            let Some(role) = Role::ALL.iter().find(|r| r.name() == key) else {
                let (line, column) = locate(source, spec.span().start);
                return Err(ConfigError {
                    file: path.to_path_buf(),
                    line,
                    column,
                    message: format!("unknown style `{key}` in the theme"),
                });
            };
            let span = spec.span();
            let spec = spec.into_inner();
            let base = &mut self.styles[*role as usize];
            let color = |value: &Option<String>| -> Result<Option<Color>, ConfigError> {
                value
                    .as_deref()
                    .map(|v| {
                        v.parse::<Color>().map_err(|_| {
                            let (line, column) = locate(source, span.start);
                            ConfigError {
                                file: path.to_path_buf(),
                                line,
                                column,
                                message: format!(
                                    "`{key}`: `{v}` is not a colour (use a name or #rrggbb)"
                                ),
                            }
                        })
                    })
                    .transpose()
            };
            if let Some(fg) = color(&spec.fg)? {
                base.fg = Some(fg);
            }
            if let Some(bg) = color(&spec.bg)? {
                base.bg = Some(bg);
            }
            for (flag, modifier) in [
                (spec.bold, Modifier::BOLD),
                (spec.italic, Modifier::ITALIC),
                (spec.underline, Modifier::UNDERLINED),
                (spec.reversed, Modifier::REVERSED),
                (spec.dim, Modifier::DIM),
            ] {
                match flag {
                    Some(true) => *base = base.add_modifier(modifier),
                    Some(false) => *base = base.remove_modifier(modifier),
                    None => {}
                }
            }
        }
        Ok(())
    }

    /// Whether any style has a colour (false under `NO_COLOR`, where pictures must tell
    /// their levels apart by shape).
    pub fn has_colors(&self) -> bool {
        self.styles.iter().any(|s| s.fg.is_some() || s.bg.is_some())
    }

    /// The same theme without any colour, for `NO_COLOR`: selections and the takeaway
    /// are reversed or bold so they still stand out.
    pub fn without_colors(mut self) -> Theme {
        for (i, style) in self.styles.iter_mut().enumerate() {
            let mut plain = Style {
                add_modifier: style.add_modifier,
                sub_modifier: style.sub_modifier,
                ..Style::default()
            };
            let role = Role::ALL[i];
            if matches!(
                role,
                Role::Selection | Role::Status | Role::Gauge | Role::GaugeWarning
            ) {
                plain = plain.add_modifier(Modifier::REVERSED);
            }
            if matches!(
                role,
                Role::SelectionUnfocused | Role::Dim | Role::Url | Role::Count
            ) {
                plain = plain.add_modifier(Modifier::DIM);
            }
            *style = plain;
        }
        self.name.push_str(" (no colour)");
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_theme_loads() {
        for (name, _) in BUNDLED {
            let theme = Theme::load(name, None).unwrap();
            assert_eq!(theme.name, *name);
        }
    }

    #[test]
    fn partial_themes_fall_back_field_by_field() {
        let mut theme = Theme::default();
        let default_text = theme.style(Role::Text);
        theme
            .apply(
                "[styles]\ntakeaway = { fg = \"red\" }\n",
                Path::new("t.toml"),
            )
            .unwrap();
        assert_eq!(theme.style(Role::Takeaway).fg, Some(Color::Red));
        assert!(
            theme
                .style(Role::Takeaway)
                .add_modifier
                .contains(Modifier::BOLD)
        );
        assert_eq!(theme.style(Role::Text), default_text);
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let mut theme = Theme::default();
        let err = theme
            .apply(
                "[styles]\n\ntext = { fg = \"nocolour\" }\n",
                Path::new("mine.toml"),
            )
            .unwrap_err();
        assert_eq!((err.line, err.file.to_str().unwrap()), (3, "mine.toml"));
        let err = theme
            .apply("[styles]\nbogus = {}\n", Path::new("mine.toml"))
            .unwrap_err();
        assert!(err.message.contains("unknown style `bogus`"));
        assert_eq!(err.line, 2);
        assert!(
            Theme::load("nope", None)
                .unwrap_err()
                .message
                .contains("unknown theme `nope`")
        );
    }

    #[test]
    fn no_color_keeps_only_modifiers() {
        let theme = Theme::default().without_colors();
        for role in Role::ALL {
            assert_eq!(theme.style(*role).fg, None);
            assert_eq!(theme.style(*role).bg, None);
        }
        assert!(
            theme
                .style(Role::Selection)
                .add_modifier
                .contains(Modifier::REVERSED)
        );
    }
}
