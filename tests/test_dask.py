"""cleantext on dask: bags, dataframe columns and ``--engine dask`` equal local cleaning.

A real ``distributed.LocalCluster`` of two single-threaded worker processes is
started once for the module.  The core package must not import dask.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cleantext
from texts import STRUCTURED_ARTICLE

SEEDS = sorted(Path(__file__).parent.parent.joinpath("seeds", "input").glob("*.txt"))


def _texts() -> list[str]:
    """The seeds, and variants of them, so that partitions differ."""
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    return [f"{t}\nPart {i}." if i >= len(seeds) else t
            for i, t in enumerate(seeds * 3)]


def test_importing_cleantext_does_not_import_dask():
    code = ("import sys, cleantext, cleantext.run.cli, cleantext.run.batch; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as c:
            yield c


def test_clean_bag_equals_clean_in_order(client):
    from cleantext.dask import clean_bag

    texts = _texts()
    bag = db.from_sequence(texts, npartitions=4)
    assert clean_bag(bag).compute() == [cleantext.clean(t) for t in texts]
    typographic = clean_bag(bag, lang="en", quotes="typographic").compute()
    assert typographic == [cleantext.clean(t, lang="en", quotes="typographic") for t in texts]


def test_clean_bag_and_series_of_article_texts(client):
    """whole_page=False reaches the workers: each text is cleaned as an article."""
    import pandas as pd
    from dask import dataframe as dd

    from cleantext.dask import clean_bag, clean_series

    structured = STRUCTURED_ARTICLE
    texts = _texts()[:4] + [structured]
    want = [cleantext.clean(t, whole_page=False) for t in texts]
    assert want[-1] == structured != cleantext.clean(structured)  # as a page it loses lines
    assert clean_bag(db.from_sequence(texts, npartitions=2), whole_page=False).compute() == want
    series = dd.from_pandas(pd.Series(texts), npartitions=2)
    assert clean_series(series, whole_page=False).compute().tolist() == want


def test_clean_bag_of_html_pages(client):
    from cleantext.dask import clean_bag

    pages = [f"<html><body><article><p>{t}</p></article></body></html>".encode()
             for t in _texts()[:4]]
    got = clean_bag(db.from_sequence(pages, npartitions=2), html=True).compute()
    assert got == [cleantext.clean_html(p) for p in pages]


def test_clean_series_keeps_index_and_missing_values(client):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    from cleantext.dask import clean_series

    texts = _texts() + [None]
    frame = pd.DataFrame({"text": texts, "id": range(len(texts))},
                         index=[f"doc{i:03d}" for i in range(len(texts))])
    ddf = dd.from_pandas(frame, npartitions=3)
    ddf["text_clean"] = clean_series(ddf["text"], lang="en")
    out = ddf.compute()
    assert list(out.index) == list(frame.index)
    assert list(out["text_clean"].iloc[:-1]) == [cleantext.clean(t, lang="en") for t in texts[:-1]]
    assert pd.isna(out["text_clean"].iloc[-1])


def test_each_worker_builds_one_cleaner_per_option_set(client):
    from cleantext.dask import clean_bag

    client.run(cleantext.cleaner._cached_cleaner.cache_clear)
    clean_bag(db.from_sequence(_texts() * 4, npartitions=12), lang="en").compute()
    misses = client.run(lambda: cleantext.cleaner._cached_cleaner.cache_info().misses)
    assert sum(misses.values()) >= 1
    assert all(n <= 1 for n in misses.values()), misses


def _run_cli(*args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "cleantext", "-q", *args],
                         capture_output=True, text=True, check=True)
    return out.stdout


def test_cli_dask_engine_on_a_scheduler_equals_local(client, tmp_path):
    corpus = tmp_path / "c.jsonl"
    texts = _texts() * 4
    corpus.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)),
                      encoding="utf-8")
    local = _run_cli("--input-format", "jsonl", str(corpus), "-j", "1")
    on_dask = _run_cli("--input-format", "jsonl", str(corpus), "--engine", "dask",
                       "--scheduler", client.scheduler.address)
    assert [json.loads(line)["id"] for line in on_dask.splitlines()] == list(range(len(texts)))
    assert on_dask == local


def test_cli_dask_engine_starts_a_local_cluster(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, t in enumerate(_texts()):
        (folder / f"{i:03d}.txt").write_text(t, encoding="utf-8")
    local = _run_cli(str(folder), "--format", "jsonl", "-j", "1")
    on_dask = _run_cli(str(folder), "--format", "jsonl", "--engine", "dask", "-j", "2")
    assert on_dask == local
