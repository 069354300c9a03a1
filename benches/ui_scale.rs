//! The window at scale, headless (egui_kittest): time to open and to reopen a corpus (with
//! its cache), the CPU time of a frame, an entity-filter toggle and a search keystroke.
//!
//! `cargo bench --bench ui_scale -- DIR [--cache CACHE_DIR]` on a folder made by
//! `khabar gen-corpus N DIR`. With `--cache`, that cache folder is used (and kept), so a
//! cache filled beforehand — by `XDG_CACHE_HOME=X khabar extract DIR` and `--cache X/khabar`,
//! or by an earlier run — spares the minutes of a first open of a large corpus.
//! Each figure is the time of `Harness::step()`, which builds the UI, applies commands and
//! the view cache, and also walks kittest's accessibility tree (so it over-counts a real
//! frame slightly): wall time, and the CPU time of the UI thread, which a busy machine does
//! not inflate.

use egui_kittest::Harness;
use khabar::ui::app::Command;
use khabar::ui::i18n::Language;
use khabar::ui::{KhabarApp, Launch};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn wait_loaded(harness: &mut Harness<'static, KhabarApp>) -> Duration {
    let start = Instant::now();
    loop {
        harness.step();
        if !harness.state().library.is_loading() && harness.state().library.search.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    start.elapsed()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and maximum, in milliseconds.
fn summary(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    (ms(times[times.len() / 2]), ms(*times.last().unwrap()))
}

/// CPU time this thread has run (Linux: `/proc/thread-self/schedstat`, nanoseconds), so that
/// a frame's cost can be told from the time other processes of a busy machine took from it.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// CPU times of the steps timed so far (the UI thread only; the loader's threads are not in it).
static CPU_TIMES: std::sync::Mutex<Vec<Duration>> = std::sync::Mutex::new(Vec::new());

fn timed_step(harness: &mut Harness<'static, KhabarApp>) -> Duration {
    let cpu = thread_cpu();
    let start = Instant::now();
    harness.step();
    let wall = start.elapsed();
    if let (Some(before), Some(after)) = (cpu, thread_cpu()) {
        CPU_TIMES.lock().unwrap().push(after.saturating_sub(before));
    }
    wall
}

/// Mean CPU time of the steps timed since the last call, in milliseconds. The mean, not the
/// median: the kernel may account CPU time in scheduler ticks (4 ms here), which only an
/// average over many steps resolves.
fn cpu_summary() -> String {
    let times = std::mem::take(&mut *CPU_TIMES.lock().unwrap());
    if times.is_empty() {
        return "CPU time not available".into();
    }
    let mean = ms(times.iter().sum::<Duration>()) / times.len() as f64;
    format!(
        "UI-thread CPU time mean {mean:.2} ms over {} steps",
        times.len()
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cache_arg = args
        .iter()
        .position(|a| a == "--cache")
        .and_then(|i| args.get(i + 1));
    let Some(folder) = args
        .iter()
        .find(|a| !a.starts_with('-') && Some(*a) != cache_arg)
    else {
        eprintln!(
            "usage: cargo bench --bench ui_scale -- DIR [--cache CACHE_DIR]   (DIR from `khabar gen-corpus`)"
        );
        return;
    };
    let folder = PathBuf::from(folder);
    let temporary = tempfile::tempdir().expect("temporary cache folder");
    let cache_dir = cache_arg.map_or_else(|| temporary.path().to_owned(), PathBuf::from);
    let launch = Launch {
        folder: Some(folder.clone()),
        language: Some(Language::English),
        cache_dir: Some(cache_dir),
        data_dir: None,
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| KhabarApp::new(cc, launch));
    let first_open = wait_loaded(&mut harness);
    let articles = harness.state().library.article_count();
    let entities = harness.state().library.index.entities.len();

    // Reopen: the cache has everything.
    harness
        .state_mut()
        .command(Command::Open(khabar_core::corpus::CorpusSource::Folder(
            folder.clone(),
        )));
    let reopen = wait_loaded(&mut harness);
    let from_cache = harness
        .state()
        .library
        .cache
        .as_ref()
        .is_some_and(|c| c.extraction_reused);

    // Idle frames.
    harness.run_steps(5);
    cpu_summary();
    let frames = summary((0..40).map(|_| timed_step(&mut harness)).collect());
    let frames_cpu = cpu_summary();

    // Entity filter on and off (the entity in most articles, then the tenth).
    let mut by_articles: Vec<(usize, String)> = harness
        .state()
        .library
        .index
        .entities
        .iter()
        .map(|e| (e.articles.len(), e.key.clone()))
        .collect();
    by_articles.sort_by(|a, b| b.cmp(a));
    let mut toggles = Vec::new();
    for (_, key) in by_articles.iter().take(10) {
        for _ in 0..2 {
            harness
                .state_mut()
                .command(Command::ToggleEntity(key.clone()));
            toggles.push(timed_step(&mut harness));
        }
    }
    let toggles = summary(toggles);
    let toggles_cpu = cpu_summary();

    // Typing a search, letter by letter.
    harness.state_mut().command(Command::FocusSearch);
    harness.run_steps(2);
    let mut keys = Vec::new();
    for word in ["روسيا", " الاتحادية", " باكو"] {
        for c in word.chars() {
            harness.event(egui::Event::Text(c.to_string()));
            keys.push(timed_step(&mut harness));
        }
    }
    let keys = summary(keys);
    let keys_cpu = cpu_summary();
    let shown = harness.state().visible().len();

    println!(
        "ui_scale on {} ({articles} articles, {entities} entities)",
        folder.display()
    );
    println!(
        "  first open (read + extract + index, or from a cache given): {:.2} s",
        first_open.as_secs_f64()
    );
    println!(
        "  reopen with cache: {:.2} s (extraction from cache: {from_cache})",
        reopen.as_secs_f64()
    );
    println!(
        "  idle frame: median {:.2} ms, max {:.2} ms; {frames_cpu}",
        frames.0, frames.1
    );
    println!(
        "  entity-filter toggle (frame included): median {:.2} ms, max {:.2} ms; {toggles_cpu}",
        toggles.0, toggles.1
    );
    println!(
        "  search keystroke (frame included): median {:.2} ms, max {:.2} ms; {keys_cpu} ({shown} shown at the end)",
        keys.0, keys.1
    );
}
