"""The speed benchmark's corpora hold distinct documents, and warm-up never overlaps timing.

The real-data test builds the corpora with the benchmark's own function on both
development sets (skipped when they are absent); nothing here is timed.
"""

import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make `benchmarks` importable

from benchmarks.speed import (  # noqa: E402
    KINDS, SETS, Corpus, Doc, build_corpora, content_hash, dedupe, default_data,
    seed_variant_corpus,
)


def assert_distinct(corpus: Corpus) -> None:
    """No text twice among the timed documents, none shared with warm-up, none empty."""
    payload = corpus.payload()
    timed = Counter(content_hash(text) for text in payload["docs"])
    repeated = [digest for digest, count in timed.items() if count > 1]
    assert not repeated, f"{corpus.kind}: {len(repeated)} documents timed more than once"
    warm = {content_hash(text) for text in payload["warmup"]}
    assert len(warm) == len(payload["warmup"]), f"{corpus.kind}: repeated warm-up document"
    assert not warm & set(timed), f"{corpus.kind}: a warm-up document is also timed"
    assert all(text.strip() for text in payload["docs"] + payload["warmup"])


@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), st.sampled_from(["", " ", "x", "y", "x\n"]))))
def test_dedupe_keeps_first_of_each_text_and_drops_empty(pairs):
    docs = [Doc(name, str(i), text) for i, (name, text) in enumerate(pairs)]
    kept = dedupe(docs)
    texts = [d.text for d in kept]
    assert len(set(texts)) == len(texts)
    assert set(texts) == {d.text for d in docs if d.text.strip()}
    for doc in kept:  # the first occurrence is the one kept
        assert doc == next(d for d in docs if d.text == doc.text)


def test_dedupe_respects_already_seen_texts():
    seen = {content_hash("x")}
    assert [d.text for d in dedupe([Doc("a", "1", "x"), Doc("a", "2", "y")], seen)] == ["y"]
    assert content_hash("y") in seen


def test_the_check_catches_a_repeat_and_a_warm_up_document_timed():
    a, b = Doc("a", "1", "x"), Doc("b", "2", "y")
    with pytest.raises(AssertionError):
        assert_distinct(Corpus("k", [], [a, b, Doc("b", "3", "x")], 0, 0))
    with pytest.raises(AssertionError):
        assert_distinct(Corpus("k", [a], [b, Doc("b", "3", "x")], 0, 0))


def test_seed_variant_corpus_is_distinct():
    assert_distinct(seed_variant_corpus(60))


DATA = default_data()


@pytest.mark.skipif(not all((DATA / name / "ground-truth.json").is_file() for name in SETS),
                    reason=f"development sets not found under {DATA}")
def test_benchmark_corpora_on_the_development_sets_are_distinct():
    corpora = build_corpora(DATA)
    assert set(corpora) == set(KINDS)
    for corpus in corpora.values():
        assert_distinct(corpus)
        assert {d.set for d in corpus.timed} == set(SETS)  # both sets in every table
        warm_pages = {(d.set, d.id) for d in corpus.warmup}
        assert not warm_pages & {(d.set, d.id) for d in corpus.timed}
