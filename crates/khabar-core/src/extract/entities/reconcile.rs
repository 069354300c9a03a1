//! One list of mentions from two witnesses: the rules (gazetteers, cue words, head nouns,
//! corpus propagation), written against a handful of outlets, and the tagger, learned from
//! annotated news of many. Each policy below was kept because the real-text dev set
//! (`tests/fixtures/real`) showed it helps without costing the seed gold (BENCHMARKS.md).

use crate::extract::entities::kind::Kind;
use crate::extract::entities::lexicon::{Lexicon, fold_phrase};
use crate::extract::entities::mention::Mention;
use crate::extract::entities::model_mentions::{ModelMention, has_non_name_word, trimmed};
use crate::text::normalize::is_arabic_letter;
use std::ops::Range;

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The mentions of one article (each first [`trimmed`] of words no name has at its edges):
/// - where both witnesses found a mention of the same kind, the longer span (the rules cut
///   Gulf names at their first definite word, «أحمد نواف» of «أحمد نواف الأحمد الصباح»);
///   but a gazetteer place stays as the gazetteer has it (the tagger runs adjacent places
///   together: «أرمينيا موسكو»);
/// - a person only the rules found survives when its name starts with a known first name
///   and holds no function word (the rules' guesses «على مواقع», «صالح فيما» do not);
///   every other mention only the rules found survives;
/// - a mention only the tagger found is added unless it is all Latin script (ANERcorp
///   holds almost none: the model's Latin guesses are noise);
/// - a mention only one witness found is dropped when it is written with nunation
///   (tanween: «دوراً» in «لعب دوراً محورياً»): names do not take it, common words do;
/// - then a person named by part of a longer name in the article is that person.
pub fn reconcile(
    text: &str,
    rules: Vec<Mention>,
    model: Vec<ModelMention>,
    lex: &Lexicon,
) -> Vec<Mention> {
    let nunated = |m: &Mention| {
        text.get(m.range.clone())
            .is_some_and(|s| s.contains(['\u{064B}', '\u{064C}', '\u{064D}']))
    };
    let rules: Vec<Mention> = rules
        .into_iter()
        .filter_map(|m| trimmed(text, m, lex))
        .collect();
    let mut model: Vec<ModelMention> = model
        .into_iter()
        .filter_map(|m| {
            Some(ModelMention {
                mention: trimmed(text, m.mention, lex)?,
                confidence: m.confidence,
            })
        })
        .collect();
    let mut kept: Vec<Mention> = Vec::with_capacity(rules.len() + model.len());
    for r in rules {
        let agreeing = model
            .iter()
            .position(|m| m.mention.kind == r.kind && overlaps(&m.mention.range, &r.range));
        match agreeing {
            Some(i) => {
                let gazetteer_place = r.kind == Kind::Place && r.key.starts_with("g:");
                // Two witnesses agree: the mention is as sure as the surer of them.
                let sure = r.confidence.max(model[i].mention.confidence);
                let model_longer = model[i].mention.range.len() > r.range.len();
                let rule_glued = has_non_name_word(&r.name);
                let mut chosen = if rule_glued || (!gazetteer_place && model_longer) {
                    model.remove(i).mention
                } else {
                    r
                };
                chosen.confidence = sure;
                kept.push(chosen);
            }
            None if nunated(&r) => {}
            None if r.kind == Kind::Person && !r.key.starts_with("g:") => {
                if strong_person(&r, lex) {
                    kept.push(r);
                }
            }
            None => kept.push(r),
        }
    }
    for m in model {
        let latin_only = !m.mention.name.chars().any(is_arabic_letter);
        if !latin_only
            && !nunated(&m.mention)
            && !kept.iter().any(|r| overlaps(&r.range, &m.mention.range))
        {
            kept.push(m.mention);
        }
    }
    kept.sort_by_key(|m| m.range.start);
    merge_partial_names(&mut kept);
    kept
}

/// A person the rules found alone is believed if the name starts with a known first name,
/// has two words or more, and holds no function word.
fn strong_person(r: &Mention, lex: &Lexicon) -> bool {
    let folded = fold_phrase(&r.name);
    let words: Vec<&str> = folded.split(' ').collect();
    words.len() >= 2 && lex.first_names.contains(words[0]) && !has_non_name_word(&r.name)
}

/// Within an article, a person named by part of a longer name given there («شكري» beside
/// «سامح شكري», «عبد الحميد» beside «عبد الحميد الدبيبة») is that person: the part must
/// be the longer name's first or last words, and only one person may fit.
pub fn merge_partial_names(mentions: &mut [Mention]) {
    let words: Vec<Vec<String>> = mentions
        .iter()
        .map(|m| {
            fold_phrase(&m.name)
                .split(' ')
                .map(|w| w.strip_prefix("ال").unwrap_or(w).to_owned())
                .collect()
        })
        .collect();
    let mut renames: Vec<(usize, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != Kind::Person {
            continue;
        }
        let part = &words[i];
        let fits: Vec<usize> = (0..mentions.len())
            .filter(|&j| {
                let whole = &words[j];
                mentions[j].kind == Kind::Person
                    && whole.len() > part.len()
                    && (whole.starts_with(part) || whole.ends_with(part))
            })
            .collect();
        let Some(&first) = fits.first() else { continue };
        if fits.iter().all(|&j| mentions[j].key == mentions[first].key) {
            let longest = fits
                .iter()
                .copied()
                .max_by_key(|&j| (mentions[j].name.len(), std::cmp::Reverse(j)))
                .unwrap_or(first);
            renames.push((i, longest));
        }
    }
    for (i, j) in renames {
        mentions[i].key = mentions[j].key.clone();
        mentions[i].name = mentions[j].name.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(range: Range<usize>, kind: Kind, key: &str, name: &str) -> Mention {
        Mention {
            range,
            kind,
            key: key.into(),
            name: name.into(),
            confidence: 700,
        }
    }

    #[test]
    fn a_surname_alone_is_the_one_person_whose_name_ends_with_it() {
        let mut all = vec![
            m(0..20, Kind::Person, "p:sameh", "سامح شكري"),
            m(30..38, Kind::Person, "p:shoukry", "شكري"),
            m(40..60, Kind::Person, "p:ahmed-ali", "أحمد علي"),
            m(70..90, Kind::Person, "p:khaled-ali", "خالد علي"),
            m(95..100, Kind::Person, "p:ali", "علي"),
        ];
        merge_partial_names(&mut all);
        assert_eq!(all[1].key, "p:sameh");
        assert_eq!(all[1].name, "سامح شكري");
        assert_eq!(all[4].key, "p:ali", "two people end with علي: left alone");
    }

    #[test]
    fn longer_agreeing_spans_win_and_lone_rule_guesses_need_a_first_name() {
        let lex = Lexicon::load();
        let rules = vec![
            m(0..10, Kind::Person, "p:a", "أحمد نواف"),
            m(20..30, Kind::Person, "p:b", "على مواقع"),
            m(40..50, Kind::Place, "g:1", "أرمينيا"),
        ];
        let model = vec![
            ModelMention {
                mention: m(0..25 - 5, Kind::Person, "p:long", "أحمد نواف الأحمد الصباح"),
                confidence: 0.9,
            },
            ModelMention {
                mention: m(40..60, Kind::Place, "l:x", "أرمينيا موسكو"),
                confidence: 0.9,
            },
            ModelMention {
                mention: m(70..80, Kind::Org, "o:x", "September"),
                confidence: 0.9,
            },
        ];
        let text = "x".repeat(100);
        let out = reconcile(&text, rules, model, &lex);
        let names: Vec<&str> = out.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["أحمد نواف الأحمد الصباح", "أرمينيا"]);
        // A common word that a gazetteer lists, written with tanween, is no place.
        let text = "لعب دوراً محورياً";
        let role = text.find("دوراً").unwrap();
        let rules = vec![m(role..role + "دوراً".len(), Kind::Place, "g:9", "دورا")];
        assert!(reconcile(text, rules, Vec::new(), &lex).is_empty());
    }
}
