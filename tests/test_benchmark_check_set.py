"""benchmarks/check_set.py writes newspaper4k's test pages as a set quality.py reads: the
pages with an expected text of MIN_GOLD characters, their text in the development sets'
recipe, their language from the page's metadata."""

from __future__ import annotations

import gzip
import io
import json
import tarfile

import pytest

from benchmarks.check_set import MIN_GOLD, PACKAGE, VERSION, main, write_set
from benchmarks.scrapinghub import load_pages


def _sdist(path, files):
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"{PACKAGE}-{VERSION}/tests/data/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def test_pages_with_an_expected_text_are_written_in_the_sets_format(tmp_path):
    body = "First  paragraph of the story.\n\n  Second paragraph.  \n" + "x " * MIN_GOLD
    _sdist(tmp_path / "sdist.tar.gz", {
        "html/story.html": b"<html><body><p>First paragraph</p></body></html>",
        "txt/story.txt": body.encode(),
        "metadata/story.json": json.dumps({"language": "en"}).encode(),
        "html/stub.html": b"<html><body>stub</body></html>",
        "txt/stub.txt": b"too short",
        "txt/orphan.txt": body.encode(),  # no page for it
        "html/feed.html": b"<html></html>",  # no text for it
    })
    assert write_set(tmp_path / "sdist.tar.gz", tmp_path / "set") == 1
    truth = json.loads((tmp_path / "set" / "ground-truth.json").read_text(encoding="utf-8"))
    assert list(truth) == ["story"] and truth["story"]["lang"] == "en"
    assert truth["story"]["articleBody"].split("\n")[:2] == ["First paragraph of the story.",
                                                             "Second paragraph."]
    [page] = load_pages(tmp_path / "set")
    assert page.id == "story" and page.html.startswith(b"<html><body><p>First")
    with gzip.open(tmp_path / "set" / "html" / "story.html.gz") as handle:
        assert handle.read() == b"<html><body><p>First paragraph</p></body></html>"


def test_a_folder_that_holds_a_set_is_not_overwritten(tmp_path):
    (tmp_path / "ground-truth.json").write_text("{}", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main([str(tmp_path), "--sdist", str(tmp_path / "missing.tar.gz")])
    assert "already holds a set" in str(stop.value.code)
    assert (tmp_path / "ground-truth.json").read_text(encoding="utf-8") == "{}"
