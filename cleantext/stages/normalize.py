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
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, cast

import regex

from ..text.edits import Change, RuleRef
from ..text.paragraphs import line_chunks
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
    "Text decoded with the wrong codec (mojibake) is repaired line by line with ftfy, and UTF-8 read as KOI8-R or cp866 or Cyrillic read as latin-1 decoded back.",
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
TERMINAL_ESCAPES = CodeRule(
    "NF006", "terminal-escapes", "normalize",
    "Terminal colour and cursor codes (ANSI escape sequences) and their remains such as \"[36;44m\" carry no text.",
    __name__)
UNWRAP = CodeRule(
    "LY002", "hard-wrapped-lines", "layout",
    "Lines wrapped at a fixed width in the middle of sentences are joined into their paragraph; "
    "lists, verse, addresses and tables are left as they are.",
    __name__)
PUNCTUATION_LINES = CodeRule(
    "LY003", "punctuation-lines", "layout",
    "A line that is only the full stop after a link (with its closing bracket or quote) goes back to "
    "the end of the line before it, the sentence it ends.",
    __name__)
LAYOUT = CodeRule(
    "LY001", "paragraph-layout", "layout",
    "One paragraph per line, no spaces at line ends, one blank line between paragraphs, one final newline.",
    __name__)


def _regex_changes(pattern: re.Pattern[str] | regex.Pattern[str], text: str,
                   repl: Callable[[re.Match[str] | regex.Match[str]], str],
                   rule: RuleRef) -> list[Change]:
    """One change per match of ``pattern`` whose replacement differs from the match."""
    out = []
    for m in pattern.finditer(text):
        new = repl(m)
        if new != m.group():
            out.append(Change(m.start(), m.end(), new, rule))
    return out


# --- NF001 line breaks -------------------------------------------------------

# NEL (U+0085) is a line end, except after a letter that leads a UTF-8
# sequence read as latin-1: there it is the second byte of mojibake ("Ñ\x85" is
# "х", "Ä\x85" is "ą"), which NF003 decodes.
_LINE_BREAK_RE = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c]|(?<![\u00c2-\u00f4])\x85")


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


# --- NF006 terminal escapes --------------------------------------------------

# ANSI escape sequences (CSI ... letter, OSC ... BEL/ST, two-character escapes),
# and the remains of SGR colour codes whose ESC byte was lost ("[36;44m").
_ANSI_RE = re.compile(
    r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])"
    r"|\[(?:\d{1,3};)+\d{1,3}m(?!\])|\[\d{1,3}m(?![\w\]])")


def terminal_escape_changes(text: str) -> list[Change]:
    """NF006: terminal escape sequences and their remains are removed."""
    if "\x1b" not in text and "m" not in text:
        return []
    return _regex_changes(_ANSI_RE, text, lambda m: "", TERMINAL_ESCAPES.ref)


def remove_terminal_escapes(text: str) -> str:
    """Fast twin of :func:`terminal_escape_changes`."""
    if "\x1b" not in text and "[" not in text:
        return text
    return _ANSI_RE.sub("", text)


# --- NF003 mojibake and NF004 NFC --------------------------------------------

import ftfy  # noqa: E402  (heavy import kept next to its use)
from ftfy import chardata as _ftfy_chars  # noqa: E402
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad  # noqa: E402

# The defaults never change the meaning of text: full-width forms stay (CJK text
# writes its punctuation so), quotes are the QT rules' business, line breaks
# NF001's, terminal escapes NF006's, HTML entities are text.
DEFAULT_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=True,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization="NFC",
    explain=False,
)


def ftfy_config(value: "ftfy.TextFixerConfig | dict[str, Any] | tuple[tuple[str, Any], ...] | None"
                ) -> ftfy.TextFixerConfig:
    """A ftfy configuration from a ``TextFixerConfig``, a dict of its fields
    (over :data:`DEFAULT_FTFY`) or None (the defaults)."""
    if value is None:
        return DEFAULT_FTFY
    if isinstance(value, ftfy.TextFixerConfig):
        return value._replace(explain=False, max_decode_length=10**9)
    if isinstance(value, tuple):  # a dict frozen as its items (the options cache)
        # not a TextFixerConfig (a named tuple, handled above): pairs
        value = dict(cast("tuple[tuple[str, Any], ...]", value))
    if isinstance(value, dict):
        unknown = set(value) - set(ftfy.TextFixerConfig._fields)
        if unknown:
            raise ValueError(f"unknown ftfy option(s): {', '.join(sorted(unknown))}")
        return DEFAULT_FTFY._replace(**value)
    raise TypeError(f"ftfy must be a ftfy.TextFixerConfig or a dict, got {type(value).__name__}")


# The gate in front of ftfy.  ftfy's encoding fix acts only on text its
# ``is_bad`` accepts, and every match of ``is_bad``'s pattern holds a character
# of the mojibake categories other than the common letters and punctuation
# (or "Ђ", of "вЂ"); a match is at most 7 characters long.  So ``is_bad`` needs
# to see only the stretches around such characters.  ftfy's other fixers act
# on characters of their own (C1 controls, ligatures, full-width forms,
# surrogates, control characters, ESC), whose presence alone opens the gate.
_MARK_CHARS = "".join(v for k, v in MOJIBAKE_CATEGORIES.items()
                      if k not in ("common", "lower_common", "upper_common")) + "\u0402"
_MARK_RE = re.compile(f"[{_MARK_CHARS}]")
_WINDOW = 7


def _char_class(chars: Iterable[int | str]) -> str:
    return "".join(re.escape(chr(c)) if isinstance(c, int) else re.escape(c) for c in chars)


def _fixer_chars(config: ftfy.TextFixerConfig) -> re.Pattern[str] | None:
    parts = []
    if config.fix_c1_controls or config.fix_encoding:
        parts.append("\x80-\x9f")
    if config.fix_latin_ligatures:
        parts.append(_char_class(_ftfy_chars.LIGATURES))
    if config.fix_character_width:
        parts.append(_char_class(_ftfy_chars.WIDTH_MAP))
    if config.fix_surrogates:
        parts.append("\ud800-\udfff")
    if config.remove_terminal_escapes:
        parts.append("\x1b")
    if config.remove_control_chars:
        parts.append(_char_class(_ftfy_chars.CONTROL_CHARS))
    if config.uncurl_quotes:
        parts.append("\u2018-\u201f")
    if config.fix_line_breaks:
        parts.append("\r\x0b\x0c\x85\u2028\u2029")
    if config.unescape_html:
        parts.append("&")
    return re.compile(f"[{''.join(parts)}]") if parts else None


_FIXER_CHARS: dict[ftfy.TextFixerConfig, re.Pattern[str] | None] = {}


def may_change(line: str, config: ftfy.TextFixerConfig = DEFAULT_FTFY) -> bool:
    """The cheap gate: False only when ``ftfy.fix_text(line, config)`` cannot
    change ``line`` other than by NFC (which NF004 does)."""
    if line.isascii() and not (config.remove_terminal_escapes or config.remove_control_chars
                               or config.unescape_html or config.fix_line_breaks
                               or config.uncurl_quotes):
        return False
    if config in _FIXER_CHARS:
        fixer = _FIXER_CHARS[config]
    else:
        fixer = _FIXER_CHARS[config] = _fixer_chars(config)
    if fixer is not None and fixer.search(line):
        return True
    if not config.fix_encoding:
        return False
    marks = [m.start() for m in _MARK_RE.finditer(line)]
    if not marks:
        return False
    if len(marks) * 4 * _WINDOW > len(line):
        return is_bad(line)
    spans: list[list[int]] = []
    for i in marks:
        s, e = max(0, i - _WINDOW + 1), i + _WINDOW
        if spans and s <= spans[-1][1]:
            spans[-1][1] = e
        else:
            spans.append([s, e])
    return is_bad("\n".join(line[s:e] for s, e in spans))


# --- legacy Cyrillic code pages (ftfy leaves them) ----------------------------
#
# UTF-8 read as KOI8-R or cp866: every UTF-8 sequence becomes a lead character
# and continuation characters of that code page, mostly box drawing and
# symbols ("п═п╟я│" , "╨Ь╨╛╤Б").  Such sequences are decoded back, but only
# where the stretch holds a character that is not a letter, the decoded text
# is letters and common punctuation, and the line as a whole ends with fewer
# odd characters.  Cyrillic stored as cp1251 or KOI8-R and read as latin-1 or
# cp1252 ("Ìîñêâà") is decoded back when several words of a line consist of
# Latin-1 letters only and decode to Cyrillic words.

def _byte_chars(codec: str, lo: int, hi: int) -> str:
    return "".join(bytes([b]).decode(codec) for b in range(lo, hi + 1))


def _utf8_pattern(codec: str) -> re.Pattern[str]:
    cont = re.escape(_byte_chars(codec, 0x80, 0xBF))
    lead2, lead3, lead4 = (re.escape(_byte_chars(codec, lo, hi))
                           for lo, hi in ((0xC2, 0xDF), (0xE0, 0xEF), (0xF0, 0xF4)))
    return re.compile(f"(?:[{lead2}][{cont}]|[{lead3}][{cont}]{{2}}|[{lead4}][{cont}]{{3}})+")


_LEGACY_UTF8 = {codec: _utf8_pattern(codec) for codec in ("koi8_r", "cp866")}
_ODD_RE = re.compile(r"[\u2219-\u2320\u2500-\u25a0\u00b0\u00b2\u00b7\u00f7\u00a0\u2248\u2264\u2265\u221a]")
_GOOD_PUNCT = set("«»“”„‘’‚–—…№€°·•\u00a0\u202f©®™§±×")


def _good_char(c: str) -> bool:
    """A letter of Latin (basic, Latin-1, Extended-A) or Cyrillic script, a digit,
    a space or common punctuation."""
    if c.isalpha():
        return c < "\u0180" or "\u0400" <= c <= "\u045f" or c in "\u0490\u0491"
    return c.isdigit() or c.isspace() or c in _GOOD_PUNCT


def _good_decoded(text: str) -> bool:
    return all(map(_good_char, text))


def _repair_legacy_utf8(line: str, codec: str) -> str | None:
    pattern = _LEGACY_UTF8[codec]
    pieces: list[tuple[int, int, str]] = []
    odd_fixed = 0
    punct_only: list[tuple[int, int, str]] = []
    symbols_only: list[tuple[int, int, str]] = []
    for m in pattern.finditer(line):
        run = m.group()
        try:
            decoded = run.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if not _good_decoded(decoded):
            continue
        odd = len(_ODD_RE.findall(run))
        if odd == 0 and not any(c.isalpha() for c in run if c.isascii()):
            # letters only in the source ("тАФ" in cp866): only punctuation may come out
            if all(c in _GOOD_PUNCT for c in decoded):
                punct_only.append((m.start(), m.end(), decoded))
            continue
        if not any(c.isalpha() for c in run):
            # symbols alone may be a drawing: taken only in a line with letter runs
            symbols_only.append((m.start(), m.end(), decoded))
            continue
        odd_fixed += odd
        pieces.append((m.start(), m.end(), decoded))
    if not pieces or odd_fixed < 2:
        return None
    pieces = sorted(pieces + punct_only + symbols_only)
    out, pos = [], 0
    for s, e, new in pieces:
        out.append(line[pos:s])
        out.append(new)
        pos = e
    out.append(line[pos:])
    fixed = "".join(out)
    if len(_ODD_RE.findall(fixed)) >= len(_ODD_RE.findall(line)):
        return None
    return fixed


# Latin-1 letters (and the cp1251 letters that fall on Latin-1 symbols:
# ё ¸, Ё ¨, і ³, І ², ї ¿, Ї ¯, є º, Є ª, ґ ´, Ґ ¥, ў ¢, Ў ¡) making a word.
_LATIN1_WORD_RE = re.compile(r"(?<![\w'’])[\u00c0-\u00ff\u00a1-\u00a5\u00a8\u00aa\u00af\u00b2-\u00b4\u00b8\u00ba\u00bf]{2,}(?![\w'’])")
_LATIN1_LETTERS_RE = re.compile(_LATIN1_WORD_RE.pattern.replace("{2,}", "+"))
_ASCII_WORD_RE = re.compile(r"[A-Za-z]{2,}")
_CYRILLIC_WORD_RE = re.compile(r"^[\u0400-\u045f\u0490\u0491]+$")


def _repair_legacy_cyrillic(line: str) -> str | None:
    words = _LATIN1_WORD_RE.findall(line)
    # Latin-script words are never all accented letters; Russian words read as
    # latin-1 are, and several of them are long.
    if (len(words) < 3 or len(words) < len(_ASCII_WORD_RE.findall(line))
            or sum(len(w) >= 4 for w in words) < 2):
        return None
    best, best_lower = None, -1
    for read in ("cp1252", "latin-1"):
        for stored in ("cp1251", "koi8_r"):
            try:
                decoded = [w.encode(read).decode(stored) for w in words]
            except UnicodeError:
                continue
            if not all(_CYRILLIC_WORD_RE.match(w) for w in decoded):
                continue
            lower = sum(c.islower() for w in decoded for c in w[1:])
            if lower > best_lower:
                best, best_lower = (read, stored), lower
    if best is None or best_lower < 0.6 * sum(len(w) - 1 for w in words):
        return None
    read, stored = best
    return _LATIN1_LETTERS_RE.sub(lambda m: m.group().encode(read).decode(stored), line)


def _repair_legacy(line: str) -> str | None:
    """The line with legacy Cyrillic mojibake decoded, or None."""
    if _ODD_RE.search(line):
        # the code page that leaves the fewest odd characters
        tried = [fixed for fixed in (_repair_legacy_utf8(line, codec) for codec in ("koi8_r", "cp866"))
                 if fixed is not None]
        if tried:
            return min(tried, key=lambda t: len(_ODD_RE.findall(t)))
    if _LATIN1_LETTER_RE.search(line):
        return _repair_legacy_cyrillic(line)
    return None


_LATIN1_LETTER_RE = re.compile(r"[\u00c0-\u00ff]{2}")


def _repair_line(line: str, config: ftfy.TextFixerConfig = DEFAULT_FTFY) -> tuple[str, RuleRef | None]:
    """The repaired line and the rule that changed it (None when unchanged).

    ftfy decides on the whole line (as ``ftfy.fix_text`` does), when the gate
    lets the line through; the legacy Cyrillic repairs come next, then NFC.  The
    plain spaces around the line are left out of the decision (and kept): the
    layout stage strips them, and ftfy must judge the line the same way when the
    text is cleaned again ("Â 0" at a line's start is a no-break space, after a
    space ftfy left it).
    """
    core = line.strip(" ")
    if core != line and core:
        lead = len(line) - len(line.lstrip(" "))
        fixed, rule = _repair_line(core, config)
        return (line[:lead] + fixed + line[lead + len(core):], rule) if rule else (line, None)
    fixed = line
    if config.fix_encoding:
        fixed = _repair_legacy(line) or line
    if may_change(fixed, config):
        fixed = ftfy.fix_text(fixed, config)
    if fixed != line:
        return fixed, MOJIBAKE.ref
    if not unicodedata.is_normalized("NFC", line):
        return unicodedata.normalize("NFC", line), UNICODE_NFC.ref
    return line, None


_SUSPECT: dict[ftfy.TextFixerConfig, re.Pattern[str]] = {}


def _suspect_re(config: ftfy.TextFixerConfig) -> re.Pattern[str]:
    """Characters without which a line needs no repair but NFC: those that open
    the gate (:func:`may_change`) and those the legacy Cyrillic repairs look for."""
    pattern = _SUSPECT.get(config)
    if pattern is None:
        fixer = _fixer_chars(config)
        chars = (fixer.pattern[1:-1] if fixer is not None else "") + re.escape(_MARK_CHARS)
        chars += _ODD_RE.pattern[1:-1] + "\u00a0-\u00ff"
        pattern = _SUSPECT[config] = re.compile(f"[{chars}]")
    return pattern


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def repair_changes(text: str, config: ftfy.TextFixerConfig = DEFAULT_FTFY) -> list[Change]:
    """NF003/NF004: mojibake repaired line by line where the gate lets ftfy see it, then NFC.

    Within a changed line only the differing characters are reported.
    """
    from ..text.edits import diff_changes

    suspect = _suspect_re(config)
    if not suspect.search(text) and unicodedata.is_normalized("NFC", text):
        return []
    out: list[Change] = []
    pos = 0
    for line in text.split("\n"):
        if suspect.search(line):
            fixed, rule = _repair_line(line, config)
        elif not unicodedata.is_normalized("NFC", line):
            fixed, rule = unicodedata.normalize("NFC", line), UNICODE_NFC.ref
        else:
            rule = None
        if rule is not None:
            for ch in diff_changes(line, fixed, rule):
                out.append(Change(ch.start + pos, ch.end + pos, ch.replacement, rule))
        pos += len(line) + 1
    return out


def repair(text: str, config: ftfy.TextFixerConfig = DEFAULT_FTFY) -> str:
    """Fast twin of :func:`repair_changes`: only the lines holding a suspect
    character are looked at (found by searching the whole text)."""
    suspect = _suspect_re(config)
    m = suspect.search(text)
    if m is None:
        return _nfc(text)
    out = []
    pos = 0
    while m is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        out.append(text[pos:start])
        out.append(_repair_line(text[start:end], config)[0])
        pos = end
        m = suspect.search(text, end)
    out.append(text[pos:])
    return _nfc("".join(out))


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
# Guillemets with the spaces they hold inside, French style: « mot », ‹ mot ›,
# also after an elided article or preposition: d'« une victoire ».
_SPACED_GUILLEMET_RE = regex.compile(
    r"(?<=^|[\s(\[{—–'’-])([«‹])[ \u00a0\u202f]+(?=[^\s«»‹›])"
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


@lru_cache(maxsize=None)
def _style_glyphs(style: QuoteStyle) -> tuple[frozenset[str], frozenset[str]]:
    """The opening and the closing glyphs of ``style``'s pairs."""
    pairs = (style.double, style.nested, style.single)
    return frozenset(p[0] for p in pairs), frozenset(p[1] for p in pairs)


def _role(text: str, i: int, style: QuoteStyle, stack: list[str]) -> str:
    """Is the quote at ``text[i]`` opening, closing or an apostrophe?  Context first
    (what stands before and after it), then the glyph, then the open quotes."""
    char = text[i]
    # The spaces a language puts inside its guillemets (French) are looked
    # through, so that a guillemet this stage wrote reads the same when the
    # text is cleaned again (the spaces then come back as plain spaces).
    skip = _INNER_SPACES if style.inner_space and char in _GUILLEMET_CHARS else "\u202f"
    before = i - 1
    while before >= 0 and text[before] in skip:
        before -= 1
    after = i + 1
    while after < len(text) and text[after] in skip:
        after += 1
    prev = text[before] if before >= 0 else "\n"
    nxt = text[after] if after < len(text) else "\n"
    kind = "d" if char in _DOUBLE_QUOTES else "s"
    if kind == "s" and prev.isalnum() and (nxt.isalpha() or "s" not in stack):
        return _APOSTROPHE  # it’s, l’homme, the students’ union
    if kind == "s" and nxt.isdigit() and (prev.isspace() or i == 0) and not stack:
        return _APOSTROPHE  # ’90s (inside quotes, ‘ before a digit may open a nested quote)
    opens = prev.isspace() or prev in _OPEN_BEFORE
    closes = nxt.isspace() or nxt in _CLOSE_AFTER
    if opens and not closes:
        return _OPEN
    if closes and not opens:
        return _CLOSE
    # The context cannot tell: the glyph does.  A glyph of the language's own
    # pairs first, so that what this stage writes is read back the same way
    # (``clean`` is idempotent): English ” closes, German “ closes.
    opening, closing = _style_glyphs(style)
    if char in opening and char not in closing:
        return _OPEN
    if char in closing and char not in opening:
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
            # nested by the depth of every open quote: a nested double quote written
            # with single-quote glyphs (English ‘ ’) is read back as a single quote
            # at the same depth, and the quotes inside it keep their glyphs
            pair = style.double if len(stack) % 2 == 0 else style.nested
            stack.append("d")
            new = pair[0]
        else:
            _pop(stack, "d")
            new = (style.double if len(stack) % 2 == 0 else style.nested)[1]
        s, e = i, i + 1
        # A no-break thin space that an earlier round wrote beside this quote, where
        # it now stands outside a guillemet or beside another glyph, becomes a plain
        # space, as NF005 would make it when the text is cleaned again (so the output
        # maps to itself).
        if new in "«»" and role != _APOSTROPHE:
            s, e, new = _guillemet_span(text, i, role, style, last_end, end, new)
            if role == _CLOSE:
                k = _thin_spaces_after(text, e, end)
                new, e = new + " " * (k - e), k
            else:
                k = _thin_spaces_before(text, s, last_end)
                new, s = " " * (s - k) + new, k
        elif role == _OPEN:
            e = _thin_spaces_after(text, e, end)
            s = _thin_spaces_before(text, s, last_end)
            new = " " * (i - s) + new + " " * (e - i - 1)
        elif role == _CLOSE:
            s = _thin_spaces_before(text, s, last_end)
            new = " " * (i - s) + new
        if text[s:e] != new:
            out.append(Change(s, e, new, _quote_rule(char)))
        last_end = e
    return out


def _thin_spaces_after(text: str, e: int, hi: int) -> int:
    """The end of the no-break thin spaces from ``text[e]`` on, before ``hi``."""
    while e < hi and text[e] == "\u202f":
        e += 1
    return e


def _thin_spaces_before(text: str, s: int, lo: int) -> int:
    """The start of the no-break thin spaces that end at ``text[s]``, after ``lo``."""
    while s > lo and text[s - 1] == "\u202f":
        s -= 1
    return s


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
    if s > lo:
        return (s, i + 1, style.inner_space + new)
    # only spaces back to the previous quote: none is inside this guillemet, and a
    # no-break thin space an earlier round wrote there becomes a plain space, as
    # NF005 would make it when the text is cleaned again
    return (s, i + 1, text[s:i].replace("\u202f", " ") + new)


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


# --- LY002 hard-wrapped lines -------------------------------------------------
#
# Text wrapped at a fixed width (older sites, e-mail, plain-text archives) has
# one paragraph cut into lines of nearly the same length that end mid-sentence.
# A block of consecutive non-blank lines is unwrapped only when everything says
# so: at least UNWRAP_MIN_LINES lines, the longest between UNWRAP_MIN_WIDTH and
# UNWRAP_MAX_WIDTH characters, most lines filled to UNWRAP_FILL of it, no line
# shaped like a list item or a table row, and most breaks falling mid-sentence
# before a lowercase word (verse starts its lines with capitals, addresses and
# lists are short or marked).  Within such a block a line is joined to the next
# when it is filled, unless it ends a sentence and the next line starts with a
# capital.

UNWRAP_MIN_LINES = 3
UNWRAP_MIN_WIDTH = 45
UNWRAP_MAX_WIDTH = 100
UNWRAP_FILL = 0.7
UNWRAP_MID_SENTENCE = 0.5

_LIST_LINE_RE = re.compile(r"^\s*(?:[-*•·–—>|]|\d{1,3}[.)]\s|[a-zа-я][.)]\s)")
_SENTENCE_END = ".!?…:;\"»”’)"


def _unwrap_joins(lines: list[str]) -> list[int]:
    """Indices ``i`` of the lines of one block to join to line ``i + 1``."""
    n = len(lines)
    if n < UNWRAP_MIN_LINES:
        return []
    width = max(len(line) for line in lines)
    if not UNWRAP_MIN_WIDTH <= width <= UNWRAP_MAX_WIDTH:
        return []
    if any(_LIST_LINE_RE.match(line) or "|" in line or "\t" in line for line in lines):
        return []
    filled = [len(line) >= UNWRAP_FILL * width for line in lines[:-1]]
    if sum(filled) < 2 or sum(filled) < 0.6 * (n - 1):
        return []
    mid = [i for i in range(n - 1) if filled[i] and lines[i][-1:] not in _SENTENCE_END
           and lines[i + 1][:1].islower()]
    if len(mid) < UNWRAP_MID_SENTENCE * sum(filled):
        return []
    return [i for i in range(n - 1) if filled[i]
            and not (lines[i][-1:] in _SENTENCE_END and not lines[i + 1][:1].islower())]


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of each run of consecutive non-blank lines, found without
    a list of every line."""
    find, n = text.find, len(text)
    pos, start, last_end = 0, -1, 0
    while pos <= n:
        nl = find("\n", pos)
        end = n if nl < 0 else nl
        if text[pos:end].strip(" "):
            if start < 0:
                start = pos
            last_end = end
        elif start >= 0:
            yield start, last_end
            start = -1
        pos = end + 1
    if start >= 0:
        yield start, last_end


# A line of at least UNWRAP_MIN_WIDTH characters (a block without one is not wrapped).
_WIDE_LINE_RE = re.compile(r"[^\n]{%d}" % UNWRAP_MIN_WIDTH)


def unwrap_changes(text: str) -> list[Change]:
    """LY002: the line breaks inside hard-wrapped paragraphs become spaces."""
    if text.count("\n") < UNWRAP_MIN_LINES - 1:
        return []
    out = []
    for start, end in _blocks(text):
        if not _WIDE_LINE_RE.search(text, start, end):
            continue  # every line narrower than a wrap width: nothing to join (and no list)
        lines = text[start:end].split("\n")
        joins = set(_unwrap_joins([line.strip(" ") for line in lines]))
        pos = start
        for i, line in enumerate(lines):
            end = pos + len(line)
            if i in joins:
                s = pos + len(line.rstrip(" "))
                nxt = lines[i + 1]
                e = end + 1 + (len(nxt) - len(nxt.lstrip(" ")))
                out.append(Change(s, e, " ", UNWRAP.ref))
            pos = end + 1
    return out


def unwrap(text: str) -> str:
    """Fast twin of :func:`unwrap_changes`."""
    if text.count("\n") < UNWRAP_MIN_LINES - 1:
        return text
    from ..text.edits import splice

    changes = unwrap_changes(text)
    return splice(text, changes) if changes else text


# --- LY003 punctuation lines -------------------------------------------------
#
# A scraper that writes each inline element on a line of its own cuts "... city is
# <a>Auckland</a>." into "city is" / "Auckland" / "."; the full stop after the link is
# the end of its sentence.  A line that is only the end of a sentence (a full stop, a
# question or exclamation mark, an ellipsis, with the closing brackets and quotes around
# it) goes back to the end of the line before it -- not across a blank line, which ends
# a paragraph, nor after a number or a letter alone ("1" / "." is a list's number).  A
# comma, a colon or a semicolon, which a list of links puts between its items ("Privacy
# Policy" / "," / "Terms"), a bracket alone (a citation's "[" / "4" / "]") and
# separators ("|", "*", ">>") are left to NE004.

# The line break before a line that is only the end of a sentence, and that line.
_PUNCTUATION_LINE_RE = re.compile(r"\n[ \t]*[)\]}”’»]*[.!?…][.!?…)\]}”’»\"']*[ \t]*(?=\n|\Z)")
# A line that is a list's number or a letter alone ("1" / "." is no sentence's end).
_LIST_NUMBER_RE = regex.compile(r"[ \t]*(?:\d+|\p{L})[ \t]*")


def punctuation_line_changes(text: str) -> list[Change]:
    """LY003: a line that is only the end of a sentence joins the end of the line before it."""
    if "\n" not in text:
        return []
    rule = PUNCTUATION_LINES.ref
    out = []
    for m in _PUNCTUATION_LINE_RE.finditer(text):
        nl = m.start()
        line = text[text.rfind("\n", 0, nl) + 1 : nl]
        body = line.rstrip(" \t")
        if not body.strip() or _LIST_NUMBER_RE.fullmatch(body):
            continue  # a blank line before it (a paragraph ends there) or a list's number
        start = nl - (len(line) - len(body))
        end = nl + 1 + (len(m.group()) - 1 - len(m.group()[1:].lstrip(" \t")))
        out.append(Change(start, end, "", rule))
    return out


def join_punctuation_lines(text: str) -> str:
    """Fast twin of :func:`punctuation_line_changes`."""
    if "\n" not in text or _PUNCTUATION_LINE_RE.search(text) is None:
        return text
    from ..text.edits import splice

    return splice(text, punctuation_line_changes(text))


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
    parts = []
    for chunk in line_chunks(text):
        joined = "\n\n".join(p for p in (line.strip(" ") for line in chunk.split("\n")) if p)
        if joined:
            parts.append(joined)
    return "\n\n".join(parts) + "\n" if parts else ""


CODE_RULES = [LINE_BREAKS, INVISIBLES, MOJIBAKE, UNICODE_NFC, SPACES, DOUBLE_QUOTES,
              SINGLE_QUOTES, TERMINAL_ESCAPES, UNWRAP, LAYOUT]
