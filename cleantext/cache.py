"""A per-user cache of what cleantext derives from its shipped data.

Some artefacts are pure functions of files that do not change between runs:
the parsed built-in rule packs, the stopword profiles built from jusText's
stoplists, the romanizations of the name tables' native forms.  Building them
costs a good part of a second; reading them back costs milliseconds.  Each is
stored as one pickle whose file name holds a fingerprint of everything it was
built from (the data files, the source of the code that builds it, the
versions of the libraries involved), so a changed input is a new file and
never a stale answer.

The folder is ``$CLEANTEXT_CACHE_DIR`` or ``$XDG_CACHE_HOME/cleantext``
(``~/.cache/cleantext``).  Setting ``CLEANTEXT_NO_CACHE=1`` turns the cache off.
Nothing depends on it: a folder that cannot be written, a file that cannot be
read or unpickled, and every error on the way are the same as no cache (the
artefact is built in memory).  Files are written whole under a temporary name
and renamed, so concurrent processes never read a half-written file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from importlib.util import find_spec
from pathlib import Path
from typing import Callable, Iterable, TypeVar, cast

from .version import __version__

T = TypeVar("T")

ENV_DIR = "CLEANTEXT_CACHE_DIR"
ENV_OFF = "CLEANTEXT_NO_CACHE"


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    if os.environ.get(ENV_OFF, "").strip() not in ("", "0"):
        return None
    base = os.environ.get(ENV_DIR)
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(xdg) / "cleantext"


def fingerprint(parts: Iterable[str | bytes]) -> str:
    """A short digest of ``parts`` (with cleantext's version and pickle's protocol)."""
    digest = hashlib.sha256(f"{__version__}\0{pickle.HIGHEST_PROTOCOL}\0".encode())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def file_parts(paths: Iterable[str | Path]) -> list[bytes]:
    """The names and contents of ``paths``, as fingerprint parts."""
    out = []
    for path in paths:
        path = Path(path)
        out.append(str(path).encode("utf-8", "surrogateescape"))
        out.append(path.read_bytes())
    return out


def module_parts(*names: str) -> list[str]:
    """Where installed modules live and when their files changed (cheap to read; an
    upgrade rewrites the files), as fingerprint parts; without importing them."""
    out = []
    for name in names:
        spec = find_spec(name)
        origin = spec.origin if spec is not None else None
        if origin is None:
            out.append(f"{name}:missing")
            continue
        stat = os.stat(origin)
        out.append(f"{name}:{origin}:{stat.st_size}:{stat.st_mtime_ns}")
    return out


def source_of(module_file: str) -> bytes:
    """The source of a module (its ``__file__``), as a fingerprint part."""
    return Path(module_file).read_bytes()


def load(name: str, key: str) -> object | None:
    """The value stored for ``name`` and ``key``, or None (no cache, no such file, or
    a file that cannot be read)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"{name}-{key}.pickle", "rb") as handle:
            value: object = pickle.load(handle)
            return value
    except Exception:  # noqa: BLE001 -- missing, unreadable or stale: no value
        return None


def save(name: str, key: str, value: object) -> None:
    """Store ``value`` for ``name`` and ``key`` (nothing when the cache is off)."""
    folder = cache_dir()
    if folder is not None:
        _write(folder, folder / f"{name}-{key}.pickle", value)


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, or the value a run with the same ``name`` and ``key`` stored."""
    value = load(name, key)
    if value is None:
        built = build()
        save(name, key, built)
        return built
    # the value stored under this name and key is what ``build`` returned then
    return cast(T, value)


_STALE_SECONDS = 7 * 24 * 3600  # other keys of an artefact older than this are removed


def _write(folder: Path, path: Path, value: object) -> None:
    """Write ``value`` to ``path`` whole (temporary file, then rename); remove week-old
    files of the same artefact; any error leaves the cache as it was."""
    import tempfile  # (only a run that writes the cache needs it: not in every start-up)

    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        stem = path.name.rsplit("-", 1)[0]
        now = time.time()
        for old in folder.glob(f"{stem}-*.pickle"):
            if old != path and now - old.stat().st_mtime > _STALE_SECONDS:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 -- a read-only or full disk is no cache
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
