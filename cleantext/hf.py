"""Hugging Face ``datasets``: :func:`clean_batch` for ``Dataset.map(batched=True, num_proc=N)``
(see :mod:`cleantext.adapters.hf`)."""

from __future__ import annotations

from cleantext.adapters.hf import clean_batch

__all__ = ["clean_batch"]
