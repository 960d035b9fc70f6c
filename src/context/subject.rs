//! `subject`: the noun phrase a number counts or measures, and its head noun (the `unit`
//! of a count).
//!
//! In order of preference:
//! 1. the noun phrase after the number, through a partitive "of" ("5% of the councils",
//!    "40,000 of these children") and one prepositional phrase that is not a place or a
//!    time ("children in care", "shortfall in children’s services");
//! 2. for a number with none, the complement of a copula after it ("5% are unaccompanied
//!    migrant children");
//! 3. for a count with none, the noun phrase of an earlier count in the sentence
//!    ("Of the nearly 12 million children living in England, 83,000 … are in care":
//!    children), with the copula's complement added ("children in care");
//! 4. the noun phrase before the verb that governs the number ("Unemployment fell by
//!    3%", "a shortfall of £800m", "the number of children in care rose to 83,000":
//!    children in care).

use super::words::Words;
use crate::english::{is_common_verb, is_copula, is_plural, singular};
use crate::extract::is_stopword;
use crate::model::Kind;

/// A noun phrase: words `from..to` of the sentence, with its head word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Np {
    pub from: usize,
    pub to: usize,
    pub head: usize,
}

/// The subject found for a claim: its text and the head noun, singular, lower case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject {
    pub text: String,
    /// The word the phrase starts at.
    pub from: usize,
    pub head: String,
    /// The phrase stands after the number (1. above), so a later elliptical count may use it.
    pub np: Option<Np>,
}

/// What the subject rules need to know about a claim.
pub struct Target {
    pub kind: Kind,
    pub value: f64,
    /// The claim's words: `from..to`.
    pub from: usize,
    pub to: usize,
    /// The claim's byte span in the sentence.
    pub start: usize,
    pub end: usize,
}

impl Target {
    /// Punctuation between the claim and word `k` after it.
    fn punct_after(&self, w: &Words, k: usize) -> bool {
        w.w.get(k).is_some_and(|x| super::words::is_break(&w.text[self.end.min(x.start)..x.start]))
    }

    /// Punctuation between word `j` before the claim and the claim.
    fn punct_before(&self, w: &Words, j: usize) -> bool {
        w.w.get(j).is_some_and(|x| super::words::is_break(&w.text[x.end..self.start.max(x.end)]))
    }
}

/// Words that can never be part of a subject noun phrase.
fn ends_phrase(w: &Words, j: usize) -> bool {
    let lw = w.lw(j);
    let base = lw.split(['\'', '’']).next().unwrap_or("");
    is_stopword(lw)
        || (base != lw && is_stopword(base))
        || is_common_verb(lw)
        || is_copula(lw)
        || w.has_digit(j)
        || matches!(lw, "per" | "who" | "which" | "whom" | "vs" | "v" | "versus" | "prior" | "against")
        || is_comparative(lw)
}

/// "7 pct higher", "two pct lower": comparatives after a number say how, not what.
fn is_comparative(w: &str) -> bool {
    matches!(
        w,
        "higher"
            | "lower"
            | "larger"
            | "smaller"
            | "bigger"
            | "greater"
            | "better"
            | "worse"
            | "earlier"
            | "later"
            | "above"
            | "below"
            | "lower-than"
            | "higher-than"
            | "ahead"
            | "behind"
            | "down"
            | "up"
            | "off"
    )
}

fn is_determiner(w: &str) -> bool {
    matches!(w, "the" | "these" | "those" | "all" | "its" | "their" | "our" | "his" | "her" | "this" | "that" | "such")
}

/// Quantifier-like words that open a phrase without being its subject ("eight more picks").
fn is_premodifier(w: &str) -> bool {
    matches!(w, "more" | "other" | "additional" | "extra" | "further" | "fewer" | "less" | "another")
}

/// Words that name times, never subjects ("a year", "each month").
fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "today"
            | "decade"
            | "decades"
            | "period"
            | "periods"
            | "quarter"
            | "quarters"
    ) || super::period::month_number(w).is_some()
}

/// Nouns that name a place without naming it ("in the county"): geography, not subject.
fn is_area_noun(w: &str) -> bool {
    matches!(
        w,
        "county"
            | "area"
            | "areas"
            | "region"
            | "city"
            | "country"
            | "borough"
            | "district"
            | "nation"
            | "town"
            | "village"
            | "world"
            | "capital"
            | "uk"
            | "north"
            | "south"
            | "east"
            | "west"
    )
}

/// The noun phrase starting at word `k`: up to five content words, ending after a
/// plural noun, before a function word, a verb, a number or punctuation.
fn core_np(w: &Words, k: usize, value: f64) -> Option<Np> {
    let mut j = k;
    while j < w.len() {
        if j > k && w.punct_before(j) {
            break;
        }
        if ends_phrase(w, j) {
            break;
        }
        let lw = w.lw(j);
        // "and 200 retired.", "5 mln registering a rise": a verb right after the number.
        let object_next = matches!(w.lw(j + 1), "a" | "an" | "the" | "its" | "their") || w.has_digit(j + 1);
        if j == k
            && (lw.ends_with("ed") && (j + 1 >= w.len() || w.punct_before(j + 1) || ends_phrase(w, j + 1))
                || lw.ends_with("ing") && object_next)
        {
            break;
        }
        // "children living in England", "a document labeled": a participle after the noun.
        // ("care experienced children" reads on: the participle is an adjective there.)
        let clause_after = j + 1 >= w.len() || w.punct_before(j + 1) || ends_phrase(w, j + 1) || w.cap(j + 1);
        if j > k
            && (lw.ends_with("ing") && ends_phrase(w, j + 1)
                || lw.ends_with("ed") && !lw.contains('-') && !w.lw(j - 1).ends_with("ly") && clause_after)
        {
            break;
        }
        j += 1;
        if j - k == 5 || is_plural(lw) {
            break;
        }
    }
    if j == k {
        return None;
    }
    // "4.3m digital and physical sales": adjectives joined by "and"/"or" before the noun.
    if j - k == 1
        && !is_plural(w.lw(k))
        && matches!(w.lw(j), "and" | "or")
        && !w.punct_before(j)
        && !w.punct_before(j + 1)
        && let Some(rest) = core_np(w, j + 1, value)
        && is_plural(w.lw(rest.to - 1))
    {
        return Some(Np { from: k, to: rest.to, head: rest.to - 1 });
    }
    // The head: the last word, or for "3 cylinder engine", "12 page document" the first
    // (a singular noun after a number above one is a compound modifier).
    let last = j - 1;
    let first_singular = !is_plural(w.lw(k)) && !w.lw(k).ends_with("ly") && !w.cap(k);
    let head = if j - k >= 2 && value > 1.0 && !is_plural(w.lw(last)) && first_singular && !is_adjective(w.lw(k)) {
        k
    } else {
        last
    };
    Some(Np { from: k, to: j, head })
}

/// A few adjectives common before counted nouns, so that "5 new home" is not read as a
/// compound.
fn is_adjective(w: &str) -> bool {
    matches!(
        w,
        "new"
            | "key"
            | "major"
            | "big"
            | "small"
            | "large"
            | "young"
            | "old"
            | "local"
            | "national"
            | "social"
            | "public"
            | "private"
            | "full"
            | "part"
            | "senior"
            | "junior"
            | "high"
            | "low"
            | "top"
            | "former"
            | "current"
            | "unaccompanied"
            | "vulnerable"
            | "disabled"
            | "residential"
            | "foster"
            | "care"
            | "extra"
            | "total"
    )
}

/// Rule 1: the phrase after the claim, with a partitive "of" and one prepositional phrase.
fn np_after(w: &Words, t: &Target, blocked: &impl Fn(usize) -> bool, is_place: &impl Fn(usize) -> bool) -> Option<Np> {
    let mut k = t.to;
    if k >= w.len() || t.punct_after(w, k) {
        return None;
    }
    // "5% of the councils"; money "on agency staff", "for new homes": what it is spent on.
    if w.is(k, "of") || t.kind == Kind::Money && matches!(w.lw(k), "on" | "for") {
        k += 1;
        if is_determiner(w.lw(k)) {
            k += 1;
        }
    }
    while is_premodifier(w.lw(k)) && !w.punct_before(k + 1) {
        k += 1;
    }
    // A place as a modifier: "96 Liverpool fans", "40 England players".
    let modifier = is_place(k)
        && !is_place(k + 1)
        && !w.punct_before(k + 1)
        && !w.cap(k + 1)
        && k + 1 < w.len()
        && !ends_phrase(w, k + 1);
    if (blocked(k) && !modifier)
        || is_time_word(w.lw(k))
        || matches!(w.lw(k), "last" | "next" | "this") && is_time_word(w.lw(k + 1))
    {
        return None;
    }
    let mut np = core_np(w, k, t.value)?;
    if (np.from + usize::from(modifier)..np.to).any(blocked) {
        return None;
    }
    np.to = with_pp(w, np.to, blocked);
    Some(np)
}

/// Extends a phrase ending at `to` by one prepositional phrase ("in care", "for children",
/// "in children’s services") that names neither a place nor a time.
fn with_pp(w: &Words, to: usize, blocked: &impl Fn(usize) -> bool) -> usize {
    if !matches!(w.lw(to), "in" | "of" | "for" | "on" | "with") || w.punct_before(to) {
        return to;
    }
    let mut k = to + 1;
    if is_determiner(w.lw(k)) || matches!(w.lw(k), "a" | "an") {
        k += 1;
    }
    if blocked(k) || is_time_word(w.lw(k)) || w.punct_before(k) || is_area_noun(w.lw(k)) {
        return to;
    }
    match core_np(w, k, 1.0) {
        Some(pp) if !(pp.from..pp.to).any(|j| blocked(j) || is_time_word(w.lw(j))) && pp.to - pp.from <= 3 => pp.to,
        _ => to,
    }
}

/// Rule 2 and the complement of rule 3: after the claim (and its phrase, and a bracket),
/// a copula and what it links: a phrase, a prepositional phrase or a participle.
enum Complement {
    Np(Np),
    /// Words to append to an antecedent: "in care", "looked after by local authorities".
    Tail(usize, usize),
}

fn complement(w: &Words, after: usize, value: f64, blocked: &impl Fn(usize) -> bool) -> Option<Complement> {
    let mut c = after;
    // Skip a bracketed aside: "83,000 (less than one per cent) are in care".
    if w.gap_before(c).contains('(') {
        while c < w.len() && !w.gap_before(c + 1).contains(')') {
            c += 1;
        }
        c += 1;
    }
    if !is_copula(w.lw(c)) || blocked(c) {
        return None;
    }
    let k = c + 1;
    let lw = w.lw(k);
    if matches!(lw, "in" | "on" | "under" | "at") {
        // "in care", "on child protection plans"; not "in England" or "in 2020".
        let np = core_np(w, k + 1, 1.0)?;
        if (np.from..np.to).any(blocked) || is_time_word(w.lw(np.from)) {
            return None;
        }
        return Some(Complement::Tail(k, np.to));
    }
    let participle = lw.ends_with("ed") || matches!(lw, "looked" | "held" | "kept" | "taken" | "put" | "left" | "seen");
    let particle_next = matches!(w.lw(k + 1), "after" | "up" | "out" | "off" | "by" | "to" | "into" | "in" | "from")
        || k + 1 >= w.len()
        || w.punct_before(k + 1);
    if participle && particle_next {
        // "looked after by local authorities", "referred to social care", "placed out of area".
        let mut e = k + 1;
        if matches!(w.lw(e), "after" | "up" | "out" | "off") {
            e += 1;
        }
        if matches!(w.lw(e), "by" | "to" | "into" | "in") && !blocked(e + 1) {
            let mut s = e + 1;
            if is_determiner(w.lw(s)) {
                s += 1;
            }
            if let Some(np) = core_np(w, s, 1.0).filter(|np| !(np.from..np.to).any(blocked)) {
                e = np.to;
            }
        }
        return Some(Complement::Tail(k, e));
    }
    let mut s = k;
    if is_determiner(lw) || matches!(lw, "a" | "an") {
        s += 1;
    }
    let np = core_np(w, s, value)?;
    if (np.from..np.to).any(blocked) || is_time_word(w.lw(np.from)) {
        return None;
    }
    Some(Complement::Np(np))
}

/// Whether the count opens a clause of its own, as an elliptical subject: a verb, a
/// copula or "who" follows it, past any bracketed aside ("83,000 (…) are in care", "and
/// 2,000 leave care", "95,000 who have waited").
fn starts_clause(w: &Words, t: &Target) -> bool {
    let mut c = t.to;
    if w.gap_before(c).contains('(') {
        while c < w.len() && !w.gap_before(c + 1).contains(')') {
            c += 1;
        }
        c += 1;
    }
    // "6 million homes, including 1.5 million in Kent"; "an average of 20 per week".
    let before = w.lw(t.from.wrapping_sub(1));
    if before == "including" || before == "of" && w.is(t.from.wrapping_sub(2), "average") {
        return true;
    }
    if c >= w.len() || (c > t.to && !w.gap_before(c).contains(')')) {
        return false;
    }
    let lw = w.lw(c);
    is_copula(lw)
        || is_common_verb(lw)
        || (lw.ends_with("ed") && !w.punct_before(c))
        || matches!(lw, "who" | "have" | "has" | "had" | "will" | "would" | "could" | "can" | "may" | "must")
}

/// Rule 4: the phrase before the verb that governs the number ("Unemployment fell by 3%"),
/// or before "of" ("a shortfall of £800m").
/// The phrase's words, and whether the verb states a level ("was", "totalled", "rose to").
fn np_before(w: &Words, t: &Target, blocked: &impl Fn(usize) -> bool) -> Option<(usize, usize, bool)> {
    let mut k = t.from;
    let mut crossed_verb = false;
    let mut level = false;
    while k > 0 && t.from - k < 6 {
        let j = k - 1;
        let punct = if k == t.from { t.punct_before(w, j) } else { w.punct_before(k) };
        if punct || blocked(j) {
            break;
        }
        let lw = w.lw(j);
        let level_verb = is_copula(lw)
            || crate::extract::change_verb(lw).is_some()
            || matches!(
                lw,
                "reached"
                    | "hit"
                    | "totalled"
                    | "totaled"
                    | "stood"
                    | "stands"
                    | "topped"
                    | "exceeded"
                    | "averaged"
                    | "averages"
                    | "amounted"
                    | "numbered"
            );
        if level_verb || is_common_verb(lw) {
            crossed_verb = true;
            level |= level_verb;
        } else if lw == "of" && k == t.from {
            // "a shortfall of £800m": the phrase before "of" is the subject.
            return left_phrase(w, j).filter(|&(a, b)| !(a..b).any(blocked)).map(|(a, b)| (a, b, true));
        } else if !is_skippable(lw) {
            break;
        }
        k = j;
    }
    if !crossed_verb {
        return None;
    }
    // "House prices in Manchester rose": the place qualifies the phrase, it is not part of it.
    // "children in care in England in 2023 was": each place or time and its preposition.
    loop {
        let end = k;
        while k > 0 && blocked(k - 1) && !w.punct_before(k) {
            k -= 1;
        }
        if k == end {
            break;
        }
        if k > 0 && w.is(k - 1, "the") {
            k -= 1;
        }
        if k > 0 && matches!(w.lw(k - 1), "in" | "across" | "for" | "at" | "during" | "by") {
            k -= 1;
        }
    }
    left_phrase(w, k).filter(|&(a, b)| !(a..b).any(blocked)).map(|(a, b)| (a, b, level))
}

/// Up to three content words right before the claim that open the sentence or follow
/// another number or "vs": a row label ("Revs", "Net profit", "Avg shrs").
fn label_before(w: &Words, t: &Target, blocked: &impl Fn(usize) -> bool) -> Option<(usize, usize)> {
    let mut k = t.from;
    while k > 0 && t.from - k < 3 {
        let j = k - 1;
        let punct = if k == t.from { t.punct_before(w, j) } else { w.punct_before(k) };
        if punct || blocked(j) || ends_phrase(w, j) {
            break;
        }
        k = j;
    }
    // A row ends with the number, "vs" or the next row; its label has no verb in it.
    let row_end = t.to >= w.len() || w.is(t.to, "vs") || w.has_digit(t.to) || w.cap(t.to);
    if k == t.from || !row_end || (k..t.from).any(|j| w.lw(j).ends_with("ed")) {
        return None;
    }
    let opens = k == 0
        || w.punct_before(k)
        || blocked(k - 1)
        || w.has_digit(k - 1)
        || ends_phrase(w, k - 1) && !is_stopword(w.lw(k - 1));
    opens.then_some((k, t.from))
}

/// A phrase on one line: Reuters and hard-wrapped text break lines inside sentences.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words between a verb and the number it governs ("rose by nearly", "has reached").
fn is_skippable(w: &str) -> bool {
    matches!(
        w,
        "to" | "by"
            | "at"
            | "from"
            | "around"
            | "about"
            | "nearly"
            | "almost"
            | "over"
            | "under"
            | "than"
            | "more"
            | "less"
            | "just"
            | "some"
            | "up"
            | "down"
            | "a"
            | "an"
            | "has"
            | "have"
            | "had"
            | "been"
            | "will"
            | "would"
            | "could"
            | "be"
            | "roughly"
            | "approximately"
            | "further"
            | "another"
            | "estimated"
    )
}

/// The noun phrase ending just before word `end`, through "of"/"in" ("the number of
/// children in care"), without its determiner.
fn left_phrase(w: &Words, end: usize) -> Option<(usize, usize)> {
    let mut k = end;
    let mut content = 0;
    while k > 0 {
        let j = k - 1;
        if w.punct_before(k) && k != end {
            break;
        }
        let lw = w.lw(j);
        if matches!(lw, "of" | "in" | "for") && content > 0 && j > 0 && !ends_phrase(w, j - 1) {
            k = j;
            continue;
        }
        if ends_phrase(w, j) || w.cap(j) && is_stopword(lw) {
            break;
        }
        content += 1;
        k = j;
        if content == 6 {
            break;
        }
    }
    if content == 0 || is_stopword(w.lw(k)) {
        return None;
    }
    Some((k, end))
}

/// The subject of claim `t`. `antecedent` is the phrase of the nearest earlier count in
/// the sentence; `blocked(i)` says word `i` is a claim, a place or a period; `is_place(i)`
/// that it is a place.
pub fn subject(
    w: &Words,
    t: &Target,
    antecedent: Option<Np>,
    blocked: &impl Fn(usize) -> bool,
    is_place: &impl Fn(usize) -> bool,
) -> Option<Subject> {
    let make = |from: usize, text: String, head: usize, np: Option<Np>| {
        let head_word = w.lw(head).trim_end_matches("’s").trim_end_matches("'s");
        Some(Subject { head: singular(head_word), text: one_line(&text), from, np })
    };
    if let Some(np) = np_after(w, t, blocked, is_place) {
        // "78,000 children are looked after by local authorities": the participle is part of it.
        if t.kind == Kind::Count
            && let Some(Complement::Tail(a, b)) = complement(w, np.to, t.value, blocked)
        {
            let text = format!("{} {}", w.phrase(np.from, np.to), w.phrase(a, b));
            return make(np.from, text, np.head, Some(np));
        }
        return make(np.from, w.phrase(np.from, np.to).to_owned(), np.head, Some(np));
    }
    let comp = complement(w, t.to, t.value, blocked);
    if let Some(Complement::Np(np)) = comp
        && t.kind != Kind::Money
    {
        return make(np.from, w.phrase(np.from, np.to).to_owned(), np.head, None);
    }
    if t.kind == Kind::Count
        && let Some(ante) = antecedent
        && starts_clause(w, t)
    {
        let base = w.phrase(ante.from, ante.to);
        // The antecedent's own phrase, without a prepositional tail ("children living in England" → children).
        let core_end = (ante.from..ante.to).find(|&j| matches!(w.lw(j), "in" | "of" | "for" | "on")).unwrap_or(ante.to);
        let base = if core_end < ante.to { w.phrase(ante.from, core_end) } else { base };
        let text = match comp {
            Some(Complement::Tail(a, b)) => format!("{base} {}", w.phrase(a, b)),
            _ => base.to_owned(),
        };
        return make(ante.from, text, ante.head, None);
    }
    let Some((a, b, level_verb)) = np_before(w, t, blocked) else {
        // A label before the number in a table-like line: "Revs 27.7 mln vs 19.4 mln",
        // "Net profit 446,000".
        let (a, b) = label_before(w, t, blocked)?;
        return Some(Subject { text: one_line(w.phrase(a, b)), from: a, head: String::new(), np: None });
    };
    let mut from = a;
    // "the number of children in care" counts children in care; for other counts the
    // phrase before the verb is what the count measures ("Truck sales totalled 8,558"),
    // but not the noun it counts: no unit ("car prices will go up by 1,500").
    if t.kind == Kind::Count {
        let phrase = w.phrase(from, b).to_ascii_lowercase();
        if !(phrase.contains("number of") || phrase.starts_with("total of")) {
            if !level_verb {
                return None;
            }
            return Some(Subject { text: one_line(w.phrase(from, b)), from, head: String::new(), np: None });
        }
        while from + 1 < b && matches!(w.lw(from), "number" | "total" | "numbers") {
            from += 1;
            if w.is(from, "of") {
                from += 1;
                if is_determiner(w.lw(from)) {
                    from += 1;
                }
            }
        }
    }
    if from >= b {
        return None;
    }
    // Its head: the last word before any "of"/"in" tail.
    let head = (from..b).find(|&j| matches!(w.lw(j), "of" | "in")).map_or(b - 1, |j| j.saturating_sub(1).max(from));
    make(from, w.phrase(from, b).to_owned(), head, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    /// (subject, head) of the claim whose surface is `surface` in `s`.
    fn subj(s: &str, surface: &str) -> Option<(String, String)> {
        let w = Words::new(s);
        let mentions = extract(s);
        let spans: Vec<(usize, usize)> =
            mentions.iter().map(|m| (w.first_from(m.span.start), w.first_from(m.span.end))).collect();
        let in_mention = |i: usize| spans.iter().any(|&(a, b)| (a..b).contains(&i));
        let places = super::super::place::places(&w);
        let periods = super::super::period::periods(&w, None, in_mention);
        let blocked = |i: usize| {
            in_mention(i)
                || places.iter().any(|p| (p.from..p.to).contains(&i))
                || periods.iter().any(|p| (p.from..p.to).contains(&i))
        };
        let mut antecedent = None;
        for (m, &(from, to)) in mentions.iter().zip(&spans) {
            let t = Target { kind: m.kind, value: m.value, from, to, start: m.span.start, end: m.span.end };
            let is_place = |i: usize| places.iter().any(|p| (p.from..p.to).contains(&i));
            let got = subject(&w, &t, antecedent, &blocked, &is_place);
            if &s[m.span.start..m.span.end] == surface {
                return got.map(|g| (g.text, g.head));
            }
            if m.kind == Kind::Count
                && let Some(np) = got.and_then(|g| g.np)
            {
                antecedent = Some(np);
            }
        }
        panic!("no claim {surface:?} in {s:?}: {mentions:?}");
    }

    fn text(s: &str, surface: &str) -> Option<String> {
        subj(s, surface).map(|x| x.0)
    }

    #[test]
    fn the_phrase_after_the_number() {
        assert_eq!(text("They run 45 children’s homes across the county.", "45").as_deref(), Some("children’s homes"));
        assert_eq!(text("Some 5% of the councils overspent.", "5%").as_deref(), Some("councils"));
        assert_eq!(
            text("A £90 million shortfall in funding looms.", "£90 million").as_deref(),
            Some("shortfall in funding")
        );
        assert_eq!(text("There are 9,000 children in care across Kent.", "9,000").as_deref(), Some("children in care"));
        assert_eq!(text("Eight more pupils joined.", "Eight").as_deref(), Some("pupils"));
        assert_eq!(subj("A 3 cylinder engine.", "3").map(|x| x.1).as_deref(), Some("cylinder"));
        assert_eq!(subj("They built 20 power plants.", "20").map(|x| x.1).as_deref(), Some("plant"));
        assert_eq!(text("About 300 pupils living nearby.", "300").as_deref(), Some("pupils"));
        assert_eq!(text("One proposal asks for more.", "One").as_deref(), Some("proposal"));
    }

    #[test]
    fn elliptical_counts_take_an_earlier_phrase() {
        let s = "Of the 9 million pupils living in Wales, 7,000 (under one per cent) are in care and 2,000 leave care.";
        assert_eq!(text(s, "7,000").as_deref(), Some("pupils in care"));
        assert_eq!(subj(s, "7,000").map(|x| x.1).as_deref(), Some("pupil"));
        assert_eq!(text(s, "2,000").as_deref(), Some("pupils"));
        assert_eq!(text("In May 300 nurses quit and 200 retired.", "200").as_deref(), Some("nurses"));
    }

    #[test]
    fn copula_complements() {
        assert_eq!(
            text("Of those, 7% are unaccompanied refugee children.", "7%").as_deref(),
            Some("unaccompanied refugee children")
        );
        assert_eq!(
            text("Over 60,000 children are looked after by local authorities in Kent.", "60,000").as_deref(),
            Some("children looked after by local authorities")
        );
    }

    #[test]
    fn the_phrase_before_the_verb() {
        assert_eq!(text("Unemployment fell by 3% last year.", "3%").as_deref(), Some("Unemployment"));
        assert_eq!(text("They face a shortfall of £8m this year.", "£8m").as_deref(), Some("shortfall"));
        assert_eq!(text("The number of children in care rose to 9,000.", "9,000").as_deref(), Some("children in care"));
        assert_eq!(text("It rose to 9,000.", "9,000"), None);
    }

    #[test]
    fn row_labels_and_words_that_are_not_subjects() {
        assert_eq!(text("Revs 12.5 mln vs 11.2 mln", "12.5 mln").as_deref(), Some("Revs"));
        assert_eq!(
            text("Shr 20 cts vs 17 cts Net profit 446,000 vs 420,000", "446,000").as_deref(),
            Some("Net profit")
        );
        // A comparative or a verb after the number is no subject.
        assert_eq!(text("Output was 7 pct higher.", "7 pct").as_deref(), Some("Output"));
        assert_eq!(text("Sales held, with exports 7 pct higher.", "7 pct"), None);
        assert_eq!(text("Shares closed 7 pct lower.", "7 pct"), None);
        assert_eq!(text("Sales rose to 5 mln, registering a rise.", "5 mln").as_deref(), Some("Sales"));
        assert_eq!(text("They counted 5 mln registering a rise.", "5 mln"), None);
        // "funding" is a noun here.
        assert_eq!(
            text("A £9 million shortfall in funding looms.", "£9 million").as_deref(),
            Some("shortfall in funding")
        );
    }
}
