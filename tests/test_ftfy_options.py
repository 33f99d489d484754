"""``Cleaner(ftfy=...)``: ftfy's settings, with defaults that never change meaning."""

import ftfy
import pytest

import cleantext
from cleantext import Cleaner

CJK = "中文（测试）！这是一个句子：好。"


def test_full_width_cjk_punctuation_is_kept_by_default():
    assert cleantext.clean(CJK) == CJK + "\n"


@pytest.mark.parametrize("option", [{"fix_character_width": True},
                                    ftfy.TextFixerConfig(fix_character_width=True)])
def test_ftfy_settings_can_be_given(option):
    assert "（" not in Cleaner(ftfy=option).clean(CJK)
    assert "（" not in cleantext.clean(CJK, ftfy=option)  # through the options cache


def test_unknown_ftfy_setting_is_refused():
    with pytest.raises(ValueError, match="unknown ftfy option"):
        Cleaner(ftfy={"fix_everything": True})
    with pytest.raises(TypeError):
        Cleaner(ftfy="yes")


def test_mojibake_of_a_ligature_is_repaired():
    assert cleantext.clean("The ï¬‚ow of water.") == "The flow of water.\n"


def test_whole_line_repair_of_cp1251_mojibake():
    broken = "Мэр Киева и губернатор области".encode().decode("cp1251")
    assert cleantext.clean(broken) == "Мэр Киева и губернатор области\n"
