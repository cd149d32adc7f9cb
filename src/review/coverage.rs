//! The key-point checklist's suggested grade.
//!
//! The rule: every key point covered → Good; at least half covered → Hard; fewer than
//! half → Again; a card without key points → no suggestion. Easy is never suggested:
//! only the person knows the answer came effortlessly, so it takes the 4 key.

use crate::schedule::Grade;

/// The grade Enter takes after the checklist, or `None` when there is nothing to check.
pub fn suggest_grade(covered: usize, total: usize) -> Option<Grade> {
    if total == 0 {
        None
    } else if covered >= total {
        Some(Grade::Good)
    } else if covered * 2 >= total {
        Some(Grade::Hard)
    } else {
        Some(Grade::Again)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_suggests_grades() {
        for (covered, total, want) in [
            (0, 0, None),
            (4, 4, Some(Grade::Good)),
            (3, 4, Some(Grade::Hard)),
            (2, 4, Some(Grade::Hard)),
            (1, 4, Some(Grade::Again)),
            (0, 1, Some(Grade::Again)),
            (1, 1, Some(Grade::Good)),
            (1, 3, Some(Grade::Again)),
            (2, 3, Some(Grade::Hard)),
        ] {
            assert_eq!(suggest_grade(covered, total), want, "{covered}/{total}");
        }
    }
}
