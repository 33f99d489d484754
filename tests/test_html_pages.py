"""The HTML track's failure catalogue: one page per family, with its expected text.

Each page in ``tests/fixtures/pages/html/`` reproduces a way the DOM stage picked the
wrong container or gave nothing (see the README there); ``<name>.txt`` is the text the
stage must give.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleantext
from cleantext.io.html import extract

PAGES = sorted((Path(__file__).parent / "fixtures" / "pages" / "html").glob("*.html"))


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_gives_its_expected_text(page: Path) -> None:
    html = page.read_bytes()
    expected = page.with_suffix(".txt").read_text(encoding="utf-8").rstrip("\n")
    extraction = extract(html)
    assert extraction.text == expected, extraction.summary()
    # a page with text never comes back empty, on either entry point
    assert cleantext.clean_html(html).strip()


def test_catalogue_is_not_empty() -> None:
    assert len(PAGES) >= 12
    assert all(p.with_suffix(".txt").exists() for p in PAGES)
