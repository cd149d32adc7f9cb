//! Effects the runtime performs for the app: the I/O that `App::update` never does.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::app::App;
use crate::clock;
use crate::mock::{MockResult, report};
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
}

impl Effects {
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
