//! The types that flow between the pipeline stages.
//!
//! ```text
//! RawDoc --parse--> Article --clean--> Article (blocks tagged) --segment--> Sentence[]
//!   --extract--> Mention[] --context--> Claim[] --dedup/reconcile--> Figure[]
//! ```
//!
//! Inside the program every span is a [`Span`] of **byte** offsets into the text it
//! refers to (a sentence for a [`Mention`], `Article::text` for everything else). Only
//! the writer converts them to code-point offsets, lines and columns for Python users.

use std::fmt;

/// A half-open byte range `[start, end)`.
///
/// Invariant: `start <= end`, and both lie on UTF-8 character boundaries of the text
/// the span refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The same span moved `by` bytes to the right.
    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// How an input was read. Decided by extension (see `ingest`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Txt,
    Html,
    Jsonl,
    /// A WARC archive (an input file's format; its records are `Html` documents).
    Warc,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
        }
    }
}

/// One input document as read from disk, before decoding.
///
/// A `.txt` or `.html` file is one `RawDoc`; a `.jsonl` file gives one per non-blank line.
#[derive(Clone, Debug)]
pub struct RawDoc {
    /// The path as given on the command line joined with the file's path below it.
    pub source_path: String,
    /// 1-based line of a JSONL record; `None` for a one-document file.
    pub record_index: Option<u64>,
    pub format: Format,
    /// The raw bytes: the whole file, or one JSONL line without its line terminator.
    pub bytes: Vec<u8>,
    /// Hex SHA-256 of `bytes`.
    pub sha256: String,
    /// Set when the input could not be read at all (the OS error, with the path).
    pub error: Option<String>,
    /// The page's address, when the container says it (a WARC record's target URI).
    pub url: Option<String>,
    /// The charset the container declares (an HTTP `Content-Type` in a WARC record).
    pub charset: Option<String>,
}

impl RawDoc {
    /// A document of `bytes` from `source_path`.
    pub fn new(source_path: &str, record_index: Option<u64>, format: Format, bytes: Vec<u8>) -> RawDoc {
        let sha256 = crate::ingest::sha256_hex(&bytes);
        RawDoc {
            source_path: source_path.to_owned(),
            record_index,
            format,
            bytes,
            sha256,
            error: None,
            url: None,
            charset: None,
        }
    }

    /// A row for an input that could not be read, with why.
    pub fn failed(source_path: &str, record_index: Option<u64>, format: Format, error: String) -> RawDoc {
        RawDoc { error: Some(error), ..RawDoc::new(source_path, record_index, format, Vec::new()) }
    }
}

/// What happened to a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocStatus {
    Ok,
    Empty,
    Duplicate,
    Failed,
}

impl DocStatus {
    pub const ALL: [DocStatus; 4] = [DocStatus::Ok, DocStatus::Empty, DocStatus::Duplicate, DocStatus::Failed];

    /// The status an output's `status` column names.
    pub fn parse(s: &str) -> Option<DocStatus> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DocStatus::Ok => "ok",
            DocStatus::Empty => "empty",
            DocStatus::Duplicate => "duplicate",
            DocStatus::Failed => "failed",
        }
    }
}

/// The structural role of a block, as far as the parser can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The document's title (first line of a text file, `<title>` of a page).
    Title,
    Heading,
    Paragraph,
    ListItem,
}

/// A paragraph-like piece of `Article::text`. Sentences never cross blocks.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// Byte span into `Article::text`, without surrounding whitespace.
    pub span: Span,
    pub kind: BlockKind,
    /// Bytes of the block's text that sit inside links (HTML only; 0 for text).
    pub link_bytes: usize,
    /// The markup says this is page furniture: inside `nav`, `footer`, `aside`, a
    /// `form`, or an element whose class or id names a menu, share bar, cookie note…
    pub chrome: bool,
    /// HTML: the block lies outside the page's main content (see `parse::html`).
    pub outside: bool,
    /// Set by `clean`: the block is boilerplate, not article text.
    pub boilerplate: bool,
}

/// A decoded document: its text, metadata and blocks.
#[derive(Clone, Debug)]
pub struct Article {
    pub doc_id: String,
    pub source_path: String,
    pub record_index: Option<u64>,
    pub external_id: Option<String>,
    pub source_sha256: String,
    pub format: Format,
    pub url: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    /// The document's text: the decoded file for `.txt`, the visible text of a page in
    /// reading order (one block a line) for HTML, the `text` field of a JSONL record.
    pub text: String,
    /// In text order, non-overlapping.
    pub blocks: Vec<Block>,
    pub status: DocStatus,
    pub error: Option<String>,
    pub duplicate_of: Option<String>,
}

impl Article {
    /// Byte spans of `text` that are boilerplate: the boilerplate blocks, neighbours (with
    /// only white space between them) merged. `boilerplate_spans` in `documents.parquet`.
    pub fn boilerplate_spans(&self) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for b in self.blocks.iter().filter(|b| b.boilerplate) {
            match out.last_mut() {
                Some(last) if self.text[last.1..b.span.start].trim().is_empty() => last.1 = b.span.end,
                _ => out.push((b.span.start, b.span.end)),
            }
        }
        out
    }

    /// The article text: `text` without its boilerplate spans.
    pub fn main_text(&self) -> String {
        let mut out = String::with_capacity(self.text.len());
        let mut at = 0;
        for (s, e) in self.boilerplate_spans() {
            out.push_str(&self.text[at..s]);
            at = e;
        }
        out.push_str(&self.text[at..]);
        out
    }

    /// A readable document of `text` split into `blocks`, with no metadata: for text that
    /// does not come from a file (evaluation sentences, tests).
    pub fn from_text(doc_id: &str, source_path: &str, format: Format, text: String, blocks: Vec<Block>) -> Self {
        Article {
            doc_id: doc_id.to_owned(),
            source_path: source_path.to_owned(),
            record_index: None,
            external_id: None,
            source_sha256: String::new(),
            format,
            url: None,
            title: None,
            publisher: None,
            published: None,
            text,
            blocks,
            status: DocStatus::Ok,
            error: None,
            duplicate_of: None,
        }
    }
}

/// A sentence of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span into `Article::text`, trimmed.
    pub span: Span,
    /// Index of the block in `Article::blocks`.
    pub block: usize,
}

/// What sort of number a claim is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Count,
    Percent,
    PercentagePoint,
    Money,
    Ratio,
    Quantity,
}

impl Kind {
    pub const ALL: [Kind; 6] =
        [Kind::Count, Kind::Percent, Kind::PercentagePoint, Kind::Money, Kind::Ratio, Kind::Quantity];

    /// The kind an output's `kind` column names.
    pub fn parse(s: &str) -> Option<Kind> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::PercentagePoint => "percentage_point",
            Kind::Money => "money",
            Kind::Ratio => "ratio",
            Kind::Quantity => "quantity",
        }
    }
}

/// How the stated number relates to the true one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bound {
    Exact,
    /// "around", "about", "some": the value is approximate.
    Approx,
    /// "nearly", "less than", "up to": the true value is at most `high`.
    Upper,
    /// "over", "more than", "at least": the true value is at least `low`.
    Lower,
    /// "between 5 and 10", "5-10": `low`..`high`, `value` the midpoint.
    Range,
}

impl Bound {
    pub const ALL: [Bound; 5] = [Bound::Exact, Bound::Approx, Bound::Upper, Bound::Lower, Bound::Range];

    /// The bound an output's `bound` column names.
    pub fn parse(s: &str) -> Option<Bound> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::Approx => "approx",
            Bound::Upper => "upper",
            Bound::Lower => "lower",
            Bound::Range => "range",
        }
    }
}

/// The direction of a stated change ("rose by 12%", "a 5% fall").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Change {
    Increase,
    Decrease,
}

impl Change {
    /// The change an output's `change` column names.
    pub fn parse(s: &str) -> Option<Change> {
        [Change::Increase, Change::Decrease].into_iter().find(|x| x.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Change::Increase => "increase",
            Change::Decrease => "decrease",
        }
    }
}

/// A number found in a sentence by `extract`, before context is attached.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte span of the surface text into the sentence given to `extract`.
    pub span: Span,
    pub kind: Kind,
    /// In whole units: money in units of `currency`, 5 for 5%, 0.02 for "1 in 50".
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub bound: Bound,
    /// The unit of a quantity ("mile", "year of age"); `percent` for percentages.
    pub unit: Option<&'static str>,
    /// ISO 4217 code of money.
    pub currency: Option<&'static str>,
    pub change: Option<Change>,
    /// Index (into the same `extract` result) of the mention of the old value of a
    /// from/to change ("up from 78,000 to 83,000": set on the mention of 83,000).
    pub from: Option<usize>,
    /// The denominator of a rate stated right after the number ("£5m a year" → `year`,
    /// "$2 a share" → `share`, "barrels per day" → `day`).
    pub per: Option<&'static str>,
    /// Name of the grammar rule that produced the mention (for debugging and audits).
    pub rule: &'static str,
}

/// A mention with its context and provenance: one row of `claims.parquet`.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub claim_id: String,
    pub doc_id: String,
    /// Byte span into `Article::text`.
    pub span: Span,
    /// Byte span of the sentence into `Article::text`.
    pub sentence: Span,
    pub kind: Kind,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub bound: Bound,
    pub unit: Option<String>,
    pub currency: Option<&'static str>,
    pub change: Option<Change>,
    pub from_claim_id: Option<String>,
    pub subject: Option<String>,
    pub subject_key: Option<String>,
    pub geography: Option<&'static str>,
    pub period: Option<String>,
    pub per: Option<&'static str>,
    pub attribution: Option<String>,
    pub in_boilerplate: bool,
    pub duplicate_of: Option<String>,
    pub figure_id: Option<String>,
    pub rule: &'static str,
}

/// The status of a reconciled figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FigureStatus {
    /// One source document.
    Single,
    /// Several documents, values agree.
    Consistent,
    /// Several documents, values disagree.
    Conflicting,
}

impl FigureStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            FigureStatus::Single => "single",
            FigureStatus::Consistent => "consistent",
            FigureStatus::Conflicting => "conflicting",
        }
    }
}

/// A group of claims stating the same quantity: one row of `figures.parquet`.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// `f-` and the hex digits of the smallest claim id in the figure.
    pub figure_id: String,
    pub kind: Kind,
    pub unit: Option<String>,
    pub subject: Option<String>,
    pub subject_key: Option<String>,
    pub geography: Option<String>,
    pub period: Option<String>,
    pub value_min: f64,
    pub value_max: f64,
    pub value_median: f64,
    pub status: FigureStatus,
    pub n_claims: usize,
    pub n_documents: usize,
    pub n_publishers: usize,
    /// Sorted.
    pub claim_ids: Vec<String>,
    /// Sorted, distinct.
    pub doc_ids: Vec<String>,
    /// For a conflicting figure, the claims outside its largest set of agreeing values
    /// (sorted); empty otherwise.
    pub conflicting_claim_ids: Vec<String>,
}

/// Everything one run produces, in output order.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub documents: Vec<Article>,
    pub claims: Vec<Claim>,
    pub figures: Vec<Figure>,
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}
