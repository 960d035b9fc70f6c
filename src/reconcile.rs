//! Reconcile: claims → [`Figure`]s, and each claim's `figure_id`.
//!
//! Two claims state the same figure when their kind and unit (currency for money) are
//! equal, their places and periods are equal (an unknown one only with an unknown one,
//! so that no claim bridges two years), their subjects are close, and their values agree.
//! A value is an interval:
//!
//! * its **implicit precision**: "69,000" is 68,500–69,500 and agrees with 69,480, while
//!   "72,670" and "72,590" are both precise and do not agree; half a unit of the last
//!   written digit (of the numeral, times its scale: "£3.4bn" ± £50m), at most 10% of the
//!   value;
//! * widened by its bound: approximate ("some 84,000") ± 2% more, an upper bound
//!   ("nearly 12 million") down to 90%, a lower bound ("over 108,000") up to 110%, a
//!   range its ends.
//!
//! Subjects are close when their keys are equal, share half their words, or one key's
//! words contain the other's (across documents only for keys of two words or more: a
//! one-word key such as "share" would bridge every figure about shares). Across documents
//! one of the two values must be precise (three significant digits written: "69,000"
//! agrees with "69,480" but not with "69,000" elsewhere on its own), both for one-word
//! keys; subjects with the same head noun, one of them specific, also meet on the very
//! same number of four digits or more ("40,000 children", "40,000 care experienced
//! children").
//!
//! A subject key found in more than max(10, documents / 500) documents ("qtly div",
//! "share") names a kind of thing, not one quantity: its claims meet across documents
//! only where a place or a period is stated.
//!
//! Agreement never chains: a claim joins a group only if its interval meets the part all
//! the group's intervals share.
//!
//! Across sources, two claims must also have something in common besides the number: their
//! sentences share a name (not a place, month or a name found in more than 1% of
//! documents) or two fifths of their content words, or they are copies of one article.
//!
//! A figure **conflicts** when claims of different sources state the same quantity with
//! values that do not agree: an equal subject key of two words or more, the same place,
//! the same period with its year written in both sentences, precise values within a factor
//! of 1.5 of each other, such common words or names (and not each a name the other lacks),
//! not one report's template on two days, and no more than ten documents behind that key
//! (more name a kind of thing, "net profit", not one quantity). Claims in other periods
//! are separate figures (a series), and the same number meaning something else stays apart
//! (its subject differs).
//!
//! A claim that repeats another (`duplicate_of`) takes that claim's figure and is compared
//! with nothing else.
//!
//! Claims without a subject key are figures of their own (nothing says what they count);
//! claims in boilerplate get no figure. Blocking: claims are bucketed by kind, unit and
//! head noun, and compared only with the claims whose intervals overlap theirs (a sweep
//! over values), or, for conflicts, with claims of the same full key: never all pairs.
//!
//! `figure_id` is `f-` and the hex digits of the smallest claim id in the figure, so it
//! depends neither on processing order nor on sharding.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::dedup::Links;
use crate::keys::{ClaimKey, Keys, Range, Sym, Term, claim_id, doc_id};
use crate::model::{Bound, Figure, FigureStatus, Kind};
use crate::sets::{UnionFind, common_count};

/// Kind, unit, currency, subject (head or key), place and period: a blocking key.
type Bucket = (Kind, Sym, Sym, Sym, Sym, Sym);

/// What reconciliation reads of a claim: 48 bytes, one per claim of the run; its sentence's
/// terms and its document's day are looked up through [`Ctx`].
struct Item {
    claim: u32,
    lo: f64,
    hi: f64,
    /// The subject key (0: none).
    key: Sym,
    head: Sym,
    /// Written with three significant digits or more ("72,670", "3.45"): a value precise
    /// enough to identify a figure.
    precise: bool,
    doc: u32,
    /// The document, or the one it duplicates.
    source: u32,
    /// The claim's sentence, whose names and words count ([`Ctx::names`]) when the claim
    /// has a subject key.
    sentence: u32,
    keyed: bool,
    /// The claim repeats another (`duplicate_of`): it joins that claim's figure and is
    /// compared with nothing, so a repeat never bridges two figures.
    repeat: bool,
    /// The period's year is written in the sentence ("in 2023"), not resolved from the
    /// published date ("last year", "in March").
    period_written: bool,
}

// One per claim: kept small, it is most of reconciliation's memory.
const _: () = assert!(std::mem::size_of::<Item>() <= 48);

/// What the items point into: the keys, and the names kept for sentences and titles.
struct Ctx<'a> {
    keys: &'a Keys,
    sentence_names: &'a Filtered,
    title_names: &'a Filtered,
}

impl Ctx<'_> {
    /// What the claim's sentence says besides the number: hashes of its names (capitalised
    /// words that are not its first word, places, months or common names), sorted.
    fn names(&self, it: &Item) -> &[Term] {
        if it.keyed { self.sentence_names.get(it.sentence) } else { &[] }
    }

    /// Hashes of the content words of the claim's sentence, sorted.
    fn words(&self, it: &Item) -> &[Term] {
        if it.keyed { self.keys.terms(self.keys.sentences[it.sentence as usize].words) } else { &[] }
    }

    /// Names in the document's title ("VOLKSWAGEN", "Glynwed"), sorted: what a sentence
    /// that says only "the company" is about.
    fn title_names(&self, it: &Item) -> &[Term] {
        self.title_names.get(it.doc)
    }

    /// The day the document was published (`YYYY-MM-DD`), when known.
    fn day(&self, it: &Item) -> Option<&str> {
        self.keys.docs[it.doc as usize].published.as_deref().and_then(|p| p.get(..10))
    }
}

/// The figures of a run (sorted by `figure_id`), and each claim's figure (an index into
/// them; none for claims in boilerplate). Compact: ids are numbers and strings interned
/// until [`Figures::figure`] makes the row of `figures.parquet`.
#[derive(Debug, Default)]
pub struct Figures {
    pub rows: Vec<FigureRow>,
    /// Claim and document ids of the rows' ranges.
    ids: Vec<u64>,
    pub claim_figure: Vec<Option<u32>>,
}

/// One figure, compact.
#[derive(Debug, Clone)]
pub struct FigureRow {
    /// The smallest claim id: the figure id's digits.
    pub id: u64,
    pub kind: Kind,
    pub unit: Sym,
    pub subject: Sym,
    pub subject_key: Sym,
    pub geography: Sym,
    pub period: Sym,
    pub value_min: f64,
    pub value_max: f64,
    pub value_median: f64,
    pub status: FigureStatus,
    pub n_claims: u32,
    pub n_publishers: u32,
    claims: Range,
    docs: Range,
    conflicting: Range,
}

impl Figures {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn figure_id(&self, k: usize) -> String {
        figure_id(self.rows[k].id)
    }

    fn ids(&self, r: Range) -> &[u64] {
        &self.ids[r.start as usize..(r.start + r.len) as usize]
    }

    /// Figure `k` as a row of `figures.parquet`.
    pub fn figure(&self, keys: &Keys, k: usize) -> Figure {
        let r = &self.rows[k];
        let s = |sym: Sym| keys.sym(sym).map(str::to_owned);
        Figure {
            figure_id: self.figure_id(k),
            kind: r.kind,
            unit: s(r.unit),
            subject: s(r.subject),
            subject_key: s(r.subject_key),
            geography: s(r.geography),
            period: s(r.period),
            value_min: r.value_min,
            value_max: r.value_max,
            value_median: r.value_median,
            status: r.status,
            n_claims: r.n_claims as usize,
            n_documents: r.docs.len as usize,
            n_publishers: r.n_publishers as usize,
            claim_ids: self.ids(r.claims).iter().map(|&c| claim_id(c)).collect(),
            doc_ids: self.ids(r.docs).iter().map(|&d| doc_id(d)).collect(),
            conflicting_claim_ids: self.ids(r.conflicting).iter().map(|&c| claim_id(c)).collect(),
        }
    }

    /// Every figure, in order.
    pub fn to_model(&self, keys: &Keys) -> Vec<Figure> {
        (0..self.len()).map(|k| self.figure(keys, k)).collect()
    }
}

/// Groups the claims of `keys` into figures, given what dedup found.
/// A figure's id: `f-` and the 16 hex digits of its number (its smallest claim id's).
pub fn figure_id(id: u64) -> String {
    format!("f-{id:016x}")
}

pub fn reconcile(keys: &Keys, links: &Links) -> Figures {
    let claims = &keys.claims;
    let source_of = |doc: u32| links.doc_duplicate_of[doc as usize].unwrap_or(doc);
    // Names found in more than 1% of the sources, in sentences and in titles, are dropped.
    let limit = (keys.docs.len() / 100).max(20);
    let sentence_names = filtered_names(
        keys,
        claims.iter().filter(|c| !c.in_boilerplate && c.subject_key != 0).map(|c| (c.sentence, source_of(c.doc))),
        |s| keys.sentences[s as usize].names,
        keys.sentences.len(),
        limit,
    );
    let title_names = filtered_names(
        keys,
        (0..keys.docs.len() as u32).map(|d| (d, source_of(d))),
        |d| keys.docs[d as usize].title_names,
        keys.docs.len(),
        limit,
    );
    // Claims in the order of their documents' ids (each document's in its own order): the
    // figures depend neither on the order of the inputs nor on how they were sharded. The
    // claims are kept a document at a time, so the documents are sorted, not the claims.
    let starts = crate::keys::claim_starts(claims, keys.docs.len());
    let mut doc_order: Vec<u32> = (0..keys.docs.len() as u32).collect();
    doc_order.sort_unstable_by_key(|&d| (keys.docs[d as usize].id, d));
    let items: Vec<Item> = doc_order
        .iter()
        .flat_map(|&d| starts[d as usize] as usize..starts[d as usize + 1] as usize)
        .filter(|&i| !claims[i].in_boilerplate)
        .map(|i| (i, &claims[i]))
        .map(|(i, c)| Item {
            claim: i as u32,
            lo: c.lo,
            hi: c.hi,
            key: c.subject_key,
            head: keys.head(c),
            precise: c.precise,
            doc: c.doc,
            source: source_of(c.doc),
            sentence: c.sentence,
            keyed: c.subject_key != 0,
            repeat: links.claim_duplicate_of[i].is_some(),
            period_written: c.period_written,
        })
        .collect();
    let cx = Ctx { keys, sentence_names: &sentence_names, title_names: &title_names };
    let generic = generic_keys(&items, keys.docs.len());
    let mut sets = UnionFind::new(items.len());
    merge_agreeing(&cx, &items, &generic, &mut sets);
    let doc_ids: Vec<u64> = keys.docs.iter().map(|d| d.id).collect();
    merge_conflicting(&cx, &items, &doc_ids, &mut sets);
    // A claim repeated inside an article or carried by a copy is in the figure of the
    // claim it repeats.
    const NO_ITEM: u32 = u32::MAX;
    let mut item_of: Vec<u32> = vec![NO_ITEM; claims.len()];
    for (k, it) in items.iter().enumerate() {
        item_of[it.claim as usize] = k as u32;
    }
    for (k, it) in items.iter().enumerate() {
        let repeated = links.claim_duplicate_of[it.claim as usize].map(|d| item_of[d as usize]);
        if let Some(j) = repeated.filter(|&j| j != NO_ITEM) {
            sets.union(j as usize, k);
        }
    }
    // Groups: items sorted by their set's root, each group's members in item order.
    let mut by_root: Vec<(u32, u32)> = (0..items.len()).map(|k| (sets.find(k) as u32, k as u32)).collect();
    by_root.sort_unstable();
    // The groups in the figures' order (by id: their smallest claim id), as spans of
    // `by_root`, so that the rows are made in their final order.
    let mut groups: Vec<(u64, u32, u32)> = Vec::new();
    let mut at = 0u32;
    for run in by_root.chunk_by(|a, b| a.0 == b.0) {
        let id = run.iter().map(|&(_, k)| claims[items[k as usize].claim as usize].id).min().unwrap_or(0);
        groups.push((id, at, at + run.len() as u32));
        at += run.len() as u32;
    }
    groups.sort_unstable();
    let mut ids = Vec::new();
    let mut rows: Vec<FigureRow> = Vec::with_capacity(groups.len());
    let mut members = Vec::new();
    let mut claim_figure = vec![None; claims.len()];
    for (f, &(_, start, end)) in groups.iter().enumerate() {
        let run = &by_root[start as usize..end as usize];
        members.clear();
        members.extend(run.iter().map(|&(_, k)| k as usize));
        rows.push(figure(keys, &items, &members, links, &mut ids));
        for &(_, k) in run {
            claim_figure[items[k as usize].claim as usize] = Some(f as u32);
        }
    }
    Figures { rows, ids, claim_figure }
}

/// Names per sentence (or title), without the names that `uses` (owner, source) show in
/// more than `limit` sources.
struct Filtered {
    ranges: Vec<Range>,
    arena: Vec<Term>,
}

impl Filtered {
    fn get(&self, owner: u32) -> &[Term] {
        let r = self.ranges[owner as usize];
        &self.arena[r.start as usize..(r.start + r.len) as usize]
    }
}

fn filtered_names(
    keys: &Keys,
    uses: impl Iterator<Item = (u32, u32)>,
    names_of: impl Fn(u32) -> Range,
    owners: usize,
    limit: usize,
) -> Filtered {
    let mut pairs: Vec<(Term, u32)> = Vec::new();
    for (owner, source) in uses {
        pairs.extend(keys.terms(names_of(owner)).iter().map(|&n| (n, source)));
    }
    pairs.sort_unstable();
    pairs.dedup();
    let common: HashSet<Term> =
        pairs.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > limit).map(|run| run[0].0).collect();
    drop(pairs);
    let mut arena = Vec::new();
    let ranges = (0..owners as u32)
        .map(|o| {
            let start = arena.len() as u32;
            arena.extend(keys.terms(names_of(o)).iter().filter(|n| !common.contains(n)));
            Range { start, len: arena.len() as u32 - start }
        })
        .collect();
    Filtered { ranges, arena }
}

/// The interval a claim's value stands for (see the module docs), given the
/// [`precision`] of its surface.
pub fn interval(value: f64, low: Option<f64>, high: Option<f64>, bound: Bound, precision: f64) -> (f64, f64) {
    let v = value;
    // Rounding takes [v − p/2, v + p/2): the interval stops just short of its upper
    // neighbour's, so two precise values one unit apart ("374 mln", "375 mln") do not agree.
    let half = (precision / 2.0).min(v.abs() * 0.1) * (1.0 - 1e-9);
    match bound {
        Bound::Range => (low.unwrap_or(v) - half, high.unwrap_or(v) + half),
        Bound::Approx => (v - half - v.abs() * 0.02, v + half + v.abs() * 0.02),
        Bound::Upper => (v.min(v * 0.9) - half, v + half),
        Bound::Lower => (v - half, v.max(v * 1.1) + half),
        Bound::Exact => (v - half, v + half),
    }
}

/// One unit of the last digit written: "83,000" → 1,000; "3.4" (of £3.4bn) → 0.1 × 10^9;
/// "12.5%" → 0.1; a number in words → its own last non-zero digit.
pub fn precision(surface: &str, value: f64) -> f64 {
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

/// The unit that must match: a quantity's or a percentage's; a count's unit is its
/// subject's head, compared through the subject.
fn unit_of(c: &ClaimKey) -> Sym {
    if c.kind == Kind::Count { 0 } else { c.unit }
}

/// Whether two subject keys name the same thing: equal, or sharing half their words, or
/// one containing the other; a one-word key ("child", "share") contains nothing across
/// documents, where it would bridge every figure about children or shares.
fn close_subjects(a: &str, b: &str, same_document: bool) -> bool {
    if a == b {
        return true;
    }
    let ta: BTreeSet<&str> = a.split(' ').collect();
    let tb: BTreeSet<&str> = b.split(' ').collect();
    let common = ta.intersection(&tb).count();
    let smaller = ta.len().min(tb.len());
    (common == smaller && (smaller > 1 || same_document)) || (smaller > 1 && 2 * common >= ta.len().max(tb.len()))
}

/// Unions claims whose values agree and that may state the same figure.
fn merge_agreeing(cx: &Ctx, items: &[Item], generic: &HashSet<Sym>, sets: &mut UnionFind) {
    let claims = &cx.keys.claims;
    // Kind, unit, currency, head noun, place and period: what two claims of one figure share.
    let mut buckets: HashMap<Bucket, Vec<usize>> = HashMap::default();
    for (k, it) in items.iter().enumerate() {
        if it.head == 0 || it.key == 0 || it.repeat {
            continue;
        }
        let c = &claims[it.claim as usize];
        buckets.entry((c.kind, unit_of(c), c.currency, it.head, c.geography, c.period)).or_default().push(k);
    }
    // The values every member of a group agrees on: a claim joins a group only if its
    // interval meets the group's common part, so agreement never chains (1.0 ~ 1.1 ~ 1.2).
    let mut common: HashMap<usize, (f64, f64)> = HashMap::default();
    let mut buckets: Vec<Vec<usize>> = buckets.into_values().collect();
    buckets.sort_unstable();
    for mut members in buckets {
        members.sort_by(|&a, &b| items[a].lo.total_cmp(&items[b].lo).then(a.cmp(&b)));
        // Sweep: each item meets the earlier ones whose intervals reach it.
        let mut active: Vec<usize> = Vec::new();
        for &k in &members {
            let it = &items[k];
            active.retain(|&a| items[a].hi >= it.lo);
            // The most recent claims first, at most MAX_COMPARED of them: in a dense bucket
            // the work per claim stays bounded.
            let mut compared = 0;
            for &a in active.iter().rev() {
                let (ra, rk) = (sets.find(a), sets.find(k));
                if ra == rk {
                    continue;
                }
                if compared == MAX_COMPARED {
                    break;
                }
                compared += 1;
                if !same_figure(cx, &items[a], it, generic) {
                    continue;
                }
                let ga = common.get(&ra).copied().unwrap_or((items[a].lo, items[a].hi));
                let gk = common.get(&rk).copied().unwrap_or((it.lo, it.hi));
                let meet = (ga.0.max(gk.0), ga.1.min(gk.1));
                if meet.0 <= meet.1 {
                    sets.union(a, k);
                    common.insert(sets.find(k), meet);
                }
            }
            active.push(k);
        }
    }
}

fn same_figure(cx: &Ctx, a: &Item, b: &Item, generic: &HashSet<Sym>) -> bool {
    let keys = cx.keys;
    let (ca, cb) = (&keys.claims[a.claim as usize], &keys.claims[b.claim as usize]);
    let (Some(ka), Some(kb)) = (keys.sym(a.key), keys.sym(b.key)) else { return false };
    // Places and periods equal (unknown only with unknown): a null never bridges two years.
    if ca.geography != cb.geography || ca.period != cb.period {
        return false;
    }
    let same_document = a.doc == b.doc;
    if same_document {
        return close_subjects(ka, kb, true);
    }
    if !evidence(cx, a, b) || names_apart(cx, a, b) {
        return false;
    }
    // A subject found in many documents ("qtly div", "share") names a kind of thing: its
    // figures meet across documents only where a place or period says which.
    let located = ca.geography != 0 || ca.period != 0;
    if (generic.contains(&a.key) || generic.contains(&b.key)) && !located {
        return false;
    }
    if close_subjects(ka, kb, false) {
        // Across documents one value must be precise ("69,000" agrees with "69,480"), or
        // for one-word keys both: "500,000 shares" in two stories are two companies' shares.
        return if ca.specific || cb.specific { a.precise || b.precise } else { a.precise && b.precise };
    }
    // "40,000 children" and "40,000 care experienced children": subjects with the same
    // head, one of them specific, and the very same number of at least four digits.
    let specific = ca.specific || cb.specific;
    specific && a.head == b.head && ca.value == cb.value && ca.value.abs() >= 1000.0
}

/// Names and content words of a sentence, as sorted hashes.
pub fn sentence_terms(sentence: &str) -> (Vec<Term>, Vec<Term>) {
    let mut names = Vec::new();
    let mut words = Vec::new();
    // One buffer for every word's lower case.
    let mut lower = String::new();
    for (k, w) in
        sentence.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).filter(|w| !w.is_empty()).enumerate()
    {
        let w = crate::english::strip_all(crate::english::strip_all(w, "’s"), "'s");
        if w.len() < 2 || w.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        lower.clear();
        if w.is_ascii() {
            lower.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            lower.extend(w.chars().flat_map(char::to_lowercase));
        }
        let lower = lower.as_str();
        if crate::extract::is_stopword(lower) {
            continue;
        }
        let capital = w.starts_with(char::is_uppercase);
        let shouted = w.len() > 4 && w.chars().all(|c| !c.is_lowercase());
        if capital && k > 0 && !shouted && !crate::context::is_place_or_time_word_lower(w, lower) {
            names.push(hash(lower));
        }
        if lower.len() >= 3 {
            words.push(hash(lower));
        }
    }
    for v in [&mut names, &mut words] {
        v.sort_unstable();
        v.dedup();
    }
    (names, words)
}

fn hash(s: &str) -> Term {
    let h = s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3));
    (h ^ (h >> 32)) as Term
}

/// Names of a title, as sorted hashes: its capitalised words after the first, or, in a
/// title in capitals ("VOLKSWAGEN U.S. CAR SALES FALL"), every word of three letters or
/// more that is not a stop word (the common ones are dropped later, as for sentences).
pub fn title_terms(title: &str) -> Vec<Term> {
    let letters = || title.chars().filter(|c| c.is_alphabetic());
    let shouted = letters().count() >= 8 && letters().all(|c| !c.is_lowercase());
    let mut names: Vec<Term> = title
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .enumerate()
        .filter(|(k, w)| {
            w.chars().count() >= 3
                && !w.bytes().any(|b| b.is_ascii_digit())
                && !crate::extract::is_stopword(&w.to_lowercase())
                && (shouted
                    || (*k > 0 && w.starts_with(char::is_uppercase) && !crate::context::is_place_or_time_word(w)))
        })
        .map(|(_, w)| hash(&w.to_lowercase()))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Whether two claims of different sources can be about the same thing: copies of one
/// article, or sentences that share a name ("Texaco", "Wang Bingqian") or two fifths of
/// their content words ("We work with 40,000 … children and young people"). Without it, a
/// number shared by two stories about two companies is not one figure.
fn evidence(cx: &Ctx, a: &Item, b: &Item) -> bool {
    if a.source == b.source {
        return true;
    }
    if common_count(cx.names(a), cx.names(b)) > 0 {
        return true;
    }
    let (common, union) = overlap(cx, a, b);
    union > 0 && 5 * common >= 2 * union
}

/// Content words two sentences share, and of either: (|A ∩ B|, |A ∪ B|).
fn overlap(cx: &Ctx, a: &Item, b: &Item) -> (usize, usize) {
    let (wa, wb) = (cx.words(a), cx.words(b));
    let common = common_count(wa, wb);
    (common, wa.len() + wb.len() - common)
}

/// Subject keys stated in more than max(10, documents / 500) documents.
fn generic_keys(items: &[Item], documents: usize) -> HashSet<Sym> {
    let mut pairs: Vec<(Sym, u32)> = items.iter().filter(|it| it.key != 0).map(|it| (it.key, it.doc)).collect();
    pairs.sort_unstable();
    pairs.dedup();
    let limit = (documents / 500).max(10);
    pairs.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > limit).map(|run| run[0].0).collect()
}

/// Unions claims of the same quantity whose values disagree: same kind, unit, a subject
/// key of two words or more, the same place and period, both stated, and distinctive
/// values. A key shared by more than [`MAX_CONFLICT`] documents names a kind of thing
/// ("net profit") rather than one quantity, and raises no conflict.
fn merge_conflicting(cx: &Ctx, items: &[Item], doc_ids: &[u64], sets: &mut UnionFind) {
    let claims = &cx.keys.claims;
    let mut buckets: HashMap<Bucket, Vec<usize>> = HashMap::default();
    for (k, it) in items.iter().enumerate() {
        let c = &claims[it.claim as usize];
        if it.key == 0 || !c.specific || it.repeat || !it.precise || c.geography == 0 || !it.period_written {
            continue;
        }
        let bucket = (c.kind, unit_of(c), c.currency, it.key, c.geography, c.period);
        buckets.entry(bucket).or_default().push(k);
    }
    for members in buckets.into_values() {
        let docs: BTreeSet<u32> = members.iter().map(|&k| items[k].doc).collect();
        if docs.len() > MAX_CONFLICT {
            continue;
        }
        // One source stating two values ("1.47 … vs 1.50", a from/to pair) compares them;
        // a conflict is between sources. Each claim meets at most MAX_COMPARED claims of
        // other sources, so one long document cannot make this quadratic.
        let mut by_source: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
        for &k in &members {
            by_source.entry(doc_ids[items[k].source as usize]).or_default().push(k);
        }
        let groups: Vec<Vec<usize>> = by_source.into_values().collect();
        for (x, group) in groups.iter().enumerate() {
            for other in &groups[x + 1..] {
                for &a in group {
                    for &b in other.iter().take(MAX_COMPARED) {
                        if may_conflict(cx, &items[a], &items[b]) {
                            sets.union(a, b);
                        }
                    }
                }
            }
        }
    }
}

/// Whether two claims of one subject, place and period whose values differ state one
/// quantity that their sources disagree on, rather than two quantities that share a key:
/// * they come from different sources (one source stating two values, "1.47 … vs 1.50"
///   or a from/to pair, compares them);
/// * their values are within [`CONFLICT_RATIO`] of each other: a revision or a misquote
///   moves a figure, while gold and silver output, or two carmakers' sales, differ wholesale;
/// * their sentences have something in common besides the number ([`evidence`]) and do not
///   each name something the other does not ("Volkswagen" against "American Motors");
/// * they are not one report's wording (seven tenths of the content words shared) on two
///   different days: a weekly count or a balance still available is a series. A correction
///   reprinted on another day is missed by this rule; it favours never flagging a series.
fn may_conflict(cx: &Ctx, a: &Item, b: &Item) -> bool {
    if a.source == b.source || !evidence(cx, a, b) {
        return false;
    }
    let claims = &cx.keys.claims;
    let (x, y) = (claims[a.claim as usize].value.abs(), claims[b.claim as usize].value.abs());
    if x.max(y) > CONFLICT_RATIO * x.min(y) {
        return false;
    }
    let (common, union) = overlap(cx, a, b);
    if cx.day(a) != cx.day(b) && 10 * common >= 7 * union {
        return false;
    }
    !names_apart(cx, a, b)
}

/// Whether each sentence names something the other does not ("American Express" against
/// "Everex Systems", "St Louis" against "St Joseph"): two firms, markets or people.
fn names_apart(cx: &Ctx, a: &Item, b: &Item) -> bool {
    // A sentence naming nobody ("the company said") is about its title's names.
    let names = |it: &Item| {
        let n = cx.names(it);
        if n.is_empty() { cx.title_names(it) } else { n }
    };
    let only = |x: &[Term], y: &[Term]| x.iter().any(|n| y.binary_search(n).is_err());
    a.source != b.source && only(names(a), names(b)) && only(names(b), names(a))
}

/// Values further apart than this factor are two quantities, not a disagreement.
const CONFLICT_RATIO: f64 = 1.5;

/// Claims with overlapping values a claim is compared with, at most.
const MAX_COMPARED: usize = 64;

/// Documents above which one subject, place and period names a kind of thing.
const MAX_CONFLICT: usize = 10;

fn figure(keys: &Keys, items: &[Item], members: &[usize], links: &Links, ids: &mut Vec<u64>) -> FigureRow {
    let claims = &keys.claims;
    let first = &claims[items[members[0]].claim as usize];
    let mut push = |v: &mut dyn Iterator<Item = u64>| {
        let start = ids.len() as u32;
        ids.extend(v);
        Range { start, len: ids.len() as u32 - start }
    };
    if members.len() == 1 {
        // Most figures have one claim: no sets, no counting.
        let doc = &keys.docs[first.doc as usize];
        return FigureRow {
            id: first.id,
            kind: first.kind,
            unit: first.unit,
            subject: first.subject,
            subject_key: first.subject_key,
            geography: first.geography,
            period: first.period,
            value_min: first.value,
            value_max: first.value,
            value_median: first.value,
            status: FigureStatus::Single,
            n_claims: 1,
            n_publishers: u32::from(doc.publisher != 0),
            claims: push(&mut std::iter::once(first.id)),
            docs: push(&mut std::iter::once(doc.id)),
            conflicting: Range::default(),
        };
    }
    let claim_ids: BTreeSet<u64> = members.iter().map(|&k| claims[items[k].claim as usize].id).collect();
    let docs: BTreeSet<u32> = members.iter().map(|&k| items[k].doc).collect();
    let publishers: BTreeSet<Sym> = docs.iter().map(|&d| keys.docs[d as usize].publisher).filter(|&p| p != 0).collect();
    // Independent sources: a duplicate copy counts only under a publisher of its own.
    let sources: BTreeSet<(u32, Sym)> = docs
        .iter()
        .map(|&d| (links.doc_duplicate_of[d as usize].unwrap_or(d), keys.docs[d as usize].publisher))
        .collect();
    let mut values: Vec<f64> = members.iter().map(|&k| claims[items[k].claim as usize].value).collect();
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
    let conflicting: BTreeSet<u64> = disagreeing.iter().map(|&k| claims[items[k].claim as usize].id).collect();
    // The value most members give, ties to the first in alphabetical order.
    let most_common = |f: &dyn Fn(&ClaimKey) -> Sym| -> Sym {
        let mut counts: HashMap<Sym, usize> = HashMap::default();
        for &k in members {
            let v = f(&claims[items[k].claim as usize]);
            if v != 0 {
                *counts.entry(v).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| keys.sym(b.0).cmp(&keys.sym(a.0))))
            .map_or(0, |(v, _)| v)
    };
    let doc_ids: BTreeSet<u64> = docs.iter().map(|&d| keys.docs[d as usize].id).collect();
    FigureRow {
        id: claim_ids.first().copied().unwrap_or_default(),
        kind: first.kind,
        unit: first.unit,
        subject: most_common(&|c| c.subject),
        subject_key: most_common(&|c| c.subject_key),
        geography: most_common(&|c| c.geography),
        period: most_common(&|c| c.period),
        value_min: values[0],
        value_max: values[values.len() - 1],
        value_median: median,
        status,
        n_claims: members.len() as u32,
        n_publishers: publishers.len() as u32,
        claims: push(&mut claim_ids.into_iter()),
        docs: push(&mut doc_ids.into_iter()),
        conflicting: push(&mut conflicting.into_iter()),
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
        assert!(close_subjects("looked after child", "looked after child", false));
        assert!(close_subjects("child home", "residential child home", false));
        assert!(!close_subjects("cut youth service", "school fund", false));
        assert!(!close_subjects("looked after child", "care experienced child", false));
        // A one-word key contains nothing across documents, only inside one.
        assert!(!close_subjects("child", "care experienced child", false));
        assert!(close_subjects("child", "care experienced child", true));
    }
}
