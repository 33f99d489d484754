"""The name step's shortcuts give what the straightforward lookups give.

* the fuzzy index rejects a word by the first letters of its deletion keys before
  building them all: the candidates are those of a brute-force comparison of
  deletion neighbourhoods;
* the table first sorts a document's distinct words and skips the word-by-word
  pass when no word can be a candidate: the changes are those of the
  word-by-word pass over the whole text.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleantext.names.fuzzy import FuzzyIndex, PREFIX, deletion_keys, key_prefixes, max_edits
from cleantext.names.table import NameTable, _word_pattern, build_name_table
from cleantext.text.edits import Change

TABLE = build_name_table()
INDEX = TABLE._index("en")
assert INDEX is not None

letters = st.text(alphabet="abcdekorsvyz", min_size=0, max_size=12)


# -- fuzzy index ------------------------------------------------------------------------
@given(letters, st.integers(min_value=0, max_value=3))
def test_key_prefixes_are_the_first_letters_of_the_deletion_keys(word, edits):
    assert key_prefixes(word, edits) == {k[:PREFIX] for k in deletion_keys(word, edits)}


@settings(max_examples=200, deadline=None)
@given(st.lists(letters, max_size=20), st.lists(letters, min_size=1, max_size=20))
def test_fuzzy_candidates_are_the_spellings_sharing_a_deletion_key(spellings, probes):
    index: FuzzyIndex[str] = FuzzyIndex()
    for spelling in spellings:
        index.add(spelling, spelling)
    indexed = {s for s in spellings if len(s) >= 6}
    for probe in probes:
        keys = deletion_keys(probe, max_edits(len(probe)))
        brute = {s for s in indexed if keys & deletion_keys(s, max_edits(len(s)))}
        assert index.candidates(probe) == brute, probe


def test_the_builtin_fuzzy_index_rejects_no_word_with_a_candidate():
    fuzzy = INDEX.fuzzy
    spellings = list(fuzzy._spellings)
    for spelling in spellings:
        for i in range(1, len(spelling)):
            for probe in (spelling[:i] + spelling[i + 1:], spelling[:i] + "x" + spelling[i:],
                          spelling[:i] + "a" + spelling[i + 1:]):
                keys = deletion_keys(probe, max_edits(len(probe)))
                brute = {s for s in spellings if keys & deletion_keys(s, max_edits(len(s)))}
                assert fuzzy.candidates(probe) == brute, probe


# -- the table's two passes --------------------------------------------------------------
def _near(spelling: str, k: int, how: int) -> str:
    """``spelling`` with one letter (after the first) dropped, doubled or replaced."""
    i = 1 + k % max(1, len(spelling) - 1)
    return (spelling[:i] + spelling[i + 1:], spelling[:i] + spelling[i - 1:],
            spelling[:i] + "e" + spelling[i + 1:])[how % 3]


SPELLINGS = sorted({sp.text for sp in TABLE.spellings("en")})
GIVEN = sorted({sp.text for sp in TABLE.given_spellings("en")})
FUZZY = sorted(sp.text for sp in INDEX.fuzzy._spellings.values())
CUED = sorted(INDEX.cued)
ORDINARY = ("The In President Governor Mayor city of Oblast region and Dynamo Post said Monday "
            "Kiel Odense Andrew Yesterday Kievan chicken kiev KYIV Maria Olena Kramatorsk").split()
word = st.one_of(
    st.sampled_from(SPELLINGS), st.sampled_from(GIVEN), st.sampled_from(CUED),
    st.sampled_from(ORDINARY),
    st.builds(_near, st.sampled_from(FUZZY), st.integers(0, 20), st.integers(0, 2)),
    st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True),
    st.from_regex(r"[a-z]{1,8}", fullmatch=True),
)
gap = st.sampled_from([" ", " ", " ", ", ", ". ", "\n", "-", "'s ", "2 ", "_", "\u200d", " (",
                       ") ", "`", " #", "/", " “", "” ", " and ", " city of ", " region "])


def _word_by_word(table: NameTable, text: str) -> list[Change]:
    """The changes of the word-by-word pass alone, with nothing remembered as plain."""
    index = table._index("en")
    assert index is not None
    index.plain.clear()
    candidates, named, mentions = table._scan(text, index, _word_pattern(text))
    return table._decide(text, index, candidates, named, mentions) if candidates else []


@st.composite
def documents(draw: st.DrawFn) -> list[tuple[str, bool]]:
    """A few documents (with the fuzzy option on or off) drawn from one small vocabulary,
    so that a later document meets the words of an earlier one."""
    pool = draw(st.lists(word, min_size=1, max_size=8))
    parts = st.lists(st.tuples(st.sampled_from(pool), gap), max_size=25)
    return draw(st.lists(st.tuples(parts.map(lambda ps: "".join(w + g for w, g in ps)),
                                   st.booleans()), min_size=1, max_size=4))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
@example(docs=[("BERDANSK Buca region ", False)])  # the second look licenses BERDANSK
def test_skipping_the_word_by_word_pass_changes_nothing(docs):
    INDEX.plain.clear()
    for text, fuzzy in docs:
        # one table goes on from document to document (what they leave as plain words)
        table = NameTable(TABLE.entries, fuzzy=fuzzy)
        table._indexes = TABLE._indexes
        # one look (``changes`` looks again at what it wrote, from the same first look)
        fast = table._once(text, INDEX)
        plain = set(INDEX.plain)
        assert fast == _word_by_word(table, text), text
        INDEX.plain.update(plain)


def test_a_document_is_decided_alone():
    doc = "Drones hit Kramatorsk. Later Kramatrosk was hit."
    alone = build_name_table().changes(doc)
    assert [c.replacement for c in alone] == ["Kramatorsk"]
    table = build_name_table()
    for before in ("See Kramatrosk2 here.", "kramatrosk_2 Kramatrosk2"):
        table.changes(before)
    assert table.changes(doc) == alone
    table.fuzzy = False
    assert table.changes(doc) == []
    table.fuzzy = True
    assert table.changes(doc) == alone
