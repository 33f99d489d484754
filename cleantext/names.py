"""NM001: one spelling for every name, from name tables.

A name table is a TOML file of entries::

    [[name]]
    canonical = "Kyiv"
    variants = ["Kiev"]
    exceptions = ["chicken Kiev"]     # phrases where a variant stays as written

The rule: a variant is replaced by its canonical form where it stands as a whole
word (or words), in the case it is written in the table or in capitals
("KIEV" -> "KYIV"); lower-case text is never touched.  Possessives and
hyphenated compounds keep their endings ("Kiev's" -> "Kyiv's",
"Kiev-based" -> "Kyiv-based"), because the match ends at the word boundary.
Longer variants win over shorter ones.  A variant inside one of its entry's
exceptions stays as written.

Lookup is indexed: capitalised words are found with one pattern and looked up
in a dictionary keyed by first word, so the cost grows with the text, not with
the table.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import regex

from .edits import Change
from .normalize import CodeRule
from .packs import RulePackError, builtin_rules_dir

NAME_TABLE = CodeRule(
    "NM001", "name-table", "substitute",
    "One canonical spelling per person and place, so that search and counts see one name.",
    __name__)

_ENTRY_KEYS = {"canonical": str, "variants": list, "exceptions": list, "native": list,
               "note": str}
_WORD_RE = regex.compile(r"\b\p{Lu}[\p{L}\p{M}]*\b")


@dataclass
class NameEntry:
    """One table entry."""

    canonical: str
    variants: tuple[str, ...]
    exceptions: tuple[str, ...] = ()
    native: tuple[str, ...] = ()
    source: str = ""


@dataclass
class NameTable:
    """Name entries indexed for whole-word lookup."""

    entries: list[NameEntry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], str, NameEntry]]] = {}
        for entry in self.entries:
            self._add(entry)

    def _add(self, entry: NameEntry) -> None:
        forms = set()
        for variant in entry.variants:
            if variant == entry.canonical:
                continue
            forms.add((variant, entry.canonical))
            if variant.upper() != variant:
                forms.add((variant.upper(), entry.canonical.upper()))
        for variant, canonical in forms:
            words = tuple(variant.split())
            cands = self._index.setdefault(words[0], [])
            cands.append((words, canonical, entry))
            cands.sort(key=lambda c: -len(" ".join(c[0])))

    def extend(self, entries: Iterable[NameEntry]) -> None:
        """Add entries (later tables may add variants to the same canonical form)."""
        for entry in entries:
            self.entries.append(entry)
            self._add(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def changes(self, text: str) -> list[Change]:
        """Whole-word replacements of every variant by its canonical spelling."""
        if not self._index:
            return []
        out: list[Change] = []
        pos = 0
        for m in _WORD_RE.finditer(text):
            if m.start() < pos:
                continue
            cands = self._index.get(m.group())
            if not cands:
                continue
            for words, canonical, entry in cands:
                end = _match_words(text, m.start(), words)
                if end is None or _in_exception(text, m.start(), end, entry):
                    continue
                variant = text[m.start() : end]
                out.append(Change(m.start(), end, canonical, NAME_TABLE.ref,
                                  f"table: {variant} -> {canonical} ({Path(entry.source).name})"))
                pos = end
                break
        return out


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
    variant = text[start:end]
    for phrase in entry.exceptions:
        k = phrase.lower().find(variant.lower())
        while k >= 0:
            lo = start - k
            if lo >= 0 and text[lo : lo + len(phrase)].lower() == phrase.lower():
                return True
            k = phrase.lower().find(variant.lower(), k + 1)
    return False


def load_name_table(path: str | Path) -> list[NameEntry]:
    """Read and validate one name-table file (strict: unknown keys are errors)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulePackError(path, "no such file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulePackError(path, f"not valid TOML: {exc}") from None
    for key in data:
        if key != "name":
            raise RulePackError(path, "unknown top-level key (known: name)", None, key)
    entries = []
    for k, raw in enumerate(data.get("name", [])):
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
        entries.append(NameEntry(raw["canonical"].strip(), tuple(raw.get("variants", ())),
                                 tuple(raw.get("exceptions", ())), tuple(raw.get("native", ())),
                                 str(path)))
    return entries


def builtin_name_paths() -> list[Path]:
    """The shipped name tables."""
    return sorted((builtin_rules_dir() / "names").glob("*.toml"))


def build_name_table(paths: Iterable[str | Path] = (), builtin: bool = True) -> NameTable:
    """The built-in tables (unless ``builtin`` is false) plus the user's ``paths``."""
    table = NameTable()
    for path in [*(builtin_name_paths() if builtin else []), *paths]:
        table.extend(load_name_table(path))
    return table
