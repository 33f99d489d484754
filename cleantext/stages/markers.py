"""Does a comment/related-section marker stand above the article rather than after it?

A truncate-after marker ("Join the conversation", "Comments") ends the article when the
site's tail follows it.  On a page that shows other stories (a news stream with their
comment prompts) before the article -- a page whose article sits in a dialog after the
site's front matter -- the marker stands *above* the article, and cutting there loses it.
Three signals, none tuned:

* *Where the headline is.*  The page's first line is its title; when a line that is that
  title (or at least half of its words, the title without the site's name) stands after
  the last prose before the marker, the article's headline is below that prose (a
  comment count in the byline, "11 Comments", may stand between headline and body).

* *Where the prose is.*  A *prose* line has at least eight words and ends a sentence (the
  tag-list stage's test); a *run* is a sequence of consecutive prose lines and weighs its
  words.  The article is the page's heaviest run; when the heaviest run after the marker
  outweighs every run before it, the article may be below the marker.
* *Whether a comment section follows.*  Comments open with a name and a timestamp
  ("September 12, 2018 at 4:47 pm", "2 hours ago", "12.03.2019"), an attribution
  ("Alex said:"), a reply button or a comment form (a line the packs name as comment
  chrome: "Cancel reply", "Your email address will not be published").  When the lines between the marker and the next
  prose line hold any of these, the prose after the marker is comments, whatever its
  weight (a short post with long comments).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from ..text.words import SENTENCE_MARKS, UNMARKED_ENDS, word_count

HEADLINE_SHARED = 3  # words a line shares with the page's title to be its headline
_HEADLINE_WORD_RE = regex.compile(r"[\w'’-]+")

SENTENCE_END = ".!?…:;\"')»”’。！？" + SENTENCE_MARKS + UNMARKED_ENDS
PROSE_WORDS = 8

# A time of day, a numeric date, or an age ("3 hours ago", "vor 2 Tagen", "il y a 5 jours",
# "hace 2 horas", "2 ore fa", "há 3 dias", "2 godziny temu", "3 часа назад", "2 години тому").
_TIMESTAMP_RE = regex.compile(
    r"\b\d{1,2}:\d{2}\b"
    r"|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|\b\d+\s*\p{L}+\.?\s+(?:ago|fa|temu|назад|тому)\b"
    r"|\b(?:vor|il y a|hace|há|há cerca de)\s+\d+\s*\p{L}+",
    regex.IGNORECASE | regex.VERSION1)
# A line that is only a duration or a time ("2:45", "1:02:45"): a video's or a track's length
# under its title as often as a comment's time, so no comment header by itself (nor, to block
# scoring, a byline under a headline).
DURATION_RE = regex.compile(r"[0-9]{1,2}(?::[0-5][0-9]){1,2}")
# "Alex said:", "Gary says:", "wrote:" -- a commenter's attribution.
_ATTRIBUTION_RE = regex.compile(
    r"(?:^|\s)(?:said|says|wrote|writes|schrieb|sagt|dice|dit|a écrit|escribió|disse|scrive|"
    r"написал|написала|пише|napisał|napisała)\s*:$", regex.IGNORECASE)
# A reply button on its own line.
_REPLY_RE = regex.compile(
    r"(?:reply|antworten|responder|répondre|rispondi|ответить|відповісти|odpowiedz|отговор)",
    regex.IGNORECASE)


def is_prose(line: str) -> bool:
    """A line of at least :data:`PROSE_WORDS` words that ends a sentence."""
    line = line.rstrip()
    return bool(line) and line[-1] in SENTENCE_END and word_count(line) >= PROSE_WORDS


def comment_like(lines: Sequence[str], comment_line: Callable[[str], bool] | None = None) -> bool:
    """Do ``lines`` (the lines after a marker) open a comment section?  Only the lines up
    to the first prose line count: a comment's header of name, timestamp, attribution or
    reply button stands there, or the comment form (``comment_line`` names the packs'
    comment phrases)."""
    for line in lines:
        line = line.strip()
        if _ATTRIBUTION_RE.search(line):
            return True  # "Milan on September 12, 2018 at 4:47 pm said:", however long
        if is_prose(line):
            return False
        if _comment_header(line) or (comment_line is not None and comment_line(line)):
            return True
    return False


def _comment_header(line: str) -> bool:
    """Is the (stripped) line a comment's header: a timestamp (not a bare duration), an
    attribution ("... said:") or a reply button?"""
    if DURATION_RE.fullmatch(line):
        return False
    return bool(_TIMESTAMP_RE.search(line) or _ATTRIBUTION_RE.search(line) or _REPLY_RE.fullmatch(line))


THREAD_HEADERS = 3
"""A comment thread has at least this many comment headers (a name with a timestamp, an
attribution, a reply button): an article has one byline."""
THREAD_WINDOW = 100
"""The lines after a marker read for a thread's headers (its first comments)."""


def comment_thread(lines: Sequence[str], comment_line: Callable[[str], bool] | None = None) -> bool:
    """Are ``lines`` (the lines after a marker) a thread of comments: they open as a
    comment section does (:func:`comment_like`) and hold at least :data:`THREAD_HEADERS`
    comment headers among its first :data:`THREAD_WINDOW` lines?  Then the marker starts
    the comments wherever it stands, however much the thread weighs against the article."""
    if not comment_like(lines, comment_line):
        return False
    headers = 0
    for line in lines[:THREAD_WINDOW]:
        if _comment_header(line.strip()):
            headers += 1
            if headers >= THREAD_HEADERS:
                return True
    return False


def heaviest_run(lines: Sequence[str]) -> int:
    """Words of the heaviest run of consecutive prose lines in ``lines``."""
    best = run = 0
    for line in lines:
        run = run + word_count(line) if is_prose(line) else 0
        best = max(best, run)
    return best


def _is_title(line: str, title: str, title_words: int) -> bool:
    """Is ``line`` the page's title, or the part of it that holds at least half of its
    words (the headline without the site's name)?"""
    line = line.strip().casefold()
    return bool(line) and line in title and 2 * len(line.split()) >= title_words


def _headline_words(text: str) -> set[str]:
    """The words of three letters or more of ``text``, case-folded (a headline's words,
    its articles and prepositions aside)."""
    return {w for w in _HEADLINE_WORD_RE.findall(text.casefold()) if len(w) >= 3}


def headline_test(title: str) -> Callable[[str], bool]:
    """Is a line the page's headline, ``title`` being its first line: a part of it that
    holds at least half of its words (:func:`_is_title`), or a line of which at least
    half of the words (and three or more), articles and prepositions aside, are the
    title's (the headline the page prints above its article, which the ``<title>``
    words otherwise: "Video shows rescue of girl" under "Dramatic video shows rescue of
    girl - Example News")?  Never, for a title under two words."""
    folded = title.strip().casefold()
    words = len(folded.split())
    if words < 2:
        return lambda line: False
    known = _headline_words(folded)

    def test(line: str) -> bool:
        if _is_title(line, folded, words):
            return True
        own = _headline_words(line)
        shared = len(own & known)
        return shared >= HEADLINE_SHARED and 2 * shared >= len(own)
    return test


def article_below(lines: Sequence[str], k: int,
                  comment_line: Callable[[str], bool] | None = None,
                  title: str | None = None, above: set[str] | None = None) -> bool:
    """Does the article stand below the marker at line ``k`` of ``lines``: the page's
    title recurs after the last prose before it, the heaviest run of prose after it outweighs every run before
    it, and no comment section opens after it?  ``title`` is the page's first line as
    the stages first saw it (default: the first of ``lines``).  ``above`` remembers the
    markers found above the article in earlier rounds, whose headline may since have
    gone (a repeated line); a marker found so is added to it."""
    if k < 1:
        return False
    after = lines[k + 1 :]
    if not (heaviest_run(after) > heaviest_run(lines[:k]) and not comment_like(after, comment_line)):
        return False
    marker = lines[k].strip()
    if above is not None and marker in above:
        return True
    title = (lines[0] if title is None else title).strip().casefold()
    title_words = len(title.split())
    start = next((i for i in range(k - 1, 0, -1) if is_prose(lines[i])), 0) + 1
    found = title_words >= 2 and any(_is_title(line, title, title_words) for line in lines[start:])
    if found and above is not None:
        above.add(marker)
    return found
