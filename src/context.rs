//! Context: [`Mention`]s of a sentence → [`Claim`]s with what, where, when and who.
//!
//! * `subject`: the noun phrase after the number ("45 children’s homes", "5% of
//!   councils"), `subject_key` its normalised form (lower case, singular, function
//!   words out) and, for counts, `unit` its head noun ("home").
//! * `geography`: the place named in the sentence nearest the number (UK nations and
//!   regions, large cities, countries); null when none is named.
//! * `period`: the year, financial year, month or date nearest the number; `per`: a
//!   rate ("every year", "a week") stated right after the number, or opening the
//!   sentence for its first number.
//! * `attribution`: "according to X", "X said", "said X".
//!
//! These are simple rules meant to be deepened; each field is null rather than guessed.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::is_stopword;
use crate::ingest::sha256_hex;
use crate::model::{Article, Claim, Kind, Mention, Sentence, Span};

/// Claims for the mentions of one sentence, in order. `from` links between mentions
/// become `from_claim_id`s.
pub fn claims_for_sentence(article: &Article, sentence: Sentence, mentions: &[Mention]) -> Vec<Claim> {
    let text = &article.text[sentence.span.start..sentence.span.end];
    let in_boilerplate = article.blocks[sentence.block].boilerplate;
    let ids: Vec<String> =
        mentions.iter().map(|m| claim_id(&article.doc_id, m.span.shift(sentence.span.start))).collect();
    let attribution = attribution(text);
    let places = places(text);
    let periods = periods(text);
    mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let next_start = mentions.get(i + 1).map_or(text.len(), |n| n.span.start);
            let subject = subject_after(text, m);
            let subject_key = subject.as_deref().map(normalise).filter(|k| !k.is_empty());
            let unit = match m.kind {
                Kind::Count => subject_key.as_deref().and_then(|k| k.rsplit(' ').next()).map(str::to_owned),
                Kind::Money => m.currency.map(str::to_owned),
                _ => m.unit.map(str::to_owned),
            };
            Claim {
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
                subject,
                subject_key,
                geography: nearest(&places, m.span).map(|p| p.1),
                period: nearest(&periods, m.span).map(|p| p.1.clone()),
                per: m.per.or_else(|| per_rate(text, m.span.end, next_start, i == 0)),
                attribution: attribution.clone(),
                in_boilerplate,
                duplicate_of: None,
                figure_id: None,
                rule: m.rule,
            }
        })
        .collect()
}

/// `c-` and 16 hex digits of SHA-256 over the document id and the byte span.
pub fn claim_id(doc_id: &str, span: Span) -> String {
    let key = format!("{doc_id}\u{1f}{}\u{1f}{}", span.start, span.end);
    format!("c-{}", &sha256_hex(key.as_bytes())[..16])
}

/// Verbs that commonly follow a count and end its noun phrase ("12,000 leave care").
fn is_common_verb(w: &str) -> bool {
    matches!(
        w,
        "leave"
            | "left"
            | "enter"
            | "entered"
            | "live"
            | "lived"
            | "die"
            | "died"
            | "face"
            | "faced"
            | "receive"
            | "received"
            | "need"
            | "needed"
            | "work"
            | "worked"
            | "spend"
            | "spent"
            | "get"
            | "got"
            | "go"
            | "went"
            | "come"
            | "came"
            | "use"
            | "used"
            | "remain"
            | "remained"
            | "wait"
            | "waited"
            | "return"
            | "returned"
            | "live in"
            | "attend"
            | "attended"
            | "took"
            | "take"
            | "make"
            | "made"
            | "lost"
            | "saw"
            | "see"
            | "joined"
            | "join"
            | "stayed"
            | "moved"
            | "applied"
            | "reported"
            | "signed"
            | "voted"
            | "won"
            | "fell"
            | "rose"
            | "increased"
            | "decreased"
            | "grew"
            | "dropped"
    )
}

/// The noun phrase right after the number: up to four content words, through "of" and a
/// determiner ("5% of the councils" → "councils").
fn subject_after(text: &str, m: &Mention) -> Option<String> {
    let rest = &text[m.span.end..];
    let mut words = Vec::new();
    let mut iter = word_iter(rest).peekable();
    if let Some(&(w, _)) = iter.peek()
        && w.eq_ignore_ascii_case("of")
    {
        iter.next();
        if let Some(&(d, _)) = iter.peek()
            && matches!(
                d.to_lowercase().as_str(),
                "the" | "these" | "those" | "all" | "its" | "their" | "our" | "his" | "her"
            )
        {
            iter.next();
        }
    }
    for (w, punct_before) in iter {
        if punct_before && !words.is_empty() {
            break;
        }
        let lw = w.to_lowercase();
        let base = lw.split(['\'', '’']).next().unwrap_or("");
        if is_stopword(&lw)
            || (base != lw && is_stopword(base))
            || is_common_verb(&lw)
            || w.chars().any(|c| c.is_ascii_digit())
        {
            break;
        }
        if !words.is_empty() && (lw.ends_with("ing") || w.chars().next().is_some_and(char::is_uppercase)) {
            break;
        }
        if punct_before {
            break;
        }
        words.push(w);
        // A plural noun ends the phrase: "councils overspent", "pupils attended".
        if words.len() == 4 || is_plural(&lw) {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

fn is_plural(w: &str) -> bool {
    matches!(w, "children" | "people" | "men" | "women")
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && !w.ends_with("’s"))
}

/// Words of `s` with a flag: punctuation (other than spaces) came before the word.
fn word_iter(s: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &s[pos..];
        let skip = rest.char_indices().find(|&(_, c)| c.is_alphanumeric()).map(|(i, _)| i)?;
        let punct = rest[..skip].chars().any(|c| !c.is_whitespace());
        let word_start = pos + skip;
        let word_len = s[word_start..]
            .char_indices()
            .find(|&(i, c)| {
                !(c.is_alphanumeric()
                    || ((c == '\'' || c == '’' || c == '-')
                        && s[word_start + i + c.len_utf8()..].starts_with(char::is_alphanumeric)))
            })
            .map_or(s.len() - word_start, |(i, _)| i);
        pos = word_start + word_len;
        Some((&s[word_start..pos], punct))
    })
}

/// Lower case, possessives and function words out, each word singular.
pub fn normalise(subject: &str) -> String {
    let mut out = Vec::new();
    for w in subject.split_whitespace() {
        let w = w.to_lowercase();
        let w = w.trim_end_matches("’s").trim_end_matches("'s").trim_end_matches('’').trim_end_matches('\'');
        if w.is_empty() || is_stopword(w) {
            continue;
        }
        out.push(singular(w));
    }
    out.join(" ")
}

fn singular(w: &str) -> String {
    match w {
        "children" => return "child".into(),
        "people" => return "person".into(),
        "men" => return "man".into(),
        "women" => return "woman".into(),
        "series" | "species" | "news" | "means" | "data" => return w.into(),
        _ => {}
    }
    if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return format!("{stem}y");
    }
    // "viruses", "buses"; "fishermen", "chairmen".
    if let Some(stem) = w.strip_suffix("uses").filter(|s| !s.is_empty()) {
        return format!("{stem}us");
    }
    if let Some(stem) = w.strip_suffix("men").filter(|s| s.len() >= 3)
        && !matches!(w, "specimen" | "regimen" | "abdomen" | "acumen" | "stamen")
    {
        return format!("{stem}man");
    }
    for suffix in ["sses", "shes", "ches", "xes"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            return format!("{stem}{}", &suffix[..suffix.len() - 2]);
        }
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_owned();
    }
    w.to_owned()
}

/// Places recognised in sentences, as written → canonical name. Longer names first, so
/// "England and Wales" wins over "England".
const PLACES_TABLE: &[(&str, &str)] = &[
    ("England and Wales", "England and Wales"),
    ("England", "England"),
    ("Wales", "Wales"),
    ("Scotland", "Scotland"),
    ("Northern Ireland", "Northern Ireland"),
    ("Great Britain", "Great Britain"),
    ("Britain", "Great Britain"),
    ("GB", "Great Britain"),
    ("United Kingdom", "UK"),
    ("UK", "UK"),
    ("U.K.", "UK"),
    ("London", "London"),
    ("Birmingham", "Birmingham"),
    ("Manchester", "Manchester"),
    ("Leeds", "Leeds"),
    ("Liverpool", "Liverpool"),
    ("Bristol", "Bristol"),
    ("Sheffield", "Sheffield"),
    ("Newcastle", "Newcastle"),
    ("Nottingham", "Nottingham"),
    ("Leicester", "Leicester"),
    ("Glasgow", "Glasgow"),
    ("Edinburgh", "Edinburgh"),
    ("Cardiff", "Cardiff"),
    ("Belfast", "Belfast"),
    ("Ireland", "Ireland"),
    ("United States", "United States"),
    ("US", "United States"),
    ("U.S.", "United States"),
    ("America", "United States"),
    ("Canada", "Canada"),
    ("Australia", "Australia"),
    ("New Zealand", "New Zealand"),
    ("France", "France"),
    ("Germany", "Germany"),
    ("Italy", "Italy"),
    ("Spain", "Spain"),
    ("China", "China"),
    ("Japan", "Japan"),
    ("India", "India"),
    ("Russia", "Russia"),
    ("Brazil", "Brazil"),
    ("European Union", "European Union"),
    ("EU", "European Union"),
];

static PLACES: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives: Vec<String> = PLACES_TABLE.iter().map(|(name, _)| regex::escape(name)).collect();
    Regex::new(&format!(r"\b(?:{})(?:\b|$)", alternatives.join("|"))).expect("valid regex")
});

/// Places named in `text`: (byte span, canonical name).
fn places(text: &str) -> Vec<(Span, &'static str)> {
    PLACES
        .find_iter(text)
        .filter(|m| !text[m.end()..].starts_with('$'))
        .filter_map(|m| {
            let canonical = PLACES_TABLE.iter().find(|(name, _)| *name == m.as_str())?.1;
            Some((Span::new(m.start(), m.end()), canonical))
        })
        .collect()
}

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+)?
        (?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+
        (?P<my>(?:18|19|20)\d\d)\b
      | \b(?P<y1>(?:18|19|20)\d\d)(?:\s*[-–/]\s*(?P<y2>\d\d(?:\d\d)?))?\b",
    )
    .expect("valid regex")
});

/// Periods named in `text`: (byte span, `2022` / `2021-22` / `2023-03` / `2023-03-31`).
fn periods(text: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    for c in PERIOD.captures_iter(text) {
        let whole = c.get(0).expect("group 0 always matches");
        let span = Span::new(whole.start(), whole.end());
        if let Some(month) = c.name("month") {
            let m = month_number(month.as_str());
            let y = &c["my"];
            let value =
                match c.name("day").and_then(|d| d.as_str().parse::<u32>().ok()).filter(|d| (1..=31).contains(d)) {
                    Some(d) => format!("{y}-{m:02}-{d:02}"),
                    None => format!("{y}-{m:02}"),
                };
            out.push((span, value));
        } else if let Some(y1) = c.name("y1") {
            let value = match c.name("y2") {
                Some(y2) => {
                    let y1n: u32 = y1.as_str().parse().unwrap_or(0);
                    let y2s = y2.as_str();
                    let y2n: u32 = if y2s.len() == 2 {
                        y1n / 100 * 100 + y2s.parse::<u32>().unwrap_or(0)
                    } else {
                        y2s.parse().unwrap_or(0)
                    };
                    if y2n == y1n + 1 || (y2s.len() == 2 && y2n + 100 == y1n + 1) {
                        format!("{}-{:02}", y1n, (y1n + 1) % 100)
                    } else {
                        continue;
                    }
                }
                None => y1.as_str().to_owned(),
            };
            out.push((span, value));
        }
    }
    out
}

fn month_number(m: &str) -> u32 {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS.iter().position(|x| *x == m).map_or(0, |i| i as u32 + 1)
}

/// The item whose span is nearest `span` (ties go to the earlier one).
fn nearest<T>(items: &[(Span, T)], span: Span) -> Option<&(Span, T)> {
    items
        .iter()
        .filter(|(s, _)| s.end <= span.start || s.start >= span.end)
        .min_by_key(|(s, _)| if s.end <= span.start { span.start - s.end } else { s.start - span.end })
}

static PER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:every|each|a|per|an)\s+(?P<unit>year|month|week|day)\b|per\s+annum\b|(?P<adv>annually|yearly|monthly|weekly|daily)\b)",
    )
    .expect("valid regex")
});

/// A rate stated between the number and the next one ("12,000 leave care every year"),
/// or opening the sentence for its first number ("Each year, 60,000 children…").
fn per_rate(text: &str, from: usize, to: usize, first: bool) -> Option<&'static str> {
    let pick = |m: regex::Captures| -> &'static str {
        let w = m.name("unit").or(m.name("adv")).map_or("year", |x| x.as_str()).to_ascii_lowercase();
        match w.as_str() {
            "month" | "monthly" => "month",
            "week" | "weekly" => "week",
            "day" | "daily" => "day",
            _ => "year",
        }
    };
    if let Some(c) = PER.captures(&text[from..to.max(from)]) {
        return Some(pick(c));
    }
    if first && let Some(c) = PER.captures(text) {
        let at = c.get(0).map_or(usize::MAX, |m| m.start());
        if at < from && text[..at].split_whitespace().count() <= 1 {
            return Some(pick(c));
        }
    }
    None
}

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"[A-Z][\w’'&.\-]*(?:\s+(?:of|for|and|the|on|&)\s+[A-Z][\w’'&.\-]*|\s+[A-Z][\w’'&.\-]*)*";
    let verbs = r"say|says|said|warned|warns|warn|claims|claimed|estimates|estimated|found|finds|reported|reports|revealed|show|shows|showed";
    Regex::new(&format!(
        r"(?x)
        according\s+to\s+(?P<a>(?:the\s+)?{name})
      | (?P<b>{name}|[Tt]he\s+[a-z]+(?:\s+[a-z]+)?)\s+(?:{verbs})\b
      | \b(?:said|says|according\s+to)\s+(?P<c>the\s+[a-z]+(?:\s+[a-z]+)?|{name})"
    ))
    .expect("valid regex")
});

/// Who states the sentence's figures, if the sentence says.
fn attribution(text: &str) -> Option<String> {
    let c = ATTRIBUTION.captures(text)?;
    let who = c.name("a").or(c.name("b")).or(c.name("c"))?.as_str().trim().trim_end_matches('.');
    let first = who.split_whitespace().next().unwrap_or("");
    // "It said", "They say", "He said": a pronoun is no attribution.
    if matches!(
        first,
        "It" | "They" | "He" | "She" | "We" | "I" | "You" | "This" | "That" | "These" | "Those" | "There"
    ) {
        return None;
    }
    Some(who.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn subject(s: &str) -> Option<String> {
        let m = extract(s).into_iter().next().expect("a mention");
        subject_after(s, &m)
    }

    #[test]
    fn subject_is_the_noun_phrase_after_the_number() {
        assert_eq!(subject("They run 45 children’s homes across the county.").as_deref(), Some("children’s homes"));
        assert_eq!(subject("Around 12,000 leave care every year.").as_deref(), None);
        assert_eq!(subject("Some 5% of the councils overspent.").as_deref(), Some("councils"));
        assert_eq!(subject("A £90 million shortfall in funding looms.").as_deref(), Some("shortfall"));
        assert_eq!(subject("About 300 pupils living nearby.").as_deref(), Some("pupils"));
    }

    #[test]
    fn normalised_keys_are_singular_lower_case() {
        assert_eq!(normalise("Children’s Homes"), "child home");
        assert_eq!(normalise("the local authorities"), "local authority");
        assert_eq!(normalise("care leavers"), "care leaver");
    }

    #[test]
    fn places_and_periods() {
        let p = places("Across the UK and in England and Wales, plus US$5 spent");
        let names: Vec<_> = p.iter().map(|x| x.1).collect();
        assert_eq!(names, ["UK", "England and Wales"]);
        let p: Vec<_> = periods("In 2021-22 and in March 2023 and on 31 March 2023, and 2019/20")
            .into_iter()
            .map(|x| x.1)
            .collect();
        assert_eq!(p, ["2021-22", "2023-03", "2023-03-31", "2019-20"]);
    }

    #[test]
    fn rates() {
        let s = "Around 12,000 leave care every year.";
        assert_eq!(per_rate(s, 13, s.len(), true), Some("year"));
        let s = "Each year, 60,000 children are referred.";
        assert_eq!(per_rate(s, 16, s.len(), true), Some("year"));
        let s = "Of 12 million children, 83,000 are in care.";
        assert_eq!(per_rate(s, 12, s.len(), true), None);
    }

    #[test]
    fn attributions() {
        assert_eq!(
            attribution("Directors of Social Services say there is a £90 million gap.").as_deref(),
            Some("Directors of Social Services")
        );
        assert_eq!(
            attribution("Costs rose 5%, according to the Office for Budget Responsibility.").as_deref(),
            Some("the Office for Budget Responsibility")
        );
        assert_eq!(attribution("“It is 5%,” said the report.").as_deref(), Some("the report"));
        assert_eq!(attribution("It said costs rose.").as_deref(), None);
    }
}
