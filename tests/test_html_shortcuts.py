"""The DOM stage's shortcuts answer as the readings they stand for: a class/id verdict
read through the hint-word pattern and the per-word memory is the verdict of the words
of :func:`_hint_words`; the text read by libxml2 in one call is the joined ``itertext``."""

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
    parser = H._PARSER if not comments else etree.HTMLParser()  # comments kept too
    doc = etree.fromstring(markup, parser)
    for el in doc.iter(etree.Element):
        assert H._text(el) == "".join(el.itertext())


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
