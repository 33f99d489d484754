"""Removing paragraphs in runs (``merge=True``, for a document that keeps no trace)
gives the same text as removing them one by one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.text.edits import RuleRef, splice
from cleantext.text.paragraphs import removal_changes, split_paragraphs

REF = RuleRef("XX001", "drop-line", "test")

paragraph = st.text(alphabet="ab ", min_size=1, max_size=5).map(lambda s: s.strip() or "x")


@settings(max_examples=400, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=12), st.sets(st.integers(0, 11)),
       st.sampled_from(["\n", "\n\n"]))
def test_merged_removals_splice_to_the_same_text(paras, dropped, sep):
    text = sep.join(paras) + "\n"
    split = split_paragraphs(text)
    drop = {i: (REF, "") for i in dropped if i < len(split)}
    one_by_one = removal_changes(text, split, drop)
    merged = removal_changes(text, split, drop, merge=True)
    assert splice(text, merged) == splice(text, one_by_one)
    assert len(merged) <= len(one_by_one)
    assert all(a.end <= b.start for a, b in zip(merged, merged[1:]))
