"""Reading documents safely and writing results atomically.

Reading: a byte-order mark decides first (UTF-8, UTF-16, UTF-32); then strict
UTF-8; then charset detection (charset-normalizer) for legacy encodings such
as cp1251, KOI8-R or latin-1.  Binary data (NUL bytes without a UTF-16/32
BOM, or no plausible text encoding) is refused with :class:`InputError`,
never decoded into noise.

Writing: see :mod:`cleantext.io.writes` (a temporary file in the destination
folder, flushed to disk and renamed over the destination, so a reader or a
crash sees either the old file or the new one, never half of either).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import PurePath

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


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` by BOM, strict UTF-8, then detection; refuse binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} after its byte-order mark: {exc.reason}") from None
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise InputError("binary data (NUL bytes)")
        return utf16
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        # Valid UTF-8 with some stray legacy bytes: a file pasted together from
        # two sources.  The stray bytes are read as cp1252, the rest as UTF-8.
        return Decoded(_utf8_with_cp1252(data), "utf-8+cp1252")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or _looks_binary(data):
        raise InputError("not text in any known encoding (binary data?)")
    try:
        return Decoded(data.decode(best.encoding), best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"could not decode as {best.encoding}") from None


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ESCAPED_BYTE_RE = re.compile("[\udc80-\udcff]")


def _stray_byte(m: re.Match) -> str:
    """An undecodable byte (escaped as a lone surrogate) read as cp1252 (latin-1 where
    cp1252 has a hole)."""
    b = ord(m.group()) - 0xDC00
    return bytes([b]).decode("cp1252", errors="ignore") or chr(b)


def _utf8_with_cp1252(data: bytes) -> str:
    """``data`` as UTF-8, its undecodable bytes as cp1252.  Python's own
    ``surrogateescape`` marks them (valid UTF-8 never decodes to a lone surrogate),
    so no codec error handler is registered for the whole process."""
    return _ESCAPED_BYTE_RE.sub(_stray_byte, data.decode("utf-8", errors="surrogateescape"))


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark: NULs in every other byte, decodable, few controls."""
    if len(data) % 2 or len(data) < 4:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros >= 0.6 * half and (even if encoding == "utf-16-le" else odd) == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            if not _looks_binary(text.encode("utf-8")):
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
