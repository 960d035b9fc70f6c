//! Reconcile: claims → [`Figure`]s, and each claim's `figure_id`.
//!
//! Two claims state the same figure when their kind and unit (currency for money) are
//! equal, their places and periods are compatible (equal, or one of them unknown), their
//! subjects are close, and their values agree. A value is an interval:
//!
//! * its **implicit precision**: "69,000" is 68,500–69,500 and agrees with 69,480, while
//!   "72,670" and "72,590" are both precise and do not agree; half a unit of the last
//!   written digit (of the numeral, times its scale: "£3.4bn" ± £50m), at most 10% of the
//!   value;
//! * widened by its bound: approximate ("some 84,000") ± 2% more, an upper bound
//!   ("nearly 12 million") down to 90%, a lower bound ("over 108,000") up to 110%, a
//!   range its ends.
//!
//! Subjects are close when their keys are equal, or share the head noun (the key's last
//! word) and half their words, or one key's words contain the other's. A number that is
//! not distinctive (under 1,000 and round, or a percentage with no decimals) merges across
//! documents only with an equal key and a place or period stated by both.
//!
//! A figure **conflicts** when its claims state the same quantity with values that do not
//! agree: equal subject keys, the same place and period, at least one of which is stated,
//! and a distinctive value. Claims in other periods are separate figures (a series), and
//! the same number meaning something else stays apart (its subject differs).
//!
//! Claims without a subject key are figures of their own (nothing says what they count);
//! claims in boilerplate get no figure. Blocking: claims are bucketed by kind, unit and
//! head noun, and compared only with the claims whose intervals overlap theirs (a sweep
//! over values), or, for conflicts, with claims of the same full key: never all pairs.
//!
//! `figure_id` is `f-` and the hex digits of the smallest claim id in the figure, so it
//! depends neither on processing order nor on sharding.

use std::collections::{BTreeSet, HashMap};

use crate::model::{Article, Bound, Claim, DocStatus, Figure, FigureStatus, Kind};

/// What reconciliation reads of a claim.
struct Item<'a> {
    claim: usize,
    lo: f64,
    hi: f64,
    key: Option<&'a str>,
    head: Option<&'a str>,
    distinctive: bool,
    doc: &'a str,
}

/// Groups `claims` into figures (sorted by `figure_id`) and sets each claim's `figure_id`.
pub fn reconcile(documents: &[Article], claims: &mut [Claim]) -> Vec<Figure> {
    let doc_of: HashMap<&str, &Article> = documents.iter().map(|d| (d.doc_id.as_str(), d)).collect();
    let items: Vec<Item> = claims
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.in_boilerplate)
        .map(|(i, c)| {
            let text = doc_of.get(c.doc_id.as_str()).map_or("", |d| d.text.as_str());
            let surface = text.get(c.span.start..c.span.end).unwrap_or("");
            let (lo, hi) = interval(c, surface);
            let key = c.subject_key.as_deref();
            Item {
                claim: i,
                lo,
                hi,
                key,
                head: key.and_then(|k| k.rsplit(' ').next()),
                distinctive: distinctive(c, surface),
                doc: c.doc_id.as_str(),
            }
        })
        .collect();
    let mut sets = UnionFind::new(items.len());
    merge_agreeing(claims, &items, &mut sets);
    merge_conflicting(claims, &items, &mut sets);
    // A claim repeated inside an article or carried by a copy is in the figure of the
    // claim it repeats.
    let item_of: HashMap<&str, usize> =
        items.iter().enumerate().map(|(k, it)| (claims[it.claim].claim_id.as_str(), k)).collect();
    for (k, it) in items.iter().enumerate() {
        if let Some(&j) = claims[it.claim].duplicate_of.as_deref().and_then(|d| item_of.get(d)) {
            sets.union(j, k);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for k in 0..items.len() {
        groups.entry(sets.find(k)).or_default().push(k);
    }
    let mut figures: Vec<Figure> = groups.into_values().map(|g| figure(claims, &items, &g, &doc_of)).collect();
    figures.sort_by(|a, b| a.figure_id.cmp(&b.figure_id));
    let mut figure_of: HashMap<&str, &str> = HashMap::new();
    for f in &figures {
        for id in &f.claim_ids {
            figure_of.insert(id.as_str(), f.figure_id.as_str());
        }
    }
    for c in claims.iter_mut() {
        c.figure_id = figure_of.get(c.claim_id.as_str()).map(|s| s.to_string());
    }
    figures
}

/// The interval a claim's value stands for (see the module docs).
pub fn interval(c: &Claim, surface: &str) -> (f64, f64) {
    let v = c.value;
    let half = (precision(surface, v) / 2.0).min(v.abs() * 0.1);
    match c.bound {
        Bound::Range => (c.low.unwrap_or(v) - half, c.high.unwrap_or(v) + half),
        Bound::Approx => (v - half - v.abs() * 0.02, v + half + v.abs() * 0.02),
        Bound::Upper => (v.min(v * 0.9) - half, v + half),
        Bound::Lower => (v - half, v.max(v * 1.1) + half),
        Bound::Exact => (v - half, v + half),
    }
}

/// One unit of the last digit written: "83,000" → 1,000; "3.4" (of £3.4bn) → 0.1 × 10^9;
/// "12.5%" → 0.1; a number in words → its own last non-zero digit.
fn precision(surface: &str, value: f64) -> f64 {
    let numeral: String = surface
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{2009}'))
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let numeral = numeral.trim_end_matches('.');
    let written: f64 = match numeral.parse() {
        Ok(x) if x != 0.0 => x,
        _ => return trailing_unit(value.abs()),
    };
    let scale = (value / written).abs();
    let digits_unit = match numeral.split_once('.') {
        Some((_, decimals)) if !decimals.is_empty() => 10f64.powi(-(decimals.len() as i32)),
        _ => trailing_unit(written),
    };
    digits_unit * if scale.is_finite() && scale > 0.0 { scale } else { 1.0 }
}

/// 10^(trailing zeros) of an integer: 83,000 → 1,000; 12 → 1.
fn trailing_unit(x: f64) -> f64 {
    if x < 1.0 || x.fract() != 0.0 || x > 1e15 {
        return 1.0;
    }
    let mut n = x as u64;
    let mut unit = 1.0;
    while n > 0 && n.is_multiple_of(10) {
        n /= 10;
        unit *= 10.0;
    }
    unit
}

/// A value specific enough to identify a figure across documents on its own.
fn distinctive(c: &Claim, surface: &str) -> bool {
    let v = c.value.abs();
    match c.kind {
        Kind::Percent | Kind::PercentagePoint | Kind::Ratio => surface.contains('.') && v.fract() != 0.0,
        _ => v >= 1000.0 || (v.fract() != 0.0 && c.kind != Kind::Money),
    }
}

/// The unit that must match: a quantity's or a percentage's; a count's unit is its
/// subject's head, compared through the subject.
fn unit_of(c: &Claim) -> Option<&str> {
    if c.kind == Kind::Count { None } else { c.unit.as_deref() }
}

fn compatible<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// Whether two subject keys name the same thing (see the module docs).
fn close_subjects(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let ta: BTreeSet<&str> = a.split(' ').collect();
    let tb: BTreeSet<&str> = b.split(' ').collect();
    let common = ta.intersection(&tb).count();
    common == ta.len().min(tb.len()) || 2 * common >= ta.len().max(tb.len())
}

/// Unions claims whose values agree and that may state the same figure.
fn merge_agreeing(claims: &[Claim], items: &[Item], sets: &mut UnionFind) {
    type Bucket<'a> = (Kind, Option<&'a str>, Option<&'a str>, &'a str);
    let mut buckets: HashMap<Bucket, Vec<usize>> = HashMap::new();
    for (k, it) in items.iter().enumerate() {
        let (Some(head), Some(_)) = (it.head, it.key) else { continue };
        let c = &claims[it.claim];
        buckets.entry((c.kind, unit_of(c), c.currency, head)).or_default().push(k);
    }
    for mut members in buckets.into_values() {
        members.sort_by(|&a, &b| items[a].lo.total_cmp(&items[b].lo).then(a.cmp(&b)));
        // Sweep: each item meets the earlier ones whose intervals reach it.
        let mut active: Vec<usize> = Vec::new();
        for &k in &members {
            let it = &items[k];
            active.retain(|&a| items[a].hi >= it.lo);
            for &a in &active {
                if same_figure(claims, &items[a], it) {
                    sets.union(a, k);
                }
            }
            active.push(k);
        }
    }
}

fn same_figure(claims: &[Claim], a: &Item, b: &Item) -> bool {
    let (ca, cb) = (&claims[a.claim], &claims[b.claim]);
    let (Some(ka), Some(kb)) = (a.key, b.key) else { return false };
    if !close_subjects(ka, kb) || !compatible(&ca.geography, &cb.geography) || !compatible(&ca.period, &cb.period) {
        return false;
    }
    if a.doc == b.doc || (a.distinctive && b.distinctive) {
        return true;
    }
    // A small round number: only with the same subject, place or period stated by both.
    ka == kb
        && ((ca.geography.is_some() && ca.geography == cb.geography) || (ca.period.is_some() && ca.period == cb.period))
}

/// Unions claims of the same quantity whose values disagree: same kind, unit, subject
/// key, place and period, at least one of those stated, and a distinctive value.
fn merge_conflicting(claims: &[Claim], items: &[Item], sets: &mut UnionFind) {
    type Key<'a> = (Kind, Option<&'a str>, Option<&'a str>, &'a str, Option<&'static str>, Option<&'a str>);
    let mut buckets: HashMap<Key, usize> = HashMap::new();
    for (k, it) in items.iter().enumerate() {
        let c = &claims[it.claim];
        let Some(key) = it.key else { continue };
        if !it.distinctive || (c.geography.is_none() && c.period.is_none()) {
            continue;
        }
        let bucket = (c.kind, unit_of(c), c.currency, key, c.geography, c.period.as_deref());
        let first = *buckets.entry(bucket).or_insert(k);
        sets.union(first, k);
    }
}

fn figure(claims: &[Claim], items: &[Item], members: &[usize], doc_of: &HashMap<&str, &Article>) -> Figure {
    let first = &claims[items[members[0]].claim];
    let claim_ids: Vec<String> =
        members.iter().map(|&k| claims[items[k].claim].claim_id.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    let doc_ids: Vec<String> =
        members.iter().map(|&k| items[k].doc.to_owned()).collect::<BTreeSet<_>>().into_iter().collect();
    let publishers: BTreeSet<&str> =
        doc_ids.iter().filter_map(|d| doc_of.get(d.as_str()).and_then(|a| a.publisher.as_deref())).collect();
    // Independent sources: a duplicate copy counts only under a publisher of its own.
    let sources: BTreeSet<(&str, Option<&str>)> = doc_ids
        .iter()
        .filter_map(|d| doc_of.get(d.as_str()))
        .map(|a| {
            let canonical = match a.status {
                DocStatus::Duplicate => a.duplicate_of.as_deref().unwrap_or(&a.doc_id),
                _ => a.doc_id.as_str(),
            };
            (canonical, a.publisher.as_deref())
        })
        .collect();
    let mut values: Vec<f64> = members.iter().map(|&k| claims[items[k].claim].value).collect();
    values.sort_by(f64::total_cmp);
    let median = if values.len() % 2 == 1 {
        values[values.len() / 2]
    } else {
        (values[values.len() / 2 - 1] + values[values.len() / 2]) / 2.0
    };
    let disagreeing = disagreeing(items, members);
    let status = if !disagreeing.is_empty() {
        FigureStatus::Conflicting
    } else if sources.len() > 1 {
        FigureStatus::Consistent
    } else {
        FigureStatus::Single
    };
    let mut conflicting_claim_ids: Vec<String> =
        disagreeing.iter().map(|&k| claims[items[k].claim].claim_id.clone()).collect();
    conflicting_claim_ids.sort();
    let most_common = |f: &dyn Fn(&Claim) -> Option<String>| -> Option<String> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for &k in members {
            if let Some(v) = f(&claims[items[k].claim]) {
                *counts.entry(v).or_default() += 1;
            }
        }
        counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(v, _)| v)
    };
    Figure {
        figure_id: format!("f-{}", claim_ids[0].trim_start_matches("c-")),
        kind: first.kind,
        unit: first.unit.clone(),
        subject: most_common(&|c| c.subject.clone()),
        subject_key: most_common(&|c| c.subject_key.clone()),
        geography: most_common(&|c| c.geography.map(str::to_owned))
            .and_then(|g| members.iter().find_map(|&k| claims[items[k].claim].geography.filter(|x| *x == g))),
        period: most_common(&|c| c.period.clone()),
        value_min: values[0],
        value_max: values[values.len() - 1],
        value_median: median,
        status,
        n_claims: members.len(),
        n_documents: doc_ids.len(),
        n_publishers: publishers.len(),
        claim_ids,
        doc_ids,
        conflicting_claim_ids,
    }
}

/// The members outside the largest set of mutually agreeing values (empty when all agree).
fn disagreeing(items: &[Item], members: &[usize]) -> Vec<usize> {
    // Intervals that all contain a common point agree; find the point covered most.
    let mut events: Vec<(f64, i32)> = Vec::with_capacity(2 * members.len());
    for &k in members {
        events.push((items[k].lo, 1));
        events.push((items[k].hi, -1));
    }
    // Opens before closes at the same point, so touching intervals agree.
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    let (mut depth, mut best, mut at) = (0, 0, f64::NAN);
    for (x, d) in events {
        depth += d;
        if depth > best {
            best = depth;
            at = x;
        }
    }
    if best as usize == members.len() {
        return Vec::new();
    }
    members.iter().copied().filter(|&k| !(items[k].lo <= at && at <= items[k].hi)).collect()
}

/// Disjoint sets over `0..n`, with path halving.
struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implicit_precision_of_the_written_digits() {
        assert_eq!(precision("83,000", 83_000.0), 1000.0);
        assert_eq!(precision("69,483", 69_483.0), 1.0);
        assert_eq!(precision("69,480", 69_480.0), 10.0);
        assert!((precision("£3.4bn", 3.4e9) - 1e8).abs() < 1.0);
        assert!((precision("12.5%", 12.5) - 0.1).abs() < 1e-12);
        assert_eq!(precision("twelve thousand", 12_000.0), 1000.0);
        assert_eq!(trailing_unit(120.0), 10.0);
    }

    #[test]
    fn close_subject_keys() {
        assert!(close_subjects("looked after child", "looked after child"));
        assert!(close_subjects("child", "care experienced child"));
        assert!(close_subjects("child home", "residential child home"));
        assert!(!close_subjects("cut youth service", "school fund"));
        assert!(!close_subjects("looked after child", "care experienced child"));
    }
}
