"""Speed benchmark: cleantext against its peers on real pages, side by side, in one run.

    python benchmarks/speed.py [--data DIR] [--limit N] [--warmup K] [--rounds R]
                               [--json OUT] [--seed-variants [--docs 400]] [--cli]

Corpora, built from both development sets (``<data>/scrapinghub`` and
``<data>/readability``; ``<data>`` defaults to ``shared/data`` beside the repository):

* **page-text**: each page's full-page text (``scrapinghub.full_page_text``), what a
  naive scraper hands to a text cleaner;
* **article**: the gold article texts (``articleBody``), article-like text with little
  boilerplate;
* **html**: the raw pages.

Honest timing: documents are deduplicated by content hash (empty ones dropped);
the first ``--warmup`` pages of each set are warm-up pages, never timed, so every
track warms up on *other* documents; then each timed document is cleaned exactly
once per process. A document's time is the CPU time of its call
(``time.process_time``). Each (corpus, system) pair runs in its own fresh
subprocess, one after the other on one core; its peak memory is that process's
``ru_maxrss`` (which includes the corpus it loaded: the ``base MB`` column). A
cleantext track builds its Cleaner and calls ``warm()`` before the warm-up
documents, as a corpus job's workers do (the ``load s`` column: import,
construction and ``warm()``). PyPI ``clean-text`` runs in its own venv
(``benchmarks/.peer-venv``, created on first use) because it also installs a module
named ``cleantext``.

Side by side: a shared machine's speed drifts by a factor of two within minutes
(two runs of the same code, minutes apart, gave HTML ratios of 1.7x and 3.3x when
each system ran in its own process), so the goals' ratios come from both systems
in one process (``--pair``: cleantext and clean-text on the full-page texts,
cleantext and trafilatura on the pages), each document cleaned once by each, the
two calls back to back and their order swapped from one document to the next.
clean-text is imported there from the peer venv under another name. Everything
runs in ``--rounds`` rounds (default 3), each in fresh processes, the systems'
order rotated from round to round: the tables give each document's median time
over the rounds, a goal's ratio is the median of the rounds' ratios, each round's
printed beside it.

Cold start is timed in fresh subprocesses: ``import cleantext``, ``Cleaner()`` and
the first document, each part reported (median of three runs).

``--seed-variants`` adds the old synthetic table: seed-like variants of the five
seeds, near-duplicates of one another, so a paragraph memo helps there and the
figures are not those of a real corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "input"
PEER_VENV = Path(__file__).resolve().parent / ".peer-venv"
PEER_PACKAGE = "clean-text"

SETS = ("scrapinghub", "readability")
PAGE_TEXT, ARTICLE, HTML = "page-text", "article", "html"
KINDS = (PAGE_TEXT, ARTICLE, HTML)
WARMUP_PAGES = 3  # per set
COLD_RUNS = 5  # fresh interpreters per cold-start figure (the median is reported)
SHUFFLE_SEED = 0


def default_data() -> Path:
    """``shared/data`` beside the repository: the first ancestor of the repository that
    holds it (a worktree may sit one level deeper), else ``ROOT.parent / "shared" / "data"``."""
    for base in ROOT.parents:
        if (base / "shared" / "data").is_dir():
            return base / "shared" / "data"
    return ROOT.parent / "shared" / "data"


# --- corpus ----------------------------------------------------------------------

@dataclass(frozen=True)
class Doc:
    """One document of a corpus: its set, page id and text."""

    set: str
    id: str
    text: str

    @property
    def digest(self) -> str:
        return content_hash(self.text)

    @property
    def size(self) -> int:
        return len(self.text.encode("utf-8", "surrogatepass"))


def content_hash(text: str) -> str:
    """The SHA-256 of ``text``'s UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def dedupe(docs: list[Doc], seen: set[str] | None = None) -> list[Doc]:
    """``docs`` without empty documents and without repeats (by content hash), first
    occurrence kept; hashes in ``seen`` count as already taken (``seen`` is updated)."""
    seen = set() if seen is None else seen
    kept = []
    for doc in docs:
        if not doc.text.strip():
            continue
        digest = doc.digest
        if digest not in seen:
            seen.add(digest)
            kept.append(doc)
    return kept


@dataclass(frozen=True)
class Corpus:
    """Warm-up and timed documents of one kind; no text occurs twice in either or both."""

    kind: str
    warmup: list[Doc]
    timed: list[Doc]
    empty: int  # empty documents left out
    repeated: int  # repeats (same content hash) left out

    def payload(self) -> dict:
        """What a track's subprocess receives: the warm-up and timed texts, in order."""
        return {"warmup": [d.text for d in self.warmup], "docs": [d.text for d in self.timed]}


def build_corpora(data: Path, limit: int | None = None, warmup: int = WARMUP_PAGES,
                  kinds: tuple[str, ...] = KINDS) -> dict[str, Corpus]:
    """The benchmark's corpora of ``kinds`` from both development sets under ``data``.

    Per set, pages sorted by id: the first ``warmup`` are warm-up pages, the next
    ``limit`` (all when ``None``) are timed. Per kind, warm-up documents are
    deduplicated first, then timed documents against them and each other; the
    timed documents are shuffled with a fixed seed so both sets share the run's
    conditions.
    """
    from benchmarks.scrapinghub import decode_html, full_page_text, load_pages

    render = {PAGE_TEXT: lambda p: full_page_text(p.html), ARTICLE: lambda p: p.gold,
              HTML: lambda p: decode_html(p.html)}
    raw = {kind: ([], []) for kind in kinds}
    for name in SETS:
        pages = load_pages(data / name)
        stop = None if limit is None else warmup + limit
        for position, page in enumerate(pages[:stop]):
            for kind in kinds:
                raw[kind][position >= warmup].append(Doc(name, page.id, render[kind](page)))
    corpora = {}
    for kind, (warm, timed) in raw.items():
        seen: set[str] = set()
        warm_kept = dedupe(warm, seen)
        timed_kept = dedupe(timed, seen)
        random.Random(SHUFFLE_SEED).shuffle(timed_kept)
        empty = sum(not d.text.strip() for d in warm + timed)
        repeated = len(warm) + len(timed) - len(warm_kept) - len(timed_kept) - empty
        corpora[kind] = Corpus(kind, warm_kept, timed_kept, empty, repeated)
    return corpora


# The old synthetic corpus (``--seed-variants``).

_BOILERPLATE = [
    "Share this article", "Read more: {title}", "Follow us on Telegram",
    "Subscribe to our newsletter for the latest updates.", "Advertisement",
    "Tags: Russia, Ukraine, Kursk, drones", "© 2024 News Agency. All rights reserved.",
]
_MOJIBAKE = str.maketrans({"’": "â€™", "“": "â€œ", "”": "â€\x9d", "é": "Ã©"})


def variant(text: str, i: int) -> str:
    """The ``i``-th seed-like variant of ``text``: other numbers, a distinct closing
    line, and, by turns, boilerplate lines, CRLF line ends, curly quotes, mojibake."""
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


def seed_variant_corpus(n: int, warmup: int = 5) -> Corpus:
    """``n`` timed documents (the seeds, then variants of them in turn) and ``warmup``
    further variants to warm up on, deduplicated like the real corpora."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    docs = [Doc("seeds", str(i), seeds[i] if i < len(seeds) else variant(seeds[i % len(seeds)], i))
            for i in range(n + warmup)]
    seen: set[str] = set()
    warm = dedupe(docs[n:], seen)
    timed = dedupe(docs[:n], seen)
    return Corpus("seed-variants", warm, timed, 0, n + warmup - len(warm) - len(timed))


# --- timing (runs inside each track's subprocess) ------------------------------------

def time_each(load, path):
    """Load the corpus at ``path``, then the system (``load()`` returns its function),
    warm up on the warm-up documents, then time each timed document once."""
    import json
    import resource
    import time

    def rss_mb():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with open(path, encoding="utf-8") as handle:
        corpus = json.load(handle)
    base = rss_mb()
    start = time.perf_counter()
    fn = load()
    load_s = time.perf_counter() - start
    errors = 0
    for doc in corpus["warmup"]:
        try:
            fn(doc)
        except Exception:  # noqa: BLE001 -- a peer may raise on a hard page
            errors += 1
    seconds = []
    clock = time.process_time  # CPU time: another process's turn on the core is not ours
    for doc in corpus["docs"]:
        start = clock()
        try:
            fn(doc)
        except Exception:  # noqa: BLE001
            errors += 1
        seconds.append(clock() - start)
    return {"seconds": seconds, "errors": errors, "load_s": load_s,
            "base_rss_mb": base, "peak_rss_mb": rss_mb()}


def time_pair(loads, path):
    """Two systems in one process, side by side: load both, warm both up on the
    warm-up documents, then clean each timed document once with each, the two calls
    back to back and their order swapped from one document to the next, so that the
    machine's drift falls on both alike.  Returns each system's per-document CPU times
    and how many timed documents it raised on."""
    import json
    import time

    with open(path, encoding="utf-8") as handle:
        corpus = json.load(handle)
    fns = [load() for load in loads]
    for doc in corpus["warmup"]:
        for fn in fns:
            try:
                fn(doc)
            except Exception:  # noqa: BLE001 -- a peer may raise on a hard page
                pass
    seconds: list[list[float]] = [[], []]
    errors = [0, 0]
    clock = time.process_time
    for i, doc in enumerate(corpus["docs"]):
        for k in ((0, 1) if i % 2 == 0 else (1, 0)):
            start = clock()
            try:
                fns[k](doc)
            except Exception:  # noqa: BLE001
                errors[k] += 1
            seconds[k].append(clock() - start)
    return {"seconds": seconds, "errors": errors}


def _clean_text_peer():
    """PyPI clean-text's ``clean``, imported from the peer venv under another name
    (``peer_cleantext``: its package is called ``cleantext`` too); its own imports are
    relative, and what it needs beyond this venv (``emoji``) comes from the peer venv's
    site-packages, put last on the path."""
    import importlib.util

    package = next(PEER_VENV.glob("lib/python*/site-packages/cleantext"))
    site = package.parent
    if str(site) not in sys.path:
        sys.path.append(str(site))
    spec = importlib.util.spec_from_file_location(
        "peer_cleantext", package / "__init__.py", submodule_search_locations=[str(package)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["peer_cleantext"] = module
    spec.loader.exec_module(module)
    return module.clean


def _cleantext(method: str, **options):
    """The Cleaner as a corpus job runs it: built and warmed once (``warm()`` compiles
    every language's patterns, which the first document of each language would
    otherwise compile); that time is the track's load time, not a document's.  The
    cold start is measured apart, without ``warm()``."""
    def load():
        from cleantext import Cleaner

        return getattr(Cleaner(**options).warm(), method)
    return load


def _justext_text():
    """jusText (English stoplist, default thresholds) on the text, one ``<p>`` per line."""
    import justext

    from benchmarks.systems import lines_to_html

    stoplist = justext.get_stoplist("English")
    return lambda text: [p.text for p in justext.justext(lines_to_html(text), stoplist)
                         if not p.is_boilerplate]


def _trafilatura():
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    return trafilatura.extract


def _ftfy():
    import ftfy

    return ftfy.fix_text


# Track name -> (label, loader). "clean-text" runs in the peer venv (see PEER_SCRIPT).
TRACKS = {
    "cleantext": ("cleantext Cleaner().clean", _cleantext("clean")),
    "cleantext-lang-en": ('cleantext lang="en"', _cleantext("clean", lang="en")),
    "cleantext-no-names": ("cleantext builtin_names=False", _cleantext("clean", builtin_names=False)),
    "clean-text": ("PyPI clean-text clean()", None),
    "justext": ("jusText (text, English)", _justext_text),
    "ftfy": ("ftfy.fix_text", _ftfy),
    "cleantext-html": ("cleantext Cleaner().clean_html", _cleantext("clean_html")),
    "cleantext-html-lang-en": ('cleantext html lang="en"', _cleantext("clean_html", lang="en")),
    "cleantext-html-no-names": ("cleantext html builtin_names=False",
                                _cleantext("clean_html", builtin_names=False)),
    "trafilatura": ("trafilatura.extract", _trafilatura),
}
TEXT_TRACKS = ("cleantext", "cleantext-lang-en", "cleantext-no-names", "clean-text", "justext", "ftfy")
HTML_TRACKS = ("cleantext-html", "cleantext-html-lang-en", "cleantext-html-no-names", "trafilatura")
PLAN = {PAGE_TEXT: TEXT_TRACKS, ARTICLE: TEXT_TRACKS, HTML: HTML_TRACKS}
SEED_TRACKS = ("cleantext", "cleantext-lang-en", "cleantext-no-names", "clean-text", "ftfy")
# The goals' ratios, timed side by side in one process (``time_pair``).
PAIRS = {PAGE_TEXT: ("cleantext", "clean-text"), HTML: ("cleantext-html", "trafilatura")}


def pair_loader(name: str):
    """A track's loader inside a pair's process (clean-text under another name)."""
    return _clean_text_peer if name == "clean-text" else TRACKS[name][1]

# The peer runs this in its own venv, from a folder without our ``cleantext``:
# the same ``time_each``, its source copied in, around clean-text's ``clean``.
PEER_SCRIPT = "\n".join([
    "import json, sys",
    inspect.getsource(time_each),
    "def load():",
    "    from cleantext import clean",
    "    return clean",
    "print(json.dumps(time_each(load, sys.argv[1])))",
])


def peer_python() -> Path:
    """The peer venv's python, creating the venv with ``clean-text`` on first use."""
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {PEER_VENV} with {PEER_PACKAGE} ...", file=sys.stderr)
        subprocess.run(["python3", "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", PEER_PACKAGE], check=True)
    return python


# Linux carries a process's resident size over into the ``ru_maxrss`` of the program it
# execs, so a track started straight from this (large) process would report at least
# our own peak. A small interpreter in between starts each track instead.
LAUNCHER = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:]).returncode)"


def run_track(name: str, docs_file: Path) -> dict:
    """One track's numbers, timed in a fresh subprocess."""
    if name == "clean-text":
        cmd = [str(peer_python()), "-W", "ignore", "-c", PEER_SCRIPT, str(docs_file)]
        cwd = docs_file.parent  # not the repository: its cleantext would shadow the peer's
    else:
        cmd = [sys.executable, "-W", "ignore", __file__, "--track", name, str(docs_file)]
        cwd = ROOT
    out = subprocess.run([sys.executable, "-c", LAUNCHER, *cmd], capture_output=True, text=True,
                         cwd=cwd)
    if out.returncode != 0:
        raise RuntimeError(f"track {name} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_pair(kind: str, docs_file: Path) -> dict:
    """The kind's pair (:data:`PAIRS`) timed side by side in one fresh subprocess."""
    if "clean-text" in PAIRS[kind]:
        peer_python()  # the peer venv the pair's process imports clean-text from
    cmd = [sys.executable, "-W", "ignore", __file__, "--pair", kind, str(docs_file)]
    out = subprocess.run([sys.executable, "-c", LAUNCHER, *cmd], capture_output=True, text=True,
                         cwd=ROOT)
    if out.returncode != 0:
        raise RuntimeError(f"pair {kind} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- cold start ----------------------------------------------------------------------

COLD_SCRIPT = """
import json, sys, time
doc = json.load(open(sys.argv[1], encoding="utf-8"))
t0 = time.perf_counter()
import cleantext
t1 = time.perf_counter()
cleaner = cleantext.Cleaner()
t2 = time.perf_counter()
getattr(cleaner, sys.argv[2])(doc)
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "Cleaner()": t2 - t1, "first doc": t3 - t2}))
"""


def cold_start(doc: str, method: str, tmp: Path, runs: int = COLD_RUNS) -> dict:
    """Median over ``runs`` fresh interpreters of import, construction and first call, with
    the package's bytecode compiled once beforehand (as ``pip install`` leaves it: a wheel's
    install byte-compiles it; the cache goes to ``tmp``, never into the checkout), so that a
    machine that sets ``PYTHONDONTWRITEBYTECODE`` does not time Python compiling our source;
    also the bare interpreter start-up and, for reference, the import without that cache."""
    path = tmp / f"cold-{method}.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    # the reference: the interpreter's own bytecode as installed, ours compiled at each start
    bare = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    script = [sys.executable, "-W", "ignore", "-c", COLD_SCRIPT, str(path), method]
    subprocess.run([sys.executable, "-c", "import cleantext"], check=True, cwd=ROOT, env=env)
    parts: dict[str, list[float]] = {}
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, cwd=ROOT, env=env)
        parts.setdefault("python start-up", []).append(time.perf_counter() - start)
        out = subprocess.run(script, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
        for key, value in json.loads(out.stdout.strip().splitlines()[-1]).items():
            parts.setdefault(key, []).append(value)
        out = subprocess.run(script, capture_output=True, text=True, check=True, cwd=ROOT, env=bare)
        parts.setdefault("import, no bytecode cache", []).append(
            json.loads(out.stdout.strip().splitlines()[-1])["import"])
    return {key: statistics.median(values) for key, values in parts.items()}


# --- command ----------------------------------------------------------------------------

def run_cli(corpus: list[str], jobs: int, tmp: Path) -> dict:
    """The command on a JSONL of ``corpus``: wall-clock throughput (start-up included)."""
    path = tmp / "corpus.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in corpus), encoding="utf-8")
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
               "print(time.perf_counter() - t, "
               "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    cmd = [sys.executable, "-c", wrapper, sys.executable, "-m", "cleantext", "--input-format", "jsonl",
           str(path), "-q", "-j", str(jobs)]
    secs, rss = map(float, subprocess.run(cmd, capture_output=True, text=True, check=True,
                                          cwd=ROOT).stdout.split())
    size = sum(len(t.encode("utf-8")) for t in corpus)
    return {"docs_per_s": len(corpus) / secs, "mb_per_s": size / secs / 1e6, "peak_rss_mb": rss}


# --- report --------------------------------------------------------------------------

def _set_order(name: str) -> tuple:
    return (SETS.index(name) if name in SETS else len(SETS), name)


def summarise(corpus: Corpus, result: dict) -> dict:
    """Per set and over all: documents, docs/s, MB/s (one core) and median ms per doc."""
    groups = {name: [] for name in sorted({d.set for d in corpus.timed}, key=_set_order)}
    for doc, secs in zip(corpus.timed, result["seconds"]):
        groups[doc.set].append((doc.size, secs))
    groups["all"] = [pair for name in list(groups) for pair in groups[name]]
    summary = {}
    for name, pairs in groups.items():
        total = sum(s for _, s in pairs) or float("nan")
        summary[name] = {"docs": len(pairs), "docs_per_s": len(pairs) / total,
                         "mb_per_s": sum(b for b, _ in pairs) / total / 1e6,
                         "median_ms": 1000 * statistics.median(s for _, s in pairs)}
    return summary


def print_table(title: str, corpus: Corpus, results: dict[str, dict]) -> None:
    sets = sorted({d.set for d in corpus.timed}, key=_set_order) + ["all"]
    print(f"\n{title}")
    print(f"  {'':34s}" + "".join(f" | {s:^21.21s}" for s in sets) + " |")
    print(f"  {'system':34s}" + f" | {'docs/s':>7s} {'MB/s':>6s} {'ms50':>6s}" * len(sets)
          + " | peak MB base MB err load s")
    for track, result in results.items():
        summary = summarise(corpus, result)
        cells = "".join(f" | {summary[s]['docs_per_s']:7.0f} {summary[s]['mb_per_s']:6.2f}"
                        f" {summary[s]['median_ms']:6.1f}" for s in sets)
        print(f"  {TRACKS[track][0]:34s}{cells} | {result['peak_rss_mb']:7.0f}"
              f" {result['base_rss_mb']:7.0f} {result['errors']:3d} {result['load_s']:6.2f}")


def goal_line(label: str, values: dict[str, float], goal: float, unit: str,
              per_round: dict[str, list[float]] | None = None) -> str:
    """One goal's line: its value per set and over all, whether it is met, and (for a
    ratio) each round's value over all."""
    cells = "  ".join(f"{name} {value:.2f}{unit}" for name, value in values.items())
    met = "met" if values["all"] >= goal else "NOT MET"
    rounds = ""
    if per_round and len(per_round["all"]) > 1:
        rounds = (f"; all, {len(per_round['all'])} rounds: "
                  + " ".join(f"{v:.2f}{unit}" for v in per_round["all"]))
    return f"  {label:46s} {cells}  (goal >= {goal}{unit}, all: {met}{rounds})"


def print_goals(corpora: dict[str, Corpus], results: dict, pairs: dict) -> None:
    """The issue's goals: a ratio is the median of the rounds' side-by-side ratios
    (``pairs``: each kind's :func:`time_pair` results, one per round), MB/s that of the
    tables' result (``results``)."""
    def ratio(kind):
        per_round = pair_ratios(corpora[kind], pairs[kind])
        return {s: statistics.median(v) for s, v in per_round.items()}, per_round

    def mbps(kind, track):
        return {s: v["mb_per_s"] for s, v in summarise(corpora[kind], results[kind][track]).items()}

    print("\ngoals (a ratio: both systems in one process, document by document, the median of "
          "the rounds):")
    text_ratio, text_rounds = ratio(PAGE_TEXT)
    html_ratio, html_rounds = ratio(HTML)
    print(goal_line("full-page text, cleantext / clean-text docs/s", text_ratio, 5, "x",
                    text_rounds))
    print(goal_line("full-page text, cleantext MB/s per core", mbps(PAGE_TEXT, "cleantext"), 3, ""))
    print(goal_line("article text (gold), cleantext MB/s per core",
                    mbps(ARTICLE, "cleantext"), 10, ""))
    print(goal_line("html, cleantext clean_html / trafilatura docs/s", html_ratio, 3, "x",
                    html_rounds))
    for kind, rounds in pairs.items():
        errors = [sum(r["errors"][k] for r in rounds) for k in (0, 1)]
        if any(errors):  # a call that raised took less time than a cleaned document
            print(f"  side by side on {kind}: " + ", ".join(
                f"{name} raised on {n} document(s)" for name, n in zip(PAIRS[kind], errors)))


def print_cold(cold: dict[str, dict]) -> None:
    print("\ncold start (fresh interpreter, bytecode compiled as an install leaves it, median of "
          f"{COLD_RUNS}; goal: import + Cleaner() + first doc < 0.3 s):")
    for method, parts in cold.items():
        total = parts["import"] + parts["Cleaner()"] + parts["first doc"]
        cells = "  ".join(f"{k} {parts[k] * 1000:.0f} ms" for k in ("import", "Cleaner()", "first doc"))
        met = "met" if total < 0.3 else "NOT MET"
        print(f"  {method:10s} {cells}  = {total * 1000:.0f} ms ({met}); "
              f"python start-up alone {parts['python start-up'] * 1000:.0f} ms; import without "
              f"a bytecode cache {parts['import, no bytecode cache'] * 1000:.0f} ms")


def rotated(tracks: tuple[str, ...], round_: int) -> tuple[str, ...]:
    """``tracks`` in round ``round_``'s order: rotated by one each round, so that no
    system always runs first (or right after the same neighbour)."""
    k = round_ % len(tracks) if tracks else 0
    return tracks[k:] + tracks[:k]


def run_plan(corpora: dict[str, Corpus], plan: dict[str, tuple], tmp: Path,
             rounds: int = 1) -> dict:
    """Every (kind, track) of ``plan`` in its own subprocess, one after the other, in
    ``rounds`` rounds (the tracks' order rotated each round): ``{kind: {track: [one
    result per round]}}``."""
    results: dict[str, dict] = {}
    for kind, tracks in plan.items():
        path = tmp / f"{kind}.json"
        path.write_text(json.dumps(corpora[kind].payload()), encoding="utf-8")
        for round_ in range(rounds):
            for track in rotated(tuple(tracks), round_):
                print(f"  timing {kind}, round {round_ + 1}/{rounds}: {track} ...", file=sys.stderr,
                      flush=True)
                results.setdefault(kind, {}).setdefault(track, []).append(run_track(track, path))
    return results


def combine(runs: list[dict]) -> dict:
    """One track's rounds as one result: each document's median time, the most errors
    and the highest peak of any round, the median load time and base memory."""
    return {"seconds": [statistics.median(times) for times in zip(*(r["seconds"] for r in runs))],
            "errors": max(r["errors"] for r in runs),
            "load_s": statistics.median(r["load_s"] for r in runs),
            "base_rss_mb": statistics.median(r["base_rss_mb"] for r in runs),
            "peak_rss_mb": max(r["peak_rss_mb"] for r in runs)}


def pair_ratios(corpus: Corpus, rounds: list[dict]) -> dict[str, list[float]]:
    """Per set (and ``all``): the docs/s ratio of a pair's first system to its second
    in each round (:func:`time_pair`'s results)."""
    ratios: dict[str, list[float]] = {}
    for pair in rounds:
        ours, theirs = (summarise(corpus, {"seconds": times}) for times in pair["seconds"])
        for name in ours:
            ratios.setdefault(name, []).append(ours[name]["docs_per_s"] / theirs[name]["docs_per_s"])
    return ratios


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--track"]:
        name, docs_file = args[1], args[2]
        print(json.dumps(time_each(TRACKS[name][1], docs_file)))
        return 0
    if args[:1] == ["--pair"]:
        kind, docs_file = args[1], args[2]
        print(json.dumps(time_pair([pair_loader(name) for name in PAIRS[kind]], docs_file)))
        return 0
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=default_data(),
                   help="folder holding scrapinghub/ and readability/ (default: %(default)s)")
    p.add_argument("--limit", type=int, default=None, help="timed pages per set (default: all)")
    p.add_argument("--warmup", type=int, default=WARMUP_PAGES,
                   help="warm-up pages per set, never timed (default: %(default)s)")
    p.add_argument("--seed-variants", action="store_true",
                   help="also the synthetic table on seed-like variants")
    p.add_argument("--docs", type=int, default=400, help="seed variants timed (default: 400)")
    p.add_argument("--cli", action="store_true", help="also time the command on the page texts")
    p.add_argument("--rounds", type=int, default=3,
                   help="rounds of every system, each in fresh processes (default: %(default)s)")
    p.add_argument("--json", type=Path, help="write all raw results here")
    opts = p.parse_args(args)
    for name in SETS:
        if not (opts.data / name / "ground-truth.json").is_file():
            p.error(f"no development set at {opts.data / name} (see --data)")

    started, load_before = time.perf_counter(), os.getloadavg()[0]
    corpora = build_corpora(opts.data, opts.limit, opts.warmup)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        runs = run_plan(corpora, PLAN, tmp, opts.rounds)
        pairs: dict[str, list[dict]] = {}
        for round_ in range(opts.rounds):
            for kind in PAIRS:
                print(f"  timing {kind} side by side, round {round_ + 1}/{opts.rounds}: "
                      f"{' and '.join(PAIRS[kind])} ...", file=sys.stderr, flush=True)
                pairs.setdefault(kind, []).append(run_pair(kind, tmp / f"{kind}.json"))
        cold = {"clean": cold_start(corpora[PAGE_TEXT].timed[0].text, "clean", tmp),
                "clean_html": cold_start(corpora[HTML].timed[0].text, "clean_html", tmp)}
        seeds = None
        if opts.seed_variants:
            seeds = seed_variant_corpus(opts.docs)
            runs.update(run_plan({"seed-variants": seeds}, {"seed-variants": SEED_TRACKS}, tmp,
                                 opts.rounds))
        cli = {}
        if opts.cli:
            texts = [d.text for d in corpora[PAGE_TEXT].timed]
            for jobs in (1, os.cpu_count() or 1):
                cli[jobs] = run_cli(texts, jobs, tmp)

    results = {kind: {track: combine(r) for track, r in tracks.items()}
               for kind, tracks in runs.items()}
    print(f"cleantext speed benchmark ({platform.python_version()}, {os.cpu_count()} cores, "
          f"one core and one fresh process per system and round, {opts.rounds} rounds; "
          f"{time.perf_counter() - started:.0f} s; "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after)")
    print(f"data: {opts.data}; warm-up: first {opts.warmup} pages of each set, never timed; "
          f"each timed document cleaned once")
    for kind, corpus in corpora.items():
        per_set = ", ".join(f"{s} {sum(d.set == s for d in corpus.timed)}" for s in SETS)
        mb = sum(d.size for d in corpus.timed) / 1e6
        print(f"  {kind:9s}: {len(corpus.timed)} distinct timed docs ({per_set}; {mb:.1f} MB), "
              f"{len(corpus.warmup)} warm-up; left out: {corpus.empty} empty, "
              f"{corpus.repeated} repeated")
    titles = {PAGE_TEXT: "full-page text (rendered from the HTML)",
              ARTICLE: "article-like text (gold articleBody)", HTML: "HTML (raw pages)"}
    print("columns per set: docs/s and MB/s over the summed per-document CPU times (each "
          "document's median over the rounds), ms50 = median ms per doc; peak MB = the process's "
          "ru_maxrss, base MB = after loading the corpus")
    for kind in KINDS:
        print_table(titles[kind], corpora[kind], results[kind])
    print_goals(corpora, results, pairs)
    print_cold(cold)
    if seeds is not None:
        print_table(f"SYNTHETIC seed variants ({len(seeds.timed)} near-duplicates of the 5 seeds, "
                    f"{len(seeds.warmup)} warm-up; a memo helps here, not a real corpus)",
                    seeds, results["seed-variants"])
    for jobs, r in cli.items():
        print(f"command --input-format jsonl -j {jobs} on the page texts (wall, start-up included): "
              f"{r['docs_per_s']:.0f} docs/s, {r['mb_per_s']:.2f} MB/s, peak {r['peak_rss_mb']:.0f} MB")
    if opts.json:
        def described(kind, r):
            return {**summarise(corpora[kind] if kind in corpora else seeds, r),
                    **{k: r[k] for k in ("errors", "load_s", "base_rss_mb", "peak_rss_mb")}}

        summaries = {kind: {track: {**described(kind, r),
                                    "rounds": [described(kind, one) for one in runs[kind][track]]}
                            for track, r in tracks.items()} for kind, tracks in results.items()}
        side_by_side = {kind: pair_ratios(corpora[kind], rounds) for kind, rounds in pairs.items()}
        opts.json.write_text(json.dumps({"summaries": summaries, "side_by_side": side_by_side,
                                         "cold_start": cold, "cli": cli},
                                        indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
