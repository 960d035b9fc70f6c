//! Readable dumps of one stage's output, one line per item: for debugging, for
//! reviewing rule changes, and for the golden tests (`figtrace dump claims corpus`).

use serde_json::json;

use crate::locate::Locator;
use crate::model::{Article, Dataset};
use crate::segment::segment;

/// Which stage to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Stage {
    /// Each block of each document, flagged body (`  `) or boilerplate (`BP`), and `o` when
    /// outside the page's main content, `c` when page furniture by markup.
    Blocks,
    /// Each sentence, with its block's flag.
    Sentences,
    /// Each claim as one JSON object (the golden-file format).
    Claims,
    /// Each document as one JSON object: its path, record, status, title and article text
    /// (`text` without its boilerplate spans), as scored on the AEB pages.
    Articles,
}

/// The dump of `stage` for a processed dataset, one line per item. With `ids`, each claim
/// also carries its `claim_id`, its figure and the figure's status, `duplicate_of`, its
/// record's id, its sentence and the document's `published` date and publisher (for
/// reviewing a sample against the Parquet tables).
pub fn dump(stage: Stage, d: &Dataset, ids: bool) -> Vec<String> {
    match stage {
        Stage::Blocks => d.documents.iter().flat_map(blocks).collect(),
        Stage::Sentences => d.documents.iter().flat_map(sentences).collect(),
        Stage::Claims => claims(d, ids),
        Stage::Articles => d.documents.iter().map(article).collect(),
    }
}

fn article(a: &Article) -> String {
    json!({
        "path": a.source_path,
        "record": a.record_index,
        "status": a.status.as_str(),
        "error": a.error,
        "title": a.title,
        "text": a.main_text(),
    })
    .to_string()
}

fn blocks(a: &Article) -> Vec<String> {
    let loc = Locator::new(&a.text);
    a.blocks
        .iter()
        .map(|b| {
            let p = loc.position(b.span.start);
            format!(
                "{}:{}:{} {}{}{} {:?} {}",
                a.source_path,
                p.line,
                p.column,
                if b.boilerplate { "BP" } else { "  " },
                if b.outside { 'o' } else { ' ' },
                if b.chrome { 'c' } else { ' ' },
                b.kind,
                one_line(&a.text[b.span.start..b.span.end], 160)
            )
        })
        .collect()
}

fn sentences(a: &Article) -> Vec<String> {
    let loc = Locator::new(&a.text);
    segment(a)
        .into_iter()
        .map(|s| {
            let p = loc.position(s.span.start);
            let bp = a.blocks[s.block].boilerplate;
            format!(
                "{}:{}:{} {} {}",
                a.source_path,
                p.line,
                p.column,
                if bp { "BP" } else { "  " },
                one_line(&a.text[s.span.start..s.span.end], 200)
            )
        })
        .collect()
}

fn claims(d: &Dataset, ids: bool) -> Vec<String> {
    let positions =
        crate::locate::claim_positions(&d.documents, &d.claims, &crate::locate::claim_docs(&d.documents, &d.claims));
    let doc_of: std::collections::HashMap<&str, &Article> =
        d.documents.iter().map(|a| (a.doc_id.as_str(), a)).collect();
    let status_of: std::collections::HashMap<&str, &str> =
        d.figures.iter().map(|f| (f.figure_id.as_str(), f.status.as_str())).collect();
    d.claims
        .iter()
        .zip(positions)
        .map(|(c, p)| {
            let a = doc_of[c.doc_id.as_str()];
            let mut v = json!({
                "at": format!("{}:{}:{}", a.source_path, p.line, p.column),
                "surface": &a.text[c.span.start..c.span.end],
                "kind": c.kind.as_str(),
                "value": c.value,
                "low": c.low,
                "high": c.high,
                "bound": c.bound.as_str(),
                "unit": c.unit,
                "currency": c.currency,
                "change": c.change.map(|x| x.as_str()),
                "from": c.from_claim_id.is_some(),
                "subject": c.subject,
                "subject_key": c.subject_key,
                "geography": c.geography,
                "period": c.period,
                "per": c.per,
                "attribution": c.attribution,
                "in_boilerplate": c.in_boilerplate,
                "rule": c.rule,
            });
            if ids {
                v["claim_id"] = json!(c.claim_id);
                v["figure_id"] = json!(c.figure_id);
                v["figure_status"] = json!(c.figure_id.as_ref().and_then(|f| status_of.get(f.as_str())).copied());
                v["duplicate_of"] = json!(c.duplicate_of);
                v["publisher"] = json!(a.publisher);
                v["external_id"] = json!(a.external_id);
                v["published"] = json!(a.published);
                v["sentence"] = json!(one_line(&a.text[c.sentence.start..c.sentence.end], usize::MAX));
            }
            v.to_string()
        })
        .collect()
}

fn one_line(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > max {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    } else {
        flat
    }
}
