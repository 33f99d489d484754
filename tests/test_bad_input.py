"""Bad input never gives a traceback, a damaged file or silently lost text."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

import cleantext
from cleantext.io.files import InputError, decode_bytes

RU = ("Президент России заявил, что переговоры продолжатся. Министр иностранных дел "
      "встретился с коллегами в Москве и обсудил ситуацию в регионе.\n")
DE = ("Die Bundesregierung hat am Montag neue Maßnahmen für die Wirtschaft beschlossen. "
      "Der Bundeskanzler äußerte sich zufrieden über die Einigung.\n")


def run(*args, stdin: bytes | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleantext", *map(str, args)], input=stdin,
                          capture_output=True, timeout=timeout)


# --- decoding ------------------------------------------------------------------

@pytest.mark.parametrize("text,encoding", [(RU, "cp1251"), (RU, "koi8-r"), (DE, "latin-1"),
                                          (DE, "utf-16"), (RU, "utf-8-sig"), (RU, "utf-32")])
def test_legacy_and_bom_encodings_decode_to_the_original(text, encoding):
    assert decode_bytes(text.encode(encoding)).text == text


def test_bomless_utf16_is_recognised():
    assert decode_bytes(DE.encode("utf-16-le")).text == DE


def test_mixed_utf8_and_cp1252_keeps_both_parts():
    data = "Café ".encode("utf-8") + "naïve – “ok”".encode("cp1252")
    assert decode_bytes(data).text == "Café naïve – “ok”"


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"abc\x00def\x00\x01\x02"])
def test_binary_is_refused(data):
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data)


def test_cli_skips_binary_files_names_them_and_cleans_the_rest(tmp_path):
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("x.txt", "hello " * 100)
    image = tmp_path / "img.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    good = tmp_path / "ru.txt"
    good.write_bytes(RU.encode("cp1251"))
    res = run(archive, image, good)
    assert res.returncode == 1
    err = res.stderr.decode()
    assert "a.zip: binary" in err and "img.txt: binary" in err and "Traceback" not in err
    assert res.stdout.decode() == RU


@pytest.mark.parametrize("data,expected", [
    (b"", b""), (b"  \n\t \r\n", b""), (b"No final newline.", b"No final newline.\n"),
    (b"One.\r\nTwo.\r\n", b"One.\n\nTwo.\n"), (b"One.\rTwo.\r", b"One.\n\nTwo.\n"),
])
def test_edge_shapes_through_the_cli(tmp_path, data, expected):
    f = tmp_path / "doc.txt"
    f.write_bytes(data)
    res = run(f)
    assert res.returncode == 0, res.stderr
    assert res.stdout == expected


# --- the library ---------------------------------------------------------------

@pytest.mark.parametrize("value", [None, b"bytes", 42, ["list"]])
def test_non_str_arguments_raise_a_useful_type_error(value):
    with pytest.raises(TypeError, match="str"):
        cleantext.clean(value)
    with pytest.raises(TypeError):
        cleantext.Cleaner().explain(value)


def test_bytes_error_points_to_decoding():
    with pytest.raises(TypeError, match="decode"):
        cleantext.clean(b"abc")


# --- HTML ----------------------------------------------------------------------

@pytest.mark.parametrize("html", [
    "<p>Unclosed <b>bold <i>text in a paragraph that never ends",
    "<html><head><title>No body</title></head></html>",
    "<p>AT&T &amp; &bogus; &#99999999; &#x110000; broken entities</p>",
    "",
    "<<<>>>< / p >",
])
def test_malformed_html_gives_a_result_not_an_error(html):
    out = cleantext.clean_html(html)
    assert isinstance(out, str)


def test_deeply_nested_html_keeps_its_text():
    html = "<html><body>" + "<div>" * 100_000 + "<p>Deep text in the article body.</p>" + \
           "</div>" * 100_000 + "</body></html>"
    assert "Deep text in the article body." in cleantext.clean_html(html)


def test_declared_charset_that_lies_is_survived():
    body = "Привет мир, это статья о новостях.".encode("cp1251")
    page = b'<html><head><meta charset="utf-8"></head><body><p>' + body + b"</p></body></html>"
    assert cleantext.clean_html(page) == "Привет мир, это статья о новостях.\n"


# --- over-deletion ---------------------------------------------------------------

CHROME_ONLY = "Hot Topics\n\nAdvertisement\n\nhttps://example.com/a\n"


def test_explain_flags_a_document_that_would_vanish():
    result = cleantext.Cleaner(lang="en").explain(CHROME_ONLY)
    assert result.text == ""
    assert any("over-deleted" in f for f in result.flags)


@pytest.mark.parametrize("mode,stdout_empty", [("flag", True), ("drop", True), ("keep", False)])
def test_cli_over_deletion_modes(tmp_path, mode, stdout_empty):
    f = tmp_path / "chrome.txt"
    f.write_text(CHROME_ONLY)
    res = run("--lang", "en", "--on-overdelete", mode, f)
    assert res.returncode == 0
    assert b"over-deleted" in res.stderr
    assert (res.stdout == b"") == stdout_empty
    if mode == "keep":
        assert b"Hot Topics" in res.stdout


def test_jsonl_bad_records_are_passed_on_not_lost(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": 1, "text": "Kiev is big."}\n{"id": 2}\nnot json\n{"id": 3, "text": "Fine."}\n')
    res = run("--input-format", "jsonl", corpus, "-q")
    assert res.returncode == 1
    lines = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert [r.get("id") for r in lines[:2]] == [1, 2] and lines[-1]["id"] == 3
    assert lines[0]["text_clean"] == "Kyiv is big.\n"
    assert "cleantext_error" in lines[1]
    assert b"c.jsonl:3" in res.stderr


# --- hostile rules -----------------------------------------------------------------

HOSTILE = ('[pack]\nlanguage = "*"\n[[rule]]\nid = "US666"\nname = "catastrophic"\n'
           'kind = "{kind}"\nwhy = "Backtracks forever."\npatterns = ["(a+)+$"]\n')
VICTIM = "This paragraph stays in the text.\n\n" + "a" * 30000 + "b\n\nHot Topics\n"


@pytest.mark.parametrize("kind", ["drop-line", "strip-inline"])
def test_catastrophic_user_pattern_is_stopped_reported_and_skipped(tmp_path, kind):
    pack = tmp_path / "hostile.toml"
    pack.write_text(HOSTILE.format(kind=kind))
    cleaner = cleantext.Cleaner(lang="en", rules=[pack])
    result = cleaner.explain(VICTIM)
    assert any("US666" in f and "timed out" in f for f in result.flags)
    assert "Hot Topics" not in result.text  # the other rules still ran
    assert "This paragraph stays in the text." in result.text
    with pytest.warns(cleantext.RuleTimeoutWarning, match="US666"):
        assert cleaner.clean(VICTIM) == result.text


def test_cli_reports_a_hostile_rule_and_goes_on(tmp_path):
    pack = tmp_path / "hostile.toml"
    pack.write_text(HOSTILE.format(kind="drop-line"))
    doc = tmp_path / "doc.txt"
    doc.write_text(VICTIM)
    res = run("--lang", "en", "--rules", pack, doc)
    assert res.returncode == 0
    assert b"US666" in res.stderr and b"timed out" in res.stderr
    assert res.stdout.startswith(b"This paragraph stays in the text.")
