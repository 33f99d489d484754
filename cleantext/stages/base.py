"""What every stage shares: the record of a rule implemented in code, and the records
that describe a stage of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Callable

from ..text.edits import Change, RuleRef


@dataclass(frozen=True)
class CodeRule:
    """Documentation of a rule implemented in code (not in a TOML pack)."""

    code: str
    name: str
    kind: str
    why: str
    module: str

    @cached_property
    def ref(self) -> RuleRef:
        """The record changes made by this rule carry (built once; it is immutable)."""
        return RuleRef(self.code, self.kind, self.why)


@dataclass(frozen=True)
class Stage:
    """One boilerplate stage, as the Cleaner's loop runs it.

    * ``run(tools, text, ctx)`` gives the stage's changes to canonical ``text``;
      ``tools`` holds what the Cleaner built for the document's language (its
      :class:`~cleantext.stages.rules.RuleSet` and block scorer);
    * ``kind`` is the rule kind of the packs the stage applies (None for a stage
      of rules in code), ``code_rules`` the rules in code it reports;
    * ``line_local``: its verdict on a paragraph depends on that paragraph alone;
    * ``whole_paragraphs``: its changes only ever remove whole paragraphs;
    * ``whole_page``: it runs only on a whole page rendered to text (left out
      when the DOM already chose the article's container).
    """

    name: str
    run: Callable[..., list[Change]]
    kind: str | None = None
    code_rules: tuple[CodeRule, ...] = ()
    line_local: bool = False
    whole_paragraphs: bool = False
    whole_page: bool = False


@dataclass(frozen=True)
class Step:
    """One normalisation step: its rules in code and its traced (``text -> changes``) and
    fast (``text -> text``) functions, listed for the reference; the Cleaner's
    normalisation runs them in this order (see :meth:`Cleaner._normalize`)."""

    name: str
    code_rules: tuple[CodeRule, ...]
    traced: Callable[..., list[Change]]
    fast: Callable[..., str] | None
