"""Rule packs load strictly; their examples hold; user packs extend and disable."""

from __future__ import annotations

import pytest
import regex

from cleantext import Cleaner, RulePackError
from cleantext.stages.packs import (_CLOSING, WHOLE_LINE_KINDS, _phrase_body, _takes_punctuation,
                                    builtin_pack_paths, load_pack)
from cleantext.stages.prefilter import required_literals

GOOD_RULE = 'id = "US001"\nname = "promo"\nkind = "drop-line"\nwhy = "House ads."\nphrases = ["Buy our mug"]\n'


def _pack(tmp_path, body: str):
    path = tmp_path / "pack.toml"
    path.write_text(body, encoding="utf-8")
    return path


def _rules():
    for path in builtin_pack_paths():
        for rule in load_pack(path).rules:
            yield pytest.param(rule, id=rule.id)


@pytest.mark.parametrize("rule", list(_rules()))
def test_rule_examples(rule):
    """Each rule's own examples: ``match`` lines are matched whole, ``keep`` lines are not."""
    pattern = regex.compile(rule.regex_source())
    for line in rule.examples_match:
        if rule.kind in WHOLE_LINE_KINDS:
            assert pattern.fullmatch(line), line
        elif rule.kind == "strip-inline":
            assert pattern.search(line), line
    for line in rule.examples_keep:
        if rule.kind in WHOLE_LINE_KINDS:
            assert not pattern.fullmatch(line) or (
                rule.max_words is not None and len(line.split()) > rule.max_words), line
        elif rule.kind == "strip-inline":
            assert not pattern.search(line), line
    assert rule.examples_match and rule.examples_keep, "every rule needs examples both ways"


def test_builtin_ids_are_unique():
    ids = [r.id for p in builtin_pack_paths() for r in load_pack(p).rules]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("body,field", [
    ("[[rule]]\n" + GOOD_RULE + 'colour = "red"\n', "colour"),
    ("[[rule]]\n" + GOOD_RULE.replace("drop-line", "explode"), "kind"),
    ("[[rule]]\n" + GOOD_RULE.replace('["Buy our mug"]', '"Buy our mug"'), "phrases"),
    ("[[rule]]\n" + GOOD_RULE + "patterns = ['(unclosed']\n", "patterns"),
    ("[[rule]]\n" + GOOD_RULE.replace('why = "House ads."\n', ""), "why"),
    ("[[rule]]\n" + GOOD_RULE.replace('"US001"', '"lower1"'), "id"),
    ("[[rule]]\n" + GOOD_RULE + "min_position = 0.5\n", "min_position"),
    ("[[rule]]\n" + GOOD_RULE + "min_run = 3\n", "min_run"),
    ("[[rule]]\n" + GOOD_RULE.replace("drop-line", "drop-run") + "min_run = 1\n", "min_run"),
    ("[pack]\nlanguages = 'en'\n[[rule]]\n" + GOOD_RULE, "pack.languages"),
])
def test_bad_pack_names_file_rule_and_field(tmp_path, body, field):
    path = _pack(tmp_path, body)
    with pytest.raises(RulePackError) as err:
        load_pack(path)
    assert str(path) in str(err.value)
    assert err.value.field == field


def test_toml_syntax_error_names_the_file(tmp_path):
    path = _pack(tmp_path, "[[rule]\nid = ")
    with pytest.raises(RulePackError, match="not valid TOML"):
        load_pack(path)


def test_user_pack_replaces_a_builtin_rule_by_id(tmp_path):
    path = _pack(tmp_path, '[pack]\nlanguage = "en"\n[[rule]]\nid = "RL002"\nname = "x"\n'
                 'kind = "drop-line"\nwhy = "y"\nphrases = ["Only this"]\n')
    text = "Real text stays here.\n\nAdvertisement\n\nOnly this\n"
    assert Cleaner(lang="en").clean(text) == "Real text stays here.\n\nOnly this\n"
    assert Cleaner(lang="en", rules=[path]).clean(text) == "Real text stays here.\n\nAdvertisement\n"


def test_user_pack_disables_with_enabled_false(tmp_path):
    path = _pack(tmp_path, '[[rule]]\nid = "NE001"\nname = "x"\nkind = "drop-line"\nwhy = "y"\n'
                 'patterns = ["x"]\nenabled = false\n')
    text = "Real text stays here.\n\nhttps://example.com/a\n"
    assert Cleaner(lang="en", rules=[path]).clean(text) == text


def test_patterns_compile_once_per_cleaner():
    cleaner = Cleaner(lang="en")
    assert cleaner.ruleset("en") is cleaner.ruleset("en")


def test_a_line_of_another_languages_chrome_is_dropped_on_every_page():
    """The drop-line rules of the other languages' packs apply after the page's own: an
    English consent banner on a German page, a Russian share label on a Ukrainian one."""
    de = ("Die Hafenarbeiter in drei Städten haben am Dienstag die Arbeit niedergelegt, nachdem die "
          "Gespräche über Lohn und Arbeitszeit in der Nacht gescheitert waren.")
    consent = ("We use cookies to give you the best experience on our website. By continuing to "
               "browse the site you agree to our use of cookies.")
    result = Cleaner(lang="de").explain(f"{de}\n\n{consent}\n\n{de}\n")
    assert result.text == f"{de}\n\n{de}\n"
    assert {e.code for e in result.changes if consent in e.before} == {"AT003"}
    uk = ("Портові робітники у трьох містах у вівторок припинили роботу після того, як уночі "
          "зірвалися переговори про зарплату та робочий час.")
    result = Cleaner(lang="uk").explain(f"{uk}\n\nПоделиться\n\nПоділитися\n\n{uk}\n")
    assert result.text == f"{uk}\n\n{uk}\n"
    # the page's own pack names its own phrase; another language's, the other phrase
    codes = {e.before.strip(): e.code for e in result.changes}
    assert codes["Поделиться"].startswith("RU") and codes["Поділитися"].startswith("UK")


def _one_alternative_a_phrase(rule) -> str:
    """A rule's pattern written the plain way: every phrase an alternative of its own, its
    closing punctuation with it, before the rule's patterns."""
    alts = [_phrase_body(p) + (_CLOSING if _takes_punctuation(p, rule.kind) else "")
            for p in rule.phrases] + list(rule.patterns)
    body = "|".join(f"(?:{a})" for a in alts)
    return body if rule.case_sensitive else f"(?i:{body})"


def _variants(phrase: str) -> set[str]:
    spaced = "  ".join(phrase.split())
    return {phrase, phrase.upper(), phrase.lower(), phrase.title(), spaced, f"{phrase}:",
            f"{phrase} …", f"{phrase}...", f"{phrase}!", f"{phrase}?", f"{phrase} more",
            f"The {phrase}", phrase[:-1], f"{phrase}:\u00a0"}


@pytest.mark.parametrize("rule", [p for p in _rules() if p.values[0].phrases])
def test_shared_closing_matches_as_one_alternative_a_phrase(rule):
    """The phrases that share one copy of the closing punctuation, written once per case,
    match exactly the lines the plain pattern matches (and the prefilter reads the same
    literals from both)."""
    grouped = regex.compile(rule.regex_source())
    plain = regex.compile(_one_alternative_a_phrase(rule))
    lines = {v for phrase in rule.phrases for v in _variants(phrase)}
    lines |= set(rule.examples_match) | set(rule.examples_keep)
    for line in sorted(lines):
        assert bool(grouped.fullmatch(line)) == bool(plain.fullmatch(line)), line
        if rule.kind == "strip-inline":
            assert ([m.span() for m in grouped.finditer(line)]
                    == [m.span() for m in plain.finditer(line)]), line
    assert required_literals(rule.regex_source()) == required_literals(_one_alternative_a_phrase(rule))


def test_a_case_sensitive_rule_keeps_each_case(tmp_path):
    body = GOOD_RULE.replace('phrases = ["Buy our mug"]', 'phrases = ["NEWS", "News"]\ncase_sensitive = true')
    rule = load_pack(_pack(tmp_path, "[pack]\nname = \"t\"\nlanguage = \"en\"\n\n[[rule]]\n" + body)).rules[0]
    pattern = regex.compile(rule.regex_source())
    assert pattern.fullmatch("NEWS") and pattern.fullmatch("News:") and not pattern.fullmatch("news")


def test_a_rule_writes_its_expression_when_made_and_a_pickled_rule_carries_it(tmp_path):
    """The user cache stores the built-in packs pickled: a rule read back from it answers with
    the expression its phrases give, without writing it again; a rule made anew from other
    phrases has its own (never an expression left over from another rule)."""
    import dataclasses
    import pickle

    rule = load_pack(_pack(tmp_path, "[[rule]]\n" + GOOD_RULE)).rules[0]
    assert regex.fullmatch(rule.regex_source(), "Buy our mug:")
    back = pickle.loads(pickle.dumps(rule))
    assert back.__dict__["_source"] == rule.regex_source() == back.regex_source()
    other = dataclasses.replace(rule, phrases=("Buy our cup",))
    assert regex.fullmatch(other.regex_source(), "Buy our cup")
    assert not regex.fullmatch(other.regex_source(), "Buy our mug")
    assert other.regex_source(branch_reset=True).startswith("(?i:(?|")
