"""What every stage shares: the record that documents a rule implemented in code."""

from __future__ import annotations

from dataclasses import dataclass

from ..text.edits import RuleRef


@dataclass(frozen=True)
class CodeRule:
    """Documentation of a rule implemented in code (not in a TOML pack)."""

    code: str
    name: str
    kind: str
    why: str
    module: str

    @property
    def ref(self) -> RuleRef:
        return RuleRef(self.code, self.kind, self.why)
