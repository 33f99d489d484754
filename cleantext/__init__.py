r"""cleantext: noisy scraped articles in, clean canonical text out.

>>> import cleantext
>>> cleantext.clean("Kiev\u2019s  mayor said \u00abno\u00bb.\r\nTalks resume.")
'Kyiv\'s mayor said "no".\n\nTalks resume.\n'

``clean(text)`` and ``clean_html(html)`` are the one-call API;
``Cleaner(**options: Unpack[CleanerOptions])`` is built once and reused, and its ``explain(text)``
returns the text, the language and every change with the rule that made it.
"""

from __future__ import annotations

import logging as _logging

from typing import Unpack

from .cleaner import QUOTE_STYLES, Cleaner, CleanerOptions, QuoteStyle, RuleTimeoutWarning, cached_cleaner
from .corpus import SiteProfile, learn_sites, load_profiles, save_profiles
from .stages.packs import RulePackError
from .text.edits import Edit, Result, replay
from .version import __version__

# The package logs to the "cleantext" logger (INFO: one line per document from the
# command; DEBUG: the stages); it only has a NullHandler: the application decides.
_logging.getLogger(__name__).addHandler(_logging.NullHandler())

__all__ = ["Cleaner", "Edit", "Result", "RulePackError", "RuleTimeoutWarning", "QUOTE_STYLES", "QuoteStyle", "CleanerOptions", "clean", "clean_html",
           "explain", "replay", "warm", "__version__", "SiteProfile", "learn_sites", "load_profiles",
           "save_profiles"]


def clean(text: str, *, whole_page: bool = True, **options: Unpack[CleanerOptions]) -> str:
    """Canonical text of ``text``; ``options`` are those of :class:`Cleaner`.

    ``whole_page=False``: the text is already the article (an extractor's output, a
    CMS body), so block scoring, which looks for the article among a page's menus, is
    left out; the phrase and pattern rules still run."""
    return cached_cleaner(options).clean(text, whole_page=whole_page)


def clean_html(html: str | bytes, **options: Unpack[CleanerOptions]) -> str:
    """Canonical text of an HTML page (bytes are decoded by declared or detected charset)."""
    return cached_cleaner(options).clean_html(html)


def explain(text: str, *, whole_page: bool = True, **options: Unpack[CleanerOptions]) -> Result:
    """The cleaned text, its language and the trace of every change (``whole_page`` as
    for :func:`clean`)."""
    return cached_cleaner(options).explain(text, whole_page=whole_page)


def warm(**options: Unpack[CleanerOptions]) -> Cleaner:
    """Load everything once, now (``Cleaner.warm``), for the cleaner that ``clean`` and
    friends use with these ``options``; a server calls it before its first request."""
    return cached_cleaner(options).warm()
