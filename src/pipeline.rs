//! The pipeline in memory: parse → clean → segment → extract → context → dedup →
//! reconcile, over ingested inputs ([`process`], for tests, benches, `eval` and `dump`),
//! and the pieces [`crate::run`] streams a dump through: the per-document stages and the
//! views of articles and claims that keys are made from.
//!
//! Documents are independent until dedup, so everything up to `context` is a parallel
//! map (rayon) over documents; the results are collected in input order, so the output
//! never depends on the number of threads.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::clean::{Furniture, clean};
use crate::context::claims_of_document;
use crate::dedup::{Links, dedup};
use crate::extract::Extractor;
use crate::ingest::Inputs;
use crate::keys::{ClaimView, DocPart, DocView, Keys};
use crate::model::{Article, Claim, Dataset, DocStatus, Figure, Mention};
use crate::parse::parse;
use crate::reconcile::{Figures, reconcile};
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
    /// Process only the documents of shard `i` of `n` (`--shard i/n`), 0-based.
    pub shard: Option<(u32, u32)>,
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
    let parsed: Vec<Article> = inputs.docs.par_iter().map(parse).collect();
    let furniture = Furniture::from_articles(parsed.iter().filter(|a| a.status == DocStatus::Ok));
    let per_doc: Vec<(Article, Vec<Claim>)> = parsed
        .into_par_iter()
        .map(|a| {
            let a = clean(a, &furniture);
            let claims = claims_of_article(&a);
            (a, claims)
        })
        .collect();
    let mut documents = Vec::with_capacity(per_doc.len());
    let mut claims = Vec::with_capacity(per_doc.iter().map(|(_, c)| c.len()).sum());
    for (a, c) in per_doc {
        documents.push(a);
        claims.extend(c);
    }
    let figures = resolve(&mut documents, &mut claims);
    Dataset { documents, claims, figures }
}

/// Dedup and reconciliation over a dataset in memory: marks duplicate documents, links
/// repeated claims, sets each claim's figure and returns the figures.
pub fn resolve(documents: &mut [Article], claims: &mut [Claim]) -> Vec<Figure> {
    let keys = keys_of(documents, claims);
    let links = dedup(&keys.keys);
    let found = reconcile(&keys.keys, &links);
    keys.apply(&links, found, documents, claims)
}

/// The keys of documents and claims in memory, and where each key's claim is in `claims`.
pub(crate) struct KeyedDataset {
    keys: Keys,
    claim_at: Vec<usize>,
}

fn keys_of(documents: &[Article], claims: &[Claim]) -> KeyedDataset {
    let mut by_doc: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_doc.entry(c.doc_id.as_str()).or_default().push(i);
    }
    let spans: Vec<Vec<(usize, usize)>> = documents.par_iter().map(Article::boilerplate_spans).collect();
    let parts: Vec<DocPart> = documents
        .par_iter()
        .zip(&spans)
        .map(|(a, bp)| {
            let mine = by_doc.get(a.doc_id.as_str()).map_or(&[][..], Vec::as_slice);
            DocPart::new(doc_view(a, bp), mine.iter().map(|&i| claim_view(a, &claims[i])).collect())
        })
        .collect();
    let mut keys = Keys::default();
    for p in parts {
        keys.push(p);
    }
    let claim_at = documents
        .iter()
        .flat_map(|a| by_doc.get(a.doc_id.as_str()).map_or(&[][..], Vec::as_slice).iter().copied())
        .collect();
    KeyedDataset { keys, claim_at }
}

impl KeyedDataset {
    fn apply(&self, links: &Links, found: Figures, documents: &mut [Article], claims: &mut [Claim]) -> Vec<Figure> {
        for (i, canon) in links.doc_duplicate_of.iter().enumerate() {
            if let Some(c) = canon {
                documents[i].status = DocStatus::Duplicate;
                documents[i].duplicate_of = Some(documents[*c as usize].doc_id.clone());
            }
        }
        for (k, &i) in self.claim_at.iter().enumerate() {
            claims[i].duplicate_of =
                links.claim_duplicate_of[k].map(|j| claims[self.claim_at[j as usize]].claim_id.clone());
            claims[i].figure_id = found.claim_figure[k].map(|f| found.figure_id(f as usize));
        }
        found.to_model(&self.keys)
    }
}

/// The keys of one document and its claims (in the order given).
pub fn doc_part<'a>(a: &'a Article, boilerplate: &'a [(usize, usize)], claims: &'a [Claim]) -> DocPart<'a> {
    DocPart::new(doc_view(a, boilerplate), claims.iter().map(|c| claim_view(a, c)).collect())
}

/// An article as keys see it (its status before dedup).
pub fn doc_view<'a>(a: &'a Article, boilerplate: &'a [(usize, usize)]) -> DocView<'a> {
    DocView {
        doc_id: &a.doc_id,
        status: if a.status == DocStatus::Duplicate { DocStatus::Ok } else { a.status },
        title: a.title.as_deref(),
        published: a.published.as_deref(),
        publisher: a.publisher.as_deref(),
        text: &a.text,
        boilerplate,
    }
}

/// A claim as keys see it.
pub fn claim_view<'a>(a: &'a Article, c: &'a Claim) -> ClaimView<'a> {
    ClaimView {
        claim_id: &c.claim_id,
        surface: a.text.get(c.span.start..c.span.end).unwrap_or(""),
        sentence: a.text.get(c.sentence.start..c.sentence.end).unwrap_or(""),
        sentence_start: c.sentence.start,
        kind: c.kind,
        value: c.value,
        low: c.low,
        high: c.high,
        bound: c.bound,
        change: c.change,
        unit: c.unit.as_deref(),
        currency: c.currency,
        subject: c.subject.as_deref(),
        subject_key: c.subject_key.as_deref(),
        geography: c.geography,
        period: c.period.as_deref(),
        in_boilerplate: c.in_boilerplate,
    }
}

/// Segment, extract and contextualise one cleaned document.
pub fn claims_of_article(a: &Article) -> Vec<Claim> {
    claims_of(a, &StageClock::default())
}

pub(crate) fn claims_of(a: &Article, clock: &StageClock) -> Vec<Claim> {
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
pub(crate) struct StageClock {
    pub parse: AtomicU64,
    pub clean: AtomicU64,
    pub segment: AtomicU64,
    pub extract: AtomicU64,
    pub context: AtomicU64,
}

impl StageClock {
    pub fn time<T>(&self, counter: &AtomicU64, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let out = f();
        counter.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
        out
    }

    pub fn secs(&self, counter: &AtomicU64) -> f64 {
        Duration::from_nanos(counter.load(Ordering::Relaxed)).as_secs_f64()
    }
}
