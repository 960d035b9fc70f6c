//! Fuzz reading a document: any bytes as text, HTML or a JSONL record, then the claims of
//! the cleaned article. No panic; claims point into the article's text.
#![no_main]

use figtrace::model::{Format, RawDoc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [Format::Txt, Format::Html, Format::Jsonl] {
        let raw = RawDoc {
            source_path: "fuzz".into(),
            record_index: (format == Format::Jsonl).then_some(1),
            format,
            bytes: data.to_vec(),
            sha256: String::new(),
            error: None,
        };
        let article = figtrace::parse::parse(&raw);
        let article = figtrace::clean::clean(article, &figtrace::clean::Furniture::default());
        for c in figtrace::pipeline::claims_of_article(&article) {
            assert!(c.span.end <= article.text.len());
            assert!(article.text.is_char_boundary(c.span.start) && article.text.is_char_boundary(c.span.end));
        }
    }
});
