//! The help panel: opens over any screen with the help key, lists that screen's keys,
//! scrolls, and closes with the keys that close it.

use super::{App, Effect};
use crate::action::Action;
use crate::keymap::Context;

/// The help panel's state: whose keys it lists and how far it is scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpState {
    /// The context under the panel, whose bindings it shows.
    pub context: Context,
    pub scroll: usize,
}

impl HelpState {
    pub fn new(context: Context) -> HelpState {
        HelpState { context, scroll: 0 }
    }
}

impl App {
    pub(super) fn update_help(&mut self, action: Action) -> Option<Effect> {
        let max = self.measures.help_max_scroll;
        let help = self.help.as_mut()?;
        let page = usize::from(self.size.1.saturating_sub(6)).max(1);
        match action {
            Action::MoveDown | Action::Scroll(_, _, 1..) => help.scroll += 1,
            Action::MoveUp | Action::Scroll(_, _, ..=-1) => {
                help.scroll = help.scroll.saturating_sub(1);
            }
            Action::PageDown | Action::HalfPageDown => help.scroll += page,
            Action::PageUp | Action::HalfPageUp => help.scroll = help.scroll.saturating_sub(page),
            Action::Top => help.scroll = 0,
            Action::Bottom => help.scroll = max,
            Action::Back | Action::Help | Action::Click(..) => self.help = None,
            Action::Quit => return Some(Effect::Quit),
            _ => {}
        }
        if let Some(help) = self.help.as_mut() {
            help.scroll = help.scroll.min(max);
        }
        None
    }

    /// The first key bound to `action` in `context`, as it is shown ("Space", "Ctrl-s"),
    /// or "(no key)" when the person's config left it unbound.
    pub fn key_for(&self, context: Context, action: Action) -> String {
        self.keymap
            .first_key(context, action)
            .unwrap_or_else(|| "(no key)".to_string())
    }
}
