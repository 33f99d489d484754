"""Clean on a Dask cluster: ``clean_bag`` and ``clean_series`` (the engine lives in
:mod:`cleantext.run.dask_engine`; this is its public name)."""

from __future__ import annotations

from .run.dask_engine import clean_bag, clean_partition, clean_series, run_tasks_dask

__all__ = ["clean_bag", "clean_series", "clean_partition", "run_tasks_dask"]
