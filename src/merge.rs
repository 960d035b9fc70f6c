//! `figtrace reconcile DIR...`: several outputs (the shards of one dump, or runs over
//! several dumps) into one, with dedup and reconciliation across all of them.
//!
//! The keys are made again from the written tables (each claim's surface and sentence,
//! each document's text and boilerplate spans) through the same [`DocPart`] as a run
//! makes them from articles, so `run --shard i/n` for every `i` and then `reconcile` gives
//! the figures of one run over everything. The documents and claims of the outputs are
//! streamed into the new tables in the order the folders are given, with `status`,
//! `duplicate_of` and `figure_id` recomputed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use anyhow::{Result, bail};
use polars::prelude::*;
use rayon::prelude::*;
use serde_json::json;

use crate::dedup::dedup;
use crate::keys::{ClaimView, DocPart, DocView, Keys};
use crate::model::{Bound, Change, DocStatus, Kind};
use crate::pipeline::Summary;
use crate::reconcile::reconcile;
use crate::write::{ClaimPatches, DocPatches, Staged, TABLES};

/// Documents read from a table at a time.
const SLICE: usize = 4096;

const CLAIM_KEY_COLUMNS: [&str; 18] = [
    "claim_id",
    "doc_id",
    "surface",
    "sentence",
    "sentence_start",
    "kind",
    "value",
    "low",
    "high",
    "bound",
    "change",
    "unit",
    "currency",
    "subject",
    "subject_key",
    "geography",
    "period",
    "in_boilerplate",
];
const DOC_KEY_COLUMNS: [&str; 7] = ["doc_id", "status", "title", "published", "publisher", "text", "boilerplate_spans"];

/// Reconciles the outputs in `dirs` into `output`.
pub fn reconcile_dirs(dirs: &[PathBuf], output: &Path) -> Result<Summary> {
    let started = Instant::now();
    let started_at = SystemTime::now();
    if dirs.is_empty() {
        bail!("no output folders to reconcile");
    }
    for d in dirs {
        for t in &TABLES[..2] {
            let p = d.join(t);
            if !p.is_file() {
                bail!("{} is missing: is {} a figtrace output folder?", p.display(), d.display());
            }
        }
    }
    let mut keys = Keys::default();
    let mut statuses: Vec<DocStatus> = Vec::new();
    let mut in_boilerplate = 0usize;
    for d in dirs {
        add_keys(d, &mut keys, &mut statuses, &mut in_boilerplate)?;
    }
    let links = dedup(&keys);
    let found = reconcile(&keys, &links);
    links.mark_duplicates(&mut statuses);
    let counts = crate::run::Counts::new(&statuses, keys.claims.len(), in_boilerplate, &found);
    let staged = Staged::from_tables(
        output,
        dirs.iter().map(|d| d.join(TABLES[0])).collect(),
        dirs.iter().map(|d| d.join(TABLES[1])).collect(),
    )?;
    staged.write_figures(&keys, &found)?;
    staged.write_documents(&DocPatches::new(&keys, &statuses, links.doc_duplicate_of))?;
    let patches = ClaimPatches::new(&keys, links.claim_duplicate_of, &found);
    drop(keys);
    staged.write_claims(&patches)?;
    let mut m = crate::run::manifest_head(started_at, &counts);
    m.insert("reconciled_from".into(), json!(dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>()));
    m.insert("timings_seconds".into(), json!({ "total": (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0 }));
    staged.finish(&serde_json::Value::Object(m))?;
    Ok(Summary {
        documents: statuses.len(),
        by_status: counts.statuses,
        claims: counts.claims,
        figures: found.len(),
        seconds: started.elapsed().as_secs_f64(),
        output: output.to_path_buf(),
    })
}

fn scan(path: &Path) -> Result<LazyFrame> {
    Ok(LazyFrame::scan_parquet(PlRefPath::try_from_path(path)?, ScanArgsParquet::default())?)
}

fn strs<'a>(df: &'a DataFrame, name: &str) -> Result<&'a StringChunked> {
    Ok(df.column(name)?.as_materialized_series().str()?)
}

/// Adds the keys of one output folder's documents and claims, in table order.
fn add_keys(dir: &Path, keys: &mut Keys, statuses: &mut Vec<DocStatus>, in_boilerplate: &mut usize) -> Result<()> {
    let claims_path = dir.join(TABLES[1]);
    // Only the claims' document ids are read whole; the rest a slice of documents at a time.
    let claim_docs = scan(&claims_path)?
        .select([col("doc_id")])
        .collect()
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", claims_path.display()))?;
    let claim_doc = strs(&claim_docs, "doc_id")?;
    let n_claims = claim_docs.height();
    // Each document's claims are one run of rows, in document order.
    let mut rows_of: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut prev: Option<&str> = None;
    for (i, d) in claim_doc.iter().enumerate() {
        let d = d.unwrap_or("");
        if prev != Some(d) {
            if rows_of.contains_key(d) {
                bail!("{}: the claims of {d} are not together (not a figtrace output?)", claims_path.display());
            }
            rows_of.insert(d, (i, i));
        }
        rows_of.get_mut(d).expect("inserted").1 = i + 1;
        prev = Some(d);
    }
    let docs_path = dir.join(TABLES[0]);
    let n_docs = scan(&docs_path)?.select([len()]).collect()?.column("len")?.get(0)?.try_extract::<u64>()? as usize;
    let mut next_claim = 0usize;
    for offset in (0..n_docs).step_by(SLICE) {
        let docs = scan(&docs_path)?
            .select(DOC_KEY_COLUMNS.iter().map(|c| col(*c)).collect::<Vec<_>>())
            .slice(offset as i64, SLICE as IdxSize)
            .collect()
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", docs_path.display()))?;
        let (ids, status, title, published, publisher, text) = (
            strs(&docs, "doc_id")?,
            strs(&docs, "status")?,
            strs(&docs, "title")?,
            strs(&docs, "published")?,
            strs(&docs, "publisher")?,
            strs(&docs, "text")?,
        );
        let spans = docs.column("boilerplate_spans")?.as_materialized_series().list()?;
        let mut rows = Vec::with_capacity(docs.height());
        for k in 0..docs.height() {
            let id = ids.get(k).unwrap_or("");
            let (start, end) = rows_of.get(id).copied().unwrap_or((next_claim, next_claim));
            if start != next_claim {
                bail!("{}: claims are not in the order of {}", claims_path.display(), docs_path.display());
            }
            next_claim = end;
            // The status before dedup: a former run's duplicate was an `ok` document.
            let st = status.get(k).and_then(DocStatus::parse).unwrap_or(DocStatus::Ok);
            statuses.push(if st == DocStatus::Duplicate { DocStatus::Ok } else { st });
            let text = text.get(k).unwrap_or("");
            let code_points: Vec<(i64, i64)> = match spans.get_as_series(k) {
                Some(s) => {
                    let inner = s.list()?;
                    (0..inner.len())
                        .filter_map(|j| {
                            let pair = inner.get_as_series(j)?;
                            let pair = pair.i64().ok()?;
                            Some((pair.get(0)?, pair.get(1)?))
                        })
                        .collect()
                }
                None => Vec::new(),
            };
            rows.push((k, start, end, text, code_points));
        }
        // This slice's claims.
        let first = rows.first().map_or(next_claim, |r| r.1);
        let claims = scan(&claims_path)?
            .select(CLAIM_KEY_COLUMNS.iter().map(|c| col(*c)).collect::<Vec<_>>())
            .slice(first as i64, (next_claim - first) as IdxSize)
            .collect()
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", claims_path.display()))?;
        let columns = ClaimColumns::new(&claims)?;
        *in_boilerplate += columns.in_boilerplate.sum().unwrap_or(0) as usize;
        let byte_spans: Vec<Vec<(usize, usize)>> =
            rows.par_iter().map(|(_, _, _, text, cps)| byte_spans(text, cps)).collect();
        let base = statuses.len() - rows.len();
        let statuses = &*statuses;
        let parts: Vec<DocPart> = rows
            .par_iter()
            .zip(&byte_spans)
            .map(|((k, start, end, text, _), bp)| {
                let doc = DocView {
                    doc_id: ids.get(*k).unwrap_or(""),
                    status: statuses[base + k],
                    title: title.get(*k),
                    published: published.get(*k),
                    publisher: publisher.get(*k),
                    text,
                    boilerplate: bp,
                };
                DocPart::new(doc, (*start..*end).map(|i| columns.view(i - first)).collect())
            })
            .collect();
        for p in parts {
            keys.push(p);
        }
    }
    if next_claim != n_claims {
        bail!(
            "{}: {} claims belong to no document of {}",
            claims_path.display(),
            n_claims - next_claim,
            docs_path.display()
        );
    }
    Ok(())
}

/// Code-point spans of `text` as byte spans.
fn byte_spans(text: &str, spans: &[(i64, i64)]) -> Vec<(usize, usize)> {
    if spans.is_empty() {
        return Vec::new();
    }
    let offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let at = |cp: i64| offsets.get(cp.max(0) as usize).copied().unwrap_or(text.len());
    spans.iter().map(|&(s, e)| (at(s), at(e))).collect()
}

/// The key columns of a claims table.
struct ClaimColumns<'a> {
    claim_id: &'a StringChunked,
    surface: &'a StringChunked,
    sentence: &'a StringChunked,
    sentence_start: &'a Int64Chunked,
    kind: &'a StringChunked,
    value: &'a Float64Chunked,
    low: &'a Float64Chunked,
    high: &'a Float64Chunked,
    bound: &'a StringChunked,
    change: &'a StringChunked,
    unit: &'a StringChunked,
    currency: &'a StringChunked,
    subject: &'a StringChunked,
    subject_key: &'a StringChunked,
    geography: &'a StringChunked,
    period: &'a StringChunked,
    in_boilerplate: &'a BooleanChunked,
}

impl<'a> ClaimColumns<'a> {
    fn new(df: &'a DataFrame) -> Result<Self> {
        let f = |n: &str| -> Result<&'a Float64Chunked> { Ok(df.column(n)?.as_materialized_series().f64()?) };
        Ok(ClaimColumns {
            claim_id: strs(df, "claim_id")?,
            surface: strs(df, "surface")?,
            sentence: strs(df, "sentence")?,
            sentence_start: df.column("sentence_start")?.as_materialized_series().i64()?,
            kind: strs(df, "kind")?,
            value: f("value")?,
            low: f("low")?,
            high: f("high")?,
            bound: strs(df, "bound")?,
            change: strs(df, "change")?,
            unit: strs(df, "unit")?,
            currency: strs(df, "currency")?,
            subject: strs(df, "subject")?,
            subject_key: strs(df, "subject_key")?,
            geography: strs(df, "geography")?,
            period: strs(df, "period")?,
            in_boilerplate: df.column("in_boilerplate")?.as_materialized_series().bool()?,
        })
    }

    fn view(&self, i: usize) -> ClaimView<'a> {
        ClaimView {
            claim_id: self.claim_id.get(i).unwrap_or(""),
            surface: self.surface.get(i).unwrap_or(""),
            sentence: self.sentence.get(i).unwrap_or(""),
            sentence_start: self.sentence_start.get(i).unwrap_or(0).max(0) as usize,
            kind: self.kind.get(i).and_then(Kind::parse).unwrap_or(Kind::Count),
            value: self.value.get(i).unwrap_or(f64::NAN),
            low: self.low.get(i),
            high: self.high.get(i),
            bound: self.bound.get(i).and_then(Bound::parse).unwrap_or(Bound::Exact),
            change: self.change.get(i).and_then(Change::parse),
            unit: self.unit.get(i),
            currency: self.currency.get(i),
            subject: self.subject.get(i),
            subject_key: self.subject_key.get(i),
            geography: self.geography.get(i),
            period: self.period.get(i),
            in_boilerplate: self.in_boilerplate.get(i).unwrap_or(false),
        }
    }
}
