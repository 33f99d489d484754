"""Batch cleaning: one task per document, run in-process or on a local process pool.

The pool keeps a bounded window of tasks in flight and yields results in
input order, so memory stays flat however long the input stream is.  Each
worker builds its :class:`~cleantext.Cleaner` once (in the pool initializer),
never per document.  A task never raises: a document that cannot be read or
cleaned comes back as a failed :class:`Outcome` naming the reason.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
from collections import deque
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Literal, NoReturn, Protocol, cast

from ..cleaner import MAX_REMOVED, Cleaner, cached_cleaner

if TYPE_CHECKING:
    from ..cleaner import CleanerOptions
from ..io.compressed import CompressedInputError, maybe_gunzip
from ..io.files import InputError, decode_bytes, looks_like_html, replace_surrogates
from ..text.paragraphs import count_words

log = logging.getLogger("cleantext")


@dataclass(frozen=True)
class Task:
    """One document to clean: read from ``path`` or given as ``data``."""

    index: int
    label: str
    path: str | None = None
    data: bytes | None = None
    html: bool | None = None  # None: decide by extension or sniffing
    jsonl_field: str | None = None  # data is one JSONL line; clean this field
    site: str | None = None  # corpus mode: remove this site's template
    read_error: str | None = None  # the input could not be read (reported as the outcome)


class EngineError(Exception):
    """The engine cannot run at all (a scheduler that cannot be reached); exit status 2."""


@dataclass
class Outcome:
    """What became of one document."""

    index: int
    label: str
    ok: bool
    error: str = ""
    text: str = ""
    language: str | None = None
    changes: list[dict[str, Any]] | None = None
    flags: list[str] = field(default_factory=list)
    input_text: str | None = None
    bytes_in: int = 0
    words_in: int = 0
    words_out: int = 0
    html: bool = False
    dropped: bool = False
    record: dict[str, Any] | None = None  # JSONL: the output record
    overdeleted: bool = False  # the guard flagged it (whatever --on-overdelete did)


TIMEOUT_BASE = 10.0  # seconds every document may take ...
TIMEOUT_PER_MB = 5.0  # ... plus this per megabyte of input


class DocumentTimeout(BaseException):
    """A document ran over its time budget (a BaseException, so no stage swallows it)."""


def _on_alarm(signum: int, frame: FrameType | None) -> NoReturn:
    raise DocumentTimeout()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` after ``seconds`` (main thread on POSIX only;
    elsewhere, and for 0, no limit)."""
    if (seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


OverdeleteMode = Literal["keep", "flag", "drop"]
"""What happens to an over-deleted document: written uncut, flagged, or left out."""


@dataclass(frozen=True)
class WorkerOptions:
    """Everything a worker needs; picklable."""

    cleaner: CleanerOptions
    trace: bool = False
    keep_input: bool = False
    on_overdelete: OverdeleteMode = "flag"
    max_removed: float = MAX_REMOVED
    out_field: str = "text_clean"
    trace_in_record: bool = False
    timeout: float | None = None  # seconds per document; None: budget_for(size); 0: none
    whole_page: bool = True  # False: a text document is already the article (--article)

    def budget(self, size: int) -> float:
        """The time budget of a document of ``size`` bytes (0: no limit)."""
        if self.timeout is not None:
            return max(0.0, self.timeout)
        return TIMEOUT_BASE + TIMEOUT_PER_MB * size / 1e6

    def check(self) -> Cleaner:
        """Build the Cleaner once here, so broken packs fail before any work starts."""
        return _cleaner_for(self)


def _cleaner_for(options: WorkerOptions) -> Cleaner:
    """The Cleaner of ``options``, built once per process (shared cache of the package)."""
    return cached_cleaner(options.cleaner)


def clean_task(task: Task, options: WorkerOptions) -> Outcome:
    """Read, decode, clean and check one document; never raises for bad input."""
    cleaner = _cleaner_for(options)
    out = Outcome(task.index, task.label, ok=False)
    budget = 0.0
    if task.read_error is not None or (task.path is None and task.data is None):
        out.error = task.read_error or "nothing to read"
        return out
    try:
        data = None if task.jsonl_field is not None else read_input(task)
        size = len(task.data if data is None else data)  # type: ignore[arg-type]  # a JSONL line has data
        budget = options.budget(size)
        log.debug("%s: cleaning %d bytes", task.label, size)
        with time_limit(budget):
            _clean_into(task, data, out, cleaner, options)
    except DocumentTimeout:
        out.ok, out.text, out.flags, out.dropped = False, "", [], False
        out.error = f"took longer than {budget:g}s (--timeout); skipped"
    except (InputError, CompressedInputError, UnicodeDecodeError) as exc:
        out.error = str(exc)
    except OSError as exc:
        out.error = exc.strerror or str(exc)
    except (TypeError, ValueError, RecursionError) as exc:
        out.error = f"cannot clean: {exc}"
    if out.record is not None:
        out.record = _output_record(out.record, out, options)
    return out


def read_input(task: Task) -> bytes:
    """The bytes of a document (read from its path unless given), decompressed when
    they are gzip: the one place where input files are read."""
    # a task without data has a path (clean_task checked)
    data = task.data if task.data is not None else Path(cast(str, task.path)).read_bytes()
    return maybe_gunzip(data)


def _clean_into(task: Task, data: bytes | None, out: Outcome, cleaner: Cleaner,
                options: WorkerOptions) -> None:
    """The work of :func:`clean_task` on the document's (decompressed) ``data``; raises
    for bad input; a JSONL record goes to ``out.record`` first, so a failure still
    passes it on."""
    raw: str | bytes
    if task.jsonl_field is not None:
        out.record, raw = _jsonl_text(task, out)
        html = bool(task.html)
    else:
        assert data is not None
        out.bytes_in = len(data)
        html = task.html if task.html is not None else looks_like_html(data, task.path or "")
        raw = data if html else decode_bytes(data).text
    out.html = html
    result = cleaner.process(raw, html=html, trace=options.trace, max_removed=options.max_removed,
                             site=task.site, whole_page=options.whole_page)
    if html or not isinstance(raw, str):  # a page (else ``raw`` is the decoded text)
        assert result.extraction is not None  # process(html=True) always extracts
        source_text = result.extraction.text
    else:
        source_text = raw
    out.bytes_in = out.bytes_in or len(source_text.encode("utf-8"))
    out.text = result.text
    if options.trace:  # (the language, too, is reported only with the trace)
        out.language = result.language
        out.changes = [e.as_dict() for e in result.changes]
    out.flags += [f for f in result.flags if not f.startswith("over-deleted")]
    out.words_in, out.words_out = result.words_in, result.words_out
    if result.overdeleted:
        out.overdeleted = True
        _handle_overdelete(out, result.overdeleted, cleaner, source_text, options)
    if options.keep_input:
        out.input_text = source_text
    out.ok = True


def _jsonl_text(task: Task, out: Outcome) -> tuple[dict[str, Any], str]:
    """The record of a JSONL line and the text of its field (errors name the line)."""
    line = cast(bytes, task.data)  # a JSONL task carries its line
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        out.record = {"cleantext_raw": line.decode("utf-8", errors="replace").rstrip("\n")}
        raise InputError(f"not a JSON object: {exc}") from None
    record = _without_surrogates(record)
    if not isinstance(record, dict):
        out.record = {"cleantext_raw": record}
        raise InputError("not a JSON object")
    value = record.get(task.jsonl_field)
    if not isinstance(value, str):
        out.record = record
        raise InputError(f"field {task.jsonl_field!r} is missing or not a string")
    return record, value


def _without_surrogates(value: object) -> object:
    """``value`` (parsed JSON) with lone surrogates (a ``\\ud800`` escape) as U+FFFD,
    so that the record can be written back as UTF-8."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {replace_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def _output_record(record: dict[str, Any], out: Outcome, options: WorkerOptions) -> dict[str, Any]:
    rec = dict(record)
    if not out.ok:
        rec["cleantext_error"] = out.error
        return rec
    rec[options.out_field] = None if out.dropped else replace_surrogates(out.text)
    rec["cleantext_language"] = out.language
    if out.flags:
        rec["cleantext_flags"] = out.flags
    if options.trace_in_record:
        rec["cleantext_changes"] = out.changes or []
    return rec


def _handle_overdelete(out: Outcome, reason: str, cleaner: Cleaner, source_text: str,
                       options: WorkerOptions) -> None:
    if options.on_overdelete == "keep":
        out.text = cleaner.normalize_only(source_text)
        out.words_out = count_words(out.text)
        out.flags.append(f"over-deleted ({reason}); kept without boilerplate removal")
    elif options.on_overdelete == "drop":
        out.dropped = True
        out.flags.append(f"over-deleted ({reason}); dropped")
    else:
        out.flags.append(f"over-deleted ({reason})")


# --- running ---------------------------------------------------------------------

def run_chunk(tasks: list[Task], options: WorkerOptions) -> list[Outcome]:
    """Clean a chunk of tasks in this process: the unit of work a worker receives."""
    return [clean_task(t, options) for t in tasks]


def chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    """``tasks`` in lists of ``size`` (the last one shorter), read lazily."""
    chunk: list[Task] = []
    for t in tasks:
        chunk.append(t)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class ChunkFuture(Protocol):
    """A chunk in flight: a ``concurrent.futures`` or a dask future of its outcomes."""

    def result(self) -> list[Outcome]: ...


def run_windowed(submit: Callable[[list[Task]], ChunkFuture], tasks: Iterable[Task],
                 chunk_size: int, window: int) -> Iterator[Outcome]:
    """Outcomes of ``tasks`` in input order, with at most ``window`` chunks in flight.

    ``submit(chunk)`` starts cleaning a chunk somewhere and returns a future
    (anything with ``.result()``: a ``concurrent.futures`` or a dask future).
    The input is read only as fast as results are consumed, so memory is
    bounded by the window, not by the length of the stream.
    """
    pending: deque[ChunkFuture] = deque()
    for chunk in chunks(tasks, chunk_size):
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def run_tasks(tasks: Iterable[Task], options: WorkerOptions, jobs: int = 1,
              chunk_size: int = 16, window: int | None = None) -> Iterator[Outcome]:
    """Clean ``tasks``; yields outcomes in input order.

    ``jobs > 1`` uses a local process pool with at most ``window`` chunks in
    flight (default ``4 * jobs``), so a stream of any length is cleaned in
    bounded memory.
    """
    if jobs <= 1:
        for t in tasks:
            yield clean_task(t, options)
        return
    # each worker builds its Cleaner once, before its first chunk
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                               initargs=(options, os.getpid()))
    try:
        yield from run_windowed(lambda chunk: pool.submit(run_chunk, chunk, options), tasks,
                                chunk_size, window or 4 * jobs)
    except BaseException:  # interrupted, or the consumer stopped: the workers go now
        stop_pool(pool)
        raise
    pool.shutdown(wait=True)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel what is queued and end the pool's workers at once."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        try:
            proc.terminate()
        except (OSError, AttributeError):
            pass


def die_with_parent(parent: int) -> None:
    """Make this worker process end when ``parent`` ends, even by SIGKILL.

    On Linux the kernel sends SIGKILL at the parent's death (``PR_SET_PDEATHSIG``);
    elsewhere a daemon thread checks every second whether the parent is gone.
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0:  # PR_SET_PDEATHSIG = 1
                if os.getppid() != parent:  # the parent died before the call
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            threading.Event().wait(1.0)

    threading.Thread(target=watch, name="cleantext-parent-watch", daemon=True).start()


def _worker_init(options: WorkerOptions, parent: int) -> None:
    """Pool initializer: die with the parent, ignore the terminal's Ctrl-C (the parent
    stops the pool), and build and warm the Cleaner once (a pool is for many
    documents: every language's patterns are compiled here, not inside the first
    document of each language)."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _cleaner_for(options).warm()
