"""Rule packs: declarative TOML files of boilerplate rules, loaded strictly.

A pack is one TOML file::

    [pack]
    name = "en-comments"
    language = "en"            # or "*" for the language-neutral pack
    description = "..."
    disable = ["RL002"]        # optional: built-in rules this pack switches off

    [[rule]]
    id = "CS001"               # two or three capitals and three digits, stable
    name = "comment-prompt"
    kind = "truncate-after"    # drop-line | drop-run | truncate-after | strip-inline | headline
    why = "One line: why this is not article text."
    phrases = ["Please enter your comment!"]
    patterns = ['\\d+ comments?']
    examples = { match = ["Leave a Reply"], keep = ["We left a reply."] }

Decoding is strict (as in Vale): an unknown key, a key of the wrong type, an
unknown kind or a pattern that does not compile is a :class:`RulePackError`
that names the file, the rule id and the field.  A user pack extends the
built-in packs: a rule with a new id is added, a rule with a built-in id
replaces it, ``enabled = false`` or ``disable = [...]`` switches rules off.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import regex

KINDS = ("drop-line", "drop-run", "truncate-after", "strip-inline", "headline")
# The kinds whose rules match a whole line (the others: a span inside one, a headline's tail).
WHOLE_LINE_KINDS = frozenset({"drop-line", "drop-run", "truncate-after"})
_ID_RE = regex.compile(r"[A-Z]{2,3}[0-9]{3}")

# Allowed keys per kind, with their types.  Everything else is an error.
_COMMON = {
    "id": str, "name": str, "kind": str, "why": str, "phrases": list, "patterns": list,
    "examples": dict, "enabled": bool, "case_sensitive": bool,
}
_BY_KIND: dict[str, dict[str, type]] = {
    "drop-line": {"max_words": int},
    # a line of a run of at least ``min_run`` lines the kind's rules match, one after another
    "drop-run": {"max_words": int, "min_run": int},
    "truncate-after": {"max_words": int, "min_position": float},
    "strip-inline": {},
    "headline": {"separators": list, "max_words": int},
}
_PACK_KEYS = {"name": str, "language": str, "description": str, "disable": list}
_EXAMPLE_KEYS = {"match", "keep"}


class RulePackError(ValueError):
    """A rule pack that cannot be used, with the file, rule id and field at fault."""

    def __init__(self, path: str | Path, message: str, rule: str | None = None,
                 field_name: str | None = None, what: str = "rule") -> None:
        where = str(path)
        if rule:
            where += f": {what} {rule}"
        if field_name:
            where += f": field '{field_name}'"
        super().__init__(f"{where}: {message}")
        self.path = str(path)
        self.rule = rule
        self.field = field_name


@dataclass(frozen=True)
class Rule:
    """One declarative rule, validated."""

    id: str
    name: str
    kind: str
    why: str
    language: str
    source: str
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    case_sensitive: bool = False
    max_words: int | None = None
    min_position: float = 0.5
    min_run: int = 2
    separators: tuple[str, ...] = ()
    examples_match: tuple[str, ...] = ()
    examples_keep: tuple[str, ...] = ()
    enabled: bool = True
    # The expression, written once when the rule is made; a pickled rule (the user cache
    # of the built-in packs) carries it, so a new process does not write it again.
    _source: str = field(init=False, repr=False, compare=False, default="")

    def __post_init__(self) -> None:
        object.__setattr__(self, "_source", _regex_source(self, False))

    def regex_source(self, branch_reset: bool = False) -> str:
        """The rule's phrases and patterns as one regular expression (no anchors).

        ``branch_reset``: number each pattern's groups from 1, so a pattern's
        backreferences mean its own groups (for a rule compiled on its own)."""
        return _regex_source(self, True) if branch_reset else self._source


@dataclass
class Pack:
    """A loaded pack: its language, its rules and the ids it disables."""

    name: str
    language: str
    source: str
    description: str = ""
    rules: list[Rule] = field(default_factory=list)
    disable: tuple[str, ...] = ()


def _regex_source(rule: Rule, branch_reset: bool) -> str:
    """:meth:`Rule.regex_source`, written when the rule is made (every language's rule
    set reads the drop-line rules of the other languages' packs too)."""
    # The phrases that take the closing punctuation share one copy of it, and an ASCII
    # phrase the rule already holds in another case is written once when case does not
    # count: the same lines match, and the patterns compile in about 40% of the time (the
    # regex module parses a pattern in Python; compiling was the larger part of a process's
    # first document).
    open_: list[str] = []
    closed: list[str] = []
    seen: set[str] = set()
    for phrase in rule.phrases:
        written = _phrase_body(phrase)
        # (an ASCII phrase: (?i) reads every case of its letters alike)
        key = written.lower() if written.isascii() and not rule.case_sensitive else written
        if key in seen:
            continue
        seen.add(key)
        (open_ if _takes_punctuation(phrase, rule.kind) else closed).append(written)
    shared = ["(?:" + "|".join(f"(?:{a})" for a in open_) + ")" + _CLOSING] if open_ else []
    body = "|".join(f"(?:{a})" for a in shared + closed + list(rule.patterns))
    if branch_reset:
        body = f"(?|{body})"
    return body if rule.case_sensitive else f"(?i:{body})"


# What a whole-line phrase may end with when it has no final punctuation of its own.
_CLOSING = r"[\s:.!?…]*"


def _phrase_body(phrase: str) -> str:
    """A literal phrase as a pattern: flexible whitespace, either apostrophe style."""
    words = [regex.escape(w).replace("'", "['’]") for w in phrase.split()]
    return r"\s+".join(words)


def _takes_punctuation(phrase: str, kind: str) -> bool:
    """For whole-line kinds a phrase without its own final punctuation also matches with a
    trailing colon, period, ellipsis or exclamation mark ("Comments:", "Related
    Articles...")."""
    return kind in WHOLE_LINE_KINDS and phrase.rstrip()[-1:] not in ":.!?"


def _check_type(path: Path, rule_id: str | None, key: str, value: object, expected: type) -> None:
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise RulePackError(path, f"expected {expected.__name__}, got {type(value).__name__}",
                            rule_id, key)


def _str_list(path: Path, rule_id: str | None, key: str, value: list[Any]) -> tuple[str, ...]:
    if not all(isinstance(v, str) and v for v in value):
        raise RulePackError(path, "expected a list of non-empty strings", rule_id, key)
    return tuple(value)


def _parse_rule(path: Path, raw: Any, language: str) -> Rule:
    if not isinstance(raw, dict):
        raise RulePackError(path, "each [[rule]] must be a table")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not _ID_RE.fullmatch(rule_id):
        raise RulePackError(path, "missing or malformed id (expected like 'CS001')",
                            str(rule_id) if rule_id else None, "id")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise RulePackError(path, f"unknown kind {kind!r} (known: {', '.join(KINDS)})",
                            rule_id, "kind")
    allowed = {**_COMMON, **_BY_KIND[kind]}
    for key, value in raw.items():
        if key not in allowed:
            raise RulePackError(path, f"unknown key for a {kind} rule", rule_id, key)
        _check_type(path, rule_id, key, value, allowed[key])
    for key in ("name", "why"):
        if not raw.get(key, "").strip():
            raise RulePackError(path, "is required", rule_id, key)
    if "\n" in raw["why"].strip():
        raise RulePackError(path, "must be one line", rule_id, "why")
    phrases = _str_list(path, rule_id, "phrases", raw.get("phrases", []))
    patterns = _str_list(path, rule_id, "patterns", raw.get("patterns", []))
    if kind != "headline" and not phrases and not patterns:
        raise RulePackError(path, "a rule needs phrases or patterns", rule_id, "patterns")
    for pattern in patterns:
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise RulePackError(path, f"pattern {pattern!r} does not compile: {exc}",
                                rule_id, "patterns") from None
    examples = raw.get("examples", {})
    for key, value in examples.items():
        if key not in _EXAMPLE_KEYS:
            raise RulePackError(path, "unknown key (known: match, keep)", rule_id,
                                f"examples.{key}")
        _check_type(path, rule_id, f"examples.{key}", value, list)
    separators = _str_list(path, rule_id, "separators", raw.get("separators", []))
    if kind == "headline" and not separators:
        raise RulePackError(path, "a headline rule needs separators", rule_id, "separators")
    min_position = float(raw.get("min_position", 0.5))
    if not 0.0 <= min_position <= 1.0:
        raise RulePackError(path, "must be between 0 and 1", rule_id, "min_position")
    min_run = raw.get("min_run", 2)
    if min_run < 2:
        raise RulePackError(path, "must be at least 2 (a single line is a drop-line rule's)",
                            rule_id, "min_run")
    return Rule(
        id=rule_id, name=raw["name"], kind=kind, why=raw["why"].strip(), language=language,
        source=str(path), phrases=phrases, patterns=patterns,
        case_sensitive=raw.get("case_sensitive", False), max_words=raw.get("max_words"),
        min_position=min_position, min_run=min_run, separators=separators,
        examples_match=_str_list(path, rule_id, "examples.match", examples.get("match", [])),
        examples_keep=_str_list(path, rule_id, "examples.keep", examples.get("keep", [])),
        enabled=raw.get("enabled", True),
    )


def load_toml(path: Path, top_level: tuple[str, ...]) -> dict[str, Any]:
    """The tables of a pack or name-table file; a missing file, invalid TOML or a
    top-level key not in ``top_level`` is a :class:`RulePackError`."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulePackError(path, "no such file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulePackError(path, f"not valid TOML: {exc}") from None
    except OSError as exc:  # a folder, no permission
        raise RulePackError(path, f"cannot read: {exc.strerror}") from None
    for key in data:
        if key not in top_level:
            raise RulePackError(path, f"unknown top-level key (known: {', '.join(top_level)})",
                                None, key)
    return data


def load_pack(path: str | Path) -> Pack:
    """Read and validate one pack file."""
    path = Path(path)
    data = load_toml(path, ("pack", "rule"))
    head = data.get("pack", {})
    for key, value in head.items():
        if key not in _PACK_KEYS:
            raise RulePackError(path, "unknown key in [pack]", None, f"pack.{key}")
        _check_type(path, None, f"pack.{key}", value, _PACK_KEYS[key])
    language = head.get("language", "*")
    rules_raw = data.get("rule", [])
    if not isinstance(rules_raw, list):
        raise RulePackError(path, "rules must be written as [[rule]] tables", None, "rule")
    rules = [_parse_rule(path, raw, language) for raw in rules_raw]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RulePackError(path, "duplicate id", rule.id, "id")
        seen.add(rule.id)
    return Pack(name=head.get("name", path.stem), language=language, source=str(path),
                description=head.get("description", ""), rules=rules,
                disable=_str_list(path, None, "pack.disable", head.get("disable", [])))


def builtin_rules_dir() -> Path:
    """Where the shipped packs live: inside the installed package, or the source tree."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "rules", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the built-in rule packs are missing from this installation")


def builtin_pack_paths() -> list[Path]:
    """All shipped boilerplate packs (the name tables under ``names/`` are not packs)."""
    root = builtin_rules_dir()
    return sorted(p for p in root.glob("*/*.toml") if p.parent.name != "names")


def check_disable(packs: Iterable[Pack]) -> None:
    """Every id in a pack's ``disable`` list names a rule of some pack; else a
    :class:`RulePackError` naming the unknown ids."""
    packs = list(packs)
    known = {r.id for pack in packs for r in pack.rules}
    for pack in packs:
        unknown = [i for i in pack.disable if i not in known]
        if unknown:
            raise RulePackError(pack.source, f"unknown rule id(s) in disable: {', '.join(unknown)}",
                                None, "pack.disable")


def load_builtin_packs() -> list[Pack]:
    """All shipped packs, read and validated (:func:`load_pack`), or their stored copy
    from the user cache (:mod:`cleantext.cache`) when the files are unchanged."""
    from .. import cache
    from . import prefilter

    paths = builtin_pack_paths()
    key = cache.fingerprint([*cache.file_parts(paths), cache.source_of(__file__),
                             cache.source_of(prefilter.__file__), *cache.module_parts("regex")])

    def build() -> tuple[list[Pack], dict[str, frozenset[str] | None]]:
        packs = [load_pack(p) for p in paths]
        literals = {source: prefilter.required_literals(source) for source in
                    {r.regex_source() for pack in packs for r in pack.rules if r.kind != "headline"}}
        return packs, literals

    packs, literals = cache.cached("packs", key, build)
    prefilter.remember(literals)
    return list(packs)


def merge_rules(packs: Iterable[Pack]) -> list[Rule]:
    """All enabled rules of ``packs`` in order; later packs override earlier ids."""
    by_id: dict[str, Rule] = {}
    disabled: set[str] = set()
    for pack in packs:
        disabled.update(pack.disable)
        for rule in pack.rules:
            by_id[rule.id] = rule
            if rule.id not in pack.disable:
                disabled.discard(rule.id)  # a later pack that defines the id again wins
    return [r for r in by_id.values() if r.enabled and r.id not in disabled]
