//! The mock interview's debrief and result: going through the answers one by one, each
//! key point ticked or not, a grade per answer, then the interview as it stands.

use super::mock::{MockOutcome, MockScreen, Phase, suggested_grade};
use super::review::AnswerView;
use crate::action::Action;
use crate::mock::MockResult;
use crate::schedule::Grade;

impl MockScreen {
    /// Goes to the debrief, or straight to the result when nothing was answered.
    pub(super) fn enter_debrief(&mut self) -> Option<MockOutcome> {
        self.review_index = 0;
        self.point = 0;
        self.scroll = 0;
        if self.answers.is_empty() {
            return Some(self.enter_result());
        }
        self.phase = Phase::Debrief;
        None
    }

    fn enter_result(&mut self) -> MockOutcome {
        self.phase = Phase::Result;
        self.scroll = 0;
        MockOutcome::Finished(Box::new(self.result()))
    }

    pub(super) fn update_debrief(
        &mut self,
        action: Action,
        view: &AnswerView,
    ) -> Option<MockOutcome> {
        let answer = self.answers.get_mut(self.review_index)?;
        let points = answer.key_points.len();
        let grade = match action {
            Action::MoveDown => {
                self.point = (self.point + 1).min(points.saturating_sub(1));
                self.scroll = view.follow(self.point, self.scroll);
                None
            }
            Action::MoveUp => {
                self.point = self.point.saturating_sub(1);
                self.scroll = view.follow(self.point, self.scroll);
                None
            }
            Action::Toggle => {
                if let Some(c) = answer.covered.get_mut(self.point) {
                    *c = !*c;
                }
                None
            }
            Action::HalfPageDown => {
                self.scroll += 8;
                None
            }
            Action::HalfPageUp => {
                self.scroll = self.scroll.saturating_sub(8);
                None
            }
            Action::Grade1 => Some(Grade::Again),
            Action::Grade2 => Some(Grade::Hard),
            Action::Grade3 => Some(Grade::Good),
            Action::Grade4 => Some(Grade::Easy),
            Action::Accept => {
                let suggestion = suggested_grade(answer.covered_count(), points);
                if suggestion.is_none() {
                    self.message = Some(format!(
                        "no key points to judge by: grade with {}",
                        self.grade_keys
                    ));
                }
                suggestion
            }
            _ => None,
        };
        if let Some(g) = grade {
            answer.grade = Some(g);
            self.review_index += 1;
            self.point = 0;
            self.scroll = 0;
            if self.review_index >= self.answers.len() {
                return Some(self.enter_result());
            }
        }
        None
    }

    /// The interview as it stands.
    pub fn result(&self) -> MockResult {
        MockResult {
            started_at: self.started_at,
            settings: self.setup.settings.clone(),
            answers: self.answers.clone(),
            aborted: self.aborted,
        }
    }
}
