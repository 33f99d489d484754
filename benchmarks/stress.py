"""Enormous inputs: time and peak memory of the command, and how they scale.

    python benchmarks/stress.py [--scale 1.0]

Three shapes, each at size N and 2N, cleaned by the command in a subprocess
(peak RSS read with getrusage): a file with no newline at all (50 MB at
scale 1), one line of 5 million characters with a normal article around it,
and a million tiny lines.  The ratio column is time(2N) / time(N): about 2
means linear.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

WORDS = ("the minister said that talks in Kyiv and Moscow would resume on Monday after "
         "a long pause, officials confirmed").split()


def no_newline(size: int) -> str:
    rnd = random.Random(1)
    out, n = [], 0
    while n < size:
        w = rnd.choice(WORDS)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)[:size]


def long_line(size: int) -> str:
    article = "An article paragraph that reads as prose, with enough words to count.\n\n" * 20
    return article + no_newline(size) + "\n\n" + article


def tiny_lines(count: int) -> str:
    rnd = random.Random(2)
    return "".join(rnd.choice(WORDS) + "\n" for _ in range(count))


def run(path: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one command run on ``path``."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "subprocess.run([sys.executable, '-m', 'cleantext', '-q', sys.argv[1]], "
            "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), float(out[1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size (1.0)")
    args = ap.parse_args(argv)
    shapes = [("no newline", no_newline, int(25_000_000 * args.scale)),
              ("5M-char line", long_line, int(2_500_000 * args.scale)),
              ("tiny lines", tiny_lines, int(500_000 * args.scale))]
    print(f"{'input':14s} {'size MB':>8s} {'seconds':>8s} {'peak MB':>8s} {'2N/N time':>10s}")
    with tempfile.TemporaryDirectory() as tmp:
        for label, make, n in shapes:
            times = []
            for k in (1, 2):
                path = Path(tmp) / f"{label.replace(' ', '_')}_{k}.txt"
                path.write_text(make(n * k), encoding="utf-8")
                secs, peak = run(path)
                times.append(secs)
                mb = path.stat().st_size / 1e6
                ratio = f"{times[1] / times[0]:.2f}" if k == 2 else ""
                print(f"{label:14s} {mb:8.1f} {secs:8.1f} {peak:8.0f} {ratio:>10s}")
                path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
