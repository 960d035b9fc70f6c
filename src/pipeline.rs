//! The run: ingest → parse → clean → segment → extract → context → dedup → reconcile
//! → write. Only this module knows about threads, the progress bar and timing.
//!
//! Documents are independent until dedup, so everything up to `context` is a parallel
//! map (rayon) over documents; the results are collected in input order, so the output
//! never depends on the number of threads.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context as _, Result};
use indicatif::{ParallelProgressIterator, ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde_json::json;

use crate::clean::{Furniture, clean};
use crate::context::claims_for_sentence;
use crate::dedup::dedup;
use crate::extract::Extractor;
use crate::ingest::{Inputs, ingest};
use crate::model::{Article, Claim, Dataset, DocStatus, FigureStatus};
use crate::parse::parse;
use crate::reconcile::reconcile;
use crate::segment::segment;
use crate::write::{SCHEMA_VERSION, write_dataset};

/// What `figtrace run` was asked to do.
#[derive(Clone, Debug)]
pub struct Config {
    /// Files and folders to read.
    pub inputs: Vec<PathBuf>,
    /// Output folder.
    pub output: PathBuf,
    /// Worker threads; `None` means one per core.
    pub jobs: Option<usize>,
    /// Draw a progress bar on stderr (only ever drawn when stderr is a terminal).
    pub progress: bool,
}

/// Wall-clock seconds per stage. Per-document stages are summed over documents (so with
/// several threads they can exceed the run's wall time).
#[derive(Clone, Debug, Default)]
pub struct Timings {
    pub ingest: f64,
    pub parse: f64,
    pub clean: f64,
    pub segment: f64,
    pub extract: f64,
    pub context: f64,
    pub dedup: f64,
    pub reconcile: f64,
    pub write: f64,
    pub total: f64,
}

/// What a run did, for the one-line summary and the exit code.
#[derive(Clone, Debug)]
pub struct Summary {
    pub documents: usize,
    pub by_status: [(DocStatus, usize); 4],
    pub claims: usize,
    pub figures: usize,
    pub seconds: f64,
    pub output: PathBuf,
}

impl Summary {
    pub fn failures(&self) -> usize {
        self.count(DocStatus::Failed)
    }

    pub fn count(&self, status: DocStatus) -> usize {
        self.by_status.iter().find(|(s, _)| *s == status).map_or(0, |x| x.1)
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let statuses: Vec<String> = self.by_status.iter().map(|(s, n)| format!("{n} {}", s.as_str())).collect();
        write!(
            f,
            "{} documents ({}), {} claims, {} figures, {} failures in {:.2} s → {}",
            self.documents,
            statuses.join(", "),
            self.claims,
            self.figures,
            self.failures(),
            self.seconds,
            self.output.display()
        )
    }
}

/// Runs the whole pipeline and writes the output folder.
pub fn run(config: &Config) -> Result<Summary> {
    let started = Instant::now();
    let started_at = SystemTime::now();
    let pool = {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(j) = config.jobs {
            b = b.num_threads(j.max(1));
        }
        b.build().context("cannot start worker threads")?
    };
    let t = Instant::now();
    let inputs = ingest(&config.inputs)?;
    let ingest_secs = t.elapsed().as_secs_f64();
    let bar = progress_bar(config.progress, inputs.docs.len() as u64 * 2);
    let (dataset, mut timings) = pool.install(|| process_with(&inputs, &bar));
    bar.finish_and_clear();
    timings.ingest = ingest_secs;
    write_dataset(
        &dataset,
        |write_secs| {
            timings.write = write_secs;
            timings.total = started.elapsed().as_secs_f64();
            manifest(config, &inputs, &dataset, &timings, started_at)
        },
        &config.output,
    )?;
    let total = started.elapsed().as_secs_f64();
    Ok(summary(&dataset, total, config.output.clone()))
}

/// The pipeline in memory, without files or progress: for tests, benches and `eval`.
pub fn process(inputs: &Inputs) -> Dataset {
    process_with(inputs, &ProgressBar::hidden()).0
}

fn process_with(inputs: &Inputs, bar: &ProgressBar) -> (Dataset, Timings) {
    let clock = StageClock::default();
    bar.set_message("reading");
    let parsed: Vec<Article> =
        inputs.docs.par_iter().progress_with(bar.clone()).map(|raw| clock.time(&clock.parse, || parse(raw))).collect();
    let furniture = Furniture::from_articles(parsed.iter().filter(|a| a.status == DocStatus::Ok));
    bar.set_message("extracting");
    let per_doc: Vec<(Article, Vec<Claim>)> = parsed
        .into_par_iter()
        .progress_with(bar.clone())
        .map(|a| {
            let a = clock.time(&clock.clean, || clean(a, &furniture));
            let claims = claims_of(&a, &clock);
            (a, claims)
        })
        .collect();
    let mut documents = Vec::with_capacity(per_doc.len());
    let mut claims = Vec::new();
    for (a, c) in per_doc {
        documents.push(a);
        claims.extend(c);
    }
    let t = Instant::now();
    dedup(&mut documents, &mut claims);
    let dedup_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let figures = reconcile(&documents, &mut claims);
    let reconcile_secs = t.elapsed().as_secs_f64();
    let timings = Timings {
        parse: clock.secs(&clock.parse),
        clean: clock.secs(&clock.clean),
        segment: clock.secs(&clock.segment),
        extract: clock.secs(&clock.extract),
        context: clock.secs(&clock.context),
        dedup: dedup_secs,
        reconcile: reconcile_secs,
        ..Timings::default()
    };
    (Dataset { documents, claims, figures }, timings)
}

/// Segment, extract and contextualise one cleaned document.
pub fn claims_of_article(a: &Article) -> Vec<Claim> {
    claims_of(a, &StageClock::default())
}

fn claims_of(a: &Article, clock: &StageClock) -> Vec<Claim> {
    if a.status == DocStatus::Failed || a.status == DocStatus::Empty {
        return Vec::new();
    }
    let sentences = clock.time(&clock.segment, || segment(a));
    let mut extractor = Extractor::new();
    let mut claims = Vec::new();
    let mut mentions = Vec::new();
    for s in sentences {
        clock.time(&clock.extract, || extractor.extract_into(&a.text[s.span.start..s.span.end], &mut mentions));
        if mentions.is_empty() {
            continue;
        }
        claims.extend(clock.time(&clock.context, || claims_for_sentence(a, s, &mentions)));
    }
    claims
}

/// Nanoseconds spent per stage, summed over threads.
#[derive(Default)]
struct StageClock {
    parse: AtomicU64,
    clean: AtomicU64,
    segment: AtomicU64,
    extract: AtomicU64,
    context: AtomicU64,
}

impl StageClock {
    fn time<T>(&self, counter: &AtomicU64, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let out = f();
        counter.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
        out
    }

    fn secs(&self, counter: &AtomicU64) -> f64 {
        Duration::from_nanos(counter.load(Ordering::Relaxed)).as_secs_f64()
    }
}

fn progress_bar(enabled: bool, len: u64) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    // Draws on stderr, and hides itself when stderr is not a terminal.
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} {msg:>10} [{elapsed_precise}] {wide_bar} {pos}/{len} ({per_sec}, eta {eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

fn summary(d: &Dataset, seconds: f64, output: PathBuf) -> Summary {
    let by_status = DocStatus::ALL.map(|s| (s, d.documents.iter().filter(|a| a.status == s).count()));
    Summary {
        documents: d.documents.len(),
        by_status,
        claims: d.claims.len(),
        figures: d.figures.len(),
        seconds,
        output,
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn manifest(config: &Config, inputs: &Inputs, d: &Dataset, t: &Timings, started_at: SystemTime) -> serde_json::Value {
    let counts_by_status: serde_json::Map<String, serde_json::Value> = DocStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), json!(d.documents.iter().filter(|a| a.status == *s).count())))
        .collect();
    let figures_by_status: serde_json::Map<String, serde_json::Value> =
        [FigureStatus::Single, FigureStatus::Consistent, FigureStatus::Conflicting]
            .iter()
            .map(|s| (s.as_str().to_owned(), json!(d.figures.iter().filter(|f| f.status == *s).count())))
            .collect();
    let secs = started_at.duration_since(UNIX_EPOCH).unwrap_or_default();
    json!({
        "tool": "figtrace",
        "version": env!("CARGO_PKG_VERSION"),
        "schema_version": SCHEMA_VERSION,
        "run_id": &crate::ingest::sha256_hex(format!("{}{}", secs.as_nanos(), std::process::id()).as_bytes())[..12],
        "started_at": iso8601(secs.as_secs()),
        "config": {
            "inputs": config.inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "output": config.output.display().to_string(),
            "jobs": config.jobs.unwrap_or_else(rayon::current_num_threads),
        },
        "inputs": inputs.files.iter().map(|f| json!({
            "path": f.path, "bytes": f.bytes, "sha256": f.sha256, "format": f.format.as_str(),
        })).collect::<Vec<_>>(),
        "skipped": inputs.skipped.iter().map(|(p, why)| json!({"path": p, "reason": why})).collect::<Vec<_>>(),
        "counts": {
            "documents": d.documents.len(),
            "documents_by_status": counts_by_status,
            "claims": d.claims.len(),
            "claims_in_boilerplate": d.claims.iter().filter(|c| c.in_boilerplate).count(),
            "figures": d.figures.len(),
            "figures_by_status": figures_by_status,
        },
        "timings_seconds": {
            "ingest": round3(t.ingest),
            "parse": round3(t.parse),
            "clean": round3(t.clean),
            "segment": round3(t.segment),
            "extract": round3(t.extract),
            "context": round3(t.context),
            "dedup": round3(t.dedup),
            "reconcile": round3(t.reconcile),
            "write": round3(t.write),
            "total": round3(t.total),
        },
    })
}

/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since the Unix epoch (proleptic Gregorian, UTC).
pub fn iso8601(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_of_known_instants() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_709_251_200), "2024-03-01T00:00:00Z");
        assert_eq!(iso8601(951_782_400 + 3661), "2000-02-29T01:01:01Z");
    }
}
