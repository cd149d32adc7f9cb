//! The story bank as markdown: one `##` section per story with its STAR fields, what was
//! learned, its tags and the questions it answers.

use std::fmt::Write as _;

use crate::model::Card;
use crate::store::Story;

/// The stories as markdown; `cards` names the linked cards by their questions.
pub fn markdown(stories: &[Story], cards: &[Card]) -> String {
    let mut out = String::from("# Story bank\n");
    if stories.is_empty() {
        out.push_str("\nNo stories yet.\n");
    }
    for story in stories {
        let _ = write!(out, "\n## {}\n", story.title.trim());
        if !story.tags.is_empty() {
            let _ = write!(out, "\nTags: {}\n", story.tags.join(", "));
        }
        for (label, text) in [
            ("Situation", &story.situation),
            ("Task", &story.task),
            ("Action", &story.action),
            ("Result", &story.result),
            ("What I learned", &story.learned),
        ] {
            if !text.trim().is_empty() {
                let _ = write!(out, "\n### {label}\n{}\n", text.trim_end());
            }
        }
        if !story.cards.is_empty() {
            out.push_str("\n### Answers\n");
            for id in &story.cards {
                match cards.iter().find(|c| c.id == *id) {
                    Some(card) => {
                        let _ = writeln!(out, "- {} ({id})", card.question.trim());
                    }
                    None => {
                        let _ = writeln!(out, "- {id} (no longer in the content)");
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_become_sections_with_their_fields_and_cards() {
        let deck =
            crate::load::load_text("q.md", "## When would you cache?\n\n### Answer\nOften.\n");
        let id = deck.cards[0].id.clone();
        let story = Story {
            id: 1,
            title: "The checkout outage".to_string(),
            situation: "Black Friday, p99 9 s".to_string(),
            result: "Back in 14 minutes".to_string(),
            tags: vec!["incident".to_string(), "leadership".to_string()],
            cards: vec![id.clone(), "gone0000".to_string()],
            ..Story::default()
        };
        let text = markdown(&[story], &deck.cards);
        assert_eq!(
            text,
            format!(
                "# Story bank\n\n## The checkout outage\n\nTags: incident, leadership\n\n### Situation\nBlack Friday, p99 9 s\n\n### Result\nBack in 14 minutes\n\n### Answers\n- When would you cache? ({id})\n- gone0000 (no longer in the content)\n"
            )
        );
        assert_eq!(markdown(&[], &[]), "# Story bank\n\nNo stories yet.\n");
    }
}
