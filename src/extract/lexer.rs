//! Splits a sentence into the tokens the number grammar works on.
//!
//! Tokens are numerals (with their digit grouping and decimals already joined:
//! `83,000`, `1.5`, `1 234 567` with thin or no-break spaces), words (letters with
//! inner apostrophes: `children’s`), and single other characters. Whitespace is not
//! a token: each token records the gap before it instead, so the grammar can tell
//! `£800` from `£ 800` and `COVID-19` from `COVID - 19`.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Digits, with grouping and an optional decimal part.
    Num,
    /// Letters, with inner apostrophes.
    Word,
    /// Any other single character (punctuation, symbols).
    Char,
}

/// Whitespace before a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Glued to the previous token (or the first token).
    None,
    Space,
    /// The whitespace holds a line break.
    Newline,
}

/// A token: byte span into the sentence plus what the lexer learned about it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Token {
    pub kind: TokKind,
    /// Byte offsets into the sentence (a sentence is far below 4 GiB).
    pub start: u32,
    pub end: u32,
    pub gap: Gap,
    /// For `Char`: the character.
    pub ch: char,
    /// For `Num`: digit grouping was used (`83,000`).
    pub grouped: bool,
    /// For `Num`: number of digits before the decimal point.
    pub int_digits: u8,
    /// For `Num`: it has a decimal part.
    pub decimal: bool,
    /// For `Num`: more than one decimal point (`3.4.1`: a version or a date).
    pub dotted: bool,
    /// A number can start at or next to this token: a numeral, a number word ("eight",
    /// "dozen", "thirds", "millions"), a vulgar fraction. The grammar only looks near these.
    pub anchor: bool,
    /// For `Word`: all ASCII lower-case letters (its lower-case form is itself).
    pub lower: bool,
}

impl Token {
    /// A plain integer: no grouping, no decimals.
    pub fn plain_int(&self) -> bool {
        self.kind == TokKind::Num && !self.grouped && !self.decimal && !self.dotted
    }

    pub fn is_char(&self, c: char) -> bool {
        self.kind == TokKind::Char && self.ch == c
    }
}

/// Tokenises `s` into `out` (cleared first).
pub fn lex(s: &str, out: &mut Vec<Token>) {
    out.clear();
    let b = s.as_bytes();
    let mut i = 0;
    let mut gap = Gap::None;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            gap = gap.max(if c == b'\n' { Gap::Newline } else { Gap::Space });
            i += 1;
            continue;
        }
        // A leading decimal point: ".08", ".5 per cent" (not "v.5" or "3.5").
        let leading_decimal = c == b'.'
            && i + 1 < b.len()
            && b[i + 1].is_ascii_digit()
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.'));
        if c.is_ascii_alphabetic() {
            // The common case, kept tight: a word.
            let (end, lower) = word_end(s, i);
            let anchor = is_number_word(&b[i..end]);
            out.push(Token {
                kind: TokKind::Word,
                start: i as u32,
                end: end as u32,
                gap,
                ch: '\0',
                grouped: false,
                int_digits: 0,
                decimal: false,
                dotted: false,
                anchor,
                lower,
            });
            gap = Gap::None;
            i = end;
            continue;
        }
        let tok = if c.is_ascii_digit() || leading_decimal {
            lex_number(s, i)
        } else if c < 0x80 {
            char_token(i, c as char)
        } else {
            // Multi-byte: decode one char.
            let ch = s[i..].chars().next().unwrap_or('\u{FFFD}');
            if ch.is_whitespace() {
                gap = gap.max(Gap::Space);
                i += ch.len_utf8();
                continue;
            }
            // "100元", "500円": CJK currency signs are letters to Unicode, signs here.
            if ch.is_alphabetic() && !matches!(ch, '元' | '円') { lex_word(s, i) } else { char_token(i, ch) }
        };
        let anchor = match tok.kind {
            TokKind::Num => true,
            TokKind::Word => is_number_word(&s.as_bytes()[tok.start as usize..tok.end as usize]),
            TokKind::Char => matches!(
                tok.ch,
                '½' | '⅓' | '⅔' | '¼' | '¾' | '⅕' | '⅖' | '⅗' | '⅘' | '⅙' | '⅚' | '⅛' | '⅜' | '⅝' | '⅞'
            ),
        };
        out.push(Token { gap, anchor, ..tok });
        gap = Gap::None;
        i = tok.end as usize;
    }
}

fn char_token(i: usize, ch: char) -> Token {
    Token {
        kind: TokKind::Char,
        start: i as u32,
        end: (i + ch.len_utf8()) as u32,
        gap: Gap::None,
        ch,
        grouped: false,
        int_digits: 0,
        decimal: false,
        dotted: false,
        anchor: false,
        lower: false,
    }
}

fn lex_word(s: &str, start: usize) -> Token {
    let (end, lower) = word_end(s, start);
    Token {
        kind: TokKind::Word,
        start: start as u32,
        end: end as u32,
        gap: Gap::None,
        ch: '\0',
        grouped: false,
        int_digits: 0,
        decimal: false,
        dotted: false,
        anchor: false,
        lower,
    }
}

/// The end of the word starting at `start`, and whether it is all ASCII lower case.
#[inline]
fn word_end(s: &str, start: usize) -> (usize, bool) {
    const HI: u64 = 0x8080_8080_8080_8080;
    let b = s.as_bytes();
    let mut i = start;
    let mut lower = true;
    loop {
        // ASCII letters, eight bytes at a time.
        while let Some(chunk) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or([b' '; 8]));
            let letters = letter_mask(x);
            let n = (!letters & HI).trailing_zeros() / 8;
            let within = if n == 8 { u64::MAX } else { (1u64 << (n * 8)) - 1 };
            // Capitals are the letters without bit 5 (0x20), moved up to bit 7 by `<< 2`.
            if letters & !(x << 2) & within != 0 {
                lower = false;
            }
            i += n as usize;
            if n < 8 {
                break;
            }
        }
        while i < b.len() && b[i].is_ascii_alphabetic() {
            lower &= b[i].is_ascii_lowercase();
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let c = b[i];
        if c < 0x80 {
            // An inner apostrophe: "children's", "don't".
            if c == b'\'' && i + 1 < b.len() && b[i + 1].is_ascii_alphabetic() && i > start {
                i += 1;
                continue;
            }
            break;
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        if ch.is_alphabetic() {
            lower = false;
            i += ch.len_utf8();
            continue;
        }
        if ch == '\u{2019}' && i > start {
            let next = s[i + 3..].chars().next();
            if next.is_some_and(char::is_alphabetic) {
                i += 3;
                continue;
            }
        }
        break;
    }
    (i, lower)
}

/// Thin space, narrow no-break space and no-break space: digit group separators.
fn group_space_len(s: &str, i: usize) -> usize {
    let rest = &s.as_bytes()[i..];
    if rest.starts_with("\u{2009}".as_bytes()) || rest.starts_with("\u{202F}".as_bytes()) {
        3
    } else if rest.starts_with("\u{A0}".as_bytes()) {
        2
    } else {
        0
    }
}

fn digits_at(b: &[u8], i: usize) -> usize {
    b[i.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count()
}

fn lex_number(s: &str, start: usize) -> Token {
    let b = s.as_bytes();
    if b[start] == b'.' {
        // ".08": only a decimal part.
        let end = start + 1 + digits_at(b, start + 1);
        return Token {
            kind: TokKind::Num,
            start: start as u32,
            end: end as u32,
            gap: Gap::None,
            ch: '\0',
            grouped: false,
            int_digits: 0,
            decimal: true,
            dotted: false,
            anchor: false,
            lower: false,
        };
    }
    let first = digits_at(b, start);
    let mut i = start + first;
    let mut int_digits = first;
    let mut grouped = false;
    // Digit grouping: "83,000", "1,234,567", Indian "1,00,000", thin-space "1 234 567".
    if first <= 3 {
        loop {
            if i < b.len() && b[i] == b',' {
                let n = digits_at(b, i + 1);
                if n == 3 {
                    i += 4;
                    int_digits += 3;
                    grouped = true;
                    continue;
                }
                // Indian grouping: one or more ",dd" then a final ",ddd" ("1,00,000").
                if n == 2 && first <= 2 && !grouped {
                    let mut k = i;
                    let mut pairs = 0;
                    while k < b.len() && b[k] == b',' && digits_at(b, k + 1) == 2 {
                        k += 3;
                        pairs += 1;
                    }
                    if pairs > 0 && k < b.len() && b[k] == b',' && digits_at(b, k + 1) == 3 {
                        int_digits += 2 * pairs + 3;
                        i = k + 4;
                        grouped = true;
                        break;
                    }
                }
            }
            // A thin or no-break space always groups; a plain space only between groups
            // of three digits that nothing else follows ("40 000", "1 234 567").
            let mut sp = group_space_len(s, i.min(b.len()));
            if sp == 0 && i < b.len() && b[i] == b' ' && digits_at(b, i + 1) == 3 {
                let after = i + 4;
                let ends = after >= b.len()
                    || !(b[after].is_ascii_alphanumeric() || b[after] == b',' && digits_at(b, after + 1) > 0);
                if ends && !s[..start].ends_with(|c: char| c.is_ascii_digit()) {
                    sp = 1;
                }
            }
            if sp > 0 && digits_at(b, i + sp) == 3 {
                i += sp + 3;
                int_digits += 3;
                grouped = true;
                continue;
            }
            break;
        }
    }
    let mut decimal = false;
    let mut dotted = false;
    let mut decimals = 0;
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        decimal = true;
        decimals = digits_at(b, i + 1);
        i += 1 + decimals;
        while i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            dotted = true;
            i += 1 + digits_at(b, i + 1);
        }
    }
    // A European decimal comma: "1.111,11" (the dot groups thousands), or "1,3" when
    // nothing but punctuation follows it in the sentence.
    if !grouped && !dotted && i + 1 < b.len() && b[i] == b',' {
        let n = digits_at(b, i + 1);
        let after = i + 1 + n;
        let rest_is_punct = s[after..].chars().all(|c| c.is_whitespace() || c.is_ascii_punctuation());
        let thousands_dot = decimal && decimals == 3 && first <= 3;
        let at_end = !decimal && first <= 3 && rest_is_punct;
        let next_ok = after >= b.len()
            || !(b[after].is_ascii_alphanumeric() || (b[after] == b',' && digits_at(b, after + 1) > 0));
        if (1..=2).contains(&n) && next_ok && (thousands_dot || at_end) {
            decimal = true;
            i = after;
        }
    }
    // Scientific notation: "1e10", "1.3e6", "12.32e+14" (the exponent ends the token).
    if !dotted && i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let sign = usize::from(i + 1 < b.len() && (b[i + 1] == b'+' || b[i + 1] == b'-'));
        let exp = digits_at(b, i + 1 + sign);
        let after = i + 1 + sign + exp;
        if exp > 0 && exp <= 3 && (after >= b.len() || !b[after].is_ascii_alphanumeric()) {
            decimal = true;
            i = after;
        }
    }
    Token {
        kind: TokKind::Num,
        start: start as u32,
        end: i as u32,
        gap: Gap::None,
        ch: '\0',
        grouped,
        int_digits: int_digits.min(255) as u8,
        decimal,
        dotted,
        anchor: false,
        lower: false,
    }
}

/// Number words ("eight", "hundred", "dozen", "thirds", "millions", "nought"), lower case,
/// each packed little-endian into a `u128`, sorted for binary search.
const NUMBER_WORDS: [u128; 73] = [
    0x656e6f,
    0x6c696e,
    0x6e6574,
    0x6f7774,
    0x786973,
    0x656e696e,
    0x65766966,
    0x666c6168,
    0x686b616c,
    0x6f72657a,
    0x72756f66,
    0x736e6574,
    0x6472696874,
    0x6565726874,
    0x65726f7263,
    0x6874666966,
    0x68746e6574,
    0x68746e696e,
    0x6874786973,
    0x6e65766573,
    0x6e657a6f64,
    0x7468676965,
    0x7974666966,
    0x7974726f66,
    0x7974786973,
    0x65766c657774,
    0x687468676965,
    0x687472756f66,
    0x6e6576656c65,
    0x736472696874,
    0x736874666966,
    0x7368746e6574,
    0x7368746e696e,
    0x736874786973,
    0x736e657a6f64,
    0x74686775616e,
    0x746867756f6e,
    0x7974656e696e,
    0x797468676965,
    0x79746e657774,
    0x797472696874,
    0x646572646e7568,
    0x68746e65766573,
    0x6e656574666966,
    0x6e656574786973,
    0x6e6f696c6c6962,
    0x6e6f696c6c696d,
    0x72657472617571,
    0x73687468676965,
    0x73687472756f66,
    0x79746e65766573,
    0x646e6173756f6874,
    0x6e656574656e696e,
    0x6e65657468676965,
    0x6e65657472696874,
    0x6e65657472756f66,
    0x6e6f696c6c697274,
    0x73646572646e7568,
    0x7368746e65766573,
    0x736e6f696c6c6962,
    0x736e6f696c6c696d,
    0x7372657472617571,
    0x6874646572646e7568,
    0x68746e6f696c6c6962,
    0x68746e6f696c6c696d,
    0x6e6565746e65766573,
    0x73646e6173756f6874,
    0x6874646e6173756f6874,
    0x68746e6f696c6c697274,
    0x736874646572646e7568,
    0x7368746e6f696c6c696d,
    0x736874646e6173756f6874,
    0x7368746e6f696c6c697274,
];

/// The first three letters of the number words as a bit set indexed by the low five bits
/// of each letter (the same for upper and lower case): most words ("the", "and", "was")
/// are rejected by one lookup.
static PREFIX3: [u64; 512] = {
    let mut bits = [0u64; 512];
    let mut i = 0;
    while i < NUMBER_WORDS.len() {
        let k = NUMBER_WORDS[i];
        let n = prefix_index((k & 0xff) as u8, ((k >> 8) & 0xff) as u8, ((k >> 16) & 0xff) as u8);
        bits[n / 64] |= 1 << (n % 64);
        i += 1;
    }
    bits
};

const fn prefix_index(a: u8, b: u8, c: u8) -> usize {
    (((a & 31) as usize) << 10) | (((b & 31) as usize) << 5) | ((c & 31) as usize)
}

/// Words that are, or open, a number: one of [`NUMBER_WORDS`], in any case.
#[inline]
pub fn is_number_word(w: &[u8]) -> bool {
    if w.len() < 3 || w.len() > 11 {
        return false;
    }
    let n = prefix_index(w[0], w[1], w[2]);
    if PREFIX3[n / 64] & (1 << (n % 64)) == 0 {
        return false;
    }
    let mut key = 0u128;
    for (i, b) in w.iter().enumerate() {
        key |= u128::from(b.to_ascii_lowercase()) << (8 * i);
    }
    NUMBER_WORDS.binary_search(&key).is_ok()
}

/// Whether `s` may state a number at all: a digit, a vulgar fraction or a number word.
/// One pass, eight bytes at a time, so that most sentences skip lexing.
pub fn may_hold_number(s: &str) -> bool {
    let b = s.as_bytes();
    // Digits first, 32 bytes at a time without an early exit so that it vectorises.
    for chunk in b.chunks(32) {
        if chunk.iter().fold(false, |acc, c| acc | c.is_ascii_digit()) {
            return true;
        }
    }
    let mut lead = false;
    let mut prev_letter = false;
    let mut i = 0;
    while i < b.len() {
        let x = match b.get(i..i + 8) {
            Some(full) => u64::from_le_bytes(full.try_into().unwrap_or([b' '; 8])),
            None => {
                let mut chunk = [b' '; 8];
                chunk[..b.len() - i].copy_from_slice(&b[i..]);
                u64::from_le_bytes(chunk)
            }
        };
        // Lead bytes of vulgar fractions: "½ ¼ ¾" are C2 BC..BE, "⅓".."⅞" E2 85 ...
        lead |= x & 0x8080_8080_8080_8080 != 0 && (has_byte(x, 0xC2) | has_byte(x, 0xE2));
        let letters = letter_mask(x);
        // Word starts: letter bytes whose previous byte is not a letter.
        let mut starts = letters & !((letters << 8) | (u64::from(prev_letter) << 7));
        while starts != 0 {
            let at = i + (starts.trailing_zeros() / 8) as usize;
            starts &= starts - 1;
            // Most words fail on their first three letters.
            let (Some(&c1), Some(&c2)) = (b.get(at + 1), b.get(at + 2)) else { continue };
            let n = prefix_index(b[at], c1, c2);
            if PREFIX3[n / 64] & (1 << (n % 64)) == 0 {
                continue;
            }
            let end = at + b[at..].iter().take(12).take_while(|c| c.is_ascii_alphabetic()).count();
            if is_number_word(&b[at..end]) {
                return true;
            }
        }
        prev_letter = letters >> 63 != 0;
        i += 8;
    }
    lead && b.windows(2).any(|w| (w[0] == 0xC2 && (0xBC..=0xBE).contains(&w[1])) || (w[0] == 0xE2 && w[1] == 0x85))
}

/// Whether any byte of `x` is `byte`.
#[inline]
fn has_byte(x: u64, byte: u8) -> bool {
    let v = x ^ (u64::from(byte) * 0x0101_0101_0101_0101);
    (v.wrapping_sub(0x0101_0101_0101_0101) & !v & 0x8080_8080_8080_8080) != 0
}

/// The high bit of each byte of `x` that is an ASCII letter.
#[inline]
fn letter_mask(x: u64) -> u64 {
    const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HI: u64 = 0x8080_8080_8080_8080;
    const BIT5: u64 = 0x2020_2020_2020_2020;
    let y = (x & LO7) | BIT5; // lower case, high bit cleared: no carries between bytes below
    let at_least_a = (y + 0x1F1F_1F1F_1F1F_1F1F) & HI; // y >= 'a' (0x61)
    let above_z = (y + 0x0505_0505_0505_0505) & HI; // y >= '{' (0x7B)
    at_least_a & !above_z & !x & HI
}

/// The value of a numeral token's text (`83,000` → 83000.0, `1.3e6` → 1300000.0,
/// `1.111,11` → 1111.11: a last comma followed by one or two digits is a European decimal
/// comma, which the lexer only lets through where it cannot be grouping).
pub fn num_value(text: &str) -> f64 {
    // The common cases: digits with grouping commas or spaces, and one decimal point. An
    // integer below 2^53 divided by a power of ten up to 10^15 is correctly rounded, as
    // `str::parse` would be.
    let mut mantissa: u64 = 0;
    let mut digits = 0;
    let mut decimals: Option<i32> = None;
    let mut last_comma = None;
    let mut simple = !text.is_empty();
    for (i, &c) in text.as_bytes().iter().enumerate() {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(c - b'0'));
                digits += 1;
                if let Some(d) = decimals.as_mut() {
                    *d += 1;
                }
            }
            b'.' if decimals.is_none() => decimals = Some(0),
            b',' if decimals.is_none() => last_comma = Some(i),
            b' ' | 0x80..=0xFF if decimals.is_none() => {} // grouping spaces
            _ => {
                simple = false;
                break;
            }
        }
    }
    let comma_groups = last_comma.is_none_or(|p| text.len() - p == 4 || decimals.is_some());
    if simple && digits <= 15 && comma_groups {
        let scale = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
        return mantissa as f64 / scale[decimals.unwrap_or(0) as usize];
    }
    if let Some(p) = text.rfind(',')
        && (2..=3).contains(&(text.len() - p))
        && text[p + 1..].bytes().all(|c| c.is_ascii_digit())
    {
        let european: String = text.chars().filter(|c| *c != '.').map(|c| if c == ',' { '.' } else { c }).collect();
        return european.parse().unwrap_or(f64::NAN);
    }
    let mut buf = [0u8; 64];
    let mut n = 0;
    for &c in text.as_bytes() {
        if (c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-')) && n < buf.len() {
            buf[n] = c;
            n += 1;
        }
    }
    std::str::from_utf8(&buf[..n]).ok().and_then(|t| t.parse().ok()).unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(TokKind, &str, Gap)> {
        let mut v = Vec::new();
        lex(s, &mut v);
        v.iter().map(|t| (t.kind, &s[t.start as usize..t.end as usize], t.gap)).collect()
    }

    #[test]
    fn groups_digits_and_decimals() {
        let t = toks("83,000 and 1.5 and 1\u{2009}234\u{2009}567 and 1,00,000");
        assert_eq!(t[0].1, "83,000");
        assert_eq!(t[2].1, "1.5");
        assert_eq!(t[4].1, "1\u{2009}234\u{2009}567");
        assert_eq!(t[6].1, "1,00,000");
        // A list of two-digit numbers is not Indian grouping.
        assert_eq!(toks("22,24,26,31")[0].1, "22");
        // European decimal commas, where they cannot be grouping.
        assert_eq!(num_value(toks("It was 1.111,11 in all")[2].1), 1111.11);
        assert_eq!(num_value(toks("The number is 1,3.")[3].1), 1.3);
        assert_eq!(toks("Rooms 1,3 and 5")[1].1, "1");
        assert_eq!(num_value(t[4].1), 1234567.0);
        assert_eq!(num_value(t[6].1), 100000.0);
    }

    #[test]
    fn a_comma_list_is_not_grouping() {
        let t = toks("1,2 and 12,34");
        assert_eq!(t[0].1, "1");
        assert_eq!(t[2].1, "2");
    }

    #[test]
    fn words_keep_inner_apostrophes_and_gaps_are_recorded() {
        let t = toks("children’s £800m COVID-19");
        assert_eq!(t[0].1, "children’s");
        assert_eq!(t[1], (TokKind::Char, "£", Gap::Space));
        assert_eq!(t[2], (TokKind::Num, "800", Gap::None));
        assert_eq!(t[3], (TokKind::Word, "m", Gap::None));
        assert_eq!(t[5], (TokKind::Char, "-", Gap::None));
    }

    #[test]
    fn leading_decimals_exponents_and_space_groups() {
        let t = toks("rate .001 and 1.3e6 and 40 000 and 12.32e+14");
        assert_eq!(t[1].1, ".001");
        assert_eq!(num_value(t[1].1), 0.001);
        assert_eq!(num_value(t[3].1), 1.3e6);
        assert_eq!(t[5].1, "40 000");
        assert_eq!(num_value(t[7].1), 12.32e14);
        // Two separate numbers stay two: a year then a count, a code then digits.
        let t = toks("in 2019 200 people, v.5");
        assert_eq!(t[1].1, "2019");
        assert_eq!(t[2].1, "200");
    }

    #[test]
    fn number_words_are_found_in_any_case() {
        for w in ["eight", "Eight", "HUNDRED", "thirds", "millions", "nought"] {
            assert!(is_number_word(w.as_bytes()), "{w}");
        }
        for w in ["the", "eighty-", "hundredweight", "on", "thirdly"] {
            assert!(!is_number_word(w.as_bytes()), "{w}");
        }
        assert!(may_hold_number("It rose by a third."));
        assert!(may_hold_number("costs ½ more"));
        assert!(may_hold_number("5"));
        assert!(!may_hold_number("Nothing here at all."));
        assert!(may_hold_number("Long words first, then twelve"));
        assert!(may_hold_number("abcdefgh one"));
        assert!(!may_hold_number("someone often money tone"));
        for c in 0u8..=255 {
            let x = u64::from(c);
            assert_eq!(letter_mask(x) != 0, c.is_ascii_alphabetic(), "{c}");

            // In every byte position, with neighbours that could carry.
            for pos in 0..8 {
                let y = (0xFFu64.wrapping_mul(0x0101_0101_0101_0101) & !(0xFF << (8 * pos))) | (x << (8 * pos));

                assert_eq!(letter_mask(y) & (0x80 << (8 * pos)) != 0, c.is_ascii_alphabetic(), "{c} at {pos}");
            }
        }
        assert!(has_byte(u64::from_le_bytes(*b"ab\xC2def\xE2\x85"), 0xC2));
        assert!(!has_byte(u64::from_le_bytes(*b"abcdefgh"), 0xC2));
    }

    /// `word_end` as the plain char-by-char loop it speeds up.
    fn word_end_reference(s: &str, start: usize) -> (usize, bool) {
        let mut it = s[start..].char_indices().peekable();
        let (mut end, mut lower) = (start, true);
        while let Some((k, ch)) = it.next() {
            let next_alpha = it.peek().is_some_and(|&(_, n)| n.is_alphabetic());
            let inner = k > 0
                && ((ch == '\'' && it.peek().is_some_and(|&(_, n)| n.is_ascii_alphabetic()))
                    || (ch == '\u{2019}' && next_alpha));
            if !(ch.is_alphabetic() || inner) {
                break;
            }
            lower &= ch.is_ascii_lowercase() || ch == '\'' || ch == '\u{2019}';
            end = start + k + ch.len_utf8();
        }
        (end, lower)
    }

    #[test]
    fn word_end_matches_the_plain_loop() {
        for s in ["a", "children's", "Don’t stop", "naïve café", "abcdefghijklmnopQ", "abcdefgh", "ab1", "ÉCOLE"] {
            assert_eq!(word_end(s, 0), word_end_reference(s, 0), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn word_end_agrees_with_reference(s in "[a-zA-Z'’é ]{0,40}") {
            if s.starts_with(|c: char| c.is_alphabetic()) {
                proptest::prop_assert_eq!(word_end(&s, 0), word_end_reference(&s, 0));
            }
        }
    }

    #[test]
    fn dotted_numbers_are_flagged() {
        let mut v = Vec::new();
        lex("v3.4.1", &mut v);
        assert!(v[1].dotted);
    }
}
