"""The literal prefilter never hides a match: with it, the rules find what the
combined pattern of all rules finds."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.stages.packs import Rule, builtin_pack_paths, load_pack
from cleantext.stages.prefilter import Prefilter, fold, required_literals
from cleantext.stages.rules import _Compiled
from cleantext.text.context import Context

RULES = [r for p in builtin_pack_paths() for r in load_pack(p).rules if r.kind != "headline"]
KINDS = ("drop-line", "drop-run", "truncate-after", "strip-inline")
LINES = sorted({line for r in RULES for line in (*r.examples_match, *r.examples_keep)})


def _rule(pattern: str, rid: str = "US001", kind: str = "drop-line", **kw) -> Rule:
    return Rule(id=rid, name="test", kind=kind, why="test", language="*", source="test",
                patterns=(pattern,), **kw)


def test_most_builtin_rules_have_literals():
    missing = [r.id for r in RULES if required_literals(r.regex_source()) is None]
    assert len(missing) <= 0.1 * len(RULES), missing


def test_every_example_match_holds_a_literal_of_its_rule():
    for rule in RULES:
        literals = required_literals(rule.regex_source())
        if literals is None:
            continue
        for line in rule.examples_match:
            assert any(lit in fold(line) for lit in literals), (rule.id, line, literals)


def _same_as_combined(compiled: _Compiled, line: str) -> None:
    found = compiled.fullmatch(line, Context())
    m = compiled.pattern.fullmatch(line)
    assert (found[0].id if found else None) == (m.lastgroup if m else None), line


def _variants(line: str) -> list[str]:
    return [line, line.upper(), line.lower(), line.title(), f"  {line} ", line.replace("'", "’")]


def test_line_answers_equal_the_combined_pattern():
    for kind in KINDS:
        compiled = _Compiled([r for r in RULES if r.kind == kind])
        for line in LINES:
            for variant in _variants(line):
                _same_as_combined(compiled, variant)


def test_text_matches_equal_the_combined_pattern():
    compiled = _Compiled([r for r in RULES if r.kind == "strip-inline"])
    text = "\n\n".join(v for line in LINES for v in _variants(line))
    expected = [(m.lastgroup, m.start(), m.end()) for m in compiled.pattern.finditer(text)]
    assert [(r.id, s, e) for r, s, e in compiled.finditer(text, Context())] == expected
    for chunk in LINES:
        expected = [(m.lastgroup, m.start(), m.end()) for m in compiled.pattern.finditer(chunk)]
        assert [(r.id, s, e) for r, s, e in compiled.finditer(chunk, Context())] == expected


ALPHABET = st.sampled_from(sorted({c for line in LINES for c in line} | set("İıIiSſKK ")))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=3), st.text(ALPHABET, max_size=12))
def test_random_lines_equal_the_combined_pattern(parts, noise):
    compiled = _Compiled([r for r in RULES if r.kind == "drop-line"])
    line = noise.join(parts)
    for variant in _variants(line):
        _same_as_combined(compiled, variant)


def test_literals_are_read_conservatively():
    assert required_literals("(?i:(?:\\d+ comments?))") == frozenset({" comment"})
    assert required_literals("(?:comments){e<=1}") is None  # fuzzy matching
    assert required_literals("[[:alpha:]]+ reply") is None  # POSIX class
    assert required_literals("(?V1)[a--b]reply") is None
    assert required_literals("(?:foo|)bar") == frozenset({"bar"})
    assert required_literals("(?:foo|)") is None  # an empty branch needs nothing
    assert required_literals("(?<=Source)x") == frozenset({"x"})  # a lookbehind is not consumed
    assert required_literals("\\p{L}*\\s*©") == frozenset({"©"})
    assert required_literals("(a+)+$") == frozenset({"a"})
    assert required_literals("x{0,3}") is None


def test_regex_case_equivalences_are_folded_together():
    """Every pair of characters that ``regex`` equates under IGNORECASE folds to strings
    that contain one another, so a case-insensitive match always holds the literal."""
    cased = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000
             and (chr(c).lower() != chr(c) or chr(c).upper() != chr(c) or chr(c).casefold() != chr(c))]
    haystack = "".join(cased)
    for c in cased:
        for other in regex.findall("(?i)" + regex.escape(c), haystack):
            assert fold(c) in fold(other), (c, other)


def test_user_rule_without_literals_is_asked_about_every_line():
    pre = Prefilter([_rule("[^\\p{L}]+"), _rule("Hot Topics", "US002")])
    assert pre.always == ("US001",)
    assert pre.candidates("12 34") == ("US001",)
    assert pre.candidates("HOT TOPICS") == ("US001", "US002")


def test_a_long_text_is_searched_in_pieces_with_the_same_candidates(monkeypatch):
    from cleantext.stages import prefilter

    rules = [r for r in RULES if r.kind == "drop-line"]
    pre = Prefilter(rules)
    texts = [" ".join(LINES), "Straße İstanbul ı " + " ".join(LINES[::-1]), "x" * 50]
    want = [pre.candidates(t) for t in texts]
    for size in (1, 2, 3, 7, 64):
        monkeypatch.setattr(prefilter, "CHUNK", size)
        assert [pre.candidates(t) for t in texts] == want
