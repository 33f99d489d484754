"""Reading documents safely and writing results atomically.

Reading (:func:`decode_bytes`, for files and HTML pages alike): binary formats
(PDF, images, archives, office documents) are refused by their magic bytes;
a byte-order mark decides first (UTF-8, UTF-16, UTF-32); then strict UTF-8;
UTF-8 with isolated stray cp1252 punctuation bytes; BOM-less UTF-16; then
charset detection (charset-normalizer, on the whole input, with an HTML page's
declared charset as a hint) for legacy encodings such as cp1251, KOI8-R or
latin-1.  Binary data is refused with :class:`InputError`, never decoded into
noise.

Writing: see :mod:`cleantext.io.writes` (a temporary file in the destination
folder, flushed to disk and renamed over the destination, so a reader or a
crash sees either the old file or the new one, never half of either).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".md")
DEFAULT_SUFFIXES = TEXT_SUFFIXES + (".html", ".htm")
COMPRESSED_SUFFIXES = (".gz",)  # read transparently (cleantext.io.compressed)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class InputError(Exception):
    """A document that cannot be read as text; the message says why."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the encoding that was used."""

    text: str
    encoding: str


# Binary formats, by their first bytes: refused on every path (a PDF saved as
# ``.html`` is a PDF).
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh91AY&SY", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an office document (OLE)"),
    (b"\x7fELF", "an executable"),
    (b"\x00asm", "a WebAssembly module"),
    (b"OggS", "an Ogg file"),
    (b"fLaC", "a FLAC file"),
    (b"ID3", "an MP3 file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)


def sniff_binary(data: bytes) -> str | None:
    """What binary format ``data`` is (by its magic bytes), or None."""
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a RIFF media file"
    if head[4:8] == b"ftyp":
        return "an MP4/HEIF media file"
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``: refuse binary formats; then the byte-order mark; strict
    UTF-8; UTF-8 with a few stray cp1252 punctuation bytes; BOM-less UTF-16;
    then charset-normalizer on the whole input, with ``declared`` (an HTML
    page's charset) as a hint, preferring cp1252 for Latin text that it reads
    with no odd letters."""
    what = sniff_binary(data)
    if what is not None:
        raise InputError(f"binary data ({what}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} after its byte-order mark: {exc.reason}") from None
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16
        if _looks_binary(data) or data.count(0) > len(data) // 100:
            raise InputError("binary data (NUL bytes)")
        # a few stray NULs in text (NF002 removes them): decoded as below
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    stray = _utf8_with_stray_cp1252(data)
    if stray is not None:
        return Decoded(stray, "utf-8+cp1252")
    if _looks_binary(data):
        raise InputError("not text in any known encoding (binary data?)")
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = None
    if declared:
        name = _codec_name(declared)
        best = next((m for m in results if m.encoding == name or name in m.could_be_from_charset), None)
    best = best or results.best()
    if best is None:
        if _UTF8_MULTIBYTE.search(data):
            # UTF-8 with damaged bytes that no code page reads: the damage is marked
            return Decoded(data.decode("utf-8", errors="replace"), "utf-8+replace")
        raise InputError("not text in any known encoding (binary data?)")
    encoding = best.encoding
    text = str(best)
    if len(data) < _SHORT:
        encoding, text = _plausible(data, encoding, text, results)
    if encoding not in ("cp1252", "latin_1", "ascii", "utf_8"):
        latin = _prefer_cp1252(data, text)
        if latin is not None:
            return Decoded(latin, "cp1252")
    return Decoded(text, encoding)


# Below this many bytes detection is a guess: the candidates are re-ranked by
# how their words look.
_SHORT = 2000
_WORD_RE = re.compile(r"[^\W\d_]+")


_EDGE_PUNCT = "\"'«»“”„‘’‚()[]{}.,;:!?…—–-/"


def _word_shape_score(text: str) -> int:
    """Words (punctuation stripped from their ends) written in one alphabet
    (Latin or Cyrillic), in lower, title or upper case, count for the reading;
    others (a symbol inside a word, mixed alphabets, odd case) against it."""
    score = 0
    for token in text.split():
        word = token.strip(_EDGE_PUNCT)
        if not word or word.isdigit():
            continue
        letters = word.replace("-", "").replace("'", "").replace("’", "")
        latin = all(c.isalpha() and c < "\u0250" for c in letters)
        cyrillic = all(c.isalpha() and "\u0400" <= c <= "\u04ff" for c in letters)
        cased = word.islower() or word.isupper() or word.istitle()
        score += 1 if letters and (latin or cyrillic) and cased else -1
    return score


def _plausible(data: bytes, encoding: str, text: str, results: Iterable[CharsetMatch]) -> tuple[str, str]:
    """The reading of a short input whose words look best among the detected
    one, the other candidates and the common single-byte code pages."""
    best = (_word_shape_score(text), encoding, text)
    names = [m.encoding for m in results] + ["cp1251", "koi8_r", "koi8_u", "cp866", "cp1252"]
    for name in dict.fromkeys(names):
        try:
            candidate = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if any("\x80" <= c <= "\x9f" for c in candidate):
            continue
        score = _word_shape_score(candidate)
        if score > best[0]:
            best = (score, name, candidate)
    return best[1], best[2]


def _codec_name(label: str) -> str:
    """charset-normalizer's name (Python's codec name) for an encoding label."""
    try:
        return codecs.lookup(label.strip().strip("\"'")).name.replace("-", "_")
    except LookupError:
        return label


# cp1252 punctuation a UTF-8 document may hold as a stray byte (pasted from a
# legacy source): € ‚ „ … † ‡ ‰ ‹ ‘ ’ “ ” • – — ™ › and no-break space, « » ° · ©.
_CP1252_PUNCT = frozenset(b"\x80\x82\x84\x85\x86\x87\x89\x8b\x91\x92\x93\x94\x95\x96\x97"
                          b"\x99\x9b\xa0\xab\xbb\xb0\xb7\xa9")


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


_ESCAPED_BYTE_RE = re.compile("[\udc80-\udcff]")


def _stray_byte(m: re.Match[str]) -> str:
    """An undecodable byte (escaped as a lone surrogate) read as cp1252 (latin-1 where
    cp1252 has a hole)."""
    b = ord(m.group()) - 0xDC00
    return bytes([b]).decode("cp1252", errors="ignore") or chr(b)


def _is_escaped(c: str) -> bool:
    return "\udc80" <= c <= "\udcff"


def _isolated_stray(text: str, i: int) -> bool:
    """Is the escaped byte at ``text[i]`` a stray cp1252 byte: alone (no undecodable
    neighbour), and punctuation or a Latin-1 letter between two ASCII letters ("na\xefve")?"""
    prev = text[i - 1] if i else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if _is_escaped(prev) or _is_escaped(nxt):
        return False  # a run of undecodable bytes: a legacy text, not a stray byte
    byte = ord(text[i]) - 0xDC00
    if byte in _CP1252_PUNCT:
        return True
    return (0xC0 <= byte <= 0xFF and byte not in (0xD7, 0xF7)
            and prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha())


def _utf8_with_stray_cp1252(data: bytes) -> str | None:
    """``data`` as UTF-8 with isolated cp1252 bytes, when that is what its non-UTF-8
    bytes are -- punctuation, or a letter inside an ASCII word ("naïve") -- and it
    holds real UTF-8 sequences; else None.  A legacy text has runs of non-UTF-8
    bytes (its words), which some pairs of happen to be valid UTF-8 ("ТАСС" in
    cp1251 holds "СС", 0xD1 0xD1... and "С»", 0xD1 0xBB).  Python's own
    ``surrogateescape`` marks the undecodable bytes (valid UTF-8 never decodes to a
    lone surrogate), so no codec error handler is registered for the process."""
    if not _UTF8_MULTIBYTE.search(data):
        return None
    text = data.decode("utf-8", errors="surrogateescape")
    if not all(_isolated_stray(text, m.start()) for m in _ESCAPED_BYTE_RE.finditer(text)):
        return None
    return _ESCAPED_BYTE_RE.sub(_stray_byte, text)


_ODD_LATIN_RE = re.compile(r"[\u0100-\u024f]")
_INSIDE_WORDS = frozenset("\u2018\u2019\u2026\u2013\u2014")  # ‘ ’ … – —


def _prefer_cp1252(data: bytes, text: str) -> str | None:
    """cp1252 instead of a detected Latin code page (cp1250, cp775, ...) when the
    detected text is Latin, has letters outside Latin-1, and cp1252 reads the
    bytes as Latin-1 letters and common punctuation only: no symbol inside a word
    ("Za¿ó³æ" is cp1250's "Zażółć") that the detected code page reads as a letter (a
    no-break space between two words is none), but for the typographic apostrophe, the
    ellipsis and the dashes ("MK’s", "so…um", "gold—or"), which are cp1252's far more
    often than a DOS code page's letters."""
    if not _ODD_LATIN_RE.search(text) or any("\u0370" <= c <= "\u1fff" for c in text if c.isalpha()):
        return None
    try:
        latin = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    aligned = len(text) == len(latin)  # a code page of one byte a character, read whole
    for m in re.finditer(r"[^\x00-\x7f]", latin):
        c = m.group()
        if c.isalpha() or c in _INSIDE_WORDS:
            continue
        i = m.start()
        if 0 < i < len(latin) - 1 and latin[i - 1].isalpha() and latin[i + 1].isalpha() and (
                not aligned or text[i].isalpha()):
            return None  # "Za¿ó³æ": a symbol inside a word is another code page's letter
    return latin


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_SURROGATE_PAIR_RE = re.compile("[\ud800-\udbff][\udc00-\udfff]")


_SURROGATE_SCAN = 1 << 20  # characters encoded at a time by has_surrogates


def has_surrogates(text: str) -> bool:
    """Does ``text`` hold a surrogate code point?  UTF-8 encodes every other code
    point, so the encoder answers, a piece at a time (bounded memory), several times
    faster than a search for the character class; ASCII text (a flag of the string)
    holds none.  A pair cut between two pieces leaves a surrogate in each."""
    if text.isascii():
        return False
    for start in range(0, len(text), _SURROGATE_SCAN):
        try:
            text[start : start + _SURROGATE_SCAN].encode("utf-8")
        except UnicodeEncodeError:
            return True
    return False


def replace_surrogates(text: str) -> str:
    """Surrogate pairs become the character they encode, lone surrogates U+FFFD
    (text that came through ``surrogateescape`` or a JSON ``\\ud800`` escape)."""
    if not has_surrogates(text):
        return text
    text = _SURROGATE_PAIR_RE.sub(
        lambda m: m.group().encode("utf-16", "surrogatepass").decode("utf-16"), text)
    return _SURROGATE_RE.sub("\ufffd", text)


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark: one half of the bytes (the high bytes)
    takes few values, one of them most of the time -- NUL for Latin text, 0x04
    for Cyrillic -- and the text
    decodes with hardly any control characters."""
    if len(data) % 2 or len(data) < 4:
        return None
    for high, encoding in ((data[1::2], "utf-16-le"), (data[0::2], "utf-16-be")):
        if len(set(high)) > 8 or max(high.count(b) for b in set(high)) < 0.5 * len(high):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f")
        if controls <= len(text) // 100 and sum(c.isalpha() or c.isspace() for c in text) > 0.6 * len(text):
            return Decoded(text, encoding)
    return None


def _looks_binary(data: bytes) -> bool:
    """Control bytes other than tab/newline/CR/FF/ESC in the first 8 KB mean binary."""
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) // 100


def inner_name(name: str) -> str:
    """``name`` without a compression suffix: ``page.html.gz`` -> ``page.html``."""
    lower = name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def is_default_input(name: str) -> bool:
    """Whether a folder scan picks up ``name``: a default suffix, possibly gzipped
    (``*.txt``, ``*.html.gz`` ...)."""
    return PurePath(inner_name(name)).suffix.lower() in DEFAULT_SUFFIXES


def looks_like_html(data: bytes | str, name: str = "") -> bool:
    """HTML by extension (the inner one of ``x.html.gz``), else by a tag near the
    start of the document (``data`` already decompressed)."""
    name = inner_name(name).lower()
    if name.endswith(HTML_SUFFIXES):
        return True
    if name.endswith(TEXT_SUFFIXES):
        return False
    head = data[:2048]
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    head = head.lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and any(t in head for t in ("<body", "<head", "<div", "<p>", "<article"))
    )


# Writing lives in the write model (``cleantext.io.writes``); re-exported here.
from .writes import AtomicFile, atomic_write, backup_copy  # noqa: E402,F401
