"""An import-linter contract type for ``lint-imports`` (see ``[tool.importlinter]`` in pyproject.toml).

``acyclic_modules``: no import cycle between modules, at any depth. import-linter's own
``acyclic_siblings`` compares the children of a package as wholes (``rules`` against
``calendar``), which flags packages whose modules sit on different layers; this contract
looks at modules, as a reader following one import after another does. Modules under a
package in ``collapse`` count as that package (a package being regrouped is one node), and
``ignore_imports`` lists imports known to close a cycle, each with the reason it is still there.
"""

from __future__ import annotations

from typing import Any

from importlinter.application import contract_utils, output
from importlinter.application.contract_utils import AlertLevel
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


class AcyclicModulesContract(Contract):
    """No strongly connected component of more than one module in the import graph."""

    type_name = "acyclic_modules"

    collapse = fields.ListField(subfield=fields.StringField(), required=False)
    ignore_imports = fields.SetField(subfield=fields.ImportExpressionField(), required=False)

    def check(self, graph: Any, verbose: bool) -> ContractCheck:
        removal = contract_utils.remove_ignored_imports_and_report(
            graph=graph, ignore_imports=self.ignore_imports, unmatched_alerting=AlertLevel.ERROR
        )
        collapse = tuple(self.collapse or ())

        def node(module: str) -> str:
            return next((package for package in collapse if module.startswith(package + ".")), module)

        edges: dict[str, set[str]] = {}
        for module in graph.modules:
            for imported in graph.find_modules_directly_imported_by(module):
                if node(module) != node(imported):
                    edges.setdefault(node(module), set()).add(node(imported))
        cycles = [sorted(component) for component in _components(edges) if len(component) > 1]
        details = [
            [f"{a} -> {b}" for a in cycle for b in sorted(edges.get(a, ())) if b in cycle] for cycle in sorted(cycles)
        ]
        return ContractCheck(kept=not cycles, warnings=list(removal.warnings), metadata={"cycles": details})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for imports in check.metadata["cycles"]:
            output.print_error("These imports form a cycle; remove one (move the shared thing to a lower module):")
            output.new_line()
            for line in imports:
                output.print_error(f"- {line}", bold=False)
            output.new_line()


def _components(edges: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's strongly connected components, iteratively (import graphs are deep)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    nodes = sorted(set(edges) | {b for targets in edges.values() for b in targets})
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            current, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[current] = min(low[current], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[current])
            if low[current] == index[current]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == current:
                        break
                found.append(component)
    return found
