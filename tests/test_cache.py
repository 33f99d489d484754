"""The user cache changes nothing but the time: what it stores equals what is built,
and a cache that is off, unwritable or corrupt is the same as none."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import cleantext
from cleantext import cache
from cleantext.lang import detect
from cleantext.stages.packs import builtin_pack_paths, load_builtin_packs, load_pack

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds" / "input").glob("*.txt"))


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    return folder


def test_cached_builds_once_and_reads_back(cache_dir):
    calls = []
    build = lambda: calls.append(1) or {"a": (1, 2.5)}  # noqa: E731
    assert cache.cached("thing", "k1", build) == {"a": (1, 2.5)}
    assert cache.cached("thing", "k1", build) == {"a": (1, 2.5)}
    assert len(calls) == 1
    assert cache.cached("thing", "k2", build) == {"a": (1, 2.5)}  # a new key builds again
    assert len(calls) == 2


def test_cache_off_builds_every_time(cache_dir, monkeypatch):
    monkeypatch.setenv(cache.ENV_OFF, "1")
    calls = []
    for _ in range(2):
        cache.cached("thing", "k", lambda: calls.append(1) or 1)
    assert len(calls) == 2 and not cache_dir.exists()


def test_unwritable_or_corrupt_cache_is_no_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "cache"))
    assert cache.cached("thing", "k", lambda: 7) == 7
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    (folder / "thing-k.pickle").write_bytes(b"\x80\x05garbage")
    assert cache.cached("thing", "k", lambda: 8) == 8
    assert pickle.loads((folder / "thing-k.pickle").read_bytes()) == 8


def test_stored_packs_and_profiles_equal_fresh_ones(cache_dir):
    fresh = [load_pack(p) for p in builtin_pack_paths()]
    assert load_builtin_packs() == fresh  # built and stored
    assert any(cache_dir.glob("packs-*.pickle"))
    assert load_builtin_packs() == fresh  # read back
    for script in ("Latin", "Cyrillic"):
        built = detect.build_profiles(detect.CANDIDATES[script], script)
        detect.profiles.cache_clear()
        assert detect.profiles(script) == built
        detect.profiles.cache_clear()
        assert detect.profiles(script) == built  # read back
    detect.profiles.cache_clear()


def test_cleaning_is_the_same_with_and_without_the_cache(cache_dir, monkeypatch):
    from cleantext.names.translit import romanizations

    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    romanizations.cache_clear()
    detect.profiles.cache_clear()
    first = [cleantext.Cleaner().explain(t).as_dict() for t in texts]  # fills the cache
    assert any(cache_dir.glob("romanizations-*.pickle"))
    romanizations.cache_clear()
    detect.profiles.cache_clear()
    second = [cleantext.Cleaner().explain(t).as_dict() for t in texts]  # reads it
    monkeypatch.setenv(cache.ENV_OFF, "1")
    detect.profiles.cache_clear()
    off = [cleantext.Cleaner().explain(t).as_dict() for t in texts]
    detect.profiles.cache_clear()
    assert first == second == off


def test_warm_loads_everything_and_changes_nothing():
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    cold = [cleantext.Cleaner().clean(t) for t in texts]
    cleaner = cleantext.warm()
    assert set(cleaner._rulesets) >= {None, *cleaner.languages}
    assert [cleantext.clean(t) for t in texts] == cold


def test_languages_without_a_pack_share_the_rules_of_no_language():
    """Every language without a pack has the neutral packs and the other packs' drop-line
    rules, so its rules are those of text in no known language, built once by warm()
    (not inside the first page in Swedish, then again for the first in Turkish)."""
    cleaner = cleantext.Cleaner()
    without = [code for code in ("sv", "tr", "ro", "hu") if code not in cleaner.languages]
    assert without
    assert all(cleaner.ruleset(code) is cleaner.ruleset(None) for code in without)
    assert all(cleaner.ruleset(code) is not cleaner.ruleset(None) for code in cleaner.languages)
    # the block scorer stays the language's own (its stopwords)
    assert cleaner.block_scorer(without[0]) is not cleaner.block_scorer(None)
