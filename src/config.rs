//! The person's settings: `config.toml` in the platform config folder, or `--config FILE`
//! / `PREPDECK_CONFIG`. Every key is optional; a wrong one stops prepdeck with the file,
//! line and column to fix, and nothing is written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// A problem in a config or theme file, pointing at the place to fix. Line 0 means the
/// problem has no place in a file (a `--theme` name given on the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:", self.file.display())?;
        if self.line > 0 {
            write!(f, "{}:{}:", self.line, self.column)?;
        }
        write!(f, " {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    pub fn from_toml(file: &Path, source: &str, err: &toml::de::Error) -> ConfigError {
        let (line, column) = err.span().map_or((1, 1), |span| locate(source, span.start));
        ConfigError {
            file: file.to_path_buf(),
            line,
            column,
            message: err.message().trim().to_string(),
        }
    }
}

/// 1-based line and column of a byte offset.
pub fn locate(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Everything a person can set.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Extra folders of question files, shown beside (or instead of) the bundled bank.
    pub content_dirs: Vec<PathBuf>,
    /// Whether the bundled question bank is shown.
    pub show_bundled: bool,
    /// Colour theme by name.
    pub theme: String,
    pub review: ReviewConfig,
    pub mock: MockConfig,
    /// Key bindings per screen: `[keys.browse] move_down = ["j", "down"]`.
    pub keys: BTreeMap<String, BTreeMap<String, toml::Spanned<Vec<String>>>>,
    /// The file's text, kept to point at the line of a key binding error.
    #[serde(skip)]
    pub source: String,
}

/// Settings of the daily review.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReviewConfig {
    /// Probability of recall FSRS aims for when it schedules a card.
    pub desired_retention: f32,
    /// New cards introduced per day.
    pub new_per_day: u32,
    /// `topic` (reading order) or `shuffled`.
    pub new_order: String,
    /// Grade with Again / Good only.
    pub two_button: bool,
    /// Include cards that have no answer to check against.
    pub include_unanswered: bool,
    /// The hour (0–23, local time) when one study day ends and the next begins.
    pub day_starts_at: u8,
}

/// Defaults of the mock interview.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MockConfig {
    pub questions: u32,
    /// Time per question, such as `4m` or `90s`.
    pub per_question: String,
    /// Ask one of the card's follow-up questions after each answer.
    pub follow_ups: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            content_dirs: Vec::new(),
            show_bundled: true,
            theme: "default".to_string(),
            review: ReviewConfig::default(),
            mock: MockConfig::default(),
            keys: BTreeMap::new(),
            source: String::new(),
        }
    }
}

impl Default for ReviewConfig {
    fn default() -> Self {
        ReviewConfig {
            desired_retention: 0.9,
            new_per_day: 15,
            new_order: "topic".to_string(),
            two_button: false,
            include_unanswered: false,
            day_starts_at: crate::clock::DEFAULT_DAY_START_HOUR,
        }
    }
}

impl Default for MockConfig {
    fn default() -> Self {
        MockConfig {
            questions: 5,
            per_question: "4m".to_string(),
            follow_ups: true,
        }
    }
}

/// The platform folders prepdeck uses (`~/.config/prepdeck`, `~/.local/share/prepdeck`
/// on Linux; `~/Library/Application Support/prepdeck` on macOS).
pub fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "prepdeck")
}

/// The config file to read: the one given, else `config.toml` in the config folder.
pub fn default_config_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// Where a person's own themes live: `themes/` beside the config file.
pub fn user_theme_dir(config_path: Option<&Path>) -> Option<PathBuf> {
    config_path
        .and_then(Path::parent)
        .map(|p| p.join("themes"))
        .or_else(|| project_dirs().map(|d| d.config_dir().join("themes")))
}

impl Config {
    /// Reads the config. A missing default file is fine (defaults); a missing file named
    /// explicitly is an error, as is anything the file gets wrong.
    pub fn load(explicit: Option<&Path>) -> Result<(Config, Option<PathBuf>), ConfigError> {
        let (path, must_exist) = match explicit {
            Some(p) => (Some(p.to_path_buf()), true),
            None => (default_config_path(), false),
        };
        let Some(path) = path else {
            return Ok((Config::default(), None));
        };
        match std::fs::read_to_string(&path) {
            Ok(source) => Config::parse(&source, &path).map(|c| (c, Some(path))),
            // No config file where the platform keeps them (even when a folder on the way
            // is a file): the defaults.
            Err(err)
                if !must_exist
                    && matches!(
                        err.kind(),
                        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                    ) =>
            {
                Ok((Config::default(), Some(path)))
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Err(ConfigError {
                message: format!(
                    "no such config file; make one with `prepdeck config --default > {}`, or leave out --config and PREPDECK_CONFIG to use the defaults",
                    path.display()
                ),
                file: path,
                line: 0,
                column: 0,
            }),
            Err(err) => Err(ConfigError {
                file: path,
                line: 0,
                column: 0,
                message: format!("cannot read the config file: {err}"),
            }),
        }
    }

    pub fn parse(source: &str, path: &Path) -> Result<Config, ConfigError> {
        let mut config: Config =
            toml::from_str(source).map_err(|err| ConfigError::from_toml(path, source, &err))?;
        config.source = source.to_string();
        let in_range = (0.5..=0.99).contains(&config.review.desired_retention);
        if !in_range {
            return Err(Self::value_error(
                source,
                path,
                "desired_retention",
                "review.desired_retention must be between 0.5 and 0.99",
            ));
        }
        if let Err(message) = crate::mock::check_questions(config.mock.questions as usize) {
            return Err(Self::value_error(
                source,
                path,
                "questions",
                &format!("mock.questions: {message}"),
            ));
        }
        if let Err(message) = crate::mock::duration::parse(&config.mock.per_question) {
            return Err(Self::value_error(
                source,
                path,
                "per_question",
                &format!("mock.per_question: {message}"),
            ));
        }
        if config.review.day_starts_at > 23 {
            return Err(Self::value_error(
                source,
                path,
                "day_starts_at",
                "review.day_starts_at must be an hour from 0 (midnight) to 23",
            ));
        }
        if !matches!(config.review.new_order.as_str(), "topic" | "shuffled") {
            return Err(Self::value_error(
                source,
                path,
                "new_order",
                "review.new_order must be \"topic\" or \"shuffled\"",
            ));
        }
        Ok(config)
    }

    /// Line and column (1-based) where `key = …` is set in the file, or 1:1 when it is
    /// not: used to point at a value that is well-formed but names nothing, such as an
    /// unknown theme.
    pub fn locate_key(&self, key: &str) -> (usize, usize) {
        for (i, line) in self.source.lines().enumerate() {
            let trimmed = line.trim_start();
            if let Some(rest) = trimmed.strip_prefix(key)
                && rest.trim_start().starts_with('=')
            {
                let column = line.chars().count() - trimmed.chars().count() + 1;
                return (i + 1, column);
            }
        }
        (1, 1)
    }

    fn value_error(source: &str, path: &Path, key: &str, message: &str) -> ConfigError {
        let (line, column) = source.find(key).map_or((1, 1), |at| locate(source, at));
        ConfigError {
            file: path.to_path_buf(),
            line,
            column,
            message: message.to_string(),
        }
    }
}

/// The settings part of `prepdeck config --default`: every key but the key bindings
/// (`keymap::default_config_section` writes those), commented, with its default.
pub fn default_text() -> String {
    let d = Config::default();
    format!(
        r#"# prepdeck configuration. Every key is optional; the values below are the defaults.
# Location: {}
# (or pass --config FILE, or set PREPDECK_CONFIG).

# Folders of your own question files, shown beside the bundled bank.
content_dirs = []

# Show the bundled question bank.
show_bundled = {}

# Colour theme: default, light, high-contrast, colorblind, or NAME for themes/NAME.toml
# beside this file. NO_COLOR=1 in the environment turns colours off.
theme = "{}"

[review]
# Probability of recall FSRS aims for (0.5 to 0.99).
desired_retention = {}
# New cards introduced per day (while `prepdeck plan` has a plan, the plan's instead).
new_per_day = {}
# Order of new cards: "topic" (reading order) or "shuffled".
new_order = "{}"
# Grade with Again / Good only.
two_button = {}
# Include cards that have no answer to check against.
include_unanswered = {}
# The hour (0 to 23, local time) when a study day ends and the next begins: cards due
# "today" and the days between reviews are counted from it. 4 is Anki's default, so a
# session past midnight still counts for the evening it began.
day_starts_at = {}

[mock]
# Questions per mock interview.
questions = {}
# Time per question: 90s, 4m, 1h30m.
per_question = "{}"
# After each answer, ask one of the card's follow-up questions (a third of the time,
# at least 45s).
follow_ups = {}

# Key bindings: action = ["key", ...] replaces that action's keys. Keys are a
# character ("j", "G", "?"), ctrl-x, alt-x, or enter, esc, tab, backtab, space,
# backspace, delete, up, down, left, right, home, end, pageup, pagedown, f1-f12.
"#,
        default_config_path().map_or(
            "config.toml in the platform config folder".to_string(),
            |p| p.display().to_string()
        ),
        d.show_bundled,
        d.theme,
        d.review.desired_retention,
        d.review.new_per_day,
        d.review.new_order,
        d.review.two_button,
        d.review.include_unanswered,
        d.review.day_starts_at,
        d.mock.questions,
        d.mock.per_question,
        d.mock.follow_ups,
    )
}

/// Expands a leading `~/` to the home folder, as a shell would.
pub fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> Result<Config, ConfigError> {
        Config::parse(source, Path::new("config.toml"))
    }

    #[test]
    fn empty_is_default() {
        assert_eq!(parse("").unwrap(), Config::default());
        assert_eq!(parse("theme = \"light\"").unwrap().theme, "light");
    }

    #[test]
    fn mock_follow_ups_can_be_turned_off() {
        assert!(parse("").unwrap().mock.follow_ups);
        assert!(
            !parse("[mock]\nfollow_ups = false\n")
                .unwrap()
                .mock
                .follow_ups
        );
    }

    #[test]
    fn errors_point_at_the_place() {
        let err = parse("theme = \"light\"\nbogus = 1\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        assert!(err.message.contains("bogus"), "{}", err.message);
        let err = parse("show_bundled = \"yes\"\n").unwrap_err();
        assert_eq!(err.line, 1);
        let err = parse("theme = \n").unwrap_err();
        assert_eq!(err.line, 1);
        let err = parse("[review]\ndesired_retention = 2.0\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.to_string().starts_with("config.toml:2:1: "));
        let err = parse("[review]\nnew_per_day = 5\nday_starts_at = 24\n").unwrap_err();
        assert_eq!((err.line, err.column), (3, 1));
        assert!(
            err.message.contains("from 0 (midnight) to 23"),
            "{}",
            err.message
        );
        let err = parse("[review]\nday_starts_at = -1\n").unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn the_study_day_starts_at_four_unless_set() {
        assert_eq!(parse("").unwrap().review.day_starts_at, 4);
        let midnight = parse("[review]\nday_starts_at = 0\n").unwrap();
        assert_eq!(midnight.review.day_starts_at, 0);
    }
}
