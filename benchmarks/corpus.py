"""Corpus-mode benchmark: quality against single-document cleaning, speed of both passes,
memory of the learning pass.

    python benchmarks/corpus.py [../shared/data/readability ../shared/data/scrapinghub]
        [--synthetic-sites 12] [--memory 10000,100000] [--skip-memory]

* **Real sites**: the pages of each development set grouped by site (readability: the
  page name before its first ``-``, so ``nytimes-1`` .. ``nytimes-5`` are one site;
  scrapinghub: the URL's host).  For the sites with two pages or more, every page's
  full-page text (the text track) is cleaned as a single document and in corpus
  mode (a profile learned from all pages of its site, the two-pass ``--learn``),
  and scored with the benchmark's metric against the gold.  Corpus mode must not
  lose precision.
* **Synthetic sites** (:func:`synthetic_sites`): the chrome of a development page
  (its full-page text minus the gold article) is a site's template, with its
  figures changed on every page and a few slots that print other titles, around
  the gold articles of other pages.
* **Speed**: the learning pass (docs/s) and the cleaning pass with and without the
  site's template, on the synthetic pages, after a warm-up on other pages.
* **Memory**: peak RSS of a subprocess that learns from N generated documents
  (sites of about 100 pages, 60 template lines and 25 article lines each), against a
  baseline process that only generates them; extrapolated to 1,000,000 documents.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SETS = (DATA / "readability", DATA / "scrapinghub")


# --- sites of the development sets -----------------------------------------------

def site_of(set_folder: Path, page_id: str, truth: dict) -> str:
    """The site of a page: the URL's host when the set gives one, else the page name
    before its first ``-``."""
    url = truth.get(page_id, {}).get("url")
    if url:
        return urlparse(url).hostname or page_id
    return page_id.split("-")[0]


def load_sites(set_folder: Path) -> dict[str, list]:
    """Pages of a set by site (each a ``benchmarks.scrapinghub.Page`` with ``text``)."""
    from benchmarks.scrapinghub import full_page_text, load_pages

    truth = json.loads((set_folder / "ground-truth.json").read_text(encoding="utf-8"))
    sites: dict[str, list] = defaultdict(list)
    for page in load_pages(set_folder):
        sites[site_of(set_folder, page.id, truth)].append((page.id, full_page_text(page.html), page.gold))
    return dict(sites)


# --- synthetic sites ----------------------------------------------------------------

_DIGITS = re.compile(r"\d")


def chrome_of(text: str, gold: str) -> tuple[list[str], list[str]]:
    """The lines of a full-page text before and after its article (the lines the gold
    holds): the page's top and bottom chrome."""
    gold_lines = {" ".join(g.split()) for g in gold.splitlines() if g.strip()}
    lines = [line for line in text.splitlines() if line.strip()]
    inside = [i for i, line in enumerate(lines)
              if line in gold_lines or (len(line) > 40 and line in gold)]
    if not inside:
        return [], []
    return lines[: inside[0]], lines[inside[-1] + 1 :]


def synthetic_sites(pages: list[tuple[str, str, str]], n_sites: int, per_site: int,
                    seed: int = 0) -> list[dict]:
    """Sites built from real chrome: each takes the top and bottom chrome of one page as
    its template, and its pages put around the gold articles of other pages.  On each
    page the figures of the template change, and about one line in eight of it is a
    slot that prints another title (a "Related" or "Most read" entry).

    Returns dicts ``{"site", "pages": [{"text", "article", "template", "slots"}]}``:
    ``article`` the lines of the article, ``template`` the constant lines printed,
    ``slots`` the varying ones."""
    rnd = random.Random(seed)
    usable = [p for p in pages if p[2].count("\n") >= 2]
    sources = [p for p in usable if sum(len(x) for x in chrome_of(p[1], p[2])) >= 15]
    rnd.shuffle(sources)
    titles = [" ".join(g.split()[:rnd.randint(4, 9)]) for _, _, g in usable if len(g.split()) > 12]
    sites = []
    for k, (pid, text, gold) in enumerate(sources[:n_sites]):
        top, bottom = chrome_of(text, gold)
        slots = {i for i in range(len(top) + len(bottom)) if rnd.random() < 0.125}
        others = [p for p in usable if p[0] != pid]
        out = []
        for art_id, _, art in rnd.sample(others, per_site):
            article = [line for line in (" ".join(g.split()) for g in art.splitlines()) if line]
            printed, template, varying = [], [], []
            for i, line in enumerate(top + bottom):
                if i in slots:
                    line = rnd.choice(titles)
                    varying.append(line)
                else:
                    line = _DIGITS.sub(lambda m: str(rnd.randint(0, 9)), line)
                    template.append(line)
                printed.append(line)
            lines = printed[: len(top)] + article + printed[len(top) :]
            out.append({"text": "\n".join(lines), "article": article, "gold": art,
                        "template": template, "slots": varying})
        sites.append({"site": f"site{k}.example", "source": pid, "pages": out})
    return sites


# --- quality ------------------------------------------------------------------------

def score_sites(sites: dict[str, list[tuple[str, str, str]]], min_pages: int = 2) -> dict:
    """Single-document and corpus-mode scores over the pages of the sites with at
    least ``min_pages`` pages."""
    import cleantext
    from benchmarks.scrapinghub import aggregate, shingle_scores

    single, corpus = [], []
    pairs = [(site, text) for site, pages in sites.items() if len(pages) >= min_pages
             for _, text, _ in pages]
    profiles = cleantext.learn_sites(pairs)
    plain, learned = cleantext.Cleaner(), cleantext.Cleaner(profiles=profiles)
    per_site = {}
    for site, pages in sites.items():
        if len(pages) < min_pages:
            continue
        s_scores, c_scores = [], []
        for _, text, gold in pages:
            s_scores.append(shingle_scores(plain.clean(text), gold))
            c_scores.append(shingle_scores(learned.clean(text, site=site), gold))
        single += s_scores
        corpus += c_scores
        per_site[site] = (len(pages), aggregate(s_scores), aggregate(c_scores),
                          len(profiles[site].lines))
    return {"pages": len(single), "sites": len(per_site), "single": aggregate(single),
            "corpus": aggregate(corpus), "per_site": per_site}


def score_synthetic(sites: list[dict]) -> dict:
    """Scores of single-document and corpus-mode cleaning on synthetic sites, and how
    much of the template each leaves."""
    import cleantext
    from benchmarks.scrapinghub import aggregate, shingle_scores

    profiles = cleantext.learn_sites((s["site"], p["text"]) for s in sites for p in s["pages"])
    plain, learned = cleantext.Cleaner(), cleantext.Cleaner(profiles=profiles)
    single, corpus = [], []
    left = {"single": [0, 0], "corpus": [0, 0]}
    for s in sites:
        for p in s["pages"]:
            for name, out, bucket in (("single", plain.clean(p["text"]), single),
                                      ("corpus", learned.clean(p["text"], site=s["site"]), corpus)):
                bucket.append(shingle_scores(out, p["gold"]))
                kept = set(out.splitlines())
                left[name][0] += sum(" ".join(t.split()) in kept for t in p["template"])
                left[name][1] += len(p["template"])
    return {"pages": len(single), "sites": len(sites), "single": aggregate(single),
            "corpus": aggregate(corpus),
            "template_left": {k: v[0] / v[1] if v[1] else 0.0 for k, v in left.items()}}


# --- speed --------------------------------------------------------------------------

def speed(sites: list[dict]) -> dict:
    """Docs/s of the learning pass and of the cleaning pass with and without the template
    (each document timed once, after ``Cleaner.warm()`` and a warm-up on the first site, as
    a corpus job's workers run)."""
    import cleantext

    warm, rest = sites[:1], sites[1:]
    docs = [(s["site"], p["text"]) for s in rest for p in s["pages"]]
    cleantext.learn_sites((s["site"], p["text"]) for s in warm for p in s["pages"])
    t0 = time.perf_counter()
    profiles = cleantext.learn_sites(docs)
    learn_s = time.perf_counter() - t0
    plain, learned = cleantext.Cleaner().warm(), cleantext.Cleaner(profiles=profiles).warm()
    for s in warm:
        for p in s["pages"]:
            plain.clean(p["text"])
            learned.clean(p["text"], site=s["site"])
    half = len(docs) // 2  # each document cleaned once: half plain, the other half with its site
    t0 = time.perf_counter()
    for site, text in docs[:half]:
        plain.clean(text)
    plain_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for site, text in docs[half:]:
        learned.clean(text, site=site)
    corpus_s = time.perf_counter() - t0
    chars = sum(len(t) for _, t in docs)
    return {"docs": len(docs), "learn_docs_s": len(docs) / learn_s,
            "learn_mb_s": chars / learn_s / 1e6,
            "clean_docs_s": half / plain_s, "clean_site_docs_s": (len(docs) - half) / corpus_s}


# --- memory -------------------------------------------------------------------------

_WORDS = ("the of and to in a is that for it as was with be by on not he this are or but "
          "from have an they which one you were all we her she there would their will when "
          "who him been has more if no out so said what up its about than into them can only "
          "other new some could time these two may then do first any my now such like our "
          "over man me even most made after also did many before must through back years "
          "where much your way well down should because each just those people bridge river "
          "council minister market election league season company report police court city").split()


def generate(n_docs: int, pages_per_site: int = 100, seed: int = 1):
    """``n_docs`` (site, text) pairs: sites of ``pages_per_site`` pages, each with 60
    template lines (figures changing) and 25 article sentences of random words;
    the sites interleave, as a crawl's output does."""
    rnd = random.Random(seed)
    n_sites = max(1, n_docs // pages_per_site)
    templates = [[" ".join(rnd.choices(_WORDS, k=rnd.randint(1, 6))) + (" (%d)" if j % 7 == 0 else "")
                  for j in range(60)] for _ in range(min(n_sites, 2000))]
    for i in range(n_docs):
        s = i % n_sites
        tpl = templates[s % len(templates)]
        article = [" ".join(rnd.choices(_WORDS, k=rnd.randint(12, 30))).capitalize() + "."
                   for _ in range(25)]
        lines = [t % rnd.randint(0, 999) if "%d" in t else t for t in tpl[:40]] + article + tpl[40:]
        yield f"s{s}.example", "\n".join(lines)


def _memory_child(n_docs: int, learn: bool) -> None:
    import cleantext

    t0 = time.perf_counter()
    if learn:
        profiles = cleantext.learn_sites(generate(n_docs))
        lines = sum(len(p.lines) for p in profiles.values())
    else:
        lines = sum(1 for _ in generate(n_docs))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"docs": n_docs, "rss_mb": rss, "seconds": time.perf_counter() - t0,
                      "lines": lines}))


def memory(n_docs: int) -> dict:
    """Peak RSS of learning from ``n_docs`` generated documents, and of generating them
    alone (the baseline), each in a fresh process."""
    out = {}
    for learn in (False, True):
        proc = subprocess.run([sys.executable, __file__, "--memory-child", str(n_docs)]
                              + (["--learn"] if learn else []),
                              capture_output=True, text=True, check=True, cwd=ROOT)
        out["learn" if learn else "baseline"] = json.loads(proc.stdout)
    return out


# --- report -------------------------------------------------------------------------

def _prf(t) -> str:
    return f"P {t[0]:.3f}  R {t[1]:.3f}  F1 {t[2]:.3f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", type=Path, default=list(SETS))
    ap.add_argument("--synthetic-sites", type=int, default=12)
    ap.add_argument("--pages-per-site", type=int, default=8)
    ap.add_argument("--memory", default="10000,100000")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--per-site", action="store_true", help="print every multi-page site")
    ap.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--learn", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child:
        _memory_child(args.memory_child, args.learn)
        return 0
    all_pages = []
    print("## Real sites (text track; pages of sites with 2+ pages)\n")
    print("| set | sites | pages | single document | corpus mode |\n| --- | --- | --- | --- | --- |")
    for folder in args.sets:
        if not (folder / "ground-truth.json").exists():
            print(f"| {folder.name} | missing | | | |")
            continue
        sites = load_sites(folder)
        all_pages += [p for pages in sites.values() for p in pages]
        r = score_sites(sites)
        print(f"| {folder.name} | {r['sites']} | {r['pages']} | {_prf(r['single'])} | {_prf(r['corpus'])} |")
        if args.per_site:
            for site, (n, s, c, k) in sorted(r["per_site"].items()):
                print(f"|  {site} ({k} template lines) | | {n} | {_prf(s)} | {_prf(c)} |")
    if all_pages:
        syn = synthetic_sites(all_pages, args.synthetic_sites, args.pages_per_site)
        r = score_synthetic(syn)
        print("\n## Synthetic sites (chrome of development pages around other pages' gold)\n")
        print(f"{r['sites']} sites x {args.pages_per_site} pages: single {_prf(r['single'])}; "
              f"corpus {_prf(r['corpus'])}; constant template lines left: "
              f"single {r['template_left']['single']:.1%}, corpus {r['template_left']['corpus']:.1%}")
        sp = speed(syn)
        print("\n## Speed (synthetic pages)\n")
        print(f"{sp['docs']} docs: learning pass {sp['learn_docs_s']:,.0f} docs/s "
              f"({sp['learn_mb_s']:.1f} MB/s); cleaning {sp['clean_docs_s']:,.0f} docs/s single, "
              f"{sp['clean_site_docs_s']:,.0f} docs/s with the site's template")
    if not args.skip_memory:
        print("\n## Memory of the learning pass (generated sites of 100 pages)\n")
        print("| docs | baseline RSS | learning RSS | learning time | docs/s |\n| --- | --- | --- | --- | --- |")
        last = None
        for n in (int(x) for x in args.memory.split(",")):
            m = memory(n)
            b, l = m["baseline"], m["learn"]
            print(f"| {n:,} | {b['rss_mb']:.0f} MB | {l['rss_mb']:.0f} MB | {l['seconds']:.1f} s | "
                  f"{n / l['seconds']:,.0f} |")
            last = (n, l["rss_mb"] - b["rss_mb"], b["rss_mb"])
        if last:
            n, extra, base = last
            per_doc = extra / n
            print(f"\nLearning state ~{per_doc * 1024:.2f} KB per document at {n:,} "
                  f"(linear in the number of sites); extrapolated to 1,000,000 documents: "
                  f"~{base + per_doc * 1_000_000:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
