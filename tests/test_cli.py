"""The command, driven through a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED4 = SEEDS / "input" / "004_e96bcc39b64da713.txt"


def run(*args, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleantext", *map(str, args)], input=stdin,
                          capture_output=True, cwd=cwd, timeout=120)


def test_stdin_to_stdout_matches_expected_for_every_seed():
    for f in sorted((SEEDS / "input").glob("*.txt")):
        res = run(stdin=f.read_bytes())
        assert res.returncode == 0, res.stderr
        assert res.stdout == (SEEDS / "expected" / f.name).read_bytes()


def test_dash_reads_stdin():
    res = run("-", stdin="Kiev\u2019s mayor.\r\n".encode())
    assert res.stdout == b"Kyiv's mayor.\n"


def test_help_and_version():
    res = run("--help")
    assert res.returncode == 0
    for flag in ("--in-place", "--out-dir", "--format", "--explain", "--diff", "--jsonl", "--jobs"):
        assert flag in res.stdout.decode()
    res = run("--version")
    assert res.returncode == 0 and res.stdout.startswith(b"cleantext ")


def test_explain_lists_each_removed_piece_of_seed_004_with_its_rule():
    res = run("--explain", SEED4)
    assert res.returncode == 0
    err = res.stderr.decode()
    for code, piece in [("HL001", "Latest on Russia-Ukraine Conflict"), ("RL003", "Also Read:"),
                        ("AT001", "This article is based on information provided by"),
                        ("CS001", "Please enter your comment!"), ("CS001", "Akismet"),
                        ("CS001", "Hot Topics"), ("CS001", "Related Articles"),
                        ("NM001", "Kharkhiv")]:
        assert any(line.strip().startswith(code) and piece in line for line in err.splitlines()), piece
    assert res.stdout == (SEEDS / "expected" / SEED4.name).read_bytes()


def test_folder_to_out_dir_mirrors_names(tmp_path):
    out = tmp_path / "out"
    res = run(SEEDS / "input", "--out-dir", out, "-q")
    assert res.returncode == 0, res.stderr
    for f in (SEEDS / "expected").glob("*.txt"):
        assert (out / f.name).read_bytes() == f.read_bytes()


def test_glob_and_json_format_carry_language_and_trace(tmp_path):
    res = run(str(SEEDS / "input" / "00[01]*.txt"), "--format", "json", "-q")
    assert res.returncode == 0
    docs = json.loads(res.stdout)
    assert len(docs) == 2
    assert all(d["language"] == "en" and isinstance(d["changes"], list) for d in docs)
    assert any(c["code"] == "NM001" for c in docs[1]["changes"])


def test_in_place_with_backup(tmp_path):
    f = tmp_path / "a.txt"
    original = SEED4.read_bytes()
    f.write_bytes(original)
    os.chmod(f, 0o640)
    res = run("--in-place", "--backup", ".orig", f)
    assert res.returncode == 0, res.stderr
    assert f.read_bytes() == (SEEDS / "expected" / SEED4.name).read_bytes()
    assert (tmp_path / "a.txt.orig").read_bytes() == original
    assert (f.stat().st_mode & 0o777) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_output_onto_an_input_is_refused(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Some text.\n")
    res = run(f, "-o", f)
    assert res.returncode == 2
    assert b"one of the inputs" in res.stderr
    assert f.read_text() == "Some text.\n"


def test_missing_file_fails_but_others_are_cleaned(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Kiev is the capital.\n")
    res = run(tmp_path / "missing.txt", good)
    assert res.returncode == 1
    assert b"missing.txt" in res.stderr
    assert res.stdout == b"Kyiv is the capital.\n"
    assert b"Traceback" not in res.stderr


def test_usage_errors_exit_2(tmp_path):
    assert run("--format", "yaml").returncode == 2
    assert run("--backup", ".b", SEED4).returncode == 2
    bad = tmp_path / "bad.toml"
    bad.write_text('[[rule]]\nid = "XX001"\nkind = "drop-line"\nname = "x"\nwhy = "y"\nphrases = ["a"]\ncolour = "red"\n')
    res = run("--rules", bad, SEED4)
    assert res.returncode == 2
    assert b"XX001" in res.stderr and b"colour" in res.stderr and b"Traceback" not in res.stderr


def test_diff_shows_removed_lines():
    res = run("--diff", SEED4)
    assert res.returncode == 0
    out = res.stdout.decode()
    assert out.startswith("---") and "-Please enter your comment!" in out


def test_html_input_by_extension(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><nav>Home | World</nav><article><h1>Kiev talks</h1>"
                    "<p>The talks in Kiev resumed on Monday after a long pause.</p></article>"
                    "<footer>© 2024 Example</footer></body></html>")
    res = run(page)
    assert res.returncode == 0, res.stderr
    assert res.stdout == b"Kyiv talks\n\nThe talks in Kyiv resumed on Monday after a long pause.\n"


def test_user_rule_pack_extends_and_disables(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text('[pack]\nlanguage = "en"\ndisable = ["NE001"]\n\n[[rule]]\nid = "US001"\n'
                    'name = "promo"\nkind = "drop-line"\nwhy = "House ads."\nphrases = ["Buy our mug"]\n')
    text = b"Real text stays here.\n\nBuy our mug\n\nhttps://example.com/x\n"
    res = run("--rules", pack, "--lang", "en", stdin=text)
    assert res.stdout == b"Real text stays here.\n\nhttps://example.com/x\n"


def test_no_names_and_extra_table(tmp_path):
    table = tmp_path / "names.toml"
    table.write_text('[[name]]\ncanonical = "Mariupol"\nvariants = ["Mariupl"]\n')
    text = "Kiev and Mariupl.\n".encode()
    assert run("--no-names", stdin=text).stdout == b"Kiev and Mariupl.\n"
    assert run("--names", table, stdin=text).stdout == b"Kyiv and Mariupol.\n"


def test_explain_of_a_page_reports_what_the_dom_stage_kept_and_removed(tmp_path):
    prose = "".join(f"<p>Paragraph {i} of the report says the council met on Monday "
                    f"and voted on the new budget for the city.</p>" for i in range(6))
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>t</title></head><body><nav><a href='/'>Home</a></nav>"
                    f"<article class='story'>{prose}</article>"
                    "<div class='related'><a href='/x'>More news</a></div></body></html>",
                    encoding="utf-8")
    import cleantext

    want = cleantext.Cleaner().explain_html(page.read_bytes()).flags[0]
    assert want.startswith("html: kept <article")
    res = run("--explain", page)
    assert res.returncode == 0, res.stderr
    assert f"flag: {want}" in res.stderr.decode()
    assert res.stdout.decode() == cleantext.clean_html(page.read_bytes())
