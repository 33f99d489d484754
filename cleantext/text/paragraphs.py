"""Paragraphs of canonical text (one paragraph per line) and the changes that remove them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .context import Context
from .edits import Change, Paragraph, Paragraphs, RuleRef, split_paragraphs

__all__ = ["Paragraph", "Paragraphs", "count_words", "line_chunks", "paragraphs",
           "removal_changes", "split_paragraphs"]


def paragraphs(text: str, ctx: Context | None = None) -> Paragraphs:
    """The paragraphs (non-empty lines) of canonical text, in order, as a compact
    read-only sequence; with a context, the document's own one when ``text`` is its
    current text."""
    return ctx.paragraphs(text) if ctx is not None else split_paragraphs(text)


def removal_changes(text: str, paras: Sequence[Paragraph], drop: dict[int, tuple[RuleRef, str]],
                    merge: bool = False) -> list[Change]:
    """Changes that remove the paragraphs in ``drop`` with their separators.

    Canonical text stays canonical: one change per removed paragraph, which
    takes the blank line after it, or, in a run that reaches the end of the
    document, the blank line before it; removing every paragraph leaves "".
    ``merge=True`` (no trace is kept, so no change is reported): one change per
    run of consecutive removed paragraphs instead, attributed to the run's first,
    which splices to the same text.
    """
    if not isinstance(paras, Paragraphs):
        return _removal_changes(text, paras, drop)
    # the offsets straight from the arrays, without a Paragraph object per line
    starts, ends = paras.starts, paras.ends
    out: list[Change] = []
    last = len(starts) - 1
    everything = len(drop) == len(starts)
    # a removed run that reaches the end eats the separators before its paragraphs
    tail_from = last + 1
    while tail_from - 1 in drop:
        tail_from -= 1
    removed = sorted(k for k in drop if 0 <= k <= last)
    if merge:
        # the runs of consecutive paragraphs; the paragraph before a run that reaches
        # the end is kept (tail_from - 1 is not in ``drop``), so no run spans both kinds
        runs: list[list[int]] = []
        for i in removed:
            if runs and runs[-1][1] == i - 1:
                runs[-1][1] = i
            else:
                runs.append([i, i])
    else:
        runs = [[i, i] for i in removed]
    for i, j in runs:
        rule, detail = drop[i]
        if everything:
            start, end = starts[i], starts[j + 1] if j < last else len(text)
        elif i >= tail_from:
            start, end = ends[i - 1], ends[j]
        else:
            start, end = starts[i], starts[j + 1]
        out.append(Change(start, end, "", rule, detail))
    return out


def _removal_changes(text: str, paras: Sequence[Paragraph], drop: dict[int, tuple[RuleRef, str]]
                     ) -> list[Change]:
    """:func:`removal_changes` for any sequence of paragraphs."""
    out: list[Change] = []
    last = len(paras) - 1
    everything = len(drop) == len(paras)
    tail_from = last + 1
    while tail_from - 1 in drop:
        tail_from -= 1
    for p in paras:
        if p.index not in drop:
            continue
        rule, detail = drop[p.index]
        if everything:
            start, end = p.start, paras[p.index + 1].start if p.index < last else len(text)
        elif p.index >= tail_from:
            start, end = paras[p.index - 1].end, p.end
        else:
            start, end = p.start, paras[p.index + 1].start
        out.append(Change(start, end, "", rule, detail))
    return out


LINE_CHUNK = 1 << 20  # characters


def count_words(text: str, size: int = LINE_CHUNK) -> int:
    """``len(text.split())``, counted a piece of about ``size`` characters at a time (cut
    at a space or a line break, which ends no word): a text of millions of words is
    never a list of them all (a list of a short string a word takes ten times the text's
    size)."""
    count, pos, n = 0, 0, len(text)
    while n - pos > size:
        cut = text.find(" ", pos + size)
        if cut < 0:
            cut = text.find("\n", pos + size)
            if cut < 0:
                break
        count += len(text[pos:cut].split())
        pos = cut
    return count + len((text[pos:] if pos else text).split())


def line_chunks(text: str, size: int = LINE_CHUNK) -> Iterator[str]:
    """``text`` in pieces of about ``size`` characters, each cut after a line break (so
    that a text of a million lines is never a list of a million strings at once)."""
    pos, n = 0, len(text)
    while n - pos > size:
        cut = text.find("\n", pos + size)
        if cut < 0:
            break
        yield text[pos : cut + 1]
        pos = cut + 1
    yield text[pos:] if pos else text
