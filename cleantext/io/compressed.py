"""Transparent gzip: ``.gz`` inputs (HTML or text) are recognised by their magic bytes.

:func:`maybe_gunzip` returns non-gzip bytes unchanged and decompresses gzip
bytes under a cap on the output, so that a small crafted file (a "gzip bomb")
cannot fill memory: the output may be at most ``max_ratio`` times the
compressed size (but never less than :data:`MIN_CAP`, so that tiny, highly
repetitive files still open) and never more than ``max_bytes``.
"""

from __future__ import annotations

import zlib

GZIP_MAGIC = b"\x1f\x8b"
MAX_RATIO = 20  # real HTML and text compress 3-10x
MAX_BYTES = 1 << 30  # 1 GiB
MIN_CAP = 1 << 20  # 1 MiB: the cap never falls below this, whatever the ratio

__all__ = ["CompressedInputError", "GZIP_MAGIC", "is_gzip", "maybe_gunzip"]


class CompressedInputError(ValueError):
    """Gzip input that is corrupt, truncated, or expands past the cap."""


def is_gzip(data: bytes) -> bool:
    """Whether ``data`` starts with the gzip magic bytes."""
    return data[:2] == GZIP_MAGIC


def _size(n: int) -> str:
    return f"{n / (1 << 20):.1f} MiB" if n >= 1 << 20 else f"{n} bytes"


def maybe_gunzip(data: bytes, *, max_ratio: float = MAX_RATIO, max_bytes: int = MAX_BYTES) -> bytes:
    """``data`` decompressed when it is gzip (by its magic bytes), else ``data`` itself.

    Several concatenated gzip members are decompressed one after the other,
    as ``gzip`` does; zero bytes after the last member are ignored.  Raises
    :class:`CompressedInputError` for corrupt or truncated data, and when the
    output would exceed ``max(max_ratio * len(data), MIN_CAP)`` or ``max_bytes``.
    """
    if not is_gzip(data):
        return data
    cap = min(max_bytes, max(int(max_ratio * len(data)), MIN_CAP))
    out = bytearray()
    rest = data
    while rest:
        decoder = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # gzip header and trailer
        try:
            out += decoder.decompress(rest, cap + 1 - len(out))
        except zlib.error as exc:
            raise CompressedInputError(f"corrupt gzip data: {exc}") from None
        if len(out) > cap:
            raise CompressedInputError(
                f"gzip data expands past {_size(cap)} (from {_size(len(data))} compressed; "
                f"cap: {max_ratio:g}x, at least {_size(MIN_CAP)}, at most {_size(max_bytes)}): "
                "refused as a possible gzip bomb")
        if not decoder.eof:
            raise CompressedInputError(f"truncated gzip data ({_size(len(data))} read)")
        rest = decoder.unused_data
        if not is_gzip(rest):
            if rest.strip(b"\x00"):
                raise CompressedInputError(f"{_size(len(rest))} of trailing data after the gzip stream")
            break
    return bytes(out)
