"""Stopword lists per language, shipped with the package.

The lists are jusText's (one word per line, ``<Language>.txt``), copied
unchanged into ``cleantext/lang/stoplist_data/`` for the languages that
:data:`STOPLISTS` names (block scoring and language detection), with
jusText's BSD licence beside them (``LICENSE.justext``).  Shipping the files
keeps jusText, and the ``lxml.html.clean`` it imports, out of the dependencies.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

# ISO 639-1 code -> jusText stoplist name: the one table, for language detection
# and block scoring.
STOPLISTS = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian",
    "fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician", "gu": "Gujarati",
    "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ka": "Georgian", "kn": "Kannada",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ml": "Malayalam", "mr": "Marathi", "ms": "Malay", "ne": "Nepali", "nl": "Dutch",
    "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili",
    "ta": "Tamil", "te": "Telugu", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "vi": "Vietnamese",
    "az": "Azerbaijani", "be": "Belarusian", "bs": "Bosnian", "kk": "Kazakh",
}
# Languages whose stoplists only the language detector uses: block scoring has not
# been checked with them, so it scores their text as it scores a language without one.
DETECTION_ONLY = frozenset({"az", "be", "bs", "kk"})


_FOLDER = Path(__file__).resolve().parent / "stoplist_data"


def stoplist_folder() -> Path:
    """The folder of the shipped stoplist files (``<Language>.txt``)."""
    return _FOLDER


@lru_cache(maxsize=None)
def stoplist_by_name(name: str) -> frozenset[str]:
    """The stoplist ``name`` (jusText's naming, e.g. ``"English"``), lower-cased."""
    path = stoplist_folder() / f"{name}.txt"
    try:
        data = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"no stoplist named {name!r} is shipped") from None
    return frozenset(line.strip().lower() for line in data.splitlines() if line.strip())


def stoplist(language: str | None) -> frozenset[str]:
    """The stoplist of an ISO 639-1 code for block scoring, or an empty set for a
    language without one (or one in :data:`DETECTION_ONLY`)."""
    name = STOPLISTS.get(language or "")
    return stoplist_by_name(name) if name and language not in DETECTION_ONLY else frozenset()


# Languages written without spaces: the characters of their function words, whose share
# of the text's characters marks running text (particles, pronouns, auxiliaries), as a
# stoplist's share of the words does in other languages.  Chinese: the commonest
# function characters (simplified and traditional forms); Japanese: hiragana, the script
# its particles and inflections are written in.
UNSPACED_STOPS = {
    "zh": "[的了是在和也有不我這这就都而及與与著着之為为把被到從从但並并已將将會会很還还又所以其他她它們们個个一上來来說说要能對对時时後后去得過过]",
    "ja": r"\p{Hiragana}",
}


@lru_cache(maxsize=None)
def unspaced_stops(language: str | None) -> regex.Pattern[str] | None:
    """The pattern of :data:`UNSPACED_STOPS` for ``language``, or None."""
    pattern = UNSPACED_STOPS.get(language or "")
    return regex.compile(pattern) if pattern else None
