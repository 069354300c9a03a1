//! `khabar bench`'s search lines: build time of the index and per-keystroke latency.

use crate::query::search::index::SearchIndex;
use crate::query::search::query::Query;
use crate::text::document::Document;

/// Build time and per-keystroke latency (parse + search, typing realistic queries letter by
/// letter) of the search index over `articles` of `documents`, as lines for `khabar bench`.
pub fn bench_report<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
    articles: &[(usize, usize)],
) -> String {
    use std::fmt::Write;
    use std::time::Instant;
    const QUERIES: [&str; 5] = [
        "باكو",
        "بوتين",
        "\"قوات حفظ السلام\"",
        "أذربيجان روسيا",
        "الرئيس الروسي",
    ];
    const REPEAT: usize = 5;
    let started = Instant::now();
    let index = SearchIndex::build(documents, articles);
    let built = started.elapsed().as_secs_f64() * 1e3;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "search index  {} articles, {} words, {} terms, {} postings, {:.1} MB: built in {built:.1} ms",
        index.len(),
        index.sequence.len(),
        index.term_count(),
        index.postings.len(),
        index.heap_bytes() as f64 / 1e6
    );
    let mut all = Vec::new();
    for query in QUERIES {
        let mut times = Vec::new();
        let mut found = 0;
        for _ in 0..REPEAT {
            let mut typed = String::new();
            for c in query.chars() {
                typed.push(c);
                let started = Instant::now();
                found = index.search(&Query::parse(&typed)).len();
                times.push(started.elapsed().as_secs_f64() * 1e3);
            }
        }
        let _ = writeln!(
            out,
            "  typing {query:<22} {} keystrokes: {}   ({found} articles at the end)",
            query.chars().count(),
            min_median_max(&mut times)
        );
        all.extend(times);
    }
    let _ = writeln!(
        out,
        "  every keystroke              {}",
        min_median_max(&mut all)
    );
    out
}

fn min_median_max(times: &mut [f64]) -> String {
    times.sort_by(f64::total_cmp);
    match (times.first(), times.last()) {
        (Some(min), Some(max)) => format!(
            "min {min:.3} / median {:.3} / max {max:.3} ms",
            times[times.len() / 2]
        ),
        _ => "no keystrokes".to_owned(),
    }
}
