"""CPU time of the name step alone per document, on the full-page texts of both
development sets, each document once (after a warm-up on ten others).

    python benchmarks/names_step_speed.py [SOURCE_TREE]

``SOURCE_TREE`` (default: this checkout) is put first on ``sys.path``, so an older
version exported with ``git archive REV | tar -x -C DIR`` can be timed side by side:
the issue's goal is that the step's cost per document grows by no more than 20%.
"""

from __future__ import annotations

import gzip
import inspect
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREE = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT
sys.path[:0] = [str(TREE), str(ROOT)]

import cleantext  # noqa: E402
from benchmarks.scrapinghub import full_page_text  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def main() -> None:
    assert Path(cleantext.__file__).resolve().is_relative_to(TREE), cleantext.__file__
    table = cleantext.Cleaner(lang="en")._names
    takes_language = len(inspect.signature(table.changes).parameters) > 1
    docs = []
    for name in ("scrapinghub", "readability"):
        truth = json.loads((DATA / name / "ground-truth.json").read_text(encoding="utf-8"))
        for page in truth:
            docs.append(full_page_text(gzip.open(DATA / name / "html" / f"{page}.html.gz").read()))
    docs = list(dict.fromkeys(docs))
    for doc in docs[:10]:
        table.changes(doc, "en") if takes_language else table.changes(doc)
    started = time.process_time()
    for doc in docs[10:]:
        table.changes(doc, "en") if takes_language else table.changes(doc)
    spent = time.process_time() - started
    print(f"{TREE}: name step {1e6 * spent / len(docs[10:]):.0f} µs per document "
          f"({len(docs) - 10} distinct full-page texts, each once)")


if __name__ == "__main__":
    main()
