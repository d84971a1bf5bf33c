from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from npcproc.plugins import create_plugin_manager, reset_plugin_manager

TESTS = Path(__file__).parent
LAW_SOURCE = "sample_plugins.provincial_laws"

# Timing varies on shared CI machines; correctness does not depend on it.
settings.register_profile("npcproc", deadline=None, print_blob=True)
settings.load_profile("npcproc")


@pytest.fixture(autouse=True)
def _isolated_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees plugins installed on the machine or a manager cached by another test."""
    for name in list(os.environ):
        if name.startswith("NPCPROC_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", "1")
    # The provincial texts the sample plugins cite: the core itself ships national law only.
    monkeypatch.setenv("NPCPROC_LOAD_PLUGINS", LAW_SOURCE)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")])))
    reset_plugin_manager()


@pytest.fixture
def make_pm():
    """Build an isolated plugin manager holding the built-ins and the given plugins."""

    def make(*plugins: object):
        return create_plugin_manager(autoload=False, plugins=plugins)

    return make
