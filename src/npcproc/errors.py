"""The exception hierarchy: one root, each subclass says what was wrong, where, and which rule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from npcproc._errors import NpcprocError, UnknownCitationError, UnknownMessageError

if TYPE_CHECKING:
    from npcproc.rules.decision import Citation, Decision


class InvalidArgumentError(NpcprocError, ValueError):
    """An argument is impossible under the law or arithmetic (negative counts, present > total, ...).

    ``argument`` names the offending argument, ``rule`` says which constraint it broke.
    """

    def __init__(self, argument: str, message: str, *, citation: Citation | None = None) -> None:
        self.argument = argument
        self.citation = citation
        source = f" ({citation})" if citation is not None else ""
        super().__init__(f"{argument}: {message}{source}")


class UnknownParameterError(NpcprocError, KeyError):
    """A rule parameter name is not registered."""

    def __str__(self) -> str:
        return str(self.args[0])


class PluginError(NpcprocError):
    """A plugin misbehaved; the message names the plugin, its distribution, the hook and the fix."""

    def __init__(self, message: str, *, plugin: str, hook: str, fix: str, distribution: str | None = None) -> None:
        self.plugin = plugin
        self.hook = hook
        self.fix = fix
        self.distribution = distribution
        where = f"plugin {plugin!r}" + (f" (distribution {distribution})" if distribution else "")
        super().__init__(f"{where}, hook {hook}: {message}. Fix: {fix}")


class FloorViolationError(PluginError):
    """A plugin set a parameter looser than the national floor without declaring a relaxation."""


class UnknownProvinceError(NpcprocError, LookupError):
    """No installed plugin serves the requested province."""


class ConversionError(NpcprocError, ValueError):
    """Structured data could not be turned into a model or event.

    ``path`` is the dotted path to the first bad field (``deputies[2].status_history[0].on``).
    """

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class ConcurrencyError(NpcprocError):
    """An append expected a stream version that is no longer current; nothing was written."""

    def __init__(self, stream: str, expected: int, actual: int) -> None:
        self.stream = stream
        self.expected = expected
        self.actual = actual
        super().__init__(f"stream {stream!r}: expected version {expected}, but it is at {actual}; nothing was written")


class ProcedureError(NpcprocError):
    """A procedure refused an action; ``decision`` explains why, with citations."""

    def __init__(self, decision: Decision) -> None:
        self.decision = decision
        super().__init__(decision.explain("en"))


__all__ = [
    "ConcurrencyError",
    "ConversionError",
    "FloorViolationError",
    "InvalidArgumentError",
    "NpcprocError",
    "PluginError",
    "ProcedureError",
    "UnknownCitationError",
    "UnknownMessageError",
    "UnknownParameterError",
    "UnknownProvinceError",
]
