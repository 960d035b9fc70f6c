//! Boilerplate on pages written for these tests in the layouts of other publishers: a
//! broadsheet with menus, promos and a most-read list; a local paper's paywall; a trade
//! paper pasted as text with share bars and related-article teasers; a blog in a
//! crawler's JSONL. Body numbers stay body; the furniture's numbers are flagged.

use crate::util::{process, surface};

/// (surface, in_boilerplate) of every claim found in the file `name` holding `content`.
fn claims_of(name: &str, content: &str) -> Vec<(String, bool)> {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(name);
    std::fs::write(&path, content).unwrap();
    let d = process(&[path]);
    d.claims.iter().map(|c| (surface(&d, c).to_owned(), c.in_boilerplate)).collect()
}

#[track_caller]
fn assert_flags(found: &[(String, bool)], body: &[&str], boilerplate: &[&str]) {
    for b in body {
        assert!(found.iter().any(|(s, bp)| s == b && !bp), "{b:?} should be a body claim: {found:?}");
    }
    for b in boilerplate {
        assert!(found.iter().any(|(s, bp)| s == b && *bp), "{b:?} should be flagged boilerplate: {found:?}");
    }
}

#[test]
fn broadsheet_page_with_menus_promos_and_most_read() {
    let html = r#"<!doctype html><html><head><title>Councils warn of £1.1bn gap | The Courier</title>
<meta property="og:site_name" content="The Courier">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Councils warn of £1.1bn gap","datePublished":"2025-03-02","publisher":{"name":"The Courier"}}</script>
<script>window.ads = {slots: 12, price: 450};</script><style>.x{width:640px}</style></head>
<body>
<div class="cookie-consent"><p>We use 3 types of cookies. Accept all?</p></div>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/top">Top 100 schools</a></li></ul></nav></header>
<main><article>
<h1>Councils warn of £1.1bn gap</h1>
<p class="byline">By A Reporter, 2 March 2025</p>
<p>Councils in England face a funding gap of £1.1bn next year, according to the County Councils Network, which says demand for children's services has risen by 14% since 2021.</p>
<aside class="newsletter-promo"><p>Sign up to our newsletter: 5 stories every morning, free.</p></aside>
<p>The network said that 310 children's homes had opened in the past year, but that about 70% of places were run by private firms charging up to £6,000 a week.</p>
<p>A spokesperson for the department said funding had increased by £600m.</p>
</article></main>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/a">Man, 45, charged after crash</a></li><li><a href="/b">House prices up 3% in a month</a></li></ol></aside>
<footer><p>© 2025 The Courier. Registered in England, company number 123456.</p></footer>
</body></html>"#;
    let found = claims_of("courier.html", html);
    assert_flags(&found, &["£1.1bn", "14%", "310", "70%", "£6,000", "£600m"], &["3", "100", "5", "3%"]);
    assert!(!found.iter().any(|(s, _)| s == "12" || s == "450" || s == "640"), "script or style read: {found:?}");
}

#[test]
fn local_paper_with_a_paywall_gate() {
    let html = r#"<html><head><title>Bus routes cut</title></head><body>
<div class="container"><h1>Eight bus routes to be cut in Hull</h1>
<p>Eight bus routes across Hull will be withdrawn from April, the operator has confirmed, affecting an estimated 4,500 passengers who use them every day.</p>
<p>The company said that rising fuel and staff costs had added £2.3m to its annual bill, and that passenger numbers were still 20% below their level before the pandemic.</p>
<div class="piano-gate"><h3>Subscribe to read the full story</h3><p>Get unlimited access for just £1 for 3 months, then £4.99 a month. Cancel anytime.</p>
<p><a href="/subscribe">Subscribe</a> <a href="/login">Already a subscriber? Log in</a></p></div>
<p>More local news from 12 towns across the region, every day, in our email bulletin for readers.</p>
</div></body></html>"#;
    let found = claims_of("hull.html", html);
    assert_flags(&found, &["4,500", "£2.3m", "20%"], &["£1", "3 months", "£4.99", "12"]);
}

#[test]
fn trade_paper_pasted_as_text_with_share_bar_and_related_teasers() {
    let text = "Menu\nHome | News | Jobs | Events\nSearch\n\nFostering allowances rise by 7%\n\n\
Foster carers in Scotland will receive a 7% increase in their weekly allowance from next month, the Scottish Government has announced, taking the minimum payment for a teenager to £300 a week.\n\n\
Ministers said the rise would cost £12m a year and would help to recruit some 800 new carers, after the number of foster households fell for the fifth year running.\n\n\
Share this article\nFacebook Twitter LinkedIn Email\n\nRelated articles\nAdoption orders fall sharply\n\
The number of adoption orders granted in England fell by 9% last year, continuing a decline that has now lasted for [...]\nRead more\n";
    let found = claims_of("trade.txt", text);
    assert_flags(&found, &["£300", "£12m", "800"], &["9%"]);
    assert_eq!(found.iter().filter(|(s, bp)| s == "7%" && !bp).count(), 2, "{found:?}");
}

#[test]
fn blog_record_from_a_crawler_with_sidebar_and_comment_counts() {
    let html = r##"<div id="page"><div class="sidebar"><h3>Popular posts</h3><ul><li><a href="/p1">Why 9 in 10 councils overspend</a></li><li><a href="/p2">The £50 lunch</a></li></ul></div>
<div class="entry"><h2>What the new figures say</h2><p>The latest statistics show that 1 in 4 care leavers were not in education, work or training at age 21, compared with 13% of all young people of that age, and that the gap has barely moved in five years.</p>
<p>Local authorities spent £1.7bn on leaving care support, up from £1.2bn, the figures show.</p></div>
<div class="post-meta">Posted in Data | <a href="#c">14 comments</a> | <a href="/share">Share</a></div></div>"##;
    let line = serde_json::json!({"id": "blog-7", "html": html, "url": "https://blog.example/figures", "title": "What the new figures say"}).to_string();
    let found = claims_of("crawl.jsonl", &(line + "\n"));
    assert_flags(&found, &["1 in 4", "13%", "£1.7bn", "£1.2bn"], &["9 in 10", "£50", "14"]);
}
