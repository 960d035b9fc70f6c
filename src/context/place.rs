//! `geography`: places named in a sentence, from the gazetteer, and the one a claim
//! belongs to.
//!
//! Deliberate cases: "across the UK" and "UK-wide" are the UK; nations listed together
//! are combined ("England and Wales"; England, Wales and Scotland → Great Britain; all
//! four → UK); "worldwide", "globally", "around the world" → World; "nationally" and
//! "nationwide" are the one nation the document names at nation level, and null when it
//! names none or several. Names that are also ordinary words ("Reading", "Sutton") count
//! only after a place preposition or before "Council".

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::gazetteer::TABLE;
use super::words::Words;

/// One gazetteer entry.
struct Entry {
    words: Vec<&'static str>,
    canonical: Option<&'static str>,
    ambiguous: bool,
}

/// Entries by their first word, longest first.
static GAZETTEER: LazyLock<HashMap<&'static str, Vec<Entry>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<Entry>> = HashMap::default();
    for line in TABLE.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.split('|');
        let name = parts.next().unwrap_or_default();
        let canonical = parts.next().filter(|c| !c.is_empty()).unwrap_or(name);
        let flags = parts.next().unwrap_or_default();
        let words: Vec<&'static str> =
            name.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
        let entry =
            Entry { canonical: (!flags.contains('x')).then_some(canonical), ambiguous: flags.contains('a'), words };
        map.entry(entry.words[0]).or_default().push(entry);
    }
    for entries in map.values_mut() {
        entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
    }
    map
});

/// Whether `w` (as written) starts a place name of the gazetteer.
pub fn is_place_word(w: &str) -> bool {
    GAZETTEER.contains_key(w)
}

/// A place named in a sentence: word span and canonical name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub from: usize,
    pub to: usize,
    pub name: &'static str,
}

/// Nations at the level "nationally" can refer to.
pub fn is_nation(name: &str) -> bool {
    matches!(name, "UK" | "England" | "Wales" | "Scotland" | "Northern Ireland" | "Great Britain" | "England and Wales")
        || COUNTRY_LEVEL.contains(&name)
}

const COUNTRY_LEVEL: &[&str] = &["United States", "Ireland", "France", "Germany", "Canada", "Australia"];

fn place_preposition(w: &str) -> bool {
    matches!(w, "in" | "across" | "throughout" | "from" | "at" | "around" | "within" | "outside")
}

/// The places named in `w`, in order, nation lists combined.
pub fn places(w: &Words) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    let mut i = 0;
    while i < w.len() {
        // Every name in the gazetteer starts with a capital: most words need no lookup.
        let Some(entries) = w.cap(i).then(|| GAZETTEER.get(w.text(i))).flatten() else {
            if let Some(p) = phrase_place(w, i) {
                i = p.to;
                out.push(p);
            } else {
                i += 1;
            }
            continue;
        };
        let hit = entries.iter().find(|e| e.words.iter().enumerate().all(|(k, x)| w.text(i + k) == *x));
        let Some(e) = hit else {
            i += 1;
            continue;
        };
        let to = i + e.words.len();
        // "US$5": a currency, not a place; "United Steelworkers of America": a name.
        let dollar = w.w.get(to - 1).is_some_and(|x| w.text[x.end..].starts_with('$'))
            || (e.words == ["America"] && i >= 2 && w.is(i - 1, "of") && w.cap(i - 2));
        // "Norfolk Southern", "London Interbank Offered Rate": a place opening a name.
        let after_preposition = (i > 0 && place_preposition(w.lw(i - 1)))
            || (i > 1 && w.is(i - 1, "the") && place_preposition(w.lw(i - 2)));
        let in_name = !after_preposition
            && w.cap(to)
            && !w.punct_before(to)
            && !matches!(w.lw(to), "council" | "borough" | "county" | "city" | "and")
            && !GAZETTEER.contains_key(w.text(to))
            && !w.has_digit(to);
        let ambiguous_ok = !e.ambiguous
            || (i > 0 && place_preposition(w.lw(i - 1)) && !w.punct_before(i))
            || matches!(w.lw(to), "council" | "borough" | "county" | "city");
        match e.canonical {
            Some(name) if !dollar && !in_name && ambiguous_ok => out.push(Place { from: i, to, name }),
            _ => {}
        }
        i = to;
    }
    combine_nations(w, out)
}

/// "across the UK", "UK-wide", "nationwide", "worldwide", "globally".
fn phrase_place(w: &Words, i: usize) -> Option<Place> {
    let name = match w.lw(i) {
        "uk-wide" => "UK",
        "worldwide" | "globally" => "World",
        "nationally" | "nationwide" => NATIONAL,
        "world"
            if matches!(w.lw(i.wrapping_sub(1)), "the") && matches!(w.lw(i.wrapping_sub(2)), "around" | "across") =>
        {
            "World"
        }
        _ => return None,
    };
    Some(Place { from: i, to: i + 1, name })
}

/// Stands for the document's nation until [`resolve_national`] replaces it.
pub const NATIONAL: &str = "\u{0}national";

/// "England, Wales and Scotland" → Great Britain; "England and Wales" is in the gazetteer.
fn combine_nations(w: &Words, places: Vec<Place>) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    for p in places {
        if let Some(last) = out.last_mut()
            && matches!(p.from - last.to, 0 | 1)
            && (p.from == last.to || w.is(last.to, "and"))
            && let Some(joined) = join(last.name, p.name)
        {
            *last = Place { from: last.from, to: p.to, name: joined };
            continue;
        }
        out.push(p);
    }
    out
}

fn join(a: &str, b: &str) -> Option<&'static str> {
    let parts = |n: &str| -> Vec<&'static str> {
        match n {
            "England" => vec!["England"],
            "Wales" => vec!["Wales"],
            "Scotland" => vec!["Scotland"],
            "Northern Ireland" => vec!["Northern Ireland"],
            "England and Wales" => vec!["England", "Wales"],
            "Great Britain" => vec!["England", "Scotland", "Wales"],
            _ => vec![],
        }
    };
    let (pa, pb) = (parts(a), parts(b));
    if pa.is_empty() || pb.is_empty() {
        return None;
    }
    let mut all = [pa, pb].concat();
    all.sort_unstable();
    all.dedup();
    Some(match all.as_slice() {
        ["England", "Wales"] => "England and Wales",
        ["England", "Scotland", "Wales"] => "Great Britain",
        ["England", "Northern Ireland", "Scotland", "Wales"] => "UK",
        _ => return None,
    })
}

/// The one nation a document names, for "nationally": the nation-level places of its
/// claims' sentences and title, if they are all the same.
pub fn document_nation<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    let mut found: Option<&'static str> = None;
    for n in names {
        if !is_nation(n) {
            continue;
        }
        let canonical = CANONICAL_NATIONS.iter().find(|c| **c == n).copied()?;
        match found {
            None => found = Some(canonical),
            Some(f) if f == canonical => {}
            Some(_) => return None,
        }
    }
    found
}

const CANONICAL_NATIONS: &[&str] = &[
    "UK",
    "England",
    "Wales",
    "Scotland",
    "Northern Ireland",
    "Great Britain",
    "England and Wales",
    "United States",
    "Ireland",
    "France",
    "Germany",
    "Canada",
    "Australia",
];

/// The place a claim at words `from..to` belongs to: the nearest, by words, in its
/// sentence (ties to the later one, which usually qualifies the number: "83,000 in
/// England").
pub fn nearest(places: &[Place], from: usize, to: usize) -> Option<&Place> {
    places.iter().min_by_key(|p| {
        if p.to <= from {
            2 * (from - p.to) + 1
        } else if p.from >= to {
            2 * (p.from - to)
        } else {
            0
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_gazetteer_name_starts_with_a_capital() {
        // `places` looks up only capitalised words.
        let lower: Vec<&&str> =
            GAZETTEER.keys().filter(|k| !k.chars().next().is_some_and(char::is_uppercase)).collect();
        assert!(lower.is_empty(), "{lower:?}");
    }

    fn names(s: &str) -> Vec<&'static str> {
        places(&Words::new(s)).into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn gazetteer_names_and_blockers() {
        assert_eq!(names("Across the UK and in England and Wales, plus US$5 spent"), ["UK", "England and Wales"]);
        assert_eq!(names("The Bank of England said prices in Kent rose."), ["Kent"]);
        assert_eq!(
            names("Councils in Stoke-on-Trent and Newcastle upon Tyne"),
            ["Stoke-on-Trent", "Newcastle upon Tyne"]
        );
        assert_eq!(names("Sydney is in New South Wales."), ["Sydney", "New South Wales"]);
        // A place opening a name is not a place; after a place word it still is.
        assert_eq!(names("Norfolk Southern said 40 trains ran."), Vec::<&str>::new());
        assert_eq!(names("We run 45 homes across the UK Children come first."), ["UK"]);
    }

    #[test]
    fn ambiguous_names_need_a_place_word() {
        assert_eq!(names("Reading the report, 40 children were seen."), Vec::<&str>::new());
        assert_eq!(names("In Reading, 40 children were seen."), ["Reading"]);
        assert_eq!(names("Sutton Council spent £4m."), ["Sutton"]);
        assert_eq!(names("Mr Sutton said 4 were hurt."), Vec::<&str>::new());
    }

    #[test]
    fn nations_listed_together_combine() {
        assert_eq!(names("Across England, Wales and Scotland 9,000 waited."), ["Great Britain"]);
        assert_eq!(names("In England, Wales, Scotland and Northern Ireland"), ["UK"]);
        assert_eq!(names("In Wales and England"), ["England and Wales"]);
        assert_eq!(names("In England and France"), ["England", "France"]);
    }

    #[test]
    fn phrases() {
        assert_eq!(names("Prices rose 3% UK-wide."), ["UK"]);
        assert_eq!(names("Sales fell 2% around the world."), ["World"]);
        assert_eq!(names("Nationally, 4% left."), [NATIONAL]);
        assert_eq!(document_nation(["England", "Kent", "England"]), Some("England"));
        assert_eq!(document_nation(["England", "Wales"]), None);
        assert_eq!(document_nation(["Kent"]), None);
    }
}
