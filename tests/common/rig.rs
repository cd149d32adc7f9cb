//! An App over the canonical fixture with a progress database in a temporary folder and
//! a fixed clock, driven as the runtime drives it: each key, then its effect performed.

use std::time::Instant;

use prepdeck::action::Action;
use prepdeck::app::review::Side;
use prepdeck::app::{App, Effect, ReviewRequest, Screen};
use prepdeck::effects::{Effects, RunOptions};
use prepdeck::review::QueueOptions;
use prepdeck::schedule::Scheduler;
use prepdeck::store::Store;

use prepdeck::keymap::Keymap;
use prepdeck::load::load_text;

use super::{CANONICAL, app_with_keymap};

pub struct Rig {
    pub app: App,
    pub effects: Effects,
    _dir: tempfile::TempDir,
}

impl Rig {
    pub fn new(w: u16, h: u16) -> Rig {
        Rig::with_keymap(w, h, Keymap::default())
    }

    /// A rig whose App uses `keymap`, as a person's config would patch it.
    pub fn with_keymap(w: u16, h: u16, keymap: Keymap) -> Rig {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(Some(dir.path())).unwrap();
        let app = app_with_keymap(
            load_text("10-caching/01-caching.md", CANONICAL),
            w,
            h,
            keymap,
        )
        .with_clock(|| 1_795_349_100);
        let effects = Effects {
            store,
            scheduler: Scheduler::new(None, 0.9),
            options: RunOptions {
                data_dir: Some(dir.path().to_path_buf()),
                report: None,
            },
            queue: QueueOptions::default(),
            two_button: false,
            sources: Vec::new(),
        };
        Rig {
            app,
            effects,
            _dir: dir,
        }
    }

    /// The same rig on another wall clock.
    pub fn with_clock(self, clock: fn() -> i64) -> Rig {
        let Rig { app, effects, _dir } = self;
        Rig {
            app: app.with_clock(clock),
            effects,
            _dir,
        }
    }

    /// Opens a review of everything.
    pub fn start(&mut self) {
        self.start_with(&ReviewRequest::default());
    }

    /// Opens a review as the runtime does: the queue built, then handed to the App.
    pub fn start_with(&mut self, request: &ReviewRequest) {
        let msg = self.effects.start_review(&self.app, request).unwrap();
        self.app.update(msg, Instant::now());
    }

    /// One key, and whatever effect it raises performed at once with its outcome fed
    /// back, as the runtime does. Returns the first effect.
    pub fn press(&mut self, action: Action) -> Option<Effect> {
        let first = self.app.update(action, Instant::now())?;
        let mut next = Some(first.clone());
        while let Some(effect) = next.take() {
            if matches!(
                effect,
                Effect::Quit | Effect::Suspend | Effect::Edit(_) | Effect::EditNote(_)
            ) {
                break;
            }
            let outcome = self.effects.perform(&self.app, effect, &mut Vec::new());
            next = self.app.update(outcome, Instant::now());
        }
        Some(first)
    }

    pub fn side(&self) -> Side {
        match self.app.screen() {
            Some(Screen::Review(r)) => r.side,
            _ => panic!("not reviewing"),
        }
    }

    /// The data folder the rig's database and reports live in.
    pub fn data_dir(&self) -> &std::path::Path {
        self._dir.path()
    }

    /// Grades in the review log.
    pub fn logged(&self) -> usize {
        self.effects.store.log(None).unwrap().len()
    }
}
