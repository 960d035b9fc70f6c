//! Reconcile: claims → [`Figure`]s, and each claim's `figure_id`.
//!
//! This first version is deliberately naive: claims form one figure when their kind,
//! value, unit, currency and `subject_key` are all equal. A claim without a subject key
//! is a figure of its own (nothing says what it counts); a claim in boilerplate gets no
//! figure (it is page furniture, not a statement of the article). Grouping is by hash,
//! so the cost is linear in the number of claims.
//!
//! `figure_id` is `f-` and the hex digits of the smallest claim id in the figure, so it
//! depends neither on processing order nor on sharding.

use std::collections::{BTreeSet, HashMap};

use crate::model::{Article, Claim, Figure, FigureStatus, Kind};

/// Groups `claims` into figures (sorted by `figure_id`) and sets each claim's `figure_id`.
pub fn reconcile(documents: &[Article], claims: &mut [Claim]) -> Vec<Figure> {
    let publisher_of: HashMap<&str, Option<&str>> =
        documents.iter().map(|d| (d.doc_id.as_str(), d.publisher.as_deref())).collect();
    let mut groups: HashMap<GroupKey, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        if c.in_boilerplate {
            continue;
        }
        let key = GroupKey {
            kind: c.kind,
            value: c.value.to_bits(),
            unit: c.unit.clone(),
            currency: c.currency,
            subject_key: c.subject_key.clone(),
            // Claims without a subject never group: each is its own figure.
            lone: if c.subject_key.is_none() { Some(i) } else { None },
        };
        groups.entry(key).or_default().push(i);
    }
    let mut figures: Vec<Figure> =
        groups.into_values().map(|members| figure(claims, &members, &publisher_of)).collect();
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

#[derive(Hash, PartialEq, Eq)]
struct GroupKey {
    kind: Kind,
    value: u64,
    unit: Option<String>,
    currency: Option<&'static str>,
    subject_key: Option<String>,
    lone: Option<usize>,
}

fn figure(claims: &[Claim], members: &[usize], publisher_of: &HashMap<&str, Option<&str>>) -> Figure {
    let first = &claims[members[0]];
    let claim_ids: Vec<String> =
        members.iter().map(|&i| claims[i].claim_id.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    let doc_ids: Vec<String> =
        members.iter().map(|&i| claims[i].doc_id.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    let publishers: BTreeSet<&str> =
        doc_ids.iter().filter_map(|d| publisher_of.get(d.as_str()).copied().flatten()).collect();
    let mut values: Vec<f64> = members.iter().map(|&i| claims[i].value).collect();
    values.sort_by(f64::total_cmp);
    let median = if values.len() % 2 == 1 {
        values[values.len() / 2]
    } else {
        (values[values.len() / 2 - 1] + values[values.len() / 2]) / 2.0
    };
    let most_common = |f: &dyn Fn(&Claim) -> Option<String>| -> Option<String> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for &i in members {
            if let Some(v) = f(&claims[i]) {
                *counts.entry(v).or_default() += 1;
            }
        }
        counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(v, _)| v)
    };
    let agreed_static = |f: &dyn Fn(&Claim) -> Option<&'static str>| -> Option<&'static str> {
        let mut it = members.iter().map(|&i| f(&claims[i]));
        let v = it.next().flatten();
        it.all(|x| x == v).then_some(v).flatten()
    };
    let period = {
        let mut it = members.iter().map(|&i| claims[i].period.clone());
        let v = it.next().flatten();
        if it.all(|x| x == v) { v } else { None }
    };
    Figure {
        figure_id: format!("f-{}", claim_ids[0].trim_start_matches("c-")),
        kind: first.kind,
        unit: first.unit.clone(),
        subject: most_common(&|c| c.subject.clone()),
        subject_key: first.subject_key.clone(),
        geography: agreed_static(&|c| c.geography),
        period,
        value_min: values[0],
        value_max: values[values.len() - 1],
        value_median: median,
        status: if doc_ids.len() > 1 { FigureStatus::Consistent } else { FigureStatus::Single },
        n_claims: members.len(),
        n_documents: doc_ids.len(),
        n_publishers: publishers.len(),
        claim_ids,
        doc_ids,
    }
}
