"""The pipeline: small stages composed in a fixed order.

1. NF001 line breaks, NF003/NF004 repair and NFC, NF002 invisible characters,
   NF005 spaces, QT001/QT002 quotes, LY001 paragraph layout: the text is now
   canonical (one paragraph per line, one blank line between).
2. The language is detected (unless given) and the rule set for it chosen.
3. NM001/NM002 name tables.
4. Boilerplate stages, repeated until nothing changes (so that ``clean`` is
   idempotent): headline taglines, truncate-after markers, drop-line rules,
   strip-inline rules, the tag-list heuristic, block scoring.

:class:`Cleaner` builds and compiles everything once; ``clean`` runs the
stages on a :class:`~cleantext.edits.PlainDoc` (no bookkeeping), ``explain`` on
a :class:`~cleantext.edits.TracedDoc` and reports every change as an
:class:`~cleantext.edits.Edit` against the input.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from .lang.detect import detect_language
from .names.table import build_name_table
from .stages import normalize as nf
from .stages import rules as boilerplate
from .stages.blocks import BlockScorer
from .stages.packs import Pack, builtin_pack_paths, load_pack, merge_rules
from .stages.rules import RuleSet
from .stages.taglist import tag_list_changes
from .text.edits import PlainDoc, Result, TracedDoc

QUOTE_STYLES = ("ascii", "typographic", "keep")


class RuleTimeoutWarning(UserWarning):
    """A rule's pattern ran too long on a document and was skipped for it."""


_MAX_ROUNDS = 5
_REPAIR_ROUNDS = 3
MAX_REMOVED = 0.8


def overdelete_reason(words_in: int, words_out: int, max_removed: float = MAX_REMOVED) -> str:
    """Why a document counts as over-deleted ("" when it does not).

    The guard: cleaning that empties a document with words, or removes more
    than ``max_removed`` of its words, is flagged so no article vanishes silently.
    """
    if words_in == 0:
        return ""
    if words_out == 0:
        return "all text removed"
    removed = 1 - words_out / words_in
    return f"{removed:.0%} of words removed" if removed > max_removed else ""


def _paths(value: str | Path | Iterable[str | Path] | None) -> list[Path]:
    if value is None:
        return []
    if isinstance(value, (str, Path)):
        return [Path(value)]
    return [Path(v) for v in value]


def _require_text(text: object, what: str = "text") -> str:
    if not isinstance(text, str):
        raise TypeError(f"cleantext expects {what} as str, got {type(text).__name__}"
                        + (" (decode bytes first, or use clean_html for HTML bytes)"
                           if isinstance(text, (bytes, bytearray)) else ""))
    return text


class Cleaner:
    """A reusable cleaner: rule packs and name tables are loaded and compiled once.

    Options (the same names as the command's flags):

    * ``lang``: ISO 639-1 code, or None to detect per document;
    * ``names``: extra name-table files; ``builtin_names``: use the shipped tables;
    * ``rules``: extra rule-pack files (they add, replace or disable rules by id);
    * ``quotes``: ``"ascii"`` (default), ``"typographic"`` or ``"keep"``.
    """

    def __init__(self, *, lang: str | None = None,
                 names: str | Path | Sequence[str | Path] | None = None,
                 builtin_names: bool = True,
                 rules: str | Path | Sequence[str | Path] | None = None,
                 quotes: str = "ascii") -> None:
        if quotes not in QUOTE_STYLES:
            raise ValueError(f"quotes must be one of {', '.join(QUOTE_STYLES)}, got {quotes!r}")
        if lang is not None and (not isinstance(lang, str) or not lang.strip()):
            raise ValueError(f"lang must be a language code such as 'en', got {lang!r}")
        self.lang = lang.strip().lower() if lang else None
        self.quotes = quotes
        self._packs: list[Pack] = [load_pack(p) for p in builtin_pack_paths()]
        self._packs += [load_pack(p) for p in _paths(rules)]
        self._names = build_name_table(_paths(names), builtin=builtin_names)
        self._rulesets: dict[str | None, RuleSet] = {}
        self._scorers: dict[str | None, BlockScorer] = {}

    # -- configuration ----------------------------------------------------
    def ruleset(self, language: str | None) -> RuleSet:
        """The compiled rules for ``language`` (neutral packs plus that language's)."""
        rs = self._rulesets.get(language)
        if rs is None:
            packs = [p for p in self._packs if p.language in ("*", language)]
            rs = self._rulesets[language] = RuleSet(merge_rules(packs), language)
        return rs

    def block_scorer(self, language: str | None) -> BlockScorer:
        """The block scorer for ``language``; it asks that language's rules which lines
        are chrome phrases and comment-section markers."""
        scorer = self._scorers.get(language)
        if scorer is None:
            rs = self.ruleset(language)
            scorer = self._scorers[language] = BlockScorer(language, rs.is_chrome, rs.is_marker)
        return scorer

    @property
    def languages(self) -> list[str]:
        """Languages that have a rule pack."""
        return sorted({p.language for p in self._packs} - {"*"})

    # -- the pipeline -----------------------------------------------------
    def _normalize(self, doc, fast: bool) -> str | None:
        """Make the text canonical; returns the language (given, or detected once,
        before the quote stage, since typographic quotes follow the language).

        ftfy's verdict on a line can depend on the quotes around the mojibake,
        so the repair runs again on the text the later character stages leave,
        until it changes nothing (at most :data:`_REPAIR_ROUNDS` rounds): that
        keeps ``clean`` idempotent.
        """
        language = self.lang
        if fast:
            text = nf.fix_line_breaks(doc.text)
            for round_ in range(_REPAIR_ROUNDS):
                repaired = nf.repair(text)
                if round_ and repaired == text:
                    break
                # a repair can decode a line separator ("â€©" is U+2029): NF001 again
                text = nf.fix_characters(repaired)
                if round_ == 0 and language is None:
                    language = detect_language(text)
                text = nf.fix_quotes(text, self.quotes, language)
            doc.text = nf.layout(text)
            return language
        doc.apply(nf.line_break_changes(doc.text))
        for round_ in range(_REPAIR_ROUNDS):
            changes = nf.repair_changes(doc.text)
            if round_ and not changes:
                break
            doc.apply(changes)
            doc.apply(nf.line_break_changes(doc.text))
            doc.apply(nf.invisible_changes(doc.text))
            doc.apply(nf.space_changes(doc.text))
            if round_ == 0 and language is None:
                language = detect_language(doc.text)
            doc.apply(nf.quote_changes(doc.text, self.quotes, language))
        doc.apply(nf.layout_changes(doc.text))
        return language

    def _remove_boilerplate(self, doc, rs: RuleSet, scorer: BlockScorer, whole_page: bool = True) -> None:
        """Run the boilerplate stages in a cycle until none has anything left to do.

        Stages depend only on the text.  A stage must run again after another
        stage changed the text, except that a *line-local* stage (its verdict
        on a paragraph depends on that paragraph alone: drop-line, strip-inline)
        need not run again when the changes since its last run only removed
        whole paragraphs: every paragraph it would see, it has seen unchanged.
        A stage whose own changes only remove whole paragraphs and that is
        line-local is done after one run; the others are run once more to
        confirm.  The cycle is bounded by :data:`_MAX_ROUNDS` rounds.

        ``whole_page=False`` (the text is already the article, e.g. the DOM chose
        its container) leaves out block scoring, whose main-span search is for
        whole pages rendered to text; the phrase and heuristic rules still run.
        """
        # (stage, line_local, removes_whole_paragraphs_only)
        stages = ((rs.headline_changes, False, False),
                  (rs.truncate_changes, False, True),
                  (rs.drop_line_changes, True, True),
                  (rs.strip_inline_changes, True, False),
                  (tag_list_changes, False, True),
                  (scorer.changes, False, True))[: None if whole_page else -1]
        dirty = [True] * len(stages)
        for step in range(_MAX_ROUNDS * len(stages)):
            if not any(dirty):
                break
            k = step % len(stages)
            if not dirty[k]:
                continue
            stage, local, whole = stages[k]
            changes = stage(doc.text)
            dirty[k] = False
            if not changes:
                continue
            doc.apply(changes)
            for i, (_, other_local, _) in enumerate(stages):
                if i != k and (not other_local or not whole):
                    dirty[i] = True
            dirty[k] = not (local and whole)

    def _run(self, doc, whole_page: bool = True) -> tuple[str | None, list[str]]:
        """Run the pipeline on ``doc``; the language and notes on rules that timed out."""
        language = self._normalize(doc, fast=isinstance(doc, PlainDoc))
        # Names before boilerplate: the boilerplate stages then see the final
        # words, so a second clean sees the text they already settled on (a
        # longer canonical name can move a marker past a rule's min_position).
        doc.apply(self._names.changes(doc.text, language))
        boilerplate.begin_document()
        try:
            self._remove_boilerplate(doc, self.ruleset(language), self.block_scorer(language), whole_page)
        finally:
            notes = boilerplate.end_document()
        return language, notes

    def clean(self, text: str, *, whole_page: bool = True) -> str:
        """Canonical text of ``text`` (no trace kept).

        ``whole_page=False`` says the text is already the article (block
        scoring is left out).  A user rule whose pattern times out is skipped
        for the document and reported as a :class:`RuleTimeoutWarning`.
        """
        doc = PlainDoc(_require_text(text))
        _, notes = self._run(doc, whole_page)
        for note in notes:
            warnings.warn(note, RuleTimeoutWarning, stacklevel=2)
        return doc.text

    def explain(self, text: str, *, whole_page: bool = True) -> Result:
        """Canonical text, its language and every change, with spans into ``text``."""
        doc = TracedDoc(_require_text(text))
        language, notes = self._run(doc, whole_page)
        result = Result(doc.text, language, doc.edits(), flags=notes)
        reason = overdelete_reason(len(text.split()), len(doc.text.split()))
        if reason:
            result.flags.append(f"over-deleted: {reason}")
        return result

    def normalize_only(self, text: str) -> str:
        """Canonical text without boilerplate removal (formatting and names only)."""
        doc = PlainDoc(_require_text(text))
        language = self._normalize(doc, fast=True)
        doc.apply(self._names.changes(doc.text, language))
        return doc.text

    def clean_html(self, html: str | bytes) -> str:
        """Canonical text of an HTML page.

        When the DOM stage chose the article's container, block scoring is left
        out (the DOM already separated the article from the page furniture).
        """
        extraction = self.extract_html(html)
        return self.clean(extraction.text, whole_page=not extraction.article)

    def explain_html(self, html: str | bytes) -> Result:
        """``explain`` for an HTML page; spans refer to the page's extracted text.  What
        the DOM stage removed before the text existed (the root it kept, the chrome
        elements it pruned) is reported as a flag."""
        extraction = self.extract_html(html)
        result = self.explain(extraction.text, whole_page=not extraction.article)
        result.flags.insert(0, extraction.summary())
        return result

    @staticmethod
    def extract_html(html: str | bytes):
        """The article text of a page and how the DOM stage found it (an ``Extraction``)."""
        from .io.html import extract  # lxml is imported on the first page, not with the package

        return extract(html)


def _freeze(value):
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return value


@lru_cache(maxsize=16)
def _cached_cleaner(options: tuple) -> Cleaner:
    return Cleaner(**dict(options))


def cached_cleaner(options: dict) -> Cleaner:
    """The Cleaner for ``options``, built once per process and reused (keyed by the options)."""
    return _cached_cleaner(tuple(sorted((k, _freeze(v)) for k, v in options.items())))
