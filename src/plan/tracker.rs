//! The plan as the browser's header line shows it ("Interview in 9 days · on track ·
//! readiness 64%"), with the readiness kept up to date as grades are saved.

use std::collections::HashMap;

use super::scope::{mean, recall_at};
use super::{Planned, Report};
use crate::schedule::{CardState, Scheduler};

/// What the header line needs of a plan.
#[derive(Debug, Clone)]
pub struct Tracker {
    interview_day: i64,
    interview_at: i64,
    on_track: bool,
    minutes_needed: u32,
    minutes_per_day: u32,
    /// The ids of the cards in scope.
    scope: Vec<String>,
    scheduler: Scheduler,
    readiness: f64,
}

/// Whether the plan fits the minutes a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    OnTrack,
    /// It needs this many minutes a day, more than the person has.
    Behind {
        needs: u32,
        has: u32,
    },
}

/// The header line in its parts, for the screen to style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// "Interview in 9 days", "Interview tomorrow", "Interview today".
    pub when: String,
    /// `None` once no study day is left.
    pub standing: Option<Standing>,
    /// "readiness 64%".
    pub readiness: String,
}

impl Standing {
    pub fn words(self) -> String {
        match self {
            Standing::OnTrack => "on track".to_string(),
            Standing::Behind { needs, has } => {
                format!("behind: needs {needs} min a day, not {has}")
            }
        }
    }
}

impl Header {
    /// The line as plain text.
    pub fn text(&self) -> String {
        let mut parts = vec![self.when.clone()];
        parts.extend(self.standing.map(Standing::words));
        parts.push(self.readiness.clone());
        parts.join(" · ")
    }
}

impl Tracker {
    pub(super) fn new(planned: &Planned, scheduler: Scheduler) -> Tracker {
        let r = &planned.report;
        Tracker {
            interview_day: planned.calendar.interview_day,
            interview_at: planned.calendar.interview_at(),
            on_track: r.on_track,
            minutes_needed: r.minutes_per_day_needed,
            minutes_per_day: r.minutes_per_day,
            scope: planned.scope.clone(),
            scheduler,
            readiness: r.readiness,
        }
    }

    /// Takes the standing of the plan worked out again (the stats screen does).
    pub fn restate(&mut self, report: &Report) {
        self.on_track = report.on_track;
        self.minutes_needed = report.minutes_per_day_needed;
        self.minutes_per_day = report.minutes_per_day;
        self.readiness = report.readiness;
    }

    /// Recomputes readiness from the cards' states now.
    pub fn refresh(&mut self, states: &HashMap<String, CardState>) {
        self.readiness = mean(
            self.scope
                .iter()
                .map(|id| recall_at(&self.scheduler, states.get(id), self.interview_at)),
        );
    }

    /// Mean predicted recall at the interview, 0–1.
    pub fn readiness(&self) -> f64 {
        self.readiness
    }

    /// The header line on day number `today`; `None` once the interview day has passed.
    pub fn header(&self, today: i64) -> Option<Header> {
        let left = self.interview_day - today;
        let when = match left {
            ..0 => return None,
            0 => "Interview today".to_string(),
            1 => "Interview tomorrow".to_string(),
            n => format!("Interview in {n} days"),
        };
        let standing = (left > 0).then_some(if self.on_track {
            Standing::OnTrack
        } else {
            Standing::Behind {
                needs: self.minutes_needed,
                has: self.minutes_per_day,
            }
        });
        Some(Header {
            when,
            standing,
            readiness: format!("readiness {:.0}%", self.readiness * 100.0),
        })
    }
}
