"""One decoding path for files and pages: legacy code pages, BOM-less UTF-16,
stray cp1252 bytes, binary formats; lone surrogates."""

import json

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleantext
from cleantext.io import files
from cleantext.io.files import InputError, decode_bytes, has_surrogates, replace_surrogates

TEXTS = {
    "ru": "Как сообщает «ТАСС», мэр Киева и губернатор области заявили сегодня о новых мерах "
          "поддержки жителей. Ещё одна фраза — для длины.",
    "uk": "Як повідомляє «Укрінформ», міський голова Києва заявив, що ґанок її будинку "
          "відремонтують. Це є добра новина.",
    "fr": "Le président de la République française a déclaré à la presse : « Nous irons là-bas. » "
          "Élisabeth a répondu où ça.",
    "es": "El presidente de España dijo que mañana habrá reunión en Córdoba. ¿Quién sabe qué pasará?",
    "de": "Der Präsident äußerte sich über die Größe der Straße in München. Übrigens: schön.",
}
ENCODINGS = {
    "ru": ["cp1251", "koi8_r", "cp866", "utf-16-le", "utf-16-be"],
    "uk": ["cp1251", "koi8_u", "utf-16-le"],
    "fr": ["latin-1", "cp1252", "utf-16-le"],
    "es": ["latin-1", "cp1252", "utf-16-le"],
    "de": ["latin-1", "cp1252", "utf-16-le"],
}
CASES = [(lang, enc, size) for lang, encs in ENCODINGS.items() for enc in encs
         for size in ("short", "sentence", "long")]


def _sample(lang: str, enc: str, size: str) -> str:
    text = TEXTS[lang]
    if enc in ("koi8_r", "koi8_u", "cp866"):  # no guillemets in these code pages
        text = text.replace("«", '"').replace("»", '"').replace("—", "-")
    if size == "short":
        return " ".join(text.split()[:2])
    if size == "sentence":
        return text.split(". ")[0] + "."
    return "\n".join([text] * 40)


@pytest.mark.parametrize("lang,enc,size", CASES)
def test_legacy_files_decode_right(lang, enc, size):
    text = _sample(lang, enc, size)
    assert decode_bytes(text.encode(enc)).text == text


@pytest.mark.parametrize("lang,enc", [(lang, enc) for lang, encs in ENCODINGS.items()
                                      for enc in encs if not enc.startswith("utf-16")])
def test_legacy_pages_decode_right(lang, enc):
    text = _sample(lang, enc, "sentence")
    page = (f'<html><head><meta charset="{enc}"></head><body><article><p>{text}</p>'
            f"<p>{text}</p></article></body></html>").encode(enc)
    assert text in cleantext.Cleaner().extract_html(page).text


def test_cp1251_with_uppercase_before_guillemet_is_not_utf8_with_stray_bytes():
    text = "Как сообщает «ТАСС», губернатор приехал."
    assert decode_bytes(text.encode("cp1251")).text == text


def test_utf8_with_stray_cp1252_punctuation():
    data = "Le café “ouvert” — oui".encode("utf-8").replace("“".encode(), b"\x93")
    assert decode_bytes(data).text == "Le café “ouvert” — oui"


@pytest.mark.parametrize("data", [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"\x89PNG\r\n\x1a\n\x00\x00",
                                  b"PK\x03\x04\x14\x00\x06\x00", b"\xff\xd8\xff\xe0\x00\x10JFIF",
                                  b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", b"\x1f\x8b\x08\x00"])
def test_binary_formats_are_refused_on_every_path(data):
    with pytest.raises(InputError):
        decode_bytes(data)
    with pytest.raises(InputError):
        cleantext.clean_html(data)


def test_pdf_saved_as_html_is_refused_by_the_command(tmp_path, capsys):
    from cleantext.run.cli import main

    path = tmp_path / "page.html"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>>\n")
    assert main([str(path)]) != 0
    captured = capsys.readouterr()
    assert "PDF" in captured.err and "\ufffd" not in captured.out


def test_replace_surrogates():
    assert replace_surrogates("a\ud83d\ude00b\ud800c") == "a😀b\ufffdc"


# (built from a list: hypothesis's text strategy leaves surrogates out of any alphabet)
_SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"], codec=None)


@given(st.lists(st.one_of(st.characters(), _SURROGATES), max_size=40).map("".join), st.integers(1, 8))
def test_has_surrogates_is_the_character_class(text, piece):
    """The encoder's answer, read in pieces of any size (a pair cut between two pieces
    included), is the search for a surrogate code point."""
    want = re.search("[\ud800-\udfff]", text) is not None
    assert has_surrogates(text) is want
    saved = files._SURROGATE_SCAN
    files._SURROGATE_SCAN = piece
    try:
        assert has_surrogates(text) is want
    finally:
        files._SURROGATE_SCAN = saved


def test_lone_surrogate_keeps_what_follows():
    tail = "and the article goes on after it with many more words."
    assert "\ud800" not in cleantext.clean("Before \ud800 " + tail)
    assert tail in cleantext.clean("Before \ud800 " + tail)
    page = f"<html><body><article><p>Before the surrogate \ud800 {tail}</p><p>{tail}</p></article></body></html>"
    out = cleantext.clean_html(page)
    assert "\ufffd" in out and out.count(tail) == 2


def test_jsonl_with_lone_surrogates_loses_no_record(tmp_path):
    from cleantext.run.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "First \\ud800 record with enough words to keep.", "id": "\\udc00"}\n'
                   '{"text": "Second record also has enough words to keep."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["--jsonl", str(src), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2
    assert records[0]["text_clean"].startswith("First \ufffd record")
    assert records[0]["id"] == "\ufffd"


def test_cp1252_wins_over_a_code_page_whose_letters_are_its_quotes_dashes_and_spaces():
    """English in windows-1252 that detection reads as another code page: its apostrophes,
    dashes and ellipses inside words are cp1252's punctuation (a DOS code page's letters
    there are no evidence), and a no-break space between words is no letter of cp1250."""
    from cleantext.io.files import _prefer_cp1252

    english = "Weizsäcker’s son—a doctor—said so…well, at the clinic."
    data = english.encode("cp1252")
    assert _prefer_cp1252(data, data.decode("cp852")) == english  # "WeizsńckerĹs sonŚa ..."
    menu = "Join\u00a0our club: ½ cup of rice, a crème brûlée."
    data = menu.encode("cp1252")
    assert _prefer_cp1252(data, data.decode("cp1250")) == menu  # "crčme", "Join our" alike
    polish = "Zażółć gęślą jaźń, żółw".encode("cp1250")  # "Za¿ó³æ": cp1250's letters
    assert _prefer_cp1252(polish, polish.decode("cp1250")) is None
