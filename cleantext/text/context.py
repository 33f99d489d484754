"""What the stages share while one document is cleaned, passed to them explicitly.

A :class:`Context` is made per document by the Cleaner and handed to every
boilerplate stage: the rules that timed out on this document (they are skipped
for the rest of it) and the notes that say so, and the document itself, whose
paragraphs are split once per text and kept on it.  Nothing about a document
outlives its context, and no two documents share one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .edits import Paragraphs, PlainDoc, TracedDoc, split_paragraphs


@dataclass(slots=True)
class Context:
    """The per-document state of the stages."""

    doc: PlainDoc | TracedDoc | None = None
    skipped: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)

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
