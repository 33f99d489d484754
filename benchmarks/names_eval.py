"""Quality of the name step (NM001/NM002) on hand-written probes and on the gold texts.

Usage (from the repository root)::

    python benchmarks/names_eval.py [--data DIR] [--quiet]

Three parts:

* general probe (``tests/fixtures/names/general_probe.toml``): general text
  full of look-alikes of table names; the names step must change nothing.
  Prints the number of sentences changed (goal 0) and each wrong change.
* war news (``tests/fixtures/names/war_news.toml``): paragraphs with variant
  spellings of table names and look-alikes; each case has the ``expected``
  output of the name step.  Prints token-level precision and recall of the
  name changes (goals >= 0.99 and >= 0.97) and each error.
* gold texts: every name change on the gold ``articleBody`` of both
  development sets (``ROOT.parent/shared/data`` unless ``--data``), with context.

Only the public API is used.  A name change is a difference between the
output of a cleaner with the built-in names and one without them (the rest of
the pipeline normalises both the same way); the differences are aligned at
token level.  The count of edits whose code starts with "NM" in
``Cleaner.explain`` is printed next to it.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import regex

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleantext import Cleaner  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "names"
GOLD_SETS = ("scrapinghub", "readability")
PRECISION_GOAL, RECALL_GOAL = 0.99, 0.97
_TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{N}_]+|\S")


@dataclass(frozen=True)
class Unit:
    """One changed unit: tokens ``start:end`` of the base text become ``new``."""

    start: int
    end: int
    old: tuple[str, ...]
    new: tuple[str, ...]


class Pipeline:
    """Cleaners with and without the built-in names, one pair per language."""

    def __init__(self) -> None:
        self._cleaners: dict[tuple[str | None, bool], Cleaner] = {}

    def cleaner(self, lang: str | None, names: bool) -> Cleaner:
        key = (lang, names)
        if key not in self._cleaners:
            self._cleaners[key] = Cleaner(lang=lang, builtin_names=names)
        return self._cleaners[key]

    def run(self, text: str, lang: str | None) -> tuple[str, str, int]:
        """(output without names, output with names, number of NM edits)."""
        off = self.cleaner(lang, False).explain(text, whole_page=False)
        on = self.cleaner(lang, True).explain(text, whole_page=False)
        nm = sum(1 for e in on.changes if e.code.startswith("NM"))
        return off.text, on.text, nm

    def plain(self, text: str, lang: str | None) -> str:
        return self.cleaner(lang, False).explain(text, whole_page=False).text


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


def changed_units(base: list[str], new: list[str]) -> list[Unit]:
    """Token-level differences; a replacement of equal length is split token by token."""
    units = []
    matcher = difflib.SequenceMatcher(None, base, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            units += [Unit(i1 + k, i1 + k + 1, (base[i1 + k],), (new[j1 + k],))
                      for k in range(i2 - i1) if base[i1 + k] != new[j1 + k]]
        else:
            units.append(Unit(i1, i2, tuple(base[i1:i2]), tuple(new[j1:j2])))
    return units


def context(base: list[str], unit: Unit, width: int = 6) -> str:
    left = " ".join(base[max(0, unit.start - width):unit.start])
    right = " ".join(base[unit.end:unit.end + width])
    return f"... {left} [{' '.join(unit.old)} -> {' '.join(unit.new)}] {right} ..."


def load_cases(path: Path) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])


def general_probe(pipe: Pipeline, path: Path, quiet: bool) -> dict:
    cases = load_cases(path)
    changed, wrong_units, nm_total = 0, 0, 0
    by_lang: dict[str, list[int]] = {}
    for case in cases:
        lang = case.get("lang", "en")
        off, on, nm = pipe.run(case["text"], lang)
        base = tokens(off)
        units = changed_units(base, tokens(on))
        nm_total += nm
        tally = by_lang.setdefault(lang, [0, 0])
        tally[0] += 1
        if units or off != on:
            changed += 1
            tally[1] += 1
            wrong_units += len(units)
            if not quiet:
                for unit in units:
                    print(f"  [{lang}/{case.get('topic', '?')}] {context(base, unit)}")
    print(f"general probe: {changed} of {len(cases)} sentences changed (goal 0), "
          f"{wrong_units} wrong token changes, {nm_total} NM edits; by language: "
          + ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(by_lang.items())))
    return {"sentences": len(cases), "changed": changed, "wrong": wrong_units}


def war_news(pipe: Pipeline, path: Path, quiet: bool) -> dict:
    cases = load_cases(path)
    tp = n_pred = n_exp = nm_total = 0
    miscounted = []
    for k, case in enumerate(cases, 1):
        lang = case.get("lang", "en")
        off, on, nm = pipe.run(case["text"], lang)
        expected = pipe.plain(case["expected"], lang)
        base = tokens(off)
        predicted = set(changed_units(base, tokens(on)))
        wanted = set(changed_units(base, tokens(expected)))
        if "changes" in case and case["changes"] != len(wanted):
            miscounted.append((k, case["changes"], len(wanted)))
        nm_total += nm
        tp += len(predicted & wanted)
        n_pred += len(predicted)
        n_exp += len(wanted)
        if quiet:
            continue
        label = f"[{k} {lang}/{case.get('style', '?')}]"
        for unit in sorted(predicted - wanted, key=lambda u: u.start):
            print(f"  wrong {label} {context(base, unit)}")
        for unit in sorted(wanted - predicted, key=lambda u: u.start):
            print(f"  missed {label} {context(base, unit)}")
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_exp if n_exp else 1.0
    print(f"war news: {len(cases)} paragraphs, {n_exp} expected name changes, {n_pred} made, "
          f"{tp} right; precision {precision:.3f} (goal {PRECISION_GOAL}), "
          f"recall {recall:.3f} (goal {RECALL_GOAL}); {nm_total} NM edits")
    for k, said, found in miscounted:
        print(f"  note: case {k} says changes = {said}, its expected text has {found}")
    return {"paragraphs": len(cases), "precision": precision, "recall": recall}


def gold_texts(pipe: Pipeline, data: Path, quiet: bool) -> None:
    for name in GOLD_SETS:
        path = data / name / "ground-truth.json"
        if not path.exists():
            print(f"gold texts {name}: {path} not found, skipped")
            continue
        pages = json.loads(path.read_text(encoding="utf-8"))
        n_units = n_pages = nm_total = 0
        for page_id, page in sorted(pages.items()):
            body = page.get("articleBody") or ""
            if not body.strip():
                continue
            off, on, nm = pipe.run(body, page.get("lang"))
            nm_total += nm
            if off == on:
                continue
            base = tokens(off)
            units = changed_units(base, tokens(on))
            n_pages += 1
            n_units += len(units)
            if not quiet:
                for unit in units:
                    print(f"  [{name}/{page_id[:16]}] {context(base, unit)}")
        print(f"gold texts {name}: {len(pages)} pages, {n_units} name changes on "
              f"{n_pages} pages, {nm_total} NM edits")


def default_data() -> Path:
    """``ROOT.parent/shared/data``; from a checkout one level deeper, the one above."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "data").is_dir():
            return base / "shared" / "data"
    return ROOT.parent / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None,
                        help="folder holding scrapinghub/ and readability/ "
                             "(default: ROOT.parent/shared/data, or one level up)")
    parser.add_argument("--quiet", action="store_true", help="figures only, no examples")
    args = parser.parse_args(argv)
    pipe = Pipeline()
    print("== general probe (every sentence must stay as written)")
    general_probe(pipe, FIXTURES / "general_probe.toml", args.quiet)
    print("== war news (expected name changes)")
    war_news(pipe, FIXTURES / "war_news.toml", args.quiet)
    print("== gold texts (name changes on the gold article bodies)")
    gold_texts(pipe, args.data or default_data(), args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
