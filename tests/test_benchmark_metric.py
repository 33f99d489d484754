"""Unit tests of the scrapinghub benchmark metric (benchmarks/scrapinghub.py)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make `benchmarks` importable

from benchmarks.scrapinghub import (  # noqa: E402
    Scores, aggregate, full_page_text, shingle_scores, shingles, tokenize,
)

GOLD = "the quick brown fox jumps over the lazy dog"  # 9 tokens, 6 shingles


def test_tokens_are_unicode_word_runs():
    assert tokenize("Ça va? l'été—2024, naïve_x") == ["Ça", "va", "l", "été", "2024", "naïve_x"]


def test_identical_text_scores_one():
    assert shingle_scores(GOLD, GOLD) == Scores(1.0, 0.0, 0.0)
    assert aggregate([shingle_scores(GOLD, GOLD)]) == (1.0, 1.0, 1.0)


def test_punctuation_and_spacing_do_not_matter():
    assert shingle_scores("The quick, brown fox!\njumps", "The quick brown fox jumps").tp == 1.0


def test_disjoint_text_scores_zero():
    scores = shingle_scores("alpha beta gamma delta epsilon", GOLD)
    assert scores == Scores(0.0, 2 / 8, 6 / 8)
    assert aggregate([scores]) == (0.0, 0.0, 0.0)


def test_partial_overlap_by_hand():
    # Gold shingles: the-quick-brown-fox, quick-brown-fox-jumps, brown-fox-jumps-over,
    # fox-jumps-over-the, jumps-over-the-lazy, over-the-lazy-dog.
    # The output shares the first four and adds jumps-over-the-red, over-the-red-cat:
    # tp 4, fp 2, fn 2, normalised by 8.
    output = "the quick brown fox jumps over the red cat"
    tp, fp, fn = shingle_scores(output, GOLD)
    assert (tp, fp, fn) == pytest.approx((4 / 8, 2 / 8, 2 / 8))
    precision, recall, f1 = aggregate([Scores(tp, fp, fn)])
    assert (precision, recall, f1) == pytest.approx((4 / 6, 4 / 6, 4 / 6))


def test_repeated_shingles_count_as_a_multiset():
    gold = "a b c d"                      # one shingle (a b c d)
    output = "a b c d a b c d"            # (a b c d) twice + 3 others
    assert shingles(output)[("a", "b", "c", "d")] == 2
    tp, fp, fn = shingle_scores(output, gold)
    assert (tp, fp, fn) == pytest.approx((1 / 5, 4 / 5, 0.0))


def test_text_shorter_than_four_tokens_is_one_short_shingle():
    assert shingles("hello world") == {("hello", "world"): 1}
    assert shingle_scores("hello world", "hello world") == Scores(1.0, 0.0, 0.0)
    # A short text shares nothing with a longer one starting the same way.
    assert shingle_scores("hello world", "hello world again today").tp == 0.0


def test_empty_output_lowers_recall_but_is_left_out_of_precision():
    empty = shingle_scores("", GOLD)
    assert empty == Scores(0.0, 0.0, 1.0)
    assert shingle_scores(None, "") == Scores(0.0, 0.0, 0.0)
    precision, recall, _ = aggregate([empty, shingle_scores(GOLD, GOLD)])
    assert precision == 1.0      # only the page with output counts for precision
    assert recall == 0.5


def test_pages_weigh_the_same_whatever_their_length():
    long_gold = " ".join(f"w{i}" for i in range(1000))
    pages = [shingle_scores(GOLD, GOLD), shingle_scores("", long_gold)]
    assert aggregate(pages)[1] == 0.5


def test_full_page_text_recipe():
    html = ("<html><head><title>T</title><style>p{}</style></head><body>"
            "<script>var x;</script><noscript>JS off</noscript><template>tpl</template>"
            "<p>  One   two\t three </p>\n\n<div>Four<br>five</div></body></html>")
    assert full_page_text(html.encode("utf-8")) == "T\nOne two three\nFour\nfive"


def test_no_class_names_removes_every_class_and_id_and_keeps_the_text():
    from benchmarks.quality import without_class_names
    from benchmarks.scrapinghub import Page

    html = (b"<div class=\"sidebar\" id='side'><p CLASS=related data-x=\"class=keep\">Link</p></div>"
            b"<article id=post-1 class = 'entry content'><p>Body text, with a class=word in it.</p>"
            b"</article><img src=x.png alt='a id=b'/>")
    page = without_class_names(Page("p", html, "gold"))
    assert page.html == (b"<div><p data-x=\"class=keep\">Link</p></div>"
                         b"<article><p>Body text, with a class=word in it.</p></article>"
                         b"<img src=x.png alt='a id=b'/>")
    assert page.id == "p" and page.gold == "gold"


def test_plain_markup_writes_a_page_without_semantic_markup_and_keeps_the_text():
    from benchmarks.quality import plain_markup
    from benchmarks.scrapinghub import Page

    html = (b"<header role=banner><nav aria-label='Main' data-menu=1>Home</nav></header>"
            b"<main id=content><article itemscope itemtype='https://schema.org/Article'>"
            b"<section class=body itemprop=articleBody><p aria-hidden=\"true\">Hidden</p>"
            b"<p title='role=x'>Body, with role=word and <b>article</b> tags named.</p></section>"
            b"</article></main><aside>Side</aside><footer>Foot</footer><mainly>m</mainly>")
    page = plain_markup(Page("p", html, "gold"))
    assert page.html == (b"<div><div>Home</div></div>"
                         b"<div><div>"
                         b"<div><p aria-hidden=\"true\">Hidden</p>"
                         b"<p title='role=x'>Body, with role=word and <b>article</b> tags named.</p></div>"
                         b"</div></div><div>Side</div><div>Foot</div><mainly>m</mainly>")
    assert page.id == "p" and page.gold == "gold"


def test_each_track_gets_its_own_input():
    # html systems get the page, text systems its full-page text, gold systems the gold text
    from benchmarks import quality
    from benchmarks.scrapinghub import Page

    html = (b"<html><body><nav>Home</nav><p>The council approved the budget for the new bridge "
            b"on Tuesday after a long debate.</p></body></html>")
    gold = "The council approved the budget for the new bridge on Tuesday after a long debate."
    quality.init_worker(["full-text", "cleantext-gold-article", "cleantext-html"])
    result = quality.evaluate_page(Page("p", html, gold), "set")
    recall = {key: quality.page_recall(outcome.scores) for key, outcome in result.outcomes.items()}
    assert recall["cleantext-gold-article"] == 1.0
    assert recall["cleantext-html"] == 1.0
    assert quality.page_precision(result.outcomes["full-text"].scores) < 1.0  # "Home" is in it
