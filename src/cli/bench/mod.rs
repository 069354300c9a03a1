//! `khabar bench …`: how fast Khabar is, one file per bench — [`copies`] (extraction over
//! the demo texts repeated in memory), [`ingest`] (a folder loaded as the window loads it),
//! [`stages`] (each stage of ingest alone) and [`reopen`] (a folder reopened from its
//! corpus cache) — with what they measure with in [`measure`].

pub mod copies;
pub mod ingest;
mod measure;
pub mod reopen;
pub mod stages;

use super::Error;
use super::args::{BenchArgs, BenchTask, IngestArgs, ReopenArgs};

/// Runs the bench the command line names.
pub fn run(args: BenchArgs) -> Result<(), Error> {
    match args.task {
        None => {
            copies::run(args.copies);
            Ok(())
        }
        Some(BenchTask::Ingest(IngestArgs { folder, stages })) => ingest::run(&folder, stages),
        Some(BenchTask::Reopen(ReopenArgs { folder, cache })) => {
            reopen::run(&folder, cache.as_deref())
        }
    }
}
