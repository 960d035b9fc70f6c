//! Dedup: links documents and claims that repeat others. It never drops a row.
//!
//! Documents:
//! * exact duplicates: equal text after lower-casing and collapsing white space;
//! * near duplicates: the same article body under other page furniture, another headline
//!   or cut short. Each `ok` document's body (its text without boilerplate blocks) is cut
//!   into 5-word shingles; one-permutation MinHash signatures (60 bins, 20 bands of 3)
//!   propose candidate pairs, and a pair is a duplicate when the shorter body's shingles
//!   (kept as 32-bit hashes) are at least
//!   [`NEAR_CONTAINMENT`] contained in the longer one's (so a truncated copy still counts)
//!   and the shorter body has at least [`MIN_SHINGLES`] shingles. Never all pairs.
//!
//! In each group of duplicates the canonical document is the earliest `published`
//! (undated last), then the smallest id (not the first read, so that shards agree); the others get status `duplicate` and
//! `duplicate_of`, and keep their claims.
//!
//! Claims: a claim of a duplicate document is linked (`duplicate_of`) to the canonical
//! document's claim with the same surface in the same sentence, or else with the same
//! kind, value and subject; a claim that repeats an earlier one of its own article (same
//! kind, value, unit, subject key, place and period) is linked to that one.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::keys::{ClaimKey, Keys};
use crate::model::DocStatus;
use crate::sets::{UnionFind, common_count};

/// Share of the shorter body's shingles that must occur in the longer one.
pub const NEAR_CONTAINMENT: f64 = 0.8;
/// Bodies shorter than this many shingles (about 14 words) are never near duplicates.
pub const MIN_SHINGLES: usize = 10;
const SHINGLE: usize = 5;
/// MinHash bands, of three hashes each.
pub const BANDS: usize = 20;
const ROWS: usize = 3;

/// What dedup found: for each document the canonical document it duplicates, and for each
/// claim the claim it repeats (indices into [`Keys::docs`] and [`Keys::claims`]).
#[derive(Debug, Default)]
pub struct Links {
    pub doc_duplicate_of: Vec<Option<u32>>,
    pub claim_duplicate_of: Vec<Option<u32>>,
}

impl Links {
    /// Marks `duplicate` the documents (in key order) that repeat another.
    pub fn mark_duplicates(&self, statuses: &mut [DocStatus]) {
        for (status, canon) in statuses.iter_mut().zip(&self.doc_duplicate_of) {
            if canon.is_some() {
                *status = DocStatus::Duplicate;
            }
        }
    }
}

/// Finds duplicate documents and links their claims. Documents and claims keep their order.
pub fn dedup(keys: &Keys) -> Links {
    let groups = duplicate_groups(keys);
    let mut doc_duplicate_of = vec![None; keys.docs.len()];
    for group in groups {
        let canonical = *group
            .iter()
            .min_by(|&&a, &&b| {
                let (pa, pb) = (&keys.docs[a].published, &keys.docs[b].published);
                // Ties go to the smaller id, not the first read: shards agree.
                let (ia, ib) = (keys.docs[a].id, keys.docs[b].id);
                match (pa, pb) {
                    (Some(x), Some(y)) => x.cmp(y).then(ia.cmp(&ib)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => ia.cmp(&ib),
                }
            })
            .expect("groups are non-empty");
        for &i in &group {
            if i != canonical {
                doc_duplicate_of[i] = Some(canonical as u32);
            }
        }
    }
    let claim_duplicate_of = link_claims(&keys.claims, &keys.sentences, &doc_duplicate_of);
    Links { doc_duplicate_of, claim_duplicate_of }
}

/// Groups (of two or more document indices) of exact and near duplicates.
fn duplicate_groups(keys: &Keys) -> Vec<Vec<usize>> {
    let docs = &keys.docs;
    let ok: Vec<usize> = (0..docs.len()).filter(|&i| docs[i].ok).collect();
    let mut sets = UnionFind::new(docs.len());
    // Exact.
    let mut by_hash: HashMap<u128, usize> = HashMap::default();
    for &i in &ok {
        let first = *by_hash.entry(docs[i].text_hash).or_insert(i);
        sets.union(first, i);
    }
    // Near: candidates from banded MinHash (documents sharing a band), checked by
    // containment. The bands (160 bytes a document) are read back once; then one band at
    // a time is sorted rather than hashed into buckets (16 bytes a document, where all 20
    // at once took 320; the partition does not depend on the order the candidates come in).
    let mut seen: HashSet<(u32, u32)> = HashSet::default();
    // (Bands that could not be read back give no candidates, as unreadable shingles give
    // no containment.)
    let signatures = keys.bands();
    let mut bands: Vec<(u64, u32)> = Vec::with_capacity(ok.len());
    for band in 0..BANDS {
        bands.clear();
        bands.extend(
            ok.iter()
                .filter_map(|&i| docs[i].bands.and_then(|b| signatures.get(b as usize)).map(|s| (s[band], i as u32))),
        );
        bands.sort_unstable();
        for run in bands.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
            for (x, &(_, a)) in run.iter().enumerate() {
                // Read (from the file, when spilled) once for all the documents after it.
                let mut shingles_a = None;
                for &(_, b) in &run[x + 1..] {
                    let (da, db) = (a as usize, b as usize);
                    // (A band's run holds a document once.)
                    if sets.find(da) == sets.find(db) || !seen.insert((a.min(b), a.max(b))) {
                        continue;
                    }
                    let sa = shingles_a.get_or_insert_with(|| keys.shingles_of(da));
                    if containment(sa, &keys.shingles_of(db)) >= NEAR_CONTAINMENT {
                        sets.union(da, db);
                    }
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::default();
    for &i in &ok {
        groups.entry(sets.find(i)).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort_unstable();
    out
}

/// The near-duplicate signature of a document's body (`text` without its `boilerplate`
/// byte spans): its distinct 5-word shingles as sorted 32-bit hashes, and its MinHash band
/// hashes; nothing when the body has fewer than [`MIN_SHINGLES`] of those.
pub fn signature(text: &str, boilerplate: &[(usize, usize)]) -> (Vec<u32>, Option<[u64; BANDS]>) {
    // About a word in six bytes of English.
    let mut words: Vec<u64> = Vec::with_capacity(text.len() / 6);
    let mut at = 0;
    for &(s, e) in boilerplate.iter().chain(std::iter::once(&(text.len(), text.len()))) {
        if let Some(part) = text.get(at..s.max(at)) {
            word_hashes(part, &mut words);
        }
        at = at.max(e);
    }
    // A shingle's hash: its words' hashes (already mixed), each rotated by its place, mixed once.
    let shingles: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| mix(w.iter().enumerate().fold(0x84_2225u64, |h, (i, &x)| h ^ x.rotate_left(13 * i as u32))))
        .collect();
    // The set of their high halves (sorted as 32-bit numbers, faster than the whole).
    let mut small: Vec<u32> = shingles.iter().map(|&h| (h >> 32) as u32).collect();
    small.sort_unstable();
    small.dedup();
    if small.len() < MIN_SHINGLES {
        return (Vec::new(), None);
    }
    // A repeated shingle changes no bin's smallest: the MinHash needs no distinct set.
    let sig = minhash(&shingles);
    let mut bands = [0u64; BANDS];
    for (b, band) in bands.iter_mut().enumerate() {
        *band = sig[b * ROWS..(b + 1) * ROWS].iter().fold(0xcbf2_9ce4_8422_2325u64 ^ b as u64, |h, &x| mix(h ^ x));
    }
    (small, Some(bands))
}

/// Hashes of the words of `text` (letters and digits, lower-cased), appended to `out`.
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    const START: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = text.as_bytes();
    // Whether the character at `i` is a letter or digit, and its width: ASCII by byte,
    // other characters decoded.
    let at = |i: usize| -> (bool, usize, Option<char>) {
        let b = bytes[i];
        if b.is_ascii() {
            return (b.is_ascii_alphanumeric(), 1, None);
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        (c.is_alphanumeric(), c.len_utf8(), Some(c))
    };
    let mut i = 0;
    while i < bytes.len() {
        let (alnum, width, _) = at(i);
        if !alnum {
            i += width;
            continue;
        }
        // A word, hashed as the FNV of its lower case (the same whichever path reads a
        // character).
        let mut h = START;
        while i < bytes.len() {
            let (alnum, width, c) = at(i);
            if !alnum {
                break;
            }
            match c {
                None => h = (h ^ u64::from(bytes[i].to_ascii_lowercase())).wrapping_mul(FNV),
                Some(c) => {
                    for l in c.to_lowercase() {
                        h = (h ^ l as u64).wrapping_mul(FNV);
                    }
                }
            }
            i += width;
        }
        out.push(mix(h));
    }
}

const FNV: u64 = 0x0000_0100_0000_01b3;

/// A 64-bit mixer (splitmix64's finaliser).
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// One-permutation MinHash: each shingle falls in one of the signature's bins (by its
/// hash) and a bin keeps its smallest; an empty bin borrows the next filled one's value
/// (rotation densification, Shrivastava 2017). One hash a shingle instead of one a bin.
fn minhash(shingles: &[u64]) -> [u64; BANDS * ROWS] {
    const BINS: usize = BANDS * ROWS;
    let mut sig = [u64::MAX; BINS];
    for &s in shingles {
        // Shingle hashes are mixed already.
        let h = s;
        let bin = (((h >> 32) * BINS as u64) >> 32) as usize;
        let v = h & 0xffff_ffff;
        if v < sig[bin] {
            sig[bin] = v;
        }
    }
    let filled: Vec<usize> = (0..BINS).filter(|&i| sig[i] != u64::MAX).collect();
    if filled.len() < BINS && !filled.is_empty() {
        let orig = sig;
        for i in 0..BINS {
            if orig[i] == u64::MAX {
                let (dist, j) =
                    (1..BINS).map(|d| (d, (i + d) % BINS)).find(|&(_, j)| orig[j] != u64::MAX).unwrap_or((0, i));
                sig[i] = orig[j].wrapping_add((dist as u64) << 40);
            }
        }
    }
    sig
}

/// |A ∩ B| / min(|A|, |B|) for sorted, distinct sets.
fn containment(a: &[u32], b: &[u32]) -> f64 {
    common_count(a, b) as f64 / a.len().min(b.len()).max(1) as f64
}

/// A document's text lower-cased with its white space collapsed, hashed: equal for exact
/// duplicates.
pub fn normalised_hash(text: &str) -> u128 {
    // Streamed through the hasher a few kilobytes at a time: the same hash as of the
    // whole normalised text, without making it. Every white space is written as a space
    // unless one was just written (or nothing yet); a space left at the end is dropped.
    const FLUSH: usize = 4 << 10;
    // Made at the first flush: a text shorter than the buffer (a block of a page) is hashed
    // at once.
    let mut hasher: Option<Xxh3> = None;
    // The buffer is kept by the thread: zeroing one for each call cost more than hashing
    // a short block.
    thread_local! {
        static BUF: std::cell::RefCell<Box<[u8; FLUSH + 16]>> = std::cell::RefCell::new(Box::new([0; FLUSH + 16]));
    }
    BUF.with_borrow_mut(|buf| {
        let mut len = 0;
        let mut after_space = true;
        let mut flush = |buf: &mut [u8; FLUSH + 16], len: &mut usize| {
            // All but the last byte, which may be a trailing space.
            hasher.get_or_insert_with(Xxh3::new).update(&buf[..*len - 1]);
            buf[0] = buf[*len - 1];
            *len = 1;
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // A run of ASCII (most of a text) a byte at a time without branching on it;
            // other characters decoded.
            let run = ascii_prefix(&bytes[i..]);
            for &b in &bytes[i..i + run] {
                // White space (' ', '\t' to '\r') and the lower case by arithmetic: branches
                // on them would be mispredicted at every word's end.
                let space = (b < 64) & ((0x1_0000_3e00u64 >> (b & 63)) & 1 == 1);
                let lower = b | (u8::from(b.wrapping_sub(b'A') < 26) << 5);
                buf[len] = lower ^ ((lower ^ b' ') & 0u8.wrapping_sub(u8::from(space)));
                len += usize::from(!(space & after_space));
                after_space = space;
                if len >= FLUSH {
                    flush(buf, &mut len);
                }
            }
            i += run;
            let Some(c) = text[i..].chars().next() else { break };
            i += c.len_utf8();
            if c.is_whitespace() {
                if !after_space {
                    buf[len] = b' ';
                    len += 1;
                    after_space = true;
                }
            } else {
                for l in c.to_lowercase() {
                    len += l.encode_utf8(&mut buf[len..len + 4]).len();
                }
                after_space = false;
            }
            if len >= FLUSH {
                flush(buf, &mut len);
            }
        }
        if len > 0 && buf[len - 1] == b' ' {
            len -= 1;
        }
        match hasher {
            None => xxhash_rust::xxh3::xxh3_128(&buf[..len]),
            Some(mut hasher) => {
                hasher.update(&buf[..len]);
                hasher.digest128()
            }
        }
    })
}

/// How many of the first bytes of `bytes` are ASCII (eight at a time).
fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let high = word & 0x8080_8080_8080_8080;
        if high != 0 {
            return n + (high.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - n)
}

/// A sentence known by its lower-cased words.
pub fn sentence_hash(sentence: &str) -> u64 {
    sentence.split_whitespace().fold(0x5851_f42d_4c95_7f2du64, |acc, w| {
        let h = if w.is_ascii() {
            w.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV))
        } else {
            w.chars()
                .flat_map(char::to_lowercase)
                .fold(0xcbf2_9ce4_8422_2325u64, |h, c| (h ^ c as u64).wrapping_mul(FNV))
        };
        mix(acc ^ h)
    })
}

/// A hash of `s` exactly as written (claims' surfaces).
pub fn text_hash64(s: &str) -> u64 {
    xxh3_64(s.as_bytes())
}

/// Links claims of duplicate documents to the canonical document's, and claims repeated
/// inside one article to their first statement.
fn link_claims(
    claims: &[ClaimKey],
    sentences: &[crate::keys::SentenceKey],
    doc_duplicate_of: &[Option<u32>],
) -> Vec<Option<u32>> {
    // A claim's place in its sentence: its surface and the sentence's words.
    let sentence_key = |c: &ClaimKey| (c.surface, sentences[c.sentence as usize].hash);
    // The whole value, range ends and bound included: "15-16 mln" and "13-18 mln" share a
    // midpoint, not a meaning.
    let meaning_key = |c: &ClaimKey| {
        let value = (c.value.to_bits(), c.range, c.bound, c.change);
        (c.kind, value, c.unit, c.currency, c.subject_key, c.geography, c.period)
    };
    // Claim → the claim it repeats; a copy's link to its canonical document wins.
    let mut links: Vec<Option<u32>> = vec![None; claims.len()];
    let starts = crate::keys::claim_starts(claims, doc_duplicate_of.len());
    let claims_of = |d: u32| starts[d as usize] as usize..starts[d as usize + 1] as usize;
    // Repeats inside a document are found with a map of its own.
    let mut first: HashMap<_, u32> = HashMap::default();
    for d in 0..doc_duplicate_of.len() as u32 {
        first.clear();
        for i in claims_of(d) {
            let c = &claims[i];
            if c.subject_key != 0 {
                let stated = *first.entry(meaning_key(c)).or_insert(i as u32);
                if stated != i as u32 {
                    links[i] = Some(stated);
                }
            }
        }
    }
    // Copies, a canonical document at a time: the first statements of its claims, by
    // sentence and by meaning, and its copies' claims looked up there. (Maps of one
    // document's claims, not of every canonical document's: dedup's memory stays small.)
    let mut copies: Vec<(u32, u32)> =
        doc_duplicate_of.iter().enumerate().filter_map(|(d, canon)| canon.map(|c| (c, d as u32))).collect();
    copies.sort_unstable();
    let mut by_sentence: HashMap<(u32, u64), u32> = HashMap::default();
    let mut by_meaning: HashMap<_, u32> = HashMap::default();
    for group in copies.chunk_by(|a, b| a.0 == b.0) {
        by_sentence.clear();
        by_meaning.clear();
        for i in claims_of(group[0].0) {
            let c = &claims[i];
            by_sentence.entry(sentence_key(c)).or_insert(i as u32);
            if c.subject_key != 0 {
                by_meaning.entry(meaning_key(c)).or_insert(i as u32);
            }
        }
        for &(_, copy) in group {
            for i in claims_of(copy) {
                let c = &claims[i];
                let same = by_sentence.get(&sentence_key(c)).or_else(|| {
                    if c.subject_key == 0 {
                        return None;
                    }
                    by_meaning.get(&meaning_key(c))
                });
                if let Some(&j) = same {
                    links[i] = Some(j);
                }
            }
        }
    }
    // Each claim links to the end of its chain (a repeat of a copied claim to the
    // original's first statement), whatever order the claims came in.
    let mut out: Vec<Option<u32>> = vec![None; claims.len()];
    for (i, link) in links.iter().enumerate() {
        let Some(mut target) = *link else { continue };
        for _ in 0..claims.len() {
            match links[target as usize] {
                Some(next) if next as usize != i && next != target => target = next,
                _ => break,
            }
        }
        if target as usize != i {
            out[i] = Some(target);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text lower-cased with its white space collapsed, as `normalised_hash` hashes it.
    fn normalised(text: &str) -> String {
        text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn normalised_hash_is_the_hash_of_the_normalised_text() {
        let long = "Der Stadtrat ZÄHLTE\u{a0}4.000 Kinder;\tÉCOLE  İstanbul\n\n ".repeat(300);
        // Spaces where the hasher's buffer is flushed (every 4 kB), one left at the end.
        let edge = format!("{}  B\u{a0} {}\t", "a".repeat(4095), " X".repeat(3000));
        for text in
            ["", "  ", "\u{a0}", "One", " One  TWO\r\nthree ", "naïve\u{2003}CAFÉ", long.as_str(), edge.as_str()]
        {
            assert_eq!(normalised_hash(text), xxhash_rust::xxh3::xxh3_128(normalised(text).as_bytes()), "{text:?}");
        }
        assert_eq!(normalised_hash("A  b\nC"), normalised_hash("a b c"));
        assert_eq!(normalised_hash("Zürich\u{a0}\u{a0}ZÜRICH"), normalised_hash("zürich zürich"));
        assert_ne!(normalised_hash("a b c"), normalised_hash("a bc"));
    }

    #[test]
    fn ascii_prefix_stops_at_the_first_other_byte() {
        for (text, n) in [("", 0), ("abc", 3), ("abcdefghijkl", 12), ("abcdefghé", 8), ("abcdefgé", 7), ("é", 0)] {
            assert_eq!(ascii_prefix(text.as_bytes()), n, "{text:?}");
        }
    }

    #[test]
    fn containment_of_a_truncated_copy() {
        let long = "The council said 4,000 children waited for a place in the spring term while another 300 families \
                    moved away from the county after the closure of two schools and the loss of a bus route";
        let short = &long[..long.len() / 2];
        let (a, b) = (signature(long, &[]).0, signature(short, &[]).0);
        assert!(containment(&a, &b) >= NEAR_CONTAINMENT);
        let other = signature(
            "A different story about the weather in the north, where 40 mm of rain fell on Tuesday and the \
             river rose by two metres before the flood barrier was closed for the night",
            &[],
        )
        .0;
        assert!(containment(&a, &other) < 0.2);
    }

    /// A claim of document `doc` in sentence `sentence` (whose hash is the sentence's
    /// number), with a surface hash, a value and a subject key (0: none).
    fn claim(doc: u32, sentence: u32, surface: u32, value: f64, subject_key: crate::keys::Sym) -> ClaimKey {
        use crate::model::{Bound, Kind};
        ClaimKey {
            id: 0,
            doc,
            sentence,
            surface,
            kind: Kind::Count,
            bound: Bound::Exact,
            change: None,
            value,
            range: 0,
            lo: value,
            hi: value,
            precise: true,
            period_written: false,
            in_boilerplate: false,
            unit: 0,
            currency: 0,
            subject: subject_key,
            subject_key,
            specific: false,
            geography: 0,
            period: 0,
        }
    }

    #[test]
    fn copies_link_to_their_canonical_document_and_repeats_to_the_first_statement() {
        let sentences: Vec<crate::keys::SentenceKey> = (0..10)
            .map(|h| crate::keys::SentenceKey { hash: h, names: Default::default(), words: Default::default() })
            .collect();
        let claims = [
            // 0: the canonical document.
            claim(0, 0, 1, 40.0, 0),  // 0: "40" in sentence 0
            claim(0, 1, 2, 300.0, 5), // 1: "300 children"
            // 1: a copy of document 0, a sentence reworded, and a figure it repeats.
            claim(1, 0, 1, 40.0, 0),  // 2: the same sentence: -> 0
            claim(1, 2, 3, 300.0, 5), // 3: another sentence, the same meaning: -> 1
            claim(1, 3, 4, 300.0, 5), // 4: a repeat of 3, but the copy's link wins: -> 1
            claim(1, 4, 5, 7.0, 6),   // 5: not in document 0
            claim(1, 5, 6, 7.0, 6),   // 6: a repeat of 5: -> 5
            claim(1, 6, 7, 41.0, 0),  // 7: no key, another sentence: none
            // 2: another document, not a copy, with the same sentence as document 0's.
            claim(2, 0, 1, 40.0, 0), // 8: none
            // 3: a second copy of document 0.
            claim(3, 1, 2, 300.0, 5), // 9: -> 1
        ];
        let doc_duplicate_of = [None, Some(0), None, Some(0)];
        let links = link_claims(&claims, &sentences, &doc_duplicate_of);
        let want = [None, None, Some(0), Some(1), Some(1), None, Some(5), None, None, Some(1)];
        assert_eq!(links, want);
    }

    #[test]
    fn minhash_bands_find_similar_sets() {
        let a: Vec<u64> = (0..200).map(mix).collect();
        let b: Vec<u64> = (0..150).map(mix).collect();
        let (sa, sb) = (minhash(&a), minhash(&b));
        let shared = (0..BANDS).filter(|&k| sa[k * ROWS..(k + 1) * ROWS] == sb[k * ROWS..(k + 1) * ROWS]).count();
        assert!(shared > 0, "a set and 75% of it share a band");
    }
}
