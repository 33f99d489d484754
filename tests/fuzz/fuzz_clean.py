"""Coverage-guided fuzzing of the cleaner with atheris (not part of the test run).

    pip install atheris
    python tests/fuzz/fuzz_clean.py -max_total_time=600 tests/fuzz/corpus

Each input is split by its first byte into a mode: decode the bytes as a file
would be (cleantext.io.files.decode_bytes) and clean the text, or clean it as
HTML.  The invariants checked are the library's promises: no exception other
than a documented InputError, canonical output shape, idempotence (for
HTML: the article text cleaned again as an article is unchanged), and the
trace replaying to the output.  A crash prints the input that caused it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import cleantext
    from cleantext.io.files import InputError, decode_bytes

CLEANER = cleantext.Cleaner(lang="en")


def check_text(text: str) -> None:
    out = CLEANER.clean(text)
    assert out == "" or (out.endswith("\n") and "\n\n\n" not in out and "\r" not in out), repr(out)
    assert CLEANER.clean(out) == out, "not idempotent"
    result = CLEANER.explain(text)
    assert result.text == out, "explain and clean disagree"
    assert cleantext.replay(text, result.changes) == out, "trace does not replay"


def test_one_input(data: bytes) -> None:
    if not data:
        return
    mode, body = data[0] % 2, data[1:]
    if mode == 0:
        try:
            text = decode_bytes(body).text
        except InputError:
            return
        check_text(text)
    else:
        try:
            out = CLEANER.clean_html(body)
        except InputError:  # bytes go through the same decoding path, binary refused
            return
        assert CLEANER.clean(out, whole_page=False) == out, "clean_html output not stable"


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
