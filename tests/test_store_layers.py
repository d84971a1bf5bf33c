"""The store stands apart from the domain: what each store module (and serialization) may import from npcproc.

The recorder (base, chain) and the backends deal in rows and records; only the mapper and the modules
that write particular events (secret ballots, signed heads) know events, through serialization and the
event registry; nothing in the store imports procedures, the model, the rules, the CLI or the report.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from npcproc import serialization
from npcproc.rules.decision import ReasonValue

SOURCE = Path(serialization.__file__).parent
ROWS_ONLY = {"npcproc.errors", "npcproc.text", "npcproc.store"}
#: module -> the npcproc modules (and their submodules) it may import.
ALLOWED = {
    "store/base.py": ROWS_ONLY,
    "store/chain.py": ROWS_ONLY,
    "store/urls.py": ROWS_ONLY,
    "store/memory.py": ROWS_ONLY,
    "store/sqlite.py": ROWS_ONLY,
    "store/backend.py": ROWS_ONLY,
    "store/mapper.py": ROWS_ONLY | {"npcproc.serialization"},
    "store/secret.py": ROWS_ONLY | {"npcproc.serialization"},
    "store/signing.py": ROWS_ONLY | {"npcproc.events"},
    "store/__init__.py": ROWS_ONLY | {"npcproc.plugins"},  # open_store asks the plugins for a backend
    "serialization.py": {"npcproc.errors", "npcproc.events"},
}


def imported(path: Path) -> set[str]:
    """Every npcproc module ``path`` imports, at any depth of its code (TYPE_CHECKING blocks included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "npcproc" or name.startswith("npcproc.")}


def test_every_store_module_is_listed():
    assert {str(path.relative_to(SOURCE)) for path in (SOURCE / "store").glob("*.py")} | {"serialization.py"} == set(
        ALLOWED
    )


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_store_modules_import_no_domain(module):
    allowed = ALLOWED[module]
    outside = sorted(
        name for name in imported(SOURCE / module) if not any(name == a or name.startswith(f"{a}.") for a in allowed)
    )
    assert outside == [], f"{module} imports {outside}"


def test_the_reason_value_union_serialization_spells_is_the_rules_one():
    # cattrs finds a union's hooks by equality: if the two drifted apart, reasons would lose their fractions.
    assert ReasonValue == serialization._REASON_VALUE


def test_the_backend_interface_names_exist_and_are_documented():
    from npcproc.store import backend

    assert backend.__all__ == sorted(backend.__all__, key=lambda name: (not name.isupper(), name))
    named = {name: getattr(backend, name) for name in backend.__all__}
    undocumented = [
        name
        for name, value in named.items()
        if (inspect.isroutine(value) or inspect.isclass(value)) and not (value.__doc__ or "").strip()
    ]
    assert undocumented == []


def test_the_mapper_decodes_what_it_encoded():
    from npcproc.store import MemoryStore
    from npcproc.store.mapper import decode
    from npcproc.testing.backends import noted

    store = MemoryStore()
    store.append("s", noted(1, 2), expected_version=0)
    assert [decode(record) for record in store.read_all()] == noted(1, 2)
