"""Inputs the fuzzer (tests/fuzz/fuzz_clean.py) once broke, kept as regression tests.

Each file's first byte picks the mode as in the harness: even = bytes decoded
as a file would be, then ``clean``; odd = ``clean_html`` on the bytes.
"""

from pathlib import Path

import pytest

import cleantext
from cleantext.io.files import decode_bytes

CASES = sorted((Path(__file__).parent / "fixtures" / "regressions").glob("fuzz_*.bin"))
CLEANER = cleantext.Cleaner(lang="en")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fuzz_case_is_idempotent_and_replays(path):
    data = path.read_bytes()
    if data[0] % 2 == 0:
        text = decode_bytes(data[1:]).text
        out = CLEANER.clean(text)
        assert cleantext.replay(text, CLEANER.explain(text).changes) == out
        assert CLEANER.clean(out) == out
    else:  # the article text of a page: cleaning it again as an article changes nothing
        out = CLEANER.clean_html(data[1:])
        assert CLEANER.clean(out, whole_page=False) == out
