"""Whose edit is it: a removal that meets an earlier removal is an edit of its own (a line
rule that takes the symbol line after a menu block scoring removed does not take the
menu's removal under its code), and a removal over an earlier rewrite is one edit of the
later rule (``cleantext.text.edits``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.text.edits import Change, RuleRef, TracedDoc, replay

BLOCKS = RuleRef("BS001", "block-score", "outside the main span")
LINE = RuleRef("NE004", "drop-line", "a line of symbols")
QUOTE = RuleRef("QT001", "substitute", "straight quotes")
DROP = RuleRef("RL002", "drop-line", "share buttons")


def test_a_removal_next_to_an_earlier_removal_is_an_edit_of_its_own():
    # block scoring removes a menu; the drop-line rule then removes the separator and the
    # symbol line after it (one change, across the place where the menu was)
    text = "Article text.\n\nHome\n\nNews\n\nSport\n\n×\n\nMore article text.\n"
    doc = TracedDoc(text)
    start = text.index("Home")
    doc.apply([Change(start, text.index("×"), "", BLOCKS, "outside the main span")])
    at = doc.text.index("×")
    doc.apply([Change(at - 2, at + 1, "", LINE)])
    edits = doc.edits()
    # (the separator the line rule took goes with the menu's removal: one edit each)
    assert [(e.code, e.before, e.also) for e in edits] == [
        ("BS001", "\n\nHome\n\nNews\n\nSport\n\n", ("NE004",)), ("NE004", "×", ())]
    assert edits[0].detail == "outside the main span"
    assert replay(text, edits) == doc.text == "Article text.\n\nMore article text.\n"


def test_a_dropped_paragraph_that_held_a_repaired_quote_is_one_edit_of_the_drop():
    text = "Keep this.\n\nShare \u201cthis\u201d story\n\nKeep that.\n"
    doc = TracedDoc(text)
    q = text.index("\u201c")
    doc.apply([Change(q, q + 1, '"', QUOTE), Change(q + 5, q + 6, '"', QUOTE)])
    s = doc.text.index("Share")
    doc.apply([Change(s, doc.text.index("Keep that."), "", DROP)])
    edits = doc.edits()
    assert len(edits) == 1
    assert edits[0].code == "RL002" and edits[0].also == ("QT001",)
    assert replay(text, edits) == doc.text


_PARAGRAPHS = st.lists(st.sampled_from(["Text.", "Menu", "×", "Story goes on."]), min_size=2, max_size=10)


@settings(max_examples=300, deadline=None)
@given(_PARAGRAPHS, st.data())
def test_removals_in_rounds_replay_and_keep_their_rules(paragraphs, data):
    """Two rounds of removals (block scoring, then a line rule over what is left, each
    removing whole paragraphs with the separator before them): the edits replay to the
    text, and every edit's ``before`` is text that its own rule (or one in ``also``) took."""
    text = "\n\n".join(paragraphs) + "\n"
    doc = TracedDoc(text)
    taken: dict[str, set[str]] = {"BS001": set(), "NE004": set()}
    for rule in (BLOCKS, LINE):
        current = doc.text
        starts = [0]
        for k, ch in enumerate(current):
            if ch == "\n" and current[k + 1 : k + 2] == "\n":
                starts.append(k)
        chosen = data.draw(st.sets(st.integers(1, len(starts) - 1)) if len(starts) > 1 else st.just(set()))
        changes = []
        for k in sorted(chosen):
            end = starts[k + 1] if k + 1 < len(starts) else current.rstrip("\n").__len__()
            part = current[starts[k]:end]
            taken[rule.code].update(p for p in part.split("\n") if p)
            changes.append(Change(starts[k], end, "", rule))
        doc.apply(changes)
    edits = doc.edits()
    assert replay(text, edits) == doc.text
    for e in edits:
        codes = {e.code, *e.also}
        for line in filter(None, e.before.split("\n")):
            assert any(line in taken[c] for c in codes if c in taken)
