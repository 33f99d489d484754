"""HTML to text lines: the input side of ``clean_html``.

The page is parsed with lxml (bytes are decoded by the declared charset, else
by detection), and the DOM is used for what text cannot show:

* non-text elements (``script``, ``style``, ...) are dropped;
* page chrome is dropped by its tag (``nav``, ``aside``, ``footer``, ``form``,
  ...) and by the words of its ``class``/``id`` (``comment``, ``related``,
  ``share``, ``social``, ``tags``, ``breadcrumb``, ``sidebar``, ``newsletter``,
  ``cookie``, ``promo``, ...), unless the element holds the article;
* the article root is the ``<article>`` (or ``<main>``) element with the most
  paragraph text, when it holds a fair share of the page's paragraph text;
  otherwise the body;
* block elements become lines; the page's ``<h1>`` is kept as the first line
  when it is outside the root;
* a list item with text of its own (less than half of it link text) becomes a
  ``- item`` line, a row of a data table (no paragraph, list or table in its
  cells) one ``| cell | cell`` line: block scoring values such lines as
  items of the article, where a menu's or a related box's link-only items stay
  plain short lines (see :mod:`cleantext.blocks`).

Everything is iterative (``iter``/``iterwalk``), so a page of 100,000 nested
elements does not hit Python's recursion limit; malformed markup is repaired
by the parser, and a page that cannot be parsed gives "".  The text pipeline
(block scoring included) does the rest.
"""

from __future__ import annotations

import regex
from lxml import etree
from lxml import html as lxml_html

_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object",
                       "canvas", "head", "title", "meta", "link", "video", "audio", "map"})
_CHROME_TAGS = frozenset({"nav", "aside", "footer", "form", "button", "select", "input",
                          "textarea", "label", "menu", "dialog"})
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figcaption",
    "figure", "br", "hr", "address", "header", "footer", "title", "center", "details",
    "summary", "caption", "tbody", "thead",
})
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
_HINT_SPLIT_RE = regex.compile(r"[^a-z0-9]+")
# libxml2 stops nesting at 2048 levels; a tree this large is checked for lost text.
DEEP_TREE = 2000
# A list item whose text is at least this share of link text is a link, not an item.
ITEM_MAX_LINKS = 0.5
# A root must hold at least this share of the page's paragraph text.
ROOT_MIN_SHARE = 0.3


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

    dammit = UnicodeDammit(html, is_html=True)
    return dammit.unicode_markup or html.decode("utf-8", errors="replace")


def _parse(html: str | bytes):
    """The document element, or None when the page cannot be parsed."""
    text = _decode(html)
    if not text.strip():
        return None
    text = regex.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses str with an encoding decl
    try:
        return lxml_html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)


def _hint_words(el) -> set[str]:
    """The lower-case words of an element's class and id."""
    value = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return set(_HINT_SPLIT_RE.split(value)) if value.strip() else set()


def _is_chrome(el) -> bool:
    """Is the element page chrome by its tag or by the words of its class/id?"""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _CHROME_TAGS:
        return True
    if tag in ("html", "body", "article", "main"):
        return False
    return bool(_hint_words(el) & CHROME_HINTS)


def _paragraph_chars(el) -> int:
    """Characters of ``<p>`` text under ``el`` (a measure of prose)."""
    return sum(len(p.text_content()) for p in el.iter("p"))


def _pick_root(doc):
    """The ``<article>``/``<main>`` element with the most paragraph text, when it holds a
    fair share of the page's; else the body."""
    body = doc.find("body")
    if body is None:
        body = doc
    total = _paragraph_chars(body)
    best, best_chars = None, 0
    for el in body.iter("article", "main"):
        chars = _paragraph_chars(el)
        if chars > best_chars:
            best, best_chars = el, chars
    if best is not None and total and best_chars >= ROOT_MIN_SHARE * total:
        return best
    return body


def _drop(el) -> None:
    """Remove ``el`` from the tree, keeping its tail text."""
    if el.getparent() is not None:
        el.drop_tree()


def _text_container(root):
    """The element whose own ``<p>`` children hold the most text: the article's body."""
    chars: dict = {}
    best, best_chars = None, 0
    for p in root.iter("p"):
        parent = p.getparent()
        if parent is None:
            continue
        n = chars.get(parent, 0) + len(p.text_content())
        chars[parent] = n
        if n > best_chars:
            best, best_chars = parent, n
    return best


def _remove(root, keep) -> None:
    """Drop non-text elements and chrome under ``root``; ``keep`` elements and their
    ancestors are never dropped as chrome."""
    protected = set()  # the elements themselves: lxml proxies stay the same while referenced
    for el in keep:
        if el is not None:
            protected.add(el)
            protected.update(el.iterancestors())
    doomed = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:
            doomed.append(el)  # comments, processing instructions
        elif tag in _NOT_TEXT or (el not in protected and _is_chrome(el)):
            doomed.append(el)
    for el in doomed:
        _drop(el)


def _link_density(el) -> float:
    """Share of the element's text that is link text."""
    total = len(el.text_content().strip())
    if not total:
        return 1.0
    return min(1.0, sum(len(a.text_content().strip()) for a in el.iter("a")) / total)


def _items(root) -> set:
    """List items that carry text of their own (link density under
    :data:`ITEM_MAX_LINKS`): they are written as ``- item`` lines.  A menu's or a
    related-links box's items are links and stay plain lines."""
    return {li for li in root.iter("li") if _link_density(li) < ITEM_MAX_LINKS}


def _data_rows(root) -> set:
    """Rows of data tables (no paragraph, list or table inside a cell): they are written
    as one ``| cell | cell`` line each.  Layout tables keep one line per block."""
    rows = set()
    for table in root.iter("table"):
        if any(True for _ in table.iter("p", "div", "table", "ul", "ol", "h1", "h2", "h3")
               if _ is not table):
            continue
        rows.update(table.iter("tr"))
    return rows


def _lines(root) -> list[str]:
    """Text of ``root`` with a line break around every block element (iterative);
    list items with text of their own start with ``- ``, data-table rows are one line
    with cells separated by `` | ``."""
    items, rows = _items(root), _data_rows(root)
    parts: list[str] = []
    pending = ""  # a list or row marker waiting for the first text of its line

    def text(value: str | None) -> None:
        nonlocal pending
        if value and not value.isspace():
            if pending:
                parts.append(pending)
                pending = ""
            parts.append(value)

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        cell = tag in ("td", "th") and el.getparent() in rows
        if event == "start":
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
            if tag in _BLOCKS and not cell:
                parts.append("\n")
                if el in items or el in rows:
                    pending = ""
            if el is not root:
                text(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


_SKIP_RE = regex.compile(r"(?is)<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->")
_BLOCK_TAG_RE = regex.compile(r"(?i)</?(?:%s)\b[^>]*>" % "|".join(sorted(_BLOCKS)))
_TAG_RE = regex.compile(r"<[^>]*>")


def strip_tags(text: str) -> str:
    """Fallback text of markup the parser could not hold (nesting beyond libxml2's depth
    limit): non-text elements and tags removed, block tags as line breaks, entities decoded."""
    import html as html_escape

    text = _SKIP_RE.sub(" ", text)
    text = _BLOCK_TAG_RE.sub("\n", text)
    text = html_escape.unescape(_TAG_RE.sub("", text))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _lost_text(doc, markup: str) -> bool:
    """Did the parser drop most of the page's text (too deep a tree)?"""
    parsed = len("".join(doc.itertext()).split())
    return parsed < 0.5 * len(strip_tags(markup).split())


def html_to_text(html: str | bytes) -> str:
    """The visible text of an HTML page's article, one block element per line."""
    markup = _decode(html)
    doc = _parse(markup)
    if doc is None:
        return ""
    if sum(1 for _ in doc.iter()) >= DEEP_TREE and _lost_text(doc, markup):
        return strip_tags(markup)
    root = _pick_root(doc)
    title = doc.find(".//h1")
    lines: list[str] = []
    if title is not None and root.tag != "body" and root not in title.iterancestors():
        heading = " ".join(title.text_content().split())
        if heading:
            lines.append(heading)
    body = doc.find("body")
    _remove(body if body is not None else doc, (root, _text_container(root)))
    lines.extend(_lines(root))
    return "\n".join(lines)
