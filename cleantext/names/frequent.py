"""Generated spellings that are frequent words or names in a common language.

A romanization scheme can write a place or a surname as an ordinary word
("Luck" for Луцьк, "Soci" for Сочи, "Krim" for Крим) or as another person's
name.  Such a spelling is not used unless a table lists it explicitly.
"Frequent" is decided by a maintained word-frequency source, the ``wordfreq``
package: a spelling whose Zipf frequency reaches :data:`THRESHOLD` in any of
:data:`LANGUAGES` (or in the document's language) is frequent.  The languages are
every Latin-script language wordfreq covers, not only the ones the cleaner has
packs for: English text quotes words and names of any language ("Orel" is the
Czech and Slovene word for eagle and a surname, "sumi" a Slovene word and a
Japanese loanword, "rovno" a Slovak word).  Cyrillic-, Greek- and other-script
lists are left out: a Latin spelling in them is mostly the transliterated name
itself.  Japanese romaji is not covered (wordfreq's Japanese list is in
Japanese script).  Zipf 3 is
about one occurrence per million words: common words, common given names and
surnames, and well-known places.

Loading wordfreq's lists for these languages takes several seconds, so the
answers for the spellings the built-in tables generate are shipped as package
data (:data:`DATA`, written by ``python -m cleantext.names.frequent_data``; a test
checks that it is fresh).  Only a spelling that the shipped file does not hold
(a user's table, or a language outside :data:`LANGUAGES`) loads wordfreq, once,
when the table is built; never per document.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable

LANGUAGES = ("en", "de", "fr", "es", "it", "pl", "pt", "nl", "sv", "da", "nb", "is", "fi",
             "cs", "sk", "sl", "sh", "hu", "ro", "ca", "lt", "lv", "tr", "id", "ms", "fil")
"""Languages whose frequent words a generated spelling must not be."""
THRESHOLD = 3.0
"""Zipf frequency from which a word counts as frequent."""
DATA = Path(__file__).with_name("frequent_spellings.tsv")
"""Shipped answers: ``spelling<TAB>zipf<TAB>language`` (lower case, the highest
Zipf over :data:`LANGUAGES` and the language that has it)."""

_computed: dict[tuple[str, str], float] = {}


@lru_cache(maxsize=1)
def _shipped() -> dict[str, tuple[float, str]]:
    out: dict[str, tuple[float, str]] = {}
    try:
        lines = DATA.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return out
    for line in lines:
        if line and not line.startswith("#"):
            word, zipf, lang = line.split("\t")
            out[word] = (float(zipf), lang)
    return out


def _zipf(word: str, lang: str) -> float:
    key = (word, lang)
    if key not in _computed:
        import wordfreq  # loaded only for spellings the shipped file lacks

        _computed[key] = wordfreq.zipf_frequency(word, lang)
    return _computed[key]


def frequency(spelling: str, languages: Iterable[str] = ()) -> tuple[float, str]:
    """(highest Zipf frequency, language) of ``spelling`` over :data:`LANGUAGES` and ``languages``."""
    word = spelling.lower()
    shipped = _shipped().get(word)
    if shipped is None:
        shipped = max(((_zipf(word, lang), lang) for lang in LANGUAGES), default=(0.0, ""))
    best = shipped
    for lang in languages:
        if lang and lang not in LANGUAGES:
            best = max(best, (_zipf(word, lang), lang))
    return best


def is_frequent(spelling: str, languages: Iterable[str] = ()) -> bool:
    """Is ``spelling`` a frequent word or name (Zipf >= :data:`THRESHOLD`) in a common language?"""
    return frequency(spelling, languages)[0] >= THRESHOLD
