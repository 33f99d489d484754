"""The stopword lists that jusText ships, read without importing jusText.

jusText keeps one list per language in its package data
(``justext/stoplists/<Language>.txt``, one word per line).  Importing the
``justext`` package itself would import ``lxml.html.clean``, which newer lxml
releases moved to a separate distribution that jusText does not declare; the
files are all cleantext needs, so they are read directly.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

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


@lru_cache(maxsize=1)
def stoplist_folder() -> Path:
    """The folder of jusText's stoplist files."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("justext is not installed (it ships the stoplists)")
    return Path(next(iter(spec.submodule_search_locations))) / "stoplists"


@lru_cache(maxsize=None)
def stoplist_by_name(name: str) -> frozenset[str]:
    """jusText's stoplist ``name`` (e.g. ``"English"``), lower-cased."""
    path = stoplist_folder() / f"{name}.txt"
    try:
        data = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"jusText has no stoplist named {name!r}") from None
    return frozenset(line.strip().lower() for line in data.splitlines() if line.strip())


def stoplist(language: str | None) -> frozenset[str]:
    """The stoplist of an ISO 639-1 code for block scoring, or an empty set for a
    language jusText lacks (or one in :data:`DETECTION_ONLY`)."""
    name = STOPLISTS.get(language or "")
    return stoplist_by_name(name) if name and language not in DETECTION_ONLY else frozenset()
