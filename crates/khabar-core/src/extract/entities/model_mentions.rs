//! Mentions from the tagger: its BIO spans over an article's blocks, trimmed of function
//! words, without proclitics, keyed like the rules' mentions so that both meet in one
//! entity, each with the model's confidence.

use crate::extract::entities::kind::Kind;
use crate::extract::entities::lexicon::{Lexicon, fold_phrase};
use crate::extract::entities::mention::{Mention, confidence};
use crate::extract::entities::recognizer::FUNCTION_WORDS;
use crate::extract::entities::skeleton::{phrase_skeleton, skeleton};
use crate::extract::entities::tagger::Tagger;
use crate::extract::entities::tagger::conll::spans;
use crate::extract::entities::tagger::form_memo::FormMemo;
use crate::text::normalize::is_format_char;
use crate::text::words::{Word, stems, words};
use std::ops::Range;

/// A mention the tagger found, with the probability of its least certain word.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelMention {
    pub mention: Mention,
    pub confidence: f32,
}

/// Quantifiers, superlatives and other words that begin phrases, not names («أكثر», «أكبر»,
/// «أحد»): a span is never allowed to start or end with one.
const NOT_NAME_EDGES: &[&str] = &[
    "اكثر",
    "اكبر",
    "اقل",
    "احد",
    "اشهر",
    "ابرز",
    "اهم",
    "اول",
    "اخر",
    "كافه",
    "جميع",
    "عده",
    "نحو",
    "حوالي",
    "قرابه",
    "مسافه",
    "جانب",
    "نفس",
    "ذات",
    "مختلف",
    "بعض",
    "كل",
    "معظم",
    "غالبيه",
    "فيما",
    "بينما",
    "حين",
    "حيث",
    "اضافه",
    "خاصه",
    "عامه",
    "رئيس",
    "وزير",
    // Currencies and numbers: «ريال» after an amount is not the club.
    "ريال",
    "ريالا",
    "دولار",
    "دولارا",
    "يورو",
    "دينار",
    "دينارا",
    "درهم",
    "درهما",
    "جنيه",
    "جنيها",
    "ليره",
    "مليون",
    "مليار",
    "الف",
    "ملايين",
    "مليارات",
    "الاف",
];

fn is_edge_word(folded: &str) -> bool {
    FUNCTION_WORDS.contains(&folded) || NOT_NAME_EDGES.contains(&folded)
}

/// Whether a name holds a word no name holds: a function word, a quantifier, a currency
/// («صالح فيما», «على مواقع»). «على»/«إلى» count only when written with ى: «علي» is a name.
pub fn has_non_name_word(name: &str) -> bool {
    words(name, 0..name.len())
        .iter()
        .any(|w| match w.folded.as_str() {
            "علي" | "الي" => name[w.range.clone()].ends_with('ى'),
            f => is_edge_word(f),
        })
}

/// The tagger's mentions in the given ranges of `text` (an article's headline and
/// paragraphs), tagged together so that the second stage sees the whole article.
pub fn model_mentions(
    tagger: &Tagger,
    text: &str,
    ranges: &[Range<usize>],
    lex: &Lexicon,
    memo: &mut FormMemo,
) -> Vec<ModelMention> {
    let blocks: Vec<Vec<Word>> = ranges.iter().map(|r| words(text, r.clone())).collect();
    let refs: Vec<&[Word]> = blocks.iter().map(Vec::as_slice).collect();
    let tagged = tagger.tag_document(&refs, lex, memo);
    let mut out = Vec::new();
    for (w, t) in blocks.iter().zip(&tagged) {
        for (mut s, mut e, class) in spans(&t.labels) {
            let Some(kind) = class.kind() else { continue };
            while s < e && edge(text, &w[s], lex) {
                s += 1;
            }
            while e > s && edge(text, &w[e - 1], lex) {
                e -= 1;
            }
            if s == e || w[s..e].iter().any(|x| x.in_link) {
                continue;
            }
            let confidence = t.confidence[s..e].iter().copied().fold(1.0, f32::min);
            let mut mention = mention(text, &w[s..e], kind, lex);
            mention.confidence = confidence::from_probability(confidence);
            out.push(ModelMention {
                mention,
                confidence,
            });
        }
    }
    out
}

/// Whether a word at a span's edge is a function word or quantifier in any reading. The
/// prepositions «على» and «إلى» fold to the names «علي» and «إلي»: written with ى they are
/// prepositions; written with ي the model's reading stands.
fn edge(text: &str, w: &Word, lex: &Lexicon) -> bool {
    let spelled_as_preposition = text[w.range.clone()].ends_with('ى');
    std::iter::once(w.folded.clone())
        .chain(stems(text, w).into_iter().skip(1).map(|s| s.folded))
        .any(|f| match f.as_str() {
            "علي" | "الي" => spelled_as_preposition,
            f => is_edge_word(f) || lex.titles.contains(f) || lex.speech_verbs.contains(f),
        })
}

/// Where the name starts in its first word: after و/ف and ب/ل/ك only when what is left is
/// definite («وبالقاهرة» → «القاهرة») or a name our lists know («ولبنان» → «لبنان»); a
/// name that merely begins with one of those letters («بيروت», «فلسطين») keeps it.
fn name_start(text: &str, first: &Word, lex: &Lexicon) -> usize {
    let known = |f: &str| {
        lex.aliases.contains_key(f) || lex.first_names.contains(f) || lex.first_words.contains(f)
    };
    if known(&first.folded) {
        return first.range.start;
    }
    stems(text, first)
        .into_iter()
        .skip(1)
        .rev()
        .find(|s| s.folded.starts_with("ال") || known(&s.folded))
        .map_or(first.range.start, |s| s.start)
}

fn mention(text: &str, w: &[Word], kind: Kind, lex: &Lexicon) -> Mention {
    let start = name_start(text, &w[0], lex);
    let end = w[w.len() - 1].range.end;
    let mut name = text[start..end].to_owned();
    name.retain(|c| !is_format_char(c));
    let folded = fold_phrase(&name);
    if let Some(&id) = lex.aliases.get(&folded)
        && lex.entries[id].kind == kind
    {
        return Mention {
            range: start..end,
            kind,
            key: format!("g:{id}"),
            name: lex.entries[id].canonical.clone(),
            confidence: 0,
        };
    }
    let key = match kind {
        Kind::Person => format!(
            "p:{}",
            folded
                .split(' ')
                .map(skeleton)
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Kind::Org => format!("o:{}", phrase_skeleton(&name)),
        Kind::Place => format!("l:{}", phrase_skeleton(&name)),
    };
    Mention {
        range: start..end,
        kind,
        key,
        name,
        confidence: 0,
    }
}
