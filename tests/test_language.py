"""Language detection (fast path, then seeded langdetect) and per-language quotes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.lang import detect as lg
from cleantext.text.edits import splice
from cleantext.stages.normalize import fix_quotes, quote_changes

PARAGRAPHS = tomllib.loads(
    (Path(__file__).resolve().parent / "fixtures" / "languages" / "paragraphs.toml")
    .read_text(encoding="utf-8"))["paragraph"]


@pytest.mark.parametrize("para", PARAGRAPHS, ids=lambda p: f"{p['lang']}-{p['text'][:20]}")
def test_paragraph_language(para):
    assert lg.detect_language(para["text"]) == para["lang"]


def test_fast_path_is_never_wrong_and_settles_most():
    settled = [(p["lang"], lg.quick_detect(lg.sample(p["text"]))) for p in PARAGRAPHS]
    answered = [(want, got) for want, got in settled if got != lg.UNSURE]
    assert all(want == got for want, got in answered), [a for a in answered if a[0] != a[1]]
    assert len(answered) >= 0.7 * len(PARAGRAPHS)


def test_detection_is_deterministic():
    text = PARAGRAPHS[0]["text"] + " " + PARAGRAPHS[5]["text"]
    assert len({lg.detect_language(text) for _ in range(5)}) == 1
    assert len({lg.langdetect_language(text) for _ in range(5)}) == 1


def test_sample_is_bounded():
    text = ("Le conseil municipal a voté mardi la prolongation du bus de nuit.\n" * 500)
    assert len(lg.sample(text)) <= lg.SAMPLE_CHARS
    assert lg.detect_language(text) == "fr"


@pytest.mark.parametrize("text", ["", "12:30 — 14:00", "OK", "Foo Bar"])
def test_too_little_text_is_none(text):
    assert lg.detect_language(text) is None


def test_mixed_document_is_none():
    en = "The city council voted on Tuesday to extend the night bus service until the end of the year."
    ru = "Городской совет во вторник проголосовал за продление работы ночного автобуса до конца года."
    assert lg.detect_language(f"{en}\n{ru}") is None


@pytest.mark.parametrize("letters,expected", [
    ("іїєґ" * 3, {"uk"}),            # і ї є ґ: Ukrainian only
    ("ђћ" * 3, {"sr"}),
    ("ѓќѕ" * 3, {"mk"}),
    ("ыэё" * 3, {"ru", "be", "kk"}),
    ("ў" * 4, {"be"}),
])
def test_cyrillic_letters_rule_languages_out(letters, expected):
    from collections import Counter

    base = Counter("абвгдежзклмнопрстуфхцчш" * 10)  # no и: Belarusian lacks it
    base.update(letters)
    assert lg.letter_candidates(base, sum(base.values())) == expected


def test_scripts_settle_without_langdetect():
    assert lg.quick_detect("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ακρίβεια στα τρόφιμα.") == "el"
    assert lg.quick_detect("東京都は火曜日、深夜バスの運行を年末まで延長することを決めた。") == "ja"
    assert lg.quick_detect("市议会周二投票决定将夜间公交服务延长至年底，此前已有居民签名。") == "zh"


def test_names_cast_no_stopword_votes():
    # jusText's Finnish list holds English surnames; a roll of a match's scorers read as
    # Finnish while each name counted as a Finnish stopword
    roll = ("Noah Jackson 1 goal, 1 assist. Daniel Brown 2 goals. Christian Williams 1 goal. "
            "Jordan Johnson 1 assist. Howard Davis 3 saves. Neil Moore 1 goal.")
    prof = lg.profiles("Latin")
    assert {"jackson", "brown", "williams"} <= {w for w, votes in prof.votes.items()
                                                 if any(code == "fi" for code, _ in votes)}
    assert lg.quick_detect(roll) != "fi"
    # the same words written in lower case, inside sentences, still vote
    finnish = "Hän sanoi, että brown on väri ja että se ei ole nimi, vaan sana jota käytetään."
    assert lg.quick_detect(finnish) == "fi"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(PARAGRAPHS), st.lists(st.sampled_from(lg._QUOTES), min_size=1, max_size=12),
       st.randoms(use_true_random=False))
def test_samples_that_differ_only_in_quotes_read_the_same(para, quotes, rnd):
    # The cleaner does not read the language of its output again when its sample differs
    # from the page's only in quotation marks (the typographic quotes it wrote): both
    # readers, the fast path and langdetect, must then give the same answer.
    words = para["text"].split(" ")
    for quote in quotes:
        k = rnd.randrange(len(words))
        words[k] = quote + words[k] if rnd.random() < 0.5 else words[k] + quote
    quoted = " ".join(words)
    chunk = lg.sample(quoted)
    plain = chunk.translate(str.maketrans(lg._QUOTES, "'" * len(lg._QUOTES)))
    assert lg.same_reading(chunk, plain)
    assert lg.quick_detect(chunk) == lg.quick_detect(plain)
    assert lg.langdetect_language(chunk) == lg.langdetect_language(plain)
    assert not lg.same_reading(chunk, plain + "x")


def test_stopword_profiles_come_from_the_shipped_stoplists():
    from cleantext.lang.stoplists import stoplist_by_name, stoplist_folder

    prof = lg.profiles("Latin")
    assert "und" in prof.votes and "und" in stoplist_by_name("German")
    assert stoplist_folder().parent == Path(lg.__file__).resolve().parent
    assert all(code in lg.CANDIDATES["Latin"] for votes in prof.votes.values() for code, _ in votes)


def test_every_named_stoplist_is_shipped_and_nothing_else():
    from cleantext.lang.stoplists import STOPLISTS, stoplist_by_name, stoplist_folder

    named = set(STOPLISTS.values())
    assert {code for codes in lg.CANDIDATES.values() for code in codes} <= set(STOPLISTS)
    shipped = {p.stem for p in stoplist_folder().glob("*.txt")}
    assert named == shipped
    assert all(stoplist_by_name(name) for name in named)
    assert (stoplist_folder() / "LICENSE.justext").read_text(encoding="utf-8").count("Jan Pomikalek") == 1
    with pytest.raises(ValueError):
        stoplist_by_name("Klingon")


def test_lang_option_overrides_detection():
    text = PARAGRAPHS[0]["text"]
    assert cleantext.Cleaner(lang="de").explain(text).language == "de"


# --- quotes ----------------------------------------------------------------------

TYPOGRAPHIC = [
    ("en", 'He said "yes" and «no». It\'s the students\' plan.',
     "He said “yes” and “no”. It’s the students’ plan."),
    ("de", 'Er sagte: "Ja, das ist \'sein\' Plan" und »nein«.',
     "Er sagte: „Ja, das ist ‚sein‘ Plan“ und „nein“."),
    ("fr", "Il a dit « oui » et \"non\". L'homme est parti.",
     "Il a dit «\u202foui\u202f» et «\u202fnon\u202f». L’homme est parti."),
    ("ru", 'Он сказал: "Это "Газпром", а не «Роснефть»".',
     "Он сказал: «Это „Газпром“, а не „Роснефть“»."),
    ("uk", "Він сказав: “Так” і п'ять разів “ні”.", "Він сказав: «Так» і п’ять разів «ні»."),
    ("bg", "Той каза: “Да”.", "Той каза: «Да»."),
    ("pl", "Powiedział: \"tak\" i «nie».", "Powiedział: „tak” i „nie”."),
    ("es", 'Dijo: "sí, el "plan" sigue".', "Dijo: «sí, el “plan” sigue»."),
    ("it", "Ha detto: “sì” all'accordo.", "Ha detto: «sì» all’accordo."),
    ("pt", 'Disse: "sim".', "Disse: «sim»."),
    (None, 'He said "yes".', "He said “yes”."),
]


@pytest.mark.parametrize("lang,text,expected", TYPOGRAPHIC, ids=[str(t[0]) for t in TYPOGRAPHIC])
def test_typographic_quotes_follow_the_language(lang, text, expected):
    assert fix_quotes(text, "typographic", lang) == expected
    assert splice(text, quote_changes(text, "typographic", lang)) == expected


@pytest.mark.parametrize("text,expected", [
    ("„Ja“, ‚nein‘ und »vielleicht«.", "\"Ja\", 'nein' und \"vielleicht\"."),
    ("Il a dit « oui » et «\u202fnon\u202f».", 'Il a dit "oui" et "non".'),
    ("Он сказал: «Это „Газпром“».", 'Он сказал: "Это "Газпром"".'),
    ("„Tak”, powiedział. It’s l’homme.", "\"Tak\", powiedział. It's l'homme."),
])
def test_ascii_quotes_for_every_habit(text, expected):
    assert fix_quotes(text, "ascii") == expected
    assert splice(text, quote_changes(text, "ascii")) == expected


def test_cleaner_uses_the_detected_language_for_quotes():
    text = ("Der Stadtrat hat am Dienstag beschlossen, den Nachtbus bis zum Jahresende weiter fahren "
            'zu lassen. "Das ist ein guter Tag für die Stadt", sagte der Bürgermeister.\n')
    cleaner = cleantext.Cleaner(quotes="typographic", builtin_names=False)
    result = cleaner.explain(text)
    assert result.language == "de"
    assert "„Das ist ein guter Tag für die Stadt“" in result.text
    assert cleaner.clean(text) == result.text
    assert cleantext.replay(text, result.changes) == result.text
    assert cleaner.clean(result.text) == result.text


def test_french_typographic_quotes_are_idempotent():
    text = ("Le conseil municipal a voté mardi la prolongation du bus de nuit jusqu'à la fin de "
            "l'année. « C'est une bonne nouvelle », a dit le maire.\n")
    cleaner = cleantext.Cleaner(quotes="typographic", builtin_names=False)
    once = cleaner.clean(text)
    assert "«\u202fC’est une bonne nouvelle\u202f»" in once
    assert cleaner.clean(once) == once
    assert cleaner.explain(text).text == once


def test_the_sample_counts_characters_of_unspaced_scripts_as_words():
    # Clauses of Chinese are one or two space-separated tokens each; the menu line has
    # more tokens but is not the article.
    text = "\n".join(["首頁 | 相簿 | 部落格 | 留言 | 名片",
                      "低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣",
                      "第二次造訪美樹發現到營區變了 印象中以前生冷招牌換成了木頭招牌"])
    assert "低溫寒流報到" in lg.sample(text)
    assert lg.detect_language(text) == "zh"


def test_ngram_table_reads_as_langdetects_own():
    """The n-gram table made on demand answers as the one langdetect builds up front:
    the same languages in the same columns, the same n-grams, the same rows."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    own = DetectorFactory()
    own.load_profile(PROFILES_DIRECTORY)
    languages, table = lg._load_profiles(PROFILES_DIRECTORY)
    assert languages == own.langlist
    assert all(ngram in table for ngram in own.word_lang_prob_map)
    assert "not an n-gram of any profile" not in table
    for ngram, row in own.word_lang_prob_map.items():
        assert table[ngram] == row, ngram


def test_a_page_read_in_the_wrong_language_is_cleaned_again_from_its_start(monkeypatch):
    # Chrome in a third language can outweigh the article in the sample (an English theme's
    # comments and boxes on a Russian page): here the first reading says English. English
    # stopwords find no prose in the Russian article, and the page as a whole is taken to read
    # as no language (so block scoring does not read the article's sentences as the page's
    # own language, see test_blocks), so the first pass keeps only the byline's list items;
    # its output reads as Russian. The page is then cleaned again from its start in Russian
    # (not its first output, which has lost the article), and the result is what a clean in
    # Russian gives: the article, idempotent, its trace replaying.
    from cleantext import cleaner as cleaner_module
    from cleantext.stages import blocks as blocks_module

    article = ["Городской совет во вторник решил отремонтировать старый мост через реку до начала "
               "зимы, после того как проверка обнаружила трещины в двух его арках.",
               "По словам инженеров, ремонт обойдётся примерно в четыре миллиона рублей и займёт "
               "не меньше полугода, а движение машин на это время закроют.",
               "Жители соседних сёл говорят, что давно ждали ремонта, потому что объезд через горы "
               "занимает почти час и зимой часто бывает закрыт."]
    menu = ["Главная", "Новости", "Политика", "Экономика", "Общество", "Культура", "Спорт", "Погода"]
    text = "\n".join([*menu, "Мост отремонтируют до зимы", "- Автор: Иван Петров", "- Рубрика: Город",
                      *article, "Все права защищены"]) + "\n"
    monkeypatch.setattr(blocks_module, "language_of_sample", lambda chunk: None)
    assert not any(line in cleantext.Cleaner(lang="en").clean(text) for line in article)
    real, calls = cleaner_module.language_of_sample, []

    def first_reading_english(chunk: str) -> str | None:
        calls.append(chunk)
        return "en" if len(calls) == 1 else real(chunk)

    monkeypatch.setattr(cleaner_module, "language_of_sample", first_reading_english)
    result = cleantext.Cleaner().explain(text)
    monkeypatch.undo()
    assert len(calls) > 1
    assert result.language == "ru"
    assert result.text == cleantext.Cleaner(lang="ru").clean(text)
    assert all(line in result.text for line in article)
    assert cleantext.replay(text, result.changes) == result.text
    assert cleantext.clean(result.text) == result.text



def test_a_page_emptied_in_its_chrome_s_language_is_cleaned_in_its_other_script_s():
    # English chrome lines hold fewer words per character than Chinese ones, so on a Chinese
    # page with an English consent panel, menu, share bar, related box, ad break and comments
    # they fill the language sample (readability's qq and hukumusume under
    # benchmarks/perturb.py's all-chrome change): the page reads as English. English stopwords
    # find no prose in the Chinese article, which goes; so do the English boxes, by their
    # rules, and "10" is left: an output of no language, after the page was emptied. The page
    # is then cleaned again from its start in the language of its lines in the other script,
    # and the result is what a clean in Chinese gives: the article, idempotent, its trace
    # replaying.
    consent = ("We use cookies and similar technologies to recognize your repeat visits and "
               "preferences, as well as to measure the effectiveness of campaigns and analyze "
               "traffic. By clicking I Accept on this banner, or using our site, you consent to "
               "the use of cookies unless you have disabled them.")
    sections = ["World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Travel",
                "Style", "Food"]
    menu = [sections[i % 10] + ("" if i < 10 else " " + sections[(i * 7 + 3) % 10]) for i in range(60)]
    menu += ["新闻", "体育", "财经", "科技", "娱乐", "汽车", "房产", "教育", "健康", "旅游", "游戏", "视频"]
    related = ["Related Articles", "Council approves new budget for the harbour",
               "The vote came after a long debate about the cost of repairs.",
               "Ferry service to resume after the storm",
               "Crossings will run on the summer timetable from Monday.",
               "Fishermen protest new quotas at the port",
               "Hundreds of boats stayed in the harbour on Friday."]
    comments = ["3 Comments"]
    for name, said in (("Maria", "I read this twice and I still do not see why the council waited "
                                 "so long to act on the reports."),
                       ("John D.", "Great article, thanks for writing it, I shared it with my "
                                   "neighbours who were at the meeting."),
                       ("Ana", "The same thing happened in our town last year and nobody was ever "
                               "held to account for it.")):
        comments += [name, "November 3, 2019 at 4:12 pm", said, "Reply"]
    article = ["在2014年收购的人工智能公司DeepMind开发出一款能够用自己的记忆学习新知识并利用这些知识来回答问题的计算机。",
               "这款产品具有极其重要的意义，因为这意味着未来的人工智能技术可能不需要人类来教它就能回答人类提出的问题。",
               "DeepMind表示，这款名为DNC的AI模型可以接受家谱和伦敦地铁网络地图这样的信息，还可以回答复杂问题。",
               "例如，它可以回答从邦德街开始沿着中央线坐一站然后转线坐两站，你会到达哪个站这样的问题。",
               "DeepMind称，DNC还可以帮你规划从沼泽门到皮卡迪利广场的最佳路线。",
               "DNC建立在神经网络的概念之上，神经网络可以模拟人类思想活动的方式。这种AI技术很适合与机器习得配套使用。"]
    text = "\n".join(["DeepMind新电脑已可利用记忆自学_科技_新闻网", consent, "I Accept", *menu, "10",
                      "DeepMind新电脑已可利用记忆自学", "2016年10月14日07:17", "Share on Facebook",
                      "Share on Twitter", "Email", "Print", *article[:3], *related, *article[3:],
                      "Advertisement", "Story continues below advertisement", *comments]) + "\n"
    assert lg.detect_language(text) == "en"
    assert cleantext.Cleaner(lang="en").clean(text).split() == ["10"]
    result = cleantext.explain(text)
    assert result.language == "zh"
    assert result.text == cleantext.Cleaner(lang="zh").clean(text)
    assert all(line in result.text for line in article)
    assert cleantext.replay(text, result.changes) == result.text
    assert cleantext.clean(result.text) == result.text
    # the lines in another script than the sample's; none: no language to try
    assert lg.other_script_language(text, lg.sample(text)) == "zh"
    assert lg.other_script_language("\n".join(sections), consent) is None


def test_the_language_is_that_of_most_of_the_prose_not_of_its_longest_lines():
    """Another story in English after a Japanese article (a site that writes the next
    story into the page): its lines are the longest in characters but hold fewer words
    than the article's (two characters of Japanese count as a word), so the sample reads
    the article's lines and the page is Japanese (a page of two writings about as long stays
    mixed: :func:`test_mixed_document_is_none`)."""
    article = ["市議会は木曜日の夜、冬の嵐で大きく壊れた古い港の防波堤を作り直す計画を賛成多数で可決した。",
               "計画では壊れた部分をより高いコンクリートの壁に置き換え、表面を地元の石で仕上げることになっている。",
               "技術者によると、工事にはおよそ一年半かかり、費用の大半は沿岸防護のための地域の基金でまかなわれる。",
               "漁業者の何人かは、新しい壁のせいで小さな船が荒れた天気の日に港に入りにくくなると反対した。",
               "市長は会議のあとで、住民の意見を聞きながら設計を少しずつ見直していくつもりだと記者団に語った。",
               "工事は来年の春に始まる予定で、その間も港の一部はこれまでどおり漁船のために開けておかれる。",
               "港の近くに住む人たちは、去年の冬のように道路が水につかることがなくなると期待を寄せている。",
               "一方で、石の仕上げに使う材料をどこから運ぶのかについては、まだ決まっていないという。"]
    story = ["The town council voted on Thursday evening to rebuild the sea wall that protects the "
             "old harbour, ending a debate that had divided residents since the winter storms.",
             "The plan, which passed by nine votes to four, will replace the damaged stretch with a "
             "higher concrete wall faced in local stone and raise the quay by half a metre.",
             "Engineers told the meeting that the work would take about eighteen months and would "
             "cost a little over twelve million, most of it paid for by a regional fund."]
    text = "\n".join(["港の防波堤、作り直しへ", *article, "Harbour town votes to rebuild its sea wall", *story])
    chunk = lg.sample(text)
    assert all(line in chunk for line in article) and not any(line in chunk for line in story)
    assert lg.detect_language(text) == "ja"
    assert cleantext.explain(text).language == "ja"
