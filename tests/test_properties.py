"""Invariants, checked with hypothesis on generated text.

* ``clean(clean(x)) == clean(x)`` (idempotence), with a given language and with the
  language detected;
* no crash on arbitrary Unicode;
* nothing is invented: every output paragraph is made of words of the input
  (after the character-level fixes), and names only come from the tables;
* text with no boilerplate and ASCII quotes comes back with only its
  whitespace normalised;
* ``explain`` and ``clean`` agree, and replaying the trace on the input gives
  the output.
"""

from __future__ import annotations

import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import cleantext
from cleantext import Cleaner, replay

CLEANER = Cleaner(lang="en")
DETECTING = Cleaner()
NO_NAMES = Cleaner(lang="en", builtin_names=False)

# Text built from pieces that exercise the rules: chrome phrases, quotes,
# odd spaces, line ends, names, tag-list shapes, mojibake.
PIECES = [
    "Please enter your comment!", "Comments", "Hot Topics", "Related Articles",
    "Also Read: Something Happened", "This article is based on information provided by",
    "War in Ukraine, Kursk, Russia", "Kiev", "Zelensky", "Kharkhiv", "«quoted»", "“curly”",
    "it’s", "\u00a0", "  ", "\t", "\r\n", "\n", "\n\n", "\r", " | Site Name", "© 2024 Site",
    "https://example.com/a", "CafÃ©", "The minister spoke to reporters about the talks.",
    "A long sentence with enough words to read as prose in an article body.", ".", ",",
]
piece_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=25).map("".join)
any_text = st.one_of(st.text(max_size=300), piece_text)

COMMON = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(any_text)
def test_idempotent(text):
    once = CLEANER.clean(text)
    assert CLEANER.clean(once) == once


@COMMON
@given(piece_text)
# a page whose removed pieces tipped the language sample: the first clean read it as one
# language, the second as another, and the names followed ("Kharkhiv" -> "Kharkiv")
@example("it’sit’sKharkhiv\tKharkhiv")
# a line the boilerplate stages remove ("© 2024 Site") tipped the names' English reading
@example("Kiev\r\nWar in Ukraine, Kursk, RussiaWar in Ukraine, Kursk, Russia\r\n© 2024 Site")
@example("Comments\r\nPlease enter your comment!Please enter your comment!\r\nPlease enter your "
         "comment!Kiev\r\n0\r\nWar in Ukraine, Kursk, RussiaWar in Ukraine, Kursk, Russia0\r\n"
         "© 2024 Site")
@example("à\U0010cb6a\U00047e0dPlease enter your comment!Zelensky")
def test_idempotent_with_the_language_detected(text):
    once = DETECTING.clean(text)
    assert DETECTING.clean(once) == once


@COMMON
@given(st.text(max_size=400))
def test_no_crash_and_canonical_shape(text):
    out = DETECTING.clean(text)
    assert out == "" or (out.endswith("\n") and not out.endswith("\n\n"))
    assert "\r" not in out and "\n\n\n" not in out and "  " not in out
    for para in out.split("\n\n"):
        assert para == para.strip(" ")


@COMMON
@given(any_text)
def test_explain_agrees_with_clean_and_replays(text):
    for cleaner in (CLEANER, DETECTING):  # the detecting one may clean twice (see Cleaner._run)
        result = cleaner.explain(text)
        assert result.text == cleaner.clean(text)
        assert replay(text, result.changes) == result.text
        for edit in result.changes:
            assert edit.code and edit.why and edit.action
            assert text[edit.span[0]:edit.span[1]] == edit.before


def _words(text: str) -> set[str]:
    return set("".join(c if c.isalnum() else " " for c in text).split())


@COMMON
@given(any_text)
@example("0\ra 1 1 !")  # two paragraphs of the input that LY004 joins on a whole page
def test_nothing_invented(text):
    """Every output word is an input word (after repair and normalisation), or a name."""
    normalized = NO_NAMES.normalize_only(text)
    out = NO_NAMES.clean(text)
    assert _words(out) <= _words(normalized)
    # each output paragraph of an article is a (possibly shortened) input paragraph; on a
    # whole page an output paragraph may also be input paragraphs that LY004 joined, the
    # pieces of a sentence a scraper cut at its links (its joins replace only white space:
    # tests/test_linkcuts.py)
    paragraphs = normalized.split("\n\n")
    article = NO_NAMES.clean(text, whole_page=False)
    assert _words(article) <= _words(normalized)
    for para in filter(None, article.rstrip("\n").split("\n\n")):
        assert any(_words(para) <= _words(p) for p in paragraphs)


plain_words = st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=9)
plain_sentence = st.lists(plain_words, min_size=3, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + ".")
# distinct sentences: a line repeated word for word is what block scoring reads as a site's
# repeated chrome (a template's label), not plain prose
plain_doc = st.lists(st.tuples(plain_sentence, st.sampled_from(["\n", "\n\n", "  \n \n", "\r\n"])),
                     min_size=1, max_size=8, unique_by=lambda pair: pair[0].casefold())


@COMMON
@given(plain_doc)
def test_plain_text_only_whitespace_changes(doc):
    text = "".join(s + sep for s, sep in doc)
    expected = "\n\n".join(s for s, _ in doc) + "\n"
    assert CLEANER.clean(text) == expected
    assert all(e.code in ("NF001", "NF005", "LY001") for e in CLEANER.explain(text).changes)


def test_empty_and_blank_input_give_empty_output():
    assert cleantext.clean("") == ""
    assert cleantext.clean(" \n\t\r\n ") == ""
