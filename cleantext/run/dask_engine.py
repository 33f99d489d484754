"""Cleaning on a dask cluster: bags, dataframe columns and the command's tasks.

Needs the ``dask`` extra (``pip install 'cleantext-articles[dask]'``); the rest
of cleantext never imports this module.

* :func:`clean_bag` cleans a ``dask.bag`` of texts, :func:`clean_series` a
  text column of a ``dask.dataframe``; both are lazy, keep the input order and
  give exactly what :func:`cleantext.clean` gives for each text.
* :func:`run_tasks_dask` is the command's ``--engine dask``: the same tasks
  and outcomes as the local process pool, on a scheduler at an address or on
  a :class:`distributed.LocalCluster` of processes started for the run.

Each worker process builds one :class:`~cleantext.Cleaner` per set of options
(the package's per-process cache), never one per document or partition.  A
missing value (``None``, ``NaN``, ``pd.NA``) stays missing; any other value
that is not text raises ``TypeError`` as :func:`cleantext.clean` does.
"""

from __future__ import annotations

import logging
import re
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Unpack

from ..cleaner import CleanerOptions, clean_with
from .batch import EngineError, Outcome, Task, WorkerOptions, ChunkFuture, run_chunk, run_windowed

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas
    from distributed import Client

CHUNK_SIZE = 16  # documents per task sent to a worker by run_tasks_dask
CHUNKS_PER_THREAD = 4  # chunks in flight per worker thread (bounds client memory)
CONNECT_TIMEOUT = 5  # seconds to reach a scheduler before giving up
_ADDRESS = re.compile(r"^(?:(?:tcp|tls|ws|wss|ucx|inproc)://)?\[?[\w.:-]+\]?:\d{1,5}$")

__all__ = ["clean_bag", "clean_series", "clean_partition", "run_tasks_dask"]


def _clean_one(value: Any, options: CleanerOptions, html: bool, whole_page: bool = True) -> Any:
    """One value cleaned by the worker's cached Cleaner; ``None`` stays ``None``."""
    return None if value is None else clean_with(options, value, html=html, whole_page=whole_page)


def clean_partition(texts: Iterable[Any], options: CleanerOptions, html: bool = False,
                    whole_page: bool = True) -> list[Any]:
    """The cleaned texts of one partition, in order (the function run on the workers)."""
    return [_clean_one(t, options, html, whole_page) for t in texts]


def _clean_pandas(part: pandas.Series, options: CleanerOptions, html: bool, whole_page: bool) -> pandas.Series:
    """One pandas partition of a column, cleaned; missing values stay missing."""
    return part.map(lambda t: _clean_one(t, options, html, whole_page), na_action="ignore").astype(object)


def clean_bag(bag: dask.bag.Bag, *, html: bool = False, whole_page: bool = True,
              **options: Unpack[CleanerOptions]) -> dask.bag.Bag:
    """A lazy ``dask.bag`` of the cleaned texts of ``bag``, in the same order.

    ``options`` are those of :class:`cleantext.Cleaner` (``lang``, ``rules``,
    ``names``, ``builtin_names``, ``quotes``); ``html=True`` cleans pages with
    :meth:`~cleantext.Cleaner.clean_html`; ``whole_page=False`` says the texts are
    already articles (block scoring is left out).
    """
    cleaned: dask.bag.Bag = bag.map_partitions(clean_partition, options=options, html=html,
                                               whole_page=whole_page)
    return cleaned


def clean_series(series: dask.dataframe.Series, *, html: bool = False, whole_page: bool = True,
                 **options: Unpack[CleanerOptions]) -> dask.dataframe.Series:
    """A lazy ``dask.dataframe`` Series: ``series`` with every text cleaned.

    Same index, name and partitions as ``series`` (object dtype); use it as
    ``df["text_clean"] = clean_series(df["text"], lang="en")``.  ``html`` and
    ``whole_page`` as for :func:`clean_bag`.
    """
    meta = series._meta.astype(object)
    cleaned: dask.dataframe.Series = series.map_partitions(_clean_pandas, options=options, html=html,
                                                           whole_page=whole_page, meta=meta)
    return cleaned


# --- the command's engine ----------------------------------------------------------


def _portable(task: Task) -> Task:
    """The task with its file's bytes inside: a cluster's workers may not see our files.

    A file that cannot be read is left as a path, so the worker reports the error.
    """
    if task.path is None or task.data is not None:
        return task
    try:
        data = Path(task.path).read_bytes()
    except OSError:
        return task
    return Task(task.index, task.label, task.path, data, task.html, task.jsonl_field)


def _client(stack: ExitStack, scheduler: str | None, workers: int) -> Client:
    """A client of the scheduler at ``scheduler``, or of a new LocalCluster of
    ``workers`` single-threaded processes (closed with ``stack``)."""
    from distributed import Client, LocalCluster

    if scheduler:
        if not _ADDRESS.match(scheduler):
            raise EngineError(f"--scheduler {scheduler!r}: not a scheduler address "
                              f"(expected like tcp://host:8786)")
        try:
            remote: Client = stack.enter_context(Client(scheduler, timeout=CONNECT_TIMEOUT))
            return remote
        except (OSError, TimeoutError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise EngineError(f"--scheduler {scheduler}: cannot reach the scheduler "
                              f"within {CONNECT_TIMEOUT}s ({reason})") from None
    cluster = stack.enter_context(LocalCluster(
        n_workers=max(1, workers), threads_per_worker=1, processes=True,
        dashboard_address=None, silence_logs=logging.ERROR))
    local: Client = stack.enter_context(Client(cluster))
    return local


def run_tasks_dask(tasks: Iterable[Task], options: WorkerOptions, scheduler: str | None = None,
                   workers: int = 1, chunk_size: int = CHUNK_SIZE) -> Iterator[Outcome]:
    """Clean ``tasks`` on a dask cluster; yields outcomes in input order.

    With ``scheduler`` (``tcp://host:8786``) the cluster's workers do the work;
    without, a LocalCluster of ``workers`` processes is started for the run and
    closed at the end.  At most :data:`CHUNKS_PER_THREAD` chunks per worker
    thread are in flight, so any stream is cleaned in bounded memory.
    """
    with ExitStack() as stack:
        client = _client(stack, scheduler, workers)
        threads = max(1, sum(client.nthreads().values()))
        portable = (_portable(t) for t in tasks)

        def submit(chunk: list[Task]) -> ChunkFuture:
            return client.submit(run_chunk, chunk, options, pure=False)

        yield from run_windowed(submit, portable, chunk_size, CHUNKS_PER_THREAD * threads)
