//! The bundled bank's own bookkeeping: every card has a facts record written by a
//! second reader (facts/, one file per content file), and every `see: "…"` link in a
//! card names a question the bank really has.

use std::path::Path;

use prepdeck::load::{ContentSource, load};

fn bank() -> prepdeck::load::Deck {
    load(&[ContentSource::Bundled]).unwrap()
}

#[test]
fn every_bundled_card_has_a_facts_record_by_another_reader() {
    let deck = bank();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("facts");
    let mut missing = Vec::new();
    for card in &deck.cards {
        let rel = card.source.file.trim_start_matches("<bundled>/");
        let record = root.join(rel);
        let text = std::fs::read_to_string(&record)
            .unwrap_or_else(|_| panic!("no facts record {}", record.display()));
        assert!(
            text.contains("Checker: "),
            "{} names no checker",
            record.display()
        );
        let heading = format!("## {}\n", card.question);
        if !text.contains(&heading) {
            missing.push(format!("{rel}: {}", card.question));
        }
    }
    assert!(
        missing.is_empty(),
        "cards without a record:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_see_link_names_a_question_of_the_bank() {
    let deck = bank();
    let questions: std::collections::HashSet<&str> =
        deck.cards.iter().map(|c| c.question.as_str()).collect();
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut broken = Vec::new();
    let mut links = 0;
    for entry in walk(&content) {
        let text = std::fs::read_to_string(&entry).unwrap();
        for (n, line) in text.lines().enumerate() {
            let mut rest = line;
            while let Some(at) = rest.find("see: \"") {
                let after = &rest[at + 6..];
                // A question may itself hold quotes: take the longest question that
                // the text continues with.
                let found = questions
                    .iter()
                    .filter(|q| after.starts_with(*q) && after[q.len()..].starts_with('"'))
                    .max_by_key(|q| q.len());
                links += 1;
                match found {
                    Some(q) => rest = &after[q.len() + 1..],
                    None => {
                        broken.push(format!("{}:{}: {after}", entry.display(), n + 1));
                        break;
                    }
                }
            }
        }
    }
    assert!(links > 100, "only {links} links found");
    assert!(
        broken.is_empty(),
        "links to no question:\n{}",
        broken.join("\n")
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "md")
            && path.file_name().is_some_and(|n| n != "README.md")
        {
            out.push(path);
        }
    }
    out.sort();
    out
}
