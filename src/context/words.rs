//! The words of a sentence, once, for every context rule.

/// One word: letters and digits, with inner apostrophes, hyphens and dots ("children’s",
/// "looked-after", "U.K", "2021-22", "1.5").
#[derive(Clone, Copy, Debug)]
pub struct Word {
    /// Byte offsets into the sentence.
    pub start: usize,
    pub end: usize,
    /// Something other than white space stands between this word and the one before.
    pub punct_before: bool,
    /// The first letter is upper case.
    pub cap: bool,
}

/// Whether the text between two words breaks a phrase: anything but spaces and
/// currency signs ("a £5m gap" runs on).
pub fn is_break(gap: &str) -> bool {
    gap.chars().any(|c| !c.is_whitespace() && !matches!(c, '£' | '$' | '€' | '¥' | '₹'))
}

/// A sentence split into words, with an ASCII-lower-cased copy for matching.
pub struct Words<'a> {
    pub text: &'a str,
    lower: String,
    pub w: Vec<Word>,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        // The character at `i`: whether it is a letter or digit, upper case, and its width
        // (ASCII by byte, other characters decoded).
        let at = |i: usize| -> (char, bool, usize) {
            let b = bytes[i];
            if b.is_ascii() {
                return (char::from(b), b.is_ascii_alphanumeric(), 1);
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.is_alphanumeric(), c.len_utf8())
        };
        let mut w = Vec::with_capacity(bytes.len() / 6);
        let (mut i, mut last_end) = (0, 0);
        while i < bytes.len() {
            let (c, alnum, width) = at(i);
            if !alnum {
                i += width;
                continue;
            }
            let start = i;
            i += width;
            let mut end = i;
            while i < bytes.len() {
                let (d, alnum, width) = at(i);
                // Inner joiners only when a letter or digit follows.
                let joins = || matches!(d, '\'' | '’' | '-' | '.') && i + width < bytes.len() && at(i + width).1;
                if !alnum && !joins() {
                    break;
                }
                i += width;
                end = i;
            }
            let punct_before = !w.is_empty() && is_break(&text[last_end..start]);
            w.push(Word { start, end, punct_before, cap: c.is_uppercase() });
            last_end = end;
        }
        Words { text, lower: text.to_ascii_lowercase(), w }
    }

    pub fn len(&self) -> usize {
        self.w.len()
    }

    /// Word `i` in lower case ("" past the end).
    pub fn lw(&self, i: usize) -> &str {
        self.w.get(i).map_or("", |w| &self.lower[w.start..w.end])
    }

    /// Word `i` as written ("" past the end).
    pub fn text(&self, i: usize) -> &'a str {
        self.w.get(i).map_or("", |w| &self.text[w.start..w.end])
    }

    pub fn is(&self, i: usize, word: &str) -> bool {
        self.lw(i) == word
    }

    pub fn cap(&self, i: usize) -> bool {
        self.w.get(i).is_some_and(|w| w.cap)
    }

    /// Punctuation stands between word `i - 1` and word `i`.
    pub fn punct_before(&self, i: usize) -> bool {
        self.w.get(i).is_some_and(|w| w.punct_before)
    }

    /// The text between word `i - 1` and word `i`.
    pub fn gap_before(&self, i: usize) -> &'a str {
        match (i.checked_sub(1).and_then(|p| self.w.get(p)), self.w.get(i)) {
            (Some(a), Some(b)) => &self.text[a.end..b.start],
            (None, Some(b)) => &self.text[..b.start],
            _ => "",
        }
    }

    /// The index of the first word starting at or after byte `at`.
    pub fn first_from(&self, at: usize) -> usize {
        self.w.partition_point(|w| w.start < at)
    }

    /// Words `from..to` as written, as one string.
    pub fn phrase(&self, from: usize, to: usize) -> &'a str {
        if from >= to || to > self.w.len() {
            return "";
        }
        &self.text[self.w[from].start..self.w[to - 1].end]
    }

    pub fn has_digit(&self, i: usize) -> bool {
        self.text(i).bytes().any(|b| b.is_ascii_digit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Words::new`] as first written, over `char_indices`: the reference for the byte loop.
    fn words_by_char(text: &str) -> Vec<Word> {
        let mut w = Vec::new();
        let mut iter = text.char_indices().peekable();
        let mut last_end = 0;
        while let Some((i, c)) = iter.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    iter.next();
                    continue;
                }
                // Inner joiners only when a letter or digit follows.
                if matches!(d, '\'' | '’' | '-' | '.') {
                    let after = text[j + d.len_utf8()..].chars().next();
                    if after.is_some_and(char::is_alphanumeric) {
                        end = j + d.len_utf8();
                        iter.next();
                        continue;
                    }
                }
                break;
            }
            let punct_before = !w.is_empty() && is_break(&text[last_end..i]);
            w.push(Word { start: i, end, punct_before, cap: c.is_uppercase() });
            last_end = end;
        }
        w
    }

    fn same(a: &[Word], b: &[Word]) -> bool {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| (x.start, x.end, x.punct_before, x.cap) == (y.start, y.end, y.punct_before, y.cap))
    }

    proptest::proptest! {
        #[test]
        fn words_agree_with_reading_by_character(s in "[a-zA-Z0-9 '’.,:£$€-]{0,60}|[aÉé1 ’'.-]{0,20}|\\PC{0,30}") {
            proptest::prop_assert!(same(&Words::new(&s).w, &words_by_char(&s)), "{:?}", s);
        }
    }

    #[test]
    fn words_keep_inner_joiners() {
        let w = Words::new("Children’s homes (U.K.) in 2021-22: 1.5m, looked-after.");
        let t: Vec<_> = (0..w.len()).map(|i| w.text(i)).collect();
        assert_eq!(t, ["Children’s", "homes", "U.K", "in", "2021-22", "1.5m", "looked-after"]);
        assert!(w.punct_before(2) && !w.punct_before(1) && w.cap(0));
        assert_eq!(w.lw(0), "children’s");
        assert_eq!(w.first_from(w.w[3].start), 3);
        assert_eq!(w.phrase(0, 2), "Children’s homes");
    }
}
