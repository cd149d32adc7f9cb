//! Effects the runtime performs for the app: the I/O that `App::update` never does.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::app::review::ReviewScreen;
use crate::app::{App, Effect, ReviewRequest};
use crate::clock;
use crate::load::{self, ContentSource};
use crate::mock::{MockResult, report};
use crate::review::{QueueOptions, Session, SessionMode, Today, build_queue, next_due};
use crate::schedule::{CardState, Grade, Scheduler};
use crate::store::{self, Coverage, MockRecord, NewReview, ReviewMode, Store};

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
    /// Performs one effect that needs no terminal of its own. Errors are for the
    /// status line; the app goes on.
    pub fn perform(
        &mut self,
        app: &mut App,
        effect: Effect,
        notes: &mut Vec<String>,
    ) -> anyhow::Result<()> {
        let now = clock::now_unix();
        let offset = clock::local_offset(now);
        match effect {
            Effect::MockFinished(result) => {
                let path = self.mock_finished(app, &result)?;
                app.message = Some(format!("report written to {}", path.display()));
                notes.push(format!("Mock interview report: {}", path.display()));
            }
            Effect::StartReview(request) => self.start_review(app, &request)?,
            Effect::Persist(persist) => {
                self.store
                    .record(&persist.review, persist.state.as_ref())
                    .context("the grade was NOT saved")?;
                if let Some(state) = persist.state {
                    app.states.insert(persist.review.card_id.clone(), state);
                }
                app.refresh_progress(now, offset);
            }
            Effect::Undo(card_id) => {
                if let Some(undone) = self.store.undo_last(&card_id)? {
                    match undone.restored {
                        Some(state) => app.states.insert(card_id, state),
                        None => app.states.remove(&card_id),
                    };
                    app.refresh_progress(now, offset);
                }
            }
            Effect::Bury(card_id) => {
                let tomorrow = Today::new(now, offset, 0).day_end();
                self.store.bury(&card_id, Some(tomorrow))?;
                if let Some(state) = app.states.get_mut(&card_id) {
                    state.buried_until = Some(tomorrow);
                }
                app.refresh_progress(now, offset);
                app.message = Some("buried until tomorrow".to_string());
            }
            Effect::Flag(card_id, on) => {
                self.store.set_flag(&card_id, on)?;
                app.states.entry(card_id).or_default().flagged = on;
            }
            Effect::OpenStats => {
                let log = self.store.log(None)?;
                let mocks = self.store.mocks()?;
                let stats = crate::stats::compute(&crate::stats::StatsInput {
                    cards: &app.deck.cards,
                    tree: &app.deck.tree,
                    states: &app.states,
                    log: &log,
                    mocks: &mocks,
                    now,
                    offset,
                    desired_retention: self.scheduler.desired_retention(),
                });
                app.open_stats(stats);
            }
            Effect::Quit | Effect::Suspend | Effect::Edit(_) => {}
        }
        Ok(())
    }

    /// Builds today's queue for the request and opens the review screen, or says why
    /// there is nothing to review.
    pub fn start_review(&mut self, app: &mut App, request: &ReviewRequest) -> anyhow::Result<()> {
        let now = (app.wall_clock)();
        let offset = clock::local_offset(now);
        let indices: Vec<usize> = match request.node {
            Some(node) => app.deck.tree.cards_under(node),
            None => (0..app.deck.cards.len()).collect(),
        };
        let subset: Vec<crate::model::Card> =
            indices.iter().map(|&i| app.deck.cards[i].clone()).collect();
        let today = Today::from_store(&self.store, now, offset)?;
        let options = QueueOptions {
            cram: request.cram || self.queue.cram,
            ..self.queue.clone()
        };
        let mut queue = build_queue(&subset, &app.states, &self.scheduler, &today, &options);
        for entry in &mut queue {
            entry.index = indices[entry.index];
        }
        let name = request.node.map_or("the deck".to_string(), |n| {
            app.deck.tree.nodes[n].name.clone()
        });
        if queue.is_empty() {
            let next = next_due(
                indices
                    .iter()
                    .filter_map(|&i| app.states.get(&app.deck.cards[i].id)),
                now,
            );
            app.message = Some(match next {
                Some(at) => format!(
                    "nothing to review in {name} now; the next card is due in {}",
                    crate::schedule::short_interval(at - now)
                ),
                None => format!("nothing to review in {name}: no new cards left for today"),
            });
            return Ok(());
        }
        let mode = if options.cram {
            SessionMode::Cram
        } else {
            SessionMode::Review
        };
        let session = Session::new(queue, &app.deck.cards, self.scheduler.clone(), mode, now);
        app.open_review(ReviewScreen::new(
            session,
            self.two_button,
            std::time::Instant::now(),
            now,
        ));
        Ok(())
    }

    /// Opens the card's source in `$VISUAL` / `$EDITOR` at its line (the terminal is
    /// already handed back), then reloads the content; ids and progress carry over.
    pub fn edit(&mut self, app: &mut App, card: usize) -> anyhow::Result<()> {
        let source = &app.deck.cards[card].source;
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
        let now = clock::now_unix();
        app.replace_deck(deck, now, clock::local_offset(now));
        app.message = Some("content reloaded".to_string());
        Ok(())
    }

    /// Stores a finished mock interview (its grades go to the scheduler and the log with
    /// mode `mock`) and writes its report. Returns the report's path.
    pub fn mock_finished(&mut self, app: &mut App, result: &MockResult) -> anyhow::Result<PathBuf> {
        let path = save_mock(result, &self.options)?;
        let now = clock::now_unix();
        let mut answers = Vec::new();
        for (position, a) in result.answers.iter().enumerate() {
            let grade = a.grade.and_then(|g| Grade::from_number(i64::from(g)));
            let coverage = (!a.key_points.is_empty()).then(|| Coverage {
                covered: a.covered_count() as u32,
                total: a.key_points.len() as u32,
            });
            if let Some(grade) = grade {
                let state = app
                    .states
                    .get(&a.card_id)
                    .cloned()
                    .unwrap_or_else(CardState::new_card);
                let next = self.scheduler.grade(&state, grade, now);
                self.store.record(
                    &NewReview {
                        card_id: a.card_id.clone(),
                        at: now,
                        grade,
                        time_taken_ms: a.time_used.as_millis() as u64,
                        coverage,
                        mode: ReviewMode::Mock,
                        typed_answer: (!a.answer.trim().is_empty()).then(|| a.answer.clone()),
                    },
                    Some(&next),
                )?;
                app.states.insert(a.card_id.clone(), next);
            }
            answers.push(store::MockAnswer {
                position: position as u32,
                card_id: a.card_id.clone(),
                question: a.question.clone(),
                typed_answer: Some(a.answer.clone()),
                time_used_ms: a.time_used.as_millis() as u64,
                time_allowed_ms: a.time_allowed.map_or(0, |t| t.as_millis() as u64),
                covered: coverage.map(|c| c.covered),
                total: coverage.map(|c| c.total),
                grade,
            });
        }
        let settings = &result.settings;
        self.store.save_mock(&MockRecord {
            id: 0,
            started_at: result.started_at,
            finished_at: Some(now),
            aborted: result.aborted,
            settings: serde_json::json!({
                "questions": settings.questions,
                "per_question_secs": settings.per_question.map(|d| d.as_secs()),
                "total_secs": settings.total.map(|d| d.as_secs()),
                "spoken": settings.spoken,
                "seed": settings.seed,
                "topics": settings.topics,
            })
            .to_string(),
            score: result.score().map(|s| s as f32),
            report_path: Some(path.display().to_string()),
            answers,
        })?;
        app.refresh_progress(now, clock::local_offset(now));
        Ok(path)
    }
}

/// The data folder: the one given, else the platform's (`~/.local/share/prepdeck`).
pub fn data_dir(given: Option<&Path>) -> Option<PathBuf> {
    given
        .map(Path::to_path_buf)
        .or_else(|| crate::config::project_dirs().map(|d| d.data_dir().to_path_buf()))
}

/// Writes the report of a finished mock interview and returns its path: the `--report`
/// file, or `mocks/mock-YYYY-MM-DD-HHMM.md` in the data folder.
pub fn save_mock(result: &MockResult, options: &RunOptions) -> anyhow::Result<PathBuf> {
    let offset = clock::local_offset(result.started_at);
    let path = match &options.report {
        Some(p) => p.clone(),
        None => {
            let dir = data_dir(options.data_dir.as_deref())
                .context("no data folder on this platform: pass --report FILE")?
                .join("mocks");
            let stamp = clock::date_time(result.started_at, offset).replace([' ', ':'], "-");
            unique(&dir.join(format!("mock-{stamp}.md")))
        }
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    write_atomically(&path, report::markdown(result, offset).as_bytes())?;
    Ok(path)
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
