"""LY004: a sentence a scraper cut at its inline links is one paragraph again (whole pages only)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.stages.linkcuts import join_link_cuts, link_cut_changes
from cleantext.text.edits import splice

_CUT = ["The deal was first reported on Sunday by", "The Daily Ledger",
        ", which cited three officials who asked not to be named."]
_PAGE = ["Home", "News", "Business", "Markets", "Video", "Contact", *_CUT,
         "Shares of the company rose four percent in early trading on Tuesday morning in New York, "
         "after the report said the talks had gone on for months.",
         "Analysts said the price was fair and that other bidders were unlikely to come forward "
         "before the end of the year, given the size of the deal.",
         "About us", "Privacy", "Terms"]


def test_a_whole_page_writes_the_sentence_as_one_paragraph():
    out = cleantext.clean("\n".join(_PAGE))
    assert "The deal was first reported on Sunday by The Daily Ledger, which cited three officials" in out
    assert "Home" not in out


def test_a_text_given_as_the_article_keeps_its_lines():
    """whole_page=False (--article, and the HTML track's extracted article): the text's
    lines are the article's own; LY004 leaves them."""
    text = "\n\n".join(_CUT) + "\n"
    assert cleantext.clean(text, whole_page=False) == text
    assert not [e for e in cleantext.explain(text, whole_page=False).changes if e.code == "LY004"]


def test_pieces_that_a_removed_line_stood_between_are_joined_too():
    """A line the boilerplate stages remove (here a wordless one) between two pieces of a
    sentence: the pieces are joined after it goes (the stage runs in the boilerplate cycle
    too), so that a second clean finds nothing more to join."""
    page = _PAGE[:6] + ["I started discovering beautiful things the", "web could do with images", ":",
                        "things not possible with print, and I have kept at it ever since then."] + _PAGE[9:]
    out = cleantext.clean("\n".join(page))
    assert ("I started discovering beautiful things the web could do with images things not possible "
            "with print, and I have kept at it ever since then.") in out
    assert cleantext.clean(out) == out


_PIECES = ["The council said on Tuesday that", "Netflix", ", the streaming service", "and",
           "said it would", "are down to $9.", "Home", "- item", "Pro tip:", "$ hg push", "iPhone 11",
           "the end.", ".", "”", "研究结果发表在", "，并称这是突破。", "", "  ", "dropped to a low on Amazon,"]


@settings(max_examples=300, deadline=None)
# a joined piece is the link of a longer sentence: read again, the joined text joins it
@example(["The council said on Tuesday that", "研究结果发表在", "Netflix", "."], "\n")
@given(st.lists(st.one_of(st.sampled_from(_PIECES),
                          st.text(alphabet="abc ABC.,:;!?-$", max_size=12)), max_size=20),
       st.sampled_from(["\n", "\n\n", "\n \n"]))
def test_joining_only_replaces_the_breaks_and_is_idempotent(pieces, sep):
    """The changes replace white space between lines (with one space or nothing) and
    nothing else; joining a joined text joins nothing more."""
    text = sep.join(pieces)
    changes = link_cut_changes(text)
    for change in changes:
        assert not text[change.start:change.end].strip() and "\n" in text[change.start:change.end]
        assert change.replacement in ("", " ")
    joined = splice(text, changes)
    assert joined == join_link_cuts(text)
    assert "".join(joined.split()) == "".join(text.split())
    assert join_link_cuts(joined) == joined


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZé,.:;)]!?%”’»，。xY1_ -Ññ", max_size=8))
def test_a_piece_goes_on_as_its_definition_says(piece):
    """LY004's one pattern of a piece that goes on: it starts as block scoring's rest of a
    sentence (``_CONTINUES_RE``), and a piece that starts with a letter starts with a word in
    lower case."""
    import re

    from cleantext.stages.blocks import _CONTINUES_RE
    from cleantext.stages.linkcuts import _GOES_ON_RE

    word = re.match(r"\w+", piece)
    want = _CONTINUES_RE.match(piece) is not None and (
        not piece[:1].isalpha() or word is not None and word.group().islower())
    assert (_GOES_ON_RE.match(piece) is not None) == want
