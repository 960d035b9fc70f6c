//! Real dumps in, nothing lost: compressed files, WARC archives, encodings, broken and
//! oversized records, standard input, exit codes and a killed run. Every case is built
//! here, in a temporary folder.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use figtrace::model::{Dataset, DocStatus};

use crate::util::{bin, process, read_parquet, run_cli, strs};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn line(text: &str) -> String {
    format!("{}\n", serde_json::json!({ "text": text }))
}

fn statuses(d: &Dataset) -> Vec<(DocStatus, Option<u64>, Option<String>)> {
    d.documents.iter().map(|a| (a.status, a.record_index, a.error.clone())).collect()
}

fn values(d: &Dataset) -> Vec<f64> {
    d.claims.iter().map(|c| c.value).collect()
}

#[test]
fn gzip_members_and_zstd_frames_are_read_whole() {
    let tmp = tempfile::tempdir().unwrap();
    // Two gzip members, as `cat a.gz b.gz` makes: both are read.
    let mut two = gzip(line("Some 120 homes were built.").as_bytes());
    two.extend(gzip(line("The council hired 45 staff.").as_bytes()));
    std::fs::write(tmp.path().join("a.jsonl.gz"), two).unwrap();
    let zst = zstd::encode_all(line("Fees rose by 7% in a year.").as_bytes(), 3).unwrap();
    std::fs::write(tmp.path().join("b.ndjson.zst"), zst).unwrap();
    // No telling extension under .gz: the content says HTML.
    std::fs::write(tmp.path().join("page.gz"), gzip(b"<html><body><p>About 300 pupils left.</p></body></html>"))
        .unwrap();
    let d = process(&[tmp.path().to_path_buf()]);
    assert!(d.documents.iter().all(|a| a.status == DocStatus::Ok), "{:?}", statuses(&d));
    assert_eq!(values(&d), [120.0, 45.0, 7.0, 300.0]);
}

#[test]
fn a_truncated_gzip_file_keeps_the_records_before_the_break() {
    let tmp = tempfile::tempdir().unwrap();
    let body: String = (1..=400).map(|i| line(&format!("Record {i} says 4{i} children were placed."))).collect();
    let whole = gzip(body.as_bytes());
    std::fs::write(tmp.path().join("cut.jsonl.gz"), &whole[..whole.len() / 2]).unwrap();
    let d = process(&[tmp.path().join("cut.jsonl.gz")]);
    let ok = d.documents.iter().filter(|a| a.status == DocStatus::Ok).count();
    assert!(ok > 50 && ok < 400, "{ok} records kept");
    let last = d.documents.last().unwrap();
    assert_eq!(last.status, DocStatus::Failed);
    let error = last.error.as_deref().unwrap();
    assert!(error.contains("cut.jsonl.gz") && error.contains("gzip") && error.contains("breaks off"), "{error}");
}

/// One WARC record.
fn warc_record(kind: &str, content_type: &str, uri: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn warc_responses_holding_html_are_pages_with_their_address_and_charset() {
    let tmp = tempfile::tempdir().unwrap();
    let uri = "https://news.example/care";
    // A chunked HTTP body in Windows-1252: the £ is one byte, 0xA3.
    let page: &[u8] =
        b"<html><head><title>Care</title></head><body><p>Councils spent \xA35m on agency staff.</p></body></html>";
    let (a, b) = page.split_at(40);
    let mut chunked = format!("{:x}\r\n", a.len()).into_bytes();
    chunked.extend_from_slice(a);
    chunked.extend_from_slice(format!("\r\n{:x}\r\n", b.len()).as_bytes());
    chunked.extend_from_slice(b);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    let mut http =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\nTransfer-Encoding: chunked\r\n\r\n"
            .to_vec();
    http.extend(chunked);
    let mut warc = warc_record("warcinfo", "application/warc-fields", "", b"software: test\r\n");
    warc.extend(warc_record("request", "application/http; msgtype=request", uri, b"GET /care HTTP/1.1\r\n\r\n"));
    warc.extend(warc_record("response", "application/http; msgtype=response", uri, &http));
    let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
    warc.extend(warc_record("response", "application/http; msgtype=response", "https://news.example/a.png", image));
    std::fs::write(tmp.path().join("crawl.warc.gz"), gzip(&warc)).unwrap();
    let d = process(&[tmp.path().to_path_buf()]);
    assert_eq!(d.documents.len(), 1, "{:?}", statuses(&d));
    let a = &d.documents[0];
    assert_eq!((a.status, a.record_index, a.url.as_deref()), (DocStatus::Ok, Some(3), Some(uri)));
    assert_eq!(d.claims.len(), 1);
    assert_eq!((d.claims[0].value, d.claims[0].currency), (5_000_000.0, Some("GBP")));
}

#[test]
fn encodings_utf16_bom_and_windows_1252() {
    let tmp = tempfile::tempdir().unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Waiting lists grew by 2,400 in March.".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(tmp.path().join("a.txt"), utf16).unwrap();
    std::fs::write(tmp.path().join("b.txt"), b"\xEF\xBB\xBFThe trust hired 900 staff.").unwrap();
    std::fs::write(tmp.path().join("c.txt"), b"A grant of \xA3250,000 was awarded.").unwrap();
    let d = process(&[tmp.path().to_path_buf()]);
    assert_eq!(values(&d), [2400.0, 900.0, 250_000.0]);
    assert!(!d.documents[1].text.starts_with('\u{feff}'));
    assert_eq!(d.claims[2].currency, Some("GBP"));
}

#[test]
fn script_and_style_numbers_are_never_claims() {
    let tmp = tempfile::tempdir().unwrap();
    let page = br#"<html><head><style>.box { width: 300px; z-index: 9000 }</style></head><body>
        <script>var visits = 5000; window.ads = [728, 90];</script><noscript>Enable 1 setting</noscript>
        <p>There were 1,234 visits to the clinic.</p><script type="application/json">{"n": 77}</script></body></html>"#;
    std::fs::write(tmp.path().join("p.html"), page).unwrap();
    let d = process(&[tmp.path().to_path_buf()]);
    assert_eq!(values(&d), [1234.0]);
}

#[test]
fn broken_and_oversized_records_get_rows_that_say_why() {
    let tmp = tempfile::tempdir().unwrap();
    let mut jsonl = line("First, 10 beds closed.");
    jsonl.push_str("{\"text\": \"unterminated\n");
    jsonl.push_str(&line(&format!("A long one: {}", "word ".repeat(100))));
    jsonl.push_str(&line("Last, 20 beds opened."));
    std::fs::write(tmp.path().join("d.jsonl"), jsonl).unwrap();
    std::fs::write(tmp.path().join("big.txt"), "x ".repeat(200)).unwrap();
    let out = tmp.path().join("out");
    let run = run_cli(tmp.path(), &[tmp.path()], &out, &["--max-doc-bytes", "300"]);
    // Finished, but some inputs failed: exit status 1.
    assert_eq!(run.status.code(), Some(1), "{}", String::from_utf8_lossy(&run.stderr));
    let docs = read_parquet(&out.join("documents.parquet"));
    let rows: Vec<(String, String)> = strs(&docs, "status")
        .into_iter()
        .zip(strs(&docs, "error"))
        .map(|(s, e)| (s.unwrap(), e.unwrap_or_default()))
        .collect();
    assert_eq!(rows.len(), 5, "{rows:?}");
    assert!(rows[0].0 == "failed" && rows[0].1.contains("over --max-doc-bytes 300"), "{rows:?}");
    assert_eq!(rows[1].0, "ok");
    assert!(rows[2].0 == "failed" && rows[2].1.contains("line 2"), "{rows:?}");
    assert!(rows[3].0 == "failed" && rows[3].1.contains("line 3") && rows[3].1.contains("max-doc-bytes"), "{rows:?}");
    assert_eq!(rows[4].0, "ok");
}

#[test]
fn standard_input_is_read_and_a_missing_path_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let mut child = bin()
        .current_dir(tmp.path())
        .args(["run", "-", "-o"])
        .arg(&out)
        .arg("--quiet")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(line("Some 64 nurses joined.").as_bytes()).unwrap();
    let done = child.wait_with_output().unwrap();
    assert_eq!(done.status.code(), Some(0), "{}", String::from_utf8_lossy(&done.stderr));
    let docs = read_parquet(&out.join("documents.parquet"));
    assert_eq!(strs(&docs, "source_path"), [Some("-".to_owned())]);
    assert_eq!(strs(&docs, "format"), [Some("jsonl".to_owned())]);
    let missing = run_cli(tmp.path(), &[Path::new("no/such/dump")], &out, &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/dump"));
}

#[test]
fn a_killed_run_leaves_the_previous_output_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let small = tmp.path().join("small.txt");
    std::fs::write(&small, "About 12 children were adopted.").unwrap();
    let out = tmp.path().join("out");
    assert_eq!(run_cli(tmp.path(), &[&small], &out, &[]).status.code(), Some(0));
    let before: Vec<Vec<u8>> = ["documents.parquet", "claims.parquet", "figures.parquet", "manifest.json"]
        .iter()
        .map(|f| std::fs::read(out.join(f)).unwrap())
        .collect();
    // A dump big enough that the run is still going when it is killed.
    let big = tmp.path().join("big.jsonl");
    let body: String =
        (0..40_000).map(|i| line(&format!("Story {i}: the council paid £{i},000 for {i} places."))).collect();
    std::fs::write(&big, body).unwrap();
    let mut child =
        bin().args(["run"]).arg(&big).arg("-o").arg(&out).arg("--quiet").stderr(Stdio::null()).spawn().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(child.try_wait().unwrap().is_none(), "the run ended before it could be killed");
    child.kill().unwrap();
    child.wait().unwrap();
    let after: Vec<Vec<u8>> = ["documents.parquet", "claims.parquet", "figures.parquet", "manifest.json"]
        .iter()
        .map(|f| std::fs::read(out.join(f)).unwrap())
        .collect();
    assert!(before == after, "the previous output changed");
    assert_eq!(strs(&read_parquet(&out.join("claims.parquet")), "surface"), [Some("12".to_owned())]);
}

#[test]
fn hostile_inputs_finish_without_losing_a_row() {
    let tmp = tempfile::tempdir().unwrap();
    let words = ["the", "council", "paid", "£5m", "for", "12", "places", "in", "2023,", "and", "83,000", "children"];
    let line = |n: usize| (0..n).map(|i| words[i * 7 % words.len()]).collect::<Vec<_>>().join(" ");
    // A 20 MB line over the limit streams past; a 1 MB line without a full stop is read.
    std::fs::write(tmp.path().join("huge.txt"), line(2_500_000)).unwrap();
    std::fs::write(tmp.path().join("long.txt"), line(120_000)).unwrap();
    // Nothing but numbers, and 50,000 nested elements.
    let numbers: Vec<String> = (0..20_000).map(|i| (i * 7919 % 1_000_003).to_string()).collect();
    std::fs::write(tmp.path().join("numbers.txt"), numbers.join(" ")).unwrap();
    let nested = format!("{}<p>There were 40 cases.</p>{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
    std::fs::write(tmp.path().join("nested.html"), nested).unwrap();
    let out = tmp.path().join("out");
    let run = run_cli(tmp.path(), &[tmp.path()], &out, &["--max-doc-bytes", "5000000"]);
    assert_eq!(run.status.code(), Some(1), "{}", String::from_utf8_lossy(&run.stderr));
    let docs = read_parquet(&out.join("documents.parquet"));
    let paths = strs(&docs, "source_path");
    let status = strs(&docs, "status");
    let of = |name: &str| {
        let i = paths.iter().position(|p| p.as_deref().is_some_and(|p| p.ends_with(name))).expect(name);
        status[i].clone().unwrap()
    };
    assert_eq!(of("huge.txt"), "failed");
    assert_eq!((of("long.txt"), of("numbers.txt"), of("nested.html")), ("ok".into(), "ok".into(), "ok".into()));
    let claims = read_parquet(&out.join("claims.parquet"));
    let sentences = strs(&claims, "sentence");
    assert!(claims.height() > 20_000, "{}", claims.height());
    // Sentences stay sentence-sized whatever the input.
    assert!(sentences.iter().flatten().all(|s| s.len() <= figtrace::segment::MAX_SENTENCE));
    assert!(strs(&claims, "surface").contains(&Some("40".to_owned())));
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_a_dangling_link_is_a_failed_row_with_the_os_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dump = tmp.path().join("dump");
    std::fs::create_dir(&dump).unwrap();
    std::fs::write(dump.join("a.txt"), "Some 15 wards closed.").unwrap();
    std::os::unix::fs::symlink(&dump, dump.join("loop")).unwrap();
    std::os::unix::fs::symlink(dump.join("gone.txt"), dump.join("dangling.txt")).unwrap();
    let inputs = figtrace::ingest::ingest(std::slice::from_ref(&dump)).unwrap();
    assert!(
        inputs.skipped.iter().any(|(p, why)| p.ends_with("loop") && why.contains("symlink loop")),
        "{:?}",
        inputs.skipped
    );
    let d = process(&[dump]);
    let rows = statuses(&d);
    assert_eq!(rows.len(), 2, "{rows:?}");
    let dangling = d.documents.iter().find(|a| a.source_path.ends_with("dangling.txt")).unwrap();
    assert_eq!(dangling.status, DocStatus::Failed);
    assert!(dangling.error.as_deref().unwrap().contains("No such file"), "{:?}", dangling.error);
}
