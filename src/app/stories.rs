//! The story bank screen: the person's stories, one in detail, and the behavioural and
//! incident cards a story should answer, with which have none yet. `a` adds, `e` edits
//! (a text area per field), Space links or unlinks the card under the cursor, `d`
//! deletes after asking, and `u` brings back the last story deleted in this session.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::{App, Effect, Screen};
use crate::action::Action;
use crate::keymap::Context;
use crate::load::Deck;
use crate::store::{Story, parse_tags};

/// The fields of a story, in the form's order, with their labels.
pub const FIELDS: [&str; 7] = [
    "Title",
    "Situation",
    "Task",
    "Action",
    "Result",
    "What I learned",
    "Tags",
];

/// Which list has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoriesFocus {
    Stories,
    Cards,
}

/// What is being asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asking {
    DeleteStory,
    DropChanges,
}

/// The form that adds or edits a story: one text area per field.
pub struct StoryForm {
    /// The story as it was (id 0 for a new one), its links kept.
    pub story: Story,
    pub fields: Vec<TextArea<'static>>,
    pub field: usize,
}

impl StoryForm {
    fn new(story: Story) -> StoryForm {
        let texts = [
            story.title.clone(),
            story.situation.clone(),
            story.task.clone(),
            story.action.clone(),
            story.result.clone(),
            story.learned.clone(),
            story.tags.join(", "),
        ];
        let fields = texts
            .iter()
            .map(|t| {
                let mut area = if t.is_empty() {
                    TextArea::default()
                } else {
                    TextArea::from(t.lines().map(str::to_string))
                };
                area.move_cursor(CursorMove::Bottom);
                area.move_cursor(CursorMove::End);
                area.set_wrap_mode(WrapMode::WordOrGlyph);
                area
            })
            .collect();
        StoryForm {
            story,
            fields,
            field: 0,
        }
    }

    fn text(&self, i: usize) -> String {
        self.fields[i].lines().join("\n").trim().to_string()
    }

    /// The story as the form stands.
    pub fn edited(&self) -> Story {
        Story {
            title: self.text(0),
            situation: self.text(1),
            task: self.text(2),
            action: self.text(3),
            result: self.text(4),
            learned: self.text(5),
            tags: parse_tags(&self.text(6)),
            ..self.story.clone()
        }
    }

    fn changed(&self) -> bool {
        self.edited() != self.story
    }
}

/// The story bank screen's state.
pub struct StoriesScreen {
    pub selected: usize,
    /// The behavioural and incident cards, by deck index, in reading order.
    pub prompts: Vec<usize>,
    pub prompt: usize,
    pub focus: StoriesFocus,
    pub form: Option<StoryForm>,
    pub asking: Option<Asking>,
    /// Stories deleted in this session, the latest last, for `u`.
    pub trash: Vec<Story>,
    /// How far the selected story's pane is scrolled (clamped when drawn).
    pub detail_scroll: usize,
}

/// Lines the story pane moves for each scroll key.
const DETAIL_STEP: usize = 8;

/// True for a card a story of one's own answers: a behavioural prompt or an incident.
pub fn wants_story(card: &crate::model::Card) -> bool {
    crate::stats::is_behavioural(card)
        || card
            .tags
            .iter()
            .any(|t| t.to_lowercase().contains("incident"))
        || card
            .topic
            .iter()
            .any(|t| t.to_lowercase().contains("incident"))
}

impl StoriesScreen {
    fn new(deck: &Deck) -> StoriesScreen {
        StoriesScreen {
            selected: 0,
            prompts: (0..deck.cards.len())
                .filter(|&c| wants_story(&deck.cards[c]))
                .collect(),
            prompt: 0,
            focus: StoriesFocus::Stories,
            form: None,
            asking: None,
            trash: Vec::new(),
            detail_scroll: 0,
        }
    }
}

impl App {
    /// Every story in the bank, in the order they were made.
    pub fn stories(&self) -> &[Story] {
        &self.stories
    }

    /// The stored stories (from the database at start).
    pub fn with_stories(mut self, stories: Vec<Story>) -> App {
        self.stories = stories;
        self
    }

    /// The titles of the stories linked to a card.
    pub fn stories_of(&self, card_id: &str) -> Vec<&str> {
        self.stories
            .iter()
            .filter(|s| s.cards.iter().any(|c| c == card_id))
            .map(|s| s.title.as_str())
            .collect()
    }

    /// Opens the story bank; from a card, on the first story linked to it.
    pub fn open_stories(&mut self) {
        let card = self.note_target().map(|c| self.deck.cards[c].id.clone());
        let mut screen = StoriesScreen::new(&self.deck);
        if let Some(id) = card
            && let Some(i) = self.stories.iter().position(|s| s.cards.contains(&id))
        {
            screen.selected = i;
        }
        self.screens.push(Screen::Stories(Box::new(screen)));
    }

    /// The store changed the bank: the stories as they now are.
    pub(super) fn stories_changed(&mut self, stories: Vec<Story>, select: Option<i64>) {
        self.stories = stories;
        let count = self.stories.len();
        let at = select.and_then(|id| self.stories.iter().position(|s| s.id == id));
        if let Some(Screen::Stories(s)) = self.screens.last_mut() {
            if let Some(i) = at {
                s.selected = i;
            }
            s.selected = s.selected.min(count.saturating_sub(1));
        }
    }

    /// The key context of the story bank.
    pub(super) fn stories_context(s: &StoriesScreen) -> Context {
        if s.asking.is_some() {
            Context::StoryConfirm
        } else if s.form.is_some() {
            Context::StoryForm
        } else {
            Context::Stories
        }
    }

    pub(super) fn update_stories(&mut self, action: Action) -> Option<Effect> {
        let stories = &self.stories;
        let Some(Screen::Stories(s)) = self.screens.last_mut() else {
            return None;
        };
        if let Some(asking) = s.asking.take() {
            if action != Action::Confirm {
                return None;
            }
            return match asking {
                Asking::DropChanges => {
                    s.form = None;
                    self.message = Some("your changes were dropped".to_string());
                    None
                }
                Asking::DeleteStory => {
                    let story = stories.get(s.selected)?;
                    s.trash.push(story.clone());
                    Some(Effect::DeleteStory(story.id))
                }
            };
        }
        if let Some(form) = s.form.as_mut() {
            match action {
                Action::TextKey(key) => {
                    form.fields[form.field].input(key);
                }
                Action::FocusNext => form.field = (form.field + 1) % FIELDS.len(),
                Action::FocusPrev => form.field = (form.field + FIELDS.len() - 1) % FIELDS.len(),
                Action::Back => {
                    let edited = form.edited();
                    if edited.title.is_empty() {
                        self.message = Some("a story needs a title: write one first".to_string());
                        form.field = 0;
                        return None;
                    }
                    let changed = form.changed();
                    s.form = None;
                    if !changed {
                        self.message = Some("the story is unchanged".to_string());
                        return None;
                    }
                    return Some(Effect::SaveStory(Box::new(edited)));
                }
                Action::Cancel if form.changed() => s.asking = Some(Asking::DropChanges),
                Action::Cancel => s.form = None,
                _ => {}
            }
            return None;
        }
        let count = match s.focus {
            StoriesFocus::Stories => stories.len(),
            StoriesFocus::Cards => s.prompts.len(),
        };
        // Another story opens at its top.
        if matches!(action, Action::MoveDown | Action::MoveUp) && s.focus == StoriesFocus::Stories {
            s.detail_scroll = 0;
        }
        let cursor = match s.focus {
            StoriesFocus::Stories => &mut s.selected,
            StoriesFocus::Cards => &mut s.prompt,
        };
        match action {
            Action::MoveDown => *cursor = (*cursor + 1).min(count.saturating_sub(1)),
            Action::MoveUp => *cursor = cursor.saturating_sub(1),
            Action::HalfPageDown => s.detail_scroll += DETAIL_STEP,
            Action::HalfPageUp => s.detail_scroll = s.detail_scroll.saturating_sub(DETAIL_STEP),
            Action::FocusNext | Action::FocusPrev => {
                s.focus = match s.focus {
                    StoriesFocus::Stories => StoriesFocus::Cards,
                    StoriesFocus::Cards => StoriesFocus::Stories,
                };
            }
            Action::NewStory => s.form = Some(StoryForm::new(Story::default())),
            Action::Edit => match stories.get(s.selected) {
                Some(story) => s.form = Some(StoryForm::new(story.clone())),
                None => self.message = Some(self.no_story_yet()),
            },
            Action::DeleteStory => match stories.get(s.selected) {
                Some(_) => s.asking = Some(Asking::DeleteStory),
                None => self.message = Some(self.no_story_yet()),
            },
            Action::Undo => match s.trash.pop() {
                Some(story) => return Some(Effect::SaveStory(Box::new(story))),
                None => self.message = Some("no story deleted in this session".to_string()),
            },
            Action::Toggle => {
                let Some(mut story) = stories.get(s.selected).cloned() else {
                    self.message = Some(self.no_story_yet());
                    return None;
                };
                let &card = s.prompts.get(s.prompt)?;
                let id = self.deck.cards[card].id.clone();
                if let Some(at) = story.cards.iter().position(|c| *c == id) {
                    story.cards.remove(at);
                } else {
                    story.cards.push(id);
                    story.cards.sort();
                }
                return Some(Effect::SaveStory(Box::new(story)));
            }
            Action::Back => return self.leave(),
            Action::Quit => return Some(Effect::Quit),
            _ => {}
        }
        None
    }

    fn no_story_yet(&self) -> String {
        format!(
            "no story yet: {} adds one",
            self.key_for(Context::Stories, Action::NewStory)
        )
    }
}
