"""LY004: a sentence a scraper cut at its inline links is one paragraph again.

A naive scraper writes every text node of a page on a line of its own, so a sentence
with links comes out in pieces: "AirPods 2" / "dropped to an all-time low on Amazon at
just $139, and" / "AirPods 2 with Wireless Charging Case" / "are down to $164.99."
Block scoring already reads such a run as one sentence (:func:`~.blocks.make_blocks`);
this step writes it as one, for whatever reads the text next (a sentence splitter, a
language model).  It runs on a whole page rendered to text only (``whole_page=True``),
before the language is sampled: a text given as the article keeps its lines.

Only a cut that a scraper makes is joined, and only where the pieces read as one
sentence -- so that two paragraphs never become one:

* a piece goes on from the one before when that one does not end a sentence (nor a
  label's colon, nor a list item) and it starts as the rest of a sentence: with a word
  in lower case (not a name such as "iPhone") or with punctuation that never starts one
  (``_GOES_ON_RE``: a comma, a full stop, their full-width forms; block scoring's
  ``_CONTINUES_RE`` less the names);
* a link that starts with a capital ("... announced by" / "Netflix" / ", the streaming
  service ...") joins when it holds at most :data:`~.blocks.LINK_WORDS` words, does not
  end a sentence and the piece after it goes on, and the sentence before it already
  holds :data:`~.blocks.SENTENCE_START_WORDS` words (a menu label is no sentence's start);
* the run is joined only when its last piece ends a sentence and one of its pieces holds
  :data:`~.blocks.SENTENCE_START_WORDS` words: a list of names in lower case, a line of
  code, a caption's pieces that end nowhere stay as they are; a command line after a
  prompt (``$ hg push``) ends any run, since the output under it may start in lower case,
  and so does a line the packs' drop-line rules remove whole (an advertisement's label a
  site writes inside a paragraph: "... it would" / "Advertisement" / "continue to ..."):
  once it is gone, the run in the boilerplate cycle joins the pieces around it.

The pieces are joined with a space, or without one before punctuation that closes (a
comma, a full stop, a closing bracket or quote), after one that opens, and next to a
character of a script written without spaces.  Checked
against the development sets' gold texts, whose paragraphs keep their links inline
(``python benchmarks/link_cuts.py ../shared/data/scrapinghub ../shared/data/readability``):
of 5,165 joins whose two pieces the gold holds, 5,073 (98%) give text the gold holds as
written; the rest are mostly words the scraper had already split (a drop cap "W" / "hile").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import accumulate, compress
from operator import attrgetter
from typing import Callable, Collection

import regex

from ..text.edits import Change, splice
from ..text.words import UNSPACED_FROM, UNSPACED_RE, unspaced_chars
from .base import CodeRule
from .normalize import UNWRAP_MAX_WIDTH, unwrap_changes
from .blocks import (_CONTINUES_MARKS, _ITEM_RE, _WORD_RE, _WORDLESS_RE, LINK_WORDS,
                     SENTENCE_START_WORDS, ends_sentence)

LINK_CUTS = CodeRule(
    "LY004", "link-cut-sentences", "layout",
    "A sentence a scraper cut at its inline links into lines of their own is one paragraph again, "
    "when its pieces go on in lower case or with punctuation and the last one ends it.",
    __name__)

# A piece that starts with one of these is joined without a space (it closes what goes before).
_CLOSES = frozenset(_CONTINUES_MARKS + "}")
# A piece that ends in one of these takes the next without a space.
_OPENS = frozenset("([{“‘«（「『")
# A piece that starts as the rest of a sentence: with punctuation that never starts one
# (block scoring's _CONTINUES_MARKS), or with a word in lower case -- not a name written with
# a lower-case first letter ("iPhone", "eBay", which a menu's label or a headline may start
# with).  (No list item or row starts so: their markers are no such character.)
_GOES_ON_RE = regex.compile("[" + regex.escape(_CONTINUES_MARKS) + r"]|\p{Ll}[^\W\p{Lu}\p{Lt}]*(?!\w)")
# A blank line between two lines (LY002 unwraps a block of lines with none), and a line
# longer than a wrap width (a block holding one is no wrapped paragraph).
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_LONG_LINE_RE = re.compile(r"[^\n]{%d}" % (UNWRAP_MAX_WIDTH + 1))
# A piece that is only the end of a sentence: LY003 joins it to the line before it.
_END_ONLY_RE = re.compile(r"[)\]}”’»]*[.!?…][.!?…)\]}”’»\"']*")
# A command line of a terminal session (a shell's or an interpreter's prompt): the lines
# after it are its output, which may start in lower case, not the rest of a sentence.
_PROMPTS = ("$ ", "% ", "# ", "> ", ">>> ")


def _unspaced(char: str) -> bool:
    """Is ``char`` of a script written without spaces (Chinese, Japanese), or their
    punctuation (the CJK symbols and the full-width forms)?"""
    return char >= UNSPACED_FROM and (UNSPACED_RE.match(char) is not None
                                      or "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef")


def _word_count(piece: str) -> int:
    """The words of ``piece`` as block scoring counts them (its ``\\w+`` runs, and one per
    two characters of a script written without spaces): punctuation is no word."""
    return len(_WORD_RE.findall(piece)) + unspaced_chars(piece) // 2


def _open(piece: str) -> bool:
    """May a sentence go on after ``piece``: it ends none, no label's colon, no list item,
    no command line?"""
    return not (ends_sentence(piece) or piece.endswith(":") or _ITEM_RE.match(piece)
                or piece.startswith(_PROMPTS))


def _runs(lines: list[str], dropped: Callable[[str], bool] | None = None,
          near: Collection[int] = ()) -> list[tuple[int, int]]:
    """The (first, last) pieces of each run that is one sentence cut by links.
    ``dropped(line)``: a line the drop-line rules remove (an advertisement's label between
    two pieces) is no piece of a run; a piece without words (a comma, a full stop) or a
    web address written out is no label, whatever the rules drop.  The rules are asked
    only about the pieces of the runs found without them (a label can only cut a run).
    ``near``: when given, only the runs of the sentences that hold one of these pieces."""
    runs = _runs_between(lines, (), near)
    if dropped is None or not runs:
        return runs
    labels = {k for first, last in runs for k in range(first, last + 1)
              if dropped(lines[k]) and _WORDLESS_RE.fullmatch(lines[k]) is None}
    return _runs_between(lines, labels, near) if labels else runs


def _sentences_of(lines: list[str], pieces: Collection[int]) -> set[int]:
    """The pieces of the sentences that hold ``pieces``: from each, back over the pieces
    that do not close a sentence (:func:`_open`) before it, and on to the first that does.
    A run never reads past a piece that closes, so the runs that hold a piece lie here."""
    found: set[int] = set()
    n = len(lines)
    for k in pieces:
        if k in found:
            continue
        lo = hi = k
        while lo > 0 and _open(lines[lo - 1]):
            lo -= 1
        while hi + 1 < n and _open(lines[hi]):
            hi += 1
        found.update(range(lo, hi + 1))
    return found


def _runs_between(lines: list[str], labels: Collection[int], near: Collection[int] = ()
                  ) -> list[tuple[int, int]]:
    """:func:`_runs` with the pieces ``labels`` (indices) taken for labels.  A run starts
    only where the next piece or the one after it goes on, so most lines are asked
    nothing more."""
    goes_on = _GOES_ON_RE.match
    if near:
        # a run reads no piece past the sentences that hold these: the others are not asked
        within = _sentences_of(lines, near)
        on = [False] * len(lines)
        for k in within:
            on[k] = goes_on(lines[k]) is not None
    else:
        on = [goes_on(line) is not None for line in lines]
    for k in labels:
        on[k] = False
    # a run starts one or two pieces before a piece that goes on
    starts = sorted({s for k in compress(range(len(on)), on) for s in (k - 2, k - 1) if s >= 0})
    if near:
        starts = [i for i in starts if i in within]
    runs: list[tuple[int, int]] = []
    n, reach = len(lines), -1  # the last piece an attempt read
    for i in starts:
        if i <= reach or i in labels or not _open(lines[i]):
            continue
        j, words = i, _word_count(lines[i])
        while j + 1 < n and _open(lines[j]):
            if on[j + 1]:
                j += 1
                words += _word_count(lines[j])
            elif (j + 2 < n and on[j + 2] and words >= SENTENCE_START_WORDS and j + 1 not in labels
                  and (link := _word_count(lines[j + 1])) <= LINK_WORDS and _open(lines[j + 1])):
                j += 2
                words += link + _word_count(lines[j])
            else:
                break
        if j > i and ends_sentence(lines[j]) and any(
                _word_count(line) >= SENTENCE_START_WORDS for line in lines[i : j + 1]):
            runs.append((i, j))
        reach = j
    return runs


def link_cut_changes(text: str, dropped: Callable[[str], bool] | None = None) -> list[Change]:
    """LY004: the line breaks (and blank lines) between the pieces of a sentence cut by
    links become a space, or nothing before punctuation that closes.  ``dropped``: the
    drop-line rules' test of a whole line (see :func:`_runs`).

    A joined piece can be the link of a longer sentence (a piece of four words joined to
    the name after it, which a full stop follows, is a link of six words between the
    sentence's start and that full stop): the joined text is read again, until it joins
    nothing more (each round joins a line break at least), so that joining is idempotent."""
    changes = _one_round(text, dropped)
    while changes:
        # only the sentences that hold a joined line can join anew: the others read as before
        more = _one_round(splice(text, changes), dropped, _joined_at(changes))
        if not more:
            break
        changes = sorted(changes + _in_text(changes, more), key=attrgetter("start"))
    return changes


def _joined_at(done: list[Change]) -> list[int]:
    """Where each change of ``done`` (sorted, apart) stands in the text they made."""
    out, shift = [], 0
    for change in done:
        out.append(change.start + shift)
        shift += len(change.replacement) - (change.end - change.start)
    return out


def _in_text(done: list[Change], more: list[Change]) -> list[Change]:
    """``more``, changes of the text that ``done`` (sorted, apart) made, in the text's own
    offsets: each replaces white space between two lines, which no change of ``done``
    touched (those replace the white space inside a joined line)."""
    out, shift, k = [], 0, 0
    for change in more:
        while k < len(done) and done[k].start + shift + len(done[k].replacement) <= change.start:
            shift += len(done[k].replacement) - (done[k].end - done[k].start)
            k += 1
        out.append(replace(change, start=change.start - shift, end=change.end - shift))
    return out


def _one_round(text: str, dropped: Callable[[str], bool] | None,
               joined: Collection[int] | None = None) -> list[Change]:
    """The joins of :func:`link_cut_changes` that ``text``'s own lines show (``joined``:
    only in the sentences that hold these offsets, where an earlier round joined lines)."""
    if "\n" not in text:
        return []
    raw = text.split("\n")
    stripped = [line.strip() for line in raw]
    where = [k for k, body in enumerate(stripped) if body]  # the raw line of each piece
    lines = [stripped[k] for k in where]
    # where each raw line starts in the text (each piece's (start, end) there: span below)
    starts = list(accumulate(map((1).__add__, map(len, raw)), initial=0))
    near: list[int] = []
    if joined is not None:
        # the piece of each offset (its raw line holds text: the joined line)
        near = [bisect_left(where, bisect_right(starts, at) - 1) for at in joined]
        if not near:
            return []
    runs = _runs(lines, dropped, near)
    if not runs:
        return []

    def span(k: int) -> tuple[int, int]:
        line, body = raw[where[k]], lines[k]
        start = starts[where[k]] + line.find(body[0])
        return start, start + len(body)
    # the breaks that LY002 joins (a paragraph wrapped at a fixed width) are its own; a text
    # of one block (no blank line) holding a line longer than any wrap width has none
    if _BLANK_LINE_RE.search(text) is None and _LONG_LINE_RE.search(text) is not None:
        wrapped: set[int] = set()
    else:
        wrapped = {change.start for change in unwrap_changes(text)}
    rule = LINK_CUTS.ref
    out = []
    for first, last in runs:
        for k in range(first, last):
            nxt = lines[k + 1]
            end = span(k)[1]
            if end in wrapped or _END_ONLY_RE.fullmatch(nxt):
                continue  # LY002's, or LY003's (the full stop after a link)
            prev = lines[k][-1]
            glue = "" if nxt[0] in _CLOSES or prev in _OPENS or _unspaced(prev) or _unspaced(nxt[0]) else " "
            out.append(Change(end, span(k + 1)[0], glue, rule))
    return out


def join_link_cuts(text: str, dropped: Callable[[str], bool] | None = None) -> str:
    """Fast twin of :func:`link_cut_changes`."""
    changes = link_cut_changes(text, dropped)
    return splice(text, changes) if changes else text
