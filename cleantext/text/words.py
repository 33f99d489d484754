"""Counting words the same way everywhere: spaced tokens, and two characters of a script
written without spaces (Chinese, Japanese) as one word -- the block scorer's convention
(:mod:`cleantext.stages.blocks`), used by the truncate-after guard, the language sample
and the DOM stage's sign-up boxes."""

from __future__ import annotations

import regex

# A character of a script written without spaces.
UNSPACED_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
UNSPACED_FROM = "\u2e80"  # no character of those scripts comes before this one


def unspaced_chars(text: str) -> int:
    """How many characters of ``text`` belong to scripts written without spaces
    (Chinese, Japanese)."""
    if not text or text.isascii() or max(text) < UNSPACED_FROM:
        return 0
    return len(UNSPACED_RE.findall(text))


def word_count(line: str) -> int:
    """Words of ``line``: its spaced tokens, plus one per two characters of a script
    written without spaces (a clause of Chinese is one token but many words)."""
    return len(line.split()) + unspaced_chars(line) // 2
