//! Claim context on short articles written for these tests (`tests/context/`): each rule
//! of subjects, units, places, periods, rates, attributions and document metadata.

use figtrace::model::{Claim, Dataset};

use crate::util::{doc, process, repo, surface};

fn dataset() -> Dataset {
    process(&[repo().join("tests/context")])
}

/// The claim whose surface is `surf` in the document of `file` (and record `id`, if given).
#[track_caller]
fn claim<'a>(d: &'a Dataset, file: &str, id: Option<&str>, surf: &str) -> &'a Claim {
    d.claims
        .iter()
        .find(|c| {
            let a = doc(d, c);
            a.source_path.ends_with(file) && (id.is_none() || a.external_id.as_deref() == id) && surface(d, c) == surf
        })
        .unwrap_or_else(|| panic!("no claim {surf:?} in {file} {id:?}"))
}

/// (subject, subject_key, unit, geography, period, per, attribution) of a claim.
type Ctx<'a> = (
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

fn ctx(c: &Claim) -> Ctx<'_> {
    (
        c.subject.as_deref(),
        c.subject_key.as_deref(),
        c.unit.as_deref(),
        c.geography,
        c.period.as_deref(),
        c.per,
        c.attribution.as_deref(),
    )
}

#[test]
fn subjects_units_and_keys() {
    let d = dataset();
    let f = "council.txt";
    // Money spent on something: the something.
    let c = claim(&d, f, None, "£12.5 million");
    assert_eq!(
        ctx(c),
        (
            Some("agency social workers"),
            Some("agency social worker"),
            Some("GBP"),
            Some("Kent"),
            Some("2023-24"),
            None,
            Some("Kent County Council")
        )
    );
    // "The number of children in care in Kent rose to 2,100 last year."
    let c = claim(&d, f, None, "2,100");
    assert_eq!(
        ctx(c),
        (Some("children in care"), Some("looked after child"), Some("child"), Some("Kent"), Some("2023"), None, None)
    );
    // "Of the 300 foster carers in the county, 40 left in March." (published 3 June 2024)
    let c = claim(&d, f, None, "40");
    assert_eq!(ctx(c), (Some("foster carers"), Some("foster carer"), Some("carer"), None, Some("2024-03"), None, None));
    // A phrase before the verb, with its place set apart.
    let c = claim(&d, f, None, "15%");
    assert_eq!(
        ctx(c),
        (Some("Waiting lists"), Some("waiting list"), Some("percent"), Some("Reading"), Some("2019/2023"), None, None)
    );
    // Synonyms share a key; a copula's complement joins the subject.
    let c = claim(&d, "feed.jsonl", Some("u1"), "110,000");
    assert_eq!(
        (c.subject.as_deref(), c.subject_key.as_deref()),
        (Some("children in care"), Some("looked after child"))
    );
    let c = claim(&d, "feed.jsonl", Some("u1"), "90,000");
    assert_eq!(c.subject_key.as_deref(), Some("looked after child"));
    let c = claim(&d, "feed.jsonl", Some("m1"), "1 in 4");
    assert_eq!(c.subject_key.as_deref(), Some("local authority"));
    // "a shortfall of £2.3bn"
    let c = claim(&d, "feed.jsonl", Some("m1"), "£2.3bn");
    assert_eq!(c.subject.as_deref(), Some("shortfall"));
}

#[test]
fn places() {
    let d = dataset();
    let geo = |id: &str, s: &str| claim(&d, "feed.jsonl", Some(id), s).geography;
    assert_eq!(geo("u1", "110,000"), Some("UK"));
    assert_eq!(geo("u1", "90,000"), Some("England and Wales"));
    assert_eq!(geo("u1", "95,000"), Some("Great Britain"));
    // "Nationally" in a document about Wales.
    assert_eq!(geo("w1", "2%"), Some("Wales"));
    // "Reading the figures, …" is no place; "in Reading" is.
    assert_eq!(claim(&d, "council.txt", None, "8").geography, None);
    // "the Bank of England" is not England; "in Manchester", "in Scotland".
    assert_eq!(claim(&d, "wire.txt", None, "61,000").geography, None);
    assert_eq!(claim(&d, "wire.txt", None, "3.1%").geography, Some("Manchester"));
    assert_eq!(claim(&d, "wire.txt", None, "£950").geography, Some("Scotland"));
}

#[test]
fn periods_and_rates() {
    let d = dataset();
    let per = |id: &str, s: &str| {
        let c = claim(&d, "feed.jsonl", Some(id), s);
        (c.period.as_deref(), c.per)
    };
    // Relative to published 2025-02-10.
    assert_eq!(per("w1", "4,500"), (Some("2024"), None));
    assert_eq!(per("w1", "600"), (Some("2025"), None));
    assert_eq!(per("w1", "3,000"), (Some("2015"), None));
    assert_eq!(per("m1", "35"), (Some("2024-12"), None));
    assert_eq!(per("m1", "12"), (Some("2025-02-09"), None));
    assert_eq!(per("u1", "95,000"), (Some("2021-22"), None));
    assert_eq!(per("u1", "14,000"), (None, Some("year")));
    let c = claim(&d, "council.txt", None, "25");
    assert_eq!((c.per, c.subject.as_deref()), (Some("week"), Some("new referrals")));
    let c = claim(&d, "wire.txt", None, "£950");
    assert_eq!((c.period.as_deref(), c.per), (Some("2024-03-31"), Some("month")));
    // No published date: "in May" stays unresolved.
    assert_eq!(claim(&d, "wire.txt", None, "61,000").period, None);
}

#[test]
fn attributions() {
    let d = dataset();
    // Quoted speech over two sentences, the speaker after the quote.
    assert_eq!(claim(&d, "council.txt", None, "25").attribution.as_deref(), Some("Sarah Hughes"));
    assert_eq!(claim(&d, "council.txt", None, "10").attribution.as_deref(), Some("Sarah Hughes"));
    assert_eq!(claim(&d, "wire.txt", None, "61,000").attribution.as_deref(), Some("the Bank of England"));
    assert_eq!(claim(&d, "wire.txt", None, "3.1%").attribution.as_deref(), Some("the Office for National Statistics"));
    assert_eq!(claim(&d, "feed.jsonl", Some("w1"), "600").attribution.as_deref(), Some("the Welsh Government"));
    assert_eq!(
        claim(&d, "feed.jsonl", Some("m1"), "£2.3bn").attribution.as_deref(),
        Some("the Local Government Association")
    );
    assert_eq!(claim(&d, "council.txt", None, "8").attribution, None);
}

#[test]
fn published_and_publisher_from_the_text() {
    let d = dataset();
    let meta = |file: &str| {
        let a = d.documents.iter().find(|a| a.source_path.ends_with(file)).unwrap();
        (a.published.as_deref(), a.publisher.as_deref())
    };
    assert_eq!(meta("council.txt"), (Some("2024-06-03"), Some("kentcarenews.org.uk")));
    // A wire dateline names the agency; a date inside a sentence is not the publication date.
    assert_eq!(meta("wire.txt"), (None, Some("Reuters")));
}
