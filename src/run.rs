//! `figtrace run`: ingest, the pipeline, and the written output folder with its manifest.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context as _, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde_json::json;

use crate::clean::{FurnitureCount, clean, furniture_hashes};
use crate::dedup::dedup;
use crate::ingest::{InputFile, Options, Plan, plan};
use crate::keys::{Keys, id_number};
use crate::model::{Article, Claim, DocStatus, FigureStatus, RawDoc};
use crate::parse::{parse, parse_blocks};
use crate::pipeline::{Config, StageClock, Summary, Timings, claims_of, doc_part};
use crate::reconcile::reconcile;
use crate::spill::{SpillReader, SpillWriter};
use crate::write::{ClaimPatches, DocPatches, SCHEMA_VERSION, Staged};

/// Documents read ahead and processed together: a batch ends after this many bytes of
/// input or [`BATCH_DOCS`] documents. Memory holds about two batches at a time.
pub const BATCH_BYTES: usize = 8 << 20;
pub const BATCH_DOCS: usize = 4096;

/// Runs the whole pipeline and writes the output folder.
///
/// Two passes, each streamed in batches through the worker threads while a reader thread
/// reads ahead. The first reads and parses the inputs, counts the blocks repeated across
/// documents (site furniture, see [`crate::clean`]) and keeps the parsed documents in a
/// spill file ([`crate::spill`]); the second reads them back, then cleans, extracts and
/// writes each batch's documents and claims, keeping only their compact [`Keys`]. Dedup and
/// reconciliation then run on the keys, and the tables are assembled from the written
/// batches.
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
    trace_memory("start");
    let mut plan = plan(&config.inputs)?;
    plan.buffer_stdin().context("cannot read standard input")?;
    let options = Options { max_doc_bytes: config.max_doc_bytes };
    // With one job, everything runs on one thread; otherwise a reader thread reads ahead
    // and a writer thread writes each batch while the workers go on with the next.
    let threaded = config.jobs != Some(1);
    let bar = progress_bar(config.progress, plan.bytes().max(1) * 2);
    let clock = StageClock::default();
    let mut timings = Timings::default();

    // Pass 1: site furniture, over every document (shards too: a shard cleans its
    // documents as one run over everything would). The documents this run processes are
    // parsed whole and kept in a spill file for pass 2.
    bar.set_message("reading");
    let staged = Staged::new(&config.output)?;
    let staged_tmp = staged.tmp().to_path_buf();
    let spill_path = staged_tmp.join("documents.bin");
    let mut spill = SpillWriter::create(&spill_path).context("cannot write the parsed documents")?;
    let mut furniture = FurnitureCount::default();
    let mut spilled_bytes = 0u64;
    let read = batches(&plan, options, &bar, threaded, |batch| {
        let parsed: Vec<(Option<Article>, Vec<u64>)> = pool.install(|| {
            batch
                .par_iter()
                .map(|raw| {
                    if config.shard.is_none_or(|(i, n)| shard_of(raw, n) == i) {
                        let a = clock.time(&clock.parse, || parse(raw));
                        let hashes = furniture_hashes(&a);
                        (Some(a), hashes)
                    } else {
                        (None, furniture_hashes(&clock.time(&clock.parse, || parse_blocks(raw))))
                    }
                })
                .collect()
        });
        for (raw, (a, hashes)) in batch.iter().zip(parsed) {
            furniture.add(&raw.sha256, hashes);
            if let Some(a) = a {
                spill.push(&a, raw.bytes.len() as u64).context("cannot write the parsed documents")?;
                spilled_bytes += raw.bytes.len() as u64;
            }
        }
        Ok(())
    });
    spill.finish().context("cannot write the parsed documents")?;
    let (files, skipped) = read?;
    let furniture = furniture.finish();
    bar.set_length(plan.bytes().max(1) + spilled_bytes);
    trace_memory("furniture counted");

    // Pass 2: everything else, batch by batch, from the parsed documents.
    bar.set_message("extracting");
    let mut writer = BatchWriter::new(staged, threaded);
    let mut handoff = 0.0;
    let mut keys = Keys::default();
    keys.reserve_for(spilled_bytes);
    keys.spill_to(&staged_tmp).context("cannot write the dedup files")?;
    let mut statuses: Vec<DocStatus> = Vec::new();
    let mut in_boilerplate = 0usize;
    let processed = stream(
        threaded,
        |emit| read_spill(&spill_path, emit),
        |batch: Vec<(Article, u64)>| {
            let input_bytes: u64 = batch.iter().map(|(_, n)| n).sum();
            let done: Vec<Processed> = pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|(a, _)| {
                        let a = clock.time(&clock.clean, || clean(a, &furniture));
                        let claims = claims_of(&a, &clock);
                        let spans = a.boilerplate_spans();
                        (a, claims, spans)
                    })
                    .collect()
            });
            let t = Instant::now();
            let parts: Vec<_> = pool.install(|| done.par_iter().map(|(a, c, bp)| doc_part(a, bp, c)).collect());
            for p in parts {
                keys.push(p);
            }
            timings.dedup += t.elapsed().as_secs_f64();
            let mut documents = Vec::with_capacity(done.len());
            // Sized at once: grown by doubling, a batch's claims were copied about twice over.
            let mut claims = Vec::with_capacity(done.iter().map(|(_, c, _)| c.len()).sum());
            for (a, c, _) in done {
                statuses.push(a.status);
                in_boilerplate += c.iter().filter(|c| c.in_boilerplate).count();
                documents.push(a);
                claims.extend(c);
            }
            let t = Instant::now();
            let r = writer.write(documents, claims);
            handoff += t.elapsed().as_secs_f64();
            bar.inc(input_bytes);
            r
        },
    );
    trace_memory(&format!("handing batches to the writer: {handoff:.2} s"));
    // On a failure, the writer's error first: a failed write stops the reading with a
    // vaguer one.
    if let Err(e) = processed.and_then(|read| read.context("cannot read the parsed documents back")) {
        writer.finish()?;
        return Err(e);
    }
    // Its space back at once; the folder goes when the output is complete.
    let _ = std::fs::remove_file(&spill_path);

    // The last batch written (and its memory free) before dedup, whose memory adds to the
    // keys'.
    let (staged, write_secs) = writer.finish()?;
    bar.finish_and_clear();
    trace_memory(&format!("batches written: writer busy {write_secs:.2} s"));
    keys.finish().context("cannot write the dedup files")?;
    let t = Instant::now();
    let links = dedup(&keys);
    timings.dedup += t.elapsed().as_secs_f64();
    trace_memory("dedup");
    links.mark_duplicates(&mut statuses);
    // The documents table needs only dedup: it is assembled while reconciliation runs, and
    // the claims table while the figures table is written. All of it on the workers, whose
    // memory freed after pass 2 is reused (on threads of their own, they would add to it).
    let doc_patches = DocPatches::new(&keys, &statuses, links.doc_duplicate_of.clone());
    let (found, documents_secs) = pool.install(|| {
        rayon::join(
            || {
                let t = Instant::now();
                let found = reconcile(&keys, &links);
                (found, t.elapsed().as_secs_f64())
            },
            || staged.write_documents(&doc_patches),
        )
    });
    drop(doc_patches);
    let (found, reconcile_secs) = found;
    let documents_secs = documents_secs?;
    timings.reconcile = reconcile_secs;
    trace_memory("reconcile");
    let counts = Counts::new(&statuses, keys.claims.len(), in_boilerplate, &found);
    let claim_patches = ClaimPatches::new(&keys, links.claim_duplicate_of, &found);
    let (figures_secs, claims_secs) =
        pool.install(|| rayon::join(|| staged.write_figures(&keys, &found), || staged.write_claims(&claim_patches)));
    let (figures_secs, claims_secs) = (figures_secs?, claims_secs?);
    let figures = found.len();
    drop((keys, found, claim_patches));
    timings.write = write_secs + documents_secs + figures_secs + claims_secs;
    timings.ingest = READING.swap(0, Ordering::Relaxed) as f64 / 1e9;
    timings.parse = clock.secs(&clock.parse);
    timings.clean = clock.secs(&clock.clean);
    timings.segment = clock.secs(&clock.segment);
    timings.extract = clock.secs(&clock.extract);
    timings.context = clock.secs(&clock.context);
    timings.total = started.elapsed().as_secs_f64();
    staged.finish(&manifest(config, &files, &skipped, &counts, &timings, started_at))?;
    trace_memory("tables assembled");
    let total = started.elapsed().as_secs_f64();
    Ok(Summary {
        documents: statuses.len(),
        by_status: counts.statuses,
        claims: counts.claims,
        figures,
        seconds: total,
        output: config.output.clone(),
    })
}

/// Nanoseconds the reader threads spent reading (not waiting for the workers): the
/// `ingest` time of the manifest.
static READING: AtomicU64 = AtomicU64::new(0);

/// Writes each batch's part files: on a thread of its own, or on the caller's.
enum BatchWriter {
    Thread {
        to: std::sync::mpsc::SyncSender<(Vec<Article>, Vec<Claim>)>,
        handle: std::thread::JoinHandle<Result<(Staged, f64)>>,
    },
    Inline(Staged, f64),
}

impl BatchWriter {
    fn new(mut staged: Staged, threaded: bool) -> BatchWriter {
        if !threaded {
            return BatchWriter::Inline(staged, 0.0);
        }
        let (to, from) = sync_channel::<(Vec<Article>, Vec<Claim>)>(1);
        let handle = std::thread::spawn(move || -> Result<(Staged, f64)> {
            let mut secs = 0.0;
            for (documents, claims) in from {
                let t = Instant::now();
                staged.write_batch(&documents, &claims)?;
                secs += t.elapsed().as_secs_f64();
            }
            Ok((staged, secs))
        });
        BatchWriter::Thread { to, handle }
    }

    fn write(&mut self, documents: Vec<Article>, claims: Vec<Claim>) -> Result<()> {
        match self {
            // A send fails only when the writer stopped on an error: `finish` reports it.
            BatchWriter::Thread { to, .. } => {
                to.send((documents, claims)).map_err(|_| anyhow::anyhow!("the batch writer stopped"))
            }
            BatchWriter::Inline(staged, secs) => {
                let t = Instant::now();
                staged.write_batch(&documents, &claims)?;
                *secs += t.elapsed().as_secs_f64();
                Ok(())
            }
        }
    }

    fn finish(self) -> Result<(Staged, f64)> {
        match self {
            BatchWriter::Thread { to, handle } => {
                drop(to);
                handle.join().map_err(|_| anyhow::anyhow!("the batch writer panicked"))?
            }
            BatchWriter::Inline(staged, secs) => Ok((staged, secs)),
        }
    }
}

/// The files read and what was passed over.
type Read = (Vec<InputFile>, Vec<(String, String)>);

/// A document of a batch: the article, its claims and its boilerplate byte spans.
type Processed = (Article, Vec<Claim>, Vec<(usize, usize)>);

/// With `FIGTRACE_TRACE_MEMORY` set, prints the resident and peak memory at a point of the
/// run to stderr (from /proc/self/status, on Linux), to see which phase holds what.
pub(crate) fn trace_memory(at: &str) {
    if std::env::var_os("FIGTRACE_TRACE_MEMORY").is_none() {
        return;
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |k: &str| status.lines().find(|l| l.starts_with(k)).map_or("?", |l| l[k.len()..].trim());
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let secs = START.get_or_init(Instant::now).elapsed().as_secs_f64();
    eprintln!("figtrace: {secs:>6.2} s {at:<20} rss {:>12} peak {:>12}", field("VmRSS:"), field("VmHWM:"));
}

/// The shard (of `n`) a document belongs to: its id's number modulo `n`.
fn shard_of(raw: &RawDoc, n: u32) -> u32 {
    (id_number(&crate::parse::doc_id(&raw.source_path, raw.record_index, &raw.sha256)) % u64::from(n)) as u32
}

/// Streams the documents of `plan` in batches to `each`, in input order (see [`stream`]).
/// Returns the files read and what was passed over.
fn batches(
    plan: &Plan,
    options: Options,
    bar: &ProgressBar,
    threaded: bool,
    mut each: impl FnMut(Vec<RawDoc>) -> Result<()>,
) -> Result<Read> {
    stream(
        threaded,
        |emit| read_in_batches(plan, options, emit),
        |batch| {
            let n: usize = batch.iter().map(|d| d.bytes.len()).sum();
            each(batch)?;
            bar.inc(n as u64);
            Ok(())
        },
    )
}

/// Hands the batches `produce` makes to `each`, in order: `produce` runs on a thread of
/// its own, reading the next batch while `each` works on this one, or on this thread.
/// `produce` stops when its `emit` returns false (`each` failed). Returns what `produce`
/// returns, or `each`'s error.
fn stream<T: Send, R: Send>(
    threaded: bool,
    produce: impl FnOnce(&mut dyn FnMut(Vec<T>) -> bool) -> R + Send,
    mut each: impl FnMut(Vec<T>) -> Result<()>,
) -> Result<R> {
    let mut result = Ok(());
    let mut work = |batch: Vec<T>| {
        result = each(batch);
        result.is_ok()
    };
    if !threaded {
        let out = produce(&mut work);
        return result.map(|()| out);
    }
    let out = std::thread::scope(|s| {
        let (tx, rx) = sync_channel::<Vec<T>>(1);
        let reader = s.spawn(move || produce(&mut |batch| tx.send(batch).is_ok()));
        let (mut waited, mut worked) = (0.0, 0.0);
        let mut t = Instant::now();
        for batch in rx {
            waited += t.elapsed().as_secs_f64();
            t = Instant::now();
            if !work(batch) {
                break;
            }
            worked += t.elapsed().as_secs_f64();
            t = Instant::now();
        }
        trace_memory(&format!("read: {waited:.2} s waiting, {worked:.2} s working"));
        reader.join().map_err(|_| anyhow::anyhow!("the input reader stopped"))
    })?;
    result.map(|()| out)
}

/// Reads the spill file of pass 1 back in batches until `emit` returns false.
fn read_spill(path: &std::path::Path, emit: &mut dyn FnMut(Vec<(Article, u64)>) -> bool) -> std::io::Result<()> {
    let mut batcher = Batcher::new(emit);
    let result = (|| {
        let mut spill = SpillReader::open(path)?;
        while let Some((a, n)) = spill.next_article()? {
            let bytes = a.text.len();
            if !batcher.push((a, n), bytes) {
                break;
            }
        }
        Ok(())
    })();
    batcher.finish();
    result
}

/// Reads `plan` in batches until `emit` returns false.
fn read_in_batches(plan: &Plan, options: Options, emit: &mut dyn FnMut(Vec<RawDoc>) -> bool) -> Read {
    let mut batcher = Batcher::new(emit);
    let out = plan.read(options, &mut |doc| {
        let bytes = doc.bytes.len();
        batcher.push(doc, bytes);
    });
    batcher.finish();
    out
}

/// Gathers what a reader reads into batches of [`BATCH_BYTES`] or [`BATCH_DOCS`] for
/// `emit`, and adds the time spent reading (not in `emit`) to [`READING`].
struct Batcher<'e, T> {
    emit: &'e mut dyn FnMut(Vec<T>) -> bool,
    batch: Vec<T>,
    bytes: usize,
    /// `emit` has taken every batch so far.
    open: bool,
    started: Instant,
    emitting: f64,
}

impl<'e, T> Batcher<'e, T> {
    fn new(emit: &'e mut dyn FnMut(Vec<T>) -> bool) -> Self {
        Batcher { emit, batch: Vec::new(), bytes: 0, open: true, started: Instant::now(), emitting: 0.0 }
    }

    /// Adds `item` (`bytes` long); false once `emit` has refused a batch (the item is
    /// dropped then).
    fn push(&mut self, item: T, bytes: usize) -> bool {
        if self.open {
            self.bytes += bytes;
            self.batch.push(item);
            if self.bytes >= BATCH_BYTES || self.batch.len() >= BATCH_DOCS {
                self.flush();
            }
        }
        self.open
    }

    fn flush(&mut self) {
        if self.open && !self.batch.is_empty() {
            let t = Instant::now();
            self.open = (self.emit)(std::mem::take(&mut self.batch));
            self.emitting += t.elapsed().as_secs_f64();
        }
        self.bytes = 0;
    }

    /// Hands over the last batch.
    fn finish(mut self) {
        self.flush();
        let reading = self.started.elapsed().as_secs_f64() - self.emitting;
        READING.fetch_add((reading * 1e9) as u64, Ordering::Relaxed);
    }
}

fn progress_bar(enabled: bool, len: u64) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    // Draws on stderr, and hides itself when stderr is not a terminal.
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} {msg:>10} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, eta {eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

/// What the manifest counts.
pub(crate) struct Counts {
    pub statuses: [(DocStatus, usize); 4],
    pub claims: usize,
    pub in_boilerplate: usize,
    pub figures: [(FigureStatus, usize); 3],
}

impl Counts {
    pub fn new(
        statuses: &[DocStatus],
        claims: usize,
        in_boilerplate: usize,
        found: &crate::reconcile::Figures,
    ) -> Counts {
        Counts {
            statuses: DocStatus::ALL.map(|s| (s, statuses.iter().filter(|x| **x == s).count())),
            claims,
            in_boilerplate,
            figures: [FigureStatus::Single, FigureStatus::Consistent, FigureStatus::Conflicting]
                .map(|s| (s, found.rows.iter().filter(|f| f.status == s).count())),
        }
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn manifest<'a>(
    config: &Config,
    files: &'a [InputFile],
    skipped: &[(String, String)],
    counts: &Counts,
    t: &Timings,
    started_at: SystemTime,
) -> Manifest<'a> {
    let mut m = manifest_head(started_at, counts);
    m.extend(json_object(json!({
        "config": {
            "inputs": config.inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "output": config.output.display().to_string(),
            "jobs": config.jobs.unwrap_or_else(rayon::current_num_threads),
            "shard": config.shard.map(|(i, n)| format!("{i}/{n}")),
        },
        "skipped": skipped.iter().map(|(p, why)| json!({"path": p, "reason": why})).collect::<Vec<_>>(),
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
    })));
    Manifest { head: m, inputs: files }
}

/// `manifest.json`: its keys in order, `inputs` (a dump's every file) written from the
/// list as it goes rather than made into a JSON tree first.
struct Manifest<'a> {
    head: serde_json::Map<String, serde_json::Value>,
    inputs: &'a [InputFile],
}

impl serde::Serialize for Manifest<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        /// An input's entry, its keys in order.
        #[derive(serde::Serialize)]
        struct Input<'a> {
            bytes: u64,
            format: &'a str,
            path: &'a str,
            sha256: &'a str,
        }
        struct Inputs<'a>(&'a [InputFile]);
        impl serde::Serialize for Inputs<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(|f| Input {
                    bytes: f.bytes,
                    format: f.format.as_str(),
                    path: &f.path,
                    sha256: &f.sha256,
                }))
            }
        }
        let mut keys: Vec<&str> = self.head.keys().map(String::as_str).chain(["inputs"]).collect();
        keys.sort_unstable();
        let mut map = s.serialize_map(Some(keys.len()))?;
        for k in keys {
            match self.head.get(k) {
                Some(v) => map.serialize_entry(k, v)?,
                None => map.serialize_entry(k, &Inputs(self.inputs))?,
            }
        }
        map.end()
    }
}

fn json_object(v: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    match v {
        serde_json::Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

/// What every manifest starts with: the tool, the schema, the run and its counts.
pub(crate) fn manifest_head(started_at: SystemTime, counts: &Counts) -> serde_json::Map<String, serde_json::Value> {
    let by = |pairs: Vec<(&str, usize)>| {
        pairs.into_iter().map(|(s, n)| (s.to_owned(), json!(n))).collect::<serde_json::Map<_, _>>()
    };
    let secs = started_at.duration_since(UNIX_EPOCH).unwrap_or_default();
    json_object(json!({
        "tool": "figtrace",
        "version": env!("CARGO_PKG_VERSION"),
        "schema_version": SCHEMA_VERSION,
        "run_id": crate::write::run_id(),
        "started_at": iso8601(secs.as_secs()),
        "counts": {
            "documents": counts.statuses.iter().map(|x| x.1).sum::<usize>(),
            "documents_by_status": by(counts.statuses.iter().map(|(s, n)| (s.as_str(), *n)).collect()),
            "claims": counts.claims,
            "claims_in_boilerplate": counts.in_boilerplate,
            "figures": counts.figures.iter().map(|x| x.1).sum::<usize>(),
            "figures_by_status": by(counts.figures.iter().map(|(s, n)| (s.as_str(), *n)).collect()),
        },
    }))
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
