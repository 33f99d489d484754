"""Speed benchmark: cleantext against its peers, side by side, in one run.

    python benchmarks/speed.py [--docs 400] [--rounds 3] [--pages 60] [--cli]

Tracks (each timed in its own subprocess on the same documents, so peak
memory is that process's ``ru_maxrss``; the best of ``--rounds`` passes counts):

* **text**: ``Cleaner().clean`` (the default profile: all rules, ftfy repair,
  language detection, names) on the seeds and seed-like variants, against
  PyPI ``clean-text``'s ``clean()`` run in its own venv (``benchmarks/.peer-venv``,
  created on first use: both packages install a module called ``cleantext``),
  plus ``ftfy.fix_text`` and ``langdetect`` on the whole text for reference;
* **html**: ``Cleaner().clean_html`` against ``trafilatura.extract``, on the
  scrapinghub benchmark pages and on simple pages made from the text corpus;
* ``--cli``: the command on a JSONL of the text corpus, ``--jobs 1`` and all cores.

The ratios are cleantext's docs/s over the peer's (goal: >= 5 for text, >= 1.5
for html, scrapinghub pages).  Numbers on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import gzip
import inspect
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "input"
PAGES = Path("/work/shared/data/scrapinghub/html")
PEER_VENV = Path(__file__).resolve().parent / ".peer-venv"
PEER_PACKAGE = "clean-text"

# --- corpus ----------------------------------------------------------------------

_BOILERPLATE = [
    "Share this article", "Read more: {title}", "Follow us on Telegram",
    "Subscribe to our newsletter for the latest updates.", "Advertisement",
    "Tags: Russia, Ukraine, Kursk, drones", "© 2024 News Agency. All rights reserved.",
]
_MOJIBAKE = str.maketrans({"’": "â€™", "“": "â€œ", "”": "â€\x9d", "é": "Ã©"})


def variant(text: str, i: int) -> str:
    """The ``i``-th seed-like variant of ``text``: other numbers, a distinct closing
    line, and, by turns, boilerplate lines, CRLF line ends, curly quotes, mojibake.

    Every variant differs in several paragraphs, so no cache of documents or
    paragraphs can make replication look faster than real corpora are.
    """
    rnd = random.Random(i)
    text = re.sub(r"\d+", lambda m: str(int(m.group()) + i), text)
    lines = text.split("\n")
    title = lines[0][:60]
    if i % 3 == 1:
        lines.insert(1, rnd.choice(_BOILERPLATE).format(title=title))
        lines.append(rnd.choice(_BOILERPLATE).format(title=title))
    if i % 4 == 2:
        lines = [line.replace("'", "’").replace('"', "“", 1) for line in lines]
    if i % 7 == 3:
        k = rnd.randrange(len(lines))
        lines[k] = lines[k].replace("'", "’").translate(_MOJIBAKE)
    lines.append(f"Reporting by desk {i} ({rnd.randrange(10**6)}).")
    sep = "\r\n" if i % 5 == 4 else "\n"
    return sep.join(lines)


def text_corpus(n: int) -> list[str]:
    """``n`` documents: the seeds once, then variants of them in turn."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [seeds[i] if i < len(seeds) else variant(seeds[i % len(seeds)], i) for i in range(n)]


def simple_html(text: str) -> str:
    """A simple page for ``text``: first line the title, the rest paragraphs, some chrome."""
    title, *paras = [line for line in text.splitlines() if line.strip()] or [""]
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a>"
            f"<a href='/world'>World</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>© 2024 News Agency</footer></body></html>")


def scrapinghub_pages(limit: int) -> list[str]:
    """The first ``limit`` scrapinghub benchmark pages (sorted by name), as text."""
    paths = sorted(PAGES.glob("*.html.gz"))[:limit]
    return [gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace") for p in paths]


# --- timing (runs inside each track's subprocess) ------------------------------------

def time_calls(fn, docs: list, rounds: int) -> dict:
    """Best-of-``rounds`` throughput of ``fn`` over ``docs`` (after one warm-up call)."""
    fn(docs[0])
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for d in docs:
            fn(d)
        best = min(best, time.perf_counter() - start)
    size = sum(len(d.encode("utf-8")) for d in docs)
    return {"docs_per_s": len(docs) / best, "mb_per_s": size / best / 1e6,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _track_function(name: str):
    """The function a track times (imported inside the subprocess only)."""
    if name == "cleantext":
        from cleantext import Cleaner

        return Cleaner().clean
    if name == "cleantext-lang-en":
        from cleantext import Cleaner

        return Cleaner(lang="en").clean
    if name == "cleantext-html":
        from cleantext import Cleaner

        return Cleaner().clean_html
    if name == "trafilatura":
        import trafilatura

        return trafilatura.extract
    if name == "ftfy":
        import ftfy

        return ftfy.fix_text
    if name == "langdetect":
        from langdetect import DetectorFactory, detect

        DetectorFactory.seed = 0
        return detect
    raise ValueError(f"unknown track {name}")


# The peer runs this in its own venv, from a folder without our ``cleantext``:
# the same ``time_calls``, its source copied in, around clean-text's ``clean``.
PEER_SCRIPT = "\n".join([
    "import json, resource, sys, time",
    inspect.getsource(time_calls),
    "from cleantext import clean",
    "docs = json.load(open(sys.argv[1], encoding='utf-8'))",
    "print(json.dumps(time_calls(clean, docs, int(sys.argv[2]))))",
])


def peer_python() -> Path:
    """The peer venv's python, creating the venv with ``clean-text`` on first use."""
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {PEER_VENV} with {PEER_PACKAGE} ...", file=sys.stderr)
        subprocess.run(["python3", "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", PEER_PACKAGE], check=True)
    return python


def run_track(name: str, docs_file: Path, rounds: int) -> dict:
    """One track's numbers, timed in a fresh subprocess."""
    if name == "clean-text":
        cmd = [str(peer_python()), "-W", "ignore", "-c", PEER_SCRIPT, str(docs_file), str(rounds)]
        cwd = docs_file.parent  # not the repository: its cleantext would shadow the peer's
    else:
        cmd = [sys.executable, __file__, "--track", name, str(docs_file), str(rounds)]
        cwd = ROOT
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    if out.returncode != 0:
        raise RuntimeError(f"track {name} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_cli(corpus: list[str], jobs: int, tmp: Path) -> dict:
    """The command on a JSONL of ``corpus``: wall-clock throughput and peak RSS per process."""
    path = tmp / "corpus.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in corpus), encoding="utf-8")
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
               "print(time.perf_counter() - t, "
               "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    cmd = [sys.executable, "-c", wrapper, sys.executable, "-m", "cleantext", "--jsonl",
           str(path), "-q", "-j", str(jobs)]
    secs, rss = map(float, subprocess.run(cmd, capture_output=True, text=True, check=True,
                                          cwd=ROOT).stdout.split())
    size = path.stat().st_size
    return {"docs_per_s": len(corpus) / secs, "mb_per_s": size / secs / 1e6, "peak_rss_mb": rss}


# --- report --------------------------------------------------------------------------

def _row(label: str, r: dict) -> str:
    return f"  {label:34s} {r['docs_per_s']:9.0f} {r['mb_per_s']:8.2f} {r['peak_rss_mb']:8.0f}"


def _ratio(label: str, ours: dict, theirs: dict, goal: float) -> str:
    ratio = ours["docs_per_s"] / theirs["docs_per_s"]
    return f"  {label}: {ratio:.2f}x (goal >= {goal}x) {'ok' if ratio >= goal else 'BELOW GOAL'}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--track"]:
        name, docs_file, rounds = args[1], Path(args[2]), int(args[3])
        docs = json.loads(docs_file.read_text(encoding="utf-8"))
        print(json.dumps(time_calls(_track_function(name), docs, rounds)))
        return 0
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, default=400, help="text documents (400)")
    p.add_argument("--pages", type=int, default=60, help="scrapinghub pages (60)")
    p.add_argument("--rounds", type=int, default=3, help="passes per track; the best counts (3)")
    p.add_argument("--cli", action="store_true", help="also time the command on JSONL")
    opts = p.parse_args(args)

    corpus = text_corpus(opts.docs)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        files = {"text": tmp / "text.json", "pages": tmp / "pages.json", "simple": tmp / "simple.json"}
        files["text"].write_text(json.dumps(corpus), encoding="utf-8")
        files["pages"].write_text(json.dumps(scrapinghub_pages(opts.pages)), encoding="utf-8")
        files["simple"].write_text(json.dumps([simple_html(t) for t in corpus]), encoding="utf-8")
        plan = [("text", "cleantext"), ("text", "clean-text"), ("text", "cleantext-lang-en"),
                ("text", "ftfy"), ("text", "langdetect"),
                ("pages", "cleantext-html"), ("pages", "trafilatura"),
                ("simple", "cleantext-html"), ("simple", "trafilatura")]
        results = {}
        for corpus_name, track in plan:
            results[corpus_name, track] = run_track(track, files[corpus_name], opts.rounds)
        cli = {}
        if opts.cli:
            for jobs in (1, os.cpu_count() or 1):
                cli[jobs] = run_cli(corpus, jobs, tmp)

    print(f"cleantext speed benchmark: {opts.docs} text docs (seeds + variants), "
          f"{opts.pages} scrapinghub pages, best of {opts.rounds}, one core per track")
    print(f"  {'track':34s} {'docs/s':>9s} {'MB/s':>8s} {'peak MB':>8s}")
    labels = {"text": "text", "pages": "html scrapinghub", "simple": "html simple"}
    for (corpus_name, track), r in results.items():
        print(_row(f"{labels[corpus_name]}: {track}", r))
    for jobs, r in cli.items():
        print(_row(f"command --jsonl -j {jobs} (wall)", r))
    print("ratios:")
    print(_ratio("text, cleantext / clean-text", results["text", "cleantext"],
                 results["text", "clean-text"], 5))
    print(_ratio("html (scrapinghub), cleantext / trafilatura", results["pages", "cleantext-html"],
                 results["pages", "trafilatura"], 1.5))
    print(_ratio("html (simple pages), cleantext / trafilatura", results["simple", "cleantext-html"],
                 results["simple", "trafilatura"], 1.5))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
