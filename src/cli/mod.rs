//! The command line: [`args`] declares it (clap), one file per subcommand runs it, and
//! [`Error`] is how any of them fails. `main.rs` parses, calls [`run`], and reports an error
//! in one place ([`Error::report`]), which also chooses the exit code.

pub mod args;
pub mod bench;
pub mod clusters;
mod error;
pub mod eval;
pub mod extract;
pub mod gen_corpus;
pub mod layout;
pub mod ner;

pub use args::{Args, Command};
pub use error::Error;

/// Runs what the command line asks for: a subcommand, or the window (on `args.folder`, or
/// on the demo corpus).
pub fn run(args: Args) -> Result<(), Error> {
    match args.command {
        None => crate::ui::run(crate::ui::Launch {
            folder: args.folder,
            ..Default::default()
        })
        .map_err(Error::Window),
        Some(Command::Extract(a)) => extract::run(&a.folder, a.out.as_deref(), a.no_cache),
        Some(Command::Eval(a)) => eval::run(&a.folder, &a.gold, a.verbose),
        Some(Command::Bench(a)) => bench::run(a),
        Some(Command::GenCorpus(a)) => gen_corpus::run(a.count, &a.out, a.seed),
        Some(Command::Layout(a)) => layout::run(&a.file, a.json),
        Some(Command::TrainNer(a)) => ner::train(&a),
        Some(Command::EvalConll(a)) => ner::eval(&a.file, a.model.as_deref(), a.verbose),
        Some(Command::TrainClusters(a)) => clusters::train(&a),
    }
}
