//! Dedup: links documents and claims that repeat others. It never drops a row.
//!
//! This first version finds exact duplicates: two `ok` documents whose text is equal
//! after lower-casing and collapsing whitespace. The canonical one is the earliest
//! `published` (undated last), then the first in input order; the others get status
//! `duplicate` and `duplicate_of`, and each of their claims is linked to the claim of
//! the canonical document with the same surface in the same sentence.

use std::collections::HashMap;

use crate::ingest::sha256_hex;
use crate::model::{Article, Claim, DocStatus};

/// Marks duplicate documents and links their claims. `claims` must hold, for each
/// document, its claims (in any order); documents keep their order.
pub fn dedup(documents: &mut [Article], claims: &mut [Claim]) {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, d) in documents.iter().enumerate() {
        if d.status == DocStatus::Ok {
            groups.entry(normalised_hash(&d.text)).or_default().push(i);
        }
    }
    let mut canonical_of: HashMap<String, String> = HashMap::new();
    let mut keyed: Vec<(usize, Vec<usize>)> = groups.into_values().filter(|g| g.len() > 1).map(|g| (g[0], g)).collect();
    keyed.sort_unstable();
    for (_, group) in keyed {
        let canonical = *group
            .iter()
            .min_by(|&&a, &&b| {
                let (pa, pb) = (&documents[a].published, &documents[b].published);
                match (pa, pb) {
                    (Some(x), Some(y)) => x.cmp(y).then(a.cmp(&b)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => a.cmp(&b),
                }
            })
            .expect("groups are non-empty");
        let canonical_id = documents[canonical].doc_id.clone();
        for &i in &group {
            if i != canonical {
                documents[i].status = DocStatus::Duplicate;
                documents[i].duplicate_of = Some(canonical_id.clone());
                canonical_of.insert(documents[i].doc_id.clone(), canonical_id.clone());
            }
        }
    }
    if canonical_of.is_empty() {
        return;
    }
    let text_of: HashMap<&str, &str> = documents.iter().map(|d| (d.doc_id.as_str(), d.text.as_str())).collect();
    // (doc, surface, sentence) → claim id, for the canonical documents.
    let mut index: HashMap<(&str, &str, &str), String> = HashMap::new();
    let canonicals: std::collections::HashSet<&str> = canonical_of.values().map(String::as_str).collect();
    for c in claims.iter() {
        if canonicals.contains(c.doc_id.as_str()) {
            let text = text_of[c.doc_id.as_str()];
            let key =
                (c.doc_id.as_str(), &text[c.span.start..c.span.end], text[c.sentence.start..c.sentence.end].trim());
            index.entry(key).or_insert_with(|| c.claim_id.clone());
        }
    }
    let mut links = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        if let Some(canon) = canonical_of.get(&c.doc_id) {
            let text = text_of[c.doc_id.as_str()];
            let key = (canon.as_str(), &text[c.span.start..c.span.end], text[c.sentence.start..c.sentence.end].trim());
            if let Some(id) = index.get(&key) {
                links.push((i, id.clone()));
            }
        }
    }
    for (i, id) in links {
        claims[i].duplicate_of = Some(id);
    }
}

fn normalised_hash(text: &str) -> String {
    let mut norm = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !norm.is_empty() {
            norm.push(' ');
        }
        norm.push_str(&w.to_lowercase());
    }
    sha256_hex(norm.as_bytes())
}
