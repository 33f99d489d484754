"""Every rule implemented in code, for the documentation and the fixture meta-test.

Declarative rules live in the TOML packs; rules that need code declare a
:class:`~cleantext.stages.base.CodeRule` in their module.  This list is
generated from the pipeline's lists of stages
(:data:`~cleantext.stages.pipeline.NORMALIZATION`,
:data:`~cleantext.stages.pipeline.BOILERPLATE`) plus the name-table rules,
which run between the two.
"""

from __future__ import annotations

from pathlib import Path

from .names import table as names
from .stages.base import CodeRule
from .stages.pipeline import BOILERPLATE, NORMALIZATION

CODE_RULES: list[CodeRule] = [
    *(r for step in NORMALIZATION for r in step.code_rules),
    *(r for stage in BOILERPLATE for r in stage.code_rules),
    *names.CODE_RULES,
]


def defining_file(rule: CodeRule) -> str:
    """The source file, relative to the project root, that implements ``rule``."""
    return str(Path(*rule.module.split(".")).with_suffix(".py").as_posix())


def fixture_file(code: str) -> str:
    """The fixture of rule ``code``, relative to the project root."""
    return f"tests/fixtures/rules/{code}.toml"
