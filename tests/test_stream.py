"""JSONL corpora are streamed: flat memory, input order with any --jobs, records kept.

Peak memory is read in a wrapper process (``ru_maxrss`` of its only child, the
command), so the test process's own memory does not count.
"""

from __future__ import annotations

import json
import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import cleantext

SEEDS = sorted(Path(__file__).parent.parent.joinpath("seeds", "input").glob("*.txt"))
PEAK_RSS_LIMIT_MB = 150  # the command on any size of input (jobs 1)
RSS_GROWTH_LIMIT_MB = 15  # 4x the input may cost at most this much more

_RSS_WRAPPER = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEEDS]


def write_corpus(path: Path, megabytes: float, pad: int = 60_000) -> int:
    """A JSONL corpus of about ``megabytes``: seed texts made distinct by a line
    naming the record, plus a ``meta`` field of ``pad`` bytes carried through."""
    seeds = _seed_texts()
    target, size, n = int(megabytes * 1_000_000), 0, 0
    meta = "m" * pad
    with path.open("w", encoding="utf-8") as fh:
        while size < target:
            line = json.dumps({"id": n, "text": f"{seeds[n % len(seeds)]}\nRecord {n}.",
                               "meta": meta}) + "\n"
            fh.write(line)
            size += len(line)
            n += 1
    return n


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleantext", *args]


def peak_rss_mb(*args: str) -> float:
    """Peak resident memory of one run of the command, in MB."""
    out = subprocess.run([sys.executable, "-c", _RSS_WRAPPER, *_command(*args)],
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def test_memory_stays_flat_as_the_jsonl_grows(tmp_path):
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    write_corpus(small, 20)
    write_corpus(large, 80)
    rss_small = peak_rss_mb("--input-format", "jsonl", str(small), "-j", "1", "-q")
    rss_large = peak_rss_mb("--input-format", "jsonl", str(large), "-j", "1", "-q")
    assert rss_large < PEAK_RSS_LIMIT_MB, (rss_small, rss_large)
    assert rss_large - rss_small < RSS_GROWTH_LIMIT_MB, (rss_small, rss_large)


def _clean_jsonl(path: Path, *args: str) -> list[dict]:
    out = subprocess.run(_command("--input-format", "jsonl", str(path), "-q", *args),
                         capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_jobs_keep_input_order_and_equal_one_job(tmp_path):
    corpus = tmp_path / "c.jsonl"
    n = write_corpus(corpus, 0.3, pad=10)
    one = _clean_jsonl(corpus, "-j", "1")
    two = _clean_jsonl(corpus, "-j", "2")
    assert [r["id"] for r in two] == list(range(n))
    assert two == one


def test_records_keep_every_field_and_get_the_cleaned_text(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 0.02, pad=3)
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    out = _clean_jsonl(corpus, "--format", "jsonl")  # the stream format carries the trace
    for rec, res in zip(records, out, strict=True):
        assert {k: res[k] for k in rec} == rec
        assert res["text_clean"] == cleantext.clean(rec["text"])
        assert res["cleantext_language"] == "en"
        assert isinstance(res["cleantext_changes"], list)


def test_summary_at_the_end_and_no_progress_bar_without_a_tty(tmp_path):
    corpus = tmp_path / "c.jsonl"
    n = write_corpus(corpus, 0.02, pad=3)
    out = subprocess.run(_command("--input-format", "jsonl", str(corpus), "-j", "1"),
                         capture_output=True, text=True, check=True)
    assert out.stderr.strip().splitlines() == [out.stderr.strip()]  # one line: the summary
    assert out.stderr.startswith(f"cleantext: {n} document(s)")


def _stderr_on_a_tty(*args: str) -> tuple[int, bytes]:
    """Run the command with stderr on a pseudo-terminal; its status and what it wrote there."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # tqdm needs a width
    proc = subprocess.Popen(_command(*args), stdout=subprocess.DEVNULL, stderr=child)
    os.close(child)
    err = b""
    try:
        while data := os.read(main, 4096):
            err += data
    except OSError:  # EIO: the command has exited and closed its end
        pass
    finally:
        os.close(main)
    return proc.wait(), err


def test_progress_bar_on_a_tty(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 0.02, pad=3)
    status, err = _stderr_on_a_tty("--input-format", "jsonl", str(corpus), "-j", "1")
    assert status == 0
    assert b"doc/s]" in err  # tqdm's bar
    assert b"cleantext: " in err  # and the summary
