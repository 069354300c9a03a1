//! Skeletons: the spelling-independent form of a name that keys people, organisations and
//! multi-word gazetteer aliases, so that transliteration variants meet. Shared by the lexicon
//! (alias keys) and the recognizer (mention keys), below both.

use crate::text::words::words;

/// Letters that spell a foreign "g" or "k" in Arabic, and long vowels, are unified so that
/// transliteration variants (ديمتري/دميتري, ناغورنو/ناجورنو) share a key.
pub fn skeleton(folded: &str) -> String {
    skeleton_chars(folded).collect()
}

/// The characters of [`skeleton`]`(folded)`, without building the string.
pub fn skeleton_chars(folded: &str) -> impl Iterator<Item = char> + '_ {
    folded.chars().enumerate().filter_map(|(i, c)| match c {
        'غ' | 'ج' | 'ق' | 'ك' => Some('ك'),
        'ه' if i > 0 => None,
        'ا' | 'و' | 'ي' | 'ء' if i > 0 => None,
        c => Some(c),
    })
}

/// Skeleton of every word of a phrase, article removed (see [`skeleton`]).
pub fn phrase_skeleton(text: &str) -> String {
    words(text, 0..text.len())
        .iter()
        .map(|w| skeleton(w.folded.strip_prefix("ال").unwrap_or(&w.folded)))
        .collect::<Vec<_>>()
        .join(" ")
}
