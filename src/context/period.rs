//! `period` and `per`: the time a claim is about, and the rate it is stated per.
//!
//! Periods: a year (`2022`), a financial or academic year (`2021-22`, `2021/22`,
//! `2021-2022` → `2021-22`), a span of years (`between 2010 and 2020`, `2010-2020` →
//! the ISO 8601 interval `2010/2020`), a month (`March 2023`, `in March` → `2023-03`), a
//! date (`31 March 2023`, `March 31, 2023`, `2023-03-31`, `12/1/2024` read day first),
//! and relative expressions resolved against the document's `published` date (`last
//! year`, `this year`, `next year`, `last month`, `this month`, `N years ago`, `a decade
//! ago`, `today`, `yesterday`). A month without a year is the latest such month on or
//! before the published date. Without a published date relative expressions give
//! nothing. Years in names ("Children Act 1989") and after "since" are not periods.

use super::words::Words;

/// A calendar date, month and day 0 when not known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

impl Date {
    /// `2024-05-14`, `2024-05-14T09:30:00Z`, `2024-05`, `2024`.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let y: i32 = s.get(..4)?.parse().ok()?;
        let m = s.get(5..7).and_then(|m| m.parse().ok()).filter(|m| (1..=12).contains(m)).unwrap_or(0);
        let d = if m > 0 { s.get(8..10).and_then(|d| d.parse().ok()).filter(|d| (1..=31).contains(d)) } else { None };
        Some(Date { y, m, d: d.unwrap_or(0) })
    }

    fn days_before(self, n: i64) -> Option<Date> {
        if self.m == 0 || self.d == 0 {
            return None;
        }
        let (y, m, d) = civil_from_days(days_from_civil(self.y, self.m, self.d) - n);
        Some(Date { y, m, d })
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((yoe + era * 400 + i64::from(m <= 2)) as i32, m, d)
}

/// A period named in a sentence: word span and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: usize,
    pub to: usize,
    pub value: String,
}

pub fn month_number(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

fn year_of(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..=2099).contains(y))
}

fn day_of(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn small_number(w: &str) -> Option<i32> {
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => w.parse().ok().filter(|n| (1..=100).contains(n))?,
    })
}

fn ym(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

fn ymd(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// "2021-22" for consecutive years, else the interval "2010/2020".
fn span_of_years(a: i32, b: i32) -> Option<String> {
    if b == a + 1 {
        Some(format!("{a}-{:02}", b % 100))
    } else if b > a {
        Some(format!("{a}/{b}"))
    } else {
        None
    }
}

/// The periods named in `w`. `skip(i)` says a word belongs to a claim (never a period).
pub fn periods(w: &Words, published: Option<Date>, skip: impl Fn(usize) -> bool) -> Vec<Period> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        if skip(i) || !may_open_period(w.lw(i)) {
            i += 1;
            continue;
        }
        match period_at(w, i, published, &skip) {
            Some(p) => {
                i = p.to;
                out.push(p);
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a period can start at a word: every form [`period_at`] reads opens with a
/// digit, a month, a small number ("two years ago") or a relative word. Most words are
/// none of these, and are passed over at once.
fn may_open_period(lw: &str) -> bool {
    lw.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || month_number(lw).is_some()
        || small_number(lw).is_some()
        || matches!(lw, "last" | "this" | "next" | "today" | "yesterday")
}

fn period_at(w: &Words, i: usize, published: Option<Date>, skip: &impl Fn(usize) -> bool) -> Option<Period> {
    let lw = w.lw(i);
    let text = w.text(i);
    let p = |to: usize, value: String| Some(Period { from: i, to, value });
    // Day Month [Year]: "31 March 2023", "1st May".
    if let Some(d) = day_of(lw)
        && !w.punct_before(i + 1)
        && let Some(m) = month_number(w.lw(i + 1)).filter(|_| w.cap(i + 1))
    {
        if let Some(y) = year_of(w.lw(i + 2)).filter(|_| !skip(i + 2)) {
            return p(i + 3, ymd(y, m, d));
        }
        let y = month_year(m, published)?;
        return p(i + 2, ymd(y, m, d));
    }
    if let Some(m) = month_number(lw).filter(|_| w.cap(i)) {
        // Month Day, Year: "March 31, 2023"; Month Year: "March 2023".
        if let Some(d) = day_of(w.lw(i + 1)).filter(|_| !skip(i + 1))
            && let Some(y) = year_of(w.lw(i + 2)).filter(|_| !skip(i + 2))
        {
            return p(i + 3, ymd(y, m, d));
        }
        if let Some(y) = year_of(w.lw(i + 1)).filter(|_| !skip(i + 1)) {
            return p(i + 2, ym(y, m));
        }
        // A month alone needs a word that makes it one ("in May", not "May said").
        let before = w.lw(i.wrapping_sub(1));
        if matches!(
            before,
            "in" | "by" | "until" | "during" | "last" | "this" | "of" | "early" | "late" | "mid" | "since" | "end"
        ) {
            let y = month_year(m, published)?;
            return p(i + 1, ym(y, m));
        }
        return None;
    }
    // ISO and dotted dates in one word: "2023-03-31", "31.03.2023".
    if text.len() == 10 && text.bytes().filter(|b| b.is_ascii_digit()).count() == 8 {
        let b = text.as_bytes();
        if b[4] == b'-' && b[7] == b'-' {
            let (y, m, d) = (text[..4].parse().ok()?, text[5..7].parse().ok()?, text[8..].parse().ok()?);
            return valid(y, m, d).then(|| Period { from: i, to: i + 1, value: ymd(y, m, d) });
        }
        if b[2] == b'.' && b[5] == b'.' {
            let (d, m, y) = (text[..2].parse().ok()?, text[3..5].parse().ok()?, text[6..].parse().ok()?);
            return valid(y, m, d).then(|| Period { from: i, to: i + 1, value: ymd(y, m, d) });
        }
    }
    // Slashed dates, day first unless the first part cannot be a month: "12/1/2024".
    if w.gap_before(i + 1) == "/" && w.gap_before(i + 2) == "/" {
        let (a, b) = (lw.parse::<u32>().ok()?, w.lw(i + 1).parse::<u32>().ok()?);
        let y = year_of(w.lw(i + 2))?;
        let (d, m) = if b > 12 { (b, a) } else { (a, b) };
        return valid(y, m, d).then(|| Period { from: i, to: i + 3, value: ymd(y, m, d) });
    }
    if let Some(y) = year_of(lw) {
        let before = w.lw(i.wrapping_sub(1));
        if before == "since" || (matches!(before, "act" | "order" | "regulations" | "bill") && w.cap(i - 1)) {
            return None;
        }
        // "2021/22", "2021/2022"
        if w.gap_before(i + 1) == "/" && !skip(i + 1) {
            let next = w.lw(i + 1);
            let b = match next.len() {
                2 => next.parse::<i32>().ok().map(|n| y / 100 * 100 + n),
                4 => year_of(next),
                _ => None,
            };
            if let Some(v) = b.and_then(|b| span_of_years(y, b)) {
                return p(i + 2, v);
            }
        }
        // "between 2010 and 2020", "from 2010 to 2020"
        if (before == "between" && w.is(i + 1, "and") || before == "from" && w.is(i + 1, "to"))
            && let Some(b) = year_of(w.lw(i + 2)).filter(|_| !skip(i + 2))
            && let Some(v) = span_of_years(y, b)
        {
            return p(i + 3, v);
        }
        return p(i + 1, y.to_string());
    }
    // "2021-22", "2010-2020" in one word.
    if let Some((a, b)) = text.split_once(['-', '–'])
        && let Some(y) = year_of(a)
    {
        let b = match b.len() {
            2 => b.parse::<i32>().ok().map(|n| y / 100 * 100 + n),
            4 => year_of(b),
            _ => None,
        };
        return b.and_then(|b| span_of_years(y, b)).map(|v| Period { from: i, to: i + 1, value: v });
    }
    relative(w, i, published?)
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1800..=2099).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// The year of a month named without one: the latest such month on or before `published`.
fn month_year(m: u32, published: Option<Date>) -> Option<i32> {
    let p = published?;
    if p.m == 0 {
        return None;
    }
    Some(if m <= p.m { p.y } else { p.y - 1 })
}

fn relative(w: &Words, i: usize, now: Date) -> Option<Period> {
    let p = |to: usize, value: String| Some(Period { from: i, to, value });
    let month_shift = |k: i32| -> Option<String> {
        if now.m == 0 {
            return None;
        }
        let total = now.y * 12 + now.m as i32 - 1 + k;
        Some(ym(total.div_euclid(12), (total.rem_euclid(12) + 1) as u32))
    };
    match (w.lw(i), w.lw(i + 1)) {
        ("last", "year") => return p(i + 2, (now.y - 1).to_string()),
        ("this", "year") => return p(i + 2, now.y.to_string()),
        ("next", "year") => return p(i + 2, (now.y + 1).to_string()),
        ("last", "month") => return p(i + 2, month_shift(-1)?),
        ("this", "month") => return p(i + 2, month_shift(0)?),
        ("next", "month") => return p(i + 2, month_shift(1)?),
        ("today", _) if !w.cap(i) || i == 0 => {
            let d = now.days_before(0)?;
            return p(i + 1, ymd(d.y, d.m, d.d));
        }
        ("yesterday", _) => {
            let d = now.days_before(1)?;
            return p(i + 1, ymd(d.y, d.m, d.d));
        }
        _ => {}
    }
    // "two years ago", "a decade ago"
    let n = small_number(w.lw(i))?;
    let years = match (w.lw(i + 1), w.lw(i + 2)) {
        ("year" | "years", "ago") => n,
        ("decade" | "decades", "ago") => 10 * n,
        _ => return None,
    };
    p(i + 3, (now.y - years).to_string())
}

/// A rate stated in words `from..to` ("every year", "a week", "per month", "annually"),
/// as `year`, `month`, `week` or `day` (or `hour`, `minute`, `second`: "times a minute").
pub fn rate(w: &Words, from: usize, to: usize) -> Option<&'static str> {
    (from..to.min(w.len()))
        .find_map(|i| rate_at(w, i).map(|r| (i, r)))
        // Short rates only right after the number ("78,000 times a minute").
        .filter(|&(i, r)| !matches!(r, "hour" | "minute" | "second") || i <= from + 2)
        .map(|(_, r)| r)
}

fn rate_at(w: &Words, i: usize) -> Option<&'static str> {
    let unit = |x: &str| match x {
        "year" | "annum" => Some("year"),
        "month" => Some("month"),
        "week" => Some("week"),
        "day" => Some("day"),
        "hour" => Some("hour"),
        "minute" => Some("minute"),
        "second" => Some("second"),
        _ => None,
    };
    match w.lw(i) {
        "annually" | "yearly" => Some("year"),
        "monthly" => Some("month"),
        "weekly" => Some("week"),
        "daily" => Some("day"),
        "every" | "each" | "per" => unit(w.lw(i + 1)),
        "a" | "an" => {
            // "a year" as a rate, not "a year ago", "for a year", "in a year's time".
            let u = unit(w.lw(i + 1))?;
            let after = w.lw(i + 2);
            let before = w.lw(i.wrapping_sub(1));
            let not_rate = matches!(after, "ago" | "earlier" | "before" | "later" | "after" | "on" | "from")
                || matches!(
                    before,
                    "for"
                        | "within"
                        | "over"
                        | "than"
                        | "in"
                        | "about"
                        | "around"
                        | "nearly"
                        | "almost"
                        | "under"
                        | "just"
                )
                || w.text(i + 1).ends_with("’s")
                || w.text(i + 1).ends_with("'s");
            (!not_rate).then_some(u)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`periods`] without its first-word test: `period_at` tried at every word.
    fn periods_tried_everywhere(w: &Words, published: Option<Date>) -> Vec<Period> {
        let (mut out, mut i) = (Vec::new(), 0);
        while i < w.len() {
            match period_at(w, i, published, &|_| false) {
                Some(p) => {
                    i = p.to;
                    out.push(p);
                }
                None => i += 1,
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_first_word_test_loses_no_period(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "In", "March", "may", "May", "31", "1st", "2023", "2021-22", "2023-03-31", "31.03.2023", "12", "/",
                "since", "last", "this", "next", "year", "month", "today", "Yesterday", "two", "a", "years",
                "decade", "ago", "between", "and", "from", "to", "Act", "the", "council", "said", ",",
            ]), 0..12),
        ) {
            let s = words.join(" ").replace(" / ", "/");
            let w = Words::new(&s);
            let published = Date::parse("2024-05-14");
            let got: Vec<(usize, usize, String)> =
                periods(&w, published, |_| false).into_iter().map(|p| (p.from, p.to, p.value)).collect();
            let want: Vec<(usize, usize, String)> =
                periods_tried_everywhere(&w, published).into_iter().map(|p| (p.from, p.to, p.value)).collect();
            proptest::prop_assert_eq!(got, want, "{}", s);
        }
    }

    fn values(s: &str, published: Option<&str>) -> Vec<String> {
        periods(&Words::new(s), published.and_then(Date::parse), |_| false).into_iter().map(|p| p.value).collect()
    }

    #[test]
    fn absolute_periods() {
        assert_eq!(
            values("In 2021-22 and in March 2023 and on 31 March 2023, and 2019/20 and 2018/2019", None),
            ["2021-22", "2023-03", "2023-03-31", "2019-20", "2018-19"]
        );
        assert_eq!(
            values("On March 31, 2023 and 2023-04-01 and 12/1/2024 and 5/17/2018", None),
            ["2023-03-31", "2023-04-01", "2024-01-12", "2018-05-17"]
        );
        assert_eq!(values("Between 2010 and 2020 output rose, and 2000-2005 too.", None), ["2010/2020", "2000/2005"]);
        assert_eq!(values("Under the Children Act 1989, since 2010 it rose.", None), Vec::<String>::new());
    }

    #[test]
    fn relative_periods_need_a_published_date() {
        let p = Some("2024-05-14T09:30:00Z");
        assert_eq!(values("Last year it rose; this year it fell; next year who knows.", p), ["2023", "2024", "2025"]);
        assert_eq!(values("Three years ago and a decade ago.", p), ["2021", "2014"]);
        assert_eq!(values("Last month, and today, and yesterday.", p), ["2024-04", "2024-05-14", "2024-05-13"]);
        assert_eq!(values("In March it rose; in December it fell.", p), ["2024-03", "2023-12"]);
        assert_eq!(values("Last year it rose.", None), Vec::<String>::new());
        // New year's day arithmetic.
        assert_eq!(values("Yesterday it rose.", Some("2024-01-01")), ["2023-12-31"]);
        assert_eq!(values("Last month it rose.", Some("2024-01-20")), ["2023-12"]);
    }

    #[test]
    fn months_alone_need_a_cue() {
        let p = Some("2024-05-14");
        assert_eq!(values("May said 40 were hurt.", p), Vec::<String>::new());
        assert_eq!(values("It rose in May.", p), ["2024-05"]);
    }

    #[test]
    fn rates() {
        let r = |s: &str| rate(&Words::new(s), 0, usize::MAX);
        assert_eq!(r("12,000 leave care every year"), Some("year"));
        assert_eq!(r("£300 a week"), Some("week"));
        assert_eq!(r("paid annually"), Some("year"));
        assert_eq!(r("a year ago"), None);
        assert_eq!(r("for a year"), None);
        assert_eq!(r("per month"), Some("month"));
    }
}
