"""Character-level normalisation: line breaks, invisible characters, mojibake,
Unicode NFC, spaces and quotes.

Each stage is a pure function ``text -> list[Change]`` plus, where it is
cheaper, a fast ``text -> text`` twin; ``tests/test_trace.py`` proves the two
agree.  The stages are rules implemented in code; their ids and reasons are
declared in :data:`CODE_RULES` and documented in ``docs/rules.md``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Callable

import regex

from .edits import Change, RuleRef


@dataclass(frozen=True)
class CodeRule:
    """Documentation of a rule implemented in code (not in a TOML pack)."""

    code: str
    name: str
    kind: str
    why: str
    module: str

    @property
    def ref(self) -> RuleRef:
        return RuleRef(self.code, self.kind, self.why)


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


def fix_line_breaks(text: str) -> str:
    """Fast twin of :func:`line_break_changes`."""
    return _LINE_BREAK_RE.sub("\n", text)


# --- NF002 invisible characters ----------------------------------------------

# C0 controls except tab and LF (CR, VT, FF are line breaks, handled first), DEL,
# zero-width space, word joiner, BOM, soft hyphen.  ZWJ/ZWNJ are kept: they
# change the rendering of emoji and of Indic and Persian script.
_INVISIBLE_RE = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b\u2060\ufeff\u00ad]+")


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
_SUSPECT_RE = regex.compile(
    r"[\x80-\x9f\u00c2\u00c3\u00c5\u00d0\u00d1\u00e2\ufb00-\ufb06\uff01-\uff5e\ud800-\udfff\x1b]"
    r"|[\u0420\u0421][\u0401-\u040f\u0451-\u045f\u0490\u0491\u2116\u00a0-\u00bf\u2018-\u203a]"
)


def _needs_repair(line: str) -> bool:
    """A cheap gate in front of ftfy: could this line hold mojibake or odd forms?"""
    return bool(_SUSPECT_RE.search(line)) and (is_bad(line) or _has_fixable_forms(line))


_FORMS_RE = regex.compile(r"[\x80-\x9f\ufb00-\ufb06\uff01-\uff5e\ud800-\udfff\x1b]")


def _has_fixable_forms(line: str) -> bool:
    return bool(_FORMS_RE.search(line))


def _repair_line(line: str) -> tuple[str, RuleRef | None]:
    """The repaired line and the rule that changed it (None when unchanged)."""
    if line.isascii():
        return line, None
    if _needs_repair(line):
        fixed = ftfy.fix_text(line, _FTFY_CONFIG)
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
    from .edits import diff_changes

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
    if not _SUSPECT_RE.search(text):
        return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
    return "\n".join(_repair_line(line)[0] for line in text.split("\n"))


# --- NF005 spaces ------------------------------------------------------------

_ODD_SPACE = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACES_RE = regex.compile(f"[ {_ODD_SPACE}]{{2,}}|[{_ODD_SPACE}]")


def space_changes(text: str) -> list[Change]:
    """NF005: odd spaces become a plain space, runs of spaces one space."""
    return _regex_changes(_SPACES_RE, text, lambda m: " ", SPACES.ref)


def fix_spaces(text: str) -> str:
    """Fast twin of :func:`space_changes`."""
    return _SPACES_RE.sub(" ", text)


# --- QT001/QT002 quotes ------------------------------------------------------

_ASCII_QUOTES = {
    **dict.fromkeys("«»“”„‟", '"'),
    **dict.fromkeys("‘’‚‛‹›", "'"),
}
_ASCII_QUOTE_TABLE = str.maketrans(_ASCII_QUOTES)
_NON_ASCII_QUOTE_RE = regex.compile("[«»“”„‟‘’‚‛‹›]")
_ANY_QUOTE_RE = regex.compile("[\"'«»“”„‟‘’‚‛‹›]")
_OPENERS_BEFORE = set(" \n([{-—–/")


def _quote_rule(char: str) -> RuleRef:
    return DOUBLE_QUOTES.ref if char in "\"«»“”„‟" else SINGLE_QUOTES.ref


def quote_changes(text: str, style: str) -> list[Change]:
    """QT001/QT002: every quote in the chosen style (``ascii``, ``typographic`` or ``keep``)."""
    if style == "keep":
        return []
    if style == "ascii":
        return [Change(m.start(), m.end(), _ASCII_QUOTES[m.group()], _quote_rule(m.group()))
                for m in _NON_ASCII_QUOTE_RE.finditer(text)]
    out = []
    for m in _ANY_QUOTE_RE.finditer(text):
        new = _typographic(text, m.start())
        if new != m.group():
            out.append(Change(m.start(), m.end(), new, _quote_rule(m.group())))
    return out


def _typographic(text: str, i: int) -> str:
    """English typographic quote for the quote at ``text[i]``, chosen by context."""
    char = text[i]
    opening = i == 0 or text[i - 1] in _OPENERS_BEFORE
    if char in "\"«»“”„‟":
        return "“" if opening else "”"
    return "‘" if opening else "’"


def fix_quotes(text: str, style: str) -> str:
    """Fast twin of :func:`quote_changes`."""
    if style == "keep" or text.isascii() and style == "ascii":
        return text
    if style == "ascii":
        return text.translate(_ASCII_QUOTE_TABLE)
    from .edits import splice

    return splice(text, quote_changes(text, style))


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
    """Fast twin of :func:`layout_changes`."""
    paras = _PARAGRAPH_RE.findall(text)
    return "\n\n".join(paras) + "\n" if paras else ""


CODE_RULES = [LINE_BREAKS, INVISIBLES, MOJIBAKE, UNICODE_NFC, SPACES, DOUBLE_QUOTES,
              SINGLE_QUOTES, LAYOUT]
