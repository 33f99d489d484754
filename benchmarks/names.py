"""Benchmark of the name step: precision report, and cost per document with the built-in and a
1,000-entry table.

Usage (from the repository root)::

    python benchmarks/names.py [--repeat N] [--entries N] [--no-precision] [--no-speed]

Precision report, three parts:

1. every spelling the built-in tables generate that is also a frequent word or
   name in en, de, fr, es, it, pl or pt (wordfreq Zipf >= 3): either not used,
   or listed in the table on purpose with a reason (goal: none used silently);
2. the name changes on the gold texts of both development sets
   (``../shared/data/scrapinghub``, ``../shared/data/readability``), each with
   its context, in the language the cleaner detects;
3. the general-text probes (``tests/fixtures/names/dev_probe.toml`` and, when
   present, ``general_probe.toml``: goal zero changes) and the war-news checks
   (``dev_war_news.toml`` and ``war_news.toml``: precision and recall of the
   word changes against ``expected``).

The documents are the seeds (``seeds/input/*.txt``) cleaned without names, so
the name step sees what it sees in the pipeline.  The large table is the
built-in one plus synthetic people: Russian given names combined with
surnames (native forms only, so every entry goes through the schemes).  The
name step must stay sub-linear in the table size: docs/s should be about the
same with both tables.  Table build time (schemes, claims, indexes) is timed too.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tomllib
from collections import Counter
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleantext import Cleaner  # noqa: E402
from cleantext.lang.detect import detect_language  # noqa: E402
from cleantext.names import frequent, frequent_data  # noqa: E402
from cleantext.names.table import build_name_table  # noqa: E402
from cleantext.text.edits import splice  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "names"
# The development pages sit beside the checkout (``../shared/data``).
_DATA = next((p for p in (ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data")
              if p.is_dir()), ROOT.parent / "shared" / "data")
DEV_SETS = {"scrapinghub": _DATA / "scrapinghub", "readability": _DATA / "readability"}
GIVEN = ("Александр Алексей Андрей Борис Вадим Валерий Василий Виктор Виталий Владимир "
         "Вячеслав Геннадий Георгий Григорий Денис Дмитрий Евгений Иван Игорь Кирилл "
         "Константин Леонид Максим Михаил Николай Олег Павел Пётр Роман Сергей").split()
STEMS = ("Иван Петр Сидор Кузнец Смирн Попов Соколов Лебед Козл Новик Морозов Волков "
         "Соловь Васильев Зайц Павлов Семён Голуб Виноград Богдан Воробь Фёдор Михайл "
         "Беляк Тарас Белоус Комар Орл Киселёв Макар Андре Ковал Ильин Гусь Титов Кузьмин "
         "Кудрявц Барано Куликов Алексе Степан Яковл Сорокин Сергеев Романов Захар Борисов "
         "Королёв Герасим Пономар Григорь Лазар Медвед Ершов Никитин Соболь Рябов Поляк "
         "Цвет Данил Жуков Фролов Журавл Николаев Крылов Максим Сидоров Осипов Белоус "
         "Федотов Дорофе Егоров Матве Бобров Дмитри Калинин Анисим Петух Антонов Тимофе "
         "Никифоров Весел Филипп Марков Большак Суханов Миронов Ширяев Александров "
         "Коновалов Шестаков Казаков Ефимов Денисов Громов Фомин Давыдов Мельник Щербак "
         "Блинов Колесник Карпов Афанасьев Власов Маслов Исаков Тихонов Аксёнов Гаврилов").split()
SUFFIXES = ("ский", "енко", "ин", "ов")


def synthetic_natives(n: int) -> list[str]:
    """``n`` distinct plausible Russian names: given name + surname (stem + suffix)."""
    surnames = [s + suf for s, suf in itertools.product(STEMS, SUFFIXES)]
    pairs = ((g, s) for s, g in itertools.product(surnames, GIVEN))
    return [f"{g} {s}" for g, s in itertools.islice(pairs, 0, n * 7, 7)][:n]


def write_table(natives: list[str], path: Path) -> None:
    """A name table with only ``canonical`` (the first scheme's spelling) and ``native``."""
    from cleantext.names.translit import romanizations

    rows = []
    for native in natives:
        canonical = " ".join(next(iter(romanizations(w, ("ru",)))) for w in native.split())
        rows.append(f'[[name]]\ncanonical = "{canonical}"\nnative = ["{native}"]\n')
    path.write_text("\n".join(rows), encoding="utf-8")


def documents() -> list[str]:
    cleaner = Cleaner(lang="en", builtin_names=False)
    return [cleaner.clean(p.read_text(encoding="utf-8"))
            for p in sorted((ROOT / "seeds" / "input").glob("*.txt"))]


def spelling_count(table) -> int:
    """How many spellings the table's exact index holds (capitals included)."""
    return len(table.spellings("en"))


def docs_per_second(table, docs: list[str], repeat: int) -> float:
    """How many documents per second the name step handles."""
    for doc in docs:  # warm up
        table.changes(doc)
    start = time.perf_counter()
    for _ in range(repeat):
        for doc in docs:
            table.changes(doc)
    return repeat * len(docs) / (time.perf_counter() - start)


def timed_build(paths: list[Path]):
    """A fresh table (translit cache cleared) and its build time in seconds."""
    from cleantext.names.translit import romanizations

    romanizations.cache_clear()
    start = time.perf_counter()
    table = build_name_table(paths)
    return table, time.perf_counter() - start


# -- precision report ---------------------------------------------------------------
def frequent_spellings_report(table) -> tuple[list[str], int]:
    """Part 1: generated spellings that are frequent words or names; lines and the silent count."""
    lines, silent = [], 0
    used = {}
    for sp in [*table.spellings("en"), *table.given_spellings("en")]:
        if sp.text.upper() != sp.text or len(sp.text) < 2:  # the capitals copy says nothing new
            used.setdefault(sp.text.lower(), sp)
    for word in frequent_data.builtin_generated_spellings():
        zipf, lang = frequent.frequency(word)
        if zipf < frequent.THRESHOLD:
            continue
        sp = used.get(word)
        if sp is None:
            verdict = "not used (refused)"
        elif sp.slot == "given":
            verdict = f"given name of {sp.entry.canonical}: only right before its surname"
        elif sp.how == "canonical":
            verdict = f"the canonical spelling of {sp.entry.canonical}"
        elif sp.how == "table" and sp.text in sp.entry.why:
            verdict = f"listed on purpose: {sp.entry.why[sp.text]}"
        else:
            verdict = f"USED SILENTLY ({sp.how}, {sp.entry.canonical})"
            silent += 1
        lines.append(f"  {word:<14} zipf {zipf:4.2f} ({lang})  {verdict}")
    return lines, silent


def gold_texts(folder: Path) -> list[tuple[str, str]]:
    """(page id, gold article text) of one development set, or [] when it is missing."""
    path = folder / "ground-truth.json"
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(key, value["articleBody"]) for key, value in sorted(data.items())]


def gold_changes_report(table) -> list[str]:
    """Part 2: every name change on the gold texts of both development sets, with context."""
    lines = []
    for name, folder in DEV_SETS.items():
        pages = gold_texts(folder)
        changes = 0
        for key, gold in pages:
            lang = detect_language(gold)
            for change in table.changes(gold, lang):
                changes += 1
                left = gold[max(0, change.start - 40):change.start].replace("\n", " ")
                right = gold[change.end:change.end + 40].replace("\n", " ")
                lines.append(f"  [{name}/{key} {lang}] ...{left}[{gold[change.start:change.end]}"
                             f" -> {change.replacement}]{right}...  ({change.rule.code}: {change.detail})")
        lines.insert(len(lines) - changes, f" {name}: {len(pages)} gold texts, {changes} name changes")
    return lines


def load_cases(name: str) -> list[dict]:
    path = FIXTURES / name
    if not path.exists():
        return []
    return tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])


def word_changes(before: str, after: str) -> set[tuple[int, str]]:
    """(word position, new word) for every word of ``before`` that ``after`` writes differently."""
    a, b = before.split(), after.split()
    if len(a) != len(b):
        return {(-1, after)}
    return {(k, y) for k, (x, y) in enumerate(zip(a, b)) if x != y}


def probe_report(table) -> list[str]:
    """Part 3: changes on the general-text probes, precision and recall on the war news."""
    lines = []
    for name in ("dev_probe.toml", "general_probe.toml"):
        cases = load_cases(name)
        if not cases:
            lines.append(f" {name}: not present")
            continue
        changed = [c for c in cases if table.changes(c["text"], c.get("lang"))]
        by_lang = Counter(c.get("lang") for c in cases)
        lines.append(f" {name}: {len(cases)} sentences ({dict(by_lang)}), "
                     f"{len(changed)} changed (goal 0)")
        for c in changed:
            out = splice(c["text"], table.changes(c["text"], c.get("lang")))
            lines.append(f"   {c['text']!r} -> {out!r}")
    for name in ("dev_war_news.toml", "war_news.toml"):
        cases = [c for c in load_cases(name) if "expected" in c]
        if not cases:
            lines.append(f" {name}: not present")
            continue
        tp = made = needed = 0
        wrong = []
        for c in cases:
            out = splice(c["text"], table.changes(c["text"], c.get("lang")))
            want, got = word_changes(c["text"], c["expected"]), word_changes(c["text"], out)
            tp += len(want & got)
            made += len(got)
            needed += len(want)
            if out != c["expected"]:
                wrong.append(f"   {c['text']!r}\n     got  {out!r}\n     want {c['expected']!r}")
        precision = tp / made if made else 1.0
        recall = tp / needed if needed else 1.0
        lines.append(f" {name}: {len(cases)} cases, {made} word changes made, {needed} expected, "
                     f"precision {precision:.3f}, recall {recall:.3f} (goal >= 0.99 / >= 0.97)")
        lines += wrong
    return lines


def precision_report() -> int:
    """Print the three-part precision report; the number of silently used frequent spellings."""
    table = build_name_table()
    lines, silent = frequent_spellings_report(table)
    print(f"1. generated spellings that are frequent words or names (Zipf >= {frequent.THRESHOLD}"
          f" in {', '.join(frequent.LANGUAGES)}): {len(lines)}, used silently: {silent}")
    print("\n".join(lines))
    print("2. name changes on the gold texts of the development sets")
    print("\n".join(gold_changes_report(table)))
    print("3. general-text probes and war news")
    print("\n".join(probe_report(table)))
    return silent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="passes over the seeds")
    parser.add_argument("--entries", type=int, default=1000, help="synthetic table size")
    parser.add_argument("--no-precision", action="store_true", help="skip the precision report")
    parser.add_argument("--no-speed", action="store_true", help="skip the timing")
    args = parser.parse_args(argv)
    if not args.no_precision:
        precision_report()
    if args.no_speed:
        return 0
    docs = documents()
    small, small_build = timed_build([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.toml"
        write_table(synthetic_natives(args.entries), path)
        large, large_build = timed_build([path])
    small_rate = docs_per_second(small, docs, args.repeat)
    large_rate = docs_per_second(large, docs, args.repeat)
    print(f"documents: {len(docs)} seeds, {sum(map(len, docs))} characters, x{args.repeat}")
    for label, table, build, rate in (("built-in", small, small_build, small_rate),
                                      (f"built-in + {args.entries}", large, large_build, large_rate)):
        print(f"{label:>18}: {len(table):5d} entries, {spelling_count(table):6d} spellings, "
              f"build {build:6.2f} s, name step {rate:8.0f} docs/s "
              f"({1e6 / rate:6.1f} us/doc)")
    print(f"ratio (large/built-in cost per doc): {small_rate / large_rate:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
