//! Segment: an [`Article`]'s blocks → [`Sentence`]s.
//!
//! Rules, not a model: a sentence ends at `.`, `!`, `?` or `…` (with any closing
//! quotes and brackets) followed by whitespace and then something that can start a
//! sentence. It does not end after an abbreviation (`Mr.`, `No.`, `e.g.`, `U.K.`), an
//! initial (`J. Smith`), inside a number (`£1.5m`), or after a list marker (`1.` or
//! `2)` opening the sentence). Sentences never cross blocks.
//!
//! Invariant: sentence spans are trimmed, non-empty, inside their block, in order.

use crate::model::{Article, Sentence, Span};

/// All sentences of all blocks, in text order.
pub fn segment(article: &Article) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (i, block) in article.blocks.iter().enumerate() {
        for span in split_sentences(&article.text[block.span.start..block.span.end]) {
            out.push(Sentence { span: span.shift(block.span.start), block: i });
        }
    }
    out
}

/// Sentence spans (byte offsets into `text`).
pub fn split_sentences(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // The next byte that may end a sentence: `.`, `!`, `?`, or 0xE2 (which starts `…`),
    // found by memchr (none of them is ever inside a multi-byte character).
    let mut next_e2 = memchr::memchr(0xE2, b).unwrap_or(b.len());
    while i < b.len() {
        if next_e2 < i {
            next_e2 = memchr::memchr(0xE2, &b[i..]).map_or(b.len(), |p| i + p);
        }
        let stop = memchr::memchr3(b'.', b'!', b'?', &b[i..next_e2.max(i)]).map_or(next_e2, |p| i + p);
        if stop >= b.len() {
            break;
        }
        i = stop;
        let c = b[i];
        let (is_end, len) = match c {
            b'.' | b'!' | b'?' => (true, 1),
            0xE2 if text[i..].starts_with('…') => (true, '…'.len_utf8()),
            _ => (false, 1),
        };
        if !is_end {
            i += 1;
            continue;
        }
        // Absorb runs of terminators and closing quotes or brackets: `?!`, `."`, `.)`.
        let mut j = i + len;
        while j < b.len() {
            let rest = &text[j..];
            let ch = rest.chars().next().unwrap_or(' ');
            if matches!(ch, '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
                j += ch.len_utf8();
            } else {
                break;
            }
        }
        if j >= b.len() {
            break;
        }
        let next_ch = text[j..].chars().next().unwrap_or('x');
        if !next_ch.is_whitespace() {
            i = j;
            continue;
        }
        // The first thing after the whitespace.
        let after = text[j..].trim_start();
        let k = b.len() - after.len();
        let Some(first) = after.chars().next() else {
            break;
        };
        let starts_sentence = first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '•' | '–' | '—' | '-' | '*' | '£' | '$' | '€');
        if !starts_sentence || (c == b'.' && !ends_sentence_at_period(&text[start..i], first)) {
            i = j;
            continue;
        }
        push_trimmed(text, start, j, &mut out);
        start = k;
        i = k;
    }
    push_trimmed(text, start, b.len(), &mut out);
    out
}

/// Longest sentence, in bytes. Longer runs without a sentence end (a table flattened to
/// one line, a file of numbers) are cut at white space: each claim carries its sentence,
/// and per-claim work over a sentence must not grow with the document.
pub const MAX_SENTENCE: usize = 2000;

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let mut start = start;
    while end - start > MAX_SENTENCE {
        // The last white space in the second half of the allowance, else the first after it.
        let window = &text[start..end];
        let mut cut = MAX_SENTENCE;
        while !window.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut half = MAX_SENTENCE / 2;
        while !window.is_char_boundary(half) {
            half -= 1;
        }
        let at = window[half..cut]
            .rfind(char::is_whitespace)
            .map(|k| half + k)
            .or_else(|| window[cut..].find(char::is_whitespace).map(|k| cut + k));
        let Some(at) = at.filter(|&a| a > 0) else { break };
        let span = crate::parse::trim_span(text, Span::new(start, start + at));
        if !span.is_empty() {
            out.push(span);
        }
        start += at;
    }
    let span = crate::parse::trim_span(text, Span::new(start, end));
    if !span.is_empty() {
        out.push(span);
    }
}

/// Does a period after `before` (the sentence so far) end the sentence, given the first
/// character after the whitespace that follows it?
fn ends_sentence_at_period(before: &str, next: char) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“').next().unwrap_or("");
    if word.is_empty() {
        return true;
    }
    // A list marker opening the sentence: "1." or "a." alone so far.
    if before.trim() == word && (word.chars().all(|c| c.is_ascii_digit()) && word.len() <= 2 || word.len() == 1) {
        return false;
    }
    // An initial: "J." (one capital letter).
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return false;
    }
    // Abbreviations with inner periods: "U.K", "e.g", "a.m" (not amounts: "2.5", "£1.5bn").
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)) {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    // "No. 10", "Nos. 3": only before a number.
    if matches!(lower.as_str(), "no" | "nos") {
        return !next.is_ascii_digit();
    }
    !is_abbreviation(&lower)
}

fn is_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "st"
            | "vs"
            | "etc"
            | "approx"
            | "est"
            | "gen"
            | "gov"
            | "sen"
            | "rep"
            | "rev"
            | "hon"
            | "capt"
            | "col"
            | "lt"
            | "sgt"
            | "jr"
            | "sr"
            | "co"
            | "corp"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "fig"
            | "vol"
            | "pp"
            | "cf"
            | "al"
            | "ca"
            | "c"
            | "para"
            | "art"
            | "sec"
            | "cllr"
            | "supt"
            | "insp"
            | "det"
            | "mt"
            | "ft"
            | "dept"
            | "univ"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn overlong_runs_are_cut_at_white_space() {
        let run = "1234 ".repeat(2000);
        let spans = split_sentences(&run);
        assert!(spans.len() >= 5, "{}", spans.len());
        for s in &spans {
            assert!(s.len() <= MAX_SENTENCE);
            let piece = &run[s.start..s.end];
            assert!(piece.starts_with('1') && piece.ends_with('4'), "{piece:?}");
        }
        // Multi-byte text is cut on character boundaries.
        let accents = "é".repeat(1500) + " " + &"ü".repeat(1500);
        assert_eq!(split_sentences(&accents).len(), 2);
        // Nothing lost: the pieces hold every number.
        let numbers: usize = spans.iter().map(|s| run[s.start..s.end].split_whitespace().count()).sum();
        assert_eq!(numbers, 2000);
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(split("One here. Two here! Three? Four."), ["One here.", "Two here!", "Three?", "Four."]);
    }

    #[test]
    fn an_ellipsis_among_other_three_byte_characters_ends_a_sentence() {
        // Curly quotes and dashes start with the same byte as `…` (0xE2): the scan for
        // sentence ends passes over them and still finds the ellipsis and the periods.
        assert_eq!(
            split("He said “wait” – then… Nothing came. “Why?” she asked… ‘Later.’ Done"),
            ["He said “wait” – then…", "Nothing came.", "“Why?” she asked…", "‘Later.’", "Done"]
        );
        assert_eq!(split("…"), ["…"]);
        assert_eq!(split("“”… Then. Now"), ["“”…", "Then.", "Now"]);
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones at No. 10 and J. Bloggs, e.g. at 5 p.m. today. It cost £1.5m."),
            ["Mr. Smith met Dr. Jones at No. 10 and J. Bloggs, e.g. at 5 p.m. today.", "It cost £1.5m."]
        );
        assert_eq!(split("Growth in the U.K. Economy slowed."), ["Growth in the U.K. Economy slowed."]);
        // An amount before the period is no abbreviation.
        assert_eq!(split("Inflation was 2.5. Prices rose 3%."), ["Inflation was 2.5.", "Prices rose 3%."]);
        assert_eq!(split("Profits hit £1.5bn. The firm grew."), ["Profits hit £1.5bn.", "The firm grew."]);
    }

    #[test]
    fn list_markers_open_a_sentence() {
        assert_eq!(
            split("What do we do? 1. We work with 400 families. 2. We run 45 homes."),
            ["What do we do?", "1. We work with 400 families.", "2. We run 45 homes."]
        );
    }

    #[test]
    fn a_number_ending_a_sentence_still_ends_it() {
        assert_eq!(split("The total rose to 2. Then it fell."), ["The total rose to 2.", "Then it fell."]);
    }

    #[test]
    fn quotes_close_with_the_sentence() {
        assert_eq!(split("He said “no.” Then he left."), ["He said “no.”", "Then he left."]);
    }

    #[test]
    fn lower_case_after_a_period_does_not_split() {
        assert_eq!(split("It is approx. five miles."), ["It is approx. five miles."]);
    }
}
