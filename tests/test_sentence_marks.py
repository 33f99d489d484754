"""Scripts that end a sentence with a mark of their own (the danda of Hindi, Amharic's
full stop, ...) end sentences for every stage that asks: block scoring's terminal signal,
the truncate-after guard's prose, the tag-list stage's prose, the DOM stage's short
paragraph of prose.  Their commas
and semicolons go on with a sentence a link cut, as "," does (scripts without letter case
have no lower-case letter to tell the rest of a sentence).  Thai and Lao, which write a
space where a sentence ends, may end one at any letter."""

from __future__ import annotations

import pytest

import cleantext
from cleantext.io.html import _SENTENCE_END_RE
from cleantext.stages.blocks import ends_sentence, make_blocks
from cleantext.stages.markers import is_prose
from cleantext.stages.taglist import _is_prose as tag_list_prose
from cleantext.text.words import CLAUSE_COMMAS, CLAUSE_MARKS, SENTENCE_MARKS

# An Amharic news page as a scraper renders it: a menu, the headline, four paragraphs that
# end their sentences with "።", related links and a share bar.  No stoplist of Amharic ships,
# so block scoring tells prose by its length and its full stops.
AMHARIC_ARTICLE = [
    "አዲስ የመንገድ ግንባታ ፕሮጀክት ተጀመረ",
    "የኢትዮጵያ መንግስት በአዲስ አበባ ከተማ አዲስ የመንገድ ግንባታ ፕሮጀክት መጀመሩን ዛሬ አስታወቀ። "
    "ፕሮጀክቱ በሦስት ዓመታት ውስጥ ይጠናቀቃል ተብሎ ይጠበቃል።",
    "የትራንስፖርት ሚኒስትሩ በሰጡት መግለጫ እንደገለጹት መንገዱ የከተማዋን የትራፊክ መጨናነቅ ለመቀነስ ከፍተኛ "
    "አስተዋጽኦ ያደርጋል። ለግንባታው ከአምስት ቢሊዮን ብር በላይ ተመድቧል።",
    "የከተማዋ ነዋሪዎች ፕሮጀክቱን በደስታ ተቀብለውታል። ይሁን እንጂ አንዳንድ ነጋዴዎች በግንባታው ወቅት ሥራቸው "
    "ሊስተጓጎል ይችላል የሚል ስጋታቸውን ገልጸዋል።",
    "ሚኒስቴሩ በግንባታው ወቅት ለሚፈናቀሉ ነዋሪዎች ተገቢ ካሳ እንደሚከፈል አረጋግጧል። የፕሮጀክቱ የመጀመሪያ ምዕራፍ "
    "በሚቀጥለው ወር እንደሚጀመር ታውቋል።",
]
AMHARIC_MENU = ["መነሻ", "ዜና", "ፖለቲካ", "ኢኮኖሚ", "ስፖርት", "መዝናኛ", "ዓለም", "ቴክኖሎጂ", "ቪዲዮ", "ፎቶ"]
AMHARIC_TAIL = ["ተዛማጅ ዜናዎች", "የቡና ዋጋ ጨመረ", "አዲስ የባቡር መስመር", "አጋራ", "Facebook", "Twitter",
                "Telegram"]


def test_a_page_in_a_script_without_a_stoplist_keeps_its_article_and_loses_its_menus():
    page = "\n".join(AMHARIC_MENU + AMHARIC_ARTICLE + AMHARIC_TAIL)
    assert cleantext.clean(page) == "\n\n".join(AMHARIC_ARTICLE) + "\n"


HINDI = "सरकार ने बुनियादी ढांचे और शिक्षा पर खर्च बढ़ाने का फैसला किया है।"


@pytest.mark.parametrize("mark", list(SENTENCE_MARKS))
def test_each_mark_ends_a_sentence_for_every_stage(mark):
    line = HINDI[:-1] + mark
    assert ends_sentence(line) and ends_sentence(line + "”")
    assert is_prose(line) and tag_list_prose(line)
    assert _SENTENCE_END_RE.search(line)


def test_a_clause_without_its_mark_ends_no_sentence():
    assert not ends_sentence(HINDI[:-1]) and not is_prose(HINDI[:-1])


# A sentence in Arabic that a scraper cut at a link ("... in" / "Cairo" / ", that ..."), and one
# cut after its comma.
ARABIC_CUT = ["وقال وزير المالية في مؤتمر صحفي عقده في", "القاهرة",
              "، إن الهدف من هذه الموازنة هو دعم النمو."]
ARABIC_COMMA = ["وقال وزير المالية في مؤتمر صحفي،", "إن الهدف من هذه الموازنة هو دعم النمو."]


def test_a_sentence_of_a_script_without_case_cut_by_a_link_is_one_block():
    assert [(b.first, b.last) for b in make_blocks(ARABIC_CUT)] == [(0, 2)]
    assert [(b.first, b.last) for b in make_blocks(ARABIC_COMMA)] == [(0, 1)]


@pytest.mark.parametrize("mark", list(CLAUSE_MARKS))
def test_a_line_that_starts_with_a_clause_mark_goes_on(mark):
    lines = ["The first part of the sentence is long enough here", mark + " and it goes on."]
    assert [(b.first, b.last) for b in make_blocks(lines)] == [(0, 1)]


@pytest.mark.parametrize("comma", list(CLAUSE_COMMAS))
def test_a_line_that_ends_with_a_comma_goes_on(comma):
    lines = ["The first part of the sentence" + comma, "The rest of it."]
    assert [(b.first, b.last) for b in make_blocks(lines)] == [(0, 1)]


# An Arabic news page rendered to text, its sentences cut at their links (names of places and
# bodies): the menu, the article, related links and a share bar.
ARABIC_PAGE_ARTICLE = [
    "الحكومة تقر موازنة العام المقبل",
    "وافق مجلس الوزراء يوم الأربعاء في", "القاهرة",
    "، على مشروع الموازنة العامة للعام المقبل، والتي تتضمن زيادة في الإنفاق على", "التعليم",
    "والبنية التحتية بنسبة سبعة في المئة.",
    "وقال وزير المالية في مؤتمر صحفي عقده مع", "وكالة الأنباء",
    "، إن الهدف من هذه الموازنة هو دعم النمو الاقتصادي وخلق فرص عمل جديدة للشباب،",
    "خاصة في المناطق الريفية التي تعاني من نقص في الخدمات.",
    "ومن المقرر أن تحال الموازنة إلى", "البرلمان",
    "، الشهر المقبل لمناقشتها والتصويت عليها قبل نهاية العام.",
]
ARABIC_MENU = ["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة", "تكنولوجيا", "فيديو", "صور",
               "اتصل بنا"]
ARABIC_TAIL = ["أخبار ذات صلة", "ارتفاع أسعار الذهب اليوم", "افتتاح خط قطار جديد", "شارك", "Facebook",
               "Twitter"]


def test_an_arabic_article_cut_by_links_is_kept_whole():
    page = "\n".join(ARABIC_MENU + ARABIC_PAGE_ARTICLE + ARABIC_TAIL)
    # the last sentence's pieces go on with an Arabic comma and it ends: LY004 writes it as one
    # paragraph; the others end in the middle of a piece that starts with a letter (Arabic has
    # no lower case to show that it goes on), so their pieces stay as they are
    joined = ARABIC_PAGE_ARTICLE[-3] + " " + ARABIC_PAGE_ARTICLE[-2] + ARABIC_PAGE_ARTICLE[-1]
    assert cleantext.clean(page) == "\n\n".join(ARABIC_PAGE_ARTICLE[:-3] + [joined]) + "\n"


THAI = "นายกเทศมนตรีกล่าวว่า โครงการนี้เป็นส่วนหนึ่งของแผนลดปริมาณรถยนต์ในเขตเมืองเก่า"
LAO = "ລັດຖະບານໄດ້ປະກາດແຜນການໃໝ່ ເພື່ອພັດທະນາເສັ້ນທາງໃນເຂດຊົນນະບົດ"


@pytest.mark.parametrize("line", [THAI, LAO, THAI + "ๆ", THAI + "๚"],
                         ids=["thai", "lao", "thai-repetition-mark", "thai-section-mark"])
def test_a_line_that_ends_in_thai_or_lao_may_end_a_sentence(line):
    # those scripts end a sentence with a space, not a mark (see the catalogue page
    # thai_prose_without_sentence_marks)
    assert ends_sentence(line) and ends_sentence(line + "”")


@pytest.mark.parametrize("line", [THAI + " ๒๕๖๗", LAO + " ໒໐໒໔", THAI + " |"],
                         ids=["thai-digits", "lao-digits", "bar"])
def test_a_thai_or_lao_line_that_ends_in_a_digit_or_a_symbol_does_not(line):
    assert not ends_sentence(line)
