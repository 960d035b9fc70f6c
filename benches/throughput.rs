//! Throughput of the hot path, in MB/s of article text, on the BBC News corpus read at run
//! time from `../shared/corpora/bbc-news-2225/bbc` (or `FIGTRACE_BENCH_CORPUS`).
//!
//! `cargo bench --bench throughput` prints, for one thread: sentence segmentation, the
//! extractor alone (on pre-split sentences), and clean + segment + extract + context; each as the
//! min / median / max of `FIGTRACE_BENCH_RUNS` runs (default 5). `FIGTRACE_BENCH_ONLY=extract`
//! runs only the measurements whose name starts with that.

use std::path::{Path, PathBuf};
use std::time::Instant;

use figtrace::extract::Extractor;
use figtrace::segment::split_sentences;

fn main() {
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
    report("extract (sentences given)", sentence_bytes, runs, || {
        let mut ex = Extractor::new();
        let mut out = Vec::new();
        sentences
            .iter()
            .map(|s| {
                ex.extract_into(s, &mut out);
                out.len()
            })
            .sum()
    });
    report("clean + segment + extract + context", bytes, runs, || {
        texts.iter().map(|t| figtrace::eval::claims_of_text(t).len()).sum()
    });
}

fn report(name: &str, bytes: usize, runs: usize, mut f: impl FnMut() -> usize) {
    // FIGTRACE_BENCH_ONLY=extract runs only the measurements whose name starts with it.
    if let Ok(only) = std::env::var("FIGTRACE_BENCH_ONLY")
        && !name.starts_with(&only)
    {
        return;
    }
    let mut speeds = Vec::new();
    let mut out = 0;
    for _ in 0..runs {
        let t = Instant::now();
        out = std::hint::black_box(f());
        speeds.push(bytes as f64 / 1e6 / t.elapsed().as_secs_f64());
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
