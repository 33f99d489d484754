"""HTML to text lines: list items, data tables, chrome by class/id, deep trees."""

from __future__ import annotations

from cleantext.html import html_to_text


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


def test_deep_tree_keeps_its_text():
    text = html_to_text("<html><body>" + "<div>" * 5000 + "<p>Deep text.</p>"
                        + "</div>" * 5000 + "</body></html>")
    assert "Deep text." in text
