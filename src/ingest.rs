//! Ingest: input paths → [`RawDoc`]s.
//!
//! Walks folders recursively in name order (so a run's order never depends on the file
//! system) and reads each file as a stream: gzip (`.gz`, every member) and zstd (`.zst`)
//! are undone first, told by their magic bytes, and the format is then told by the
//! extension under the compression one (`a.jsonl.gz` is JSON lines), or for `-`
//! (standard input) and unknown extensions by the first bytes. JSON lines give one
//! `RawDoc` per non-blank line, WARC archives one per `response` or `resource` record
//! holding HTML. Nothing is decoded here: `parse` does that.
//!
//! Every input is accounted for: a file that cannot be read, a record over
//! `max_doc_bytes` (skipped as it streams past, never held whole) and the break in a
//! truncated compressed file each become a `RawDoc` with `error` set, so they get a
//! `documents` row, and the records before a break are kept.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::model::{Format, RawDoc};

/// The largest document read by default: 64 MiB.
pub const DEFAULT_MAX_DOC_BYTES: u64 = 64 << 20;

/// How inputs are read.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// A document (a file, a JSON line, a WARC record) larger than this is not read: it
    /// gets a `failed` row saying so.
    pub max_doc_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_doc_bytes: DEFAULT_MAX_DOC_BYTES }
    }
}

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
    ingest_with(paths, Options::default())
}

/// [`ingest`] with [`Options`]. The path `-` reads standard input.
pub fn ingest_with(paths: &[PathBuf], options: Options) -> Result<Inputs, IngestError> {
    let plan = plan(paths)?;
    let mut docs = Vec::new();
    let (files, skipped) = plan.read(options, &mut |d| docs.push(d));
    Ok(Inputs { docs, files, skipped })
}

/// The files under the input paths, listed but not yet read: [`Plan::read`] streams their
/// documents, as often as needed.
#[derive(Debug, Default)]
pub struct Plan {
    files: Vec<FileToRead>,
    skipped: Vec<(String, String)>,
    stdin: Option<Vec<u8>>,
}

impl Plan {
    /// Bytes of the files to read, as listed (standard input counts once it is buffered).
    pub fn bytes(&self) -> u64 {
        let disk: u64 = self.files.iter().map(|f| f.len).sum();
        disk + self.stdin.as_ref().map_or(0, |b| b.len() as u64)
    }

    /// Reads standard input into memory (when `-` is an input), so that it can be read twice.
    pub fn buffer_stdin(&mut self) -> io::Result<()> {
        if self.stdin.is_none() && self.files.iter().any(|f| f.path.as_os_str() == "-") {
            let mut buf = Vec::new();
            io::stdin().lock().read_to_end(&mut buf)?;
            self.stdin = Some(buf);
        }
        Ok(())
    }

    /// Streams every document, in input order, to `each`. Returns the files read (for the
    /// manifest) and what was passed over.
    pub fn read(&self, options: Options, each: &mut dyn FnMut(RawDoc)) -> (Vec<InputFile>, Vec<(String, String)>) {
        let mut sink = Sink { each, count: 0, files: Vec::new(), skipped: self.skipped.clone() };
        prefetch::ahead_of(&self.files, |reached| {
            for (k, f) in self.files.iter().enumerate() {
                reached(k);
                read_file(&f.path, f.format, f.len, options, self.stdin.as_deref(), &mut sink);
            }
        });
        (sink.files, sink.skipped)
    }
}

/// Reading ahead: a dump of many small files read one after another waits on the disk
/// for each, while the disk could serve many at once (on this project's VM, 60 MB of
/// articles not in the page cache are read in 2.1 s one file at a time, 0.6 s eight at a
/// time). A thread asks the kernel to read the next files into the page cache
/// (`posix_fadvise(WILLNEED)`, which returns at once) while the reader reads this one: at
/// most [`prefetch::FILES`] files and [`prefetch::BYTES`] bytes ahead. Files already in the
/// page cache cost it an open and a close each. Linux only.
mod prefetch {
    use super::FileToRead;

    /// How far ahead of the reader the files are asked for.
    pub const FILES: usize = 1024;
    pub const BYTES: u64 = 64 << 20;

    /// Runs `read`, which calls its argument with the index of each of `files` it starts
    /// reading, in order, while a thread reads ahead of it.
    #[cfg(target_os = "linux")]
    pub fn ahead_of(files: &[FileToRead], read: impl FnOnce(&dyn Fn(usize))) {
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        if files.len() < 2 {
            return read(&|_| {});
        }
        let reached = AtomicUsize::new(0);
        let done = AtomicBool::new(false);
        std::thread::scope(|s| {
            s.spawn(|| {
                // (start index, bytes) of the files asked for and not yet reached.
                let mut asked: std::collections::VecDeque<(usize, u64)> = Default::default();
                let mut in_flight = 0u64;
                for (k, f) in files.iter().enumerate() {
                    loop {
                        if done.load(Ordering::Relaxed) {
                            return;
                        }
                        let at = reached.load(Ordering::Relaxed);
                        while asked.front().is_some_and(|&(i, _)| i < at) {
                            in_flight -= asked.pop_front().map_or(0, |a| a.1);
                        }
                        if k < at + FILES && in_flight < BYTES {
                            break;
                        }
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    if k < reached.load(Ordering::Relaxed) || f.path.as_os_str() == "-" {
                        continue;
                    }
                    let Ok(file) = std::fs::File::open(&f.path) else { continue };
                    // Advice only: a failure changes nothing but the speed.
                    let _ = rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::WillNeed);
                    asked.push_back((k, f.len));
                    in_flight += f.len;
                }
            });
            read(&|k| reached.store(k, Ordering::Relaxed));
            done.store(true, Ordering::Relaxed);
        });
    }

    #[cfg(not(target_os = "linux"))]
    pub fn ahead_of(_files: &[FileToRead], read: impl FnOnce(&dyn Fn(usize))) {
        read(&|_| {})
    }
}

/// Where read documents go, in order; with the files read and the records passed over.
struct Sink<'a> {
    each: &'a mut dyn FnMut(RawDoc),
    count: u64,
    files: Vec<InputFile>,
    skipped: Vec<(String, String)>,
}

impl Sink<'_> {
    fn push(&mut self, doc: RawDoc) {
        self.count += 1;
        (self.each)(doc);
    }
}

/// Lists the files under `paths` (folders walked in name order). A path that does not
/// exist is an error.
pub fn plan(paths: &[PathBuf]) -> Result<Plan, IngestError> {
    for p in paths {
        if p.as_os_str() != "-" && fs::symlink_metadata(p).is_err() {
            return Err(IngestError::Missing(p.clone()));
        }
    }
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(FileToRead { path: p.clone(), format: None, len: 0 });
            continue;
        }
        let mut seen_dirs = HashSet::new();
        collect_files(p, true, &mut seen_dirs, &mut files, &mut skipped);
    }
    // A file reached twice under the same path ("run a.txt a.txt", "run corpus corpus")
    // is read once: the same path would give the same document id twice.
    let mut seen_files = HashSet::new();
    files.retain(|f| {
        let first = seen_files.insert(f.path.clone());
        if !first {
            skipped.push((f.path.display().to_string(), "listed more than once".to_owned()));
        }
        first
    });
    Ok(Plan { files, skipped, stdin: None })
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

/// The format a file is read as, from its extension (under a `.gz` or `.zst` one):
/// `None` for files a folder walk skips, `Some(None)` for a bare `x.gz`, whose format
/// its content tells.
pub fn format_of(path: &Path) -> Option<Option<Format>> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let (inner, compressed) = match name.rsplit_once('.') {
        Some((stem, "gz" | "zst" | "zstd")) => (stem.to_owned(), true),
        _ => (name.clone(), false),
    };
    let format = match inner.rsplit_once('.').map(|(_, ext)| ext) {
        Some("txt" | "text") => Some(Format::Txt),
        Some("html" | "htm" | "xhtml") => Some(Format::Html),
        Some("jsonl" | "ndjson") => Some(Format::Jsonl),
        Some("warc") => Some(Format::Warc),
        _ if compressed => None,
        _ => return None,
    };
    Some(format)
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

/// A file to read: its path, the format its name says (`None`: told from its bytes) and
/// its size when listed (0 if unknown), which sizes the progress bar, the read-ahead and
/// the read buffer: one `stat` a file.
#[derive(Debug)]
struct FileToRead {
    path: PathBuf,
    format: Option<Format>,
    len: u64,
}

fn collect_files(
    path: &Path,
    explicit: bool,
    seen_dirs: &mut HashSet<PathBuf>,
    files: &mut Vec<FileToRead>,
    skipped: &mut Vec<(String, String)>,
) {
    let display = path.to_string_lossy().into_owned();
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            // A dangling symlink or a file that vanished: read_file records the error.
            let _ = e;
            files.push(FileToRead { path: path.to_path_buf(), format: format_of(path).flatten(), len: 0 });
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
            Some(format) => files.push(FileToRead { path: path.to_path_buf(), format, len: meta.len() }),
            // A file named on the command line is read whatever its extension.
            None if explicit => files.push(FileToRead { path: path.to_path_buf(), format: None, len: meta.len() }),
            None => skipped.push((
                display,
                "not a .txt, .html, .htm, .jsonl, .ndjson or .warc file (nor a .gz or .zst of one)".into(),
            )),
        }
    }
}

/// Reads the file at `path` (`len` bytes when listed: a hint, the file is read to its end).
fn read_file(path: &Path, named: Option<Format>, len: u64, options: Options, buffered: Option<&[u8]>, sink: &mut Sink) {
    let stdin = path.as_os_str() == "-";
    let source_path = path.to_string_lossy().into_owned();
    let fallback = named.unwrap_or(Format::Txt);
    let (file, bytes): (Box<dyn Read>, u64) = if let (true, Some(b)) = (stdin, buffered) {
        (Box::new(b), b.len() as u64)
    } else if stdin {
        (Box::new(io::stdin().lock()), 0)
    } else {
        match File::open(path) {
            Ok(f) => (Box::new(f), len),
            Err(e) => {
                let error = format!("cannot read {source_path}: {}", os_error(&e));
                sink.push(RawDoc::failed(&source_path, None, fallback, error));
                return;
            }
        }
    };
    read_into(&source_path, file, bytes, named, options, sink);
}

/// Reads one input from `file` (`len` bytes, 0 when unknown) as [`ingest`] reads a file
/// named `source_path`: decompressed, its format told, split into documents. Public for
/// the fuzz target.
pub fn read_stream(
    source_path: &str,
    file: impl Read,
    len: u64,
    named: Option<Format>,
    options: Options,
    inputs: &mut Inputs,
) {
    let mut docs = Vec::new();
    let mut sink = Sink { each: &mut |d| docs.push(d), count: 0, files: Vec::new(), skipped: Vec::new() };
    read_into(source_path, file, len, named, options, &mut sink);
    let (files, skipped) = (sink.files, sink.skipped);
    inputs.docs.extend(docs);
    inputs.files.extend(files);
    inputs.skipped.extend(skipped);
}

fn read_into(source_path: &str, file: impl Read, len: u64, named: Option<Format>, options: Options, inputs: &mut Sink) {
    let source_path = source_path.to_owned();
    let fallback = named.unwrap_or(Format::Txt);
    // The file's digest is taken over its bytes as they stream past, compressed or not.
    let hashed = Hashing { inner: file, sha: Sha256::new(), bytes: 0 };
    // No bigger than the file: the buffer is zeroed when made, and most files are small.
    let capacity = match usize::try_from(len) {
        Ok(n) if n > 0 => n.saturating_add(1).clamp(1 << 10, 1 << 16),
        _ => 1 << 16,
    };
    let mut raw = BufReader::with_capacity(capacity, hashed);
    let (mut reader, compression): (Box<dyn BufRead + '_>, Option<&str>) = match raw.fill_buf() {
        Ok([0x1f, 0x8b, ..]) => {
            (Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(&mut raw))), Some("gzip"))
        }
        Ok([0x28, 0xb5, 0x2f, 0xfd, ..]) => match zstd::stream::read::Decoder::with_buffer(&mut raw) {
            Ok(d) => (Box::new(BufReader::new(d)), Some("zstd")),
            Err(e) => {
                let error = format!("cannot read {source_path}: {e}");
                inputs.push(RawDoc::failed(&source_path, None, fallback, error));
                return;
            }
        },
        Ok(_) => (Box::new(&mut raw), None),
        Err(e) => {
            let error = format!("cannot read {source_path}: {}", os_error(&e));
            inputs.push(RawDoc::failed(&source_path, None, fallback, error));
            return;
        }
    };
    let format = match named {
        Some(f) => f,
        None => sniff(&mut reader),
    };
    let before = inputs.count;
    let broken = match format {
        Format::Txt | Format::Html => {
            // Room for the whole file at once (a compressed one grows as it is read).
            let hint = if compression.is_none() { usize::try_from(len).unwrap_or(0) } else { 0 };
            read_whole(&source_path, format, &mut reader, hint, options, inputs)
        }
        Format::Jsonl => read_jsonl(&source_path, &mut reader, options, inputs),
        Format::Warc => read_warc(&source_path, &mut reader, options, inputs),
    };
    let complete = broken.is_none();
    if let Some((record, e)) = broken {
        let what = compression.map_or(String::new(), |c| format!(" ({c} stream)"));
        let at = record.map_or(String::new(), |r| format!(" at record {r}"));
        let error = format!("{source_path}{what} breaks off{at}: {}", os_error(&e));
        inputs.push(RawDoc::failed(&source_path, record, format, error));
    }
    if format == Format::Warc && inputs.count == before {
        // An archive without a page still gets a row, with status `empty`.
        inputs.push(RawDoc::new(&source_path, None, Format::Html, Vec::new()));
    }
    drop(reader);
    // Finish the digest over what the decoder did not need (a stream stopped early).
    let drained = io::copy(&mut raw, &mut io::sink()).is_ok();
    let hashed = raw.into_inner();
    inputs.files.push(InputFile {
        path: source_path,
        // The bytes read, when the file was read to its end (its size when listed may be
        // out of date by then); else at least that size.
        bytes: if complete && drained { hashed.bytes } else { len.max(hashed.bytes) },
        sha256: hex(&hashed.sha.finalize()),
        format,
    });
}

/// A reader that hashes and counts what passes through it.
struct Hashing<R> {
    inner: R,
    sha: Sha256,
    bytes: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.sha.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// The format of a stream without a telling name, from its first bytes: `WARC/`, a `{`
/// (JSON lines), a `<` (HTML), else text.
fn sniff(reader: &mut dyn BufRead) -> Format {
    let Ok(head) = reader.fill_buf() else { return Format::Txt };
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let head = &head[start..];
    if head.starts_with(b"WARC/") {
        Format::Warc
    } else if head.starts_with(b"{") {
        Format::Jsonl
    } else if head.starts_with(b"<") {
        Format::Html
    } else {
        Format::Txt
    }
}

/// What a capped read found.
enum Capped {
    /// The bytes, all of them.
    Whole(Vec<u8>),
    /// More than the cap: this many bytes, none kept.
    Over(u64),
}

/// Reads up to `delim` (consumed, not kept) or the end, keeping at most `cap` bytes: a
/// longer record streams past without being held. `None` at the end of the input.
fn read_capped(reader: &mut dyn BufRead, delim: Option<u8>, cap: u64) -> io::Result<Option<Capped>> {
    let mut buf = Vec::new();
    let mut total = 0u64;
    let mut any = false;
    loop {
        let avail = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            break;
        }
        any = true;
        let (take, done) = match delim.and_then(|d| memchr::memchr(d, avail)) {
            Some(i) => (i, true),
            None => (avail.len(), false),
        };
        total += take as u64;
        if total <= cap {
            buf.extend_from_slice(&avail[..take]);
        } else if !buf.is_empty() {
            buf = Vec::new();
        }
        reader.consume(take + usize::from(done));
        if done {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    Ok(Some(if total > cap { Capped::Over(total) } else { Capped::Whole(buf) }))
}

fn too_big(what: &str, bytes: u64, options: Options) -> String {
    format!("{what} is {bytes} bytes, over --max-doc-bytes {}", options.max_doc_bytes)
}

/// A one-document file. Returns the error that broke the stream, if any (what was read
/// before it is kept as the document).
fn read_whole(
    source_path: &str,
    format: Format,
    reader: &mut dyn BufRead,
    hint: usize,
    options: Options,
    docs: &mut Sink,
) -> Option<(Option<u64>, io::Error)> {
    let cap = usize::try_from(options.max_doc_bytes).unwrap_or(usize::MAX);
    let mut kept = Vec::new();
    // Room asked for, not required: without it the file is read as it grows.
    let _ = kept.try_reserve_exact(hint.min(cap).saturating_add(1));
    let mut limited = reader.take(options.max_doc_bytes + 1);
    let result = limited.read_to_end(&mut kept);
    if kept.len() as u64 > options.max_doc_bytes {
        let rest = io::copy(reader, &mut io::sink()).unwrap_or(0);
        let error = too_big("the file", kept.len() as u64 + rest, options);
        docs.push(RawDoc::failed(source_path, None, format, error));
        return None;
    }
    match result {
        Ok(_) => {
            docs.push(RawDoc::new(source_path, None, format, kept));
            None
        }
        Err(e) => {
            if !kept.is_empty() {
                docs.push(RawDoc::new(source_path, None, format, kept));
            }
            Some((None, e))
        }
    }
}

/// One `RawDoc` per non-blank line, numbered from 1; the line terminator (and a BOM on
/// line 1) removed. An empty file still gets a row, with status `empty`.
fn read_jsonl(
    source_path: &str,
    reader: &mut dyn BufRead,
    options: Options,
    docs: &mut Sink,
) -> Option<(Option<u64>, io::Error)> {
    let before = docs.count;
    let mut line_no = 0u64;
    let broken = loop {
        line_no += 1;
        match read_capped(reader, Some(b'\n'), options.max_doc_bytes) {
            Ok(None) => break None,
            Ok(Some(Capped::Over(n))) => {
                let error = too_big(&format!("line {line_no}"), n, options);
                docs.push(RawDoc::failed(source_path, Some(line_no), Format::Jsonl, error));
            }
            Ok(Some(Capped::Whole(mut line))) => {
                if line_no == 1 && line.starts_with(b"\xEF\xBB\xBF") {
                    line.drain(..3);
                }
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                if !line.iter().all(u8::is_ascii_whitespace) {
                    docs.push(RawDoc::new(source_path, Some(line_no), Format::Jsonl, line));
                }
            }
            Err(e) => break Some((Some(line_no), e)),
        }
    };
    if docs.count == before && broken.is_none() {
        docs.push(RawDoc::new(source_path, None, Format::Jsonl, Vec::new()));
    }
    broken
}

/// The HTML pages of a WARC archive: `response` records whose HTTP payload is HTML (the
/// HTTP headers give its charset; chunked bodies are joined) and `resource` records of
/// HTML. `record_index` is the record's number in the archive, from 1; other records are
/// passed over and counted in `skipped`.
fn read_warc(
    source_path: &str,
    reader: &mut dyn BufRead,
    options: Options,
    inputs: &mut Sink,
) -> Option<(Option<u64>, io::Error)> {
    let mut record = 0u64;
    let mut passed_over = 0u64;
    let broken = loop {
        // The header block: a version line, then `Name: value` lines, then a blank line.
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut started = false;
        let header = loop {
            match read_capped(reader, Some(b'\n'), 1 << 16) {
                Ok(None) => break Ok(false),
                Ok(Some(Capped::Over(_))) => {
                    break Err(io::Error::new(io::ErrorKind::InvalidData, "a WARC header line over 64 KiB"));
                }
                Ok(Some(Capped::Whole(line))) => {
                    let line = String::from_utf8_lossy(&line);
                    let line = line.trim_end_matches('\r');
                    if !started {
                        if line.trim().is_empty() {
                            continue;
                        }
                        if !line.starts_with("WARC/") {
                            let msg = format!("expected a WARC record, found {:?}", truncate(line, 40));
                            break Err(io::Error::new(io::ErrorKind::InvalidData, msg));
                        }
                        started = true;
                        continue;
                    }
                    if line.is_empty() {
                        break Ok(true);
                    }
                    if let Some((name, value)) = line.split_once(':') {
                        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
                    }
                }
                Err(e) => break Err(e),
            }
        };
        match header {
            Ok(false) if !started => break None,
            Ok(false) => break Some((Some(record + 1), io::Error::from(io::ErrorKind::UnexpectedEof))),
            Ok(true) => {}
            Err(e) => break Some((Some(record + 1), e)),
        }
        record += 1;
        let get = |n: &str| headers.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
        let Some(length) = get("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            let e = io::Error::new(io::ErrorKind::InvalidData, "a WARC record without Content-Length");
            break Some((Some(record), e));
        };
        let kind = get("warc-type").unwrap_or("").to_ascii_lowercase();
        let content_type = get("content-type").unwrap_or("").to_ascii_lowercase();
        let wanted = (kind == "response" && content_type.starts_with("application/http"))
            || (kind == "resource" && content_type.contains("html"));
        if !wanted {
            passed_over += 1;
            match io::copy(&mut reader.take(length), &mut io::sink()) {
                Ok(n) if n == length => continue,
                Ok(_) => break Some((Some(record), io::Error::from(io::ErrorKind::UnexpectedEof))),
                Err(e) => break Some((Some(record), e)),
            }
        }
        let url = get("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_owned());
        if length > options.max_doc_bytes {
            let error = too_big(&format!("record {record}"), length, options);
            inputs.push(RawDoc::failed(source_path, Some(record), Format::Html, error));
            if let Err(e) = io::copy(&mut reader.take(length), &mut io::sink()) {
                break Some((Some(record), e));
            }
            continue;
        }
        let mut body = Vec::with_capacity(length as usize);
        match reader.take(length).read_to_end(&mut body) {
            Ok(n) if n as u64 == length => {}
            Ok(_) => break Some((Some(record), io::Error::from(io::ErrorKind::UnexpectedEof))),
            Err(e) => break Some((Some(record), e)),
        }
        let (payload, charset, html) =
            if kind == "response" { http_payload(&body) } else { (body, charset_of(&content_type), true) };
        if !html {
            passed_over += 1;
            continue;
        }
        let mut doc = RawDoc::new(source_path, Some(record), Format::Html, payload);
        doc.url = url;
        doc.charset = charset;
        inputs.push(doc);
    };
    if passed_over > 0 {
        inputs.skipped.push((source_path.to_owned(), format!("{passed_over} WARC records that are not HTML pages")));
    }
    broken
}

fn truncate(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// `charset=…` of a `Content-Type` value.
fn charset_of(content_type: &str) -> Option<String> {
    let at = content_type.to_ascii_lowercase().find("charset=")?;
    let v = content_type[at + 8..].split(';').next()?.trim().trim_matches(['"', '\'']);
    (!v.is_empty()).then(|| v.to_owned())
}

/// An HTTP response's body (chunked transfer coding undone, gzip content coding
/// undone), its charset, and whether it is HTML (or says nothing of its type).
fn http_payload(message: &[u8]) -> (Vec<u8>, Option<String>, bool) {
    let Some(split) = memchr::memmem::find(message, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(message, b"\n\n").map(|i| (i, i + 2)))
    else {
        return (message.to_vec(), None, true);
    };
    let head = String::from_utf8_lossy(&message[..split.0]);
    let mut body = message[split.1..].to_vec();
    let header = |name: &str| {
        head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    };
    let content_type = header("content-type").unwrap_or_default();
    let html = content_type.is_empty() || content_type.to_ascii_lowercase().contains("html");
    if header("transfer-encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked")) {
        body = dechunk(&body);
    }
    if header("content-encoding").is_some_and(|v| v.to_ascii_lowercase().contains("gzip")) {
        let mut out = Vec::new();
        if flate2::read::MultiGzDecoder::new(&body[..]).read_to_end(&mut out).is_ok() {
            body = out;
        }
    }
    (body, charset_of(&content_type), html)
}

/// Joins the chunks of a chunked HTTP body; a malformed one is returned as it is.
fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let Some(eol) = memchr::memmem::find(rest, b"\r\n") else { return body.to_vec() };
        let size = std::str::from_utf8(&rest[..eol])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next().unwrap_or("").trim(), 16).ok());
        let Some(size) = size else { return body.to_vec() };
        rest = &rest[eol + 2..];
        if size == 0 {
            return out;
        }
        if rest.len() < size {
            return body.to_vec();
        }
        out.extend_from_slice(&rest[..size]);
        rest = rest[size..].strip_prefix(b"\r\n").unwrap_or(&rest[size..]);
    }
}

fn os_error(e: &io::Error) -> String {
    e.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_of_more_files_than_are_read_ahead_is_read_whole_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let n = prefetch::FILES + 300;
        for k in 0..n {
            fs::write(dir.path().join(format!("{k:05}.txt")), format!("Article {k}: 3 children.")).unwrap();
        }
        let plan = plan(&[dir.path().to_path_buf()]).unwrap();
        let mut texts = Vec::new();
        let (files, skipped) = plan.read(Options::default(), &mut |d| texts.push(String::from_utf8(d.bytes).unwrap()));
        assert_eq!((files.len(), skipped.len(), texts.len()), (n, 0, n));
        assert!(texts.iter().enumerate().all(|(k, t)| *t == format!("Article {k}: 3 children.")));
    }

    #[test]
    fn hex_of_known_digest() {
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn jsonl_lines_are_numbered_from_one_and_blank_lines_skipped() {
        let mut docs = Vec::new();
        let mut input: &[u8] = b"\xEF\xBB\xBF{\"id\":1}\r\n\n{\"id\":2}\n";
        let mut sink = Sink { each: &mut |d| docs.push(d), count: 0, files: Vec::new(), skipped: Vec::new() };
        assert!(read_jsonl("f.jsonl", &mut input, Options::default(), &mut sink).is_none());
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
