//! Word lists of the number grammar. All lookups take lower-case words.

use crate::model::Change;

/// "one".."nineteen", "twenty".."ninety": (value, is_tens).
pub fn small_number(w: &str) -> Option<(f64, bool)> {
    let v = match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => {
            let t = match w {
                "twenty" => 20.0,
                "thirty" => 30.0,
                "forty" => 40.0,
                "fifty" => 50.0,
                "sixty" => 60.0,
                "seventy" => 70.0,
                "eighty" => 80.0,
                "ninety" => 90.0,
                _ => return None,
            };
            return Some((t, true));
        }
    };
    Some((v, false))
}

/// Scale words and suffixes: "million", "bn", "k"…
pub fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "k" => 1e3,
        "million" | "millions" | "m" | "mn" | "mln" | "mio" => 1e6,
        "billion" | "billions" | "bn" | "bln" | "b" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Scale words that may follow a numeral after a space ("12 million"); single letters
/// are only scales when glued ("12m"), never after a space ("12 m" is twelve metres).
pub fn spaced_scale_word(w: &str) -> Option<f64> {
    match w {
        "k" | "m" | "b" => None,
        _ => scale_word(w),
    }
}

/// Denominators of spoken fractions: "third", "quarters"…
pub fn fraction_word(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// Currency words after a number: (ISO code, factor to whole units).
pub fn currency_word(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "pound" | "pounds" | "quid" | "sterling" => ("GBP", 1.0),
        "pence" | "p" => ("GBP", 0.01),
        "dollar" | "dollars" | "dlr" | "dlrs" => ("USD", 1.0),
        "cent" | "cents" | "cts" => ("USD", 0.01),
        "euro" | "euros" => ("EUR", 1.0),
        "yen" => ("JPY", 1.0),
        "yuan" | "renminbi" => ("CNY", 1.0),
        "rupee" | "rupees" => ("INR", 1.0),
        "franc" | "francs" => ("CHF", 1.0),
        _ => return None,
    })
}

/// ISO 4217 codes written as words ("USD 5m", "3bn euros", "EUR").
pub fn iso_currency(w: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "USD", "GBP", "EUR", "JPY", "CNY", "INR", "CHF", "AUD", "CAD", "HKD", "NZD", "SGD", "SEK", "NOK", "DKK", "ZAR",
        "RUB", "BRL", "MXN", "KRW", "TRY", "PLN",
    ];
    CODES.iter().copied().find(|c| *c == w)
}

/// A currency symbol character.
pub fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '£' => "GBP",
        '$' => "USD",
        '€' => "EUR",
        '¥' => "JPY",
        '₹' => "INR",
        _ => return None,
    })
}

/// Letters glued before `$` that name the dollar: "US$", "C$", "A$", "HK$".
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "US" | "U.S." => "USD",
        "C" | "CA" | "CAN" => "CAD",
        "A" | "AU" => "AUD",
        "HK" => "HKD",
        "NZ" => "NZD",
        "S" | "SG" => "SGD",
        "R" => "BRL",
        "NT" => "TWD",
        "MX" => "MXN",
        _ => return None,
    })
}

/// Units of quantities: (canonical unit, value factor). Lower case.
pub fn unit_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "second" | "seconds" | "sec" | "secs" => "second",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "hour" | "hours" | "hr" | "hrs" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "month" | "months" => "month",
        "year" | "years" | "yr" | "yrs" => "year",
        "decade" | "decades" => "decade",
        "mile" | "miles" => "mile",
        "mph" => "mile per hour",
        "kph" | "km/h" => "kilometre per hour",
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "kilometre",
        "metre" | "metres" | "meter" | "meters" => "metre",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "centimetre",
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "millimetre",
        "yard" | "yards" | "yd" | "yds" => "yard",
        "foot" | "feet" | "ft" => "foot",
        "inch" | "inches" | "in." => "inch",
        "kg" | "kgs" | "kilo" | "kilos" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" => "kilogram",
        "g" | "gram" | "grams" | "gramme" | "grammes" => "gram",
        "tonne" | "tonnes" | "ton" | "tons" => "tonne",
        "lb" | "lbs" => "pound (mass)",
        "oz" | "ounce" | "ounces" => "ounce",
        "litre" | "litres" | "liter" | "liters" => "litre",
        "ml" | "millilitre" | "millilitres" => "millilitre",
        "gallon" | "gallons" => "gallon",
        "barrel" | "barrels" | "bbl" => "barrel",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" | "ha" => "hectare",
        "degree" | "degrees" => "degree",
        "kwh" => "kilowatt hour",
        "mw" | "megawatt" | "megawatts" => "megawatt",
        "gw" | "gigawatt" | "gigawatts" => "gigawatt",
        "kw" | "kilowatt" | "kilowatts" => "kilowatt",
        "gb" | "gigabyte" | "gigabytes" => "gigabyte",
        "mb" | "megabyte" | "megabytes" => "megabyte",
        "tb" | "terabyte" | "terabytes" => "terabyte",
        "point" | "points" => "point",
        _ => return None,
    })
}

/// Units that may be glued to a numeral ("40km", "3kg", "5GB"), case-sensitive so that
/// "5G" and "3D" stay names; longer words must be spaced.
pub fn glued_unit(w: &str) -> Option<&'static str> {
    match w {
        "km" | "kph" | "mph" | "cm" | "mm" | "ft" | "yd" | "yds" | "kg" | "kgs" | "g" | "lb" | "lbs" | "oz" | "ml"
        | "hrs" | "hr" | "mins" | "min" | "secs" | "sec" | "yr" | "yrs" | "ha" => unit_word(w),
        "kWh" | "MW" | "GW" | "kW" | "GB" | "MB" | "TB" => unit_word(&w.to_ascii_lowercase()),
        _ => None,
    }
}

/// Month names, full and abbreviated (compared in lower case; callers check capitals).
pub fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Words after which a number is an identifier, not a quantity ("Section 427", "Row 21").
/// These hold in any case.
pub fn is_identifier_word(w: &str) -> bool {
    matches!(
        w,
        "section"
            | "sections"
            | "article"
            | "articles"
            | "no"
            | "nos"
            | "number"
            | "row"
            | "chapter"
            | "clause"
            | "clauses"
            | "paragraph"
            | "para"
            | "regulation"
            | "regulations"
            | "rule"
            | "schedule"
            | "page"
            | "pages"
            | "pp"
            | "vol"
            | "volume"
            | "episode"
            | "season"
            | "series"
            | "route"
            | "flight"
            | "platform"
            | "junction"
            | "room"
            | "ward"
            | "version"
            | "v"
            | "figure"
            | "fig"
            | "table"
            | "appendix"
            | "annex"
            | "exhibit"
            | "item"
            | "question"
            | "step"
            | "tier"
            | "grade"
            | "stage"
            | "phase"
            | "level"
            | "year"
            | "class"
            | "group"
            | "category"
            | "type"
            | "model"
            | "mark"
            | "mk"
            | "box"
            | "lot"
            | "unit"
            | "block"
            | "floor"
            | "gate"
            | "channel"
            | "highway"
            | "interstate"
            | "line"
    )
}

/// Identifier words that only count when capitalised ("Year 7", "Level 3"), since
/// lower-case they commonly precede real quantities.
pub fn identifier_needs_capital(w: &str) -> bool {
    matches!(
        w,
        "number"
            | "year"
            | "level"
            | "stage"
            | "phase"
            | "tier"
            | "grade"
            | "class"
            | "group"
            | "category"
            | "type"
            | "model"
            | "mark"
            | "box"
            | "lot"
            | "unit"
            | "block"
            | "floor"
            | "gate"
            | "channel"
            | "line"
            | "step"
            | "item"
            | "question"
            | "table"
            | "figure"
            | "room"
            | "ward"
            | "route"
            | "series"
            | "season"
            | "rule"
            | "v"
    )
}

/// English function words: used by the name-with-digits rule and by `clean`.
pub fn is_stopword(w: &str) -> bool {
    matches!(
        w,
        "a" | "about"
            | "above"
            | "after"
            | "again"
            | "against"
            | "all"
            | "also"
            | "am"
            | "an"
            | "and"
            | "any"
            | "are"
            | "as"
            | "at"
            | "be"
            | "because"
            | "been"
            | "before"
            | "being"
            | "below"
            | "between"
            | "both"
            | "but"
            | "by"
            | "can"
            | "could"
            | "did"
            | "do"
            | "does"
            | "doing"
            | "down"
            | "during"
            | "each"
            | "even"
            | "every"
            | "few"
            | "for"
            | "from"
            | "further"
            | "had"
            | "has"
            | "have"
            | "having"
            | "he"
            | "her"
            | "here"
            | "hers"
            | "him"
            | "his"
            | "how"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "just"
            | "may"
            | "me"
            | "might"
            | "more"
            | "most"
            | "much"
            | "must"
            | "my"
            | "no"
            | "nor"
            | "not"
            | "now"
            | "of"
            | "off"
            | "on"
            | "once"
            | "only"
            | "or"
            | "other"
            | "our"
            | "out"
            | "over"
            | "own"
            | "same"
            | "she"
            | "should"
            | "so"
            | "some"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "them"
            | "then"
            | "there"
            | "these"
            | "they"
            | "this"
            | "those"
            | "through"
            | "to"
            | "too"
            | "under"
            | "until"
            | "up"
            | "upon"
            | "very"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "where"
            | "which"
            | "while"
            | "who"
            | "whom"
            | "why"
            | "will"
            | "with"
            | "would"
            | "yet"
            | "you"
            | "your"
            | "since"
            | "still"
            | "said"
            | "says"
            | "say"
            | "according"
            | "almost"
            | "nearly"
            | "around"
            | "across"
            | "among"
            | "another"
            | "many"
            | "less"
            | "least"
            | "fewer"
            | "total"
    )
}

/// Verbs and adverbs that state a change when they govern the number ("rose 5%",
/// "fell by 3 points", "up 2%").
pub fn change_verb(w: &str) -> Option<Change> {
    use Change::*;
    Some(match w {
        "rose" | "rise" | "rises" | "rising" | "risen" | "increased" | "increase" | "increases" | "increasing"
        | "grew" | "grow" | "grows" | "growing" | "grown" | "gained" | "gain" | "gains" | "gaining" | "jumped"
        | "jump" | "jumps" | "jumping" | "climbed" | "climb" | "climbs" | "climbing" | "soared" | "soar" | "soars"
        | "soaring" | "surged" | "surge" | "surges" | "surging" | "up" | "boosted" | "raised" | "advanced"
        | "advancing" | "advances" | "rallied" | "spiked" | "expanded" | "added" | "higher" => Increase,
        "fell" | "fall" | "falls" | "falling" | "fallen" | "dropped" | "drop" | "drops" | "dropping" | "decreased"
        | "decrease" | "decreases" | "decreasing" | "declined" | "decline" | "declines" | "declining" | "down"
        | "slashed" | "slash" | "cut" | "cuts" | "cutting" | "lost" | "lose" | "loses" | "losing" | "shrank"
        | "shrink" | "shrinks" | "shrunk" | "slid" | "slide" | "slides" | "slumped" | "slump" | "plunged"
        | "plunge" | "plummeted" | "tumbled" | "tumble" | "reduced" | "reduce" | "sank" | "dipped" | "dip"
        | "eased" | "shed" | "contracted" | "retreated" | "slipped" | "dived" | "crashed" | "lower" => Decrease,
        _ => return None,
    })
}

/// Nouns that make the number before them a change ("a 5% increase", "a £50m cut").
pub fn change_noun(w: &str) -> Option<Change> {
    use Change::*;
    Some(match w {
        "increase" | "rise" | "jump" | "growth" | "gain" | "hike" | "boost" | "surge" | "uplift" | "uptick"
        | "leap" | "climb" => Increase,
        "fall" | "drop" | "decrease" | "decline" | "cut" | "cuts" | "reduction" | "slump" | "dip" | "plunge"
        | "contraction" | "slide" | "loss" => Decrease,
        _ => return None,
    })
}

/// Words of sports reports that make "2-1" a score, not a range.
pub fn is_sports_word(w: &str) -> bool {
    matches!(
        w,
        "win"
            | "won"
            | "wins"
            | "beat"
            | "beats"
            | "beaten"
            | "lost"
            | "lose"
            | "defeat"
            | "defeated"
            | "victory"
            | "draw"
            | "drew"
            | "score"
            | "scored"
            | "scoreline"
            | "lead"
            | "led"
            | "match"
            | "game"
            | "trailing"
            | "ahead"
            | "thrashed"
            | "thrashing"
            | "goals"
            | "goal"
            | "half-time"
            | "halftime"
            | "final"
            | "semi-final"
    )
}
