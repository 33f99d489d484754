"""The cheap gate in front of ftfy never skips a line ftfy would change, and the
legacy Cyrillic repair leaves clean text alone."""

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.stages import normalize as nf

WORDS = ["Москва", "Київ", "губернатор", "ёлка", "café", "naïve", "España", "Größe", "łódź",
         "«ТАСС»", "“quoted”", "l’homme", "—", "…", "№5", "€10", "10°C", "Ärger", "ﬂow",
         "über", "Ωμέγα", "中文（测试）", "plain", "text", "ÂÃÎÐ", "±²³"]
CODECS = ["cp1252", "latin-1", "cp1251", "iso-8859-15", "macroman", "cp437", "koi8_r", "cp866",
          "iso-8859-2", "cp1250"]


@st.composite
def broken_lines(draw):
    words = draw(st.lists(st.sampled_from(WORDS) | st.text(min_size=1, max_size=4), min_size=1,
                          max_size=8))
    line = " ".join(words)
    if draw(st.booleans()):
        codec = draw(st.sampled_from(CODECS))
        part = draw(st.sampled_from(["all", "some"]))
        target = line if part == "all" else words[0]
        broken = target.encode("utf-8", "surrogatepass").decode(codec, errors="replace")
        line = broken if part == "all" else line.replace(target, broken, 1)
    return line.replace("\n", " ")


@settings(max_examples=600, deadline=None)
@given(broken_lines())
def test_gate_lets_through_every_line_ftfy_changes(line):
    fixed = ftfy.fix_text(line, nf.DEFAULT_FTFY)
    if fixed != line and fixed != __import__("unicodedata").normalize("NFC", line):
        assert nf.may_change(line, nf.DEFAULT_FTFY)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40).map(lambda t: t.replace("\n", " ")))
def test_gate_on_any_text(line):
    fixed = ftfy.fix_text(line, nf.DEFAULT_FTFY)
    if fixed != line and fixed != __import__("unicodedata").normalize("NFC", line):
        assert nf.may_change(line, nf.DEFAULT_FTFY)


@pytest.mark.parametrize("text", [
    "Мэр Киева и губернатор области заявили сегодня — «ТАСС».",
    "Le président à Paris; España, Größe, łódź, à où été.",
    "┌──┐ │ ║═╗ ╔══╗ ░▒▓ █▄▌ table",
    "Ålesund ÆØÅ æøå Þú éé àà",
    "Цены: 10°C, ±2, №5, 1/2 — ок.",
])
def test_legacy_repair_leaves_clean_text_alone(text):
    assert nf.repair(text) == text
