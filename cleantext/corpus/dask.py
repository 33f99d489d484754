"""The learning pass on Dask: per-partition counts, merged by a tree reduction.

>>> profiles = learn_sites_bag(bag)   # bag of (site, text) pairs

Each partition counts its pages (:class:`~cleantext.corpus.learn.CorpusCounts`,
pruned as they go); the partitions' counts are merged pairwise
(``Bag.reduction``), so no worker ever holds more than two partitions' counts.
This module imports dask only when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from .learn import MIN_PAGES, MIN_SHARE, CorpusCounts
from .profile import SiteProfile

if TYPE_CHECKING:
    from dask.bag import Bag
    from dask.delayed import Delayed


def _count(pairs: Iterable[tuple[str, str]]) -> CorpusCounts:
    return CorpusCounts().update(pairs)


def _merge(parts: Iterable[CorpusCounts]) -> CorpusCounts:
    out = CorpusCounts()
    for part in parts:
        out.merge(part)
    return out


def count_bag(bag: Bag) -> Delayed:
    """A delayed :class:`CorpusCounts` of a bag of ``(site, text)`` pairs."""
    counts: Delayed = bag.reduction(_count, _merge, split_every=8)
    return counts


def learn_sites_bag(bag: Bag, *, min_share: float = MIN_SHARE, min_pages: int = MIN_PAGES,
                    **compute_options: Any) -> dict[str, SiteProfile]:
    """:func:`cleantext.learn_sites` over a Dask bag of ``(site, text)`` pairs."""
    counts: CorpusCounts = count_bag(bag).compute(**compute_options)
    return counts.profiles(min_share, min_pages)
