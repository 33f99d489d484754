"""Writes the shipped frequency file of the built-in spellings
(:data:`cleantext.names.frequent.DATA`): ``python -m cleantext.names.frequent_data``
after editing the built-in name tables (a test checks that the file is fresh)."""

from __future__ import annotations

import sys
from typing import Iterable

from . import frequent
from .table import builtin_name_paths, entry_spellings, load_name_table


def builtin_generated_spellings() -> list[str]:
    """Every spelling (lower case) the built-in tables generate from native forms."""
    found: set[str] = set()
    for path in builtin_name_paths():
        for entry in load_name_table(path):
            _, generated, given = entry_spellings(entry)
            found.update(sp.text.lower() for sp in (*generated, *given))
    return sorted(found)


def render(spellings: Iterable[str]) -> str:
    """The shipped file's text for ``spellings`` (computed with wordfreq)."""
    import wordfreq

    lines = ["# spelling\tzipf\tlanguage: written by python -m cleantext.names.frequent_data"]
    for word in spellings:
        zipf, lang = max((wordfreq.zipf_frequency(word, lang), lang) for lang in frequent.LANGUAGES)
        lines.append(f"{word}\t{zipf:.2f}\t{lang}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Rewrite :data:`DATA` from the built-in tables (run after editing them)."""
    frequent.DATA.write_text(render(builtin_generated_spellings()), encoding="utf-8")
    frequent._shipped.cache_clear()
    print(f"wrote {frequent.DATA}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
