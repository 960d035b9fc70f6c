//! Dedup: links documents and claims that repeat others. It never drops a row.
//!
//! Documents:
//! * exact duplicates: equal text after lower-casing and collapsing white space;
//! * near duplicates: the same article body under other page furniture, another headline
//!   or cut short. Each `ok` document's body (its text without boilerplate blocks) is cut
//!   into 5-word shingles; MinHash signatures (60 hashes, 20 bands of 3) propose candidate
//!   pairs, and a pair is a duplicate when the shorter body's shingles are at least
//!   [`NEAR_CONTAINMENT`] contained in the longer one's (so a truncated copy still counts)
//!   and the shorter body has at least [`MIN_SHINGLES`] shingles. Never all pairs.
//!
//! In each group of duplicates the canonical document is the earliest `published`
//! (undated last), then the first in input order; the others get status `duplicate` and
//! `duplicate_of`, and keep their claims.
//!
//! Claims: a claim of a duplicate document is linked (`duplicate_of`) to the canonical
//! document's claim with the same surface in the same sentence, or else with the same
//! kind, value and subject; a claim that repeats an earlier one of its own article (same
//! kind, value, unit, subject key, place and period) is linked to that one.

use std::collections::HashMap;

use crate::ingest::sha256_hex;
use crate::model::{Article, Claim, DocStatus};
use crate::sets::{UnionFind, common_count};

/// Share of the shorter body's shingles that must occur in the longer one.
pub const NEAR_CONTAINMENT: f64 = 0.8;
/// Bodies shorter than this many shingles (about 14 words) are never near duplicates.
pub const MIN_SHINGLES: usize = 10;
const SHINGLE: usize = 5;
const BANDS: usize = 20;
const ROWS: usize = 3;

/// Marks duplicate documents and links their claims. `claims` must hold, for each
/// document, its claims (in any order); documents keep their order.
pub fn dedup(documents: &mut [Article], claims: &mut [Claim]) {
    let groups = duplicate_groups(documents);
    let mut canonical_of: HashMap<String, String> = HashMap::new();
    for group in groups {
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
    link_claims(documents, claims, &canonical_of);
}

/// Groups (of two or more document indices) of exact and near duplicates.
fn duplicate_groups(documents: &[Article]) -> Vec<Vec<usize>> {
    let ok: Vec<usize> = (0..documents.len()).filter(|&i| documents[i].status == DocStatus::Ok).collect();
    let mut sets = UnionFind::new(documents.len());
    // Exact.
    let mut by_hash: HashMap<String, usize> = HashMap::new();
    for &i in &ok {
        let first = *by_hash.entry(normalised_hash(&documents[i].text)).or_insert(i);
        sets.union(first, i);
    }
    // Near: candidates from banded MinHash, checked by containment.
    let shingles: Vec<(usize, Vec<u64>)> =
        ok.iter().map(|&i| (i, shingles(&body(&documents[i])))).filter(|(_, s)| s.len() >= MIN_SHINGLES).collect();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (k, (_, s)) in shingles.iter().enumerate() {
        let sig = minhash(s);
        for b in 0..BANDS {
            let band = sig[b * ROWS..(b + 1) * ROWS].iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &x| mix(h ^ x));
            buckets.entry((b, band)).or_default().push(k);
        }
    }
    let mut seen: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    for members in buckets.values().filter(|m| m.len() > 1) {
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                let (da, db) = (shingles[a].0, shingles[b].0);
                if sets.find(da) == sets.find(db) || !seen.insert((a.min(b), a.max(b))) {
                    continue;
                }
                if containment(&shingles[a].1, &shingles[b].1) >= NEAR_CONTAINMENT {
                    sets.union(da, db);
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for &i in &ok {
        groups.entry(sets.find(i)).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort_unstable();
    out
}

/// The article body: the text of its blocks that are not boilerplate.
fn body(a: &Article) -> String {
    let mut out = String::new();
    for b in a.blocks.iter().filter(|b| !b.boilerplate) {
        out.push_str(&a.text[b.span.start..b.span.end]);
        out.push('\n');
    }
    out
}

/// Sorted, distinct hashes of the 5-word shingles of `text` (words lower-cased, letters
/// and digits only).
fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().flat_map(char::to_lowercase).fold(0xcbf2_9ce4_8422_2325u64, |h, c| mix(h ^ c as u64)))
        .collect();
    let mut out: Vec<u64> = words.windows(SHINGLE).map(|w| w.iter().fold(0x84_2225u64, |h, &x| mix(h ^ x))).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A 64-bit mixer (splitmix64's finaliser).
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn minhash(shingles: &[u64]) -> [u64; BANDS * ROWS] {
    let mut sig = [u64::MAX; BANDS * ROWS];
    for &s in shingles {
        for (k, slot) in sig.iter_mut().enumerate() {
            let h = mix(s ^ (k as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
            if h < *slot {
                *slot = h;
            }
        }
    }
    sig
}

/// |A ∩ B| / min(|A|, |B|) for sorted, distinct sets.
fn containment(a: &[u64], b: &[u64]) -> f64 {
    common_count(a, b) as f64 / a.len().min(b.len()).max(1) as f64
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

/// Links claims of duplicate documents to the canonical document's, and claims repeated
/// inside one article to their first statement.
fn link_claims(documents: &[Article], claims: &mut [Claim], canonical_of: &HashMap<String, String>) {
    let text_of: HashMap<&str, &str> = documents.iter().map(|d| (d.doc_id.as_str(), d.text.as_str())).collect();
    // A sentence is known by a hash of its lower-cased words, taken once per sentence: a
    // sentence holding many claims is never copied per claim.
    let mut sentence_hashes: HashMap<(&str, usize), u64> = HashMap::new();
    let mut sentence_key = |c: &Claim| -> (String, u64) {
        let (&doc, &text) = text_of.get_key_value(c.doc_id.as_str()).expect("every claim's document is listed");
        let hash = *sentence_hashes.entry((doc, c.sentence.start)).or_insert_with(|| {
            let mut h = std::hash::DefaultHasher::new();
            for w in text[c.sentence.start..c.sentence.end].split_whitespace() {
                for ch in w.chars().flat_map(char::to_lowercase) {
                    std::hash::Hash::hash(&ch, &mut h);
                }
                std::hash::Hash::hash(&' ', &mut h);
            }
            std::hash::Hasher::finish(&h)
        });
        (text[c.span.start..c.span.end].to_owned(), hash)
    };
    // The whole value, range ends and bound included: "15-16 mln" and "13-18 mln" share a
    // midpoint, not a meaning.
    let meaning_key = |c: &Claim| {
        let value = (c.value.to_bits(), c.low.map(f64::to_bits), c.high.map(f64::to_bits), c.bound, c.change);
        (c.kind, value, c.unit.clone(), c.currency, c.subject_key.clone(), c.geography, c.period.clone())
    };
    // First statements, per document: by sentence and by meaning.
    let mut by_sentence: HashMap<(String, (String, u64)), usize> = HashMap::new();
    let mut by_meaning: HashMap<(String, _), usize> = HashMap::new();
    // Claim → the claim it repeats; a copy's link to its canonical document wins.
    let mut links: HashMap<usize, usize> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_sentence.entry((c.doc_id.clone(), sentence_key(c))).or_insert(i);
        if c.subject_key.is_some() {
            match by_meaning.entry((c.doc_id.clone(), meaning_key(c))) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    links.insert(i, *first.get());
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(i);
                }
            }
        }
    }
    for (i, c) in claims.iter().enumerate() {
        let Some(canon) = canonical_of.get(&c.doc_id) else { continue };
        let same = by_sentence.get(&(canon.clone(), sentence_key(c))).or_else(|| {
            c.subject_key.as_ref()?;
            by_meaning.get(&(canon.clone(), meaning_key(c)))
        });
        if let Some(&j) = same {
            links.insert(i, j);
        }
    }
    let mut links: Vec<(usize, usize)> = links.into_iter().collect();
    links.sort_unstable();
    for (i, j) in links {
        let target = claims[j].duplicate_of.clone().unwrap_or_else(|| claims[j].claim_id.clone());
        if target != claims[i].claim_id {
            claims[i].duplicate_of = Some(target);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_of_a_truncated_copy() {
        let long = "The council said 4,000 children waited for a place in the spring term while another 300 families \
                    moved away from the county after the closure of two schools and the loss of a bus route";
        let short = &long[..long.len() / 2];
        let (a, b) = (shingles(long), shingles(short));
        assert!(containment(&a, &b) >= NEAR_CONTAINMENT);
        let other = shingles(
            "A different story about the weather in the north, where 40 mm of rain fell on Tuesday and the \
             river rose by two metres before the flood barrier was closed for the night",
        );
        assert!(containment(&a, &other) < 0.2);
    }

    #[test]
    fn minhash_bands_find_similar_sets() {
        let a: Vec<u64> = (0..200).collect();
        let b: Vec<u64> = (0..150).collect();
        let (sa, sb) = (minhash(&a), minhash(&b));
        let shared = (0..BANDS).filter(|&k| sa[k * ROWS..(k + 1) * ROWS] == sb[k * ROWS..(k + 1) * ROWS]).count();
        assert!(shared > 0, "a set and 75% of it share a band");
    }
}
