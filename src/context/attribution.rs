//! `attribution`: who states a sentence's figures.
//!
//! Forms: "according to X"; "figures from X", "analysis by X", "a report by X"; "X
//! figures show"; "X's figures"; a name or a source noun before a verb of saying ("the
//! Local Government Association said", "Directors of Children's Services say", "the
//! charity warned", "analysts said"), or after it ("said Jane Smith"), past an apposition
//! ("Jane Smith, chief executive of X, said"). Pronouns are no attribution. Quoted
//! speech whose speaker stands in another sentence is joined up by the caller.

use super::words::Words;

fn is_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "warned"
            | "warns"
            | "warn"
            | "claimed"
            | "claims"
            | "claim"
            | "estimates"
            | "estimated"
            | "estimate"
            | "found"
            | "finds"
            | "reported"
            | "reports"
            | "revealed"
            | "reveals"
            | "reveal"
            | "show"
            | "shows"
            | "showed"
            | "added"
            | "adds"
            | "stated"
            | "states"
            | "argued"
            | "argues"
            | "believes"
            | "calculated"
            | "calculates"
            | "predicted"
            | "predicts"
            | "forecast"
            | "forecasts"
            | "suggests"
            | "suggested"
            | "explained"
            | "noted"
            | "announced"
            | "announces"
            | "confirmed"
            | "confirms"
            | "wrote"
            | "writes"
            | "insisted"
            | "admitted"
    )
}

/// Nouns that name a source without a proper name ("the charity said", "analysts say").
fn is_source_noun(w: &str) -> bool {
    matches!(
        w,
        "report"
            | "charity"
            | "council"
            | "government"
            | "department"
            | "ministry"
            | "agency"
            | "study"
            | "survey"
            | "company"
            | "firm"
            | "bank"
            | "group"
            | "union"
            | "watchdog"
            | "regulator"
            | "organisation"
            | "organization"
            | "association"
            | "committee"
            | "office"
            | "institute"
            | "trust"
            | "authority"
            | "minister"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "officials"
            | "analysts"
            | "economists"
            | "experts"
            | "researchers"
            | "campaigners"
            | "police"
            | "inspectors"
            | "review"
            | "inquiry"
            | "audit"
            | "coalition"
            | "alliance"
            | "federation"
            | "network"
            | "service"
            | "board"
            | "court"
    )
}

/// Words that may join the capitalised words of a name ("Directors of Children's
/// Services", "Office for National Statistics", "Marks & Spencer").
fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "for" | "and" | "the" | "on" | "&" | "in" | "de")
}

fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "it" | "they"
            | "he"
            | "she"
            | "we"
            | "i"
            | "you"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "who"
            | "which"
    )
}

/// Capitalised words that open sentences rather than names.
fn is_opener(w: &str) -> bool {
    crate::extract::is_stopword(w)
        || matches!(
            w,
            "but"
                | "and"
                | "yet"
                | "however"
                | "meanwhile"
                | "last"
                | "today"
                | "yesterday"
                | "now"
                | "also"
                | "new"
                | "latest"
                | "recent"
                | "official"
                | "provisional"
                | "separate"
                | "earlier"
                | "previous"
        )
}

/// Who states the figures of sentence `w`, if it says, on one line.
pub fn attribution(w: &Words) -> Option<String> {
    find(w).map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn find(w: &Words) -> Option<String> {
    for i in 0..w.len() {
        let lw = w.lw(i);
        // "according to X"
        if lw == "according" && w.is(i + 1, "to") {
            if let Some(s) = name_after(w, i + 2) {
                return Some(s);
            }
            continue;
        }
        // "figures from X", "a report by X", "analysis by X"
        if matches!(
            lw,
            "figures" | "data" | "statistics" | "analysis" | "research" | "report" | "survey" | "study" | "estimates"
        ) && matches!(w.lw(i + 1), "from" | "by")
            && !w.punct_before(i + 1)
            && let Some(s) = name_after(w, i + 2).filter(|s| s.starts_with(char::is_uppercase) || s.starts_with("the "))
        {
            return Some(s);
        }
        // "Ofsted figures show", "Home Office data suggest"
        if matches!(lw, "figures" | "data" | "statistics" | "analysis" | "research")
            && matches!(w.lw(i + 1), "show" | "shows" | "showed" | "suggest" | "suggests" | "reveal" | "reveals")
            && let Some(s) = proper_before(w, i)
        {
            return Some(s);
        }
        // "Lawson's forecast of …": after a possessive the word is a noun.
        if !is_speech_verb(lw) || i > 0 && (w.text(i - 1).ends_with("’s") || w.text(i - 1).ends_with("'s")) {
            continue;
        }
        if let Some(s) = speaker_before(w, i) {
            return Some(s);
        }
        // After a quote or a clause: "…,” said Jane Smith", "…, says the Local Government Association".
        let inverted = matches!(lw, "said" | "says" | "added" | "adds" | "warned" | "explained" | "noted" | "wrote");
        if inverted
            && (i == 0 || w.punct_before(i))
            && let Some(s) = name_after(w, i + 1)
        {
            return Some(s);
        }
    }
    None
}

/// The speaker before the verb at `v`: a proper name, "the" + a source noun, a plural
/// source noun, or a name before an apposition ("Jane Smith, chief executive, said").
fn speaker_before(w: &Words, v: usize) -> Option<String> {
    let p = v.checked_sub(1)?;
    if is_pronoun(w.lw(p)) || w.has_digit(p) {
        return None;
    }
    if !w.punct_before(v) {
        if let Some(s) = proper_before(w, v) {
            return Some(s);
        }
        if is_source_noun(w.lw(p)) {
            let det = p.checked_sub(1).filter(|&d| matches!(w.lw(d), "the" | "a") && !w.punct_before(p));
            if let Some(d) = det {
                return Some(w.phrase(d, v).to_owned());
            }
            // Plural sources need no article ("analysts said").
            if w.lw(p).ends_with('s') {
                return Some(w.phrase(p, v).to_owned());
            }
        }
        return None;
    }
    // An apposition between commas: "Jane Smith, chief executive of X, said".
    let gap = w.gap_before(v);
    if gap.trim() != "," {
        return None;
    }
    let open = (v.saturating_sub(12)..p).rev().find(|&k| w.gap_before(k).trim() == ",")?;
    proper_before(w, open).filter(|_| w.cap(open - 1))
}

/// The capitalised name ending just before word `end` ("Directors of Children’s
/// Services"), with a "the" before it kept.
fn proper_before(w: &Words, end: usize) -> Option<String> {
    let mut k = end;
    let mut first = None;
    while k > 0 {
        let j = k - 1;
        if w.punct_before(k) && k != end
            || k == end && end < w.len() && w.punct_before(end) && !w.gap_before(end).contains(',')
        {
            // Punctuation inside a name only before a capitalised word it joins ("Marks & Spencer").
            if !matches!(w.gap_before(k).trim(), "&" | "-") {
                break;
            }
        }
        if w.cap(j) && !w.has_digit(j) {
            first = Some(j);
            k = j;
            continue;
        }
        if is_connector(w.lw(j)) && first.is_some() && j > 0 && w.cap(j - 1) {
            k = j;
            continue;
        }
        break;
    }
    let mut from = first?;
    // Sentence openers are not part of the name ("But Ofsted said").
    while from < end && is_opener(w.lw(from)) && w.lw(from) != "the" {
        from += 1;
    }
    if from >= end || is_connector(w.lw(from)) && w.lw(from) != "the" {
        return None;
    }
    if is_pronoun(w.lw(from)) && from + 1 == end {
        return None;
    }
    let from = if from > 0 && w.is(from - 1, "the") && !w.punct_before(from) { from - 1 } else { from };
    let s = w.phrase(from, end);
    Some(strip_possessive(s).to_owned())
}

/// The name starting at word `start`: "the" and a capitalised run ("the Office for
/// National Statistics"), a capitalised run, or "the" + a source noun ("the charity").
fn name_after(w: &Words, start: usize) -> Option<String> {
    let mut k = start;
    if w.is(k, "the") {
        k += 1;
    }
    // "figures from the Department for Education" through their qualifiers.
    while matches!(w.lw(k), "latest" | "new" | "official" | "figures" | "data" | "statistics" | "analysis")
        && !w.cap(k)
        && k < start + 4
    {
        k += 1;
        if matches!(w.lw(k), "from" | "by" | "of") {
            k += 1;
        }
        if w.is(k, "the") {
            k += 1;
        }
    }
    let name_start = k;
    let mut end = k;
    while end < w.len() && (end == name_start || !w.punct_before(end) || matches!(w.gap_before(end).trim(), "&")) {
        let joins = is_connector(w.lw(end)) && end > name_start && w.cap(end + 1) && !w.punct_before(end + 1);
        if !(w.cap(end) && !w.has_digit(end) || joins) {
            break;
        }
        end += 1;
    }
    if end > name_start {
        let from = if name_start > start && w.is(name_start - 1, "the") { name_start - 1 } else { name_start };
        if is_pronoun(w.lw(name_start)) {
            return None;
        }
        return Some(strip_possessive(w.phrase(from, end)).to_owned());
    }
    if name_start > start && w.is(name_start - 1, "the") && is_source_noun(w.lw(name_start)) {
        return Some(w.phrase(name_start - 1, name_start + 1).to_owned());
    }
    None
}

fn strip_possessive(s: &str) -> &str {
    s.trim_end_matches("’s").trim_end_matches("'s")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Option<String> {
        attribution(&Words::new(s))
    }

    #[test]
    fn names_before_and_after_verbs() {
        assert_eq!(
            a("Directors of Children’s Services say there is a nearly £90 million gap.").as_deref(),
            Some("Directors of Children’s Services")
        );
        assert_eq!(
            a("Costs rose 5%, according to the Office for Budget Responsibility.").as_deref(),
            Some("the Office for Budget Responsibility")
        );
        assert_eq!(a("“It is 5%,” said the report.").as_deref(), Some("the report"));
        assert_eq!(a("“It is 5%,” said Jane Smith.").as_deref(), Some("Jane Smith"));
        assert_eq!(
            a("The Local Government Association said 40 councils overspent.").as_deref(),
            Some("The Local Government Association")
        );
        assert_eq!(a("But Ofsted said 12 homes failed.").as_deref(), Some("Ofsted"));
        assert_eq!(a("Analysts said profits fell 3%.").as_deref(), Some("Analysts"));
        assert_eq!(a("The charity warned that 400 families wait.").as_deref(), Some("The charity"));
    }

    #[test]
    fn sources_of_figures() {
        assert_eq!(
            a("Figures from the Department for Education show 5% left.").as_deref(),
            Some("the Department for Education")
        );
        assert_eq!(a("Ofsted figures show 80 homes closed.").as_deref(), Some("Ofsted"));
        assert_eq!(
            a("A report by the National Audit Office found 30 failed.").as_deref(),
            Some("the National Audit Office")
        );
        assert_eq!(a("Jane Smith, chief executive of Care Now, said 300 left.").as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn pronouns_and_plain_verbs_are_no_attribution() {
        assert_eq!(a("It said costs rose.").as_deref(), None);
        assert_eq!(a("They say 5% left.").as_deref(), None);
        assert_eq!(a("In 2020, 40,000 were found in care.").as_deref(), None);
        assert_eq!(a("New figures show 5% left.").as_deref(), None);
    }
}
