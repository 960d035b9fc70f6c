//! Fuzz the number grammar: any text, no panic, and every mention's span lies on char
//! boundaries inside the sentence, in order, without overlap.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut ex = figtrace::extract::Extractor::new();
    let (mentions, skipped) = ex.extract_explained(text);
    let mut last_end = 0;
    for m in &mentions {
        assert!(m.span.start < m.span.end && m.span.end <= text.len());
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert!(m.span.start >= last_end, "mentions overlap");
        last_end = m.span.end;
        assert!(!m.value.is_nan());
    }
    for s in &skipped {
        assert!(s.span.start <= s.span.end && s.span.end <= text.len());
    }
});
