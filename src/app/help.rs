//! The panel over the screen: the help (that screen's keys), every message since start,
//! or the problems found while reading the files. It scrolls and closes with the keys
//! that close it.

use super::{App, Effect};
use crate::action::Action;
use crate::keymap::Context;

/// What the panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    /// The keys of the screen under it.
    Keys,
    /// Every message since start.
    Messages,
    /// Problems found while reading the files.
    Problems,
}

/// The panel's state: what it shows, whose keys, how far it is scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpState {
    /// The context under the panel, whose bindings the help shows.
    pub context: Context,
    pub kind: PanelKind,
    pub scroll: usize,
}

impl HelpState {
    pub fn new(context: Context) -> HelpState {
        HelpState::of(context, PanelKind::Keys)
    }

    pub fn of(context: Context, kind: PanelKind) -> HelpState {
        HelpState {
            context,
            kind,
            scroll: 0,
        }
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

    /// Every message shown since start, oldest first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// Keeps the message now on screen (the status bar's or the screen's own) for the
    /// messages panel, once.
    pub(super) fn remember_message(&mut self) {
        let shown = self.message.clone().or_else(|| match self.screens.last() {
            Some(super::Screen::Review(r)) => r.message.clone(),
            Some(super::Screen::Mock(m)) => m.message.clone(),
            _ => None,
        });
        if let Some(text) = shown
            && self.history.last() != Some(&text)
        {
            if self.history.len() >= 500 {
                self.history.remove(0);
            }
            self.history.push(text);
        }
    }

    /// The first key bound to `action` in `context`, as it is shown ("Space", "Ctrl-s"),
    /// or "(no key)" when the person's config left it unbound.
    pub fn key_for(&self, context: Context, action: Action) -> String {
        self.keymap
            .first_key(context, action)
            .unwrap_or_else(|| "(no key)".to_string())
    }
}
