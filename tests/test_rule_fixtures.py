"""One fixture file per rule code, cases both ways, one parametrized test for all.

``tests/fixtures/rules/<CODE>.toml`` holds ``[[case]]`` tables:

* ``name``: the case's name; the test id is ``<CODE>_<name>``;
* ``input``: a document;
* ``expected``: the canonical output.  When it is missing the case is a
  *keep* case: the input must come back unchanged (it is written canonical)
  and the rule must not fire;
* ``removed``: optional pieces of text that an edit of this code removed;
* ``fires = false`` with ``expected``: a keep case whose input is not written
  canonical (consecutive lines that must stay apart): the output is
  ``expected`` and the rule must not fire;
* ``lang``, ``quotes``: optional Cleaner options (``lang`` defaults to ``en``);
* ``site_pages``: for a rule of corpus mode (SP001), other pages of the input's
  site: a profile is learned from them and the input cleaned as a page of that site.

A change case must be changed by an edit of its own code.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import cleantext
from cleantext.stages.packs import builtin_pack_paths, load_pack
from cleantext.registry import CODE_RULES

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"
CASE_KEYS = {"name", "input", "expected", "removed", "lang", "quotes", "builtin_names", "fires",
             "site_pages"}


def _all_codes() -> set[str]:
    codes = {r.code for r in CODE_RULES}
    for path in builtin_pack_paths():
        codes.update(r.id for r in load_pack(path).rules)
    return codes


def _cases():
    for path in sorted(FIXTURES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data.get("case", []):
            yield pytest.param(path.stem, case, id=f"{path.stem}_{case['name']}")


@pytest.mark.parametrize("code,case", list(_cases()))
def test_rule_case(code, case):
    assert set(case) <= CASE_KEYS, f"unknown keys {set(case) - CASE_KEYS}"
    options = {"lang": case.get("lang", "en"), "quotes": case.get("quotes", "ascii"),
               "builtin_names": case.get("builtin_names", True)}
    site = "fixture.example" if "site_pages" in case else None
    if site:
        options["profiles"] = cleantext.learn_sites((site, page) for page in case["site_pages"])
    cleaner = cleantext.Cleaner(**options)
    result = cleaner.explain(case["input"], site=site)
    mine = [e for e in result.changes if code == e.code or code in e.also]
    if not case.get("fires", True):
        assert result.text == case["expected"]
        assert not mine
    elif "expected" in case:
        assert result.text == case["expected"]
        assert mine, f"{code} did not fire"
        for piece in case.get("removed", []):
            assert any(piece in e.before and piece not in e.after for e in mine), piece
    else:
        assert result.text == case["input"], "a keep case must come back unchanged"
        assert not mine
    assert cleantext.replay(case["input"], result.changes) == result.text


def test_every_rule_has_a_fixture_both_ways():
    missing = []
    for code in sorted(_all_codes()):
        path = FIXTURES / f"{code}.toml"
        if not path.exists():
            missing.append(f"{code}: no fixture file")
            continue
        cases = tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])
        if not any("expected" in c and c.get("fires", True) for c in cases):
            missing.append(f"{code}: no case that must change")
        if not any("expected" not in c or not c.get("fires", True) for c in cases):
            missing.append(f"{code}: no case that must stay")
    assert not missing, "\n".join(missing)


def test_no_fixture_for_an_unknown_code():
    codes = _all_codes()
    stray = [p.stem for p in FIXTURES.glob("*.toml") if p.stem not in codes]
    assert not stray
