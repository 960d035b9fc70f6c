//! English word shapes shared by the extractor and the context stage: plurals, singular
//! forms, verbs that end a noun phrase. Words are given in lower case.

/// Whether `w` looks like a plural noun ("councils", "children", "homes").
pub fn is_plural(w: &str) -> bool {
    matches!(w, "children" | "people" | "men" | "women" | "staff" | "police")
        || (w.len() > 5 && w.ends_with("men") && !matches!(w, "specimen" | "regimen" | "abdomen" | "acumen" | "stamen"))
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && !w.ends_with("’s")
            && !matches!(w, "news" | "series" | "species" | "means" | "always" | "perhaps" | "whereas" | "has" | "was"))
}

/// `w` without every `suffix` at its end (`trim_end_matches` with a string pattern builds
/// a searcher each call).
pub fn strip_all<'a>(mut w: &'a str, suffix: &str) -> &'a str {
    while let Some(rest) = w.strip_suffix(suffix) {
        w = rest;
    }
    w
}

/// The singular of a noun ("children" → "child", "authorities" → "authority",
/// "calories" → "calorie"); words that are not plural come back unchanged.
pub fn singular(w: &str) -> String {
    match w {
        "children" => return "child".into(),
        "people" => return "person".into(),
        "men" => return "man".into(),
        "women" => return "woman".into(),
        "series" | "species" | "news" | "means" | "data" | "staff" | "police" | "gas" | "bus" => return w.into(),
        _ => {}
    }
    if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() >= 2) {
        // "calories", "movies", "cookies", "rookies": nouns in -ie.
        if IE_NOUNS.contains(&stem) {
            return format!("{stem}ie");
        }
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
    if is_plural(w) {
        return w[..w.len() - 1].to_owned();
    }
    w.to_owned()
}

/// Stems of nouns in "-ie" whose plural ends in "-ies".
const IE_NOUNS: &[&str] =
    &["calor", "mov", "cook", "rook", "zomb", "goal", "hipp", "bog", "brown", "freeb", "self", "prair", "sort"];

/// Verbs that commonly follow a count and end its noun phrase ("12,000 leave care").
pub fn is_common_verb(w: &str) -> bool {
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
            | "asks"
            | "says"
            | "said"
            | "shows"
            | "showed"
            | "means"
            | "includes"
            | "included"
            | "affects"
            | "affected"
            | "helps"
            | "helped"
            | "needs"
            | "gets"
            | "goes"
            | "makes"
            | "takes"
            | "gives"
            | "gave"
            | "became"
            | "become"
            | "becomes"
            | "remains"
            | "seems"
            | "appears"
            | "comes"
            | "costs"
            | "cost"
            | "earn"
            | "earned"
            | "earns"
            | "pay"
            | "paid"
            | "pays"
            | "owe"
            | "owed"
            | "looms"
            | "rises"
            | "falls"
            | "grows"
            | "continues"
            | "stands"
            | "reaches"
            | "tops"
            | "exceeds"
            | "represents"
            | "accounts"
            | "compares"
            | "lives"
            | "works"
            | "faces"
            | "receives"
            | "waits"
    )
}

/// Forms of "be" (and a few like it) that link a subject to its complement.
pub fn is_copula(w: &str) -> bool {
    matches!(w, "are" | "is" | "were" | "was" | "be" | "being" | "been" | "remain" | "remained" | "remains")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_forms() {
        for (p, s) in [
            ("children", "child"),
            ("authorities", "authority"),
            ("calories", "calorie"),
            ("homes", "home"),
            ("boxes", "box"),
            ("viruses", "virus"),
            ("chairmen", "chairman"),
            ("news", "news"),
            ("care", "care"),
            ("class", "class"),
        ] {
            assert_eq!(singular(p), s, "{p}");
        }
        assert!(is_plural("councils") && !is_plural("status") && !is_plural("children's"));
    }
}
