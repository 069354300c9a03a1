//! A file's id from the raw bytes of its name: the name itself when it is UTF-8, invalid
//! bytes escaped injectively otherwise, so that two names never share an id (ids key review
//! state, the cache and sorting).

use std::ffi::OsStr;

/// Marks a byte of a name that is not UTF-8 (followed by two hex digits), and is doubled
/// when the name itself holds it. See [`name_id`].
const ESCAPE: char = '\u{FFFD}';

/// The id of one file or folder name, from its raw bytes.
///
/// A name that is valid UTF-8 and holds no U+FFFD is its own id, exactly as ids were made
/// before (sidecars and caches key on them). Otherwise each byte that is not part of valid
/// UTF-8 becomes U+FFFD followed by its value in two uppercase hex digits, and each U+FFFD
/// of the name is doubled. (Such a U+FFFD can only come from an earlier lossy conversion;
/// its ids change, and before they were ambiguous anyway.)
///
/// Why this is injective: reading an id from the left, a character other than U+FFFD is
/// that character of the name; a U+FFFD is followed either by a second U+FFFD (then the
/// pair is one U+FFFD of the name) or by two hex digits (then it is one byte that was not
/// UTF-8), never both, since a hex digit is not U+FFFD. So [`name_bytes`] recovers the name
/// from its id, and two different names cannot have the same id. The escaped bytes are
/// exactly the invalid ones, so the valid parts around them decode to the same characters
/// again (an invalid byte never joins a neighbour into a valid sequence: UTF-8 validity of
/// a sequence does not depend on what precedes or follows it).
pub fn name_id(name: &OsStr) -> String {
    escape_bytes(name.as_encoded_bytes())
}

/// [`name_id`] of raw bytes.
pub fn escape_bytes(bytes: &[u8]) -> String {
    let mut id = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            id.push(c);
            if c == ESCAPE {
                id.push(ESCAPE);
            }
        }
        for byte in chunk.invalid() {
            id.push(ESCAPE);
            id.push_str(&format!("{byte:02X}"));
        }
    }
    id
}

/// The raw bytes a [`name_id`] was made from (`None` if `id` is not one); the proof that
/// ids are unique, kept as code so that tests check it.
pub fn name_bytes(id: &str) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(id.len());
    let mut chars = id.chars();
    while let Some(c) = chars.next() {
        if c != ESCAPE {
            bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            continue;
        }
        match chars.next()? {
            ESCAPE => bytes.extend_from_slice(ESCAPE.encode_utf8(&mut [0; 4]).as_bytes()),
            high => {
                let low = chars.next()?;
                let hex = |d: char| d.to_digit(16).filter(|_| !d.is_ascii_lowercase());
                bytes.push((hex(high)? * 16 + hex(low)?) as u8);
            }
        }
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn valid_names_are_their_own_ids_and_invalid_bytes_are_escaped() {
        assert_eq!(escape_bytes("خبر اليوم.txt".as_bytes()), "خبر اليوم.txt");
        assert_eq!(escape_bytes(b"\xff.txt"), "\u{FFFD}FF.txt");
        assert_eq!(escape_bytes(b"\xfe.txt"), "\u{FFFD}FE.txt");
        // A lone U+FFFD in a name is doubled: it cannot be taken for the escape of a byte.
        assert_eq!(
            escape_bytes("\u{FFFD}FF.txt".as_bytes()),
            "\u{FFFD}\u{FFFD}FF.txt"
        );
        // A truncated Arabic letter (the first byte of a two-byte sequence) next to text.
        assert_eq!(escape_bytes(b"a\xd8b"), "a\u{FFFD}D8b");
        assert_eq!(name_bytes("\u{FFFD}ff"), None, "hex digits are uppercase");
        assert_eq!(name_bytes("\u{FFFD}F"), None);
    }

    proptest! {
        /// Ids are injective: the bytes come back from the id (so no two names share one).
        #[test]
        fn an_id_gives_back_its_name(bytes in proptest::collection::vec(
            prop_oneof![any::<u8>(), Just(0xEF), Just(0xBF), Just(0xBD), Just(b'F')], 0..24)
        ) {
            let id = escape_bytes(&bytes);
            prop_assert_eq!(name_bytes(&id), Some(bytes.clone()));
            if let Ok(text) = std::str::from_utf8(&bytes)
                && !text.contains(ESCAPE)
            {
                prop_assert_eq!(id, text);
            }
        }

        #[test]
        fn different_names_have_different_ids(
            a in proptest::collection::vec(any::<u8>(), 0..8),
            b in proptest::collection::vec(any::<u8>(), 0..8),
        ) {
            prop_assert_eq!(a == b, escape_bytes(&a) == escape_bytes(&b));
        }
    }
}
