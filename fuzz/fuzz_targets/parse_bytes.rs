//! The parser on arbitrary bytes: any file a person downloads must parse without a
//! panic, and every card it yields has a question.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let parsed = prepdeck::parse::parse_bytes(bytes);
    for card in &parsed.cards {
        assert!(!card.question.is_empty());
    }
});
