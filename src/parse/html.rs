//! HTML → visible text in reading order, one block a line, plus page metadata.
//!
//! The text holds the title, then every visible block of the page — article and page
//! furniture alike — so nothing is lost; blocks inside `nav`, `footer`, `aside`, a
//! site `header`, or elements whose class, id or role names menus, share bars,
//! cookie notes, adverts or related links are marked `chrome` for `clean` to weigh.
//! `script`, `style`, `noscript`, `template`, `svg` and hidden elements are never
//! read. The walk is iterative, so deeply nested markup cannot overflow the stack.

use std::sync::LazyLock;

use regex::bytes::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use super::decode;
use crate::model::{Block, BlockKind, Span};

/// What a page holds.
#[derive(Debug, Default)]
pub struct Page {
    pub text: String,
    pub blocks: Vec<Block>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
}

/// Decodes (`<meta charset>` honoured) and reads a page.
pub fn parse_html(bytes: &[u8]) -> Page {
    let declared = meta_charset(bytes);
    let src = decode(bytes, declared.as_deref());
    let doc = Html::parse_document(&src);
    let meta = read_meta(&doc);
    let mut w = Walker::default();
    if let Some(t) = &meta.title {
        w.buf.push_str(t);
        w.buf_nonws = t.len();
        w.flush(BlockKind::Title);
    }
    w.walk(&doc);
    Page {
        text: w.text,
        blocks: w.blocks,
        title: meta.title,
        url: meta.url,
        publisher: meta.publisher,
        published: meta.published,
    }
}

static META_CHARSET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i-u)<meta[^>]{0,200}?charset\s*=\s*["']?([a-z0-9_:.\-]+)"#).expect("valid regex"));

/// The charset a page declares in its first 1024 bytes.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let cap = META_CHARSET.captures(head)?;
    Some(String::from_utf8_lossy(&cap[1]).into_owned())
}

/// Elements never read.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select", "option",
    "textarea", "button", "input", "math",
];

/// Elements that start a new block.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "address",
    "hr",
    "details",
    "summary",
    "caption",
    "center",
    "body",
    "html",
    "menu",
    "dialog",
    "legend",
];

/// Class, id and role words that mark page furniture.
const CHROME_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "recommendations",
    "cookie",
    "cookies",
    "consent",
    "promo",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "sponsor",
    "sponsored",
    "comments",
    "breadcrumb",
    "breadcrumbs",
    "widget",
    "popup",
    "modal",
    "paywall",
    "login",
    "outbrain",
    "taboola",
    "toolbar",
    "masthead",
    "pagination",
    "skip",
    "banner",
    "contentinfo",
    "complementary",
    "search",
];

#[derive(Clone, Copy)]
struct Exit {
    block: bool,
    link: bool,
    chrome: bool,
    article: bool,
    kind: BlockKind,
}

enum Step<N> {
    Enter(N),
    Exit(Exit),
}

#[derive(Default)]
struct Walker {
    text: String,
    blocks: Vec<Block>,
    /// Inline text of the block being read, whitespace not yet collapsed.
    buf: String,
    buf_nonws: usize,
    buf_link: usize,
    buf_chrome: usize,
    link_depth: u32,
    chrome_depth: u32,
    article_depth: u32,
    kinds: Vec<BlockKind>,
}

impl Walker {
    fn walk(&mut self, doc: &Html) {
        let mut stack = vec![Step::Enter(doc.tree.root())];
        while let Some(step) = stack.pop() {
            let node = match step {
                Step::Exit(x) => {
                    if x.block {
                        self.flush(self.kinds.last().copied().unwrap_or(BlockKind::Paragraph));
                        self.kinds.pop();
                    }
                    self.link_depth -= u32::from(x.link);
                    self.chrome_depth -= u32::from(x.chrome);
                    self.article_depth -= u32::from(x.article);
                    let _ = x.kind;
                    continue;
                }
                Step::Enter(n) => n,
            };
            match node.value() {
                Node::Text(t) => {
                    let nonws = t.chars().filter(|c| !c.is_whitespace()).map(char::len_utf8).sum::<usize>();
                    self.buf.push_str(t);
                    self.buf_nonws += nonws;
                    if self.link_depth > 0 {
                        self.buf_link += nonws;
                    }
                    if self.chrome_depth > 0 {
                        self.buf_chrome += nonws;
                    }
                }
                Node::Element(e) => {
                    let name = e.name();
                    if SKIP.contains(&name) || hidden(e) {
                        continue;
                    }
                    if name == "br" {
                        self.flush(self.kinds.last().copied().unwrap_or(BlockKind::Paragraph));
                        continue;
                    }
                    let block = BLOCKS.contains(&name);
                    let article = matches!(name, "article" | "main");
                    let chrome = is_chrome(e, name, self.article_depth > 0);
                    let kind = match name {
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
                        "li" | "dt" | "dd" => BlockKind::ListItem,
                        _ => BlockKind::Paragraph,
                    };
                    if block {
                        self.flush(self.kinds.last().copied().unwrap_or(BlockKind::Paragraph));
                        self.kinds.push(kind);
                    }
                    let link = name == "a";
                    self.link_depth += u32::from(link);
                    self.chrome_depth += u32::from(chrome);
                    self.article_depth += u32::from(article);
                    stack.push(Step::Exit(Exit { block, link, chrome, article, kind }));
                    let children: Vec<_> = node.children().collect();
                    stack.extend(children.into_iter().rev().map(Step::Enter));
                }
                Node::Document | Node::Fragment => {
                    let children: Vec<_> = node.children().collect();
                    stack.extend(children.into_iter().rev().map(Step::Enter));
                }
                _ => {}
            }
        }
        self.flush(BlockKind::Paragraph);
    }

    /// Ends the current block: collapses its whitespace and appends it as one line.
    fn flush(&mut self, kind: BlockKind) {
        if self.buf_nonws > 0 {
            if !self.text.is_empty() {
                self.text.push('\n');
            }
            let start = self.text.len();
            for (i, word) in self.buf.split_whitespace().enumerate() {
                if i > 0 {
                    self.text.push(' ');
                }
                self.text.push_str(word);
            }
            let end = self.text.len();
            self.blocks.push(Block {
                span: Span::new(start, end),
                kind,
                link_bytes: self.buf_link,
                chrome: self.buf_chrome * 2 > self.buf_nonws,
                boilerplate: false,
            });
        }
        self.buf.clear();
        self.buf_nonws = 0;
        self.buf_link = 0;
        self.buf_chrome = 0;
    }
}

/// `hidden`, `aria-hidden="true"`, or an inline style that hides the element.
fn hidden(e: &scraper::node::Element) -> bool {
    if e.attr("hidden").is_some() || e.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Page furniture by tag, role, class or id.
fn is_chrome(e: &scraper::node::Element, name: &str, in_article: bool) -> bool {
    match name {
        "nav" | "aside" | "footer" | "menu" | "dialog" => return true,
        "header" => return !in_article,
        "html" | "body" | "main" | "article" => return false,
        _ => {}
    }
    let attrs = [e.attr("class"), e.attr("id"), e.attr("role")];
    attrs.iter().flatten().any(|v| {
        v.split(|c: char| !c.is_ascii_alphanumeric()).any(|tok| {
            let tok = tok.to_ascii_lowercase();
            CHROME_WORDS.contains(&tok.as_str()) || (tok == "header" && !in_article)
        })
    })
}

#[derive(Default)]
struct Meta {
    title: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
    published: Option<String>,
}

fn selector(s: &str) -> Selector {
    // The selectors below are constants covered by the unit tests.
    Selector::parse(s).expect("valid selector")
}

static SEL_TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static SEL_META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static SEL_CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel]"));
static SEL_JSONLD: LazyLock<Selector> = LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
static SEL_H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));

fn read_meta(doc: &Html) -> Meta {
    let mut m = Meta::default();
    let mut og = std::collections::HashMap::new();
    for el in doc.select(&SEL_META) {
        let key = el.attr("property").or(el.attr("name")).or(el.attr("itemprop"));
        if let (Some(k), Some(v)) = (key, el.attr("content")) {
            let v = collapse(v);
            if !v.is_empty() {
                og.entry(k.to_ascii_lowercase()).or_insert(v);
            }
        }
    }
    let ld = json_ld(doc);
    let get = |keys: &[&str]| keys.iter().find_map(|k| og.get(*k).cloned());
    let title_el = doc.select(&SEL_TITLE).next().map(element_text).filter(|t| !t.is_empty());
    let h1 = doc.select(&SEL_H1).next().map(element_text).filter(|t| !t.is_empty());
    m.title = ld.headline.clone().or_else(|| get(&["og:title", "twitter:title"])).or(title_el).or(h1);
    let canonical = doc
        .select(&SEL_CANONICAL)
        .find(|l| l.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")))
        .and_then(|l| l.attr("href"))
        .map(str::to_owned);
    m.url = canonical.or_else(|| get(&["og:url"])).or(ld.url.clone());
    m.published = ld.published.clone().or_else(|| {
        get(&[
            "article:published_time",
            "og:published_time",
            "datepublished",
            "date",
            "pubdate",
            "publishdate",
            "publish-date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
        ])
    });
    m.publisher = ld
        .publisher
        .clone()
        .or_else(|| get(&["og:site_name", "publisher", "dc.publisher", "article:publisher"]))
        .filter(|p| !p.starts_with("http"));
    m
}

fn element_text(el: ElementRef) -> String {
    collapse(&el.text().collect::<String>())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

/// The first `Article`-like node of the page's JSON-LD (`@graph` and arrays walked;
/// `@type` a string or an array). Invalid JSON-LD is ignored, never fatal.
fn json_ld(doc: &Html) -> LdArticle {
    let mut out = LdArticle::default();
    for el in doc.select(&SEL_JSONLD) {
        let raw: String = el.text().collect();
        let value: Value = match serde_json::from_str(raw.trim()) {
            Ok(v) => v,
            Err(_) => match serde_json::from_str(&unescape_entities(raw.trim())) {
                Ok(v) => v,
                Err(_) => continue,
            },
        };
        let mut stack = vec![(&value, 0usize)];
        while let Some((v, depth)) = stack.pop() {
            if depth > 16 {
                continue;
            }
            match v {
                Value::Array(a) => stack.extend(a.iter().rev().map(|x| (x, depth + 1))),
                Value::Object(o) => {
                    if is_article_type(o.get("@type")) {
                        let s = |k: &str| o.get(k).and_then(string_or_name);
                        out.headline = out.headline.take().or_else(|| s("headline")).or_else(|| s("name"));
                        out.published = out.published.take().or_else(|| s("datePublished"));
                        out.publisher = out.publisher.take().or_else(|| s("publisher"));
                        out.url = out.url.take().or_else(|| s("url")).or_else(|| {
                            o.get("mainEntityOfPage")
                                .and_then(|m| m.get("@id").or(Some(m)))
                                .and_then(string_or_name)
                                .filter(|u| u.starts_with("http"))
                        });
                        return out;
                    }
                    if let Some(g) = o.get("@graph") {
                        stack.push((g, depth + 1));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn is_article_type(t: Option<&Value>) -> bool {
    let is = |s: &str| s.ends_with("Article") || matches!(s, "BlogPosting" | "Report" | "LiveBlogPosting");
    match t {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(a)) => a.iter().any(|v| v.as_str().is_some_and(is)),
        _ => false,
    }
}

fn string_or_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(collapse(&unescape_entities(s))).filter(|s| !s.is_empty()),
        Value::Object(o) => o.get("name").and_then(string_or_name),
        Value::Array(a) => a.iter().find_map(string_or_name),
        _ => None,
    }
}

/// The few entities that sites leave in JSON-LD text.
fn unescape_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(p: &Page) -> Vec<&str> {
        p.blocks.iter().map(|b| &p.text[b.span.start..b.span.end]).collect()
    }

    #[test]
    fn visible_text_in_order_without_script_or_style() {
        let page = parse_html(
            br#"<html><head><title>A &amp; B</title><style>p{x:1}</style></head>
            <body><nav><a href="/">Home</a> <a href="/n">News</a></nav>
            <article><h1>Headline</h1><p>First <b>para</b> with 5 items.<script>var x = 99;</script></p>
            <p hidden>Secret 42</p><p style="display: none">Also 43</p><p>Second&nbsp;para.</p></article>
            <footer>Copyright 2024</footer></body></html>"#,
        );
        assert_eq!(page.title.as_deref(), Some("A & B"));
        assert_eq!(
            lines(&page),
            ["A & B", "Home News", "Headline", "First para with 5 items.", "Second para.", "Copyright 2024"]
        );
        assert!(page.blocks[1].chrome && page.blocks[1].link_bytes > 0);
        assert!(!page.blocks[3].chrome);
        assert!(page.blocks[5].chrome);
        assert!(!page.text.contains("99") && !page.text.contains("Secret"));
    }

    #[test]
    fn metadata_from_json_ld_and_open_graph() {
        let page = parse_html(
            br#"<html><head>
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},
              {"@type":["NewsArticle"],"headline":"Big &amp; news","datePublished":"2024-05-14T09:30:00Z",
               "publisher":{"@type":"Organization","name":"The Daily"}}]}</script>
            <meta property="og:url" content="https://daily.example/a">
            </head><body><p>x</p></body></html>"#,
        );
        assert_eq!(page.title.as_deref(), Some("Big & news"));
        assert_eq!(page.published.as_deref(), Some("2024-05-14T09:30:00Z"));
        assert_eq!(page.publisher.as_deref(), Some("The Daily"));
        assert_eq!(page.url.as_deref(), Some("https://daily.example/a"));
    }

    #[test]
    fn declared_charset_is_used_for_non_utf8_bytes() {
        let page = parse_html(b"<meta charset=\"iso-8859-1\"><p>Cost \xA35m</p>");
        assert!(page.text.contains("Cost £5m"), "{}", page.text);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let mut html = String::new();
        // Deep enough to overflow a recursive walk; html5ever's own cost grows with depth.
        for _ in 0..5_000 {
            html.push_str("<div>");
        }
        html.push_str("<p>deep 7</p>");
        let page = parse_html(html.as_bytes());
        assert!(page.text.contains("deep 7"));
    }

    #[test]
    fn class_words_mark_chrome() {
        let page = parse_html(br#"<div class="share-bar">Share 12</div><div class="story-body"><p>Text.</p></div>"#);
        assert!(page.blocks[0].chrome);
        assert!(!page.blocks[1].chrome);
    }
}
