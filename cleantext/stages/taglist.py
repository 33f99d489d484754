"""TL001: a tag list after the article ("War in Ukraine, Kursk, Russia").

The rule: a paragraph is a tag list when

* it splits on commas (or ``|``, ``•``, ``·``) into at least three items,
* every item is one to four words, starts with a capital letter or a digit,
  and every other word in it is capitalised or a short function word
  ("War in Ukraine"), so no item reads as a clause,
* it does not end in sentence punctuation,
* at least one prose paragraph comes before it and none after it: it sits in
  the tail of the article, where sites print their tags.

A prose paragraph has at least eight words and ends in sentence punctuation.
"""

from __future__ import annotations

import regex

from ..text.edits import Change
from ..text.context import Context
from ..text.paragraphs import paragraphs, removal_changes
from ..text.words import SENTENCE_MARKS, UNMARKED_ENDS
from .base import CodeRule

TAG_LIST = CodeRule(
    "TL001", "tag-list", "drop-line",
    "A run of short capitalised items after the article is the site's tag list, not text.",
    __name__)

_SPLIT_RE = regex.compile(r"\s*(?:,|\||•|·)\s*")
# Short lower-case words allowed inside a capitalised tag ("War in Ukraine", "Bosnia and Herzegovina").
_FUNCTION_WORDS = frozenset(
    "a an and at by de del der des di du el en et for from in la le of on the to und van von "
    "with y i w z na do po".split())
_SENTENCE_END = frozenset(".!?…:;\"')" + SENTENCE_MARKS + UNMARKED_ENDS)


def _is_prose(line: str) -> bool:
    # at least eight words: split off no more than eight (a line of millions of words is
    # not made a list of them); its last character ends a sentence (or may)
    return len(line.split(None, 7)) >= 8 and line.rstrip()[-1:] in _SENTENCE_END


def _is_tag_item(item: str) -> bool:
    words = item.split()
    if not 1 <= len(words) <= 4 or len(item) > 40:
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _FUNCTION_WORDS
               for w in words[1:])


def is_tag_list(line: str) -> bool:
    """Does ``line`` have the shape of a tag list (position aside)?"""
    line = line.strip()
    if not line or line.endswith(tuple(".!?…:;")):
        return False
    items = [i for i in _SPLIT_RE.split(line) if i]
    if len(items) < 3 or len(_SPLIT_RE.findall(line)) != len(items) - 1:
        return False
    return all(_is_tag_item(i) for i in items)


def tag_list_changes(text: str, ctx: Context | None = None) -> list[Change]:
    """Remove tag-list paragraphs that follow the last prose paragraph."""
    paras = paragraphs(text, ctx)
    last_prose = next((p.index for p in reversed(paras) if _is_prose(text[p.start : p.end])), None)
    if last_prose is None:
        return []
    drop = {}
    for p in paras[last_prose + 1 :]:
        line = text[p.start : p.end]
        if is_tag_list(line):
            items = len(_SPLIT_RE.split(line.strip()))
            drop[p.index] = (TAG_LIST.ref, f"{items} capitalised items, no verb, after the last prose paragraph")
    return removal_changes(text, paras, drop, merge=ctx is not None and not ctx.traced) if drop else []
