//! How the command line fails, and the one place that says so and picks the exit code:
//! 0 for `--help` and `--version`, 2 for a mistake on the command line, 1 for a command that
//! could not do its work.

use crate::ui::start::StartError;
use std::fmt::Display;
use std::process::ExitCode;

/// Why `khabar` stops early.
#[derive(Debug)]
pub enum Error {
    /// The command line asked for help or the version, or could not be parsed: clap words
    /// it and picks the code.
    Args(clap::Error),
    /// A subcommand could not do its work: `khabar COMMAND: MESSAGE`.
    Failed {
        command: &'static str,
        message: String,
    },
    /// The window could not open.
    Window(StartError),
}

impl Error {
    /// A failure of `command` (e.g. `"bench ingest"`), for `map_err`.
    pub fn failed<E: Display>(command: &'static str) -> impl FnOnce(E) -> Error {
        move |e| Error::Failed {
            command,
            message: e.to_string(),
        }
    }

    /// Tells the user (stdout for help and version, stderr otherwise; a dialog too when the
    /// window could not open) and returns the process's exit code.
    pub fn report(&self) -> ExitCode {
        match self {
            Error::Args(e) => {
                let _ = e.print();
                ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
            }
            Error::Failed { .. } => {
                eprintln!("{self}");
                ExitCode::FAILURE
            }
            Error::Window(e) => {
                crate::ui::start::report(e);
                ExitCode::FAILURE
            }
        }
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Args(e) => write!(f, "{e}"),
            Error::Failed { command, message } => write!(f, "khabar {command}: {message}"),
            Error::Window(e) => write!(f, "khabar: {e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<clap::Error> for Error {
    fn from(e: clap::Error) -> Error {
        Error::Args(e)
    }
}
