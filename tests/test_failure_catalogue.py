"""The failure catalogue: one small page text per failure family of the development sets.

``tests/fixtures/pages/<name>.toml`` holds a text that reproduces one family of
failures seen on real pages (see ``benchmarks/FAILURES.md``):

* ``family``: the family's name; ``why``: what goes wrong and what should happen;
* ``input``: the page's text as a plain scraper gives it; ``expected``: the clean text
  (when given);
* ``lang``: a language to pass to the Cleaner (default: detected);
* ``check_language``: the language the page must be detected as;
* ``xfail``: why the family is still open (the case then must fail: ``strict``).

A family that is fixed keeps its page here, so that it stays fixed.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import cleantext

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
KEYS = {"family", "why", "input", "expected", "lang", "check_language", "xfail"}


def _cases():
    for path in sorted(PAGES.glob("*.toml")):
        case = tomllib.loads(path.read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        yield pytest.param(case, id=path.stem, marks=marks)


@pytest.mark.parametrize("case", list(_cases()))
def test_failure_family(case):
    assert set(case) <= KEYS, f"unknown keys {set(case) - KEYS}"
    assert "expected" in case or "check_language" in case
    cleaner = cleantext.Cleaner(lang=case.get("lang"))
    result = cleaner.explain(case["input"])
    if "check_language" in case:
        assert result.language == case["check_language"]
    if "expected" in case:
        assert result.text == case["expected"]
    assert cleaner.clean(result.text) == result.text  # what is kept stays kept
