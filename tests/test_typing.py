"""``mypy --strict`` passes on the package and on a user's script (tests/typing/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_strict_passes() -> None:
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "cleantext", "tests/typing"],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_rejects_a_wrong_option(tmp_path: Path) -> None:
    """The options of ``clean`` are checked: a misspelt name or a quote style that does not exist fails."""
    script = tmp_path / "wrong.py"
    script.write_text('import cleantext\n\ncleantext.clean("x", quotes="fancy")\ncleantext.clean("x", langs="en")\n',
                      encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert 'Argument "quotes" to "clean" has incompatible type' in proc.stdout
    assert 'Unexpected keyword argument "langs"' in proc.stdout
