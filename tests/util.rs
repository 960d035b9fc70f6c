//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use figtrace::model::{Article, Claim, Dataset};
use polars::prelude::*;

/// The repository root. Read when the test runs (cargo sets it), not when it was built: a
/// build cache shared between clones at other paths must not point the tests elsewhere.
pub fn repo() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

/// The `figtrace` binary built beside this test binary (`target/<profile>/figtrace`, the
/// test being `target/<profile>/deps/main-…`), for the same reason as [`repo`].
pub fn bin() -> Command {
    let beside = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join(format!("figtrace{}", std::env::consts::EXE_SUFFIX))))
        .filter(|path| path.is_file());
    Command::new(beside.unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_figtrace"))))
}

/// Runs `figtrace run PATHS -o OUT --quiet` from `cwd`.
pub fn run_cli(cwd: &Path, paths: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let mut cmd = bin();
    cmd.current_dir(cwd).arg("run").args(paths).arg("-o").arg(out).arg("--quiet").args(extra);
    cmd.output().expect("figtrace runs")
}

/// The pipeline in memory over `paths`.
pub fn process(paths: &[PathBuf]) -> Dataset {
    let inputs = figtrace::ingest::ingest(paths).expect("inputs exist");
    figtrace::process(&inputs)
}

pub fn read_parquet(path: &Path) -> DataFrame {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    ParquetReader::new(file).finish().expect("readable parquet")
}

pub fn strs(df: &DataFrame, col: &str) -> Vec<Option<String>> {
    df.column(col).unwrap().str().unwrap().iter().map(|v| v.map(str::to_owned)).collect()
}

pub fn i64s(df: &DataFrame, col: &str) -> Vec<Option<i64>> {
    df.column(col).unwrap().i64().unwrap().iter().collect()
}

/// Python's `text[start:end]`: slicing by code point.
pub fn py_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

/// The surface text of a claim.
pub fn surface<'a>(d: &'a Dataset, c: &Claim) -> &'a str {
    &doc(d, c).text[c.span.start..c.span.end]
}

pub fn doc<'a>(d: &'a Dataset, c: &Claim) -> &'a Article {
    d.documents.iter().find(|a| a.doc_id == c.doc_id).expect("claim's document")
}

/// Claims of `d` whose document path ends with `file`.
pub fn claims_in<'a>(d: &'a Dataset, file: &str) -> Vec<&'a Claim> {
    d.claims.iter().filter(|c| doc(d, c).source_path.ends_with(file)).collect()
}
