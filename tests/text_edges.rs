//! Text edge cases from the hostile-input probe: stray NUL bytes in good text, every kind of
//! line end, and invisible format characters inside names.

use khabar::core::decode::decode;
use khabar::core::document::Document;
use khabar::core::error::SkipReason;
use khabar::core::segment::Segmenter;
use std::sync::LazyLock;

static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::default);

const HEADLINE: &str = "رئيس الوزراء يزور باكو";
const P1: &str = "وصل رئيس الوزراء اليوم إلى العاصمة باكو في زيارة رسمية تستغرق يومين، يبحث خلالها العلاقات الثنائية.";

fn document(bytes: &[u8]) -> Result<Document, SkipReason> {
    let decoded = decode(bytes)?;
    Ok(Document::new("a.txt".into(), None, decoded, &SEGMENTER))
}

// ---------------------------------------------------------------------------------------------
// NUL bytes

#[test]
fn a_few_nuls_in_an_arabic_article_are_replaced_and_reported() {
    // The shape the probe found: a good article, three NULs, the article again.
    let article = format!("{HEADLINE}\n\n{P1}\n");
    let bytes = [article.as_bytes(), b"\0\0\0", article.as_bytes()].concat();
    let doc = document(&bytes).expect("text with a few NULs loads");
    assert_eq!(doc.encoding, "UTF-8");
    let warning = doc.warning.as_deref().expect("a warning");
    assert!(warning.contains("NUL"), "{warning}");
    assert!(warning.starts_with('3'), "{warning}");
    assert!(!doc.text.contains('\0'));
    assert_eq!(
        doc.text,
        format!("{article}\u{FFFD}\u{FFFD}\u{FFFD}{article}")
    );
    let headline = doc.title(&doc.articles[0]).unwrap();
    assert_eq!(headline, HEADLINE);
    assert!(doc.articles[0].body.iter().any(|r| doc.slice(r) == P1));
}

#[test]
fn files_made_of_nuls_or_binary_stay_skipped() {
    assert!(matches!(document(&[0u8; 1000]), Err(SkipReason::Binary(_))));
    let mut sparse = Vec::new();
    for word in P1.split(' ') {
        sparse.extend_from_slice(word.as_bytes());
        sparse.extend_from_slice(b"\0\0 ");
    }
    assert!(matches!(document(&sparse), Err(SkipReason::Binary(_))));
}
