"""Corpus mode: learn each site's template from many of its pages and remove it.

* :mod:`.lines` -- the key of a line (digits, dates and counters folded) and its
  64-bit hash;
* :mod:`.learn` -- per-site counts of line hashes, mergeable and pruned as they
  go (:func:`learn_sites`);
* :mod:`.profile` -- a site's template as a reviewable TOML rule pack
  (:class:`SiteProfile`) and the SP001 stage that removes it from one text.
"""

from __future__ import annotations

from .learn import CorpusCounts, SiteCounts, learn_sites
from .profile import ProfileError, SiteProfile, load_profiles, save_profiles

__all__ = ["CorpusCounts", "ProfileError", "SiteCounts", "SiteProfile", "learn_sites", "load_profiles",
           "save_profiles"]
