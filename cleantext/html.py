"""HTML to text lines: the input side of ``clean_html``.

Bytes are decoded by the declared charset, else by detection (BeautifulSoup's
UnicodeDammit).  Script, style and other non-text elements are dropped, and so
are elements that are page chrome by their tag (``nav``, ``header``,
``footer``, ``aside``, ``form``).  When the page has an ``<article>`` or
``<main>`` element, only its text is kept.  Block elements become lines; the
text pipeline then does the rest.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

_NOT_TEXT = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas")
_CHROME = ("nav", "header", "footer", "aside", "form", "button", "select")
_BLOCKS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figcaption",
    "figure", "br", "hr", "address", "header", "footer", "title",
}


def html_to_text(html: str | bytes) -> str:
    """The visible text of an HTML page, one block element per line."""
    soup = BeautifulSoup(html, "lxml")
    for tag in soup.find_all(_NOT_TEXT):
        tag.decompose()
    title = soup.find("h1")
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(_CHROME):
        tag.decompose()
    lines: list[str] = []
    if title is not None and root is not soup.body and title not in root.descendants:
        lines.append(title.get_text(" ", strip=True))
    lines.append(_block_text(root))
    return "\n".join(lines)


def _block_text(root) -> str:
    """Text of ``root`` with a line break around every block element."""
    for tag in root.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return root.get_text()
