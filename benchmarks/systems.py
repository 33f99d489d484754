"""The systems compared by ``quality.py``: cleantext and installable peers.

Each system is a function ``(page_input) -> text`` behind a loader. A loader imports
what the system needs and returns that function, or raises ``Unavailable`` with the
reason shown in the table (e.g. "unavailable", "not installable").

Systems of the *html* track receive the raw page bytes; systems of the *text*
track receive the full-page text (see ``scrapinghub.full_page_text``); systems of the
*gold* track receive the gold text itself: what a cleaner takes away from a text that
is already the article (all it removes is lost recall).
"""

from __future__ import annotations

import html as html_escape
import logging
import re
from dataclasses import dataclass
from typing import Callable

from benchmarks.scrapinghub import decode_html, full_page_text

HTML, TEXT, GOLD = "html", "text", "gold"

Extractor = Callable[[object], str]


class Unavailable(Exception):
    """Raised by a loader when its system cannot run here; the message says why."""


@dataclass(frozen=True)
class System:
    """A row of the table: a key for ``--systems``, a label, a track and a loader."""

    key: str
    label: str
    track: str
    loader: Callable[[], Extractor]


# --------------------------------------------------------------------------- helpers


def as_text(result: object) -> str:
    """Return a system's result as text: ``None`` is empty, objects give ``.text``."""
    if result is None:
        return ""
    if isinstance(result, str):
        return result
    text = getattr(result, "text", None)
    return text if isinstance(text, str) else str(result)


def lines_to_html(text: str) -> str:
    """Wrap each line of ``text`` in a ``<p>`` of a minimal HTML document."""
    paragraphs = "".join(f"<p>{html_escape.escape(line)}</p>\n" for line in text.splitlines())
    return f"<html><head></head><body>\n{paragraphs}</body></html>"


def _import(module: str, reason: str = "not installable"):
    """Import and return ``module``, raising ``Unavailable`` with ``reason`` and the
    error if it is missing or fails to import."""
    try:
        return __import__(module, fromlist=["_"])
    except Exception as error:  # noqa: BLE001 -- a half-written package may raise anything
        raise Unavailable(f"{reason} ({type(error).__name__}: {error})"[:100]) from error


def _quiet(*loggers: str) -> None:
    """Silence the named loggers (peers log a warning for every hard page)."""
    for name in loggers:
        logging.getLogger(name).setLevel(logging.CRITICAL)


# --------------------------------------------------------------------------- cleantext


def _cleantext_function(name: str) -> Extractor:
    """Return ``cleantext.<name>`` wrapped to give text, or raise ``Unavailable``."""
    module = _import("cleantext", "unavailable")
    function = getattr(module, name, None)
    if not callable(function):
        raise Unavailable(f"unavailable (cleantext has no {name})")
    return lambda page_input: as_text(function(page_input))


def load_cleantext_text() -> Extractor:
    """``cleantext.clean`` applied to the full-page text."""
    return _cleantext_function("clean")


def load_cleantext_html() -> Extractor:
    """``cleantext.clean_html`` applied to the raw page bytes."""
    return _cleantext_function("clean_html")


def load_cleantext_article() -> Extractor:
    """``cleantext.clean(whole_page=False)`` (``--article``): for text that is the article."""
    module = _import("cleantext", "unavailable")
    return lambda text: as_text(module.clean(text, whole_page=False))


# --------------------------------------------------------------------------- peers


def load_full_text() -> Extractor:
    """No cleaning: the full-page text itself."""
    return lambda text: text


def load_trafilatura_html(**options) -> Extractor:
    """``trafilatura.extract`` on the page, default options unless ``options`` are given."""
    trafilatura = _import("trafilatura")
    _quiet("trafilatura")
    return lambda html: as_text(trafilatura.extract(decode_html(html), **options))


def load_trafilatura_html_no_comments() -> Extractor:
    """``trafilatura.extract(include_comments=False)``: the benchmark's own runner, which
    produced its published 0.958."""
    return load_trafilatura_html(include_comments=False)


def load_trafilatura_text() -> Extractor:
    """``trafilatura.extract`` on the full-page text, one ``<p>`` per line."""
    extract = load_trafilatura_html()
    return lambda text: extract(lines_to_html(text))


def load_justext_html() -> Extractor:
    """jusText (English stoplist, default thresholds): the non-boilerplate paragraphs."""
    justext = _import("justext")
    stoplist = justext.get_stoplist("English")

    def extract(html: object) -> str:
        paragraphs = justext.justext(decode_html(html), stoplist)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return extract


def load_justext_text() -> Extractor:
    """jusText on the full-page text, one ``<p>`` per line."""
    extract = load_justext_html()
    return lambda text: extract(lines_to_html(text))


def load_readability_html() -> Extractor:
    """readability-lxml ``Document(html).summary()``, turned into text by the full-page recipe."""
    readability = _import("readability")
    _quiet("readability", "readability.readability")
    return lambda html: full_page_text(
        readability.Document(decode_html(html)).summary(html_partial=True))


def load_boilerpy3_html() -> Extractor:
    """boilerpy3 ``ArticleExtractor`` on the page."""
    extractors = _import("boilerpy3.extractors")
    _quiet("boilerpy3")
    return lambda html: as_text(
        extractors.ArticleExtractor().get_content(decode_html(html)))


def load_resiliparse_html() -> Extractor:
    """resiliparse ``extract_plain_text(main_content=True)`` on the page."""
    html2text = _import("resiliparse.extract.html2text")
    return lambda html: html2text.extract_plain_text(decode_html(html), main_content=True)


# C4 line rules (Raffel et al. 2020, section 2.2), applied line by line.
C4_TERMINAL_PUNCTUATION = (".", "!", "?", '"')
C4_MIN_WORDS = 3
C4_BANNED_RE = re.compile(r"javascript|cookie|lorem ipsum|\{", re.IGNORECASE)


def c4_keeps(line: str) -> bool:
    """Return whether a line passes the C4 rules: it ends in terminal punctuation, has
    at least 3 words and mentions neither javascript, cookies, lorem ipsum nor ``{``."""
    return (line.endswith(C4_TERMINAL_PUNCTUATION)
            and len(line.split()) >= C4_MIN_WORDS
            and not C4_BANNED_RE.search(line))


def load_c4_text() -> Extractor:
    """The C4 line rules on the full-page text."""
    return lambda text: "\n".join(line for line in text.splitlines() if c4_keeps(line))


SYSTEMS: tuple[System, ...] = (
    System("full-text", "no cleaning (full-page text)", TEXT, load_full_text),
    System("cleantext-text", "cleantext (text track)", TEXT, load_cleantext_text),
    System("cleantext-html", "cleantext (HTML track)", HTML, load_cleantext_html),
    System("c4-text", "C4 line rules (text)", TEXT, load_c4_text),
    System("justext-text", "jusText (text)", TEXT, load_justext_text),
    System("trafilatura-text", "trafilatura (text)", TEXT, load_trafilatura_text),
    System("justext-html", "jusText (HTML)", HTML, load_justext_html),
    System("readability-html", "readability-lxml (HTML)", HTML, load_readability_html),
    System("boilerpy3-html", "boilerpy3 ArticleExtractor (HTML)", HTML, load_boilerpy3_html),
    System("resiliparse-html", "resiliparse main_content (HTML)", HTML, load_resiliparse_html),
    System("trafilatura-html", "trafilatura (HTML)", HTML, load_trafilatura_html),
    System("trafilatura-html-nc", "trafilatura, no comments (HTML)", HTML,
           load_trafilatura_html_no_comments),
    System("cleantext-gold", "cleantext, gold text as a page", GOLD, load_cleantext_text),
    System("cleantext-gold-article", "cleantext --article, gold text", GOLD, load_cleantext_article),
)

SYSTEMS_BY_KEY: dict[str, System] = {system.key: system for system in SYSTEMS}
