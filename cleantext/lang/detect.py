"""Language detection: a cheap fast path first, seeded ``langdetect`` when unsure.

Only a bounded sample is read (the longest paragraphs that look like prose, up
to :data:`SAMPLE_CHARS` characters), so langdetect's cost does not grow with the
document.  Text with too few letters gets ``None`` and is cleaned with the
language-neutral pack only.

The fast path (:func:`quick_detect`) reads all of the sample: the longest line is not
always the article's (a consent banner or a translation notice in another language can be
the longest, and a reading of the first lines alone took the page for that language).  It
settles the clear cases:

1. **Script.**  Letters are counted per writing system.  When no script holds
   :data:`MIXED_SHARE` of them the document is mixed and gets ``None``.  A
   script used by one language settles it (Greek ``el``, Hebrew ``he``,
   Georgian ``ka``, Armenian ``hy``, Thai ``th``, Hangul ``ko``, ...); Han
   with kana is ``ja``, Han alone ``zh``.
2. **Letters unique to a language** (Cyrillic only): a language whose
   alphabet lacks letters that the sample uses more than a stray number of
   times is ruled out (і ї є ґ leave Ukrainian, Belarusian, Kazakh; ы э ё rule
   out Ukrainian and Bulgarian; ђ ћ mean Serbian, ѓ ќ ѕ Macedonian, ...).
3. **Stopwords.**  The sample's distinct words written in lower case are looked up in the
   stoplists that jusText ships (read by :mod:`cleantext.lang.stoplists`) for the
   candidate languages of the script; a hit counts ``1 / n`` when ``n``
   candidates list the word, so words shared by related languages weigh
   little.  The best language wins when its score is high enough, a clear
   multiple of the runner-up's, and it also lists the most of the words.
   A function word is written in lower case inside a sentence; a word the
   sample writes only with a capital is a name or a title's word (jusText's
   Finnish list holds "Brown", "Jackson" and "Williams": a roll of English
   names read as Finnish), and does not vote.

Anything else is *unsure* and goes to ``langdetect``, through a private
detector factory seeded once, so the same text always gives the same answer
(langdetect's own shared factory is left as it is); its answer is taken when
its probability is at least :data:`MIN_PROBABILITY`, otherwise ``None``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

import regex

from .stoplists import STOPLISTS, stoplist_by_name, stoplist_folder
from ..text.paragraphs import line_chunks
from ..text.words import UNSPACED_FROM, UNSPACED_RE, word_count

if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory

SAMPLE_CHARS = 1500
MIN_LETTERS = 20
MIXED_SHARE = 0.6  # below this share for the main script, a document is mixed: None
MIN_PROBABILITY = 0.8  # langdetect's answers below this are "unsure": None
MAX_LISTINGS = 8  # stopwords listed by more languages than this are not votes
MIN_SCORE = 1.5  # weighted stopword hits the best language needs
MIN_RATIO = 2.0  # ... and how many times the runner-up's score
STRAY_LETTERS = 3  # this many letters foreign to an alphabet may be quotes or names
STRAY_SHARE = 0.01  # ... or this share of the script's letters, whichever is larger

_WORD_RE = regex.compile(r"\p{L}+")
# General Punctuation (curly and low quotes, dashes, thin spaces): langdetect reads
# each as a space, but counts it as a non-Latin letter when it weighs whether to drop
# the Latin letters of a text, so curly quotes where there were ASCII ones could
# change its answer, and with it the quotes the language chooses.
_GENERAL_PUNCTUATION_RE = re.compile("[\u2000-\u206f]")

# --- scripts -----------------------------------------------------------------

# (first code point, script) for the blocks that matter; a code point belongs
# to the last block starting at or before it.  Letters outside them are "Other".
_BLOCKS = [
    (0x0000, "Latin"), (0x0250, "Other"), (0x0370, "Greek"), (0x0400, "Cyrillic"),
    (0x0530, "Armenian"), (0x0590, "Hebrew"), (0x0600, "Arabic"), (0x0700, "Other"),
    (0x0750, "Arabic"), (0x0780, "Other"), (0x0900, "Devanagari"), (0x0980, "Bengali"),
    (0x0A00, "Gurmukhi"), (0x0A80, "Gujarati"), (0x0B00, "Other"), (0x0B80, "Tamil"),
    (0x0C00, "Telugu"), (0x0C80, "Kannada"), (0x0D00, "Malayalam"), (0x0D80, "Sinhala"),
    (0x0E00, "Thai"), (0x0E80, "Lao"), (0x0F00, "Other"), (0x1000, "Myanmar"),
    (0x10A0, "Georgian"), (0x1100, "Hangul"), (0x1200, "Ethiopic"), (0x13A0, "Other"),
    (0x1780, "Khmer"), (0x1800, "Other"), (0x1C80, "Cyrillic"), (0x1C90, "Georgian"),
    (0x1CC0, "Other"), (0x1E00, "Latin"), (0x1F00, "Greek"), (0x2000, "Other"),
    (0x2D00, "Georgian"), (0x2D30, "Other"), (0x2DE0, "Cyrillic"), (0x2E00, "Other"),
    (0x2E80, "Han"), (0x3040, "Kana"), (0x3100, "Other"), (0x3130, "Hangul"),
    (0x3190, "Other"), (0x31F0, "Kana"), (0x3200, "Other"), (0x3400, "Han"),
    (0xA000, "Other"), (0xA640, "Cyrillic"), (0xA6A0, "Other"), (0xA720, "Latin"),
    (0xA800, "Other"), (0xAC00, "Hangul"), (0xD7B0, "Other"), (0xF900, "Han"),
    (0xFB00, "Other"), (0xFB1D, "Hebrew"), (0xFB50, "Arabic"), (0xFE00, "Other"),
    (0xFE70, "Arabic"), (0xFF00, "Other"), (0xFF66, "Kana"), (0xFFA0, "Other"),
    (0x20000, "Han"), (0x30000, "Other"),
]
_BLOCK_STARTS = [start for start, _ in _BLOCKS]

# A script that one language writes (among the languages worth telling apart here).
SCRIPT_LANGUAGE = {
    "Greek": "el", "Armenian": "hy", "Hebrew": "he", "Bengali": "bn", "Gurmukhi": "pa",
    "Gujarati": "gu", "Tamil": "ta", "Telugu": "te", "Kannada": "kn", "Malayalam": "ml",
    "Sinhala": "si", "Thai": "th", "Lao": "lo", "Myanmar": "my", "Georgian": "ka",
    "Hangul": "ko", "Ethiopic": "am", "Khmer": "km",
}
KANA_SHARE = 0.1  # Han text with this share of kana is Japanese

# Candidate languages of the scripts that many languages share (their jusText
# stoplists are named in :data:`cleantext.lang.stoplists.STOPLISTS`).  Codes are
# langdetect's where it knows the language.
CANDIDATES = {
    "Latin": ("af", "bs", "ca", "cs", "cy", "da", "de", "en", "es", "et", "eu", "fi", "fr",
              "ga", "gl", "hr", "hu", "id", "is", "it", "lt", "lv", "ms", "nl", "no", "pl",
              "pt", "ro", "sk", "sl", "sq", "sv", "sw", "tl", "tr", "vi", "az"),
    "Cyrillic": ("ru", "uk", "bg", "sr", "mk", "be", "kk"),
    "Arabic": ("ar", "fa", "ur"),
    "Devanagari": ("hi", "mr", "ne"),
}

# Alphabets used to rule languages out by letters they do not write.
_RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
ALPHABETS = {
    "ru": _RU,
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "bg": "абвгдежзийѝклмнопрстуфхцчшщъьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    "kk": _RU + "әғқңөұүһі",
}


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """The writing system of one letter, by Unicode block (see :data:`_BLOCKS`)."""
    return _BLOCKS[bisect.bisect_right(_BLOCK_STARTS, ord(char)) - 1][1]


_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_ASCII_RUNS_RE = re.compile(r"[\x00-\x7f]+")


def script_counts(text: str) -> Counter[str]:
    """Letters of ``text`` per script (ASCII letters are counted as Latin in one C pass;
    only the other characters are looked up one by one)."""
    counts: Counter[str] = Counter()
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
    if ascii_letters:
        counts["Latin"] = ascii_letters
    for char, n in Counter(_ASCII_RUNS_RE.sub("", text)).items():
        if char.isalpha():
            counts[script_of(char)] += n
    return counts


# --- stopword profiles --------------------------------------------------------


@dataclass(frozen=True)
class Profiles:
    """For one script: each stopword's weighted votes, ``{word: ((code, weight), ...)}``."""

    votes: dict[str, tuple[tuple[str, float], ...]]


def _stoplist(name: str) -> frozenset[str]:
    return stoplist_by_name(name)


def build_profiles(candidates: Iterable[str], script: str) -> Profiles:
    """Stopword votes for ``candidates``: a word listed by ``n`` of them weighs ``1/n``.

    Words listed by more than :data:`MAX_LISTINGS` languages (jusText's lists
    share English loanwords such as "the" and "of") weigh almost nothing and
    cost a vote per listing, so they are left out.

    Only stoplist entries that are one word in the script itself are used
    (jusText's lists also hold tokens such as ``(англ.`` or English ``the``).
    """
    listed: dict[str, list[str]] = {}
    for code in candidates:
        for word in _stoplist(STOPLISTS[code]):
            if _WORD_RE.fullmatch(word) and all(script_of(c) == script for c in word):
                listed.setdefault(word, []).append(code)
    shared: dict[tuple[str, ...], tuple[tuple[str, float], ...]] = {}  # one tuple per code set
    votes = {}
    for w, codes in listed.items():
        if len(codes) <= MAX_LISTINGS:
            key = tuple(codes)
            vote = shared.get(key)
            if vote is None:
                vote = shared[key] = tuple((c, 1.0 / len(codes)) for c in codes)
            votes[w] = vote
    return Profiles(votes)


@lru_cache(maxsize=None)
def profiles(script: str) -> Profiles:
    """The stopword profiles of ``script``, built once on first use (or read from the
    user cache, :mod:`cleantext.cache`, when the stoplists and this code are unchanged)."""
    from .. import cache
    from . import stoplists

    codes = CANDIDATES[script]
    folder = stoplist_folder()
    key = cache.fingerprint([script, *codes,
                             *cache.file_parts(folder / f"{STOPLISTS[c]}.txt" for c in codes),
                             cache.source_of(__file__), cache.source_of(stoplists.__file__)])
    return cache.cached(f"profiles-{script}", key, lambda: build_profiles(codes, script))


def stopword_scores(words: set[str], prof: Profiles, allowed: set[str] | None = None
                    ) -> tuple[Counter[str], Counter[str]]:
    """Stopword hits per language over the distinct ``words`` (only ``allowed`` codes,
    when given): weighted by how few candidates list each word, and plain counts."""
    weighted: dict[str, float] = {}
    plain: dict[str, int] = {}
    votes = prof.votes
    for word in words:
        for code, weight in votes.get(word, ()):
            if allowed is None or code in allowed:
                weighted[code] = weighted.get(code, 0.0) + weight
                plain[code] = plain.get(code, 0) + 1
    return Counter(weighted), Counter(plain)


def letter_candidates(letters: Counter[str], total: int) -> set[str]:
    """Cyrillic languages whose alphabet holds all but a stray few of the letters used."""
    stray = max(STRAY_LETTERS, STRAY_SHARE * total)
    return {code for code, alphabet in ALPHABETS.items()
            if sum(n for ch, n in letters.items() if ch not in alphabet) <= stray}


def best_of(weighted: Counter[str], plain: Counter[str]) -> str | None:
    """The best language by weighted score when it clears :data:`MIN_SCORE`, is
    :data:`MIN_RATIO` times the runner-up's, and also lists the most of the words
    (one word of another language's list, "bus" in Lithuanian, cannot win)."""
    ranked = weighted.most_common(2)
    if not ranked or ranked[0][1] < MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[0][1] < MIN_RATIO * ranked[1][1]:
        return None
    best = ranked[0][0]
    return best if plain[best] == max(plain.values()) else None


# --- the decision ----------------------------------------------------------------

UNSURE = "?"  # quick_detect's answer when langdetect must decide


def sample(text: str, limit: int = SAMPLE_CHARS) -> str:
    """The longest prose-like lines of ``text`` (six words, two characters of a script
    written without spaces counting as one, or 80 characters), longest first, up to
    ``limit`` characters; all of ``text`` when no line looks like prose.

    The longest paragraphs are the article's far more often than the first ones: a
    scraped page opens with menus, banners, a translation notice or spam in another
    language, and the article's language is the one to report."""
    # (a line whose characters all come before UNSPACED_FROM holds none of those scripts)
    picked = [line for chunk in line_chunks(text) for line in chunk.split("\n")
              if len(line) >= 80 or (words := len(line.split())) >= 6
              or line and max(line) >= UNSPACED_FROM
              and words + len(UNSPACED_RE.findall(line)) // 2 >= 6]
    if not picked:
        return text[:limit]
    picked.sort(key=len, reverse=True)  # stable: equal lengths keep the page's order
    return "\n".join(_up_to(_of_most_words(picked, limit), limit))[:limit]


def _up_to(lines: list[str], limit: int) -> list[str]:
    """The first of ``lines`` up to the one that brings them to ``limit`` characters."""
    size = 0
    for k, line in enumerate(lines):
        size += len(line)
        if size >= limit:
            return lines[: k + 1]
    return lines


def _of_most_words(picked: list[str], limit: int) -> list[str]:
    """The ``picked`` lines (longest first) that the sample reads: all of them, unless the
    longest, up to ``limit`` characters, are mostly in another script than the one that
    writes most of the prose's words (:data:`MIXED_SHARE` of them at least) -- then the
    lines of that script.  A line of English holds fewer words per character than one of
    Chinese or Japanese, and another story, a consent text or a notice in another script can
    be longer than the article's paragraphs: the article's language is that of most of the
    page's prose, not of its longest lines."""
    scripts = [_writing(line) for line in picked]
    mass: Counter[str | None] = Counter()
    for line, script in zip(picked, scripts):
        mass[script] += word_count(line)
    most, words = max(mass.items(), key=lambda kv: kv[1])
    if (most is None or words < MIXED_SHARE * sum(mass.values())
            or _writing("\n".join(_up_to(picked, limit))) == most):
        return picked  # (a page of two writings about as long: mixed, as the sample says)
    return [line for line, script in zip(picked, scripts) if script == most]


# Chinese, Japanese and Korean write with Han characters, and Japanese with kana too: one
# writing for the prose's mass (a Japanese paragraph of more kanji than kana is Japanese).
_CJK = {"Han": "CJK", "Kana": "CJK", "Hangul": "CJK"}


def _writing(text: str) -> str | None:
    """:func:`_main_script`, Han, kana and Hangul read as one."""
    script = _main_script(text)
    return _CJK.get(script, script) if script else None


def quick_detect(chunk: str) -> str | None:
    """The fast path on a sample: a code, ``None`` (no language to speak of, or a
    mixed document) or :data:`UNSURE` (ask langdetect)."""
    counts = script_counts(chunk)
    total = sum(counts.values())
    if total < MIN_LETTERS:
        return None
    script, n = max(counts.items(), key=lambda kv: kv[1])
    if script in ("Han", "Kana") or script == "Hangul" and counts["Han"]:
        cjk = counts["Han"] + counts["Kana"] + counts["Hangul"]
        n = cjk
        script = ("ja" if counts["Kana"] >= KANA_SHARE * cjk
                  else "ko" if counts["Hangul"] > counts["Han"] else "zh")
    if n < MIXED_SHARE * total:
        return None
    if script in ("ja", "ko", "zh"):
        return script
    if script in SCRIPT_LANGUAGE:
        return SCRIPT_LANGUAGE[script]
    if script not in CANDIDATES:
        return UNSURE
    written = _WORD_RE.findall(chunk)
    words = [w.lower() for w in written]
    distinct = {w for w in set(words) if script_of(w[0]) == script}
    # the votes: the words the sample writes without a capital somewhere (a name never)
    votes = distinct & set(written)
    allowed = None
    if script == "Cyrillic":
        allowed = letter_candidates(Counter(c for w in words if w in distinct for c in w), n)
        if len(allowed) == 1:
            return next(iter(allowed))
        if not allowed:
            return UNSURE
    return best_of(*stopword_scores(votes, profiles(script), allowed)) or UNSURE


@lru_cache(maxsize=1)
def _detector_factory() -> DetectorFactory:
    """cleantext's own langdetect factory, loaded with langdetect's profiles and seeded,
    so answers are reproducible without setting the seed of langdetect's shared factory
    for the whole process."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.langlist, factory.word_lang_prob_map = _load_profiles(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def _load_profiles(folder: str) -> tuple[list[str], NgramTable]:
    """The languages and n-gram table of ``DetectorFactory.load_profile(folder)``, read
    the way it reads them (the files in listing order, hidden ones and folders skipped;
    a language's column is its place among the files read), but with the table's rows
    made on demand (:class:`NgramTable`)."""
    import json
    import os

    names = os.listdir(folder)
    languages: list[str] = []
    profiles: list[tuple[dict[str, int], list[int]]] = []
    for name in names:
        path = os.path.join(folder, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        languages.append(data["name"])
        profiles.append((data["freq"], data["n_words"]))
    return languages, NgramTable(profiles, len(names))


class NgramTable:
    """langdetect's table of n-gram -> probability in each language, as its detector
    reads it (``ngram in table``, ``table[ngram]``), with each row made when it is first
    read: the detector reads the rows of its text's n-grams only, so the 90,000 rows
    ``DetectorFactory.load_profile`` builds up front (a fifth of a second) are not
    built.  The rows are those it builds: a list of ``columns`` floats, the relative
    frequency of a one- to three-character n-gram in each profile (0.0 where absent,
    and everywhere for a longer one)."""

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]], columns: int) -> None:
        self._profiles = profiles
        self._columns = columns
        self._ngrams = frozenset().union(*(freq for freq, _ in profiles))
        self._rows: dict[str, list[float]] = {}

    def __contains__(self, ngram: object) -> bool:
        return ngram in self._ngrams

    def __getitem__(self, ngram: str) -> list[float]:
        row = self._rows.get(ngram)
        if row is None:
            if ngram not in self._ngrams:
                raise KeyError(ngram)
            length = len(ngram)
            if 1 <= length <= 3:
                # count / n is 1.0 * count / n (both exact below 2**53, the quotient
                # correctly rounded either way), and 0.0 where the profile lacks the n-gram
                k = length - 1
                row = [freq.get(ngram, 0) / n_words[k] for freq, n_words in self._profiles]
                row += [0.0] * (self._columns - len(row))
            else:
                row = [0.0] * self._columns
            self._rows[ngram] = row
        return row


def langdetect_language(chunk: str) -> str | None:
    """Seeded langdetect on ``chunk``: its best code (``zh-cn`` cut to ``zh``) when
    its probability is at least :data:`MIN_PROBABILITY`, else None."""
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector = _detector_factory().create()
        detector.append(_GENERAL_PUNCTUATION_RE.sub(" ", chunk))
        best = detector.get_probabilities()[0]
    except LangDetectException:
        return None
    return best.lang.split("-")[0] if best.prob >= MIN_PROBABILITY else None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None (too little text, mixed, unsure).

    The fast path decides when it can; langdetect only when it is unsure.  The answer
    depends on :func:`sample` of the text alone (:func:`language_of_sample`).
    """
    return language_of_sample(sample(text))


# Quotation marks, straight and typographic: no letter to either reader.  The fast path
# counts letters and words of letters only; langdetect reads each as a space (the ASCII ones
# and guillemets itself, General Punctuation after :data:`_GENERAL_PUNCTUATION_RE`).
_QUOTES = "\"'«»“”„‟‘’‚‛‹›"
_FOLD_QUOTES = str.maketrans(_QUOTES, '"' * len(_QUOTES))


def same_reading(chunk: str, other: str) -> bool:
    """Do two samples differ at most in their quotation marks, one for one (the typographic
    quotes the cleaner wrote)?  Then :func:`language_of_sample` gives both the same answer,
    and the second need not be read."""
    return chunk == other or (len(chunk) == len(other)
                              and chunk.translate(_FOLD_QUOTES) == other.translate(_FOLD_QUOTES))


def language_of_sample(chunk: str) -> str | None:
    """:func:`detect_language`'s answer for a text whose :func:`sample` is ``chunk``."""
    code = quick_detect(chunk)  # None when it holds too few letters
    return langdetect_language(chunk) if code == UNSURE else code


def _main_script(text: str) -> str | None:
    """The script of most of the letters of ``text`` (None: it has none)."""
    counts = script_counts(text)
    return max(counts.items(), key=lambda kv: kv[1])[0] if counts else None


def other_script_language(text: str, chunk: str) -> str | None:
    """The language of the lines of ``text`` written mostly in another script than the
    sample ``chunk`` (:func:`sample`) is: the article of a page in one script whose chrome,
    in another, filled the sample (an English consent panel and menu around a Chinese
    article: English lines hold fewer words per character than Chinese ones, so they are
    the longest).  None when no such line holds a language to speak of."""
    script = _main_script(chunk)
    if script is None:
        return None
    others = [line for line in text.split("\n") if line and _main_script(line) not in (None, script)]
    return language_of_sample(sample("\n".join(others))) if others else None


def known_languages() -> list[str]:
    """Every code :func:`detect_language` can answer, and every code with a stoplist,
    sorted: the languages the cleaner knows (rule packs may add more)."""
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY

    codes = set(STOPLISTS) | set(SCRIPT_LANGUAGE.values()) | {"ja", "zh"}
    for candidates in CANDIDATES.values():
        codes.update(candidates)
    codes.update(name.split("-")[0] for name in os.listdir(PROFILES_DIRECTORY))
    return sorted(codes)
