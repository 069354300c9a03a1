//! `khabar bench [COPIES]`: segmentation, entities, dates, the timeline and search over the
//! demo texts repeated in memory (so the disk is not measured), with throughput figures.

use khabar_core::extract::annotations::annotate;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::text::segment::Segmenter;

/// Runs `khabar bench`: segmentation and entity extraction over the demo articles repeated
/// `copies` times (in memory, so the disk is not measured), with throughput figures.
pub fn run(copies: usize) {
    use khabar_core::text::decode::decode;
    use khabar_core::text::document::Document;
    use rayon::prelude::*;
    use std::time::Instant;
    let segmenter = Segmenter::default();
    let lexicon = Lexicon::load();
    let texts: Vec<(String, khabar_core::text::decode::Decoded)> = (0..copies)
        .flat_map(|copy| {
            khabar_core::corpus::demo::FILES
                .iter()
                .filter_map(move |(name, bytes)| {
                    decode(bytes).ok().map(|d| (format!("{copy}/{name}"), d))
                })
        })
        .collect();
    let bytes: usize = texts.iter().map(|(_, d)| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    let started = Instant::now();
    let documents: Vec<Document> = texts
        .into_par_iter()
        .map(|(file, decoded)| Document::new(file, None, decoded, &segmenter))
        .collect();
    let segmented = started.elapsed().as_secs_f64();
    let articles: usize = documents.iter().map(|d| d.articles.len()).sum();
    let started = Instant::now();
    let annotations = annotate(&documents, &lexicon);
    let extracted = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let dates = khabar_core::extract::annotations::dates_of(&documents);
    let dated = started.elapsed().as_secs_f64();
    let date_mentions: usize = dates.iter().flatten().map(|a| a.mentions.len()).sum();
    let mentions: usize = annotations
        .entities
        .iter()
        .flatten()
        .flatten()
        .map(|e| e.mentions.len())
        .sum();
    println!(
        "corpus        {} files, {articles} articles, {mb:.1} MB ({copies} copies of the demo texts)",
        documents.len()
    );
    println!("threads       {}", rayon::current_num_threads());
    println!(
        "segmentation  {segmented:.3} s   {:.0} articles/s   {:.1} MB/s",
        articles as f64 / segmented,
        mb / segmented
    );
    println!(
        "entities      {extracted:.3} s   {:.0} articles/s   {:.1} MB/s   ({mentions} mentions; includes dates)",
        articles as f64 / extracted,
        mb / extracted
    );
    println!(
        "dates         {dated:.3} s   {:.0} articles/s   {:.1} MB/s   ({date_mentions} dates)",
        articles as f64 / dated,
        mb / dated
    );
    bench_timeline(&dates);
    bench_search(&documents);
}

/// The search index at 10 000 articles (the bench articles cycled): build time, memory and
/// the time of every keystroke of a few queries typed letter by letter.
fn bench_search(documents: &[khabar_core::text::document::Document]) {
    let pairs: Vec<(usize, usize)> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.articles.len()).map(move |a| (d, a)))
        .cycle()
        .take(10_000)
        .collect();
    print!(
        "{}",
        khabar_core::query::search::bench_report(documents, &pairs)
    );
}

/// The timeline at 100 000 articles: the dates found above, repeated with shifted days
/// until there are that many articles, then built and queried as the strip does per frame.
fn bench_timeline(dates: &[Vec<khabar_core::extract::dates::ArticleDates>]) {
    use khabar_core::extract::dates::calendar::value_span;
    use khabar_core::query::timeline::{Lane, Mark, Timeline};
    use std::time::Instant;
    const ARTICLES: u32 = 100_000;
    /// An article's publication span and its mentions' spans.
    type Spans = (Option<(i32, i32)>, Vec<(i32, i32)>);
    let spans: Vec<Spans> = dates
        .iter()
        .flatten()
        .map(|a| {
            (
                a.published
                    .as_ref()
                    .and_then(|p| value_span(&p.value, None)),
                a.mentions
                    .iter()
                    .filter_map(|m| value_span(&m.value, m.until.as_deref()))
                    .collect(),
            )
        })
        .collect();
    if spans.is_empty() {
        return;
    }
    let mut marks = Vec::new();
    let mut undated = 0;
    for n in 0..ARTICLES {
        let (published, mentions) = &spans[n as usize % spans.len()];
        let shift = (n as i32 * 7) % 3650;
        match published {
            Some((s, e)) => marks.push(Mark {
                lane: Lane::Published,
                start: s - shift,
                end: e - shift,
                article: n,
                mention: Mark::PUBLICATION,
            }),
            None => undated += 1,
        }
        for (i, (s, e)) in mentions.iter().enumerate() {
            marks.push(Mark {
                lane: Lane::Mentioned,
                start: s - shift,
                end: e - shift,
                article: n,
                mention: i as u32,
            });
        }
    }
    let count = marks.len();
    let started = Instant::now();
    let timeline = Timeline::new(marks, undated);
    let built = started.elapsed().as_secs_f64();
    let (from, to) = timeline.extent().unwrap_or((0, 1));
    let started = Instant::now();
    const FRAMES: u32 = 1000;
    let mut sum = 0.0f32;
    for f in 0..FRAMES {
        let shift = f64::from(f);
        for lane in [Lane::Published, Lane::Mentioned] {
            sum += timeline
                .density(lane, f64::from(from) + shift, f64::from(to) + shift, 1200)
                .iter()
                .sum::<f32>();
        }
    }
    let per_frame = started.elapsed().as_secs_f64() / f64::from(FRAMES);
    let started = Instant::now();
    let year = timeline.articles_in(Lane::Mentioned, from + 365 * 3, from + 365 * 4);
    let brushed = started.elapsed().as_secs_f64();
    println!(
        "timeline      {ARTICLES} articles, {count} marks: built in {:.1} ms; both lanes' densities \
         (1200 bins) {:.3} ms per frame (mass {:.0}); a one-year brush {:.1} ms ({} articles)",
        built * 1e3,
        per_frame * 1e3,
        sum / FRAMES as f32,
        brushed * 1e3,
        year.len()
    );
}
