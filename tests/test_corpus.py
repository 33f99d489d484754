"""Corpus mode: site templates learned from many pages, removed with evidence (SP001)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.corpus import CorpusCounts, ProfileError, SiteProfile, learn_sites
from cleantext.corpus.learn import BUCKET_PAGES
from cleantext.corpus.lines import line_hash, line_key

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"

_WORDS = ("river council bridge market season report police court city harbour school "
          "library train ferry museum weather farmers minister election league").split()


def _article(rnd: random.Random) -> list[str]:
    out = []
    for _ in range(rnd.randint(3, 6)):
        words = rnd.choices(_WORDS, k=rnd.randint(14, 26))
        out.append("The " + " ".join(f"{w} of the" if i % 3 == 0 else w for i, w in enumerate(words)) + ".")
    return out


def _site(n_pages: int, seed: int = 0):
    """Pages of a made-up site: menu, dateline, counters and a related list that vary."""
    rnd = random.Random(seed)
    pages = []
    for i in range(n_pages):
        head = ["The Courier", "Local", "Politics", "Sport",
                f"Updated {rnd.randint(1, 28)} {rnd.choice(['March', 'May', 'June'])} 2021"]
        article = [f"Story {rnd.choice(_WORDS)} {rnd.choice(_WORDS)} {i}"] + _article(rnd)
        tail = [f"Comments ({rnd.randint(0, 99)})", "Related stories",
                *(f"{rnd.choice(_WORDS).title()} {rnd.choice(_WORDS)} news" for _ in range(2)),
                "More from the Courier", "About us", "Contact"]
        pages.append((head, article, tail))
    return pages


def _text(page) -> str:
    return "\n".join(page[0] + page[1] + page[2])


def test_digits_dates_and_counters_fold_into_one_line():
    assert line_key("Comments (12)") == line_key("Comments (3)")
    assert line_hash("Updated March 3, 2021") == line_hash("Updated  June 14, 2020")
    assert line_hash("Comments") != line_hash("Contact")
    assert line_hash("“Share” this") == line_hash('"Share" this')


def test_a_line_of_figures_alone_is_never_template():
    for line in ("[12]", "1.1", "23/16", "2019", "(3)"):
        assert line_key(line) == ""
    pages = []
    for head, article, tail in _site(6, seed=7):
        pages.append((head, [article[0], article[1], "[1]", *article[2:]], tail))
    profiles = learn_sites(("c.example", _text(p)) for p in pages)
    assert line_hash("[1]") not in profiles["c.example"].lines
    assert "[1]" in cleantext.Cleaner(lang="en", profiles=profiles).clean(_text(pages[0]), site="c.example")


def test_a_lone_template_line_amid_the_article_stays():
    """Block scoring counts only runs of template lines as chrome, and SP001 leaves a lone
    template line inside the article's span alone (a section heading every page prints)."""
    pages = []
    for head, article, tail in _site(6, seed=9):
        pages.append((head, article[:2] + ["Background"] + article[2:], tail))
    cleaner = cleantext.Cleaner(lang="en", profiles=learn_sites(("c.example", _text(p)) for p in pages))
    for page in pages:
        kept = cleaner.clean(_text(page), site="c.example").splitlines()
        assert "Background" in kept
        assert all(line in kept for line in page[1][1:])
        assert "The Courier" not in kept


def test_corpus_mode_on_html_pages():
    pages = _site(5, seed=13)

    def html(page):
        return ("<html><body>" + "".join(f"<p>{line}</p>" for line in page[0])
                + "<article>" + "".join(f"<p>{line}</p>" for line in page[1]) + "</article>"
                + "".join(f"<p>{line}</p>" for line in page[2]) + "</body></html>")

    texts = [cleantext.Cleaner().extract_html(html(p)).text for p in pages]
    cleaner = cleantext.Cleaner(lang="en", profiles=learn_sites(("h.example", t) for t in texts))
    for page in pages:
        out = cleaner.clean_html(html(page), site="h.example")
        assert all(line in out for line in page[1][1:])
        assert cleaner.explain_html(html(page), site="h.example").text == out
        assert cleaner.clean_html(html(page)) == cleantext.clean_html(html(page), lang="en")


def test_template_goes_and_every_article_stays():
    pages = _site(12)
    cleaner = cleantext.Cleaner(lang="en", profiles=learn_sites(("courier.example", _text(p)) for p in pages))
    for head, article, tail in pages:
        result = cleaner.explain(_text((head, article, tail)), site="courier.example")
        kept = result.text.splitlines()
        for line in article[1:]:
            assert line in kept
        for line in ("The Courier", "Politics", "About us", "Related stories"):
            assert line not in kept
        sp = [e for e in result.changes if e.code == "SP001"]
        assert sp and all("courier.example" in e.detail for e in sp)
        assert any("seen on 12 of 12 pages of courier.example" in e.detail for e in sp)
        assert not any(line in e.before for e in sp for line in article)
        assert cleantext.replay(_text((head, article, tail)), result.changes) == result.text


def test_a_site_with_one_page_gets_the_single_document_result():
    page = _text(_site(1)[0])
    profiles = learn_sites([("solo.example", page)])
    assert not profiles["solo.example"].lines
    assert cleantext.Cleaner(profiles=profiles).clean(page, site="solo.example") == cleantext.clean(page)
    # an unknown site, or no site, is the single-document result too
    assert cleantext.Cleaner(profiles=profiles).clean(page, site="other.example") == cleantext.clean(page)


def test_a_repeated_disclaimer_inside_the_article_is_reported_not_removed():
    disclaimer = ("This story is published under the terms of the agreement between the Courier "
                  "and the regional press association of the northern province.")
    pages = []
    for head, article, tail in _site(6, seed=3):
        pages.append((head, article[:2] + [disclaimer] + article[2:], tail))
    cleaner = cleantext.Cleaner(lang="en", profiles=learn_sites(("c.example", _text(p)) for p in pages))
    result = cleaner.explain(_text(pages[0]), site="c.example")
    assert disclaimer in result.text
    assert any("SP001 kept" in f for f in result.flags)
    # unless the profile says so
    prof = cleaner.profiles["c.example"]
    h = line_hash(disclaimer)
    text = prof.to_toml().replace(f'hash = "{h:016x}"', f'hash = "{h:016x}"\nremove = true')
    forced = cleantext.Cleaner(lang="en", profiles={"c.example": SiteProfile.from_toml(text)})
    assert disclaimer not in forced.clean(_text(pages[0]), site="c.example")


def test_a_copy_of_another_page_is_left_alone():
    page = _text(_site(1, seed=5)[0])
    cleaner = cleantext.Cleaner(profiles=learn_sites([("d.example", page)] * 3))
    assert cleaner.clean(page, site="d.example") == cleantext.clean(page)


def test_profiles_round_trip_and_load_strictly(tmp_path):
    profiles = learn_sites(("courier.example", _text(p)) for p in _site(5))
    paths = cleantext.save_profiles(profiles, tmp_path)
    assert [p.name for p in paths] == ["courier.example.toml"]
    loaded = cleantext.load_profiles(tmp_path)
    assert loaded["courier.example"].lines == profiles["courier.example"].lines
    assert "seen" not in paths[0].read_text() and "pages = 5" in paths[0].read_text()
    good = 'site = "a.example"\npages = 3\n[[line]]\ntext = "Sign in"\n'
    assert line_hash("Sign in") in SiteProfile.from_toml(good).lines
    for bad in ('pages = 3\n', good + "colour = 1\n", good.replace('text = "Sign in"', "pages = 2"),
                good + '[[line]]\nhash = "xyz"\n', good.replace("pages = 3", 'pages = "3"'),
                good + '[[line]]\ntext = "a"\nposition = "left"\n', "site = "):
        with pytest.raises(ProfileError):
            SiteProfile.from_toml(bad)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]),
                          st.lists(st.sampled_from(["Home", "News", "Sport (3)", "Sport (4)", "x y z",
                                                    "Contact", "A long line of text."]),
                                   max_size=6).map("\n".join)), max_size=30),
       st.integers(0, 30))
def test_merged_counts_equal_counts_of_the_whole(pairs, cut):
    whole = CorpusCounts().update(pairs).profiles()
    merged = CorpusCounts().update(pairs[:cut]).merge(CorpusCounts().update(pairs[cut:])).profiles()
    # below one bucket of pages nothing is pruned: merging is exact
    assert {s: (p.pages, {h: t.pages for h, t in p.lines.items()}) for s, p in whole.items()} == \
           {s: (p.pages, {h: t.pages for h, t in p.lines.items()}) for s, p in merged.items()}


def test_counts_are_pruned_as_they_go():
    counts = CorpusCounts()
    rnd = random.Random(1)
    for i in range(40 * BUCKET_PAGES):
        counts.add("big.example", "\n".join(["Home", "News", *(_article(rnd))]))
    entries = counts.sites["big.example"].entries
    assert len(entries) < 2 * BUCKET_PAGES * 8
    prof = counts.sites["big.example"].profile()
    assert {t.text for t in prof.lines.values()} == {"Home", "News"}
    assert all(t.pages >= prof.pages - prof.pages // BUCKET_PAGES for t in prof.lines.values())


def test_dask_bag_learns_what_learn_sites_learns():
    db = pytest.importorskip("dask.bag")
    from cleantext.corpus.dask import learn_sites_bag

    pairs = [(s, _text(p)) for s in ("a.example", "b.example") for p in _site(9, seed=len(s))]
    random.Random(2).shuffle(pairs)
    bag = db.from_sequence(pairs, npartitions=4)
    got = learn_sites_bag(bag, scheduler="synchronous")
    want = learn_sites(pairs)
    assert {s: {h: t.pages for h, t in p.lines.items()} for s, p in got.items()} == \
           {s: {h: t.pages for h, t in p.lines.items()} for s, p in want.items()}


def _cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "cleantext", *args], cwd=cwd, capture_output=True,
                          text=True)


def test_cli_learn_profiles_and_two_passes(tmp_path):
    pages = _site(5, seed=7)
    site_dir = tmp_path / "in" / "courier.example"
    site_dir.mkdir(parents=True)
    for i, p in enumerate(pages):
        (site_dir / f"p{i}.txt").write_text(_text(p), encoding="utf-8")
    r = _cli("learn", "in", "--out", "prof", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "prof" / "courier.example.toml").exists()
    r = _cli("--profiles", "prof", "in/courier.example/p0.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "About us" not in r.stdout and pages[0][1][1] in r.stdout
    r = _cli("--learn", "in", "--out-dir", "out", "-q", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = (tmp_path / "out" / "courier.example" / "p1.txt").read_text(encoding="utf-8")
    assert "The Courier" not in out and pages[1][1][1] in out
    with open(tmp_path / "c.jsonl", "w", encoding="utf-8") as f:
        for i, p in enumerate(pages):
            f.write(json.dumps({"url": f"https://courier.example/{i}", "text": _text(p)}) + "\n")
    r = _cli("--jsonl", "--learn", "c.jsonl", "-o", "c.out.jsonl", "-q", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    recs = [json.loads(x) for x in (tmp_path / "c.out.jsonl").read_text().splitlines()]
    assert all("Contact" not in rec["text_clean"] for rec in recs)
    assert _cli("--learn", "--profiles", "prof", "in", cwd=tmp_path).returncode == 2


@pytest.mark.skipif(not (DATA / "readability" / "ground-truth.json").exists(),
                    reason=f"development data not found under {DATA}")
def test_synthetic_sites_from_real_chrome():
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks.corpus import load_sites, synthetic_sites
    finally:
        sys.path.remove(str(ROOT))
    pages = [p for ps in load_sites(DATA / "readability").values() for p in ps]
    sites = synthetic_sites(pages, n_sites=4, per_site=6, seed=11)
    assert sites
    profiles = learn_sites((s["site"], p["text"]) for s in sites for p in s["pages"])
    cleaner = cleantext.Cleaner(profiles=profiles)
    template_left = template_all = lost = article_lines = 0
    for s in sites:
        for p in s["pages"]:
            result = cleaner.explain(p["text"], site=s["site"])
            template = {line_key(t) for t in p["template"]}
            article = set(p["article"])
            article_lines += len(article)
            for e in result.changes:
                if e.code != "SP001":
                    continue
                for line in e.before.splitlines():
                    # a line of article text (a line of punctuation may well repeat)
                    if any(c.isalpha() for c in line) and line_key(line) not in template:
                        if "seen on" in e.detail:  # a template line is never an article's line
                            assert line not in article, (s["source"], line)
                        lost += line in article  # a short line between template blocks may be
            kept = set(result.text.splitlines())
            template_left += sum(" ".join(t.split()) in kept for t in p["template"])
            template_all += len(p["template"])
    assert template_left <= 0.02 * template_all
    assert lost <= 0.02 * article_lines
