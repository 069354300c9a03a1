//! Thin launcher: parse the command line, run the window or a subcommand, and report an
//! error in one place (`Error::report`, which also picks the exit code).

use clap::Parser;
use khabar::cli::{self, Args};
use std::process::ExitCode;

fn main() -> ExitCode {
    match try_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => error.report(),
    }
}

fn try_main() -> Result<(), cli::Error> {
    let args = Args::try_parse()?;
    cli::run(args)
}
