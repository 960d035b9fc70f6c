//! Keys: what dedup and reconciliation read of documents and claims, kept compact so that a
//! run holds them for a whole dump while the documents and claims themselves stream to disk.
//!
//! Each document's keys are made where the document is (in a worker thread, from the
//! article and its claims; or from the rows of a written output, for `figtrace reconcile`)
//! through the borrowed views [`DocView`] and [`ClaimView`], so both routes give the same
//! keys. [`Keys::push`] then appends them in input order. Strings that repeat (units,
//! subjects, periods, places, publishers, currencies) are interned; document and claim ids
//! are kept as the 64-bit numbers their 16 hex digits spell; a sentence's names and words
//! are hashed once however many claims it holds; a document's shingles are kept as 32-bit
//! hashes, in a file when the run gives one ([`Keys::spill_to`]), as are its MinHash
//! bands. About 120 bytes a claim (80 of them its [`ClaimKey`]) and 100 a document in
//! memory.

use rustc_hash::FxHashMap as HashMap;

use crate::dedup::{self, BANDS};
use crate::model::{Bound, Change, DocStatus, Kind};
use crate::reconcile;

/// An interned string; 0 is "none".
pub type Sym = u32;

/// A hashed word of a sentence or title (a name or a content word).
pub type Term = u32;

/// Interned strings.
#[derive(Debug)]
pub struct Interner {
    ids: HashMap<Box<str>, Sym>,
    strs: Vec<Box<str>>,
}

impl Default for Interner {
    fn default() -> Self {
        Interner { ids: HashMap::default(), strs: vec!["".into()] }
    }
}

impl Interner {
    pub fn id(&mut self, s: Option<&str>) -> Sym {
        let Some(s) = s else { return 0 };
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.strs.len() as Sym;
        self.strs.push(s.into());
        self.ids.insert(s.into(), id);
        id
    }

    pub fn get(&self, id: Sym) -> Option<&str> {
        (id != 0).then(|| &*self.strs[id as usize])
    }
}

/// `d-…` and `c-…` ids as numbers, and back.
pub fn id_number(id: &str) -> u64 {
    u64::from_str_radix(id.get(2..).unwrap_or(""), 16).unwrap_or(0)
}

pub fn doc_id(n: u64) -> String {
    format!("d-{n:016x}")
}

pub fn claim_id(n: u64) -> String {
    format!("c-{n:016x}")
}

/// A document as keys are made from it. `status` is the status before dedup (`ok` for a
/// document a former run called `duplicate`).
pub struct DocView<'a> {
    pub doc_id: &'a str,
    pub status: DocStatus,
    pub title: Option<&'a str>,
    pub published: Option<&'a str>,
    pub publisher: Option<&'a str>,
    pub text: &'a str,
    /// Byte spans of `text` that are boilerplate, in order.
    pub boilerplate: &'a [(usize, usize)],
}

/// A claim as keys are made from it.
pub struct ClaimView<'a> {
    pub claim_id: &'a str,
    pub surface: &'a str,
    pub sentence: &'a str,
    /// Where the sentence starts in its document (any unit: it only tells sentences apart).
    pub sentence_start: usize,
    pub kind: Kind,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub bound: Bound,
    pub change: Option<Change>,
    pub unit: Option<&'a str>,
    pub currency: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub subject_key: Option<&'a str>,
    pub geography: Option<&'a str>,
    pub period: Option<&'a str>,
    pub in_boilerplate: bool,
}

/// A claim, its sentence (in the part), surface hash, interval, precision and whether its
/// period's year is written.
type KeyedClaim<'a> = (ClaimView<'a>, u32, u32, (f64, f64), bool, bool);

/// One document's keys, before interning: made in parallel, pushed in order.
pub struct DocPart<'a> {
    doc: DocView<'a>,
    text_hash: u128,
    shingles: Vec<u32>,
    bands: Option<[u64; BANDS]>,
    title_names: Vec<Term>,
    sentences: Vec<(u64, Vec<Term>, Vec<Term>)>,
    claims: Vec<KeyedClaim<'a>>,
}

impl<'a> DocPart<'a> {
    /// The keys of `doc` and its `claims` (in the document's order).
    pub fn new(doc: DocView<'a>, claims: Vec<ClaimView<'a>>) -> Self {
        let ok = doc.status == DocStatus::Ok;
        let text_hash = if ok { dedup::normalised_hash(doc.text) } else { 0 };
        let (shingles, bands) = if ok { dedup::signature(doc.text, doc.boilerplate) } else { (Vec::new(), None) };
        let title_names = doc.title.map(reconcile::title_terms).unwrap_or_default();
        let mut sentences: Vec<(u64, Vec<Term>, Vec<Term>)> = Vec::new();
        let mut sentence_of: HashMap<usize, u32> = HashMap::default();
        let mut keyed: Vec<bool> = Vec::new();
        let mut out = Vec::with_capacity(claims.len());
        for c in claims {
            let s = *sentence_of.entry(c.sentence_start).or_insert_with(|| {
                sentences.push((dedup::sentence_hash(c.sentence), Vec::new(), Vec::new()));
                keyed.push(false);
                (sentences.len() - 1) as u32
            });
            if c.subject_key.is_some() && !keyed[s as usize] {
                keyed[s as usize] = true;
                let (names, words) = reconcile::sentence_terms(c.sentence);
                sentences[s as usize].1 = names;
                sentences[s as usize].2 = words;
            }
            let step = reconcile::precision(c.surface, c.value);
            let interval = reconcile::interval(c.value, c.low, c.high, c.bound, step);
            let precise = step <= c.value.abs() / 100.0 && c.value != 0.0;
            let period_written = c.period.and_then(|p| p.get(..4)).is_some_and(|y| c.sentence.contains(y));
            let surface = dedup::text_hash64(c.surface) as u32;
            out.push((c, s, surface, interval, precise, period_written));
        }
        DocPart { doc, text_hash, shingles, bands, title_names, sentences, claims: out }
    }
}

/// A claim's range ends (`low`, `high`) as one number: 0 for none, else a hash of both.
pub fn range_hash(low: Option<f64>, high: Option<f64>) -> u32 {
    if low.is_none() && high.is_none() {
        return 0;
    }
    let mut bytes = [0u8; 18];
    for (k, end) in [low, high].into_iter().enumerate() {
        if let Some(x) = end {
            bytes[k * 9] = 1;
            bytes[k * 9 + 1..k * 9 + 9].copy_from_slice(&x.to_bits().to_le_bytes());
        }
    }
    (xxhash_rust::xxh3::xxh3_64(&bytes) as u32).max(1)
}

/// Where each of `docs` documents' claims are in `claims` (which [`Keys::push`] keeps a
/// document at a time, in document order): `starts[d]..starts[d + 1]`.
pub fn claim_starts(claims: &[ClaimKey], docs: usize) -> Vec<u32> {
    debug_assert!(claims.is_sorted_by_key(|c| c.doc));
    let mut starts: Vec<u32> = vec![0; docs + 1];
    for c in claims {
        starts[c.doc as usize + 1] += 1;
    }
    for d in 1..starts.len() {
        starts[d] += starts[d - 1];
    }
    starts
}

/// A range of [`Keys`]' term or shingle arena.
#[derive(Clone, Copy, Debug, Default)]
pub struct Range {
    pub start: u32,
    pub len: u32,
}

#[derive(Debug)]
pub struct DocKey {
    pub id: u64,
    /// `ok` before dedup.
    pub ok: bool,
    pub published: Option<Box<str>>,
    pub publisher: Sym,
    pub text_hash: u128,
    pub shingles: (usize, u32),
    /// Its MinHash bands' place in [`Keys::bands`], if it has them.
    pub bands: Option<u32>,
    pub title_names: Range,
}

#[derive(Debug)]
pub struct SentenceKey {
    pub hash: u64,
    pub names: Range,
    pub words: Range,
}

/// One per claim of the run: kept small, it is most of the keys' memory.
#[derive(Debug, Clone)]
pub struct ClaimKey {
    pub id: u64,
    pub doc: u32,
    pub sentence: u32,
    /// The surface as written, hashed (32 bits: dedup compares it only among the claims
    /// of one sentence).
    pub surface: u32,
    pub kind: Kind,
    pub bound: Bound,
    pub change: Option<Change>,
    pub value: f64,
    /// The range's ends as written (`low`, `high`), hashed ([`range_hash`]): dedup tells
    /// claims apart by them, nothing else reads them.
    pub range: u32,
    pub lo: f64,
    pub hi: f64,
    pub precise: bool,
    pub period_written: bool,
    pub in_boilerplate: bool,
    pub unit: Sym,
    pub currency: Sym,
    pub subject: Sym,
    pub subject_key: Sym,
    /// The subject key has two words or more.
    pub specific: bool,
    pub geography: Sym,
    pub period: Sym,
}

const _: () = assert!(std::mem::size_of::<ClaimKey>() <= 80);

/// The keys of a whole run, in input order.
#[derive(Debug, Default)]
pub struct Keys {
    pub docs: Vec<DocKey>,
    pub claims: Vec<ClaimKey>,
    pub sentences: Vec<SentenceKey>,
    pub terms: Vec<Term>,
    /// The head (last word) of each interned subject key, by its symbol (0 for other
    /// strings): 4 bytes a symbol (up to the last subject key's) rather than a claim.
    heads: Vec<Sym>,
    /// Documents' MinHash bands, each as `2 * BANDS` 32-bit words, in a file beside the
    /// shingles when the run gives one: only dedup reads them, once.
    bands: Shingles,
    shingles: Shingles,
    pub syms: Interner,
}

/// A stream of documents' 32-bit hashes (their shingles, or their bands): in memory, or
/// in a file when the run gives one (shingles are the largest keys, 4 bytes a word of
/// article text, and dedup reads only those of candidate pairs).
#[derive(Debug, Default)]
struct Shingles {
    memory: Vec<u32>,
    writer: Option<std::io::BufWriter<std::fs::File>>,
    file: Option<std::fs::File>,
    len: usize,
    /// The first failed write to the file: [`Keys::finish`] returns it.
    failed: Option<std::io::Error>,
}

impl Shingles {
    fn push(&mut self, shingles: &[u32]) -> usize {
        let start = self.len;
        match &mut self.writer {
            Some(w) => {
                use std::io::Write;
                let bytes: Vec<u8> = shingles.iter().flat_map(|s| s.to_le_bytes()).collect();
                if let Err(e) = w.write_all(&bytes) {
                    self.failed.get_or_insert(e);
                }
            }
            None => self.memory.extend_from_slice(shingles),
        }
        self.len += shingles.len();
        start
    }

    fn get(&self, start: usize, len: usize) -> std::borrow::Cow<'_, [u32]> {
        match &self.file {
            Some(f) => {
                let mut bytes = vec![0u8; len * 4];
                if read_at(f, &mut bytes, start as u64 * 4).is_err() {
                    return std::borrow::Cow::Owned(Vec::new());
                }
                std::borrow::Cow::Owned(
                    bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect(),
                )
            }
            None => std::borrow::Cow::Borrowed(&self.memory[start..start + len]),
        }
    }
}

#[cfg(unix)]
pub(crate) fn read_at(f: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(f, buf, offset)
}

#[cfg(windows)]
pub(crate) fn read_at(f: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    let mut done = 0;
    while done < buf.len() {
        let n = std::os::windows::fs::FileExt::seek_read(f, &mut buf[done..], offset + done as u64)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        done += n;
    }
    Ok(())
}

impl Keys {
    /// Appends one document's keys.
    pub fn push(&mut self, part: DocPart) {
        let doc = self.docs.len() as u32;
        let title_names = self.terms_range(&part.title_names);
        let start = self.shingles.push(&part.shingles);
        self.docs.push(DocKey {
            id: id_number(part.doc.doc_id),
            ok: part.doc.status == DocStatus::Ok,
            published: part.doc.published.map(Into::into),
            publisher: self.syms.id(part.doc.publisher),
            text_hash: part.text_hash,
            shingles: (start, part.shingles.len() as u32),
            bands: part.bands.map(|b| {
                let words: [u32; 2 * BANDS] = std::array::from_fn(|k| (b[k / 2] >> (32 * (k % 2))) as u32);
                (self.bands.push(&words) / (2 * BANDS)) as u32
            }),
            title_names,
        });
        let first_sentence = self.sentences.len() as u32;
        for (hash, names, words) in &part.sentences {
            let names = self.terms_range(names);
            let words = self.terms_range(words);
            self.sentences.push(SentenceKey { hash: *hash, names, words });
        }
        for (c, s, surface, (lo, hi), precise, period_written) in part.claims {
            let subject_key = self.syms.id(c.subject_key);
            if self.heads.len() <= subject_key as usize {
                self.heads.resize(subject_key as usize + 1, 0);
            }
            if subject_key != 0 && self.heads[subject_key as usize] == 0 {
                self.heads[subject_key as usize] = self.syms.id(c.subject_key.and_then(|k| k.rsplit(' ').next()));
            }
            self.claims.push(ClaimKey {
                id: id_number(c.claim_id),
                doc,
                sentence: first_sentence + s,
                surface,
                kind: c.kind,
                bound: c.bound,
                change: c.change,
                value: c.value,
                range: range_hash(c.low, c.high),
                lo,
                hi,
                precise,
                period_written,
                in_boilerplate: c.in_boilerplate,
                unit: self.syms.id(c.unit),
                currency: self.syms.id(c.currency),
                subject: self.syms.id(c.subject),
                subject_key,
                specific: c.subject_key.is_some_and(|k| k.contains(' ')),
                geography: self.syms.id(c.geography),
                period: self.syms.id(c.period),
            });
        }
    }

    /// Reserves room for the keys of about `bytes` of input, generously: room reserved is
    /// address space, not memory, until keys fill it, while a vector that doubles as it
    /// grows copies itself and leaves its old room to the allocator each time. (News text
    /// gives about a claim per 230 bytes, a sentence with claims per 360 and a term per 40.)
    /// At most for 256 MB of input (about 280 MB of address space): past that the vectors
    /// grow as usual, as they do when the room cannot be had.
    pub fn reserve_for(&mut self, bytes: u64) {
        let bytes = usize::try_from(bytes.min(256 << 20)).unwrap_or(0);
        let _ = self.claims.try_reserve(bytes / 128);
        let _ = self.sentences.try_reserve(bytes / 192);
        let _ = self.terms.try_reserve(bytes / 24);
    }

    fn terms_range(&mut self, terms: &[Term]) -> Range {
        let start = self.terms.len() as u32;
        self.terms.extend_from_slice(terms);
        Range { start, len: terms.len() as u32 }
    }

    pub fn terms(&self, r: Range) -> &[Term] {
        &self.terms[r.start as usize..(r.start + r.len) as usize]
    }

    /// Every document's MinHash bands (from the file if they were spilled, a few thousand
    /// documents' at a time): a document's [`DocKey::bands`] is its place here. Bands that
    /// cannot be read back are missing from the end.
    pub fn bands(&self) -> Vec<[u64; BANDS]> {
        const WORDS: usize = 2 * BANDS;
        let sets = self.bands.len / WORDS;
        let mut out = Vec::with_capacity(sets);
        for start in (0..sets).step_by(4096) {
            let words = self.bands.get(start * WORDS, (sets - start).min(4096) * WORDS);
            if words.is_empty() {
                break;
            }
            out.extend(
                words
                    .chunks_exact(WORDS)
                    .map(|w| std::array::from_fn(|b| u64::from(w[2 * b]) | (u64::from(w[2 * b + 1]) << 32))),
            );
        }
        out
    }

    /// The shingles of document `doc`, sorted.
    pub fn shingles_of(&self, doc: usize) -> std::borrow::Cow<'_, [u32]> {
        let (start, len) = self.docs[doc].shingles;
        self.shingles.get(start, len as usize)
    }

    /// Keeps the shingles and bands pushed from now on in files of the folder `dir`
    /// (`shingles.bin`, `bands.bin`, created), not in memory.
    pub fn spill_to(&mut self, dir: &std::path::Path) -> std::io::Result<()> {
        for (stream, name) in [(&mut self.shingles, "shingles.bin"), (&mut self.bands, "bands.bin")] {
            let f =
                std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(true).open(dir.join(name))?;
            stream.writer = Some(std::io::BufWriter::with_capacity(1 << 20, f));
            stream.memory = Vec::new();
            stream.len = 0;
        }
        Ok(())
    }

    /// Ends pushing: the spilled shingles and bands become readable (a failed write, or a
    /// file shorter than written, is an error), and the vectors give back the room
    /// reserved ([`Keys::reserve_for`]) or left by their growth that keys did not fill.
    pub fn finish(&mut self) -> std::io::Result<()> {
        for stream in [&mut self.shingles, &mut self.bands] {
            if let Some(e) = stream.failed.take() {
                return Err(e);
            }
            if let Some(w) = stream.writer.take() {
                let file = w.into_inner().map_err(|e| e.into_error())?;
                if file.metadata()?.len() != stream.len as u64 * 4 {
                    return Err(std::io::Error::other("a dedup file is shorter than what was written to it"));
                }
                stream.file = Some(file);
            }
            stream.memory.shrink_to_fit();
        }
        self.docs.shrink_to_fit();
        self.claims.shrink_to_fit();
        self.sentences.shrink_to_fit();
        self.terms.shrink_to_fit();
        Ok(())
    }

    /// The last word of a claim's subject key (0: no key).
    pub fn head(&self, c: &ClaimKey) -> Sym {
        self.heads.get(c.subject_key as usize).copied().unwrap_or(0)
    }

    pub fn sym(&self, s: Sym) -> Option<&str> {
        self.syms.get(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pushed(keys: &mut Keys, texts: &[String]) {
        for (i, text) in texts.iter().enumerate() {
            let doc_id = format!("d-{i:016x}");
            let doc = DocView {
                doc_id: &doc_id,
                status: DocStatus::Ok,
                title: None,
                published: None,
                publisher: None,
                text,
                boilerplate: &[],
            };
            keys.push(DocPart::new(doc, Vec::new()));
        }
    }

    #[test]
    fn spilled_shingles_and_bands_read_back_as_kept_in_memory() {
        let words =
            |from: usize, n: usize| (from..from + n).map(|k| format!("w{}", k * 7919 % 1000)).collect::<Vec<_>>();
        let a = words(0, 300).join(" ");
        let texts =
            [a.clone(), format!("{a} and a closing line of its own"), words(500, 200).join(" "), "short".into()];
        let mut memory = Keys::default();
        pushed(&mut memory, &texts);
        memory.finish().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut spilled = Keys::default();
        spilled.spill_to(dir.path()).unwrap();
        pushed(&mut spilled, &texts);
        spilled.finish().unwrap();
        assert!(dir.path().join("bands.bin").metadata().unwrap().len() > 0);
        assert!(spilled.shingles.memory.is_empty() && spilled.bands.memory.is_empty());
        assert_eq!(memory.bands(), spilled.bands());
        assert_eq!(memory.bands().len(), 3, "the short text has no signature");
        for d in 0..texts.len() {
            assert_eq!(memory.docs[d].bands, spilled.docs[d].bands);
            assert_eq!(memory.shingles_of(d), spilled.shingles_of(d));
        }
        // The copy with a line added is found either way.
        let (m, s) = (dedup::dedup(&memory), dedup::dedup(&spilled));
        assert_eq!(m.doc_duplicate_of, s.doc_duplicate_of);
        assert!(m.doc_duplicate_of[0].is_some() != m.doc_duplicate_of[1].is_some());
        assert_eq!(m.doc_duplicate_of[2], None);
    }

    #[test]
    fn range_hash_tells_ranges_apart() {
        assert_eq!(range_hash(None, None), 0);
        let ranges = [
            (Some(15e6), Some(16e6)),
            (Some(13e6), Some(18e6)),
            (Some(15e6), None),
            (None, Some(15e6)),
            (Some(0.0), None),
            (Some(-0.0), None),
        ];
        for (i, a) in ranges.iter().enumerate() {
            assert_ne!(range_hash(a.0, a.1), 0, "{a:?}");
            assert_eq!(range_hash(a.0, a.1), range_hash(a.0, a.1));
            for b in &ranges[i + 1..] {
                assert_ne!(range_hash(a.0, a.1), range_hash(b.0, b.1), "{a:?} {b:?}");
            }
        }
    }
}
