"""Test session set-up: the user cache (``cleantext.cache``) goes to a fresh folder of
this session, so no test reads what an earlier run left there (nor writes to the
user's own cache); subprocesses inherit it, and the folder goes when the session ends."""

import os
import shutil
import tempfile

_CACHE = tempfile.mkdtemp(prefix="cleantext-test-cache-")
os.environ["CLEANTEXT_CACHE_DIR"] = _CACHE
os.environ.pop("CLEANTEXT_NO_CACHE", None)


def pytest_sessionfinish(session, exitstatus):
    """Remove this session's cache folder."""
    shutil.rmtree(_CACHE, ignore_errors=True)
