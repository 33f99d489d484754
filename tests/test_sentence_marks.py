"""Scripts that end a sentence with a mark of their own (the danda of Hindi, Amharic's
full stop, ...) end sentences for every stage that asks: block scoring's terminal signal,
the truncate-after guard's prose, the DOM stage's short paragraph of prose."""

from __future__ import annotations

import pytest

import cleantext
from cleantext.io.html import _SENTENCE_END_RE
from cleantext.stages.blocks import ends_sentence
from cleantext.stages.markers import is_prose
from cleantext.text.words import SENTENCE_MARKS

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
    assert is_prose(line)
    assert _SENTENCE_END_RE.search(line)


def test_a_clause_without_its_mark_ends_no_sentence():
    assert not ends_sentence(HINDI[:-1]) and not is_prose(HINDI[:-1])
