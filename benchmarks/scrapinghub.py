"""Data loading, full-page-text recipe and metric of the scrapinghub article benchmark.

The metric reproduces ``evaluate.py`` of scrapinghub/article-extraction-benchmark:

* tokens are ``\\w+`` runs (Python ``re``, unicode), case kept;
* a text's shingles are the multiset of its 4-token windows; a text of 1-3 tokens
  has a single shorter shingle (all its tokens), an empty text has none;
* per page, tp/fp/fn are multiset intersection / output-only / gold-only shingle
  counts, divided by their sum so that each page weighs the same;
* precision is the mean of the per-page precisions over the pages whose output
  has shingles (tp + fp > 0) -- an empty output does not lower precision, only
  recall; recall is the mean of per-page recalls over the pages whose gold has
  shingles; F1 = 2PR / (P + R) of those two means.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path
from statistics import mean
from typing import Iterable, NamedTuple


SHINGLE_SIZE = 4
DROPPED_TAGS = ("script", "style", "noscript", "template")

_TOKEN_RE = re.compile(r"\w+")


class Page(NamedTuple):
    """One benchmark page: its id, the raw (gzip-decoded) HTML bytes and the gold text."""

    id: str
    html: bytes
    gold: str


class Scores(NamedTuple):
    """Normalised shingle counts of one page: tp + fp + fn == 1 (or all 0)."""

    tp: float
    fp: float
    fn: float


# --------------------------------------------------------------------------- data


def load_pages(folder: str | Path, limit: int | None = None) -> list[Page]:
    """Return the pages of ``folder`` (``ground-truth.json`` + ``html/<id>.html.gz``),
    sorted by id, optionally only the first ``limit`` of them."""
    folder = Path(folder)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit is not None else sorted(truth)
    return [
        Page(page_id, _read_gzip(folder / "html" / f"{page_id}.html.gz"),
             truth[page_id].get("articleBody") or "")
        for page_id in ids
    ]


def _read_gzip(path: Path) -> bytes:
    """Return the decompressed bytes of a gzip file."""
    with gzip.open(path, "rb") as handle:
        return handle.read()


def decode_html(html: bytes | str) -> str:
    """Return ``html`` as text; the benchmark's pages are UTF-8."""
    if isinstance(html, bytes):
        return html.decode("utf-8", errors="replace")
    return html


def full_page_text(html: bytes | str) -> str:
    """Return the text a naive scraper gets from ``html``.

    Parse with BeautifulSoup + lxml, drop ``script``/``style``/``noscript``/``template``,
    take ``get_text("\\n")``, collapse white space runs inside each line and drop the
    lines left empty.
    """
    from bs4 import BeautifulSoup  # here, so that importing the metric loads no parser

    soup = BeautifulSoup(decode_html(html), "lxml")
    for tag in soup.find_all(DROPPED_TAGS):
        tag.decompose()
    return normalise_lines(soup.get_text("\n"))


def normalise_lines(text: str) -> str:
    """Collapse white space inside each line of ``text`` and drop empty lines."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- metric


def tokenize(text: str | None) -> list[str]:
    """Return the ``\\w+`` tokens of ``text`` (``None`` counts as empty)."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter:
    """Return the multiset of ``size``-token shingles of ``text``.

    As in the original, a text with fewer than ``size`` tokens (but at least one)
    yields one shorter shingle holding all its tokens.
    """
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    count = max(1, len(tokens) - size + 1)
    return Counter(tuple(tokens[i:i + size]) for i in range(count))


def shingle_scores(output: str | None, gold: str | None) -> Scores:
    """Return the page's (tp, fp, fn) shingle counts, normalised by their sum."""
    predicted, expected = shingles(output), shingles(gold)
    tp = sum((predicted & expected).values())
    fp = sum((predicted - expected).values())
    fn = sum((expected - predicted).values())
    total = tp + fp + fn
    if total == 0:
        return Scores(0.0, 0.0, 0.0)
    return Scores(tp / total, fp / total, fn / total)


def page_precision(scores: Scores) -> float | None:
    """Return the page's precision, or ``None`` when its output has no shingle."""
    tp, fp, _ = scores
    return tp / (tp + fp) if tp + fp else None


def page_recall(scores: Scores) -> float | None:
    """Return the page's recall, or ``None`` when its gold has no shingle."""
    tp, _, fn = scores
    return tp / (tp + fn) if tp + fn else None


def f1_score(precision: float, recall: float) -> float:
    """Return the harmonic mean of ``precision`` and ``recall`` (0 when both are 0)."""
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def aggregate(scores: Iterable[Scores]) -> tuple[float, float, float]:
    """Return (precision, recall, F1) over pages, as the benchmark's evaluate.py does.

    Precision (recall) is averaged over the pages where it is defined; if it is
    defined on no page it is 0 here (the original would raise).
    """
    scores = list(scores)
    precisions = [p for p in map(page_precision, scores) if p is not None]
    recalls = [r for r in map(page_recall, scores) if r is not None]
    precision = mean(precisions) if precisions else 0.0
    recall = mean(recalls) if recalls else 0.0
    return precision, recall, f1_score(precision, recall)
