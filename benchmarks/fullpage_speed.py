"""Text-track speed on real pages: ``Cleaner().clean`` over the full-page texts
of the development sets, each document timed once, in a fresh process.

    python benchmarks/fullpage_speed.py ../shared/data/scrapinghub ../shared/data/readability

The full-page texts (BeautifulSoup's ``get_text``, as in benchmarks/quality.py)
are computed first; the cleaner is warmed up on the seeds (other documents),
then each page's text is cleaned once.  Prints the total seconds and docs/s
per set and for both (wall and CPU time: the CPU time is steadier on a shared machine).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scrapinghub import full_page_text, load_pages  # noqa: E402


def main(folders: list[str]) -> None:
    import cleantext

    sets = {Path(f).name: [full_page_text(p.html) for p in load_pages(f)] for f in folders}
    cleaner = cleantext.Cleaner()
    for path in sorted((ROOT / "seeds" / "input").glob("*.txt")):  # warm-up on other documents
        cleaner.clean(path.read_text(encoding="utf-8"))
    total_s = total_cpu = total_n = 0
    for name, texts in sets.items():
        elapsed = cpu = 0.0
        for text in texts:
            t0, c0 = time.perf_counter(), time.process_time()
            cleaner.clean(text)
            elapsed += time.perf_counter() - t0
            cpu += time.process_time() - c0
        total_s += elapsed
        total_cpu += cpu
        total_n += len(texts)
        print(f"{name:<14}{len(texts):>5} docs {elapsed:8.2f} s wall {cpu:8.2f} s CPU "
              f"{len(texts) / elapsed:8.1f} docs/s")
    print(f"{'both':<14}{total_n:>5} docs {total_s:8.2f} s wall {total_cpu:8.2f} s CPU "
          f"{total_n / total_s:8.1f} docs/s")


if __name__ == "__main__":
    main(sys.argv[1:] or ["/work/shared/data/scrapinghub", "/work/shared/data/readability"])
