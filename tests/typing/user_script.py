"""The public API as a user calls it; ``mypy --strict`` checks this file (tests/test_typing.py).

It is type-checked, not run: every call here must be accepted, and the option names and
values are checked against ``Cleaner``'s (``quotes="fancy"`` or ``lang=1`` would fail).
"""

from __future__ import annotations

from pathlib import Path

import pandas

import cleantext
from cleantext import Cleaner, CleanerOptions, Edit, QuoteStyle, Result, SiteProfile, replay
from cleantext.adapters.hf import clean_batch
from cleantext.adapters.pandas import clean_series


def one_call(text: str, page: bytes) -> list[str]:
    out = [cleantext.clean(text), cleantext.clean(text, lang="en", quotes="typographic")]
    out.append(cleantext.clean_html(page, quotes="keep"))
    out.append(cleantext.clean_html(page.decode("utf-8"), builtin_names=False))
    return out


def traced(text: str) -> str:
    result: Result = cleantext.explain(text, lang="de")
    edits: list[Edit] = result.changes
    for edit in edits:
        start, end = edit.span
        print(edit.code, edit.action, start, end, edit.before, edit.after, edit.why, edit.also)
    counts: dict[str, int] = result.counts()
    print(result.language, result.flags, result.overdeleted, counts, result.as_dict()["text"])
    assert replay(text, edits) == result.text
    return result.text


def reused(texts: list[str], rules: Path, pages: list[tuple[str, str]]) -> list[str]:
    style: QuoteStyle = "ascii"
    options: CleanerOptions = {"lang": None, "quotes": style, "names": [rules], "rules": str(rules)}
    cleaner = Cleaner(**options)
    cleaner = Cleaner(lang="en", names=None, builtin_names=True, rules=[rules], quotes="typographic",
                      ftfy={"fix_latin_ligatures": False})
    profiles: dict[str, SiteProfile] = cleantext.learn_sites(pages, min_share=0.5, min_pages=2)
    written: list[Path] = cleantext.save_profiles(profiles, "profiles")
    corpus = Cleaner(profiles=cleantext.load_profiles(written))
    out = [cleaner.clean(t, whole_page=False) for t in texts]
    out += [corpus.clean(text, site=site) for site, text in pages]
    result = cleaner.explain_html("<p>Hi</p>", site=None)
    print(result.extraction.summary() if result.extraction else "", cleaner.options["quotes"])
    print(cleaner.languages, cleaner.warm().normalize_only("x"), cleantext.__version__)
    return out


def adapters(texts: list[str | None], series: pandas.Series) -> pandas.Series:
    batch = clean_batch({"text": list(texts)}, "text", output_column="clean", lang="en")
    print(batch["clean"])
    return clean_series(series, html=False, quotes="ascii")
