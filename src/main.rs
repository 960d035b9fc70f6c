//! The `figtrace` binary: flags → config → run → exit code.

use std::process::ExitCode;

use clap::Parser;
use figtrace::cli::{Cli, Command, DumpArgs, RunArgs, paths_or_default};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let args = match cli.command {
        Some(Command::Run(args)) => args,
        Some(Command::Dump(args)) => return dump(args),
        None => RunArgs { output: "output".into(), ..RunArgs::default() },
    };
    let config = args.into_config();
    match figtrace::run(&config) {
        Ok(summary) => {
            eprintln!("figtrace: {summary}");
            if summary.failures() > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        Err(e) => {
            eprintln!("figtrace: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn dump(args: DumpArgs) -> ExitCode {
    use std::io::Write;
    let inputs = match figtrace::ingest::ingest(&paths_or_default(args.paths)) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("figtrace: error: {e}");
            return ExitCode::from(2);
        }
    };
    let dataset = figtrace::process(&inputs);
    let mut out = std::io::stdout().lock();
    for line in figtrace::dump::dump(args.stage, &dataset) {
        if writeln!(out, "{line}").is_err() {
            break; // a closed pipe ends the dump quietly
        }
    }
    ExitCode::SUCCESS
}
