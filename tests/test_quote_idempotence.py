"""``clean(clean(x)) == clean(x)`` for every quote style, on text full of quotes:
Cyrillic, guillemets, curly, low and ASCII quotes mixed, in several languages."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext import QUOTE_STYLES, Cleaner

QUOTES = list("\"'«»‹›“”„‟‘’‚‛")
PIECES = QUOTES + [" ", "  ", "\u00a0", "\u202f", "\n", "t", "s", "Москва", "ёж", "Київ", "l’", "d'",
                   "mot", "word", "Größe", "—", ".", ",", "(", ")", "90s", "it", "Зеленский", "Kiev"]
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=30).map("".join)
LANGS = [None, "en", "ru", "uk", "fr", "de", "da", "pl", "sv"]
CLEANERS = {(style, lang): Cleaner(quotes=style, lang=lang) for style in QUOTE_STYLES for lang in LANGS}
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(style, lang, text):
    cleaner = CLEANERS[(style, lang)]
    once = cleaner.clean(text)
    assert cleaner.clean(once) == once


@pytest.mark.parametrize("lang", LANGS)
def test_typographic_is_idempotent_on_examples(lang):
    for text in ["t»s", "t«s", "a “b” c", "t”s", "d'« mot »", "« a » b", "„x“ ‚y‘ »z«", "it’s ’90s",
                 # a guillemet that a later quote round rewrote as “ kept the thin space inside it
                 '"""""\'" 90s\'""',
                 # curly quotes once tipped langdetect's Latin/non-Latin count to Russian
                 '"""Москваl’GrößeGrößeÀ\U00018cd6ᰀ\U00018cd6ᰀ\U00018cd6',
                 # a guillemet rewritten as ” left the thin space an earlier round wrote before »
                 '""0 “"', '"—" 0',
                 # an opening « read as » in the next round kept its inner thin space outside
                 'mot "—', '—" mot',
                 # a run of quotes that read alike in Swedish settled one quote a round: four
                 '›"\'"l’"']:
        _check("typographic", lang, text)


@pytest.mark.parametrize("style", QUOTE_STYLES)
def test_mojibake_at_a_line_start_is_judged_the_same_after_layout(style):
    # "Â" then a tab: the first clean made it "Â 0" after a space, which ftfy left,
    # and the second clean saw it at the line's start, where it is a no-break space
    for text in ["\tÂ\t0", "  Â 0 ", "x\n\tÃ©t\u00e9 \tÂ\t1"]:
        _check(style, None, text)


@SETTINGS
@given(TEXTS, st.sampled_from(LANGS))
def test_idempotent_ascii_quotes(text, lang):
    _check("ascii", lang, text)


@SETTINGS
@given(TEXTS, st.sampled_from(LANGS))
def test_idempotent_typographic_quotes(text, lang):
    _check("typographic", lang, text)


@SETTINGS
@given(TEXTS, st.sampled_from(LANGS))
def test_idempotent_kept_quotes(text, lang):
    _check("keep", lang, text)
