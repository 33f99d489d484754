"""The speed benchmark's side-by-side timing: each document once per system, the two
calls' order swapped from one document to the next, and ratios taken per round.

Nothing here is timed: the systems are recorders, and the ratios come from
made-up times.
"""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make `benchmarks` importable

from benchmarks.speed import (  # noqa: E402
    Corpus, Doc, combine, pair_ratios, rotated, time_pair,
)


def test_a_pair_cleans_each_document_once_per_system_in_alternating_order(tmp_path):
    calls = []

    def recorder(name):
        return lambda: (lambda doc: calls.append((name, doc)))

    path = tmp_path / "corpus.json"
    path.write_text(json.dumps({"warmup": ["w1", "w2"], "docs": ["d1", "d2", "d3"]}))
    result = time_pair([recorder("a"), recorder("b")], path)
    assert calls == [("a", "w1"), ("b", "w1"), ("a", "w2"), ("b", "w2"),
                     ("a", "d1"), ("b", "d1"), ("b", "d2"), ("a", "d2"), ("a", "d3"), ("b", "d3")]
    assert [len(times) for times in result["seconds"]] == [3, 3]
    assert all(t >= 0 for times in result["seconds"] for t in times)


def test_a_system_that_raises_is_counted_and_still_timed(tmp_path):
    def fails():
        def fn(doc):
            raise ValueError(doc)
        return fn

    path = tmp_path / "corpus.json"
    path.write_text(json.dumps({"warmup": ["w"], "docs": ["d1", "d2"]}))
    result = time_pair([fails, lambda: str.upper], path)
    assert [len(times) for times in result["seconds"]] == [2, 2]
    assert result["errors"] == [2, 0]  # counted, so the report can say so


def test_rounds_rotate_the_order_of_the_systems():
    tracks = ("a", "b", "c")
    assert [rotated(tracks, r) for r in range(4)] == [
        ("a", "b", "c"), ("b", "c", "a"), ("c", "a", "b"), ("a", "b", "c")]
    assert rotated((), 2) == ()


def test_rounds_combine_per_document_medians():
    runs = [{"seconds": [1.0, 5.0], "errors": 0, "load_s": 0.2, "base_rss_mb": 10, "peak_rss_mb": 50},
            {"seconds": [3.0, 1.0], "errors": 2, "load_s": 0.4, "base_rss_mb": 12, "peak_rss_mb": 70},
            {"seconds": [2.0, 2.0], "errors": 1, "load_s": 0.3, "base_rss_mb": 11, "peak_rss_mb": 60}]
    assert combine(runs) == {"seconds": [2.0, 2.0], "errors": 2, "load_s": 0.3,
                             "base_rss_mb": 11, "peak_rss_mb": 70}


def test_pair_ratios_are_taken_within_each_round():
    corpus = Corpus("k", [], [Doc("s", "1", "x"), Doc("t", "2", "y")], 0, 0)
    # round 1: ours takes 1 s in all, the peer 4 s; round 2 (a slower machine): 3 s and 6 s
    rounds = [{"seconds": [[0.5, 0.5], [2.0, 2.0]]}, {"seconds": [[2.0, 1.0], [3.0, 3.0]]}]
    ratios = pair_ratios(corpus, rounds)
    assert ratios["all"] == pytest.approx([4.0, 2.0])
    assert ratios["s"] == pytest.approx([4.0, 1.5])
    assert ratios["t"] == pytest.approx([4.0, 3.0])


def test_the_cold_start_times_an_install_s_bytecode_and_reports_the_uncached_import(tmp_path, monkeypatch):
    """The package is byte-compiled once before the timed starts (into ``tmp_path``, never
    the checkout), and the timed starts may read that cache even where the machine sets
    ``PYTHONDONTWRITEBYTECODE``; the import without the cache is reported beside it."""
    import benchmarks.speed as speed

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    calls = []

    class Done:
        stdout = json.dumps({"import": 0.1, "Cleaner()": 0.02, "first doc": 0.03})

    def run(cmd, **kwargs):
        calls.append((cmd, kwargs.get("env")))
        return Done()

    monkeypatch.setattr(speed.subprocess, "run", run)
    parts = speed.cold_start("doc", "clean", tmp_path, runs=2)
    first_cmd, first_env = calls[0]
    assert first_cmd[-1] == "import cleantext"  # the bytecode, compiled before any timing
    timed = [env for cmd, env in calls if speed.COLD_SCRIPT in cmd]
    cached = [env for env in timed if "PYTHONDONTWRITEBYTECODE" not in env]
    uncached = [env for env in timed if env.get("PYTHONDONTWRITEBYTECODE") == "1"]
    assert len(cached) == len(uncached) == 2
    assert all(env["PYTHONPYCACHEPREFIX"] == first_env["PYTHONPYCACHEPREFIX"] for env in cached)
    assert Path(first_env["PYTHONPYCACHEPREFIX"]).is_relative_to(tmp_path)
    assert parts["import"] == parts["import, no bytecode cache"] == 0.1
