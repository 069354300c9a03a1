//! One article being written: the names its entities become, its random stream, its lines,
//! and the parts it is assembled from (headline, body runs, dateline).

use super::digits::push_shifted;
use super::seeds::{Seeds, Source, Template, is_prose};
use crate::extract::entities::Kind;
use fastrand::Rng;

/// What an entity of the seeds becomes in one article.
#[derive(Debug, Clone)]
pub(super) enum Replacement {
    Keep,
    Name(String),
}

/// The state of one article being written.
pub(super) struct Draft<'s> {
    pub(super) seeds: &'s Seeds,
    pub(super) rng: Rng,
    pub(super) offset: i32,
    pub(super) names: Vec<(usize, Replacement)>,
    pub(super) lines: Vec<String>,
}

impl Draft<'_> {
    pub(super) fn replacement(&mut self, entity: usize) -> Replacement {
        if let Some((_, r)) = self.names.iter().find(|(e, _)| *e == entity) {
            return r.clone();
        }
        let seeds = self.seeds;
        let rng = &mut self.rng;
        let pick = |rng: &mut Rng, list: &[String]| list[rng.usize(..list.len())].clone();
        let r = if rng.f32() < 0.4 {
            Replacement::Keep
        } else {
            Replacement::Name(match seeds.entities[entity].kind {
                Kind::Place => pick(rng, &seeds.places),
                Kind::Org => pick(rng, &seeds.orgs),
                Kind::Person => {
                    let first = pick(rng, &seeds.first_names);
                    let last = if rng.bool() {
                        pick(rng, &seeds.surnames)
                    } else {
                        // Arabic names: given name and father's name.
                        let mut name = pick(rng, &seeds.first_names);
                        while name.contains(' ') {
                            name = pick(rng, &seeds.first_names);
                        }
                        name
                    };
                    format!("{first} {last}")
                }
            })
        };
        self.names.push((entity, r.clone()));
        r
    }

    /// The template with names replaced and years shifted.
    pub(super) fn render(&mut self, template: &Template) -> String {
        let mut out = String::with_capacity(template.text.len() + 32);
        let mut at = 0;
        for slot in &template.slots {
            push_shifted(&mut out, &template.text[at..slot.range.start], self.offset);
            let original = &template.text[slot.range.clone()];
            match self.replacement(slot.entity) {
                Replacement::Keep => out.push_str(original),
                Replacement::Name(name) => {
                    let name = if slot.surname_only {
                        name.rsplit(' ').next().unwrap_or(&name).to_owned()
                    } else {
                        name
                    };
                    // ل before ال: للرياض, not لالرياض.
                    match name.strip_prefix("ال") {
                        Some(rest) if out.ends_with('ل') => {
                            out.push('ل');
                            out.push_str(rest);
                        }
                        _ => out.push_str(&name),
                    }
                }
            }
            at = slot.range.end;
        }
        push_shifted(&mut out, &template.text[at..], self.offset);
        out
    }

    pub(super) fn push(&mut self, template: &Template) {
        let line = self.render(template);
        self.lines.push(line);
    }

    pub(super) fn chance(&mut self, p: f32) -> bool {
        self.rng.f32() < p
    }

    pub(super) fn headline(&mut self) {
        let seeds = self.seeds;
        let h = self.rng.usize(..seeds.headlines.len());
        self.push(&seeds.headlines[h]);
    }

    /// A run of paragraphs of `source` starting at running text; returns their numbers.
    pub(super) fn body(&mut self, source: &Source, min: usize, max: usize) -> Vec<usize> {
        let seeds = self.seeds;
        let start = source.prose[self.rng.usize(..source.prose.len())];
        let len = self
            .rng
            .usize(min..=max)
            .min(source.paragraphs.len() - start);
        let mut chosen: Vec<usize> = source.paragraphs[start..start + len].to_vec();
        // Too short a run, or now and then: a paragraph of another article.
        while chosen.len() < min
            || chosen
                .iter()
                .filter(|&&p| is_prose(&seeds.paragraphs[p].text))
                .count()
                < 2
            || self.chance(0.15) && chosen.len() < max
        {
            let other = &seeds.sources[self.rng.usize(..seeds.sources.len())];
            let p = other.paragraphs[other.prose[self.rng.usize(..other.prose.len())]];
            let at = self.rng.usize(1..=chosen.len().max(1)).min(chosen.len());
            chosen.insert(at, p);
        }
        chosen
    }

    pub(super) fn dateline(&mut self, year: i32) {
        let month = self.rng.usize(1..=12);
        let day = self.rng.usize(1..=28);
        let (hour, minute, second) = (self.rng.u8(0..24), self.rng.u8(0..60), self.rng.u8(0..60));
        let names = &self.seeds.months[month - 1];
        let month_name = if names.is_empty() {
            month.to_string()
        } else {
            names[self.rng.usize(..names.len())].clone()
        };
        let line = match self.rng.u8(0..4) {
            0 => format!("{day}-{month}-{year} | {hour:02}:{minute:02}"),
            1 => format!("تاريخ النشر: {day} {month_name} {year}"),
            2 => format!("{year}-{month:02}-{day:02}@{hour:02}:{minute:02}:{second:02} GMT"),
            _ => format!("نشر في: {day} {month_name} {year} - {hour:02}:{minute:02}"),
        };
        self.lines.push(line);
    }
}
