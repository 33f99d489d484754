"""The five seed articles clean to their expected canonical text, byte for byte."""

from pathlib import Path

import pytest

import cleantext

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NAMES = sorted(p.name for p in (SEEDS / "input").glob("*.txt"))


def test_seed_folders_are_complete():
    assert len(NAMES) == 5
    assert NAMES == sorted(p.name for p in (SEEDS / "expected").glob("*.txt"))


@pytest.mark.parametrize("name", NAMES)
def test_seed_matches_expected(name):
    text = (SEEDS / "input" / name).read_text(encoding="utf-8")
    want = (SEEDS / "expected" / name).read_text(encoding="utf-8")
    assert cleantext.clean(text) == want


@pytest.mark.parametrize("name", NAMES)
def test_seed_explain_replays_to_the_same_text(name):
    text = (SEEDS / "input" / name).read_text(encoding="utf-8")
    result = cleantext.explain(text)
    assert result.text == cleantext.clean(text)
    assert cleantext.replay(text, result.changes) == result.text
    assert result.language == "en"
