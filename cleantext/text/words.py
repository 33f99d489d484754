"""Counting words the same way everywhere: spaced tokens, and two characters of a script
written without spaces (Chinese, Japanese) as one word -- the block scorer's convention
(:mod:`cleantext.stages.blocks`), used by the truncate-after guard, the language sample
and the DOM stage's sign-up boxes.  And the sentence and clause marks of scripts other than
Latin's and the full-width ones, which the stages that ask where a sentence ends read."""

from __future__ import annotations

import regex

# The full stops and question marks of scripts that end a sentence with a mark of their own
# (Latin's ".!?" and the full-width "。！？" aside): Devanagari and Bengali's danda "।" and
# double danda "॥" (Hindi, Marathi, Nepali, Bengali), Arabic's question mark "؟" and Urdu's
# full stop "۔", Armenian's full stop "։", Ethiopic's full stop "።" and question mark "፧"
# (Amharic, Tigrinya), Myanmar's "။", Khmer's "។" and "៕", Tibetan's shad "།".  Block scoring,
# the truncate-after guard, the tag-list stage and the DOM stage count them as sentence ends.
SENTENCE_MARKS = "\u0964\u0965\u061f\u06d4\u0589\u1362\u1367\u104b\u17d4\u17d5\u0f0d"
# Thai and Lao end a sentence with a space, not a mark: a line that ends in one of their
# letters or vowel and tone signs may end a sentence (a test of the end alone cannot tell, so
# such a line is not read as a title or a menu item for its end).  Their section marks (Thai's
# angkhankhu "๚" and khomut "๛") end one too; their digits do not.  (Khmer's and Myanmar's full
# stops are among SENTENCE_MARKS.)
UNMARKED_ENDS = "".join(map(chr, (*range(0x0E01, 0x0E4F), 0x0E5A, 0x0E5B,
                                  *range(0x0E81, 0x0ECF), *range(0x0EDC, 0x0EE0))))
# Their commas (Arabic "،", Armenian "՝", Ethiopic "፣", Myanmar "၊") and semicolons (Arabic "؛",
# Ethiopic "፤"): a line that starts with one goes on with the sentence before it, and one that
# ends with a comma goes on in the next line (a sentence cut by a link), as with "," and "，".
CLAUSE_COMMAS = "\u060c\u055d\u1363\u104a"
CLAUSE_MARKS = CLAUSE_COMMAS + "\u061b\u1364"

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
