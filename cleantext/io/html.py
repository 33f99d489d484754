"""HTML to text lines: the input side of ``clean_html``.

The page is parsed with lxml (bytes are decoded as UTF-8 when they are valid
UTF-8, else by the declared charset, else by detection).  Everything the DOM
decides happens *before* the text exists, so these removals are not edits of
the text pipeline; :func:`extract` reports them (``Cleaner.explain_html``
adds the report to the flags).  In order:

1. **Non-text elements** (``script``, ``style``, ``svg``, ...) are removed;
   a JSON-LD ``articleBody`` is read first.
2. **Measure and prune**, in one bottom-up pass: every element's text length
   and link-text length are summed from its children.  Page chrome is pruned:
   elements by tag (``nav``, ``aside``, ``footer``, ``form``, ...) and by the
   words of their ``class``/``id`` (:data:`CHROME_HINTS`: ``comment``,
   ``related``, ``share``, ``sidebar``, ``newsletter``, ``tags``, ...).  Not
   pruned: the element holding the page's ``<h1>``; ``html``/``body``/``main``
   and links; the ``itemprop="articleBody"``; an element whose class names the
   article's body (``article-body pagination-first``); an ``<article>``
   unless it is a comment; and a layout wrapper -- chrome named like chrome it
   holds that still has prose of its own (``content-with-sidebar`` holding the
   sidebar).  Comment sections (``comment``, ``disqus``, ``respond``, ...)
   are pruned whatever their tag.  A pruned element adds nothing to its
   ancestors.
3. **Score containers** (readability's rule, in the same pass): a block with
   at least :data:`MIN_PARAGRAPH` characters of its own inline text is a
   paragraph worth ``1 + commas + min(chars / 100, 3)``; an element is worth
   the paragraphs among its children, plus a half of those among its
   grandchildren, a sixth a level further down and a ninth below that
   (readability.js's decay), plus a weight for its class/id words and its tag
   (:func:`_weight`: ``article``, ``body``, ``content``, ``entry``, ``post``,
   ``story``, ``text`` ... count for it, chrome words against it,
   ``itemprop="articleBody"`` strongly for it); the sum is scaled by
   ``1 - link density``.
4. **Root**: the best-scoring element outside pruned chrome (one inside weakly
   named chrome wins when it scores :data:`RESCUE` times better, or when the
   best outside has hardly any prose of its own: the chrome was a page
   wrapper); then promoted to its ``itemprop="articleBody"`` ancestor, or to
   the lowest ancestor that also holds containers of its tag and class that
   score nearly as well (an article cut into chunks); then joined by those of
   its siblings with prose of their own scoring a fifth as well, or that are
   paragraphs of prose with few links (readability's sibling rule).  Without
   any paragraph the root is the body.
5. **JSON-LD**: a JSON-LD ``articleBody`` replaces the DOM text when it is
   longer than it by :data:`JSON_LD_GAIN` (the DOM root is then a teaser),
   or nearly as long and written in paragraphs (the DOM's extra is chrome).
6. **Lines**: block elements become lines; a list item with text of its own
   (less than half of it link text) becomes a ``- item`` line, a row of a data
   table (no paragraph, list or table in its cells) one ``| cell | cell``
   line: block scoring values such lines as items of the article, where a
   menu's link-only items stay plain short lines (see :mod:`cleantext.stages.blocks`).
   The headline is kept when it is inside the root (it is part of the
   article's text there); one outside the root is page furniture.

Every walk is iterative (``iterwalk``), linear in the number of elements, so
a page of 100,000 nested elements neither hits Python's recursion limit nor
takes quadratic time; a tree deeper than libxml2 holds falls back to tag
stripping (:func:`strip_tags`), malformed markup is repaired by the parser,
and a page that cannot be parsed gives "".  The text pipeline (block scoring
included) does the rest.
"""

from __future__ import annotations

import html as html_escape
import json
import logging
from dataclasses import dataclass

import regex
from lxml import etree

_NOT_TEXT = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas",
             "head", "title", "meta", "link", "video", "audio", "map")
_CHROME_TAGS = frozenset({"nav", "aside", "footer", "form", "button", "select", "input",
                          "textarea", "label", "menu", "dialog"})
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figcaption",
    "figure", "br", "hr", "address", "header", "footer", "title", "center", "details",
    "summary", "caption", "tbody", "thead",
})
# Elements never chrome by their class/id words alone: the page, its article, and
# links (words of a sentence: ``<a class="tag-link">``).
_NEVER_CHROME = frozenset({"html", "body", "main", "article", "a"})
# Blocks that make their parent's inline text a paragraph of its own.
_NESTED = _BLOCKS - {"br", "hr"}
# Blocks whose own inline text can be a paragraph of the article.
_PARAGRAPHS = frozenset({"p", "div", "section", "article", "main", "li", "dd", "blockquote",
                         "pre", "td", "center"})
# Words of class/id values that name page chrome.
CHROME_HINTS = frozenset({
    "comment", "comments", "commentlist", "disqus", "related", "share", "sharing", "sharedaddy",
    "social", "socials", "tags", "tag", "taglist", "breadcrumb", "breadcrumbs", "sidebar",
    "newsletter", "subscribe", "subscription", "cookie", "cookies", "consent", "gdpr", "promo",
    "advert", "advertisement", "ads", "ad", "sponsored", "outbrain", "taboola", "recommended",
    "recirculation", "popular", "trending", "footer", "nav", "navbar",
    "navigation", "menu", "masthead", "byline", "author", "meta", "caption", "credit", "modal",
    "popup", "banner", "toolbar", "pagination", "signup", "print", "skip",
})
# Chrome words that name a section of comments: pruned whatever the element's tag.
COMMENT_HINTS = frozenset({"comment", "comments", "commentlist", "disqus", "respond", "reply",
                           "replies"})
# Words of class/id values that name the article's container.
CONTENT_HINTS = frozenset({"article", "body", "content", "entry", "hentry", "main", "post",
                           "story", "text", "blog", "articlebody", "storybody", "postbody",
                           "entrycontent", "postcontent", "articlecontent", "articletext"})
# A class/id word of CONTENT_HINTS followed by one of these names the article's body
# itself (``article-body``, ``entry-content``, ``articleBody``, ``story_text``): an
# element so named is not chrome whatever else its class says (``article-body
# pagination-first``).
BODY_HINTS = frozenset({"body", "content", "text"})
_BODY_WORDS = frozenset(a + b for a in CONTENT_HINTS for b in BODY_HINTS)
HARD, SOFT = 2, 1
# Chrome named like chrome it holds (``content-with-sidebar`` holding the sidebar) is a
# layout wrapper when what remains of it scores this much as prose.
WRAPPER_PROSE = 10.0
# A candidate inside weakly named chrome beats the best one outside at this ratio.
RESCUE = 2.0
CANDIDATES = 50
_HINT_SPLIT_RE = regex.compile(r"[^a-z0-9]+")
_CAMEL_RE = regex.compile(r"(?<=[a-z])(?=[A-Z])")
# libxml2 stops nesting at 2048 levels; a tree this large is checked for lost text.
DEEP_TREE = 2000
# A list item whose text is at least this share of link text is a link, not an item.
ITEM_MAX_LINKS = 0.5
# Inline characters that make a block a paragraph.
MIN_PARAGRAPH = 25
# Class/id and tag weights of a container (readability's).
HINT_WEIGHT = 25
ARTICLE_BODY_WEIGHT = 50
_TAG_WEIGHTS = {"div": 5, "article": 10, "main": 5, "pre": 3, "td": 3, "blockquote": 3,
                "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3,
                "form": -3, "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5,
                "th": -5}
# A sibling of the root scoring at least this share of the root's score joins it.
SIBLING_SHARE = 0.2
# Containers among the top RIVALS scoring RIVAL_SHARE of the best are parts of the article.
RIVALS = 10
RIVAL_SHARE = 0.3
# A JSON-LD articleBody this much longer than the DOM root's text replaces it ...
JSON_LD_GAIN = 1.2
# ... or nearly as long (this share) with a line break per JSON_LD_PARAGRAPH characters.
JSON_LD_NEAR = 0.9
JSON_LD_PARAGRAPH = 1000
# A container this much link text is not promoted to.
LINK_HEAVY = 0.3
_SENTENCE_END_RE = regex.compile(r"[.!?…。！？][\"'”’»)]*\s*$")
_COMMAS = (",", "،", "，", "、")


@dataclass
class Extraction:
    """The text of a page's article and how it was found."""

    text: str
    source: str = "dom"  # "dom", "json-ld", "tag-strip" or "empty"
    root: str = ""  # the root element, e.g. "<article class=post>"
    pruned: int = 0  # chrome elements removed by tag or class/id
    article: bool = False  # the text is one chosen container (or JSON-LD), not the whole body

    def summary(self) -> str:
        """One line for ``explain_html``'s flags."""
        if self.source == "dom":
            return f"html: kept {self.root}; removed {self.pruned} chrome elements"
        if self.source == "json-ld":
            return (f"html: JSON-LD articleBody (longer than the DOM's {self.root}); "
                    f"removed {self.pruned} chrome elements")
        if self.source == "tag-strip":
            return "html: tree too deep for the parser; tags stripped"
        return "html: no text"


_NULL_HANDLER = logging.NullHandler()


def _decode(html: str | bytes) -> str:
    """The page as text.  Bytes that are valid UTF-8 are UTF-8 (a page in another
    encoding is valid UTF-8 only when it is ASCII, which decodes the same); others are
    decoded by their declared charset, else by detection (slow, so tried last)."""
    if isinstance(html, str):
        return html
    if not html.strip():
        return ""
    try:
        return html.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from bs4 import UnicodeDammit

    # bs4 logs "some characters could not be decoded" through logging's
    # last-resort handler (stderr); a NullHandler keeps that out of the
    # command's output while applications that configure logging still see it.
    logging.getLogger("bs4.dammit").addHandler(_NULL_HANDLER)
    dammit = UnicodeDammit(html, is_html=True)
    return dammit.unicode_markup or html.decode("utf-8", errors="replace")


_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)


def _parse(text: str):
    """The document element, or None when the page cannot be parsed."""
    if not text.strip():
        return None
    text = regex.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses str with an encoding decl
    try:
        return etree.fromstring(text, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


_HINTS_CACHE: dict = {}
_NO_HINTS = (frozenset(), False, False, False)


def _hint_words(value: str) -> frozenset[str]:
    """The lower-case words of a class/id value (``articleBody`` gives ``article``,
    ``body`` and ``articlebody``)."""
    words = set(_HINT_SPLIT_RE.split(_CAMEL_RE.sub(" ", value).lower()))
    words.update(_HINT_SPLIT_RE.split(value.lower().replace("-", "").replace("_", "")))
    words.discard("")
    return frozenset(words)


def _names_body(value: str) -> bool:
    """Does a class/id value name the article's body (a word of :data:`CONTENT_HINTS`
    followed by one of :data:`BODY_HINTS` in one token)?"""
    for token in _CAMEL_RE.sub("-", value).lower().split():
        words = [w for w in _HINT_SPLIT_RE.split(token) if w]
        if any(w in _BODY_WORDS for w in words) or any(a in CONTENT_HINTS and b in BODY_HINTS for a, b in zip(words, words[1:])):
            return True
    return False


def _hints(el) -> tuple[frozenset[str], bool, bool, bool]:
    """An element's class/id verdict: (chrome words, names comments, names content,
    names the body),
    cached per distinct class/id value (pages repeat them)."""
    value = el.get("class") or ""
    ident = el.get("id")
    if ident:
        value = f"{value} {ident}"
    if not value or value.isspace():
        return _NO_HINTS
    hints = _HINTS_CACHE.get(value)
    if hints is None:
        words = _hint_words(value)
        hints = (words & CHROME_HINTS, bool(words & COMMENT_HINTS),
                 bool(words & CONTENT_HINTS), _names_body(value))
        if len(_HINTS_CACHE) > 50_000:
            _HINTS_CACHE.clear()
        _HINTS_CACHE[value] = hints
    return hints


def _is_article_body(el) -> bool:
    """Does the element declare itself the article's body (schema.org microdata)?"""
    return (el.get("itemprop") or "").lower() == "articlebody"


def _chrome(el, tag: str) -> tuple[int, frozenset[str]]:
    """Is the element page chrome, and named so by which words?  :data:`HARD` for a
    comment section (by class/id, whatever its tag), :data:`SOFT` for chrome by tag
    (``nav``, ``aside``, ...; the word is the tag) or by class/id words, 0 otherwise.
    ``html``/``body``/``main``, the declared article body and an element whose
    class/id names the article's body (``article-body``, ``entry-content``:
    :data:`BODY_HINTS`) are not chrome by class/id, nor are links (a link classed
    ``tag-link`` is a word of the sentence), and an ``<article>`` is chrome
    only as a comment."""
    words, comments, _, names_body = _hints(el)
    if comments:
        return HARD, words
    if tag in _CHROME_TAGS:
        return SOFT, words | {tag}
    if not words or names_body or tag in _NEVER_CHROME or _is_article_body(el):
        return 0, words
    return SOFT, words


def _weight(el, tag: str, chrome: int) -> float:
    """A container's weight before its paragraphs: class/id words and tag."""
    weight = _TAG_WEIGHTS.get(tag, 0)
    if _is_article_body(el):
        weight += ARTICLE_BODY_WEIGHT
    if _hints(el)[2]:
        weight += HINT_WEIGHT
    if chrome:
        weight -= HINT_WEIGHT
    return weight


def _inline_commas(el) -> int:
    """Commas in an element's own inline text (its text, its children's tails and the
    text of its inline children)."""
    count = _commas(el.text)
    for child in el:
        if child.tag not in _BLOCKS:
            count += sum(_commas(t) for t in child.itertext())
        count += _commas(child.tail)
    return count


def _commas(text: str | None) -> int:
    return sum(text.count(c) for c in _COMMAS) if text else 0


def _paragraph_value(el, chars: int) -> float:
    """Readability's worth of a paragraph of ``chars`` characters."""
    return 1 + _inline_commas(el) + min(chars / 100, 3)


@dataclass
class _Page:
    """What the bottom-up pass learns: per element (text chars, link chars, ...),
    pruned chrome (element -> HARD or SOFT) and container scores (before link density)."""

    stats: dict
    pruned: dict
    scores: dict
    prose: dict  # the scores without class/id and tag weights


def _measure(body, title) -> _Page:
    """One bottom-up pass: sizes, chrome pruning and container scores (see the module
    docstring, steps 2 and 3).  A block's own inline text of :data:`MIN_PARAGRAPH`
    characters is a paragraph of its parent, or, when the block also holds blocks,
    of the block itself (readability wraps such text in a ``<p>``)."""
    keep = set(title.iterancestors()) | {title} if title is not None else set()
    pruned, scores, proses = {}, {}, {}
    below: dict = {}  # element -> chrome words of the pruned elements under it
    # per element: (chars, link chars, paragraph value, values of the children,
    # of the grandchildren, of the great-grandchildren)
    stats: dict = {}
    get = stats.get
    for _, el in etree.iterwalk(body, events=("end",)):
        tag = el.tag
        text = el.text
        chars = inline = len(text.strip()) if text else 0
        links = 0
        d1 = d2 = d3 = d4 = 0.0
        nested = False
        named = None
        for child in el:
            tail = child.tail
            if tail:
                n = len(tail.strip())
                chars += n
                inline += n
            st = get(child)
            if st is None:  # pruned
                words = pruned[child][1]
                named = named | words if named else words
                continue
            if below:
                words = below.get(child)
                if words:
                    named = named | words if named else words
            chars += st[0]
            links += st[1]
            if child.tag in _NESTED:
                nested = True
            elif child.tag not in _BLOCKS:
                inline += st[0]
            d1 += st[2]
            d2 += st[3]
            d3 += st[4]
            d4 += st[5]
        if tag == "a":
            links = chars
        value = 0.0
        if inline >= MIN_PARAGRAPH and tag in _PARAGRAPHS:
            if nested:
                d1 += _paragraph_value(el, inline)
            else:
                value = _paragraph_value(el, inline)
        prose = d1 + d2 / 2 + d3 / 6 + d4 / 9
        chrome, words = _chrome(el, tag) if isinstance(tag, str) else (0, None)
        if chrome == SOFT and named and words & named and prose >= WRAPPER_PROSE:
            chrome = 0  # a layout wrapper: "content-with-sidebar" holds the sidebar
        if chrome and el not in keep:
            pruned[el] = (chrome, words | named if named else words)
            continue
        if named:
            below[el] = named
        stats[el] = (chars, links, value, d1, d2, d3)
        if prose:
            scores[el] = prose + _weight(el, tag, chrome)
            proses[el] = prose
    return _Page(stats, pruned, scores, proses)


def _link_density(page: _Page, el) -> float:
    chars, links = page.stats[el][:2] if el in page.stats else (0, 0)
    return min(1.0, links / chars) if chars else 1.0


def _pruned_above(page: _Page, el) -> int:
    """The strongest chrome verdict on the element and its ancestors (0: none)."""
    return max((page.pruned[a][0] for a in (el, *el.iterancestors()) if a in page.pruned),
               default=0)


def _ranked(page: _Page) -> list:
    """Containers by score scaled by ``1 - link density``, best first (ties: document
    order)."""
    ranked = sorted(((s * (1 - _link_density(page, el)), i, el)
                     for i, (el, s) in enumerate(page.scores.items())),
                    key=lambda t: (-t[0], t[1]))
    return [(score, el) for score, _, el in ranked]


def _best(page: _Page, ranked: list):
    """The best-scoring container outside pruned chrome, and its score.  A candidate
    inside chrome named only by a weak word (``l-sidebar-fixed``, ``has-sidebar``)
    wins when it scores more than :data:`RESCUE` times the best one outside, or when
    that one has less than :data:`WRAPPER_PROSE` of prose (its class name carries it):
    that chrome was a page wrapper.  Nothing inside a comment section wins.  Only the
    top :data:`CANDIDATES` are looked at (each check walks the ancestors)."""
    rescued = None
    for score, el in ranked[:CANDIDATES]:
        verdict = _pruned_above(page, el)
        if not verdict:
            if rescued is not None and (rescued[1] > RESCUE * score
                                        or page.prose[el] < WRAPPER_PROSE):
                return rescued
            return el, score
        if verdict == SOFT and rescued is None:
            rescued = (el, score)
    return rescued if rescued is not None else (None, 0.0)


def _promote(page: _Page, best, score: float, ranked: list):
    """The article container around the best one: its ``itemprop="articleBody"``
    ancestor when it has one; else the lowest ancestor that also holds the rivals
    (containers of its tag and class, outside it, scoring at least :data:`RIVAL_SHARE`
    of it among the top :data:`RIVALS`: an article cut into chunks), when that ancestor is not the body
    and not link-heavy."""
    ancestors = list(best.iterancestors())
    for el in ancestors:
        if _is_article_body(el) and el in page.stats:
            return el
    kind = (best.tag, best.get("class"))
    rivals = [el for s, el in ranked[:RIVALS] if s >= RIVAL_SHARE * score and el is not best
              and (el.tag, el.get("class")) == kind]
    lowest = {a: i for i, a in enumerate(ancestors)}
    top = -1
    for rival in rivals:
        if best in rival.iterancestors() or rival in lowest or _pruned_above(page, rival):
            continue
        common = next((lowest[a] for a in rival.iterancestors() if a in lowest), None)
        if common is not None:
            top = max(top, common)
    if top < 0:
        return best
    container = ancestors[top]
    if container.tag in ("body", "html") or container not in page.stats \
            or _link_density(page, container) > LINK_HEAVY:
        return best
    return container


def _joins(page: _Page, sibling, best, best_score: float) -> bool:
    """Readability's sibling rule: does a sibling of the root belong to the article?
    It does when its prose (its score without the class/id and tag weights) is at least
    :data:`SIBLING_SHARE` of the root's score (a bonus when it shares the root's class), or when it is a paragraph (``<p>``, or a block of inline
    text) of prose: long with few links, or short, link-free and ending a sentence."""
    if not isinstance(sibling.tag, str) or sibling not in page.stats:
        return False
    score = page.prose.get(sibling, 0.0) * (1 - _link_density(page, sibling))
    if sibling.get("class") and sibling.get("class") == best.get("class"):
        score += SIBLING_SHARE * best_score
    if score >= max(10.0, SIBLING_SHARE * best_score):
        return True
    if sibling.tag != "p" and not page.stats[sibling][2]:
        return False
    chars, density = page.stats[sibling][0], _link_density(page, sibling)
    if chars > 80:
        return density < 0.25
    return density == 0 and bool(_SENTENCE_END_RE.search("".join(sibling.itertext())))


def _roots(page: _Page, body) -> list:
    """The elements whose text is the article: the best container and the siblings that
    join it, in document order; the body when nothing scored."""
    ranked = _ranked(page)
    best, score = _best(page, ranked)
    if best is None:
        return [body]
    promoted = _promote(page, best, score, ranked)
    if promoted is not best:
        best, score = promoted, max(score, page.scores.get(promoted, 0.0))
    parent = best.getparent()
    if parent is None:
        return [best]
    return [el for el in parent if el is best or _joins(page, el, best, score)]


def _describe(el) -> str:
    """``<tag class=... id=... itemprop=...>`` of an element, for the report."""
    attrs = "".join(f" {name}={el.get(name)}" for name in ("itemprop", "id", "class")
                    if el.get(name))
    return f"<{el.tag}{attrs[:80]}>"


def _items(page: _Page, roots) -> set:
    """List items that carry text of their own (link density under
    :data:`ITEM_MAX_LINKS`): they are written as ``- item`` lines.  A menu's or a
    related-links box's items are links and stay plain lines."""
    return {li for root in roots for li in root.iter("li")
            if _link_density(page, li) < ITEM_MAX_LINKS}


def _data_rows(roots) -> set:
    """Rows of data tables (no paragraph, list or table inside a cell): they are written
    as one ``| cell | cell`` line each.  Layout tables keep one line per block."""
    rows = set()
    for root in roots:
        for table in root.iter("table"):
            if any(True for _ in table.iter("p", "div", "table", "ul", "ol", "h1", "h2", "h3")
                   if _ is not table):
                continue
            rows.update(table.iter("tr"))
    return rows


def _lines(page: _Page, roots) -> list[str]:
    """Text of the roots with a line break around every block element (iterative),
    pruned chrome left out; list items with text of their own start with ``- ``,
    data-table rows are one line with cells separated by `` | ``."""
    items, rows = _items(page, roots), _data_rows(roots)
    parts: list[str] = []
    pending = ""  # a list or row marker waiting for the first text of its line

    def text(value: str | None) -> None:
        nonlocal pending
        if value and not value.isspace():
            if pending:
                parts.append(pending)
                pending = ""
            parts.append(value)

    for root in roots:
        walk = etree.iterwalk(root, events=("start", "end"))
        for event, el in walk:
            tag = el.tag if isinstance(el.tag, str) else ""
            skipped = el in page.pruned
            cell = tag in ("td", "th") and el.getparent() in rows
            if event == "start":
                if skipped:
                    walk.skip_subtree()
                    continue
                if cell:
                    if el.getprevious() is not None:
                        parts.append(" | ")
                elif tag in _BLOCKS:
                    parts.append("\n")
                    if el in items:
                        pending = "- "
                    elif el in rows:
                        pending = "| "
                text(el.text)
            else:
                if tag in _BLOCKS and not cell and not skipped:
                    parts.append("\n")
                    if el in items or el in rows:
                        pending = ""
                if el is not root:
                    text(el.tail)
        parts.append("\n")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _json_ld_bodies(value, depth: int = 0):
    """``articleBody`` strings anywhere in a parsed JSON-LD value (bounded depth)."""
    if depth > 8:
        return
    if isinstance(value, dict):
        body = value.get("articleBody")
        if isinstance(body, str):
            yield body
        for item in value.values():
            if isinstance(item, (dict, list)):
                yield from _json_ld_bodies(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from _json_ld_bodies(item, depth + 1)


def json_ld_body(doc) -> str:
    """The longest JSON-LD ``articleBody`` of the page ("" when there is none), with
    any markup inside it reduced to text lines."""
    best = ""
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for body in _json_ld_bodies(data):
            if len(body) > len(best):
                best = body
    if "&" in best:
        best = html_escape.unescape(best)
    if "<" in best:
        best = strip_tags(best)
    lines = (" ".join(line.split()) for line in best.splitlines())
    return "\n".join(line for line in lines if line)


def _prefer_json_ld(ld_body: str, dom_text: str) -> bool:
    """Is the JSON-LD body the article?  It is when it is longer than the DOM root's
    text by :data:`JSON_LD_GAIN` (the root is a teaser), or when it is nearly as long
    (:data:`JSON_LD_NEAR`) and has paragraphs (a line break per
    :data:`JSON_LD_PARAGRAPH` characters): the whole body, where the root's extra text
    is page furniture.  A body without line breaks would lose the paragraphs, so then
    the DOM's text is kept."""
    if not ld_body:
        return False
    ld_len, dom_len = len(ld_body), len(dom_text)
    if ld_len > JSON_LD_GAIN * dom_len:
        return True
    paragraphs = ld_body.count("\n") + 1 >= ld_len / JSON_LD_PARAGRAPH
    return paragraphs and ld_len >= JSON_LD_NEAR * dom_len


_SKIP_RE = regex.compile(r"(?is)<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->")
_BLOCK_TAG_RE = regex.compile(r"(?i)</?(?:%s)\b[^>]*>" % "|".join(sorted(_BLOCKS)))
_TAG_RE = regex.compile(r"<[^>]*>")


def strip_tags(text: str) -> str:
    """Fallback text of markup the parser could not hold (nesting beyond libxml2's depth
    limit): non-text elements and tags removed, block tags as line breaks, entities decoded."""
    text = _SKIP_RE.sub(" ", text)
    text = _BLOCK_TAG_RE.sub("\n", text)
    text = html_escape.unescape(_TAG_RE.sub("", text))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _lost_text(doc, markup: str) -> bool:
    """Did the parser drop most of the page's text (too deep a tree)?"""
    parsed = len("".join(doc.itertext()).split())
    return parsed < 0.5 * len(strip_tags(markup).split())


def extract(html: str | bytes | bytearray) -> Extraction:
    """The article text of an HTML page, one block element per line, and how it was
    found (see the module docstring)."""
    if not isinstance(html, (str, bytes, bytearray)):
        raise TypeError(f"cleantext expects HTML as str or bytes, got {type(html).__name__}")
    markup = _decode(bytes(html) if isinstance(html, bytearray) else html)
    doc = _parse(markup)
    if doc is None:
        return Extraction("", "empty")
    if sum(1 for _ in doc.iter()) >= DEEP_TREE and _lost_text(doc, markup):
        return Extraction(strip_tags(markup), "tag-strip")
    ld_body = json_ld_body(doc)
    body = doc.find("body")
    if body is None:
        body = doc
    etree.strip_elements(body, *_NOT_TEXT, with_tail=False)
    page = _measure(body, body.find(".//h1"))
    roots = _roots(page, body)
    text = "\n".join(_lines(page, roots))
    root = _describe(roots[0]) + (f" and {len(roots) - 1} siblings" if len(roots) > 1 else "")
    if _prefer_json_ld(ld_body, text):
        return Extraction(ld_body, "json-ld", root, len(page.pruned), article=True)
    return Extraction(text, "dom" if text else "empty", root, len(page.pruned),
                      article=bool(text) and roots[0] is not body)
