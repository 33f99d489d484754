"""Boilerplate removal holds on real pages: a fixed sample of the development set.

The first :data:`SAMPLE` pages (sorted by id) of the scrapinghub article benchmark
(``../shared/data/scrapinghub`` next to the repository) are cleaned on both tracks
and scored with the benchmark's own metric (``benchmarks/scrapinghub.py``).  The
floors sit a little under what the sample measured when they were set (text F1
0.929, HTML F1 0.974), so a change that makes removal worse fails here.

The first :data:`SAMPLE` pages of the second development set (``../shared/data/readability``)
are held the same way (text F1 0.896 and HTML F1 0.929 when their floors were set).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import cleantext

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "scrapinghub"
SAMPLE = 20
TEXT_F1_FLOOR = 0.92
HTML_F1_FLOOR = 0.96
READABILITY = DATA.parent / "readability"
READABILITY_TEXT_F1_FLOOR = 0.89
READABILITY_HTML_F1_FLOOR = 0.92

pytestmark = pytest.mark.skipif(
    not (DATA / "ground-truth.json").exists(),
    reason=f"benchmark data not found at {DATA} (the scrapinghub development set)")


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks import scrapinghub
    finally:
        sys.path.remove(str(ROOT))
    return scrapinghub


@pytest.fixture(scope="module")
def pages(bench):
    return bench.load_pages(DATA, SAMPLE)


def test_text_track_f1_stays_above_its_floor(bench, pages):
    scores = [bench.shingle_scores(cleantext.clean(bench.full_page_text(p.html)), p.gold)
              for p in pages]
    _, _, f1 = bench.aggregate(scores)
    assert f1 >= TEXT_F1_FLOOR, f"text-track F1 {f1:.3f} < {TEXT_F1_FLOOR}"


def test_html_track_f1_stays_above_its_floor(bench, pages):
    scores = [bench.shingle_scores(cleantext.clean_html(p.html), p.gold) for p in pages]
    _, _, f1 = bench.aggregate(scores)
    assert f1 >= HTML_F1_FLOOR, f"HTML-track F1 {f1:.3f} < {HTML_F1_FLOOR}"


@pytest.fixture(scope="module")
def readability_pages(bench):
    if not (READABILITY / "ground-truth.json").exists():
        pytest.skip(f"benchmark data not found at {READABILITY} (the readability development set)")
    return bench.load_pages(READABILITY, SAMPLE)


def test_readability_text_track_f1_stays_above_its_floor(bench, readability_pages):
    scores = [bench.shingle_scores(cleantext.clean(bench.full_page_text(p.html)), p.gold)
              for p in readability_pages]
    _, _, f1 = bench.aggregate(scores)
    assert f1 >= READABILITY_TEXT_F1_FLOOR, f"text-track F1 {f1:.3f} < {READABILITY_TEXT_F1_FLOOR}"


def test_readability_html_track_f1_stays_above_its_floor(bench, readability_pages):
    scores = [bench.shingle_scores(cleantext.clean_html(p.html), p.gold) for p in readability_pages]
    _, _, f1 = bench.aggregate(scores)
    assert f1 >= READABILITY_HTML_F1_FLOOR, f"HTML-track F1 {f1:.3f} < {READABILITY_HTML_F1_FLOOR}"
