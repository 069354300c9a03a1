//! `khabar bench ingest DIR --stages`: each stage of ingest alone, with the memory held
//! after it, where the time goes (a process of its own, so that the whole ingest's peak or
//! freed heap does not blur these figures).

use super::measure::{cpu_seconds, mb, proc_status_bytes};
use khabar_core::corpus::CorpusSource;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::text::segment::Segmenter;
use std::path::{Path, PathBuf};

/// Each stage of ingest alone, on the calling thread with rayon as the loader uses it:
/// where the time goes.
pub fn run(folder: &Path, segmenter: &Segmenter, lexicon: &Lexicon) {
    use khabar_core::corpus::{self, Content};
    use khabar_core::extract::annotations::{self, dates_of};
    use khabar_core::extract::entities::{FirstPass, Recognizer, canonical_names, group};
    use khabar_core::text::decode::decode;
    use khabar_core::text::document::Document;
    use rayon::prelude::*;
    use std::time::Instant;
    let mut report = vec![(
        "(start: lexicon and cues loaded)".to_owned(),
        0.0,
        0.0,
        proc_status_bytes("VmRSS").unwrap_or(0),
    )];
    // CPU time beside wall time: on a shared machine it is the figure to compare.
    let mut cpu_before = cpu_seconds().0;
    let mut time = |name: &str, started: Instant| {
        let s = started.elapsed().as_secs_f64();
        let cpu = cpu_seconds().0;
        report.push((
            name.to_owned(),
            s,
            cpu - cpu_before,
            proc_status_bytes("VmRSS").unwrap_or(0),
        ));
        cpu_before = cpu;
    };
    let started = Instant::now();
    let Ok(listing) = corpus::list(&CorpusSource::Folder(folder.to_owned())) else {
        return;
    };
    time("list (walk, stat)", started);
    let started = Instant::now();
    let raw: Vec<(String, PathBuf, Vec<u8>)> = listing
        .candidates
        .par_iter()
        .filter_map(|c| match &c.content {
            Content::File(path) => std::fs::read(path)
                .ok()
                .map(|b| (c.file.clone(), path.clone(), b)),
            Content::Embedded(_) => None,
        })
        .collect();
    time("read files", started);
    let started = Instant::now();
    let decoded: Vec<_> = raw
        .into_par_iter()
        .filter_map(|(file, path, bytes)| decode(&bytes).ok().map(|d| (file, path, d)))
        .collect();
    time("decode", started);
    let started = Instant::now();
    let mut documents: Vec<Document> = decoded
        .into_par_iter()
        .map(|(file, path, d)| Document::new(file, Some(path), d, segmenter))
        .collect();
    time("segment", started);
    documents.sort_by(|a, b| a.file.cmp(&b.file));
    let recognizer = Recognizer::new(lexicon);
    let started = Instant::now();
    let first = annotations::first_pass(&documents, &recognizer);
    time("entities, pass 1 (recognise)", started);
    let started = Instant::now();
    let known = annotations::learn_people(&documents, &first);
    time("entities, learn people (serial)", started);
    // How much the second pass has to look people up in, and how much it redoes.
    let mut full_names = std::collections::HashSet::new();
    for (doc, articles) in documents.iter().zip(&first) {
        for m in articles.iter().flat_map(FirstPass::sorted) {
            let text = &doc.text[m.range.clone()];
            if m.kind == khabar_core::extract::entities::Kind::Person
                && text.split_whitespace().nth(1).is_some()
            {
                full_names.insert(khabar_core::text::normalize::fold(text));
            }
        }
    }
    let people_learned = full_names.len();
    drop(full_names);
    let candidates = known.stem_hashes();
    let (blocks, redone) = first
        .iter()
        .flatten()
        .map(|f| f.blocks_to_redo(&candidates))
        .fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
    drop(candidates);
    let started = Instant::now();
    // As in `annotate`, each article's first pass is consumed by its second.
    let second = annotations::second_pass(&documents, &recognizer, first, &known);
    time("entities, pass 2 (propagate)", started);
    let started = Instant::now();
    let second = annotations::tagger_pass(&documents, lexicon, second);
    time("entities, tagger and reconcile", started);
    let tagged_words: usize = documents
        .iter()
        .flat_map(|doc| {
            doc.articles.iter().flat_map(move |a| {
                annotations::article_ranges(a)
                    .into_iter()
                    .map(move |r| doc.text[r].split_whitespace().count())
            })
        })
        .sum();
    let tagger_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let names = canonical_names(second.iter().flatten().flatten());
    let grouped: Vec<Vec<_>> = second
        .iter()
        .map(|articles| {
            articles
                .iter()
                .map(|m| group(m, &names))
                .collect::<Vec<_>>()
        })
        .collect();
    time("entities, names and grouping (serial)", started);
    let started = Instant::now();
    let dates = dates_of(&documents);
    time("dates", started);
    let started = Instant::now();
    let pairs: Vec<(usize, usize)> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.articles.len()).map(move |a| (d, a)))
        .collect();
    let search = khabar_core::query::search::SearchIndex::build(&documents, &pairs);
    time("search index", started);
    let total: f64 = report.iter().map(|(_, s, _, _)| s).sum();
    let total_cpu: f64 = report.iter().map(|(_, _, cpu, _)| cpu).sum();
    println!(
        "stages        (each alone; {total:.2} s wall, {total_cpu:.2} s CPU in all; resident \
         memory after each)"
    );
    for (name, s, cpu, rss) in &report {
        println!(
            "  {name:<40} {s:>7.2} s  {cpu:>7.2} s CPU  {:>5.1} %  {:>6.0} MB",
            100.0 * cpu / total_cpu.max(0.01),
            mb(*rss)
        );
    }
    println!(
        "  peak {:.0} MB VmHWM; {} documents, {} entity lists, {} dated articles, {} search \
         terms; pass 2 looks names up among {people_learned} full names of people and \
         recognises {redone} of {blocks} blocks again",
        mb(proc_status_bytes("VmHWM").unwrap_or(0)),
        documents.len(),
        grouped.iter().flatten().count(),
        dates.iter().flatten().count(),
        search.term_count()
    );
    println!(
        "  the tagger and reconciliation read {tagged_words} words in {tagger_seconds:.2} s: \
         {:.0} words per second (wall, all threads)",
        tagged_words as f64 / tagger_seconds.max(1e-9)
    );
}
