//! The `locdoc` binary: parse the command line, run, exit 0/1/2.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = locdoc::cli::Cli::parse();
    locdoc::fsutil::install_interrupt_cleanup();
    std::process::ExitCode::from(locdoc::cli::run(cli))
}
