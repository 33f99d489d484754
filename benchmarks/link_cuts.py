"""LY004 against the gold texts: are the sentences it joins the gold's sentences?

Usage (from the repository root)::

    python benchmarks/link_cuts.py ../shared/data/scrapinghub [../shared/data/readability ...]

The gold texts of the development sets keep a paragraph's links inline, so each join that
LY004 makes on a page's full-page text can be checked: when the gold holds both pieces (the
line before the join and the line after it), it should hold them joined as LY004 joined them.
White space before closing punctuation and after opening punctuation is not compared (the
gold's extractor wrote it either way).  A join whose pieces the gold does not both hold (one
is chrome, or the gold wrote it otherwise) is counted apart and not judged.  The pages where a
join disagrees are listed with the pieces.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scrapinghub import full_page_text, load_pages  # noqa: E402

_SPACE_RE = re.compile(r"\s+")
_BEFORE_CLOSING_RE = re.compile(r" ([,.;:!?)\]%])")
_AFTER_OPENING_RE = re.compile(r"([(\[]) ")


def normalise(text: str) -> str:
    """One space for each run of white space, none before closing or after opening punctuation."""
    text = _SPACE_RE.sub(" ", text).strip()
    return _AFTER_OPENING_RE.sub(r"\1", _BEFORE_CLOSING_RE.sub(r"\1", text))


def judge(page: str, gold: str, changes: Sequence[object]) -> tuple[Counter[str], list[tuple[str, str, str]]]:
    """Count the LY004 edits of ``changes`` (spans into ``page``) as agreeing with ``gold``,
    disagreeing, or not judged; the disagreeing ones' (before, glue, after) pieces."""
    held = normalise(gold)
    counts: Counter[str] = Counter()
    wrong = []
    for edit in changes:
        if getattr(edit, "code") != "LY004":
            continue
        start, end = getattr(edit, "span")
        left = page[page.rfind("\n", 0, max(start - 1, 0)) + 1 : start]
        stop = page.find("\n", end)
        right = page[end : len(page) if stop < 0 else stop]
        if normalise(left) not in held or normalise(right) not in held:
            counts["not judged"] += 1
        elif normalise(left + getattr(edit, "after") + right) in held:
            counts["as the gold"] += 1
        else:
            counts["not as the gold"] += 1
            wrong.append((left[-40:], getattr(edit, "after"), right[:40]))
    return counts, wrong


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="+", help="data folder(s), one per set")
    args = parser.parse_args(argv)
    import cleantext

    cleaner = cleantext.Cleaner()
    total: Counter[str] = Counter()
    for folder in args.data:
        counts: Counter[str] = Counter()
        for page in load_pages(folder):
            text = full_page_text(page.html)
            found, wrong = judge(text, page.gold, cleaner.explain(text).changes)
            counts += found
            for piece in wrong:
                print(f"  {folder.name} {page.id[:12]}: {piece[0]!r} + {piece[1]!r} + {piece[2]!r}")
        judged = counts["as the gold"] + counts["not as the gold"]
        print(f"{folder.name}: {judged} joins judged, {counts['as the gold']} as the gold "
              f"({counts['as the gold'] / max(judged, 1):.1%}); {counts['not judged']} not judged")
        total += counts
    judged = total["as the gold"] + total["not as the gold"]
    print(f"all: {judged} joins judged, {total['as the gold']} as the gold "
          f"({total['as the gold'] / max(judged, 1):.1%}); {total['not judged']} not judged")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
