//! `locdoc completions SHELL`: a completion script generated from the clap definitions.

use clap::CommandFactory;

/// Arguments of `completions`.
#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Runs `completions`: writes the script to stdout.
pub fn run(args: &CompletionsArgs) -> u8 {
    let mut cmd = super::Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "locdoc", &mut std::io::stdout());
    0
}
