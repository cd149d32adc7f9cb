//! Key bindings as data: the defaults in `keys.toml`, patched by the `[keys]` section of
//! the person's config. The help overlay and status hints are generated from it.

use std::collections::HashMap;
use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;
use crate::config::{Config, ConfigError, locate};

const DEFAULT_KEYS: &str = include_str!("keys.toml");

/// A key with its modifiers. For characters, Shift is part of the character (`G`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

/// The screens and fields that have bindings of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Browse,
    Search,
    Help,
    MockSetup,
    Mock,
    MockPaused,
    Debrief,
    MockResult,
    Review,
    ReviewTyping,
    ReviewAnswer,
    ReviewSummary,
    Stats,
}

impl Context {
    pub const ALL: [Context; 13] = [
        Context::Browse,
        Context::Search,
        Context::Help,
        Context::MockSetup,
        Context::Mock,
        Context::MockPaused,
        Context::Debrief,
        Context::MockResult,
        Context::Review,
        Context::ReviewTyping,
        Context::ReviewAnswer,
        Context::ReviewSummary,
        Context::Stats,
    ];

    /// The section name in `keys.toml` and in `[keys.NAME]` of the config.
    pub fn name(self) -> &'static str {
        match self {
            Context::Browse => "browse",
            Context::Search => "search",
            Context::Help => "help",
            Context::MockSetup => "mock_setup",
            Context::Mock => "mock",
            Context::MockPaused => "mock_paused",
            Context::Debrief => "debrief",
            Context::MockResult => "mock_result",
            Context::Review => "review",
            Context::ReviewTyping => "review_typing",
            Context::ReviewAnswer => "review_answer",
            Context::ReviewSummary => "review_summary",
            Context::Stats => "stats",
        }
    }

    /// A title for the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Browse => "Browse",
            Context::Search => "Search (after /)",
            Context::Help => "Help",
            Context::MockSetup => "Mock interview: setup",
            Context::Mock => "Mock interview: answering",
            Context::MockPaused => "Mock interview: paused",
            Context::Debrief => "Mock interview: debrief",
            Context::MockResult => "Mock interview: result",
            Context::Review => "Review: the question",
            Context::ReviewTyping => "Review: typing an answer",
            Context::ReviewAnswer => "Review: the answer and checklist",
            Context::ReviewSummary => "Review: summary",
            Context::Stats => "Statistics",
        }
    }
}

/// Every binding of every context, in the order of the defaults file.
#[derive(Debug, Clone)]
pub struct Keymap {
    contexts: HashMap<Context, Vec<(Action, Vec<Key>)>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::parse_defaults().expect("the bundled keys.toml is valid")
    }
}

impl Keymap {
    fn parse_defaults() -> Result<Keymap, ConfigError> {
        let path = Path::new("src/keys.toml");
        let table: toml::Table = toml::from_str(DEFAULT_KEYS)
            .map_err(|e| ConfigError::from_toml(path, DEFAULT_KEYS, &e))?;
        let mut contexts = HashMap::new();
        for context in Context::ALL {
            let mut bindings = Vec::new();
            if let Some(toml::Value::Table(section)) = table.get(context.name()) {
                for (name, keys) in section {
                    let err = |message: String| ConfigError {
                        file: path.to_path_buf(),
                        line: 0,
                        column: 0,
                        message,
                    };
                    let action = parse_action(name).map_err(err)?;
                    let keys = keys
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|k| parse_key(k.as_str().unwrap_or_default()))
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(err)?;
                    bindings.push((action, keys));
                }
            }
            contexts.insert(context, bindings);
        }
        // toml::Table keeps keys sorted; order bindings as the file lists them.
        for (context, bindings) in contexts.iter_mut() {
            let section = DEFAULT_KEYS
                .find(&format!("[{}]", context.name()))
                .map_or(DEFAULT_KEYS, |at| &DEFAULT_KEYS[at..]);
            bindings.sort_by_key(|(action, _)| {
                section
                    .find(&format!("\n{} =", action_name(*action)))
                    .unwrap_or(usize::MAX)
            });
        }
        Ok(Keymap { contexts })
    }

    /// The defaults patched by the config's `[keys]` section. Unknown screens, actions or
    /// keys and clashes are errors naming the config file, line and column.
    pub fn from_config(config: &Config, path: &Path) -> Result<Keymap, ConfigError> {
        let mut keymap = Keymap::default();
        let source = config.source.as_str();
        let at = |span: std::ops::Range<usize>, message: String| {
            let (line, column) = locate(source, span.start);
            ConfigError {
                file: path.to_path_buf(),
                line,
                column,
                message,
            }
        };
        for (section, actions) in &config.keys {
            let Some(context) = Context::ALL.into_iter().find(|c| c.name() == section) else {
                let span = actions.values().next().map_or(0..0, |v| v.span());
                return Err(at(
                    span,
                    format!(
                        "unknown key section `[keys.{section}]`: use {}",
                        Context::ALL.map(Context::name).join(", ")
                    ),
                ));
            };
            let mut patched = Vec::new();
            for (name, keys) in actions {
                let action = parse_action(name).map_err(|m| at(keys.span(), m))?;
                let parsed = keys
                    .get_ref()
                    .iter()
                    .map(|k| parse_key(k))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|m| at(keys.span(), m))?;
                let bindings = keymap.contexts.entry(context).or_default();
                match bindings.iter_mut().find(|(a, _)| *a == action) {
                    Some((_, existing)) => *existing = parsed,
                    None => bindings.push((action, parsed)),
                }
                patched.push((action, keys.span()));
            }
            for (action, span) in patched {
                if let Some((other, key)) = keymap.clash(context, action) {
                    return Err(at(
                        span,
                        format!(
                            "`{}` is bound to both `{}` and `{}` in [keys.{section}]: change one of them",
                            display_key(key),
                            action_name(action),
                            action_name(other)
                        ),
                    ));
                }
            }
        }
        Ok(keymap)
    }

    /// Another action of `context` that shares a key with `action`.
    fn clash(&self, context: Context, action: Action) -> Option<(Action, Key)> {
        let bindings = self.contexts.get(&context)?;
        let mine = &bindings.iter().find(|(a, _)| *a == action)?.1;
        bindings
            .iter()
            .filter(|(a, _)| *a != action)
            .find_map(|(a, keys)| keys.iter().find(|k| mine.contains(k)).map(|k| (*a, *k)))
    }

    /// The action a key press means in `context`.
    pub fn action(&self, context: Context, event: KeyEvent) -> Option<Action> {
        let key = normalize(event);
        self.contexts
            .get(&context)?
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .map(|(action, _)| *action)
    }

    /// Every binding of a context, in the defaults' order.
    pub fn bindings(&self, context: Context) -> &[(Action, Vec<Key>)] {
        self.contexts.get(&context).map_or(&[], Vec::as_slice)
    }

    /// The keys of an action joined for display ("j/↓"), or an empty string.
    pub fn hint(&self, context: Context, action: Action) -> String {
        self.bindings(context)
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, keys)| {
                keys.iter()
                    .map(|k| display_key(*k))
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_default()
    }

    /// The first key of an action, for compact hints.
    pub fn first_key(&self, context: Context, action: Action) -> Option<String> {
        self.bindings(context)
            .iter()
            .find(|(a, _)| *a == action)
            .and_then(|(_, keys)| keys.first())
            .map(|k| display_key(*k))
    }
}

/// Characters carry Shift in their case, so Shift is dropped from them.
fn normalize(event: KeyEvent) -> Key {
    let mut mods =
        event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if let KeyCode::Char(_) = event.code {
        mods.remove(KeyModifiers::SHIFT);
    }
    let code = match event.code {
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        KeyCode::BackTab => {
            mods.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        other => other,
    };
    Key { code, mods }
}

fn parse_action(name: &str) -> Result<Action, String> {
    toml::Value::String(name.to_string())
        .try_into::<Action>()
        .map_err(|_| {
            format!("unknown action `{name}`: see `prepdeck config --default` for the list")
        })
}

/// The config name of an action (`move_down`).
pub fn action_name(action: Action) -> String {
    toml::Value::try_from(action)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Parses `j`, `G`, `?`, `ctrl-d`, `alt-x`, `enter`, `pagedown`, `f5`…
pub fn parse_key(text: &str) -> Result<Key, String> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text;
    loop {
        let lower = rest.to_ascii_lowercase();
        if let Some(r) = lower
            .strip_prefix("ctrl-")
            .or_else(|| lower.strip_prefix("c-"))
        {
            mods |= KeyModifiers::CONTROL;
            rest = &rest[rest.len() - r.len()..];
        } else if let Some(r) = lower
            .strip_prefix("alt-")
            .or_else(|| lower.strip_prefix("a-"))
        {
            mods |= KeyModifiers::ALT;
            rest = &rest[rest.len() - r.len()..];
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) {
            c.to_ascii_lowercase()
        } else {
            c
        }),
        _ => match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            f if f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => return Err(format!("unknown key `{text}`")),
        },
    };
    Ok(Key { code, mods })
}

/// How a key is shown in help and hints: `j`, `Ctrl-d`, `↑`, `Enter`.
pub fn display_key(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Esc => "Esc".to_string(),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::BackTab => "Shift-Tab".to_string(),
        KeyCode::Backspace => "Backspace".to_string(),
        KeyCode::Delete => "Del".to_string(),
        KeyCode::Up => "↑".to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    let mut out = String::new();
    if key.mods.contains(KeyModifiers::CONTROL) {
        out.push_str("Ctrl-");
    }
    if key.mods.contains(KeyModifiers::ALT) {
        out.push_str("Alt-");
    }
    out.push_str(&base);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn defaults_map_vim_keys_and_arrows() {
        let k = Keymap::default();
        let none = KeyModifiers::NONE;
        assert_eq!(
            k.action(Context::Browse, press(KeyCode::Char('j'), none)),
            Some(Action::MoveDown)
        );
        assert_eq!(
            k.action(Context::Browse, press(KeyCode::Down, none)),
            Some(Action::MoveDown)
        );
        assert_eq!(
            k.action(
                Context::Browse,
                press(KeyCode::Char('G'), KeyModifiers::SHIFT)
            ),
            Some(Action::Bottom)
        );
        assert_eq!(
            k.action(
                Context::Browse,
                press(KeyCode::Char('d'), KeyModifiers::CONTROL)
            ),
            Some(Action::HalfPageDown)
        );
        assert_eq!(k.hint(Context::Browse, Action::MoveDown), "j/↓");
        assert_eq!(k.bindings(Context::Browse)[0].0, Action::MoveDown);
    }

    #[test]
    fn config_patches_and_detects_clashes() {
        let source = "[keys.browse]\nmove_down = [\"n\"]\nnext_match = [\"ctrl-n\"]\n";
        let config = Config::parse(source, Path::new("c.toml")).unwrap();
        let k = Keymap::from_config(&config, Path::new("c.toml")).unwrap();
        let none = KeyModifiers::NONE;
        assert_eq!(
            k.action(Context::Browse, press(KeyCode::Char('n'), none)),
            Some(Action::MoveDown)
        );
        assert_eq!(
            k.action(Context::Browse, press(KeyCode::Char('j'), none)),
            None
        );

        let clash = "[keys.browse]\nsearch = [\"j\"]\n";
        let config = Config::parse(clash, Path::new("c.toml")).unwrap();
        let err = Keymap::from_config(&config, Path::new("c.toml")).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(
            err.message
                .contains("`j` is bound to both `search` and `move_down`"),
            "{}",
            err.message
        );

        for bad in [
            "[keys.browse]\nfly = [\"f\"]\n",
            "[keys.browse]\nsearch = [\"hyper-x\"]\n",
            "[keys.nowhere]\nsearch = [\"s\"]\n",
        ] {
            let config = Config::parse(bad, Path::new("c.toml")).unwrap();
            let err = Keymap::from_config(&config, Path::new("c.toml")).unwrap_err();
            assert_eq!(err.line, 2, "{bad}: {err}");
        }
    }

    #[test]
    fn key_names_round_trip() {
        for name in [
            "j", "G", "?", "ctrl-d", "alt-x", "enter", "pagedown", "f5", "space",
        ] {
            assert!(parse_key(name).is_ok(), "{name}");
        }
        assert_eq!(display_key(parse_key("ctrl-u").unwrap()), "Ctrl-u");
        assert!(parse_key("nope").is_err());
    }
}
