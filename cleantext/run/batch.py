"""Batch cleaning: one task per document, run in-process or on a local process pool.

The pool keeps a bounded window of tasks in flight and yields results in
input order, so memory stays flat however long the input stream is.  Each
worker builds its :class:`~cleantext.Cleaner` once (in the pool initializer),
never per document.  A task never raises: a document that cannot be read or
cleaned comes back as a failed :class:`Outcome` naming the reason.
"""

from __future__ import annotations

import json
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..cleaner import MAX_REMOVED, Cleaner, cached_cleaner
from ..io.files import InputError, decode_bytes, looks_like_html


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


@dataclass
class Outcome:
    """What became of one document."""

    index: int
    label: str
    ok: bool
    error: str = ""
    text: str = ""
    language: str | None = None
    changes: list[dict] | None = None
    flags: list[str] = field(default_factory=list)
    input_text: str | None = None
    bytes_in: int = 0
    words_in: int = 0
    words_out: int = 0
    html: bool = False
    dropped: bool = False
    record: dict | None = None  # JSONL: the output record


@dataclass(frozen=True)
class WorkerOptions:
    """Everything a worker needs; picklable."""

    cleaner: dict
    trace: bool = False
    keep_input: bool = False
    on_overdelete: str = "flag"
    max_removed: float = MAX_REMOVED
    out_field: str = "text_clean"
    trace_in_record: bool = False

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
    record = None
    try:
        if task.jsonl_field is not None:
            record, raw = _jsonl_text(task, out)
            html = bool(task.html)
        else:
            data = task.data if task.data is not None else Path(task.path).read_bytes()
            out.bytes_in = len(data)
            html = task.html if task.html is not None else looks_like_html(data, task.path or "")
            raw = data if html else decode_bytes(data).text
        out.html = html
        result = cleaner.process(raw, html=html, trace=options.trace, max_removed=options.max_removed,
                                 site=task.site)
        source_text = result.extraction.text if html else raw
        out.bytes_in = out.bytes_in or len(source_text.encode("utf-8"))
        out.text = result.text
        if options.trace:  # (the language, too, is reported only with the trace)
            out.language = result.language
            out.changes = [e.as_dict() for e in result.changes]
        out.flags += [f for f in result.flags if not f.startswith("over-deleted")]
        out.words_in, out.words_out = result.words_in, result.words_out
        if result.overdeleted:
            _handle_overdelete(out, result.overdeleted, cleaner, source_text, options)
        if options.keep_input:
            out.input_text = source_text
        out.ok = True
    except (InputError, UnicodeDecodeError) as exc:
        out.error = str(exc)
    except OSError as exc:
        out.error = exc.strerror or str(exc)
    except (TypeError, ValueError, RecursionError) as exc:
        out.error = f"cannot clean: {exc}"
    if record is not None or out.record is not None:
        out.record = _output_record(record if record is not None else out.record, out, options)
    return out


def _jsonl_text(task: Task, out: Outcome) -> tuple[dict, str]:
    """The record of a JSONL line and the text of its field (errors name the line)."""
    try:
        record = json.loads(task.data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        out.record = {"cleantext_raw": task.data.decode("utf-8", errors="replace").rstrip("\n")}
        raise InputError(f"not a JSON object: {exc}") from None
    if not isinstance(record, dict):
        out.record = {"cleantext_raw": record}
        raise InputError("not a JSON object")
    value = record.get(task.jsonl_field)
    if not isinstance(value, str):
        out.record = record
        raise InputError(f"field {task.jsonl_field!r} is missing or not a string")
    return record, value


def _output_record(record: dict, out: Outcome, options: WorkerOptions) -> dict:
    rec = dict(record)
    if not out.ok:
        rec["cleantext_error"] = out.error
        return rec
    rec[options.out_field] = None if out.dropped else out.text
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
        out.words_out = len(out.text.split())
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


def run_windowed(submit: Callable[[list[Task]], Any], tasks: Iterable[Task],
                 chunk_size: int, window: int) -> Iterator[Outcome]:
    """Outcomes of ``tasks`` in input order, with at most ``window`` chunks in flight.

    ``submit(chunk)`` starts cleaning a chunk somewhere and returns a future
    (anything with ``.result()``: a ``concurrent.futures`` or a dask future).
    The input is read only as fast as results are consumed, so memory is
    bounded by the window, not by the length of the stream.
    """
    pending: deque = deque()
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
    with ProcessPoolExecutor(max_workers=jobs, initializer=_cleaner_for,
                             initargs=(options,)) as pool:
        yield from run_windowed(lambda chunk: pool.submit(run_chunk, chunk, options), tasks,
                                chunk_size, window or 4 * jobs)
