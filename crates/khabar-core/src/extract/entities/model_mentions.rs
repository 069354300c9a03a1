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
use crate::extract::entities::tagger::label::Class;
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
        for (mut s, mut e, class) in person_spans(text, w, spans(&t.labels), lex) {
            let Some(kind) = class.kind() else { continue };
            s = after_title(w, s, e, lex);
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

/// `m` without the words no name has at its edges, whoever found it: a title at the end
/// («مجلس النواب المستشار»: the title begins the next person's mention), and at the start of a
/// person's name a noun carrying a possessive pronoun («ولايته», «حكومته»: "his term") or a
/// verbal noun of the pattern إفعال («إيقاف», «إعلان»). `None` if only a head noun is left; `m` itself
/// if nothing changes; gazetteer mentions are left as the gazetteer has them.
pub fn trimmed(text: &str, m: Mention, lex: &Lexicon) -> Option<Mention> {
    if m.key.starts_with("g:") {
        return Some(m);
    }
    let w = words(text, m.range.clone());
    let (mut s, mut e) = (0, w.len());
    let head = |f: &str| lex.org_heads.contains(f) || lex.place_heads.contains(f);
    let is_head = |w: &Word| stems(text, w).iter().any(|r| head(&r.folded));
    // After a first name a title word is a surname («إبراهيم القاضي»); after a head noun,
    // the person a place is named after («جامعة الملك …»).
    while e > s + 2
        && !lex.first_names.contains(&w[e - 2].folded)
        && !is_head(&w[e - 2])
        && stems(text, &w[e - 1])
            .iter()
            .any(|r| lex.titles.contains(&r.folded))
    {
        e -= 1;
    }
    if m.kind == Kind::Person {
        while s + 1 < e
            && !lex.first_names.contains(&w[s].folded)
            && not_a_name_start(&text[w[s].range.clone()])
        {
            s += 1;
        }
    }
    // A head noun alone («جامعة», «رئاسة») names nothing.
    if e - s == 1 && is_head(&w[s]) {
        return None;
    }
    if (s, e) == (0, w.len()) {
        return Some(m);
    }
    let mut out = mention(text, &w[s..e], m.kind, lex);
    out.confidence = m.confidence;
    Some(out)
}

/// A noun with a possessive pronoun after the feminine ت («ولايته», «حكومتها»), or a verbal
/// noun إفعال: words that stand before a name, never begin one.
fn not_a_name_start(word: &str) -> bool {
    let letters: String = word
        .chars()
        .filter(|c| crate::text::normalize::is_arabic_letter(*c))
        .collect();
    let n = letters.chars().count();
    let possessive = ["ته", "تها", "تهم", "تهما"]
        .iter()
        .any(|suffix| letters.ends_with(suffix));
    let masdar = n == 5 && letters.starts_with('إ') && letters.chars().nth(3) == Some('ا');
    possessive && n >= 5 || masdar
}

/// The spans with person names put right: two person spans side by side with no pause
/// between are one name (the tagger restarted inside a long Gulf name: «أحمد نواف | الأحمد
/// الصباح»), and a person span is cut before a later word that is «و» + a first name (two
/// people joined by «و»: «حسين عبدالغني وحسن»).
fn person_spans(
    text: &str,
    w: &[Word],
    spans: Vec<(usize, usize, Class)>,
    lex: &Lexicon,
) -> Vec<(usize, usize, Class)> {
    let mut joined: Vec<(usize, usize, Class)> = Vec::with_capacity(spans.len());
    for (s, e, class) in spans {
        match joined.last_mut() {
            Some((_, pe, Class::Pers))
                if class == Class::Pers && *pe == s && !w[s - 1].break_after =>
            {
                *pe = e
            }
            _ => joined.push((s, e, class)),
        }
    }
    let mut out = Vec::with_capacity(joined.len());
    for (s, e, class) in joined {
        let mut start = s;
        if class == Class::Pers {
            for (k, word) in w.iter().enumerate().take(e).skip(s + 1) {
                if k > start && joins_another_person(text, word, lex) {
                    out.push((start, k, class));
                    start = k;
                }
            }
        }
        out.push((start, e, class));
    }
    out
}

/// «و» + a first name, where the word itself is not a name («وحسن», not «وليد»).
fn joins_another_person(text: &str, w: &Word, lex: &Lexicon) -> bool {
    w.folded.starts_with('و')
        && !lex.first_names.contains(&w.folded)
        && stems(text, w).get(1).is_some_and(|s| {
            s.folded.starts_with(|c| c != 'و') && lex.first_names.contains(&s.folded)
        })
}

/// Where a span starts once a title that began before it or at its start is left out
/// («خادم | الحرمين الشريفين …»: the tagger's span began inside the title).
fn after_title(w: &[Word], s: usize, e: usize, lex: &Lexicon) -> usize {
    let max = lex.max_title_words.max(1);
    let mut start = s;
    let mut key = String::new();
    for t in s.saturating_sub(max - 1)..=s {
        for end in (start + 1..=(t + max).min(e)).rev() {
            if end - t < 2 || w[t..end - 1].iter().any(|x| x.break_after) {
                continue;
            }
            key.clear();
            for (k, x) in w[t..end].iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(&x.folded);
            }
            if lex.titles.contains(key.as_str()) {
                start = end;
                break;
            }
        }
    }
    start
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_spans_side_by_side_join_and_split_at_wa_and_a_first_name() {
        let lex = Lexicon::load();
        let text = "استقبل ماجد سالم الحربي وخالد، وليد سالم";
        let w = words(text, 0..text.len());
        let pers = |s, e| (s, e, Class::Pers);
        // The tagger restarted inside one name, and ran on into «و» + the next person.
        assert_eq!(
            person_spans(text, &w, vec![pers(1, 3), pers(3, 5)], &lex),
            [pers(1, 4), pers(4, 5)]
        );
        // A pause between two spans keeps them apart; «وليد» is a name, not «و» + «ليد».
        assert_eq!(
            person_spans(text, &w, vec![pers(3, 5), pers(5, 7)], &lex),
            [pers(3, 4), pers(4, 5), pers(5, 7)]
        );
    }

    #[test]
    fn a_span_that_began_inside_a_title_starts_after_it() {
        let lex = Lexicon::load();
        let text = "قال خادم الحرمين الشريفين سلمان";
        let w = words(text, 0..text.len());
        assert_eq!(after_title(&w, 2, 5, &lex), 4);
        assert_eq!(after_title(&w, 2, 4, &lex), 4, "all title: nothing left");
        assert_eq!(after_title(&w, 4, 5, &lex), 4);
    }

    /// A mention over `text[range]` of `kind`, as a witness would give it.
    fn over(text: &str, part: &str, kind: Kind) -> Mention {
        let start = text.find(part).unwrap();
        let lex = Lexicon::load();
        let w = words(text, start..start + part.len());
        mention(text, &w, kind, &lex)
    }

    #[test]
    fn mentions_lose_the_words_no_name_has_at_their_edges() {
        let lex = Lexicon::load();
        // (text, the mention found, its kind, what is left of it)
        let cases = [
            // A possessive noun and a verbal noun إفعال before a person's name.
            (
                "طوال ولايته سالم الكعبي أعلن",
                "ولايته سالم الكعبي",
                Kind::Person,
                Some("سالم الكعبي"),
            ),
            (
                "قرر إيقاف ماجد الحربي",
                "إيقاف ماجد الحربي",
                Kind::Person,
                Some("ماجد الحربي"),
            ),
            // «إيهاب» has the shape of إفعال but is a first name.
            (
                "قال إيهاب سالم",
                "إيهاب سالم",
                Kind::Person,
                Some("إيهاب سالم"),
            ),
            // A title closing an organisation's name begins the next person's …
            (
                "أعلن مجلس النواب المستشار سالم",
                "مجلس النواب المستشار",
                Kind::Org,
                Some("مجلس النواب"),
            ),
            // … but not after a head noun or a first name: named after someone, or a surname.
            (
                "في جامعة الملك وشركة",
                "جامعة الملك",
                Kind::Org,
                Some("جامعة الملك"),
            ),
            (
                "شركة إبراهيم القاضي",
                "إبراهيم القاضي",
                Kind::Person,
                Some("إبراهيم القاضي"),
            ),
            // A head noun alone names nothing.
            ("زار الجامعة أمس", "الجامعة", Kind::Org, None),
        ];
        for (text, part, kind, left) in cases {
            let got = trimmed(text, over(text, part, kind), &lex).map(|m| text[m.range].to_owned());
            assert_eq!(got.as_deref(), left, "{part}");
        }
    }
}
