//! `run --shard i/n` and `reconcile DIR...`: shards of a dump joined again give the output
//! of one run over everything, and a streamed run gives what the pipeline in memory gives.

use std::collections::BTreeMap;
use std::path::Path;

use crate::util::{process, read_parquet, repo, run_cli, strs};

/// figure_id → (status, sorted claim ids), from `DIR/figures.parquet`.
fn figures(dir: &Path) -> BTreeMap<String, (String, Vec<String>)> {
    let df = read_parquet(&dir.join("figures.parquet"));
    let ids = strs(&df, "figure_id");
    let status = strs(&df, "status");
    let claims = df.column("claim_ids").unwrap().list().unwrap().clone();
    (0..df.height())
        .map(|k| {
            let members = claims.get_as_series(k).unwrap();
            let members: Vec<String> = members.str().unwrap().iter().map(|v| v.unwrap().to_owned()).collect();
            (ids[k].clone().unwrap(), (status[k].clone().unwrap(), members))
        })
        .collect()
}

/// id → (status or figure, duplicate_of) of every row of a table.
fn links(dir: &Path, table: &str, id: &str, other: &str) -> BTreeMap<String, (Option<String>, Option<String>)> {
    let df = read_parquet(&dir.join(table));
    let (ids, a, b) = (strs(&df, id), strs(&df, other), strs(&df, "duplicate_of"));
    (0..df.height()).map(|k| (ids[k].clone().unwrap(), (a[k].clone(), b[k].clone()))).collect()
}

#[test]
fn shards_reconciled_together_equal_one_run() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = [repo().join("tests/reconcile"), repo().join("corpus")];
    let inputs: Vec<&Path> = inputs.iter().map(|p| p.as_path()).collect();
    let whole = tmp.path().join("whole");
    assert!(run_cli(&repo(), &inputs, &whole, &[]).status.success());
    let mut shards = Vec::new();
    for i in 0..3 {
        let out = tmp.path().join(format!("shard-{i}"));
        let run = run_cli(&repo(), &inputs, &out, &["--shard", &format!("{i}/3")]);
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        shards.push(out);
    }
    // Each shard holds only some of the documents, and together all of them.
    let docs_in = |d: &Path| read_parquet(&d.join("documents.parquet")).height();
    let total = docs_in(&whole);
    assert!(shards.iter().all(|s| docs_in(s) < total));
    assert_eq!(shards.iter().map(|s| docs_in(s)).sum::<usize>(), total);
    // A duplicate and its original fall in different shards here, so the joined output
    // must find a duplicate across shards.
    let shard_of =
        |id: &str| shards.iter().position(|s| links(s, "documents.parquet", "doc_id", "status").contains_key(id));
    let whole_docs = links(&whole, "documents.parquet", "doc_id", "status");
    assert!(
        whole_docs.iter().any(|(id, (_, canon))| canon.as_deref().is_some_and(|c| shard_of(c) != shard_of(id))),
        "no duplicate across shards: the test does not test it"
    );
    let joined = tmp.path().join("joined");
    let run = crate::util::bin().arg("reconcile").args(&shards).arg("-o").arg(&joined).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(figures(&joined), figures(&whole));
    assert_eq!(
        links(&joined, "claims.parquet", "claim_id", "figure_id"),
        links(&whole, "claims.parquet", "claim_id", "figure_id")
    );
    assert_eq!(
        links(&joined, "documents.parquet", "doc_id", "status"),
        links(&whole, "documents.parquet", "doc_id", "status")
    );
    let statuses = links(&whole, "documents.parquet", "doc_id", "status");
    assert!(statuses.values().any(|(s, _)| s.as_deref() == Some("duplicate")), "the inputs hold a duplicate");
    let conflicting = figures(&whole).values().filter(|(s, _)| s == "conflicting").count();
    assert!(conflicting > 0, "the inputs hold a conflict");
}

#[test]
fn a_streamed_run_writes_what_the_pipeline_in_memory_finds() {
    let tmp = tempfile::tempdir().unwrap();
    let input = repo().join("tests/reconcile");
    let out = tmp.path().join("out");
    assert!(run_cli(&repo(), &[&input], &out, &[]).status.success());
    let d = process(std::slice::from_ref(&input));
    let written = links(&out, "claims.parquet", "claim_id", "figure_id");
    let in_memory: BTreeMap<String, (Option<String>, Option<String>)> =
        d.claims.iter().map(|c| (c.claim_id.clone(), (c.figure_id.clone(), c.duplicate_of.clone()))).collect();
    assert_eq!(written, in_memory);
    assert_eq!(figures(&out).len(), d.figures.len());
}

#[test]
fn a_shard_must_be_below_the_count() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_cli(&repo(), &[&repo().join("corpus")], &tmp.path().join("o"), &["--shard", "3/3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("below N"));
}
