//! Key bindings as data: the defaults in `keys.toml`, patched by the `[keys]` section of
//! the person's config. The help overlay and status hints are generated from it.

use std::collections::HashMap;
use std::path::Path;

use crossterm::event::KeyEvent;

use crate::action::Action;
use crate::config::{Config, ConfigError, locate};
use keys::normalize;

mod context;
mod keys;
mod words;

pub use context::Context;
pub use keys::{Key, display_key, parse_key};
pub use words::{default_config_section, describe, hints};

const DEFAULT_KEYS: &str = include_str!("../keys.toml");

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
                let span = actions.values().next().map_or(0..0, toml::Spanned::span);
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
            let defaults = Keymap::default();
            for (action, span) in &patched {
                let unbound = keymap
                    .bindings(context)
                    .iter()
                    .any(|(a, keys)| a == action && keys.is_empty());
                let screens = Context::ALL
                    .into_iter()
                    .filter(|c| defaults.bindings(*c).iter().any(|(a, _)| a == action))
                    .count();
                if unbound && screens <= 1 {
                    return Err(at(
                        span.clone(),
                        format!(
                            "`{}` would have no key at all: [keys.{section}] is the only screen it works on; give it a key",
                            action_name(*action)
                        ),
                    ));
                }
            }
            let has_exit = |k: &Keymap| {
                k.bindings(context)
                    .iter()
                    .any(|(a, keys)| matches!(a, Action::Back | Action::Quit) && !keys.is_empty())
            };
            if has_exit(&defaults) && !has_exit(&keymap) {
                let span = patched.first().map_or(0..0, |(_, s)| s.clone());
                return Err(at(
                    span,
                    format!(
                        "[keys.{section}] leaves no key to leave this screen: keep a key for `back` or `quit`"
                    ),
                ));
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

    /// Every key of an action joined for a sentence ("Ctrl-s / F2 / Esc"), or
    /// "(no key)".
    pub fn keys_text(&self, context: Context, action: Action) -> String {
        let keys: Vec<String> = self
            .bindings(context)
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, keys)| keys.iter().map(|k| display_key(*k)).collect())
            .unwrap_or_default();
        if keys.is_empty() {
            "(no key)".to_string()
        } else {
            keys.join(" / ")
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

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
    fn a_screen_with_no_way_out_or_an_action_with_no_key_is_refused() {
        let refused = |text: &str, words: &str, line: usize| {
            let config = Config::parse(text, Path::new("c.toml")).unwrap();
            let err = Keymap::from_config(&config, Path::new("c.toml")).unwrap_err();
            assert!(err.message.contains(words), "{text}: {}", err.message);
            assert_eq!(err.line, line, "{text}");
        };
        refused(
            "[keys.browse]\nback = []\nquit = []\n",
            "leaves no key to leave this screen",
            2,
        );
        refused(
            "[keys.review_summary]\nquit = []\nback = []\n",
            "leaves no key to leave this screen",
            3,
        );
        refused(
            "[keys.browse]\nreview_all = []\n",
            "`review_all` would have no key at all",
            2,
        );
        // Leaving one way out, or unbinding an action other screens still have, is fine.
        for fine in [
            "[keys.browse]\nback = []\n",
            "[keys.browse]\nquit = []\n",
            "[keys.debrief]\ngrade4 = []\n",
        ] {
            let config = Config::parse(fine, Path::new("c.toml")).unwrap();
            assert!(
                Keymap::from_config(&config, Path::new("c.toml")).is_ok(),
                "{fine}"
            );
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
