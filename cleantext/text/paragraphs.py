"""Paragraphs of canonical text (one paragraph per line) and the changes that remove them."""

from __future__ import annotations

from .context import Context
from .edits import Change, Paragraph, RuleRef, split_paragraphs

__all__ = ["Paragraph", "paragraphs", "removal_changes", "split_paragraphs"]


def paragraphs(text: str, ctx: Context | None = None) -> list[Paragraph]:
    """The paragraphs (non-empty lines) of canonical text, in order; with a context,
    the document's own list when ``text`` is its current text (do not mutate it)."""
    return ctx.paragraphs(text) if ctx is not None else split_paragraphs(text)


def removal_changes(text: str, paras: list[Paragraph], drop: dict[int, tuple[RuleRef, str]]
                    ) -> list[Change]:
    """Changes that remove the paragraphs in ``drop`` with their separators.

    Canonical text stays canonical: one change per removed paragraph, which
    takes the blank line after it, or, in a run that reaches the end of the
    document, the blank line before it; removing every paragraph leaves "".
    """
    out: list[Change] = []
    last = len(paras) - 1
    everything = len(drop) == len(paras)
    # a removed run that reaches the end eats the separators before its paragraphs
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
