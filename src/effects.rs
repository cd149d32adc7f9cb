//! Effects the runtime performs for the app: the I/O that `App::update` never does.
//! Each reads the App, does its work and returns the outcome as a `Msg` for `update`.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::app::{App, Effect, Msg, ReviewRequest};
use crate::clock;
use crate::ids::CardId;
use crate::load::{self, ContentSource};
use crate::mock::record::{graded_reviews, mock_record};
use crate::mock::{MockResult, report};
use crate::plan::{PlanInput, PlanSettings, Planned};
use crate::review::{NothingToReview, QueueOptions, Today, start_session};
use crate::schedule::{CardState, Scheduler};
use crate::store::Store;
use crate::text::sanitize;

/// Where the runtime keeps what the app produces.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// The data folder (database, mock reports).
    pub data_dir: Option<PathBuf>,
    /// Where to write the next mock interview's report instead of the data folder.
    pub report: Option<PathBuf>,
}

/// Performs effects: owns the progress database and the scheduler.
pub struct Effects {
    pub store: Store,
    pub scheduler: Scheduler,
    pub options: RunOptions,
    /// How review queues are built (the config, patched by command-line flags).
    pub queue: QueueOptions,
    /// Grade with Again / Good only.
    pub two_button: bool,
    /// Where the content came from, to reload it after an edit.
    pub sources: Vec<ContentSource>,
}

impl Effects {
    /// Performs one effect that needs no terminal of its own and says how it went, as
    /// the message for `App::update`. It reads the App and never writes it.
    pub fn perform(&mut self, app: &App, effect: Effect, notes: &mut Vec<String>) -> Msg {
        let result = match effect {
            Effect::MockFinished(result) => self.mock_finished(app, &result).inspect(|msg| {
                if let Msg::MockSaved { report, .. } = msg {
                    notes.push(format!("Mock interview report: {}", report.display()));
                }
            }),
            Effect::StartReview(request) => self.start_review(app, &request),
            Effect::Persist(persist) => {
                return match self.store.record(&persist.review, persist.state.as_ref()) {
                    Ok(_) => {
                        self.remember_label(app, &persist.review.card_id);
                        Msg::Saved {
                            changes: persist
                                .state
                                .map(|s| {
                                    vec![(CardId::from(persist.review.card_id.as_str()), Some(s))]
                                })
                                .unwrap_or_default(),
                            note: None,
                        }
                    }
                    Err(err) => Msg::GradeRefused(err.to_string()),
                };
            }
            Effect::Undo {
                card,
                grade,
                unbury,
            } => self.undo(app, &card, grade, unbury),
            Effect::Bury(card) => self.bury(app, card),
            Effect::Flag(card, on) => self
                .store
                .set_flag(card.as_str(), on)
                .map_err(Into::into)
                .map(|()| {
                    let mut state = app.states().get(card.as_str()).cloned().unwrap_or_default();
                    state.flagged = on;
                    Msg::Saved {
                        changes: vec![(card, Some(state))],
                        note: None,
                    }
                }),
            Effect::OpenStats => self.stats(app),
            Effect::SaveNote { card, text } => return self.save_note(app, card, &text),
            Effect::SaveStory(story) => self.save_story(app, &story),
            Effect::DeleteStory(id) => self.delete_story(app, id),
            Effect::Quit | Effect::Suspend | Effect::Edit(_) | Effect::EditNote(_) => {
                Ok(Msg::Saved {
                    changes: Vec::new(),
                    note: None,
                })
            }
        };
        result.unwrap_or_else(|err| Msg::Message(format!("{err:#}")))
    }

    fn undo(&mut self, app: &App, card: &CardId, grade: bool, unbury: bool) -> anyhow::Result<Msg> {
        let mut state = app.states().get(card.as_str()).cloned();
        if grade && let Some(undone) = self.store.undo_last(card.as_str())? {
            state = undone.restored;
        }
        if unbury {
            self.store.bury(card.as_str(), None)?;
            if let Some(s) = state.as_mut() {
                s.buried_until = None;
            }
        }
        Ok(Msg::Saved {
            changes: vec![(card.clone(), state)],
            note: None,
        })
    }

    fn bury(&mut self, app: &App, card: CardId) -> anyhow::Result<Msg> {
        let now = app.unix_now();
        let tomorrow = Today::new(now, app.day_shift(now), 0).day_end();
        self.store.bury(card.as_str(), Some(tomorrow))?;
        let state = app.states().get(card.as_str()).cloned().map(|mut s| {
            s.buried_until = Some(tomorrow);
            s
        });
        Ok(Msg::Saved {
            changes: state.map(|s| vec![(card, Some(s))]).unwrap_or_default(),
            note: Some("buried until tomorrow".to_string()),
        })
    }

    fn stats(&mut self, app: &App) -> anyhow::Result<Msg> {
        let now = app.unix_now();
        let log = self.store.log(None)?;
        let mocks = self.store.mocks()?;
        let stats = crate::stats::compute(&crate::stats::StatsInput {
            cards: &app.deck().cards,
            tree: &app.deck().tree,
            states: app.states(),
            log: &log,
            mocks: &mocks,
            now,
            offset: app.day_shift(now),
            desired_retention: self.scheduler.desired_retention(),
        });
        // A plan that cannot be worked out was reported when prepdeck started; the
        // figures open without its panel rather than not at all.
        let plan = read_plan(
            &self.store,
            app.deck(),
            app.states(),
            &self.scheduler,
            self.queue.include_unanswered,
            now,
            false,
        )
        .unwrap_or(None);
        Ok(Msg::StatsReady(Box::new(crate::stats::Stats {
            plan: plan.map(|p| p.report),
            own_answers: crate::stats::own_answers(&app.deck().cards, &|id| app.note(id).is_some()),
            ..stats
        })))
    }

    /// Builds today's queue for the request: the session to open, or why there is
    /// nothing to review.
    pub fn start_review(&mut self, app: &App, request: &ReviewRequest) -> anyhow::Result<Msg> {
        let now = app.unix_now();
        let offset = app.day_shift(now);
        let deck = app.deck();
        let indices: Vec<usize> = match request.node {
            Some(node) => deck.tree.cards_under(node),
            None => (0..deck.cards.len()).collect(),
        };
        let today = Today::from_store(&self.store, now, offset)?;
        // Flagged cards are gone through due or not, so like cram they keep their schedules.
        let options = QueueOptions {
            cram: request.cram || self.queue.cram || self.queue.flagged,
            ..self.queue.clone()
        };
        let started = start_session(
            &deck.cards,
            &indices,
            app.states(),
            &self.scheduler,
            &today,
            &options,
            now,
        );
        let name = request
            .node
            .map_or("the deck".to_string(), |n| deck.tree.nodes[n].name.clone());
        Ok(match started {
            Ok(session) => Msg::ReviewReady {
                session: Box::new(session),
                two_button: self.two_button,
            },
            Err(NothingToReview::NextDueAt(at)) => Msg::Message(format!(
                "nothing to review in {name} now; the next card is due in {}",
                crate::schedule::short_interval(at - now)
            )),
            Err(NothingToReview::NoNewCardsLeft) if self.queue.flagged => Msg::Message(format!(
                "nothing to review in {name}: no card is flagged ({} flags a card in review)",
                app.key_for(crate::keymap::Context::Review, crate::action::Action::Flag)
            )),
            Err(NothingToReview::NoNewCardsLeft) => Msg::Message(format!(
                "nothing to review in {name}: no new cards left for today"
            )),
        })
    }

    /// Opens the card's source in `$VISUAL` / `$EDITOR` at its line (the terminal is
    /// already handed back), then reads the content again; ids and progress carry over.
    pub fn edit(&mut self, app: &App, card: &CardId) -> Msg {
        self.try_edit(app, card)
            .unwrap_or_else(|err| Msg::Message(format!("{err:#}")))
    }

    fn try_edit(&mut self, app: &App, card: &CardId) -> anyhow::Result<Msg> {
        let Some(index) = app.card_index(card.as_str()) else {
            anyhow::bail!("the card is no longer in the content");
        };
        let source = &app.deck().cards[index].source;
        if source.file.starts_with(load::BUNDLED_PREFIX) {
            anyhow::bail!(
                "bundled cards are read-only: `prepdeck export --format markdown` makes an editable copy"
            );
        }
        let editor = std::env::var("VISUAL")
            .or_else(|_| std::env::var("EDITOR"))
            .unwrap_or_else(|_| "vi".to_string());
        let mut words = editor.split_whitespace();
        let program = words.next().unwrap_or("vi");
        let status = std::process::Command::new(program)
            .args(words)
            .arg(format!("+{}", source.line))
            .arg(&source.file)
            .status()
            .with_context(|| format!("cannot start the editor `{editor}`"))?;
        if !status.success() {
            anyhow::bail!("the editor `{editor}` exited with {status}");
        }
        let deck = load::load(&self.sources)?;
        Ok(Msg::DeckReloaded(Box::new(deck)))
    }

    /// Stores a card's own answer (blank: deletes it) and says so; a refused write
    /// says why, and the App keeps what it had.
    pub fn save_note(&mut self, app: &App, card: CardId, text: &str) -> Msg {
        use crate::store::NoteSaved;
        match self.store.save_note(card.as_str(), text, app.unix_now()) {
            Ok(done) => {
                self.remember_label(app, card.as_str());
                let message = match done {
                    NoteSaved::Created | NoteSaved::Updated => "saved your own answer",
                    NoteSaved::Unchanged => "your own answer is unchanged",
                    NoteSaved::Deleted => "your own answer was emptied: deleted it",
                };
                let text = (!text.trim().is_empty()).then(|| text.to_string());
                Msg::NoteSaved {
                    card,
                    text,
                    message: message.to_string(),
                }
            }
            Err(err) => Msg::Message(format!("your own answer was NOT saved: {err}")),
        }
    }

    /// Stores a story and hands back the bank as it now is.
    fn save_story(&mut self, app: &App, story: &crate::store::Story) -> anyhow::Result<Msg> {
        let back = story.id > 0 && !app.stories().iter().any(|s| s.id == story.id);
        let id = self.store.save_story(story, app.unix_now())?;
        let message = if back {
            format!("brought back \"{}\"", story.title)
        } else {
            format!("saved \"{}\"", story.title)
        };
        Ok(Msg::StoriesChanged {
            stories: self.store.stories()?,
            select: Some(id),
            message,
        })
    }

    /// Deletes a story; the screen keeps it in its trash for an undo.
    fn delete_story(&mut self, app: &App, id: i64) -> anyhow::Result<Msg> {
        let gone = self.store.delete_story(id)?;
        Ok(Msg::StoriesChanged {
            stories: self.store.stories()?,
            select: None,
            message: gone.map_or_else(
                || "that story was already gone".to_string(),
                |s| {
                    format!(
                        "deleted \"{}\" ({} brings it back)",
                        s.title,
                        app.key_for(crate::keymap::Context::Stories, crate::action::Action::Undo)
                    )
                },
            ),
        })
    }

    /// Opens a card's own answer in `$VISUAL` / `$EDITOR` (the terminal is already
    /// handed back) and stores what comes back; a failed editor or an emptied file
    /// changes nothing.
    pub fn edit_note(&mut self, app: &App, card: &CardId) -> Msg {
        use crate::note_edit::{Edited, edit_text};
        let before = app.note(card.as_str()).unwrap_or_default().to_string();
        match edit_text(card.as_str(), &before) {
            Ok(Edited::Text(text)) => self.save_note(app, card.clone(), &text),
            Ok(Edited::Unchanged) => Msg::Message("your own answer is unchanged".to_string()),
            Ok(Edited::Emptied) => {
                Msg::Message("the file came back empty: your own answer is unchanged".to_string())
            }
            Err(err) => Msg::Message(format!("{err}: your own answer is unchanged")),
        }
    }

    /// Names a graded card in the database (for `prune`, once it has left the content).
    /// The grade is saved already; a name that cannot be saved costs only that.
    fn remember_label(&mut self, app: &App, card_id: &str) {
        if let Some(card) = app.deck().cards.iter().find(|c| c.id == card_id) {
            let label = crate::store::label_of(&card.topic, &card.question);
            self.store.remember_labels([(card_id, label)]).ok();
        }
    }

    /// Stores a finished mock interview (its grades go to the scheduler and the log with
    /// mode `mock`) and writes its report.
    fn mock_finished(&mut self, app: &App, result: &MockResult) -> anyhow::Result<Msg> {
        let path = report_path(result, &self.options)?;
        let now = app.unix_now();
        let graded = graded_reviews(result, app.states(), &self.scheduler, now);
        let mut changes = Vec::new();
        let mut refused = None;
        for (review, state) in &graded {
            if let Err(err) = self.store.record(review, Some(state)) {
                refused = Some(err.to_string());
                break;
            }
            changes.push((CardId::from(review.card_id.as_str()), Some(state.clone())));
            self.remember_label(app, &review.card_id);
        }
        if refused.is_none()
            && let Err(err) =
                self.store
                    .save_mock(&mock_record(result, now, &path.display().to_string()))
        {
            refused = Some(err.to_string());
        }
        let lost = graded.len() - changes.len();
        // The report tells the truth about what reached the progress database.
        let note = refused.as_ref().map(|err| {
            format!(
                "**NOT saved to your progress**: {lost} of {} grades and this interview's record could not be written ({err}).",
                graded.len()
            )
        });
        write_report(result, &path, note.as_deref())?;
        Ok(Msg::MockSaved {
            report: path,
            changes,
            refused: refused.map(|error| (error, lost)),
        })
    }
}

/// The plan to an interview date kept in `store`, worked out at `now` over `deck` and
/// the cards' `states`; `None` when no plan is set. `with_changes` also looks for what
/// would fit a plan that does not (`prepdeck plan` shows them; screens need not).
pub fn read_plan(
    store: &Store,
    deck: &load::Deck,
    states: &std::collections::HashMap<String, CardState>,
    scheduler: &Scheduler,
    include_unanswered: bool,
    now: i64,
    with_changes: bool,
) -> anyhow::Result<Option<Planned>> {
    let Some(stored) = store.plan()? else {
        return Ok(None);
    };
    let settings = PlanSettings::from_stored(&stored).map_err(anyhow::Error::msg)?;
    let offset = clock::local_offset(now);
    let log = store.log(None)?;
    let today = Today::from_store(store, now, offset)?;
    let input = PlanInput {
        cards: &deck.cards,
        tree: &deck.tree,
        states,
        scheduler,
        pace: crate::plan::Pace::measure(&log),
        now,
        offset,
        introduced_today: today.new_introduced,
        include_unanswered,
    };
    Ok(Some(crate::plan::forecast(&settings, &input, with_changes)))
}

impl Effects {
    /// Saves a mock judged from written answers (`mock --answers`) and writes its
    /// report; returns where the report went. The grades are the hint's suggestions, so
    /// no card's schedule changes.
    pub fn save_written(&mut self, app: &App, result: &MockResult) -> anyhow::Result<PathBuf> {
        let path = report_path(result, &self.options)?;
        let saved = self.store.save_mock(&mock_record(
            result,
            app.unix_now(),
            &path.display().to_string(),
        ));
        let note = saved.as_ref().err().map(|err| {
            format!("**NOT saved to your progress**: this interview's record could not be written ({err}).")
        });
        write_report(result, &path, note.as_deref())?;
        saved?;
        Ok(path)
    }
}

/// Writes a mock's report to `path` without saving anything else (`--no-save`).
pub fn write_report_only(result: &MockResult, path: &Path) -> anyhow::Result<()> {
    write_report(result, path, None)
}

/// Where a mock interview's report goes: the `--report` file, or a new file under
/// `mocks/` in the data folder.
fn report_path(result: &MockResult, options: &RunOptions) -> anyhow::Result<PathBuf> {
    Ok(match &options.report {
        Some(p) => p.clone(),
        None => {
            let offset = clock::local_offset(result.started_at);
            let dir = options
                .data_dir
                .as_deref()
                .context("no data folder on this platform: pass --report FILE")?
                .join("mocks");
            let stamp = clock::date_time(result.started_at, offset).replace([' ', ':'], "-");
            unique(&dir.join(format!("mock-{stamp}.md")))
        }
    })
}

/// Writes the report, with `note` at its top (what could not be saved), made safe for a
/// terminal.
fn write_report(result: &MockResult, path: &Path, note: Option<&str>) -> anyhow::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let offset = clock::local_offset(result.started_at);
    let report = report::markdown(result, offset, note);
    write_atomically(path, sanitize::neutralize(&report).as_bytes())
}

/// `path`, or `path` with `-2`, `-3`… before the extension when it exists already.
fn unique(path: &Path) -> PathBuf {
    if !path.exists() {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}.md")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.to_path_buf())
}

/// Writes to a temporary file beside `path`, then renames it over `path`, so a crash
/// never leaves half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = path.with_extension("tmp-prepdeck");
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::mock::{MockAnswer, MockSettings};

    #[test]
    fn a_mock_report_carries_no_control_character_or_override() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("report.md");
        let answer = MockAnswer {
            card: 0,
            card_id: "x".into(),
            question: "Which \u{202E}fdp.exe \x1b]52;c;cHduZWQ=\x07 is it?".into(),
            topic: "Evil \x1b]0;title\x07".into(),
            answer: "typed \x1b[2J\twith a tab".into(),
            time_used: Duration::from_secs(30),
            time_allowed: Some(Duration::from_secs(60)),
            timed_out: false,
            key_points: vec!["point \x1b[31m".into()],
            covered: vec![true],
            hints: Vec::new(),
            grade: Some(crate::schedule::Grade::Good),
            follow_up: None,
        };
        let result = MockResult {
            started_at: 1_795_349_100,
            settings: MockSettings::default(),
            answers: vec![answer],
            aborted: false,
        };
        let options = RunOptions {
            data_dir: None,
            report: Some(report.clone()),
        };
        let path = report_path(&result, &options).unwrap();
        write_report(&result, &path, None).unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        for bad in ['\x1b', '\x07', '\u{202E}'] {
            assert!(!text.contains(bad), "{bad:?} in the report:\n{text}");
        }
        assert!(
            text.contains("fdp.exe") && text.contains("\u{241b}"),
            "{text}"
        );
        assert!(text.contains("\twith a tab"), "tabs are kept: {text}");
    }
}
