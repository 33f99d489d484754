"""Benchmark of the name step: cost per document with the built-in and a 1,000-entry table.

Usage (from the repository root)::

    python benchmarks/names.py [--repeat N] [--entries N]

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
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleantext import Cleaner  # noqa: E402
from cleantext.names.table import build_name_table  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
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
    table.changes("")  # compiles the table
    return sum(len(v) for v in table._exact.values())


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="passes over the seeds")
    parser.add_argument("--entries", type=int, default=1000, help="synthetic table size")
    args = parser.parse_args(argv)
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
