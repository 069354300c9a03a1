//! Turning a file's bytes into text: BOMs, UTF-8, UTF-16 and legacy Arabic code pages.
//!
//! Detection order: BOM → BOM-less UTF-16 (by the NUL pattern) → valid UTF-8 → mostly-UTF-8
//! with a few broken sequences → chardetng's guess (Windows-1256, ISO-8859-6…); then the
//! decoded text is checked for being binary (control characters, NULs beyond a few strays).

use crate::error::SkipReason;
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
    /// Number of places where decoding put a U+FFFD: malformed byte sequences, and stray
    /// NUL characters in otherwise good text (shown to the user).
    pub replaced: usize,
}

impl Decoded {
    /// A one-line, human-readable note about lossy decoding, if any.
    ///
    /// The count does not tell malformed sequences from NULs (`Decoded` is built field by
    /// field by the fuzz helpers, so it carries one counter), hence the wording names both.
    pub fn warning(&self) -> Option<String> {
        (self.replaced > 0).then(|| {
            format!(
                "{} malformed byte sequence(s) or NUL byte(s) replaced with \u{FFFD}",
                self.replaced
            )
        })
    }
}

/// Share of broken sequences up to which a file that is otherwise UTF-8 is still read as UTF-8.
const MAX_BROKEN_UTF8_PER_KIB: usize = 4;
/// Share (per mille) of control characters other than NUL above which decoded text is taken
/// for binary.
const MAX_CONTROL_PER_MILLE: usize = 5;
/// Share (per mille) of NUL characters up to which text that is otherwise clean is kept, the
/// NULs replaced by U+FFFD. A stray NUL is a scraper's or a transfer's glitch: a handful in a
/// file, as in a line padded with `\0\0\0`. Binaries are a different shape altogether:
/// executables, images, archives and databases are a tenth or more NUL bytes, and also fail
/// the control-character check. 2 % keeps three NULs in a two-line article (what such
/// glitches look like) and refuses "abc\0def" (one character in ten).
const MAX_NUL_PER_MILLE: usize = 20;

/// Decodes a file's bytes, or says why it cannot be read as text.
///
/// ```
/// use khabar_core::text::decode::decode;
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
    } else if let Some(per_mille) = nul_bytes_per_mille(bytes).filter(|&n| n > MAX_NUL_PER_MILLE) {
        // Past UTF-16, every encoding left maps a NUL byte to one NUL character, and a file
        // has no more characters than bytes: the text check would refuse this too, after
        // guessing an encoding for megabytes of binary.
        return Err(SkipReason::Binary(format!(
            "{:.1}% NUL bytes",
            per_mille as f32 / 10.0
        )));
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
    (!had_errors && Controls::of(&text).is_text()).then_some(candidate)
}

fn nul_bytes_per_mille(bytes: &[u8]) -> Option<usize> {
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    (nuls * 1000).checked_div(bytes.len())
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

/// Control characters in decoded text, NULs apart (see [`MAX_NUL_PER_MILLE`]).
#[derive(Debug, Clone, Copy)]
struct Controls {
    chars: usize,
    /// Control characters other than NUL and the whitespace ones.
    other: usize,
    nul: usize,
}

impl Controls {
    fn of(text: &str) -> Controls {
        let mut counts = Controls {
            chars: 0,
            other: 0,
            nul: 0,
        };
        for c in text.chars() {
            counts.chars += 1;
            if c == '\0' {
                counts.nul += 1;
            } else if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
                counts.other += 1;
            }
        }
        counts
    }

    fn per_mille(&self, n: usize) -> usize {
        (n * 1000).checked_div(self.chars).unwrap_or(0)
    }

    /// Text, perhaps with a few stray NULs, rather than binary data.
    fn is_text(&self) -> bool {
        self.why_binary().is_none()
    }

    fn why_binary(&self) -> Option<String> {
        let (other, nul) = (self.per_mille(self.other), self.per_mille(self.nul));
        if other > MAX_CONTROL_PER_MILLE {
            Some(format!("{:.1}% control characters", other as f32 / 10.0))
        } else if nul > MAX_NUL_PER_MILLE {
            Some(format!("{:.1}% NUL bytes", nul as f32 / 10.0))
        } else {
            None
        }
    }
}

/// Rejects decoded "text" that is really binary or has nothing in it, and replaces the few
/// NULs that text may hold (they would end strings in other tools and show as nothing).
fn check_text(mut decoded: Decoded) -> Result<Decoded, SkipReason> {
    if decoded.text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    let controls = Controls::of(&decoded.text);
    if let Some(why) = controls.why_binary() {
        return Err(SkipReason::Binary(why));
    }
    if controls.nul > 0 {
        decoded.text = decoded.text.replace('\0', "\u{FFFD}");
        decoded.replaced += controls.nul;
    }
    let chars = controls.chars.max(1);
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

    /// `text` with `\0\0\0` in the middle, as UTF-8 bytes.
    fn with_nuls(text: &str) -> Vec<u8> {
        let mid = text.char_indices().nth(text.chars().count() / 2).unwrap().0;
        [&text.as_bytes()[..mid], b"\0\0\0", &text.as_bytes()[mid..]].concat()
    }

    #[test]
    fn a_few_nuls_in_good_utf8_are_replaced_with_a_warning() {
        let text = format!("{ARABIC}\n\n{ARABIC}\n{ARABIC}");
        let d = decode(&with_nuls(&text)).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.replaced, 3);
        assert!(!d.text.contains('\0'));
        assert_eq!(d.text.replace("\u{FFFD}\u{FFFD}\u{FFFD}", ""), text);
        assert!(d.warning().unwrap().contains("NUL"), "{:?}", d.warning());
        // With a BOM too.
        let bom = [b"\xEF\xBB\xBF".as_slice(), &with_nuls(&text)].concat();
        assert_eq!(decode(&bom).unwrap().replaced, 3);
    }

    #[test]
    fn a_stray_nul_in_windows_1256_and_utf16_is_replaced() {
        let text = format!("{ARABIC}\n{ARABIC}\nقالت وزارة الخارجية إن المحادثات ستستمر.");
        let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(&text);
        let mut bytes = cp1256.into_owned();
        bytes.insert(bytes.len() / 2, 0);
        let d = decode(&bytes).unwrap();
        assert_eq!((d.encoding, d.replaced), ("windows-1256", 1));
        assert_eq!(d.text.replace('\u{FFFD}', ""), text);

        for big_endian in [false, true] {
            let mut units: Vec<u16> = text.encode_utf16().collect();
            units.insert(units.len() / 2, 0);
            let bytes: Vec<u8> = units
                .iter()
                .flat_map(|u| {
                    if big_endian {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect();
            let bom: &[u8] = if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" };
            for input in [bytes.clone(), [bom, &bytes].concat()] {
                let d = decode(&input).unwrap();
                let name = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
                assert_eq!((d.encoding, d.replaced), (name, 1), "BOM: {}", d.had_bom);
                assert_eq!(d.text.replace('\u{FFFD}', ""), text);
            }
        }
    }

    #[test]
    fn binaries_with_nuls_are_still_rejected() {
        // Mostly NULs, a little text.
        let mut padded = vec![0u8; 4096];
        padded.extend_from_slice(ARABIC.as_bytes());
        assert!(matches!(decode(&padded), Err(SkipReason::Binary(_))));
        // An executable's shape: header, zero padding, some strings.
        let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0".to_vec();
        for i in 0..200u32 {
            elf.extend_from_slice(&i.to_le_bytes());
            elf.extend_from_slice(b"GLIBC_2.2.5\0libc.so.6\0");
        }
        assert!(matches!(decode(&elf), Err(SkipReason::Binary(_))));
        // Random bytes, NULs included.
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(noise.contains(&0));
        assert!(matches!(decode(&noise), Err(SkipReason::Binary(_))));
        // Text with NULs as one character in ten is not text with a glitch.
        let dense: Vec<u8> = ARABIC
            .split(' ')
            .flat_map(|w| [w.as_bytes(), b"\0 "].concat())
            .collect();
        assert!(matches!(decode(&dense), Err(SkipReason::Binary(_))));
    }

    #[test]
    fn legitimate_replacement_characters_are_not_errors() {
        let d = decode("a \u{FFFD} b".as_bytes()).unwrap();
        assert_eq!(d.replaced, 0);
    }
}
