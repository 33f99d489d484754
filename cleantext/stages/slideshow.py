"""SS001: a slideshow's slides ("1 / 6", a caption, "2 / 6", a caption, ...).

A page rendered to text writes a slideshow one slide after another: each opens with its
counter on a line of its own ("1 / 6", "2/50", "3 of 12") and holds its title, caption and
credit.  The captions are sentences, so neither block scoring nor the DOM stage tells them
from the article's paragraphs; the counters do.  The rule: the counters of one slideshow are
at least :data:`MIN_SLIDES` lines that count up to the same total (which is at least
:data:`MIN_SLIDES`), in order, each within :data:`SLIDE_LINES` lines of the one before (a
counter, a title, a caption and a credit; a lazy page may skip slides, whose counters then
stand together).  From its first counter to its last every line goes; the last slide's lines
after its counter go too when every slide before it has as many lines (the slideshow's shape
is known), each only when it is at most :data:`LONGER` times as long as the longest line at
its place in the slides before (a caption a little longer than the others', not a paragraph
of the article after a shorter last slide), else the last counter alone.  A multi-part
article numbers its parts in headings ("Part 1 of 3"), whose sections are longer than a slide.

No constant was chosen on a development set: a slide is its counter, title, caption and
credit, three counters in a row are the fewest that count, and a caption twice as long as
the longest before it is no caption.
"""

from __future__ import annotations

import re

import regex

from ..text.context import Context
from ..text.edits import Change
from ..text.paragraphs import paragraphs, removal_changes
from .base import CodeRule

SLIDESHOW = CodeRule(
    "SS001", "slideshow", "drop-line",
    "A slideshow's counters and captions (\"1 / 6\", a caption, \"2 / 6\", ...) are the page's "
    "gallery, not the article's text.",
    __name__)

MIN_SLIDES = 3
SLIDE_LINES = 4
LONGER = 2

# A slide's counter alone on a line: "1 / 6", "2/50", "3 of 12", "(4/9)", "- 5/50" (a list item).
_COUNTER_RE = regex.compile(r"(?:[-•*]\s+)?\(?(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\)?")
# The first characters a counter may start with (a cheap test before the pattern).
_COUNTER_HEADS = frozenset("-•*(0123456789")
# Any line of a text that may be a counter: one scan of the text before its paragraphs are
# read (with the standard engine, which scans a text for this faster; a line found is read again)
_ANY_COUNTER_RE = re.compile(r"^[ \t]*(?:[-•*]\s+)?\(?\d{1,3}\s*(?:/|of)\s*\d{1,3}\)?[ \t]*$", re.M)


def _counters(lines: list[str]) -> list[tuple[int, int, int]]:
    """(line index, count, total) of each line that is a slide's counter."""
    found = []
    for i, line in enumerate(lines):
        if line[:1] in _COUNTER_HEADS and len(line) <= 12:
            m = _COUNTER_RE.fullmatch(line)
            if m is not None:
                k, n = int(m.group(1)), int(m.group(2))
                if 1 <= k <= n and n >= MIN_SLIDES:
                    found.append((i, k, n))
    return found


def _slideshows(counters: list[tuple[int, int, int]]) -> list[list[int]]:
    """The line indices of each slideshow's counters: runs of counters of one total whose
    counts go up, each within :data:`SLIDE_LINES` lines of the one before."""
    shows: list[list[int]] = []
    run: list[tuple[int, int, int]] = []
    for c in counters:
        if run and c[2] == run[-1][2] and c[1] > run[-1][1] and c[0] - run[-1][0] <= SLIDE_LINES:
            run.append(c)
            continue
        if len(run) >= MIN_SLIDES:
            shows.append([i for i, _, _ in run])
        run = [c]
    if len(run) >= MIN_SLIDES:
        shows.append([i for i, _, _ in run])
    return shows


def _last_slide(lines: list[str], show: list[int]) -> int:
    """How many lines after the last counter of ``show`` are its slide's: as many as every
    slide before it holds (0 when they differ), up to the first line more than
    :data:`LONGER` times as long as every line at its place in those slides."""
    gaps = {b - a for a, b in zip(show, show[1:]) if b - a > 1}  # (a skipped slide holds none)
    if len(gaps) != 1:
        return 0
    size, last = gaps.pop(), show[-1]
    full = [a for a, b in zip(show, show[1:]) if b - a == size]
    for j in range(1, size):
        if last + j >= len(lines) or len(lines[last + j]) > LONGER * max(len(lines[a + j]) for a in full):
            return j - 1
    return size - 1


def slideshow_changes(text: str, ctx: Context | None = None) -> list[Change]:
    """Remove the slides of every slideshow (see the module's docstring)."""
    if ctx is not None and ctx.no_slideshow:
        return []
    found = _ANY_COUNTER_RE.finditer(text)
    if sum(1 for _ in zip(range(MIN_SLIDES), found)) < MIN_SLIDES:
        if ctx is not None:
            ctx.no_slideshow = True  # (the text of a later round holds no more of them)
        return []  # fewer lines that may be counters than a slideshow has
    paras = paragraphs(text, ctx)
    lines = [text[p.start : p.end] for p in paras]
    shows = _slideshows(_counters(lines))
    if not shows:
        return []
    traced = ctx is not None and ctx.traced
    drop = {}
    for show in shows:
        end = show[-1] + _last_slide(lines, show)
        why = (f"a slide of a slideshow whose {len(show)} counters run from "
               f"{lines[show[0]].strip()!r} to {lines[show[-1]].strip()!r}" if traced else "")
        for i in range(show[0], end + 1):
            drop[i] = (SLIDESHOW.ref, why)
    return removal_changes(text, paras, drop, merge=not traced)
