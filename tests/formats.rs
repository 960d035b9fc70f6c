//! What each input format contributes: titles, metadata, external ids, decoding.

use figtrace::model::{DocStatus, Kind};

use crate::util::{process, surface};

fn one_file(name: &str, bytes: &[u8]) -> figtrace::model::Dataset {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    process(&[path])
}

#[test]
fn html_title_and_metadata_lead_the_text() {
    let d = one_file(
        "a.htm",
        br#"<html><head><title>Care costs</title><meta property="article:published_time" content="2024-05-14T09:30:00Z"><link rel="canonical" href="https://paper.example/care"></head>
        <body><p>About 2,000 places were lost.</p></body></html>"#,
    );
    let a = &d.documents[0];
    assert_eq!(a.title.as_deref(), Some("Care costs"));
    assert!(a.text.starts_with("Care costs\n"));
    assert_eq!(a.published.as_deref(), Some("2024-05-14T09:30:00Z"));
    assert_eq!(a.url.as_deref(), Some("https://paper.example/care"));
    assert_eq!(d.claims.len(), 1);
}

#[test]
fn jsonl_records_are_articles_even_of_one_sentence() {
    let d = one_file(
        "f.ndjson",
        b"{\"id\": 17, \"text\": \"Nearly 40% of councils overspent.\", \"published\": \"2025-01-02\", \"publisher\": \"Paper\"}\n",
    );
    assert_eq!(d.documents.len(), 1);
    let a = &d.documents[0];
    assert_eq!((a.external_id.as_deref(), a.record_index, a.status), (Some("17"), Some(1), DocStatus::Ok));
    assert_eq!(a.publisher.as_deref(), Some("Paper"));
    assert_eq!(d.claims.len(), 1);
    assert_eq!(d.claims[0].kind, Kind::Percent);
    assert!(!d.claims[0].in_boilerplate, "a one-sentence record is article text");
}

#[test]
fn a_lone_windows_1252_pound_byte_is_money() {
    let d = one_file("old.txt", b"Fees\n\nThe fee rose to \xA3250 a week for 30 families.\n");
    let money: Vec<_> = d.claims.iter().filter(|c| c.kind == Kind::Money).collect();
    assert_eq!(money.len(), 1);
    assert_eq!((surface(&d, money[0]), money[0].currency), ("£250", Some("GBP")));
    assert_eq!(money[0].per, Some("week"));
}

#[test]
fn empty_and_binary_files_get_rows() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("empty.txt"), b"").unwrap();
    std::fs::write(tmp.path().join("blob.txt"), b"\x00\x01\x02\x03binary").unwrap();
    let d = process(&[tmp.path().to_path_buf()]);
    let statuses: Vec<_> = d.documents.iter().map(|a| (a.status, a.error.clone())).collect();
    assert_eq!(statuses.len(), 2);
    assert!(statuses.contains(&(DocStatus::Failed, Some("binary content".into()))), "{statuses:?}");
    assert!(statuses.contains(&(DocStatus::Empty, Some("empty file".into()))), "{statuses:?}");
}

#[test]
fn identical_files_are_two_documents_one_a_duplicate_with_linked_claims() {
    let tmp = tempfile::tempdir().unwrap();
    let body = b"Copy\n\nOver 300 staff were hired in Leeds.\n";
    std::fs::write(tmp.path().join("a.txt"), body).unwrap();
    std::fs::write(tmp.path().join("b.txt"), body).unwrap();
    let d = process(&[tmp.path().to_path_buf()]);
    assert_ne!(d.documents[0].doc_id, d.documents[1].doc_id);
    // Undated copies: the canonical one has the smaller id (whichever was read first), so
    // that shards of a dump agree on it.
    let (canon, copy) = if d.documents[0].doc_id < d.documents[1].doc_id { (0, 1) } else { (1, 0) };
    assert_eq!(d.documents[canon].status, DocStatus::Ok);
    assert_eq!(d.documents[copy].status, DocStatus::Duplicate);
    assert_eq!(d.documents[copy].duplicate_of.as_deref(), Some(d.documents[canon].doc_id.as_str()));
    assert_eq!(d.claims.len(), 2);
    assert_eq!(d.claims[copy].duplicate_of.as_deref(), Some(d.claims[canon].claim_id.as_str()));
    // Naive reconciliation: same kind, value, unit and subject → one figure, two documents.
    assert_eq!(d.figures.len(), 1);
    assert_eq!(d.figures[0].n_documents, 2);
    assert_eq!(d.claims[0].figure_id, d.claims[1].figure_id);
}
