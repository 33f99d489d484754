"""Gzip inputs open transparently, under a cap against gzip bombs."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.io.compressed import MIN_CAP, CompressedInputError, is_gzip, maybe_gunzip

SEEDS = sorted((Path(__file__).parent.parent / "seeds" / "input").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS[:2], ids=lambda p: p.name)
def test_seed_text_round_trips(path):
    raw = path.read_bytes()
    packed = gzip.compress(raw)
    assert is_gzip(packed) and not is_gzip(raw)
    assert maybe_gunzip(packed) == raw


def test_plain_bytes_are_returned_as_they_are():
    raw = "<html><body><p>Привет, мир</p></body></html>".encode("cp1251")
    assert maybe_gunzip(raw) is raw
    assert maybe_gunzip(b"") == b""


@given(st.binary(max_size=4096), st.integers(min_value=1, max_value=3))
@settings(max_examples=60, deadline=None)
def test_any_bytes_round_trip_in_one_or_more_members(raw, members):
    packed = b"".join(gzip.compress(raw[i::members]) for i in range(members))
    assert maybe_gunzip(packed) == b"".join(raw[i::members] for i in range(members))


def test_zero_padding_after_the_stream_is_ignored():
    assert maybe_gunzip(gzip.compress(b"text\n") + b"\x00" * 16) == b"text\n"


def test_a_gzip_bomb_is_refused():
    bomb = gzip.compress(b"\x00" * (4 * MIN_CAP), compresslevel=9)
    assert 20 * len(bomb) < MIN_CAP  # far past the ratio
    with pytest.raises(CompressedInputError, match="gzip bomb"):
        maybe_gunzip(bomb)
    assert len(maybe_gunzip(bomb, max_ratio=10_000)) == 4 * MIN_CAP


def test_the_absolute_cap_holds_whatever_the_ratio():
    packed = gzip.compress(b"a" * 5000)
    with pytest.raises(CompressedInputError, match="expands past"):
        maybe_gunzip(packed, max_ratio=10_000, max_bytes=4999)
    assert maybe_gunzip(packed, max_ratio=10_000, max_bytes=5000) == b"a" * 5000


def test_the_cap_counts_every_member():
    member = gzip.compress(b"b" * 3000)
    with pytest.raises(CompressedInputError):
        maybe_gunzip(member * 2, max_bytes=5999)
    assert maybe_gunzip(member * 2, max_bytes=6000) == b"b" * 6000


def test_truncated_corrupt_and_trailing_data_are_clear_errors():
    packed = gzip.compress("Длинный текст статьи. ".encode() * 200)
    with pytest.raises(CompressedInputError, match="truncated"):
        maybe_gunzip(packed[: len(packed) // 2])
    with pytest.raises(CompressedInputError, match="corrupt"):
        maybe_gunzip(packed[:10] + bytes(b ^ 0x55 for b in packed[10:40]) + packed[40:])
    with pytest.raises(CompressedInputError, match="trailing"):
        maybe_gunzip(packed + b"<html>")
    with pytest.raises(CompressedInputError):
        maybe_gunzip(b"\x1f\x8b not gzip at all")
