//! Thin launcher: parse the command line, then run the app or a subcommand.

use khabar::cli::{self, Command};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match cli::parse(&args) {
        Ok(Command::Gui { folder }) => match khabar::ui::run(khabar::ui::Launch {
            folder,
            ..Default::default()
        }) {
            Ok(()) => 0,
            Err(e) => {
                khabar::ui::start::report(&e);
                1
            }
        },
        Ok(Command::Extract {
            folder,
            out,
            no_cache,
        }) => cli::run_extract(&folder, out.as_deref(), no_cache),
        Ok(Command::Eval {
            folder,
            gold,
            verbose,
        }) => cli::run_eval(&folder, &gold, verbose),
        Ok(Command::Bench { task }) => cli::run_bench(task),
        Ok(Command::Layout { file, json }) => cli::run_layout(&file, json),
        Ok(Command::Help) => {
            print!("{}", cli::USAGE);
            0
        }
        Ok(Command::Version) => {
            println!("khabar {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Err(message) => {
            eprintln!("khabar: {message}\n\n{}", cli::USAGE);
            2
        }
    };
    std::process::exit(code);
}
