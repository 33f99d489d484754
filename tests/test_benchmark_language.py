"""The language benchmark runs against the detector as it is (it once called a helper the
detector no longer has, and nothing noticed)."""

from benchmarks import language


def test_every_method_of_the_language_benchmark_answers_on_the_articles():
    docs = language.articles()
    assert docs
    for label, method in language.METHODS.items():
        answers, rate = language.measure(docs, method, repeat=1)
        assert len(answers) == len(docs) and rate > 0, label
        assert all(a is None or isinstance(a, str) for a in answers), label
    # plain langdetect names the language of a whole fixture article
    answers, _ = language.measure(docs, language.METHODS["langdetect"], repeat=1)
    assert sum(a == lang for a, (lang, _) in zip(answers, docs)) > len(docs) // 2


def test_the_language_benchmark_prints_its_three_tables(capsys):
    language.main(["--repeat", "1"])
    out = capsys.readouterr().out
    for name in ("paragraphs:", "samples:", "articles:"):
        assert name in out
