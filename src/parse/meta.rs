//! `published` and `publisher` from a document's own text, for documents whose markup or
//! record does not give them: a date in the title or in a short line near the top
//! ("Published 14 May 2024", "12/1/2024"), a wire dateline ("LONDON, May 14 (Reuters)
//! -"), a `Source:` line or a copyright line ("© 2024 Community Care").

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Article, BlockKind};

const MONTHS: &str = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix)
        \b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m1>{MONTHS})[a-z]*\.?,?\s+(?P<y1>(?:19|20)\d\d)\b
      | \b(?P<m2>{MONTHS})[a-z]*\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)\b
      | \b(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?:\b|T)
      | (?:^|[^\d/])(?P<d4>[0-3]?\d)/(?P<m4>[01]?\d)/(?P<y4>(?:19|20)\d\d)\b"
    ))
    .expect("valid regex")
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z][A-Za-z .'-]{1,40},?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+\((?P<agency>Reuters|AP|AFP|PA|Bloomberg)\)",
    )
    .expect("valid regex")
});

/// The agencies of [`DATELINE`], as it writes them.
const AGENCIES: [&str; 5] = ["(Reuters)", "(AP)", "(AFP)", "(PA)", "(Bloomberg)"];

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s+)?(?P<who>[A-Z][\w&'’ .-]{1,60}?)\s*(?:Ltd\.?|Limited|plc|Inc\.?)?\s*(?:\d{4})?\s*(?:[.,;|]|All rights|$)")
        .expect("valid regex")
});

/// A date written in `s` as ISO 8601 (`2024-01-12`); slashed dates are read day first.
pub fn find_date(s: &str) -> Option<String> {
    // Every form has a year, 19xx or 20xx: most lines have none, and the captures run a
    // backtracker.
    let year = |w: &[u8]| matches!(&w[..2], b"19" | b"20") && w[2].is_ascii_digit() && w[3].is_ascii_digit();
    if !s.as_bytes().windows(4).any(year) {
        return None;
    }
    let c = DATE.captures(s)?;
    let (d, m, y) = if let Some(y) = c.name("y1") {
        (&c["d1"], month(&c["m1"])?, y.as_str())
    } else if let Some(y) = c.name("y2") {
        (&c["d2"], month(&c["m2"])?, y.as_str())
    } else if let Some(y) = c.name("y3") {
        (&c["d3"], c["m3"].parse().ok()?, y.as_str())
    } else {
        (&c["d4"], c["m4"].parse().ok()?, &c["y4"])
    };
    let d: u32 = d.parse().ok()?;
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then(|| format!("{y}-{m:02}-{d:02}"))
}

fn month(m: &str) -> Option<u32> {
    crate::context::month_number(&m.to_ascii_lowercase()[..3.min(m.len())])
}

/// Fills `published` and `publisher` from the text where they are still unknown.
pub fn from_text(article: &mut Article) {
    if article.published.is_none() {
        article.published = published(article);
    }
    if article.publisher.is_none() {
        article.publisher = publisher(article);
    }
}

/// The title, then short lines among the first blocks ("Published 14 May 2024").
fn published(article: &Article) -> Option<String> {
    if let Some(d) = article.title.as_deref().and_then(find_date) {
        return Some(d);
    }
    article.blocks.iter().take(6).find_map(|b| {
        let s = &article.text[b.span.start..b.span.end];
        let head = &s[..floor_char_boundary(s, 120)];
        let date = find_date(head)?;
        let labelled = ["Published", "Updated", "Posted", "Date:", "Last updated"].iter().any(|l| s.contains(l));
        // A line that is little more than a date ("Tuesday 14 May 2024 | 09:30"), not a
        // sentence that mentions one.
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        (labelled || b.kind == BlockKind::Title || letters <= 24).then_some(date)
    })
}

/// The largest char boundary of `s` at or before byte `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    (0..=s.len().min(at)).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

fn publisher(article: &Article) -> Option<String> {
    // A wire dateline opening the text.
    for b in article.blocks.iter().take(4) {
        // A dateline is short and starts the block. These regexes are too big for the
        // regex crate's DFAs (Unicode classes, counted repetitions), so each call runs a
        // backtracker that first clears a table the size of pattern times haystack: only
        // a block holding an agency's name in brackets is tried.
        let s = &article.text[b.span.start..b.span.end];
        let s = &s[..floor_char_boundary(s, 160)];
        if !AGENCIES.iter().any(|a| s.contains(a)) {
            continue;
        }
        if let Some(c) = DATELINE.captures(s) {
            return Some(c["agency"].to_owned());
        }
    }
    // A copyright line among the last blocks.
    article.blocks.iter().rev().take(6).find_map(|b| {
        let s = &article.text[b.span.start..b.span.end];
        if s.chars().count() > 160 || !["©", "(c)", "Copyright"].iter().any(|m| s.contains(m)) {
            return None;
        }
        let who = COPYRIGHT.captures(s)?.name("who")?.as_str().trim().trim_end_matches(['.', ',']).to_owned();
        (!who.is_empty() && !who.eq_ignore_ascii_case("all rights reserved")).then_some(who)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_text() {
        assert_eq!(find_date("Published: 14 May 2024 09:30").as_deref(), Some("2024-05-14"));
        assert_eq!(find_date("Tuesday, March 5th, 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(find_date("ways we support children in care12/1/2024").as_deref(), Some("2024-01-12"));
        assert_eq!(find_date("Updated 2023-11-30T10:00Z").as_deref(), Some("2023-11-30"));
        assert_eq!(find_date("In 2024 it rose").as_deref(), None);
        assert_eq!(find_date("Published: 14 May 24, 09:30").as_deref(), None);
        assert_eq!(find_date("14 May 1999").as_deref(), Some("1999-05-14"));
        assert_eq!(find_date("Scores were 3/4/5").as_deref(), None);
    }

    #[test]
    fn publisher_from_a_dateline_or_a_copyright_line() {
        let publisher_of = |text: &str| {
            let raw = crate::model::RawDoc::new("a.txt", None, crate::model::Format::Txt, text.as_bytes().to_vec());
            crate::parse::parse(&raw).publisher
        };
        let wire = "Steel output rose\n\nSHEFFIELD, June 3 (Reuters) - Output rose 4 pct in May.";
        assert_eq!(publisher_of(wire).as_deref(), Some("Reuters"));
        let signed = "Fostering up\n\nThe council found 120 new carers.\n\n© 2025 Valley Gazette Ltd";
        assert_eq!(publisher_of(signed).as_deref(), Some("Valley Gazette"));
        let plain = "Fostering up\n\nThe council (Reuters) found 120 new carers, it said on June 3.";
        assert_eq!(publisher_of(plain), None);
    }

    #[test]
    fn datelines_and_copyright() {
        assert_eq!(
            DATELINE.captures("LONDON, May 14 (Reuters) - Shares fell").map(|c| c["agency"].to_owned()).as_deref(),
            Some("Reuters")
        );
        let who = |s: &str| COPYRIGHT.captures(s).map(|c| c["who"].trim().to_owned());
        assert_eq!(who("© 2024 Care Weekly Ltd. All rights reserved").as_deref(), Some("Care Weekly"));
        assert_eq!(who("Copyright © Northern Echo 2023").as_deref(), Some("Northern Echo"));
    }
}
