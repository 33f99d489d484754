"""The adapters, each run against the real library (installed by the ``test`` extra)."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import cleantext
from texts import STRUCTURED_ARTICLE

SEEDS = sorted((Path(__file__).parent.parent / "seeds" / "input").glob("*.txt"))
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
READ_MORE = "Read more: Council extends the night bus service until the end of the year"
EMPTIED = f"{READ_MORE}\n\n{READ_MORE}"  # every line is a link to another article
MOSTLY_LINKS = "\n\n".join([READ_MORE] * 4 + ["Talks resume today in the capital."])
PLAIN = "Kiev\u2019s  mayor said \u00abno\u00bb.\r\nTalks resume."


def test_the_core_imports_no_adapter_library():
    code = ("import sys, cleantext; cleantext.clean('A sentence long enough to detect its language, "
            "surely in English.'); print(sorted(m for m in ('datatrove', 'datasets', 'spacy', 'pandas', "
            "'cleantext.adapters') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- pandas ------------------------------------------------------------------------


def test_pandas_clean_series_keeps_index_name_and_missing_values():
    pd = pytest.importorskip("pandas")
    from cleantext.pandas import clean_series

    texts = SEED_TEXTS[:2] + [None, float("nan"), pd.NA, PLAIN]
    series = pd.Series(texts, index=[10, 3, 7, 1, 5, 2], name="body", dtype=object)
    out = clean_series(series, lang="en")
    assert out.index.equals(series.index) and out.name == "body" and out.dtype == object
    for before, after in zip(texts, out):
        if isinstance(before, str):
            assert after == cleantext.clean(before, lang="en")
        else:
            assert after is before  # the very missing value, not a NaN stand-in


def test_pandas_string_dtype_is_kept_and_non_text_refused():
    pd = pytest.importorskip("pandas")
    from cleantext.pandas import clean_series

    series = pd.Series([PLAIN, None], dtype="string")
    out = clean_series(series)
    assert out.dtype == series.dtype and out.iloc[0] == cleantext.clean(PLAIN) and out.isna().iloc[1]
    with pytest.raises(TypeError):
        clean_series(pd.Series([PLAIN, 3], dtype=object))


# --- Hugging Face datasets -----------------------------------------------------------


def test_hf_clean_batch_in_dataset_map_with_two_processes(tmp_path):
    datasets = pytest.importorskip("datasets")
    from cleantext.hf import clean_batch

    texts = SEED_TEXTS + [PLAIN, None]
    ds = datasets.Dataset.from_dict({"id": list(range(len(texts))), "text": texts})
    out = ds.map(clean_batch, batched=True, batch_size=2, num_proc=2, fn_kwargs={"lang": "en"},
                 cache_file_name=str(tmp_path / "cleaned.arrow"))
    assert out["id"] == list(range(len(texts)))
    assert out["text"] == [None if t is None else cleantext.clean(t, lang="en") for t in texts]


def test_hf_clean_batch_can_add_a_column():
    from cleantext.hf import clean_batch

    batch = {"body": [PLAIN], "id": [1]}
    assert clean_batch(batch, "body", output_column="clean") == {"clean": [cleantext.clean(PLAIN)]}
    with pytest.raises(KeyError, match="body"):
        clean_batch({"text": [PLAIN]}, "body")


# --- spaCy ---------------------------------------------------------------------------


def test_spacy_pipe_keeps_the_trace_beside_each_doc():
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    from cleantext.adapters.spacy import USER_DATA_KEY, pipe

    nlp = spacy.blank("en")
    texts = SEED_TEXTS + [PLAIN]
    docs = list(pipe(nlp, texts, lang="en"))
    assert len(docs) == len(texts)
    for text, doc in zip(texts, docs):
        result = cleantext.explain(text, lang="en")
        assert doc.text == result.text
        trace = doc.user_data[USER_DATA_KEY]
        assert trace["counts"] == result.counts() and trace["language"] == "en"
        assert cleantext.replay(text, result.changes) == doc.text
        again = Doc(nlp.vocab).from_bytes(doc.to_bytes())  # the trace survives serialisation
        assert again.user_data[USER_DATA_KEY] == trace


def test_spacy_pipe_takes_a_cleaner_or_options_not_both():
    spacy = pytest.importorskip("spacy")
    from cleantext.adapters.spacy import pipe

    cleaner = cleantext.Cleaner(quotes="keep")
    [doc] = pipe(spacy.blank("en"), [PLAIN], cleaner=cleaner)
    assert doc.text == cleaner.clean(PLAIN)
    with pytest.raises(TypeError):
        list(pipe(spacy.blank("en"), [PLAIN], cleaner=cleaner, lang="en"))


def test_spacy_pipe_with_worker_processes():
    spacy = pytest.importorskip("spacy")
    from cleantext.adapters.spacy import USER_DATA_KEY, pipe

    texts = SEED_TEXTS[:3] + [PLAIN]
    docs = list(pipe(spacy.blank("en"), texts, n_process=2, batch_size=1))
    assert [d.text for d in docs] == [cleantext.clean(t) for t in texts]
    assert [d.user_data[USER_DATA_KEY]["counts"] for d in docs] == [cleantext.explain(t).counts() for t in texts]


# --- datatrove ---------------------------------------------------------------------------


def _documents():
    from datatrove.data import Document

    texts = [SEED_TEXTS[0], EMPTIED, MOSTLY_LINKS, PLAIN]
    return [Document(text=t, id=str(i)) for i, t in enumerate(texts)], texts


def test_datatrove_formatter_records_language_counts_and_verdict():
    pytest.importorskip("datatrove")
    from cleantext.adapters.datatrove import CleantextFormatter

    docs, texts = _documents()
    step = CleantextFormatter(lang="en")
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["0", "1", "2", "3"]
    for text, doc in zip(texts, out):
        result = cleantext.explain(text, lang="en")
        assert doc.text == result.text
        assert doc.metadata["cleantext_language"] == "en"
        assert doc.metadata["cleantext_counts"] == result.counts()
    verdicts = [d.metadata["cleantext_overdeleted"] for d in out]
    assert verdicts[0] == verdicts[3] == "" and verdicts[1] == "all text removed" and "%" in verdicts[2]
    stats = step.stats
    assert stats["total"].total == 4 and stats["overdeleted"].total == 2
    assert stats["rule_RL003"].total == sum(d.metadata["cleantext_counts"].get("RL003", 0) for d in out)
    assert pickle.loads(pickle.dumps(step)).options == {"lang": "en"}  # pickles by its options


def test_datatrove_filter_drops_overdeleted_with_its_reason_in_a_pipeline(tmp_path):
    pytest.importorskip("datatrove")
    from datatrove.executor import LocalPipelineExecutor

    from cleantext.adapters.datatrove import CleantextFormatter, OverdeletionFilter

    docs, _ = _documents()
    kept = []
    formatter, overdeletion = CleantextFormatter(lang="en"), OverdeletionFilter()

    def collect(data, rank=0, world_size=1):
        for doc in data:
            kept.append(doc)
            yield doc

    executor = LocalPipelineExecutor(pipeline=[docs, formatter, overdeletion, collect], tasks=1,
                                     logging_dir=str(tmp_path / "logs"))
    merged = executor.run()  # datatrove runs deep copies of the steps and merges their stats
    assert [d.id for d in kept] == ["0", "3"]
    [stats] = [step for step in merged.stats if step.name == str(overdeletion)]
    assert stats["dropped"].total == 2 and stats["forwarded"].total == 2
    assert stats["dropped_cleantext_emptied"].total == 1
    assert stats["dropped_cleantext_overdeleted"].total == 1


def test_datatrove_filter_keeps_documents_it_cannot_judge():
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleantext.adapters.datatrove import OverdeletionFilter

    step = OverdeletionFilter()
    assert list(step.run(iter([Document(text="raw", id="x")]))) != []
    assert step.stats["not_cleaned"].total == 1


# --- article text (an extractor's output) -----------------------------------------------


def test_every_adapter_passes_whole_page_false_for_article_text():
    """Read as a page, the structured article loses its repeated labels to block
    scoring; each adapter's whole_page=False keeps it (block scoring left out)."""
    pd = pytest.importorskip("pandas")
    spacy = pytest.importorskip("spacy")
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleantext.adapters.datatrove import CleantextFormatter
    from cleantext.hf import clean_batch
    from cleantext.pandas import clean_series
    from cleantext.adapters.spacy import pipe

    assert cleantext.clean(STRUCTURED_ARTICLE) != STRUCTURED_ARTICLE
    assert clean_series(pd.Series([STRUCTURED_ARTICLE]), whole_page=False).tolist() == [STRUCTURED_ARTICLE]
    assert clean_series(pd.Series([STRUCTURED_ARTICLE])).tolist() == [cleantext.clean(STRUCTURED_ARTICLE)]
    assert clean_batch({"text": [STRUCTURED_ARTICLE]}, whole_page=False) == {"text": [STRUCTURED_ARTICLE]}
    (doc,) = pipe(spacy.blank("en"), [STRUCTURED_ARTICLE], whole_page=False)
    assert doc.text == STRUCTURED_ARTICLE
    step = CleantextFormatter(whole_page=False)
    (out,) = step.run(iter([Document(text=STRUCTURED_ARTICLE, id="0")]))
    assert out.text == STRUCTURED_ARTICLE
