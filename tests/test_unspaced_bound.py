"""The scripts written without spaces (Chinese, Japanese) have no character before
``_UNSPACED_FROM``: the language sample and the word counts skip their search on a line
whose characters all come before it."""

from __future__ import annotations

import pytest

from cleantext.lang import detect
from cleantext.stages import markers


@pytest.mark.parametrize("module", [detect, markers])
def test_no_character_of_the_scripts_before_the_bound(module):
    bound = ord(module._UNSPACED_FROM)
    assert not [hex(c) for c in range(bound) if module._UNSPACED_RE.match(chr(c))]
    assert module._UNSPACED_RE.match(module._UNSPACED_FROM)
