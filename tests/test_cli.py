"""The command, driven through a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from texts import STRUCTURED_ARTICLE


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
    for flag in ("--in-place", "--out-dir", "--format", "--explain", "--diff", "--input-format",
                 "--jobs", "--verbose"):
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


# --- one shape per option ------------------------------------------------------------

def test_json_is_always_a_list_also_for_one_file(tmp_path):
    # (one input used to give a bare object; it is now a list of one, as for several)
    res = run(SEED4, "--format", "json")
    assert res.returncode == 0, res.stderr
    docs = json.loads(res.stdout)
    assert isinstance(docs, list) and len(docs) == 1 and docs[0]["source"] == str(SEED4)
    res = run("--format", "json", stdin=SEED4.read_bytes())
    assert [d["source"] for d in json.loads(res.stdout)] == ["<stdin>"]
    out = tmp_path / "out"
    assert run(SEED4, "--format", "json", "--out-dir", out).returncode == 0
    per_file = json.loads((out / SEED4.name).read_text(encoding="utf-8"))
    assert isinstance(per_file, list) and per_file[0]["text"] == docs[0]["text"]


def test_jsonl_input_is_an_input_format_and_the_old_flag_still_works_with_a_note(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "text": p.read_text(encoding="utf-8")}) + "\n"
                              for i, p in enumerate(sorted((SEEDS / "input").glob("*.txt")))))
    new = run("--input-format", "jsonl", corpus, "-q")
    old = run("--jsonl", corpus, "-q")
    assert new.returncode == old.returncode == 0
    assert new.stdout == old.stdout and new.stderr == b""
    assert old.stderr.decode().splitlines() == [
        "cleantext: --jsonl is deprecated; use --input-format jsonl"]
    traced = [json.loads(line) for line in run("--input-format", "jsonl", "--format", "jsonl",
                                               corpus, "-q").stdout.splitlines()]
    assert all(isinstance(r["cleantext_changes"], list) for r in traced)
    res = run("--input-format", "jsonl", "--format", "json", corpus)
    assert res.returncode == 2 and b"--format jsonl" in res.stderr


def test_an_unknown_lang_is_a_usage_error_listing_the_known_codes(tmp_path):
    res = run("--lang", "xx", SEED4)
    assert res.returncode == 2 and res.stdout == b""
    err = res.stderr.decode()
    known = err.split("known: ", 1)[1].strip().split(", ")
    assert known == sorted(known) and {"en", "ru", "uk", "de", "ja", "zh"} <= set(known)
    assert "xx" not in known and len(err.splitlines()) == 1
    for code in ("EN", "ko", " uk "):  # any known code, as the Cleaner normalises it
        assert run("--lang", code, SEED4).returncode == 0
    pack = tmp_path / "xx.toml"  # a user pack makes its language known
    pack.write_text('[pack]\nlanguage = "xx"\n\n[[rule]]\nid = "US001"\nname = "promo"\n'
                    'kind = "drop-line"\nwhy = "House ads."\nphrases = ["Buy our mug"]\n')
    res = run("--lang", "xx", "--rules", pack, stdin=b"Real text.\n\nBuy our mug\n")
    assert res.returncode == 0 and res.stdout == b"Real text.\n", res.stderr


def test_names_discover_takes_o_like_the_main_command(tmp_path):
    (tmp_path / "a.txt").write_text("Bogomaz spoke. Bogomaz left. Bogomas said.\n" * 3)
    short, long_ = tmp_path / "short.toml", tmp_path / "long.toml"
    assert run("names", "discover", tmp_path / "a.txt", "-o", short).returncode == 0
    assert run("names", "discover", tmp_path / "a.txt", "--out", long_).returncode == 0
    assert short.read_bytes() == long_.read_bytes()


def test_verbose_logs_one_line_per_document_and_vv_each_stage():
    files = sorted((SEEDS / "input").glob("*.txt"))[:2]
    quiet = run(*files, "-q")
    info = run(*files, "-q", "-v")
    debug = run(*files, "-q", "-vv")
    assert quiet.stderr == b"" and quiet.stdout == info.stdout == debug.stdout
    info_lines = info.stderr.decode().splitlines()
    assert [line.split(": ")[2] for line in info_lines] == [str(f) for f in files]
    assert all(line.startswith("cleantext: INFO: ") for line in info_lines)
    debug_lines = debug.stderr.decode().splitlines()
    assert [line for line in debug_lines if "INFO" in line] == info_lines
    assert any(line.startswith("cleantext: DEBUG: stage block-score:") for line in debug_lines)


def _tree_with_links(tmp_path: Path) -> Path:
    """A folder with a plain file, a link to a file outside it, a link to a folder outside
    it, a link back to itself (a loop), a link to itself and a dangling link."""
    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    (outside / "far.txt").write_text("Far away text.\n")
    (outside / "sub" / "deep.txt").write_text("Deep text.\n")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "own.txt").write_text("Own text.\n")
    (tree / "far.txt").symlink_to(outside / "far.txt")
    (tree / "linked").symlink_to(outside / "sub", target_is_directory=True)
    (tree / "loop").symlink_to(tree, target_is_directory=True)
    (tree / "self.txt").symlink_to(tree / "self.txt")
    (tree / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    return tree


def test_symlinks_in_a_folder_are_followed_by_default_and_a_loop_is_walked_once(tmp_path):
    tree = _tree_with_links(tmp_path)
    res = run(tree, "--format", "json", "-q")
    assert res.returncode == 0, res.stderr
    files = sorted(Path(r["source"]).relative_to(tree).as_posix() for r in json.loads(res.stdout))
    assert files == ["far.txt", "linked/deep.txt", "own.txt"]


def test_no_follow_symlinks_keeps_the_walk_inside_the_folder(tmp_path):
    tree = _tree_with_links(tmp_path)
    res = run(tree, "--no-follow-symlinks", "--format", "json", "-q")
    assert res.returncode == 0, res.stderr
    assert [Path(r["source"]).name for r in json.loads(res.stdout)] == ["own.txt"]
    # a link named on the command line is still read
    res = run(tree / "far.txt", "--no-follow-symlinks", "-q")
    assert res.returncode == 0 and res.stdout == b"Far away text.\n", res.stderr


@pytest.mark.parametrize("stdin_args", [["-"], [], ["-", str(SEED4)]])
def test_out_dir_with_stdin_is_a_one_line_usage_error(tmp_path, stdin_args):
    out = tmp_path / "out"
    res = run(*stdin_args, "--out-dir", out, stdin=b"Hello there.\n")
    assert res.returncode == 2
    lines = res.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "--out-dir" in lines[0] and "stdin" in lines[0], res.stderr
    assert not out.exists()


def test_a_first_line_table_row_keeps_its_cells():
    body = "The minister spoke to reporters in the capital on Monday about the talks.\n"
    for row in ("| Country | Capital city |",
                "Country | Capital city | Population\n\nFrance | Paris | 68 million"):
        res = run("--lang", "en", stdin=f"{row}\n\n{body}".encode())
        assert res.returncode == 0, res.stderr
        assert res.stdout.decode() == f"{row}\n\n{body}"


def test_article_flag_leaves_block_scoring_out():
    """A structured article (a meal plan's repeated labels) read as a page loses lines to
    block scoring; --article says the text is already the article, and keeps them."""
    page = run(stdin=STRUCTURED_ARTICLE.encode())
    article = run("--article", stdin=STRUCTURED_ARTICLE.encode())
    assert page.returncode == 0 and article.returncode == 0, (page.stderr, article.stderr)
    assert article.stdout.decode() == STRUCTURED_ARTICLE
    assert page.stdout.decode() != STRUCTURED_ARTICLE
