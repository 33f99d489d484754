"""The quality benchmark on pages changed as unseen sites differ from the development ones.

Usage (from the repository root)::

    python benchmarks/perturb.py ../shared/data/scrapinghub ../shared/data/readability
        [--only consent,menu,...] [--systems cleantext-text,cleantext-html,trafilatura-html]
        [--jobs N] [--limit N]

Every page of every set is changed in one way at a time (the table's rows) and the systems
of ``benchmarks/quality.py`` run on the changed pages, scored against the same gold text.
Each change is one a real site makes that the development pages happen not to show: a
consent panel without class names, a notice in another language, a long menu, paragraphs
written between ``<br>`` tags, a page without ``<body>``, minified markup, a legacy
encoding; and boxes a site puts inside the article or after it without class names (an
in-body "Read also:" teaser, a newsletter sign-up, a related-articles box, a "Most read" box
of ranked links, a feed of the latest stories with their times, a share bar, an
advertisement's label, a comment section, page links) or before it (a language menu and
breadcrumbs); the article's second half folded into a "Read more" box, shown or hidden until
the link is clicked; each paragraph in a ``<div>`` of its own; the next story printed whole
after the article; a site's footer with its legal notice, a site's questions and answers about
its subscriptions after the article, a slideshow of six captioned photos, a box of promoted
stories, a video player and a paywall's prompt inside it, the author's box under it;
``all-chrome`` makes the chrome changes at once, as an unseen site's page
has several kinds, the boxes spread through the article (all in English, whatever the page's
language).
The gold article is the same, so a system that generalises loses little; a
change that costs one system much and its peers little names a failure family to fix.
Nothing here is tuned on: the changes are written from how pages are made, not from
where cleantext failed.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Callable, Sequence

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.quality import (  # noqa: E402
    LOST_RECALL, load_extractors, run_sets, select_systems, set_names, summarise,
)
from benchmarks.scrapinghub import Page, f1_score, load_pages  # noqa: E402

DEFAULT_SYSTEMS = "cleantext-text,cleantext-html,trafilatura-html"
_BODY_RE = re.compile(rb"(?i)(<body[^>]*>)")
_BODY_END_RE = re.compile(rb"(?i)</body\s*>")
_P_RE = re.compile(rb"(?i)<p(?=[\s>])([^>]*)>")
_P_END_RE = re.compile(rb"(?i)</p\s*>")
_META_CHARSET_RE = re.compile(rb"(?i)<meta[^>]+charset[^>]*>")
_FRAME_RE = re.compile(rb"(?i)</?(?:html|head|body)(?=[\s>])[^>]*>")
_BETWEEN_TAGS_RE = re.compile(rb">\s+<")

CONSENT = (b"<div><p>We use cookies and similar technologies to recognize your repeat visits and "
           b"preferences, as well as to measure the effectiveness of campaigns and analyze traffic. "
           b"To learn more about cookies, including how to disable them, view our Cookie Policy. "
           b"By clicking I Accept on this banner, or using our site, you consent to the use of "
           b"cookies unless you have disabled them.</p><button>I Accept</button></div>")
# A machine-translation notice in Russian: chrome in another language than the article's.
NOTICE = ("<div><p>Внимание! Этот сайт использует автоматический перевод, поэтому в тексте могут "
          "быть ошибки. Мы не несём ответственности за точность перевода и рекомендуем читать "
          "оригинал статьи, если у вас есть такая возможность.</p></div>").encode()
_SECTIONS = [b"World", b"Politics", b"Business", b"Tech", b"Science", b"Health", b"Sport",
             b"Travel", b"Style", b"Food", b"Opinion", b"Video", b"Culture", b"Books", b"Music",
             b"Film", b"Money", b"Climate", b"Education", b"Cars"]
# 150 links of one and two section names (no figures: a menu, not a table)
MENU = b"<ul>" + b"".join(
    b'<li><a href="/s">' + _SECTIONS[i % 20] + (b" " + _SECTIONS[(i * 7 + 3) % 20] if i >= 20 else b"")
    + b"</a></li>" for i in range(150)) + b"</ul>"
LAYOUT = b'<table width="100%"><tr><td width="20%">Home<br>News<br>Sport</td><td>'


def _at_body_start(html: bytes, markup: bytes) -> bytes:
    if _BODY_RE.search(html):
        return _BODY_RE.sub(lambda m: m.group(1) + markup, html, count=1)
    return markup + html


def _at_body_end(html: bytes, markup: bytes) -> bytes:
    if _BODY_END_RE.search(html):
        return _BODY_END_RE.sub(lambda m: markup + m.group(0), html, count=1)
    return html + markup


def consent(html: bytes) -> bytes:
    """An English cookie-consent panel without class names opens the body."""
    return _at_body_start(html, CONSENT)


def notice(html: bytes) -> bytes:
    """A notice in another language (Russian) opens the body."""
    return _at_body_start(html, NOTICE)


def menu(html: bytes) -> bytes:
    """A menu of 150 links without class names opens the body."""
    return _at_body_start(html, MENU)


def br(html: bytes) -> bytes:
    """Paragraphs written as text between ``<br><br>``: no ``<p>`` element."""
    return _P_END_RE.sub(b"<br><br>", _P_RE.sub(b"", html))


def div(html: bytes) -> bytes:
    """Paragraphs written as ``<div>`` elements."""
    return _P_END_RE.sub(b"</div>", _P_RE.sub(lambda m: b"<div" + m.group(1) + b">", html))


def no_body(html: bytes) -> bytes:
    """The page without its ``<html>``, ``<head>`` and ``<body>`` tags."""
    return _FRAME_RE.sub(b"", html)


def minified(html: bytes) -> bytes:
    """No white space between tags."""
    return _BETWEEN_TAGS_RE.sub(b"><", html)


def layout_table(html: bytes) -> bytes:
    """The body's content in the second cell of a layout table, a menu in the first."""
    html = _at_body_start(html, LAYOUT)
    return _BODY_END_RE.sub(b"</td></tr></table></body>", html, count=1)


def cp1252(html: bytes) -> bytes:
    """The page's text in windows-1252 bytes (a page it cannot hold is left as it is)."""
    try:
        return html.decode("utf-8").encode("cp1252")
    except UnicodeError:
        return html


def charset_lie(html: bytes) -> bytes:
    """UTF-8 bytes that declare ``windows-1251``."""
    return _at_head(_META_CHARSET_RE.sub(b"", html), b'<meta charset="windows-1251">')


def _at_head(html: bytes, markup: bytes) -> bytes:
    m = re.search(rb"(?i)<head[^>]*>", html)
    return html[: m.end()] + markup + html[m.end():] if m else markup + html


def _paragraph_end_in_the_middle(html: bytes, share: float = 0.5) -> int | None:
    """Where the ``</p>`` nearest the middle of the page's paragraphs of at least 200
    characters of text (the article's, on a news page), or ``share`` of the way through
    them, ends; None on a page without two of them."""
    ends = [m.end() for m in _P_END_RE.finditer(html)]
    long_ends = [end for start, end in zip([0] + ends, ends)
                 if len(_TAGS_RE.sub(b"", html[max(start, end - 2000):end])) >= 200]
    if len(long_ends) < 2:
        return None
    return long_ends[max(0, int(len(long_ends) * share) - 1)]


def _after_paragraph_in_the_middle(html: bytes, markup: bytes, share: float = 0.5) -> bytes:
    """``markup`` after the paragraph of :func:`_paragraph_end_in_the_middle`; the page as
    it is without one."""
    at = _paragraph_end_in_the_middle(html, share)
    return html if at is None else html[:at] + markup + html[at:]


_TAGS_RE = re.compile(rb"<[^>]*>")
READ_ALSO = b'<p><strong>Read also:</strong> <a href="/x">Harbour strike enters its second week</a></p>'
NEWSLETTER = (b"<div><h3>Get our newsletter</h3><p>The day's top stories, every morning.</p>"
              b"<form><input type='email' placeholder='Email address'><button>Sign up</button></form></div>")
COMMENTS = (b"<div><h3>3 Comments</h3>"
            + b"".join(b"<div><p><b>" + name + b"</b> November 3, 2019 at 4:12 pm</p><p>" + text
                       + b"</p><p><a href='#'>Reply</a></p></div>"
                       for name, text in ((b"Maria", b"I read this twice and I still do not see why the "
                                           b"council waited so long to act on the reports."),
                                          (b"John D.", b"Great article, thanks for writing it, I shared it "
                                           b"with my neighbours who were at the meeting."),
                                          (b"Ana", b"The same thing happened in our town last year and "
                                           b"nobody was ever held to account for it.")))
            + b"<h3>Leave a Reply</h3><form><textarea></textarea><button>Post Comment</button></form></div>")
RELATED = (b"<div><h3>Related Articles</h3>"
           + b"".join(b"<div><h4><a href='/r'>" + title + b"</a></h4><p>" + summary + b"</p></div>"
                      for title, summary in ((b"Council approves new budget for the harbour",
                                              b"The vote came after a long debate about the cost of repairs."),
                                             (b"Ferry service to resume after the storm",
                                              b"Crossings will run on the summer timetable from Monday."),
                                             (b"Fishermen protest new quotas at the port",
                                              b"Hundreds of boats stayed in the harbour on Friday.")))
           + b"</div>")
SHARE = (b"<div><a href='#'>Share on Facebook</a> <a href='#'>Share on Twitter</a> "
         b"<a href='#'>Email</a> <a href='#'>Print</a></div>")


# A feed of the site's latest stories: "Latest news" over ten headlines, each after its time,
# every other one with a one-sentence summary.
_FEED = ((b"Council approves budget for new bridge over the river",
          b"The vote was passed by a narrow majority after a long debate on Tuesday evening."),
         (b"Storm leaves thousands without power in the north", b""),
         (b"Local team wins regional championship after extra time",
          b"Fans celebrated in the streets until the early hours of the morning."),
         (b"Hospital opens new wing for children", b""),
         (b"Rail strike set to disrupt services next week",
          b"Union leaders said talks had broken down over pay and working hours."),
         (b"Museum returns stolen paintings to owners", b""),
         (b"Police appeal for witnesses after night-time fire",
          b"Nobody was hurt, but the building was badly damaged by the flames."),
         (b"Farmers warn of poor harvest after dry summer", b""),
         (b"New cycle lanes planned for the city centre",
          b"The plans will be open for public comment until the end of the month."),
         (b"School meals to include more local produce", b""))
# A "Most read" box: the site's section label over five ranked links to other stories (the rank
# and the link inline, as a list's markup writes them; the feed's first five headlines).
MOST_READ = (b"<div><h3>Most read</h3><ol>"
             + b"".join(b"<li><span>" + str(rank).encode() + b"</span><a href='/m'>" + title + b"</a></li>"
                        for rank, (title, _) in enumerate(_FEED[:5], 1))
             + b"</ol></div>")
NEWS_FEED = (b"<div><h3>Latest news</h3>"
             + b"".join(b"<div><span>" + time + b"</span><a href='/n'>" + title + b"</a>"
                        + (b"<p>" + summary + b"</p>" if summary else b"") + b"</div>"
                        for time, (title, summary) in zip(
                            b"14:50 14:43 14:36 14:21 14:05 13:58 13:40 13:12 12:57 12:31".split(), _FEED))
             + b"</div>")
AD_BREAK = b"<div><p>Advertisement</p><p>Story continues below advertisement</p></div>"
PAGINATION = b"<div><a href='?p=1'>1</a> <a href='?p=2'>2</a> <a href='?p=3'>3</a> <a href='?p=2'>Next \xc2\xbb</a></div>"
LANGUAGES = (b"<ul><li><a href='/en'>English</a></li><li><a href='/de'>Deutsch</a></li>"
             b"<li><a href='/fr'>Fran\xc3\xa7ais</a></li><li><a href='/es'>Espa\xc3\xb1ol</a></li>"
             b"<li><a href='/ru'>\xd0\xa0\xd1\x83\xd1\x81\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9</a></li></ul>"
             b"<div><a href='/'>Home</a> &gt; <a href='/news'>News</a> &gt; <a href='/world'>World</a></div>")


def ad_break(html: bytes) -> bytes:
    """An advertisement's label and a "Story continues below advertisement" line after a
    paragraph in the middle of the article."""
    return _after_paragraph_in_the_middle(html, AD_BREAK)


def pagination(html: bytes) -> bytes:
    """Page links ("1 2 3 Next »") after the body's content."""
    return _at_body_end(html, PAGINATION)


def language_menu(html: bytes) -> bytes:
    """A language switcher and breadcrumbs open the body."""
    return _at_body_start(html, LANGUAGES)


def read_also(html: bytes) -> bytes:
    """An in-body "Read also: ..." teaser after a paragraph in the middle of the article."""
    return _after_paragraph_in_the_middle(html, READ_ALSO)


def newsletter_box(html: bytes) -> bytes:
    """A newsletter sign-up box after a paragraph in the middle of the article."""
    return _after_paragraph_in_the_middle(html, NEWSLETTER)


def comments(html: bytes) -> bytes:
    """A comment section without class names (three comments and a reply form) after the
    body's content."""
    return _at_body_end(html, COMMENTS)


def related(html: bytes) -> bytes:
    """A "Related Articles" box of three teasers without class names after a paragraph in the
    middle of the article."""
    return _after_paragraph_in_the_middle(html, RELATED)


def most_read(html: bytes) -> bytes:
    """A "Most read" box of five ranked links to other stories without class names after a
    paragraph in the middle of the article."""
    return _after_paragraph_in_the_middle(html, MOST_READ)


def news_feed(html: bytes) -> bytes:
    """A feed of the site's latest stories (ten headlines with their times, half of them
    with a summary) without class names after a paragraph in the middle of the article."""
    return _after_paragraph_in_the_middle(html, NEWS_FEED)


def share_bar(html: bytes) -> bytes:
    """A share bar without class names after a paragraph in the middle of the article."""
    return _after_paragraph_in_the_middle(html, SHARE)


# The next story, printed whole after the page's own (a site that loads its next article as the
# reader scrolls and writes the first of them into the page): its own headline, byline and eight
# paragraphs, about 430 words.
NEXT_STORY = (b"<article><h1>Harbour town votes to rebuild its storm-damaged sea wall</h1>"
              b"<p>By a staff reporter</p>"
              + b"".join(b"<p>" + text + b"</p>" for text in (
                  b"The town council voted on Thursday evening to rebuild the sea wall that protects "
                  b"the old harbour, ending a debate that had divided residents since the storms of "
                  b"last winter tore two large gaps in it.",
                  b"The plan, which passed by nine votes to four, will replace the damaged stretch "
                  b"with a higher concrete wall faced in local stone, and it will raise the quay by "
                  b"half a metre so that spring tides no longer flood the road behind it.",
                  b"Engineers told the meeting that the work would take about eighteen months and "
                  b"would cost a little over twelve million, most of it paid for by a regional fund "
                  b"for coastal defences and the rest by the town over the next ten years.",
                  b"Several fishermen spoke against the design, saying that the new wall would make "
                  b"the narrow entrance to the harbour harder to use in bad weather, and asked the "
                  b"council to wait for a second study of the currents before it signed a contract.",
                  b"The mayor said that the town could not afford another winter with the gaps open, "
                  b"and that the engineers had already changed the shape of the wall twice to meet "
                  b"the objections raised at earlier meetings.",
                  b"Shop owners along the quay welcomed the decision. Many of them lost stock when "
                  b"the water came through the wall in February, and several said their insurers "
                  b"had refused to cover them again unless the defences were repaired.",
                  b"Work on the first section is due to start in the spring, once the fishing boats "
                  b"have moved to their summer moorings, and the quay will stay open to walkers "
                  b"while the builders are there.",
                  b"The council will hold an open day at the town hall next month, where residents "
                  b"can see the drawings and put their questions to the engineers in person.",
              )) + b"</article>")
READ_MORE_OPEN = b'<div><div><a href="#more">Read more</a></div><div>'
# The same box whose container the page hides until the link is clicked.
READ_MORE_HIDDEN = b'<div><div><a href="#more">Read more</a></div><div style="display: none">'
READ_MORE_CLOSE = b"</div></div>"
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())
_TAG_OR_RAW_RE = re.compile(rb"(?is)<(script|style)\b.*?</\1\s*>|<!--.*?-->|<(/?)([a-z][a-z0-9]*)\b[^>]*?(/?)>")


def read_more(html: bytes, box: bytes = READ_MORE_OPEN) -> bytes:
    """The article's second half inside a "Read more" box (a link that unfolds it and a
    container of its own holding the rest of the article's element), as a site that
    folds long articles prints it: the box opens after the paragraph in the middle of the
    article and closes where the element that holds that paragraph ends (at the body's end
    when the markup never says)."""
    at = _paragraph_end_in_the_middle(html)
    if at is None:
        return html
    opened = html[:at] + box + html[at:]
    at += len(box)
    depth, close = 0, None
    for m in _TAG_OR_RAW_RE.finditer(opened, at):
        name = m.group(3)
        if name is None or m.group(4) or name.lower() in _VOID:
            continue  # a script, a comment, a void or self-closed element
        if m.group(2):
            depth -= 1
            if depth < 0:
                close = m.start()
                break
        else:
            depth += 1
    if close is None:
        end = _BODY_END_RE.search(opened, at)
        close = end.start() if end else len(opened)
    return opened[:close] + READ_MORE_CLOSE + opened[close:]


def read_more_hidden(html: bytes) -> bytes:
    """:func:`read_more` with the box's container hidden (``display: none``) until the
    link unfolds it."""
    return read_more(html, READ_MORE_HIDDEN)


def next_story(html: bytes) -> bytes:
    """The next story, headline and all, after the body's content (a site that writes the
    article a reader would scroll to next into the page)."""
    return _at_body_end(html, NEXT_STORY)


def wrapped(html: bytes) -> bytes:
    """Each paragraph inside a ``<div>`` of its own, as pages built of components write it."""
    return _P_END_RE.sub(b"</p></div>", _P_RE.sub(lambda m: b"<div><p" + m.group(1) + b">", html))


# A site's footer: its links and the publisher's legal notice, prose that is no article (the
# issue's "footers and imprints").
FOOTER = (b"<div><ul>" + b"".join(b"<li><a href='/f'>" + name + b"</a></li>" for name in (
              b"About us", b"Contact", b"Careers", b"Advertise", b"Terms of use", b"Privacy policy",
              b"Cookie settings", b"Imprint"))
          + b"</ul><p>\xc2\xa9 2019 Harbour Media Ltd. All rights reserved. The material on this site "
          b"may not be reproduced, distributed, transmitted, cached or otherwise used, except with "
          b"the prior written permission of Harbour Media. Harbour Media Ltd is registered in England "
          b"and Wales under company number 04512367; its registered office is at 10 Quay Street, "
          b"Portsmouth. Harbour Media is not responsible for the content of external sites.</p></div>")
# A slideshow of the kind a page puts inside its article: a counter, a photo's caption and credit
# for each of six slides, and the buttons between them.
GALLERY = (b"<div>" + b"".join(
               b"<div><span>" + str(k).encode() + b" / 6</span><img src='/g.jpg'><p>" + caption
               + b"</p><span>Photo: Reuters</span></div>" for k, caption in enumerate((
                   b"Crowds gather on the seafront before the parade.",
                   b"The mayor opens the festival at noon.",
                   b"Boats decorated with flags in the old harbour.",
                   b"A brass band marches along the quay.",
                   b"Children watch the fireworks from the beach.",
                   b"Stalls sell local food until late in the evening."), 1))
           + b"<button>Previous</button><button>Next</button></div>")
# A site's questions and answers about itself (a subscription's), shown open after the content.
FAQ = (b"<div><h3>Frequently asked questions</h3>" + b"".join(
           b"<div><button>" + question + b"</button><p>" + answer + b"</p></div>" for question, answer in (
               (b"How do I cancel my subscription?",
                b"You can cancel at any time from your account page. Your access continues until "
                b"the end of the period you have already paid for."),
               (b"Can I share my subscription with my family?",
                b"Yes. A family plan covers up to four readers in one household, each with a login "
                b"of their own."),
               (b"Why am I seeing advertisements?",
                b"Advertising helps pay for our journalism. Subscribers to the premium plan see "
                b"fewer advertisements on every page."),
               (b"How do I change my newsletter settings?",
                b"Open the newsletters tab in your account and choose the ones you want to receive "
                b"by email.")))
       + b"</div>")

# The author's box a site prints under its article: a label, a short biography, a follow link.
AUTHOR_BOX = (b"<div><h3>About the author</h3><p>Jane Miller is a senior reporter covering local "
              b"government and the coast. Before joining the paper in 2015 she worked for regional "
              b"radio stations in the north, and she has won two awards for her reporting on housing. "
              b"She lives by the sea with her family and two dogs.</p>"
              b"<p><a href='#'>Follow Jane on Twitter</a></p></div>")
# A box of promoted stories from an advertising network: its label, six cards (a title and
# the advertiser's name each) and the network's credit.
PROMOTED = (b"<div><h3>Promoted Stories</h3>" + b"".join(
                b"<div><a href='/p'>" + title + b"</a><div>" + source + b"</div></div>"
                for title, source in (
                    (b"Doctors stunned by this simple trick for sore knees", b"Health Daily"),
                    (b"The most beautiful beaches you have never heard of", b"Travel Weekly"),
                    (b"Homeowners are switching to this new kind of roof", b"Home Guide"),
                    (b"This game will keep you up all night", b"Games Hub"),
                    (b"Why everyone is talking about this new savings account", b"Money Tips"),
                    (b"20 photos taken at exactly the right moment", b"Fun Feed")))
            + b"<div>Recommended by Outbrain</div></div>")

# A video player inside the article: its label, the video playing (its title and duration) and
# the one up next.
VIDEO = (b"<div><span>Video</span><span>Now playing</span><h4>Watch: Storm batters the coast</h4>"
         b"<span>2:45</span><span>Up next</span><h4>Ferry service resumes after the storm</h4>"
         b"<span>1:32</span></div>")
# A paywall's prompt inside the article (a site that prints the whole article behind it).
PAYWALL = (b"<div><h3>You have reached your limit of free articles</h3><p>Subscribe today for "
           b"unlimited access to our award-winning journalism, the daily newsletter and the digital "
           b"edition of the paper on any device. Cancel anytime.</p><p><a href='#'>Subscribe now</a> "
           b"<a href='#'>Already a subscriber? Log in</a></p></div>")


def footer(html: bytes) -> bytes:
    """A site's footer (its links and the publisher's legal notice) without class names
    after the body's content."""
    return _at_body_end(html, FOOTER)


def gallery(html: bytes) -> bytes:
    """A slideshow of six photos (a counter, a caption and a credit each, the buttons
    between them) without class names after a paragraph in the middle of the article."""
    return _after_paragraph_in_the_middle(html, GALLERY)


def faq(html: bytes) -> bytes:
    """A site's questions and answers about its subscriptions, shown open, without class
    names after the body's content."""
    return _at_body_end(html, FAQ)


def author_box(html: bytes) -> bytes:
    """The author's box (a label, a biography, a follow link) without class names after the
    article's last paragraph."""
    return _after_paragraph_in_the_middle(html, AUTHOR_BOX, 1.0)


def promoted(html: bytes) -> bytes:
    """A box of six promoted stories (a title and the advertiser's name each) without class
    names after a paragraph in the middle of the article."""
    return _after_paragraph_in_the_middle(html, PROMOTED)


def video(html: bytes) -> bytes:
    """A video player (the video playing and the one up next, with their durations) without
    class names after a paragraph a quarter of the way through the article."""
    return _after_paragraph_in_the_middle(html, VIDEO, 0.25)


def paywall(html: bytes) -> bytes:
    """A paywall's prompt (its heading, its pitch, its links) without class names after a
    paragraph in the middle of the article."""
    return _after_paragraph_in_the_middle(html, PAYWALL)


def all_chrome(html: bytes) -> bytes:
    """The chrome changes at once, as a page of an unseen site has several kinds: a consent
    panel and a long menu before the body, a share bar, a related box and an ad break a
    quarter, half and three quarters of the way through the article, a comment section
    after it (all in English, whatever the page's language)."""
    html = menu(consent(html))
    # the last first: each box goes after a paragraph the boxes before it do not move
    html = _after_paragraph_in_the_middle(html, AD_BREAK, 0.75)
    html = _after_paragraph_in_the_middle(html, RELATED, 0.5)
    html = _after_paragraph_in_the_middle(html, SHARE, 0.25)
    return comments(html)


PERTURBATIONS: dict[str, Callable[[bytes], bytes]] = {
    "none": lambda html: html, "consent": consent, "notice": notice, "menu": menu, "br": br,
    "div": div, "no-body": no_body, "minified": minified, "layout-table": layout_table,
    "cp1252": cp1252, "charset-lie": charset_lie, "read-also": read_also,
    "newsletter-box": newsletter_box, "related": related, "most-read": most_read,
    "news-feed": news_feed, "share-bar": share_bar,
    "comments": comments, "ad-break": ad_break, "pagination": pagination,
    "language-menu": language_menu, "read-more": read_more,
    "read-more-hidden": read_more_hidden, "wrapped": wrapped,
    "next-story": next_story, "footer": footer, "gallery": gallery, "faq": faq,
    "author-box": author_box, "promoted": promoted, "video": video, "paywall": paywall,
    "all-chrome": all_chrome,
}


def perturbed(pages: Sequence[Page], change: Callable[[bytes], bytes]) -> list[Page]:
    return [page._replace(html=change(page.html)) for page in pages]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="+", help="data folder(s), one per set")
    parser.add_argument("--only", help="comma-separated changes: " + ",".join(PERTURBATIONS))
    parser.add_argument("--systems", default=DEFAULT_SYSTEMS, help=f"default {DEFAULT_SYSTEMS}")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--limit", type=int, help="only the first N ids (sorted) of each set")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    names = list(PERTURBATIONS) if not args.only else args.only.split(",")
    unknown = [name for name in names if name not in PERTURBATIONS]
    if unknown:
        print(f"unknown change(s) {', '.join(unknown)}; choose from {', '.join(PERTURBATIONS)}",
              file=sys.stderr)
        return 2
    systems = select_systems(args.systems)
    loaded = load_extractors(systems)
    runnable = [key for key, value in loaded.items() if callable(value)]
    set_labels = set_names(args.data)
    sets = {label: load_pages(folder, args.limit) for label, folder in zip(set_labels, args.data)}
    header = f"{'change':15} {'system':18}" + "".join(f" {label[:18]:>20}" for label in set_labels)
    print(f"F1 per set (pages keeping under {LOST_RECALL:.0%} of the article)")
    print(header)
    print("-" * len(header))
    for name in names:
        change = PERTURBATIONS[name]
        results = run_sets({label: perturbed(pages, change) for label, pages in sets.items()},
                           runnable, args.jobs)
        for system in systems:
            cells = []
            for label in set_labels:
                row = summarise(system, loaded[system.key],
                                [r for r in results if r.set_name == label])
                cells.append(f"{f1_score(row.precision, row.recall):.3f} ({row.lost})")
            print(f"{name:15} {system.key:18}" + "".join(f" {cell:>20}" for cell in cells),
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
