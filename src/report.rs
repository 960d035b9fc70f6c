//! `figtrace report`: `DIR/report.html`, one self-contained page (no network: styles,
//! script and charts inline) for reading the figures of a run: conflicting figures first,
//! then those several sources agree on, then single-source figures (the most claims
//! first, up to [`MAX_FIGURES`] in all). Each figure has a small SVG chart of its values
//! per source (and period: a dot per source on the figure's own scale), its quoted sentences with the number marked, and a link to
//! each source (the page at the sentence when the document has a URL). A filter by kind,
//! status and subject words runs in the page.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::trace::{Source, Traced, all_figures};

/// Figures shown at most: all conflicting and consistent ones come first.
pub const MAX_FIGURES: usize = 2000;

/// Writes `dir/report.html` for the output in `dir`; returns its path and the number of
/// figures shown.
pub fn report(dir: &Path) -> Result<(PathBuf, usize)> {
    let mut figs = all_figures(dir)?;
    let rank = crate::figures::status_rank;
    figs.sort_by(|a, b| {
        rank(&a.status)
            .cmp(&rank(&b.status))
            .then(b.sources.len().cmp(&a.sources.len()))
            .then(a.figure_id.cmp(&b.figure_id))
    });
    let total = figs.len();
    figs.truncate(MAX_FIGURES);
    let html = page(&figs, total, dir);
    let path = dir.join("report.html");
    std::fs::write(&path, html).with_context(|| format!("cannot write {}", path.display()))?;
    Ok((path, figs.len()))
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The sentence with the surface in `<mark>`.
fn quoted(s: &Source) -> String {
    let chars: Vec<char> = s.sentence.chars().collect();
    let (a, b) = (s.at.0.min(chars.len()), s.at.1.min(chars.len()).max(s.at.0.min(chars.len())));
    let part = |x: usize, y: usize| esc(&chars[x..y].iter().collect::<String>());
    format!("{}<mark>{}</mark>{}", part(0, a), part(a, b), part(b, chars.len()))
}

/// A dot per source on a common scale, labelled with its publisher (or file) and period;
/// dots of sources that disagree are red. The scale spans the figure's values (padded), so
/// that 72,590 and 72,670 stand apart; its ends are written under it.
fn chart(f: &Traced) -> String {
    const W: f64 = 380.0;
    const ROW: f64 = 18.0;
    const LABEL: f64 = 170.0;
    let (lo, hi) =
        f.sources.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), s| (a.min(s.value), b.max(s.value)));
    let pad = if hi > lo { (hi - lo) * 0.1 } else { hi.abs().max(1.0) * 0.05 };
    let (lo, hi) = (lo - pad, hi + pad);
    let x = |v: f64| LABEL + (v - lo) / (hi - lo) * W;
    let h = ROW * f.sources.len() as f64 + 22.0;
    let width = LABEL + W + 110.0;
    let mut svg = format!(
        r#"<svg class="chart" role="img" aria-label="values per source" width="{width}" height="{h}" viewBox="0 0 {width} {h}">"#
    );
    let axis = ROW * f.sources.len() as f64 + 4.0;
    let _ = write!(
        svg,
        r#"<line class="axis" x1="{LABEL}" y1="{axis}" x2="{}" y2="{axis}"/><text x="{LABEL}" y="{}">{}</text><text x="{}" y="{}" text-anchor="end">{}</text>"#,
        LABEL + W,
        axis + 14.0,
        esc(&crate::figures::number(round_to(lo))),
        LABEL + W,
        axis + 14.0,
        esc(&crate::figures::number(round_to(hi)))
    );
    for (k, s) in f.sources.iter().enumerate() {
        let y = 2.0 + ROW * k as f64 + ROW / 2.0;
        let who = s.publisher.clone().unwrap_or_else(|| s.place.rsplit('/').next().unwrap_or(&s.place).to_owned());
        let label = match &s.period {
            Some(p) => format!("{who} · {p}"),
            None => who,
        };
        let label: String = label.chars().take(28).collect();
        let class = if f.disagreeing.contains(&s.claim_id) { "dot off" } else { "dot" };
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{LABEL}" y1="{y}" x2="{}" y2="{y}"/><text x="{}" y="{}" text-anchor="end">{}</text><circle class="{class}" cx="{:.1}" cy="{y}" r="5"><title>{}</title></circle><text x="{}" y="{}">{}</text>"#,
            LABEL + W,
            LABEL - 6.0,
            y + 4.0,
            esc(&label),
            x(s.value),
            esc(&format!("{} at {}", s.surface, s.place)),
            LABEL + W + 8.0,
            y + 4.0,
            esc(&s.surface)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A value rounded to three significant digits, for the ends of a scale.
fn round_to(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let p = 10f64.powi(v.abs().log10().floor() as i32 - 2);
    (v / p).round() * p
}

fn page(figs: &[Traced], total: usize, dir: &Path) -> String {
    let mut kinds: Vec<&str> = figs.iter().map(|f| f.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let count = |s: &str| figs.iter().filter(|f| f.status == s).count();
    let mut body = String::new();
    for f in figs {
        let values: Vec<f64> = f.sources.iter().map(|s| s.value).collect();
        let (lo, hi) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
        let shown = if lo == hi {
            crate::figures::number(lo)
        } else {
            format!("{} – {}", crate::figures::number(lo), crate::figures::number(hi))
        };
        let _ = write!(
            body,
            r#"<section class="figure {status}" data-kind="{kind}" data-status="{status}" data-subject="{subj_l}" id="{id}"><h2><span class="badge">{status}</span> {subject} <small>{kind} · {shown} · {n} source{s}</small></h2><p class="id">{id}</p>{chart}<ul>"#,
            status = esc(&f.status),
            kind = esc(&f.kind),
            subj_l = esc(&f.subject.as_deref().unwrap_or("").to_lowercase()),
            subject = esc(f.subject.as_deref().unwrap_or("(no subject)")),
            id = esc(f.figure_id.as_deref().unwrap_or("")),
            n = f.sources.len(),
            s = if f.sources.len() == 1 { "" } else { "s" },
            chart = chart(f),
        );
        for s in &f.sources {
            let who = [s.publisher.as_deref(), s.published.as_deref().map(|p| p.get(..10).unwrap_or(p))]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            let link = match &s.url {
                Some(u) => format!(r#" <a href="{}">open at the sentence</a>"#, esc(u)),
                None => String::new(),
            };
            let off = if f.disagreeing.contains(&s.claim_id) { r#" class="off""# } else { "" };
            let _ = write!(
                body,
                r#"<li{off}><blockquote>{}</blockquote><p class="src"><code>{}</code> {}{link}</p></li>"#,
                quoted(s),
                esc(&s.place),
                esc(&who)
            );
        }
        body.push_str("</ul></section>\n");
    }
    let options: String = kinds.iter().map(|k| format!(r#"<option value="{0}">{0}</option>"#, esc(k))).collect();
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>figtrace report — {dir}</title>
<style>
body{{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:1em;color:#222}}
header{{border-bottom:1px solid #ccc;margin-bottom:1em}} .filters{{display:flex;gap:.6em;flex-wrap:wrap;margin:.5em 0}}
section.figure{{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:1em 0}}
section.conflicting{{border-color:#c62828}} section.consistent{{border-color:#2e7d32}}
h2{{font-size:1.05em;margin:.2em 0}} h2 small{{color:#666;font-weight:normal}} .id{{color:#888;font-size:.8em;margin:0}}
.badge{{font-size:.75em;text-transform:uppercase;padding:.1em .4em;border-radius:3px;background:#eee}}
.conflicting .badge{{background:#c62828;color:#fff}} .consistent .badge{{background:#2e7d32;color:#fff}}
blockquote{{margin:.3em 0;padding-left:.6em;border-left:3px solid #ccc}} mark{{background:#ffe082}}
li.off blockquote{{border-left-color:#c62828}} .src{{margin:0 0 .6em;color:#555;font-size:.85em}}
svg.chart text{{font-size:11px;fill:#333}} svg.chart .dot{{fill:#3f6fb5}} svg.chart .dot.off{{fill:#c62828}}
svg.chart .grid{{stroke:#eee}} svg.chart .axis{{stroke:#999}}
.hidden{{display:none}}
</style></head>
<body data-ready="0">
<header><h1>figtrace report</h1>
<p>{total} figures in <code>{dir}</code>: {conflicting} conflicting and {consistent} consistent shown first{more}.</p>
<div class="filters">
<label>kind <select id="kind"><option value="">all</option>{options}</select></label>
<label>status <select id="status"><option value="">all</option><option>conflicting</option><option>consistent</option><option>single</option></select></label>
<label>subject <input id="subject" placeholder="words in the subject"></label>
<span id="shown"></span></div></header>
<main>
{body}</main>
<script>
(function () {{
  var kind = document.getElementById('kind'), status = document.getElementById('status'),
      subject = document.getElementById('subject'), shown = document.getElementById('shown');
  var figures = Array.prototype.slice.call(document.querySelectorAll('section.figure'));
  function apply() {{
    var words = subject.value.toLowerCase().split(/\s+/).filter(Boolean), n = 0;
    figures.forEach(function (f) {{
      var ok = (!kind.value || f.dataset.kind === kind.value) && (!status.value || f.dataset.status === status.value) &&
        words.every(function (w) {{ return f.dataset.subject.indexOf(w) >= 0; }});
      f.classList.toggle('hidden', !ok);
      if (ok) n++;
    }});
    shown.textContent = n + ' shown';
  }}
  [kind, status].forEach(function (e) {{ e.addEventListener('change', apply); }});
  subject.addEventListener('input', apply);
  apply();
  document.body.dataset.ready = '1';
}})();
</script>
</body></html>
"#,
        dir = esc(&dir.display().to_string()),
        total = total,
        conflicting = count("conflicting"),
        consistent = count("consistent"),
        more = if total > figs.len() { format!(" (the first {} of them here)", figs.len()) } else { String::new() },
        options = options,
        body = body,
    )
}
