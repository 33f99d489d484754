"""Corpus mode on the command line.

* ``cleantext learn PATH... --out PROFILES/``: learn each site's template and write
  one TOML pack per site;
* ``cleantext --learn PATH... --out-dir OUT``: two passes, learn then clean every
  document with its site's template plus the usual rules;
* ``cleantext --profiles PROFILES/ PATH...``: clean with profiles learned before.

A document's site is the folder its file sits in (``--site-by folder``, the
default for files) or, in JSONL, the host of a URL field (``--site-field url``,
the default with ``--jsonl``) or the value of any field named by
``--site-field``.  The main command calls :func:`add_options`,
:func:`cleaner_options` and :func:`with_sites`.
"""

from __future__ import annotations

import argparse
import atexit
import dataclasses
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Protocol, Sequence
from urllib.parse import urlparse

from ..corpus.learn import MIN_PAGES, MIN_SHARE, CorpusCounts
from ..corpus.profile import ProfileError, load_profiles, save_profiles
from ..io.files import InputError, decode_bytes, looks_like_html

if TYPE_CHECKING:
    from ..cleaner import CleanerOptions
    from .batch import Task

DEFAULT_SITE_FIELD = "url"


def add_options(parser: argparse.ArgumentParser) -> None:
    """The main command's corpus-mode options."""
    g = parser.add_argument_group("corpus mode (learn each site's template)")
    g.add_argument("--learn", action="store_true",
                   help="two passes: learn each site's template from the inputs, then clean "
                        "every document with it (see also 'cleantext learn --help')")
    g.add_argument("--profiles", metavar="DIR",
                   help="remove the templates of the site profiles (TOML) in DIR")
    g.add_argument("--site-by", choices=("folder", "field"), default=None,
                   help="a document's site: the folder of its file (default for files) or a "
                        "JSONL field (default with --jsonl)")
    g.add_argument("--site-field", default=None, metavar="FIELD",
                   help=f"with --jsonl: the field naming the site; a URL counts by its host "
                        f"({DEFAULT_SITE_FIELD})")


class InputSource(Protocol):
    """An input of the command (its ``cli.Source``): a label and a file, or stdin (None)."""

    @property
    def label(self) -> str: ...

    @property
    def path(self) -> Path | None: ...


def _site_mode(args: argparse.Namespace) -> tuple[str, str]:
    by = args.site_by or ("field" if getattr(args, "jsonl", False) else "folder")
    field = args.site_field or DEFAULT_SITE_FIELD
    if args.site_field and by == "folder" and args.site_by:
        raise ValueError("--site-field needs --site-by field (or --jsonl)")
    if by == "field" and not getattr(args, "jsonl", False):
        raise ValueError("--site-by field needs --jsonl")
    return by, field


def site_of_path(path: Path | None) -> str | None:
    """The site of a file: the name of its folder."""
    if path is None:
        return None
    return path.resolve().parent.name or None


def site_of_value(value: object) -> str | None:
    """The site a field's value names: a URL's host, or the value itself."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if "://" in value or value.startswith("//"):
        return (urlparse(value).hostname or "").lower() or None
    return value


def cleaner_options(args: argparse.Namespace, sources: Sequence[InputSource]) -> CleanerOptions:
    """Cleaner options of corpus mode: the profiles to load (``--learn`` learns them
    first, into a temporary folder that lives as long as the process)."""
    if args.learn and args.profiles:
        raise ValueError("--learn and --profiles cannot be combined")
    if not (args.learn or args.profiles):
        if args.site_by or args.site_field:
            raise ValueError("--site-by and --site-field need --learn or --profiles")
        return {}
    _site_mode(args)
    if args.profiles:
        if not Path(args.profiles).is_dir():
            raise ValueError(f"--profiles {args.profiles}: no such folder")
        load_profiles(args.profiles)  # a broken profile is a usage error
        return {"profiles": str(Path(args.profiles))}
    if any(s.path is None for s in sources):
        raise ValueError("--learn needs files (it reads the inputs twice), not stdin")
    folder = tempfile.mkdtemp(prefix="cleantext-profiles-")
    atexit.register(shutil.rmtree, folder, True)
    counts = learn_from(sources, args)
    save_profiles(counts.profiles(), folder)
    return {"profiles": folder}


def with_sites(tasks: Iterable[Task], args: argparse.Namespace, sources: Sequence[InputSource]) -> Iterator[Task]:
    """The tasks, each with its site when corpus mode is on."""
    if not (args.learn or args.profiles):
        yield from tasks
        return
    by, field = _site_mode(args)
    paths = {s.label: s.path for s in sources}
    for task in tasks:
        if by == "folder":
            site = site_of_path(Path(task.path) if task.path else paths.get(task.label))
        else:
            try:
                record = json.loads(task.data)  # type: ignore[arg-type]  # no data: TypeError, caught
            except (ValueError, TypeError):
                record = None
            site = site_of_value(record.get(field)) if isinstance(record, dict) else None
        yield dataclasses.replace(task, site=site) if site else task


# --- the learning pass --------------------------------------------------------

def documents(sources: Sequence[InputSource], args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    """(site, text) of every document of ``sources``; unreadable ones are skipped with
    a message on stderr."""
    from ..cleaner import Cleaner

    by, field = _site_mode(args)
    text_field = getattr(args, "field", "text")
    html_flag = getattr(args, "html", False)
    for src in sources:
        try:
            data = src.path.read_bytes()  # type: ignore[union-attr]  # learning reads files, never stdin
        except OSError as exc:
            print(f"cleantext: {src.label}: {exc.strerror or exc}", file=sys.stderr)
            continue
        if getattr(args, "jsonl", False):
            for raw in data.splitlines():
                try:
                    record = json.loads(raw)
                except ValueError:
                    continue
                if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
                    continue
                site = site_of_value(record.get(field)) if by == "field" else site_of_path(src.path)
                text = record[text_field]
                if site:
                    yield site, Cleaner.extract_html(text).text if html_flag else text
            continue
        site = site_of_path(src.path)
        try:
            if html_flag or looks_like_html(data, str(src.path)):
                text = Cleaner.extract_html(data).text
            else:
                text = decode_bytes(data).text
        except (InputError, UnicodeDecodeError, ValueError) as exc:
            print(f"cleantext: {src.label}: {exc}", file=sys.stderr)
            continue
        if site:
            yield site, text


def learn_from(sources: Sequence[InputSource], args: argparse.Namespace) -> CorpusCounts:
    """Line counts of every site of ``sources``."""
    return CorpusCounts().update(documents(sources, args))


def build_learn_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleantext learn",
        description="Learn each site's template (the lines it prints on most of its pages) "
                    "from a corpus and write one TOML profile per site, to review and to use "
                    "with 'cleantext --profiles DIR'.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the profiles")
    p.add_argument("--html", action="store_true", help="treat input as HTML")
    p.add_argument("--jsonl", action="store_true", help="inputs are JSONL corpora")
    p.add_argument("--field", default="text", help="with --jsonl: the field holding the text")
    p.add_argument("--site-by", choices=("folder", "field"), default=None,
                   help="a document's site: its file's folder (default for files) or a JSONL field")
    p.add_argument("--site-field", default=None, metavar="FIELD",
                   help=f"the JSONL field naming the site; a URL counts by its host ({DEFAULT_SITE_FIELD})")
    p.add_argument("--min-share", type=float, default=MIN_SHARE,
                   help=f"a template line is on at least this share of a site's pages ({MIN_SHARE})")
    p.add_argument("--min-pages", type=int, default=MIN_PAGES,
                   help=f"... and on at least this many pages ({MIN_PAGES})")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary")
    return p


EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2  # as the main command's


def learn_main(argv: list[str], expand_paths: Callable[[list[str], list[str]], Iterable[InputSource]]) -> int:
    """``cleantext learn``: exit 0, 1 when an input was missing, 2 on usage errors.
    ``expand_paths`` is the main command's (files, folders and globs to sources)."""
    args = build_learn_parser().parse_args(argv)
    errors: list[str] = []
    sources = [s for s in expand_paths(args.paths, errors) if s.path is not None]
    try:
        _site_mode(args)
        if not 0 < args.min_share <= 1 or args.min_pages < 2:
            raise ValueError("--min-share must be in (0, 1] and --min-pages at least 2")
    except ValueError as exc:
        print(f"cleantext learn: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for err in errors:
        print(f"cleantext learn: {err}", file=sys.stderr)
    counts = learn_from(sources, args)
    profiles = counts.profiles(args.min_share, args.min_pages)
    try:
        written = save_profiles(profiles, args.out)
    except (OSError, ProfileError) as exc:
        print(f"cleantext learn: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if not args.quiet:
        pages = sum(c.pages for c in counts.sites.values())
        print(f"cleantext learn: {pages} page(s) of {len(profiles)} site(s); "
              f"{len(written)} profile(s) written to {args.out}", file=sys.stderr)
    return EXIT_FAILED if errors else EXIT_OK
