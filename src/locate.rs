//! Byte offsets → code-point offsets, lines and columns, for the output.
//!
//! Inside the program spans are byte offsets; Python users slice strings by code
//! point, and fact-checkers want `path:line:column`. A [`Locator`] answers both for one
//! text in O(log n) per query after an O(n) index.

use rustc_hash::FxHashMap as HashMap;

use crate::model::{Article, Claim};

/// Code-point offsets and line starts of one text.
pub struct Locator<'a> {
    text: &'a str,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    /// (byte offset, code points before it) every 256 bytes, for fast conversion.
    checkpoints: Vec<(usize, usize)>,
    /// Every byte is a code point.
    ascii: bool,
}

/// A position in a text: code-point offset, 1-based line, 1-based column in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub char_offset: usize,
    pub line: usize,
    pub column: usize,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        // An ASCII text needs none: there a byte is a code point.
        let mut checkpoints = vec![(0, 0)];
        let ascii = text.is_ascii();
        if !ascii {
            let (mut at, mut chars) = (0, 0);
            loop {
                let mut next = at + 256;
                while next < bytes.len() && !text.is_char_boundary(next) {
                    next += 1;
                }
                if next >= bytes.len() {
                    break;
                }
                chars += text[at..next].chars().count();
                checkpoints.push((next, chars));
                at = next;
            }
        }
        Locator { text, line_starts, checkpoints, ascii }
    }

    /// Code points before byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let k = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, c) = self.checkpoints[k];
        c + self.text[b..byte].chars().count()
    }

    /// Where byte offset `byte` is.
    pub fn position(&self, byte: usize) -> Position {
        let line = self.line_starts.partition_point(|&s| s <= byte);
        let line_start = self.line_starts[line - 1];
        // Both through the checkpoints: counting from the line start would be quadratic on
        // a text of one long line.
        let char_offset = self.char_offset(byte);
        Position { char_offset, line, column: char_offset - self.char_offset(line_start) + 1 }
    }
}

/// Code-point positions of one claim: (char_start, char_end, line, column, sentence_start).
pub struct ClaimPosition {
    pub char_start: usize,
    pub char_end: usize,
    pub line: usize,
    pub column: usize,
    pub sentence_start: usize,
}

/// Each claim's document: its index in `docs`. A batch's claims come grouped by document,
/// in the documents' order, so a cursor moving forward finds them; a map is made only if
/// a claim is out of that order.
///
/// # Panics
/// If a claim's document is not in `docs`.
pub fn claim_docs(docs: &[Article], claims: &[Claim]) -> Vec<usize> {
    let mut map: Option<HashMap<&str, usize>> = None;
    let mut at = 0;
    claims
        .iter()
        .map(|c| {
            let id = c.doc_id.as_str();
            if docs.get(at).is_some_and(|d| d.doc_id == id) {
                return at;
            }
            let ahead = if map.is_none() { docs[at..].iter().position(|d| d.doc_id == id) } else { None };
            at = match ahead {
                Some(k) => at + k,
                None => map
                    .get_or_insert_with(|| docs.iter().enumerate().map(|(i, d)| (d.doc_id.as_str(), i)).collect())[id],
            };
            at
        })
        .collect()
}

/// Positions of `claims`, in claim order; `doc_of` is each claim's document in `docs`
/// ([`claim_docs`]).
pub fn claim_positions(docs: &[Article], claims: &[Claim], doc_of: &[usize]) -> Vec<ClaimPosition> {
    // One document's locator at a time: claims come grouped by document.
    let mut current: Option<(usize, Locator)> = None;
    claims
        .iter()
        .zip(doc_of)
        .map(|(c, &di)| {
            let loc = match &current {
                Some((d, loc)) if *d == di => loc,
                _ => &current.insert((di, Locator::new(&docs[di].text))).1,
            };
            let p = loc.position(c.span.start);
            ClaimPosition {
                char_start: p.char_offset,
                char_end: loc.char_offset(c.span.end),
                line: p.line,
                column: p.column,
                sentence_start: loc.char_offset(c.sentence.start),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_lines_and_columns_count_code_points() {
        let text = "£5 here\nchildren’s 83,000\n";
        let loc = Locator::new(text);
        let at = text.find("83,000").unwrap();
        let p = loc.position(at);
        assert_eq!(p.line, 2);
        assert_eq!(p.column, 12);
        assert_eq!(p.char_offset, text[..at].chars().count());
        assert_eq!(loc.position(0), Position { char_offset: 0, line: 1, column: 1 });
    }

    #[test]
    fn ascii_text_lines_and_columns() {
        let text = "one\n\ntwo 83,000\n".repeat(40);
        let loc = Locator::new(&text);
        let at = text.rfind("83,000").unwrap();
        assert_eq!(loc.position(at), Position { char_offset: at, line: 120, column: 5 });
    }

    #[test]
    fn checkpoints_agree_with_counting() {
        let text: String = "aé£€😀\n".repeat(500);
        let loc = Locator::new(&text);
        for (i, _) in text.char_indices().step_by(37) {
            assert_eq!(loc.char_offset(i), text[..i].chars().count());
        }
    }

    #[test]
    fn claims_find_their_documents_in_order_or_not() {
        use crate::model::{Format, RawDoc};
        let article = |path: &str, text: &str| {
            let raw = RawDoc::new(path, None, Format::Txt, text.as_bytes().to_vec());
            crate::clean::clean(crate::parse::parse(&raw), &crate::clean::Furniture::default())
        };
        let docs = [
            article("a", "Costs rose by 12% to £4 million.\nSome 300 staff left."),
            article("b", "No figures in this one."),
            article("c", "Héllo: 83,000 children\nand 7 more."),
        ];
        let claims: Vec<Vec<Claim>> = docs.iter().map(crate::pipeline::claims_of_article).collect();
        assert!(claims[1].is_empty() && !claims[0].is_empty() && !claims[2].is_empty());
        let (n0, n2) = (claims[0].len(), claims[2].len());
        // In document order, skipping a document without claims: the cursor.
        let ordered: Vec<Claim> = claims[0].iter().chain(&claims[2]).cloned().collect();
        let expected: Vec<usize> = [vec![0; n0], vec![2; n2]].concat();
        assert_eq!(claim_docs(&docs, &ordered), expected);
        // Out of order: the map.
        let reversed: Vec<Claim> = claims[2].iter().chain(&claims[0]).cloned().collect();
        assert_eq!(claim_docs(&docs, &reversed), [vec![2; n2], vec![0; n0]].concat());
        // Positions as each document alone gives them.
        let by_doc = |d: usize| claim_positions(&docs[d..=d], &claims[d], &vec![0; claims[d].len()]);
        let alone: Vec<usize> = by_doc(2).iter().chain(&by_doc(0)).map(|p| p.char_start * 1000 + p.line).collect();
        let mixed = claim_positions(&docs, &reversed, &claim_docs(&docs, &reversed));
        assert_eq!(mixed.iter().map(|p| p.char_start * 1000 + p.line).collect::<Vec<_>>(), alone);
    }

    mod properties {
        use proptest::prelude::*;

        use crate::model::{Format, RawDoc};

        proptest! {
            #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

            /// For any document: Python's `text[char_start:char_end]` is the surface, and
            /// line/column point at it.
            #[test]
            fn code_point_offsets_slice_to_the_surface(
                lines in prop::collection::vec("[a-zA-Z£$€%½é ,.()'’-]{0,12}[0-9]{1,6}[a-z%£ ]{0,12}( per cent| million)?", 1..8)
            ) {
                let text = lines.join("\n");
                let raw = RawDoc::new("p", None, Format::Txt, text.clone().into_bytes());
                let article = crate::parse::parse(&raw);
                let article = crate::clean::clean(article, &crate::clean::Furniture::default());
                let claims = crate::pipeline::claims_of_article(&article);
                let positions = super::super::claim_positions(std::slice::from_ref(&article), &claims, &vec![0; claims.len()]);
                for (c, p) in claims.iter().zip(positions) {
                    let surface = &article.text[c.span.start..c.span.end];
                    let sliced: String = article.text.chars().skip(p.char_start).take(p.char_end - p.char_start).collect();
                    prop_assert_eq!(&sliced, surface);
                    let line = article.text.split('\n').nth(p.line - 1).unwrap();
                    let at: String = line.chars().skip(p.column - 1).collect();
                    prop_assert!(at.starts_with(surface.split('\n').next().unwrap()));
                }
            }
        }
    }
}
