"""Development sessions: ``nox`` runs tests, lint, typecheck, plugins and docs; ``nox -s bench`` is opt-in."""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "plugins", "docs"]
nox.options.error_on_missing_interpreters = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
ROOT = Path(__file__).parent


def install_groups(session: nox.Session, *groups: str) -> None:
    for group in groups:
        session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (unit, property and CLI tests) against an installed npcproc, and report its coverage.

    ``coverage run -m pytest`` starts measuring before pytest loads npcproc's own pytest11 plugin
    (npcproc.testing.pytest_plugin), which imports npcproc: with pytest-cov, whatever that import runs
    would go unmeasured. The plugin packages' tests (``nox -s plugins``) are not counted here.
    """
    install_groups(session, "test")
    session.install(".")
    session.run("coverage", "erase")
    session.run("coverage", "run", "-m", "pytest", *session.posargs)
    session.run("coverage", "combine", "--quiet")
    session.run("coverage", "report")


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over the whole project; lint-imports checks the layers.

    The import contracts are ``[tool.importlinter]`` in pyproject.toml (``tools/import_contracts.py``
    adds the module-level cycle check); lint-imports reads ``npcproc`` from ``src/`` without installing it.
    """
    install_groups(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("lint-imports", "--no-cache", env={"PYTHONPATH": str(ROOT / "src")})


PLUGIN_PACKAGES = sorted(path.parent.name for path in ROOT.glob("plugins/*/pyproject.toml"))


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict over src/npcproc, then over each plugin's src/ (installed with its dependencies)."""
    install_groups(session, "typecheck")
    session.install(".", *(f"plugins/{name}" for name in PLUGIN_PACKAGES))
    session.run("mypy", "--strict", "src/npcproc")
    session.run("mypy", "--strict", *(f"plugins/{name}/src" for name in PLUGIN_PACKAGES))


@nox.session
@nox.parametrize("package", [*PLUGIN_PACKAGES, "together"])
def plugins(session: nox.Session, package: str) -> None:
    """Each plugin in a fresh venv beside npcproc alone, then all of them together for plugins/tests.

    Alone, a plugin's tests show it brings what it needs (its law texts, its settings and checks),
    not what the core or another plugin supplies.
    """
    session.install(".[testing]")
    if package != "together":
        session.install(f"plugins/{package}")
        session.run("pytest", f"plugins/{package}/tests", "-p", "no:cacheprovider", *session.posargs)
        return
    # Tests across the plugins, such as the same year under each province's rules.
    session.install(*(f"plugins/{name}" for name in PLUGIN_PACKAGES))
    session.run("pytest", "plugins/tests", "-p", "no:cacheprovider", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the Sphinx docs (docs/ -> docs/_build/html); any warning fails the build."""
    install_groups(session, "docs")
    session.install(".[testing]")  # the API reference imports npcproc.testing, which needs Hypothesis and pytest
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html", *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Run benchmarks/bench_*.py; each prints ratios against a baseline measured in the same run.

    bench_generated.py fails the session when the code built with exec misses its target against the plain
    code it replaces: the generated code stays only while it pays.
    """
    install_groups(session, "bench")
    session.install(".", *(str(path.parent) for path in sorted(ROOT.glob("plugins/npcproc-postgres/pyproject.toml"))))
    for script in sorted(ROOT.glob("benchmarks/bench_*.py")):
        session.run("python", str(script))
