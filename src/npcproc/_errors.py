"""The root of npcproc's exceptions and the error of the law-text lookup, below :mod:`npcproc.errors`.

:mod:`npcproc.errors` names :class:`~npcproc.rules.Decision` and :class:`~npcproc.rules.Citation`
(a refusal carries its decision), and the decision's citations look up law texts
(:mod:`npcproc.rules.laws`), which raise :class:`UnknownCitationError`; so that error and its root
live here, below both, and :mod:`npcproc.errors` re-exports them. Import them from there.
"""

from __future__ import annotations

__all__ = ["NpcprocError", "UnknownCitationError"]


class NpcprocError(Exception):
    """Root of every error npcproc raises on purpose."""

    __module__ = "npcproc.errors"


class UnknownCitationError(NpcprocError, LookupError):
    """A citation names a law, article, paragraph or item that the shipped law data lacks."""

    __module__ = "npcproc.errors"
