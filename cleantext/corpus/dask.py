"""The learning pass on Dask: per-partition counts, merged by a tree reduction.

>>> profiles = learn_sites_bag(bag)   # bag of (site, text) pairs

Each partition counts its pages (:class:`~cleantext.corpus.learn.CorpusCounts`,
pruned as they go); the partitions' counts are merged pairwise
(``Bag.reduction``), so no worker ever holds more than two partitions' counts.
This module imports dask only when called.
"""

from __future__ import annotations

from .learn import MIN_PAGES, MIN_SHARE, CorpusCounts
from .profile import SiteProfile


def _count(pairs) -> CorpusCounts:
    return CorpusCounts().update(pairs)


def _merge(parts) -> CorpusCounts:
    out = CorpusCounts()
    for part in parts:
        out.merge(part)
    return out


def count_bag(bag):
    """A delayed :class:`CorpusCounts` of a bag of ``(site, text)`` pairs."""
    return bag.reduction(_count, _merge, split_every=8)


def learn_sites_bag(bag, *, min_share: float = MIN_SHARE, min_pages: int = MIN_PAGES,
                    **compute_options) -> dict[str, SiteProfile]:
    """:func:`cleantext.learn_sites` over a Dask bag of ``(site, text)`` pairs."""
    counts = count_bag(bag).compute(**compute_options)
    return counts.profiles(min_share, min_pages)
