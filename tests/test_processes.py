"""A Cleaner crosses process boundaries by its options, and importing or using the
package changes nothing for the rest of the process."""

from __future__ import annotations

import inspect
import multiprocessing
import pickle
import subprocess
import sys
from pathlib import Path

import cleantext
from cleantext import Cleaner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds" / "input").glob("*.txt"))


def _docs() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEEDS]


def test_a_pickled_cleaner_cleans_the_seeds_as_the_original(tmp_path):
    rules = tmp_path / "mine.toml"
    rules.write_text('[pack]\nlanguage = "en"\n\n[[rule]]\nid = "US001"\nname = "promo"\n'
                     'kind = "drop-line"\nwhy = "House ads."\nphrases = ["Share this:"]\n')
    names = tmp_path / "names.toml"
    names.write_text('[[name]]\ncanonical = "Mariupol"\nvariants = ["Mariupl"]\n')
    for cleaner in (Cleaner(), Cleaner(lang="en", quotes="typographic", rules=[rules],
                                       names=str(names), builtin_names=False)):
        copy = pickle.loads(pickle.dumps(cleaner))
        assert copy.options == cleaner.options
        for doc in _docs() + ["Mariupl said: Share this:\n\nMore text."]:
            assert copy.clean(doc) == cleaner.clean(doc)
            assert copy.explain(doc).changes == cleaner.explain(doc).changes


def test_the_pickle_holds_the_options_not_the_compiled_state():
    cleaner = Cleaner()
    cleaner.clean(_docs()[0])  # compiles rule sets and scorers
    assert len(pickle.dumps(cleaner)) < 1000


def test_every_option_of_the_cleaner_is_kept_for_pickling():
    params = set(inspect.signature(Cleaner.__init__).parameters) - {"self"}
    assert set(Cleaner().options) == params


def test_a_spawn_pool_maps_the_bound_clean_method():
    cleaner = Cleaner(lang="en")
    docs = _docs()
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        assert pool.map(cleaner.clean, docs) == [cleaner.clean(d) for d in docs]


_NO_SIDE_EFFECTS = r"""
import codecs, logging, sys
from langdetect import DetectorFactory
import bs4.dammit  # its logger exists before cleantext is imported
import charset_normalizer  # it gives its own logger a NullHandler when imported

def loggers():
    found = {name: (list(lg.handlers), list(lg.filters), lg.level, lg.propagate, lg.disabled)
             for name, lg in logging.root.manager.loggerDict.items()
             if isinstance(lg, logging.Logger)}
    found["<root>"] = (list(logging.root.handlers), list(logging.root.filters), logging.root.level)
    return found

seed, before = DetectorFactory.seed, loggers()

import cleantext
from cleantext.io.files import decode_bytes
cleantext.clean(open(sys.argv[1], encoding="utf-8").read())
# a page in cp1252 without a declared charset goes through the decoding path
cleantext.clean_html("<html><body><p>Caf\u00e9 \u201cquoted\u201d text, " .encode("cp1252")
                     + b"\x81<p>more words in this page</p></body></html>")
decode_bytes("d\u00e9j\u00e0 vu ".encode() + b"\x93stray\x94")  # UTF-8 with stray cp1252 bytes

after = loggers()
assert DetectorFactory.seed == seed, DetectorFactory.seed
handlers, filters, level, propagate, disabled = after.pop("cleantext")
assert [type(h) for h in handlers] == [logging.NullHandler], handlers
assert (filters, level, propagate, disabled) == ([], logging.NOTSET, True, False)
assert {k: v for k, v in after.items() if k in before} == before
new = {k: v for k, v in after.items() if k not in before and (v[0] or v[1])}
assert not new, new
for name in ("cleantext-cp1252-fallback", "cleantext-stray-cp1252", "cleantext"):
    try:
        codecs.lookup_error(name)
    except LookupError:
        pass
    else:
        raise AssertionError(f"codec error handler {name!r} registered")
print("untouched")
"""


def test_importing_and_cleaning_leaves_the_process_as_it_was():
    res = subprocess.run([sys.executable, "-c", _NO_SIDE_EFFECTS, str(SEEDS[0])],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "untouched"


def test_the_package_registers_no_codec_error_handler():
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "cleantext").rglob("*.py")]
    assert not any("register_error(" in s for s in sources)
    assert cleantext.Cleaner is Cleaner
