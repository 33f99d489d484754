"""A site's template as a reviewable TOML rule pack, and SP001, the stage that removes it.

One file per site::

    # cleantext site profile: review, edit, commit next to the crawler's config.
    site = "example.com"
    pages = 50          # pages it was learned from
    min_share = 0.5     # a line is template on at least this share of the pages ...
    min_pages = 2       # ... and on at least this many

    [[line]]
    hash = "9f3c2b1a00d4e5f6"   # the line's 64-bit key hash (see cleantext.corpus.lines)
    text = "Comments (12)"      # one line with that key, for review
    pages = 47                  # evidence: seen on 47 of the 50 pages
    position = "bottom"         # top, bottom or any: where on the page it sits
    # remove = true             # remove it even where it reads as prose inside the article
    # keep = true               # never remove it

A line written by hand needs only ``text`` (its hash is that of its key).
Loading is strict: an unknown key, a wrong type or a bad hash is an error
naming the file.

On a page of the site, the Cleaner puts the page's view of the profile
(:class:`PageTemplate`) in the document's context, unless most of the page's
prose is on other pages of the site too (a copy of another page: left alone,
with a note).  Two stages then use it:

* **block scoring** counts a run of at least ``TEMPLATE_RUN`` template blocks (a
  menu, a footer, a newsletter box) as chrome, so the template both costs in
  the search for the article's span and cuts the span off where single-document
  scoring would; the template lines it removes outside the span are reported as
  **SP001** with the evidence ("seen on 47 of 50 pages of example.com");
* the **site-template** stage (:func:`site_changes`), after block scoring,
  removes the template lines it left: outside the article's span, every one,
  and a *template block*'s varying lines (outside the article but for the run
  right before it -- headline, byline -- a short run, at most :data:`GAP_LINES`,
  of lines that are not prose between two template lines: a "Related" list
  whose titles change); inside the span, the lines of template runs.

It guards the article: a lone template line amid the article's own text (a
section heading, a fragment of a sentence cut by links) is left alone, and a
template line that reads as prose (a paragraph of running text by the block
scorer's classes) inside the article's span (a standard disclaimer, an editor's
note) is kept and reported in the trace's flags, unless its entry says
``remove = true``.
Removing every line of a page is never done.  A site learned from one page has
no template, so its pages get the single-document result.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence, cast

from ..lang.stoplists import stoplist
from ..stages.base import CodeRule
from ..stages.blocks import PROSE, Block, BlockScorer, main_span, signals
from ..text.context import Context
from ..text.edits import Change, RuleRef
from ..text.paragraphs import paragraphs, removal_changes
from .lines import line_hash, line_key, key_hash

SITE_TEMPLATE = CodeRule(
    "SP001", "site-template", "drop-line",
    "A line the site prints on most of its pages (menu, footer, newsletter pitch, section "
    "header), or a varying line inside such a block, is the site's template, not the article.",
    __name__)

# A run of at most this many lines between template lines outside the article (not the run right
# before it) is part of the template block, but for its prose (chosen on the scrapinghub set).
GAP_LINES = 3
POSITIONS = ("top", "bottom", "any")
SUFFIX = ".toml"


class ProfileError(ValueError):
    """A site profile that cannot be loaded (names the file and what is wrong)."""


@dataclass(frozen=True, slots=True)
class TemplateLine:
    """One line of a site's template and its evidence."""

    hash: int
    pages: int
    text: str = ""
    position: str = "any"
    remove: bool = False  # remove even where it reads as prose inside the article
    keep: bool = False  # never remove


@dataclass(slots=True)
class SiteProfile:
    """A site's learned template: its lines by hash, and how many pages it was learned from."""

    site: str
    pages: int
    lines: dict[int, TemplateLine] = field(default_factory=dict)
    min_share: float = 0.5
    min_pages: int = 2

    def __len__(self) -> int:
        return len(self.lines)

    # -- TOML ----------------------------------------------------------------
    def to_toml(self) -> str:
        """The profile as a TOML rule pack (lines by evidence, most pages first)."""
        out = ["# cleantext site profile: the lines this site prints on most of its pages.",
               "# Review and edit: delete an entry to keep that line, add `remove = true` to remove",
               "# it even where it reads as prose inside the article, `keep = true` to never remove it.",
               f"site = {_toml_str(self.site)}",
               f"pages = {self.pages}",
               f"min_share = {self.min_share!r}",
               f"min_pages = {self.min_pages}"]
        for t in sorted(self.lines.values(), key=lambda t: (-t.pages, t.text, t.hash)):
            out += ["", "[[line]]", f'hash = "{t.hash:016x}"', f"text = {_toml_str(t.text)}",
                    f"pages = {t.pages}", f'position = "{t.position}"']
            if t.remove:
                out.append("remove = true")
            if t.keep:
                out.append("keep = true")
        return "\n".join(out) + "\n"

    @classmethod
    def from_toml(cls, text: str, source: str = "<profile>") -> "SiteProfile":
        """Parse a profile strictly (errors name ``source``)."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ProfileError(f"{source}: not valid TOML: {exc}") from None
        _keys(data, {"site", "pages", "min_share", "min_pages", "line"}, {"site"}, source)
        site = _typed(data, "site", str, source)
        pages = _typed(data, "pages", int, source, 0)
        min_share = _typed(data, "min_share", (int, float), source, 0.5)
        min_pages = _typed(data, "min_pages", int, source, 2)
        if not site.strip():
            raise ProfileError(f"{source}: site is empty")
        if pages < 0 or not 0 < min_share <= 1 or min_pages < 1:
            raise ProfileError(f"{source}: pages, min_share or min_pages out of range")
        lines: dict[int, TemplateLine] = {}
        entries = data.get("line", [])
        if not isinstance(entries, list):
            raise ProfileError(f"{source}: line must be an array of tables ([[line]])")
        for n, entry in enumerate(entries, 1):
            where = f"{source}: line {n}"
            if not isinstance(entry, dict):
                raise ProfileError(f"{where}: not a table")
            _keys(entry, {"hash", "text", "pages", "position", "remove", "keep"}, set(), where)
            text_ = _typed(entry, "text", str, where, "")
            if "hash" in entry:
                raw = _typed(entry, "hash", str, where)
                try:
                    h = int(raw, 16)
                except ValueError:
                    h = -1
                if not 0 <= h < 1 << 64 or len(raw) != 16:
                    raise ProfileError(f"{where}: hash must be 16 hexadecimal digits, got {raw!r}")
            elif line_key(text_):
                h = line_hash(text_)
            else:
                raise ProfileError(f"{where}: needs a hash or a non-blank text")
            position = _typed(entry, "position", str, where, "any")
            if position not in POSITIONS:
                raise ProfileError(f"{where}: position must be one of {', '.join(POSITIONS)}")
            line = TemplateLine(h, _typed(entry, "pages", int, where, pages), text_, position,
                                _typed(entry, "remove", bool, where, False),
                                _typed(entry, "keep", bool, where, False))
            if line.remove and line.keep:
                raise ProfileError(f"{where}: remove and keep cannot both be true")
            lines[h] = line
        return cls(site, pages, lines, float(min_share), min_pages)

    def save(self, folder: str | Path) -> Path:
        """Write the profile as ``folder/<site>.toml``; returns the path."""
        path = Path(folder) / profile_filename(self.site)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.to_toml(), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path) -> "SiteProfile":
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ProfileError(f"{path}: cannot read: {exc}") from None
        return cls.from_toml(text, str(path))

    # -- the stage -------------------------------------------------------------
    def for_page(self, text: str, language: str | None = None) -> tuple["PageTemplate | None", list[str]]:
        """This profile as the stages see it on canonical ``text`` (a page of the site), or
        None with a note when the page is left alone (see :func:`page_template`)."""
        return page_template(text, self, stoplist(language))


def profile_filename(site: str) -> str:
    """A file name for a site's profile (the site itself, made safe)."""
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in site).strip("._") or "site"
    return safe[:120] + SUFFIX


def save_profiles(profiles: Mapping[str, SiteProfile] | Iterable[SiteProfile], folder: str | Path
                  ) -> list[Path]:
    """Write one TOML pack per site under ``folder``; sites without template lines are skipped."""
    items = profiles.values() if isinstance(profiles, Mapping) else profiles
    return [p.save(folder) for p in items if p.lines]


def load_profiles(source: str | Path | Iterable[str | Path] | Mapping[str, SiteProfile] | None
                  ) -> dict[str, SiteProfile]:
    """Profiles by site from a folder of ``*.toml`` packs, a list of files or folders, or a
    mapping (returned as a dict).  Two packs for one site are an error."""
    if source is None:
        return {}
    if isinstance(source, Mapping):
        given = dict(source)
        for site, prof in given.items():
            if not isinstance(prof, SiteProfile):
                raise TypeError(f"profiles[{site!r}] is a {type(prof).__name__}, not a SiteProfile")
        return given
    items = [source] if isinstance(source, (str, Path)) else list(source)
    out: dict[str, SiteProfile] = {}
    for item in items:
        if isinstance(item, SiteProfile):
            files: Sequence[SiteProfile | Path] = [item]
        else:
            path = Path(item)
            if path.is_dir():
                files = sorted(path.glob("*" + SUFFIX))
            elif path.is_file():
                files = [path]
            else:
                raise ProfileError(f"{path}: no such profile file or folder")
        for f in files:
            prof = f if isinstance(f, SiteProfile) else SiteProfile.load(f)
            if prof.site in out:
                raise ProfileError(f"{f}: a second profile for site {prof.site!r}")
            out[prof.site] = prof
    return out


class PageTemplate:
    """A site's template on one page: what the context hands the stages (block scoring
    counts its lines as chrome, :func:`site_changes` removes them).  Lines are looked up
    by their key's hash once per distinct text of the page."""

    __slots__ = ("profile", "ref", "_memo")

    def __init__(self, profile: SiteProfile) -> None:
        self.profile = profile
        self.ref = SITE_TEMPLATE.ref
        self._memo: dict[str, TemplateLine | None] = {}

    def line(self, text: str) -> TemplateLine | None:
        """The template entry of a line (None when the line is not the site's)."""
        try:
            return self._memo[text]
        except KeyError:
            key = line_key(text)
            found = self._memo[text] = self.profile.lines.get(key_hash(key)) if key else None
            return found

    def evidence(self, text: str) -> str | None:
        """"seen on 47 of 50 pages of example.com" for a template line (None for any
        other line, and for a line whose entry says ``keep = true``)."""
        t = self.line(text)
        if t is None or t.keep:
            return None
        where = f", {t.position} of the page" if t.position != "any" else ""
        return f"seen on {t.pages} of {self.profile.pages} pages of {self.profile.site}{where}"


def page_template(text: str, profile: SiteProfile, stops: frozenset[str] = frozenset()
                  ) -> tuple[PageTemplate | None, list[str]]:
    """The template of ``profile`` for canonical ``text``, or None: when the profile has no
    lines, when no line of the page is the site's, and when most of the page's prose is
    on other pages of the site too (a copy of another page: it is left alone, with a
    note)."""
    if not profile.lines:
        return None, []
    view = PageTemplate(profile)
    lines = [text[p.start : p.end] for p in paragraphs(text)]
    found = [view.line(line) for line in lines]
    if not any(found):
        return None, []
    own_words = tmpl_words = 0
    for line, t in zip(lines, found):
        sig = signals(line, stops)
        if sig[4] in PROSE:
            if t is None:
                own_words += sig[1]
            else:
                tmpl_words += sig[1]
    if tmpl_words > own_words:
        return None, [f"SP001 left the page alone: most of its prose ({tmpl_words} of "
                      f"{tmpl_words + own_words} words) is on other pages of {profile.site} too "
                      "(a copy of another page?)"]
    return view, []


def site_changes(scorer: BlockScorer, text: str, ctx: Context) -> list[Change]:
    """SP001 removals for canonical ``text``, a page of the site whose template is
    ``ctx.site`` (see the module's docstring); the article guard's notes go to
    ``ctx.reports``.  Block scoring, which runs first, has already removed the template
    lines outside the article's span; this stage removes those inside it, and all of
    them when the page is not a whole page (the DOM chose the article)."""
    view = ctx.site
    if not isinstance(view, PageTemplate):
        return []
    paras = paragraphs(text, ctx)
    lines = [text[p.start : p.end] for p in paras]
    found = [view.line(line) for line in lines]
    if not any(t is not None and not t.keep for t in found):
        return []
    n = len(lines)
    blocks = scorer.score(lines, ctx)
    prose = [False] * n
    chrome = [False] * n  # in a run of template blocks (block scoring counts it as chrome)
    for block in blocks:
        for i in range(block.first, block.last + 1):
            prose[i] = block.cls in PROSE
            chrome[i] = block.template and block.chrome
    first, last = _article_span(blocks, n)
    ref = view.ref
    drop: dict[int, tuple[RuleRef, str]] = {}
    for i, t in enumerate(found):
        if t is None or t.keep:
            continue
        evidence = cast(str, view.evidence(lines[i]))  # ``lines[i]`` is a template line
        inside = first <= i <= last
        if inside and prose[i] and not t.remove:
            note = (f"SP001 kept {_short(lines[i])} ({evidence}): it reads as prose inside "
                    f"the article; add remove = true to its entry in the profile to remove it")
            if note not in ctx.reports:
                ctx.reports.append(note)
            continue
        if inside and not (chrome[i] or t.remove):
            continue  # a lone template line amid the article's own text
        drop[i] = (ref, evidence)
    # the varying lines of template blocks outside the article (a related list, a
    # comment form): lines that are not prose between two template lines; before the
    # article, not the run right before it (the headline, the byline).
    template = [i for i in range(n) if found[i] is not None]
    for a, b in zip(template, template[1:]):
        if b - a < 2 or (a < first <= b) or (first <= a and b <= last) or a < last < b:
            continue
        if b <= first and not any(found[k] is not None for k in range(b, first)):
            continue  # the run just before the article
        if b - a - 1 > GAP_LINES:
            continue
        detail = (f"between template lines {_short(lines[a])} and {_short(lines[b])} "
                  f"of {view.profile.site}, outside the article")
        for k in range(a + 1, b):
            if not prose[k]:
                drop[k] = (ref, detail)
    if not drop or len(drop) == n:
        return []
    return removal_changes(text, paras, drop, merge=not ctx.traced)


def _article_span(blocks: list[Block], n: int) -> tuple[int, int]:
    """The article's lines (first, last): the block scorer's main span, with the
    template's lines counted as chrome.  (n, -1) when there is none."""
    first, last, _ = main_span([b.value for b in blocks])
    if last < first:
        return n, -1
    return blocks[first].first, blocks[last].last


def _short(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _toml_str(value: str) -> str:
    """A TOML basic string (JSON's escapes are a subset of TOML's)."""
    value = value.encode("utf-8", "replace").decode("utf-8")
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _keys(data: dict[str, Any], allowed: set[str], required: set[str], where: str) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise ProfileError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    missing = required - set(data)
    if missing:
        raise ProfileError(f"{where}: missing {', '.join(sorted(missing))}")


def _typed(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str,
           default: object = None) -> Any:  # a TOML value, checked to be of ``kind``
    if key not in data:
        return default
    value = data[key]
    bad = not isinstance(value, kind) or (kind is int and isinstance(value, bool))
    if bad or (kind == (int, float) and isinstance(value, bool)):
        raise ProfileError(f"{where}: {key} has the wrong type ({type(value).__name__})")
    return value
