//! Arbitrary bytes → `decode`: never panics; what it returns is text Khabar can index, and
//! valid input comes back unchanged.
#![no_main]

use khabar_core::text::decode::decode;
use khabar_core::error::SkipReason;
use libfuzzer_sys::fuzz_target;

/// Printable text: no control characters other than line breaks and tabs.
fn printable(s: &str) -> bool {
    !s.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}'))
}

fn utf16_units(bytes: &[u8], big_endian: bool) -> Vec<u16> {
    bytes
        .chunks_exact(2)
        .map(|p| {
            if big_endian {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let result = decode(data);
    let Ok(d) = &result else {
        // Rejections are reasons, never a panic; an empty file is always `Empty`.
        if data.is_empty() {
            assert_eq!(result, Err(SkipReason::Empty));
        }
        if let Ok(s) = std::str::from_utf8(data) {
            let s = s.strip_prefix('\u{FEFF}').unwrap_or(s);
            // Valid, printable, non-blank UTF-8 is never refused.
            assert!(
                s.trim().is_empty() || !printable(s),
                "valid printable UTF-8 refused: {result:?}"
            );
        }
        return;
    };
    // `String` guarantees UTF-8; the contract adds: no NUL, not blank, BOM removed.
    assert!(!d.text.contains('\0'), "decoded text has NUL");
    assert!(!d.text.trim().is_empty(), "decoded text is blank");
    assert_eq!(d.replaced > 0, d.warning().is_some());
    assert!(d.replaced * 20 <= d.text.chars().count().max(1));
    let bom = encoding_bom(data);
    assert_eq!(
        d.had_bom,
        bom.is_some(),
        "had_bom for {:?}",
        &data[..data.len().min(4)]
    );
    let body = &data[bom.map_or(0, |(_, n)| n)..];
    if let Ok(s) = std::str::from_utf8(data)
        && printable(s)
    {
        // Valid printable UTF-8 (with or without its BOM) is read as UTF-8, byte for byte.
        // (Control bytes could make it BOM-less UTF-16: "a\0b\0" is "ab".)
        let expected = s.strip_prefix('\u{FEFF}').unwrap_or(s);
        assert_eq!(d.encoding, "UTF-8", "valid UTF-8 read as {}", d.encoding);
        assert_eq!(d.text, expected, "valid UTF-8 changed by decoding");
        assert_eq!(d.replaced, 0);
    }
    if d.replaced == 0 {
        // Nothing replaced means nothing lost: the text encodes back to the bytes read.
        match d.encoding {
            "UTF-8" => assert_eq!(d.text.as_bytes(), body, "lossless UTF-8"),
            "UTF-16LE" | "UTF-16BE" => {
                let units: Vec<u16> = d.text.encode_utf16().collect();
                assert_eq!(
                    units,
                    utf16_units(body, d.encoding == "UTF-16BE"),
                    "lossless UTF-16"
                );
                assert!(body.len().is_multiple_of(2));
            }
            _ => {}
        }
    } else {
        assert!(
            d.text.contains('\u{FFFD}'),
            "{} replacements but no U+FFFD",
            d.replaced
        );
    }
});

/// The encoding a BOM at the start names, and the BOM's length.
fn encoding_bom(data: &[u8]) -> Option<(&'static str, usize)> {
    if data.starts_with(b"\xEF\xBB\xBF") {
        Some(("UTF-8", 3))
    } else if data.starts_with(b"\xFF\xFE") {
        Some(("UTF-16LE", 2))
    } else if data.starts_with(b"\xFE\xFF") {
        Some(("UTF-16BE", 2))
    } else {
        None
    }
}
