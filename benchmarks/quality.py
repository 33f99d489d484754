"""Quality benchmark: cleantext and peers on one or more sets of article pages.

Usage (from the repository root)::

    python benchmarks/quality.py ../shared/data/scrapinghub [../shared/data/readability ...]
        [--limit N] [--systems full-text,cleantext-text,...] [--jobs N]
        [--json results.json] [--per-page pages.csv] [--no-class-names | --plain-markup]

Each set is a folder in the scrapinghub format (``ground-truth.json`` +
``html/<id>.html.gz``); its name is the folder's name. Every page is parsed once
into its full-page text, which all text-track systems share; html-track systems
get the raw page, gold-track systems the gold text itself (what cleaning takes from a
text that is already the article is lost recall). The metric is the benchmark's own (see
``benchmarks/scrapinghub.py``). A system that raises on a page is scored as having
produced an empty output there and the error is counted.

For every set, and over all pages of all sets when there is more than one, the
report gives each system's precision, recall and F1, F1 per language of the gold
text, and the number of pages where the output keeps under a fifth of the article
(page recall < ``LOST_RECALL``).

``--no-class-names`` removes every ``class`` and ``id`` attribute from the pages
before any system sees them: the pages of sites whose class names are hashes
(CSS-in-JS) carry no words, so this shows how much of an HTML extractor's result
rests on the names the development sites happen to use.  ``--plain-markup`` goes
further, as an older site or a hand-written page would: no ARIA role or label, no
microdata or ``data-*`` attribute, and ``<div>`` for HTML5's ``article``, ``main``,
``header``, ``footer``, ``nav``, ``aside`` and ``section``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scrapinghub import (  # noqa: E402
    Page, Scores, aggregate, f1_score, full_page_text, load_pages, page_precision,
    page_recall, shingle_scores,
)
from benchmarks.systems import (  # noqa: E402
    GOLD, HTML, SYSTEMS, SYSTEMS_BY_KEY, TEXT, Extractor, System, Unavailable,
)  # noqa: E402

FULL_TEXT_KEY = "full-text"
# The systems shown per language (the full table has every system).
BY_LANGUAGE_KEYS = (FULL_TEXT_KEY, "cleantext-text", "cleantext-html", "trafilatura-html")
# A page whose output keeps less than this share of the gold shingles has lost its article.
LOST_RECALL = 0.2
ALL_SETS = "all"
_START_TAG_RE = re.compile(rb"<[A-Za-z][^\s/>]*(?:\s[^<>]*)?>")
_ATTRIBUTE_RE = re.compile(rb"""\s+([^\s=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")


def without_class_names(page: Page) -> Page:
    """``page`` with every ``class`` and ``id`` attribute removed from its start tags."""
    return page._replace(html=_without_attributes(page.html, _NAMES))


# What --plain-markup removes besides: the attributes that name an element's part of the page
# (ARIA roles and labels, microdata, data-* hooks; ``aria-hidden`` stays, as ``hidden`` and
# styles do: it says what is shown, not what it is) and the tags of HTML5's page structure.
_NAMES = frozenset({b"class", b"id"})
_ROLE_NAMES = _NAMES | {b"role", b"itemprop", b"itemscope", b"itemtype"}
_SECTION_TAG_RE = re.compile(rb"<(/?)(?:article|main|header|footer|nav|aside|section)(?=[\s/>])", re.I)


def _without_attributes(html: bytes, names: frozenset[bytes]) -> bytes:
    """``html`` without the named attributes (and, when ``names`` holds ``role``, without
    ``data-*`` and every ``aria-*`` but ``aria-hidden``) in its start tags."""
    roles = b"role" in names

    def drop(name: bytes) -> bool:
        name = name.lower()
        return name in names or roles and (
            name.startswith(b"data-") or name.startswith(b"aria-") and name != b"aria-hidden")

    def strip(tag: re.Match[bytes]) -> bytes:
        return _ATTRIBUTE_RE.sub(lambda a: b"" if drop(a.group(1)) else a.group(0), tag.group(0))
    return _START_TAG_RE.sub(strip, html)


def plain_markup(page: Page) -> Page:
    """``page`` as a site without semantic markup writes it: no class or id, no ARIA
    role or label, no microdata or data-* attribute, and ``<div>`` for every
    ``article``, ``main``, ``header``, ``footer``, ``nav``, ``aside`` and ``section``."""
    html = _without_attributes(page.html, _ROLE_NAMES)
    return page._replace(html=_SECTION_TAG_RE.sub(lambda m: b"<" + m.group(1) + b"div", html))


@dataclass(frozen=True)
class Outcome:
    """What one system did on one page: its scores, time taken and error (if any)."""

    scores: Scores
    seconds: float
    error: str | None = None


@dataclass(frozen=True)
class PageResult:
    """All systems' outcomes on one page, plus the time of the shared parse."""

    page_id: str
    parse_seconds: float
    outcomes: dict[str, Outcome]
    language: str = "?"
    set_name: str = ""


@dataclass(frozen=True)
class Row:
    """One line of the table: a system's aggregate numbers, or why it did not run."""

    system: System
    status: str | None = None
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    pages: int = 0
    errors: int = 0
    seconds: float = 0.0
    lost: int = 0


# --------------------------------------------------------------------------- loading


def select_systems(keys: str | None) -> list[System]:
    """Return the systems named in the comma-separated ``keys`` (all when ``None``)."""
    if not keys:
        return list(SYSTEMS)
    wanted = [key.strip() for key in keys.split(",") if key.strip()]
    unknown = [key for key in wanted if key not in SYSTEMS_BY_KEY]
    if unknown:
        raise SystemExit(f"unknown system(s) {', '.join(unknown)}; "
                         f"choose from {', '.join(SYSTEMS_BY_KEY)}")
    return [SYSTEMS_BY_KEY[key] for key in wanted]


def load_extractors(systems: Iterable[System]) -> dict[str, Extractor | str]:
    """Return, per system key, its extractor or the reason it cannot run."""
    loaded: dict[str, Extractor | str] = {}
    for system in systems:
        try:
            loaded[system.key] = system.loader()
        except Unavailable as reason:
            loaded[system.key] = str(reason)
    return loaded


# --------------------------------------------------------------------------- running

_WORKER_EXTRACTORS: dict[str, Extractor] = {}


def init_worker(keys: Sequence[str]) -> None:
    """Load the runnable extractors of ``keys`` into this process."""
    _WORKER_EXTRACTORS.clear()
    loaded = load_extractors(select_systems(",".join(keys)))
    _WORKER_EXTRACTORS.update({k: v for k, v in loaded.items() if callable(v)})


def run_system(extract: Extractor, page_input: object, gold: str) -> Outcome:
    """Run one extractor on one input; an exception counts as an empty output."""
    start = time.perf_counter()
    try:
        output, error = extract(page_input), None
    except Exception as exc:  # noqa: BLE001 -- any failure of a peer is scored
        output, error = "", f"{type(exc).__name__}: {exc}"[:200]
    seconds = time.perf_counter() - start
    return Outcome(shingle_scores(output, gold), seconds, error)


def evaluate_page(page: Page, set_name: str = "") -> PageResult:
    """Score every loaded extractor on ``page`` of set ``set_name``, parsing it once for
    the text track."""
    start = time.perf_counter()
    text = full_page_text(page.html)
    parse_seconds = time.perf_counter() - start
    inputs = {HTML: page.html, TEXT: text, GOLD: page.gold}
    outcomes = {
        key: run_system(extract, inputs[SYSTEMS_BY_KEY[key].track], page.gold)
        for key, extract in _WORKER_EXTRACTORS.items()
    }
    return PageResult(page.id, parse_seconds, outcomes, gold_language(page.gold), set_name)


def _evaluate_item(item: tuple[str, Page]) -> PageResult:
    """``evaluate_page`` on a (set name, page) pair, for ``ProcessPoolExecutor.map``."""
    set_name, page = item
    return evaluate_page(page, set_name)


def gold_language(gold: str) -> str:
    """The language of a page's gold text by cleantext's detector ("?" when unknown)."""
    try:
        from cleantext.lang.detect import detect_language
        return detect_language(gold) or "?"
    except Exception:  # noqa: BLE001 -- the language column is informative only
        return "?"


def run(pages: Sequence[Page], runnable_keys: Sequence[str], jobs: int,
        set_name: str = "") -> list[PageResult]:
    """Evaluate all pages of one set, in ``jobs`` worker processes when ``jobs`` > 1."""
    return run_sets({set_name: pages}, runnable_keys, jobs)


def run_sets(sets: dict[str, Sequence[Page]], runnable_keys: Sequence[str],
             jobs: int) -> list[PageResult]:
    """Evaluate the pages of every set (one pool for all of them when ``jobs`` > 1);
    the results keep the order of ``sets`` and of their pages."""
    items = [(name, page) for name, pages in sets.items() for page in pages]
    if jobs <= 1:
        init_worker(runnable_keys)
        return [_evaluate_item(item) for item in items]
    with ProcessPoolExecutor(jobs, initializer=init_worker,
                             initargs=(tuple(runnable_keys),)) as pool:
        return list(pool.map(_evaluate_item, items, chunksize=4))


# --------------------------------------------------------------------------- reporting


def summarise(system: System, loaded: Extractor | str, results: Sequence[PageResult]) -> Row:
    """Return the table row of ``system`` from the per-page results."""
    if isinstance(loaded, str):
        return Row(system, status=loaded)
    outcomes = [result.outcomes[system.key] for result in results]
    precision, recall, f1 = aggregate(outcome.scores for outcome in outcomes)
    seconds = sum(outcome.seconds for outcome in outcomes)
    if system.key == FULL_TEXT_KEY:
        seconds += sum(result.parse_seconds for result in results)
    return Row(system, None, precision, recall, f1, len(outcomes),
               sum(outcome.error is not None for outcome in outcomes), seconds,
               sum(lost_article(outcome.scores) for outcome in outcomes))


def lost_article(scores: Scores) -> bool:
    """Whether the output keeps under ``LOST_RECALL`` of the gold (a page with an empty
    gold has nothing to lose)."""
    recall = page_recall(scores)
    return recall is not None and recall < LOST_RECALL


def format_table(rows: Sequence[Row]) -> str:
    """Return the rows as one aligned plain-text table."""
    width = max(len("system"), *(len(row.system.label) for row in rows))
    header = (f"{'system':<{width}}  {'precision':>9}  {'recall':>6}  {'F1':>5}  "
              f"{'pages':>5}  {'R<0.2':>5}  {'errors':>6}  {'seconds':>7}")
    lines = [header, "-" * len(header)]
    for row in rows:
        if row.status:
            lines.append(f"{row.system.label:<{width}}  {row.status}")
            continue
        lines.append(f"{row.system.label:<{width}}  {row.precision:>9.3f}  {row.recall:>6.3f}  "
                     f"{row.f1:>5.3f}  {row.pages:>5}  {row.lost:>5}  {row.errors:>6}  "
                     f"{row.seconds:>7.1f}")
    return "\n".join(lines)


def format_by_language(systems: Sequence[System], loaded: dict, results: Sequence[PageResult]
                       ) -> str:
    """F1 per language of the gold text, for the systems that ran (one column each)."""
    ran = [s for s in systems if callable(loaded[s.key])]
    ran = [s for s in ran if s.key in BY_LANGUAGE_KEYS] or ran
    languages = sorted({r.language for r in results}, key=lambda l: (-sum(
        r.language == l for r in results), l))
    width = max(len(s.key) for s in ran) if ran else 6
    lines = ["F1 by language of the gold text:",
             f"{'language':<8}  {'pages':>5}  " + "  ".join(f"{s.key:>{width}}" for s in ran)]
    for lang in languages:
        mine = [r for r in results if r.language == lang]
        cells = [aggregate(r.outcomes[s.key].scores for r in mine)[2] for s in ran]
        lines.append(f"{lang:<8}  {len(mine):>5}  " + "  ".join(f"{c:>{width}.3f}" for c in cells))
    return "\n".join(lines)


def language_f1(systems: Sequence[System], loaded: dict, results: Sequence[PageResult]
                ) -> dict[str, dict]:
    """Per language of the gold text: its page count and the F1 of every system that ran."""
    ran = [s for s in systems if callable(loaded[s.key])]
    table: dict[str, dict] = {}
    for lang in sorted({r.language for r in results}):
        mine = [r for r in results if r.language == lang]
        table[lang] = {"pages": len(mine), "f1": {
            s.key: aggregate(r.outcomes[s.key].scores for r in mine)[2] for s in ran}}
    return table


def rows_as_json(rows: Sequence[Row], pages: int, wall_seconds: float,
                 languages: dict[str, dict] | None = None) -> dict:
    """Return the numbers of the table as a JSON-ready dict."""
    numbers = {
        "pages": pages,
        "wall_seconds": round(wall_seconds, 2),
        "systems": {
            row.system.key: {"label": row.system.label, "track": row.system.track,
                             "status": row.status or "ok", "precision": row.precision,
                             "recall": row.recall, "f1": row.f1, "pages": row.pages,
                             "errors": row.errors, "lost_pages": row.lost,
                             "seconds": round(row.seconds, 3)}
            for row in rows
        },
    }
    if languages is not None:
        numbers["by_language"] = languages
    return numbers


def write_per_page(path: Path, results: Sequence[PageResult]) -> None:
    """Write one CSV line per (set, page, system) with P/R/F1, normalised counts and
    error."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["set", "id", "language", "system", "precision", "recall", "f1",
                         "tp", "fp", "fn", "seconds", "error"])
        for result in results:
            for key, outcome in result.outcomes.items():
                writer.writerow([result.set_name, result.page_id, result.language, key,
                                 *page_prf(outcome.scores),
                                 *(f"{x:.4f}" for x in outcome.scores),
                                 f"{outcome.seconds:.4f}", outcome.error or ""])


def page_prf(scores: Scores) -> list[str]:
    """Return a page's precision, recall and F1 as CSV cells (empty when undefined)."""
    precision, recall = page_precision(scores), page_recall(scores)
    f1 = f1_score(precision or 0.0, recall or 0.0)
    return ["" if x is None else f"{x:.4f}" for x in (precision, recall, f1)]


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="+",
                        help="data folder(s) in the scrapinghub format, one per set")
    parser.add_argument("--limit", type=int, help="only the first N ids (sorted) of each set")
    parser.add_argument("--systems", help="comma-separated keys: "
                        + ",".join(system.key for system in SYSTEMS))
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--json", type=Path, help="also write the numbers to this JSON file")
    parser.add_argument("--per-page", type=Path, help="write per-page scores to this CSV file")
    parser.add_argument("--no-class-names", action="store_true",
                        help="remove every class and id attribute from the pages first")
    parser.add_argument("--plain-markup", action="store_true",
                        help="as --no-class-names, and also remove ARIA roles and labels, "
                        "microdata and data-* attributes, and write the HTML5 section tags "
                        "(article, main, header, footer, nav, aside, section) as div")
    return parser.parse_args(argv)


def set_names(folders: Sequence[Path]) -> list[str]:
    """Name each set by its folder; a name met twice gets its position appended."""
    names = [folder.resolve().name or str(folder) for folder in folders]
    return [name if names.count(name) == 1 else f"{name}#{i + 1}"
            for i, name in enumerate(names)]


def report(title: str, systems: Sequence[System], loaded: dict,
           results: Sequence[PageResult]) -> list[Row]:
    """Print the table and the by-language F1 of ``results`` under ``title``; return
    the rows."""
    rows = [summarise(system, loaded[system.key], results) for system in systems]
    print(f"== {title} ({len(results)} pages)")
    print(format_table(rows))
    print()
    print(format_by_language(systems, loaded, results))
    print()
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print one table per set, then one over all sets."""
    args = parse_args(argv)
    start = time.perf_counter()
    systems = select_systems(args.systems)
    loaded = load_extractors(systems)
    names = set_names(args.data)
    sets = {name: load_pages(folder, args.limit) for name, folder in zip(names, args.data)}
    if args.no_class_names or args.plain_markup:
        change = plain_markup if args.plain_markup else without_class_names
        sets = {name: [change(page) for page in pages] for name, pages in sets.items()}
    runnable = [key for key, value in loaded.items() if callable(value)]
    results = run_sets(sets, runnable, args.jobs)
    wall = time.perf_counter() - start
    numbers: dict[str, dict] = {}
    for name in names:
        mine = [r for r in results if r.set_name == name]
        rows = report(name, systems, loaded, mine)
        numbers[name] = rows_as_json(rows, len(mine), wall,
                                     language_f1(systems, loaded, mine))
    if len(names) > 1:
        rows = report(f"{ALL_SETS}: " + " + ".join(names), systems, loaded, results)
        numbers[ALL_SETS] = rows_as_json(rows, len(results), wall,
                                         language_f1(systems, loaded, results))
    print(f"{len(results)} pages, {wall:.1f} s wall time. P/R are means of per-page values "
          f"(pages weigh the same, so the '{ALL_SETS}' row weighs the larger set more). "
          f"'R<0.2': pages where the output keeps under {LOST_RECALL:.0%} of the article. "
          "'seconds' is time spent in the system; text-track rows exclude the shared "
          "full-page parse, which is counted in the no-cleaning row.")
    if args.json:
        payload = {"wall_seconds": round(wall, 2), "sets": numbers}
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
    if args.per_page:
        write_per_page(args.per_page, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
