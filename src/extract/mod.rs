//! Extract: a sentence → the numbers it states, as [`Mention`]s.
//!
//! A pure function of the sentence text, with no I/O: the hot path of the pipeline.
//! The sentence is lexed into tokens ([`lexer`]); the grammar then looks at each
//! token for a *side* — an optional sign and currency, a numeral or number words with
//! a scale, and a suffix (`%`, `per cent`, a currency word, a unit, a rate) — and joins
//! two sides into a range (`5-10`, `between 5 and 10`), a ratio (`1 in 50`) or a from/to
//! change. Words before and after give the bound (`nearly`, `more than`, `or more`)
//! and the change (`rose by`, `a 5% increase`).
//!
//! What is *not* a claim is decided here too: years, dates, times, ordinals, list
//! markers, identifiers (`Section 427`), names with digits (`COVID-19`, `5G`,
//! `Windows 11`, `FTSE 100`), phone numbers, scores, numbers in URLs and page furniture
//! (`3 mins read`). Such constructs consume their tokens so that no part of them is
//! read again as a number, and are reported as [`Skipped`] with the reason.
//!
//! Invariants: every mention's span lies on char boundaries inside the sentence and
//! `span.start < span.end`; mentions come in text order and never overlap.

pub mod lexer;
mod units;
mod vocab;

use crate::model::{Bound, Change, Kind, Mention, Span};
use lexer::{Gap, TokKind, Token, lex, num_value};
use units::{TIME_UNITS, UNITS};

pub use vocab::{change_verb, is_stopword, is_stopword_bytes};

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
        !matches!(
            self.reason,
            "pronoun or idiom one" | "time reference" | "time span used as an adjective" | "number word in a compound"
        )
    }
}

/// Reusable extraction buffers: call [`Extractor::extract`] once per sentence.
#[derive(Default)]
pub struct Extractor {
    toks: Vec<Token>,
    lower: String,
    toks_of: Vec<(usize, usize)>,
    skipped: Vec<Skipped>,
}

impl Extractor {
    pub fn new() -> Self {
        Self::default()
    }

    /// The numbers stated in `sentence`, in text order.
    pub fn extract(&mut self, sentence: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        self.extract_into(sentence, &mut out);
        out
    }

    /// The numbers stated in `sentence`, in text order, into `out` (cleared first): the
    /// allocation-free form for loops over many sentences.
    pub fn extract_into(&mut self, sentence: &str, out: &mut Vec<Mention>) {
        out.clear();
        self.parse(sentence, out);
        self.skipped.clear();
    }

    /// The numbers stated in `sentence`, and the numbers read but refused as claims.
    pub fn extract_explained(&mut self, sentence: &str) -> (Vec<Mention>, Vec<Skipped>) {
        let mut out = Vec::new();
        self.skipped.clear();
        self.parse(sentence, &mut out);
        (out, std::mem::take(&mut self.skipped))
    }

    fn parse(&mut self, sentence: &str, out: &mut Vec<Mention>) {
        // Most sentences state no number: nothing to lex or parse. (Token offsets are 32-bit:
        // a "sentence" of 4 GiB is not one.)
        if sentence.len() > u32::MAX as usize || !lexer::may_hold_number(sentence) {
            return;
        }
        lex(sentence, &mut self.toks);
        if !self.toks.iter().any(|t| t.anchor) {
            return;
        }
        // The sentence in ASCII lower case: same byte offsets, so a word's lower-case form
        // is the same range of this copy.
        self.lower.clear();
        self.lower.push_str(sentence);
        self.lower.make_ascii_lowercase();
        let mut p = Parser {
            s: sentence,
            t: &self.toks,
            lower: &self.lower,
            out: std::mem::take(out),
            toks_of: std::mem::take(&mut self.toks_of),
            skipped: std::mem::take(&mut self.skipped),
            shouting: std::cell::OnceCell::new(),
        };
        p.run();
        *out = p.out;
        self.skipped = p.skipped;
        self.toks_of = p.toks_of;
        self.toks_of.clear();
    }
}

/// One number with what is glued to it: sign, currency, scale, percent, unit, rate.
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
    per: Option<&'static str>,
    /// Written in words ("eight").
    words: bool,
    /// A single numeral token without grouping, decimals or scale.
    plain: bool,
    /// Just the word "one".
    lone_one: bool,
    negative: bool,
    suffix_bound: Option<Bound>,
    /// Not a claim, and why.
    excluded: Option<&'static str>,
}

/// A number as written, before its suffixes.
#[derive(Clone, Copy, Debug)]
struct Core {
    value: f64,
    /// One past its last token.
    end: usize,
    words: bool,
    lone_one: bool,
    /// A scale word was part of it ("two million", "4 hundred million").
    scaled: bool,
}

struct Parser<'a> {
    s: &'a str,
    t: &'a [Token],
    /// The sentence in ASCII lower case (same byte offsets).
    lower: &'a str,
    out: Vec<Mention>,
    /// For each mention, its (first, end) tokens, including bound words before it.
    toks_of: Vec<(usize, usize)>,
    /// Numbers refused as claims.
    skipped: Vec<Skipped>,
    /// The sentence is in capitals (computed on first use).
    shouting: std::cell::OnceCell<bool>,
}

impl<'a> Parser<'a> {
    fn run(&mut self) {
        // Only anchors are visited: a number starts at an anchor, at a prefix at most two
        // tokens before one ("US $ 5", "minus five", "a third", "-3%"), or at a percent word
        // three before ("per cent of twenty").
        let n = self.t.len();
        let mut done = 0; // tokens before this are consumed
        let mut a = 0;
        while a < n {
            if !self.t[a].anchor {
                a += 1;
                continue;
            }
            let mut next = None;
            for k in a.saturating_sub(3).max(done)..=a {
                let percent_word = matches!(self.lw(k), "percent" | "percents" | "percentage" | "per");
                let may_start = k == a || percent_word || (k + 2 >= a && self.may_prefix(k));
                if may_start && let Some(end) = self.expression(k) {
                    next = Some(end.max(k + 1));
                    break;
                }
            }
            match next {
                Some(end) => {
                    done = end;
                    a = end;
                }
                None => a += 1,
            }
        }
        self.link_from_pairs();
        self.inherit_from_neighbours();
    }

    /// A token that can open a number before its anchor: a sign, a currency sign or code,
    /// "minus", an article ("a third", "a dozen").
    fn may_prefix(&self, i: usize) -> bool {
        let t = &self.t[i];
        match t.kind {
            TokKind::Char => vocab::currency_symbol(t.ch).is_some() || matches!(t.ch, '-' | '+' | '−'),
            TokKind::Word => {
                let raw = self.text(i);
                raw.len() <= 4 && raw.as_bytes()[0].is_ascii_uppercase()
                    || matches!(
                        self.lw(i),
                        "a" | "an" | "minus" | "negative" | "usd" | "gbp" | "eur" | "rmb" | "us" | "hk" | "c"
                    )
            }
            TokKind::Num => true,
        }
    }

    // ---- token helpers -------------------------------------------------------------

    /// Text of token `i`; "" out of range.
    fn text(&self, i: usize) -> &'a str {
        match self.t.get(i) {
            Some(t) => &self.s[t.start as usize..t.end as usize],
            None => "",
        }
    }

    /// Lower-case text of word token `i`; "" for other tokens or out of range.
    fn lw(&self, i: usize) -> &'a str {
        match self.t.get(i) {
            Some(t) if t.kind == TokKind::Word => &self.lower[t.start as usize..t.end as usize],
            _ => "",
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

    /// A token's text for pattern matching: lower case for words, as is otherwise.
    fn key(&self, i: usize) -> &'a str {
        if self.is_word(i) { self.lw(i) } else { self.text(i) }
    }

    // ---- expressions --------------------------------------------------------------

    /// Tries to read an expression starting at token `i`; returns the next token to
    /// look at if something (a mention or a refused number) was consumed.
    fn expression(&mut self, i: usize) -> Option<usize> {
        if let Some(next) = self.vague(i) {
            return Some(next);
        }
        if let Some(next) = self.fraction(i) {
            return Some(next);
        }
        if let Some(next) = self.percent_of(i) {
            return Some(next);
        }
        let s1 = self.side(i)?;
        if let Some(reason) = s1.excluded.or_else(|| self.excluded_by_context(&s1)) {
            let end = self.skip_range_tail(s1.consumed);
            return Some(self.skip(s1.start, end, reason));
        }
        let (bound, before) = self.bound_before(s1.start);

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
            && let Some((a, b)) = self.join_pair(&s1, &s2)
        {
            if self.range_context(before - 1) && a.value < b.value {
                self.push_range(a, b, before - 1, "range-from-to");
                return Some(b.consumed);
            }
            let change = self.change_before(before - 1).or(direction(a.value, b.value));
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
        // "5-10", "5 to 10", "£5m-£10m", "5–10%", "three or four"
        if let Some((a, b, rule)) = self.simple_range(&s1, before) {
            let change = self.change_before(before);
            let m = self.push_range(a, b, before, rule);
            self.out[m].change = change;
            return Some(b.consumed);
        }
        // "1 in 50", "one in five", "one child in every 140", "9 out of 10", "1 over 3"
        if let Some(next) = self.ratio(&s1, before) {
            return Some(next);
        }
        if s1.lone_one && !self.one_counts(&s1) {
            return Some(self.skip(s1.start, s1.consumed, "pronoun or idiom one"));
        }
        let change = self
            .change_before(before)
            .or_else(|| self.change_after(&s1))
            .or(if s1.negative && s1.kind != Some(Kind::Quantity) { Some(Change::Decrease) } else { None });
        let bound = s1.suffix_bound.or(bound);
        self.push_side(&s1, bound, change, before, "number");
        Some(s1.consumed)
    }

    /// Reads one side at token `i`. `None` when no number starts here.
    fn side(&self, i: usize) -> Option<Side> {
        let n = self.t.len();
        let mut k = i;
        let mut negative = false;
        // A sign: "-3%", "+12" (not the hyphen of "COVID-19" or "5-10"); "minus 5".
        if k < n
            && self.t[k].kind == TokKind::Char
            && matches!(self.t[k].ch, '-' | '−' | '+')
            && self.glued(k + 1)
            && (self.is_num(k + 1) || self.currency_char(k + 1))
            && (k == 0 || self.t[k].gap != Gap::None || self.is_char(k - 1, '('))
        {
            negative = self.t[k].ch != '+';
            k += 1;
        } else if k < n && matches!(self.lw(k), "minus" | "negative") && !(k >= 2 && self.lw(k - 2) == "plus") {
            let next = if self.is_dash(k + 1) && self.glued(k + 1) { k + 2 } else { k + 1 };
            if self.is_num(next) || self.number_words(next).is_some() {
                negative = true;
                k = next;
            }
        }
        let (currency, prefix_scale, after_prefix) = self.currency_prefix(k);
        k = after_prefix;
        if negative && currency.is_none() && k < n && self.t[k].kind == TokKind::Char && self.t[k].ch == '-' {
            return None;
        }
        let core_start = k;
        let core = self.core(k)?;
        if currency.is_some() && k > i && self.t[k].gap == Gap::Newline {
            return None;
        }
        let mut core_end = core.end;
        let plain_numeral = !core.words && core_end == core_start + 1 && self.t[core_start].plain_int();
        let mut scale = 1.0;
        if !core.words && !core.scaled {
            // Scale: glued ("12m", "£3.4bn", "40k") or spaced ("12 million", "13 lakh crore").
            while let Some(sc) = self.scale_at(core_end, scale == 1.0) {
                scale *= sc;
                core_end += 1;
            }
        }
        // "MUSD 20" style prefixes carry a scale of their own.
        if scale == 1.0 {
            scale = prefix_scale;
        }
        let mut side = Side {
            start: i,
            end: core_end,
            consumed: core_end,
            core_start,
            value: core.value * scale,
            raw: core.value,
            scale,
            kind: None,
            currency,
            unit: None,
            per: None,
            words: core.words,
            plain: plain_numeral && scale == 1.0,
            lone_one: false,
            negative,
            suffix_bound: None,
            excluded: None,
        };
        if currency.is_some() {
            side.kind = Some(Kind::Money);
        }
        if !core.words
            && core_end == core_start + 1
            && let Some(reason) = self.numeral_shape(core_start)
        {
            side.excluded = Some(reason);
            side.consumed = self.skip_construct(core_start);
            return Some(side);
        }
        self.suffix(&mut side);
        side.lone_one = core.lone_one && side.kind.is_none() && side.scale == 1.0 && !negative;
        if negative {
            side.value = -side.value;
        }
        Some(side)
    }

    fn currency_char(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == TokKind::Char && vocab::currency_symbol(t.ch).is_some())
    }

    /// A currency before the number at `k`: (currency, scale it implies, token after it).
    fn currency_prefix(&self, k: usize) -> (Option<&'static str>, f64, usize) {
        let n = self.t.len();
        if k >= n {
            return (None, 1.0, k);
        }
        let t = &self.t[k];
        if t.kind == TokKind::Char
            && let Some(c) = vocab::currency_symbol(t.ch)
        {
            // "$US55m", "$A82m": the country after the dollar sign.
            if t.ch == '$'
                && self.is_word(k + 1)
                && self.glued(k + 1)
                && self.is_num(k + 2)
                && self.glued(k + 2)
                && let Some(d) = vocab::dollar_prefix(self.text(k + 1))
            {
                return (Some(d), 1.0, k + 2);
            }
            return (Some(c), 1.0, k + 1);
        }
        if t.kind != TokKind::Word {
            return (None, 1.0, k);
        }
        let w = self.text(k);
        // "US$", "HK $", "C$", "hk $" (a dollar prefix spaced before "$" only when it is not
        // a single letter in lower case, which would be a word of its own).
        if self.is_char(k + 1, '$')
            && (self.glued(k + 1) || w.len() >= 2 || w.chars().all(|c| c.is_ascii_lowercase()))
            && let Some(d) = vocab::dollar_prefix(w)
        {
            return (Some(d), 1.0, k + 2);
        }
        let next_is_number = self.is_num(k + 1) || (!self.glued(k + 1) && self.number_words(k + 1).is_some());
        if !next_is_number {
            return (None, 1.0, k);
        }
        if let Some(c) = vocab::iso_currency(w).or_else(|| vocab::currency_prefix_word(w)) {
            return (Some(c), 1.0, k + 1);
        }
        // Lower-case ISO codes ("usd 200") only for the common currencies.
        if matches!(self.lw(k), "usd" | "gbp" | "eur" | "rmb") {
            return (vocab::iso_currency(&w.to_ascii_uppercase()), 1.0, k + 1);
        }
        // "MUSD 20", "KSEK 500": a scale letter before an ISO code.
        if let Some((sc, code)) = scaled_iso(w) {
            return (Some(code), sc, k + 1);
        }
        (None, 1.0, k)
    }

    /// A number at token `k`: a numeral (with glued or spaced fractions and number-word
    /// scales: "2½", "2 1/4", "4 hundred million"), a vulgar fraction, or number words.
    fn core(&self, k: usize) -> Option<Core> {
        let t = self.t.get(k)?;
        match t.kind {
            TokKind::Num => {
                // A dotted numeral ("192.168.1.2") has no value: `numeral_shape` refuses it.
                let v = if t.dotted { 0.0 } else { num_value(self.text(k)) };
                if !v.is_finite() {
                    return None;
                }
                let mut core = Core { value: v, end: k + 1, words: false, lone_one: false, scaled: false };
                // "1.1^23", "2.5^-1", "1.3x10^6": powers.
                if let Some((value, end)) = self.power(k, v) {
                    return Some(Core { value, end, ..core });
                }
                // "3/4", "-4/5": a simple fraction (dates have other shapes: see numeral_shape).
                if let Some((frac, end)) = self.slash_fraction(k) {
                    return Some(Core { value: frac, end, ..core });
                }
                if t.plain_int() {
                    // "2½", "2 1/4"
                    if let Some(f) = self.t.get(k + 1).filter(|n| n.gap == Gap::None).and_then(|n| vulgar(n.ch)) {
                        core.value += f;
                        core.end = k + 2;
                        return Some(core);
                    }
                    if self.t.get(k + 1).is_some_and(|n| n.gap == Gap::Space)
                        && let Some((frac, end)) = self.slash_fraction(k + 1)
                    {
                        core.value += frac;
                        core.end = end;
                        return Some(core);
                    }
                    // "7-3/4 pct", "12-1/2 cts": wire-style mixed numbers in halves to 64ths.
                    if self.is_dash(k + 1)
                        && self.glued(k + 1)
                        && self.glued(k + 2)
                        && let Some((frac, end)) = self.slash_fraction(k + 2)
                        && matches!(num_value(self.text(k + 4)) as u32, 2 | 4 | 8 | 16 | 32 | 64)
                    {
                        core.value += frac;
                        core.end = end;
                        return Some(core);
                    }
                    // "4 hundred million", "3 hundred and 21", "322 hundred".
                    if matches!(
                        self.lw(k + 1),
                        "hundred" | "thousand" | "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs"
                    ) || (matches!(self.lw(k + 1), "million" | "billion" | "lakh" | "crore")
                        && matches!(self.lw(k + 2), "hundred" | "thousand" | "and"))
                    {
                        return self.number_words(k).or(Some(core));
                    }
                }
                Some(core)
            }
            TokKind::Word => self.number_words(k),
            TokKind::Char => {
                let f = vulgar(t.ch)?;
                Some(Core { value: f, end: k + 1, words: false, lone_one: false, scaled: false })
            }
        }
    }

    /// A power after the numeral at `k`: "^23", "^-1", "^--23", "x10^6", "×10^-4".
    fn power(&self, k: usize, base: f64) -> Option<(f64, usize)> {
        let mut j = k + 1;
        let mut mantissa = base;
        let mut base = base;
        let times = (self.is_word(j) && self.glued(j) && self.lw(j) == "x") || self.is_char(j, '×');
        if times && self.text(j + 1) == "10" && self.glued(j + 1) {
            j += 2;
            base = 10.0;
        } else {
            mantissa = 1.0;
        }
        if !(self.is_char(j, '^') && self.glued(j)) {
            return None;
        }
        j += 1;
        let mut negative = false;
        while self.t.get(j).is_some_and(|t| t.kind == TokKind::Char && matches!(t.ch, '-' | '+' | '−')) {
            negative ^= self.t[j].ch != '+';
            j += 1;
        }
        if !self.is_num(j) {
            return None;
        }
        let exp = num_value(self.text(j));
        let exp = if negative { -exp } else { exp };
        let value = mantissa * base.powf(exp);
        value.is_finite().then_some((value, j + 1))
    }

    /// "3/4" at token `k`: a proper fraction with a small denominator, not part of a date.
    fn slash_fraction(&self, k: usize) -> Option<(f64, usize)> {
        if !(self.is_num(k) && self.is_char(k + 1, '/') && self.glued(k + 1) && self.is_num(k + 2) && self.glued(k + 2))
        {
            return None;
        }
        if self.is_char(k + 3, '/') || !self.t[k].plain_int() || !self.t[k + 2].plain_int() {
            return None;
        }
        let (a, b) = (num_value(self.text(k)), num_value(self.text(k + 2)));
        let small_den = matches!(b as u32, 2 | 3 | 4 | 5 | 6 | 8 | 10 | 16 | 32 | 64 | 100);
        (a >= 1.0 && a < b && small_den).then_some((a / b, k + 3))
    }

    /// Number words, with numerals where a count may stand: "two hundred and forty",
    /// "twenty-five", "a dozen", "half a million", "three quarters billion", "4 thousand 3
    /// hundred and 21", "five point five", "one and a half", "nought".
    fn number_words(&self, k: usize) -> Option<Core> {
        #[derive(Clone, Copy, PartialEq)]
        enum Last {
            None,
            Small { tens: bool },
            Hundred,
            Scale(f64),
        }
        let w = self.lw(k);
        let mut j = k;
        let mut total = 0.0;
        let mut cur = 0.0;
        let mut any = false;
        let mut last = Last::None;
        let mut scaled = false;
        // This thousands group already has its "hundred".
        let mut has_hundred = false;
        // "a hundred", "a dozen", "a million"; "half a million", "half a dozen"; "quarter
        // million", "three quarters billion".
        if (w == "hundred" || w == "thousand") && vocab::spaced_scale_word(self.lw(k + 1)).is_some() {
            // "hundred thousand dollars": a scale opening the number.
            cur = if w == "hundred" { 100.0 } else { 1000.0 };
            j = k + 1;
            any = true;
            has_hundred = w == "hundred";
        } else if w == "a" || w == "an" {
            if matches!(
                self.lw(k + 1),
                "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen" | "lakh" | "crore"
            ) {
                cur = 1.0;
                j = k + 1;
                any = true;
            } else {
                return None;
            }
        } else if let Some(den) = vocab::fraction_word(w).filter(|_| matches!(w, "half" | "quarter")) {
            let skip_a = usize::from(self.word_is(k + 1, "a"));
            let next = self.lw(k + 1 + skip_a);
            let sc = match next {
                "dozen" => Some(12.0),
                n => vocab::spaced_scale_word(n),
            }?;
            return Some(Core { value: sc / den, end: k + 2 + skip_a, words: true, lone_one: false, scaled: true });
        }
        let mut end = j;
        let mut mixed = false;
        // The last small number added, for "three hundred and two dozens" (= 300 + 2 × 12).
        let mut group_small = 0.0;
        // The state before the last "and", to fall back to when what follows does not
        // continue this number ("3 hundred and 2 hundred" is two numbers).
        let mut before_and: Option<(f64, f64, usize)> = None;

        while j < self.t.len() {
            let is_num = self.is_num(j) && self.t[j].plain_int();
            if !(self.is_word(j) || is_num) {
                break;
            }
            let w = self.lw(j);
            let small = if is_num {
                // A numeral inside number words: "4 thousand 3 hundred and 21".
                let v = num_value(self.text(j));
                (v < 1000.0 && (j == k || matches!(last, Last::Scale(_) | Last::Hundred))).then_some((v, false))
            } else {
                vocab::small_number(w)
            };
            if let Some((v, tens)) = small {
                match last {
                    // "twenty five" / "twenty-five": tens then units.
                    Last::Small { tens: true } if !tens && v < 10.0 && !is_num => {}
                    Last::Small { .. } => break,
                    _ => {}
                }
                mixed |= is_num;
                cur += v;
                group_small = if matches!(last, Last::Small { tens: true }) { group_small + v } else { v };
                last = Last::Small { tens };
                any = true;
                end = j + 1;
            } else if any
                && !is_num
                && let Some(den) = vocab::fraction_word(w).filter(|_| w.ends_with('s') || total + cur == 1.0)
                && !matches!(w, "half" | "halves")
            {
                // "three quarters", "twenty-three fifths", "three quarters billion", "a
                // hundred thousand trillionths"; "one hundred thirty fifths" is 100/35: a tens
                // word right before a unit ordinal belongs to the denominator.
                let mut num = total + cur;
                let mut den = den;
                let prev_and = j >= 2 && self.word_is(j - 2, "and");
                if last == (Last::Small { tens: true }) && cur > group_small && den < 10.0 && !prev_and {
                    num -= group_small;
                    den += group_small;
                }
                let mut value = num / den;
                let mut fend = j + 1;
                if let Some(sc) = vocab::spaced_scale_word(self.lw(j + 1)) {
                    value *= sc;
                    fend = j + 2;
                }
                return Some(Core { value, end: fend, words: true, lone_one: false, scaled: fend == j + 2 });
            } else if (w == "hundred" || (w == "hundreds" && matches!(last, Last::Small { .. }))) && any {
                if has_hundred {
                    // A second "hundred" in one group starts another number.
                    if let Some((t, c, e)) = before_and {
                        return Some(Core { value: t + c, end: e, words: true, lone_one: false, scaled: true });
                    }
                    break;
                }
                cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
                has_hundred = true;
                last = Last::Hundred;
                scaled = true;
                end = j + 1;
            } else if matches!(w, "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs") && any {
                cur = if matches!(last, Last::Small { .. }) { cur + group_small * 11.0 } else { cur.max(1.0) * 12.0 };
                last = Last::Hundred;
                end = j + 1;
            } else if let Some(sc) = vocab::spaced_scale_word(w).filter(|_| any) {
                if let Last::Scale(prev) = last
                    && sc > prev
                    && cur == 0.0
                {
                    // "three lakh crore", "a thousand million": scales multiply.
                    total *= sc;
                } else {
                    total += cur.max(if total == 0.0 { 1.0 } else { 0.0 }) * sc;
                }
                cur = 0.0;
                has_hundred = false;
                last = Last::Scale(sc);
                scaled = true;
                end = j + 1;
            } else if w == "and" && any {
                // "two hundred and forty", "one and a half", "twenty and three fifths".
                if let Some((f, fend)) = self.and_fraction(j + 1) {
                    let base = total + cur;
                    // "one billion and three quarters million" (the fraction read its scale).
                    if fend >= 1 && vocab::spaced_scale_word(self.lw(fend - 1)).is_some() {
                        return Some(Core { value: base + f, end: fend, words: true, lone_one: false, scaled: true });
                    }
                    // "one billion and a half million": the fraction of the scale after it.
                    if let Some(sc) = vocab::spaced_scale_word(self.lw(fend)).filter(|_| matches!(last, Last::Scale(_)))
                    {
                        return Some(Core {
                            value: base + f * sc,
                            end: fend + 1,
                            words: true,
                            lone_one: false,
                            scaled: true,
                        });
                    }
                    if let Last::Scale(sc) = last {
                        // "3 million and a half"
                        return Some(Core { value: base + f * sc, end: fend, words: true, lone_one: false, scaled });
                    }
                    // "one and a half", "five and a half million"
                    return Some(match vocab::spaced_scale_word(self.lw(fend)) {
                        Some(sc) => {
                            Core { value: (base + f) * sc, end: fend + 1, words: true, lone_one: false, scaled: true }
                        }
                        None => Core { value: base + f, end: fend, words: true, lone_one: false, scaled },
                    });
                }
                let next_small = vocab::small_number(self.lw(j + 1)).is_some() || self.is_num(j + 1);
                if !(matches!(last, Last::Hundred | Last::Scale(_)) && next_small) {
                    break;
                }
                before_and = Some((total, cur, end));
            } else if w == "point" && any && matches!(last, Last::Small { .. } | Last::Hundred | Last::Scale(_)) {
                // "five point five", "two hundred point zero three", "nine point nought four".
                if let Some((dec, dend)) = self.spoken_decimals(j + 1) {
                    let value = total + cur + dec;
                    return Some(Core { value, end: dend, words: true, lone_one: false, scaled });
                }
                break;
            } else {
                break;
            }
            j += 1;
            // A hyphen inside "twenty-five", also spaced: "fifty - two".
            if self.is_dash(j)
                && last == (Last::Small { tens: true })
                && vocab::small_number(self.lw(j + 1)).is_some_and(|(v, t)| !t && v > 0.0 && v < 10.0)
            {
                j += 1;
            }
            // "ninety-five hundred-fifths": a hyphenated denominator after a scale, 9500/5.
            if self.is_dash(j)
                && self.glued(j)
                && matches!(last, Last::Hundred | Last::Scale(_))
                && self.lw(j + 1).ends_with('s')
                && let Some(den) = vocab::fraction_word(self.lw(j + 1))
            {
                return Some(Core {
                    value: (total + cur) / den,
                    end: j + 2,
                    words: true,
                    lone_one: false,
                    scaled: false,
                });
            }
            // "one hundred thirty-fifths": a hyphenated ordinal denominator, 100/35.
            if self.is_dash(j)
                && self.glued(j)
                && last == (Last::Small { tens: true })
                && self.lw(j + 1).ends_with('s')
                && let Some(unit) = vocab::ordinal_unit(self.lw(j + 1))
                && cur > group_small
            {
                let value = (total + cur - group_small) / (group_small + unit);
                return Some(Core { value, end: j + 2, words: true, lone_one: false, scaled: false });
            }
        }
        if !any || end == k {
            return None;
        }
        // A numeral alone is not number words: the caller reads it as a numeral.
        if mixed && end == k + 1 {
            return None;
        }
        let value = total + cur;
        let lone_one = end == k + 1 && self.lw(k) == "one";
        Some(Core { value, end, words: true, lone_one, scaled })
    }

    /// The fraction after "and": "a half", "a quarter", "three fifths", "fifty-four
    /// hundredths".
    fn and_fraction(&self, j: usize) -> Option<(f64, usize)> {
        if matches!(self.lw(j), "a" | "an" | "one") {
            let den = vocab::fraction_word(self.lw(j + 1))?;
            return Some((1.0 / den, j + 2));
        }
        // A numerator in words ending in a denominator: number_words reads it as a fraction
        // ("fifty-four hundredths"), with the scale after it ("three quarters million").
        let c = self.number_words(j)?;
        let den_at = if c.scaled { c.end.checked_sub(2)? } else { c.end.checked_sub(1)? };
        let is_fraction = vocab::fraction_word(self.lw(den_at)).is_some();
        (is_fraction && (c.value < 1.0 || c.scaled)).then_some((c.value, c.end))
    }

    /// Spoken decimals after "point": digits as words ("zero three") or one number
    /// ("seventy-one" → .71).
    fn spoken_decimals(&self, j: usize) -> Option<(f64, usize)> {
        let mut digits = String::new();
        let mut k = j;
        while let Some((v, tens)) = vocab::small_number(self.lw(k)) {
            if tens {
                let mut n = v;
                if self.is_dash(k + 1)
                    && let Some((u, false)) = vocab::small_number(self.lw(k + 2))
                {
                    n += u;
                    k += 2;
                }
                digits.push_str(&(n as u32).to_string());
                k += 1;
                break;
            }
            if v >= 10.0 {
                digits.push_str(&(v as u32).to_string());
                k += 1;
                break;
            }
            digits.push(char::from(b'0' + v as u8));
            k += 1;
        }
        if digits.is_empty() {
            return None;
        }
        let v: f64 = format!("0.{digits}").parse().ok()?;
        Some((v, k))
    }

    /// A scale word at token `j` that applies to the numeral before it. After a first
    /// scale (`first` false) only spaced scale words chain ("3 lakh crore").
    fn scale_at(&self, j: usize, first: bool) -> Option<f64> {
        if !self.is_word(j) {
            return None;
        }
        let w = self.lw(j);
        if self.glued(j) && first {
            // "12m", "3.4bn", "40k", "1MM" — but "32m2" is square metres, "1.5mm" millimetres.
            if (self.is_num(j + 1) && self.glued(j + 1)) || self.text(j) == "mm" {
                return None;
            }
            vocab::scale_word(w)
        } else if !self.glued(j) {
            // "2.12 hundred" (a whole numeral before "hundred" is read by number_words); "2.33
            // k", "1,674.5 G", "5 M" at the end of a phrase (a letter before a word is not one).
            let end_of_phrase = !self.is_word(j + 1) && !self.is_num(j + 1);
            let letter = match self.text(j) {
                "k" | "K" if end_of_phrase => Some(1e3),
                "M" if end_of_phrase => Some(1e6),
                "G" if end_of_phrase => Some(1e9),
                _ => None,
            };
            vocab::spaced_scale_word(w).or((w == "hundred" && first).then_some(100.0)).or(letter.filter(|_| first))
        } else {
            None
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
        if text.starts_with('0') && t.int_digits >= 2 && !t.grouped {
            return Some("phone number or code");
        }
        // International phone prefix "+44 20 7946 0958".
        if k > 0 && self.is_char(k - 1, '+') && self.glued(k) && self.is_num(k + 1) && !self.glued(k + 1) {
            return Some("phone number");
        }
        // "12/1/2024", "24/7", "2021/22": dates and periods (fractions were read before).
        if self.is_char(k + 1, '/') && self.glued(k + 1) && self.is_num(k + 2) && self.glued(k + 2) {
            return Some("date or period");
        }
        // "10:30", "1:50" (a time or a score).
        if self.is_char(k + 1, ':') && self.glued(k + 1) && self.is_num(k + 2) && self.glued(k + 2) {
            return Some("time");
        }
        // "1230 GMT", "0930 local time": a 24-hour time.
        if t.plain_int()
            && matches!(t.int_digits, 3 | 4)
            && num_value(text) % 100.0 < 60.0
            && num_value(text) < 2400.0
            && (matches!(self.text(k + 1), "GMT" | "BST" | "EST" | "EDT" | "CET" | "UTC" | "hrs" | "HRS" | "hours")
                || (self.word_is(k + 1, "local") && self.word_is(k + 2, "time")))
        {
            return Some("time");
        }
        // IP addresses and numbers in dotted codes: "192.168.1.2" is lexed as dotted.
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
            let raw = self.text(k + 1);
            return match w {
                "st" | "nd" | "rd" | "th" => Some("ordinal"),
                "am" | "pm" => Some("time"),
                "s" if t.int_digits == 4 || t.int_digits == 2 => Some("decade"),
                _ if vocab::scale_word(w).is_some()
                    || self.unit_at(k + 1).is_some()
                    || vocab::iso_currency(raw).is_some()
                    || scaled_iso(raw).is_some()
                    || vocab::currency_word(w).is_some()
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

    /// After a refused number, a dash and a numeral belong to it: "Sept. 20-24".
    fn skip_range_tail(&self, j: usize) -> usize {
        if self.is_dash(j) && self.glued(j) && self.is_num(j + 1) && self.glued(j + 1) {
            return j + 2;
        }
        j
    }

    fn phone_like(&self, k: usize) -> bool {
        let text = self.text(k);
        (text.starts_with('0') && self.t[k].int_digits >= 3) || (k > 0 && self.is_char(k - 1, '+'))
    }

    /// Percent, currency words, units, rates and suffix bounds after the number.
    fn suffix(&self, side: &mut Side) {
        if side.currency.is_none() {
            self.percent_suffix(side);
        }
        if side.kind.is_none() {
            self.currency_suffix(side);
        } else if side.kind == Some(Kind::Money) {
            if side.scale == 1.0 && self.word_is(side.end, "and") {
                self.minor_after(side, 1.0);
            }
            // "$5 million dollars", "US$ 5 USD": a repeated currency word belongs to it.
            let w = self.lw(side.end);
            if vocab::currency_word(w).is_some_and(|(c, f)| Some(c) == side.currency && f == 1.0)
                || (self.is_word(side.end) && vocab::iso_currency(self.text(side.end)) == side.currency)
            {
                side.end += 1;
            }
        }
        if side.kind.is_none() {
            self.unit_suffix(side);
        }
        if side.excluded.is_some() {
            side.consumed = side.end;
            return;
        }
        if let Some((per, end)) = self.rate_at(side.end) {
            side.per = Some(per);
            side.consumed = end;
        } else {
            side.consumed = side.end;
        }
        // Suffix bounds: "40,000+", "40,000-plus", "or more", "or fewer", "or so", "-odd".
        let k = side.consumed;
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

    /// "5%", "5 %", "5 per cent", "5 percent", "5pc", "5 pct", "5 percentage points", "60
    /// basis points", "5% points".
    fn percent_suffix(&self, side: &mut Side) {
        let j = side.end;
        let set = |side: &mut Side, kind: Kind, end: usize| {
            side.kind = Some(kind);
            side.unit = Some(if kind == Kind::Percent { "percent" } else { "percentage point" });
            side.end = end;
        };
        if self.is_char(j, '%') && self.t[j].gap != Gap::Newline {
            set(side, Kind::Percent, j + 1);
        } else if self.is_word(j) {
            let w = self.lw(j);
            let glued = self.glued(j);
            if w == "per" && matches!(self.lw(j + 1), "cent" | "centum") {
                set(side, Kind::Percent, j + 2);
            } else if w == "per" && self.is_dash(j + 1) && self.lw(j + 2) == "cent" {
                set(side, Kind::Percent, j + 3);
            } else if matches!(w, "percent" | "percents" | "pct")
                || (w == "pc" && (glued || !side.words))
                || (w == "percentage" && !matches!(self.lw(j + 1), "point" | "points"))
            {
                set(side, Kind::Percent, j + 1);
            } else if w == "percentage" && matches!(self.lw(j + 1), "point" | "points") {
                set(side, Kind::PercentagePoint, j + 2);
            } else if (w == "basis" && matches!(self.lw(j + 1), "point" | "points")) || w == "bps" {
                set(side, Kind::PercentagePoint, if w == "bps" { j + 1 } else { j + 2 });
                side.value /= 100.0;
            } else if matches!(w, "pp" | "ppts" | "ppt") {
                set(side, Kind::PercentagePoint, j + 1);
            }
        }
        if side.kind == Some(Kind::Percent) && matches!(self.lw(side.end), "point" | "points") {
            side.kind = Some(Kind::PercentagePoint);
            side.unit = Some("percentage point");
            side.end += 1;
        }
    }

    /// "3 million pounds", "50p", "12 dlrs", "5m euros", "5bn USD", "12-cent", "125 million
    /// australian dollars", "3 dollars 50 cents".
    fn currency_suffix(&self, side: &mut Side) {
        let mut j = side.end;
        // A currency sign after the number: "10 €", "100₾" (not one that opens the next
        // amount: "10 $ 30").
        if let Some(t) = self.t.get(j)
            && t.kind == TokKind::Char
            && t.gap != Gap::Newline
            && let Some(code) = vocab::currency_symbol(t.ch)
            && (t.gap == Gap::None || !self.is_num(j + 1))
        {
            side.kind = Some(Kind::Money);
            side.currency = Some(code);
            side.end = j + 1;
            return;
        }
        let hyphen = self.is_dash(j) && self.glued(j) && self.glued(j + 1);
        if hyphen {
            j += 1;
        }
        if !self.is_word(j) {
            return;
        }
        let w = self.lw(j);
        let glued = self.glued(j) && !hyphen;
        // A qualifier first: "australian dollars", "us dollar", "swiss francs", "hong kong dollars".
        let (qual_code, word_at) = if !hyphen {
            let skip = usize::from(w == "hong" && self.word_is(j + 1, "kong"))
                + usize::from(w == "new" && self.word_is(j + 1, "zealand"));
            match vocab::currency_qualifier(w, self.lw(j + 1 + skip)) {
                Some(code) => (Some(code), j + 1 + skip),
                None => (None, j),
            }
        } else {
            (None, j)
        };
        let cw = self.lw(word_at);
        let found = if cw == "p" && !glued {
            None
        } else if let Some(code) = qual_code {
            Some((code, vocab::currency_word(cw).map_or(1.0, |(_, f)| f)))
        } else {
            vocab::currency_word(cw)
        };
        if let Some((code, factor)) = found {
            side.kind = Some(Kind::Money);
            side.currency = Some(code);
            side.value = in_whole_units(side.value, factor);
            side.end = word_at + 1;
            self.minor_after(side, factor);
            return;
        }
        if hyphen {
            return;
        }
        let raw = self.text(j);
        // An ISO code glued to the next number belongs to it: "3 USD50 cards".
        let owns_next = self.is_num(j + 1) && self.glued(j + 1);
        if let Some(code) = vocab::iso_currency(raw).filter(|_| !owns_next) {
            side.kind = Some(Kind::Money);
            side.currency = Some(code);
            side.end = j + 1;
            // "75 USD million"
            if let Some(sc) = vocab::spaced_scale_word(self.lw(j + 1)).filter(|_| side.scale == 1.0) {
                side.value *= sc;
                side.scale = sc;
                side.end = j + 2;
            }
        } else if let Some((sc, code)) = scaled_iso(raw) {
            side.kind = Some(Kind::Money);
            side.currency = Some(code);
            side.value *= sc;
            side.end = j + 1;
        } else if matches!(w, "usd" | "gbp" | "eur" | "rmb") && !glued && !owns_next {
            side.kind = Some(Kind::Money);
            side.currency = vocab::iso_currency(&raw.to_ascii_uppercase());
            side.end = j + 1;
        }
    }

    /// Minor units after an amount in whole ones: "3 dollars 50 cents", "thirteen dollars
    /// and forty-five cents", "15 dollars 50" (a number under 100 that ends the phrase).
    fn minor_after(&self, side: &mut Side, factor: f64) {
        // An amount with its cents already written ("$4.25 and 32") takes no more.
        if factor != 1.0 || side.value.fract() != 0.0 {
            return;
        }
        let k = side.end + usize::from(self.word_is(side.end, "and"));
        let Some(c) = self.core(k).filter(|c| c.value < 100.0 && c.value.fract() == 0.0) else {
            return;
        };
        if let Some((_, f)) = vocab::currency_word(self.lw(c.end)).filter(|(_, f)| *f < 1.0) {
            side.value += in_whole_units(c.value, f);
            side.end = c.end + 1;
        } else if (self.word_is(side.end - 1, "dollars")
            || self.word_is(side.end - 1, "dollar")
            || self.is_char(side.start + 1, '$')
            || self.is_char(side.start, '$'))
            && !self.is_num(c.end)
            && !self.is_char(c.end, '%')
            && !self.followed_by_content_word(c.end)
            && !self.capitalised(c.end)
            && vocab::currency_word(self.lw(c.end)).is_none()
        {
            // "15 dollars 50", "one dollar and two", "c $ 100 and fifty": cents, when nothing
            // that the second number could count follows it.
            side.value += c.value / 100.0;
            side.end = c.end;
        }
    }

    /// Units: "15-year-old", "10 years old", "40 yards", "275 mph", "3 hours", "60 kilos",
    /// "32m2", "5-10W", "800 miles per hour".
    fn unit_suffix(&self, side: &mut Side) {
        let j = side.end;
        // Ages: "15-year-old(s)", "10 years old", "ninety five years of age".
        if self.is_dash(j) && self.glued(j) && matches!(self.lw(j + 1), "year" | "years") {
            if self.is_dash(j + 2) && matches!(self.lw(j + 3), "old" | "olds") {
                side.kind = Some(Kind::Quantity);
                side.unit = Some("year of age");
                side.end = j + 4;
                return;
            }
        } else if self.lw(j) == "year"
            && side.plain
            && self.t[side.start].int_digits == 4
            && (1800.0..=2100.0).contains(&side.raw)
        {
            // "1986 year net", "the 2023 year end": a year, not a quantity of years.
            side.excluded = Some("year");
            side.end = j;
            return;
        } else if matches!(self.lw(j), "year" | "years") && !self.glued(j) {
            if self.word_is(j + 1, "old") {
                side.kind = Some(Kind::Quantity);
                side.unit = Some("year of age");
                side.end = j + 2;
                return;
            }
            // "a 60 year-old"
            if self.is_dash(j + 1) && self.glued(j + 1) && self.glued(j + 2) && matches!(self.lw(j + 2), "old" | "olds")
            {
                side.kind = Some(Kind::Quantity);
                side.unit = Some("year of age");
                side.end = j + 3;
                return;
            }
            if self.word_is(j + 1, "of") && self.word_is(j + 2, "age") {
                side.kind = Some(Kind::Quantity);
                side.unit = Some("year of age");
                side.end = j + 3;
                return;
            }
        }
        // A suspended hyphen: "7- or 8-inch screens", "3- and 5-year plans", "5- to 10-metre
        // waves": the unit after the next number is this one's too.
        if self.is_dash(j)
            && self.glued(j)
            && !self.glued(j + 1)
            && matches!(self.lw(j + 1), "or" | "and" | "to")
            && self.is_num(j + 2)
            && self.is_dash(j + 3)
            && self.glued(j + 3)
            && self.glued(j + 4)
            && let Some((_, unit)) = self.unit_at(j + 4)
        {
            if TIME_UNITS.contains(&unit) {
                side.excluded = Some("time span used as an adjective");
            } else {
                side.kind = Some(Kind::Quantity);
                side.unit = Some(unit);
            }
            return;
        }
        let hyphen = self.is_dash(j) && self.glued(j) && self.glued(j + 1) && self.is_word(j + 1);
        let at = if hyphen { j + 1 } else { j };
        let Some((end, unit)) = self.unit_at(at) else {
            // "four-door", "three-bed": a number word in a compound adjective (but
            // "three-nought-four" is a sequence of numbers).
            if hyphen && side.words && !self.is_num(j + 1) && !self.t[j + 1].anchor {
                side.excluded = Some("number word in a compound");
                side.end = j + 2;
            }
            return;
        };
        // "twelve m", "a few g": a spaced single letter after number words is not a unit.
        if side.words && self.text(at).len() == 1 && !hyphen {
            return;
        }
        if TIME_UNITS.contains(&unit) {
            // "two years ago": a time reference, not a claim.
            if !hyphen && self.word_is(end, "ago") {
                side.excluded = Some("time reference");
                side.end = end + 1;
                return;
            }
            // "3 mins read": page furniture.
            if unit == "minute" && self.word_is(end, "read") {
                side.excluded = Some("page furniture");
                side.end = end + 1;
                return;
            }
            // "a five-year plan", "a 24-hour strike": a time span as an adjective.
            if hyphen && self.is_word(end) && !matches!(self.lw(end), "old" | "olds") {
                side.excluded = Some("time span used as an adjective");
                side.end = end;
                return;
            }
        }
        side.kind = Some(Kind::Quantity);
        side.unit = Some(unit);
        side.end = end;
        // "ages of 5 years" etc. need nothing more; "years of age" after a unit-less age was
        // handled above.
        if unit == "year" && self.word_is(end, "of") && self.word_is(end + 1, "age") {
            side.unit = Some("year of age");
            side.end = end + 2;
        }
        // "under the age of 5 years"
        let start = side.start;
        if unit == "year" && start >= 2 && self.word_is(start - 1, "of") && self.word_is(start - 2, "age") {
            side.unit = Some("year of age");
        }
    }

    /// The unit phrase starting at token `j`: (end token, canonical name).
    fn unit_at(&self, j: usize) -> Option<(usize, &'static str)> {
        let t = self.t.get(j)?;
        if t.kind == TokKind::Num {
            return None;
        }
        let first = if t.kind == TokKind::Word { self.lw(j) } else { self.text(j) };
        let defs = UNITS.get(first)?;
        'defs: for d in defs {
            for (n, pat) in d.tokens.iter().enumerate() {
                let Some(tok) = self.t.get(j + n) else { continue 'defs };
                if n > 0 && tok.gap == Gap::Newline {
                    continue 'defs;
                }
                let ok = if d.exact_case {
                    self.text(j + n) == *pat
                } else {
                    self.key(j + n) == *pat || self.text(j + n).eq_ignore_ascii_case(pat)
                };
                if !ok {
                    continue 'defs;
                }
            }
            let end = j + d.tokens.len();
            // A unit is a whole word: "5 g" but not "5 gallery".
            if self.is_word(end) && self.glued(end) {
                continue;
            }
            // A capitalised unit word is more likely a name ("in 2016 Stone said"), except
            // the ones written with a capital ("Celsius") and abbreviations ("MW", "Hz").
            let raw = self.text(j);
            if !d.exact_case
                && raw.len() > 3
                && raw.chars().next().is_some_and(char::is_uppercase)
                && raw.chars().skip(1).any(char::is_lowercase)
                && !matches!(d.name, "degree Celsius" | "degree Fahrenheit" | "kelvin")
                && !self.shouting()
            {
                continue;
            }
            return Some((end, d.name));
        }
        None
    }

    /// A rate after the number: "a year", "per month", "each week", "a share", "per
    /// barrel", "/h". Returns the denominator and the token after it.
    fn rate_at(&self, j: usize) -> Option<(&'static str, usize)> {
        let hyphen_at = |k: usize| self.is_dash(k) && self.glued(k) && self.glued(k + 1);
        // Hyphenated: "a 52,000 barrel-a-day refinery", "£24 a-year".
        let j = if hyphen_at(j) && self.word_is(j + 1, "a") { j + 1 } else { j };
        let w = self.lw(j);
        let per_word = matches!(w, "per" | "a" | "an" | "each" | "every") && self.is_word(j);
        let slash = self.is_char(j, '/') && self.glued(j);
        if !(per_word || slash) {
            return None;
        }
        let k = if w == "a" && hyphen_at(j + 1) { j + 2 } else { j + 1 };
        let n = self.lw(k);
        if !self.is_word(k) {
            return None;
        }
        let j = k - 1;
        if w == "per" && matches!(n, "annum" | "year") {
            return Some(("year", j + 2));
        }
        if w == "per" && matches!(n, "capita" | "head" | "person") {
            return Some(("person", j + 2));
        }
        let time = match n {
            "year" | "yr" => Some("year"),
            "month" | "mo" => Some("month"),
            "week" | "wk" => Some("week"),
            "day" | "d" if w != "a" || n == "day" => Some("day"),
            "hour" | "hr" | "h" => Some("hour"),
            "minute" | "min" => Some("minute"),
            "second" | "sec" | "s" if w != "a" && w != "an" => Some("second"),
            "quarter" => Some("quarter"),
            _ => None,
        };
        if let Some(t) = time {
            return Some((t, j + 2));
        }
        if vocab::is_rate_noun(n) && !(w == "a" && matches!(n, "sq" | "square")) {
            return Some((rate_noun(n), j + 2));
        }
        None
    }

    /// Exclusions that need the words around the side.
    fn excluded_by_context(&self, s: &Side) -> Option<&'static str> {
        let k = s.core_start;
        let start = s.start;
        if s.words {
            // "second half", "first quarter": an ordinal before a fraction word is not one.
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
            if self.is_dash(p)
                && p > 0
                && self.glued(p)
                && self.is_word(p - 1)
                && !matches!(self.lw(p - 1), "sub" | "over" | "under")
            {
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
        // Identifiers: "Section 427", "No. 10", "Year 7", "Article 12", "category 4".
        if let Some(p) = self.word_before_skipping_dot(start) {
            let w = self.lw(p);
            if vocab::is_identifier_word(w) && (!vocab::identifier_needs_capital(w) || self.capitalised(p)) {
                return Some("identifier");
            }
        }
        // Addresses: "9 E 71st St", "49 Zorro Ranch Road".
        if s.plain && self.address_follows(s.end) {
            return Some("street address");
        }
        // Dates: "14 May", "May 14", "14th February", "Sept. 20".
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
        // Years: a plain four-digit number from 1800 to 2100 (from 1000 after "in",
        // "since", "between"… or before "AD"/"BC").
        if s.plain && self.t[k].int_digits == 4 && self.year_here(s) {
            return Some("year");
        }
        // Names with digits: "Windows 11", "FTSE 100", "S&P 500", "iPhone 11".
        if (s.plain || self.t[k].decimal) && self.t[k].int_digits <= 4 && self.name_before(start, s.end) {
            return Some("name with digits");
        }
        None
    }

    /// A capitalised name right before the number makes it part of the name.
    fn name_before(&self, start: usize, end: usize) -> bool {
        let Some(p) = self.prev_word(start) else {
            return false;
        };
        if self.shouting() {
            return false;
        }
        let raw = self.text(p);
        let w = self.lw(p);
        let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
        let uppers = raw.chars().filter(|c| c.is_uppercase()).count();
        // Acronyms and brands: "FTSE", "ASX", "HIV", "iPhone", "S&P" ("P" after "&").
        let acronym = (letters >= 2
            && uppers == letters
            && vocab::iso_currency(raw).is_none()
            && !matches!(raw, "UK" | "US" | "EU" | "UN" | "NHS" | "GP" | "GPs" | "MP" | "MPs"))
            || (uppers >= 1 && raw.chars().next().is_some_and(char::is_lowercase))
            || (letters == 1
                && uppers == 1
                && p > 0
                && (self.is_char(p - 1, '&') || (self.is_word(p - 1) && self.text(p - 1).len() == 1)));
        if acronym {
            let plural_next = self.is_word(end) && !self.capitalised(end) && is_plural(self.lw(end));
            return !plural_next && self.unit_at(end).is_none();
        }
        // "Windows 11", "Stoxx 600 index": a capitalised word that is not a function word,
        // then a number not followed by a noun (or followed by "index").
        let ordinary = vocab::is_stopword(w)
            || vocab::is_month(w)
            || is_bound_word(w)
            || vocab::change_verb(w).is_some()
            || (p == 0 && w.len() <= 3);
        self.capitalised(p)
            && !ordinary
            && (!self.followed_by_content_word(end) || matches!(self.lw(end), "index" | "series"))
    }

    /// An all-capitals sentence (a wire headline): capitals say nothing about names.
    fn shouting(&self) -> bool {
        *self.shouting.get_or_init(|| {
            let (mut upper, mut lower) = (0, 0);
            for t in self.t.iter().filter(|t| t.kind == TokKind::Word && t.end - t.start >= 2) {
                if t.lower || self.s[t.start as usize..t.end as usize].chars().any(char::is_lowercase) {
                    lower += 1;
                } else {
                    upper += 1;
                }
            }
            upper >= 3 && upper > lower
        })
    }

    fn address_follows(&self, j: usize) -> bool {
        let street = |w: &str| {
            matches!(
                w,
                "street"
                    | "st"
                    | "road"
                    | "rd"
                    | "avenue"
                    | "ave"
                    | "lane"
                    | "drive"
                    | "way"
                    | "place"
                    | "square"
                    | "terrace"
                    | "boulevard"
                    | "blvd"
            )
        };
        // "9 E 71st St": a compass letter, an ordinal street, "St".
        if self.is_word(j) && matches!(self.text(j), "E" | "W" | "N" | "S") && self.is_num(j + 1) {
            return true;
        }
        // "49 Zorro Ranch Road", "10 Downing Street": capitalised words then a street word.
        let mut k = j;
        let mut caps = 0;
        while caps < 3 && self.capitalised(k) {
            if caps > 0 && street(self.lw(k)) {
                return true;
            }
            caps += 1;
            k += 1;
        }
        caps > 0 && self.capitalised(k) && street(self.lw(k))
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
        let v = s.raw;
        let (bound, _) = self.bound_before(s.start);
        if bound.is_some() {
            return false;
        }
        let prev = self.prev_word(s.start).map(|p| self.lw(p)).unwrap_or("");
        let temporal = |w: &str| {
            matches!(
                w,
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
                    | "circa"
                    | "calendar"
                    | "fiscal"
                    | "financial"
                    | "academic"
                    | "tax"
                    | "year"
            ) || vocab::is_month(w)
        };
        let era_after = matches!(self.lw(s.end), "ad" | "bc" | "bce" | "ce")
            || (self.word_is(s.end, "a") && self.is_char(s.end + 1, '.'));
        if !(1800.0..=2100.0).contains(&v) {
            return (1000.0..1800.0).contains(&v)
                && (era_after
                    || (matches!(prev, "in" | "since" | "between" | "until" | "circa")
                        && !self.followed_by_content_word(s.end)));
        }
        // "said 1985 profits", "the comparable 1986 period": a year before a word for what
        // years have.
        if matches!(
            self.lw(s.end),
            "period"
                | "periods"
                | "profit"
                | "profits"
                | "results"
                | "figures"
                | "figure"
                | "level"
                | "levels"
                | "season"
                | "quarter"
                | "budget"
                | "crop"
                | "harvest"
                | "fiscal"
                | "financial"
                | "earnings"
                | "sales"
                | "output"
                | "production"
                | "revenue"
                | "revenues"
                | "loss"
                | "losses"
                | "net"
                | "accounts"
                | "census"
                | "election"
                | "elections"
                | "estimate"
                | "estimates"
                | "forecast"
                | "forecasts"
                | "target"
                | "targets"
                | "average"
                | "report"
                | "data"
                | "exports"
                | "imports"
                | "deficit"
                | "surplus"
                | "growth"
                | "payment"
                | "payments"
                | "year"
                | "olympics"
                | "world"
        ) {
            return true;
        }
        // "employs 2000 people": a count when a lower-case content word follows and the
        // word before is neither temporal ("in 2019 people…") nor a determiner ("the 2019
        // figures").
        if self.followed_by_content_word(s.end)
            && let Some(p) = self.prev_word(s.start)
            && !temporal(self.lw(p))
            && !self.capitalised(p)
        {
            return false;
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
        let mut a = tok.start as usize;
        while a > 0 && !b[a - 1].is_ascii_whitespace() {
            a -= 1;
        }
        let mut e = tok.end as usize;
        while e < b.len() && !b[e].is_ascii_whitespace() {
            e += 1;
        }
        let chunk = &self.s[a..e];
        chunk.contains("://") || chunk.contains("www.") || chunk.contains('@') || chunk.starts_with('/')
    }

    /// Does a lone "one" count? "one man", "one of the", "at one point" do; "at any one
    /// time", "which one do you", "one another", "the one that" do not.
    fn one_counts(&self, s: &Side) -> bool {
        let prev = if s.start > 0 && self.is_word(s.start - 1) { self.lw(s.start - 1) } else { "" };
        if matches!(prev, "any" | "no" | "each" | "every" | "which" | "this" | "that" | "the" | "someone" | "anyone") {
            return false;
        }
        let next = s.consumed;
        if !self.is_word(next) {
            return false;
        }
        let w = self.lw(next);
        if w == "of" {
            return true;
        }
        !(vocab::is_stopword(w) || matches!(w, "another" | "anothers" | "day" | "way" | "thing" | "hand" | "off"))
            || matches!(w, "more" | "less" | "other")
    }

    // ---- left and right context ------------------------------------------------------

    /// The bound stated by the words just before token `start`, and the first token of
    /// those words (== `start` when there are none).
    fn bound_before(&self, start: usize) -> (Option<Bound>, usize) {
        let w = |back: usize| -> &str {
            if start >= back && self.is_word(start - back) { self.lw(start - back) } else { "" }
        };
        let (w1, w2, w3) = (w(1), w(2), w(3));
        // "under the age of 5", "over the age of 65"
        if (w3, w2, w1) == ("the", "age", "of") {
            match w(4) {
                "under" | "below" => return (Some(Bound::Upper), start - 4),
                "over" | "above" => return (Some(Bound::Lower), start - 4),
                _ => {}
            }
        }
        if start >= 1 && self.t[start - 1].kind == TokKind::Char {
            // "~1.2mm", "<5%", "≥ 10"
            let b = match self.t[start - 1].ch {
                '~' | '≈' => Some(Bound::Approx),
                '<' | '≤' => Some(Bound::Upper),
                '>' | '≥' => Some(Bound::Lower),
                _ => None,
            };
            if b.is_some() {
                return (b, start - 1);
            }
        }
        // "c. 500", "approx. 500"
        if start >= 2
            && self.is_char(start - 1, '.')
            && matches!(self.lw(start - 2), "c" | "ca" | "approx" | "est")
            && self.is_word(start - 2)
        {
            return (Some(Bound::Approx), start - 2);
        }
        // "sub-500", "under-18": a bound glued by a hyphen.
        if start >= 2 && self.is_dash(start - 1) && self.glued(start) && self.glued(start - 1) {
            match self.lw(start - 2) {
                "sub" | "under" => return (Some(Bound::Upper), start - 2),
                "over" => return (Some(Bound::Lower), start - 2),
                _ => {}
            }
        }
        let three = match (w3, w2, w1) {
            ("no", "more", "than") | ("not", "more", "than") | ("no", "greater", "than") => Some(Bound::Upper),

            ("a", "maximum", "of") | ("just", "shy", "of") | ("slightly", "less", "than") => Some(Bound::Upper),
            ("no", "less", "than") | ("no", "fewer", "than") | ("not", "less", "than") => Some(Bound::Lower),
            ("a", "minimum", "of") | ("slightly", "more", "than") | ("just", "more", "than") => Some(Bound::Lower),
            ("in", "excess", "of") | ("well", "in", "excess") => Some(Bound::Lower),
            ("in", "the", "region") | ("more", "or", "less") => Some(Bound::Approx),
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
            | ("over", "than")
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
    /// "up 2%", "slashed by 71%". `before` is the first token of any bound words.
    fn change_before(&self, before: usize) -> Option<Change> {
        let mut p = before.checked_sub(1)?;
        if !self.is_word(p) {
            return None;
        }
        // "rose by 5%", "a 5% rise"; but "rose to 83,000" states a level, not a change
        // (`change` marks the size of a change, so that reconciliation never mixes a delta
        // with a level; the new value of a from/to pair is the one level that carries it).
        if matches!(self.lw(p), "by" | "a" | "an") {
            p = p.checked_sub(1)?;
        }
        if self.is_word(p) && self.lw(p).ends_with("ly") && p > 0 && self.is_word(p - 1) {
            p -= 1;
        }
        if !self.is_word(p) {
            return None;
        }
        let w = self.lw(p);
        // "gave up 517 yards", "set up 40 centres": phrasal verbs, not changes.
        if w == "up" && p > 0 && is_phrasal_up(self.lw(p - 1)) {
            return None;
        }
        vocab::change_verb(w)
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

    /// "5-10", "5–10%", "£5m-£10m", "5 to 10 per cent", "5bn to 6bn", "three or four".
    fn simple_range(&self, s1: &Side, before: usize) -> Option<(Side, Side, &'static str)> {
        let mut c = s1.consumed;
        // A suspended hyphen: "two- to three-year" ("7- or 8-inch" is two sizes: `unit_suffix`).
        if self.is_dash(c) && self.glued(c) && !self.glued(c + 1) && self.word_is(c + 1, "to") {
            c += 1;
        }
        let dash = self.is_dash(c);
        let to = self.word_is(c, "to");
        let or = self.word_is(c, "or") && s1.kind.is_none();
        if !dash && !to && !or {
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
        if or {
            // "three or four years", "one or two": neighbouring small numbers only.
            let close = s2.raw - s1.raw == 1.0 && s1.raw < 20.0;
            if !close || s1.words != s2.words {
                return None;
            }
        }
        // "rose 5% to £10m": a change and a level, not a range.
        if to && s1.kind.is_some() && s2.kind.is_some() && s1.kind != s2.kind {
            return None;
        }
        let after_by = self.word_is(before.wrapping_sub(1), "by");
        if to && s1.kind.is_some() && self.change_before(before).is_some() && !after_by {
            return None;
        }
        let (a, b) = self.join_range(s1, &s2)?;
        // "increased by $43.6bn to $419.2bn" is a change and a level; "dropped by 1 to 1.5
        // degrees" a range: ranges rarely span more than a factor of three.
        if to && (after_by || self.change_before(before).is_some()) && b.value > 3.0 * a.value {
            return None;
        }
        Some((
            a,
            b,
            if dash {
                "range-dash"
            } else if or {
                "range-or"
            } else {
                "range-to"
            },
        ))
    }

    /// Shares kind, currency, unit and scale between the two ends of a pair.
    fn share(&self, s1: &Side, s2: &Side) -> Option<(Side, Side)> {
        let (mut a, mut b) = (*s1, *s2);
        match (a.kind, b.kind) {
            (Some(x), Some(y)) if x != y => return None,
            (None, Some(y)) => {
                a.kind = Some(y);
                a.unit = a.unit.or(b.unit);
                if a.currency.is_none() {
                    a.currency = b.currency;
                    // "50-70p": the minor unit of the second end applies to the first.
                    if y == Kind::Money && b.raw * b.scale != 0.0 {
                        a.value *= b.value / (b.raw * b.scale);
                    }
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
        a.per = a.per.or(b.per);
        b.per = b.per.or(a.per);
        // "£5-10m", "between 5 and 10 million": the scale of the second end applies to both.
        if a.scale == 1.0 && b.scale != 1.0 && a.raw <= b.raw && !a.words {
            a.value *= b.scale;
            a.scale = b.scale;
        }
        Some((a, b))
    }

    /// The two ends of a range: `None` if they cannot be one (different kinds, or the
    /// second end not above the first).
    fn join_range(&self, s1: &Side, s2: &Side) -> Option<(Side, Side)> {
        let (a, b) = self.share(s1, s2)?;
        (b.value > a.value).then_some((a, b))
    }

    /// The two values of a from/to change, which may go down.
    fn join_pair(&self, s1: &Side, s2: &Side) -> Option<(Side, Side)> {
        let (a, b) = self.share(s1, s2)?;
        (b.value != a.value).then_some((a, b))
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

    /// "1 in 50", "one in five", "one child in every 140", "9 out of 10", "1 over 3".
    fn ratio(&mut self, s1: &Side, before: usize) -> Option<usize> {
        if s1.kind.is_some() || s1.scale != 1.0 || s1.raw <= 0.0 {
            return None;
        }
        let mut j = s1.consumed;
        let mut every_needed = false;
        // "one child in every 140": up to two lower-case words before "in".
        if !matches!(self.lw(j), "in" | "out" | "over") {
            let mut n = 0;
            while n < 2 && self.is_word(j) && !self.capitalised(j) && !matches!(self.lw(j), "in" | "out") {
                j += 1;
                n += 1;
            }
            every_needed = true;
        }
        let out_of = self.word_is(j, "out") && self.word_is(j + 1, "of");
        let over = self.word_is(j, "over") && !every_needed;
        if !(self.word_is(j, "in") || out_of || over) {
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
        if s2.excluded.is_some() || s2.kind.is_some() || s2.value <= 0.0 {
            return None;
        }
        // "over 3" is a bound unless the sentence ends there: "2000 over 3 years" is two claims.
        if over && (self.is_word(s2.consumed) || s2.value <= s1.raw && s1.words) {
            return None;
        }
        if !over && s2.value <= s1.raw {
            return None;
        }
        // "1 in 2019" is not a ratio.
        if s2.plain && self.t[s2.core_start].int_digits == 4 && (1000.0..=2100.0).contains(&s2.raw) && !every {
            return None;
        }
        let (bound, _) = self.bound_before(s1.start);
        let span = Span::new(self.t[s1.start].start as usize, self.t[s2.end - 1].end as usize);
        let sign = if s1.negative { -1.0 } else { 1.0 };
        let m = plain_mention(
            span,
            Kind::Ratio,
            sign * s1.raw / s2.value,
            bound,
            if over { "ratio-over" } else { "ratio" },
        );
        self.push(m, before, s2.consumed);
        Some(s2.consumed)
    }

    /// "a third of", "half of", "two-thirds", "three quarters", "a fifth", "one over three"
    /// is in `ratio`; "second half" and "a third party" are not fractions.
    fn fraction(&mut self, i: usize) -> Option<usize> {
        if !self.is_word(i) {
            return None;
        }
        let w = self.lw(i);
        // "half of", "half the", "more than half"; not "the second half of".
        let half_scale = vocab::spaced_scale_word(self.lw(i + 1)).is_some()
            || (self.word_is(i + 1, "a")
                && (vocab::spaced_scale_word(self.lw(i + 2)).is_some() || self.lw(i + 2) == "dozen"));
        let bounded_half = w == "half" && self.bound_before(i).0.is_some() && !self.is_dash(i + 1) && !half_scale;
        if w == "half"
            && (bounded_half
                || (matches!(self.lw(i + 1), "of" | "the" | "their" | "its" | "all") && self.is_word(i + 1)))
        {
            if i > 0 && matches!(self.lw(i - 1), "first" | "second" | "last" | "latter" | "other") {
                return Some(self.skip(i, i + 1, "ordinal half"));
            }
            let (bound, b) = self.bound_before(i);
            self.push_fraction(i, i, 0.5, bound, b, "fraction-half");
            return Some(i + 1);
        }
        let num = match w {
            "a" | "an" | "one" => 1.0,
            _ => match vocab::small_number(w) {
                Some((v, _)) if (2.0..=99.0).contains(&v) => v,
                _ => return None,
            },
        };
        let (den_tok, hyphen) = if self.is_dash(i + 1) && self.is_word(i + 2) { (i + 2, true) } else { (i + 1, false) };
        let dw = self.lw(den_tok);
        // Compound denominators: "twenty-fifth", "twenty first", "one hundred fifth".
        let (den, den_end) = if let Some((tens, false)) =
            vocab::small_number(dw).filter(|(v, t)| *t && *v >= 20.0).map(|(v, t)| (v, !t))
        {
            let next = if self.is_dash(den_tok + 1) { den_tok + 2 } else { den_tok + 1 };
            let unit = vocab::ordinal_unit(self.lw(next))?;
            (tens + unit, next)
        } else if num == 1.0 && !hyphen && vocab::fraction_word(dw).is_none() {
            self.ordinal_phrase(den_tok)?
        } else {
            (vocab::fraction_word(dw)?, den_tok)
        };
        if !self.is_word(den_end) || (den == 2.0 && num > 1.0) {
            return None;
        }
        let dw = self.lw(den_end);
        // Plural denominators go with numerators above one, and the other way round.
        let plural = dw.ends_with('s') && !dw.ends_with("ss");
        if (num > 1.0) != plural {
            return None;
        }
        // "three quarters billion": number words with a scale.
        if vocab::spaced_scale_word(self.lw(den_end + 1)).is_some() {
            return None;
        }
        let of_follows = self.word_is(den_end + 1, "of");
        // "a quarter of a million" is a count.
        if of_follows
            && self.word_is(den_end + 2, "a")
            && let Some(sc) = vocab::spaced_scale_word(self.lw(den_end + 3))
        {
            let (bound, b) = self.bound_before(i);
            let span = Span::new(self.t[i].start as usize, self.t[den_end + 3].end as usize);
            let m = plain_mention(span, Kind::Count, num / den * sc, bound, "fraction-of-scale");
            self.push(m, b, den_end + 4);
            return Some(den_end + 4);
        }
        // A singular denominator followed by a noun is an ordinal: "a third party", "a
        // fifth year", "one second later"; "a quarter" alone is often a time.
        if num == 1.0 && !hyphen && !of_follows {
            let next = den_end + 1;
            let noun_follows = (self.is_word(next)
                && !matches!(self.lw(next), "and" | "or" | "to" | "in" | "is" | "was"))
                || (self.is_dash(next) && self.glued(next));
            if noun_follows || matches!(dw, "quarter") || (w != "a" && w != "one") {
                return None;
            }
        }
        let (bound, b) = self.bound_before(i);
        self.push_fraction(i, den_end, num / den, bound, b, "fraction");
        Some(den_end + 1)
    }

    /// A number in words that ends in an ordinal, read as a denominator: "one hundred
    /// fifth" (105th), "one hundred and fifth". Returns the value and its last token.
    fn ordinal_phrase(&self, j: usize) -> Option<(f64, usize)> {
        let mut value = 0.0;
        let mut k = j;
        let mut any = false;
        loop {
            let w = self.lw(k);
            if let Some(u) = vocab::ordinal_unit(w).filter(|_| any) {
                return Some((value + u, k));
            }
            match (w, vocab::small_number(w)) {
                (_, Some((v, _))) if !any || value >= 100.0 => value += v,
                ("hundred", _) if any => value = value.max(1.0) * 100.0,
                ("thousand", _) if any => value = value.max(1.0) * 1000.0,
                ("and", _) if any => {}
                _ => return None,
            }
            any = true;
            k += 1;
            if !self.is_word(k) {
                return None;
            }
        }
    }

    /// "per cent of twenty-two", "percent of 10": a percentage written before its number
    /// (not "a per cent of 210 patients", where the number counts something).
    fn percent_of(&mut self, i: usize) -> Option<usize> {
        let w = self.lw(i);
        let of = match w {
            "percent" | "percents" | "percentage" => i + 1,
            "per" if self.word_is(i + 1, "cent") => i + 2,
            _ => return None,
        };
        if !self.word_is(of, "of") || (i > 0 && (self.is_num(i - 1) || self.t[i - 1].anchor)) {
            return None;
        }
        let s = self.side(of + 1)?;
        if s.excluded.is_some() || s.kind.is_some() || self.is_word(s.consumed) || self.is_num(s.consumed) {
            return None;
        }
        let span = Span::new(self.t[i].start as usize, self.t[s.end - 1].end as usize);
        let mut m = plain_mention(span, Kind::Percent, s.value, None, "percent-of");
        m.unit = Some("percent");
        let (bound, b) = self.bound_before(i);
        m.bound = bound.unwrap_or(Bound::Exact);
        self.push(m, b, s.consumed);
        Some(s.consumed)
    }

    /// "tens of thousands of dollars", "hundreds of miles", "millions of Americans".
    fn vague(&mut self, i: usize) -> Option<usize> {
        let base = match self.lw(i) {
            "tens" => 10.0,
            "hundreds" => 100.0,
            "thousands" => 1e3,
            "millions" => 1e6,
            "billions" => 1e9,
            _ => return None,
        };
        if !self.word_is(i + 1, "of") {
            return None;
        }
        let mut low = base;
        let mut j = i + 2;
        if base == 10.0 || base == 100.0 {
            let mult = match self.lw(j) {
                "thousands" => 1e3,
                "millions" => 1e6,
                "billions" => 1e9,
                _ => 1.0,
            };
            if mult > 1.0 && self.word_is(j + 1, "of") {
                low *= mult;
                j += 2;
            }
        }
        // What follows: a currency word ("of dollars"), a unit ("of miles"), or a noun.
        let mut kind = Kind::Count;
        let mut currency = None;
        let mut unit = None;
        let mut end = j - 2;
        if let Some((c, _)) = vocab::currency_word(self.lw(j)).filter(|(_, f)| *f == 1.0) {
            kind = Kind::Money;
            currency = Some(c);
            end = j;
        } else if let Some((e, u)) = self.unit_at(j) {
            kind = Kind::Quantity;
            unit = Some(u);
            end = e - 1;
        } else if !self.is_word(j) {
            return None;
        }
        let (bound, b) = self.bound_before(i);
        let _ = bound;
        let span = Span::new(self.t[i].start as usize, self.t[end].end as usize);
        let mut m = plain_mention(span, kind, low * 5.5, Some(Bound::Range), "vague-range");
        m.low = Some(low);
        m.high = Some(low * 10.0);
        m.currency = currency;
        m.unit = unit;
        self.push(m, b, end + 1);
        Some(end + 1)
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
        let span = Span::new(self.t[first].start as usize, self.t[last].end as usize);
        let m = plain_mention(span, Kind::Ratio, value, bound, rule);
        self.push(m, b, last + 1);
    }

    // ---- output -------------------------------------------------------------------

    /// Records tokens `first..end` as a refused number; returns `end`.
    fn skip(&mut self, first: usize, end: usize, reason: &'static str) -> usize {
        let end_tok = end.min(self.t.len()).max(first + 1);
        let span = Span::new(self.t[first].start as usize, self.t[end_tok - 1].end as usize);
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
            span: Span::new(self.t[s.start].start as usize, self.t[s.end - 1].end as usize),
            kind,
            value: s.value,
            low: None,
            high: None,
            bound: bound.unwrap_or(Bound::Exact),
            unit: s.unit,
            currency: s.currency,
            change,
            from: None,
            per: s.per,
            rule,
        };
        self.push(m, first_tok, s.consumed)
    }

    fn push_range(&mut self, a: Side, b: Side, first_tok: usize, rule: &'static str) -> usize {
        let kind = a.kind.unwrap_or(Kind::Count);
        let m = Mention {
            span: Span::new(self.t[a.start].start as usize, self.t[b.end - 1].end as usize),
            kind,
            value: (a.value + b.value) / 2.0,
            low: Some(a.value),
            high: Some(b.value),
            bound: Bound::Range,
            unit: a.unit.or(b.unit),
            currency: a.currency.or(b.currency),
            change: None,
            from: None,
            per: a.per.or(b.per),
            rule,
        };
        self.push(m, first_tok, b.consumed)
    }

    /// Links the old value of a change stated after the new one: "83,000, up from
    /// 78,000", "narrowed to 138,285 lots from 212,577 lots".
    fn link_from_pairs(&mut self) {
        for i in 1..self.out.len() {
            let (first, _) = self.toks_of[i];
            if first < 1 || !self.word_is(first - 1, "from") {
                continue;
            }
            let prev = i - 1;
            if self.out[prev].from.is_some() || self.out[i].from.is_some() || self.out[prev].kind != self.out[i].kind {
                continue;
            }
            let (prev_first, prev_end) = self.toks_of[prev];
            let updown = match self.lw(first.wrapping_sub(2)) {
                "up" if first >= 2 => Some(Change::Increase),
                "down" if first >= 2 => Some(Change::Decrease),
                _ => None,
            };
            let dir = match updown {
                Some(d) => d,
                None => {
                    // "to 138,285 lots from 212,577": the new value after "to" or a change verb.
                    let to_before = prev_first > 0 && self.word_is(prev_first - 1, "to");
                    if !(to_before || self.out[prev].change.is_some()) {
                        continue;
                    }
                    match direction(self.out[i].value, self.out[prev].value) {
                        Some(d) => d,
                        None => continue,
                    }
                }
            };
            // The two must be close: "83,000, up from 78,000"; "138,285 lots from 212,577".
            let gap_start = if updown.is_some() { first - 2 } else { first - 1 };
            if gap_start > prev_end + 2 {
                continue;
            }
            self.out[prev].from = Some(i);
            self.out[prev].change = self.out[prev].change.or(Some(dir));
        }
    }

    /// A conversion in brackets has the bound and change of what it converts: "more than
    /// 100 km (60 miles)", "fell 2.5% (£3m)". (An approximation is not carried over: the
    /// conversion itself is exact.)
    fn inherit_from_neighbours(&mut self) {
        for i in 1..self.out.len() {
            let (_, prev_end) = self.toks_of[i - 1];
            let (first, end) = self.toks_of[i];
            // "A (B)": only an opening bracket between them, and a closing one after B.
            if !(first == prev_end + 1 && self.is_char(prev_end, '(') && self.is_char(end, ')')) {
                continue;
            }
            let (a_change, a_bound) = (self.out[i - 1].change, self.out[i - 1].bound);
            let b = &mut self.out[i];
            if b.change.is_none() {
                b.change = a_change;
            }
            if b.bound == Bound::Exact && matches!(a_bound, Bound::Lower | Bound::Upper) {
                b.bound = a_bound;
                *b = set_bound_ends(b.clone());
            }
        }
    }
}

/// A mention with no unit, currency, change or rate.
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
        per: None,
        rule,
    }
}

/// Puts the stated side of a bound into `low`/`high` ("nearly 12m" → high 12m), with
/// values tidied of binary rounding ("8.017 billion" is 8,017,000,000, not 8,016,999,999.999999).
fn set_bound_ends(mut m: Mention) -> Mention {
    m.value = tidy(m.value);
    m.low = m.low.map(tidy);
    m.high = m.high.map(tidy);
    match m.bound {
        Bound::Upper => m.high = Some(m.value),
        Bound::Lower => m.low = Some(m.value),
        _ => {}
    }
    m
}

/// `x` rounded to 12 significant digits, more than any number is written with.
fn tidy(x: f64) -> f64 {
    if !x.is_finite() || x.fract() == 0.0 {
        return x;
    }
    let mag = 10f64.powi(12 - x.abs().log10().ceil() as i32);
    let y = (x * mag).round() / mag;
    if y.is_finite() { y } else { x }
}

fn direction(old: f64, new: f64) -> Option<Change> {
    if new > old {
        Some(Change::Increase)
    } else if new < old {
        Some(Change::Decrease)
    } else {
        None
    }
}

/// An amount in minor units (`factor` 0.01: pence, cents) in whole units. Dividing by 100
/// rather than multiplying by 0.01 keeps the value exact where it can be (164p is 1.64).
fn in_whole_units(value: f64, factor: f64) -> f64 {
    if factor == 0.01 { value / 100.0 } else { value * factor }
}

/// Unicode vulgar fractions.
fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

/// "MUSD", "KSEK", "BEUR": a scale letter glued to an ISO code.
fn scaled_iso(w: &str) -> Option<(f64, &'static str)> {
    if w.len() != 4 || !w.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let scale = match &w[..1] {
        "K" | "T" => 1e3,
        "M" => 1e6,
        "B" => 1e9,
        _ => return None,
    };
    Some((scale, vocab::iso_currency(&w[1..])?))
}

fn rate_noun(n: &str) -> &'static str {
    match n {
        "share" => "share",
        "barrel" => "barrel",
        "tonne" | "ton" => "tonne",
        "kilo" | "kilogram" => "kilogram",
        "litre" | "liter" => "litre",
        "gallon" => "gallon",
        "head" | "person" => "person",
        "household" => "household",
        "pupil" => "pupil",
        "child" => "child",
        "patient" => "patient",
        "night" => "night",
        "game" => "game",
        "match" => "match",
        "mile" => "mile",
        "unit" => "unit",
        "item" => "item",
        "piece" => "piece",
        "copy" => "copy",
        "ticket" => "ticket",
        "visit" => "visit",
        "dozen" => "dozen",
        "bag" => "bag",
        "pint" => "pint",
        "gram" => "gram",
        "ounce" => "ounce",
        _ => "unit",
    }
}

fn is_plural(w: &str) -> bool {
    matches!(w, "children" | "people" | "men" | "women")
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
}

fn is_phrasal_up(w: &str) -> bool {
    matches!(
        w,
        "gave"
            | "give"
            | "gives"
            | "giving"
            | "given"
            | "set"
            | "sets"
            | "setting"
            | "made"
            | "make"
            | "makes"
            | "making"
            | "picked"
            | "pick"
            | "took"
            | "take"
            | "takes"
            | "taking"
            | "taken"
            | "sum"
            | "summed"
            | "shore"
            | "shored"
            | "use"
            | "used"
            | "fill"
            | "filled"
            | "open"
            | "opened"
            | "sign"
            | "signed"
            | "turn"
            | "turned"
            | "show"
            | "showed"
            | "put"
            | "puts"
            | "end"
            | "ended"
            | "ramp"
            | "ramped"
            | "step"
            | "stepped"
            | "rack"
            | "racked"
            | "snap"
            | "snapped"
            | "scoop"
            | "scooped"
    )
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
