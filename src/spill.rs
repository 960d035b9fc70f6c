//! The parsed documents of a run, kept on disk between its two passes.
//!
//! The first pass of a run parses every input (it counts the blocks repeated across
//! documents) and writes the documents it will process here, in order; the second pass
//! reads them back instead of reading and parsing the inputs again. HTML is parsed once.
//! The file holds only the text and metadata of each document, in a private format: a
//! record is its length (8 bytes, little-endian) and its fields.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::Path;

use crate::model::{Article, Block, BlockKind, DocStatus, Format, Span};

/// Appends parsed documents to a spill file.
pub struct SpillWriter {
    out: BufWriter<File>,
    record: Vec<u8>,
}

impl SpillWriter {
    pub fn create(path: &Path) -> io::Result<SpillWriter> {
        Ok(SpillWriter { out: BufWriter::with_capacity(1 << 20, File::create(path)?), record: Vec::new() })
    }

    /// Appends `article`, read from `input_bytes` bytes of input.
    pub fn push(&mut self, article: &Article, input_bytes: u64) -> io::Result<()> {
        self.record.clear();
        encode(article, input_bytes, &mut self.record);
        self.out.write_all(&(self.record.len() as u64).to_le_bytes())?;
        self.out.write_all(&self.record)
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Reads the documents of a spill file back, in the order they were written.
pub struct SpillReader {
    from: BufReader<File>,
    record: Vec<u8>,
}

impl SpillReader {
    pub fn open(path: &Path) -> io::Result<SpillReader> {
        Ok(SpillReader { from: BufReader::with_capacity(1 << 20, File::open(path)?), record: Vec::new() })
    }

    /// The next document and the bytes of input it was read from; `None` at the end.
    pub fn next_article(&mut self) -> io::Result<Option<(Article, u64)>> {
        let mut len = [0u8; 8];
        match self.from.read_exact(&mut len) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
            Err(e) => return Err(e),
        }
        let len = usize::try_from(u64::from_le_bytes(len)).map_err(|_| corrupt())?;
        self.record.resize(len, 0);
        self.from.read_exact(&mut self.record)?;
        decode(&self.record).map(Some)
    }
}

fn corrupt() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "the spill file of parsed documents is corrupt")
}

fn encode(a: &Article, input_bytes: u64, out: &mut Vec<u8>) {
    let put_u64 = |out: &mut Vec<u8>, n: u64| out.extend_from_slice(&n.to_le_bytes());
    let put_str = |out: &mut Vec<u8>, s: &str| {
        put_u64(out, s.len() as u64);
        out.extend_from_slice(s.as_bytes());
    };
    let put_opt = |out: &mut Vec<u8>, s: &Option<String>| match s {
        Some(s) => {
            out.push(1);
            put_str(out, s);
        }
        None => out.push(0),
    };
    put_u64(out, input_bytes);
    put_str(out, &a.doc_id);
    put_str(out, &a.source_path);
    match a.record_index {
        Some(r) => {
            out.push(1);
            put_u64(out, r);
        }
        None => out.push(0),
    }
    put_opt(out, &a.external_id);
    put_str(out, &a.source_sha256);
    out.push(format_code(a.format));
    put_opt(out, &a.url);
    put_opt(out, &a.title);
    put_opt(out, &a.publisher);
    put_opt(out, &a.published);
    put_str(out, &a.text);
    put_u64(out, a.blocks.len() as u64);
    for b in &a.blocks {
        put_u64(out, b.span.start as u64);
        put_u64(out, b.span.end as u64);
        put_u64(out, b.link_bytes as u64);
        out.push(kind_code(b.kind));
        out.push(u8::from(b.chrome) | u8::from(b.outside) << 1 | u8::from(b.boilerplate) << 2);
    }
    out.push(DocStatus::ALL.iter().position(|s| *s == a.status).unwrap_or(0) as u8);
    put_opt(out, &a.error);
    put_opt(out, &a.duplicate_of);
}

fn decode(bytes: &[u8]) -> io::Result<(Article, u64)> {
    let mut r = Cursor(bytes);
    let input_bytes = r.u64()?;
    let doc_id = r.string()?;
    let source_path = r.string()?;
    let record_index = if r.u8()? == 1 { Some(r.u64()?) } else { None };
    let external_id = r.opt()?;
    let source_sha256 = r.string()?;
    let format = format_of(r.u8()?)?;
    let (url, title, publisher, published) = (r.opt()?, r.opt()?, r.opt()?, r.opt()?);
    let text = r.string()?;
    let n = r.usize()?;
    let mut blocks = Vec::with_capacity(n.min(bytes.len()));
    for _ in 0..n {
        let span = Span::new(r.usize()?, r.usize()?);
        let link_bytes = r.usize()?;
        let kind = kind_of(r.u8()?)?;
        let flags = r.u8()?;
        if span.start > span.end || span.end > text.len() {
            return Err(corrupt());
        }
        blocks.push(Block {
            span,
            kind,
            link_bytes,
            chrome: flags & 1 != 0,
            outside: flags & 2 != 0,
            boilerplate: flags & 4 != 0,
        });
    }
    let status = *DocStatus::ALL.get(usize::from(r.u8()?)).ok_or_else(corrupt)?;
    let (error, duplicate_of) = (r.opt()?, r.opt()?);
    if !r.0.is_empty() {
        return Err(corrupt());
    }
    let article = Article {
        doc_id,
        source_path,
        record_index,
        external_id,
        source_sha256,
        format,
        url,
        title,
        publisher,
        published,
        text,
        blocks,
        status,
        error,
        duplicate_of,
    };
    Ok((article, input_bytes))
}

/// The unread rest of a record.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    fn take(&mut self, n: usize) -> io::Result<&[u8]> {
        if n > self.0.len() {
            return Err(corrupt());
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn u8(&mut self) -> io::Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn u64(&mut self) -> io::Result<u64> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes(b.try_into().map_err(|_| corrupt())?))
    }

    fn usize(&mut self) -> io::Result<usize> {
        usize::try_from(self.u64()?).map_err(|_| corrupt())
    }

    fn string(&mut self) -> io::Result<String> {
        let n = self.usize()?;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| corrupt())
    }

    fn opt(&mut self) -> io::Result<Option<String>> {
        Ok(if self.u8()? == 1 { Some(self.string()?) } else { None })
    }
}

const FORMATS: [Format; 4] = [Format::Txt, Format::Html, Format::Jsonl, Format::Warc];
const KINDS: [BlockKind; 4] = [BlockKind::Title, BlockKind::Heading, BlockKind::Paragraph, BlockKind::ListItem];

fn format_code(f: Format) -> u8 {
    FORMATS.iter().position(|x| *x == f).unwrap_or(0) as u8
}

fn format_of(code: u8) -> io::Result<Format> {
    FORMATS.get(usize::from(code)).copied().ok_or_else(corrupt)
}

fn kind_code(k: BlockKind) -> u8 {
    KINDS.iter().position(|x| *x == k).unwrap_or(0) as u8
}

fn kind_of(code: u8) -> io::Result<BlockKind> {
    KINDS.get(usize::from(code)).copied().ok_or_else(corrupt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RawDoc;

    fn same(a: &Article, b: &Article) -> bool {
        // Article has no PartialEq: its Debug form says everything it holds.
        format!("{a:?}") == format!("{b:?}")
    }

    #[test]
    fn documents_come_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("spill.bin");
        let page = "<html><head><title>Care</title></head><body><nav><a href='/'>Home</a></nav>\
                    <p>The council placed 1,200 children in foster care, up 5%.</p></body></html>";
        let mut html = crate::parse::parse(&RawDoc::new("a.html", None, Format::Html, page.as_bytes().to_vec()));
        html.external_id = Some("id-7".into());
        html.blocks[0].boilerplate = true;
        let jsonl = crate::parse::parse(&RawDoc::new(
            "b.jsonl",
            Some(3),
            Format::Jsonl,
            br#"{"title":"Caf\u00e9 prices","text":"Prices rose 3\u00bd%."}"#.to_vec(),
        ));
        let failed = crate::parse::parse(&RawDoc::failed("c.txt", None, Format::Txt, "cannot read c.txt".into()));
        let docs = [(html, 180), (jsonl, 60), (failed, 0)];
        let mut w = SpillWriter::create(&path).unwrap();
        for (a, n) in &docs {
            w.push(a, *n).unwrap();
        }
        w.finish().unwrap();
        let mut r = SpillReader::open(&path).unwrap();
        for (a, n) in &docs {
            let (back, m) = r.next_article().unwrap().unwrap();
            assert!(same(a, &back), "{a:?}\n{back:?}");
            assert_eq!(*n, m);
        }
        assert!(r.next_article().unwrap().is_none());
    }

    #[test]
    fn a_truncated_file_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("spill.bin");
        let a = crate::parse::parse(&RawDoc::new("a.txt", None, Format::Txt, b"Title\n\n12 children".to_vec()));
        let mut w = SpillWriter::create(&path).unwrap();
        w.push(&a, 18).unwrap();
        w.finish().unwrap();
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 5]).unwrap();
        assert!(SpillReader::open(&path).unwrap().next_article().is_err());
    }
}
