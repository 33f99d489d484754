"""count_words counts what ``len(text.split())`` does, a piece at a time."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.text.paragraphs import count_words


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab é\n\t\u3000\u2028\xa0\r")), max_size=60),
       st.integers(1, 8))
def test_the_same_count_as_split(text, size):
    assert count_words(text, size) == len(text.split())
    assert count_words(text) == len(text.split())
