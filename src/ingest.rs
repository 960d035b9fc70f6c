//! Ingest: input paths → [`RawDoc`]s.
//!
//! Walks folders recursively in name order (so a run's order never depends on the file
//! system), picks the format by extension, and splits JSONL files into one `RawDoc`
//! per non-blank line. Nothing is decoded here: `parse` does that. A file that cannot
//! be read becomes a `RawDoc` with `error` set, so it still gets a `documents` row.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::model::{Format, RawDoc};

/// What ingest found under the input paths.
#[derive(Debug, Default)]
pub struct Inputs {
    /// The documents, in input order.
    pub docs: Vec<RawDoc>,
    /// Every input file that was read, with its size in bytes and hex SHA-256.
    pub files: Vec<InputFile>,
    /// Files inside folders that were passed over, with the reason.
    pub skipped: Vec<(String, String)>,
}

/// One input file, for the manifest.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    pub format: Format,
}

/// Reads every input under `paths`.
///
/// A path that does not exist is an error (the caller reports it as a usage error);
/// everything that goes wrong below an existing path is recorded per document.
pub fn ingest(paths: &[PathBuf]) -> Result<Inputs, IngestError> {
    for p in paths {
        if fs::symlink_metadata(p).is_err() {
            return Err(IngestError::Missing(p.clone()));
        }
    }
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        let mut seen_dirs = HashSet::new();
        collect_files(p, true, &mut seen_dirs, &mut files, &mut skipped);
    }
    // A file reached twice under the same path ("run a.txt a.txt", "run corpus corpus")
    // is read once: the same path would give the same document id twice.
    let mut seen_files = HashSet::new();
    files.retain(|(path, _)| {
        let first = seen_files.insert(path.clone());
        if !first {
            skipped.push((path.display().to_string(), "listed more than once".to_owned()));
        }
        first
    });
    let mut inputs = Inputs { skipped, ..Inputs::default() };
    for (path, format) in files {
        read_file(&path, format, &mut inputs);
    }
    Ok(inputs)
}

/// The only error that stops ingest: an input path that is not there.
#[derive(Debug)]
pub enum IngestError {
    Missing(PathBuf),
}

impl std::fmt::Display for IngestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IngestError::Missing(p) => write!(f, "{}: no such file or folder", p.display()),
        }
    }
}

impl std::error::Error for IngestError {}

/// The format a file is read as, from its extension; `None` for files a folder walk skips.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Txt),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        _ => None,
    }
}

/// Hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

fn collect_files(
    path: &Path,
    explicit: bool,
    seen_dirs: &mut HashSet<PathBuf>,
    files: &mut Vec<(PathBuf, Format)>,
    skipped: &mut Vec<(String, String)>,
) {
    let display = path.to_string_lossy().into_owned();
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            // A dangling symlink or a file that vanished: read_file records the error.
            let _ = e;
            files.push((path.to_path_buf(), format_of(path).unwrap_or(Format::Txt)));
            return;
        }
    };
    if meta.is_dir() {
        // Follow symlinked folders, but never the same folder twice (symlink loops).
        let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !seen_dirs.insert(canonical) {
            skipped.push((display, "folder already visited (symlink loop)".into()));
            return;
        }
        let mut entries: Vec<PathBuf> = match fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                skipped.push((display, format!("cannot list folder: {e}")));
                return;
            }
        };
        entries.sort();
        for entry in entries {
            let hidden = entry.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            collect_files(&entry, false, seen_dirs, files, skipped);
        }
    } else {
        match format_of(path) {
            Some(f) => files.push((path.to_path_buf(), f)),
            // A file named on the command line is read whatever its extension.
            None if explicit => files.push((path.to_path_buf(), Format::Txt)),
            None => skipped.push((display, "not a .txt, .html, .htm, .jsonl or .ndjson file".into())),
        }
    }
}

fn read_file(path: &Path, format: Format, inputs: &mut Inputs) {
    let source_path = path.to_string_lossy().into_owned();
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            inputs.docs.push(RawDoc {
                source_path: source_path.clone(),
                record_index: None,
                format,
                bytes: Vec::new(),
                sha256: sha256_hex(b""),
                error: Some(format!("cannot read {source_path}: {}", os_error(&e))),
            });
            return;
        }
    };
    let sha256 = sha256_hex(&bytes);
    inputs.files.push(InputFile {
        path: source_path.clone(),
        bytes: bytes.len() as u64,
        sha256: sha256.clone(),
        format,
    });
    match format {
        Format::Txt | Format::Html => {
            inputs.docs.push(RawDoc { source_path, record_index: None, format, bytes, sha256, error: None })
        }
        Format::Jsonl => split_jsonl(&source_path, &bytes, &mut inputs.docs),
    }
}

/// One `RawDoc` per non-blank line; the line terminator (and a BOM on line 1) removed.
fn split_jsonl(source_path: &str, bytes: &[u8], docs: &mut Vec<RawDoc>) {
    let before = docs.len();
    for (i, mut line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i == 0 {
            line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        }
        line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        docs.push(RawDoc {
            source_path: source_path.to_owned(),
            record_index: Some(i as u64 + 1),
            format: Format::Jsonl,
            bytes: line.to_vec(),
            sha256: sha256_hex(line),
            error: None,
        });
    }
    if docs.len() == before {
        // An empty JSONL file still gets a row, with status `empty`.
        docs.push(RawDoc {
            source_path: source_path.to_owned(),
            record_index: None,
            format: Format::Jsonl,
            bytes: Vec::new(),
            sha256: sha256_hex(b""),
            error: None,
        });
    }
}

fn os_error(e: &io::Error) -> String {
    e.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_of_known_digest() {
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn jsonl_lines_are_numbered_from_one_and_blank_lines_skipped() {
        let mut docs = Vec::new();
        split_jsonl("f.jsonl", b"\xEF\xBB\xBF{\"id\":1}\r\n\n{\"id\":2}\n", &mut docs);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].record_index, Some(1));
        assert_eq!(docs[0].bytes, b"{\"id\":1}");
        assert_eq!(docs[1].record_index, Some(3));
    }

    #[test]
    fn missing_path_is_an_error_naming_it() {
        let err = ingest(&[PathBuf::from("/no/such/figtrace/input")]).unwrap_err();
        assert!(err.to_string().contains("/no/such/figtrace/input"));
    }

    #[test]
    fn folders_are_walked_in_name_order_and_other_files_skipped() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("b.txt"), "B").unwrap();
        fs::write(dir.path().join("a.txt"), "A").unwrap();
        fs::write(dir.path().join("notes.md"), "M").unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub/c.html"), "<p>C</p>").unwrap();
        let inputs = ingest(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = inputs.docs.iter().map(|d| d.source_path.rsplit('/').next().unwrap().to_owned()).collect();
        assert_eq!(names, ["a.txt", "b.txt", "c.html"]);
        assert_eq!(inputs.skipped.len(), 1);
        assert!(inputs.skipped[0].0.ends_with("notes.md"));
    }
}
