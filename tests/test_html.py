"""HTML to text lines: list items, data tables, chrome by class/id, deep trees."""

from __future__ import annotations

import pytest

from cleantext.io.html import extract


def html_to_text(html: str | bytes) -> str:
    """The visible text of an HTML page's article, one block element per line."""
    return extract(html).text


def _page(body: str) -> str:
    return f"<html><head><title>t</title></head><body>{body}</body></html>"


def test_list_items_with_text_are_marked_and_link_lists_are_not():
    text = html_to_text(_page(
        "<article><p>First paragraph, with words.</p><ul><li>Two eggs, <b>boiled</b></li>"
        "<li><a href='/x'>Only a link</a></li><li><p>Item in a paragraph</p></li></ul>"
        "</article>"))
    assert text.splitlines() == ["First paragraph, with words.", "- Two eggs, boiled",
                                 "Only a link", "- Item in a paragraph"]


def test_data_table_rows_are_one_line_each_and_layout_tables_are_not():
    text = html_to_text(_page(
        "<article><p>Standings after the match, as follows.</p><table>"
        "<tr><th>Pos</th><th>Team</th><th>Pts</th></tr>"
        "<tr><td>1</td><td>Rovers <a href='/r'>FC</a></td><td>30</td></tr></table>"
        "<table><tr><td><p>A layout cell paragraph.</p><p>Another one.</p></td></tr></table>"
        "</article>"))
    assert text.splitlines() == ["Standings after the match, as follows.", "| Pos | Team | Pts",
                                 "| 1 | Rovers FC | 30", "A layout cell paragraph.",
                                 "Another one."]


def test_chrome_by_class_is_dropped_outside_the_article():
    text = html_to_text(_page(
        "<div class='sidebar'><p>Popular now</p></div><article><p>Body text here.</p>"
        "</article><div id='comments'><p>Nice post!</p></div>"))
    assert text.splitlines() == ["Body text here."]


def test_chrome_words_glued_to_furniture_words_are_read():
    """``jp-relatedposts``, ``navbox-list``, ``commentform``: a chrome word written
    together with words of page furniture names chrome as ``related-posts`` would;
    a word that only begins like one (``commentary``) or glues a content word to
    furniture (``textwidget``) names nothing."""
    from cleantext.io.html import CHROME_HINTS, _hint_words

    for value, word in (("jp-relatedposts", "related"), ("navbox-list", "nav"),
                        ("commentform", "comment"), ("recentcomments", "comments"),
                        ("sharebtn", "share"), ("relatedarticleslistitem", "related")):
        assert word in _hint_words(value), value
    for value in ("commentary", "textwidget", "socialite", "navigator", "shared", "tagline"):
        assert not _hint_words(value) & CHROME_HINTS - {value}, value
    text = html_to_text(_page(
        "<article><p>Body text here, long enough to be a paragraph of prose.</p>"
        "<div class='jp-relatedposts'><p>Another story you may like, with a summary.</p></div>"
        "<div class='commentary'><p>A commentary paragraph, part of the article.</p></div>"
        "</article>"))
    assert text.splitlines() == ["Body text here, long enough to be a paragraph of prose.",
                                 "A commentary paragraph, part of the article."]


def test_deep_tree_keeps_its_text():
    text = html_to_text("<html><body>" + "<div>" * 5000 + "<p>Deep text.</p>"
                        + "</div>" * 5000 + "</body></html>")
    assert "Deep text." in text


_PROSE = ("The council met on Tuesday evening to discuss the new budget, which raises spending "
          "on schools, roads and parks by a tenth over last year's plan. ")


def _paragraphs(n: int, prefix: str = "") -> str:
    return "".join(f"<p>{prefix}{i} {_PROSE}</p>" for i in range(n))


def test_a_teaser_article_loses_to_the_real_body():
    text = html_to_text(_page(
        "<article class='teaser'><p>Teaser: a short summary of another story, with a comma.</p>"
        "</article><div class='story-body'>" + _paragraphs(5, "Body ") + "</div>"))
    assert "Teaser" not in text
    assert text.count("Body ") == 5


def test_a_sidebar_of_links_is_not_the_article():
    links = "".join(f"<li><a href='/s{i}'>Another story headline number {i}, read it</a></li>"
                    for i in range(30))
    text = html_to_text(_page(
        f"<div><ul>{links}</ul></div><div class='main'>{_paragraphs(3, 'Body ')}</div>"))
    assert "Another story" not in text
    assert text.count("Body ") == 3


def test_a_comment_section_is_removed_even_when_longer_than_the_article():
    comments = "".join(f"<div class='comment-body'><p>Reader {i}: {_PROSE}</p></div>"
                       for i in range(8))
    text = html_to_text(_page(
        f"<div class='entry'>{_paragraphs(3, 'Body ')}</div>"
        f"<section id='comments'>{comments}</section>"))
    assert "Reader" not in text
    assert text.count("Body ") == 3


def test_a_wrapper_named_after_the_sidebar_it_holds_is_not_chrome():
    text = html_to_text(_page(
        f"<div class='content-with-sidebar'><div class='col'>{_paragraphs(4, 'Body ')}</div>"
        "<div class='sidebar'><p>Most read: a list of things, with commas, to click.</p></div>"
        "</div>"))
    assert text.count("Body ") == 4
    assert "Most read" not in text


def test_an_article_cut_into_chunks_is_kept_whole():
    text = html_to_text(_page(
        "<div class='story'><div class='chunk'>" + _paragraphs(4, "First ") + "</div>"
        "<figure><figcaption>A picture</figcaption></figure>"
        "<div class='ad-slot'><p>Advertisement</p></div>"
        "<div class='chunk'>" + _paragraphs(3, "Second ") + "</div></div>"))
    assert text.count("First ") == 4 and text.count("Second ") == 3


def test_json_ld_article_body_replaces_a_teaser_root():
    import json

    body = "\n".join(f"Full {i} {_PROSE}" for i in range(6))
    ld = json.dumps({"@type": "NewsArticle", "articleBody": body})
    text = html_to_text(
        "<html><head><script type='application/ld+json'>" + ld + "</script></head><body>"
        "<article><p>Only the first paragraph of the story is on the page, for now.</p>"
        "</article></body></html>")
    assert text.count("Full ") == 6


def test_explain_html_reports_the_dom_stage():
    import cleantext

    result = cleantext.Cleaner().explain_html(_page(
        f"<nav><a href='/'>Home</a></nav><div itemprop='articleBody'>{_paragraphs(3)}</div>"))
    assert result.flags[0].startswith("html: kept <div itemprop=articleBody>")
    assert "removed 1 chrome elements" in result.flags[0]


def test_the_space_between_two_inline_elements_is_kept():
    # Written "<a>Gecko</a> <a>layout engine</a>": the only space between the words is a
    # text node of its own, and a list marker still waits for the item's first word.
    text = html_to_text(_page(
        "<article><p>Firefox uses the <a href='/g'>Gecko</a> <a href='/l'>layout engine</a>"
        " to render pages.</p><p><span>1</span>\n<span>History</span></p>"
        "<ul><li> <b>Gecko</b> <i>engine</i></li><li>Servo</li></ul></article>"))
    assert text.splitlines() == ["Firefox uses the Gecko layout engine to render pages.",
                                 "1 History", "- Gecko engine", "- Servo"]


_CONSENT = ("<div><p>We use cookies and similar technologies to recognize your repeat visits and "
            "preferences, as well as to measure the effectiveness of campaigns and analyze traffic, "
            "and by clicking I Accept on this banner, or using our site, you consent to the use of "
            "cookies unless you have disabled them, as our cookie policy explains.</p>"
            "<button>I Accept</button></div>")
_SHORT_ARTICLE = ("<div><h1>Ferry timetable changes</h1><p>The ferry leaves at nine from May.</p>"
                  "<p>Two more crossings run on Sundays.</p><p>Tickets cost the same.</p></div>")


def test_a_container_the_rules_empty_is_left_out_and_the_dom_chooses_again():
    """A consent panel without class names outscores a short article; the rules remove all
    of its text, so the DOM stage chooses again instead of giving nothing."""
    import cleantext

    page = _page(_CONSENT + _SHORT_ARTICLE)
    assert "We use cookies" in html_to_text(page)  # the DOM stage alone picks the panel
    result = cleantext.Cleaner().explain_html(page)
    assert result.text.splitlines()[0] == "Ferry timetable changes"
    assert "Two more crossings run on Sundays." in result.text
    assert "cookies" not in result.text
    assert any("chosen first" in flag for flag in result.flags)
    assert cleantext.clean_html(page) == result.text


def test_text_between_runs_of_br_is_paragraphs_of_its_element():
    """An article written as text between <br><br> (no <p>) is paragraphs of its element,
    as readability reads it, not one paragraph that a notice of a few commas outscores."""
    sentence = ("The council met on Tuesday and agreed to repair the old bridge over the river "
                "before the winter, after a survey found cracks in two of its arches")
    article = "<div>" + "<br><br>".join(f"{sentence}, part {i}." for i in range(6)) + "</div>"
    notice = ("<div><p>Note: to see your saved maps, routes, tide tables, logbooks, charts, notes "
              "and more, sign in with your account, or create one, today, now.</p></div>")
    lines = html_to_text(_page(f"{notice}<div><h2>Bridge repairs</h2>{article}</div>")).splitlines()
    assert not any(line.startswith("Note:") for line in lines)
    assert sum(1 for line in lines if line.startswith("The council met")) == 6


def test_a_page_without_a_body_tag_keeps_the_elements_libxml2_leaves_in_its_head():
    """A page that omits <body> and starts it with <main>: libxml2 (HTML 4) leaves the rest of
    the page in <head>; it is read as the body, as a browser reads it."""
    paragraph = ("The harbour master said on Monday that the new pier would open in June, after "
                 "two years of work and a long dispute over its cost.")
    page = ("<html><head><meta charset='utf-8'><title>Pier opens</title>"
            f"<main><article><h1>Pier opens in June</h1><p>{paragraph}</p><p>{paragraph}</p>"
            "</article></main><div><p>Newsletter sign up, weekly.</p></div></html>")
    text = html_to_text(page)
    assert text.splitlines()[:2] == ["Pier opens in June", paragraph]


# A box with one paragraph of prose about another story, between a page's header and its article.
_TEASER_BOX = ("<div class='teaser-box'><p>Teaser: a short summary of another story, with a comma, "
               "and more words to make it a paragraph of prose.</p></div>")


def _story(headline: str, n: int, prefix: str) -> str:
    return f"<article><h1>{headline}</h1><p>By a staff reporter</p>{_paragraphs(n, prefix)}</article>"


def _titled(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("title, head", [
    ("Council passes the budget | Example News", "Council passes the budget"),
    # a short headline, less than half of a title that holds a long site name
    ("Council budget – The Example Valley Evening Chronicle", "Council budget"),
    # no heading states the title word for word (the headline written otherwise, the title
    # an abbreviation of it): the page's <h1> shares the title's words, the next story's none
    ("Council passes its budget after a long night | Example News",
     "Budget passes: the council's long night"),
    ("Council budget passes | Example News",
     "After a long night, the city council passes its budget"),
])
def test_the_next_story_printed_after_the_article_is_not_the_article(title, head):
    # A site that loads its next article as the reader scrolls writes it into the page after
    # the page's own, headline and all: the longer next story outscores the article, but it
    # opens with a headline the page's title does not state.
    page = _titled(title, f"<div class='story'><h1>{head}</h1>"
                   + _paragraphs(3, "Budget ") + "</div>"
                   + _story("Harbour town rebuilds its sea wall", 6, "Harbour "))
    text = html_to_text(page)
    assert all(f"Budget {i} " in text for i in range(3))
    assert "Harbour" not in text


@pytest.mark.parametrize("title, story_head", [
    # the longer story's headline shares a word of the title: it may be the page's own
    ("Council budget passes | Example News", "Harbour council rebuilds its sea wall"),
    # a title whose words no <h1> shares: nothing tells which story is the page's
    ("Example News", "Harbour town rebuilds its sea wall"),
])
def test_a_story_whose_headline_may_be_the_pages_keeps_its_place(title, story_head):
    page = _titled(title, "<div class='story'><h1>After a long night, the city votes</h1>"
                   + _paragraphs(3, "Budget ") + "</div>" + _story(story_head, 6, "Harbour "))
    assert all(f"Harbour {i} " in html_to_text(page) for i in range(6))


def test_an_article_written_as_cards_is_the_article_before_the_next_story():
    # The article as a run of cards, each in a wrapper of its own: no card holds a fifth of
    # the next story's text, but the article they make up (the container of the cards, as
    # the DOM stage promotes chunks of one kind) does.
    cards = "".join(f"<div class='item'><div class='card-body'>{_paragraphs(1, 'Card ')}</div></div>"
                    for _ in range(4))
    page = _titled("Council passes the budget | Example News",
                   "<main><div class='head'><h1>Council passes the budget</h1></div>"
                   f"<div class='cards'>{cards}</div></main>"
                   + _story("Harbour town rebuilds its sea wall", 12, "Harbour "))
    text = html_to_text(page)
    assert text.count("Card ") == 4
    assert "Harbour" not in text


def test_a_post_of_h1_sections_and_its_standfirst_in_one_wrapper_are_one_article():
    # As above, with the standfirst's and the post's boxes in one wrapper, and the standfirst
    # written as two chunks of one kind: the article the chunks make up is the wrapper, which
    # holds the post too, so the post is a part of the page's article, standfirst and all.
    sections = "".join(f"<h1>Part {i}</h1>" + _paragraphs(3, f"Part{i} ") for i in range(4))
    summary = ("<div class='standfirst'><p>A summary of the whole post, with a comma, in one "
               "paragraph of prose for the readers of the front page.</p></div>")
    page = _titled("How we rebuilt the harbour wall | Example Blog",
                   "<main><h1>How we rebuilt the harbour wall</h1>" + summary + summary
                   + f"<div class='post'>{sections}</div></main>")
    text = html_to_text(page)
    assert text.count("Part3 ") == 3 and text.count("Part0 ") == 3
    assert "A summary of the whole post" in text


def _linked(n: int, prefix: str) -> str:
    """``n`` paragraphs, each in a ``<div>`` of its own, a third of their text links."""
    return "".join(f"<div><p>{prefix}{i} The <a href='/a'>council</a> met on <a href='/b'>Tuesday "
                   f"evening</a> to discuss the <a href='/c'>new budget</a> for schools and roads.</p>"
                   "</div>" for i in range(n))


def test_a_header_box_that_holds_the_headline_is_not_the_article():
    # The headline and a byline in a box whose class names carry it, then the body, its
    # paragraphs each in a <div> and a third links: the box holds no paragraph of prose and
    # a fraction of the body's text, so the body is the article.
    page = _titled("Council passes the budget | Example News",
                   "<div class='content-wrapper title'><h1>Council passes the budget</h1>"
                   "<p>By Jane Doe - 11/18/19 11:04 PM EST</p></div>"
                   f"<div class='field-item'>{_linked(6, 'Body ')}</div>")
    assert html_to_text(page).count("Body ") == 6


def test_a_short_article_that_holds_the_headline_stays_the_root():
    # The headline over two paragraphs of prose, then a longer box of linked paragraphs: the
    # container holds prose, so it is no header whatever the box after it holds.
    page = _titled("Council passes the budget | Example News",
                   "<div class='story'><h1>Council passes the budget</h1>" + _paragraphs(2, "Story ")
                   + f"</div><div class='more'>{_linked(30, 'More ')}</div>")
    assert extract(page).summary().startswith("html: kept <div class=story>")


def test_a_header_box_before_a_caption_stays_the_root():
    # Nothing after the header box holds five times its text (a caption): the choice stays.
    page = _titled("Council passes the budget | Example News",
                   "<div class='content-wrapper title'><h1>Council passes the budget</h1>"
                   "<p>By Jane Doe - 11/18/19 11:04 PM EST</p></div><div class='box'><div><p>Photo: "
                   "the <a href='/c'>council chamber</a> on Tuesday evening, before the vote.</p></div></div>")
    assert extract(page).summary().startswith("html: kept <div class=content-wrapper title>")


def test_an_h1_inside_the_article_after_its_first_paragraph_is_a_subheading():
    # The container opens with prose: its <h1> is a subheading of the article, which stays whole.
    page = _titled("Council passes the budget | Example News",
                   "<h1>Council passes the budget</h1><div class='intro'>" + _paragraphs(1, "Intro ")
                   + "</div><div class='story-body'>" + _paragraphs(2, "Body ")
                   + "<h1>What the budget pays for</h1>" + _paragraphs(4, "Body ") + "</div>")
    text = html_to_text(page)
    assert text.count("Body ") == 6
    assert "What the budget pays for" in text


def test_a_logo_linking_home_is_not_the_pages_headline():
    # The page's title is the site's name, and so is the logo's <h1>: the logo states no
    # headline, so the article's own <h1> is not taken for another story's, and the teaser
    # box between the logo and the article does not win.
    page = _titled("Example News",
                   "<header><h1><a href='https://example.com/'>Example News</a></h1></header>"
                   + _TEASER_BOX + _story("Council passes the budget", 4, "Body "))
    text = html_to_text(page)
    assert text.count("Body ") == 4
    assert "Teaser" not in text


def test_the_folded_rest_of_an_article_is_kept_and_a_hidden_popup_is_not():
    # A site folds a long article after its first paragraphs: a "Read more" link and the rest
    # in a box the page hides until the link is clicked.  The box comes right after a
    # paragraph, so it is the article's; the newsletter popup, hidden too, stands apart.
    page = _titled("Council passes the budget | Example News",
                   "<div class='popup' style='display: none'><p>Sign up for our newsletter, with the "
                   "news of the islands, the weather and the ferry times, every morning, free.</p></div>"
                   "<h1>Council passes the budget</h1><div class='story'>" + _paragraphs(2, "Body ")
                   + "<div><div><a href='#more'>Read more</a></div><div style='display: none'>"
                   + _paragraphs(4, "Rest ") + "</div></div></div>"
                   + "<div><a href='/'>Home</a> <a href='/news'>News</a></div>" * 30)
    text = html_to_text(page)
    assert text.count("Body ") == 2 and text.count("Rest ") == 4
    assert "newsletter" not in text


def test_an_article_under_an_h1_of_its_own_stays_when_the_title_names_an_h2():
    # The page's title agrees with an <h2> of the page's header, and the article opens with an
    # <h1> worded otherwise: with no <h1> headline there is no other story to tell apart.
    page = _titled("Council passes the budget | Example News",
                   "<div class='strap'><h2>Council passes the budget</h2>" + _TEASER_BOX + "</div>"
                   + _story("Budget passes after a long night at the council", 4, "Body "))
    text = html_to_text(page)
    assert text.count("Body ") == 4
    assert "Teaser" not in text


def test_a_pull_quote_hidden_from_screen_readers_is_not_the_folded_rest():
    # aria-hidden keeps a decorative copy of a sentence away from screen readers: it is shown,
    # but it repeats the article, so it goes even right after a paragraph.
    quote = ("No one bothered mentioning that the state of the finances is not new at all, the mayor "
             "said at the end of the long meeting.")
    page = _titled("Council passes the budget | Example News",
                   "<h1>Council passes the budget</h1><div class='story'>" + _paragraphs(2, "Body ")
                   + f"<div aria-hidden='true'>{quote}</div>" + _paragraphs(2, "More ") + "</div>")
    text = html_to_text(page)
    assert "No one bothered" not in text
    assert text.count("Body ") == 2 and text.count("More ") == 2


@pytest.mark.parametrize("style, hidden", [
    ("position:absolute; top:0; left:-9999px;", True),
    ("position: absolute; left: -10000px", True),
    ("display:block;width:43px;text-indent:-9999px;overflow:hidden", True),
    ("top: -999em", True),
    ("LEFT:-5000PX !important", True),
    # a place on the page, or a nudge a layout makes: shown
    ("position:absolute; left:506px", False),
    ("top: -505px", False),
    ("margin-left: -9999px", False),
    ("text-indent: -2em", False),
    ("right: -9999px", False),
])
def test_an_element_placed_far_off_the_page_is_hidden(style: str, hidden: bool) -> None:
    # Links planted for search engines, screen-reader labels and a logo's text sit where no
    # page scrolls: 999 pixels or more off its top or left edge.
    page = _titled("Council passes the budget | Example News",
                   "<h1>Council passes the budget</h1><div class='story'>" + _paragraphs(3, "Body ")
                   + f"<div style='{style}'><a href='https://themes.example'>Download Premium "
                   "Themes Free</a></div>" + _paragraphs(2, "More ") + "</div>")
    text = html_to_text(page)
    assert ("Premium Themes" not in text) is hidden
    assert text.count("Body ") == 3 and text.count("More ") == 2


def test_an_article_whose_sections_open_with_h1s_is_not_another_article():
    # A post written in markdown: its sections are <h1>s, the first of them before any of its
    # text, and the headline stands above the post with a standfirst.  The standfirst holds a
    # small share of the post's text, so it is not the page's article beside another one.
    sections = "".join(f"<h1>Part {i}</h1>" + _paragraphs(3, f"Part{i} ") for i in range(4))
    page = _titled("How we rebuilt the harbour wall | Example Blog",
                   "<div class='header'><h1>How we rebuilt the harbour wall</h1>"
                   "<div class='standfirst'><p>A summary of the whole post, with a comma, in one "
                   "paragraph of prose for the readers of the front page.</p></div></div>"
                   f"<div class='post'>{sections}</div>")
    text = html_to_text(page)
    assert text.count("Part3 ") == 3 and text.count("Part0 ") == 3
