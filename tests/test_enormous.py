"""Enormous inputs finish and keep memory proportional to the document.

Speed is measured in ``benchmarks/stress.py`` (time at N and 2N); here the
subprocess timeout is only a guard against hangs, and the memory bound is
generous: a fixed allowance, a multiple of the input size and a cost per
line (each paragraph is scored as an object of its own).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
from benchmarks.stress import long_line, no_newline, tiny_lines  # noqa: E402

RUN = ("import json, resource, subprocess, sys; "
       "p = subprocess.run([sys.executable, '-m', 'cleantext', '-q', '--on-overdelete', 'keep', sys.argv[1]], "
       "capture_output=True); "
       "print(json.dumps({'rc': p.returncode, 'out': len(p.stdout), 'err': p.stderr.decode()[-300:], "
       "'rss_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))")


@pytest.mark.parametrize("label,make,size", [
    ("no_newline_50mb", no_newline, 50_000_000),
    ("line_of_5m_chars", long_line, 5_000_000),
    ("million_tiny_lines", tiny_lines, 1_000_000),
])
def test_enormous_input_finishes_with_bounded_memory(tmp_path, label, make, size):
    path = tmp_path / f"{label}.txt"
    path.write_text(make(size), encoding="utf-8")
    mb = path.stat().st_size / 1e6
    lines = path.read_bytes().count(b"\n")
    res = subprocess.run([sys.executable, "-c", RUN, str(path)], capture_output=True, text=True,
                         timeout=600, check=True)
    report = json.loads(res.stdout)
    assert report["rc"] == 0, report["err"]
    assert report["out"] > 0.5 * mb * 1e6  # the text is there, not dropped
    assert report["rss_mb"] < 300 + 40 * mb + 400 * lines / 1e6, report
