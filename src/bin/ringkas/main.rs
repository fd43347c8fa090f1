//! The `ringkas` command: argv → configuration → library calls → exit status. Everything else
//! lives in the library.

mod args;
mod lexicon_cmd;
mod run;

use std::process::ExitCode;

use clap::Parser;

/// Loading the lexicons is some 150,000 small allocations; mimalloc makes them cheap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = args::Args::parse(); // --help and --version exit here, before anything loads
    match run::main(args) {
        Ok(status) => status,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS, // `ringkas … | head`
        Err(e) => {
            eprintln!("ringkas: {e}");
            ExitCode::from(2)
        }
    }
}
