"""benchmarks/link_cuts.py: LY004's joins judged against a gold text."""

from __future__ import annotations

import sys
from pathlib import Path

import cleantext

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
try:
    from benchmarks.link_cuts import judge, normalise
finally:
    sys.path.pop(0)


def test_white_space_around_punctuation_is_not_compared():
    assert normalise("by\n Reuters ,  which ( see  below )") == "by Reuters, which (see below)"


def test_a_join_is_judged_against_the_gold():
    page = ("Home\nNews\nThe deal was first reported on Sunday by\nThe Daily Ledger\n"
            ", which cited three officials.\nShares rose on Monday in New\ntrading after the news.\n")
    changes = cleantext.explain(page).changes
    assert [e.code for e in changes].count("LY004") == 3
    agree = "The deal was first reported on Sunday by The Daily Ledger, which cited three officials."
    counts, wrong = judge(page, agree + "\nShares rose on Monday in New York trading after the news.", changes)
    # the two joins of the first sentence as the gold; the second's pieces ("New" / "trading
    # after ...") are both in the gold, but not joined as the gold writes them
    assert counts == {"as the gold": 2, "not as the gold": 1}
    assert wrong == [("Shares rose on Monday in New", " ", "trading after the news.")]
    counts, _ = judge(page, "Nothing of the page.", changes)
    assert counts == {"not judged": 3}
