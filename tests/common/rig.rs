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

use super::{CANONICAL, app_with};

pub struct Rig {
    pub app: App,
    pub effects: Effects,
    _dir: tempfile::TempDir,
}

impl Rig {
    pub fn new(w: u16, h: u16) -> Rig {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(Some(dir.path())).unwrap();
        let mut app = app_with("10-caching/01-caching.md", CANONICAL, w, h);
        app.wall_clock = || 1_795_349_100;
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

    /// Opens a review of everything.
    pub fn start(&mut self) {
        self.effects
            .start_review(&mut self.app, &ReviewRequest::default())
            .unwrap();
    }

    /// One key, and whatever effect it raises performed at once, as the runtime does.
    pub fn press(&mut self, action: Action) -> Option<Effect> {
        let effect = self.app.update(action, Instant::now())?;
        if !matches!(effect, Effect::Quit | Effect::Suspend | Effect::Edit(_)) {
            self.effects
                .perform(&mut self.app, effect.clone(), &mut Vec::new())
                .unwrap();
        }
        Some(effect)
    }

    pub fn side(&self) -> Side {
        match &self.app.screen {
            Screen::Review(r) => r.side,
            _ => panic!("not reviewing"),
        }
    }

    /// Grades in the review log.
    pub fn logged(&self) -> usize {
        self.effects.store.log(None).unwrap().len()
    }
}
