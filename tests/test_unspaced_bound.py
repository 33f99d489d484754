"""The scripts written without spaces (Chinese, Japanese) have no character before
``UNSPACED_FROM``: the language sample and the word counts skip their search on a line
whose characters all come before it."""

from __future__ import annotations

from cleantext.text.words import UNSPACED_FROM, UNSPACED_RE, word_count


def test_no_character_of_the_scripts_before_the_bound():
    bound = ord(UNSPACED_FROM)
    assert not [hex(c) for c in range(bound) if UNSPACED_RE.match(chr(c))]
    assert UNSPACED_RE.match(UNSPACED_FROM)


def test_two_characters_of_an_unspaced_script_are_a_word():
    # the spaced tokens, plus one word per two characters of the unspaced scripts
    assert word_count("the harbour") == 2
    assert word_count("港の船") == 1 + 1
    assert word_count("Tokyo 東京都の港") == 2 + 2
