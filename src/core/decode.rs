//! Turning a file's bytes into text: BOMs, UTF-8, UTF-16 and legacy Arabic code pages.
//!
//! Detection order: BOM → valid UTF-8 → BOM-less UTF-16 (by the NUL pattern) → binary check
//! → mostly-UTF-8 with a few broken sequences → chardetng's guess (Windows-1256, ISO-8859-6…).

use crate::core::error::SkipReason;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// A file's text and how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without BOM. Offsets everywhere in Khabar are byte offsets into this.
    pub text: String,
    /// The WHATWG name of the encoding (`UTF-8`, `UTF-16LE`, `windows-1256`, …).
    pub encoding: &'static str,
    /// Whether the file started with a byte order mark.
    pub had_bom: bool,
    /// Number of malformed byte sequences replaced by U+FFFD (shown to the user).
    pub replaced: usize,
}

impl Decoded {
    /// A one-line, human-readable note about lossy decoding, if any.
    pub fn warning(&self) -> Option<String> {
        (self.replaced > 0).then(|| {
            format!(
                "{} malformed byte sequence(s) replaced with \u{FFFD}",
                self.replaced
            )
        })
    }
}

/// Share of broken sequences up to which a file that is otherwise UTF-8 is still read as UTF-8.
const MAX_BROKEN_UTF8_PER_KIB: usize = 4;
/// Share (per mille) of control characters above which decoded text is taken for binary.
const MAX_CONTROL_PER_MILLE: usize = 5;

/// Decodes a file's bytes, or says why it cannot be read as text.
///
/// ```
/// use khabar::core::decode::decode;
/// let d = decode(b"\xEF\xBB\xBFhello").unwrap();
/// assert_eq!((d.text.as_str(), d.encoding, d.had_bom), ("hello", "UTF-8", true));
/// assert!(decode(b"").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, SkipReason> {
    if bytes.is_empty() {
        return Err(SkipReason::Empty);
    }
    let decoded = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        decode_with(encoding, &bytes[bom_len..], true)
    } else if let Some(encoding) = sniff_utf16(bytes) {
        // Before the UTF-8 check: UTF-16 Arabic is made of ASCII-range bytes and 0x06.
        decode_with(encoding, bytes, false)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            had_bom: false,
            replaced: 0,
        }
    } else if bytes.contains(&0) {
        return Err(SkipReason::Binary("contains NUL bytes".into()));
    } else if mostly_utf8(bytes) {
        decode_with(UTF_8, bytes, false)
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
        decode_with(encoding, bytes, false)
    };
    check_text(decoded)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8], had_bom: bool) -> Decoded {
    let (text, replaced) = decode_counting(encoding, bytes);
    Decoded {
        text,
        encoding: encoding.name(),
        had_bom,
        replaced,
    }
}

/// Decodes without BOM sniffing and counts malformed sequences (encoding_rs only reports
/// whether there were any, so the replacement characters added are counted).
fn decode_counting(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let (cow, had_errors) = encoding.decode_without_bom_handling(bytes);
    let text = cow.into_owned();
    let replaced = if had_errors {
        let before = count_replacement_chars_in_source(encoding, bytes);
        text.matches('\u{FFFD}')
            .count()
            .saturating_sub(before)
            .max(1)
    } else {
        0
    };
    (text, replaced)
}

/// U+FFFD characters that were already in the source (legitimately encoded), so they are not
/// counted as decoding errors. Only UTF-8 can carry them among the encodings we meet.
fn count_replacement_chars_in_source(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    if encoding == UTF_8 {
        bytes.windows(3).filter(|w| w == b"\xEF\xBF\xBD").count()
    } else {
        0
    }
}

/// BOM-less UTF-16 shows up as NUL bytes in every other position for Latin *and* Arabic text
/// (Arabic code points are U+06xx: high byte 0x06, never NUL, so look at both halves).
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let (mut nul_even, mut nul_odd, mut arabic_even, mut arabic_odd) = (0, 0, 0, 0);
    for pair in bytes.chunks_exact(2) {
        nul_even += usize::from(pair[0] == 0);
        nul_odd += usize::from(pair[1] == 0);
        arabic_even += usize::from(pair[0] == 0x06);
        arabic_odd += usize::from(pair[1] == 0x06);
    }
    // High bytes are the ones that are 0x00 (Latin, spaces, digits) or 0x06 (Arabic).
    let high_odd = nul_odd + arabic_odd;
    let high_even = nul_even + arabic_even;
    let mostly = |n: usize| n * 10 >= pairs * 9;
    let candidate = if mostly(high_odd) && nul_even * 20 < pairs {
        UTF_16LE
    } else if mostly(high_even) && nul_odd * 20 < pairs {
        UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = candidate.decode_without_bom_handling(bytes);
    (!had_errors && control_per_mille(&text) <= MAX_CONTROL_PER_MILLE).then_some(candidate)
}

/// A file whose invalid UTF-8 is a few stray sequences among many valid multi-byte ones is
/// UTF-8 with damage, not a legacy code page.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut broken = 0usize;
    let mut multibyte = 0usize;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                multibyte += valid.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                multibyte += std::str::from_utf8(valid)
                    .map(|v| v.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                broken += 1;
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    let per_kib_limit = (bytes.len() / 1024 + 1) * MAX_BROKEN_UTF8_PER_KIB;
    broken <= per_kib_limit && multibyte >= broken * 8
}

fn control_per_mille(text: &str) -> usize {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
            control += 1;
        }
    }
    (control * 1000).checked_div(total).unwrap_or(0)
}

/// Rejects decoded "text" that is really binary or has nothing in it.
fn check_text(decoded: Decoded) -> Result<Decoded, SkipReason> {
    if decoded.text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    if decoded.text.contains('\0') {
        return Err(SkipReason::Binary("contains NUL characters".into()));
    }
    let per_mille = control_per_mille(&decoded.text);
    if per_mille > MAX_CONTROL_PER_MILLE {
        return Err(SkipReason::Binary(format!(
            "{:.1}% control characters",
            per_mille as f32 / 10.0
        )));
    }
    let chars = decoded.text.chars().count().max(1);
    if decoded.replaced * 20 > chars {
        return Err(SkipReason::Undecodable(format!(
            "{} malformed sequences as {}",
            decoded.replaced, decoded.encoding
        )));
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "وصل الرئيس إلى العاصمة باكو، في زيارة دولة تستغرق يومين.";

    #[test]
    fn utf8_plain_and_with_bom() {
        let d = decode(ARABIC.as_bytes()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.had_bom),
            (ARABIC, "UTF-8", false)
        );
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(ARABIC.as_bytes());
        let d = decode(&bom).unwrap();
        assert_eq!((d.text.as_str(), d.had_bom), (ARABIC, true));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        for (enc, bom) in [(UTF_16LE, &b"\xFF\xFE"[..]), (UTF_16BE, &b"\xFE\xFF"[..])] {
            let units: Vec<u8> = ARABIC
                .encode_utf16()
                .flat_map(|u| {
                    if enc == UTF_16LE {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    }
                })
                .collect();
            let with_bom = [bom, &units].concat();
            let d = decode(&with_bom).unwrap();
            assert_eq!(
                (d.text.as_str(), d.encoding, d.had_bom),
                (ARABIC, enc.name(), true)
            );
            let d = decode(&units).unwrap();
            assert_eq!(
                (d.text.as_str(), d.encoding, d.had_bom),
                (ARABIC, enc.name(), false)
            );
        }
    }

    #[test]
    fn windows_1256_is_detected() {
        let text = format!("{ARABIC}\n{ARABIC}\nقالت وزارة الخارجية إن المحادثات ستستمر.");
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&text);
        assert!(!unmappable);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "windows-1256");
        assert_eq!(d.text, text);
    }

    #[test]
    fn broken_utf8_in_the_middle_is_kept_with_a_warning() {
        let mut bytes = ARABIC.repeat(20).into_bytes();
        let mid = bytes.len() / 2;
        bytes.splice(mid..mid, [0xC3, 0x28, 0xFF]);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.replaced >= 1, "{d:?}");
        assert!(d.warning().unwrap().contains("replaced"));
        assert!(d.text.starts_with(ARABIC));
        assert!(d.text.ends_with(ARABIC));
    }

    #[test]
    fn binary_and_empty_are_rejected() {
        assert_eq!(decode(b""), Err(SkipReason::Empty));
        assert_eq!(decode(b" \n\r\n\t "), Err(SkipReason::Empty));
        assert!(matches!(
            decode(b"abc\0def ghi"),
            Err(SkipReason::Binary(_))
        ));
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 | 1)
            .collect();
        assert!(
            matches!(decode(&noise), Err(SkipReason::Binary(_))),
            "{:?}",
            decode(&noise).map(|d| d.encoding)
        );
    }

    #[test]
    fn legitimate_replacement_characters_are_not_errors() {
        let d = decode("a \u{FFFD} b".as_bytes()).unwrap();
        assert_eq!(d.replaced, 0);
    }
}
