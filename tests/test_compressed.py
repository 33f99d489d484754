"""Gzip inputs open transparently, under a cap against gzip bombs."""

from __future__ import annotations

import gzip
import json
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


# --- through the command -------------------------------------------------------------

def _cli(*args, stdin: bytes | None = None):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "cleantext", *map(str, args)], input=stdin,
                          capture_output=True, timeout=120)


def _page(text: str) -> str:
    paras = "".join(f"<p>{p}</p>\n" for p in text.split("\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><title>t</title></head><body><nav><a href='/'>Home</a>"
            f"</nav><article>{paras}</article><footer>Footer</footer></body></html>")


def test_a_folder_of_gzipped_text_and_html_cleans_as_the_plain_files_do(tmp_path):
    plain, packed = tmp_path / "plain", tmp_path / "packed"
    plain.mkdir()
    packed.mkdir()
    for seed in SEEDS:
        (plain / seed.name).write_bytes(seed.read_bytes())
        (packed / (seed.name + ".gz")).write_bytes(gzip.compress(seed.read_bytes()))
    page = _page(SEEDS[0].read_text("utf-8")).encode("cp1251", errors="xmlcharrefreplace")
    (plain / "page.html").write_bytes(page)
    (packed / "page.html.gz").write_bytes(gzip.compress(page))
    (packed / "notes.gz.bak").write_bytes(gzip.compress(b"not picked up"))
    want = _cli(plain, "--format", "jsonl", "-q")
    got = _cli(packed, "--format", "jsonl", "-q")
    assert want.returncode == got.returncode == 0, got.stderr
    texts = lambda res: [json.loads(line)["text"] for line in res.stdout.splitlines()]  # noqa: E731
    assert len(texts(got)) == len(SEEDS) + 1
    assert sorted(texts(got)) == sorted(texts(want))
    out = tmp_path / "out"
    res = _cli(packed, "--out-dir", out, "-q")
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted([s.name for s in SEEDS] + ["page.txt"])
    for seed in SEEDS:
        assert (out / seed.name).read_bytes() == (seed.parent.parent / "expected" / seed.name).read_bytes()


def test_gzipped_html_is_recognised_by_its_inner_suffix_or_its_content(tmp_path):
    page = _page("Kiev\u2019s mayor said the talks would resume on Monday, after a week of delays.\n"
                 "Officials from both sides met in the capital and agreed on the agenda.").encode()
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(page))
    (tmp_path / "b.gz").write_bytes(gzip.compress(page))  # no inner suffix: sniffed after gunzip
    for name in ("a.html.gz", "b.gz"):
        res = _cli(tmp_path / name, "--format", "jsonl", "--lang", "en")
        assert res.returncode == 0, res.stderr
        text = json.loads(res.stdout)["text"]
        assert "<p>" not in text and "Kyiv's mayor" in text and "Footer" not in text
    res = _cli("--lang", "en", stdin=gzip.compress(page))  # stdin too
    assert res.returncode == 0 and b"Kyiv's mayor" in res.stdout and b"<p>" not in res.stdout


def test_binary_data_is_sniffed_after_gunzip_and_bad_gzip_is_one_line(tmp_path):
    (tmp_path / "img.txt.gz").write_bytes(gzip.compress(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50))
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(SEEDS[0].read_bytes())[:-40])
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b" " * (4 * MIN_CAP), compresslevel=9))
    (tmp_path / "ok.txt.gz").write_bytes(gzip.compress(SEEDS[1].read_bytes()))
    res = _cli(tmp_path, "-q")
    assert res.returncode == 1
    err = res.stderr.decode()
    lines = err.splitlines()
    assert "Traceback" not in err and len(lines) == 3, err
    assert any("img.txt.gz" in l and "binary" in l for l in lines)
    assert any("cut.txt.gz" in l and "truncated" in l for l in lines)
    assert any("bomb.txt.gz" in l and "gzip bomb" in l for l in lines)
    assert res.stdout == (SEEDS[1].parent.parent / "expected" / SEEDS[1].name).read_bytes()


def test_in_place_refuses_a_compressed_input_and_leaves_it_alone(tmp_path):
    f = tmp_path / "a.txt.gz"
    packed = gzip.compress(SEEDS[0].read_bytes())
    f.write_bytes(packed)
    res = _cli("--in-place", f)
    assert res.returncode == 1 and b"compressed" in res.stderr and b"--out-dir" in res.stderr
    assert f.read_bytes() == packed


def _jsonl_cli(*args, stdin: bytes | None = None):
    return _cli("--input-format", "jsonl", "-q", *args, stdin=stdin)


def _records(n: int) -> bytes:
    return "".join(json.dumps({"id": i, "text": f"Record {i} says hello to the world today.\n"}) + "\n"
                   for i in range(n)).encode()


def test_gzipped_jsonl_streams_like_the_plain_file_also_from_stdin(tmp_path):
    data = _records(300)
    (tmp_path / "r.jsonl").write_bytes(data)
    (tmp_path / "r.jsonl.gz").write_bytes(gzip.compress(data))
    plain = _jsonl_cli(tmp_path / "r.jsonl")
    assert plain.returncode == 0, plain.stderr
    assert len(plain.stdout.splitlines()) == 300
    packed = _jsonl_cli(tmp_path / "r.jsonl.gz")
    assert packed.returncode == 0, packed.stderr
    assert packed.stdout == plain.stdout
    piped = _jsonl_cli("-", stdin=gzip.compress(data))
    assert piped.returncode == 0 and piped.stdout == plain.stdout, piped.stderr


def test_a_corrupt_gzipped_jsonl_is_one_line_and_the_records_before_it_are_kept(tmp_path):
    good = gzip.compress(_records(40))
    broken_member = gzip.compress(b"x")[:10] + b"\xff" * 32  # a deflate block of a reserved type
    (tmp_path / "bad.jsonl.gz").write_bytes(good + broken_member)
    (tmp_path / "cut.jsonl.gz").write_bytes(gzip.compress(_records(400))[:-200])
    for name, reason in (("bad.jsonl.gz", "corrupt gzip"), ("cut.jsonl.gz", "truncated")):
        res = _jsonl_cli(tmp_path / name)
        assert res.returncode == 1
        lines = res.stderr.decode().splitlines()
        assert len(lines) == 1 and name in lines[0] and reason in lines[0], res.stderr
        kept = [json.loads(l)["id"] for l in res.stdout.splitlines()]
        assert kept and kept == list(range(len(kept)))  # in order, none lost before the damage
        if name == "bad.jsonl.gz":
            assert len(kept) == 40
