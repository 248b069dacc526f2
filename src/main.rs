//! The `guanhu` binary: parse the command line and hand over to `cli::run`.

use clap::FromArgMatches;

fn main() {
    let matches = guanhu::cli::command().get_matches();
    // Usage errors exit 2 (input rejected), `--help` and `--version` 0, as clap does.
    let cli = guanhu::cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    std::process::exit(guanhu::cli::run(cli));
}
