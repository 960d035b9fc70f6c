//! Context: the [`Mention`]s of an article's sentences → [`Claim`]s with what is
//! counted, where, when, and who says so.
//!
//! * `subject` and, for counts, `unit` ([`subject`]): the noun phrase counted or
//!   measured, with elliptical counts taking an earlier phrase of their sentence;
//!   `subject_key` ([`key`]): its normalised form with the sector's synonyms.
//! * `geography` ([`place`]): the place named in the sentence nearest the number.
//! * `period` and `per` ([`period`]): the time nearest the number, relative times
//!   resolved against the document's `published` date; the rate after the number, or
//!   opening the sentence.
//! * `attribution` ([`attribution`]): who the sentence says states it; for quoted speech,
//!   the speaker wherever the quote names one.
//!
//! Each field is null rather than guessed. The sentence's words are split once
//! ([`words`]) and every rule reads them.

mod attribution;
mod gazetteer;
mod key;
mod period;
mod place;
mod subject;
mod words;

pub use key::normalise;
pub use period::{Date, month_number};

use sha2::{Digest, Sha256};

use crate::model::{Article, Claim, Kind, Mention, Sentence, Span};
use period::Period;
use place::{NATIONAL, Place};
use subject::{Np, Target};
use words::Words;

/// The claims of a document: `mentions[i]` are the mentions of `sentences[i]`.
pub fn claims_of_document(article: &Article, sentences: &[Sentence], mentions: &[Vec<Mention>]) -> Vec<Claim> {
    let published = article.published.as_deref().and_then(Date::parse);
    let quotes = Quotes::new(article, sentences);
    let mut claims = Vec::new();
    let mut named = Vec::new();
    for (i, (s, ms)) in sentences.iter().zip(mentions).enumerate() {
        if ms.is_empty() {
            continue;
        }
        let text = &article.text[s.span.start..s.span.end];
        let ctx = SentenceContext::new(text, ms, published);
        named.extend(ctx.places.iter().map(|p| p.name));
        let said = ctx.attribution.clone().or_else(|| quotes.speaker(article, sentences, i));
        claims.extend(ctx.claims(article, *s, ms, said));
    }
    // "nationally": the one nation the document names, if it names one.
    if claims.iter().any(|c| c.geography == Some(NATIONAL)) {
        let title = article.title.as_deref().map(Words::new);
        let title_places = title.as_ref().map(place::places).unwrap_or_default();
        let nation = place::document_nation(named.into_iter().chain(title_places.iter().map(|p| p.name)));
        for c in claims.iter_mut().filter(|c| c.geography == Some(NATIONAL)) {
            c.geography = nation;
        }
    }
    claims
}

/// Whether a capitalised word is a place, a month or a day rather than a name that says
/// which company, body or person a sentence is about.
pub fn is_place_or_time_word(w: &str) -> bool {
    is_place_or_time_word_lower(w, &w.to_lowercase())
}

/// [`is_place_or_time_word`] for a caller that has the word's lower case already.
pub fn is_place_or_time_word_lower(w: &str, lower: &str) -> bool {
    place::is_place_word(w)
        || month_number(lower).is_some()
        || matches!(lower, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "today")
}

/// `c-` and 16 hex digits of SHA-256 over the document id and the byte span.
pub fn claim_id(doc_id: &str, span: Span) -> String {
    // The digest of "{doc_id}\u{1f}{start}\u{1f}{end}", fed in pieces (one per claim: no
    // formatted key, no full hex digest).
    let mut h = Sha256::new();
    let mut digits = [0u8; 20];
    h.update(doc_id.as_bytes());
    h.update([0x1f]);
    h.update(decimal(span.start, &mut digits));
    h.update([0x1f]);
    h.update(decimal(span.end, &mut digits));
    let d = h.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&d[..8]);
    crate::keys::claim_id(u64::from_be_bytes(first))
}

/// `n` in decimal, written at the end of `buf`.
fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[at..];
        }
    }
}

/// What a sentence says around its numbers.
struct SentenceContext<'a> {
    words: Words<'a>,
    /// Each mention's words `from..to`.
    spans: Vec<(usize, usize)>,
    places: Vec<Place>,
    periods: Vec<Period>,
    attribution: Option<String>,
    /// A rate opening the sentence ("Each year, …") applies to all its numbers.
    opening_rate: Option<&'static str>,
}

impl<'a> SentenceContext<'a> {
    fn new(text: &'a str, mentions: &[Mention], published: Option<Date>) -> Self {
        let words = Words::new(text);
        let spans: Vec<(usize, usize)> = mentions
            .iter()
            .map(|m| {
                let from = words.first_from(m.span.start);
                (from, words.first_from(m.span.end).max(from))
            })
            .collect();
        let in_mention = |i: usize| spans.iter().any(|&(a, b)| (a..b).contains(&i));
        let places = place::places(&words);
        let periods = period::periods(&words, published, in_mention);
        let attribution = attribution::attribution(&words);
        // "Each year, …", "Every week around …" (not "Weekly volume …").
        let opening_rate = matches!(words.lw(0), "each" | "every").then(|| period::rate(&words, 0, 1)).flatten();
        SentenceContext { words, spans, places, periods, attribution, opening_rate }
    }

    fn blocked(&self, i: usize) -> bool {
        self.spans.iter().any(|&(a, b)| (a..b).contains(&i))
            || self.places.iter().any(|p| (p.from..p.to).contains(&i))
            || self.periods.iter().any(|p| (p.from..p.to).contains(&i))
    }

    fn claims(&self, article: &Article, sentence: Sentence, mentions: &[Mention], said: Option<String>) -> Vec<Claim> {
        let ids: Vec<String> =
            mentions.iter().map(|m| claim_id(&article.doc_id, m.span.shift(sentence.span.start))).collect();
        let in_boilerplate = article.blocks[sentence.block].boilerplate;
        let blocked = |i: usize| self.blocked(i);
        let mut antecedent: Option<Np> = None;
        let mut out = Vec::with_capacity(mentions.len());
        let mut prev_subject: Option<subject::Subject> = None;
        for (i, m) in mentions.iter().enumerate() {
            let (from, to) = self.spans[i];
            let target = Target { kind: m.kind, value: m.value, from, to, start: m.span.start, end: m.span.end };
            let is_place = |i: usize| self.places.iter().any(|p| (p.from..p.to).contains(&i));
            let mut found = subject::subject(&self.words, &target, antecedent, &blocked, &is_place);
            // "Revs 27.7 mln vs 19.4 mln": the second figure is of the same thing.
            if found.is_none() && matches!(self.words.lw(from.wrapping_sub(1)), "vs" | "versus" | "against") {
                found = prev_subject.clone();
            }
            prev_subject = found.clone();
            if m.kind == Kind::Count
                && let Some(np) = found.as_ref().and_then(|s| s.np)
            {
                antecedent = Some(np);
            }
            let subject_key = found.as_ref().map(key_of).filter(|k| !k.is_empty());
            let unit = match m.kind {
                Kind::Count => found.as_ref().map(|s| s.head.clone()).filter(|h| !h.is_empty()).or_else(|| {
                    // "rose 64 points to 4,577": a level after "to" or "at" is in the unit of
                    // the quantity before it.
                    let before = self.words.lw(from.wrapping_sub(1));
                    (found.is_none() && matches!(before, "to" | "at"))
                        .then(|| mentions[..i].iter().rev().find(|p| p.kind == Kind::Quantity).and_then(|p| p.unit))
                        .flatten()
                        .map(str::to_owned)
                }),
                Kind::Money => m.currency.map(str::to_owned),
                _ => m.unit.map(str::to_owned),
            };
            let next_from = self.spans.get(i + 1).map_or(self.words.len(), |s| s.0);
            let per = m.per.or_else(|| period::rate(&self.words, to, next_from)).or(self.opening_rate);
            out.push(Claim {
                claim_id: ids[i].clone(),
                doc_id: article.doc_id.clone(),
                span: m.span.shift(sentence.span.start),
                sentence: sentence.span,
                kind: m.kind,
                value: m.value,
                low: m.low,
                high: m.high,
                bound: m.bound,
                unit,
                currency: m.currency,
                change: m.change,
                from_claim_id: m.from.map(|j| ids[j].clone()),
                subject: found.map(|s| s.text),
                subject_key,
                geography: place::nearest(&self.places, from, to).map(|p| p.name),
                period: nearest(&self.periods, |p| (p.from, p.to), from, to).map(|p| p.value.clone()),
                per,
                attribution: said.clone(),
                in_boilerplate,
                duplicate_of: None,
                figure_id: None,
                rule: m.rule,
            });
        }
        out
    }
}

/// The subject's key; a phrase opening the sentence loses its capital first ("Rents" is
/// rents, while "Rhys" inside a sentence stays a name).
fn key_of(s: &subject::Subject) -> String {
    let mut chars = s.text.chars();
    match chars.next() {
        Some(c) if s.from == 0 && c.is_uppercase() => normalise(&format!("{}{}", c.to_lowercase(), chars.as_str())),
        _ => normalise(&s.text),
    }
}

/// The item nearest words `from..to` (ties to the later one).
fn nearest<T>(items: &[T], span: impl Fn(&T) -> (usize, usize), from: usize, to: usize) -> Option<&T> {
    items.iter().min_by_key(|x| {
        let (a, b) = span(x);
        if b <= from {
            2 * (from - b) + 1
        } else if a >= to {
            2 * (a - to)
        } else {
            0
        }
    })
}

/// Quoted speech across the sentences of a block: for each sentence, whether it starts
/// or ends inside a quotation.
struct Quotes {
    /// Per sentence: (inside a quote at its start, inside a quote at its end).
    state: Vec<(bool, bool)>,
}

impl Quotes {
    fn new(article: &Article, sentences: &[Sentence]) -> Self {
        let mut state = Vec::with_capacity(sentences.len());
        let mut inside = false;
        let mut block = usize::MAX;
        for s in sentences {
            if s.block != block {
                block = s.block;
                inside = false;
            }
            let start = inside;
            // Only '"' and the lead byte of '“' and '”' (E2 80 9C, E2 80 9D) are looked at.
            let text = &article.text.as_bytes()[s.span.start..s.span.end];
            for at in memchr::memchr2_iter(b'"', 0xE2, text) {
                match text[at..] {
                    [b'"', ..] => inside = !inside,
                    [0xE2, 0x80, 0x9C, ..] => inside = true,
                    [0xE2, 0x80, 0x9D, ..] => inside = false,
                    _ => {}
                }
            }
            state.push((start, inside));
        }
        Quotes { state }
    }

    /// The speaker of the quotation sentence `i` belongs to, named in another sentence of
    /// it ("“… 5% …” … ”, said Jane Smith.") or just before it ("Jane Smith said: “…").
    fn speaker(&self, article: &Article, sentences: &[Sentence], i: usize) -> Option<String> {
        let quoted = |k: usize| self.state[k].0 || self.state[k].1;
        if !quoted(i) {
            return None;
        }
        let block = sentences[i].block;
        let same_block = |k: usize| sentences[k].block == block;
        // The quotation's first sentence and its last.
        let mut first = i;
        while first > 0 && self.state[first].0 && same_block(first - 1) {
            first -= 1;
        }
        let mut last = i;
        while last + 1 < sentences.len() && self.state[last].1 && same_block(last + 1) && last - i < 6 {
            last += 1;
        }
        let said = |k: usize| {
            let s = sentences[k];
            attribution::attribution(&Words::new(&article.text[s.span.start..s.span.end]))
        };
        // After the quote, then in it, then the sentence that opens it ("X said:").
        let order = (i + 1..=last).chain((first..i).rev());
        for k in order {
            if let Some(a) = said(k) {
                return Some(a);
            }
        }
        if first > 0 && same_block(first - 1) {
            let s = sentences[first - 1];
            if article.text[s.span.start..s.span.end].trim_end().ends_with(':') {
                return said(first - 1);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, BlockKind, Format};

    #[test]
    fn claim_ids_hash_the_document_and_the_span() {
        for (doc, span) in [("d-0123456789abcdef", Span::new(0, 7)), ("d-x", Span::new(1_234_567, 10_000_000_000))] {
            let key = format!("{doc}\u{1f}{}\u{1f}{}", span.start, span.end);
            let expected = format!("c-{}", &crate::ingest::sha256_hex(key.as_bytes())[..16]);
            assert_eq!(claim_id(doc, span), expected);
        }
    }

    fn article(text: &str, published: Option<&str>) -> Article {
        let block = Block {
            outside: false,
            span: Span::new(0, text.len()),
            kind: BlockKind::Paragraph,
            link_bytes: 0,
            chrome: false,
            boilerplate: false,
        };
        Article {
            published: published.map(str::to_owned),
            ..Article::from_text("d", "t.txt", Format::Txt, text.to_owned(), vec![block])
        }
    }

    fn claims(text: &str, published: Option<&str>) -> Vec<Claim> {
        let a = article(text, published);
        let sentences = crate::segment::segment(&a);
        let mentions: Vec<Vec<Mention>> =
            sentences.iter().map(|s| crate::extract::extract(&a.text[s.span.start..s.span.end])).collect();
        claims_of_document(&a, &sentences, &mentions)
    }

    #[test]
    fn quoted_speech_takes_its_speaker_from_another_sentence() {
        let c =
            claims("“We saw 300 families last winter. It is 40 more than before,” said Ann Lee. Later 5 left.", None);
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].attribution.as_deref(), Some("Ann Lee"));
        assert_eq!(c[1].attribution.as_deref(), Some("Ann Lee"));
        assert_eq!(c[2].attribution, None);
    }

    #[test]
    fn quotes_are_followed_across_sentences() {
        for (text, want) in [
            (
                "“We saw 300. It is 40 more,” she said. Later 5 left.",
                vec![(false, true), (true, false), (false, false)],
            ),
            (
                "\"We saw 300. It is 40 more,\" she said. Later 5 left.",
                vec![(false, true), (true, false), (false, false)],
            ),
            ("Costs — “about £5m” — rose. Then “more. Much more.", vec![(false, false), (false, true), (true, true)]),
        ] {
            let a = article(text, None);
            let sentences = crate::segment::segment(&a);
            assert_eq!(Quotes::new(&a, &sentences).state, want, "{text}");
        }
    }

    #[test]
    fn nationally_is_the_documents_one_nation() {
        let c = claims("In Wales 300 homes shut. Nationally, 4% of homes shut.", None);
        assert_eq!(c[1].geography, Some("Wales"));
        let c = claims("In Wales 300 homes shut, and in Kent 20. Scotland lost 8. Nationally, 4% shut.", None);
        assert_eq!(c.last().unwrap().geography, None);
    }

    #[test]
    fn a_figure_after_vs_is_of_the_same_thing() {
        let c = claims("Revs 27.7 mln vs 19.4 mln", None);
        assert_eq!(c[1].subject.as_deref(), Some("Revs"));
    }

    #[test]
    fn relative_periods_use_the_published_date() {
        let c = claims("Last year 300 homes shut.", Some("2024-05-14"));
        assert_eq!(c[0].period.as_deref(), Some("2023"));
        let c = claims("Last year 300 homes shut.", None);
        assert_eq!(c[0].period, None);
    }
}
