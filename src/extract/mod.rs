//! Extract: a sentence → the numbers it states, as [`Mention`]s.
//!
//! A pure function of the sentence text, with no I/O: the hot path of the pipeline.
//! The sentence is lexed into tokens ([`lexer`]); the grammar then looks at each
//! token for a *side* — an optional sign and currency, a numeral or number words with
//! a scale, and a suffix (`%`, `per cent`, a currency word, a unit) — and joins two
//! sides into a range (`5-10`, `between 5 and 10`), a ratio (`1 in 50`) or a from/to
//! change. Words before and after give the bound (`nearly`, `more than`, `or more`)
//! and the change (`rose by`, `a 5% increase`).
//!
//! What is *not* a claim is decided here too: years, dates, times, ordinals, list
//! markers, identifiers (`Section 427`), names with digits (`COVID-19`, `5G`,
//! `Windows 11`), phone numbers, scores, numbers in URLs and page furniture
//! (`3 mins read`). Such constructs consume their tokens so that no part of them is
//! read again as a number.
//!
//! Invariants: every mention's span lies on char boundaries inside the sentence and
//! `span.start < span.end`; mentions come in text order and never overlap.

pub mod lexer;
mod vocab;

use crate::model::{Bound, Change, Kind, Mention, Span};
use lexer::{Gap, TokKind, Token, lex, num_value};

pub use vocab::is_stopword;

/// The numbers stated in `sentence`, in text order.
pub fn extract(sentence: &str) -> Vec<Mention> {
    Extractor::new().extract(sentence)
}

/// A number the grammar read and refused as a claim, with the rule's reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    /// Byte span into the sentence.
    pub span: Span,
    pub reason: &'static str,
}

impl Skipped {
    /// The reason is one DESIGN.md lists as "not a claim" (years, dates, times, ordinals,
    /// list markers, identifiers, names and codes with digits, phone numbers, scores, URLs,
    /// page furniture), as opposed to a judgement of this grammar's own.
    pub fn by_design(&self) -> bool {
        !matches!(self.reason, "lone word one" | "time reference" | "time span used as an adjective")
    }
}

/// Reusable extraction buffers: call [`Extractor::extract`] once per sentence.
#[derive(Default)]
pub struct Extractor {
    toks: Vec<Token>,
    lower: String,
    lspans: Vec<(usize, usize)>,
}

impl Extractor {
    pub fn new() -> Self {
        Self::default()
    }

    /// The numbers stated in `sentence`, in text order.
    pub fn extract(&mut self, sentence: &str) -> Vec<Mention> {
        self.extract_explained(sentence).0
    }

    /// The numbers stated in `sentence`, and the numbers read but refused as claims.
    pub fn extract_explained(&mut self, sentence: &str) -> (Vec<Mention>, Vec<Skipped>) {
        lex(sentence, &mut self.toks);
        if !self.toks.iter().any(|t| t.kind == TokKind::Num || t.kind == TokKind::Word) {
            return (Vec::new(), Vec::new());
        }
        self.lower.clear();
        self.lspans.clear();
        for t in &self.toks {
            let a = self.lower.len();
            if t.kind == TokKind::Word {
                for ch in sentence[t.start..t.end].chars() {
                    match ch {
                        '\u{2019}' => self.lower.push('\''),
                        c => self.lower.extend(c.to_lowercase()),
                    }
                }
            }
            self.lspans.push((a, self.lower.len()));
        }
        let mut p = Parser {
            s: sentence,
            t: &self.toks,
            lower: &self.lower,
            lspans: &self.lspans,
            out: Vec::new(),
            toks_of: Vec::new(),
            skipped: Vec::new(),
        };
        p.run();
        (p.out, p.skipped)
    }
}

/// One number with what is glued to it: sign, currency, scale, percent, unit.
#[derive(Clone, Copy, Debug)]
struct Side {
    /// First token of the surface (sign or currency prefix or the number).
    start: usize,
    /// One past the last token of the surface.
    end: usize,
    /// One past the last token consumed (suffix bound words such as "or more").
    consumed: usize,
    core_start: usize,
    value: f64,
    /// The number as written, before scale and currency factor.
    raw: f64,
    scale: f64,
    kind: Option<Kind>,
    currency: Option<&'static str>,
    unit: Option<&'static str>,
    /// Written in words ("eight").
    words: bool,
    /// A single numeral token without grouping, decimals or scale.
    plain: bool,
    /// Just the word "one": not a claim on its own ("at any one time", "one of").
    lone_one: bool,
    negative: bool,
    suffix_bound: Option<Bound>,
    /// Not a claim, and why.
    excluded: Option<&'static str>,
}

struct Parser<'a> {
    s: &'a str,
    t: &'a [Token],
    lower: &'a str,
    lspans: &'a [(usize, usize)],
    out: Vec<Mention>,
    /// For each mention, its (first, end) tokens, including bound words before it.
    toks_of: Vec<(usize, usize)>,
    /// Numbers refused as claims.
    skipped: Vec<Skipped>,
}

impl<'a> Parser<'a> {
    fn run(&mut self) {
        let mut i = 0;
        while i < self.t.len() {
            i = match self.expression(i) {
                Some(next) => next.max(i + 1),
                None => i + 1,
            };
        }
        self.link_up_from();
    }

    // ---- token helpers -------------------------------------------------------------

    fn text(&self, i: usize) -> &'a str {
        let t = &self.t[i];
        &self.s[t.start..t.end]
    }

    /// Lower-case text of word token `i`; "" for other tokens or out of range.
    fn lw(&self, i: usize) -> &'a str {
        match self.lspans.get(i) {
            Some(&(a, b)) => &self.lower[a..b],
            None => "",
        }
    }

    fn is_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    fn is_num(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == TokKind::Num)
    }

    fn is_char(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is_char(c))
    }

    fn is_dash(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == TokKind::Char && matches!(t.ch, '-' | '–' | '—' | '‑'))
    }

    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.gap == Gap::None)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.lw(i) == w
    }

    /// The word token just before `i`, if `i - 1` is a word.
    fn prev_word(&self, i: usize) -> Option<usize> {
        (i > 0 && self.is_word(i - 1)).then(|| i - 1)
    }

    // ---- expressions --------------------------------------------------------------

    /// Tries to read an expression starting at token `i`; returns the next token to
    /// look at if something (a mention or an excluded construct) was consumed.
    fn expression(&mut self, i: usize) -> Option<usize> {
        if let Some(next) = self.fraction(i) {
            return Some(next);
        }
        let s1 = self.side(i)?;
        if let Some(reason) = s1.excluded.or_else(|| self.excluded_by_context(&s1)) {
            return Some(self.skip(s1.start, s1.consumed, reason));
        }
        let (bound, bound_start) = self.bound_before(s1.start);
        let before = bound_start;

        // "between 5 and 10"
        if before > 0
            && self.word_is(before - 1, "between")
            && self.word_is(s1.consumed, "and")
            && let Some(s2) = self.side(s1.consumed + 1).filter(|s| s.excluded.is_none())
            && let Some((a, b)) = self.join_range(&s1, &s2)
        {
            self.push_range(a, b, before - 1, "range-between");
            return Some(b.consumed);
        }
        // "from 78,000 to 83,000": a change (two claims) or, after "ranging", a range.
        if before > 0
            && self.word_is(before - 1, "from")
            && self.word_is(s1.consumed, "to")
            && let Some(s2) = self.side(s1.consumed + 1).filter(|s| s.excluded.is_none())
            && let Some((a, b)) = self.join_range(&s1, &s2)
        {
            if self.range_context(before - 1) {
                self.push_range(a, b, before - 1, "range-from-to");
                return Some(b.consumed);
            }
            let change = self.change_before(before - 1).or(if b.value > a.value {
                Some(Change::Increase)
            } else if b.value < a.value {
                Some(Change::Decrease)
            } else {
                None
            });
            let old = self.push_side(&a, bound, None, before, "from-to-old");
            let new_bound = self.bound_before(b.start).0;
            let new = self.push_side(&b, new_bound, change, s1.consumed + 1, "from-to-new");
            self.out[new].from = Some(old);
            return Some(b.consumed);
        }
        // "2-1", "3–0": scores.
        if let Some(next) = self.score(&s1) {
            return Some(self.skip(s1.start, next, "sports score"));
        }
        // "5-10", "5 to 10", "£5m-£10m", "5–10%"
        if let Some((a, b, rule)) = self.simple_range(&s1) {
            self.push_range(a, b, before, rule);
            return Some(b.consumed);
        }
        // "1 in 50", "one in five", "one child in every 140", "9 out of 10"
        if let Some(next) = self.ratio(&s1, before) {
            return Some(next);
        }
        if s1.lone_one {
            return Some(self.skip(s1.start, s1.consumed, "lone word one"));
        }
        let change = self.change_before(before).or_else(|| self.change_after(&s1)).or(if s1.negative {
            Some(Change::Decrease)
        } else {
            None
        });
        let bound = s1.suffix_bound.or(bound);
        self.push_side(&s1, bound, change, before, "number");
        Some(s1.consumed)
    }

    /// Reads one side at token `i`. `None` when no number starts here.
    fn side(&self, i: usize) -> Option<Side> {
        let n = self.t.len();
        let mut k = i;
        let mut negative = false;
        // A sign: "-3%", "+12" (not the hyphen of "COVID-19" or "5-10").
        if k < n
            && self.t[k].kind == TokKind::Char
            && matches!(self.t[k].ch, '-' | '−' | '+')
            && self.is_num(k + 1)
            && self.glued(k + 1)
            && (k == 0 || self.t[k].gap != Gap::None || self.is_char(k - 1, '('))
        {
            negative = self.t[k].ch != '+';
            k += 1;
        }
        // Currency before the number: "£", "US$", "USD".
        let mut currency = None;
        if k < n && self.t[k].kind == TokKind::Char {
            if let Some(c) = vocab::currency_symbol(self.t[k].ch) {
                currency = Some(c);
                k += 1;
            }
        } else if k < n && self.t[k].kind == TokKind::Word {
            let w = self.text(k);
            if self.is_char(k + 1, '$') && self.glued(k + 1) {
                if let Some(c) = vocab::dollar_prefix(w) {
                    currency = Some(c);
                    k += 2;
                }
            } else if let Some(c) = vocab::iso_currency(w)
                && (self.is_num(k + 1) || self.is_char(k + 1, '$'))
            {
                currency = Some(c);
                k += 1;
                if self.is_char(k, '$') {
                    k += 1;
                }
            }
        }
        // A sign after the currency: "£-5" is rare; "$-" never mind.
        let core_start = k;
        let (raw, mut core_end, words, lone_one) = self.core(k)?;
        if currency.is_some() && k > i && !self.glued(k) && self.t[k].gap == Gap::Newline {
            return None;
        }
        let plain_numeral = !words && core_end == core_start + 1 && self.t[core_start].plain_int();
        let mut scale = 1.0;
        // Scale: glued ("12m", "£3.4bn", "40k") or spaced ("12 million").
        if !words && let Some(sc) = self.scale_at(core_end) {
            scale = sc;
            core_end += 1;
        }
        let mut side = Side {
            start: i,
            end: core_end,
            consumed: core_end,
            core_start,
            value: raw * scale,
            raw,
            scale,
            kind: None,
            currency,
            unit: None,
            words,
            plain: plain_numeral && scale == 1.0,
            lone_one: false,
            negative,
            suffix_bound: None,
            excluded: None,
        };
        if currency.is_some() {
            side.kind = Some(Kind::Money);
        }
        if !words
            && core_end == core_start + 1
            && let Some(reason) = self.numeral_shape(core_start)
        {
            side.excluded = Some(reason);
            side.consumed = self.skip_construct(core_start);
            return Some(side);
        }
        self.suffix(&mut side);
        side.lone_one = lone_one && side.kind.is_none() && side.scale == 1.0;
        if negative {
            side.value = -side.value;
        }
        Some(side)
    }

    /// A number at token `k`: a numeral, or number words. Returns (value, end token,
    /// written in words, is the lone word "one").
    fn core(&self, k: usize) -> Option<(f64, usize, bool, bool)> {
        let t = self.t.get(k)?;
        match t.kind {
            TokKind::Num => {
                let v = num_value(self.text(k));
                v.is_finite().then_some((v, k + 1, false, false))
            }
            TokKind::Word => self.number_words(k),
            TokKind::Char => None,
        }
    }

    /// "two hundred and forty", "twenty-five", "a dozen", "half a million", "1.2 million"
    /// is handled by `side`; this reads words only.
    fn number_words(&self, k: usize) -> Option<(f64, usize, bool, bool)> {
        let w = self.lw(k);
        let mut j = k;
        let mut total = 0.0;
        let mut cur = 0.0;
        let mut any = false;
        let mut last_small: Option<(f64, bool)> = None;
        // "a hundred", "a dozen", "a million"; "half a million".
        if w == "a" || w == "an" {
            let next = self.lw(k + 1);
            if matches!(next, "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen") {
                cur = 1.0;
                j = k + 1;
                any = true;
            } else {
                return None;
            }
        } else if w == "half" {
            let next = self.lw(k + 2);
            if self.word_is(k + 1, "a") && matches!(next, "million" | "billion" | "trillion") {
                let sc = vocab::scale_word(next).unwrap_or(1.0);
                return Some((0.5 * sc, k + 3, true, false));
            }
            return None;
        }
        let mut end = j;
        while j < self.t.len() && self.is_word(j) {
            let w = self.lw(j);
            if let Some((v, tens)) = vocab::small_number(w) {
                match last_small {
                    // "twenty five" / "twenty-five": tens then units.
                    Some((lv, true)) if !tens && v < 10.0 && lv >= 20.0 => {}
                    Some(_) => break,
                    None => {}
                }
                cur += v;
                last_small = Some((v, tens));
                any = true;
                end = j + 1;
            } else if w == "hundred" && any {
                cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
                last_small = None;
                end = j + 1;
            } else if w == "dozen" && any {
                cur = cur.max(1.0) * 12.0;
                last_small = None;
                end = j + 1;
            } else if let Some(sc) = vocab::spaced_scale_word(w).filter(|_| any && !w.ends_with('s')) {
                if sc == 1e3 || cur > 0.0 || total == 0.0 {
                    total += cur.max(if total == 0.0 { 1.0 } else { 0.0 }) * sc;
                    cur = 0.0;
                    last_small = None;
                    end = j + 1;
                } else {
                    break;
                }
            } else if w == "and" && any && last_small.is_none() && vocab::small_number(self.lw(j + 1)).is_some() {
                // "two hundred and forty": only after hundred/thousand.
            } else {
                break;
            }
            j += 1;
            // A hyphen inside "twenty-five".
            if self.is_dash(j)
                && self.glued(j)
                && self.glued(j + 1)
                && last_small.is_some_and(|(_, t)| t)
                && let Some((v, false)) = vocab::small_number(self.lw(j + 1))
                && v < 10.0
                && v > 0.0
            {
                j += 1;
            }
        }
        if !any || end == k {
            return None;
        }
        let value = total + cur;
        let lone_one = end == k + 1 && self.lw(k) == "one";
        Some((value, end, true, lone_one))
    }

    /// A scale word at token `j` that applies to the numeral before it.
    fn scale_at(&self, j: usize) -> Option<f64> {
        if !self.is_word(j) {
            return None;
        }
        let w = self.lw(j);
        if self.glued(j) {
            // "12m", "3.4bn", "40k" — but not "12mph" or "5million-strong" oddities.
            vocab::scale_word(w)
        } else {
            vocab::spaced_scale_word(w).filter(|_| !self.text(j).starts_with(|c: char| c.is_uppercase()) || w.len() > 2)
        }
    }

    /// Exclusions decided by the numeral's own shape and what is glued to it.
    fn numeral_shape(&self, k: usize) -> Option<&'static str> {
        let t = &self.t[k];
        let text = self.text(k);
        if t.dotted {
            return Some("version or dotted date");
        }
        // Leading zero: phone numbers, codes ("0800", "020 7946"). "0.5" is fine.
        if text.starts_with('0') && t.int_digits >= 3 && !t.grouped {
            return Some("phone number or code");
        }
        // International phone prefix "+44 20 7946 0958".
        if k > 0 && self.is_char(k - 1, '+') && self.glued(k) && self.is_num(k + 1) && !self.glued(k + 1) {
            return Some("phone number");
        }
        // "12/1/2024", "24/7", "2021/22": dates and periods.
        if self.is_char(k + 1, '/') && self.glued(k + 1) && self.is_num(k + 2) && self.glued(k + 2) {
            return Some("date or period");
        }
        // "10:30", "1:50" (a time or a score).
        if self.is_char(k + 1, ':') && self.glued(k + 1) && self.is_num(k + 2) && self.glued(k + 2) {
            return Some("time");
        }
        // "2024-05-14" and "2021-22" / "2021–22".
        if t.plain_int()
            && t.int_digits == 4
            && self.is_dash(k + 1)
            && self.glued(k + 1)
            && self.is_num(k + 2)
            && self.glued(k + 2)
        {
            let v = num_value(text);
            let next = &self.t[k + 2];
            if (1800.0..=2100.0).contains(&v) && (next.int_digits == 2 || next.int_digits == 4) && next.plain_int() {
                let second = num_value(self.text(k + 2));
                let consecutive = if next.int_digits == 2 {
                    (second - v % 100.0 - 1.0).abs() < 0.5 || (v % 100.0 == 99.0 && second == 0.0)
                } else {
                    second > v
                };
                let iso_date = self.is_dash(k + 3) && self.is_num(k + 4);
                if consecutive || iso_date {
                    return Some("period or date");
                }
            }
        }
        // What is glued after the numeral.
        if self.is_word(k + 1) && self.glued(k + 1) {
            let w = self.lw(k + 1);
            return match w {
                "st" | "nd" | "rd" | "th" => Some("ordinal"),
                "am" | "pm" => Some("time"),
                "s" if t.int_digits == 4 || t.int_digits == 2 => Some("decade"),
                _ if vocab::scale_word(w).is_some()
                    || vocab::glued_unit(self.text(k + 1)).is_some()
                    || matches!(w, "p" | "pc" | "pct" | "bps" | "x") =>
                {
                    None
                }
                _ => Some("name or code with digits"),
            };
        }
        None
    }

    /// The end of an excluded numeric construct starting at `k`: a chain of numerals
    /// joined by `/ : . - ,` or spaces (dates, phone numbers, times), with a glued suffix.
    fn skip_construct(&self, k: usize) -> usize {
        let mut j = k + 1;
        loop {
            if j + 1 < self.t.len()
                && self.t[j].kind == TokKind::Char
                && matches!(self.t[j].ch, '/' | ':' | '.' | '-' | '–')
                && self.glued(j)
                && self.is_num(j + 1)
                && self.glued(j + 1)
            {
                j += 2;
                continue;
            }
            // Phone numbers continue over spaces: "020 7946 0958".
            if self.is_num(j) && !self.glued(j) && self.t[j].gap == Gap::Space && self.phone_like(k) {
                j += 1;
                continue;
            }
            break;
        }
        if self.is_word(j) && self.glued(j) {
            j += 1;
        }
        j
    }

    fn phone_like(&self, k: usize) -> bool {
        let text = self.text(k);
        (text.starts_with('0') && self.t[k].int_digits >= 3) || (k > 0 && self.is_char(k - 1, '+'))
    }

    /// Percent, currency words, units and suffix bounds after the number.
    fn suffix(&self, side: &mut Side) {
        let j = side.end;
        // Percent: "5%", "5 %", "5 per cent", "5 percent", "5pc", "5 pct", "5 percentage points".
        if side.currency.is_none() {
            if self.is_char(j, '%') && self.t[j].gap != Gap::Newline {
                side.kind = Some(Kind::Percent);
                side.unit = Some("percent");
                side.end = j + 1;
                // "5% points"
                if matches!(self.lw(j + 1), "point" | "points") && self.is_word(j + 1) {
                    side.kind = Some(Kind::PercentagePoint);
                    side.unit = Some("percentage point");
                    side.end = j + 2;
                }
            } else if self.is_word(j) {
                let w = self.lw(j);
                let glued = self.glued(j);
                if (w == "per" && matches!(self.lw(j + 1), "cent" | "centum"))
                    || (w == "per" && self.is_dash(j + 1) && self.lw(j + 2) == "cent")
                {
                    side.kind = Some(Kind::Percent);
                    side.unit = Some("percent");
                    side.end = if self.is_dash(j + 1) { j + 3 } else { j + 2 };
                } else if w == "percent" || ((w == "pc" || w == "pct") && (glued || !side.words)) {
                    side.kind = Some(Kind::Percent);
                    side.unit = Some("percent");
                    side.end = j + 1;
                } else if w == "percentage" && matches!(self.lw(j + 1), "point" | "points") {
                    side.kind = Some(Kind::PercentagePoint);
                    side.unit = Some("percentage point");
                    side.end = j + 2;
                } else if w == "basis" && matches!(self.lw(j + 1), "point" | "points") || w == "bps" {
                    side.kind = Some(Kind::PercentagePoint);
                    side.unit = Some("percentage point");
                    side.value /= 100.0;
                    side.end = if w == "bps" { j + 1 } else { j + 2 };
                } else if w == "pp" || w == "ppts" {
                    side.kind = Some(Kind::PercentagePoint);
                    side.unit = Some("percentage point");
                    side.end = j + 1;
                }
                if side.kind == Some(Kind::Percent) && matches!(self.lw(side.end), "point" | "points") {
                    side.kind = Some(Kind::PercentagePoint);
                    side.unit = Some("percentage point");
                    side.end += 1;
                }
            }
        }
        // Currency after the number: "3 million pounds", "50p", "12 dlrs", "5m euros", "5bn USD".
        if side.kind.is_none() && self.is_word(j) {
            let w = self.lw(j);
            let glued = self.glued(j);
            let cw = if w == "p" && !glued { None } else { vocab::currency_word(w) };
            if let Some((code, factor)) = cw {
                side.kind = Some(Kind::Money);
                side.currency = Some(code);
                side.value *= factor;
                side.end = j + 1;
            } else if let Some(code) = vocab::iso_currency(self.text(j)) {
                side.kind = Some(Kind::Money);
                side.currency = Some(code);
                side.end = j + 1;
            }
        }
        // Units: "15-year-old", "10 years old", "40 yards", "275 mph", "3 hours", "60 kilos".
        if side.kind.is_none() {
            self.unit_suffix(side);
        }
        side.consumed = side.end;
        // Suffix bounds: "40,000+", "40,000-plus", "or more", "or fewer", "or so", "-odd".
        let k = side.end;
        if self.is_char(k, '+') && self.glued(k) {
            side.suffix_bound = Some(Bound::Lower);
            side.consumed = k + 1;
        } else if self.word_is(k, "plus") || (self.is_dash(k) && self.word_is(k + 1, "plus")) {
            side.suffix_bound = Some(Bound::Lower);
            side.consumed = if self.is_dash(k) { k + 2 } else { k + 1 };
        } else if (self.is_dash(k) && self.glued(k) && self.word_is(k + 1, "odd"))
            || (self.word_is(k, "or") && self.word_is(k + 1, "so"))
        {
            side.suffix_bound = Some(Bound::Approx);
            side.consumed = k + 2;
        } else if self.word_is(k, "or") || self.word_is(k, "and") {
            let w = self.lw(k + 1);
            let b = match w {
                "more" | "over" | "above" | "higher" | "greater" => Some(Bound::Lower),
                "less" | "fewer" | "under" | "below" | "lower" => Some(Bound::Upper),
                _ => None,
            };
            // "and over" only for ages and counts ("aged 65 and over").
            if b.is_some() && (self.lw(k) == "or" || w == "over" || w == "under") {
                side.suffix_bound = b;
                side.consumed = k + 2;
            }
        }
    }

    fn unit_suffix(&self, side: &mut Side) {
        let j = side.end;
        // "15-year-old", "15-year-olds"
        if self.is_dash(j)
            && self.glued(j)
            && matches!(self.lw(j + 1), "year" | "years")
            && self.is_dash(j + 2)
            && matches!(self.lw(j + 3), "old" | "olds")
        {
            side.kind = Some(Kind::Quantity);
            side.unit = Some("year of age");
            side.end = j + 4;
            return;
        }
        if !(self.is_word(j) || (self.is_dash(j) && self.glued(j) && self.is_word(j + 1))) {
            // "40°C"
            if self.is_char(j, '°') {
                side.kind = Some(Kind::Quantity);
                side.unit = Some(match self.lw(j + 1) {
                    "c" => "degree Celsius",
                    "f" => "degree Fahrenheit",
                    _ => "degree",
                });
                side.end = if self.is_word(j + 1) && self.glued(j + 1) { j + 2 } else { j + 1 };
            }
            return;
        }
        // "10-mile", "3-hour" (adjectival, hyphenated)
        let (w_at, hyphen) = if self.is_dash(j) { (j + 1, true) } else { (j, false) };
        if hyphen && !self.glued(w_at) {
            return;
        }
        let w = self.lw(w_at);
        let glued = self.glued(w_at) && !hyphen;
        // "10 years old"
        if matches!(w, "year" | "years") && self.word_is(w_at + 1, "old") {
            side.kind = Some(Kind::Quantity);
            side.unit = Some("year of age");
            side.end = w_at + 2;
            return;
        }
        // "sq m", "square miles"
        if matches!(w, "sq" | "square") {
            let u = vocab::unit_word(self.lw(w_at + 1)).or(match self.lw(w_at + 1) {
                "m" => Some("metre"),
                _ => None,
            });
            if let Some(u) = u {
                side.kind = Some(Kind::Quantity);
                side.unit = Some(match u {
                    "metre" => "square metre",
                    "mile" => "square mile",
                    "foot" => "square foot",
                    "kilometre" => "square kilometre",
                    _ => "square unit",
                });
                side.end = w_at + 2;
            }
            return;
        }
        let unit = if glued { vocab::glued_unit(self.text(w_at)) } else { vocab::unit_word(w) };
        if let Some(u) = unit {
            // "two years ago": a time reference, not a claim.
            if !hyphen && self.word_is(w_at + 1, "ago") {
                side.excluded = Some("time reference");
                side.end = w_at + 2;
                return;
            }
            // "3 mins read": page furniture.
            if u == "minute" && self.word_is(w_at + 1, "read") {
                side.excluded = Some("page furniture");
                side.end = w_at + 2;
                return;
            }
            // "a five-year plan", "a 24-hour strike": a time span as an adjective, not a claim.
            if hyphen && TIME_UNITS.contains(&u) && self.is_word(w_at + 1) {
                side.excluded = Some("time span used as an adjective");
                side.end = w_at + 1;
                return;
            }
            side.kind = Some(Kind::Quantity);
            side.unit = Some(u);
            side.end = w_at + 1;
        }
    }

    /// Exclusions that need the words around the side.
    fn excluded_by_context(&self, s: &Side) -> Option<&'static str> {
        let k = s.core_start;
        let start = s.start;
        if s.words {
            return None;
        }
        // Hashtags and number signs: "#Respect4SocialWork" (glued word), "#4".
        if start > 0 && self.is_char(start - 1, '#') && self.glued(start) {
            return Some("hashtag or number sign");
        }
        // Glued to a word before: "care12", "COVID19"; through a hyphen: "COVID-19", "M-25".
        if start > 0 && self.glued(start) {
            let p = start - 1;
            if self.is_word(p) && s.currency.is_none() {
                return Some("name or code with digits");
            }
            if self.is_dash(p) && p > 0 && self.glued(p) && self.is_word(p - 1) {
                return Some("name or code with digits");
            }
            if (self.is_char(p, '.') || self.is_char(p, '/')) && p > 0 && self.is_num(p - 1) && self.glued(p) {
                return Some("part of a dotted or slashed code");
            }
        }
        // Citations "[1]".
        if start > 0 && self.is_char(start - 1, '[') && self.is_char(s.end, ']') {
            return Some("citation mark");
        }
        // Inside a URL, e-mail address or file path.
        if self.in_url(k) {
            return Some("part of a URL or address");
        }
        if s.kind.is_some() || s.scale != 1.0 {
            return None;
        }
        // List markers: "1." or "2)" at the start of a sentence or after a colon.
        if s.plain && self.t[k].int_digits <= 2 && self.list_marker(k) {
            return Some("list marker");
        }
        // Identifiers: "Section 427", "No. 10", "Year 7", "Article 12".
        if let Some(p) = self.word_before_skipping_dot(start) {
            let w = self.lw(p);
            if vocab::is_identifier_word(w) && (!vocab::identifier_needs_capital(w) || self.capitalised(p)) {
                return Some("identifier");
            }
        }
        // Dates: "14 May", "May 14", "14th February" (day numbers beside a month name).
        if s.plain && self.t[k].int_digits <= 2 {
            let month_after = self.is_word(s.end) && self.capitalised(s.end) && vocab::is_month(self.lw(s.end));
            let month_before = start > 0
                && self
                    .word_before_skipping_dot(start)
                    .is_some_and(|p| self.capitalised(p) && vocab::is_month(self.lw(p)));
            if month_after || month_before {
                return Some("date");
            }
        }
        // Years: a plain four-digit number from 1800 to 2100.
        if s.plain && self.t[k].int_digits == 4 && (1800.0..=2100.0).contains(&s.raw) && self.year_here(s) {
            return Some("year");
        }
        // Names with digits: "Windows 11", "Apollo 11", "FTSE 100" — a capitalised word
        // that is not a function word, then a small number not followed by a noun.
        if (s.plain || self.t[k].decimal)
            && self.t[k].int_digits <= 4
            && let Some(p) = self.prev_word(start)
        {
            let w = self.lw(p);
            // Capitalised only because it opens the sentence, or a word that commonly
            // precedes a quantity: not a name.
            let ordinary = vocab::is_stopword(w)
                || vocab::is_month(w)
                || is_bound_word(w)
                || vocab::change_verb(w).is_some()
                || (p == 0 && w.len() <= 3);
            if self.capitalised(p) && !ordinary && !self.followed_by_content_word(s.end) {
                return Some("name with digits");
            }
        }
        None
    }

    fn word_before_skipping_dot(&self, start: usize) -> Option<usize> {
        if start == 0 {
            return None;
        }
        if self.is_word(start - 1) {
            return Some(start - 1);
        }
        if start >= 2 && self.is_char(start - 1, '.') && self.glued(start - 1) && self.is_word(start - 2) {
            return Some(start - 2);
        }
        None
    }

    fn followed_by_content_word(&self, j: usize) -> bool {
        self.is_word(j)
            && !self.capitalised(j)
            && !vocab::is_stopword(self.lw(j))
            && !matches!(self.lw(j), "is" | "was" | "has" | "had" | "will" | "and" | "or")
    }

    /// Is a plain four-digit number at this place a year?
    fn year_here(&self, s: &Side) -> bool {
        let (bound, _) = self.bound_before(s.start);
        if bound.is_some() {
            return false;
        }
        // "employs 2000 people": a count when a lower-case content word follows and the
        // word before is neither temporal ("in 2019 people…") nor a determiner ("the 2019
        // figures").
        let next = s.end;
        if self.followed_by_content_word(next)
            && let Some(p) = self.prev_word(s.start)
        {
            let pw = self.lw(p);
            let temporal = matches!(
                pw,
                "in" | "since"
                    | "by"
                    | "from"
                    | "until"
                    | "till"
                    | "during"
                    | "before"
                    | "after"
                    | "of"
                    | "the"
                    | "a"
                    | "this"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "early"
                    | "late"
                    | "mid"
                    | "spring"
                    | "summer"
                    | "autumn"
                    | "winter"
                    | "fall"
                    | "end"
                    | "to"
                    | "and"
                    | "for"
                    | "between"
                    | "through"
                    | "that"
            ) || vocab::is_month(pw);
            if !temporal && !self.capitalised(p) {
                return false;
            }
        }
        true
    }

    fn list_marker(&self, k: usize) -> bool {
        let after_ok = (self.is_char(k + 1, '.') || self.is_char(k + 1, ')'))
            && self.glued(k + 1)
            && (k + 2 >= self.t.len() || self.t[k + 2].gap != Gap::None);
        let paren = k > 0 && self.is_char(k - 1, '(') && self.is_char(k + 1, ')') && self.glued(k) && self.glued(k + 1);
        let start_before = |i: usize| {
            i == 0
                || self.t[i].gap == Gap::Newline
                || (self.t[i - 1].kind == TokKind::Char
                    && matches!(self.t[i - 1].ch, ':' | ';' | '•' | '·' | '?' | '!' | '*' | '–' | '—'))
        };
        (after_ok && start_before(k)) || (paren && start_before(k - 1))
    }

    fn in_url(&self, k: usize) -> bool {
        let b = self.s.as_bytes();
        let tok = &self.t[k];
        let mut a = tok.start;
        while a > 0 && !b[a - 1].is_ascii_whitespace() {
            a -= 1;
        }
        let mut e = tok.end;
        while e < b.len() && !b[e].is_ascii_whitespace() {
            e += 1;
        }
        let chunk = &self.s[a..e];
        chunk.contains("://") || chunk.contains("www.") || chunk.contains('@') || chunk.starts_with('/')
    }

    // ---- left and right context ------------------------------------------------------

    /// The bound stated by the words just before token `start`, and the first token of
    /// those words (== `start` when there are none).
    fn bound_before(&self, start: usize) -> (Option<Bound>, usize) {
        let w = |back: usize| -> &str {
            if start >= back && self.is_word(start - back) { self.lw(start - back) } else { "" }
        };
        let (w1, w2, w3) = (w(1), w(2), w(3));
        // "c. 500", "approx. 500"
        if start >= 2
            && self.is_char(start - 1, '.')
            && matches!(self.lw(start - 2), "c" | "ca" | "approx" | "est")
            && self.is_word(start - 2)
        {
            return (Some(Bound::Approx), start - 2);
        }
        let three = match (w3, w2, w1) {
            ("no", "more", "than") | ("not", "more", "than") | ("no", "greater", "than") => Some(Bound::Upper),
            ("as", "many", "as") | ("as", "much", "as") | ("as", "high", "as") => Some(Bound::Upper),
            ("a", "maximum", "of") | ("just", "shy", "of") | ("slightly", "less", "than") => Some(Bound::Upper),
            ("no", "less", "than") | ("no", "fewer", "than") | ("not", "less", "than") => Some(Bound::Lower),
            ("a", "minimum", "of") | ("slightly", "more", "than") | ("just", "more", "than") => Some(Bound::Lower),
            ("in", "excess", "of") | ("well", "in", "excess") => Some(Bound::Lower),
            ("in", "the", "region") | ("more", "or", "less") | ("the", "equivalent", "of") => Some(Bound::Approx),
            _ => None,
        };
        if let Some(b) = three {
            return (Some(b), start - 3);
        }
        let two = match (w2, w1) {
            ("less", "than")
            | ("fewer", "than")
            | ("lower", "than")
            | ("up", "to")
            | ("at", "most")
            | ("just", "under")
            | ("just", "below")
            | ("shy", "of")
            | ("almost", "exactly") => Some(Bound::Upper),
            ("more", "than")
            | ("greater", "than")
            | ("higher", "than")
            | ("at", "least")
            | ("upwards", "of")
            | ("just", "over")
            | ("well", "over")
            | ("just", "above")
            | ("well", "above")
            | ("a", "record") => Some(Bound::Lower),
            ("an", "estimated") | ("close", "to") | ("around", "about") | ("roughly", "about") => Some(Bound::Approx),
            _ => None,
        };
        if let Some(b) = two {
            return (Some(b), start - 2);
        }
        let one = match w1 {
            "nearly" | "almost" | "under" | "below" | "max" | "maximum" | "barely" => Some(Bound::Upper),
            "over" | "above" | "exceeding" | "minimum" | "upwards" => Some(Bound::Lower),
            "around" | "about" | "approximately" | "approx" | "roughly" | "some" | "circa" | "estimated"
            | "approaching" | "nearing" => Some(Bound::Approx),
            _ => None,
        };
        match one {
            Some(b) => (Some(b), start - 1),
            None => (None, start),
        }
    }

    /// A change stated by a verb governing the number: "rose 5%", "fell by 3 points",
    /// "up 2%", "cut to £5m". `before` is the first token of any bound words.
    fn change_before(&self, before: usize) -> Option<Change> {
        let mut p = before.checked_sub(1)?;
        if !self.is_word(p) {
            return None;
        }
        if matches!(self.lw(p), "by" | "to" | "a" | "an") {
            p = p.checked_sub(1)?;
        }
        if self.is_word(p) && self.lw(p).ends_with("ly") && p > 0 && self.is_word(p - 1) {
            p -= 1;
        }
        if !self.is_word(p) {
            return None;
        }
        vocab::change_verb(self.lw(p))
    }

    /// A change noun after the number: "a 5% increase", "a £50m annual cut".
    fn change_after(&self, s: &Side) -> Option<Change> {
        let j = s.consumed;
        if !self.is_word(j) {
            return None;
        }
        if let Some(c) = vocab::change_noun(self.lw(j)) {
            return Some(c);
        }
        let w = self.lw(j);
        if !vocab::is_stopword(w)
            && self.is_word(j + 1)
            && let Some(c) = vocab::change_noun(self.lw(j + 1))
            && (self.lw(j + 2) != "of" || matches!(w, "annual" | "year" | "yearly" | "monthly"))
        {
            return Some(c);
        }
        None
    }

    /// Words before "from X to Y" that make it a range ("ranging from 5 to 10").
    fn range_context(&self, from_tok: usize) -> bool {
        (from_tok.saturating_sub(3)..from_tok).any(|p| {
            let w = self.lw(p);
            w.starts_with("rang") || w.starts_with("vary") || w.starts_with("varies") || w == "anywhere"
        })
    }

    // ---- ranges, ratios, fractions ------------------------------------------------

    /// "5-10", "5–10%", "£5m-£10m", "5 to 10 per cent", "5bn to 6bn".
    fn simple_range(&self, s1: &Side) -> Option<(Side, Side, &'static str)> {
        let c = s1.consumed;
        let dash = self.is_dash(c);
        let to = self.word_is(c, "to");
        if !dash && !to {
            return None;
        }
        // A hyphen glued on one side only is a compound ("5-strong"), not a range.
        if dash && self.glued(c) != self.glued(c + 1) {
            return None;
        }
        let s2 = self.side(c + 1)?;
        if s2.excluded.is_some() {
            return None;
        }
        // "rose 5% to £10m": a change and a level, not a range.
        if to && (s1.kind != s2.kind && !(s1.kind.is_none() || s2.kind.is_none())) {
            return None;
        }
        if to && self.change_before(self.bound_before(s1.start).1).is_some() {
            return None;
        }
        let (a, b) = self.join_range(s1, &s2)?;
        Some((a, b, if dash { "range-dash" } else { "range-to" }))
    }

    /// Shares kind, currency, unit and scale between the two ends of a range. `None` if
    /// they cannot be one range (different kinds, or the second end below the first).
    fn join_range(&self, s1: &Side, s2: &Side) -> Option<(Side, Side)> {
        let (mut a, mut b) = (*s1, *s2);
        if a.lone_one && !b.words {
            a.lone_one = false;
        }
        match (a.kind, b.kind) {
            (Some(x), Some(y)) if x != y => return None,
            (None, Some(y)) => {
                a.kind = Some(y);
                a.unit = a.unit.or(b.unit);
                if a.currency.is_none() {
                    a.currency = b.currency;
                }
            }
            (Some(x), None) => {
                b.kind = Some(x);
                b.unit = b.unit.or(a.unit);
                if b.currency.is_none() {
                    b.currency = a.currency;
                }
            }
            _ => {}
        }
        if a.currency.is_some() && b.currency.is_some() && a.currency != b.currency {
            return None;
        }
        if a.unit.is_some() && b.unit.is_some() && a.unit != b.unit {
            return None;
        }
        // "£5-10m", "between 5 and 10 million": the scale of the second end applies to both.
        if a.scale == 1.0 && b.scale != 1.0 && a.raw <= b.raw {
            a.value *= b.scale;
            a.scale = b.scale;
        }
        // Pence written on the second end: "50-70p".
        if a.kind == Some(Kind::Money)
            && a.currency == b.currency
            && b.value < b.raw * b.scale
            && a.value == a.raw * a.scale
        {
            a.value *= b.value / (b.raw * b.scale);
        }
        if b.value <= a.value {
            return None;
        }
        Some((a, b))
    }

    /// Sports scores "2-1", "3–0": two small plain numbers joined by a dash, the first not
    /// below the second (a range goes up) or with sports words in the sentence. Returns the
    /// token after the score.
    fn score(&self, a: &Side) -> Option<usize> {
        let c = a.consumed;
        if !(a.plain && a.raw <= 30.0 && a.kind.is_none() && self.is_dash(c)) {
            return None;
        }
        let b = self.side(c + 1)?;
        if !(b.plain && b.raw <= 30.0 && b.kind.is_none()) {
            return None;
        }
        let sports = (0..self.t.len()).any(|i| self.is_word(i) && vocab::is_sports_word(self.lw(i)));
        (b.raw <= a.raw || sports).then_some(b.consumed)
    }

    /// "1 in 50", "one in five", "one child in every 140", "9 out of 10".
    fn ratio(&mut self, s1: &Side, before: usize) -> Option<usize> {
        if s1.kind.is_some() || s1.scale != 1.0 || s1.raw <= 0.0 {
            return None;
        }
        let mut j = s1.consumed;
        let mut every_needed = false;
        // "one child in every 140": up to two lower-case words before "in".
        if !self.word_is(j, "in") && !self.word_is(j, "out") {
            let mut n = 0;
            while n < 2 && self.is_word(j) && !self.capitalised(j) && !matches!(self.lw(j), "in" | "out") {
                j += 1;
                n += 1;
            }
            every_needed = true;
        }
        let out_of = self.word_is(j, "out") && self.word_is(j + 1, "of");
        if !(self.word_is(j, "in") || out_of) {
            return None;
        }
        j += if out_of { 2 } else { 1 };
        let every = self.word_is(j, "every");
        if every {
            j += 1;
        } else if every_needed {
            return None;
        }
        let s2 = self.side(j)?;
        if s2.excluded.is_some() || s2.kind.is_some() || s2.value <= s1.raw {
            return None;
        }
        // "1 in 2019" is not a ratio.
        if s2.plain && self.t[s2.core_start].int_digits == 4 && (1800.0..=2100.0).contains(&s2.raw) && !every {
            return None;
        }
        let (bound, _) = self.bound_before(s1.start);
        let span = Span::new(self.t[s1.start].start, self.t[s2.end - 1].end);
        let m = plain_mention(span, Kind::Ratio, s1.raw / s2.value, bound, "ratio");
        self.push(m, before, s2.consumed);
        Some(s2.consumed)
    }

    /// "a third of", "half of", "two-thirds", "three-quarters", "a quarter of".
    fn fraction(&mut self, i: usize) -> Option<usize> {
        if !self.is_word(i) {
            return None;
        }
        let w = self.lw(i);
        // "half of", "half the"
        if w == "half" && matches!(self.lw(i + 1), "of" | "the" | "their" | "its" | "all") && self.is_word(i + 1) {
            let (bound, b) = self.bound_before(i);
            self.push_fraction(i, i, 0.5, bound, b, "fraction-half");
            return Some(i + 1);
        }
        let num = match w {
            "a" | "an" | "one" => 1.0,
            _ => match vocab::small_number(w) {
                Some((v, false)) if (2.0..=10.0).contains(&v) => v,
                _ => return None,
            },
        };
        let (den_tok, hyphen) =
            if self.is_dash(i + 1) && self.glued(i + 1) && self.glued(i + 2) { (i + 2, true) } else { (i + 1, false) };
        let dw = self.lw(den_tok);
        let den = vocab::fraction_word(dw)?;
        if !self.is_word(den_tok) || den == 2.0 && num > 1.0 {
            return None;
        }
        // Plural denominators go with numerators above one, and the other way round.
        let plural = dw.ends_with('s');
        if (num > 1.0) != plural {
            return None;
        }
        // "a third of", "one-third", "two-thirds", "three-quarters"; but "a quarter" alone
        // is often a time ("a quarter of an hour" is still read: rare in news figures).
        let of_follows = self.word_is(den_tok + 1, "of");
        if num == 1.0 && !hyphen && !of_follows {
            return None;
        }
        // "a quarter of a million" is a count.
        if of_follows
            && self.word_is(den_tok + 2, "a")
            && let Some(sc) = vocab::spaced_scale_word(self.lw(den_tok + 3))
        {
            let (bound, b) = self.bound_before(i);
            let span = Span::new(self.t[i].start, self.t[den_tok + 3].end);
            let m = plain_mention(span, Kind::Count, num / den * sc, bound, "fraction-of-scale");
            self.push(m, b, den_tok + 4);
            return Some(den_tok + 4);
        }
        let (bound, b) = self.bound_before(i);
        self.push_fraction(i, den_tok, num / den, bound, b, "fraction");
        Some(den_tok + 1)
    }

    fn push_fraction(
        &mut self,
        first: usize,
        last: usize,
        value: f64,
        bound: Option<Bound>,
        b: usize,
        rule: &'static str,
    ) {
        let span = Span::new(self.t[first].start, self.t[last].end);
        let m = plain_mention(span, Kind::Ratio, value, bound, rule);
        self.push(m, b, last + 1);
    }

    // ---- output -------------------------------------------------------------------

    /// Records tokens `first..end` as a refused number; returns `end`.
    fn skip(&mut self, first: usize, end: usize, reason: &'static str) -> usize {
        let end_tok = end.min(self.t.len()).max(first + 1);
        let span = Span::new(self.t[first].start, self.t[end_tok - 1].end);
        self.skipped.push(Skipped { span, reason });
        end
    }

    fn push(&mut self, m: Mention, first_tok: usize, end_tok: usize) -> usize {
        debug_assert!(m.span.start < m.span.end);
        self.out.push(set_bound_ends(m));
        self.toks_of.push((first_tok, end_tok));
        self.out.len() - 1
    }

    fn push_side(
        &mut self,
        s: &Side,
        bound: Option<Bound>,
        change: Option<Change>,
        first_tok: usize,
        rule: &'static str,
    ) -> usize {
        let kind = s.kind.unwrap_or(Kind::Count);
        let m = Mention {
            span: Span::new(self.t[s.start].start, self.t[s.end - 1].end),
            kind,
            value: s.value,
            low: None,
            high: None,
            bound: bound.unwrap_or(Bound::Exact),
            unit: s.unit,
            currency: s.currency,
            change,
            from: None,
            rule,
        };
        self.push(m, first_tok, s.consumed)
    }

    fn push_range(&mut self, a: Side, b: Side, first_tok: usize, rule: &'static str) {
        let kind = a.kind.unwrap_or(Kind::Count);
        let m = Mention {
            span: Span::new(self.t[a.start].start, self.t[b.end - 1].end),
            kind,
            value: (a.value + b.value) / 2.0,
            low: Some(a.value),
            high: Some(b.value),
            bound: Bound::Range,
            unit: a.unit.or(b.unit),
            currency: a.currency.or(b.currency),
            change: None,
            from: None,
            rule,
        };
        self.push(m, first_tok, b.consumed);
    }

    /// "83,000, up from 78,000": links the earlier mention to the later old value.
    fn link_up_from(&mut self) {
        for i in 1..self.out.len() {
            let (first, _) = self.toks_of[i];
            if first < 2 || !self.word_is(first - 1, "from") {
                continue;
            }
            let dir = match self.lw(first - 2) {
                "up" => Change::Increase,
                "down" => Change::Decrease,
                _ => continue,
            };
            let prev = i - 1;
            if self.out[prev].from.is_some() || self.out[i].from.is_some() || self.out[prev].kind != self.out[i].kind {
                continue;
            }
            // The two must be close: "83,000, up from 78,000", "to 83,000 – up from 78,000".
            let (_, prev_end) = self.toks_of[prev];
            if first - 2 > prev_end + 2 {
                continue;
            }
            self.out[prev].from = Some(i);
            self.out[prev].change = Some(dir);
        }
    }
}

const TIME_UNITS: &[&str] = &["second", "minute", "hour", "day", "week", "month", "year", "decade"];

/// A mention with no unit, currency or change.
fn plain_mention(span: Span, kind: Kind, value: f64, bound: Option<Bound>, rule: &'static str) -> Mention {
    Mention {
        span,
        kind,
        value,
        low: None,
        high: None,
        bound: bound.unwrap_or(Bound::Exact),
        unit: None,
        currency: None,
        change: None,
        from: None,
        rule,
    }
}

/// Puts the stated side of a bound into `low`/`high` ("nearly 12m" → high 12m).
fn set_bound_ends(mut m: Mention) -> Mention {
    match m.bound {
        Bound::Upper => m.high = Some(m.value),
        Bound::Lower => m.low = Some(m.value),
        _ => {}
    }
    m
}

fn is_bound_word(w: &str) -> bool {
    matches!(
        w,
        "nearly"
            | "almost"
            | "over"
            | "under"
            | "around"
            | "about"
            | "approximately"
            | "roughly"
            | "some"
            | "up"
            | "more"
            | "less"
            | "fewer"
            | "at"
            | "just"
            | "only"
            | "exactly"
            | "circa"
            | "below"
            | "above"
            | "estimated"
            | "total"
            | "another"
            | "further"
            | "additional"
            | "extra"
            | "all"
            | "top"
            | "last"
            | "first"
            | "next"
            | "each"
            | "every"
            | "per"
            | "plus"
            | "minus"
            | "than"
            | "between"
    )
}

#[cfg(test)]
mod tests;
