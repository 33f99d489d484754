"""spaCy: parse the cleaned texts and keep cleantext's trace beside each ``Doc``.

A spaCy pipeline component receives a ``Doc`` whose text is fixed (its tokens
are built from it), so a component cannot clean the text: clean first, then
parse.  The plain pattern is::

    docs = nlp.pipe(cleaner.clean(t) for t in texts)

:func:`pipe` does the same and keeps the trace: each ``Doc`` gets
``doc.user_data["cleantext"]``, the :meth:`cleantext.Result.as_dict` of its text
(language, changes with spans into the *original* text, counts by rule code,
flags; the cleaned text is ``doc.text`` itself).  It is a plain dict, so
``Doc.to_bytes`` and ``DocBin(store_user_data=True)`` keep it.

::

    import spacy
    from cleantext.adapters.spacy import pipe

    nlp = spacy.blank("en")
    for doc in pipe(nlp, texts, lang="en"):
        doc.user_data["cleantext"]["counts"]

The adapter imports nothing from spaCy; it needs an ``nlp`` object
(``pip install 'cleantext-articles[spacy]'``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Iterator, Unpack

import cleantext
from cleantext.cleaner import CleanerOptions

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["USER_DATA_KEY", "pipe"]

USER_DATA_KEY = "cleantext"


def pipe(nlp: Language, texts: Iterable[str], *, cleaner: cleantext.Cleaner | None = None, html: bool = False,
         whole_page: bool = True, batch_size: int | None = None, n_process: int = 1,
         **options: Unpack[CleanerOptions]) -> Iterator[Doc]:
    """``nlp.pipe`` over the cleaned ``texts``, in order, each ``Doc`` carrying its trace
    in ``doc.user_data["cleantext"]``.

    ``cleaner`` is the :class:`cleantext.Cleaner` to use, else one is built from
    ``options`` (those of :class:`cleantext.Cleaner`).  ``html=True`` cleans HTML pages;
    ``whole_page=False`` says the texts are already articles (block scoring is left out).
    Cleaning runs lazily in this process; ``batch_size`` and ``n_process`` are passed
    to ``nlp.pipe``.
    """
    if cleaner is None:
        cleaner = cleantext.Cleaner(**options)
    elif options:
        raise TypeError("pass either a cleaner or Cleaner options, not both")
    def explain(text: str) -> cleantext.Result:
        return cleaner.explain_html(text) if html else cleaner.explain(text, whole_page=whole_page)
    for doc, trace in nlp.pipe((_cleaned(explain(text)) for text in texts), as_tuples=True,
                               batch_size=batch_size, n_process=n_process):
        doc.user_data[USER_DATA_KEY] = trace
        yield doc


def _cleaned(result: cleantext.Result) -> tuple[str, dict[str, Any]]:
    """The cleaned text and its trace as plain data (it travels with the text to
    ``nlp.pipe``'s worker processes and is stored in the ``Doc``)."""
    trace = result.as_dict()
    return trace.pop("text"), trace
