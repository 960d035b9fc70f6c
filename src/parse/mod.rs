//! Parse: [`RawDoc`] → [`Article`].
//!
//! Decodes the bytes (BOM, UTF-8, a declared charset, else Windows-1252), reads the
//! format — plain text, HTML (see [`html`]) or one JSONL record — and splits the text
//! into [`Block`]s. A document that cannot be read becomes an `Article` with status
//! `failed` or `empty` and an `error` saying why; parse never fails the run.
//!
//! Invariant: every block span lies inside `text`, on char boundaries, trimmed, in
//! order and non-overlapping.

pub mod html;
mod meta;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use serde_json::Value;

use crate::ingest::sha256_hex;
use crate::model::{Article, Block, BlockKind, DocStatus, Format, RawDoc, Span};

/// Decodes and reads one document.
pub fn parse(raw: &RawDoc) -> Article {
    read(raw, true)
}

/// [`parse`] for the text and blocks alone: no document id, and no `published` or
/// `publisher` looked for in the text (the first pass of a run, which counts blocks).
pub fn parse_blocks(raw: &RawDoc) -> Article {
    read(raw, false)
}

fn read(raw: &RawDoc, whole: bool) -> Article {
    let mut article = Article {
        doc_id: if whole { doc_id(&raw.source_path, raw.record_index, &raw.sha256) } else { String::new() },
        source_path: raw.source_path.clone(),
        record_index: raw.record_index,
        external_id: None,
        source_sha256: raw.sha256.clone(),
        format: raw.format,
        url: None,
        title: None,
        publisher: None,
        published: None,
        text: String::new(),
        blocks: Vec::new(),
        status: DocStatus::Ok,
        error: None,
        duplicate_of: None,
    };
    if let Some(e) = &raw.error {
        return failed(article, e.clone());
    }
    if looks_binary(&raw.bytes) {
        return failed(article, "binary content".into());
    }
    match raw.format {
        Format::Txt => {
            article.text = decode(&raw.bytes, None);
            article.blocks = text_blocks(&article.text);
            article.title = text_title(&article.text, &article.blocks);
            if article.title.is_some() {
                article.blocks[0].kind = BlockKind::Title;
            }
            article.publisher = source_line(&article.text);
        }
        Format::Html | Format::Warc => {
            let page = html::parse_html_declared(&raw.bytes, raw.charset.as_deref());
            article.text = page.text;
            article.blocks = page.blocks;
            article.title = page.title;
            article.url = page.url.or_else(|| raw.url.clone());
            article.publisher = page.publisher;
            article.published = page.published;
        }
        Format::Jsonl => {
            if raw.bytes.is_empty() {
                article.status = DocStatus::Empty;
                article.error = Some("empty file".into());
                return article;
            }
            if let Err(e) = read_record(raw, &mut article) {
                return failed(article, e);
            }
        }
    }
    if article.blocks.is_empty() {
        article.status = DocStatus::Empty;
        article.error = Some(if raw.bytes.is_empty() { "empty file".into() } else { "no text".into() });
    } else if whole {
        meta::from_text(&mut article);
    }
    article
}

/// `d-` and 16 hex digits of SHA-256 over the source path, record index and content hash:
/// two identical files are still two documents.
pub fn doc_id(source_path: &str, record_index: Option<u64>, sha256: &str) -> String {
    let key = format!("{source_path}\u{1f}{}\u{1f}{sha256}", record_index.map(|r| r.to_string()).unwrap_or_default());
    format!("d-{}", &sha256_hex(key.as_bytes())[..16])
}

fn failed(mut article: Article, error: String) -> Article {
    article.status = DocStatus::Failed;
    article.error = Some(error);
    article
}

/// NUL bytes in the first 8 KiB (and no UTF-16 BOM) mean a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    !utf16 && head.contains(&0)
}

/// Bytes → text: a BOM wins, then valid UTF-8, then the declared charset, then
/// Windows-1252 (which maps every byte, so a lone `£` byte reads as `£`).
pub fn decode(bytes: &[u8], declared: Option<&str>) -> String {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom_len..]).0.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_owned();
    }
    let enc =
        declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())).filter(|e| *e != UTF_8).unwrap_or(WINDOWS_1252);
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// The first block of a text file, if it is one line short enough to be a title.
fn text_title(text: &str, blocks: &[Block]) -> Option<String> {
    let first = blocks.first()?;
    let line = &text[first.span.start..first.span.end];
    (!line.contains('\n') && line.chars().count() <= 300).then(|| line.to_owned())
}

/// A `Source: example.org` line names the publisher of a pasted article.
fn source_line(text: &str) -> Option<String> {
    let at = memchr::memmem::rfind(text.as_bytes(), b"Source:")?;
    let rest = text[at + "Source:".len()..].trim_start();
    let word = rest.split_whitespace().next()?;
    let word = word.trim_end_matches(['.', ',', ';']);
    let domain_like = word.contains('.')
        && word.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | ':'))
        && word.rsplit('.').next().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    domain_like.then(|| {
        word.trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("www.")
            .trim_end_matches('/')
            .to_owned()
    })
}

/// Splits plain text into blocks.
///
/// Every non-blank line is a block, except in hard-wrapped text (most lines end near
/// one width), where consecutive lines form a paragraph; a line that continues in lower
/// case after a long line without closing punctuation is joined as well.
pub fn text_blocks(text: &str) -> Vec<Block> {
    let lines = line_spans(text);
    let wrapped = hard_wrapped(text, &lines);
    let mut blocks: Vec<Block> = Vec::new();
    let mut prev_nonblank: Option<Span> = None;
    for span in lines {
        let line = &text[span.start..span.end];
        let trimmed = trim_span(text, span);
        if trimmed.is_empty() {
            prev_nonblank = None;
            continue;
        }
        let join = prev_nonblank.is_some_and(|p| {
            let prev = text[p.start..p.end].trim_end();
            let next = line.trim_start();
            let continues = next.chars().next().is_some_and(|c| c.is_lowercase())
                && prev.chars().count() >= 40
                && !prev.ends_with(['.', '!', '?', ':', '"', '”']);
            (wrapped && !starts_list_item(next)) || continues
        });
        match (join, blocks.last_mut()) {
            (true, Some(last)) => last.span.end = trimmed.end,
            _ => blocks.push(Block {
                outside: false,
                span: trimmed,
                kind: if starts_list_item(line.trim_start()) { BlockKind::ListItem } else { BlockKind::Paragraph },
                link_bytes: 0,
                chrome: false,
                boilerplate: false,
            }),
        }
        prev_nonblank = Some(span);
    }
    blocks
}

fn starts_list_item(line: &str) -> bool {
    line.starts_with(['•', '*', '·', '▪', '–']) || line.starts_with("- ")
}

/// Byte spans of the lines of `text`, without their terminators.
fn line_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' { i - 1 } else { i };
            out.push(Span::new(start, end));
            start = i + 1;
        }
    }
    out.push(Span::new(start, text.len()));
    out
}

/// `span` without leading and trailing whitespace (including no-break spaces).
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    Span::new(span.start + lead, span.start + lead + trimmed.len())
}

/// Hard-wrapped text: at least five lines, and most non-blank lines end within 25% of
/// the longest common width (which is at most 100 characters).
fn hard_wrapped(text: &str, lines: &[Span]) -> bool {
    let mut lens: Vec<usize> =
        lines.iter().map(|s| text[s.start..s.end].trim_end().chars().count()).filter(|&n| n > 0).collect();
    if lens.len() < 5 {
        return false;
    }
    lens.sort_unstable();
    let width = lens[lens.len() * 9 / 10];
    if !(40..=100).contains(&width) {
        return false;
    }
    let near = lens.iter().filter(|&&n| n * 4 >= width * 3 && n <= width + 2).count();
    near * 2 >= lens.len()
}

/// One JSONL record: its fields as crawlers name them.
fn read_record(raw: &RawDoc, article: &mut Article) -> Result<(), String> {
    let line = raw.record_index.unwrap_or(0);
    let text = std::str::from_utf8(&raw.bytes).map(str::to_owned).unwrap_or_else(|_| decode(&raw.bytes, None));
    let value: Value = serde_json::from_str(&text).map_err(|e| format!("malformed JSON at line {line}: {e}"))?;
    let Value::Object(obj) = value else {
        return Err(format!("line {line}: expected a JSON object"));
    };
    let field = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| match obj.get(*n)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::Number(n) => Some(n.to_string()),
            Value::Object(o) => match o.get("name") {
                Some(Value::String(s)) => Some(s.clone()),
                _ => None,
            },
            _ => None,
        })
    };
    article.external_id = field(&["id", "_id", "doc_id", "uuid"]);
    article.title = field(&["title", "headline"]);
    article.url = field(&["url", "link", "canonical_url"]);
    article.published = field(&["published", "date", "date_publish", "published_at", "datePublished", "pubdate"]);
    article.publisher = field(&["publisher", "source_domain", "site_name", "source"]);
    let body = ["text", "content", "body", "maintext", "article", "full_text"].iter().find_map(|n| match obj.get(*n) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    });
    if let Some(body) = body {
        article.text = body;
        article.blocks = text_blocks(&article.text);
        if article.title.is_none() {
            article.title = text_title(&article.text, &article.blocks);
        }
        return Ok(());
    }
    let html = ["html", "raw_html", "content_html"].iter().find_map(|n| match obj.get(*n) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    });
    let Some(html) = html else {
        return Err(format!("line {line}: no text or html field"));
    };
    let page = html::parse_html(html.as_bytes());
    article.text = page.text;
    article.blocks = page.blocks;
    article.title = article.title.take().or(page.title);
    article.url = article.url.take().or(page.url);
    article.publisher = article.publisher.take().or(page.publisher);
    article.published = article.published.take().or(page.published);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(format: Format, bytes: &[u8], record_index: Option<u64>) -> RawDoc {
        RawDoc::new("x", record_index, format, bytes.to_vec())
    }

    #[test]
    fn windows_1252_pound_sign_is_decoded() {
        assert_eq!(decode(b"cost \xA35m", None), "cost £5m");
        assert_eq!(decode(b"\xEF\xBB\xBFhi", None), "hi");
        assert_eq!(decode(b"\xFF\xFEh\0i\0", None), "hi");
    }

    #[test]
    fn text_lines_are_blocks_and_the_first_is_the_title() {
        let a = parse(&raw(Format::Txt, b"Title here\n\nFirst para.\nSecond para.\n", None));
        assert_eq!(a.title.as_deref(), Some("Title here"));
        let texts: Vec<_> = a.blocks.iter().map(|b| &a.text[b.span.start..b.span.end]).collect();
        assert_eq!(texts, ["Title here", "First para.", "Second para."]);
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
    }

    #[test]
    fn hard_wrapped_lines_join_into_paragraphs() {
        let text = "Council budgets are under strain as demand for children's\n\
                    services keeps rising across every region of England and\n\
                    Wales, the report says, with costs up by a fifth in two\n\
                    years and more councils warning of overspends this year.\n\
                    \n\
                    A second paragraph follows here, also wrapped at about the\n\
                    same width as the first one so the detector sees it too.\n";
        let blocks = text_blocks(text);
        assert_eq!(blocks.len(), 2, "{blocks:?}");
    }

    #[test]
    fn jsonl_fields_are_read() {
        let a = parse(&raw(
            Format::Jsonl,
            br#"{"id": 7, "text": "Body with 5 numbers.", "title": "T", "url": "https://e.org/a", "published": "2024-05-14", "publisher": {"name": "E"}}"#,
            Some(3),
        ));
        assert_eq!(a.status, DocStatus::Ok);
        assert_eq!(a.external_id.as_deref(), Some("7"));
        assert_eq!(a.text, "Body with 5 numbers.");
        assert_eq!(a.publisher.as_deref(), Some("E"));
        assert_eq!(a.published.as_deref(), Some("2024-05-14"));
    }

    #[test]
    fn malformed_json_names_the_line() {
        let a = parse(&raw(Format::Jsonl, b"{\"id\": 1, \"text\": ", Some(12)));
        assert_eq!(a.status, DocStatus::Failed);
        assert!(a.error.as_deref().unwrap().starts_with("malformed JSON at line 12:"), "{:?}", a.error);
    }

    #[test]
    fn binary_and_empty_inputs_get_a_status() {
        assert_eq!(parse(&raw(Format::Txt, b"\x00\x01\x02", None)).status, DocStatus::Failed);
        let empty = parse(&raw(Format::Txt, b"  \n", None));
        assert_eq!(empty.status, DocStatus::Empty);
    }

    #[test]
    fn source_line_gives_the_publisher() {
        assert_eq!(source_line("Body. Source: www.example.org.uk Comments").as_deref(), Some("example.org.uk"));
        assert_eq!(source_line("Body. Source: Comments are closed."), None);
    }

    #[test]
    fn doc_ids_differ_by_path_and_record() {
        assert_ne!(doc_id("a", None, "h"), doc_id("b", None, "h"));
        assert_ne!(doc_id("a", Some(1), "h"), doc_id("a", Some(2), "h"));
        assert_eq!(doc_id("a", None, "h"), doc_id("a", None, "h"));
    }
}
