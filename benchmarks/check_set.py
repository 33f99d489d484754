"""A check set no constant of cleantext was chosen on: newspaper4k's test pages.

newspaper4k (MIT License) ships, in its source distribution on PyPI, real news pages
(``tests/data/html/<name>.html``) with the article text its maintainers expect
(``tests/data/txt/<name>.txt``): English, Arabic, Burmese, Chinese, Japanese, Korean,
Latvian, Spanish and Thai pages.  This script downloads that source distribution (a pinned
version, with ``pip download``) and writes the pages with a text of at least
:data:`MIN_GOLD` characters in the format of the development sets, so that
``benchmarks/quality.py`` reads it as a third set::

    python benchmarks/check_set.py /tmp/newspaper4k
    python benchmarks/quality.py ../shared/data/scrapinghub ../shared/data/readability /tmp/newspaper4k

Its gold text is newspaper4k's own expected output (its article body, lines written as the
development sets' recipe writes them), not a curated one: it leaves out headlines and
captions that other gold standards keep, so read its figures side by side with the peers'.
Its pages are a check, never a place to choose a constant."""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scrapinghub import normalise_lines  # noqa: E402

PACKAGE, VERSION = "newspaper4k", "0.9.6"
# Pages whose expected text is shorter than this are left out (a stub is no article to find).
MIN_GOLD = 300


def download(folder: Path) -> Path:
    """The source distribution of :data:`PACKAGE` :data:`VERSION`, downloaded into ``folder``."""
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
               "--no-binary", ":all:", "-d", str(folder), f"{PACKAGE}=={VERSION}"]
    if subprocess.run(command).returncode:
        raise SystemExit(f"check_set: pip could not download {PACKAGE} {VERSION} (see above)")
    found = sorted(folder.glob(f"{PACKAGE}-{VERSION}.tar.gz"))
    if not found:
        raise SystemExit(f"check_set: no source distribution of {PACKAGE} {VERSION} in {folder}")
    return found[0]


def write_set(sdist: Path, out: Path) -> int:
    """Write the pages of ``sdist`` with a gold text to ``out`` (``html/<name>.html.gz`` and
    ``ground-truth.json``); the number of pages written."""
    prefix = f"{PACKAGE}-{VERSION}/tests/data/"
    with tarfile.open(sdist) as tar:
        members = {m.name[len(prefix):]: m for m in tar.getmembers()
                   if m.isfile() and m.name.startswith(prefix)}

        def read(name: str) -> bytes:
            handle = tar.extractfile(members[name])
            assert handle is not None
            return handle.read()

        truth: dict[str, dict[str, str]] = {}
        (out / "html").mkdir(parents=True, exist_ok=True)
        for name in sorted(members):
            if not (name.startswith("txt/") and name.endswith(".txt")):
                continue
            page = name[len("txt/"):-len(".txt")]
            if f"html/{page}.html" not in members:
                continue
            body = normalise_lines(read(name).decode("utf-8"))  # the sets' recipe
            if len(body) < MIN_GOLD:
                continue
            meta = members.get(f"metadata/{page}.json")
            lang = json.loads(read(f"metadata/{page}.json")).get("language", "") if meta else ""
            truth[page] = {"articleBody": body, "lang": lang or "", "source": f"{PACKAGE} {VERSION}"}
            with gzip.open(out / "html" / f"{page}.html.gz", "wb") as handle:
                handle.write(read(f"html/{page}.html"))
    (out / "ground-truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1),
                                           encoding="utf-8")
    return len(truth)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the set to")
    parser.add_argument("--sdist", type=Path, help="a downloaded source distribution to read instead")
    args = parser.parse_args(argv)
    if (args.out / "ground-truth.json").exists():
        raise SystemExit(f"check_set: {args.out} already holds a set (ground-truth.json): "
                         "nothing was written; choose another folder")
    if args.sdist is not None:
        n = write_set(args.sdist, args.out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            n = write_set(download(Path(tmp)), args.out)
    print(f"{args.out}: {n} pages of {PACKAGE} {VERSION}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
