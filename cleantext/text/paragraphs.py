"""Paragraphs of canonical text (one paragraph per line) and the changes that remove them."""

from __future__ import annotations

from dataclasses import dataclass

from .edits import Change, RuleRef


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of canonical text: its index and span."""

    index: int
    start: int
    end: int


_last_split: tuple[str, list[Paragraph]] = ("", [])


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs (non-empty lines) of canonical text, in order.

    The stages ask for the paragraphs of the same text one after another, so
    the last answer is kept (callers must not mutate the list).
    """
    global _last_split
    last_text, last = _last_split
    if text is last_text:
        return last
    paras = []
    start = 0
    for line in text.split("\n"):
        if line:
            paras.append(Paragraph(len(paras), start, start + len(line)))
        start += len(line) + 1
    _last_split = (text, paras)
    return paras


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
