//! The `locdoc` binary: parse the command line, run, exit 0/1/2.

use clap::Parser;

// mimalloc: markedly faster than glibc malloc for the many small allocations of a check (issue 8,
// BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = locdoc::cli::Cli::parse();
    locdoc::fsutil::install_interrupt_cleanup();
    std::process::ExitCode::from(locdoc::cli::run(cli))
}
