"""A literal prefilter in front of the phrase rules' regular expressions.

Most lines of a page match no rule, and most rules need some literal text to
match at all: "Leave a Reply" needs ``reply``, ``\\d+ comments?`` needs
``comment``.  For each rule this module finds such *required literals* (a
set of strings, one of which occurs in every match), and a :class:`Prefilter`
puts the literals of all rules of one kind into one Aho-Corasick automaton
(``pyahocorasick``).  A line, or a whole text, in which the automaton finds
no literal of a rule cannot be matched by that rule, so the rule's pattern
need not run, nor even be compiled.

The search is case-insensitive (it runs on :meth:`str.casefold` of both the
literals and the text, with :data:`_FOLD_EXTRA` for the few characters that
``regex``'s case-insensitive matching equates and casefolding does not), so
it is never stricter than the rules themselves: a prefilter may let through a
line that the pattern then rejects, never the reverse.

Literals are read from the rule's pattern with the standard library's regular
expression parser.  Syntax it does not know (``regex``'s ``\\p{...}``, fuzzy
matching, version-1 sets) or that the two parsers may read differently leaves
the rule without literals: such a rule is asked about every line, as before.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Protocol, cast

try:  # Python >= 3.11
    from re import _constants as _sre_c  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _sre_c
    import sre_parse as _sre_parse

import ahocorasick

# Characters that ``regex``'s case-insensitive matching equates with another
# character while their casefolds differ (checked over all of Unicode by a test).
_FOLD_EXTRA = str.maketrans({"ı": "i", "\u0307": None})  # I ~ ı and i ~ İ ("i\u0307")

# Syntax of the ``regex`` module that the standard parser would read as literals
# (or misread): fuzzy constraints ``{e<=1}``, named lists ``\L<...>``, POSIX classes,
# version flags, set operations.
_UNSAFE = re.compile(r"\\\\|\{[^}\d,]|\\[LNXmMGKQEzZ]|\[:\^?[a-z]+:\]|\(\?[a-z]*V|&&|--|~~|\|\|")
# A property class is one character of some class: read as ``\w``, which gives no literal.
_PROPERTY = re.compile(r"\\[pP](?:\{[^}]*\}|[A-Za-z])")

MIN_LITERAL = 1
# A text longer than this is searched a piece at a time (the automaton reads a text as
# four bytes a character: a line of 50 million characters would take 200 MB at once).
CHUNK = 1 << 20


def fold(text: str) -> str:
    """The text as the prefilter compares it."""
    folded = text.casefold()
    if folded.isascii() or ("ı" not in folded and "\u0307" not in folded):
        return folded
    return folded.translate(_FOLD_EXTRA)


_LITERAL = _sre_c.LITERAL
_SUBPATTERN = _sre_c.SUBPATTERN
_BRANCH = _sre_c.BRANCH
_REPEATS = {_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, getattr(_sre_c, "POSSESSIVE_REPEAT", None)}
_ATOMIC = getattr(_sre_c, "ATOMIC_GROUP", None)
_NOT_CONSUMING = {_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT}


def _best(options: list[frozenset[str] | None]) -> frozenset[str] | None:
    """Of several sets of required literals (each sufficient), the most selective."""
    found = [o for o in options if o]
    if not found:
        return None
    return max(found, key=lambda o: (min(len(s) for s in o), -len(o)))


def _required(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """Literals one of which occurs in every match of the parsed sequence ``items``
    (None when there are none to be had)."""
    options: list[frozenset[str] | None] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            options.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is _LITERAL:
            run.append(chr(av))
            continue
        if op in _NOT_CONSUMING:
            # a lookaround or anchor consumes nothing: the literals on both sides
            # are still adjacent in the text only for anchors; end the run anyway
            close_run()
            continue
        close_run()
        if op is _SUBPATTERN:
            options.append(_required(av[-1]))
        elif op is _ATOMIC and _ATOMIC is not None:
            options.append(_required(av))
        elif op in _REPEATS:
            low, _high, body = av
            if low >= 1:
                options.append(_required(body))
        elif op is _BRANCH:
            branches = [_required(b) for b in av[1]]
            if branches and all(branches):
                # all(branches): none of them is None
                options.append(frozenset[str]().union(*cast(list[frozenset[str]], branches)))
        # anything else (sets, categories, any, groupref, ...) gives no literal
    close_run()
    return _best(options)


# Answers of :func:`required_literals` read back from the user cache with the
# built-in packs (parsing a pattern costs milliseconds).
_KNOWN: dict[str, frozenset[str] | None] = {}


def remember(known: dict[str, frozenset[str] | None]) -> None:
    """Take ``known`` answers of :func:`required_literals` (pattern source -> literals)."""
    _KNOWN.update(known)


def required_literals(source: str) -> frozenset[str] | None:
    """Folded literals one of which occurs in every match of ``source`` (a pattern
    as :meth:`Rule.regex_source` gives it), or None when none can be read safely."""
    try:
        return _KNOWN[source]
    except KeyError:
        pass
    found = _KNOWN[source] = _read_literals(source)
    return found


def _read_literals(source: str) -> frozenset[str] | None:
    source = _PROPERTY.sub(r"\\w", source)
    if _UNSAFE.search(source):
        return None
    try:
        parsed = _sre_parse.parse(source, 0)
    except (re.error, RecursionError, OverflowError, ValueError):
        return None
    found = _required(list(parsed))
    if not found:
        return None
    folded = frozenset(fold(s) for s in found)
    if any(len(s) < MIN_LITERAL for s in folded):
        return None
    return folded


class _Rule(Protocol):
    """What the prefilter reads of a :class:`~cleantext.stages.packs.Rule`."""

    @property
    def id(self) -> str: ...

    def regex_source(self, branch_reset: bool = False) -> str: ...


class Prefilter:
    """The rules of one kind that could match a text: those without literals, and
    those with a literal that occurs in it."""

    def __init__(self, rules: Iterable[_Rule]) -> None:
        """``rules``: :class:`~cleantext.stages.packs.Rule` objects, in order."""
        rules = list(rules)
        self.order = {r.id: k for k, r in enumerate(rules)}
        self.always: tuple[str, ...] = ()
        always = []
        automaton = ahocorasick.Automaton()
        owners: dict[str, set[str]] = {}
        for rule in rules:
            literals = required_literals(rule.regex_source())
            if literals is None:
                always.append(rule.id)
                continue
            for literal in literals:
                owners.setdefault(literal, set()).add(rule.id)
        for literal, ids in owners.items():
            automaton.add_word(literal, tuple(sorted(ids)))
        self._longest = max(map(len, owners), default=1)
        self.always = tuple(always)
        self.filtered = len(rules) - len(always)
        if owners:
            automaton.make_automaton()
            self._automaton = automaton
        else:
            self._automaton = None

    def candidates(self, text: str) -> tuple[str, ...]:
        """Ids of the rules that could match somewhere in ``text``, in rule order."""
        automaton = self._automaton
        if automaton is None:
            hits: set[tuple[str, ...]] = set()
        elif len(text) <= CHUNK or "\u0307" in text:
            hits = {ids for _end, ids in automaton.iter(fold(text))}
        else:
            # Pieces of CHUNK characters, each read with the next longest-literal-minus-one
            # characters: every character folds to at least one character (the combining
            # dot, which folds to none, is not in the text) and each one's fold stands
            # alone, so a literal found in the folded text spans at most its length in
            # characters of the text, all inside one of the pieces.
            hits = set()
            reach = CHUNK + self._longest - 1
            for pos in range(0, len(text), CHUNK):
                hits.update(ids for _end, ids in automaton.iter(fold(text[pos : pos + reach])))
        if not hits:
            return self.always
        found = set(self.always)
        for ids in hits:
            found.update(ids)
        return tuple(sorted(found, key=self.order.__getitem__))
