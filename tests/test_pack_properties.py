"""Invariants on text built from the packs' own examples, in every pack's language.

Each rule's ``examples`` hold the lines it removes and sentences that start like them and
stay. Text made of those pieces, in any order and with any line breaks, is cleaned in each
language that has a pack, and with the language detected. Then:

* ``clean(clean(x)) == clean(x)``;
* ``explain`` gives the text ``clean`` gives;
* replaying the trace on the input gives the output.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext import Cleaner, replay
from cleantext.stages.packs import builtin_pack_paths, load_pack

PACKS = [load_pack(path) for path in builtin_pack_paths()]
LANGUAGES = sorted({pack.language for pack in PACKS if pack.language != "*"})
# every pack's language, and None: the language detected
CLEANERS = {language: Cleaner(lang=language) for language in (*LANGUAGES, None)}
EXAMPLES = sorted({example for pack in PACKS for rule in pack.rules
                   for example in (*rule.examples_match, *rule.examples_keep)})
SEPARATORS = ["\n", "\n\n", " "]
PROSE = ["The minister spoke to reporters in the capital on Monday about the talks.",
         "Der Gouverneur teilte am Dienstag mit, dass die Fenster mehrerer Häuser beschädigt wurden."]

texts = st.lists(st.one_of(st.sampled_from(EXAMPLES), st.sampled_from(SEPARATORS),
                           st.sampled_from(PROSE)), max_size=20).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_every_pack_language_is_drawn():
    assert len(LANGUAGES) >= 15 and len(EXAMPLES) > 500


@SETTINGS
@given(texts, st.sampled_from([*LANGUAGES, None]))
def test_idempotent_in_every_pack_language(text, language):
    cleaner = CLEANERS[language]
    once = cleaner.clean(text)
    assert cleaner.clean(once) == once


@SETTINGS
@given(texts, st.sampled_from([*LANGUAGES, None]))
def test_trace_replays_in_every_pack_language(text, language):
    cleaner = CLEANERS[language]
    result = cleaner.explain(text)
    assert result.text == cleaner.clean(text)
    assert replay(text, result.changes) == result.text
