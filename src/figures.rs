//! `figtrace figures`: the reconciled figures of an earlier run as a readable table,
//! conflicts first, each conflict followed by the claims that disagree and where they
//! stand (`path:line:column`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;
use polars::prelude::*;

/// Which figures to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// Figures with more than one source, conflicting or consistent.
    Sourced,
    /// Only conflicting figures.
    Conflicts,
    /// Every figure, single-source ones too.
    All,
}

/// A row of `figures.parquet`, as the listings read it.
#[derive(Clone, Debug)]
pub struct Row {
    pub figure_id: String,
    pub status: String,
    pub kind: String,
    pub unit: String,
    pub subject: String,
    pub geography: String,
    pub period: String,
    pub min: f64,
    pub max: f64,
    pub claims: i64,
    pub documents: i64,
    pub publishers: i64,
    /// For a conflicting figure, the claims outside its largest set of agreeing values.
    pub disagreeing: Vec<String>,
}

/// The figures of the run written to `dir`.
pub fn read_rows(dir: &Path) -> Result<Vec<Row>> {
    rows(&read_columns(&dir.join("figures.parquet"), &[])?)
}

/// Which figures, and how.
#[derive(Clone, Debug)]
pub struct Filter {
    pub show: Show,
    /// Only figures whose subject holds all these words.
    pub subject: Option<String>,
    /// JSON lines instead of a table.
    pub json: bool,
}

/// The figures of the run written to `dir` that `filter` selects, as a table or JSON lines.
pub fn table(dir: &Path, filter: &Filter) -> Result<String> {
    let show = filter.show;
    let words: Vec<String> =
        filter.subject.as_deref().unwrap_or("").split_whitespace().map(str::to_lowercase).collect();
    let rows = read_rows(dir)?;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for r in &rows {
        *counts.entry(r.status.as_str()).or_default() += 1;
    }
    let mut shown: Vec<&Row> = rows
        .iter()
        .filter(|r| match show {
            // A subject search looks at every figure unless told to keep to conflicts.
            Show::All => true,
            Show::Conflicts => r.status == "conflicting",
            Show::Sourced => r.status != "single" || !words.is_empty(),
        })
        .filter(|r| {
            let subject = r.subject.to_lowercase();
            words.iter().all(|w| subject.contains(w.as_str()))
        })
        .collect();
    shown.sort_by(|a, b| {
        status_rank(&a.status)
            .cmp(&status_rank(&b.status))
            .then(b.documents.cmp(&a.documents))
            .then(a.figure_id.cmp(&b.figure_id))
    });
    let located = if shown.iter().any(|r| !r.disagreeing.is_empty()) {
        claim_places(&read_columns(
            &dir.join("claims.parquet"),
            &["claim_id", "value", "source_path", "line", "column", "surface"],
        )?)?
    } else {
        HashMap::new()
    };
    let mut out = String::new();
    if filter.json {
        for r in shown {
            let line = serde_json::json!({
                "figure_id": r.figure_id, "status": r.status, "kind": r.kind, "unit": r.unit, "subject": r.subject,
                "geography": r.geography, "period": r.period, "value_min": r.min, "value_max": r.max,
                "n_claims": r.claims, "n_documents": r.documents, "n_publishers": r.publishers,
                "conflicting_claim_ids": r.disagreeing,
            });
            let _ = writeln!(out, "{line}");
        }
        return Ok(out);
    }
    let _ = writeln!(
        out,
        "{} figures: {} conflicting, {} consistent, {} single ({})",
        rows.len(),
        counts.get("conflicting").unwrap_or(&0),
        counts.get("consistent").unwrap_or(&0),
        counts.get("single").unwrap_or(&0),
        dir.join("figures.parquet").display()
    );
    let _ = writeln!(
        out,
        "{:<12} {:<19} {:<8} {:>23} {:<10} {:<34} {:<16} {:<9} {:>6} {:>5} {:>5}",
        "status", "figure", "kind", "value", "unit", "subject", "geography", "period", "claims", "docs", "pubs"
    );
    for r in shown {
        let value = if r.min == r.max { number(r.min) } else { format!("{}–{}", number(r.min), number(r.max)) };
        let _ = writeln!(
            out,
            "{:<12} {:<19} {:<8} {:>23} {:<10} {:<34} {:<16} {:<9} {:>6} {:>5} {:>5}",
            r.status,
            r.figure_id,
            r.kind,
            value,
            cut(&r.unit, 10),
            cut(&r.subject, 34),
            cut(&r.geography, 16),
            cut(&r.period, 9),
            r.claims,
            r.documents,
            r.publishers
        );
        for id in &r.disagreeing {
            match located.get(id) {
                Some((v, place, surface)) => {
                    let _ = writeln!(out, "    disagrees: {id} {} (\"{surface}\") at {place}", number(*v));
                }
                None => {
                    let _ = writeln!(out, "    disagrees: {id}");
                }
            }
        }
    }
    Ok(out)
}

/// The `columns` (all when none are named) of a table of an output folder.
pub(crate) fn read_columns(path: &Path, columns: &[&str]) -> Result<DataFrame> {
    if !path.is_file() {
        anyhow::bail!("{}: cannot open (run `figtrace run` first?)", path.display());
    }
    let table = LazyFrame::scan_parquet(PlRefPath::try_from_path(path)?, ScanArgsParquet::default())?;
    let table =
        if columns.is_empty() { table } else { table.select(columns.iter().map(|c| col(*c)).collect::<Vec<_>>()) };
    table.collect().map_err(|e| anyhow::anyhow!("{}: not a readable figtrace table: {e}", path.display()))
}

fn rows(df: &DataFrame) -> Result<Vec<Row>> {
    let s = |name: &str| -> Result<Vec<String>> {
        Ok(df.column(name)?.str()?.iter().map(|v| v.unwrap_or("").to_owned()).collect())
    };
    let f = |name: &str| -> Result<Vec<f64>> {
        Ok(df.column(name)?.f64()?.iter().map(|v| v.unwrap_or(f64::NAN)).collect())
    };
    let i = |name: &str| -> Result<Vec<i64>> { Ok(df.column(name)?.i64()?.iter().map(|v| v.unwrap_or(0)).collect()) };
    let (ids, status, kind, unit, subject, geography, period) =
        (s("figure_id")?, s("status")?, s("kind")?, s("unit")?, s("subject")?, s("geography")?, s("period")?);
    let (min, max) = (f("value_min")?, f("value_max")?);
    let (claims, documents, publishers) = (i("n_claims")?, i("n_documents")?, i("n_publishers")?);
    let disagreeing: Vec<Vec<String>> = match df.column("conflicting_claim_ids") {
        Ok(c) => {
            let lists = c.list()?;
            (0..df.height())
                .map(|k| {
                    lists
                        .get_as_series(k)
                        .and_then(|s| s.str().ok().map(|x| x.iter().flatten().map(str::to_owned).collect()))
                        .unwrap_or_default()
                })
                .collect()
        }
        Err(_) => vec![Vec::new(); df.height()],
    };
    Ok((0..df.height())
        .map(|k| Row {
            figure_id: ids[k].clone(),
            status: status[k].clone(),
            kind: kind[k].clone(),
            unit: unit[k].clone(),
            subject: subject[k].clone(),
            geography: geography[k].clone(),
            period: period[k].clone(),
            min: min[k],
            max: max[k],
            claims: claims[k],
            documents: documents[k],
            publishers: publishers[k],
            disagreeing: disagreeing[k].clone(),
        })
        .collect())
}

/// claim_id → (value, `path:line:column`, surface).
fn claim_places(df: &DataFrame) -> Result<HashMap<String, (f64, String, String)>> {
    let ids = df.column("claim_id")?.str()?;
    let values = df.column("value")?.f64()?;
    let paths = df.column("source_path")?.str()?;
    let lines = df.column("line")?.i64()?;
    let columns = df.column("column")?.i64()?;
    let surfaces = df.column("surface")?.str()?;
    let mut out = HashMap::new();
    for k in 0..df.height() {
        let (Some(id), Some(path)) = (ids.get(k), paths.get(k)) else { continue };
        let place = format!("{path}:{}:{}", lines.get(k).unwrap_or(0), columns.get(k).unwrap_or(0));
        out.insert(id.to_owned(), (values.get(k).unwrap_or(f64::NAN), place, surfaces.get(k).unwrap_or("").to_owned()));
    }
    Ok(out)
}

/// Where a figure of `status` comes in every listing: conflicting, consistent, single,
/// then anything else (a claim without a figure).
pub fn status_rank(status: &str) -> u8 {
    match status {
        "conflicting" => 0,
        "consistent" => 1,
        "single" => 2,
        _ => 3,
    }
}

/// 72590 → "72,590"; 0.125 → "0.125"; 3.4e9 → "3,400,000,000".
pub fn number(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 { format!("-{out}") } else { out }
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_owned() } else { format!("{}…", s.chars().take(n - 1).collect::<String>()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(number(72_590.0), "72,590");
        assert_eq!(number(3.4e9), "3,400,000,000");
        assert_eq!(number(0.125), "0.125");
        assert_eq!(number(-1200.0), "-1,200");
        assert_eq!(cut("abcdef", 4), "abc…");
    }
}
