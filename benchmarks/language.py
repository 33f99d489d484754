"""Language detection: the fast path and cleantext's detector against plain langdetect.

Run ``python -m benchmarks.language`` (``--repeat N`` for steadier timings).

Data, all written for the tests:

* *paragraphs*: the labelled short news paragraphs of
  ``tests/fixtures/languages/paragraphs.toml`` (40-odd languages);
* *samples*: per language, its paragraphs joined into one ~1.5 KB document
  (the size of the detector's bounded sample);
* *articles*: the fixture articles of ``tests/fixtures/languages/<lang>/``.

Methods, each on the detector's bounded sample (:func:`cleantext.lang.detect.sample`):

* ``fast path``: :func:`~cleantext.lang.detect.quick_detect` alone; its accuracy
  counts "unsure" as wrong, and ``settled`` is the share it answers;
* ``cleantext``: :func:`~cleantext.lang.detect.detect_language` (fast path, then
  seeded langdetect when unsure);
* ``langdetect``: seeded ``langdetect.detect`` (``zh-cn`` cut to ``zh``).

Accuracy is also given on the languages langdetect knows, since it cannot name
Serbian, Belarusian, Kazakh, Georgian or Armenian at all.
"""

from __future__ import annotations

import argparse
import time
import tomllib
from pathlib import Path
from typing import Callable

from cleantext.lang import detect as lg

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "languages"
LANGDETECT_KNOWS = {
    "af", "ar", "bg", "bn", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr",
    "gu", "he", "hi", "hr", "hu", "id", "it", "ja", "kn", "ko", "lt", "lv", "mk", "ml", "mr", "ne",
    "nl", "no", "pa", "pl", "pt", "ro", "ru", "sk", "sl", "so", "sq", "sv", "sw", "ta", "te", "th",
    "tl", "tr", "uk", "ur", "vi", "zh",
}


def paragraphs() -> list[tuple[str, str]]:
    """(language, text) for every labelled paragraph."""
    data = tomllib.loads((FIXTURES / "paragraphs.toml").read_text(encoding="utf-8"))
    return [(p["lang"], p["text"]) for p in data["paragraph"]]


def samples(limit: int = lg.SAMPLE_CHARS) -> list[tuple[str, str]]:
    """Per language, its paragraphs repeated and joined up to ``limit`` characters."""
    by_lang: dict[str, list[str]] = {}
    for lang, text in paragraphs():
        by_lang.setdefault(lang, []).append(text)
    out = []
    for lang, texts in by_lang.items():
        doc, i = [], 0
        while sum(len(t) + 1 for t in doc) < limit:
            doc.append(texts[i % len(texts)])
            i += 1
        out.append((lang, "\n".join(doc)))
    return out


def articles() -> list[tuple[str, str]]:
    """(language, text) for every fixture article."""
    return [(p.parent.name, p.read_text(encoding="utf-8"))
            for p in sorted(FIXTURES.glob("*/*.txt")) if not p.name.endswith(".expected.txt")]


def _langdetect(chunk: str) -> str | None:
    """Plain langdetect, as a user calls it (its shared factory, seeded for
    reproducible answers)."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    try:
        return detect(chunk).split("-")[0]
    except LangDetectException:
        return None


METHODS: dict[str, Callable[[str], str | None]] = {
    "fast path": lg.quick_detect,
    "cleantext": lambda chunk: lg.detect_language(chunk),
    "langdetect": _langdetect,
}


def measure(docs: list[tuple[str, str]], method: Callable[[str], str | None], repeat: int):
    """(answers, docs per second) of ``method`` on the samples of ``docs``."""
    chunks = [lg.sample(text) for _, text in docs]
    answers = [method(c) for c in chunks]  # warm-up: profiles, langdetect's model
    start = time.perf_counter()
    for _ in range(repeat):
        for c in chunks:
            method(c)
    elapsed = time.perf_counter() - start
    return answers, len(chunks) * repeat / elapsed


def report(name: str, docs: list[tuple[str, str]], repeat: int) -> list[str]:
    """Table rows for one data set."""
    rows = [f"\n{name}: {len(docs)} documents, mean sample "
            f"{sum(len(lg.sample(t)) for _, t in docs) / len(docs):.0f} characters",
            f"{'method':<12} {'accuracy':>9} {'on known':>9} {'settled':>8} {'docs/s':>10}"]
    known = [i for i, (lang, _) in enumerate(docs) if lang in LANGDETECT_KNOWS]
    for label, method in METHODS.items():
        answers, rate = measure(docs, method, repeat)
        right = [a == lang for a, (lang, _) in zip(answers, docs)]
        settled = sum(a != lg.UNSURE for a in answers) / len(docs)
        rows.append(f"{label:<12} {sum(right) / len(docs):>9.1%} "
                    f"{sum(right[i] for i in known) / len(known):>9.1%} "
                    f"{settled if label == 'fast path' else 1.0:>8.0%} {rate:>10,.0f}")
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timing passes per method")
    args = parser.parse_args(argv)
    for name, docs in (("paragraphs", paragraphs()), ("samples", samples()),
                       ("articles", articles())):
        print("\n".join(report(name, docs, args.repeat)))


if __name__ == "__main__":
    main()
