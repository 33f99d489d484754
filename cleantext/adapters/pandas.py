"""Clean a pandas Series of texts: missing values and the index are kept.

>>> import pandas as pd
>>> from cleantext.pandas import clean_series
>>> clean_series(pd.Series(["Kiev\u2019s  mayor.", None], index=[7, 9])).tolist()
["Kyiv's mayor.\\n", None]
"""

from __future__ import annotations

from typing import Any, Unpack

import pandas

from cleantext.cleaner import CleanerOptions, clean_with

__all__ = ["clean_series"]


def clean_series(series: pandas.Series, *, html: bool = False, whole_page: bool = True,
                 **options: Unpack[CleanerOptions]) -> pandas.Series:
    """``series`` with every text cleaned, as :func:`cleantext.clean` cleans it.

    Same index and name; a missing value (``None``, ``NaN``, ``pd.NA``) stays
    missing; any other value that is not text raises ``TypeError``.  A
    string-dtype Series keeps its dtype, any other comes back as ``object``.
    ``html=True`` cleans HTML pages (:func:`cleantext.clean_html`);
    ``whole_page=False`` says the texts are already articles (block scoring is left
    out: :func:`cleantext.clean`); ``options``
    are those of :class:`cleantext.Cleaner` (``lang``, ``rules``, ``names``,
    ``builtin_names``, ``quotes``).  The Cleaner is built once per set of options.
    """
    values = [value if _missing(value) else clean_with(options, value, html=html, whole_page=whole_page)
              for value in series]
    dtype = series.dtype if isinstance(series.dtype, pandas.StringDtype) else object
    return pandas.Series(values, index=series.index, name=series.name, dtype=dtype)


def _missing(value: Any) -> bool:
    return value is None or (pandas.api.types.is_scalar(value) and bool(pandas.isna(value)))
