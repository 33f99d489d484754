"""Test session set-up: the user cache (``cleantext.cache``) goes to a fresh folder of
this session, so no test reads what an earlier run left there (nor writes to the
user's own cache); subprocesses inherit it."""

import os
import tempfile

os.environ["CLEANTEXT_CACHE_DIR"] = tempfile.mkdtemp(prefix="cleantext-test-cache-")
os.environ.pop("CLEANTEXT_NO_CACHE", None)
