//! The command line: the default run, exit codes, messages.

use std::path::Path;

use crate::util::{bin, read_parquet, repo, run_cli};

#[test]
fn with_no_arguments_it_reads_corpus_and_writes_output() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for e in std::fs::read_dir(repo().join("corpus")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), corpus.join(e.file_name())).unwrap();
    }
    let o = bin().current_dir(tmp.path()).output().unwrap();
    assert!(o.status.success(), "{o:?}");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("5 documents (5 ok, 0 empty, 0 duplicate, 0 failed)"), "{stderr}");
    assert!(stderr.contains("0 failures"), "{stderr}");
    for f in ["documents.parquet", "claims.parquet", "figures.parquet", "manifest.json"] {
        assert!(tmp.path().join("output").join(f).is_file(), "output/{f}");
    }
    let claims = read_parquet(&tmp.path().join("output/claims.parquet"));
    assert!(claims.height() >= 20);
    // No temporary folder is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path().join("output"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".figtrace-tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_missing_input_is_a_usage_error_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run_cli(tmp.path(), &[Path::new("no-such-dump")], &tmp.path().join("out"), &[]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("no-such-dump"), "{stderr}");
    assert!(!tmp.path().join("out/claims.parquet").exists());
}

#[test]
fn a_failed_record_gives_exit_one_and_the_rest_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let feed = tmp.path().join("feed.jsonl");
    std::fs::write(
        &feed,
        "{\"id\":\"x\",\"text\":\"It cost £5m.\"}\nnot json\n{\"id\":\"y\",\"text\":\"Over 200 jobs went.\"}\n",
    )
    .unwrap();
    let o = run_cli(tmp.path(), &[&feed], &tmp.path().join("out"), &[]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("1 failures"), "{stderr}");
    let claims = read_parquet(&tmp.path().join("out/claims.parquet"));
    assert_eq!(claims.height(), 2);
}

#[test]
fn an_unwritable_output_is_exit_two() {
    let tmp = tempfile::tempdir().unwrap();
    let blocker = tmp.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let o = run_cli(tmp.path(), &[&repo().join("corpus")], &blocker.join("out"), &[]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("output"), "{o:?}");
}

#[test]
fn help_explains_the_commands() {
    let o = bin().arg("--help").output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("run") && out.contains("corpus/"), "{out}");
    let o = bin().args(["run", "--help"]).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("--output") && out.contains("Exit status"), "{out}");
}

#[test]
fn dump_prints_one_claim_per_line() {
    let o = bin().current_dir(repo()).args(["dump", "claims", "corpus"]).output().unwrap();
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert!(first["at"].as_str().unwrap().starts_with("corpus/000_4dc9a5f9ff095acf.txt:"));
}

#[test]
fn a_file_listed_twice_is_read_once() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.txt");
    std::fs::write(&a, "Fares rose by 4% this spring.\n").unwrap();
    let d = crate::util::process(&[a.clone(), a.clone(), tmp.path().to_path_buf()]);
    assert_eq!(d.documents.len(), 1);
    assert_eq!(d.claims.len(), 1);
    assert_eq!(d.claims[0].duplicate_of, None);
}

#[test]
fn figures_lists_conflicts_first_with_the_disagreeing_claims() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = run_cli(&repo(), &[&repo().join("tests/reconcile")], &out, &[]);
    assert!(o.status.success(), "{o:?}");
    let o = bin().args(["figures", "-o"]).arg(&out).output().unwrap();
    assert!(o.status.success(), "{o:?}");
    let table = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].contains("1 conflicting"), "{table}");
    assert!(lines[2].starts_with("conflicting"), "{table}");
    assert!(lines[3].contains("disagrees:") && lines[3].contains("revised.txt:1:"), "{table}");
    assert!(!lines.iter().any(|l| l.starts_with("single")), "single-source figures are left out by default: {table}");
    let only = bin().args(["figures", "--conflicts", "-o"]).arg(&out).output().unwrap();
    let only = String::from_utf8_lossy(&only.stdout);
    assert!(!only.contains("\nconsistent"), "{only}");
    // No run there: an error naming the file, exit 2.
    let o = bin().args(["figures", "-o"]).arg(tmp.path().join("nothing")).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("figures.parquet"));
}
