"""docs/rules.md is generated from the packs and is up to date."""

from pathlib import Path

from cleantext.docs import render

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rules_doc_is_current():
    assert DOC.read_text(encoding="utf-8") == render(), \
        "docs/rules.md is stale: run python -m cleantext.docs > docs/rules.md"


def test_every_rule_is_documented():
    text = render()
    from cleantext.stages.packs import builtin_pack_paths, load_pack
    from cleantext.registry import CODE_RULES

    codes = {r.code for r in CODE_RULES} | {r.id for p in builtin_pack_paths() for r in load_pack(p).rules}
    assert all(f"| {c} |" in text for c in codes)
