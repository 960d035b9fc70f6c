//! Command-line flags → a validated [`Config`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::pipeline::Config;

/// figtrace: every numeric claim in a dump of news articles, with its provenance, as a
/// Parquet dataset; the same figure across sources reconciled into one.
#[derive(Parser, Debug)]
#[command(name = "figtrace", version, about, long_about = None)]
#[command(after_help = "With no command, figtrace runs `figtrace run` on corpus/ and writes output/.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read articles and write documents.parquet, claims.parquet, figures.parquet and manifest.json.
    ///
    /// Reads .txt, .html/.htm, .jsonl/.ndjson (one article per line, with `text`, `html`,
    /// `content`, `body` or `maintext`) and WARC archives (.warc: its HTML responses), each
    /// also gzip- or zstd-compressed (.gz, .zst), recursing into folders in name order; `-`
    /// reads standard input. Every input — each file, line and record — gets a row in
    /// documents.parquet, whatever happened to it. The output is written beside the old one
    /// and moved into place when complete. Exit status: 0 when every input was read, 1 when
    /// the run finished but some inputs failed, 2 on a usage or output error.
    Run(RunArgs),
    /// Print one stage's output, one line per item (blocks, sentences or claims), to review rules.
    Dump(DumpArgs),
    /// Score extraction against an annotated set: precision, recall and F1, misses and spurious finds.
    ///
    /// Each annotated sentence is read as a one-record document by the same stages as
    /// `figtrace run`. NewsQuant files give P/R/F1 for value, value+change and value+unit,
    /// with a breakdown by kind; Recognizers-Text spec files give the share of expected
    /// values found and of spurious ones.
    Eval(EvalArgs),
    /// Print the reconciled figures of a run as a table, conflicts first.
    ///
    /// By default the figures stated by more than one source (conflicting, then
    /// consistent, most documents first); each conflict is followed by the claims that
    /// disagree, with their place (path:line:column). Reads DIR/figures.parquet and
    /// DIR/claims.parquet written by `figtrace run`.
    Figures(FiguresArgs),
    /// Join several outputs into one, with dedup and reconciliation across all of them.
    ///
    /// For a dump split over machines: run `figtrace run --shard I/N -o out-I` for each I,
    /// then `figtrace reconcile out-0 out-1 ... -o out`. The result has the figures one run
    /// over everything would have: duplicates and figures across shards are found, and
    /// `status`, `duplicate_of` and `figure_id` are recomputed. Documents and claims keep
    /// the order of the folders given.
    Reconcile(ReconcileArgs),
    /// From a figure to the exact words of every source.
    ///
    /// QUERY is a claim id (c-…), a figure id (f-…), a number in any written form
    /// ("£800m", "£800 million", 800000000, 83,000, "1 in 50") or words ("children in
    /// care": all of them in a claim's subject, else in its sentence). Prints the matching
    /// figures, conflicting first, with their status and values and, for each source,
    /// path:line:column, publisher and date, the sentence with the number highlighted, and
    /// a link that opens the page at the sentence when the document has a URL. Sources
    /// that disagree with the rest of their figure are marked DISAGREES.
    Trace(TraceArgs),
    /// Write DIR/report.html: the figures of a run on one self-contained page.
    ///
    /// Conflicting figures first, then consistent ones, then single-source figures (up to
    /// 2,000 in all); each with a chart of its values per source and period, the quoted
    /// sentences with links, and filters by kind, status and subject. No network needed.
    Report(ReportArgs),
}

#[derive(Args, Debug)]
pub struct TraceArgs {
    /// A claim id, a figure id, a number or words
    pub query: String,
    /// Output folder of an earlier run
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
    /// JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Output folder of an earlier run (the report is written into it)
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
}

#[derive(Args, Debug)]
pub struct ReconcileArgs {
    /// Output folders of earlier runs (each with documents.parquet and claims.parquet)
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Output folder for the joined tables
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
}

#[derive(Args, Debug)]
pub struct FiguresArgs {
    /// Output folder of an earlier run
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
    /// Only the conflicting figures
    #[arg(long, conflicts_with = "all")]
    pub conflicts: bool,
    /// Every figure, single-source ones too
    #[arg(long)]
    pub all: bool,
    /// Only figures whose subject holds all these words ("children care")
    #[arg(long, value_name = "WORDS")]
    pub subject: Option<String>,
    /// JSON lines (one figure a line) instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// The annotated set (JSON)
    #[arg(long)]
    pub gold: PathBuf,
    /// Its format [default: guessed from the file]
    #[arg(long, value_enum)]
    pub format: Option<crate::eval::GoldFormat>,
    /// Write every miss and spurious find to this file, one JSON object a line
    #[arg(long)]
    pub errors: Option<PathBuf>,
    /// Exit with status 1 when the headline figure (NewsQuant value F1, or the share of
    /// expected Recognizers values found) is below this
    #[arg(long)]
    pub min: Option<f64>,
}

#[derive(Args, Debug)]
pub struct DumpArgs {
    /// What to print
    #[arg(value_enum)]
    pub stage: crate::dump::Stage,
    /// Files and folders to read [default: corpus]
    pub paths: Vec<PathBuf>,
    /// With `claims`: add each claim's id, figure and figure status, duplicate link,
    /// its record's id, its sentence and the document's published date and publisher
    #[arg(long)]
    pub ids: bool,
}

#[derive(Args, Debug)]
pub struct RunArgs {
    /// Files and folders to read [default: corpus]
    pub paths: Vec<PathBuf>,
    /// Output folder; its previous files are replaced only once the new ones are complete
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
    /// Worker threads [default: one per core]
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// No progress bar (it is only drawn when stderr is a terminal anyway)
    #[arg(short, long)]
    pub quiet: bool,
    /// Largest document (file, JSON line or WARC record) read, in bytes; a larger one gets a
    /// `failed` row and is never held in memory
    #[arg(long, default_value_t = crate::ingest::DEFAULT_MAX_DOC_BYTES)]
    pub max_doc_bytes: u64,
    /// Process only shard I of N (0-based): the documents whose id falls in it. Each shard
    /// writes a complete output; `figtrace reconcile DIR...` joins them into the output one
    /// run over everything would write. Every shard still reads all inputs once, to learn
    /// the site furniture
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<(u32, u32)>,
    /// Print the output tables' columns, types and meanings, and exit
    #[arg(long)]
    pub print_schema: bool,
}

fn parse_shard(s: &str) -> Result<(u32, u32), String> {
    let (i, n) = s.split_once('/').ok_or("expected I/N, for example 0/4")?;
    let (i, n): (u32, u32) =
        (i.trim().parse().map_err(|_| "I is not a number")?, n.trim().parse().map_err(|_| "N is not a number")?);
    if n == 0 || i >= n {
        return Err(format!("shard {i}/{n}: I must be below N (shards are numbered from 0)"));
    }
    Ok((i, n))
}

impl Default for RunArgs {
    /// `figtrace run` with no flags: `corpus/` into `output/`.
    fn default() -> Self {
        RunArgs {
            paths: Vec::new(),
            output: PathBuf::from("output"),
            jobs: None,
            quiet: false,
            max_doc_bytes: crate::ingest::DEFAULT_MAX_DOC_BYTES,
            shard: None,
            print_schema: false,
        }
    }
}

/// The input paths, `corpus` when none are given.
pub fn paths_or_default(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() { vec![PathBuf::from("corpus")] } else { paths }
}

impl RunArgs {
    /// The run's configuration, with defaults filled in.
    pub fn into_config(self) -> Config {
        Config {
            inputs: paths_or_default(self.paths),
            output: self.output,
            jobs: self.jobs,
            progress: !self.quiet,
            max_doc_bytes: self.max_doc_bytes,
            shard: self.shard,
        }
    }
}
