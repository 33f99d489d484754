"""The ``cleantext`` command: clean files, folders, globs, stdin and JSONL corpora.

Exit status: 0 when every input was cleaned, 1 when some failed (each failure
is named on stderr and the rest are still processed), 2 for usage errors
(bad options, a broken rule pack or name table).
"""

from __future__ import annotations

import argparse
import difflib
import errno
import glob
import gzip
import json
import logging
import os
import signal
import sys
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Iterable, Iterator, NoReturn, cast

from ..cleaner import MAX_REMOVED, QUOTE_STYLES
from ..io.compressed import gunzip_head, is_gzip
from ..io.files import inner_name, is_default_input, looks_like_html
from ..lang.detect import known_languages
from ..io.writes import (AtomicFile, WritePlan, WriteRefused, atomic_write, backup_copy,
                         check_target, remove_live_temps, remove_stale_temps, scrub)
from ..stages.packs import RulePackError
from ..version import __version__
from . import corpus_cli
from .batch import EngineError, Outcome, Task, WorkerOptions, run_tasks

if TYPE_CHECKING:
    from tqdm import tqdm

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_FORMAT_CODES = ("NF", "QT", "LY")  # formatting rules: summarised, not listed


class UsageError(Exception):
    """Bad options; exit status 2."""


class Stop(Exception):
    """The run cannot go on (a full disk, an output that cannot be written); exit 1."""


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM: outputs in progress are abandoned, temporary files removed."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__()
        self.signum = signum


def _on_signal(signum: int, frame: FrameType | None) -> NoReturn:
    raise Interrupted(signum)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleantext",
        description="Turn noisy scraped articles into clean, canonical text. "
                    "With no PATH (or '-') reads stdin and writes stdout.",
        epilog="Folders are searched recursively for *.txt, *.md, *.html and *.htm, also gzipped "
               "(*.txt.gz, *.html.gz ...; gzip is read transparently). "
               "'cleantext names discover --help' proposes name tables from a corpus. "
               "Exit status: 0 all cleaned, 1 some inputs failed, 2 usage error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, globs or '-' for stdin")
    out = p.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="FILE", help="write the result to FILE")
    out.add_argument("--out-dir", metavar="DIR", help="write one cleaned file per input under DIR")
    out.add_argument("--in-place", action="store_true", help="rewrite inputs (atomic replace)")
    out.add_argument("--backup", metavar="SUFFIX",
                     help="with --in-place: keep a copy as PATH+SUFFIX (numbered PATH+SUFFIX.1, "
                          ".2 ... when that exists; nothing is overwritten)")
    out.add_argument("--format", choices=("text", "json", "jsonl"), default="text",
                     help="text (default); json (always a JSON list) or jsonl (one record a line) "
                          "carry the language and the trace; JSONL input is always written as "
                          "JSONL (--format jsonl adds the trace to each record)")
    out.add_argument("--explain", action="store_true",
                     help="print what was removed or changed, and why, to stderr")
    out.add_argument("--diff", action="store_true", help="print a unified diff instead of the text")
    out.add_argument("--on-overdelete", choices=("keep", "flag", "drop"), default="flag",
                     help="when rules would remove more than --max-removed of a document's words "
                          "or empty it: keep it uncut, flag it (default), or drop it; "
                          "--in-place never rewrites a flagged or dropped document")
    out.add_argument("--max-removed", type=float, default=MAX_REMOVED, metavar="SHARE",
                     help=f"share of words above which a document counts as over-deleted ({MAX_REMOVED})")
    out.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    out.add_argument("-v", "--verbose", action="count", default=0,
                     help="log to stderr: -v one line per document, -vv also each stage")
    inp = p.add_argument_group("input")
    inp.add_argument("--html", action="store_true", help="treat input as HTML (default: by extension or sniffing)")
    inp.add_argument("--article", action="store_true",
                     help="text input is already the article (an extractor's output): block scoring, "
                          "which looks for the article among a page's menus, is left out")
    inp.add_argument("--follow-symlinks", action=argparse.BooleanOptionalAction, default=True,
                     help="inside a folder given as input, follow symlinks to files and folders, "
                          "also outside it (default); --no-follow-symlinks skips them. Paths "
                          "named on the command line are always read; a symlink loop is walked once")
    inp.add_argument("--input-format", choices=("docs", "jsonl"), default="docs",
                     help="docs: each input is one document, text or HTML (default); "
                          "jsonl: each line of each input is a JSON record, one document each")
    inp.add_argument("--jsonl", action="store_true",
                     help="deprecated: the same as --input-format jsonl")
    inp.add_argument("--field", default="text",
                     help="with --input-format jsonl: the field holding the text (text)")
    inp.add_argument("--out-field",
                     help="with --input-format jsonl: the field for the cleaned text (FIELD_clean)")
    rules = p.add_argument_group("rules")
    rules.add_argument("--lang", help="ISO 639-1 code of a known language (default: detect per "
                                      "document); an unknown code is a usage error listing them")
    rules.add_argument("--rules", action="append", default=[], metavar="PACK",
                       help="extra rule pack (TOML); may be repeated")
    rules.add_argument("--names", action="append", default=[], metavar="TABLE",
                       help="extra name table (TOML); may be repeated")
    rules.add_argument("--no-names", action="store_true", help="do not use the built-in name tables")
    rules.add_argument("--quotes", choices=QUOTE_STYLES, default="ascii", help="quote style (ascii)")
    run = p.add_argument_group("running")
    run.add_argument("-j", "--jobs", type=int, default=0,
                     help="worker processes (default: all cores; 1 = no pool)")
    run.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                     help="time budget per document; one that runs over is reported as failed "
                          "and the run goes on (default: 10 s + 5 s per MB; 0 = no limit)")
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


def expand_paths(paths: list[str], errors: list[str], follow_symlinks: bool = True) -> Iterator[Source]:
    """Files, folders (recursively, default suffixes) and globs, in a stable order.

    Paths named on the command line are always used, links or not.  Inside a folder,
    symlinks (to files and to folders, also outside the folder) are followed when
    ``follow_symlinks``, else skipped; a folder reached twice (a symlink loop) is
    walked once.
    """
    if not paths:
        paths = ["-"]
    for arg in paths:
        if arg == "-":
            yield Source("<stdin>")
            continue
        path = Path(arg)
        if path.is_dir():
            for f in _walk(path, follow_symlinks):
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


def _walk(root: Path, follow_symlinks: bool) -> list[Path]:
    """The default inputs under ``root``, sorted; each real folder is entered once."""
    found: list[Path] = []
    seen: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=follow_symlinks):
        real = os.path.realpath(folder)
        if real in seen:  # a symlink loop, or two links to one folder
            dirs[:] = []
            continue
        seen.add(real)
        if not follow_symlinks:
            dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
        for name in files:
            f = Path(folder, name)
            if not is_default_input(name) or (not follow_symlinks and f.is_symlink()):
                continue
            if f.is_file():  # a dangling or looping link is not
                found.append(f)
    return sorted(found)


def _out_path(src: Source, out_dir: Path, html: bool) -> Path:
    path = cast(Path, src.path)  # --out-dir names its outputs after input files
    rel = path.relative_to(src.root) if src.root else Path(path.name)
    target = out_dir / inner_name(str(rel))  # x.txt.gz is written as x.txt
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


def _record(outcome: Outcome, trace: bool) -> dict[str, Any]:
    rec: dict[str, Any] = {"source": outcome.label, "text": outcome.text, "language": outcome.language}
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


def _progress(total: int | None, quiet: bool) -> tqdm[NoReturn] | None:
    if quiet or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency
        return None
    return tqdm(total=total, unit="doc", file=sys.stderr, leave=False)


# --- main --------------------------------------------------------------------------

def _check_options(args: argparse.Namespace, sources: list[Source]) -> None:
    if args.in_place and (args.output or args.out_dir):
        raise UsageError("--in-place cannot be combined with -o or --out-dir")
    if args.output and args.out_dir:
        raise UsageError("-o and --out-dir cannot be combined")
    if args.backup is not None:
        if not args.in_place:
            raise UsageError("--backup needs --in-place")
        if not args.backup or "/" in args.backup or args.backup in (".", ".."):
            raise UsageError(f"--backup {args.backup!r}: the suffix must be non-empty and "
                             f"contain no '/' (for example .orig)")
    if args.in_place and any(s.path is None for s in sources):
        raise UsageError("--in-place needs files, not stdin")
    if args.out_dir and any(s.path is None for s in sources):
        raise UsageError("--out-dir names each output after its input file, so it needs files, "
                         "not stdin (use -o FILE or standard output)")
    if args.diff and args.format != "text":
        raise UsageError("--diff prints a diff; it cannot be combined with --format json/jsonl")
    if args.out_field and not args.jsonl:
        raise UsageError("--out-field needs --input-format jsonl")
    if args.jsonl and args.format == "json":
        raise UsageError("JSONL input is written as JSONL: use --format jsonl "
                         "(each record then carries the trace)")
    if not 0.0 < args.max_removed <= 1.0:
        raise UsageError("--max-removed must be in (0, 1]")
    if args.jobs < 0:
        raise UsageError("--jobs must be >= 0")
    if args.timeout is not None and not args.timeout >= 0:
        raise UsageError("--timeout must be >= 0 seconds")
    inputs = {s.path.resolve() for s in sources if s.path is not None}
    if args.output:
        if Path(args.output).resolve() in inputs:
            raise UsageError(f"-o {args.output} is one of the inputs; use --in-place to rewrite inputs")
        if len(sources) > 1 and args.format == "text" and not args.jsonl:
            raise UsageError("-o with several inputs needs --format json or jsonl (or use --out-dir)")
        try:
            check_target(args.output)
        except OSError as exc:
            raise UsageError(f"-o {args.output}: {exc.strerror}") from None
    if args.out_dir:
        out_dir = Path(args.out_dir)
        if out_dir.exists() and not out_dir.is_dir():
            raise UsageError(f"--out-dir {args.out_dir}: not a folder")
        for s in sources:
            if s.path is not None and _out_path(s, out_dir, False).resolve() in inputs:
                raise UsageError(f"--out-dir {args.out_dir} would overwrite the input {s.label}")


def _unique(sources: list[Source]) -> list[Source]:
    """The same file named twice (or reached by two paths) is processed once."""
    seen: set[str] = set()
    out = []
    for s in sources:
        key = os.path.realpath(s.path) if s.path is not None else "<stdin>"
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _is_html(src: Source, args: argparse.Namespace) -> bool:
    """HTML by --html, the extension, or a sniff of the first bytes (as the worker decides)."""
    if args.html:
        return True
    try:
        with open(cast(Path, src.path), "rb") as fh:  # sniffed for files only
            head = gunzip_head(fh.read(65536), 2048)
    except OSError:
        return looks_like_html(b"", str(src.path))
    return looks_like_html(head, str(src.path))


def _compressed(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return is_gzip(fh.read(2))
    except OSError:
        return False


def _plan(args: argparse.Namespace, sources: list[Source], errors: list[str]
          ) -> tuple[list[Source], dict[str, str], dict[str, bool]]:
    """Every output path of the run, before anything is written.

    Returns the sources to process, their targets (label -> real path) and their
    HTML decision; inputs whose target collides with another's, is an input or is
    not a regular file are named in ``errors`` and left out.
    """
    if not (args.in_place or args.out_dir):
        return sources, {}, {}
    plan = WritePlan(str(s.path) for s in sources if s.path is not None)
    html: dict[str, bool] = {}
    wanted: list[tuple[str, str | Path, str | Path | None]] = []
    for s in sources:
        path = cast(Path, s.path)  # --in-place and --out-dir name their outputs after input files
        if args.in_place and _compressed(path):
            errors.append(f"{s.label}: compressed input; --in-place would replace it with "
                          f"plain text (use --out-dir)")
            continue
        if args.in_place:
            wanted.append((s.label, os.path.realpath(path), path))
        else:
            html[s.label] = False if args.jsonl else _is_html(s, args)
            wanted.append((s.label, _out_path(s, Path(args.out_dir), html[s.label]), None))
    targets, refused = plan.plan(wanted)
    for label, why in refused.items():
        errors.append(why if why.startswith(label) else f"{label}: {why}")
    return [s for s in sources if s.label in targets], targets, html


def _tasks(sources: Iterable[Source], args: argparse.Namespace, html: dict[str, bool] | None = None) -> Iterator[Task]:
    index = 0
    html = html or {}
    for src in sources:
        if args.jsonl:
            yield from _jsonl_tasks(src, args, index)
            index += 1
            continue
        data, error = _read_stdin() if src.path is None else (None, None)
        yield Task(index, src.label, str(src.path) if src.path else None, data,
                   args.html or html.get(src.label), read_error=error)
        index += 1


def _stdin_stream() -> BinaryIO:
    if sys.stdin is None:
        raise OSError(errno.EBADF, "standard input is closed")
    return sys.stdin.buffer


def _read_stdin() -> tuple[bytes | None, str | None]:
    """Standard input's bytes, or the reason they cannot be read."""
    try:
        return _stdin_stream().read(), None
    except OSError as exc:
        return None, exc.strerror or str(exc)


def _jsonl_tasks(src: Source, args: argparse.Namespace, file_index: int) -> Iterator[Task]:
    """One task per non-blank line; gzip (by its magic bytes) is decompressed as it
    streams, so memory stays flat.  A read error or corrupt gzip data ends the input
    with one failure naming it; the records before it are kept."""
    raw_stream: BinaryIO | None = None
    stream: BinaryIO | None = None
    try:
        raw_stream = _stdin_stream() if src.path is None else open(src.path, "rb")
        stream = raw_stream
        peek = getattr(raw_stream, "peek", None)
        if peek is not None and is_gzip(peek(2)[:2]):
            stream = cast(BinaryIO, gzip.GzipFile(fileobj=raw_stream, mode="rb"))
        for n, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            yield Task(file_index, f"{src.label}:{n}", None, raw, args.html or None,
                       jsonl_field=args.field)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        reason = "truncated gzip data" if isinstance(exc, EOFError) else f"corrupt gzip data: {exc}"
        yield Task(file_index, src.label, None, None, read_error=reason)
    except OSError as exc:
        yield Task(file_index, src.label, str(src.path) if src.path else None, None,
                   read_error=exc.strerror or str(exc))
    finally:
        if stream is not None and stream is not raw_stream:
            stream.close()
        if src.path is not None and raw_stream is not None:
            raw_stream.close()


def _dask_engine() -> Callable[..., Iterator[Outcome]]:
    """The dask engine's runner; a usage error when the dask extra is not installed."""
    try:
        from .dask_engine import run_tasks_dask
    except ImportError as exc:
        raise UsageError(f"--engine dask needs the dask extra "
                         f"(pip install 'cleantext-articles[dask]'): {exc}") from None
    return run_tasks_dask


def _jobs(args: argparse.Namespace, sources: list[Source]) -> int:
    """--jobs, capped at the number of cores and (except for JSONL) of inputs."""
    cores = os.cpu_count() or 1
    jobs = min(args.jobs or cores, cores)
    if not args.jsonl:
        jobs = min(jobs, max(1, len(sources)))
    return max(1, jobs)


def _stdout_gone() -> None:
    """Point stdout at /dev/null so nothing more is written (and no error at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


def _output_folders(args: argparse.Namespace, targets: dict[str, str]) -> set[str]:
    folders = {os.path.dirname(t) for t in targets.values()}
    if args.output:
        folders.add(os.path.dirname(os.path.abspath(args.output)))
    return folders


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
    if args.jsonl:
        print("cleantext: --jsonl is deprecated; use --input-format jsonl", file=sys.stderr)
    args.jsonl = args.jsonl or args.input_format == "jsonl"
    handler = _start_logging(args.verbose)
    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        return _run(args)
    except Interrupted as exc:
        print("cleantext: interrupted", file=sys.stderr)
        return 128 + exc.signum
    finally:
        if handler is not None:
            log.removeHandler(handler)
            log.setLevel(logging.NOTSET)
        remove_live_temps()
        for sig, previous_handler in previous.items():
            signal.signal(sig, previous_handler)


log = logging.getLogger("cleantext")


def _start_logging(verbose: int) -> logging.Handler | None:
    """-v: INFO (a line per document), -vv: DEBUG (each stage), to stderr."""
    if not verbose:
        return None
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("cleantext: %(levelname)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO if verbose == 1 else logging.DEBUG)
    return handler


def _check_lang(lang: str | None, packs: list[str]) -> None:
    """An unknown --lang is a usage error naming the known codes."""
    if lang is None:
        return
    known = sorted(set(known_languages()) | set(packs))
    if lang.strip().lower() not in known:
        raise UsageError(f"--lang {lang!r}: unknown language; known: {', '.join(known)}")


def _run(args: argparse.Namespace) -> int:
    started = time.time()
    errors: list[str] = []
    sources = _unique(list(expand_paths(args.paths, errors, args.follow_symlinks)))
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
            trace_in_record=args.format == "jsonl",
            timeout=args.timeout,
            whole_page=not args.article,
        )
        cleaner = options.check()  # loads packs and tables once: errors are usage errors
        _check_lang(args.lang, cleaner.languages)
        if args.scheduler and args.engine != "dask":
            raise UsageError("--scheduler needs --engine dask")
        dask_engine = _dask_engine() if args.engine == "dask" else None
    except (UsageError, RulePackError, ValueError) as exc:
        print(f"cleantext: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # a pack or table that cannot be read (a folder, no permission)
        print(f"cleantext: error: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    sources, targets, html = _plan(args, sources, errors)
    remove_stale_temps(_output_folders(args, targets), before=started)
    for err in errors:
        print(f"cleantext: {err}", file=sys.stderr)
    summary = Summary()
    summary.failed += len(errors)
    jobs = _jobs(args, sources)
    tasks = corpus_cli.with_sites(_tasks(sources, args, html), args, sources)
    if dask_engine is not None:
        outcomes = dask_engine(tasks, options, args.scheduler, jobs)
    else:
        if not args.jsonl and len(sources) < 32:
            jobs = 1  # a pool costs more than it saves on a handful of files
        outcomes = run_tasks(tasks, options, jobs)
    bar = _progress(None if args.jsonl else len(sources), args.quiet)
    writer = _Writer(args, sources, targets)
    finished = False
    try:
        for outcome in outcomes:
            summary.add(outcome)
            writer.write(outcome, summary)
            if bar is not None:
                bar.update(1)
        writer.close(ok=True)
        finished = True
    except BrokenPipeError:  # the reader went away (``cleantext dir | head``): end quietly
        _stdout_gone()
        return 128 + signal.SIGPIPE
    except Stop as exc:
        print(f"cleantext: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except EngineError as exc:  # a scheduler that cannot be reached, and the like
        print(f"cleantext: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if bar is not None:
            bar.close()
        if not finished:
            close = getattr(outcomes, "close", None)
            if close is not None:
                close()  # stops the pool's workers
            writer.close(ok=False)
    summary.failed += writer.failed
    for line in writer.report():
        print(f"cleantext: {line}", file=sys.stderr)
    if not args.quiet and (summary.documents > 1 or errors):
        print(summary.line(), file=sys.stderr)
    return EXIT_FAILED if summary.failed else EXIT_OK


class _Writer:
    """Sends each outcome where the options say, in input order.

    A write that fails names its path and reason on stderr and the run goes on;
    a full disk or an output that cannot be written stops the run (:class:`Stop`),
    with nothing half-written.
    """

    def __init__(self, args: argparse.Namespace, sources: list[Source], targets: dict[str, str]) -> None:
        self.args = args
        self.by_label = {s.label: s for s in sources}
        self.targets = targets
        self._out: AtomicFile | None = None
        self._json_items: list[dict[str, Any]] | None = [] if args.format == "json" and not args.jsonl else None
        self._jsonl_file: tuple[str, AtomicFile] | None = None
        self._jsonl_failed: str | None = None
        self._written_any = False
        self.failed = 0
        self.not_rewritten: list[str] = []
        self.backups: list[str] = []

    # -- where text goes ------------------------------------------------------------
    def _emit(self, text: str) -> None:
        """Write to -o's file or stdout; a failure stops the run."""
        if self.args.output:
            try:
                if self._out is None:
                    self._out = AtomicFile(self.args.output)
                self._out.write(text)
            except OSError as exc:
                raise Stop(self._stop_message(self.args.output, exc)) from None
            return
        try:
            sys.stdout.write(scrub(text))
        except BrokenPipeError:
            raise
        except OSError as exc:
            _stdout_gone()
            raise Stop(f"standard output: {exc.strerror}; stopping") from None

    @staticmethod
    def _stop_message(path: str | Path, exc: OSError) -> str:
        return f"{getattr(exc, 'filename', None) or path}: {exc.strerror}; stopping (nothing half-written)"

    def _file_error(self, label: str, path: str | Path, exc: OSError) -> None:
        """A write that failed: named, counted; a full disk stops the run."""
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise Stop(self._stop_message(path, exc))
        print(f"cleantext: {label}: cannot write {path}: {exc.strerror}", file=sys.stderr)
        self.failed += 1

    def write(self, o: Outcome, summary: Summary) -> None:
        args = self.args
        if not o.ok:
            print(f"cleantext: {o.label}: {o.error}", file=sys.stderr)
            if o.record is not None:  # a JSONL record is passed on, never lost
                self._emit_record(o)
            return
        if log.isEnabledFor(logging.INFO):
            log.info("%s: %s, %d -> %d words, %s%d flag(s)", o.label, "HTML" if o.html else "text",
                     o.words_in, o.words_out,
                     f"language {o.language or 'unknown'}, " if o.changes is not None else "",
                     len(o.flags))
        if args.explain:
            print(format_explain(o), file=sys.stderr)
        elif o.flags:
            print(f"cleantext: {o.label}: " + "; ".join(o.flags), file=sys.stderr)
        summary.dropped += o.dropped
        if args.jsonl:
            self._emit_record(o)
        elif args.in_place and (o.dropped or (o.overdeleted and args.on_overdelete != "keep")):
            self.not_rewritten.append(o.label)  # the guard flagged it: the original stays
        elif o.dropped:
            return
        elif args.diff:
            self._emit(_diff(o))
        elif args.in_place or args.out_dir:
            self._write_file(o)
        elif args.format == "json":
            self._json_items.append(_record(o, True))  # type: ignore[union-attr]  # a list for --format json
        elif args.format == "jsonl":
            self._emit(scrub(json.dumps(_record(o, True), ensure_ascii=False)) + "\n")
        else:
            if self._written_any and o.text:
                self._emit("\n")
            self._emit(o.text)
            self._written_any = self._written_any or bool(o.text)

    def _target(self, label: str) -> Path:
        target = Path(self.targets[label])
        if self.args.out_dir:
            target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def _backup(self, src: Source) -> None:
        if self.args.in_place and self.args.backup:
            self.backups.append(str(backup_copy(self.targets[src.label], self.args.backup)))

    def _write_file(self, o: Outcome) -> None:
        src = self.by_label[o.label]
        text = o.text
        if self.args.format == "json":  # always a list, as on stdout
            text = scrub(json.dumps([_record(o, True)], ensure_ascii=False, indent=2)) + "\n"
        elif self.args.format == "jsonl":
            text = scrub(json.dumps(_record(o, True), ensure_ascii=False)) + "\n"
        target = self.targets[o.label]
        try:
            self._backup(src)
            atomic_write(self._target(o.label), text, like=target if self.args.in_place else None)
        except OSError as exc:
            self._file_error(o.label, getattr(exc, "filename", None) or target, exc)

    def _emit_record(self, o: Outcome) -> None:
        line = scrub(json.dumps(o.record, ensure_ascii=False)) + "\n"
        if not (self.args.in_place or self.args.out_dir):
            self._emit(line)
            return
        label = o.label.rsplit(":", 1)[0] if o.label not in self.by_label else o.label
        if self._jsonl_file is None or self._jsonl_file[0] != label:
            self._finish_jsonl()
            if self._jsonl_failed == label:
                return
            try:
                like = self.targets[label] if self.args.in_place else None
                self._jsonl_file = (label, AtomicFile(self._target(label), like=like))
            except OSError as exc:
                self._jsonl_failed = label
                self._file_error(label, getattr(exc, "filename", None) or self.targets[label], exc)
                return
        try:
            self._jsonl_file[1].write(line)
        except OSError as exc:
            self._jsonl_file[1].abort()
            self._jsonl_file = None
            self._jsonl_failed = label
            self._file_error(label, self.targets[label], exc)

    def _finish_jsonl(self) -> None:
        if self._jsonl_file is None:
            return
        label, fh = self._jsonl_file
        self._jsonl_file = None
        try:
            self._backup(self.by_label[label])
            fh.commit()
        except OSError as exc:
            fh.abort()
            self._file_error(label, self.targets[label], exc)

    def report(self) -> list[str]:
        """Lines for the end of the run: inputs left as they were."""
        if not self.not_rewritten:
            return []
        return [f"{len(self.not_rewritten)} file(s) left unchanged because the over-deletion "
                f"guard flagged them (--on-overdelete keep rewrites them uncut): "
                + ", ".join(self.not_rewritten)]

    def close(self, ok: bool = True) -> None:
        """Finish the outputs; on an interrupted run streamed outputs are abandoned."""
        if not ok:
            for fh in (self._out, self._jsonl_file[1] if self._jsonl_file else None):
                if fh is not None:
                    fh.abort()
            self._out = self._jsonl_file = None
            return
        if self._json_items is not None:  # always a list, also for one input
            self._emit(scrub(json.dumps(self._json_items, ensure_ascii=False, indent=2)) + "\n")
        self._finish_jsonl()
        if self.args.output:
            try:
                if self._out is not None:
                    self._out.commit()
            except OSError as exc:
                raise Stop(self._stop_message(self.args.output, exc)) from None
            self._out = None
        else:
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                raise
            except OSError as exc:
                _stdout_gone()
                raise Stop(f"standard output: {exc.strerror}; stopping") from None


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
