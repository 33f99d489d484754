"""The DOM stage's shortcuts answer as the readings they stand for: a class/id verdict
read through the hint-word pattern and the per-word memory is the verdict of the words
of :func:`_hint_words`; the text read by libxml2 in one call is the joined ``itertext``; a page read from its
UTF-8 bytes is the tree read from its str."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleantext.io import html as H

_PIECES = sorted(H._VOCABULARY | {"x", "ab", "Body", "Content", "TEXT", "İ", "Σ", "é", "42"})
_SEPARATORS = ["", "", "", "-", "_", " ", "  ", "\t", "\x1c", ".", "--", "__"]


@st.composite
def class_values(draw):
    """Class/id values of glued, camel-cased and separated vocabulary words and others."""
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        word = draw(st.sampled_from(_PIECES) | st.text(max_size=6))
        if len(word) > 1 and draw(st.booleans()):  # a word cut by a separator ("side-bar")
            cut = draw(st.integers(1, len(word) - 1))
            word = word[:cut] + draw(st.sampled_from(["-", "_", " ", "--"])) + word[cut:]
        style = draw(st.sampled_from(["lower", "title", "upper", "same"]))
        word = {"lower": word.lower(), "title": word.title(), "upper": word.upper()}.get(style, word)
        parts.append(word + draw(st.sampled_from(_SEPARATORS)))
    return "".join(parts)


def _reference(value: str) -> tuple[frozenset[str], bool, bool, bool]:
    if not value or value.isspace():
        return H._NO_HINTS
    words = H._hint_words(value)
    return (words & H.CHROME_HINTS, bool(words & H.COMMENT_HINTS),
            bool(words & H.CONTENT_HINTS), H._names_body(value))


@settings(max_examples=1500, deadline=None)
@given(class_values(), st.booleans())
def test_a_class_verdict_is_that_of_its_words(value, forget):
    if forget:  # read afresh, or through what earlier values left remembered
        H._HINTS_CACHE.clear()
        H._GLUED.clear()
        H._UNGLUED.clear()
    verdict = H._value_hints(value)
    assert verdict == _reference(value)
    assert type(verdict[0]) is frozenset
    assert H._value_hints(value) == verdict  # remembered


@settings(max_examples=1500, deadline=None)
@given(class_values())
def test_the_hint_pattern_finds_a_text_that_holds_a_hint_word(value):
    text = value.lower()
    assert bool(H._HINT_NEEDLE_RE.search(text)) == any(w in text for w in H._HINT_VOCABULARY)


_TEXTS = st.sampled_from(["", "", "a, b", " ", "x\n", "，、", "&amp; c", "ü,", "<!-- c -->"])


@st.composite
def fragments(draw):
    def element(depth):
        tag = draw(st.sampled_from(["p", "span", "a", "div", "br", "em", "li"]))
        inner = "" if depth > 3 else "".join(
            element(depth + 1) + draw(_TEXTS) for _ in range(draw(st.integers(0, 3))))
        return f"<{tag}>{draw(_TEXTS)}{inner}</{tag}>{draw(_TEXTS)}"
    return "<html><body>" + "".join(element(0) for _ in range(draw(st.integers(1, 3)))) + "</body></html>"


@settings(max_examples=400, deadline=None)
@given(fragments(), st.booleans())
def test_the_text_of_an_element_is_its_joined_itertext(markup, comments):
    parser = etree.HTMLParser(**H._PARSER_OPTIONS) if not comments else etree.HTMLParser()  # comments kept too
    doc = etree.fromstring(markup, parser)
    for el in doc.iter(etree.Element):
        assert H._text(el) == "".join(el.itertext())


_MARKUP_TEXTS = st.sampled_from(["", "a, b", "é ü", "你好", "😀", "&amp; &nbsp;", "<!-- c -->", "\u2028",
                                  "<title>t", "</p>", "<?pi x?>", "\r\n", "\x0c", "&#x1F600;"])


@settings(max_examples=400, deadline=None)
@given(fragments(), st.lists(_MARKUP_TEXTS, max_size=4), st.booleans())
def test_a_page_is_parsed_from_its_utf8_bytes_as_from_its_str(markup, extra, as_bytes):
    """libxml2 reads the page's UTF-8 (given, or encoded from the str) into the tree
    it reads from the str's characters."""
    markup = "".join(extra) + markup + "".join(extra)
    want = etree.fromstring(markup, etree.HTMLParser(**H._PARSER_OPTIONS)) if markup.strip() else None
    got = H._parse(markup, markup.encode("utf-8") if as_bytes else None)
    assert (got is None) == (want is None)
    if want is not None:
        assert etree.tostring(got, encoding=str) == etree.tostring(want, encoding=str)


_LONE_SURROGATE = "\ud800"


@settings(max_examples=200, deadline=None)
@given(_MARKUP_TEXTS, st.booleans())
def test_a_str_page_hands_the_parser_its_utf8_unless_a_surrogate_or_nul(text, odd):
    page = "<p>" + text + (_LONE_SURROGATE if odd else "") + "</p>"
    markup, utf8 = H._decode(page)
    if odd:  # a lone surrogate: replaced, and the str is read as characters
        assert utf8 is None and markup == page.replace(_LONE_SURROGATE, "\ufffd")
    else:
        assert markup == page and utf8 == page.encode("utf-8")
    assert H._decode("<p>a\x00b</p>")[1] is None


def test_the_parser_says_when_it_stopped_on_a_tree_nested_past_its_limit():
    def stopped(markup, as_bytes):
        return H._parse_page(markup, markup.encode("utf-8") if as_bytes else None)[1]
    flat = "<html><body>" + "<p>x</p>" * 3000 + "</body></html>"
    deep = "<html><body>" + "<div>" * 2100 + "x" + "</div>" * 2100 + "</body></html>"
    shallow = "<html><body>" + "<div>" * 1900 + "<p>x</p>" * 200 + "</div>" * 1900 + "</body></html>"
    errors = "<html><body>" + "<p>x</b></i>" * 500 + "<div>" * 2100 + "x" + "</div>" * 2100 + "</body></html>"
    for as_bytes in (False, True):
        assert not stopped(flat, as_bytes) and not stopped(shallow, as_bytes)
        assert stopped(deep, as_bytes) and stopped(errors, as_bytes)  # (after 500 other errors)
        assert not stopped("<p>a\x00b</p>", as_bytes)


def _capped_by_pattern(markup: str) -> str:
    """The capping as one substitution over the whole page."""
    if len(markup) < 5000:
        return markup

    def cap(candidate):
        m = H._LONG_TAG_RE.fullmatch(markup, candidate.start(), candidate.end())
        if m is not None and m.group(2).count("=") > H.MAX_ATTRIBUTES:
            return f"<{m.group(1)}>"
        return candidate.group(0)

    return H._LONG_TAG_CANDIDATE_RE.sub(cap, markup)


@st.composite
def long_tags(draw):
    """Pages of short tags, long texts and tags of many attributes, near the bounds."""
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["tag", "text", "attrs", "open"]))
        n = draw(st.sampled_from([0, 1, 999, 1000, 1001, 1200, 2499, 2500, 2501, 4999, 5001]))
        if kind == "tag":
            parts.append(draw(st.sampled_from(["<p>", "<div class=a>", "</p>", "<", ">", "<1"])))
        elif kind == "text":
            parts.append(draw(st.sampled_from(["x", " ", "é"])) * n)
        elif kind == "attrs":
            tag = draw(st.sampled_from(["div", "a", "x:y"]))
            attribute = draw(st.sampled_from([" a=1", " a=12", " ab=123"]))
            parts.append(f"<{tag}" + attribute * n + draw(st.sampled_from([">", "", " b>"])))
        else:
            parts.append("<div " + "y" * n)
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(long_tags())
def test_attributes_are_capped_as_one_substitution_caps_them(markup):
    assert H._cap_attributes(markup) == _capped_by_pattern(markup)


def _measure_by_children(body, title, comments=False):
    """The bottom-up pass as it reads each element's children from the stats of the pass
    (the definition the one-pass reading keeps)."""
    keep = set(title.iterancestors()) | {title} if title is not None else set()
    pruned, scores, proses, below, stats = {}, {}, {}, {}, {}
    for _, el in etree.iterwalk(body, events=("end",)):
        tag = el.tag
        chars = inline = len(el.text.strip()) if el.text else 0
        links = 0
        d1 = d2 = d3 = d4 = 0.0
        nested = False
        named = None
        for child in el:
            if child.tail:
                chars += len(child.tail.strip())
                inline += len(child.tail.strip())
            st = stats.get(child)
            if st is None:
                words = pruned[child][1]
                named = named | words if named else words
                continue
            words = below.get(child)
            if words:
                named = named | words if named else words
            chars += st[0]
            links += st[1]
            if child.tag in H._NESTED:
                nested = True
            elif child.tag not in H._BLOCKS:
                inline += st[0]
            d1, d2, d3, d4 = d1 + st[2], d2 + st[3], d3 + st[4], d4 + st[5]
        if tag == "a":
            links = chars
        value = 0.0
        if inline >= H.MIN_PARAGRAPH and tag in H._PARAGRAPHS:
            broken = (H._broken_paragraphs(el, pruned)
                      if sum(1 for child in el if child.tag == "br") >= 2 else [])
            if broken:
                d1 += sum(1 + H._commas(text) + min(len(text) / 100, 3) for text in broken)
            elif nested:
                d1 += H._paragraph_value(el, inline)
            else:
                value = H._paragraph_value(el, inline)
        prose = d1 + d2 / 2 + d3 / 6 + d4 / 9
        chrome, words = H._chrome(el, tag) if isinstance(tag, str) else (0, None)
        if chrome == H.SOFT and prose >= H.WRAPPER_PROSE and (
                named and words & named
                or links < H.PROSE_LINKS * chars and H._section_anchor(el)):
            chrome = 0
        if chrome == H.HARD and comments:
            chrome = 0
        if chrome and el not in keep:
            pruned[el] = (chrome, words | named if named else words)
            continue
        if named:
            below[el] = named
        stats[el] = (chars, links, value, d1, d2, d3)
        if prose:
            scores[el] = prose + H._weight(el, tag, chrome)
            proses[el] = prose
    return H._Page(stats, pruned, scores, proses)


_CLASSES = st.sampled_from([
    "", "", "", ' class="comment"', ' class="sidebar"', ' class="article-body sidebar"',
    ' class="content-with-sidebar"', ' class="entry-content"', ' class="jp-relatedposts"',
    ' id="respond"', ' itemprop="articleBody"', ' class="share" id="x"', ' class="story"',
    ' id="sharing-with-a-team" class="share"', ' class="navbox"', ' class="tag-link"'])
_WORDS = st.sampled_from(["", "", "Some words, and more words, in a sentence of prose here.",
                          "x", "A longer line of text, with commas, that makes a paragraph " * 3,
                          "，、 text", "  ", "<br><br>", "<br> <br>", "<br>"])


@st.composite
def scored_pages(draw):
    def element(depth):
        tag = draw(st.sampled_from(["div", "p", "span", "a", "section", "article", "nav",
                                    "aside", "li", "ul", "br", "h1", "h2", "td", "form", "em"]))
        inner = "" if depth > 4 else "".join(
            element(depth + 1) + draw(_WORDS) for _ in range(draw(st.integers(0, 4))))
        heading = "<h2>Sharing with a team</h2>" if draw(st.booleans()) and depth < 2 else ""
        return f"<{tag}{draw(_CLASSES)}>{heading}{draw(_WORDS)}{inner}</{tag}>{draw(_WORDS)}"
    return "<html><body>" + "".join(element(0) for _ in range(draw(st.integers(1, 4)))) + "</body></html>"


def _same_pass(body, comments):
    title = body.find(".//h1")
    got, want = H._measure(body, title, comments), _measure_by_children(body, title, comments)
    assert list(got.stats.items()) == list(want.stats.items())
    assert list(got.pruned.items()) == list(want.pruned.items())
    assert list(got.scores.items()) == list(want.scores.items())
    assert list(got.prose.items()) == list(want.prose.items())


@settings(max_examples=300, deadline=None)
@given(scored_pages(), st.booleans())
def test_the_one_pass_measures_as_reading_the_children(markup, comments):
    _same_pass(etree.fromstring(markup, etree.HTMLParser(**H._PARSER_OPTIONS)).find("body"), comments)
