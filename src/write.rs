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
//! Files are written with polars' Parquet writer (polars-parquet) at
//! `CompatLevel::oldest()` (plain `large_string`, not `string_view`, so pandas reads list
//! columns), zstd-compressed, with the encodings, statistics and metadata polars' sink
//! gives, into a temporary folder inside the output folder, then renamed into place with
//! the manifest last: a run that is killed leaves the previous output whole.

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use polars::prelude::*;

use crate::keys::{Keys, claim_id, doc_id};
use crate::locate::{Locator, claim_docs, claim_positions};
use crate::model::{Article, Claim, DocStatus, Figure};
use crate::reconcile::{Figures, figure_id};

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

/// Columns of the documents table a run sets after dedup, in row order of the parts, as
/// ids (a few bytes a row): their strings are made a slice of rows at a time, as the table
/// is assembled.
pub struct DocPatches {
    statuses: Vec<DocStatus>,
    doc_ids: Vec<u64>,
    doc_duplicate_of: Vec<Option<u32>>,
}

impl DocPatches {
    /// From the keys of a run, its documents' statuses (duplicates marked) and the
    /// documents they repeat ([`Links::doc_duplicate_of`](crate::dedup::Links::doc_duplicate_of)).
    pub fn new(keys: &Keys, statuses: &[DocStatus], doc_duplicate_of: Vec<Option<u32>>) -> DocPatches {
        DocPatches { statuses: statuses.to_vec(), doc_ids: keys.docs.iter().map(|d| d.id).collect(), doc_duplicate_of }
    }

    /// The `status` and `duplicate_of` of documents `at..at + n`.
    fn rows(&self, at: usize, n: usize) -> Result<DataFrame> {
        let rows = at..at + n;
        let dup = self.doc_duplicate_of[rows.clone()].iter().map(|d| d.map(|d| doc_id(self.doc_ids[d as usize])));
        Ok(DataFrame::new_infer_height(vec![
            col_str("status", self.statuses[rows].iter().map(|s| Some(s.as_str()))),
            col_string("duplicate_of", dup),
        ])?)
    }
}

/// Columns of the claims table a run sets after dedup and reconciliation, as
/// [`DocPatches`] are.
pub struct ClaimPatches {
    claim_ids: Vec<u64>,
    claim_duplicate_of: Vec<Option<u32>>,
    figure_ids: Vec<u64>,
    claim_figure: Vec<Option<u32>>,
}

impl ClaimPatches {
    /// From the keys of a run, the claims its claims repeat
    /// ([`Links::claim_duplicate_of`](crate::dedup::Links::claim_duplicate_of)) and what reconciliation found.
    pub fn new(keys: &Keys, claim_duplicate_of: Vec<Option<u32>>, found: &Figures) -> ClaimPatches {
        ClaimPatches {
            claim_ids: keys.claims.iter().map(|c| c.id).collect(),
            claim_duplicate_of,
            figure_ids: found.rows.iter().map(|r| r.id).collect(),
            claim_figure: found.claim_figure.clone(),
        }
    }

    /// The `duplicate_of` and `figure_id` of claims `at..at + n`.
    fn rows(&self, at: usize, n: usize) -> Result<DataFrame> {
        let rows = at..at + n;
        let dup = self.claim_duplicate_of[rows.clone()].iter().map(|c| c.map(|c| claim_id(self.claim_ids[c as usize])));
        let figure = self.claim_figure[rows].iter().map(|f| f.map(|f| figure_id(self.figure_ids[f as usize])));
        Ok(DataFrame::new_infer_height(vec![col_string("duplicate_of", dup), col_string("figure_id", figure)])?)
    }
}

/// Writes the `figures` table to `path`, a chunk of figures at a time.
fn write_figures(path: &Path, keys: &Keys, found: &Figures) -> Result<()> {
    use rayon::prelude::*;
    const CHUNK: usize = 4 * 1024;
    let mut writer = TableWriter::create(path, figures_frame(&[])?.schema())?;
    // Row groups made and encoded on the workers a window at a time (the rows of a window
    // at once in memory, its encoded groups until written), and written in order.
    let starts: Vec<usize> = (0..found.len()).step_by(CHUNK).collect();
    for window in starts.chunks(2 * rayon::current_num_threads().max(1)) {
        let encoded = window
            .par_iter()
            .map(|&start| {
                let chunk: Vec<Figure> =
                    (start..(start + CHUNK).min(found.len())).map(|k| found.figure(keys, k)).collect();
                writer.encode(&figures_frame(&chunk)?, CHUNK)
            })
            .collect::<Result<Vec<_>>>()?;
        for groups in encoded {
            writer.write(groups)?;
        }
    }
    writer.finish()
}

const DOC_PATCHED: [&str; 2] = ["status", "duplicate_of"];
/// Rows of a row group of the documents and claims tables (a few MB each: what a reader
/// skips by its statistics). A batch's part starts a new group.
const DOC_GROUP: usize = 1024;
const CLAIM_GROUP: usize = 16 * 1024;
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
        write_part(&documents_table(docs), &DOC_PATCHED, &self.part("documents", n), DOC_GROUP)?;
        write_part(&claims_table(docs, claims), &CLAIM_PATCHED, &self.part("claims", n), CLAIM_GROUP)?;
        Ok(())
    }

    /// The temporary folder, removed when the output is complete or abandoned.
    pub fn tmp(&self) -> &Path {
        &self.tmp
    }

    fn part(&self, table: &str, n: usize) -> PathBuf {
        self.tmp.join("parts").join(format!("{table}-{n:06}.parquet"))
    }

    /// Writes the figures table; returns the seconds it took.
    pub fn write_figures(&self, keys: &Keys, found: &Figures) -> Result<f64> {
        let started = std::time::Instant::now();
        write_figures(&self.tmp.join(TABLES[2]), keys, found)?;
        crate::run::trace_memory("figures.parquet");
        Ok(started.elapsed().as_secs_f64())
    }

    /// Writes the documents table from the parts with `patches`; returns the seconds it
    /// took.
    pub fn write_documents(&self, patches: &DocPatches) -> Result<f64> {
        let started = std::time::Instant::now();
        let schema = documents_table(&[]).schema();
        let (parts, rows) = (self.parts("documents"), patches.statuses.len());
        assemble(&parts, &schema, &DOC_PATCHED, rows, &|at, n| patches.rows(at, n), &self.tmp.join(TABLES[0]))?;
        crate::run::trace_memory("documents.parquet");
        Ok(started.elapsed().as_secs_f64())
    }

    /// Writes the claims table from the parts with `patches`; returns the seconds it took.
    pub fn write_claims(&self, patches: &ClaimPatches) -> Result<f64> {
        let started = std::time::Instant::now();
        let schema = claims_table(&[], &[]).schema();
        let (parts, rows) = (self.parts("claims"), patches.claim_ids.len());
        assemble(&parts, &schema, &CLAIM_PATCHED, rows, &|at, n| patches.rows(at, n), &self.tmp.join(TABLES[1]))?;
        crate::run::trace_memory("claims.parquet");
        Ok(started.elapsed().as_secs_f64())
    }

    /// The files the `table` ("documents" or "claims") is assembled from.
    fn parts(&self, table: &str) -> Vec<PathBuf> {
        match &self.tables {
            Some((docs, _)) if table == "documents" => docs.clone(),
            Some((_, claims)) => claims.clone(),
            None => (1..=self.parts).map(|n| self.part(table, n)).collect(),
        }
    }

    /// Writes `manifest` beside the three tables ([`Staged::write_documents`],
    /// [`Staged::write_claims`], [`Staged::write_figures`]) and moves them all into place,
    /// the manifest last.
    pub fn finish(self, manifest: &impl serde::Serialize) -> Result<()> {
        use std::io::Write;
        for name in TABLES {
            anyhow::ensure!(self.tmp.join(name).is_file(), "{name} was not written");
        }
        // Streamed to the file: a dump's manifest lists every input.
        let path = self.tmp.join("manifest.json");
        let write = || -> std::io::Result<()> {
            let mut out = std::io::BufWriter::new(fs::File::create(&path)?);
            serde_json::to_writer_pretty(&mut out, manifest)?;
            out.write_all(b"\n")?;
            out.flush()
        };
        write().context("cannot write manifest.json")?;
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

/// Writes `out`, a table of `schema`, from the rows of the Parquet files `parts` (in
/// order) beside the `patched` columns that `patch(at, n)` makes for rows `at..at + n` of
/// `rows`, a row group of the parts at a time.
///
/// The parts' flat columns are encoded and compressed as the table's ([`write_part`]):
/// their pages are copied as they are, neither decompressed nor decoded, once their types
/// are checked against the table's. Nested columns (`boilerplate_spans`) are read back and
/// encoded again, as a page of a nested column does not say how many rows it holds. Tables
/// of other outputs (`figtrace reconcile`) are parts too: their patched columns are made
/// anew. Memory holds a row group of a part and its encoded patches.
pub fn assemble(
    parts: &[PathBuf],
    schema: &Schema,
    patched: &[&str],
    rows: usize,
    patch: &dyn Fn(usize, usize) -> Result<DataFrame>,
    out: &Path,
) -> Result<()> {
    use polars_parquet::parquet::read::read_metadata;
    use polars_parquet::write::CompressedPage;
    use rayon::prelude::*;
    let mut writer = TableWriter::create(out, schema)?;
    let names: Vec<&str> = schema.iter_names().map(|n| n.as_str()).collect();
    let nested: Vec<String> = schema
        .iter()
        .filter(|(name, dtype)| dtype.is_nested() && !patched.contains(&name.as_str()))
        .map(|(name, _)| name.to_string())
        .collect();
    // The table's leaf columns, by top-level column: what a copied column chunk must be.
    let leaves = writer.writer.parquet_schema().columns().to_vec();
    let mut done = 0;
    for part in parts {
        let mut file = open(part)?;
        let meta = std::sync::Arc::new(read_metadata(&mut file).map_err(|e| read_error(part, e.into()))?);
        let mut at = 0;
        for group in &meta.row_groups {
            let n = group.num_rows();
            anyhow::ensure!(done + n <= rows, "the parts hold more rows than the run counted ({rows})");
            let mut fresh = patch(done, n)?;
            anyhow::ensure!(
                patched.iter().all(|p| fresh.column(p).is_ok()) && fresh.width() == patched.len(),
                "the patches give {:?}, not the columns {patched:?}",
                fresh.get_column_names()
            );
            if !nested.is_empty() {
                let mut reader = ParquetReader::new(open(part)?);
                reader.set_metadata(meta.clone());
                let back = reader
                    .with_columns(Some(nested.clone()))
                    .with_slice(Some((at, n)))
                    .finish()
                    .map_err(|e| read_error(part, e))?;
                fresh = fresh.hstack(back.columns())?;
            }
            let encoded = names
                .par_iter()
                .enumerate()
                .filter_map(|(c, name)| fresh.column(name).ok().map(|col| (c, col)))
                .map(|(c, col)| Ok((c, writer.encode_column(col, c)?)))
                .collect::<PolarsResult<Vec<_>>>()
                .map_err(|e| writer.fail(e))?;
            let mut encoded = encoded.into_iter().peekable();
            let mut columns: Vec<Vec<CompressedPage>> = Vec::new();
            for (c, name) in names.iter().enumerate() {
                if let Some((_, pages)) = encoded.next_if(|(k, _)| *k == c) {
                    columns.extend(pages);
                    continue;
                }
                let chunks = group
                    .columns_under_root_iter(name)
                    .with_context(|| format!("{} has no column {name}", part.display()))?;
                for chunk in chunks {
                    let (got, want) = (&chunk.descriptor().descriptor, &leaves[columns.len()].descriptor);
                    let same = got.max_rep_level == 0
                        && got.max_def_level == want.max_def_level
                        && (got.primitive_type.physical_type, &got.primitive_type.logical_type)
                            == (want.primitive_type.physical_type, &want.primitive_type.logical_type);
                    anyhow::ensure!(
                        same,
                        "{}: column {name} is {:?}, not the table's {:?}",
                        part.display(),
                        got.primitive_type,
                        want.primitive_type
                    );
                    columns.push(copy_pages(&file, chunk).map_err(|e| read_error(part, e))?);
                }
            }
            writer.write(vec![(n as u64, columns)])?;
            done += n;
            at += n;
        }
    }
    anyhow::ensure!(done == rows, "the parts hold {done} rows, the run counted {rows}");
    writer.finish()
}

/// The pages of a flat column chunk of `file`, read and left compressed.
fn copy_pages(
    file: &fs::File,
    chunk: &polars_parquet::parquet::metadata::ColumnChunkMetadata,
) -> PolarsResult<Vec<polars_parquet::write::CompressedPage>> {
    use polars_parquet::parquet::read::PageReader;
    use polars_parquet::write::CompressedPage;
    let range = chunk.byte_range();
    let mut bytes = vec![0u8; (range.end - range.start) as usize];
    crate::keys::read_at(file, &mut bytes, range.start)?;
    // No page of a figtrace table comes near this: a corrupt header does not make it allocate more.
    const MAX_PAGE: usize = 1 << 30;
    let reader = PageReader::new(std::io::Cursor::new(polars_buffer::Buffer::from(bytes)), chunk, Vec::new(), MAX_PAGE);
    reader
        .map(|page| {
            // A flat column's page holds a row per value.
            page.map(|mut page| {
                if let CompressedPage::Data(data) = &mut page {
                    data.num_rows = Some(data.num_values());
                }
                page
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(PolarsError::from)
}

fn open(path: &Path) -> Result<fs::File> {
    fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))
}

fn read_error(path: &Path, e: PolarsError) -> anyhow::Error {
    anyhow::anyhow!("cannot read {}: {e}", path.display())
}

/// A table file written row group by row group: the columns of each group are encoded and
/// compressed on the worker threads, the groups written in order. The file holds what
/// polars' sink writes at [`CompatLevel::oldest`] (`large_string`, so pandas reads list
/// columns): the same encodings, statistics and metadata.
struct TableWriter {
    path: PathBuf,
    writer: polars_parquet::write::FileWriter<std::io::BufWriter<fs::File>>,
    fields: Vec<polars_parquet::write::ParquetType>,
    encodings: Vec<Vec<polars_parquet::write::Encoding>>,
}

/// A row group's columns, encoded and compressed: the pages of each leaf column.
type RowGroup = (u64, Vec<Vec<polars_parquet::write::CompressedPage>>);

impl TableWriter {
    fn create(path: &Path, schema: &Schema) -> Result<TableWriter> {
        TableWriter::create_arrow(path, schema.to_arrow(CompatLevel::oldest()))
    }

    fn create_arrow(path: &Path, schema: ArrowSchema) -> Result<TableWriter> {
        use polars_parquet::write::{Encoding, FileWriter, get_dtype_encoding};
        let options = table_options();
        // Every leaf column plain: polars' default tries a dictionary for each column of
        // each row group (an estimate of its distinct values, then a cast), 1.9% of a
        // run's instructions, and zstd finds the same repeats: the tables of the bench corpus
        // grow by 0.6% (figures 3.9%, the others under 0.4%).
        let encodings =
            schema.iter_values().map(|f| vec![Encoding::Plain; get_dtype_encoding(&f.dtype).len()]).collect();
        let file = fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
        let writer = FileWriter::try_new(std::io::BufWriter::new(file), schema, options)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
        let fields = writer.parquet_schema().fields().to_vec();
        Ok(TableWriter { path: path.to_path_buf(), writer, fields, encodings })
    }

    fn fail(&self, e: impl std::fmt::Display) -> anyhow::Error {
        anyhow::anyhow!("cannot write {}: {e}", self.path.display())
    }

    /// `table` (columns in the file's order) cut in row groups of `rows`, each column of
    /// each group encoded and compressed on this thread.
    fn encode(&self, table: &DataFrame, rows: usize) -> Result<Vec<RowGroup>> {
        let groups: Vec<DataFrame> =
            (0..table.height()).step_by(rows.max(1)).map(|at| table.slice(at as i64, rows)).collect();
        let pages = (0..groups.len())
            .flat_map(|g| (0..table.width()).map(move |c| (g, c)))
            .map(|(g, c)| self.encode_column(&groups[g].columns()[c], c))
            .collect::<PolarsResult<Vec<_>>>();
        let mut pages = pages.map_err(|e| self.fail(e))?.into_iter();
        Ok(groups
            .iter()
            .map(|g| {
                (g.height() as u64, (0..table.width()).flat_map(|_| pages.next().expect("a column's pages")).collect())
            })
            .collect())
    }

    /// `columns` (the file's, `height` rows) cut in row groups of `rows`, each column of
    /// each group encoded and compressed on this thread.
    fn encode_arrays(&self, columns: &[&ArrayRef], height: usize, rows: usize) -> Result<Vec<RowGroup>> {
        (0..height)
            .step_by(rows.max(1))
            .map(|at| {
                let n = rows.min(height - at);
                let mut pages = Vec::new();
                for (c, column) in columns.iter().enumerate() {
                    pages.extend(self.encode_array(column.sliced(at, n), c).map_err(|e| self.fail(e))?);
                }
                Ok((n as u64, pages))
            })
            .collect()
    }

    /// The pages of column `c` (one list per leaf column).
    fn encode_column(
        &self,
        column: &Column,
        c: usize,
    ) -> PolarsResult<Vec<Vec<polars_parquet::write::CompressedPage>>> {
        let field = self.writer.schema().get_at_index(c).expect("a field per column").1;
        let array = column.as_materialized_series().rechunk().to_arrow_with_field(0, Cow::Borrowed(field), true)?;
        self.encode_array(array, c)
    }

    /// The pages of `array`, column `c` of the file (one list per leaf column).
    fn encode_array(&self, array: ArrayRef, c: usize) -> PolarsResult<Vec<Vec<polars_parquet::write::CompressedPage>>> {
        use polars_parquet::write::array_to_columns;
        let options = self.writer.options();
        array_to_columns(array, self.fields[c].clone(), options, &self.encodings[c])?
            .into_iter()
            .map(|pages| pages.map(|page| compress_page(page?)).collect())
            .collect()
    }

    fn write(&mut self, groups: Vec<RowGroup>) -> Result<()> {
        use polars_parquet::write::{DynIter, DynStreamingIterator, fallible_streaming_iterator};
        for (rows, columns) in &groups {
            let columns = DynIter::new(columns.iter().map(|pages| {
                Ok(DynStreamingIterator::new(fallible_streaming_iterator::convert(pages.iter().map(PolarsResult::Ok))))
            }));
            self.writer.write(*rows, columns).map_err(|e| self.fail(e))?;
        }
        Ok(())
    }

    /// Writes the footer (the Arrow schema and figtrace's keys, as the sink does) and
    /// flushes the file.
    fn finish(mut self) -> Result<()> {
        use polars_parquet::write::{KeyValue, schema_to_metadata_key};
        let mut metadata = vec![schema_to_metadata_key(self.writer.schema())];
        metadata.extend(file_metadata().into_iter().map(|(k, v)| KeyValue::new(k, v)));
        self.writer.end(Some(metadata)).map_err(|e| self.fail(e))?;
        let path = self.path;
        self.writer.into_inner().into_inner().map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
        Ok(())
    }
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

/// Writes a part file: the rows of a batch of a table, without its `patched` columns (see
/// [`assemble`], which copies the pages of the flat ones into the table), encoded and
/// compressed as the table is, in row groups of `row_group` rows. On the calling thread
/// (the batch writer's, beside the workers).
fn write_part(table: &Table, patched: &[&str], path: &Path, row_group: usize) -> Result<()> {
    let keep: Vec<usize> =
        (0..table.fields.len()).filter(|&c| !patched.contains(&table.fields[c].name.as_str())).collect();
    let schema: ArrowSchema = keep.iter().map(|&c| (table.fields[c].name.clone(), table.fields[c].clone())).collect();
    let mut writer = TableWriter::create_arrow(path, schema)?;
    let columns: Vec<&ArrayRef> = keep.iter().map(|&c| &table.columns[c]).collect();
    let groups = writer.encode_arrays(&columns, table.height(), row_group)?;
    writer.write(groups)?;
    writer.finish()
}

/// The keys figtrace adds to every table's file metadata.
fn file_metadata() -> Vec<(String, String)> {
    vec![
        ("figtrace.version".into(), env!("CARGO_PKG_VERSION").into()),
        ("figtrace.schema_version".into(), SCHEMA_VERSION.to_string()),
        ("figtrace.run_id".into(), run_id().to_owned()),
    ]
}

/// The zstd level of the tables' pages.
const ZSTD_LEVEL: i32 = 1;

std::thread_local! {
    /// A zstd context per thread, for every page it compresses: polars makes one a page
    /// (allocated and cleared each time) and zeroes the output's bound before writing it.
    static ZSTD: std::cell::RefCell<Option<zstd::bulk::Compressor<'static>>> = const { std::cell::RefCell::new(None) };
}

/// `page` compressed as [`table_options`] says (zstd, [`ZSTD_LEVEL`]): the bytes polars'
/// own compressor writes, through this thread's zstd context.
fn compress_page(page: polars_parquet::write::Page) -> PolarsResult<polars_parquet::write::CompressedPage> {
    use polars_parquet::parquet::CowBuffer;
    use polars_parquet::parquet::compression::Compression;
    use polars_parquet::parquet::page::{CompressedDictPage, DataPageHeader};
    use polars_parquet::write::{CompressedDataPage, CompressedPage, Page};
    let zstd = |bytes: &[u8]| -> PolarsResult<Vec<u8>> {
        ZSTD.with_borrow_mut(|cx| {
            let cx = match cx {
                Some(cx) => cx,
                None => cx.insert(zstd::bulk::Compressor::new(ZSTD_LEVEL)?),
            };
            cx.compress(bytes)
        })
        .map_err(|e| polars_err!(ComputeError: "cannot compress a page: {e}"))
    };
    Ok(match page {
        // Format version 1: the whole page is compressed (a version 2 page keeps its levels
        // apart; `table_options` never asks for one).
        Page::Data(p) => {
            let DataPageHeader::V1(_) = p.header() else {
                polars_bail!(ComputeError: "a version 2 data page: the tables are written in version 1")
            };
            let num_rows = p.num_rows.ok_or_else(|| polars_err!(ComputeError: "a data page without its rows"))?;
            let buffer = zstd(p.buffer())?;
            CompressedPage::Data(CompressedDataPage::new(
                p.header().clone(),
                CowBuffer::Owned(buffer),
                Compression::Zstd,
                p.buffer().len(),
                p.descriptor.clone(),
                num_rows,
            ))
        }
        Page::Dict(d) => CompressedPage::Dict(CompressedDictPage::new(
            CowBuffer::Owned(zstd(&d.buffer)?),
            Compression::Zstd,
            d.buffer.len(),
            d.num_values,
            d.is_sorted,
        )),
    })
}

/// How the tables are written: zstd level 1 (a third faster to write than the default,
/// 3; files a few per cent larger), full statistics, format version 1 (what polars' sink
/// writes).
fn table_options() -> polars_parquet::write::WriteOptions {
    use polars_parquet::write::{CompressionOptions, StatisticsOptions, Version, WriteOptions, ZstdLevel};
    WriteOptions {
        statistics: StatisticsOptions::full(),
        compression: CompressionOptions::Zstd(ZstdLevel::try_new(ZSTD_LEVEL).ok()),
        version: Version::V1,
        data_page_size: None,
    }
}

fn col_str<'a>(name: &str, v: impl Iterator<Item = Option<&'a str>>) -> Column {
    Series::new(name.into(), v.collect::<Vec<_>>()).into_column()
}

fn col_string(name: &str, v: impl Iterator<Item = Option<String>>) -> Column {
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

/// The `documents` table's rows of a batch.
pub fn documents_table(docs: &[Article]) -> Table {
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
    let mut t = Table::default();
    t.str("doc_id", docs.iter().map(|d| Some(d.doc_id.as_str())));
    t.str("source_path", docs.iter().map(|d| Some(d.source_path.as_str())));
    t.i64("record_index", docs.iter().map(|d| d.record_index.map(|r| r as i64)));
    t.str("external_id", docs.iter().map(|d| d.external_id.as_deref()));
    t.str("source_sha256", docs.iter().map(|d| Some(d.source_sha256.as_str())));
    t.str("format", docs.iter().map(|d| Some(d.format.as_str())));
    t.str("url", docs.iter().map(|d| d.url.as_deref()));
    t.str("title", docs.iter().map(|d| d.title.as_deref()));
    t.str("publisher", docs.iter().map(|d| d.publisher.as_deref()));
    t.str("published", docs.iter().map(|d| d.published.as_deref()));
    t.str("text", docs.iter().map(|d| Some(d.text.as_str())));
    t.series(&boilerplate);
    t.str("status", docs.iter().map(|d| Some(d.status.as_str())));
    t.str("error", docs.iter().map(|d| d.error.as_deref()));
    t.str("duplicate_of", docs.iter().map(|d| d.duplicate_of.as_deref()));
    t
}

/// The `claims` table's rows of a batch.
pub fn claims_table(docs: &[Article], claims: &[Claim]) -> Table {
    let doc_index = claim_docs(docs, claims);
    let doc_of: Vec<&Article> = doc_index.iter().map(|&i| &docs[i]).collect();
    let with_doc = || claims.iter().zip(doc_of.iter().copied());
    let pos = claim_positions(docs, claims, &doc_index);
    let fragments: Vec<Option<String>> = with_doc()
        .map(|(c, d)| d.url.as_deref().map(|u| text_fragment_url(u, &d.text[c.sentence.start..c.sentence.end])))
        .collect();
    let mut t = Table::default();
    t.str("claim_id", claims.iter().map(|c| Some(c.claim_id.as_str())));
    t.str("doc_id", claims.iter().map(|c| Some(c.doc_id.as_str())));
    t.str("source_path", doc_of.iter().map(|d| Some(d.source_path.as_str())));
    t.i64("record_index", doc_of.iter().map(|d| d.record_index.map(|r| r as i64)));
    t.str("external_id", doc_of.iter().map(|d| d.external_id.as_deref()));
    t.i64("char_start", pos.iter().map(|p| Some(p.char_start as i64)));
    t.i64("char_end", pos.iter().map(|p| Some(p.char_end as i64)));
    t.i64("line", pos.iter().map(|p| Some(p.line as i64)));
    t.i64("column", pos.iter().map(|p| Some(p.column as i64)));
    t.str("surface", with_doc().map(|(c, d)| Some(&d.text[c.span.start..c.span.end])));
    t.str("sentence", with_doc().map(|(c, d)| Some(&d.text[c.sentence.start..c.sentence.end])));
    t.i64("sentence_start", pos.iter().map(|p| Some(p.sentence_start as i64)));
    t.str("kind", claims.iter().map(|c| Some(c.kind.as_str())));
    t.f64("value", claims.iter().map(|c| Some(c.value)));
    t.f64("low", claims.iter().map(|c| c.low));
    t.f64("high", claims.iter().map(|c| c.high));
    t.str("bound", claims.iter().map(|c| Some(c.bound.as_str())));
    t.str("unit", claims.iter().map(|c| c.unit.as_deref()));
    t.str("currency", claims.iter().map(|c| c.currency));
    t.str("change", claims.iter().map(|c| c.change.map(|x| x.as_str())));
    t.str("from_claim_id", claims.iter().map(|c| c.from_claim_id.as_deref()));
    t.str("subject", claims.iter().map(|c| c.subject.as_deref()));
    t.str("subject_key", claims.iter().map(|c| c.subject_key.as_deref()));
    t.str("geography", claims.iter().map(|c| c.geography));
    t.str("period", claims.iter().map(|c| c.period.as_deref()));
    t.str("per", claims.iter().map(|c| c.per));
    t.str("attribution", claims.iter().map(|c| c.attribution.as_deref()));
    t.bool("in_boilerplate", claims.iter().map(|c| c.in_boilerplate));
    t.str("duplicate_of", claims.iter().map(|c| c.duplicate_of.as_deref()));
    t.str("figure_id", claims.iter().map(|c| c.figure_id.as_deref()));
    t.str("text_fragment_url", fragments.iter().map(|f| f.as_deref()));
    t.str("rule", claims.iter().map(|c| Some(c.rule)));
    t
}

/// Rows of a table as the Arrow arrays its file is written from (`large_string`, as
/// polars writes at [`CompatLevel::oldest`]): a batch's strings are copied once, into
/// their column, rather than into a polars column and again as it is cast for the file.
#[derive(Default)]
pub struct Table {
    fields: Vec<polars_arrow::datatypes::Field>,
    columns: Vec<ArrayRef>,
}

impl Table {
    fn push(&mut self, name: &str, array: ArrayRef) {
        let field = polars_arrow::datatypes::Field::new(name.into(), array.dtype().clone(), true);
        self.fields.push(field);
        self.columns.push(array);
    }

    fn str<'a>(&mut self, name: &str, values: impl Iterator<Item = Option<&'a str>> + Clone) {
        let bytes = values.clone().map(|v| v.map_or(0, str::len)).sum();
        let mut array = polars_arrow::array::MutableUtf8Array::<i64>::with_capacities(values.size_hint().0, bytes);
        for v in values {
            array.push(v);
        }
        let array: polars_arrow::array::Utf8Array<i64> = array.into();
        self.push(name, array.boxed());
    }

    fn i64(&mut self, name: &str, values: impl Iterator<Item = Option<i64>>) {
        self.push(name, polars_arrow::array::PrimitiveArray::<i64>::from(values.collect::<Vec<_>>()).boxed());
    }

    fn f64(&mut self, name: &str, values: impl Iterator<Item = Option<f64>>) {
        self.push(name, polars_arrow::array::PrimitiveArray::<f64>::from(values.collect::<Vec<_>>()).boxed());
    }

    fn bool(&mut self, name: &str, values: impl Iterator<Item = bool>) {
        self.push(name, polars_arrow::array::BooleanArray::from_slice(values.collect::<Vec<_>>()).boxed());
    }

    /// A polars column, as the file holds it.
    fn series(&mut self, s: &Series) {
        let array = s.rechunk().to_arrow(0, CompatLevel::oldest());
        self.push(s.name(), array);
    }

    /// A polars frame's columns (tests write parts from frames).
    #[cfg(test)]
    fn from_frame(df: &DataFrame) -> Table {
        let mut t = Table::default();
        for c in df.columns() {
            t.series(c.as_materialized_series());
        }
        t
    }

    pub fn names(&self) -> Vec<&str> {
        self.fields.iter().map(|f| f.name.as_str()).collect()
    }

    fn height(&self) -> usize {
        self.columns.first().map_or(0, |c| c.len())
    }

    /// The table's schema, as polars gives it (what the assembled table is written with).
    pub fn schema(&self) -> Schema {
        Schema::from_iter(self.fields.iter().map(|f| Field::new(f.name.clone(), DataType::from_arrow_field(f))))
    }
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

    /// The spans of row `i`: `[i, i + 1]` for even rows, none for odd ones.
    fn spans_of(i: i64) -> Series {
        Series::new("".into(), if i % 2 == 0 { vec![i, i + 1] } else { vec![] })
    }

    /// Part files of rows `ids` (an id, a name that is null for multiples of 3, and a
    /// nested column), in row groups of 2 rows.
    fn parts(dir: &Path, splits: &[std::ops::Range<i64>]) -> Vec<PathBuf> {
        splits
            .iter()
            .enumerate()
            .map(|(k, ids)| {
                let names: Vec<Option<String>> =
                    ids.clone().map(|i| (i % 3 != 0).then(|| format!("name {i}"))).collect();
                let spans: Vec<Series> = ids.clone().map(spans_of).collect();
                let df = DataFrame::new_infer_height(vec![
                    Series::new("id".into(), ids.clone().collect::<Vec<_>>()).into_column(),
                    Series::new("name".into(), names).into_column(),
                    Series::new("spans".into(), spans).into_column(),
                ])
                .unwrap();
                let path = dir.join(format!("part-{k}.parquet"));
                write_part(&Table::from_frame(&df), &["flag"], &path, 2).unwrap();
                path
            })
            .collect()
    }

    fn schema() -> Schema {
        Schema::from_iter([
            Field::new("id".into(), DataType::Int64),
            Field::new("flag".into(), DataType::String),
            Field::new("name".into(), DataType::String),
            Field::new("spans".into(), DataType::List(Box::new(DataType::Int64))),
        ])
    }

    fn flags(at: usize, n: usize) -> Result<DataFrame> {
        let flags: Vec<String> = (at..at + n).map(|i| format!("row {i}")).collect();
        Ok(DataFrame::new_infer_height(vec![Series::new("flag".into(), flags).into_column()])?)
    }

    #[test]
    fn assembled_tables_join_the_patch_by_row_in_pandas_types() {
        let dir = tempfile::tempdir().unwrap();
        let parts = parts(dir.path(), &[0..3, 3..5, 5..25]);
        let out = dir.path().join("table.parquet");
        assemble(&parts, &schema(), &["flag"], 25, &flags, &out).unwrap();

        let df = ParquetReader::new(fs::File::open(&out).unwrap()).finish().unwrap();
        let columns: Vec<&str> = df.get_column_names().iter().map(|c| c.as_str()).collect();
        assert_eq!(columns, ["id", "flag", "name", "spans"]);
        // The nested column, read back and encoded again, row by row.
        let spans = df.column("spans").unwrap().list().unwrap().clone();
        for i in 0..25 {
            let got: Vec<i64> = spans.get_as_series(i).unwrap().i64().unwrap().into_no_null_iter().collect();
            let want: Vec<i64> = spans_of(i as i64).i64().unwrap().into_no_null_iter().collect();
            assert_eq!(got, want, "row {i}");
        }
        let strings = |c: &str| -> Vec<Option<String>> {
            let s = df.column(c).unwrap().str().unwrap().clone();
            (0..s.len()).map(|i| s.get(i).map(str::to_owned)).collect()
        };
        let ids: Vec<i64> = df.column("id").unwrap().i64().unwrap().into_no_null_iter().collect();
        assert_eq!(ids, (0..25).collect::<Vec<_>>());
        let flags: Vec<String> = (0..25).map(|i| format!("row {i}")).collect();
        assert_eq!(strings("flag"), flags.into_iter().map(Some).collect::<Vec<_>>());
        let names = [None, Some("name 1"), Some("name 2"), None, Some("name 4")];
        assert_eq!(strings("name")[..5], names.map(|n| n.map(str::to_owned)));
        assert_eq!(strings("name")[24], None);

        let meta = polars_parquet::read::read_metadata(&mut fs::File::open(&out).unwrap()).unwrap();
        // The parts' row groups (of at most 2 rows, never across parts): 2 + 1, 2, then 10 × 2.
        let heights: Vec<usize> = meta.row_groups.iter().map(|g| g.num_rows()).collect();
        assert_eq!(heights, [[2, 1, 2].as_slice(), &[2; 10]].concat());
        // The copied pages keep their statistics: the table's column chunks have them.
        let footer = fs::read(&out).unwrap();
        let id = meta.row_groups[3].columns_under_root_iter("id").unwrap().next().unwrap();
        assert!(id.statistics(&footer).is_some_and(|s| s.is_ok()), "no statistics for id");
        let keys: Vec<&str> = meta.key_value_metadata.iter().flatten().map(|kv| kv.key.as_str()).collect();
        assert!(keys.contains(&"ARROW:schema") && keys.contains(&"figtrace.schema_version"), "{keys:?}");
    }

    #[test]
    fn frames_have_the_contract_s_columns_in_order() {
        let names = |df: DataFrame| df.get_column_names().iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(documents_table(&[]).names(), DOCUMENT_COLUMNS);
        assert_eq!(claims_table(&[], &[]).names(), CLAIM_COLUMNS);
        assert_eq!(names(figures_frame(&[]).unwrap()), FIGURE_COLUMNS);
        // The batches' arrays have the contract's types.
        let (docs, claims) = (documents_table(&[]).schema(), claims_table(&[], &[]).schema());
        let list = |t: DataType| DataType::List(Box::new(t));
        assert_eq!(docs.get("text"), Some(&DataType::String));
        assert_eq!(docs.get("record_index"), Some(&DataType::Int64));
        assert_eq!(docs.get("boilerplate_spans"), Some(&list(list(DataType::Int64))));
        assert_eq!(claims.get("value"), Some(&DataType::Float64));
        assert_eq!(claims.get("in_boilerplate"), Some(&DataType::Boolean));
    }

    #[test]
    fn parts_of_several_chunks_are_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        let frame =
            |ids: Vec<i64>| DataFrame::new_infer_height(vec![Series::new("id".into(), ids).into_column()]).unwrap();
        let mut df = frame(vec![0, 1, 2]);
        df.vstack_mut(&frame(vec![3, 4])).unwrap();
        let path = dir.path().join("part.parquet");
        write_part(&Table::from_frame(&df), &[], &path, 1024).unwrap();
        let back = ParquetReader::new(fs::File::open(&path).unwrap()).finish().unwrap();
        let ids: Vec<i64> = back.column("id").unwrap().i64().unwrap().into_no_null_iter().collect();
        assert_eq!(ids, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_column_of_several_pages_is_copied_whole() {
        let dir = tempfile::tempdir().unwrap();
        // Three values of 600 kB: one row group, its column in two pages or more (1 MB each).
        let big: Vec<String> = (0..3).map(|i| format!("{i}").repeat(600_000)).collect();
        let df = DataFrame::new_infer_height(vec![Series::new("name".into(), big.clone()).into_column()]).unwrap();
        let part = dir.path().join("part.parquet");
        write_part(&Table::from_frame(&df), &[], &part, 3).unwrap();
        let bytes: polars_buffer::Buffer<u8> = fs::read(&part).unwrap().into();
        let meta = polars_parquet::read::read_metadata(&mut std::io::Cursor::new(bytes.clone())).unwrap();
        let chunk = meta.row_groups[0].columns_under_root_iter("name").unwrap().next().unwrap();
        let pages = polars_parquet::parquet::read::get_page_iterator(
            chunk,
            std::io::Cursor::new(bytes),
            Vec::new(),
            usize::MAX,
        )
        .unwrap()
        .count();
        assert!(pages >= 2, "{pages} page");
        let schema = Schema::from_iter([
            Field::new("flag".into(), DataType::String),
            Field::new("name".into(), DataType::String),
        ]);
        let out = dir.path().join("table.parquet");
        assemble(&[part], &schema, &["flag"], 3, &flags, &out).unwrap();
        let back = ParquetReader::new(fs::File::open(&out).unwrap()).finish().unwrap();
        let names = back.column("name").unwrap().str().unwrap().clone();
        let names: Vec<Option<String>> = (0..names.len()).map(|i| names.get(i).map(str::to_owned)).collect();
        assert_eq!(names, big.into_iter().map(Some).collect::<Vec<_>>());
    }

    #[test]
    fn a_table_of_another_output_is_a_part_with_its_patched_column_made_anew() {
        // As `figtrace reconcile` reads them: a whole table, columns in another order, its
        // `flag` stale; and an empty part between two others.
        let dir = tempfile::tempdir().unwrap();
        let table = DataFrame::new_infer_height(vec![
            Series::new("name".into(), vec![Some("a"), None, Some("c")]).into_column(),
            Series::new("flag".into(), vec!["stale"; 3]).into_column(),
            Series::new("id".into(), vec![0i64, 1, 2]).into_column(),
            Series::new("spans".into(), (0..3).map(spans_of).collect::<Vec<_>>()).into_column(),
        ])
        .unwrap();
        let whole = dir.path().join("whole.parquet");
        write_part(&Table::from_frame(&table), &[], &whole, 2).unwrap();
        let empty = dir.path().join("empty.parquet");
        write_part(&Table::from_frame(&table.slice(0, 0)), &["flag"], &empty, 2).unwrap();
        let more = parts(dir.path(), &[3..5, 5..5]).remove(0);
        let out = dir.path().join("table.parquet");
        assemble(&[whole, empty, more], &schema(), &["flag"], 5, &flags, &out).unwrap();
        let df = ParquetReader::new(fs::File::open(&out).unwrap()).finish().unwrap();
        let columns: Vec<&str> = df.get_column_names().iter().map(|c| c.as_str()).collect();
        assert_eq!(columns, ["id", "flag", "name", "spans"]);
        let ids: Vec<i64> = df.column("id").unwrap().i64().unwrap().into_no_null_iter().collect();
        assert_eq!(ids, [0, 1, 2, 3, 4]);
        let flag = df.column("flag").unwrap().str().unwrap().clone();
        let flags: Vec<Option<&str>> = (0..5).map(|i| flag.get(i)).collect();
        assert_eq!(flags, [Some("row 0"), Some("row 1"), Some("row 2"), Some("row 3"), Some("row 4")]);
        let name = df.column("name").unwrap().str().unwrap().clone();
        assert_eq!((name.get(0), name.get(1), name.get(4)), (Some("a"), None, Some("name 4")));
    }

    #[test]
    fn a_part_whose_column_has_another_type_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let df = DataFrame::new_infer_height(vec![
            Series::new("id".into(), vec![0i32, 1]).into_column(),
            Series::new("name".into(), vec!["a", "b"]).into_column(),
            Series::new("spans".into(), (0..2).map(spans_of).collect::<Vec<_>>()).into_column(),
        ])
        .unwrap();
        let part = dir.path().join("part.parquet");
        write_part(&Table::from_frame(&df), &[], &part, 2).unwrap();
        let out = dir.path().join("table.parquet");
        let e = assemble(&[part], &schema(), &["flag"], 2, &flags, &out).unwrap_err();
        assert!(e.to_string().contains("column id is"), "{e}");
    }

    #[test]
    fn assembling_parts_that_miss_rows_fails() {
        let dir = tempfile::tempdir().unwrap();
        let parts = parts(dir.path(), &[0..3, 3..5]);
        let out = dir.path().join("table.parquet");
        let e = assemble(&parts, &schema(), &["flag"], 6, &flags, &out).unwrap_err();
        assert!(e.to_string().contains("the parts hold 5 rows, the run counted 6"), "{e}");
        let e = assemble(&parts, &schema(), &["flag"], 4, &flags, &out).unwrap_err();
        assert!(e.to_string().contains("more rows than the run counted"), "{e}");
    }

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
