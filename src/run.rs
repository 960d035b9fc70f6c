//! `figtrace run`: ingest, the pipeline, and the written output folder with its manifest.

use std::path::PathBuf;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context as _, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use crate::ingest::{Inputs, ingest_with};
use crate::model::{Dataset, DocStatus, FigureStatus};
use crate::pipeline::{Config, Summary, Timings, process_with};
use crate::write::{SCHEMA_VERSION, write_dataset};

/// Runs the whole pipeline and writes the output folder.
pub fn run(config: &Config) -> Result<Summary> {
    let started = Instant::now();
    let started_at = SystemTime::now();
    let pool = {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(j) = config.jobs {
            b = b.num_threads(j.max(1));
        }
        b.build().context("cannot start worker threads")?
    };
    let t = Instant::now();
    let inputs = ingest_with(&config.inputs, crate::ingest::Options { max_doc_bytes: config.max_doc_bytes })?;
    let ingest_secs = t.elapsed().as_secs_f64();
    let bar = progress_bar(config.progress, inputs.docs.len() as u64 * 2);
    let (dataset, mut timings) = pool.install(|| process_with(&inputs, &bar));
    bar.finish_and_clear();
    timings.ingest = ingest_secs;
    write_dataset(
        &dataset,
        |write_secs| {
            timings.write = write_secs;
            timings.total = started.elapsed().as_secs_f64();
            manifest(config, &inputs, &dataset, &timings, started_at)
        },
        &config.output,
    )?;
    let total = started.elapsed().as_secs_f64();
    Ok(summary(&dataset, total, config.output.clone()))
}

fn progress_bar(enabled: bool, len: u64) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    // Draws on stderr, and hides itself when stderr is not a terminal.
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} {msg:>10} [{elapsed_precise}] {wide_bar} {pos}/{len} ({per_sec}, eta {eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

fn summary(d: &Dataset, seconds: f64, output: PathBuf) -> Summary {
    let by_status = DocStatus::ALL.map(|s| (s, d.documents.iter().filter(|a| a.status == s).count()));
    Summary {
        documents: d.documents.len(),
        by_status,
        claims: d.claims.len(),
        figures: d.figures.len(),
        seconds,
        output,
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn manifest(config: &Config, inputs: &Inputs, d: &Dataset, t: &Timings, started_at: SystemTime) -> serde_json::Value {
    let counts_by_status: serde_json::Map<String, serde_json::Value> = DocStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), json!(d.documents.iter().filter(|a| a.status == *s).count())))
        .collect();
    let figures_by_status: serde_json::Map<String, serde_json::Value> =
        [FigureStatus::Single, FigureStatus::Consistent, FigureStatus::Conflicting]
            .iter()
            .map(|s| (s.as_str().to_owned(), json!(d.figures.iter().filter(|f| f.status == *s).count())))
            .collect();
    let secs = started_at.duration_since(UNIX_EPOCH).unwrap_or_default();
    json!({
        "tool": "figtrace",
        "version": env!("CARGO_PKG_VERSION"),
        "schema_version": SCHEMA_VERSION,
        "run_id": &crate::ingest::sha256_hex(format!("{}{}", secs.as_nanos(), std::process::id()).as_bytes())[..12],
        "started_at": iso8601(secs.as_secs()),
        "config": {
            "inputs": config.inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "output": config.output.display().to_string(),
            "jobs": config.jobs.unwrap_or_else(rayon::current_num_threads),
        },
        "inputs": inputs.files.iter().map(|f| json!({
            "path": f.path, "bytes": f.bytes, "sha256": f.sha256, "format": f.format.as_str(),
        })).collect::<Vec<_>>(),
        "skipped": inputs.skipped.iter().map(|(p, why)| json!({"path": p, "reason": why})).collect::<Vec<_>>(),
        "counts": {
            "documents": d.documents.len(),
            "documents_by_status": counts_by_status,
            "claims": d.claims.len(),
            "claims_in_boilerplate": d.claims.iter().filter(|c| c.in_boilerplate).count(),
            "figures": d.figures.len(),
            "figures_by_status": figures_by_status,
        },
        "timings_seconds": {
            "ingest": round3(t.ingest),
            "parse": round3(t.parse),
            "clean": round3(t.clean),
            "segment": round3(t.segment),
            "extract": round3(t.extract),
            "context": round3(t.context),
            "dedup": round3(t.dedup),
            "reconcile": round3(t.reconcile),
            "write": round3(t.write),
            "total": round3(t.total),
        },
    })
}

/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since the Unix epoch (proleptic Gregorian, UTC).
pub fn iso8601(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_of_known_instants() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_709_251_200), "2024-03-01T00:00:00Z");
        assert_eq!(iso8601(951_782_400 + 3661), "2000-02-29T01:01:01Z");
    }
}
