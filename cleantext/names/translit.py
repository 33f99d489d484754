"""Romanizations of Russian and Ukrainian names, as real texts write them.

:func:`romanizations` turns one native-script name ("Харьков") into every
Latin spelling that a standard scheme or an English-press habit gives
("Kharkov", "Khar'kov" folded to "Kharkov", "Harkov", ...), each labelled with
the first scheme that produced it.  The schemes come from libraries:

* Russian: ``iuliia`` (Wikipedia, BGN/PCGN, Library of Congress ALA-LC, ICAO
  Doc 9303, GOST 7.79 = ISO 9, GOST 52535, Moscow Metro, Yandex, MVD, scientific,
  telegram style, UNGEGN, BS 2979);
* Ukrainian: ``translitua`` (national 2010 = KMU, BGN/PCGN, ALA-LC, passport
  2004/2007, national 1996, ISO 9, GOST 1971/1986, British, German, French,
  scholarly).

Written here, because no library has it: ASCII folding of diacritics and soft
signs ("Hinštejn" -> "Hinstejn", "Lʹviv" -> "Lviv"), the language guess for a
native form, and the English-press habits (:data:`PRESS_HABITS`:
-sky/-skiy/-skyy/-skyi, Dmitriy/Dmitry/Dmitri, Sergey/Sergei, Aleksandr/Alexandr,
й as i before a consonant as the Ukrainian national scheme writes it (Yeysk/Yeisk),
Zaporizhzhia/Zaporizhia) plus English given-name equivalents (Alexander, Eugene).

Everything here is pure and runs at table-load time, never per document.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    import iuliia
    from translitua.translit import TransliterationTable

_RUSSIAN_SCHEME_NAMES = (
    "WIKIPEDIA", "BGN_PCGN", "ALA_LC", "ICAO_DOC_9303", "GOST_779", "GOST_52535",
    "MOSMETRO", "YANDEX_MAPS", "YANDEX_MONEY", "MVD_310", "MVD_782", "SCIENTIFIC",
    "TELEGRAM", "UNGEGN_1987", "BS_2979", "GOST_16876")
_UKRAINIAN_SCHEME_NAMES = (
    ("national_2010", "UkrainianKMU"), ("bgn_pcgn", "UkrainianBGN"),
    ("ala_lc", "UkrainianALALC"), ("passport_2007", "UkrainianPassport2007"),
    ("national_1996", "UkrainianNational1996"), ("iso_9", "UkrainianISO9"),
    ("gost_1986", "UkrainianGOST1986"), ("gost_1971", "UkrainianGOST1971"),
    ("british", "UkrainianBritish"), ("scholarly", "UkrainianWWS"),
    ("simple", "UkrainianSimple"), ("german", "UkrainianGerman"),
    ("french", "UkrainianFrench"))


@lru_cache(maxsize=1)
def russian_schemes() -> tuple[tuple[str, iuliia.Schema], ...]:
    """Russian schemes, in the order used to label a form (first producer wins)
    (``iuliia`` is imported on first use)."""
    import iuliia

    return tuple((f"ru:{name.lower()}", getattr(iuliia, name)) for name in _RUSSIAN_SCHEME_NAMES)


@lru_cache(maxsize=1)
def ukrainian_schemes() -> tuple[tuple[str, type[TransliterationTable]], ...]:
    """Ukrainian schemes, in the order used to label a form (``translitua`` is
    imported on first use)."""
    import translitua

    return tuple((f"uk:{label}", getattr(translitua, name)) for label, name in _UKRAINIAN_SCHEME_NAMES)


def __getattr__(name: str) -> object:
    if name == "RUSSIAN_SCHEMES":
        return russian_schemes()
    if name == "UKRAINIAN_SCHEMES":
        return ukrainian_schemes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

_UKRAINIAN_ONLY = set("іїєґІЇЄҐ'’ʼ")  # the apostrophe is Ukrainian (Russian writes ъ)
_RUSSIAN_ONLY = set("ыэъёЫЭЪЁ")
_MARKS = str.maketrans("", "", "ʹʺ′″'’ʼ‘`\u0361\u0306")
_ASCII_NAME = regex.compile(r"[A-Za-z]+(?:[ -][A-Za-z]+)*")

PRESS_HABITS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("press -sky", r"sk(?:iy|ii|yy|yi|ij|yj|y|i)$", ("sky", "skiy", "skyy", "skyi", "skii", "ski")),
    ("press -iy", r"(?<=[^aeiouy])(?:iy|ii)$", ("y", "i", "iy", "ii")),
    ("press -ey", r"(?<=[aeo])y$", ("i",)),
    ("press ks/x", r"ks", ("x",)),
    ("press -zhzh-", r"zhzh", ("zh",)),
    ("press -andr", r"andr$", ("ander",)),
    ("press й as i", r"(?<=[aeiou])y(?=[bcdfghjklmnpqrstvwxz])", ("i",)),
)
"""English-press habits as (label, pattern on one word, replacements)."""

ENGLISH_GIVEN_NAMES: dict[str, tuple[str, ...]] = {
    "Александр": ("Alexander",), "Олександр": ("Alexander", "Oleksandr"),
    "Евгений": ("Eugene",), "Євген": ("Eugene", "Yevhen"), "Пётр": ("Peter", "Pyotr"),
    "Петр": ("Peter", "Pyotr"), "Михаил": ("Mikhail",), "Мария": ("Maria",),
    "Юлия": ("Yulia", "Julia"), "Юлія": ("Yulia",), "Наталья": ("Natalia",),
    "Виталий": ("Vitali", "Vitaly"), "Віталій": ("Vitali", "Vitaliy"),
    "Фёдор": ("Fyodor",), "Федор": ("Fyodor",), "Алексей": ("Alexei", "Alexey"),
}
"""Given names whose usual English form is not a transliteration."""

GIVEN_NAMES = frozenset("""
Александр Алексей Анатолий Андрей Антон Аркадий Артём Артем Борис Вадим Валентин
Валерий Василий Виктор Виталий Владимир Владислав Вячеслав Геннадий Георгий Глеб
Григорий Денис Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Леонид Максим
Михаил Никита Николай Олег Павел Пётр Петр Рамзан Роман Руслан Сергей Станислав
Степан Тимур Фёдор Федор Юрий Ярослав Эдуард Марат Семён Семен Ахмат Алла Александра
Алина Анастасия Анна Валентина Вера Галина Дарья Екатерина Елена Ирина Людмила Мария
Марина Наталья Нина Ольга Светлана Татьяна Юлия Эльвира Элла Олександр Олексій Андрій
Богдан Василь Віктор Віталій Володимир Валерій Геннадій Григорій Дмитро Євген Іван
Ігор Кирило Костянтин Леонід Михайло Микола Павло Петро Сергій Тарас Юрій Рустем
Олена Ірина Юлія Наталія Тетяна Оксана Марія Вікторія Віра Денис Максим Роман Руслан
Олег Ярослав Вадим Степан Антон Артем Мирослав Ілля Ганна
""".split())
"""Common Russian and Ukrainian given names: a native form that starts with one
is a person (its last word a surname), unless the entry says otherwise."""


def native_language(native: str, siblings: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Which schemes apply to a native form: ``("uk",)``, ``("ru",)`` or both.

    Letters only one alphabet has decide (і ї є ґ and the apostrophe: Ukrainian;
    ы э ъ ё: Russian).
    A form without them is Russian when a sibling native form of the same entry
    is Ukrainian (the pair Харків / Харьков), and the reverse; otherwise both.
    """
    letters = set(native)
    if letters & _UKRAINIAN_ONLY:
        return ("uk",)
    if letters & _RUSSIAN_ONLY:
        return ("ru",)
    sibling_langs = {native_language(s) for s in siblings if s != native}
    if ("uk",) in sibling_langs and ("ru",) not in sibling_langs:
        return ("ru",)
    if ("ru",) in sibling_langs and ("uk",) not in sibling_langs:
        return ("uk",)
    return ("ru", "uk")


def ascii_fold(text: str) -> str | None:
    """The ASCII form of a romanization, or None when it cannot be written in ASCII.

    Diacritics are dropped (š -> s, ï -> i), soft and hard sign marks and
    apostrophes are removed (Khar'kov -> Kharkov), tie bars vanish.
    """
    text = unicodedata.normalize("NFKD", text.translate(_MARKS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_MARKS)
    return text if _ASCII_NAME.fullmatch(text) else None


def _scheme_outputs(native: str, languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(scheme, raw romanization)`` for every scheme of ``languages``."""
    out = []
    if "ru" in languages:
        out += [(label, schema.translate(native)) for label, schema in russian_schemes()]
    if "uk" in languages:
        from translitua import translit

        out += [(label, translit(native, table)) for label, table in ukrainian_schemes()]
    return out


@lru_cache(maxsize=1)
def _press_patterns() -> tuple[regex.Pattern[str], ...]:
    return tuple(regex.compile(pattern) for _label, pattern, _ in PRESS_HABITS)


def press_variants(word: str) -> list[tuple[str, str]]:
    """``(label, spelling)`` for each English-press habit that applies to one word."""
    out = []
    for (label, _pattern, replacements), pattern in zip(PRESS_HABITS, _press_patterns()):
        for replacement in replacements:
            new = pattern.sub(replacement, word)
            if new != word:
                out.append((label, new))
    return out


def _with_press_habits(form: str, scheme: str) -> dict[str, str]:
    """``form`` plus its press-habit spellings (two rounds, word by word)."""
    found = {form: scheme}
    frontier = [form]
    for _ in range(2):
        nxt = []
        for current in frontier:
            words = current.split(" ")
            for k, word in enumerate(words):
                for label, new_word in press_variants(word):
                    new = " ".join([*words[:k], new_word, *words[k + 1:]])
                    if new not in found:
                        found[new] = f"{found[current]} + {label}"
                        nxt.append(new)
        frontier = nxt
    return found


@lru_cache(maxsize=8192)
def romanizations(native: str, languages: tuple[str, ...] = ("ru", "uk")) -> dict[str, str]:
    """Every ASCII spelling of ``native`` -> the scheme (and habits) that gave it first.

    Scheme outputs come first, in scheme order, then press habits applied to
    them; a spelling keeps the label of its first producer.
    """
    known = _KNOWN.get((native, languages))
    if known is not None:
        return known
    out: dict[str, str] = {}
    for scheme, raw in _scheme_outputs(native.strip(), languages):
        form = ascii_fold(raw)
        if form and form not in out:
            out[form] = scheme
    for form, scheme in list(out.items()):
        for new, label in _with_press_habits(form, scheme).items():
            out.setdefault(new, label)
    for english in ENGLISH_GIVEN_NAMES.get(native.strip(), ()):
        out.setdefault(english, "english given name")
    _COMPUTED[(native, languages)] = out
    return out


# Romanizations stored by an earlier run (:func:`cleantext.names.table.build_name_table`
# reads them from the user cache) and those computed in this process.
_KNOWN: dict[tuple[str, tuple[str, ...]], dict[str, str]] = {}
_COMPUTED: dict[tuple[str, tuple[str, ...]], dict[str, str]] = {}


def use_known(known: dict[tuple[str, tuple[str, ...]], dict[str, str]] | None
              ) -> dict[tuple[str, tuple[str, ...]], dict[str, str]]:
    """Answer :func:`romanizations` from ``known`` (None: stop); returns what was
    computed since the last call, and forgets it."""
    _KNOWN.clear()
    if known:
        _KNOWN.update(known)
    computed = dict(_COMPUTED)
    _COMPUTED.clear()
    return computed


def is_given_name(native_word: str) -> bool:
    """Is this native word a common Russian or Ukrainian given name?"""
    return native_word in GIVEN_NAMES
