"""Every rule implemented in code, for the documentation and the fixture meta-test.

Declarative rules live in the TOML packs; rules that need code declare a
:class:`~cleantext.stages.base.CodeRule` in their module and are listed here.
"""

from __future__ import annotations

from .corpus import profile as corpus_profile
from .names import table as names
from .stages import blocks, normalize, taglist

CODE_RULES = [*normalize.CODE_RULES, taglist.TAG_LIST, blocks.BLOCK_SCORE, blocks.REPEATED_LINE,
              *names.CODE_RULES, corpus_profile.SITE_TEMPLATE]
