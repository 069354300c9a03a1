//! What the benches measure with: this process's memory and CPU time (Linux's `/proc`; zero
//! elsewhere), the machine's load, file sizes on disk, when each loader event came, and
//! `rg` over the same folder as a yardstick.

use khabar_core::loader::LoadEvent;
use std::path::Path;
use std::time::Instant;

/// When each event of one load came, in seconds from the spawn.
#[derive(Debug)]
pub(super) struct LoadTimes {
    started: Instant,
    /// The walk is done.
    pub listed: Option<f64>,
    /// The first document is read.
    pub first: Option<f64>,
    /// Every file is read (names are being found).
    pub read_all: Option<f64>,
    /// Entities, dates and the search index are in.
    pub extracted: Option<f64>,
    /// The load ended.
    pub finished: f64,
}

impl LoadTimes {
    /// Starts the clock: call right before spawning the load.
    pub fn start() -> LoadTimes {
        LoadTimes {
            started: Instant::now(),
            listed: None,
            first: None,
            read_all: None,
            extracted: None,
            finished: 0.0,
        }
    }

    /// Seconds since [`Self::start`].
    pub fn elapsed(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// Notes when `event` came (to be called as it arrives, before it is folded).
    pub fn note(&mut self, event: &LoadEvent) {
        let at = self.elapsed();
        match event {
            LoadEvent::Listed { .. } => self.listed = Some(at),
            LoadEvent::Loaded { .. } => {
                self.first.get_or_insert(at);
            }
            LoadEvent::Annotating => self.read_all = Some(at),
            LoadEvent::Entities { .. } => self.extracted = Some(at),
            LoadEvent::Finished { .. } => self.finished = at,
            LoadEvent::Skipped { .. }
            | LoadEvent::Corrections(_)
            | LoadEvent::Listing { .. }
            | LoadEvent::Progress { .. }
            | LoadEvent::Cache(_)
            | LoadEvent::Failed(_) => {}
        }
    }
}

/// The bytes a file takes on disk: its blocks where the system says (Unix), else its length.
pub(super) fn allocated_bytes(meta: &std::fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.blocks() * 512
    }
    #[cfg(not(unix))]
    {
        meta.len()
    }
}

/// A figure of `/proc/self/status` in bytes (`VmHWM`: peak resident memory, `VmRSS`: now).
pub(super) fn proc_status_bytes(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kib: u64 = line[field.len()..]
        .trim_start_matches(':')
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some(kib * 1024)
}

/// CPU seconds of this process (user + system, all threads) and of its waited-for children,
/// from `/proc/self/stat` (clock ticks of 1/100 s, Linux's `USER_HZ`).
pub(super) fn cpu_seconds() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let field = |n: usize| -> f64 {
        rest.split_whitespace()
            .nth(n - 3)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 100.0
    };
    (field(14) + field(15), field(16) + field(17))
}

/// The 1-minute load average: how busy the machine was while measuring.
pub(super) fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

/// Bytes in (decimal) megabytes.
pub(super) fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// `rg --count-matches '[ء-ي]+' DIR`: wall time, CPU time and the Arabic words it counted,
/// or why not.
pub(super) fn time_rg(folder: &Path) -> Result<(f64, f64, u64), String> {
    use std::process::{Command, Stdio};
    let (_, children) = cpu_seconds();
    let started = std::time::Instant::now();
    let output = Command::new("rg")
        .args(["--count-matches", "[ء-ي]+"])
        .arg(folder)
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("rg not run ({e}); install ripgrep (apt-get install ripgrep)"))?;
    let seconds = started.elapsed().as_secs_f64();
    if !output.status.success() {
        return Err(format!("rg failed ({})", output.status));
    }
    let words = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| l.rsplit(':').next()?.parse::<u64>().ok())
        .sum();
    Ok((seconds, cpu_seconds().1 - children, words))
}
