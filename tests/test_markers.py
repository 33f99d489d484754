"""A comment marker above the article (other stories and their comment prompts come
first) must not cut it; one that opens a comment section still ends the article."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, strategies as st

import cleantext
from cleantext.stages.markers import (
    article_below, comment_like, comment_thread, heaviest_run, is_prose,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "markers"

ARTICLE = [
    "An unmanned cargo ship heading to the space station broke up over Siberia on Thursday.",
    "The ship broke up at an altitude of 190 kilometres, and most of it burned up as it fell.",
    "Local people reported seeing a flash of light and hearing a loud noise in the evening.",
]
OTHER_STORY = "The new library opened on Saturday in the old station, the mayor said on Monday."


def _page(after_marker: list[str]) -> list[str]:
    return ["Cargo Ship Breaks Up Over Siberia", "Home", "News", "Library Opens", OTHER_STORY,
            "Local News", "Join the Conversation", *after_marker]


def test_headline_and_heavier_prose_below_the_marker():
    lines = _page(["Weather", "69°", "Settings", "Cargo Ship Breaks Up Over Siberia", "Maria Petrova",
                   *ARTICLE])
    assert article_below(lines, 6)


def test_comments_after_the_marker_end_the_article():
    for header in (["Alex", "September 12, 2018 at 4:47 pm"], ["Alex said:"], ["Sam", "3 hours ago"],
                   ["Anna", "vor 2 Stunden"], ["Reply"]):
        lines = _page(["Cargo Ship Breaks Up Over Siberia", *header, *ARTICLE])
        assert not article_below(lines, 6), header


def test_comment_form_named_by_the_packs_ends_the_article():
    lines = _page(["Cargo Ship Breaks Up Over Siberia", "Cancel reply", *ARTICLE])
    assert not article_below(lines, 6, lambda line: line == "Cancel reply")
    assert article_below(lines, 6)


def test_no_headline_below_the_marker_ends_the_article():
    lines = _page(["Weather", "69°", *ARTICLE])
    assert not article_below(lines, 6)


def test_lighter_prose_below_the_marker_ends_the_article():
    lines = ["Cargo Ship Breaks Up Over Siberia", *ARTICLE, "Join the Conversation",
             "Cargo Ship Breaks Up Over Siberia", ARTICLE[0]]
    assert not article_below(lines, 4)


def test_remembered_marker_needs_no_headline():
    above: set[str] = set()
    lines = _page(["Cargo Ship Breaks Up Over Siberia", *ARTICLE])
    assert article_below(lines, 6, above=above)
    assert above == {"Join the Conversation"}
    without_headline = _page(ARTICLE)
    assert not article_below(without_headline, 6)
    assert article_below(without_headline, 6, above=above)


@given(st.lists(st.sampled_from(["Home", "69°", OTHER_STORY, *ARTICLE, "Sam", "Reply"]), max_size=12))
def test_heaviest_run_is_a_run_of_prose(lines):
    best = heaviest_run(lines)
    assert 0 <= best <= sum(len(line.split()) for line in lines if is_prose(line))
    assert (best == 0) == (not any(is_prose(line) for line in lines))
    assert not comment_like([line for line in lines if is_prose(line)])


def test_page_with_a_story_stream_keeps_the_article():
    text = (FIXTURES / "stream_above_article.txt").read_text(encoding="utf-8")
    out = cleantext.clean(text)
    body = [p for p in text.split("\n\n") if p.startswith(("An unmanned", "The ship", "Both agencies"))]
    assert len(body) == 3
    for paragraph in body:
        assert paragraph.strip() in out
    assert "Join the Conversation" not in out


def test_unspaced_scripts_count_two_characters_a_word():
    from cleantext.stages.markers import is_prose, word_count

    zh = "国家统计局周二公布的数据显示，居民人均可支配收入比上年同期名义增长。"
    assert word_count(zh) == len(zh.split()) + sum(ch.isalpha() for ch in zh) // 2
    assert is_prose(zh)
    assert not is_prose("相关阅读。")
    assert word_count("plain English words here") == 4


def test_a_long_attribution_line_opens_a_comment_section():
    """"Milan on September 12, 2018 at 4:47 pm said:" ends in a colon and has eight words:
    it is a comment's header, not prose."""
    assert comment_like(["- Milan Griffes on September 12, 2018 at 4:47 pm said:", *ARTICLE])


def test_a_thread_has_several_comment_headers_and_an_article_one_byline():
    thread = []
    for name in ("Milan", "Catherine", "Alex"):
        thread += [f"{name} on September 12, 2018 at 4:47 pm said:", ARTICLE[0]]
    assert comment_thread(thread)
    assert not comment_thread(thread[:4])  # two headers
    byline = ["Maria Petrova", "Updated 10:43 AM", *ARTICLE, "Photo: 11/19/2019"]
    assert not comment_thread(byline)  # a byline's timestamp, then prose: one header


def test_a_comment_thread_after_a_short_post_is_cut_wherever_its_marker_stands():
    post = ["Our goal with hosting quarterly open threads is to give readers a place to ask "
            "questions about our work.", "You can view our June open thread on the blog here."]
    thread = []
    for name in ("Milan", "Catherine", "Alex", "Gary"):
        thread += [f"- {name} on September 12, 2018 at 4:47 pm said:", *ARTICLE]
    text = "\n\n".join(["September open thread", *post, "Comments", *thread]) + "\n"
    assert cleantext.Cleaner().clean(text, whole_page=False) == "\n\n".join(["September open thread", *post]) + "\n"
    # the same marker above an article with one byline is a label: the article stays
    page = "\n\n".join(["Home", "Comments", "Maria Petrova", "Updated 10:43 AM", *ARTICLE]) + "\n"
    assert all(line in cleantext.Cleaner().clean(page, whole_page=False) for line in ARTICLE)


def test_an_article_broken_at_its_line_ends_is_prose_above_a_comment_marker():
    # A page that breaks its paragraphs with <br> at a fixed width: no line is a sentence of
    # eight words, but the lines that go on in lower case are one paragraph, as block scoring
    # reads them, so the sidebar's one sentence after the marker does not outweigh the article.
    article = ["Kate Henshaw",
               "Veteran Nollywood actress, Kate Henshaw, who in 2008 won the",
               "award for best actress in a leading role, has taken to her",
               "page to share photos of herself.",
               "She flaunted her hand bag which had the colours of the national",
               "flag at the party on Sunday.",
               "The 47 year old was one of the guests invited to the event by",
               "a media mogul of Lagos."]
    sidebar = ["Post a Comment", "Popular Posts", "November 16, 2016",
               "Get all the latest content of the site delivered straight to your inbox every morning.",
               "Followers", "Follow by Email"]
    text = "\n\n".join([*article, *sidebar]) + "\n"
    assert cleantext.Cleaner(lang="en").clean(text, whole_page=False) == "\n\n".join(article) + "\n"


def test_a_marker_is_late_by_its_place_in_the_text_after_the_first_prose():
    # A long menu fills the first half of the page: the share bar's "Comments" label after
    # the headline stands past the middle of the page, but early in what follows the page's
    # first prose (a disclaimer above the article); the article, cut by captions into short
    # runs, stays.
    menu = [f"{a} {b}" for a in ("World", "Money", "Tech", "Travel", "Style", "Sport", "Food",
                                 "Books", "Music", "Film", "Health", "Science")
            for b in ("News", "Video", "Opinion", "Live", "Photos", "Guides", "Reviews",
                      "Events", "Podcasts", "Newsletters", "Archive", "Deals")]
    disclaimer = ("Quotes are delayed by at least fifteen minutes and market data is provided by "
                  "our partners, who are not responsible for its accuracy, so nothing here is advice "
                  "to buy or to sell any security, and the material may not be published again.")
    body = []
    for i in range(5):
        body += [f"The retailer earned more in the third quarter than a year ago, and its chief "
                 f"executive said that sales grew in every region of the country, part {i}.",
                 f"(AP Photo/Staff {i})"]
    text = "\n\n".join([*menu, disclaimer, "Home Depot sales miss, shares fall", "Comments",
                        "Print", "Email", *body]) + "\n"
    out = cleantext.Cleaner(lang="en").clean(text)
    assert all(line in out for line in body[::2])


def test_a_teaser_label_and_its_title_are_dropped_wherever_they_stand():
    # A scraper cuts "Read also: <a>title</a>" into the label and the link's title; with prose
    # after the title, the two lines are an in-body teaser, dropped, before the middle of the
    # text as after it, and the article after them stays.
    paragraphs = [f"The council met on Tuesday and agreed to repair the old bridge over the river "
                  f"before the winter, after a survey found cracks in two of its arches, part {i}."
                  for i in range(8)]
    for at in (2, 6):
        text = "\n\n".join([*paragraphs[:at], "Read also:", "Harbour strike enters its second week",
                            *paragraphs[at:]]) + "\n"
        result = cleantext.Cleaner(lang="en").explain(text)
        assert result.text == "\n\n".join(paragraphs) + "\n"
        assert {e.code for e in result.changes if "Read also" in e.before or "Harbour" in e.before} == {"RL001"}
    # a label that titles a list (titles in a row) still ends the article
    text = "\n\n".join([*paragraphs, "You may also like:", "Harbour strike enters its second week",
                        "Ferry service resumes after the storm", "Fishermen protest new quotas"]) + "\n"
    assert cleantext.Cleaner(lang="en").clean(text) == "\n\n".join(paragraphs) + "\n"


_STORY = [f"The council met on Tuesday and agreed to repair the old bridge over the river before "
          f"the winter, after a survey found cracks in two of its arches, part {i}." for i in range(8)]
_TEASERS = ["Harbour strike enters its second week", "The union said talks would resume on Monday.",
            "Ferry service resumes after the storm", "Crossings run on the summer timetable again.",
            "Fishermen protest new quotas at the port", "Hundreds of boats stayed in the harbour."]


def test_a_box_of_teasers_inside_the_article_goes_and_the_article_stays():
    # Three titles of other stories, with a summary each or none, under a related marker: early
    # in the text (where the marker was skipped) and late (where it cut the rest) the box goes.
    for teasers in (_TEASERS, _TEASERS[::2]):
        for at in (1, 4, 6):
            text = "\n\n".join([*_STORY[:at], "Related Articles", *teasers, *_STORY[at:]]) + "\n"
            result = cleantext.Cleaner(lang="en").explain(text)
            assert result.text == "\n\n".join(_STORY) + "\n", (teasers, at)
            assert {e.code for e in result.changes} == {"RL001"}



def test_a_box_of_cards_inside_the_article_goes_and_the_article_stays():
    # A box whose titles each have a short line under them (the advertiser's name, a date), as an
    # advertising network prints its promoted stories: early and late in the text, the box
    # goes (its credit with it), and so does a box of titles alone under the same label.
    cards = ["Doctors stunned by this simple trick for sore knees", "Health Daily",
             "The most beautiful beaches you have never heard of", "Travel Weekly",
             "Homeowners are switching to this new kind of roof", "March 3, 2019",
             "Recommended by Outbrain"]
    for box in (cards, cards[::2]):
        for at in (1, 4, 6):
            text = "\n\n".join([*_STORY[:at], "Promoted Stories", *box, *_STORY[at:]]) + "\n"
            result = cleantext.Cleaner(lang="en").explain(text)
            assert result.text == "\n\n".join(_STORY) + "\n", (box, at)
    # three lines under each title are no card: the label is left to its marker
    long_cards = [line for k in range(0, 6, 2) for line in (*cards[k : k + 2], "Sponsored", "Ad")]
    text = "\n\n".join([*_STORY[:6], "Promoted Stories", *long_cards, *_STORY[6:]]) + "\n"
    assert _STORY[6] not in cleantext.Cleaner(lang="en").clean(text)


def test_after_titles_alone_a_block_longer_than_any_title_is_the_article_again():
    # A box of cards (titles, each with the advertiser's name, then the network's credit) late
    # in the article, then its text again: a paragraph shorter than a summary may be, before a
    # heading; or a sentence a link cut (longer than any title, ending no sentence). No title
    # had a sentence under it, so the block is the article's: the box goes, the text stays.
    cards = ["Doctors stunned by this simple trick for sore knees", "Health Daily",
             "The most beautiful beaches you have never heard of", "Travel Weekly",
             "Homeowners are switching to this new kind of roof", "Home Guide",
             "Recommended by Outbrain"]
    short = ("The engineers said the work on both arches would start in March and take most of "
             "the year, and that the bridge would stay open to walkers.")
    cut = ["The engineers who inspected the bridge last month said that the two arches over the "
           "deepest part of the river were, in the words of their report,", "\"beyond repair.\""]
    cleaner = cleantext.Cleaner(lang="en")
    for after in ([short, "What the survey found"], cut):
        text = "\n\n".join([*_STORY[:6], "Promoted Stories", *cards, *after, *_STORY[6:]]) + "\n"
        out = cleaner.clean(text)
        assert all(line in out for line in [*after, *_STORY]), after
        assert not any(card in out for card in cards), after


def test_a_related_link_above_the_headline_heads_the_article():
    # A section's "Related" link above the page's headline, byline, dateline and lede (the
    # page's <title> words the headline otherwise): the headline is no teaser title and the
    # lede no summary (block scoring may still take the headline with the menu's run).
    top = ["Council agrees to repair cracked bridge over the river before winter - Example News",
           "Home", "News", "Related", "Council agrees to repair the cracked river bridge",
           "By Jane Smith", "Updated on: November 19, 2019 / 10:07 AM",
           "The work will start in October, the council said."]
    text = "\n\n".join([*top, *_STORY]) + "\n"
    result = cleantext.Cleaner(lang="en").explain(text)
    assert "The work will start in October, the council said." in result.text
    assert not any(e.code == "RL001" for e in result.changes)
    # after the article's first prose, a teaser that shares the headline's words is still one
    title = "Bridge repairs: council agrees to repair the old bridge before winter - Example News"
    text = "\n\n".join([title, *_STORY[:3], "Related:", "Council to repair a second old bridge next year",
                         *_STORY[3:]]) + "\n"
    assert cleantext.Cleaner(lang="en").clean(text) == "\n\n".join([title, *_STORY]) + "\n"


def test_what_is_no_box_of_teasers_is_left_to_the_marker():
    # Two titles are no box; a title cut into several lines by a scraper is no title; and a
    # related list that no running text follows still ends the article.
    cleaner = cleantext.Cleaner(lang="en")
    two = "\n\n".join([*_STORY[:6], "Related Articles", *_TEASERS[:4], *_STORY[6:]]) + "\n"
    assert _STORY[6] not in cleaner.clean(two)
    cut = ["ADVERTISING", "inRead", "invented by Teads", *_TEASERS[2:]]
    text = "\n\n".join([*_STORY[:6], "Related Articles", *cut, *_STORY[6:]]) + "\n"
    assert _STORY[6] not in cleaner.clean(text)
    end = "\n\n".join([*_STORY, "Related Articles", *_TEASERS]) + "\n"
    assert cleaner.clean(end) == "\n\n".join(_STORY) + "\n"


def test_the_article_may_resume_after_a_box_through_chrome_a_heading_or_a_short_paragraph():
    # After the last summary of a box of titles with summaries, the article's text comes back:
    # an advertisement's label may stand first (a line the drop-line rules remove), or a
    # heading, a caption, a sentence cut by a link, a list, a data table's rows (written by
    # the DOM stage as "| a | b"), or one short paragraph that ends the article. The box goes
    # and the text stays, wherever the box stands.
    short = ("The work will start in March, the council said, and the bridge will stay open to "
             "walkers while the arches are repaired.")
    cut = ["The engineers said the arches were, in the words of the survey,", "\"beyond repair.\""]
    afters = (["Advertisement", *_STORY[4:]],
              ["What the survey found:", *_STORY[4:]],
              [*cut, *_STORY[4:]],
              ["| Ticker | Company | Last price", "| HD | Home Depot Inc. | 225.86",
               "| LOW | Lowe's Companies Inc. | 113.40", *_STORY[4:]],
              ["NOT SCARY", "Writing a blog post", "Writing a piece of email marketing",
               "Speaking to someone on the phone", "Talking to a reporter about the bridge", *_STORY[4:]],
              ["Advertisement", short])
    cleaner = cleantext.Cleaner(lang="en")
    for after in afters:
        text = "\n\n".join([*_STORY[:4], "Related Articles", *_TEASERS, *after]) + "\n"
        out = cleaner.clean(text)
        kept = [line for line in after if line != "Advertisement"]
        assert all(line in out for line in kept), after
        assert not any(teaser in out for teaser in _TEASERS), after


def test_a_list_of_titles_and_one_sentence_after_it_still_ends_the_article():
    # Titles without summaries, one of which ends in a full stop, then one short sentence:
    # a related list at the end of a page, not a box inside the article.
    titles = ["Harbour strike enters its second week", "Ferry service resumes after the storm",
              "Fishermen protest new quotas at the port", "Why the old bridge matters to the town.",
              "Council approves the budget for next year"]
    tail = "Copyright 2019 The Harbour Times, all rights reserved, for more than a hundred years."
    text = "\n\n".join([*_STORY, "Related Articles", *titles, tail]) + "\n"
    assert cleantext.Cleaner(lang="en").clean(text) == "\n\n".join(_STORY) + "\n"


def test_the_article_may_resume_after_a_teaser_label_through_a_heading_a_caption_or_an_ad():
    # "Read also:" and its link's title, then an advertisement's label, a picture's caption
    # and a step's number, a heading, or a sentence cut by a link before the text goes on:
    # the label and the title go, the article stays, wherever they stand.
    cut = ["The engineers who inspected the bridge last month said that the two arches over the "
           "deepest part of the river were, in the words of their report to the council,",
           "\"beyond repair.\""]
    betweens = (["Advertisement"],
                ["Place the new stones on the arch. (Photo: Lucy Akins)", "Step 6"],
                ["What the survey found"],
                cut)
    cleaner = cleantext.Cleaner(lang="en")
    for between in betweens:
        for at in (2, 6):
            text = "\n\n".join([*_STORY[:at], "Read also:", "Harbour strike enters its second week",
                                *between, *_STORY[at:]]) + "\n"
            out = cleaner.clean(text)
            assert "Read also" not in out and "Harbour strike" not in out, (between, at)
            assert all(line in out for line in _STORY), (between, at)


def test_a_label_before_titles_in_a_row_still_ends_the_article():
    # A label before a list of titles (two or more in a row, then a caption and prose) is a
    # related list after the article, not a teaser inside it.
    titles = ["Harbour strike enters its second week", "Ferry service resumes after the storm",
              "Fishermen protest new quotas at the port"]
    tail = ("The Harbour Times is published by Harbour Media, and all of its articles are "
            "copyright, so they may not be copied without its written permission.")
    text = "\n\n".join([*_STORY, "Read also:", *titles, "(Photo: Lucy Akins)", tail]) + "\n"
    assert cleantext.Cleaner(lang="en").clean(text) == "\n\n".join(_STORY) + "\n"


_HISTORIA = [f"O conselho da cidade reuniu-se na terça-feira e decidiu reparar a velha ponte sobre o rio "
             f"antes do inverno, depois de uma vistoria encontrar rachaduras em dois arcos, parte {i}."
             for i in range(8)]


def test_a_box_under_another_languages_related_marker_goes():
    # A site's theme in English on a Portuguese page: "Related Posts" heads a box of three
    # teasers inside the article. The English marker drops the box as the page's own would.
    for at in (2, 6):
        text = "\n\n".join([*_HISTORIA[:at], "Related Posts", *_TEASERS, *_HISTORIA[at:]]) + "\n"
        result = cleantext.Cleaner(lang="pt").explain(text)
        assert result.text == "\n\n".join(_HISTORIA) + "\n", at
        assert {e.code for e in result.changes} == {"RL001"}


def test_a_site_section_label_heads_a_box_of_teasers_as_a_related_marker_does():
    # "Most Read" or "Don't Miss" (a section label, RL005) over three titles of
    # other stories, with a summary each or none, perhaps each after its rank on a line of its
    # own (how a page text writes "<span>1</span><a>title</a>"): the box goes with its label,
    # wherever it stands, and so does a related marker's box with ranks.
    ranked = [line for i, title in enumerate(_TEASERS[::2]) for line in (str(i + 1), title)]
    cleaner = cleantext.Cleaner(lang="en")
    for label, code in (("Most Read", "RL005"), ("DON'T MISS", "RL005"), ("Related Articles", "RL001")):
        for teasers in (_TEASERS, _TEASERS[::2], ranked):
            for at in (1, 4, 6):
                text = "\n\n".join([*_STORY[:at], label, *teasers, *_STORY[at:]]) + "\n"
                result = cleaner.explain(text)
                assert result.text == "\n\n".join(_STORY) + "\n", (label, teasers, at)
                assert {e.code for e in result.changes} == {code}, (label, teasers, at)
    # on a Portuguese page, the English label's box goes too
    text = "\n\n".join([*_HISTORIA[:4], "Most Read", *ranked, *_HISTORIA[4:]]) + "\n"
    assert cleantext.Cleaner(lang="pt").clean(text) == "\n\n".join(_HISTORIA) + "\n"


def test_a_feed_of_other_stories_with_their_times_goes_under_its_label():
    # "Latest News" over other stories' headlines, each after its time on a line of its own
    # (how a page text writes "<span>14:05</span><a>headline</a>"), some with a summary: the
    # feed goes, the article around it stays.
    feed = ["14:50", "Harbour strike enters its second week", "The union said talks would resume on Monday.",
            "14:43", "Ferry service resumes after the storm", "9:05", "Fishermen protest new quotas at the port",
            "Hundreds of boats stayed in the harbour.", "8:31", "Council approves the budget for next year"]
    for at in (2, 5):
        text = "\n\n".join([*_STORY[:at], "Latest News", *feed, *_STORY[at:]]) + "\n"
        result = cleantext.Cleaner(lang="en").explain(text)
        assert result.text == "\n\n".join(_STORY) + "\n", at
        assert {e.code for e in result.changes} == {"RL005"}, at


def test_after_a_box_whose_titles_have_a_summary_or_none_the_next_sentence_is_the_article():
    # A feed of other stories under "Latest News", some with a one-line summary and some
    # without: the sentence after the last title may be its summary or the article going on.
    # It stays (a wrong deletion costs more than a summary kept); the box goes.
    feed = ["Harbour strike enters its second week", "The union said talks would resume on Monday.",
            "Ferry service resumes after the storm", "Fishermen protest new quotas at the port",
            "Hundreds of boats stayed in the harbour.", "Council approves the budget for next year"]
    for at in (2, 5):
        text = "\n\n".join([*_STORY[:at], "Latest News", *feed, *_STORY[at:]]) + "\n"
        assert cleantext.Cleaner(lang="en").clean(text) == "\n\n".join(_STORY) + "\n", at


def test_other_labels_and_a_label_before_no_box_keep_what_follows():
    # A share bar or an advertisement's label (RL002) heads the article's own list items and
    # short sections as often as another box: what follows them stays. Nor does a section
    # label take what is no box of teasers: two titles, or headings each followed by two of
    # the article's paragraphs. (The rules alone, as on the article the DOM stage chose:
    # block scoring reads titles with summaries itself.)
    cleaner = cleantext.Cleaner(lang="en")
    titles = ["Harbour strike enters its second week", "Ferry service resumes after the storm",
              "Fishermen protest new quotas at the port"]
    items = ["- Remove the loose stones from the arch", "- Fill the cracks with lime mortar",
             "- Cover the road with new asphalt"]
    sections = [line for title, story in zip(titles, _STORY[4:]) for line in (title, story)]
    for label, after in (("Share on Facebook Share on Twitter Email Print", items),
                         ("Advertisement", titles), ("Advertisement", sections),
                         ("Most Read", titles[:2])):
        text = "\n\n".join([*_STORY[:4], label, *after, *_STORY[4:]]) + "\n"
        assert cleaner.clean(text, whole_page=False) == "\n\n".join([*_STORY[:4], *after, *_STORY[4:]]) + "\n"
    sections = [line for k, title in enumerate(titles) for line in (title, *_STORY[2 * k : 2 * k + 2])]
    text = "\n\n".join([*_STORY[6:], "Top Stories", *sections]) + "\n"
    assert cleaner.clean(text, whole_page=False) == "\n\n".join([*_STORY[6:], *sections]) + "\n"


def test_another_languages_related_marker_never_cuts_the_text():
    # Late in a Portuguese page, an English "Related Posts" that heads no box of teasers
    # (titles alone, then nothing) is left to block scoring: the marker of another
    # language does not cut the text, and the Portuguese article before it stays.
    titles = ["Harbour strike enters its second week", "Ferry service resumes after the storm",
              "Fishermen protest new quotas at the port"]
    text = "\n\n".join([*_HISTORIA, "Related Posts", *titles]) + "\n"
    result = cleantext.Cleaner(lang="pt").explain(text)
    assert all(line in result.text for line in _HISTORIA)
    assert not any(e.code == "RL001" for e in result.changes)


def test_a_video_players_durations_are_no_comment_headers():
    # A byline stamped when the article was published and updated, then a video player with
    # the lengths of its two videos: one article's times, not the headers of a thread.
    byline = ["By Maria Petrova", "on December 27, 2014 at 12:06 PM, updated",
              "December 27, 2014 at 12:10 PM"]
    player = ["Video", "Now playing", "Watch: Storm batters the coast", "2:45", "Up next",
              "Ferry service resumes after the storm", "1:32"]
    lines = [*byline, ARTICLE[0], *player, *ARTICLE[1:]]
    assert not comment_thread(lines)
    # a marker above it (a comment count's link by the headline) leaves the article alone
    page = "\n\n".join(["Home", "Comments", *lines]) + "\n"
    out = cleantext.Cleaner().clean(page, whole_page=False)
    assert all(line in out for line in ARTICLE)
    # times beside a name still head comments
    thread = []
    for name in ("Milan", "Catherine", "Alex"):
        thread += [f"{name} on September 12, 2018 at 4:47 pm said:", ARTICLE[0]]
    assert comment_thread(thread)


def test_a_players_next_video_and_its_length_inside_the_article_go_and_the_article_stays():
    # A video player's "Up next" over the next video's title and its length, late in the
    # article (where the marker cut the rest) with its text going on below: the length is the title's (a video's, not a
    # line of the text), so two paragraphs of prose follow the teaser and only the player's
    # lines go.  Comments after the same lines still end the article there.
    player = ["Up next", "Ferry service resumes after the storm", "1:32"]
    text = "\n\n".join([*_STORY[:6], *player, *_STORY[6:]]) + "\n"
    result = cleantext.Cleaner(lang="en").explain(text)
    assert result.text == "\n\n".join(_STORY) + "\n"
    assert {e.code for e in result.changes} == {"RL001"}
    comments = ["Alex", "September 12, 2018 at 4:47 pm", "Great news for the town, finally.",
                "Reply", "Sam", "3 hours ago", "About time they fixed it.", "Reply"]
    text = "\n\n".join([*_STORY[:6], *player, *comments]) + "\n"
    assert cleantext.Cleaner(lang="en").clean(text) == "\n\n".join(_STORY[:6]) + "\n"


def test_a_videos_title_over_its_length_takes_no_summary():
    # A player's next video (its title over its length) before an article of short sections,
    # each under a heading: the first paragraph is no summary of the video (a video's card has
    # none), so the headings and paragraphs after it are no box of teasers -- the article stays.
    # A list of videos, each title over its length, is still a box that goes.
    headings = ["What the survey found", "What happens next", "Who pays for the repairs"]
    article = [*_STORY[:2], _STORY[2], headings[0], _STORY[3], headings[1], _STORY[4],
               headings[2], *_STORY[5:]]
    player = ["Up next", "Ferry service resumes after the storm", "1:32"]
    text = "\n\n".join([*article[:2], *player, *article[2:]]) + "\n"
    out = cleantext.Cleaner(lang="en").clean(text)
    assert all(line in out for line in article)
    videos = ["Up next", "Ferry service resumes after the storm", "1:32",
              "Fishermen protest new quotas at the port", "2:10", "Harbour strike enters its second week",
              "0:45"]
    text = "\n\n".join([*article[:6], *videos, *article[6:]]) + "\n"
    assert cleantext.Cleaner(lang="en").clean(text) == "\n\n".join(article) + "\n"
