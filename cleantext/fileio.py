"""Reading documents safely and writing results atomically.

Reading: a byte-order mark decides first (UTF-8, UTF-16, UTF-32); then strict
UTF-8; then charset detection (charset-normalizer) for legacy encodings such
as cp1251, KOI8-R or latin-1.  Binary data (NUL bytes without a UTF-16/32
BOM, or no plausible text encoding) is refused with :class:`InputError`,
never decoded into noise.

Writing: the new content goes to a temporary file in the destination folder,
is flushed to disk, and is renamed over the destination, so a reader (or a
crash) sees either the old file or the new one, never half of either.
"""

from __future__ import annotations

import codecs
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".md")
DEFAULT_SUFFIXES = TEXT_SUFFIXES + (".html", ".htm")

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
        raise InputError("binary data (NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or _looks_binary(data):
        raise InputError("not text in any known encoding (binary data?)")
    try:
        return Decoded(data.decode(best.encoding), best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"could not decode as {best.encoding}") from None


def _looks_binary(data: bytes) -> bool:
    """Control bytes other than tab/newline/CR/FF/ESC in the first 8 KB mean binary."""
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) // 100


def looks_like_html(data: bytes | str, name: str = "") -> bool:
    """HTML by extension, else by a tag near the start of the document."""
    if name.lower().endswith(HTML_SUFFIXES):
        return True
    if name.lower().endswith(TEXT_SUFFIXES):
        return False
    head = data[:2048]
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    head = head.lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and any(t in head for t in ("<body", "<head", "<div", "<p>", "<article"))
    )


def atomic_write(path: str | Path, data: str | bytes, *, like: str | Path | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file and an atomic rename.

    ``like``: copy this file's permission bits to the new file (for in-place
    rewrites).
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if like is not None:
            shutil.copymode(like, tmp)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def backup_copy(path: str | Path, suffix: str) -> Path:
    """Copy ``path`` to ``path + suffix`` atomically (before an in-place rewrite)."""
    path = Path(path)
    target = path.with_name(path.name + suffix)
    atomic_write(target, path.read_bytes(), like=path)
    return target


class AtomicFile:
    """A text file written in pieces that appears at ``path`` only on :meth:`commit`.

    Used for streamed outputs (``-o FILE``, JSONL rewritten in place): until
    the commit, the destination keeps its old content.
    """

    def __init__(self, path: str | Path, like: str | Path | None = None) -> None:
        self.path = Path(path)
        self.like = like
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                         dir=self.path.parent or ".")
        self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        self._fh.write(text)

    def commit(self) -> None:
        """Flush to disk and rename over the destination."""
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        if self.like is not None:
            shutil.copymode(self.like, self._tmp)
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        """Forget what was written; the destination is untouched."""
        self._fh.close()
        try:
            os.unlink(self._tmp)
        except FileNotFoundError:
            pass
