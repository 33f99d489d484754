"""The pipeline: small stages composed in a fixed order.

1. NF001 line breaks, NF006 terminal escapes, NF003/NF004 repair and NFC, NF002 invisible characters,
   NF005 spaces, QT001/QT002 quotes, LY002 hard-wrapped lines, LY003 punctuation lines, LY001
   paragraph layout: the text is now canonical (one paragraph per line, one blank line between).
2. The language is detected (unless given) and the rule set for it chosen.
3. NM001/NM002 name tables.
4. Boilerplate stages, repeated until nothing changes (so that ``clean`` is
   idempotent): headline taglines, truncate-after markers, block scoring (on
   a whole page; before the drop-line rules, so the pack phrases it counts as
   chrome are still there to count), drop-line rules, strip-inline rules, the
   tag-list heuristic, and in corpus mode the site's template (SP001; block
   scoring counts it as chrome).

:class:`Cleaner` builds and compiles everything once; ``clean`` runs the
stages on a :class:`~cleantext.text.edits.PlainDoc` (no bookkeeping), ``explain`` on
a :class:`~cleantext.text.edits.TracedDoc` and reports every change as an
:class:`~cleantext.text.edits.Edit` against the input.
"""

from __future__ import annotations

import logging
import os
import time
import warnings
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Literal, Mapping, Sequence, TypedDict, Unpack, cast

from ftfy import TextFixerConfig

from .corpus.profile import SiteProfile, load_profiles
from .lang.detect import (CANDIDATES, _detector_factory, language_of_sample, other_script_language,
                          same_reading, sample)
from .lang.detect import profiles as stopword_profiles
from .names.table import NameTable, build_name_table, english_overrules
from .stages import normalize as nf
from .stages.blocks import BlockScorer
from .stages.linkcuts import join_link_cuts, link_cut_changes
from .stages.packs import Pack, check_disable, load_builtin_packs, load_pack, merge_rules
from .stages.pipeline import BOILERPLATE, Tools
from .stages.rules import RuleSet
from .text.context import Context
from .text.edits import PlainDoc, Result, TracedDoc
from .text.paragraphs import count_words

if TYPE_CHECKING:
    from .io.html import Extraction

QuoteStyle = Literal["ascii", "typographic", "keep"]
"""The ``quotes`` option: ASCII quotes, the language's typographic quotes, or as written."""
QUOTE_STYLES: tuple[QuoteStyle, ...] = ("ascii", "typographic", "keep")

Files = str | Path | Sequence[str | Path]
"""One file (or folder) or several, as the ``names``, ``rules`` and ``profiles`` options take them."""
Profiles = str | Path | Iterable[str | Path] | Mapping[str, SiteProfile]
"""The ``profiles`` option: a folder or files of TOML packs, or profiles by site."""


class CleanerOptions(TypedDict, total=False):
    """The keyword options of :class:`Cleaner` (and of ``cleantext.clean`` and friends)."""

    lang: str | None
    names: Files | None
    builtin_names: bool
    rules: Files | None
    quotes: QuoteStyle
    ftfy: TextFixerConfig | dict[str, Any] | None
    profiles: Profiles | None
log = logging.getLogger("cleantext")


class RuleTimeoutWarning(UserWarning):
    """A rule's pattern ran too long on a document and was skipped for it."""


_MAX_ROUNDS = 5
_REPAIR_ROUNDS = 3
MAX_REMOVED = 0.8  # share of a document's words above which cleaning counts as over-deletion
_ARTICLE_STAGES = tuple(s for s in BOILERPLATE if not s.whole_page)
# Typographic quotes are applied until they map to themselves (a nested English
# quote written ‘ can read as an apostrophe the second time; a run of quotes that
# read alike, as in Swedish, settles one quote a round): at most this often.
_QUOTE_ROUNDS = 8
# A detected language is read again on the output, which is cleaned again when it reads
# as another language: at most this often.
_LANGUAGE_ROUNDS = 3


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


def _name_table(paths: list[Path], builtin: bool) -> NameTable:
    """The compiled name tables; the romanizations of their native forms (a pure
    function of the forms and of the transliteration code) come from the user cache
    (:mod:`cleantext.cache`) when an earlier run stored them."""
    from . import cache
    from .names import translit

    key = cache.fingerprint([cache.source_of(translit.__file__),
                             *cache.module_parts("iuliia", "translitua")])
    known = cache.load("romanizations", key)
    known = known if isinstance(known, dict) else {}
    translit.use_known(known)
    try:
        table = build_name_table(paths, builtin=builtin)
    finally:
        computed = translit.use_known(None)
    if computed:
        cache.save("romanizations", key, {**known, **computed})
    return table


class Cleaner:
    """A reusable cleaner: rule packs and name tables are loaded and compiled once.

    Options (the same names as the command's flags):

    * ``lang``: ISO 639-1 code, or None to detect per document;
    * ``names``: extra name-table files; ``builtin_names``: use the shipped tables;
    * ``rules``: extra rule-pack files (they add, replace or disable rules by id);
    * ``quotes``: ``"ascii"`` (default), ``"typographic"`` or ``"keep"``;
    * ``ftfy``: the mojibake repair's ``ftfy.TextFixerConfig`` (or a dict of its
      fields over the defaults, :data:`cleantext.stages.normalize.DEFAULT_FTFY`,
      which never change the meaning of text: full-width forms, quotes, HTML
      entities and line breaks are left to ftfy's callers);
    * ``profiles``: site templates (a folder of TOML packs, or what
      :func:`cleantext.learn_sites` returns); ``clean(text, site=...)`` then
      counts that site's template as chrome in block scoring and removes it (SP001).
    """

    def __init__(self, *, lang: str | None = None,
                 names: Files | None = None,
                 builtin_names: bool = True,
                 rules: Files | None = None,
                 quotes: QuoteStyle = "ascii",
                 ftfy: TextFixerConfig | dict[str, Any] | None = None,
                 profiles: Profiles | None = None) -> None:
        if quotes not in QUOTE_STYLES:
            raise ValueError(f"quotes must be one of {', '.join(QUOTE_STYLES)}, got {quotes!r}")
        if lang is not None and (not isinstance(lang, str) or not lang.strip()):
            raise ValueError(f"lang must be a language code such as 'en', got {lang!r}")
        self.lang = lang.strip().lower() if lang else None
        self.quotes = quotes
        rule_paths, name_paths = _paths(rules), _paths(names)
        # Every option of __init__, as given (files as absolute paths): a Cleaner pickles as
        # these and is rebuilt from them (see __reduce__), never as its compiled state.
        self._options = CleanerOptions(lang=lang, names=[os.path.abspath(p) for p in name_paths],
                                   builtin_names=builtin_names,
                                   rules=[os.path.abspath(p) for p in rule_paths], quotes=quotes,
                                   ftfy=ftfy, profiles=profiles)
        self.ftfy = nf.ftfy_config(ftfy)
        self._packs: list[Pack] = load_builtin_packs()
        self._packs += [load_pack(p) for p in rule_paths]
        check_disable(self._packs)
        self._names = _name_table(name_paths, builtin_names)
        self._rulesets: dict[str | None, RuleSet] = {}
        self._scorers: dict[str | None, BlockScorer] = {}
        self._pack_languages = frozenset(p.language for p in self._packs)
        self.profiles = load_profiles(profiles)  # site templates (corpus mode)
        # What the first document would otherwise load: the rules of the given
        # language, or the stopword profiles of the Latin script for detection.
        if self.lang is not None:
            self.block_scorer(self.lang)
        else:
            stopword_profiles("Latin")

    def warm(self) -> "Cleaner":
        """Load now everything a document may need later: the stopword profiles of
        every script, langdetect's profiles, and the rules (their patterns compiled)
        and block scorer of every language with a pack (and of text in no known
        language).  Returns ``self``."""
        for script in CANDIDATES:
            stopword_profiles(script)
        _detector_factory()
        for language in (None, *self.languages):
            self.block_scorer(language)
            self.ruleset(language).compile()
        return self

    # -- pickling -----------------------------------------------------------
    @property
    def options(self) -> CleanerOptions:
        """The options this Cleaner was built with (rule and name files as absolute paths)."""
        return self._options.copy()

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by the options; the receiving process rebuilds (and compiles) the
        Cleaner from them, once per process for equal options.  Rule and name files
        are read again there."""
        return (_rebuild, (type(self), self._options))

    # -- configuration ----------------------------------------------------
    def _dropped_anywhere(self, line: str) -> bool:
        """Does a drop-line rule of any pack remove all of ``line`` (the rules of text in no
        known language: the neutral packs and every language's drop-line rules)?  Asked
        before the language is known (LY004's test of a label between two pieces)."""
        return self.ruleset(None).is_dropped(line)

    def ruleset(self, language: str | None) -> RuleSet:
        """The compiled rules for ``language``: the neutral packs and that language's, then
        the drop-line rules of the other languages' packs (and their related-section
        markers, which only drop a box of teasers).  Every language without a pack of its
        own has the same rules, those of text in no known language (built once, by
        :meth:`warm`)."""
        if language is not None and language not in self._pack_languages:
            language = None
        rs = self._rulesets.get(language)
        if rs is None:
            packs = [p for p in self._packs if p.language in ("*", language)]
            rules = merge_rules(packs)
            # A line that is wholly another language's chrome phrase is page furniture on
            # this page too (an English consent banner on a Chinese page): the drop-line
            # rules of the other languages' packs come after this language's own.
            own = {r.id for r in rules}
            others = [r for p in self._packs if p.language not in ("*", language) for r in p.rules]
            foreign = {r.id for r in others if r.kind == "drop-line"}
            # Their related-section markers drop a box of teasers (never cut the text).
            boxes = {r.id for r in others
                     if r.kind == "truncate-after" and r.name.startswith("related")}
            merged = [r for r in merge_rules(self._packs) if r.id not in own]
            rules += [r for r in merged if r.id in foreign]
            rs = self._rulesets[language] = RuleSet(
                rules, language, [r for r in merged if r.id in boxes])
        return rs

    def block_scorer(self, language: str | None) -> BlockScorer:
        """The block scorer for ``language``; it asks that language's rules which lines
        are chrome phrases and comment-section markers."""
        scorer = self._scorers.get(language)
        if scorer is None:
            rs = self.ruleset(language)
            scorer = self._scorers[language] = BlockScorer(
                language, rs.is_chrome, rs.is_marker, rs.is_comment_line, rs.is_dropped)
        return scorer

    @property
    def languages(self) -> list[str]:
        """Languages that have a rule pack."""
        return sorted(self._pack_languages - {"*"})

    # -- the pipeline -----------------------------------------------------
    def _normalize(self, doc: PlainDoc | TracedDoc, fast: bool, language: str | None = None,
                   whole_page: bool = False) -> tuple[str | None, str | None]:
        """Make the text canonical; returns the language (given, or detected once,
        before the quote stage, since typographic quotes follow the language) and the
        sample it was detected on (None when it was given).

        ftfy's verdict on a line can depend on the quotes around the mojibake,
        so the repair runs again on the text the later character stages leave,
        until it changes nothing (at most :data:`_REPAIR_ROUNDS` rounds): that
        keeps ``clean`` idempotent.  Typographic quotes are likewise applied
        until they change nothing (at most :data:`_QUOTE_ROUNDS` times).

        ``whole_page``: the text is a whole page rendered to text, whose sentences a
        scraper cut at their links (LY004 joins them before the language is sampled).
        """
        language, chunk = language or self.lang, None
        if fast:
            text = nf.remove_terminal_escapes(nf.fix_line_breaks(doc.text))
            if whole_page:
                text = join_link_cuts(text, self._dropped_anywhere)
            for round_ in range(_REPAIR_ROUNDS):
                repaired = nf.repair(text, self.ftfy)
                if round_ and repaired == text:
                    break
                # a repair can decode a line separator ("â€©" is U+2029): NF001 again
                text = nf.fix_characters(repaired)
                if round_ == 0 and language is None:
                    chunk = sample(text)
                    language = language_of_sample(chunk)
                for _ in range(_QUOTE_ROUNDS if self.quotes == "typographic" else 1):
                    quoted = nf.fix_quotes(text, self.quotes, language)
                    text, changed = quoted, quoted != text
                    if not changed:
                        break
            doc.text = nf.layout(nf.join_punctuation_lines(nf.unwrap(text)))
            return language, chunk
        doc.apply(nf.line_break_changes(doc.text))
        doc.apply(nf.terminal_escape_changes(doc.text))
        if whole_page:
            doc.apply(link_cut_changes(doc.text, self._dropped_anywhere))
        for round_ in range(_REPAIR_ROUNDS):
            changes = nf.repair_changes(doc.text, self.ftfy)
            if round_ and not changes:
                break
            doc.apply(changes)
            doc.apply(nf.line_break_changes(doc.text))
            doc.apply(nf.invisible_changes(doc.text))
            doc.apply(nf.space_changes(doc.text))
            if round_ == 0 and language is None:
                chunk = sample(doc.text)
                language = language_of_sample(chunk)
            for _ in range(_QUOTE_ROUNDS if self.quotes == "typographic" else 1):
                changes = nf.quote_changes(doc.text, self.quotes, language)
                if not changes:
                    break
                doc.apply(changes)
        doc.apply(nf.unwrap_changes(doc.text))
        doc.apply(nf.punctuation_line_changes(doc.text))
        doc.apply(nf.layout_changes(doc.text))
        return language, chunk

    def _remove_boilerplate(self, doc: PlainDoc | TracedDoc, ctx: Context, tools: Tools, whole_page: bool = True) -> None:
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
        debug = log.isEnabledFor(logging.DEBUG)
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
            if debug:
                log.debug("stage %s: %d change(s)", stage.name, len(changes))
            if not changes:
                continue
            doc.apply(changes)
            for i, other in enumerate(stages):
                if i != k and (not other.line_local or not stage.whole_paragraphs):
                    dirty[i] = True
            dirty[k] = not (stage.line_local and stage.whole_paragraphs)

    def _run(self, doc: PlainDoc | TracedDoc, ctx: Context, whole_page: bool = True, site: str | None = None) -> str | None:
        """Run the pipeline on ``doc``; the language.  Rules that time out are noted in ``ctx``;
        with ``site``, the site's template (if a profile has it) goes in ``ctx.site``.

        When the language is detected, the output must read as the language it was
        cleaned in, or a second clean would clean it again in another language (a
        page whose removed chrome tipped the sample).  So when the output's sample
        differs from the one the language was read on and names another language,
        the page is cleaned again from its start in that language (chrome in another
        language outweighed the article in the sample, and the stopwords of the wrong
        language may have removed the article): kept when its output reads as that
        language, whose clean it then is (the restart's notes replace the first pass's).
        An output that reads as no language after the page was emptied (the over-deletion
        verdict) is tried so too, in the language of the page's lines in another script than
        its sample's (:func:`~cleantext.lang.detect.other_script_language`): English chrome
        lines, longer in characters than a Chinese article's, can fill the sample, and
        English stopwords find no prose in Chinese.
        The names step's reading of the sample counts too (a short text in another language
        whose English stopwords outnumber its own gets English names,
        :func:`~cleantext.names.table.english_overrules`): an output whose sample reads as
        the same language but the other way for the names is cleaned again.
        Otherwise the output is cleaned again as that second clean would clean it (a
        fresh context, the language it reads as), at most :data:`_LANGUAGE_ROUNDS` times."""
        start, page = doc.snapshot(), doc.text
        language, chunk = self._pass(doc, ctx, whole_page, site)
        restarted = False
        for _ in range(_LANGUAGE_ROUNDS):
            if chunk is None:
                break  # the language was given
            again = sample(doc.text)
            if same_reading(again, chunk):
                break
            other = language_of_sample(again)
            if other == language:
                if english_overrules(again, language) == english_overrules(chunk, language):
                    break
                # the names read the output's sample otherwise (a removed line tipped the
                # page's to English or back): its second clean follows, below
            elif other is None and not restarted and overdelete_reason(
                    count_words(page), count_words(doc.text), MAX_REMOVED):
                # the page emptied, its output no language: chrome in another script than
                # the article's filled the sample; try the language of the other script's lines
                other = other_script_language(page, chunk)
                if other == language:
                    other = None
            if other is not None and other != language and not restarted:
                restarted = True
                first = doc.snapshot()
                doc.restore(start)
                fresh = Context(doc)
                # the names read as the output's sample (which chose the language) reads
                self._pass(doc, fresh, whole_page, site, other, again)
                out = sample(doc.text)
                if language_of_sample(out) == other and (english_overrules(out, other)
                                                         == english_overrules(again, other)):
                    ctx.skipped |= fresh.skipped
                    ctx.notes, ctx.reports = fresh.notes, fresh.reports
                    language = other
                    break
                doc.restore(first)
            fresh = Context(doc)
            language, chunk = self._pass(doc, fresh, whole_page, site)
            ctx.skipped |= fresh.skipped
            ctx.notes += fresh.notes
            ctx.reports += fresh.reports
        return language

    def _pass(self, doc: PlainDoc | TracedDoc, ctx: Context, whole_page: bool, site: str | None,
              language: str | None = None, evidence: str | None = None
              ) -> tuple[str | None, str | None]:
        """One run of every stage on ``doc`` (in ``language`` when it is given, else in the
        Cleaner's): the language and the sample it was read on (None: it was given).  The
        names step reads its language on that sample, else on ``evidence`` (the sample that
        chose a given ``language``), else on the text."""
        debug = log.isEnabledFor(logging.DEBUG)
        if debug:
            started = time.perf_counter()
        language, chunk = self._normalize(doc, fast=isinstance(doc, PlainDoc), language=language,
                                          whole_page=whole_page)
        if debug:
            log.debug("stage normalize: %.1f ms, language %s",
                      1000 * (time.perf_counter() - started), language or "unknown")
        # Names before boilerplate: the boilerplate stages then see the final
        # words, so a second clean sees the text they already settled on (a
        # longer canonical name can move a marker past a rule's min_position).
        names = self._names.changes(doc.text, language,
                                    evidence=evidence if chunk is None else chunk)
        if debug:
            log.debug("stage names: %d change(s)", len(names))
        doc.apply(names)
        profile = self.profiles.get(site) if site is not None else None
        if profile is not None:
            ctx.site, notes = profile.for_page(doc.text, language)
            ctx.reports += notes
        tools = Tools(self.ruleset(language), self.block_scorer(language))
        self._remove_boilerplate(doc, ctx, tools, whole_page)
        return language, chunk

    def process(self, raw: str | bytes, *, html: bool = False, trace: bool = False,
                whole_page: bool = True, max_removed: float = MAX_REMOVED,
                site: str | None = None) -> Result:
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

        ``site`` names the document's site in corpus mode: when the cleaner has its
        profile, block scoring counts the site's template lines as chrome and SP001
        removes them (what the article guard kept is reported in the trace's flags).
        """
        extraction = None
        if html:
            extraction = self.extract_html(raw)
            text, whole_page = extraction.text, not extraction.article
            log.debug("stage html: %s", extraction.summary())
        else:
            text = _require_text(raw)
        doc: PlainDoc | TracedDoc = TracedDoc(text) if trace else PlainDoc(text)
        ctx = Context(doc)
        language = self._run(doc, ctx, whole_page, site)
        words_in, words_out = count_words(text), count_words(doc.text)
        if extraction is not None and extraction.article and words_in and not words_out:
            extraction, doc, ctx, language = self._choose_again(raw, extraction, trace, site)
            words_in, words_out = count_words(extraction.text), count_words(doc.text)
        reason = overdelete_reason(words_in, words_out, max_removed)
        if not isinstance(doc, TracedDoc):  # not ``trace``
            return Result(doc.text, language, flags=ctx.notes, extraction=extraction,
                          overdeleted=reason, words_in=words_in, words_out=words_out)
        flags = [extraction.summary()] if extraction is not None else []
        flags += ctx.notes + ctx.reports
        if reason:
            flags.append(f"over-deleted: {reason}")
        return Result(doc.text, language, doc.edits(), flags, extraction=extraction,
                      overdeleted=reason, words_in=words_in, words_out=words_out)

    def _choose_again(self, raw: str | bytes, chosen: Extraction, trace: bool, site: str | None
                      ) -> tuple[Extraction, PlainDoc | TracedDoc, Context, str | None]:
        """The page cleaned again when the container the DOM stage chose (``chosen``) held
        only what the rules remove (a consent panel or a comment form without class
        names): without that container, the DOM stage's next choice; when that too comes
        out empty, block scoring on the page's whole text (the text track's opinion)."""
        from .io.html import extract, extract_whole_page

        def candidates() -> Iterator[Extraction]:
            if chosen.paths:
                again = extract(raw, without=chosen.paths)
                if again.text:
                    again.replaced = chosen.root
                    yield again
            yield extract_whole_page(raw, chosen.root)

        for extraction in candidates():
            doc: PlainDoc | TracedDoc = TracedDoc(extraction.text) if trace else PlainDoc(extraction.text)
            ctx = Context(doc)
            language = self._run(doc, ctx, not extraction.article, site)
            if count_words(doc.text):
                break
        return extraction, doc, ctx, language

    def clean(self, text: str, *, whole_page: bool = True, site: str | None = None) -> str:
        """Canonical text of ``text`` (no trace kept).

        ``whole_page=False`` says the text is already the article (block
        scoring is left out).  A user rule whose pattern times out is skipped
        for the document and reported as a :class:`RuleTimeoutWarning`.
        """
        result = self.process(text, whole_page=whole_page, site=site)
        for note in result.flags:
            warnings.warn(note, RuleTimeoutWarning, stacklevel=2)
        return result.text

    def explain(self, text: str, *, whole_page: bool = True, site: str | None = None) -> Result:
        """Canonical text, its language and every change, with spans into ``text``."""
        return self.process(text, trace=True, whole_page=whole_page, site=site)

    def normalize_only(self, text: str) -> str:
        """Canonical text without boilerplate removal (formatting and names only)."""
        doc = PlainDoc(_require_text(text))
        language, _ = self._normalize(doc, fast=True)
        doc.apply(self._names.changes(doc.text, language))
        return doc.text

    def clean_html(self, html: str | bytes, *, site: str | None = None) -> str:
        """Canonical text of an HTML page.

        When the DOM stage chose the article's container, block scoring is left
        out (the DOM already separated the article from the page furniture).
        """
        result = self.process(html, html=True, site=site)
        for note in result.flags:
            warnings.warn(note, RuleTimeoutWarning, stacklevel=2)
        return result.text

    def explain_html(self, html: str | bytes, *, site: str | None = None) -> Result:
        """``explain`` for an HTML page; spans refer to the page's extracted text.  What
        the DOM stage removed before the text existed (the root it kept, the chrome
        elements it pruned) is reported as a flag."""
        return self.process(html, html=True, trace=True, site=site)

    @staticmethod
    def extract_html(html: str | bytes) -> Extraction:
        """The article text of a page and how the DOM stage found it (an ``Extraction``)."""
        from .io.html import extract  # lxml is imported on the first page, not with the package

        return extract(html)


def _rebuild(cls: type[Cleaner], options: CleanerOptions) -> Cleaner:
    """A Cleaner from pickled options (shared per process for the plain class)."""
    if cls is Cleaner:
        try:
            return cached_cleaner(options)
        except TypeError:  # options that cannot be a cache key (learned profiles)
            pass
    return cls(**options)


def _freeze(value: object) -> object:
    if isinstance(value, TextFixerConfig):
        return value
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return value


@lru_cache(maxsize=16)
def _cached_cleaner(options: tuple[tuple[str, object], ...]) -> Cleaner:
    # the options of a CleanerOptions, frozen by _freeze into values the Cleaner accepts
    return Cleaner(**cast(CleanerOptions, dict(options)))


def cached_cleaner(options: Mapping[str, object]) -> Cleaner:
    """The Cleaner for ``options``, built once per process and reused (keyed by the options)."""
    return _cached_cleaner(tuple(sorted((k, _freeze(v)) for k, v in options.items())))


def clean_with(options: Mapping[str, object], text: Any, *, html: bool = False,
               whole_page: bool = True) -> str:
    """``text`` cleaned by the cached Cleaner of ``options``: a page with ``html``, else
    text (``whole_page=False``: already the article).  What the adapters and the dask
    workers call for each value."""
    cleaner = cached_cleaner(options)
    return cleaner.clean_html(text) if html else cleaner.clean(text, whole_page=whole_page)
