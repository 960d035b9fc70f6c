//! Write: a [`Dataset`] → `documents.parquet`, `claims.parquet`, `figures.parquet`
//! and `manifest.json`.
//!
//! # The output contract
//!
//! Column names and types are a public interface (notebooks read them); change them
//! only with a [`SCHEMA_VERSION`] bump. Every column is nullable in the file. Offsets
//! are **code points** into `documents.text` (Python's `text[char_start:char_end]` is
//! `surface`); `line` and `column` are 1-based, the column in code points.
//!
//! | table | columns |
//! |---|---|
//! | documents | `doc_id` str, `source_path` str, `record_index` i64, `external_id` str, `source_sha256` str, `format` str, `url` str, `title` str, `publisher` str, `published` str, `text` str, `boilerplate_spans` list<list<i64>> (`[start, end)` code points), `status` str, `error` str, `duplicate_of` str |
//! | claims | `claim_id` str, `doc_id` str, `source_path` str, `record_index` i64, `external_id` str, `char_start` i64, `char_end` i64, `line` i64, `column` i64, `surface` str, `sentence` str, `sentence_start` i64, `kind` str, `value` f64, `low` f64, `high` f64, `bound` str, `unit` str, `currency` str, `change` str, `from_claim_id` str, `subject` str, `subject_key` str, `geography` str, `period` str, `per` str, `attribution` str, `in_boilerplate` bool, `duplicate_of` str, `figure_id` str, `text_fragment_url` str, `rule` str |
//! | figures | `figure_id` str, `kind` str, `unit` str, `subject` str, `subject_key` str, `geography` str, `period` str, `value_min` f64, `value_max` f64, `value_median` f64, `status` str, `n_claims` i64, `n_documents` i64, `n_publishers` i64, `claim_ids` list<str>, `doc_ids` list<str>, `conflicting_claim_ids` list<str> |
//!
//! Files are written with polars' lazy sink at `CompatLevel::oldest()` (plain
//! `large_string`, not `string_view`, so pandas reads list columns), zstd-compressed,
//! into a temporary folder inside the output folder, then renamed into place with the
//! manifest last: a run that is killed leaves the previous output whole.

use rustc_hash::FxHashMap as HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, Result};
use polars::prelude::*;

use crate::dedup::Links;
use crate::keys::{Keys, claim_id, doc_id};
use crate::locate::{Locator, claim_positions};
use crate::model::{Article, Claim, DocStatus, Figure};
use crate::reconcile::Figures;

/// Version of the output schema. Bump on any change of column names or types.
pub const SCHEMA_VERSION: u32 = 2;

/// This process's run id (12 hex digits of a hash of the start time and process id): in
/// the manifest and in every table's file metadata.
pub fn run_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        crate::ingest::sha256_hex(format!("{}{}", now.as_nanos(), std::process::id()).as_bytes())[..12].to_owned()
    })
}

/// The table files, in the order they are moved into place.
pub const TABLES: [&str; 3] = ["documents.parquet", "claims.parquet", "figures.parquet"];

/// Output written as a run goes: each batch's documents and claims are written to
/// numbered part files in a temporary folder inside the output folder (so memory holds one
/// batch, not the dump); [`Staged::finish`] then writes the tables from the parts, with
/// the columns only the whole run can know (`status` and `duplicate_of` of documents,
/// `duplicate_of` and `figure_id` of claims) joined on by row, and moves them into place
/// with the manifest last.
pub struct Staged {
    dir: PathBuf,
    tmp: PathBuf,
    parts: usize,
    /// Tables written elsewhere to assemble instead of the parts (`figtrace reconcile`).
    tables: Option<(Vec<PathBuf>, Vec<PathBuf>)>,
}

/// Columns a run sets after dedup and reconciliation, in row order of the parts, and the
/// figures table.
pub struct Patches {
    documents: DataFrame,
    claims: DataFrame,
    figures: DataFrame,
}

impl Patches {
    /// From the keys of a run, its documents' statuses (duplicates marked), and what dedup
    /// and reconciliation found.
    pub fn new(keys: &Keys, statuses: &[DocStatus], links: &Links, found: &Figures) -> Result<Patches> {
        let status: StringChunked = statuses.iter().map(|s| Some(s.as_str())).collect();
        let doc_dup: StringChunked =
            links.doc_duplicate_of.iter().map(|c| c.map(|c| doc_id(keys.docs[c as usize].id))).collect();
        let claim_dup: StringChunked =
            links.claim_duplicate_of.iter().map(|c| c.map(|c| claim_id(keys.claims[c as usize].id))).collect();
        let figure: StringChunked = found.claim_figure.iter().map(|f| f.map(|f| found.figure_id(f as usize))).collect();
        Ok(Patches {
            documents: DataFrame::new_infer_height(vec![
                status.with_name("status".into()).into_series().into_column(),
                doc_dup.with_name("duplicate_of".into()).into_series().into_column(),
            ])?,
            claims: DataFrame::new_infer_height(vec![
                claim_dup.with_name("duplicate_of".into()).into_series().into_column(),
                figure.with_name("figure_id".into()).into_series().into_column(),
            ])?,
            figures: figures_frame_of(keys, found)?,
        })
    }
}

/// The `figures` table, made a chunk of figures at a time.
fn figures_frame_of(keys: &Keys, found: &Figures) -> Result<DataFrame> {
    const CHUNK: usize = 16 * 1024;
    let mut frame: Option<DataFrame> = None;
    for start in (0..found.len()).step_by(CHUNK) {
        let chunk: Vec<Figure> = (start..(start + CHUNK).min(found.len())).map(|k| found.figure(keys, k)).collect();
        let df = figures_frame(&chunk)?;
        match &mut frame {
            Some(f) => {
                f.vstack_mut(&df)?;
            }
            None => frame = Some(df),
        }
    }
    // Left in its chunks: the writer takes them as they are, and a rechunk would copy
    // the whole table at the run's peak of memory.
    match frame {
        Some(f) => Ok(f),
        None => figures_frame(&[]),
    }
}

const DOC_PATCHED: [&str; 2] = ["status", "duplicate_of"];
const CLAIM_PATCHED: [&str; 2] = ["duplicate_of", "figure_id"];

impl Staged {
    /// Starts an output in `dir` (created if missing).
    pub fn new(dir: &Path) -> Result<Staged> {
        fs::create_dir_all(dir).with_context(|| format!("cannot create output folder {}", dir.display()))?;
        let tmp = dir.join(format!(".figtrace-tmp-{}", std::process::id()));
        if tmp.exists() {
            fs::remove_dir_all(&tmp).with_context(|| format!("cannot clear {}", tmp.display()))?;
        }
        fs::create_dir_all(tmp.join("parts")).with_context(|| format!("cannot create {}", tmp.display()))?;
        Ok(Staged { dir: dir.to_path_buf(), tmp, parts: 0, tables: None })
    }

    /// An output assembled from the `documents` and `claims` tables of other outputs.
    pub fn from_tables(dir: &Path, documents: Vec<PathBuf>, claims: Vec<PathBuf>) -> Result<Staged> {
        let mut staged = Staged::new(dir)?;
        staged.tables = Some((documents, claims));
        Ok(staged)
    }

    /// Writes one batch of documents and their claims.
    pub fn write_batch(&mut self, docs: &[Article], claims: &[Claim]) -> Result<()> {
        self.parts += 1;
        let n = self.parts;
        sink_with(documents_frame(docs)?.lazy(), &self.part("documents", n), part_options())?;
        sink_with(claims_frame(docs, claims)?.lazy(), &self.part("claims", n), part_options())?;
        Ok(())
    }

    /// The temporary folder, removed when the output is complete or abandoned.
    pub fn tmp(&self) -> &Path {
        &self.tmp
    }

    fn part(&self, table: &str, n: usize) -> PathBuf {
        self.tmp.join("parts").join(format!("{table}-{n:06}.parquet"))
    }

    /// Writes the tables from the parts with `patches`, the figures and the manifest that
    /// `manifest` makes given the seconds spent writing, and moves them into place.
    pub fn finish(self, patches: Patches, manifest: impl FnOnce(f64) -> serde_json::Value) -> Result<()> {
        let started = std::time::Instant::now();
        let parts = |table: &str| match &self.tables {
            Some((docs, _)) if table == "documents" => docs.clone(),
            Some((_, claims)) => claims.clone(),
            None => (1..=self.parts).map(|n| self.part(table, n)).collect::<Vec<_>>(),
        };
        let (docs, claims) = (patches.documents, patches.claims);
        crate::run::trace_memory("patches");
        // The figures first: their table is not held while the big tables are written.
        sink(patches.figures, &self.tmp.join(TABLES[2]))?;
        crate::run::trace_memory("figures.parquet");
        // Row groups of ~1,000 documents and ~16,000 claims (a few MB each): a row group is
        // what the writer holds in memory, and what a reader skips by its statistics.
        assemble(&parts("documents"), &DOCUMENT_COLUMNS, &DOC_PATCHED, docs, &self.tmp.join(TABLES[0]), 1024)?;
        crate::run::trace_memory("documents.parquet");
        assemble(&parts("claims"), &CLAIM_COLUMNS, &CLAIM_PATCHED, claims, &self.tmp.join(TABLES[1]), 16 * 1024)?;
        crate::run::trace_memory("claims.parquet");
        let json = serde_json::to_string_pretty(&manifest(started.elapsed().as_secs_f64()))?;
        fs::write(self.tmp.join("manifest.json"), json + "\n").context("cannot write manifest.json")?;
        for name in TABLES.iter().chain(["manifest.json"].iter()) {
            let to: PathBuf = self.dir.join(name);
            fs::rename(self.tmp.join(name), &to).with_context(|| format!("cannot move {} into place", to.display()))?;
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.tmp);
    }
}

/// Writes `out` from the rows of the Parquet files `parts` (in order, the `patched`
/// columns dropped) beside the columns of `patch`, row by row, columns in `order`. The
/// parts are streamed, never loaded whole.
pub fn assemble(
    parts: &[PathBuf],
    order: &[&str],
    patched: &[&str],
    patch: DataFrame,
    out: &Path,
    row_group: usize,
) -> Result<()> {
    let sources: Vec<PlRefPath> = parts.iter().map(|p| PlRefPath::try_from_path(p)).collect::<PolarsResult<_>>()?;
    let rows = if sources.is_empty() {
        // No batch: an empty table of the right schema.
        let empty = if order == DOCUMENT_COLUMNS { documents_frame(&[])? } else { claims_frame(&[], &[])? };
        empty.lazy()
    } else {
        LazyFrame::scan_parquet_sources(ScanSources::Paths(sources.into_iter().collect()), ScanArgsParquet::default())?
    };
    let kept: Vec<Expr> = order.iter().filter(|c| !patched.contains(c)).map(|c| col(*c)).collect();
    let joined = concat_lf_horizontal([rows.select(kept), patch.lazy()], HConcatOptions::default())?;
    let ordered = joined.select(order.iter().map(|c| col(*c)).collect::<Vec<_>>());
    let mut options = (*parquet_options()).clone();
    options.row_group_size = Some(row_group);
    sink_with(ordered, out, Arc::new(options))
}

/// Column order of the tables (the output contract, above).
pub const DOCUMENT_COLUMNS: [&str; 15] = [
    "doc_id",
    "source_path",
    "record_index",
    "external_id",
    "source_sha256",
    "format",
    "url",
    "title",
    "publisher",
    "published",
    "text",
    "boilerplate_spans",
    "status",
    "error",
    "duplicate_of",
];
pub const CLAIM_COLUMNS: [&str; 32] = [
    "claim_id",
    "doc_id",
    "source_path",
    "record_index",
    "external_id",
    "char_start",
    "char_end",
    "line",
    "column",
    "surface",
    "sentence",
    "sentence_start",
    "kind",
    "value",
    "low",
    "high",
    "bound",
    "unit",
    "currency",
    "change",
    "from_claim_id",
    "subject",
    "subject_key",
    "geography",
    "period",
    "per",
    "attribution",
    "in_boilerplate",
    "duplicate_of",
    "figure_id",
    "text_fragment_url",
    "rule",
];

pub const FIGURE_COLUMNS: [&str; 17] = [
    "figure_id",
    "kind",
    "unit",
    "subject",
    "subject_key",
    "geography",
    "period",
    "value_min",
    "value_max",
    "value_median",
    "status",
    "n_claims",
    "n_documents",
    "n_publishers",
    "claim_ids",
    "doc_ids",
    "conflicting_claim_ids",
];

/// The column reference (`output/README.md`, built into the binary).
const COLUMN_REFERENCE: &str = include_str!("../output/README.md");

/// `figtrace run --print-schema`: every table's columns, types and meanings.
pub fn schema_text() -> String {
    let tables = COLUMN_REFERENCE.find("## documents.parquet").map_or(COLUMN_REFERENCE, |at| &COLUMN_REFERENCE[at..]);
    format!(
        "figtrace {} output, schema version {SCHEMA_VERSION}: documents.parquet, claims.parquet, figures.parquet\n\n{tables}",
        env!("CARGO_PKG_VERSION")
    )
}

/// Part files: fast to write and read back, never read by users.
fn part_options() -> Arc<ParquetWriteOptions> {
    let mut o = (*parquet_options()).clone();
    o.compression = ParquetCompression::Lz4Raw;
    o.statistics = StatisticsOptions::empty();
    Arc::new(o)
}

fn parquet_options() -> Arc<ParquetWriteOptions> {
    Arc::new(ParquetWriteOptions {
        // Level 1: a third faster to write than the default (3), files a few per cent larger.
        compression: ParquetCompression::Zstd(polars_parquet::write::ZstdLevel::try_new(1).ok()),
        statistics: StatisticsOptions::full(),
        row_group_size: Some(128 * 1024),
        data_page_size: None,
        key_value_metadata: Some(KeyValueMetadata::from_static(vec![
            ("figtrace.version".into(), env!("CARGO_PKG_VERSION").into()),
            ("figtrace.schema_version".into(), SCHEMA_VERSION.to_string()),
            ("figtrace.run_id".into(), run_id().to_owned()),
        ])),
        arrow_schema: None,
        compat_level: Some(CompatLevel::oldest()),
    })
}

fn sink(df: DataFrame, path: &Path) -> Result<()> {
    sink_with(df.lazy(), path, parquet_options())
}

fn sink_with(lf: LazyFrame, path: &Path, options: Arc<ParquetWriteOptions>) -> Result<()> {
    lf.sink(
        SinkDestination::File { target: SinkTarget::Path(PlRefPath::try_from_path(path)?) },
        FileWriteFormat::Parquet(options),
        UnifiedSinkArgs { mkdir: true, ..Default::default() },
    )?
    .collect()
    .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    Ok(())
}

fn col_str<'a>(name: &str, v: impl Iterator<Item = Option<&'a str>>) -> Column {
    Series::new(name.into(), v.collect::<Vec<_>>()).into_column()
}

fn col_f64(name: &str, v: impl Iterator<Item = Option<f64>>) -> Column {
    Series::new(name.into(), v.collect::<Vec<_>>()).into_column()
}

fn col_i64(name: &str, v: impl Iterator<Item = Option<i64>>) -> Column {
    Series::new(name.into(), v.collect::<Vec<_>>()).into_column()
}

fn col_list_str<'a>(name: &str, rows: impl Iterator<Item = &'a [String]>) -> Column {
    let rows: Vec<&[String]> = rows.collect();
    let mut b = ListStringChunkedBuilder::new(name.into(), rows.len(), rows.iter().map(|r| r.len()).sum());
    for r in rows {
        b.append_values_iter(r.iter().map(String::as_str));
    }
    b.finish().into_series().into_column()
}

/// The `documents` table.
pub fn documents_frame(docs: &[Article]) -> Result<DataFrame> {
    let spans: Vec<Series> = docs
        .iter()
        .map(|d| {
            let spans = d.boilerplate_spans();
            // A locator only for documents with boilerplate: most have none.
            let pairs: Vec<Series> = if spans.is_empty() {
                Vec::new()
            } else {
                let loc = Locator::new(&d.text);
                spans
                    .into_iter()
                    .map(|(s, e)| Series::new("".into(), [loc.char_offset(s) as i64, loc.char_offset(e) as i64]))
                    .collect()
            };
            if pairs.is_empty() {
                Series::new_empty("".into(), &DataType::List(Box::new(DataType::Int64)))
            } else {
                Series::new("".into(), pairs)
            }
        })
        .collect();
    let boilerplate = if spans.is_empty() {
        Series::new_empty(
            "boilerplate_spans".into(),
            &DataType::List(Box::new(DataType::List(Box::new(DataType::Int64)))),
        )
    } else {
        Series::new("boilerplate_spans".into(), spans)
    };
    let df = DataFrame::new_infer_height(vec![
        col_str("doc_id", docs.iter().map(|d| Some(d.doc_id.as_str()))),
        col_str("source_path", docs.iter().map(|d| Some(d.source_path.as_str()))),
        col_i64("record_index", docs.iter().map(|d| d.record_index.map(|r| r as i64))),
        col_str("external_id", docs.iter().map(|d| d.external_id.as_deref())),
        col_str("source_sha256", docs.iter().map(|d| Some(d.source_sha256.as_str()))),
        col_str("format", docs.iter().map(|d| Some(d.format.as_str()))),
        col_str("url", docs.iter().map(|d| d.url.as_deref())),
        col_str("title", docs.iter().map(|d| d.title.as_deref())),
        col_str("publisher", docs.iter().map(|d| d.publisher.as_deref())),
        col_str("published", docs.iter().map(|d| d.published.as_deref())),
        col_str("text", docs.iter().map(|d| Some(d.text.as_str()))),
        boilerplate.into_column(),
        col_str("status", docs.iter().map(|d| Some(d.status.as_str()))),
        col_str("error", docs.iter().map(|d| d.error.as_deref())),
        col_str("duplicate_of", docs.iter().map(|d| d.duplicate_of.as_deref())),
    ])?;
    Ok(df)
}

/// The `claims` table.
pub fn claims_frame(docs: &[Article], claims: &[Claim]) -> Result<DataFrame> {
    let doc_index: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.doc_id.as_str(), i)).collect();
    // Each claim's document, looked up once.
    let doc_of: Vec<&Article> = claims.iter().map(|c| &docs[doc_index[c.doc_id.as_str()]]).collect();
    let with_doc = || claims.iter().zip(doc_of.iter().copied());
    let pos = claim_positions(docs, claims);
    let fragments: Vec<Option<String>> = with_doc()
        .map(|(c, d)| d.url.as_deref().map(|u| text_fragment_url(u, &d.text[c.sentence.start..c.sentence.end])))
        .collect();
    let df = DataFrame::new_infer_height(vec![
        col_str("claim_id", claims.iter().map(|c| Some(c.claim_id.as_str()))),
        col_str("doc_id", claims.iter().map(|c| Some(c.doc_id.as_str()))),
        col_str("source_path", doc_of.iter().map(|d| Some(d.source_path.as_str()))),
        col_i64("record_index", doc_of.iter().map(|d| d.record_index.map(|r| r as i64))),
        col_str("external_id", doc_of.iter().map(|d| d.external_id.as_deref())),
        col_i64("char_start", pos.iter().map(|p| Some(p.char_start as i64))),
        col_i64("char_end", pos.iter().map(|p| Some(p.char_end as i64))),
        col_i64("line", pos.iter().map(|p| Some(p.line as i64))),
        col_i64("column", pos.iter().map(|p| Some(p.column as i64))),
        col_str("surface", with_doc().map(|(c, d)| Some(&d.text[c.span.start..c.span.end]))),
        col_str("sentence", with_doc().map(|(c, d)| Some(&d.text[c.sentence.start..c.sentence.end]))),
        col_i64("sentence_start", pos.iter().map(|p| Some(p.sentence_start as i64))),
        col_str("kind", claims.iter().map(|c| Some(c.kind.as_str()))),
        col_f64("value", claims.iter().map(|c| Some(c.value))),
        col_f64("low", claims.iter().map(|c| c.low)),
        col_f64("high", claims.iter().map(|c| c.high)),
        col_str("bound", claims.iter().map(|c| Some(c.bound.as_str()))),
        col_str("unit", claims.iter().map(|c| c.unit.as_deref())),
        col_str("currency", claims.iter().map(|c| c.currency)),
        col_str("change", claims.iter().map(|c| c.change.map(|x| x.as_str()))),
        col_str("from_claim_id", claims.iter().map(|c| c.from_claim_id.as_deref())),
        col_str("subject", claims.iter().map(|c| c.subject.as_deref())),
        col_str("subject_key", claims.iter().map(|c| c.subject_key.as_deref())),
        col_str("geography", claims.iter().map(|c| c.geography)),
        col_str("period", claims.iter().map(|c| c.period.as_deref())),
        col_str("per", claims.iter().map(|c| c.per)),
        col_str("attribution", claims.iter().map(|c| c.attribution.as_deref())),
        Series::new("in_boilerplate".into(), claims.iter().map(|c| c.in_boilerplate).collect::<Vec<_>>()).into_column(),
        col_str("duplicate_of", claims.iter().map(|c| c.duplicate_of.as_deref())),
        col_str("figure_id", claims.iter().map(|c| c.figure_id.as_deref())),
        col_str("text_fragment_url", fragments.iter().map(|f| f.as_deref())),
        col_str("rule", claims.iter().map(|c| Some(c.rule))),
    ])?;
    Ok(df)
}

/// The `figures` table.
pub fn figures_frame(figures: &[Figure]) -> Result<DataFrame> {
    let i = |n: usize| Some(n as i64);
    let df = DataFrame::new_infer_height(vec![
        col_str("figure_id", figures.iter().map(|f| Some(f.figure_id.as_str()))),
        col_str("kind", figures.iter().map(|f| Some(f.kind.as_str()))),
        col_str("unit", figures.iter().map(|f| f.unit.as_deref())),
        col_str("subject", figures.iter().map(|f| f.subject.as_deref())),
        col_str("subject_key", figures.iter().map(|f| f.subject_key.as_deref())),
        col_str("geography", figures.iter().map(|f| f.geography.as_deref())),
        col_str("period", figures.iter().map(|f| f.period.as_deref())),
        col_f64("value_min", figures.iter().map(|f| Some(f.value_min))),
        col_f64("value_max", figures.iter().map(|f| Some(f.value_max))),
        col_f64("value_median", figures.iter().map(|f| Some(f.value_median))),
        col_str("status", figures.iter().map(|f| Some(f.status.as_str()))),
        col_i64("n_claims", figures.iter().map(|f| i(f.n_claims))),
        col_i64("n_documents", figures.iter().map(|f| i(f.n_documents))),
        col_i64("n_publishers", figures.iter().map(|f| i(f.n_publishers))),
        col_list_str("claim_ids", figures.iter().map(|f| f.claim_ids.as_slice())),
        col_list_str("doc_ids", figures.iter().map(|f| f.doc_ids.as_slice())),
        col_list_str("conflicting_claim_ids", figures.iter().map(|f| f.conflicting_claim_ids.as_slice())),
    ])?;
    Ok(df)
}

/// A link that opens `url` scrolled to `sentence` (a URL text fragment): the whole
/// sentence when short, else its first and last five words as `start,end`.
pub fn text_fragment_url(url: &str, sentence: &str) -> String {
    let base = url.split('#').next().unwrap_or(url);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let fragment = if words.len() <= 10 {
        fragment_encode(&words.join(" "))
    } else {
        format!("{},{}", fragment_encode(&words[..5].join(" ")), fragment_encode(&words[words.len() - 5..].join(" ")))
    };
    format!("{base}#:~:text={fragment}")
}

/// Percent-encodes everything but unreserved characters (`-` too: it is syntax in
/// text fragments).
fn fragment_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fragments_encode_dashes_and_commas() {
        assert_eq!(
            text_fragment_url("https://e.org/a#top", "Costs rose 5%, a 12-month high."),
            "https://e.org/a#:~:text=Costs%20rose%205%25%2C%20a%2012%2Dmonth%20high."
        );
        let long = text_fragment_url("https://e.org/a", "one two three four five six seven eight nine ten eleven");
        assert!(long.ends_with("text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven"), "{long}");
    }
}
