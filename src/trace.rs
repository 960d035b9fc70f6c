//! `figtrace trace QUERY`: from a figure to the exact words of every source.
//!
//! QUERY is a claim id (`c-…`), a figure id (`f-…`), a number in any written form
//! (`£800m`, `£800 million`, `800000000`, `83,000`, `1 in 50`: read by the extractor, so
//! whatever a claim can say, a query can) or words (`children in care`: every word in the
//! claim's subject, else in its sentence). The figures the matching claims belong to are
//! printed with their status and values, and for each of their claims the place
//! (`path:line:column`), publisher and date, the sentence with the number highlighted, a
//! link that opens the page at the sentence (when the document has a URL), and whether it
//! disagrees with the rest of its figure.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use anyhow::{Result, bail};
use polars::prelude::*;
use serde_json::json;

use crate::extract::Extractor;
use crate::figures::{Row, read_columns};
use crate::model::Kind;

/// One claim as the trace shows it.
#[derive(Clone, Debug)]
pub struct Source {
    pub claim_id: String,
    pub doc_id: String,
    pub place: String,
    pub surface: String,
    pub sentence: String,
    /// The surface's code-point span inside `sentence`.
    pub at: (usize, usize),
    pub kind: String,
    pub value: f64,
    pub currency: Option<String>,
    pub subject: Option<String>,
    pub subject_key: Option<String>,
    pub period: Option<String>,
    pub figure_id: Option<String>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub in_boilerplate: bool,
}

/// One figure with its sources.
#[derive(Clone, Debug)]
pub struct Traced {
    pub figure_id: Option<String>,
    pub status: String,
    pub kind: String,
    pub subject: Option<String>,
    pub value_min: f64,
    pub value_max: f64,
    pub sources: Vec<Source>,
    pub disagreeing: Vec<String>,
}

/// What a query asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Query {
    Claim(String),
    Figure(String),
    Number { kind: Kind, value: f64, currency: Option<&'static str> },
    Words(Vec<String>),
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let q = q.trim();
        let hex16 = |s: &str| s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit());
        if let Some(rest) = q.strip_prefix("c-").filter(|r| hex16(r)) {
            return Query::Claim(format!("c-{}", rest.to_ascii_lowercase()));
        }
        if let Some(rest) = q.strip_prefix("f-").filter(|r| hex16(r)) {
            return Query::Figure(format!("f-{}", rest.to_ascii_lowercase()));
        }
        // A number: one mention that covers the query but for a few letters ("£800m", "1 in 50").
        let mut mentions = Vec::new();
        Extractor::new().extract_into(q, &mut mentions);
        if let [m] = mentions.as_slice() {
            let outside = q[..m.span.start].trim().len() + q[m.span.end..].trim().len();
            if outside <= 2 {
                return Query::Number { kind: m.kind, value: m.value, currency: m.currency };
            }
        }
        let bare: String = q.chars().filter(|c| !matches!(c, ',' | ' ' | '_')).collect();
        if let Ok(v) = bare.parse::<f64>() {
            return Query::Number { kind: Kind::Count, value: v, currency: None };
        }
        Query::Words(
            q.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .filter(|w| !crate::extract::is_stopword(w))
                .collect(),
        )
    }

    fn matches(&self, c: &Source) -> bool {
        match self {
            Query::Claim(id) => &c.claim_id == id,
            Query::Figure(id) => c.figure_id.as_deref() == Some(id),
            Query::Number { kind, value, currency } => {
                let close = (c.value - value).abs() <= 1e-9 * value.abs().max(1.0);
                // A bare number matches a claim of any kind; "£800m" only money in pounds.
                let kind_ok = *kind == Kind::Count || c.kind == kind.as_str();
                let currency_ok = currency.is_none() || c.currency.as_deref() == *currency;
                close && kind_ok && currency_ok
            }
            Query::Words(words) => {
                let has_all = |text: &str| {
                    let text = text.to_lowercase();
                    words.iter().all(|w| text.contains(w.as_str()))
                };
                !words.is_empty()
                    && (c.subject.as_deref().is_some_and(has_all)
                        || c.subject_key.as_deref().is_some_and(has_all)
                        || has_all(&c.sentence))
            }
        }
    }
}

/// The figures (and claims without one) matching `query` in the output folder `dir`,
/// conflicting figures first.
pub fn trace(dir: &Path, query: &str) -> Result<Vec<Traced>> {
    let query = Query::parse(query);
    if matches!(&query, Query::Words(w) if w.is_empty()) {
        bail!("nothing to look for: give a claim id, a figure id, a number or some words");
    }
    let sources = sources(dir)?;
    let rows = crate::figures::read_rows(dir)?;
    let rows: HashMap<&str, &Row> = rows.iter().map(|r| (r.figure_id.as_str(), r)).collect();
    let members = by_figure(&sources);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for hit in sources.iter().filter(|c| query.matches(c)) {
        match hit.figure_id.as_deref() {
            Some(f) if seen.insert(f) => out.push(traced(f, rows.get(f).copied(), &members)),
            Some(_) => {}
            // A claim without a figure (in boilerplate): shown on its own.
            None => out.push(Traced {
                figure_id: None,
                status: "no figure (page furniture)".into(),
                kind: hit.kind.clone(),
                subject: hit.subject.clone(),
                value_min: hit.value,
                value_max: hit.value,
                sources: vec![hit.clone()],
                disagreeing: Vec::new(),
            }),
        }
    }
    out.sort_by_key(|t| (crate::figures::status_rank(&t.status), std::cmp::Reverse(t.sources.len())));
    Ok(out)
}

/// Every figure of the output in `dir` with its sources (for the report), in table order.
pub fn all_figures(dir: &Path) -> Result<Vec<Traced>> {
    let sources = sources(dir)?;
    let members = by_figure(&sources);
    Ok(crate::figures::read_rows(dir)?.iter().map(|r| traced(&r.figure_id, Some(r), &members)).collect())
}

/// The claims of each figure.
fn by_figure(sources: &[Source]) -> HashMap<&str, Vec<&Source>> {
    let mut out: HashMap<&str, Vec<&Source>> = HashMap::new();
    for c in sources {
        if let Some(f) = c.figure_id.as_deref() {
            out.entry(f).or_default().push(c);
        }
    }
    out
}

/// Figure `id` (its row of `figures.parquet`, when there) with its sources.
fn traced(id: &str, row: Option<&Row>, members: &HashMap<&str, Vec<&Source>>) -> Traced {
    Traced {
        figure_id: Some(id.to_owned()),
        status: row.map(|r| r.status.clone()).unwrap_or_default(),
        kind: row.map(|r| r.kind.clone()).unwrap_or_default(),
        subject: row.map(|r| r.subject.clone()).filter(|s| !s.is_empty()),
        value_min: row.map_or(f64::NAN, |r| r.min),
        value_max: row.map_or(f64::NAN, |r| r.max),
        sources: members.get(id).into_iter().flatten().map(|c| (*c).clone()).collect(),
        disagreeing: row.map(|r| r.disagreeing.clone()).unwrap_or_default(),
    }
}

fn strs(df: &DataFrame, name: &str) -> Result<Vec<Option<String>>> {
    Ok(df.column(name)?.str()?.iter().map(|v| v.map(str::to_owned)).collect())
}

/// Every claim of the output, with what the trace shows of its document.
pub fn sources(dir: &Path) -> Result<Vec<Source>> {
    let docs = read_columns(&dir.join("documents.parquet"), &["doc_id", "publisher", "published", "title"])?;
    let (doc_ids, publisher, published, title) =
        (strs(&docs, "doc_id")?, strs(&docs, "publisher")?, strs(&docs, "published")?, strs(&docs, "title")?);
    let doc_of: HashMap<String, usize> =
        doc_ids.iter().enumerate().filter_map(|(k, d)| Some((d.clone()?, k))).collect();
    let df = read_columns(
        &dir.join("claims.parquet"),
        &[
            "claim_id",
            "doc_id",
            "source_path",
            "line",
            "column",
            "surface",
            "sentence",
            "char_start",
            "sentence_start",
            "kind",
            "value",
            "currency",
            "subject",
            "subject_key",
            "period",
            "figure_id",
            "text_fragment_url",
            "in_boilerplate",
        ],
    )?;
    let s = |n: &str| strs(&df, n);
    let (ids, docs_of, paths, surfaces, sentences, kinds) =
        (s("claim_id")?, s("doc_id")?, s("source_path")?, s("surface")?, s("sentence")?, s("kind")?);
    let (currency, subject, subject_key, period, figure, url) =
        (s("currency")?, s("subject")?, s("subject_key")?, s("period")?, s("figure_id")?, s("text_fragment_url")?);
    let (line, column) = (df.column("line")?.i64()?, df.column("column")?.i64()?);
    let (start, sentence_start) = (df.column("char_start")?.i64()?, df.column("sentence_start")?.i64()?);
    let value = df.column("value")?.f64()?;
    let boilerplate = df.column("in_boilerplate")?.bool()?;
    let mut out = Vec::with_capacity(df.height());
    for k in 0..df.height() {
        let surface = surfaces[k].clone().unwrap_or_default();
        let from = (start.get(k).unwrap_or(0) - sentence_start.get(k).unwrap_or(0)).max(0) as usize;
        let d = docs_of[k].as_ref().and_then(|d| doc_of.get(d)).copied();
        let field = |v: &Vec<Option<String>>| d.and_then(|d| v[d].clone());
        out.push(Source {
            claim_id: ids[k].clone().unwrap_or_default(),
            doc_id: docs_of[k].clone().unwrap_or_default(),
            place: format!(
                "{}:{}:{}",
                paths[k].as_deref().unwrap_or("?"),
                line.get(k).unwrap_or(0),
                column.get(k).unwrap_or(0)
            ),
            at: (from, from + surface.chars().count()),
            surface,
            sentence: sentences[k].clone().unwrap_or_default(),
            kind: kinds[k].clone().unwrap_or_default(),
            value: value.get(k).unwrap_or(f64::NAN),
            currency: currency[k].clone(),
            subject: subject[k].clone(),
            subject_key: subject_key[k].clone(),
            period: period[k].clone(),
            figure_id: figure[k].clone(),
            url: url[k].clone(),
            publisher: field(&publisher),
            published: field(&published),
            title: field(&title),
            in_boilerplate: boilerplate.get(k).unwrap_or(false),
        });
    }
    Ok(out)
}

/// `sentence` with the code points `at` marked: bold red on a terminal, `[[…]]` otherwise.
pub fn highlight(sentence: &str, at: (usize, usize), colour: bool) -> String {
    let (open, close) = if colour { ("\x1b[1;31m", "\x1b[0m") } else { ("[[", "]]") };
    let mut out = String::with_capacity(sentence.len() + 12);
    for (k, ch) in sentence.chars().enumerate() {
        if k == at.0 {
            out.push_str(open);
        }
        if k == at.1 {
            out.push_str(close);
        }
        out.push(ch);
    }
    let n = sentence.chars().count();
    if at.0 >= n {
        out.push_str(open);
    }
    if at.1 >= n {
        out.push_str(close);
    }
    out
}

/// The trace as text.
pub fn render(traced: &[Traced], colour: bool) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    if traced.is_empty() {
        out.push_str("no claim matches\n");
    }
    for t in traced {
        let values = if t.value_min == t.value_max {
            crate::figures::number(t.value_min)
        } else {
            format!("{} to {}", crate::figures::number(t.value_min), crate::figures::number(t.value_max))
        };
        let _ = writeln!(
            out,
            "{} {} {} {} — {} ({} source{})",
            t.figure_id.as_deref().unwrap_or("(no figure)"),
            t.status,
            t.kind,
            values,
            t.subject.as_deref().unwrap_or("?"),
            t.sources.len(),
            if t.sources.len() == 1 { "" } else { "s" }
        );
        let mut by_doc: BTreeMap<(&str, &str), Vec<&Source>> = BTreeMap::new();
        for s in &t.sources {
            by_doc.entry((s.published.as_deref().unwrap_or("~"), s.doc_id.as_str())).or_default().push(s);
        }
        for s in by_doc.values().flatten() {
            let who = [s.publisher.as_deref(), s.published.as_deref().map(|p| p.get(..10).unwrap_or(p))]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            let disagrees = if t.disagreeing.contains(&s.claim_id) { "  DISAGREES" } else { "" };
            let _ = writeln!(
                out,
                "  {}  {}{}{}",
                s.place,
                s.surface,
                if who.is_empty() { String::new() } else { format!("  ({who})") },
                disagrees
            );
            let _ = writeln!(out, "    {}", highlight(&s.sentence, s.at, colour));
            if let Some(u) = &s.url {
                let _ = writeln!(out, "    {u}");
            }
        }
        out.push('\n');
    }
    out
}

/// The trace as JSON.
pub fn to_json(query: &str, traced: &[Traced]) -> serde_json::Value {
    json!({
        "query": query,
        "figures": traced.iter().map(|t| json!({
            "figure_id": t.figure_id,
            "status": t.status,
            "kind": t.kind,
            "subject": t.subject,
            "value_min": t.value_min,
            "value_max": t.value_max,
            "sources": t.sources.iter().map(|s| json!({
                "claim_id": s.claim_id,
                "doc_id": s.doc_id,
                "place": s.place,
                "surface": s.surface,
                "value": s.value,
                "sentence": s.sentence,
                "span_in_sentence": [s.at.0, s.at.1],
                "publisher": s.publisher,
                "published": s.published,
                "title": s.title,
                "url": s.url,
                "disagrees": t.disagreeing.contains(&s.claim_id),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_ids_numbers_or_words() {
        assert_eq!(Query::parse("c-00000000000000AB"), Query::Claim("c-00000000000000ab".into()));
        assert_eq!(Query::parse("f-0123456789abcdef"), Query::Figure("f-0123456789abcdef".into()));
        assert!(
            matches!(Query::parse("£800m"), Query::Number { kind: Kind::Money, value, currency: Some("GBP") } if value == 8e8)
        );
        assert!(matches!(Query::parse("£800 million"), Query::Number { kind: Kind::Money, value, .. } if value == 8e8));
        assert!(matches!(Query::parse("800000000"), Query::Number { value, .. } if value == 8e8));
        assert!(matches!(Query::parse("83,000"), Query::Number { value, .. } if value == 83_000.0));
        assert!(matches!(Query::parse("1 in 50"), Query::Number { value, .. } if (value - 0.02).abs() < 1e-12));
        assert_eq!(Query::parse("children in care"), Query::Words(vec!["children".into(), "care".into()]));
    }

    #[test]
    fn highlights_mark_the_span() {
        assert_eq!(highlight("It cost £5m in all.", (8, 11), false), "It cost [[£5m]] in all.");
        assert_eq!(highlight("£5m", (0, 3), false), "[[£5m]]");
    }
}
