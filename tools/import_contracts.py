"""An import-linter contract that allow-lists what a package may import from outside.

`forbidden` contracts can only deny names someone thought of; this one denies
everything not listed, so a new third-party import in the domain breaks the build.
"""

from __future__ import annotations

import sys

from grimp import ImportGraph
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


class AllowedExternalsContract(Contract):
    """`source_modules` may import only the standard library, `allowed_externals`
    and modules inside `allowed_internals` (plus themselves)."""

    type_name = "allowed_externals"

    source_modules = fields.ListField(subfield=fields.StringField())
    allowed_externals = fields.ListField(subfield=fields.StringField())
    allowed_internals = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        sources = [str(m) for m in self.source_modules]  # type: ignore[attr-defined]
        allowed = {str(m) for m in self.allowed_externals}  # type: ignore[attr-defined]
        internals = [str(m) for m in (self.allowed_internals or [])]  # type: ignore[attr-defined]
        violations: list[tuple[str, str]] = []
        for source in sources:
            for module in sorted({source, *graph.find_descendants(source)}):
                for imported in sorted(graph.find_modules_directly_imported_by(module)):
                    top = imported.split(".")[0]
                    inside = any(
                        imported == ok or imported.startswith(ok + ".")
                        for ok in [*sources, *internals]
                    )
                    if inside or top in allowed or top in sys.stdlib_module_names:
                        continue
                    violations.append((module, imported))
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    def render_broken_contract(self, check: ContractCheck) -> None:
        from importlinter.application import output

        for module, imported in check.metadata["violations"]:
            output.print_error(f"{module} imports {imported}, which is not allowed here")
            output.new_line()
