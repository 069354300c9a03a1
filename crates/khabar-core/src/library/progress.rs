//! How far a load has come, as the progress bar and the status line show it.

use crate::loader::Stage;
use std::time::Duration;

/// Load progress, for the progress bar.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    pub total_files: usize,
    pub total_bytes: u64,
    pub files_done: usize,
    pub bytes_done: u64,
    pub listed: bool,
    pub finished: bool,
    /// Files are read; entities are being found.
    pub annotating: bool,
    pub cancelled: bool,
    pub elapsed: Option<Duration>,
    /// Files the walk has found so far (before `listed`).
    pub found: usize,
    /// The stage running (or, once finished, the one reached: `Done` unless cancelled).
    pub stage: Stage,
    /// How far `stage` has come, in its own units (documents), when it is after reading.
    pub stage_done: usize,
    pub stage_total: usize,
}

impl Progress {
    /// True when the load was cancelled before everything was found: the corpus shown is
    /// partial (files, names, dates or search missing).
    pub fn is_partial(&self) -> bool {
        self.finished && self.cancelled && self.stage != Stage::Done
    }

    /// Fraction done of the stage running, 0..=1 (reading: by bytes).
    pub fn stage_fraction(&self) -> f32 {
        match self.stage {
            Stage::Listing => 0.0,
            Stage::Reading => self.fraction(),
            Stage::Done => 1.0,
            _ if self.stage_total > 0 => self.stage_done as f32 / self.stage_total as f32,
            _ => 0.0,
        }
    }

    /// Fraction done, 0..=1.
    pub fn fraction(&self) -> f32 {
        if self.total_bytes > 0 {
            self.bytes_done as f32 / self.total_bytes as f32
        } else if self.total_files > 0 {
            self.files_done as f32 / self.total_files as f32
        } else if self.finished {
            1.0
        } else {
            0.0
        }
    }
}
