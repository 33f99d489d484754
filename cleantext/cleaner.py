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
stages on a :class:`~cleantext.text.edits.PlainDoc` (no bookkeeping), ``explain`` on
a :class:`~cleantext.text.edits.TracedDoc` and reports every change as an
:class:`~cleantext.text.edits.Edit` against the input.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from .lang.detect import detect_language
from .names.table import build_name_table
from .stages import normalize as nf
from .stages.blocks import BlockScorer
from .stages.packs import Pack, builtin_pack_paths, check_disable, load_pack, merge_rules
from .stages.pipeline import BOILERPLATE, Tools
from .stages.rules import RuleSet
from .text.context import Context
from .text.edits import PlainDoc, Result, TracedDoc

QUOTE_STYLES = ("ascii", "typographic", "keep")


class RuleTimeoutWarning(UserWarning):
    """A rule's pattern ran too long on a document and was skipped for it."""


_MAX_ROUNDS = 5
_REPAIR_ROUNDS = 3
MAX_REMOVED = 0.8  # share of a document's words above which cleaning counts as over-deletion
_ARTICLE_STAGES = tuple(s for s in BOILERPLATE if not s.whole_page)


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
        check_disable(self._packs)
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

    def _remove_boilerplate(self, doc, ctx: Context, tools: Tools, whole_page: bool = True) -> None:
        """Run the :data:`~cleantext.stages.pipeline.BOILERPLATE` stages in a cycle
        until none has anything left to do.

        Stages depend only on the text.  A stage must run again after another
        stage changed the text, except that a *line-local* stage (its verdict
        on a paragraph depends on that paragraph alone: drop-line, strip-inline)
        need not run again when the changes since its last run only removed
        whole paragraphs: every paragraph it would see, it has seen unchanged.
        A stage whose own changes only remove whole paragraphs and that is
        line-local is done after one run; the others are run once more to
        confirm.  The cycle is bounded by :data:`_MAX_ROUNDS` rounds.

        ``whole_page=False`` (the text is already the article, e.g. the DOM chose
        its container) leaves out the whole-page stages (block scoring, whose
        main-span search is for whole pages rendered to text); the phrase and
        heuristic rules still run.
        """
        stages = BOILERPLATE if whole_page else _ARTICLE_STAGES
        dirty = [True] * len(stages)
        for step in range(_MAX_ROUNDS * len(stages)):
            if not any(dirty):
                break
            k = step % len(stages)
            if not dirty[k]:
                continue
            stage = stages[k]
            changes = stage.run(tools, doc.text, ctx)
            dirty[k] = False
            if not changes:
                continue
            doc.apply(changes)
            for i, other in enumerate(stages):
                if i != k and (not other.line_local or not stage.whole_paragraphs):
                    dirty[i] = True
            dirty[k] = not (stage.line_local and stage.whole_paragraphs)

    def _run(self, doc, ctx: Context, whole_page: bool = True) -> str | None:
        """Run the pipeline on ``doc``; the language.  Rules that time out are noted in ``ctx``."""
        language = self._normalize(doc, fast=isinstance(doc, PlainDoc))
        # Names before boilerplate: the boilerplate stages then see the final
        # words, so a second clean sees the text they already settled on (a
        # longer canonical name can move a marker past a rule's min_position).
        doc.apply(self._names.changes(doc.text, language))
        tools = Tools(self.ruleset(language), self.block_scorer(language))
        self._remove_boilerplate(doc, ctx, tools, whole_page)
        return language

    def process(self, raw: str | bytes, *, html: bool = False, trace: bool = False,
                whole_page: bool = True, max_removed: float = MAX_REMOVED) -> Result:
        """The one way through the cleaner: every entry point (``clean``, ``explain``,
        their HTML forms, the batch runner, the command and the dask engine) calls it.

        ``html=True``: ``raw`` is a page (str or bytes); the DOM stage extracts its
        article first (``Result.extraction``), and when it chose the article's
        container the whole-page stages are left out.  Otherwise ``raw`` is text,
        and ``whole_page=False`` says it is already the article.

        ``trace=True`` records every change (``Result.changes``) and puts in
        ``Result.flags`` what the DOM stage did, the rules that timed out and
        the over-deletion verdict; without it no change is recorded and the flags
        are the notes on rules that timed out.  ``Result.overdeleted`` is the
        verdict either way (see :func:`overdelete_reason`).
        """
        extraction = None
        if html:
            extraction = self.extract_html(raw)
            text, whole_page = extraction.text, not extraction.article
        else:
            text = _require_text(raw)
        doc = TracedDoc(text) if trace else PlainDoc(text)
        ctx = Context(doc)
        language = self._run(doc, ctx, whole_page)
        words_in, words_out = len(text.split()), len(doc.text.split())
        reason = overdelete_reason(words_in, words_out, max_removed)
        if not trace:
            return Result(doc.text, language, flags=ctx.notes, extraction=extraction,
                          overdeleted=reason, words_in=words_in, words_out=words_out)
        flags = [extraction.summary()] if extraction is not None else []
        flags += ctx.notes
        if reason:
            flags.append(f"over-deleted: {reason}")
        return Result(doc.text, language, doc.edits(), flags, extraction=extraction,
                      overdeleted=reason, words_in=words_in, words_out=words_out)

    def clean(self, text: str, *, whole_page: bool = True) -> str:
        """Canonical text of ``text`` (no trace kept).

        ``whole_page=False`` says the text is already the article (block
        scoring is left out).  A user rule whose pattern times out is skipped
        for the document and reported as a :class:`RuleTimeoutWarning`.
        """
        result = self.process(text, whole_page=whole_page)
        for note in result.flags:
            warnings.warn(note, RuleTimeoutWarning, stacklevel=2)
        return result.text

    def explain(self, text: str, *, whole_page: bool = True) -> Result:
        """Canonical text, its language and every change, with spans into ``text``."""
        return self.process(text, trace=True, whole_page=whole_page)

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
        result = self.process(html, html=True)
        for note in result.flags:
            warnings.warn(note, RuleTimeoutWarning, stacklevel=2)
        return result.text

    def explain_html(self, html: str | bytes) -> Result:
        """``explain`` for an HTML page; spans refer to the page's extracted text.  What
        the DOM stage removed before the text existed (the root it kept, the chrome
        elements it pruned) is reported as a flag."""
        return self.process(html, html=True, trace=True)

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
