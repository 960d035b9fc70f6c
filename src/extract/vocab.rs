//! Word lists of the number grammar. All lookups take lower-case words.

use crate::model::Change;

/// "one".."nineteen", "twenty".."ninety": (value, is_tens).
pub fn small_number(w: &str) -> Option<(f64, bool)> {
    let v = match w {
        "zero" | "nought" | "naught" | "nil" => 0.0,
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

/// Scale words and suffixes: "million", "bn", "k", "lakh"…
pub fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "k" => 1e3,
        "lakh" | "lakhs" | "lac" => 1e5,
        "million" | "m" | "mn" | "mln" | "mio" | "mil" | "mm" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "bn" | "bln" | "b" => 1e9,
        "trillion" | "tn" | "trn" | "tln" => 1e12,
        _ => return None,
    })
}

/// Scale words that may follow a numeral after a space ("12 million"); single letters
/// are only scales when glued ("12m"), never after a space ("12 m" is twelve metres).
pub fn spaced_scale_word(w: &str) -> Option<f64> {
    match w {
        "k" | "m" | "b" | "mm" | "mil" | "lac" => None,
        _ => scale_word(w),
    }
}

/// Denominators of spoken fractions: "half", "third", "quarters", "hundredths"…
/// "first" and "second" are left out: alone they are ordinals or a time.
pub fn fraction_word(w: &str) -> Option<f64> {
    let singular = w.strip_suffix('s').filter(|s| !s.ends_with('s')).unwrap_or(w);
    Some(match singular {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    })
}

/// Ordinal units that end a compound denominator ("twenty-first", "thirty-fifth").
pub fn ordinal_unit(w: &str) -> Option<f64> {
    let singular = w.strip_suffix('s').unwrap_or(w);
    Some(match singular {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        _ => return None,
    })
}

/// Currency words after a number: (ISO code, factor to whole units).
pub fn currency_word(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "pound" | "pounds" | "quid" | "sterling" | "stg" => ("GBP", 1.0),
        "pence" | "p" | "penny" | "pennies" => ("GBP", 0.01),
        "dollar" | "dollars" | "dlr" | "dlrs" => ("USD", 1.0),
        "cent" | "cents" | "cts" => ("USD", 0.01),
        "euro" | "euros" => ("EUR", 1.0),
        "yen" => ("JPY", 1.0),
        "yuan" | "renminbi" | "rmb" | "kuai" => ("CNY", 1.0),
        "rupee" | "rupees" => ("INR", 1.0),
        "franc" | "francs" => ("CHF", 1.0),
        "peseta" | "pesetas" => ("ESP", 1.0),
        "guilder" | "guilders" => ("NLG", 1.0),
        "markka" | "markkaa" => ("FIM", 1.0),
        "krona" | "kronor" => ("SEK", 1.0),
        "krone" | "kroner" => ("NOK", 1.0),
        "rand" => ("ZAR", 1.0),
        "ringgit" => ("MYR", 1.0),
        "shekel" | "shekels" => ("ILS", 1.0),
        "lira" | "lire" => ("TRY", 1.0),
        "rouble" | "roubles" | "ruble" | "rubles" => ("RUB", 1.0),
        "peso" | "pesos" => ("MXN", 1.0),
        "won" => ("KRW", 1.0),
        "bitcoin" | "bitcoins" => ("BTC", 1.0),
        _ => return None,
    })
}

/// Words naming which dollar, franc or krone a currency word is ("australian dollars").
pub fn currency_qualifier(qualifier: &str, word: &str) -> Option<&'static str> {
    let dollar = matches!(word, "dollar" | "dollars" | "dlr" | "dlrs");
    Some(match qualifier {
        "us" | "american" if dollar => "USD",
        "australian" if dollar => "AUD",
        "canadian" if dollar => "CAD",
        "hong" if dollar => "HKD",
        "new" if dollar => "NZD",
        "singapore" if dollar => "SGD",
        "taiwan" if dollar => "TWD",
        "swiss" if matches!(word, "franc" | "francs") => "CHF",
        "french" if matches!(word, "franc" | "francs") => "FRF",
        "belgian" if matches!(word, "franc" | "francs") => "BEF",
        "finnish" if matches!(word, "markka" | "markkaa" | "marks") => "FIM",
        "dutch" if matches!(word, "guilder" | "guilders") => "NLG",
        "german" if matches!(word, "mark" | "marks") => "DEM",
        "danish" if matches!(word, "krone" | "kroner" | "crown" | "crowns") => "DKK",
        "swedish" if matches!(word, "krona" | "kronor" | "crown" | "crowns") => "SEK",
        "czech" if matches!(word, "crown" | "crowns" | "koruna") => "CZK",
        "norwegian" if matches!(word, "krone" | "kroner" | "crown" | "crowns") => "NOK",
        "turkish" if matches!(word, "lira" | "lire") => "TRY",
        "chinese" if matches!(word, "yuan") => "CNY",
        "japanese" if matches!(word, "yen") => "JPY",
        "indian" if matches!(word, "rupee" | "rupees") => "INR",
        "mexican" if matches!(word, "peso" | "pesos") => "MXN",
        _ => return None,
    })
}

/// ISO 4217 codes written as words ("USD 5m", "3bn EUR"), in capitals.
pub fn iso_currency(w: &str) -> Option<&'static str> {
    if w.len() != 3 || !w.bytes().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    const CODES: &[&str] = &[
        "USD", "GBP", "EUR", "JPY", "CNY", "INR", "CHF", "AUD", "CAD", "HKD", "NZD", "SGD", "SEK", "NOK", "DKK", "ZAR",
        "RUB", "BRL", "MXN", "KRW", "TRY", "PLN", "MYR", "ILS", "RMB", "BTC",
    ];
    CODES.iter().copied().find(|c| *c == w).map(|c| if c == "RMB" { "CNY" } else { c })
}

/// Currency prefixes glued or spaced before a number: "RM79", "Rs 500".
pub fn currency_prefix_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "RM" => "MYR",
        "Rs" | "INR" => "INR",
        "Rp" => "IDR",
        _ => return None,
    })
}

/// A currency symbol character.
pub fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '£' => "GBP",
        '$' => "USD",
        '€' => "EUR",
        '¥' => "JPY",
        '₹' => "INR",
        '元' => "CNY",
        '円' => "JPY",
        '₩' => "KRW",
        '₽' => "RUB",
        '₺' => "TRY",
        '₪' => "ILS",
        '₦' => "NGN",
        '₱' => "PHP",
        '₫' => "VND",
        '₡' => "CRC",
        '₾' => "GEL",
        '₭' => "LAK",
        '₴' => "UAH",
        '₿' => "BTC",
        _ => return None,
    })
}

/// Letters before or after `$` that name the dollar: "US$", "C$", "A$", "HK$", "$US", "$A".
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    if w.len() > 4 {
        return None;
    }
    let mut buf = [0u8; 4];
    buf[..w.len()].copy_from_slice(w.as_bytes());
    buf.make_ascii_uppercase();
    Some(match &buf[..w.len()] {
        b"US" | b"U.S." | b"USD" => "USD",
        b"C" | b"CA" | b"CAN" | b"CAD" => "CAD",
        b"A" | b"AU" | b"AUD" => "AUD",
        b"HK" | b"HKD" => "HKD",
        b"NZ" | b"NZD" => "NZD",
        b"S" | b"SG" | b"SGD" => "SGD",
        b"R" => "BRL",
        b"NT" => "TWD",
        b"MX" | b"MEX" | b"MXN" => "MXN",
        _ => return None,
    })
}

/// Nouns after "a", "an", "per", "each" or "every" that make the number a rate ("£2 a
/// share", "$60 a barrel"), besides the time units.
pub fn is_rate_noun(w: &str) -> bool {
    matches!(
        w,
        "share"
            | "barrel"
            | "tonne"
            | "ton"
            | "kilo"
            | "kilogram"
            | "litre"
            | "liter"
            | "gallon"
            | "head"
            | "person"
            | "household"
            | "pupil"
            | "child"
            | "patient"
            | "night"
            | "game"
            | "match"
            | "mile"
            | "unit"
            | "item"
            | "piece"
            | "copy"
            | "ticket"
            | "visit"
            | "dozen"
            | "bag"
            | "pint"
            | "gram"
            | "ounce"
            | "sq"
            | "square"
    )
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
            | "cat"
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
    is_stopword_bytes(w.as_bytes())
}

/// [`is_stopword`] of a word's bytes.
pub fn is_stopword_bytes(w: &[u8]) -> bool {
    matches!(
        w,
        b"a" | b"about"
            | b"above"
            | b"after"
            | b"again"
            | b"against"
            | b"all"
            | b"also"
            | b"am"
            | b"an"
            | b"and"
            | b"any"
            | b"are"
            | b"as"
            | b"at"
            | b"be"
            | b"because"
            | b"been"
            | b"before"
            | b"being"
            | b"below"
            | b"between"
            | b"both"
            | b"but"
            | b"by"
            | b"can"
            | b"could"
            | b"did"
            | b"do"
            | b"does"
            | b"doing"
            | b"down"
            | b"during"
            | b"each"
            | b"even"
            | b"every"
            | b"few"
            | b"for"
            | b"from"
            | b"further"
            | b"had"
            | b"has"
            | b"have"
            | b"having"
            | b"he"
            | b"her"
            | b"here"
            | b"hers"
            | b"him"
            | b"his"
            | b"how"
            | b"i"
            | b"if"
            | b"in"
            | b"into"
            | b"is"
            | b"it"
            | b"its"
            | b"just"
            | b"may"
            | b"me"
            | b"might"
            | b"more"
            | b"most"
            | b"much"
            | b"must"
            | b"my"
            | b"no"
            | b"nor"
            | b"not"
            | b"now"
            | b"of"
            | b"off"
            | b"on"
            | b"once"
            | b"only"
            | b"or"
            | b"other"
            | b"our"
            | b"out"
            | b"over"
            | b"own"
            | b"same"
            | b"she"
            | b"should"
            | b"so"
            | b"some"
            | b"such"
            | b"than"
            | b"that"
            | b"the"
            | b"their"
            | b"them"
            | b"then"
            | b"there"
            | b"these"
            | b"they"
            | b"this"
            | b"those"
            | b"through"
            | b"to"
            | b"too"
            | b"under"
            | b"until"
            | b"up"
            | b"upon"
            | b"very"
            | b"was"
            | b"we"
            | b"were"
            | b"what"
            | b"when"
            | b"where"
            | b"which"
            | b"while"
            | b"who"
            | b"whom"
            | b"why"
            | b"will"
            | b"with"
            | b"would"
            | b"yet"
            | b"you"
            | b"your"
            | b"since"
            | b"still"
            | b"said"
            | b"says"
            | b"say"
            | b"according"
            | b"almost"
            | b"nearly"
            | b"around"
            | b"across"
            | b"among"
            | b"another"
            | b"many"
            | b"less"
            | b"least"
            | b"fewer"
            | b"total"
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
        | "advancing" | "advances" | "rallied" | "spiked" | "expanded" | "added" | "higher" | "rallying"
        | "spiking" | "widened" | "widening" | "doubling" => Increase,
        "fell" | "fall" | "falls" | "falling" | "fallen" | "dropped" | "drop" | "drops" | "dropping" | "decreased"
        | "decrease" | "decreases" | "decreasing" | "declined" | "decline" | "declines" | "declining" | "down"
        | "slashed" | "slash" | "cut" | "cuts" | "cutting" | "lost" | "lose" | "loses" | "losing" | "shrank"
        | "shrink" | "shrinks" | "shrunk" | "slid" | "slide" | "slides" | "slumped" | "slump" | "plunged"
        | "plunge" | "plummeted" | "tumbled" | "tumble" | "reduced" | "reduce" | "sank" | "dipped" | "dip"
        | "eased" | "shed" | "contracted" | "retreated" | "slipped" | "dived" | "crashed" | "lower" | "plummeting"
        | "plunging" | "tumbling" | "sliding" | "slumping" | "sinking" | "dipping" | "shedding" | "slipping"
        | "diving" | "crashing" | "easing" | "narrowed" | "narrowing" => Decrease,
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
