"""Guarded fuzzy lookup of capitalised words among generated name spellings.

The rule (NM002): an unknown capitalised word becomes a table name when it is
within a small edit distance of one of that name's known spellings, and

* it is at least :data:`MIN_LENGTH` letters long, title-case, and starts with
  the same letter as the spelling;
* the insert/delete distance (a substitution counts two, as in the
  similarity score reported) is at most :func:`max_edits` of the shorter of
  the two: 1 for 6-7 letters, 2 from 8 letters on (words of 5 letters have
  too many neighbours: "Kipper" is not "Kiper");
* the two do not just end differently (:func:`differs_only_at_end`: the last
  letter differs and nothing before the last three letters does): Russian and
  Ukrainian mark gender and case at the end of a word, so
  Peskova is not Peskov, Zelenska is not Zelensky, Donets is not Donetsk;
* the word is not an ordinary word or another known name
  (:mod:`cleantext.names.lookalikes`), nor a spelling the table refuses;
* exactly one canonical name is nearest (ties between names refuse).

Lookup is sub-linear in the number of spellings: each spelling is indexed by
its *deletion neighbourhood* (every string obtained by deleting up to
``max_edits`` letters after the first), and a word looks up its own deletion
neighbourhood, so the work per word depends on the word's length only.  Most
words share no key with any spelling: a word whose keys do not even begin as
some indexed key begins (the first :data:`PREFIX` letters, a handful of
strings to build) is answered without building its whole neighbourhood.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Callable, Generic, TypeVar

from rapidfuzz.distance import Indel
from rapidfuzz.fuzz import ratio

from .lookalikes import is_known_other_word

MIN_LENGTH = 6
PREFIX = 4
"""How many first letters of a deletion key the quick rejection compares."""
T = TypeVar("T")


def max_edits(length: int) -> int:
    """How many edits a word of ``length`` letters may be away from a spelling."""
    if length < MIN_LENGTH:
        return 0
    return 1 if length < 8 else 2


def differs_only_at_end(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` end differently, and differ only in their last three letters?

    That is an inflection or gender ending (Peskov/Peskova, Zelensky/Zelenska,
    Donetsk/Donets, Kamensky/Kamenskoye), not a misspelling (Mykolayv/Mykolaiv
    ends the same).
    """
    if a[-1:] == b[-1:]:
        return False
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= max(len(a), len(b)) - 3


def deletion_keys(word: str, edits: int) -> set[str]:
    """``word`` with up to ``edits`` letters deleted, the first letter always kept."""
    keys = {word}
    frontier = {word}
    for _ in range(min(edits, len(word) - 1)):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(1, len(w))}
        keys |= frontier
    return keys


def key_prefixes(word: str, edits: int) -> set[str]:
    """The first :data:`PREFIX` letters of every key in ``deletion_keys(word, edits)``.

    A key's first letters come from the word's first ``PREFIX + edits`` letters: the
    word's first letter and any ``PREFIX - 1`` of the next ``PREFIX - 1 + edits``.
    """
    if len(word) < PREFIX + edits:
        return {k[:PREFIX] for k in deletion_keys(word, edits)}
    first = word[0]
    return {first + "".join(c) for c in combinations(word[1:PREFIX + edits], PREFIX - 1)}


@dataclass(frozen=True, slots=True)
class FuzzyHit(Generic[T]):
    """A fuzzy match: the spelling it was near, the payload, distance and score (0-100)."""

    spelling: str
    payload: T
    distance: int
    score: int


class FuzzyIndex(Generic[T]):
    """Spellings (lower-cased) indexed by deletion neighbourhood, each with a payload.

    ``group`` maps a payload to what counts as "the same name" for the
    tie rule (e.g. the canonical form).
    """

    def __init__(self, group: Callable[[T], object] = lambda p: p) -> None:
        self._group = group
        self._spellings: dict[str, T] = {}
        self._keys: dict[str, list[str]] = {}
        self._prefixes: set[str] = set()  # the first PREFIX letters of every key

    def add(self, spelling: str, payload: T) -> None:
        """Index ``spelling`` (first payload per spelling wins)."""
        low = spelling.lower()
        if len(low) < MIN_LENGTH or low in self._spellings:
            return
        self._spellings[low] = payload
        for key in deletion_keys(low, max_edits(len(low))):
            self._keys.setdefault(key, []).append(low)
            self._prefixes.add(key[:PREFIX])

    def __len__(self) -> int:
        return len(self._spellings)

    def candidates(self, word: str) -> set[str]:
        """Indexed spellings that share a deletion key with ``word``."""
        low = word.lower()
        found: set[str] = set()
        edits = max_edits(len(low))
        if self._prefixes.isdisjoint(key_prefixes(low, edits)):
            return found  # no key of the word begins as an indexed key does
        index = self._keys
        # the keys the index holds (most of a word's deletion keys it does not)
        for key in index.keys() & deletion_keys(low, edits):
            found.update(index[key])
        return found

    def lookup(self, word: str, refuse: Callable[[str], bool] = is_known_other_word
               ) -> FuzzyHit[T] | None:
        """The one nearest spelling that :func:`accepted_distance` allows for ``word``, or None."""
        if not fuzzy_candidate_shape(word):
            return None
        low = word.lower()
        candidates = self.candidates(low)
        if not candidates or refuse(word):
            return None
        hits = []
        for spelling in candidates:
            distance = accepted_distance(low, spelling)
            if distance is not None:
                hits.append((distance, spelling))
        if not hits:
            return None
        best = min(d for d, _ in hits)
        nearest = sorted(s for d, s in hits if d == best)
        if len({self._group(self._spellings[s]) for s in nearest}) > 1:
            return None  # two different names are equally near: refuse
        spelling = nearest[0]
        return FuzzyHit(spelling, self._spellings[spelling], best,
                        round(ratio(low, spelling)))


def fuzzy_candidate_shape(word: str) -> bool:
    """Only title-case words of at least :data:`MIN_LENGTH` letters are tried."""
    return len(word) >= MIN_LENGTH and word[:1].isupper() and word[1:].islower()


def accepted_distance(word: str, spelling: str) -> int | None:
    """The edit distance when ``word`` may stand for ``spelling`` (lower case), else None."""
    if word == spelling or word[:1] != spelling[:1]:
        return None
    limit = max_edits(min(len(word), len(spelling)))
    if limit == 0 or differs_only_at_end(word, spelling):
        return None
    distance = Indel.distance(word, spelling, score_cutoff=limit)
    return distance if distance <= limit else None
