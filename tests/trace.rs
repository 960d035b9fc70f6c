//! `figtrace trace`, `figures`, `report` and `run --print-schema` on a run over `corpus/`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::util::{bin, repo, run_cli};

/// One run over the corpus, shared by the tests here.
fn corpus_output() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let run = run_cli(&repo(), &[Path::new("corpus")], &out, &[]);
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        (tmp, out)
    });
    out
}

fn figtrace(args: &[&str]) -> (i32, String) {
    let out = bin().current_dir(repo()).args(args).arg("-o").arg(corpus_output()).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn trace_finds_a_number_in_any_written_form() {
    for q in ["£800 million", "£800m", "800000000", "£800,000,000"] {
        let (code, out) = figtrace(&["trace", q]);
        assert_eq!(code, 0, "{q}: {out}");
        assert!(out.contains("corpus/003_c6ba47bd9ef9eb0f.txt:1:"), "{q}: {out}");
        // Not a terminal: the number is marked with brackets, in its sentence.
        assert!(out.contains("there is a nearly [[£800 million]] shortfall"), "{q}: {out}");
    }
    // A sum in another currency is another number.
    let (code, _) = figtrace(&["trace", "$800m"]);
    assert_eq!(code, 1);
}

#[test]
fn trace_lists_every_article_that_states_a_figure() {
    let (code, out) = figtrace(&["trace", "40000"]);
    assert_eq!(code, 0);
    assert!(out.contains("corpus/001_19eb950ed64aacb9.txt:"), "{out}");
    assert!(out.contains("corpus/003_c6ba47bd9ef9eb0f.txt:"), "{out}");
    assert!(out.starts_with("f-") && out.lines().next().unwrap().contains("consistent"), "{out}");
}

#[test]
fn trace_by_id_and_words_and_as_json() {
    let (_, json) = figtrace(&["trace", "40,000", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let figure = &v["figures"][0];
    let figure_id = figure["figure_id"].as_str().unwrap().to_owned();
    let claim_id = figure["sources"][0]["claim_id"].as_str().unwrap().to_owned();
    let sentence = figure["sources"][0]["sentence"].as_str().unwrap();
    let span = &figure["sources"][0]["span_in_sentence"];
    let (a, b) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
    assert_eq!(sentence.chars().skip(a).take(b - a).collect::<String>(), "40,000");
    for q in [figure_id.as_str(), claim_id.as_str()] {
        let (code, out) = figtrace(&["trace", q]);
        assert_eq!(code, 0);
        assert!(out.starts_with(&figure_id), "{q}: {out}");
    }
    let (code, out) = figtrace(&["trace", "children in care"]);
    assert_eq!(code, 0);
    assert!(out.contains("[[1 in 50]] children spend some time in care"), "{out}");
    let (code, _) = figtrace(&["trace", "zebra crossings"]);
    assert_eq!(code, 1);
}

#[test]
fn figures_by_subject_and_as_json() {
    let (code, out) = figtrace(&["figures", "--subject", "children", "--json"]);
    assert_eq!(code, 0);
    let rows: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["subject"].as_str().unwrap().contains("children")), "{out}");
    let (_, all) = figtrace(&["figures", "--all", "--json"]);
    assert!(all.lines().count() > rows.len());
}

#[test]
fn the_report_is_one_self_contained_page() {
    let out = bin().current_dir(repo()).args(["report", "-o"]).arg(corpus_output()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = std::fs::read_to_string(corpus_output().join("report.html")).unwrap();
    let (_, all) = figtrace(&["figures", "--all", "--json"]);
    assert_eq!(html.matches("<section class=\"figure").count(), all.lines().count());
    assert!(html.contains("<svg") && html.contains("<mark>£800 million</mark>"));
    // Nothing fetched from elsewhere: no external scripts, styles, images or fonts.
    for needle in [" src=", "<link", "@import", "url("] {
        assert!(!html.contains(needle), "{needle}");
    }
    // The consistent figure comes before the single ones.
    let consistent = html.find("data-status=\"consistent\"").unwrap();
    let single = html.find("data-status=\"single\"").unwrap();
    assert!(consistent < single);
}

#[test]
fn print_schema_documents_every_column() {
    let out = bin().args(["run", "--print-schema"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let tables = [
        ("documents.parquet", &figtrace::write::DOCUMENT_COLUMNS[..]),
        ("claims.parquet", &figtrace::write::CLAIM_COLUMNS[..]),
        ("figures.parquet", &figtrace::write::FIGURE_COLUMNS[..]),
    ];
    for (k, (table, columns)) in tables.iter().enumerate() {
        let start = text.find(&format!("## {table}")).unwrap_or_else(|| panic!("{table}"));
        let end = tables.get(k + 1).and_then(|(next, _)| text.find(&format!("## {next}"))).unwrap_or(text.len());
        for c in columns.iter() {
            assert!(text[start..end].contains(&format!("`{c}`")), "{table}: {c} is not described");
        }
    }
}
