"""NM001/NM002: one spelling for every person and place, from name tables.

A name table is a TOML file of entries::

    [[name]]
    canonical = "Alexander Khinshtein"
    native = ["Александр Хинштейн"]   # native-script forms (Russian, Ukrainian, ...)
    variants = ["Khinsten"]           # optional: other known spellings
    exceptions = ["..."]              # optional: phrases where a variant stays as written
    kind = "person"                   # optional: "person" or "place" (else inferred)
    note = "..."                      # optional: free text for reviewers

Every entry is compiled, once per table, into the spellings it claims:

* the canonical form itself and the listed ``variants`` ("table");
* every romanization of each ``native`` form by a standard scheme or an
  English-press habit (:mod:`cleantext.names.translit`), labelled with the scheme.

A claimed spelling is replaced under NM001; the change's ``detail`` says how it
was claimed ("table: Kiev -> Kyiv (places_ukraine.toml)", "scheme ru:wikipedia:
Kharkov -> Kharkiv").  NM002 is the guessed case: an unknown capitalised word
close to a claimed spelling, under the guards of :mod:`cleantext.names.fuzzy`
("fuzzy 89: Khinsten -> Khinshtein (near Khinshtein, canonical)").

A person (``kind = "person"``, or a native form that starts with a common given
name) claims spellings of the *surname*: "Governor Khinsten" becomes
"Governor Khinshtein".  Spellings of the given name are only changed right
before the surname ("Aleksandr Khinshteyn" -> "Alexander Khinshtein").  A place
claims spellings of the whole name ("Krivoy Rog" -> "Kryvyi Rih").

The rules of replacement: a spelling is replaced where it stands as a whole
word (or words), in the case it is claimed or in capitals ("KIEV" -> "KYIV");
lower-case text is never touched.  Possessives and hyphenated compounds keep
their endings ("Kiev's" -> "Kyiv's", "Kiev-based" -> "Kyiv-based").  Longer
spellings win over shorter ones.  A spelling inside one of its entry's
``exceptions`` stays as written ("chicken Kiev", "Odessa, Texas").

Claims are settled when the table is compiled: a canonical form or listed
variant beats a generated spelling; a generated spelling that two entries
with different canonical forms both claim, or that is an ordinary word or
another known place (:mod:`cleantext.names.lookalikes`), is claimed by no one
and refused to fuzzy matching as well.

Lookup is indexed: capitalised words are found with one pattern and looked up
in a dictionary keyed by first word; fuzzy candidates come from a deletion
index.  The cost grows with the text, not with the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import regex

from ..stages.base import CodeRule
from ..stages.packs import RulePackError, builtin_rules_dir, load_toml
from ..text.edits import Change
from .fuzzy import FuzzyIndex
from .lookalikes import is_known_other_word
from .translit import is_given_name, native_language, romanizations

NAME_TABLE = CodeRule(
    "NM001", "name-table", "substitute",
    "One canonical spelling per person and place (listed or generated from the native "
    "form), so that search and counts see one name.",
    __name__)
NAME_FUZZY = CodeRule(
    "NM002", "name-fuzzy", "substitute",
    "A capitalised word a few letters away from a table name, and no other known word, "
    "becomes its canonical spelling.",
    __name__)
CODE_RULES = [NAME_TABLE, NAME_FUZZY]

KINDS = ("person", "place")
_ENTRY_KEYS = {"canonical": str, "variants": list, "exceptions": list, "native": list,
               "note": str, "kind": str}
_FUZZY_MEMO_SIZE = 200_000
_WORD_RE = regex.compile(r"\b\p{Lu}[\p{L}\p{M}]*\b")
_GIVEN_BEFORE_RE = regex.compile(r"\b(\p{Lu}[\p{L}\p{M}]*)[ \u00a0]+$")
_TABLE_HOWS = ("canonical", "table")


@dataclass
class NameEntry:
    """One table entry."""

    canonical: str
    variants: tuple[str, ...]
    exceptions: tuple[str, ...] = ()
    native: tuple[str, ...] = ()
    source: str = ""
    kind: str = ""

    @property
    def is_person(self) -> bool:
        """A person: said so, or a two-word name whose native form starts with a given name."""
        if self.kind:
            return self.kind == "person"
        return len(self.canonical.split()) >= 2 and any(
            len(n.split()) >= 2 and is_given_name(n.split()[0]) for n in self.native)

    @property
    def surname(self) -> str:
        """The canonical surname (last word) of a person."""
        return self.canonical.split()[-1]

    @property
    def given(self) -> str:
        """The canonical given name(s) of a person (all but the last word)."""
        return " ".join(self.canonical.split()[:-1])


@dataclass(frozen=True, slots=True)
class Spelling:
    """A spelling an entry claims: ``text`` is replaced by ``target``.

    ``how`` is "canonical", "table" or the scheme label; ``slot`` is "name"
    (a place or a whole name), "surname" or "given".
    """

    text: str
    target: str
    entry: NameEntry
    how: str
    slot: str

    def describe(self, written: str, replacement: str) -> str:
        """The ``detail`` of a change made by this spelling."""
        if self.how in _TABLE_HOWS:
            return f"table: {written} -> {replacement} ({Path(self.entry.source).name})"
        return f"scheme {self.how}: {written} -> {replacement}"

    def upper(self) -> "Spelling":
        """The same claim written in capitals ("KIEV" -> "KYIV")."""
        return Spelling(self.text.upper(), self.target.upper(), self.entry, self.how, self.slot)


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    replacement: str
    rule: CodeRule
    detail: str


def entry_spellings(entry: NameEntry) -> tuple[list[Spelling], list[Spelling], list[Spelling]]:
    """(explicit claims, generated claims, given-name spellings) of one entry.

    Explicit: the canonical form (and a person's canonical surname) mapping to
    itself, and the listed variants (one-word variants of a person are
    surnames).  Generated: romanizations of the native forms (a person's native
    surname; a place's whole native name).  Given: romanizations of a person's
    native given name.
    """
    person = entry.is_person
    explicit = [Spelling(entry.canonical, entry.canonical, entry, "canonical", "name")]
    if person:
        explicit.append(Spelling(entry.surname, entry.surname, entry, "canonical", "surname"))
    for variant in entry.variants:
        if person and len(variant.split()) == 1:
            explicit.append(Spelling(variant, entry.surname, entry, "table", "surname"))
        else:
            explicit.append(Spelling(variant, entry.canonical, entry, "table", "name"))
    generated, given = [], []
    for native in entry.native:
        languages = native_language(native, entry.native)
        words = native.split()
        if person and len(words) >= 2:
            generated += [Spelling(text, entry.surname, entry, how, "surname")
                          for text, how in romanizations(words[-1], languages).items()]
            given += [Spelling(text, entry.given, entry, how, "given")
                      for text, how in romanizations(words[0], languages).items()]
        else:
            generated += [Spelling(text, entry.canonical, entry, how, "name")
                          for text, how in romanizations(native, languages).items()]
    return explicit, generated, given


def settle_claims(entries: Iterable[NameEntry]) -> tuple[dict[str, Spelling], set[str], dict]:
    """Who owns each spelling: ``(claims, refused, given_by_entry)``.

    Explicit claims win (first table first); a generated spelling is kept when
    no explicit claim has it, it is not a known other word, and every entry that
    generates it agrees on the canonical form.  Spellings lost to a
    disagreement or a known word are ``refused`` (lower case).
    """
    claims: dict[str, Spelling] = {}
    generated: dict[str, list[Spelling]] = {}
    given_by_entry: dict[int, dict[str, Spelling]] = {}
    for entry in entries:
        explicit, gen, given = entry_spellings(entry)
        for sp in explicit:
            claims.setdefault(sp.text, sp)
        for sp in gen:
            generated.setdefault(sp.text, []).append(sp)
        mine = given_by_entry.setdefault(id(entry), {})
        for sp in given:
            mine.setdefault(sp.text, sp)
    refused: set[str] = set()
    for text, spellings in generated.items():
        if text in claims:
            continue
        if len({sp.target for sp in spellings}) > 1 or is_known_other_word(text):
            refused.add(text.lower())
            continue
        claims[text] = spellings[0]
    return claims, refused, given_by_entry


@dataclass
class NameTable:
    """Name entries compiled (lazily, once) into an exact and a fuzzy index."""

    entries: list[NameEntry] = field(default_factory=list)
    fuzzy: bool = True

    def __post_init__(self) -> None:
        self._compiled = False

    def extend(self, entries: Iterable[NameEntry]) -> None:
        """Add entries (later tables may add variants to the same canonical form)."""
        self.entries.extend(entries)
        self._compiled = False

    def __len__(self) -> int:
        return len(self.entries)

    def compile(self) -> "NameTable":
        """Build the indexes (done once, before the first lookup)."""
        claims, self._refused, self._given = settle_claims(self.entries)
        self._exact: dict[str, list[Spelling]] = {}
        self._fuzzy: FuzzyIndex[Spelling] = FuzzyIndex(group=lambda sp: (id(sp.entry), sp.target))
        for sp in claims.values():
            self._add_exact(sp)
            if sp.text.upper() != sp.text:
                self._add_exact(sp.upper())
            if sp.how != "table" and " " not in sp.text and "-" not in sp.text:
                self._fuzzy.add(sp.text, sp)
        for spellings in self._exact.values():
            spellings.sort(key=lambda sp: -len(sp.text))
        self._fuzzy_memo: dict = {}
        self._plain_words: set[str] = set()  # capitalised words known not to be names
        # Words that are only ever their own canonical spelling (one word, not a
        # surname that a given name may precede): matching them changes nothing.
        self._noop_words = frozenset(
            word for word, spellings in self._exact.items()
            if all(sp.text == sp.target and " " not in sp.text and sp.slot != "surname"
                   for sp in spellings))
        self._compiled = True
        return self

    def _add_exact(self, sp: Spelling) -> None:
        first = _WORD_RE.match(sp.text)
        if first:
            self._exact.setdefault(first.group(), []).append(sp)

    def canonical_of(self, word: str) -> str | None:
        """The canonical form of ``word`` standing alone, or None if the table knows no such name."""
        changes = self.changes(word)
        if changes:
            return changes[0].replacement
        return word if any(sp.text == word for sp in self._exact.get(word, ())) else None

    def changes(self, text: str) -> list[Change]:
        """Whole-word replacements of every claimed or near spelling by its canonical form."""
        if not self._compiled:
            self.compile()
        if not self._exact:
            return []
        out: list[Change] = []
        pos = 0
        plain = self._plain_words
        for m in _WORD_RE.finditer(text):
            if m.start() < pos or m.group() in plain or m.group() in self._noop_words:
                continue
            found = self._exact_match(text, m) or self._fuzzy_match(m)
            if found is None:
                if m.group() not in self._exact:  # no spelling starts with it: never a name
                    if len(plain) >= _FUZZY_MEMO_SIZE:
                        plain.clear()
                    plain.add(m.group())
                continue
            sp, end, how_detail = found
            pos = end
            if _in_exception(text, m.start(), end, sp.entry):
                continue
            match = self._with_given_name(text, m.start(), end, sp, how_detail,
                                          out[-1].end if out else 0)
            if match is not None:
                out.append(Change(match.start, match.end, match.replacement, match.rule.ref,
                                  match.detail))
        return out

    def _exact_match(self, text: str, m) -> tuple[Spelling, int, None] | None:
        for sp in self._exact.get(m.group(), ()):
            end = _match_words(text, m.start(), tuple(sp.text.split()))
            if end is not None:
                return sp, end, None
        return None

    def _fuzzy_match(self, m) -> tuple[Spelling, int, str] | None:
        if not self.fuzzy:
            return None
        word = m.group()
        hit = self._fuzzy_lookup(word)
        if hit is None:
            return None
        sp = hit.payload
        near = f"near {sp.text}, {sp.how}"
        return sp, m.end(), f"fuzzy {hit.score}: {word} -> {sp.target} ({near})"

    def _fuzzy_lookup(self, word: str):
        """The fuzzy index's answer for ``word``, remembered per table.

        Capitalised words repeat heavily across a corpus (Zipf), so each
        distinct word is looked up once; the memo is bounded.
        """
        memo = self._fuzzy_memo
        if word in memo:
            return memo[word]
        if len(memo) >= _FUZZY_MEMO_SIZE:
            memo.clear()
        hit = memo[word] = self._fuzzy.lookup(word, refuse=self._refuses)
        return hit

    def _refuses(self, word: str) -> bool:
        return word.lower() in self._refused or is_known_other_word(word)

    def _with_given_name(self, text: str, start: int, end: int, sp: Spelling,
                         fuzzy_detail: str | None, floor: int) -> _Match | None:
        """The change for a match, widened to a preceding given-name spelling.

        A given name is changed only right before its own entry's surname.
        Returns None when nothing changes.
        """
        written = text[start:end]
        pieces = []
        if written != sp.target:
            pieces.append(fuzzy_detail or sp.describe(written, sp.target))
        rule = NAME_FUZZY if fuzzy_detail and written != sp.target else NAME_TABLE
        replacement = sp.target
        if sp.slot == "surname":
            before = _GIVEN_BEFORE_RE.search(text, max(floor, start - 40), start)
            given = before and self._given.get(id(sp.entry), {}).get(before.group(1))
            if given and given.text != given.target:
                pieces.insert(0, given.describe(given.text, given.target))
                replacement = given.target + text[before.end(1):start] + replacement
                start = before.start(1)
        if not pieces:
            return None
        return _Match(start, end, replacement, rule, "; ".join(pieces))


def _match_words(text: str, start: int, words: tuple[str, ...]) -> int | None:
    """End offset when ``words`` stand at ``start`` as whole words, else None."""
    pos = start
    for k, word in enumerate(words):
        if k:
            gap = regex.match(r"[ \u00a0]+", text[pos:pos + 4])
            if not gap:
                return None
            pos += gap.end()
        if not text.startswith(word, pos):
            return None
        pos += len(word)
    if pos < len(text) and (text[pos].isalnum() or text[pos] == "_"):
        return None
    return pos


def _in_exception(text: str, start: int, end: int, entry: NameEntry) -> bool:
    """Is text[start:end] part of one of the entry's exception phrases?"""
    variant = text[start:end].lower()
    for phrase in entry.exceptions:
        low = phrase.lower()
        k = low.find(variant)
        while k >= 0:
            lo = start - k
            if lo >= 0 and text[lo : lo + len(phrase)].lower() == low:
                return True
            k = low.find(variant, k + 1)
    return False


def _check_entry(path: Path, raw: object, k: int) -> NameEntry:
    """One validated entry (strict: unknown keys and wrong types are errors)."""
    label = str(raw.get("canonical", f"entry {k + 1}")) if isinstance(raw, dict) else f"entry {k + 1}"
    if not isinstance(raw, dict):
        raise RulePackError(path, "each [[name]] must be a table", label)
    for key, value in raw.items():
        if key not in _ENTRY_KEYS:
            raise RulePackError(path, "unknown key in a name entry", label, key)
        if not isinstance(value, _ENTRY_KEYS[key]):
            raise RulePackError(path, f"expected {_ENTRY_KEYS[key].__name__}", label, key)
        if isinstance(value, list) and not all(isinstance(v, str) and v.strip() for v in value):
            raise RulePackError(path, "expected a list of non-empty strings", label, key)
    if not raw.get("canonical", "").strip():
        raise RulePackError(path, "is required", label, "canonical")
    kind = raw.get("kind", "")
    if kind and kind not in KINDS:
        raise RulePackError(path, f"unknown kind {kind!r} (known: {', '.join(KINDS)})", label, "kind")
    if kind == "person" and len(raw["canonical"].split()) < 2:
        raise RulePackError(path, "a person needs a given name and a surname", label, "canonical")
    return NameEntry(raw["canonical"].strip(), tuple(v.strip() for v in raw.get("variants", ())),
                     tuple(raw.get("exceptions", ())), tuple(n.strip() for n in raw.get("native", ())),
                     str(path), kind)


def load_name_table(path: str | Path) -> list[NameEntry]:
    """Read and validate one name-table file (strict: unknown keys are errors)."""
    path = Path(path)
    data = load_toml(path, ("name",))
    return [_check_entry(path, raw, k) for k, raw in enumerate(data.get("name", []))]


def builtin_name_paths() -> list[Path]:
    """The shipped name tables."""
    return sorted((builtin_rules_dir() / "names").glob("*.toml"))


def build_name_table(paths: Iterable[str | Path] = (), builtin: bool = True) -> NameTable:
    """The built-in tables (unless ``builtin`` is false) plus the user's ``paths``, compiled."""
    table = NameTable()
    for path in [*(builtin_name_paths() if builtin else []), *paths]:
        table.extend(load_name_table(path))
    return table.compile()
