//! `figtrace eval`: precision, recall and F1 of extraction against an annotated set.
//!
//! Each annotated sentence goes through the same stages as `figtrace run` (a one-record
//! document: blocks, clean, segment, extract, context), and the claims are compared with
//! the gold quantities.
//!
//! * **NewsQuant** (CQE, EMNLP 2023): per sentence, each gold quantity is matched one to
//!   one with a claim whose value is equal within a relative 1e-5 (a range only with a
//!   range whose ends are both equal). From the matches: P/R/F1 for *value*,
//!   *value+change* (bound or direction: `=`, `~`, `>`, `<`, `up`, `down`) and
//!   *value+unit* (normalised unit). A from/to change (two claims linked by
//!   `from_claim_id`) is scored as the one range NewsQuant writes for it.
//! * **Recognizers-Text** specs: for each entry, the expected values of the model's type
//!   (NumberModel: every number; PercentModel: percentages; CurrencyModel: money, minor
//!   units converted to whole ones) are *found* when a claim of that type has the value;
//!   claims of the type that match nothing are *spurious*. Expected values that figtrace
//!   refuses by design (list markers, identifiers, dates…) are left out of the
//!   denominator and listed with the reason.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use serde_json::Value;

use crate::clean::{Furniture, clean};
use crate::extract::{Extractor, Skipped};
use crate::model::{Article, Claim, Format, Kind};
use crate::pipeline::claims_of_article;

/// Annotated-set formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum GoldFormat {
    /// NewsQuant JSON: a list of {text, quantities: [{value, unit, normalized_unit, change}]}.
    Newsquant,
    /// Microsoft Recognizers-Text spec JSON: a list of {Input, Results: [{Text, Resolution, Start, End}]}.
    Recognizers,
}

/// The result of an evaluation: a printable report, errors as JSON lines, and the
/// headline figure (NewsQuant value F1, or the share of expected values found).
pub struct Evaluation {
    pub report: String,
    pub errors: Vec<Value>,
    pub headline: f64,
}

/// Evaluates extraction against the annotated set at `path`. The format is guessed from
/// the file's shape when `format` is `None`.
pub fn evaluate(path: &Path, format: Option<GoldFormat>) -> Result<Evaluation> {
    let raw = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let json: Value = serde_json::from_str(&raw).with_context(|| format!("{}: not JSON", path.display()))?;
    let Value::Array(items) = json else {
        bail!("{}: expected a JSON list of annotated sentences", path.display());
    };
    let format = format.unwrap_or_else(|| {
        if items.first().is_some_and(|x| x.get("Input").is_some()) {
            GoldFormat::Recognizers
        } else {
            GoldFormat::Newsquant
        }
    });
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match format {
        GoldFormat::Newsquant => newsquant(&name, &items),
        GoldFormat::Recognizers => recognizers(&name, &items),
    }
}

/// The claims figtrace finds in `text`, read as a one-record document.
pub fn claims_of_text(text: &str) -> Vec<Claim> {
    let article = Article::from_text("d-eval", "eval", Format::Jsonl, text.to_owned(), crate::parse::text_blocks(text));
    claims_of_article(&clean(article, &Furniture::default()))
}

// ---- NewsQuant ----------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Quantity {
    low: f64,
    high: f64,
    range: bool,
    change: String,
    unit: Option<String>,
    /// For predictions: kind and surface; for gold: the unit as written.
    label: String,
    kind: Option<Kind>,
}

fn parse_value(s: &str) -> Option<(f64, f64, bool)> {
    let s = s.trim();
    if let Ok(v) = s.parse::<f64>() {
        return Some((v, v, false));
    }
    // "5-10", "2415.0-2315.0", "3.0 - 4.0": split at a hyphen after a digit or a space.
    let bytes = s.as_bytes();
    for i in 1..bytes.len() {
        if bytes[i] == b'-' && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b' ') {
            let (a, b) = (s[..i].trim().parse::<f64>().ok()?, s[i + 1..].trim().parse::<f64>().ok()?);
            return Some((a, b, true));
        }
    }
    None
}

fn gold_quantities(item: &Value) -> Vec<Quantity> {
    let mut out = Vec::new();
    for q in item.get("quantities").and_then(Value::as_array).into_iter().flatten() {
        let Some((low, high, range)) = q.get("value").and_then(Value::as_str).and_then(parse_value) else {
            continue;
        };
        let unit =
            q.get("normalized_unit").and_then(Value::as_str).filter(|u| !u.is_empty() && *u != "-").map(str::to_owned);
        out.push(Quantity {
            low,
            high,
            range,
            change: q.get("change").and_then(Value::as_str).unwrap_or("=").to_owned(),
            unit,
            label: q.get("unit").and_then(Value::as_str).unwrap_or("").to_owned(),
            kind: None,
        });
    }
    out
}

/// Claims as NewsQuant quantities: from/to pairs merged into one range.
fn predicted_quantities(text: &str) -> Vec<Quantity> {
    let claims = claims_of_text(text);
    let old_of_pair: std::collections::HashSet<&str> =
        claims.iter().filter_map(|c| c.from_claim_id.as_deref()).collect();
    let mut out = Vec::new();
    for c in &claims {
        if old_of_pair.contains(c.claim_id.as_str()) {
            continue;
        }
        let surface = text[c.span.start..c.span.end].to_owned();
        let change = change_code(c);
        let unit = newsquant_unit(c, text);
        if let Some(old) = c.from_claim_id.as_deref().and_then(|id| claims.iter().find(|o| o.claim_id == id)) {
            // NewsQuant writes a from/to change as a plain range ("240-273", change "=").
            out.push(Quantity {
                low: as_written(old, text, old.value),
                high: as_written(c, text, c.value),
                range: true,
                change: "=".to_owned(),
                unit,
                label: format!("{} → {surface}", &text[old.span.start..old.span.end]),
                kind: Some(c.kind),
            });
            continue;
        }
        let (low, high, range) = match (c.bound, c.low, c.high) {
            (crate::model::Bound::Range, Some(l), Some(h)) => (as_written(c, text, l), as_written(c, text, h), true),
            _ => (as_written(c, text, c.value), as_written(c, text, c.value), false),
        };
        out.push(Quantity { low, high, range, change, unit, label: surface, kind: Some(c.kind) });
    }
    out
}

/// NewsQuant's one `change` field: a bound word wins over a direction ("lost more than
/// 60%" is `>`), as in its annotations.
fn change_code(c: &Claim) -> String {
    use crate::model::{Bound, Change};
    match (c.bound, c.change) {
        (Bound::Approx, _) => "~",
        (Bound::Lower, _) => ">",
        (Bound::Upper, _) => "<",
        (_, Some(Change::Increase)) => "up",
        (_, Some(Change::Decrease)) => "down",
        _ => "=",
    }
    .to_owned()
}

/// NewsQuant states amounts as written: "19 cents" is 19 (unit cent), "60 basis points"
/// is 60. figtrace states whole units (0.19 USD, 0.6 percentage points): scale back.
fn as_written(c: &Claim, text: &str, v: f64) -> f64 {
    let surface = text[c.span.start..c.span.end].to_lowercase();
    let basis = c.kind == Kind::PercentagePoint && (surface.contains("basis") || surface.ends_with("bps"));
    if minor_money(c, text) || basis { v * 100.0 } else { v }
}

/// figtrace's unit in NewsQuant's vocabulary, with a rate as "X per Y".
fn newsquant_unit(c: &Claim, text: &str) -> Option<String> {
    let base = base_unit(c, text)?;
    Some(match c.per {
        Some(per) => format!("{base} per {per}"),
        None => base,
    })
}

fn base_unit(c: &Claim, text: &str) -> Option<String> {
    let u = match c.kind {
        Kind::Percent => "percentage",
        Kind::PercentagePoint => "percentage point",
        // NewsQuant names the unit as written: "19 cents" is in cents.
        Kind::Money if minor_money(c, text) => {
            if c.currency == Some("GBP") {
                "penny"
            } else {
                "cent"
            }
        }
        Kind::Money => currency_name(c.currency?),
        Kind::Ratio => return None,
        _ => c.unit.as_deref()?,
    };
    Some(u.to_owned())
}

/// An ISO code's English name, as NewsQuant writes units ("danish krone").
fn currency_name(code: &str) -> &str {
    match code {
        "USD" => "dollar",
        "GBP" => "pound sterling",
        "EUR" => "euro",
        "JPY" => "japanese yen",
        "CNY" => "chinese yuan",
        "AUD" => "australian dollar",
        "CAD" => "canadian dollar",
        "HKD" => "hong kong dollar",
        "NZD" => "new zealand dollar",
        "SGD" => "singapore dollar",
        "TWD" => "new taiwan dollar",
        "INR" => "indian rupee",
        "IDR" => "indonesian rupiah",
        "CHF" => "swiss franc",
        "FRF" => "french franc",
        "BEF" => "belgian franc",
        "SEK" => "swedish krona",
        "NOK" => "norwegian krone",
        "DKK" => "danish krone",
        "CZK" => "czech koruna",
        "ZAR" => "south african rand",
        "RUB" => "russian ruble",
        "BRL" => "brazilian real",
        "MXN" => "mexican peso",
        "KRW" => "south korean won",
        "TRY" => "turkish lira",
        "PLN" => "polish zloty",
        "MYR" => "malaysian ringgit",
        "ILS" => "israeli new shekel",
        "DEM" => "german mark",
        "FIM" => "finnish markka",
        "NLG" => "dutch guilder",
        "ESP" => "spanish peseta",
        "BTC" => "bitcoin",
        other => other,
    }
}

/// Money written in its minor unit: "19 cents", "50p", "470 pence".
fn minor_money(c: &Claim, text: &str) -> bool {
    let surface = text[c.span.start..c.span.end].to_lowercase();
    c.kind == Kind::Money
        && (surface.ends_with('p') || ["pence", "penny", "cent", "cents", "cts"].iter().any(|m| surface.ends_with(m)))
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-5 * a.abs().max(b.abs()) || (a.abs() < 1e-12 && b.abs() < 1e-12)
}

fn same_quantity(g: &Quantity, p: &Quantity) -> bool {
    if g.range != p.range {
        return false;
    }
    if g.range {
        let (g0, g1) = (g.low.min(g.high), g.low.max(g.high));
        let (p0, p1) = (p.low.min(p.high), p.low.max(p.high));
        same_value(g0, p0) && same_value(g1, p1)
    } else {
        same_value(g.low, p.low)
    }
}

/// Units compared loosely: lower case, singular, NewsQuant's and figtrace's names for the
/// same unit made equal ("percentage"/"percent", "celsius"/"degree Celsius", "count"/
/// "times"), and a counted noun compared by its head ("first-team player" ~ "player").
fn unit_key(u: &str) -> String {
    let u = u.trim().to_lowercase();
    let u = u
        .replace("degree celsius", "celsius")
        .replace("degree fahrenheit", "fahrenheit")
        .replace("gigaton", "gigatonne")
        .replace("gigatonnee", "gigatonne")
        .replace("parts-per-", "part per ")
        .replace("pound (mass)", "pound");
    // A rate compares base by base: "burglary per week" is "residential burglary per week".
    if let Some((base, per)) = u.split_once(" per ") {
        return format!("{} per {}", unit_key(base), crate::context::normalise(per));
    }
    let u = match u.as_str() {
        "percentage" | "percent" | "%" | "per cent" => "percent".to_owned(),
        "percentage point" | "point" | "points" | "basis point" | "basis points" => "point".to_owned(),
        "time" | "times" => "count".to_owned(),
        _ => u,
    };
    // The head of "barrel of oil" is "barrel" ("year of age" stays whole).
    let u = match u.split_once(" of ") {
        Some((head, rest)) if rest != "age" => head.to_owned(),
        _ => u,
    };
    let norm = crate::context::normalise(&u);
    // The head of a noun phrase: its last word.
    norm.rsplit(' ').next().unwrap_or("").to_owned()
}

#[derive(Default, Clone, Copy)]
struct Prf {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Prf {
    fn p(&self) -> f64 {
        pct(self.tp, self.pred)
    }
    fn r(&self) -> f64 {
        pct(self.tp, self.gold)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 }
}

fn gold_category(g: &Quantity) -> &'static str {
    match g.unit.as_deref().map(unit_key).as_deref() {
        Some("percent") => "percent",
        Some(u)
            if ["dollar", "pound sterling", "euro", "yen", "yuan", "rupee", "franc", "cent", "shekel"]
                .iter()
                .any(|c| u.contains(c)) =>
        {
            "money"
        }
        Some(_) => "other unit",
        None => "no unit",
    }
}

fn newsquant(name: &str, items: &[Value]) -> Result<Evaluation> {
    let (mut value, mut change, mut unit) = (Prf::default(), Prf::default(), Prf::default());
    let mut by_kind: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut by_gold: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut errors = Vec::new();
    for item in items {
        let text = item.get("text").and_then(Value::as_str).unwrap_or("");
        let gold = gold_quantities(item);
        let pred = predicted_quantities(text);
        let mut used = vec![false; pred.len()];
        for g in &gold {
            let cat = gold_category(g);
            by_gold.entry(cat).or_default().1 += 1;
            let hit = (0..pred.len()).find(|&j| !used[j] && same_quantity(g, &pred[j]));
            match hit {
                Some(j) => {
                    used[j] = true;
                    value.tp += 1;
                    by_gold.entry(cat).or_default().0 += 1;
                    if g.change == pred[j].change {
                        change.tp += 1;
                    } else {
                        errors.push(error_json("change", text, g, Some(&pred[j])));
                    }
                    let units_agree = match (&g.unit, &pred[j].unit) {
                        (Some(a), Some(b)) => unit_key(a) == unit_key(b),
                        (None, None) => true,
                        _ => false,
                    };
                    if units_agree {
                        unit.tp += 1;
                    } else {
                        errors.push(error_json("unit", text, g, Some(&pred[j])));
                    }
                }
                None => errors.push(error_json("missed", text, g, None)),
            }
        }
        for (j, p) in pred.iter().enumerate() {
            let kind = p.kind.map_or("?", Kind::as_str);
            let e = by_kind.entry(kind).or_default();
            e.1 += 1;
            if used[j] {
                e.0 += 1;
            } else {
                errors.push(serde_json::json!({"error": "spurious", "text": text, "found": p.label, "kind": kind,
                    "value": if p.range { format!("{}-{}", p.low, p.high) } else { p.low.to_string() }}));
            }
        }
        for prf in [&mut value, &mut change, &mut unit] {
            prf.gold += gold.len();
            prf.pred += pred.len();
        }
    }
    let mut r = String::new();
    let _ = writeln!(r, "{name}: {} sentences, {} gold quantities, {} claims", items.len(), value.gold, value.pred);
    let _ = writeln!(r, "{:<14} {:>6} {:>6} {:>6}", "", "P", "R", "F1");
    for (label, prf) in [("value", value), ("value+change", change), ("value+unit", unit)] {
        let _ = writeln!(r, "{label:<14} {:>6.1} {:>6.1} {:>6.1}", prf.p(), prf.r(), prf.f1());
    }
    let _ = writeln!(r, "\nprecision by claim kind (matched / claims):");
    for (k, (m, n)) in &by_kind {
        let _ = writeln!(r, "  {k:<17} {m:>4} / {n:<4} {:>6.1}", pct(*m, *n));
    }
    let _ = writeln!(r, "recall by gold unit (found / gold):");
    for (k, (m, n)) in &by_gold {
        let _ = writeln!(r, "  {k:<17} {m:>4} / {n:<4} {:>6.1}", pct(*m, *n));
    }
    let count = |kind: &str| errors.iter().filter(|e| e["error"] == kind).count();
    let _ = writeln!(
        r,
        "errors: {} missed, {} spurious, {} wrong change, {} wrong unit",
        count("missed"),
        count("spurious"),
        count("change"),
        count("unit")
    );
    Ok(Evaluation { report: r, errors, headline: value.f1() })
}

fn error_json(kind: &str, text: &str, g: &Quantity, p: Option<&Quantity>) -> Value {
    let gold_value = if g.range { format!("{}-{}", g.low, g.high) } else { g.low.to_string() };
    serde_json::json!({
        "error": kind,
        "text": text,
        "gold": {"value": gold_value, "change": g.change, "unit": g.unit, "as_written": g.label},
        "found": p.map(|p| serde_json::json!({"surface": p.label, "change": p.change, "unit": p.unit})),
    })
}

// ---- Recognizers-Text -----------------------------------------------------------------

fn model_of(name: &str) -> &'static str {
    ["NumberModel", "PercentModel", "CurrencyModel", "NumberRangeModel", "AgeModel", "DimensionModel"]
        .into_iter()
        .find(|m| name.starts_with(m))
        .unwrap_or("NumberModel")
}

/// Values of the claims of the model's type in `text`; for NumberModel both ends of a range.
fn model_values(model: &str, claims: &[Claim]) -> Vec<f64> {
    let mut out = Vec::new();
    for c in claims {
        let fits = match model {
            "PercentModel" => c.kind == Kind::Percent,
            "CurrencyModel" => c.kind == Kind::Money,
            "AgeModel" => c.unit.as_deref() == Some("year of age"),
            "DimensionModel" => c.kind == Kind::Quantity,
            _ => true,
        };
        if !fits {
            continue;
        }
        match (c.bound, c.low, c.high, model) {
            (crate::model::Bound::Range, Some(l), Some(h), "NumberModel") => {
                out.push(l);
                out.push(h);
            }
            _ => out.push(c.value),
        }
    }
    out
}

fn expected_value(result: &Value) -> Option<f64> {
    let res = result.get("Resolution")?;
    let raw = res.get("value")?.as_str()?.trim().trim_end_matches('%');
    let v: f64 = raw.parse().ok()?;
    // figtrace states money in whole units: 470 pence is 4.70.
    let unit = res.get("unit").and_then(Value::as_str).unwrap_or("").to_lowercase();
    let minor = ["pence", "penny", "cent", "cents", "fen", "jiao", "mao"];
    Some(if minor.contains(&unit.as_str()) { v / 100.0 } else { v })
}

fn recognizers(name: &str, items: &[Value]) -> Result<Evaluation> {
    let model = model_of(name);
    // Counts over all entries, and over the entries every port of the original library
    // supports (no `NotSupported` list): [all, supported].
    let mut expected = [0usize; 2];
    let mut found = [0usize; 2];
    let mut produced = [0usize; 2];
    let mut spurious = [0usize; 2];
    let mut ruled_out: Vec<Value> = Vec::new();
    let mut skipped_entries = 0usize;
    let mut errors = Vec::new();
    let mut extractor = Extractor::new();
    for item in items {
        if item.get("NotSupportedByDesign").is_some() {
            skipped_entries += 1;
            continue;
        }
        let text = item.get("Input").and_then(Value::as_str).unwrap_or("");
        let sets: &[usize] = if item.get("NotSupported").is_some() { &[0] } else { &[0, 1] };
        let claims = claims_of_text(text);
        let mut values = model_values(model, &claims);
        let (_, refused) = extractor.extract_explained(text);
        let mut used = vec![false; values.len()];
        for res in item.get("Results").and_then(Value::as_array).into_iter().flatten() {
            let Some(want) = expected_value(res) else { continue };
            let hit = (0..values.len()).find(|&j| !used[j] && same_value(values[j], want));
            if let Some(j) = hit {
                used[j] = true;
                for &k in sets {
                    expected[k] += 1;
                    found[k] += 1;
                }
                continue;
            }
            if let Some(reason) = refusal(res, text, &refused, &claims) {
                ruled_out.push(serde_json::json!({"text": text, "expected": res.get("Text"), "reason": reason}));
                continue;
            }
            for &k in sets {
                expected[k] += 1;
            }
            errors
                .push(serde_json::json!({"error": "missed", "text": text, "expected": res.get("Text"), "value": want,
                "found": claims.iter().map(|c| &text[c.span.start..c.span.end]).collect::<Vec<_>>()}));
        }
        for &k in sets {
            produced[k] += values.len();
        }
        for (j, v) in values.drain(..).enumerate() {
            if !used[j] {
                for &k in sets {
                    spurious[k] += 1;
                }
                errors.push(serde_json::json!({"error": "spurious", "text": text, "value": v}));
            }
        }
    }
    let mut r = String::new();
    let _ = writeln!(
        r,
        "{name} ({model}): {} entries ({skipped_entries} marked NotSupportedByDesign skipped)",
        items.len()
    );
    for (k, label) in [(0, "all entries"), (1, "entries without NotSupported")] {
        let _ = writeln!(
            r,
            "{label}: found {} / {} expected values ({:.1}%), spurious {} / {} values ({:.1}%)",
            found[k],
            expected[k],
            pct(found[k], expected[k]),
            spurious[k],
            produced[k],
            pct(spurious[k], produced[k]),
        );
    }
    let _ = writeln!(r, "{} expected values ruled out by design (not in the counts)", ruled_out.len());
    if !ruled_out.is_empty() {
        let _ = writeln!(r, "ruled out (not claims by DESIGN.md):");
        for x in &ruled_out {
            let _ = writeln!(r, "  {:<24} {}", x["reason"].as_str().unwrap_or(""), x["expected"]);
        }
    }
    Ok(Evaluation { report: r, errors, headline: pct(found[0], expected[0]) })
}

/// Why figtrace refuses the expected number, when that refusal is one DESIGN.md makes.
/// The reason figtrace refuses the expected value by design, if it does: a refusal by
/// design overlaps the expected text and no claim does (where a claim covers part of it,
/// "17 USD 25" read as 17 USD, the form was misread, and that is a miss).
fn refusal(result: &Value, text: &str, refused: &[Skipped], claims: &[Claim]) -> Option<&'static str> {
    let start = result.get("Start")?.as_u64()? as usize;
    let end = result.get("End")?.as_u64()? as usize + 1;
    // Start and End count characters; spans are bytes.
    let byte = |ch: usize| text.char_indices().nth(ch).map_or(text.len(), |(b, _)| b);
    let (a, b) = (byte(start), byte(end));
    if claims.iter().any(|c| c.span.start < b && a < c.span.end) {
        return None;
    }
    refused.iter().find(|s| s.by_design() && s.span.start < b && a < s.span.end).map(|s| s.reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newsquant_values_parse_single_and_range() {
        assert_eq!(parse_value("12.5"), Some((12.5, 12.5, false)));
        assert_eq!(parse_value("5-10"), Some((5.0, 10.0, true)));
        assert_eq!(parse_value("2415.0-2315.0"), Some((2415.0, 2315.0, true)));
        assert_eq!(parse_value("-3"), Some((-3.0, -3.0, false)));
        assert_eq!(parse_value("3.0 - 4.0"), Some((3.0, 4.0, true)));
    }

    #[test]
    fn units_compare_loosely() {
        assert_eq!(unit_key("percentage"), unit_key("percent"));
        assert_eq!(unit_key("people"), unit_key("person"));
        assert_ne!(unit_key("mile"), unit_key("kilometre"));
    }

    #[test]
    fn scoring_a_tiny_newsquant_set() {
        let items: Vec<Value> = serde_json::from_str(
            r#"[{"text": "Sales rose 12% to $5m, up from $4m.", "quantities": [
                  {"value": "12", "unit": "%", "normalized_unit": "percentage", "change": "up"},
                  {"value": "4000000-5000000", "unit": "$", "normalized_unit": "dollar", "change": "up"}]},
                {"text": "Nothing here.", "quantities": [{"value": "7", "unit": "-", "normalized_unit": "-", "change": "="}]}]"#,
        )
        .unwrap();
        let e = newsquant("t.json", &items).unwrap();
        assert!(e.report.contains("3 gold quantities"), "{}", e.report);
        // 2 of 3 found, and no spurious claim.
        assert!((e.headline - 80.0).abs() < 0.01, "{}", e.report);
        assert_eq!(e.errors.iter().filter(|x| x["error"] == "missed").count(), 1);
    }
}
