"""pandas: :func:`clean_series` cleans a Series of texts, keeping missing values and the
index (see :mod:`cleantext.adapters.pandas`; needs pandas)."""

from __future__ import annotations

from cleantext.adapters.pandas import clean_series

__all__ = ["clean_series"]
