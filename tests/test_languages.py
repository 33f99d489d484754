"""Per-language fixture articles: chrome removed, content kept, language detected.

``tests/fixtures/languages/<lang>/<name>.txt`` is a scraped-looking article
written for the tests; ``<name>.expected.txt`` next to it is its canonical
text.  Name tables are off so that only the language packs are judged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleantext
from cleantext.stages.packs import builtin_pack_paths, load_pack

ROOT = Path(__file__).resolve().parent / "fixtures" / "languages"
ARTICLES = sorted(p for p in ROOT.glob("*/*.txt") if not p.name.endswith(".expected.txt"))
PACK_LANGUAGES = ["bg", "cs", "de", "en", "es", "fr", "id", "it", "ko", "nl", "pl", "pt", "ru", "uk"]


def _own_codes(language: str) -> set[str]:
    """The codes of the rules of ``language``'s own packs (Czech's are ``CZ``: ``CS`` is
    English's comment section)."""
    return {r.id for path in builtin_pack_paths() if (pack := load_pack(path)).language == language
            for r in pack.rules}


@pytest.fixture(scope="module")
def cleaner():
    return cleantext.Cleaner(builtin_names=False)


def test_every_pack_language_but_english_has_an_article():
    assert {p.parent.name for p in ARTICLES} >= set(PACK_LANGUAGES) - {"en"}


def test_every_pack_language_has_a_pack(cleaner):
    assert set(PACK_LANGUAGES) <= set(cleaner.languages)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_article(path, cleaner):
    text = path.read_text(encoding="utf-8")
    want = path.with_name(path.stem + ".expected.txt").read_text(encoding="utf-8")
    result = cleaner.explain(text)
    assert result.language == path.parent.name
    assert result.text == want
    assert cleaner.clean(text) == want
    assert cleantext.replay(text, result.changes) == want
    lang_codes = {e.code for e in result.changes} & _own_codes(path.parent.name)
    assert len(lang_codes) >= 5, "the language's own pack should do the work"
