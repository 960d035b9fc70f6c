//! The pipeline in memory: parse → clean → segment → extract → context → dedup →
//! reconcile, over ingested inputs. With [`crate::run`] (ingest and write around it), the
//! only code that knows about threads, the progress bar and timing.
//!
//! Documents are independent until dedup, so everything up to `context` is a parallel
//! map (rayon) over documents; the results are collected in input order, so the output
//! never depends on the number of threads.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ParallelProgressIterator, ProgressBar};
use rayon::prelude::*;

use crate::clean::{Furniture, clean};
use crate::context::claims_of_document;
use crate::dedup::dedup;
use crate::extract::Extractor;
use crate::ingest::Inputs;
use crate::model::{Article, Claim, Dataset, DocStatus, Mention};
use crate::parse::parse;
use crate::reconcile::reconcile;
use crate::segment::segment;

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
    /// Largest document read, in bytes.
    pub max_doc_bytes: u64,
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

/// The pipeline in memory, without files or progress: for tests, benches and `eval`.
pub fn process(inputs: &Inputs) -> Dataset {
    process_with(inputs, &ProgressBar::hidden()).0
}

pub(crate) fn process_with(inputs: &Inputs, bar: &ProgressBar) -> (Dataset, Timings) {
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
    let mentions: Vec<Vec<Mention>> = clock.time(&clock.extract, || {
        sentences
            .iter()
            .map(|s| {
                let mut m = Vec::new();
                extractor.extract_into(&a.text[s.span.start..s.span.end], &mut m);
                m
            })
            .collect()
    });
    clock.time(&clock.context, || claims_of_document(a, &sentences, &mentions))
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
