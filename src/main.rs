//! The `figtrace` binary: flags → config → run → exit code.

use std::process::ExitCode;

use clap::Parser;
use figtrace::cli::{
    Cli, Command, DumpArgs, EvalArgs, FiguresArgs, ReconcileArgs, ReportArgs, RunArgs, TraceArgs, paths_or_default,
};
use mimalloc::MiMalloc;

/// mimalloc (its version 2) rather than glibc's malloc: the memory the workers free is
/// reused by the later phases (dedup, reconciliation, the tables) instead of adding to the
/// peak, and a run takes less CPU (README, "Large dumps and many machines").
#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let args = match cli.command {
        Some(Command::Run(args)) => args,
        Some(Command::Dump(args)) => return dump(args),
        Some(Command::Eval(args)) => return eval(args),
        Some(Command::Figures(args)) => return exit(figures(args)),
        Some(Command::Reconcile(args)) => return exit(reconcile(args)),
        Some(Command::Trace(args)) => return exit(trace(args)),
        Some(Command::Report(args)) => return exit(report(args)),
        None => RunArgs::default(),
    };
    if args.print_schema {
        print!("{}", figtrace::write::schema_text());
        return ExitCode::SUCCESS;
    }
    exit(figtrace::run(&args.into_config()).map(|summary| {
        eprintln!("figtrace: {summary}");
        if summary.failures() > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
    }))
}

/// A command's exit code; an error is printed and exits with 2.
fn exit(result: anyhow::Result<ExitCode>) -> ExitCode {
    result.unwrap_or_else(|e| {
        eprintln!("figtrace: error: {e:#}");
        ExitCode::from(2)
    })
}

/// Writes `text` to standard output; a closed pipe (`| head`) ends it quietly.
fn print_out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn trace(args: TraceArgs) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal;
    let found = figtrace::trace::trace(&args.output, &args.query)?;
    if args.json {
        print_out(&format!("{:#}\n", figtrace::trace::to_json(&args.query, &found)));
    } else {
        let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        print_out(&figtrace::trace::render(&found, colour));
    }
    Ok(if found.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn report(args: ReportArgs) -> anyhow::Result<ExitCode> {
    let (path, n) = figtrace::report::report(&args.output)?;
    eprintln!("figtrace: {n} figures → {}", path.display());
    Ok(ExitCode::SUCCESS)
}

fn reconcile(args: ReconcileArgs) -> anyhow::Result<ExitCode> {
    let summary = figtrace::merge::reconcile_dirs(&args.dirs, &args.output)?;
    eprintln!("figtrace: {summary}");
    Ok(ExitCode::SUCCESS)
}

fn figures(args: FiguresArgs) -> anyhow::Result<ExitCode> {
    use figtrace::figures::Show;
    let show = if args.conflicts {
        Show::Conflicts
    } else if args.all {
        Show::All
    } else {
        Show::Sourced
    };
    let filter = figtrace::figures::Filter { show, subject: args.subject, json: args.json };
    print_out(&figtrace::figures::table(&args.output, &filter)?);
    Ok(ExitCode::SUCCESS)
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
    for line in figtrace::dump::dump(args.stage, &dataset, args.ids) {
        if writeln!(out, "{line}").is_err() {
            break; // a closed pipe ends the dump quietly
        }
    }
    ExitCode::SUCCESS
}

fn eval(args: EvalArgs) -> ExitCode {
    let e = match figtrace::eval::evaluate(&args.gold, args.format) {
        Ok(e) => e,
        Err(e) => return exit(Err(e)),
    };
    print_out(&e.report);
    if let Some(path) = &args.errors {
        let lines: String = e.errors.iter().map(|x| x.to_string() + "\n").collect();
        if let Err(err) = std::fs::write(path, lines) {
            eprintln!("figtrace: error: cannot write {}: {err}", path.display());
            return ExitCode::from(2);
        }
    }
    match args.min {
        Some(min) if e.headline < min => {
            eprintln!("figtrace: {:.1} is below the required {min:.1}", e.headline);
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}
