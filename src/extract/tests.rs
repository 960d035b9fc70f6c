//! One test per form and per exclusion. Sentences are written for these tests.

use super::*;

/// (surface, kind, value, bound) of every mention.
fn found(s: &str) -> Vec<(String, &'static str, f64, &'static str)> {
    extract(s)
        .into_iter()
        .map(|m| (s[m.span.start..m.span.end].to_owned(), m.kind.as_str(), m.value, m.bound.as_str()))
        .collect()
}

fn one(s: &str) -> Mention {
    let v = extract(s);
    assert_eq!(v.len(), 1, "expected one mention in {s:?}, got {v:#?}");
    v.into_iter().next().unwrap()
}

fn surfaces(s: &str) -> Vec<String> {
    found(s).into_iter().map(|f| f.0).collect()
}

fn assert_none(s: &str) {
    let v = found(s);
    assert!(v.is_empty(), "expected no claims in {s:?}, got {v:?}");
}

#[track_caller]
fn check(s: &str, surface: &str, kind: &str, value: f64, bound: &str) {
    let v = found(s);
    assert!(
        v.iter().any(|(su, k, val, b)| su == surface
            && *k == kind
            && (val - value).abs() <= value.abs() * 1e-9
            && *b == bound),
        "expected ({surface:?}, {kind}, {value}, {bound}) in {s:?}, got {v:?}"
    );
}

// ---- numerals -------------------------------------------------------------------

#[test]
fn grouped_digits_are_one_count() {
    check("The council housed 83,000 families.", "83,000", "count", 83000.0, "exact");
}

#[test]
fn decimals_and_scales() {
    check("Sales reached 1.2 million units.", "1.2 million", "count", 1.2e6, "exact");
    check("A total of 40k people signed.", "40k", "count", 40e3, "exact");
    check("There are 12m households.", "12m", "count", 12e6, "exact");
}

#[test]
fn number_words() {
    check("She visited eight schools.", "eight", "count", 8.0, "exact");
    check("It took two hundred and forty volunteers.", "two hundred and forty", "count", 240.0, "exact");
    check("Some twenty-five trucks left.", "twenty-five", "count", 25.0, "approx");
    check("They hired a dozen nurses.", "a dozen", "count", 12.0, "exact");
    check("Nearly half a million homes lost power.", "half a million", "count", 5e5, "upper");
    check("Three million voters stayed home.", "Three million", "count", 3e6, "exact");
}

#[test]
fn one_as_a_pronoun_or_in_an_idiom_is_not_a_claim() {
    assert_none("At any one time the ward is full.");
    assert_none("Which one do you prefer?");
    assert_none("They help one another.");
}

#[test]
fn one_before_a_noun_is_a_count() {
    check("Only one inspector visited.", "one", "count", 1.0, "exact");
    check("One of the managers resigned.", "One", "count", 1.0, "exact");
}

// ---- percentages -------------------------------------------------------------------

#[test]
fn percent_forms() {
    check("Turnout was 5% lower.", "5%", "percent", 5.0, "exact");
    check("Turnout was 5 per cent.", "5 per cent", "percent", 5.0, "exact");
    check("Turnout was 70 % overall.", "70 %", "percent", 70.0, "exact");
    check("Prices were 3pc higher.", "3pc", "percent", 3.0, "exact");
    check("Output grew 2.5 pct in May.", "2.5 pct", "percent", 2.5, "exact");
    check("It was less than one per cent of the total.", "one per cent", "percent", 1.0, "upper");
    check("It was 61 percent of the vote.", "61 percent", "percent", 61.0, "exact");
}

#[test]
fn percentage_points() {
    check("The rate fell 3 percentage points.", "3 percentage points", "percentage_point", 3.0, "exact");
}

// ---- money ----------------------------------------------------------------------------

#[test]
fn money_symbols_and_scales() {
    let m = one("Councils face a nearly £800 million gap.");
    assert_eq!(m.kind, Kind::Money);
    assert_eq!(m.currency, Some("GBP"));
    assert_eq!(m.value, 8e8);
    assert_eq!(m.bound, Bound::Upper);
    assert_eq!(m.high, Some(8e8));
    check("The deal is worth $6.", "$6", "money", 6.0, "exact");
    check("Brussels set aside €3bn for it.", "€3bn", "money", 3e9, "exact");
    check("The firm paid £3.4bn for it.", "£3.4bn", "money", 3.4e9, "exact");
    // No binary rounding left in the value.
    assert_eq!(one("A deficit of 8.017 billion yuan.").value, 8_017_000_000.0);
    // Signs after the number, CJK ones (letters to Unicode) among them.
    let m = one("A ticket is 250元 in Shanghai.");
    assert_eq!((m.currency, m.value), (Some("CNY"), 250.0));
    let m = one("The bento was 980円 at the station.");
    assert_eq!((m.currency, m.value), (Some("JPY"), 980.0));
    check("Entry costs 12 € at the door.", "12 €", "money", 12.0, "exact");
}

#[test]
fn money_words_and_minor_units() {
    let m = one("A loaf costs 470 pence now.");
    assert_eq!((m.currency, m.value), (Some("GBP"), 4.7));
    let m = one("They charge 50p a bag.");
    assert_eq!((m.currency, m.value), (Some("GBP"), 0.5));
    let m = one("The bill came to 3 million pounds.");
    assert_eq!((m.currency, m.value), (Some("GBP"), 3e6));
    let m = one("Exports rose to 12 mln dlrs last year.");
    assert_eq!((m.currency, m.value), (Some("USD"), 12e6));
    // Cents already written: what follows is not more of them.
    check("The fee was $7.10 and 40 was the cap.", "$7.10", "money", 7.1, "exact");
    check("The fee was $7 and 40 was the cap.", "$7 and 40", "money", 7.4, "exact");
    // A code glued to the next number is that number's: "3 GBP20 vouchers".
    check("She won 3 GBP20 vouchers.", "GBP20", "money", 20.0, "exact");
    check("She won 3 GBP20 vouchers.", "3", "count", 3.0, "exact");
    // Wire-style mixed numbers.
    check("The bank cut its rate to 7-3/4 pct.", "7-3/4 pct", "percent", 7.75, "exact");
    check("A dividend of 12-1/2 cts was set.", "12-1/2 cts", "money", 0.125, "exact");
    // A change and a level, not a range: "rose 1-3/4 to 77".
    check("Acme Oil rose 1-3/4 to 77.", "1-3/4", "count", 1.75, "exact");
    check("Acme Oil rose 1-3/4 to 77.", "77", "count", 77.0, "exact");
    let m = one("It issued 2.14 billion Taiwan dlrs of deposits.");
    assert_eq!((m.currency, m.value), (Some("TWD"), 2.14e9));
}

#[test]
fn prefixed_dollars() {
    let m = one("The bid was US$5m.");
    assert_eq!((m.currency, m.value), (Some("USD"), 5e6));
    let m = one("It raised HK$2bn in Asia.");
    assert_eq!((m.currency, m.value), (Some("HKD"), 2e9));
}

// ---- ratios and fractions ------------------------------------------------------------------

#[test]
fn ratios() {
    check("About 1 in 50 pupils is affected.", "1 in 50", "ratio", 0.02, "approx");
    check("One in five adults smoke.", "One in five", "ratio", 0.2, "exact");
    check("one patient in every 140 waits", "one patient in every 140", "ratio", 1.0 / 140.0, "exact");
    check("9 out of 10 vets agree.", "9 out of 10", "ratio", 0.9, "exact");
}

#[test]
fn fractions() {
    check("A third of the staff left.", "A third", "ratio", 1.0 / 3.0, "exact");
    check("Half of the homes failed.", "Half", "ratio", 0.5, "exact");
    check("Almost two-thirds voted.", "two-thirds", "ratio", 2.0 / 3.0, "upper");
    check("three-quarters of beds were full", "three-quarters", "ratio", 0.75, "exact");
}

// ---- bounds ------------------------------------------------------------------------------

#[test]
fn bounds_before_the_number() {
    check("Nearly 12 million people live there.", "12 million", "count", 12e6, "upper");
    check("There are over 500 sites.", "500", "count", 500.0, "lower");
    check("We have approximately 118 beds.", "118", "count", 118.0, "approx");
    check("Around 12,000 leave each year.", "12,000", "count", 12000.0, "approx");
    check("more than 60,000 claims", "60,000", "count", 60000.0, "lower");
    check("fewer than 20 staff", "20", "count", 20.0, "upper");
    check("at least 7 schools", "7", "count", 7.0, "lower");
    check("up to 40 beds", "40", "count", 40.0, "upper");
    check("in excess of 900 jobs", "900", "count", 900.0, "lower");
    check("an estimated 3,000 people", "3,000", "count", 3000.0, "approx");
    check("a record 78,000 cases", "78,000", "count", 78000.0, "lower");
}

#[test]
fn bounds_after_the_number() {
    check("It hired 1,000+ staff.", "1,000", "count", 1000.0, "lower");
    check("It hired 300 or more staff.", "300", "count", 300.0, "lower");
}

// ---- ranges ------------------------------------------------------------------------------------

#[test]
fn ranges() {
    let m = one("Between 5 and 10 children were moved.");
    assert_eq!((m.bound, m.low, m.high, m.value), (Bound::Range, Some(5.0), Some(10.0), 7.5));
    let m = one("Fees of 5-10% apply.");
    assert_eq!((m.kind, m.low, m.high), (Kind::Percent, Some(5.0), Some(10.0)));
    let m = one("A cost of £5-10m is likely.");
    assert_eq!((m.kind, m.low, m.high), (Kind::Money, Some(5e6), Some(10e6)));
    let m = one("Waits of 5 to 10 weeks are common.");
    assert_eq!((m.kind, m.low, m.high, m.unit), (Kind::Quantity, Some(5.0), Some(10.0), Some("week")));
}

// ---- changes -----------------------------------------------------------------------------------

#[test]
fn changes() {
    let m = one("Referrals rose by 12% last year.");
    assert_eq!(m.change, Some(Change::Increase));
    let m = one("There was a 5% increase in demand.");
    assert_eq!(m.change, Some(Change::Increase));
    let m = one("Shares fell 3 points on Monday.");
    assert_eq!(m.change, Some(Change::Decrease));
    let m = one("Funding was slashed by 71%.");
    assert_eq!(m.change, Some(Change::Decrease));
    let m = one("Output was down 2% on the month.");
    assert_eq!(m.change, Some(Change::Decrease));
}

#[test]
fn from_to_change_is_two_mentions_linked() {
    let v = extract("The number went up from 78,000 to 83,000 in a year.");
    assert_eq!(v.len(), 2, "{v:#?}");
    assert_eq!(v[0].value, 78000.0);
    assert_eq!(v[1].value, 83000.0);
    assert_eq!(v[1].from, Some(0));
    assert_eq!(v[1].change, Some(Change::Increase));
}

#[test]
fn up_from_after_the_new_value_links_back() {
    let v = extract("Cases reached 83,000, up from 78,000.");
    assert_eq!(v.len(), 2, "{v:#?}");
    assert_eq!(v[0].from, Some(1));
    assert_eq!(v[0].change, Some(Change::Increase));
}

// ---- quantities ------------------------------------------------------------------------------

#[test]
fn quantities_with_units() {
    let m = one("A 15-year-old boy was hurt.");
    assert_eq!((m.kind, m.value, m.unit), (Kind::Quantity, 15.0, Some("year of age")));
    let m = one("He ran 40 yards.");
    assert_eq!((m.kind, m.unit), (Kind::Quantity, Some("yard")));
    let m = one("The car hit 275 mph.");
    assert_eq!(m.unit, Some("mile per hour"));
    let m = one("She was 10 years old then.");
    assert_eq!(m.unit, Some("year of age"));
    let m = one("The wait was 3 hours.");
    assert_eq!(m.unit, Some("hour"));
    let m = one("He lifted 60 kilos.");
    assert_eq!(m.unit, Some("kilogram"));
}

// ---- exclusions ----------------------------------------------------------------------------

#[test]
fn years_are_not_claims() {
    assert_none("In 2020, the review began.");
    assert_none("The report was published in March 2023.");
    assert_none("The Housing Act 1985 still applies.");
    assert_none("The 2019 figures were revised.");
    assert_none("Rates will stay low in calendar 2027 compared with now.");
    assert_none("Borrowing in fiscal 2026 exceeded plans.");
}

#[test]
fn a_four_digit_count_before_a_plural_noun_is_kept() {
    check("The firm employs 2000 people.", "2000", "count", 2000.0, "exact");
    check("About 1900 homes were flooded.", "1900", "count", 1900.0, "approx");
}

#[test]
fn periods_and_dates_are_not_claims() {
    assert_none("Spending in 2021-22 was higher.");
    assert_none("Spending in 2021/22 was higher.");
    assert_none("The letter is dated 12/1/2024.");
    assert_none("It opened on 2024-05-14.");
    assert_none("It opened on 14 May.");
    assert_none("It opened on May 14, 2024.");
    assert_none("The vote is on the 22nd.");
    assert_none("Music of the 1990s returned.");
}

#[test]
fn times_are_not_claims() {
    assert_none("The meeting starts at 10:30.");
    assert_none("Doors open at 7pm.");
}

#[test]
fn list_markers_are_not_claims() {
    assert_none("1. Fund the councils properly.");
    assert_none("3) Independent review.");
    assert_none("They asked for this: 1. more money");
}

#[test]
fn identifiers_are_not_claims() {
    assert_none("Under Section 427 the duty applies.");
    assert_none("He lives at No. 10 now.");
    assert_none("Article 12 gives children a voice.");
    assert_none("Pupils in Year 7 start in September.");
    assert_none("See page 4 for details.");
}

#[test]
fn names_with_digits_are_not_claims() {
    assert_none("Since COVID-19 the queues have grown.");
    assert_none("The 5G rollout is slow.");
    assert_none("The film was shot in 3D.");
    assert_none("The G7 met in June.");
    assert_none("Traffic on the M25 was heavy.");
    assert_none("Support the #Help4Kids campaign.");
    assert_none("Users of Windows 11 are affected.");
}

#[test]
fn phone_numbers_and_urls_are_not_claims() {
    assert_none("Call 0800 123 4567 for help.");
    assert_none("Call +44 20 7946 0958 today.");
    assert_none("See https://example.org/report/2023/55 for more.");
}

#[test]
fn scores_are_not_ranges() {
    assert_none("United won 2-1 at home.");
}

#[test]
fn page_furniture_and_time_references() {
    assert_none("3 mins read");
    assert_none("The review began two years ago.");
    assert_none("It is a five-year plan.");
}

// ---- invariants --------------------------------------------------------------------------------

#[test]
fn spans_are_in_order_and_do_not_overlap() {
    let s = "Of 12 million children, 83,000 (less than one per cent) were in care, up from 78,000.";
    let v = extract(s);
    assert!(v.len() >= 3, "{v:#?}");
    for w in v.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{v:#?}");
    }
    assert_eq!(surfaces(s)[..3], ["12 million", "83,000", "one per cent"]);
}

#[test]
fn odd_input_does_not_panic() {
    for s in [
        "",
        "£",
        "$$$ 5",
        "1,",
        ",000",
        "1.2.3.4.5",
        "between 5 and",
        "from 5 to",
        "one in",
        "a third",
        "9999999999999999999999999999999999999999999999999999999999999999999999",
        "–5–",
        "’s 5’",
        "5\u{A0}000 and 1\u{2009}000",
        "half a",
        "+",
        "#1",
    ] {
        let v = extract(s);
        for m in v {
            assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
            assert!(m.span.start < m.span.end && m.span.end <= s.len());
        }
    }
}

// ---- the second pass of the grammar ------------------------------------------------------

#[test]
fn vague_quantities_are_ranges() {
    let m = one("It added tens of thousands of pounds to the bill.");
    assert_eq!((m.kind, m.low, m.high, m.currency), (Kind::Money, Some(1e4), Some(1e5), Some("GBP")));
    let m = one("Hundreds of families were moved.");
    assert_eq!((m.bound, m.low, m.high), (Bound::Range, Some(100.0), Some(1000.0)));
}

#[test]
fn percentages_written_before_the_number() {
    check("The answer is per cent of twenty.", "per cent of twenty", "percent", 20.0, "exact");
    assert!(extract("A large per cent of 210 patients waited.").iter().all(|m| m.kind != Kind::Percent));
}

#[test]
fn spoken_fractions_and_mixed_numbers() {
    check("It grew by one and a half times.", "one and a half", "count", 1.5, "exact");
    check("Five and a half million people voted.", "Five and a half million", "count", 5.5e6, "exact");
    check("Three quarters billion was spent.", "Three quarters billion", "count", 7.5e8, "exact");
    check("They kept two and fifty-four hundredths.", "two and fifty-four hundredths", "count", 2.54, "exact");
    check("That is twenty-three fifths.", "twenty-three fifths", "count", 4.6, "exact");
    check("Only a fifth.", "a fifth", "ratio", 0.2, "exact");
    assert_none("A third party paid.");
    assert_none("The second half of the match.");
    check("More than half voted.", "half", "ratio", 0.5, "lower");
}

#[test]
fn numerals_mixed_with_scale_words() {
    check("There were 4 hundred million of them.", "4 hundred million", "count", 4e8, "exact");
    check("It is 3 hundred and 21.", "3 hundred and 21", "count", 321.0, "exact");
    check("A total of 3 dozen eggs.", "3 dozen", "count", 36.0, "exact");
    check("She bought half a dozen.", "half a dozen", "count", 6.0, "exact");
    check("Funding of 13 lakh rupees.", "13 lakh rupees", "money", 1.3e6, "exact");
}

#[test]
fn spoken_decimals_powers_and_vulgar_fractions() {
    check("It was five point five metres.", "five point five metres", "quantity", 5.5, "exact");
    check("Growth of 1.3x10^6 cells.", "1.3x10^6", "count", 1.3e6, "exact");
    check("A cake needs 2½ cups.", "2½", "count", 2.5, "exact");
    check("Add 3/4 of the flour.", "3/4", "count", 0.75, "exact");
}

#[test]
fn grouping_styles() {
    check("A fee of 1,00,000 rupees.", "1,00,000 rupees", "money", 1e5, "exact");
    check("It cost 1.111,11 euros.", "1.111,11 euros", "money", 1111.11, "exact");
    check("Some 40 000 fans came.", "40 000", "count", 40000.0, "approx");
}

#[test]
fn currencies_around_the_amount() {
    let m = one("The house was worth $US55,931,000.");
    assert_eq!((m.currency, m.value), (Some("USD"), 55_931_000.0));
    let m = one("It fetched $A82,615,680 at auction.");
    assert_eq!((m.currency, m.value), (Some("AUD"), 82_615_680.0));
    let m = one("Notes of 20 € each.");
    assert_eq!((m.currency, m.value), (Some("EUR"), 20.0));
    let m = one("A grant of 125 million australian dollars.");
    assert_eq!((m.currency, m.value), (Some("AUD"), 125e6));
    let m = one("They lost 75 USD million.");
    assert_eq!((m.currency, m.value), (Some("USD"), 75e6));
    let m = one("It only cost 3 dollars 50 cents.");
    assert_eq!(m.value, 3.5);
    let m = one("Prices rose to 164p.");
    assert_eq!((m.currency, m.value), (Some("GBP"), 1.64));
}

#[test]
fn rates_after_the_number() {
    assert_eq!(one("They earn £300 a week.").per, Some("week"));
    assert_eq!(one("Dividends of $2 a share.").per, Some("share"));
    assert_eq!(one("It pumps 5,000 barrels per day.").per, Some("day"));
    assert_eq!(one("Fees are 2% per annum.").per, Some("year"));
    // Hyphenated rates.
    let m = one("A new 80,000 barrel-a-day plant opened.");
    assert_eq!((m.unit, m.per), (Some("barrel"), Some("day")));
    assert_eq!(one("Parking now costs £90 a-year more.").per, Some("year"));
}

#[test]
fn units_in_many_shapes() {
    assert_eq!(one("It reached 800 miles per hour.").unit, Some("mile per hour"));
    assert_eq!(one("A speed of 120 km/h.").unit, Some("kilometre per hour"));
    assert_eq!(one("A floor of 32m2.").unit, Some("square metre"));
    assert_eq!(one("It was 40°C outside.").unit, Some("degree Celsius"));
    assert_eq!(one("A 5-10W laser.").unit, Some("watt"));
    assert_eq!(one("The 500mg tablets.").unit, Some("milligram"));
    assert_eq!(one("A 10-mile walk.").unit, Some("mile"));
    assert_eq!(one("Patients aged 65 years of age.").unit, Some("year of age"));
    assert_eq!(one("A 47 year-old man was held.").unit, Some("year of age"));
    assert_eq!(one("Pupils under the age of 11 years walk.").unit, Some("year of age"));
    assert_eq!(one("Trains ran at 90 m.p.h. then.").unit, Some("mile per hour"));
    assert_eq!(one("A 12 μm wire.").unit, Some("micrometre"));
    // Suspended hyphens: the unit after the second number is the first's too.
    let v = extract("Tablets with 10- or 12-inch screens.");
    assert_eq!(v.iter().map(|m| (m.value, m.unit)).collect::<Vec<_>>(), [(10.0, Some("inch")), (12.0, Some("inch"))]);
    check("Forecasters expect 4- to 6-metre swells.", "4- to 6-metre", "quantity", 5.0, "range");
    assert_none("Councils agreed 2- and 4-year deals.");
}

#[test]
fn more_exclusions() {
    assert_none("He lives at 9 E 71st St now.");
    assert_none("Offices at 10 Downing Street were shut.");
    assert_none("The FTSE 100 closed higher.");
    assert_none("The S&P 500 rose.");
    assert_none("The base iPhone 11 has a camera.");
    assert_none("The category 4 hurricane hit.");
    assert_none("It was a four-door car.");
    assert_none("Pick Sept. 20-24 for the trip.");
    assert_none("In 1066 the battle was fought.");
    assert_none("The code 07 is old.");
    // A year before a word for what years have.
    assert_none("Output fell from the comparable 1986 period.");
    assert_none("Acme said 1985 profits were hit.");
    assert_none("The 1986 year excludes a gain.");
    // 24-hour times.
    assert_none("Trading opens at 0930 GMT.");
    assert_none("The vote is at 1830 local time.");
}

#[test]
fn more_ranges_and_changes() {
    let m = one("Temperatures dropped by 1 to 1.5 degrees.");
    assert_eq!((m.bound, m.low, m.high, m.change), (Bound::Range, Some(1.0), Some(1.5), Some(Change::Decrease)));
    let m = one("It lasted three or four years.");
    assert_eq!((m.low, m.high, m.unit), (Some(3.0), Some(4.0), Some("year")));
    let v = extract("Ether fell from $2,415 to $2,315.");
    assert_eq!(v.len(), 2);
    assert_eq!((v[1].from, v[1].change), (Some(0), Some(Change::Decrease)));
    let v = extract("Volume narrowed to 138,285 lots from 212,577 lots.");
    assert_eq!((v[0].from, v[0].change), (Some(1), Some(Change::Decrease)));
    let v = extract("It grew by $43.6bn to $419.2bn.");
    assert_eq!(v.len(), 2, "a change and a level, not a range: {v:#?}");
    assert_eq!(v[0].change, Some(Change::Increase));
    assert_eq!(v[1].change, None, "a level reached is not a change");
}

#[test]
fn bounds_travel_into_brackets() {
    let v = extract("Moths fly more than 100 km (60 miles) a night.");
    assert_eq!(v[1].bound, Bound::Lower);
    let v = extract("It was about 7 miles (11 km) long.");
    assert_eq!(v[1].bound, Bound::Exact, "a conversion is exact");
    check("Children under the age of 5 years.", "5 years", "quantity", 5.0, "upper");
}

#[test]
fn minus_and_negative() {
    check("The answer is minus five percent.", "minus five percent", "percent", -5.0, "exact");
    check("The answer is negative one.", "negative one", "count", -1.0, "exact");
}

// ---- properties ------------------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text made of the pieces the grammar cares about, glued or spaced at random.
    fn newsy() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[0-9]{1,7}",
            "[0-9]{1,3}(,[0-9]{3}){0,3}(\\.[0-9]{1,3})?",
            Just("£".to_owned()),
            Just("$".to_owned()),
            Just("€".to_owned()),
            Just("%".to_owned()),
            Just("-".to_owned()),
            Just("–".to_owned()),
            Just("/".to_owned()),
            Just(".".to_owned()),
            Just(",".to_owned()),
            Just("(".to_owned()),
            Just(")".to_owned()),
            Just("½".to_owned()),
            Just("’s".to_owned()),
            Just("\u{a0}".to_owned()),
            Just("\u{2009}".to_owned()),
            prop::sample::select(vec![
                "one", "two", "twenty", "hundred", "thousand", "million", "bn", "m", "k", "a", "half", "third",
                "quarters", "dozen", "and", "point", "per", "cent", "percent", "pc", "of", "in", "every", "to", "from",
                "between", "nearly", "over", "about", "up", "down", "rose", "fell", "by", "years", "old", "miles",
                "mph", "km", "h", "°", "C", "pence", "p", "dollars", "USD", "US", "HK", "minus", "tens", "hundreds",
                "Section", "No", "May", "COVID", "G7", "St", "Road", "ago", "or", "more", "record", "sq", "basis",
                "points", "x10", "^", "e", "the", "children", "Year",
            ])
            .prop_map(str::to_owned),
        ];
        prop::collection::vec((piece, prop::sample::select(vec!["", " ", "  ", "\n"])), 0..24)
            .prop_map(|parts| parts.into_iter().map(|(p, sep)| format!("{p}{sep}")).collect())
    }

    fn check_invariants(s: &str) {
        let mut ex = Extractor::new();
        let (mentions, skipped) = ex.extract_explained(s);
        let mut last = 0;
        for m in &mentions {
            assert!(m.span.start < m.span.end, "empty span in {s:?}");
            assert!(m.span.end <= s.len(), "span past the end in {s:?}");
            assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end), "{s:?}");
            assert!(m.span.start >= last, "overlapping mentions in {s:?}: {mentions:#?}");
            last = m.span.end;
            let surface = &s[m.span.start..m.span.end];
            assert_eq!(surface, surface.trim(), "surface with outer spaces in {s:?}");
            assert!(!m.value.is_nan(), "NaN value in {s:?}");
            if let Some(f) = m.from {
                assert!(f < mentions.len());
            }
        }
        for k in &skipped {
            assert!(k.span.start <= k.span.end && k.span.end <= s.len() && s.is_char_boundary(k.span.start));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn never_panics_and_spans_hold_on_newsy_text(s in newsy()) {
            check_invariants(&s);
        }

        #[test]
        fn never_panics_and_spans_hold_on_any_text(s in any::<String>()) {
            check_invariants(&s);
        }
    }
}
