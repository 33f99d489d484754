"""The write model: every file cleantext writes goes through here.

* Outputs are regular files only: a device, a named pipe, a socket or a folder
  at the target is refused with :class:`WriteRefused` (standard output stays the
  way to stream).
* A file is written whole or not at all: the content goes to a temporary file
  ``.cleantext-<pid>-<random>.tmp`` in the destination folder, is flushed to
  disk and renamed over the destination.  A temporary file is removed when the
  write fails or the process is stopped by SIGTERM/SIGINT; one left by a killed
  process is removed by a later run (:func:`remove_stale_temps`).
* A new file gets the mode a new file would get under the umask; an in-place
  rewrite keeps the original's mode and, where permitted, its owner.
* A backup never overwrites an existing file: ``x.orig`` is taken, then
  ``x.orig.1``, ``x.orig.2`` and so on.
* :class:`WritePlan` decides every target before anything is written and
  refuses a target that is one of the inputs.

All data is written with :func:`os.write`, so a full or read-only file system
shows up as an :class:`OSError` naming the target, and no half-written file
is left behind.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import time
from pathlib import Path
from typing import Iterable

TEMP_PREFIX = ".cleantext-"
TEMP_SUFFIX = ".tmp"
_CHUNK = 1 << 20

# temporary files of this process not yet renamed or removed (for signal handlers)
LIVE_TEMPS: set[str] = set()


class WriteRefused(OSError):
    """A target the write model will not write to; the message says why."""


def scrub(text: str) -> str:
    """``text`` with lone surrogates (undecodable file names, broken escapes) as U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


def encode_text(text: str) -> bytes:
    """UTF-8 bytes of ``text``; a lone surrogate becomes U+FFFD instead of an error."""
    return scrub(text).encode("utf-8")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_target(path: str | Path) -> None:
    """Refuse a target that exists and is not a regular file (symlinks are followed)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        if exc.errno in (errno.ENOTDIR, errno.ELOOP):
            raise WriteRefused(exc.errno, f"{exc.strerror}", str(path)) from None
        raise
    if stat.S_ISDIR(st.st_mode):
        raise WriteRefused(errno.EISDIR, "is a folder, not a file", str(path))
    if not stat.S_ISREG(st.st_mode):
        kind = ("a named pipe" if stat.S_ISFIFO(st.st_mode) else
                "a socket" if stat.S_ISSOCK(st.st_mode) else "a device")
        raise WriteRefused(errno.EINVAL, f"is {kind}, not a regular file (write to standard "
                                         f"output to stream)", str(path))


def _new_temp(folder: Path) -> tuple[int, str]:
    for _ in range(100):
        name = folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(6)}{TEMP_SUFFIX}"
        try:
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        LIVE_TEMPS.add(str(name))
        return fd, str(name)
    raise FileExistsError(errno.EEXIST, "could not create a temporary file", str(folder))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view[:_CHUNK])
        view = view[n:]


def _discard(tmp: str) -> None:
    LIVE_TEMPS.discard(tmp)
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _finish(fd: int, tmp: str, like: str | Path | None) -> None:
    """Set the mode (and owner) of the temporary file and flush it to disk."""
    if like is not None:
        st = os.stat(like)
        os.fchmod(fd, stat.S_IMODE(st.st_mode))
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except OSError:  # not permitted: the file belongs to whoever runs cleantext
            pass
    else:
        os.fchmod(fd, 0o666 & ~_umask())
    os.fsync(fd)


def _filled_temp(folder: Path, payload: bytes, like: str | Path | None) -> str:
    """A new temporary file in ``folder`` holding ``payload``, synced and given
    ``like``'s mode and owner; removed again if anything fails."""
    fd, tmp = _new_temp(folder)
    try:
        try:
            _write_all(fd, payload)
            _finish(fd, tmp, like)
        finally:
            os.close(fd)
    except BaseException:
        _discard(tmp)
        raise
    return tmp


def atomic_write(path: str | Path, data: str | bytes, *, like: str | Path | None = None) -> None:
    """Write ``data`` to ``path`` whole or not at all (temporary file, fsync, rename).

    ``like``: give the new file this file's mode and owner (in-place rewrites).
    """
    path = Path(path)
    check_target(path)
    payload = encode_text(data) if isinstance(data, str) else data
    tmp = _filled_temp(path.parent, payload, like)
    try:
        os.replace(tmp, path)
        LIVE_TEMPS.discard(tmp)
    except BaseException:
        _discard(tmp)
        raise


def backup_copy(path: str | Path, suffix: str) -> Path:
    """Copy ``path`` to ``path + suffix`` without overwriting anything.

    When ``path + suffix`` exists, the copy is numbered: ``x.orig.1``, ``x.orig.2``…
    Returns the backup's path.
    """
    if not suffix or "/" in suffix or suffix in (".", ".."):
        raise ValueError(f"bad backup suffix {suffix!r}")
    path = Path(path)
    tmp = _filled_temp(path.parent, path.read_bytes(), path)
    try:
        base = path.with_name(path.name + suffix)
        for n in range(0, 10_000):
            target = base if n == 0 else base.with_name(f"{base.name}.{n}")
            try:
                os.link(tmp, target)  # fails when the target exists: nothing is overwritten
            except FileExistsError:
                continue
            _discard(tmp)
            return target
        raise FileExistsError(errno.EEXIST, "too many backups", str(base))
    except BaseException:
        _discard(tmp)
        raise


class AtomicFile:
    """A text file written in pieces that appears at ``path`` only on :meth:`commit`.

    Used for streamed outputs (``-o FILE``, JSONL rewritten in place): until the
    commit the destination keeps its old content.
    """

    def __init__(self, path: str | Path, like: str | Path | None = None) -> None:
        self.path = Path(path)
        self.like = like
        check_target(self.path)
        self._fd, self._tmp = _new_temp(self.path.parent)
        self._buf: list[bytes] = []
        self._size = 0

    def write(self, text: str) -> None:
        data = encode_text(text)
        self._buf.append(data)
        self._size += len(data)
        if self._size >= _CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self._buf:
            data = b"".join(self._buf)
            self._buf, self._size = [], 0
            _write_all(self._fd, data)

    def commit(self) -> None:
        """Flush to disk and rename over the destination."""
        try:
            self._flush()
            _finish(self._fd, self._tmp, self.like)
            os.close(self._fd)
            self._fd = -1
            check_target(self.path)
            os.replace(self._tmp, self.path)
            LIVE_TEMPS.discard(self._tmp)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        """Forget what was written; the destination is untouched."""
        if self._fd >= 0:
            try:
                os.close(self._fd)
            except OSError:
                pass
            self._fd = -1
        _discard(self._tmp)


def remove_live_temps() -> None:
    """Remove this process's unfinished temporary files (on a signal)."""
    for tmp in list(LIVE_TEMPS):
        _discard(tmp)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temps(folders: Iterable[str | Path], before: float | None = None) -> int:
    """Remove ``.cleantext-<pid>-*.tmp`` files in ``folders`` older than ``before``
    whose process is gone (left by a killed run).  Returns how many were removed."""
    before = time.time() if before is None else before
    removed = 0
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if not (name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)):
                continue
            pid_part = name[len(TEMP_PREFIX):].split("-", 1)[0]
            try:
                pid = int(pid_part)
                st = entry.stat(follow_symlinks=False)
            except (ValueError, OSError):
                continue
            if not stat.S_ISREG(st.st_mode) or st.st_mtime >= before:
                continue
            if pid != os.getpid() and _pid_alive(pid):
                continue
            try:
                os.unlink(entry.path)
                removed += 1
            except OSError:
                pass
    return removed


class WritePlan:
    """Every output of a run, decided before anything is written.

    ``inputs``: the files being read; no target may be one of them, except an
    in-place rewrite of the input itself.
    """

    def __init__(self, inputs: Iterable[str | Path]) -> None:
        self.inputs = {os.path.realpath(p) for p in inputs}
        self.targets: dict[str, str] = {}  # real target -> label of the input writing it

    def plan(self, wanted: list[tuple[str, str | Path, str | Path | None]]
             ) -> tuple[dict[str, str], dict[str, str]]:
        """Decide the targets of ``wanted`` ``(label, target, own_input)`` triples.

        Returns ``(targets, refused)``: the real target of each accepted label, and
        the reason for each refused one.  Two inputs with one target are both
        refused (neither is written); so is a target that is one of the inputs
        (other than an in-place rewrite of itself) or not a regular file.
        """
        by_target: dict[str, list[str]] = {}
        shown: dict[str, str] = {}
        for label, target, own in wanted:
            real = os.path.realpath(target)
            by_target.setdefault(real, []).append(label)
            shown[label] = str(target)
        targets: dict[str, str] = {}
        refused: dict[str, str] = {}
        for label, target, own in wanted:
            real = os.path.realpath(target)
            others = [x for x in by_target[real] if x != label]
            if others:
                refused[label] = (f"{label} and {', '.join(others)} would both be written to "
                                  f"{target}; neither is written")
                continue
            if real in self.inputs and (own is None or os.path.realpath(own) != real):
                refused[label] = f"{target} is one of the inputs and is never overwritten"
                continue
            try:
                check_target(target)
            except OSError as exc:
                refused[label] = f"{target}: {exc.strerror}"
                continue
            targets[label] = real
        return targets, refused
