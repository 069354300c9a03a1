//! Synthetic corpora for benchmarks (`khabar gen-corpus`): any number of Arabic news
//! articles, deterministic for a seed, assembled from the paragraphs of the demo corpus.
//!
//! The demo files are segmented and run through the entity recogniser once ([`Seeds`]); every
//! line becomes a [`Template`] whose names are *slots* of a kind (person, place,
//! organisation). An article ([`Generator::article`]) takes a run of body paragraphs of one
//! demo article (sometimes with a stray paragraph of another), a headline, and — as scraped
//! files have them — sometimes site chrome before the headline, a dateline, an inline
//! "read also" link, and chrome after the body (tags, source, "read also" lists, sometimes a
//! complete appended article). Then:
//!
//! - every four-digit year 1900–2099 is shifted by a per-article offset ([`shift_years`]),
//!   in Western and Arabic-Indic digits alike, and the dateline's year agrees;
//! - names are swapped: each entity of the source becomes, for the whole article, another
//!   name of the same kind (places and organisations of the gazetteers, people composed of
//!   first names and surnames), or stays as it is; a surname alone stays the surname of the
//!   person named in full;
//! - some articles are written with Arabic-Indic digits, as many outlets do.
//!
//! Nothing depends on a file name: articles are drawn from the seeds by the random stream
//! alone. Each article has its own stream seeded from the corpus seed and its number, so
//! articles are generated in parallel and `article(i)` is the same whatever else is
//! generated. Only [`Generator::write_to`] touches the disk.

mod digits;
mod draft;
mod files;
mod generator;
mod names;
mod seeds;

pub use digits::{shift_years, years_in};
pub use files::{FILES_PER_FOLDER, SynthError, relative_path};
pub use generator::{Generator, SynthArticle, Written};
pub use seeds::{Seeds, Template};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_sort_and_fill_folders_of_a_thousand() {
        assert_eq!(relative_path(0, 10), "0000/article-000000.txt");
        assert_eq!(relative_path(123_456, 200_000), "0123/article-123456.txt");
        assert_eq!(
            relative_path(12_345_678, 20_000_000),
            "12345/article-12345678.txt"
        );
    }
}
