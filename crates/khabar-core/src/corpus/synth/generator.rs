//! The generator: article `i` of a corpus from the seeds and the corpus seed alone, and the
//! parallel writing of a corpus into folders.

use super::digits::arabic_indic_digits;
use super::draft::Draft;
use super::files::{FILES_PER_FOLDER, SynthError, relative_path};
use super::seeds::Seeds;
use fastrand::Rng;
use std::path::Path;

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthArticle {
    /// The file's text (UTF-8, lines separated by `\n`, ending with one).
    pub text: String,
    /// Years of the seed text are moved by this much (never 0).
    pub year_offset: i32,
    /// The seed paragraphs of the main article's body, in order ([`Seeds::paragraphs`]).
    pub paragraphs: Vec<usize>,
    /// Western digits were written as Arabic-Indic ones.
    pub arabic_indic: bool,
}

/// What [`Generator::write_to`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Written {
    pub files: u64,
    pub folders: u64,
    pub bytes: u64,
}

/// Makes articles from [`Seeds`] for one seed.
#[derive(Debug, Clone)]
pub struct Generator {
    seeds: Seeds,
    seed: u64,
}

impl Generator {
    pub fn new(seeds: Seeds, seed: u64) -> Generator {
        Generator { seeds, seed }
    }

    pub fn seeds(&self) -> &Seeds {
        &self.seeds
    }

    /// Article number `index` of the corpus (the same whatever else is generated).
    pub fn article(&self, index: u64) -> SynthArticle {
        let seeds = &self.seeds;
        // Each article has its own stream: the corpus seed and the article's number.
        let mut rng = Rng::with_seed(self.seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let year_offset = if rng.f32() < 0.1 {
            rng.i32(1..=2)
        } else {
            -rng.i32(1..=20)
        };
        let arabic_indic = rng.f32() < 0.15;
        let blank_lines = rng.f32() < 0.8;
        let mut d = Draft {
            seeds,
            rng,
            offset: year_offset,
            names: Vec::new(),
            lines: Vec::new(),
        };
        let source = &seeds.sources[d.rng.usize(..seeds.sources.len())];
        if !seeds.leads.is_empty() && d.chance(0.3) {
            let lead = &seeds.leads[d.rng.usize(..seeds.leads.len())];
            for line in lead {
                d.push(line);
            }
        }
        d.headline();
        if let Some(year) = source.year
            && d.chance(0.65)
        {
            d.dateline(year + year_offset);
        }
        let paragraphs = d.body(source, 3, 12);
        let link_at = (!seeds.read_also.is_empty() && d.chance(0.1))
            .then(|| d.rng.usize(1..paragraphs.len()));
        for (i, &p) in paragraphs.iter().enumerate() {
            if link_at == Some(i) {
                // An inline link to another article: "إقرأ أيضاً: headline".
                let marker = seeds.read_also[d.rng.usize(..seeds.read_also.len())].clone();
                let h = d.rng.usize(..seeds.headlines.len());
                let headline = d.render(&seeds.headlines[h]);
                d.lines.push(format!("{marker} {headline}"));
            }
            d.push(&seeds.paragraphs[p]);
        }
        if !seeds.tails.is_empty() && d.chance(0.55) {
            let tail = &seeds.tails[d.rng.usize(..seeds.tails.len())];
            for line in &tail.lines {
                d.push(line);
            }
            if tail.before_appended && d.chance(0.5) {
                d.headline();
                let other = &seeds.sources[d.rng.usize(..seeds.sources.len())];
                for p in d.body(other, 2, 5) {
                    d.push(&seeds.paragraphs[p]);
                }
            }
        }
        let mut text = d.lines.join(if blank_lines { "\n\n" } else { "\n" });
        text.push('\n');
        if arabic_indic {
            text = arabic_indic_digits(&text);
        }
        SynthArticle {
            text,
            year_offset,
            paragraphs,
            arabic_indic,
        }
    }

    /// Writes articles `0..count` under `dir` (created; it must not hold files yet), at
    /// [`relative_path`]`(i, count)`, in parallel. The same seed writes the same bytes.
    pub fn write_to(&self, dir: &Path, count: u64) -> Result<Written, SynthError> {
        use rayon::prelude::*;
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| SynthError::Io { path, source }
        };
        if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
            return Err(SynthError::NotEmpty(dir.to_owned()));
        }
        let folders = count.div_ceil(FILES_PER_FOLDER);
        let bytes = std::sync::atomic::AtomicU64::new(0);
        (0..folders).into_par_iter().try_for_each(|folder| {
            let first = folder * FILES_PER_FOLDER;
            let name = relative_path(first, count);
            let sub = dir.join(name.split('/').next().unwrap_or_default());
            std::fs::create_dir_all(&sub).map_err(io(&sub))?;
            (first..(first + FILES_PER_FOLDER).min(count))
                .into_par_iter()
                .try_for_each(|i| {
                    let path = dir.join(relative_path(i, count));
                    let text = self.article(i).text;
                    bytes.fetch_add(text.len() as u64, std::sync::atomic::Ordering::Relaxed);
                    std::fs::write(&path, text).map_err(io(&path))
                })
        })?;
        Ok(Written {
            files: count,
            folders,
            bytes: bytes.into_inner(),
        })
    }
}
