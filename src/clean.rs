//! Clean: tags each block of an [`Article`] as article text or boilerplate.
//!
//! Nothing is deleted: boilerplate blocks stay in the text, flagged, and the claims in
//! them are marked `in_boilerplate`. The rules look at the shape of blocks, never at
//! a list of one site's phrases:
//!
//! 1. **Block features** (after jusText, Pomikálek 2011): a block is *good* when it is
//!    long and dense in function words (prose), *near-good* when shorter, *short* when
//!    under 70 characters, and *bad* when it is mostly links, page furniture by markup,
//!    or made of calls to action ("Sign in", "Subscribe today", "Read more").
//! 2. **Context**: short and near-good blocks take the class of their neighbours, so a
//!    sub-heading inside the article stays, and a lone line among menus goes.
//! 3. **Position**: a paywall gate ("Register now to continue reading") after article
//!    text ends the article: every block after it is boilerplate. A teaser cut off with
//!    "[...]" and followed by a "Read more" link is a related-story teaser.
//! 4. **Repetition**: a block that is not prose (no closing punctuation) and appears in several documents of the same dump is site furniture (see
//!    [`Furniture`]); a repeated sentence is left alone, since syndicated copies share
//!    their paragraphs.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::extract::{is_stopword, is_stopword_bytes};
use crate::model::{Article, Block, BlockKind};

/// Blocks repeated across the documents of a run: site furniture.
#[derive(Debug, Default, Clone)]
pub struct Furniture {
    repeated: HashSet<u64>,
}

impl Furniture {
    /// Counts block texts across `articles`; a text seen in two or more documents is
    /// repeated. Blocks over 400 characters are never furniture (syndicated articles
    /// share long paragraphs), and titles never are.
    pub fn from_articles<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Self {
        let mut count = FurnitureCount::default();
        for a in articles {
            count.add(&a.source_sha256, furniture_hashes(a));
        }
        count.finish()
    }

    fn contains(&self, text: &str) -> bool {
        !self.repeated.is_empty() && self.repeated.contains(&block_hash(text))
    }
}

/// The furniture count of a run, fed one document at a time (a run streams its documents).
#[derive(Debug, Default)]
pub struct FurnitureCount {
    docs_with: HashMap<u64, u32>,
    contents: HashSet<u128>,
}

impl FurnitureCount {
    /// Adds a document's [`furniture_hashes`]. Identical files count once, so a dump
    /// holding one page twice has no furniture.
    pub fn add(&mut self, source_sha256: &str, hashes: Vec<u64>) {
        let content = u128::from_str_radix(source_sha256.get(..32).unwrap_or(source_sha256), 16).unwrap_or(0);
        if !self.contents.insert(content) {
            return;
        }
        for h in hashes {
            *self.docs_with.entry(h).or_default() += 1;
        }
    }

    pub fn finish(self) -> Furniture {
        Furniture { repeated: self.docs_with.into_iter().filter(|&(_, n)| n >= 2).map(|(h, _)| h).collect() }
    }
}

/// The distinct hashes of the blocks of an `ok` article that could be furniture (not the
/// title, at most 400 bytes).
pub fn furniture_hashes(a: &Article) -> Vec<u64> {
    if a.status != crate::model::DocStatus::Ok {
        return Vec::new();
    }
    let mut out: Vec<u64> = a
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Title && b.span.len() <= 400)
        .map(|b| block_hash(&a.text[b.span.start..b.span.end]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Tags every block of `article` (sets `Block::boilerplate`).
pub fn clean(mut article: Article, furniture: &Furniture) -> Article {
    let classes = classify(&article.text, &article.blocks, furniture);
    for (b, c) in article.blocks.iter_mut().zip(classes) {
        b.boilerplate = c == Class::Bad;
    }
    article
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Good,
    NearGood,
    Short,
    Bad,
}

const SHORT: usize = 70;
const LONG: usize = 200;
const STOPWORDS_HIGH: f64 = 0.30;
const STOPWORDS_LOW: f64 = 0.22;
const MAX_LINK_DENSITY: f64 = 0.35;

struct Features {
    chars: usize,
    words: usize,
    stopword_density: f64,
    link_density: f64,
    cta: usize,
    gate: bool,
    teaser_cut: bool,
    /// Ends like a sentence.
    sentence: bool,
    /// A picture's caption or credit ("Protesters in the square (Image: Getty)"), or a
    /// label standing alone ("Advertisement").
    label: bool,
}

/// A caption's or credit's opening ("Photo: …"), matched at the start of a block.
static CAPTION_START: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"(?i)^(photo|image|picture|pic|credit)s?\s*:").expect("valid regex"));

/// A credit in brackets closing a block ("… (Image: Getty)"), matched on the block's tail.
static CAPTION_END: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)\((photo|image|picture|pic|credit)s?\s*:[^)]*\)\s*$").expect("valid regex")
});

/// Whether a block is a caption or a credit: opens with one, or closes with one in
/// brackets. The closing credit holds no `)` before its last, so only the text after the
/// block's second-to-last `)` is searched, not the whole block.
fn caption(s: &str) -> bool {
    if CAPTION_START.is_match(s) {
        return true;
    }
    let t = s.trim_end();
    let Some(body) = t.strip_suffix(')') else { return false };
    let from = body.rfind(')').map_or(0, |i| i + 1);
    CAPTION_END.is_match(&s[from..])
}

/// Words that label a slot of the page when they stand alone.
const LABELS: &[&str] = &[
    "advert",
    "advertisement",
    "sponsored",
    "sponsored content",
    "don't miss",
    "don’t miss",
    "read more",
    "related",
    "related articles",
    "more on this story",
    "comments",
    "share this article",
    "share",
];

fn features(text: &str, block: &Block) -> Features {
    let s = &text[block.span.start..block.span.end];
    let Counts { chars, nonws, words, stop } = counts(s);
    // Phrases and labels are matched without regard to case (see `Phrases`); the lower
    // case of the block is only made for the short ones that can be gates or labels.
    let trimmed = s.trim();
    let lower = (chars <= 160).then(|| trimmed.to_lowercase());
    Features {
        chars,
        words,
        stopword_density: if words == 0 { 0.0 } else { stop as f64 / words as f64 },
        link_density: block.link_bytes as f64 / nonws.max(1) as f64,
        cta: CTA_SET.count(s),
        // A gate is a short prompt: "Continue reading below" labels an advert, and "… keep
        // reading." inside a long paragraph is the writer's voice.
        gate: lower.as_deref().is_some_and(|lower| {
            GATE_SET.count(lower) > 0 && !lower.contains("reading below") && !lower.contains("continues below")
        }),
        sentence: s.trim_end().ends_with(['.', '!', '?', '"', '”', '’']),
        label: caption(s)
            || lower.as_deref().is_some_and(|lower| LABELS.contains(&lower.trim_end_matches(['.', ':', '!']).trim())),
        teaser_cut: s.ends_with("[...]") || s.ends_with("[…]") || s.ends_with("...") || s.ends_with('…'),
    }
}

/// What [`features`] counts in a block, in one pass over its bytes.
struct Counts {
    chars: usize,
    /// Bytes of characters other than white space.
    nonws: usize,
    /// Words (letters, digits and apostrophes) holding no digit, and those among them
    /// that are stop words. Numbers are neither stop words nor content words: they would
    /// dilute the density of exactly the factual sentences figtrace is after.
    words: usize,
    stop: usize,
}

fn counts(s: &str) -> Counts {
    let bytes = s.as_bytes();
    // Characters are the bytes that do not continue one (a loop the compiler vectorises);
    // the bytes of white space are taken off `nonws` as the spaces are met.
    let chars = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
    let mut n = Counts { chars, nonws: bytes.len(), words: 0, stop: 0 };
    let mut i = 0;
    while i < bytes.len() {
        let (class, width) = class_at(s, i);
        if class & WORD == 0 {
            if class & SPACE != 0 {
                n.nonws -= width;
            }
            i += width;
            continue;
        }
        // A word, read to its end: whether it holds a digit or a non-ASCII character.
        let (start, mut digit, mut ascii) = (i, false, true);
        while i < bytes.len() {
            let (class, width) = class_at(s, i);
            if class & WORD == 0 {
                break;
            }
            digit |= class & DIGIT != 0;
            ascii &= width == 1;
            i += width;
        }
        if !digit {
            n.words += 1;
            if is_stopword_any_case(&s[start..i], ascii) {
                n.stop += 1;
            }
        }
    }
    n
}

/// The class of the character at byte `i` of `s` and its width: ASCII by table, other
/// characters decoded.
#[inline(always)]
fn class_at(s: &str, i: usize) -> (u8, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        return (ASCII_CLASS[usize::from(b)], 1);
    }
    let c = s[i..].chars().next().unwrap_or(' ');
    let class = if c.is_whitespace() {
        SPACE
    } else if c.is_alphanumeric() || c == '’' {
        WORD
    } else {
        0
    };
    (class, c.len_utf8())
}

/// What [`counts`] tells of a character: white space (as `char::is_whitespace`), part of
/// a word (a letter, a digit or an apostrophe), an ASCII digit.
const SPACE: u8 = 1;
const WORD: u8 = 2;
const DIGIT: u8 = 4;
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if matches!(c, b' ' | b'\t'..=b'\r') {
            SPACE
        } else if c.is_ascii_digit() {
            WORD | DIGIT
        } else if c.is_ascii_alphabetic() || c == b'\'' {
            WORD
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Whether `w` in lower case is a stop word, without allocating for an ASCII word.
fn is_stopword_any_case(w: &str, ascii: bool) -> bool {
    if ascii {
        let mut buf = [0u8; 16];
        // Every stop word is shorter than the buffer.
        let Some(slot) = buf.get_mut(..w.len()) else { return false };
        slot.copy_from_slice(w.as_bytes());
        slot.make_ascii_lowercase();
        return is_stopword_bytes(slot);
    }
    is_stopword(&w.to_lowercase())
}

/// Calls to action and page-furniture phrases, as found on news sites generally.
const CTA: &[&str] = &[
    "sign in",
    "sign up",
    "log in",
    "login",
    "register",
    "subscribe",
    "subscription",
    "subscriber",
    "newsletter",
    "cookie",
    "cookies",
    "continue reading",
    "keep reading",
    "read more",
    "read full",
    "read the full",
    "full story",
    "more like this",
    "related articles",
    "related stories",
    "share this",
    "share on",
    "follow us",
    "click here",
    "free trial",
    "free access",
    "already have an account",
    "create an account",
    "my account",
    "privacy policy",
    "terms and conditions",
    "terms of use",
    "all rights reserved",
    "copyright",
    "©",
    "advertisement",
    "sponsored",
    "contact us",
    "enquiry",
    "apply now",
    "browse",
    "back to top",
    "skip to",
    "download the app",
    "comments are closed",
    "leave a comment",
    "view all",
    "see all",
    "job vacancies",
    "jobs board",
    "trial",
    "unlock",
];

/// Phrases that end the readable part of a paywalled article.
const GATE: &[&str] = &[
    "continue reading",
    "keep reading",
    "to read the full",
    "to read the rest",
    "to read more",
    "already have an account",
    "already a subscriber",
    "register now to",
    "subscribe now to",
    "subscribe to read",
    "register to read",
    "sign in to read",
    "log in to read",
    "this article is for subscribers",
    "the rest of this article",
];

/// All of a list of phrases, found in one pass.
struct Phrases(AhoCorasick);

impl Phrases {
    fn new(phrases: &[&str]) -> Self {
        assert!(phrases.len() <= 128, "`count` keeps a 128-bit set of phrases");
        // A DFA: one table lookup a byte, for blocks scanned whole.
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(phrases);
        Phrases(ac.expect("phrases build an automaton"))
    }

    /// How many of the phrases occur in `hay` as whole phrases (no letter or digit right
    /// before or after), in any case.
    fn count(&self, hay: &str) -> usize {
        // Most blocks hold none: one prefiltered search says so before the slower
        // overlapping one.
        if !self.0.is_match(hay) {
            return 0;
        }
        let mut seen = 0u128;
        for m in self.0.find_overlapping_iter(hay) {
            let before_ok = hay[..m.start()].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after_ok = hay[m.end()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok {
                seen |= 1 << m.pattern().as_usize().min(127);
            }
        }
        seen.count_ones() as usize
    }
}

static CTA_SET: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(CTA));
static GATE_SET: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(GATE));

fn classify(text: &str, blocks: &[Block], furniture: &Furniture) -> Vec<Class> {
    let feats: Vec<Features> = blocks.iter().map(|b| features(text, b)).collect();
    // An HTML page whose main content was found: inside it, only the hard signals (links,
    // markup, calls to action) make a block boilerplate; its shape does not.
    let located = blocks.iter().any(|b| b.outside);
    // 1. Context-free classes.
    let mut classes: Vec<Class> = blocks
        .iter()
        .zip(&feats)
        .map(|(b, f)| {
            let prose_long = f.chars >= 400 && f.stopword_density >= STOPWORDS_HIGH;
            if b.outside && b.kind != BlockKind::Title {
                return Class::Bad;
            }
            if b.chrome && (located || !prose_long) {
                return Class::Bad;
            }
            // Inside found content a sentence with several links (a news round-up) is text;
            // a block that is mostly links, or short and link-dense, is not.
            let prose = prose_long || (located && f.sentence && f.chars >= 60 && f.link_density <= 0.6);
            if f.link_density > MAX_LINK_DENSITY && !prose {
                return Class::Bad;
            }
            if f.label && b.kind != BlockKind::Title {
                return Class::Bad;
            }
            if f.gate || (f.cta > 0 && f.chars < 100) || (f.cta * 12 >= f.words.max(1) && f.cta > 0) {
                return Class::Bad;
            }
            if b.kind == BlockKind::Title || located {
                return Class::Good;
            }
            if f.chars < SHORT {
                return Class::Short;
            }
            if f.stopword_density >= STOPWORDS_HIGH {
                if f.chars >= LONG { Class::Good } else { Class::NearGood }
            } else if f.stopword_density >= STOPWORDS_LOW && f.chars >= LONG {
                Class::NearGood
            } else if f.sentence && f.words >= 8 {
                // Dense, factual sentences ("Profits at the firm fell 93% as costs rose.")
                // are typical of news leads: let the neighbours decide, as for short blocks.
                Class::Short
            } else {
                Class::Bad
            }
        })
        .collect();
    // A document always has an article: when no block is prose-like enough to be good
    // (a one-sentence record, a short note), the best remaining blocks are its text.
    let has_good = |c: &[Class]| c.iter().zip(blocks).any(|(c, b)| *c == Class::Good && b.kind != BlockKind::Title);
    if !has_good(&classes) {
        for from in [Class::NearGood, Class::Short] {
            for c in classes.iter_mut().filter(|c| **c == from) {
                *c = Class::Good;
            }
            if has_good(&classes) {
                break;
            }
        }
    }
    // Related-story teasers: cut off with an ellipsis and followed by a call to action.
    for i in 0..blocks.len() {
        if feats[i].teaser_cut {
            let next = (i + 1..blocks.len()).find(|&j| feats[j].chars > 0);
            if next.is_some_and(|j| feats[j].cta > 0 && feats[j].chars < 100) {
                classes[i] = Class::Bad;
            }
        }
    }
    // Repetition: furniture that is not prose. A repeated block that reads as a sentence
    // is more likely a syndicated paragraph than a menu, so it must lack closing
    // punctuation.
    for (i, b) in blocks.iter().enumerate() {
        let s = text[b.span.start..b.span.end].trim_end();
        let sentence_like = s.ends_with(['.', '!', '?', '"', '”', '’', ')']);
        if classes[i] != Class::Good && b.kind != BlockKind::Title && !sentence_like && furniture.contains(s) {
            classes[i] = Class::Bad;
        }
    }
    // Headings just before article text are kept (jusText's "good headings"). Text files
    // do not mark headings: there a short line without closing punctuation right before
    // a good block counts.
    let original = classes.clone();
    for i in 0..blocks.len() {
        if original[i] != Class::Short {
            continue;
        }
        let s = text[blocks[i].span.start..blocks[i].span.end].trim_end();
        if blocks[i].kind != BlockKind::Heading {
            // An unmarked heading: no closing punctuation, right before article text.
            if !s.ends_with(['.', '!', '?', ':', ';', ',', '|']) && original.get(i + 1) == Some(&Class::Good) {
                classes[i] = Class::NearGood;
            }
            continue;
        }
        let mut dist = 0;
        for j in i + 1..blocks.len() {
            if original[j] == Class::Good {
                classes[i] = Class::NearGood;
                break;
            }
            dist += feats[j].chars;
            if dist > 200 {
                break;
            }
        }
    }
    // 2. Context: short blocks, then near-good blocks, take their neighbours' class.
    let base = classes.clone();
    for i in 0..blocks.len() {
        if base[i] != Class::Short {
            continue;
        }
        let prev = neighbour(&base, i, -1, true);
        let next = neighbour(&base, i, 1, true);
        classes[i] = match (prev, next) {
            (Class::Good, Class::Good) => Class::Good,
            (Class::Bad, Class::Bad) => Class::Bad,
            _ => {
                let near_before = prev == Class::Bad && neighbour(&base, i, -1, false) == Class::NearGood;
                let near_after = next == Class::Bad && neighbour(&base, i, 1, false) == Class::NearGood;
                if near_before || near_after { Class::Good } else { Class::Bad }
            }
        };
    }
    for i in 0..blocks.len() {
        if classes[i] != Class::NearGood {
            continue;
        }
        let prev = neighbour(&classes, i, -1, true);
        let next = neighbour(&classes, i, 1, true);
        classes[i] = if prev == Class::Bad && next == Class::Bad { Class::Bad } else { Class::Good };
    }
    for (i, b) in blocks.iter().enumerate() {
        if b.kind == BlockKind::Title {
            classes[i] = Class::Good;
        }
    }
    // 3. Position: a paywall gate after article text ends the article.
    let mut seen_body = false;
    let mut gated = false;
    for i in 0..blocks.len() {
        if gated {
            classes[i] = Class::Bad;
            continue;
        }
        // In a page whose content was found, a prompt is a gate only with something to act
        // on (a link) or as furniture: a writer's "keep reading" is not.
        let actionable = !located || blocks[i].link_bytes > 0 || blocks[i].chrome;
        if feats[i].gate && actionable && seen_body {
            gated = true;
            classes[i] = Class::Bad;
            continue;
        }
        if classes[i] == Class::Good && blocks[i].kind != BlockKind::Title {
            seen_body = true;
        }
    }
    classes
}

/// The class of the nearest block before (`dir` −1) or after (+1) `i` that is not short
/// (and, with `skip_near_good`, not near-good either). The document edges count as bad.
fn neighbour(classes: &[Class], i: usize, dir: isize, skip_near_good: bool) -> Class {
    let mut j = i as isize + dir;
    while j >= 0 && (j as usize) < classes.len() {
        let c = classes[j as usize];
        if c != Class::Short && !(skip_near_good && c == Class::NearGood) {
            return c;
        }
        j += dir;
    }
    Class::Bad
}

/// A block known by its lower-cased words: the hash of its text normalised as dedup
/// normalises a document's (lower case, white space collapsed).
fn block_hash(text: &str) -> u64 {
    crate::dedup::normalised_hash(text) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Format, Span};

    /// What [`counts`] gives, counted the plain way: (chars, nonws, words, stop).
    fn counts_naive(s: &str) -> (usize, usize, usize, usize) {
        let words: Vec<&str> = s
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty() && !w.bytes().any(|b| b.is_ascii_digit()))
            .collect();
        let stop = words.iter().filter(|w| is_stopword(&w.to_lowercase())).count();
        let nonws: usize = s.chars().filter(|c| !c.is_whitespace()).map(char::len_utf8).sum();
        (s.chars().count(), nonws, words.len(), stop)
    }

    #[test]
    fn counts_agree_with_plain_counting() {
        let texts = [
            "",
            "The council's figures, published on Monday, show 4,000 children waiting.",
            "  Naïve CAFÉ\u{a0}prices rose ²3 times\tin\u{2003}Zürich’s old town\r\n",
            "rock'n'roll — it’s 10x the 2021-22 level; ÉCOLE İstanbul\u{1c}x",
            "\u{85}\u{2028}done.",
        ];
        for t in texts {
            let c = counts(t);
            assert_eq!((c.chars, c.nonws, c.words, c.stop), counts_naive(t), "{t:?}");
        }
    }

    /// The caption pattern as one regex over the whole block: what [`caption`] must agree with.
    fn caption_whole(s: &str) -> bool {
        regex::Regex::new(
            r"(?i)^(photo|image|picture|pic|credit)s?\s*:|\((photo|image|picture|pic|credit)s?\s*:[^)]*\)\s*$",
        )
        .unwrap()
        .is_match(s)
    }

    #[test]
    fn captions_open_or_close_a_block() {
        for (s, want) in [
            ("Photo: Jane Doe", true),
            ("pictures : agency", true),
            ("Protesters in the square (Image: Getty) ", true),
            ("Protesters (in the square) (Credit: PA)\n", true),
            ("Protesters (Image: Getty) in the square", false),
            ("The (pic: a (b) c) end)", false),
            ("The (pic: a (b c) end)", false),
            ("The (pic: a b c end)", true),
            ("A photo: of a cat", false),
            ("))", false),
            (")", false),
        ] {
            assert_eq!(caption(s), want, "{s:?}");
            assert_eq!(caption_whole(s), want, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn caption_agrees_with_one_regex_over_the_block(s in "[a-z (): \t\u{a0}]{0,12}((Photo|image|PICS|credit) ?:[a-z ()]{0,8}\\)?)?[ )\n]{0,3}") {
            proptest::prop_assert_eq!(caption(&s), caption_whole(&s));
        }

        #[test]
        fn counts_agree_with_plain_counting_on_any_text(s in "[a-zA-Z0-9 '’.,\t\n\u{a0}\u{2003}éÉİ²—-]{0,80}|\\PC{0,40}") {
            let c = counts(&s);
            proptest::prop_assert_eq!((c.chars, c.nonws, c.words, c.stop), counts_naive(&s));
        }
    }

    #[test]
    fn block_counts_agree_with_counting_words() {
        for s in [
            "",
            "The council's 4,000 places AND the Children’s Homes",
            "  Über THE café\u{a0}— of 12a and B2B, IT's   ",
            "Subscribe for £1",
        ] {
            let c = counts(s);
            assert_eq!((c.chars, c.nonws, c.words, c.stop), counts_naive(s), "{s:?}");
        }
    }

    fn article(text: &str, blocks: Vec<Block>) -> Article {
        Article::from_text("d", "p", Format::Txt, text.into(), blocks)
    }

    fn text_article(text: &str) -> Article {
        article(text, crate::parse::text_blocks(text))
    }

    fn flagged(a: &Article) -> Vec<(&str, bool)> {
        a.blocks.iter().map(|b| (&a.text[b.span.start..b.span.end], b.boilerplate)).collect()
    }

    const PROSE: &str = "The council said that the number of children who are in its care has risen for the third year in a row, and that it is now spending more than it can afford on placements for them, with no sign of relief.";

    #[test]
    fn gate_after_body_ends_the_article() {
        let text = format!(
            "Headline\n{PROSE}\nSubscribe now to continue reading this article\nJoin the 40,000 readers who get our briefing with news and analysis in their inbox every single morning of the week.\nAlready a subscriber? Sign in"
        );
        let a = clean(text_article(&text), &Furniture::default());
        let f = flagged(&a);
        assert!(!f[1].1, "{f:?}");
        assert!(f[2].1 && f[3].1 && f[4].1, "{f:?}");
    }

    #[test]
    fn captions_credits_and_lone_labels_are_boilerplate() {
        let body = "The council said that the number of children waiting for a placement had risen again this year.";
        let text = format!(
            "{body}\n\nCouncillors at the town hall in March (Image: Getty )\n\nAdvertisement\n\nPhoto: Jane Doe\n\n{body}"
        );
        let a = clean(text_article(&text), &Furniture::default());
        let flags = flagged(&a);
        assert_eq!(flags.iter().filter(|(_, bp)| *bp).count(), 3, "{flags:?}");
        assert!(!flags.first().unwrap().1 && !flags.last().unwrap().1, "{flags:?}");
    }

    #[test]
    fn an_advert_label_is_not_a_gate() {
        let body = "The council said that the number of children waiting for a placement had risen again this year.";
        let a = clean(
            text_article(&format!("{body}\n\nContinue reading below\n\n{body} It expects more.")),
            &Furniture::default(),
        );
        assert!(!a.blocks.last().unwrap().boilerplate, "{:?}", flagged(&a));
    }

    #[test]
    fn a_gate_before_any_article_text_does_not_end_it() {
        let text = format!("Subscribe now to continue reading\n{PROSE}");
        let a = clean(text_article(&text), &Furniture::default());
        assert!(a.blocks[0].boilerplate);
        assert!(!a.blocks[1].boilerplate);
    }

    #[test]
    fn menus_and_link_lists_are_boilerplate() {
        let text = format!("Home\nNews\nSport\nContact us\n{PROSE}\n{PROSE}\nPrivacy policy\nCookie settings");
        let a = clean(text_article(&text), &Furniture::default());
        let f = flagged(&a);
        assert!(f[1].1 && f[2].1 && f[3].1, "{f:?}");
        assert!(!f[4].1 && !f[5].1, "{f:?}");
        assert!(f[6].1 && f[7].1, "{f:?}");
    }

    #[test]
    fn short_subheading_between_paragraphs_stays() {
        let text = format!("{PROSE}\nWhat happens next\n{PROSE}");
        let a = clean(text_article(&text), &Furniture::default());
        assert!(a.blocks.iter().all(|b| !b.boilerplate), "{:?}", flagged(&a));
    }

    #[test]
    fn a_short_document_is_its_own_article() {
        let a = clean(text_article("Nearly 40% of councils overspent."), &Furniture::default());
        assert!(!a.blocks[0].boilerplate);
        let a = clean(
            text_article(
                "Sign in\nA short note of 120 characters or so, with a number or two in it, but no long paragraph.",
            ),
            &Furniture::default(),
        );
        assert!(a.blocks[0].boilerplate && !a.blocks[1].boilerplate, "{:?}", flagged(&a));
    }

    #[test]
    fn link_dense_blocks_are_boilerplate() {
        let text = format!("{PROSE}\nMore from our partners in the region and beyond the city");
        let mut blocks = crate::parse::text_blocks(&text);
        blocks[1].link_bytes = blocks[1].span.len();
        let a = clean(article(&text, blocks), &Furniture::default());
        assert!(a.blocks[1].boilerplate);
    }

    #[test]
    fn repeated_non_prose_blocks_are_furniture() {
        let mut a = text_article(&format!("{PROSE}\nOur site: news, jobs, events and more from the sector every day"));
        a.source_sha256 = "a".into();
        let mut b =
            text_article(&format!("{PROSE} Another.\nOur site: news, jobs, events and more from the sector every day"));
        b.source_sha256 = "b".into();
        let furniture = Furniture::from_articles([&a, &b]);
        let a = clean(a, &furniture);
        assert!(!a.blocks[0].boilerplate);
        assert!(a.blocks[1].boilerplate);
    }

    #[test]
    fn block_hash_ignores_case_and_spacing_but_not_word_breaks() {
        let h = block_hash("Our Site:  news,\tJOBS and ÉVÉNEMENTS ");
        assert_eq!(h, block_hash("our site: news, jobs\u{a0}and événements"));
        assert_ne!(h, block_hash("our site: news, jobsand événements"));
        assert_ne!(block_hash("ab c"), block_hash("a bc"));
        assert_ne!(block_hash("news"), block_hash("news news"));
    }

    #[test]
    fn repeated_sentences_are_not_furniture() {
        let lead = "Profits at the firm fell 12% as costs rose and sales slowed in the north.";
        let mut a = text_article(&format!("Title one\n{lead}\n{PROSE}"));
        a.source_sha256 = "a".into();
        let mut b = text_article(&format!("Title two\n{lead}\n{PROSE} Another sentence."));
        b.source_sha256 = "b".into();
        let furniture = Furniture::from_articles([&a, &b]);
        let a = clean(a, &furniture);
        assert!(!a.blocks[1].boilerplate, "{:?}", flagged(&a));
    }

    #[test]
    fn teaser_followed_by_read_more_is_boilerplate() {
        let text = format!(
            "{PROSE}\n{PROSE}\nAnother story about a school that opened a new library for pupils in the town centre this spring, and what it [...]\nRead Full Story"
        );
        let a = clean(text_article(&text), &Furniture::default());
        let f = flagged(&a);
        assert!(!f[0].1 && f[2].1 && f[3].1, "{f:?}");
        let _ = Span::default();
    }
}
