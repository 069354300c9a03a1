//! Extraction over scrambled text never panics, and every mention is a valid span of it.

use khabar_core::extract::annotations::annotate;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::text::decode::decode;
use khabar_core::text::document::Document;
use khabar_core::text::segment::Segmenter;

/// Pieces that exercise the rules: titles, heads, clitics, names, punctuation, digits, links.
const PIECES: &[&str] = &[
    "الرئيس",
    "وزير الخارجية",
    "المتحدث باسم",
    "وكالة",
    "أنباء",
    "للأنباء",
    "وزارة",
    "الدفاع",
    "الروسية",
    "الأرمن",
    "منطقة",
    "قرية",
    "جمهورية",
    "محافظة",
    "قال",
    "وقال",
    "أكد",
    "إن",
    "على",
    "علي",
    "محمد",
    "بن",
    "فلاديمير",
    "بوتين",
    "باشينيان",
    "وباكو",
    "لموسكو",
    "للكرملين",
    "قره",
    "باغ",
    "ناغورني",
    "—",
    "(@user)",
    "(",
    ")",
    "«",
    "»",
    "\"",
    "،",
    ".",
    ":",
    "؟",
    "2024",
    "٢٠٢٤",
    "18-8-2024",
    "https://x.com/a",
    "pic.twitter.com/x",
    "Russia",
    "AFP",
    "ـ",
    "َ",
    "\u{200f}",
    "\u{a0}",
    "\n",
    " ",
    "  ",
    "بها",
    "معترف",
    "الاشتراكية",
    "السوفياتية",
];

#[test]
fn scrambled_text_never_breaks_extraction() {
    let lexicon = Lexicon::load();
    let segmenter = Segmenter::default();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let documents: Vec<Document> = (0..300)
        .map(|n| {
            let len = 5 + (next() % 120) as usize;
            let text: Vec<&str> = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let mut text = text.join(if n % 3 == 0 { "" } else { " " });
            text.push('.');
            Document::new(
                format!("{n}.txt"),
                None,
                decode(text.as_bytes()).unwrap(),
                &segmenter,
            )
        })
        .collect();
    let annotations = annotate(&documents, &lexicon);
    for (doc, articles) in documents.iter().zip(&annotations.entities) {
        for entity in articles.iter().flatten() {
            for m in &entity.mentions {
                assert!(
                    m.start < m.end && doc.text.get(m.clone()).is_some(),
                    "{:?} in {:?}",
                    m,
                    doc.text
                );
            }
        }
    }
}
