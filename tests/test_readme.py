"""Every code block of the README runs as written.

```python blocks run in a subprocess, each in its own temporary folder holding the
files the README's examples name (``my_rules.toml`` and ``my_names.toml`` are the
README's own TOML examples, ``corpus/`` the seed articles).  A block whose imports
are not installed (the adapters' libraries are in the ``test`` extra) is skipped;
so is the Spark block, which needs a Spark session.  ```toml blocks must load as a
rule pack or a name table.  ```sh blocks run line by line (the ``cleantext`` command
lines, against the seeds); the lines listed in :data:`SKIPPED` do not run, each
for the reason given there.  Blocks without a language (the package tree, the
benchmark tables) are not code.
"""

from __future__ import annotations

import ast
import gzip
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SEEDS = ROOT / "seeds" / "input"

_FENCE_RE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)

# sh lines that do not run here, by the start of the line, and why.
SKIPPED = {
    "python3 -m venv": "creates a venv and installs the package: the suite already runs in one",
    "pip install": "installs packages (the bench extra): the suite does not change its environment",
    "python benchmarks/": "the benchmarks take minutes and need the development pages",
    "cleantext --input-format jsonl corpus.jsonl --engine dask --scheduler":
        "needs a running dask scheduler (tests/test_dask.py runs the engine on a local cluster)",
}


def _blocks(lang: str) -> list[tuple[int, str]]:
    text = README.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m.group(2))
            for m in _FENCE_RE.finditer(text) if m.group(1) == lang]


def _ids(blocks):
    return [f"README.md:{line}" for line, _ in blocks]


def _toml_examples() -> tuple[str, str]:
    """The README's rule-pack example and its name-table example."""
    tomls = [code for _, code in _blocks("toml")]
    pack = next(c for c in tomls if "[[rule]]" in c)
    names = next(c for c in tomls if "[[name]]" in c)
    return pack, names


def _workspace(tmp_path: Path) -> Path:
    """A folder with the files the README's examples name."""
    pack, names = _toml_examples()
    (tmp_path / "my_rules.toml").write_text(pack, encoding="utf-8")
    (tmp_path / "my_names.toml").write_text(names, encoding="utf-8")
    seeds = sorted(SEEDS.glob("*.txt"))
    shutil.copytree(SEEDS, tmp_path / "corpus")
    shutil.copytree(SEEDS, tmp_path / "seeds" / "input")
    shutil.copy(seeds[4], tmp_path / "article.txt")
    shutil.copy(seeds[0], tmp_path / "other.txt")
    (tmp_path / "corpus.jsonl").write_text(
        "".join(json.dumps({"id": i, "text": p.read_text(encoding="utf-8")}) + "\n"
                for i, p in enumerate(seeds)), encoding="utf-8")
    pages = tmp_path / "scrapes" / "site"
    pages.mkdir(parents=True)
    for p in seeds[:2]:
        body = "".join(f"<p>{line}</p>" for line in p.read_text(encoding="utf-8").splitlines() if line)
        (pages / f"{p.stem}.html").write_text(
            f"<html><body><nav>Home | World</nav><article>{body}</article></body></html>")
    (pages / "old.html.gz").write_bytes(gzip.compress((pages / f"{seeds[0].stem}.html").read_bytes()))
    return tmp_path


# --- python ------------------------------------------------------------------------

PYTHON = _blocks("python")


def _missing_imports(code: str) -> list[str]:
    tops = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            tops.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            tops.add(node.module.split(".")[0])
    return sorted(t for t in tops if importlib.util.find_spec(t) is None)


def test_the_readme_has_the_blocks_this_test_expects():
    assert len(PYTHON) >= 6 and len(_blocks("sh")) >= 4 and len(_blocks("toml")) >= 2


@pytest.mark.parametrize("block", PYTHON, ids=_ids(PYTHON))
def test_python_block_runs(block, tmp_path):
    line, code = block
    compile(code, f"README.md:{line}", "exec")  # every block is at least valid Python
    missing = _missing_imports(code)
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (not installed)")
    if "spark." in code and "SparkSession" not in code:
        pytest.skip("needs a Spark session")
    res = subprocess.run([sys.executable, "-c", code], cwd=_workspace(tmp_path),
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, f"README.md:{line}\n{res.stderr[-3000:]}"


def test_the_dask_example_gives_one_document_per_file(tmp_path):
    pytest.importorskip("dask.bag")
    code = next(c for _, c in PYTHON if "clean_bag" in c)
    res = subprocess.run([sys.executable, "-c", code], cwd=_workspace(tmp_path),
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    assert res.stdout.split()[0] == str(len(list(SEEDS.glob("*.txt"))))


# --- toml --------------------------------------------------------------------------

def test_the_toml_examples_load_as_a_pack_and_a_name_table(tmp_path):
    from cleantext.names.table import load_name_table
    from cleantext.stages.packs import load_pack

    pack, names = _toml_examples()
    for code in (pack, names):
        tomllib.loads(code)
    (tmp_path / "pack.toml").write_text(pack, encoding="utf-8")
    (tmp_path / "names.toml").write_text(names, encoding="utf-8")
    assert [r.id for r in load_pack(tmp_path / "pack.toml").rules] == ["CS001"]
    assert [e.canonical for e in load_name_table(tmp_path / "names.toml")] == ["Kyiv"]


# --- sh ----------------------------------------------------------------------------

def _sh_lines() -> list[tuple[int, str]]:
    out = []
    for start, code in _blocks("sh"):
        for k, line in enumerate(code.splitlines(), 1):
            if line.strip():
                out.append((start + k, line))
    return out


SH = _sh_lines()


def _skip_reason(line: str) -> str | None:
    for prefix, why in SKIPPED.items():
        if line.startswith(prefix):
            return why
    return None


def test_every_sh_line_is_a_cleantext_command_or_skipped_for_a_reason():
    for line_no, line in SH:
        assert line.startswith("cleantext ") or _skip_reason(line), f"README.md:{line_no}: {line}"


@pytest.mark.parametrize("line", SH, ids=[f"README.md:{n}" for n, _ in SH])
def test_sh_line_runs(line, tmp_path):
    line_no, command = line
    why = _skip_reason(command)
    if why:
        pytest.skip(why)
    work = _workspace(tmp_path)
    if "names proposed.toml" in command:  # the table the line before proposes
        subprocess.run([sys.executable, "-m", "cleantext", "names", "discover", "corpus/",
                        "-o", "proposed.toml"], cwd=work, check=True, timeout=300)
    before = {p: p.read_bytes() for p in work.rglob("*") if p.is_file()}
    script = f'cleantext() {{ "{sys.executable}" -m cleantext "$@"; }}\n{command}\n'
    res = subprocess.run(["bash", "-c", script], cwd=work, capture_output=True, timeout=300)
    assert res.returncode == 0, f"README.md:{line_no}: {command}\n{res.stderr.decode()[-3000:]}"
    assert "Traceback" not in res.stderr.decode()
    after = {p: p.read_bytes() for p in work.rglob("*") if p.is_file()}
    # it did something: printed, or wrote or changed a file
    assert res.stdout or after != before or "/dev/null" in command, command
