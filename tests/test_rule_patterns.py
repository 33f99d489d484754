"""The shipped rules are matched against a line of up to ``TRUSTED_LENGTH`` characters
without a timeout: each of their line patterns (a rule's own, and the combined pattern
of each language's rules without literals) must run fast on adversarial lines of that
length, and a user's rule keeps its timeout."""

from __future__ import annotations

import pytest

import cleantext
from cleantext.stages.packs import Rule
from cleantext.stages.rules import RULE_TIMEOUT, TRUSTED_LENGTH, _Compiled, is_builtin
from cleantext.text.context import Context

# Well under the timeout, with room for a busy machine: a linear pattern takes microseconds.
LIMIT = RULE_TIMEOUT / 4

CLEANER = cleantext.Cleaner()


def _matchers() -> list[tuple[str, _Compiled]]:
    out = []
    for language in (None, *CLEANER.languages):
        rs = CLEANER.ruleset(language)
        for name in ("_drop", "_truncate", "_comment_markers", "_comment_lines"):
            compiled = getattr(rs, name)
            if compiled is not None:
                out.append((f"{language}:{name}", compiled))
    return out


MATCHERS = _matchers()


def _fill(unit: str, n: int = TRUSTED_LENGTH) -> str:
    return (unit * (n // max(len(unit), 1) + 1))[:n]


UNITS = ["a", " ", ".", "1", "©", "-", ":", "é", "中", "あ", "\t", "a ", "a.", "1 ", ". ", "a1",
         "(", "(1", "@", "a@", "a.b", "http://", "www.", "\\", "{", "a b c ", "ab - ", "| ",
         "comments ", "comment ", "1 comments ", "share ", "read more ", "tags: ", "copyright "]


def _lines(rules: list[Rule]) -> list[str]:
    lines = [_fill(u) for u in UNITS]
    lines += [_fill(u, TRUSTED_LENGTH - 1) + "!" for u in UNITS]
    for rule in rules:
        for example in (*rule.examples_match, *rule.examples_keep, *rule.phrases):
            lines.append(_fill(example + " "))
            lines.append(_fill(example))
    return lines


def test_the_shipped_rules_are_trusted_and_a_users_are_not():
    assert MATCHERS
    for _, compiled in MATCHERS:
        assert all(is_builtin(r) for r in compiled.rules.values())
    user = Rule(id="US001", name="test", kind="drop-line", why="test", language="*",
                source="/tmp/user.toml", patterns=("(a+)+$",))
    assert not is_builtin(user)


@pytest.mark.parametrize("name,compiled", MATCHERS, ids=[m[0] for m in MATCHERS])
def test_shipped_line_patterns_are_fast_on_adversarial_lines(name, compiled):
    patterns = [compiled._one(r) for r in compiled.rules.values()]
    always = compiled._prefilter.always
    if always and compiled._subset(always) is not None:
        patterns.append(compiled._subset(always))
    for line in _lines(list(compiled.rules.values())):
        assert len(line) <= TRUSTED_LENGTH
        for pattern in patterns:
            try:
                pattern.fullmatch(line, timeout=LIMIT)
            except TimeoutError:  # pragma: no cover - the failure being tested for
                pytest.fail(f"{name}: {pattern.pattern[:80]!r} took over {LIMIT}s on {line[:40]!r}...")


def test_a_user_rule_keeps_its_timeout_on_a_short_line():
    hostile = Rule(id="US666", name="catastrophic", kind="drop-line", why="test", language="*",
                   source="/tmp/hostile.toml", patterns=("(a|aa)+$",))
    compiled = _Compiled([hostile])
    ctx = Context()
    line = "a" * 40 + "b"
    assert len(line) <= TRUSTED_LENGTH
    assert compiled.fullmatch(line, ctx) is None
    assert "US666" in ctx.skipped


@pytest.mark.parametrize("language", [None, *CLEANER.languages])
def test_one_question_for_both_kinds_gives_each_kinds_answer(language):
    """The matcher of the drop-line and truncate-after rules together answers what each
    kind's own matcher does (RuleSet._both), and what is_chrome does, on every example
    line of the packs."""
    fresh = cleantext.Cleaner()
    rs, ref = fresh.ruleset(language), CLEANER.ruleset(language)
    if rs._union is None:
        pytest.skip("no rules of both kinds")
    lines = sorted({line for r in rs.rules for line in (*r.examples_match, *r.examples_keep)}
                   | {"Comments", "Related articles", "Share this", "A plain sentence of prose."})
    for k, line in enumerate(lines):
        # alternate which kind is asked first, so both branches of _both are taken
        first, second = (rs._drop, rs._truncate) if k % 2 else (rs._truncate, rs._drop)
        got_first = rs._both(first, line, Context())
        got_second = second._memo.get(line, "unknown")
        if got_second == "unknown":
            got_second = second.match_line(line, Context())
        for compiled, got in ((first, got_first), (second, got_second)):
            own = ref._drop if compiled is rs._drop else ref._truncate
            want = own.fullmatch(line, Context())
            assert (got.id if got else None) == (want[0].id if want else None), (language, line)
        # and is_chrome's answer, remembered by _both, is whether a rule of either kind
        # matches (of the truncate-after rules, not another language's related marker)
        marker = ref._truncate.fullmatch(line, Context())
        chrome = bool(ref._drop.fullmatch(line, Context())
                      or marker and marker[0].id not in ref._foreign)
        assert rs._chrome[line] == chrome, (language, line)
        assert rs.is_chrome(line, Context(), remember=False) == ref.is_chrome(line, Context()), line
