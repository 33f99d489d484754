"""HTML to text lines: the input side of ``clean_html``.

The page is parsed with lxml (bytes are decoded as files are: binary formats
refused, BOM, strict UTF-8, else detection with the declared charset as a hint).  Everything the DOM
decides happens *before* the text exists, so these removals are not edits of
the text pipeline; :func:`extract` reports them (``Cleaner.explain_html``
adds the report to the flags).  In order:

1. **Non-text elements** (``script``, ``style``, ``svg``, MathML's TeX
   ``annotation``, ...) are removed; a JSON-LD ``articleBody`` and the page's
   titles (``og:title``, ``<title>``) are read first.  Elements a browser never
   shows (``hidden``, ``aria-hidden="true"``, ``display: none``: popups,
   flyouts, consent panels; a place 999 pixels or more off the page's top or left
   edge: links planted for search engines) are removed too, except one holding
   half of the page's text (an article a script reveals), and so are sign-up boxes: the
   largest element around a form that asks for an e-mail address with at most
   :data:`SIGN_UP_WORDS` words of its own (a newsletter's heading and pitch).
   The **headline** is the first
   ``<h1>`` (else ``<h2>``) whose words agree with a title of the page.  The
   elements libxml2 (a parser of HTML 4) leaves in ``<head>`` when a page omits
   its ``<body>`` tag and goes on with an element it does not know (``<main>``)
   are read as the body, as a browser reads them.
2. **Measure and prune**, in one bottom-up pass: every element's text length
   and link-text length are summed from its children.  Page chrome is pruned:
   elements by tag (``nav``, ``aside``, ``footer``, ``form``, ...) and by the
   words of their ``class``/``id`` (:data:`CHROME_HINTS`: ``comment``,
   ``related``, ``share``, ``sidebar``, ``newsletter``, ``tags``, ...; also when
   glued to furniture words: ``jp-relatedposts``, ``navbox``, ``commentform``).  Not
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
   paragraph worth ``1 + commas + min(chars / 100, 3)`` (text between runs of two
   or more ``<br>`` is paragraphs of its element, as readability reads it); an element is worth
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
   score nearly as well (an article cut into chunks), or, readability's rule, to
   the lowest ancestor holding :data:`ALTERNATIVES` of the other
   :data:`TOP_CANDIDATES` best containers scoring :data:`ALTERNATIVE_SHARE` of it
   (an introduction and its steps of other classes); then joined by those of
   its siblings with prose of their own scoring a fifth as well, or that are
   paragraphs of prose with few links (readability's sibling rule).  Without
   any paragraph the root is the body.  Containers of one kind are those of
   one tag with the same classes or the same first class
   (``story-body story-body-2``).

   **Second opinion: the headline.**  The article starts near its headline.
   A root that holds the headline but no paragraph of prose, and under a fifth of
   the text of the best container after the headline, is the article's header (its
   class names carried it): that container is the root (:func:`_header_only`).
   When the root comes after the headline and the prose paragraphs between
   the two outweigh the root's own (a notice box, a reference list), or the
   headline opens a chunk of the root's own tag and class, the root is the
   best-scoring element holding both (:func:`_second_opinion`).  When the root
   comes after the headline (an ``<h1>``) and opens, before any paragraph, with an
   ``<h1>`` that no title of the page states, it is another article (the next story a page
   prints after its own): the root is the best container outside it that holds
   the headline or stands between the two (:func:`_other_article`).  A page
   without a headline that agrees with its title keeps the first choice; nor is
   a heading that is all a link to the site's home page (a logo) a headline.

   **Threads**: when comment sections were pruned and the root holds no
   paragraph (a forum, a Q&A page), the comment sections are measured again
   as content: the posts are the page's article.
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
stripping (:func:`strip_tags`), malformed markup is repaired by the parser.
**A page with text never comes back empty**: when the DOM stage finds no
text, the page is parsed again by a tolerant parser (BeautifulSoup's use of
Python's parser, for markup lxml mangles such as an unclosed ``<title>``;
``source="repaired"``), and failing that the whole page's text is returned
with ``article=False`` (``source="whole-page"``), so block scoring chooses the
article; both are reported in ``explain_html``'s flags.  Only a page without
any text gives "".  The text pipeline (block scoring included) does the rest;
when its rules remove all the text of the chosen root (a consent panel without
class names outscored a short article), the Cleaner asks again without it
(``extract(html, without=paths)``) and, failing that, reads the whole page
(:func:`extract_whole_page`).

No constant of this module was fitted to a development set: the second
opinion and the thread rule compare quantities of the page with each other,
the half in the headline's agreement and in hidden elements is a majority,
and :data:`PROSE_CHARS`, :data:`PROSE_LINKS` and the container weights are
readability's.
"""

from __future__ import annotations

import html as html_escape
import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit

import regex
from lxml import etree

from ..text.words import SENTENCE_MARKS, word_count

_NOT_TEXT = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas",
             "head", "title", "meta", "link", "video", "audio", "map",
             # MathML's source of a formula (``{\displaystyle ...}``), not its rendering
             "annotation", "annotation-xml")
_HIDDEN_STYLE_RE = regex.compile(r"(?i)(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b")
# An element placed 999 pixels (or ems) or more off the page's top or left edge, or whose text
# is indented that far: the "visually hidden" idiom of screen-reader labels, of a logo's text
# under its image, and of links planted for search engines.  No page scrolls there.
_OFF_PAGE_STYLE_RE = regex.compile(
    r"(?i)(?:^|;)\s*(?:left|top|text-indent)\s*:\s*-\s*(?:999|[1-9]\d{3,})(?:\.\d+)?\s*(?:px|em|rem)?"
    r"\s*(?:!\s*important\s*)?(?:;|$)")
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
    # slideshows: chosen on the readability set (a gallery of other stories' captions in
    # the article body), checked on scrapinghub (13 pages better, none worse)
    "gallery", "slideshow", "carousel",
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
# Words of page furniture that glue onto the hint words in class names
# (``relatedarticleslistitem``, ``sharebtn``, ``footerlink``, ``recentcomments``):
# they name no kind of their own.  Read off the class names of both development sets
# that hold a chrome word glued to others (no figure was tuned); a word of a class
# value that splits wholly into these and the hints is read as its chrome words.
_UI_WORDS = frozenset({
    "post", "posts", "article", "articles", "story", "stories", "list", "item", "items",
    "title", "bar", "btn", "button", "buttons", "tool", "tools", "link", "links", "form",
    "box", "widget", "widgets", "area", "section", "block", "wrap", "wrapper", "container",
    "recent", "count", "icon", "icons", "heading", "header", "module", "panel", "inner",
    "holder", "more", "top", "bottom", "left", "right",
})
_VOCABULARY = CHROME_HINTS | COMMENT_HINTS | CONTENT_HINTS | BODY_HINTS | _UI_WORDS
_COMPOUND_RE = regex.compile("(" + "|".join(sorted(_VOCABULARY, key=len, reverse=True)) + ")+")
_CHROME_WORDS = CHROME_HINTS | COMMENT_HINTS
# a word that holds no chrome word is never split (the split is for its chrome words)
_CHROME_PART_RE = re.compile("|".join(sorted(_CHROME_WORDS, key=len, reverse=True)))
HARD, SOFT = 2, 1
# Chrome named like chrome it holds (``content-with-sidebar`` holding the sidebar) is a
# layout wrapper when what remains of it scores this much as prose.
WRAPPER_PROSE = 10.0
# A candidate inside weakly named chrome beats the best one outside at this ratio.
RESCUE = 2.0
CANDIDATES = 50
# ASCII classes only, so the standard library's faster engine reads them as ``regex`` does
_HINT_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_WORD_RE = regex.compile(r"\w+")
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
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
# A paragraph longer than this (characters) is prose when it has few links (readability's).
PROSE_CHARS = 80
# ... and has under this share of link text (readability's).
PROSE_LINKS = 0.25
# A heading's words that may name the article's subject (see _stand_in_headline): words of at
# least this many letters (shorter ones are often function words).  Set a priori, as block
# scoring's TITLE_WORD_LETTERS; neither set was measured to choose it.
TITLE_WORD_LETTERS = 4
# Containers among the top RIVALS scoring RIVAL_SHARE of the best are parts of the article.
RIVALS = 10
RIVAL_SHARE = 0.3
# Readability's common ancestor: the best container's lowest ancestor that holds at least
# ALTERNATIVES of the other TOP_CANDIDATES scoring ALTERNATIVE_SHARE of it (readability.js's
# constants) is the article.
TOP_CANDIDATES = 5
ALTERNATIVE_SHARE = 0.75
ALTERNATIVES = 3
# A JSON-LD articleBody this much longer than the DOM root's text replaces it ...
JSON_LD_GAIN = 1.2
# ... or nearly as long (this share) with a line break per JSON_LD_PARAGRAPH characters.
JSON_LD_NEAR = 0.9
JSON_LD_PARAGRAPH = 1000
# A container this much link text is not promoted to.
LINK_HEAVY = 0.3
_SENTENCE_END_RE = regex.compile(r"[.!?…。！？" + SENTENCE_MARKS + r"][\"'”’»)]*\s*$")
_COMMAS = (",", "،", "，", "、")


@dataclass
class Extraction:
    """The text of a page's article and how it was found."""

    text: str
    # "dom", "json-ld", "repaired", "tag-strip", "whole-page", "all-removed" (see
    # extract_whole_page) or "empty"
    source: str = "dom"
    root: str = ""  # the root element, e.g. "<article class=post>"
    pruned: int = 0  # chrome elements removed by tag or class/id
    article: bool = False  # the text is one chosen container (or JSON-LD), not the whole body
    # where the chosen container and its joined siblings stand (XPaths in the parsed page,
    # for ``extract(..., without=...)``), and the container chosen before, whose text the
    # rules removed entirely
    paths: tuple[str, ...] = ()
    replaced: str = ""

    def summary(self) -> str:
        """One line for ``explain_html``'s flags."""
        if self.source == "dom" and self.replaced:
            return (f"html: kept {self.root} (the rules removed all the text of {self.replaced}, "
                    f"chosen first); removed {self.pruned} chrome elements")
        if self.source == "dom":
            return f"html: kept {self.root}; removed {self.pruned} chrome elements"
        if self.source == "json-ld":
            return (f"html: JSON-LD articleBody (longer than the DOM's {self.root}); "
                    f"removed {self.pruned} chrome elements")
        if self.source == "tag-strip":
            return "html: tree too deep or too large for the parser; tags stripped"
        if self.source == "repaired":
            return (f"html: markup repaired by a tolerant parser; kept {self.root}; "
                    f"removed {self.pruned} chrome elements")
        if self.source == "whole-page":
            return (f"html: no article container had text (chosen: {self.root or 'none'}); "
                    "the whole page's text was kept for block scoring")
        if self.source == "all-removed":
            return (f"html: the rules removed all the text of the container chosen ({self.root}); "
                    "the whole page's text was kept for block scoring")
        return "html: no text"


_DECLARED_RE = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.I)


def _decode(html: str | bytes) -> tuple[str, bytes | None]:
    """The page as text: bytes go through the one decoding path of
    :func:`cleantext.io.files.decode_bytes` (binary formats refused, BOM, strict
    UTF-8, then detection with the page's declared charset as a hint); lone
    surrogates in a str become U+FFFD (lxml would stop at the first).  And the page
    as bytes of strict UTF-8 without NUL bytes, which the parser may read as they are
    (the text is their decoding), when it has them: a page's bytes so decoded, or a
    str's encoding (which a str with a surrogate has not)."""
    from .files import decode_bytes, replace_surrogates

    if isinstance(html, str):
        try:
            utf8 = html.encode("utf-8")
        except UnicodeEncodeError:  # a surrogate
            return replace_surrogates(html), None
        return html, utf8 if b"\x00" not in utf8 else None
    if not html.strip():
        return "", None
    m = _DECLARED_RE.search(html[:4096])
    decoded = decode_bytes(html, declared=m.group(1).decode("ascii") if m else None)
    return decoded.text, html if decoded.encoding == "utf-8" and b"\x00" not in html else None


# Bounds on pathological markup, applied before parsing (the parser's time grows
# faster than linearly with the attributes of one tag): a page with more tags than
# MAX_TAGS is read by tag stripping; a tag with more than MAX_ATTRIBUTES attributes
# loses them (text is never in attributes the extractor reads at that size).
MAX_TAGS = 500_000
MAX_ATTRIBUTES = 1_000
_LONG_TAG_RE = regex.compile(r"<([A-Za-z][\w:.-]*)(\s[^<>]{5000,})>")
# Every match of _LONG_TAG_RE is a match of this one, with the same bounds (both end at
# the first ``>``), and no other can start inside it (it holds no ``<``): in ASCII
# classes only, so the standard library's faster engine finds the few candidates.
_LONG_TAG_CANDIDATE_RE = re.compile(r"<[A-Za-z][^<>]{5000,}>")
# A run of 2 * _SPAN - 1 characters holds an aligned span of _SPAN (a candidate's run
# after its ``<`` is at least 5001 long).
_SPAN = 2500


def _cap_attributes(markup: str) -> str:
    """``markup`` with the attributes of any tag that has more than MAX_ATTRIBUTES removed."""
    if len(markup) < 5000:
        return markup

    # A candidate holds a run of over 5000 characters without ``<`` or ``>``, so it holds
    # one of the aligned spans of _SPAN characters without them, and starts at the last
    # ``<`` before that span: the candidates are asked for there only (a page's text and
    # scripts have few such spans).
    starts: list[int] = []
    last = -1
    free = False  # the span before is without them (its ``<`` is the same)
    find = markup.find
    for a in range(0, len(markup) - _SPAN + 1, _SPAN):
        b = a + _SPAN
        if find("<", a, b) < 0 and find(">", a, b) < 0:
            if not free:
                start = markup.rfind("<", 0, a)
                if start > last:
                    starts.append(start)
                    last = start
            free = True
        else:
            free = False
    pieces: list[str] = []
    end = 0
    for start in starts:
        candidate = _LONG_TAG_CANDIDATE_RE.match(markup, start)
        if candidate is None:
            continue
        m = _LONG_TAG_RE.fullmatch(markup, candidate.start(), candidate.end())
        if m is not None and m.group(2).count("=") > MAX_ATTRIBUTES:
            pieces += (markup[end:start], f"<{m.group(1)}>")
            end = candidate.end()
    if not pieces:
        return markup
    pieces.append(markup[end:])
    return "".join(pieces)


_XML_DECLARATION_RE = regex.compile(r"\s*<\?xml[^>]*>")
# The parser's options (reading a str's characters; reading UTF-8 bytes).  A parser is made
# per page (its making costs nothing a page would notice): what it reports of the page it
# read is its own, whatever other threads parse meanwhile.
# (collect_ids: no lookup by id is made, and not hashing every id attribute saves ~5% of the parse)
_PARSER_OPTIONS: dict[str, Any] = {"remove_comments": True, "remove_pis": True, "huge_tree": True,
                                   "collect_ids": False}


def _parse(text: str, utf8: bytes | None = None) -> etree._Element | None:
    """The document element, or None when the page cannot be parsed (:func:`_parse_page`)."""
    return _parse_page(text, utf8)[0]


def _parse_page(text: str, utf8: bytes | None = None) -> tuple[etree._Element | None, bool]:
    """The document element (None when the page cannot be parsed) and whether libxml2
    stopped on a fatal error (a tree nested past its limit of 2048 levels: the text
    below is lost).  ``utf8``: the page's bytes, when ``text`` is their strict UTF-8
    decoding.  libxml2 reads UTF-8 as it is, faster than the characters of a str, so a
    str is encoded for it (the same tree; not a text with a NUL character, where
    libxml2 may stop)."""
    if not text or text.isspace():
        return None, False
    # lxml refuses str with an encoding declaration; the pattern is asked only when the
    # text could start with one (its ``\s`` is white space to ``str.lstrip`` too)
    start = text[:64].lstrip()[:5]
    declaration = _XML_DECLARATION_RE.match(text) if "<?xml".startswith(start) else None
    if declaration is not None:
        text = text[declaration.end():]
    data: str | bytes = text
    if declaration is None and (utf8 is not None or "\x00" not in text):
        data = utf8 if utf8 is not None else text.encode("utf-8")
    parser = etree.HTMLParser(**_PARSER_OPTIONS, encoding="utf-8" if isinstance(data, bytes) else None)
    try:
        doc = etree.fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, False
    log = parser.error_log  # (its first hundred errors and the last: a fatal error stops it)
    last = log.last_error
    stopped = last is not None and last.level == etree.ErrorLevels.FATAL or bool(
        log.filter_levels([etree.ErrorLevels.FATAL]))
    return doc, stopped


_HINTS_CACHE: dict[str, tuple[frozenset[str], bool, bool, bool]] = {}
_NO_HINTS: tuple[frozenset[str], bool, bool, bool] = (frozenset(), False, False, False)


def _hint_words(value: str) -> frozenset[str]:
    """The lower-case words of a class/id value (``articleBody`` gives ``article``,
    ``body`` and ``articlebody``); a word written glued to others is read as they
    are when all of it splits into words of the hints and of :data:`_UI_WORDS`, for
    the chrome words among them (``jp-relatedposts`` gives ``related``,
    ``commentform`` gives ``comment``; ``commentary`` stays whole, and ``textwidget``
    names no content)."""
    lowered = value.lower()
    # a value in lower case has no camel-case word boundary to mark
    camel = lowered if lowered == value else _CAMEL_RE.sub(" ", value).lower()
    words = set(_HINT_SPLIT_RE.split(camel))
    words.update(_HINT_SPLIT_RE.split(lowered.replace("-", "").replace("_", "")))
    words.discard("")
    for word in list(words):
        if len(word) > 5 and word not in _VOCABULARY and _CHROME_PART_RE.search(word):
            words.update(w for w in _compound(word) if w in _CHROME_WORDS)
    return frozenset(words)


def _compound(word: str) -> list[str]:
    """The parts of ``word`` when all of it is words of :data:`_VOCABULARY` written
    together (as the pattern of those words finds them, longer words first), else
    nothing."""
    m = _COMPOUND_RE.fullmatch(word)
    return m.captures(1) if m is not None and len(m.captures(1)) > 1 else []


def _names_body(value: str) -> bool:
    """Does a class/id value name the article's body (a word of :data:`CONTENT_HINTS`
    followed by one of :data:`BODY_HINTS` in one token)?"""
    return _names_body_lowered(value, value.lower())


_BODY_HINT_RE = re.compile("|".join(sorted(BODY_HINTS)))


def _names_body_lowered(value: str, lowered: str) -> bool:
    """:func:`_names_body` of a value and its lower-case form."""
    if _BODY_HINT_RE.search(lowered) is None:
        return False  # every word that could answer yes holds one of them
    for token in _CAMEL_RE.sub("-", value).lower().split():
        words = [w for w in _HINT_SPLIT_RE.split(token) if w]
        if any(w in _BODY_WORDS for w in words) or any(a in CONTENT_HINTS and b in BODY_HINTS for a, b in zip(words, words[1:])):
            return True
    return False


def _hints(el: etree._Element) -> tuple[frozenset[str], bool, bool, bool]:
    """An element's class/id verdict: (chrome words, names comments, names content,
    names the body), from the verdicts of its class and of its id (:func:`_class_id_hints`)."""
    return _class_id_hints(el.get("class"), el.get("id"))


def _class_id_hints(value: str | None, ident: str | None) -> tuple[frozenset[str], bool, bool, bool]:
    """The verdict of an element's class and id together: each read (and cached) apart,
    since an id is often unique to its element where the class repeats; the verdict of
    the two is that of their words together (every part of it is read word by word)."""
    hints = _value_hints(value) if value else _NO_HINTS
    if ident:
        other = _value_hints(ident)
        if hints is _NO_HINTS:
            return other
        if other is not _NO_HINTS:
            return (hints[0] | other[0], hints[1] or other[1], hints[2] or other[2],
                    hints[3] or other[3])
    return hints


# the hint words (CHROME_HINTS, COMMENT_HINTS and CONTENT_HINTS) a verdict reads
_HINT_VOCABULARY = CHROME_HINTS | COMMENT_HINTS | CONTENT_HINTS


def _needles(words: frozenset[str]) -> re.Pattern[str]:
    """A pattern found in a text exactly when one of ``words`` is: the words that hold
    none of the others, as a tree of their letters (the standard engine then reads each
    position of the text once, where an alternation of words tries each in turn)."""
    needles = [w for w in words if not any(o != w and o in w for o in words)]
    tree: dict[str, Any] = {}
    for word in needles:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        if "" in node:  # a needle ends here (none holds another, so none goes on)
            return ""
        alternatives = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return re.compile(pattern(tree))


# Every word of a class/id value (and every part of a glued word) is a part of the value
# written in lower case without ``-`` and ``_``; a value that holds no hint word there
# has no verdict.
_HINT_NEEDLE_RE = _needles(_HINT_VOCABULARY)
# The words _COMPOUND_RE matches whole (the same language; the standard engine answers
# faster, the parts are read by _COMPOUND_RE)
_GLUED_RE = re.compile("(?:" + "|".join(sorted(_VOCABULARY, key=len, reverse=True)) + ")+")
# words that give no chrome words when split as glued, and those that do (and which)
_UNGLUED: set[str] = set()
_GLUED: dict[str, frozenset[str]] = {}


def _value_hints(value: str) -> tuple[frozenset[str], bool, bool, bool]:
    """:func:`_hints` of a class/id value: the words of :func:`_hint_words` read for
    the hints only (a glued word's chrome words are remembered per word, since values
    differ more than their words do)."""
    hints = _HINTS_CACHE.get(value)
    if hints is not None:
        return hints
    if not value or value.isspace():
        return _NO_HINTS
    lowered = value.lower()
    joined = lowered.replace("-", "").replace("_", "")
    if _HINT_NEEDLE_RE.search(joined) is None:
        hints = _NO_HINTS
    else:
        hints = _read_hints(value, lowered, joined)
    if len(_HINTS_CACHE) > 50_000:
        _HINTS_CACHE.clear()
    _HINTS_CACHE[value] = hints
    return hints


def _read_hints(value: str, lowered: str, joined: str) -> tuple[frozenset[str], bool, bool, bool]:
    """The verdict of a class/id value that holds a hint word (:func:`_value_hints`)."""
    camel = lowered if lowered == value else _CAMEL_RE.sub(" ", value).lower()
    words = set(_HINT_SPLIT_RE.split(camel))
    if joined != camel:
        words.update(_HINT_SPLIT_RE.split(joined))
    found = _HINT_VOCABULARY & words  # a frozenset, as the verdict's words are
    for word in words - _UNGLUED:
        parts = _GLUED.get(word)
        if parts is None:
            parts = frozenset(w for w in _compound(word) if w in _CHROME_WORDS) if (
                len(word) > 5 and word not in _VOCABULARY and _CHROME_PART_RE.search(word)
                and _GLUED_RE.fullmatch(word)
            ) else frozenset()
            if len(_UNGLUED) > 200_000:
                _UNGLUED.clear()
                _GLUED.clear()
            if parts:
                _GLUED[word] = parts
            else:
                _UNGLUED.add(word)
        if parts:
            found |= parts
    return (found & CHROME_HINTS, bool(found & COMMENT_HINTS),
            bool(found & CONTENT_HINTS), _names_body_lowered(value, lowered))


def _is_article_body(el: etree._Element) -> bool:
    """Does the element declare itself the article's body (schema.org microdata)?"""
    return (el.get("itemprop") or "").lower() == "articlebody"


def _chrome(el: etree._Element, tag: str) -> tuple[int, frozenset[str]]:
    """Is the element page chrome, and named so by which words?  :data:`HARD` for a
    comment section (by class/id, whatever its tag), :data:`SOFT` for chrome by tag
    (``nav``, ``aside``, ...; the word is the tag) or by class/id words, 0 otherwise.
    ``html``/``body``/``main``, the declared article body and an element whose
    class/id names the article's body (``article-body``, ``entry-content``:
    :data:`BODY_HINTS`) are not chrome by class/id, nor are links (a link classed
    ``tag-link`` is a word of the sentence), and an ``<article>`` is chrome
    only as a comment.  (:func:`_measure` reads this verdict inline, on the class/id it
    reads once; a property test holds the two equal.)"""
    words, comments, _, names_body = _hints(el)
    if comments:
        return HARD, words
    if tag in _CHROME_TAGS:
        return SOFT, words | {tag}
    if not words or names_body or tag in _NEVER_CHROME or _is_article_body(el):
        return 0, words
    return SOFT, words


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _section_anchor(el: etree._Element) -> bool:
    """Is the element's id the slug of its own heading (``id="sharing-with-a-team"``
    on a section headed "Sharing with a team")?  Such an id names a section of the
    document, not page chrome, whatever its words, when the section is prose (few
    links: a list of related links under its heading stays chrome)."""
    ident = el.get("id")
    if not ident or "-" not in ident:
        return False
    heading = next((c for c in el if c.tag in _HEADINGS), None)
    if heading is None:
        return False
    slug = "-".join(_WORD_RE.findall("".join(heading.itertext()).casefold()))
    return bool(slug) and slug.startswith(ident.casefold().strip("-"))


def _weight(el: etree._Element, tag: str, chrome: int) -> float:
    """A container's weight before its paragraphs: class/id words and tag (read inline
    by :func:`_measure`)."""
    weight = _TAG_WEIGHTS.get(tag, 0)
    if _is_article_body(el):
        weight += ARTICLE_BODY_WEIGHT
    if _hints(el)[2]:
        weight += HINT_WEIGHT
    if chrome:
        weight -= HINT_WEIGHT
    return weight


def _inline_commas(el: etree._Element) -> int:
    """Commas in an element's own inline text (its text, its children's tails and the
    text of its inline children)."""
    texts = [el.text or ""]
    for child in el:
        if child.tag not in _BLOCKS:
            texts.extend(child.itertext())
        texts.append(child.tail or "")
    return _commas("".join(texts))  # each comma is one character: counted once joined


def _text(el: etree._Element) -> str:
    """``"".join(el.itertext())``, read by libxml2 in one call: the text of the element and
    its descendants with their tails (not its own tail; no comment's text)."""
    text: str = etree.tostring(el, method="text", encoding=str, with_tail=False)
    return text


def _commas(text: str | None) -> int:
    return sum(text.count(c) for c in _COMMAS) if text else 0


def _broken_paragraphs(el: etree._Element, pruned: dict[etree._Element, Any]) -> list[str]:
    """The paragraphs of an element's own inline text that runs of two or more ``<br>``
    separate (as readability turns them into ``<p>`` elements), when there are at least
    two of :data:`MIN_PARAGRAPH` characters; else none.  Block children end a piece of
    text too; pruned children's text is left out (their tails stay)."""
    pieces: list[str] = []
    current = [el.text or ""]
    run = 0  # <br> elements since the last text
    for child in el:
        tag = child.tag
        if tag == "br":
            run += 1
            if run == 2:
                pieces.append("".join(current))
                current = []
        elif tag in _BLOCKS:
            pieces.append("".join(current))
            current, run = [], 0
        elif child not in pruned:
            text = _text(child)
            current.append(text)
            if not text.isspace():
                run = 0
        tail = child.tail
        if tail:
            current.append(tail)
            if not tail.isspace():
                run = 0
    pieces.append("".join(current))
    found = [" ".join(piece.split()) for piece in pieces]
    found = [text for text in found if len(text) >= MIN_PARAGRAPH]
    return found if len(found) >= 2 else []


def _worth(commas: int, chars: int) -> float:
    """Readability's worth of a paragraph of ``chars`` characters holding ``commas``."""
    return 1 + commas + min(chars / 100, 3)


def _paragraph_value(el: etree._Element, chars: int) -> float:
    """Readability's worth of a paragraph of ``chars`` characters."""
    return _worth(_inline_commas(el), chars)


# How an element's text counts in its parent's: inline text, or a block (nested blocks
# make the parent's inline text a paragraph of its own).
_INLINE, _NESTED_BLOCK, _OTHER_BLOCK, _BREAK = 0, 1, 2, 3
_KINDS = {tag: _NESTED_BLOCK if tag in _NESTED else _OTHER_BLOCK for tag in _BLOCKS} | {"br": _BREAK}
_NO_WORDS: frozenset[str] = frozenset()


@dataclass
class _Page:
    """What the bottom-up pass learns: per element (text chars, link chars, ...),
    pruned chrome (element -> HARD or SOFT) and container scores (before link density)."""

    stats: dict[etree._Element, tuple[int, int, float, float, float, float]]
    pruned: dict[etree._Element, tuple[int, frozenset[str]]]
    scores: dict[etree._Element, float]
    prose: dict[etree._Element, float]  # the scores without class/id and tag weights


def _measure(body: etree._Element, title: etree._Element | None, comments: bool = False) -> _Page:
    """One bottom-up pass: sizes, chrome pruning and container scores (see the module
    docstring, steps 2 and 3).  A block's own inline text of :data:`MIN_PARAGRAPH`
    characters is a paragraph of its parent, or, when the block also holds blocks,
    of the block itself (readability wraps such text in a ``<p>``).  ``comments=True``
    keeps comment sections (the posts of a forum thread)."""
    keep = set(title.iterancestors()) | {title} if title is not None else set()
    pruned: dict[etree._Element, tuple[int, frozenset[str]]]
    scores: dict[etree._Element, float]
    proses: dict[etree._Element, float]
    pruned, scores, proses = {}, {}, {}
    # per element: (chars, link chars, paragraph value, values of the children,
    # of the grandchildren, of the great-grandchildren)
    stats: dict[etree._Element, tuple[int, int, float, float, float, float]] = {}
    # what each element passes to its parent, in document order, until the parent ends
    # (the walk is bottom-up, so an element's children are the last ``len(el)`` entries):
    # (chars of its tail, _KINDS of its tag, its stats (None: pruned), the chrome words
    # of the pruned elements in it (or its own when pruned))
    done: list[tuple[int, int, tuple[int, int, float, float, float, float] | None,
                     frozenset[str] | None]] = []
    kinds, cached = _KINDS, _HINTS_CACHE.get
    for _, el in etree.iterwalk(body, events=("end",)):
        tag = el.tag
        text = el.text
        chars = inline = len(text.strip()) if text else 0
        links = 0
        d1 = d2 = d3 = d4 = 0.0
        nested = blocks = False  # a child of a nested block's tag; of any block's tag
        named: frozenset[str] | None = None
        n = len(el)
        if n:
            children = done[-n:]
            del done[-n:]
            for tail, kind, st, words in children:
                if tail:
                    chars += tail
                    inline += tail
                if words:
                    named = named | words if named else words
                if kind:  # not _INLINE
                    blocks = True
                if st is None:  # pruned
                    continue
                chars += st[0]
                links += st[1]
                if kind == _NESTED_BLOCK:
                    nested = True
                elif kind == _INLINE:
                    inline += st[0]
                d1 += st[2]
                d2 += st[3]
                d3 += st[4]
                d4 += st[5]
        if tag == "a":
            links = chars
        value = 0.0
        if inline >= MIN_PARAGRAPH and tag in _PARAGRAPHS:
            # readability's worth of a paragraph (:func:`_paragraph_value`); without block
            # children its own inline text is all of its text
            broken = None
            if blocks and sum(1 for child in children if child[1] == _BREAK) >= 2:
                broken = _broken_paragraphs(el, pruned)
            if broken:
                # paragraphs written as text between runs of <br>: the element holds them
                d1 += sum(_worth(_commas(text), len(text)) for text in broken)
            else:
                if blocks:
                    worth = _paragraph_value(el, inline)
                else:  # its text: a leaf's own (asked of libxml2 otherwise)
                    worth = _worth(_commas(_text(el) if n else text), inline)
                if nested:
                    d1 += worth
                else:
                    value = worth
        prose = d1 + d2 / 2 + d3 / 6 + d4 / 9 if n else 0.0
        tail = el.tail
        tail_chars = len(tail.strip()) if tail else 0
        # the chrome verdict (:func:`_chrome`), on the class/id read once
        content = False
        if isinstance(tag, str):
            value_ = el.get("class")
            ident = el.get("id")
            if ident:
                words, names_comments, content, names_body = _class_id_hints(value_, ident)
            elif value_:
                hints = cached(value_)
                if hints is None:
                    hints = _value_hints(value_)
                words, names_comments, content, names_body = hints
            else:
                words, names_comments, names_body = _NO_WORDS, False, False
            if names_comments:
                chrome = HARD
            elif tag in _CHROME_TAGS:
                chrome, words = SOFT, words | {tag}
            elif not words or names_body or tag in _NEVER_CHROME or _is_article_body(el):
                chrome = 0
            else:
                chrome = SOFT
            # a layout wrapper ("content-with-sidebar" holds the sidebar) or a section of prose
            if chrome == SOFT and prose >= WRAPPER_PROSE and (
                    named and words & named
                    or links < PROSE_LINKS * chars and _section_anchor(el)):
                chrome = 0
            if chrome == HARD and comments:
                chrome = 0  # a thread of posts: the page has no other article
            if chrome and el not in keep:
                words = words | named if named else words
                pruned[el] = (chrome, words)
                done.append((tail_chars, kinds.get(tag, _INLINE), None, words))
                continue
        else:
            chrome = 0
        st = (chars, links, value, d1, d2, d3)
        stats[el] = st
        done.append((tail_chars, kinds.get(tag, _INLINE), st, named))
        if prose:
            # the container's weight (:func:`_weight`)
            weight = _TAG_WEIGHTS.get(tag, 0)
            if _is_article_body(el):
                weight += ARTICLE_BODY_WEIGHT
            if content:
                weight += HINT_WEIGHT
            if chrome:
                weight -= HINT_WEIGHT
            scores[el] = prose + weight
            proses[el] = prose
    return _Page(stats, pruned, scores, proses)


def _link_density(page: _Page, el: etree._Element) -> float:
    chars, links = page.stats[el][:2] if el in page.stats else (0, 0)
    return min(1.0, links / chars) if chars else 1.0


def _pruned_above(page: _Page, el: etree._Element) -> int:
    """The strongest chrome verdict on the element and its ancestors (0: none)."""
    return max((page.pruned[a][0] for a in (el, *el.iterancestors()) if a in page.pruned),
               default=0)


def _ranked(page: _Page) -> list[tuple[float, etree._Element]]:
    """Containers by score scaled by ``1 - link density``, best first (ties: document
    order)."""
    ranked = sorted(((s * (1 - _link_density(page, el)), i, el)
                     for i, (el, s) in enumerate(page.scores.items())),
                    key=lambda t: (-t[0], t[1]))
    return [(score, el) for score, _, el in ranked]


def _best(page: _Page, ranked: list[tuple[float, etree._Element]]) -> tuple[etree._Element | None, float]:
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


def _same_kind(classes: set[str], other: str | None) -> bool:
    """Do two class values name the same kind of container: the same classes, or a
    shared first class (``story-body story-body-1`` and ``story-body story-body-2``,
    ``content lead`` and ``content``)?"""
    words = (other or "").split()
    if not classes:
        return not words
    return set(words) == classes or bool(words) and words[0] in classes
    

def _promote(page: _Page, best: etree._Element, score: float, ranked: list[tuple[float, etree._Element]]
             ) -> etree._Element:
    """The article container around the best one: its ``itemprop="articleBody"``
    ancestor when it has one; else the lowest ancestor that also holds the rivals
    (containers of its tag and class, outside it, scoring at least :data:`RIVAL_SHARE`
    of it among the top :data:`RIVALS`: an article cut into chunks), when that ancestor is not the body
    and not link-heavy."""
    ancestors = list(best.iterancestors())
    for el in ancestors:
        if _is_article_body(el) and el in page.stats:
            return el
    classes = set((best.get("class") or "").split())
    rivals = [el for s, el in ranked[:RIVALS] if s >= RIVAL_SHARE * score and el is not best
              and el.tag == best.tag and _same_kind(classes, el.get("class"))]
    lowest = {a: i for i, a in enumerate(ancestors)}
    top = -1
    for rival in rivals:
        if best in rival.iterancestors() or rival in lowest or _pruned_above(page, rival):
            continue
        common = next((lowest[a] for a in rival.iterancestors() if a in lowest), None)
        if common is not None:
            top = max(top, common)
    if top < 0:
        top = _common_ancestor(page, best, score, ranked, lowest)
    if top < 0:
        return best
    container = ancestors[top]
    if container.tag in ("body", "html") or container not in page.stats \
            or _link_density(page, container) > LINK_HEAVY:
        return best
    return container


def _common_ancestor(page: _Page, best: etree._Element, score: float,
                     ranked: list[tuple[float, etree._Element]], lowest: dict[etree._Element, int]) -> int:
    """Readability's rule for an article in parts of other kinds (an introduction and
    its steps): the lowest ancestor of the best container that holds at least
    :data:`ALTERNATIVES` of the other containers among the top :data:`TOP_CANDIDATES`
    scoring :data:`ALTERNATIVE_SHARE` of it (the index in ``lowest``; -1: none)."""
    others = [el for s, el in ranked[:TOP_CANDIDATES] if el is not best and s >= ALTERNATIVE_SHARE * score
              and el not in lowest and best not in el.iterancestors() and not _pruned_above(page, el)]
    if len(others) < ALTERNATIVES:
        return -1
    counts = [0] * len(lowest)
    for el in others:
        for a in el.iterancestors():
            if a in lowest:
                counts[lowest[a]] += 1
    return next((i for i, n in enumerate(counts) if n >= ALTERNATIVES), -1)


def _joins(page: _Page, sibling: etree._Element, best: etree._Element, best_score: float) -> bool:
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
    return _prose_paragraph(page, sibling)


def _prose_paragraph(page: _Page, el: etree._Element) -> bool:
    """Readability's paragraph of prose: longer than :data:`PROSE_CHARS` with under a
    quarter of link text, or shorter, link-free and ending a sentence (a tagline, a
    byline or a date does not)."""
    chars, density = page.stats[el][0], _link_density(page, el)
    if chars > PROSE_CHARS:
        return density < PROSE_LINKS
    return density == 0 and bool(_SENTENCE_END_RE.search(_text(el)))


def _words(text: str | None) -> str:
    """Lower-case words of a text joined by single spaces (for comparing titles)."""
    return " ".join(_WORD_RE.findall(text.casefold())) if text else ""


# Between a title's headline and the site's name: " | ", " - ", " – ", " :: ", " · " ...
# Wider than HL001's separators (which remove what follows them, so leave out the dashes a
# headline's own text holds): here the part before one only adds a statement to compare with.
_TITLE_SEPARATOR_RE = re.compile(r"\s+[|–—·:-]+\s+")


def page_titles(doc: etree._Element) -> list[str]:
    """The page's own statements of its headline: ``og:title`` / ``twitter:title`` and
    ``<title>``, as lower-case words (read before the head is removed), and the ``<title>``'s
    part before its first separator when that part is of two words or more ("About bugs"
    of "About bugs – Vortex Cannon Entertainment": a short headline is less than half of
    a title that holds a long site name)."""
    titles = []
    for meta in doc.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:title",
                                                                         "twitter:title"):
            titles.append(_words(meta.get("content")))
    title = doc.find(".//title")
    if title is not None:
        text = "".join(title.itertext())
        titles.append(_words(text))
        parts = _TITLE_SEPARATOR_RE.split(text, 1)
        if len(parts) == 2 and " " in (first := _words(parts[0])):
            titles.append(first)
    return [t for t in titles if t]


def headline(body: etree._Element, titles: list[str]) -> etree._Element | None:
    """The page's headline element: the first ``<h1>`` (else ``<h2>``) whose words agree
    with a title of the page -- equal to it, or a run of its words that is at least half
    of them (the rest being the site's name).  A site logo in an ``<h1>`` is a shorter part of
    the title and does not agree, and one that is the whole title (a page titled with the
    site's name) is a link to the home page (:func:`_names_site`).  None when no heading
    agrees (no rule needs tuning: the page states its headline twice, in the head and in
    the body)."""
    if not titles:
        return None
    for tag in ("h1", "h2"):
        for heading in body.iter(tag):
            if _agrees(heading, titles) and not _names_site(heading):
                return heading
    return None


def _names_site(heading: etree._Element) -> bool:
    """Is a heading the site's name (a logo): all of its text a link to the site's home
    page?  A page whose title is the site's name states no headline."""
    link = next(heading.iter("a"), None)
    if link is None:
        link = next(heading.iterancestors("a"), None)
    if link is None or _words("".join(link.itertext())) != _words("".join(heading.itertext())):
        return False
    href = (link.get("href") or "").strip()
    if not href:
        return False
    parts = urlsplit(href)
    return parts.path in ("", "/") and not parts.query and not parts.fragment


def _agrees(heading: etree._Element, titles: list[str]) -> bool:
    """Do a heading's words agree with a title of the page (:func:`headline`)?"""
    words = _words("".join(heading.itertext()))
    return bool(words) and any(
        words == title or (2 * words.count(" ") + 2 >= title.count(" ") + 1
                           and f" {words} " in f" {title} ") for title in titles)


def _prose_chars(page: _Page, el: etree._Element) -> int:
    """Characters of ``el`` when it is a paragraph of prose outside pruned chrome, else 0."""
    st = page.stats.get(el)
    if st is None or not st[2] or not _prose_paragraph(page, el) or _pruned_above(page, el):
        return 0
    return st[0]


def _second_opinion(page: _Page, ranked: list[tuple[float, etree._Element]], best: etree._Element, body: etree._Element,
                    head: etree._Element | None) -> etree._Element | None:
    """The headline's view of the article.  The article starts near its headline: when
    the chosen container comes after the headline (not holding it) and the prose
    paragraphs between the two outweigh the container's own prose, the container is a
    part of the page (a notice, a reference list) and the article is the best-scoring
    element holding both the first of those paragraphs and the container.  Prose of comparable
    weight on both sides needs no constant; a standfirst between the headline and the
    body, a headline below the article or a page without a headline that agrees with
    its title leave the choice alone (None)."""
    if head is None or best is head or best in head.iterancestors():
        return None
    skipped, first, seen = 0, None, False
    for el in body.iter():
        if el is best:
            break
        if el is head:
            seen = True
        elif seen:
            chars = _prose_chars(page, el)
            if chars:
                skipped += chars
                if first is None:
                    first = el
    else:
        return None
    if not seen or first is None:
        return None
    mine = set(best.iterancestors())
    # the headline opens a chunk of the container's tag and class: one article
    kind = (best.tag, best.get("class"))
    chunk = kind[1] is not None and any((a.tag, a.get("class")) == kind
                                        for a in head.iterancestors() if a not in mine)
    if not chunk and skipped <= sum(_prose_chars(page, el) for el in best.iter()):
        return None
    common = next((a for a in first.iterancestors() if a in mine), body)
    # the best-scoring container holding both (scores decay upwards, so usually the
    # lowest; a class/id naming the article outweighs the decay)
    rank = {el: score for score, el in ranked}
    options = [(rank[a], i, a) for i, a in enumerate((common, *common.iterancestors()))
               if a in rank and a is not body and a.tag != "html" and not _pruned_above(page, a)]
    return min(options, key=lambda t: (-t[0], t[1]))[2] if options else body


def _header_only(page: _Page, ranked: list[tuple[float, etree._Element]], best: etree._Element,
                 head: etree._Element | None) -> etree._Element | None:
    """The article when the chosen container is only its header -- it holds the page's
    headline but no paragraph of prose (a headline and a byline in a box that its class
    words carried) and under :data:`SIBLING_SHARE` of the text of the best container
    after the headline: that container; else None."""
    if head is None or not (best is head or best in head.iterancestors()):
        return None
    if any(_prose_chars(page, el) for el in best.iter()):
        return None
    order = {el: i for i, el in enumerate(head.getroottree().iter())}
    rest = [(s, el) for s, el in ranked if el is not best and best not in el.iterancestors()
            and el not in best.iterancestors() and order.get(el, -1) > order[head]]
    found = _best(page, rest)[0]
    if found is None or page.stats[best][0] >= SIBLING_SHARE * page.stats[found][0]:
        return None
    return found


def _another_article(el: etree._Element, head: etree._Element,
                     names_page: Callable[[etree._Element], bool]) -> bool:
    """Is ``el`` another article than the page's: it does not hold the page's headline
    (``head``, an ``<h1>``: a page that heads its article with an ``<h2>`` leaves the
    choice alone) and opens with an ``<h1>`` (:func:`_opening_h1`) that ``names_page``
    rejects -- against the page's headline, one whose words no title of the page states
    (:func:`_agrees`); against a stand-in (:func:`_stand_in_headline`), one that shares
    no word of :data:`TITLE_WORD_LETTERS` letters or more with a title (:func:`_title_words`)
    -- the next story, which a site that loads articles as the reader scrolls writes into
    the page after its own?  A subheading comes after the article's first paragraph or is
    no ``<h1>``."""
    if head.tag != "h1" or el is head or el in head.iterancestors():
        return False
    opening = _opening_h1(el)
    return opening is not None and not names_page(opening)


def _opening_h1(el: etree._Element) -> etree._Element | None:
    """The ``<h1>`` that opens ``el``: its first, with less than :data:`PROSE_CHARS`
    characters of text before it (a label, a kicker: no paragraph of prose, however it
    is written); else None."""
    before = 0  # characters of text before the first <h1>, in document order
    for event, child in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if child.tag == "h1":
                return child
            text = child.text
        else:
            text = child.tail if child is not el else None
        if text:
            before += len(text.strip())
            if before >= PROSE_CHARS:
                return None  # a paragraph's worth of text first: a subheading, if any
    return None


def _title_words(heading: etree._Element, titles: list[str]) -> set[str]:
    """The words of :data:`TITLE_WORD_LETTERS` letters or more that a heading shares with
    the page's titles."""
    text = "".join(heading.itertext())
    words = {w for w in _WORD_RE.findall(text.casefold()) if len(w) >= TITLE_WORD_LETTERS}
    return words.intersection(w for title in titles for w in title.split())


def _stand_in_headline(body: etree._Element, titles: list[str]) -> etree._Element | None:
    """The page's headline for the other-article test on a page whose headings state no
    title word for word (:func:`headline` found none: a headline written otherwise than
    the title, a title that abbreviates it): its first ``<h1>`` that shares a word of
    :data:`TITLE_WORD_LETTERS` letters or more with a title (not the site's logo); None
    when no ``<h1>`` does.  Against it, another story is one whose ``<h1>`` shares none
    (:func:`_another_article`)."""
    if not titles:
        return None
    for heading in body.iter("h1"):
        if not _names_site(heading) and _title_words(heading, titles):
            return heading
    return None


def _other_article(page: _Page, ranked: list[tuple[float, etree._Element]], best: etree._Element,
                   body: etree._Element, head: etree._Element | None,
                   another: Callable[[etree._Element], bool]) -> etree._Element | None:
    """The page's own article when the chosen container is another one
    (:func:`_another_article`) after the page's headline: the best container
    (:func:`_best`) outside it that holds the headline or stands between the two, when the
    article it promotes to (:func:`_promote`) holds at least :data:`SIBLING_SHARE` of the
    other's text -- or that promoted article itself when it holds the other one too; None
    when there is none or the container is the page's."""
    if head is None or not another(best):
        return None
    order = {el: i for i, el in enumerate(body.iter())}
    start, end = order[head], order[best]
    if start > end:
        return None
    around = set(best.iterancestors())
    heading = set(head.iterancestors())
    rest = [(score, el) for score, el in ranked
            if el not in around and el is not best and best not in el.iterancestors()
            and (el in heading or start <= order[el] < end)]
    found, score = _best(page, rest)
    if found is None:
        return None
    # an article beside the other one holds a fifth of its text, as a sibling that joins the
    # root holds a fifth of its score (readability's share): a standfirst or a byline box
    # between the headline and the article's body (whose sections open with <h1>s) does not.
    # Its text is that of the container it promotes to (an article written as chunks of one
    # kind: :func:`_promote`, among the candidates outside the other article); when that
    # container holds the other article too, the other is a part of the page's (a section
    # that opens with an <h1>) and the container is the article
    article = _promote(page, found, score, rest)
    if article in best.iterancestors():
        return article
    if page.stats[article][0] < SIBLING_SHARE * page.stats[best][0]:
        return None
    return found


def _roots(page: _Page, body: etree._Element, head: etree._Element | None = None,
           titles: list[str] | None = None) -> list[etree._Element]:
    """The elements whose text is the article: the best container (after the headline's
    second opinions, :func:`_promote` and :func:`_unwrap`) and the siblings that join it, in
    document order; the body when nothing scored."""
    ranked = _ranked(page)
    best, score = _best(page, ranked)
    if best is None:
        return [body]
    overruled = None
    titles = titles or []
    article = _header_only(page, ranked, best, head)
    if article is not None:  # the chosen container was the article's header
        overruled, best = best, article
        score = page.scores.get(best, 0.0)
    # the other-article test reads the page's headline; without one that states the title,
    # the first <h1> that shares the title's words, against which another story's shares none
    story_head = head if head is not None else _stand_in_headline(body, titles)

    def names_page(h1: etree._Element) -> bool:
        return _agrees(h1, titles) if head is not None else bool(_title_words(h1, titles))

    def another(el: etree._Element) -> bool:
        return story_head is not None and _another_article(el, story_head, names_page)

    other = _other_article(page, ranked, best, body, story_head, another)
    if other is None:
        other = _second_opinion(page, ranked, best, body, head)
    if other is not None:
        if other is body:
            return [body]
        overruled, best = best, other
        score = page.scores.get(best, 0.0)
    if story_head is not None:
        # other articles (the next story in a container of the article's own kind) are no
        # chunks of the article, nor its alternatives
        others = [el for _, el in ranked[:RIVALS] if el is not best and another(el)]
        if others:
            ranked = [(s, el) for s, el in ranked if not any(
                el is o or o in el.iterancestors() for o in others)]
    promoted = _promote(page, best, score, ranked)
    if promoted is not best:
        best, score = promoted, max(score, page.scores.get(promoted, 0.0))
    else:
        best = _unwrap(page, best)
    parent = best.getparent()
    if parent is None:
        return [best]
    return [el for el in parent if el is best or (
        _joins(page, el, best, score)
        and (overruled is None or not (el is overruled or el in overruled.iterancestors()
                                       or overruled in el.iterancestors()))
        and (story_head is None or not another(el)))]


def _unwrap(page: _Page, best: etree._Element) -> etree._Element:
    """A box around the article's last part: when the best container is all its parent
    holds (beside it at most a label, a link or an empty box: no text of
    :data:`MIN_PARAGRAPH` characters, or chrome) and the parent stands among paragraphs of
    prose (a "Read more" box that unfolds the rest of the article, after its first
    paragraphs), the parent stands for it, so those paragraphs are asked to join the
    article as its siblings."""
    parent = best.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return best
    outer = parent.getparent()
    if outer is None or outer.tag in ("body", "html"):
        return best
    beside = len(parent.text.strip()) if parent.text else 0
    for child in parent:
        if child.tail:
            beside += len(child.tail.strip())
        if child is best or not isinstance(child.tag, str) or child in page.pruned:
            continue
        st = page.stats.get(child)
        if st is not None:
            beside += st[0]
    if beside >= MIN_PARAGRAPH:
        return best
    if not any(c.tag == "p" and c in page.stats and _prose_paragraph(page, c) for c in outer):
        return best
    return parent


def _describe(el: etree._Element) -> str:
    """``<tag class=... id=... itemprop=...>`` of an element, for the report."""
    attrs = "".join(f" {name}={el.get(name)}" for name in ("itemprop", "id", "class")
                    if el.get(name))
    return f"<{el.tag}{attrs[:80]}>"


def _items(page: _Page, roots: list[etree._Element]) -> set[etree._Element]:
    """List items that carry text of their own (link density under
    :data:`ITEM_MAX_LINKS`): they are written as ``- item`` lines.  A menu's or a
    related-links box's items are links and stay plain lines."""
    return {li for root in roots for li in root.iter("li")
            if _link_density(page, li) < ITEM_MAX_LINKS}


def _data_rows(roots: list[etree._Element]) -> set[etree._Element]:
    """Rows of data tables (no paragraph, list or table inside a cell): they are written
    as one ``| cell | cell`` line each.  Layout tables keep one line per block."""
    rows: set[etree._Element] = set()
    for root in roots:
        for table in root.iter("table"):
            if any(True for _ in table.iter("p", "div", "table", "ul", "ol", "h1", "h2", "h3")
                   if _ is not table):
                continue
            rows.update(table.iter("tr"))
    return rows


def _lines(page: _Page, roots: list[etree._Element]) -> list[str]:
    """Text of the roots with a line break around every block element (iterative),
    pruned chrome left out; list items with text of their own start with ``- ``,
    data-table rows are one line with cells separated by `` | ``."""
    items, rows = _items(page, roots), _data_rows(roots)
    parts: list[str] = []
    pending = ""  # a list or row marker waiting for the first text of its line

    def text(value: str | None) -> None:
        nonlocal pending
        if not value:
            return
        if value.isspace():  # the space between two inline elements ("<a>Gecko</a> <a>layout</a>")
            parts.append(" ")
        else:
            if pending:
                parts.append(pending)
                pending = ""
            parts.append(value)

    pruned = page.pruned
    for root in roots:
        walk = etree.iterwalk(root, events=("start", "end"))
        for event, el in walk:
            tag = el.tag
            if not isinstance(tag, str):
                tag = ""
            skipped = el in pruned
            cell = bool(rows) and tag in ("td", "th") and el.getparent() in rows
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
                value = el.text
                if value:
                    text(value)
            else:
                if tag in _BLOCKS and not cell and not skipped:
                    parts.append("\n")
                    if el in items or el in rows:
                        pending = ""
                if el is not root:
                    value = el.tail
                    if value:
                        text(value)
        parts.append("\n")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _json_ld_bodies(value: object, depth: int = 0) -> Iterator[str]:
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


def json_ld_body(doc: etree._Element) -> str:
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


def _hidden(el: etree._Element) -> bool:
    """Is the element never shown: out of view (:func:`_out_of_view`), placed off the page
    (:data:`_OFF_PAGE_STYLE_RE`) or ``aria-hidden="true"``?"""
    return (_out_of_view(el) or (el.get("aria-hidden") or "").strip().lower() == "true"
            or _OFF_PAGE_STYLE_RE.search(el.get("style") or "") is not None)


def _out_of_view(el: etree._Element) -> bool:
    """Is the element hidden from view: ``hidden``, or a style of ``display: none`` /
    ``visibility: hidden``?  (``aria-hidden`` hides it from screen readers only.)"""
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE_RE.search(el.get("style") or ""))


def _may_hide(el: etree._Element) -> bool:
    """May the element be hidden (:func:`_hidden` decides): it has a ``hidden`` or an
    ``aria-hidden`` attribute, or a style that holds ``none``, ``hidden`` (as written:
    a style in capitals is not asked about) or a minus sign (a place off the page).  Asked
    of each element in turn, which is faster than the XPath query ``.//*[@hidden or
    @aria-hidden or contains(@style, 'none') or contains(@style, 'hidden') or
    contains(@style, '-')]`` that selects the same elements."""
    if el.get("hidden") is not None or el.get("aria-hidden") is not None:
        return True
    style = el.get("style")
    return style is not None and ("none" in style or "hidden" in style or "-" in style)


def _visible_chars(el: etree._Element) -> int:
    """Characters of an element's text other than white space."""
    text = _text(el)
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t")


def _remove(el: etree._Element) -> None:
    """Remove an element and its subtree, keeping its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def strip_hidden(body: etree._Element) -> int:
    """Remove the elements a browser never shows (popups, flyouts, consent panels,
    MathML kept for screen readers), except one holding half of the page's text (a page
    that hides its article until a script runs keeps it) and the folded rest of the
    article (:func:`_folded_rest`).  The number of elements removed."""
    hidden = [el for el in body.iterdescendants(etree.Element) if _may_hide(el) and _hidden(el)]
    if not hidden:
        return 0
    # the hidden elements inside no other hidden element (asking each one's ancestors,
    # not listing the subtrees)
    marked = set(hidden)
    tops = [el for el in hidden if not any(a in marked for a in el.iterancestors())]
    total = _visible_chars(body)
    outer = [el for el in tops if 2 * _visible_chars(el) < total and not _folded_rest(el)]
    for el in outer:
        _remove(el)
    return len(outer)


def _folded_rest(el: etree._Element) -> bool:
    """Is a hidden element the folded rest of the article (what a "Read more" button
    unfolds): hidden from view (``hidden``, ``display: none``, ``visibility: hidden``; an
    element ``aria-hidden`` from screen readers is a decorative copy, a pull quote, and one
    placed off the page is never unfolded), it
    holds a paragraph's worth of text (:data:`PROSE_CHARS`), and it, or the box that holds
    it, comes right after a paragraph (a ``<p>`` with text)?  A popup, a flyout or a
    consent panel stands apart from the article's paragraphs."""
    if not _out_of_view(el):
        return False  # hidden from screen readers only (aria-hidden): a decorative copy
    if _visible_chars(el) < PROSE_CHARS:
        return False
    for node in (el, el.getparent()):
        if node is None:
            break
        before = node.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()  # a comment or a processing instruction
        if before is not None and before.tag == "p" and _visible_chars(before):
            return True
    return False


def _lost_text(doc: etree._Element, markup: str) -> bool:
    """Did the parser drop most of the page's text (asked when it stopped on a fatal
    error: a tree nested past its limit)?"""
    parsed = len(_text(doc).split())
    return parsed < 0.5 * len(strip_tags(markup).split())


def _parse_tolerant(markup: str) -> etree._Element | None:
    """The page parsed by a tolerant parser (Python's, through BeautifulSoup) and
    written out again for lxml: for markup lxml mangles, such as a ``<title>`` that is
    never closed (libxml2 reads the rest of the page as the title).  None when it
    fails."""
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(markup, "html.parser")
    except Exception:  # noqa: BLE001 -- the fallback parser must never raise
        return None
    return _parse(str(soup))


# What a document's <head> holds.  libxml2, a parser of HTML 4, leaves in <head> the
# rest of a page that omits its <body> tag and goes on with an element it does not know
# (``<main>``, ``<header>``), where a browser (the HTML5 parsing algorithm) starts the body.
_HEAD_ELEMENTS = frozenset({"title", "meta", "link", "base", "script", "style", "noscript",
                            "template"})


def _body(doc: etree._Element) -> etree._Element:
    """The page's body (the document when it has none), with the elements that libxml2
    left in ``<head>`` after its head (the first that a head does not hold, and all after
    it) moved to the start of the body, as a browser reads them."""
    body = doc.find("body")
    head = doc.find("head")
    if head is not None:
        first = next((i for i, el in enumerate(head)
                      if isinstance(el.tag, str) and el.tag not in _HEAD_ELEMENTS), None)
        if first is not None:
            if body is None:
                body = etree.SubElement(doc, "body")
            for el in reversed(head[first:]):
                body.insert(0, el)
    return body if body is not None else doc


def _visible_body(doc: etree._Element) -> tuple[etree._Element, int]:
    """The page's body (:func:`_body`) without its non-text elements, without the
    elements a browser never shows and without sign-up boxes, and how many of those
    were removed."""
    body = _body(doc)
    etree.strip_elements(body, *_NOT_TEXT, with_tail=False)
    hidden = strip_hidden(body)
    return body, hidden + strip_sign_up_boxes(body)


# A form that asks for an e-mail address (a newsletter's, a comment form's).
_EMAIL_FORMS = etree.XPath(
    ".//form[.//input[@type='email' or contains(translate(@name, 'EMAIL', 'email'), 'mail')"
    " or contains(translate(@placeholder, 'EMAIL', 'email'), 'mail')]]")
# Words a sign-up box holds around its form at most: its heading and its pitch.  No page of
# either development set changes for any limit from 20 to 80 (their 109 boxes around e-mail
# forms lie outside the article anyway); the low end, since a box that shares its wrapper with a
# paragraph of the article takes the paragraph with it, and a wrong removal costs more than a miss.
SIGN_UP_WORDS = 20
_BOX_STOPS = frozenset({"body", "article", "main", "html"})


def strip_sign_up_boxes(body: etree._Element) -> int:
    """Remove each sign-up box: the largest element around a form that asks for an
    e-mail address whose other text holds at most :data:`SIGN_UP_WORDS` words (two
    characters of Chinese or Japanese count as a word:
    :func:`~cleantext.text.words.word_count`).  The newsletter's heading and pitch go with
    its form; an article that holds the form has more words and stays.  The number of
    boxes removed (a box around two forms counts once)."""
    boxes: dict[etree._Element, None] = {}
    for form in _EMAIL_FORMS(body):
        own = word_count("".join(form.itertext()))
        box, parent = form, form.getparent()
        while (parent is not None and parent is not body and parent.tag not in _BOX_STOPS
               and word_count("".join(parent.itertext())) - own <= SIGN_UP_WORDS):
            box, parent = parent, parent.getparent()
        if box is not form:
            boxes[box] = None
    for box in boxes:
        if box.getparent() is not None:
            _remove(box)
    return len(boxes)


def _extract_tree(doc: etree._Element, without: tuple[str, ...] = ()
                  ) -> tuple[Extraction, etree._Element | None]:
    """The DOM stage on a parsed page: the extraction and the page's body (after its
    non-text and hidden elements are removed, and the elements at the paths ``without``,
    read in that tree)."""
    ld_body = json_ld_body(doc)
    titles = page_titles(doc)
    body, hidden = _visible_body(doc)
    tree = body.getroottree()
    for path in without:
        for el in tree.xpath(path):
            _remove(el)
    head = headline(body, titles)
    title = head if head is not None else body.find(".//h1")
    page = _measure(body, title)
    roots = _roots(page, body, head, titles)
    if _thread(page, roots, body):
        posts = _measure(body, title, comments=True)
        found = _roots(posts, body, head, titles)
        if found[0] is not body:  # the posts hold the paragraphs
            page, roots = posts, found
    text = "\n".join(_lines(page, roots))
    root = _describe(roots[0]) + (f" and {len(roots) - 1} siblings" if len(roots) > 1 else "")
    if _prefer_json_ld(ld_body, text):
        return Extraction(ld_body, "json-ld", root, len(page.pruned) + hidden, article=True), body
    article = bool(text) and roots[0] is not body
    return Extraction(text, "dom" if text else "empty", root, len(page.pruned) + hidden,
                      article=article, paths=tuple(map(tree.getpath, roots)) if article else ()), body


def _thread(page: _Page, roots: list[etree._Element], body: etree._Element) -> bool:
    """Is the page a thread of posts (a forum, a Q&A page) rather than an article with
    comments?  It is when comment sections were pruned and no container was found
    (the body) or the one found holds no paragraph: the page has no other
    article, so the posts are its content when they hold a container of paragraphs.
    A short article above long comments keeps its comments out."""
    if not any(verdict == HARD for verdict, _ in page.pruned.values()):
        return False
    return roots[0] is body or not any(page.prose.get(el) or page.stats[el][2]
                                       for el in roots if el in page.stats)


def _whole_page(body: etree._Element) -> str:
    """Every line of the body's text, chrome included (the fallback when the chosen
    container is empty: the text pipeline's block scoring then finds the article)."""
    page = _Page({}, {}, {}, {})
    return "\n".join(_lines(page, [body]))


def _document(html: str | bytes | bytearray) -> tuple[str, etree._Element | None, bool]:
    """The page's markup, its parsed document (None when it cannot be parsed) and
    whether its text must be read by tag stripping instead (more than MAX_TAGS tags,
    or a tree deeper than the parser holds)."""
    if not isinstance(html, (str, bytes, bytearray)):
        raise TypeError(f"cleantext expects HTML as str or bytes, got {type(html).__name__}")
    raw = bytes(html) if isinstance(html, bytearray) else html
    markup, utf8 = _decode(raw)
    if markup.count("<") > MAX_TAGS:
        return markup, None, True
    capped = _cap_attributes(markup)
    doc, stopped = _parse_page(capped, utf8 if capped is markup else None)
    if doc is not None and stopped and _lost_text(doc, markup):
        return markup, None, True
    return markup, doc, False


def extract_whole_page(html: str | bytes | bytearray, chosen: str = "") -> Extraction:
    """Every line of the page's body, chrome included (non-text and hidden elements
    removed), with ``article=False``: what block scoring reads when the container the
    DOM stage chose (``chosen``) held only what the text rules remove (a consent panel,
    a comment form, all of it rule phrases), the second opinion of the text track."""
    markup, doc, strip = _document(html)
    if strip or doc is None:
        return Extraction(strip_tags(markup), "tag-strip" if strip else "all-removed", chosen)
    body, hidden = _visible_body(doc)
    return Extraction(_whole_page(body) or strip_tags(markup), "all-removed", chosen, hidden)


def extract(html: str | bytes | bytearray, without: tuple[str, ...] = ()) -> Extraction:
    """The article text of an HTML page, one block element per line, and how it was
    found (see the module docstring).  ``without``: the paths of elements to leave out
    (an earlier extraction's ``paths``, whose text the rules removed entirely), so the
    DOM stage chooses again.

    A page with text never comes back empty: when the DOM stage finds nothing, the page
    is parsed again by a tolerant parser (markup lxml mangles, such as an unclosed
    ``<title>``), and when that finds nothing either, the whole page's text is returned
    (``source="whole-page"``, ``article=False``: block scoring chooses the article)."""
    markup, doc, strip = _document(html)
    if strip:
        return Extraction(strip_tags(markup), "tag-strip")
    if doc is None:
        if not strip_tags(markup):
            return Extraction("", "empty")
        result, body = Extraction("", "empty"), None
    else:
        result, body = _extract_tree(doc, without)
        if result.text:
            return result
    fallback = strip_tags(markup)
    if not fallback:
        return result
    repaired = _parse_tolerant(markup)
    if repaired is not None:
        second, second_body = _extract_tree(repaired)
        if second.text:
            second.source = "repaired" if second.source == "dom" else second.source
            return second
        if body is None or _visible_chars(second_body) > _visible_chars(body):
            body = second_body
    whole = _whole_page(body) if body is not None else ""
    return Extraction(whole or fallback, "whole-page", result.root, result.pruned)


def html_to_text(html: str | bytes) -> str:
    """The visible text of an HTML page's article, one block element per line."""
    return extract(html).text

