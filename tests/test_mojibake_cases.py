"""Mojibake cases of benchmarks/mojibake.py: the generator, and cleantext against ftfy."""

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make `benchmarks` importable

from benchmarks.mojibake import (  # noqa: E402
    BREAKERS, CYRILLIC, PLACEMENTS, Judge, Skipped, build_cases, light_normalise,
)


@pytest.fixture(scope="module")
def cases():
    return build_cases()


def test_generator_yields_many_cases_deterministically(cases):
    assert len(cases) > 80
    assert build_cases() == cases
    assert build_cases(seed=1) != cases


def test_every_case_is_broken_and_labelled(cases):
    for case in cases:
        assert case.broken != case.original
        assert case.encoding in BREAKERS
        assert case.placement in PLACEMENTS
    seen = Counter((c.placement, c.group) for c in cases)
    assert set(seen) == {(p, g) for p in PLACEMENTS for g in ("Cyrillic", "Latin")}


def test_sentence_placement_breaks_only_a_part(cases):
    for case in cases:
        if case.placement == "sentence":
            # some part of the paragraph is left as it was
            head = next(i for i, (a, b) in enumerate(zip(case.original, case.broken)) if a != b)
            tail = next(i for i, (a, b) in enumerate(zip(case.original[::-1], case.broken[::-1]))
                        if a != b)
            assert head + tail > 0


def test_codec_errors_are_counted_not_built():
    skipped = Skipped()
    cases = build_cases(skipped=skipped)
    assert skipped.codec_error > 0
    # legacy Cyrillic codecs cannot hold Latin-script letters: those cases are for Cyrillic only
    legacy = {c.language for c in cases if c.encoding.startswith(("koi8-r>", "cp1251>"))}
    assert legacy <= set(CYRILLIC)


def test_light_normalise_folds_quotes_spaces_and_forms():
    assert light_normalise("«e\u0301t\u00e9»  \u201cx\u2019s\u201d\n") == "\"\u00e9t\u00e9\" \"x's\""


def test_cleantext_repairs_what_ftfy_repairs(cases):
    judge = Judge()
    missed = [(c.language, c.encoding, c.placement) for c in cases
              if judge.ftfy_repairs(c) and not judge.cleantext_repairs(c)]
    assert missed == []


@pytest.mark.parametrize("encoding", ["utf8>koi8-r", "utf8>cp866", "cp1251>latin-1",
                                      "cp1251>cp1252", "koi8-r>latin-1", "koi8-r>cp1252"])
def test_cleantext_repairs_legacy_cyrillic_code_pages(cases, encoding):
    """ftfy leaves these; cleantext repairs every Cyrillic case of them."""
    judge = Judge()
    chosen = [c for c in cases if c.encoding == encoding and c.group == "Cyrillic"]
    assert chosen
    missed = [(c.language, c.placement) for c in chosen if not judge.cleantext_repairs(c)]
    assert missed == []
