"""The changed pages of ``benchmarks/perturb.py`` keep the article's text and change what
each change's name says."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make `benchmarks` importable

from benchmarks.perturb import PERTURBATIONS  # noqa: E402
from benchmarks.scrapinghub import full_page_text  # noqa: E402

PARAGRAPHS = ["The ferry to the island leaves at nine from May — the harbour’s new timetable.",
              "Two more crossings run on Sundays, and tickets cost the same as last year."]
PAGE = ("<!DOCTYPE html>\n<html lang='en'>\n<head><meta charset='utf-8'><title>Ferry</title></head>\n"
        "<body class='page'>\n<div class='story'>\n  <h1>Ferry timetable</h1>\n"
        + "".join(f"  <p class='para'>{p}</p>\n" for p in PARAGRAPHS)
        + "</div>\n</body>\n</html>\n").encode("utf-8")


@pytest.mark.parametrize("name", list(PERTURBATIONS))
def test_a_changed_page_keeps_the_article(name):
    changed = PERTURBATIONS[name](PAGE)
    text = full_page_text(changed)
    if name in ("cp1252", "charset-lie"):  # the bytes change; a decoder that reads them right
        changed = changed.decode("cp1252" if name == "cp1252" else "utf-8").encode("utf-8")
        text = full_page_text(changed)
    assert all(p in text for p in PARAGRAPHS), text
    assert "Ferry timetable" in text


def test_each_change_changes_what_it_says():
    assert PERTURBATIONS["none"](PAGE) == PAGE
    assert full_page_text(PERTURBATIONS["consent"](PAGE)).startswith("Ferry\nWe use cookies")
    assert full_page_text(PERTURBATIONS["notice"](PAGE)).split("\n")[1].startswith("Внимание!")
    assert full_page_text(PERTURBATIONS["menu"](PAGE)).count("\n") >= 150
    assert b"<p" not in PERTURBATIONS["br"](PAGE) and b"<br><br>" in PERTURBATIONS["br"](PAGE)
    assert b"<p" not in PERTURBATIONS["div"](PAGE) and b"<div class='para'>" in PERTURBATIONS["div"](PAGE)
    assert not any(tag in PERTURBATIONS["no-body"](PAGE) for tag in (b"<html", b"<head", b"<body", b"</body"))
    assert b">\n<" not in PERTURBATIONS["minified"](PAGE)
    assert b"<table" in PERTURBATIONS["layout-table"](PAGE)
    assert PERTURBATIONS["cp1252"](PAGE) == PAGE.decode("utf-8").encode("cp1252")
    lie = PERTURBATIONS["charset-lie"](PAGE)
    assert b'charset="windows-1251"' in lie and b"charset='utf-8'" not in lie
    lines = full_page_text(PERTURBATIONS["next-story"](PAGE)).split("\n")
    assert lines.index(PARAGRAPHS[1]) < lines.index("Harbour town votes to rebuild its storm-damaged sea wall")
    assert len(lines) >= len(full_page_text(PAGE).split("\n")) + 10  # its headline, byline, 8 paragraphs


def test_boxes_go_after_a_paragraph_in_the_middle_of_the_article():
    long = ["The council met on Tuesday and agreed to repair the old bridge over the river before "
            f"the winter, after a survey found cracks in two of its arches and in the road, part {i}."
            * 2 for i in range(4)]
    page = ("<html><body><h1>Bridge</h1>" + "".join(f"<p>{p}</p>" for p in long)
            + "</body></html>").encode("utf-8")
    for name, first in (("read-also", "Read also:"), ("share-bar", "Share on Facebook"),
                        ("newsletter-box", "Get our newsletter"), ("related", "Related Articles"),
                        ("most-read", "Most read"), ("news-feed", "Latest news"),
                        ("ad-break", "Advertisement"), ("gallery", "1 / 6"),
                        ("promoted", "Promoted Stories"),
                        ("paywall", "You have reached your limit of free articles")):
        lines = full_page_text(PERTURBATIONS[name](page)).split("\n")
        at = lines.index(first)
        assert lines[at - 1] == long[1] and long[2] in lines[at + 1:], name
    # the video a quarter of the way through, the author's box after the last paragraph
    lines = full_page_text(PERTURBATIONS["video"](page)).split("\n")
    assert lines[lines.index("Video") - 1] == long[0]
    lines = full_page_text(PERTURBATIONS["author-box"](page)).split("\n")
    assert lines[lines.index("About the author") - 1] == long[3]
    # the footer and the questions and answers after the body's content
    for name, first in (("footer", "About us"), ("faq", "Frequently asked questions")):
        lines = full_page_text(PERTURBATIONS[name](page)).split("\n")
        assert lines.index(first) > lines.index(long[3]), name
    lines = full_page_text(PERTURBATIONS["all-chrome"](page)).split("\n")
    assert any(line.startswith("We use cookies") for line in lines[: lines.index("Bridge")])
    assert lines.index("3 Comments") > lines.index(long[-1])
    # the boxes spread through the article: share bar, related box, ad break, in that order
    at = [lines.index(first) for first in ("Share on Facebook", "Related Articles", "Advertisement")]
    assert at == sorted(at) and len({lines[k - 1] for k in at}) == 3
    assert all(p in lines for p in long)
    lines = full_page_text(PERTURBATIONS["comments"](page)).split("\n")
    assert lines.index("3 Comments") > lines.index(long[3])
    lines = full_page_text(PERTURBATIONS["pagination"](page)).split("\n")
    assert lines.index("Next »") > lines.index(long[3])
    lines = full_page_text(PERTURBATIONS["language-menu"](page)).split("\n")
    assert lines.index("Deutsch") < lines.index("Bridge")
    # a page without two long paragraphs is left as it is
    assert PERTURBATIONS["read-also"](PAGE) == PAGE


def test_read_more_folds_the_rest_of_the_article_s_element_into_a_box():
    from lxml import etree

    long = ["The council met on Tuesday and agreed to repair the old bridge over the river before "
            f"the winter, after a survey found cracks in two of its arches and in the road, part {i}."
            * 2 for i in range(4)]
    page = ("<html><body><div class='story'><h1>Bridge</h1>" + "".join(f"<p>{p}</p>" for p in long)
            + "<img src='bridge.jpg'><br></div><div>Most read: the ferry timetable</div>"
            "</body></html>").encode("utf-8")
    changed = PERTURBATIONS["read-more"](page)
    lines = full_page_text(changed).split("\n")
    assert lines.index("Read more") == lines.index(long[1]) + 1
    doc = etree.fromstring(changed, etree.HTMLParser())
    box = doc.xpath("//a[.='Read more']/../..")[0]
    inside = ["".join(p.itertext()) for p in box.iter("p")]
    assert inside == long[2:]  # the rest of the story's element, its image too
    assert box.getparent().get("class") == "story" and box.find(".//img") is not None
    assert "Most read" not in "".join(box.itertext())
    # a page without two long paragraphs is left as it is
    assert PERTURBATIONS["read-more"](PAGE) == PAGE


def test_wrapped_puts_each_paragraph_in_a_div_of_its_own():
    wrapped = PERTURBATIONS["wrapped"](PAGE)
    assert wrapped.count(b"<div><p class='para'>") == len(PARAGRAPHS)
    assert wrapped.count(b"</p></div>") == len(PARAGRAPHS)
    assert full_page_text(wrapped) == full_page_text(PAGE)
