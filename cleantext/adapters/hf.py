"""Clean a column of a Hugging Face ``datasets.Dataset`` with ``Dataset.map``.

::

    from cleantext.hf import clean_batch

    ds = ds.map(clean_batch, batched=True, num_proc=4, fn_kwargs={"column": "text", "lang": "en"})

:func:`clean_batch` is a plain module-level function (it pickles by name, so
``num_proc`` works) and imports nothing from ``datasets``; each worker process
builds one :class:`cleantext.Cleaner` per set of options and reuses it.
"""

from __future__ import annotations

from typing import Any, Unpack

from cleantext.cleaner import CleanerOptions, clean_with

__all__ = ["clean_batch"]


def clean_batch(batch: dict[str, list[Any]], column: str = "text", *, output_column: str | None = None,
                html: bool = False, whole_page: bool = True,
                **options: Unpack[CleanerOptions]) -> dict[str, list[Any]]:
    """The cleaned texts of ``batch[column]``, as ``{output_column or column: [...]}``.

    For ``Dataset.map(clean_batch, batched=True)``: the returned column replaces
    ``column`` (or is added as ``output_column``); the other columns are left as
    they are.  ``None`` stays ``None``.  ``html=True`` cleans HTML pages;
    ``whole_page=False`` says the texts are already articles (an extractor's output:
    block scoring is left out); ``options`` are those of :class:`cleantext.Cleaner`.
    """
    if column not in batch:
        raise KeyError(f"no column {column!r} in the batch (columns: {', '.join(batch)})")
    return {output_column or column: [None if text is None
                                      else clean_with(options, text, html=html, whole_page=whole_page)
                                      for text in batch[column]]}
