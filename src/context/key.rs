//! `subject_key`: a subject normalised for grouping — lower case, singular, function
//! words out, hyphens as spaces — then mapped through a small table of the sector's
//! synonyms, so that "looked-after children", "children in care" and "children looked
//! after by local authorities" share one key.

use std::sync::LazyLock;

use crate::english::{singular, strip_all};
use crate::extract::is_stopword;

/// Synonyms, each as lower-case singular words with their function words (so that
/// "children in care" and "child care" stay apart) → the key they share. A subject that
/// starts with a synonym keeps its tail ("children in care in Wales").
const SYNONYMS: &[(&str, &str)] = &[
    ("looked after child", "looked after child"),
    ("child looked after", "looked after child"),
    ("child looked after by local authority", "looked after child"),
    ("child looked after by council", "looked after child"),
    ("child in care", "looked after child"),
    ("child in local authority care", "looked after child"),
    ("child in the care system", "looked after child"),
    ("child in the care of local authority", "looked after child"),
    ("young person in care", "looked after child"),
    ("care leaver", "care leaver"),
    ("young care leaver", "care leaver"),
    ("young person leaving care", "care leaver"),
    ("child leaving care", "care leaver"),
    ("child home", "child home"),
    ("residential child home", "child home"),
    ("child social worker", "social worker"),
    ("foster parent", "foster carer"),
    ("foster family", "foster carer"),
    ("unaccompanied asylum seeking child", "unaccompanied child"),
    ("unaccompanied migrant child", "unaccompanied child"),
    ("local council", "local authority"),
    ("council", "local authority"),
];

/// [`SYNONYMS`] split into words.
static SYNONYM_WORDS: LazyLock<Vec<(Vec<&str>, Vec<&str>)>> =
    LazyLock::new(|| SYNONYMS.iter().map(|(from, to)| (from.split(' ').collect(), to.split(' ').collect())).collect());

/// Lower case, possessives out, hyphens as spaces, each word singular; the synonym
/// table; then function words out.
pub fn normalise(subject: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    // A title-cased phrase ("Children’s Homes") is common nouns; elsewhere a capitalised
    // word is a name and keeps its form ("Rhys").
    let title_case = subject.split_whitespace().count() > 1
        && subject.split_whitespace().all(|w| w.starts_with(|c: char| !c.is_lowercase()));
    for raw in subject.split(|c: char| c.is_whitespace() || c == '-' || c == '/') {
        let w = raw.to_lowercase();
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'');
        let w = strip_all(strip_all(w, "’s"), "'s").trim_end_matches('’').trim_end_matches('\'');
        if w.is_empty() {
            continue;
        }
        let name = raw.starts_with(char::is_uppercase) && !title_case;
        words.push(if name { w.to_owned() } else { singular(w) });
    }
    // The longest synonym the words start with, on a word boundary.
    let mut key: Vec<&str> = Vec::new();
    let mut rest = &words[..];
    if let Some((from, to)) = SYNONYM_WORDS
        .iter()
        .filter(|(from, _)| words.len() >= from.len() && from.iter().zip(&words).all(|(a, b)| a == b))
        .max_by_key(|(from, _)| from.iter().map(|w| w.len() + 1).sum::<usize>())
    {
        key.extend(to.iter().copied());
        rest = &words[from.len()..];
    }
    key.extend(rest.iter().map(String::as_str).filter(|w| !is_stopword(w)));
    if key.is_empty() {
        // A subject of function words only ("those", "them") has no key.
        return String::new();
    }
    key.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_singular_lower_case_without_function_words() {
        assert_eq!(normalise("the local authorities"), "local authority");
        assert_eq!(normalise("care leavers"), "care leaver");
        assert_eq!(normalise("Children’s Homes"), "child home");
        assert_eq!(normalise("shortfall in children’s services funding"), "shortfall child service funding");
    }

    #[test]
    fn sector_synonyms_share_a_key() {
        let k = normalise("looked-after children");
        assert_eq!(k, "looked after child");
        assert_eq!(normalise("children in care"), k);
        assert_eq!(normalise("children looked after by local authorities"), k);
        assert_eq!(normalise("children in the care system"), k);
        assert_eq!(normalise("young people leaving care"), normalise("care leavers"));
        assert_eq!(normalise("councils"), normalise("local authorities"));
        // A longer subject keeps what follows the synonym.
        assert_eq!(normalise("children in care aged under five"), "looked after child aged five");
        // Day care is not care.
        assert_eq!(normalise("child care places"), "child care place");
    }
}
