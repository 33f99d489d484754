"""Learn each site's template: per-site counts of line hashes, mergeable, pruned as they go.

For every site the counts hold, per 64-bit line hash (:func:`~.lines.line_hash`),
on how many of the site's pages the line was seen (once per page however often
the page prints it) and on how many of those it sat in the top half of the
page.  Article text never repeats across pages, so most hashes are seen once:
the counts are pruned as they go by *lossy counting* (Manku and Motwani, 2002).
The pages of a site fall in buckets of :data:`BUCKET_PAGES`; at the end of
bucket ``b`` every hash whose count plus its possible undercount (``delta``,
the buckets before it first came) is at most ``b`` is dropped.  A line seen on
at least a share ``1 / BUCKET_PAGES`` of the pages is never dropped, and its
count is short by at most that share of the pages, so the counts report a
lower bound: evidence is never overstated.  Memory per site is bounded by the
template plus about one bucket of pages' lines, whatever the number of pages.

Counts of two parts of a corpus merge by summing (:meth:`SiteCounts.merge`),
which is what a Dask reduction needs (:mod:`cleantext.corpus.dask`).
"""

from __future__ import annotations

import math
from typing import Iterable

from .lines import key_hash, line_key, text_lines
from .profile import SiteProfile, TemplateLine

# Lossy counting's bucket width in pages (error bound 1/BUCKET_PAGES of a site's pages).
BUCKET_PAGES = 20
# A line is template when it is on at least this share of the site's pages ...
MIN_SHARE = 0.5
# ... and on at least this many of them (so a site with one page has no template).
MIN_PAGES = 2
# Text kept for review per counted line (only for lines seen on two pages or more).
SAMPLE_CHARS = 200
_FIELD = 32
_MASK = (1 << _FIELD) - 1


def _pack(count: int, top: int, delta: int) -> int:
    return count | top << _FIELD | delta << 2 * _FIELD


def _unpack(value: int) -> tuple[int, int, int]:
    return value & _MASK, value >> _FIELD & _MASK, value >> 2 * _FIELD


class SiteCounts:
    """The line counts of one site (see the module's docstring)."""

    __slots__ = ("site", "pages", "entries", "samples")

    def __init__(self, site: str) -> None:
        self.site = site
        self.pages = 0
        self.entries: dict[int, int] = {}  # hash -> count | top << 32 | delta << 64
        self.samples: dict[int, str] = {}  # hash -> a line with that key (count >= 2)

    def add(self, text: str) -> None:
        """Count the lines of one page of the site."""
        lines = text_lines(text)
        self.pages += 1
        delta = (self.pages - 1) // BUCKET_PAGES  # buckets completed before this page
        entries, samples = self.entries, self.samples
        half = len(lines) / 2
        seen: set[int] = set()
        for i, line in enumerate(lines):
            key = line_key(line)
            if not key:
                continue
            h = key_hash(key)
            if h in seen:
                continue
            seen.add(h)
            top = i < half
            value = entries.get(h)
            if value is None:
                entries[h] = 1 | top << _FIELD | delta << 2 * _FIELD
                continue
            value += 1 | top << _FIELD
            entries[h] = value
            if h not in samples:
                samples[h] = line[:SAMPLE_CHARS]
        if self.pages % BUCKET_PAGES == 0:
            self.prune()

    def prune(self) -> None:
        """Drop the hashes lossy counting lets go at the end of the current bucket."""
        bucket = self.pages // BUCKET_PAGES
        if bucket == 0:
            return
        gone = [h for h, v in self.entries.items() if (v & _MASK) + (v >> 2 * _FIELD) <= bucket]
        for h in gone:
            del self.entries[h]
            self.samples.pop(h, None)

    def merge(self, other: "SiteCounts") -> "SiteCounts":
        """Add the counts of ``other`` (another part of the same site's pages) to these."""
        if other.site != self.site:
            raise ValueError(f"cannot merge counts of {other.site!r} into {self.site!r}")
        entries = self.entries
        for h, v in other.entries.items():
            mine = entries.get(h)
            if mine is None:
                # seen nowhere here: it may have been pruned here, on up to the buckets here
                entries[h] = v + ((self.pages // BUCKET_PAGES) << 2 * _FIELD)
            else:
                entries[h] = mine + v
        for h, v in self.entries.items():
            if h not in other.entries:
                entries[h] = v + ((other.pages // BUCKET_PAGES) << 2 * _FIELD)
        for h, s in other.samples.items():
            self.samples.setdefault(h, s)
        self.pages += other.pages
        self.prune()
        return self

    def count(self, h: int) -> int:
        """On how many pages the line of hash ``h`` was seen (a lower bound; 0 when pruned)."""
        return _unpack(self.entries.get(h, 0))[0]

    def profile(self, min_share: float = MIN_SHARE, min_pages: int = MIN_PAGES) -> SiteProfile:
        """The site's template: the lines seen on at least ``min_share`` of its pages and on
        at least ``min_pages`` pages, with their evidence."""
        need = max(min_pages, math.ceil(min_share * self.pages - 1e-9))
        lines = {}
        for h, v in self.entries.items():
            count, top, _ = _unpack(v)
            if count < need:
                continue
            share_top = top / count
            position = "top" if share_top >= 0.8 else "bottom" if share_top <= 0.2 else "any"
            lines[h] = TemplateLine(h, count, self.samples.get(h, ""), position)
        return SiteProfile(self.site, self.pages, lines, min_share=min_share, min_pages=min_pages)


class CorpusCounts:
    """Line counts of every site of a corpus: ``add(site, text)`` page by page, ``merge``
    with the counts of another part, ``profiles()`` at the end."""

    __slots__ = ("sites",)

    def __init__(self) -> None:
        self.sites: dict[str, SiteCounts] = {}

    def add(self, site: str, text: str) -> "CorpusCounts":
        counts = self.sites.get(site)
        if counts is None:
            counts = self.sites[site] = SiteCounts(site)
        counts.add(text)
        return self

    def update(self, pairs: Iterable[tuple[str, str]]) -> "CorpusCounts":
        for site, text in pairs:
            self.add(site, text)
        return self

    def merge(self, other: "CorpusCounts") -> "CorpusCounts":
        for site, counts in other.sites.items():
            mine = self.sites.get(site)
            if mine is None:
                self.sites[site] = counts
            else:
                mine.merge(counts)
        return self

    def profiles(self, min_share: float = MIN_SHARE, min_pages: int = MIN_PAGES
                 ) -> dict[str, SiteProfile]:
        """Each site's :class:`SiteProfile` (a site with too few pages gets an empty one)."""
        return {site: c.profile(min_share, min_pages) for site, c in sorted(self.sites.items())}


def learn_sites(pairs: Iterable[tuple[str, str]], *, min_share: float = MIN_SHARE,
                min_pages: int = MIN_PAGES) -> dict[str, SiteProfile]:
    """Learn each site's template from ``(site, text)`` pairs (one pass, streamed).

    A line is template when it is seen on at least ``min_share`` of the site's
    pages and on at least ``min_pages`` of them; a site with fewer pages than
    that has an empty profile (its pages are cleaned as single documents).
    """
    if not 0.0 < min_share <= 1.0:
        raise ValueError(f"min_share must be in (0, 1], got {min_share!r}")
    if min_pages < 2:
        raise ValueError(f"min_pages must be at least 2, got {min_pages!r}")
    return CorpusCounts().update(pairs).profiles(min_share, min_pages)
