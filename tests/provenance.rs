//! Provenance invariants over the written Parquet files: spans slice to the surface in
//! Python's terms, line and column point into the source file, every input has a row,
//! ids are stable and the same input gives the same tables, whatever the thread count.

use std::collections::HashSet;
use std::path::Path;

use polars::prelude::*;

use crate::util::{i64s, py_slice, read_parquet, repo, run_cli, strs};

/// A folder of mixed inputs: the seeds plus files written here with BOM, CRLF,
/// Windows-1252, emoji, HTML entities and JSONL records (one of them malformed).
pub fn mixed_corpus(dir: &Path) {
    let seeds = dir.join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    for e in std::fs::read_dir(repo().join("corpus")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), seeds.join(e.file_name())).unwrap();
    }
    std::fs::write(
        dir.join("bom_crlf.txt"),
        "\u{FEFF}Council budgets\r\nCosts rose to £1.2bn, up from £900m.\r\n\r\nAbout 3,400 families — 12% — were helped in Wales.\r\n",
    )
    .unwrap();
    std::fs::write(dir.join("cp1252.txt"), b"Old dump\n\nThe fund is \xA35m and 40 staff work there.\n").unwrap();
    std::fs::write(
        dir.join("emoji.txt"),
        "Ünïcode 🚀 title\n\n😀 Around 1,200 pupils ✓ attended, and 7 in 10 said “yes” to the £3.50 fee.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("page.html"),
        "<html><head><title>Caf&eacute; costs</title><script>var n = 999;</script></head>\
         <body><p>Prices at the caf&eacute; rose 15%&nbsp;in a year.</p><p>It serves 2,000 meals &amp; 300 teas.</p></body></html>",
    )
    .unwrap();
    std::fs::write(
        dir.join("feed.jsonl"),
        "{\"id\": \"a1\", \"text\": \"Over 500 homes were built in Leeds.\", \"url\": \"https://news.example/a1\", \"publisher\": \"Example News\"}\n\
         {\"id\": \"a2\", \"text\": \n\
         \n\
         {\"id\": \"a3\", \"html\": \"<p>Nearly 9,000 nurses left in 2023.</p>\", \"title\": \"Nurses\"}\n",
    )
    .unwrap();
}

struct Tables {
    documents: DataFrame,
    claims: DataFrame,
    figures: DataFrame,
}

fn run_into(input: &Path, out: &Path, extra: &[&str]) -> Tables {
    let o = run_cli(input, &[Path::new(".")], out, extra);
    assert!(o.status.code() == Some(1), "one malformed line makes exit 1: {o:?}");
    Tables {
        documents: read_parquet(&out.join("documents.parquet")),
        claims: read_parquet(&out.join("claims.parquet")),
        figures: read_parquet(&out.join("figures.parquet")),
    }
}

#[test]
fn spans_lines_ids_and_repeatability() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    mixed_corpus(&input);
    let t = run_into(&input, &tmp.path().join("out1"), &[]);

    // Every input file and record has a row: 5 seeds, 4 files, 3 JSONL records.
    assert_eq!(t.documents.height(), 12);
    let status = strs(&t.documents, "status");
    let errors = strs(&t.documents, "error");
    let failed: Vec<_> = status.iter().zip(&errors).filter(|(s, _)| s.as_deref() == Some("failed")).collect();
    assert_eq!(failed.len(), 1);
    assert!(failed[0].1.as_deref().unwrap().starts_with("malformed JSON at line 2"), "{failed:?}");

    // documents.text[char_start:char_end] == surface, in code points.
    let doc_ids = strs(&t.documents, "doc_id");
    let texts = strs(&t.documents, "text");
    let paths = strs(&t.documents, "source_path");
    let text_of = |id: &str| texts[doc_ids.iter().position(|d| d.as_deref() == Some(id)).unwrap()].clone().unwrap();
    let c_doc = strs(&t.claims, "doc_id");
    let c_surface = strs(&t.claims, "surface");
    let starts = i64s(&t.claims, "char_start");
    let ends = i64s(&t.claims, "char_end");
    let lines = i64s(&t.claims, "line");
    let cols = i64s(&t.claims, "column");
    let c_path = strs(&t.claims, "source_path");
    assert!(t.claims.height() > 30, "{}", t.claims.height());
    for i in 0..t.claims.height() {
        let text = text_of(c_doc[i].as_deref().unwrap());
        let (s, e) = (starts[i].unwrap() as usize, ends[i].unwrap() as usize);
        assert_eq!(py_slice(&text, s, e), c_surface[i].clone().unwrap(), "claim {i}");
        // line/column locate the span in documents.text ...
        let line = text.split('\n').nth(lines[i].unwrap() as usize - 1).unwrap();
        let at: String = line.chars().skip(cols[i].unwrap() as usize - 1).collect();
        let surf = c_surface[i].clone().unwrap();
        assert!(at.starts_with(surf.split('\n').next().unwrap()), "claim {i}: {at:?} vs {surf:?}");
        // ... which for a .txt file is the decoded file: the same place in the file.
        let path = c_path[i].clone().unwrap();
        if path.ends_with(".txt") {
            let raw = std::fs::read(input.join(&path)).unwrap();
            let decoded = figtrace::parse::decode(&raw, None);
            let file_line = decoded.split('\n').nth(lines[i].unwrap() as usize - 1).unwrap();
            let at: String = file_line.chars().skip(cols[i].unwrap() as usize - 1).collect();
            assert!(at.starts_with(surf.split('\n').next().unwrap()), "{path}: {at:?} vs {surf:?}");
        }
    }
    assert!(paths.iter().any(|p| p.as_deref() == Some("./seeds/003_c6ba47bd9ef9eb0f.txt")), "{paths:?}");

    // The Windows-1252 pound sign reads as money in GBP.
    let currency = strs(&t.claims, "currency");
    let cp = (0..t.claims.height())
        .find(|&i| c_path[i].as_deref() == Some("./cp1252.txt") && c_surface[i].as_deref() == Some("£5m"));
    assert_eq!(currency[cp.expect("£5m found in the cp1252 file")].as_deref(), Some("GBP"));
    // Script content is never read.
    assert!(!c_surface.iter().any(|s| s.as_deref() == Some("999")));

    // Ids: unique claim ids; every reference resolves.
    let ids: HashSet<_> = strs(&t.claims, "claim_id").into_iter().flatten().collect();
    assert_eq!(ids.len(), t.claims.height());
    for from in strs(&t.claims, "from_claim_id").into_iter().flatten() {
        assert!(ids.contains(&from), "from_claim_id {from} resolves");
    }
    let figure_ids: HashSet<_> = strs(&t.figures, "figure_id").into_iter().flatten().collect();
    for f in strs(&t.claims, "figure_id").into_iter().flatten() {
        assert!(figure_ids.contains(&f), "figure {f} exists");
    }
    let listed = t.figures.column("claim_ids").unwrap().list().unwrap().clone();
    for i in 0..listed.len() {
        let list = listed.get_as_series(i).expect("a list per figure");
        for id in list.str().unwrap().iter().flatten() {
            assert!(ids.contains(id));
        }
    }

    // The same input gives equal tables; so do one thread and three.
    let again = run_into(&input, &tmp.path().join("out2"), &["--jobs", "1"]);
    let three = run_into(&input, &tmp.path().join("out3"), &["--jobs", "3"]);
    for other in [&again, &three] {
        assert!(t.documents.equals_missing(&other.documents), "documents differ");
        assert!(t.claims.equals_missing(&other.claims), "claims differ");
        assert!(t.figures.equals_missing(&other.figures), "figures differ");
    }
}

#[test]
fn the_schema_has_every_contract_column_with_its_type() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    mixed_corpus(&input);
    let t = run_into(&input, &tmp.path().join("out"), &[]);
    let expect = |df: &DataFrame, cols: &[(&str, DataType)]| {
        for (name, dtype) in cols {
            let got = df.column(name).unwrap_or_else(|_| panic!("column {name}")).dtype().clone();
            assert_eq!(&got, dtype, "type of {name}");
        }
    };
    use DataType::*;
    let ls = || List(Box::new(String));
    expect(
        &t.documents,
        &[
            ("doc_id", String),
            ("source_path", String),
            ("record_index", Int64),
            ("external_id", String),
            ("source_sha256", String),
            ("format", String),
            ("url", String),
            ("title", String),
            ("publisher", String),
            ("published", String),
            ("text", String),
            ("boilerplate_spans", List(Box::new(List(Box::new(Int64))))),
            ("status", String),
            ("error", String),
            ("duplicate_of", String),
        ],
    );
    expect(
        &t.claims,
        &[
            ("claim_id", String),
            ("doc_id", String),
            ("source_path", String),
            ("external_id", String),
            ("char_start", Int64),
            ("char_end", Int64),
            ("line", Int64),
            ("column", Int64),
            ("surface", String),
            ("sentence", String),
            ("kind", String),
            ("value", Float64),
            ("low", Float64),
            ("high", Float64),
            ("bound", String),
            ("unit", String),
            ("currency", String),
            ("change", String),
            ("from_claim_id", String),
            ("subject", String),
            ("subject_key", String),
            ("geography", String),
            ("period", String),
            ("per", String),
            ("attribution", String),
            ("in_boilerplate", Boolean),
            ("duplicate_of", String),
            ("figure_id", String),
            ("text_fragment_url", String),
        ],
    );
    expect(
        &t.figures,
        &[
            ("figure_id", String),
            ("kind", String),
            ("unit", String),
            ("subject", String),
            ("geography", String),
            ("period", String),
            ("value_min", Float64),
            ("value_max", Float64),
            ("value_median", Float64),
            ("status", String),
            ("n_claims", Int64),
            ("n_documents", Int64),
            ("n_publishers", Int64),
            ("claim_ids", ls()),
            ("doc_ids", ls()),
        ],
    );
    // JSONL: the record's id is the external id, its line the record index, its URL a text fragment.
    let ext = strs(&t.claims, "external_id");
    let frag = strs(&t.claims, "text_fragment_url");
    let i = ext.iter().position(|e| e.as_deref() == Some("a1")).expect("a claim from record a1");
    assert!(frag[i].as_deref().unwrap().starts_with("https://news.example/a1#:~:text=Over%20500"), "{:?}", frag[i]);
    let rec = i64s(&t.claims, "record_index");
    assert_eq!(rec[i], Some(1));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("out/manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["counts"]["documents_by_status"]["failed"], 1);
    assert_eq!(manifest["schema_version"], figtrace::write::SCHEMA_VERSION);
    assert_eq!(manifest["inputs"].as_array().unwrap().len(), 10);
}
