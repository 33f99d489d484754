"""Mojibake repair: cleantext's NF003 against ``ftfy.fix_text``, case by case.

Run ``python -m benchmarks.mojibake`` (``--per-language N`` paragraphs per
language, ``--seed S``).

Cases are built from text written for the project: the language fixtures
``tests/fixtures/languages/<lang>/kursk.txt`` (ru, uk, bg: Cyrillic; de, fr,
es, it, pl, pt: Latin) and the English seeds ``seeds/input/*.txt`` (Latin).
From each language a few paragraphs are drawn (seeded), each with at least two
sentences and some non-ASCII letter or punctuation, and broken the ways pages
and scrapers break them (:data:`BREAKERS`):

* UTF-8 bytes decoded with a single-byte codec: cp1251, cp1252, latin-1,
  iso-8859-15, koi8-r, cp866;
* Cyrillic text stored in a legacy codec (koi8-r, cp1251) and read as
  latin-1 or cp1252 (Cyrillic languages only: Latin text cannot be stored in
  those codecs);
* double encoding: UTF-8 mis-decoded twice with cp1252, or twice with cp1251.

Each in two placements: ``paragraph`` (the whole paragraph broken) and
``sentence`` (one sentence, holding non-ASCII, broken inside an otherwise
clean paragraph).  A case whose breaking raises a codec error (cp1252 has no
character for byte 0x81, cp1251 none for 0x98, ...) is skipped and counted;
so is one whose breaking changes nothing, or, for iso-8859-15, one that reads
the same as latin-1.

A case is repaired by cleantext when ``Cleaner(lang=<language>).clean`` gives
the same text for the broken paragraph as for the original one (the language
is given so that mojibake cannot move the language and with it the rule set:
the benchmark is about the repair); by ftfy when ``ftfy.fix_text(broken)``
equals the original.  Both comparisons go through :func:`light_normalise`
(NFC, whitespace collapsed, quotes folded to ASCII) on both sides.
"""

from __future__ import annotations

import argparse
import random
import re
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "languages"
SEEDS = ROOT / "seeds" / "input"
CYRILLIC = ("ru", "uk", "bg")
LATIN = ("de", "fr", "es", "it", "pl", "pt", "en")
LANGUAGES = CYRILLIC + LATIN
PLACEMENTS = ("paragraph", "sentence")
DEFAULT_SEED = 20240607
DEFAULT_PER_LANGUAGE = 3


@dataclass(frozen=True)
class Case:
    """One broken paragraph: ``broken`` is ``original`` with mojibake in it."""

    language: str
    encoding: str
    placement: str
    original: str
    broken: str

    @property
    def group(self) -> str:
        return "Cyrillic" if self.language in CYRILLIC else "Latin"


def _misread(write: str, read: str) -> Callable[[str], str]:
    """Text stored in ``write`` and decoded as ``read`` (strict: errors raise)."""
    return lambda text: text.encode(write).decode(read)


def _twice(first: Callable[[str], str]) -> Callable[[str], str]:
    return lambda text: first(first(text))


# name -> (breaker, applies to Latin-script languages too)
BREAKERS: dict[str, tuple[Callable[[str], str], bool]] = {
    "utf8>cp1251": (_misread("utf-8", "cp1251"), True),
    "utf8>cp1252": (_misread("utf-8", "cp1252"), True),
    "utf8>latin-1": (_misread("utf-8", "latin-1"), True),
    "utf8>iso-8859-15": (_misread("utf-8", "iso-8859-15"), True),
    "utf8>koi8-r": (_misread("utf-8", "koi8_r"), True),
    "utf8>cp866": (_misread("utf-8", "cp866"), True),
    "koi8-r>latin-1": (_misread("koi8_r", "latin-1"), False),
    "koi8-r>cp1252": (_misread("koi8_r", "cp1252"), False),
    "cp1251>latin-1": (_misread("cp1251", "latin-1"), False),
    "cp1251>cp1252": (_misread("cp1251", "cp1252"), False),
    "utf8>cp1252 x2": (_twice(_misread("utf-8", "cp1252")), True),
    "utf8>cp1251 x2": (_twice(_misread("utf-8", "cp1251")), True),
}

_SENTENCE_END_RE = re.compile(r"(?<=[.!?…»\"”])\s+(?=[\"«„“‘'(—–-]?[^\W\d_])")


def sentences(paragraph: str) -> list[str]:
    """The sentences of ``paragraph`` (a plain split after end punctuation)."""
    return _SENTENCE_END_RE.split(paragraph)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def _usable(paragraph: str) -> bool:
    """At least two sentences, one of them with a non-ASCII character."""
    parts = sentences(paragraph)
    return len(parts) >= 2 and any(not s.isascii() for s in parts)


def kept_by_cleantext(language: str, paragraph: str) -> bool:
    """Does cleantext keep every word of the clean ``paragraph``?  A paragraph it
    drops or trims as boilerplate (a copyright line, a "read also" link) would
    count as "repaired" whatever its mojibake, so it makes no case."""
    import cleantext

    return len(cleantext.clean(paragraph, lang=language).split()) == len(paragraph.split())


def source_paragraphs(language: str,
                      keep: Callable[[str, str], bool] | None = kept_by_cleantext) -> list[str]:
    """Candidate paragraphs of ``language`` in file order (those ``keep`` accepts)."""
    if language == "en":
        files = sorted(SEEDS.glob("*.txt"))
    else:
        files = [FIXTURES / language / "kursk.txt"]
    out = []
    for path in files:
        out += [p for p in _paragraphs(path.read_text(encoding="utf-8"))
                if _usable(p) and (keep is None or keep(language, p))]
    return out


@dataclass
class Skipped:
    """Cases not built, by reason."""

    codec_error: int = 0
    unchanged: int = 0
    same_as_latin1: int = 0


def build_cases(seed: int = DEFAULT_SEED, per_language: int = DEFAULT_PER_LANGUAGE,
                skipped: Skipped | None = None,
                keep: Callable[[str, str], bool] | None = kept_by_cleantext) -> list[Case]:
    """The mojibake cases, in a fixed order; the same ``seed`` gives the same list.

    ``skipped`` (if given) receives the counts of cases not built; ``keep``
    chooses the source paragraphs (None: every usable one).
    """
    skipped = skipped if skipped is not None else Skipped()
    rng = random.Random(seed)
    cases: list[Case] = []
    for language in LANGUAGES:
        pool = source_paragraphs(language, keep)
        chosen = rng.sample(pool, min(per_language, len(pool)))
        for paragraph in chosen:
            parts = sentences(paragraph)
            target = rng.choice([i for i, s in enumerate(parts) if not s.isascii()])
            # the sentence is found again by position: rebuild with its separator kept
            start = paragraph.index(parts[target], sum(len(s) for s in parts[:target]))
            end = start + len(parts[target])
            for name, (breaker, latin_too) in BREAKERS.items():
                if language not in CYRILLIC and not latin_too:
                    continue
                for placement in PLACEMENTS:
                    try:
                        if placement == "paragraph":
                            broken = breaker(paragraph)
                        else:
                            broken = paragraph[:start] + breaker(paragraph[start:end]) + paragraph[end:]
                    except (UnicodeEncodeError, UnicodeDecodeError):
                        skipped.codec_error += 1
                        continue
                    if broken == paragraph:
                        skipped.unchanged += 1
                        continue
                    if name == "utf8>iso-8859-15":
                        latin1 = BREAKERS["utf8>latin-1"][0]
                        same = (latin1(paragraph) if placement == "paragraph" else
                                paragraph[:start] + latin1(paragraph[start:end]) + paragraph[end:])
                        if same == broken:
                            skipped.same_as_latin1 += 1
                            continue
                    cases.append(Case(language, name, placement, paragraph, broken))
    return cases


# --- comparison --------------------------------------------------------------

_QUOTES = {**dict.fromkeys("«»“”„‟″", '"'), **dict.fromkeys("‘’‚‛‹›′", "'")}
_QUOTE_TABLE = str.maketrans(_QUOTES)
_WS_RE = re.compile(r"\s+")


def light_normalise(text: str) -> str:
    """NFC, whitespace runs to one space (ends stripped), quotes folded to ASCII."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTE_TABLE)
    return _WS_RE.sub(" ", text).strip()


class Judge:
    """Decides, per case, whether cleantext and ftfy repair it."""

    def __init__(self) -> None:
        import cleantext

        self._cleaners: dict[str, cleantext.Cleaner] = {}
        self._cleantext = cleantext

    def cleaner(self, language: str):
        if language not in self._cleaners:
            self._cleaners[language] = self._cleantext.Cleaner(lang=language)
        return self._cleaners[language]

    def cleantext_output(self, case: Case) -> str:
        return self.cleaner(case.language).clean(case.broken)

    def cleantext_repairs(self, case: Case) -> bool:
        cleaner = self.cleaner(case.language)
        return (light_normalise(cleaner.clean(case.broken))
                == light_normalise(cleaner.clean(case.original)))

    @staticmethod
    def ftfy_repairs(case: Case) -> bool:
        import ftfy

        return light_normalise(ftfy.fix_text(case.broken)) == light_normalise(case.original)


# --- report ------------------------------------------------------------------

def _row(label: str, counts: Counter) -> str:
    return (f"{label:<34}{counts['cases']:>6}{counts['ct']:>11}{counts['ftfy']:>7}"
            f"{counts['both']:>7}{counts['neither']:>9}")


def _varied(cases: list[Case], limit: int) -> list[Case]:
    """Up to ``limit`` of ``cases``: first one per (encoding, placement, group), then the rest."""
    seen: set[tuple[str, str, str]] = set()
    first, rest = [], []
    for case in cases:
        key = (case.encoding, case.placement, case.group)
        (rest if key in seen else first).append(case)
        seen.add(key)
    return (first + rest)[:limit]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--per-language", type=int, default=DEFAULT_PER_LANGUAGE)
    parser.add_argument("--examples", type=int, default=10)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    skipped = Skipped()
    cases = build_cases(args.seed, args.per_language, skipped)
    judge = Judge()
    table: dict[tuple[str, str, str], Counter] = {}
    by_group: dict[str, Counter] = {}
    total = Counter()
    ftfy_only: list[Case] = []
    for case in cases:
        ct, ff = judge.cleantext_repairs(case), judge.ftfy_repairs(case)
        outcome = Counter(cases=1, ct=ct, ftfy=ff, both=ct and ff, neither=not (ct or ff))
        table.setdefault((case.encoding, case.placement, case.group), Counter()).update(outcome)
        by_group.setdefault(case.group, Counter()).update(outcome)
        total.update(outcome)
        if ff and not ct:
            ftfy_only.append(case)
    elapsed = time.perf_counter() - t0

    print(f"Mojibake cases: seed {args.seed}, {args.per_language} paragraphs per language, "
          f"{len(LANGUAGES)} languages; {len(cases)} cases built")
    print(f"not built: {skipped.codec_error} codec errors, {skipped.unchanged} unchanged by the "
          f"codec, {skipped.same_as_latin1} iso-8859-15 cases identical to latin-1")
    print()
    header = f"{'encoding / placement / group':<34}{'cases':>6}{'cleantext':>11}{'ftfy':>7}{'both':>7}{'neither':>9}"
    print(header)
    print("-" * len(header))
    order = {name: i for i, name in enumerate(BREAKERS)}
    for key in sorted(table, key=lambda k: (order[k[0]], PLACEMENTS.index(k[1]), k[2])):
        print(_row(" / ".join(key), table[key]))
    print("-" * len(header))
    for group in ("Cyrillic", "Latin"):
        if group in by_group:
            print(_row(f"all / {group}", by_group[group]))
    print(_row("total", total))
    print()
    print(f"Repaired by ftfy, not by cleantext (first {args.examples}): the broken text's first"
          " 80 characters, then cleantext's output and the expected text from 20 characters"
          " before their first difference")
    for case in _varied(ftfy_only, args.examples):
        got = light_normalise(judge.cleantext_output(case))
        want = light_normalise(judge.cleaner(case.language).clean(case.original))
        at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        print(f"- {case.language} {case.encoding} {case.placement}")
        print(f"    broken:    {case.broken[:80]!r}")
        print(f"    cleantext: {got[max(0, at - 20):at + 40]!r}")
        print(f"    expected:  {want[max(0, at - 20):at + 40]!r}")
    print()
    print(f"({elapsed:.1f} s)")


if __name__ == "__main__":
    main()
