"""A run killed mid-way leaves every file either as it was or fully cleaned."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_sigkill_during_in_place_run_leaves_no_half_written_file(tmp_path):
    inputs = sorted((SEEDS / "input").glob("*.txt"))
    originals, cleaned = {}, {}
    for k in range(300):
        src = inputs[k % len(inputs)]
        f = tmp_path / f"doc{k:03d}.txt"
        f.write_bytes(src.read_bytes())
        originals[f] = src.read_bytes()
        cleaned[f] = (SEEDS / "expected" / src.name).read_bytes()
    proc = subprocess.Popen([sys.executable, "-m", "cleantext", "--in-place", "-j", "1", "-q",
                             str(tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        done = sum(f.read_bytes() == cleaned[f] != originals[f] for f in list(originals)[:150])
        if done >= 5 or proc.poll() is not None:
            break
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    states = {"original": 0, "cleaned": 0}
    for f in originals:
        data = f.read_bytes()
        assert data in (originals[f], cleaned[f]), f"{f.name} is half-written"
        states["cleaned" if data == cleaned[f] and data != originals[f] else "original"] += 1
    assert states["cleaned"] >= 1  # the kill came after work had started
    assert states["original"] >= 1  # ... and before it ended


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_cli_on_arbitrary_bytes_never_tracebacks(tmp_path_factory, data):
    f = tmp_path_factory.mktemp("bytes") / "doc.txt"
    f.write_bytes(data)
    res = subprocess.run([sys.executable, "-m", "cleantext", str(f)], capture_output=True, timeout=60)
    assert res.returncode in (0, 1)
    assert b"Traceback" not in res.stderr
    if res.returncode == 1:
        assert str(f).encode() in res.stderr  # the failure names the file
    assert f.read_bytes() == data  # the input is never touched


def _children(pid: int) -> set[int]:
    try:
        return {int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended


def test_sigkill_leaves_no_orphaned_worker_and_the_next_run_removes_its_temp_files(tmp_path):
    """Killed with SIGKILL mid-run: pool workers end with the parent, the inputs are
    whole, and the temporary file of the unfinished -o output is removed by the next run."""
    if not Path("/proc/self/task").exists():
        import pytest

        pytest.skip("needs /proc")
    corpus = tmp_path / "in"
    corpus.mkdir()
    text = (SEEDS / "input" / "004_e96bcc39b64da713.txt").read_bytes()
    docs = {}
    for k in range(400):
        f = corpus / f"d{k:03d}.txt"
        f.write_bytes(text + f"\nDocument {k}.\n".encode())
        docs[f] = f.read_bytes()
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "cleantext", "-j", "2", "-q", "--format", "jsonl",
                             "-o", str(out), str(corpus)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        workers |= _children(proc.pid)
        if len(workers) >= 2 and list(tmp_path.glob(".cleantext-*.tmp")):
            break
        time.sleep(0.02)
    workers |= _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert workers, "the run used no pool"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "a pool worker outlived its parent"
    assert all(f.read_bytes() == data for f, data in docs.items())
    assert not out.exists()
    stale = list(tmp_path.glob(".cleantext-*.tmp"))
    assert stale  # the killed run could not remove it ...
    one = corpus / "d000.txt"
    res = subprocess.run([sys.executable, "-m", "cleantext", "-q", "-o", str(out), str(one)],
                         capture_output=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert not list(tmp_path.glob(".cleantext-*.tmp"))  # ... the next run did


def test_sigterm_removes_temporary_files(tmp_path):
    corpus = tmp_path / "c.jsonl"
    line = json.dumps({"text": (SEEDS / "input" / "004_e96bcc39b64da713.txt").read_text()})
    corpus.write_text((line + "\n") * 3000)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "cleantext", "-j", "1", "-q", "--input-format", "jsonl",
                             "-o", str(out), str(corpus)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if list(tmp_path.glob(".cleantext-*.tmp")):
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before the signal"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM and b"Traceback" not in err
    assert not list(tmp_path.glob(".cleantext-*.tmp")) and not out.exists()
