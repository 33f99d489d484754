"""Character-level normalisation: line breaks, invisible characters, mojibake,
Unicode NFC, spaces and quotes.

Each stage is a pure function ``text -> list[Change]`` plus, where it is
cheaper, a fast ``text -> text`` twin; ``tests/test_properties.py`` proves the two
agree.  The stages are rules implemented in code; their ids and reasons are
declared in :data:`CODE_RULES` and documented in ``docs/rules.md``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

import regex

from ..text.edits import Change, RuleRef
from .base import CodeRule


LINE_BREAKS = CodeRule(
    "NF001", "line-breaks", "normalize",
    "CRLF, lone CR and Unicode line/paragraph separators become one kind of line end (LF).",
    __name__)
INVISIBLES = CodeRule(
    "NF002", "invisible-characters", "normalize",
    "Control characters, zero-width spaces, soft hyphens and byte-order marks carry no text.",
    __name__)
MOJIBAKE = CodeRule(
    "NF003", "mojibake", "repair",
    "Text decoded with the wrong codec (mojibake) is repaired with ftfy.",
    __name__)
UNICODE_NFC = CodeRule(
    "NF004", "unicode-nfc", "normalize",
    "Canonical text is in Unicode NFC, so equal text compares equal.",
    __name__)
SPACES = CodeRule(
    "NF005", "spaces", "normalize",
    "No-break and other odd spaces become plain spaces, and runs of spaces one space.",
    __name__)
DOUBLE_QUOTES = CodeRule(
    "QT001", "double-quotes", "normalize",
    "One style of double quotes: guillemets and curly quotes become the chosen style.",
    __name__)
SINGLE_QUOTES = CodeRule(
    "QT002", "single-quotes", "normalize",
    "One style of single quotes and apostrophes: curly and low quotes become the chosen style.",
    __name__)
LAYOUT = CodeRule(
    "LY001", "paragraph-layout", "layout",
    "One paragraph per line, no spaces at line ends, one blank line between paragraphs, one final newline.",
    __name__)


def _regex_changes(pattern: regex.Pattern, text: str, repl: Callable[[regex.Match], str],
                   rule: RuleRef) -> list[Change]:
    """One change per match of ``pattern`` whose replacement differs from the match."""
    out = []
    for m in pattern.finditer(text):
        new = repl(m)
        if new != m.group():
            out.append(Change(m.start(), m.end(), new, rule))
    return out


# --- NF001 line breaks -------------------------------------------------------

_LINE_BREAK_RE = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")


def line_break_changes(text: str) -> list[Change]:
    """NF001: every line end other than LF becomes LF."""
    return _regex_changes(_LINE_BREAK_RE, text, lambda m: "\n", LINE_BREAKS.ref)


def _only_printable(text: str) -> bool:
    """True when no character of ``text`` but LF is one that NF001, NF002 or NF005's
    odd spaces touch: those are all control, format or separator characters,
    which :meth:`str.isprintable` rejects in one C pass."""
    return text.replace("\n", "").isprintable()


def fix_line_breaks(text: str) -> str:
    """Fast twin of :func:`line_break_changes`."""
    return text if _only_printable(text) else _LINE_BREAK_RE.sub("\n", text)


def fix_characters(text: str) -> str:
    """Fast twin of NF001, NF002 and NF005 applied in that order (one cheap check
    skips the scans when the text holds none of their characters)."""
    if _only_printable(text):
        return _SPACE_RUN_RE.sub(" ", text) if "  " in text else text
    return fix_spaces(remove_invisibles(_LINE_BREAK_RE.sub("\n", text)))


# --- NF002 invisible characters ----------------------------------------------

# C0 controls except tab and LF (CR, VT, FF are line breaks, handled first), DEL,
# C1 controls left over after the repair, zero-width space, word joiner, BOM,
# soft hyphen.  ZWJ/ZWNJ are kept: they change the rendering of emoji and of
# Indic and Persian script.
_INVISIBLE_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\u00ad]+")


def invisible_changes(text: str) -> list[Change]:
    """NF002: control and zero-width characters are removed."""
    return _regex_changes(_INVISIBLE_RE, text, lambda m: "", INVISIBLES.ref)


def remove_invisibles(text: str) -> str:
    """Fast twin of :func:`invisible_changes`."""
    return _INVISIBLE_RE.sub("", text)


# --- NF003 mojibake and NF004 NFC --------------------------------------------

import ftfy  # noqa: E402  (heavy import kept next to its use)
from ftfy.badness import is_bad  # noqa: E402

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=True,
    fix_character_width=True,
    uncurl_quotes=False,  # quotes are the QT rules' business, reported as such
    fix_line_breaks=False,  # NF001 did it
    fix_surrogates=True,
    remove_control_chars=True,
    normalization="NFC",
    explain=False,
)

# Characters that only a repair could want to touch: C1 controls, the
# Latin-1/cp1252 letters that UTF-8 mojibake is made of, ligatures,
# full-width forms, lone surrogates and ANSI escapes.
# (Plain ``re`` here: for a bare character class it scans several times faster
# than ``regex``.)
_SUSPECT_CHARS_RE = re.compile(
    r"[\x80-\x9f\u00c2\u00c3\u00c5\u00d0\u00d1\u00e2\ufb00-\ufb06\uff01-\uff5e\ud800-\udfff\x1b]")
_SUSPECT_PAIR_RE = re.compile(
    r"[\u0420\u0421][\u0401-\u040f\u0451-\u045f\u0490\u0491\u2116\u00a0-\u00bf\u2018-\u203a]")


def _suspect(text: str) -> bool:
    """Could ``text`` hold mojibake or forms ftfy fixes (the cheap gate)?"""
    return bool(_SUSPECT_CHARS_RE.search(text) or _SUSPECT_PAIR_RE.search(text))


_FORMS_RE = regex.compile(r"[\x80-\x9f\ufb00-\ufb06\uff01-\uff5e\ud800-\udfff\x1b]")
# A run of characters between plain spaces: the unit ftfy sees.
_TOKEN_RE = re.compile(r"[^ \t]+")


def _needs_repair(chunk: str) -> bool:
    """A cheap gate in front of ftfy: could this chunk hold mojibake or odd forms?"""
    return _suspect(chunk) and (is_bad(chunk) or bool(_FORMS_RE.search(chunk)))


def _repair_token(m: re.Match) -> str:
    token = m.group()
    return ftfy.fix_text(token, _FTFY_CONFIG) if _needs_repair(token) else token


def _repair_line(line: str) -> tuple[str, RuleRef | None]:
    """The repaired line and the rule that changed it (None when unchanged).

    ftfy runs on each space-delimited token that the gate suspects, never on
    the whole line: its verdict on a stretch of mojibake then depends only on
    that stretch, not on unrelated words around it that later stages (names,
    inline strips) may change, which keeps ``clean`` idempotent.  Mojibake
    keeps its no-break spaces (U+00A0) at this point, so a decoded "Ã\xa0"
    stays inside one token.
    """
    if line.isascii():
        return line, None
    if _suspect(line):
        fixed = _TOKEN_RE.sub(_repair_token, line)
        if fixed != line:
            return fixed, MOJIBAKE.ref
    if not unicodedata.is_normalized("NFC", line):
        return unicodedata.normalize("NFC", line), UNICODE_NFC.ref
    return line, None


def repair_changes(text: str) -> list[Change]:
    """NF003/NF004: mojibake repaired with ftfy where a cheap check suspects it, then NFC.

    Works line by line (as ftfy itself does); within a changed line only the
    differing characters are reported.
    """
    from ..text.edits import diff_changes

    if text.isascii():
        return []
    out: list[Change] = []
    pos = 0
    for line in text.split("\n"):
        fixed, rule = _repair_line(line)
        if rule is not None:
            for ch in diff_changes(line, fixed, rule):
                out.append(Change(ch.start + pos, ch.end + pos, ch.replacement, rule))
        pos += len(line) + 1
    return out


def repair(text: str) -> str:
    """Fast twin of :func:`repair_changes`."""
    if text.isascii():
        return text
    if not _suspect(text):
        return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
    return "\n".join(_repair_line(line)[0] for line in text.split("\n"))


# --- NF005 spaces ------------------------------------------------------------

_ODD_SPACE = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACES_RE = regex.compile(f"[ {_ODD_SPACE}]{{2,}}|[{_ODD_SPACE}]")


def space_changes(text: str) -> list[Change]:
    """NF005: odd spaces become a plain space, runs of spaces one space."""
    return _regex_changes(_SPACES_RE, text, lambda m: " ", SPACES.ref)


_ODD_SPACE_RE = re.compile(f"[{_ODD_SPACE}]")
_SPACE_RUN_RE = re.compile(" {2,}")


def fix_spaces(text: str) -> str:
    """Fast twin of :func:`space_changes`: the odd spaces present are replaced
    (one C-speed pass each), then runs of spaces are collapsed."""
    for char in set(_ODD_SPACE_RE.findall(text)):
        text = text.replace(char, " ")
    return _SPACE_RUN_RE.sub(" ", text) if "  " in text else text


# --- QT001/QT002 quotes ------------------------------------------------------
#
# ``ascii``: every double quote becomes ", every single quote and apostrophe ',
# and the spaces that French-style guillemets hold inside (« mot ») go.
# ``typographic``: each quote is classified by its context as opening, closing
# or an apostrophe (a single quote between letters: it’s, l’homme, O’Neill),
# and written in the document language's style (:data:`LANGUAGE_QUOTES`):
# the primary pair, the nested pair for double quotes inside double quotes,
# the single pair for single quotes; apostrophes become ’ in every language.
# Nesting is tracked per line, so one unbalanced quote cannot spread.
# ``keep``: quotes are left alone.


@dataclass(frozen=True)
class QuoteStyle:
    """A language's quotation marks: (opening, closing) pairs and guillemet habits.

    ``inner_space`` goes between a guillemet and the quoted text (French);
    ``reversed_guillemets``: the language opens with » and closes with «
    (German, Danish, Czech, Slovak book typography), so » opens when the
    context cannot tell.
    """

    double: tuple[str, str]
    nested: tuple[str, str]
    single: tuple[str, str]
    inner_space: str = ""
    reversed_guillemets: bool = False


_ENGLISH = QuoteStyle(("“", "”"), ("‘", "’"), ("‘", "’"))
_GUILLEMETS = QuoteStyle(("«", "»"), ("“", "”"), ("‘", "’"))
_EAST_SLAVIC = QuoteStyle(("«", "»"), ("„", "“"), ("‘", "’"))
_GERMAN = QuoteStyle(("„", "“"), ("‚", "‘"), ("‚", "‘"), reversed_guillemets=True)
_LOW_HIGH = QuoteStyle(("„", "“"), ("‚", "‘"), ("‚", "‘"))
_NORDIC = QuoteStyle(("”", "”"), ("’", "’"), ("’", "’"))

# French: « … » with U+202F NARROW NO-BREAK SPACE inside (the Imprimerie
# nationale's fine insécable, which also keeps the guillemet on the word's line).
LANGUAGE_QUOTES: dict[str, QuoteStyle] = {
    "en": _ENGLISH, "nl": _ENGLISH, "tr": _ENGLISH, "id": _ENGLISH, "vi": _ENGLISH,
    "de": _GERMAN, "cs": _GERMAN, "sk": _GERMAN,
    "lt": _LOW_HIGH, "lv": _LOW_HIGH, "et": _LOW_HIGH, "sl": _LOW_HIGH, "hr": _LOW_HIGH,
    "bs": _LOW_HIGH, "sr": QuoteStyle(("„", "“"), ("’", "’"), ("’", "’")),
    "fr": QuoteStyle(("«", "»"), ("“", "”"), ("‘", "’"), inner_space="\u202f"),
    "es": _GUILLEMETS, "it": _GUILLEMETS, "pt": _GUILLEMETS, "ca": _GUILLEMETS,
    "el": _GUILLEMETS, "no": QuoteStyle(("«", "»"), ("‘", "’"), ("‘", "’")),
    "ru": _EAST_SLAVIC, "uk": _EAST_SLAVIC, "bg": _EAST_SLAVIC, "be": _EAST_SLAVIC,
    "pl": QuoteStyle(("„", "”"), ("«", "»"), ("‘", "’")),
    "ro": QuoteStyle(("„", "”"), ("«", "»"), ("‘", "’")),
    "hu": QuoteStyle(("„", "”"), ("»", "«"), ("‘", "’")),
    "da": QuoteStyle(("»", "«"), ("›", "‹"), ("›", "‹"), reversed_guillemets=True),
    "sv": _NORDIC, "fi": _NORDIC,
}


def quote_style(language: str | None) -> QuoteStyle:
    """The typographic quotes of ``language``; English for unknown or None."""
    return LANGUAGE_QUOTES.get(language or "", _ENGLISH)


_DOUBLE_QUOTES = "\"«»“”„‟"
_SINGLE_QUOTES = "'‘’‚‛‹›"
_GUILLEMET_CHARS = "«»‹›"
_ASCII_QUOTES = {**dict.fromkeys(_DOUBLE_QUOTES, '"'), **dict.fromkeys(_SINGLE_QUOTES, "'")}
_ANY_QUOTE_RE = regex.compile(f"[{regex.escape(_DOUBLE_QUOTES + _SINGLE_QUOTES)}]")
_INNER_SPACES = " \u00a0\u202f"
# Guillemets with the spaces they hold inside, French style: « mot », ‹ mot ›.
_SPACED_GUILLEMET_RE = regex.compile(
    r"(?<=^|[\s(\[{—–-])([«‹])[ \u00a0\u202f]+(?=[^\s«»‹›])"
    r"|(?<=[^\s«»‹›])[ \u00a0\u202f]+([»›])(?=$|[\s.,;:!?…)\]}—–-])", regex.M)
_OPEN_BEFORE = set("([{—–-/") | set(_DOUBLE_QUOTES + _SINGLE_QUOTES)
_CLOSE_AFTER = set(".,;:!?…)]}—–-/") | set(_DOUBLE_QUOTES + _SINGLE_QUOTES)
_OPEN, _CLOSE, _APOSTROPHE = "open", "close", "apostrophe"


def _quote_rule(char: str) -> RuleRef:
    return DOUBLE_QUOTES.ref if char in _DOUBLE_QUOTES else SINGLE_QUOTES.ref


def _ascii_changes(text: str) -> list[Change]:
    """QT001/QT002 in ascii style: one change per quote, spaced guillemets with their spaces."""
    out = []
    spaced = {}
    for m in _SPACED_GUILLEMET_RE.finditer(text):
        spaced[m.start() if m.group(1) else m.end() - 1] = (m.start(), m.end())
    for m in _ANY_QUOTE_RE.finditer(text):
        char = m.group()
        start, end = spaced.get(m.start(), (m.start(), m.end()))
        if start != m.start() or end != m.end() or char not in "\"'":
            out.append(Change(start, end, _ASCII_QUOTES[char], _quote_rule(char)))
    return out


def _role(text: str, i: int, style: QuoteStyle, stack: list[str]) -> str:
    """Is the quote at ``text[i]`` opening, closing or an apostrophe?  Context first
    (what stands before and after it), then the glyph, then the open quotes."""
    char = text[i]
    prev = text[i - 1] if i else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    kind = "d" if char in _DOUBLE_QUOTES else "s"
    if kind == "s" and prev.isalnum() and (nxt.isalpha() or "s" not in stack):
        return _APOSTROPHE  # it’s, l’homme, the students’ union
    if kind == "s" and nxt.isdigit() and (prev.isspace() or i == 0):
        return _APOSTROPHE  # ’90s
    opens = prev.isspace() or prev in _OPEN_BEFORE
    closes = nxt.isspace() or nxt in _CLOSE_AFTER
    if opens and not closes:
        return _OPEN
    if closes and not opens:
        return _CLOSE
    if char in "„‚":
        return _OPEN
    if char in _GUILLEMET_CHARS:
        return _OPEN if (char in "«‹") != style.reversed_guillemets else _CLOSE
    return _CLOSE if kind in stack else _OPEN


def _typographic_line(text: str, start: int, end: int, style: QuoteStyle) -> list[Change]:
    """QT001/QT002 in the typographic ``style`` for the line ``text[start:end]``."""
    out: list[Change] = []
    stack: list[str] = []
    last_end = start
    for m in _ANY_QUOTE_RE.finditer(text, start, end):
        i, char = m.start(), m.group()
        role = _role(text, i, style, stack)
        kind = "d" if char in _DOUBLE_QUOTES else "s"
        if role == _APOSTROPHE:
            new = "’"
        elif kind == "s":
            new = style.single[0] if role == _OPEN else style.single[1]
            stack.append("s") if role == _OPEN else _pop(stack, "s")
        elif role == _OPEN:
            pair = style.double if stack.count("d") % 2 == 0 else style.nested
            stack.append("d")
            new = pair[0]
        else:
            _pop(stack, "d")
            new = (style.double if stack.count("d") % 2 == 0 else style.nested)[1]
        s, e = i, i + 1
        if new in "«»" and role != _APOSTROPHE:
            s, e, new = _guillemet_span(text, i, role, style, last_end, end, new)
        if text[s:e] != new:
            out.append(Change(s, e, new, _quote_rule(char)))
        last_end = e
    return out


def _pop(stack: list[str], kind: str) -> None:
    """Close the innermost open quote of ``kind`` (and anything left open inside it)."""
    if kind in stack:
        del stack[len(stack) - 1 - stack[::-1].index(kind):]


def _guillemet_span(text: str, i: int, role: str, style: QuoteStyle, lo: int, hi: int,
                    new: str) -> tuple[int, int, str]:
    """The span and text of a guillemet at ``text[i]`` that takes the spaces inside it,
    and puts the language's ``inner_space`` there, within ``text[lo:hi]``."""
    if role == _OPEN:
        e = i + 1
        while e < hi and text[e] in _INNER_SPACES:
            e += 1
        return (i, i + 1, new) if e >= hi else (i, e, new + style.inner_space)
    s = i
    while s > lo and text[s - 1] in _INNER_SPACES:
        s -= 1
    return (i, i + 1, new) if s <= lo else (s, i + 1, style.inner_space + new)


def quote_changes(text: str, style: str, language: str | None = None) -> list[Change]:
    """QT001/QT002: every quote in the chosen style (``ascii``, ``typographic`` or
    ``keep``); typographic quotes follow ``language`` (English when None)."""
    if style == "keep":
        return []
    if style == "ascii":
        return _ascii_changes(text)
    lang_style = quote_style(language)
    out: list[Change] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if _ANY_QUOTE_RE.search(text, pos, end):
            out.extend(_typographic_line(text, pos, end, lang_style))
        pos = end + 1
    return out


def fix_quotes(text: str, style: str, language: str | None = None) -> str:
    """Fast twin of :func:`quote_changes`."""
    if style == "keep" or text.isascii() and style == "ascii":
        return text
    if style == "ascii":
        if "«" in text or "»" in text or "‹" in text or "›" in text:
            text = _SPACED_GUILLEMET_RE.sub(lambda m: m.group(1) or m.group(2), text)
        for char, plain in _ASCII_QUOTES.items():  # a few C-speed passes beat str.translate
            if char in text:
                text = text.replace(char, plain)
        return text
    from ..text.edits import splice

    return splice(text, quote_changes(text, style, language))


# --- LY001 layout ------------------------------------------------------------

_PARAGRAPH_RE = regex.compile(r"[^\n ]+(?: +[^\n ]+)*")


def layout_changes(text: str) -> list[Change]:
    """LY001: paragraphs (non-blank lines, stripped) joined by one blank line, ending in LF."""
    rule = LAYOUT.ref
    out = []
    prev_end = 0
    first = True
    for m in _PARAGRAPH_RE.finditer(text):
        want = "" if first else "\n\n"
        if text[prev_end : m.start()] != want:
            out.append(Change(prev_end, m.start(), want, rule))
        prev_end = m.end()
        first = False
    tail = "" if first else "\n"
    if text[prev_end:] != tail:
        out.append(Change(prev_end, len(text), tail, rule))
    return out


def layout(text: str) -> str:
    """Fast twin of :func:`layout_changes`.

    A paragraph (a match of ``_PARAGRAPH_RE``) is exactly a line stripped of
    plain spaces, when something is left: ``str`` methods find it ten times
    faster than the pattern.
    """
    paras = [p for p in (line.strip(" ") for line in text.split("\n")) if p]
    return "\n\n".join(paras) + "\n" if paras else ""


CODE_RULES = [LINE_BREAKS, INVISIBLES, MOJIBAKE, UNICODE_NFC, SPACES, DOUBLE_QUOTES,
              SINGLE_QUOTES, LAYOUT]
