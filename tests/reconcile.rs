//! Dedup and reconciliation on short articles written for these tests
//! (`tests/reconcile/`): a syndicated copy under other furniture, a copy cut short, a rounded restatement,
//! a revision, the same subject in other words, another year, another place, and the same
//! number meaning something else.

use figtrace::model::{Claim, Dataset, DocStatus, FigureStatus};

use crate::util::{claims_in, doc, process, repo, surface};

fn dataset() -> Dataset {
    process(&[repo().join("tests/reconcile")])
}

#[track_caller]
fn claim<'a>(d: &'a Dataset, file: &str, surf: &str) -> &'a Claim {
    claims_in(d, file).into_iter().find(|c| surface(d, c) == surf).unwrap_or_else(|| panic!("no {surf:?} in {file}"))
}

#[test]
fn a_syndicated_copy_is_a_duplicate_and_keeps_its_claims() {
    let d = dataset();
    let press = d.documents.iter().find(|a| a.source_path.ends_with("press.txt")).unwrap();
    let copy = d.documents.iter().find(|a| a.source_path.ends_with("copy.html")).unwrap();
    // The press release is dated, so it is the canonical document.
    assert_eq!(press.status, DocStatus::Ok);
    assert_eq!((copy.status, copy.duplicate_of.as_deref()), (DocStatus::Duplicate, Some(press.doc_id.as_str())));
    let copied = claims_in(&d, "copy.html");
    assert_eq!(copied.len(), 5);
    for c in copied {
        let original = d.claims.iter().find(|o| Some(&o.claim_id) == c.duplicate_of.as_ref()).expect("linked");
        assert_eq!(doc(&d, original).doc_id, press.doc_id);
        assert_eq!(surface(&d, original), surface(&d, c));
        assert_eq!(original.figure_id, c.figure_id);
    }
    // A copy cut short after two sentences, under another headline, is a duplicate too.
    let teaser = d.documents.iter().find(|a| a.source_path.ends_with("teaser.txt")).unwrap();
    assert_eq!((teaser.status, teaser.duplicate_of.as_deref()), (DocStatus::Duplicate, Some(press.doc_id.as_str())));
    // A figure repeated inside the press release points at its first statement.
    let repeats: Vec<&Claim> = claims_in(&d, "press.txt").into_iter().filter(|c| surface(&d, c) == "72,670").collect();
    assert_eq!(repeats.len(), 2);
    assert_eq!(repeats[1].duplicate_of.as_ref(), Some(&repeats[0].claim_id));
}

#[test]
fn restatements_agree_and_a_revision_conflicts() {
    let d = dataset();
    let original = claim(&d, "press.txt", "72,670");
    let fig = d.figures.iter().find(|f| Some(&f.figure_id) == original.figure_id.as_ref()).unwrap();
    let in_fig = |c: &Claim| fig.claim_ids.contains(&c.claim_id);
    // Rounded ("Around 73,000"), in other words ("Looked-after children … numbered"), and the copy.
    assert!(in_fig(claim(&d, "rounded.txt", "73,000")));
    assert!(in_fig(claim(&d, "otherwords.txt", "72,670")));
    assert!(in_fig(claim(&d, "copy.html", "72,670")));
    // A revision of the same quantity (same subject, place and period) disagrees.
    let revised = claim(&d, "revised.txt", "72,590");
    assert!(in_fig(revised));
    assert_eq!(fig.status, FigureStatus::Conflicting);
    assert_eq!(fig.conflicting_claim_ids, vec![revised.claim_id.clone()]);
    assert_eq!((fig.value_min, fig.value_max), (72_590.0, 73_000.0));
    assert_eq!(fig.n_documents, 6);
    // Another year is a series, another place another figure.
    assert!(!in_fig(claim(&d, "series.txt", "70,440")));
    assert!(!in_fig(claim(&d, "wales.txt", "7,210")));
}

#[test]
fn the_same_number_with_another_meaning_stays_apart() {
    let d = dataset();
    let fifty: Vec<&Claim> = claims_in(&d, "meaning.txt");
    assert_eq!(fifty.len(), 2);
    assert_ne!(fifty[0].figure_id, fifty[1].figure_id);
    // A figure stated by the release and its copy has two sources.
    let carers = claim(&d, "press.txt", "1,240");
    let fig = d.figures.iter().find(|f| Some(&f.figure_id) == carers.figure_id.as_ref()).unwrap();
    assert_eq!((fig.status, fig.n_documents, fig.n_publishers), (FigureStatus::Consistent, 2, 2));
}

#[test]
fn a_conflict_needs_one_quantity_that_sources_disagree_on() {
    let d = dataset();
    let figure_of = |file: &str, surf: &str| {
        let c = claim(&d, file, surf);
        d.figures.iter().find(|f| Some(&f.figure_id) == c.figure_id.as_ref()).expect("a figure")
    };
    // The same wording on two days with another number: a balance counted down, a series.
    let march = figure_of("weekly-march.txt", "17,500 tonnes");
    let april = figure_of("weekly-april.txt", "16,250 tonnes");
    // Two firms named in the sentences, each one the other does not name.
    let northwind = figure_of("rival-northwind.txt", "12,194 tonnes");
    let harbour = figure_of("rival-harbour.txt", "12,861 tonnes");
    // Values nine times apart are two quantities, not a revision.
    let gold = figure_of("metal-gold.txt", "24,490 ounces");
    let silver = figure_of("metal-silver.txt", "229,520 ounces");
    for (a, b) in [(march, april), (northwind, harbour), (gold, silver)] {
        assert_ne!(a.figure_id, b.figure_id);
        assert_eq!((a.status, b.status), (FigureStatus::Single, FigureStatus::Single));
    }
}

#[test]
fn precise_values_one_unit_apart_do_not_agree() {
    let d = dataset();
    let a = claim(&d, "bond-treasury.txt", "£374 million");
    let b = claim(&d, "bond-wire.txt", "£375 million");
    let fig = d.figures.iter().find(|f| Some(&f.figure_id) == a.figure_id.as_ref()).unwrap();
    // Either two figures or one conflicting figure: never a consistent one.
    assert!(a.figure_id != b.figure_id || fig.status == FigureStatus::Conflicting, "{fig:?}");
    assert_ne!(fig.status, FigureStatus::Consistent);
}

#[test]
fn sentences_that_name_nobody_are_about_their_titles() {
    let d = dataset();
    // "The company said …" under two titles naming two firms: two figures, not one.
    let alder = claim(&d, "firm-alder.txt", "£12.48 million");
    let birch = claim(&d, "firm-birch.txt", "£12.48 million");
    assert_ne!(alder.figure_id, birch.figure_id);
}
