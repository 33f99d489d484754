"""The key of a line: what stays when the parts a site varies from page to page are folded.

A site prints "Comments (12)" on one page and "Comments (3)" on the next,
"Updated March 3, 2021" here and "Updated 14 Sept 2020" there: one line of its
template.  The key keeps the words of a line, case-folded, with every run of
digits written ``0`` and every month and weekday name written ``M`` / ``D``;
punctuation, quotes and spacing are dropped, so the key of a raw scraped line
is the key of the same line after normalisation.  A line without a word keeps
its stripped text ("|", "»").  A line whose words are all numbers ("[12]", "1.1",
"23/16", "2019") has no key: folded, every citation mark, table cell and year of
a site would be one line printed on all its pages, yet such a line says nothing
about being furniture, and inside the article it is text.  Keys are hashed to 64 bits (BLAKE2b): a site's
counts hold integers, never the lines themselves.
"""

from __future__ import annotations

import hashlib
import re

import regex

_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}_]+")
_DIGITS_RE = regex.compile(r"\p{Nd}+")
# Month and weekday names (and their usual short forms) of the languages with a pack.
_MONTHS = """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
januar februar märz juni juli oktober dezember mär okt dez
janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
ene abr ago dic
stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia
styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień
""".split()
_DAYS = """
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
montag dienstag mittwoch donnerstag freitag samstag sonntag
lundi mardi mercredi jeudi vendredi samedi dimanche
lunes martes miércoles jueves viernes sábado domingo
poniedziałek wtorek środa czwartek piątek sobota niedziela
""".split()
_FOLD = {**{m: "M" for m in _MONTHS}, **{d: "D" for d in _DAYS}}
# Line breaks a raw text may use (NF001 makes them "\n").
_BREAKS_RE = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
MAX_KEY_CHARS = 400


def line_key(line: str) -> str:
    """The folded key of one line ("" for a blank line)."""
    words = _WORD_RE.findall(line[: MAX_KEY_CHARS * 2].casefold())
    if not words:
        return line.strip()[:MAX_KEY_CHARS]
    if all(w.isdigit() for w in words):
        return ""  # figures alone: never template
    out = []
    for w in words:
        if w.isdigit() or _DIGITS_RE.search(w):
            w = _DIGITS_RE.sub("0", w)
        out.append(_FOLD.get(w, w))
    return " ".join(out)[:MAX_KEY_CHARS]


def key_hash(key: str) -> int:
    """The 64-bit hash of a key (stable across processes and machines)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def line_hash(line: str) -> int:
    """The 64-bit hash of a line's key."""
    return key_hash(line_key(line))


def text_lines(text: str) -> list[str]:
    """The non-blank lines of a raw text, stripped (the paragraphs it will have once canonical)."""
    return [s for s in (line.strip() for line in _BREAKS_RE.split(text)) if s]

