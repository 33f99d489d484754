"""The elements strip_hidden asks about are those the XPath query it replaced selects,
in the same order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleantext.io.html import _may_hide

QUERY = etree.XPath(".//*[@hidden or @aria-hidden or contains(@style, 'none')"
                    " or contains(@style, 'hidden') or contains(@style, '-')]")

ATTRIBUTES = st.sampled_from([
    "", ' hidden', ' hidden=""', ' aria-hidden="true"', ' aria-hidden="false"',
    ' style="display:none"', ' style="DISPLAY: NONE"', ' style="visibility: hidden"',
    ' style="overflow:hidden"', ' style="color:red"', ' style=""', ' class="none"',
    ' data-hidden="1"', ' style="border: none; display: block"',
    ' style="position:absolute; left:-9999px"', ' style="text-indent: -999em"',
    ' style="margin-top: 12px"', ' style="font-size: 12px"'])


@st.composite
def pages(draw):
    def element(depth):
        tag = draw(st.sampled_from(["div", "p", "span", "section", "ul", "li"]))
        attrs = draw(ATTRIBUTES)
        inner = "" if depth > 3 else "".join(
            element(depth + 1) for _ in range(draw(st.integers(0, 3))))
        text = draw(st.sampled_from(["", "text", "<!-- a comment -->"]))
        return f"<{tag}{attrs}>{text}{inner}</{tag}>"
    return "<html><body>" + "".join(element(0) for _ in range(draw(st.integers(1, 4)))) + "</body></html>"


@settings(max_examples=300, deadline=None)
@given(pages())
def test_the_same_elements_as_the_query(markup):
    body = etree.fromstring(markup, etree.HTMLParser()).find("body")
    assert [el for el in body.iterdescendants(etree.Element) if _may_hide(el)] == QUERY(body)
