"""datatrove steps: a formatter that cleans ``doc.text`` and records what it did, and a
filter that drops the documents the cleaning over-deleted.

::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleantext.adapters.datatrove import CleantextFormatter, OverdeletionFilter

    LocalPipelineExecutor(pipeline=[
        JsonlReader("in/"),
        CleantextFormatter(lang="en"),
        OverdeletionFilter(),
        JsonlWriter("out/"),
    ], tasks=4).run()

:class:`CleantextFormatter` writes into ``doc.metadata`` (prefix ``cleantext_``):

* ``cleantext_language``: the language the cleaner used (given or detected; ``None`` if unknown);
* ``cleantext_counts``: ``{rule code: changes}`` (see ``docs/rules.md``);
* ``cleantext_overdeleted``: why the document counts as over-deleted (the cleaner's
  guard: all text removed, or more than 80% of its words), ``""`` when it does not.

It also counts, in datatrove's stats, the over-deleted documents and the changes per
rule code (``rule_<CODE>``).  :class:`OverdeletionFilter` drops the documents whose
``cleantext_overdeleted`` is set, with the reason ``cleantext_emptied`` (all text
removed) or ``cleantext_overdeleted`` in datatrove's ``dropped_<reason>`` stats and, with
an ``exclusion_writer``, in the dropped documents' ``filter_reason``.

Both steps pickle by their options: the :class:`cleantext.Cleaner` is built in the
worker on first use.
"""

from __future__ import annotations

from typing import Any, Unpack

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.pipeline.writers.disk_base import DiskWriter
from datatrove.utils.typeshelper import StatHints

import cleantext
from cleantext.cleaner import CleanerOptions

__all__ = ["CleantextFormatter", "OverdeletionFilter"]

OVERDELETED_FLAG = "over-deleted"
ALL_TEXT_REMOVED = "all text removed"


def overdeletion(result: cleantext.Result) -> str:
    """The over-deletion reason among ``result.flags`` ("" when there is none)."""
    for flag in result.flags:
        if flag.startswith(OVERDELETED_FLAG):
            return flag[len(OVERDELETED_FLAG):].lstrip(":; ").strip() or OVERDELETED_FLAG
    return ""


class CleantextFormatter(BaseFormatter):
    """Cleans ``doc.text`` with :class:`cleantext.Cleaner` and records the language, the
    counts by rule code and the over-deletion verdict in ``doc.metadata``.

    ``html=True`` treats ``doc.text`` as an HTML page (:meth:`Cleaner.explain_html`);
    ``whole_page=False`` says ``doc.text`` is already the article (an extractor's output
    earlier in the pipeline): block scoring is left out;
    ``options`` are those of :class:`cleantext.Cleaner` (``lang``, ``rules``, ``names``,
    ``builtin_names``, ``quotes``).
    """

    name = "🧽 cleantext"

    def __init__(self, *, html: bool = False, whole_page: bool = True, metadata_prefix: str = "cleantext_",
                 **options: Unpack[CleanerOptions]) -> None:
        super().__init__()
        self.html = html
        self.whole_page = whole_page
        self.metadata_prefix = metadata_prefix
        self.options = options
        self._cleaner: cleantext.Cleaner | None = None

    @property
    def cleaner(self) -> cleantext.Cleaner:
        """The Cleaner, built on first use in the process that runs the step."""
        if self._cleaner is None:
            self._cleaner = cleantext.Cleaner(**self.options)
        return self._cleaner

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_cleaner"] = None  # rebuilt from the options where the step runs
        return state

    def explain(self, text: str) -> cleantext.Result:
        if self.html:
            return self.cleaner.explain_html(text)
        return self.cleaner.explain(text, whole_page=self.whole_page)

    def format(self, text: str) -> str:
        return self.explain(text).text

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                result = self.explain(doc.text)
            counts = result.counts()
            reason = overdeletion(result)
            doc.text = result.text
            doc.metadata[f"{self.metadata_prefix}language"] = result.language
            doc.metadata[f"{self.metadata_prefix}counts"] = counts
            doc.metadata[f"{self.metadata_prefix}overdeleted"] = reason
            if reason:
                self.stat_update("overdeleted")
            for code, n in counts.items():
                self.stat_update(f"rule_{code}", value=n)
            yield doc


class OverdeletionFilter(BaseFilter):
    """Drops the documents that :class:`CleantextFormatter` found over-deleted.

    A document the formatter did not see is kept (and counted as ``not_cleaned``).
    """

    name = "🧽 cleantext over-deletion"

    def __init__(self, exclusion_writer: DiskWriter | None = None, metadata_prefix: str = "cleantext_") -> None:
        super().__init__(exclusion_writer)
        self.key = f"{metadata_prefix}overdeleted"

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        reason = doc.metadata.get(self.key)
        if reason is None:
            self.stat_update("not_cleaned")
            return True
        if not reason:
            return True
        return False, "cleantext_emptied" if reason == ALL_TEXT_REMOVED else "cleantext_overdeleted"
