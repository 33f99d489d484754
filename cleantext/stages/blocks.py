"""BS001/BS002: block scoring -- find the article in a whole scraped page.

A naive scraper's text holds the article between menus, share buttons,
related-link lists, banners and comments.  Phrase rules catch what they name;
this stage decides from the *shape* of the text, in one linear pass:

1. **Blocks.**  Lines are grouped into blocks: a line that does not end a
   sentence and is followed by a line that starts in lower case or with
   punctuation is one sentence cut by an inline link ("The" / "company shelved
   its plans" / "for an initial public offering ..."), so the pieces are scored
   together.  A line without words (a separator, a bullet, the comma after a
   link) or a bare web or e-mail address is no block, and no block ends at it:
   it carries no words of either the article or the page's chrome (the
   language-neutral rules drop it after this stage).
2. **Classes** (jusText's): a block is *good* when it is long and has the
   stopword share of running text in the detected language (justext's
   stoplists), *near-good* when it is medium-long with that share, *short*
   when it is too short to judge and *bad* otherwise.  Without a stoplist,
   sentence punctuation stands in for the stopword share.  A bad sentence
   that a sure stopword reading of its own names another language's running
   text is classed in that language when the page as a whole reads as it (the
   detected language came from a feed or another story of another language,
   the longest lines; the site and its article are in their own).  A short or bad
   line that starts with a list or row marker (``- ``, ``• ``, ``| ``,
   ``1. ``, ``1) ``; ``clean_html`` writes list items and table rows so) is
   an *item*: a meal plan, a standings table, a list of deals.  A short line
   that is only a figure (``63``, ``85%``, ``£23.99``) is a *cell* of a data
   table: menus are words, not numbers.  So is, in a *table*, a short or bad
   line that has at least three lines holding a figure among the five around
   it (a calendar, a list of tour dates, a stats sheet rendered a cell a line);
   the few short words right before a table are its heading row.  A rank
   (``1``, ``2``, ... of a "most read" list) and a bracketed counter (``(113)``
   posts in an archive month) are counts, not figures, and a comment section or
   a list of dated headlines has a date every third line or so.
3. **Values.**  A good block is worth its words; a near-good block half of
   them; an item or a cell a little (so a list or a table neither cuts the
   article nor carries it; a cell keeps that value when the table repeats it;
   a table's repeated labels and its heading row cost nothing);
   short and bad blocks cost, more so inside a link-list run (many
   short blocks in a row; a short line that reads as a sentence -- it ends one,
   with the stopword share of running text -- is no link and ends such a run:
   the short steps of a how-to between its longer ones), when they are repeated on the page, or when a
   chrome phrase of the packs matches them -- or, in corpus mode, when they
   are in a run of lines of the site's template (``ctx.site``).  For prose, only a *later copy*
   counts as repeated, and it is worth nothing (neither adds to a span nor
   cuts it): the first copy of a paragraph the page prints twice (a teaser,
   a scraper's duplicate) keeps its full value, so removing the copies -- or
   a later typo fix (NM002) that makes two copies identical -- never lowers
   what the first copy is worth, and a copy never cuts real prose off.
4. **Main span.**  The run of blocks with the largest total value (a maximum
   sum sub-array, as in Finn et al.'s Body Text Extraction) is the article:
   short lines between good paragraphs (subheadings, link fragments) are kept
   because the prose around them outweighs them; a menu or a list of links
   is long enough to cut the run.  A neighbouring run of strong prose joins
   it across a gap of chrome that costs less than either run is worth, with
   the gap's cost discounted (a lede split from the body by a widget, a body
   cut by a related box: take both runs, not only the larger).  The headline
   just before it (a line of the page title, or the first line) is kept with it; the
   page title is the first line the stages first saw, which a later round's text may
   have lost with the chrome around it (``Context.title``).  A
   list the span begins or ends inside (its edge is a bulleted line: ``- ``, ``* ``,
   ``+ ``, ``• ``) goes on past the edge over the lines with the same bullet.  The
   article's table of contents between its lede and its body (lines that stand again,
   once each and in order, as its sections' headings) goes, and the lede above it opens
   the span: the contents' run of short lines had cut it off.
5. **Over-deletion guard.**  When the span holds under a quarter of the page's
   prose words (up to a marker that ended it), it is a fragment of an article cut
   into pieces by formulas, captions or bylines: then the span runs from the first
   prose block to the last.
6. **Teasers.**  After the article's running text (a run of paragraphs in a row), a
   run of at least three cards of other stories -- a headline, perhaps a byline and a
   date, and a one-paragraph summary that no other paragraph follows -- is chrome: its
   blocks go, and the span is chosen again without their worth.  So is such a run
   before the article when the page's own headline (a line its title holds) stands
   between the two.  A span without
   running text (a list of deals) is left alone, and so are headlines that follow the
   article's last paragraph at once without bylines (inline links to other stories).
   A span that is another story -- running text under a headline and a byline, the
   headline one the page's title does not hold, while the page's own headline stands
   before it out of its reach (the next story a site writes into the page after its
   own) -- gives way to the best span before that headline (else the best between the
   two headlines) when that is two paragraphs or more and holds a fifth of the other
   story's prose words; the other story's headline and byline may stand inside the
   span, after a line of prose that joined it (a site's legal line in the footer), or
   at a later run of its paragraphs with the page's chrome before it (a comment form or
   a cookie notice that the span reached over).  The page's title has a second
   opinion: an article names its subject, so when the title has at least three words
   of four letters or more that are no stopwords (in a script written with spaces), the
   span's running text holds none of them (a footer's legal line or a promotion before it
   may name the site), opens under another story's headline and byline, and the best
   span before or after it holds one and is a story of its own (two paragraphs, a fifth
   of the span's prose words), that span is the article (a
   short story under no headline line, outweighed by the next story and the footer's
   legal prose).
7. **BS001** removes every block outside that span (a line of the site's
   template with SP001 and its evidence); **BS002** removes short
   lines inside it that the page prints several times (buttons, labels), but
   not the lines of a table (``DL`` in every row of a stats sheet is a cell).
   The stage runs before the drop-line rules, so the chrome phrases it counts
   are still on the page; a line such a rule removes whole is left to it (the
   trace names the phrase's rule, not the block's score).

Conservative by construction: a document without bad blocks, or without a
single good one, or too short to have chrome, is left alone, and the span is
never empty.  Removing what is outside the span leaves a text whose span is
the whole text, so the stage is idempotent.
"""

from __future__ import annotations

import re
from array import array
from itertools import compress, groupby
from operator import itemgetter
from dataclasses import dataclass
from collections.abc import Iterable, Sequence
from typing import Any, Callable, NamedTuple

import regex

from ..lang.detect import UNSURE, language_of_sample, quick_detect
from ..lang.stoplists import stoplist, unspaced_stops
from ..text.edits import Change, RuleRef
from ..text.context import Context
from ..text.paragraphs import count_words, paragraphs, removal_changes
from ..text.words import CLAUSE_COMMAS, CLAUSE_MARKS, SENTENCE_MARKS, UNMARKED_ENDS, unspaced_chars
from .base import CodeRule
from .markers import DURATION_RE, article_below

BLOCK_SCORE = CodeRule(
    "BS001", "block-score", "drop-line",
    "Text outside the page's main run of prose (menus, link lists, banners, footers) "
    "is page furniture, not the article.",
    __name__)
REPEATED_LINE = CodeRule(
    "BS002", "repeated-line", "drop-line",
    "A short line the page prints several times is a button or label, not article text.",
    __name__)

# The classes of running text (only a later copy of one counts as repeated).
PROSE = frozenset({"good", "near-good"})
# What a list item or table row ("- ...", "| ...", "1) ...") adds to a span.
ITEM_VALUE = 1.0
# jusText's thresholds (characters, stopword share).
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
# Below this many paragraphs a text is taken to be an article already.
MIN_PARAGRAPHS = 6
# A run of at least this many consecutive short/bad blocks is a link list.
LINK_RUN = 4
# What a short block costs, and how much more chrome in a link-list run or repeated costs.
SHORT_COST = 2.0
RUN_FACTOR = 2.0
REPEAT_FACTOR = 2.0
# How far before the span the headline may stand (in blocks).
HEADLINE_REACH = 8
HEADLINE_MAX_WORDS = 30
# A section marker ends the span only after this many words of good prose in it.
MARKER_AFTER_WORDS = 50
# A marker may be cut by inline links into at most this many lines ("13" / "comments").
MARKER_LINES = 3
# A link inside a sentence: a line of at most this many words between the sentence's start
# (a block of at least SENTENCE_START_WORDS words that does not end) and its rest (see
# make_blocks).  Set a priori: a name or a title as a link; a run of words that long is a clause.
LINK_WORDS = 6
SENTENCE_START_WORDS = 4
# No block holds more lines than this: a sentence cut by links into more is not a sentence
# (the longest block of both development sets' pages is 115 lines, a tag cloud); a document
# of a million one-word lines would otherwise be one block, read as one text.
MAX_BLOCK_LINES = 200

_WORD_RE = regex.compile(r"\w+")
# A line without words (a separator, a bullet, the comma after a link) or a bare web or
# e-mail address (a link written out): no block, and no block ends at it.
_WORDLESS_RE = regex.compile(r"[^\p{L}\p{N}]*|(?:https?://|www\.|mailto:)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# In ASCII text, ``\w`` is the same class in the stdlib's faster engine.
_ASCII_WORD_RE = re.compile(r"\w+", re.ASCII)
# A sentence ends in one of these, perhaps followed by closing quotes and brackets (or may:
# text.words.UNMARKED_ENDS).
_TERMINALS = ".!?…。！？" + SENTENCE_MARKS + UNMARKED_ENDS
_CLOSERS = "\"'”’»)]」』）"
# How many Latin characters one character of a script written without spaces counts as
# (for the length classes; see cleantext.text.words.unspaced_chars).
UNSPACED_WEIGHT = 3
# The share of function characters (lang.stoplists.UNSPACED_STOPS) of a text of such a
# script for the near-good and the good class.  Chosen on the readability set's Chinese pages
# (0.15 keeps chrome on yahoo-4, 0.25 loses gmw's gain); the Japanese gain on the scrapinghub
# set (85439e26) holds for every value from 0.15 to 0.35.
UNSPACED_STOPS_LOW = 0.20
UNSPACED_STOPS_HIGH = 0.22
# A line that starts with one of these goes on with the sentence before it (cut by a link):
# a lower-case letter, or punctuation that never starts a sentence (the full-width forms
# of scripts written without spaces and the marks of scripts without letter case included:
# text.words.SENTENCE_MARKS and CLAUSE_MARKS).
_CONTINUES_MARKS = ",.;:)]!?”’»%，、。；：）」』！？％" + SENTENCE_MARKS + CLAUSE_MARKS
_CONTINUES_RE = regex.compile(r"[\p{Ll}" + regex.escape(_CONTINUES_MARKS) + "]")
# A line that ends in one of these goes on in the next line.
_OPEN_ENDS = "([“‘«,–—-（「『《，、" + CLAUSE_COMMAS
_OPEN_END_SET = frozenset(_OPEN_ENDS)
# The ASCII characters _CONTINUES_RE matches (a test checks them against the pattern).
_CONTINUES_ASCII = frozenset("!%),.:;?]abcdefghijklmnopqrstuvwxyz")
# For bytes.translate: a flag of 0 becomes 1 and a flag of 1 becomes 0.
_NOT = bytes([1, 0]) + bytes(254)
# An item's number: "1.", "1)", "(1)".
_NUMBER = r"\(?\d{1,3}[.)]"
# A list item or table row: "- ", "• ", "* ", "| ", "1. ", "1) ", "(1) " before a word.
_ITEM_RE = regex.compile(rf"(?:[-•*▪●◦|]|{_NUMBER})\s+\w")
# A numbered heading ("3. Don't use a wooden rack"): a section of a list article, no
# teaser's headline.
_NUMBERED_RE = regex.compile(rf"{_NUMBER}\s+\w")
# A bulleted line: its bullet (see _continue_lists).
_BULLET_RE = regex.compile(r"([-•*+▪●◦])\s+\w")
# A figure on a line of its own: a cell of a data table (a score, a count, a share).
_CELL_RE = regex.compile(r"[-+−±]?[$€£¥]?\d[\d.,:/]*\s?[%$€£¥]?")
# The ASCII characters a match of _ITEM_RE, or of _CELL_RE, may start with ("" too: an
# empty text is searched).
_ITEM_HEADS = "-*|(0123456789"
_CELL_HEADS = "-+$0123456789"
CELL_VALUE = 1.0
# A short line is a line of a data table when this many of the short lines within
# TABLE_REACH of it (itself included) hold a figure.
TABLE_FIGURES = 3
TABLE_REACH = 2
# A table's heading row: at most this many short lines right before it.
TABLE_HEAD = 8
COLUMN_NAME_WORDS = 2
_DIGIT_RE = re.compile(r"\d")
# A link's counter on a line of its own ("(113)" posts in an archive month, "[4]"
# comments): a link list's numbering, not a figure of a table.
_COUNTER_RE = re.compile(r"[(\[]\s*[0-9]+\s*[)\]]")
# A line that is only a whole number (a rank, a count).
_INTEGER_RE = re.compile(r"[0-9]{1,6}")
# A time of day ("8:03", "11.42"), or a date written with CJK characters ("10月14日"): a
# line that holds one is a byline's date, not a story's headline.
_WHEN_RE = regex.compile(r"\b\d{1,2}[:.][0-5]\d\b|\d{1,2}月\d{1,2}日")
# A title's word: a run of letters and marks (no digit, no apostrophe: "Nyong'o's" is two)
_TITLE_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
# A section's number before its name in a table of contents or over the section ("2.1 History")
_SECTION_NUMBER_RE = re.compile(r"\d+(?:\.\d+)*\.?\s*")
_NUMBER_ROOM = 12  # characters a section number and its space take at most, as a bound
# A run of prose this strong joins the span across a gap costing up to 1/discount of it.
BRIDGE_MIN = 60.0
BRIDGE_DISCOUNT = 0.75
BRIDGE_STEPS = 3
# The span is a fragment when it holds less than this share of the page's prose words
# (see _widen_if_scattered).  Chosen on the scrapinghub set: the largest of
# 0.20/0.25/0.30/0.35 that leaves its F1 unchanged (0.30 keeps comments and teasers on
# two pages); reported on the readability set (F1 0.870 -> 0.886, recall 0.859 -> 0.897,
# pages that keep under 20% of the article 5 -> 1).
SCATTER_SHARE = 0.25
# Teasers of other stories (see _trim_teasers): at least TEASER_PAIRS in a row of a title
# of at least TEASER_TITLE_WORDS words and a summary under TEASER_WORDS words, within
# TEASER_GAP blocks of each other, outside the span's runs of CORE_RUN paragraphs in a row.
# Chosen on the scrapinghub set (a title limit above 20 words took recipe steps and interview
# answers for teasers there); reported on the readability set, where no page changes.
TEASER_PAIRS = 3
TEASER_TITLE_WORDS = 3
TEASER_TITLE_MAX = 20
TEASER_WORDS = 60
TEASER_GAP = 4
# The page's own article before another story holds at least this share of the other's prose
# words: readability's share for a sibling that joins the article, the one the DOM stage's
# next-story rule reads (io.html.SIBLING_SHARE), here for text; not chosen on either set.
STORY_SHARE = 0.2
# The other story's running text may open this many blocks into the span (a line of prose
# before it, its headline and its byline; see BlockScorer.changes).  Set a priori.
STORY_LEAD = 3
# A byline between a teaser's headline and its summary: a short line of at most this many words.
BYLINE_WORDS = 4
CORE_RUN = 3
# A page rendered to text prints its menus as runs of one- to three-word lines: of both sets'
# full-page texts 95% hold a run of at least 10 such lines, of their gold texts 90% none over 7.
# A text without a run this long whose block scoring removes ARTICLE_NOTE_SHARE of its words
# gets a note in the trace (the text may be an article: whole_page=False); no output changes.
MENU_RUN = 8
ARTICLE_NOTE_SHARE = 0.2
# Corpus mode: a run of at least this many blocks of the site's template is chrome.
TEMPLATE_RUN = 2
# The title's second opinion (see _titled_span): a title of at least TITLE_WORDS words of at
# least TITLE_WORD_LETTERS letters that are no stopwords names its subject.  Set a priori (a
# headline names its subject in a few words; a word of three letters is often a function word
# in a language without a stoplist); neither set was measured to choose them.
TITLE_WORDS = 3
TITLE_WORD_LETTERS = 4
# The article's table of contents (see _outline): at least this many of the lines before the span
# stand again as its sections' headings.  Set a priori (a table of contents lists a few sections);
# neither set was measured to choose it.
OUTLINE_ENTRIES = 3
# Distinct paragraph texts whose signals a scorer remembers (see BlockScorer.signals).
_MEMO_SIZE = 100_000
# Texts of sentences cut by links (joined lines) remembered per page (``Context.joined``):
# a page of a million short lines keeps no hundred thousand of them.
_JOINED_MEMO_SIZE = 10_000


@dataclass(slots=True)
class Block:
    """Consecutive paragraphs scored together (``first``..``last`` paragraph indices)."""

    first: int
    last: int
    chars: int = 0
    words: int = 0
    stopwords: int = 0
    terminal: bool = False
    cls: str = "bad"
    value: float = 0.0
    repeated: bool = False
    chrome: bool = False
    run: int = 0
    figure: bool = False
    number: int = -1
    table: bool = False
    head: bool = False
    template: bool = False  # corpus mode: every line is a line of the site's template
    widget: bool = False  # a share bar between the article's paragraphs (see _quiet_bars)

    def detail(self) -> str:
        """The signals behind the block's value, for ``explain``."""
        share = self.stopwords / self.words if self.words else 0.0
        parts = [f"score {self.value:+.1f}: {self.cls}", f"{self.words} words",
                 f"stopwords {share:.0%}" if self.stopwords else "no stopwords",
                 "ends a sentence" if self.terminal else "no sentence end"]
        if self.table:
            parts.append("line of a data table")
        elif self.head:
            parts.append("heading row of a data table")
        elif self.run >= LINK_RUN:
            parts.append(f"link-list run of {self.run}")
        if self.repeated:
            parts.append("repeated on the page")
        if self.template:
            parts.append("the site's template")
        elif self.chrome:
            parts.append("chrome phrase")
        return ", ".join(parts)


def ends_sentence(text: str) -> bool:
    """Does ``text`` end a sentence: a terminal mark, perhaps followed by closing quotes
    and brackets?  (A test of the end alone, not a regex scan of the line.)"""
    body = text.rstrip(_CLOSERS)
    return bool(body) and body[-1] in _TERMINALS


def make_blocks(lines: Sequence[str], ends: Sequence[int] | None = None,
                words: Sequence[int] | None = None) -> list[Block]:
    """Group lines into blocks: a sentence cut by inline links is one block.  ``ends``
    says for each line whether it ends a sentence (true or 1), ``words`` how many words
    each holds (both worked out when not given).

    A line goes on with the sentence before it when that one does not end and the line
    starts as the rest of a sentence (lower case, a comma) or the line before ends open
    (a comma, an opening bracket).  A link that starts with a capital ("... announced
    by" / "Netflix" / ", the streaming service ...") is a line of its own that the rest
    of the sentence goes on from: a line of at most :data:`LINK_WORDS` words between a
    block of at least :data:`SENTENCE_START_WORDS` words that does not end a sentence
    and a line that goes on with it is part of that sentence."""
    return [Block(first, last) for first, last in zip(*block_bounds(lines, ends, words))]


def block_bounds(lines: Sequence[str], ends: Sequence[int] | None = None,
                 words: Sequence[int] | None = None) -> tuple[list[int], list[int]]:
    """The first and the last line of each block of :func:`make_blocks` (without
    building the blocks): the flags :func:`_block_bounds` reads, worked out from the
    lines; a line's words are counted only when asked for."""
    end_flags = bytes(ends_sentence(line) for line in lines) if ends is None else bytes(map(bool, ends))
    heads = bytes(head in _CONTINUES_ASCII if head.isascii() else _CONTINUES_RE.match(line) is not None
                  for line in lines for head in (line[:1],))
    tails = bytes(line[-1:] in _OPEN_END_SET for line in lines)
    count: Callable[[int], int] = (
        (lambda i: len(_WORD_RE.findall(lines[i]))) if words is None else words.__getitem__)
    return _block_bounds(end_flags, heads, tails, count)


def _block_bounds(ends: bytes, heads: bytes, tails: bytes, words: Callable[[int], int]
                  ) -> tuple[list[int], list[int]]:
    """The first and the last line of each block of :func:`make_blocks`, from flags of
    the lines: whether each ends a sentence, starts as the rest of one (its first
    character matches ``_CONTINUES_RE``) and ends open (in one of ``_OPEN_ENDS``), and
    ``words(i)``, the words of line ``i`` (asked only about links and the lines before
    them).  Only a line after one that does not end a sentence is asked whether it goes on."""
    n = len(ends)
    starts = bytearray(b"\x01") * n  # 1 for a line that starts a block
    # each line i whose line i - 1 does not end a sentence (a flag of 0 turned into 1)
    joined = bytearray(n)  # 1 for a link joined to the sentence before it
    for i in compress(range(1, n), ends.translate(_NOT)):
        if heads[i] or tails[i - 1]:
            starts[i] = 0
        elif i + 1 < n and not ends[i] and (heads[i + 1] or tails[i]) and words(i) <= LINK_WORDS:
            # a link the sentence goes on from, when the block before it (final: the lines
            # before i are decided) holds enough words: read back to its first line, to a
            # link joined before (the block before that was long enough) or to enough words
            total, j = 0, i - 1
            while total < SENTENCE_START_WORDS:
                if joined[j]:
                    total = SENTENCE_START_WORDS
                    break
                total += words(j)
                if starts[j]:
                    break
                j -= 1
            if total >= SENTENCE_START_WORDS:
                starts[i] = 0
                joined[i] = 1
    firsts = list(compress(range(n), starts))
    lasts = [f - 1 for f in firsts[1:]]  # a block ends where the next one starts
    if n:
        lasts.append(n - 1)
    return _cap_blocks(firsts, lasts)


def _cap_blocks(firsts: list[int], lasts: list[int]) -> tuple[list[int], list[int]]:
    """The blocks with none longer than :data:`MAX_BLOCK_LINES` lines: a longer one (a
    document of one-word lines in lower case reads as one sentence) is cut into blocks of
    that many lines."""
    if all(last - first < MAX_BLOCK_LINES for first, last in zip(firsts, lasts)):
        return firsts, lasts
    capped_firsts, capped_lasts = [], []
    for first, last in zip(firsts, lasts):
        for start in range(first, last + 1, MAX_BLOCK_LINES):
            capped_firsts.append(start)
            capped_lasts.append(min(start + MAX_BLOCK_LINES - 1, last))
    return capped_firsts, capped_lasts


# What classification works out about a text: (chars, words, stopwords, terminal, class).
Signals = tuple[int, int, int, bool, str]


class Facts(NamedTuple):
    """What a scorer works out about one text (see :meth:`BlockScorer.facts`)."""

    signals: Signals
    key: str  # what makes two lines the same (:func:`_key`)
    figure: bool  # holds a digit, and is not a bracketed counter ("(113)")
    number: int  # the whole number the text is, or -1
    head: bool  # starts as the rest of a sentence cut by a link (see make_blocks)
    tail: bool  # ends open, so the next line goes on with it (see make_blocks)


_FACT_KEY = itemgetter(1)  # Facts.key
_SIGNALS = itemgetter(0)  # Facts.signals
_TERMINAL = itemgetter(3)  # Signals' terminal
_HEAD = itemgetter(4)  # Facts.head
_TAIL = itemgetter(5)  # Facts.tail
_new_facts = tuple.__new__  # Facts from a tuple of its fields, without NamedTuple's __new__


def signals(text: str, stops: frozenset[str], unstops: regex.Pattern[str] | None = None) -> Signals:
    """The length, stopword and punctuation signals of ``text`` and its class; a short or
    bad text that starts with a list or row marker is an *item*.  Words are ``\\w+`` runs;
    in scripts written without spaces (Chinese, Japanese) a character counts as
    :data:`UNSPACED_WEIGHT` characters and half a word."""
    if text.isascii():
        tokens = _ASCII_WORD_RE.findall(text.lower() if stops else text)
        unspaced = 0
        stopwords = sum(map(stops.__contains__, tokens)) if stops else 0
    else:
        tokens = _WORD_RE.findall(text)
        unspaced = unspaced_chars(text)
        stopwords = sum(map(stops.__contains__, map(str.lower, tokens))) if stops else 0
    chars = len(text) + (UNSPACED_WEIGHT - 1) * unspaced
    words = len(tokens) + unspaced // 2
    terminal = ends_sentence(text)
    cls = _text_class(chars, words, stopwords, terminal, stops)
    if unspaced and unstops is not None and cls in ("bad", "near-good") and 2 * unspaced >= len(text):
        # mostly a script written without spaces: the share of its function characters
        stop_chars = len(unstops.findall(text))
        share = stop_chars / unspaced
        stopwords = max(stopwords, stop_chars // 2)
        if share >= UNSPACED_STOPS_HIGH and chars > LENGTH_HIGH:
            cls = "good"
        elif share >= UNSPACED_STOPS_LOW:
            cls = "near-good"
    if cls in ("short", "bad"):
        if _ITEM_RE.match(text):
            cls = "item"
        elif _CELL_RE.fullmatch(text):
            cls = "cell"
    return chars, words, stopwords, terminal, cls


def _text_class(chars: int, words: int, stopwords: int, terminal: bool,
                stops: frozenset[str]) -> str:
    """jusText's class from length and stopword share (sentence punctuation without a
    stoplist)."""
    if chars < LENGTH_LOW:
        return "short"
    if not stops:
        return ("good" if chars > LENGTH_HIGH else "near-good") if terminal else "bad"
    share = stopwords / words if words else 0.0
    if share >= STOPWORDS_HIGH and chars > LENGTH_HIGH:
        return "good"
    return "near-good" if share >= STOPWORDS_LOW else "bad"


def value(block: Block) -> float:
    """What a block adds to a span: prose counts its words, chrome costs; a line of a
    data table (see :func:`mark_tables`) is worth what a list item is, or nothing when
    it is a repeated label (a column heading printed for each section); its heading
    row costs nothing."""
    if block.cls == "cell":
        return CELL_VALUE
    if block.table:
        return 0.0 if block.repeated or block.chrome else ITEM_VALUE
    if block.head:
        return 0.0
    if block.cls == "good":
        v = float(block.words)
    elif block.cls == "near-good":
        v = block.words / 2 if block.terminal else block.words / 4
    elif block.cls == "item" and not (block.repeated or block.chrome):
        v = ITEM_VALUE
    elif block.cls in ("short", "item"):
        v = -SHORT_COST
    else:
        v = -block.words / 4 - 1.0
    if v > 0 and block.chrome:
        v = -v / 2
    elif v > 0 and block.repeated:
        v = 0.0
    if v < 0:
        if block.run >= LINK_RUN:
            v *= RUN_FACTOR
        if block.repeated or block.chrome:
            v *= REPEAT_FACTOR
    return v


def _mark_template_runs(blocks: list[Block]) -> None:
    """Count a block of the site's template as chrome when it is in a run of at least
    :data:`TEMPLATE_RUN` template blocks (a menu, a footer, a newsletter box): such a
    run is furniture that cuts the article off.  A lone template line amid the page's
    own text (a citation mark, an "Advertisement" label) keeps its single-document
    value; the site-template stage removes it once the span is chosen."""
    n, i = len(blocks), 0
    while i < n:
        if not blocks[i].template:
            i += 1
            continue
        j = i
        while j < n and blocks[j].template:
            j += 1
        if j - i >= TEMPLATE_RUN:
            for k in range(i, j):
                blocks[k].chrome = True
        i = j


def _is_content(b: Block) -> bool:
    """Prose, or a list item that is not a repeated label or chrome phrase."""
    return b.cls in PROSE or (b.cls == "item" and not (b.repeated or b.chrome))


def _reads_as_sentence(b: Block) -> bool:
    """A short line that reads as a sentence: it ends one and has at least
    :data:`SENTENCE_START_WORDS` words with the stopword share of running text
    (:data:`STOPWORDS_LOW`); not a later copy or a chrome phrase.  A link's text or a
    menu's label rarely does (a numbered step's short instruction, a one-line answer)."""
    return (b.terminal and b.words >= SENTENCE_START_WORDS and b.stopwords >= STOPWORDS_LOW * b.words
            and not (b.repeated or b.chrome))


def mark_runs(blocks: list[Block]) -> None:
    """Record for each short/bad block the length of the run of such blocks it is in.  A
    short line that reads as a sentence (:func:`_reads_as_sentence`) is in no run and
    ends one: a link list is not written in sentences."""
    for in_run, run in groupby(blocks, lambda b: not (_is_content(b) or _reads_as_sentence(b))):
        if in_run:
            members = list(run)
            for b in members:
                b.run = len(members)


def mark_tables(blocks: list[Block]) -> None:
    """Mark the short/bad blocks that are lines of a data table: at least
    :data:`TABLE_FIGURES` of the blocks within :data:`TABLE_REACH` of it on either side
    (itself included) are short/bad blocks that hold a figure (a standings table, a
    calendar, a list of tour dates, a stats sheet or a meal plan rendered one cell or
    row per line).  A menu or a link list is words, not numbers; a comment section
    or a list of dated headlines has a date every third line or so; and the numbering
    of a "most read" list is a count, not a figure (see :func:`_figures`).  So those
    lines still cost, while a table inside or next to the article neither cuts it nor
    carries it."""
    figure = _figures(blocks)
    if sum(figure) < TABLE_FIGURES:
        return
    n, reach = len(blocks), TABLE_REACH
    count = sum(figure[: reach])
    for k, b in enumerate(blocks):
        if k + reach < n:
            count += figure[k + reach]
        if k - reach - 1 >= 0:
            count -= figure[k - reach - 1]
        b.table = count >= TABLE_FIGURES and not _is_content(b)
    _mark_heads(blocks)


def _mark_heads(blocks: list[Block]) -> None:
    """Mark the heading row of each table: up to :data:`TABLE_HEAD` column names right
    before its first line ("Pos." / "Player" / "Points", see :func:`_is_column_name`)."""
    for k in range(1, len(blocks)):
        if blocks[k].table and not blocks[k - 1].table:
            j = k - 1
            while j >= 0 and k - j <= TABLE_HEAD and _is_column_name(blocks[j]):
                blocks[j].head = True
                j -= 1


def _figures(blocks: list[Block]) -> list[bool]:
    """For each block, is it a short/bad block that holds a figure?  A line that is only
    a whole number one more than the last such line is a count, not a figure (the ranks
    of a "most read" list of headlines)."""
    figures, last = [], -2
    for b in blocks:
        if _is_content(b):
            figures.append(False)
        elif b.number >= 0:
            figures.append(b.number != last + 1)
            last = b.number
        else:
            figures.append(b.figure)
    return figures


def _is_column_name(b: Block) -> bool:
    """Could the block name a table's column: a short line of at most
    :data:`COLUMN_NAME_WORDS` words that is not a chrome phrase?"""
    return b.cls == "short" and b.words <= COLUMN_NAME_WORDS and not b.chrome


def max_span(values: list[float]) -> tuple[int, int, float]:
    """The (first, last, total) of the sub-array with the largest sum (Kadane)."""
    best = (0, -1, 0.0)
    start, total = 0, 0.0
    for i, v in enumerate(values):
        if total <= 0:
            start, total = i, v
        else:
            total += v
        if total > best[2]:
            best = (start, i, total)
    return best


def main_span(values: list[float]) -> tuple[int, int, float]:
    """The article's run of blocks: the maximum-sum run, widened over a gap of chrome to
    a neighbouring run when both are strong prose.  A run worth at least
    :data:`BRIDGE_MIN` joins when what the gap costs, discounted by
    :data:`BRIDGE_DISCOUNT`, is less than either run is worth (a lede split from the
    body by a widget, a body cut by a related-links box or a data table).  At most
    :data:`BRIDGE_STEPS` runs join on each side, so the work stays linear."""
    first, last, total = max_span(values)
    if last < first:
        return first, last, total
    for _ in range(BRIDGE_STEPS):
        f, l, t = max_span(values[last + 1 :])
        gap = sum(values[last + 1 : last + 1 + f])
        if l < f or not _bridges(total, t, gap):
            break
        last, total = last + 1 + l, total + gap + t
    for _ in range(BRIDGE_STEPS):
        f, l, t = max_span(values[:first])
        gap = sum(values[l + 1 : first])
        if l < f or not _bridges(total, t, gap):
            break
        first, total = f, total + gap + t
    return first, last, total


def _note_if_article(blocks: list[Block], lines: Sequence[str], drop: dict[int, Any], ctx: Context) -> None:
    """Say in the trace when block scoring removes much of a text that has no page
    furniture (no run of :data:`MENU_RUN` short lines): it may be an article, which
    ``whole_page=False`` (``--article``) leaves to the phrase rules."""
    run = longest = 0
    for b in blocks:
        run = run + 1 if b.first == b.last and b.words <= 3 else 0
        longest = max(longest, run)
    if longest >= MENU_RUN:
        return
    words = [count_words(line) for line in lines]
    share = sum(words[i] for i in drop) / (sum(words) or 1)
    if share >= ARTICLE_NOTE_SHARE:
        note = (f"block scoring removed {share:.0%} of the words of a text without a page's menus "
                f"(no run of {MENU_RUN} short lines): if it is already the article, clean it with "
                "whole_page=False (--article)")
        if note not in ctx.reports:
            ctx.reports.append(note)


def _bridges(total: float, other: float, gap: float) -> bool:
    """May a run worth ``other`` join the span worth ``total`` across a ``gap``?"""
    cost = -BRIDGE_DISCOUNT * gap
    return other >= BRIDGE_MIN and cost < other and cost < total


def _key(line: str) -> str:
    """What makes two lines the same: case-folded, without a list marker."""
    m = _ITEM_RE.match(line)
    return (line[m.end() - 1 :] if m else line).casefold()


def _line_counts(keys: Iterable[str]) -> tuple[dict[str, int], bytearray]:
    """How often each line occurs, by its :func:`_key`, and for each line whether an
    earlier line is the same (1) or not (0)."""
    counts: dict[str, int] = {}
    copy = bytearray()
    seen = copy.append
    for key in keys:
        n = counts.get(key, 0)
        seen(n > 0)
        counts[key] = n + 1
    return counts, copy


def _is_repeated(block: Block, key: str, counts: dict[str, int], copy: bool) -> bool:
    """The repetition signal: a one-line block of a label the page prints more than once,
    or a later copy of a paragraph of prose (its first copy keeps its value)."""
    if block.first != block.last:
        return False
    return copy if block.cls in PROSE else counts[key] > 1


class BlockScorer:
    """The block-scoring stage for one language (stoplist and chrome matcher bound once)."""

    def __init__(self, language: str | None,
                 chrome: Callable[[str, Context, bool], bool] | None = None,
                 marker: Callable[[str, Context], bool] | None = None,
                 comment: Callable[[str, Context], bool] | None = None,
                 dropped: Callable[[str, Context], bool] | None = None) -> None:
        self.language = language
        self.stops = stoplist(language)
        self.unstops = unspaced_stops(language)
        self.chrome = chrome
        self.marker = marker
        self.comment = comment
        self.dropped = dropped
        self._memo: dict[str, Facts] = {}
        self._readings: dict[str, tuple[str, str] | None] = {}

    def facts(self, text: str) -> Facts:
        """The :class:`Facts` of ``text``.  They depend on the text alone, so they are
        remembered per distinct text (a page's second pass through the boilerplate
        cycle, and lines that recur across a corpus, cost a lookup); at most
        :data:`_MEMO_SIZE` texts are kept."""
        found = self._memo.get(text)
        if found is None:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            found = self._memo[text] = self._work_out(text)
        return found

    def _work_out(self, text: str) -> Facts:
        """:func:`signals` and :func:`_key` of ``text`` with its figure and number, worked
        out together (the list-marker match serves both; the steps of :func:`signals`
        are written out here, for the plain case of a text with no character of a
        script written without spaces)."""
        digit = _DIGIT_RE.search(text) is not None  # a figure and a number hold one
        # a list marker or a figure starts with one of a few characters: a line that
        # starts with another ASCII character is not searched
        head = text[:1]
        plain = head.isascii() and head not in _ITEM_HEADS
        item = None if plain else _ITEM_RE.match(text)
        key = (text[item.end() - 1 :] if item else text).casefold()  # _key
        stops = self.stops
        if text.isascii() or not unspaced_chars(text):
            if text.isascii():
                tokens = _ASCII_WORD_RE.findall(text.lower() if stops else text)
                stopwords = sum(map(stops.__contains__, tokens)) if stops else 0
            else:
                tokens = _WORD_RE.findall(text)
                stopwords = sum(map(stops.__contains__, map(str.lower, tokens))) if stops else 0
            chars, words = len(text), len(tokens)
            body = text.rstrip(_CLOSERS)  # ends_sentence
            terminal = bool(body) and body[-1] in _TERMINALS
            cls = _text_class(chars, words, stopwords, terminal, stops)
            if cls == "short" or cls == "bad":
                if item:
                    cls = "item"
                elif not (head.isascii() and head not in _CELL_HEADS) and _CELL_RE.fullmatch(text):
                    cls = "cell"
            found: Signals = (chars, words, stopwords, terminal, cls)
        else:
            found = signals(text, stops, self.unstops)
        # make_blocks' continuation test: the pattern asked only about a character outside ASCII
        starts_on = head in _CONTINUES_ASCII if head.isascii() else _CONTINUES_RE.match(text) is not None
        return _new_facts(Facts, (found, key, digit and not _COUNTER_RE.fullmatch(text),
                                  int(text) if digit and _INTEGER_RE.fullmatch(text) else -1,
                                  starts_on, text[-1:] in _OPEN_END_SET))

    def _reading(self, text: str) -> tuple[str, str] | None:
        """The language a sentence that is no running text in the page's language reads as
        on its own, and its class in that language when that is prose (None otherwise, and
        for an unsure reading).  Remembered per text."""
        memo = self._readings
        if text in memo:
            return memo[text]
        found = None
        code = quick_detect(text)
        if code is not None and code != UNSURE and code != self.language:
            stops, unstops = stoplist(code), unspaced_stops(code)
            # (without a stoplist or function characters there is no running text to tell)
            cls = signals(text, stops, unstops)[4] if stops or unstops is not None else "bad"
            found = (code, cls) if cls in PROSE else None
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[text] = found
        return found

    def _prose_of_the_page(self, blocks: list[Block], lines: Sequence[str], copies: Sequence[int]) -> None:
        """A sentence that is no running text in the page's language is prose when it
        reads as another language and the page as a whole -- its menus and chrome with
        its prose -- reads as that language too: the page's language came from long lines
        of another language (a feed, another story) that the detector's sample reads
        first, and the article is in the site's own language.  A notice or a quotation
        in another language than the page's stays as it was."""
        page: list[str | None] = []  # the page's reading, once asked (only when a line reads elsewhere)
        for b in blocks:
            if b.cls != "bad" or not b.terminal:
                continue
            text = lines[b.first] if b.first == b.last else " ".join(lines[b.first:b.last + 1])
            found = self._reading(text)
            if found is None:
                continue
            if not page:  # the whole page; when that is unsure, its lines other than prose
                page.append(language_of_sample("\n".join(lines)) or language_of_sample("\n".join(
                    lines[i] for c in blocks if c.cls not in PROSE for i in range(c.first, c.last + 1))))
            if page[0] == found[0]:
                b.cls = found[1]
                if b.first == b.last:  # _is_repeated of prose
                    b.repeated = copies[b.first] == 1

    def score(self, lines: Sequence[str], ctx: Context | None = None) -> list[Block]:
        """Blocks of ``lines`` with their classes, signals and values."""
        ctx = ctx or Context()
        memo, work_out = self._memo.get, self.facts
        facts = [memo(line) or work_out(line) for line in lines]
        counts, copies = _line_counts(map(_FACT_KEY, facts))
        # make_blocks, from the lines' facts
        blocks = list(map(Block, *_block_bounds(bytes(map(_TERMINAL, map(_SIGNALS, facts))),
                                                bytes(map(_HEAD, facts)), bytes(map(_TAIL, facts)),
                                                lambda i: facts[i][0][1])))
        chrome = self.chrome
        site = ctx.site
        joined = ctx.joined
        # the lines read in order alongside their blocks (a block covers the lines from
        # the end of the one before it), so no line is looked up by its index
        line_at = iter(lines)
        for b in blocks:
            i = b.first
            if i == b.last:
                text, fact = next(line_at), facts[i]
                b.chrome = chrome is not None and chrome(text, ctx, True)
                (b.chars, b.words, b.stopwords, b.terminal, cls), key, b.figure, b.number, _, _ = fact
                b.cls = cls
                # _is_repeated for a one-line block
                b.repeated = copies[i] == 1 if cls in PROSE else counts[key] > 1
                if site is not None:
                    b.template = site.evidence(text) is not None
            else:
                # a sentence cut by links: asked about again in the page's next round,
                # rarely on other pages, so remembered for this page only
                parts = [next(line_at) for _ in range(b.last - i + 1)]
                text = " ".join(parts)
                known = joined.get(text)
                if known is None:
                    known = (self._work_out(text), chrome is not None and chrome(text, ctx, False))
                    if len(joined) < _JOINED_MEMO_SIZE:
                        joined[text] = known
                fact, b.chrome = known
                (b.chars, b.words, b.stopwords, b.terminal, b.cls), _, b.figure, b.number, _, _ = fact
                # (a block of several lines is never repeated: see _is_repeated)
                if site is not None:
                    b.template = all(site.evidence(line) is not None for line in parts)
        if self.stops:
            self._prose_of_the_page(blocks, lines, copies)
        if site is not None:
            _mark_template_runs(blocks)
        mark_runs(blocks)
        mark_tables(blocks)
        for b in blocks:
            b.value = value(b)
        return blocks

    def changes(self, text: str, ctx: Context | None = None) -> list[Change]:
        """BS001/BS002 removals for canonical ``text``."""
        ctx = ctx or Context()
        paras = paragraphs(text, ctx)
        if len(paras) < MIN_PARAGRAPHS:
            return []
        all_lines = paras.lines(text)
        # a line without words (a separator, the comma after a link) or a bare address is
        # no block, and no block ends at it; the neutral drop-line rules remove it later
        wordless = _WORDLESS_RE.fullmatch
        worded = bytes(0 if wordless(line) else 1 for line in all_lines)  # a byte a line
        index: Sequence[int] = range(len(all_lines))
        lines: Sequence[str] = all_lines
        if 0 in worded:
            index = array("l", compress(index, worded))
            lines = list(compress(all_lines, worded))
        if len(lines) < MIN_PARAGRAPHS:
            return []
        blocks = self.score(lines, ctx)
        if all(b.value >= 0 for b in blocks) or all(
                b.terminal and not (b.chrome or b.repeated) for b in blocks):
            # nothing costs, or every block ends a sentence and none is a chrome phrase or a
            # copy: plain prose, with no line a menu, a byline or a headline is written as
            return []
        dropped = self.dropped
        # the single-line chrome blocks the drop-line stage removes under its own codes
        gone = (bytes(b.chrome and b.first == b.last and dropped(lines[b.first], ctx) for b in blocks)
                if dropped is not None else bytes(len(blocks)))
        _quiet_bars(blocks, lines, gone)
        first, last, total, cut, scattered = self._span(blocks, lines, ctx)
        if last < first:
            return []
        teasers = (_teasers(blocks, lines, first, last, ctx.title)
                   or self._teaser_span(blocks, lines, first, last, ctx))
        if teasers:
            # the teasers are chrome: the span is chosen again without their worth
            for k in teasers:
                blocks[k].chrome = True
                blocks[k].value = value(blocks[k])
            first, last, total, cut, scattered = self._span(blocks, lines, ctx)
            if last < first:
                return []
        other = None if scattered else _other_story(blocks, lines, first, last, ctx.title)
        if other is None and not scattered:
            # the other story's headline and byline inside the span, after a line of prose
            # that joined it (a site's footer before the story it writes after its own)
            runs = _runs(blocks, first, last)
            if runs and 0 < runs[0][0] - first <= STORY_LEAD:
                other = _other_story(blocks, lines, runs[0][0], last, ctx.title)
            if other is None:
                other = _bridged_story(blocks, lines, runs, first, last, self.stops, ctx.title)
        if other is not None:
            # the page's own article stands before the other story's headline
            mine = self._story_span(blocks, lines, ctx, other)
            if mine is not None:
                first, last, total, cut, scattered = mine
            else:
                other = None
        untitled = None
        if other is None and not scattered:
            # the span names no word of the page's title: another article's, when a run of
            # prose elsewhere on the page names them (see _titled_span)
            titled = self._titled_span(blocks, lines, ctx, first, last)
            if titled is not None:
                untitled = (first, last)
                first, last, total, cut, scattered = titled
        outline = None
        if not scattered and other is None and untitled is None:
            # the article's table of contents before the span: the lede above it is the
            # article's, the contents go, and the sections' headings are no repeated labels
            outline = _outline(blocks, lines, first, last)
            if outline is not None:
                first = outline[0]
                for k in outline[3]:
                    blocks[k].repeated = False
        lede = None if scattered or cut else _lede(blocks, lines, first, ctx.title)
        head = _headline(blocks, lines, first if lede is None else lede[0], ctx.title)
        # a scattered article: the menus between its pieces are no part of it
        menus = _menus(blocks, first, last) if scattered else set()
        drop: dict[int, tuple[RuleRef, str]] = {}
        site = ctx.site
        traced = ctx.traced
        where = f"outside the main span (paragraphs {blocks[first].first + 1}-{blocks[last].last + 1}, score {total:.0f})"
        if cut:
            where += f", which ends at the marker {cut!r}"
        if other is not None:
            where += (f"; another story follows the page's own, under a headline the title does "
                      f"not hold ({lines[blocks[other[0]].first]!r})")
        if untitled is not None:
            where += (f"; the best run of prose (paragraphs {blocks[untitled[0]].first + 1}-"
                      f"{blocks[untitled[1]].last + 1}) names no word of the page's title, this one does")
        for k, b in enumerate(blocks):
            inside = first <= k <= last
            if k in teasers:
                for i in range(b.first, b.last + 1):
                    drop[i] = (BLOCK_SCORE.ref, f"{b.detail()}, {teasers[k]}" if traced else "")
                continue
            if outline is not None and outline[1] <= k <= outline[2]:
                for i in range(b.first, b.last + 1):
                    drop[i] = (BLOCK_SCORE.ref, f"{b.detail()}, the article's table of contents "
                               "(its entries stand again as the headings of its sections)" if traced else "")
                continue
            menu = k in menus
            if lede is not None and lede[0] <= k <= lede[1]:
                inside = True
            if k == head and b.first != b.last:
                # a headline over its byline and date (a byline that ends in a dash joins them
                # as a link does its sentence): the headline stays, its credits go
                for i in range(b.first + 1, b.last + 1):
                    drop[i] = (BLOCK_SCORE.ref, f"{b.detail()}, the credits under the headline" if traced else "")
                continue
            if k == head or (inside and not menu and (not _is_label(b) or _speaker(blocks, lines, k))):
                continue
            if gone[k]:
                continue  # the drop-line stage, next, removes it under its rule's code
            if b.template and not inside:  # reported as the site's template, with its evidence
                for i in range(b.first, b.last + 1):
                    # a block is template only when the page has a site template
                    drop[i] = (site.ref, f"{site.evidence(lines[i])}; {b.detail()}, {where}"  # type: ignore[union-attr]
                               if traced else "")
                continue
            ref = REPEATED_LINE.ref if inside and not menu else BLOCK_SCORE.ref
            # the signals are written out only for a trace (``explain``)
            detail = "" if not traced else (
                f"{b.detail()}, a menu between the pieces of a scattered article" if menu
                else f"{b.detail()}, inside the article" if inside else f"{b.detail()}, {where}")
            for i in range(b.first, b.last + 1):
                drop[i] = (ref, detail)
        if not drop or len(drop) == len(lines):
            return []
        if traced:
            _note_if_article(blocks, lines, drop, ctx)
        if lines is not all_lines:
            drop = {index[i]: why for i, why in drop.items()}
        return removal_changes(text, paras, drop, merge=not traced)

    def _teaser_span(self, blocks: list[Block], lines: Sequence[str], first: int, last: int,
                     ctx: Context) -> dict[int, str]:
        """The teasers of a span with no running text of its own (no run of
        :data:`CORE_RUN` paragraphs in a row): a box of other stories whose summaries (up to
        :data:`TEASER_WORDS` words each) outweigh a short article, with chrome between the
        two.  They go when, without their worth, the span is running text that comes
        before them (the article, whose related box follows it); a span of teasers with no
        such text before it (a list article, a gallery, a section front) stays."""
        if _core(blocks, first, last) is not None:
            return {}
        # the first teaser's headline (and a byline after it) may stand before the span, which
        # starts where the value turns positive: at its summary
        runs = [r for r in _teaser_runs(blocks, lines, max(0, first - 2), last) if r[1] >= first]
        if not runs:
            return {}
        start = runs[0][0]
        saved = [(k, blocks[k].chrome, blocks[k].value) for r in runs for k in range(r[0], r[1] + 1)]
        for k, _, _ in saved:
            blocks[k].chrome = True
            blocks[k].value = value(blocks[k])
        new_first, new_last, _, _, _ = self._span(blocks, lines, ctx)
        for k, chrome, worth in saved:
            blocks[k].chrome, blocks[k].value = chrome, worth
        if new_last < new_first or new_last >= start or _core(blocks, new_first, new_last) is None:
            return {}
        why = ("one of a run of teasers of other stories (a headline and a summary each) that "
               "outweighed the article before them")
        return {k: why for k, _, _ in saved}

    def _span(self, blocks: list[Block], lines: Sequence[str], ctx: Context, lo: int = 0,
              widen: bool = True) -> tuple[int, int, float, str, bool]:
        """The article's span of blocks: (first, last, its score, the marker that ended it,
        whether the over-deletion guard widened it over a scattered article).  The run is
        chosen among the blocks from ``lo`` on; ``widen=False`` leaves the guard out."""
        first, last, total = main_span([b.value for b in blocks[lo:]])
        first, last = first + lo, last + lo
        if last < first:
            return first, last, total, "", False
        last, cut = self._cut_at_marker(blocks, lines, first, last, ctx)
        first, last = _extend(blocks, first, last, not cut)
        first, last = _continue_lists(blocks, lines, first, last, not cut)
        if not widen:
            return first, last, total, cut, False
        # The blocks after a marker that ended the span are comments, not scattered prose.
        wide_first, wide_last = _widen_if_scattered(blocks[: last + 1] if cut else blocks, first, last)
        return wide_first, wide_last, total, cut, (wide_first, wide_last) != (first, last)

    def _titled_span(self, blocks: list[Block], lines: Sequence[str], ctx: Context, first: int,
                     last: int) -> tuple[int, int, float, str, bool] | None:
        """The title's second opinion on the span: an article names its subject, so the
        words of its headline come back in its text.  When the page's title
        (:func:`_page_title`) has at least :data:`TITLE_WORDS` words of at least
        :data:`TITLE_WORD_LETTERS` letters that are no stopwords, the span's running text
        (:func:`_core`) holds none of them (not even inside a longer word; what the span
        holds before it, a footer's legal line or a promotion, may name the site or the
        subject by chance), opens under another story's headline and byline
        (:func:`_story_head`; the rest of the page's article, which a gallery or a box cut
        from its lede, opens under none), and the best span before it or after it (as
        :meth:`_span` chooses it) holds one as a word and is a story of its own beside the
        span (:func:`_holds_a_story` of the span's prose words), that span is the article: the
        page's own story is short, and a longer one with another subject (the next story a
        site writes below it) outweighed it.  The better of the two when both do; else None
        (the span stays: a title that is only the site's name, or written in a script
        without spaces, whose Latin words are the site's name).  A span widened over a
        scattered article (:func:`_widen_if_scattered`) is no story: neither is asked for."""
        title = _page_title(lines, ctx.title)
        if unspaced_chars(title):
            return None  # a title in Chinese or Japanese: its Latin words name the site
        words = _title_words(title, self.stops)
        if len(words) < TITLE_WORDS:
            return None
        core = _core(blocks, first, last)
        if core is None or _holds_any(blocks, lines, core[0], core[1], words):
            return None
        if _story_head(blocks, lines, core[0], title) is None:
            return None  # no story of its own: the rest of an article a box or a gallery cut
        best = None
        theirs = _prose_words(blocks, first, last)
        for found in (self._span(blocks[:first], lines, ctx, widen=False),
                      self._span(blocks, lines, ctx, lo=last + 1, widen=False)):
            f, l, total = found[0], found[1], found[2]
            if l < f or (best is not None and total <= best[2]) or not _holds_a_story(blocks, f, l, theirs):
                continue
            text = " ".join(lines[blocks[f].first : blocks[l].last + 1]).casefold()
            if not words.isdisjoint(_TITLE_WORD_RE.findall(text)):
                best = found
        return best

    def _story_span(self, blocks: list[Block], lines: Sequence[str], ctx: Context,
                    other: tuple[int, int, int]) -> tuple[int, int, float, str, bool] | None:
        """The span of the page's own article when the chosen one is another story
        (:func:`_other_story`): the best span before the other story's headline (as
        :meth:`_span` chooses it), else the best between the page's headline and the
        other story's (a page that prints its headline again below the article, in a
        share box, has the article above it), when it is the page's own
        (:func:`_own_story`); else None."""
        head, _, own = other
        before = blocks[:head]
        mine = self._span(before, lines, ctx)
        if not mine[4] and _own_story(blocks, mine[0], mine[1], other):
            return mine  # (a span widened over scattered prose is no story of its own)
        mine = self._span(before, lines, ctx, lo=own + 1, widen=False)
        return mine if _own_story(blocks, mine[0], mine[1], other) else None

    def _cut_at_marker(self, blocks: list[Block], lines: Sequence[str], first: int, last: int,
                       ctx: Context) -> tuple[int, str]:
        """End the span before a comment/related-section marker (a truncate-after phrase of
        the packs) that follows at least :data:`MARKER_AFTER_WORDS` words of prose in it."""
        if self.marker is None:
            return last, ""
        prose = 0
        for k in range(first, last + 1):
            b = blocks[k]
            if b.cls == "good":
                prose += b.words
            elif (prose >= MARKER_AFTER_WORDS and b.last - b.first < MARKER_LINES
                  and self.marker(text := " ".join(lines[b.first : b.last + 1]), ctx)
                  and not _prose_follows(blocks, k)
                  and not self._article_below(lines, b.first, ctx)):
                return k - 1, text
        return last, ""


    def _article_below(self, lines: Sequence[str], k: int, ctx: Context) -> bool:
        """Does the article stand below the marker at line ``k`` (see :mod:`.markers`)?"""
        comment = self.comment
        return article_below(lines, k, None if comment is None else lambda line: comment(line, ctx),
                             ctx.title, ctx.markers_above)


def _quiet_bars(blocks: list[Block], lines: Sequence[str], gone: bytes) -> None:
    """A share bar between two paragraphs costs the span nothing: a run of at most
    :data:`LINK_RUN` lines that the drop-line stage removes (``gone``: "Share on
    Facebook", "Email", "Print"), or such a run with short lines between its first and
    last (a newsletter box: its heading, a pitch, its button), after a paragraph and
    before prose that ends a sentence or introduces what follows (a list after a colon),
    and more of the page's own text after that (a paragraph or a list item: the article
    goes on), is a widget inside the article, and its cost would cut the article in two.
    The short lines between are not removed for that: a one-line paragraph between two
    advertisement labels reads the same.  Elsewhere such lines keep their cost: a menu of
    them, or a share bar between the article and a promotional paragraph after it, marks
    where the article ends."""
    k, n = 0, len(blocks)
    while k < n:
        if not gone[k]:
            k += 1
            continue
        j = m = k
        # the widget's last line the drop-line stage removes, within LINK_RUN lines of its
        # first (a longer run is a menu: the line after the window is its chrome, no prose);
        # short lines between two such lines (a newsletter box's pitch, an advertisement's
        # text) are the widget's too
        while m + 1 < n and m + 1 - k < LINK_RUN and (gone[m + 1] or _is_widget_line(blocks[m + 1])):
            m += 1
            if gone[m]:
                j = m
        if 0 < k and j + 1 < n and _is_paragraph(blocks[k - 1]):
            after = blocks[j + 1]
            if (_is_prose(after) and (after.terminal or lines[after.last].endswith(":"))
                    and j + 2 < n and _is_content(blocks[j + 2])):
                for i in range(k, j + 1):
                    blocks[i].value = 0.0
                    blocks[i].widget = True
        k = j + 1


def _is_widget_line(b: Block) -> bool:
    """A line a widget may hold between its chrome lines: one short line, not a list item."""
    return b.first == b.last and b.cls in ("short", "cell") and not b.repeated


def _widen_if_scattered(blocks: list[Block], first: int, last: int) -> tuple[int, int]:
    """The over-deletion guard: when the span holds less than :data:`SCATTER_SHARE` of
    the words of the page's prose blocks (good or near-good, not repeated, not a chrome
    phrase), it is a fragment of an article that formulas, captions, bylines or link
    fragments cut into pieces; then the span runs from the first prose block to the
    last, and only what stands before and after the prose goes.  The caller passes only
    the blocks up to a marker that ended the span, so a comment section after it never
    counts as scattered article prose."""
    inside = total = 0
    lo, hi = first, last
    for k, b in enumerate(blocks):
        if _is_prose(b):
            total += b.words
            if first <= k <= last:
                inside += b.words
            lo, hi = min(lo, k), max(hi, k)
    return (lo, hi) if inside < SCATTER_SHARE * total else (first, last)


def _menus(blocks: list[Block], first: int, last: int) -> set[int]:
    """The blocks of the span that are lines of a menu: runs of :data:`MENU_RUN` or more
    one- to three-word short lines (a country picker, a list of sections)."""
    menus: set[int] = set()
    ks = range(first, last + 1)
    for is_menu, run in groupby(ks, lambda k: blocks[k].cls == "short" and blocks[k].words <= 3):
        run_ks = list(run)
        if is_menu and len(run_ks) >= MENU_RUN:
            menus.update(run_ks)
    return menus


def _is_label(b: Block) -> bool:
    """BS002's rule: a short line the page prints several times is a button or label --
    unless it is a line of a data table or its heading row, where a repeated value
    ("DL", "Pos.") is a cell."""
    return b.repeated and b.cls == "short" and not (b.table or b.head)


def _speaker(blocks: list[Block], lines: Sequence[str], k: int) -> bool:
    """Is the label ``k`` inside the article the name of who speaks next ("Prof. Carlos:",
    "Q:" in an interview's transcript): it introduces what follows (ends with a colon),
    and a line of the page's own that reads as a sentence follows it at once (one line: a
    hatnote's "Main article:" goes on with a link's title, which a paragraph goes on from)?"""
    if not lines[blocks[k].last].endswith(":") or k + 1 == len(blocks):
        return False
    said = blocks[k + 1]
    return said.first == said.last and _sentence_like(said)


def _prose_follows(blocks: list[Block], k: int) -> bool:
    """Does a good paragraph follow block ``k`` at once?  A comment section opens with
    names and dates; a comment count followed by prose is a byline link."""
    return any(b.cls == "good" for b in blocks[k + 1 : k + 3])


def _sentence_like(b: Block) -> bool:
    """Could the block be a paragraph of the article (a sentence, not a label)?"""
    if b.repeated or b.chrome:
        return False
    if _is_content(b):
        return True
    return b.terminal and b.words >= 3 and b.stopwords > 0


def _extend(blocks: list[Block], first: int, last: int, forward: bool) -> tuple[int, int]:
    """Widen the span over sentence-like blocks next to it (a short lede, a closing line)."""
    while first > 0 and _sentence_like(blocks[first - 1]):
        first -= 1
    while forward and last + 1 < len(blocks) and _sentence_like(blocks[last + 1]):
        last += 1
    return first, last


def _is_prose(b: Block) -> bool:
    """Prose of the page's own: good or near-good, not a later copy, not a chrome phrase."""
    return b.cls in PROSE and not (b.repeated or b.chrome)


def _is_title(b: Block, line: str) -> bool:
    """Could the block be the headline of a teaser: :data:`TEASER_TITLE_WORDS` to
    :data:`TEASER_TITLE_MAX` words (perhaps cut by an inline link), not good prose, without
    a sentence end, and not introducing what follows ("Name:")?"""
    return (b.cls != "good" and TEASER_TITLE_WORDS <= b.words <= TEASER_TITLE_MAX
            and not b.terminal and not line.endswith(":") and not _NUMBERED_RE.match(line))


def _is_paragraph(b: Block) -> bool:
    """Running text: prose that ends a sentence."""
    return _is_prose(b) and b.terminal


def _is_byline(b: Block) -> bool:
    """A byline or a date between a teaser's headline and its summary."""
    return b.cls in ("short", "cell") and b.words <= BYLINE_WORDS and not b.terminal


def _teaser_runs(blocks: list[Block], lines: Sequence[str], first: int, last: int
                 ) -> list[tuple[int, int, int, bool]]:
    """The runs of teasers in ``blocks[first..last]``: (first headline, last summary,
    count, whether every teaser has a byline or a date).  A teaser is a headline-like
    line, perhaps a byline and a date, and one short paragraph that no other paragraph
    follows; a run is at least :data:`TEASER_PAIRS` of them, each within
    :data:`TEASER_GAP` blocks of the one before, with no paragraph between."""
    def headline(k: int) -> int:
        j = k - 1
        while j > first and k - j <= 2 and _is_byline(blocks[j]):
            j -= 1
        return j if j >= first and _is_title(blocks[j], lines[blocks[j].first]) else -1

    summaries, heads = [], {}
    for k in range(first + 1, last + 1):
        b = blocks[k]
        if (_is_paragraph(b) and b.words < TEASER_WORDS
                and not (k < last and _is_paragraph(blocks[k + 1]))):
            h = headline(k)
            if h >= 0:
                summaries.append(k)
                heads[k] = h
    runs: list[tuple[int, int, int, bool]] = []
    i = 0
    while i < len(summaries):
        j = i
        while (j + 1 < len(summaries) and summaries[j + 1] - summaries[j] <= TEASER_GAP + 1
               and not any(_is_paragraph(blocks[m]) for m in range(summaries[j] + 1, summaries[j + 1]))):
            j += 1
        if j - i + 1 >= TEASER_PAIRS:
            cards = all(heads[k] < k - 1 for k in summaries[i : j + 1])
            runs.append((heads[summaries[i]], summaries[j], j - i + 1, cards))
        i = j + 1
    return runs


def _runs(blocks: list[Block], first: int, last: int) -> list[tuple[int, int]]:
    """The runs of at least :data:`CORE_RUN` paragraphs in a row in ``blocks[first..last]``
    (each ends a sentence, so a teaser's headline breaks a run; a share bar between two of
    them, see :func:`_quiet_bars`, does not), first and last block each."""
    runs: list[tuple[int, int]] = []
    k = first
    while k <= last:
        if not _is_paragraph(blocks[k]):
            k += 1
            continue
        j, count = k, 1
        while True:
            m = j + 1
            while m <= last and blocks[m].widget:  # a share bar does not break the run
                m += 1
            if m > last or not _is_paragraph(blocks[m]):
                break
            j, count = m, count + 1
        if count >= CORE_RUN:
            runs.append((k, j))
        k = j + 1
    return runs


def _core(blocks: list[Block], first: int, last: int) -> tuple[int, int] | None:
    """The first and the last block of the runs of paragraphs in the span (:func:`_runs`):
    the article's running text, which teasers never are."""
    runs = _runs(blocks, first, last)
    return (runs[0][0], runs[-1][1]) if runs else None


def _teasers(blocks: list[Block], lines: Sequence[str], first: int, last: int,
             page_title: str | None = None) -> dict[int, str]:
    """Teasers of other stories after the article's running text (or before it, with the
    page's own headline between them and the article): for each block of a run
    of them (a headline and a one-paragraph summary, several in a row, with the credits
    and counters between them), why it goes.  A teaser is a line to drop, not a section
    to cut: what follows the run (the article itself, on a page that prints a gallery of
    other stories first) keeps its place.  A span without a run of paragraphs in a row (a
    list of deals, a gallery with captions) is left alone: its items may be the article;
    so is a run whose first headline follows a paragraph at once (inline links to other
    stories inside the article), unless each of its teasers has a byline or a date (the
    cards of other stories, which an article's paragraphs never are)."""
    core = _core(blocks, first, last)
    if core is None:
        return {}
    drop: dict[int, str] = {}
    title = _page_title(lines, page_title)
    for start, end, count, cards in _teaser_runs(blocks, lines, first, last):
        if start > core[1] and (cards or not _is_prose(blocks[start - 1])):
            where = "after the article"
        elif end < core[0] and any(_is_page_headline(blocks[k], lines, title)
                                   for k in range(end + 1, core[0])):
            where = "before the article's headline"
        else:
            continue
        why = f"one of a run of {count} teasers of other stories (a headline and a summary each), {where}"
        for k in range(start, end + 1):
            drop[k] = why
    return drop


def _page_title(lines: Sequence[str], page_title: str | None) -> str:
    """The page's title, case-folded: the first line the boilerplate stages first saw
    (``Context.title``; a later round's text may have lost it), else the text's first line."""
    return (lines[0] if page_title is None else page_title).casefold()


def _section_name(line: str) -> str:
    """A heading or a table of contents' entry without its section number, case-folded."""
    m = _SECTION_NUMBER_RE.match(line)
    return (line[m.end():] if m else line).casefold()


def _outline(blocks: list[Block], lines: Sequence[str], first: int, last: int
             ) -> tuple[int, int, int, list[int]] | None:
    """The article's table of contents right before the span, and the lede above it.  A wiki
    page, a manual, a long read prints one between its lede and its body, and its run of
    short lines costs more than the lede is worth, so the span began after it.

    The blocks between the span and the last prose block before it (:func:`_is_prose`) are
    one when at least :data:`OUTLINE_ENTRIES` of them, most of those that are not a bare
    number, stand again as a line after themselves, once each up to the span's end (or,
    when not there, once after it: a "See also" the span left out), in the same order and
    each with a line of its own after it: its sections' headings, the first of which may
    stand before the span (section numbers left out: :func:`_section_name`).  A photo box
    printed again inside the article stands there in a row, a button's label several
    times, and a menu names no section.  The lede is the run of blocks ending at the
    contents with the largest total value, when that is positive and holds a paragraph
    (:func:`_is_paragraph`).

    (the lede's first block, the first and the last block of the contents -- up to its
    last entry that stands again: the first section's heading after it is none --, the
    blocks of the headings), else None."""
    k = first - 1
    while k >= 0 and not _is_prose(blocks[k]):
        k -= 1
    start = k + 1  # the outline's first block
    if first - start < OUTLINE_ENTRIES or k < 0:
        return None
    # the entries: (block, first line, name) of the blocks that are no bare number
    entries = [(j, i, name) for j in range(start, first) if blocks[j].cls != "cell"
               for i in (blocks[j].first,) for name in (_section_name(lines[i]),) if name]
    if len(entries) < OUTLINE_ENTRIES:
        return None
    # where each entry's name stands from the outline on (a line longer than the longest
    # entry and its section number is no heading of it: not asked)
    where: dict[str, list[int]] = {name: [] for _, _, name in entries}
    longest = max(len(name) for _, _, name in entries) + _NUMBER_ROOM
    for i in range(blocks[start].first, len(lines)):
        line = lines[i]
        if len(line) <= longest:
            places = where.get(_section_name(line))
            if places is not None:
                places.append(i)
    found = []  # where each entry that stands again once after itself does
    end = start  # the block of the last such entry
    end_of_span = blocks[last].last
    for j, i, name in entries:
        later = [place for place in where[name] if place > i]
        inside = [place for place in later if place <= end_of_span]
        if len(inside) == 1 or not inside and len(later) == 1:
            found.append(inside[0] if inside else later[0])
            end = j
    if (len(found) < OUTLINE_ENTRIES or 2 * len(found) <= len(entries)
            or any(b - a < 2 for a, b in zip(found, found[1:]))):
        return None  # too few, or out of order, or a section without a line of its own
    # the lede: the run ending at the outline worth the most
    best, total, lede = 0.0, 0.0, None
    for j in range(start - 1, -1, -1):
        total += blocks[j].value
        if total > best:
            best, lede = total, j
    if lede is None or not any(_is_paragraph(blocks[j]) for j in range(lede, start)):
        return None
    heads = set(found)
    return lede, start, end, [k for k in range(start, len(blocks)) if blocks[k].first in heads]


def _title_words(title: str, stops: frozenset[str]) -> set[str]:
    """The words of a (case-folded) title that may name its subject: of at least
    :data:`TITLE_WORD_LETTERS` letters, no stopword of ``stops``."""
    return {w for w in _TITLE_WORD_RE.findall(title) if len(w) >= TITLE_WORD_LETTERS and w not in stops}


def _holds_any(blocks: list[Block], lines: Sequence[str], first: int, last: int,
               words: set[str]) -> bool:
    """Does a line of blocks ``first``..``last`` hold any of ``words`` (case-folded), even
    inside a longer word?  (Read line by line: an article names its subject early.)"""
    for i in range(blocks[first].first, blocks[last].last + 1):
        line = lines[i].casefold()
        if any(w in line for w in words):
            return True
    return False


def _is_page_headline(b: Block, lines: Sequence[str], title: str) -> bool:
    """Is the block the page's headline: a line of 2 to :data:`HEADLINE_MAX_WORDS` words
    that is the text's first line or is contained in the page's title (``title``, see
    :func:`_page_title`)?  A block of several lines is when its first line is and the next
    does not go on with it: a headline whose byline ends open ("By Jane Doe -"), which
    joins the two as a link does its sentence."""
    if b.template or b.first != b.last and _CONTINUES_RE.match(lines[b.first + 1]):
        return False  # (a sentence cut by a link: its first piece is no headline)
    line = lines[b.first]
    return 2 <= len(line.split()) <= HEADLINE_MAX_WORDS and (b.first == 0 or line.casefold() in title)


def _other_story(blocks: list[Block], lines: Sequence[str], first: int, last: int,
                 page_title: str | None = None) -> tuple[int, int, int] | None:
    """Is the span another story than the page's: a story of running text (:func:`_core`)
    that opens under a headline-like line (:func:`_is_title`) and its byline or date --
    a section's subheading has none -- where the headline is no line the page's title
    holds, no date, time or phone number, nor the last of a list of titles (a box of
    teasers, after which the article's body goes on), while the page's own headline (a
    line the title holds, not the first) stands before it, out of the span's reach, and
    nowhere from the span on: the next story, which a site that loads articles as the
    reader scrolls writes after its own (the DOM stage's ``_another_article``)?  Its
    (headline block, first block, the page headline's block), else None."""
    title = _page_title(lines, page_title)
    head = _story_head(blocks, lines, first, title)
    if head is None:
        return None
    for own in range(head - 1, 0, -1):
        if _is_page_headline(blocks[own], lines, title):
            break
    else:
        return None
    if first - own <= HEADLINE_REACH:
        return None  # the page's headline over its byline: the span is its story
    if any(_is_page_headline(blocks[k], lines, title) for k in range(first, len(blocks))):
        return None  # the headline stands over the span too: a page that repeats it
    if _core(blocks, first, last) is None:
        return None  # a short piece after a byline (a paywalled article's first lines)
    return head, first, own


def _story_head(blocks: list[Block], lines: Sequence[str], first: int, title: str) -> int | None:
    """The block of another story's headline over the running text that starts at block
    ``first``: a headline-like line (:func:`_is_title`) and, under it, its byline or date
    -- a section's subheading has none, and a bare number or duration is a rank or a
    video's length, no byline -- where the headline is no line the page's (case-folded)
    ``title`` holds, no date, time or phone number, nor the last of a list of titles (a
    box of teasers, after which the article's body goes on); else None."""
    head = first - 1
    while head > 0 and first - head <= 2 and _is_byline(blocks[head]):
        head -= 1
    if head == first - 1:
        return None  # no byline or date under it: a section's subheading, not a story's headline
    if any(_INTEGER_RE.fullmatch(lines[b.first]) or DURATION_RE.fullmatch(lines[b.first])
           for b in blocks[head + 1 : first]):
        return None  # a rank under a most-read list's title, a duration under a video's: no byline
    if head <= 0 or not _is_title(blocks[head], lines[blocks[head].first]):
        return None
    b = blocks[head]
    if b.first != b.last or b.repeated or b.chrome or b.template:
        return None
    line = lines[b.first]
    if _WHEN_RE.search(line) or 2 * len(_DIGIT_RE.findall(line)) > len(line):
        return None  # a date, a time, a phone number: a byline's or a card's, no headline
    if _last_of_titles(blocks, lines, head, first):
        return None  # the last of a box of teasers (above the article's body, or inside it)
    if line.casefold() in title:
        return None  # the page's own headline
    return head


def _last_of_titles(blocks: list[Block], lines: Sequence[str], head: int, first: int) -> bool:
    """Is the headline-like block ``head`` the last of a list of teasers' titles: each of
    the :data:`TEASER_PAIRS` - 1 blocks before it a title, or each of the blocks as many
    steps back as a teaser has lines, with bylines between (a box of cards, each a title
    and its source or date), for any step up to the lines from ``head`` to ``first``?"""
    for step in range(1, first - head + 1):
        if head - (TEASER_PAIRS - 1) * step < 1:  # (block 0 is the page's title)
            break
        if all(_is_title(blocks[k], lines[blocks[k].last])
               and all(_is_byline(b) for b in blocks[k + 1 : k + step])
               for k in range(head - step, head - TEASER_PAIRS * step, -step)):
            return True
    return False


def _bridged_story(blocks: list[Block], lines: Sequence[str], runs: list[tuple[int, int]],
                   first: int, last: int, stops: frozenset[str] = frozenset(),
                   page_title: str | None = None) -> tuple[int, int, int] | None:
    """The other story (:func:`_other_story`) at a run of the span's paragraphs after its
    first, when the page's chrome stands before it (a comment form, a cookie notice, a
    footer between the page's article and the story a site writes after it, which the span
    reached over or started after): between the last paragraph before its headline and the
    headline, blocks worth less than nothing in all, among them a chrome phrase of the packs
    or a line the page prints again.  The headline does not end open or in a stopword of
    ``stops`` (a sentence cut by a link goes on after it: "This comes a week after"), and
    no line between it and the story is a chrome phrase, a copy or a bare number (a photo's
    credit under its caption, a share bar's "Copy link" under a label, a rank under a title
    of a most-read list, a duration under a video's title: no byline), and the headline
    shares no word of three letters or more with the page's own but stopwords (a section's
    heading after a widget inside the article repeats the article's subject).  The sections
    of one article follow each other with no chrome between them.  The first such story,
    else None."""
    for start, _ in runs:
        if start - first <= STORY_LEAD:
            continue  # (the span's first run: its headline and byline open the span)
        other = _other_story(blocks, lines, start, last, page_title)
        if other is None:
            continue
        head = other[0]
        line = lines[blocks[head].first]
        words = _WORD_RE.findall(line)
        if (line[-1:] in _OPEN_END_SET or line.endswith((' "', " '"))
                or words and words[-1].casefold() in stops):
            continue  # a sentence that goes on after a link, no headline
        if any(b.repeated or b.chrome for b in blocks[head + 1 : start]):
            continue  # a label's or a caption's credit (a rank or a duration is no byline either)
        own = {w for w in _WORD_RE.findall(lines[blocks[other[2]].first].casefold())
               if len(w) > 2 and w not in stops}
        if own.intersection(w.casefold() for w in words):
            continue  # a section's heading that repeats the page's headline: the same article
        k = head - 1
        while k >= 0 and not _is_paragraph(blocks[k]):
            k -= 1
        gap = blocks[k + 1 : head]
        if (sum(b.value for b in gap) < 0
                and any(b.chrome or b.repeated for b in gap)):
            return other
    return None


def _own_story(blocks: list[Block], first: int, last: int, other: tuple[int, int, int]) -> bool:
    """Is ``blocks[first..last]``, chosen before the other story's headline, the page's own
    article: at least two paragraphs (a standfirst is no story of its own) that hold at
    least :data:`STORY_SHARE` of the prose words from the other story's first block on (a
    byline box or a promotion between the headline and an article whose sections open
    with headlines does not)?"""
    _, start, _ = other
    return last >= first and _holds_a_story(blocks, first, last,
                                            _prose_words(blocks, start, len(blocks) - 1))


def _holds_a_story(blocks: list[Block], first: int, last: int, theirs: int) -> bool:
    """Is ``blocks[first..last]`` a story beside another of ``theirs`` prose words: at least
    two paragraphs (a standfirst is no story of its own) that hold at least
    :data:`STORY_SHARE` of them (readability's share for a sibling)?"""
    if sum(1 for k in range(first, last + 1) if _is_paragraph(blocks[k])) < 2:
        return False
    return _prose_words(blocks, first, last) >= STORY_SHARE * theirs


def _prose_words(blocks: list[Block], first: int, last: int) -> int:
    """The words of the prose blocks among ``blocks[first..last]`` (:func:`_is_prose`)."""
    return sum(blocks[k].words for k in range(first, last + 1) if _is_prose(blocks[k]))


def _lede(blocks: list[Block], lines: Sequence[str], first: int,
          page_title: str | None = None) -> tuple[int, int] | None:
    """The article's opening run, when a widget cut it from the span: the page's headline
    stands before the span, out of its reach, and a run of prose worth :data:`BRIDGE_MIN`
    starts within :data:`HEADLINE_REACH` blocks after it, and the headline stands nowhere
    from the span on (a page that prints its own story's teaser in a stream above the
    article repeats the headline over the article).  A video player's hundred control
    labels between the lede and the body cost more than the lede is worth, so the span
    does not bridge them.  The run joins the article; the widget stays out."""
    title = _page_title(lines, page_title)
    for h in range(first - 1 - HEADLINE_REACH, 0, -1):
        if _is_page_headline(blocks[h], lines, title):
            break
    else:
        return None
    if any(_is_page_headline(blocks[k], lines, title) for k in range(first, len(blocks))):
        return None  # the span, or what follows it, holds the headline: not cut from its top
    f, l, total = max_span([b.value for b in blocks[h + 1 : first]])
    if l < f or f >= HEADLINE_REACH or total < BRIDGE_MIN:
        return None
    return h + 1 + f, h + 1 + l


def _bullet(line: str) -> str:
    """The bullet a list item starts with ("- ", "* ", "+ ", "• "), or ""."""
    m = _BULLET_RE.match(line)
    return m.group(1) if m else ""


def _continue_lists(blocks: list[Block], lines: Sequence[str], first: int, last: int,
                    forward: bool) -> tuple[int, int]:
    """A list the article holds goes on past the span's edge: when the span's first (last)
    block is a bulleted line, the lines before (after) it with the same bullet are its
    items, whatever their length (a changelog, a list of steps)."""
    def same(k: int, bullet: str) -> bool:
        b = blocks[k]
        return (b.first == b.last and not (b.repeated or b.chrome or b.template)
                and _bullet(lines[b.first]) == bullet)
    bullet = _bullet(lines[blocks[first].first])
    while bullet and first > 0 and same(first - 1, bullet):
        first -= 1
    bullet = _bullet(lines[blocks[last].last]) if forward else ""
    while bullet and last + 1 < len(blocks) and same(last + 1, bullet):
        last += 1
    return first, last


def _headline(blocks: list[Block], lines: Sequence[str], first: int,
              page_title: str | None = None) -> int | None:
    """The block of the headline before the span: a line of 2 to
    :data:`HEADLINE_MAX_WORDS` words that is the first line of the page or is contained
    in it (the page title), within reach of the span; or, right before the span, a line
    of at least four words that does not end a sentence and is not page chrome."""
    title = _page_title(lines, page_title)
    for k in range(first - 1, max(first - 1 - HEADLINE_REACH, -1), -1):
        if _is_page_headline(blocks[k], lines, title):
            return k
    if first > 0:
        b = blocks[first - 1]
        if (b.first == b.last and not (b.terminal or b.repeated or b.chrome)
                and 4 <= b.words <= HEADLINE_MAX_WORDS):
            return first - 1
    return None
