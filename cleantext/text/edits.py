"""Changes, edits and the trace that maps every change back to the input.

Every pipeline stage looks at the current text and returns a list of
:class:`Change` objects: non-overlapping ``(start, end, replacement)`` spans in
*current* coordinates, each tagged with the :class:`RuleRef` that asked for it.

Two document types apply those changes:

* :class:`PlainDoc` just splices the text (the fast path behind ``clean()``);
* :class:`TracedDoc` also keeps a piece table that maps the current text back to
  the original input, so that at the end every change is reported as an
  :class:`Edit` whose span is an offset range *in the input*.  Replaying the
  edits on the input (:func:`replay`) gives the output, which a test proves.

When a later change overlaps the output of an earlier one (a dropped paragraph
that contained a repaired quote, say), the two become one edit: the later rule
is reported as its ``code`` and the earlier ones are listed in ``also``.  A removal
that meets an earlier removal (a line rule taking the symbol line after a menu that
block scoring removed) does not take it in: each stays an edit of its own rule (the
white space between them goes with the earlier one).
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import count
from typing import Any, Iterable, Iterator, Protocol, cast, overload


@dataclass(frozen=True, slots=True)
class RuleRef:
    """What a change is attributed to: a rule id, its kind and its one-line reason."""

    code: str
    kind: str
    why: str


@dataclass(frozen=True, slots=True)
class Change:
    """A replacement of ``text[start:end]`` by ``replacement`` in current coordinates."""

    start: int
    end: int
    replacement: str
    rule: RuleRef
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Edit:
    """One reported change: ``input[span[0]:span[1]] == before`` became ``after``.

    ``action`` is the rule kind (``drop-line``, ``substitute``, ...), ``why`` the
    rule's one-line rationale, ``detail`` what decided in this instance (for
    heuristic rules: the signals; for names: how the variant was matched).
    """

    code: str
    action: str
    span: tuple[int, int]
    before: str
    after: str
    why: str
    detail: str = ""
    also: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view of the edit."""
        out: dict[str, Any] = {
            "code": self.code,
            "action": self.action,
            "span": list(self.span),
            "before": self.before,
            "after": self.after,
            "why": self.why,
        }
        if self.detail:
            out["detail"] = self.detail
        if self.also:
            out["also"] = list(self.also)
        return out


def splice(text: str, changes: Iterable[Change]) -> str:
    """Apply sorted, non-overlapping changes to ``text`` and return the result."""
    parts: list[str] = []
    pos = 0
    for ch in changes:
        parts.append(text[pos : ch.start])
        parts.append(ch.replacement)
        pos = ch.end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def replay(text: str, edits: Iterable[Edit]) -> str:
    """Apply reported edits (spans in input coordinates) to the input text."""
    parts: list[str] = []
    pos = 0
    for ed in sorted(edits, key=lambda e: e.span):
        start, end = ed.span
        if start < pos:
            raise ValueError(f"overlapping edits at {ed.span}")
        if text[start:end] != ed.before:
            raise ValueError(f"edit {ed.code} at {ed.span} does not match the input")
        parts.append(text[pos:start])
        parts.append(ed.after)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of canonical text: its index and span."""

    index: int
    start: int
    end: int


class Paragraphs(Sequence[Paragraph]):
    """The paragraphs of a text, kept compact: two arrays of offsets (8 bytes a
    paragraph, where a list of :class:`Paragraph` objects costs twenty times that).
    Indexing and iteration make the :class:`Paragraph` objects on demand; a slice
    is a list of them.  Read-only."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, starts: array[int], ends: array[int]) -> None:
        self._starts = starts
        self._ends = ends

    def __len__(self) -> int:
        return len(self._starts)

    @property
    def starts(self) -> Sequence[int]:
        """The paragraphs' start offsets, in order (read-only)."""
        return self._starts

    @property
    def ends(self) -> Sequence[int]:
        """The paragraphs' end offsets, in order (read-only)."""
        return self._ends

    @overload
    def __getitem__(self, i: int) -> Paragraph: ...
    @overload
    def __getitem__(self, i: slice) -> list[Paragraph]: ...

    def __getitem__(self, i: int | slice) -> Paragraph | list[Paragraph]:
        if isinstance(i, slice):
            starts, ends = self._starts, self._ends
            return [Paragraph(k, starts[k], ends[k]) for k in range(*i.indices(len(starts)))]
        n = len(self._starts)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("paragraph index out of range")
        return Paragraph(i, self._starts[i], self._ends[i])

    def __iter__(self) -> Iterator[Paragraph]:
        return map(Paragraph, count(), self._starts, self._ends)

    def lines(self, text: str) -> "Lines":
        """The paragraphs' texts in ``text`` (the text they were split from), sliced
        on demand."""
        return Lines(text, self._starts, self._ends)

    def __reversed__(self) -> Iterator[Paragraph]:
        n = len(self._starts)
        return map(Paragraph, range(n - 1, -1, -1), reversed(self._starts), reversed(self._ends))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Paragraphs):
            return self._starts == other._starts and self._ends == other._ends
        if isinstance(other, (list, tuple)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Paragraphs({list(self)!r})"


class Lines(Sequence[str]):
    """The texts of a text's paragraphs, as a read-only sequence that slices each one
    out of the text when asked (no list of a million strings for a million lines);
    a slice is a list of strings."""

    __slots__ = ("_text", "_starts", "_ends")

    def __init__(self, text: str, starts: array[int], ends: array[int]) -> None:
        self._text = text
        self._starts = starts
        self._ends = ends

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        text, starts, ends = self._text, self._starts, self._ends
        if isinstance(i, slice):
            return [text[starts[k] : ends[k]] for k in range(*i.indices(len(starts)))]
        return text[starts[i] : ends[i]]

    def __iter__(self) -> Iterator[str]:
        return map(self._text.__getitem__, map(slice, self._starts, self._ends))


def split_paragraphs(text: str) -> Paragraphs:
    """The paragraphs (non-empty lines) of canonical text, in order."""
    kind = "i" if len(text) < 2**31 else "q"  # 4 bytes an offset, 8 for a text of 2G characters
    starts = array(kind)
    ends = array(kind)
    add_start, add_end = starts.append, ends.append
    find = text.find
    pos, n = 0, len(text)
    while pos < n:
        nl = find("\n", pos)
        if nl < 0:
            nl = n
        if nl > pos:
            add_start(pos)
            add_end(nl)
        pos = nl + 1
    return Paragraphs(starts, ends)


class _Document:
    """What both documents share: the current text and its paragraphs, split once per
    text (forgotten whenever the text changes)."""

    _text: str
    _paras: Paragraphs | None

    @property
    def text(self) -> str:
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self._text = value
        self._paras = None

    def paragraphs(self) -> Paragraphs:
        """The paragraphs of the current text, split once per text (callers must not
        mutate the list)."""
        if self._paras is None:
            self._paras = split_paragraphs(self._text)
        return self._paras

    def snapshot(self) -> object:
        """The document as it is now, for :meth:`restore`."""
        return self._text

    def restore(self, snapshot: object) -> None:
        """Put the document back as it was when ``snapshot`` was taken."""
        self.text = cast(str, snapshot)


class PlainDoc(_Document):
    """The fast document: changes are spliced, nothing is remembered but the
    paragraphs of the current text (forgotten whenever the text changes)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._paras = None

    def apply(self, changes: list[Change]) -> None:
        """Replace the current text by the text with ``changes`` applied."""
        if changes:
            self.text = splice(self._text, changes)


@dataclass(slots=True)
class _Piece:
    """A run of current text and the input range it came from.

    ``rules`` is empty for an untouched copy of the input (which may be split
    anywhere); otherwise the piece is the output of those rules, latest first,
    and is indivisible.
    """

    orig_start: int
    orig_end: int
    text: str
    rules: tuple[RuleRef, ...] = ()
    detail: str = ""


class TracedDoc(_Document):
    """A document that records every change against the input (for ``explain``)."""

    def __init__(self, text: str) -> None:
        self.original = text
        self._text = text
        self._paras = None
        self._pieces: list[_Piece] = [_Piece(0, len(text), text)] if text else []

    def snapshot(self) -> object:
        """The document as it is now (its text and the changes that made it), for
        :meth:`restore`.  (A change replaces pieces; it never alters one.)"""
        return self._text, list(self._pieces)

    def restore(self, snapshot: object) -> None:
        """Put the document back as it was when ``snapshot`` was taken."""
        text, pieces = cast("tuple[str, list[_Piece]]", snapshot)
        self.text = text
        self._pieces = list(pieces)

    def apply(self, changes: list[Change]) -> None:
        """Apply sorted, non-overlapping ``changes`` (current coordinates)."""
        if not changes:
            return
        pieces = self._pieces
        n = len(pieces)
        new: list[_Piece] = []
        i = 0  # next unconsumed piece
        cur = 0  # current-text offset where pieces[i] starts
        for s, e, replacement, rules, detail in self._align(changes):
            while i < n and cur + len(pieces[i].text) <= s:
                cur += len(pieces[i].text)
                new.append(pieces[i])
                i += 1
            if i < n and cur < s:  # untouched input straddles s: split it
                p, k = pieces[i], s - cur
                new.append(_Piece(p.orig_start, p.orig_start + k, p.text[:k]))
                pieces[i] = _Piece(p.orig_start + k, p.orig_end, p.text[k:])
                cur = s
            orig_start = pieces[i].orig_start if i < n else len(self.original)
            orig_end = orig_start
            absorbed: list[RuleRef] = []
            while i < n and cur < e:
                p = pieces[i]
                p_end = cur + len(p.text)
                if p_end > e:  # untouched input straddles e: split it
                    k = e - cur
                    orig_end = p.orig_start + k
                    pieces[i] = _Piece(p.orig_start + k, p.orig_end, p.text[k:])
                    cur = e
                    break
                if not replacement and not p.text:
                    # an earlier removal inside a removal stays an edit of its own: two
                    # removals that meet are two edits, each under its own rule (the white
                    # space between them goes with the earlier one)
                    if orig_end > orig_start and self.original[orig_start:orig_end].isspace():
                        p = _Piece(orig_start, p.orig_end, "", (*p.rules, *rules, *absorbed), p.detail)
                    elif orig_end > orig_start or absorbed:
                        new.append(_Piece(orig_start, orig_end, "", (*rules, *absorbed), detail))
                    new.append(p)
                    orig_start = orig_end = p.orig_end
                    absorbed = []
                    i += 1
                    continue
                absorbed.extend(p.rules)
                orig_end = p.orig_end
                cur = p_end
                i += 1
            new.append(_Piece(orig_start, orig_end, replacement, (*rules, *absorbed), detail))
        new.extend(pieces[i:])
        self._pieces = [p for p in new if p.text or p.rules]
        self.text = "".join(p.text for p in self._pieces)

    def _align(self, changes: list[Change]
               ) -> Iterator[tuple[int, int, str, tuple[RuleRef, ...], str]]:
        """Widen changes to whole earlier outputs and merge those that meet.

        An earlier rule's output is indivisible (its input span cannot be cut),
        so a change that touches it takes it whole; two changes that touch the
        same output become one.  Yields ``(start, end, replacement, rules, detail)``.
        """
        starts: list[int] = []
        pos = 0
        for p in self._pieces:
            starts.append(pos)
            pos += len(p.text)
        groups: list[list[Any]] = []  # [start, end, members], widened in place
        for ch in changes:
            s, e = ch.start, ch.end
            k = max(bisect.bisect_right(starts, s) - 1, 0)
            while k < len(starts) and starts[k] < e or (k < len(starts) and s == e and starts[k] < s):
                p = self._pieces[k]
                ps, pe = starts[k], starts[k] + len(p.text)
                if p.rules and pe > ps and ((ps < e and pe > s) or (s == e and ps < s < pe)):
                    s, e = min(s, ps), max(e, pe)
                k += 1
            if groups and s < groups[-1][1]:
                groups[-1][1] = max(groups[-1][1], e)
                groups[-1][2].append(ch)
            else:
                groups.append([s, e, [ch]])
        for s, e, members in groups:
            if len(members) == 1 and (members[0].start, members[0].end) == (s, e):
                ch = members[0]
                yield s, e, ch.replacement, (ch.rule,), ch.detail
                continue
            local = [Change(c.start - s, c.end - s, c.replacement, c.rule) for c in members]
            rules = tuple(dict.fromkeys(c.rule for c in members))
            detail = "; ".join(c.detail for c in members if c.detail)
            yield s, e, splice(self.text[s:e], local), rules, detail

    def edits(self) -> list[Edit]:
        """The changes so far, as edits against the input, in input order."""
        out: list[Edit] = []
        orig = self.original
        for p in self._pieces:
            if not p.rules:
                continue
            before = orig[p.orig_start : p.orig_end]
            if before == p.text:
                continue  # changed and changed back
            head = p.rules[0]
            also = tuple(dict.fromkeys(r.code for r in p.rules[1:] if r.code != head.code))
            out.append(
                Edit(head.code, head.kind, (p.orig_start, p.orig_end), before, p.text,
                     head.why, p.detail, also)
            )
        return out


def diff_changes(old: str, new: str, rule: RuleRef) -> list[Change]:
    """Changes that turn ``old`` into ``new``, found line by line.

    Used to trace whole-text fixers (ftfy, NFC).  Lines are compared one to one
    when the line count is kept; within a changed line the common prefix and
    suffix are kept out of the change, so a repaired character is reported as
    that character, not as the whole line.
    """
    if old == new:
        return []
    old_lines = old.split("\n")
    new_lines = new.split("\n")
    if len(old_lines) != len(new_lines):
        return [Change(0, len(old), new, rule)]
    changes: list[Change] = []
    pos = 0
    for a, b in zip(old_lines, new_lines):
        if a != b:
            changes.extend(_narrow(pos, a, b, rule))
        pos += len(a) + 1
    return changes


def _narrow(offset: int, a: str, b: str, rule: RuleRef) -> list[Change]:
    """One change per differing region of two strings (prefix/suffix trimmed)."""
    import difflib

    if len(a) * len(b) > 4_000_000:  # keep pathological lines linear
        return [Change(offset, offset + len(a), b, rule)]
    out = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out.append(Change(offset + i1, offset + i2, b[j1:j2], rule))
    return out


class PageExtraction(Protocol):
    """What :attr:`Result.extraction` tells of a page: the DOM stage's
    :class:`cleantext.io.html.Extraction`."""

    text: str
    source: str
    root: str
    pruned: int
    article: bool

    def summary(self) -> str: ...


@dataclass(slots=True)
class Result:
    """What :meth:`Cleaner.process` returns: the text, its language and every change
    (when traced), flags, the DOM stage's ``Extraction`` (for a page) and the
    over-deletion verdict (``overdeleted``: why, or "")."""

    text: str
    language: str | None
    changes: list[Edit] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    extraction: PageExtraction | None = None
    overdeleted: str = ""
    words_in: int = 0
    words_out: int = 0

    def counts(self) -> dict[str, int]:
        """How many changes each rule code made."""
        out: dict[str, int] = {}
        for ed in self.changes:
            out[ed.code] = out.get(ed.code, 0) + 1
        return out

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view of the result."""
        return {
            "text": self.text,
            "language": self.language,
            "changes": [e.as_dict() for e in self.changes],
            "counts": self.counts(),
            "flags": list(self.flags),
        }
