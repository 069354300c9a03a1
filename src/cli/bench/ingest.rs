//! `khabar bench ingest DIR`: a folder loaded as the window loads it, timed and measured
//! beside `rg` over the same folder (`--stages`: see [`super::stages`]).

use super::measure::{
    LoadTimes, allocated_bytes, cpu_seconds, load_average, mb, proc_status_bytes, time_rg,
};
use crate::cli::Error;
use khabar_core::corpus::CorpusSource;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::library::Library;
use khabar_core::loader::LoadJob;
use khabar_core::text::segment::Segmenter;
use std::path::Path;
use std::sync::Arc;

/// Runs `khabar bench ingest DIR`: the folder loaded through [`LoadJob`] and [`Library`]
/// exactly as the app opens one (list → read/decode/segment in parallel → entities, both
/// passes → dates → search index), timed from the spawn to the first document and to the end, with the
/// process's peak memory, beside `rg` over the same folder. With `stages`, instead, each
/// stage alone with the memory held after it (a process of its own, so that neither run's
/// peak or freed heap blurs the other's figures).
pub fn run(folder: &Path, stages: bool) -> Result<(), Error> {
    let segmenter = Arc::new(Segmenter::default());
    let lexicon = Arc::new(Lexicon::load());
    if stages {
        super::stages::run(folder, &segmenter, &lexicon);
        return Ok(());
    }
    let baseline = proc_status_bytes("VmHWM").unwrap_or(0);
    // On-disk size: the files' bytes and the blocks they take.
    let (mut files, mut bytes, mut allocated) = (0u64, 0u64, 0u64);
    // Hidden files (the curation sidecar, .git) are skipped, as the loader skips them.
    let walk = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk.flatten() {
        if entry.file_type().is_file()
            && let Ok(meta) = entry.metadata()
        {
            files += 1;
            bytes += meta.len();
            allocated += allocated_bytes(&meta);
        }
    }
    let rg_first = time_rg(folder);
    let load_before = load_average();

    let (cpu_before, _) = cpu_seconds();
    let mut times = LoadTimes::start();
    let job = LoadJob::spawn(
        CorpusSource::Folder(folder.to_owned()),
        segmenter.clone(),
        lexicon.clone(),
        || {},
    );
    // Folded as the window folds it, so that the memory measured is what the window holds.
    let library = Library::load_observed(&job, |event| times.note(event));
    if let Some(e) = &library.error {
        return Err(Error::failed("bench ingest")(e));
    }
    let (listed, first, read_all, extracted) =
        (times.listed, times.first, times.read_all, times.extracted);
    let (documents, skipped, total_bytes) = (
        &library.documents,
        library.skipped.len(),
        library.progress.total_bytes,
    );
    let total = times.elapsed();
    let cpu = cpu_seconds().0 - cpu_before;
    let load_after = load_average();
    let peak = proc_status_bytes("VmHWM").unwrap_or(0);
    let resident = proc_status_bytes("VmRSS").unwrap_or(0);
    let articles: usize = documents.iter().map(|d| d.articles.len()).sum();
    let rg_second = time_rg(folder);
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };

    println!("folder        {}", folder.display());
    println!(
        "corpus        {} documents ({skipped} skipped), {articles} articles, {:.1} MB of text \
         ({files} files, {:.1} MB in blocks on disk)",
        documents.len(),
        mb(total_bytes),
        mb(allocated)
    );
    println!(
        "threads       {} (load average {load_before} before ingest, {load_after} after)",
        rayon::current_num_threads()
    );
    let stage = |from: Option<f64>, to: Option<f64>| match (from, to) {
        (Some(a), Some(b)) => format!("{:.2} s", b - a),
        _ => "-".into(),
    };
    println!(
        "ingest        {total:.2} s   {:.2} MB/s   {:.0} articles/s   (listing {}, \
         read+decode+segment {}, entities+dates+search {}, end {}); {cpu:.2} s CPU",
        mb(total_bytes) / total,
        articles as f64 / total,
        stage(Some(0.0), listed),
        stage(listed, read_all),
        stage(read_all, extracted),
        stage(extracted, Some(total)),
    );
    match first {
        Some(t) => println!(
            "first article {:.3} s after the folder is opened (goal ≤ 0.3 s: {})",
            t,
            verdict(t <= 0.3)
        ),
        None => println!("first article never (no readable file)"),
    }
    match (&rg_first, &rg_second) {
        (Ok((a, a_cpu, words)), Ok((b, b_cpu, _))) => {
            let rg = a.min(*b);
            let rg_cpu = a_cpu.min(*b_cpu);
            println!(
                "rg            {rg:.2} s (runs: {a:.2} s before, {b:.2} s after ours), \
                 {words} Arabic words, {:.1} MB/s; {rg_cpu:.2} s CPU",
                mb(bytes) / rg
            );
            println!(
                "ours / rg     {:.1}× wall time (goal ≤ 3×: {}); {:.1}× CPU time",
                total / rg,
                verdict(total / rg <= 3.0),
                cpu / rg_cpu.max(0.01)
            );
        }
        (Err(e), _) | (_, Err(e)) => println!("rg            skipped: {e}; no ratio"),
    }
    let ratio = peak as f64 / total_bytes.max(1) as f64;
    println!(
        "peak memory   {:.0} MB VmHWM ({:.0} MB before loading, {:.0} MB resident at the end) \
         = {ratio:.2}× the text on disk, {:.2}× its blocks (goal ≤ 2×: {})",
        mb(peak),
        mb(baseline),
        mb(resident),
        peak as f64 / allocated.max(1) as f64,
        verdict(ratio <= 2.0)
    );
    drop(library);
    Ok(())
}
