//! Repairs UTF-8 text that went through a Windows-1252 round trip (`â€”` back to `—`).
//!
//! A mojibake sequence is a run of characters whose Windows-1252 bytes form one valid,
//! non-ASCII UTF-8 character: a lead byte (0xC2–0xF4) followed by the right number of
//! continuation bytes (0x80–0xBF). Only such complete runs are replaced, so correctly
//! encoded text, including Latin accents like `é` or `Å`, is never altered.

use std::borrow::Cow;

/// Returns the text with every mojibake sequence repaired; borrows when there is none.
pub fn repair(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !has_lead(text) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if let Some(decoded) = decode_at(&chars, i) {
            out.push(decoded.0);
            i += decoded.1;
            changed = true;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether any character could open a mojibake sequence: `lead_len` is `Some` exactly for
/// U+00C2..=U+00F4 (the Windows-1252 specials all sit below 0xA0), which UTF-8 encodes as
/// 0xC3 followed by 0x82..=0xB4. A byte scan, where decoding every character and asking
/// `cp1252_byte` cost a quarter of parsing a file with dashes and quotes.
fn has_lead(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == 0xC3 && (0x82..=0xB4).contains(&w[1]))
}

/// Tries to decode one mojibake sequence starting at `start`: (the real char, chars used).
fn decode_at(chars: &[char], start: usize) -> Option<(char, usize)> {
    let need = lead_len(chars[start])?;
    let lead = cp1252_byte(chars[start])?;
    let mut bytes = [lead, 0, 0, 0];
    for (slot, &c) in bytes[1..need]
        .iter_mut()
        .zip(chars.get(start + 1..start + need)?)
    {
        let b = cp1252_byte(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
    }
    let s = std::str::from_utf8(&bytes[..need]).ok()?;
    let real = s.chars().next()?;
    Some((real, need))
}

/// The UTF-8 sequence length announced by a character read as a Windows-1252 lead byte.
fn lead_len(c: char) -> Option<usize> {
    match cp1252_byte(c)? {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// The Windows-1252 byte a character stands for, if any. The five bytes Windows-1252
/// leaves undefined survive a round trip as the C1 controls of the same value.
fn cp1252_byte(c: char) -> Option<u8> {
    let b = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        '\u{80}'..='\u{FF}' => u8::try_from(u32::from(c)).ok()?,
        _ => return None,
    };
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn repairs_common_sequences() {
        assert_eq!(repair("a â†’ b"), "a → b");
        assert_eq!(repair("yes â€” no"), "yes — no");
        assert_eq!(repair("donâ€™t"), "don’t");
        assert_eq!(repair("ðŸ“\u{9d} notes"), "📝 notes");
        assert_eq!(repair("ðŸ’¡ tips"), "💡 tips");
    }

    #[test]
    fn the_byte_scan_finds_exactly_the_lead_characters() {
        for c in ('\u{0}'..='\u{3000}').chain(['€', '—', '“', '🎉']) {
            let text = format!("a{c}b");
            assert_eq!(
                super::has_lead(&text),
                super::lead_len(c).is_some(),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn leaves_correct_text_alone() {
        for s in [
            "café, naïve, Ångström, São Paulo, Ærø",
            "日本語 テキスト, emoji 🎉 and “quotes” — dashes → arrows",
            "plain ascii",
            "Â alone, Ã at the end Ã",
        ] {
            assert_eq!(repair(s), s);
        }
    }
}
