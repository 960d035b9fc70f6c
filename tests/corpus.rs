//! The seed articles in `corpus/`: the claims the project started from, the numbers that
//! are not claims, the boilerplate, and a golden file of every claim.

use figtrace::model::{Bound, Kind};

use crate::util::{claims_in, process, repo, surface};

/// The corpus read as `corpus` (cargo runs tests in the package root), so paths in the
/// golden file are the ones a user sees.
fn corpus() -> figtrace::model::Dataset {
    assert_eq!(std::env::current_dir().unwrap(), repo());
    process(&[std::path::PathBuf::from("corpus")])
}

#[track_caller]
fn has(d: &figtrace::model::Dataset, file: &str, surf: &str, kind: Kind, value: f64, bound: Bound) -> usize {
    let found: Vec<_> = claims_in(d, file)
        .into_iter()
        .filter(|c| {
            surface(d, c) == surf
                && c.kind == kind
                && (c.value - value).abs() < 1e-9 * value.abs().max(1.0)
                && c.bound == bound
        })
        .collect();
    assert!(
        !found.is_empty(),
        "no claim {surf:?} {kind:?} {value} {bound:?} in {file}; claims there: {:?}",
        claims_in(d, file).iter().map(|c| (surface(d, c), c.kind, c.value, c.bound)).collect::<Vec<_>>()
    );
    found.len()
}

#[test]
fn the_seed_claims_are_found() {
    let d = corpus();
    let f0 = "000_4dc9a5f9ff095acf.txt";
    let f1 = "001_19eb950ed64aacb9.txt";
    let f2 = "002_89d5e1feb478e613.txt";
    let f3 = "003_c6ba47bd9ef9eb0f.txt";
    has(&d, f0, "12 million", Kind::Count, 12e6, Bound::Upper);
    has(&d, f0, "83,000", Kind::Count, 83_000.0, Bound::Exact);
    has(&d, f0, "one per cent", Kind::Percent, 1.0, Bound::Upper);
    has(&d, f0, "12,000", Kind::Count, 12_000.0, Bound::Approx);
    has(&d, f1, "108,000", Kind::Count, 108_000.0, Bound::Lower);
    has(&d, f1, "1 in 50", Kind::Ratio, 0.02, Bound::Exact);
    has(&d, f1, "5%", Kind::Percent, 5.0, Bound::Exact);
    has(&d, f1, "45", Kind::Count, 45.0, Bound::Exact);
    has(&d, f1, "118", Kind::Count, 118.0, Bound::Approx);
    has(&d, f1, "eight", Kind::Count, 8.0, Bound::Exact);
    has(&d, f1, "60,000", Kind::Count, 60_000.0, Bound::Exact);
    has(&d, f2, "78,000", Kind::Count, 78_000.0, Bound::Lower);
    assert_eq!(has(&d, f1, "40,000", Kind::Count, 40_000.0, Bound::Exact), 2);
    has(&d, f3, "40,000", Kind::Count, 40_000.0, Bound::Exact);
    has(&d, f3, "£800 million", Kind::Money, 8e8, Bound::Upper);
    let money = claims_in(&d, f3).into_iter().find(|c| c.kind == Kind::Money).unwrap();
    assert_eq!(money.currency, Some("GBP"));
    assert_eq!(money.high, Some(8e8));
}

/// The claim of `file` whose surface is `surf` (the first, if several).
#[track_caller]
fn claim<'a>(d: &'a figtrace::model::Dataset, file: &str, surf: &str) -> &'a figtrace::model::Claim {
    claims_in(d, file).into_iter().find(|c| surface(d, c) == surf).unwrap_or_else(|| panic!("no {surf:?} in {file}"))
}

#[test]
fn the_seed_claims_carry_their_context() {
    let d = corpus();
    let f0 = "000_4dc9a5f9ff095acf.txt";
    let f1 = "001_19eb950ed64aacb9.txt";
    let f2 = "002_89d5e1feb478e613.txt";
    let f3 = "003_c6ba47bd9ef9eb0f.txt";
    // "Of the nearly 12 million children living in England, 83,000 (…) are in care"
    let c = claim(&d, f0, "83,000");
    assert_eq!(c.subject.as_deref(), Some("children in care"));
    assert_eq!(c.subject_key.as_deref(), Some("looked after child"));
    assert_eq!((c.unit.as_deref(), c.geography), (Some("child"), Some("England")));
    let c = claim(&d, f0, "12 million");
    assert_eq!((c.subject.as_deref(), c.geography), (Some("children"), Some("England")));
    // "around 12,000 leave care every year"
    let c = claim(&d, f0, "12,000");
    assert_eq!((c.unit.as_deref(), c.per), (Some("child"), Some("year")));
    let c = claim(&d, f1, "108,000");
    assert_eq!((c.subject_key.as_deref(), c.geography), (Some("looked after child"), Some("UK")));
    let c = claim(&d, f1, "5%");
    assert_eq!(c.subject.as_deref(), Some("unaccompanied migrant children"));
    let c = claim(&d, f1, "45");
    assert_eq!(
        (c.subject.as_deref(), c.unit.as_deref(), c.geography),
        (Some("children’s homes"), Some("home"), Some("UK"))
    );
    let c = claim(&d, f1, "eight");
    assert_eq!(c.unit.as_deref(), Some("placement"));
    // "over 78,000 children are looked after by local authorities in England today, …" said the report.
    let c = claim(&d, f2, "78,000");
    assert_eq!(c.subject_key.as_deref(), Some("looked after child"));
    assert_eq!((c.geography, c.attribution.as_deref()), (Some("England"), Some("the report")));
    // "Directors of Children’s Services say there is a nearly £800 million shortfall"
    let c = claim(&d, f3, "£800 million");
    assert_eq!(c.subject.as_deref(), Some("shortfall"));
    assert_eq!(c.attribution.as_deref(), Some("Directors of Children’s Services"));
    assert_eq!(c.unit.as_deref(), Some("GBP"));
}

#[test]
fn the_same_figure_in_two_articles_is_one_figure() {
    let d = corpus();
    // "40,000 children in care …" and "40,000 of these children" (001), "40,000 care experienced children" (003).
    let forty: Vec<_> = d.claims.iter().filter(|c| c.value == 40_000.0 && !c.in_boilerplate).collect();
    assert_eq!(forty.len(), 3);
    assert!(forty.iter().all(|c| c.figure_id.is_some() && c.figure_id == forty[0].figure_id));
    let fig = d.figures.iter().find(|f| Some(&f.figure_id) == forty[0].figure_id.as_ref()).unwrap();
    assert_eq!(fig.n_documents, 2);
    assert_eq!(fig.status, figtrace::model::FigureStatus::Consistent);
    // 108,000 (UK) and 83,000 (England) are different figures.
    let f108 = &claim(&d, "001_19eb950ed64aacb9.txt", "108,000").figure_id;
    let f83 = &claim(&d, "000_4dc9a5f9ff095acf.txt", "83,000").figure_id;
    assert!(f108.is_some() && f83.is_some() && f108 != f83);
}

#[test]
fn years_dates_list_markers_and_names_are_not_claims() {
    let d = corpus();
    let surfaces: Vec<&str> = d.claims.iter().map(|c| surface(&d, c)).collect();
    for year in [2020.0, 2022.0, 2024.0, 1989.0, 19.0] {
        assert!(!d.claims.iter().any(|c| c.value == year), "{year} read as a claim: {surfaces:?}");
    }
    for s in ["1", "2", "3", "5", "12/1/2024", "12", "4SocialWork", "one", "19"] {
        assert!(!surfaces.contains(&s), "{s:?} read as a claim: {surfaces:?}");
    }
    // The only 4s are "4 ways" (a title) and "4 subscriber-only articles" (the paywall):
    // the list markers "4." and "4)" are not claims.
    let fours: Vec<_> = d.claims.iter().filter(|c| c.value == 4.0).map(|c| c.subject.clone()).collect();
    assert_eq!(fours.len(), 2, "{fours:?}");
    // "3 mins read" is page furniture; "two years ago" a time reference.
    assert!(!d.claims.iter().any(|c| c.value == 3.0 && c.kind == Kind::Quantity));
}

#[test]
fn numbers_in_paywall_and_subscription_blocks_are_boilerplate() {
    let d = corpus();
    let c0 = claims_in(&d, "000_4dc9a5f9ff095acf.txt");
    let flagged: Vec<&str> = c0.iter().filter(|c| c.in_boilerplate).map(|c| surface(&d, c)).collect();
    assert_eq!(flagged, ["60,000", "4"], "claims in boilerplate");
    for c in &c0 {
        if ["12 million", "83,000", "one per cent", "12,000"].contains(&surface(&d, c)) {
            assert!(!c.in_boilerplate, "{} flagged", surface(&d, c));
        }
    }
    // Article claims of the other seeds stay in the body.
    for c in d.claims.iter().filter(|c| !c.in_boilerplate) {
        assert!(!c.doc_id.is_empty());
    }
    assert_eq!(d.claims.iter().filter(|c| c.in_boilerplate).count(), 2);
}

#[test]
fn golden_claims_of_the_corpus() {
    let d = corpus();
    let actual = figtrace::dump::dump(figtrace::dump::Stage::Claims, &d, false).join("\n") + "\n";
    let path = repo().join("tests/golden/corpus.jsonl");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let exp: Vec<&str> = expected.lines().collect();
        let act: Vec<&str> = actual.lines().collect();
        let mut diff = String::new();
        for l in &exp {
            if !act.contains(l) {
                diff.push_str(&format!("- {l}\n"));
            }
        }
        for l in &act {
            if !exp.contains(l) {
                diff.push_str(&format!("+ {l}\n"));
            }
        }
        panic!("claims differ from {} (BLESS=1 cargo test to accept):\n{diff}", path.display());
    }
}
