"""The README's "Bad input" promises about writing, errors and limits, each through the
real command in a subprocess."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED4 = SEEDS / "input" / "004_e96bcc39b64da713.txt"
TEXT = SEED4.read_bytes()
CLEAN = (SEEDS / "expected" / SEED4.name).read_bytes()

# Runs the command with os.write / os.open failing for files (not stdin/out/err):
# a full disk (ENOSPC) or a read-only file system (EROFS) in any environment.
FAULTY = r"""
import errno, os, sys
mode = sys.argv.pop(1)
real_write, real_open = os.write, os.open
def write(fd, data):
    if fd > 2 and mode == "ENOSPC":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return real_write(fd, data)
def open_(path, flags, *a, **k):
    if mode == "EROFS" and flags & os.O_CREAT:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
    return real_open(path, flags, *a, **k)
os.write, os.open = write, open_
from cleantext.run.cli import main
sys.exit(main(sys.argv[1:]))
"""

# Runs the command with documents containing SLOW taking a minute to clean.
SLOW = r"""
import sys, time
from cleantext.cleaner import Cleaner
process = Cleaner.process
def slow(self, text, *a, **k):
    if "SLOW" in (text if isinstance(text, str) else text.decode("latin-1")):
        time.sleep(60)
    return process(self, text, *a, **k)
Cleaner.process = slow
from cleantext.run.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run(*args, stdin: bytes | None = None, code: str | None = None, fault: str | None = None,
        umask: int | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "cleantext"] if code is None else [sys.executable, "-c", code]
    if fault:
        cmd.append(fault)
    preexec = (lambda: os.umask(umask)) if umask is not None else None
    res = subprocess.run([*cmd, *map(str, args)], input=stdin, capture_output=True,
                         timeout=timeout, preexec_fn=preexec)
    assert b"Traceback" not in res.stderr, res.stderr.decode(errors="replace")
    return res


def temps(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


# --- outputs are regular files only ------------------------------------------------

def _special_files(tmp_path: Path) -> list[Path]:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    sock_path = tmp_path / "sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    sock.close()
    out = [fifo, sock_path]
    dev = tmp_path / "dev"
    try:  # a character device (1, 3) of our own, where mknod is allowed
        os.mknod(dev, stat.S_IFCHR | 0o600, os.makedev(1, 3))
        out.append(dev)
    except (PermissionError, OSError):
        pass
    return out


def test_output_onto_a_device_pipe_or_socket_is_refused(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(TEXT)
    for special in _special_files(tmp_path):
        kind = stat.S_IFMT(os.lstat(special).st_mode)
        res = run(src, "-o", special)
        assert res.returncode == 2 and str(special).encode() in res.stderr
        assert b"not a regular file" in res.stderr
        assert stat.S_IFMT(os.lstat(special).st_mode) == kind  # still what it was


def test_out_dir_target_that_is_a_pipe_is_refused_and_the_rest_written(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(TEXT)
    (tmp_path / "in" / "b.txt").write_bytes(TEXT)
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "a.txt")
    res = run(tmp_path / "in", "--out-dir", out)
    assert res.returncode == 1 and b"a.txt" in res.stderr
    assert stat.S_ISFIFO(os.lstat(out / "a.txt").st_mode)
    assert (out / "b.txt").read_bytes() == CLEAN


# --- plans before writing; collisions; inputs never overwritten -----------------

def test_two_inputs_with_one_output_name_are_both_refused(tmp_path):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.txt").write_bytes(TEXT)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "y.html").write_text("<html><body><p>An HTML page here.</p></body></html>")
    (tmp_path / "c" / "y.txt").write_bytes(TEXT)
    (tmp_path / "c" / "z.txt").write_bytes(TEXT)
    out = tmp_path / "out"
    res = run(tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", "--out-dir", out)
    assert res.returncode == 1
    err = res.stderr.decode()
    assert str(tmp_path / "a" / "x.txt") in err and str(tmp_path / "b" / "x.txt") in err
    assert not (out / "x.txt").exists()
    res = run(tmp_path / "c", "--out-dir", out)
    assert res.returncode == 1 and "y.html" in res.stderr.decode() and "y.txt" in res.stderr.decode()
    assert not (out / "y.txt").exists()
    assert (out / "z.txt").read_bytes() == CLEAN  # the others are written


def test_the_same_input_named_twice_is_processed_once(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(TEXT)
    link = tmp_path / "link.txt"
    link.symlink_to(src)
    res = run(src, src, link)
    assert res.returncode == 0 and res.stdout == CLEAN
    res = run(src, src, "--in-place", "--backup", ".orig")
    assert res.returncode == 0
    assert src.read_bytes() == CLEAN and (tmp_path / "a.txt.orig").read_bytes() == TEXT
    assert not (tmp_path / "a.txt.orig.1").exists()


def test_names_discover_never_writes_onto_its_input_or_a_folder(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(TEXT)
    res = run("names", "discover", src, "--out", src)
    assert res.returncode == 2 and src.read_bytes() == TEXT
    res = run("names", "discover", tmp_path, "--out", tmp_path / "a.txt")
    assert res.returncode == 2 and src.read_bytes() == TEXT
    res = run("names", "discover", src, "--out", tmp_path)
    assert res.returncode == 2 and b"folder" in res.stderr


# --- in place ---------------------------------------------------------------------

def test_in_place_writes_through_a_symlink_and_keeps_mode_and_owner(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(TEXT)
    os.chmod(target, 0o640)
    owner = (os.getuid(), os.getgid())
    if os.getuid() == 0:
        os.chown(target, 4321, 4321)
        owner = (4321, 4321)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    res = run(link, "--in-place")
    assert res.returncode == 0, res.stderr
    assert link.is_symlink() and target.read_bytes() == CLEAN
    st = os.stat(target)
    assert stat.S_IMODE(st.st_mode) == 0o640 and (st.st_uid, st.st_gid) == owner


def test_in_place_never_writes_an_over_deleted_document(tmp_path):
    pack = tmp_path / "all.toml"
    pack.write_text('[pack]\nname = "all"\n\n[[rule]]\nid = "ZZ001"\nname = "everything"\n'
                    'kind = "drop-line"\nwhy = "drops every line"\npatterns = [".+"]\n')
    doc = tmp_path / "doc.txt"
    doc.write_bytes(TEXT)
    for mode in ("flag", "drop"):
        res = run(doc, "--in-place", "--rules", pack, "--on-overdelete", mode)
        assert res.returncode == 0 and doc.read_bytes() == TEXT
        last = res.stderr.decode().strip().splitlines()[-1]
        assert "left unchanged" in last and str(doc) in last
    res = run(doc, "--in-place", "--rules", pack, "--on-overdelete", "keep")
    assert res.returncode == 0 and doc.read_bytes() not in (TEXT, b"")


def test_backups_never_overwrite_and_bad_suffixes_are_usage_errors(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_bytes(TEXT)
    (tmp_path / "doc.txt.orig").write_bytes(b"older backup")
    res = run(doc, "--in-place", "--backup", ".orig")
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "doc.txt.orig").read_bytes() == b"older backup"
    assert (tmp_path / "doc.txt.orig.1").read_bytes() == TEXT
    for bad in ("", "/../x"):
        res = run(doc, "--in-place", "--backup", bad)
        assert res.returncode == 2 and b"--backup" in res.stderr


def test_new_files_get_the_umask_mode(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(TEXT)
    out = tmp_path / "out.txt"
    assert run(src, "-o", out, umask=0o022).returncode == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o644
    d = tmp_path / "dir"
    assert run(src, "--out-dir", d, umask=0o002).returncode == 0
    assert stat.S_IMODE(os.stat(d / "a.txt").st_mode) == 0o664


# --- errors per input, never a traceback -------------------------------------------

def test_a_full_disk_stops_the_run_with_nothing_half_written(tmp_path):
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"d{n}.txt").write_bytes(TEXT)
    out = tmp_path / "out"
    res = run(tmp_path / "in", "--out-dir", out, code=FAULTY, fault="ENOSPC")
    assert res.returncode == 1
    err = res.stderr.decode()
    assert "No space left on device" in err and "stopping" in err
    assert err.count("No space left") == 1  # stopped at the first
    assert not [p for p in out.rglob("*") if p.is_file()]
    res = run(tmp_path / "in" / "d0.txt", "-o", tmp_path / "one.txt", code=FAULTY, fault="ENOSPC")
    assert res.returncode == 1 and not (tmp_path / "one.txt").exists() and not temps(tmp_path)
    res = run(tmp_path / "in", "--in-place", code=FAULTY, fault="ENOSPC")
    assert res.returncode == 1 and not temps(tmp_path)
    assert all(p.read_bytes() == TEXT for p in (tmp_path / "in").iterdir())


def test_stdout_on_a_full_device_is_one_line(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        res = subprocess.run([sys.executable, "-m", "cleantext", SEED4], stdout=full,
                             stderr=subprocess.PIPE, timeout=120)
    assert res.returncode == 1 and b"Traceback" not in res.stderr
    assert b"No space left on device" in res.stderr and len(res.stderr.splitlines()) == 1


def test_a_read_only_file_system_names_each_input_and_goes_on(tmp_path):
    for n in range(2):
        (tmp_path / f"d{n}.txt").write_bytes(TEXT)
    res = run(tmp_path, "--in-place", code=FAULTY, fault="EROFS")
    assert res.returncode == 1
    err = res.stderr.decode()
    assert err.count("Read-only file system") == 2 and "d0.txt" in err and "d1.txt" in err
    assert all(p.read_bytes() == TEXT for p in tmp_path.glob("*.txt"))


def test_a_broken_pipe_ends_quietly(tmp_path):
    for n in range(3):
        (tmp_path / f"d{n}.txt").write_text("".join(
            f"A sentence, number {n}-{i}, is long enough to be kept as text.\n\n"
            for i in range(4000)))
    res = subprocess.run(f'"{sys.executable}" -m cleantext "{tmp_path}" | head -c 10',
                         shell=True, capture_output=True, timeout=120)
    assert res.stdout == b"A sentence"
    assert res.stderr == b""


def test_bad_targets_and_closed_stdin_are_one_line_errors(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(TEXT)
    cases = [(["-o", tmp_path], 2), (["--out-dir", src], 2), (["--rules", tmp_path], 2),
             (["--names", tmp_path], 2)]
    for args, status in cases:
        res = run(src, *args)
        assert res.returncode == status and len(res.stderr.splitlines()) == 1, (args, res.stderr)
    res = subprocess.run(f'"{sys.executable}" -m cleantext <&-', shell=True, capture_output=True,
                         timeout=120)
    assert res.returncode == 1 and b"Traceback" not in res.stderr and b"stdin" in res.stderr


def test_a_file_name_that_is_not_utf8_with_jsonl_output(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    with open(name, "wb") as fh:
        fh.write(TEXT)
    res = run(tmp_path, "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    rec = json.loads(res.stdout.decode("utf-8"))
    assert rec["source"].endswith("caf\ufffd.txt") and rec["text"] == CLEAN.decode()


def test_a_bad_or_unreachable_scheduler_is_one_line_and_quick():
    pytest.importorskip("distributed")
    for address in ("not a scheduler", "tcp://127.0.0.1:1"):
        started = time.monotonic()
        res = run("--engine", "dask", "--scheduler", address, stdin=TEXT)
        assert res.returncode == 2 and len(res.stderr.splitlines()) == 1, res.stderr
        assert time.monotonic() - started < 30


# --- JSONL -----------------------------------------------------------------------

def test_a_lone_surrogate_never_loses_another_record(tmp_path):
    lines = [json.dumps({"id": 1, "text": "Good text \ud800 here."}),
             json.dumps({"id": 2, "text": "The next record is whole."})]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n")
    res = run("--input-format", "jsonl", corpus)
    out = [json.loads(x) for x in res.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in out] == [1, 2]
    assert out[1]["text_clean"].strip() == "The next record is whole."
    res = run("--input-format", "jsonl", corpus, "-o", tmp_path / "out.jsonl")
    assert len((tmp_path / "out.jsonl").read_text("utf-8").splitlines()) == 2


# --- limits ------------------------------------------------------------------------

def test_a_document_over_its_time_budget_fails_and_the_run_goes_on(tmp_path):
    slow = tmp_path / "a.txt"
    slow.write_bytes(b"SLOW " + TEXT)
    fast = tmp_path / "b.txt"
    fast.write_bytes(TEXT)
    started = time.monotonic()
    res = run("--timeout", "3", slow, fast, "--format", "jsonl", code=SLOW)
    assert time.monotonic() - started < 50
    assert res.returncode == 1 and b"a.txt: took longer than 3s" in res.stderr
    assert [json.loads(x)["source"] for x in res.stdout.splitlines()] == [str(fast)]


def test_pathological_html_is_bounded(tmp_path):
    page = tmp_path / "p.html"
    attrs = " ".join(f'a{i}="v"' for i in range(200_000))
    page.write_text(f"<html><body><div {attrs}><p>The text of the page survives.</p></div>"
                    "</body></html>")
    started = time.monotonic()
    res = run(page)
    assert res.returncode == 0 and b"The text of the page survives." in res.stdout
    assert time.monotonic() - started < 30


def test_user_patterns_keep_their_own_groups(tmp_path):
    pack = tmp_path / "br.toml"
    pack.write_text('[pack]\nname = "br"\n\n[[rule]]\nid = "ZZ101"\nname = "doubled"\n'
                    'kind = "drop-line"\nwhy = "one word twice"\n'
                    "patterns = ['zz(\\w+) zz\\1', '(?P<w>qq+)-(?P=w)']\n")
    text = b"A real first sentence stays here.\n\nzzab zzab\n\nqqq-qqq\n\nzzab zzcd\n"
    res = run("--rules", pack, "--lang", "en", stdin=text)
    assert res.returncode == 0, res.stderr
    assert res.stdout == b"A real first sentence stays here.\n\nzzab zzcd\n"


def test_unknown_ids_in_disable_and_name_entries_are_named(tmp_path):
    pack = tmp_path / "p.toml"
    pack.write_text('[pack]\nname = "p"\ndisable = ["NE001", "XX999"]\n')
    res = run("--rules", pack, stdin=TEXT)
    assert res.returncode == 2 and b"XX999" in res.stderr and b"NE001," not in res.stderr
    table = tmp_path / "n.toml"
    table.write_text('[[name]]\ncanonical = "Foo Bar"\nbogus = 1\n')
    res = run("--names", table, stdin=TEXT)
    assert res.returncode == 2 and b"name entry" in res.stderr and b"rule " not in res.stderr


def test_jobs_are_capped_at_inputs_and_cores():
    from types import SimpleNamespace

    from cleantext.run.cli import Source, _jobs

    three = [Source(str(n)) for n in range(3)]
    assert _jobs(SimpleNamespace(jobs=24, jsonl=False), three) <= 3
    assert _jobs(SimpleNamespace(jobs=24, jsonl=True), three) <= (os.cpu_count() or 1)
    assert _jobs(SimpleNamespace(jobs=0, jsonl=False), three[:1]) == 1
