//! Fuzz reading an input: any bytes as a stream (gzip or zstd when they start like one),
//! read as text, HTML, JSON lines, a WARC archive or told by their first bytes, every
//! document parsed, cleaned and its claims found. No panic; every claim points into its
//! article's text; every document read is under the size limit.
#![no_main]

use figtrace::ingest::{Inputs, Options, read_stream};
use figtrace::model::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options { max_doc_bytes: 1 << 16 };
    for named in [None, Some(Format::Txt), Some(Format::Html), Some(Format::Jsonl), Some(Format::Warc)] {
        let mut inputs = Inputs::default();
        read_stream("fuzz", data, data.len() as u64, named, options, &mut inputs);
        assert_eq!(inputs.files.len(), 1);
        for raw in &inputs.docs {
            assert!(raw.bytes.len() as u64 <= options.max_doc_bytes);
            let article = figtrace::parse::parse(raw);
            let article = figtrace::clean::clean(article, &figtrace::clean::Furniture::default());
            for c in figtrace::pipeline::claims_of_article(&article) {
                assert!(c.span.end <= article.text.len());
                assert!(article.text.is_char_boundary(c.span.start) && article.text.is_char_boundary(c.span.end));
            }
        }
    }
});
