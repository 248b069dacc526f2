//! The `guanhu` binary: parse the command line and hand over to `cli::run`.
#![forbid(unsafe_code)]

use clap::Parser;

fn main() {
    let cli = guanhu::cli::Cli::parse();
    std::process::exit(guanhu::cli::run(cli));
}
