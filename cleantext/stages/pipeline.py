"""The stages in the order the Cleaner runs them, as data.

:data:`NORMALIZATION` lists the character and layout steps (run once, in this
order, before the language is known for certain); :data:`BOILERPLATE` the
boilerplate stages, which the Cleaner runs in a cycle until none has anything
left to do (see :meth:`cleantext.cleaner.Cleaner._remove_boilerplate`).  The
registry of rules in code and ``docs/rules.md`` are generated from these lists.
"""

from __future__ import annotations

from typing import NamedTuple

from ..corpus.profile import SITE_TEMPLATE, site_changes
from . import normalize as nf
from .base import Stage, Step
from .blocks import BLOCK_SCORE, REPEATED_LINE, BlockScorer
from .linkcuts import LINK_CUTS, join_link_cuts, link_cut_changes
from .rules import RuleSet
from .slideshow import SLIDESHOW, slideshow_changes
from .taglist import TAG_LIST, tag_list_changes


class Tools(NamedTuple):
    """What the boilerplate stages need for one language, built once by the Cleaner."""

    rules: RuleSet
    scorer: BlockScorer


NORMALIZATION: tuple[Step, ...] = (
    Step("line-breaks", (nf.LINE_BREAKS,), nf.line_break_changes, nf.fix_line_breaks),
    Step("terminal-escapes", (nf.TERMINAL_ESCAPES,), nf.terminal_escape_changes,
         nf.remove_terminal_escapes),
    # a whole page rendered to text only (see cleantext.stages.linkcuts)
    Step("link-cuts", (LINK_CUTS,), link_cut_changes, join_link_cuts),
    Step("repair", (nf.MOJIBAKE, nf.UNICODE_NFC), nf.repair_changes, nf.repair),
    Step("invisibles", (nf.INVISIBLES,), nf.invisible_changes, nf.remove_invisibles),
    Step("spaces", (nf.SPACES,), nf.space_changes, nf.fix_spaces),
    Step("quotes", (nf.DOUBLE_QUOTES, nf.SINGLE_QUOTES), nf.quote_changes, nf.fix_quotes),
    Step("unwrap", (nf.UNWRAP,), nf.unwrap_changes, nf.unwrap),
    Step("punctuation-lines", (nf.PUNCTUATION_LINES,), nf.punctuation_line_changes,
         nf.join_punctuation_lines),
    Step("layout", (nf.LAYOUT,), nf.layout_changes, nf.layout),
)

BOILERPLATE: tuple[Stage, ...] = (
    Stage("headline", lambda t, text, ctx: t.rules.headline_changes(text, ctx),
          kind="headline"),
    Stage("truncate-after", lambda t, text, ctx: t.rules.truncate_changes(text, ctx),
          kind="truncate-after", whole_paragraphs=True),
    # A slideshow's slides before block scoring: their captions are sentences that would
    # carry a span (or join the article's) as much as its paragraphs do.
    Stage("slideshow", lambda t, text, ctx: slideshow_changes(text, ctx),
          code_rules=(SLIDESHOW,), whole_paragraphs=True),
    # Block scoring before the drop-line rules: the pack phrases it counts as chrome ("Share",
    # "Advertisement" in a menu) are still on the page; it leaves those lines to their rules.
    Stage("block-score", lambda t, text, ctx: t.scorer.changes(text, ctx),
          code_rules=(BLOCK_SCORE, REPEATED_LINE), whole_paragraphs=True, whole_page=True),
    Stage("drop-line", lambda t, text, ctx: t.rules.drop_line_changes(text, ctx),
          kind="drop-line", line_local=True, whole_paragraphs=True),
    # After drop-line: the separators it removes between a run's lines ("|", "•") join the run.
    # Not line-local: a line's verdict depends on the lines around it.
    Stage("drop-run", lambda t, text, ctx: t.rules.drop_run_changes(text, ctx),
          kind="drop-run", whole_paragraphs=True),
    Stage("strip-inline", lambda t, text, ctx: t.rules.strip_inline_changes(text, ctx),
          kind="strip-inline", line_local=True),
    Stage("tag-list", lambda t, text, ctx: tag_list_changes(text, ctx),
          code_rules=(TAG_LIST,), whole_paragraphs=True),
    # Corpus mode: after block scoring, which has counted the template's lines as chrome
    # (and removed those outside the article's span); a no-op without a site template.
    Stage("site-template", lambda t, text, ctx: site_changes(t.scorer, text, ctx),
          code_rules=(SITE_TEMPLATE,), whole_paragraphs=True),
    # LY004 again (its rule is listed with the normalisation steps): the pieces of a sentence
    # that a removed line stood between (an advertisement's label, a link's counter) are one
    # paragraph too, or a second clean would join them
    Stage("link-cuts", lambda t, text, ctx: link_cut_changes(text, lambda line: t.rules.is_dropped(line, ctx)),
          whole_page=True),
)
