"""`cleantext names discover`: clusters of spellings from a corpus, as a reviewable table."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from cleantext.names.discover import same_name, skeleton
from cleantext.names.table import load_name_table

CORPUS = {
    "a.txt": "President Zelensky spoke in Kiev. Governor Bogomas said the Kurakhovo front held.\n",
    "b.txt": "President Zelenskiy spoke. Governor Bogomaz agreed. Fighting near Kurakhove.\n",
    "c.txt": "President Zelenskyy met Maria Peskova and Dmitry Peskov. Governor Bogomaz left.\n",
    "d.txt": "Kurakhove again. Peskov and Peskova. Kurakhovo. Governor Bogomas.\n",
}


def run(*args):
    return subprocess.run([sys.executable, "-m", "cleantext.names.discover", *map(str, args)],
                          capture_output=True, text=True)


def test_skeleton_merges_transliteration_equivalents():
    assert skeleton("Kiev") == skeleton("Kyiv")
    assert skeleton("Kharkov") == skeleton("Kharkiv") == skeleton("Charkow".replace("C", "K"))
    assert skeleton("Khinsten") == skeleton("Khinshtein")
    assert same_name("Zelensky", "Zelenskiy") and not same_name("Peskov", "Peskova")


def test_discover_writes_a_table_that_loads(tmp_path):
    for name, text in CORPUS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "proposed.toml"
    res = run(tmp_path, "-o", out, "--min-count", "2")  # -o as for the main command
    assert res.returncode == 0, res.stderr
    entries = {e.canonical: e for e in load_name_table(out)}
    assert set(entries["Bogomaz"].variants) == {"Bogomas"} or set(entries["Bogomas"].variants) == {"Bogomaz"}
    assert any({"Kurakhove", "Kurakhovo"} <= {e.canonical, *e.variants} for e in entries.values())
    assert not any("Peskova" in e.variants or e.canonical == "Peskova" for e in entries.values())
    assert "Zelenskyy" not in entries  # the built-in table already handles it
    first = tomllib.loads(out.read_text(encoding="utf-8"))["name"][0]
    assert first["note"].startswith("discovered: ")


def test_include_known_lists_builtin_clusters(tmp_path):
    (tmp_path / "a.txt").write_text(CORPUS["a.txt"] + CORPUS["b.txt"] + CORPUS["c.txt"])
    res = run(tmp_path / "a.txt", "--min-count", "1", "--include-known")
    entry = next(e for e in tomllib.loads(res.stdout)["name"] if e["canonical"] == "Zelenskyy")
    assert set(entry["variants"]) == {"Zelensky", "Zelenskiy"}


def test_help_and_missing_path():
    assert "--min-count" in run("--help").stdout
    res = run("/no/such/folder")
    assert res.returncode == 2 and "no such file" in res.stderr
