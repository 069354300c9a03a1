//! Arabic-aware folding of text for *matching* (cue phrases, search, gazetteers).
//!
//! Display always keeps the original text; only comparisons go through [`fold`].

/// True for Arabic combining marks (tashkeel, Quranic marks, superscript alef).
pub fn is_tashkeel(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// The Arabic tatweel (kashida), a pure stretching character.
pub const TATWEEL: char = '\u{0640}';

/// Folds one character for matching; `None` drops it (marks, tatweel, format characters).
pub fn fold_char(c: char) -> Option<char> {
    if is_tashkeel(c) || c == TATWEEL || is_format_char(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ی' | 'ې' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        'ک' => 'ك',
        'گ' => 'ك',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        c => c,
    })
}

/// Invisible format characters (Unicode general category Cf) that carry no letters: joiners
/// and non-joiners (ZWJ, ZWNJ, word joiner), directional marks, embeddings, overrides and
/// isolates (LRM, RLM, ALM, U+202A–U+202E, U+2066–U+2069), the soft hyphen, a BOM inside
/// text, invisible operators, interlinear annotation marks and tag characters. Editors and
/// CMSs put them inside names and dates; matching must see through them.
///
/// The Arabic Cf characters that *show* a sign (number signs U+0600–U+0605, end of ayah
/// U+06DD, and the like) are left out: they are written marks, not invisible control.
pub fn is_format_char(c: char) -> bool {
    // Runs on every character of every file (through `fold_char`): Latin and Arabic letters,
    // digits and punctuation, all below U+200B, are settled by one comparison and three
    // equalities.
    let u = u32::from(c);
    if u < 0x200B {
        return u == 0xAD || u == 0x061C || u == 0x180E;
    }
    matches!(
        u,
        0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}

/// Format characters that stand for a space between words (the zero-width space): they part
/// words where the other format characters are invisible inside them.
pub fn is_invisible_space(c: char) -> bool {
    c == '\u{200B}'
}

/// Folds a string for matching: drops tashkeel, tatweel and format characters, unifies
/// alef/hamza forms, ى/ي, ة/ه, Persian letters and digits, lowercases ASCII.
///
/// ```
/// assert_eq!(khabar_core::text::normalize::fold("إقرأ أيضاً"), "اقرا ايضا");
/// assert_eq!(khabar_core::text::normalize::fold("عام ٢٠٢٠"), "عام 2020");
/// ```
pub fn fold(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}

/// True for characters of the Arabic script blocks (letters, marks, digits, punctuation).
pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// True for Arabic-script *letters* (not digits, marks or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    // Explicit ranges: this runs on every character of every file, and the generic
    // `char::is_alphabetic` table lookup dominated load time in profiles.
    matches!(
        c,
        '\u{0620}'..='\u{063F}'
            | '\u{0641}'..='\u{064A}'
            | '\u{066E}'..='\u{066F}'
            | '\u{0671}'..='\u{06D3}'
            | '\u{06D5}'
            | '\u{06EE}'..='\u{06EF}'
            | '\u{06FA}'..='\u{06FC}'
            | '\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08C9}'
            | '\u{FB50}'..='\u{FDFB}'
            | '\u{FE70}'..='\u{FEFC}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_hamza_alef_forms_and_marks() {
        assert_eq!(fold("أَحْمَد"), "احمد");
        assert_eq!(fold("آتا إلى ٱلله"), "اتا الي الله");
        assert_eq!(fold("مدرسة"), "مدرسه");
        assert_eq!(fold("عمــر"), "عمر");
        assert_eq!(fold("مسؤول"), "مسوول");
    }

    #[test]
    fn folds_digits_and_persian_letters() {
        assert_eq!(fold("۱۴۰۲ و ٢٠٢٤"), "1402 و 2024");
        assert_eq!(fold("کیف"), "كيف");
        assert_eq!(fold("Continue READING"), "continue reading");
    }

    #[test]
    fn drops_format_characters() {
        assert_eq!(fold("a\u{200F}b\u{FEFF}"), "ab");
        let name = "سامح شكري";
        for mark in [
            '\u{200D}', '\u{200C}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{202B}',
            '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
            '\u{2060}', '\u{FEFF}', '\u{AD}',
        ] {
            let marked: String = name.chars().flat_map(|c| [c, mark]).collect();
            assert_eq!(fold(&marked), fold(name), "{mark:?}");
            assert!(is_format_char(mark), "{mark:?}");
        }
    }

    #[test]
    fn visible_characters_are_not_format_characters() {
        // Visible Arabic signs of category Cf, letters, spaces and Latin-1 are kept.
        for c in [
            '\u{0600}', '\u{06DD}', 'ب', ' ', '\u{A0}', 'é', '-', '\u{AC}', '\u{AE}',
        ] {
            assert!(!is_format_char(c), "{c:?}");
        }
    }

    #[test]
    fn arabic_letter_class() {
        assert!(is_arabic_letter('ب'));
        assert!(!is_arabic_letter('٣'));
        assert!(!is_arabic_letter('،'));
        assert!(!is_arabic_letter('a'));
        assert!(!is_arabic_letter('\u{0640}'), "tatweel");
        assert!(!is_arabic_letter('\u{064E}'), "fatha");
        assert!(is_arabic_letter('ی') && is_arabic_letter('ڤ') && is_arabic_letter('ﻻ'));
    }
}
