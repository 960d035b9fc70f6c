//! Throughput of the hot path, in MB/s of article text, on the BBC News corpus read at run
//! time from `../shared/corpora/bbc-news-2225/bbc` (or `FIGTRACE_BENCH_CORPUS`).
//!
//! `cargo bench --bench throughput` prints, for one thread: sentence segmentation, the
//! extractor alone (on pre-split sentences), and clean + segment + extract + context; each as the
//! min / median / max of `FIGTRACE_BENCH_RUNS` runs (default 5), after one untimed pass, each
//! run repeating the work for at least 0.1 s. `FIGTRACE_BENCH_ONLY=extract`
//! runs only the measurements whose name starts with that; `FIGTRACE_BENCH_ONLY=reconcile`
//! times reconciliation alone at 100k, 300k and 1M claims (see `reconcile_scaling`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use figtrace::extract::Extractor;
use figtrace::segment::split_sentences;

fn main() {
    // FIGTRACE_BENCH_SENTENCES=FILE: the extractor alone, and extraction with context, on
    // the sentences of FILE (one a line), for comparison with other extractors on the same
    // sentences (bench/run.sh runs quantulum3 on them).
    if let Some(file) = std::env::var_os("FIGTRACE_BENCH_SENTENCES") {
        let text = std::fs::read_to_string(&file).expect("sentences file");
        let sentences: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let bytes: usize = sentences.iter().map(|s| s.len()).sum();
        let runs: usize = std::env::var("FIGTRACE_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
        println!("sample: {} sentences, {:.3} MB", sentences.len(), bytes as f64 / 1e6);
        report("sample: extract", bytes, runs, || extract_all(&sentences));
        report("sample: extract + context", bytes, runs, || {
            sentences.iter().map(|s| figtrace::eval::claims_of_text(s).len()).sum()
        });
        return;
    }
    let dir = std::env::var_os("FIGTRACE_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc-news-2225/bbc"));
    let texts = read_texts(&dir);
    if texts.is_empty() {
        eprintln!("no .txt files under {} (set FIGTRACE_BENCH_CORPUS)", dir.display());
        return;
    }
    let runs: usize = std::env::var("FIGTRACE_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    let bytes: usize = texts.iter().map(String::len).sum();
    let sentences: Vec<&str> = texts
        .iter()
        .flat_map(|t| {
            t.split('\n').flat_map(|line| split_sentences(line).into_iter().map(move |s| &line[s.start..s.end]))
        })
        .collect();
    let sentence_bytes: usize = sentences.iter().map(|s| s.len()).sum();
    println!("corpus: {} files, {:.2} MB, {} sentences", texts.len(), bytes as f64 / 1e6, sentences.len());

    report("segment", bytes, runs, || {
        let mut n = 0;
        for t in &texts {
            for line in t.split('\n') {
                n += split_sentences(line).len();
            }
        }
        n
    });
    report("extract: prefilter only", sentence_bytes, runs, || {
        sentences.iter().filter(|s| figtrace::extract::lexer::may_hold_number(s)).count()
    });
    report("extract: prefilter + lex", sentence_bytes, runs, || {
        let mut toks = Vec::new();
        let mut n = 0;
        for s in &sentences {
            if figtrace::extract::lexer::may_hold_number(s) {
                figtrace::extract::lexer::lex(s, &mut toks);
                n += toks.len();
            }
        }
        n
    });
    report("extract (sentences given)", sentence_bytes, runs, || extract_all(&sentences));
    report("clean + segment + extract + context", bytes, runs, || {
        texts.iter().map(|t| figtrace::eval::claims_of_text(t).len()).sum()
    });
    reconcile_scaling(&dir);
}

/// Reconciliation at 100k, 300k and 1M claims whose kinds, units, subject keys, places and
/// periods (nulls included) are drawn from a real run over `dir` (and Reuters-21578 as JSON
/// lines, when `bench/out/reuters.jsonl` exists: `python3 bench/reuters_to_jsonl.py >
/// bench/out/reuters.jsonl`). One claim in ten restates its source's value exactly; the
/// others scale it by a random factor from 0.5 to 1.5. Seven claims a document, fifty
/// publishers.
fn reconcile_scaling(dir: &Path) {
    if let Ok(only) = std::env::var("FIGTRACE_BENCH_ONLY")
        && !"reconcile".starts_with(&only)
        && !only.starts_with("reconcile")
    {
        return;
    }
    let mut paths = vec![dir.to_path_buf()];
    let reuters = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench/out/reuters.jsonl");
    if reuters.is_file() {
        paths.push(reuters);
    }
    let Ok(inputs) = figtrace::ingest::ingest(&paths) else { return };
    let run = figtrace::process(&inputs);
    let text_of: std::collections::HashMap<&str, &str> =
        run.documents.iter().map(|d| (d.doc_id.as_str(), d.text.as_str())).collect();
    let real: Vec<_> = run.claims.iter().filter(|c| !c.in_boilerplate).collect();
    let with_key = real.iter().filter(|c| c.subject_key.is_some()).count();
    println!(
        "reconcile: {} real claims from {} inputs ({:.0}% with a subject key) as the key distribution",
        real.len(),
        paths.len(),
        100.0 * with_key as f64 / real.len().max(1) as f64
    );
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    for n in [100_000usize, 300_000, 1_000_000] {
        // Each synthetic document is the sentences of its seven claims, so that the claims
        // keep their sentences (reconciliation compares them) and surfaces.
        let mut texts: Vec<String> = vec![String::new(); n.div_ceil(7)];
        let mut claims: Vec<_> = (0..n)
            .map(|i| {
                let src = real[(next() % real.len() as u64) as usize];
                let mut c = src.clone();
                let sentence = &text_of[src.doc_id.as_str()][src.sentence.start..src.sentence.end];
                let text = &mut texts[i / 7];
                let at = text.len();
                text.push_str(sentence);
                text.push('\n');
                c.sentence = figtrace::model::Span::new(at, at + sentence.len());
                c.span = figtrace::model::Span::new(
                    at + src.span.start - src.sentence.start,
                    at + src.span.end - src.sentence.start,
                );
                c.claim_id = format!("c-{i:016x}");
                c.doc_id = format!("d-{:016x}", i / 7);
                c.duplicate_of = None;
                c.from_claim_id = None;
                if next() % 10 != 0 {
                    let factor = 0.5 + (next() % 1_000_000) as f64 / 1_000_000.0;
                    c.value *= factor;
                    c.low = c.low.map(|x| x * factor);
                    c.high = c.high.map(|x| x * factor);
                }
                c
            })
            .collect();
        let docs: Vec<_> = texts
            .into_iter()
            .enumerate()
            .map(|(d, text)| {
                let mut a = figtrace::model::Article::from_text(
                    &format!("d-{d:016x}"),
                    "synthetic",
                    figtrace::model::Format::Txt,
                    text,
                    Vec::new(),
                );
                a.publisher = Some(format!("publisher {}", d % 50));
                a
            })
            .collect();
        let t = Instant::now();
        let mut docs = docs;
        let figures = figtrace::pipeline::resolve(&mut docs, &mut claims);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "keys + dedup + reconcile {n:>9} claims {secs:>8.2} s ({:>6.0} k claims/s), {} figures",
            n as f64 / secs / 1e3,
            figures.len()
        );
    }
}

/// Mentions found in `sentences` by one extractor.
fn extract_all(sentences: &[&str]) -> usize {
    let mut ex = Extractor::new();
    let mut out = Vec::new();
    sentences
        .iter()
        .map(|s| {
            ex.extract_into(s, &mut out);
            out.len()
        })
        .sum()
}

fn report(name: &str, bytes: usize, runs: usize, mut f: impl FnMut() -> usize) {
    // FIGTRACE_BENCH_ONLY=extract runs only the measurements whose name starts with it.
    if let Ok(only) = std::env::var("FIGTRACE_BENCH_ONLY")
        && !name.starts_with(&only)
    {
        return;
    }
    // Each timed run repeats `f` for at least MIN_RUN (after one untimed call): a pass over
    // a small sample takes half a millisecond, too short to time alone (the first passes
    // run slower, and on this VM five single passes gave a median of 150-160 MB/s where a
    // hundred gave 170-240).
    const MIN_RUN: f64 = 0.1;
    let mut out = std::hint::black_box(f());
    let mut speeds = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let mut passes = 0;
        while passes == 0 || t.elapsed().as_secs_f64() < MIN_RUN {
            out = std::hint::black_box(f());
            passes += 1;
        }
        speeds.push((passes * bytes) as f64 / 1e6 / t.elapsed().as_secs_f64());
    }
    speeds.sort_by(f64::total_cmp);
    println!(
        "{name:<30} {:>8.1} / {:>8.1} / {:>8.1} MB/s (min / median / max of {runs}), {out} items",
        speeds[0],
        speeds[speeds.len() / 2],
        speeds[speeds.len() - 1]
    );
}

fn read_texts(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).map(|b| figtrace::parse::decode(&b, None)).collect()
}
