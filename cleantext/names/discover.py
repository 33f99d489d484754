"""Propose name tables from a corpus: ``cleantext names discover PATH ...``.

Reads plain-text files (files or folders of ``.txt``), finds capitalised words
that look like names, and groups the spellings that look like one name:

* same *skeleton* (:func:`skeleton`: the consonants, with transliteration
  equivalents merged: kh/h/x, zh/z/s, sh/shch/s, ts/tz/c, w/v), so that
  Kiev/Kyiv, Kharkov/Kharkiv and Khinsten/Khinshtein fall together;
* and close in spelling (insert/delete distance at most a third of the
  length), but not another form of one word (Peskov/Peskova stay apart,
  :func:`same_name`);
* evidence reported per cluster: counts per spelling, documents, and the
  words that stand before the spellings in common (co-occurrence of context:
  "President Zelensky" / "President Zelenskyy").

Words that are mostly written in lower case in the corpus, or are ordinary
words or other known names, are not names.  Clusters are ranked by frequency
and written as a TOML name table (``canonical``: a built-in canonical form
when one applies, else the most frequent spelling) for a person to review and
pass back with ``--names``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, TypedDict

import regex
from rapidfuzz.distance import Indel

from ..io.writes import WritePlan, atomic_write
from .fuzzy import differs_only_at_end
from .lookalikes import is_known_other_word
from .table import build_name_table
from .translit import ascii_fold

_TOKEN_RE = regex.compile(r"\b(\p{L}[\p{L}\p{M}]*)\b")
_DIGRAPHS = (("shch", "s"), ("sch", "s"), ("kh", "h"), ("zh", "z"), ("sh", "s"),
             ("ch", "c"), ("ts", "c"), ("tz", "c"), ("x", "h"), ("w", "v"), ("j", ""), ("z", "s"),
             ("q", "k"))
MIN_WORD = 4


def skeleton(word: str) -> str:
    """The transliteration skeleton: first letter, then consonants, equivalents merged."""
    low = (ascii_fold(word) or word).lower()
    for digraph, repl in _DIGRAPHS:
        low = low.replace(digraph, repl)
    head, tail = low[:1], regex.sub(r"[aeiouy]", "", low[1:])
    return regex.sub(r"(.)\1+", r"\1", head + tail)


def same_name(a: str, b: str) -> bool:
    """Do two spellings with one skeleton look like one name?

    Close in spelling, and not another form of one word: one is not the other
    plus an ending (Peskov/Peskova, Donets/Donetsk), nor its feminine in -a
    (Zelensky/Zelenska).  Looser than the replacement guard, because a person
    reviews what discovery proposes (Kurakhovo/Kurakhove, Bogomas/Bogomaz stay
    together).
    """
    la, lb = sorted((a.lower(), b.lower()), key=len)
    if lb.startswith(la) or (differs_only_at_end(la, lb) and "a" in (la[-1], lb[-1])):
        return False
    return Indel.distance(la, lb) <= max(2, len(la) // 3)


class Proposal(TypedDict):
    """A proposed name-table entry: the canonical form, its variants and the evidence."""

    canonical: str
    variants: list[str]
    note: str


@dataclass
class Corpus:
    """Counts gathered from the documents."""

    capitalised: Counter[str] = field(default_factory=Counter)
    lower: Counter[str] = field(default_factory=Counter)
    documents: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    before: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    n_docs: int = 0

    def add(self, text: str) -> None:
        """Count the words of one document."""
        doc = self.n_docs
        self.n_docs += 1
        previous = ""
        for m in _TOKEN_RE.finditer(text):
            word = m.group(1)
            if word[:1].isupper() and word[1:].islower() and len(word) >= MIN_WORD:
                self.capitalised[word] += 1
                self.documents[word].add(doc)
                if previous:
                    self.before[word][previous] += 1
            elif word.islower():
                self.lower[word] += 1
            previous = word

    def name_like(self, min_count: int) -> list[str]:
        """Capitalised words frequent enough and rarely written in lower case."""
        return [w for w, n in self.capitalised.items()
                if n >= min_count and self.lower[w.lower()] * 4 < n
                and not is_known_other_word(w)]


def read_corpus(paths: Iterable[str | Path]) -> Corpus:
    """Every ``.txt`` file under ``paths`` (files are read whatever their suffix)."""
    corpus = Corpus()
    for path in map(Path, paths):
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for f in files:
            corpus.add(f.read_text(encoding="utf-8", errors="replace"))
    return corpus


def clusters(corpus: Corpus, min_count: int) -> list[list[str]]:
    """Groups of spellings that look like one name, most frequent first."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for word in corpus.name_like(min_count):
        by_key[skeleton(word)].append(word)
    out = []
    for words in by_key.values():
        words.sort(key=lambda w: (-corpus.capitalised[w], w))
        while words:
            head, rest = words[0], words[1:]
            group = [head] + [w for w in rest if same_name(head, w)]
            words = [w for w in rest if w not in group]
            if len(group) > 1:
                out.append(group)
    out.sort(key=lambda g: -sum(corpus.capitalised[w] for w in g))
    return out


def evidence(corpus: Corpus, group: list[str]) -> str:
    """One line of evidence: counts, documents, shared preceding words."""
    counts = ", ".join(f"{w} {corpus.capitalised[w]}" for w in group)
    docs = set().union(*(corpus.documents[w] for w in group))
    shared = set(corpus.before[group[0]])
    for w in group[1:]:
        shared &= set(corpus.before[w])
    context = f"; shared context: {', '.join(sorted(shared)[:5])}" if shared else ""
    return f"discovered: {counts} in {len(docs)} documents{context}"


def propose(corpus: Corpus, min_count: int, include_known: bool = False) -> list[Proposal]:
    """Name-table entries for the clusters (known ones only with ``include_known``)."""
    table = build_name_table()
    entries: list[Proposal] = []
    for group in clusters(corpus, min_count):
        targets = {w: table.canonical_of(w) for w in group}
        known = {t for t in targets.values() if t}
        if known and all(targets.values()) and len(known) == 1 and not include_known:
            continue  # the built-in table already makes these one name
        canonical = known.pop() if len(known) == 1 else group[0]
        variants = [w for w in group if w != canonical]
        entries.append({"canonical": canonical, "variants": variants,
                        "note": evidence(corpus, group)})
    return entries


def to_toml(entries: list[Proposal]) -> str:
    """The entries as a reviewable TOML name table."""
    lines = ["# Proposed by `cleantext names discover`: review, edit, then pass with --names.",
             "# Each entry groups spellings that look like one name; delete wrong ones.", ""]
    for e in entries:
        lines.append(f"# {e['note']}")
        lines.append("[[name]]")
        lines.append(f"canonical = {_quote(e['canonical'])}")
        lines.append("variants = [" + ", ".join(_quote(v) for v in e["variants"]) + "]")
        lines.append(f"note = {_quote(e['note'])}")
        lines.append("")
    return "\n".join(lines)


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext names discover",
        description="Read a corpus of .txt files and propose a name table: clusters of "
                    "spellings that look like one name (same transliteration skeleton, close "
                    "spelling, not just a different ending), ranked by frequency.",
        epilog="Review the output, then use it with: cleantext --names FILE ...")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="text files or folders of .txt files")
    parser.add_argument("-o", "--out", metavar="FILE",
                        help="write the table here (default: standard output)")
    parser.add_argument("--min-count", type=int, default=2, metavar="N",
                        help="ignore spellings seen fewer than N times (default 2)")
    parser.add_argument("--include-known", action="store_true",
                        help="also list clusters the built-in tables already handle")
    return parser


def main(argv: list[str]) -> int:
    """Entry point of ``cleantext names discover``; returns the exit status."""
    args = build_parser().parse_args(argv)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"cleantext names discover: no such file or folder: {', '.join(missing)}",
              file=sys.stderr)
        return 2
    if args.out:
        inputs = [f for p in map(Path, args.paths)
                  for f in (sorted(p.rglob("*.txt")) if p.is_dir() else [p])]
        _, refused = WritePlan(inputs).plan([("--out", args.out, None)])
        if refused:
            print(f"cleantext names discover: --out {refused['--out']}", file=sys.stderr)
            return 2
    try:
        corpus = read_corpus(args.paths)
    except OSError as exc:
        print(f"cleantext names discover: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    text = to_toml(propose(corpus, max(1, args.min_count), args.include_known))
    try:
        if args.out:
            atomic_write(args.out, text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    except BrokenPipeError:  # the reader went away: end quietly, like other filters
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as exc:
        print(f"cleantext names discover: {exc.filename or args.out or 'standard output'}: "
              f"{exc.strerror}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
