//! The `figtrace` binary: flags → config → run → exit code.

use std::process::ExitCode;

use clap::Parser;
use figtrace::cli::{
    Cli, Command, DumpArgs, EvalArgs, FiguresArgs, ReconcileArgs, ReportArgs, RunArgs, TraceArgs, paths_or_default,
};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let args = match cli.command {
        Some(Command::Run(args)) => args,
        Some(Command::Dump(args)) => return dump(args),
        Some(Command::Eval(args)) => return eval(args),
        Some(Command::Figures(args)) => return figures(args),
        Some(Command::Reconcile(args)) => return reconcile(args),
        Some(Command::Trace(args)) => return trace(args),
        Some(Command::Report(args)) => return report(args),
        None => RunArgs::default(),
    };
    if args.print_schema {
        print!("{}", figtrace::write::schema_text());
        return ExitCode::SUCCESS;
    }
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

fn trace(args: TraceArgs) -> ExitCode {
    use std::io::{IsTerminal, Write};
    match figtrace::trace::trace(&args.output, &args.query) {
        Ok(found) => {
            let text = if args.json {
                format!("{:#}\n", figtrace::trace::to_json(&args.query, &found))
            } else {
                let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                figtrace::trace::render(&found, colour)
            };
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            if found.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        Err(e) => {
            eprintln!("figtrace: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn report(args: ReportArgs) -> ExitCode {
    match figtrace::report::report(&args.output) {
        Ok((path, n)) => {
            eprintln!("figtrace: {n} figures → {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("figtrace: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn reconcile(args: ReconcileArgs) -> ExitCode {
    match figtrace::merge::reconcile_dirs(&args.dirs, &args.output) {
        Ok(summary) => {
            eprintln!("figtrace: {summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("figtrace: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn figures(args: FiguresArgs) -> ExitCode {
    use figtrace::figures::Show;
    let show = if args.conflicts {
        Show::Conflicts
    } else if args.all {
        Show::All
    } else {
        Show::Sourced
    };
    let filter = figtrace::figures::Filter { show, subject: args.subject.clone(), json: args.json };
    match figtrace::figures::table_with(&args.output, &filter) {
        Ok(table) => {
            use std::io::Write;
            let _ = std::io::stdout().lock().write_all(table.as_bytes());
            ExitCode::SUCCESS
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
        Err(e) => {
            eprintln!("figtrace: error: {e:#}");
            return ExitCode::from(2);
        }
    };
    {
        use std::io::Write;
        // A closed pipe (`| head`) ends the report quietly.
        let _ = std::io::stdout().lock().write_all(e.report.as_bytes());
    }
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
