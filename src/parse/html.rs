//! HTML → visible text in reading order, one block a line, plus page metadata.
//!
//! The text holds the title, then every visible block of the page — article and page
//! furniture alike — so nothing is lost; blocks inside `nav`, `footer`, `aside`, a
//! site `header`, or elements whose class, id or role names menus, share bars,
//! cookie notes, adverts or related links are marked `chrome` for `clean` to weigh.
//! `script`, `style`, `noscript`, `template`, `svg` and hidden elements are never
//! read. The walk is iterative, so deeply nested markup cannot overflow the stack.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ego_tree::{NodeId, NodeRef};
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
    parse_html_declared(bytes, None)
}

/// Like [`parse_html`], with the charset a container declared (a WARC record's HTTP
/// `Content-Type`), which wins over the page's own `<meta charset>` as in browsers.
pub fn parse_html_declared(bytes: &[u8], container: Option<&str>) -> Page {
    let declared = container.map(str::to_owned).or_else(|| meta_charset(bytes));
    let src = decode(bytes, declared.as_deref());
    let doc = Html::parse_document(&flatten_deep_nesting(&src));
    let meta = read_meta(&doc);
    let mut w = Walker::default();
    if let Some(t) = &meta.title {
        w.buf.push_str(t);
        w.buf_nonws = t.len();
        w.flush(BlockKind::Title);
    }
    w.walk(&doc);
    main_content(&doc, &mut w);
    Page {
        text: w.text,
        blocks: w.blocks,
        title: meta.title,
        url: meta.url,
        publisher: meta.publisher,
        published: meta.published,
    }
}

/// Elements nested deeper than this are unwrapped (their text kept) before parsing.
const MAX_DEPTH: usize = 1000;

/// The page with the tags nested deeper than [`MAX_DEPTH`] taken out, their text kept.
/// The HTML parser checks the stack of open elements on every start tag, so 50,000 nested
/// `<div>`s would cost it billions of steps; browsers cap the depth too. Pages within the
/// limit (every real one) are returned as they are.
fn flatten_deep_nesting(src: &str) -> std::borrow::Cow<'_, str> {
    const VOID: &[&str] =
        &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];
    // Each tag: (start, end, is_closing), skipping comments, doctypes and void elements.
    let tags = || {
        let b = src.as_bytes();
        let mut i = 0;
        std::iter::from_fn(move || {
            while let Some(k) = memchr::memchr(b'<', &b[i..]) {
                let at = i + k;
                let close = memchr::memchr(b'>', &b[at..]).map(|e| at + e);
                let end = close.map_or(b.len(), |c| c + 1);
                i = end;
                // Bytes only: a tag cut off by the end of the text may end inside a character.
                let closing = b.get(at + 1) == Some(&b'/');
                let name_start = at + 1 + usize::from(closing);
                let rest = &b[name_start.min(b.len())..];
                let name = &rest[..rest.iter().position(|c| !c.is_ascii_alphanumeric()).unwrap_or(rest.len())];
                let self_closing = close.is_some_and(|c| c > at && b[c - 1] == b'/');
                let void = VOID.iter().any(|v| v.as_bytes().eq_ignore_ascii_case(name));
                if name.is_empty() || self_closing || void {
                    continue;
                }
                return Some((at, end, closing));
            }
            None
        })
    };
    let mut depth = 0usize;
    let mut deepest = 0;
    for (_, _, closing) in tags() {
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    if deepest <= MAX_DEPTH {
        return std::borrow::Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len());
    let (mut depth, mut excess, mut at) = (0usize, 0usize, 0);
    for (start, end, closing) in tags() {
        let keep = if closing {
            if excess > 0 {
                excess -= 1;
                false
            } else {
                depth = depth.saturating_sub(1);
                true
            }
        } else if depth >= MAX_DEPTH {
            excess += 1;
            false
        } else {
            depth += 1;
            true
        };
        if !keep {
            out.push_str(&src[at..start]);
            at = end;
        }
    }
    out.push_str(&src[at..]);
    std::borrow::Cow::Owned(out)
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
    "caption",
    "captions",
    "credit",
    "credits",
    "gallery",
    "byline",
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
    /// Open block elements and chrome elements, innermost last.
    open_blocks: Vec<NodeId>,
    open_chrome: Vec<NodeId>,
    /// For each block: the element it belongs to and its innermost chrome ancestor.
    owners: Vec<(Option<NodeId>, Option<NodeId>)>,
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
                        self.open_blocks.pop();
                    }
                    if x.chrome {
                        self.open_chrome.pop();
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
                        self.open_blocks.push(node.id());
                    }
                    if chrome {
                        self.open_chrome.push(node.id());
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
                outside: false,
                boilerplate: false,
            });
            self.owners.push((self.open_blocks.last().copied(), self.open_chrome.last().copied()));
        }
        self.buf.clear();
        self.buf_nonws = 0;
        self.buf_link = 0;
        self.buf_chrome = 0;
    }
}

/// Scores under which no element is taken for the main content.
const MIN_CONTENT_SCORE: f64 = 5.0;

static POSITIVE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story").expect("valid regex")
});
static NEGATIVE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"-ad-|hidden|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget",
    )
    .expect("valid regex")
});

/// What an element's class and id say of it: +25 for words of article text, −25 for
/// words of furniture.
fn class_weight(e: &scraper::node::Element) -> f64 {
    let mut w = 0.0;
    for v in [e.attr("class"), e.attr("id")].into_iter().flatten() {
        let v = v.to_ascii_lowercase();
        if NEGATIVE.is_match(&v) {
            w -= 25.0;
        }
        if POSITIVE.is_match(&v) {
            w += 25.0;
        }
    }
    w
}

/// An element's starting score as a container of article text, by its tag and class.
fn initial_score(e: &scraper::node::Element) -> f64 {
    let tag = match e.name() {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag + class_weight(e)
}

/// Finds the page's main content, after Readability (Arc90): each paragraph of 25
/// characters or more scores 1, plus one per comma, plus one per 100 characters (at most
/// 3), less its share of link text; the score goes to its parent element in full and to
/// its grandparent in half, on top of a starting score by tag and by class and id words
/// ("article", "story" +25; "comment", "related", "share" −25). The element scoring
/// highest, discounted by its own link density, is the main content, with those of its
/// siblings that score at least a fifth of it (or are link-free paragraphs of more than 80
/// characters). Blocks outside it are marked `outside`; inside it, a block is chrome only
/// for chrome markup inside the content, not for a wrapper around the whole page. When
/// nothing scores [`MIN_CONTENT_SCORE`], nothing is marked and `clean` decides alone.
fn main_content(doc: &Html, w: &mut Walker) {
    let node = |id: NodeId| doc.tree.get(id);
    fn element(n: NodeRef<'_, Node>) -> Option<&scraper::node::Element> {
        n.value().as_element()
    }
    // Per element: its weight by tag and class, and the points of the paragraphs under it.
    let mut scores: HashMap<NodeId, (f64, f64)> = HashMap::new();
    // Text and link bytes under each element.
    let mut under: HashMap<NodeId, (usize, usize)> = HashMap::new();
    for (b, &(owner, _)) in w.blocks.iter().zip(&w.owners) {
        let Some(owner) = owner.and_then(node) else { continue };
        let len = b.span.len();
        for a in std::iter::once(owner).chain(owner.ancestors()) {
            let t = under.entry(a.id()).or_default();
            t.0 += len;
            t.1 += b.link_bytes;
        }
        if len < 25 || !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem) {
            continue;
        }
        let text = &w.text[b.span.start..b.span.end];
        let density = (b.link_bytes as f64 / len as f64).min(1.0);
        let score = (1.0 + text.matches(',').count() as f64 + (len as f64 / 100.0).floor().min(3.0)) * (1.0 - density);
        let parent = owner.parent();
        let grandparent = parent.and_then(|p| p.parent());
        for (n, share) in [(parent, 1.0), (grandparent, 0.5)] {
            let Some(n) = n else { continue };
            let Some(e) = element(n) else { continue };
            scores.entry(n.id()).or_insert_with(|| (initial_score(e), 0.0)).1 += score * share;
        }
    }
    // The tag and class weights count at most as much as the text under the element: a
    // "content" class on a byline box does not outweigh the article's paragraphs.
    let scores: HashMap<NodeId, f64> =
        scores.into_iter().map(|(id, (weight, points))| (id, points + weight.clamp(-points, points))).collect();
    let density = |id: NodeId| under.get(&id).map_or(0.0, |&(t, l)| if t == 0 { 0.0 } else { l as f64 / t as f64 });
    let Some((top, best)) = scores
        .iter()
        .map(|(&id, &s)| (id, s * (1.0 - density(id).min(1.0))))
        .filter(|(id, _)| node(*id).and_then(element).is_some_and(|e| !matches!(e.name(), "html" | "body")))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    else {
        return;
    };
    if best < MIN_CONTENT_SCORE {
        return;
    }
    // Content split over several containers ("story-part" divs): when three or more other
    // elements score at least three quarters of the top one, their nearest ancestor that
    // holds three of them is the content (Readability's alternative candidates).
    let alternatives: Vec<NodeId> = scores
        .iter()
        .filter(|&(&id, &s)| id != top && s * (1.0 - density(id).min(1.0)) >= 0.75 * best)
        .map(|(&id, _)| id)
        .collect();
    let mut top = top;
    if alternatives.len() >= 3
        && let Some(t) = node(top)
    {
        for a in t.ancestors() {
            if element(a).is_some_and(|e| matches!(e.name(), "html" | "body")) {
                break;
            }
            let held = alternatives
                .iter()
                .filter(|&&alt| node(alt).is_some_and(|n| n.ancestors().any(|x| x.id() == a.id())))
                .count();
            if held >= 3 {
                top = a.id();
                break;
            }
        }
    }
    let mut content: HashSet<NodeId> = HashSet::from([top]);
    let threshold = (best * 0.2).max(10.0);
    if let Some(parent) = node(top).and_then(|t| t.parent()) {
        for sibling in parent.children().filter(|s| s.id() != top) {
            let Some(e) = element(sibling) else { continue };
            let score = scores.get(&sibling.id()).copied().unwrap_or(0.0) * (1.0 - density(sibling.id()).min(1.0));
            let (len, _) = under.get(&sibling.id()).copied().unwrap_or_default();
            if score >= threshold || (e.name() == "p" && len > 80 && density(sibling.id()) < 0.25) {
                content.insert(sibling.id());
            }
        }
    }
    for (b, &(owner, chrome)) in w.blocks.iter_mut().zip(&w.owners) {
        let Some(owner) = owner.and_then(node) else { continue };
        let inside = std::iter::once(owner).chain(owner.ancestors()).any(|a| content.contains(&a.id()));
        b.outside = !inside && b.kind != BlockKind::Title;
        // Chrome markup around the content (a page wrapper with "ad" in its class) says
        // nothing of the blocks inside it, in the content or not.
        if let Some(c) = chrome.and_then(node)
            && node(top).is_some_and(|t| std::iter::once(t).chain(t.ancestors()).any(|a| a.id() == c.id()))
        {
            b.chrome = false;
        }
    }
    // Blocks between the first and the last block of the content, in reading order, are
    // the article's too (a lead paragraph in a sibling container): `clean` weighs them.
    let inside: Vec<usize> =
        (0..w.blocks.len()).filter(|&i| !w.blocks[i].outside && w.blocks[i].kind != BlockKind::Title).collect();
    if let (Some(&first), Some(&last)) = (inside.first(), inside.last()) {
        for b in &mut w.blocks[first..=last] {
            b.outside = false;
        }
        // A lead split off from the body (CNN's first paragraphs sit in a section of their
        // own): prose right before the content joins it, over at most one other block.
        let prose = |b: &Block| {
            let t = &w.text[b.span.start..b.span.end];
            b.kind == BlockKind::Paragraph
                && !b.chrome
                && t.chars().count() >= 60
                && (b.link_bytes as f64) < 0.3 * b.span.len() as f64
                && t.trim_end().ends_with(['.', '!', '?', '"', '”', '’', ')'])
        };
        let mut start = first;
        let mut k = first;
        while k > 0 {
            let b = &w.blocks[k - 1];
            if b.kind == BlockKind::Title {
                break;
            }
            if prose(b) {
                k -= 1;
                start = k;
            } else if k >= 2 && !b.chrome && prose(&w.blocks[k - 2]) {
                k -= 2;
                start = k;
            } else {
                break;
            }
        }
        for b in &mut w.blocks[start..first] {
            b.outside = false;
        }
    }
    // The page's own headline repeats the title block: the article body is what follows.
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect::<String>();
    if let Some(title) =
        w.blocks.first().filter(|b| b.kind == BlockKind::Title).map(|b| letters(&w.text[b.span.start..b.span.end]))
    {
        for b in w.blocks.iter_mut().skip(1).filter(|b| b.kind == BlockKind::Heading) {
            let heading = letters(&w.text[b.span.start..b.span.end]);
            if heading.len() >= 16 && title.contains(&heading) {
                b.outside = true;
            }
        }
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
        "nav" | "aside" | "footer" | "menu" | "dialog" | "figcaption" => return true,
        "header" => return !in_article,
        "html" | "body" | "main" | "article" => return false,
        _ => {}
    }
    let attrs = [e.attr("class"), e.attr("id"), e.attr("role")];
    let tokens = || {
        attrs
            .into_iter()
            .flatten()
            .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
            .map(str::to_ascii_lowercase)
    };
    // "content-with-sidebar", "main-column": a wrapper of the article that also names
    // furniture is not furniture (as in Readability's unlikely-candidate rule).
    if tokens().any(|t| CONTENT_WORDS.contains(&t.as_str())) && !tokens().any(|t| NEVER_CONTENT.contains(&t.as_str())) {
        return false;
    }
    tokens().any(|tok| CHROME_WORDS.contains(&tok.as_str()) || (tok == "header" && !in_article))
}

/// Furniture words that a content word beside them does not excuse ("comment-body").
const NEVER_CONTENT: &[&str] = &[
    "comment",
    "comments",
    "related",
    "recommended",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "cookie",
    "consent",
    "paywall",
    "outbrain",
    "taboola",
    "caption",
    "credit",
    "gallery",
    "byline",
];

/// Class and id words of the elements that hold article text.
const CONTENT_WORDS: &[&str] =
    &["article", "body", "column", "content", "main", "story", "entry", "post", "text", "articlebody"];

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
    fn nesting_beyond_the_limit_is_unwrapped_and_its_text_kept() {
        let deep = format!("{}<p>There were 40 cases.</p>{}", "<div>".repeat(3000), "</div>".repeat(3000));
        let flat = flatten_deep_nesting(&deep);
        assert!(flat.matches("<div>").count() <= MAX_DEPTH && flat.contains("There were 40 cases."));
        let page = parse_html(deep.as_bytes());
        assert!(page.text.contains("There were 40 cases."));
        assert_eq!(flat.matches("<div>").count(), flat.matches("</div>").count());
        // A tag cut off by the end of the text, inside a character, is no trouble.
        assert!(matches!(flatten_deep_nesting("<æ"), std::borrow::Cow::Borrowed(_)));
        let cut = format!("{}<pé", "<div>".repeat(1200));
        assert!(flatten_deep_nesting(&cut).starts_with("<div>"));
        let shallow = "<div><p>Text</p><br><img src=x></div>";
        assert!(matches!(flatten_deep_nesting(shallow), std::borrow::Cow::Borrowed(_)));
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

    /// A page of our own: a menu, a lead in a section of its own, the body, a caption, a
    /// related-stories list and a footer, inside a wrapper whose class names an advert slot.
    fn news_page() -> Page {
        let para = |n: usize| {
            format!(
                "<p>Paragraph {n} says that the council, after a long review, found that {n}0 more families waited \
                 for a school place this year, and that the delay was growing.</p>"
            )
        };
        let body: String = (2..8).map(para).collect();
        let html = format!(
            r#"<html><head><title>Families wait longer for school places</title></head><body>
            <div class="page has-ad-slot">
              <ul class="menu"><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul>
              <h1>Families wait longer for school places</h1>
              <section class="lead">{lead}</section>
              <div class="story-body">{body}<figure><img src="a.jpg"><figcaption>Pupils outside a school, 2019.</figcaption></figure></div>
              <div class="related-stories"><h3>Related</h3><ul>
                <li><a href="/a">Council closes two libraries after a long and difficult review of its budget</a></li>
                <li><a href="/b">Teachers vote on strike action over pay and conditions in the county</a></li></ul></div>
              <footer><p>Copyright 2026 The Paper</p></footer>
            </div></body></html>"#,
            lead = para(1)
        );
        parse_html(html.as_bytes())
    }

    fn flags(p: &Page, starts: &str) -> (bool, bool) {
        let b = p.blocks.iter().find(|b| p.text[b.span.start..b.span.end].starts_with(starts)).expect(starts);
        (b.outside, b.chrome)
    }

    #[test]
    fn the_main_content_is_found_and_the_rest_is_outside() {
        let page = news_page();
        // The body, and the lead in its own section before it, are the content; the
        // advert-slot wrapper around everything does not make them furniture.
        for n in 1..8 {
            assert_eq!(flags(&page, &format!("Paragraph {n} ")), (false, false), "paragraph {n}");
        }
        assert!(flags(&page, "Home").0);
        assert!(flags(&page, "Council closes two libraries").0);
        assert!(flags(&page, "Copyright 2026").0);
        // The headline repeats the title; the caption is furniture.
        assert!(flags(&page, "Families wait longer").0 || page.blocks[0].kind == BlockKind::Title);
        assert!(page.blocks.iter().skip(1).any(|b| b.kind == BlockKind::Heading && b.outside));
        assert!(flags(&page, "Pupils outside a school").1);
    }

    #[test]
    fn a_page_without_enough_text_marks_nothing_outside() {
        let page = parse_html(b"<html><body><div><p>Short note.</p></div><ul><li>Home</li></ul></body></html>");
        assert!(page.blocks.iter().all(|b| !b.outside));
    }
}
