"""What the stages share while one document is cleaned, passed to them explicitly.

A :class:`Context` is made per document by the Cleaner and handed to every
boilerplate stage: the rules that timed out on this document (they are skipped
for the rest of it) and the notes that say so, and the document itself, whose
paragraphs are split once per text and kept on it.  Nothing about a document
outlives its context, and no two documents share one.

In corpus mode the context also carries the document's site template
(:class:`SiteTemplate`): block scoring counts its lines as chrome, and the
site-template stage removes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from .edits import Paragraphs, PlainDoc, RuleRef, TracedDoc, split_paragraphs


class SiteTemplate(Protocol):
    """The template of the document's site, as the stages see it."""

    ref: RuleRef  # the rule that reports a removal of a template line

    def evidence(self, line: str) -> str | None:
        """For a line of the template, the evidence ("seen on 47 of 50 pages of
        example.com"); None for any other line."""


@dataclass(slots=True)
class Context:
    """The per-document state of the stages."""

    doc: PlainDoc | TracedDoc | None = None
    skipped: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    site: SiteTemplate | None = None  # corpus mode: the site's template
    reports: list[str] = field(default_factory=list)  # notes for the trace only
    # the page's first line as the boilerplate stages first saw it (its title); later
    # rounds may have removed it from the text
    title: str | None = None
    # markers found to stand above the article (its headline below them) in an earlier
    # round, when the headline may since have gone as a repeated line
    markers_above: set[str] = field(default_factory=set)
    # block scoring's answers about the texts of sentences cut by links (joined lines),
    # which the page's next round asks about again and other pages rarely do
    joined: dict[str, Any] = field(default_factory=dict)
    # the slideshow stage found fewer lines that may be a slide's counter than a slideshow
    # holds: the boilerplate stages remove lines, join them or cut a phrase out of one, so a
    # later round has no more (a counter left by a cut phrase would be a miss, not a loss)
    no_slideshow: bool = False

    @property
    def traced(self) -> bool:
        """Are the details of the changes read: always, but for the fast document of
        ``clean`` (:class:`PlainDoc`), which records nothing, so the stages need not
        write them."""
        return not isinstance(self.doc, PlainDoc)

    def paragraphs(self, text: str) -> Paragraphs:
        """The paragraphs of ``text``: the document's own (split once per text) when
        ``text`` is the document's current text, else split now."""
        doc = self.doc
        if doc is not None and text is doc.text:
            return doc.paragraphs()
        return split_paragraphs(text)

    def skip(self, rule_id: str, note: str) -> None:
        """Skip rule ``rule_id`` for the rest of the document, and say why."""
        self.skipped.add(rule_id)
        self.notes.append(note)
