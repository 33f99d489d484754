"""The declarative rule kinds, applied to canonical text (one paragraph per line).

* ``drop-line``: a paragraph that is entirely a known chrome phrase or pattern
  is removed ("Comments", "Hot Topics", "Also Read: ...").
* ``truncate-after``: a comment-section or related-links marker in the last
  part of the document (at or after ``min_position`` of its length, from its start
  and from its first prose paragraph: a long menu does not make a marker late)
  starts the site's tail; the marker and everything after it are removed -- unless
  the article is below it (a run of prose after it outweighs all the prose before
  it), or prose follows it at once (an in-body "Read also" box: the marker, and
  a related marker's teaser title, are dropped as lines).  A related marker written
  as a label ("Read also:") before its link's title and then prose is such a
  teaser wherever it stands.  A comment marker
  after some prose that a thread of comments follows (names with timestamps,
  "... said:", reply buttons: :func:`~.markers.comment_thread`) starts the
  comments wherever it stands and however much the thread weighs.
* ``strip-inline``: a span inside a paragraph is removed (a dangling
  attribution stub); a paragraph left empty is removed whole.
* ``headline``: the first paragraph, when it reads as a headline, loses the site
  or section tagline after a separator such as `` | ``.

All rules of one kind are compiled into one pattern (one named group per rule)
when a :class:`RuleSet` is built, and matched in one pass over the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import Any, NamedTuple

import regex

from ..text.edits import Change, RuleRef
from ..text.context import Context
from ..text.paragraphs import Paragraph, Paragraphs, count_words, paragraphs, removal_changes
from ..text.words import word_count
from .markers import (DURATION_RE, PROSE_WORDS, SENTENCE_END, THREAD_WINDOW, article_below,
                      comment_thread, headline_test, is_prose)
from .blocks import (BYLINE_WORDS, TEASER_PAIRS, TEASER_TITLE_MAX, TEASER_TITLE_WORDS, TEASER_WORDS,
                     block_bounds)
from .packs import KINDS, Rule, builtin_pack_paths
from .prefilter import Prefilter


def _word_count(s: str) -> int:
    return count_words(s)  # len(s.split()) without a list of every word of a long line


TABLE_CELL_WORDS = 3  # a cell this short, in rows of the same shape, is a table's


def _table_row(line: str, following: str = "") -> bool:
    """A first line that is a table row holds data, not a headline with a tagline:
    ``| a | b |``, or three or more short ``|``-separated cells when the next
    paragraph has as many cells (a table goes on; "Live updates | World | Example
    News" alone is a headline with its section and site)."""
    s = line.strip()
    if len(s) > 1 and s[0] == "|" and s[-1] == "|":
        return True
    cells = s.split("|")
    return (len(cells) >= 3 and max(_word_count(c) for c in cells) <= TABLE_CELL_WORDS
            and following.count("|") == s.count("|"))


# A pattern call that runs longer than this (a catastrophic user pattern such as
# ``(a+)+$``) is stopped; the rule is skipped for the rest of the document.
RULE_TIMEOUT = 0.5
# A built-in rule (from a shipped pack, vetted by tests/test_rule_patterns.py against
# adversarial lines of this length) matches a line up to this long without the
# timeout's bookkeeping (about a microsecond a call, more than most calls take);
# user rules, and longer lines, keep the timeout.
TRUSTED_LENGTH = 2000
_UNKNOWN: Any = object()  # a sentinel for the memo, compared by identity
_MEMO_SIZE = 100_000  # distinct lines remembered per matcher
_SUBSET_CACHE = 256  # patterns of rule subsets kept per matcher


@lru_cache(maxsize=1)
def _builtin_sources() -> frozenset[str]:
    """The files of the shipped packs, as a rule names its source."""
    return frozenset(str(p) for p in builtin_pack_paths())


def is_builtin(rule: Rule) -> bool:
    """Does ``rule`` come from a shipped pack (not a user's file, even one that
    overrides a shipped rule's id)?"""
    return rule.source in _builtin_sources()


def _time_out(rule: Rule, ctx: Context) -> None:
    ctx.skip(rule.id, f"rule {rule.id} ({rule.source}) timed out after {RULE_TIMEOUT}s "
                      f"and was skipped for this document")


_OWN_GROUPS = regex.compile(r"\\[1-9]|\\g<|\(\?P[<=>]|\(\?<[A-Za-z_]|\(\?&|\(\?R\)|\(\?[0-9]")


def _own_groups(rule: Rule) -> bool:
    """Does a pattern of ``rule`` use backreferences or named groups (which joining
    the rule with others into one pattern would break)?"""
    return any(_OWN_GROUPS.search(p) for p in rule.patterns)


def _leftmost(found: list[tuple[int, int, int, Rule]]) -> list[tuple[Rule, int, int]]:
    """Leftmost non-overlapping ``(start, order, end, rule)`` matches, earlier rules first."""
    out, pos = [], 0
    for start, _, end, rule in sorted(found, key=lambda f: (f[0], f[1])):
        if start >= pos:
            out.append((rule, start, end))
            pos = max(end, start + 1)
    return out


class _Compiled:
    """All rules of one kind in one pattern (a named group per rule, so a match names
    its rule), with a per-rule fallback when a call times out.

    A literal prefilter (:mod:`cleantext.stages.prefilter`) comes first: only the
    rules whose required literals occur in a text are asked about it, and
    patterns are compiled on first use (or all at once by :meth:`compile`, which
    ``Cleaner.warm`` calls)."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = {r.id: r for r in rules}
        self._pattern: regex.Pattern[str] | None = None
        self._single: dict[str, regex.Pattern[str]] = {}
        self._memo: dict[str, Rule | None] = {}
        # Rules whose required literals a text lacks are not asked about it (and a
        # pattern is compiled only when some text may need it).
        self._prefilter = Prefilter(rules)
        self._subsets: dict[tuple[str, ...], regex.Pattern[str] | None] = {}
        # the rules matched without a timeout on lines up to TRUSTED_LENGTH
        self._trusted = frozenset(r.id for r in rules if is_builtin(r))
        self._always_trusted = self._trusted.issuperset(self._prefilter.always)

    def compile(self) -> None:
        """Compile now the patterns a line may need: each rule's own, and the combined
        pattern of the rules without literals (asked about most lines)."""
        for rule in self.rules.values():
            self._one(rule)
        if self._prefilter.always:
            self._subset(self._prefilter.always)

    @staticmethod
    def _combine(rules: Iterable[Rule]) -> regex.Pattern[str] | None:
        """``rules`` in one pattern, a named group per rule (so a match names its rule);
        None when a rule has backreferences or named groups of its own, which joining
        would renumber or clash: such rules are asked one by one."""
        rules = list(rules)
        if any(_own_groups(r) for r in rules):
            return None
        body = "|".join(f"(?P<{r.id}>{r.regex_source()})" for r in rules)
        return regex.compile(f"(?m){body}")

    @property
    def pattern(self) -> regex.Pattern[str] | None:
        """All rules in one pattern (a named group per rule), compiled on first use
        (None when a rule keeps its own groups)."""
        if self._pattern is None:
            self._pattern = self._combine(self.rules.values())
        return self._pattern

    def _subset(self, ids: tuple[str, ...]) -> regex.Pattern[str] | None:
        """The pattern of the rules ``ids`` (in rule order): on a text that holds no
        literal of the other rules, it finds what :attr:`pattern` finds."""
        if len(ids) == len(self.rules):
            return self.pattern
        pattern = self._subsets.get(ids)
        if pattern is None:
            if len(self._subsets) >= _SUBSET_CACHE:
                self._subsets.clear()
            pattern = self._subsets[ids] = self._combine(self.rules[i] for i in ids)
        return pattern

    def _one(self, rule: Rule) -> regex.Pattern[str]:
        pattern = self._single.get(rule.id)
        if pattern is None:
            source = rule.regex_source(branch_reset=_own_groups(rule))
            pattern = self._single[rule.id] = regex.compile(f"(?m){source}")
        return pattern

    def match_line(self, line: str, ctx: Context) -> Rule | None:
        """The first rule (in order) that matches all of ``line``.

        Answers are remembered per distinct line (chrome lines repeat across a
        corpus, and the boilerplate cycle asks again about the same lines);
        answers given while a rule is skipped for a timeout are not kept.
        """
        memo = self._memo
        rule: Rule | None = memo.get(line, _UNKNOWN)
        if rule is _UNKNOWN:
            found = self.fullmatch(line, ctx)
            rule = found[0] if found else None
            if not ctx.skipped:
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                memo[line] = rule
        return rule

    def remember(self, line: str, rule: Rule | None) -> None:
        """Keep ``rule`` as the answer of :meth:`match_line` about ``line`` (found
        otherwise: see :meth:`RuleSet._both`)."""
        memo = self._memo
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[line] = rule

    def fullmatch(self, text: str, ctx: Context, start: int = 0, end: int | None = None
                  ) -> tuple[Rule, regex.Match[str]] | None:
        """The first rule (in order) matching all of ``text[start:end]``, and its match."""
        end = len(text) if end is None else end
        candidates = self._prefilter.candidates(text if start == 0 and end == len(text)
                                                else text[start:end])
        if not candidates:
            return None
        skipped = ctx.skipped
        if candidates is self._prefilter.always and not (skipped and not skipped.isdisjoint(candidates)):
            # The rules without literals, asked about most lines: in one call of their
            # combined pattern, whose first alternative to match all of the text is the
            # first rule in order that does.  One by one when it times out.
            combined = self._subset(candidates)
            if combined is not None:
                try:
                    if self._always_trusted and end - start <= TRUSTED_LENGTH:
                        m = combined.fullmatch(text, start, end)
                    else:
                        m = combined.fullmatch(text, start, end, timeout=RULE_TIMEOUT)
                except TimeoutError:
                    pass
                else:
                    # every alternative of the combined pattern is a group named by its rule's id
                    return (self.rules[m.lastgroup], m) if m else None  # type: ignore[index]
        # The first rule in order that matches all of the text is the one the
        # combined pattern would name: ask the candidates one by one.
        short, trusted = end - start <= TRUSTED_LENGTH, self._trusted
        for rule in (self.rules[i] for i in candidates if i not in skipped):
            try:
                if short and rule.id in trusted:
                    m = self._one(rule).fullmatch(text, start, end)
                else:
                    m = self._one(rule).fullmatch(text, start, end, timeout=RULE_TIMEOUT)
            except TimeoutError:
                _time_out(rule, ctx)
                continue
            if m:
                return rule, m
        return None

    def finditer(self, text: str, ctx: Context) -> list[tuple[Rule, int, int]]:
        """Leftmost non-overlapping matches of any rule: ``(rule, start, end)``."""
        candidates = self._prefilter.candidates(text)
        if not candidates:
            return []
        skipped = ctx.skipped
        combined = self._subset(candidates) if not skipped or skipped.isdisjoint(candidates) else None
        if combined is not None:
            try:
                # every alternative of the combined pattern is a group named by its rule's id
                return [(self.rules[m.lastgroup], m.start(), m.end())  # type: ignore[index]
                        for m in combined.finditer(text, timeout=RULE_TIMEOUT)]
            except TimeoutError:
                pass
        found = []
        live = [self.rules[i] for i in candidates if i not in skipped]
        for order, rule in enumerate(live):
            try:
                found += [(m.start(), order, m.end(), rule)
                          for m in self._one(rule).finditer(text, timeout=RULE_TIMEOUT)]
            except TimeoutError:
                _time_out(rule, ctx)
        return _leftmost(found)


def _whole_line(compiled: _Compiled | None, line: str, ctx: Context) -> Rule | None:
    """The first rule of ``compiled`` that matches all of ``line`` within its word limit."""
    if compiled is None:
        return None
    rule = compiled.match_line(line, ctx)
    if rule is not None and (rule.max_words is None or _word_count(line) <= rule.max_words):
        return rule
    return None


def _compile(rules: list[Rule]) -> _Compiled | None:
    """One matcher for ``rules`` (None when there are none)."""
    return _Compiled(rules) if rules else None


class RuleSet:
    """The rules for one language, compiled once: one pattern per kind."""

    def __init__(self, rules: list[Rule], language: str | None = None,
                 boxes: Sequence[Rule] = ()) -> None:
        """``boxes``: the related-section markers of other languages' packs, which only
        ever drop a box of teasers or an in-body teaser (a site's theme in English on a
        page in another language), never cut the text and are no chrome phrase: asked
        after the page's own truncate-after rules, in the same matcher."""
        self.rules = list(rules)
        self.language = language
        by_kind = {k: [r for r in rules if r.kind == k] for k in KINDS}
        own = {r.id for r in rules}
        foreign = [r for r in boxes if r.id not in own and r.kind == "truncate-after"]
        self._foreign = frozenset(r.id for r in foreign)
        by_kind["truncate-after"] += foreign
        self._drop = _compile(by_kind["drop-line"])
        # (asked about runs of lines only: no single line's question reads them)
        self._runs = _compile(by_kind["drop-run"])
        # the most words of a line they remove, when each has a limit (longer lines go unasked)
        limits = [r.max_words for r in by_kind["drop-run"] if r.max_words is not None]
        self._run_words = max(limits) if limits and len(limits) == len(by_kind["drop-run"]) else None
        self._truncate = _compile(by_kind["truncate-after"])
        # The drop-line and truncate-after rules in one matcher, drop-line first, to answer
        # both questions about a line at once (see _both): only for shipped rules, which
        # never time out on a line up to TRUSTED_LENGTH, so no answer depends on when a
        # rule was skipped.
        both = by_kind["drop-line"] + by_kind["truncate-after"]
        self._union = (_Compiled(both) if self._drop is not None and self._truncate is not None
                       and all(is_builtin(r) for r in both) else None)
        self._comment_markers = _compile([r for r in by_kind["truncate-after"]
                                          if r.name.startswith("comment") and r.id in own])
        self._comment_lines = _compile([r for r in rules if r.name.startswith("comment")
                                        and r.kind in ("truncate-after", "drop-line")])
        self._strip = _compile(by_kind["strip-inline"])
        self._headlines = by_kind["headline"]
        self._refs = {r.id: RuleRef(r.id, r.kind, r.why) for r in (*rules, *foreign)}
        self._chrome: dict[str, bool] = {}  # is_chrome's answers per distinct line

    def compile(self) -> None:
        """Compile now the patterns a line may need (each rule's own, and the combined
        pattern of the rules without literals), not inside the first documents that
        need them."""
        for compiled in (self._drop, self._runs, self._truncate, self._union,
                         self._comment_markers, self._comment_lines, self._strip):
            if compiled is not None:
                compiled.compile()

    def is_chrome(self, line: str, ctx: Context | None = None, remember: bool = True) -> bool:
        """Is ``line`` wholly a drop-line or truncate-after phrase of the packs (not
        another language's related marker)?  ``remember=False``: a text unlikely to be
        asked about again (a sentence cut by links, joined), whose answer is not kept."""
        found = self._chrome.get(line)
        if found is None:
            ctx = ctx or Context()
            drop, truncate = self._drop, self._truncate
            if not remember:
                if self._union is not None and len(line) <= TRUSTED_LENGTH and not ctx.skipped:
                    # one question for both kinds (see _both)
                    return self._own(self._union.fullmatch(line, ctx))
                return (drop is not None and drop.fullmatch(line, ctx) is not None
                        or truncate is not None and self._own(truncate.fullmatch(line, ctx)))
            found = (drop is not None and drop.match_line(line, ctx) is not None
                     or truncate is not None and self._own(truncate.match_line(line, ctx)))
            # kept like the matchers' own answers: not while a rule is skipped
            if not ctx.skipped:
                self._keep_chrome(line, found)
        return found

    def _own(self, found: Rule | tuple[Rule, regex.Match[str]] | None) -> bool:
        """Is ``found`` (a rule, or a rule and its match) a rule of the page's own packs?"""
        if found is None:
            return False
        rule = found[0] if isinstance(found, tuple) else found
        return rule.id not in self._foreign

    def _keep_chrome(self, line: str, found: bool) -> None:
        """Remember :meth:`is_chrome`'s answer about ``line``."""
        if len(self._chrome) >= _MEMO_SIZE:
            self._chrome.clear()
        self._chrome[line] = found

    def is_dropped(self, line: str, ctx: Context | None = None) -> bool:
        """Does the drop-line stage remove ``line`` (a drop-line rule matches all of it,
        within the rule's word limit)?"""
        return _whole_line(self._drop, line, ctx or Context()) is not None

    def is_marker(self, line: str, ctx: Context | None = None) -> bool:
        """Is ``line`` wholly the marker of a comment section (a truncate-after rule named
        ``comment-...``), wherever it stands?  Related-link markers are left out: sites
        put related boxes inside the article too."""
        return _whole_line(self._comment_markers, line, ctx or Context()) is not None

    def is_comment_line(self, line: str, ctx: Context | None = None) -> bool:
        """Is ``line`` wholly a comment-section phrase of the packs (a comment marker or
        a comment form's chrome: "Cancel reply")?"""
        return _whole_line(self._comment_lines, line, ctx or Context()) is not None

    # -- drop-line --------------------------------------------------------
    def _line_matches(self, compiled: _Compiled | None, text: str, paras: Paragraphs,
                      ctx: Context, first: int = 0, words: int | None = None
                      ) -> Iterator[tuple[Paragraph, Rule]]:
        """(paragraph, rule) for each paragraph from index ``first`` on that is wholly
        matched by a rule.  ``words``: the most words of a line any rule of ``compiled``
        removes (every one has ``max_words``): a line its memo does not know that holds
        more is not asked about."""
        if compiled is None:
            return
        starts, ends = paras.starts, paras.ends
        known = compiled._memo.get
        for i in range(first, len(starts)):
            start, end = starts[i], ends[i]
            line = text[start:end]
            rule = known(line, _UNKNOWN)
            if rule is _UNKNOWN:
                if words is not None and len(line.split(None, words)) > words:
                    continue  # more than ``words`` words (split no further than that)
                rule = self._ask(compiled, line, ctx)
            if rule is not None and (rule.max_words is None or _word_count(line) <= rule.max_words):
                yield Paragraph(i, start, end), rule

    def _ask(self, compiled: _Compiled, line: str, ctx: Context) -> Rule | None:
        """:meth:`_Compiled.match_line` of ``compiled`` on a line its memo does not know:
        asked of the matcher of both kinds (:meth:`_both`) when ``compiled`` is one of
        them and the line may be (shipped rules, up to TRUSTED_LENGTH, none skipped)."""
        if (self._union is not None and compiled in (self._drop, self._truncate)
                and len(line) <= TRUSTED_LENGTH and not ctx.skipped):
            return self._both(compiled, line, ctx)
        return compiled.match_line(line, ctx)

    def _marker_lines(self, text: str, paras: Paragraphs, ctx: Context, first: int = 0
                      ) -> Iterator[tuple[Paragraph, Rule | None, Rule | None]]:
        """(paragraph, truncate-after rule, drop-line rule) for each paragraph from index
        ``first`` on that a rule of either kind matches wholly (within its word limit;
        None for the kind that does not): :meth:`_line_matches` of both matchers in one
        pass over the lines."""
        truncate, drop = self._truncate, self._drop
        if truncate is None or drop is None:
            for p, found in self._line_matches(truncate or drop, text, paras, ctx, first):
                yield (p, found, None) if truncate is not None else (p, None, found)
            return
        starts, ends = paras.starts, paras.ends
        known, known_drop = truncate._memo.get, drop._memo.get
        for i in range(first, len(starts)):
            start, end = starts[i], ends[i]
            line = text[start:end]
            rule: Rule | None = known(line, _UNKNOWN)
            if rule is _UNKNOWN:
                rule = self._ask(truncate, line, ctx)  # both answers, remembered when it may
            chrome: Rule | None = known_drop(line, _UNKNOWN)
            if chrome is _UNKNOWN:
                chrome = self._ask(drop, line, ctx)
            if rule is None and chrome is None:
                continue
            words = _word_count(line)
            if rule is not None and rule.max_words is not None and words > rule.max_words:
                rule = None
            if chrome is not None and chrome.max_words is not None and words > chrome.max_words:
                chrome = None
            if rule is not None or chrome is not None:
                yield Paragraph(i, start, end), rule, chrome

    def _both(self, compiled: _Compiled, line: str, ctx: Context) -> Rule | None:
        """:meth:`_Compiled.match_line` of ``compiled`` (the drop-line or the
        truncate-after matcher) on ``line``, asked of the matcher of both kinds, whose
        answer gives the other's too: the first rule of both that matches all of the
        line is the first drop-line rule that does, if any does (they come first); if it
        is a truncate-after rule, or none, no drop-line rule matches and it is the first
        truncate-after rule that does.  Both answers are remembered (the block scorer
        asks both about every line), and so is :meth:`is_chrome`'s: whether a rule of
        either kind matches.  Only for a line of shipped rules up to TRUSTED_LENGTH, with
        no rule skipped: no call can time out."""
        found = self._union.fullmatch(line, ctx)  # type: ignore[union-attr]
        rule = found[0] if found else None
        self._keep_chrome(line, self._own(rule))
        drop, truncate = self._drop, self._truncate
        if rule is not None and rule.kind == "drop-line":
            drop.remember(line, rule)  # type: ignore[union-attr]
            # a truncate-after rule may match too: asked on its own
            return rule if compiled is drop else compiled.match_line(line, ctx)
        drop.remember(line, None)  # type: ignore[union-attr]
        truncate.remember(line, rule)  # type: ignore[union-attr]
        return None if compiled is drop else rule

    def drop_line_changes(self, text: str, ctx: Context | None = None) -> list[Change]:
        """Remove every paragraph that is wholly a chrome phrase or pattern."""
        if self._drop is None:
            return []
        ctx = ctx or Context()
        paras = paragraphs(text, ctx)
        drop = {p.index: (self._refs[rule.id], "") for p, rule in
                self._line_matches(self._drop, text, paras, ctx)}
        return removal_changes(text, paras, drop, merge=not ctx.traced) if drop else []

    # -- drop-run ---------------------------------------------------------
    def drop_run_changes(self, text: str, ctx: Context | None = None) -> list[Change]:
        """Remove the lines of a run of lines that drop-run rules match wholly, one after
        another, when the run holds at least the rule's ``min_run`` lines: a share bar a
        scraper wrote one button a line ("Facebook" / "Twitter" / "LinkedIn").  A line
        alone, or in a shorter run, stays: a link inside a sentence, a photo's credit.
        A run is read whole, so no removal leaves a run behind it (what the drop-line
        stage removes between its lines joins two runs before this stage reads them)."""
        if self._runs is None:
            return []
        ctx = ctx or Context()
        paras = paragraphs(text, ctx)
        runs: list[list[tuple[Paragraph, Rule]]] = []
        for p, rule in self._line_matches(self._runs, text, paras, ctx, words=self._run_words):
            if runs and runs[-1][-1][0].index + 1 == p.index:
                runs[-1].append((p, rule))
            else:
                runs.append([(p, rule)])
        traced = ctx.traced
        drop = {q.index: (self._refs[r.id], f"one of a run of {len(run)} lines" if traced else "")
                for run in runs for q, r in run if len(run) >= r.min_run}
        return removal_changes(text, paras, drop, merge=not ctx.traced) if drop else []

    # -- truncate-after ---------------------------------------------------
    def truncate_changes(self, text: str, ctx: Context | None = None) -> list[Change]:
        """Remove a late comment/related-section marker and everything after it -- when
        what follows it is not the article (see :class:`_ProseRuns` and
        :func:`~.markers.article_below`).  Late is in the last part of the text both from
        its start and from its first prose paragraph.  A marker that
        stands inside the article's prose (an in-body "Read also" box, a share-bar
        label above the body) is dropped as one line instead, and a related marker
        written as a label ("Read also:", its link's title on the next line) is, with
        its title, wherever it stands.  A comment marker that a thread of comments
        follows, after some prose, cuts at any position.  A site's section label (a
        drop-line rule named ``related-...``: "Most Read", "Top Stories", "Don't Miss")
        that heads a box of teasers inside the article takes the box with it, as a related
        marker does (:meth:`_ProseRuns.box`); other labels (a share bar, "Advertisement")
        head the article's own lists and sections as often."""
        if self._truncate is None or not text:
            return []
        ctx = ctx or Context()
        n = len(text)
        paras = paragraphs(text, ctx)
        if ctx.title is None:
            ctx.title = text[paras[0].start:paras[0].end] if paras else ""
        runs: _ProseRuns | None = None
        lines: Sequence[str] | None = None

        def dropped(line: str, ctx: Context = ctx) -> bool:  # a line the drop-line rules remove
            return _whole_line(self._drop, line, ctx) is not None

        lede: list[int] = []  # the index of the page's first line of prose, once asked

        def label_box(k: int) -> list[tuple[int, str]]:
            """The box of teasers that the label at paragraph ``k`` heads (see :func:`_box`),
            read in the lines after it alone (no :class:`_ProseRuns` of the whole page)."""
            window = [text[q.start:q.end] for q in paras[k + 1 : k + 1 + _INSIDE_WINDOW]]
            if not lede:
                lede.append(next((q.index for q in paras if is_prose(text[q.start:q.end])), len(paras)))
            # with no prose above the label, the page's headline may follow it (see _at_headline)
            at_headline = headline_test(ctx.title or "") if lede[0] > k else _never
            return _box(k, window, _units(window, list(map(word_count, window))), dropped, at_headline)

        above: dict[int, tuple[RuleRef, str]] = {}  # markers above the article: one line each
        start: int | None = None  # where the page's first prose paragraph starts
        for p, rule, chrome in self._marker_lines(text, paras, ctx, 1):
            k = p.index
            if chrome is not None and chrome.name.startswith("related") and _may_head_box(text, paras, k):
                # a site's section label heads a box as a related marker does (a marker that
                # is a label too reads its own box below)
                above.update((i, (self._refs[chrome.id], why)) for i, why in label_box(k))
            if rule is None:
                continue
            comment = rule.name.startswith("comment")
            early = p.start < rule.min_position * n
            label = not comment and text[p.start:p.end].rstrip()[-1:] in _LABEL_ENDS
            ref = self._refs[rule.id]
            if not comment and k + 1 < len(paras) and _heads_box(text[paras[k + 1].start:paras[k + 1].end]):
                if runs is None:
                    runs = _ProseRuns(text, paras, ctx.title)
                box = runs.box(k, dropped)
                if box:
                    # a box of teasers inside the article: it goes, the article stays
                    above.update((i, (ref, why)) for i, why in box)
                    continue
            if rule.id in self._foreign:
                # Another language's related marker (an English theme's "Related Posts" on a
                # Portuguese page) drops the box of teasers it heads (above), or an in-body
                # teaser, and never cuts the text: the page's own language decides where
                # its tail starts.
                if label:
                    if runs is None:
                        runs = _ProseRuns(text, paras, ctx.title)
                    above.update((i, (ref, why)) for i, why in
                                 runs.inside(k, related=True, label=True, dropped=dropped))
                continue
            if early and not comment and not label:
                continue
            if runs is None:
                runs = _ProseRuns(text, paras, ctx.title)
            # A comment marker after some prose that a thread of comments follows starts
            # the comments wherever it stands (a short post, a long thread).
            thread = False
            if comment and runs.prose_before(k):
                if lines is None:
                    lines = paras.lines(text)
                thread = comment_thread(lines[k + 1 : k + 1 + THREAD_WINDOW],
                                        lambda line: self.is_comment_line(line, ctx))
            if early and not thread and not label:
                continue
            inside = [] if thread else runs.inside(k, related=not comment, label=label, dropped=dropped)
            if early and not thread and not inside:
                continue  # an early label counts only as an in-body teaser ("Read also:")
            if inside:
                return removal_changes(text, paras, above | {
                    i: (ref, f"marker inside the article's prose ({why})") for i, why in inside},
                    merge=not ctx.traced)
            if not thread:
                if start is None:
                    first = runs.first_prose()
                    start = paras[first].start if first is not None else 0
                if start < p.start < start + rule.min_position * (n - start):
                    # early in the text from the page's first prose on (a long menu fills
                    # the top of the page): a label above the article, not its end
                    continue
                if runs.heaviest_after(k) > runs.prose_before(k):
                    continue  # the article is below the marker: a label of the page's header
            if lines is None:
                lines = paras.lines(text)
            if article_below(lines, k, lambda line: self.is_comment_line(line, ctx), ctx.title,
                             ctx.markers_above):
                # other stories stand above the article, their comment prompts with them
                above[k] = (ref, "marker above the article's headline")
                continue
            detail = (f"marker at {p.start / n:.0%} of the text"
                      + (", a thread of comments after it" if thread else ""))
            return removal_changes(text, paras, above | {q.index: (ref, detail) for q in paras[k:]},
                                   merge=not ctx.traced)
        return removal_changes(text, paras, above, merge=not ctx.traced) if above else []

    # -- strip-inline -----------------------------------------------------
    def strip_inline_changes(self, text: str, ctx: Context | None = None) -> list[Change]:
        """Remove inline spans; a paragraph that would be left empty is dropped whole."""
        if self._strip is None:
            return []
        ctx = ctx or Context()
        spans = []
        for rule, start, end in self._strip.finditer(text, ctx):
            span = _within_line(text, start, end)
            if span is not None:
                spans.append((*span, self._refs[rule.id]))
        if not spans:
            return []
        paras = paragraphs(text, ctx)
        out: list[Change] = []
        drop: dict[int, tuple[RuleRef, str]] = {}
        j = 0
        for p in paras:
            mine = []
            while j < len(spans) and spans[j][0] < p.end:
                if spans[j][0] >= p.start:
                    mine.append(spans[j])
                j += 1
            if not mine:
                continue
            if not _remaining(text, p, mine):
                drop[p.index] = (mine[0][2], "")
                continue
            for s, e, ref in mine:
                out.append(_tidy_inline(text, p, s, e, ref))
        if drop:
            out.extend(removal_changes(text, paras, drop, merge=not ctx.traced))
            out.sort(key=lambda c: c.start)
        return out

    # -- headline ---------------------------------------------------------
    def headline_changes(self, text: str, ctx: Context | None = None) -> list[Change]:
        """Strip a site/section tagline from the first paragraph when it reads as a headline
        (a line with a part that holds no letter, a phone number or a score, is left alone)."""
        if not self._headlines or not text:
            return []
        end = text.find("\n")
        first = text[: end if end >= 0 else len(text)]
        rest = text[end:].lstrip("\n") if end >= 0 else ""
        following = rest[: rest.find("\n")] if "\n" in rest else rest
        if first[-1:] in ".!…:;," or _table_row(first, following):
            return []
        for rule in self._headlines:
            if rule.max_words is not None and _word_count(first) > rule.max_words:
                continue
            for sep in rule.separators:
                if sep not in first:
                    continue
                parts = first.split(sep)
                if any(not any(ch.isalpha() for ch in part) for part in parts):
                    continue  # a part without a letter names no site
                keep = max(range(len(parts)), key=lambda i: (_word_count(parts[i]), -i))
                if _word_count(parts[keep]) < 2:
                    continue
                starts = []
                pos = 0
                for part in parts:
                    starts.append(pos)
                    pos += len(part) + len(sep)
                k_start = starts[keep]
                k_end = k_start + len(parts[keep])
                ref = self._refs[rule.id]
                out = []
                if k_start > 0:
                    out.append(Change(0, k_start, "", ref, f"tagline before {sep.strip()!r}"))
                if k_end < len(first):
                    out.append(Change(k_end, len(first), "", ref, f"tagline after {sep.strip()!r}"))
                return out
        return []


# How many lines after a marker :meth:`_ProseRuns.inside` groups into paragraphs (it reads
# three; a sentence is rarely cut by links into more than a dozen lines).
_INSIDE_WINDOW = 40


class _Unit(NamedTuple):
    """A block of the lines after a marker (see :meth:`_ProseRuns._units`)."""

    first: int  # its first and last line, in the lines after the marker
    last: int
    ends: bool  # it ends a sentence
    words: int
    prose: bool  # :func:`_is_prose`


class _ProseRuns:
    """Where a page's prose stands, for deciding what a truncate-after marker cuts.

    A paragraph is *prose* when it has at least eight words (two characters of Chinese or
    Japanese count as a word: :func:`~cleantext.text.words.word_count`) and ends a sentence (the
    tag-list stage's test); a sentence that inline links or a page's line breaks cut into
    several lines is one paragraph here, as block scoring groups them
    (:func:`~.blocks.make_blocks`); a *run* is a sequence of consecutive prose paragraphs, and
    weighs its words.  Comments alternate with names, dates and "Reply" lines, a related
    list with titles, so a run below a marker that outweighs all the prose above it is an
    article that starts below the marker (a page whose menus fill its first half), not
    the site's tail.  No constant is tuned here: the eight words are the tag-list
    stage's, and "outweighs" compares the page with itself."""

    def __init__(self, text: str, paras: Paragraphs, title: str | None = None) -> None:
        """``title``: the page's first line, whose headline (:func:`~.markers.headline_test`)
        a box or a teaser above the page's first prose never holds: a marker above the
        headline heads the article (a section's "Live" or "Related" link)."""
        self._title = title or ""
        self._headline: Callable[[str], bool] | None = None  # built when first asked
        self._lines = lines = paras.lines(text)
        self._words = words = list(map(word_count, self._lines))
        # the lines of a sentence cut by links or line breaks are prose together (make_blocks)
        self.prose = flags = [False] * len(lines)
        for first, last in zip(*block_bounds(lines)):
            if _is_prose(first, last, lines, words):
                flags[first : last + 1] = [True] * (last - first + 1)
        # prose words before each paragraph, itself included
        self._before = list(accumulate(w if prose else 0 for w, prose in zip(words, flags)))
        # the run starting at each paragraph, read backwards; then the heaviest from there on
        backwards, run = [], 0
        for w, prose in zip(reversed(words), reversed(flags)):
            run = run + w if prose else 0
            backwards.append(run)
        self._after = list(accumulate(backwards, max))[::-1]

    def _at_headline(self, k: int, line: str) -> bool:
        """Is ``line``, after the marker at paragraph ``k`` with no prose above it, the
        page's headline?"""
        if self.prose_before(k):
            return False
        if self._headline is None:
            self._headline = headline_test(self._title)
        return self._headline(line)

    def first_prose(self) -> int | None:
        """The index of the first prose paragraph (None: there is none)."""
        return next((i for i, prose in enumerate(self.prose) if prose), None)

    def prose_before(self, k: int) -> int:
        """Words of all the prose before paragraph ``k``."""
        return self._before[k - 1] if k > 0 else 0

    def heaviest_after(self, k: int) -> int:
        """Words of the heaviest run that starts after paragraph ``k``."""
        return self._after[k + 1] if k + 1 < len(self._after) else 0

    def _units(self, k: int, limit: int | None = None) -> tuple[list[str], list[_Unit]]:
        """The lines after paragraph ``k`` (up to :data:`_INSIDE_WINDOW`) and their
        blocks as block scoring groups them (:func:`~.blocks.block_bounds`; the first
        ``limit`` of them), each with what :meth:`inside` and :meth:`box` read of it."""
        window = self._lines[k + 1 : k + 1 + _INSIDE_WINDOW]
        words = self._words[k + 1 : k + 1 + _INSIDE_WINDOW]  # (counted once, in __init__)
        return window, _units(window, words, limit)

    def inside(self, k: int, related: bool, label: bool = False,
               dropped: Callable[[str], bool] | None = None) -> list[tuple[int, str]]:
        """The lines to drop when the marker at paragraph ``k`` stands inside the
        article: two paragraphs of prose follow it at once -- or, after a related-link
        marker, after one that is not prose (the other article's title, which goes
        with its marker).  Comments open with a name or a date, a related list
        alternates titles and one-line summaries, so neither is two prose paragraphs in
        a row.  A related-link marker written as a label (``label``: "Read also:",
        "Related:", the link it names cut onto the next line by a scraper) before one
        title line is an in-body teaser when the running text comes back within
        :data:`_LABEL_LOOK` blocks after the title, with at most one more title-like
        line among them (a heading, a caption, a step's number may stand between; a
        label the drop-line rules remove, :func:`_chrome_label`, is not counted): a
        section's heading has no colon, and a list after a label is titles in a row.
        Running text is prose, or a line too long for a title (a sentence cut by a
        link).  A sentence cut by inline links into several lines is one paragraph here
        (as block scoring groups them: :func:`~.blocks.make_blocks`).  Empty when the
        marker does not stand inside prose."""
        window, units = self._units(k, 2 + 2 * _LABEL_LOOK)
        if len(units) >= 2 and units[0].prose and units[1].prose:
            return [(k, "prose follows")]
        if not related or len(units) < 2 or units[0].prose:
            return []
        if self._at_headline(k, window[units[0].first]):
            return []  # the page's headline: the marker stands above the article
        # a video's title over its length ("1:32", a player's "Up next"): the length is the title's
        title = units[:2] if _length(window, units[1]) else units[:1]
        after = units[len(title):]
        teaser = [(k, "prose follows its teaser")] + [
            (k + 1 + i, "teaser of another article") for i in range(title[0].first, title[-1].last + 1)]
        if len(after) >= 2 and after[0].prose and after[1].prose:
            return teaser
        if not label or units[0].first != units[0].last:
            return []
        seen = titles = 0
        for unit in units[1:]:
            if _chrome_label(unit, window, dropped):
                continue  # the drop-line rules remove it
            if unit.prose or unit.words > TEASER_TITLE_MAX:
                return teaser  # the running text comes back
            if unit.first == unit.last and not unit.ends and _is_title(window[unit.first]):
                titles += 1
                if titles > 1:
                    return []  # titles in a row: a list after its label
            seen += 1
            if seen == _LABEL_LOOK:
                break
        return []

    def box(self, k: int, dropped: Callable[[str], bool] | None = None) -> list[tuple[int, str]]:
        """The lines to drop when the related-link marker at paragraph ``k`` (or a site's
        section label) heads a box of teasers inside the article, wherever it stands: at
        least :data:`~.blocks.TEASER_PAIRS` titles of other stories (a title is one link: a
        line of its own, :func:`_is_title`), each with a summary (sentences under
        :data:`~.blocks.TEASER_WORDS` words) or none (when only some have one, the box ends
        at its last title: the sentence after it may be the article; titles without a
        summary may each have up to :data:`_CARD_LINES` short lines under them, a card's
        source or date), then the running text
        resumes: a paragraph of prose too long for a summary, or two in a row -- or,
        after titles alone (none with a summary), a block longer than any title (a
        paragraph, or a sentence a link cut, which ends none) -- or,
        after titles with summaries, any paragraph of prose or a table's row in the
        lines read after the marker (a summary is one sentence after its title, so a
        second sentence, or a line that is no title, after a summary is the article
        again: a heading, a caption, a sentence cut by a link or a list may stand before
        its next prose; a table's row is the article's data, never a title).  A label
        the drop-line rules remove (:func:`_chrome_label`) is no part of the box or the
        text around it, and a rank or a time on a line of its own before a title ("1", "2.":
        a "most read" list; "14:05": a feed of the latest stories) is part of the title.
        (Block scoring's constants for teasers of other stories; nothing is tuned here.)
        Empty when the marker heads no such box."""
        return _box(k, *self._units(k), dropped, lambda line: self._at_headline(k, line))


def _units(window: list[str], words: list[int], limit: int | None = None) -> list[_Unit]:
    """The blocks of ``window`` (lines, with their word counts) as block scoring groups them
    (:func:`~.blocks.block_bounds`; the first ``limit`` of them), each with what
    :meth:`_ProseRuns.inside` and :func:`_box` read of it."""
    firsts, lasts = block_bounds(window)
    return [_Unit(first, last, window[last][-1:] in SENTENCE_END,
                  sum(words[first : last + 1]), _is_prose(first, last, window, words))
            for first, last in zip(firsts[:limit], lasts)]


def _box(k: int, window: list[str], units: list[_Unit], dropped: Callable[[str], bool] | None,
         at_headline: Callable[[str], bool]) -> list[tuple[int, str]]:
    """:meth:`_ProseRuns.box` on the lines after paragraph ``k`` (``window``) and their
    blocks (``units``); ``at_headline`` says whether a line is the page's headline."""
    titles = 0
    summaries: bool | None = None  # do the titles have summaries (None: not known yet)
    last: _Unit | None = None  # the box's last block read so far (chrome lines aside)
    title_at = -1  # the index of the last title read so far
    mixed = False  # a title with a summary and one without: the last title's may be the article's
    under = 0  # short lines read under the last title (its source, its date)
    video = False  # the last title has its length under it: a video's, which has no summary
    i = 0
    while i < len(units):
        unit = units[i]
        if _chrome_label(unit, window, dropped):
            i += 1  # between the box's blocks or after them
            continue
        if (title_at >= 0 and title_at + under == i - 1 and under < _CARD_LINES
                and summaries is not True and unit.first == unit.last and not unit.ends
                and unit.words <= BYLINE_WORDS and not _is_title(window[unit.first])):
            # a card's source or date, on a line of its own under its title (in a box of
            # titles with summaries, a short line is no part of a teaser: a heading of the
            # article's own list after the box)
            under += 1
            video = video or _length(window, unit)
            i += 1
            continue
        if (unit.first == unit.last and _RANK_RE.fullmatch(window[unit.first])
                and i + 1 < len(units) and not units[i + 1].ends):
            i += 1  # a list's rank or a feed's time, on a line of its own before its title
            continue
        after_title = last is not None and not last.ends
        if not unit.ends:
            if unit.first != unit.last or not _is_title(window[unit.first]):
                if summaries and last is not None and last.ends:
                    break  # after a summary, no title: the running text resumes
                if summaries is False and unit.words > TEASER_TITLE_MAX:
                    break  # after titles alone, a sentence a link cut: the running text
                return []  # not a title (one link: one line)
            if at_headline(window[unit.first]):
                return []  # the page's headline: the marker stands above the article
            if titles and summaries is None and after_title:
                summaries = False  # a title after a title: a list of titles alone
            mixed = mixed or bool(summaries and after_title)
            titles += 1
            last, title_at, under, video = unit, i, 0, False
            i += 1
            continue
        # a sentence: a title's summary, or the running text resuming (never a video's summary)
        summary = after_title and not video and unit.words < TEASER_WORDS and summaries is not False
        if summaries is None and titles == 1:
            summaries = summary
        if not summary:
            break
        last = unit
        i += 1
    else:
        return []
    if titles < TEASER_PAIRS or last is None:
        return []
    if mixed and last.ends:
        # some titles have no summary: the sentence after the last title may be the article
        # resuming, and a wrong deletion costs more than a teaser's summary kept
        i, last = title_at + 1, units[title_at]
    resumes = units[i].prose and (units[i].words >= TEASER_WORDS
                                  or i + 1 < len(units) and units[i + 1].prose)
    if summaries is False:
        # titles alone, each without a sentence under it: a block longer than any title after
        # the last is the running text, a paragraph or a sentence a link cut
        resumes = resumes or units[i].words > TEASER_TITLE_MAX
    if not resumes and not (summaries and any(
            u.prose or window[u.first].startswith(_ROW) for u in units[i:])):
        return []
    end = last.last
    if video and last is units[title_at]:
        end = units[title_at + under].last  # the last video's length goes with its title
    return [(k, "a box of teasers inside the article")] + [
        (k + 1 + j, "teaser of another article") for j in range(end + 1)]


def _chrome_label(unit: _Unit, window: Sequence[str],
                  dropped: Callable[[str], bool] | None) -> bool:
    """Is ``unit`` a label that ``dropped`` says the drop-line rules remove (one line that
    ends no sentence: "Advertisement")?  Such a line stands between a box's blocks or the
    text around it, and belongs to neither."""
    return (dropped is not None and not unit.ends and unit.first == unit.last
            and dropped(window[unit.first]))


def _may_head_box(text: str, paras: Paragraphs, k: int) -> bool:
    """Could the label at paragraph ``k`` head a box of teasers: a title or a rank follows
    it, and there are titles enough for a box (:data:`~.blocks.TEASER_PAIRS`) among the
    lines right after it, a title, a summary and a rank each?  (A quick test before
    :func:`_box` reads the lines.)"""
    if k + 1 >= len(paras) or not _heads_box(text[paras[k + 1].start:paras[k + 1].end]):
        return False
    after = paras[k + 1 : k + 1 + 3 * TEASER_PAIRS]
    return sum(_is_title(text[q.start:q.end]) for q in after) >= TEASER_PAIRS


def _length(window: Sequence[str], unit: _Unit) -> bool:
    """Is ``unit`` a line of its own that is a video's length ("1:32", "12:04:10")?"""
    return unit.first == unit.last and DURATION_RE.fullmatch(window[unit.first].strip()) is not None


def _never(line: str) -> bool:
    return False


def _heads_box(line: str) -> bool:
    """Could ``line``, right after a marker or a label, open a box of teasers: a title
    (:func:`_is_title`), or the rank or the time a list writes before its title?"""
    return _is_title(line) or _RANK_RE.fullmatch(line) is not None


def _is_title(line: str) -> bool:
    """Is ``line`` a title of another story as :meth:`_ProseRuns.box` reads one: of
    :data:`~.blocks.TEASER_TITLE_WORDS` to :data:`~.blocks.TEASER_TITLE_MAX` words, ending
    no sentence?  (Asked first about the line after a marker, so that a marker no title
    follows costs nothing more.)"""
    return (line[-1:] not in SENTENCE_END and not line.startswith(_ROW)
            and TEASER_TITLE_WORDS <= word_count(line) <= TEASER_TITLE_MAX)


# How the DOM stage writes a table's row ("| a | b"): the article's data, never a title.
_ROW = "| "
# The rank of a "most read" list's item or the time of a feed's, on a line of its own before
# the item's title ("3", "3.", "14:05").
_RANK_RE = regex.compile(r"\d{1,2}\.?|(?:[01]?\d|2[0-3]):[0-5]\d")
# How a label ends: "Read also:", "Related »" (the link it names follows it).
_LABEL_ENDS = frozenset(":»>|")
# Short lines under a title in a box of cards (a source and a date; block scoring reads as
# many bylines under another story's headline).
_CARD_LINES = 2
# Blocks after a label's title within which the running text comes back (a heading, a
# caption and a step's number may stand between them).
_LABEL_LOOK = 3


def _is_prose(first: int, last: int, lines: Sequence[str], words: Sequence[int]) -> bool:
    """Is the block of ``lines`` ``first``..``last`` (with their word counts) a paragraph
    of prose: at least :data:`~.markers.PROSE_WORDS` words, ending a sentence?"""
    return lines[last][-1:] in SENTENCE_END and sum(words[first : last + 1]) >= PROSE_WORDS


def _within_line(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Trim a match to one line: patterns' leading or trailing ``\\s`` may reach
    across a paragraph break, which an inline span never does."""
    while s < e and text[s].isspace() and "\n" in text[s:e]:
        if text[s] == "\n":
            s = text.index("\n", s) + 1
        else:
            nl = text.find("\n", s, e)
            if nl < 0 or text[s:nl].strip():
                break
            s = nl + 1
    nl = text.find("\n", s, e)
    if nl >= 0:
        if text[nl:e].strip():
            return None
        e = nl
    return (s, e) if e > s and text[s:e].strip() else None


def _remaining(text: str, p: Paragraph, spans: Iterable[tuple[int, int, RuleRef]]) -> str:
    """The paragraph text left after removing ``spans``."""
    parts = []
    pos = p.start
    for s, e, _ in spans:
        parts.append(text[pos:s])
        pos = e
    parts.append(text[pos : p.end])
    return "".join(parts).strip()


def _tidy_inline(text: str, p: Paragraph, s: int, e: int, ref: RuleRef) -> Change:
    """Widen an inline removal so that no edge space or double space is left behind."""
    if e == p.end:
        while s > p.start and text[s - 1] == " ":
            s -= 1
    elif s == p.start:
        while e < p.end and text[e] == " ":
            e += 1
    elif text[s - 1] == " " and text[e] == " ":
        e += 1
    return Change(s, e, "", ref)
