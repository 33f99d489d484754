"""The ``cleantext`` command: clean files, folders, globs, stdin and JSONL corpora.

Exit status: 0 when every input was cleaned, 1 when some failed (each failure
is named on stderr and the rest are still processed), 2 for usage errors
(bad options, a broken rule pack or name table).
"""

from __future__ import annotations

import argparse
import difflib
import glob
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..cleaner import MAX_REMOVED, QUOTE_STYLES
from ..io.files import DEFAULT_SUFFIXES, AtomicFile, atomic_write, backup_copy
from ..stages.packs import RulePackError
from ..version import __version__
from . import corpus_cli
from .batch import Outcome, Task, WorkerOptions, run_tasks

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_FORMAT_CODES = ("NF", "QT", "LY")  # formatting rules: summarised, not listed


class UsageError(Exception):
    """Bad options; exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleantext",
        description="Turn noisy scraped articles into clean, canonical text. "
                    "With no PATH (or '-') reads stdin and writes stdout.",
        epilog="Folders are searched recursively for *.txt, *.md, *.html and *.htm. "
               "'cleantext names discover --help' proposes name tables from a corpus. "
               "Exit status: 0 all cleaned, 1 some inputs failed, 2 usage error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, globs or '-' for stdin")
    out = p.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="FILE", help="write the result to FILE")
    out.add_argument("--out-dir", metavar="DIR", help="write one cleaned file per input under DIR")
    out.add_argument("--in-place", action="store_true", help="rewrite inputs (atomic replace)")
    out.add_argument("--backup", metavar="SUFFIX", help="with --in-place: keep a copy as PATH+SUFFIX")
    out.add_argument("--format", choices=("text", "json", "jsonl"), default="text",
                     help="text (default); json or jsonl carry the language and the trace")
    out.add_argument("--explain", action="store_true",
                     help="print what was removed or changed, and why, to stderr")
    out.add_argument("--diff", action="store_true", help="print a unified diff instead of the text")
    out.add_argument("--on-overdelete", choices=("keep", "flag", "drop"), default="flag",
                     help="when rules would remove more than --max-removed of a document's words "
                          "or empty it: keep it uncut, flag it (default), or drop it")
    out.add_argument("--max-removed", type=float, default=MAX_REMOVED, metavar="SHARE",
                     help=f"share of words above which a document counts as over-deleted ({MAX_REMOVED})")
    out.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    inp = p.add_argument_group("input")
    inp.add_argument("--html", action="store_true", help="treat input as HTML (default: by extension or sniffing)")
    inp.add_argument("--jsonl", action="store_true", help="inputs are JSONL corpora, one document per line")
    inp.add_argument("--field", default="text", help="with --jsonl: the field holding the text (text)")
    inp.add_argument("--out-field", help="with --jsonl: the field for the cleaned text (FIELD_clean)")
    rules = p.add_argument_group("rules")
    rules.add_argument("--lang", help="language code (default: detect per document)")
    rules.add_argument("--rules", action="append", default=[], metavar="PACK",
                       help="extra rule pack (TOML); may be repeated")
    rules.add_argument("--names", action="append", default=[], metavar="TABLE",
                       help="extra name table (TOML); may be repeated")
    rules.add_argument("--no-names", action="store_true", help="do not use the built-in name tables")
    rules.add_argument("--quotes", choices=QUOTE_STYLES, default="ascii", help="quote style (ascii)")
    run = p.add_argument_group("running")
    run.add_argument("-j", "--jobs", type=int, default=0,
                     help="worker processes (default: all cores; 1 = no pool)")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local process pool (default), or dask (needs the dask extra)")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="with --engine dask: the scheduler to use, e.g. tcp://host:8786 "
                          "(default: a local cluster of --jobs processes)")
    corpus_cli.add_options(p)
    p.add_argument("--version", action="version", version=f"cleantext {__version__}")
    return p


# --- inputs --------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """One input: a file (with the root it was found under) or stdin."""

    label: str
    path: Path | None = None
    root: Path | None = None


def expand_paths(paths: list[str], errors: list[str]) -> Iterator[Source]:
    """Files, folders (recursively, default suffixes) and globs, in a stable order."""
    if not paths:
        paths = ["-"]
    for arg in paths:
        if arg == "-":
            yield Source("<stdin>")
            continue
        path = Path(arg)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in DEFAULT_SUFFIXES:
                    yield Source(str(f), f, path)
        elif path.is_file():
            yield Source(str(path), path, None)
        elif glob.has_magic(arg):
            hits = sorted(glob.glob(arg, recursive=True))
            files = [Path(h) for h in hits if Path(h).is_file()]
            if not files:
                errors.append(f"{arg}: no file matches")
            for f in files:
                yield Source(str(f), f, None)
        else:
            errors.append(f"{arg}: no such file or folder")


def _out_path(src: Source, out_dir: Path, html: bool) -> Path:
    rel = src.path.relative_to(src.root) if src.root else Path(src.path.name)
    target = out_dir / rel
    return target.with_suffix(".txt") if html else target


# --- output ----------------------------------------------------------------------

def format_explain(outcome: Outcome) -> str:
    """Human-readable trace of one document for stderr."""
    lines = [f"{outcome.label}: language {outcome.language or 'unknown'}, "
             f"{len(outcome.changes or [])} change(s)"]
    formatting: dict[str, int] = {}
    for ch in outcome.changes or []:
        if ch["code"].startswith(_FORMAT_CODES) and not ch.get("also"):
            formatting[ch["code"]] = formatting.get(ch["code"], 0) + 1
            continue
        start, end = ch["span"]
        before = _short(ch["before"])
        what = f"removed {before}" if not ch["after"] else f"{before} -> {_short(ch['after'])}"
        extra = f" ({ch['detail']})" if ch.get("detail") else ""
        lines.append(f"  {ch['code']} {ch['action']} [{start}:{end}] {what}{extra}: {ch['why']}")
    if formatting:
        lines.append("  formatting: " + ", ".join(f"{k} x{v}" for k, v in sorted(formatting.items())))
    for flag in outcome.flags:
        lines.append(f"  flag: {flag}")
    return "\n".join(lines)


def _short(text: str, limit: int = 70) -> str:
    text = text.strip().replace("\n", " / ")
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _diff(outcome: Outcome) -> str:
    a = (outcome.input_text or "").splitlines(keepends=True)
    b = outcome.text.splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, fromfile=outcome.label, tofile=outcome.label + " (cleaned)"))


def _record(outcome: Outcome, trace: bool) -> dict:
    rec = {"source": outcome.label, "text": outcome.text, "language": outcome.language}
    if trace:
        rec["changes"] = outcome.changes or []
        counts: dict[str, int] = {}
        for ch in outcome.changes or []:
            counts[ch["code"]] = counts.get(ch["code"], 0) + 1
        rec["counts"] = counts
    rec["flags"] = outcome.flags
    return rec


@dataclass
class Summary:
    documents: int = 0
    failed: int = 0
    flagged: int = 0
    dropped: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    words_in: int = 0
    words_out: int = 0
    started: float = field(default_factory=time.monotonic)

    def add(self, o: Outcome) -> None:
        self.documents += 1
        if not o.ok:
            self.failed += 1
            return
        self.bytes_in += o.bytes_in
        self.bytes_out += len(o.text.encode("utf-8"))
        self.words_in += o.words_in
        self.words_out += o.words_out
        self.flagged += bool(o.flags)

    def line(self) -> str:
        secs = time.monotonic() - self.started
        removed = 1 - self.words_out / self.words_in if self.words_in else 0.0
        return (f"cleantext: {self.documents} document(s), {self.bytes_in:,} bytes in, "
                f"{self.bytes_out:,} out, {removed:.1%} of words removed, {self.failed} failed, "
                f"{self.flagged} flagged, {self.dropped} dropped, {secs:.1f}s")


def _progress(total: int | None, quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency
        return None
    return tqdm(total=total, unit="doc", file=sys.stderr, leave=False)


# --- main --------------------------------------------------------------------------

def _check_options(args, sources: list[Source]) -> None:
    if args.in_place and (args.output or args.out_dir):
        raise UsageError("--in-place cannot be combined with -o or --out-dir")
    if args.output and args.out_dir:
        raise UsageError("-o and --out-dir cannot be combined")
    if args.backup and not args.in_place:
        raise UsageError("--backup needs --in-place")
    if args.in_place and any(s.path is None for s in sources):
        raise UsageError("--in-place needs files, not stdin")
    if args.diff and args.format != "text":
        raise UsageError("--diff prints a diff; it cannot be combined with --format json/jsonl")
    if args.out_field and not args.jsonl:
        raise UsageError("--out-field needs --jsonl")
    if not 0.0 < args.max_removed <= 1.0:
        raise UsageError("--max-removed must be in (0, 1]")
    if args.jobs < 0:
        raise UsageError("--jobs must be >= 0")
    inputs = {s.path.resolve() for s in sources if s.path is not None}
    if args.output:
        if Path(args.output).resolve() in inputs:
            raise UsageError(f"-o {args.output} is one of the inputs; use --in-place to rewrite inputs")
        if len(sources) > 1 and args.format == "text" and not args.jsonl:
            raise UsageError("-o with several inputs needs --format json or jsonl (or use --out-dir)")
    if args.out_dir:
        out_dir = Path(args.out_dir)
        for s in sources:
            if s.path is not None and _out_path(s, out_dir, False).resolve() in inputs:
                raise UsageError(f"--out-dir {args.out_dir} would overwrite the input {s.label}")


def _tasks(sources: Iterable[Source], args) -> Iterator[Task]:
    index = 0
    for src in sources:
        if args.jsonl:
            yield from _jsonl_tasks(src, args, index)
            index += 1
            continue
        data = sys.stdin.buffer.read() if src.path is None else None
        yield Task(index, src.label, str(src.path) if src.path else None, data, args.html or None)
        index += 1


def _jsonl_tasks(src: Source, args, file_index: int) -> Iterator[Task]:
    stream = sys.stdin.buffer if src.path is None else open(src.path, "rb")
    try:
        for n, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            yield Task(file_index, f"{src.label}:{n}", None, raw, args.html or None,
                       jsonl_field=args.field)
    finally:
        if src.path is not None:
            stream.close()


def _dask_engine():
    """The dask engine's runner; a usage error when the dask extra is not installed."""
    try:
        from .dask_engine import run_tasks_dask
    except ImportError as exc:
        raise UsageError(f"--engine dask needs the dask extra "
                         f"(pip install 'cleantext-articles[dask]'): {exc}") from None
    return run_tasks_dask


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["names"] and not Path("names").exists():
        if argv[1:2] != ["discover"]:
            print("usage: cleantext names discover [--help] PATH ...", file=sys.stderr)
            return EXIT_USAGE
        from ..names.discover import main as discover_main

        return discover_main(argv[2:])
    if argv[:1] == ["learn"] and not Path("learn").exists():
        return corpus_cli.learn_main(argv[1:], expand_paths)
    parser = build_parser()
    args = parser.parse_args(argv)
    errors: list[str] = []
    sources = list(expand_paths(args.paths, errors))
    try:
        _check_options(args, sources)
        options = WorkerOptions(
            cleaner=dict(lang=args.lang, rules=tuple(args.rules), names=tuple(args.names),
                         builtin_names=not args.no_names, quotes=args.quotes,
                         **corpus_cli.cleaner_options(args, sources)),
            trace=args.explain or args.format != "text",
            keep_input=args.diff,
            on_overdelete=args.on_overdelete,
            max_removed=args.max_removed,
            out_field=args.out_field or f"{args.field}_clean",
            trace_in_record=args.format == "json",
        )
        options.check()  # loads packs and tables once: errors are usage errors
        if args.scheduler and args.engine != "dask":
            raise UsageError("--scheduler needs --engine dask")
        dask_engine = _dask_engine() if args.engine == "dask" else None
    except (UsageError, RulePackError, ValueError) as exc:
        print(f"cleantext: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for err in errors:
        print(f"cleantext: {err}", file=sys.stderr)
    summary = Summary()
    summary.failed += len(errors)
    jobs = args.jobs or os.cpu_count() or 1
    if dask_engine is not None:
        outcomes = dask_engine(corpus_cli.with_sites(_tasks(sources, args), args, sources),
                               options, args.scheduler, jobs)
    else:
        if not args.jsonl and len(sources) < 32:
            jobs = 1  # a pool costs more than it saves on a handful of files
        outcomes = run_tasks(corpus_cli.with_sites(_tasks(sources, args), args, sources), options, jobs)
    bar = _progress(None if args.jsonl else len(sources), args.quiet)
    writer = _Writer(args, sources)
    finished = False
    try:
        for outcome in outcomes:
            summary.add(outcome)
            writer.write(outcome, summary)
            if bar is not None:
                bar.update(1)
        finished = True
    except KeyboardInterrupt:
        print("cleantext: interrupted", file=sys.stderr)
        return 130
    finally:
        if bar is not None:
            bar.close()
        writer.close(ok=finished)
    if not args.quiet and (summary.documents > 1 or errors):
        print(summary.line(), file=sys.stderr)
    return EXIT_FAILED if summary.failed else EXIT_OK


class _Writer:
    """Sends each outcome where the options say, in input order."""

    def __init__(self, args, sources: list[Source]) -> None:
        self.args = args
        self.by_label = {s.label: s for s in sources}
        self.many = len(sources) > 1 or args.jsonl
        self._out: AtomicFile | None = None
        self._json_items: list[dict] | None = [] if args.format == "json" and not args.jsonl else None
        self._jsonl_file: tuple[str, AtomicFile] | None = None
        self._written_any = False

    def _stream(self):
        if not self.args.output:
            return sys.stdout
        if self._out is None:
            self._out = AtomicFile(self.args.output)
        return self._out

    def write(self, o: Outcome, summary: Summary) -> None:
        args = self.args
        if not o.ok:
            print(f"cleantext: {o.label}: {o.error}", file=sys.stderr)
            if o.record is not None:  # a JSONL record is passed on, never lost
                self._emit_record(o)
            return
        if args.explain:
            print(format_explain(o), file=sys.stderr)
        elif o.flags:
            print(f"cleantext: {o.label}: " + "; ".join(o.flags), file=sys.stderr)
        summary.dropped += o.dropped
        if args.jsonl:
            self._emit_record(o)
        elif o.dropped:
            return
        elif args.diff:
            self._stream().write(_diff(o))
        elif args.in_place or args.out_dir:
            self._write_file(o)
        elif args.format == "json":
            self._json_items.append(_record(o, True))
        elif args.format == "jsonl":
            self._stream().write(json.dumps(_record(o, True), ensure_ascii=False) + "\n")
        else:
            out = self._stream()
            if self._written_any and o.text:
                out.write("\n")
            out.write(o.text)
            self._written_any = self._written_any or bool(o.text)

    def _target(self, src: Source, html: bool) -> Path:
        if self.args.in_place:
            return src.path
        target = _out_path(src, Path(self.args.out_dir), html)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def _write_file(self, o: Outcome) -> None:
        src = self.by_label[o.label]
        text = o.text
        if self.args.format != "text":
            text = json.dumps(_record(o, True), ensure_ascii=False) + "\n"
        if self.args.in_place and self.args.backup:
            backup_copy(src.path, self.args.backup)
        atomic_write(self._target(src, o.html), text, like=src.path if self.args.in_place else None)

    def _emit_record(self, o: Outcome) -> None:
        line = json.dumps(o.record, ensure_ascii=False) + "\n"
        if not (self.args.in_place or self.args.out_dir):
            self._stream().write(line)
            return
        label = o.label.rsplit(":", 1)[0]
        if self._jsonl_file is None or self._jsonl_file[0] != label:
            self._finish_jsonl()
            src = self.by_label[label]
            like = src.path if self.args.in_place else None
            self._jsonl_file = (label, AtomicFile(self._target(src, False), like=like))
        self._jsonl_file[1].write(line)

    def _finish_jsonl(self) -> None:
        if self._jsonl_file is None:
            return
        label, fh = self._jsonl_file
        if self.args.in_place and self.args.backup:
            backup_copy(self.by_label[label].path, self.args.backup)
        fh.commit()
        self._jsonl_file = None

    def close(self, ok: bool = True) -> None:
        """Finish the outputs; on an interrupted run streamed outputs are abandoned."""
        if not ok:
            for fh in (self._out, self._jsonl_file[1] if self._jsonl_file else None):
                if fh is not None:
                    fh.abort()
            return
        if self._json_items is not None and (self._json_items or not self.many):
            items = self._json_items
            doc = items[0] if len(items) == 1 and not self.many else items
            self._stream().write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        self._finish_jsonl()
        if self._out is not None:
            self._out.commit()
        else:
            sys.stdout.flush()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
